//! Fonts as the text extractor needs them: code → Unicode text, code → advance width, and the
//! hints (font name) that betray a legacy Vietnamese encoding.

use super::cmap::CMap;
use super::encoding::{glyph_name_to_unicode, win_ansi, BaseEncoding};
use super::glyph_text::GlyphText;
use crate::extract::Encoding;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// How codes of a font are split and turned into text.
#[derive(Debug)]
enum Coding {
    /// One byte per code; text per code precomputed.
    Simple { texts: Vec<Option<GlyphText>> },
    /// Type0: codes of one or more bytes, per the encoding CMap.
    Composite {
        /// `Identity-H`/`-V`: two-byte codes equal to CIDs.
        encoding_cmap: Option<CMap>,
        /// Predefined `Uni…-UCS2-…`/`UTF16` CMaps: the code is UTF-16.
        unicode_codes: bool,
    },
}

/// One code of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ShownCode {
    pub text: GlyphText,
    /// Advance in text space units (before font size and horizontal scaling).
    pub width: f32,
    /// A single-byte code 32, to which word spacing applies.
    pub is_space_code: bool,
}

#[derive(Debug)]
pub(super) struct PdfFont {
    /// BaseFont without the subset prefix.
    pub name: String,
    coding: Coding,
    to_unicode: Option<CMap>,
    /// Simple fonts: advance per code (text space); composite: per CID.
    widths: HashMap<u32, f32>,
    default_width: f32,
    pub vertical: bool,
    /// Legacy Vietnamese encoding named by the font (`.VnTime` → TCVN3, `VNI-Times` → VNI).
    pub legacy_hint: Option<Encoding>,
    /// TCVN3 uppercase fonts (`.VnTimeH`) draw lowercase codes as capitals.
    pub uppercase: bool,
    /// Codes with no known text, counted for a warning.
    pub unmapped: std::cell::Cell<u32>,
}

/// A dictionary behind an object that may be a reference.
fn deref_dict<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    match doc.dereference(obj).ok()?.1 {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn number(obj: &Object) -> Option<f32> {
    obj.as_float().ok().filter(|v| v.is_finite())
}

fn deref_array<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Vec<Object>> {
    doc.dereference(obj).ok()?.1.as_array().ok()
}

fn stream_cmap(doc: &Document, obj: &Object, max_bytes: usize) -> Option<CMap> {
    let stream = doc.dereference(obj).ok()?.1.as_stream().ok()?;
    let data = stream
        .decompressed_content_with_limit(max_bytes)
        .or_else(|_| {
            if stream.filters().map(|f| f.is_empty()).unwrap_or(true) {
                Ok(stream.content.clone())
            } else {
                Err(())
            }
        })
        .ok()?;
    Some(CMap::parse(&data))
}

/// The legacy encoding and case a font name announces.
pub(super) fn legacy_from_name(name: &str) -> (Option<Encoding>, bool) {
    let lower = name.to_ascii_lowercase();
    let trimmed = lower.trim_start_matches('.');
    if trimmed.starts_with("vni") {
        return (Some(Encoding::Vni), false);
    }
    if !trimmed.starts_with("vn") {
        return (None, false);
    }
    // Strip style suffixes (`,Bold`, `-Italic`, `BoldItalic`) before looking for the `H`.
    let family_end = name
        .trim_start_matches('.')
        .find([',', '-'])
        .unwrap_or(name.trim_start_matches('.').len());
    let mut family = &name.trim_start_matches('.')[..family_end];
    for suffix in ["BoldItalic", "Bold", "Italic"] {
        if let Some(f) = family.strip_suffix(suffix) {
            family = f;
        }
    }
    (Some(Encoding::Tcvn3), family.ends_with('H'))
}

impl PdfFont {
    pub(super) fn load(doc: &Document, dict: &Dictionary, max_bytes: usize) -> PdfFont {
        let base_font = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let name = match base_font.split_once('+') {
            Some((prefix, rest)) if prefix.len() == 6 => rest.to_string(),
            _ => base_font.clone(),
        };
        let (legacy_hint, uppercase) = legacy_from_name(&name);
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_cmap(doc, o, max_bytes))
            .filter(|c| !c.is_empty());
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let mut font = PdfFont {
            name,
            coding: Coding::Simple { texts: Vec::new() },
            to_unicode,
            widths: HashMap::new(),
            default_width: 0.5,
            vertical: false,
            legacy_hint,
            uppercase,
            unmapped: std::cell::Cell::new(0),
        };
        if subtype == b"Type0" {
            font.load_composite(doc, dict, max_bytes);
        } else {
            font.load_simple(doc, dict, subtype == b"Type3");
        }
        font
    }

    fn load_simple(&mut self, doc: &Document, dict: &Dictionary, type3: bool) {
        // Type3 glyph widths are in glyph space, scaled by the FontMatrix.
        let scale = if type3 {
            dict.get(b"FontMatrix")
                .ok()
                .and_then(|o| deref_array(doc, o))
                .and_then(|a| a.first())
                .and_then(number)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let descriptor = dict
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| deref_dict(doc, o));
        let flags = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0);
        let symbolic = flags & 4 != 0 && flags & 32 == 0;
        let missing = descriptor
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(number)
            .unwrap_or(500.0);
        self.default_width = missing * scale;
        let first = dict
            .get(b"FirstChar")
            .ok()
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0)
            .clamp(0, 255) as u32;
        if let Some(ws) = dict.get(b"Widths").ok().and_then(|o| deref_array(doc, o)) {
            for (i, w) in ws.iter().take(256).enumerate() {
                let w = doc.dereference(w).ok().and_then(|(_, o)| number(o));
                if let Some(w) = w {
                    self.widths.insert(first + i as u32, w * scale);
                }
            }
        }

        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let mut base = if subtype == b"Type1" && !symbolic {
            Some(BaseEncoding::Standard)
        } else {
            Some(BaseEncoding::WinAnsi)
        };
        let mut differences: Vec<(u8, String)> = Vec::new();
        match dict.get(b"Encoding").ok().map(|o| doc.dereference(o)) {
            Some(Ok((_, Object::Name(n)))) => {
                if let Some(b) = BaseEncoding::from_name(n) {
                    base = Some(b);
                }
            }
            Some(Ok((_, Object::Dictionary(enc)))) => {
                if let Some(b) = enc
                    .get(b"BaseEncoding")
                    .and_then(Object::as_name)
                    .ok()
                    .and_then(BaseEncoding::from_name)
                {
                    base = Some(b);
                }
                if let Some(diffs) = enc
                    .get(b"Differences")
                    .ok()
                    .and_then(|o| deref_array(doc, o))
                {
                    let mut code: i64 = 0;
                    for item in diffs {
                        match item {
                            Object::Integer(c) => code = *c,
                            Object::Name(n) => {
                                if (0..=255).contains(&code) {
                                    differences.push((
                                        code as u8,
                                        String::from_utf8_lossy(n).into_owned(),
                                    ));
                                }
                                code += 1;
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
        let mut texts: Vec<Option<GlyphText>> = (0..=255u8)
            .map(|c| base.and_then(|b| b.decode(c)).map(GlyphText::from))
            .collect();
        for (code, name) in differences {
            // An unknown glyph name (`g23`) leaves the code unmapped rather than guessing.
            texts[code as usize] = glyph_name_to_unicode(&name).map(GlyphText::from);
        }
        if let Some(tu) = &self.to_unicode {
            for (code, slot) in texts.iter_mut().enumerate() {
                if let Some(t) = tu.lookup(1, code as u32) {
                    *slot = Some(t);
                }
            }
        }
        // Symbolic TrueType fonts without a usable map: the code is the best guess we have.
        for (code, slot) in texts.iter_mut().enumerate() {
            if slot.is_none() && symbolic {
                *slot = win_ansi(code as u8).map(GlyphText::from);
            }
        }
        // A standard-14 font named without `/Widths` (not embedded): Adobe's metrics.
        if self.widths.is_empty() && !type3 {
            let base_font = dict
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            if let Some(metrics) = Std14::of(&base_font) {
                self.widths = metrics.widths(&texts);
            }
        }
        self.coding = Coding::Simple { texts };
    }

    fn load_composite(&mut self, doc: &Document, dict: &Dictionary, max_bytes: usize) {
        let mut encoding_cmap = None;
        let mut unicode_codes = false;
        match dict.get(b"Encoding").ok().map(|o| doc.dereference(o)) {
            Some(Ok((_, Object::Name(n)))) => {
                self.vertical = n.ends_with(b"-V");
                unicode_codes =
                    n.windows(4).any(|w| w == b"UCS2") || n.windows(5).any(|w| w == b"UTF16");
            }
            Some(Ok((_, obj @ Object::Stream(s)))) => {
                self.vertical = s.dict.get(b"WMode").and_then(|o| o.as_i64()).unwrap_or(0) == 1;
                encoding_cmap = stream_cmap(doc, obj, max_bytes).filter(CMap::has_code_spaces);
            }
            _ => {}
        }
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .and_then(|o| deref_array(doc, o))
            .and_then(|a| a.first())
            .and_then(|o| deref_dict(doc, o));
        if let Some(cid_font) = descendant {
            self.default_width =
                cid_font.get(b"DW").ok().and_then(number).unwrap_or(1000.0) / 1000.0;
            if let Some(w) = cid_font.get(b"W").ok().and_then(|o| deref_array(doc, o)) {
                self.widths = parse_cid_widths(doc, w);
            }
        }
        self.coding = Coding::Composite {
            encoding_cmap,
            unicode_codes,
        };
    }

    fn width_of(&self, key: u32) -> f32 {
        self.widths.get(&key).copied().unwrap_or(self.default_width)
    }

    /// Width of the space character, in text space units, for word-break thresholds.
    pub(super) fn space_width(&self) -> f32 {
        let w = match &self.coding {
            Coding::Simple { .. } => self.widths.get(&32).copied(),
            Coding::Composite { .. } => None,
        };
        w.filter(|w| *w > 0.0).unwrap_or(0.25)
    }

    /// Split a shown string into codes with their text and advance.
    pub(super) fn decode(&self, bytes: &[u8], out: &mut Vec<ShownCode>) {
        match &self.coding {
            Coding::Simple { texts } => {
                for &b in bytes {
                    let text = texts.get(b as usize).cloned().flatten();
                    if text.is_none() {
                        self.unmapped.set(self.unmapped.get() + 1);
                    }
                    out.push(ShownCode {
                        text: text.unwrap_or_default(),
                        width: self.width_of(b as u32),
                        is_space_code: b == 32,
                    });
                }
            }
            Coding::Composite {
                encoding_cmap,
                unicode_codes,
            } => {
                let mut i = 0;
                while i < bytes.len() {
                    let rest = &bytes[i..];
                    let n = encoding_cmap
                        .as_ref()
                        .and_then(|c| c.code_len(rest))
                        .unwrap_or(2)
                        .min(rest.len());
                    let code = rest[..n].iter().fold(0u32, |a, &b| (a << 8) | b as u32);
                    let cid = encoding_cmap
                        .as_ref()
                        .and_then(|c| c.cid(n as u8, code))
                        .unwrap_or(code);
                    let text = self
                        .to_unicode
                        .as_ref()
                        .and_then(|t| t.lookup(n as u8, code))
                        .or_else(|| {
                            unicode_codes
                                .then(|| char::from_u32(code).map(GlyphText::from))
                                .flatten()
                        });
                    if text.is_none() {
                        self.unmapped.set(self.unmapped.get() + 1);
                    }
                    out.push(ShownCode {
                        text: text.unwrap_or_default(),
                        width: self.width_of(cid),
                        is_space_code: n == 1 && code == 32,
                    });
                    i += n.max(1);
                }
            }
        }
    }
}

/// Largest CID range of a `W` entry we expand, so that a hostile font cannot exhaust memory.
const MAX_W_SPAN: i64 = 1 << 16;

/// The `W` array of a CIDFont: `c [w1 w2 …]` and `c_first c_last w` entries.
/// The built-in metrics a standard-14 font name stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Std14 {
    /// Times or Helvetica: a table of (glyph name, width in 1/1000 em).
    Table(&'static [(&'static str, u16)]),
    /// Courier: every glyph 600.
    Fixed(u16),
}

impl Std14 {
    /// `Times-Bold`, `ABCDEF+Helvetica-Oblique`, `Arial,Bold`, `TimesNewRomanPS-ItalicMT`,
    /// `CourierNew`: the family and style of the standard 14 it is drawn with when not embedded.
    /// Symbol and ZapfDingbats are left out (their codes are no text).
    fn of(base_font: &str) -> Option<Std14> {
        use super::std14_widths::*;
        let name = base_font
            .split_once('+')
            .map_or(base_font, |(_, n)| n)
            .to_ascii_lowercase();
        let bold = name.contains("bold");
        let italic = name.contains("italic") || name.contains("oblique");
        if name.starts_with("courier") {
            Some(Std14::Fixed(600))
        } else if name.starts_with("helvetica") || name.starts_with("arial") {
            Some(Std14::Table(if bold { HELVETICA_BOLD } else { HELVETICA }))
        } else if name.starts_with("times") {
            Some(Std14::Table(match (bold, italic) {
                (false, false) => TIMES_ROMAN,
                (true, false) => TIMES_BOLD,
                (false, true) => TIMES_ITALIC,
                (true, true) => TIMES_BOLDITALIC,
            }))
        } else {
            None
        }
    }

    /// Widths (in text space units per 1 of font size) of the codes whose text the font knows.
    fn widths(self, texts: &[Option<GlyphText>]) -> HashMap<u32, f32> {
        let by_text: HashMap<String, u16> = match self {
            Std14::Fixed(_) => HashMap::new(),
            Std14::Table(t) => t
                .iter()
                .filter_map(|(name, w)| glyph_name_to_unicode(name).map(|u| (u, *w)))
                .collect(),
        };
        texts
            .iter()
            .enumerate()
            .filter_map(|(code, t)| {
                let w = match self {
                    Std14::Fixed(w) => w,
                    Std14::Table(_) => *by_text.get(t.as_ref()?.as_str())?,
                };
                Some((code as u32, f32::from(w) / 1000.0))
            })
            .collect()
    }
}

fn parse_cid_widths(doc: &Document, w: &[Object]) -> HashMap<u32, f32> {
    let mut widths = HashMap::new();
    let mut i = 0;
    while i < w.len() {
        let Some(first) = w[i].as_i64().ok() else {
            i += 1;
            continue;
        };
        match w.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
            Some(Ok(Object::Array(list))) => {
                for (k, v) in list.iter().enumerate() {
                    if let (Some(v), Ok(cid)) = (number(v), u32::try_from(first + k as i64)) {
                        widths.insert(cid, v / 1000.0);
                    }
                }
                i += 2;
            }
            Some(Ok(Object::Integer(last))) => {
                let value = w.get(i + 2).and_then(number);
                if let Some(v) = value {
                    if *last >= first && *last - first < MAX_W_SPAN && first >= 0 {
                        for cid in first..=*last {
                            widths.insert(cid as u32, v / 1000.0);
                        }
                    }
                }
                i += 3;
            }
            _ => i += 1,
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_font_names() {
        assert_eq!(legacy_from_name(".VnTime"), (Some(Encoding::Tcvn3), false));
        assert_eq!(legacy_from_name(".VnTimeH"), (Some(Encoding::Tcvn3), true));
        assert_eq!(
            legacy_from_name("VnTimeH,Bold"),
            (Some(Encoding::Tcvn3), true)
        );
        assert_eq!(
            legacy_from_name("VnCenturySchoolbook"),
            (Some(Encoding::Tcvn3), false)
        );
        assert_eq!(legacy_from_name("VNI-Times"), (Some(Encoding::Vni), false));
        assert_eq!(legacy_from_name("TimesNewRomanPSMT"), (None, false));
    }

    #[test]
    fn cid_widths_both_forms() {
        let doc = Document::new();
        let w = vec![
            Object::Integer(3),
            Object::Array(vec![Object::Integer(250), Object::Integer(500)]),
            Object::Integer(10),
            Object::Integer(12),
            Object::Integer(600),
        ];
        let widths = parse_cid_widths(&doc, &w);
        assert_eq!(widths.get(&4), Some(&0.5));
        assert_eq!(widths.get(&11), Some(&0.6));
        assert_eq!(widths.get(&13), None);
    }

    #[test]
    fn standard_14_names_and_widths() {
        assert_eq!(Std14::of("Courier-Bold"), Some(Std14::Fixed(600)));
        assert!(
            matches!(Std14::of("ABCDEF+Times-BoldItalic"), Some(Std14::Table(t)) if std::ptr::eq(t, super::super::std14_widths::TIMES_BOLDITALIC))
        );
        assert!(
            matches!(Std14::of("Arial,Bold"), Some(Std14::Table(t)) if std::ptr::eq(t, super::super::std14_widths::HELVETICA_BOLD))
        );
        assert_eq!(Std14::of("Symbol"), None);
        let texts: Vec<Option<GlyphText>> = (0..=255u8)
            .map(|c| win_ansi(c).map(GlyphText::from))
            .collect();
        let w = Std14::of("Times-Roman")
            .map(|m| m.widths(&texts))
            .unwrap_or_default();
        assert_eq!(w.get(&(b' ' as u32)), Some(&0.25));
        assert_eq!(w.get(&(b'W' as u32)), Some(&0.944));
        assert_eq!(w.get(&0xE9), Some(&0.444)); // é
        let w = Std14::of("Helvetica")
            .map(|m| m.widths(&texts))
            .unwrap_or_default();
        assert_eq!(w.get(&(b'i' as u32)), Some(&0.222));
    }
}
