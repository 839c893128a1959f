//! Stage 2: Vietnamese normalization (NFC, one tone-mark convention, homographs, whitespace,
//! known mis-decodings, wrapped lines) and the accent-free folded form used for search.
//!
//! # Conventions
//!
//! * **Unicode**: NFC. `Ð` (U+00D0) and `Ɖ` (U+0189) become `Đ`, `ð` becomes `đ` (RULES.md §6.1).
//! * **Tone marks**: the *traditional* placement used by the official legal texts
//!   (`CỘNG HÒA`, `ỦY BAN`, `thủy`, `khỏe`): in an open syllable whose nucleus is `oa`, `oe` or
//!   `uy` (no final consonant) the mark sits on the first vowel. `hoà` → `hòa`, `thuỷ` → `thủy`,
//!   `uỷ` → `ủy`, `khoẻ` → `khỏe`. Syllables with a final consonant (`hoàn`, `thuyết`), the `qu`
//!   onset (`quý`, `quỷ`: the `u` belongs to the consonant) and `uê` (`thuế`, the mark stays on
//!   `ê` in both conventions) are left alone. Documents and queries go through the same rule, so
//!   both spellings meet; RULES.md says the spelling is never an error, only a matching problem.
//! * **Whitespace**: NBSP and the other Unicode spaces become `' '`; zero-width characters, BOM
//!   and soft hyphens are removed; `\r\n` and lone `\r` become `\n`; trailing spaces are trimmed.
//!   Tabs and runs of spaces are kept (`ngày    tháng` marks an unfilled date).
//! * **Dashes and quotes**: hyphen variants (U+2010, U+2011, U+2012, U+2212) become `-`; en and
//!   em dashes are kept (TT-001 quotes the motto as written; `number_key` maps them). Single
//!   curly quotes become `'`; `„ ‟ « »` become `“ ”`; `“ ”` and `"` are kept.
//! * **Mis-decodings**: Windows-1258 text read as Windows-1252 (`THÔNG TÝ`, `ðịnh`, `Hýớng`,
//!   `nãm`) is detected per document and repaired by [`crate::extract::misdecoded::repair`].
//! * **Gazette furniture**: in Công báo extractions, running heads (`CÔNG BÁO/Số 399 + 400/Ngày
//!   12-6-2022`), bare page numbers and the digital-signature stamp are removed.
//! * **Lines**: a line that continues the previous sentence (starts with a lowercase letter that
//!   does not open a list item) is joined to it with one space. Headings, list items (`1.`,
//!   `a)`, `-`), header lines and signature lines start with a capital, a digit or a bullet, so
//!   they are never joined.

use std::borrow::Cow;

use crate::extract::misdecoded;

use once_cell::sync::Lazy;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What normalization found and repaired (for ND-002 and for the extraction report).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NormalizeReport {
    /// The input was not in NFC (decomposed diacritics).
    pub not_nfc: bool,
    /// Look-alike letters replaced (`Ð`, `Ɖ`, `ð`).
    pub homographs: usize,
    /// Windows-1258 read as Windows-1252 was detected and repaired.
    pub cp1252_misdecoded: bool,
    /// Lines of gazette furniture removed.
    pub furniture_lines: usize,
    /// Line breaks inside a word or a number that were closed (`B` / `Ộ KHOA`, `năm 202` / `5`).
    pub broken_words: usize,
}

/// Normalize extracted text for parsing: NFC, homographs, tone marks, whitespace, mis-decodings,
/// gazette furniture, wrapped lines. Keeps line breaks between paragraphs.
pub fn normalize(text: &str) -> String {
    normalize_with_report(text).0
}

/// [`normalize`] and a report of what was repaired.
pub fn normalize_with_report(text: &str) -> (String, NormalizeReport) {
    let mut report = NormalizeReport::default();
    let nfc: Cow<str> = if is_nfc_fast(text) {
        Cow::Borrowed(text)
    } else {
        report.not_nfc = true;
        Cow::Owned(nfc_by_line(text))
    };
    // The byte gate keeps the fast path cheap; the repair is the extractor's, so a misreading
    // the extractor did not see (a PDF, a title alone) comes out as it would have from there.
    let repaired: Cow<str> = if misdecoded::looks_misdecoded(&nfc) {
        report.cp1252_misdecoded = true;
        Cow::Owned(misdecoded::repair(&nfc))
    } else {
        nfc
    };
    let chars = normalize_chars(&repaired, &mut report);
    let out = join_lines(&chars, &mut report);
    (out, report)
}

/// NFC, composing only the lines that need it (the full composition is slow, and extracted
/// texts are usually NFC but for a few lines).
fn nfc_by_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if is_nfc_fast(line) {
            out.push_str(line);
        } else {
            out.extend(line.nfc());
        }
    }
    out
}

/// Whether `text` is certainly NFC. Vietnamese text is ASCII, Latin-1/Extended-A/B letters
/// (U+00C0..U+01BF: `ă`, `đ`, `ơ`, `ư`...) and Latin Extended Additional (U+1E00..U+1EFF:
/// `ạ`...`ỹ`), all of which are NFC_QC=Yes starters (combining class 0): they are skipped by
/// their lead bytes, and the Unicode quick check runs only on the stretches between them (a
/// starter resets its state, so each stretch can be checked alone).
fn is_nfc_fast(text: &str) -> bool {
    let b = text.as_bytes();
    // Safe lead byte, or E1 followed by B8..BB (U+1E00..U+1EFF).
    let safe_at = |i: usize| match b[i] {
        0x00..=0x7f | 0xc3..=0xc6 => true,
        0xe1 => matches!(b.get(i + 1), Some(0xb8..=0xbb)),
        _ => false,
    };
    let mut i = 0;
    while i < b.len() {
        // Unsafe: lead bytes other than C3..C6 and E1, or E1 not followed by B8..BB.
        let Some(start) = crate::bytescan::find(b, i, |_, x, next, _| {
            let other_lead = x >= 0xc0 && !(0xc3..=0xc6).contains(&x) && x != 0xe1;
            other_lead | (x == 0xe1 && next & 0xfc != 0xb8)
        }) else {
            return true;
        };
        // `start` is a lead byte: a character boundary.
        i = start + 1;
        while i < b.len() && !safe_at(i) {
            i += 1;
        }
        // `i` stops on an ASCII byte or a lead byte: a character boundary.
        let Some(stretch) = text.get(start..i) else {
            return is_nfc_quick(text.chars()) == IsNormalized::Yes;
        };
        if is_nfc_quick(stretch.chars()) != IsNormalized::Yes {
            return false;
        }
    }
    true
}

/// Normalize a search query with the same character rules as documents, on one line.
pub fn normalize_query(query: &str) -> String {
    let nfc: Cow<str> = if query.is_ascii() {
        Cow::Borrowed(query)
    } else {
        Cow::Owned(query.nfc().collect())
    };
    let mut report = NormalizeReport::default();
    let s = normalize_chars(&nfc, &mut report);
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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
            'Đ' | 'đ' | 'Ð' | 'ð' | 'Ɖ' => 'D',
            '–' | '—' | '‑' | '−' | '‐' | '‒' => '-',
            c => c,
        })
        .flat_map(char::to_uppercase)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Character pass
// ---------------------------------------------------------------------------------------------

/// Tone of a vowel: 0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot.
const TONED_O: [char; 6] = ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'];
const TONED_U: [char; 6] = ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'];
const TONED_O_UP: [char; 6] = ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'];
const TONED_U_UP: [char; 6] = ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'];

/// For a toned `a`/`e`/`y` (either case): the glide it pairs with (`o` or `u`, lowercase), the
/// base vowel and the tone index. A direct `match` (a jump table), since it runs on every
/// non-ASCII character.
fn toned_second_vowel(c: char) -> Option<(u8, char, usize)> {
    Some(match c {
        'à' => (b'o', 'a', 1),
        'á' => (b'o', 'a', 2),
        'ả' => (b'o', 'a', 3),
        'ã' => (b'o', 'a', 4),
        'ạ' => (b'o', 'a', 5),
        'è' => (b'o', 'e', 1),
        'é' => (b'o', 'e', 2),
        'ẻ' => (b'o', 'e', 3),
        'ẽ' => (b'o', 'e', 4),
        'ẹ' => (b'o', 'e', 5),
        'ỳ' => (b'u', 'y', 1),
        'ý' => (b'u', 'y', 2),
        'ỷ' => (b'u', 'y', 3),
        'ỹ' => (b'u', 'y', 4),
        'ỵ' => (b'u', 'y', 5),
        'À' => (b'o', 'A', 1),
        'Á' => (b'o', 'A', 2),
        'Ả' => (b'o', 'A', 3),
        'Ã' => (b'o', 'A', 4),
        'Ạ' => (b'o', 'A', 5),
        'È' => (b'o', 'E', 1),
        'É' => (b'o', 'E', 2),
        'Ẻ' => (b'o', 'E', 3),
        'Ẽ' => (b'o', 'E', 4),
        'Ẹ' => (b'o', 'E', 5),
        'Ỳ' => (b'u', 'Y', 1),
        'Ý' => (b'u', 'Y', 2),
        'Ỷ' => (b'u', 'Y', 3),
        'Ỹ' => (b'u', 'Y', 4),
        'Ỵ' => (b'u', 'Y', 5),
        _ => return None,
    })
}

fn is_vowel_byte(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
    )
}

/// Whether the char can continue a Vietnamese syllable (letter of any script, combining mark).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// One pass over the characters: homographs, spaces, dashes, quotes, tone placement. Unchanged
/// input is copied in runs; only the characters that change are handled one by one.
fn normalize_chars<'t>(text: &'t str, report: &mut NormalizeReport) -> Cow<'t, str> {
    // Allocated on the first change only: most texts come out unchanged.
    let mut out = String::new();
    let bytes = text.as_bytes();
    let mut run = 0; // start of the pending unchanged input
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next character that may change: `\r`, `Ð`/`ð`/`Ɖ`, the spaces, dashes
        // and quotes (lead bytes C2, E2, E3, EF), or a toned vowel (C3 .., E1 ..) right after
        // an `o`/`u` glide (tone placement). Each byte is judged alone, so the scan runs
        // without a dependency from one character to the next.
        let Some(at) = crate::bytescan::find(bytes, i, |prev, x, next, third| {
            let glide = matches!(prev, b'o' | b'O' | b'u' | b'U');
            // C3: `Ð`/`ð`, or after a glide `à á ã è é ý` (either case); C6: only `Ɖ`.
            let c3 = x == 0xc3
                && (next == 0x90
                    || next == 0xb0
                    || (glide
                        && matches!(
                            next,
                            0xa0 | 0xa1
                                | 0xa3
                                | 0xa8
                                | 0xa9
                                | 0xbd
                                | 0x80
                                | 0x81
                                | 0x83
                                | 0x88
                                | 0x89
                                | 0x9d
                        )));
            let c6 = x == 0xc6 && next == 0x89;
            // E1 after a glide: `ả ạ ẻ ẽ ẹ` (E1 BA A0..A3, B8..BD) and `ỳ ỵ ỷ ỹ` (E1 BB B2..B9).
            let e1 = x == 0xe1
                && glide
                && ((next == 0xba && matches!(third, 0xa0..=0xa3 | 0xb8..=0xbd))
                    || (next == 0xbb && matches!(third, 0xb2..=0xb9)));
            let always = x == b'\r' || x == 0xc2 || x == 0xe2 || x == 0xe3 || x == 0xef;
            always | e1 | c3 | c6
        }) else {
            break;
        };
        i = at;
        let b = bytes[i];
        if b == b'\r' {
            out.push_str(&text[run..i]);
            out.push('\n');
            i += 1;
            if bytes.get(i) == Some(&b'\n') {
                i += 1;
            }
            run = i;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let replacement: Option<&str> = match c {
            'Ð' | 'Ɖ' => {
                report.homographs += 1;
                Some("Đ")
            }
            'ð' => {
                report.homographs += 1;
                Some("đ")
            }
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some(" ")
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Some(""),
            '\u{2028}' | '\u{2029}' | '\u{0085}' => Some("\n"),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => Some("-"),
            '‘' | '’' | '‚' | '‛' | '′' => Some("'"),
            '„' | '«' => Some("“"),
            '‟' | '»' => Some("”"),
            _ => None,
        };
        if let Some(r) = replacement {
            out.push_str(&text[run..i]);
            out.push_str(r);
            i += len;
            run = i;
            continue;
        }
        // Tone placement only matters right after an `o`/`u` glide.
        if i > run && matches!(bytes[i - 1], b'o' | b'O' | b'u' | b'U') {
            if let Some((glide, base, tone)) = toned_second_vowel(c) {
                out.push_str(&text[run..i]);
                let next = text[i + len..].chars().next();
                if retone_previous_glide(&mut out, glide, tone, next) {
                    out.push(base);
                } else {
                    out.push(c);
                }
                i += len;
                run = i;
                continue;
            }
        }
        i += len;
    }
    if run == 0 {
        debug_assert!(out.is_empty());
        return Cow::Borrowed(text);
    }
    out.push_str(&text[run..]);
    Cow::Owned(out)
}

/// `hoà` → `hòa`: when `out` ends with an unmarked glide `o`/`u` that opens the nucleus of an
/// open syllable, replace it with its toned form and report true (the caller then writes the
/// bare second vowel).
fn retone_previous_glide(out: &mut String, glide: u8, tone: usize, next: Option<char>) -> bool {
    if next.is_some_and(is_word_char) {
        return false; // final consonant or longer nucleus (`hoàn`, `khuya`)
    }
    let ob = out.as_bytes();
    let Some(&last) = ob.last() else {
        return false;
    };
    if last.to_ascii_lowercase() != glide {
        return false;
    }
    let before = ob.len().checked_sub(2).map(|k| ob[k]);
    if let Some(b) = before {
        // `quý`, `quỷ`: the `u` belongs to the onset. `oà` after another vowel is not this cluster.
        if (glide == b'u' && b.eq_ignore_ascii_case(&b'q')) || is_vowel_byte(b) {
            return false;
        }
        if b >= 0x80 {
            // A non-ASCII letter before the glide is a vowel with diacritics (`ưu`) or `đ`.
            let prev_char = out[..ob.len() - 1].chars().next_back();
            if prev_char.is_some_and(|p| p != 'đ' && p != 'Đ' && p.is_alphabetic()) {
                return false;
            }
        }
    }
    let upper = last.is_ascii_uppercase();
    let table = match (glide, upper) {
        (b'o', false) => &TONED_O,
        (b'o', true) => &TONED_O_UP,
        (b'u', false) => &TONED_U,
        _ => &TONED_U_UP,
    };
    out.pop();
    out.push(table[tone]);
    true
}

// ---------------------------------------------------------------------------------------------
// Lines: furniture and wrapped paragraphs
// ---------------------------------------------------------------------------------------------

/// The text is a copy printed in the Công báo (official gazette): some line is one of its
/// running heads (`CÔNG BÁO/Số 1523 + 1524/Ngày 29-12-2024`), which [`normalize`] removes. The
/// gazette prints a document without its recipients block (NN-001).
pub fn gazette_copy(text: &str) -> bool {
    (text.contains("CÔNG BÁO/") || text.contains("CÔNG BÁO /")) && text.lines().any(is_gazette_head)
}

fn is_gazette_head(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("CÔNG BÁO/") || t.starts_with("CÔNG BÁO /")
}

fn is_signature_stamp(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("Người ký:")
        || t.starts_with("Email:")
        || t.starts_with("Cơ quan:")
        || t.starts_with("Thời gian ký:")
}

fn is_bare_page_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// A line starting like this opens a list item and is never a continuation.
fn opens_list_item(t: &str) -> bool {
    let mut it = t.chars();
    let Some(first) = it.next() else {
        return false;
    };
    if matches!(first, '-' | '+' | '•' | '●' | '▪' | '*' | '–' | '—' | '(') {
        return true;
    }
    if first.is_lowercase() {
        let second = it.next();
        // `a)`, `đ)`, `a.` followed by a space
        if matches!(second, Some(')')) {
            return true;
        }
        if matches!(second, Some('.')) && matches!(it.next(), Some(' ') | None) {
            return true;
        }
    }
    false
}

/// `;`, `,`, `.`, `)` at the start of a line: the rest of a sentence broken before punctuation
/// (HTML extraction breaks lines around links: `… số 63/2025/QH15` / `;`).
fn starts_with_punct(t: &str) -> bool {
    t.starts_with([';', ',', ')', ':']) || (t.starts_with('.') && !t.starts_with(".."))
}

/// A document number opening the line (`37/2025/NĐ-CP`): the continuation of `… số`.
fn starts_with_doc_number(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && t.as_bytes().get(digits) == Some(&b'/')
        && t.as_bytes()
            .get(digits + 1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
}

/// Words after which a sentence cannot end: the line break inside `Căn cứ` / `Luật …`,
/// `Nghị định số` / `37/2025/NĐ-CP`, `ngày` / `26 tháng 02 năm 2025`.
fn ends_with_link_word(line: &str) -> bool {
    const LINK: &[&str] = &[
        "Căn cứ",
        "căn cứ",
        "số",
        "của",
        "ngày",
        "và",
        "tại",
        "theo",
        "về",
        "các",
        "tháng",
        "năm",
        "Luật",
        "Bộ luật",
        "Nghị định",
        "Thông tư",
        "Quyết định",
        "Nghị quyết",
        "Pháp lệnh",
        "Hiến pháp",
        "Điều",
        "khoản",
        "điểm",
        "bởi",
        "với",
        "cho",
        "là",
        "được",
    ];
    let t = line.trim_end();
    LINK.iter().any(|w| {
        t.ends_with(w)
            && t[..t.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn is_all_caps_line(t: &str) -> bool {
    let mut letters = 0usize;
    for c in t.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 0
}

/// Onsets a syllable may start with (without the vowel-bearing `gi`, `qu`).
const ONSETS: &[&str] = &[
    "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
    "ph", "r", "s", "t", "th", "tr", "v", "x",
];

fn is_onset(s: &str) -> bool {
    let lower = s.to_lowercase();
    ONSETS.contains(&lower.as_str())
}

fn is_vietnamese_vowel(c: char) -> bool {
    let base = fold_char(c).map(char::from).unwrap_or(c);
    matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Lowercase, uppercase or capitalized, as a real word is.
fn has_word_case(w: &str) -> bool {
    let mut cs = w.chars().filter(|c| c.is_alphabetic());
    let Some(first) = cs.next() else {
        return false;
    };
    let rest: Vec<char> = cs.collect();
    let rest_lower = rest.iter().all(|c| c.is_lowercase());
    let rest_upper = rest.iter().all(|c| c.is_uppercase());
    if first.is_lowercase() {
        rest_lower
    } else {
        rest_lower || rest_upper
    }
}

/// Extractions from PDF layouts sometimes break a line inside a word or a number (`B` / `Ộ
/// KHOA HỌC`, `Hà N` / `ội, ng` / `ày 31`, `năm 202` / `5`, `Số:` / `90` / `/20` / `25`).
/// Returns the glue that closes such a break between the line so far and the next one.
fn broken_inside_token(prev: &str, next: &str) -> Option<&'static str> {
    let prev = prev.trim_end();
    let tail_start = prev.rfind([' ', '\t']).map(|p| p + 1).unwrap_or(0);
    let tail = &prev[tail_start..];
    // Cheap gate (this runs on every line): an onset is at most 3 bytes (`ngh`, `Đ`), a number
    // cut ends in a digit, a number label in `:`, and a lone final consonant is 1-2 letters.
    let short_tail = tail.len() <= 3;
    let digit_tail = tail.ends_with(|c: char| c.is_ascii_digit());
    let label_tail = tail.ends_with(':');
    let coda_next = next.trim().len() <= 2;
    if !(short_tail || digit_tail || label_tail || coda_next) {
        return None;
    }
    let head_end = next
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(next.len());
    let head = &next[..head_end];
    // A syllable cut after its onset: `B` + `Ộ`, `ng` + `ày`, `T` + `HỂ`.
    let tail_is_letters = !tail.is_empty() && tail.chars().all(char::is_alphabetic);
    let head_is_letters = !head.is_empty() && head.chars().all(char::is_alphabetic);
    if tail_is_letters && head_is_letters && is_onset(tail) && !opens_list_item(next) {
        let before = prev[..tail_start].trim_end();
        if before.ends_with("điểm") || before.ends_with("Điểm") {
            return None; // `điểm b` is a point letter, not a cut syllable
        }
        let heading = [
            "Chương",
            "CHƯƠNG",
            "Phần",
            "PHẦN",
            "Mục",
            "MỤC",
            "Phụ lục",
            "PHỤ LỤC",
        ]
        .iter()
        .any(|h| before.ends_with(h));
        let joined = format!("{tail}{head}");
        let onset_len = joined
            .chars()
            .take_while(|&c| !is_vietnamese_vowel(c))
            .collect::<String>();
        let valid_onset = onset_len.chars().count() == tail.chars().count() || is_onset(&onset_len);
        if !heading && valid_onset && has_word_case(&joined) {
            return Some("");
        }
        return None;
    }
    // A final consonant left alone on the next line: `Hạnh phú` + `c`.
    const CODAS: &[&str] = &["c", "ch", "m", "n", "ng", "nh", "p", "t"];
    let coda_line = next.trim();
    if tail_is_letters
        && tail.chars().last().is_some_and(is_vietnamese_vowel)
        && CODAS.contains(&coda_line.to_lowercase().as_str())
        && has_word_case(&format!("{tail}{coda_line}"))
    {
        return Some("");
    }
    let digits_in = |s: &str| s.chars().rev().take_while(char::is_ascii_digit).count();
    let head_digits = next.chars().take_while(char::is_ascii_digit).count();
    // A year cut inside: `năm 202` + `5`, `/20` + `25`.
    let tail_digits = digits_in(tail);
    if tail_digits > 0 && head_digits > 0 && tail_digits + head_digits <= 4 {
        let lead = &tail[..tail.len() - tail_digits];
        let year_context = lead.ends_with('/')
            || (lead.is_empty() && {
                let before = prev[..tail_start].trim_end();
                before.ends_with("năm") || before.ends_with("NĂM")
            });
        if year_context {
            return Some("");
        }
    }
    // A number symbol cut before its slash: `90` + `/2025/TT-BNNMT`.
    let number_so_far = tail.bytes().all(|b| b.is_ascii_digit() || b == b'/');
    if tail_digits > 0 && number_so_far && next.starts_with('/') {
        return Some("");
    }
    // The number below its label: `Số:` + `90`.
    if (tail == "Số:" || tail == "SỐ:" || tail == "số:") && head_digits > 0 {
        return Some(" ");
    }
    None
}

/// Remove gazette furniture, trim trailing spaces and join wrapped lines.
fn join_lines(text: &str, report: &mut NormalizeReport) -> String {
    let gazette = text.contains("CÔNG BÁO/") || text.contains("CÔNG BÁO /");
    let mut out = String::with_capacity(text.len());
    // Whether the last written line may be continued by the next one.
    let mut open = false;
    let mut first = true;
    // Start in `out` of the line being written.
    let mut cur_line = 0usize;
    for raw in text.split('\n') {
        let line = raw.trim_end();
        if gazette
            && (is_gazette_head(line) || is_bare_page_number(line) || is_signature_stamp(line))
        {
            report.furniture_lines += 1;
            continue;
        }
        let t = line.trim_start();
        if !first && !t.is_empty() {
            if let Some(glue) = broken_inside_token(&out[cur_line..], t) {
                report.broken_words += 1;
                out.push_str(glue);
                out.push_str(t);
                open = may_continue(&out[cur_line..]);
                continue;
            }
        }
        // `1. …` opens a numbered clause (Khoản), even after a line ending in the link word
        // `khoản` (`tài khoản`), unless the line before is a heading cut after `Điều`.
        let clause_opens = {
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            let cur = out[cur_line..].trim_end();
            (1..=3).contains(&digits)
                && t[digits..].starts_with(". ")
                && !cur.ends_with("Điều")
                && !cur.ends_with("ĐIỀU")
        };
        let continues = open && !t.is_empty() && !opens_list_item(t) && !clause_opens && {
            let first = t.chars().next().unwrap_or(' ');
            first.is_lowercase()
                || starts_with_punct(t)
                || starts_with_doc_number(t)
                || ends_with_link_word(&out[cur_line..])
        };
        if continues {
            // Replace the line break by one space (none before punctuation).
            if !starts_with_punct(t) {
                out.push(' ');
            }
            out.push_str(t);
        } else {
            if !first {
                out.push('\n');
            }
            cur_line = out.len();
            out.push_str(line);
        }
        first = false;
        open = may_continue(&out[cur_line..]);
    }
    out
}

/// Whether a line may be continued by the next one: not empty, not ended by `:`, `;` or `.`,
/// not a line of capitals (headings, header lines).
fn may_continue(line: &str) -> bool {
    let lt = line.trim();
    !lt.is_empty()
        && !lt.ends_with(':')
        && !lt.ends_with(';')
        && !is_all_caps_line(lt)
        && !lt.ends_with('.')
}

// ---------------------------------------------------------------------------------------------
// Folding for search
// ---------------------------------------------------------------------------------------------

/// Text folded for accent-insensitive search, with a map back to the original bytes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    /// Lowercase, diacritics removed, `đ` → `d`.
    pub text: String,
    /// `offsets[i]` is the byte offset in the original text of the character that produced byte
    /// `i` of `text`; one extra entry holds the original length, so `offsets.len() == text.len()
    /// + 1` and a folded range `a..b` maps to `offsets[a]..offsets[b]`.
    pub offsets: Vec<u32>,
}

impl Folded {
    /// Original byte range of a folded byte range.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let last = self.offsets.len().saturating_sub(1);
        let s = self.offsets.get(start.min(last)).copied().unwrap_or(0) as usize;
        let e = self.offsets.get(end.min(last)).copied().unwrap_or(0) as usize;
        (s, e.max(s))
    }
}

/// Fold table for U+00C0..U+024F and U+1EA0..U+1EFF: the lowercase ASCII base letter, 0 if none.
static FOLD_TABLE: Lazy<(Vec<u8>, Vec<u8>)> = Lazy::new(|| {
    let groups: &[(&str, u8)] = &[
        ("àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬäåāąÄÅĀĄ", b'a'),
        ("èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆëēęěËĒĘĚ", b'e'),
        ("ìíỉĩịÌÍỈĨỊîïÎÏīĪ", b'i'),
        ("òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢöøōÖØŌ", b'o'),
        ("ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰûüūůÛÜŪŮ", b'u'),
        ("ỳýỷỹỵỲÝỶỸỴÿŸ", b'y'),
        ("đĐÐðƉ", b'd'),
        ("çÇčČćĆ", b'c'),
        ("ñÑňŇ", b'n'),
        ("šŠśŚ", b's'),
        ("žŽ", b'z'),
        ("řŘ", b'r'),
    ];
    let mut latin = vec![0u8; 0x250 - 0xC0];
    let mut viet = vec![0u8; 0x100];
    for (letters, base) in groups {
        for c in letters.chars() {
            let cp = c as u32;
            if (0xC0..0x250).contains(&cp) {
                latin[(cp - 0xC0) as usize] = *base;
            } else if (0x1E00..0x1F00).contains(&cp) {
                viet[(cp - 0x1E00) as usize] = *base;
            }
        }
    }
    (latin, viet)
});

fn fold_char(c: char) -> Option<u8> {
    let cp = c as u32;
    let (latin, viet) = &*FOLD_TABLE;
    let b = if (0xC0..0x250).contains(&cp) {
        latin[(cp - 0xC0) as usize]
    } else if (0x1E00..0x1F00).contains(&cp) {
        viet[(cp - 0x1E00) as usize]
    } else {
        0
    };
    (b != 0).then_some(b)
}

/// Fold text for accent-insensitive search: lowercase, diacritics and combining marks removed,
/// `đ` → `d`. Works on any text (normalized or not).
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut offsets: Vec<u32> = Vec::with_capacity(text.len() + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            out.push(b.to_ascii_lowercase() as char);
            offsets.push(i as u32);
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if let Some(base) = fold_char(c) {
            out.push(base as char);
            offsets.push(i as u32);
        } else if !('\u{0300}'..='\u{036F}').contains(&c) {
            for lc in c.to_lowercase() {
                for _ in 0..lc.len_utf8() {
                    offsets.push(i as u32);
                }
                out.push(lc);
            }
        }
        i += c.len_utf8();
    }
    offsets.push(text.len() as u32);
    debug_assert_eq!(offsets.len(), out.len() + 1);
    Folded { text: out, offsets }
}

/// The folded text alone (for query terms and index keys).
pub fn fold_str(text: &str) -> String {
    fold(text).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_nfc_check_agrees_with_unicode() {
        let samples = [
            "Cộng hòa xã hội chủ nghĩa Việt Nam: Ủy ban nhân dân tỉnh",
            "ĐẠI HỘI ĐỒNG ơ ư Ơ Ư ă â ê ô",
            "Nghi\u{0323} đi\u{0323}nh",
            "A\u{030A}ngstro\u{0308}m",
            "\u{2126} ohm, \u{212B} angstrom",
            "x\u{0300}",
            "\u{00A0}\u{00AD}«»",
            "\u{1E9B}\u{0323}",
            "한국어 \u{1100}\u{1161}",
            "“Điều 5” – ọ\u{0301} “x”",
            "“Điều 5” – ọ “x”",
        ];
        for s in samples {
            assert_eq!(
                is_nfc_fast(s),
                is_nfc_quick(s.chars()) == IsNormalized::Yes,
                "{s:?}"
            );
        }
    }

    #[test]
    fn carriage_returns_become_line_feeds() {
        assert_eq!(normalize("Ab.\r\nCd.\rEf"), "Ab.\nCd.\nEf");
    }

    #[test]
    fn lines_broken_inside_words_and_numbers_are_closed() {
        let cases = [
            (
                "B\nỘ KHOA HỌC V\nÀ CÔNG NGH\nỆ\n-------",
                "BỘ KHOA HỌC VÀ CÔNG NGHỆ\n-------",
            ),
            (
                "Hà N\nội, ng\này 31 tháng 12 năm 2025",
                "Hà Nội, ngày 31 tháng 12 năm 2025",
            ),
            (
                "Hà Nội, ngày\n31\ntháng\n12\nnăm 202\n5\nTHÔNG TƯ",
                "Hà Nội, ngày 31 tháng 12 năm 2025\nTHÔNG TƯ",
            ),
            (
                "Hà Nội, ngày 28 tháng 11 năm 20\n2\n5\nTHÔNG TƯ",
                "Hà Nội, ngày 28 tháng 11 năm 2025\nTHÔNG TƯ",
            ),
            (
                "C\nỘNG H\nÒA XÃ H\nỘI CHỦ NGHĨA VIỆT NAM",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            (
                "Độc lập - Tự do - Hạnh ph\núc",
                "Độc lập - Tự do - Hạnh phúc",
            ),
            ("BỘ VĂN HÓA,\nT\nHỂ\nTHAO", "BỘ VĂN HÓA,\nTHỂ\nTHAO"),
            ("S\nố:\n90\n/20\n25\n/TT-BNNMT", "Số: 90/2025/TT-BNNMT"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize(raw), want, "{raw:?}");
        }
        // Not broken: headings with Roman numerals, abbreviations, list items, mixed case.
        let kept = [
            "CHƯƠNG V\nỦY BAN NHÂN DÂN",
            "Phụ lục B\nỦy ban nhân dân tỉnh",
            "TM. UBND\nCHỦ TỊCH",
            "Điều 5\n1. Khoản một.",
            "Mẫu số 01\n2025 ký hiệu",
            "Điểm b\na) nội dung",
            "Điều 3. Nguyên tắc sử dụng tài khoản\n1. Các cơ quan được đăng ký",
        ];
        assert_eq!(
            normalize("Điều\n1. Phạm vi điều chỉnh"),
            "Điều 1. Phạm vi điều chỉnh"
        );
        for raw in kept {
            assert_eq!(normalize(raw), raw, "{raw:?}");
        }
    }

    #[test]
    fn nfc_and_homographs() {
        let nfd = "Quye\u{302}\u{301}t đi\u{323}nh";
        assert_eq!(normalize(nfd), "Quyết định");
        assert_eq!(normalize("ÐIỀU 1. Ɖiều ðịnh"), "ĐIỀU 1. Điều định");
        let (_, r) = normalize_with_report("Ðây");
        assert_eq!(r.homographs, 1);
    }

    #[test]
    fn tone_marks_meet() {
        assert_eq!(normalize_query("hoà"), "hòa");
        assert_eq!(normalize_query("CỘNG HOÀ"), "CỘNG HÒA");
        assert_eq!(normalize_query("thuỷ lợi"), "thủy lợi");
        assert_eq!(normalize_query("Uỷ ban"), "Ủy ban");
        assert_eq!(normalize_query("UỶ BAN"), "ỦY BAN");
        assert_eq!(normalize_query("khoẻ"), "khỏe");
        // left alone
        assert_eq!(normalize_query("hoàn thành"), "hoàn thành");
        assert_eq!(normalize_query("quý quỷ"), "quý quỷ");
        assert_eq!(normalize_query("thuế"), "thuế");
        assert_eq!(normalize_query("quyết khuya"), "quyết khuya");
        assert_eq!(normalize_query("hòa ủy"), "hòa ủy");
        assert_eq!(normalize_query("giá gìn"), "giá gìn");
    }

    #[test]
    fn whitespace_and_dashes() {
        assert_eq!(
            normalize("Nguyễn\u{00A0}Văn\u{200B} A\u{00AD}\r\nSố 1\u{2011}2  \t"),
            "Nguyễn Văn A\nSố 1-2"
        );
        assert_eq!(normalize_query("  a \t b "), "a b");
    }

    #[test]
    fn misdecoded_cp1258_repaired() {
        let bad = "THÔNG TÝ\nHýớng dẫn việc ðịnh giá nãm 1992 của Trung ýõng";
        let good = normalize(bad);
        assert_eq!(
            good,
            "THÔNG TƯ\nHướng dẫn việc định giá năm 1992 của Trung ương"
        );
        // Real `ý`, `ã` stay in correct text.
        assert_eq!(normalize("ý kiến, đã ký"), "ý kiến, đã ký");
    }

    #[test]
    fn misdecoding_repaired_as_the_extractor_does() {
        // A word no list would hold (`chãm`) is judged by its syllable shape, and the text
        // comes out the same whether the extractor or normalize met the misreading first.
        let bad = "THÔNG TÝ\nchãm sóc ngýời cao tuổi";
        assert_eq!(normalize(bad), "THÔNG TƯ\nchăm sóc người cao tuổi");
        assert_eq!(normalize(bad), normalize(&misdecoded::repair(bad)));
    }

    #[test]
    fn wrapped_lines_joined_but_not_lists_or_headings() {
        let text = "Căn cứ Nghị định số 14/2017/NĐ-CP ngày 17 tháng 02 năm 2017 của Chính\n\
                    phủ quy định chức năng;\n\
                    Điều 1. Phạm vi\n\
                    điều chỉnh\n\
                    1. Khoản một như sau:\n\
                    a) điểm a;\n\
                    b) điểm b\n\
                    - gạch\n\
                    QUYẾT ĐỊNH\n\
                    về việc";
        let n = normalize(text);
        assert_eq!(
            n,
            "Căn cứ Nghị định số 14/2017/NĐ-CP ngày 17 tháng 02 năm 2017 của Chính phủ quy định chức năng;\n\
             Điều 1. Phạm vi điều chỉnh\n\
             1. Khoản một như sau:\n\
             a) điểm a;\n\
             b) điểm b\n\
             - gạch\n\
             QUYẾT ĐỊNH\n\
             về việc"
        );
    }

    #[test]
    fn html_breaks_joined() {
        let text = "Căn cứ\nLuật Tổ chức Chính phủ số 63/2025/QH15\n;\nCăn cứ Nghị định số\n37/2025/NĐ-CP\nngày 26 tháng 02 năm 2025;\nĐiều 1. Một\n2. Hai";
        assert_eq!(
            normalize(text),
            "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nCăn cứ Nghị định số 37/2025/NĐ-CP ngày 26 tháng 02 năm 2025;\nĐiều 1. Một\n2. Hai"
        );
    }

    #[test]
    fn gazette_copies_by_their_running_heads() {
        assert!(gazette_copy("Điều 1.\nCÔNG BÁO/Số 851/Ngày 01-7-2025\n"));
        assert!(gazette_copy(" CÔNG BÁO/Số 1523 + 1524/Ngày 29-12-2024 "));
        assert!(!gazette_copy("- Công báo tỉnh;\n- Lưu: VT."));
        assert!(!gazette_copy("đăng CÔNG BÁO/Số trong câu"));
    }

    #[test]
    fn gazette_furniture_removed() {
        let text = "CÔNG BÁO/Số 399 + 400/Ngày 12-6-2022\n17\nĐiều 1. Một\nNgười ký: Cổng\nEmail: a@b\n18\nĐiều 2. Hai";
        let (n, r) = normalize_with_report(text);
        assert_eq!(n, "Điều 1. Một\nĐiều 2. Hai");
        assert_eq!(r.furniture_lines, 5);
    }

    #[test]
    fn number_key_contract() {
        assert_eq!(number_key("Số: 15/2020/QĐ-UBND"), "15/2020/QD-UBND");
        assert_eq!(number_key("15/2020/QD - UBND"), "15/2020/QD-UBND");
        assert_eq!(number_key("34/2016/NĐ–CP"), "34/2016/ND-CP");
    }

    #[test]
    fn fold_maps_back() {
        let s = "Điều 5. Quyết định";
        let f = fold(s);
        assert_eq!(f.text, "dieu 5. quyet dinh");
        let pos = f.text.find("quyet").unwrap_or(0);
        let (a, b) = f.original_range(pos, pos + 5);
        assert_eq!(&s[a..b], "Quyết");
        let (a, b) = f.original_range(f.text.len() - 4, f.text.len());
        assert_eq!(&s[a..b], "định");
        assert_eq!(fold_str("hòa HOÀ"), "hoa hoa");
        assert_eq!(fold("e\u{301}").text, "e");
    }
}
