//! The structure tree: Phần, Chương, Mục, Tiểu mục, Điều, Khoản, Điểm, from line-preserving
//! text. Units inside quoted amending text (`… như sau: “Điều 5. …”`) are flagged `quoted` and
//! hang under the unit that quotes them, so they never enter the main numbering sequence.

use once_cell::sync::Lazy;
use regex::Regex;

use super::model::*;
use super::text::{label_ordinal, lines};

static PHAN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Phần|PHẦN)[ \t]+(?P<n>(?:thứ|THỨ)[ \t]+\p{L}+|[IVXLC]+|\d{1,3})\b[ \t]*[.:\-–]?[ \t]*(?P<title>.*)$")
        .expect("valid regex")
});
static CHUONG: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:Chương|CHƯƠNG)[ \t]+(?P<n>[IVXLC]+|\d{1,3})\b[ \t]*[.:\-–]?[ \t]*(?P<title>.*)$",
    )
    .expect("valid regex")
});
static MUC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Mục|MỤC)[ \t]+(?P<n>\d{1,3}|[IVXLC]+)\b[ \t]*[.:\-–]?[ \t]*(?P<title>.*)$")
        .expect("valid regex")
});
static TIEU_MUC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:Tiểu mục|TIỂU MỤC)[ \t]+(?P<n>\d{1,3}|[IVXLC]+)\b[ \t]*[.:\-–]?[ \t]*(?P<title>.*)$",
    )
    .expect("valid regex")
});
static DIEU: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Điều|ĐIỀU)[ \t]+(?P<n>\d{1,3}[a-zđ]?)[ \t]*(?:[.:][ \t]*(?P<title>.*)|$)")
        .expect("valid regex")
});
static KHOAN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?P<n>\d{1,3})\.[ \t]+(?P<title>\S.*)$").expect("valid regex"));
static DIEM: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?P<n>[a-zđ])\)[ \t]*(?P<title>\S.*)$").expect("valid regex"));

/// Maximum nesting (Phần > Chương > Mục > Tiểu mục > Điều > Khoản > Điểm) plus quoted levels.
const MAX_DEPTH: usize = 16;

/// Parse the units of `text[start..end]`. Spans are absolute.
pub fn parse_structure(text: &str, start: usize, end: usize) -> Vec<Unit> {
    let Some(region) = text.get(start..end) else {
        return Vec::new();
    };
    let ls = lines(region);
    let mut main = Builder::default();
    let mut quoted: Option<Builder> = None;
    let mut k = 0;
    while k < ls.len() {
        let line = ls[k];
        let (t, tstart) = line.trimmed();
        let abs_start = start + tstart;
        let line_end = start + line.end();
        // Quote state: a line opening with a quote that is not closed on it starts quoted text;
        // quoted text ends at a line that ends with a closing quote.
        let opens = t.starts_with('“') || t.starts_with('"');
        if quoted.is_none() && opens && unbalanced_quotes(t) {
            quoted = Some(Builder::default());
        }
        let body = t.trim_start_matches(['“', '"']);
        let body_start = abs_start + (t.len() - body.len());
        let in_quote = quoted.is_some() || opens;
        if let Some(mut unit) = heading(body, body_start, line_end) {
            unit.quoted = in_quote;
            // Title on the next line for Phần/Chương/Mục headings without one.
            if unit.title.is_empty() && unit.kind < UnitKind::Dieu {
                if let Some(next) = ls.get(k + 1) {
                    let (nt, nstart) = next.trimmed();
                    if !nt.is_empty() && heading(nt, 0, 0).is_none() && is_caps(nt) {
                        unit.title = nt.to_string();
                        unit.heading_span =
                            Span::new(unit.heading_span.start, start + nstart + nt.len());
                        unit.span = unit.heading_span;
                        k += 1;
                    }
                }
            }
            match quoted.as_mut() {
                Some(q) => q.push(unit),
                None if in_quote => {
                    // A one-line quoted unit (`“Điều 5. …”`).
                    let mut b = Builder::default();
                    b.push(unit);
                    main.attach_quoted(b.finish());
                }
                None => main.push(unit),
            }
        } else {
            let target = quoted.as_mut().unwrap_or(&mut main);
            target.extend_to(line_end);
        }
        if quoted.is_some() && closes_quote(t) {
            if let Some(q) = quoted.take() {
                main.extend_to(line_end);
                main.attach_quoted(q.finish());
            }
        }
        k += 1;
    }
    if let Some(q) = quoted.take() {
        main.attach_quoted(q.finish());
    }
    main.finish()
}

/// The line opens a quotation it does not close.
fn unbalanced_quotes(t: &str) -> bool {
    let open = t.matches('“').count();
    let close = t.matches('”').count();
    open > close || (open == 0 && t.matches('"').count() % 2 == 1)
}

fn closes_quote(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ';', ',', ' ', '/']);
    t.ends_with('”') || (t.ends_with('"') && t.len() > 1)
}

fn is_caps(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic());
    let mut n = 0;
    for c in letters {
        if c.is_lowercase() {
            return false;
        }
        n += 1;
    }
    n > 0
}

/// The unit whose heading is line `t` (starting at `abs`), if any.
fn heading(t: &str, abs: usize, line_end: usize) -> Option<Unit> {
    let first = t.as_bytes().first().copied()?;
    let (kind, caps) = match first {
        b'0'..=b'9' => (UnitKind::Khoan, KHOAN.captures(t)?),
        b'a'..=b'z' => (UnitKind::Diem, DIEM.captures(t)?),
        _ => {
            if t.starts_with("Điều") || t.starts_with("ĐIỀU") {
                (UnitKind::Dieu, DIEU.captures(t)?)
            } else if t.starts_with("Chương") || t.starts_with("CHƯƠNG") {
                (UnitKind::Chuong, CHUONG.captures(t)?)
            } else if t.starts_with("Mục") || t.starts_with("MỤC") {
                (UnitKind::Muc, MUC.captures(t)?)
            } else if t.starts_with("Tiểu mục") || t.starts_with("TIỂU MỤC") {
                (UnitKind::TieuMuc, TIEU_MUC.captures(t)?)
            } else if t.starts_with("Phần") || t.starts_with("PHẦN") {
                (UnitKind::Phan, PHAN.captures(t)?)
            } else if t.starts_with("đ)") {
                (UnitKind::Diem, DIEM.captures(t)?)
            } else {
                return None;
            }
        }
    };
    let label = caps.name("n")?.as_str().to_string();
    let title = caps
        .name("title")
        .map(|m| m.as_str().trim().to_string())
        .unwrap_or_default();
    // Khoản/Điểm carry their text, not a heading title.
    let title = match kind {
        UnitKind::Khoan | UnitKind::Diem => String::new(),
        _ => title,
    };
    let ordinal = if kind == UnitKind::Dieu {
        label
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse()
            .ok()
    } else {
        label_ordinal(&label.to_lowercase().replace(['\t'], " "))
    };
    let span = Span::new(abs, line_end.max(abs));
    Some(Unit {
        kind,
        label,
        ordinal,
        title,
        heading_span: span,
        span,
        quoted: false,
        children: Vec::new(),
    })
}

/// Builds a tree from units in document order with a stack of open units.
#[derive(Default)]
struct Builder {
    roots: Vec<Unit>,
    stack: Vec<Unit>,
}

impl Builder {
    fn push(&mut self, unit: Unit) {
        // Khoản and Điểm only exist inside an article (or a Khoản for Điểm).
        let parent_ok = match unit.kind {
            UnitKind::Khoan => self.stack.iter().any(|u| u.kind == UnitKind::Dieu),
            UnitKind::Diem => self
                .stack
                .iter()
                .any(|u| matches!(u.kind, UnitKind::Dieu | UnitKind::Khoan)),
            _ => true,
        };
        if !parent_ok {
            self.extend_to(unit.span.end);
            return;
        }
        while let Some(top) = self.stack.last() {
            if top.kind < unit.kind {
                break;
            }
            self.close_top();
        }
        if self.stack.len() >= MAX_DEPTH {
            self.close_top();
        }
        self.stack.push(unit);
    }

    fn close_top(&mut self) {
        let Some(done) = self.stack.pop() else {
            return;
        };
        match self.stack.last_mut() {
            Some(parent) => {
                parent.span.end = parent.span.end.max(done.span.end);
                parent.children.push(done);
            }
            None => self.roots.push(done),
        }
    }

    fn extend_to(&mut self, end: usize) {
        if let Some(top) = self.stack.last_mut() {
            top.span.end = top.span.end.max(end);
        }
    }

    /// Hang quoted units under the innermost open unit.
    fn attach_quoted(&mut self, units: Vec<Unit>) {
        let units: Vec<Unit> = units.into_iter().map(mark_quoted).collect();
        match self.stack.last_mut() {
            Some(top) => {
                for u in units {
                    top.span.end = top.span.end.max(u.span.end);
                    top.children.push(u);
                }
            }
            None => self.roots.extend(units),
        }
    }

    fn finish(mut self) -> Vec<Unit> {
        while !self.stack.is_empty() {
            self.close_top();
        }
        self.roots
    }
}

fn mark_quoted(mut u: Unit) -> Unit {
    u.quoted = true;
    u.children = u.children.into_iter().map(mark_quoted).collect();
    u
}

/// All units in document order (depth first), with their depth.
pub fn walk(units: &[Unit]) -> Vec<&Unit> {
    let mut out = Vec::new();
    let mut stack: Vec<&Unit> = units.iter().rev().collect();
    while let Some(u) = stack.pop() {
        out.push(u);
        stack.extend(u.children.iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_and_ordinals() {
        let t = "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Khoản một:\na) điểm a;\nđ) điểm đ.\n2. Khoản hai.\nĐiều 2. Đối tượng\nChương II QUY ĐỊNH CỤ THỂ\nĐiều 3. Ba";
        let u = parse_structure(t, 0, t.len());
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].kind, UnitKind::Chuong);
        assert_eq!(u[0].title, "QUY ĐỊNH CHUNG");
        assert_eq!(u[0].ordinal, Some(1));
        assert_eq!(u[0].children.len(), 2);
        let d1 = &u[0].children[0];
        assert_eq!(d1.title, "Phạm vi");
        assert_eq!(d1.children.len(), 2);
        assert_eq!(d1.children[0].children[1].label, "đ");
        assert_eq!(d1.children[0].children[1].ordinal, Some(5));
        assert_eq!(u[1].title, "QUY ĐỊNH CỤ THỂ");
        assert_eq!(
            &t[u[1].span.start..u[1].span.end],
            "Chương II QUY ĐỊNH CỤ THỂ\nĐiều 3. Ba"
        );
    }

    #[test]
    fn quoted_units_flagged() {
        let t = "Điều 1. Sửa đổi\n1. Điều 5 được sửa đổi như sau:\n“Điều 5. Mới\n1. Khoản mới.”\n2. Khoản hai.\nĐiều 2. Hiệu lực";
        let u = parse_structure(t, 0, t.len());
        assert_eq!(u.len(), 2);
        let all = walk(&u);
        let quoted: Vec<_> = all.iter().filter(|x| x.quoted).collect();
        assert_eq!(quoted.len(), 2);
        assert_eq!(quoted[0].label, "5");
        let k: Vec<_> = u[0].children.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(k, ["1", "2"]);
    }
}
