//! Search behaviour: numbers, accents, phrases, operators, filters, sorting, snippets, bad input.

use chrono::NaiveDate;
use vbqppl::check::{Finding, Severity};
use vbqppl::index::{
    parse_filter, IndexError, IndexOptions, IndexSearcher, Indexer, SearchRequest, SortOrder,
};
use vbqppl::normalize::number_key;
use vbqppl::parse::DocType;
use vbqppl_samples::synthetic::{SyntheticCorpus, SyntheticDoc};

struct Fixture {
    _tmp: tempfile::TempDir,
    searcher: IndexSearcher,
    docs: Vec<SyntheticDoc>,
}

fn finding(rule: &str, severity: Severity) -> Finding {
    Finding {
        rule: rule.parse().expect("known rule id"),
        severity,
        message: "thiếu".into(),
        message_en: "missing".into(),
        legal_basis: String::new(),
        legal_basis_tag: None,
        page: None,
        line: 1,
        start: 0,
        end: 0,
        excerpt: String::new(),
        absent: false,
        suggestion: None,
        confidence: Default::default(),
        also_at: Vec::new(),
    }
}

/// Doc 0..2 are hand-written; the rest are synthetic.
fn fixture() -> Fixture {
    let c = SyntheticCorpus::builtin().with_body_bytes(500);
    let mut docs: Vec<SyntheticDoc> = (0..60).map(|i| c.document(i)).collect();
    let set = |d: &mut SyntheticDoc, number: &str, text: &str, t: DocType| {
        d.document.text = text.into();
        let n = d.document.number.as_mut().unwrap();
        n.raw = number.into();
        n.key = number_key(number);
        d.document.doc_type.as_mut().unwrap().value = t;
        d.id = format!("hand-{number}");
    };
    set(
        &mut docs[0],
        "34/2016/NĐ-CP",
        // "giá đất" and "đất ở" both, never "giá đất ở": a phrase is more than its word pairs.
        "Nghị định quy định chi tiết về bán đất nền và giao đất ở. Giá đất nền do tỉnh quy định.",
        DocType::NghiDinh,
    );
    set(
        &mut docs[1],
        "80/2015/QH13",
        "Luật ban hành văn bản: bàn đặt máy in, căn cứ Nghị định 34/2016/NĐ-CP.",
        DocType::Luat,
    );
    set(
        &mut docs[2],
        "15/2020/QĐ-UBND",
        "Quyết định về giá đất ở đô thị; không quy định thuế.",
        DocType::QuyetDinh,
    );
    docs[2].document.place_date.as_mut().unwrap().date = NaiveDate::from_ymd_opt(2020, 3, 5);
    docs[2].findings = vec![finding("HL-002", Severity::Error)];
    let tmp = tempfile::tempdir().unwrap();
    let ix = Indexer::open(
        tmp.path(),
        IndexOptions::default()
            .with_threads(1)
            .with_memory_budget(20 << 20),
    )
    .unwrap();
    for d in &docs {
        ix.add(&d.record()).unwrap();
    }
    ix.finish().unwrap();
    let searcher = IndexSearcher::open(tmp.path()).unwrap();
    Fixture {
        _tmp: tmp,
        searcher,
        docs,
    }
}

fn q(query: &str) -> SearchRequest {
    SearchRequest {
        query: query.into(),
        limit: 100,
        ..Default::default()
    }
}

impl Fixture {
    fn paths(&self, req: &SearchRequest) -> Vec<String> {
        let r = self.searcher.search(req).unwrap();
        assert!(r.total >= r.hits.len());
        r.hits.into_iter().map(|h| h.path).collect()
    }
    fn path(&self, i: usize) -> &str {
        &self.docs[i].path
    }
}

#[test]
fn number_queries_find_the_document_first_with_or_without_diacritics() {
    let f = fixture();
    for query in [
        "34/2016/NĐ-CP",
        "34/2016/ND-CP",
        "Số: 34/2016/nd-cp",
        "34 / 2016 / NĐ - CP",
    ] {
        let hits = f.paths(&q(query));
        assert_eq!(hits.first().map(String::as_str), Some(f.path(0)), "{query}");
        // The law citing the decree comes after it.
        assert_eq!(hits.get(1).map(String::as_str), Some(f.path(1)), "{query}");
    }
    assert_eq!(f.paths(&q("80/2015/QH13"))[0], f.path(1));
    let synthetic = f.docs[30].document.number.as_ref().unwrap().raw.clone();
    assert_eq!(f.paths(&q(&synthetic.replace('Đ', "D")))[0], f.path(30));
}

#[test]
fn accented_matches_rank_above_folded_ones() {
    let f = fixture();
    // "bán đất" (doc 0) and "bàn đặt" (doc 1), two short texts, fold to the same words.
    let hits = f.paths(&q("bán đất"));
    let rank = |i: usize| hits.iter().position(|p| p == f.path(i)).unwrap();
    assert!(rank(0) < rank(1), "{hits:?}");
    let hits = f.paths(&q("ban dat"));
    assert!(hits.contains(&f.path(0).to_string()) && hits.contains(&f.path(1).to_string()));
}

#[test]
fn phrases_and_operators() {
    let f = fixture();
    assert_eq!(f.paths(&q("\"giá đất ở\"")), [f.path(2)]);
    assert_eq!(f.paths(&q("\"gia dat o\"")), [f.path(2)]);
    let r = f.searcher.search(&q("\"giá đất ở\"")).unwrap();
    assert!(
        r.total == 1 && r.total_exact,
        "{} {}",
        r.total,
        r.total_exact
    );
    let pair = f.paths(&q("\"gia dat\""));
    assert!(pair.contains(&f.path(0).to_string()) && pair.contains(&f.path(2).to_string()));
    assert!(f
        .paths(&q("-\"giá đất ở\" đất"))
        .contains(&f.path(0).to_string()));
    assert!(!f
        .paths(&q("-\"giá đất ở\" đất"))
        .contains(&f.path(2).to_string()));
    assert!(f.paths(&q("\"đất giá\"")).is_empty());
    let with = f.paths(&q("đất"));
    let without = f.paths(&q("đất -thuế"));
    assert!(with.contains(&f.path(2).to_string()));
    assert!(!without.contains(&f.path(2).to_string()));
    assert_eq!(f.paths(&q("+máy +in")), [f.path(1)]);
}

#[test]
fn filters_never_let_other_documents_through() {
    let f = fixture();
    let check = |req: SearchRequest, keep: &dyn Fn(&SyntheticDoc) -> bool| {
        let hits = f.paths(&req);
        let expected: Vec<&str> = f
            .docs
            .iter()
            .filter(|d| keep(d))
            .map(|d| d.path.as_str())
            .collect();
        for h in &hits {
            assert!(expected.contains(&h.as_str()), "{h} passed {req:?}");
        }
        assert_eq!(hits.len(), expected.len(), "{req:?}");
    };
    let typ = |d: &SyntheticDoc| d.document.doc_type.as_ref().unwrap().value;
    check(
        SearchRequest {
            doc_type: Some(parse_filter("Quyết định").unwrap()),
            limit: 100,
            ..Default::default()
        },
        &|d| typ(d) == DocType::QuyetDinh,
    );
    check(
        SearchRequest {
            doc_type: Some(parse_filter("nghi_quyet").unwrap()),
            limit: 100,
            ..Default::default()
        },
        &|d| typ(d) == DocType::NghiQuyet,
    );
    let name = |d: &SyntheticDoc| d.document.issuer.as_ref().unwrap().name.clone();
    check(
        SearchRequest {
            issuer: Some("Sơn La".into()),
            limit: 100,
            ..Default::default()
        },
        &|d| name(d).contains("SƠN LA"),
    );
    check(
        SearchRequest {
            issuer: Some("son la".into()),
            limit: 100,
            ..Default::default()
        },
        &|d| name(d).contains("SƠN LA"),
    );
    use chrono::Datelike;
    let year = |d: &SyntheticDoc| d.document.issue_date().map(|x| x.year());
    check(
        SearchRequest {
            year: Some(2020),
            limit: 100,
            ..Default::default()
        },
        &|d| year(d) == Some(2020),
    );
    let from = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2015, 6, 30).unwrap();
    check(
        SearchRequest {
            from: Some(from),
            to: Some(to),
            limit: 100,
            ..Default::default()
        },
        &|d| {
            d.document
                .issue_date()
                .is_some_and(|x| x >= from && x <= to)
        },
    );
    check(
        SearchRequest {
            rule: Some(parse_filter("hl-002").unwrap()),
            limit: 100,
            ..Default::default()
        },
        &|d| d.findings.iter().any(|x| x.rule == "HL-002"),
    );
    check(
        SearchRequest {
            severity: Some(parse_filter("warning").unwrap()),
            limit: 100,
            ..Default::default()
        },
        &|d| d.findings.iter().any(|x| x.severity == Severity::Warning),
    );
    check(
        SearchRequest {
            query: "đất".into(),
            doc_type: Some(DocType::QuyetDinh),
            year: Some(2020),
            limit: 100,
            ..Default::default()
        },
        &|d| {
            typ(d) == DocType::QuyetDinh
                && year(d) == Some(2020)
                && d.document.text.to_lowercase().contains("đất")
        },
    );
    check(
        SearchRequest {
            level: Some(parse_filter("Xã").unwrap()),
            limit: 100,
            ..Default::default()
        },
        &|_| false,
    );
}

#[test]
fn sorting_by_date() {
    let f = fixture();
    let r = f
        .searcher
        .search(&SearchRequest {
            sort: SortOrder::DateDesc,
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    let dates: Vec<String> = r.hits.iter().filter_map(|h| h.issue_date.clone()).collect();
    assert_eq!(dates.len(), f.docs.len());
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
}

#[test]
fn snippets_highlight_folded_matches_on_the_accented_text() {
    let f = fixture();
    let r = f.searcher.search(&q("gia dat")).unwrap();
    let hit = r.hits.iter().find(|h| h.path == f.path(2)).unwrap();
    assert!(
        hit.snippet.contains("<b>giá</b> <b>đất</b>"),
        "{}",
        hit.snippet
    );
    let r = f.searcher.search(&q("34/2016/ND-CP")).unwrap();
    assert!(
        r.hits[1]
            .snippet
            .contains("<b>34</b>/<b>2016</b>/<b>NĐ</b>-<b>CP</b>"),
        "{}",
        r.hits[1].snippet
    );
}

#[test]
fn odd_queries_are_answered_or_rejected_as_user_errors() {
    let f = fixture();
    for query in [
        "\"unclosed",
        "title:",
        "(((",
        "Số:",
        "a AND",
        "-",
        "+",
        "*",
        "đất)",
        "[1 TO",
        "^~",
        "body:đất",
    ] {
        match f.searcher.search(&q(query)) {
            Ok(_) | Err(IndexError::Query(_)) => {}
            Err(e) => panic!("{query}: {e}"),
        }
    }
}

#[test]
fn document_lookup_by_path_and_id() {
    let f = fixture();
    let d = f.searcher.document(f.path(2)).unwrap().unwrap();
    assert_eq!(d.number.as_deref(), Some("15/2020/QĐ-UBND"));
    assert_eq!(d.findings.len(), 1);
    assert_eq!(d.rules, ["HL-002"]);
    let by_id = f.searcher.document(&f.docs[2].id).unwrap().unwrap();
    assert_eq!(by_id.path, f.path(2));
    assert!(f.searcher.document("nope").unwrap().is_none());
}
