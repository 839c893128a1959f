//! Stage 4: the rules of RULES.md, by their IDs, chosen by the regime of the issue date; each
//! finding cites the legal basis of that regime ([`bases`]).
//!
//! Rules are small functions registered in one table ([`rules::RULES`]); each family (HT, HL,
//! CC, SK, TG, TT, BC, CK, NN, SD, ND) lives in its own file under `rules/`. A rule reads the
//! [`Document`] and the [`CheckContext`] and returns [`Finding`]s. Beside the rules: the context,
//! the configuration, the finding, the citation [`registry`], Tables A–C of RULES.md as data in
//! [`tables`], and the reading helpers the families share (`support`).

pub mod bases;
pub mod config;
pub mod context;
pub mod finding;
pub mod registry;
pub mod rules;
mod support;
pub mod tables;
#[cfg(test)]
mod testkit;

pub use bases::{Basis, BasisTag, DocRegime, Period};
pub use config::{Config, ConfigError};
pub use context::{CheckContext, SourceInfo};
pub use finding::{
    Confidence, Emit, Finding, Location, RuleId, Severity, UnknownConfidence, UnknownRuleId,
    UnknownSeverity,
};
pub use rules::{rules, Family, Rule, RuleStatus, LIMITS};

use crate::parse::Document;

/// Run every enabled rule on one document. Findings come sorted by position, then rule ID.
pub fn check(doc: &Document, ctx: &CheckContext) -> Vec<Finding> {
    let mut out = Vec::new();
    // A consolidated text (văn bản hợp nhất) is not an issued VBQPPL: only language rules apply.
    let consolidated = doc.is_consolidated();
    for rule in rules::RULES {
        if !ctx.config.is_enabled(rule.id) || (consolidated && rule.family != Family::ND) {
            continue;
        }
        for mut f in rule.run(doc, ctx) {
            if let Some(&sev) = ctx.config.severity.get(&rule.id) {
                f.severity = sev;
            }
            out.push(f);
        }
    }
    out.retain(|f| f.confidence >= ctx.config.min_confidence);
    out.sort_by(|a, b| (a.absent, a.start, &a.rule).cmp(&(b.absent, b.start, &b.rule)));
    finding::fold_repeats(out)
}
