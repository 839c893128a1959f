//! Stage 3: the document model. Turns normalized text into a [`Document`].

pub mod model;

pub use model::*;

/// Parse normalized text into the document model. Never fails: what is not found is `None`.
pub fn parse(text: &str) -> Document {
    Document {
        text: text.to_string(),
        issuer: None,
        parent_issuer: None,
        level: Level::Unknown,
        national_title: None,
        motto: None,
        number: None,
        place_date: None,
        doc_type: None,
        type_name: None,
        title: None,
        enacting_formula: None,
        legal_bases: Vec::new(),
        structure: Vec::new(),
        attachments: Vec::new(),
        effective: None,
        signature: None,
        recipients: None,
        citations: Vec::new(),
        regime: None,
        zones: Zones::default(),
    }
}
