//! Where each page of the source starts in the normalized text.
//!
//! The extractor knows the line where each page starts; normalize joins wrapped lines, drops
//! gazette furniture and changes byte lengths, and keeps no offset map back to its input. So each
//! page start is found again: the first line of the page that is long enough to be distinctive,
//! normalized alone, is searched for forward from the previous page's start; of its occurrences
//! (an annex repeats "(Kèm theo Nghị định số …)"), the one nearest the page's raw offset scaled
//! to the normalized length wins.

use crate::normalize;

/// Shortest normalized line (bytes) that can mark a page start: shorter ones (`1.`, `- a`)
/// occur everywhere.
const MIN_KEY: usize = 12;
/// Longest prefix searched for: the end of a line may be joined or repaired differently in
/// context.
const MAX_KEY: usize = 48;

/// Byte offset in `normalized` of each page start, given the raw text and the line where each
/// page starts in it. Empty when the source has no pages. A page none of whose lines is found
/// (all furniture or blank) starts where the next one does: it is empty.
pub(super) fn page_starts(raw: &str, page_lines: &[usize], normalized: &str) -> Vec<usize> {
    if page_lines.is_empty() {
        return Vec::new();
    }
    let lines: Vec<&str> = raw.split('\n').collect();
    let mut line_offsets = Vec::with_capacity(lines.len());
    let mut at = 0usize;
    for line in &lines {
        line_offsets.push(at);
        at += line.len() + 1;
    }
    let scale = normalized.len() as f64 / raw.len().max(1) as f64;
    let mut found: Vec<Option<usize>> = Vec::with_capacity(page_lines.len());
    let mut cursor = 0;
    for (k, &first) in page_lines.iter().enumerate() {
        if k == 0 {
            found.push(Some(0));
            continue;
        }
        let last = page_lines
            .get(k + 1)
            .copied()
            .unwrap_or(lines.len())
            .min(lines.len());
        let page = lines.get(first..last).unwrap_or(&[]);
        let expected = line_offsets.get(first).map_or(0.0, |&o| o as f64 * scale);
        let start = page.iter().find_map(|line| {
            let key = key_of(line)?;
            let rest = normalized.get(cursor..)?;
            rest.match_indices(key.as_str())
                .map(|(at, _)| cursor + at)
                .min_by(|a, b| {
                    (*a as f64 - expected)
                        .abs()
                        .total_cmp(&(*b as f64 - expected).abs())
                })
        });
        if let Some(s) = start {
            cursor = s;
        }
        found.push(start);
    }
    // Fill the pages not found from the next page found (or the end of the text).
    let mut next = normalized.len();
    let mut starts = vec![0; found.len()];
    for (k, start) in found.iter().enumerate().rev() {
        next = start.unwrap_or(next);
        starts[k] = next;
    }
    starts
}

fn key_of(line: &str) -> Option<String> {
    let normalized = normalize::normalize(line);
    let key = normalized.trim();
    if key.len() < MIN_KEY {
        return None;
    }
    let mut end = MAX_KEY.min(key.len());
    while !key.is_char_boundary(end) {
        end -= 1;
    }
    Some(key[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_found_again_after_lines_are_joined() {
        // Page 2 starts in the middle of a sentence that normalize joins to page 1's last line.
        let raw = "Điều 1. Phạm vi điều chỉnh\nQuyết định này quy định về\nviệc quản lý tài sản công tại địa phương.\nĐiều 2. Đối tượng áp dụng\n";
        let normalized = normalize::normalize(raw);
        let starts = page_starts(raw, &[0, 2], &normalized);
        assert_eq!(starts.len(), 2);
        assert_eq!(starts[0], 0);
        assert!(normalized[starts[1]..].starts_with("việc quản lý tài sản công"));
    }

    #[test]
    fn a_repeated_line_is_found_near_its_page() {
        let annex = "(Kèm theo Nghị định số 158/2025/NĐ-CP)";
        let filler = "Nội dung của phụ lục được trình bày tại đây.\n".repeat(20);
        // Page 2 starts at its annex line (its heading is a short line of page 1 here).
        let raw = format!("Phụ lục I\n{annex}\n{filler}PL2\n{annex}\n{filler}");
        let page2 = raw.lines().position(|l| l == "PL2").unwrap();
        let normalized = normalize::normalize(&raw);
        let starts = page_starts(&raw, &[0, page2], &normalized);
        assert_eq!(starts[1], normalized.rfind(annex).unwrap());
    }

    #[test]
    fn a_page_of_short_lines_only_is_empty() {
        let raw = "Điều 1. Phạm vi điều chỉnh\n2\nĐiều 2. Đối tượng áp dụng\n";
        let normalized = normalize::normalize(raw);
        let starts = page_starts(raw, &[0, 1, 2], &normalized);
        let page3 = normalized.find("Điều 2.").unwrap();
        assert_eq!(starts, [0, page3, page3]);
        assert!(page_starts(raw, &[], &normalized).is_empty());
    }
}
