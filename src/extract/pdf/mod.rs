//! PDF text extraction: our own content-stream interpreter over lopdf's object model.
//!
//! lopdf's `Document::extract_text` ignores glyph positions and skips form XObjects, which
//! loses words and mangles the two-column header of Vietnamese legal documents. Here every
//! page's content ([`stream`]) is tokenized without allocating per operator ([`content`]) and
//! interpreted ([`interp`]) into positioned glyphs decoded through the fonts' maps ([`font`],
//! [`cmap`], [`encoding`]), then laid out into lines ([`layout`]). Legacy Vietnamese
//! encodings (TCVN3, VNI) are found per font, by name or by character statistics, and
//! converted with the tables of [`crate::extract::legacy`].

mod cmap;
mod content;
mod encoding;
mod font;
mod glyph_text;
mod interp;
mod layout;
mod std14_widths;
mod stream;

use super::{legacy, Encoding, ExtractError, Extraction, Limits, SourceFormat, TextLayer};
use font::PdfFont;
use interp::{Interpreter, PageDraw};
use layout::FontText;
use lopdf::{Document, LoadOptions, Object, ObjectId};
use std::time::Instant;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Letters a page's body needs before it counts as having a usable text layer.
const MIN_PAGE_LETTERS: usize = 16;
/// Share of the page an image must cover for a textless page to count as a scan.
const SCAN_COVERAGE: f32 = 0.25;
/// Characters of each font's text sampled for legacy-encoding detection.
const FONT_SAMPLE_CHARS: usize = 8000;

/// Extract the text of a PDF.
pub(super) fn extract_pdf(bytes: &[u8], limits: &Limits) -> Result<Extraction, ExtractError> {
    let started = Instant::now();
    let options = LoadOptions {
        max_decompressed_size: Some(
            usize::try_from(limits.max_inflated_bytes).unwrap_or(usize::MAX),
        ),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(load_error)?;
    // lopdf decrypts documents whose user password is empty and drops /Encrypt; one that still
    // has it needs a real password.
    if doc.trailer.has(b"Encrypt") {
        return Err(ExtractError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ExtractError::Malformed {
            format: "pdf",
            reason: "no pages".into(),
        });
    }

    let mut interp = Interpreter::new(&doc, started, limits);
    let mut draws: Vec<(u32, ObjectId, PageDraw)> = Vec::with_capacity(pages.len());
    for (&no, &id) in &pages {
        if started.elapsed() > limits.time {
            return Err(ExtractError::Timeout(limits.time));
        }
        let draw = interp.run_page(no, id)?;
        draws.push((no, id, draw));
    }
    let fonts = std::mem::take(&mut interp.fonts);
    let (font_text, encoding) = decide_fonts(&fonts, &draws);

    let mut warnings = Vec::new();
    let mut furniture = Vec::new();
    let mut body = String::new();
    let mut text_pages = 0usize;
    let mut scan_pages = Vec::new();
    let mut page_lines = Vec::with_capacity(draws.len());
    let mut lines = 0usize;
    for (no, id, draw) in &draws {
        page_lines.push(lines);
        warnings.extend(draw.warnings.iter().cloned());
        let page = layout::layout_page(&draw.glyphs, &font_text);
        // Counted only as far as the threshold: this runs over every character of the body.
        let letters = page
            .body
            .iter()
            .flat_map(|l| l.chars())
            .filter(|c| c.is_alphabetic())
            .take(MIN_PAGE_LETTERS)
            .count();
        // A page drawn mostly as an image needs some real text before it counts as read; a
        // few stray letters on a scan are a watermark or a stamp.
        let scanned = draw.image_area >= SCAN_COVERAGE * page_area(&doc, *id);
        if letters >= MIN_PAGE_LETTERS || (letters > 0 && !scanned) {
            text_pages += 1;
        } else if scanned {
            scan_pages.push(*no);
        }
        for line in page.body {
            lines += 1 + line.matches('\n').count();
            body.push_str(&line);
            body.push('\n');
        }
        if page.set_apart > 0 {
            warnings.push(format!(
                "page {no}: {} characters drawn in another direction (rotated or slanted) set apart, not read as text",
                page.set_apart
            ));
        }
        furniture.extend(page.furniture);
        // Annotation appearances (signature stamps, form fields) are furniture as a whole.
        let stamps = layout::layout_page(&draw.annot_glyphs, &font_text);
        furniture.extend(stamps.furniture);
        furniture.extend(stamps.body);
        if started.elapsed() > limits.time {
            return Err(ExtractError::Timeout(limits.time));
        }
    }
    for f in &fonts {
        let n = f.unmapped.get();
        if n > 0 {
            warnings.push(format!(
                "font {}: {n} glyphs have no unicode mapping",
                f.name
            ));
        }
    }
    let text_layer = if text_pages == 0 {
        warnings.push("no usable text layer: ocr needed".into());
        TextLayer::None
    } else if !scan_pages.is_empty() {
        for no in &scan_pages {
            warnings.push(format!("page {no} has no text layer: ocr needed"));
        }
        TextLayer::Partial
    } else {
        TextLayer::Full
    };
    Ok(Extraction {
        format: SourceFormat::Pdf,
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        text_layer,
        encoding,
        text: nfc(body),
        warnings,
        furniture: furniture.into_iter().map(nfc).collect(),
        page_lines,
    })
}

/// NFC, without rebuilding text that is already composed (nearly all of it: fonts map codes to
/// precomposed letters).
fn nfc(s: String) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

fn load_error(e: lopdf::Error) -> ExtractError {
    match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => ExtractError::Encrypted,
        other => ExtractError::Malformed {
            format: "pdf",
            reason: other.to_string().to_lowercase(),
        },
    }
}

/// Area of the page's MediaBox (inherited through the page tree), US Letter when absent.
fn page_area(doc: &Document, page: ObjectId) -> f32 {
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let Some(dict) = node else { break };
        if let Ok(Object::Array(b)) = dict
            .get(b"MediaBox")
            .and_then(|o| doc.dereference(o).map(|x| x.1))
        {
            let v: Vec<f32> = b.iter().filter_map(|o| o.as_float().ok()).collect();
            if v.len() == 4 {
                let area = ((v[2] - v[0]) * (v[3] - v[1])).abs();
                if area.is_finite() && area > 0.0 {
                    return area;
                }
            }
        }
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok();
    }
    612.0 * 792.0
}

/// Letters only Unicode Vietnamese text has: a font whose text contains them is already right.
fn is_native_vietnamese(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1EA0}'..='\u{1EF9}'
    )
}

/// Decide, per font, whether its text is in a legacy encoding; and the document's encoding.
fn decide_fonts(
    fonts: &[PdfFont],
    draws: &[(u32, ObjectId, PageDraw)],
) -> (Vec<FontText>, Encoding) {
    let mut samples: Vec<String> = vec![String::new(); fonts.len()];
    let mut counts: Vec<usize> = vec![0; fonts.len()];
    for (_, _, d) in draws {
        for g in d.glyphs.iter().chain(&d.annot_glyphs) {
            let i = g.font as usize;
            if let (Some(s), Some(c)) = (samples.get_mut(i), counts.get_mut(i)) {
                *c += 1;
                if s.len() < FONT_SAMPLE_CHARS {
                    s.push_str(&g.text);
                }
            }
        }
    }
    let native: Vec<bool> = samples
        .iter()
        .map(|s| s.chars().any(is_native_vietnamese))
        .collect();
    // Character statistics only decide in documents without any Unicode Vietnamese: in a
    // Unicode document the Latin-1 letters of a WinAnsi font (`ô`, `ó`) are what they say,
    // and reading them as VNI or TCVN3 would corrupt them.
    let statistics = !native.iter().any(|n| *n);
    // Evidence pooled over all fonts that are not native Unicode, for fonts too small to judge.
    let pooled: String = samples
        .iter()
        .zip(&native)
        .filter(|(_, n)| !**n)
        .map(|(s, _)| s.as_str())
        .collect();
    let pooled_guess = if statistics {
        legacy_of(legacy::detect_legacy(&pooled))
    } else {
        None
    };
    let mut decided = Vec::with_capacity(fonts.len());
    let mut legacy_glyphs: [usize; 2] = [0, 0];
    for (i, f) in fonts.iter().enumerate() {
        let enc = if native[i] {
            None
        } else {
            f.legacy_hint
                .or_else(|| {
                    // Beside Unicode fonts only TCVN3 is trusted from statistics: its
                    // telltales (`¬ ÷ Ö ®`) are not letters of Unicode Vietnamese, while VNI's
                    // (`oâ`, `où`) are Latin-1 letters a WinAnsi font really shows.
                    legacy_of(legacy::detect_legacy(&samples[i]))
                        .filter(|e| statistics || *e == Encoding::Tcvn3)
                })
                .or(pooled_guess)
        };
        match enc {
            Some(Encoding::Tcvn3) => legacy_glyphs[0] += counts[i],
            Some(Encoding::Vni) => legacy_glyphs[1] += counts[i],
            _ => {}
        }
        let mixed_tcvn3 = native[i] && {
            let rest: String = samples[i]
                .chars()
                .filter(|c| !is_native_vietnamese(*c))
                .collect();
            legacy::detect_legacy(&rest) == Some(Encoding::Tcvn3)
        };
        decided.push(FontText {
            legacy: enc,
            uppercase: f.uppercase && enc == Some(Encoding::Tcvn3),
            mixed_tcvn3,
        });
    }
    let encoding = match legacy_glyphs {
        [0, 0] => Encoding::Unicode,
        [t, v] if t >= v => Encoding::Tcvn3,
        _ => Encoding::Vni,
    };
    (decided, encoding)
}

/// The legacy encodings a PDF font can be in (cp1252-misdecoded text is a text-file defect).
fn legacy_of(e: Option<Encoding>) -> Option<Encoding> {
    e.filter(|e| matches!(e, Encoding::Tcvn3 | Encoding::Vni))
}

/// A run of a mixed font that reads as TCVN3: no Unicode Vietnamese in it, TCVN3 telltales.
pub(super) fn is_tcvn3_run(s: &str) -> bool {
    !s.chars().any(is_native_vietnamese) && legacy::detect_legacy(s) == Some(Encoding::Tcvn3)
}

/// Convert a run of one legacy font's text to Unicode.
pub(super) fn convert_legacy(s: &str, enc: Encoding, uppercase: bool) -> String {
    match (enc, uppercase) {
        (Encoding::Tcvn3, true) => legacy::tcvn3_to_unicode_upper(s),
        (Encoding::Tcvn3, false) => legacy::tcvn3_to_unicode(s),
        (Encoding::Vni, _) => legacy::vni_to_unicode(s),
        _ => s.to_string(),
    }
}
