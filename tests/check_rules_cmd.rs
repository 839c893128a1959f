//! `vbqppl rules`: severities as emitted, bases per period, `--as-of` and `--format json`.

use assert_cmd::Command;
use serde_json::Value;

fn rules(args: &[&str]) -> String {
    let out = Command::cargo_bin("vbqppl")
        .expect("binary built")
        .arg("rules")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn as_of_shows_that_period_and_what_does_not_run() {
    let text = rules(&["--as-of", "2020-05-01"]);
    assert!(text.starts_with("Thời kỳ: 01/07/2016–31/12/2020"), "{text}");
    let hl003 = text.split("HL-003").nth(1).expect("HL-003 listed");
    assert!(hl003.contains("mức: Thông tin, Cảnh báo\n"), "{hl003}");
    assert!(!hl003[..hl003.find("HL-004").unwrap_or(hl003.len())].contains("Lỗi"));
    let (_, absent) = text
        .split_once("Không áp dụng trong thời kỳ này:")
        .expect("absent rules listed");
    for id in ["HT-003", "TG-004", "TT-005"] {
        assert!(absent.contains(id), "{id} not listed as absent: {absent}");
    }
    assert!(!absent.contains("HL-003"));
}

#[test]
fn plain_lists_bases_per_period_and_json_one_period() {
    let text = rules(&[]);
    assert!(
        text.contains("          đến 31/03/2025: không áp dụng\n"),
        "TT-005 periods"
    );
    assert!(text.contains("từ 01/07/2025: "));
    let json: Value =
        serde_json::from_str(&rules(&["--as-of", "2026-01-01", "--format", "json"])).expect("json");
    assert_eq!(json["regime"], "L2025_87");
    let list = json["rules"].as_array().expect("rules");
    assert_eq!(list.len(), vbqppl::check::rules().len());
    for r in list {
        let periods = r["periods"].as_array().expect("periods");
        assert_eq!(periods.len(), 1, "{}", r["id"]);
        assert_eq!(periods[0]["regime"], "L2025_87");
        assert!(!r["severities"].as_array().expect("severities").is_empty());
    }
}
