//! The end of the document: the effective-date clause, the passing sentence of laws and HĐND
//! resolutions, the signature block and the recipients (`Nơi nhận`).

use chrono::{Duration, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;

use super::model::*;
use super::text::{lines, make_date, pattern, FlatText};

const SELF_REF: &str = r"(?:quyết định|nghị quyết(?: liên tịch)?|nghị định|thông tư(?: liên tịch)?|bộ luật|luật|pháp lệnh|lệnh|chỉ thị|quy định|quy chế|văn bản|kế hoạch|hướng dẫn) này";

/// The self-reference that opens an effective clause (`Quyết định này`).
/// Or the bare type name right before `có hiệu lực`, opening the sentence, a numbered clause or
/// the text under an article title (`Điều 3. Hiệu lực thi hành` / `Thông tư có hiệu lực kể từ
/// …`, the `này` left out).
static SELF: Lazy<Regex> = Lazy::new(|| {
    pattern(&format!(
        r"(?i){SELF_REF}|(?:^ ?|\d{{1,2}}\. |thi hành |hiệu lực |thực hiện )(?:quyết định|nghị quyết|nghị định|thông tư|chỉ thị) $"
    ))
});

/// What follows `có hiệu lực`: a date, an event, or `sau N ngày kể từ` an event. Anchored and
/// matched only where the literal occurs: a single regex with a 240-character gap is slow.
static EFFECT_TAIL: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"^có hiệu lực(?: thi hành)?(?: chung)?,?(?: (?:kể )?(?:từ|bắt đầu từ) (?:(?:ngày )?(?:(?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})|(?P<nd>\d{1,2}) ?[/.\-] ?(?P<nm>\d{1,2}) ?[/.\-] ?(?P<ny>\d{4}))|(?P<unfilled>ngày[ .…_]*tháng[ .…_]*năm(?: \d{4})?)|(?:ngày )?(?:được )?(?P<ev>ký|thông qua|ban hành|công bố|đăng (?:trên )?[Cc]ông báo))| sau (?P<n>\d{1,3}) ngày,?(?: kể)? từ ngày (?:được )?(?P<after>ký|thông qua|ban hành|công bố|đăng (?:trên )?[Cc]ông báo))",
    )
});

/// Maximum distance between the self-reference and `có hiệu lực`.
const SELF_GAP: usize = 240;

/// One effective clause: where it starts (the self-reference), the self-reference text, and
/// the captures of its tail.
struct Clause<'t> {
    start: usize,
    /// Offset of `có hiệu lực`, where `tail` starts.
    at: usize,
    self_ref: String,
    tail: regex::Captures<'t>,
}

/// The last match of `subject` in the `SELF_GAP` bytes before `p`, after the last of `breaks`
/// (the clause's sentence): its start and text.
fn subject_before<'t>(
    text: &'t str,
    p: usize,
    subject: &Regex,
    breaks: &[char],
) -> Option<(usize, &'t str)> {
    let mut from = p.saturating_sub(SELF_GAP);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = &text[from..p];
    let cut = window.rfind(breaks).map(|k| k + 1).unwrap_or(0);
    let m = subject.find_iter(&window[cut..]).last()?;
    Some((from + cut + m.start(), m.as_str()))
}

fn effect_clauses(text: &str) -> Vec<Clause<'_>> {
    let mut out = Vec::new();
    for (p, _) in text.match_indices("có hiệu lực") {
        let Some(tail) = EFFECT_TAIL.captures(&text[p..]) else {
            continue;
        };
        let Some((start, self_ref)) = subject_before(text, p, &SELF, &['.', ';', ':']) else {
            continue;
        };
        out.push(Clause {
            start,
            at: p,
            self_ref: self_ref.trim().to_lowercase(),
            tail,
        });
    }
    out
}

static SHORTENED: Lazy<Regex> = Lazy::new(|| {
    pattern(r"(?i)rút gọn|trường hợp đặc biệt|tình trạng khẩn cấp|thiên tai|dịch bệnh")
});

static PASSED_SELF: Lazy<Regex> =
    Lazy::new(|| pattern(r"(?i)(?:luật|bộ luật|pháp lệnh|nghị quyết|hiến pháp) này (?:đã )?được"));

static PASSED_TAIL: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"^thông qua(?: tại [^.]{0,80}?)? ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})",
    )
});

static SIG_MODE: Lazy<Regex> =
    Lazy::new(|| pattern(r"(?:^|[ \t])(?P<mode>TM|KT|Q|TL|TUQ)\.[ \t]*(?P<rest>\S[^\n]*)?$"));

static SIG_POS: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"(?:^|[ \t])(?P<pos>(?:PHÓ )?CHỦ TỊCH(?: QUỐC HỘI| NƯỚC| HỘI ĐỒNG NHÂN DÂN| ỦY BAN NHÂN DÂN)?|(?:PHÓ )?THỦ TƯỚNG|THỨ TRƯỞNG|BỘ TRƯỞNG|(?:PHÓ )?CHỦ NHIỆM|(?:PHÓ )?THỐNG ĐỐC|(?:PHÓ )?TỔNG THANH TRA|(?:PHÓ )?CHÁNH ÁN|(?:PHÓ )?VIỆN TRƯỞNG|(?:PHÓ )?TỔNG KIỂM TOÁN|(?:PHÓ )?GIÁM ĐỐC|(?:PHÓ )?CHÁNH VĂN PHÒNG|(?:PHÓ )?TRƯỞNG PHÒNG|(?:PHÓ )?TRƯỞNG BAN|(?:PHÓ )?CỤC TRƯỞNG|(?:PHÓ )?TỔNG CỤC TRƯỞNG|ỦY VIÊN|CHỦ TỌA)[ \t]*$",
    )
});

static NOI_NHAN: Lazy<Regex> = Lazy::new(|| pattern(r"(?i)Nơi[ \t]+nhận[ \t]*:?"));

/// The effective-date clause of the main instrument. `body` is the flat view of the body zone;
/// `quoted` are spans of quoted amending text to skip.
/// Inside a portal's editorial note in square brackets (`[Khoản này được sửa đổi bởi … Nghị
/// định 225/2025/NĐ-CP có hiệu lực từ ngày 15/08/2025]`): the words of the portal about a later
/// amendment, not the document's own clause.
fn in_editorial_note(text: &str, at: usize) -> bool {
    let before = &text[..at.min(text.len())];
    let open = before.rfind('[');
    let close = before.rfind(']');
    open.is_some_and(|o| close.is_none_or(|c| c < o) && at - o < 400)
}

pub fn find_effective(
    flat: &FlatText,
    quoted: &[Span],
    issue: Option<NaiveDate>,
    preamble: &str,
    own_type: Option<&str>,
) -> Option<EffectiveDate> {
    let text = flat.text.as_str();
    let all: Vec<Clause> = effect_clauses(text)
        .into_iter()
        .filter(|c| !in_editorial_note(text, c.start))
        .collect();
    let is_quoted = |c: &Clause| {
        let span = flat.span(c.start, c.start);
        quoted
            .iter()
            .any(|q| span.start >= q.start && span.start < q.end)
    };
    let own = own_type.map(str::to_lowercase);
    let mut candidates: Vec<&Clause> = all.iter().filter(|c| !is_quoted(c)).collect();
    // A quotation whose closing mark and the next heading were both lost swallows the
    // document's own clause (`… Điều 15a …` then `Nghị định này có hiệu lực …`): with no clause
    // outside quotations, the last one naming the document's own type is taken.
    if candidates.is_empty() {
        candidates.extend(
            all.iter()
                .rev()
                .find(|c| own.as_deref().is_some_and(|o| c.self_ref.starts_with(o))),
        );
    }
    // Prefer the clause that names the document's own type (`Luật này` in a law), since forms
    // and examples inside a body may carry other clauses (`Quyết định này có hiệu lực …`).
    let chosen = candidates
        .iter()
        .find(|c| own.as_deref().is_some_and(|o| c.self_ref.starts_with(o)))
        .or_else(|| candidates.first());
    if let Some(clause) = chosen {
        let c = &clause.tail;
        let end = clause.at + c.get(0)?.end();
        let span = flat.span(clause.start, end);
        let all_start = clause.start;
        let g = |n: &str| c.name(n).map(|m| m.as_str().to_lowercase());
        let (rule, date) = if let (Some(d), Some(m), Some(y)) = (g("d"), g("m"), g("y")) {
            let date = make_date(&d, &m, &y);
            (
                EffectiveRule::Absolute {
                    date,
                    numeric: false,
                },
                date,
            )
        } else if let (Some(d), Some(m), Some(y)) = (g("nd"), g("nm"), g("ny")) {
            let date = make_date(&d, &m, &y);
            (
                EffectiveRule::Absolute {
                    date,
                    numeric: true,
                },
                date,
            )
        } else if g("unfilled").is_some() {
            // `có hiệu lực từ ngày … tháng … năm 2026`: a clause whose date was never filled in.
            (
                EffectiveRule::Absolute {
                    date: None,
                    numeric: false,
                },
                None,
            )
        } else if let Some(ev) = g("ev") {
            if ev.contains("công báo") {
                (EffectiveRule::Unverifiable { event: ev }, None)
            } else {
                (EffectiveRule::FromSigning { event: ev }, issue)
            }
        } else if let (Some(n), Some(ev)) = (g("n"), g("after")) {
            let days: u32 = n.parse().unwrap_or(0);
            if ev.contains("công báo") {
                (EffectiveRule::Unverifiable { event: ev }, None)
            } else {
                let date = issue.and_then(|d| d.checked_add_signed(Duration::days(days.into())));
                (EffectiveRule::AfterDays { days, event: ev }, date)
            }
        } else {
            return None;
        };
        // Shortened procedure: `rút gọn` in the preamble, or an emergency named in the clause's
        // sentence (these words are too common elsewhere in bodies to count on their own).
        let sentence_end = text[end..].find('.').map(|p| end + p).unwrap_or(text.len());
        let shortened =
            preamble.contains("rút gọn") || SHORTENED.is_match(&text[all_start..sentence_end]);
        return Some(EffectiveDate {
            rule,
            date,
            shortened_procedure: shortened,
            span,
        });
    }
    None
}

/// The passing date stated in the closing sentence (laws, HĐND resolutions).
pub fn find_passed(flat: &FlatText) -> Option<Spanned<NaiveDate>> {
    let text = flat.text.as_str();
    for (p, _) in text.match_indices("thông qua") {
        let Some(c) = PASSED_TAIL.captures(&text[p..]) else {
            continue;
        };
        let Some((start, _)) = subject_before(text, p, &PASSED_SELF, &['.']) else {
            continue;
        };
        let Some(date) = make_date(&c["d"], &c["m"], &c["y"]) else {
            continue;
        };
        let end = p + c.get(0).map(|x| x.end()).unwrap_or(0);
        return Some(Spanned {
            value: date,
            span: flat.span(start, end),
        });
    }
    None
}

/// Signature block and recipients in `text[start..end]` (the closing zone). Returns them and the
/// start of the first closing element found.
pub fn parse_closing(
    text: &str,
    start: usize,
    end: usize,
) -> (Option<SignatureBlock>, Option<Recipients>, Option<usize>) {
    let Some(region) = text.get(start..end) else {
        return (None, None, None);
    };
    let ls = lines(region);
    let mut modes: Vec<SigningMode> = Vec::new();
    let mut on_behalf_of = None;
    let mut titles: Vec<String> = Vec::new();
    let mut signer = None;
    let mut sig_start: Option<usize> = None;
    let mut sig_end = 0;
    let mut recipients: Vec<String> = Vec::new();
    let mut rec_start: Option<usize> = None;
    let mut rec_end = 0;
    let mut in_recipients = false;
    // The last recipients line ended inside an entry (no `;`, `.` or `,`): the next line goes on
    // with it, whatever its first letter (`- Cục Kiểm tra văn bản (Bộ` / `Tư pháp);`).
    let mut entry_open = false;
    let mut after_titles = 0usize;

    for line in &ls {
        let (t, tstart) = line.trimmed();
        let abs = start + tstart;
        if t.is_empty() {
            continue;
        }
        let mut rest = t;
        let mut rest_abs = abs;
        if let Some(m) = NOI_NHAN.find(t) {
            if m.start() == 0 || t[..m.start()].trim().is_empty() {
                in_recipients = true;
                rec_start.get_or_insert(abs);
                rec_end = abs + t.len();
                rest = t[m.end()..].trim();
                rest_abs = abs + (t.len() - rest.len());
            }
        }
        // Signature parts may share the line with a recipient entry (merged columns).
        // Where on the line a signing mode or a position starts, once the signer is not known.
        let sig_at = if signer.is_some() {
            None
        } else if let Some(c) = SIG_MODE.captures(rest) {
            let mode = match &c["mode"] {
                "TM" => SigningMode::ThayMat,
                "KT" => SigningMode::KyThay,
                "Q" => SigningMode::Quyen,
                "TL" => SigningMode::ThuaLenh,
                _ => SigningMode::ThuaUyQuyen,
            };
            modes.push(mode);
            let body = c.name("rest").map(|m| m.as_str().trim().to_string());
            if mode == SigningMode::ThayMat {
                on_behalf_of = body;
            } else if let Some(b) = body.filter(|b| !b.is_empty()) {
                titles.push(b);
            }
            c.get(0).map(|m| m.start())
        } else if let Some(c) = SIG_POS.captures(rest) {
            titles.push(c["pos"].to_string());
            c.get(0).map(|m| m.start())
        } else {
            None
        };
        let sig_part = sig_at.is_some();
        if let Some(m0) = sig_at {
            sig_start.get_or_insert(rest_abs + m0);
            sig_end = abs + t.len();
            after_titles = 0;
            // A block flattened onto one line keeps the name after the titles
            // (`THỨ TRƯỞNG Nguyễn Cẩm Tú`).
            if signer.is_none() {
                signer = name_after_titles(&rest[m0..]).map(str::to_string);
            }
            rest = rest[..m0].trim();
        }
        if !sig_part && sig_start.is_some() && signer.is_none() && after_titles < 8 {
            after_titles += 1;
            if let Some(name) = signer_name(rest) {
                signer = Some(name.to_string());
                sig_end = abs + t.len();
                rest = "";
            }
        }
        if in_recipients {
            let entry = rest.trim_start_matches(['-', '+', '•', '*', ' ']).trim();
            let bulleted = rest.starts_with(['-', '+', '•', '*']);
            if bulleted || (!entry.is_empty() && recipients.is_empty() && rest_abs != abs) {
                for part in entry.split(" - ") {
                    let p = part.trim().trim_end_matches([';', '.', ',']).trim();
                    if !p.is_empty() {
                        recipients.push(p.to_string());
                    }
                }
                rec_end = abs + t.len();
                entry_open = !entry.ends_with([';', '.', ',', ':']);
            } else if !sig_part && !entry.is_empty() && !recipients.is_empty() {
                // A line that is neither a bullet nor a signature part ends the list, unless
                // it continues the previous entry (lowercase start, or the entry left open).
                if entry_open || entry.chars().next().is_some_and(char::is_lowercase) {
                    if let Some(last) = recipients.last_mut() {
                        last.push(' ');
                        last.push_str(entry.trim_end_matches([';', '.']));
                    }
                    rec_end = abs + t.len();
                    entry_open = !entry.ends_with([';', '.', ',', ':']);
                } else if signer.is_some() || sig_start.is_none() {
                    in_recipients = false;
                }
            }
        }
    }
    let signature = sig_start.map(|s| SignatureBlock {
        modes: if modes.is_empty() {
            vec![SigningMode::Direct]
        } else {
            modes
        },
        on_behalf_of,
        titles,
        signer,
        span: Span::new(s, sig_end.max(s)),
    });
    let recips = rec_start.map(|s| Recipients {
        entries: recipients,
        span: Span::new(s, rec_end.max(s)),
    });
    let first = [sig_start, rec_start].into_iter().flatten().min();
    (signature, recips, first)
}

/// A line of a signature block (`KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`).
pub fn is_signature_line(t: &str) -> bool {
    // Cheap gates first (this runs on every line before the signature): a signing mode is an
    // abbreviation with a dot, a position title ends the line in capitals.
    (t.contains('.') && SIG_MODE.is_match(t))
        || (t
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(char::is_uppercase)
            && SIG_POS.is_match(t))
}

/// Ranks and degrees written before a signer's name (`Thượng tướng Vũ Hải Sản`, `GS.TS. …`).
const NAME_PREFIXES: &[&str] = &[
    "Đại tướng ",
    "Thượng tướng ",
    "Trung tướng ",
    "Thiếu tướng ",
    "Đại tá ",
    "Thượng tá ",
    "Trung tá ",
    "Thiếu tá ",
    "GS.TS. ",
    "PGS.TS. ",
    "GS.TSKH. ",
    "TS. ",
    "ThS. ",
];

/// The first run of 2 to 6 capitalised words with lower-case letters after a signature's
/// titles on one line: the signer's name, when the block was flattened.
fn name_after_titles(t: &str) -> Option<&str> {
    let title_case = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && w.chars().count() > 1
    };
    let mut start = None;
    let mut end = 0;
    let mut count = 0;
    for (i, w) in t.split(' ').scan(0usize, |pos, w| {
        let at = *pos;
        *pos += w.len() + 1;
        Some((at, w))
    }) {
        if title_case(w) {
            start.get_or_insert(i);
            end = i + w.len();
            count += 1;
        } else if start.is_some() {
            break;
        }
    }
    let name = &t[start.unwrap_or(0)..end];
    // Words that open a title in sentence case (`Phó Chủ tịch`), never a family name.
    const NOT_FAMILY: &[&str] = &[
        "Phó", "Chủ", "Bộ", "Thủ", "Thứ", "Giám", "Tổng", "Cục", "Ủy",
    ];
    let first = name.split(' ').next().unwrap_or("");
    ((2..=6).contains(&count) && !NOT_FAMILY.contains(&first)).then_some(name)
}

/// A signer's name: 2 to 6 words, each capitalized, letters only (`Nguyễn Hòa Bình`,
/// `NGUYỄN VĂN A`), not a placeholder like `(Đã ký)`; a rank before it is not part of it.
fn signer_name(t: &str) -> Option<&str> {
    let mut t = t.trim();
    if let Some(p) = NAME_PREFIXES.iter().find(|p| t.starts_with(**p)) {
        t = t[p.len()..].trim_start();
    }
    if t.starts_with('(') || t.starts_with('[') || t.contains(':') {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) {
        return None;
    }
    let ok = words.iter().all(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_alphabetic)
    });
    const NOT_NAMES: &[&str] = &[
        "CHỦ TỊCH",
        "ỦY BAN",
        "HỘI ĐỒNG",
        "BỘ TRƯỞNG",
        "CHÍNH PHỦ",
        "QUỐC HỘI",
        "Đã ký",
        "THỦ TƯỚNG",
    ];
    if !ok || NOT_NAMES.iter().any(|n| t.contains(n)) {
        return None;
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eff(s: &str, issue: Option<NaiveDate>) -> Option<EffectiveDate> {
        find_effective(&FlatText::new(s, 0), &[], issue, "", Some("quyết định"))
    }

    #[test]
    fn a_clause_swallowed_by_an_unclosed_quotation_is_still_the_documents() {
        let text = "6. Bổ sung Điều 15a như sau:\n“Điều 15a. Phối hợp tuyên truyền\nNghị định này có hiệu lực thi hành từ ngày 10 tháng 3 năm 2018.";
        let quoted = [Span::new(text.find('“').unwrap(), text.len())];
        let e = find_effective(
            &FlatText::new(text, 0),
            &quoted,
            NaiveDate::from_ymd_opt(2018, 1, 24),
            "",
            Some("nghị định"),
        )
        .expect("the document's clause");
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2018, 3, 10));
        // Another type's clause inside a quotation stays quoted text.
        assert!(
            find_effective(&FlatText::new(text, 0), &quoted, None, "", Some("thông tư")).is_none()
        );
    }

    #[test]
    fn a_portal_note_about_an_amendment_is_not_the_effective_clause() {
        let d = NaiveDate::from_ymd_opt(2024, 9, 16);
        let e = eff(
            "1. Quy định chi tiết [Khoản này được bổ sung bởi Nghị định 225/2025/NĐ-CP có hiệu lực từ ngày 15/08/2025] Luật Đấu thầu.\nNghị định này có hiệu lực thi hành từ ngày 16 tháng 9 năm 2024.",
            d,
        )
        .unwrap();
        assert_eq!(e.date, d);
    }

    #[test]
    fn effective_forms() {
        let d = NaiveDate::from_ymd_opt(2020, 3, 5);
        let e = eff(
            "Quyết định này có hiệu lực kể từ ngày 15 tháng 3 năm 2020.",
            d,
        )
        .expect("abs");
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2020, 3, 15));
        let e = eff("Quyết định này có hiệu lực thi hành kể từ ngày ký.", d).expect("sign");
        assert!(matches!(e.rule, EffectiveRule::FromSigning { .. }));
        assert_eq!(e.date, d);
        let e = eff("Quyết định này có hiệu lực sau 10 ngày, kể từ ngày ký.", d).expect("after");
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2020, 3, 15));
        let e = eff(
            "Nghị định này có hiệu lực sau 15 ngày kể từ ngày đăng Công báo.",
            d,
        )
        .expect("gazette");
        assert!(matches!(e.rule, EffectiveRule::Unverifiable { .. }));
        let e = eff("Quyết định này có hiệu lực từ ngày 15/3/2020.", d).expect("num");
        assert!(matches!(
            e.rule,
            EffectiveRule::Absolute { numeric: true, .. }
        ));
        assert!(eff("Điều 5. Không có.", d).is_none());
    }

    #[test]
    fn signature_and_recipients() {
        let t = "Nơi nhận:\n- Như Điều 3;\n- Bộ Tư pháp (Cục KTVB);\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Văn An";
        let (s, r, first) = parse_closing(t, 0, t.len());
        let s = s.expect("signature");
        assert_eq!(s.modes, [SigningMode::ThayMat, SigningMode::KyThay]);
        assert_eq!(s.on_behalf_of.as_deref(), Some("ỦY BAN NHÂN DÂN"));
        assert_eq!(s.titles, ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
        assert_eq!(s.signer.as_deref(), Some("Nguyễn Văn An"));
        let r = r.expect("recipients");
        assert_eq!(
            r.entries,
            ["Như Điều 3", "Bộ Tư pháp (Cục KTVB)", "Lưu: VT"]
        );
        assert_eq!(first, Some(0));
    }

    #[test]
    fn a_recipient_broken_over_lines_is_one_entry() {
        let t = "Nơi nhận:\n- Như Điều 3;\n- Cục Kiểm tra văn bản QPPL (Bộ\nTư pháp);\n- Lưu: VT.\nBỘ TRƯỞNG\nNguyễn Văn An";
        let (_, r, _) = parse_closing(t, 0, t.len());
        assert_eq!(
            r.expect("recipients").entries,
            [
                "Như Điều 3",
                "Cục Kiểm tra văn bản QPPL (Bộ Tư pháp)",
                "Lưu: VT"
            ]
        );
    }

    #[test]
    fn merged_columns() {
        let t = "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như Điều 3; CHỦ TỊCH\n- Lưu VT.\nTrần Văn B";
        let (s, r, _) = parse_closing(t, 0, t.len());
        let s = s.expect("signature");
        assert_eq!(s.modes, [SigningMode::ThayMat]);
        assert_eq!(s.titles, ["CHỦ TỊCH"]);
        assert_eq!(s.signer.as_deref(), Some("Trần Văn B"));
        assert_eq!(r.expect("recipients").entries, ["Như Điều 3", "Lưu VT"]);
    }

    #[test]
    fn signer_after_a_rank_or_on_a_flattened_line() {
        assert_eq!(signer_name("Thượng tướng Vũ Hải Sản"), Some("Vũ Hải Sản"));
        assert_eq!(signer_name("(Đã ký)"), None);
        assert_eq!(
            name_after_titles("THỨ TRƯỞNG Nguyễn Cẩm Tú KT. BỘ TRƯỞNG BỘ TÀI CHÍNH"),
            Some("Nguyễn Cẩm Tú")
        );
        assert_eq!(name_after_titles("KT. BỘ TRƯỞNG THỨ TRƯỞNG"), None);
    }
}
