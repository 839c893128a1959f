//! Time to write the inspection report of 10,000 findings, in each format (the findings of the
//! sample corpus, checked once, repeated over 1,000-odd documents), including the atomic write
//! to disk. Goal: a few seconds at most for XLSX and DOCX, so a batch report never waits on it.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use vbqppl::pipeline::{self, Options, Quiet};
use vbqppl::report::{write_report, Inspection, ReportFormat, ReportOptions};

const FINDINGS: usize = 10_000;

/// An inspection of at least [`FINDINGS`] findings built from the checked sample corpus.
fn inspection() -> Inspection {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let files = pipeline::collect_inputs(&[corpus]).expect("corpus/");
    let reports = pipeline::process(&files, &Options::default(), &Quiet);
    let base = Inspection::from_reports(&reports, None, ReportOptions::default());
    let per_round: usize = base.documents.iter().map(|d| d.findings.len()).sum();
    assert!(per_round > 0, "the sample corpus has findings");
    let mut out = base.clone();
    out.documents.clear();
    let mut round = 0;
    while out.all().count() < FINDINGS {
        round += 1;
        for d in &base.documents {
            let mut d = d.clone();
            d.path = format!("{round}/{}", d.path);
            d.number = d.number.map(|n| format!("{round}-{n}"));
            out.documents.push(d);
        }
    }
    // Trim to exactly FINDINGS.
    let mut excess = out.all().count() - FINDINGS;
    while excess > 0 {
        let d = out.documents.last_mut().unwrap();
        if d.findings.is_empty() {
            out.documents.pop();
        } else {
            d.findings.pop();
            excess -= 1;
        }
    }
    out
}

fn bench_report(c: &mut Criterion) {
    let report = inspection();
    assert_eq!(report.all().count(), FINDINGS);
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("report_10k_findings");
    group.sample_size(10);
    group.throughput(Throughput::Elements(FINDINGS as u64));
    for format in ReportFormat::ALL {
        let path = dir.path().join(format!("report.{}", format.key()));
        group.bench_function(format.key(), |b| {
            b.iter(|| write_report(&report, &path, format, &Quiet).unwrap())
        });
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "{}: {} documents, {FINDINGS} findings, {size} bytes",
            format.key(),
            report.documents.len()
        );
    }
    group.finish();
}

criterion_group!(benches, bench_report);
criterion_main!(benches);
