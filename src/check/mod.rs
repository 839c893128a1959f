//! Stage 4: the rules of RULES.md, by their IDs, chosen by the regime of the issue date.
//!
//! Rules are small functions registered in one table (`rules::RULES`); each family (HT, HL, CC,
//! SK, TG, TT, BC, CK, NN, SD, ND) lives in its own file. A rule reads the [`Document`] and the
//! [`CheckContext`] and returns [`Finding`]s.

pub mod finding;

pub use finding::{Finding, Severity};

use crate::extract::{Encoding, TextLayer};
use crate::parse::Document;
use chrono::NaiveDate;

/// What the extractor said about the source, for rules that look at it (ND-002).
#[derive(Debug, Clone, Copy)]
pub struct SourceInfo {
    pub encoding: Encoding,
    pub text_layer: TextLayer,
}

/// Everything a rule may read besides the document.
pub struct CheckContext<'a> {
    /// Date at which "in force" is judged (defaults to today).
    pub as_of: NaiveDate,
    pub source: SourceInfo,
    /// Known documents, for citation checks (CC-003, CC-004, HL-007, CC-002).
    pub registry: &'a registry::Registry,
    pub config: &'a Config,
}

/// User configuration: rules turned off, severities changed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Config {
    #[serde(default)]
    pub disabled: Vec<String>,
    #[serde(default)]
    pub severity: std::collections::BTreeMap<String, Severity>,
}

pub mod registry {
    //! Known documents (number, type, dates) for judging citations.
    use chrono::NaiveDate;

    #[derive(Debug, Clone)]
    pub struct KnownDocument {
        pub number_key: String,
        pub number: String,
        pub title: String,
        pub issued: Option<NaiveDate>,
        pub in_force: Option<NaiveDate>,
        pub ceased: Option<NaiveDate>,
        pub replaced_by: Option<String>,
    }

    #[derive(Debug, Clone, Default)]
    pub struct Registry {
        pub documents: Vec<KnownDocument>,
    }

    impl Registry {
        /// The built-in registry (RULES.md §10 and the shipped data file).
        pub fn builtin() -> Registry {
            Registry::default()
        }

        /// Learn a document of the batch, so that citations of it can be judged.
        pub fn extend_with(&mut self, doc: &crate::parse::Document) {
            let _ = doc;
        }
    }
}

/// Run every enabled rule on one document.
pub fn check(doc: &Document, ctx: &CheckContext) -> Vec<Finding> {
    let _ = (doc, ctx);
    Vec::new()
}
