//! Stage 4: the rules of RULES.md, by their IDs, chosen by the regime of the issue date.
//!
//! Rules are small functions registered in one table ([`rules::RULES`]); each family (HT, HL,
//! CC, SK, TG, TT, BC, CK, NN, SD, ND) lives in its own file. A rule reads the [`Document`] and
//! the [`CheckContext`] and returns [`Finding`]s. Tables A–C of RULES.md are data in [`tables`].

pub mod finding;
pub mod registry;
pub mod rules;
mod support;
pub mod tables;
#[cfg(test)]
mod testkit;

mod bc;
mod cc;
mod ck;
mod hl;
mod ht;
mod nd;
mod nn;
mod sd;
mod sk;
mod tg;
mod tt;

pub use finding::{Finding, Severity};
pub use rules::{rules, Family, Rule, RuleStatus, LIMITS};

use crate::extract::{Encoding, TextLayer};
use crate::parse::Document;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What the extractor said about the source, for rules that look at it (ND-002).
#[derive(Debug, Clone, Copy)]
pub struct SourceInfo {
    pub encoding: Encoding,
    pub text_layer: TextLayer,
}

impl Default for SourceInfo {
    fn default() -> Self {
        SourceInfo {
            encoding: Encoding::Unicode,
            text_layer: TextLayer::Full,
        }
    }
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

impl<'a> CheckContext<'a> {
    /// A context judged as of today, for a Unicode source with a full text layer.
    pub fn new(registry: &'a registry::Registry, config: &'a Config) -> CheckContext<'a> {
        CheckContext {
            as_of: chrono::Local::now().date_naive(),
            source: SourceInfo::default(),
            registry,
            config,
        }
    }
}

/// Errors of the check stage (configuration only: checking itself never fails).
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("bad check configuration: {0}")]
    ConfigSyntax(#[from] toml::de::Error),
    #[error("unknown rule id {0:?} in configuration")]
    UnknownRule(String),
}

/// User configuration: rules turned off, severities changed.
///
/// ```toml
/// [rules]
/// disabled = ["NN-001", "TG-002"]
///
/// [severity]
/// "SK-003" = "error"
/// ```
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Config {
    #[serde(default)]
    pub disabled: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    disabled: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRules {
    #[serde(default)]
    disabled: Vec<String>,
}

impl Config {
    /// Read a TOML configuration (`[rules] disabled = [...]`, `[severity] "ID" = "error"`).
    /// Unknown rule IDs are an error, so that a typo does not silently keep a rule on.
    pub fn from_toml(text: &str) -> Result<Config, CheckError> {
        let raw: RawConfig = toml::from_str(text)?;
        let mut disabled = raw.rules.disabled;
        disabled.extend(raw.disabled);
        let config = Config {
            disabled,
            severity: raw.severity,
        };
        for id in config.disabled.iter().chain(config.severity.keys()) {
            if rules::rule(id).is_none() {
                return Err(CheckError::UnknownRule(id.clone()));
            }
        }
        Ok(config)
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        !self.disabled.iter().any(|d| d == id)
    }
}

/// Run every enabled rule on one document. Findings come sorted by position, then rule ID.
pub fn check(doc: &Document, ctx: &CheckContext) -> Vec<Finding> {
    let mut out = Vec::new();
    // A consolidated text (văn bản hợp nhất) is not an issued VBQPPL: only language rules apply.
    let consolidated = doc
        .doc_type
        .as_ref()
        .is_some_and(|t| t.value == crate::parse::DocType::VanBanHopNhat)
        || doc
            .number
            .as_ref()
            .is_some_and(|n| support::sym_key(&n.type_abbr) == "VBHN");
    for rule in rules::RULES {
        if !ctx.config.is_enabled(rule.id) || (consolidated && rule.family != Family::ND) {
            continue;
        }
        for mut f in (rule.check)(doc, ctx) {
            debug_assert_eq!(f.rule, rule.id, "rule function emitted another rule's id");
            if f.legal_basis.is_empty() {
                f.legal_basis = rule.legal_basis.to_string();
            }
            if let Some(&sev) = ctx.config.severity.get(rule.id) {
                f.severity = sev;
            }
            out.push(f);
        }
    }
    out.sort_by(|a, b| (a.line == 0, a.start, &a.rule).cmp(&(b.line == 0, b.start, &b.rule)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_from_toml() {
        let c = Config::from_toml(
            "[rules]\ndisabled = [\"NN-001\"]\n[severity]\n\"SK-003\" = \"error\"\n",
        )
        .unwrap();
        assert!(!c.is_enabled("NN-001"));
        assert!(c.is_enabled("NN-002"));
        assert_eq!(c.severity.get("SK-003"), Some(&Severity::Error));
        assert!(matches!(
            Config::from_toml("[rules]\ndisabled = [\"XX-001\"]\n"),
            Err(CheckError::UnknownRule(_))
        ));
        assert!(Config::from_toml("[rules\n").is_err());
    }
}
