//! DOCX (Office Open XML WordprocessingML): `word/document.xml` for the body, header and
//! footer parts for the page furniture. Zip-bomb safe: entry count and inflated bytes bounded.

use super::layout::{render, BlockBuilder};
use super::text::{finish, repair};
use super::{Encoding, ExtractError, Extraction, Limits, SourceFormat};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// More entries than any real document has; a zip past it is refused before anything inflates.
const MAX_ENTRIES: usize = 10_000;

fn malformed(reason: impl Into<String>) -> ExtractError {
    ExtractError::Malformed {
        format: "docx",
        reason: reason.into(),
    }
}

/// Reads zip parts while keeping the total inflated size under the limit.
struct PartReader<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl PartReader<'_> {
    fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ExtractError> {
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(malformed(format!("zip entry {name}: {e}"))),
        };
        if file.size() > self.budget {
            return Err(ExtractError::TooLarge(file.size()));
        }
        let mut buf = Vec::new();
        // The declared size can lie: cap what is actually inflated too.
        (&mut file)
            .take(self.budget + 1)
            .read_to_end(&mut buf)
            .map_err(|e| malformed(format!("zip entry {name}: {e}")))?;
        let got = u64::try_from(buf.len()).unwrap_or(u64::MAX);
        if got > self.budget {
            return Err(ExtractError::TooLarge(got));
        }
        self.budget -= got;
        Ok(Some(buf))
    }
}

pub(super) fn extract_docx(bytes: &[u8], limits: &Limits) -> Result<Extraction, ExtractError> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| malformed(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(malformed(format!("{} zip entries", zip.len())));
    }
    let mut furniture_parts: Vec<String> = zip
        .file_names()
        .filter(|n| {
            (n.starts_with("word/header") || n.starts_with("word/footer")) && n.ends_with(".xml")
        })
        .map(str::to_string)
        .collect();
    furniture_parts.sort();
    let mut parts = PartReader {
        zip,
        budget: limits.max_inflated_bytes,
    };
    let body = parts
        .read("word/document.xml")?
        .ok_or_else(|| malformed("no word/document.xml"))?;
    let body_text = wordml_text(&body, limits.max_depth)?;
    let mut furniture = Vec::new();
    for name in &furniture_parts {
        let Some(xml) = parts.read(name)? else {
            continue;
        };
        let text = wordml_text(&xml, limits.max_depth)?;
        furniture.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
    }
    furniture.retain(|l| l != PAGE_MARK);
    furniture.dedup();
    // DOCX is Unicode, but documents typed in .VnTime fonts keep TCVN3 codes as text.
    let decoded = repair(body_text, Some(Encoding::Unicode));
    let mut x = finish(
        SourceFormat::Docx,
        &decoded.text,
        decoded.encoding,
        decoded.warnings,
        furniture,
    );
    let (text, page_lines) = split_pages(&x.text);
    x.text = text;
    x.pages = u32::try_from(page_lines.len().max(1)).unwrap_or(u32::MAX);
    x.page_lines = page_lines;
    Ok(x)
}

/// A private-use character on a line of its own: where a page starts (never in real text).
const PAGE_MARK: &str = "\u{E000}";

/// `<w:br w:type="page"/>`.
fn is_page_break(e: &quick_xml::events::BytesStart) -> bool {
    e.attributes()
        .flatten()
        .any(|a| local(a.key.as_ref()) == b"type" && a.value.as_ref() == b"page")
}

/// Take the page marks out of the text: the text without them, and the 0-based line where each
/// page starts (empty when the file records no page break: one page of unknown length).
fn split_pages(text: &str) -> (String, Vec<usize>) {
    if !text.contains(PAGE_MARK) {
        return (text.to_string(), Vec::new());
    }
    let mut out: Vec<&str> = Vec::new();
    let mut starts = vec![0usize];
    for line in text.split('\n') {
        if line.trim() == PAGE_MARK {
            // The empty line the break left before it goes too.
            while out.last().is_some_and(|l| l.trim().is_empty()) {
                out.pop();
            }
            if starts.last() != Some(&out.len()) {
                starts.push(out.len());
            }
            continue;
        }
        // A blank line right after a page start, or doubled by the removal, is dropped.
        if line.trim().is_empty()
            && (out.is_empty() || out.last().is_some_and(|l| l.trim().is_empty()))
        {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    // A mark after the last line opens no page.
    starts.retain(|&s| s < out.len());
    starts.dedup();
    (out.join("\n"), starts)
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

/// `w:rFonts` naming a TCVN3 upper-case font: `.VnTimeH`, `.VnArialH`, `.VnCentury SchoolbookH`.
fn is_tcvn3_upper_font(e: &quick_xml::events::BytesStart) -> bool {
    e.attributes().flatten().any(|a| {
        matches!(local(a.key.as_ref()), b"ascii" | b"hAnsi")
            && a.value.starts_with(b".Vn")
            && a.value.ends_with(b"H")
    })
}

/// Text of one WordprocessingML part: paragraphs as lines, tables through [`BlockBuilder`],
/// `w:tab`/`w:br` inside runs, field results kept and field instructions dropped.
pub(super) fn wordml_text(xml: &[u8], max_depth: usize) -> Result<String, ExtractError> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut b = BlockBuilder::default();
    let mut depth = 0usize;
    // Depth at which a subtree whose text must be skipped started (mc:Fallback repeats the
    // mc:Choice content; w:instrText is a field's code, not its result).
    let mut skip_from: Option<usize> = None;
    let mut in_text = false;
    let mut run_depth = 0usize;
    // The run is set in a TCVN3 upper-case font (`.VnTimeH`): its lower-case ASCII letters
    // show as capitals, so they are stored as capitals for the TCVN3 conversion to see.
    let mut upper_font = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| malformed(format!("xml: {e}")))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > max_depth {
                    return Err(malformed(format!("xml nested deeper than {max_depth}")));
                }
                if skip_from.is_some() {
                    continue;
                }
                match local(e.name().as_ref()) {
                    b"Fallback" | b"instrText" | b"delText" | b"pPr" => skip_from = Some(depth),
                    b"t" => in_text = true,
                    b"r" => {
                        run_depth += 1;
                        upper_font = false;
                    }
                    b"tbl" => b.start_table(),
                    b"tr" => b.start_row(),
                    b"tc" => b.start_cell(),
                    _ => {}
                }
            }
            Event::End(e) => {
                if let Some(from) = skip_from {
                    if depth == from {
                        skip_from = None;
                    }
                    depth = depth.saturating_sub(1);
                    continue;
                }
                depth = depth.saturating_sub(1);
                match local(e.name().as_ref()) {
                    b"t" => in_text = false,
                    b"r" => run_depth = run_depth.saturating_sub(1),
                    b"p" => b.end_line(),
                    b"tc" => b.end_cell(),
                    b"tr" => b.end_row(),
                    b"tbl" => b.end_table(),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip_from.is_some() || run_depth == 0 {
                    continue;
                }
                match local(e.name().as_ref()) {
                    b"tab" | b"ptab" => b.text("\t"),
                    // A page break, typed or where Word last laid the page out: a marker line
                    // that `extract_docx` turns into the start of a page.
                    b"br" if is_page_break(&e) => {
                        b.end_line();
                        b.text(PAGE_MARK);
                        b.end_line();
                    }
                    b"lastRenderedPageBreak" => {
                        b.end_line();
                        b.text(PAGE_MARK);
                        b.end_line();
                    }
                    b"br" | b"cr" => b.end_line(),
                    b"noBreakHyphen" => b.text("-"),
                    b"rFonts" => upper_font = is_tcvn3_upper_font(&e),
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip_from.is_none() => {
                let s = t
                    .unescape()
                    .map_err(|e| malformed(format!("xml text: {e}")))?;
                if upper_font {
                    b.text(&s.to_ascii_uppercase());
                } else {
                    b.text(&s);
                }
            }
            Event::CData(t) if in_text && skip_from.is_none() => {
                b.text(&String::from_utf8_lossy(&t));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(render(&b.finish()))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    /// A DOCX with the given `word/document.xml` body (inner of `w:body`) and extra parts.
    pub(crate) fn make_docx(body: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zw = zip::ZipWriter::new(&mut out);
        let opts =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zw.start_file("[Content_Types].xml", opts).expect("zip");
        zw.write_all(b"<Types/>").expect("zip");
        zw.start_file("word/document.xml", opts).expect("zip");
        let doc = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        zw.write_all(doc.as_bytes()).expect("zip");
        for (name, data) in extra {
            zw.start_file(*name, opts).expect("zip");
            zw.write_all(data).expect("zip");
        }
        zw.finish().expect("zip");
        out.into_inner()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    fn cell(paras: &[&str]) -> String {
        format!(
            "<w:tc>{}</w:tc>",
            paras.iter().map(|t| p(t)).collect::<String>()
        )
    }

    #[test]
    fn header_table_paragraphs_tabs_fields() {
        let header = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell(&["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"]),
            cell(&[
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc"
            ]),
            cell(&["Số: 12/2024/QĐ-UBND"]),
            cell(&["Sơn La, ngày 5 tháng 3 năm 2024"]),
        );
        let body = format!(
            "{header}{}<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"100\"/></w:tabs></w:pPr><w:r><w:t>Điều 1.</w:t></w:r><w:r><w:tab/><w:t>A &amp; B</w:t><w:br/><w:t>dòng 2</w:t></w:r></w:p>\
             <w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>7</w:t></w:r></w:p>",
            p("QUYẾT ĐỊNH")
        );
        let footer = b"<w:ftr xmlns:w=\"x\"><w:p><w:r><w:t>Trang 1</w:t></w:r></w:p></w:ftr>";
        let bytes = make_docx(&body, &[("word/footer1.xml", footer)]);
        let e = extract_docx(&bytes, &Limits::default()).expect("docx");
        assert_eq!(
            e.text,
            "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 12/2024/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Độc lập - Tự do - Hạnh phúc\nSơn La, ngày 5 tháng 3 năm 2024\nQUYẾT ĐỊNH\nĐiều 1.\tA & B\ndòng 2\n7"
        );
        assert_eq!(e.furniture, vec!["Trang 1".to_string()]);
        assert_eq!(e.format, SourceFormat::Docx);
    }

    #[test]
    fn page_breaks_give_the_lines_where_pages_start() {
        let body = format!(
            "{}{}<w:p><w:r><w:br w:type=\"page\"/><w:t>Điều 2. Hiệu lực</w:t></w:r></w:p>{}<w:p><w:r><w:lastRenderedPageBreak/><w:t>Nơi nhận:</w:t></w:r></w:p>",
            p("QUYẾT ĐỊNH"),
            p("Điều 1. Phạm vi"),
            p("Quyết định này có hiệu lực.")
        );
        let e = extract_docx(&make_docx(&body, &[]), &Limits::default()).expect("docx");
        assert_eq!(
            e.text,
            "QUYẾT ĐỊNH\nĐiều 1. Phạm vi\nĐiều 2. Hiệu lực\nQuyết định này có hiệu lực.\nNơi nhận:"
        );
        assert_eq!(e.page_lines, vec![0, 2, 4]);
        assert_eq!(e.pages, 3);
        // Without any break the pages are unknown.
        let one =
            extract_docx(&make_docx(&p("QUYẾT ĐỊNH"), &[]), &Limits::default()).expect("docx");
        assert!(one.page_lines.is_empty());
        assert_eq!(one.pages, 1);
    }

    #[test]
    fn tcvn3_runs_in_upper_case_font() {
        let body = "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTimeH\" w:hAnsi=\".VnTimeH\"/></w:rPr><w:t>chÝnh phñ</w:t></w:r></w:p>\
             <w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTime\"/></w:rPr><w:t>Hµ Néi, ngµy 5 th¸ng 3 n¨m 1996, ®· cã c¸c</w:t></w:r></w:p>";
        let e = extract_docx(&make_docx(body, &[]), &Limits::default()).expect("docx");
        assert_eq!(
            e.text,
            "CHÍNH PHỦ\nHà Nội, ngày 5 tháng 3 năm 1996, đã có các"
        );
        assert_eq!(e.encoding, Encoding::Tcvn3);
    }

    #[test]
    fn zip_bomb_is_refused() {
        let big = "<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>"
            .repeat(50_000);
        let bytes = make_docx(&big, &[]);
        assert!(bytes.len() < 200_000, "compresses well: {}", bytes.len());
        let limits = Limits {
            max_inflated_bytes: 1 << 20,
            ..Limits::default()
        };
        assert!(matches!(
            extract_docx(&bytes, &limits),
            Err(ExtractError::TooLarge(_))
        ));
    }

    #[test]
    fn deep_xml_is_refused() {
        let deep = format!("{}{}", "<w:sdt>".repeat(200), "</w:sdt>".repeat(200));
        let bytes = make_docx(&deep, &[]);
        assert!(matches!(
            extract_docx(&bytes, &Limits::default()),
            Err(ExtractError::Malformed { .. })
        ));
    }

    #[test]
    fn truncated_and_garbage_give_errors() {
        let bytes = make_docx(&p("Điều 1"), &[]);
        for cut in [10, bytes.len() / 2, bytes.len() - 10] {
            assert!(extract_docx(&bytes[..cut], &Limits::default()).is_err());
        }
        assert!(extract_docx(b"PK\x03\x04garbage", &Limits::default()).is_err());
    }

    #[test]
    fn zip_without_document_is_malformed() {
        let mut out = Cursor::new(Vec::new());
        let mut zw = zip::ZipWriter::new(&mut out);
        zw.start_file("a.txt", SimpleFileOptions::default())
            .expect("zip");
        zw.write_all(b"x").expect("zip");
        zw.finish().expect("zip");
        assert!(extract_docx(&out.into_inner(), &Limits::default()).is_err());
    }
}
