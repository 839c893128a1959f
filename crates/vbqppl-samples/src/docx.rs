//! DOCX writer for sample documents: a zip with minimal WordprocessingML, the header and the
//! recipients/signature block as borderless two-column tables, like documents typed in Word.

use std::io::Write;

use zip::write::SimpleFileOptions;

use super::{cell, Block, CellLine, Run, SampleDoc, SampleError, Style};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn run_xml(text: &str, style: Style, size: f32) -> String {
    let mut props = String::from(
        r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>"#,
    );
    if matches!(style, Style::Bold | Style::BoldItalic) {
        props.push_str("<w:b/>");
    }
    if matches!(style, Style::Italic | Style::BoldItalic) {
        props.push_str("<w:i/>");
    }
    let half_points = (size * 2.0).round() as u32;
    props.push_str(&format!(r#"<w:sz w:val="{half_points}"/>"#));
    format!(
        r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

fn para_xml(runs: &[Run], size: f32, align: &str, indent: bool) -> String {
    let ind = if indent {
        r#"<w:ind w:firstLine="567"/>"#
    } else {
        ""
    };
    let mut s = format!(
        r#"<w:p><w:pPr><w:spacing w:before="0" w:after="120"/>{ind}<w:jc w:val="{align}"/></w:pPr>"#
    );
    for r in runs {
        for (i, piece) in r.text.split('\n').enumerate() {
            if i > 0 {
                s.push_str("<w:r><w:br/></w:r>");
            }
            s.push_str(&run_xml(piece, r.style, size));
        }
    }
    s.push_str("</w:p>");
    s
}

fn cell_xml(lines: &[CellLine], width: u32, align: &str) -> String {
    let mut s = format!(r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#);
    if lines.is_empty() {
        s.push_str("<w:p/>");
    }
    for l in lines {
        s.push_str(&format!(
            r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="{align}"/></w:pPr>{}</w:p>"#,
            run_xml(&l.text, l.style, l.size)
        ));
    }
    s.push_str("</w:tc>");
    s
}

fn table_xml(rows: &[(&[CellLine], &str, &[CellLine], &str)], widths: (u32, u32)) -> String {
    let mut s = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="{}"/><w:gridCol w:w="{}"/></w:tblGrid>"#,
        widths.0 + widths.1,
        widths.0,
        widths.1
    );
    for (left, la, right, ra) in rows {
        s.push_str("<w:tr>");
        s.push_str(&cell_xml(left, widths.0, la));
        s.push_str(&cell_xml(right, widths.1, ra));
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    s
}

/// A plain-text document laid out the way offices type it, for sending any text (the mutation
/// test's mutants included) through a word processor's PDF export: the header lines (up to the
/// last of the number, motto and date lines) in the two-column header table, issuer and number
/// left, national title, motto, place and date right; `Nơi nhận:` and its list beside the
/// signature (up to the signer's name) in the closing table; every other line a paragraph.
pub fn text_document_xml(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let right_side =
        |l: &str| l.starts_with("CỘNG HÒA") || l.starts_with("Độc lập") || l.contains(", ngày");
    let cell_of = |l: &str, style| cell(l, style, 13.0);
    let header_end = lines
        .iter()
        .take(12)
        .rposition(|l| l.starts_with("Số") || right_side(l))
        .map_or(0, |k| k + 1);
    let mut body = String::new();
    if header_end > 0 {
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for l in lines[..header_end].iter().filter(|l| !l.trim().is_empty()) {
            if right_side(l) {
                let style = if l.starts_with("CỘNG HÒA") || l.starts_with("Độc lập") {
                    Style::Bold
                } else {
                    Style::Italic
                };
                right.push(cell_of(l, style));
            } else if l.starts_with("Số") {
                left.push(cell_of(l, Style::Regular));
            } else {
                left.push(cell_of(l, Style::Bold));
            }
        }
        body.push_str(&table_xml(
            &[(left.as_slice(), "center", right.as_slice(), "center")],
            (3600, 5900),
        ));
    }
    // Titles are centred: a line in capitals (type line, attachment title, chapter) and the
    // lines under it up to the next blank line (summary, `(Ban hành kèm theo …)`).
    let mut centred = false;
    let mut after_closing = false;
    let mut k = header_end;
    while k < lines.len() {
        let l = lines[k];
        let caps = l.chars().any(char::is_uppercase) && !l.chars().any(char::is_lowercase);
        if l.trim().is_empty() {
            centred = false;
        } else if caps {
            // An attachment starts on a page of its own.
            if after_closing {
                body.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
                after_closing = false;
            }
            centred = true;
        }
        if l.starts_with("Nơi nhận") {
            let mut left = vec![cell(l, Style::BoldItalic, 12.0)];
            k += 1;
            while k < lines.len() && lines[k].starts_with('-') {
                left.push(cell(lines[k], Style::Regular, 11.0));
                k += 1;
            }
            // The signature: its lines, the blank space for the signature, the signer's name.
            let mut right = Vec::new();
            let mut blank = false;
            while k < lines.len() {
                let t = lines[k].trim();
                k += 1;
                if t.is_empty() {
                    blank = !right.is_empty();
                    continue;
                }
                right.push(cell(t, Style::Bold, 14.0));
                if blank {
                    break;
                }
            }
            if right.len() >= 2 {
                let name = right.len() - 1;
                right.insert(name, cell("", Style::Regular, 14.0));
                right.insert(name, cell("", Style::Regular, 14.0));
            }
            body.push_str(&table_xml(
                &[(left.as_slice(), "left", right.as_slice(), "center")],
                (4600, 4900),
            ));
            after_closing = true;
            continue;
        }
        if !l.trim().is_empty() {
            let (style, align) = if centred {
                (Style::Bold, "center")
            } else {
                (Style::Regular, "both")
            };
            body.push_str(&para_xml(&[Run::new(l, style)], 14.0, align, false));
        }
        k += 1;
    }
    wrap_body(&body)
}

fn wrap_body(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

/// The `word/document.xml` part of a sample document.
pub fn document_xml(doc: &SampleDoc) -> String {
    let mut body = String::new();
    for block in doc.blocks() {
        match &block {
            Block::Header {
                left_top,
                right_top,
                left_bottom,
                right_bottom,
            } => {
                let mut rows: Vec<(&[CellLine], &str, &[CellLine], &str)> = vec![(
                    left_top.as_slice(),
                    "center",
                    right_top.as_slice(),
                    "center",
                )];
                if !left_bottom.is_empty() || !right_bottom.is_empty() {
                    rows.push((
                        left_bottom.as_slice(),
                        "center",
                        right_bottom.as_slice(),
                        "center",
                    ));
                }
                body.push_str(&table_xml(&rows, (3600, 5900)));
                body.push_str("<w:p/>");
            }
            Block::Centered { runs, size, .. } => {
                body.push_str(&para_xml(runs, *size, "center", false))
            }
            Block::Para { runs, size } => body.push_str(&para_xml(runs, *size, "both", true)),
            Block::Closing { left, right } => {
                body.push_str(&table_xml(
                    &[(left.as_slice(), "left", right.as_slice(), "center")],
                    (4600, 4900),
                ));
            }
            Block::PageBreak => body.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#),
        }
    }
    wrap_body(&body)
}

/// Renders a sample document to DOCX bytes (deterministic: fixed zip timestamps).
pub fn render_docx(doc: &SampleDoc) -> Result<Vec<u8>, SampleError> {
    package(document_xml(doc))
}

/// Renders a plain-text document to DOCX bytes (see [`text_document_xml`]).
pub fn render_text_docx(text: &str) -> Result<Vec<u8>, SampleError> {
    package(text_document_xml(text))
}

fn package(document: String) -> Result<Vec<u8>, SampleError> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        // Level 10 is zopfli (pure Rust): the bytes of the committed samples must not depend on
        // which flate2 backend other crates of the build switch on (zip's `deflate` feature of
        // newer zip versions turns on zlib-rs, which compresses differently from miniz).
        let opts = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(10))
            .last_modified_time(zip::DateTime::default());
        let parts = [
            ("[Content_Types].xml", CONTENT_TYPES.to_string()),
            ("_rels/.rels", RELS.to_string()),
            ("word/document.xml", document),
        ];
        for (name, text) in parts {
            zip.start_file(name, opts)
                .map_err(|e| SampleError::Docx(e.to_string()))?;
            zip.write_all(text.as_bytes())?;
        }
        zip.finish().map_err(|e| SampleError::Docx(e.to_string()))?;
    }
    Ok(buf.into_inner())
}
