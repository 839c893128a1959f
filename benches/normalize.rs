//! Throughput of `normalize` and `fold` on real corpus text (or a built-in sample when the shared
//! corpus is absent). Goal: ≥ 200 MB/s per core for `normalize`, measured one document at a
//! time as the pipeline runs it (`normalize`); `normalize_concatenated` runs the same bytes as
//! one 4 MB string (its large buffers cost page faults that documents do not).

#[path = "../tests/shared_corpus/mod.rs"]
mod shared_corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vbqppl::normalize::{fold, normalize};

/// A few MB of real text: the `text-vbpl` files, else a repeated sample.
pub fn corpus_text() -> String {
    let mut out = String::new();
    for p in shared_corpus::text_files("text-vbpl") {
        if let Ok(t) = std::fs::read_to_string(&p) {
            if !out.is_empty() {
                out.push('\u{0}'); // document separator (never in the texts)
            }
            out.push_str(&t);
        }
        if out.len() > 4_000_000 {
            break;
        }
    }
    if out.is_empty() {
        let sample = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 15/2020/QĐ-UBND\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nĐiều 1. Quyết định này quy định về quản lý thuỷ lợi trên địa bàn tỉnh,\nbao gồm các công trình do Uỷ ban nhân dân cấp huyện quản lý.\n";
        while out.len() < 2_000_000 {
            out.push_str(sample);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = corpus_text();
    // The same texts one document at a time, as the pipeline normalizes them.
    let documents: Vec<&str> = text.split('\u{0}').collect();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("normalize", |b| {
        b.iter(|| documents.iter().map(|d| normalize(d).len()).sum::<usize>())
    });
    g.bench_function("normalize_concatenated", |b| b.iter(|| normalize(&text)));
    g.bench_function("fold", |b| b.iter(|| fold(&text)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
