//! Dev tools of vbqppl, kept out of its library: writers for the project's own sample documents
//! (PDF with embedded TrueType/Identity-H/ToUnicode, DOCX, TXT) used to build `corpus/` and test
//! fixtures, and the [`synthetic`] corpus of the index benches. Only examples, tests and benches of
//! `vbqppl` depend on this crate (a dev-dependency).
//!
//! Each document is described once as a [`SampleDoc`] (header, bases, articles, signature,
//! recipients, metadata of its deliberate defects) and laid out once as a list of [`Block`]s;
//! the PDF, DOCX and TXT writers all render those blocks.

mod catalog;
mod compose;
pub mod docx;
pub mod legacy;
pub mod pdf;
pub mod synthetic;
mod topics;
pub mod ttf;

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

pub use catalog::sample_documents;

/// Errors of the sample writers.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error("font: {0}")]
    Font(&'static str),
    #[error("pdf: {0}")]
    Pdf(String),
    #[error("docx: {0}")]
    Docx(String),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("manifest: {0}")]
    Manifest(String),
}

/// Output format of one corpus file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    /// UTF-8 text laid out like a national-database page.
    Txt,
    /// Text in the legacy TCVN3 (ABC) single-byte encoding.
    TxtTcvn3,
    /// Text in the legacy VNI-Windows encoding.
    TxtVni,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Txt | Format::TxtTcvn3 | Format::TxtVni => "txt",
        }
    }
}

/// Administrative level of the issuer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Central,
    Province,
    District,
    Commune,
}

/// A titled unit of the body: a chapter heading or an article with its paragraphs.
#[derive(Debug, Clone)]
pub enum BodyItem {
    Chapter { number: String, title: String },
    Article { heading: String, paras: Vec<String> },
}

/// A regulation attached to the main instrument (Quy định/Quy chế ban hành kèm theo).
#[derive(Debug, Clone)]
pub struct Attachment {
    pub kind: String,
    pub title: Vec<String>,
    pub reference: String,
    pub items: Vec<BodyItem>,
}

/// Signature block, top to bottom: mode/title lines, then the signer's name.
#[derive(Debug, Clone)]
pub struct Signature {
    pub lines: Vec<String>,
    pub name: String,
}

/// What the manifest says about a document.
#[derive(Debug, Clone)]
pub struct Meta {
    pub doc_type: String,
    pub issuer: String,
    pub level: Level,
    pub issue_date: NaiveDate,
    pub number: String,
    pub description: String,
    pub defects: Vec<String>,
    pub expect: Vec<&'static str>,
}

/// One sample document, defined once and rendered to any [`Format`].
#[derive(Debug, Clone)]
pub struct SampleDoc {
    /// File name stem inside `corpus/` (the extension comes from `format`).
    pub stem: String,
    pub format: Format,
    pub issuer_lines: Vec<String>,
    pub number_line: String,
    pub national_title: Vec<String>,
    pub date_line: String,
    pub type_name: String,
    pub summary: Vec<String>,
    pub authority: Vec<String>,
    pub bases: Vec<String>,
    pub enacting: String,
    /// `true`: "Điều n. Title" on its own bold line; `false`: bold "Điều n." run-in with the text.
    pub standalone_headings: bool,
    pub body: Vec<BodyItem>,
    pub closing: Option<String>,
    pub signature: Signature,
    pub recipients: Vec<String>,
    pub attachment: Option<Attachment>,
    pub meta: Meta,
}

impl SampleDoc {
    pub fn file_name(&self) -> String {
        format!("{}.{}", self.stem, self.format.extension())
    }
}

/// Font style of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

/// A piece of text in one style.
#[derive(Debug, Clone)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

impl Run {
    pub fn new(text: impl Into<String>, style: Style) -> Self {
        Run {
            text: text.into(),
            style,
        }
    }
}

/// A line of a table cell: text, style and size in points.
#[derive(Debug, Clone)]
pub struct CellLine {
    pub text: String,
    pub style: Style,
    pub size: f32,
}

fn cell(text: &str, style: Style, size: f32) -> CellLine {
    CellLine {
        text: text.to_string(),
        style,
        size,
    }
}

/// Format-neutral layout of a document, rendered by each writer.
#[derive(Debug, Clone)]
pub enum Block {
    /// The two-column header table: top rows (issuer | national title), a short rule under
    /// each top block, then the bottom row (number | place and date).
    Header {
        left_top: Vec<CellLine>,
        right_top: Vec<CellLine>,
        left_bottom: Vec<CellLine>,
        right_bottom: Vec<CellLine>,
    },
    /// Centred lines (type name, summary, chapter headings, enacting formula).
    Centered {
        runs: Vec<Run>,
        size: f32,
        rule_after: bool,
    },
    /// A justified paragraph with a first-line indent.
    Para {
        runs: Vec<Run>,
        size: f32,
    },
    /// Recipients (left) and signature (right) side by side.
    Closing {
        left: Vec<CellLine>,
        right: Vec<CellLine>,
    },
    PageBreak,
}

pub const BODY_SIZE: f32 = 14.0;
const HEADER_SIZE: f32 = 13.0;

impl SampleDoc {
    /// The document laid out as blocks (shared by all writers).
    pub fn blocks(&self) -> Vec<Block> {
        let mut out = Vec::new();
        out.push(self.header_block(&self.issuer_lines, &self.number_line, &self.date_line));
        out.push(Block::Centered {
            runs: vec![Run::new(&self.type_name, Style::Bold)],
            size: BODY_SIZE,
            rule_after: false,
        });
        if !self.summary.is_empty() {
            out.push(Block::Centered {
                runs: vec![Run::new(self.summary.join("\n"), Style::Bold)],
                size: BODY_SIZE,
                rule_after: true,
            });
        }
        if !self.authority.is_empty() {
            out.push(Block::Centered {
                runs: vec![Run::new(self.authority.join("\n"), Style::Bold)],
                size: BODY_SIZE,
                rule_after: false,
            });
        }
        for basis in &self.bases {
            out.push(Block::Para {
                runs: vec![Run::new(basis, Style::Italic)],
                size: BODY_SIZE,
            });
        }
        if !self.enacting.is_empty() {
            if self.enacting.ends_with(':') && self.enacting.chars().count() < 20 {
                out.push(Block::Centered {
                    runs: vec![Run::new(&self.enacting, Style::Bold)],
                    size: BODY_SIZE,
                    rule_after: false,
                });
            } else {
                out.push(Block::Para {
                    runs: vec![Run::new(&self.enacting, Style::Italic)],
                    size: BODY_SIZE,
                });
            }
        }
        self.body_blocks(&self.body, &mut out);
        if let Some(closing) = &self.closing {
            out.push(Block::Para {
                runs: vec![Run::new(closing, Style::Italic)],
                size: BODY_SIZE,
            });
        }
        out.push(self.closing_block());
        if let Some(att) = &self.attachment {
            out.push(Block::PageBreak);
            let short_issuer: Vec<String> = self.issuer_lines.clone();
            out.push(Block::Header {
                left_top: self.left_cell(&short_issuer),
                right_top: self.national_cell(),
                left_bottom: Vec::new(),
                right_bottom: Vec::new(),
            });
            out.push(Block::Centered {
                runs: vec![Run::new(&att.kind, Style::Bold)],
                size: BODY_SIZE,
                rule_after: false,
            });
            out.push(Block::Centered {
                runs: vec![Run::new(att.title.join("\n"), Style::Bold)],
                size: BODY_SIZE,
                rule_after: false,
            });
            out.push(Block::Centered {
                runs: vec![Run::new(&att.reference, Style::Italic)],
                size: BODY_SIZE,
                rule_after: true,
            });
            self.body_blocks(&att.items, &mut out);
        }
        out
    }

    fn left_cell(&self, issuer: &[String]) -> Vec<CellLine> {
        // The issuing body's name is bold; a parent body above a department (`UBND TỈNH …` over
        // `SỞ …`) is regular, as in the NĐ30 layout.
        let n = issuer.len();
        let under_parent = issuer.last().is_some_and(|l| l.starts_with("SỞ "));
        issuer
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let style = if under_parent && i + 1 < n {
                    Style::Regular
                } else {
                    Style::Bold
                };
                cell(l, style, HEADER_SIZE)
            })
            .collect()
    }

    fn national_cell(&self) -> Vec<CellLine> {
        self.national_title
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let size = if i == 0 { HEADER_SIZE } else { BODY_SIZE };
                cell(l, Style::Bold, size)
            })
            .collect()
    }

    fn header_block(&self, issuer: &[String], number: &str, date: &str) -> Block {
        let mut left_bottom = Vec::new();
        if !number.is_empty() {
            left_bottom.push(cell(number, Style::Regular, HEADER_SIZE));
        }
        let mut right_bottom = Vec::new();
        if !date.is_empty() {
            right_bottom.push(cell(date, Style::Italic, BODY_SIZE));
        }
        Block::Header {
            left_top: self.left_cell(issuer),
            right_top: self.national_cell(),
            left_bottom,
            right_bottom,
        }
    }

    fn body_blocks(&self, items: &[BodyItem], out: &mut Vec<Block>) {
        for item in items {
            match item {
                BodyItem::Chapter { number, title } => out.push(Block::Centered {
                    runs: vec![Run::new(format!("{number}\n{title}"), Style::Bold)],
                    size: BODY_SIZE,
                    rule_after: false,
                }),
                BodyItem::Article { heading, paras } if heading.is_empty() => {
                    for p in paras {
                        out.push(Block::Para {
                            runs: vec![Run::new(p, Style::Regular)],
                            size: BODY_SIZE,
                        });
                    }
                }
                BodyItem::Article { heading, paras } => {
                    if self.standalone_headings || paras.is_empty() {
                        out.push(Block::Para {
                            runs: vec![Run::new(heading, Style::Bold)],
                            size: BODY_SIZE,
                        });
                        for p in paras {
                            out.push(Block::Para {
                                runs: vec![Run::new(p, Style::Regular)],
                                size: BODY_SIZE,
                            });
                        }
                    } else {
                        out.push(Block::Para {
                            runs: vec![
                                Run::new(heading, Style::Bold),
                                Run::new(format!(" {}", paras[0]), Style::Regular),
                            ],
                            size: BODY_SIZE,
                        });
                        for p in &paras[1..] {
                            out.push(Block::Para {
                                runs: vec![Run::new(p, Style::Regular)],
                                size: BODY_SIZE,
                            });
                        }
                    }
                }
            }
        }
    }

    fn closing_block(&self) -> Block {
        let mut left = Vec::new();
        if !self.recipients.is_empty() {
            left.push(cell("Nơi nhận:", Style::BoldItalic, 12.0));
            for r in &self.recipients {
                left.push(cell(r, Style::Regular, 11.0));
            }
        }
        let mut right: Vec<CellLine> = self
            .signature
            .lines
            .iter()
            .map(|l| cell(l, Style::Bold, BODY_SIZE))
            .collect();
        if !self.signature.name.is_empty() {
            for _ in 0..4 {
                right.push(cell("", Style::Regular, BODY_SIZE));
            }
            right.push(cell(&self.signature.name, Style::Bold, BODY_SIZE));
        }
        Block::Closing { left, right }
    }

    /// Plain UTF-8 text laid out like a national-database page (header lines, rules,
    /// one paragraph per line, recipients before the signature).
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for block in self.blocks() {
            match block {
                Block::Header {
                    left_top,
                    right_top,
                    left_bottom,
                    right_bottom,
                } => {
                    for l in &left_top {
                        s.push_str(&l.text);
                        s.push('\n');
                    }
                    s.push_str("-------\n");
                    for l in &right_top {
                        s.push_str(&l.text);
                        s.push('\n');
                    }
                    s.push_str("---------------\n");
                    for l in left_bottom.iter().chain(&right_bottom) {
                        s.push_str(&l.text);
                        s.push('\n');
                    }
                    s.push('\n');
                }
                Block::Centered {
                    runs, rule_after, ..
                } => {
                    for r in runs {
                        s.push_str(&r.text);
                    }
                    s.push('\n');
                    if rule_after {
                        s.push_str("_______________\n");
                    }
                }
                Block::Para { runs, .. } => {
                    for r in runs {
                        s.push_str(&r.text);
                    }
                    s.push('\n');
                }
                Block::Closing { left, right } => {
                    s.push('\n');
                    for l in &left {
                        s.push_str(&l.text);
                        s.push('\n');
                    }
                    let mut blank_done = false;
                    for l in &right {
                        if l.text.is_empty() {
                            if !blank_done {
                                s.push_str("(Đã ký)\n");
                                blank_done = true;
                            }
                            continue;
                        }
                        s.push_str(&l.text);
                        s.push('\n');
                    }
                }
                Block::PageBreak => s.push_str("\n\n"),
            }
        }
        s
    }

    /// The bytes of the document in its own format.
    pub fn render(&self, fonts: &pdf::FontSet) -> Result<Vec<u8>, SampleError> {
        match self.format {
            Format::Pdf => pdf::render_pdf(self, fonts),
            Format::Docx => docx::render_docx(self),
            Format::Txt => Ok(self.to_text().into_bytes()),
            Format::TxtTcvn3 => Ok(legacy::encode_tcvn3(&self.to_text())),
            Format::TxtVni => Ok(legacy::encode_vni(&self.to_text())),
        }
    }
}

#[derive(Serialize)]
struct ManifestEntry {
    file: String,
    format: &'static str,
    #[serde(rename = "type")]
    doc_type: String,
    issuer: String,
    level: Level,
    issue_date: String,
    number: String,
    description: String,
    defects: Vec<String>,
    expect: Vec<String>,
}

#[derive(Serialize)]
struct Manifest {
    document: Vec<ManifestEntry>,
}

/// `corpus/manifest.toml`: one `[[document]]` per file.
pub fn manifest_toml(docs: &[SampleDoc]) -> Result<String, SampleError> {
    let document = docs
        .iter()
        .map(|d| ManifestEntry {
            file: d.file_name(),
            format: match d.format {
                Format::Pdf => "pdf",
                Format::Docx => "docx",
                Format::Txt => "txt",
                Format::TxtTcvn3 => "txt-tcvn3",
                Format::TxtVni => "txt-vni",
            },
            doc_type: d.meta.doc_type.clone(),
            issuer: d.meta.issuer.clone(),
            level: d.meta.level,
            issue_date: d.meta.issue_date.format("%Y-%m-%d").to_string(),
            number: d.meta.number.clone(),
            description: d.meta.description.clone(),
            defects: d.meta.defects.clone(),
            expect: d.meta.expect.iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    let body = toml::to_string(&Manifest { document })
        .map_err(|e| SampleError::Manifest(e.to_string()))?;
    Ok(format!(
        "# Generated by `cargo run --example gen_corpus`; do not edit by hand.\n\
         # expect = rule IDs of /work/shared/RULES.md that must fire on the document.\n\n{body}"
    ))
}

/// Writes every sample document and the manifest into `dir`, returning the file names written.
pub fn write_corpus(dir: &Path) -> Result<Vec<String>, SampleError> {
    std::fs::create_dir_all(dir)?;
    let fonts = pdf::FontSet::load_fixtures()?;
    let docs = sample_documents();
    let mut names = Vec::new();
    for doc in &docs {
        let bytes = doc.render(&fonts)?;
        std::fs::write(dir.join(doc.file_name()), bytes)?;
        names.push(doc.file_name());
    }
    std::fs::write(dir.join("manifest.toml"), manifest_toml(&docs)?)?;
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_unique_and_text_has_structure() {
        let docs = sample_documents();
        let mut names: Vec<String> = docs.iter().map(|d| d.file_name()).collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate file names");
        assert!(docs.len() >= 32);
        for d in &docs {
            let t = d.to_text();
            assert!(t.contains(&d.type_name), "{} lacks its type name", d.stem);
            if d.type_name != "CHỈ THỊ" {
                assert!(t.contains("Điều 1"), "{} lacks Điều 1", d.stem);
            }
        }
    }

    #[test]
    fn manifest_lists_every_document() {
        let docs = sample_documents();
        let m = manifest_toml(&docs).expect("manifest");
        let parsed: toml::Value = toml::from_str(&m).expect("toml parses");
        let list = parsed
            .get("document")
            .and_then(|v| v.as_array())
            .expect("document array");
        assert_eq!(list.len(), docs.len());
    }
}
