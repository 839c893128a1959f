//! What became of one input file: checked, or not checked and why.

use crate::check::{Finding, Severity};
use crate::extract::{Encoding, Extraction, SourceFormat, TextLayer};
use crate::parse::{Document, Unit, UnitKind};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// What the extractor reported about the source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceMeta {
    pub format: SourceFormat,
    pub pages: u32,
    pub text_layer: TextLayer,
    pub encoding: Encoding,
    pub warnings: Vec<String>,
    pub furniture: Vec<String>,
    /// A copy printed in the Công báo (`normalize::gazette_copy`).
    #[serde(default)]
    pub gazette_copy: bool,
}

impl SourceMeta {
    pub(super) fn from_extraction(x: &Extraction) -> SourceMeta {
        SourceMeta {
            format: x.format,
            pages: x.pages,
            text_layer: x.text_layer,
            encoding: x.encoding,
            warnings: x.warnings.clone(),
            furniture: x.furniture.clone(),
            gazette_copy: crate::normalize::gazette_copy(&x.text)
                || x.furniture
                    .iter()
                    .any(|f| crate::normalize::gazette_copy(f)),
        }
    }
}

/// A file read, extracted, normalized and parsed: the product of the first pass.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub source: SourceMeta,
    /// The parsed model; `document.text` is the normalized text.
    pub document: Document,
}

/// Why a file could not be read. Crosses the worker pipe as JSON, so every variant is data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Unreadable {
    /// The operating system refused the read (message lowercased, without the OS error code).
    #[error("cannot read file: {0}")]
    Io(String),
    #[error("file too large: {bytes} bytes (limit {limit})")]
    TooLarge { bytes: u64, limit: u64 },
    /// The extractor's own one-line reason (`ExtractError` owns the wording).
    #[error("{0}")]
    Extract(String),
    /// A stage panicked on this document.
    #[error("internal error while reading: {0}")]
    Panic(String),
    /// The watchdog gave up on the document.
    #[error("timed out after {secs}s")]
    TimedOut { secs: u64 },
    /// An allocation failed under the worker's address-space cap.
    #[error("memory limit of {mib} MiB exceeded ({exit})")]
    MemoryLimit { mib: u64, exit: WorkerExit },
    #[error("stack overflow ({exit})")]
    StackOverflow { exit: WorkerExit },
    /// The worker died without saying why; `mib` is its cap, named in the guess.
    #[error("{exit}{}", died_guess(*.exit, *.mib))]
    WorkerDied { exit: WorkerExit, mib: u64 },
    /// The isolation itself failed (no thread or worker could be started, a broken pipe): not
    /// the document's fault, but it was not read.
    #[error("{0}")]
    Isolation(String),
}

/// How a worker process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum WorkerExit {
    #[error("extraction worker killed by signal {0}")]
    Signal(i32),
    #[error("extraction worker exited with status {0}")]
    Code(i32),
    #[error("extraction worker stopped")]
    Stopped,
}

/// `SIGKILL` on every Unix (the kernel's OOM killer sends it).
const SIGKILL: i32 = 9;

/// A guess at why a worker died silently: the OOM killer sends `SIGKILL`; another signal is
/// most often the abort of a failed allocation under the cap.
fn died_guess(exit: WorkerExit, mib: u64) -> String {
    match exit {
        WorkerExit::Signal(SIGKILL) => ": out of memory?".into(),
        WorkerExit::Signal(_) => format!(": memory limit of {mib} MiB exceeded?"),
        WorkerExit::Code(_) | WorkerExit::Stopped => String::new(),
    }
}

/// A scan: read, but there is no text to check until OCR exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no text layer (scanned); OCR is not available yet")]
pub struct NoText;

/// A mark that makes a text a legal document, as the parser reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityMark {
    /// The national title or the motto (quốc hiệu, tiêu ngữ).
    Header,
    /// The number and symbol (`Số: 12/2024/QĐ-UBND`).
    Number,
    /// The document type line (`QUYẾT ĐỊNH`).
    Type,
    /// At least one article (`Điều 1.`) outside quoted text.
    Articles,
    /// At least one line of legal basis (`Căn cứ …`).
    LegalBasis,
}

impl IdentityMark {
    pub const ALL: [IdentityMark; 5] = [
        IdentityMark::Header,
        IdentityMark::Number,
        IdentityMark::Type,
        IdentityMark::Articles,
        IdentityMark::LegalBasis,
    ];

    /// What is missing, in Vietnamese (`tên loại`).
    pub fn label_vi(self) -> &'static str {
        match self {
            IdentityMark::Header => "quốc hiệu, tiêu ngữ",
            IdentityMark::Number => "số, ký hiệu",
            IdentityMark::Type => "tên loại",
            IdentityMark::Articles => "điều",
            IdentityMark::LegalBasis => "căn cứ ban hành",
        }
    }

    fn label_en(self) -> &'static str {
        match self {
            IdentityMark::Header => "no header",
            IdentityMark::Number => "no number",
            IdentityMark::Type => "no type",
            IdentityMark::Articles => "no articles",
            IdentityMark::LegalBasis => "no legal basis",
        }
    }

    fn found_in(self, doc: &Document) -> bool {
        match self {
            IdentityMark::Header => doc.national_title.is_some() || doc.motto.is_some(),
            IdentityMark::Number => doc.number.is_some(),
            IdentityMark::Type => doc.doc_type.is_some(),
            IdentityMark::Articles => has_article(&doc.structure),
            IdentityMark::LegalBasis => !doc.legal_bases.is_empty(),
        }
    }
}

fn has_article(units: &[Unit]) -> bool {
    units
        .iter()
        .any(|u| (u.kind == UnitKind::Dieu && !u.quoted) || has_article(&u.children))
}

/// Why a readable text is not judged as a legal document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum NotLegalDocument {
    /// None of the marks of a legal document: the marks that were missing.
    #[error("not a legal document: {}", missing.iter().map(|m| m.label_en()).collect::<Vec<_>>().join(", "))]
    NoMarks { missing: Vec<IdentityMark> },
    /// A draft (`DỰ THẢO`): its number and date are blank by design.
    #[error("not a legal document: a draft (dự thảo), not an issued text")]
    Draft,
    /// An annex or a form saved apart from the document that issues it (`PHỤ LỤC`, `Mẫu số 01`
    /// among its first lines): its blanks are meant to be filled in.
    #[error("not a legal document: an annex or form detached from the document that issues it")]
    DetachedAnnex,
    /// No article and no legal basis could be read: a page about a document (its number and
    /// type, links, a schema), or a text whose provisions were not recognised.
    #[error("not a legal document: no article and no legal basis could be read (a page about a document?)")]
    NoProvisions,
}

impl NotLegalDocument {
    /// Why, for reviewers (`không có quốc hiệu, tiêu ngữ; số, ký hiệu; tên loại`).
    pub fn label_vi(&self) -> String {
        match self {
            NotLegalDocument::NoMarks { missing } => {
                let labels: Vec<&str> = missing.iter().map(|m| m.label_vi()).collect();
                format!("không có {}", labels.join("; "))
            }
            NotLegalDocument::Draft => "dự thảo, chưa ban hành".to_string(),
            NotLegalDocument::DetachedAnnex => {
                "phụ lục, biểu mẫu tách khỏi văn bản ban hành nó".to_string()
            }
            NotLegalDocument::NoProvisions => {
                "không đọc được điều khoản, căn cứ nào (trang thông tin về văn bản?)".to_string()
            }
        }
    }
}

/// Whether the parsed text is a legal document at all. Any one mark is enough: a gazette copy
/// may drop the header, a law has no "Số:" line, a regulation issued with a decision starts at
/// its own title, a badly OCRed copy keeps only its articles; each of those is a defect for the
/// rules to report (or a parser gap), not a reason to skip the file. A text with none
/// of them (a greeting, a "not found" page, a list of links) would otherwise "pass" every rule
/// that looks for something it cannot find. Three kinds of text carry marks and still are not
/// an issued document: a draft, an annex saved apart, and a page about a document without its
/// provisions; the header rules would report their blanks as defects.
pub fn legal_identity(doc: &Document) -> Result<(), NotLegalDocument> {
    if !IdentityMark::ALL.iter().any(|m| m.found_in(doc)) {
        return Err(NotLegalDocument::NoMarks {
            missing: IdentityMark::ALL.to_vec(),
        });
    }
    let opening: Vec<&str> = doc
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(16)
        .collect();
    if opening.iter().any(|l| is_draft_mark(l)) {
        return Err(NotLegalDocument::Draft);
    }
    if opening
        .iter()
        .take(3)
        .any(|l| crate::parse::is_annex_heading(l))
    {
        return Err(NotLegalDocument::DetachedAnnex);
    }
    if !IdentityMark::Articles.found_in(doc) && !IdentityMark::LegalBasis.found_in(doc) {
        return Err(NotLegalDocument::NoProvisions);
    }
    Ok(())
}

/// `DỰ THẢO`, `Dự thảo lần 4`, `(Dự thảo)`, `Dự thảo Luật về hội` at the start of a line of the
/// opening: a draft's mark (not `dự thảo` inside a sentence).
fn is_draft_mark(line: &str) -> bool {
    let l = line.trim_start_matches(['(', '[', '*', ' ']);
    l.starts_with("DỰ THẢO") || l.starts_with("Dự thảo")
}

/// What became of one file.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Read and checked against the rules.
    Checked {
        parsed: Box<Parsed>,
        findings: Vec<Finding>,
    },
    /// Read, but without a usable text layer (a scan): checking would only report the absence
    /// of everything.
    NoTextLayer(Box<Parsed>),
    /// Read, but the text has none of the marks of a legal document: not checked.
    NotLegalDocument {
        parsed: Box<Parsed>,
        reason: NotLegalDocument,
    },
    /// Not read at all.
    Unreadable(Unreadable),
}

/// The kind of [`Outcome`], for counting and labelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Checked,
    NoTextLayer,
    NotLegalDocument,
    Unreadable,
}

impl Status {
    /// The reasons a file may not be checked, in the order summaries list them.
    pub const NOT_CHECKED: [Status; 3] = [
        Status::Unreadable,
        Status::NoTextLayer,
        Status::NotLegalDocument,
    ];

    /// The Vietnamese label of the CLI summary and the human report.
    pub fn label_vi(self) -> &'static str {
        match self {
            Status::Checked => "đã kiểm tra",
            Status::NoTextLayer => "không có lớp văn bản",
            Status::NotLegalDocument => "không phải văn bản quy phạm",
            Status::Unreadable => "không đọc được",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Checked => "checked",
            Status::NoTextLayer => "no text layer",
            Status::NotLegalDocument => "not a legal document",
            Status::Unreadable => "unreadable",
        }
    }

    /// The key of the JSON report (`status`, `summary.not_checked`).
    pub fn key(self) -> &'static str {
        match self {
            Status::Checked => "checked",
            Status::NoTextLayer => "no_text_layer",
            Status::NotLegalDocument => "not_legal_document",
            Status::Unreadable => "unreadable",
        }
    }
}

/// One input file after the pipeline.
#[derive(Debug, Clone)]
pub struct DocReport {
    pub path: PathBuf,
    /// SHA-256 of the file bytes (empty when the file could not be read at all).
    pub sha256: String,
    pub elapsed: Duration,
    pub outcome: Outcome,
}

impl DocReport {
    pub fn status(&self) -> Status {
        match self.outcome {
            Outcome::Checked { .. } => Status::Checked,
            Outcome::NoTextLayer(_) => Status::NoTextLayer,
            Outcome::NotLegalDocument { .. } => Status::NotLegalDocument,
            Outcome::Unreadable(_) => Status::Unreadable,
        }
    }

    /// Why the file was not checked, in one line; `None` when it was checked.
    pub fn not_checked(&self) -> Option<String> {
        match &self.outcome {
            Outcome::Checked { .. } => None,
            Outcome::NoTextLayer(_) => Some(NoText.to_string()),
            Outcome::NotLegalDocument { reason, .. } => Some(reason.to_string()),
            Outcome::Unreadable(reason) => Some(reason.to_string()),
        }
    }

    /// The extracted and parsed file, unless it was unreadable.
    pub fn parsed(&self) -> Option<&Parsed> {
        match &self.outcome {
            Outcome::Checked { parsed, .. }
            | Outcome::NoTextLayer(parsed)
            | Outcome::NotLegalDocument { parsed, .. } => Some(parsed),
            Outcome::Unreadable(_) => None,
        }
    }

    pub fn unreadable(&self) -> Option<&Unreadable> {
        match &self.outcome {
            Outcome::Unreadable(reason) => Some(reason),
            _ => None,
        }
    }

    /// The findings; none unless checked.
    pub fn findings(&self) -> &[Finding] {
        match &self.outcome {
            Outcome::Checked { findings, .. } => findings,
            _ => &[],
        }
    }

    /// Highest severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings().iter().map(|f| f.severity).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_before_the_enum() {
        let cases = [
            (
                Unreadable::Io("permission denied".into()),
                "cannot read file: permission denied",
            ),
            (
                Unreadable::TooLarge {
                    bytes: 10,
                    limit: 5,
                },
                "file too large: 10 bytes (limit 5)",
            ),
            (Unreadable::Extract("empty file".into()), "empty file"),
            (
                Unreadable::Panic("boom".into()),
                "internal error while reading: boom",
            ),
            (Unreadable::TimedOut { secs: 35 }, "timed out after 35s"),
            (
                Unreadable::MemoryLimit {
                    mib: 64,
                    exit: WorkerExit::Signal(6),
                },
                "memory limit of 64 MiB exceeded (extraction worker killed by signal 6)",
            ),
            (
                Unreadable::StackOverflow {
                    exit: WorkerExit::Signal(11),
                },
                "stack overflow (extraction worker killed by signal 11)",
            ),
            (
                Unreadable::WorkerDied {
                    exit: WorkerExit::Signal(SIGKILL),
                    mib: 64,
                },
                "extraction worker killed by signal 9: out of memory?",
            ),
            (
                Unreadable::WorkerDied {
                    exit: WorkerExit::Signal(6),
                    mib: 2048,
                },
                "extraction worker killed by signal 6: memory limit of 2048 MiB exceeded?",
            ),
            (
                Unreadable::WorkerDied {
                    exit: WorkerExit::Code(3),
                    mib: 64,
                },
                "extraction worker exited with status 3",
            ),
        ];
        for (reason, text) in cases {
            assert_eq!(reason.to_string(), text);
        }
    }

    #[test]
    fn reasons_cross_the_pipe_unchanged() {
        let reason = Unreadable::MemoryLimit {
            mib: 64,
            exit: WorkerExit::Signal(6),
        };
        let line = serde_json::to_string(&reason).unwrap();
        assert_eq!(serde_json::from_str::<Unreadable>(&line).unwrap(), reason);
    }

    #[test]
    fn status_follows_the_outcome() {
        let report = DocReport {
            path: "a.pdf".into(),
            sha256: String::new(),
            elapsed: Duration::ZERO,
            outcome: Outcome::Unreadable(Unreadable::Extract("empty file".into())),
        };
        assert_eq!(report.status(), Status::Unreadable);
        assert!(report.parsed().is_none() && report.findings().is_empty());
        assert_eq!(report.status().label_vi(), "không đọc được");
        assert_eq!(report.status().label_en(), "unreadable");
        assert_eq!(report.not_checked().as_deref(), Some("empty file"));
    }

    #[test]
    fn a_greeting_is_not_a_legal_document() {
        let doc = crate::parse::parse("xin chào\n");
        let reason = legal_identity(&doc).unwrap_err();
        assert_eq!(
            reason,
            NotLegalDocument::NoMarks {
                missing: IdentityMark::ALL.to_vec()
            }
        );
        assert_eq!(
            reason.to_string(),
            "not a legal document: no header, no number, no type, no articles, no legal basis"
        );
    }

    #[test]
    fn provisions_or_bases_make_a_legal_document() {
        for text in [
            "QUY CHẾ\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định\n",
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n",
            "SẮC LỆNH\nĐiều thứ nhất: Thiết quân luật ở Hà Nội.\n",
        ] {
            let doc = crate::parse::parse(text);
            assert_eq!(legal_identity(&doc), Ok(()), "{text}");
        }
        // A header, a number or a type alone: a page about a document, not its provisions.
        for text in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
            "Số: 12/2024/QĐ-UBND\n",
            "Trang chủ\n>\nThông tư số 152/2025/TT-BTC Hướng dẫn kế toán\nLược đồ\n",
        ] {
            let doc = crate::parse::parse(text);
            assert_eq!(
                legal_identity(&doc),
                Err(NotLegalDocument::NoProvisions),
                "{text}"
            );
        }
    }

    #[test]
    fn drafts_and_detached_annexes_are_not_issued_documents() {
        let draft = crate::parse::parse("BỘ TÀI CHÍNH\nSố: /2015/TT-BTC\nHà Nội, ngày tháng năm 2015\nDỰ THẢO LẦN 4\nTHÔNG TƯ\nĐiều 1. Phạm vi\n");
        assert_eq!(legal_identity(&draft), Err(NotLegalDocument::Draft));
        let annex = crate::parse::parse(
            "Phụ lục I\nMẪU ĐƠN ĐỀ NGHỊ\nSố: …/…\n…, ngày … tháng … năm …\nĐiều 1. Nội dung\n",
        );
        assert_eq!(legal_identity(&annex), Err(NotLegalDocument::DetachedAnnex));
        // `dự thảo` inside a sentence of an issued text is not a mark.
        let issued = crate::parse::parse("QUYẾT ĐỊNH\nCăn cứ Luật Ban hành văn bản;\nXét dự thảo của Sở Tư pháp;\nĐiều 1. Phạm vi\n");
        assert_eq!(legal_identity(&issued), Ok(()));
    }
}
