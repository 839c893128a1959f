//! Criterion benches of the index: tokenization, indexing a batch, and search by query kind.
//! The 100k-document throughput/latency run is `examples/index_bench.rs`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use tantivy::tokenizer::TokenStream;

use vbqppl::index::{folded_analyzer, IndexOptions, IndexSearcher, Indexer, SearchRequest};
use vbqppl_samples::synthetic::SyntheticCorpus;

fn build(dir: &std::path::Path, corpus: &SyntheticCorpus, n: u64) {
    let ix = Indexer::open(
        dir,
        IndexOptions::default()
            .rebuild(true)
            .with_threads(1)
            .with_memory_budget(64 << 20),
    )
    .expect("open");
    for i in 0..n {
        let d = corpus.document(i);
        ix.add(&d.record()).expect("add");
    }
    ix.finish().expect("commit");
}

fn benches(c: &mut Criterion) {
    let corpus = SyntheticCorpus::builtin();
    let text = corpus.document(1).document.text;

    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("folded", |b| {
        let mut a = folded_analyzer();
        b.iter(|| {
            let mut n = 0usize;
            let mut s = a.token_stream(&text);
            while s.advance() {
                n += 1;
            }
            n
        })
    });
    g.finish();

    let mut g = c.benchmark_group("index");
    g.sample_size(10);
    let n = 1000u64;
    let bytes: u64 = (0..n)
        .map(|i| corpus.document(i).document.text.len() as u64)
        .sum();
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("1000 docs, 1 thread", |b| {
        b.iter(|| {
            let tmp = tempfile::tempdir().expect("tmp");
            build(tmp.path(), &corpus, n);
        })
    });
    g.finish();

    let tmp = tempfile::tempdir().expect("tmp");
    build(tmp.path(), &corpus, 10_000);
    let s = IndexSearcher::open(tmp.path()).expect("searcher");
    let number = corpus
        .document(4321)
        .document
        .number
        .map(|n| n.raw)
        .unwrap_or_default();
    let cases = [
        (
            "word",
            SearchRequest {
                query: "đất đai".into(),
                ..Default::default()
            },
        ),
        (
            "folded",
            SearchRequest {
                query: "hoc phi".into(),
                ..Default::default()
            },
        ),
        (
            "phrase",
            SearchRequest {
                query: "\"trật tự xây dựng\"".into(),
                ..Default::default()
            },
        ),
        (
            "number",
            SearchRequest {
                query: number.replace('Đ', "D"),
                ..Default::default()
            },
        ),
        (
            "filtered",
            SearchRequest {
                query: "môi trường".into(),
                doc_type: Some(vbqppl::parse::DocType::QuyetDinh),
                year: Some(2015),
                ..Default::default()
            },
        ),
    ];
    let mut g = c.benchmark_group("search 10k docs");
    for (name, req) in &cases {
        g.bench_with_input(BenchmarkId::from_parameter(name), req, |b, req| {
            b.iter(|| s.search(req).expect("search"))
        });
    }
    g.finish();
}

criterion_group!(index_benches, benches);
criterion_main!(index_benches);
