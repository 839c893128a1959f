//! The sample documents of `corpus/`: invented provincial, district, commune and central
//! documents across the regimes of RULES.md §1, about half clean and the rest each carrying one
//! to three deliberate defects (recorded in [`Meta`] with the rule IDs that must fire).
//!
//! Places and numbers are invented (tỉnh Bình An, huyện Tân Phú, xã Tân Hòa); the laws cited
//! in the bases are real, with the names and dates of RULES.md §10.

use chrono::NaiveDate;

use super::{Attachment, BodyItem, Format, Level, Meta, SampleDoc, Signature};

/// Who issues the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Quyết định of an Ủy ban nhân dân.
    Ubnd,
    /// Nghị quyết of a Hội đồng nhân dân.
    Hdnd,
    /// Nghị định of the Government.
    Government,
    /// Thông tư of the Minister of Finance.
    Ministry,
}

/// Which legal regime the issue date falls in (RULES.md §1), as far as the bases are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Regime {
    L2004,
    L2015,
    L2015_2020,
    L2025,
    L2025_87,
}

fn regime(d: NaiveDate) -> Regime {
    if d < ymd(2016, 7, 1) {
        Regime::L2004
    } else if d < ymd(2021, 1, 1) {
        Regime::L2015
    } else if d < ymd(2025, 4, 1) {
        Regime::L2015_2020
    } else if d < ymd(2025, 7, 1) {
        Regime::L2025
    } else {
        Regime::L2025_87
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    // Every call site passes a literal calendar date.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// `ngày 05 tháng 3 năm 2022`: day below 10 and months 1–2 with a leading zero.
pub fn vn_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {} năm {}", d.day(), month, d.year())
}

/// The locality of a local document.
#[derive(Debug, Clone, Copy)]
struct Place {
    level: Level,
    /// Header line under the body name: `TỈNH BÌNH AN`.
    upper: &'static str,
    /// In running text: `tỉnh Bình An`.
    lower: &'static str,
    /// In the date line: `Bình An`.
    short: &'static str,
    /// Unit word used in phrases such as `Ủy ban nhân dân tỉnh`.
    unit: &'static str,
}

const PROVINCE: Place = Place {
    level: Level::Province,
    upper: "TỈNH BÌNH AN",
    lower: "tỉnh Bình An",
    short: "Bình An",
    unit: "tỉnh",
};
const DISTRICT: Place = Place {
    level: Level::District,
    upper: "HUYỆN TÂN PHÚ",
    lower: "huyện Tân Phú",
    short: "Tân Phú",
    unit: "huyện",
};
const COMMUNE: Place = Place {
    level: Level::Commune,
    upper: "XÃ TÂN HÒA",
    lower: "xã Tân Hòa",
    short: "Tân Hòa",
    unit: "xã",
};
const CENTRAL: Place = Place {
    level: Level::Central,
    upper: "",
    lower: "",
    short: "Hà Nội",
    unit: "",
};

/// When the document takes effect.
#[derive(Debug, Clone)]
enum Effect {
    /// An absolute date.
    On(NaiveDate),
    /// `sau n ngày, kể từ ngày ký` (L2004 style).
    AfterDays(u32),
}

/// The subject matter of a document: title and substantive articles.
struct Topic {
    summary: Vec<String>,
    sector_bases: Vec<String>,
    proposal: String,
    articles: Vec<BodyItem>,
    attachment: Option<Attachment>,
}

fn art(heading: &str, paras: &[&str]) -> BodyItem {
    BodyItem::Article {
        heading: heading.to_string(),
        paras: paras.iter().map(|p| p.to_string()).collect(),
    }
}

fn art_owned(heading: String, paras: Vec<String>) -> BodyItem {
    BodyItem::Article { heading, paras }
}

fn chapter(number: &str, title: &str) -> BodyItem {
    BodyItem::Chapter {
        number: number.to_string(),
        title: title.to_string(),
    }
}

/// Everything needed to assemble one document; defects are applied to the result.
struct Spec {
    stem: &'static str,
    format: Format,
    kind: Kind,
    place: Place,
    serial: u32,
    date: NaiveDate,
    effect: Effect,
    topic: Topic,
    /// Signed by the head (`CHỦ TỊCH`) rather than a deputy (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`).
    head_signs: bool,
    signer: &'static str,
    description: &'static str,
}

fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Ubnd => "QUYẾT ĐỊNH",
        Kind::Hdnd => "NGHỊ QUYẾT",
        Kind::Government => "NGHỊ ĐỊNH",
        Kind::Ministry => "THÔNG TƯ",
    }
}

fn symbol(kind: Kind) -> &'static str {
    match kind {
        Kind::Ubnd => "QĐ-UBND",
        Kind::Hdnd => "NQ-HĐND",
        Kind::Government => "NĐ-CP",
        Kind::Ministry => "TT-BTC",
    }
}

fn body_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Ubnd => "ỦY BAN NHÂN DÂN",
        Kind::Hdnd => "HỘI ĐỒNG NHÂN DÂN",
        Kind::Government => "CHÍNH PHỦ",
        Kind::Ministry => "BỘ TÀI CHÍNH",
    }
}

/// `Ủy ban nhân dân tỉnh` / `Hội đồng nhân dân xã` …
fn body_lower(kind: Kind, place: &Place) -> String {
    match kind {
        Kind::Ubnd => format!("Ủy ban nhân dân {}", place.unit),
        Kind::Hdnd => format!("Hội đồng nhân dân {}", place.unit),
        Kind::Government => "Chính phủ".into(),
        Kind::Ministry => "Bộ Tài chính".into(),
    }
}

fn local_bases(date: NaiveDate) -> Vec<String> {
    match regime(date) {
        Regime::L2004 => vec![
            "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004;".into(),
        ],
        Regime::L2015 if date < ymd(2020, 7, 1) => vec![
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;".into(),
        ],
        Regime::L2015 => vec![
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;".into(),
        ],
        Regime::L2015_2020 if date < ymd(2025, 3, 1) => vec![
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;".into(),
        ],
        Regime::L2015_2020 => vec![
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;".into(),
        ],
        Regime::L2025 if date < ymd(2025, 6, 16) => vec![
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;".into(),
        ],
        Regime::L2025 => vec![
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;".into(),
        ],
        Regime::L2025_87 => vec![
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025;".into(),
        ],
    }
}

fn central_bases(kind: Kind, date: NaiveDate) -> Vec<String> {
    let r = regime(date);
    match kind {
        Kind::Government if r >= Regime::L2025 => vec![
            "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;".into(),
        ],
        Kind::Government => vec![
            "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;".into(),
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;".into(),
        ],
        _ => vec![
            "Căn cứ Nghị định số 87/2017/NĐ-CP ngày 26 tháng 7 năm 2017 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tài chính;".into(),
        ],
    }
}

/// Swaps a sector law for the version in force on `date` (the topics name the 2015–2020 ones).
fn law_in_force(basis: &str, date: NaiveDate) -> String {
    let swaps: [(&str, NaiveDate, &str, NaiveDate, &str); 5] = [
        ("Luật Giá ngày 20 tháng 6 năm 2012", ymd(2013, 1, 1), "Pháp lệnh Giá ngày 26 tháng 4 năm 2002", ymd(2024, 7, 1), "Luật Giá ngày 19 tháng 6 năm 2023"),
        ("Luật Bảo vệ môi trường ngày 23 tháng 6 năm 2014", ymd(2015, 1, 1), "Luật Bảo vệ môi trường ngày 29 tháng 11 năm 2005", ymd(2022, 1, 1), "Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020"),
        ("Luật Giáo dục ngày 14 tháng 6 năm 2019", ymd(2020, 7, 1), "Luật Giáo dục ngày 14 tháng 6 năm 2005; Luật sửa đổi, bổ sung một số điều của Luật Giáo dục ngày 25 tháng 11 năm 2009", ymd(9999, 1, 1), ""),
        ("Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015", ymd(2017, 1, 1), "Luật Ngân sách nhà nước ngày 16 tháng 12 năm 2002", ymd(9999, 1, 1), ""),
        ("Luật Phí và lệ phí ngày 25 tháng 11 năm 2015", ymd(2017, 1, 1), "Pháp lệnh Phí và lệ phí ngày 28 tháng 8 năm 2001", ymd(9999, 1, 1), ""),
    ];
    for (name, from, older, until, newer) in swaps {
        if !basis.contains(name) {
            continue;
        }
        if date < from {
            return basis.replace(name, older);
        }
        if date >= until {
            return basis.replace(name, newer);
        }
    }
    basis.to_string()
}

fn effect_clause(kind: Kind, effect: &Effect) -> String {
    let own = match kind {
        Kind::Ubnd => "Quyết định",
        Kind::Hdnd => "Nghị quyết",
        Kind::Government => "Nghị định",
        Kind::Ministry => "Thông tư",
    };
    match effect {
        Effect::On(d) => format!("{own} này có hiệu lực từ {}.", vn_date(*d)),
        Effect::AfterDays(n) => {
            let event = if kind == Kind::Hdnd {
                "thông qua"
            } else {
                "ký"
            };
            format!("{own} này có hiệu lực thi hành sau {n} ngày, kể từ ngày {event}.")
        }
    }
}

use chrono::Datelike;

fn recipients(kind: Kind, place: &Place, date: NaiveDate, resp_article: usize) -> Vec<String> {
    let inspection_2025 = date >= ymd(2025, 3, 1);
    let mut r = vec![format!("- Như Điều {resp_article};")];
    match (kind, place.level) {
        (Kind::Government, _) => {
            r.extend(
                [
                    "- Ban Bí thư Trung ương Đảng;",
                    "- Thủ tướng, các Phó Thủ tướng Chính phủ;",
                    "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
                    "- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;",
                    "- Văn phòng Quốc hội;",
                    "- Bộ Tư pháp (Cục Kiểm tra văn bản quy phạm pháp luật);",
                    "- Công báo;",
                    "- Cổng Thông tin điện tử Chính phủ;",
                    "- Lưu: VT, KTTH.",
                ]
                .map(String::from),
            );
            r.remove(0);
        }
        (Kind::Ministry, _) => {
            r.extend(
                [
                    "- Văn phòng Chính phủ;",
                    "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
                    "- UBND các tỉnh, thành phố trực thuộc trung ương;",
                    "- Cục Kiểm tra văn bản QPPL - Bộ Tư pháp;",
                    "- Công báo;",
                    "- Cổng Thông tin điện tử Chính phủ;",
                    "- Cổng Thông tin điện tử Bộ Tài chính;",
                    "- Lưu: VT, Vụ CST.",
                ]
                .map(String::from),
            );
        }
        (_, Level::Province) => {
            if kind == Kind::Hdnd {
                r.clear();
                r.push("- Ủy ban Thường vụ Quốc hội;".into());
                r.push("- Chính phủ;".into());
            } else {
                r.push("- Văn phòng Chính phủ;".into());
            }
            r.push(if inspection_2025 {
                "- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính - Bộ Tư pháp;".into()
            } else {
                "- Cục Kiểm tra văn bản QPPL - Bộ Tư pháp;".into()
            });
            r.extend(
                [
                    "- Thường trực Tỉnh ủy;",
                    "- Thường trực HĐND tỉnh;",
                    "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
                    "- Sở Tư pháp;",
                    "- Công báo tỉnh;",
                    "- Cổng Thông tin điện tử tỉnh;",
                    "- Lưu: VT, KT.",
                ]
                .map(String::from),
            );
        }
        (_, _) => {
            if kind == Kind::Hdnd {
                r.clear();
                let upper_unit = if place.level == Level::District || date >= ymd(2025, 7, 1) {
                    "tỉnh"
                } else {
                    "huyện Tân Phú"
                };
                r.push(format!("- Thường trực HĐND, UBND {upper_unit};"));
            }
            let upper = if place.level == Level::District || date >= ymd(2025, 7, 1) {
                "- Sở Tư pháp tỉnh Bình An;"
            } else {
                "- Phòng Tư pháp huyện Tân Phú;"
            };
            r.push(upper.into());
            r.push(if place.level == Level::District {
                "- Thường trực Huyện ủy;".into()
            } else {
                "- Thường trực Đảng ủy xã;".into()
            });
            r.push(format!("- Trang thông tin điện tử {};", place.unit));
            r.push("- Lưu: VT.".into());
        }
    }
    r
}

fn build(spec: Spec) -> SampleDoc {
    let Spec {
        stem,
        format,
        kind,
        place,
        serial,
        date,
        effect,
        topic,
        head_signs,
        signer,
        description,
    } = spec;
    let year = date.year();
    let number = format!("{serial:02}/{year}/{}", symbol(kind));
    let r = regime(date);
    let issuer_lines: Vec<String> = match kind {
        Kind::Ubnd | Kind::Hdnd => vec![body_name(kind).into(), place.upper.into()],
        _ => vec![body_name(kind).into()],
    };
    let session = if date.year() >= 2021 {
        "KHÓA X"
    } else {
        "KHÓA IX"
    };
    let authority: Vec<String> = match kind {
        Kind::Ubnd if r < Regime::L2025 => vec![format!("ỦY BAN NHÂN DÂN {}", place.upper)],
        Kind::Hdnd => vec![
            format!("HỘI ĐỒNG NHÂN DÂN {}", place.upper),
            format!("{session}, KỲ HỌP THỨ {}", 4 + serial % 9),
        ],
        _ => Vec::new(),
    };
    let mut bases = match kind {
        Kind::Ubnd | Kind::Hdnd => local_bases(date),
        _ => central_bases(kind, date),
    };
    bases.extend(topic.sector_bases.iter().map(|b| law_in_force(b, date)));
    bases.push(topic.proposal.clone());
    let summary_sentence = {
        let s = topic.summary.join(" ");
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect::<String>(),
            None => String::new(),
        }
    };
    let enacting = match kind {
        Kind::Ubnd if r >= Regime::L2025 => {
            format!(
                "Ủy ban nhân dân {} ban hành Quyết định {summary_sentence}.",
                place.unit
            )
        }
        Kind::Hdnd if r >= Regime::L2025 => {
            format!(
                "Hội đồng nhân dân {} ban hành Nghị quyết {summary_sentence}.",
                place.unit
            )
        }
        Kind::Ubnd => "QUYẾT ĐỊNH:".into(),
        Kind::Hdnd => "QUYẾT NGHỊ:".into(),
        Kind::Government => format!("Chính phủ ban hành Nghị định {summary_sentence}."),
        Kind::Ministry => format!("Bộ trưởng Bộ Tài chính ban hành Thông tư {summary_sentence}."),
    };
    let mut body = topic.articles;
    let next = body
        .iter()
        .filter(|b| matches!(b, BodyItem::Article { .. }))
        .count()
        + 1;
    let clause = effect_clause(kind, &effect);
    let resp_article = match kind {
        Kind::Hdnd => {
            body.push(art_owned(
                format!("Điều {next}. Tổ chức thực hiện"),
                vec![
                    format!("1. Giao Ủy ban nhân dân {} tổ chức thực hiện Nghị quyết này.", place.unit),
                    format!("2. Giao Thường trực Hội đồng nhân dân {u}, các Ban của Hội đồng nhân dân {u}, các Tổ đại biểu và đại biểu Hội đồng nhân dân {u} giám sát việc thực hiện Nghị quyết này.", u = place.unit),
                ],
            ));
            body.push(art_owned(
                format!("Điều {}. Hiệu lực thi hành", next + 1),
                vec![clause],
            ));
            next
        }
        Kind::Ubnd => {
            body.push(art_owned(
                format!("Điều {next}. Hiệu lực thi hành"),
                vec![clause],
            ));
            let resp = match place.level {
                Level::Province => format!("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở, Thủ trưởng các ban, ngành thuộc Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân các {}; các cơ quan, tổ chức và cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.", if r >= Regime::L2025_87 { "xã, phường" } else { "huyện, thị xã, thành phố" }),
                Level::District => "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện; Trưởng các phòng, ban chuyên môn thuộc Ủy ban nhân dân huyện; Chủ tịch Ủy ban nhân dân các xã, thị trấn và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.".into(),
                _ => "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, các công chức chuyên môn thuộc Ủy ban nhân dân xã, Trưởng các thôn và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.".into(),
            };
            body.push(art_owned(
                format!("Điều {}. Trách nhiệm thi hành", next + 1),
                vec![resp],
            ));
            next + 1
        }
        Kind::Government => {
            body.push(art_owned(
                format!("Điều {next}. Hiệu lực thi hành"),
                vec![clause],
            ));
            body.push(art_owned(
                format!("Điều {}. Trách nhiệm thi hành", next + 1),
                vec!["Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị định này./.".into()],
            ));
            next + 1
        }
        Kind::Ministry => {
            body.push(art_owned(
                format!("Điều {next}. Hiệu lực thi hành và tổ chức thực hiện"),
                vec![
                    format!("1. {clause}"),
                    "2. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các cơ quan, tổ chức, cá nhân phản ánh về Bộ Tài chính để nghiên cứu, hướng dẫn bổ sung./.".to_string(),
                ],
            ));
            next
        }
    };
    let closing = (kind == Kind::Hdnd).then(|| {
        format!(
            "Nghị quyết này đã được Hội đồng nhân dân {} {}, Kỳ họp thứ {} thông qua {}./.",
            place.lower,
            if date.year() >= 2021 {
                "khóa X"
            } else {
                "khóa IX"
            },
            4 + serial % 9,
            vn_date(date)
        )
    });
    let signature_lines: Vec<String> = match (kind, head_signs) {
        (Kind::Ubnd, true) => vec!["TM. ỦY BAN NHÂN DÂN".into(), "CHỦ TỊCH".into()],
        (Kind::Ubnd, false) => vec![
            "TM. ỦY BAN NHÂN DÂN".into(),
            "KT. CHỦ TỊCH".into(),
            "PHÓ CHỦ TỊCH".into(),
        ],
        (Kind::Hdnd, _) => vec!["CHỦ TỊCH".into()],
        (Kind::Government, true) => vec!["TM. CHÍNH PHỦ".into(), "THỦ TƯỚNG".into()],
        (Kind::Government, false) => vec![
            "TM. CHÍNH PHỦ".into(),
            "KT. THỦ TƯỚNG".into(),
            "PHÓ THỦ TƯỚNG".into(),
        ],
        (Kind::Ministry, true) => vec!["BỘ TRƯỞNG".into()],
        (Kind::Ministry, false) => vec!["KT. BỘ TRƯỞNG".into(), "THỨ TRƯỞNG".into()],
    };
    let issuer = match kind {
        Kind::Ubnd | Kind::Hdnd => format!(
            "{} {}",
            body_lower(kind, &place).replace(&format!(" {}", place.unit), ""),
            place.lower
        ),
        _ => body_lower(kind, &place),
    };
    let doc_type = match kind {
        Kind::Ubnd => "Quyết định",
        Kind::Hdnd => "Nghị quyết",
        Kind::Government => "Nghị định",
        Kind::Ministry => "Thông tư",
    };
    let mut attachment = topic.attachment;
    if let Some(att) = attachment.as_mut() {
        att.reference = format!(
            "(Ban hành kèm theo Quyết định số {number} {} của {})",
            vn_date(date),
            issuer
        );
    }
    SampleDoc {
        stem: stem.to_string(),
        format,
        issuer_lines,
        number_line: format!("Số: {number}"),
        national_title: vec![
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
            "Độc lập - Tự do - Hạnh phúc".into(),
        ],
        date_line: format!("{}, {}", place.short, vn_date(date)),
        type_name: type_name(kind).into(),
        summary: topic.summary,
        authority,
        bases,
        enacting,
        standalone_headings: true,
        body,
        closing,
        signature: Signature {
            lines: signature_lines,
            name: signer.into(),
        },
        recipients: recipients(kind, &place, date, resp_article),
        attachment,
        meta: Meta {
            doc_type: doc_type.into(),
            issuer,
            level: place.level,
            issue_date: date,
            number,
            description: description.into(),
            defects: Vec::new(),
            expect: Vec::new(),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Topics

fn topic_roads(place: &Place) -> Topic {
    let att_items = vec![
        chapter("Chương I", "QUY ĐỊNH CHUNG"),
        art("Điều 1. Phạm vi điều chỉnh", &["Quy định này quy định việc phân cấp quản lý, bảo trì hệ thống đường tỉnh, đường huyện, đường xã, đường đô thị và đường chuyên dùng trên địa bàn tỉnh."]),
        art("Điều 2. Đối tượng áp dụng", &["Quy định này áp dụng đối với các cơ quan quản lý nhà nước, tổ chức, cá nhân có liên quan đến hoạt động quản lý, khai thác, sử dụng và bảo trì công trình đường bộ trên địa bàn tỉnh."]),
        chapter("Chương II", "PHÂN CẤP QUẢN LÝ"),
        art("Điều 3. Trách nhiệm của Sở Giao thông vận tải", &[
            "1. Quản lý, bảo trì hệ thống đường tỉnh và các tuyến quốc lộ được ủy thác quản lý.",
            "2. Hướng dẫn, kiểm tra Ủy ban nhân dân cấp huyện, cấp xã trong công tác quản lý, bảo trì đường bộ.",
            "3. Tổng hợp nhu cầu kinh phí bảo trì đường bộ hằng năm, gửi Sở Tài chính thẩm định, trình Ủy ban nhân dân tỉnh.",
        ]),
        art("Điều 4. Trách nhiệm của Ủy ban nhân dân cấp huyện", &[
            "1. Quản lý, bảo trì hệ thống đường huyện, đường đô thị được giao.",
            "2. Chỉ đạo Ủy ban nhân dân cấp xã quản lý đường xã, đường thôn, xóm và xử lý vi phạm hành lang an toàn đường bộ theo thẩm quyền.",
        ]),
        art("Điều 5. Trách nhiệm của Ủy ban nhân dân cấp xã", &[
            "1. Quản lý, bảo trì đường xã; huy động nhân dân tham gia bảo vệ công trình đường bộ.",
            "2. Phát hiện, ngăn chặn kịp thời các hành vi lấn chiếm, sử dụng trái phép đất dành cho đường bộ.",
        ]),
    ];
    Topic {
        summary: vec![
            "Ban hành Quy định phân cấp quản lý, bảo trì".into(),
            format!("hệ thống đường bộ trên địa bàn {}", place.lower),
        ],
        sector_bases: vec![
            "Căn cứ Luật Giao thông đường bộ ngày 13 tháng 11 năm 2008;".into(),
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;".into(),
        ],
        proposal: "Theo đề nghị của Giám đốc Sở Giao thông vận tải tại Tờ trình số 215/TTr-SGTVT ngày 18 tháng 3 năm 2022.".into(),
        articles: vec![art(
            "Điều 1. Ban hành Quy định",
            &["Ban hành kèm theo Quyết định này Quy định phân cấp quản lý, bảo trì hệ thống đường bộ trên địa bàn tỉnh Bình An."],
        )],
        attachment: Some(Attachment {
            kind: "QUY ĐỊNH".into(),
            title: vec![
                "Phân cấp quản lý, bảo trì hệ thống đường bộ".into(),
                "trên địa bàn tỉnh Bình An".into(),
            ],
            reference: String::new(),
            items: att_items,
        }),
    }
}

fn topic_waste(place: &Place, proposal: &str) -> Topic {
    Topic {
        summary: vec![
            "Quy định giá dịch vụ thu gom, vận chuyển".into(),
            format!("rác thải sinh hoạt trên địa bàn {}", place.lower),
        ],
        sector_bases: vec![
            "Căn cứ Luật Giá ngày 20 tháng 6 năm 2012;".into(),
            "Căn cứ Luật Bảo vệ môi trường ngày 23 tháng 6 năm 2014;".into(),
        ],
        proposal: proposal.into(),
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", &[
                &format!("1. Quyết định này quy định giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt sử dụng nguồn vốn ngân sách nhà nước trên địa bàn {}.", place.lower),
                "2. Quyết định này áp dụng đối với hộ gia đình, cá nhân, cơ quan, tổ chức có phát sinh rác thải sinh hoạt và đơn vị cung ứng dịch vụ thu gom, vận chuyển rác thải sinh hoạt.",
            ]),
            art("Điều 2. Mức giá dịch vụ", &[
                "1. Đối với hộ gia đình, cá nhân:",
                "a) Hộ gia đình ở khu vực đô thị: 30.000 đồng/hộ/tháng;",
                "b) Hộ gia đình ở khu vực nông thôn: 15.000 đồng/hộ/tháng;",
                "c) Hộ gia đình thuộc hộ nghèo, hộ cận nghèo được miễn.",
                "2. Đối với cơ quan, tổ chức, đơn vị sự nghiệp, cơ sở sản xuất, kinh doanh, dịch vụ: 180.000 đồng/m³ rác thải.",
                "3. Mức giá quy định tại khoản 1 và khoản 2 Điều này đã bao gồm thuế giá trị gia tăng.",
            ]),
            art("Điều 3. Tổ chức thu và quản lý tiền dịch vụ", &[
                "1. Đơn vị cung ứng dịch vụ trực tiếp thu tiền dịch vụ và sử dụng biên lai, hóa đơn theo quy định.",
                "2. Ủy ban nhân dân cấp xã phối hợp với đơn vị cung ứng dịch vụ tuyên truyền, vận động nhân dân thực hiện.",
            ]),
        ],
        attachment: None,
    }
}

fn topic_fee(place: &Place) -> Topic {
    Topic {
        summary: vec![
            "Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí".into(),
            format!("tham quan di tích lịch sử - văn hóa trên địa bàn {}", place.lower),
        ],
        sector_bases: vec![
            "Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;".into(),
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;".into(),
            "Căn cứ Nghị định số 120/2016/NĐ-CP ngày 23 tháng 8 năm 2016 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phí và lệ phí;".into(),
        ],
        proposal: format!("Xét Tờ trình số 96/TTr-UBND của Ủy ban nhân dân {}; Báo cáo thẩm tra của Ban Kinh tế - Ngân sách Hội đồng nhân dân {}; ý kiến thảo luận của đại biểu Hội đồng nhân dân {} tại kỳ họp.", place.unit, place.unit, place.unit),
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", &[
                &format!("1. Nghị quyết này quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí tham quan di tích lịch sử - văn hóa do {} quản lý.", place.lower),
                "2. Nghị quyết này áp dụng đối với tổ chức, cá nhân đến tham quan di tích; tổ chức thu phí và cơ quan, tổ chức, cá nhân có liên quan.",
            ]),
            art("Điều 2. Mức thu phí", &[
                "1. Người lớn: 20.000 đồng/người/lượt.",
                "2. Trẻ em từ đủ 06 tuổi đến dưới 16 tuổi, học sinh, sinh viên: 10.000 đồng/người/lượt.",
                "3. Các đối tượng được miễn, giảm:",
                "a) Miễn phí đối với trẻ em dưới 06 tuổi, người khuyết tật đặc biệt nặng;",
                "b) Giảm 50% mức phí đối với người cao tuổi, người hưởng chính sách như thương binh;",
                "c) Giảm 50% mức phí đối với người thuộc hộ nghèo, hộ cận nghèo.",
            ]),
            art("Điều 3. Quản lý và sử dụng phí", &[
                "1. Tổ chức thu phí được để lại 70% số tiền phí thu được để trang trải chi phí cho hoạt động cung cấp dịch vụ, thu phí.",
                "2. Số tiền phí còn lại 30% nộp vào ngân sách nhà nước theo chương, tiểu mục của Mục lục ngân sách nhà nước hiện hành.",
            ]),
        ],
        attachment: None,
    }
}

fn topic_tuition(place: &Place) -> Topic {
    Topic {
        summary: vec![
            "Quy định mức hỗ trợ học phí đối với trẻ em mầm non".into(),
            format!("và học sinh phổ thông trên địa bàn {}", place.lower),
        ],
        sector_bases: vec![
            "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;".into(),
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;".into(),
        ],
        proposal: format!("Xét Tờ trình số 142/TTr-UBND của Ủy ban nhân dân {}; Báo cáo thẩm tra của Ban Văn hóa - Xã hội Hội đồng nhân dân {}; ý kiến thảo luận của đại biểu Hội đồng nhân dân {} tại kỳ họp.", place.unit, place.unit, place.unit),
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh", &[&format!("Nghị quyết này quy định mức hỗ trợ học phí đối với trẻ em mầm non, học sinh phổ thông đang học tại các cơ sở giáo dục trên địa bàn {}.", place.lower)]),
            art("Điều 2. Đối tượng áp dụng", &[
                "1. Trẻ em mầm non, học sinh phổ thông có hộ khẩu thường trú trên địa bàn.",
                "2. Cơ sở giáo dục mầm non, cơ sở giáo dục phổ thông công lập và ngoài công lập.",
                "3. Cơ quan, tổ chức, cá nhân có liên quan.",
            ]),
            art("Điều 3. Mức hỗ trợ", &[
                "1. Hỗ trợ 100% học phí đối với trẻ em mầm non 05 tuổi.",
                "2. Hỗ trợ 50% học phí đối với học sinh trung học cơ sở.",
                "3. Kinh phí thực hiện do ngân sách địa phương bảo đảm theo phân cấp hiện hành.",
            ]),
        ],
        attachment: None,
    }
}

fn topic_culture_house(place: &Place, proposal: &str, delegating: &str) -> Topic {
    Topic {
        summary: vec![
            "Quy định về quản lý, sử dụng nhà văn hóa và khu thể thao".into(),
            format!("thôn, tổ dân phố trên địa bàn {}", place.lower),
        ],
        sector_bases: vec![delegating.into()],
        proposal: proposal.into(),
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", &[
                &format!("1. Quyết định này quy định về quản lý, sử dụng nhà văn hóa và khu thể thao thôn, tổ dân phố trên địa bàn {}.", place.lower),
                "2. Quyết định này áp dụng đối với Ban quản lý nhà văn hóa, Trưởng thôn, Tổ trưởng tổ dân phố và tổ chức, cá nhân sử dụng nhà văn hóa, khu thể thao.",
            ]),
            art("Điều 2. Nguyên tắc quản lý, sử dụng", &[
                "1. Nhà văn hóa và khu thể thao được sử dụng cho hoạt động sinh hoạt cộng đồng, văn hóa, văn nghệ, thể dục, thể thao của nhân dân.",
                "2. Không sử dụng nhà văn hóa vào mục đích kinh doanh, tổ chức cờ bạc và các hoạt động trái pháp luật.",
                "3. Việc huy động, sử dụng các khoản đóng góp tự nguyện phải công khai, minh bạch.",
            ]),
            art("Điều 3. Trách nhiệm của Trưởng thôn, Tổ trưởng tổ dân phố", &[
                "1. Xây dựng nội quy sử dụng nhà văn hóa, thông qua hội nghị thôn, tổ dân phố.",
                "2. Theo dõi, bảo quản tài sản; báo cáo Ủy ban nhân dân khi có hư hỏng.",
            ]),
        ],
        attachment: None,
    }
}

fn topic_decree() -> Topic {
    Topic {
        summary: vec![
            "Quy định về quản lý, sử dụng kinh phí hỗ trợ".into(),
            "bảo vệ và phát triển đất trồng lúa".into(),
        ],
        sector_bases: vec![
            "Căn cứ Luật Trồng trọt ngày 19 tháng 11 năm 2018;".into(),
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;".into(),
        ],
        proposal: "Theo đề nghị của Bộ trưởng Bộ Tài chính;".into(),
        articles: vec![
            chapter("Chương I", "QUY ĐỊNH CHUNG"),
            art("Điều 1. Phạm vi điều chỉnh", &["Nghị định này quy định về quản lý, sử dụng kinh phí hỗ trợ địa phương sản xuất lúa để bảo vệ và phát triển đất trồng lúa."]),
            art("Điều 2. Đối tượng áp dụng", &["Nghị định này áp dụng đối với cơ quan nhà nước, tổ chức, cá nhân có liên quan đến quản lý, sử dụng đất trồng lúa."]),
            chapter("Chương II", "HỖ TRỢ VÀ SỬ DỤNG KINH PHÍ"),
            art("Điều 3. Mức hỗ trợ", &[
                "1. Ngân sách trung ương hỗ trợ 1.500.000 đồng/ha/năm đối với đất chuyên trồng lúa.",
                "2. Ngân sách trung ương hỗ trợ 1.000.000 đồng/ha/năm đối với đất trồng lúa khác, trừ đất lúa nương được mở rộng tự phát không theo quy hoạch.",
            ]),
            art("Điều 4. Sử dụng kinh phí", &[
                "1. Kinh phí hỗ trợ được sử dụng để:",
                "a) Quy hoạch, xây dựng các vùng sản xuất lúa chất lượng cao;",
                "b) Đầu tư xây dựng, duy tu, bảo dưỡng các công trình hạ tầng nông nghiệp, nông thôn trên địa bàn xã;",
                "c) Khai hoang, phục hóa đất chưa sử dụng thành đất chuyên trồng lúa.",
                "2. Ủy ban nhân dân cấp tỉnh quyết định việc phân bổ kinh phí theo quy định của pháp luật về ngân sách nhà nước.",
            ]),
        ],
        attachment: None,
    }
}

fn topic_circular() -> Topic {
    Topic {
        summary: vec![
            "Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng".into(),
            "phí thẩm định cấp giấy phép hoạt động dịch vụ".into(),
        ],
        sector_bases: vec![
            "Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;".into(),
            "Căn cứ Nghị định số 120/2016/NĐ-CP ngày 23 tháng 8 năm 2016 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phí và lệ phí;".into(),
        ],
        proposal: "Theo đề nghị của Vụ trưởng Vụ Chính sách thuế;".into(),
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", &[
                "1. Thông tư này quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy phép hoạt động dịch vụ.",
                "2. Thông tư này áp dụng đối với người nộp phí, tổ chức thu phí và cơ quan, tổ chức, cá nhân có liên quan.",
            ]),
            art("Điều 2. Mức thu phí", &[
                "1. Thẩm định cấp mới giấy phép: 3.000.000 đồng/hồ sơ.",
                "2. Thẩm định cấp lại, điều chỉnh giấy phép: 1.500.000 đồng/hồ sơ.",
            ]),
            art("Điều 3. Quản lý và sử dụng phí", &[
                "1. Tổ chức thu phí nộp 100% số tiền phí thu được vào ngân sách nhà nước.",
                "2. Trường hợp tổ chức thu phí được khoán chi phí hoạt động từ nguồn thu phí thì được để lại 80% số tiền phí thu được.",
            ]),
        ],
        attachment: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers for defects

fn defect(doc: &mut SampleDoc, text: &str, rules: &[&'static str]) {
    doc.meta.defects.push(text.to_string());
    doc.meta.expect.extend_from_slice(rules);
}

/// Replaces the paragraphs of the article whose heading starts with `prefix`.
fn article_mut<'a>(
    doc: &'a mut SampleDoc,
    prefix: &str,
) -> Option<(&'a mut String, &'a mut Vec<String>)> {
    doc.body.iter_mut().find_map(|b| match b {
        BodyItem::Article { heading, paras } if heading.starts_with(prefix) => {
            Some((heading, paras))
        }
        _ => None,
    })
}

fn set_effect(doc: &mut SampleDoc, clause: &str) {
    let own = doc.meta.doc_type.clone();
    let needle = format!("{own} này có hiệu lực");
    for b in doc.body.iter_mut() {
        if let BodyItem::Article { paras, .. } = b {
            for p in paras.iter_mut() {
                if p.contains(&needle) {
                    let prefix = if p.starts_with("1. ") { "1. " } else { "" };
                    *p = format!("{prefix}{clause}");
                }
            }
        }
    }
}

fn ubnd_province_proposal(d: NaiveDate, dept: &str, n: u32) -> String {
    let before = d - chrono::Duration::days(12);
    format!(
        "Theo đề nghị của Giám đốc {dept} tại Tờ trình số {n}/TTr-{} {}.",
        match dept {
            "Sở Tài chính" => "STC",
            "Sở Tài nguyên và Môi trường" => "STNMT",
            "Sở Xây dựng" => "SXD",
            "Sở Nông nghiệp và Môi trường" => "SNNMT",
            "Sở Giao thông vận tải" => "SGTVT",
            _ => "SVHTTDL",
        },
        vn_date(before)
    )
}

/// Every sample document of `corpus/`, in a stable order.
pub fn sample_documents() -> Vec<SampleDoc> {
    let mut docs = Vec::new();
    clean_documents(&mut docs);
    defective_documents(&mut docs);
    docs
}

fn province_waste(
    stem: &'static str,
    format: Format,
    serial: u32,
    date: NaiveDate,
    effect: Effect,
    description: &'static str,
) -> SampleDoc {
    build(Spec {
        stem,
        format,
        kind: Kind::Ubnd,
        place: PROVINCE,
        serial,
        date,
        effect,
        topic: topic_waste(
            &PROVINCE,
            &ubnd_province_proposal(date, "Sở Tài chính", 100 + serial),
        ),
        head_signs: false,
        signer: "Trần Văn Bình",
        description,
    })
}

fn province_fee(
    stem: &'static str,
    format: Format,
    serial: u32,
    date: NaiveDate,
    effect: Effect,
    description: &'static str,
) -> SampleDoc {
    build(Spec {
        stem,
        format,
        kind: Kind::Hdnd,
        place: PROVINCE,
        serial,
        date,
        effect,
        topic: topic_fee(&PROVINCE),
        head_signs: true,
        signer: "Nguyễn Thị Hồng Lan",
        description,
    })
}

fn clean_documents(docs: &mut Vec<SampleDoc>) {
    // 1. Provincial decision with an attached regulation, L2015_2020.
    let d = ymd(2022, 4, 5);
    let mut roads = topic_roads(&PROVINCE);
    roads.proposal = ubnd_province_proposal(d, "Sở Giao thông vận tải", 215);
    docs.push(build(Spec {
        stem: "2022-qd-ubnd-tinh-binh-an-12-phan-cap-duong-bo",
        format: Format::Pdf,
        kind: Kind::Ubnd,
        place: PROVINCE,
        serial: 12,
        date: d,
        effect: Effect::On(ymd(2022, 4, 18)),
        topic: roads,
        head_signs: true,
        signer: "Lê Minh Quang",
        description: "Quyết định của UBND tỉnh ban hành kèm theo Quy định phân cấp quản lý, bảo trì đường bộ (Chương I–II); hiệu lực sau 13 ngày. Sạch.",
    }));
    // 2. Provincial HĐND resolution on a fee, L2015_2020.
    docs.push(province_fee(
        "2022-nq-hdnd-tinh-binh-an-08-phi-tham-quan-di-tich",
        Format::Pdf,
        8,
        ymd(2022, 7, 14),
        Effect::On(ymd(2022, 8, 1)),
        "Nghị quyết HĐND tỉnh quy định phí tham quan di tích; hiệu lực sau 18 ngày. Sạch.",
    ));
    // 3. District decision, L2015, delegating article cited.
    let d = ymd(2018, 9, 10);
    docs.push(build(Spec {
        stem: "2018-qd-ubnd-huyen-tan-phu-03-gia-thu-gom-rac",
        format: Format::Pdf,
        kind: Kind::Ubnd,
        place: DISTRICT,
        serial: 3,
        date: d,
        effect: Effect::On(ymd(2018, 9, 20)),
        topic: {
            let mut t = topic_waste(&DISTRICT, "Theo đề nghị của Trưởng phòng Tài chính - Kế hoạch huyện tại Tờ trình số 58/TTr-TCKH ngày 27 tháng 8 năm 2018.");
            t.sector_bases.insert(0, "Căn cứ Điều 30 Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;".into());
            t
        },
        head_signs: true,
        signer: "Phạm Văn Hùng",
        description: "Quyết định của UBND huyện (L2015) quy định giá dịch vụ thu gom rác; hiệu lực sau 10 ngày (tối thiểu 7). Sạch.",
    }));
    // 4. Commune decision after the two-tier reform, L2025_87.
    let d = ymd(2025, 9, 15);
    docs.push(build(Spec {
        stem: "2025-qd-ubnd-xa-tan-hoa-02-nha-van-hoa",
        format: Format::Docx,
        kind: Kind::Ubnd,
        place: COMMUNE,
        serial: 2,
        date: d,
        effect: Effect::On(ymd(2025, 10, 1)),
        topic: topic_culture_house(
            &COMMUNE,
            "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội xã tại Tờ trình số 21/TTr-VHXH ngày 04 tháng 9 năm 2025.",
            "Căn cứ Điều 22 Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025 được sửa đổi, bổ sung bởi Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025;",
        ),
        head_signs: true,
        signer: "Võ Thị Mai",
        description: "Quyết định của UBND xã (chính quyền hai cấp, L2025_87) về nhà văn hóa thôn; công thức ban hành kiểu 2025; hiệu lực sau 16 ngày. Sạch.",
    }));
    // 5. Commune HĐND resolution, L2025_87.
    let d = ymd(2025, 10, 20);
    docs.push(build(Spec {
        stem: "2025-nq-hdnd-xa-tan-hoa-04-ho-tro-hoc-phi",
        format: Format::Txt,
        kind: Kind::Hdnd,
        place: COMMUNE,
        serial: 4,
        date: d,
        effect: Effect::On(ymd(2025, 11, 1)),
        topic: {
            let mut t = topic_tuition(&COMMUNE);
            t.sector_bases.insert(0, "Căn cứ Điều 22 Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025 được sửa đổi, bổ sung bởi Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025;".into());
            t
        },
        head_signs: true,
        signer: "Đặng Văn Lộc",
        description: "Nghị quyết HĐND xã (L2025_87) hỗ trợ học phí; hiệu lực sau 12 ngày. Sạch.",
    }));
    // 6. Provincial decision, October 2025, bases of 2025.
    docs.push(province_waste(
        "2025-qd-ubnd-tinh-binh-an-128-gia-thu-gom-rac",
        Format::Pdf,
        128,
        ymd(2025, 10, 9),
        Effect::On(ymd(2025, 10, 20)),
        "Quyết định UBND tỉnh tháng 10/2025 (L2025_87): căn cứ Luật TCCQĐP 16/6/2025, Luật BHVBQPPL 19/02/2025 và Luật sửa đổi 25/6/2025; hiệu lực sau 11 ngày. Sạch.",
    ));
    // 7. Provincial HĐND resolution 2018, L2015.
    docs.push(build(Spec {
        stem: "2018-nq-hdnd-tinh-binh-an-05-ho-tro-hoc-phi",
        format: Format::Pdf,
        kind: Kind::Hdnd,
        place: PROVINCE,
        serial: 5,
        date: ymd(2018, 7, 19),
        effect: Effect::On(ymd(2018, 7, 29)),
        topic: topic_tuition(&PROVINCE),
        head_signs: true,
        signer: "Hoàng Văn Thái",
        description: "Nghị quyết HĐND tỉnh (L2015); hiệu lực đúng 10 ngày sau khi thông qua (biên HL-002). Sạch.",
    }));
    // 8. Provincial decision 2012 under L2004, relative effective clause.
    docs.push(province_waste(
        "2012-qd-ubnd-tinh-binh-an-29-gia-thu-gom-rac",
        Format::Txt,
        29,
        ymd(2012, 10, 19),
        Effect::AfterDays(10),
        "Quyết định UBND tỉnh năm 2012 (L2004): căn cứ Luật Tổ chức HĐND và UBND 2003 và Luật BHVBQPPL của HĐND, UBND 2004; hiệu lực sau 10 ngày kể từ ngày ký. Sạch.",
    ));
    // 9. District decision 2012, L2004, 7 days.
    docs.push(build(Spec {
        stem: "2012-qd-ubnd-huyen-tan-phu-06-nha-van-hoa",
        format: Format::Txt,
        kind: Kind::Ubnd,
        place: DISTRICT,
        serial: 6,
        date: ymd(2012, 5, 8),
        effect: Effect::AfterDays(7),
        topic: topic_culture_house(
            &DISTRICT,
            "Theo đề nghị của Trưởng phòng Văn hóa và Thông tin huyện tại Tờ trình số 19/TTr-VHTT ngày 25 tháng 4 năm 2012.",
            "Căn cứ Luật Ngân sách nhà nước ngày 16 tháng 12 năm 2002;",
        ),
        head_signs: false,
        signer: "Lý Văn Sơn",
        description: "Quyết định UBND huyện năm 2012 (L2004) về nhà văn hóa; hiệu lực sau 7 ngày kể từ ngày ký (tối thiểu cấp huyện). Sạch.",
    }));
    // 10. Government decree 2022.
    docs.push(build(Spec {
        stem: "2022-nd-cp-62-kinh-phi-dat-trong-lua",
        format: Format::Pdf,
        kind: Kind::Government,
        place: CENTRAL,
        serial: 62,
        date: ymd(2022, 9, 12),
        effect: Effect::On(ymd(2022, 11, 1)),
        topic: topic_decree(),
        head_signs: false,
        signer: "Trần Quốc Khải",
        description: "Nghị định của Chính phủ (L2015_2020) về kinh phí bảo vệ đất trồng lúa; hiệu lực sau 50 ngày. Sạch.",
    }));
    // 11. Ministry circular 2018.
    docs.push(build(Spec {
        stem: "2018-tt-btc-41-phi-tham-dinh-giay-phep",
        format: Format::Docx,
        kind: Kind::Ministry,
        place: CENTRAL,
        serial: 41,
        date: ymd(2018, 5, 4),
        effect: Effect::On(ymd(2018, 6, 20)),
        topic: topic_circular(),
        head_signs: false,
        signer: "Vũ Thị Mai",
        description: "Thông tư của Bộ Tài chính (L2015); căn cứ Nghị định về chức năng của Bộ; hiệu lực sau 47 ngày. Sạch.",
    }));
    // 12. Provincial decision May 2025, L2025 (original text).
    docs.push(province_waste(
        "2025-qd-ubnd-tinh-binh-an-45-gia-thu-gom-rac",
        Format::Pdf,
        45,
        ymd(2025, 5, 12),
        Effect::On(ymd(2025, 5, 23)),
        "Quyết định UBND tỉnh tháng 5/2025 (L2025): căn cứ Luật TCCQĐP và Luật BHVBQPPL ngày 19/02/2025; hiệu lực sau 11 ngày. Sạch.",
    ));
    // 13. Provincial HĐND resolution 2023.
    docs.push(build(Spec {
        stem: "2023-nq-hdnd-tinh-binh-an-11-ho-tro-hoc-phi",
        format: Format::Docx,
        kind: Kind::Hdnd,
        place: PROVINCE,
        serial: 11,
        date: ymd(2023, 12, 8),
        effect: Effect::On(ymd(2024, 1, 1)),
        topic: topic_tuition(&PROVINCE),
        head_signs: true,
        signer: "Nguyễn Thị Hồng Lan",
        description:
            "Nghị quyết HĐND tỉnh (L2015_2020) hỗ trợ học phí; hiệu lực từ 01/01/2024. Sạch.",
    }));
    // 14. Provincial decision 2020 (L2015, after the 2019 amendment took effect).
    let d = ymd(2020, 11, 16);
    let mut doc = province_waste(
        "2020-qd-ubnd-tinh-binh-an-33-gia-thu-gom-rac",
        Format::Txt,
        33,
        d,
        Effect::On(ymd(2020, 12, 1)),
        "Quyết định UBND tỉnh (L2015) thay thế đích danh quyết định cũ; hiệu lực sau 15 ngày. Sạch.",
    );
    if let Some((_, paras)) = article_mut(&mut doc, "Điều 4.") {
        paras.push("Quyết định này thay thế Quyết định số 07/2018/QĐ-UBND ngày 05 tháng 4 năm 2018 của Ủy ban nhân dân tỉnh Bình An quy định giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt trên địa bàn tỉnh.".into());
    }
    docs.push(doc);
}

fn defective_documents(docs: &mut Vec<SampleDoc>) {
    // HL-002: three days after signing.
    let mut doc = province_waste(
        "2022-qd-ubnd-tinh-binh-an-18-hieu-luc-3-ngay",
        Format::Pdf,
        18,
        ymd(2022, 6, 6),
        Effect::On(ymd(2022, 6, 9)),
        "Quyết định UBND tỉnh có hiệu lực chỉ 3 ngày sau khi ký.",
    );
    defect(&mut doc, "Hiệu lực từ 09/6/2022, ký 06/6/2022: 3 ngày < 10 ngày tối thiểu cấp tỉnh (L2015 Điều 151).", &["HL-002"]);
    docs.push(doc);

    // SK-003 + TG-002: number and day without leading zero.
    let d = ymd(2022, 3, 5);
    let mut doc = province_waste(
        "2022-qd-ubnd-tinh-binh-an-5-so-khong-co-so-0",
        Format::Pdf,
        5,
        d,
        Effect::On(ymd(2022, 3, 21)),
        "Quyết định UBND tỉnh: số thứ tự và ngày viết thiếu số 0.",
    );
    doc.number_line = "Số: 5/2022/QĐ-UBND".into();
    doc.date_line = "Bình An, ngày 5 tháng 3 năm 2022".into();
    defect(
        &mut doc,
        "Số ký hiệu `5/2022/QĐ-UBND` thiếu số 0 trước số thứ tự nhỏ hơn 10.",
        &["SK-003"],
    );
    defect(
        &mut doc,
        "Dòng ngày `ngày 5 tháng 3 năm 2022` thiếu số 0 trước ngày nhỏ hơn 10.",
        &["TG-002"],
    );
    docs.push(doc);

    // SK-004: year in number differs from issue year.
    let mut doc = province_waste(
        "2023-qd-ubnd-tinh-binh-an-01-nam-trong-so-sai",
        Format::Txt,
        1,
        ymd(2023, 1, 3),
        Effect::On(ymd(2023, 1, 16)),
        "Quyết định UBND tỉnh ký đầu năm 2023 nhưng số ký hiệu mang năm 2022.",
    );
    doc.number_line = "Số: 01/2022/QĐ-UBND".into();
    doc.meta.number = "01/2022/QĐ-UBND".into();
    defect(
        &mut doc,
        "Năm trong số ký hiệu (2022) khác năm ban hành (2023).",
        &["SK-004"],
    );
    docs.push(doc);

    // CK-001 + CK-002: signed TL. by the chief of office.
    let mut doc = province_waste(
        "2024-qd-ubnd-tinh-binh-an-14-ky-thua-lenh",
        Format::Pdf,
        14,
        ymd(2024, 4, 8),
        Effect::On(ymd(2024, 4, 20)),
        "Quyết định UBND tỉnh do Chánh Văn phòng ký thừa lệnh Chủ tịch.",
    );
    doc.signature = Signature {
        lines: vec!["TL. CHỦ TỊCH".into(), "CHÁNH VĂN PHÒNG".into()],
        name: "Đỗ Quốc Khánh".into(),
    };
    defect(
        &mut doc,
        "Ký `TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG`: VBQPPL không được ký thừa lệnh.",
        &["CK-001"],
    );
    defect(
        &mut doc,
        "Khối chữ ký thiếu `TM. ỦY BAN NHÂN DÂN`.",
        &["CK-002"],
    );
    docs.push(doc);

    // NN-001: no recipients.
    let mut doc = province_fee(
        "2021-nq-hdnd-tinh-binh-an-06-thieu-noi-nhan",
        Format::Docx,
        6,
        ymd(2021, 6, 29),
        Effect::On(ymd(2021, 7, 10)),
        "Nghị quyết HĐND tỉnh không có phần Nơi nhận.",
    );
    doc.recipients.clear();
    defect(&mut doc, "Không có khối `Nơi nhận:`.", &["NN-001"]);
    docs.push(doc);

    // BC-001 + BC-003: Điều 1, 2, 4 and khoản 1, 2, 2.
    let mut doc = province_waste(
        "2022-qd-ubnd-tinh-binh-an-21-danh-so-dieu-khoan-sai",
        Format::Pdf,
        21,
        ymd(2022, 8, 15),
        Effect::On(ymd(2022, 8, 26)),
        "Quyết định UBND tỉnh đánh số điều và khoản sai.",
    );
    if let Some((heading, _)) = article_mut(&mut doc, "Điều 3.") {
        *heading = heading.replacen("Điều 3.", "Điều 4.", 1);
    }
    if let Some((heading, _)) = article_mut(&mut doc, "Điều 5.") {
        *heading = heading.replacen("Điều 5.", "Điều 6.", 1);
    }
    if let Some((heading, _)) = article_mut(&mut doc, "Điều 4. Hiệu") {
        *heading = heading.replacen("Điều 4.", "Điều 5.", 1);
    }
    if let Some((_, paras)) = article_mut(&mut doc, "Điều 2.") {
        if let Some(p) = paras.iter_mut().find(|p| p.starts_with("3. ")) {
            *p = p.replacen("3. ", "2. ", 1);
        }
    }
    doc.recipients[0] = "- Như Điều 6;".into();
    defect(
        &mut doc,
        "Các điều đánh số 1, 2, 4, 5, 6 (thiếu Điều 3).",
        &["BC-001"],
    );
    defect(&mut doc, "Khoản trong Điều 2 đánh số 1, 2, 2.", &["BC-003"]);
    docs.push(doc);

    // BC-004 + BC-005: points a, b, d and bullets inside a point.
    let mut doc = province_fee(
        "2023-nq-hdnd-tinh-binh-an-09-diem-va-gach-dau-dong",
        Format::Txt,
        9,
        ymd(2023, 7, 12),
        Effect::On(ymd(2023, 8, 1)),
        "Nghị quyết HĐND tỉnh: điểm đánh a, b, d và gạch đầu dòng trong điểm.",
    );
    if let Some((_, paras)) = article_mut(&mut doc, "Điều 2.") {
        if let Some(p) = paras.iter_mut().find(|p| p.starts_with("c) ")) {
            *p = p.replacen("c) ", "d) ", 1);
        }
        if let Some(i) = paras.iter().position(|p| p.starts_with("b) ")) {
            paras[i] = "b) Giảm 50% mức phí đối với các đối tượng sau:".into();
            paras.insert(i + 1, "- Người cao tuổi;".into());
            paras.insert(i + 2, "- Người hưởng chính sách như thương binh.".into());
        }
    }
    defect(
        &mut doc,
        "Điểm trong khoản 3 Điều 2 đánh a), b), d) (bỏ c).",
        &["BC-004"],
    );
    defect(
        &mut doc,
        "Điểm b) khoản 3 Điều 2 chia ý bằng gạch đầu dòng.",
        &["BC-005"],
    );
    docs.push(doc);

    // TT-001 + TG-005: motto misspelt; closing date differs.
    let mut doc = province_fee(
        "2022-nq-hdnd-tinh-binh-an-15-tieu-ngu-sai",
        Format::Pdf,
        15,
        ymd(2022, 12, 9),
        Effect::On(ymd(2023, 1, 1)),
        "Nghị quyết HĐND tỉnh: tiêu ngữ viết hoa sai; ngày thông qua ở dòng kết khác dòng ngày.",
    );
    doc.national_title[1] = "Độc lập - Tự do - Hạnh Phúc".into();
    if let Some(c) = doc.closing.as_mut() {
        *c = c.replace("ngày 09 tháng 12 năm 2022", "ngày 08 tháng 12 năm 2022");
    }
    defect(
        &mut doc,
        "Tiêu ngữ `Độc lập - Tự do - Hạnh Phúc` (viết hoa chữ Phúc).",
        &["TT-001"],
    );
    defect(
        &mut doc,
        "Dòng kết ghi thông qua ngày 08/12/2022, dòng ngày ghi 09/12/2022.",
        &["TG-005"],
    );
    docs.push(doc);

    // SD-001: blanket repeal.
    let mut doc = province_waste(
        "2019-qd-ubnd-tinh-binh-an-24-bai-bo-chung-chung",
        Format::Docx,
        24,
        ymd(2019, 6, 3),
        Effect::On(ymd(2019, 6, 15)),
        "Quyết định UBND tỉnh có điều khoản bãi bỏ chung chung.",
    );
    if let Some((_, paras)) = article_mut(&mut doc, "Điều 4.") {
        paras.push("Những quy định trước đây của Ủy ban nhân dân tỉnh trái với Quyết định này đều bị bãi bỏ.".into());
    }
    defect(&mut doc, "Câu `Những quy định trước đây … trái với Quyết định này đều bị bãi bỏ` không nêu văn bản bị bãi bỏ.", &["SD-001"]);
    docs.push(doc);

    // HT-003: district decision after 01/07/2025.
    let d = ymd(2025, 8, 20);
    let mut doc = build(Spec {
        stem: "2025-qd-ubnd-huyen-tan-phu-04-cap-huyen-da-bai-bo",
        format: Format::Pdf,
        kind: Kind::Ubnd,
        place: DISTRICT,
        serial: 4,
        date: d,
        effect: Effect::On(ymd(2025, 9, 1)),
        topic: topic_waste(&DISTRICT, "Theo đề nghị của Trưởng phòng Tài chính - Kế hoạch huyện tại Tờ trình số 77/TTr-TCKH ngày 08 tháng 8 năm 2025."),
        head_signs: true,
        signer: "Phạm Văn Hùng",
        description: "Quyết định của UBND huyện ký sau ngày cấp huyện chấm dứt hoạt động (01/7/2025).",
    });
    defect(&mut doc, "UBND cấp huyện ban hành VBQPPL ngày 20/8/2025, khi cấp huyện không còn thẩm quyền (chính quyền địa phương hai cấp).", &["HT-003"]);
    docs.push(doc);

    // HT-001: normative Chỉ thị dated 2019.
    let d = ymd(2019, 8, 2);
    let mut doc = province_waste(
        "2019-ct-ubnd-tinh-binh-an-03-chi-thi-chua-qppl",
        Format::Txt,
        3,
        d,
        Effect::On(ymd(2019, 8, 15)),
        "Chỉ thị của UBND tỉnh năm 2019 chứa quy phạm (mức thu), ban hành như VBQPPL.",
    );
    doc.type_name = "CHỈ THỊ".into();
    doc.number_line = "Số: 03/2019/CT-UBND".into();
    doc.meta.number = "03/2019/CT-UBND".into();
    doc.meta.doc_type = "Chỉ thị".into();
    doc.summary = vec![
        "Về mức thu tiền dịch vụ thu gom, vận chuyển rác thải sinh hoạt".into(),
        "trên địa bàn tỉnh Bình An".into(),
    ];
    doc.authority.clear();
    doc.bases.pop();
    doc.enacting = "Để thống nhất mức thu tiền dịch vụ thu gom, vận chuyển rác thải sinh hoạt trên địa bàn tỉnh, Ủy ban nhân dân tỉnh chỉ thị:".into();
    doc.body = vec![art_owned(String::new(), vec![
        "1. Hộ gia đình ở khu vực đô thị nộp 30.000 đồng/hộ/tháng; hộ gia đình ở khu vực nông thôn nộp 15.000 đồng/hộ/tháng.".into(),
        "2. Cơ quan, tổ chức, cơ sở sản xuất, kinh doanh nộp 180.000 đồng/m³ rác thải.".into(),
        "3. Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức thu và chịu trách nhiệm thực hiện Chỉ thị này.".into(),
        "4. Chỉ thị này có hiệu lực thi hành từ ngày 15 tháng 8 năm 2019./.".into(),
    ])];
    doc.recipients[0] = "- UBND các huyện, thị xã, thành phố;".into();
    defect(&mut doc, "Chỉ thị mang số `03/2019/CT-UBND` có nội dung quy phạm sau 01/7/2016: Chỉ thị không còn là loại VBQPPL.", &["HT-001"]);
    docs.push(doc);

    // CC-003: expired bases in October 2025.
    let mut doc = province_waste(
        "2025-qd-ubnd-tinh-binh-an-131-can-cu-het-hieu-luc",
        Format::Pdf,
        131,
        ymd(2025, 10, 10),
        Effect::On(ymd(2025, 10, 25)),
        "Quyết định UBND tỉnh tháng 10/2025 vẫn căn cứ các luật đã hết hiệu lực.",
    );
    let stale = local_bases(ymd(2022, 1, 1));
    let _replaced: Vec<String> = doc.bases.splice(0..2, stale).collect();
    defect(&mut doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015 (hết hiệu lực 01/3/2025) và Luật Ban hành VBQPPL ngày 22/6/2015 (hết hiệu lực 01/4/2025) trong văn bản ký 10/10/2025.", &["CC-003"]);
    docs.push(doc);

    // CC-004: basis issued after the document.
    let mut doc = province_waste(
        "2024-qd-ubnd-tinh-binh-an-09-can-cu-ban-hanh-sau",
        Format::Txt,
        9,
        ymd(2024, 3, 12),
        Effect::On(ymd(2024, 3, 25)),
        "Quyết định UBND tỉnh căn cứ một nghị định ban hành sau ngày ký quyết định.",
    );
    doc.bases.insert(4, "Căn cứ Nghị định số 25/2024/NĐ-CP ngày 20 tháng 4 năm 2024 của Chính phủ quy định chi tiết một số điều về giá dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt;".into());
    defect(
        &mut doc,
        "Căn cứ Nghị định ngày 20/4/2024 trong văn bản ký 12/3/2024.",
        &["CC-004"],
    );
    docs.push(doc);

    // CC-002: administrative letter cited as basis.
    let mut doc = province_waste(
        "2021-qd-ubnd-tinh-binh-an-17-can-cu-cong-van",
        Format::Docx,
        17,
        ymd(2021, 5, 17),
        Effect::On(ymd(2021, 6, 1)),
        "Quyết định UBND tỉnh lấy công văn hành chính làm căn cứ ban hành.",
    );
    doc.bases.insert(4, "Căn cứ Công văn số 1234/BTC-QLG ngày 12 tháng 3 năm 2021 của Bộ Tài chính về việc hướng dẫn định giá dịch vụ thu gom, vận chuyển rác thải;".into());
    defect(
        &mut doc,
        "Căn cứ Công văn số 1234/BTC-QLG (văn bản hành chính, không phải VBQPPL).",
        &["CC-002"],
    );
    docs.push(doc);

    // CC-001: no bases at all (CC-006, no competence basis, is subsumed: reported once as CC-001).
    let mut doc = province_waste(
        "2022-qd-ubnd-tinh-binh-an-27-khong-co-can-cu",
        Format::Pdf,
        27,
        ymd(2022, 10, 3),
        Effect::On(ymd(2022, 10, 15)),
        "Quyết định UBND tỉnh không có phần căn cứ ban hành.",
    );
    doc.bases.clear();
    doc.authority.clear();
    defect(
        &mut doc,
        "Không có dòng `Căn cứ` nào: sau trích yếu là ngay `QUYẾT ĐỊNH:`.",
        &["CC-001"],
    );
    docs.push(doc);

    // CC-006: bases cite the sector laws but not the law that gives UBND its competence.
    let mut doc = province_waste(
        "2022-qd-ubnd-tinh-binh-an-29-thieu-can-cu-tham-quyen",
        Format::Txt,
        29,
        ymd(2022, 10, 10),
        Effect::On(ymd(2022, 10, 25)),
        "Quyết định UBND tỉnh có căn cứ ngành nhưng không căn cứ luật về thẩm quyền.",
    );
    doc.bases.retain(|b| !b.contains("chính quyền địa phương"));
    defect(
        &mut doc,
        "Không căn cứ Luật Tổ chức chính quyền địa phương (căn cứ về thẩm quyền của UBND).",
        &["CC-006"],
    );
    docs.push(doc);

    // ND-002: TCVN3 text of a district decision.
    let mut doc = build(Spec {
        stem: "2012-qd-ubnd-huyen-tan-phu-09-ma-tcvn3",
        format: Format::TxtTcvn3,
        kind: Kind::Ubnd,
        place: DISTRICT,
        serial: 9,
        date: ymd(2012, 11, 5),
        effect: Effect::AfterDays(7),
        topic: topic_culture_house(
            &DISTRICT,
            "Theo đề nghị của Trưởng phòng Văn hóa và Thông tin huyện tại Tờ trình số 44/TTr-VHTT ngày 22 tháng 10 năm 2012.",
            "Căn cứ Luật Ngân sách nhà nước ngày 16 tháng 12 năm 2002;",
        ),
        head_signs: true,
        signer: "Phạm Văn Hùng",
        description: "Quyết định UBND huyện năm 2012 lưu ở mã TCVN3 (ABC, .VnTime); nội dung không có lỗi khác.",
    });
    defect(
        &mut doc,
        "Tệp văn bản mã hóa TCVN3 (byte 0xA0–0xFF), không phải Unicode; chữ hoa có dấu mất hoa.",
        &["ND-002"],
    );
    docs.push(doc);

    // ND-002: VNI text of a provincial resolution.
    let mut doc = province_fee(
        "2014-nq-hdnd-tinh-binh-an-12-ma-vni",
        Format::TxtVni,
        12,
        ymd(2014, 12, 11),
        Effect::AfterDays(10),
        "Nghị quyết HĐND tỉnh năm 2014 lưu ở mã VNI-Windows; nội dung không có lỗi khác.",
    );
    doc.bases = local_bases(ymd(2014, 12, 11));
    doc.bases.extend([
        "Căn cứ Pháp lệnh Phí và lệ phí ngày 28 tháng 8 năm 2001;".to_string(),
        "Căn cứ Luật Ngân sách nhà nước ngày 16 tháng 12 năm 2002;".to_string(),
        "Xét Tờ trình số 96/TTr-UBND của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.".to_string(),
    ]);
    defect(
        &mut doc,
        "Tệp văn bản mã hóa VNI-Windows (ký tự gốc + byte dấu), không phải Unicode.",
        &["ND-002"],
    );
    docs.push(doc);

    // TG-003: numeric date.
    let mut doc = province_waste(
        "2022-qd-ubnd-tinh-binh-an-07-ngay-dang-so",
        Format::Pdf,
        7,
        ymd(2022, 3, 5),
        Effect::On(ymd(2022, 3, 18)),
        "Quyết định UBND tỉnh ghi ngày ban hành dạng số.",
    );
    doc.date_line = "Bình An, 05/3/2022".into();
    defect(
        &mut doc,
        "Dòng địa danh, ngày ghi `Bình An, 05/3/2022` thay vì `ngày 05 tháng 3 năm 2022`.",
        &["TG-003"],
    );
    docs.push(doc);

    // HL-002 + CK-001 central: circular effective after 30 days, signed TL.
    let mut doc = build(Spec {
        stem: "2023-tt-btc-19-hieu-luc-30-ngay-ky-thua-lenh",
        format: Format::Pdf,
        kind: Kind::Ministry,
        place: CENTRAL,
        serial: 19,
        date: ymd(2023, 3, 24),
        effect: Effect::On(ymd(2023, 4, 24)),
        topic: topic_circular(),
        head_signs: false,
        signer: "Nguyễn Văn Phúc",
        description: "Thông tư Bộ Tài chính có hiệu lực sau 31 ngày và do Vụ trưởng ký thừa lệnh.",
    });
    doc.signature.lines = vec![
        "TL. BỘ TRƯỞNG".into(),
        "VỤ TRƯỞNG VỤ CHÍNH SÁCH THUẾ".into(),
    ];
    defect(
        &mut doc,
        "Hiệu lực 24/4/2023, ký 24/3/2023: 31 ngày < 45 ngày tối thiểu với văn bản trung ương.",
        &["HL-002"],
    );
    defect(&mut doc, "Ký `TL. BỘ TRƯỞNG / VỤ TRƯỞNG …`.", &["CK-001"]);
    docs.push(doc);

    // SK-006: HĐND header with -UBND symbol.
    let mut doc = build(Spec {
        stem: "2019-nq-hdnd-tinh-binh-an-06-ky-hieu-co-quan-sai",
        format: Format::Txt,
        kind: Kind::Hdnd,
        place: PROVINCE,
        serial: 6,
        date: ymd(2019, 7, 12),
        effect: Effect::On(ymd(2019, 7, 25)),
        topic: topic_tuition(&PROVINCE),
        head_signs: true,
        signer: "Hoàng Văn Thái",
        description: "Nghị quyết HĐND tỉnh mang ký hiệu cơ quan của UBND.",
    });
    doc.number_line = "Số: 06/2019/NQ-UBND".into();
    doc.meta.number = "06/2019/NQ-UBND".into();
    defect(
        &mut doc,
        "Cơ quan ban hành là HĐND nhưng ký hiệu là `NQ-UBND`.",
        &["SK-006"],
    );
    docs.push(doc);

    // SK-005 + NN-002 + NN-003: type abbreviation wrong; recipients minimal.
    let mut doc = province_waste(
        "2023-qd-ubnd-tinh-binh-an-11-ky-hieu-loai-sai",
        Format::Docx,
        11,
        ymd(2023, 9, 4),
        Effect::On(ymd(2023, 9, 15)),
        "Quyết định UBND tỉnh mang ký hiệu loại `NQ`; nơi nhận thiếu cơ quan kiểm tra và Công báo.",
    );
    doc.number_line = "Số: 11/2023/NQ-UBND".into();
    doc.meta.number = "11/2023/NQ-UBND".into();
    doc.recipients = vec!["- Như Điều 5;".into(), "- Lưu: VT, KT.".into()];
    defect(
        &mut doc,
        "Tên loại QUYẾT ĐỊNH nhưng ký hiệu loại `NQ`.",
        &["SK-005"],
    );
    defect(
        &mut doc,
        "Nơi nhận chỉ có `Như Điều 5; Lưu: VT, KT.`: thiếu Bộ Tư pháp/Sở Tư pháp.",
        &["NN-002"],
    );
    defect(
        &mut doc,
        "Nơi nhận thiếu Công báo, Cổng thông tin điện tử.",
        &["NN-003"],
    );
    docs.push(doc);

    // HL-001: no effective clause.
    let mut doc = province_waste(
        "2021-qd-ubnd-tinh-binh-an-30-thieu-hieu-luc",
        Format::Pdf,
        30,
        ymd(2021, 11, 22),
        Effect::On(ymd(2021, 12, 5)),
        "Quyết định UBND tỉnh không có điều khoản hiệu lực.",
    );
    doc.body.retain(|b| !matches!(b, BodyItem::Article { heading, .. } if heading.contains("Hiệu lực thi hành")));
    if let Some((heading, _)) = article_mut(&mut doc, "Điều 5.") {
        *heading = "Điều 4. Trách nhiệm thi hành".into();
    }
    doc.recipients[0] = "- Như Điều 4;".into();
    defect(
        &mut doc,
        "Không có câu `… có hiệu lực …` ở bất kỳ điều nào.",
        &["HL-001"],
    );
    docs.push(doc);

    // HL-004: retroactive application.
    let mut doc = build(Spec {
        stem: "2023-nq-hdnd-tinh-binh-an-14-ap-dung-hoi-to",
        format: Format::Txt,
        kind: Kind::Hdnd,
        place: PROVINCE,
        serial: 14,
        date: ymd(2023, 12, 8),
        effect: Effect::On(ymd(2023, 12, 20)),
        topic: topic_tuition(&PROVINCE),
        head_signs: true,
        signer: "Nguyễn Thị Hồng Lan",
        description: "Nghị quyết HĐND tỉnh áp dụng mức hỗ trợ trở về trước.",
    });
    set_effect(&mut doc, "Nghị quyết này có hiệu lực từ ngày 20 tháng 12 năm 2023; mức hỗ trợ quy định tại Điều 3 được áp dụng từ ngày 01 tháng 9 năm 2023.");
    defect(&mut doc, "Mức hỗ trợ áp dụng từ 01/9/2023, trước ngày thông qua 08/12/2023 (hồi tố; VBQPPL địa phương không được hồi tố).", &["HL-004"]);
    docs.push(doc);

    // HL-005: impossible effective date.
    let mut doc = province_waste(
        "2023-qd-ubnd-tinh-binh-an-04-ngay-hieu-luc-khong-ton-tai",
        Format::Txt,
        4,
        ymd(2023, 2, 10),
        Effect::On(ymd(2023, 3, 1)),
        "Quyết định UBND tỉnh ghi ngày hiệu lực không tồn tại.",
    );
    set_effect(
        &mut doc,
        "Quyết định này có hiệu lực từ ngày 29 tháng 02 năm 2023.",
    );
    defect(
        &mut doc,
        "Ngày hiệu lực 29/02/2023 không tồn tại (2023 không nhuận).",
        &["HL-005"],
    );
    docs.push(doc);

    // HL-003: effect counted from gazette publication.
    let mut doc = province_waste(
        "2019-qd-ubnd-tinh-binh-an-16-hieu-luc-theo-cong-bao",
        Format::Pdf,
        16,
        ymd(2019, 4, 22),
        Effect::On(ymd(2019, 5, 6)),
        "Quyết định UBND tỉnh tính hiệu lực từ ngày đăng Công báo.",
    );
    set_effect(
        &mut doc,
        "Quyết định này có hiệu lực sau 15 ngày kể từ ngày đăng Công báo tỉnh.",
    );
    defect(
        &mut doc,
        "Hiệu lực `sau 15 ngày kể từ ngày đăng Công báo tỉnh`: mốc không xác định được từ văn bản.",
        &["HL-003"],
    );
    docs.push(doc);

    // HL-007: takes effect before its basis.
    let mut doc = province_waste(
        "2025-qd-ubnd-tinh-binh-an-19-hieu-luc-truoc-can-cu",
        Format::Pdf,
        19,
        ymd(2025, 3, 20),
        Effect::On(ymd(2025, 3, 31)),
        "Quyết định UBND tỉnh ký 20/3/2025, hiệu lực 31/3/2025, căn cứ Luật BHVBQPPL 2025 (hiệu lực 01/4/2025).",
    );
    doc.bases[1] =
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;".into();
    defect(&mut doc, "Căn cứ Luật Ban hành VBQPPL ngày 19/02/2025 có hiệu lực 01/4/2025, sau ngày hiệu lực của quyết định (31/3/2025).", &["HL-007"]);
    docs.push(doc);

    // HT-002: a department issues a normative decision.
    let mut doc = province_waste(
        "2022-qd-so-tai-chinh-binh-an-02-khong-tham-quyen",
        Format::Txt,
        2,
        ymd(2022, 2, 14),
        Effect::On(ymd(2022, 3, 1)),
        "Quyết định của Sở Tài chính mang số VBQPPL: Sở không có thẩm quyền ban hành VBQPPL.",
    );
    doc.issuer_lines = vec!["UBND TỈNH BÌNH AN".into(), "SỞ TÀI CHÍNH".into()];
    doc.number_line = "Số: 02/2022/QĐ-STC".into();
    doc.meta.number = "02/2022/QĐ-STC".into();
    doc.meta.issuer = "Sở Tài chính tỉnh Bình An".into();
    doc.authority = vec!["GIÁM ĐỐC SỞ TÀI CHÍNH TỈNH BÌNH AN".into()];
    doc.bases.truncate(doc.bases.len() - 1);
    doc.bases
        .push("Theo đề nghị của Trưởng phòng Quản lý giá và công sản.".into());
    if let Some((_, paras)) = article_mut(&mut doc, "Điều 5.") {
        paras[0] = "Chánh Văn phòng Sở, Trưởng các phòng thuộc Sở Tài chính và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.".into();
    }
    doc.recipients = vec![
        "- Như Điều 5;".into(),
        "- UBND tỉnh (để báo cáo);".into(),
        "- Sở Tư pháp;".into(),
        "- Cổng Thông tin điện tử tỉnh;".into(),
        "- Lưu: VT, QLG.".into(),
    ];
    doc.signature = Signature {
        lines: vec!["GIÁM ĐỐC".into()],
        name: "Trịnh Văn Long".into(),
    };
    defect(&mut doc, "Sở Tài chính ban hành Quyết định số `02/2022/QĐ-STC` quy định mức giá: Sở không có thẩm quyền ban hành VBQPPL.", &["HT-002"]);
    docs.push(doc);

    // HT-004 + SK-002: administrative number with normative content.
    let mut doc = province_waste(
        "2021-qd-ubnd-tinh-binh-an-215-so-hanh-chinh-chua-qppl",
        Format::Docx,
        215,
        ymd(2021, 8, 16),
        Effect::On(ymd(2021, 9, 1)),
        "Quyết định UBND tỉnh quy định mức giá (quy phạm) nhưng mang số văn bản hành chính không có năm.",
    );
    doc.number_line = "Số: 215/QĐ-UBND".into();
    doc.meta.number = "215/QĐ-UBND".into();
    defect(&mut doc, "Số `215/QĐ-UBND` không có năm: văn bản hành chính nhưng có phạm vi điều chỉnh, đối tượng áp dụng, mức giá và điều khoản hiệu lực.", &["HT-004"]);
    defect(
        &mut doc,
        "Quyết định của UBND (loại VBQPPL) có số không mang năm.",
        &["SK-002"],
    );
    docs.push(doc);

    // HT-005: normative number used for an individual act.
    let mut doc = province_waste(
        "2023-qd-ubnd-tinh-binh-an-21-noi-dung-ca-biet",
        Format::Pdf,
        21,
        ymd(2023, 6, 19),
        Effect::On(ymd(2023, 7, 1)),
        "Quyết định UBND tỉnh mang số VBQPPL nhưng nội dung cá biệt (phê duyệt dự toán).",
    );
    doc.summary = vec![
        "Về việc phê duyệt dự toán xây dựng".into(),
        "Trường Tiểu học Tân Hòa, huyện Tân Phú".into(),
    ];
    doc.body[0] = art("Điều 1. Phê duyệt dự toán", &[
        "Phê duyệt dự toán xây dựng công trình Trường Tiểu học Tân Hòa, huyện Tân Phú với tổng giá trị 12.500.000.000 đồng.",
    ]);
    doc.body[1] = art(
        "Điều 2. Chủ đầu tư",
        &["Giao Ủy ban nhân dân huyện Tân Phú làm chủ đầu tư, tổ chức thực hiện theo quy định."],
    );
    doc.body[2] = art(
        "Điều 3. Nguồn vốn",
        &["Nguồn vốn ngân sách tỉnh hỗ trợ có mục tiêu năm 2023."],
    );
    defect(&mut doc, "Số `21/2023/QĐ-UBND` (VBQPPL) cho quyết định `Về việc phê duyệt dự toán` một công trình (văn bản cá biệt).", &["HT-005"]);
    docs.push(doc);

    // CC-008: wrong date of a cited law.
    let mut doc = province_waste(
        "2021-qd-ubnd-tinh-binh-an-26-ngay-luat-can-cu-sai",
        Format::Txt,
        26,
        ymd(2021, 9, 20),
        Effect::On(ymd(2021, 10, 1)),
        "Quyết định UBND tỉnh ghi sai ngày thông qua của luật làm căn cứ.",
    );
    doc.bases[1] = doc.bases[1].replace("ngày 18 tháng 6 năm 2020", "ngày 14 tháng 6 năm 2020");
    defect(
        &mut doc,
        "Luật sửa đổi Luật Ban hành VBQPPL ghi `ngày 14 tháng 6 năm 2020` (đúng là 18/6/2020).",
        &["CC-008"],
    );
    docs.push(doc);

    // CC-005: the UBND cites its own earlier decision as a basis.
    let mut doc = province_waste(
        "2022-qd-ubnd-tinh-binh-an-31-can-cu-van-ban-cung-cap",
        Format::Pdf,
        31,
        ymd(2022, 11, 7),
        Effect::On(ymd(2022, 11, 20)),
        "Quyết định UBND tỉnh sửa đổi quyết định cũ và lấy chính quyết định cũ làm căn cứ.",
    );
    doc.summary = vec![
        "Sửa đổi, bổ sung một số điều của Quyết định số 07/2018/QĐ-UBND".into(),
        "ngày 05 tháng 4 năm 2018 của Ủy ban nhân dân tỉnh Bình An".into(),
    ];
    doc.bases.insert(4, "Căn cứ Quyết định số 07/2018/QĐ-UBND ngày 05 tháng 4 năm 2018 của Ủy ban nhân dân tỉnh Bình An quy định giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt trên địa bàn tỉnh;".into());
    let _removed: Vec<BodyItem> = doc.body.drain(0..3).collect();
    doc.body.insert(
        0,
        art(
            "Điều 1. Sửa đổi, bổ sung một số điều của Quyết định số 07/2018/QĐ-UBND",
            &[
                "1. Sửa đổi, bổ sung điểm a khoản 1 Điều 2 như sau:",
                "“a) Hộ gia đình ở khu vực đô thị: 35.000 đồng/hộ/tháng;”",
                "2. Sửa đổi, bổ sung điểm b khoản 1 Điều 2 như sau:",
                "“b) Hộ gia đình ở khu vực nông thôn: 18.000 đồng/hộ/tháng;”",
            ],
        ),
    );
    for (i, b) in doc.body.iter_mut().enumerate().skip(1) {
        if let BodyItem::Article { heading, .. } = b {
            if let Some(dot) = heading.find('.') {
                *heading = format!("Điều {}{}", i + 1, &heading[dot..]);
            }
        }
    }
    doc.recipients[0] = "- Như Điều 3;".into();
    defect(
        &mut doc,
        "Căn cứ Quyết định số 07/2018/QĐ-UBND của chính UBND tỉnh (cùng cấp hiệu lực).",
        &["CC-005"],
    );
    docs.push(doc);

    // CK-003: KT. CHỦ TỊCH followed by CHỦ TỊCH.
    let mut doc = province_waste(
        "2024-qd-ubnd-tinh-binh-an-22-ky-thay-sai-chuc-vu",
        Format::Docx,
        22,
        ymd(2024, 7, 15),
        Effect::On(ymd(2024, 8, 1)),
        "Quyết định UBND tỉnh: dòng ký thay không khớp chức vụ người ký.",
    );
    doc.signature.lines = vec![
        "TM. ỦY BAN NHÂN DÂN".into(),
        "KT. CHỦ TỊCH".into(),
        "CHỦ TỊCH".into(),
    ];
    defect(
        &mut doc,
        "`KT. CHỦ TỊCH` nhưng chức vụ dưới là `CHỦ TỊCH` (phải là PHÓ CHỦ TỊCH).",
        &["CK-003"],
    );
    docs.push(doc);

    // CK-004: HĐND resolution signed on behalf of the standing committee by a vice-chair.
    let mut doc = province_fee(
        "2020-nq-hdnd-tinh-binh-an-10-chu-ky-hdnd-sai-mau",
        Format::Txt,
        10,
        ymd(2020, 7, 10),
        Effect::On(ymd(2020, 7, 22)),
        "Nghị quyết HĐND tỉnh ký `TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN / PHÓ CHỦ TỊCH`.",
    );
    doc.signature = Signature {
        lines: vec![
            "TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN".into(),
            "PHÓ CHỦ TỊCH".into(),
        ],
        name: "Lê Thị Thu".into(),
    };
    defect(&mut doc, "Khối chữ ký `TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN` / `PHÓ CHỦ TỊCH` (không có KT. CHỦ TỊCH) sai mẫu nghị quyết HĐND.", &["CK-004"]);
    docs.push(doc);

    // TT-002 + TT-003: abbreviated issuer, no summary title.
    let mut doc = province_waste(
        "2022-qd-ubnd-tinh-binh-an-33-viet-tat-thieu-trich-yeu",
        Format::Pdf,
        33,
        ymd(2022, 12, 12),
        Effect::On(ymd(2022, 12, 26)),
        "Quyết định UBND tỉnh: tên cơ quan viết tắt, thiếu trích yếu.",
    );
    doc.issuer_lines = vec!["UBND TỈNH BÌNH AN".into()];
    doc.summary.clear();
    doc.authority.clear();
    defect(
        &mut doc,
        "Tên cơ quan ban hành viết tắt `UBND TỈNH BÌNH AN`.",
        &["TT-002"],
    );
    defect(
        &mut doc,
        "Sau tên loại `QUYẾT ĐỊNH` là ngay `Căn cứ …`, không có trích yếu.",
        &["TT-003"],
    );
    docs.push(doc);

    // SK-001 + TG-001: unfilled number and date.
    let mut doc = province_fee(
        "2024-nq-hdnd-tinh-binh-an-so-ngay-bo-trong",
        Format::Txt,
        16,
        ymd(2024, 12, 10),
        Effect::On(ymd(2025, 1, 1)),
        "Nghị quyết HĐND tỉnh còn để trống số và ngày (bản phát hành chưa điền).",
    );
    doc.number_line = "Số:    /2024/NQ-HĐND".into();
    doc.date_line = "Bình An, ngày    tháng 12 năm 2024".into();
    doc.meta.number = "/2024/NQ-HĐND".into();
    defect(&mut doc, "Số để trống `Số:    /2024/NQ-HĐND`.", &["SK-001"]);
    defect(
        &mut doc,
        "Ngày để trống `ngày    tháng 12 năm 2024`.",
        &["TG-001"],
    );
    docs.push(doc);

    // BC-006 + BC-007: chapters in Arabic numerals; attachment reference date mismatch.
    let d = ymd(2024, 4, 8);
    let mut roads = topic_roads(&PROVINCE);
    roads.proposal = "Theo đề nghị của Giám đốc Sở Giao thông vận tải tại Tờ trình số 88/TTr-SGTVT ngày 26 tháng 3 năm 2024.".into();
    let mut doc = build(Spec {
        stem: "2024-qd-ubnd-tinh-binh-an-12-quy-dinh-kem-theo-sai",
        format: Format::Pdf,
        kind: Kind::Ubnd,
        place: PROVINCE,
        serial: 12,
        date: d,
        effect: Effect::On(ymd(2024, 4, 20)),
        topic: roads,
        head_signs: false,
        signer: "Trần Văn Bình",
        description: "Quyết định UBND tỉnh kèm Quy định: chương đánh số Ả Rập; dòng `Ban hành kèm theo` ghi sai ngày.",
    });
    if let Some(att) = doc.attachment.as_mut() {
        att.reference = att
            .reference
            .replace("ngày 08 tháng 4 năm 2024", "ngày 04 tháng 8 năm 2024");
        for item in att.items.iter_mut() {
            if let BodyItem::Chapter { number, .. } = item {
                *number = number
                    .replace("Chương II", "Chương 2")
                    .replace("Chương I", "Chương 1");
            }
        }
    }
    defect(
        &mut doc,
        "Quy định kèm theo đánh số `Chương 1`, `Chương 2` (phải là số La Mã).",
        &["BC-006"],
    );
    defect(&mut doc, "Dòng `(Ban hành kèm theo Quyết định số 12/2024/QĐ-UBND ngày 04 tháng 8 năm 2024 …)` khác ngày của quyết định (08/4/2024).", &["BC-007"]);
    docs.push(doc);

    // HT-003: commune decision in the L2025 window (communes had no normative power).
    let d = ymd(2025, 5, 20);
    let mut doc = build(Spec {
        stem: "2025-qd-ubnd-xa-tan-hoa-01-cap-xa-chua-co-tham-quyen",
        format: Format::Txt,
        kind: Kind::Ubnd,
        place: COMMUNE,
        serial: 1,
        date: d,
        effect: Effect::On(ymd(2025, 6, 2)),
        topic: topic_culture_house(
            &COMMUNE,
            "Theo đề nghị của công chức Văn hóa - Xã hội xã tại Tờ trình số 09/TTr-VHXH ngày 12 tháng 5 năm 2025.",
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
        ),
        head_signs: true,
        signer: "Võ Thị Mai",
        description: "Quyết định UBND xã mang số VBQPPL ký 20/5/2025, khi Luật BHVBQPPL 2025 (bản gốc) không cho cấp xã ban hành VBQPPL.",
    });
    defect(
        &mut doc,
        "VBQPPL cấp xã ngày 20/5/2025 (01/4–30/6/2025: cấp xã không có quyền ban hành VBQPPL).",
        &["HT-003"],
    );
    docs.push(doc);

    // TT-004: abbreviation in an article heading (2025: error).
    let mut doc = build(Spec {
        stem: "2025-nq-hdnd-xa-tan-hoa-07-viet-tat-trong-ten-dieu",
        format: Format::Pdf,
        kind: Kind::Hdnd,
        place: COMMUNE,
        serial: 7,
        date: ymd(2025, 11, 14),
        effect: Effect::On(ymd(2025, 12, 1)),
        topic: {
            let mut t = topic_tuition(&COMMUNE);
            t.sector_bases.insert(0, "Căn cứ Điều 22 Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025 được sửa đổi, bổ sung bởi Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025;".into());
            t
        },
        head_signs: true,
        signer: "Đặng Văn Lộc",
        description: "Nghị quyết HĐND xã năm 2025 dùng chữ viết tắt trong tên điều.",
    });
    if let Some((heading, paras)) = article_mut(&mut doc, "Điều 4.") {
        *heading = "Điều 4. Trách nhiệm của UBND xã".into();
        paras[0] = "1. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này.".into();
    }
    defect(
        &mut doc,
        "Tên điều `Điều 4. Trách nhiệm của UBND xã` có chữ viết tắt (cấm từ 01/4/2025).",
        &["TT-004"],
    );
    docs.push(doc);

    // Government decree 2025 (clean, central, L2025_87) placed here to keep file order stable.
    docs.push(build(Spec {
        stem: "2025-nd-cp-287-kinh-phi-dat-trong-lua",
        format: Format::Txt,
        kind: Kind::Government,
        place: CENTRAL,
        serial: 287,
        date: ymd(2025, 11, 5),
        effect: Effect::On(ymd(2025, 12, 25)),
        topic: topic_decree(),
        head_signs: true,
        signer: "Nguyễn Hữu Toàn",
        description: "Nghị định của Chính phủ (L2025_87): căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 và Luật BHVBQPPL số 64/2025/QH15 sửa đổi bởi Luật số 87/2025/QH15; hiệu lực sau 50 ngày. Sạch.",
    }));
}
