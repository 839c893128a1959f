//! Process isolation (`--isolation process`, the default on Linux): the same reports as thread
//! isolation, a real per-document memory cap, and a batch that goes on when a worker dies.
//!
//! The memory cap is exercised with a legitimate input, not a test hook: a large text file needs
//! a few times its size while it is read, decoded, normalized and parsed, which is far more than
//! a 64 MiB cap allows.
#![cfg(target_os = "linux")]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn vbqppl() -> Command {
    Command::cargo_bin("vbqppl").expect("binary built")
}

fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A sample document that parses and gets checked.
fn good_document() -> PathBuf {
    sample_corpus().join("2012-qd-ubnd-huyen-tan-phu-06-nha-van-hoa.txt")
}

/// About 40 MB of plain Vietnamese text: well under the 512 MiB file-size limit, far over what
/// a 64 MiB cap leaves for holding it twice.
fn write_large_text(path: &Path) {
    let line = "Điều 1. Phạm vi điều chỉnh của quyết định này được nhắc lại nhiều lần.\n";
    let repeats = 40_000_000 / line.len();
    std::fs::write(path, line.repeat(repeats)).unwrap();
}

/// `check --format json` over `inputs`: (exit code, documents, stderr).
fn check_json(args: &[&str], inputs: &[&Path]) -> (i32, Vec<Value>, String) {
    let out = vbqppl()
        .arg("check")
        .args(["--format", "json"])
        .args(args)
        .args(inputs)
        .timeout(std::time::Duration::from_secs(300))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let report: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no json ({e}):\n{stderr}"));
    let docs = report["documents"].as_array().unwrap().clone();
    (out.status.code().unwrap_or(-1), docs, stderr)
}

/// Timings differ from run to run; everything else must not.
fn without_timings(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !k.contains("elapsed"))
                .map(|(k, v)| (k.clone(), without_timings(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_timings).collect()),
        other => other.clone(),
    }
}

/// What the documented exit code of `check` is for these reports (`--fail-on error`).
/// 1 when a finding is an error or a file was not checked (the run fails closed).
fn expected_exit(docs: &[Value]) -> i32 {
    let has_error = docs.iter().any(|d| {
        d["status"] != "checked"
            || d["findings"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| f["severity"] == "error"))
    });
    i32::from(has_error)
}

fn doc<'a>(docs: &'a [Value], name: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("{name} not reported"))
}

#[test]
fn process_and_thread_isolation_give_the_same_reports() {
    let corpus = sample_corpus();
    let (code_p, docs_p, _) = check_json(&["--isolation", "process", "--jobs", "2"], &[&corpus]);
    let (code_t, docs_t, _) = check_json(&["--isolation", "thread", "--jobs", "2"], &[&corpus]);
    assert!(docs_p.len() >= 30, "only {} documents", docs_p.len());
    assert_eq!(code_p, code_t);
    assert_eq!(
        without_timings(&Value::Array(docs_p)),
        without_timings(&Value::Array(docs_t))
    );
}

#[test]
fn extract_json_is_the_same_under_both_isolations() {
    let files: Vec<PathBuf> = std::fs::read_dir(sample_corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "toml"))
        .collect();
    let run = |isolation: &str| {
        vbqppl()
            .args(["extract", "--format", "json", "--isolation", isolation])
            .args(&files)
            .output()
            .unwrap()
    };
    let process = run("process");
    let thread = run("thread");
    assert_eq!(process.status.code(), thread.status.code());
    assert!(!process.stdout.is_empty());
    assert_eq!(process.stdout, thread.stdout);
}

#[test]
fn a_document_over_the_memory_cap_is_unreadable_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("a-large.txt");
    write_large_text(&big);
    let good = dir.path().join("z-good.txt");
    std::fs::copy(good_document(), &good).unwrap();

    let (code, docs, stderr) =
        check_json(&["--doc-memory-mib", "64", "--jobs", "2"], &[dir.path()]);
    assert_eq!(docs.len(), 2, "{stderr}");
    let large = doc(&docs, "/a-large.txt");
    assert_eq!(large["status"], "unreadable");
    let reason = large["error"].as_str().unwrap();
    assert!(
        reason.starts_with("memory limit of 64 MiB exceeded") && !reason.contains('\n'),
        "{reason}"
    );
    assert_eq!(doc(&docs, "/z-good.txt")["status"], "checked");
    assert_eq!(code, expected_exit(&docs), "{stderr}");
    // One `error:` line, naming the file and the limit.
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("a-large.txt: memory limit of 64 MiB exceeded"));
}

#[test]
fn a_dead_worker_is_replaced_for_the_next_document() {
    let dir = tempfile::tempdir().unwrap();
    write_large_text(&dir.path().join("a-large.txt"));
    write_large_text(&dir.path().join("b-large.txt"));
    std::fs::copy(good_document(), dir.path().join("c-good.txt")).unwrap();

    // One thread: one worker at a time, so each later document needs a fresh one.
    let (code, docs, stderr) =
        check_json(&["--doc-memory-mib", "64", "--jobs", "1"], &[dir.path()]);
    assert_eq!(docs.len(), 3, "{stderr}");
    for name in ["/a-large.txt", "/b-large.txt"] {
        let d = doc(&docs, name);
        assert_eq!(d["status"], "unreadable", "{name}");
        assert!(
            d["error"]
                .as_str()
                .unwrap()
                .starts_with("memory limit of 64 MiB exceeded"),
            "{name}: {}",
            d["error"]
        );
    }
    let good = doc(&docs, "/c-good.txt");
    assert_eq!(good["status"], "checked");
    assert!(good["error"].is_null());
    assert_eq!(code, expected_exit(&docs), "{stderr}");
}

#[test]
fn thread_isolation_has_no_memory_cap() {
    // The same cap under `--isolation thread` is not applied: the flag is documented as
    // process-only, and the small document reads either way.
    let (code, docs, stderr) = check_json(
        &["--isolation", "thread", "--doc-memory-mib", "1"],
        &[&good_document()],
    );
    assert_eq!(docs.len(), 1, "{stderr}");
    assert_eq!(docs[0]["status"], "checked");
    assert_eq!(code, expected_exit(&docs));
}

#[test]
fn a_worker_over_the_deadline_is_killed_and_replaced() {
    // Reading 40 MB of text takes far longer than the 1 s budget plus the watchdog's 5 s grace
    // in a debug build, and not every stage checks the budget: the watchdog stops it by killing
    // the worker.
    let dir = tempfile::tempdir().unwrap();
    write_large_text(&dir.path().join("a-large.txt"));
    std::fs::copy(good_document(), dir.path().join("b-good.txt")).unwrap();

    let (code, docs, stderr) = check_json(&["--doc-timeout", "1", "--jobs", "1"], &[dir.path()]);
    assert_eq!(docs.len(), 2, "{stderr}");
    let large = doc(&docs, "/a-large.txt");
    assert_eq!(large["status"], "unreadable");
    assert_eq!(large["error"], "timed out after 6s", "{stderr}");
    assert_eq!(doc(&docs, "/b-good.txt")["status"], "checked");
    assert_eq!(code, expected_exit(&docs), "{stderr}");
}

#[test]
fn a_file_name_that_is_not_utf8_reaches_the_worker() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"qd-\xff\xfe.txt");
    let path = dir.path().join(name);
    std::fs::copy(good_document(), &path).unwrap();
    let (_, docs, stderr) = check_json(&["--isolation", "process"], &[&path]);
    assert_eq!(docs.len(), 1, "{stderr}");
    assert_eq!(docs[0]["status"], "checked", "{stderr}");
}
