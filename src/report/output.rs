//! The inspection report's file formats and the one entry point that writes any of them.

use super::inspection::Inspection;
use crate::atomic::WriteError;
use crate::pipeline::Progress;
use std::path::Path;
use std::str::FromStr;

/// A file format of `vbqppl report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Xlsx,
    Docx,
    Csv,
    Html,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 4] = [
        ReportFormat::Xlsx,
        ReportFormat::Docx,
        ReportFormat::Csv,
        ReportFormat::Html,
    ];

    /// The key on the command line, and the file extension.
    pub fn key(self) -> &'static str {
        match self {
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Docx => "docx",
            ReportFormat::Csv => "csv",
            ReportFormat::Html => "html",
        }
    }

    /// The format named by a file's extension (`.htm` too), case-insensitive.
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "htm" => Some(ReportFormat::Html),
            e => e.parse().ok(),
        }
    }
}

impl FromStr for ReportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<ReportFormat, String> {
        ReportFormat::ALL
            .into_iter()
            .find(|f| f.key() == s)
            .ok_or_else(|| {
                format!("unknown report format {s:?} (expected xlsx, docx, csv or html)")
            })
    }
}

/// Why a report could not be written (one line naming the file or the format).
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot build the {format} report: {message}")]
    Render {
        format: &'static str,
        message: String,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Write `report` to `path` in `format`, atomically: a failure leaves no half-written file.
pub fn write_report(
    report: &Inspection,
    path: &Path,
    format: ReportFormat,
    progress: &dyn Progress,
) -> Result<(), ReportError> {
    match format {
        ReportFormat::Xlsx => super::xlsx::write(report, path, progress),
        ReportFormat::Docx => super::docx::write(report, path, progress),
        ReportFormat::Csv => super::csv::write(report, path, progress),
        ReportFormat::Html => super::html::write(report, path, progress),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_follows_the_extension() {
        assert_eq!(
            ReportFormat::from_path(Path::new("a/b.XLSX")),
            Some(ReportFormat::Xlsx)
        );
        assert_eq!(
            ReportFormat::from_path(Path::new("b.htm")),
            Some(ReportFormat::Html)
        );
        assert_eq!(ReportFormat::from_path(Path::new("b.pdf")), None);
        assert_eq!(ReportFormat::from_path(Path::new("b")), None);
    }
}
