//! The content-stream interpreter: runs a page's operators with graphics and text state and
//! emits every shown glyph with its text and position in user space.

use super::content::{dict_string, Lexer, Op, Operand};
use super::font::{PdfFont, ShownCode};
use super::glyph_text::GlyphText;
use super::stream;
use crate::extract::ExtractError;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use std::collections::HashMap;
use std::time::Instant;

/// One shown glyph, in user space (y grows upwards).
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    pub text: GlyphText,
    /// Baseline origin.
    pub x: f32,
    pub y: f32,
    /// Advance along the baseline.
    pub w: f32,
    /// Font size in user space (height of the em square).
    pub size: f32,
    /// Index into the document's font table.
    pub font: u16,
    /// Baseline direction: 0 left to right, 1 upwards, 2 right to left, 3 downwards, 4 other.
    pub dir: u8,
    /// Width of a space in this font at this size, user space.
    pub space_w: f32,
    /// Character spacing (Tc) added after this glyph, user space: letter-spaced titles
    /// are not word breaks.
    pub char_gap: f32,
}

/// What one page drew that matters for text.
#[derive(Debug, Default)]
pub(super) struct PageDraw {
    pub glyphs: Vec<Glyph>,
    /// Glyphs of annotation appearances (signature stamps, form fields): page furniture.
    pub annot_glyphs: Vec<Glyph>,
    /// Area of the page covered by images (user space units²; overlaps counted twice).
    pub image_area: f32,
    pub warnings: Vec<String>,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

#[derive(Debug, Clone)]
struct GState {
    ctm: Matrix,
    font: Option<u16>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Key of the font cache: the font dictionary's object id, or its address when direct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Id(ObjectId),
    Direct(usize),
}

/// Font resource names already resolved in one content stream's resources.
type FontNames = Vec<(Vec<u8>, Option<u16>)>;

/// Document-wide interpreter resources: decoded fonts and budgets.
pub(super) struct Interpreter<'d> {
    doc: &'d Document,
    pub fonts: Vec<PdfFont>,
    font_index: HashMap<FontKey, u16>,
    deadline: Instant,
    budget: std::time::Duration,
    max_bytes: usize,
    max_depth: usize,
    /// Operators left for the whole document.
    ops_left: u64,
    /// Decoded page content, reused from page to page.
    content: Vec<u8>,
}

/// Operators one document may run, so that a crafted content stream cannot stall a batch.
const MAX_OPERATORS: u64 = 50_000_000;
/// Depth of the graphics-state stack we follow; deeper `q` are counted but not stored.
const MAX_GSTATE_DEPTH: usize = 512;

/// Marked content being collected for its /ActualText.
struct ActualText {
    text: String,
    depth: usize,
    first: Option<Glyph>,
    end_x: f32,
}

struct PageRun<'a> {
    out: &'a mut PageDraw,
    gs: GState,
    stack: Vec<GState>,
    overflow_q: usize,
    tm: Matrix,
    tlm: Matrix,
    mc_depth: usize,
    actual: Option<ActualText>,
    shown: Vec<ShownCode>,
}

impl<'d> Interpreter<'d> {
    pub(super) fn new(
        doc: &'d Document,
        started: Instant,
        limits: &crate::extract::Limits,
    ) -> Self {
        Interpreter {
            doc,
            fonts: Vec::new(),
            font_index: HashMap::new(),
            deadline: started + limits.time,
            budget: limits.time,
            max_bytes: usize::try_from(limits.max_inflated_bytes).unwrap_or(usize::MAX),
            max_depth: limits.max_depth,
            ops_left: MAX_OPERATORS,
            content: Vec::new(),
        }
    }

    /// Run one page. Errors only on the document-wide budgets (time); damage to the page gives
    /// warnings and whatever was read before it.
    pub(super) fn run_page(
        &mut self,
        page_no: u32,
        page_id: ObjectId,
    ) -> Result<PageDraw, ExtractError> {
        let mut draw = PageDraw::default();
        let mut content = std::mem::take(&mut self.content);
        if let Err(e) = stream::page_content(self.doc, page_id, &mut content, self.max_bytes) {
            draw.warnings
                .push(format!("page {page_no}: content unreadable: {e}"));
            self.content = content;
            return Ok(draw);
        }
        let resources = self.page_resources(page_id);
        let mut run = PageRun {
            out: &mut draw,
            gs: GState::default(),
            stack: Vec::new(),
            overflow_q: 0,
            tm: IDENTITY,
            tlm: IDENTITY,
            mc_depth: 0,
            actual: None,
            shown: Vec::new(),
        };
        let ran = self.run_content(&content, &resources, &mut run, 0, page_no);
        self.content = content;
        ran?;
        let body = std::mem::take(&mut run.out.glyphs);
        self.run_annotations(page_id, &resources, &mut run, page_no)?;
        run.out.annot_glyphs = std::mem::replace(&mut run.out.glyphs, body);
        Ok(draw)
    }

    /// Run the normal appearance stream of each visible annotation, fitted to its rectangle.
    fn run_annotations(
        &mut self,
        page_id: ObjectId,
        resources: &[&'d Dictionary],
        run: &mut PageRun,
        page_no: u32,
    ) -> Result<(), ExtractError> {
        let doc = self.doc;
        let Ok(page) = doc.get_dictionary(page_id) else {
            return Ok(());
        };
        let Ok((_, Object::Array(annots))) = page.get(b"Annots").and_then(|o| doc.dereference(o))
        else {
            return Ok(());
        };
        for annot in annots.iter().take(1000) {
            let Ok((_, Object::Dictionary(a))) = doc.dereference(annot) else {
                continue;
            };
            let flags = a.get(b"F").and_then(Object::as_i64).unwrap_or(0);
            if flags & 2 != 0 {
                continue;
            }
            let Some(stream) = appearance(doc, a) else {
                continue;
            };
            let rect = float_array(doc, a.get(b"Rect").ok());
            let bbox = float_array(doc, stream.dict.get(b"BBox").ok());
            let matrix = float_array(doc, stream.dict.get(b"Matrix").ok())
                .filter(|v| v.len() == 6)
                .map(|v| [v[0], v[1], v[2], v[3], v[4], v[5]])
                .unwrap_or(IDENTITY);
            let (Some(rect), Some(bbox)) = (rect, bbox) else {
                continue;
            };
            if rect.len() != 4 || bbox.len() != 4 {
                continue;
            }
            // Fit the transformed BBox into Rect (ISO 32000-1, 12.5.5).
            let corners = [
                (bbox[0], bbox[1]),
                (bbox[2], bbox[1]),
                (bbox[0], bbox[3]),
                (bbox[2], bbox[3]),
            ]
            .map(|(x, y)| apply(&matrix, x, y));
            let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
            for (x, y) in corners {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
            let (rx0, ry0) = (rect[0].min(rect[2]), rect[1].min(rect[3]));
            let (rw, rh) = ((rect[2] - rect[0]).abs(), (rect[3] - rect[1]).abs());
            let (bw, bh) = (x1 - x0, y1 - y0);
            if bw <= 0.0 || bh <= 0.0 || !bw.is_finite() || !bh.is_finite() {
                continue;
            }
            let fit = [
                rw / bw,
                0.0,
                0.0,
                rh / bh,
                rx0 - x0 * rw / bw,
                ry0 - y0 * rh / bh,
            ];
            let saved = (run.gs.clone(), run.tm, run.tlm, run.stack.len());
            run.gs = GState {
                ctm: mul(&matrix, &fit),
                ..GState::default()
            };
            let own: Option<&'d Dictionary> = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            let inner: Vec<&'d Dictionary> = match own {
                Some(d) => std::iter::once(d)
                    .chain(resources.iter().copied())
                    .collect(),
                None => resources.to_vec(),
            };
            if let Some(data) = stream_data(stream, self.max_bytes) {
                self.run_content(&data, &inner, run, 1, page_no)?;
            }
            run.gs = saved.0;
            run.tm = saved.1;
            run.tlm = saved.2;
            run.stack.truncate(saved.3);
        }
        Ok(())
    }

    fn page_resources(&self, page_id: ObjectId) -> Vec<&'d Dictionary> {
        let mut out = Vec::new();
        if let Ok((direct, ids)) = self.doc.get_page_resources(page_id) {
            out.extend(direct);
            for id in ids {
                if let Ok(d) = self.doc.get_dictionary(id) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// Find `name` in the `category` sub-dictionary of the first resource dictionary holding it.
    fn resource(
        &self,
        resources: &[&'d Dictionary],
        category: &[u8],
        name: &[u8],
    ) -> Option<(Option<ObjectId>, &'d Object)> {
        let doc = self.doc;
        for res in resources {
            let Ok((_, Object::Dictionary(cat))) =
                res.get(category).and_then(|o| doc.dereference(o))
            else {
                continue;
            };
            if let Ok(obj) = cat.get(name) {
                if let Ok((id, target)) = doc.dereference(obj) {
                    return Some((id, target));
                }
            }
        }
        None
    }

    fn font_for(&mut self, resources: &[&'d Dictionary], name: &[u8]) -> Option<u16> {
        let (id, obj) = self.resource(resources, b"Font", name)?;
        let dict = obj.as_dict().ok()?;
        let key = match id {
            Some(id) => FontKey::Id(id),
            None => FontKey::Direct(dict as *const Dictionary as usize),
        };
        if let Some(&i) = self.font_index.get(&key) {
            return Some(i);
        }
        let index = u16::try_from(self.fonts.len()).ok()?;
        self.fonts
            .push(PdfFont::load(self.doc, dict, self.max_bytes));
        self.font_index.insert(key, index);
        Some(index)
    }

    fn run_content(
        &mut self,
        data: &[u8],
        resources: &[&'d Dictionary],
        run: &mut PageRun,
        depth: usize,
        page_no: u32,
    ) -> Result<(), ExtractError> {
        let mut count: u32 = 0;
        let mut lexer = Lexer::new(data);
        // `Tf` names resolved in these resources; a page sets its fonts hundreds of times.
        let mut font_names: FontNames = Vec::new();
        while let Some(op) = lexer.next_op() {
            count += 1;
            if count.is_multiple_of(512) && Instant::now() > self.deadline {
                return Err(ExtractError::Timeout(self.budget));
            }
            if self.ops_left == 0 {
                run.out
                    .warnings
                    .push(format!("page {page_no}: operator budget exhausted"));
                break;
            }
            self.ops_left -= 1;
            self.op(&op, resources, &mut font_names, run, depth, page_no)?;
        }
        if lexer.damaged {
            run.out.warnings.push(format!(
                "page {page_no}: content stream damaged after {count} operators"
            ));
        }
        Ok(())
    }

    fn op(
        &mut self,
        op: &Op<'_>,
        resources: &[&'d Dictionary],
        font_names: &mut FontNames,
        run: &mut PageRun,
        depth: usize,
        page_no: u32,
    ) -> Result<(), ExtractError> {
        match op.operator {
            b"q" => {
                if run.stack.len() < MAX_GSTATE_DEPTH {
                    run.stack.push(run.gs.clone());
                } else {
                    run.overflow_q += 1;
                }
            }
            b"Q" => {
                if run.overflow_q > 0 {
                    run.overflow_q -= 1;
                } else if let Some(gs) = run.stack.pop() {
                    run.gs = gs;
                }
            }
            b"cm" => {
                if let Some(m) = op.numbers::<6>() {
                    run.gs.ctm = mul(&m, &run.gs.ctm);
                }
            }
            b"BT" => {
                run.tm = IDENTITY;
                run.tlm = IDENTITY;
            }
            b"ET" => {}
            b"Tf" => {
                if let (Some(name), Some(size)) = (op.name(0), op.number(1)) {
                    run.gs.font = match font_names.iter().find(|(n, _)| n == name) {
                        Some(&(_, font)) => font,
                        None => {
                            let font = self.font_for(resources, name);
                            // Bounded: a hostile stream could name thousands of fonts.
                            if font_names.len() < 64 {
                                font_names.push((name.to_vec(), font));
                            }
                            font
                        }
                    };
                    if run.gs.font.is_none() {
                        let n = String::from_utf8_lossy(name);
                        let w = format!("page {page_no}: font {n} not found");
                        if !run.out.warnings.contains(&w) {
                            run.out.warnings.push(w);
                        }
                    }
                    run.gs.size = if size.is_finite() { size } else { 0.0 };
                }
            }
            b"Tc" => {
                if let Some([v]) = op.numbers::<1>() {
                    run.gs.char_spacing = v;
                }
            }
            b"Tw" => {
                if let Some([v]) = op.numbers::<1>() {
                    run.gs.word_spacing = v;
                }
            }
            b"Tz" => {
                if let Some([v]) = op.numbers::<1>() {
                    run.gs.h_scale = v / 100.0;
                }
            }
            b"TL" => {
                if let Some([v]) = op.numbers::<1>() {
                    run.gs.leading = v;
                }
            }
            b"Ts" => {
                if let Some([v]) = op.numbers::<1>() {
                    run.gs.rise = v;
                }
            }
            b"Td" => {
                if let Some([x, y]) = op.numbers::<2>() {
                    run.next_line(x, y);
                }
            }
            b"TD" => {
                if let Some([x, y]) = op.numbers::<2>() {
                    run.gs.leading = -y;
                    run.next_line(x, y);
                }
            }
            b"T*" => {
                let l = run.gs.leading;
                run.next_line(0.0, -l);
            }
            b"Tm" => {
                if let Some(m) = op.numbers::<6>() {
                    run.tm = m;
                    run.tlm = run.tm;
                }
            }
            b"Tj" => {
                if let Some(s) = op.string(0) {
                    self.show(run, s);
                }
            }
            b"'" => {
                let l = run.gs.leading;
                run.next_line(0.0, -l);
                if let Some(s) = op.string(0) {
                    self.show(run, s);
                }
            }
            b"\"" => {
                if let Some([aw, ac]) = op.numbers::<2>() {
                    run.gs.word_spacing = aw;
                    run.gs.char_spacing = ac;
                }
                let l = run.gs.leading;
                run.next_line(0.0, -l);
                if let Some(s) = op.string(2) {
                    self.show(run, s);
                }
            }
            b"TJ" => {
                for item in op.array(0).unwrap_or_default() {
                    match *item {
                        Operand::Number(n) if n.is_finite() => {
                            let tx = -n / 1000.0 * run.gs.size * run.gs.h_scale;
                            run.advance(tx, self.vertical(run));
                        }
                        _ => {
                            if let Some(s) = op.str_of(item) {
                                self.show(run, s);
                            }
                        }
                    }
                }
            }
            b"BMC" => run.mc_depth += 1,
            b"BDC" => {
                run.mc_depth += 1;
                if run.actual.is_none() {
                    if let Some(text) = self.actual_text(op, resources) {
                        run.actual = Some(ActualText {
                            text,
                            depth: run.mc_depth,
                            first: None,
                            end_x: 0.0,
                        });
                    }
                }
            }
            b"EMC" => {
                if run.actual.as_ref().is_some_and(|a| a.depth == run.mc_depth) {
                    if let Some(a) = run.actual.take() {
                        if let Some(mut g) = a.first {
                            g.w = (a.end_x - g.x).max(0.0);
                            g.text = GlyphText::from(a.text);
                            run.out.glyphs.push(g);
                        }
                    }
                }
                run.mc_depth = run.mc_depth.saturating_sub(1);
            }
            b"Do" => {
                if let Some(name) = op.name(0) {
                    self.do_xobject(name, resources, run, depth, page_no)?;
                }
            }
            b"BI" => {
                // An inline image paints the unit square under the CTM.
                run.out.image_area += unit_square_area(&run.gs.ctm);
            }
            _ => {}
        }
        Ok(())
    }

    fn vertical(&self, run: &PageRun) -> bool {
        run.gs
            .font
            .and_then(|f| self.fonts.get(f as usize))
            .is_some_and(|f| f.vertical)
    }

    fn actual_text(&self, op: &Op<'_>, resources: &[&'d Dictionary]) -> Option<String> {
        if let Some(raw) = op.dict(1) {
            let bytes = dict_string(raw, b"ActualText")?;
            return lopdf::decode_text_string(&Object::String(bytes, StringFormat::Literal)).ok();
        }
        let props = self
            .resource(resources, b"Properties", op.name(1)?)?
            .1
            .as_dict()
            .ok()?;
        let obj = props.get(b"ActualText").ok()?;
        let obj = self.doc.dereference(obj).ok()?.1;
        lopdf::decode_text_string(obj).ok()
    }

    fn do_xobject(
        &mut self,
        name: &[u8],
        resources: &[&'d Dictionary],
        run: &mut PageRun,
        depth: usize,
        page_no: u32,
    ) -> Result<(), ExtractError> {
        let Some((_, obj)) = self.resource(resources, b"XObject", name) else {
            return Ok(());
        };
        let Ok(stream) = obj.as_stream() else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => {
                run.out.image_area += unit_square_area(&run.gs.ctm);
            }
            Ok(b"Form") => {
                if depth >= self.max_depth {
                    let w = format!("page {page_no}: form xobjects nested too deep");
                    if !run.out.warnings.contains(&w) {
                        run.out.warnings.push(w);
                    }
                    return Ok(());
                }
                let Some(data) = stream_data(stream, self.max_bytes) else {
                    run.out
                        .warnings
                        .push(format!("page {page_no}: form xobject unreadable"));
                    return Ok(());
                };
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .and_then(Object::as_array)
                    .ok()
                    .and_then(|a| {
                        let v: Vec<f32> = a.iter().filter_map(|o| o.as_float().ok()).collect();
                        (v.len() == 6 && v.iter().all(|x| x.is_finite()))
                            .then(|| [v[0], v[1], v[2], v[3], v[4], v[5]])
                    })
                    .unwrap_or(IDENTITY);
                let own: Option<&'d Dictionary> = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| self.doc.dereference(o).ok())
                    .and_then(|(_, o)| o.as_dict().ok());
                let inner: Vec<&'d Dictionary> = match own {
                    Some(d) => std::iter::once(d)
                        .chain(resources.iter().copied())
                        .collect(),
                    None => resources.to_vec(),
                };
                let saved = (run.gs.clone(), run.tm, run.tlm, run.stack.len());
                run.gs.ctm = mul(&matrix, &run.gs.ctm);
                self.run_content(&data, &inner, run, depth + 1, page_no)?;
                run.gs = saved.0;
                run.tm = saved.1;
                run.tlm = saved.2;
                run.stack.truncate(saved.3);
            }
            _ => {}
        }
        Ok(())
    }

    fn show(&mut self, run: &mut PageRun, bytes: &[u8]) {
        let Some(font_idx) = run.gs.font else {
            return;
        };
        let Some(font) = self.fonts.get(font_idx as usize) else {
            return;
        };
        let mut shown = std::mem::take(&mut run.shown);
        shown.clear();
        font.decode(bytes, &mut shown);
        let vertical = font.vertical;
        let space_unit = font.space_width();
        let gs = &run.gs;
        let (fs, th) = (gs.size, gs.h_scale);
        for code in shown.drain(..) {
            let trm = mul(&run.tm, &gs.ctm);
            let (x, y) = apply(&trm, 0.0, gs.rise);
            // Lengths of the text-space unit vectors in user space.
            let sx = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
            let sy = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let dir = direction(trm[0], trm[1]);
            let advance_ts = if vertical { 0.0 } else { code.width * fs * th };
            let glyph_w = advance_ts * sx;
            let size = (fs * sy).abs();
            if !code.text.is_empty() {
                let g = Glyph {
                    text: code.text,
                    x,
                    y,
                    w: glyph_w,
                    size,
                    font: font_idx,
                    dir,
                    space_w: space_unit * size * th,
                    char_gap: (gs.char_spacing * th * sx).max(0.0),
                };
                match run.actual.as_mut() {
                    Some(a) => {
                        a.end_x = x + glyph_w;
                        if a.first.is_none() {
                            a.first = Some(g);
                        }
                    }
                    None => run.out.glyphs.push(g),
                }
            }
            let mut spacing = gs.char_spacing;
            if code.is_space_code {
                spacing += gs.word_spacing;
            }
            if vertical {
                let ty = -(fs * 1.0) - spacing;
                run.tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, ty], &run.tm);
            } else {
                let tx = advance_ts + spacing * th;
                run.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &run.tm);
            }
        }
        run.shown = shown;
    }
}

/// Quadrant of the baseline vector (a, b).
fn direction(a: f32, b: f32) -> u8 {
    let tol = 0.05;
    if a > 0.0 && b.abs() <= tol * a {
        0
    } else if b > 0.0 && a.abs() <= tol * b {
        1
    } else if a < 0.0 && b.abs() <= tol * -a {
        2
    } else if b < 0.0 && a.abs() <= tol * -b {
        3
    } else {
        4
    }
}

/// The normal appearance stream of an annotation (the /AS state when /N has several).
fn appearance<'a>(doc: &'a Document, annot: &'a Dictionary) -> Option<&'a lopdf::Stream> {
    let ap = doc
        .dereference(annot.get(b"AP").ok()?)
        .ok()?
        .1
        .as_dict()
        .ok()?;
    match doc.dereference(ap.get(b"N").ok()?).ok()?.1 {
        Object::Stream(s) => Some(s),
        Object::Dictionary(states) => {
            let state = annot.get(b"AS").and_then(Object::as_name).ok()?;
            doc.dereference(states.get(state).ok()?)
                .ok()?
                .1
                .as_stream()
                .ok()
        }
        _ => None,
    }
}

fn float_array(doc: &Document, obj: Option<&Object>) -> Option<Vec<f32>> {
    let arr = doc.dereference(obj?).ok()?.1.as_array().ok()?;
    let v: Vec<f32> = arr
        .iter()
        .filter_map(|o| doc.dereference(o).ok().and_then(|(_, o)| o.as_float().ok()))
        .collect();
    (v.len() == arr.len() && v.iter().all(|x| x.is_finite())).then_some(v)
}

/// A stream's decoded bytes, bounded; raw bytes when it has no filter.
fn stream_data(s: &lopdf::Stream, max_bytes: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    stream::decode_into(s, &mut out, max_bytes).ok()?;
    Some(out)
}

fn unit_square_area(m: &Matrix) -> f32 {
    (m[0] * m[3] - m[1] * m[2]).abs()
}

impl PageRun<'_> {
    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    /// Move along the baseline by `t` text-space units (TJ adjustments).
    fn advance(&mut self, t: f32, vertical: bool) {
        let m = if vertical {
            [1.0, 0.0, 0.0, 1.0, 0.0, -t]
        } else {
            [1.0, 0.0, 0.0, 1.0, t, 0.0]
        };
        self.tm = mul(&m, &self.tm);
    }
}
