//! A content-stream tokenizer that borrows from the decoded stream: numbers are parsed straight
//! to `f32`, strings and names are decoded into one buffer reused for every operator, and
//! nothing is allocated per operator once the buffers have grown. lopdf's `Content` parser
//! built an `Object` tree per operator, which was most of the time spent reading a page.
//!
//! It never fails: damage (an unterminated string, array or dictionary, an inline image
//! without its `EI`) ends or skips what it can and sets [`Lexer::damaged`]. Work is linear in
//! the stream's length and memory is bounded by it; nesting is counted, never recursed into.

/// Operands kept per operator; more are lexed and dropped (no operator we run needs more).
const MAX_OPERANDS: usize = 64;
/// Bytes after an inline image's `EI` that must look like content (ASCII) for it to count.
const EI_LOOKAHEAD: usize = 16;

/// One operand of an operator. Ranges index the operator's buffers (see [`Op`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Operand {
    Number(f32),
    /// Decoded bytes of a literal or hex string.
    Str(usize, usize),
    /// A name without its slash, `#xx` escapes decoded.
    Name(usize, usize),
    /// An array: its top-level items (nested arrays and dictionaries are `Other`).
    Array(usize, usize),
    /// An inline dictionary: its raw bytes in the stream, `<<` to `>>`.
    Dict(usize, usize),
    /// `true`, `false`, `null`, or something we do not read.
    Other,
}

/// One operator with its operands, borrowed from the lexer until the next call.
#[derive(Debug)]
pub(super) struct Op<'l> {
    pub operator: &'l [u8],
    pub operands: &'l [Operand],
    items: &'l [Operand],
    bytes: &'l [u8],
    data: &'l [u8],
}

impl<'l> Op<'l> {
    pub(super) fn number(&self, i: usize) -> Option<f32> {
        match self.operands.get(i)? {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The first `N` numeric operands, when there are that many and all are finite.
    pub(super) fn numbers<const N: usize>(&self) -> Option<[f32; N]> {
        let mut out = [0.0; N];
        let mut k = 0;
        for o in self.operands {
            if let Operand::Number(n) = o {
                if k == N {
                    break;
                }
                if !n.is_finite() {
                    return None;
                }
                out[k] = *n;
                k += 1;
            }
        }
        (k == N).then_some(out)
    }

    pub(super) fn string(&self, i: usize) -> Option<&'l [u8]> {
        self.str_of(self.operands.get(i)?)
    }

    /// The bytes of a string operand or array item.
    pub(super) fn str_of(&self, o: &Operand) -> Option<&'l [u8]> {
        match *o {
            Operand::Str(s, e) => self.bytes.get(s..e),
            _ => None,
        }
    }

    pub(super) fn name(&self, i: usize) -> Option<&'l [u8]> {
        match *self.operands.get(i)? {
            Operand::Name(s, e) => self.bytes.get(s..e),
            _ => None,
        }
    }

    pub(super) fn array(&self, i: usize) -> Option<&'l [Operand]> {
        match *self.operands.get(i)? {
            Operand::Array(s, e) => self.items.get(s..e),
            _ => None,
        }
    }

    /// Raw bytes of an inline dictionary operand, `<<` to `>>`.
    pub(super) fn dict(&self, i: usize) -> Option<&'l [u8]> {
        match *self.operands.get(i)? {
            Operand::Dict(s, e) => self.data.get(s..e),
            _ => None,
        }
    }
}

/// Byte classes of PDF syntax (ISO 32000-1, 7.2.2).
const WHITE: u8 = 1;
const DELIM: u8 = 2;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[0] = WHITE;
    t[9] = WHITE;
    t[10] = WHITE;
    t[12] = WHITE;
    t[13] = WHITE;
    t[32] = WHITE;
    let d = b"()<>[]{}/%";
    let mut i = 0;
    while i < d.len() {
        t[d[i] as usize] = DELIM;
        i += 1;
    }
    t
};

fn is_white(b: u8) -> bool {
    CLASS[b as usize] == WHITE
}

fn is_regular(b: u8) -> bool {
    CLASS[b as usize] == 0
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// A PDF number (`12`, `-3.5`, `.25`, `4.`); a sign doubled by a sloppy producer counts once.
/// Digits past what an `f64` holds are scaled, not kept.
fn parse_number(tok: &[u8]) -> Option<f32> {
    let mut i = 0;
    let mut negative = false;
    while let Some(&c @ (b'+' | b'-')) = tok.get(i) {
        negative |= c == b'-';
        i += 1;
    }
    let mut mantissa: u64 = 0;
    let mut exponent: i32 = 0;
    let mut digits = false;
    while let Some(&c @ b'0'..=b'9') = tok.get(i) {
        digits = true;
        if mantissa < 100_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(c - b'0');
        } else {
            exponent = exponent.saturating_add(1);
        }
        i += 1;
    }
    if tok.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c @ b'0'..=b'9') = tok.get(i) {
            digits = true;
            if mantissa < 100_000_000_000_000_000 {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                exponent -= 1;
            }
            i += 1;
        }
    }
    if !digits {
        return None;
    }
    let v = mantissa as f64 * 10f64.powi(exponent);
    Some(if negative { -v } else { v } as f32)
}

enum Tok<'a> {
    Value(Operand),
    ArrayOpen,
    ArrayClose,
    DictOpen(usize),
    DictClose,
    Keyword(&'a [u8]),
}

/// The tokenizer of one content stream.
pub(super) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    bytes: Vec<u8>,
    operands: Vec<Operand>,
    items: Vec<Operand>,
    /// The stream ended inside a string, array, dictionary or inline image.
    pub damaged: bool,
}

impl<'a> Lexer<'a> {
    pub(super) fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            bytes: Vec::new(),
            operands: Vec::new(),
            items: Vec::new(),
            damaged: false,
        }
    }

    /// The next operator, `None` at the end of the stream. Operands left without an operator
    /// at the end are dropped. An inline image comes back as a `BI` without operands.
    pub(super) fn next_op(&mut self) -> Option<Op<'_>> {
        self.operands.clear();
        self.items.clear();
        self.bytes.clear();
        let operator: &'a [u8] = loop {
            let value = match self.token()? {
                Tok::Value(v) => v,
                Tok::ArrayOpen => self.array(),
                Tok::DictOpen(start) => self.dict(start),
                // Stray closers are noise.
                Tok::ArrayClose | Tok::DictClose => continue,
                Tok::Keyword(b"true" | b"false" | b"null") => Operand::Other,
                Tok::Keyword(b"BI") => {
                    self.operands.clear();
                    self.inline_image();
                    break b"BI".as_slice();
                }
                Tok::Keyword(k) => break k,
            };
            if self.operands.len() < MAX_OPERANDS {
                self.operands.push(value);
            }
        };
        Some(Op {
            operator,
            operands: &self.operands,
            items: &self.items,
            bytes: &self.bytes,
            data: self.data,
        })
    }

    fn token(&mut self) -> Option<Tok<'a>> {
        let data = self.data;
        loop {
            let c = *data.get(self.pos)?;
            // Unbalanced `)` or `>` and PostScript braces are noise between tokens.
            let stray = matches!(c, b')' | b'{' | b'}')
                || (c == b'>' && data.get(self.pos + 1) != Some(&b'>'));
            if is_white(c) || stray {
                self.pos += 1;
            } else if c == b'%' {
                while self.pos < data.len() && !matches!(data[self.pos], b'\r' | b'\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
        let start = self.pos;
        let c = data[start];
        self.pos += 1;
        Some(match c {
            b'(' => Tok::Value(self.literal()),
            b'<' if data.get(self.pos) == Some(&b'<') => {
                self.pos += 1;
                Tok::DictOpen(start)
            }
            b'<' => Tok::Value(self.hex()),
            b'>' => {
                self.pos += 1;
                Tok::DictClose
            }
            b'[' => Tok::ArrayOpen,
            b']' => Tok::ArrayClose,
            b'/' => Tok::Value(self.name()),
            _ => {
                while self.pos < data.len() && is_regular(data[self.pos]) {
                    self.pos += 1;
                }
                let tok = &data[start..self.pos];
                if matches!(c, b'0'..=b'9' | b'+' | b'-' | b'.') {
                    Tok::Value(parse_number(tok).map_or(Operand::Other, Operand::Number))
                } else {
                    Tok::Keyword(tok)
                }
            }
        })
    }

    /// A literal string; `pos` is past its `(`.
    fn literal(&mut self) -> Operand {
        let data = self.data;
        let start = self.bytes.len();
        let mut depth = 1usize;
        while let Some(&c) = data.get(self.pos) {
            self.pos += 1;
            match c {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Operand::Str(start, self.bytes.len());
                    }
                }
                b'\\' => {
                    let Some(&e) = data.get(self.pos) else { break };
                    self.pos += 1;
                    let out = match e {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'b' => 8,
                        b'f' => 12,
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match data.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            (v & 0xFF) as u8
                        }
                        // A backslash before an end of line continues the string.
                        b'\r' => {
                            if data.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                            continue;
                        }
                        b'\n' => continue,
                        other => other,
                    };
                    self.bytes.push(out);
                    continue;
                }
                // Any end of line in a string reads as a line feed.
                b'\r' => {
                    if data.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.bytes.push(b'\n');
                    continue;
                }
                _ => {}
            }
            self.bytes.push(c);
        }
        self.damaged = true;
        Operand::Str(start, self.bytes.len())
    }

    /// A hex string; `pos` is past its `<`. Non-hex bytes are skipped, an odd digit padded.
    fn hex(&mut self) -> Operand {
        let data = self.data;
        let start = self.bytes.len();
        let mut high: Option<u8> = None;
        let mut closed = false;
        while let Some(&c) = data.get(self.pos) {
            self.pos += 1;
            if c == b'>' {
                closed = true;
                break;
            }
            if let Some(v) = hex_value(c) {
                match high.take() {
                    Some(h) => self.bytes.push(h << 4 | v),
                    None => high = Some(v),
                }
            }
        }
        if let Some(h) = high {
            self.bytes.push(h << 4);
        }
        self.damaged |= !closed;
        Operand::Str(start, self.bytes.len())
    }

    /// A name; `pos` is past its `/`.
    fn name(&mut self) -> Operand {
        let data = self.data;
        let start = self.bytes.len();
        while let Some(&c) = data.get(self.pos) {
            if !is_regular(c) {
                break;
            }
            self.pos += 1;
            if c == b'#' {
                let hi = data.get(self.pos).copied().and_then(hex_value);
                let lo = data.get(self.pos + 1).copied().and_then(hex_value);
                if let (Some(h), Some(l)) = (hi, lo) {
                    self.bytes.push(h << 4 | l);
                    self.pos += 2;
                    continue;
                }
            }
            self.bytes.push(c);
        }
        Operand::Name(start, self.bytes.len())
    }

    /// An array; `pos` is past its `[`. Nested arrays are followed by counting, not recursion.
    fn array(&mut self) -> Operand {
        let start = self.items.len();
        let mut depth = 1usize;
        loop {
            let item = match self.token() {
                None => {
                    self.damaged = true;
                    break;
                }
                Some(Tok::Value(v)) => v,
                Some(Tok::ArrayOpen) => {
                    depth += 1;
                    if depth == 2 {
                        self.items.push(Operand::Other);
                    }
                    continue;
                }
                Some(Tok::ArrayClose) => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    continue;
                }
                Some(Tok::DictOpen(s)) => {
                    let _ = self.dict(s);
                    Operand::Other
                }
                Some(Tok::DictClose) => continue,
                Some(Tok::Keyword(b"true" | b"false" | b"null")) => Operand::Other,
                Some(Tok::Keyword(k)) => {
                    // An operator inside an array: the array was never closed. End it here and
                    // let the operator run.
                    self.pos -= k.len();
                    self.damaged = true;
                    break;
                }
            };
            if depth == 1 {
                self.items.push(item);
            }
        }
        Operand::Array(start, self.items.len())
    }

    /// An inline dictionary, skipped; `start` is its `<<`, `pos` past it.
    fn dict(&mut self, start: usize) -> Operand {
        let mut depth = 1usize;
        let items = self.items.len();
        loop {
            match self.token() {
                None => {
                    self.damaged = true;
                    break;
                }
                Some(Tok::DictOpen(_)) => depth += 1,
                Some(Tok::DictClose) => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Some(Tok::Keyword(b"true" | b"false" | b"null")) => {}
                Some(Tok::Keyword(k)) => {
                    self.pos -= k.len();
                    self.damaged = true;
                    break;
                }
                Some(_) => {}
            }
        }
        // Arrays inside are not items of any array operand.
        self.items.truncate(items);
        Operand::Dict(start, self.pos)
    }

    /// Skip an inline image, `BI <dict> ID <data> EI`; `pos` is past the `BI`.
    fn inline_image(&mut self) {
        let mut image = InlineImage::default();
        let mut key: Option<(usize, usize)> = None;
        loop {
            let value = match self.token() {
                None => {
                    self.damaged = true;
                    return;
                }
                Some(Tok::Keyword(b"ID")) => break,
                Some(Tok::Keyword(b"EI")) => return,
                Some(Tok::Value(Operand::Name(s, e))) if key.is_none() => {
                    key = Some((s, e));
                    continue;
                }
                Some(Tok::Value(v)) => v,
                Some(Tok::ArrayOpen) => self.array(),
                Some(Tok::DictOpen(s)) => self.dict(s),
                Some(Tok::Keyword(b"true")) => Operand::Number(1.0),
                Some(_) => Operand::Other,
            };
            if let Some((s, e)) = key.take() {
                let k = self.bytes.get(s..e).unwrap_or_default();
                image.set(k, value, &self.bytes, &self.items);
            }
        }
        // One white-space byte separates `ID` from the data.
        let data_start = (self.pos + 1).min(self.data.len());
        if let Some(len) = image.data_len() {
            if let Some(end) = data_start.checked_add(len) {
                if let Some(after) = self.ei_at(end) {
                    self.pos = after;
                    return;
                }
            }
        }
        self.pos = self.find_ei(data_start);
    }

    /// Where an `EI` that starts after white space from `at` ends, when it does.
    fn ei_at(&self, at: usize) -> Option<usize> {
        let data = self.data;
        let mut i = at;
        while i < data.len() && is_white(data[i]) {
            i += 1;
        }
        (data.get(i..i + 2) == Some(b"EI") && data.get(i + 2).is_none_or(|&c| !is_regular(c)))
            .then_some(i + 2)
    }

    /// Find the `EI` that ends inline image data starting at `from`: white space before it,
    /// a delimiter after it, and content-like bytes after that (image data can hold `EI`).
    /// The white space before is required by the standard and left out by some writers: a
    /// second scan goes without it rather than lose the rest of the page.
    fn find_ei(&mut self, from: usize) -> usize {
        for strict in [true, false] {
            if let Some(end) = self.scan_ei(from, strict) {
                return end;
            }
        }
        self.damaged = true;
        self.data.len()
    }

    fn scan_ei(&self, from: usize, strict: bool) -> Option<usize> {
        let data = self.data;
        let mut i = from;
        while let Some(off) = data
            .get(i..)
            .and_then(|rest| rest.windows(2).position(|w| w == b"EI"))
        {
            let at = i + off;
            let before_ok =
                !strict || at == from || data.get(at.wrapping_sub(1)).is_some_and(|&c| is_white(c));
            let after_ok = data.get(at + 2).is_none_or(|&c| !is_regular(c));
            let tail = &data[(at + 2).min(data.len())..(at + 2 + EI_LOOKAHEAD).min(data.len())];
            let looks_like_content = tail
                .iter()
                .all(|&c| is_white(c) || (0x20..0x7F).contains(&c));
            if before_ok && after_ok && looks_like_content {
                return Some(at + 2);
            }
            i = at + 1;
        }
        None
    }
}

/// What an inline image's dictionary says about the length of its data.
#[derive(Default)]
struct InlineImage {
    width: Option<f32>,
    height: Option<f32>,
    bpc: Option<f32>,
    components: Option<usize>,
    mask: bool,
    filtered: bool,
    length: Option<f32>,
}

impl InlineImage {
    fn set(&mut self, key: &[u8], value: Operand, bytes: &[u8], items: &[Operand]) {
        let number = match value {
            Operand::Number(n) => Some(n),
            _ => None,
        };
        let name = |o: Operand| match o {
            Operand::Name(s, e) => bytes.get(s..e),
            _ => None,
        };
        match key {
            b"W" | b"Width" => self.width = number,
            b"H" | b"Height" => self.height = number,
            b"BPC" | b"BitsPerComponent" => self.bpc = number,
            b"IM" | b"ImageMask" => self.mask = number == Some(1.0),
            b"F" | b"Filter" => {
                self.filtered = match value {
                    Operand::Array(s, e) => e > s,
                    _ => true,
                }
            }
            b"L" | b"Length" => self.length = number,
            b"CS" | b"ColorSpace" => {
                let family = match value {
                    Operand::Array(s, e) if e > s => items.get(s).copied().and_then(name),
                    other => name(other),
                };
                self.components = match family {
                    Some(b"G" | b"DeviceGray" | b"CalGray" | b"I" | b"Indexed") => Some(1),
                    Some(b"RGB" | b"DeviceRGB" | b"CalRGB") => Some(3),
                    Some(b"CMYK" | b"DeviceCMYK") => Some(4),
                    _ => None,
                };
            }
            _ => {}
        }
    }

    /// Length of the data in bytes, when the dictionary fixes it.
    fn data_len(&self) -> Option<usize> {
        let whole = |v: f32| (0.0..1e9).contains(&v).then_some(v as usize);
        if let Some(l) = self.length.and_then(whole) {
            return Some(l);
        }
        if self.filtered {
            return None;
        }
        let (w, h) = (whole(self.width?)?, whole(self.height?)?);
        let (bpc, comps) = if self.mask {
            (1, 1)
        } else {
            (whole(self.bpc?)?, self.components?)
        };
        let row_bits = w.checked_mul(comps)?.checked_mul(bpc)?;
        row_bits.div_ceil(8).checked_mul(h)
    }
}

/// The string value of `key` at the top level of an inline dictionary's raw bytes.
pub(super) fn dict_string(raw: &[u8], key: &[u8]) -> Option<Vec<u8>> {
    let mut lexer = Lexer::new(raw);
    if !matches!(lexer.token(), Some(Tok::DictOpen(_))) {
        return None;
    }
    let mut depth = 1usize;
    let mut after_key = false;
    let mut even = true;
    loop {
        let tok = lexer.token()?;
        let at_top = depth == 1;
        match tok {
            Tok::DictOpen(_) | Tok::ArrayOpen => depth += 1,
            Tok::DictClose | Tok::ArrayClose => {
                depth -= 1;
                if depth == 0 {
                    return None;
                }
            }
            Tok::Value(v) if at_top => {
                if after_key {
                    if let Operand::Str(s, e) = v {
                        return lexer.bytes.get(s..e).map(<[u8]>::to_vec);
                    }
                    after_key = false;
                } else if even {
                    after_key =
                        matches!(v, Operand::Name(s, e) if lexer.bytes.get(s..e) == Some(key));
                }
            }
            _ => {}
        }
        if at_top && !matches!(tok, Tok::DictClose | Tok::ArrayClose) {
            even = !even;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every operator with its operands rendered for comparison.
    fn ops(data: &[u8]) -> (Vec<String>, bool) {
        let mut lexer = Lexer::new(data);
        let mut out = Vec::new();
        let mut guard = 0;
        while let Some(op) = lexer.next_op() {
            guard += 1;
            assert!(guard <= data.len() + 1, "no progress");
            let mut s = String::from_utf8_lossy(op.operator).into_owned();
            for (i, o) in op.operands.iter().enumerate() {
                s.push(' ');
                match o {
                    Operand::Number(n) => s.push_str(&n.to_string()),
                    Operand::Str(..) => {
                        s.push_str(&format!("{:?}", op.string(i).unwrap_or_default()))
                    }
                    Operand::Name(..) => {
                        s.push('/');
                        s.push_str(&String::from_utf8_lossy(op.name(i).unwrap_or_default()));
                    }
                    Operand::Array(..) => {
                        let items: Vec<String> = op
                            .array(i)
                            .unwrap_or_default()
                            .iter()
                            .map(|it| match it {
                                Operand::Number(n) => n.to_string(),
                                Operand::Str(..) => {
                                    format!("{:?}", op.str_of(it).unwrap_or_default())
                                }
                                _ => "?".into(),
                            })
                            .collect();
                        s.push_str(&format!("[{}]", items.join(",")));
                    }
                    Operand::Dict(..) => s.push_str("<<>>"),
                    Operand::Other => s.push('?'),
                }
            }
            out.push(s);
        }
        (out, lexer.damaged)
    }

    #[test]
    fn numbers() {
        for (t, v) in [
            (&b"12"[..], 12.0),
            (b"-3.5", -3.5),
            (b".25", 0.25),
            (b"4.", 4.0),
            (b"+7", 7.0),
            (b"--2", -2.0),
            (b"0.000123", 0.000123),
            (b"123456789012345678901234", 1.2345679e23),
        ] {
            assert_eq!(parse_number(t), Some(v), "{t:?}");
        }
        assert_eq!(parse_number(b"-"), None);
        assert_eq!(parse_number(b"."), None);
    }

    #[test]
    fn text_operators() {
        let (o, damaged) =
            ops(b"BT /F1 12 Tf 1 0 0 1 72.5 700 Tm [(Vi) -250 <0041 42>] TJ (a\\)b) Tj ET");
        assert_eq!(
            o,
            [
                "BT",
                "Tf /F1 12",
                "Tm 1 0 0 1 72.5 700",
                "TJ [[86, 105],-250,[0, 65, 66]]",
                "Tj [97, 41, 98]",
                "ET"
            ]
        );
        assert!(!damaged);
    }

    #[test]
    fn string_escapes_and_nesting() {
        let (o, _) = ops(b"(a(b\\(c)d\\) \\101\\7\\0123\\\nx\r\ny) Tj");
        assert_eq!(o, [format!("Tj {:?}", b"a(b(c)d) A\x07\x0a3x\ny".to_vec())]);
        let (o, _) = ops(b"<4 1g4> Tj <> Tj");
        assert_eq!(o, ["Tj [65, 64]", "Tj []"]);
    }

    #[test]
    fn names_decode_hex_escapes() {
        let (o, _) = ops(b"/A#20B /C#2 Do");
        assert_eq!(o, ["Do /A B /C#2"]);
    }

    #[test]
    fn comments_and_booleans() {
        let (o, _) = ops(b"% a comment (not a string\n1 true null d0 %end");
        assert_eq!(o, ["d0 1 ? ?"]);
    }

    #[test]
    fn inline_dict_and_actual_text() {
        let data = b"/Span <</Lang (vi) /ActualText (Hello) /N <</ActualText (no)>>>> BDC";
        let mut lexer = Lexer::new(data);
        let op = lexer.next_op().expect("op");
        assert_eq!(op.operator, b"BDC");
        let raw = op.dict(1).expect("dict");
        assert_eq!(
            dict_string(raw, b"ActualText").as_deref(),
            Some(&b"Hello"[..])
        );
        assert_eq!(dict_string(raw, b"Lang").as_deref(), Some(&b"vi"[..]));
        assert_eq!(dict_string(b"<</ActualText 3>>", b"ActualText"), None);
        // A key that is a value of another key is not a key.
        assert_eq!(
            dict_string(b"<</S /ActualText /X (x)>>", b"ActualText"),
            None
        );
    }

    #[test]
    fn unterminated_string_keeps_what_was_read() {
        let (o, damaged) = ops(b"(ab) Tj (cd((e\\) Tj");
        assert_eq!(o, ["Tj [97, 98]"]);
        assert!(damaged);
        let (o, damaged) = ops(b"<41 Tj");
        assert!(o.is_empty());
        assert!(damaged);
    }

    #[test]
    fn deep_and_unclosed_arrays() {
        let mut data = vec![b'['; 200_000];
        data.extend_from_slice(b"(x)");
        data.extend(vec![b']'; 200_000]);
        data.extend_from_slice(b" TJ");
        let (o, damaged) = ops(&data);
        assert_eq!(o, ["TJ [?]"]);
        assert!(!damaged);
        // An operator inside an unclosed array ends it.
        let (o, damaged) = ops(b"[(a) 5 Tj (b) Tj");
        assert_eq!(o, ["Tj [[97],5]", "Tj [98]"]);
        assert!(damaged);
        let (o, damaged) = ops(b"q [ <<");
        assert_eq!(o, ["q"]);
        assert!(damaged);
    }

    #[test]
    fn inline_image_with_ei_inside_data() {
        // 4x1 gray, 8 bits: 4 bytes of data that hold " EI ".
        let (o, damaged) = ops(b"q BI /W 4 /H 1 /BPC 8 /CS /G ID  EI \nEI Q (t) Tj");
        assert_eq!(o, ["q", "BI", "Q", "Tj [116]"]);
        assert!(!damaged);
        // Filtered data: the length is unknown, binary after a false `EI` rejects it.
        let (o, damaged) = ops(b"BI /F /AHx /W 2 /H 2 ID \x00 EI \x01\x02\xff\x00 EI (t) Tj");
        assert_eq!(o, ["BI", "Tj [116]"]);
        assert!(!damaged);
        // Image mask, length from W and H.
        let (o, _) = ops(b"BI /IM true /W 9 /H 2 ID \x00EI\x00EI Q");
        assert_eq!(o, ["BI", "Q"]);
        // No white space before `EI`: found by the second, lenient scan.
        let (o, damaged) = ops(b"BI /F /DCT ID \x01\x02\xffEI Q (t) Tj");
        assert_eq!(o, ["BI", "Q", "Tj [116]"]);
        assert!(!damaged);
        // Never ended.
        let (o, damaged) = ops(b"BI /W 1 ID \x00\x01 garbage");
        assert_eq!(o, ["BI"]);
        assert!(damaged);
    }

    #[test]
    fn binary_garbage_terminates() {
        let mut seed: u32 = 12345;
        for round in 0..200 {
            let len = 1 + (round * 37) % 3000;
            let data: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    // Bias towards syntax bytes so that strings, arrays and images start.
                    let pick = b"()<>[]/\\% BIDEI0123.-Tj\n";
                    if seed >> 30 == 0 {
                        pick[(seed >> 8) as usize % pick.len()]
                    } else {
                        (seed >> 16) as u8
                    }
                })
                .collect();
            let _ = ops(&data);
        }
    }

    #[test]
    fn operand_count_is_bounded() {
        let mut data = b"1 ".repeat(10_000);
        data.extend_from_slice(b"re");
        let mut lexer = Lexer::new(&data);
        let op = lexer.next_op().expect("op");
        assert_eq!(op.operator, b"re");
        assert_eq!(op.operands.len(), MAX_OPERANDS);
    }

    #[test]
    fn numbers_helper_needs_enough_finite_numbers() {
        let mut lexer = Lexer::new(b"1 2 3 4 5 6 cm /X 2 Td");
        let op = lexer.next_op().expect("cm");
        assert_eq!(op.numbers::<6>(), Some([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]));
        assert_eq!(op.numbers::<7>(), None);
        let op = lexer.next_op().expect("Td");
        assert_eq!(op.numbers::<2>(), None);
        assert_eq!(op.numbers::<1>(), Some([2.0]));
    }
}
