//! The builder of the catalogue: turns one [`DocSpec`] row of `catalog.rs` into a [`SampleDoc`].
//!
//! What a document of a given issuer, place and date looks like (header, bases in force on the
//! date, enacting formula, closing articles, signature, recipients) is decided here once; a row
//! then applies its [`Edit`]s (the deliberate defects) and records its [`Defect`]s in the manifest.
//!
//! Places and numbers are invented (tỉnh Bình An, huyện Tân Phú, xã Tân Hòa); the laws cited
//! in the bases are real, with the names and dates of RULES.md §10.

use chrono::{Datelike, NaiveDate};
use vbqppl::parse::Regime;

use crate::topics::{self, Topic};
use crate::{BodyItem, Format, Level, Meta, SampleDoc, Signature};

/// Who issues the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Quyết định of an Ủy ban nhân dân.
    Ubnd,
    /// Nghị quyết of a Hội đồng nhân dân.
    Hdnd,
    /// Nghị định of the Government.
    Government,
    /// Thông tư of the Minister of Finance.
    Ministry,
}

/// A calendar date of the catalogue; an impossible literal fails the build (const evaluation).
pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("impossible calendar date in the catalogue"),
    }
}

/// `ngày 05 tháng 3 năm 2022`: day below 10 and months 1–2 with a leading zero.
pub(crate) fn vn_date(d: NaiveDate) -> String {
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {} năm {}", d.day(), month, d.year())
}

/// The locality of a local document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    pub(crate) level: Level,
    /// Header line under the body name: `TỈNH BÌNH AN`.
    pub(crate) upper: &'static str,
    /// In running text: `tỉnh Bình An`.
    pub(crate) lower: &'static str,
    /// In the date line: `Bình An`.
    pub(crate) short: &'static str,
    /// Unit word used in phrases such as `Ủy ban nhân dân tỉnh`.
    pub(crate) unit: &'static str,
}

pub(crate) const PROVINCE: Place = Place {
    level: Level::Province,
    upper: "TỈNH BÌNH AN",
    lower: "tỉnh Bình An",
    short: "Bình An",
    unit: "tỉnh",
};
pub(crate) const DISTRICT: Place = Place {
    level: Level::District,
    upper: "HUYỆN TÂN PHÚ",
    lower: "huyện Tân Phú",
    short: "Tân Phú",
    unit: "huyện",
};
pub(crate) const COMMUNE: Place = Place {
    level: Level::Commune,
    upper: "XÃ TÂN HÒA",
    lower: "xã Tân Hòa",
    short: "Tân Hòa",
    unit: "xã",
};
pub(crate) const CENTRAL: Place = Place {
    level: Level::Central,
    upper: "",
    lower: "",
    short: "Hà Nội",
    unit: "",
};

/// When the document takes effect.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Effect {
    /// An absolute date.
    On(NaiveDate),
    /// `sau n ngày, kể từ ngày ký` (L2004 style).
    AfterDays(u32),
}

/// One row of the catalogue: everything needed to assemble a document, then its defects.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocSpec {
    /// File name stem inside `corpus/`.
    pub(crate) stem: &'static str,
    pub(crate) format: Format,
    pub(crate) kind: Kind,
    pub(crate) place: Place,
    /// Serial number of the document in its year (`12` of `12/2022/QĐ-UBND`).
    pub(crate) serial: u32,
    pub(crate) date: NaiveDate,
    pub(crate) effect: Effect,
    pub(crate) subject: Subject,
    /// A basis cited before the topic's sector laws (a delegating article, or the one sector law
    /// of a topic that names none).
    pub(crate) lead_basis: Option<&'static str>,
    /// Signed by the head (`CHỦ TỊCH`) rather than a deputy (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`).
    pub(crate) head_signs: bool,
    pub(crate) signer: &'static str,
    pub(crate) description: &'static str,
    /// Changes to the regular document, in order: the deliberate defects (and what they imply).
    pub(crate) edits: &'static [Edit],
    /// What the manifest says about each defect and the rule IDs that must fire.
    pub(crate) defects: &'static [Defect],
}

/// The subject matter of a document (see `topics`), with what the topic leaves to the row.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Subject {
    /// Decision with an attached regulation on road maintenance.
    Roads(Proposal),
    /// Price of household waste collection.
    Waste(Proposal),
    /// Fee for visiting historic sites (HĐND).
    Fee,
    /// Tuition support (HĐND).
    Tuition,
    /// Village culture houses; the row gives its sector basis as `lead_basis`.
    CultureHouse(Proposal),
    /// Government decree on rice-land funds.
    Decree,
    /// Ministry of Finance circular on a licensing fee.
    Circular,
}

impl Subject {
    fn topic(self, place: &Place, date: NaiveDate) -> Topic {
        match self {
            Subject::Roads(p) => topics::roads(place, p.text(date)),
            Subject::Waste(p) => topics::waste(place, p.text(date)),
            Subject::Fee => topics::fee(place),
            Subject::Tuition => topics::tuition(place),
            Subject::CultureHouse(p) => topics::culture_house(place, p.text(date)),
            Subject::Decree => topics::decree(),
            Subject::Circular => topics::circular(),
        }
    }
}

/// The `Theo đề nghị …` line of a decision.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Proposal {
    Text(&'static str),
    /// Proposal of a provincial department by its report (`Tờ trình`) number `n`, dated twelve
    /// days before the decision.
    Department(Department, u32),
}

impl Proposal {
    fn text(self, date: NaiveDate) -> String {
        match self {
            Proposal::Text(t) => t.to_string(),
            Proposal::Department(dept, n) => {
                let before = date - chrono::Duration::days(12);
                format!(
                    "Theo đề nghị của Giám đốc {} tại Tờ trình số {n}/TTr-{} {}.",
                    dept.name(),
                    dept.symbol(),
                    vn_date(before)
                )
            }
        }
    }
}

/// A provincial department that proposes decisions.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Department {
    Finance,
    Transport,
}

impl Department {
    fn name(self) -> &'static str {
        match self {
            Department::Finance => "Sở Tài chính",
            Department::Transport => "Sở Giao thông vận tải",
        }
    }

    /// The department's part of a document symbol (`TTr-STC`).
    fn symbol(self) -> &'static str {
        match self {
            Department::Finance => "STC",
            Department::Transport => "SGTVT",
        }
    }
}

/// An article written out in a row (its heading may be empty: the points of a Chỉ thị).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Article {
    pub(crate) heading: &'static str,
    pub(crate) paras: &'static [&'static str],
}

impl Article {
    fn item(self) -> BodyItem {
        art_owned(
            self.heading.to_string(),
            self.paras.iter().map(|p| p.to_string()).collect(),
        )
    }
}

/// One deliberate defect as the manifest describes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Defect {
    pub(crate) text: &'static str,
    /// Rule IDs of RULES.md that must fire on it.
    pub(crate) rules: &'static [&'static str],
}

/// A change to the regular document. Articles are found by the start of their heading
/// (`"Điều 4."`), paragraphs by their start (`"3. "`) or index; an edit whose target is missing
/// is a bug of the catalogue and stops [`DocSpec::compose`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Edit {
    /// The whole `Số:` line; the manifest keeps the regular number.
    NumberLine(&'static str),
    /// The number in the manifest only.
    MetaNumber(&'static str),
    /// `Số: {number}` and the manifest number.
    Number(&'static str),
    DateLine(&'static str),
    /// Type name line and the manifest's type.
    DocType {
        name: &'static str,
        meta: &'static str,
    },
    IssuerLines(&'static [&'static str]),
    /// The issuer in the manifest.
    MetaIssuer(&'static str),
    /// The second line of the national title (the motto).
    Motto(&'static str),
    Summary(&'static [&'static str]),
    Authority(&'static [&'static str]),
    Enacting(&'static str),
    ReplaceInClosing {
        from: &'static str,
        to: &'static str,
    },
    Bases(&'static [&'static str]),
    /// The first two bases (organisation and promulgation laws) as they were on another date.
    LocalBasesOf(NaiveDate),
    InsertBasis(usize, &'static str),
    SetBasis(usize, &'static str),
    ReplaceInBasis {
        index: usize,
        from: &'static str,
        to: &'static str,
    },
    /// Removes every basis containing the text.
    DropBases(&'static str),
    PopBasis,
    PushBasis(&'static str),
    Body(&'static [Article]),
    /// Replaces body items `start..end` by `with`.
    SpliceBody {
        start: usize,
        end: usize,
        with: &'static [Article],
    },
    /// Numbers the articles 1, 2, … in body order, keeping their titles.
    RenumberArticles,
    /// Replaces the first `from` of the heading that starts with `article`.
    RenameArticle {
        article: &'static str,
        from: &'static str,
        to: &'static str,
    },
    Heading {
        article: &'static str,
        heading: &'static str,
    },
    /// Removes the articles whose heading contains the text.
    DropArticles(&'static str),
    PushPara {
        article: &'static str,
        text: &'static str,
    },
    SetPara {
        article: &'static str,
        index: usize,
        text: &'static str,
    },
    /// Replaces the leading `from` of the first paragraph starting with it.
    RenumberPara {
        article: &'static str,
        from: &'static str,
        to: &'static str,
    },
    /// Replaces the first paragraph starting with `starts` by `with`.
    SplitPara {
        article: &'static str,
        starts: &'static str,
        with: &'static [&'static str],
    },
    /// The sentence `… này có hiệu lực …`, wherever it is.
    EffectClause(&'static str),
    Recipients(&'static [&'static str]),
    FirstRecipient(&'static str),
    Signature {
        lines: &'static [&'static str],
        name: &'static str,
    },
    SignatureLines(&'static [&'static str]),
    ReplaceInAttachmentReference {
        from: &'static str,
        to: &'static str,
    },
    /// Replacements applied in order to the chapter numbers of the attachment.
    AttachmentChapters(&'static [(&'static str, &'static str)]),
}

fn strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| l.to_string()).collect()
}

fn art_owned(heading: String, paras: Vec<String>) -> BodyItem {
    BodyItem::Article { heading, paras }
}

/// The paragraphs of the article whose heading starts with `prefix`.
fn article_mut<'a>(
    doc: &'a mut SampleDoc,
    prefix: &str,
) -> Result<(&'a mut String, &'a mut Vec<String>), String> {
    doc.body
        .iter_mut()
        .find_map(|b| match b {
            BodyItem::Article { heading, paras } if heading.starts_with(prefix) => {
                Some((heading, paras))
            }
            _ => None,
        })
        .ok_or_else(|| format!("no article starting with {prefix:?}"))
}

fn para_mut<'a>(paras: &'a mut [String], starts: &str) -> Result<&'a mut String, String> {
    paras
        .iter_mut()
        .find(|p| p.starts_with(starts))
        .ok_or_else(|| format!("no paragraph starting with {starts:?}"))
}

fn basis_mut(doc: &mut SampleDoc, index: usize) -> Result<&mut String, String> {
    doc.bases
        .get_mut(index)
        .ok_or_else(|| format!("no basis {index}"))
}

impl Edit {
    fn apply(self, doc: &mut SampleDoc) -> Result<(), String> {
        match self {
            Edit::NumberLine(line) => doc.number_line = line.into(),
            Edit::MetaNumber(n) => doc.meta.number = n.into(),
            Edit::Number(n) => {
                doc.number_line = format!("Số: {n}");
                doc.meta.number = n.into();
            }
            Edit::DateLine(line) => doc.date_line = line.into(),
            Edit::DocType { name, meta } => {
                doc.type_name = name.into();
                doc.meta.doc_type = meta.into();
            }
            Edit::IssuerLines(lines) => doc.issuer_lines = strings(lines),
            Edit::MetaIssuer(issuer) => doc.meta.issuer = issuer.into(),
            Edit::Motto(motto) => {
                *doc.national_title.get_mut(1).ok_or("no motto line")? = motto.into()
            }
            Edit::Summary(lines) => doc.summary = strings(lines),
            Edit::Authority(lines) => doc.authority = strings(lines),
            Edit::Enacting(text) => doc.enacting = text.into(),
            Edit::ReplaceInClosing { from, to } => {
                let closing = doc.closing.as_mut().ok_or("no closing line")?;
                *closing = closing.replace(from, to);
            }
            Edit::Bases(lines) => doc.bases = strings(lines),
            Edit::LocalBasesOf(date) => {
                if doc.bases.len() < 2 {
                    return Err("fewer than two bases".into());
                }
                doc.bases.splice(0..2, local_bases(date));
            }
            Edit::InsertBasis(index, text) => {
                if index > doc.bases.len() {
                    return Err(format!("no basis {index}"));
                }
                doc.bases.insert(index, text.into());
            }
            Edit::SetBasis(index, text) => *basis_mut(doc, index)? = text.into(),
            Edit::ReplaceInBasis { index, from, to } => {
                let basis = basis_mut(doc, index)?;
                *basis = basis.replace(from, to);
            }
            Edit::DropBases(text) => doc.bases.retain(|b| !b.contains(text)),
            Edit::PopBasis => {
                doc.bases.pop().ok_or("no basis to remove")?;
            }
            Edit::PushBasis(text) => doc.bases.push(text.into()),
            Edit::Body(articles) => doc.body = articles.iter().map(|a| a.item()).collect(),
            Edit::SpliceBody { start, end, with } => {
                if start > end || end > doc.body.len() {
                    return Err(format!("no body items {start}..{end}"));
                }
                doc.body.splice(start..end, with.iter().map(|a| a.item()));
            }
            Edit::RenumberArticles => {
                let headings = doc.body.iter_mut().filter_map(|b| match b {
                    BodyItem::Article { heading, .. } => Some(heading),
                    BodyItem::Chapter { .. } => None,
                });
                for (i, heading) in headings.enumerate() {
                    if let Some(dot) = heading.find('.') {
                        *heading = format!("Điều {}{}", i + 1, &heading[dot..]);
                    }
                }
            }
            Edit::RenameArticle { article, from, to } => {
                let (heading, _) = article_mut(doc, article)?;
                *heading = heading.replacen(from, to, 1);
            }
            Edit::Heading { article, heading } => *article_mut(doc, article)?.0 = heading.into(),
            Edit::DropArticles(text) => doc.body.retain(
                |b| !matches!(b, BodyItem::Article { heading, .. } if heading.contains(text)),
            ),
            Edit::PushPara { article, text } => article_mut(doc, article)?.1.push(text.into()),
            Edit::SetPara {
                article,
                index,
                text,
            } => {
                let (_, paras) = article_mut(doc, article)?;
                *paras
                    .get_mut(index)
                    .ok_or_else(|| format!("{article}: no paragraph {index}"))? = text.into();
            }
            Edit::RenumberPara { article, from, to } => {
                let p = para_mut(article_mut(doc, article)?.1, from)?;
                *p = p.replacen(from, to, 1);
            }
            Edit::SplitPara {
                article,
                starts,
                with,
            } => {
                let (_, paras) = article_mut(doc, article)?;
                let i = paras
                    .iter()
                    .position(|p| p.starts_with(starts))
                    .ok_or_else(|| format!("{article}: no paragraph starting with {starts:?}"))?;
                paras.splice(i..=i, strings(with));
            }
            Edit::EffectClause(clause) => set_effect(doc, clause)?,
            Edit::Recipients(lines) => doc.recipients = strings(lines),
            Edit::FirstRecipient(line) => {
                *doc.recipients.first_mut().ok_or("no recipients")? = line.into()
            }
            Edit::Signature { lines, name } => {
                doc.signature = Signature {
                    lines: strings(lines),
                    name: name.into(),
                }
            }
            Edit::SignatureLines(lines) => doc.signature.lines = strings(lines),
            Edit::ReplaceInAttachmentReference { from, to } => {
                let att = doc.attachment.as_mut().ok_or("no attachment")?;
                att.reference = att.reference.replace(from, to);
            }
            Edit::AttachmentChapters(swaps) => {
                let att = doc.attachment.as_mut().ok_or("no attachment")?;
                for item in att.items.iter_mut() {
                    if let BodyItem::Chapter { number, .. } = item {
                        for (from, to) in swaps {
                            *number = number.replace(from, to);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// Rewrites the paragraph holding `… này có hiệu lực …` (keeping a leading `1. `).
fn set_effect(doc: &mut SampleDoc, clause: &str) -> Result<(), String> {
    let needle = format!("{} này có hiệu lực", doc.meta.doc_type);
    let mut found = false;
    for b in doc.body.iter_mut() {
        if let BodyItem::Article { paras, .. } = b {
            for p in paras.iter_mut().filter(|p| p.contains(&needle)) {
                let prefix = if p.starts_with("1. ") { "1. " } else { "" };
                *p = format!("{prefix}{clause}");
                found = true;
            }
        }
    }
    found
        .then_some(())
        .ok_or_else(|| format!("no paragraph containing {needle:?}"))
}

impl DocSpec {
    /// The document of this row: built, edited, with its defects in the manifest.
    pub(crate) fn compose(&self) -> Result<SampleDoc, String> {
        let mut doc = build(self);
        for edit in self.edits {
            edit.apply(&mut doc)
                .map_err(|e| format!("catalogue row {}: {edit:?}: {e}", self.stem))?;
        }
        for defect in self.defects {
            doc.meta.defects.push(defect.text.to_string());
            doc.meta.expect.extend_from_slice(defect.rules);
        }
        Ok(doc)
    }
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

/// Organisation and promulgation laws of a local document, by the regime of the parser
/// (`Regime::of`, RULES.md §1) so that the samples and the checker share one calendar.
fn local_bases(date: NaiveDate) -> Vec<String> {
    match Regime::of(date) {
        Regime::Pre2005 | Regime::L2004L1996 | Regime::L2008L2004 => vec![
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
    let r = Regime::of(date);
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

/// The document of `spec` as its issuer would have written it, before any [`Edit`].
fn build(spec: &DocSpec) -> SampleDoc {
    let DocSpec {
        stem,
        format,
        kind,
        place,
        serial,
        date,
        effect,
        subject,
        lead_basis,
        head_signs,
        signer,
        description,
        ..
    } = *spec;
    let mut topic = subject.topic(&place, date);
    if let Some(basis) = lead_basis {
        topic.sector_bases.insert(0, basis.into());
    }
    let year = date.year();
    let number = format!("{serial:02}/{year}/{}", symbol(kind));
    let r = Regime::of(date);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(edits: &'static [Edit]) -> DocSpec {
        DocSpec {
            stem: "test",
            format: Format::Txt,
            kind: Kind::Ubnd,
            place: PROVINCE,
            serial: 3,
            date: ymd(2022, 3, 1),
            effect: Effect::On(ymd(2022, 3, 15)),
            subject: Subject::Waste(Proposal::Department(Department::Finance, 7)),
            lead_basis: None,
            head_signs: true,
            signer: "Lê Văn A",
            description: "test",
            edits,
            defects: &[Defect {
                text: "defect",
                rules: &["SK-003"],
            }],
        }
    }

    #[test]
    fn an_edit_whose_target_is_missing_is_an_error_naming_the_row() {
        let err = spec(&[Edit::PushPara {
            article: "Điều 99.",
            text: "x",
        }])
        .compose()
        .expect_err("no Điều 99");
        assert!(err.contains("test") && err.contains("Điều 99."), "{err}");
    }

    #[test]
    fn edits_apply_in_order_and_defects_reach_the_manifest() {
        let doc = spec(&[
            Edit::Number("3/2022/QĐ-UBND"),
            Edit::RenameArticle {
                article: "Điều 3.",
                from: "Điều 3.",
                to: "Điều 9.",
            },
            Edit::RenumberArticles,
        ])
        .compose()
        .expect("composes");
        assert_eq!(doc.number_line, "Số: 3/2022/QĐ-UBND");
        assert_eq!(doc.meta.number, "3/2022/QĐ-UBND");
        let headings: Vec<&str> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                BodyItem::Article { heading, .. } => heading.split('.').next(),
                BodyItem::Chapter { .. } => None,
            })
            .collect();
        assert_eq!(headings, ["Điều 1", "Điều 2", "Điều 3", "Điều 4", "Điều 5"]);
        assert_eq!(doc.meta.expect, ["SK-003"]);
        assert!(doc.bases.last().is_some_and(|b| b.contains("số 7/TTr-STC")));
    }
}
