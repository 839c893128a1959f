//! Stage 2: Vietnamese normalization (NFC, one tone-mark convention, homographs, whitespace) and
//! the accent-free folded form used for search.

use unicode_normalization::UnicodeNormalization;

/// Normalize extracted text for parsing: NFC, homographs, whitespace. Keeps line breaks.
pub fn normalize(text: &str) -> String {
    text.nfc().collect()
}

/// Normalize a search query with the same rules as documents.
pub fn normalize_query(query: &str) -> String {
    normalize(query)
}

/// Lookup key of a document number: uppercase, no spaces, `Đ` → `D`, dash variants unified,
/// `Số:` prefix removed. `Số: 15/2020/QĐ-UBND` and `15/2020/QD - UBND` give the same key.
pub fn number_key(raw: &str) -> String {
    let s = raw.trim();
    let s = s
        .strip_prefix("Số:")
        .or_else(|| s.strip_prefix("số:"))
        .unwrap_or(s);
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'Đ' | 'đ' | 'Ð' | 'ð' => 'D',
            '–' | '—' | '‑' | '−' => '-',
            c => c,
        })
        .flat_map(char::to_uppercase)
        .collect()
}
