//! Legacy Vietnamese 8-bit encodings: TCVN3 (ABC, TCVN 5712:1993 VN3), VNI Windows and
//! Windows-1258, and the detection of which one a text is in. The repair of Windows-1258 text
//! that was once read as Windows-1252 lives in [`super::misdecoded`].
//!
//! Legacy text usually reaches us already turned into `char`s by a reader that assumed Latin-1
//! or Windows-1252 (a PDF text layer, a Word 8-bit piece, a `.txt` read as cp1252). The
//! converters therefore take `&str`, map every char back to the byte it came from
//! ([`char_to_cp1252_byte`]) and decode that byte with the right table. Chars that cannot have
//! come from a single byte (already Unicode) pass through unchanged, so mixed input is safe.
//! Every output is NFC.

use super::{misdecoded, Encoding};
use unicode_normalization::UnicodeNormalization;

/// Windows-1252 code points of bytes 0x80..=0x9F. Bytes that cp1252 leaves undefined decode to
/// the C1 control of the same value so that the mapping stays reversible.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}', '\u{017D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{9D}', '\u{017E}', '\u{0178}',
];

/// Decode one Windows-1252 byte.
pub fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Decode Windows-1252 bytes (undefined bytes become C1 controls; callers strip controls).
pub fn cp1252_to_string(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1252_char(b)).collect()
}

/// The byte a char came from when bytes were read as Latin-1 or Windows-1252.
pub fn char_to_cp1252_byte(c: char) -> Option<u8> {
    let cp = u32::from(c);
    if cp <= 0xFF {
        return u8::try_from(cp).ok();
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .and_then(|i| u8::try_from(i + 0x80).ok())
}

/// TCVN3 (ABC) byte in the normal (lower-case) fonts `.VnTime`, `.VnArial`...; `None` for
/// bytes the standard leaves to ASCII/Latin-1. Capitals with tone marks have no codes in VN3:
/// they are written with the same codes in the upper-case fonts (`.VnTimeH`).
fn tcvn3_byte(b: u8) -> Option<char> {
    Some(match b {
        0xA1 => 'Ă',
        0xA2 => 'Â',
        0xA3 => 'Ê',
        0xA4 => 'Ô',
        0xA5 => 'Ơ',
        0xA6 => 'Ư',
        0xA7 => 'Đ',
        0xA8 => 'ă',
        0xA9 => 'â',
        0xAA => 'ê',
        0xAB => 'ô',
        0xAC => 'ơ',
        0xAD => 'ư',
        0xAE => 'đ',
        0xB5 => 'à',
        0xB6 => 'ả',
        0xB7 => 'ã',
        0xB8 => 'á',
        0xB9 => 'ạ',
        0xBB => 'ằ',
        0xBC => 'ẳ',
        0xBD => 'ẵ',
        0xBE => 'ắ',
        0xC6 => 'ặ',
        0xC7 => 'ầ',
        0xC8 => 'ẩ',
        0xC9 => 'ẫ',
        0xCA => 'ấ',
        0xCB => 'ậ',
        0xCC => 'è',
        0xCE => 'ẻ',
        0xCF => 'ẽ',
        0xD0 => 'é',
        0xD1 => 'ẹ',
        0xD2 => 'ề',
        0xD3 => 'ể',
        0xD4 => 'ễ',
        0xD5 => 'ế',
        0xD6 => 'ệ',
        0xD7 => 'ì',
        0xD8 => 'ỉ',
        0xDC => 'ĩ',
        0xDD => 'í',
        0xDE => 'ị',
        0xDF => 'ò',
        0xE1 => 'ỏ',
        0xE2 => 'õ',
        0xE3 => 'ó',
        0xE4 => 'ọ',
        0xE5 => 'ồ',
        0xE6 => 'ổ',
        0xE7 => 'ỗ',
        0xE8 => 'ố',
        0xE9 => 'ộ',
        0xEA => 'ờ',
        0xEB => 'ở',
        0xEC => 'ỡ',
        0xED => 'ớ',
        0xEE => 'ợ',
        0xEF => 'ù',
        0xF1 => 'ủ',
        0xF2 => 'ũ',
        0xF3 => 'ú',
        0xF4 => 'ụ',
        0xF5 => 'ừ',
        0xF6 => 'ử',
        0xF7 => 'ữ',
        0xF8 => 'ứ',
        0xF9 => 'ự',
        0xFA => 'ỳ',
        0xFB => 'ỷ',
        0xFC => 'ỹ',
        0xFD => 'ý',
        0xFE => 'ỵ',
        _ => return None,
    })
}

fn tcvn3_char(c: char) -> Option<char> {
    char_to_cp1252_byte(c).and_then(tcvn3_byte)
}

/// Letter case of one TCVN3 word, judged from its ASCII letters (tone-marked letters have no
/// case of their own in VN3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordCase {
    Lower,
    Upper,
    Unknown,
}

fn tcvn3_word_case(word: &[char]) -> WordCase {
    let mut upper = 0usize;
    for &c in word {
        if c.is_ascii_lowercase() {
            return WordCase::Lower;
        }
        // The VN3 capitals Ă Â Ê Ô Ơ Ư Đ (0xA1..=0xA7) count as upper-case evidence.
        if c.is_ascii_uppercase() || tcvn3_char(c).is_some_and(char::is_uppercase) {
            upper += 1;
        }
    }
    // One capital alone (`Sè`, `Tõ`) is as likely a sentence start as a heading word.
    if upper >= 2 {
        WordCase::Upper
    } else {
        WordCase::Unknown
    }
}

fn is_tcvn3_word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || tcvn3_char(c).is_some()
}

/// Convert TCVN3 (ABC) text read as Latin-1/cp1252 to NFC Unicode (`S¾C LÖNH` → `SẮC LỆNH`).
///
/// VN3 has no codes for tone-marked capitals: headings are typed with the lower-case codes in an
/// upper-case font (`.VnTimeH`). A word whose ASCII letters are all capitals (at least two) is
/// therefore read as upper case; a word with a single capital (`Sè`) follows its neighbours on
/// the same line, and is lower case unless every decided neighbour is upper case.
pub fn tcvn3_to_unicode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    for line in s.split_inclusive('\n') {
        if is_unicode_line(line, |c, _, _| is_tcvn3_marker(c)) {
            out.push_str(line);
        } else {
            convert_tcvn3_line(line, &mut out);
        }
    }
    out.nfc().collect()
}

/// A line of mixed input (a Unicode heading above a TCVN3 body) that is already Unicode: it
/// has Vietnamese letters only Unicode has and none of the legacy encoding's telltales.
fn is_unicode_line(line: &str, telltale: impl Fn(char, char, char) -> bool) -> bool {
    let mut unicode = false;
    let mut prev = ' ';
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        if telltale(c, prev, next) {
            return false;
        }
        unicode |= is_vietnamese_unicode(c);
        prev = c;
    }
    unicode
}

fn convert_tcvn3_line(line: &str, out: &mut String) {
    let chars: Vec<char> = line.chars().collect();
    // (start, end, case) of every word on the line.
    let mut words: Vec<(usize, usize, WordCase)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_tcvn3_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_tcvn3_word_char(chars[i]) {
            i += 1;
        }
        words.push((start, i, tcvn3_word_case(&chars[start..i])));
    }
    let decided: Vec<WordCase> = (0..words.len())
        .map(|w| {
            if words[w].2 != WordCase::Unknown {
                return words[w].2;
            }
            let prev = words[..w]
                .iter()
                .rev()
                .map(|x| x.2)
                .find(|&c| c != WordCase::Unknown);
            let next = words[w + 1..]
                .iter()
                .map(|x| x.2)
                .find(|&c| c != WordCase::Unknown);
            match (prev, next) {
                (None, None) => WordCase::Lower,
                (p, n)
                    if p.unwrap_or(WordCase::Upper) == WordCase::Upper
                        && n.unwrap_or(WordCase::Upper) == WordCase::Upper =>
                {
                    WordCase::Upper
                }
                _ => WordCase::Lower,
            }
        })
        .collect();
    let decided = promote_title_words(&chars, &words, decided);
    let mut next_word = 0;
    let mut pos = 0;
    while pos < chars.len() {
        if next_word < words.len() && words[next_word].0 == pos {
            let (start, end, _) = words[next_word];
            let upper = decided[next_word] == WordCase::Upper;
            for &c in &chars[start..end] {
                let mapped = tcvn3_char(c).unwrap_or(c);
                if upper {
                    out.extend(mapped.to_uppercase());
                } else {
                    out.push(mapped);
                }
            }
            pos = end;
            next_word += 1;
        } else {
            out.push(chars[pos]);
            pos += 1;
        }
    }
}

/// In a heading line whose other words are all capitals, a word typed `Ph` + tone code was
/// also shown in the upper-case font (`CHÝNH Phñ` → `CHÍNH PHỦ`).
fn promote_title_words(
    chars: &[char],
    words: &[(usize, usize, WordCase)],
    mut decided: Vec<WordCase>,
) -> Vec<WordCase> {
    let upper = decided.iter().filter(|&&c| c == WordCase::Upper).count();
    let lower = decided.iter().filter(|&&c| c == WordCase::Lower).count();
    if upper < 2 || lower != 1 {
        return decided;
    }
    for (w, case) in words.iter().zip(decided.iter_mut()) {
        let word = &chars[w.0..w.1];
        let title = word.first().is_some_and(char::is_ascii_uppercase)
            && word[1..]
                .iter()
                .any(|&c| tcvn3_char(c).is_some() && !c.is_ascii());
        if *case == WordCase::Lower && title {
            *case = WordCase::Upper;
        }
    }
    decided
}

/// Restore capitals lost in Unicode text converted from upper-case legacy fonts: a word whose
/// ASCII letters are all capitals (at least two) but whose Vietnamese letters came out small
/// (`SắC LệNH` → `SẮC LỆNH`). Real words never mix that way.
pub fn fix_lost_capitals(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let ascii_upper = word.chars().filter(char::is_ascii_uppercase).count();
        let ascii_lower = word.chars().any(|c| c.is_ascii_lowercase());
        let small_viet = word.chars().any(|c| !c.is_ascii() && c.is_lowercase());
        if ascii_upper >= 2 && !ascii_lower && small_viet {
            out.extend(word.chars().flat_map(char::to_uppercase));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in s.chars() {
        if c.is_alphabetic() || is_combining_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// Convert TCVN3 text that was set in an upper-case font (`.VnTimeH`, `.VnArialH`): the same
/// codes, all shown as capitals (`chñ tÞch` → `CHỦ TỊCH`).
pub fn tcvn3_to_unicode_upper(s: &str) -> String {
    s.chars()
        .flat_map(|c| tcvn3_char(c).unwrap_or(c).to_uppercase())
        .collect::<String>()
        .nfc()
        .collect()
}

const ACUTE: char = '\u{301}';
const GRAVE: char = '\u{300}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';

/// A VNI Windows modifier byte: (vowel shape mark, tone mark). Lower- and upper-case fonts use
/// different bytes for the same marks.
fn vni_modifier(b: u8) -> Option<(Option<char>, Option<char>)> {
    Some(match b {
        0xF9 | 0xD9 => (None, Some(ACUTE)),
        0xF8 | 0xD8 => (None, Some(GRAVE)),
        0xFB | 0xDB => (None, Some(HOOK)),
        0xF5 | 0xD5 => (None, Some(TILDE)),
        0xEF | 0xCF => (None, Some(DOT)),
        0xE2 | 0xC2 => (Some(CIRCUMFLEX), None),
        0xEA | 0xCA => (Some(BREVE), None),
        0xE1 | 0xC1 => (Some(CIRCUMFLEX), Some(ACUTE)),
        0xE0 | 0xC0 => (Some(CIRCUMFLEX), Some(GRAVE)),
        0xE5 | 0xC5 => (Some(CIRCUMFLEX), Some(HOOK)),
        0xE3 | 0xC3 => (Some(CIRCUMFLEX), Some(TILDE)),
        0xE4 | 0xC4 => (Some(CIRCUMFLEX), Some(DOT)),
        0xE9 | 0xC9 => (Some(BREVE), Some(ACUTE)),
        0xE8 | 0xC8 => (Some(BREVE), Some(GRAVE)),
        0xFA | 0xDA => (Some(BREVE), Some(HOOK)),
        0xFC | 0xDC => (Some(BREVE), Some(TILDE)),
        0xEB | 0xCB => (Some(BREVE), Some(DOT)),
        _ => return None,
    })
}

/// A VNI byte that is a letter by itself: đ, ơ, ư and the i/y with tone marks.
fn vni_letter(b: u8) -> Option<char> {
    Some(match b {
        0xF1 => 'đ',
        0xD1 => 'Đ',
        0xF4 => 'ơ',
        0xD4 => 'Ơ',
        0xF6 => 'ư',
        0xD6 => 'Ư',
        0xED => 'í',
        0xCD => 'Í',
        0xEC => 'ì',
        0xCC => 'Ì',
        0xE6 => 'ỉ',
        0xC6 => 'Ỉ',
        0xF3 => 'ĩ',
        0xD3 => 'Ĩ',
        0xF2 => 'ị',
        0xD2 => 'Ị',
        0xEE => 'ỵ',
        0xCE => 'Ỵ',
        _ => return None,
    })
}

/// The letter most recently written, while it can still take VNI marks.
#[derive(Clone, Copy)]
struct MarkSlot {
    /// Lower-case base vowel without marks (`ơ`/`ư` count as bases that already have a shape).
    base: char,
    has_shape: bool,
    has_tone: bool,
}

fn mark_fits(slot: &MarkSlot, shape: Option<char>, tone: Option<char>) -> bool {
    let shape_ok = match shape {
        None => true,
        Some(CIRCUMFLEX) => !slot.has_shape && matches!(slot.base, 'a' | 'e' | 'o'),
        Some(_) => !slot.has_shape && slot.base == 'a',
    };
    let tone_ok = tone.is_none() || !slot.has_tone;
    shape_ok && tone_ok
}

/// Convert VNI Windows text read as Latin-1/cp1252 (`Vieät Nam` → `Việt Nam`). VNI writes a
/// base letter followed by a byte that carries its shape and/or tone marks; a mark byte that
/// does not fit the letter before it is kept as the Latin-1 letter it looks like.
pub fn vni_to_unicode(s: &str) -> String {
    s.split_inclusive('\n')
        .map(|line| {
            if is_unicode_line(line, |c, prev, _| is_vni_pair(prev, c)) {
                line.to_string()
            } else {
                vni_line(line)
            }
        })
        .collect::<String>()
        .nfc()
        .collect()
}

fn vni_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut slot: Option<MarkSlot> = None;
    for c in s.chars() {
        let byte = char_to_cp1252_byte(c).filter(|&b| b >= 0x80);
        if let Some(b) = byte {
            if let Some((shape, tone)) = vni_modifier(b) {
                if let Some(sl) = slot.as_mut().filter(|sl| mark_fits(sl, shape, tone)) {
                    out.extend(shape);
                    out.extend(tone);
                    sl.has_shape |= shape.is_some();
                    sl.has_tone |= tone.is_some();
                    continue;
                }
            }
            if let Some(letter) = vni_letter(b) {
                out.push(letter);
                let lower = letter.to_lowercase().next().unwrap_or(letter);
                slot = match lower {
                    'ơ' | 'ư' => Some(MarkSlot {
                        base: lower,
                        has_shape: true,
                        has_tone: false,
                    }),
                    _ => None,
                };
                continue;
            }
        }
        out.push(c);
        let lower = c.to_ascii_lowercase();
        slot = matches!(lower, 'a' | 'e' | 'i' | 'o' | 'u' | 'y').then_some(MarkSlot {
            base: lower,
            has_shape: false,
            has_tone: false,
        });
    }
    out.nfc().collect()
}

/// Decode one Windows-1258 byte (may be a combining tone mark).
fn cp1258_char(b: u8) -> char {
    match b {
        0xC3 => 'Ă',
        0xCC => GRAVE,
        0xD0 => 'Đ',
        0xD2 => HOOK,
        0xD5 => 'Ơ',
        0xDD => 'Ư',
        0xDE => TILDE,
        0xE3 => 'ă',
        0xEC => ACUTE,
        0xF0 => 'đ',
        0xF2 => DOT,
        0xF5 => 'ơ',
        0xFD => 'ư',
        0xFE => '₫',
        // Undefined in cp1258 (cp1252 has Š Ž š ž there): keep the C1 control; output strips it.
        0x8A | 0x8E | 0x9A | 0x9E => char::from(b),
        _ => cp1252_char(b),
    }
}

/// Decode Windows-1258 bytes (tone marks are separate combining bytes) to NFC Unicode.
pub fn cp1258_to_unicode(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| cp1258_char(b))
        .collect::<String>()
        .nfc()
        .collect()
}

/// Chars that only TCVN3 text read as Latin-1 shows often (đ ư ơ ă â ô à á ả ã ạ ắ ằ ẳ ẵ and
/// the VN3 capitals).
fn is_tcvn3_marker(c: char) -> bool {
    matches!(
        c,
        '\u{AE}'
            | '\u{AD}'
            | '\u{AC}'
            | '\u{A8}'
            | '\u{A9}'
            | '\u{AB}'
            | '\u{B5}'
            | '\u{B8}'
            | '\u{B6}'
            | '\u{B7}'
            | '\u{B9}'
            | '\u{BE}'
            | '\u{BB}'
            | '\u{BC}'
            | '\u{BD}'
            | '\u{A1}'..='\u{A7}'
    )
}

/// Vietnamese letters that exist only in Unicode (not in Latin-1), and the combining marks of
/// decomposed (NFD) Vietnamese.
fn is_vietnamese_unicode(c: char) -> bool {
    matches!(
        c,
        '\u{1EA0}'..='\u{1EF9}'
            | 'ă'
            | 'Ă'
            | 'đ'
            | 'Đ'
            | 'ơ'
            | 'Ơ'
            | 'ư'
            | 'Ư'
            | 'ĩ'
            | 'Ĩ'
            | 'ũ'
            | 'Ũ'
            | '\u{300}'..='\u{303}'
            | '\u{306}'
            | '\u{309}'
            | '\u{31B}'
            | '\u{323}'
    )
}

fn is_vni_modifier_char(c: char) -> bool {
    char_to_cp1252_byte(c)
        .filter(|&b| b >= 0x80)
        .and_then(vni_modifier)
        .is_some()
}

/// A vowel followed by a VNI mark byte of the same letter case, in a pair that no Vietnamese
/// (or OCR-damaged Vietnamese) Unicode text contains: `oä`, `aø`, `eá`, `aâ` count; `uâ` (quân),
/// `oà` (hoà), `yê` (yên) do not.
fn is_vni_pair(prev: char, c: char) -> bool {
    if !is_vni_modifier_char(c) || prev.is_lowercase() != c.is_lowercase() {
        return false;
    }
    let base = prev.to_lowercase().next().unwrap_or(prev);
    let mark = c.to_lowercase().next().unwrap_or(c);
    let vowel = matches!(base, 'a' | 'e' | 'o' | 'u' | 'y' | 'ô' | 'ö');
    match mark {
        // Never Vietnamese letters, or never after another vowel.
        'ø' | 'ù' | 'û' | 'õ' | 'ï' | 'ä' | 'ë' | 'å' | 'ü' => vowel,
        'â' => matches!(base, 'a' | 'e' | 'o'),
        'ê' | 'á' | 'à' | 'ã' | 'é' | 'è' | 'ú' => matches!(base, 'a' | 'e'),
        _ => false,
    }
}

/// Scores of each legacy hypothesis over a text (counts of telltale chars or pairs).
#[derive(Debug, Default, PartialEq, Eq)]
struct LegacyScores {
    letters: usize,
    unicode: usize,
    tcvn3: usize,
    vni: usize,
    misdecoded: usize,
}

fn legacy_scores(s: &str) -> LegacyScores {
    let mut sc = LegacyScores::default();
    let mut prev = ' ';
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        if c.is_alphabetic() {
            sc.letters += 1;
        }
        if is_vietnamese_unicode(c) {
            sc.unicode += 1;
        }
        // Inside a word only: `©`, `®`, `«` as symbols or quotes in other text do not count.
        if is_tcvn3_marker(c) && (is_tcvn3_word_char(prev) || is_tcvn3_word_char(next)) {
            sc.tcvn3 += 1;
        }
        // VNI: a vowel followed by a mark byte of the same letter case (`oä`, `OÄ`). TCVN3 puts
        // its tone letters mostly after consonants or with mixed case (`iÕ`), so rarely scores.
        if is_vni_pair(prev, c) {
            sc.vni += 1;
        }
        sc.misdecoded += misdecoded::evidence(prev, c);
        prev = c;
    }
    sc
}

/// Guess which legacy encoding a text (already read as Latin-1/cp1252 chars) is in, from
/// character statistics. `None` means no legacy encoding stands out: clean Unicode, or too
/// little evidence to convert safely.
pub fn detect_legacy(s: &str) -> Option<Encoding> {
    const MIN_EVIDENCE: usize = 3;
    let sc = legacy_scores(s);
    let candidates = [
        (sc.tcvn3, Encoding::Tcvn3),
        (sc.vni, Encoding::Vni),
        (sc.misdecoded, Encoding::Cp1252Misdecoded),
    ];
    let (best, enc) = candidates
        .iter()
        .copied()
        .max_by_key(|&(n, _)| n)
        .unwrap_or((0, Encoding::Unicode));
    // Real legacy text shows its telltales in most sentences; a handful in a long text are
    // OCR noise or names.
    if best < MIN_EVIDENCE || best * 200 < sc.letters {
        return None;
    }
    // Text that is already mostly Unicode Vietnamese only counts as misdecoded (the partly
    // repaired shape keeps its tone-marked letters); stray `«»©` in it are punctuation.
    if enc != Encoding::Cp1252Misdecoded && sc.unicode >= best * 4 {
        return None;
    }
    Some(enc)
}

/// Convert `s` from `enc` (as detected by [`detect_legacy`]) to NFC Unicode.
pub fn legacy_to_unicode(s: &str, enc: Encoding) -> String {
    match enc {
        Encoding::Tcvn3 => tcvn3_to_unicode(s),
        Encoding::Vni => vni_to_unicode(s),
        Encoding::Cp1252Misdecoded => misdecoded::repair(s),
        Encoding::Cp1258 => s
            .chars()
            .map(char_to_cp1252_byte)
            .collect::<Option<Vec<u8>>>()
            .map(|b| cp1258_to_unicode(&b))
            .unwrap_or_else(|| s.nfc().collect()),
        Encoding::Unicode | Encoding::Utf16 => s.nfc().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_known_words() {
        assert_eq!(tcvn3_to_unicode("S¾C LÖNH"), "SẮC LỆNH");
        assert_eq!(tcvn3_to_unicode("Hµ Néi"), "Hà Nội");
        assert_eq!(tcvn3_to_unicode("§iÒu thø nhÊt"), "Điều thứ nhất");
        assert_eq!(
            tcvn3_to_unicode("Tõ m\u{AD}êi hai giê ®ªm ®Õn s¸u giê s¸ng"),
            "Từ mười hai giờ đêm đến sáu giờ sáng"
        );
        assert_eq!(
            tcvn3_to_unicode("Sè 3 NGµY 1 TH¸NG 9 N¨M 1945"),
            "SỐ 3 NGÀY 1 THÁNG 9 NĂM 1945"
        );
        assert_eq!(
            tcvn3_to_unicode("D©N CHñ CéNG HOµ VIÖT NAM"),
            "DÂN CHỦ CỘNG HOÀ VIỆT NAM"
        );
        assert_eq!(
            tcvn3_to_unicode("tÝnh mÖnh tµi s¶n cña nh©n d©n sÏ ph¶i ®em xö"),
            "tính mệnh tài sản của nhân dân sẽ phải đem xử"
        );
        assert_eq!(
            tcvn3_to_unicode("Bé Quèc phßng uû nhiÖm"),
            "Bộ Quốc phòng uỷ nhiệm"
        );
    }

    #[test]
    fn tcvn3_title_word_in_heading() {
        assert_eq!(tcvn3_to_unicode("CHñ TÞCH CHÝNH Phñ"), "CHỦ TỊCH CHÍNH PHỦ");
        assert_eq!(tcvn3_to_unicode("cña ChÝnh phñ"), "của Chính phủ");
    }

    #[test]
    fn lost_capitals_restored() {
        assert_eq!(
            fix_lost_capitals("SắC LệNH CủA CHủ TịCH, Số 4 NGàY"),
            "SẮC LỆNH CỦA CHỦ TỊCH, Số 4 NGÀY"
        );
        let clean = "Điều 1. Số 12/2024/QĐ-UBND, Nghị định NĐ-CP của Chính phủ";
        assert_eq!(fix_lost_capitals(clean), clean);
    }

    #[test]
    fn tcvn3_upper_font() {
        assert_eq!(tcvn3_to_unicode_upper("chñ tÞch"), "CHỦ TỊCH");
        assert_eq!(tcvn3_to_unicode_upper("s¾c lÖnh"), "SẮC LỆNH");
    }

    #[test]
    fn tcvn3_keeps_unicode_and_ascii() {
        assert_eq!(tcvn3_to_unicode("Điều 1. abc"), "Điều 1. abc");
    }

    #[test]
    fn vni_known_words() {
        assert_eq!(
            vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            vni_to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc"),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(vni_to_unicode("COÄNG HOØA"), "CỘNG HÒA");
        assert_eq!(vni_to_unicode("ngöôøi nöôùc"), "người nước");
        assert_eq!(vni_to_unicode("Quyeát ñònh naêm"), "Quyết định năm");
        assert_eq!(vni_to_unicode("aên thaúng"), "ăn thẳng");
    }

    #[test]
    fn mixed_unicode_lines_untouched() {
        assert_eq!(
            tcvn3_to_unicode("QUYẾT ĐỊNH về việc\nC¨n cø LuËt"),
            "QUYẾT ĐỊNH về việc\nCăn cứ Luật"
        );
        assert_eq!(
            vni_to_unicode("Hà Nội, ngày 5\nCoäng hoøa"),
            "Hà Nội, ngày 5\nCộng hòa"
        );
    }

    #[test]
    fn ocr_text_without_marks_is_not_vni() {
        let ocr =
            "Can cii Luat Ngán hang Nhà nu'ó'c Vit Nam, luât quân hoà khoán quyê't, hoàn luât";
        assert_eq!(detect_legacy(ocr), None);
    }

    #[test]
    fn vni_stray_mark_kept() {
        // A mark byte after a consonant is not VNI: keep the Latin-1 letter.
        assert_eq!(vni_to_unicode("né"), "né");
    }

    #[test]
    fn cp1258_bytes() {
        assert_eq!(cp1258_to_unicode(b"Th\xF4ng t\xFD"), "Thông tư");
        assert_eq!(cp1258_to_unicode(b"\xD0i\xEA\xCCu 1"), "Điều 1");
        assert_eq!(cp1258_to_unicode(b"ng\xFD\xF5\xCCi"), "người");
    }

    #[test]
    fn detects_each_encoding() {
        assert_eq!(
            detect_legacy("S¾C LÖNH: Héi ®ång c¸c Bé tr\u{AD}ëng ®· tho¶ hiÖp"),
            Some(Encoding::Tcvn3)
        );
        assert_eq!(
            detect_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, ngöôøi"),
            Some(Encoding::Vni)
        );
        assert_eq!(
            detect_legacy("Nghị ðịnh số 59 ðối với doanh nghiệp Nhà nýớc hoạt ðộng"),
            Some(Encoding::Cp1252Misdecoded)
        );
        assert_eq!(
            detect_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc"),
            None
        );
        assert_eq!(detect_legacy("plain ascii text"), None);
        assert_eq!(detect_legacy(""), None);
    }

    #[test]
    fn cp1252_roundtrip() {
        for b in 0u8..=255 {
            assert_eq!(char_to_cp1252_byte(cp1252_char(b)), Some(b));
        }
    }
}
