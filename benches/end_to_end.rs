//! End-to-end: the whole pipeline (extract → normalize → parse → check) over `corpus/` and, when
//! present, a slice of `../shared/corpus`, against a named baseline measured in the same run:
//! poppler's `pdftotext` over the same PDFs (skipped when it is not installed).
//!
//! Run: `cargo bench --bench end_to_end`. Throughput is reported in input bytes.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};
use std::process::Command;
use vbqppl::pipeline::{self, Options, Quiet};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut roots = vec![root.join("corpus")];
    let shared = root.join("../shared/corpus/pdf-congbao");
    if shared.is_dir() {
        roots.push(shared);
    }
    pipeline::collect_inputs(&roots).unwrap_or_default()
}

fn bytes_of(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

fn has_pdftotext() -> bool {
    Command::new("pdftotext").arg("-v").output().is_ok()
}

fn bench(c: &mut Criterion) {
    let files = inputs();
    if files.is_empty() {
        eprintln!("skipping: no inputs");
        return;
    }
    let pdfs: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .cloned()
        .collect();
    let options = Options::default();

    let mut group = c.benchmark_group("end_to_end");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes_of(&files)));
    group.bench_function("pipeline_all_inputs", |b| {
        b.iter(|| pipeline::process(&files, &options, &Quiet))
    });

    group.throughput(Throughput::Bytes(bytes_of(&pdfs)));
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    group.bench_function("pipeline_pdfs_1_thread", |b| {
        b.iter(|| one_thread.install(|| pipeline::process(&pdfs, &options, &Quiet)))
    });
    if has_pdftotext() {
        group.bench_function("baseline_pdftotext_pdfs_1_process", |b| {
            b.iter(|| {
                for pdf in &pdfs {
                    let _ = Command::new("pdftotext")
                        .arg("-q")
                        .arg(pdf)
                        .arg("-")
                        .output();
                }
            })
        });
    } else {
        eprintln!("baseline skipped: pdftotext not installed (apt-get install poppler-utils)");
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
