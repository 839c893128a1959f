//! Crash safety of the index: kill the indexer with SIGKILL in the middle of a run, reopen,
//! search, rerun. The last commit stays searchable, the rerun completes the job, and no document
//! is ever lost or duplicated.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("vbqppl")
}

/// A small but complete provincial decision, numbered `n`.
fn document(n: usize) -> String {
    format!(
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: {n:02}/2024/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
Bình An, ngày 05 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\nQuy định mức hỗ trợ số {n} trên địa bàn tỉnh Bình An\n\n\
ỦY BAN NHÂN DÂN TỈNH BÌNH AN\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\
Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n\
Điều 1. Phạm vi điều chỉnh\nQuyết định này quy định mức hỗ trợ số {n} cho hộ gia đình.\n\n\
Điều 2. Hiệu lực thi hành\nQuyết định này có hiệu lực kể từ ngày 20 tháng 3 năm 2024.\n\n\
TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n"
    )
}

fn write_documents(dir: &Path, range: std::ops::Range<usize>) {
    for n in range {
        std::fs::write(dir.join(format!("qd-{n:05}.txt")), document(n)).unwrap();
    }
}

/// Paths in the index, via the NDJSON export; panics on duplicates.
fn indexed_paths(index: &Path) -> HashSet<String> {
    let out = Command::new(bin())
        .args(["export", "--index"])
        .arg(index)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut seen = HashSet::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let path = v["path"].as_str().unwrap().to_string();
        assert!(seen.insert(path.clone()), "duplicate in index: {path}");
    }
    seen
}

fn index_run(inputs: &Path, index: &Path) -> std::process::Output {
    Command::new(bin())
        .args(["index", "--jobs", "2", "--index"])
        .arg(index)
        .arg(inputs)
        .output()
        .unwrap()
}

#[test]
fn sigkill_mid_run_loses_and_duplicates_nothing() {
    let work = tempfile::tempdir().unwrap();
    let inputs = work.path().join("docs");
    let index = work.path().join("index");
    std::fs::create_dir_all(&inputs).unwrap();

    // A first complete run: the state a crash must never damage.
    write_documents(&inputs, 0..300);
    let first = index_run(&inputs, &index);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(indexed_paths(&index).len(), 300);

    // A larger second run, killed while it works.
    write_documents(&inputs, 300..3000);
    let mut child = Command::new(bin())
        .args(["index", "--jobs", "2", "--index"])
        .arg(&index)
        .arg(&inputs)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    std::thread::sleep(Duration::from_millis(400));
    let killed_while_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap(); // SIGKILL on Unix
    let _ = child.wait();
    eprintln!(
        "killed after {:?} (still running: {killed_while_running})",
        started.elapsed()
    );

    // Reopen: the last commit is searchable, whole, without duplicates.
    let after_crash = indexed_paths(&index);
    assert!(
        after_crash.len() == 300 || after_crash.len() == 3000,
        "partial commit: {} documents",
        after_crash.len()
    );
    let search = Command::new(bin())
        .args(["search", "--format", "json", "--index"])
        .arg(&index)
        .arg("hỗ trợ")
        .output()
        .unwrap();
    assert!(
        search.status.success(),
        "search after crash: {}",
        String::from_utf8_lossy(&search.stderr)
    );
    let hits: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap();
    assert_eq!(hits["total"].as_u64().unwrap() as usize, after_crash.len());

    // The rerun completes the job; a further run changes nothing.
    let rerun = index_run(&inputs, &index);
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    assert_eq!(indexed_paths(&index).len(), 3000);
    let again = index_run(&inputs, &index);
    let summary = String::from_utf8_lossy(&again.stdout);
    assert!(
        summary.contains("0 thêm, 0 cập nhật, 3000 không đổi, 0 xóa"),
        "{summary}"
    );
    assert_eq!(indexed_paths(&index).len(), 3000);

    // A removed file leaves the index on the next run.
    std::fs::remove_file(inputs.join("qd-00007.txt")).unwrap();
    let after_remove = index_run(&inputs, &index);
    assert!(String::from_utf8_lossy(&after_remove.stdout).contains("1 xóa"));
    assert_eq!(indexed_paths(&index).len(), 2999);
}
