//! The structure tree: Phần, Chương, Mục, Tiểu mục, Điều, Khoản, Điểm, from line-preserving
//! text. Units inside quoted amending text (`… như sau: “Điều 5. …”`) are flagged `quoted` and
//! hang under the unit that quotes them, so they never enter the main numbering sequence.

use once_cell::sync::Lazy;
use regex::Regex;

use super::model::*;
use super::text::{label_ordinal, letter_ordinal, lines, pattern, Line};

static PHAN: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"^(?:Phần|PHẦN)[ \t]+(?P<n>(?:thứ|THỨ)[ \t]+\p{L}+|[IVXLC]+|\d{1,3})\b[ \t]*[.:\-–]?[ \t]*(?P<title>.*)$",
    )
});
static CHUONG: Lazy<Regex> = Lazy::new(|| {
    pattern(r"^(?:Chương|CHƯƠNG)[ \t]+(?P<n>[IVXLC]+|\d{1,3})\b[ \t]*[.:\-–]?[ \t]*(?P<title>.*)$")
});
static MUC: Lazy<Regex> = Lazy::new(|| {
    pattern(r"^(?:Mục|MỤC)[ \t]+(?P<n>\d{1,3}|[IVXLC]+)\b[ \t]*[.:\-–]?[ \t]*(?P<title>.*)$")
});
static TIEU_MUC: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"^(?:Tiểu mục|TIỂU MỤC)[ \t]+(?P<n>\d{1,3}|[IVXLC]+)\b[ \t]*[.:\-–]?[ \t]*(?P<title>.*)$",
    )
});
/// `Điều 5.`, and the older `Điều thứ nhất:` / `Điều thứ 2:` of texts before the 1990s.
static DIEU: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"^(?:Điều|ĐIỀU)[ \t]+(?:(?P<n>\d{1,3}[a-zđ]?)|(?:thứ|THỨ)[ \t]+(?P<w>\d{1,3}|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))[ \t]*(?:[.:][ \t]*(?P<title>.*)|$)",
    )
});

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
    let mut last_main_article: Option<u32> = None;
    let mut k = 0;
    while k < ls.len() {
        let line = ls[k];
        let (t, tstart) = line.trimmed();
        let abs_start = start + tstart;
        let line_end = start + line.end();
        // Quote state: a line opening with a quote that is not closed on it starts quoted text;
        // quoted text ends at a line that ends with a closing quote.
        // A line holding only a quote mark (`"`, `”.`) ends a quotation: it never opens one.
        let bare_quote = is_bare_quote(t);
        let reversed = opens_with_closing_mark(t);
        let opens = (t.starts_with('“') || t.starts_with('"') || reversed) && !bare_quote;
        if quoted.is_none() && opens && (reversed || unbalanced_quotes(t)) {
            quoted = Some(Builder::default());
        }
        let body = t.trim_start_matches(['“', '"', '”']);
        let body_start = abs_start + (t.len() - body.len());
        // A quotation whose closing mark was lost ends where the main text's next article
        // starts, unquoted (`Điều 8.` after `Điều 7. Sửa đổi … như sau: “…`), or the one after
        // it when the copy lost that heading too.
        if quoted.is_some() && !opens && body.len() == t.len() {
            let resumes = heading(body, body_start, line_end).is_some_and(|u| {
                u.kind == UnitKind::Dieu
                    && u.ordinal
                        .zip(last_main_article)
                        .is_some_and(|(o, n)| o == n + 1 || o == n + 2)
            });
            if resumes {
                if let Some(q) = quoted.take() {
                    main.attach_quoted(q.finish());
                }
            }
        }
        let in_quote = quoted.is_some() || opens;
        // A bare `2.` line is a clause only where the open article expects that number: in
        // tables and mangled extractions (`… đất đai 1.` glued to the heading) it is not.
        let bare_clause = body.len() > 1
            && body.ends_with('.')
            && body[..body.len() - 1].bytes().all(|b| b.is_ascii_digit());
        let unit = heading(body, body_start, line_end).filter(|u| {
            !bare_clause || u.ordinal == quoted.as_ref().unwrap_or(&main).next_clause()
        });
        if let Some(mut unit) = unit {
            unit.quoted = in_quote;
            // A heading broken over lines (`Điều 13.` / `Tổ chức thực hiện`, `Mục 3` / blank /
            // `QUY ĐỊNH CHUNG`): the title is the next non-empty line.
            if unit.title.is_empty() && unit.kind <= UnitKind::Dieu {
                if let Some((j, nt, nstart)) = next_title_line(&ls, k, unit.kind) {
                    unit.title = nt.to_string();
                    unit.heading_span =
                        Span::new(unit.heading_span.start, start + nstart + nt.len());
                    unit.span = unit.heading_span;
                    k = j;
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
                None => {
                    if unit.kind == UnitKind::Dieu {
                        last_main_article = unit.ordinal;
                    }
                    main.push(unit)
                }
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

/// A quotation opened with a closing-style mark (`”Điều 1. …`, `”1. …`), as some sources type
/// it: the mark followed at once by a letter or a digit, and no other mark closing it.
fn opens_with_closing_mark(t: &str) -> bool {
    t.strip_prefix('”').is_some_and(|rest| {
        rest.starts_with(|c: char| c.is_alphanumeric()) && !rest.contains(['”', '“'])
    })
}

fn closes_quote(t: &str) -> bool {
    if is_bare_quote(t) {
        return true;
    }
    let t = t.trim_end_matches(['.', ';', ',', ' ', '/']);
    t.ends_with('”') || (t.ends_with('"') && t.len() > 1)
}

/// Only quote marks and closing punctuation (`"`, `”.`, `".`): the end of a quotation that the
/// extraction put on its own line.
fn is_bare_quote(t: &str) -> bool {
    let marks = t.trim_end_matches(['.', ';', ',', ' ', '/']);
    !marks.is_empty() && marks.chars().all(|c| matches!(c, '"' | '”'))
}

/// The line after heading line `k` (past at most two empty lines) when it is the heading's
/// title: capitals for Phần/Chương/Mục; for an article, a short line that is no unit of its own
/// and does not read as a sentence of content (ending `.`, `;`, `:` or `,`, or quoted).
fn next_title_line<'a>(
    ls: &[Line<'a>],
    k: usize,
    kind: UnitKind,
) -> Option<(usize, &'a str, usize)> {
    let (j, next) = ls
        .iter()
        .enumerate()
        .skip(k + 1)
        .take(3)
        .find(|(_, l)| !l.text.trim().is_empty())?;
    let (nt, nstart) = next.trimmed();
    if heading(nt, 0, 0).is_some() {
        return None;
    }
    let title = if kind < UnitKind::Dieu {
        is_caps(nt)
    } else {
        j == k + 1
            && nt.chars().count() <= 200
            && nt.starts_with(|c: char| c.is_uppercase())
            && !nt.ends_with(['.', ';', ':', ',', '…'])
    };
    title.then_some((j, nt, nstart))
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
    // Khoản and Điểm open most lines and carry no heading title: read their label by hand
    // instead of running a pattern over every line that starts with a digit or a letter.
    if first.is_ascii_digit() {
        return numbered_line(t, abs, line_end);
    }
    if first.is_ascii_lowercase() || t.starts_with("đ)") {
        return lettered_line(t, abs, line_end);
    }
    let (kind, caps) = if t.starts_with("Điều") || t.starts_with("ĐIỀU") {
        (UnitKind::Dieu, DIEU.captures(t)?)
    } else if t.starts_with("Chương") || t.starts_with("CHƯƠNG") {
        (UnitKind::Chuong, CHUONG.captures(t)?)
    } else if t.starts_with("Mục") || t.starts_with("MỤC") {
        (UnitKind::Muc, MUC.captures(t)?)
    } else if t.starts_with("Tiểu mục") || t.starts_with("TIỂU MỤC") {
        (UnitKind::TieuMuc, TIEU_MUC.captures(t)?)
    } else if t.starts_with("Phần") || t.starts_with("PHẦN") {
        (UnitKind::Phan, PHAN.captures(t)?)
    } else {
        return None;
    };
    let label = caps
        .name("n")
        .or_else(|| caps.name("w"))?
        .as_str()
        .to_string();
    let title = caps
        .name("title")
        .map(|m| m.as_str().trim().to_string())
        .unwrap_or_default();
    let ordinal = if kind == UnitKind::Dieu {
        label
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse()
            .ok()
            .or_else(|| super::text::ordinal_word(&label))
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

/// `1. text`: a Khoản (1 to 3 digits, a dot, spaces, then text).
fn numbered_line(t: &str, abs: usize, line_end: usize) -> Option<Unit> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || t.as_bytes().get(digits) != Some(&b'.') {
        return None;
    }
    let rest = &t[digits + 1..];
    let body = rest.trim_start_matches([' ', '\t']);
    // `4.` alone on its line: the clause's text was broken onto the next line.
    let bare = rest.is_empty();
    if !bare
        && (body.len() == rest.len() || body.is_empty() || body.starts_with(char::is_whitespace))
    {
        return None;
    }
    let label = &t[..digits];
    Some(list_unit(
        UnitKind::Khoan,
        label,
        label.parse().ok(),
        abs,
        line_end,
    ))
}

/// `a) text`, `đ) text`: a Điểm (one letter, a closing parenthesis, then text).
fn lettered_line(t: &str, abs: usize, line_end: usize) -> Option<Unit> {
    let mut cs = t.char_indices();
    let (_, letter) = cs.next()?;
    if !(letter.is_ascii_lowercase() || letter == 'đ') {
        return None;
    }
    let (paren, close) = cs.next()?;
    if close != ')' {
        return None;
    }
    let body = t[paren + 1..].trim_start_matches([' ', '\t']);
    if body.is_empty() || body.starts_with(char::is_whitespace) {
        return None;
    }
    let label = &t[..paren];
    Some(list_unit(
        UnitKind::Diem,
        label,
        letter_ordinal(label),
        abs,
        line_end,
    ))
}

fn list_unit(kind: UnitKind, label: &str, ordinal: Option<u32>, abs: usize, end: usize) -> Unit {
    let span = Span::new(abs, end.max(abs));
    Unit {
        kind,
        label: label.to_string(),
        ordinal,
        title: String::new(),
        heading_span: span,
        span,
        quoted: false,
        children: Vec::new(),
    }
}

/// Builds a tree from units in document order with a stack of open units.
#[derive(Default)]
struct Builder {
    roots: Vec<Unit>,
    stack: Vec<Unit>,
}

impl Builder {
    /// The clause number the open article expects next: one after its last clause, else 1.
    fn next_clause(&self) -> Option<u32> {
        let at = self.stack.iter().rposition(|u| u.kind == UnitKind::Dieu)?;
        let open = self.stack[at + 1..]
            .iter()
            .rfind(|u| u.kind == UnitKind::Khoan);
        let last = open.or_else(|| {
            self.stack[at]
                .children
                .iter()
                .rfind(|u| u.kind == UnitKind::Khoan)
        });
        Some(last.and_then(|u| u.ordinal).map_or(1, |n| n + 1))
    }

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
    fn quotations_end_at_a_bare_mark_or_at_the_next_main_article() {
        let text = "Điều 1. Sửa đổi\n1. Sửa đổi khoản 2 như sau:\n“2. Nội dung mới.\n\"\nĐiều 2. Hiệu lực thi hành\nQuyết định này có hiệu lực.\nĐiều 3. Sửa đổi Điều 5 như sau:\n“Điều 5. Phạm vi\n1. Nội dung không có dấu đóng\nĐiều 4. Tổ chức thực hiện\nGiám đốc Sở thi hành.";
        let units = parse_structure(text, 0, text.len());
        let main: Vec<String> = walk(&units)
            .into_iter()
            .filter(|u| u.kind == UnitKind::Dieu && !u.quoted)
            .map(|u| u.label.clone())
            .collect();
        assert_eq!(main, ["1", "2", "3", "4"]);
        let quoted: Vec<String> = walk(&units)
            .into_iter()
            .filter(|u| u.kind == UnitKind::Dieu && u.quoted)
            .map(|u| u.label.clone())
            .collect();
        assert_eq!(quoted, ["5"]);
    }

    #[test]
    fn headings_broken_over_lines_keep_their_titles() {
        let t = "Điều 13.\nTổ chức thực hiện\n1. Các bộ thực hiện.\nMục 3\n\nQUY ĐỊNH CHUNG\nĐiều 14.\nBan hành kèm theo Thông tư này Định mức.\nĐiều 15.\n1. Mức hỗ trợ.\n";
        let u = parse_structure(t, 0, t.len());
        let all = walk(&u);
        let title = |label: &str, kind| {
            all.iter()
                .find(|x| x.kind == kind && x.label == label)
                .map(|x| x.title.as_str())
        };
        assert_eq!(title("13", UnitKind::Dieu), Some("Tổ chức thực hiện"));
        assert_eq!(title("3", UnitKind::Muc), Some("QUY ĐỊNH CHUNG"));
        // A sentence of content or a clause under the heading is no title.
        assert_eq!(title("14", UnitKind::Dieu), Some(""));
        assert_eq!(title("15", UnitKind::Dieu), Some(""));
        let d13 = all.iter().find(|x| x.label == "13").expect("article 13");
        assert_eq!(d13.children.len(), 1);
    }

    #[test]
    fn quotation_opened_with_a_closing_mark_is_quoted() {
        let t = "Điều 1. Sửa đổi Điều 5 như sau:\n”Điều 5. Mức thu\n1. Mức thu là 10%.\n2. Mức thu là 20%.”\nĐiều 2. Hiệu lực\n1. Hiệu lực.\n";
        let u = parse_structure(t, 0, t.len());
        let mains: Vec<&str> = u
            .iter()
            .filter(|x| !x.quoted)
            .map(|x| x.label.as_str())
            .collect();
        assert_eq!(mains, ["1", "2"]);
        let quoted: Vec<&Unit> = walk(&u).into_iter().filter(|x| x.quoted).collect();
        assert!(quoted
            .iter()
            .any(|x| x.kind == UnitKind::Dieu && x.label == "5"));
        // The article's own clauses are not the quoted ones.
        assert!(u[0].children.iter().all(|c| c.quoted));
        // A closing mark that ends a quotation does not open one.
        assert!(!opens_with_closing_mark("”."));
        assert!(!opens_with_closing_mark("” và"));
    }

    #[test]
    fn an_unclosed_quotation_ends_even_when_the_next_article_heading_was_lost() {
        let t = "Điều 1. Sửa đổi điểm g như sau:\n“g) Hồ sơ chứng minh\ng.1) Đối với con.\n1. Bãi bỏ Thông tư số 20/2014/TT-BTC.\nĐiều 3. Sửa đổi biểu mẫu\nĐiều 4. Hiệu lực thi hành\n1. Thông tư này có hiệu lực.\n";
        let units = parse_structure(t, 0, t.len());
        let main: Vec<&str> = units
            .iter()
            .filter(|u| u.kind == UnitKind::Dieu && !u.quoted)
            .map(|u| u.label.as_str())
            .collect();
        assert_eq!(main, ["1", "3", "4"]);
    }

    #[test]
    fn old_ordinal_article_headings() {
        let t = "Điều thứ nhất: Thiết quân luật ở Hà Nội.\nĐiều thứ hai:\na) Không ai được đi lại;\nĐiều thứ 3: Thi hành.\n";
        let units = parse_structure(t, 0, t.len());
        let arts: Vec<(&str, Option<u32>)> = units
            .iter()
            .map(|u| (u.label.as_str(), u.ordinal))
            .collect();
        assert_eq!(arts, [("nhất", Some(1)), ("hai", Some(2)), ("3", Some(3))]);
    }

    #[test]
    fn a_clause_number_alone_on_its_line_is_a_clause() {
        let t = "Điều 2. Giải thích từ ngữ\n1. Giếng khoan là công trình.\n2.\nMẫu đá là các mẫu vật.\n3. Vỉa sản phẩm là một vỉa.\n";
        let u = parse_structure(t, 0, t.len());
        let labels: Vec<&str> = u[0].children.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
        // Out of sequence (a table's numbering, `1.` lost at a heading's end), it is not.
        let t = "Điều 9. Thu thập thông tin 1.\nThu thập tài liệu.\n2.\nKhảo sát sơ bộ.\n";
        assert!(parse_structure(t, 0, t.len())[0].children.is_empty());
        // A number without its full stop, or with more text glued to it, is not one.
        assert!(numbered_line("2", 0, 1).is_none());
        assert!(numbered_line("2.5 lần", 0, 7).is_none());
    }

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
