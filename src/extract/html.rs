//! HTML documents and fragments (portal pages, Word "save as web page", files named `.pdf` that
//! are HTML). A small tolerant tag scanner: the content text without script, style and head,
//! block elements as lines, tables through [`BlockBuilder`], entities decoded, charset from the
//! BOM, a `<meta>` declaration, or detection.

use super::layout::{render, BlockBuilder};
use super::legacy::{cp1252_to_string, cp1258_to_unicode};
use super::text::{decode_charset, finish, repair};
use super::{Encoding, ExtractError, Extraction, Limits, SourceFormat};

pub(super) fn extract_html(bytes: &[u8], limits: &Limits) -> Result<Extraction, ExtractError> {
    let (source, found) = decode_html_bytes(bytes);
    let body = html_text(&source, limits.max_depth);
    let decoded = repair(body, found);
    let mut warnings = decoded.warnings;
    if source.len() > 20_000 && decoded.text.len() * 20 < source.len() {
        warnings
            .push("html page holds little text: probably a portal page, not the document".into());
    }
    Ok(finish(
        SourceFormat::Html,
        &decoded.text,
        decoded.encoding,
        warnings,
        Vec::new(),
    ))
}

/// The charset a `<meta>` tag declares in the first bytes, lower-cased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let value: String = head[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .map(|&b| char::from(b))
        .collect();
    (!value.is_empty()).then_some(value)
}

fn decode_html_bytes(bytes: &[u8]) -> (String, Option<Encoding>) {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    // Pages saved again as UTF-8 often keep their old declaration: valid UTF-8 wins.
    if !has_bom && std::str::from_utf8(bytes).is_err() {
        match declared_charset(bytes).as_deref() {
            Some("windows-1258" | "cp1258") => {
                return (cp1258_to_unicode(bytes), Some(Encoding::Cp1258))
            }
            Some("windows-1252" | "iso-8859-1" | "latin1" | "us-ascii") => {
                // Legacy pages declare Latin-1 for text typed in .VnTime (TCVN3) or VNI fonts;
                // the repair step detects those from the characters.
                return (cp1252_to_string(bytes), None);
            }
            _ => {}
        }
    }
    decode_charset(bytes)
}

/// Elements whose content is never document text.
fn is_skipped_element(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "head"
            | "title"
            | "noscript"
            | "template"
            | "svg"
            | "textarea"
            | "select"
            | "iframe"
            | "object"
            | "button"
    )
}

/// Elements that start and end a line.
fn is_block_element(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "section"
            | "article"
            | "blockquote"
            | "center"
            | "hr"
            | "pre"
            | "address"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "form"
            | "fieldset"
            | "figure"
            | "figcaption"
            | "caption"
            | "body"
            | "html"
    )
}

fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes().get(from..)?;
    let n = needle.as_bytes();
    h.windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
        .map(|p| p + from)
}

/// Byte index just past the `>` closing the tag that starts at `start`, honouring quotes.
fn tag_end(src: &str, start: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in src.as_bytes().iter().enumerate().skip(start) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    src.len()
}

/// Body text of an HTML source, laid out by [`render`].
pub(super) fn html_text(src: &str, max_depth: usize) -> String {
    let mut b = BlockBuilder::default();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < src.len() {
        let lt = src[i..].find('<').map_or(src.len(), |p| p + i);
        if lt > i {
            push_text(&mut b, &src[i..lt]);
        }
        if lt >= src.len() {
            break;
        }
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = src[lt..].find("-->").map_or(src.len(), |p| lt + p + 3);
            continue;
        }
        let second = rest.get(1).copied().unwrap_or(b' ');
        if second == b'!' || second == b'?' {
            i = tag_end(src, lt);
            continue;
        }
        let closing = second == b'/';
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start.min(src.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            b.text("<");
            i = lt + 1;
            continue;
        }
        let name = src[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(src, lt);
        let self_closing = src[..end].ends_with("/>");
        i = end;
        if !closing && !self_closing && is_skipped_element(&name) {
            let close = format!("</{name}");
            i = find_ci(src, end, &close).map_or(src.len(), |p| tag_end(src, p));
            continue;
        }
        match (name.as_str(), closing) {
            ("br", _) => b.end_line(),
            ("table", false) if b.table_depth() < max_depth => b.start_table(),
            ("table", true) => b.end_table(),
            ("tr", false) => b.start_row(),
            ("tr", true) => b.end_row(),
            ("td" | "th", false) => b.start_cell(),
            ("td" | "th", true) => b.end_cell(),
            (n, _) if is_block_element(n) && !b.line_is_empty() => b.end_line(),
            _ => {}
        }
    }
    render(&b.finish())
}

/// Inline text: entities decoded, whitespace runs collapsed to one space as browsers do.
fn push_text(b: &mut BlockBuilder, raw: &str) {
    let decoded = decode_entities(raw);
    let mut out = String::with_capacity(decoded.len());
    let mut space = false;
    for c in decoded.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && (!out.is_empty() || b.wants_space()) {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if space && (!out.is_empty() || b.wants_space()) {
        out.push(' ');
    }
    b.text(&out);
}

/// Named entities met in Vietnamese pages (Latin-1 letters, punctuation).
fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "plusmn" => '±',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "shy" => '\u{AD}',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        "szlig" => 'ß',
        _ => {
            // Capitals: `&Ecirc;` is the upper case of `&ecirc;`.
            let first = name.chars().next()?;
            if !first.is_ascii_uppercase() || name.len() < 4 {
                return None;
            }
            let lower = named_entity(&name.to_ascii_lowercase())?;
            if !lower.is_lowercase() || lower == 'ß' {
                return None;
            }
            return lower.to_uppercase().next();
        }
    };
    Some(c)
}

/// Decode `&name;`, `&#NNN;` and `&#xHH;`; unknown or broken references stay as written.
pub(super) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&p| p > 0 && p <= 32);
        let decoded = semi.and_then(|p| {
            let name = &after[..p];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                }?;
                Some(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
            } else {
                named_entity(name)
            }?;
            Some((c, p))
        });
        match decoded {
            Some((c, p)) => {
                out.push(c);
                rest = &after[p + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(s: &str) -> Extraction {
        extract_html(s.as_bytes(), &Limits::default()).expect("html never fails")
    }

    #[test]
    fn vbpl_fragment_header_table_and_paragraphs() {
        let src = r#"<div class="x"><table border="1"><colgroup><col/></colgroup><tbody>
<tr><td><strong>CHÍNH PHỦ</strong><br/><strong>-------</strong></td>
<td><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br/><strong>Độc lập - Tự do - Hạnh phúc</strong></td></tr>
<tr><td>Số: 66/2026/NQ-CP</td><td><em>Hà Nội, ngày 13 tháng 02 năm 2026</em></td></tr>
</tbody></table></div>
<p style="text-align: center;"><strong>NGHỊ QUYẾT</strong></p>
<p><em>Căn cứ Luật Tổ chức   Chính phủ&nbsp;số 63/2025/QH15;</em></p>
<script>var x = "<p>not text</p>";</script><style>p{}</style>
<p>A &amp; B &#272;i&#x1EC1;u &Ecirc;</p>"#;
        let e = html(src);
        assert_eq!(
            e.text,
            "CHÍNH PHỦ\n-------\nSố: 66/2026/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 13 tháng 02 năm 2026\nNGHỊ QUYẾT\n\
             Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nA & B Điều Ê"
        );
        assert_eq!(e.format, SourceFormat::Html);
    }

    #[test]
    fn head_and_comments_dropped() {
        let e = html("<!DOCTYPE html><html><head><title>T</title><meta charset=\"utf-8\"></head><body><!-- c --><h1>Điều 1</h1>x<br>y</body></html>");
        assert_eq!(e.text, "Điều 1\nx\ny");
    }

    #[test]
    fn declared_cp1258() {
        let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body><p>".to_vec();
        bytes.extend(b"\xD0i\xEA\xCCu 1");
        bytes.extend(b"</p></body></html>");
        let e = extract_html(&bytes, &Limits::default()).expect("html");
        assert_eq!(e.text, "Điều 1");
        assert_eq!(e.encoding, Encoding::Cp1258);
    }

    #[test]
    fn utf8_bytes_win_over_stale_declaration() {
        let src = "<meta charset=\"windows-1258\"><p>Điều 1</p>";
        assert_eq!(html(src).text, "Điều 1");
    }

    #[test]
    fn broken_markup_never_panics() {
        for src in [
            "<",
            "<a",
            "<p",
            "</",
            "<!--",
            "<table><td>x",
            "&#xFFFFFFFF; &#; &",
            "<tr></table></td>",
            "<script>",
        ] {
            let e = html(src);
            assert!(!e.text.contains('\u{0}'));
        }
        assert_eq!(html("&#xFFFFFFFF;").text, "\u{FFFD}");
    }

    #[test]
    fn only_markup_has_no_text_layer() {
        let e = html("<html><body><div> </div></body></html>");
        assert_eq!(e.text_layer, super::super::TextLayer::None);
    }
}
