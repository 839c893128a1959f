//! Cross-checks of the sample catalogue against the simplest patterns of RULES.md §9: clean
//! documents carry every mandatory component in the expected form, and numbering, dates and
//! effective-date gaps are right; documents that expect a rule really carry the defect text.

use chrono::NaiveDate;
use regex::Regex;
use vbqppl_samples::{self as samples, BodyItem, Level, SampleDoc};

fn re(p: &str) -> Regex {
    Regex::new(p).expect("valid pattern")
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn effective_date(doc: &SampleDoc, text: &str) -> Option<NaiveDate> {
    let abs = re(
        r"(?i)(?:quyết định|nghị quyết|nghị định|thông tư) này[^.;:]{0,60}?có hiệu lực(?: thi hành)?(?: kể)? từ ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})",
    );
    if let Some(c) = abs.captures(text) {
        let n = |i: usize| c[i].parse::<u32>().ok();
        return NaiveDate::from_ymd_opt(c[3].parse().ok()?, n(2)?, n(1)?);
    }
    let after = re(
        r"(?i)này[^.;:]{0,60}?có hiệu lực(?: thi hành)? sau (\d{1,3}) ngày,? kể từ ngày (ký|thông qua)",
    );
    let c = after.captures(text)?;
    let days: i64 = c[1].parse().ok()?;
    Some(doc.meta.issue_date + chrono::Duration::days(days))
}

fn min_gap(doc: &SampleDoc) -> i64 {
    let d = doc.meta.issue_date;
    let l2025 = d >= NaiveDate::from_ymd_opt(2025, 4, 1).unwrap_or_default();
    let l2015 = d >= NaiveDate::from_ymd_opt(2016, 7, 1).unwrap_or_default();
    match doc.meta.level {
        Level::Central => 45,
        Level::Province => 10,
        _ if l2025 => 10,
        Level::District => 7,
        Level::Commune if l2015 => 7,
        Level::Commune => 5,
    }
}

fn article_numbers(items: &[BodyItem]) -> Vec<u32> {
    let dieu = re(r"^Điều (\d+)\.");
    items
        .iter()
        .filter_map(|b| match b {
            BodyItem::Article { heading, .. } => {
                dieu.captures(heading).and_then(|c| c[1].parse().ok())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn clean_documents_are_clean_on_the_simple_rules() {
    let quoc_hieu = re(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    let tieu_ngu = re(r"(?m)^Độc lập - Tự do - Hạnh phúc$");
    let so = re(r"(?m)^Số: (\d{2,5})/(\d{4})/(QĐ|NQ|NĐ|TT)-(UBND|HĐND|CP|BTC)$");
    let date_line = re(r"(?m)^\p{Lu}[\p{L} ]*, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$");
    let type_title = re(r"(?m)^(NGHỊ QUYẾT|QUYẾT ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ)$");
    let generic_repeal = re(r"(?i)(?:các|những) (?:quy định|văn bản|nội dung)[^.;]{0,80}? trái");
    let bullet = re(r"(?m)^[-+•*] ");
    let mut clean = 0;
    for doc in samples::sample_documents() {
        if !doc.meta.expect.is_empty() {
            continue;
        }
        clean += 1;
        let text = doc.to_text();
        let name = doc.file_name();
        assert!(
            quoc_hieu.is_match(&text) && tieu_ngu.is_match(&text),
            "{name}: header"
        );
        let c = so
            .captures(&text)
            .unwrap_or_else(|| panic!("{name}: number line"));
        assert_eq!(
            &c[2],
            doc.meta.issue_date.format("%Y").to_string(),
            "{name}: year"
        );
        let abbr = match &c[3] {
            "QĐ" => "QUYẾT ĐỊNH",
            "NQ" => "NGHỊ QUYẾT",
            "NĐ" => "NGHỊ ĐỊNH",
            _ => "THÔNG TƯ",
        };
        assert_eq!(doc.type_name, abbr, "{name}: type abbreviation");
        let d = date_line
            .captures(&text)
            .unwrap_or_else(|| panic!("{name}: date line"));
        let month: u32 = d[2].parse().unwrap_or(0);
        assert!(
            month >= 3 || d[2].len() == 2,
            "{name}: month 1–2 needs a zero"
        );
        assert!(type_title.is_match(&text), "{name}: type title");
        assert!(!doc.summary.is_empty(), "{name}: summary");
        assert!(text.contains("\nCăn cứ "), "{name}: bases");
        assert!(
            text.contains("Luật Tổ chức")
                || doc.meta.level == Level::Central
                || text.contains("Luật Tổ chức Hội đồng nhân dân"),
            "{name}: competence basis"
        );
        assert!(text.contains("Nơi nhận:"), "{name}: recipients");
        assert!(
            text.contains("Tư pháp")
                && (text.contains("Công báo") || text.contains("thông tin điện tử")),
            "{name}: inspection body and publication among recipients"
        );
        assert!(
            !generic_repeal.is_match(&flat(&text)),
            "{name}: generic repeal"
        );
        let body_text: String = doc
            .body
            .iter()
            .filter_map(|b| match b {
                BodyItem::Article { paras, .. } => Some(paras.join("\n")),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!bullet.is_match(&body_text), "{name}: bullets in the body");
        let numbers = article_numbers(&doc.body);
        let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
        assert_eq!(numbers, expected, "{name}: article numbering");
        if let Some(att) = &doc.attachment {
            let numbers = article_numbers(&att.items);
            let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
            assert_eq!(numbers, expected, "{name}: attachment numbering");
            let reference = format!("Quyết định số {} ", doc.meta.number);
            assert!(
                att.reference.contains(&reference),
                "{name}: attachment reference"
            );
        }
        let eff =
            effective_date(&doc, &flat(&text)).unwrap_or_else(|| panic!("{name}: effective date"));
        let gap = (eff - doc.meta.issue_date).num_days();
        assert!(gap >= min_gap(&doc), "{name}: gap {gap} below minimum");
        let sig = doc.signature.lines.join("/");
        assert!(
            !sig.contains("TL.") && !sig.contains("TUQ."),
            "{name}: signature mode"
        );
        if doc.meta.doc_type == "Quyết định" {
            assert!(sig.starts_with("TM. ỦY BAN NHÂN DÂN"), "{name}: TM. line");
        }
        if sig.contains("KT. CHỦ TỊCH") {
            assert!(sig.ends_with("PHÓ CHỦ TỊCH"), "{name}: deputy title");
        }
    }
    assert!(clean >= 14, "{clean} clean documents");
}

#[test]
fn defective_documents_carry_their_defects() {
    let docs = samples::sample_documents();
    let mut seen = std::collections::BTreeSet::new();
    for doc in &docs {
        let text = doc.to_text();
        let ft = flat(&text);
        let name = doc.file_name();
        assert_eq!(
            doc.meta.defects.is_empty(),
            doc.meta.expect.is_empty(),
            "{name}"
        );
        for rule in &doc.meta.expect {
            seen.insert(*rule);
            match *rule {
                "HL-002" => {
                    let eff = effective_date(doc, &ft).expect("effective date");
                    assert!(
                        (eff - doc.meta.issue_date).num_days() < min_gap(doc),
                        "{name}"
                    );
                }
                "SK-003" => assert!(re(r"Số: \d/").is_match(&text), "{name}"),
                "TG-002" => assert!(re(r", ngày \d tháng").is_match(&text), "{name}"),
                "TG-003" => assert!(re(r", \d{1,2}/\d{1,2}/\d{4}").is_match(&text), "{name}"),
                "CK-001" => assert!(re(r"(?m)^(TL|TUQ)\. ").is_match(&text), "{name}"),
                "NN-001" => assert!(!text.contains("Nơi nhận"), "{name}"),
                "CC-001" => assert!(!text.contains("Căn cứ"), "{name}"),
                "HL-001" => assert!(!ft.contains("có hiệu lực"), "{name}"),
                "SD-001" => assert!(
                    ft.contains("trái với Quyết định này đều bị bãi bỏ"),
                    "{name}"
                ),
                "BC-005" => assert!(
                    re(r"(?m)^- ").is_match(text.split("Nơi nhận").next().unwrap_or("")),
                    "{name}"
                ),
                "TT-001" => assert!(!text.contains("Độc lập - Tự do - Hạnh phúc"), "{name}"),
                _ => {}
            }
        }
    }
    let required = [
        "HT-001", "HT-002", "HT-003", "HT-004", "HT-005", "HL-001", "HL-002", "HL-003", "HL-004",
        "HL-005", "HL-007", "CC-001", "CC-002", "CC-003", "CC-004", "CC-005", "CC-006", "SK-001",
        "SK-002", "SK-003", "SK-004", "SK-005", "SK-006", "TG-001", "TG-002", "TG-003", "TT-001",
        "TT-002", "TT-003", "BC-001", "BC-003", "BC-004", "BC-005", "CK-001", "CK-002", "CK-003",
        "CK-004", "NN-001", "NN-002", "NN-003", "SD-001", "ND-002",
    ];
    for r in required {
        assert!(seen.contains(r), "no sample exercises {r}");
    }
}
