//! Throughput of `parse` on normalized real corpus documents. Goal: ≥ 50 MB/s per core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;
use vbqppl::normalize::normalize;
use vbqppl::parse::parse;

fn documents() -> Vec<String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = [
        manifest.join("../shared/corpus/text-vbpl"),
        manifest.join("../../shared/corpus/text-vbpl"),
    ]
    .into_iter()
    .find(|d| d.is_dir());
    let mut docs = Vec::new();
    if let Some(dir) = dir {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths
                .into_iter()
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .take(200)
            {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    docs.push(normalize(&t));
                }
            }
        }
    }
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
