//! From positioned glyphs to lines of text: orientation, word breaks from real gaps, lines
//! from baselines, accents recombined with their base, the two-column header read in reviewer
//! order, and page furniture (running heads, page numbers, signature stamps, watermarks) set
//! apart from the body.

use super::interp::Glyph;
use once_cell::sync::Lazy;
use regex::Regex;

/// What the layout needs to know about a font, decided once per document.
#[derive(Debug, Clone, Default)]
pub(super) struct FontText {
    /// Convert this font's text from a legacy encoding.
    pub legacy: Option<crate::extract::Encoding>,
    /// Legacy uppercase font (`.VnTimeH`): lowercase codes are drawn as capitals.
    pub uppercase: bool,
    /// A Unicode font that also carries TCVN3 runs (a re-made PDF with mixed text layers):
    /// each run is judged on its own.
    pub mixed_tcvn3: bool,
}

/// The text of one page.
#[derive(Debug, Default)]
pub(super) struct PageText {
    pub body: Vec<String>,
    pub furniture: Vec<String>,
    /// Characters drawn in another direction than the page's (a margin note at 90°, a slanted
    /// watermark): set apart as furniture, counted so that the caller can say so.
    pub set_apart: usize,
}

/// A run of text on one baseline without a large gap.
#[derive(Debug, Clone)]
struct Frag {
    x0: f32,
    x1: f32,
    text: String,
}

#[derive(Debug)]
struct Line {
    y: f32,
    size: f32,
    frags: Vec<Frag>,
}

impl Line {
    fn text(&self) -> String {
        let parts: Vec<&str> = self.frags.iter().map(|f| f.text.as_str()).collect();
        parts.join(" ")
    }
}

/// Glyphs that follow one another on a baseline, in content order.
struct Chunk {
    glyphs: Vec<usize>,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
}

/// The quadrant a glyph's baseline points to; 0 is left-to-right.
fn quadrant(g: &Glyph, dir: u8) -> (f32, f32) {
    match dir {
        1 => (g.y, -g.x),
        2 => (-g.x, -g.y),
        3 => (-g.y, g.x),
        _ => (g.x, g.y),
    }
}

/// Lay out one page's glyphs.
pub(super) fn layout_page(glyphs: &[Glyph], fonts: &[FontText]) -> PageText {
    let mut page = PageText::default();
    if glyphs.is_empty() {
        return page;
    }
    // The page's main reading direction: most glyphs' quadrant (landscape pages drawn rotated).
    let mut counts = [0usize; 5];
    for g in glyphs {
        counts[g.dir.min(4) as usize] += 1;
    }
    let main = (0..4u8).max_by_key(|&d| counts[d as usize]).unwrap_or(0);
    // Rotated pages are turned upright; the usual upright page is used as it is.
    let rotated: Vec<Glyph>;
    let positioned: &[Glyph] = if main == 0 {
        glyphs
    } else {
        rotated = glyphs
            .iter()
            .map(|g| {
                let (x, y) = quadrant(g, main);
                Glyph { x, y, ..g.clone() }
            })
            .collect();
        &rotated
    };
    let (main_idx, other_idx): (Vec<usize>, Vec<usize>) =
        (0..glyphs.len()).partition(|&i| glyphs[i].dir == main);

    // Text in another direction (diagonal watermarks, side stamps) is furniture, in content order.
    if !other_idx.is_empty() {
        let mut s = String::new();
        for &i in &other_idx {
            s.push_str(&glyphs[i].text);
        }
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        page.set_apart = s.chars().filter(|c| !c.is_whitespace()).count();
        if !s.is_empty() {
            page.furniture.push(s);
        }
    }

    let chunks = make_chunks(positioned, &main_idx);
    let mut lines = make_lines(positioned, chunks, fonts);
    split_furniture(&mut lines, &mut page.furniture);
    page.body = reading_order(&lines);
    page
}

fn make_chunks(glyphs: &[Glyph], order: &[usize]) -> Vec<Chunk> {
    let mut chunks: Vec<Chunk> = Vec::new();
    for &i in order {
        let g = &glyphs[i];
        if g.text.is_blank() && g.w <= 0.0 {
            continue;
        }
        let size = g.size.max(0.1);
        if let Some(c) = chunks.last_mut() {
            let same_line = (g.y - c.y).abs() < 0.3 * c.size.max(size);
            let close = g.x >= c.x1 - 0.6 * size && g.x <= c.x1 + 1.5 * size;
            if same_line && close {
                c.glyphs.push(i);
                c.x1 = c.x1.max(g.x + g.w);
                c.x0 = c.x0.min(g.x);
                c.size = c.size.max(size);
                continue;
            }
        }
        chunks.push(Chunk {
            glyphs: vec![i],
            x0: g.x,
            x1: g.x + g.w,
            y: g.y,
            size,
        });
    }
    chunks
}

fn make_lines(glyphs: &[Glyph], mut chunks: Vec<Chunk>, fonts: &[FontText]) -> Vec<Line> {
    chunks.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<Chunk>> = Vec::new();
    for c in chunks {
        if let Some(group) = groups.last_mut() {
            let ref_y = group[0].y;
            let size = group.iter().map(|c| c.size).fold(c.size, f32::max);
            if (ref_y - c.y).abs() < 0.4 * size.min(c.size * 2.0) {
                group.push(c);
                continue;
            }
        }
        groups.push(vec![c]);
    }
    let mut lines = Vec::new();
    for mut group in groups {
        group.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        dedupe_overprint(glyphs, &mut group);
        merge_fallback_runs(glyphs, &mut group);
        let y = group[0].y;
        let size = group.iter().map(|c| c.size).fold(0.0, f32::max);
        let frags = assemble(glyphs, &group, fonts);
        if !frags.is_empty() {
            lines.push(Line { y, size, frags });
        }
    }
    lines
}

/// Fake bold: the same string drawn twice, a fraction of a point apart. Keep the first.
fn dedupe_overprint(glyphs: &[Glyph], group: &mut Vec<Chunk>) {
    if group.len() < 2 {
        return;
    }
    // Texts compared character by character, only for chunks that start at the same place.
    let mut keep: Vec<Chunk> = Vec::with_capacity(group.len());
    for c in group.drain(..) {
        let dup = keep.iter().any(|k| {
            (k.x0 - c.x0).abs() < 0.2 * c.size
                && c.glyphs
                    .iter()
                    .flat_map(|&i| glyphs[i].text.chars())
                    .eq(k.glyphs.iter().flat_map(|&i| glyphs[i].text.chars()))
        });
        if !dup {
            keep.push(c);
        }
    }
    *group = keep;
}

/// LibreOffice draws a line in two passes when its font lacks some letters: the base font's run
/// with holes (`C NG HÒA`), then the fallback font's letters placed into the holes (`Ộ`). A
/// chunk in another font that starts inside a chunk's extent fills its holes: the two become one
/// chunk, its glyphs in x order. (Duplicates are gone already: see [`dedupe_overprint`].)
fn merge_fallback_runs(glyphs: &[Glyph], group: &mut Vec<Chunk>) {
    if group.len() < 2 {
        return;
    }
    let font_of = |c: &Chunk| glyphs[c.glyphs[0]].font;
    let mut keep: Vec<Chunk> = Vec::with_capacity(group.len());
    for c in group.drain(..) {
        // Each of its glyphs must fall into a hole: over no glyph of the host.
        let fills_holes = |k: &Chunk| {
            c.glyphs.iter().all(|&a| {
                let (ga, tol) = (&glyphs[a], 0.2 * glyphs[a].size);
                k.glyphs.iter().all(|&b| {
                    let gb = &glyphs[b];
                    ga.x + ga.w <= gb.x + tol || gb.x + gb.w <= ga.x + tol
                })
            })
        };
        let host = keep.iter_mut().rev().find(|k| {
            c.x0 < k.x1 - 0.3 * c.size.min(k.size)
                && c.x0 >= k.x0 - 0.3 * c.size.min(k.size)
                && font_of(k) != font_of(&c)
                && fills_holes(k)
        });
        match host {
            Some(k) => {
                k.glyphs.extend(c.glyphs);
                k.glyphs
                    .sort_by(|&a, &b| glyphs[a].x.total_cmp(&glyphs[b].x));
                k.x1 = k.x1.max(c.x1);
                k.size = k.size.max(c.size);
            }
            None => keep.push(c),
        }
    }
    *group = keep;
}

/// Spacing accents that fonts draw as separate glyphs over their base letter.
fn combining_for(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    match c {
        '\u{300}'..='\u{36F}' => Some(c),
        '´' | 'ˊ' => Some('\u{301}'),
        '`' | 'ˋ' => Some('\u{300}'),
        '˜' => Some('\u{303}'),
        'ˆ' => Some('\u{302}'),
        '¨' => Some('\u{308}'),
        '˘' => Some('\u{306}'),
        '˙' => Some('\u{307}'),
        _ => None,
    }
}

/// Text of a line segment in one font, kept apart so that legacy encodings convert per font.
struct Segment {
    font: Option<u16>,
    text: String,
}

fn assemble(glyphs: &[Glyph], chunks: &[Chunk], fonts: &[FontText]) -> Vec<Frag> {
    let mut frags: Vec<Frag> = Vec::new();
    let mut segs: Vec<Segment> = Vec::new();
    let mut frag_x0 = 0.0f32;
    let mut prev_end: Option<f32> = None;
    let mut prev_size = 0.0f32;
    let mut prev_char_gap = 0.0f32;
    let flush = |segs: &mut Vec<Segment>, frags: &mut Vec<Frag>, x0: f32, x1: f32| {
        let text = finish_segments(std::mem::take(segs), fonts);
        if !text.is_empty() {
            frags.push(Frag { x0, x1, text });
        }
    };
    for chunk in chunks {
        let spacing = letter_spacing(glyphs, chunk);
        for &i in &chunk.glyphs {
            let g = &glyphs[i];
            let size = g.size.max(0.1);
            // An accent drawn over the previous letter joins it, whatever the gap says.
            // Legacy fonts use Latin-1 accent codes as letters (`¨` is `ă` in TCVN3).
            let legacy = fonts
                .get(g.font as usize)
                .is_some_and(|f| f.legacy.is_some() || f.mixed_tcvn3);
            if let Some(mark) = combining_for(&g.text).filter(|_| !legacy) {
                let overlaps = prev_end.is_some_and(|e| g.x < e - 0.05 * size || g.w < 0.05 * size);
                if overlaps || ('\u{300}'..='\u{36F}').contains(&mark) && prev_end.is_some() {
                    if let Some(s) = segs.last_mut() {
                        s.text.push(mark);
                        continue;
                    }
                }
            }
            if let Some(end) = prev_end {
                let gap = g.x - end - prev_char_gap - spacing;
                let ref_size = size.max(prev_size);
                if gap > 2.5 * ref_size || gap < -3.0 * ref_size {
                    flush(&mut segs, &mut frags, frag_x0, end);
                    frag_x0 = g.x;
                } else {
                    let threshold = (0.5 * g.space_w).clamp(0.1 * ref_size, 0.2 * ref_size);
                    if gap > threshold {
                        push_space(&mut segs);
                    }
                }
            } else {
                frag_x0 = g.x;
            }
            if g.text.is_blank() {
                push_space(&mut segs);
            } else {
                match segs.last_mut() {
                    Some(s) if s.font == Some(g.font) => s.text.push_str(&g.text),
                    _ => segs.push(Segment {
                        font: Some(g.font),
                        text: g.text.to_string(),
                    }),
                }
            }
            let end = g.x + g.w;
            prev_end = Some(prev_end.map_or(end, |e| if g.w > 0.0 { end } else { e.max(end) }));
            prev_size = size;
            prev_char_gap = g.char_gap;
        }
    }
    if let Some(end) = prev_end {
        flush(&mut segs, &mut frags, frag_x0, end);
    }
    frags
}

/// The gap a chunk keeps between letters of a word: letter-spaced titles (`S ắ C`) are drawn
/// with uniform gaps that are not word breaks. The median of the gaps between visible glyphs,
/// when the chunk has enough of them; zero otherwise.
fn letter_spacing(glyphs: &[Glyph], chunk: &Chunk) -> f32 {
    let mut gaps: Vec<f32> = Vec::new();
    for w in chunk.glyphs.windows(2) {
        let (a, b) = (&glyphs[w[0]], &glyphs[w[1]]);
        if a.text.is_blank() || b.text.is_blank() || b.w <= 0.0 {
            continue;
        }
        gaps.push(b.x - (a.x + a.w) - a.char_gap);
    }
    if gaps.len() < 3 {
        return 0.0;
    }
    gaps.sort_by(f32::total_cmp);
    gaps[gaps.len() / 2].max(0.0)
}

fn push_space(segs: &mut Vec<Segment>) {
    if segs.last().is_some_and(|s| s.font.is_none()) || segs.is_empty() {
        return;
    }
    segs.push(Segment {
        font: None,
        text: " ".into(),
    });
}

/// Join segments, converting legacy-encoded fonts, and normalise spaces. Neighbouring
/// segments of the same legacy encoding convert together, so that the converter sees whole
/// words and lines (TCVN3 case recovery looks at neighbouring words).
fn finish_segments(segs: Vec<Segment>, fonts: &[FontText]) -> String {
    let key = |s: &Segment| -> Option<(crate::extract::Encoding, bool)> {
        let ft = fonts.get(s.font? as usize)?;
        if ft.mixed_tcvn3 && super::is_tcvn3_run(&s.text) {
            return Some((crate::extract::Encoding::Tcvn3, false));
        }
        ft.legacy.map(|e| (e, ft.uppercase))
    };
    let mut out = String::new();
    let mut run = String::new();
    let mut run_key: Option<(crate::extract::Encoding, bool)> = None;
    let flush =
        |run: &mut String, run_key: Option<(crate::extract::Encoding, bool)>, out: &mut String| {
            match run_key {
                Some((enc, upper)) => out.push_str(&super::convert_legacy(run, enc, upper)),
                None => out.push_str(run),
            }
            run.clear();
        };
    for s in segs {
        if s.font.is_none() {
            run.push_str(&s.text);
            continue;
        }
        let k = key(&s);
        if k != run_key {
            flush(&mut run, run_key, &mut out);
            run_key = k;
        }
        run.push_str(&s.text);
    }
    flush(&mut run, run_key, &mut out);
    out.split_whitespace()
        .map(restore_caps)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word set in an uppercase legacy font whose tone-marked letters lost their case
/// (`SắC`, `CHủ`): two or more ASCII capitals, no ASCII lowercase, some lowercase letter.
/// No Vietnamese word is spelled that way, so it is read as all capitals.
fn restore_caps(word: &str) -> std::borrow::Cow<'_, str> {
    let (mut caps, mut other_lower) = (0usize, false);
    for c in word.chars() {
        if c.is_ascii_lowercase() {
            // Nearly every word: done at its first letters.
            return std::borrow::Cow::Borrowed(word);
        }
        caps += usize::from(c.is_ascii_uppercase());
        other_lower |= !c.is_ascii() && c.is_lowercase();
    }
    if caps >= 2 && other_lower {
        std::borrow::Cow::Owned(word.to_uppercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

static RUNNING_HEAD: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*(công\s*báo|cong\s*bao)\b.*(số|ngày)").expect("valid regex"));
static PAGE_NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(trang\s*)?[-–]?\s*\d{1,4}\s*[-–]?\s*(/\s*\d{1,4})?\s*$").expect("valid regex")
});
static STAMP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(người\s*ký|ký\s*bởi|thời\s*gian\s*ký|ngày\s*ký|email|e-mail|cơ\s*quan|signed\s*by|signature\s*(not\s*)?valid|signing\s*time|reason|location)\s*:",
    )
    .expect("valid regex")
});
static WATERMARK: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*(www\.)?luatvietnam\.vn\s*$").expect("valid regex"));

/// Move running heads, page numbers, signature stamps and watermarks out of the body.
fn split_furniture(lines: &mut Vec<Line>, furniture: &mut Vec<String>) {
    let n = lines.len();
    let mut keep = Vec::with_capacity(n);
    for (i, mut line) in std::mem::take(lines).into_iter().enumerate() {
        let edge = i < 2 || i + 2 >= n;
        let text = line.text();
        if edge && (RUNNING_HEAD.is_match(&text) || PAGE_NUMBER.is_match(&text)) {
            furniture.push(text);
            continue;
        }
        line.frags.retain(|f| {
            let furn = STAMP.is_match(&f.text) || WATERMARK.is_match(&f.text);
            if furn {
                furniture.push(f.text.clone());
            }
            !furn
        });
        if !line.frags.is_empty() {
            keep.push(line);
        }
    }
    *lines = keep;
}

/// Lines in reading order: two-column zones (the header table of issuer | motto, the signature
/// block) are read left column first, then right column.
///
/// A zone starts at a line with a wide gap and goes on while each line can be cut where the
/// lines before it were: the cut is kept as an interval (from the right end of the left column
/// to the left end of the right column) that each line narrows, so a long recipient line under
/// a short `Nơi nhận:` stays in the left column whatever order the producer drew the cells in.
fn reading_order(lines: &[Line]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let Some(mut cut) = column_split(&lines[i]) else {
            out.push(lines[i].text());
            i += 1;
            continue;
        };
        // Extend the zone while lines keep clear of the cut.
        let mut left_x0 = lines[i].frags[0].x0;
        let mut j = i + 1;
        while j < lines.len() {
            let l = &lines[j];
            let gap = lines[j - 1].y - l.y;
            if gap > 4.0 * l.size.max(lines[j - 1].size) {
                break;
            }
            let Some(narrowed) = narrow_cut(cut, left_x0, l) else {
                break;
            };
            cut = narrowed;
            if let Some(f) = l.frags.first().filter(|f| f.x1 <= cut.0) {
                left_x0 = left_x0.min(f.x0);
            }
            j += 1;
        }
        let split = (cut.0 + cut.1) / 2.0;
        let mut right = Vec::new();
        for l in &lines[i..j] {
            let left: Vec<&str> = l
                .frags
                .iter()
                .filter(|f| f.x1 <= split)
                .map(|f| f.text.as_str())
                .collect();
            let r: Vec<&str> = l
                .frags
                .iter()
                .filter(|f| f.x1 > split)
                .map(|f| f.text.as_str())
                .collect();
            if !left.is_empty() {
                out.push(left.join(" "));
            }
            if !r.is_empty() {
                right.push(r.join(" "));
            }
        }
        out.extend(right);
        i = j;
    }
    out
}

/// The cut interval `(lo, hi)` narrowed by a line: each fragment ends before `hi` (left column,
/// `lo` moves right to its end) or starts after `lo` (right column, `hi` moves left to its
/// start). `None` when a fragment straddles the interval, or when a line with text on one side
/// only starts left of the left column (`left_x0`: a paragraph after the table) or would move
/// the cut without sharing the left column's edge: a centred type line under the header table
/// is no cell, a left-aligned recipient line is.
fn narrow_cut((lo, hi): (f32, f32), left_x0: f32, line: &Line) -> Option<(f32, f32)> {
    let (mut new_lo, mut new_hi) = (lo, hi);
    let (mut left, mut right) = (false, false);
    for f in &line.frags {
        if f.x1 <= new_hi {
            new_lo = new_lo.max(f.x1);
            left = true;
        } else if f.x0 >= new_lo {
            new_hi = new_hi.min(f.x0);
            right = true;
        } else {
            return None;
        }
        if new_lo > new_hi {
            return None;
        }
    }
    // A line on the left only that starts left of the column is a paragraph after the table.
    if left && !right && line.frags[0].x0 < left_x0 - 0.5 * line.size {
        return None;
    }
    let moved = new_lo > lo || new_hi < hi;
    if moved && !(left && right) {
        let aligned = left
            && line
                .frags
                .first()
                .is_some_and(|f| (f.x0 - left_x0).abs() <= 0.5 * line.size);
        if !aligned {
            return None;
        }
    }
    Some((new_lo, new_hi))
}

/// Where a line with a wide gap between fragments divides two columns: the gap, from the end
/// of the fragment before it to the start of the one after.
fn column_split(line: &Line) -> Option<(f32, f32)> {
    if line.frags.len() < 2 {
        return None;
    }
    let mut best: Option<(f32, f32, f32)> = None;
    for w in line.frags.windows(2) {
        let gap = w[1].x0 - w[0].x1;
        if best.is_none_or(|(g, _, _)| gap > g) {
            best = Some((gap, w[0].x1, w[1].x0));
        }
    }
    let (gap, lo, hi) = best?;
    (gap >= 2.5 * line.size).then_some((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs_of(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut cx = x;
        for c in text.chars() {
            let w = if c == ' ' { 0.25 * size } else { 0.5 * size };
            if c != ' ' {
                out.push(Glyph {
                    text: c.into(),
                    x: cx,
                    y,
                    w,
                    size,
                    font: 0,
                    dir: 0,
                    space_w: 0.25 * size,
                    char_gap: 0.0,
                });
            }
            cx += w;
        }
        out
    }

    fn lay(glyphs: &[Glyph]) -> PageText {
        layout_page(glyphs, &[FontText::default()])
    }

    #[test]
    fn words_from_gaps_and_lines_from_baselines() {
        let mut g = glyphs_of("Điều 1. Phạm vi", 72.0, 700.0, 12.0);
        g.extend(glyphs_of("điều chỉnh", 72.0, 686.0, 12.0));
        let page = lay(&g);
        assert_eq!(page.body, vec!["Điều 1. Phạm vi", "điều chỉnh"]);
    }

    #[test]
    fn header_table_is_read_left_then_right() {
        let mut g = glyphs_of("CHÍNH PHỦ", 80.0, 760.0, 12.0);
        g.extend(glyphs_of("CỘNG HÒA XÃ HỘI", 300.0, 760.0, 12.0));
        g.extend(glyphs_of("Độc lập", 330.0, 745.0, 12.0));
        g.extend(glyphs_of("Số: 15/2025/NĐ-CP", 70.0, 720.0, 12.0));
        g.extend(glyphs_of("Hà Nội, ngày 1", 320.0, 720.0, 12.0));
        g.extend(glyphs_of("NGHỊ ĐỊNH VỀ VIỆC NÀY", 150.0, 690.0, 12.0));
        let page = lay(&g);
        assert_eq!(
            page.body,
            vec![
                "CHÍNH PHỦ",
                "Số: 15/2025/NĐ-CP",
                "CỘNG HÒA XÃ HỘI",
                "Độc lập",
                "Hà Nội, ngày 1",
                "NGHỊ ĐỊNH VỀ VIỆC NÀY"
            ]
        );
    }

    #[test]
    fn fallback_font_letters_fill_their_holes() {
        // LibreOffice: the base font's run with holes, then the fallback font's letters.
        let font = |mut g: Vec<Glyph>, f: u16| {
            g.iter_mut().for_each(|g| g.font = f);
            g
        };
        let mut g = font(glyphs_of("Y BAN NHÂN DÂN", 86.0, 760.0, 12.0), 0);
        g.extend(glyphs_of("C", 300.0, 760.0, 12.0));
        g.extend(glyphs_of("NG HÒA", 312.0, 760.0, 12.0));
        g.extend(font(glyphs_of("Ủ", 80.0, 760.0, 12.0), 1));
        g.extend(font(glyphs_of("Ộ", 306.0, 760.0, 12.0), 1));
        g.extend(glyphs_of("T", 92.0, 745.0, 12.0));
        g.extend(glyphs_of("NH BÌNH AN", 104.0, 745.0, 12.0));
        g.extend(glyphs_of("Độc lập", 330.0, 745.0, 12.0));
        g.extend(font(glyphs_of("Ỉ", 98.0, 745.0, 12.0), 1));
        let page = lay(&g);
        assert_eq!(
            page.body,
            vec!["ỦY BAN NHÂN DÂN", "TỈNH BÌNH AN", "CỘNG HÒA", "Độc lập"]
        );
    }

    #[test]
    fn footer_recipients_stay_in_the_left_column() {
        // A long recipient line runs past the middle of the gap under `Nơi nhận:`.
        let mut g = glyphs_of("Nơi nhận:", 85.0, 300.0, 12.0);
        g.extend(glyphs_of("KT. BỘ TRƯỞNG", 380.0, 300.0, 13.0));
        g.extend(glyphs_of("- Như Điều 4;", 85.0, 287.0, 11.0));
        g.extend(glyphs_of("THỨ TRƯỞNG", 390.0, 286.0, 13.0));
        g.extend(glyphs_of(
            "- Các bộ, cơ quan ngang bộ, cơ quan",
            85.0,
            274.0,
            11.0,
        ));
        g.extend(glyphs_of("- Lưu: VT.", 85.0, 261.0, 11.0));
        g.extend(glyphs_of("Vũ Thị Mai", 395.0, 250.0, 13.0));
        let page = lay(&g);
        assert_eq!(
            page.body,
            vec![
                "Nơi nhận:",
                "- Như Điều 4;",
                "- Các bộ, cơ quan ngang bộ, cơ quan",
                "- Lưu: VT.",
                "KT. BỘ TRƯỞNG",
                "THỨ TRƯỞNG",
                "Vũ Thị Mai"
            ]
        );
    }

    #[test]
    fn text_in_another_direction_is_counted() {
        let mut g = glyphs_of("Điều 1. Phạm vi điều chỉnh", 72.0, 700.0, 12.0);
        let mut note = glyphs_of("Ghi chú", 560.0, 300.0, 10.0);
        note.iter_mut().for_each(|g| g.dir = 1);
        g.extend(note);
        let page = lay(&g);
        assert_eq!(page.body, vec!["Điều 1. Phạm vi điều chỉnh"]);
        assert_eq!(page.set_apart, 6);
        assert!(page.furniture.iter().any(|f| f.contains("Ghi")));
    }

    #[test]
    fn furniture_is_set_apart() {
        let mut g = glyphs_of("CÔNG BÁO/Số 851/Ngày 01-7-2025", 72.0, 800.0, 10.0);
        g.extend(glyphs_of("3", 500.0, 800.0, 10.0));
        g.extend(glyphs_of("Ký bởi: Cổng TTĐT", 72.0, 780.0, 8.0));
        g.extend(glyphs_of("Nội dung chính", 72.0, 700.0, 12.0));
        g.extend(glyphs_of("Nội dung tiếp", 72.0, 680.0, 12.0));
        g.extend(glyphs_of("Nội dung cuối", 72.0, 660.0, 12.0));
        let page = lay(&g);
        assert_eq!(
            page.body,
            vec!["Nội dung chính", "Nội dung tiếp", "Nội dung cuối"]
        );
        assert_eq!(page.furniture.len(), 2);
    }

    #[test]
    fn separate_accent_joins_its_base() {
        let mut g = glyphs_of("Vie", 72.0, 700.0, 12.0);
        let e = g[2].clone();
        g.push(Glyph {
            text: "\u{302}".into(),
            x: e.x + 1.0,
            w: 0.0,
            ..e.clone()
        });
        g.push(Glyph {
            text: "\u{323}".into(),
            x: e.x + 1.0,
            w: 0.0,
            ..e.clone()
        });
        g.push(Glyph {
            text: "t".into(),
            x: e.x + e.w,
            ..e
        });
        let page = lay(&g);
        let text: String =
            unicode_normalization::UnicodeNormalization::nfc(page.body[0].as_str()).collect();
        assert_eq!(text, "Việt");
    }
}
