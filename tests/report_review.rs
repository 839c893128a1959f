//! The inspection report and triage, end to end through the binary: XLSX and DOCX read back by
//! independent readers (Python's openpyxl and python-docx, LibreOffice when installed), CSV and
//! HTML, row counts against the JSON report, dismissed findings in the appendix, decisions that
//! survive a rerun, `check --new-only` and SARIF baselines.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn vbqppl() -> Command {
    Command::cargo_bin("vbqppl").expect("binary built")
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `check --format json` of `inputs` (with any extra flags).
fn check_json(inputs: &[&Path], extra: &[&str]) -> Value {
    let out = vbqppl()
        .args(["check", "--format", "json", "--allow-unchecked"])
        .args(extra)
        .args(inputs)
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("json report")
}

/// Every finding's fingerprint, in report order.
fn fingerprints(report: &Value) -> Vec<String> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["findings"].as_array().unwrap().iter())
        .map(|f| f["fingerprint"].as_str().expect("fingerprint").to_string())
        .collect()
}

/// What the independent Python reader saw in `path`; `None` (with a message) when python or
/// its module is missing.
fn python_read(kind: &str, path: &Path) -> Option<Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/report_support/read_report.py");
    let out = match std::process::Command::new("python3")
        .arg(script)
        .arg(kind)
        .arg(path)
        .output()
    {
        Ok(out) => out,
        Err(_) => {
            eprintln!("skipping the {kind} reader: python3 is not installed");
            return None;
        }
    };
    if out.status.code() == Some(3) {
        eprintln!(
            "skipping the {kind} reader: {} (pip install openpyxl python-docx)",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        return None;
    }
    assert!(
        out.status.success(),
        "reader failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

fn review_set(file: &Path, fps: &[&str], extra: &[&str]) {
    vbqppl()
        .args(["review", "set"])
        .args(fps)
        .args(extra)
        .arg("--review")
        .arg(file)
        .assert()
        .success();
}

fn report(args: &[&str], inputs: &[&Path], out: &Path) {
    let o = vbqppl()
        .arg("report")
        .args(args)
        .args(inputs)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.is_file());
}

/// Records of a CSV file (RFC 4180 quoting), header first.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = vec![];
    let mut record = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn every_format_agrees_with_the_json_report_and_dismissed_findings_move_to_the_appendix() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review.toml");
    let corpus = corpus();
    let json = check_json(&[&corpus], &["--no-review"]);
    let all = fingerprints(&json);
    let documents = json["documents"].as_array().unwrap().len();
    assert!(all.len() > 20, "the sample corpus has findings");
    assert_eq!(
        all.len(),
        json["summary"]["findings"].as_u64().unwrap() as usize
    );
    // Dismiss three findings of different documents; confirm one with another handling.
    let mut dismissed = BTreeSet::new();
    let mut docs_seen = BTreeSet::new();
    for fp in &all {
        let doc = fp.split('/').next().unwrap();
        if dismissed.len() < 3 && docs_seen.insert(doc.to_string()) {
            dismissed.insert(fp.clone());
        }
    }
    let dismissed_list: Vec<&str> = dismissed.iter().map(String::as_str).collect();
    review_set(
        &review,
        &dismissed_list,
        &[
            "--status",
            "dismissed",
            "--note",
            "Bản gốc đúng, lỗi do sao chép",
            "--by",
            "kiểm tra viên",
        ],
    );
    let confirmed = all
        .iter()
        .find(|fp| !dismissed.contains(*fp))
        .unwrap()
        .clone();
    review_set(
        &review,
        &[&confirmed],
        &[
            "--status",
            "confirmed",
            "--handling",
            "Đề nghị đính chính số, ký hiệu",
        ],
    );
    let kept = all.len() - dismissed.len();
    let json_path = dir.path().join("check.json");
    std::fs::write(&json_path, serde_json::to_vec(&json).unwrap()).unwrap();

    let common = [
        "--review",
        review.to_str().unwrap(),
        "--date",
        "2026-12-03",
        "--issuer",
        "Sở Tư pháp tỉnh Bình An",
        "--period",
        "2018-01-01..2025-12-31",
    ];
    let xlsx = dir.path().join("báo cáo.xlsx");
    let docx = dir.path().join("báo cáo.docx");
    let csv = dir.path().join("báo cáo.csv");
    let html = dir.path().join("báo cáo.html");
    report(&common, &[&corpus], &xlsx);
    report(&common, &[&corpus], &docx);
    let mut from_json = vec!["--from-json", json_path.to_str().unwrap()];
    from_json.extend(common);
    let xlsx_from_json = dir.path().join("from-json.xlsx");
    report(&from_json, &[], &xlsx_from_json);
    report(&from_json, &[], &csv);
    report(&from_json, &[], &html);

    // CSV: a byte-order mark, one row per finding of the JSON report, dismissed ones marked.
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let records = csv_records(std::str::from_utf8(&bytes[3..]).unwrap());
    assert_eq!(records[0][0], "STT");
    assert_eq!(records.len() - 1, all.len());
    let col = |name: &str| records[0].iter().position(|h| h == name).unwrap();
    let (fp_col, status_col, handling_col) = (
        col("Mã nhận diện"),
        col("Trạng thái rà soát"),
        col("Kiến nghị xử lý"),
    );
    let csv_fps: Vec<&str> = records[1..].iter().map(|r| r[fp_col].as_str()).collect();
    assert_eq!(
        csv_fps,
        all.iter().map(String::as_str).collect::<Vec<_>>(),
        "same findings, same order"
    );
    for r in &records[1..] {
        assert_eq!(r.len(), records[0].len());
        let expected = if dismissed.contains(&r[fp_col]) {
            "Đã loại (không phải sai sót)"
        } else if r[fp_col] == confirmed {
            "Đã xác nhận sai sót"
        } else {
            "Chưa rà soát"
        };
        assert_eq!(r[status_col], expected);
        if r[fp_col] == confirmed {
            assert_eq!(r[handling_col], "Đề nghị đính chính số, ký hiệu");
        } else {
            assert!(!r[handling_col].is_empty() && !r[handling_col].contains("số, ký hiệu"));
        }
    }

    // HTML: self-contained, every finding that counts in section II, the appendix after.
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(!page.contains("<script") && !page.contains("src=\"http"));
    let appendix = page
        .find("Phụ lục: các phát hiện đã loại")
        .expect("appendix");
    for fp in &all {
        let at = page.find(fp.as_str()).map(|i| i < appendix);
        if dismissed.contains(fp) {
            assert_eq!(at, None, "a dismissed finding is not listed as a defect");
        } else {
            assert_eq!(at, Some(true), "{fp} listed in section II");
        }
    }

    // XLSX, read by openpyxl.
    if let Some(x) = python_read("xlsx", &xlsx) {
        assert_eq!(
            x["sheets"],
            serde_json::json!(["Tổng hợp", "Chi tiết", "Văn bản", "Quy tắc", "Đã loại"])
        );
        assert_eq!(x["rows"]["Chi tiết"], kept);
        assert_eq!(x["rows"]["Đã loại"], dismissed.len());
        assert_eq!(x["rows"]["Văn bản"], documents);
        assert_eq!(x["rows"]["Quy tắc"], vbqppl::check::rules().len());
        assert_eq!(x["freeze"]["Chi tiết"], "A2");
        assert_eq!(x["filter"]["Chi tiết"], format!("A1:R{}", kept + 1));
        let detail = &x["columns"]["Chi tiết"];
        let values = |sheet: &Value, name: &str| -> Vec<Value> {
            sheet[name]["values"].as_array().unwrap().clone()
        };
        let appendix_fps: BTreeSet<String> = values(&x["columns"]["Đã loại"], "Mã nhận diện")
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert_eq!(appendix_fps, dismissed);
        let detail_fps: Vec<String> = values(detail, "Mã nhận diện")
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let expected: Vec<String> = all
            .iter()
            .filter(|fp| !dismissed.contains(*fp))
            .cloned()
            .collect();
        assert_eq!(detail_fps, expected);
        // Real types: dates are dates, positions and counts are numbers.
        assert_eq!(
            detail["Ngày ban hành"]["types"],
            serde_json::json!(["datetime"])
        );
        assert_eq!(detail["Dòng"]["types"], serde_json::json!(["int"]));
        assert!(detail["Trang"]["types"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t == "int" || t == "NoneType"));
        assert!(
            detail["Trang"]["types"]
                .as_array()
                .unwrap()
                .contains(&Value::from("int")),
            "PDF findings have pages"
        );
        assert_eq!(
            x["columns"]["Văn bản"]["Lỗi"]["types"],
            serde_json::json!(["int"])
        );
        // Vietnamese text intact.
        let names = values(detail, "Tên lỗi");
        assert!(
            names.iter().any(|v| v.as_str().unwrap().contains("Thiếu")),
            "{names:?}"
        );
        assert!(values(detail, "Mức độ")
            .iter()
            .all(|v| ["Lỗi", "Cảnh báo", "Thông tin"].contains(&v.as_str().unwrap())));
        let statuses = values(detail, "Trạng thái rà soát");
        assert_eq!(
            statuses
                .iter()
                .filter(|v| *v == "Đã xác nhận sai sót")
                .count(),
            1
        );
        // The summary counts leave dismissed findings out.
        let summary = x["summary"].as_array().unwrap();
        let figure = |label: &str| summary.iter().find(|r| r[0] == label).map(|r| r[1].clone());
        assert_eq!(
            figure("Số phát hiện (không tính phát hiện đã loại)"),
            Some(Value::from(kept))
        );
        assert_eq!(figure("Tổng số tệp"), Some(Value::from(documents)));
        // The same report from the JSON gives the same rows.
        let y = python_read("xlsx", &xlsx_from_json).unwrap();
        assert_eq!(
            y["columns"]["Chi tiết"]["Mã nhận diện"],
            detail["Mã nhận diện"]
        );
        assert_eq!(
            y["columns"]["Chi tiết"]["Ngày ban hành"],
            detail["Ngày ban hành"]
        );
    }

    // DOCX, read by python-docx.
    if let Some(d) = python_read("docx", &docx) {
        assert_eq!(d["page_mm"], serde_json::json!([210, 297]), "A4");
        assert_eq!(d["margins_mm"], serde_json::json!([20, 20, 30, 15]));
        assert_eq!(d["font"], "Times New Roman");
        assert_eq!(d["size_half_points"], 26);
        let tables = d["tables"].as_array().unwrap();
        let defect_rows: usize = tables
            .iter()
            .filter(|t| t["header"][2] == "Nội dung sai sót")
            .map(|t| t["rows"].as_array().unwrap().len())
            .sum();
        assert_eq!(
            defect_rows, kept,
            "every finding that counts, in the tables of section II"
        );
        let appendix = tables
            .iter()
            .find(|t| t["header"][4] == "Lý do loại, người rà soát")
            .expect("appendix table");
        assert_eq!(appendix["rows"].as_array().unwrap().len(), dismissed.len());
        assert!(appendix["rows"][0][4]
            .as_str()
            .unwrap()
            .contains("Bản gốc đúng, lỗi do sao chép"));
        let paragraphs: Vec<&str> = d["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert!(paragraphs.contains(&"BÁO CÁO"));
        assert!(paragraphs.contains(&"PHỤ LỤC"));
        assert!(paragraphs
            .iter()
            .any(|p| p.starts_with("Kỳ kiểm tra: từ ngày 01/01/2018 đến ngày 31/12/2025")));
        assert!(
            paragraphs
                .iter()
                .any(|p| p.contains(&format!("tổng số phát hiện: {kept} "))),
            "{paragraphs:?}"
        );
        let header = &tables[0]["rows"];
        let _ = header;
        let national = &tables[0]["header"];
        assert!(national[1]
            .as_str()
            .unwrap()
            .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assert!(national[0]
            .as_str()
            .unwrap()
            .contains("SỞ TƯ PHÁP TỈNH BÌNH AN"));
    }

    // LibreOffice, when installed, opens the DOCX and finds the same text.
    if let Some(text) = libreoffice_text(&docx, dir.path()) {
        assert!(text.contains("BÁO CÁO"));
        assert!(text.contains("CÁC VĂN BẢN CÓ SAI SÓT VÀ KIẾN NGHỊ XỬ LÝ"));
        assert!(text.contains("Bản gốc đúng, lỗi do sao chép"));
    }
}

/// The DOCX converted to text by LibreOffice headless; `None` (with a message) without it.
fn libreoffice_text(docx: &Path, dir: &Path) -> Option<String> {
    let out = dir.join("lo");
    let status = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(&out)
        .arg(docx)
        .env("HOME", dir)
        .output();
    match status {
        Err(_) => {
            eprintln!("skipping the LibreOffice check: soffice is not installed");
            None
        }
        Ok(o) => {
            assert!(o.status.success(), "{o:?}");
            let txt = out.join(docx.with_extension("txt").file_name().unwrap());
            Some(std::fs::read_to_string(txt).expect("LibreOffice wrote the text"))
        }
    }
}

/// A batch of three sample documents with findings, copied to a folder of its own.
fn batch(dir: &Path, names: &[&str]) -> PathBuf {
    let batch = dir.join("batch");
    std::fs::create_dir_all(&batch).unwrap();
    for name in names {
        std::fs::copy(corpus().join(name), batch.join(name)).unwrap();
    }
    batch
}

const FIRST: [&str; 3] = [
    "2021-qd-ubnd-tinh-binh-an-30-thieu-hieu-luc.pdf",
    "2019-nq-hdnd-tinh-binh-an-06-ky-hieu-co-quan-sai.txt",
    "2022-qd-ubnd-tinh-binh-an-27-khong-co-can-cu.pdf",
];
const LATER: &str = "2021-qd-ubnd-tinh-binh-an-17-can-cu-cong-van.docx";

#[test]
fn a_rerun_keeps_decisions_and_a_new_document_shows_as_new() {
    let dir = tempfile::tempdir().unwrap();
    let batch = batch(dir.path(), &FIRST);
    let first = check_json(&[&batch], &[]);
    let fps = fingerprints(&first);
    assert!(fps.len() >= 3, "{first}");
    assert!(
        first["summary"].get("review").is_none(),
        "no review file yet"
    );
    // The reviewer dismisses the first finding and confirms the others, in the default file;
    // with the JSON report at hand, a fingerprint that is not in it is refused.
    let file = batch.join("vbqppl-review.toml");
    let json_path = dir.path().join("first.json");
    std::fs::write(&json_path, serde_json::to_vec(&first).unwrap()).unwrap();
    let last = if fps[0].ends_with('0') { '1' } else { '0' };
    let typo = format!("{}{last}", &fps[0][..fps[0].len() - 1]);
    let refused = vbqppl()
        .args(["review", "set", &typo, "--status", "dismissed", "--report"])
        .arg(&json_path)
        .arg("--review")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no finding with fingerprint"));
    assert!(!file.exists(), "nothing written on a refused decision");
    review_set(
        &file,
        &[&fps[0]],
        &[
            "--status",
            "dismissed",
            "--note",
            "không phải sai sót",
            "--report",
            json_path.to_str().unwrap(),
        ],
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("excerpt = "), "{saved}");
    assert!(saved.contains("note = \"không phải sai sót\""), "{saved}");
    let rest: Vec<&str> = fps[1..].iter().map(String::as_str).collect();
    review_set(&file, &rest, &["--status", "confirmed"]);
    let listed = vbqppl()
        .args(["review", "list", "--format", "json", "--review"])
        .arg(&file)
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), fps.len());

    // Rerun: the default file beside the inputs is read; the dismissed finding is out of the
    // counts but still in the JSON, marked.
    let second = check_json(&[&batch], &[]);
    assert_eq!(
        fingerprints(&second),
        fps,
        "fingerprints are stable across runs"
    );
    assert_eq!(second["summary"]["findings"], fps.len() - 1);
    assert_eq!(second["summary"]["review"]["left_out"], 1);
    let f0 = &second["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["findings"].as_array().unwrap().clone())
        .next()
        .unwrap();
    assert_eq!(f0["review"]["status"], "dismissed");
    let human = vbqppl().arg("check").arg(&batch).output().unwrap();
    let stderr = String::from_utf8_lossy(&human.stderr);
    assert!(
        stderr.contains("rà soát: 1 phát hiện đã loại không được tính"),
        "{stderr}"
    );
    assert!(!String::from_utf8_lossy(&human.stdout).contains("không phải sai sót"));

    // Nothing new: --new-only shows nothing and passes.
    let gate = vbqppl()
        .args(["check", "--new-only", "--format", "json"])
        .arg(&batch)
        .output()
        .unwrap();
    assert_eq!(
        gate.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&gate.stderr)
    );
    let gate: Value = serde_json::from_slice(&gate.stdout).unwrap();
    assert_eq!(gate["summary"]["findings"], 0);

    // A small edit (a blank line on top moves every line, changes the file hash) keeps decisions.
    let txt = batch.join(FIRST[1]);
    let text = std::fs::read_to_string(&txt).unwrap();
    std::fs::write(&txt, format!("\n\n{text}")).unwrap();
    let edited = check_json(&[&batch], &["--new-only"]);
    assert_eq!(edited["summary"]["findings"], 0, "{edited}");

    // A new document: only its findings are new, and they fail the gate.
    std::fs::copy(corpus().join(LATER), batch.join(LATER)).unwrap();
    let out = vbqppl()
        .args(["check", "--new-only", "--format", "sarif"])
        .arg(&batch)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert_eq!(r["baselineState"], "new");
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.ends_with(LATER), "{uri}");
    }

    // SARIF without --new-only: every finding, dismissed ones suppressed, decided ones unchanged,
    // and a decision whose finding is gone reported absent.
    let gone = format!("{}/SK-003/00000000", fps[0].split('/').next().unwrap());
    review_set(&file, &[&gone], &["--status", "fixed"]);
    let out = vbqppl()
        .args(["check", "--format", "sarif"])
        .arg(&batch)
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let by_fp = |fp: &str| {
        results
            .iter()
            .find(|r| r["partialFingerprints"]["vbqppl/v1"] == fp)
            .unwrap_or_else(|| panic!("{fp} in SARIF"))
    };
    assert_eq!(by_fp(&fps[0])["suppressions"][0]["kind"], "external");
    assert_eq!(
        by_fp(&fps[0])["suppressions"][0]["justification"],
        "không phải sai sót"
    );
    assert_eq!(by_fp(&fps[0])["baselineState"], "unchanged");
    assert!(by_fp(&fps[1]).get("suppressions").is_none());
    assert_eq!(by_fp(&fps[1])["baselineState"], "unchanged");
    assert_eq!(by_fp(&gone)["baselineState"], "absent");
    let new = results
        .iter()
        .filter(|r| r["baselineState"] == "new")
        .count();
    assert!(new > 0);
}

#[test]
fn unwritable_outputs_and_bad_review_files_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let doc = corpus().join(FIRST[1]);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["--out".into(), "/nonexistent-dir/r.xlsx".into()],
            "error: /nonexistent-dir/r.xlsx: cannot write: ",
        ),
        (
            vec![
                "--out".into(),
                dir.path().display().to_string(),
                "--format".into(),
                "docx".into(),
            ],
            "cannot write: is a folder",
        ),
        (
            vec![
                "--out".into(),
                dir.path().join("r.pdf").display().to_string(),
            ],
            "use --format xlsx|docx|csv|html",
        ),
        (
            vec![
                "--out".into(),
                dir.path().join("r.csv").display().to_string(),
                "--review".into(),
                dir.path().join("none.toml").display().to_string(),
            ],
            "none.toml: cannot read review file",
        ),
        (
            vec![
                "--out".into(),
                dir.path().join("r.csv").display().to_string(),
                "--period".into(),
                "2025-06-01..2025-01-01".into(),
            ],
            "ends before it starts",
        ),
    ];
    for (args, expected) in cases {
        let out = vbqppl()
            .arg("report")
            .arg(&doc)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
        assert_eq!(errors.len(), 1, "{stderr}");
        assert!(errors[0].contains(expected), "{stderr}");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "no file, no temporary left: {left:?}");
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "version = 1\n[decisions.\"zz\"]\nstatus = \"dismissed\"\n",
    )
    .unwrap();
    let out = vbqppl()
        .arg("check")
        .arg(&doc)
        .arg("--review")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("bad.toml: invalid review file: invalid fingerprint \"zz\""));
    let out = vbqppl()
        .args(["review", "set", "nope", "--status", "dismissed"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_slice_of_the_shared_corpus_reports_every_finding() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/text-vbpl");
    if !root.is_dir() {
        eprintln!("skipping: ../shared/corpus/text-vbpl is absent");
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.truncate(40);
    let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let json = check_json(&inputs, &["--no-review"]);
    let all = fingerprints(&json);
    let unique: BTreeSet<&String> = all.iter().collect();
    assert_eq!(
        unique.len(),
        all.len(),
        "fingerprints are unique within a batch"
    );
    let dir = tempfile::tempdir().unwrap();
    let json_path = dir.path().join("c.json");
    std::fs::write(&json_path, serde_json::to_vec(&json).unwrap()).unwrap();
    let xlsx = dir.path().join("r.xlsx");
    report(
        &["--from-json", json_path.to_str().unwrap(), "--no-review"],
        &[],
        &xlsx,
    );
    let docx = dir.path().join("r.docx");
    report(&["--no-review"], &inputs, &docx);
    if let Some(x) = python_read("xlsx", &xlsx) {
        assert_eq!(x["rows"]["Chi tiết"], all.len());
        assert_eq!(x["rows"]["Văn bản"], files.len());
        assert_eq!(x["rows"]["Đã loại"], 0);
    }
    if let Some(d) = python_read("docx", &docx) {
        let rows: usize = d["tables"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["header"][2] == "Nội dung sai sót")
            .map(|t| t["rows"].as_array().unwrap().len())
            .sum();
        assert_eq!(rows, all.len());
    }
}
