//! The rule registry: one table of every rule of RULES.md §5 that the checker runs, with its
//! metadata (names, family, the severities it emits, description) for reports and SARIF. Legal
//! bases are per period, in [`super::bases`].

mod bc;
mod cc;
mod ck;
mod hl;
mod ht;
mod nd;
mod nn;
mod sd;
mod sk;
mod tg;
mod tt;

use super::bases::{self, DocRegime, Period};
use super::{CheckContext, Emit, Finding, RuleId, Severity};
use crate::parse::Document;

/// Rule families of RULES.md §5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Family {
    /// Hình thức, thẩm quyền: form and competence.
    HT,
    /// Hiệu lực: entry into force.
    HL,
    /// Căn cứ ban hành: legal basis.
    CC,
    /// Số, ký hiệu: number and symbol.
    SK,
    /// Địa danh, thời gian: place and date.
    TG,
    /// Thể thức phần đầu: header, title, enacting formula.
    TT,
    /// Bố cục: structure and numbering.
    BC,
    /// Chữ ký: signature.
    CK,
    /// Nơi nhận: recipients.
    NN,
    /// Sửa đổi, thay thế, bãi bỏ: amendment and repeal.
    SD,
    /// Ngôn ngữ: language.
    ND,
}

/// How completely a rule is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    /// Detected as RULES.md describes, at the severities it gives.
    Implemented,
    /// Detected, but reported only as a warning (unconfirmed basis [R] or needs human judgement).
    WarningOnly,
}

/// One rule: metadata plus the function that checks it.
pub struct Rule {
    /// ID exactly as in RULES.md (`HL-002`): a public contract, spelled only in [`RULES`].
    pub id: RuleId,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    pub family: Family,
    /// Every severity the rule can emit, lowest first (a lower one marks weaker evidence). Its
    /// legal basis is per period: [`crate::check::bases`].
    pub severities: &'static [Severity],
    /// What the rule detects, in one sentence (English).
    pub description: &'static str,
    pub status: RuleStatus,
    /// For a rule about a missing element: where the element belongs and what it looks like,
    /// in Vietnamese, for the reviewer who has to add it (`None` for the others).
    pub expected_at: Option<&'static str>,
    /// The rule itself; it builds its findings with the [`Emit`] it is given, which carries `id`.
    pub check: fn(&Document, &CheckContext, Emit) -> Vec<Finding>,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

use Family::*;
use RuleStatus::{Implemented as Imp, WarningOnly as Warn};
use Severity::{Error as E, Info as I, Warning as W};

/// Every rule the checker runs, in catalogue order.
#[rustfmt::skip]
pub static RULES: &[Rule] = &[
    Rule { id: RuleId::new("HT-001"), name_vi: "Loại văn bản không thuộc hệ thống VBQPPL", name_en: "Document type not a lawful VBQPPL type at the issue date", family: HT, severities: &[E], description: "A Chỉ thị, joint circular of ministries only, plan, guidance, notice or letter carries a normative number (with year) on a date when its type is not a VBQPPL (Table A).", status: Imp, expected_at: None, check: ht::ht001 },
    Rule { id: RuleId::new("HT-002"), name_vi: "Cơ quan không có thẩm quyền ban hành loại văn bản", name_en: "Issuer not competent for that type", family: HT, severities: &[E], description: "The issuing body and the type form no pairing of Table A (HĐND + Quyết định, UBND + Nghị quyết, a department or other body with a normative number).", status: Imp, expected_at: None, check: ht::ht002 },
    Rule { id: RuleId::new("HT-003"), name_vi: "Cấp chính quyền không có quyền ban hành VBQPPL tại thời điểm ban hành", name_en: "Level of government had no normative power on the issue date", family: HT, severities: &[W, E], description: "A district VBQPPL dated from 01/07/2025, a commune VBQPPL dated 01/04–30/06/2025, or a dissolved ministry's symbol after 28/02/2025.", status: Imp, expected_at: None, check: ht::ht003 },
    Rule { id: RuleId::new("HT-004"), name_vi: "Văn bản hành chính có chứa quy phạm pháp luật", name_en: "Administrative document that contains legal norms", family: HT, severities: &[W], description: "A number without year together with at least two normative cues in the body.", status: Warn, expected_at: None, check: ht::ht004 },
    Rule { id: RuleId::new("HT-005"), name_vi: "Văn bản mang số VBQPPL nhưng nội dung cá biệt", name_en: "Normative numbering used for an individual act", family: HT, severities: &[W], description: "A normative number on a title of an individual act (bổ nhiệm, khen thưởng, phê duyệt…).", status: Warn, expected_at: None, check: ht::ht005 },
    Rule { id: RuleId::new("HT-006"), name_vi: "Văn bản cấp huyện, cấp xã không có căn cứ giao quyền", name_en: "District/commune VBQPPL with no delegating provision cited", family: HT, severities: &[W], description: "A district or commune VBQPPL whose bases cite no article of a law or National Assembly resolution.", status: Warn, expected_at: None, check: ht::ht006 },
    Rule { id: RuleId::new("HL-001"), name_vi: "Thiếu điều khoản hiệu lực", name_en: "No effective-date clause", family: HL, severities: &[W, E], description: "A VBQPPL with no clause fixing its entry into force.", status: Imp, expected_at: Some("trong điều cuối (Hiệu lực thi hành hoặc Điều khoản thi hành): \"… có hiệu lực từ ngày …\""), check: hl::hl001 },
    Rule { id: RuleId::new("HL-002"), name_vi: "Hiệu lực sớm hơn thời hạn tối thiểu", name_en: "Entry into force earlier than the legal minimum", family: HL, severities: &[W, E], description: "Days between issue and entry into force below the minimum of Table C for the regime and level.", status: Imp, expected_at: None, check: hl::hl002 },
    Rule { id: RuleId::new("HL-003"), name_vi: "Hiệu lực ghi theo mốc không xác định được", name_en: "Effective date stated against an unverifiable event", family: HL, severities: &[I, W], description: "Entry into force tied to publication in the gazette or posting; numeric effective dates as info.", status: Warn, expected_at: None, check: hl::hl003 },
    Rule { id: RuleId::new("HL-004"), name_vi: "Quy định hiệu lực trở về trước", name_en: "Retroactive effect", family: HL, severities: &[W], description: "Effective or application date earlier than the issue date (error for local documents).", status: Warn, expected_at: None, check: hl::hl004 },
    Rule { id: RuleId::new("HL-005"), name_vi: "Ngày hiệu lực không hợp lệ", name_en: "Impossible or malformed effective date", family: HL, severities: &[W, E], description: "An impossible calendar date in the effective clause, or one more than five years after issue.", status: Imp, expected_at: None, check: hl::hl005 },
    Rule { id: RuleId::new("HL-006"), name_vi: "Văn bản quy định chi tiết có hiệu lực lệch văn bản được quy định chi tiết", name_en: "Detailing text not aligned with the detailed provision", family: HL, severities: &[W], description: "A detailing document takes effect after the law it details although issued before that law took effect.", status: Warn, expected_at: None, check: hl::hl006 },
    Rule { id: RuleId::new("HL-007"), name_vi: "Văn bản có hiệu lực trước văn bản làm căn cứ", name_en: "Document takes effect before its own legal basis", family: HL, severities: &[W, E], description: "A cited basis (known to the registry) takes effect after the document.", status: Imp, expected_at: None, check: hl::hl007 },
    Rule { id: RuleId::new("HL-008"), name_vi: "Thiếu quy định trách nhiệm thi hành", name_en: "No implementation-responsibility clause", family: HL, severities: &[W], description: "The last two articles name nobody responsible for implementation.", status: Warn, expected_at: Some("trong hai điều cuối: cơ quan, người chịu trách nhiệm thi hành văn bản"), check: hl::hl008 },
    Rule { id: RuleId::new("CC-001"), name_vi: "Thiếu phần căn cứ ban hành", name_en: "No legal-basis section", family: CC, severities: &[E], description: "No 'Căn cứ' paragraph before the first article.", status: Imp, expected_at: Some("sau tên loại và trích yếu, trước Điều 1: các dòng \"Căn cứ …\""), check: cc::cc001 },
    Rule { id: RuleId::new("CC-002"), name_vi: "Căn cứ không phải là văn bản quy phạm pháp luật", name_en: "Basis cited is not a VBQPPL", family: CC, severities: &[E], description: "A 'Căn cứ' line cites an administrative document (number without year), a Party document, a letter/plan/report, or a Chỉ thị dated from 01/07/2016.", status: Imp, expected_at: None, check: cc::cc002 },
    Rule { id: RuleId::new("CC-003"), name_vi: "Căn cứ đã hết hiệu lực", name_en: "Basis no longer in force", family: CC, severities: &[W, E], description: "A cited basis ceased to have effect on or before the document's entry into force (registry).", status: Imp, expected_at: None, check: cc::cc003 },
    Rule { id: RuleId::new("CC-004"), name_vi: "Căn cứ ban hành sau văn bản hoặc chưa được ban hành", name_en: "Basis issued after the document", family: CC, severities: &[E], description: "A cited basis is dated (or numbered with a year) after the document's issue date.", status: Imp, expected_at: None, check: cc::cc004 },
    Rule { id: RuleId::new("CC-005"), name_vi: "Căn cứ có hiệu lực pháp lý không cao hơn", name_en: "Basis of equal or lower legal force", family: CC, severities: &[W, E], description: "A 'Căn cứ' cites a document of the same issuer or of equal or lower rank.", status: Imp, expected_at: None, check: cc::cc005 },
    Rule { id: RuleId::new("CC-006"), name_vi: "Thiếu căn cứ về thẩm quyền", name_en: "No basis establishing the issuer's competence", family: CC, severities: &[W], description: "HĐND/UBND without the local-government law; Government without the law on the Government; ministry without its functions decree.", status: Warn, expected_at: None, check: cc::cc006 },
    Rule { id: RuleId::new("CC-007"), name_vi: "Văn bản quy định chi tiết không nêu điều, khoản giao", name_en: "Detailing document omits the delegating article/clause", family: CC, severities: &[W], description: "A detailing document whose bases cite no article.", status: Warn, expected_at: None, check: cc::cc007 },
    Rule { id: RuleId::new("CC-008"), name_vi: "Thông tin căn cứ sai (số, ngày, cơ quan)", name_en: "Incorrect particulars of a cited basis", family: CC, severities: &[W, E], description: "Year in a cited number differs from its date, registry date mismatch, or QH khóa inconsistent with the year.", status: Imp, expected_at: None, check: cc::cc008 },
    Rule { id: RuleId::new("SK-001"), name_vi: "Thiếu số, ký hiệu", name_en: "Missing number/symbol", family: SK, severities: &[W, E], description: "No number line, or an unfilled template ('Số:    /2024/NQ-HĐND').", status: Imp, expected_at: Some("dưới tên cơ quan ban hành: \"Số: …/năm/ký hiệu\""), check: sk::sk001 },
    Rule { id: RuleId::new("SK-002"), name_vi: "Sai cấu trúc số, ký hiệu", name_en: "Malformed number/symbol", family: SK, severities: &[W, E], description: "Year misplaced or two-digit, spaces or wrong separators inside the number.", status: Imp, expected_at: None, check: sk::sk002 },
    Rule { id: RuleId::new("SK-003"), name_vi: "Số thứ tự nhỏ hơn 10 không có số 0", name_en: "Serial number below 10 without leading zero", family: SK, severities: &[W], description: "A one-digit serial number.", status: Imp, expected_at: None, check: sk::sk003 },
    Rule { id: RuleId::new("SK-004"), name_vi: "Năm trong số ký hiệu khác năm ban hành", name_en: "Year in the number differs from the year of the issue date", family: SK, severities: &[E], description: "The year in the number is not the year of the date line.", status: Imp, expected_at: None, check: sk::sk004 },
    Rule { id: RuleId::new("SK-005"), name_vi: "Ký hiệu loại văn bản không khớp tên loại", name_en: "Type abbreviation does not match the type name", family: SK, severities: &[E], description: "The type element of the symbol does not match the type line (NGHỊ QUYẾT → NQ…).", status: Imp, expected_at: None, check: sk::sk005 },
    Rule { id: RuleId::new("SK-006"), name_vi: "Ký hiệu cơ quan không khớp cơ quan ban hành", name_en: "Issuer abbreviation does not match the issuing body", family: SK, severities: &[W, E], description: "The issuer element of the symbol does not match the header (HĐND vs UBND, CP, TTg, ministry initials).", status: Imp, expected_at: None, check: sk::sk006 },
    Rule { id: RuleId::new("SK-007"), name_vi: "Khóa Quốc hội không khớp năm", name_en: "Legislature number inconsistent with the year", family: SK, severities: &[E], description: "QH/UBTVQH khóa in the document's own number impossible in its year.", status: Imp, expected_at: None, check: sk::sk007 },
    Rule { id: RuleId::new("TG-001"), name_vi: "Thiếu địa danh, ngày tháng năm ban hành", name_en: "Missing place/date line", family: TG, severities: &[W, E], description: "No date line in the header, or an unfilled one.", status: Imp, expected_at: Some("dưới Tiêu ngữ, ngang dòng số, ký hiệu: \"địa danh, ngày … tháng … năm …\""), check: tg::tg001 },
    Rule { id: RuleId::new("TG-002"), name_vi: "Ngày dưới 10, tháng 1–2 thiếu số 0", name_en: "Day below 10 or month 1–2 without leading zero", family: TG, severities: &[W], description: "Day 1–9 or month 1–2 written with one digit in the date line.", status: Warn, expected_at: None, check: tg::tg002 },
    Rule { id: RuleId::new("TG-003"), name_vi: "Ngày ban hành viết dạng số hoặc không hợp lệ", name_en: "Issue date written in numeric form or impossible", family: TG, severities: &[W, E], description: "Numeric date line (warning), impossible date (error), future date (warning).", status: Imp, expected_at: None, check: tg::tg003 },
    Rule { id: RuleId::new("TG-004"), name_vi: "Địa danh không tồn tại tại thời điểm ban hành", name_en: "Place name not valid on the issue date", family: TG, severities: &[W], description: "A district-level place or issuer named on a date from 01/07/2025 (no gazetteer of merged units).", status: Warn, expected_at: None, check: tg::tg004 },
    Rule { id: RuleId::new("TG-005"), name_vi: "Ngày thông qua ở dòng kết không khớp", name_en: "Passing date in the closing line differs from the date line", family: TG, severities: &[W], description: "HĐND closing sentence 'thông qua ngày …' differs from the date line.", status: Warn, expected_at: None, check: tg::tg005 },
    Rule { id: RuleId::new("TT-001"), name_vi: "Quốc hiệu, Tiêu ngữ thiếu hoặc sai", name_en: "National title or motto missing or wrong", family: TT, severities: &[W, E], description: "National title or motto absent (error) or mis-capitalised (warning).", status: Imp, expected_at: Some("góc trên bên phải trang đầu: Quốc hiệu \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\", dưới đó Tiêu ngữ \"Độc lập - Tự do - Hạnh phúc\""), check: tt::tt001 },
    Rule { id: RuleId::new("TT-002"), name_vi: "Tên cơ quan ban hành viết tắt hoặc thiếu cấp", name_en: "Issuing body abbreviated or incomplete", family: TT, severities: &[W], description: "Header 'UBND TỈNH …', or a local body without its locality.", status: Warn, expected_at: None, check: tt::tt002 },
    Rule { id: RuleId::new("TT-003"), name_vi: "Thiếu tên loại hoặc trích yếu", name_en: "Missing type name or summary title", family: TT, severities: &[W, E], description: "No type line, or no summary title after it.", status: Imp, expected_at: Some("sau phần đầu, giữa trang: tên loại văn bản (chữ in hoa) và trích yếu nội dung"), check: tt::tt003 },
    Rule { id: RuleId::new("TT-004"), name_vi: "Viết tắt trong tên văn bản, tên chương, điều", name_en: "Abbreviations in the title or headings", family: TT, severities: &[W, E], description: "Abbreviations (UBND, HĐND, V/v…) in the summary title or headings (error from 01/04/2025).", status: Imp, expected_at: None, check: tt::tt004 },
    Rule { id: RuleId::new("TT-005"), name_vi: "Công thức ban hành lệch mẫu theo thời kỳ", name_en: "Enacting formula does not match the template of the period", family: TT, severities: &[I], description: "From 01/04/2025, a local VBQPPL still uses a standalone 'QUYẾT ĐỊNH:' / 'QUYẾT NGHỊ:' line.", status: Imp, expected_at: None, check: tt::tt005 },
    Rule { id: RuleId::new("BC-001"), name_vi: "Điều đánh số không liên tục hoặc trùng", name_en: "Articles not numbered consecutively", family: BC, severities: &[W, E], description: "Article numbers of the main text or of an attachment skip or repeat.", status: Imp, expected_at: None, check: bc::bc001 },
    Rule { id: RuleId::new("BC-002"), name_vi: "Phần, chương, mục, tiểu mục, điều không có tên", name_en: "Structural unit without a title", family: BC, severities: &[W], description: "An article, chapter, section or part without a heading.", status: Imp, expected_at: None, check: bc::bc002 },
    Rule { id: RuleId::new("BC-003"), name_vi: "Khoản đánh số sai", name_en: "Clauses wrongly numbered", family: BC, severities: &[W], description: "Clause numbers within an article skip or repeat.", status: Imp, expected_at: None, check: bc::bc003 },
    Rule { id: RuleId::new("BC-004"), name_vi: "Điểm đánh ký tự sai", name_en: "Points lettered wrongly", family: BC, severities: &[W], description: "Point letters outside a b c d đ e g h i k …, skipped or restarted.", status: Imp, expected_at: None, check: bc::bc004 },
    Rule { id: RuleId::new("BC-005"), name_vi: "Dùng gạch đầu dòng, ký hiệu trong điểm", name_en: "Bullets or symbols inside a point", family: BC, severities: &[W], description: "Bullet lines (-, +, •) inside an article of the main text.", status: Imp, expected_at: None, check: bc::bc005 },
    Rule { id: RuleId::new("BC-006"), name_vi: "Số thứ tự phần, chương, mục sai kiểu số", name_en: "Wrong numeral style for parts, chapters, sections", family: BC, severities: &[W], description: "Arabic chapter numbers, Roman section numbers, or chapters not consecutive.", status: Imp, expected_at: None, check: bc::bc006 },
    Rule { id: RuleId::new("BC-007"), name_vi: "Văn bản ban hành kèm theo không khớp văn bản chính", name_en: "Attached regulation does not match its parent", family: BC, severities: &[W, E], description: "An attachment names another number or date than the parent (error) or no parent (warning).", status: Imp, expected_at: Some("ngay dưới tên văn bản ban hành kèm theo: \"(Ban hành kèm theo … số … ngày … của …)\""), check: bc::bc007 },
    Rule { id: RuleId::new("CK-001"), name_vi: "Ký thừa lệnh, thừa ủy quyền văn bản QPPL", name_en: "VBQPPL signed 'TL.' or 'TUQ.'", family: CK, severities: &[W], description: "A 'TL.' or 'TUQ.' line in the signature of a normatively numbered document.", status: Warn, expected_at: None, check: ck::ck001 },
    Rule { id: RuleId::new("CK-002"), name_vi: "Thiếu \"TM.\" với cơ quan làm việc tập thể", name_en: "Collective body not signed 'on behalf of' (TM.)", family: CK, severities: &[E], description: "A Government decree or UBND decision signed without 'TM.'.", status: Imp, expected_at: None, check: ck::ck002 },
    Rule { id: RuleId::new("CK-003"), name_vi: "Chức vụ người ký không khớp quyền ký", name_en: "Signer's title inconsistent with the signing mode", family: CK, severities: &[E], description: "'KT.' followed by the head's own title, or a title of another body.", status: Imp, expected_at: None, check: ck::ck003 },
    Rule { id: RuleId::new("CK-004"), name_vi: "Chữ ký nghị quyết HĐND sai mẫu", name_en: "HĐND resolution signature not per template", family: CK, severities: &[W], description: "HĐND resolution signed 'TM.' (warning) or by someone other than the chair or a vice-chair (error).", status: Warn, expected_at: None, check: ck::ck004 },
    Rule { id: RuleId::new("CK-005"), name_vi: "Thiếu họ tên người ký", name_en: "Signer's full name missing", family: CK, severities: &[W], description: "A signature block without the signer's name.", status: Warn, expected_at: Some("dưới chức vụ người ký và chữ ký: họ và tên người ký"), check: ck::ck005 },
    Rule { id: RuleId::new("NN-001"), name_vi: "Thiếu nơi nhận", name_en: "No recipients block", family: NN, severities: &[W], description: "No 'Nơi nhận:' block.", status: Warn, expected_at: Some("góc dưới bên trái, ngang khối chữ ký: \"Nơi nhận:\" và danh sách nơi nhận"), check: nn::nn001 },
    Rule { id: RuleId::new("NN-002"), name_vi: "Nơi nhận thiếu cơ quan kiểm tra văn bản", name_en: "No document-inspection body among recipients", family: NN, severities: &[W], description: "Recipients name no inspection body (Bộ/Sở/Phòng Tư pháp, Cục Kiểm tra văn bản).", status: Warn, expected_at: None, check: nn::nn002 },
    Rule { id: RuleId::new("NN-003"), name_vi: "Nơi nhận thiếu Công báo, cổng thông tin, cơ sở dữ liệu", name_en: "No publication channel among recipients", family: NN, severities: &[W], description: "Recipients name no gazette, portal or national legal database.", status: Warn, expected_at: None, check: nn::nn003 },
    Rule { id: RuleId::new("SD-001"), name_vi: "Bãi bỏ chung chung", name_en: "Blanket repeal clause without naming the repealed text", family: SD, severities: &[E], description: "'Các quy định trước đây trái với … đều bãi bỏ' and similar.", status: Imp, expected_at: None, check: sd::sd001 },
    Rule { id: RuleId::new("SD-002"), name_vi: "Sửa đổi, bãi bỏ văn bản của cơ quan khác", name_en: "Amending or repealing another body's VBQPPL", family: SD, severities: &[E], description: "A document amends or replaces a VBQPPL whose symbol names another issuer.", status: Imp, expected_at: None, check: sd::sd002 },
    Rule { id: RuleId::new("SD-003"), name_vi: "Văn bản sửa đổi không nêu rõ vị trí sửa đổi", name_en: "Amendment without exact location", family: SD, severities: &[W], description: "'Sửa đổi, bổ sung … như sau:' naming no article, clause or point.", status: Warn, expected_at: None, check: sd::sd003 },
    Rule { id: RuleId::new("ND-001"), name_vi: "Từ viết tắt không giải thích ở lần đầu", name_en: "Abbreviation not spelled out at first use", family: ND, severities: &[W], description: "An abbreviation in the body used before being defined in parentheses.", status: Warn, expected_at: None, check: nd::nd001 },
    Rule { id: RuleId::new("ND-002"), name_vi: "Mã hóa ký tự không chuẩn", name_en: "Non-standard character encoding", family: ND, severities: &[I], description: "Source in a legacy encoding (TCVN3, VNI, misdecoded 1258) or with decomposed diacritics.", status: Imp, expected_at: None, check: nd::nd002 },
];

/// What each rule does not detect, with the reason (for the README). Every rule of RULES.md §5
/// is run; these are the parts of their "Detect" recipes left out.
pub const LIMITS: &[(&str, &str)] = &[
    ("HT-002", "content competence (whether the matter is within the issuer's power) needs a human; only the form/issuer pairing is checked"),
    ("HT-003", "\"thành phố\" is taken as the parser's level; no list of provincial-level cities by date"),
    ("HT-004", "cue counting; individual decisions with articles also match, hence warning only"),
    ("HL-003", "RULES.md marks the error severity from L2015 on as [R]: reported as a warning"),
    ("HL-006", "needs the detailed law's effective date in the registry; only laws named in the title are compared"),
    ("CC-003", "only bases the registry knows (RULES.md §10 rows, data/registry.csv, documents of the batch)"),
    ("CC-005", "the cited body's level is read from 'của …' in the citation; without it the document's own level is assumed (warning for non-provincial)"),
    ("CC-008", "registry date mismatches only for documents in the registry"),
    ("TG-004", "no gazetteer of merged provinces/communes (RULES.md §12 item 14): only district-level issuers after 01/07/2025 are reported"),
    ("CK-005", "the signer's name is the parser's; OCR often drops or moves it"),
    ("ND-001", "at most 10 undefined abbreviations per document; all-caps lines skipped"),
    ("ND-002", "decomposed diacritics are usually normalized away before checking: relies on the extractor's encoding report"),
];

/// Metadata of every rule, for reports and SARIF descriptors.
pub fn rules() -> &'static [Rule] {
    RULES
}

/// The rule with this ID.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

impl Rule {
    /// Run this rule on one document, if it exists in the document's period: its findings carry
    /// its ID and the legal basis of that period.
    pub fn run(&self, doc: &Document, ctx: &CheckContext) -> Vec<Finding> {
        let regime = DocRegime::of(doc, ctx.as_of);
        let Period::Basis(basis) = bases::of(self.id, regime.regime()) else {
            return vec![];
        };
        let mut out = (self.check)(doc, ctx, Emit::new(doc, self.id).citing(basis));
        let cited = regime.cite(basis);
        for f in &mut out {
            f.legal_basis.clone_from(&cited);
            f.legal_basis_tag = Some(basis.tag);
        }
        out
    }

    /// The highest severity the rule emits (SARIF's default level).
    pub fn severity(&self) -> Severity {
        self.severities
            .iter()
            .copied()
            .max()
            .unwrap_or(Severity::Info)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_unique_and_well_formed() {
        let re = regex::Regex::new(r"^(HT|HL|CC|SK|TG|TT|BC|CK|NN|SD|ND)-\d{3}$").unwrap();
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(re.is_match(r.id.as_str()), "{}", r.id);
            assert!(seen.insert(r.id), "duplicate {}", r.id);
            assert!(r.id.as_str().starts_with(&format!("{:?}", r.family)));
            assert!(!r.name_vi.is_empty());
            assert!(!r.severities.is_empty(), "{}: no severity", r.id);
            assert!(r.severities.windows(2).all(|w| w[0] < w[1]), "{}", r.id);
        }
        for (id, _) in LIMITS {
            assert!(rule(id).is_some(), "{id} listed in LIMITS but not a rule");
        }
    }
}
