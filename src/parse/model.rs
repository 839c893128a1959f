//! The typed document model produced by `parse` and read by `check`, `index` and the reports.
//!
//! Every element carries a byte [`Span`] into [`Document::text`], the normalized text, so that
//! findings and search highlights point at the right characters.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into [`Document::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start after end");
        Span { start, end }
    }
}

/// A value found in the text, with where it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// Level of government of the issuing body (RULES.md §6.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Central,
    Province,
    District,
    Commune,
    Unknown,
}

/// Which law on promulgation governed the document on its issue date (RULES.md §1, §7).
///
/// The window is chosen by the issue date alone; within the two windows of 2005–2016 central
/// and local bodies followed different statutes, which [`Regime::statute`] tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Regime {
    #[serde(rename = "PRE2005")]
    Pre2005,
    #[serde(rename = "L2004_L1996")]
    L2004L1996,
    #[serde(rename = "L2008_L2004")]
    L2008L2004,
    #[serde(rename = "L2015")]
    L2015,
    #[serde(rename = "L2015_2020")]
    L2015_2020,
    #[serde(rename = "L2025")]
    L2025,
    #[serde(rename = "L2025_87")]
    L2025_87,
}

impl Regime {
    /// Number of regimes: the length of every per-regime table of the checker.
    pub const COUNT: usize = 7;

    /// Every regime, oldest first; a regime's place here is its [`Regime::index`].
    pub const ALL: [Regime; Regime::COUNT] = [
        Regime::Pre2005,
        Regime::L2004L1996,
        Regime::L2008L2004,
        Regime::L2015,
        Regime::L2015_2020,
        Regime::L2025,
        Regime::L2025_87,
    ];

    /// The regime governing a document issued on `date` (RULES.md §7 `regime(issue_date)`).
    pub fn of(date: NaiveDate) -> Regime {
        Regime::ALL
            .into_iter()
            .rev()
            .find(|r| r.first_day().is_none_or(|first| date >= first))
            .unwrap_or(Regime::Pre2005)
    }

    /// First day of the window; `None` for the open-ended oldest one.
    pub fn first_day(self) -> Option<NaiveDate> {
        let (y, m, d) = match self {
            Regime::Pre2005 => return None,
            Regime::L2004L1996 => (2005, 4, 1),
            Regime::L2008L2004 => (2009, 1, 1),
            Regime::L2015 => (2016, 7, 1),
            Regime::L2015_2020 => (2021, 1, 1),
            Regime::L2025 => (2025, 4, 1),
            Regime::L2025_87 => (2025, 7, 1),
        };
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// Position in [`Regime::ALL`] (oldest = 0): the column of this regime in per-regime tables.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The statute on promulgation a body of `level` followed in this regime (RULES.md §1):
    /// until 30/06/2016 HĐND and UBND had a law of their own.
    pub fn statute(self, level: Level) -> &'static str {
        let local = matches!(level, Level::Province | Level::District | Level::Commune);
        match self {
            Regime::Pre2005 => "Luật Ban hành VBQPPL 1996 (sửa đổi 2002)",
            Regime::L2004L1996 if local => "Luật 31/2004/QH11",
            Regime::L2004L1996 => "Luật Ban hành VBQPPL 1996 (sửa đổi 2002)",
            Regime::L2008L2004 if local => "Luật 31/2004/QH11",
            Regime::L2008L2004 => "Luật 17/2008/QH12",
            Regime::L2015 => "Luật 80/2015/QH13",
            Regime::L2015_2020 => "Luật 80/2015/QH13 (sửa đổi bởi Luật 63/2020/QH14)",
            Regime::L2025 => "Luật 64/2025/QH15",
            Regime::L2025_87 => "Luật 64/2025/QH15 (sửa đổi bởi Luật 87/2025/QH15)",
        }
    }

    /// Short Vietnamese name of the period, for reviewers.
    pub fn label_vi(self) -> &'static str {
        match self {
            Regime::Pre2005 => "trước 01/04/2005 (Luật 1996)",
            Regime::L2004L1996 => "01/04/2005–31/12/2008 (Luật 1996; HĐND, UBND: Luật 2004)",
            Regime::L2008L2004 => "01/01/2009–30/06/2016 (Luật 2008; HĐND, UBND: Luật 2004)",
            Regime::L2015 => "01/07/2016–31/12/2020 (Luật 2015)",
            Regime::L2015_2020 => "01/01/2021–31/03/2025 (Luật 2015 sửa đổi 2020)",
            Regime::L2025 => "01/04/2025–30/06/2025 (Luật 2025)",
            Regime::L2025_87 => "từ 01/07/2025 (Luật 2025 sửa đổi bởi Luật 87/2025)",
        }
    }

    /// Short English name of the period.
    pub fn label_en(self) -> &'static str {
        match self {
            Regime::Pre2005 => "before 2005-04-01 (Law of 1996)",
            Regime::L2004L1996 => {
                "2005-04-01 to 2008-12-31 (Law of 1996; local bodies: Law of 2004)"
            }
            Regime::L2008L2004 => {
                "2009-01-01 to 2016-06-30 (Law of 2008; local bodies: Law of 2004)"
            }
            Regime::L2015 => "2016-07-01 to 2020-12-31 (Law of 2015)",
            Regime::L2015_2020 => "2021-01-01 to 2025-03-31 (Law of 2015 as amended in 2020)",
            Regime::L2025 => "2025-04-01 to 2025-06-30 (Law of 2025)",
            Regime::L2025_87 => "from 2025-07-01 (Law of 2025 as amended by Law 87/2025)",
        }
    }
}

/// Kind of issuing body, as named in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssuerKind {
    QuocHoi,
    UyBanThuongVuQuocHoi,
    ChuTichNuoc,
    ChinhPhu,
    ThuTuong,
    Bo,
    CoQuanNgangBo,
    ToaAnNhanDanToiCao,
    VienKiemSatNhanDanToiCao,
    KiemToanNhaNuoc,
    HoiDongNhanDan,
    UyBanNhanDan,
    ChuTichUyBanNhanDan,
    So,
    Other,
}

/// The issuing body from the header, e.g. `ỦY BAN NHÂN DÂN` / `TỈNH THÁI NGUYÊN`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issuer {
    /// The body as written (`ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN`), lines joined by one space.
    pub name: String,
    /// The parent or locality line when the header has one (`TỈNH THÁI NGUYÊN`).
    pub locality: Option<String>,
    pub kind: IssuerKind,
    pub level: Level,
    pub span: Span,
}

/// Document type (tên loại văn bản).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    HienPhap,
    BoLuat,
    Luat,
    PhapLenh,
    Lenh,
    NghiQuyet,
    NghiQuyetLienTich,
    NghiDinh,
    QuyetDinh,
    ThongTu,
    ThongTuLienTich,
    ChiThi,
    KeHoach,
    HuongDan,
    ThongBao,
    CongVan,
    VanBanHopNhat,
    Other,
}

/// Number and symbol (số, ký hiệu): `Số: 15/2020/QĐ-UBND` → serial `15`, year `2020`,
/// type abbreviation `QĐ`, issuer abbreviation `UBND`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocNumber {
    /// As written after `Số:` (trimmed).
    pub raw: String,
    /// Serial as written (keeps a leading zero, e.g. `05`).
    pub serial: String,
    pub year: Option<i32>,
    /// First element of the symbol (`QĐ`, `NQ`, `NĐ`, `TT`...), empty for laws (`80/2015/QH13`).
    pub type_abbr: String,
    /// Issuer part (`UBND`, `HĐND`, `CP`, `QH13`, `BTC-BTP`...).
    pub issuer_abbr: String,
    /// Lookup key tolerant of `NĐ`/`ND`, dashes, spaces and case: see `normalize::number_key`.
    pub key: String,
    /// The symbol used OCR-like variants (`ND` for `NĐ`): symbol rules must not fire on it.
    pub ocr_suspect: bool,
    pub span: Span,
}

/// Place and issue date line: `Thái Nguyên, ngày 05 tháng 3 năm 2020`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceDate {
    pub place: Option<String>,
    pub date: Option<NaiveDate>,
    /// Day and month exactly as written (for TG-002 leading-zero checks).
    pub day_raw: String,
    pub month_raw: String,
    pub year_raw: String,
    /// The date was written numerically (`05/3/2020`) rather than in words (TG-003).
    pub numeric: bool,
    pub span: Span,
}

/// Relation a citation expresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CitationRelation {
    CanCu,
    SuaDoi,
    BoSung,
    ThayThe,
    BaiBo,
    HuongDan,
    QuyDinhChiTiet,
    Reference,
}

/// A reference to another document (or to a part of this one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Type named in the citation (`Nghị định`, `Luật`...), when present.
    pub doc_type: Option<DocType>,
    /// Number as written (`34/2016/NĐ-CP`), when present.
    pub number: Option<String>,
    /// Normalized lookup key of `number` (see `normalize::number_key`).
    pub number_key: Option<String>,
    /// Law or document name when cited by name (`Luật Tổ chức chính quyền địa phương`).
    pub name: Option<String>,
    /// Date given in the citation (`ngày 19 tháng 6 năm 2015`).
    pub date: Option<NaiveDate>,
    /// Issuing body named after `của` (`Chính phủ`).
    pub issuer: Option<String>,
    /// Pin cite (`điểm a khoản 2 Điều 5`), when present.
    pub pin: Option<String>,
    /// `Điều 3 Quyết định này`: a reference inside this document.
    pub internal: bool,
    pub relation: CitationRelation,
    pub span: Span,
}

/// One `Căn cứ …` item of the preamble, with the citations it contains.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegalBasis {
    pub text: String,
    pub citations: Vec<Citation>,
    pub span: Span,
}

/// Structural unit kinds, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Phan,
    Chuong,
    Muc,
    TieuMuc,
    Dieu,
    Khoan,
    Diem,
}

/// A node of the structure tree: Phần, Chương, Mục, Tiểu mục, Điều, Khoản, Điểm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub kind: UnitKind,
    /// Numbering as written (`3`, `IV`, `thứ nhất`, `đ`).
    pub label: String,
    /// Numbering as a number when it has one (`IV` → 4, `thứ hai` → 2, `đ` → 5: the position in
    /// the point sequence a b c d đ e g h i k l m n o p q r s t u v x y).
    pub ordinal: Option<u32>,
    /// Heading text after the label (`Phạm vi điều chỉnh`), empty when none.
    pub title: String,
    /// The unit's heading line.
    pub heading_span: Span,
    /// The whole unit, heading to the last byte of its last child.
    pub span: Span,
    /// Inside quoted amending text (RULES.md §6.5): excluded from numbering checks.
    pub quoted: bool,
    pub children: Vec<Unit>,
}

/// One attached instrument ("Quy định … ban hành kèm theo Quyết định số …").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub title: String,
    /// The parent document as the attachment names it (number, date).
    pub parent: Option<Citation>,
    pub structure: Vec<Unit>,
    pub span: Span,
}

/// How the effective-date clause states the entry into force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EffectiveRule {
    /// `có hiệu lực từ ngày 15 tháng 3 năm 2020` (or `15/3/2020`).
    Absolute {
        date: Option<NaiveDate>,
        numeric: bool,
    },
    /// `có hiệu lực kể từ ngày ký` / `thông qua` / `ban hành`.
    FromSigning { event: String },
    /// `có hiệu lực sau 10 ngày kể từ ngày ký`.
    AfterDays { days: u32, event: String },
    /// Tied to an unverifiable event (`đăng Công báo`).
    Unverifiable { event: String },
}

/// The effective-date clause and the date it yields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EffectiveDate {
    pub rule: EffectiveRule,
    /// The resulting entry-into-force date, when computable from the issue date.
    pub date: Option<NaiveDate>,
    /// A shortened procedure / emergency is invoked (`rút gọn`, `trường hợp đặc biệt`).
    pub shortened_procedure: bool,
    pub span: Span,
}

/// Signing mode (thẩm quyền ký).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SigningMode {
    /// `TM.` thay mặt (collective bodies).
    #[serde(rename = "TM")]
    ThayMat,
    /// `KT.` ký thay.
    #[serde(rename = "KT")]
    KyThay,
    /// `Q.` quyền.
    #[serde(rename = "Q")]
    Quyen,
    /// `TL.` thừa lệnh.
    #[serde(rename = "TL")]
    ThuaLenh,
    /// `TUQ.` thừa ủy quyền.
    #[serde(rename = "TUQ")]
    ThuaUyQuyen,
    /// The head signs directly (no mode line).
    #[serde(rename = "direct")]
    Direct,
}

/// The signature block: mode lines, titles, signer's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignatureBlock {
    /// Modes in order (`KT.` then nothing, or `TM.` then `KT.`).
    pub modes: Vec<SigningMode>,
    /// The body after `TM.` (`ỦY BAN NHÂN DÂN`), when present.
    pub on_behalf_of: Option<String>,
    /// Position lines (`PHÓ CHỦ TỊCH`, `CHỦ TỊCH`).
    pub titles: Vec<String>,
    pub signer: Option<String>,
    pub span: Span,
}

/// The `Nơi nhận:` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recipients {
    pub entries: Vec<String>,
    pub span: Span,
}

/// Zones of RULES.md §6.4, as byte spans. Empty spans when a zone was not found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Zones {
    pub header: Span,
    pub preamble: Span,
    pub body: Span,
    pub closing: Span,
    pub attachments: Vec<Span>,
    /// Annexes: forms, tables and lists after the end of an instrument (`PHỤ LỤC`, `Mẫu số`,
    /// `Biểu số`, a second national title after the signature), and attachments that are
    /// themselves an annex. Their text is a model to fill in, not provisions of the document.
    #[serde(default)]
    pub annexes: Vec<Span>,
    /// Quoted amending text (RULES.md §6.5): the words of another document.
    #[serde(default)]
    pub quoted: Vec<Span>,
    /// The authentication block of a consolidated text (`XÁC THỰC VĂN BẢN HỢP NHẤT` to the end).
    #[serde(default)]
    pub authentication: Option<Span>,
}

/// What part of the document a byte belongs to, innermost first: the zone a rule asks about
/// before it reads a line as a provision of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    Header,
    Preamble,
    Body,
    Closing,
    Attachment,
    Annex,
    Quoted,
    Authentication,
}

impl Zone {
    /// Zones whose text is the document's own provisions (main text and attached instruments).
    pub fn is_provision(self) -> bool {
        matches!(self, Zone::Body | Zone::Attachment)
    }
}

fn within(span: &Span, offset: usize) -> bool {
    span.start <= offset && offset < span.end
}

impl Zones {
    /// The zone of byte `offset`, innermost first (authentication, annex, quoted text, then
    /// attachment, closing, body, preamble, header).
    pub fn at(&self, offset: usize) -> Zone {
        if self.authentication.is_some_and(|a| within(&a, offset)) {
            return Zone::Authentication;
        }
        if self.annexes.iter().any(|a| within(a, offset)) {
            return Zone::Annex;
        }
        if self.quoted.iter().any(|q| within(q, offset)) {
            return Zone::Quoted;
        }
        if self.attachments.iter().any(|a| within(a, offset)) {
            return Zone::Attachment;
        }
        if within(&self.closing, offset) {
            return Zone::Closing;
        }
        if within(&self.body, offset) {
            return Zone::Body;
        }
        if within(&self.preamble, offset) {
            return Zone::Preamble;
        }
        Zone::Header
    }
}

/// The parsed document: what every later stage reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The normalized, line-preserving text that every span points into.
    #[serde(skip)]
    pub text: String,
    pub issuer: Option<Issuer>,
    /// Parent body line above the issuer when present (`UBND TỈNH X` above `SỞ Y`).
    pub parent_issuer: Option<String>,
    pub level: Level,
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` exactly as found, when found.
    pub national_title: Option<Spanned<String>>,
    /// `Độc lập - Tự do - Hạnh phúc` exactly as found, when found.
    pub motto: Option<Spanned<String>>,
    pub number: Option<DocNumber>,
    pub place_date: Option<PlaceDate>,
    pub doc_type: Option<Spanned<DocType>>,
    /// Type name as written on the type line (`QUYẾT ĐỊNH`).
    pub type_name: Option<String>,
    /// Summary title (trích yếu).
    pub title: Option<Spanned<String>>,
    /// Enacting authority/formula line (`ỦY BAN NHÂN DÂN TỈNH …` / `QUYẾT ĐỊNH:`).
    pub enacting_formula: Option<Spanned<String>>,
    pub legal_bases: Vec<LegalBasis>,
    pub structure: Vec<Unit>,
    pub attachments: Vec<Attachment>,
    pub effective: Option<EffectiveDate>,
    pub signature: Option<SignatureBlock>,
    pub recipients: Option<Recipients>,
    pub citations: Vec<Citation>,
    /// Law in force on the issue date; `None` when the issue date is unknown.
    pub regime: Option<Regime>,
    pub zones: Zones,
    /// Passing date from the closing sentence of laws and HĐND resolutions (`Luật này đã được
    /// Quốc hội … thông qua ngày …`). Laws have no place-and-date line: this is their issue date.
    pub passed_date: Option<Spanned<NaiveDate>>,
    /// Where each page of the source starts in `text` (byte offsets, ascending, the first 0);
    /// empty when the source has no known pages. The parser knows nothing of pages: the
    /// pipeline fills this in from the extractor's page breaks.
    #[serde(default)]
    pub page_starts: Vec<usize>,
}

impl Document {
    /// A consolidated text (văn bản hợp nhất): its type or number says so, its header names it,
    /// or it ends with the consolidating body's authentication block. It is not an issued
    /// VBQPPL: only the language rules judge it.
    pub fn is_consolidated(&self) -> bool {
        if self
            .doc_type
            .as_ref()
            .is_some_and(|t| t.value == DocType::VanBanHopNhat)
            || self
                .number
                .as_ref()
                .is_some_and(|n| n.type_abbr.eq_ignore_ascii_case("VBHN"))
            || self.zones.authentication.is_some()
        {
            return true;
        }
        // The header zone, else the opening lines when the parser found none.
        let header = self.zones.header;
        let head = if header.end > header.start {
            self.text.get(header.start..header.end).unwrap_or("")
        } else {
            let end = self
                .text
                .match_indices('\n')
                .nth(14)
                .map_or(self.text.len(), |(i, _)| i);
            &self.text[..end]
        };
        head.contains("VĂN BẢN HỢP NHẤT") || head.contains("/VBHN-")
    }

    /// Issue date: the place-and-date line, else the passing date (laws have no date line).
    pub fn issue_date(&self) -> Option<NaiveDate> {
        self.place_date
            .as_ref()
            .and_then(|p| p.date)
            .or_else(|| self.passed_date.as_ref().map(|p| p.value))
    }

    /// The whitespace-collapsed view of the whole text with offsets back into `text`
    /// (RULES.md §6.3, for sentence-level patterns).
    pub fn flat(&self) -> super::FlatText {
        super::FlatText::new(&self.text, 0)
    }

    /// The whitespace-collapsed view of one span (e.g. a zone), offsets still into `text`.
    pub fn flat_span(&self, span: Span) -> super::FlatText {
        super::FlatText::new(self.slice(span), span.start)
    }

    /// Text of a span (empty when out of bounds, which would be a parser bug).
    pub fn slice(&self, span: Span) -> &str {
        debug_assert!(span.end <= self.text.len(), "span past end of text");
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// 1-based page of the source holding a byte offset, when pages are known.
    pub fn page_of(&self, offset: usize) -> Option<u32> {
        if self.page_starts.is_empty() {
            return None;
        }
        let page = self.page_starts.partition_point(|&s| s <= offset).max(1);
        u32::try_from(page).ok()
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_of_follows_the_page_starts() {
        let mut doc = crate::parse::parse("a\nb\nc\n");
        assert_eq!(doc.page_of(2), None);
        doc.page_starts = vec![0, 2, 4];
        let pages: Vec<_> = (0..6).map(|o| doc.page_of(o)).collect();
        assert_eq!(
            pages,
            [Some(1), Some(1), Some(2), Some(2), Some(3), Some(3)]
        );
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    #[test]
    fn regime_of_date_follows_rules_section_7() {
        assert_eq!(Regime::of(ymd(2000, 1, 1)), Regime::Pre2005);
        assert_eq!(Regime::of(ymd(2005, 3, 31)), Regime::Pre2005);
        assert_eq!(Regime::of(ymd(2005, 4, 1)), Regime::L2004L1996);
        assert_eq!(Regime::of(ymd(2008, 12, 31)), Regime::L2004L1996);
        assert_eq!(Regime::of(ymd(2009, 1, 1)), Regime::L2008L2004);
        assert_eq!(Regime::of(ymd(2016, 6, 30)), Regime::L2008L2004);
        assert_eq!(Regime::of(ymd(2016, 7, 1)), Regime::L2015);
        assert_eq!(Regime::of(ymd(2021, 1, 1)), Regime::L2015_2020);
        assert_eq!(Regime::of(ymd(2025, 3, 31)), Regime::L2015_2020);
        assert_eq!(Regime::of(ymd(2025, 4, 1)), Regime::L2025);
        assert_eq!(Regime::of(ymd(2025, 6, 30)), Regime::L2025);
        assert_eq!(Regime::of(ymd(2025, 7, 1)), Regime::L2025_87);
    }

    #[test]
    fn regime_order_index_and_first_days_agree() {
        for (i, r) in Regime::ALL.into_iter().enumerate() {
            assert_eq!(r.index(), i);
            if let Some(first) = r.first_day() {
                assert_eq!(Regime::of(first), r);
                assert!(Regime::of(first.pred_opt().expect("date")) < r);
            }
        }
        assert!(Regime::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn zone_at_prefers_the_innermost_zone() {
        let z = Zones {
            header: Span::new(0, 10),
            preamble: Span::new(10, 20),
            body: Span::new(20, 100),
            closing: Span::new(100, 120),
            attachments: vec![Span::new(120, 300)],
            annexes: vec![Span::new(200, 300)],
            quoted: vec![Span::new(40, 60)],
            authentication: None,
        };
        assert_eq!(z.at(5), Zone::Header);
        assert_eq!(z.at(15), Zone::Preamble);
        assert_eq!(z.at(30), Zone::Body);
        assert_eq!(z.at(50), Zone::Quoted);
        assert_eq!(z.at(110), Zone::Closing);
        assert_eq!(z.at(150), Zone::Attachment);
        assert_eq!(z.at(250), Zone::Annex);
        assert!(Zone::Body.is_provision() && !Zone::Annex.is_provision());
        let vbhn = Zones {
            authentication: Some(Span::new(90, 130)),
            ..z
        };
        assert_eq!(vbhn.at(95), Zone::Authentication);
    }

    #[test]
    fn regime_statute_depends_on_level_before_2016() {
        let r = Regime::L2008L2004;
        assert_eq!(r.statute(Level::Central), "Luật 17/2008/QH12");
        assert_eq!(r.statute(Level::District), "Luật 31/2004/QH11");
        assert_eq!(
            Regime::L2015.statute(Level::Central),
            Regime::L2015.statute(Level::Commune)
        );
        let labels: std::collections::HashSet<_> =
            Regime::ALL.iter().map(|r| r.label_vi()).collect();
        assert_eq!(labels.len(), Regime::COUNT);
        assert!(Regime::ALL.iter().all(|r| !r.label_en().is_empty()));
    }
}

/// Names of a document type: one row per type, the only place they are spelled.
struct DocTypeNames {
    /// The serde name, used as the index key and in JSON (`nghi_dinh`).
    key: &'static str,
    label_vi: &'static str,
    label_en: &'static str,
    /// First element of the symbol (RULES.md Table B §3.2), for types that have one.
    symbol: Option<&'static str>,
}

impl DocType {
    /// Every type, in the order filters list them.
    pub const ALL: [DocType; 18] = [
        DocType::HienPhap,
        DocType::BoLuat,
        DocType::Luat,
        DocType::PhapLenh,
        DocType::Lenh,
        DocType::NghiQuyet,
        DocType::NghiQuyetLienTich,
        DocType::NghiDinh,
        DocType::QuyetDinh,
        DocType::ThongTu,
        DocType::ThongTuLienTich,
        DocType::ChiThi,
        DocType::KeHoach,
        DocType::HuongDan,
        DocType::ThongBao,
        DocType::CongVan,
        DocType::VanBanHopNhat,
        DocType::Other,
    ];

    #[rustfmt::skip]
    fn names(self) -> DocTypeNames {
        let n = |key, label_vi, label_en, symbol| DocTypeNames { key, label_vi, label_en, symbol };
        match self {
            DocType::HienPhap => n("hien_phap", "Hiến pháp", "Constitution", None),
            DocType::BoLuat => n("bo_luat", "Bộ luật", "Code", None),
            DocType::Luat => n("luat", "Luật", "Law", None),
            DocType::PhapLenh => n("phap_lenh", "Pháp lệnh", "Ordinance", None),
            DocType::Lenh => n("lenh", "Lệnh", "Order", Some("L")),
            DocType::NghiQuyet => n("nghi_quyet", "Nghị quyết", "Resolution", Some("NQ")),
            DocType::NghiQuyetLienTich => n("nghi_quyet_lien_tich", "Nghị quyết liên tịch", "Joint resolution", Some("NQLT")),
            DocType::NghiDinh => n("nghi_dinh", "Nghị định", "Decree", Some("NĐ")),
            DocType::QuyetDinh => n("quyet_dinh", "Quyết định", "Decision", Some("QĐ")),
            DocType::ThongTu => n("thong_tu", "Thông tư", "Circular", Some("TT")),
            DocType::ThongTuLienTich => n("thong_tu_lien_tich", "Thông tư liên tịch", "Joint circular", Some("TTLT")),
            DocType::ChiThi => n("chi_thi", "Chỉ thị", "Directive", Some("CT")),
            DocType::KeHoach => n("ke_hoach", "Kế hoạch", "Plan", Some("KH")),
            DocType::HuongDan => n("huong_dan", "Hướng dẫn", "Guidance", Some("HD")),
            DocType::ThongBao => n("thong_bao", "Thông báo", "Notice", Some("TB")),
            DocType::CongVan => n("cong_van", "Công văn", "Official letter", None),
            DocType::VanBanHopNhat => n("van_ban_hop_nhat", "Văn bản hợp nhất", "Consolidated text", Some("VBHN")),
            DocType::Other => n("other", "Khác", "Other", None),
        }
    }

    /// The serde name (`nghi_dinh`): index key, JSON value, filter value.
    pub fn key(self) -> &'static str {
        self.names().key
    }

    /// The type named by its key (`quyet_dinh`), e.g. read back from the index.
    pub fn from_key(key: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|t| t.key() == key)
    }

    /// Vietnamese name (`Nghị định`), for reviewers.
    pub fn label_vi(self) -> &'static str {
        self.names().label_vi
    }

    pub fn label_en(self) -> &'static str {
        self.names().label_en
    }

    /// First element of the symbol (`NĐ` in `34/2016/NĐ-CP`); `None` for types whose symbol has
    /// no type element (laws, ordinances) or that have no fixed one.
    pub fn symbol(self) -> Option<&'static str> {
        self.names().symbol
    }

    /// The type of a symbol's first element, tolerant of `ND` for `NĐ`, case and spaces.
    pub fn from_symbol(abbr: &str) -> Option<DocType> {
        let key = crate::normalize::number_key(abbr);
        DocType::ALL.into_iter().find(|t| {
            t.symbol()
                .is_some_and(|s| crate::normalize::number_key(s) == key)
        })
    }
}

impl Level {
    /// Every level, the unknown one last.
    pub const ALL: [Level; 5] = [
        Level::Central,
        Level::Province,
        Level::District,
        Level::Commune,
        Level::Unknown,
    ];

    /// The serde name (`province`): index key, JSON value, filter value.
    pub fn key(self) -> &'static str {
        match self {
            Level::Central => "central",
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
            Level::Unknown => "unknown",
        }
    }

    /// The level named by its key (`commune`), e.g. read back from the index.
    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    /// Vietnamese name (`Cấp tỉnh`), for reviewers.
    pub fn label_vi(self) -> &'static str {
        match self {
            Level::Central => "Trung ương",
            Level::Province => "Cấp tỉnh",
            Level::District => "Cấp huyện",
            Level::Commune => "Cấp xã",
            Level::Unknown => "Không rõ",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Level::Central => "Central",
            Level::Province => "Provincial",
            Level::District => "District",
            Level::Commune => "Commune",
            Level::Unknown => "Unknown",
        }
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    fn serde_name<T: Serialize>(value: T) -> String {
        serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    #[test]
    fn keys_are_the_serde_names() {
        for t in DocType::ALL {
            assert_eq!(t.key(), serde_name(t), "{t:?}");
            assert_eq!(DocType::from_key(t.key()), Some(t));
            assert!(!t.label_vi().is_empty() && !t.label_en().is_empty());
        }
        for l in Level::ALL {
            assert_eq!(l.key(), serde_name(l), "{l:?}");
            assert_eq!(Level::from_key(l.key()), Some(l));
        }
        assert_eq!(DocType::from_key("nghị định"), None);
    }

    #[test]
    fn all_lists_every_variant_once() {
        let mut types: Vec<&str> = DocType::ALL.iter().map(|t| t.key()).collect();
        types.sort_unstable();
        types.dedup();
        assert_eq!(types.len(), DocType::ALL.len());
    }

    #[test]
    fn symbols_follow_table_b() {
        assert_eq!(DocType::NghiDinh.symbol(), Some("NĐ"));
        assert_eq!(DocType::ThongTuLienTich.symbol(), Some("TTLT"));
        assert_eq!(DocType::Luat.symbol(), None);
        assert_eq!(DocType::from_symbol("NĐ"), Some(DocType::NghiDinh));
        assert_eq!(DocType::from_symbol("nd"), Some(DocType::NghiDinh));
        assert_eq!(DocType::from_symbol("QĐ"), Some(DocType::QuyetDinh));
        assert_eq!(DocType::from_symbol("VBHN"), Some(DocType::VanBanHopNhat));
        assert_eq!(DocType::from_symbol("QH13"), None);
        for t in DocType::ALL {
            if let Some(s) = t.symbol() {
                assert_eq!(DocType::from_symbol(s), Some(t), "{s}");
            }
        }
    }

    #[test]
    fn vietnamese_labels() {
        assert_eq!(DocType::QuyetDinh.label_vi(), "Quyết định");
        assert_eq!(DocType::NghiDinh.label_en(), "Decree");
        assert_eq!(Level::Province.label_vi(), "Cấp tỉnh");
        assert_eq!(Level::Commune.label_en(), "Commune");
    }
}
