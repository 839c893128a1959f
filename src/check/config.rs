//! The user's configuration of the checker.

use super::{rules, Severity};
use std::collections::BTreeMap;

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
