//! Encoders to the legacy Vietnamese 8-bit encodings still met in old files: TCVN3 (ABC, the
//! `.VnTime` fonts) and VNI-Windows. Used to write ND-002 samples.
//!
//! TCVN3 has precomposed lower-case letters only; upper-case text was typed with the same codes
//! in an upper-case font (`.VnTimeH`), so encoding loses the case of accented capitals, as real
//! files do. VNI writes a base letter followed by one or two mark bytes.

use unicode_normalization::UnicodeNormalization;

/// TCVN3 bytes of the lower-case Vietnamese letters (and the bare capitals Ă Â Ê Ô Ơ Ư Đ).
const TCVN3: &[(char, u8)] = &[
    ('Ă', 0xA1),
    ('Â', 0xA2),
    ('Ê', 0xA3),
    ('Ô', 0xA4),
    ('Ơ', 0xA5),
    ('Ư', 0xA6),
    ('Đ', 0xA7),
    ('ă', 0xA8),
    ('â', 0xA9),
    ('ê', 0xAA),
    ('ô', 0xAB),
    ('ơ', 0xAC),
    ('ư', 0xAD),
    ('đ', 0xAE),
    ('à', 0xB5),
    ('ả', 0xB6),
    ('ã', 0xB7),
    ('á', 0xB8),
    ('ạ', 0xB9),
    ('ằ', 0xBB),
    ('ẳ', 0xBC),
    ('ẵ', 0xBD),
    ('ắ', 0xBE),
    ('ặ', 0xC6),
    ('ầ', 0xC7),
    ('ẩ', 0xC8),
    ('ẫ', 0xC9),
    ('ấ', 0xCA),
    ('ậ', 0xCB),
    ('è', 0xCC),
    ('ẻ', 0xCE),
    ('ẽ', 0xCF),
    ('é', 0xD0),
    ('ẹ', 0xD1),
    ('ề', 0xD2),
    ('ể', 0xD3),
    ('ễ', 0xD4),
    ('ế', 0xD5),
    ('ệ', 0xD6),
    ('ì', 0xD7),
    ('ỉ', 0xD8),
    ('ĩ', 0xDC),
    ('í', 0xDD),
    ('ị', 0xDE),
    ('ò', 0xDF),
    ('ỏ', 0xE1),
    ('õ', 0xE2),
    ('ó', 0xE3),
    ('ọ', 0xE4),
    ('ồ', 0xE5),
    ('ổ', 0xE6),
    ('ỗ', 0xE7),
    ('ố', 0xE8),
    ('ộ', 0xE9),
    ('ờ', 0xEA),
    ('ở', 0xEB),
    ('ỡ', 0xEC),
    ('ớ', 0xED),
    ('ợ', 0xEE),
    ('ù', 0xEF),
    ('ủ', 0xF1),
    ('ũ', 0xF2),
    ('ú', 0xF3),
    ('ụ', 0xF4),
    ('ừ', 0xF5),
    ('ử', 0xF6),
    ('ữ', 0xF7),
    ('ứ', 0xF8),
    ('ự', 0xF9),
    ('ỳ', 0xFA),
    ('ỷ', 0xFB),
    ('ỹ', 0xFC),
    ('ý', 0xFD),
    ('ỵ', 0xFE),
];

/// ASCII stand-ins for typographic characters the legacy encodings lack.
fn ascii_fallback(c: char) -> Option<u8> {
    match c {
        '–' | '—' => Some(b'-'),
        '“' | '”' => Some(b'"'),
        '‘' | '’' => Some(b'\''),
        '…' => Some(b'.'),
        _ if c.is_ascii() => Some(c as u8),
        _ => None,
    }
}

/// Encodes text as TCVN3 (ABC). Characters outside the repertoire become `?`.
pub fn encode_tcvn3(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        if let Some(&(_, b)) = TCVN3.iter().find(|(u, _)| *u == c) {
            out.push(b);
            continue;
        }
        if let Some(b) = ascii_fallback(c) {
            out.push(b);
            continue;
        }
        // Accented capitals exist only as lower-case codes (typed in an upper-case font).
        let lower = c.to_lowercase().next().unwrap_or(c);
        match TCVN3.iter().find(|(u, _)| *u == lower) {
            Some(&(_, b)) => out.push(b),
            None => out.push(b'?'),
        }
    }
    out
}

/// Encodes text as VNI-Windows. Characters outside the repertoire become `?`.
pub fn encode_vni(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2);
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        match vni_char(c) {
            Some(bytes) => out.extend(bytes),
            None => out.push(ascii_fallback(c).unwrap_or(b'?')),
        }
    }
    out
}

fn vni_char(c: char) -> Option<Vec<u8>> {
    match c {
        'Đ' => return Some(vec![0xD1]),
        'đ' => return Some(vec![0xF1]),
        _ => {}
    }
    let mut parts = std::iter::once(c).nfd();
    let base = parts.next()?;
    if !base.is_ascii_alphabetic() {
        return None;
    }
    let upper = base.is_ascii_uppercase();
    // Lower-case mark bytes are the upper-case ones + 0x20.
    let case = |b: u8| if upper { b } else { b + 0x20 };
    let mut modifier = None;
    let mut tone = None;
    for m in parts {
        match m {
            '\u{0302}' | '\u{0306}' | '\u{031B}' => modifier = Some(m),
            '\u{0301}' | '\u{0300}' | '\u{0309}' | '\u{0303}' | '\u{0323}' => tone = Some(m),
            _ => return None,
        }
    }
    let lower_base = base.to_ascii_lowercase();
    let mut bytes = Vec::new();
    match (lower_base, modifier) {
        ('o', Some('\u{031B}')) => bytes.push(case(0xD4)),
        ('u', Some('\u{031B}')) => bytes.push(case(0xD6)),
        ('i', None) if tone.is_some() => {
            let b = match tone? {
                '\u{0301}' => 0xCD,
                '\u{0300}' => 0xCC,
                '\u{0309}' => 0xC6,
                '\u{0303}' => 0xD3,
                _ => 0xD2,
            };
            return Some(vec![case(b)]);
        }
        ('y', None) if tone == Some('\u{0323}') => return Some(vec![case(0xCE)]),
        _ => bytes.push(base as u8),
    }
    let mark = match (modifier, tone) {
        (Some('\u{0302}'), None) => Some(0xC2),
        (Some('\u{0306}'), None) => Some(0xCA),
        (Some('\u{0302}'), Some(t)) => Some(match t {
            '\u{0301}' => 0xC1,
            '\u{0300}' => 0xC0,
            '\u{0309}' => 0xC5,
            '\u{0303}' => 0xC3,
            _ => 0xC4,
        }),
        (Some('\u{0306}'), Some(t)) => Some(match t {
            '\u{0301}' => 0xC9,
            '\u{0300}' => 0xC8,
            '\u{0309}' => 0xDA,
            '\u{0303}' => 0xDC,
            _ => 0xCB,
        }),
        (_, Some(t)) => Some(match t {
            '\u{0301}' => 0xD9,
            '\u{0300}' => 0xD8,
            '\u{0309}' => 0xDB,
            '\u{0303}' => 0xD5,
            _ => 0xCF,
        }),
        (_, None) => None,
    };
    if let Some(m) = mark {
        bytes.push(case(m));
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latin1(b: &[u8]) -> String {
        b.iter().map(|&x| x as char).collect()
    }

    #[test]
    fn tcvn3_matches_known_strings() {
        assert_eq!(latin1(&encode_tcvn3("Bảo Thắng")), "B¶o Th¾ng");
        // `ư` is 0xAD, a soft hyphen when the bytes are shown as Latin-1.
        assert_eq!(
            latin1(&encode_tcvn3("Mường Khương")),
            "M\u{ad}êng Kh\u{ad}¬ng"
        );
        // Accented capitals lose their case, bare ones keep it.
        assert_eq!(latin1(&encode_tcvn3("SẮC LỆNH")), "S¾C LÖNH");
        assert_eq!(latin1(&encode_tcvn3("ĐIỀU")), "§IÒU");
    }

    #[test]
    fn vni_matches_known_strings() {
        assert_eq!(
            latin1(&encode_vni("Xin chào các bạn")),
            "Xin chaøo caùc baïn"
        );
        assert_eq!(latin1(&encode_vni("Ấ Ư Ợ ị Đ")), "AÁ Ö ÔÏ ò Ñ");
        assert_eq!(latin1(&encode_vni("quyết định")), "quyeát ñònh");
    }
}
