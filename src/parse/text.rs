//! Text helpers shared by the parsers: lines with byte offsets, the whitespace-collapsed "flat"
//! view of RULES.md §6.3 with its map back to the line-preserving text, and date helpers.

use chrono::NaiveDate;

use super::model::Span;

/// One line of the text: its byte span without the `\n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl<'a> Line<'a> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The line without leading and trailing whitespace, and its start offset.
    pub fn trimmed(&self) -> (&'a str, usize) {
        let t = self.text.trim_start();
        let start = self.start + (self.text.len() - t.len());
        (t.trim_end(), start)
    }
}

/// All lines of `text` with their byte offsets.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 60 + 1);
    let mut start = 0;
    for l in text.split('\n') {
        out.push(Line { text: l, start });
        start += l.len() + 1;
    }
    out
}

/// The whitespace-collapsed copy of a text (every run of whitespace → one space), with the byte
/// offset in the original of each of its bytes (RULES.md §6.3: sentence-level patterns).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FlatText {
    pub text: String,
    /// `offsets[i]`: original byte offset of flat byte `i`; one extra entry for the end.
    offsets: Vec<u32>,
    /// Offset added to every original offset (the flat view may cover a slice of the document).
    base: usize,
}

impl FlatText {
    /// Flat view of `text`, whose offsets are reported relative to `base` (the byte offset of
    /// `text` in the document).
    pub fn new(text: &str, base: usize) -> Self {
        let mut out = String::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len() + 1);
        let mut in_space = false;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    out.push(' ');
                    offsets.push(i as u32);
                    in_space = true;
                }
                continue;
            }
            in_space = false;
            out.push(c);
            for _ in 0..c.len_utf8() {
                offsets.push(i as u32);
            }
        }
        offsets.push(text.len() as u32);
        debug_assert_eq!(offsets.len(), out.len() + 1);
        FlatText {
            text: out,
            offsets,
            base,
        }
    }

    /// Document byte offset of a flat byte offset.
    pub fn to_original(&self, flat: usize) -> usize {
        let last = self.offsets.len().saturating_sub(1);
        self.base + self.offsets.get(flat.min(last)).copied().unwrap_or(0) as usize
    }

    /// Document span of a flat byte range (the end maps to the end of the last character).
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.to_original(start);
        if end <= start {
            return Span::new(s, s);
        }
        // End: one past the original position of the last flat byte's character.
        let last = self.to_original(end - 1);
        let e = match self.text[..end].chars().next_back() {
            Some(c) if c != ' ' => last + c.len_utf8(),
            _ => last + 1,
        };
        Span::new(s, e.max(s))
    }
}

/// A calendar date from day, month, year strings; `None` when impossible.
pub fn make_date(d: &str, m: &str, y: &str) -> Option<NaiveDate> {
    let d: u32 = d.trim().parse().ok()?;
    let m: u32 = m.trim().parse().ok()?;
    let y: i32 = y.trim().parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Roman numeral value (`IV` → 4), `None` when not a well-formed numeral up to 3999.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let val = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(val).collect();
    let digits = digits?;
    let mut total = 0i64;
    for (k, &v) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|&n| n > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    // Reject non-canonical forms such as `IIII` or `VX` by round-tripping.
    (to_roman(total) == s.to_ascii_uppercase()).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The Vietnamese letter sequence used for points (điểm).
pub const VIETNAMESE_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// Position (1-based) of a point letter in the Vietnamese sequence.
pub fn letter_ordinal(s: &str) -> Option<u32> {
    VIETNAMESE_LETTERS
        .iter()
        .position(|&l| l == s)
        .map(|p| p as u32 + 1)
}

/// Ordinal of `thứ nhất`, `thứ hai` ... (Phần).
pub fn ordinal_word(s: &str) -> Option<u32> {
    let w = s.trim().to_lowercase();
    let w = w.strip_prefix("thứ").map(str::trim).unwrap_or(&w);
    const WORDS: [&str; 10] = [
        "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    WORDS.iter().position(|&x| x == w).map(|p| p as u32 + 1)
}

/// Ordinal of a label: arabic, Roman, ordinal word or point letter.
pub fn label_ordinal(label: &str) -> Option<u32> {
    if let Ok(n) = label.parse::<u32>() {
        return Some(n);
    }
    roman_value(label)
        .or_else(|| ordinal_word(label))
        .or_else(|| letter_ordinal(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_maps_back() {
        let s = "ab  c\n d";
        let f = FlatText::new(s, 10);
        assert_eq!(f.text, "ab c d");
        let sp = f.span(3, 6);
        assert_eq!((sp.start, sp.end), (14, 18));
        let s2 = "Điều  một";
        let f2 = FlatText::new(s2, 0);
        let sp = f2.span(0, f2.text.len());
        assert_eq!(&s2[sp.start..sp.end], s2);
    }

    #[test]
    fn ordinals() {
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(letter_ordinal("đ"), Some(5));
        assert_eq!(letter_ordinal("g"), Some(7));
        assert_eq!(label_ordinal("thứ hai"), Some(2));
        assert_eq!(label_ordinal("12"), Some(12));
    }
}
