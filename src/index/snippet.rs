//! Snippets: the passage of the stored (accented) text with the most distinct query terms, the
//! matches wrapped in `<b>`.
//!
//! The stored text is run through the folded analyzer of the index (the exact form of a token is
//! its text lowercased, as the exact analyzer makes it). Token offsets always point into the
//! original text, so a folded match (`quyet` for `quyết`) is highlighted on the accented characters
//! the reviewer sees.

use super::schema::tokens;
use std::collections::HashSet;
use tantivy::tokenizer::TextAnalyzer;

/// Terms to highlight: accented (exact field) and accent-free (folded field) forms.
#[derive(Debug, Default)]
pub(crate) struct Highlight {
    pub exact: HashSet<String>,
    pub folded: HashSet<String>,
}

impl Highlight {
    fn is_empty(&self) -> bool {
        self.exact.is_empty() && self.folded.is_empty()
    }
}

/// Most matches considered when choosing the passage (bounds the work on huge documents).
const MAX_MATCHES: usize = 2000;

/// Bytes tokenized between two checks for a finished passage.
const STEP_BYTES: usize = 512;

/// Byte ranges of `text` that match the terms, with the folded form as the term's identity.
///
/// Only the folded analyzer runs over the text: the exact (lowercased) form of a token is its text
/// lowercased, computed only for tokens whose folded form is that of an exact term. The scan
/// stops once a passage of `window_bytes` holds every term and lies wholly behind it (no later
/// passage can beat it), else `SCAN_BYTES` after the first match.
fn matches(
    text: &str,
    hl: &Highlight,
    folded: &mut TextAnalyzer,
    window_bytes: usize,
) -> Vec<(usize, usize, String)> {
    let mut exact_folded: Vec<String> = hl
        .exact
        .iter()
        .flat_map(|t| tokens(folded, t))
        .map(|t| t.2)
        .collect();
    exact_folded.sort_unstable();
    exact_folded.dedup();
    // A handful of terms: a linear search beats hashing every token.
    let folded_terms: Vec<&str> = hl.folded.iter().map(String::as_str).collect();
    let mut all_terms: Vec<&str> = folded_terms.clone();
    all_terms.extend(exact_folded.iter().map(String::as_str));
    all_terms.sort_unstable();
    all_terms.dedup();

    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut start = 0;
    let mut limit = text.len();
    while start < limit {
        let end = piece_end(text, start, STEP_BYTES);
        let had_matches = !out.is_empty();
        let mut stream = folded.token_stream(&text[start..end]);
        while let Some(t) = stream.next() {
            let f = t.text.as_str();
            let (s, e) = (start + t.offset_from, start + t.offset_to);
            let hit = folded_terms.contains(&f)
                || (exact_folded.iter().any(|x| x == f)
                    && hl.exact.contains(&lowercase(&text[s..e])));
            if hit {
                out.push((s, e, f.to_string()));
                if out.len() >= MAX_MATCHES {
                    return out;
                }
            }
        }
        if !had_matches && !out.is_empty() {
            limit = piece_end(text, start, SCAN_BYTES);
        }
        start = end;
        let complete = first_window_with(&out, all_terms.len(), window_bytes);
        if complete.is_some_and(|w| out[w].0 + window_bytes <= start) {
            break;
        }
    }
    out
}

/// Number of distinct terms among the matches in the window that begins with match `i`.
fn distinct_in_window(found: &[(usize, usize, String)], i: usize, window_bytes: usize) -> usize {
    let Some(first) = found.get(i) else {
        return 0;
    };
    let mut seen: Vec<&str> = Vec::new();
    for m in found[i..]
        .iter()
        .take_while(|m| m.1 <= first.0 + window_bytes)
    {
        if !seen.contains(&m.2.as_str()) {
            seen.push(&m.2);
        }
    }
    seen.len()
}

/// Index of the first match that begins a window holding `n` distinct terms.
fn first_window_with(
    found: &[(usize, usize, String)],
    n: usize,
    window_bytes: usize,
) -> Option<usize> {
    (0..found.len()).find(|&i| distinct_in_window(found, i, window_bytes) >= n)
}

/// What the exact analyzer's `LowerCaser` makes of a token.
fn lowercase(token: &str) -> String {
    token.chars().flat_map(char::to_lowercase).collect()
}

/// Bytes tokenized at a time: the passage is chosen in the first piece that holds a match, so a
/// long document whose first pages match costs no more than a short one.
const SCAN_BYTES: usize = 16 * 1024;

/// End of the piece beginning at `start`: about `bytes` further, just after a whitespace so no
/// token is split (the text's end when there is none).
fn piece_end(text: &str, start: usize, bytes: usize) -> usize {
    let mut at = (start + bytes).min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..].char_indices().find(|(_, c)| c.is_whitespace()) {
        Some((ws, c)) => at + ws + c.len_utf8(),
        None => text.len(),
    }
}

/// Snippet of about `max_chars` characters as HTML.
pub(crate) fn snippet_html(
    text: &str,
    hl: &Highlight,
    folded: &mut TextAnalyzer,
    max_chars: usize,
) -> String {
    let max_bytes = max_chars * 2; // Vietnamese averages under two bytes a character.
    let found = if hl.is_empty() {
        Vec::new()
    } else {
        matches(text, hl, folded, max_bytes)
    };
    let (start, end) = match best_window(&found, max_bytes) {
        Some(first) => {
            let start = back_off(text, first, max_chars / 5);
            (start, advance(text, start, max_chars))
        }
        None => (0, advance(text, 0, max_chars)),
    };
    render(text, start, end, &found)
}

/// Start offset of the window holding the most distinct terms (ties: the earliest).
fn best_window(found: &[(usize, usize, String)], max_bytes: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, first) in found.iter().enumerate() {
        let distinct = distinct_in_window(found, i, max_bytes);
        if best.is_none_or(|(n, _)| distinct > n) {
            best = Some((distinct, first.0));
        }
    }
    best.map(|(_, start)| start)
}

/// A start up to `chars` characters before `at`, on a word boundary.
fn back_off(text: &str, at: usize, chars: usize) -> usize {
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if start == 0 {
        return 0;
    }
    // Begin after the first whitespace so no word is cut.
    match text[start..at].find(char::is_whitespace) {
        Some(ws) => start + ws + 1,
        None => at,
    }
}

/// The byte offset `chars` characters after `start`, pulled back to a word boundary.
fn advance(text: &str, start: usize, chars: usize) -> usize {
    let rest = &text[start..];
    let Some((end, _)) = rest.char_indices().nth(chars) else {
        return text.len();
    };
    match rest[..end].rfind(char::is_whitespace) {
        Some(ws) if ws > 0 => start + ws,
        _ => start + end,
    }
}

fn render(text: &str, start: usize, end: usize, found: &[(usize, usize, String)]) -> String {
    let mut out = String::with_capacity((end - start) * 3 / 2 + 16);
    if start > 0 {
        out.push('…');
    }
    let mut pos = start;
    for (s, e, _) in found.iter().filter(|m| m.0 >= start && m.1 <= end) {
        push_escaped(&mut out, &text[pos..*s]);
        out.push_str("<b>");
        push_escaped(&mut out, &text[*s..*e]);
        out.push_str("</b>");
        pos = *e;
    }
    push_escaped(&mut out, &text[pos..end]);
    if end < text.len() {
        out.push('…');
    }
    out
}

/// HTML-escape, collapsing runs of whitespace (line breaks of the source) into one space.
fn push_escaped(out: &mut String, s: &str) {
    let mut in_space = out.ends_with(' ');
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        push_escaped_char(out, c);
    }
}

fn push_escaped_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

/// Escape text for HTML (shared with the web page).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped_char(&mut out, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::schema::folded_analyzer;
    use super::*;

    fn hl(exact: &[&str], folded: &[&str]) -> Highlight {
        Highlight {
            exact: exact.iter().map(|s| s.to_string()).collect(),
            folded: folded.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn snip(text: &str, h: &Highlight, n: usize) -> String {
        snippet_html(text, h, &mut folded_analyzer(), n)
    }

    #[test]
    fn folded_match_is_highlighted_on_the_accented_text() {
        let s = snip(
            "Ban hành Quyết định về <đất đai>",
            &hl(&[], &["quyet", "dinh"]),
            100,
        );
        assert_eq!(s, "Ban hành <b>Quyết</b> <b>định</b> về &lt;đất đai&gt;");
    }

    #[test]
    fn window_goes_to_the_densest_passage() {
        let filler = "lorem ipsum ".repeat(100);
        let text = format!("{filler}bảo hiểm một lần{filler}bảo hiểm xã hội bắt buộc{filler}");
        let s = snip(&text, &hl(&["bảo", "hiểm", "xã", "hội"], &[]), 80);
        assert!(
            s.contains("<b>bảo</b> <b>hiểm</b> <b>xã</b> <b>hội</b>"),
            "{s}"
        );
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
    }

    #[test]
    fn matches_beyond_the_first_piece_are_found_with_their_offsets() {
        let filler = "lorem ipsum ".repeat(SCAN_BYTES / 6);
        let text = format!("{filler}Quyết định số 15");
        let s = snip(&text, &hl(&[], &["quyet"]), 40);
        assert!(s.contains("<b>Quyết</b> định"), "{s}");
        for start in [0, 5, SCAN_BYTES] {
            let end = piece_end(&text, start, 7);
            assert!(text.is_char_boundary(end) && end > start.min(text.len()));
        }
    }

    #[test]
    fn exact_terms_match_only_the_accented_form_in_any_case() {
        let s = snip(
            "ĐẤT và đất, không phải dat hay đắt",
            &hl(&["đất"], &[]),
            100,
        );
        assert_eq!(s, "<b>ĐẤT</b> và <b>đất</b>, không phải dat hay đắt");
    }

    #[test]
    fn scan_stops_after_a_passage_with_every_term() {
        let filler = "lorem ipsum ".repeat(1000);
        let text = format!("giá đất ở {filler} giá đất");
        let found = matches(
            &text,
            &hl(&[], &["gia", "dat"]),
            &mut folded_analyzer(),
            100,
        );
        assert_eq!(found.len(), 2, "{found:?}");
        // A term missing from the first passage: the scan goes on to find it.
        let found = matches(&text, &hl(&[], &["gia", "xa"]), &mut folded_analyzer(), 100);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn no_terms_gives_the_beginning() {
        let s = snip("Một\nhai   ba bốn năm", &Highlight::default(), 8);
        assert_eq!(s, "Một hai…");
    }
}
