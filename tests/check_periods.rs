//! Per-period table tests (issue #12): every rule, in a pre-2021 document, a 2021–03/2025 one and
//! a post-07/2025 one, conforming and defective, citing the legal basis the data gives for the
//! document's own regime; a rule absent in a period does not fire in it. The documents are the
//! fixtures of `check_rules`, re-dated where no fixture is of that period. Every finding on the
//! way has a severity from its rule's declared set (what `vbqppl rules` shows).

mod check_support;

use check_support::{fires, fixtures, mutations, parse, redate, run};
use chrono::NaiveDate;
use vbqppl::check::{bases, rules, DocRegime, Period, RuleId};
use vbqppl::parse::Regime;

/// The three periods, with the year the fixtures are moved to when none is of that period.
const PERIODS: [(Regime, i32); 3] = [
    (Regime::L2015, 2020),
    (Regime::L2015_2020, 2023),
    (Regime::L2025_87, 2025),
];

/// The fixtures of `regime`: those already in it, then the others re-dated into it.
fn documents(regime: Regime, year: i32) -> Vec<(String, String)> {
    let all = fixtures();
    let mut out: Vec<(String, String)> = all
        .iter()
        .filter(|(_, t)| parse(t).regime == Some(regime))
        .cloned()
        .collect();
    for (name, text) in &all {
        if let Some(moved) = redate(text, year).filter(|t| parse(t).regime == Some(regime)) {
            out.push((format!("{name}@{year}"), moved));
        }
    }
    out
}

/// The date `check_support::run` judges at.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
}

fn id(rule: &str) -> RuleId {
    rule.parse().expect("rule id")
}

#[test]
fn each_rule_in_each_period_cites_that_period() {
    let mut failures = Vec::new();
    // (rule, regime) pairs shown: clean silent, mutant of that regime fires.
    let mut shown = std::collections::HashSet::new();
    for (regime, year) in PERIODS {
        let docs = documents(regime, year);
        assert!(docs.len() >= 3, "{regime:?}: only {} documents", docs.len());
        for (rule, mutate) in mutations() {
            let period = bases::of(id(rule), regime);
            for (name, clean) in &docs {
                let before = run(clean);
                let Some(bad) = mutate(clean) else { continue };
                // Some defects are a date (HT-003, TG-004, or no date at all): the mutant may
                // leave the period.
                let dated = DocRegime::of(&parse(&bad), as_of());
                let bad_regime = dated.regime();
                let after = run(&bad);
                for f in before.iter().chain(&after) {
                    let table = rules().iter().find(|r| r.id == f.rule).expect("rule");
                    if !table.severities.contains(&f.severity) {
                        failures.push(format!(
                            "{} {name}: emits {:?}, outside its set {:?}",
                            f.rule, f.severity, table.severities
                        ));
                    }
                }
                for f in after.iter().filter(|f| f.rule == rule) {
                    match bases::of(f.rule, bad_regime) {
                        Period::Basis(b) => {
                            if f.legal_basis != dated.cite(b) || f.legal_basis_tag != Some(b.tag) {
                                failures.push(format!(
                                    "{rule} {name}: cites {:?} [{:?}], data for {bad_regime:?} says {:?} [{:?}]",
                                    f.legal_basis, f.legal_basis_tag, b.text, b.tag
                                ));
                            }
                        }
                        Period::Absent { .. } => failures.push(format!(
                            "{rule} {name}: fires though absent in {bad_regime:?}"
                        )),
                    }
                }
                if matches!(period, Period::Absent { .. }) && fires(&before, rule) {
                    failures.push(format!("{rule} {name}: fires though absent in {regime:?}"));
                }
                if !fires(&before, rule) && fires(&after, rule) {
                    shown.insert((rule, bad_regime));
                }
            }
        }
    }
    for (rule, _) in mutations() {
        for (regime, _) in PERIODS {
            let applies = bases::of(id(rule), regime).basis().is_some();
            let excused = NOT_SHOWN.iter().any(|(r, g, _)| *r == rule && *g == regime);
            if applies && !shown.contains(&(rule, regime)) && !excused {
                failures.push(format!(
                    "{rule}: no conforming/defective pair in {regime:?}"
                ));
            }
            if excused && shown.contains(&(rule, regime)) {
                failures.push(format!(
                    "{rule}: shown in {regime:?}, drop it from NOT_SHOWN"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Pairs the fixtures cannot show, with why. Each is a gap of the fixtures, not of the rule.
const NOT_SHOWN: &[(&str, Regime, &str)] = &[
    (
        "HT-003",
        Regime::L2015_2020,
        "only a dissolved ministry's document of 01–31/03/2025 shows it; the fixtures are local",
    ),
    (
        "HL-007",
        Regime::L2015,
        "needs a basis the registry knows to take effect after a 2020 document",
    ),
    (
        "HL-007",
        Regime::L2015_2020,
        "needs a basis the registry knows to take effect after a 2023 document",
    ),
    (
        "BC-006",
        Regime::L2025_87,
        "no 2025 fixture is divided into chapters",
    ),
];

#[test]
fn absent_rules_do_not_run() {
    for rule in rules() {
        for (regime, p) in bases::bases().periods(rule.id) {
            if let Period::Absent { why, why_vi } = p {
                assert!(
                    !why.is_empty() && !why_vi.is_empty(),
                    "{} {regime:?}",
                    rule.id
                );
            }
        }
    }
    // TT-005 exists from 01/04/2025: a 2023 decision with "QUYẾT ĐỊNH:" is not reported, the
    // same text dated after 01/07/2025 is.
    let docs = fixtures();
    let (_, qd) = docs
        .iter()
        .find(|(n, _)| n == "qd_tinh_2022")
        .expect("qd_tinh_2022 fixture");
    assert!(qd.contains("\nQUYẾT ĐỊNH:\n"));
    assert!(!fires(&run(qd), "TT-005"));
    let moved = redate(qd, 2025)
        .expect("re-dated")
        .replace("tháng 5 năm 2025", "tháng 8 năm 2025");
    let found = run(&moved);
    let tt005 = found
        .iter()
        .find(|f| f.rule == "TT-005")
        .expect("TT-005 after 01/07/2025");
    let Period::Basis(b) = bases::of(id("TT-005"), Regime::L2025_87) else {
        panic!("TT-005 applies after 01/07/2025");
    };
    assert_eq!(tt005.legal_basis, b.text);
    let template = b.template.as_deref().expect("template of the 2025 form");
    assert!(tt005.message.contains(template), "{}", tt005.message);
}
