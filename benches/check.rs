//! Throughput of the check stage alone (documents parsed beforehand), in bytes of text per
//! second on one core. Goal: ≥ 20 MB/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use vbqppl::check::{self, registry::Registry, CheckContext, Config};

fn documents() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fixtures/check", "../shared/corpus/pdf-congbao"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        out.extend(
            paths
                .iter()
                .take(40)
                .filter_map(|p| std::fs::read_to_string(p).ok()),
        );
    }
    out
}

fn bench_check(c: &mut Criterion) {
    let docs: Vec<_> = documents()
        .iter()
        .map(|t| vbqppl::parse::parse(&vbqppl::normalize::normalize(t)))
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let registry = Registry::builtin();
    let config = Config::default();
    let ctx = CheckContext::new(&registry, &config);
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("all_rules", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| check::check(d, &ctx).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
