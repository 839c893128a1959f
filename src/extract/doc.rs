//! Word 97-2003 `.doc`: a compound file (CFB/OLE2) whose `WordDocument` stream starts with the
//! FIB; the piece table (CLX in the table stream) says where each run of text lies and whether it
//! is 8-bit (cp1252) or UTF-16LE. Paragraph properties (PAPX FKPs) tell which paragraphs are table
//! cells and which mark row ends, so header tables come out as tables.
//!
//! Every offset read from the file is checked; chains are bounded; a broken file gives
//! `ExtractError::Malformed`, never a panic.

use super::layout::clean_text;
use super::layout::{render, BlockBuilder};
use super::legacy::{cp1252_char, legacy_to_unicode};
use super::text::{finish, repair};
use super::{Encoding, ExtractError, Extraction, Limits, SourceFormat};

fn malformed(reason: impl Into<String>) -> ExtractError {
    ExtractError::Malformed {
        format: "doc",
        reason: reason.into(),
    }
}

fn u16_at(d: &[u8], off: usize) -> Option<u16> {
    let b = d.get(off..off.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(d: &[u8], off: usize) -> Option<u32> {
    let b = d.get(off..off.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn usize_at(d: &[u8], off: usize) -> Option<usize> {
    u32_at(d, off).and_then(|v| usize::try_from(v).ok())
}

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FREE_SECTOR: u32 = 0xFFFF_FFFF;
const CFB_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

#[derive(Debug)]
struct DirEntry {
    name: String,
    kind: u8,
    left: u32,
    right: u32,
    child: u32,
    start: u32,
    size: u64,
}

/// A read-only compound file.
struct Cfb<'a> {
    data: &'a [u8],
    sector_size: usize,
    fat: Vec<u32>,
    minifat: Vec<u32>,
    mini_stream: Vec<u8>,
    cutoff: u64,
    dir: Vec<DirEntry>,
    max_bytes: u64,
}

impl<'a> Cfb<'a> {
    fn parse(data: &'a [u8], max_bytes: u64) -> Result<Self, ExtractError> {
        if data.len() < 512 || data[..8] != CFB_SIGNATURE {
            return Err(malformed("no compound file header"));
        }
        let shift = u16_at(data, 0x1E).unwrap_or(0);
        let sector_size = match shift {
            9 => 512,
            12 => 4096,
            _ => return Err(malformed(format!("sector shift {shift}"))),
        };
        let num_fat = usize_at(data, 0x2C).unwrap_or(0);
        let dir_start = u32_at(data, 0x30).unwrap_or(END_OF_CHAIN);
        let cutoff = u64::from(u32_at(data, 0x38).unwrap_or(4096));
        let minifat_start = u32_at(data, 0x3C).unwrap_or(END_OF_CHAIN);
        let difat_start = u32_at(data, 0x44).unwrap_or(END_OF_CHAIN);
        let num_difat = usize_at(data, 0x48).unwrap_or(0);
        let total_sectors = data.len() / sector_size + 1;
        if num_fat > total_sectors {
            return Err(malformed(format!("{num_fat} fat sectors in a small file")));
        }
        let mut cfb = Cfb {
            data,
            sector_size,
            fat: Vec::new(),
            minifat: Vec::new(),
            mini_stream: Vec::new(),
            cutoff,
            dir: Vec::new(),
            max_bytes,
        };
        // DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|i| u32_at(data, 0x4C + i * 4))
            .collect();
        let mut next = difat_start;
        let per_sector = sector_size / 4 - 1;
        for _ in 0..num_difat.min(total_sectors) {
            if next == END_OF_CHAIN || next == FREE_SECTOR {
                break;
            }
            let sector = cfb.sector(next)?;
            fat_sectors.extend((0..per_sector).filter_map(|i| u32_at(sector, i * 4)));
            next = u32_at(sector, per_sector * 4).unwrap_or(END_OF_CHAIN);
        }
        fat_sectors.retain(|&s| s != FREE_SECTOR && s != END_OF_CHAIN);
        fat_sectors.truncate(num_fat);
        for s in fat_sectors {
            let sector = cfb.sector(s)?;
            cfb.fat
                .extend((0..sector.len() / 4).filter_map(|i| u32_at(sector, i * 4)));
        }
        let dir_bytes = cfb.read_chain(dir_start, None)?;
        cfb.dir = dir_bytes
            .chunks_exact(128)
            .map(|e| {
                let name_len = usize::from(u16_at(e, 64).unwrap_or(0)).min(64);
                let units: Vec<u16> = (0..name_len / 2)
                    .filter_map(|i| u16_at(e, i * 2))
                    .take_while(|&u| u != 0)
                    .collect();
                let size_low = u64::from(u32_at(e, 120).unwrap_or(0));
                let size_high = u64::from(u32_at(e, 124).unwrap_or(0));
                DirEntry {
                    name: String::from_utf16_lossy(&units),
                    kind: e[66],
                    left: u32_at(e, 68).unwrap_or(FREE_SECTOR),
                    right: u32_at(e, 72).unwrap_or(FREE_SECTOR),
                    child: u32_at(e, 76).unwrap_or(FREE_SECTOR),
                    start: u32_at(e, 116).unwrap_or(END_OF_CHAIN),
                    // Version 3 files may leave garbage in the high half.
                    size: if sector_size == 512 {
                        size_low
                    } else {
                        size_low | (size_high << 32)
                    },
                }
            })
            .collect();
        let root = cfb
            .dir
            .first()
            .filter(|r| r.kind == 5)
            .map(|r| (r.start, r.size))
            .ok_or_else(|| malformed("no root directory entry"))?;
        cfb.mini_stream = cfb.read_chain(root.0, Some(root.1))?;
        let minifat_bytes = cfb.read_chain(minifat_start, None)?;
        cfb.minifat = (0..minifat_bytes.len() / 4)
            .filter_map(|i| u32_at(&minifat_bytes, i * 4))
            .collect();
        Ok(cfb)
    }

    fn sector(&self, n: u32) -> Result<&'a [u8], ExtractError> {
        let start = usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_add(1))
            .and_then(|n| n.checked_mul(self.sector_size))
            .filter(|&s| s < self.data.len())
            .ok_or_else(|| malformed(format!("sector {n} past end of file")))?;
        let end = (start + self.sector_size).min(self.data.len());
        Ok(&self.data[start..end])
    }

    /// Concatenate a FAT chain, stopping at `size` bytes when given.
    fn read_chain(&self, start: u32, size: Option<u64>) -> Result<Vec<u8>, ExtractError> {
        let limit = size.unwrap_or(u64::MAX).min(self.max_bytes);
        let mut out = Vec::new();
        let mut next = start;
        let mut steps = 0usize;
        while next != END_OF_CHAIN && next != FREE_SECTOR {
            steps += 1;
            if steps > self.fat.len() + 1 {
                return Err(malformed("sector chain loops"));
            }
            out.extend_from_slice(self.sector(next)?);
            if u64::try_from(out.len()).unwrap_or(u64::MAX) >= limit {
                break;
            }
            next = usize::try_from(next)
                .ok()
                .and_then(|i| self.fat.get(i))
                .copied()
                .ok_or_else(|| malformed(format!("sector {next} not in the fat")))?;
        }
        if let Some(size) = size {
            if size > self.max_bytes {
                return Err(ExtractError::TooLarge(size));
            }
            out.truncate(usize::try_from(size).unwrap_or(usize::MAX));
        }
        Ok(out)
    }

    fn read_mini_chain(&self, start: u32, size: u64) -> Result<Vec<u8>, ExtractError> {
        let mut out = Vec::new();
        let mut next = start;
        let mut steps = 0usize;
        let want = usize::try_from(size).unwrap_or(usize::MAX);
        while next != END_OF_CHAIN && next != FREE_SECTOR && out.len() < want {
            steps += 1;
            if steps > self.minifat.len() + 1 {
                return Err(malformed("mini sector chain loops"));
            }
            let idx = usize::try_from(next).unwrap_or(usize::MAX);
            let off = idx.saturating_mul(64);
            let chunk = self
                .mini_stream
                .get(off..off.saturating_add(64).min(self.mini_stream.len()))
                .filter(|c| !c.is_empty())
                .ok_or_else(|| malformed(format!("mini sector {next} past end")))?;
            out.extend_from_slice(chunk);
            next = self
                .minifat
                .get(idx)
                .copied()
                .ok_or_else(|| malformed(format!("mini sector {next} not in the mini fat")))?;
        }
        out.truncate(want);
        Ok(out)
    }

    /// The stream called `name` directly under the root storage. Embedded objects (an attached
    /// Word file in `ObjectPool`) have streams of the same names deeper in the tree.
    fn root_stream(&self, name: &str) -> Option<&DirEntry> {
        self.children(0)
            .into_iter()
            .find(|e| e.kind == 2 && e.name.eq_ignore_ascii_case(name))
    }

    /// Entries directly inside the storage at directory index `storage` (its sibling tree).
    fn children(&self, storage: usize) -> Vec<&DirEntry> {
        let mut out = Vec::new();
        let Some(parent) = self.dir.get(storage) else {
            return out;
        };
        let mut stack = vec![parent.child];
        let mut steps = 0;
        while let Some(id) = stack.pop() {
            steps += 1;
            if steps > self.dir.len() {
                break; // a sibling tree that loops
            }
            let Some(e) = usize::try_from(id).ok().and_then(|i| self.dir.get(i)) else {
                continue;
            };
            out.push(e);
            stack.push(e.left);
            stack.push(e.right);
        }
        out
    }

    fn index_of(&self, e: &DirEntry) -> Option<usize> {
        self.dir.iter().position(|x| std::ptr::eq(x, e))
    }

    /// The bytes of the stream called `name` in the storage at `storage`, if there is one.
    fn stream_in(&self, storage: usize, name: &str) -> Result<Option<Vec<u8>>, ExtractError> {
        let Some(e) = self
            .children(storage)
            .into_iter()
            .find(|e| e.kind == 2 && e.name.eq_ignore_ascii_case(name))
        else {
            return Ok(None);
        };
        self.read_entry(e).map(Some)
    }

    fn read_entry(&self, e: &DirEntry) -> Result<Vec<u8>, ExtractError> {
        if e.size > self.max_bytes {
            return Err(ExtractError::TooLarge(e.size));
        }
        if e.size < self.cutoff {
            self.read_mini_chain(e.start, e.size)
        } else {
            self.read_chain(e.start, Some(e.size))
        }
    }
}

/// What the text needs from the File Information Block.
#[derive(Debug)]
struct Fib {
    /// Word 6/95 (`wIdent` 0xA5DC, nFib 101..=104): 8-bit text, piece table in WordDocument.
    word6: bool,
    complex: bool,
    encrypted: bool,
    table_stream: &'static str,
    ccp_text: usize,
    /// Footnote and header story lengths (the header story follows the footnotes).
    ccp_ftn: usize,
    ccp_hdd: usize,
    clx: (usize, usize),
    papx: (usize, usize),
    /// Character-property FKPs and the font table, to find TCVN3 upper-case fonts.
    chpx: (usize, usize),
    fonts: (usize, usize),
    fc_min: usize,
    fc_mac: usize,
}

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, ExtractError> {
        let ident = u16_at(word, 0);
        if ident != Some(0xA5EC) && ident != Some(0xA5DC) {
            return Err(malformed("no word document header"));
        }
        let n_fib = u16_at(word, 2).unwrap_or(0);
        let flags = u16_at(word, 0x0A).unwrap_or(0);
        let fc_min = usize_at(word, 0x18).unwrap_or(0);
        let fc_mac = usize_at(word, 0x1C).unwrap_or(0);
        let common = |word6, ccp: (usize, usize, usize), clx, papx, chpx, fonts| Fib {
            word6,
            complex: flags & 0x0004 != 0,
            encrypted: flags & 0x0100 != 0,
            table_stream: if flags & 0x0200 != 0 {
                "1Table"
            } else {
                "0Table"
            },
            ccp_text: ccp.0,
            ccp_ftn: ccp.1,
            ccp_hdd: ccp.2,
            clx,
            papx,
            chpx,
            fonts,
            fc_min,
            fc_mac,
        };
        if ident == Some(0xA5DC) || n_fib < 105 {
            let at = |o: usize| usize_at(word, o).unwrap_or(0);
            // Word 6 headers are not read: their story offsets are not checked here.
            return Ok(common(
                true,
                (at(0x34), 0, 0),
                (at(0x160), at(0x164)),
                (0, 0),
                (0, 0),
                (0, 0),
            ));
        }
        let csw = usize::from(u16_at(word, 0x20).unwrap_or(0));
        let lw_at = 0x22 + csw * 2 + 2;
        let cslw = usize::from(u16_at(word, lw_at - 2).unwrap_or(0));
        let fc_at = lw_at + cslw * 4 + 2;
        let pair = |i: usize| -> (usize, usize) {
            (
                usize_at(word, fc_at + i * 8).unwrap_or(0),
                usize_at(word, fc_at + i * 8 + 4).unwrap_or(0),
            )
        };
        Ok(common(
            false,
            (
                usize_at(word, lw_at + 3 * 4).unwrap_or(0),
                usize_at(word, lw_at + 4 * 4).unwrap_or(0),
                usize_at(word, lw_at + 5 * 4).unwrap_or(0),
            ),
            pair(33),
            pair(13),
            pair(12),
            pair(15),
        ))
    }
}

/// Word 6/95 text: one 8-bit run from fcMin, or the pieces of its CLX (kept in WordDocument)
/// when the file was fast-saved. Word 6 piece offsets are plain byte offsets.
fn word6_pieces(word: &[u8], fib: &Fib) -> Result<Vec<Piece>, ExtractError> {
    if !fib.complex {
        return Ok(vec![Piece {
            cp: 0,
            cp_end: fib.ccp_text.min(word.len().saturating_sub(fib.fc_min)),
            pos: fib.fc_min,
            compressed: true,
        }]);
    }
    let (fc, lcb) = fib.clx;
    let clx = word
        .get(fc..fc.saturating_add(lcb))
        .ok_or_else(|| malformed("clx past end of stream"))?;
    let mut pieces = parse_clx(clx)?;
    for p in &mut pieces {
        if p.compressed {
            p.pos *= 2; // undo the Word 97 halving: bit 30 means nothing here
        }
        p.compressed = true;
    }
    Ok(pieces)
}

/// One piece of the piece table: CPs `[cp, cp_end)` stored at byte `pos` of WordDocument.
#[derive(Debug, Clone, Copy)]
struct Piece {
    cp: usize,
    cp_end: usize,
    pos: usize,
    compressed: bool,
}

fn parse_clx(clx: &[u8]) -> Result<Vec<Piece>, ExtractError> {
    let mut i = 0;
    // Skip the Prc entries (property modifiers) that may precede the piece table.
    while clx.get(i) == Some(&0x01) {
        let cb = usize::from(u16_at(clx, i + 1).ok_or_else(|| malformed("short clx"))?);
        i += 3 + cb;
    }
    if clx.get(i) != Some(&0x02) {
        return Err(malformed("no piece table in clx"));
    }
    let lcb = usize_at(clx, i + 1).ok_or_else(|| malformed("short clx"))?;
    let plc = clx
        .get(i + 5..i + 5 + lcb)
        .ok_or_else(|| malformed("piece table past clx end"))?;
    if lcb < 16 || (lcb - 4) % 12 != 0 {
        return Err(malformed(format!("piece table of {lcb} bytes")));
    }
    let n = (lcb - 4) / 12;
    let pcd_at = (n + 1) * 4;
    let mut pieces = Vec::with_capacity(n);
    for k in 0..n {
        let cp = usize_at(plc, k * 4).unwrap_or(0);
        let cp_end = usize_at(plc, (k + 1) * 4).unwrap_or(0);
        let fc = u32_at(plc, pcd_at + k * 8 + 2).unwrap_or(0);
        let compressed = fc & 0x4000_0000 != 0;
        let raw = usize::try_from(fc & 0x3FFF_FFFF).unwrap_or(0);
        pieces.push(Piece {
            cp,
            cp_end: cp_end.max(cp),
            pos: if compressed { raw / 2 } else { raw },
            compressed,
        });
    }
    Ok(pieces)
}

/// Look for a piece table (`0x02`, size, CPs from 0 past the main text, pieces inside the
/// WordDocument stream) anywhere in the table stream.
fn scan_piece_table(table: &[u8], ccp_text: usize, word_len: usize) -> Option<Vec<Piece>> {
    // Bytes of candidate tables parsed so far: a crafted stream cannot make the scan quadratic.
    let mut work = 0usize;
    (0..table.len()).find_map(|i| {
        if table[i] != 0x02 || work > 16 * table.len() + (1 << 20) {
            return None;
        }
        let lcb = usize_at(table, i + 1)?;
        if lcb < 16 || (lcb - 4) % 12 != 0 || usize_at(table, i + 5)? != 0 {
            return None;
        }
        work = work.saturating_add(lcb);
        let pieces = parse_clx(table.get(i..i.checked_add(5 + lcb)?)?).ok()?;
        let last = pieces.last()?.cp_end;
        let inside = pieces.iter().all(|p| {
            let width = if p.compressed { 1 } else { 2 };
            p.pos + (p.cp_end - p.cp) * width <= word_len
        });
        let ordered = pieces.windows(2).all(|w| w[0].cp_end == w[1].cp);
        (last >= ccp_text && inside && ordered).then_some(pieces)
    })
}

/// Whether a 512-byte page of the text range holds text: UTF-16 whose high bytes look like
/// Vietnamese (0x00, 0x01 for ư ơ đ, 0x1E for the tone-marked letters), or 8-bit with few
/// control bytes. Property pages (FKPs) of fast-saved files fail both.
fn page_is_text(page: &[u8], utf16: bool) -> bool {
    if utf16 {
        let high = page.iter().skip(1).step_by(2);
        let n = high.clone().count();
        let ok = high.filter(|&&b| matches!(b, 0x00 | 0x01 | 0x1E)).count();
        return ok * 10 >= n * 9;
    }
    let control = page
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\r' | b'\t' | 0x07 | 0x0B | 0x0C | 0))
        .count();
    control * 20 < page.len()
}

/// When no piece table can be found: the text pages of `fcMin..fcMac`, in file order, as the
/// bytes of one piece.
fn whole_range_text(
    word: &[u8],
    fc_min: usize,
    fc_mac: usize,
) -> Result<(Vec<u8>, Piece), ExtractError> {
    let range = word
        .get(fc_min..fc_mac.min(word.len()))
        .filter(|r| !r.is_empty())
        .ok_or_else(|| malformed("text range past end of stream"))?;
    let high = range.iter().skip(1).step_by(2);
    let utf16_like = high
        .clone()
        .filter(|&&b| matches!(b, 0x00 | 0x01 | 0x1E))
        .count();
    let utf16 = utf16_like * 10 >= high.count() * 7;
    let mut bytes = Vec::with_capacity(range.len());
    let mut at = fc_min;
    while at < fc_min + range.len() {
        // Pages follow the stream's 512-byte grid.
        let end = ((at / 512 + 1) * 512).min(fc_min + range.len());
        let page = &word[at..end];
        if page_is_text(page, utf16) {
            bytes.extend_from_slice(page);
        }
        at = end;
    }
    let chars = if utf16 { bytes.len() / 2 } else { bytes.len() };
    let piece = Piece {
        cp: 0,
        cp_end: chars,
        pos: 0,
        compressed: !utf16,
    };
    Ok((bytes, piece))
}

/// Paragraph-property runs: byte range of WordDocument, in a table, is a row end.
#[derive(Debug, Clone, Copy)]
struct ParaRun {
    start: usize,
    end: usize,
    in_table: bool,
    row_end: bool,
}

/// Table flags of a PAPX's sprms (sprmPFInTable, sprmPFTtp, sprmPItap).
fn papx_table_flags(grpprl: &[u8]) -> (bool, bool) {
    let (mut in_table, mut row_end) = (false, false);
    let mut i = 0;
    while let Some(op) = u16_at(grpprl, i) {
        i += 2;
        let size = match op >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match op {
                0xD608 => usize::from(u16_at(grpprl, i).unwrap_or(0)) + 1,
                _ => usize::from(grpprl.get(i).copied().unwrap_or(0)) + 1,
            },
        };
        let operand = grpprl.get(i).copied().unwrap_or(0);
        match op {
            0x2416 => in_table |= operand != 0,
            0x2417 => row_end |= operand != 0,
            0x6649 => in_table |= u32_at(grpprl, i).unwrap_or(0) > 0,
            _ => {}
        }
        i += size;
    }
    (in_table, row_end)
}

/// One run of a formatting FKP page: byte range of WordDocument and where its properties sit
/// in the page (0: none).
struct FkpRun<'a> {
    start: usize,
    end: usize,
    page: &'a [u8],
    b_offset: usize,
}

/// The runs of every FKP page listed by the bin table at `plc_at` (PlcBtePapx or PlcBteChpx);
/// `bx_size` is the size of one property pointer (13 for paragraphs, 1 for characters).
fn fkp_runs<'a>(
    word: &'a [u8],
    table: &[u8],
    plc_at: (usize, usize),
    bx_size: usize,
) -> Vec<FkpRun<'a>> {
    let (fc, lcb) = plc_at;
    let Some(plc) = table
        .get(fc..fc.saturating_add(lcb))
        .filter(|p| p.len() >= 12)
    else {
        return Vec::new();
    };
    let n = (plc.len() - 4) / 8;
    let mut runs = Vec::new();
    for k in 0..n {
        let Some(pn) = u32_at(plc, (n + 1) * 4 + k * 4) else {
            continue;
        };
        let Some(off) = usize::try_from(pn & 0x3F_FFFF)
            .ok()
            .and_then(|p| p.checked_mul(512))
        else {
            continue;
        };
        let Some(page) = word
            .get(off..off.saturating_add(512))
            .filter(|p| p.len() == 512)
        else {
            continue;
        };
        let crun = usize::from(page[511]);
        let bx_at = (crun + 1) * 4;
        for r in 0..crun {
            let (Some(start), Some(end)) = (usize_at(page, r * 4), usize_at(page, r * 4 + 4))
            else {
                continue;
            };
            let b_offset = usize::from(page.get(bx_at + r * bx_size).copied().unwrap_or(0)) * 2;
            runs.push(FkpRun {
                start,
                end,
                page,
                b_offset,
            });
        }
    }
    runs
}

fn paragraph_runs(word: &[u8], table: &[u8], papx: (usize, usize)) -> Vec<ParaRun> {
    let mut runs: Vec<ParaRun> = fkp_runs(word, table, papx, 13)
        .into_iter()
        .map(|r| {
            let (page, b_offset) = (r.page, r.b_offset);
            let (mut in_table, mut row_end) = (false, false);
            if b_offset > 0 {
                let cb = usize::from(page.get(b_offset).copied().unwrap_or(0));
                let (from, len) = if cb == 0 {
                    (
                        b_offset + 2,
                        usize::from(page.get(b_offset + 1).copied().unwrap_or(0)) * 2,
                    )
                } else {
                    (b_offset + 1, cb * 2 - 1)
                };
                // grpprlInPapx starts with the 2-byte style index.
                if let Some(grpprl) = page.get(from + 2..(from + len).min(512)) {
                    (in_table, row_end) = papx_table_flags(grpprl);
                }
            }
            ParaRun {
                start: r.start,
                end: r.end,
                in_table,
                row_end,
            }
        })
        .collect();
    runs.sort_by_key(|r| r.start);
    runs
}

fn in_ranges(ranges: &[(usize, usize)], pos: usize) -> bool {
    let i = ranges.partition_point(|r| r.0 <= pos);
    i.checked_sub(1)
        .and_then(|i| ranges.get(i))
        .is_some_and(|r| pos < r.1)
}

/// Font names of the font table (SttbfFfn), by index.
fn font_names(table: &[u8], fonts: (usize, usize)) -> Vec<String> {
    let (fc, lcb) = fonts;
    let Some(sttb) = table.get(fc..fc.saturating_add(lcb)) else {
        return Vec::new();
    };
    let count = usize::from(u16_at(sttb, 0).unwrap_or(0));
    let mut names = Vec::new();
    let mut at = 4;
    for _ in 0..count {
        let Some(&cb) = sttb.get(at) else { break };
        let ffn = sttb.get(at + 1..at + 1 + usize::from(cb)).unwrap_or(&[]);
        // The name (UTF-16, NUL-terminated) starts 39 bytes into the FFN.
        let units: Vec<u16> = (39..ffn.len())
            .step_by(2)
            .filter_map(|i| u16_at(ffn, i))
            .take_while(|&u| u != 0)
            .collect();
        names.push(String::from_utf16_lossy(&units));
        at += 1 + usize::from(cb);
    }
    names
}

/// Byte ranges of WordDocument set in a TCVN3 upper-case font (`.VnTimeH`, `.VnArialH`): the
/// character-property runs whose sprmCRgFtc0 names such a font.
fn upper_font_ranges(word: &[u8], table: &[u8], fib: &Fib) -> Vec<(usize, usize)> {
    let names = font_names(table, fib.fonts);
    let upper_font = |i: usize| {
        names
            .get(i)
            .is_some_and(|n| n.starts_with(".Vn") && n.ends_with('H'))
    };
    if !(0..names.len()).any(upper_font) {
        return Vec::new();
    }
    let mut out: Vec<(usize, usize)> = fkp_runs(word, table, fib.chpx, 1)
        .into_iter()
        .filter(|r| r.b_offset > 0)
        .filter(|r| {
            let cb = usize::from(r.page.get(r.b_offset).copied().unwrap_or(0));
            r.page
                .get(r.b_offset + 1..(r.b_offset + 1 + cb).min(512))
                .and_then(|grpprl| sprm_u16(grpprl, 0x4A4F))
                .is_some_and(|f| upper_font(usize::from(f)))
        })
        .map(|r| (r.start, r.end))
        .collect();
    out.sort_unstable();
    out
}

/// The 2-byte operand of the first `sprm` in a grpprl.
fn sprm_u16(grpprl: &[u8], sprm: u16) -> Option<u16> {
    let mut i = 0;
    while let Some(op) = u16_at(grpprl, i) {
        i += 2;
        if op == sprm {
            return u16_at(grpprl, i);
        }
        i += match op >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => usize::from(grpprl.get(i).copied().unwrap_or(0)) + 1,
        };
    }
    None
}

fn run_at(runs: &[ParaRun], pos: usize) -> Option<&ParaRun> {
    let i = runs.partition_point(|r| r.start <= pos);
    runs.get(i.checked_sub(1)?).filter(|r| pos < r.end)
}

/// A paragraph of the main text and how it ended.
#[derive(Debug, Default)]
struct Para {
    text: String,
    /// Ended by a cell mark (`\x07`) rather than a paragraph mark.
    cell_end: bool,
    in_table: bool,
    row_end: bool,
}

/// Word stores symbol-font characters at U+F020..U+F0FF; TCVN3 and VNI text set in such fonts
/// becomes its byte again so the legacy detection can see it.
fn unsymbol(c: char) -> char {
    match u32::from(c) {
        cp @ 0xF020..=0xF0FF => char::from_u32(cp - 0xF000).unwrap_or(c),
        _ => c,
    }
}

/// Split the main text into paragraphs, dropping field instructions and object marks.
fn paragraphs(
    word: &[u8],
    pieces: &[Piece],
    ccp_text: usize,
    runs: &[ParaRun],
) -> Result<Vec<Para>, ExtractError> {
    paragraphs_in(word, pieces, 0..ccp_text, runs, &[])
}

/// Paragraphs of the CPs in `range` (the main text, or a later story such as the headers).
fn paragraphs_in(
    word: &[u8],
    pieces: &[Piece],
    range: std::ops::Range<usize>,
    runs: &[ParaRun],
    upper: &[(usize, usize)],
) -> Result<Vec<Para>, ExtractError> {
    let mut paras = Vec::new();
    let mut cur = Para::default();
    // Each open field: true while in its instructions (before the separator).
    let mut fields: Vec<bool> = Vec::new();
    let mut prev_cell_end = false;
    for piece in pieces {
        let end = piece.cp_end.min(range.end);
        for cp in piece.cp.max(range.start)..end {
            let k = cp - piece.cp;
            let (c, pos) = if piece.compressed {
                let pos = piece.pos + k;
                let b = *word
                    .get(pos)
                    .ok_or_else(|| malformed("text past end of stream"))?;
                (cp1252_char(b), pos)
            } else {
                let pos = piece.pos + 2 * k;
                let u = u16_at(word, pos).ok_or_else(|| malformed("text past end of stream"))?;
                // Surrogate halves are rare in Vietnamese text; drop them rather than pair.
                (
                    char::from_u32(u32::from(u)).map_or('\u{FFFD}', unsymbol),
                    pos,
                )
            };
            // Field instructions never span a paragraph: a mark ends any unclosed ones, so a
            // broken field cannot swallow the rest of the document.
            if matches!(c, '\r' | '\u{07}' | '\u{0C}') {
                fields.retain(|&instr| !instr);
            }
            match c {
                '\u{13}' => fields.push(true),
                '\u{14}' => {
                    if let Some(f) = fields.last_mut() {
                        *f = false;
                    }
                }
                '\u{15}' => {
                    fields.pop();
                }
                _ if fields.iter().any(|&instr| instr) => {}
                '\r' | '\u{07}' | '\u{0C}' => {
                    let run = run_at(runs, pos);
                    let cell_end = c == '\u{07}';
                    cur.cell_end = cell_end;
                    cur.in_table = run.map_or(cell_end, |r| r.in_table);
                    // Without paragraph properties a second cell mark in a row is the row end.
                    cur.row_end = run
                        .map_or(cell_end && prev_cell_end && cur.text.is_empty(), |r| {
                            r.row_end
                        });
                    prev_cell_end = cell_end;
                    paras.push(std::mem::take(&mut cur));
                }
                '\u{0B}' => cur.text.push('\n'),
                '\u{1E}' => cur.text.push('-'),
                '\t' => cur.text.push('\t'),
                c if c.is_control() => {}
                // Text in a TCVN3 upper-case font shows its ASCII letters as capitals.
                c if c.is_ascii_lowercase() && in_ranges(upper, pos) => {
                    cur.text.push(c.to_ascii_uppercase())
                }
                c => cur.text.push(c),
            }
        }
    }
    if !cur.text.is_empty() {
        paras.push(cur);
    }
    Ok(paras)
}

fn layout(paras: &[Para]) -> String {
    let mut b = BlockBuilder::default();
    let mut in_table = false;
    for p in paras {
        if p.in_table {
            if !in_table {
                b.start_table();
                in_table = true;
            }
            if p.row_end {
                b.end_row();
                continue;
            }
            b.text(&p.text);
            b.end_line();
            if p.cell_end {
                b.end_cell();
            }
            continue;
        }
        if in_table {
            b.end_table();
            in_table = false;
        }
        b.text(&p.text);
        b.end_line();
    }
    render(&b.finish())
}

pub(super) fn extract_doc(bytes: &[u8], limits: &Limits) -> Result<Extraction, ExtractError> {
    let cfb = Cfb::parse(bytes, limits.max_inflated_bytes)?;
    if cfb.root_stream("WordDocument").is_none() {
        return Err(ExtractError::Unsupported(
            "compound file without a word document (xls or ppt?)".into(),
        ));
    }
    let mut warnings = Vec::new();
    let mut furniture = Vec::new();
    let mut body = word_text(&cfb, 0, &mut warnings, &mut furniture)?;
    // Attachments (the Quy định of a Quyết định) are often embedded Word objects.
    for text in embedded_word_texts(&cfb, &mut warnings) {
        body.push('\n');
        body.push_str(&text);
    }
    Ok(finish_doc(body, warnings, furniture))
}

/// Text of the Word documents embedded as objects (`ObjectPool/_NNN/WordDocument`). An embedded
/// document that cannot be read is a warning, not a failure of the whole file.
fn embedded_word_texts(cfb: &Cfb, warnings: &mut Vec<String>) -> Vec<String> {
    let Some(pool) = cfb
        .children(0)
        .into_iter()
        .find(|e| e.kind == 1 && e.name == "ObjectPool")
        .and_then(|e| cfb.index_of(e))
    else {
        return Vec::new();
    };
    let mut objects: Vec<(&str, usize)> = cfb
        .children(pool)
        .into_iter()
        .filter(|e| e.kind == 1)
        .filter_map(|e| Some((e.name.as_str(), cfb.index_of(e)?)))
        .collect();
    objects.sort();
    let mut out = Vec::new();
    for (name, idx) in objects {
        let has_word = cfb
            .children(idx)
            .iter()
            .any(|e| e.kind == 2 && e.name == "WordDocument");
        if !has_word {
            continue;
        }
        match word_text(cfb, idx, warnings, &mut Vec::new()) {
            Ok(t) => out.push(t),
            Err(e) => warnings.push(format!("embedded document {name}: {e}")),
        }
    }
    out
}

/// Laid-out text of the Word document whose streams are in the storage at `storage`.
fn word_text(
    cfb: &Cfb,
    storage: usize,
    warnings: &mut Vec<String>,
    furniture: &mut Vec<String>,
) -> Result<String, ExtractError> {
    let word = cfb
        .stream_in(storage, "WordDocument")?
        .ok_or_else(|| malformed("no WordDocument stream"))?;
    let fib = Fib::parse(&word)?;
    if fib.encrypted {
        return Err(ExtractError::Unsupported(
            "password-protected word document".into(),
        ));
    }
    if fib.word6 {
        let pieces = word6_pieces(&word, &fib)?;
        return Ok(layout(&paragraphs(&word, &pieces, fib.ccp_text, &[])?));
    }
    let table = cfb
        .stream_in(storage, fib.table_stream)?
        .ok_or_else(|| malformed(format!("no {} stream", fib.table_stream)))?;
    let (fc, lcb) = fib.clx;
    let pieces = match table.get(fc..fc.saturating_add(lcb)).map(parse_clx) {
        Some(Ok(p)) => p,
        // Some writers leave a stale fcClx in the FIB; the piece table may still be there.
        _ => match scan_piece_table(&table, fib.ccp_text, word.len()) {
            Some(p) => {
                warnings.push("fib points past the piece table: found by scanning".into());
                p
            }
            None => {
                warnings.push(
                    "no piece table: text pages read in file order, order may be wrong".into(),
                );
                let (bytes, piece) = whole_range_text(&word, fib.fc_min, fib.fc_mac)?;
                return Ok(layout(&paragraphs(&bytes, &[piece], piece.cp_end, &[])?));
            }
        },
    };
    let runs = paragraph_runs(&word, &table, fib.papx);
    if runs.is_empty() {
        warnings.push("no paragraph properties: table cells guessed from cell marks".to_string());
    }
    // Running heads and feet: the header story, kept out of the body as page furniture.
    let hdd_start = fib.ccp_text.saturating_add(fib.ccp_ftn);
    let hdd = hdd_start..hdd_start.saturating_add(fib.ccp_hdd);
    if let Ok(paras) = paragraphs_in(&word, &pieces, hdd, &[], &[]) {
        for p in paras {
            let line = p.text.trim();
            if !line.is_empty() && !furniture.iter().any(|f| f == line) {
                furniture.push(line.to_string());
            }
        }
    }
    let upper = upper_font_ranges(&word, &table, &fib);
    Ok(layout(&paragraphs_in(
        &word,
        &pieces,
        0..fib.ccp_text,
        &runs,
        &upper,
    )?))
}

fn finish_doc(body: String, mut warnings: Vec<String>, furniture: Vec<String>) -> Extraction {
    let decoded = repair(body, Some(Encoding::Unicode));
    warnings.extend(decoded.warnings);
    // Heads share the body's encoding; alone they are too short to detect it.
    let furniture = furniture
        .iter()
        .map(|f| match decoded.encoding {
            Encoding::Unicode | Encoding::Utf16 => clean_text(f),
            enc => clean_text(&legacy_to_unicode(f, enc)),
        })
        .filter(|f| !f.is_empty())
        .collect();
    finish(
        SourceFormat::Doc,
        &decoded.text,
        decoded.encoding,
        warnings,
        furniture,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sprm_table_flags() {
        // sprmPFInTable=1, sprmPFTtp=1, then an unrelated 2-byte sprm.
        let grpprl = [0x16, 0x24, 1, 0x17, 0x24, 1, 0x00, 0x46, 0, 0];
        assert_eq!(papx_table_flags(&grpprl), (true, true));
        assert_eq!(papx_table_flags(&[0x16, 0x24, 1]), (true, false));
        assert_eq!(papx_table_flags(&[0x16, 0x24]), (false, false));
        assert_eq!(papx_table_flags(&[]), (false, false));
    }

    #[test]
    fn font_sprm_and_ranges() {
        // sprmCFBold (1-byte operand), then sprmCRgFtc0 = font 7.
        assert_eq!(
            sprm_u16(&[0x35, 0x08, 1, 0x4F, 0x4A, 7, 0], 0x4A4F),
            Some(7)
        );
        assert_eq!(sprm_u16(&[0x35, 0x08], 0x4A4F), None);
        let ranges = [(10, 20), (30, 40)];
        assert!(in_ranges(&ranges, 10) && in_ranges(&ranges, 39));
        assert!(!in_ranges(&ranges, 20) && !in_ranges(&ranges, 5) && !in_ranges(&ranges, 40));
    }

    #[test]
    fn clx_with_one_compressed_and_one_unicode_piece() {
        let mut plc = Vec::new();
        for cp in [0u32, 3, 5] {
            plc.extend(cp.to_le_bytes());
        }
        for fc in [0x4000_0000u32 | 200, 1000] {
            plc.extend(0u16.to_le_bytes());
            plc.extend(fc.to_le_bytes());
            plc.extend(0u16.to_le_bytes());
        }
        let mut clx = vec![0x01, 2, 0, 9, 9, 0x02];
        clx.extend(u32::try_from(plc.len()).expect("small").to_le_bytes());
        clx.extend(&plc);
        let pieces = parse_clx(&clx).expect("clx");
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].compressed && pieces[0].pos == 100 && pieces[0].cp_end == 3);
        assert!(!pieces[1].compressed && pieces[1].pos == 1000);

        let mut word = vec![0u8; 1100];
        word[100..103].copy_from_slice(b"A\x07\x07");
        for (i, u) in "Đ\r".encode_utf16().enumerate() {
            word[1000 + 2 * i..1002 + 2 * i].copy_from_slice(&u.to_le_bytes());
        }
        let paras = paragraphs(&word, &pieces, 5, &[]).expect("paras");
        assert_eq!(paras.len(), 3);
        assert!(paras[0].in_table && paras[0].cell_end && !paras[0].row_end);
        assert!(paras[1].row_end);
        assert_eq!(paras[2].text, "Đ");
        assert_eq!(layout(&paras), "A\nĐ\n");
    }

    #[test]
    fn fields_keep_result_drop_instructions() {
        let pieces = [Piece {
            cp: 0,
            cp_end: 20,
            pos: 0,
            compressed: true,
        }];
        let word = b"x\x13PAGE \x141\x15y\x13 TOC \x15z\r".to_vec();
        let pieces = [Piece {
            cp_end: word.len(),
            ..pieces[0]
        }];
        let paras = paragraphs(&word, &pieces, word.len(), &[]).expect("paras");
        assert_eq!(paras[0].text, "x1yz");
    }

    #[test]
    fn garbage_and_truncated_give_errors() {
        let limits = Limits::default();
        let mut head = CFB_SIGNATURE.to_vec();
        head.resize(600, 0xFF);
        assert!(extract_doc(&head, &limits).is_err());
        assert!(extract_doc(&CFB_SIGNATURE, &limits).is_err());
        let mut weird = CFB_SIGNATURE.to_vec();
        weird.resize(4096, 0);
        weird[0x1E] = 9;
        assert!(extract_doc(&weird, &limits).is_err());
    }
}
