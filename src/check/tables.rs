//! Tables A, B and C of RULES.md (§2–§4) as data: who may issue what under each regime, the
//! number-and-symbol abbreviations, and the minimum gap before entry into force. Rules read these
//! tables instead of carrying their own conditions.

use crate::parse::{DocType, IssuerKind, Level, Regime};
use chrono::NaiveDate;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Whether a (type, issuer) pair is a VBQPPL in one regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allow {
    Yes,
    No,
    /// Table A says no, but only on secondary or recalled sources: report as a warning.
    NoUnconfirmed,
}

/// One row of Table A.
#[derive(Debug, Clone, Copy)]
pub struct Competence {
    pub doc_type: DocType,
    pub issuer: IssuerKind,
    /// `None` = any level.
    pub level: Option<Level>,
    /// One entry per regime, at [`Regime::index`].
    pub allowed: [Allow; Regime::COUNT],
    /// Table A row number, for messages.
    pub row: u8,
}

use Allow::{No, NoUnconfirmed as NoU, Yes};

const ALL: [Allow; Regime::COUNT] = [Yes; Regime::COUNT];

/// Table A (RULES.md §2). A (type, issuer) pair absent from this table is not a VBQPPL pairing at
/// all (HT-002); a pair present with `No` in the regime's column is outside the system at that
/// date (HT-001 for types abolished, HT-003 for levels without normative power).
#[rustfmt::skip]
pub static COMPETENCE: &[Competence] = &[
    Competence { doc_type: DocType::HienPhap, issuer: IssuerKind::QuocHoi, level: None, allowed: ALL, row: 1 },
    Competence { doc_type: DocType::BoLuat, issuer: IssuerKind::QuocHoi, level: None, allowed: ALL, row: 1 },
    Competence { doc_type: DocType::Luat, issuer: IssuerKind::QuocHoi, level: None, allowed: ALL, row: 1 },
    Competence { doc_type: DocType::NghiQuyet, issuer: IssuerKind::QuocHoi, level: None, allowed: ALL, row: 1 },
    Competence { doc_type: DocType::PhapLenh, issuer: IssuerKind::UyBanThuongVuQuocHoi, level: None, allowed: ALL, row: 2 },
    Competence { doc_type: DocType::NghiQuyet, issuer: IssuerKind::UyBanThuongVuQuocHoi, level: None, allowed: ALL, row: 2 },
    Competence { doc_type: DocType::NghiQuyetLienTich, issuer: IssuerKind::UyBanThuongVuQuocHoi, level: None, allowed: ALL, row: 3 },
    Competence { doc_type: DocType::Lenh, issuer: IssuerKind::ChuTichNuoc, level: None, allowed: ALL, row: 4 },
    Competence { doc_type: DocType::QuyetDinh, issuer: IssuerKind::ChuTichNuoc, level: None, allowed: ALL, row: 4 },
    Competence { doc_type: DocType::NghiDinh, issuer: IssuerKind::ChinhPhu, level: None, allowed: ALL, row: 5 },
    Competence { doc_type: DocType::NghiQuyet, issuer: IssuerKind::ChinhPhu, level: None, allowed: [Yes, Yes, Yes, NoU, NoU, Yes, Yes], row: 6 },
    Competence { doc_type: DocType::NghiQuyetLienTich, issuer: IssuerKind::ChinhPhu, level: None, allowed: ALL, row: 7 },
    Competence { doc_type: DocType::QuyetDinh, issuer: IssuerKind::ThuTuong, level: None, allowed: ALL, row: 8 },
    Competence { doc_type: DocType::NghiQuyet, issuer: IssuerKind::ToaAnNhanDanToiCao, level: None, allowed: ALL, row: 9 },
    Competence { doc_type: DocType::ThongTu, issuer: IssuerKind::ToaAnNhanDanToiCao, level: None, allowed: ALL, row: 10 },
    Competence { doc_type: DocType::ThongTu, issuer: IssuerKind::VienKiemSatNhanDanToiCao, level: None, allowed: ALL, row: 10 },
    Competence { doc_type: DocType::ThongTu, issuer: IssuerKind::Bo, level: None, allowed: ALL, row: 10 },
    Competence { doc_type: DocType::ThongTu, issuer: IssuerKind::CoQuanNgangBo, level: None, allowed: ALL, row: 10 },
    // Before 01/01/2009 the 1996 law (as amended in 2002) also listed the minister's Quyết định
    // (and Chỉ thị, judged by HT-001) among VBQPPL; Table A's row 10 starts with L2008 [R].
    Competence { doc_type: DocType::QuyetDinh, issuer: IssuerKind::Bo, level: None, allowed: [Yes, Yes, No, No, No, No, No], row: 10 },
    Competence { doc_type: DocType::QuyetDinh, issuer: IssuerKind::CoQuanNgangBo, level: None, allowed: [Yes, Yes, No, No, No, No, No], row: 10 },
    Competence { doc_type: DocType::QuyetDinh, issuer: IssuerKind::KiemToanNhaNuoc, level: None, allowed: [Yes, Yes, Yes, Yes, NoU, No, No], row: 11 },
    Competence { doc_type: DocType::ThongTu, issuer: IssuerKind::KiemToanNhaNuoc, level: None, allowed: [NoU, NoU, NoU, NoU, Yes, Yes, Yes], row: 11 },
    Competence { doc_type: DocType::ThongTuLienTich, issuer: IssuerKind::Bo, level: None, allowed: ALL, row: 13 },
    Competence { doc_type: DocType::ThongTuLienTich, issuer: IssuerKind::CoQuanNgangBo, level: None, allowed: ALL, row: 13 },
    Competence { doc_type: DocType::ThongTuLienTich, issuer: IssuerKind::ToaAnNhanDanToiCao, level: None, allowed: ALL, row: 13 },
    Competence { doc_type: DocType::ThongTuLienTich, issuer: IssuerKind::VienKiemSatNhanDanToiCao, level: None, allowed: ALL, row: 13 },
    Competence { doc_type: DocType::NghiQuyet, issuer: IssuerKind::HoiDongNhanDan, level: Some(Level::Province), allowed: ALL, row: 14 },
    Competence { doc_type: DocType::QuyetDinh, issuer: IssuerKind::UyBanNhanDan, level: Some(Level::Province), allowed: ALL, row: 15 },
    Competence { doc_type: DocType::ChiThi, issuer: IssuerKind::UyBanNhanDan, level: None, allowed: [Yes, Yes, Yes, No, No, No, No], row: 16 },
    Competence { doc_type: DocType::QuyetDinh, issuer: IssuerKind::ChuTichUyBanNhanDan, level: Some(Level::Province), allowed: [No, No, No, No, No, No, Yes], row: 17 },
    Competence { doc_type: DocType::NghiQuyet, issuer: IssuerKind::HoiDongNhanDan, level: Some(Level::District), allowed: [Yes, Yes, Yes, Yes, Yes, Yes, NoU], row: 19 },
    Competence { doc_type: DocType::QuyetDinh, issuer: IssuerKind::UyBanNhanDan, level: Some(Level::District), allowed: [Yes, Yes, Yes, Yes, Yes, Yes, NoU], row: 20 },
    Competence { doc_type: DocType::NghiQuyet, issuer: IssuerKind::HoiDongNhanDan, level: Some(Level::Commune), allowed: [Yes, Yes, Yes, Yes, Yes, No, Yes], row: 21 },
    Competence { doc_type: DocType::QuyetDinh, issuer: IssuerKind::UyBanNhanDan, level: Some(Level::Commune), allowed: [Yes, Yes, Yes, Yes, Yes, No, Yes], row: 22 },
];

/// Outcome of looking a (type, issuer, level, regime) up in Table A.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompetenceVerdict {
    /// A lawful VBQPPL pairing on that date.
    Lawful,
    /// The pairing exists in Table A but not in this regime.
    NotInRegime { allow: Allow, row: u8 },
    /// No row of Table A pairs this type with this issuer (at this level).
    NoSuchPairing,
    /// Level unknown and the type/issuer pair depends on it: cannot decide.
    Undecided,
}

/// Look a pairing up in Table A.
pub fn competence(
    doc_type: DocType,
    issuer: IssuerKind,
    level: Level,
    regime: Regime,
) -> CompetenceVerdict {
    let rows: Vec<&Competence> = COMPETENCE
        .iter()
        .filter(|c| c.doc_type == doc_type && c.issuer == issuer)
        .collect();
    if rows.is_empty() {
        return CompetenceVerdict::NoSuchPairing;
    }
    let row = rows
        .iter()
        .find(|c| c.level.is_none() || c.level == Some(level));
    match row {
        Some(c) => match c.allowed[regime.index()] {
            Allow::Yes => CompetenceVerdict::Lawful,
            allow => CompetenceVerdict::NotInRegime { allow, row: c.row },
        },
        None if level == Level::Unknown => CompetenceVerdict::Undecided,
        None => CompetenceVerdict::NoSuchPairing,
    }
}

/// Document types that are never VBQPPL (administrative forms), whatever the date (HT-001).
pub const NEVER_NORMATIVE: &[DocType] = &[
    DocType::KeHoach,
    DocType::HuongDan,
    DocType::ThongBao,
    DocType::CongVan,
];

/// Table B §3.2: expected issuer element of the symbol for an issuer kind. `None` = not checked
/// (ministries are matched by name in [`MINISTRIES`]; others vary).
pub fn issuer_abbreviations(kind: IssuerKind) -> Option<&'static [&'static str]> {
    match kind {
        IssuerKind::HoiDongNhanDan => Some(&["HĐND"]),
        // Decisions of the chair of a provincial UBND (from 01/07/2025) have no confirmed symbol;
        // both forms are accepted.
        IssuerKind::UyBanNhanDan | IssuerKind::ChuTichUyBanNhanDan => {
            Some(&["UBND", "CT", "CTUBND"])
        }
        IssuerKind::ChinhPhu => Some(&["CP"]),
        IssuerKind::ThuTuong => Some(&["TTg"]),
        IssuerKind::ChuTichNuoc => Some(&["CTN"]),
        IssuerKind::ToaAnNhanDanToiCao => Some(&["TANDTC", "HĐTP"]),
        IssuerKind::VienKiemSatNhanDanToiCao => Some(&["VKSNDTC"]),
        IssuerKind::KiemToanNhaNuoc => Some(&["KTNN"]),
        _ => None,
    }
}

/// A ministry or ministerial-level agency: header name, symbol initials and, when dissolved in
/// the 2025 restructuring (Nghị quyết 176/2025/QH15), the last day it could issue.
#[derive(Debug, Clone, Copy)]
pub struct Ministry {
    pub name: &'static str,
    pub initials: &'static str,
    pub last_day: Option<(i32, u32, u32)>,
}

const DISSOLVED_2025: Option<(i32, u32, u32)> = Some((2025, 2, 28));

/// Ministries (RULES.md §2 note and §3.2). Names are matched against the upper-cased header.
#[rustfmt::skip]
pub static MINISTRIES: &[Ministry] = &[
    Ministry { name: "BỘ TÀI CHÍNH", initials: "BTC", last_day: None },
    Ministry { name: "BỘ TƯ PHÁP", initials: "BTP", last_day: None },
    Ministry { name: "BỘ CÔNG THƯƠNG", initials: "BCT", last_day: None },
    Ministry { name: "BỘ Y TẾ", initials: "BYT", last_day: None },
    Ministry { name: "BỘ GIÁO DỤC VÀ ĐÀO TẠO", initials: "BGDĐT", last_day: None },
    Ministry { name: "BỘ NỘI VỤ", initials: "BNV", last_day: None },
    Ministry { name: "BỘ CÔNG AN", initials: "BCA", last_day: None },
    Ministry { name: "BỘ QUỐC PHÒNG", initials: "BQP", last_day: None },
    Ministry { name: "BỘ NGOẠI GIAO", initials: "BNG", last_day: None },
    Ministry { name: "BỘ XÂY DỰNG", initials: "BXD", last_day: None },
    Ministry { name: "BỘ KHOA HỌC VÀ CÔNG NGHỆ", initials: "BKHCN", last_day: None },
    Ministry { name: "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", initials: "BVHTTDL", last_day: None },
    Ministry { name: "BỘ VĂN HOÁ, THỂ THAO VÀ DU LỊCH", initials: "BVHTTDL", last_day: None },
    Ministry { name: "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", initials: "NHNN", last_day: None },
    Ministry { name: "THANH TRA CHÍNH PHỦ", initials: "TTCP", last_day: None },
    Ministry { name: "VĂN PHÒNG CHÍNH PHỦ", initials: "VPCP", last_day: None },
    Ministry { name: "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", initials: "BNNMT", last_day: None },
    Ministry { name: "BỘ DÂN TỘC VÀ TÔN GIÁO", initials: "BDTTG", last_day: None },
    Ministry { name: "BỘ KẾ HOẠCH VÀ ĐẦU TƯ", initials: "BKHĐT", last_day: DISSOLVED_2025 },
    Ministry { name: "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", initials: "BLĐTBXH", last_day: DISSOLVED_2025 },
    Ministry { name: "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", initials: "BTNMT", last_day: DISSOLVED_2025 },
    Ministry { name: "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", initials: "BNNPTNT", last_day: DISSOLVED_2025 },
    Ministry { name: "BỘ THÔNG TIN VÀ TRUYỀN THÔNG", initials: "BTTTT", last_day: DISSOLVED_2025 },
    Ministry { name: "BỘ GIAO THÔNG VẬN TẢI", initials: "BGTVT", last_day: DISSOLVED_2025 },
    Ministry { name: "ỦY BAN DÂN TỘC", initials: "UBDT", last_day: DISSOLVED_2025 },
];

impl Ministry {
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.last_day.map(|(y, m, d)| ymd(y, m, d))
    }
}

/// The ministry whose initials are `abbr` (exact, after `Đ`/`D` folding).
pub fn ministry_by_initials(abbr: &str) -> Option<&'static Ministry> {
    let key = fold_d(abbr);
    MINISTRIES.iter().find(|m| fold_d(m.initials) == key)
}

/// The ministry named in an upper-cased header line.
pub fn ministry_by_name(header_upper: &str) -> Option<&'static Ministry> {
    let h = header_upper.replace(['–', '—'], "-");
    MINISTRIES
        .iter()
        .filter(|m| h.contains(m.name))
        .max_by_key(|m| m.name.len())
}

pub fn fold_d(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'Đ' | 'Ð' => 'D',
            'đ' => 'd',
            c => c,
        })
        .collect()
}

/// Table B §3.3: legislature (khóa) of the National Assembly and the years its symbols may carry.
/// `QH14` in 2016 and `QH15` in 2021 are accepted (the legislature changed mid-year).
pub static LEGISLATURES: &[(u32, i32, i32)] = &[
    (11, 2002, 2007),
    (12, 2007, 2011),
    (13, 2011, 2016),
    (14, 2016, 2021),
    (15, 2021, 2026),
];

/// Whether `QH<khoa>` / `UBTVQH<khoa>` is possible in `year`; `None` when the khóa is not in the
/// table (unknown, e.g. XVI whose start is unconfirmed).
pub fn khoa_fits_year(khoa: u32, year: i32) -> Option<bool> {
    LEGISLATURES
        .iter()
        .find(|&&(k, _, _)| k == khoa)
        .map(|&(_, from, to)| year >= from && year <= to)
}

/// One row of Table C: minimum days between issue and entry into force, per level.
#[derive(Debug, Clone, Copy)]
pub struct MinGap {
    pub regime: Regime,
    /// `None`: not computable from the text (counted from publication in the Công báo).
    pub central: Option<u32>,
    pub province: u32,
    pub district: u32,
    pub commune: u32,
    /// Citation for messages.
    pub basis: &'static str,
}

/// Table C (RULES.md §4, §7 `min_gap_days`).
#[rustfmt::skip]
pub static MIN_GAPS: &[MinGap] = &[
    MinGap { regime: Regime::Pre2005, central: None, province: 10, district: 7, commune: 5, basis: "Luật BHVBQPPL 1996/2002" },
    MinGap { regime: Regime::L2004L1996, central: None, province: 10, district: 7, commune: 5, basis: "Điều 51 Luật 31/2004/QH11" },
    MinGap { regime: Regime::L2008L2004, central: Some(45), province: 10, district: 7, commune: 5, basis: "Điều 78 Luật 17/2008/QH12; Điều 51 Luật 31/2004/QH11" },
    MinGap { regime: Regime::L2015, central: Some(45), province: 10, district: 7, commune: 7, basis: "Điều 151 Luật 80/2015/QH13" },
    MinGap { regime: Regime::L2015_2020, central: Some(45), province: 10, district: 7, commune: 7, basis: "Điều 151 Luật 80/2015/QH13 (sửa đổi bởi Luật 63/2020/QH14)" },
    MinGap { regime: Regime::L2025, central: Some(45), province: 10, district: 10, commune: 10, basis: "khoản 1 Điều 53 Luật 64/2025/QH15" },
    MinGap { regime: Regime::L2025_87, central: Some(45), province: 10, district: 10, commune: 10, basis: "khoản 1 Điều 53 Luật 64/2025/QH15" },
];

/// Minimum gap in days for a regime and level; `None` when not computable.
pub fn min_gap(regime: Regime, level: Level) -> Option<(u32, &'static str)> {
    let row = MIN_GAPS.iter().find(|g| g.regime == regime)?;
    let days = match level {
        Level::Central => row.central?,
        Level::Province => row.province,
        Level::District => row.district,
        Level::Commune => row.commune,
        Level::Unknown => return None,
    };
    Some((days, row.basis))
}

/// Rank of legal force (RULES.md CC-005), higher = stronger. `None` when unknown.
pub fn legal_rank(doc_type: DocType, issuer_abbr: &str, level: Level) -> Option<u8> {
    let abbr = fold_d(issuer_abbr).to_uppercase();
    let rank = match doc_type {
        DocType::HienPhap => 100,
        DocType::BoLuat | DocType::Luat => 90,
        DocType::NghiQuyet if abbr.starts_with("QH") => 90,
        DocType::PhapLenh => 80,
        DocType::NghiQuyet if abbr.starts_with("UBTVQH") => 80,
        DocType::Lenh => 75,
        DocType::QuyetDinh if abbr == "CTN" => 75,
        DocType::NghiDinh => 70,
        DocType::NghiQuyet if abbr == "CP" => 70,
        DocType::QuyetDinh if abbr == "TTG" => 65,
        DocType::ThongTu | DocType::ThongTuLienTich => 60,
        DocType::NghiQuyet if abbr == "HDND" => match level {
            Level::Province => 50,
            Level::District => 40,
            Level::Commune => 30,
            _ => return None,
        },
        DocType::QuyetDinh if abbr == "UBND" => match level {
            Level::Province => 45,
            Level::District => 35,
            Level::Commune => 25,
            _ => return None,
        },
        _ => return None,
    };
    Some(rank)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_a_lookups() {
        use CompetenceVerdict::*;
        assert_eq!(
            competence(
                DocType::QuyetDinh,
                IssuerKind::UyBanNhanDan,
                Level::Province,
                Regime::L2025_87
            ),
            Lawful
        );
        assert!(matches!(
            competence(
                DocType::QuyetDinh,
                IssuerKind::UyBanNhanDan,
                Level::Commune,
                Regime::L2025
            ),
            NotInRegime { .. }
        ));
        assert_eq!(
            competence(
                DocType::QuyetDinh,
                IssuerKind::HoiDongNhanDan,
                Level::Province,
                Regime::L2015
            ),
            NoSuchPairing
        );
        assert!(matches!(
            competence(
                DocType::ChiThi,
                IssuerKind::UyBanNhanDan,
                Level::Province,
                Regime::L2015
            ),
            NotInRegime {
                allow: Allow::No,
                ..
            }
        ));
    }

    #[test]
    fn table_c_has_one_row_per_regime() {
        for r in Regime::ALL {
            assert_eq!(
                MIN_GAPS.iter().filter(|g| g.regime == r).count(),
                1,
                "{r:?}"
            );
        }
    }

    #[test]
    fn table_c_gaps() {
        assert_eq!(min_gap(Regime::L2015, Level::Commune).map(|g| g.0), Some(7));
        assert_eq!(
            min_gap(Regime::L2025_87, Level::Commune).map(|g| g.0),
            Some(10)
        );
        assert_eq!(min_gap(Regime::L2004L1996, Level::Central), None);
    }

    #[test]
    fn khoa() {
        assert_eq!(khoa_fits_year(14, 2020), Some(true));
        assert_eq!(khoa_fits_year(15, 2020), Some(false));
        assert_eq!(khoa_fits_year(16, 2026), None);
    }
}
