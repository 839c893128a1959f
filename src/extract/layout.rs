//! Paragraphs and tables of structured inputs (DOCX, Word 97, HTML) turned into body lines in
//! the order a reviewer reads them, and the final clean-up every extractor's text goes through.

use unicode_normalization::UnicodeNormalization;

/// One top-level unit of a document body.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    Para(String),
    /// Rows of cells; a cell may hold several lines.
    Table(Vec<Vec<String>>),
}

#[derive(Debug, Default)]
struct TableBuilder {
    rows: Vec<Vec<String>>,
    row: Option<Vec<String>>,
    cell: Option<String>,
}

impl TableBuilder {
    fn end_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            self.row.get_or_insert_with(Vec::new).push(cell);
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.row.take() {
            self.rows.push(row);
        }
    }
}

/// Collects blocks from a stream of structure events; tolerant of missing ends (HTML).
#[derive(Debug, Default)]
pub(super) struct BlockBuilder {
    blocks: Vec<Block>,
    tables: Vec<TableBuilder>,
    line: String,
}

impl BlockBuilder {
    /// Append inline text to the current line.
    pub(super) fn text(&mut self, s: &str) {
        self.line.push_str(s);
    }

    /// Whether the current line has no text yet.
    pub(super) fn line_is_empty(&self) -> bool {
        self.line.trim().is_empty()
    }

    /// Whether a separating space may follow the current line's text.
    pub(super) fn wants_space(&self) -> bool {
        !self.line.is_empty() && !self.line.ends_with([' ', '\t'])
    }

    /// End the current line (a paragraph end or a line break).
    pub(super) fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim_end();
        match self.tables.last_mut() {
            Some(t) => {
                let cell = t.cell.get_or_insert_with(String::new);
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(line);
            }
            None => self.blocks.push(Block::Para(line.to_string())),
        }
    }

    fn flush_line(&mut self) {
        if !self.line.trim().is_empty() {
            self.end_line();
        } else {
            self.line.clear();
        }
    }

    pub(super) fn start_table(&mut self) {
        self.flush_line();
        self.tables.push(TableBuilder::default());
    }

    pub(super) fn start_row(&mut self) {
        self.flush_line();
        if let Some(t) = self.tables.last_mut() {
            t.end_row();
            t.row = Some(Vec::new());
        }
    }

    pub(super) fn start_cell(&mut self) {
        self.flush_line();
        if let Some(t) = self.tables.last_mut() {
            t.end_cell();
            t.cell = Some(String::new());
        }
    }

    pub(super) fn end_cell(&mut self) {
        self.flush_line();
        if let Some(t) = self.tables.last_mut() {
            t.end_cell();
        }
    }

    pub(super) fn end_row(&mut self) {
        self.flush_line();
        if let Some(t) = self.tables.last_mut() {
            t.end_row();
        }
    }

    pub(super) fn end_table(&mut self) {
        self.flush_line();
        let Some(mut t) = self.tables.pop() else {
            return;
        };
        t.end_row();
        match self.tables.last_mut() {
            // A table inside a cell: its rows become lines of that cell.
            Some(outer) => {
                let cell = outer.cell.get_or_insert_with(String::new);
                for row in &t.rows {
                    let line = row_line(row);
                    if line.is_empty() {
                        continue;
                    }
                    if !cell.is_empty() {
                        cell.push('\n');
                    }
                    cell.push_str(&line);
                }
            }
            None => self.blocks.push(Block::Table(t.rows)),
        }
    }

    /// Close whatever is still open and return the blocks.
    pub(super) fn finish(mut self) -> Vec<Block> {
        self.flush_line();
        while !self.tables.is_empty() {
            self.end_table();
        }
        self.blocks
    }

    /// Nesting depth of open tables.
    pub(super) fn table_depth(&self) -> usize {
        self.tables.len()
    }
}

/// One table row on one line: cells separated by a tab, lines inside a cell joined by a space.
fn row_line(row: &[String]) -> String {
    let cells: Vec<String> = row
        .iter()
        .map(|c| {
            c.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let last = cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    cells[..last].join("\t")
}

/// Whether a table is the two-column header (issuer | motto) or signature (recipients | signer)
/// block, which reviewers read column by column rather than row by row.
fn is_column_read_table(rows: &[Vec<String>]) -> bool {
    let filled: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if filled.is_empty() || filled.len() > 4 || filled.iter().any(|r| r.len() != 2) {
        return false;
    }
    let text: String = filled
        .iter()
        .flat_map(|r| r.iter())
        .flat_map(|c| c.chars().flat_map(char::to_lowercase))
        .collect::<String>()
        .nfc()
        .collect();
    let signature = filled.iter().flat_map(|r| r.iter()).any(|c| {
        let lower = c.trim_start().to_lowercase();
        [
            "tm.",
            "tm ",
            "kt.",
            "kt ",
            "tl.",
            "q.",
            "thay mặt",
            "thừa lệnh",
            "ký thay",
        ]
        .iter()
        .any(|k| lower.starts_with(k))
    });
    signature
        || [
            "cộng hòa",
            "cộng hoà",
            "độc lập",
            "nơi nhận",
            "đã ký",
            "đã kí",
        ]
        .iter()
        .any(|k| text.contains(k))
}

/// Lay blocks out as body text: paragraphs as lines, tables as rows, the header and signature
/// tables column by column (issuer, number; then motto, place and date).
pub(super) fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Para(p) => {
                out.push_str(p);
                out.push('\n');
            }
            Block::Table(rows) if is_column_read_table(rows) => {
                for col in 0..2 {
                    for row in rows {
                        let Some(cell) = row.get(col) else { continue };
                        for line in cell.split('\n').filter(|l| !l.trim().is_empty()) {
                            out.push_str(line.trim());
                            out.push('\n');
                        }
                    }
                }
            }
            Block::Table(rows) => {
                for row in rows {
                    let line = row_line(row);
                    if !line.is_empty() {
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
            }
        }
    }
    out
}

/// Final shape of every extracted text: NFC, `\n` line ends, no NUL or other control characters
/// (tab kept as the cell separator), no BOM, trailing spaces trimmed, runs of blank lines
/// collapsed to one, no leading or trailing blank lines.
pub fn clean_text(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    let mut blank_run = 0usize;
    for line in unified.split('\n') {
        let line: String = line
            .chars()
            .filter_map(|c| match c {
                '\t' => Some('\t'),
                '\u{FEFF}' | '\u{AD}' | '\u{200B}' => None,
                c if c.is_control() => Some(' ').filter(|_| c == '\u{0B}' || c == '\u{0C}'),
                c => Some(c),
            })
            .collect();
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(line);
    }
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Block {
        Block::Table(
            rows.iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        )
    }

    #[test]
    fn header_table_read_column_by_column() {
        let blocks = vec![
            table(&[
                &[
                    "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                ],
                &["Số: 12/2024/QĐ-UBND", "Sơn La, ngày 5 tháng 3 năm 2024"],
            ]),
            Block::Para("QUYẾT ĐỊNH".into()),
        ];
        assert_eq!(
            render(&blocks),
            "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 12/2024/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Độc lập - Tự do - Hạnh phúc\nSơn La, ngày 5 tháng 3 năm 2024\nQUYẾT ĐỊNH\n"
        );
    }

    #[test]
    fn signature_table_read_column_by_column() {
        let blocks = vec![table(&[&[
            "",
            "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nNguyễn Văn A",
        ]])];
        assert_eq!(
            render(&blocks),
            "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nNguyễn Văn A\n"
        );
    }

    #[test]
    fn data_table_read_row_by_row() {
        let blocks = vec![table(&[&["STT", "Tên", ""], &["1", "Nguyễn\nVăn A", "x"]])];
        assert_eq!(render(&blocks), "STT\tTên\n1\tNguyễn Văn A\tx\n");
    }

    #[test]
    fn builder_nested_table_flattens_into_cell() {
        let mut b = BlockBuilder::default();
        b.start_table();
        b.start_row();
        b.start_cell();
        b.text("a");
        b.start_table();
        b.start_row();
        b.start_cell();
        b.text("x");
        b.start_cell();
        b.text("y");
        b.end_table();
        b.end_cell();
        b.end_row();
        b.end_table();
        assert_eq!(b.finish(), vec![Block::Table(vec![vec!["a\nx\ty".into()]])]);
    }

    #[test]
    fn clean_text_strips_controls_and_blank_runs() {
        assert_eq!(
            clean_text("\u{FEFF}a\r\nb \u{0}c\r\r\r\nd\u{7}\n\n"),
            "a\nb c\n\nd"
        );
        assert_eq!(clean_text("Thu\u{301}y"), "Thúy");
    }
}
