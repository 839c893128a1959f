//! Plain-text inputs.

use super::{Encoding, ExtractError, Extraction, SourceFormat, TextLayer};
use unicode_normalization::UnicodeNormalization;

pub(super) fn extract_txt(bytes: &[u8]) -> Result<Extraction, ExtractError> {
    let raw = String::from_utf8_lossy(bytes);
    let text: String = raw
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .nfc()
        .collect();
    let text_layer = if text.trim().is_empty() {
        TextLayer::None
    } else {
        TextLayer::Full
    };
    Ok(Extraction {
        format: SourceFormat::Txt,
        pages: 1,
        text_layer,
        encoding: Encoding::Unicode,
        text,
        warnings: Vec::new(),
        furniture: Vec::new(),
    })
}
