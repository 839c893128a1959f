//! Indexing throughput and search latency on a synthetic corpus (release build recommended):
//!
//! `cargo run --release --example index_bench -- [docs] [threads] [index-dir] [search-only]`
//!
//! `search-only` reuses an index an earlier run left in `index-dir` (same `docs`), to profile queries;
//! a sixth argument (`word`, `phrase`, `number`, `filtered`) runs only that kind of query.
//!
//! Bodies are passages of the texts in `../shared/corpus` (pdf-congbao, text-vbpl) when present,
//! of built-in paragraphs otherwise. Prints MB/s per thread, docs/s and search p50/p99.

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use vbqppl::index::{IndexOptions, IndexSearcher, Indexer, SearchRequest};
use vbqppl_samples::synthetic::SyntheticCorpus;

fn sample_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(corpus) = [
        root.join("../shared/corpus"),
        root.join("../../shared/corpus"),
    ]
    .into_iter()
    .find(|p| p.is_dir()) else {
        eprintln!("../shared/corpus not found: built-in sample texts");
        return Vec::new();
    };
    let mut texts = Vec::new();
    for sub in ["pdf-congbao", "text-vbpl"] {
        let Ok(entries) = std::fs::read_dir(corpus.join(sub)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths.into_iter().take(300) {
            if let Ok(t) = std::fs::read_to_string(&p) {
                texts.push(vbqppl::normalize::normalize(&t));
            }
        }
    }
    eprintln!("{} sample texts from {}", texts.len(), corpus.display());
    texts
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let threads: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2);
    let tmp;
    let dir = match args.get(3) {
        Some(d) => PathBuf::from(d),
        None => {
            tmp = tempfile::tempdir().expect("temp dir");
            tmp.path().to_path_buf()
        }
    };
    let corpus = SyntheticCorpus::from_texts(sample_texts());
    if args.get(4).is_none_or(|a| a != "search-only") {
        build_index(&corpus, &dir, n, threads);
    }
    search_latency(&corpus, &dir, n, args.get(5).map(String::as_str));
}

fn build_index(corpus: &SyntheticCorpus, dir: &Path, n: u64, threads: usize) {
    let start = Instant::now();
    let ix = Indexer::open(
        dir,
        IndexOptions::default()
            .rebuild(true)
            .with_threads(threads)
            .with_memory_budget((threads * 128) << 20),
    )
    .expect("open index");
    let tx = ix.sender();
    // Generating documents is part of the timed loop: measure it alone below and subtract.
    (0..n).into_par_iter().for_each_with(tx, |tx, i| {
        let d = corpus.document(i);
        tx.send(&d.record()).expect("send");
    });
    let stats = ix.finish().expect("commit");
    let elapsed = start.elapsed().as_secs_f64();
    let gen_start = Instant::now();
    let generated: u64 = (0..n.min(10_000))
        .into_par_iter()
        .map(|i| corpus.document(i).document.text.len() as u64)
        .sum();
    let gen_secs = gen_start.elapsed().as_secs_f64() * n as f64 / n.min(10_000) as f64;
    let mb = stats.text_bytes as f64 / 1e6;
    println!(
        "indexed {} docs, {:.1} MB of text in {:.1} s with {threads} indexing thread(s) (generation ~{:.1} s of that, {} B/doc avg)",
        stats.docs_total,
        mb,
        elapsed,
        gen_secs,
        generated / n.clamp(1, 10_000)
    );
    println!(
        "  {:.0} docs/s, {:.2} MB/s, {:.2} MB/s per thread",
        n as f64 / elapsed,
        mb / elapsed,
        mb / elapsed / threads as f64
    );
    let size: u64 = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    println!("  index size {:.1} MB", size as f64 / 1e6);
}

fn search_latency(corpus: &SyntheticCorpus, dir: &Path, n: u64, only: Option<&str>) {
    let s = IndexSearcher::open(dir).expect("open searcher");
    let mut queries: Vec<(&str, SearchRequest)> = Vec::new();
    let words = [
        "đất đai",
        "học phí",
        "quyet dinh",
        "bảo vệ môi trường",
        "xây dựng",
        "ngân sách tỉnh",
        "hỗ trợ lãi suất",
        "trach nhiem",
    ];
    let phrases = [
        "\"giá đất\"",
        "\"trật tự xây dựng\"",
        "\"uy ban nhan dan\"",
        "\"chất thải nguy hại\"",
    ];
    for i in 0..200u64 {
        let w = words[(i % words.len() as u64) as usize];
        queries.push((
            "word",
            SearchRequest {
                query: w.into(),
                ..Default::default()
            },
        ));
        let p = phrases[(i % phrases.len() as u64) as usize];
        queries.push((
            "phrase",
            SearchRequest {
                query: p.into(),
                ..Default::default()
            },
        ));
        let d = corpus.document((i * 7919) % n);
        let num = d.document.number.map(|x| x.raw).unwrap_or_default();
        let num = if i % 2 == 0 {
            num
        } else {
            num.replace('Đ', "D")
        };
        queries.push((
            "number",
            SearchRequest {
                query: num,
                ..Default::default()
            },
        ));
        queries.push((
            "filtered",
            SearchRequest {
                query: w.into(),
                doc_type: Some(if i % 2 == 0 {
                    vbqppl::parse::DocType::QuyetDinh
                } else {
                    vbqppl::parse::DocType::NghiQuyet
                }),
                year: Some(2005 + (i % 21) as i32),
                issuer: (i % 3 == 0).then(|| "Sơn La".to_string()),
                ..Default::default()
            },
        ));
    }
    queries.retain(|(kind, _)| only.is_none_or(|k| k == *kind));
    // Warm the caches once, as a running server would be.
    for (_, q) in &queries {
        s.search(q).expect("search");
    }
    let mut all = Vec::new();
    for kind in ["word", "phrase", "number", "filtered"] {
        if only.is_some_and(|k| k != kind) {
            continue;
        }
        let mut times: Vec<Duration> = queries
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, q)| {
                let t = Instant::now();
                let r = s.search(q).expect("search");
                std::hint::black_box(r);
                t.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "  search {kind:8}: p50 {:>8.3} ms  p99 {:>8.3} ms",
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.99).as_secs_f64() * 1e3
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "  search all     : p50 {:>8.3} ms  p99 {:>8.3} ms  ({} queries, 10 hits with snippets each)",
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3,
        all.len()
    );
}
