//! Snippets: the passage of the stored (accented) text with the most distinct query terms, the
//! matches wrapped in `<b>`.
//!
//! The stored text is run through the same two analyzers as the index. Token offsets always point
//! into the original text, so a folded match (`quyet` for `quyết`) is highlighted on the accented
//! characters the reviewer sees.

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

/// Byte ranges of `text` that match the terms, with the folded form as the term's identity.
fn matches(
    text: &str,
    hl: &Highlight,
    exact: &mut TextAnalyzer,
    folded: &mut TextAnalyzer,
) -> Vec<(usize, usize, String)> {
    let exact_tokens = tokens(exact, text);
    let folded_tokens = tokens(folded, text);
    debug_assert_eq!(exact_tokens.len(), folded_tokens.len());
    let mut out = Vec::new();
    for (i, (start, end, f)) in folded_tokens.into_iter().enumerate() {
        let exact_hit = exact_tokens
            .get(i)
            .is_some_and(|t| t.0 == start && hl.exact.contains(&t.2));
        if exact_hit || hl.folded.contains(&f) {
            out.push((start, end, f));
            if out.len() >= MAX_MATCHES {
                break;
            }
        }
    }
    out
}

/// Snippet of about `max_chars` characters as HTML.
pub(crate) fn snippet_html(
    text: &str,
    hl: &Highlight,
    exact: &mut TextAnalyzer,
    folded: &mut TextAnalyzer,
    max_chars: usize,
) -> String {
    let found = if hl.is_empty() {
        Vec::new()
    } else {
        matches(text, hl, exact, folded)
    };
    let max_bytes = max_chars * 2; // Vietnamese averages under two bytes a character.
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
        let distinct: HashSet<&str> = found[i..]
            .iter()
            .take_while(|m| m.1 <= first.0 + max_bytes)
            .map(|m| m.2.as_str())
            .collect();
        if best.is_none_or(|(n, _)| distinct.len() > n) {
            best = Some((distinct.len(), first.0));
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
    use super::super::schema::{exact_analyzer, folded_analyzer};
    use super::*;

    fn hl(exact: &[&str], folded: &[&str]) -> Highlight {
        Highlight {
            exact: exact.iter().map(|s| s.to_string()).collect(),
            folded: folded.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn snip(text: &str, h: &Highlight, n: usize) -> String {
        snippet_html(text, h, &mut exact_analyzer(), &mut folded_analyzer(), n)
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
    fn no_terms_gives_the_beginning() {
        let s = snip("Một\nhai   ba bốn năm", &Highlight::default(), 8);
        assert_eq!(s, "Một hai…");
    }
}
