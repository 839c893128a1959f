//! The inspection report as a Word document (docx-rs) in the administrative style: A4, margins
//! 20/20/30/15 mm, Times New Roman 13 (tables 12), header with the inspecting body and the national
//! title, then the summary, the defects grouped by document with their legal ground and proposed
//! handling, the files not checked, and the appendix of dismissed findings.

use super::inspection::{DocEntry, Entry, Inspection};
use crate::pipeline::Progress;
use chrono::Datelike;
use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, PageMargin, PageNum, Paragraph, Run, RunFonts,
    Shading, Table, TableCell, TableRow, WidthType,
};
use std::path::Path;

const FONT: &str = "Times New Roman";
/// Sizes in half-points.
const BODY: usize = 26;
const SMALL: usize = 24;
const TITLE: usize = 28;
/// A4 and the usable width, in twentieths of a point.
const A4: (u32, u32) = (11906, 16838);
const TEXT_WIDTH: usize = 11906 - 1701 - 850;

/// Text safe for XML: control characters other than tab and newline dropped.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\t' || *c == '\n')
        .collect()
}

fn run(text: &str) -> Run {
    Run::new().add_text(clean(text))
}

fn para(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text))
        .align(AlignmentType::Both)
        .line_spacing(LineSpacing::new().after(120))
}

fn centered(r: Run) -> Paragraph {
    Paragraph::new().add_run(r).align(AlignmentType::Center)
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text).bold())
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(120).after(120))
}

fn cell(text: &str, width: usize) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    for (i, line) in text.split('\n').enumerate() {
        let r = run(line).size(SMALL);
        let r = if i > 0 && line.starts_with('«') {
            r.italic()
        } else {
            r
        };
        c = c.add_paragraph(Paragraph::new().add_run(r));
    }
    c
}

fn header_cell(text: &str, width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .shading(Shading::new().fill("D9E1F2"))
        .add_paragraph(centered(run(text).bold().size(SMALL)))
}

fn table(widths: &[usize], header: &[&str], rows: Vec<Vec<String>>) -> Table {
    let mut out = vec![TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, w)| header_cell(h, *w))
            .collect(),
    )
    .cant_split()];
    for row in rows {
        out.push(
            TableRow::new(row.iter().zip(widths).map(|(t, w)| cell(t, *w)).collect()).cant_split(),
        );
    }
    Table::new(out)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
}

/// `ngày 05 tháng 03 năm 2020`
fn date_words(d: chrono::NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {:02} năm {}",
        d.day(),
        d.month(),
        d.year()
    )
}

/// `Quyết định số 15/2020/QĐ-UBND ngày 05/03/2020 của UBND tỉnh ... Về việc ...`
pub fn document_line(d: &DocEntry) -> String {
    let mut s = d.doc_type.map_or("Văn bản", |t| t.label_vi()).to_string();
    s.push_str(&format!(" số {}", d.number_vi()));
    if let Some(date) = d.issue_date {
        s.push_str(&format!(" ngày {}", date.format("%d/%m/%Y")));
    }
    if let Some(issuer) = &d.issuer {
        s.push_str(&format!(" của {issuer}"));
    }
    if let Some(title) = &d.title {
        s.push_str(&format!(" {}", lower_first(title)));
    }
    s
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The defect cell: message, then the excerpt and the place.
fn defect_text(e: &Entry) -> String {
    format!(
        "{}\n« {} »\n({})",
        e.message_vi(),
        e.finding.excerpt,
        e.place_vi()
    )
}

/// The document's bytes.
pub fn render(r: &Inspection, progress: &dyn Progress) -> Result<Vec<u8>, String> {
    let o = &r.options;
    let t = r.totals();
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1701)
                .right(850)
                .header(567)
                .footer(567),
        )
        .default_fonts(fonts)
        .default_size(BODY)
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .add_page_num(PageNum::new())
                    .align(AlignmentType::Center),
            ),
        );

    // Header: inspecting body on the left, national title on the right.
    let left = TableCell::new()
        .width(3800, WidthType::Dxa)
        .add_paragraph(centered(
            run(&o.issuer.clone().unwrap_or_default().to_uppercase())
                .bold()
                .size(SMALL),
        ))
        .add_paragraph(centered(run("Số:        /BC").size(BODY)));
    let right = TableCell::new()
        .width(TEXT_WIDTH - 3800, WidthType::Dxa)
        .add_paragraph(centered(
            run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold().size(SMALL),
        ))
        .add_paragraph(centered(
            run("Độc lập - Tự do - Hạnh phúc").bold().size(BODY),
        ))
        .add_paragraph(centered(
            run(&format!("……………, {}", date_words(o.date))).italic(),
        ));
    doc = doc.add_table(
        Table::without_borders(vec![TableRow::new(vec![left, right])])
            .set_grid(vec![3800, TEXT_WIDTH - 3800])
            .width(TEXT_WIDTH, WidthType::Dxa),
    );
    doc = doc
        .add_paragraph(Paragraph::new())
        .add_paragraph(centered(run("BÁO CÁO").bold().size(TITLE)))
        .add_paragraph(centered(run(&o.title).bold().size(TITLE)));
    if let Some((from, to)) = o.period {
        doc = doc.add_paragraph(centered(
            run(&format!(
                "Kỳ kiểm tra: từ ngày {} đến ngày {}",
                from.format("%d/%m/%Y"),
                to.format("%d/%m/%Y")
            ))
            .italic(),
        ));
    }
    doc = doc.add_paragraph(Paragraph::new());

    // I. Summary.
    doc = doc
        .add_paragraph(heading("I. KẾT QUẢ KIỂM TRA CHUNG"))
        .add_paragraph(para(&format!(
            "1. Tổng số tệp tiếp nhận: {}; số văn bản đã kiểm tra: {}; số tệp không kiểm tra được: {}.",
            t.documents, t.checked, t.not_checked
        )))
        .add_paragraph(para(&format!(
            "2. Số văn bản có sai sót: {} (trong đó {} văn bản có lỗi ở mức Lỗi); tổng số phát hiện: {} ({} lỗi, {} cảnh báo, {} thông tin), trong đó {} đã được xác nhận, {} đã được khắc phục, {} chưa rà soát.",
            t.with_findings, t.with_errors, t.findings, t.errors, t.warnings, t.infos, t.confirmed, t.fixed, t.not_reviewed
        )))
        .add_paragraph(para(&format!(
            "3. Số phát hiện đã loại sau rà soát (không phải sai sót, không tính vào số liệu trên): {}{}.",
            t.dismissed,
            if t.dismissed > 0 { ", liệt kê tại Phụ lục" } else { "" }
        )));
    if o.period.is_some() && t.outside_period > 0 {
        doc = doc.add_paragraph(para(&format!(
            "4. Số văn bản có ngày ban hành ngoài kỳ kiểm tra: {}.",
            t.outside_period
        )));
    }
    let families = r.by_family();
    if !families.is_empty() {
        doc = doc
            .add_paragraph(para("Số phát hiện theo nhóm lỗi:"))
            .add_table(table(
                &[1200, 5955, 2200],
                &["Nhóm", "Tên nhóm lỗi", "Số phát hiện"],
                families
                    .into_iter()
                    .map(|(p, name, n)| vec![p.to_string(), name.to_string(), n.to_string()])
                    .collect(),
            ))
            .add_paragraph(Paragraph::new())
            .add_paragraph(para("Số phát hiện theo quy tắc:"))
            .add_table(table(
                &[1200, 5155, 1500, 1500],
                &["Mã lỗi", "Tên lỗi", "Số phát hiện", "Số văn bản"],
                r.by_rule()
                    .into_iter()
                    .map(|(id, name, n, docs)| {
                        vec![id, name.to_string(), n.to_string(), docs.to_string()]
                    })
                    .collect(),
            ));
    }

    // II. Defects by document.
    progress.start("ghi DOCX", r.documents.len());
    doc = doc.add_paragraph(heading("II. CÁC VĂN BẢN CÓ SAI SÓT VÀ KIẾN NGHỊ XỬ LÝ"));
    let widths = [760, 1000, 3395, 2100, 2100];
    let mut n = 0;
    for d in &r.documents {
        progress.advance(Path::new(&d.path));
        let kept: Vec<&Entry> = d.kept().collect();
        if kept.is_empty() {
            continue;
        }
        n += 1;
        doc = doc.add_paragraph(heading(&format!("{n}. {}", document_line(d))));
        let rows = kept
            .iter()
            .enumerate()
            .map(|(i, e)| {
                vec![
                    (i + 1).to_string(),
                    format!("{}\n{}", e.finding.rule, e.finding.severity.label_vi()),
                    defect_text(e),
                    e.finding.legal_basis.clone(),
                    match e.decision.as_ref() {
                        Some(_) => format!("{}\n({})", e.handling_vi(o.date), e.review_vi()),
                        None => e.handling_vi(o.date),
                    },
                ]
            })
            .collect();
        doc = doc.add_table(table(
            &widths,
            &[
                "STT",
                "Mã lỗi",
                "Nội dung sai sót",
                "Căn cứ pháp lý",
                "Kiến nghị xử lý",
            ],
            rows,
        ));
    }
    if n == 0 {
        doc = doc.add_paragraph(para("Không phát hiện văn bản có sai sót."));
    }

    // III. Files not checked.
    doc = doc.add_paragraph(heading("III. CÁC TỆP KHÔNG KIỂM TRA ĐƯỢC"));
    let unchecked: Vec<Vec<String>> = r
        .unchecked()
        .enumerate()
        .map(|(i, d)| {
            vec![
                (i + 1).to_string(),
                d.path.clone(),
                format!(
                    "{}: {}",
                    d.status.label_vi(),
                    d.error.as_deref().unwrap_or("")
                ),
            ]
        })
        .collect();
    if unchecked.is_empty() {
        doc = doc.add_paragraph(para("Không có."));
    } else {
        doc = doc
            .add_paragraph(para(
                "Các tệp sau chưa được kiểm tra (không được coi là đạt); đề nghị bổ sung bản có lớp văn bản hoặc kiểm tra thủ công:",
            ))
            .add_table(table(&[760, 4195, 4400], &["STT", "Tệp", "Lý do"], unchecked));
    }

    // IV. Proposals.
    doc = doc
        .add_paragraph(heading("IV. KIẾN NGHỊ"))
        .add_paragraph(para(
            "Đề nghị cơ quan ban hành các văn bản nêu tại Mục II tự kiểm tra và xử lý theo kiến nghị đối với từng sai sót; báo cáo kết quả xử lý về cơ quan kiểm tra văn bản.",
        ));

    // Signature.
    let sign = Table::without_borders(vec![TableRow::new(vec![
        TableCell::new()
            .width(4677, WidthType::Dxa)
            .add_paragraph(Paragraph::new().add_run(run("Nơi nhận:").bold().italic().size(SMALL)))
            .add_paragraph(Paragraph::new().add_run(run("- Như trên;").size(22)))
            .add_paragraph(Paragraph::new().add_run(run("- Lưu: VT.").size(22))),
        TableCell::new()
            .width(TEXT_WIDTH - 4677, WidthType::Dxa)
            .add_paragraph(centered(run("NGƯỜI KIỂM TRA").bold()))
            .add_paragraph(centered(run("(Ký, ghi rõ họ tên)").italic())),
    ])])
    .set_grid(vec![4677, TEXT_WIDTH - 4677])
    .width(TEXT_WIDTH, WidthType::Dxa);
    doc = doc.add_paragraph(Paragraph::new()).add_table(sign);

    // Appendix: dismissed findings.
    let dismissed: Vec<(&DocEntry, &Entry)> = r.dismissed().collect();
    if !dismissed.is_empty() {
        doc = doc
            .add_paragraph(
                Paragraph::new()
                    .add_run(run("PHỤ LỤC").bold().size(TITLE))
                    .align(AlignmentType::Center)
                    .page_break_before(true),
            )
            .add_paragraph(centered(
                run("Các phát hiện đã loại sau rà soát (không phải sai sót)").bold(),
            ))
            .add_paragraph(Paragraph::new())
            .add_table(table(
                &[760, 2300, 1000, 2995, 2300],
                &[
                    "STT",
                    "Văn bản",
                    "Mã lỗi",
                    "Nội dung phát hiện",
                    "Lý do loại, người rà soát",
                ],
                dismissed
                    .iter()
                    .enumerate()
                    .map(|(i, (d, e))| {
                        let who = e
                            .decision
                            .as_ref()
                            .and_then(|x| x.by.clone())
                            .unwrap_or_default();
                        let when = e
                            .decision
                            .as_ref()
                            .and_then(|x| x.at.as_deref())
                            .map(|a| a.get(..10).unwrap_or(a).to_string())
                            .unwrap_or_default();
                        vec![
                            (i + 1).to_string(),
                            format!("{} ({})", d.number_vi(), d.path),
                            e.finding.rule.to_string(),
                            defect_text(e),
                            [e.note(), &format!("{who} {when}")]
                                .iter()
                                .map(|x| x.trim())
                                .filter(|x| !x.is_empty())
                                .collect::<Vec<_>>()
                                .join("\n"),
                        ]
                    })
                    .collect(),
            ));
    }
    progress.finish();
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| e.to_string())?;
    deflate(&buf.into_inner()).map_err(|e| e.to_string())
}

/// The package with its parts deflated, in the same order. docx-rs stores them uncompressed,
/// which makes the report of 10,000 findings a 40 MB file instead of a few MB.
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let name = part.name().to_string();
        if part.is_dir() {
            out.add_directory(name, SimpleFileOptions::default())?;
        } else {
            out.start_file(name, options)?;
            std::io::copy(&mut part, &mut out)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// Write the document to `path` (atomically).
pub fn write(
    r: &Inspection,
    path: &Path,
    progress: &dyn Progress,
) -> Result<(), super::ReportError> {
    let bytes = render(r, progress).map_err(|message| super::ReportError::Render {
        format: "docx",
        message,
    })?;
    crate::atomic::write(path, &bytes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_package_is_deflated_and_keeps_its_parts_in_order() {
        let r = Inspection {
            options: Default::default(),
            documents: vec![],
            review_file: None,
        };
        let bytes = render(&r, &crate::pipeline::Quiet).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<String> = zip.file_names().map(String::from).collect();
        let content_types = names
            .iter()
            .position(|n| n == "[Content_Types].xml")
            .unwrap();
        assert!(
            names[..content_types].iter().all(|n| n.ends_with('/')),
            "{names:?}"
        );
        let part = zip.by_name("word/document.xml").unwrap();
        assert_eq!(part.compression(), zip::CompressionMethod::Deflated);
        assert!(part.compressed_size() < part.size() / 2);
    }

    #[test]
    fn control_characters_never_reach_the_xml() {
        assert_eq!(clean("a\u{0}b\u{b}c\td\ne"), "abc\td\ne");
    }

    #[test]
    fn a_document_is_named_as_reviewers_write_it() {
        let d = DocEntry {
            path: "a.pdf".into(),
            sha256: String::new(),
            status: crate::pipeline::Status::Checked,
            error: None,
            number: Some("15/2020/QĐ-UBND".into()),
            doc_type: Some(crate::parse::DocType::QuyetDinh),
            issuer: Some("Ủy ban nhân dân tỉnh Bình An".into()),
            level: None,
            issue_date: chrono::NaiveDate::from_ymd_opt(2020, 3, 5),
            title: Some("Về việc ban hành giá thu gom rác".into()),
            findings: vec![],
        };
        assert_eq!(
            document_line(&d),
            "Quyết định số 15/2020/QĐ-UBND ngày 05/03/2020 của Ủy ban nhân dân tỉnh Bình An về việc ban hành giá thu gom rác"
        );
    }
}
