//! PDF writer for sample documents, built on lopdf: A4 pages laid out like a Word export of a
//! Vietnamese decision (two-column header table, justified body, recipients and signature side by
//! side, page numbers), with Liberation Serif embedded as Type0/CIDFontType2 fonts (Identity-H,
//! CIDToGIDMap Identity, W widths from `hmtx`, a ToUnicode CMap, glyph-id-preserving subsets).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use lopdf::{dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::ttf::TrueTypeFont;
use super::{Block, CellLine, Run, SampleDoc, SampleError, Style};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_L: f32 = 85.04;
const MARGIN_R: f32 = 56.69;
const MARGIN_T: f32 = 56.69;
const MARGIN_B: f32 = 56.69;
const INDENT: f32 = 35.4;
const PARA_GAP: f32 = 6.0;
const LEFT_COL_CENTER: f32 = 155.0;
const RIGHT_COL_CENTER: f32 = 395.0;
const SIGN_COL_CENTER: f32 = 440.0;

/// The four faces of the embedded serif family.
pub struct FontSet {
    faces: [TrueTypeFont; 4],
}

impl FontSet {
    /// Loads Liberation Serif (Regular, Bold, Italic, Bold Italic) from a directory.
    pub fn load(dir: &Path) -> Result<Self, SampleError> {
        let read = |name: &str| -> Result<TrueTypeFont, SampleError> {
            TrueTypeFont::parse(std::fs::read(dir.join(name))?)
        };
        Ok(FontSet {
            faces: [
                read("LiberationSerif-Regular.ttf")?,
                read("LiberationSerif-Bold.ttf")?,
                read("LiberationSerif-Italic.ttf")?,
                read("LiberationSerif-BoldItalic.ttf")?,
            ],
        })
    }

    /// The fonts committed under `fonts/` of this crate.
    pub fn load_fixtures() -> Result<Self, SampleError> {
        Self::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts"))
    }

    fn face(&self, style: Style) -> &TrueTypeFont {
        &self.faces[style_index(style)]
    }
}

fn style_index(style: Style) -> usize {
    match style {
        Style::Regular => 0,
        Style::Bold => 1,
        Style::Italic => 2,
        Style::BoldItalic => 3,
    }
}

/// Content streams of the pages being laid out, and the glyphs used per face.
struct Layout<'a> {
    fonts: &'a FontSet,
    pages: Vec<String>,
    y: f32,
    used: [BTreeMap<u16, char>; 4],
}

/// One word to place, in one style, with its width at the paragraph size.
struct Word {
    text: String,
    style: Style,
    width: f32,
}

impl<'a> Layout<'a> {
    fn new(fonts: &'a FontSet) -> Self {
        let mut l = Layout {
            fonts,
            pages: Vec::new(),
            y: 0.0,
            used: Default::default(),
        };
        l.new_page();
        l
    }

    fn new_page(&mut self) {
        self.pages.push(String::new());
        self.y = PAGE_H - MARGIN_T;
        let n = self.pages.len();
        if n > 1 {
            // Page numbers at the top centre from page 2, as in Word-made decisions.
            let label = n.to_string();
            let w = self.fonts.face(Style::Regular).text_width(&label, 13.0);
            self.text_at(
                PAGE_W / 2.0 - w / 2.0,
                PAGE_H - 35.0,
                &label,
                Style::Regular,
                13.0,
            );
        }
    }

    fn page(&mut self) -> &mut String {
        if self.pages.is_empty() {
            self.pages.push(String::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn ensure(&mut self, height: f32) {
        if self.y - height < MARGIN_B {
            self.new_page();
        }
    }

    fn hex(&mut self, text: &str, style: Style) -> String {
        let fonts = self.fonts;
        let face = fonts.face(style);
        let mut s = String::with_capacity(text.len() * 4 + 2);
        s.push('<');
        for c in text.chars() {
            let gid = face.glyph(c);
            self.used[style_index(style)].insert(gid, c);
            let _ = write!(s, "{gid:04X}");
        }
        s.push('>');
        s
    }

    fn text_at(&mut self, x: f32, y: f32, text: &str, style: Style, size: f32) {
        if text.is_empty() {
            return;
        }
        let hex = self.hex(text, style);
        let f = style_index(style) + 1;
        let _ = writeln!(
            self.page(),
            "BT /F{f} {size:.1} Tf 1 0 0 1 {x:.2} {y:.2} Tm {hex} Tj ET"
        );
    }

    fn rule(&mut self, x0: f32, x1: f32, y: f32) {
        let _ = writeln!(self.page(), "0.6 w {x0:.2} {y:.2} m {x1:.2} {y:.2} l S");
    }

    fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        self.fonts.face(style).text_width(text, size)
    }

    fn words(&self, runs: &[Run], size: f32) -> Vec<Vec<Word>> {
        // Split into hard lines (explicit '\n'), then words; a run boundary inside a word is
        // not needed by the samples, so runs are split at spaces only.
        let mut lines: Vec<Vec<Word>> = vec![Vec::new()];
        for run in runs {
            let mut first_piece = true;
            for piece in run.text.split('\n') {
                if !first_piece {
                    lines.push(Vec::new());
                }
                first_piece = false;
                for w in piece.split(' ').filter(|w| !w.is_empty()) {
                    let width = self.width(w, run.style, size);
                    if let Some(line) = lines.last_mut() {
                        line.push(Word {
                            text: w.to_string(),
                            style: run.style,
                            width,
                        });
                    }
                }
            }
        }
        lines
    }

    /// Greedy line breaking of words into lines of at most `first`/`rest` points.
    fn break_lines(&self, words: Vec<Word>, first: f32, rest: f32, size: f32) -> Vec<Vec<Word>> {
        let space = self.width(" ", Style::Regular, size);
        let mut out: Vec<Vec<Word>> = Vec::new();
        let mut cur: Vec<Word> = Vec::new();
        let mut cur_w = 0.0;
        for w in words {
            let avail = if out.is_empty() { first } else { rest };
            let add = if cur.is_empty() {
                w.width
            } else {
                space + w.width
            };
            if !cur.is_empty() && cur_w + add > avail {
                out.push(std::mem::take(&mut cur));
                cur_w = w.width;
            } else {
                cur_w += add;
            }
            cur.push(w);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    /// Emits one line of words starting at `x`, stretching the gaps to `target` width if given.
    fn emit_line(&mut self, x: f32, words: &[Word], size: f32, target: Option<f32>) {
        if words.is_empty() {
            return;
        }
        let natural: f32 = words.iter().map(|w| w.width).sum::<f32>()
            + words
                .iter()
                .skip(1)
                .map(|w| self.width(" ", w.style, size))
                .sum::<f32>();
        let gaps = words.len().saturating_sub(1) as f32;
        let extra = match target {
            Some(t) if gaps > 0.0 && t > natural => (t - natural) / gaps,
            _ => 0.0,
        };
        // Extra space in TJ units (thousandths of the font size; negative moves right).
        let adj = -(extra * 1000.0 / size);
        let y = self.y;
        let mut ops = format!("BT 1 0 0 1 {x:.2} {y:.2} Tm ");
        let mut current: Option<Style> = None;
        let mut open = false;
        for (i, w) in words.iter().enumerate() {
            if current != Some(w.style) {
                if open {
                    ops.push_str("] TJ ");
                }
                let _ = write!(ops, "/F{} {size:.1} Tf [", style_index(w.style) + 1);
                current = Some(w.style);
                open = true;
            }
            if i > 0 {
                let sp = self.hex(" ", w.style);
                ops.push_str(&sp);
                if adj.abs() > 0.01 {
                    let _ = write!(ops, " {adj:.1} ");
                }
            }
            let h = self.hex(&w.text, w.style);
            ops.push_str(&h);
        }
        if open {
            ops.push_str("] TJ ");
        }
        ops.push_str("ET\n");
        self.page().push_str(&ops);
    }

    fn line_height(size: f32) -> f32 {
        size * 1.2
    }

    fn para(&mut self, runs: &[Run], size: f32) {
        let width = PAGE_W - MARGIN_L - MARGIN_R;
        let lh = Self::line_height(size);
        for hard in self.words(runs, size) {
            let lines = self.break_lines(hard, width - INDENT, width, size);
            let n = lines.len();
            for (i, line) in lines.iter().enumerate() {
                self.ensure(lh);
                self.y -= lh;
                let (x, w) = if i == 0 {
                    (MARGIN_L + INDENT, width - INDENT)
                } else {
                    (MARGIN_L, width)
                };
                let target = if i + 1 < n { Some(w) } else { None };
                self.emit_line(x, line, size, target);
            }
        }
        self.y -= PARA_GAP;
    }

    fn centered(&mut self, runs: &[Run], size: f32, rule_after: bool) {
        let width = PAGE_W - MARGIN_L - MARGIN_R;
        let center = MARGIN_L + width / 2.0;
        let lh = Self::line_height(size);
        let mut last_w = 0.0f32;
        for hard in self.words(runs, size) {
            for line in self.break_lines(hard, width, width, size) {
                let w: f32 = line.iter().map(|w| w.width).sum::<f32>()
                    + line.len().saturating_sub(1) as f32 * self.width(" ", Style::Regular, size);
                self.ensure(lh);
                self.y -= lh;
                self.emit_line(center - w / 2.0, &line, size, None);
                last_w = w;
            }
        }
        if rule_after {
            let rw = (last_w / 3.0).clamp(60.0, 140.0);
            self.y -= 6.0;
            let y = self.y;
            self.rule(center - rw / 2.0, center + rw / 2.0, y);
            self.y -= 4.0;
        }
        self.y -= PARA_GAP;
    }

    fn column(&mut self, lines: &[CellLine], center: Option<f32>, left_x: f32, top: f32) -> f32 {
        let mut y = top;
        for l in lines {
            y -= Self::line_height(l.size);
            let w = self.width(&l.text, l.style, l.size);
            let x = center.map_or(left_x, |c| c - w / 2.0);
            self.text_at(x, y, &l.text, l.style, l.size);
        }
        y
    }

    fn header(
        &mut self,
        left_top: &[CellLine],
        right_top: &[CellLine],
        left_bottom: &[CellLine],
        right_bottom: &[CellLine],
    ) {
        let top = self.y;
        let row_h = 16.0;
        let rows = left_top.len().max(right_top.len());
        let rule_y = top - rows as f32 * row_h - 4.0;
        let bottom_top = rule_y - 8.0;
        // Word writes a table cell by cell: the whole left cell, then the right cell.
        let mut y = top;
        for l in left_top {
            y -= row_h;
            let w = self.width(&l.text, l.style, l.size);
            self.text_at(LEFT_COL_CENTER - w / 2.0, y, &l.text, l.style, l.size);
        }
        if let Some(last) = left_top.last() {
            let w = self.width(&last.text, last.style, last.size) / 3.0;
            self.rule(
                LEFT_COL_CENTER - w.max(25.0),
                LEFT_COL_CENTER + w.max(25.0),
                rule_y,
            );
        }
        let mut y = bottom_top;
        for l in left_bottom {
            y -= row_h;
            let w = self.width(&l.text, l.style, l.size);
            self.text_at(LEFT_COL_CENTER - w / 2.0, y, &l.text, l.style, l.size);
        }
        let mut y = top;
        for l in right_top {
            y -= row_h;
            let w = self.width(&l.text, l.style, l.size);
            self.text_at(RIGHT_COL_CENTER - w / 2.0, y, &l.text, l.style, l.size);
        }
        if let Some(last) = right_top.last() {
            let w = self.width(&last.text, last.style, last.size) / 2.0;
            self.rule(RIGHT_COL_CENTER - w, RIGHT_COL_CENTER + w, rule_y);
        }
        let mut y = bottom_top;
        for l in right_bottom {
            y -= row_h;
            let w = self.width(&l.text, l.style, l.size);
            self.text_at(RIGHT_COL_CENTER - w / 2.0, y, &l.text, l.style, l.size);
        }
        let rows_bottom = left_bottom.len().max(right_bottom.len());
        self.y = bottom_top - rows_bottom as f32 * row_h - 18.0;
    }

    fn closing(&mut self, left: &[CellLine], right: &[CellLine]) {
        let h = |ls: &[CellLine]| ls.iter().map(|l| Self::line_height(l.size)).sum::<f32>();
        let need = h(left).max(h(right)) + 12.0;
        self.ensure(need);
        self.y -= 12.0;
        let top = self.y;
        let yl = self.column(left, None, MARGIN_L - 28.0, top);
        let yr = self.column(right, Some(SIGN_COL_CENTER), 0.0, top);
        self.y = yl.min(yr) - PARA_GAP;
    }
}

/// Renders a sample document to PDF bytes.
pub fn render_pdf(doc: &SampleDoc, fonts: &FontSet) -> Result<Vec<u8>, SampleError> {
    let mut layout = Layout::new(fonts);
    for block in doc.blocks() {
        match &block {
            Block::Header {
                left_top,
                right_top,
                left_bottom,
                right_bottom,
            } => layout.header(left_top, right_top, left_bottom, right_bottom),
            Block::Centered {
                runs,
                size,
                rule_after,
            } => layout.centered(runs, *size, *rule_after),
            Block::Para { runs, size } => layout.para(runs, *size),
            Block::Closing { left, right } => layout.closing(left, right),
            Block::PageBreak => layout.new_page(),
        }
    }
    assemble(doc, fonts, layout)
}

fn subset_tag(style: Style, used: &BTreeMap<u16, char>) -> String {
    // Deterministic six-letter subset prefix derived from the glyph set.
    let mut h: u32 = 2166136261 ^ style_index(style) as u32;
    for &g in used.keys() {
        h = (h ^ g as u32).wrapping_mul(16777619);
    }
    (0..6)
        .map(|i| (b'A' + ((h >> (i * 5)) % 26) as u8) as char)
        .collect()
}

fn to_unicode_cmap(used: &BTreeMap<u16, char>) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = used.iter().filter(|(g, _)| **g != 0).collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for (g, c) in chunk {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(s, "<{g:04X}> <{hex}>");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

/// The stream, deflated as `Stream::compress` does (zlib level 9, kept only when it saves more
/// than 19 bytes), but by miniz_oxide itself: through flate2 the bytes would depend on which
/// backend other crates of the build switch on (zip's `deflate` feature turns on zlib-rs), and
/// the committed sample files must not change with the dependency graph.
fn compressed(dict: lopdf::Dictionary, data: Vec<u8>) -> Stream {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&data, 9);
    let mut st = Stream::new(dict, data);
    if packed.len() + 19 < st.content.len() {
        st.dict.set("Filter", "FlateDecode");
        st.set_content(packed);
    }
    st
}

fn add_font(
    pdf: &mut Document,
    face: &TrueTypeFont,
    style: Style,
    used: &BTreeMap<u16, char>,
) -> Result<ObjectId, SampleError> {
    let gids: BTreeSet<u16> = used.keys().copied().collect();
    let program = face.subset(&gids)?;
    let length1 = program.len() as i64;
    let file_id = pdf.add_object(compressed(dictionary! { "Length1" => length1 }, program));
    let name = format!("{}+{}", subset_tag(style, used), face.postscript_name);
    let mut flags = 32 | 2; // nonsymbolic, serif
    if matches!(style, Style::Italic | Style::BoldItalic) {
        flags |= 64;
    }
    let bbox: Vec<Object> = face
        .bbox
        .iter()
        .map(|&v| Object::Integer(face.to_pdf_units(v)))
        .collect();
    let descriptor = pdf.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(name.clone().into_bytes()),
        "Flags" => flags,
        "FontBBox" => bbox,
        "ItalicAngle" => face.italic_angle,
        "Ascent" => face.to_pdf_units(face.ascent),
        "Descent" => face.to_pdf_units(face.descent),
        "CapHeight" => face.to_pdf_units(face.cap_height),
        "StemV" => if matches!(style, Style::Bold | Style::BoldItalic) { 120 } else { 80 },
        "FontFile2" => file_id,
    });
    let mut widths: Vec<Object> = Vec::new();
    for &g in &gids {
        widths.push(Object::Integer(g as i64));
        widths.push(Object::Array(vec![Object::Integer(face.pdf_width(g))]));
    }
    let cid = pdf.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => Object::Name(name.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::String(b"Adobe".to_vec(), StringFormat::Literal),
            "Ordering" => Object::String(b"Identity".to_vec(), StringFormat::Literal),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => widths,
        "CIDToGIDMap" => "Identity",
    });
    let tounicode = pdf.add_object(compressed(
        lopdf::Dictionary::new(),
        to_unicode_cmap(used).into_bytes(),
    ));
    Ok(pdf.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(name.into_bytes()),
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid)],
        "ToUnicode" => tounicode,
    }))
}

fn assemble(doc: &SampleDoc, fonts: &FontSet, layout: Layout) -> Result<Vec<u8>, SampleError> {
    let mut pdf = Document::with_version("1.7");
    let pages_id = pdf.new_object_id();
    let mut font_dict = lopdf::Dictionary::new();
    for style in [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ] {
        let used = &layout.used[style_index(style)];
        if used.is_empty() {
            continue;
        }
        let id = add_font(&mut pdf, fonts.face(style), style, used)?;
        font_dict.set(format!("F{}", style_index(style) + 1), id);
    }
    let resources = pdf.add_object(dictionary! { "Font" => font_dict });
    let mut kids = Vec::new();
    for content in layout.pages {
        let content_id = pdf.add_object(compressed(lopdf::Dictionary::new(), content.into_bytes()));
        let page = pdf.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
            "Resources" => resources,
            "Contents" => content_id,
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let created = doc
        .meta
        .issue_date
        .format("D:%Y%m%d090000+07'00'")
        .to_string();
    let title = format!("{} {}", doc.type_name, doc.meta.number);
    let info = pdf.add_object(dictionary! {
        "Title" => Object::string_literal(pdf_text_string(&title)),
        "Producer" => Object::string_literal("vbqppl sample writer"),
        "CreationDate" => Object::string_literal(created),
    });
    pdf.trailer.set("Root", catalog);
    pdf.trailer.set("Info", info);
    let mut out = Vec::new();
    pdf.save_to(&mut out)
        .map_err(|e| SampleError::Pdf(e.to_string()))?;
    Ok(out)
}

/// A PDF text string in UTF-16BE with BOM, as bytes.
fn pdf_text_string(s: &str) -> Vec<u8> {
    let mut v = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        v.extend_from_slice(&u.to_be_bytes());
    }
    v
}
