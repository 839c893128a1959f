//! BC: structure and numbering (bố cục), RULES.md §5.7. Reads the parsed structure tree; quoted
//! amending text is excluded (RULES.md §6.5).

use crate::check::support::{self, re};
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::parse::{Document, Unit, UnitKind};
use once_cell::sync::Lazy;
use regex::Regex;

/// Every structure tree of the document: the main one, then each attached instrument's. An
/// attachment that is an annex (a `PHỤ LỤC` of forms or tables) has no articles to number.
fn trees(doc: &Document) -> Vec<&[Unit]> {
    let mut out: Vec<&[Unit]> = vec![doc.structure.as_slice()];
    out.extend(
        doc.attachments
            .iter()
            .filter(|a| !support::outside_provisions(doc, a.span.start))
            .map(|a| a.structure.as_slice()),
    );
    out
}

/// Report breaks in a numbered sequence: (unit, expected, found) for each gap or repeat.
fn breaks<'u>(
    units: &[&'u Unit],
    ordinal: impl Fn(&Unit) -> Option<u32>,
) -> Vec<(&'u Unit, u32, u32)> {
    let mut out = Vec::new();
    let mut expected = 1;
    for u in units {
        let Some(n) = ordinal(u) else { continue };
        if n != expected {
            out.push((*u, expected, n));
        }
        expected = n.saturating_add(1);
    }
    out
}

/// BC-001: articles not numbered 1, 2, 3 … (per main text and per attachment).
pub fn bc001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let mut out = Vec::new();
    // Amending texts quote articles of the amended text, which the parser may not mark quoted.
    let amending = doc
        .title
        .as_ref()
        .is_some_and(|t| t.value.to_lowercase().contains("sửa đổi"));
    for tree in trees(doc) {
        // `Điều 3a` is an article inserted by an amendment, numbered after its neighbour.
        let arts: Vec<&Unit> = support::articles(tree)
            .into_iter()
            .filter(|u| u.label.chars().all(|c| c.is_ascii_digit()))
            .collect();
        for (u, expected, found) in breaks(&arts, |u| u.ordinal) {
            // A restart at 1 is a new instrument (an embedded form or sample), not a break.
            if found == 1 {
                continue;
            }
            // A repeat or a small gap is a numbering slip; a jump or a step back elsewhere is
            // more often quoted text or a form the parser did not set apart.
            let slip = found + 1 == expected || (found > expected && found - expected <= 2);
            // The skipped number stands at the start of a line elsewhere (`Điều 52` read out of
            // order, `Điều 1 :` in a form the parser did not take as a heading, `Điều 1⏎3.`):
            // the numbering is whole, the reading is not.
            let misread = (found > expected && heading_in_text(&doc.text, expected))
                || (found < expected && number_continues(&doc.text, u.heading_span.end));
            if misread {
                continue;
            }
            let severity = if slip && !amending {
                Severity::Error
            } else {
                Severity::Warning
            };
            let (vi, en) = if expected == 1 && found > 1 {
                (
                    format!("Điều đầu tiên đọc được là Điều {found}, không phải Điều 1"),
                    format!("the first article read is article {found}, not article 1"),
                )
            } else if found < expected {
                (
                    format!("Điều {found} trùng hoặc lùi số (sau Điều {})", expected - 1),
                    format!(
                        "article {found} repeats or goes back (after article {})",
                        expected - 1
                    ),
                )
            } else {
                (
                    format!(
                        "Điều đánh số không liên tục: sau Điều {} là Điều {found}",
                        expected - 1
                    ),
                    format!(
                        "articles not consecutive: article {} is followed by article {found}",
                        expected - 1
                    ),
                )
            };
            out.push(
                emit.at(severity, u.heading_span, vi, en)
                    .with_suggestion(format!("Điều {expected}")),
            );
        }
    }
    out
}

/// `Chương V` (Roman, as RULES.md asks, or Arabic) followed by a space and a capital or a line
/// end, anywhere in the text.
fn chapter_heading_in_text(text: &str, n: u32) -> bool {
    let roman = crate::parse::to_roman(n);
    [
        format!("Chương {roman}"),
        format!("CHƯƠNG {roman}"),
        format!("Chương {n}"),
    ]
    .iter()
    .any(|head| {
        text.match_indices(head.as_str()).any(|(i, m)| {
            let after = &text[i + m.len()..];
            after.is_empty()
                || after.starts_with('\n')
                || after.strip_prefix([' ', '.', ':']).is_some_and(|a| {
                    a.trim_start()
                        .starts_with(|c: char| c.is_uppercase() || c == '[')
                })
        })
    })
}

/// The line after a heading opens with a clause number (`1.`): RULES.md's untitled article.
/// Another line there is most often the title set on its own line and run into the text
/// (`Điều 2.` / `Đối tượng áp dụng Đối tượng áp dụng Luật này bao gồm:`).
fn clause_follows(doc: &Document, heading_end: usize) -> bool {
    let rest = doc.text.get(heading_end..).unwrap_or("");
    let next = rest
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let digits = next.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(next.as_bytes().get(digits), Some(b'.' | b')'))
}

static SPLIT_ARTICLE: Lazy<Regex> = Lazy::new(|| {
    re(r"Điều[ \t]*\n?[ \t]*(\d[ \t]*(?:\n[ \t]*)?\d?[ \t]*(?:\n[ \t]*)?\d?)[ \t]*[.:\n]")
});

/// The heading's number goes on at the start of the next line (`Điều 1⏎3.`): the repeat is the
/// first digit of another number, not an article.
fn number_continues(text: &str, heading_end: usize) -> bool {
    let rest = text.get(heading_end..).unwrap_or("");
    let next = rest
        .trim_start_matches([' ', '\t'])
        .strip_prefix('\n')
        .unwrap_or("");
    let digits = next.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(next.as_bytes().get(digits), Some(b'.' | b':' | b' '))
}

/// A line of `text` opens with `Điều {n}` followed by anything but a digit, or the heading
/// stands with its number broken over lines (`Điều 1⏎3.`, `Điều⏎2⏎6.`, as web pages split it).
fn heading_in_text(text: &str, n: u32) -> bool {
    let head = format!("Điều {n}");
    let at_line_start = text.lines().any(|l| {
        l.trim_start()
            .strip_prefix(&head)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
    });
    // Run into the line before (`… theo công thức trên. Điều 3. Phạm vi`): a heading's number is
    // followed by a full stop and a capital.
    let run_in = text.match_indices(&format!("{head}.")).any(|(i, m)| {
        let before_ok = !text[..i].ends_with(|c: char| c.is_alphanumeric());
        let after = text[i + m.len()..].trim_start_matches(' ');
        before_ok
            && !text[..i].trim_end().ends_with("tại")
            && (after.is_empty()
                || after.starts_with('\n')
                || after.starts_with(char::is_uppercase))
    });
    at_line_start
        || run_in
        || SPLIT_ARTICLE.captures_iter(text).any(|c| {
            let digits: String = c[1].chars().filter(char::is_ascii_digit).collect();
            c[1].contains('\n') && digits == n.to_string()
        })
}

/// BC-002: structural unit without a title.
pub fn bc002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let mut out = Vec::new();
    for tree in trees(doc) {
        for kind in [
            UnitKind::Phan,
            UnitKind::Chuong,
            UnitKind::Muc,
            UnitKind::TieuMuc,
            UnitKind::Dieu,
        ] {
            // An untitled article that is one provision without clauses is the promulgating
            // form of the templates (`Điều 1.` / `Ban hành kèm theo … Quy chế …`); RULES.md's
            // defect is an untitled article over numbered clauses.
            for u in support::units_of_kind(tree, kind)
                .into_iter()
                .filter(|u| u.title.trim().is_empty() && !u.quoted)
                .filter(|u| {
                    kind != UnitKind::Dieu
                        || (u.children.iter().any(|c| c.kind == UnitKind::Khoan)
                            && clause_follows(doc, u.heading_span.end))
                })
            {
                let name = match kind {
                    UnitKind::Phan => "Phần",
                    UnitKind::Chuong => "Chương",
                    UnitKind::Muc => "Mục",
                    UnitKind::TieuMuc => "Tiểu mục",
                    _ => "Điều",
                };
                out.push(emit.at(
                    Severity::Warning,
                    u.heading_span,
                    format!("{name} {} không có tên", u.label),
                    format!("{name} {} has no title", u.label),
                ));
            }
        }
    }
    out
}

/// BC-003: clauses not numbered 1, 2, 3 … within an article, or written `1)` / `(1)`.
pub fn bc003(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let mut out = Vec::new();
    for tree in trees(doc) {
        for art in support::articles(tree) {
            let clauses: Vec<&Unit> = art
                .children
                .iter()
                .filter(|c| c.kind == UnitKind::Khoan && !c.quoted)
                .collect();
            for c in &clauses {
                if c.label.contains(')') || c.label.contains('(') {
                    out.push(emit.at(
                        Severity::Warning,
                        c.heading_span,
                        format!(
                            "Khoản đánh số dạng \"{}\"; phải là số Ả Rập và dấu chấm",
                            c.label
                        ),
                        format!(
                            "clause numbered '{}'; must be an Arabic numeral and a full stop",
                            c.label
                        ),
                    ));
                }
            }
            if amending(support::slice(doc, art.span)) {
                continue;
            }
            for (u, expected, found) in breaks(&clauses, |u| u.ordinal) {
                out.push(emit.at(Severity::Warning, u.heading_span,
                    format!("Khoản đánh số không liên tục trong Điều {}: khoản {found} thay vì khoản {expected}", art.label),
                    format!("clauses of article {} not consecutive: {found} instead of {expected}", art.label)));
            }
        }
    }
    out
}

static AMENDING: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)như\s+sau\s*:|được\s+(?:sửa\s+đổi|bổ\s+sung|thay\s+thế)|bổ\s+sung\s+(?:khoản|điểm|điều)\s",
    )
});

/// An amending article: its clauses and points interleave with the units of the text it quotes,
/// whose numbers are not its own; where a copy lost the quotation marks the parser cannot tell
/// them apart, so continuity is not judged there.
fn amending(article: &str) -> bool {
    AMENDING.is_match(article)
}

/// The official point-letter sequence.
const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

fn point_position(label: &str) -> Option<u32> {
    let l = label
        .trim()
        .trim_end_matches([')', '.', '-'])
        .to_lowercase();
    POINT_LETTERS
        .iter()
        .position(|&p| p == l)
        .map(|i| i as u32 + 1)
}

/// BC-004: points lettered outside the sequence, skipped or restarted.
pub fn bc004(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let mut out = Vec::new();
    for tree in trees(doc) {
        for art in support::articles(tree) {
            let mut groups: Vec<Vec<&Unit>> = vec![art
                .children
                .iter()
                .filter(|c| c.kind == UnitKind::Diem && !c.quoted)
                .collect()];
            for k in art
                .children
                .iter()
                .filter(|c| c.kind == UnitKind::Khoan && !c.quoted)
            {
                groups.push(
                    k.children
                        .iter()
                        .filter(|c| c.kind == UnitKind::Diem && !c.quoted)
                        .collect(),
                );
            }
            for points in groups.iter().filter(|g| !g.is_empty()) {
                for p in points.iter().filter(|p| point_position(&p.label).is_none()) {
                    out.push(emit.at(
                        Severity::Warning,
                        p.heading_span,
                        format!(
                            "Điểm \"{}\" không thuộc dãy chữ cái a, b, c, d, đ, e, g, h …",
                            p.label
                        ),
                        format!(
                            "point '{}' is not in the letter sequence a b c d đ e g h …",
                            p.label
                        ),
                    ));
                }
                if amending(support::slice(doc, art.span)) {
                    continue;
                }
                for (u, expected, found) in breaks(points, |u| point_position(&u.label)) {
                    let want = POINT_LETTERS
                        .get(expected as usize - 1)
                        .copied()
                        .unwrap_or("?");
                    let got = POINT_LETTERS
                        .get(found as usize - 1)
                        .copied()
                        .unwrap_or("?");
                    out.push(emit.at(Severity::Warning, u.heading_span,
                        format!("Điểm đánh ký tự không liên tục trong Điều {}: điểm {got} thay vì điểm {want}", art.label),
                        format!("points of article {} out of sequence: {got} instead of {want}", art.label))
                        .with_suggestion(format!("{want})")));
                }
            }
        }
    }
    out
}

static BULLET: Lazy<Regex> = Lazy::new(|| re(r"(?m)^[ \t]*[-+•●▪*][ \t]+\S"));

static RECIPIENTS_LINE: Lazy<Regex> = Lazy::new(|| re(r"(?m)^[ \t]*Nơi nhận[ \t]*:"));

/// A line opening with `- ` and a lower-case word after a line that does not end a sentence or a
/// list item is the second half of a hyphenated compound broken at the line end (`kinh tế -⏎xã
/// hội`, `lịch sử -⏎văn hóa`), not a bullet.
fn compound_continuation(text: &str, line_start: usize) -> bool {
    let line = text[line_start..].trim_start();
    let first = line
        .trim_start_matches(['-', '+', '•', '●', '▪', '*'])
        .trim_start()
        .chars()
        .next();
    if !first.is_some_and(char::is_lowercase) {
        return false;
    }
    let before = text[..line_start].trim_end();
    !before.is_empty() && !before.ends_with([':', ';', '.', '!', '?'])
}

/// The bullet is a line of a formula's legend: it follows `Trong đó:` (or `trong đó:`) closely,
/// and lines of the legend define symbols (`- TLbqkh: tỷ lệ …`), not ideas of a point.
fn in_formula_legend(text: &str, line_start: usize) -> bool {
    let before = &text[..line_start];
    let Some(at) = before.rfind("rong đó:") else {
        return false;
    };
    // The legend runs over the lines after `Trong đó:`, each a definition with a colon or `là`.
    before[at..].lines().count() <= 12
        && text[line_start..]
            .lines()
            .next()
            .is_some_and(|l| l.contains(':') || l.contains(" là ") || l.contains('='))
}

/// BC-005: bullet lines inside articles (first one per article).
pub fn bc005(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let quoted = support::quoted_ranges(doc);
    let mut out = Vec::new();
    for tree in trees(doc) {
        for art in support::articles(tree) {
            let text = support::slice(doc, art.span);
            // A recipients block the parser did not separate ends the article.
            let text = RECIPIENTS_LINE
                .find(text)
                .map_or(text, |m| &text[..m.start()]);
            let hits: Vec<regex::Match> = BULLET
                .find_iter(text)
                .filter(|m| {
                    let at = art.span.start + m.start();
                    !support::inside_any(at, &quoted)
                        && !support::outside_provisions(doc, at)
                        && !compound_continuation(text, m.start())
                        && !in_formula_legend(text, m.start())
                })
                .collect();
            let Some(first) = hits.first() else { continue };
            out.push(emit.at(Severity::Warning, support::cap_span(*first, art.span.start),
                format!("Điều {} dùng {} dòng gạch đầu dòng/ký hiệu để chia ý; điểm phải diễn đạt trọn ý bằng câu", art.label, hits.len()),
                format!("article {} uses {} bullet lines to split ideas; points must be full sentences", art.label, hits.len())));
        }
    }
    out
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// BC-006: wrong numeral style for chapters and sections; chapters not consecutive.
pub fn bc006(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let mut out = Vec::new();
    for tree in trees(doc) {
        let chapters = support::units_of_kind(tree, UnitKind::Chuong);
        for c in &chapters {
            if c.label.chars().all(|ch| ch.is_ascii_digit()) && !c.label.is_empty() {
                out.push(emit.at(
                    Severity::Warning,
                    c.heading_span,
                    format!("Chương {} phải đánh số La Mã", c.label),
                    format!("chapter {} must use Roman numerals", c.label),
                ));
            }
        }
        for (u, expected, found) in breaks(&chapters, |u| u.ordinal) {
            // The skipped chapter's heading is in the text (inside a portal's note, or run into
            // a line): the numbering is whole, the reading is not.
            if found > expected && chapter_heading_in_text(&doc.text, expected) {
                continue;
            }
            out.push(emit.at(
                Severity::Warning,
                u.heading_span,
                format!("Chương đánh số không liên tục: chương thứ {found} thay vì thứ {expected}"),
                format!("chapters not consecutive: {found} instead of {expected}"),
            ));
        }
        for m in support::units_of_kind(tree, UnitKind::Muc) {
            if is_roman(&m.label) {
                out.push(emit.at(
                    Severity::Warning,
                    m.heading_span,
                    format!("Mục {} phải đánh số Ả Rập", m.label),
                    format!("section {} must use Arabic numerals", m.label),
                ));
            }
        }
    }
    out
}

/// BC-007: attachment's parent line missing or not matching the document.
pub fn bc007(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(number) = &doc.number else {
        return vec![];
    };
    let mut out = Vec::new();
    let per = emit
        .template()
        .map_or(String::new(), |t| format!(" theo {t}"));
    for a in &doc.attachments {
        let Some(parent) = &a.parent else {
            out.push(emit.at(
                Severity::Warning,
                a.span,
                format!("Văn bản ban hành kèm theo không ghi \"(Ban hành kèm theo … số … ngày …)\"{per}"),
                "the attached text does not name its parent document",
            ));
            continue;
        };
        let number_differs = parent
            .number_key
            .as_deref()
            .is_some_and(|k| k != number.key);
        let date_differs = match (parent.date, doc.issue_date()) {
            (Some(p), Some(d)) => p != d,
            _ => false,
        };
        if number_differs || date_differs {
            let cited = parent.number.clone().unwrap_or_default();
            let date = parent
                .date
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default();
            let own_date = doc
                .issue_date()
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default();
            // Another symbol altogether is more likely an annex quoting another document than a
            // slip in this one's attachment line.
            let symbol = |k: &str| k.split('/').skip(1).collect::<Vec<_>>().join("/");
            let same_symbol = parent
                .number_key
                .as_deref()
                .is_none_or(|k| symbol(k) == symbol(&number.key));
            let severity = if same_symbol {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.push(emit.at(severity, parent.span,
                format!("Dòng ban hành kèm theo ghi {cited} ngày {date}, khác văn bản chính {} ngày {own_date}", number.raw),
                format!("the attachment names {cited} of {date}, not the parent {} of {own_date}", number.raw)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testkit::run;

    /// A decision with an attached regulation whose last article is followed by `tail`.
    fn with_tail(tail: &str) -> crate::parse::Document {
        crate::parse::parse(&format!("ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/2020/QĐ-UBND\nBình An, ngày 05 tháng 3 năm 2020\nQUYẾT ĐỊNH\nBan hành Quy định về quản lý chợ\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành\nBan hành kèm theo Quyết định này Quy định về quản lý chợ.\nĐiều 2. Hiệu lực\nQuyết định này có hiệu lực kể từ ngày 20 tháng 3 năm 2020.\nNơi nhận:\n- Như Điều 2;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\nQUY ĐỊNH\nVề quản lý chợ\n(Ban hành kèm theo Quyết định số 15/2020/QĐ-UBND ngày 05 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh Bình An)\nĐiều 1. Phạm vi\n1. Chợ.\n2. Chợ đêm.\n{tail}"))
    }

    #[test]
    fn annexed_forms_are_not_clauses_or_bullets() {
        let form = "1. Lô hàng Đạt Không đạt\n1. Lô hàng Đạt Không đạt\n- Lưu: VT.\n";
        let annexed = with_tail(&format!("Mẫu số 01\nBIÊN BẢN KIỂM TRA\n{form}"));
        assert!(run(&annexed, "BC-003").is_empty());
        assert!(run(&annexed, "BC-005").is_empty());
        // The same lines inside the article are defects.
        let inside = with_tail(form);
        assert!(!run(&inside, "BC-003").is_empty());
        assert!(!run(&inside, "BC-005").is_empty());
    }

    #[test]
    fn broken_compounds_and_a_stray_recipients_block_are_not_bullets() {
        let broken = with_tail("3. Bảo tồn di tích lịch sử -\nvăn hóa, danh lam thắng cảnh.\n");
        assert!(run(&broken, "BC-005").is_empty());
        let stray =
            with_tail("3. Chợ nổi.\nNơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Lưu: VT.\n");
        assert!(run(&stray, "BC-005").is_empty());
        // A real list after a colon is still a bullet list.
        let list = with_tail("3. Đối tượng gồm:\n- hộ nghèo;\n- hộ cận nghèo.\n");
        assert_eq!(run(&list, "BC-005").len(), 1);
    }

    #[test]
    fn an_article_number_broken_over_lines_is_there() {
        assert!(heading_in_text("Điều 1\n3. Phạm vi\n", 13));
        assert!(heading_in_text("Điều\n2\n6. Hiệu lực\n", 26));
        assert!(!heading_in_text("Điều 12. Phạm vi\n", 13));
        assert!(heading_in_text(
            "x = a + b (công thức 2) Điều 13. Phạm vi\n",
            13
        ));
        assert!(!heading_in_text(
            "như quy định tại Điều 13. Trường hợp khác\n",
            13
        ));
    }

    #[test]
    fn a_formula_legend_is_not_a_bullet_list() {
        let legend = with_tail("3. Tỷ lệ tính như sau:\nTL = TLbqkh x 100%\nTrong đó:\n- TLbqkh: tỷ lệ bình quân kế hoạch;\n- TLtt: tỷ lệ thực tế.\n");
        assert!(run(&legend, "BC-005").is_empty());
    }

    #[test]
    fn chapters_read_elsewhere() {
        assert!(chapter_heading_in_text(
            "Điều 9. Chương V QUY HOẠCH VÙNG\n",
            5
        ));
        assert!(!chapter_heading_in_text(
            "quy định tại Chương V của Luật này\n",
            5
        ));
    }

    #[test]
    fn untitled_article_is_reported_only_over_clauses() {
        let single = with_tail("Điều 2.\nChợ họp hằng ngày.\n");
        assert!(run(&single, "BC-002").is_empty());
        let clauses = with_tail("Điều 2.\n1. Chợ họp hằng ngày.\n2. Chợ đêm họp cuối tuần.\n");
        assert_eq!(run(&clauses, "BC-002").len(), 1);
        // The title on its own line, run into the text.
        let run_in = with_tail(
            "Điều 2.\nĐối tượng áp dụng Quy định này áp dụng cho:\n1. Chợ.\n2. Chợ đêm.\n",
        );
        assert!(run(&run_in, "BC-002").is_empty());
    }

    #[test]
    fn letters() {
        assert_eq!(point_position("đ"), Some(5));
        assert_eq!(point_position("e)"), Some(6));
        assert_eq!(point_position("f"), None);
    }
}

#[cfg(test)]
mod builder_tests {
    use crate::check::testkit::{run, DocBuilder};

    #[test]
    fn article_sequence() {
        let text = "Điều 1. Phạm vi\nĐiều 2. Đối tượng\nĐiều 2. Mức chi\nĐiều 4. Hiệu lực\n";
        let doc = DocBuilder::new(text)
            .article("Điều 1. Phạm vi", 1)
            .article("Điều 2. Đối tượng", 2)
            .article("Điều 2. Mức chi", 2)
            .article("Điều 4. Hiệu lực", 4)
            .build();
        let f = run(&doc, "BC-001");
        assert_eq!(f.len(), 2, "{f:#?}");
        let ok = DocBuilder::new(text)
            .article("Điều 1. Phạm vi", 1)
            .article("Điều 2. Đối tượng", 2)
            .build();
        assert!(run(&ok, "BC-001").is_empty());
    }
}
