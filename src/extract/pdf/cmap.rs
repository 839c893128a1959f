//! CMap streams: ToUnicode maps (`bfchar`, `bfrange` incl. the array form) and the code-space
//! and CID ranges of embedded encoding CMaps.
//!
//! Parsed with a small tokenizer of our own: ToUnicode streams in the wild break the PostScript
//! grammar often enough (missing `def`, stray comments, odd whitespace) that a tolerant scan of
//! the sections we need reads more of them than a strict parser would.

use super::glyph_text::GlyphText;
use std::collections::HashMap;

/// One code-space range: codes of `len` bytes between `lo` and `hi`.
#[derive(Debug, Clone, Copy)]
struct CodeSpace {
    len: u8,
    lo: u32,
    hi: u32,
}

#[derive(Debug, Clone)]
enum RangeTarget {
    /// UTF-16 units of the first code's text; later codes add to the last unit.
    Offset(Vec<u16>),
    /// One text per code, in order.
    Array(Vec<GlyphText>),
}

#[derive(Debug, Clone)]
struct UnicodeRange {
    len: u8,
    lo: u32,
    hi: u32,
    target: RangeTarget,
}

/// A parsed CMap: what a code means (Unicode text for ToUnicode, a CID for encoding CMaps) and
/// how long codes are.
#[derive(Debug, Clone, Default)]
pub(super) struct CMap {
    spaces: Vec<CodeSpace>,
    chars: HashMap<(u8, u32), GlyphText>,
    ranges: Vec<UnicodeRange>,
    cid_chars: HashMap<(u8, u32), u32>,
    /// (len, lo, hi, first cid)
    cid_ranges: Vec<(u8, u32, u32, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Int(i64),
    Name(Vec<u8>),
    Word(Vec<u8>),
    ArrayStart,
    ArrayEnd,
    Literal(Vec<u8>),
}

fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = data[start..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(data.len(), |p| start + p);
                out.push(Token::Hex(hex_bytes(&data[start..end])));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'(' => {
                let (s, next) = literal_string(data, i + 1);
                out.push(Token::Literal(s));
                i = next;
            }
            b'/' => {
                let start = i + 1;
                i = start;
                while i < data.len() && !is_delim(data[i]) {
                    i += 1;
                }
                out.push(Token::Name(data[start..i].to_vec()));
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len() && !is_delim(data[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                    continue;
                }
                let word = &data[start..i];
                match std::str::from_utf8(word).ok().and_then(|s| s.parse().ok()) {
                    Some(n) => out.push(Token::Int(n)),
                    None => out.push(Token::Word(word.to_vec())),
                }
            }
        }
    }
    out
}

fn is_delim(b: u8) -> bool {
    b.is_ascii_whitespace() || matches!(b, b'<' | b'>' | b'[' | b']' | b'(' | b')' | b'/' | b'%')
}

fn literal_string(data: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut depth = 1;
    while i < data.len() {
        let b = data[i];
        i += 1;
        match b {
            b'\\' if i < data.len() => {
                out.push(data[i]);
                i += 1;
            }
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    (out, i)
}

fn hex_bytes(s: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = s
        .iter()
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let code = bytes.iter().fold(0u32, |acc, &b| (acc << 8) | b as u32);
    Some((bytes.len() as u8, code))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| match p {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => *a as u16,
            _ => 0,
        })
        .collect()
}

/// The text a ToUnicode destination token stands for.
fn target_text(token: &Token) -> Option<GlyphText> {
    match token {
        Token::Hex(b) | Token::Literal(b) => Some(GlyphText::from_utf16(utf16_units(b))),
        Token::Name(n) => super::encoding::glyph_name_to_unicode(std::str::from_utf8(n).ok()?)
            .map(GlyphText::from),
        _ => None,
    }
}

/// Largest range we keep as an array of per-code texts, against hostile `bfrange` arrays.
const MAX_RANGE_SPAN: u32 = 1 << 16;

impl CMap {
    pub(super) fn parse(data: &[u8]) -> CMap {
        let tokens = tokenize(data);
        let mut cmap = CMap::default();
        let mut i = 0;
        while i < tokens.len() {
            let Token::Word(w) = &tokens[i] else {
                i += 1;
                continue;
            };
            i += 1;
            match w.as_slice() {
                b"begincodespacerange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) {
                            cmap.spaces.push(CodeSpace { len, lo, hi });
                        }
                        i += 2;
                    }
                }
                b"beginbfchar" => {
                    while let (Some(Token::Hex(src)), Some(dst)) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let (Some(key), Some(text)) = (code_of(src), target_text(dst)) {
                            cmap.chars.insert(key, text);
                        }
                        i += 2;
                    }
                }
                b"beginbfrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        i += 2;
                        let range = code_of(lo).zip(code_of(hi));
                        let target = match tokens.get(i) {
                            Some(Token::Hex(dst)) => {
                                i += 1;
                                RangeTarget::Offset(utf16_units(dst))
                            }
                            Some(Token::ArrayStart) => {
                                i += 1;
                                let mut texts = Vec::new();
                                while let Some(t) = tokens.get(i) {
                                    i += 1;
                                    if *t == Token::ArrayEnd {
                                        break;
                                    }
                                    texts.push(target_text(t).unwrap_or_default());
                                }
                                RangeTarget::Array(texts)
                            }
                            _ => continue,
                        };
                        if let Some(((len, lo), (_, hi))) = range {
                            if hi >= lo && hi - lo < MAX_RANGE_SPAN {
                                cmap.ranges.push(UnicodeRange {
                                    len,
                                    lo,
                                    hi,
                                    target,
                                });
                            }
                        }
                    }
                }
                b"begincidchar" => {
                    while let (Some(Token::Hex(src)), Some(Token::Int(cid))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let Some(key) = code_of(src) {
                            cmap.cid_chars
                                .insert(key, (*cid).clamp(0, u32::MAX as i64) as u32);
                        }
                        i += 2;
                    }
                }
                b"begincidrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi)), Some(Token::Int(cid))) =
                        (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
                    {
                        if let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) {
                            let cid = (*cid).clamp(0, u32::MAX as i64) as u32;
                            cmap.cid_ranges.push((len, lo, hi, cid));
                        }
                        i += 3;
                    }
                }
                _ => {}
            }
        }
        cmap.ranges.sort_by_key(|r| (r.len, r.lo));
        cmap
    }

    pub(super) fn has_code_spaces(&self) -> bool {
        !self.spaces.is_empty()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// Length in bytes of the code starting at `bytes[0]`, by the code-space ranges.
    pub(super) fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        for n in 1..=bytes.len().min(4) {
            let Some((len, code)) = code_of(&bytes[..n]) else {
                continue;
            };
            if self
                .spaces
                .iter()
                .any(|s| s.len == len && s.lo <= code && code <= s.hi)
            {
                return Some(n);
            }
        }
        None
    }

    /// The Unicode text of a code of `len` bytes.
    pub(super) fn lookup(&self, len: u8, code: u32) -> Option<GlyphText> {
        if let Some(s) = self.chars.get(&(len, code)) {
            return Some(s.clone());
        }
        let idx = self
            .ranges
            .partition_point(|r| (r.len, r.lo) <= (len, code));
        // Ranges may overlap; look back over the candidates that start at or before `code`.
        for r in self.ranges[..idx].iter().rev() {
            if r.len != len {
                break;
            }
            if code > r.hi {
                continue;
            }
            let off = code - r.lo;
            return match &r.target {
                RangeTarget::Offset(units) => {
                    let Some((last, head)) = units.split_last() else {
                        return Some(GlyphText::default());
                    };
                    let last = last.wrapping_add(off as u16);
                    Some(GlyphText::from_utf16(
                        head.iter().copied().chain(std::iter::once(last)),
                    ))
                }
                RangeTarget::Array(texts) => texts.get(off as usize).cloned(),
            };
        }
        None
    }

    /// The CID of a code, by the `cidchar`/`cidrange` sections of an encoding CMap.
    pub(super) fn cid(&self, len: u8, code: u32) -> Option<u32> {
        if let Some(c) = self.cid_chars.get(&(len, code)) {
            return Some(*c);
        }
        self.cid_ranges
            .iter()
            .find(|(l, lo, hi, _)| *l == len && *lo <= code && code <= *hi)
            .map(|(_, lo, _, cid)| cid + (code - lo))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_bfrange_and_surrogates() {
        let data = b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0003> <0020> <0010> <D835DC00>\nendbfchar\n\
            2 beginbfrange <0020> <0022> <0041>\n<0030> <0031> [<1EA1> <0066006C>] endbfrange";
        let cmap = CMap::parse(data);
        assert_eq!(cmap.lookup(2, 3).as_deref(), Some(" "));
        assert_eq!(cmap.lookup(2, 0x10).as_deref(), Some("𝐀"));
        assert_eq!(cmap.lookup(2, 0x21).as_deref(), Some("B"));
        assert_eq!(cmap.lookup(2, 0x22).as_deref(), Some("C"));
        assert_eq!(cmap.lookup(2, 0x23), None);
        assert_eq!(cmap.lookup(2, 0x30).as_deref(), Some("ạ"));
        assert_eq!(cmap.lookup(2, 0x31).as_deref(), Some("fl"));
        assert_eq!(cmap.code_len(&[0, 3]), Some(2));
    }

    #[test]
    fn mixed_code_lengths() {
        let data = b"2 begincodespacerange <00> <80> <8140> <FFFF> endcodespacerange\n\
            1 beginbfchar <41> <0041> endbfchar 1 beginbfchar <8140> <3000> endbfchar";
        let cmap = CMap::parse(data);
        assert_eq!(cmap.code_len(&[0x41, 0x81]), Some(1));
        assert_eq!(cmap.code_len(&[0x81, 0x40]), Some(2));
        assert_eq!(cmap.lookup(2, 0x8140).as_deref(), Some("\u{3000}"));
    }

    #[test]
    fn garbage_does_not_panic() {
        let cmap =
            CMap::parse(b"beginbfrange <00> <FFFFFFFF> [ <41> endbfrange <zz> beginbfchar <");
        assert!(cmap.lookup(1, 0).is_none());
    }
}
