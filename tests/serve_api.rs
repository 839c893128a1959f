//! The reviewer web page and JSON API, over a real loopback connection.

use std::io::{Read, Write};
use std::path::Path;
use vbqppl::check::{Finding, Severity};

use vbqppl::index::{IndexOptions, Indexer};
use vbqppl_samples::synthetic::SyntheticCorpus;

fn build_index(dir: &Path) -> Vec<vbqppl_samples::synthetic::SyntheticDoc> {
    let c = SyntheticCorpus::builtin().with_body_bytes(400);
    let mut docs: Vec<_> = (0..20).map(|i| c.document(i)).collect();
    let d = &mut docs[0];
    d.document.title.as_mut().unwrap().value =
        "Quy định <script>alert(1)</script> về giá đất".into();
    d.document.text = format!(
        "{}\nQuy định <script>alert(1)</script> về giá đất & nhà ở\n",
        d.document.text
    );
    let start = d.document.text.find("giá đất").unwrap();
    d.findings = vec![Finding {
        rule: "HL-002".parse().expect("known rule id"),
        severity: Severity::Error,
        message: "Thiếu <căn cứ> ban hành".into(),
        message_en: "missing legal basis".into(),
        legal_basis: "Điều 61 Luật 80/2015/QH13".into(),
        legal_basis_tag: None,
        page: None,
        line: 3,
        start,
        end: start + "giá đất".len(),
        excerpt: "giá đất".into(),
        absent: false,
        suggestion: None,
        confidence: Default::default(),
        also_at: Vec::new(),
    }];
    let ix = Indexer::open(
        dir,
        IndexOptions::default()
            .with_threads(1)
            .with_memory_budget(20 << 20),
    )
    .unwrap();
    for d in &docs {
        ix.add(&d.record()).unwrap();
    }
    ix.finish().unwrap();
    docs
}

async fn get(addr: std::net::SocketAddr, target: &str) -> (u16, String) {
    let req = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    // A plain blocking client on a blocking thread: tokio's io-util feature is not enabled.
    let buf = tokio::task::spawn_blocking(move || {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        s.write_all(req.as_bytes()).unwrap();
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).unwrap();
        buf
    })
    .await
    .unwrap();
    let text = String::from_utf8(buf).unwrap();
    let status: u16 = text[9..12].parse().unwrap();
    let body = text
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    // Bodies may be chunked: drop the chunk-size lines.
    let body = if text
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(&body)
    } else {
        body
    };
    (status, body)
}

fn dechunk(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&after[..n]);
        rest = &after[n + 2..];
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_and_pages_over_loopback() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = build_index(tmp.path());
    let app = vbqppl::serve::router(tmp.path()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    // JSON API: same shape as the CLI.
    let (status, body) = get(addr, "/api/search?q=gia%20dat&limit=5").await;
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(v["total"].as_u64().unwrap() >= 1);
    let hits = v["hits"].as_array().unwrap();
    assert!(hits.len() <= 5);
    for key in [
        "path",
        "number",
        "title",
        "type",
        "issuer",
        "issue_date",
        "score",
        "snippet",
    ] {
        assert!(hits[0].get(key).is_some(), "missing {key}");
    }
    assert!(hits
        .iter()
        .any(|h| h["snippet"].as_str().unwrap().contains("<b>giá</b>")));

    let number = docs[5].document.number.as_ref().unwrap().raw.clone();
    let (_, body) = get(
        addr,
        &format!(
            "/api/search?q={}",
            number.replace('/', "%2F").replace('Đ', "D")
        ),
    )
    .await;
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["hits"][0]["path"], docs[5].path.as_str());

    // Filters, with empty form fields ignored.
    let (status, body) = get(addr, "/api/search?q=&type=nghi_quyet&year=&rule=").await;
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    for h in v["hits"].as_array().unwrap() {
        assert_eq!(h["type"], "nghi_quyet");
    }
    let (status, body) = get(addr, "/api/search?q=x&year=abc").await;
    assert_eq!(status, 400, "{body}");
    // The type by its Vietnamese name or its symbol is the same filter as by its key.
    let (_, by_key) = get(addr, "/api/search?type=quyet_dinh&limit=100").await;
    assert!(by_key.contains("\"quyet_dinh\""), "{by_key}");
    for other in [
        "Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh",
        "quyet%20dinh",
        "Q%C4%90",
        "QD",
    ] {
        let (status, body) = get(addr, &format!("/api/search?type={other}&limit=100")).await;
        assert_eq!(status, 200, "{other}: {body}");
        assert_eq!(body, by_key, "{other}");
    }
    // Unknown filter values are the user's error, named in Vietnamese, not an empty result.
    for (query, param, value) in [
        ("type=nghi_dinhh", "type", "nghi_dinhh"),
        ("level=ward", "level", "ward"),
        ("rule=XX-999", "rule", "XX-999"),
        ("severity=fatal", "severity", "fatal"),
        ("sort=newest", "sort", "newest"),
        ("q=x&from=2020-13-01", "from", "2020-13-01"),
    ] {
        let (status, body) = get(addr, &format!("/api/search?{query}")).await;
        assert_eq!(status, 400, "{query}: {body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["param"], param, "{body}");
        assert_eq!(v["value"], value, "{body}");
        assert!(
            v["error"].as_str().unwrap().contains("không hợp lệ"),
            "{body}"
        );
    }
    let (status, page) = get(addr, "/?type=nghi_dinhh").await;
    assert_eq!(status, 400);
    assert!(page.contains("<!doctype html>") && page.contains("loại văn bản không hợp lệ"));
    // Every 4xx of the API is JSON; of the pages, a page.
    let (status, body) = get(addr, "/api/search?q=-").await;
    assert_eq!(status, 400, "{body}");
    assert!(serde_json::from_str::<serde_json::Value>(&body).unwrap()["error"].is_string());
    let (status, body) = get(addr, "/api/nothing").await;
    assert_eq!(status, 404);
    assert!(serde_json::from_str::<serde_json::Value>(&body).unwrap()["error"].is_string());
    let (status, body) = get(addr, "/api/doc?path=nope").await;
    assert_eq!(status, 404);
    assert!(body.contains("không tìm thấy văn bản: nope"), "{body}");
    let (status, page) = get(addr, "/nothing").await;
    assert_eq!(status, 404);
    assert!(page.contains("<!doctype html>") && page.contains("không có trang này"));
    let (status, _) = get(addr, "/api/search?q=%22unclosed%20(((").await;
    assert!(status == 200 || status == 400);

    // Search page: Vietnamese labels, escaped values, highlighted snippets.
    let (status, page) = get(addr, "/?q=%3Cscript%3E&rule=HL-002").await;
    assert_eq!(status, 200);
    for label in ["Tìm kiếm", "Loại văn bản", "Cơ quan ban hành", "Năm", "Lỗi"] {
        assert!(page.contains(label), "{label}");
    }
    assert!(!page.contains("<script>"), "unescaped script in page");
    assert!(page.contains("&lt;script&gt;"));
    assert!(page.contains("Tìm thấy 1 văn bản"), "{page}");

    // Document page: metadata, findings, text with the finding marked; all escaped.
    let (status, page) = get(
        addr,
        &format!("/doc?path={}", docs[0].path.replace('/', "%2F")),
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("HL-002") && page.contains("Thiếu &lt;căn cứ&gt; ban hành"));
    assert!(page.contains("<mark id=\"f0\" title=\"HL-002\">giá đất</mark>"));
    assert!(page.contains("&amp; nhà ở"));
    assert!(!page.contains("<script>"));
    let (status, _) = get(addr, "/doc?path=nope").await;
    assert_eq!(status, 404);
    let (status, body) = get(
        addr,
        &format!("/api/doc?path={}", docs[0].path.replace('/', "%2F")),
    )
    .await;
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["findings"][0]["rule"], "HL-002");
}

/// With a review file, the page and the API show each finding's decision under the same
/// fingerprint that `check` and `report` compute from the document.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn served_findings_carry_the_reviewers_decisions() {
    use vbqppl::review::{fingerprints, Decision, DocKey, ReviewStatus, ReviewStore};
    let tmp = tempfile::tempdir().unwrap();
    let docs = build_index(tmp.path());
    let d = &docs[0].document;
    let key = DocKey::new(
        d.number.as_ref().map(|n| n.raw.as_str()),
        d.issue_date(),
        d.title.as_ref().map(|t| t.value.as_str()),
        &docs[0].id,
    );
    let fp = fingerprints(&key, &docs[0].findings).remove(0);
    let mut store = ReviewStore::empty(tmp.path().join("review.toml"));
    let mut decision = Decision::now(ReviewStatus::Dismissed);
    decision.note = Some("không phải <sai sót>".into());
    store.decide(fp.clone(), decision);
    let app = vbqppl::serve::router_with_review(tmp.path(), Some(store)).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let path = docs[0].path.replace('/', "%2F");
    let (status, body) = get(addr, &format!("/api/doc?path={path}")).await;
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["findings"][0]["fingerprint"], fp.as_str());
    assert_eq!(v["findings"][0]["review"]["status"], "dismissed");
    let (status, page) = get(addr, &format!("/doc?path={path}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("<th>Rà soát</th>"));
    assert!(page.contains("Đã loại (không phải sai sót)"));
    assert!(page.contains("không phải &lt;sai sót&gt;"), "escaped note");
    assert!(page.contains(fp.as_str()));
}
