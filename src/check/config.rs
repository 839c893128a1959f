//! The user's configuration of the checker: one validated path from TOML text to [`Config`],
//! used by the CLI, the library and the tests alike.

use super::{Confidence, RuleId, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

/// User configuration: rules turned off, severities changed. Built only from validated input
/// ([`Config::from_toml`] / [`str::parse`]) or in code from typed IDs.
///
/// ```toml
/// [rules]
/// disabled = ["NN-001", "TG-002"]
///
/// [severity]
/// "SK-003" = "error"
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub disabled: BTreeSet<RuleId>,
    pub severity: BTreeMap<RuleId, Severity>,
    /// Findings below this confidence are not reported (`--min-confidence`); all by default.
    pub min_confidence: Confidence,
}

impl Default for Config {
    /// Every rule on, at its own severities, every finding reported.
    fn default() -> Self {
        Config {
            disabled: BTreeSet::new(),
            severity: BTreeMap::new(),
            min_confidence: Confidence::Low,
        }
    }
}

/// Why a configuration was refused: one line naming the key and the bad value (the caller
/// names the file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// Not TOML, an unknown key or a value of the wrong shape.
    #[error("line {line}: {message}")]
    Toml { line: usize, message: String },
    #[error("{key}: unknown rule id {id:?}")]
    UnknownRule { key: &'static str, id: String },
    #[error("severity.{rule}: unknown severity {value:?} (expected error, warning or info)")]
    UnknownSeverity { rule: RuleId, value: String },
}

/// The file's shape; values are checked after, so that errors name their key.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    severity: BTreeMap<String, String>,
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRules {
    #[serde(default)]
    disabled: Vec<String>,
}

impl Config {
    /// Read a TOML configuration (`[rules] disabled = [...]`, `[severity] "ID" = "error"`).
    /// Unknown keys, rule IDs and severities are errors, so that a typo does not silently keep
    /// a rule on.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
        let mut config = Config::default();
        for id in raw.rules.disabled {
            let rule = id.parse().map_err(|_| ConfigError::UnknownRule {
                key: "rules.disabled",
                id,
            })?;
            config.disabled.insert(rule);
        }
        for (id, value) in raw.severity {
            let rule: RuleId = id.parse().map_err(|_| ConfigError::UnknownRule {
                key: "severity",
                id,
            })?;
            let severity = value
                .parse()
                .map_err(|_| ConfigError::UnknownSeverity { rule, value })?;
            config.severity.insert(rule, severity);
        }
        Ok(config)
    }

    pub fn is_enabled(&self, id: RuleId) -> bool {
        !self.disabled.contains(&id)
    }
}

impl FromStr for Config {
    type Err = ConfigError;

    fn from_str(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text)
    }
}

/// toml's message on one line, at the line where it points.
fn toml_error(text: &str, e: &toml::de::Error) -> ConfigError {
    let offset = e.span().map_or(0, |s| s.start.min(text.len()));
    let line = text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    let message = e
        .message()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    ConfigError::Toml { line, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> RuleId {
        s.parse().expect("known rule id")
    }

    #[test]
    fn readme_form_is_read() {
        let c: Config = "[rules]\ndisabled = [\"NN-001\"]\n[severity]\n\"SK-003\" = \"error\"\n"
            .parse()
            .expect("valid config");
        assert!(!c.is_enabled(id("NN-001")));
        assert!(c.is_enabled(id("NN-002")));
        assert_eq!(c.severity.get(&id("SK-003")), Some(&Severity::Error));
        assert_eq!(Config::from_toml(""), Ok(Config::default()));
    }

    #[test]
    fn errors_name_key_and_value() {
        let err = |t: &str| Config::from_toml(t).expect_err(t).to_string();
        assert_eq!(
            err("[rules]\ndisabled = [\"XX-999\"]\n"),
            "rules.disabled: unknown rule id \"XX-999\""
        );
        assert_eq!(
            err("[severity]\n\"XX-999\" = \"error\"\n"),
            "severity: unknown rule id \"XX-999\""
        );
        assert_eq!(
            err("[severity]\n\"SK-003\" = \"fatal\"\n"),
            "severity.SK-003: unknown severity \"fatal\" (expected error, warning or info)"
        );
        let unknown_key = err("[rules]\ndisabled = []\ncolour = 1\n");
        assert!(unknown_key.starts_with("line 3: ") && unknown_key.contains("colour"));
        // The undocumented top-level form is an unknown key, not a second way to say it.
        assert!(err("disabled = [\"SK-003\"]\n").contains("disabled"));
        assert!(err("[rules\n").starts_with("line 1: "));
        assert!(!err("[rules\n").contains('\n'));
        assert!(err("[rules]\ndisabled = \"SK-003\"\n").starts_with("line 2: "));
    }
}
