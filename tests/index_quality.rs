//! Retrieval quality over the Công báo texts of `../shared/corpus/pdf-congbao`: numbers and
//! titles come from the documents themselves (via `parse`); queries are typed as reviewers do,
//! with and without diacritics. Skips when the shared corpus is absent.

use std::path::{Path, PathBuf};
use tantivy::tokenizer::TokenStream;
use vbqppl::extract::{Encoding, SourceFormat, TextLayer};
use vbqppl::index::{
    folded_analyzer, IndexOptions, IndexRecord, IndexSearcher, Indexer, SearchRequest,
};
use vbqppl::normalize::normalize;
use vbqppl::parse::{parse, Document};

fn shared_corpus() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `../shared` beside the checkout; worktrees sit one level deeper.
    [
        root.join("../shared/corpus"),
        root.join("../../shared/corpus"),
    ]
    .into_iter()
    .find(|p| p.join("pdf-congbao").is_dir())
}

/// What a reviewer types without diacritics: the folded syllables.
fn unaccented(s: &str) -> String {
    let mut a = folded_analyzer();
    let mut out = Vec::new();
    let mut stream = a.token_stream(s);
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out.join(" ")
}

fn pct(n: usize, d: usize) -> f64 {
    100.0 * n as f64 / d.max(1) as f64
}

#[test]
fn congbao_numbers_and_titles_are_found() {
    let Some(corpus) = shared_corpus() else {
        eprintln!("skipping: ../shared/corpus not found");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join("pdf-congbao"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs: Vec<(String, Document)> = files
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some((p.display().to_string(), parse(&normalize(&text))))
        })
        .collect();
    assert!(docs.len() >= 50, "only {} congbao texts", docs.len());

    let tmp = tempfile::tempdir().unwrap();
    let ix = Indexer::open(tmp.path(), IndexOptions::default().with_threads(1)).unwrap();
    for (i, (path, doc)) in docs.iter().enumerate() {
        let id = format!("{i}");
        ix.add(&IndexRecord {
            id: &id,
            path,
            format: SourceFormat::Txt,
            pages: 1,
            text_layer: TextLayer::Full,
            encoding: Encoding::Unicode,
            document: doc,
            findings: &[],
        })
        .unwrap();
    }
    ix.finish().unwrap();
    let s = IndexSearcher::open(tmp.path()).unwrap();
    let first = |query: &str, top: usize| -> Vec<(String, Option<String>)> {
        let r = s
            .search(&SearchRequest {
                query: query.into(),
                limit: top,
                ..Default::default()
            })
            .unwrap();
        r.hits.into_iter().map(|h| (h.path, h.number)).collect()
    };

    // Numbers: the document itself, or one with the very same number (consolidated texts), first.
    let numbered: Vec<&(String, Document)> = docs.iter().filter(|d| d.1.number.is_some()).collect();
    let (mut ok, mut ok_folded) = (0, 0);
    for (path, doc) in &numbered {
        let n = doc
            .number
            .as_ref()
            .map(|n| n.raw.clone())
            .unwrap_or_default();
        let key = vbqppl::normalize::number_key(&n);
        let same = |hits: &[(String, Option<String>)]| {
            hits.first().is_some_and(|(p, num)| {
                p == path || num.as_deref().map(vbqppl::normalize::number_key) == Some(key.clone())
            })
        };
        if same(&first(&n, 1)) {
            ok += 1;
        } else {
            eprintln!("number {n}: {:?}", first(&n, 1));
        }
        let plain = n.replace('Đ', "D").replace('đ', "d");
        if same(&first(&plain, 1)) {
            ok_folded += 1;
        }
    }
    eprintln!(
        "numbers: {}/{} parsed; first hit {ok} ({:.1} %), without diacritics {ok_folded} ({:.1} %)",
        numbered.len(),
        docs.len(),
        pct(ok, numbered.len()),
        pct(ok_folded, numbered.len())
    );
    assert!(
        numbered.len() * 2 >= docs.len(),
        "parse found a number in only {} of {} documents",
        numbered.len(),
        docs.len()
    );
    assert!(pct(ok, numbered.len()) >= 99.0);
    assert!(pct(ok_folded, numbered.len()) >= 99.0);

    // Titles: the first eight words without diacritics find the document in the top 5.
    let titled: Vec<(&String, String)> = docs
        .iter()
        .filter_map(|(p, d)| {
            let t = d.title.as_ref()?;
            let words: Vec<&str> = t.value.split_whitespace().take(8).collect();
            (words.len() >= 3).then(|| (p, unaccented(&words.join(" "))))
        })
        .collect();
    // A beginning shared by more than five titles ("Sửa đổi, bổ sung một số điều của") cannot
    // put each of them in a top 5: such queries are counted apart.
    let shared = |query: &str| titled.iter().filter(|(_, q)| q == query).count();
    let ambiguous = titled.iter().filter(|(_, q)| shared(q) > 5).count();
    let titled: Vec<&(&String, String)> = titled.iter().filter(|(_, q)| shared(q) <= 5).collect();
    let found = titled
        .iter()
        .filter(|(p, query)| {
            let hits = first(query, 5);
            let hit = hits.iter().any(|(h, _)| h == *p);
            if !hit {
                eprintln!("title {query:?}: {hits:?}");
            }
            hit
        })
        .count();
    eprintln!(
        "titles: {}/{} parsed, {ambiguous} shared by more than 5 titles; top 5 {found} ({:.1} %)",
        titled.len() + ambiguous,
        docs.len(),
        pct(found, titled.len())
    );
    assert!(
        (titled.len() + ambiguous) * 2 >= docs.len(),
        "too few titles parsed"
    );
    assert!(pct(found, titled.len()) >= 95.0);

    // Filters: every hit satisfies every filter.
    for (year, typ) in [(2020, "nghi_dinh"), (2025, "thong_tu"), (2016, "luat")] {
        let r = s
            .search(&SearchRequest {
                query: "quy định".into(),
                year: Some(year),
                doc_type: Some(vbqppl::index::parse_filter(typ).unwrap()),
                limit: 1000,
                ..Default::default()
            })
            .unwrap();
        for h in r.hits {
            let d = s.document(&h.path).unwrap().unwrap();
            assert_eq!(d.year, Some(year as u64), "{}", h.path);
            assert_eq!(d.doc_type.as_deref(), Some(typ), "{}", h.path);
        }
    }
}
