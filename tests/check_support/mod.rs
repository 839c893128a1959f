//! Shared helpers of the check integration tests: fixtures, the normalize → parse → check run,
//! and one mutation (injected defect) per rule.
#![allow(dead_code)]

use chrono::NaiveDate;
use regex::Regex;
use std::path::PathBuf;
use vbqppl::check::{self, registry::Registry, CheckContext, Config, Finding};
use vbqppl::parse::Document;

pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

/// The clean fixtures: (name, text). Each is a complete, conforming local VBQPPL. They ship
/// with the crate, so a missing or empty folder is a failure, not a reason to test nothing.
pub fn fixtures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dir = std::fs::read_dir(fixture_dir())
        .unwrap_or_else(|e| panic!("{}: {e}", fixture_dir().display()));
    let mut paths: Vec<PathBuf> = dir
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        out.push((name, text));
    }
    assert!(
        !out.is_empty(),
        "no fixtures in {}",
        fixture_dir().display()
    );
    out
}

pub fn parse(text: &str) -> Document {
    vbqppl::parse::parse(&vbqppl::normalize::normalize(text))
}

/// Normalize, parse and check one text, judged as of 2026-11-23.
pub fn run(text: &str) -> Vec<Finding> {
    let registry = Registry::builtin();
    let config = Config::default();
    let mut ctx = CheckContext::new(&registry, &config);
    ctx.as_of = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    check::check(&parse(text), &ctx)
}

pub fn fires(findings: &[Finding], rule: &str) -> bool {
    findings.iter().any(|f| f.rule == rule)
}

// ---------------------------------------------------------------- mutations

fn re(p: &str) -> Regex {
    Regex::new(p).expect("test pattern")
}

fn replace_first(text: &str, pattern: &str, with: &str) -> Option<String> {
    let r = re(pattern);
    let m = r.find(text)?;
    Some(format!(
        "{}{}{}",
        &text[..m.start()],
        r.replace(m.as_str(), with),
        &text[m.end()..]
    ))
}

fn remove_lines(text: &str, pattern: &str) -> Option<String> {
    let r = re(pattern);
    let mut removed = false;
    let out: String = text
        .split_inclusive('\n')
        .filter(|l| {
            let hit = r.is_match(l);
            removed |= hit;
            !hit
        })
        .collect();
    removed.then_some(out)
}

/// Own number as written after `Số:`.
pub fn own_number(text: &str) -> Option<String> {
    re(r"(?m)^Số: (\S+)")
        .captures(text)
        .map(|c| c[1].to_string())
}

/// Replace the own number everywhere (header and attachment lines) with `f(number)`.
fn with_number(text: &str, f: impl Fn(&str) -> Option<String>) -> Option<String> {
    let n = own_number(text)?;
    let new = f(&n)?;
    Some(text.replace(&n, &new))
}

fn issue_year(text: &str) -> Option<i32> {
    re(r"(?m)^\S[^\n]*, ngày \d+ tháng \d+ năm (\d{4})")
        .captures(text)
        .and_then(|c| c[1].parse().ok())
}

fn is_hdnd(text: &str) -> bool {
    text.starts_with("HỘI ĐỒNG NHÂN DÂN")
}

/// Insert `line` after the last `Căn cứ` line.
fn add_basis(text: &str, line: &str) -> Option<String> {
    let r = re(r"(?m)^Căn cứ[^\n]*\n");
    let last = r.find_iter(text).last()?;
    Some(format!(
        "{}{}\n{}",
        &text[..last.end()],
        line,
        &text[last.end()..]
    ))
}

/// Insert a line after the effective-date sentence.
fn after_effective(text: &str, line: &str) -> Option<String> {
    let r = re(r"(?m)^(?:\d\. )?(?:Quyết định|Nghị quyết) này có hiệu lực[^\n]*\n");
    let m = r.find(text)?;
    Some(format!(
        "{}{}\n{}",
        &text[..m.end()],
        line,
        &text[m.end()..]
    ))
}

/// Insert lines after the first clause line (`1. …`) of the main text.
fn after_first_clause(text: &str, lines: &str) -> Option<String> {
    let r = re(r"(?m)^1\. [^\n]*\n");
    let m = r.find(text)?;
    Some(format!("{}{}{}", &text[..m.end()], lines, &text[m.end()..]))
}

/// The locality of the header (`tỉnh Bình An`).
fn locality(text: &str) -> Option<String> {
    let second = text.lines().nth(1)?;
    let mut words = second.split_whitespace();
    let first = words.next()?.to_lowercase();
    let rest: Vec<String> = words
        .map(|w| {
            let lower = w.to_lowercase();
            let mut cs = lower.chars();
            cs.next()
                .map(|c| c.to_uppercase().collect::<String>() + cs.as_str())
                .unwrap_or_default()
        })
        .collect();
    Some(format!("{first} {}", rest.join(" ")))
}

/// Move the district fixture after 01/07/2025, with bases valid on that date.
fn district_after_abolition(text: &str) -> Option<String> {
    if !text.contains("HUYỆN") {
        return None;
    }
    let t = text
        .replace("ngày 10 tháng 3 năm 2023", "ngày 10 tháng 8 năm 2025")
        .replace("03/2023/QĐ-UBND", "03/2025/QĐ-UBND")
        .replace("ngày 20 tháng 3 năm 2023", "ngày 20 tháng 8 năm 2025")
        .replace("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019", "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025")
        .replace("Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020", "Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025")
        .replace("khoản 3 Điều 12 Luật Giao thông đường bộ ngày 13 tháng 11 năm 2008", "khoản 3 Điều 8 Luật Đường bộ ngày 27 tháng 6 năm 2024");
    Some(t)
}

/// Move the commune fixture into 01/04–30/06/2025 (no commune VBQPPL under Law 64/2025).
fn commune_in_l2025(text: &str) -> Option<String> {
    if !text.contains("\nXÃ ") {
        return None;
    }
    Some(
        text.replace("ngày 15 tháng 9 năm 2025", "ngày 15 tháng 5 năm 2025")
            .replace("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025")
            .replace("; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025", "")
            .replace("ngày 26 tháng 9 năm 2025", "ngày 26 tháng 5 năm 2025")
            .replace("ngày 05 tháng 9 năm 2025", "ngày 05 tháng 5 năm 2025"),
    )
}

pub type Mutation = fn(&str) -> Option<String>;

/// One injected defect per rule; `None` when the defect does not apply to that fixture.
pub fn mutations() -> Vec<(&'static str, Mutation)> {
    vec![
        ("HT-001", |t| {
            let t = replace_first(t, r"(?m)^(?:QUYẾT ĐỊNH|NGHỊ QUYẾT)$", "CHỈ THỊ")?;
            with_number(&t, |n| {
                Some(n.replacen("/QĐ-", "/CT-", 1).replacen("/NQ-", "/CT-", 1))
            })
        }),
        ("HT-002", |t| {
            if is_hdnd(t) {
                let t = replace_first(t, r"(?m)^NGHỊ QUYẾT$", "QUYẾT ĐỊNH")?;
                with_number(&t, |n| Some(n.replacen("/NQ-", "/QĐ-", 1)))
            } else {
                let t = replace_first(t, r"(?m)^QUYẾT ĐỊNH$", "NGHỊ QUYẾT")?;
                with_number(&t, |n| Some(n.replacen("/QĐ-", "/NQ-", 1)))
            }
        }),
        ("HT-003", |t| {
            district_after_abolition(t).or_else(|| commune_in_l2025(t))
        }),
        ("HT-004", |t| {
            if is_hdnd(t) {
                return None;
            }
            with_number(t, |n| Some(format!("1502/{}", n.split('/').nth(2)?)))
        }),
        ("HT-005", |t| {
            replace_first(
                t,
                r"(?m)^((?:QUYẾT ĐỊNH|NGHỊ QUYẾT)\n)[^\n]+",
                "${1}Về việc bổ nhiệm ông Trần Văn An giữ chức Phó Giám đốc Sở Công Thương",
            )
        }),
        ("HT-006", |t| {
            if !(t.contains("\nHUYỆN ") || t.contains("\nXÃ ")) {
                return None;
            }
            remove_lines(t, r"^Căn cứ (?:khoản|điểm|Điều)")
        }),
        ("HL-001", |t| {
            remove_lines(t, r"^(?:\d\. )?(?:Quyết định|Nghị quyết) này có hiệu lực")
        }),
        ("HL-002", |t| {
            replace_first(
                t,
                r"có hiệu lực từ ngày \d+ tháng \d+ năm \d{4}",
                "có hiệu lực kể từ ngày ký",
            )
        }),
        ("HL-003", |t| {
            replace_first(
                t,
                r"có hiệu lực từ ngày \d+ tháng \d+ năm \d{4}",
                "có hiệu lực sau 15 ngày kể từ ngày đăng Công báo tỉnh",
            )
        }),
        ("HL-004", |t| {
            let y = issue_year(t)?;
            after_effective(
                t,
                &format!("Mức quy định tại Điều 1 được áp dụng từ ngày 01 tháng 01 năm {y}."),
            )
        }),
        ("HL-005", |t| {
            let y = issue_year(t)?;
            replace_first(
                t,
                r"có hiệu lực từ ngày \d+ tháng \d+ năm \d{4}",
                &format!("có hiệu lực từ ngày 31 tháng 4 năm {y}"),
            )
        }),
        ("HL-007", |t| {
            if issue_year(t)? < 2025 {
                return None;
            }
            add_basis(
                t,
                "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2025;",
            )
        }),
        ("HL-008", |t| {
            let r = re(
                r"(?i)chịu trách nhiệm (?:tổ chức )?thi hành|tổ chức thực hiện|chịu trách nhiệm thực hiện",
            );
            r.is_match(t)
                .then(|| r.replace_all(t, "thực hiện").into_owned())
        }),
        ("CC-001", |t| remove_lines(t, r"^Căn cứ")),
        ("CC-002", |t| {
            add_basis(t, "Căn cứ Công văn số 1234/BTC-NSNN ngày 12 tháng 3 năm 2021 của Bộ Tài chính về việc quản lý kinh phí;")
        }),
        ("CC-003", |t| {
            add_basis(t, "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2005;")
        }),
        ("CC-004", |t| {
            let y = issue_year(t)?;
            add_basis(t, &format!("Căn cứ Nghị định số 15/{y}/NĐ-CP ngày 20 tháng 12 năm {y} của Chính phủ quy định chi tiết một số điều của Luật;"))
        }),
        ("CC-005", |t| {
            let loc = locality(t)?;
            add_basis(t, &format!("Căn cứ Quyết định số 07/2018/QĐ-UBND ngày 05 tháng 4 năm 2018 của Ủy ban nhân dân {loc} ban hành Quy định về quản lý chợ;"))
        }),
        ("CC-006", |t| {
            remove_lines(t, r"^Căn cứ[^\n]*chính quyền địa phương")
        }),
        ("CC-007", |t| {
            let t = replace_first(
                t,
                r"(?m)^((?:QUYẾT ĐỊNH|NGHỊ QUYẾT)\n)[^\n]+",
                "${1}Quy định chi tiết một số nội dung về quản lý chợ trên địa bàn",
            )?;
            Some(remove_lines(&t, r"^Căn cứ (?:khoản|điểm|Điều)").unwrap_or(t))
        }),
        ("CC-008", |t| {
            add_basis(t, "Căn cứ Nghị định số 45/2019/NĐ-CP ngày 20 tháng 5 năm 2020 của Chính phủ quy định về quản lý chợ;")
        }),
        ("SK-001", |t| replace_first(t, r"(?m)^Số: \d+/", "Số:    /")),
        ("SK-002", |t| {
            with_number(t, |n| {
                let parts: Vec<&str> = n.split('/').collect();
                Some(format!(
                    "{}/{}/{}",
                    parts.first()?,
                    parts.get(2)?,
                    parts.get(1)?
                ))
            })
        }),
        ("SK-003", |t| {
            with_number(t, |n| Some(format!("5/{}", n.split_once('/')?.1)))
        }),
        ("SK-004", |t| {
            let y = issue_year(t)?;
            with_number(t, |n| {
                Some(n.replacen(&format!("/{y}/"), &format!("/{}/", y - 1), 1))
            })
        }),
        ("SK-005", |t| {
            with_number(t, |n| {
                Some(if n.contains("/QĐ-") {
                    n.replacen("/QĐ-", "/NQ-", 1)
                } else {
                    n.replacen("/NQ-", "/QĐ-", 1)
                })
            })
        }),
        ("SK-006", |t| {
            with_number(t, |n| {
                Some(if n.ends_with("-UBND") {
                    n.replacen("-UBND", "-HĐND", 1)
                } else {
                    n.replacen("-HĐND", "-UBND", 1)
                })
            })
        }),
        ("TG-001", |t| {
            replace_first(t, r"(?m)^([^\n,]+), ngày \d+ tháng", "$1, ngày    tháng")
        }),
        ("TG-002", |t| {
            replace_first(t, r"(?m)^([^\n,]+), ngày 0(\d) tháng", "$1, ngày $2 tháng")
        }),
        ("TG-003", |t| {
            replace_first(
                t,
                r"(?m)^([^\n,]+), ngày (\d+) tháng (\d+) năm (\d{4})$",
                "$1, $2/$3/$4",
            )
        }),
        ("TG-004", district_after_abolition),
        ("TG-005", |t| {
            if !is_hdnd(t) {
                return None;
            }
            let r = re(r"thông qua ngày (\d+) tháng");
            let c = r.captures(t)?;
            let d: u32 = c[1].parse().ok()?;
            Some(
                r.replace(
                    t,
                    format!(
                        "thông qua ngày {:02} tháng",
                        if d > 1 { d - 1 } else { d + 1 }
                    )
                    .as_str(),
                )
                .into_owned(),
            )
        }),
        ("TT-001", |t| {
            replace_first(
                t,
                "Độc lập - Tự do - Hạnh phúc",
                "Độc lập - Tự do - Hạnh Phúc",
            )
        }),
        ("TT-002", |t| {
            replace_first(t, r"^ỦY BAN NHÂN DÂN\n(TỈNH|HUYỆN|XÃ)", "UBND $1")
                .or_else(|| replace_first(t, r"^HỘI ĐỒNG NHÂN DÂN\n(TỈNH|HUYỆN|XÃ)", "HĐND $1"))
        }),
        ("TT-003", |t| {
            let r = re(r"(?m)^(?:QUYẾT ĐỊNH|NGHỊ QUYẾT)\n");
            let m = r.find(t)?;
            let rest = &t[m.end()..];
            let cc = rest.find("Căn cứ")?;
            Some(format!("{}{}", &t[..m.end()], &rest[cc..]))
        }),
        ("TT-004", |t| {
            replace_first(
                t,
                r"(?m)^((?:QUYẾT ĐỊNH|NGHỊ QUYẾT)\n[^\n]+)",
                "$1 do UBND cấp xã quản lý",
            )
        }),
        ("TT-005", |t| {
            if issue_year(t)? < 2025 {
                return None;
            }
            replace_first(
                t,
                r"(?m)^Ủy ban nhân dân ban hành Quyết định[^\n]*$",
                "QUYẾT ĐỊNH:",
            )
            .or_else(|| {
                replace_first(
                    t,
                    r"(?m)^Hội đồng nhân dân ban hành Nghị quyết[^\n]*$",
                    "QUYẾT NGHỊ:",
                )
            })
        }),
        ("BC-001", |t| replace_first(t, r"(?m)^Điều 2\.", "Điều 5.")),
        ("BC-002", |t| {
            // RULES.md's defect: an untitled article over numbered clauses.
            replace_first(t, r"(?m)^(Điều \d+\.) [^\n]+(\n1\. )", "${1}${2}")
        }),
        ("BC-003", |t| replace_first(t, r"(?m)^2\. ", "4. ")),
        ("BC-004", |t| {
            after_first_clause(t, "a) Nội dung thứ nhất;\nc) Nội dung thứ hai.\n")
        }),
        ("BC-005", |t| {
            after_first_clause(t, "- Hộ nghèo;\n- Hộ cận nghèo.\n")
        }),
        ("BC-006", |t| {
            replace_first(t, r"(?m)^Chương I$", "Chương 1")
        }),
        ("BC-007", |t| {
            replace_first(
                t,
                r"(\(Ban hành kèm theo [^\n]*? ngày )\d+ tháng \d+",
                "${1}04 tháng 8",
            )
        }),
        ("CK-001", |t| {
            replace_first(
                t,
                r"(?m)^(?:TM\. [^\n]+\n)?(?:KT\. [^\n]+\n)?(?:PHÓ )?CHỦ TỊCH$",
                "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG",
            )
        }),
        ("CK-002", |t| remove_lines(t, r"^TM\. ỦY BAN NHÂN DÂN")),
        ("CK-003", |t| {
            let r = re(r"(?m)^(?:KT\. CHỦ TỊCH\n)?(?:PHÓ )?CHỦ TỊCH$");
            let m = r.find_iter(t).last()?;
            Some(format!(
                "{}KT. CHỦ TỊCH\nCHỦ TỊCH{}",
                &t[..m.start()],
                &t[m.end()..]
            ))
        }),
        ("CK-004", |t| {
            if !is_hdnd(t) {
                return None;
            }
            replace_first(
                t,
                r"(?m)^CHỦ TỊCH$",
                "TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN\nPHÓ CHỦ TỊCH",
            )
        }),
        ("CK-005", |t| {
            replace_first(t, r"(?m)^((?:PHÓ )?CHỦ TỊCH\n)\n[^\n]+\n", "$1\n")
        }),
        ("NN-001", |t| {
            // From 01/04/2025 the block is optional (NĐ78 Điều 71: "Nơi nhận (nếu có)").
            if issue_year(t)? >= 2025 {
                return None;
            }
            let r = re(r"(?s)Nơi nhận:\n.*?- Lưu:[^\n]*\n");
            r.is_match(t).then(|| r.replace(t, "").into_owned())
        }),
        ("NN-002", |t| {
            remove_lines(t, r"^- [^\n]*(?:Tư pháp|Kiểm tra văn bản)")
        }),
        ("NN-003", |t| {
            remove_lines(
                t,
                r"^- [^\n]*(?:Công báo|Cổng|Trang thông tin|Cơ sở dữ liệu)",
            )
        }),
        ("SD-001", |t| {
            after_effective(
                t,
                "Các quy định trước đây trái với văn bản này đều bị bãi bỏ.",
            )
        }),
        ("SD-002", |t| {
            let loc = locality(t)?;
            let line = if is_hdnd(t) {
                format!("Sửa đổi khoản 2 Điều 3 Quyết định số 10/2021/QĐ-UBND ngày 10 tháng 12 năm 2021 của Ủy ban nhân dân {loc}.")
            } else {
                format!("Sửa đổi khoản 2 Điều 3 Nghị quyết số 10/2021/NQ-HĐND ngày 10 tháng 12 năm 2021 của Hội đồng nhân dân {loc}.")
            };
            after_effective(t, &line)
        }),
        ("SD-003", |t| {
            after_effective(
                t,
                "Sửa đổi nội dung về mức thu như sau: “Mức thu là 5.000 đồng mỗi lượt.”",
            )
        }),
        ("ND-001", |t| {
            after_first_clause(t, "UBND cấp xã có trách nhiệm phối hợp thực hiện.\n")
        }),
    ]
}

// ---------------------------------------------------------------- re-dating

/// The fixture moved to `year`: its own year (date line, number, effective and passing dates,
/// submissions) becomes `year`, and `Căn cứ` lines citing a text of `year` or later are dropped,
/// since they did not exist yet. `None` when the fixture is already of that year.
pub fn redate(text: &str, year: i32) -> Option<String> {
    let own = issue_year(text).filter(|y| *y != year)?;
    let cites_later = re(r"năm (\d{4})|/(\d{4})/");
    let kept: String = text
        .split_inclusive('\n')
        .filter(|l| {
            !l.starts_with("Căn cứ")
                || !cites_later.captures_iter(l).any(|c| {
                    c.get(1)
                        .or(c.get(2))
                        .and_then(|y| y.as_str().parse::<i32>().ok())
                        .is_some_and(|y| y >= year)
                })
        })
        .collect();
    Some(
        kept.replace(&format!("năm {own}"), &format!("năm {year}"))
            .replace(&format!("/{own}/"), &format!("/{year}/")),
    )
}
