//! Indexer: incremental runs, replacement, deletion under roots, crash safety, concurrency, export.

use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;
use vbqppl::index::{export_ndjson, IndexOptions, IndexSearcher, Indexer, SearchRequest};
use vbqppl_samples::synthetic::{SyntheticCorpus, SyntheticDoc};

fn docs(n: u64) -> Vec<SyntheticDoc> {
    let c = SyntheticCorpus::builtin().with_body_bytes(600);
    (0..n).map(|i| c.document(i)).collect()
}

fn opts() -> IndexOptions {
    IndexOptions::default()
        .with_threads(1)
        .with_memory_budget(20 << 20)
}

fn count(dir: &Path, q: &str) -> usize {
    let s = IndexSearcher::open(dir).unwrap();
    s.search(&SearchRequest {
        query: q.into(),
        limit: 100,
        ..Default::default()
    })
    .unwrap()
    .total
}

#[test]
fn second_run_skips_unchanged_replaces_changed_and_deletes_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut all = docs(40);

    let ix = Indexer::open(dir, opts()).unwrap();
    for d in &all {
        ix.add(&d.record()).unwrap();
    }
    let stats = ix.finish().unwrap();
    assert_eq!((stats.added, stats.docs_total), (40, 40));

    // Same input again, plus one changed file and two files gone.
    let changed = &mut all[3];
    changed
        .document
        .text
        .push_str("\nđoạn bổ sung độc nhất xyzzy\n");
    changed.id = "changed-hash".into();
    let removed: Vec<String> = all[10..12].iter().map(|d| d.path.clone()).collect();
    let mut ix = Indexer::open(dir, opts()).unwrap();
    assert_eq!(ix.known().len(), 40);
    assert!(ix.is_current(&all[0].path, &all[0].id));
    let mut seen = HashSet::new();
    for d in all.iter().filter(|d| !removed.contains(&d.path)) {
        ix.add(&d.record()).unwrap();
        seen.insert(d.path.clone());
    }
    ix.retain_paths(&[Path::new("synthetic")], seen).unwrap();
    let stats = ix.commit().unwrap();
    assert_eq!(stats.unchanged, 37);
    assert_eq!(stats.replaced, 1);
    assert_eq!(stats.deleted, 2);
    assert_eq!(stats.docs_total, 38);
    drop(ix);

    assert_eq!(count(dir, "xyzzy"), 1);
    let number = all[3].document.number.as_ref().unwrap().raw.clone();
    assert_eq!(count(dir, &number), 1, "one copy of the replaced document");
    let gone = all[10].document.number.as_ref().unwrap().raw.clone();
    assert_eq!(count(dir, &gone), 0);
}

#[test]
fn retain_only_deletes_under_the_given_roots() {
    let tmp = tempfile::tempdir().unwrap();
    let mut outside = docs(1).remove(0);
    outside.path = "other/keep.txt".into();
    let inside = docs(2);
    let mut ix = Indexer::open(tmp.path(), opts()).unwrap();
    ix.add(&outside.record()).unwrap();
    for d in &inside {
        ix.add(&d.record()).unwrap();
    }
    ix.commit().unwrap();
    // A run over `synthetic/000` that saw nothing: only the document in that folder goes.
    ix.retain_paths(&[Path::new("synthetic/000")], HashSet::new())
        .unwrap();
    let stats = ix.finish().unwrap();
    assert_eq!(stats.deleted, 1);
    assert_eq!(stats.docs_total, 2);
}

#[test]
fn uncommitted_work_is_lost_and_a_rerun_completes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let all = docs(20);
    let mut ix = Indexer::open(tmp.path(), opts()).unwrap();
    for d in &all[..10] {
        ix.add(&d.record()).unwrap();
    }
    ix.commit().unwrap();
    for d in &all[10..] {
        ix.add(&d.record()).unwrap();
    }
    drop(ix); // "crash" before the final commit

    assert_eq!(IndexSearcher::open(tmp.path()).unwrap().num_docs(), 10);
    let ix = Indexer::open(tmp.path(), opts()).unwrap();
    for d in &all {
        if !ix.is_current(&d.path, &d.id) {
            ix.add(&d.record()).unwrap();
        }
    }
    let stats = ix.finish().unwrap();
    assert_eq!((stats.added, stats.docs_total), (10, 20));
}

#[test]
fn rebuild_starts_over_and_duplicates_collapse() {
    let tmp = tempfile::tempdir().unwrap();
    let all = docs(10);
    let ix = Indexer::open(tmp.path(), opts()).unwrap();
    for d in all.iter().chain(all.iter()) {
        ix.add(&d.record()).unwrap();
    }
    assert_eq!(ix.finish().unwrap().docs_total, 10);

    let ix = Indexer::open(tmp.path(), opts().rebuild(true)).unwrap();
    assert!(ix.known().is_empty());
    for d in &all[..3] {
        ix.add(&d.record()).unwrap();
    }
    assert_eq!(ix.finish().unwrap().docs_total, 3);
}

#[test]
fn workers_send_concurrently_through_the_bounded_channel() {
    let tmp = tempfile::tempdir().unwrap();
    let all = docs(300);
    let mut o = opts();
    o.channel_capacity = 4;
    let ix = Indexer::open(tmp.path(), o.commit_every(Some(100))).unwrap();
    let tx = ix.sender();
    all.par_iter()
        .for_each_with(tx, |tx, d| tx.send(&d.record()).unwrap());
    let stats = ix.finish().unwrap();
    assert_eq!(stats.added, 300);
    assert_eq!(stats.docs_total, 300);
    assert!(stats.commits >= 3);
}

#[test]
fn export_writes_one_json_line_per_document() {
    let tmp = tempfile::tempdir().unwrap();
    let all = docs(5);
    let ix = Indexer::open(tmp.path(), opts()).unwrap();
    for d in &all {
        ix.add(&d.record()).unwrap();
    }
    ix.finish().unwrap();
    let mut out = Vec::new();
    assert_eq!(export_ndjson(tmp.path(), &mut out).unwrap(), 5);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    let paths: HashSet<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
    for d in &all {
        assert!(paths.contains(d.path.as_str()));
    }
    let first = lines
        .iter()
        .find(|l| l["path"] == all[0].path.as_str())
        .unwrap();
    assert_eq!(
        first["number_key"],
        all[0].document.number.as_ref().unwrap().key
    );
    assert_eq!(first["body"], all[0].document.text);
    assert_eq!(
        first["findings"].as_array().unwrap().len(),
        all[0].findings.len()
    );
}

#[test]
fn opening_a_folder_without_an_index_for_search_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(IndexSearcher::open(tmp.path()).is_err());
}

#[test]
fn an_index_of_another_schema_is_refused_by_search_and_rebuilt_by_the_writer() {
    // An index written by an older version: the text fields without `body_pairs`.
    let tmp = tempfile::tempdir().unwrap();
    {
        let mut b = tantivy::schema::Schema::builder();
        b.add_text_field("id", tantivy::schema::STRING | tantivy::schema::STORED);
        b.add_text_field("body_folded", tantivy::schema::TEXT);
        let index = tantivy::Index::create_in_dir(tmp.path(), b.build()).unwrap();
        let mut w: tantivy::IndexWriter = index.writer(15 << 20).unwrap();
        w.commit().unwrap();
    }
    let err = IndexSearcher::open(tmp.path())
        .err()
        .expect("old index opened");
    assert!(err.to_string().contains("rebuild"), "{err}");
    let ix = Indexer::open(tmp.path(), opts()).unwrap();
    assert!(ix.rebuilt_old_schema());
    for d in docs(3) {
        ix.add(&d.record()).unwrap();
    }
    ix.finish().unwrap();
    assert_eq!(IndexSearcher::open(tmp.path()).unwrap().num_docs(), 3);
}
