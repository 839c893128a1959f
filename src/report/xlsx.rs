//! The inspection report as an Excel workbook (rust_xlsxwriter): "Tổng hợp" (summary), "Chi
//! tiết" (one row per finding that counts), "Văn bản" (one row per file), "Quy tắc" (the rules
//! applied) and "Đã loại" (the appendix of dismissed findings). Dates are dates, counts are
//! numbers; headers are frozen, filtered and wrapped.

use super::inspection::{DocEntry, Entry, Inspection, Tally};
use crate::check::{bases::bases, rules, Severity};
use crate::pipeline::Progress;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::path::Path;

/// Sheet names, in workbook order.
pub const SHEETS: [&str; 5] = ["Tổng hợp", "Chi tiết", "Văn bản", "Quy tắc", "Đã loại"];

/// Columns of "Chi tiết" and "Đã loại", with their widths.
pub const FINDING_COLUMNS: [(&str, f64); 18] = [
    ("STT", 6.0),
    ("Số, ký hiệu", 18.0),
    ("Trích yếu", 40.0),
    ("Cơ quan ban hành", 28.0),
    ("Ngày ban hành", 12.0),
    ("Mã lỗi", 9.0),
    ("Tên lỗi", 30.0),
    ("Mức độ", 10.0),
    ("Nội dung", 50.0),
    ("Trang", 7.0),
    ("Dòng", 7.0),
    ("Trích dẫn", 45.0),
    ("Căn cứ pháp lý", 40.0),
    ("Kiến nghị xử lý", 35.0),
    ("Trạng thái rà soát", 18.0),
    ("Ghi chú", 30.0),
    ("Mã nhận diện", 32.0),
    ("Tệp", 40.0),
];

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    wrap: Format,
    date: Format,
    number: Format,
    bold: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12)
            .set_align(FormatAlign::Top);
        Formats {
            title: base.clone().set_bold().set_font_size(14),
            header: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(0xD9E1F2)
                .set_border(FormatBorder::Thin),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            date: base.clone().set_num_format("dd/mm/yyyy"),
            number: base.clone().set_num_format("0"),
            bold: base.set_bold(),
        }
    }
}

/// The workbook's bytes.
pub fn render(report: &Inspection, progress: &dyn Progress) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(&report.options.title)
            .set_author(report.options.issuer.as_deref().unwrap_or("vbqppl"))
            .set_comment("vbqppl report"),
    );
    summary(wb.add_worksheet(), report, &f)?;
    progress.start("ghi XLSX", report.documents.len());
    findings_sheet(
        wb.add_worksheet(),
        SHEETS[1],
        report,
        report.kept(),
        &f,
        progress,
    )?;
    documents_sheet(wb.add_worksheet(), report, &f)?;
    rules_sheet(wb.add_worksheet(), report, &f)?;
    findings_sheet(
        wb.add_worksheet(),
        SHEETS[4],
        report,
        report.dismissed(),
        &f,
        &crate::pipeline::Quiet,
    )?;
    progress.finish();
    wb.save_to_buffer()
}

/// Write the workbook to `path` (atomically).
pub fn write(
    report: &Inspection,
    path: &Path,
    progress: &dyn Progress,
) -> Result<(), super::ReportError> {
    let bytes = render(report, progress).map_err(|e| super::ReportError::Render {
        format: "xlsx",
        message: e.to_string(),
    })?;
    crate::atomic::write(path, &bytes)?;
    Ok(())
}

fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()
}

fn date_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    d: Option<NaiveDate>,
    f: &Formats,
) -> Result<(), XlsxError> {
    match d.and_then(excel_date) {
        Some(x) => ws.write_datetime_with_format(row, col, &x, &f.date)?,
        None => ws.write_blank(row, col, &f.text)?,
    };
    Ok(())
}

fn headers(
    ws: &mut Worksheet,
    row: u32,
    cols: &[(&str, f64)],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (i, (name, width)) in cols.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, *name, &f.header)?;
        ws.set_column_width(i as u16, *width)?;
    }
    Ok(())
}

fn table_header(
    ws: &mut Worksheet,
    row: u32,
    names: &[&str],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (i, name) in names.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, *name, &f.header)?;
    }
    Ok(())
}

fn summary(ws: &mut Worksheet, r: &Inspection, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[0])?;
    for (col, width) in [(0u16, 45.0), (1, 16.0), (2, 16.0), (3, 16.0), (4, 16.0)] {
        ws.set_column_width(col, width)?;
    }
    let o = &r.options;
    let mut row = 0u32;
    ws.write_string_with_format(row, 0, &o.title, &f.title)?;
    row += 1;
    if let Some(issuer) = &o.issuer {
        ws.write_string_with_format(row, 0, "Cơ quan kiểm tra", &f.bold)?;
        ws.write_string_with_format(row, 1, issuer, &f.text)?;
        row += 1;
    }
    if let Some((from, to)) = o.period {
        ws.write_string_with_format(row, 0, "Kỳ kiểm tra: từ ngày", &f.bold)?;
        date_cell(ws, row, 1, Some(from), f)?;
        ws.write_string_with_format(row, 2, "đến ngày", &f.bold)?;
        date_cell(ws, row, 3, Some(to), f)?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, "Ngày lập báo cáo", &f.bold)?;
    date_cell(ws, row, 1, Some(o.date), f)?;
    row += 1;
    if let Some(file) = &r.review_file {
        ws.write_string_with_format(row, 0, "Tệp rà soát", &f.bold)?;
        ws.write_string_with_format(row, 1, file.display().to_string(), &f.text)?;
        row += 1;
    }
    row += 1;
    let t = r.totals();
    let mut figures = vec![
        ("Tổng số tệp", t.documents),
        ("Văn bản đã kiểm tra", t.checked),
        ("Tệp không kiểm tra được", t.not_checked),
        ("Văn bản có sai sót", t.with_findings),
        ("Văn bản có lỗi (mức Lỗi)", t.with_errors),
        ("Số phát hiện (không tính phát hiện đã loại)", t.findings),
        ("  trong đó mức Lỗi", t.errors),
        ("  mức Cảnh báo", t.warnings),
        ("  mức Thông tin", t.infos),
        ("  đã xác nhận", t.confirmed),
        ("  đã khắc phục", t.fixed),
        ("  chưa rà soát", t.not_reviewed),
        ("Phát hiện đã loại (xem sheet \"Đã loại\")", t.dismissed),
    ];
    if o.period.is_some() {
        figures.push(("Văn bản ban hành ngoài kỳ kiểm tra", t.outside_period));
    }
    table_header(ws, row, &["Chỉ tiêu", "Số lượng"], f)?;
    row += 1;
    for (label, n) in figures {
        ws.write_string_with_format(row, 0, label, &f.text)?;
        ws.write_number_with_format(row, 1, n as f64, &f.number)?;
        row += 1;
    }
    let tally_cols = ["Số văn bản", "Có sai sót", "Số phát hiện", "Mức Lỗi"];
    let tally = |ws: &mut Worksheet,
                 row: &mut u32,
                 title: &str,
                 rows: Vec<(String, Tally)>|
     -> Result<(), XlsxError> {
        *row += 1;
        let mut names = vec![title];
        names.extend(tally_cols);
        table_header(ws, *row, &names, f)?;
        *row += 1;
        for (label, t) in rows {
            ws.write_string_with_format(*row, 0, label, &f.wrap)?;
            for (i, n) in [t.documents, t.with_findings, t.findings, t.errors]
                .into_iter()
                .enumerate()
            {
                ws.write_number_with_format(*row, 1 + i as u16, n as f64, &f.number)?;
            }
            *row += 1;
        }
        Ok(())
    };
    let by_level = r
        .tally_by(|d| {
            d.level
                .and_then(|l| crate::parse::Level::ALL.iter().position(|x| *x == l))
                .unwrap_or(usize::MAX)
        })
        .into_iter()
        .map(|(k, t)| {
            let label = crate::parse::Level::ALL
                .get(k)
                .map_or("Không rõ (tệp không đọc được)", |l| {
                    l.label_vi()
                });
            (label.to_string(), t)
        })
        .collect();
    tally(ws, &mut row, "Theo cấp ban hành", by_level)?;
    let by_type = r
        .tally_by(|d| d.doc_type.map_or("Không xác định", |t| t.label_vi()))
        .into_iter()
        .map(|(k, t)| (k.to_string(), t))
        .collect();
    tally(ws, &mut row, "Theo loại văn bản", by_type)?;
    let by_issuer = r
        .tally_by(|d| d.issuer.clone().unwrap_or_else(|| "Không xác định".into()))
        .into_iter()
        .collect();
    tally(ws, &mut row, "Theo cơ quan ban hành", by_issuer)?;
    row += 1;
    table_header(ws, row, &["Nhóm lỗi", "Số phát hiện"], f)?;
    row += 1;
    for (prefix, name, n) in r.by_family() {
        ws.write_string_with_format(row, 0, format!("{prefix} — {name}"), &f.text)?;
        ws.write_number_with_format(row, 1, n as f64, &f.number)?;
        row += 1;
    }
    row += 1;
    table_header(ws, row, &["Quy tắc", "Số phát hiện", "Số văn bản"], f)?;
    row += 1;
    for (id, name, n, docs) in r.by_rule() {
        ws.write_string_with_format(row, 0, format!("{id} — {name}"), &f.wrap)?;
        ws.write_number_with_format(row, 1, n as f64, &f.number)?;
        ws.write_number_with_format(row, 2, docs as f64, &f.number)?;
        row += 1;
    }
    row += 1;
    table_header(ws, row, &["Tệp không kiểm tra được", "Lý do"], f)?;
    row += 1;
    for d in r.unchecked() {
        ws.write_string_with_format(row, 0, &d.path, &f.wrap)?;
        let reason = format!(
            "{}: {}",
            d.status.label_vi(),
            d.error.as_deref().unwrap_or("")
        );
        ws.write_string_with_format(row, 1, reason, &f.text)?;
        row += 1;
    }
    Ok(())
}

fn findings_sheet<'a>(
    ws: &mut Worksheet,
    name: &str,
    r: &Inspection,
    rows: impl Iterator<Item = (&'a DocEntry, &'a Entry)>,
    f: &Formats,
    progress: &dyn Progress,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    headers(ws, 0, &FINDING_COLUMNS, f)?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    ws.set_landscape().set_paper_size(9);
    let mut row = 0u32;
    let mut last_doc: Option<*const DocEntry> = None;
    for (d, e) in rows {
        if last_doc != Some(d as *const DocEntry) {
            progress.advance(Path::new(&d.path));
            last_doc = Some(d as *const DocEntry);
        }
        row += 1;
        let fi = &e.finding;
        ws.write_number_with_format(row, 0, row as f64, &f.number)?;
        ws.write_string_with_format(row, 1, d.number_vi(), &f.text)?;
        ws.write_string_with_format(row, 2, d.summary_vi(), &f.wrap)?;
        ws.write_string_with_format(row, 3, d.issuer.as_deref().unwrap_or(""), &f.wrap)?;
        date_cell(ws, row, 4, d.issue_date, f)?;
        ws.write_string_with_format(row, 5, fi.rule.as_str(), &f.text)?;
        ws.write_string_with_format(row, 6, e.rule_name_vi(), &f.wrap)?;
        ws.write_string_with_format(row, 7, fi.severity.label_vi(), &f.text)?;
        ws.write_string_with_format(row, 8, e.message_vi(), &f.wrap)?;
        match fi.page {
            Some(p) => ws.write_number_with_format(row, 9, p, &f.number)?,
            None => ws.write_blank(row, 9, &f.text)?,
        };
        ws.write_number_with_format(row, 10, fi.line as f64, &f.number)?;
        ws.write_string_with_format(row, 11, &fi.excerpt, &f.wrap)?;
        ws.write_string_with_format(row, 12, &fi.legal_basis, &f.wrap)?;
        ws.write_string_with_format(row, 13, e.handling_vi(r.options.date), &f.wrap)?;
        ws.write_string_with_format(row, 14, e.review_vi(), &f.text)?;
        ws.write_string_with_format(row, 15, e.note(), &f.wrap)?;
        ws.write_string_with_format(row, 16, e.fingerprint.as_str(), &f.text)?;
        ws.write_string_with_format(row, 17, &d.path, &f.text)?;
    }
    ws.autofilter(0, 0, row.max(1), FINDING_COLUMNS.len() as u16 - 1)?;
    Ok(())
}

fn documents_sheet(ws: &mut Worksheet, r: &Inspection, f: &Formats) -> Result<(), XlsxError> {
    const COLS: [(&str, f64); 16] = [
        ("STT", 6.0),
        ("Tệp", 40.0),
        ("Số, ký hiệu", 18.0),
        ("Loại văn bản", 14.0),
        ("Trích yếu", 45.0),
        ("Cơ quan ban hành", 28.0),
        ("Cấp", 12.0),
        ("Ngày ban hành", 12.0),
        ("Tình trạng", 24.0),
        ("Lý do không kiểm tra được", 40.0),
        ("Lỗi", 7.0),
        ("Cảnh báo", 9.0),
        ("Thông tin", 9.0),
        ("Đã loại", 8.0),
        ("Ngoài kỳ kiểm tra", 10.0),
        ("SHA-256", 20.0),
    ];
    ws.set_name(SHEETS[2])?;
    headers(ws, 0, &COLS, f)?;
    ws.set_freeze_panes(1, 0)?;
    for (i, d) in r.documents.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_number_with_format(row, 0, row as f64, &f.number)?;
        ws.write_string_with_format(row, 1, &d.path, &f.text)?;
        ws.write_string_with_format(row, 2, d.number.as_deref().unwrap_or(""), &f.text)?;
        ws.write_string_with_format(row, 3, d.doc_type.map_or("", |t| t.label_vi()), &f.text)?;
        ws.write_string_with_format(row, 4, d.title.as_deref().unwrap_or(""), &f.wrap)?;
        ws.write_string_with_format(row, 5, d.issuer.as_deref().unwrap_or(""), &f.wrap)?;
        ws.write_string_with_format(row, 6, d.level.map_or("", |l| l.label_vi()), &f.text)?;
        date_cell(ws, row, 7, d.issue_date, f)?;
        ws.write_string_with_format(row, 8, d.status_vi(), &f.wrap)?;
        ws.write_string_with_format(row, 9, d.error.as_deref().unwrap_or(""), &f.wrap)?;
        let counts = [
            d.count(Severity::Error),
            d.count(Severity::Warning),
            d.count(Severity::Info),
            d.dismissed().count(),
        ];
        for (k, n) in counts.into_iter().enumerate() {
            ws.write_number_with_format(row, 10 + k as u16, n as f64, &f.number)?;
        }
        let outside = if d.outside(r.options.period) { "x" } else { "" };
        ws.write_string_with_format(row, 14, outside, &f.text)?;
        ws.write_string_with_format(row, 15, &d.sha256, &f.text)?;
    }
    ws.autofilter(
        0,
        0,
        (r.documents.len() as u32).max(1),
        COLS.len() as u16 - 1,
    )?;
    Ok(())
}

fn rules_sheet(ws: &mut Worksheet, r: &Inspection, f: &Formats) -> Result<(), XlsxError> {
    const COLS: [(&str, f64); 7] = [
        ("Mã lỗi", 9.0),
        ("Nhóm", 24.0),
        ("Tên lỗi", 40.0),
        ("Mức độ", 16.0),
        ("Căn cứ pháp lý theo thời kỳ", 70.0),
        ("Kiến nghị xử lý", 40.0),
        ("Số phát hiện", 10.0),
    ];
    ws.set_name(SHEETS[3])?;
    headers(ws, 0, &COLS, f)?;
    ws.set_freeze_panes(1, 0)?;
    let counts: std::collections::HashMap<String, usize> = r
        .by_rule()
        .into_iter()
        .map(|(id, _, n, _)| (id, n))
        .collect();
    for (i, rule) in rules::rules().iter().enumerate() {
        let row = i as u32 + 1;
        let family = super::inspection::family_vi(rule.id.as_str().get(..2).unwrap_or(""));
        let severities: Vec<_> = rule.severities.iter().map(|s| s.label_vi()).collect();
        ws.write_string_with_format(row, 0, rule.id.as_str(), &f.text)?;
        ws.write_string_with_format(row, 1, family, &f.text)?;
        ws.write_string_with_format(row, 2, rule.name_vi, &f.wrap)?;
        ws.write_string_with_format(row, 3, severities.join(", "), &f.text)?;
        ws.write_string_with_format(row, 4, bases().summary_vi(rule.id), &f.wrap)?;
        let handling = super::handling::of_rule(rule.id.as_str()).proposal_vi(r.options.date);
        ws.write_string_with_format(row, 5, handling, &f.wrap)?;
        let n = counts.get(rule.id.as_str()).copied().unwrap_or(0);
        ws.write_number_with_format(row, 6, n as f64, &f.number)?;
    }
    ws.autofilter(0, 0, rules::rules().len() as u32, COLS.len() as u16 - 1)?;
    Ok(())
}
