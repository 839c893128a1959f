//! The inspection report as CSV: one row per finding (dismissed ones included, with their review
//! status), the columns of the "Chi tiết" sheet. UTF-8 with a byte-order mark so that Excel reads
//! Vietnamese correctly; fields quoted as RFC 4180 says.

use super::inspection::Inspection;
use super::xlsx::FINDING_COLUMNS;
use crate::pipeline::Progress;
use std::io::{self, Write};
use std::path::Path;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One field, quoted when it holds a separator, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(out: &mut dyn Write, fields: &[String]) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.write_all(line.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// Write the CSV to `out`.
pub fn render(r: &Inspection, out: &mut dyn Write, progress: &dyn Progress) -> io::Result<()> {
    out.write_all(BOM)?;
    let header: Vec<String> = FINDING_COLUMNS.iter().map(|(h, _)| h.to_string()).collect();
    row(out, &header)?;
    progress.start("ghi CSV", r.documents.len());
    let mut n = 0;
    for d in &r.documents {
        progress.advance(Path::new(&d.path));
        for e in &d.findings {
            n += 1;
            let f = &e.finding;
            row(
                out,
                &[
                    n.to_string(),
                    d.number_vi().to_string(),
                    d.summary_vi(),
                    d.issuer.clone().unwrap_or_default(),
                    d.issue_date
                        .map(|x| x.format("%d/%m/%Y").to_string())
                        .unwrap_or_default(),
                    f.rule.to_string(),
                    e.rule_name_vi().to_string(),
                    f.severity.label_vi().to_string(),
                    e.message_vi(),
                    f.page.map(|p| p.to_string()).unwrap_or_default(),
                    f.line.to_string(),
                    f.excerpt.clone(),
                    f.legal_basis.clone(),
                    e.handling_vi(r.options.date),
                    e.review_vi().to_string(),
                    e.note().to_string(),
                    e.fingerprint.to_string(),
                    d.path.clone(),
                ],
            )?;
        }
    }
    progress.finish();
    Ok(())
}

/// Write the CSV to `path` (atomically).
pub fn write(
    r: &Inspection,
    path: &Path,
    progress: &dyn Progress,
) -> Result<(), super::ReportError> {
    crate::atomic::write_with(path, |w| render(r, w, progress))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("Số: 5/2022/QĐ-UBND"), "Số: 5/2022/QĐ-UBND");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
