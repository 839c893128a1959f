//! Plain-text inputs, and the byte decoding shared with HTML.

use super::layout::clean_text;
use super::legacy::{self, cp1252_to_string, detect_legacy};
use super::{Encoding, ExtractError, Extraction, SourceFormat, TextLayer};

/// Text decoded from bytes, with the encoding it was found in.
#[derive(Debug)]
pub(super) struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    pub warnings: Vec<String>,
}

/// Decode UTF-16 code units (lone surrogates become U+FFFD; never panics).
fn utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if little_endian {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    if zeros_odd * 10 >= pairs * 6 && zeros_even * 10 < pairs {
        return Some(true);
    }
    if zeros_even * 10 >= pairs * 6 && zeros_odd * 10 < pairs {
        return Some(false);
    }
    None
}

/// Decode text bytes to chars by their charset only: UTF-8 (with or without BOM), UTF-16 (BOM
/// or zero-byte pattern); other bytes are read as Windows-1252 chars and reported as `None`
/// (an 8-bit encoding still to be found by [`repair`]).
pub(super) fn decode_charset(bytes: &[u8]) -> (String, Option<Encoding>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            Some(Encoding::Unicode),
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, true), Some(Encoding::Utf16));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, false), Some(Encoding::Utf16));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), Some(Encoding::Unicode));
    }
    if let Some(le) = bomless_utf16(bytes) {
        return (utf16(bytes, le), Some(Encoding::Utf16));
    }
    (cp1252_to_string(bytes), None)
}

/// Decode text bytes of unknown encoding ([`decode_charset`], then [`repair`]).
pub(super) fn decode_bytes(bytes: &[u8]) -> Decoded {
    let (text, found) = decode_charset(bytes);
    repair(text, found)
}

fn legacy_warning(enc: Encoding) -> String {
    match enc {
        Encoding::Tcvn3 => "legacy tcvn3 (abc) text converted to unicode".to_string(),
        Encoding::Vni => "legacy vni text converted to unicode".to_string(),
        Encoding::Cp1252Misdecoded => {
            "windows-1258 text misread as windows-1252 repaired (ư ơ ă đ)".to_string()
        }
        Encoding::Cp1258 => "windows-1258 text converted to unicode".to_string(),
        Encoding::Unicode | Encoding::Utf16 => String::new(),
    }
}

/// Find and convert a legacy Vietnamese encoding under decoded text: TCVN3, VNI, cp1258 read as
/// cp1252 (raw or partly repaired). Text already in Unicode may still carry one (a TCVN3
/// document saved as UTF-8 by a tool that read it as Latin-1). `found` is the charset decoding's
/// answer; `None` (unknown 8-bit) falls back to Windows-1258 with a warning.
pub(super) fn repair(text: String, found: Option<Encoding>) -> Decoded {
    match (detect_legacy(&text), found) {
        // Raw 8-bit cp1258 is an encoding of its own, not a misreading.
        (Some(Encoding::Cp1252Misdecoded), None) => Decoded {
            text: legacy::legacy_to_unicode(&text, Encoding::Cp1258),
            encoding: Encoding::Cp1258,
            warnings: Vec::new(),
        },
        (Some(enc), _) => Decoded {
            text: legacy::legacy_to_unicode(&text, enc),
            encoding: enc,
            warnings: vec![legacy_warning(enc)],
        },
        (None, Some(enc)) => Decoded {
            text,
            encoding: enc,
            warnings: Vec::new(),
        },
        (None, None) => Decoded {
            text: legacy::legacy_to_unicode(&text, Encoding::Cp1258),
            encoding: Encoding::Cp1258,
            warnings: vec![
                "8-bit text without clear encoding evidence: read as windows-1258".to_string(),
            ],
        },
    }
}

/// Build an extraction from body text: cleaned, with `text_layer: none` and a warning when no
/// usable text remains.
pub(super) fn finish(
    format: SourceFormat,
    text: &str,
    encoding: Encoding,
    mut warnings: Vec<String>,
    furniture: Vec<String>,
) -> Extraction {
    let text = clean_text(&legacy::fix_lost_capitals(text));
    let text_layer = if text.chars().any(char::is_alphanumeric) {
        TextLayer::Full
    } else {
        warnings.push("no usable text".to_string());
        TextLayer::None
    };
    Extraction {
        format,
        pages: 1,
        text_layer,
        encoding,
        text,
        warnings,
        furniture,
        page_lines: Vec::new(),
    }
}

/// Binary data is not text: refuse it rather than index noise. Real text (in any of the
/// encodings above) has almost no control characters besides line ends and tabs.
fn looks_binary(s: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in s.chars().take(1 << 16) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            control += 1;
        }
    }
    control > 8 && control * 100 > total
}

pub(super) fn extract_txt(bytes: &[u8]) -> Result<Extraction, ExtractError> {
    let decoded = decode_bytes(bytes);
    if looks_binary(&decoded.text) {
        return Err(ExtractError::Malformed {
            format: "txt",
            reason: "binary data, not text".into(),
        });
    }
    Ok(finish(
        SourceFormat::Txt,
        &decoded.text,
        decoded.encoding,
        decoded.warnings,
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn txt(bytes: &[u8]) -> Extraction {
        extract_txt(bytes).expect("txt never fails")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let e = txt("\u{FEFF}Điều 1.\r\nQuyết định".as_bytes());
        assert_eq!(e.text, "Điều 1.\nQuyết định");
        assert_eq!(e.encoding, Encoding::Unicode);
        assert_eq!(txt("Điều 1.".as_bytes()).text, "Điều 1.");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Thông tư số 05".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        for b in [le, be] {
            let e = txt(&b);
            assert_eq!(e.text, "Thông tư số 05");
            assert_eq!(e.encoding, Encoding::Utf16);
        }
    }

    #[test]
    fn cp1258_bytes() {
        let e = txt(b"\xD0i\xEA\xCCu 1. Th\xF4ng t\xFD n\xE0y \xF0\xFD\xF5\xF2c ban h\xE0nh");
        assert_eq!(e.text, "Điều 1. Thông tư này được ban hành");
        assert_eq!(e.encoding, Encoding::Cp1258);
    }

    #[test]
    fn tcvn3_bytes() {
        let e = txt(
            b"S\xBEC L\xD6NH: H\xE9i \xAE\xE5ng c\xB8c B\xE9 tr\xAD\xEBng \xAE\xB7 tho\xB6 hi\xD6p",
        );
        assert_eq!(e.text, "SẮC LỆNH: Hội đồng các Bộ trưởng đã thoả hiệp");
        assert_eq!(e.encoding, Encoding::Tcvn3);
    }

    #[test]
    fn misdecoded_utf8_is_repaired() {
        let e = txt("Nghị ðịnh số 59 ðối với doanh nghiệp Nhà nýớc hoạt ðộng".as_bytes());
        assert_eq!(
            e.text,
            "Nghị định số 59 đối với doanh nghiệp Nhà nước hoạt động"
        );
        assert_eq!(e.encoding, Encoding::Cp1252Misdecoded);
    }

    #[test]
    fn empty_or_blank_has_no_text_layer() {
        let e = txt(b"  \r\n\t \n");
        assert_eq!(e.text_layer, TextLayer::None);
        assert!(!e.warnings.is_empty());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let garbage: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(matches!(
            extract_txt(&garbage),
            Err(ExtractError::Malformed { .. })
        ));
    }

    #[test]
    fn invalid_utf8_never_panics() {
        let e = txt(b"Hello \xC3\x28 world \xF0\x28\x8C\xBC");
        assert!(e.text.starts_with("Hello"));
    }
}
