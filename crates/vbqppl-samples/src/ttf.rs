//! Minimal TrueType reader for the PDF writer: the tables a Type0/CIDFontType2 embedding needs
//! (`head`, `hhea`, `hmtx`, `maxp`, `cmap` format 4/12, `loca`/`glyf`, `OS/2`), and a subsetter
//! that keeps glyph ids stable (unused glyphs become empty), so `CIDToGIDMap /Identity` stays valid.

use std::collections::{BTreeMap, BTreeSet};

use super::SampleError;

/// A parsed TrueType font (the original bytes plus the metrics the writer needs).
#[derive(Debug, Clone)]
pub struct TrueTypeFont {
    data: Vec<u8>,
    tables: BTreeMap<[u8; 4], (usize, usize)>,
    pub units_per_em: u16,
    pub ascent: i16,
    pub descent: i16,
    pub cap_height: i16,
    pub bbox: [i16; 4],
    pub italic_angle: f32,
    pub postscript_name: String,
    advances: Vec<u16>,
    cmap: BTreeMap<u32, u16>,
    long_loca: bool,
    num_glyphs: u16,
}

fn be16(d: &[u8], at: usize) -> Result<u16, SampleError> {
    d.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or(SampleError::Font("truncated table"))
}

fn be32(d: &[u8], at: usize) -> Result<u32, SampleError> {
    d.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or(SampleError::Font("truncated table"))
}

impl TrueTypeFont {
    pub fn parse(data: Vec<u8>) -> Result<Self, SampleError> {
        let num_tables = be16(&data, 4)? as usize;
        let mut tables = BTreeMap::new();
        for i in 0..num_tables {
            let rec = 12 + i * 16;
            let tag: [u8; 4] = data
                .get(rec..rec + 4)
                .and_then(|s| s.try_into().ok())
                .ok_or(SampleError::Font("truncated table directory"))?;
            let off = be32(&data, rec + 8)? as usize;
            let len = be32(&data, rec + 12)? as usize;
            if off.checked_add(len).is_none_or(|end| end > data.len()) {
                return Err(SampleError::Font("table outside the file"));
            }
            tables.insert(tag, (off, len));
        }
        let mut font = TrueTypeFont {
            data,
            tables,
            units_per_em: 1000,
            ascent: 0,
            descent: 0,
            cap_height: 0,
            bbox: [0; 4],
            italic_angle: 0.0,
            postscript_name: String::new(),
            advances: Vec::new(),
            cmap: BTreeMap::new(),
            long_loca: false,
            num_glyphs: 0,
        };
        font.read_metrics()?;
        font.read_cmap()?;
        font.postscript_name = font.read_ps_name().unwrap_or_else(|| "EmbeddedFont".into());
        Ok(font)
    }

    fn table(&self, tag: &[u8; 4]) -> Result<&[u8], SampleError> {
        let (off, len) = self
            .tables
            .get(tag)
            .copied()
            .ok_or(SampleError::Font("required table missing"))?;
        Ok(&self.data[off..off + len])
    }

    fn read_metrics(&mut self) -> Result<(), SampleError> {
        let head = self.table(b"head")?;
        let upem = be16(head, 18)?;
        let bbox = [
            be16(head, 36)? as i16,
            be16(head, 38)? as i16,
            be16(head, 40)? as i16,
            be16(head, 42)? as i16,
        ];
        let long_loca = be16(head, 50)? == 1;
        let hhea = self.table(b"hhea")?;
        let ascent = be16(hhea, 4)? as i16;
        let descent = be16(hhea, 6)? as i16;
        let num_hmetrics = be16(hhea, 34)? as usize;
        let num_glyphs = be16(self.table(b"maxp")?, 4)?;
        let hmtx = self.table(b"hmtx")?;
        let mut advances = Vec::with_capacity(num_glyphs as usize);
        let mut last = 0;
        for g in 0..num_glyphs as usize {
            if g < num_hmetrics {
                last = be16(hmtx, g * 4)?;
            }
            advances.push(last);
        }
        let cap_height = self
            .table(b"OS/2")
            .ok()
            .and_then(|os2| be16(os2, 88).ok())
            .map(|v| v as i16)
            .unwrap_or(ascent);
        let italic_angle = self
            .table(b"post")
            .ok()
            .and_then(|p| be32(p, 4).ok())
            .map(|fixed| fixed as i32 as f32 / 65536.0)
            .unwrap_or(0.0);
        self.units_per_em = upem.max(16);
        self.bbox = bbox;
        self.long_loca = long_loca;
        self.ascent = ascent;
        self.descent = descent;
        self.num_glyphs = num_glyphs;
        self.advances = advances;
        self.cap_height = cap_height;
        self.italic_angle = italic_angle;
        Ok(())
    }

    fn read_cmap(&mut self) -> Result<(), SampleError> {
        let cmap = self.table(b"cmap")?;
        let n = be16(cmap, 2)? as usize;
        // Prefer a full-repertoire (format 12) subtable, fall back to BMP (format 4).
        let mut best: Option<(u16, usize)> = None;
        for i in 0..n {
            let platform = be16(cmap, 4 + i * 8)?;
            let encoding = be16(cmap, 6 + i * 8)?;
            let off = be32(cmap, 8 + i * 8)? as usize;
            let format = be16(cmap, off)?;
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if !unicode || !(format == 4 || format == 12) {
                continue;
            }
            if best.is_none_or(|(f, _)| format > f) {
                best = Some((format, off));
            }
        }
        let (format, off) = best.ok_or(SampleError::Font("no unicode cmap"))?;
        let mut map = BTreeMap::new();
        if format == 12 {
            let groups = be32(cmap, off + 12)? as usize;
            for g in 0..groups {
                let rec = off + 16 + g * 12;
                let start = be32(cmap, rec)?;
                let end = be32(cmap, rec + 4)?;
                let gid = be32(cmap, rec + 8)?;
                for (k, cp) in (start..=end.min(start.saturating_add(0xFFFF))).enumerate() {
                    map.insert(cp, (gid as usize + k) as u16);
                }
            }
        } else {
            let segs = be16(cmap, off + 6)? as usize / 2;
            let ends = off + 14;
            let starts = ends + segs * 2 + 2;
            let deltas = starts + segs * 2;
            let ranges = deltas + segs * 2;
            for s in 0..segs {
                let end = be16(cmap, ends + s * 2)?;
                let start = be16(cmap, starts + s * 2)?;
                let delta = be16(cmap, deltas + s * 2)?;
                let range = be16(cmap, ranges + s * 2)? as usize;
                if start == 0xFFFF {
                    continue;
                }
                for cp in start..=end {
                    let gid = if range == 0 {
                        cp.wrapping_add(delta)
                    } else {
                        let at = ranges + s * 2 + range + (cp - start) as usize * 2;
                        match be16(cmap, at)? {
                            0 => 0,
                            g => g.wrapping_add(delta),
                        }
                    };
                    if gid != 0 {
                        map.insert(cp as u32, gid);
                    }
                }
            }
        }
        self.cmap = map;
        Ok(())
    }

    fn read_ps_name(&self) -> Option<String> {
        let name = self.table(b"name").ok()?;
        let count = be16(name, 2).ok()? as usize;
        let strings = be16(name, 4).ok()? as usize;
        for i in 0..count {
            let rec = 6 + i * 12;
            let platform = be16(name, rec).ok()?;
            let name_id = be16(name, rec + 6).ok()?;
            let len = be16(name, rec + 8).ok()? as usize;
            let off = be16(name, rec + 10).ok()? as usize;
            if name_id != 6 {
                continue;
            }
            let raw = name.get(strings + off..strings + off + len)?;
            let text: String = if platform == 3 || platform == 0 {
                let units: Vec<u16> = raw
                    .chunks_exact(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            } else {
                raw.iter().map(|&b| b as char).collect()
            };
            let clean: String = text.chars().filter(|c| c.is_ascii_graphic()).collect();
            if !clean.is_empty() {
                return Some(clean);
            }
        }
        None
    }

    /// Glyph id for a character (0 = .notdef when the font lacks it).
    pub fn glyph(&self, c: char) -> u16 {
        self.cmap.get(&(c as u32)).copied().unwrap_or(0)
    }

    pub fn has_char(&self, c: char) -> bool {
        self.cmap.contains_key(&(c as u32))
    }

    /// Advance width of a glyph in font units.
    pub fn advance(&self, gid: u16) -> u16 {
        self.advances.get(gid as usize).copied().unwrap_or(0)
    }

    /// Width of a string in points at `size`.
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| self.advance(self.glyph(c)) as u32)
            .sum();
        units as f32 * size / self.units_per_em as f32
    }

    /// Advance width in PDF glyph space (1/1000 em).
    pub fn pdf_width(&self, gid: u16) -> i64 {
        (self.advance(gid) as i64 * 1000 + self.units_per_em as i64 / 2) / self.units_per_em as i64
    }

    pub fn to_pdf_units(&self, v: i16) -> i64 {
        v as i64 * 1000 / self.units_per_em as i64
    }

    fn glyph_range(&self, loca: &[u8], gid: u16) -> Result<(usize, usize), SampleError> {
        let g = gid as usize;
        if self.long_loca {
            Ok((be32(loca, g * 4)? as usize, be32(loca, g * 4 + 4)? as usize))
        } else {
            Ok((
                be16(loca, g * 2)? as usize * 2,
                be16(loca, g * 2 + 2)? as usize * 2,
            ))
        }
    }

    /// A copy of the font keeping only the outlines of `used` glyphs (plus .notdef and the
    /// components of composite glyphs). Glyph ids are unchanged; dropped glyphs become empty.
    pub fn subset(&self, used: &BTreeSet<u16>) -> Result<Vec<u8>, SampleError> {
        let loca = self.table(b"loca")?;
        let glyf = self.table(b"glyf")?;
        let mut keep: BTreeSet<u16> = used
            .iter()
            .copied()
            .filter(|&g| g < self.num_glyphs)
            .collect();
        keep.insert(0);
        // Composite glyphs reference other glyphs; follow them (depth is bounded by the glyph count).
        let mut pending: Vec<u16> = keep.iter().copied().collect();
        while let Some(gid) = pending.pop() {
            let (start, end) = self.glyph_range(loca, gid)?;
            if end <= start || end > glyf.len() {
                continue;
            }
            let g = &glyf[start..end];
            if (be16(g, 0)? as i16) >= 0 {
                continue;
            }
            let mut at = 10;
            loop {
                let flags = be16(g, at)?;
                let comp = be16(g, at + 2)?;
                if comp < self.num_glyphs && keep.insert(comp) {
                    pending.push(comp);
                }
                at += 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
                at += if flags & 0x0008 != 0 {
                    2
                } else if flags & 0x0040 != 0 {
                    4
                } else if flags & 0x0080 != 0 {
                    8
                } else {
                    0
                };
                if flags & 0x0020 == 0 {
                    break;
                }
            }
        }
        let mut new_glyf = Vec::new();
        let mut offsets = Vec::with_capacity(self.num_glyphs as usize + 1);
        for gid in 0..self.num_glyphs {
            offsets.push(new_glyf.len() as u32);
            if keep.contains(&gid) {
                let (start, end) = self.glyph_range(loca, gid)?;
                if end > start && end <= glyf.len() {
                    new_glyf.extend_from_slice(&glyf[start..end]);
                    while new_glyf.len() % 4 != 0 {
                        new_glyf.push(0);
                    }
                }
            }
        }
        offsets.push(new_glyf.len() as u32);
        let new_loca: Vec<u8> = offsets.iter().flat_map(|o| o.to_be_bytes()).collect();
        let mut head = self.table(b"head")?.to_vec();
        if head.len() >= 52 {
            head[50..52].copy_from_slice(&1u16.to_be_bytes()); // long loca offsets
            head[8..12].copy_from_slice(&[0, 0, 0, 0]); // checkSumAdjustment, not verified by readers
        }
        let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
        for tag in [
            b"OS/2", b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca",
            b"maxp", b"name", b"post", b"prep",
        ] {
            let body = match tag {
                b"glyf" => new_glyf.clone(),
                b"loca" => new_loca.clone(),
                b"head" => head.clone(),
                _ => match self.table(tag) {
                    Ok(t) => t.to_vec(),
                    Err(_) => continue,
                },
            };
            out_tables.push((*tag, body));
        }
        Ok(write_sfnt(&out_tables))
    }
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |acc, c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        acc.wrapping_add(u32::from_be_bytes(b))
    })
}

fn write_sfnt(tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let n = tables.len() as u16;
    let mut pow = 1u16;
    let mut log = 0u16;
    while pow * 2 <= n {
        pow *= 2;
        log += 1;
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&n.to_be_bytes());
    out.extend_from_slice(&(pow * 16).to_be_bytes());
    out.extend_from_slice(&log.to_be_bytes());
    out.extend_from_slice(&(n * 16 - pow * 16).to_be_bytes());
    let mut offset = 12 + tables.len() * 16;
    let mut bodies = Vec::new();
    for (tag, body) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(body).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let mut padded = body.clone();
        while padded.len() % 4 != 0 {
            padded.push(0);
        }
        offset += padded.len();
        bodies.push(padded);
    }
    for b in bodies {
        out.extend_from_slice(&b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regular() -> TrueTypeFont {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fonts/LiberationSerif-Regular.ttf"
        );
        TrueTypeFont::parse(std::fs::read(path).expect("font fixture")).expect("parse font")
    }

    #[test]
    fn covers_vietnamese_and_reads_metrics() {
        let f = regular();
        assert_eq!(f.units_per_em, 2048);
        for c in "ẮẰẲẴẶắằẳẵặỆệỮữỰựĐđƠơƯư".chars() {
            assert!(f.has_char(c), "missing {c}");
        }
        // Times-compatible metrics: a space is 0.25 em.
        assert_eq!(f.pdf_width(f.glyph(' ')), 250);
        assert!(f.text_width("Điều 1.", 13.0) > 30.0);
    }

    #[test]
    fn subset_is_smaller_and_reparses() {
        let f = regular();
        let used: BTreeSet<u16> = "Quyết định".chars().map(|c| f.glyph(c)).collect();
        let sub = f.subset(&used).expect("subset");
        assert!(sub.len() < f.data.len() / 2);
        let again = TrueTypeFont::parse(sub).expect("reparse");
        assert_eq!(again.glyph('ế'), f.glyph('ế'));
        assert_eq!(again.advance(f.glyph('Q')), f.advance(f.glyph('Q')));
    }
}
