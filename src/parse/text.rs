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

/// The whitespace-collapsed copy of a text (every run of whitespace → one space), with a map
/// back to the original byte offsets (RULES.md §6.3: sentence-level patterns).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FlatText {
    pub text: String,
    /// Where the flat text stops being a byte-for-byte copy: `(flat, original)` at each point
    /// after a collapsed run. Between two jumps, offsets advance together, because every
    /// single whitespace byte becomes one space. Sorted by `flat`.
    jumps: Vec<(u32, u32)>,
    /// Offset in the viewed text of the end of the flat text.
    end: u32,
    /// Offset added to every original offset (the flat view may cover a slice of the document).
    base: usize,
}

impl FlatText {
    /// Flat view of `text`, whose offsets are reported relative to `base` (the byte offset of
    /// `text` in the document).
    pub fn new(text: &str, base: usize) -> Self {
        let bytes = text.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(text.len());
        let mut jumps: Vec<(u32, u32)> = Vec::new();
        let mut run = 0; // start of the pending verbatim copy
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !MAY_START_WHITESPACE[b as usize] {
                i += 1;
                continue;
            }
            let first = whitespace_len(bytes, i);
            if first == 0 {
                i += 1;
                continue;
            }
            let start = i;
            i += first;
            loop {
                let more = whitespace_len(bytes, i);
                if more == 0 {
                    break;
                }
                i += more;
            }
            if b == b' ' && i - start == 1 {
                continue; // a lone space is its own flat form
            }
            out.extend_from_slice(&bytes[run..start]);
            out.push(b' ');
            run = i;
            if i - start != 1 {
                jumps.push((out.len() as u32, i as u32));
            }
        }
        out.extend_from_slice(&bytes[run..]);
        // Only whole whitespace characters were replaced, each by an ASCII space.
        let text = String::from_utf8(out).unwrap_or_else(|e| {
            debug_assert!(false, "flat view broke UTF-8: {e}");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        });
        FlatText {
            text,
            jumps,
            end: bytes.len() as u32,
            base,
        }
    }

    /// Offset in the viewed text (before `base`) of flat offset `flat`.
    fn local(&self, flat: usize) -> usize {
        if flat >= self.text.len() {
            return self.end as usize;
        }
        let flat = flat as u32;
        let k = self.jumps.partition_point(|&(f, _)| f <= flat);
        match k.checked_sub(1).map(|k| self.jumps[k]) {
            Some((f, o)) => (o + (flat - f)) as usize,
            None => flat as usize,
        }
    }

    /// The part of this view that covers document bytes `start..end` (same offsets), without
    /// collapsing the text again.
    pub fn sub(&self, start: usize, end: usize) -> FlatText {
        // First flat offset whose original is at or after `x` (the mapping is monotonic).
        let flat_at = |x: usize| {
            let (mut lo, mut hi) = (0usize, self.text.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if self.to_original(mid) < x {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            let mut p = lo;
            while !self.text.is_char_boundary(p) {
                p += 1;
            }
            p
        };
        let a = flat_at(start);
        let b = flat_at(end).max(a);
        let mut jumps = vec![(0u32, self.local(a) as u32)];
        jumps.extend(
            self.jumps
                .iter()
                .filter(|&&(f, _)| f as usize > a && f as usize <= b)
                .map(|&(f, o)| (f - a as u32, o)),
        );
        FlatText {
            text: self.text[a..b].to_string(),
            jumps,
            end: end.saturating_sub(self.base).max(self.local(a)) as u32,
            base: self.base,
        }
    }

    /// Document byte offset of a flat byte offset.
    pub fn to_original(&self, flat: usize) -> usize {
        self.base + self.local(flat)
    }

    /// Document span of a flat byte range (the end maps to the end of the last byte, which is
    /// the end of its character since characters are copied whole).
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.to_original(start);
        if end <= start {
            return Span::new(s, s);
        }
        let e = self.to_original(end - 1) + 1;
        Span::new(s, e.max(s))
    }
}

/// Bytes that can open a whitespace character (ASCII spaces, and the lead bytes of U+0085,
/// U+00A0, U+1680, U+2000..U+205F, U+3000); every other byte is copied without a closer look.
static MAY_START_WHITESPACE: [bool; 256] = {
    let mut t = [false; 256];
    let lead = [
        b' ', b'\t', b'\n', b'\r', 0x0b, 0x0c, 0xc2, 0xe1, 0xe2, 0xe3,
    ];
    let mut k = 0;
    while k < lead.len() {
        t[lead[k] as usize] = true;
        k += 1;
    }
    t
};

/// Byte length of the whitespace character at `i` (as `char::is_whitespace`), 0 if none.
#[inline]
fn whitespace_len(b: &[u8], i: usize) -> usize {
    let Some(&first) = b.get(i) else {
        return 0;
    };
    match first {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        b if b < 0xc2 => 0,
        0xc2 => match b.get(i + 1) {
            Some(0x85 | 0xa0) => 2,
            _ => 0,
        },
        0xe1 => (b.get(i + 1..i + 3) == Some(&[0x9a, 0x80])) as usize * 3,
        0xe2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)) => 3,
            (Some(0x81), Some(0x9f)) => 3,
            _ => 0,
        },
        0xe3 => (b.get(i + 1..i + 3) == Some(&[0x80, 0x80])) as usize * 3,
        _ => 0,
    }
}

/// Compile a text pattern (the parser's, the checker's). The lazy DFA gets a larger cache than
/// the default (2 MiB): Unicode classes and `(?i)` on Vietnamese make many states, and a cache
/// that fills up is cleared and rebuilt again and again (the parser's main cost before this).
pub fn try_pattern(re: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(re)
        .dfa_size_limit(32 << 20)
        .build()
}

/// [`try_pattern`] for the parser's own patterns, which are constants known to be valid.
pub fn pattern(re: &str) -> regex::Regex {
    try_pattern(re).expect("valid regex")
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

/// Roman numeral of `n` (`14` → `XIV`).
pub fn to_roman(mut n: u32) -> String {
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
    fn roman_numerals_both_ways() {
        assert_eq!(to_roman(4), "IV");
        assert_eq!(to_roman(14), "XIV");
        assert_eq!(roman_value("XIV"), Some(14));
    }

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
    fn flat_collapses_every_unicode_space() {
        let all: String = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        for ws in all.chars() {
            let s = format!("a{ws}{ws}b");
            assert_eq!(FlatText::new(&s, 0).text, "a b", "U+{:04X}", ws as u32);
        }
        let s = "x\u{a0}y\u{2003} \u{3000}z";
        let f = FlatText::new(s, 0);
        assert_eq!(f.text, "x y z");
        let z = f.text.find('z').unwrap_or(0);
        assert_eq!(&s[f.span(z, z + 1).start..f.span(z, z + 1).end], "z");
    }

    #[test]
    fn sub_view_matches_a_fresh_view() {
        let s = "Căn cứ  Luật;\nĐiều 1.  Phạm vi\n  Điều 2. Hiệu lực";
        let all = FlatText::new(s, 0);
        let start = s.find("Điều 1").unwrap_or(0);
        let end = s.find("  Điều 2").unwrap_or(s.len());
        let sub = all.sub(start, end);
        let fresh = FlatText::new(&s[start..end], start);
        assert_eq!(sub.text, fresh.text);
        for k in 0..=sub.text.len() {
            if sub.text.is_char_boundary(k) {
                assert_eq!(sub.to_original(k), fresh.to_original(k), "offset {k}");
            }
        }
        let p = sub.text.find("Phạm").unwrap_or(0);
        let sp = sub.span(p, p + "Phạm vi".len());
        assert_eq!(&s[sp.start..sp.end], "Phạm vi");
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
