//! Table tests: for every rule with an injectable defect, a conforming document (a clean fixture)
//! and a defective one (the fixture with the RULES.md ✘ example injected), run through
//! normalize → parse → check; plus the ✔/✘ examples of RULES.md that need exact dates.

mod check_support;

use check_support::{fires, fixtures, mutations, run};
use vbqppl::check::{self, registry::Registry, CheckContext, Config, Severity, SourceInfo};
use vbqppl::extract::{Encoding, TextLayer};

#[test]
fn each_rule_conforming_and_defective() {
    let docs = fixtures();
    let mut failures = Vec::new();
    for (rule, mutate) in mutations() {
        let Some((name, clean, bad)) = docs.iter().find_map(|(n, t)| mutate(t).map(|m| (n, t, m)))
        else {
            failures.push(format!("{rule}: no fixture accepts the defect"));
            continue;
        };
        if fires(&run(clean), rule) {
            failures.push(format!("{rule}: fires on conforming {name}"));
        }
        if !fires(&run(&bad), rule) {
            failures.push(format!("{rule}: silent on defective {name}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A provincial decision with the given date line, effective clause and extra bases.
fn decision(date: &str, effective: &str, bases: &str, number: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: {number}\nBình An, {date}\n\nQUYẾT ĐỊNH\nQuy định giá dịch vụ thu gom rác thải sinh hoạt trên địa bàn tỉnh Bình An\n\nỦY BAN NHÂN DÂN TỈNH BÌNH AN\n\n{bases}\nTheo đề nghị của Giám đốc Sở Tài chính.\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Phạm vi điều chỉnh\nQuyết định này quy định giá dịch vụ thu gom rác thải sinh hoạt.\nĐiều 2. Hiệu lực thi hành\nQuyết định này {effective}.\nĐiều 3. Tổ chức thực hiện\nChánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.\n\nNơi nhận:\n- Như Điều 3;\n- Bộ Tư pháp;\n- Công báo tỉnh;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Bình\n"
    )
}

const BASES_2022: &str = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;";
const BASES_2025_OK: &str = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025;";
const BASES_2025_OLD: &str = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;";

#[test]
fn hl002_gap_examples() {
    let ok = run(&decision(
        "ngày 05 tháng 5 năm 2022",
        "có hiệu lực từ ngày 16 tháng 5 năm 2022",
        BASES_2022,
        "15/2022/QĐ-UBND",
    ));
    assert!(!fires(&ok, "HL-002"), "{ok:#?}");
    let bad = run(&decision(
        "ngày 05 tháng 5 năm 2022",
        "có hiệu lực kể từ ngày ký",
        BASES_2022,
        "15/2022/QĐ-UBND",
    ));
    let f = bad
        .iter()
        .find(|f| f.rule == "HL-002")
        .expect("HL-002 on a gap of 0 days");
    assert_eq!(f.severity, Severity::Error);
    // Exactly the 10-day minimum is lawful (NQ 05/2019/NQ-HĐND Đắk Nông: 19/07 → 29/07/2019).
    let edge = run(&decision(
        "ngày 19 tháng 7 năm 2019",
        "có hiệu lực từ ngày 29 tháng 7 năm 2019",
        BASES_2022,
        "05/2019/QĐ-UBND",
    ));
    assert!(!fires(&edge, "HL-002"));
}

#[test]
fn cc003_examples() {
    let ok = run(&decision(
        "ngày 10 tháng 9 năm 2025",
        "có hiệu lực từ ngày 22 tháng 9 năm 2025",
        BASES_2025_OK,
        "21/2025/QĐ-UBND",
    ));
    assert!(!fires(&ok, "CC-003"), "{ok:#?}");
    let bad = run(&decision(
        "ngày 10 tháng 9 năm 2025",
        "có hiệu lực từ ngày 22 tháng 9 năm 2025",
        BASES_2025_OLD,
        "21/2025/QĐ-UBND",
    ));
    let f = bad
        .iter()
        .find(|f| f.rule == "CC-003")
        .expect("CC-003 on the 2015 law cited in 2025");
    assert!(
        f.suggestion.as_deref().is_some_and(|s| s.contains("2025")),
        "{f:#?}"
    );
}

#[test]
fn hl007_example() {
    let bases = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;";
    let bad = run(&decision(
        "ngày 20 tháng 3 năm 2025",
        "có hiệu lực từ ngày 31 tháng 3 năm 2025",
        bases,
        "10/2025/QĐ-UBND",
    ));
    assert!(fires(&bad, "HL-007"), "{bad:#?}");
    let ok = run(&decision(
        "ngày 20 tháng 3 năm 2025",
        "có hiệu lực từ ngày 05 tháng 4 năm 2025",
        bases,
        "10/2025/QĐ-UBND",
    ));
    assert!(!fires(&ok, "HL-007"), "{ok:#?}");
}

#[test]
fn cc008_wrong_passing_date() {
    let bad_bases = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 14 tháng 6 năm 2020;";
    let bad = run(&decision(
        "ngày 05 tháng 5 năm 2022",
        "có hiệu lực từ ngày 16 tháng 5 năm 2022",
        bad_bases,
        "15/2022/QĐ-UBND",
    ));
    assert!(fires(&bad, "CC-008"), "{bad:#?}");
    let ok_bases = bad_bases.replace("14 tháng 6 năm 2020", "18 tháng 6 năm 2020");
    let ok = run(&decision(
        "ngày 05 tháng 5 năm 2022",
        "có hiệu lực từ ngày 16 tháng 5 năm 2022",
        &ok_bases,
        "15/2022/QĐ-UBND",
    ));
    assert!(!fires(&ok, "CC-008"), "{ok:#?}");
}

#[test]
fn sk003_suggests_leading_zero() {
    let bad = run(&decision(
        "ngày 05 tháng 5 năm 2020",
        "có hiệu lực từ ngày 16 tháng 5 năm 2020",
        BASES_2022,
        "5/2020/QĐ-UBND",
    ));
    let f = bad.iter().find(|f| f.rule == "SK-003").expect("SK-003");
    assert_eq!(f.suggestion.as_deref(), Some("05/2020/QĐ-UBND"));
    assert!(f.line > 0 && f.excerpt.contains("5/2020"));
}

#[test]
fn config_disables_and_overrides() {
    let text = decision(
        "ngày 05 tháng 5 năm 2020",
        "có hiệu lực từ ngày 16 tháng 5 năm 2020",
        BASES_2022,
        "5/2020/QĐ-UBND",
    );
    let doc = check_support::parse(&text);
    let registry = Registry::builtin();
    let config =
        Config::from_toml("[rules]\ndisabled = [\"NN-003\"]\n[severity]\n\"SK-003\" = \"error\"\n")
            .expect("config");
    let ctx = CheckContext::new(&registry, &config);
    let found = check::check(&doc, &ctx);
    assert!(found
        .iter()
        .any(|f| f.rule == "SK-003" && f.severity == Severity::Error));
    assert!(!found.iter().any(|f| f.rule == "NN-003"));
}

#[test]
fn nd002_reports_legacy_encoding() {
    let doc = check_support::parse("ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n");
    let registry = Registry::builtin();
    let config = Config::default();
    let mut ctx = CheckContext::new(&registry, &config);
    assert!(!check::check(&doc, &ctx).iter().any(|f| f.rule == "ND-002"));
    ctx.source = SourceInfo {
        encoding: Encoding::Tcvn3,
        text_layer: TextLayer::Full,
        gazette_copy: false,
    };
    assert!(check::check(&doc, &ctx)
        .iter()
        .any(|f| f.rule == "ND-002" && f.severity == Severity::Info));
}

#[test]
fn rule_metadata_is_complete() {
    let rules = check::rules();
    assert!(rules.len() >= 55);
    for id in [
        "HT-001", "HL-002", "CC-003", "SK-003", "TG-001", "TT-001", "BC-001", "CK-001", "NN-001",
        "SD-001", "ND-002",
    ] {
        assert!(rules.iter().any(|r| r.id == id), "{id} missing");
    }
}

/// Effective clauses as real documents write them: without `ngày`, with spaces in a numeric
/// date, with the type name but no `này`; and one whose date was left blank (HL-005, not HL-001).
#[test]
fn effective_clause_variants() {
    let variants = [
        (
            "có hiệu lực thi hành kể từ 31 tháng 5 năm 2022",
            "2022-05-31",
        ),
        ("có hiệu lực thi hành kể từ ngày 31/ 05/2022", "2022-05-31"),
    ];
    for (clause, want) in variants {
        let text = decision(
            "ngày 05 tháng 5 năm 2022",
            clause,
            BASES_2022,
            "15/2022/QĐ-UBND",
        );
        let parsed = vbqppl::parse::parse(&vbqppl::normalize::normalize(&text));
        let date = parsed.effective.and_then(|e| e.date).map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some(want), "{clause}");
        let doc = run(&text);
        assert!(!fires(&doc, "HL-001"), "{clause}: {doc:#?}");
        assert!(!fires(&doc, "HL-005"), "{clause}: {doc:#?}");
    }
    // `Quyết định có hiệu lực …` (no `này`).
    let bare = decision(
        "ngày 05 tháng 5 năm 2022",
        "có hiệu lực từ ngày 31 tháng 5 năm 2022",
        BASES_2022,
        "15/2022/QĐ-UBND",
    )
    .replace("Quyết định này có hiệu lực", "Quyết định có hiệu lực");
    assert!(!fires(&run(&bare), "HL-001"));
    let blank = run(&decision(
        "ngày 05 tháng 5 năm 2022",
        "có hiệu lực thi hành từ ngày    tháng    năm 2022",
        BASES_2022,
        "15/2022/QĐ-UBND",
    ));
    assert!(!fires(&blank, "HL-001"), "{blank:#?}");
    assert!(fires(&blank, "HL-005"), "{blank:#?}");
}

#[test]
fn nn001_not_judged_on_a_gazette_copy() {
    let doc = check_support::parse(
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 06/2021/NQ-HĐND\nBình An, ngày 29 tháng 6 năm 2021\nNGHỊ QUYẾT\nQuy định mức thu phí\nĐiều 1. Mức thu\nMức thu là 10.000 đồng.\nĐiều 2. Hiệu lực\nNghị quyết này có hiệu lực từ ngày 15 tháng 7 năm 2021.\nCHỦ TỊCH\nNguyễn Văn An\n",
    );
    let registry = Registry::builtin();
    let config = Config::default();
    let mut ctx = CheckContext::new(&registry, &config);
    assert!(check::check(&doc, &ctx).iter().any(|f| f.rule == "NN-001"));
    ctx.source.gazette_copy = true;
    assert!(!check::check(&doc, &ctx).iter().any(|f| f.rule == "NN-001"));
}

#[test]
fn a_lost_header_is_one_finding() {
    // A portal copy that starts at the type line: national title, motto, number and date gone.
    let doc = check_support::parse(
        "Trang chủ\nTHÔNG TƯ\nQuy định mức thu phí\nCăn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;\nĐiều 1. Mức thu\nMức thu là 10.000 đồng.\nĐiều 2. Hiệu lực\nThông tư này có hiệu lực từ ngày 15 tháng 7 năm 2021.\nBỘ TRƯỞNG\nNguyễn Văn An\n",
    );
    let registry = Registry::builtin();
    let config = Config::default();
    let ctx = CheckContext::new(&registry, &config);
    let findings = check::check(&doc, &ctx);
    let header: Vec<_> = findings
        .iter()
        .filter(|f| ["TT-001", "SK-001", "TG-001"].contains(&f.rule.as_str()))
        .collect();
    assert_eq!(header.len(), 1, "{header:?}");
    assert_eq!(header[0].rule, "TT-001");
    assert_eq!(header[0].severity, Severity::Warning);
    assert!(header[0].message.contains("số, ký hiệu"));
}
