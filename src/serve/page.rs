//! HTML of the reviewer pages (server-rendered, no script). Every value goes through
//! [`escape_html`]; snippets are already escaped by the index.

use super::Params;
use crate::check::Severity;
use crate::index::{escape_html as esc, parse_filter, FilterValue, SearchResults, StoredDocument};
use crate::parse::{DocType, Level};
use std::fmt::Write;

const STYLE: &str = "body{font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;margin:0;color:#1d2733;background:#f5f6f8}\
header{background:#8b1a1a;color:#fff;padding:10px 24px}header a{color:#fff;text-decoration:none;font-weight:600;font-size:18px}\
main{max-width:1100px;margin:0 auto;padding:16px 24px}form.search{background:#fff;padding:14px;border-radius:6px;box-shadow:0 1px 2px #0002}\
.q{display:flex;gap:8px}.q input{flex:1;font-size:16px;padding:8px}button{background:#8b1a1a;color:#fff;border:0;padding:8px 18px;border-radius:4px;font-size:15px;cursor:pointer}\
.filters{display:flex;flex-wrap:wrap;gap:10px;margin-top:10px;font-size:13px}.filters label{display:flex;flex-direction:column;gap:2px}\
.filters input,.filters select{padding:4px;font-size:13px}.count{margin:14px 0 6px;color:#555}\
.hit{background:#fff;padding:12px 14px;margin:8px 0;border-radius:6px;box-shadow:0 1px 2px #0001}.hit h3{margin:0 0 4px;font-size:16px}\
.hit h3 a{color:#0b4a8b;text-decoration:none}.meta{font-size:13px;color:#555}.snip{margin-top:6px;font-size:14px;line-height:1.45}\
.snip b{background:#fff2a8;font-weight:600}.err{background:#fde8e8;color:#8b1a1a;padding:10px;border-radius:4px;margin-top:12px}\
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}td,th{border:1px solid #ddd;padding:5px 8px;text-align:left;vertical-align:top}\
th{background:#eef0f3}.sev-error{color:#b00020;font-weight:600}.sev-warning{color:#a15c00;font-weight:600}.sev-info{color:#2a5d9f}\
pre{white-space:pre-wrap;background:#fff;padding:14px;border-radius:6px;font-size:14px;line-height:1.5}mark{background:#ffd6d6}\
.pager{margin:12px 0;display:flex;gap:14px}";

fn shell(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>{}</title><style>{STYLE}</style></head><body><header><a href=\"/\">Tra cứu văn bản quy phạm pháp luật</a></header><main>{body}</main></body></html>",
        esc(title)
    )
}

/// Percent-encode a query-string value.
fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// The Vietnamese name of a stored type key (the key itself if the type is unknown).
fn type_label(key: Option<&str>) -> String {
    match key {
        Some(k) => match DocType::from_key(k) {
            Some(t) => t.label_vi().to_string(),
            None => k.to_string(),
        },
        None => String::new(),
    }
}

/// The option to show selected: the key of what the user typed (`Nghị định` → `nghi_dinh`).
fn selected_key<T: FilterValue>(input: &str, key: impl Fn(T) -> &'static str) -> String {
    parse_filter::<T>(input).map_or_else(|_| input.trim().to_string(), |t| key(t).to_string())
}

fn select(name: &str, current: &str, options: &[(String, String)]) -> String {
    let mut s = format!("<select name=\"{name}\"><option value=\"\">Tất cả</option>");
    for (value, label) in options {
        let selected = if value == current { " selected" } else { "" };
        let _ = write!(
            s,
            "<option value=\"{}\"{selected}>{}</option>",
            esc(value),
            esc(label)
        );
    }
    s.push_str("</select>");
    s
}

fn input(label: &str, name: &str, value: &str, kind: &str, placeholder: &str) -> String {
    format!(
        "<label>{label}<input type=\"{kind}\" name=\"{name}\" value=\"{}\" placeholder=\"{}\"></label>",
        esc(value),
        esc(placeholder)
    )
}

fn form(p: &Params) -> String {
    let types: Vec<(String, String)> = DocType::ALL
        .iter()
        .map(|t| (t.key().to_string(), t.label_vi().to_string()))
        .collect();
    let levels: Vec<(String, String)> = Level::ALL
        .iter()
        .filter(|l| **l != Level::Unknown)
        .map(|l| (l.key().to_string(), l.label_vi().to_string()))
        .collect();
    let severities: Vec<(String, String)> = Severity::ALL
        .iter()
        .rev()
        .map(|s| (s.as_str().to_string(), s.label_vi().to_string()))
        .collect();
    let sorts = vec![
        ("relevance".to_string(), "Liên quan nhất".to_string()),
        ("date_desc".to_string(), "Mới nhất".to_string()),
        ("date_asc".to_string(), "Cũ nhất".to_string()),
    ];
    format!(
        "<form class=\"search\" method=\"get\" action=\"/\"><div class=\"q\"><input name=\"q\" value=\"{q}\" autofocus \
placeholder=\"Từ khóa, &quot;cụm từ&quot;, số ký hiệu (15/2020/QĐ-UBND)…\"><button type=\"submit\">Tìm kiếm</button></div>\
<div class=\"filters\"><label>Loại văn bản{types}</label>{issuer}<label>Cấp ban hành{levels}</label>{year}{from}{to}{rule}\
<label>Mức độ lỗi{sev}</label><label>Sắp xếp{sort}</label></div></form>",
        q = esc(&p.q),
        types = select("type", &selected_key(&p.doc_type, DocType::key), &types),
        issuer = input("Cơ quan ban hành", "issuer", &p.issuer, "text", "Thái Nguyên"),
        levels = select("level", &selected_key(&p.level, Level::key), &levels),
        year = input("Năm", "year", &p.year, "number", "2020"),
        from = input("Từ ngày", "from", &p.from, "date", ""),
        to = input("Đến ngày", "to", &p.to, "date", ""),
        rule = input("Lỗi (mã)", "rule", &p.rule, "text", "HL-002"),
        sev = select("severity", &selected_key(&p.severity, Severity::as_str), &severities),
        sort = select("sort", p.sort.trim(), &sorts),
    )
}

/// Query string of the current search, for pager links.
fn query_string(p: &Params, page: usize) -> String {
    let pairs = [
        ("q", &p.q),
        ("type", &p.doc_type),
        ("issuer", &p.issuer),
        ("level", &p.level),
        ("year", &p.year),
        ("from", &p.from),
        ("to", &p.to),
        ("rule", &p.rule),
        ("severity", &p.severity),
        ("sort", &p.sort),
    ];
    let mut s: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", url_encode(v)))
        .collect();
    s.push(format!("page={page}"));
    s.join("&")
}

pub(crate) fn search(
    p: &Params,
    total_docs: u64,
    results: Option<&SearchResults>,
    error: Option<&str>,
) -> String {
    let mut body = form(p);
    if let Some(msg) = error {
        let _ = write!(body, "<div class=\"err\">{}</div>", esc(msg));
    }
    match results {
        None => {
            let _ = write!(
                body,
                "<p class=\"count\">Chỉ mục có {total_docs} văn bản.</p>"
            );
        }
        Some(r) => {
            let about = if r.total_exact { "" } else { "khoảng " };
            let _ = write!(
                body,
                "<p class=\"count\">Tìm thấy {about}{} văn bản.</p>",
                r.total
            );
            for hit in &r.hits {
                let title = hit.title.as_deref().unwrap_or(&hit.path);
                let mut meta = Vec::new();
                if let Some(n) = &hit.number {
                    meta.push(format!("Số: <b>{}</b>", esc(n)));
                }
                let t = type_label(hit.doc_type.as_deref());
                if !t.is_empty() {
                    meta.push(esc(&t));
                }
                if let Some(i) = &hit.issuer {
                    meta.push(esc(i));
                }
                if let Some(d) = &hit.issue_date {
                    meta.push(format!("ngày {}", esc(d)));
                }
                let _ = write!(
                    body,
                    "<div class=\"hit\"><h3><a href=\"/doc?path={}\">{}</a></h3><div class=\"meta\">{}</div>\
<div class=\"snip\">{}</div></div>",
                    url_encode(&hit.path),
                    esc(title),
                    meta.join(" · "),
                    hit.snippet
                );
            }
            let page = p.page();
            let per_page = r.hits.len().max(1);
            body.push_str("<div class=\"pager\">");
            if page > 1 {
                let _ = write!(
                    body,
                    "<a href=\"/?{}\">← Trang trước</a>",
                    esc(&query_string(p, page - 1))
                );
            }
            if page * per_page < r.total && !r.hits.is_empty() {
                let _ = write!(
                    body,
                    "<a href=\"/?{}\">Trang sau →</a>",
                    esc(&query_string(p, page + 1))
                );
            }
            body.push_str("</div>");
        }
    }
    shell("Tìm kiếm văn bản", &body)
}

/// The text with each finding's span marked (spans that overlap an earlier one are skipped).
fn marked_text(doc: &StoredDocument) -> String {
    let text = &doc.body;
    let mut spans: Vec<(usize, usize, usize)> = doc
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            f.start < f.end
                && f.end <= text.len()
                && text.is_char_boundary(f.start)
                && text.is_char_boundary(f.end)
        })
        .map(|(i, f)| (f.start, f.end, i))
        .collect();
    spans.sort();
    let mut out = String::with_capacity(text.len() + spans.len() * 40);
    let mut pos = 0;
    for (start, end, i) in spans {
        if start < pos {
            continue;
        }
        out.push_str(&esc(&text[pos..start]));
        let _ = write!(
            out,
            "<mark id=\"f{i}\" title=\"{}\">{}</mark>",
            esc(doc.findings[i].rule.as_str()),
            esc(&text[start..end])
        );
        pos = end;
    }
    out.push_str(&esc(&text[pos..]));
    out
}

/// The document page; with `review`, each finding's review status and fingerprint.
pub(crate) fn document(
    doc: &StoredDocument,
    review: Option<&[(crate::review::Fingerprint, Option<crate::review::Decision>)]>,
) -> String {
    let title = doc.title.clone().unwrap_or_else(|| doc.path.clone());
    let mut body = format!("<h2>{}</h2><table>", esc(&title));
    let opt_date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows = [
        ("Số, ký hiệu", doc.number.clone().unwrap_or_default()),
        ("Loại văn bản", type_label(doc.doc_type.as_deref())),
        ("Cơ quan ban hành", doc.issuer.clone().unwrap_or_default()),
        (
            "Cấp ban hành",
            doc.level
                .as_deref()
                .and_then(Level::from_key)
                .unwrap_or(Level::Unknown)
                .label_vi()
                .to_string(),
        ),
        ("Ngày ban hành", opt_date(doc.issue_date)),
        ("Ngày có hiệu lực", opt_date(doc.effective_date)),
        ("Tệp", doc.path.clone()),
        (
            "Nguồn",
            format!(
                "{} · {} trang · lớp chữ: {} · bảng mã: {}",
                doc.format.as_deref().unwrap_or("?"),
                doc.pages.unwrap_or(0),
                doc.text_layer.as_deref().unwrap_or("?"),
                doc.encoding.as_deref().unwrap_or("?")
            ),
        ),
    ];
    for (k, v) in rows {
        let _ = write!(body, "<tr><th>{k}</th><td>{}</td></tr>", esc(&v));
    }
    body.push_str("</table>");
    let _ = write!(body, "<h3>Lỗi phát hiện ({})</h3>", doc.findings.len());
    if doc.findings.is_empty() {
        body.push_str("<p>Không phát hiện lỗi.</p>");
    } else {
        body.push_str(
            "<table><tr><th>Mã lỗi</th><th>Mức độ</th><th>Dòng</th><th>Nội dung</th><th>Căn cứ</th>",
        );
        if review.is_some() {
            body.push_str("<th>Rà soát</th>");
        }
        body.push_str("</tr>");
        for (i, f) in doc.findings.iter().enumerate() {
            let sev = f.severity.as_str();
            let sev_label = f.severity.label_vi();
            let line = if f.line == 0 {
                "—".to_string()
            } else {
                format!("<a href=\"#f{i}\">{}</a>", f.line)
            };
            let _ = write!(
                body,
                "<tr><td>{}</td><td class=\"sev-{sev}\">{}</td><td>{line}</td><td>{}</td><td>{}</td>",
                esc(f.rule.as_str()),
                sev_label,
                esc(&f.message),
                esc(&f.legal_basis)
            );
            if let Some((fp, decision)) = review.and_then(|r| r.get(i)) {
                let status = decision
                    .as_ref()
                    .map_or(crate::review::NOT_REVIEWED_VI, |d| d.status.label_vi());
                let note = decision
                    .as_ref()
                    .and_then(|d| d.note.as_deref())
                    .unwrap_or("");
                let _ = write!(
                    body,
                    "<td>{}<br><small>{}</small><br><code>{}</code></td>",
                    esc(status),
                    esc(note),
                    esc(fp.as_str())
                );
            }
            body.push_str("</tr>");
        }
        body.push_str("</table>");
    }
    let _ = write!(body, "<h3>Toàn văn</h3><pre>{}</pre>", marked_text(doc));
    shell(&title, &body)
}

/// A page with one error message, for any failed request but a missing document.
pub(crate) fn error(message: &str) -> String {
    shell(
        "Lỗi",
        &format!(
            "<div class=\"err\">{}</div><p><a href=\"/\">Tìm kiếm</a></p>",
            esc(message)
        ),
    )
}

pub(crate) fn not_found(what: &str) -> String {
    shell(
        "Không tìm thấy",
        &format!(
            "<div class=\"err\">Không tìm thấy văn bản: {}</div><p><a href=\"/\">Tìm kiếm</a></p>",
            esc(what)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_encoding_and_escaping() {
        assert_eq!(url_encode("a b/Đ&"), "a%20b%2F%C4%90%26");
        let p = Params {
            q: "<script>\"x\"".into(),
            ..Params::default()
        };
        let html = search(&p, 3, None, Some("<b>"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;&quot;x&quot;"));
        assert!(html.contains("&lt;b&gt;"));
    }
}
