//! Throughput of `parse` on normalized real corpus documents. Goal: ≥ 50 MB/s per core.

#[path = "../tests/shared_corpus/mod.rs"]
mod shared_corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vbqppl::normalize::normalize;
use vbqppl::parse::parse;

fn documents() -> Vec<String> {
    let mut docs: Vec<String> = shared_corpus::text_files("text-vbpl")
        .iter()
        .take(200)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| normalize(&t))
        .collect();
    if docs.is_empty() {
        docs.push(normalize("ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/2020/QĐ-UBND\nBình An, ngày 05 tháng 3 năm 2020\nQUYẾT ĐỊNH\nBan hành Quy định\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\nĐiều 1. Một.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày 20 tháng 3 năm 2020.\nNơi nhận:\n- Như Điều 3;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"));
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = documents();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("parse", |b| {
        b.iter(|| docs.iter().map(|d| parse(d).citations.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
