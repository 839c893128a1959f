//! The inspection report as one self-contained HTML page (no scripts, no external files),
//! printable on A4: summary, defects by document, files not checked, appendix of dismissed
//! findings. Every value is HTML-escaped.

use super::docx::document_line;
use super::inspection::Inspection;
use crate::pipeline::Progress;
use std::fmt::Write as _;
use std::path::Path;

/// `&`, `<`, `>`, `"` and `'` escaped: the index's escaping, shared with the web page.
pub use crate::index::escape_html as escape;

const STYLE: &str = "body{font-family:'Times New Roman',serif;font-size:13pt;max-width:60em;margin:2em auto;padding:0 1em;color:#111}\
h1{font-size:15pt;text-align:center;margin:.2em 0}h2{font-size:13pt;margin-top:1.5em}h3{font-size:13pt;margin:1em 0 .3em}\
.center{text-align:center}.muted{color:#555}table{border-collapse:collapse;width:100%;margin:.4em 0 1em}\
th,td{border:1px solid #888;padding:3px 5px;vertical-align:top;font-size:11.5pt}th{background:#d9e1f2}\
td.n{text-align:right}q{font-style:italic}q::before{content:'« '}q::after{content:' »'}\
.error{color:#a00;font-weight:bold}.warning{color:#a60}\
@page{size:A4;margin:20mm 15mm 20mm 30mm}@media print{body{margin:0;max-width:none}tr{page-break-inside:avoid}.appendix{page-break-before:always}}";

fn table(out: &mut String, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    out.push_str("<table><thead><tr>");
    for h in header {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            // Cells are escaped by the caller (some carry markup).
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

/// The page.
pub fn render(r: &Inspection, progress: &dyn Progress) -> String {
    let o = &r.options;
    let t = r.totals();
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>\n",
        escape(&o.title)
    );
    if let Some(issuer) = &o.issuer {
        let _ = write!(
            h,
            "<p class=\"center\"><b>{}</b></p>",
            escape(&issuer.to_uppercase())
        );
    }
    let _ = write!(h, "<h1>BÁO CÁO</h1><h1>{}</h1>", escape(&o.title));
    if let Some((from, to)) = o.period {
        let _ = write!(
            h,
            "<p class=\"center\"><i>Kỳ kiểm tra: từ ngày {} đến ngày {}</i></p>",
            from.format("%d/%m/%Y"),
            to.format("%d/%m/%Y")
        );
    }
    let _ = write!(
        h,
        "<p class=\"center muted\">Ngày lập: {}</p>",
        o.date.format("%d/%m/%Y")
    );
    h.push_str("<h2>I. Kết quả kiểm tra chung</h2>");
    let figures = [
        ("Tổng số tệp", t.documents),
        ("Văn bản đã kiểm tra", t.checked),
        ("Tệp không kiểm tra được", t.not_checked),
        ("Văn bản có sai sót", t.with_findings),
        ("Văn bản có lỗi (mức Lỗi)", t.with_errors),
        ("Số phát hiện (không tính phát hiện đã loại)", t.findings),
        ("Mức Lỗi", t.errors),
        ("Mức Cảnh báo", t.warnings),
        ("Mức Thông tin", t.infos),
        ("Phát hiện đã loại (Phụ lục)", t.dismissed),
    ];
    table(
        &mut h,
        &["Chỉ tiêu", "Số lượng"],
        figures.iter().map(|(l, n)| vec![escape(l), format!("{n}")]),
    );
    let by_rule = r.by_rule();
    if !by_rule.is_empty() {
        table(
            &mut h,
            &["Mã lỗi", "Tên lỗi", "Số phát hiện", "Số văn bản"],
            by_rule.into_iter().map(|(id, name, n, d)| {
                vec![escape(&id), escape(name), n.to_string(), d.to_string()]
            }),
        );
    }
    h.push_str("<h2>II. Các văn bản có sai sót và kiến nghị xử lý</h2>\n");
    progress.start("ghi HTML", r.documents.len());
    let mut n = 0;
    for d in &r.documents {
        progress.advance(Path::new(&d.path));
        if d.kept().next().is_none() {
            continue;
        }
        n += 1;
        let _ = write!(
            h,
            "<h3>{n}. {}</h3><p class=\"muted\">{}</p>",
            escape(&document_line(d)),
            escape(&d.path)
        );
        table(
            &mut h,
            &[
                "STT",
                "Mã lỗi",
                "Nội dung sai sót",
                "Căn cứ pháp lý",
                "Kiến nghị xử lý",
                "Rà soát",
            ],
            d.kept().enumerate().map(|(i, e)| {
                let f = &e.finding;
                vec![
                    (i + 1).to_string(),
                    format!(
                        "<span class=\"{}\">{}</span><br>{}",
                        f.severity.as_str(),
                        escape(f.rule.as_str()),
                        escape(f.severity.label_vi())
                    ),
                    format!(
                        "{}<br><q>{}</q><br><span class=\"muted\">{}</span>",
                        escape(&e.message_vi()),
                        escape(&f.excerpt),
                        escape(&e.place_vi())
                    ),
                    escape(&f.legal_basis),
                    escape(&e.handling_vi(o.date)),
                    format!(
                        "{}<br><span class=\"muted\">{}</span><br><code>{}</code>",
                        escape(e.review_vi()),
                        escape(e.note()),
                        escape(e.fingerprint.as_str())
                    ),
                ]
            }),
        );
    }
    if n == 0 {
        h.push_str("<p>Không phát hiện văn bản có sai sót.</p>");
    }
    h.push_str("<h2>III. Các tệp không kiểm tra được</h2>\n");
    let unchecked: Vec<Vec<String>> = r
        .unchecked()
        .enumerate()
        .map(|(i, d)| {
            vec![
                (i + 1).to_string(),
                escape(&d.path),
                escape(&format!(
                    "{}: {}",
                    d.status.label_vi(),
                    d.error.as_deref().unwrap_or("")
                )),
            ]
        })
        .collect();
    if unchecked.is_empty() {
        h.push_str("<p>Không có.</p>");
    } else {
        table(&mut h, &["STT", "Tệp", "Lý do"], unchecked);
    }
    let dismissed: Vec<_> = r.dismissed().collect();
    if !dismissed.is_empty() {
        h.push_str(
            "<section class=\"appendix\"><h2>Phụ lục: các phát hiện đã loại sau rà soát</h2>\n",
        );
        table(
            &mut h,
            &[
                "STT",
                "Văn bản",
                "Mã lỗi",
                "Nội dung phát hiện",
                "Lý do loại",
            ],
            dismissed.iter().enumerate().map(|(i, (d, e))| {
                vec![
                    (i + 1).to_string(),
                    escape(&format!("{} ({})", d.number_vi(), d.path)),
                    escape(e.finding.rule.as_str()),
                    format!(
                        "{}<br><q>{}</q>",
                        escape(&e.message_vi()),
                        escape(&e.finding.excerpt)
                    ),
                    escape(e.note()),
                ]
            }),
        );
        h.push_str("</section>");
    }
    progress.finish();
    h.push_str("\n</body></html>\n");
    h
}

/// Write the page to `path` (atomically).
pub fn write(
    r: &Inspection,
    path: &Path,
    progress: &dyn Progress,
) -> Result<(), super::ReportError> {
    crate::atomic::write(path, render(r, progress).as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_values_is_escaped() {
        assert_eq!(
            escape("<b>\"Số\" & 'x'</b>"),
            "&lt;b&gt;&quot;Số&quot; &amp; &#39;x&#39;&lt;/b&gt;"
        );
    }
}
