//! Reviewers' decisions applied to `check` output: which findings a gate lets through, the
//! fingerprint and decision of each finding in the JSON report, and SARIF's `suppressions`,
//! `baselineState` and `partialFingerprints`.

use crate::pipeline::{DocReport, Outcome};
use crate::review::{fingerprints, DocKey, Fingerprint, Gate, ReviewStatus, ReviewStore};
use serde_json::{json, Value};
use std::collections::HashSet;

/// The fingerprints of every finding of a batch, per document, in order.
pub fn fingerprint_batch(reports: &[DocReport]) -> Vec<Vec<Fingerprint>> {
    reports
        .iter()
        .map(|r| fingerprints(&DocKey::of_report(r), r.findings()))
        .collect()
}

/// The batch with only the findings `gate` lets through, their fingerprints, and how many were
/// left out.
pub fn filter(
    reports: &[DocReport],
    fps: &[Vec<Fingerprint>],
    store: &ReviewStore,
    gate: Gate,
) -> (Vec<DocReport>, Vec<Vec<Fingerprint>>, usize) {
    let mut hidden = 0;
    let mut out_fps = Vec::with_capacity(fps.len());
    let out = reports
        .iter()
        .zip(fps)
        .map(|(r, doc_fps)| {
            let mut r = r.clone();
            let mut kept_fps = Vec::new();
            if let Outcome::Checked { findings, .. } = &mut r.outcome {
                let mut keep = doc_fps.iter().map(|fp| store.shows(fp, gate));
                let before = findings.len();
                findings.retain(|_| keep.next().unwrap_or(true));
                hidden += before - findings.len();
                kept_fps = doc_fps
                    .iter()
                    .filter(|fp| store.shows(fp, gate))
                    .cloned()
                    .collect();
            }
            out_fps.push(kept_fps);
            r
        })
        .collect();
    (out, out_fps, hidden)
}

fn decision_json(store: Option<&ReviewStore>, fp: &Fingerprint) -> Value {
    match store.and_then(|s| s.get(fp)) {
        Some(d) => {
            json!({"status": d.status, "handling": d.handling, "note": d.note, "by": d.by, "at": d.at})
        }
        None => Value::Null,
    }
}

/// Add `fingerprint` and `review` (the decision or null) to every finding of a JSON report
/// built from the same reports as `fps`, and `review` (file, findings left out) to its summary.
pub fn annotate_json(
    report: &mut Value,
    fps: &[Vec<Fingerprint>],
    store: Option<&ReviewStore>,
    hidden: usize,
) {
    if let Some(docs) = report["documents"].as_array_mut() {
        for (doc, doc_fps) in docs.iter_mut().zip(fps) {
            if let Some(findings) = doc["findings"].as_array_mut() {
                for (f, fp) in findings.iter_mut().zip(doc_fps) {
                    f["fingerprint"] = json!(fp.as_str());
                    f["review"] = decision_json(store, fp);
                }
            }
        }
    }
    if let Some(store) = store {
        report["summary"]["review"] = json!({
            "file": store.path().display().to_string(),
            "decisions": store.len(),
            "left_out": hidden,
        });
    }
}

/// Mark the results of a SARIF log built from the same reports as `fps`: a stable
/// `partialFingerprints`, `baselineState` (`new` without a decision, `unchanged` with one) and
/// an accepted external `suppressions` entry for dismissed findings. Decisions on documents of
/// this batch whose finding is not in the run (`run_fps`: every finding found, listed or not)
/// become results with `baselineState: absent`.
pub fn annotate_sarif(
    sarif: &mut Value,
    reports: &[DocReport],
    fps: &[Vec<Fingerprint>],
    run_fps: &[Vec<Fingerprint>],
    store: Option<&ReviewStore>,
) {
    let Some(results) = sarif["runs"][0]["results"].as_array_mut() else {
        return;
    };
    let mut all = fps.iter().flatten();
    for result in results.iter_mut() {
        let Some(fp) = all.next() else { break };
        result["partialFingerprints"] = json!({"vbqppl/v1": fp.as_str()});
        let Some(store) = store else { continue };
        match store.get(fp) {
            None => result["baselineState"] = json!("new"),
            Some(d) => {
                result["baselineState"] = json!("unchanged");
                result["properties"]["review"] = decision_json(Some(store), fp);
                if d.status == ReviewStatus::Dismissed {
                    result["suppressions"] = json!([{
                        "kind": "external",
                        "status": "accepted",
                        "justification": d.note.clone().unwrap_or_default(),
                        "location": {"physicalLocation": {"artifactLocation": {"uri": store.path().display().to_string()}}},
                    }]);
                }
            }
        }
    }
    let Some(store) = store else { return };
    let seen: HashSet<&Fingerprint> = run_fps.iter().flatten().collect();
    let mut docs_seen = HashSet::new();
    for r in reports {
        let key = DocKey::of_report(r);
        if !docs_seen.insert(key.clone()) {
            continue;
        }
        for (fp, d) in store.iter() {
            if fp.doc() != key.as_str() || seen.contains(fp) {
                continue;
            }
            results.push(json!({
                "ruleId": fp.rule(),
                "level": "none",
                "baselineState": "absent",
                "message": {"text": format!("{}: phát hiện đã rà soát ({}) không còn xuất hiện", fp, d.status.label_vi())},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": r.path.display().to_string()}}}],
                "partialFingerprints": {"vbqppl/v1": fp.as_str()},
                "properties": {"review": decision_json(Some(store), fp)},
            }));
        }
    }
}
