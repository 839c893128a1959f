//! Simple-font base encodings (Standard, WinAnsi, MacRoman) and glyph names → Unicode.
//!
//! lopdf keeps its encoding tables private, so the few we need live here. Glyph names follow
//! the Adobe Glyph List conventions: fixed names for punctuation and ligatures, `uniXXXX` and
//! `uXXXX[XX]` forms, and accented Latin letters (all Vietnamese letters included) built from a
//! base letter plus accent words (`Abreveacute`, `ohornhookabove`), composed with NFC.

use once_cell::sync::Lazy;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// The base encoding a simple font starts from before `/Differences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BaseEncoding {
    Standard,
    WinAnsi,
    MacRoman,
}

impl BaseEncoding {
    pub(super) fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"MacRomanEncoding" => Some(BaseEncoding::MacRoman),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            _ => None,
        }
    }

    /// The character for `code`, if the encoding defines one.
    pub(super) fn decode(self, code: u8) -> Option<char> {
        match self {
            BaseEncoding::WinAnsi => win_ansi(code),
            BaseEncoding::MacRoman => mac_roman(code),
            BaseEncoding::Standard => standard(code),
        }
    }
}

/// Windows-1252 bytes 0x80..=0x9F; `\0` marks undefined codes.
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// Windows-1252 as WinAnsiEncoding defines it (Latin-1 elsewhere).
pub(super) fn win_ansi(code: u8) -> Option<char> {
    match code {
        0x80..=0x9F => Some(CP1252_HIGH[(code - 0x80) as usize]).filter(|c| *c != '\0'),
        0x20..=0x7E | 0xA0..=0xFF => Some(code as char),
        // Control codes: many Word-made fonts still draw something there; keep them visible as
        // Latin-1 so that the legacy detector sees the real bytes.
        _ => Some(code as char),
    }
}

const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

static MAC_ROMAN_TABLE: Lazy<Vec<char>> = Lazy::new(|| MAC_ROMAN_HIGH.chars().collect());

fn mac_roman(code: u8) -> Option<char> {
    if code < 0x80 {
        return Some(code as char);
    }
    MAC_ROMAN_TABLE.get((code - 0x80) as usize).copied()
}

fn standard(code: u8) -> Option<char> {
    let c = match code {
        0x27 => '’',
        0x60 => '‘',
        0x20..=0x7E => code as char,
        0xA1 => '¡',
        0xA2 => '¢',
        0xA3 => '£',
        0xA4 => '⁄',
        0xA5 => '¥',
        0xA6 => 'ƒ',
        0xA7 => '§',
        0xA8 => '¤',
        0xA9 => '\'',
        0xAA => '“',
        0xAB => '«',
        0xAC => '‹',
        0xAD => '›',
        0xAE => 'ﬁ',
        0xAF => 'ﬂ',
        0xB1 => '–',
        0xB2 => '†',
        0xB3 => '‡',
        0xB4 => '·',
        0xB6 => '¶',
        0xB7 => '•',
        0xB8 => '‚',
        0xB9 => '„',
        0xBA => '”',
        0xBB => '»',
        0xBC => '…',
        0xBD => '‰',
        0xBF => '¿',
        0xC1 => '`',
        0xC2 => '´',
        0xC3 => 'ˆ',
        0xC4 => '˜',
        0xC5 => '¯',
        0xC6 => '˘',
        0xC7 => '˙',
        0xC8 => '¨',
        0xCA => '˚',
        0xCB => '¸',
        0xCD => '˝',
        0xCE => '˛',
        0xCF => 'ˇ',
        0xD0 => '—',
        0xE1 => 'Æ',
        0xE3 => 'ª',
        0xE8 => 'Ł',
        0xE9 => 'Ø',
        0xEA => 'Œ',
        0xEB => 'º',
        0xF1 => 'æ',
        0xF5 => 'ı',
        0xF8 => 'ł',
        0xF9 => 'ø',
        0xFA => 'œ',
        0xFB => 'ß',
        _ => return None,
    };
    Some(c)
}

/// Names that are not a letter plus accents.
const FIXED_NAMES: &[(&str, &str)] = &[
    ("space", " "),
    ("nbspace", "\u{a0}"),
    ("exclam", "!"),
    ("quotedbl", "\""),
    ("numbersign", "#"),
    ("dollar", "$"),
    ("percent", "%"),
    ("ampersand", "&"),
    ("quotesingle", "'"),
    ("quoteright", "’"),
    ("quoteleft", "‘"),
    ("parenleft", "("),
    ("parenright", ")"),
    ("asterisk", "*"),
    ("plus", "+"),
    ("comma", ","),
    ("hyphen", "-"),
    ("sfthyphen", "\u{ad}"),
    ("period", "."),
    ("slash", "/"),
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("colon", ":"),
    ("semicolon", ";"),
    ("less", "<"),
    ("equal", "="),
    ("greater", ">"),
    ("question", "?"),
    ("at", "@"),
    ("bracketleft", "["),
    ("backslash", "\\"),
    ("bracketright", "]"),
    ("asciicircum", "^"),
    ("underscore", "_"),
    ("braceleft", "{"),
    ("bar", "|"),
    ("braceright", "}"),
    ("asciitilde", "~"),
    ("exclamdown", "¡"),
    ("cent", "¢"),
    ("sterling", "£"),
    ("fraction", "⁄"),
    ("yen", "¥"),
    ("florin", "ƒ"),
    ("section", "§"),
    ("currency", "¤"),
    ("quotedblleft", "“"),
    ("quotedblright", "”"),
    ("quotesinglbase", "‚"),
    ("quotedblbase", "„"),
    ("guillemotleft", "«"),
    ("guillemotright", "»"),
    ("guilsinglleft", "‹"),
    ("guilsinglright", "›"),
    ("fi", "fi"),
    ("fl", "fl"),
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
    ("endash", "–"),
    ("emdash", "—"),
    ("dagger", "†"),
    ("daggerdbl", "‡"),
    ("periodcentered", "·"),
    ("middot", "·"),
    ("paragraph", "¶"),
    ("bullet", "•"),
    ("ellipsis", "…"),
    ("perthousand", "‰"),
    ("questiondown", "¿"),
    ("grave", "`"),
    ("acute", "´"),
    ("circumflex", "ˆ"),
    ("tilde", "˜"),
    ("macron", "¯"),
    ("breve", "˘"),
    ("dotaccent", "˙"),
    ("dieresis", "¨"),
    ("ring", "˚"),
    ("cedilla", "¸"),
    ("hungarumlaut", "˝"),
    ("ogonek", "˛"),
    ("caron", "ˇ"),
    ("gravecomb", "\u{300}"),
    ("acutecomb", "\u{301}"),
    ("tildecomb", "\u{303}"),
    ("hookabovecomb", "\u{309}"),
    ("dotbelowcomb", "\u{323}"),
    ("ordfeminine", "ª"),
    ("ordmasculine", "º"),
    ("brokenbar", "¦"),
    ("copyright", "©"),
    ("registered", "®"),
    ("trademark", "™"),
    ("degree", "°"),
    ("plusminus", "±"),
    ("onesuperior", "¹"),
    ("twosuperior", "²"),
    ("threesuperior", "³"),
    ("mu", "µ"),
    ("onequarter", "¼"),
    ("onehalf", "½"),
    ("threequarters", "¾"),
    ("multiply", "×"),
    ("divide", "÷"),
    ("logicalnot", "¬"),
    ("minus", "−"),
    ("Euro", "€"),
    ("AE", "Æ"),
    ("ae", "æ"),
    ("OE", "Œ"),
    ("oe", "œ"),
    ("Oslash", "Ø"),
    ("oslash", "ø"),
    ("Eth", "Ð"),
    ("eth", "ð"),
    ("Thorn", "Þ"),
    ("thorn", "þ"),
    ("germandbls", "ß"),
    ("Dcroat", "Đ"),
    ("dcroat", "đ"),
    ("Dslash", "Đ"),
    ("dmacron", "đ"),
    ("dotlessi", "ı"),
    ("Lslash", "Ł"),
    ("lslash", "ł"),
    ("arrowright", "→"),
    ("arrowleft", "←"),
    ("lozenge", "◊"),
    ("notequal", "≠"),
    ("lessequal", "≤"),
    ("greaterequal", "≥"),
    ("infinity", "∞"),
];

static FIXED: Lazy<HashMap<&'static str, &'static str>> =
    Lazy::new(|| FIXED_NAMES.iter().copied().collect());

/// Accent words of composed glyph names and their combining marks.
const ACCENT_WORDS: &[(&str, char)] = &[
    ("circumflex", '\u{302}'),
    ("hookabove", '\u{309}'),
    ("hungarumlaut", '\u{30B}'),
    ("dotaccent", '\u{307}'),
    ("dieresis", '\u{308}'),
    ("dotbelow", '\u{323}'),
    ("cedilla", '\u{327}'),
    ("macron", '\u{304}'),
    ("ogonek", '\u{328}'),
    ("breve", '\u{306}'),
    ("caron", '\u{30C}'),
    ("grave", '\u{300}'),
    ("acute", '\u{301}'),
    ("tilde", '\u{303}'),
    ("horn", '\u{31B}'),
    ("ring", '\u{30A}'),
];

/// The Unicode text of a glyph name, if it can be known.
pub(super) fn glyph_name_to_unicode(name: &str) -> Option<String> {
    if let Some(s) = FIXED.get(name) {
        return Some((*s).to_string());
    }
    // `a.sc`, `f_i`: the part before the first dot names the glyph; underscores join ligatures.
    let base = name.split('.').next().unwrap_or(name);
    if base != name {
        return glyph_name_to_unicode(base);
    }
    if base.contains('_') {
        let parts: Option<String> = base.split('_').map(glyph_name_to_unicode).collect();
        return parts;
    }
    if let Some(hex) = base.strip_prefix("uni") {
        return uni_sequence(hex);
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
    }
    if base.len() == 1 && base.as_bytes()[0].is_ascii_alphabetic() {
        return Some(base.to_string());
    }
    composed_letter(base)
}

/// `uni` followed by one or more groups of four hex digits.
fn uni_sequence(hex: &str) -> Option<String> {
    if hex.is_empty() || !hex.len().is_multiple_of(4) || !hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return None;
    }
    let units: Vec<u16> = hex
        .as_bytes()
        .chunks(4)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .filter_map(|s| u16::from_str_radix(s, 16).ok())
        .collect();
    let s: String = char::decode_utf16(units).filter_map(Result::ok).collect();
    (!s.is_empty()).then_some(s)
}

/// A base letter followed by accent words, composed to one precomposed character.
fn composed_letter(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let first = chars.next().filter(|c| c.is_ascii_alphabetic())?;
    let mut rest = chars.as_str();
    let mut decomposed = String::new();
    decomposed.push(first);
    while !rest.is_empty() {
        let (word, mark) = ACCENT_WORDS.iter().find(|(w, _)| rest.starts_with(w))?;
        decomposed.push(*mark);
        rest = &rest[word.len()..];
    }
    if decomposed.chars().count() == 1 {
        return None;
    }
    let composed: String = decomposed.nfc().collect();
    (composed.chars().count() == 1).then_some(composed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mac_roman_table_is_complete() {
        assert_eq!(MAC_ROMAN_TABLE.len(), 128);
        assert_eq!(mac_roman(0x80), Some('Ä'));
        assert_eq!(mac_roman(0xFF), Some('ˇ'));
    }

    #[test]
    fn vietnamese_glyph_names() {
        assert_eq!(glyph_name_to_unicode("Abreveacute").as_deref(), Some("Ắ"));
        assert_eq!(
            glyph_name_to_unicode("ohornhookabove").as_deref(),
            Some("ở")
        );
        assert_eq!(
            glyph_name_to_unicode("Ecircumflexdotbelow").as_deref(),
            Some("Ệ")
        );
        assert_eq!(glyph_name_to_unicode("dcroat").as_deref(), Some("đ"));
        assert_eq!(glyph_name_to_unicode("uni1EA1").as_deref(), Some("ạ"));
        assert_eq!(glyph_name_to_unicode("u1EF9").as_deref(), Some("ỹ"));
        assert_eq!(glyph_name_to_unicode("uniD835DC00").as_deref(), Some("𝐀"));
        assert_eq!(glyph_name_to_unicode("f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_name_to_unicode("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_to_unicode("g123"), None);
        assert_eq!(glyph_name_to_unicode("Aring").as_deref(), Some("Å"));
    }

    #[test]
    fn base_encodings() {
        assert_eq!(BaseEncoding::WinAnsi.decode(0x93), Some('“'));
        assert_eq!(BaseEncoding::WinAnsi.decode(0x81), None);
        assert_eq!(BaseEncoding::WinAnsi.decode(0xD4), Some('Ô'));
        assert_eq!(BaseEncoding::Standard.decode(0x27), Some('’'));
        assert_eq!(BaseEncoding::MacRoman.decode(0x8E), Some('é'));
    }
}
