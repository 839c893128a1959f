//! The text of one glyph. Nearly every glyph is one character, and a page has thousands: kept
//! inline, a glyph's text costs no allocation to make, copy or drop.

use std::fmt;
use std::ops::Deref;

/// Bytes of UTF-8 held inline; the size of the enum stays that of a `String`.
const INLINE: usize = 22;

#[derive(Clone, PartialEq, Eq)]
pub(super) enum GlyphText {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(Box<str>),
}

impl GlyphText {
    pub(super) fn as_str(&self) -> &str {
        match self {
            GlyphText::Inline { len, buf } => {
                let bytes = buf.get(..*len as usize).unwrap_or_default();
                // Only ever filled from a `str` cut at a character boundary.
                debug_assert!(std::str::from_utf8(bytes).is_ok());
                std::str::from_utf8(bytes).unwrap_or_default()
            }
            GlyphText::Heap(s) => s,
        }
    }

    /// Empty or only white space (`char::is_whitespace`); ASCII answered from the bytes, as
    /// layout asks this of every glyph several times.
    pub(super) fn is_blank(&self) -> bool {
        if let GlyphText::Inline { len, buf } = self {
            let bytes = buf.get(..*len as usize).unwrap_or_default();
            if bytes.is_ascii() {
                return bytes
                    .iter()
                    .all(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'));
            }
        }
        self.as_str().chars().all(char::is_whitespace)
    }

    /// Text of UTF-16 code units; unpaired surrogates become U+FFFD.
    pub(super) fn from_utf16(units: impl IntoIterator<Item = u16>) -> GlyphText {
        let mut buf = [0u8; INLINE];
        let mut len = 0;
        let mut chars = char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .peekable();
        while let Some(&c) = chars.peek() {
            if len + c.len_utf8() > INLINE {
                let head = std::str::from_utf8(&buf[..len]).unwrap_or_default();
                let mut s = String::from(head);
                s.extend(chars);
                return GlyphText::Heap(s.into_boxed_str());
            }
            len += c.encode_utf8(&mut buf[len..]).len();
            chars.next();
        }
        GlyphText::Inline {
            len: len as u8,
            buf,
        }
    }
}

impl Default for GlyphText {
    fn default() -> Self {
        GlyphText::Inline {
            len: 0,
            buf: [0; INLINE],
        }
    }
}

impl Deref for GlyphText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for GlyphText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for GlyphText {
    fn from(s: &str) -> Self {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            GlyphText::Inline {
                len: s.len() as u8,
                buf,
            }
        } else {
            GlyphText::Heap(s.into())
        }
    }
}

impl From<String> for GlyphText {
    fn from(s: String) -> Self {
        if s.len() <= INLINE {
            GlyphText::from(s.as_str())
        } else {
            GlyphText::Heap(s.into_boxed_str())
        }
    }
}

impl From<char> for GlyphText {
    fn from(c: char) -> Self {
        GlyphText::from(&*c.encode_utf8(&mut [0; 4]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_texts() {
        assert_eq!(
            std::mem::size_of::<GlyphText>(),
            std::mem::size_of::<String>()
        );
        for s in [
            "",
            "a",
            "ệ",
            "fl",
            "𝐀",
            "abcdefghijklmnopqrstuv",
            "Cộng hòa xã hội chủ nghĩa",
        ] {
            let t = GlyphText::from(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(GlyphText::from(s.to_string()), t);
            let units: Vec<u16> = s.encode_utf16().collect();
            assert_eq!(GlyphText::from_utf16(units).as_str(), s);
        }
        assert!(matches!(GlyphText::from("ệ"), GlyphText::Inline { .. }));
        assert_eq!(GlyphText::from('ư').as_str(), "ư");
        for (s, blank) in [
            ("", true),
            (" ", true),
            ("\u{b}\r", true),
            ("\u{a0}", true),
            (" a", false),
            ("ệ", false),
        ] {
            assert_eq!(GlyphText::from(s).is_blank(), blank, "{s:?}");
            assert_eq!(s.trim().is_empty(), blank, "{s:?}");
        }
        assert_eq!(GlyphText::from_utf16([0xD800]).as_str(), "\u{FFFD}");
        // A character that would straddle the inline limit goes to the heap whole.
        let s = format!("{}ệ", "a".repeat(20));
        assert_eq!(GlyphText::from_utf16(s.encode_utf16()).as_str(), s);
    }
}
