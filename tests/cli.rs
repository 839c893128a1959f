//! The binary's contract: JSON fields, exit codes, one line per unreadable file, nothing dropped.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn vbqppl() -> Command {
    Command::cargo_bin("vbqppl").expect("binary built")
}

fn shared_corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared/corpus is absent");
        None
    }
}

/// A folder with one readable text document and two unreadable files.
fn mixed_inputs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("qd.txt"),
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 15/2020/QĐ-UBND\n\nQUYẾT ĐỊNH\nBan hành Quy chế mẫu\n\nĐiều 1. Phạm vi điều chỉnh\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.pdf"), b"").unwrap();
    std::fs::write(
        dir.path().join("truncated.pdf"),
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
    )
    .unwrap();
    dir
}

#[test]
fn check_json_lists_every_file_with_status() {
    let dir = mixed_inputs();
    let out = vbqppl()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let code = out.status.code();
    assert!(code == Some(0) || code == Some(1), "exit code {code:?}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("json on stdout");
    assert_eq!(report["version"], 2);
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    for d in docs {
        for key in ["path", "sha256", "status", "error", "meta", "findings"] {
            assert!(d.get(key).is_some(), "document lacks {key}: {d}");
        }
    }
    let status = |name: &str| {
        docs.iter()
            .find(|d| d["path"].as_str().unwrap().ends_with(name))
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("qd.txt"), "checked");
    assert_eq!(status("empty.pdf"), "unreadable");
    assert_eq!(status("truncated.pdf"), "unreadable");
    assert_eq!(report["summary"]["documents"], 3);
    assert_eq!(report["summary"]["checked"], 1);
    assert_eq!(report["summary"]["not_checked"]["unreadable"], 2);
    // Unreadable files are also named on stderr, one line each.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("error: ")).count(),
        2,
        "{stderr}"
    );
}

#[test]
fn check_exit_code_follows_fail_on() {
    let dir = mixed_inputs();
    let json = |args: &[&str]| {
        let out = vbqppl()
            .arg("check")
            .args(args)
            .arg(dir.path())
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), v)
    };
    // The two unreadable files alone make the run fail, whatever was found.
    assert_eq!(json(&["--format", "json"]).0, Some(1));
    let (code, report) = json(&["--format", "json", "--allow-unchecked"]);
    let errors = report["summary"]["by_severity"]["error"]
        .as_u64()
        .unwrap_or(0);
    assert_eq!(code, Some(if errors > 0 { 1 } else { 0 }));
    let (code, report) = json(&[
        "--format",
        "json",
        "--fail-on",
        "warning",
        "--allow-unchecked",
    ]);
    let at_least_warning = report["summary"]["by_severity"]["error"]
        .as_u64()
        .unwrap_or(0)
        + report["summary"]["by_severity"]["warning"]
            .as_u64()
            .unwrap_or(0);
    assert_eq!(code, Some(if at_least_warning > 0 { 1 } else { 0 }));
}

#[test]
fn check_sarif_is_sarif_2_1_0() {
    let dir = mixed_inputs();
    let out = vbqppl()
        .args(["check", "--format", "sarif"])
        .arg(dir.path())
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "vbqppl");
    assert_eq!(
        run["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn missing_input_is_a_usage_error() {
    vbqppl()
        .args(["check", "/definitely/not/here"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no such file or folder"));
}

#[test]
fn bad_flag_is_a_usage_error() {
    vbqppl()
        .args(["check", "--format", "yaml", "."])
        .assert()
        .code(2);
}

#[test]
fn search_filters_accept_names_and_symbols_and_refuse_unknown_values() {
    let dir = mixed_inputs();
    let index = tempfile::tempdir().unwrap();
    let index_dir = index.path().to_str().unwrap();
    vbqppl()
        .args(["index", "--isolation", "thread", "--index", index_dir])
        .arg(dir.path())
        .assert()
        .success();
    let hits = |args: &[&str]| -> Vec<String> {
        let out = vbqppl()
            .args(["search", "", "--format", "json", "--index", index_dir])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["type"].as_str().unwrap_or("").to_string())
            .collect()
    };
    for t in ["quyet_dinh", "Quyết định", "quyet dinh", "QĐ", "QD"] {
        assert_eq!(hits(&["--type", t]), ["quyet_dinh"], "{t}");
    }
    assert_eq!(hits(&["--level", "Tỉnh"]), ["quyet_dinh"]);
    assert!(hits(&["--type", "NĐ"]).is_empty());
    for (flag, value, what) in [
        (
            "--type",
            "nghi_dinhh",
            "loại văn bản không hợp lệ (type): \"nghi_dinhh\"",
        ),
        (
            "--level",
            "ward",
            "cấp ban hành không hợp lệ (level): \"ward\"",
        ),
        ("--rule", "XX-999", "mã lỗi không hợp lệ (rule): \"XX-999\""),
        (
            "--severity",
            "fatal",
            "mức độ lỗi không hợp lệ (severity): \"fatal\"",
        ),
    ] {
        let out = vbqppl()
            .args(["search", "x", "--index", index_dir, flag, value])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with("error: ") && first.contains(what),
            "{stderr}"
        );
    }
}

#[test]
fn extract_unreadable_exits_1_with_one_line() {
    let dir = mixed_inputs();
    let bad = dir.path().join("truncated.pdf");
    let out = vbqppl()
        .args(["extract", "--format", "json"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("error: {}: ", bad.display())),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["error"].is_string());
}

#[test]
fn extract_json_fields() {
    let dir = mixed_inputs();
    let out = vbqppl()
        .args(["extract", "--format", "json"])
        .arg(dir.path().join("qd.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "path",
        "format",
        "pages",
        "text_layer",
        "encoding",
        "text",
        "warnings",
        "document",
        "error",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["format"], "txt");
    assert_eq!(json["text_layer"], "full");
    assert!(json["text"].as_str().unwrap().contains("QUYẾT ĐỊNH"));
}

#[test]
fn extract_many_into_a_folder() {
    let dir = mixed_inputs();
    let out_dir = tempfile::tempdir().unwrap();
    let out = vbqppl()
        .args(["extract", "--out"])
        .arg(out_dir.path())
        .arg(dir.path().join("qd.txt"))
        .arg(dir.path().join("empty.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out_dir.path().join("qd.txt.txt").is_file());
    assert!(!out_dir.path().join("empty.pdf.txt").exists());
}

#[test]
fn check_a_sample_of_the_shared_corpus() {
    let Some(root) = shared_corpus() else { return };
    // A few files of each kind: every one must come back, checked or unreadable with a reason.
    let mut inputs = Vec::new();
    for (folder, n) in [
        ("pdf-congbao", 3),
        ("pdf-scanned", 2),
        ("pdf-mixed", 4),
        ("text-vbpl", 5),
        ("html-vbpl", 2),
        ("doc-unicode", 2),
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e != "json" && e != "jsonl" && e != "csv")
            })
            .collect();
        files.sort();
        inputs.extend(files.into_iter().take(n));
    }
    let out = vbqppl()
        .args(["check", "--format", "json", "--jobs", "2"])
        .args(&inputs)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), inputs.len());
    for d in docs {
        let status = d["status"].as_str().unwrap();
        if status == "checked" {
            assert!(d["error"].is_null(), "{d}");
            continue;
        }
        assert!(
            ["unreadable", "no_text_layer", "not_legal_document"].contains(&status),
            "{d}"
        );
        let reason = d["error"].as_str().unwrap();
        assert!(!reason.is_empty() && !reason.contains('\n'), "{d}");
    }
}

// ---------------------------------------------------------------- fail closed

/// `check --format json` on one file that cannot be checked: exit 1 (fail closed), the report.
fn check_json_fail_closed(file: &Path) -> (std::process::Output, Value) {
    let out = vbqppl()
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", file.display());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    (out, report)
}

/// The first scan of the shared corpus.
fn a_scan() -> Option<PathBuf> {
    let root = shared_corpus()?;
    let scan = root.join("pdf-scanned/10209554.pdf");
    assert!(scan.is_file(), "{} is gone", scan.display());
    Some(scan)
}

#[test]
fn a_scan_is_not_checked_and_fails_the_run() {
    let Some(scan) = a_scan() else { return };
    let (out, report) = check_json_fail_closed(&scan);
    let doc = &report["documents"][0];
    assert_eq!(doc["status"], "no_text_layer");
    assert_eq!(
        doc["error"],
        "no text layer (scanned); OCR is not available yet"
    );
    assert_eq!(report["summary"]["checked"], 0);
    assert_eq!(report["summary"]["not_checked"]["no_text_layer"], 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim_end(),
        format!(
            "error: {}: no text layer (scanned); OCR is not available yet",
            scan.display()
        )
    );
    let human = vbqppl()
        .args(["check", "--allow-unchecked"])
        .arg(&scan)
        .output()
        .unwrap();
    assert_eq!(human.status.code(), Some(0));
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.starts_with(&format!("không kiểm tra được {}: ", scan.display())),
        "{text}"
    );
    assert!(!text.contains("đạt"), "{text}");
}

#[test]
fn extract_on_a_scan_exits_1_with_one_line() {
    let Some(scan) = a_scan() else { return };
    let out = vbqppl().arg("extract").arg(&scan).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "error: {}: no text layer (scanned); OCR is not available yet\n",
            scan.display()
        )
    );
}

#[test]
fn a_greeting_is_not_a_legal_document() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hello.txt");
    std::fs::write(&file, "xin chào\n").unwrap();
    let (_, report) = check_json_fail_closed(&file);
    let doc = &report["documents"][0];
    assert_eq!(doc["status"], "not_legal_document");
    assert_eq!(
        doc["error"],
        "not a legal document: no header, no number, no type, no articles, no legal basis"
    );
    assert_eq!(report["summary"]["not_checked"]["not_legal_document"], 1);
    let sarif = vbqppl()
        .args(["check", "--format", "sarif", "--allow-unchecked"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(sarif.status.code(), Some(0));
    let sarif: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let note = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(note["properties"]["status"], "not_legal_document");
    assert!(sarif["runs"][0]["results"].as_array().unwrap().is_empty());
}

/// The text folders of the shared corpus: only what is truly not a Vietnamese legal document
/// (pages of vbpl.vn that are "not found", an English translation, or metadata only with the
/// body left in a PDF attachment, per `metadata.jsonl`) is reported as not a legal document
/// there.
#[test]
fn real_documents_of_text_vbpl_are_legal_documents() {
    let Some(root) = shared_corpus() else { return };
    let folder = root.join("text-vbpl");
    let meta = std::fs::read_to_string(folder.join("metadata.jsonl")).unwrap();
    let mut not_documents = std::collections::HashSet::new();
    for line in meta.lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        let kind = row["kind"].as_str().unwrap();
        if kind == "not-found" || kind == "english-translation" || kind.starts_with("metadata-only")
        {
            let file = row["file"].as_str().unwrap().rsplit('/').next().unwrap();
            not_documents.insert(file.to_string());
        }
    }
    assert_eq!(not_documents.len(), 55, "metadata.jsonl changed");
    let out = vbqppl()
        .args(["check", "--format", "json", "--isolation", "thread"])
        .arg(&folder)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut landed = std::collections::HashSet::new();
    for d in report["documents"].as_array().unwrap() {
        if d["status"] == "not_legal_document" {
            let path = d["path"].as_str().unwrap();
            landed.insert(path.rsplit('/').next().unwrap().to_string());
        }
    }
    assert_eq!(landed, not_documents);
}

// ---------------------------------------------------------------- --config

/// A conforming provincial decision (a check fixture) given a one-digit serial number, so that
/// exactly SK-003 fires, as a warning.
fn sk003_document() -> tempfile::TempDir {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/qd_tinh_2022.txt");
    let text = std::fs::read_to_string(&fixture).expect("check fixture");
    assert!(text.contains("15/2022/QĐ-UBND"), "fixture changed");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("qd.txt"),
        text.replace("15/2022/QĐ-UBND", "5/2022/QĐ-UBND"),
    )
    .unwrap();
    dir
}

/// `check --format json` on the SK-003 document with this configuration file (none when
/// `config` is `None`): exit code, findings as (rule, severity), stderr.
fn check_with_config(config: Option<&str>) -> (Option<i32>, Vec<(String, String)>, String) {
    let dir = sk003_document();
    let mut cmd = vbqppl();
    cmd.args([
        "check",
        "--format",
        "json",
        "--isolation",
        "thread",
        "--as-of",
        "2026-12-01",
    ]);
    if let Some(text) = config {
        let path = dir.path().join("cfg.toml");
        std::fs::write(&path, text).unwrap();
        cmd.arg("--config").arg(&path);
    }
    let out = cmd.arg(dir.path().join("qd.txt")).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let findings = serde_json::from_slice::<Value>(&out.stdout)
        .map(|v| {
            v["documents"][0]["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    let s = |k: &str| f[k].as_str().unwrap().to_string();
                    (s("rule"), s("severity"))
                })
                .collect()
        })
        .unwrap_or_default();
    (out.status.code(), findings, stderr)
}

fn sk003(findings: &[(String, String)]) -> Option<&str> {
    findings
        .iter()
        .find(|(rule, _)| rule == "SK-003")
        .map(|(_, severity)| severity.as_str())
}

#[test]
fn config_disabled_rule_is_not_reported() {
    let (code, findings, _) = check_with_config(None);
    assert_eq!(code, Some(0));
    assert_eq!(sk003(&findings), Some("warning"), "{findings:?}");
    let (code, findings, stderr) = check_with_config(Some("[rules]\ndisabled = [\"SK-003\"]\n"));
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(sk003(&findings), None, "{findings:?}");
}

#[test]
fn config_severity_override_is_applied() {
    let (code, findings, stderr) = check_with_config(Some("[severity]\n\"SK-003\" = \"error\"\n"));
    assert_eq!(sk003(&findings), Some("error"), "{findings:?} {stderr}");
    // Now an error: the default --fail-on error fails the run.
    assert_eq!(code, Some(1));
}

#[test]
fn config_readme_example_is_accepted() {
    let (code, findings, stderr) = check_with_config(Some(
        "[rules]\ndisabled = [\"ND-001\"]\n\n[severity]\n\"SK-003\" = \"error\"\n",
    ));
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(sk003(&findings), Some("error"));
}

/// Each bad configuration stops the run with exit 2 and one line naming file, key and value.
#[test]
fn config_errors_exit_2_with_one_line() {
    let cases = [
        (
            "[rules]\ndisabled = [\"XX-999\"]\n",
            "rules.disabled: unknown rule id \"XX-999\"",
        ),
        (
            "[severity]\n\"XX-999\" = \"error\"\n",
            "severity: unknown rule id \"XX-999\"",
        ),
        (
            "[severity]\n\"SK-003\" = \"fatal\"\n",
            "severity.SK-003: unknown severity \"fatal\"",
        ),
        (
            "[rules]\ndisabled = []\ncolour = \"red\"\n",
            "line 3: unknown field `colour`",
        ),
        (
            "disabled = [\"SK-003\"]\n",
            "line 1: unknown field `disabled`",
        ),
        ("[rules\n", "line 1: "),
    ];
    for (text, expected) in cases {
        let (code, findings, stderr) = check_with_config(Some(text));
        assert_eq!(code, Some(2), "{text:?}: {stderr}");
        assert!(findings.is_empty(), "{text:?}: nothing checked");
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{text:?}: {stderr}");
        assert!(
            lines[0].starts_with("error: ") && lines[0].contains("cfg.toml: "),
            "{text:?}: {stderr}"
        );
        assert!(lines[0].contains(expected), "{text:?}: {stderr}");
    }
}

#[test]
fn config_missing_file_exits_2() {
    let dir = sk003_document();
    let out = vbqppl()
        .args(["check", "--config"])
        .arg(dir.path().join("absent.toml"))
        .arg(dir.path().join("qd.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("absent.toml"), "{stderr}");
}
