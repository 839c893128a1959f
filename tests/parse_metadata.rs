//! Measures `normalize` + `parse` against the metadata shipped with the shared corpus: number,
//! type, issue date (exact), issuer and effective date, per folder and per split (the held-out
//! part, not used for tuning, is every file whose base name's MD5 digest has a first byte
//! divisible by 5, as in `scripts/warning_budget.py`). `pdf-congbao` is read twice: its shipped
//! `.txt` and our own extraction of its PDF. Prints the figures and asserts floors per folder.
//! Skips with a message when the shared corpus is absent.

mod shared_corpus;

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use vbqppl::check::tables;
use vbqppl::extract::{extract_file, Limits};
use vbqppl::normalize::{normalize, number_key};
use vbqppl::parse::{parse, DocType, Document};

#[derive(Default, Debug)]
struct Score {
    total: usize,
    ok: usize,
    misses: Vec<String>,
}

impl Score {
    fn add(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.ok += 1;
        } else if self.misses.len() < max_misses() {
            self.misses.push(what());
        }
    }
    fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.ok as f64 / self.total as f64
        }
    }
}

/// How many misses to print per figure (`VBQPPL_MISSES`, default 12).
fn max_misses() -> usize {
    std::env::var("VBQPPL_MISSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
}

fn doc_of(raw: &str) -> Document {
    parse(&normalize(raw))
}

fn key_of(d: &Document) -> Option<String> {
    d.number.as_ref().map(|n| n.key.clone())
}

fn type_from_title(title: &str) -> Option<DocType> {
    const PREFIXES: &[(&str, DocType)] = &[
        ("Nghị quyết liên tịch", DocType::NghiQuyetLienTich),
        ("Thông tư liên tịch", DocType::ThongTuLienTich),
        ("Văn bản hợp nhất", DocType::VanBanHopNhat),
        ("Hiến pháp", DocType::HienPhap),
        ("Nghị quyết", DocType::NghiQuyet),
        ("Nghị định", DocType::NghiDinh),
        ("Quyết định", DocType::QuyetDinh),
        ("Thông tư", DocType::ThongTu),
        ("Chỉ thị", DocType::ChiThi),
        ("Pháp lệnh", DocType::PhapLenh),
        ("Bộ luật", DocType::BoLuat),
        ("Luật", DocType::Luat),
        ("Lệnh", DocType::Lenh),
    ];
    let t = normalize(title);
    PREFIXES
        .iter()
        .find(|(p, _)| t.starts_with(p))
        .map(|(_, d)| *d)
}

fn dmy(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%d/%m/%Y").ok()
}

#[derive(Default)]
struct Scores {
    number: Score,
    doc_type: Score,
    /// Against the metadata as shipped.
    issue_raw: Score,
    /// Against the metadata with the hand-checked corrections applied.
    issue: Score,
    /// Documents whose text carries no issue date (the metadata's is a cited document's).
    issue_absent: usize,
    issuer: Score,
    /// Documents whose metadata issuer is no body (a type name, the national title).
    issuer_unusable: usize,
    effective: Score,
    year: Score,
}

/// The held-out part of the corpus (not used for tuning): `md5(basename)[0] % 5 == 0`, the
/// split of `scripts/warning_budget.py`.
fn held_out(name: &str) -> bool {
    use md5::Digest;
    let base = name.rsplit('/').next().unwrap_or(name);
    md5::Md5::digest(base.as_bytes())[0] % 5 == 0
}

/// Picks one figure out of a folder's scores.
type Pick = fn(&Scores) -> &Score;

/// The figures of one corpus folder, kept apart for the tuning and the held-out parts.
struct Folder {
    name: &'static str,
    tune: Scores,
    held: Scores,
}

impl Folder {
    fn new(name: &'static str) -> Self {
        Folder {
            name,
            tune: Scores::default(),
            held: Scores::default(),
        }
    }
    fn split(&mut self, file: &str) -> &mut Scores {
        if held_out(file) {
            &mut self.held
        } else {
            &mut self.tune
        }
    }
    /// Rate over both parts of the figure `pick` selects.
    fn rate(&self, pick: Pick) -> f64 {
        let (a, b) = (pick(&self.tune), pick(&self.held));
        let total = a.total + b.total;
        if total == 0 {
            1.0
        } else {
            (a.ok + b.ok) as f64 / total as f64
        }
    }
    fn report(&self) {
        const FIGURES: &[(&str, Pick)] = &[
            ("number (exact key)", |s| &s.number),
            ("type", |s| &s.doc_type),
            ("issue date (raw metadata)", |s| &s.issue_raw),
            ("issue date (exact)", |s| &s.issue),
            ("issue year", |s| &s.year),
            ("issuer", |s| &s.issuer),
            ("effective date (exact)", |s| &s.effective),
        ];
        println!("== {} ==", self.name);
        for (label, pick) in FIGURES {
            let (t, h) = (pick(&self.tune), pick(&self.held));
            if t.total + h.total == 0 {
                continue;
            }
            println!(
                "  {label:<26} all {:6.2} % ({:>3}/{:<3})  tune {:6.2} % ({:>3}/{:<3})  held-out {:6.2} % ({:>3}/{:<3})",
                100.0 * self.rate(*pick),
                t.ok + h.ok,
                t.total + h.total,
                100.0 * t.rate(),
                t.ok,
                t.total,
                100.0 * h.rate(),
                h.ok,
                h.total,
            );
            for m in t.misses.iter().chain(&h.misses) {
                println!("      miss: {m}");
            }
        }
        let absent = self.tune.issue_absent + self.held.issue_absent;
        if absent > 0 {
            println!(
                "    ({absent} documents whose text has no issue date left out; metadata dates \
                 corrected by hand in tests/fixtures/vbpl_issue_date_corrections.jsonl)"
            );
        }
        let unusable = self.tune.issuer_unusable + self.held.issuer_unusable;
        if unusable > 0 {
            println!("    ({unusable} documents whose metadata issuer names no body left out)");
        }
    }
}

/// An issuer name compared loosely: NFC and one tone-mark convention, upper case, `UỶ` = `ỦY`,
/// punctuation and no-break spaces as spaces, single spaces.
fn canon(s: &str) -> String {
    normalize(s)
        .to_uppercase()
        .replace("UỶ", "ỦY")
        .replace(['-', '–', '—', ',', '\u{a0}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Bodies named by symbols that are not ministries.
const CENTRAL: &[(&str, &str)] = &[
    ("CP", "CHÍNH PHỦ"),
    ("TTG", "THỦ TƯỚNG CHÍNH PHỦ"),
    ("QH", "QUỐC HỘI"),
    ("UBTVQH", "ỦY BAN THƯỜNG VỤ QUỐC HỘI"),
    ("CTN", "CHỦ TỊCH NƯỚC"),
    ("TANDTC", "TÒA ÁN NHÂN DÂN TỐI CAO"),
    ("VKSNDTC", "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO"),
    ("KTNN", "KIỂM TOÁN NHÀ NƯỚC"),
    ("HDTP", "HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO"),
];

/// Complete names of central bodies: a metadata issuer cut at its line break must be the start
/// of one of these.
fn known_body(name: &str) -> bool {
    CENTRAL.iter().any(|(_, n)| canon(n) == name)
        || tables::MINISTRIES.iter().any(|m| canon(m.name) == name)
        || name == "BẢO HIỂM XÃ HỘI VIỆT NAM"
}

/// The bodies a number's symbol names (`TTLT-BCA-BQP` → both ministries), canonical.
fn bodies_of_key(key: &str) -> Option<Vec<String>> {
    let sym = key.rsplit('/').next()?;
    let parts: Vec<&str> = sym.split('-').collect();
    let bodies = if parts.len() > 1 {
        &parts[1..]
    } else {
        &parts[..]
    };
    bodies
        .iter()
        .map(|b| {
            let b = b
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .to_uppercase();
            CENTRAL
                .iter()
                .find(|(abbr, _)| *abbr == b)
                .map(|(_, n)| canon(n))
                .or_else(|| tables::ministry_by_initials(&b).map(|m| canon(m.name)))
        })
        .collect()
}

/// Our issuer names exactly the bodies expected, each once, in any order (joint issuers).
fn names_bodies(got: &str, bodies: &[String]) -> bool {
    let mut rest = format!(" {got} ");
    for b in bodies {
        let needle = format!(" {b} ");
        let Some(p) = rest.find(&needle) else {
            return false;
        };
        rest.replace_range(p..p + needle.len(), " ");
    }
    rest.trim().is_empty()
}

fn issuer_of(d: &Document) -> Option<String> {
    d.issuer.as_ref().map(|i| canon(&i.name))
}

/// A hand-checked correction of `text-vbpl/metadata.jsonl`: the crawler's `ngay_ban_hanh` is
/// the first date on the page, which for these documents is the date of a document cited in
/// the title or the preamble (`metadata_source` shows where). `actual` is the issue date the
/// text gives (`evidence`), or none when the text carries none (no header, unfilled date).
#[derive(serde::Deserialize)]
struct IssueCorrection {
    file: String,
    metadata: NaiveDate,
    actual: Option<NaiveDate>,
    metadata_source: String,
    evidence: String,
}

impl IssueCorrection {
    /// The fixture must still describe the corpus: same metadata, and both quotes present.
    fn verify(&self, meta: NaiveDate, text: &str) {
        assert_eq!(self.metadata, meta, "{}: metadata changed", self.file);
        assert!(
            text.contains(&self.metadata_source),
            "{}: metadata source not in text",
            self.file
        );
        let cited = format!(
            "ngày {} tháng {} năm {}",
            self.metadata.format("%d"),
            self.metadata.format("%m"),
            self.metadata.format("%Y")
        );
        let loose = |x: &str| x.to_lowercase().replace(" 0", " ");
        assert!(
            loose(&self.metadata_source).contains(&loose(&cited)),
            "{}: metadata source does not show the metadata date",
            self.file
        );
        assert!(
            self.actual.is_none() || text.contains(&self.evidence),
            "{}: evidence not in text",
            self.file
        );
    }
}

fn issue_corrections() -> HashMap<String, IssueCorrection> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/vbpl_issue_date_corrections.jsonl");
    let text = fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<IssueCorrection>(l).expect("valid correction line"))
        .map(|c| (c.file.clone(), c))
        .collect()
}

fn vbpl(corpus: &Path, f: &mut Folder) {
    let corrections = issue_corrections();
    assert!(!corrections.is_empty(), "corrections fixture missing");
    let dir = corpus.join("text-vbpl");
    let Ok(meta) = fs::read_to_string(dir.join("metadata.jsonl")) else {
        println!("text-vbpl/metadata.jsonl missing: skipped");
        return;
    };
    for line in meta.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if v["kind"].as_str() != Some("full-vi") {
            continue;
        }
        let Some(file) = v["file"].as_str().and_then(|f| f.rsplit('/').next()) else {
            continue;
        };
        let Ok(raw) = fs::read_to_string(dir.join(file)) else {
            continue;
        };
        let d = doc_of(&raw);
        let s = f.split(file);
        if let Some(line) = v["issuer_line"].as_str() {
            let want = canon(line);
            let got = issuer_of(&d);
            if ["THÔNG TƯ", "NGHỊ ĐỊNH", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "LUẬT"]
                .contains(&want.as_str())
                || want.starts_with("CỘNG HÒA")
            {
                s.issuer_unusable += 1;
            } else {
                // The crawler kept the first line of the issuer: a body cut at its line
                // break (`BỘ NÔNG NGHIỆP VÀ`) is the start of a complete known name, and a
                // joint issuer (its symbol names several bodies) starts with the first body.
                let joint = d
                    .number
                    .as_ref()
                    .is_some_and(|n| n.issuer_abbr.contains('-'));
                let ok = got.as_deref().is_some_and(|g| {
                    g == want || (g.starts_with(want.as_str()) && (known_body(g) || joint))
                });
                s.issuer.add(ok, || {
                    format!("vbpl {file}: issuer {got:?} metadata {want:?}")
                });
            }
        }
        if let Some(so) = v["so_hieu"].as_str() {
            let want = number_key(so);
            let got = key_of(&d);
            // Some metadata numbers are cut (`78/202`, `73/2025`, `102/2025/NQLT`): no symbol
            // after the type, so only their start can be compared.
            let cut = !want.contains('-') && !want.contains("QH");
            let ok = match got.as_deref() {
                Some(g) if cut => g.starts_with(want.as_str()),
                g => g == Some(want.as_str()),
            };
            s.number
                .add(ok, || format!("vbpl {file}: number {got:?} want {want}"));
        }
        if let Some(want) = v["title"].as_str().and_then(type_from_title) {
            let got = d.doc_type.as_ref().map(|t| t.value);
            s.doc_type.add(got == Some(want), || {
                format!("vbpl {file}: type {got:?} want {want:?}")
            });
        }
        if let Some(meta) = v["ngay_ban_hanh"]
            .as_str()
            .and_then(|x| NaiveDate::parse_from_str(x, "%Y-%m-%d").ok())
        {
            let got = d.issue_date();
            s.issue_raw.add(got == Some(meta), || {
                format!("vbpl {file}: issue {got:?} metadata {meta}")
            });
            let want = match corrections.get(file) {
                Some(c) => {
                    c.verify(meta, &d.text);
                    c.actual
                }
                None => Some(meta),
            };
            match want {
                Some(want) => s.issue.add(got == Some(want), || {
                    format!("vbpl {file}: issue {got:?} want {want}")
                }),
                None => s.issue_absent += 1,
            }
        }
        if let Some(want) = v["ngay_hieu_luc"].as_str().and_then(dmy) {
            let got = d.effective.as_ref().and_then(|e| e.date);
            s.effective.add(got == Some(want), || {
                format!(
                    "vbpl {file}: effective {got:?} want {want} ({:?})",
                    d.effective.as_ref().map(|e| &e.rule)
                )
            });
        }
    }
}

/// `thong-tu-so-09-2022-tt-bldtbxh-37256` → `09/2022/TT-BLDTBXH` (already a key).
fn key_from_slug(slug: &str) -> Option<String> {
    if slug.contains('/') {
        let num = slug.rsplit(' ').next()?;
        return Some(number_key(num));
    }
    let (_, rest) = slug.split_once("-so-")?;
    let rest = rest.rsplit_once('-')?.0;
    let parts: Vec<&str> = rest.split('-').collect();
    let serial = parts.first()?;
    let (year, sym) = match parts.get(1) {
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => (Some(*y), &parts[2..]),
        _ => (None, &parts[1..]),
    };
    let sym = sym.join("-").to_uppercase();
    Some(match year {
        Some(y) => format!("{serial}/{y}/{sym}"),
        None => format!("{serial}/{sym}"),
    })
}

/// `pdf-congbao`: the shipped `.txt` (`from_pdf` false) or our extraction of the PDF.
fn congbao(corpus: &Path, f: &mut Folder, from_pdf: bool) {
    let dir = corpus.join("pdf-congbao");
    if !dir.is_dir() {
        println!("pdf-congbao missing: skipped");
        return;
    }
    for jf in shared_corpus::files(&dir, &["json"]) {
        let Ok(js) = fs::read_to_string(&jf) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&js) else {
            continue;
        };
        let raw = if from_pdf {
            match extract_file(&jf.with_extension("pdf"), &Limits::default()) {
                Ok(x) => Some(x.text),
                Err(e) => {
                    println!("congbao {}: {e}", jf.display());
                    Some(String::new())
                }
            }
        } else {
            fs::read_to_string(jf.with_extension("txt"))
                .ok()
                .or_else(|| v["full_text"].as_str().map(str::to_string))
        };
        let Some(raw) = raw else { continue };
        let name = jf
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let d = doc_of(&raw);
        let s = f.split(&name);
        let want_key = v["so_hieu"].as_str().and_then(key_from_slug);
        if let Some(want) = &want_key {
            let got = key_of(&d);
            s.number.add(got.as_deref() == Some(want.as_str()), || {
                format!("congbao {name}: number {got:?} want {want}")
            });
        }
        if let Some(bodies) = want_key.as_deref().and_then(bodies_of_key) {
            let got = issuer_of(&d);
            s.issuer.add(
                got.as_deref().is_some_and(|g| names_bodies(g, &bodies)),
                || format!("congbao {name}: issuer {got:?} want {bodies:?}"),
            );
        }
        let want_type = match v["loai"].as_str().unwrap_or("") {
            "Thông tư" => Some(DocType::ThongTu),
            "VB HN" => Some(DocType::VanBanHopNhat),
            "Nghị định" => Some(DocType::NghiDinh),
            "NQ" => Some(DocType::NghiQuyet),
            "TT Liên tịch" => Some(DocType::ThongTuLienTich),
            "QĐ" => Some(DocType::QuyetDinh),
            "Luật" => Some(DocType::Luat),
            _ => None,
        };
        if let Some(want) = want_type {
            let got = d.doc_type.as_ref().map(|t| t.value);
            s.doc_type.add(got == Some(want), || {
                format!("congbao {name}: type {got:?} want {want:?}")
            });
        }
        // `nam` is junk for some consolidated texts (0, or the serial number).
        if let Some(y) = v["nam"].as_i64().filter(|y| (1945..=2100).contains(y)) {
            let got = d.issue_date().map(|x| chrono::Datelike::year(&x) as i64);
            s.year.add(got == Some(y), || {
                format!("congbao {name}: year {got:?} want {y}")
            });
        }
    }
}

/// `text-tvpl`: `documents.csv` describes files the folder does not hold (none of its rows
/// names a file there), so what is expected comes from the file names: type from the leading
/// type name, number from `<serial>_<year>_<symbol>` (`Nghị_định_19_2019_NĐ-CP`), issuer from
/// the symbol's bodies, or the National Assembly for laws. Drafts (`Dự_thảo_…`) are left out.
fn tvpl(corpus: &Path, f: &mut Folder) {
    let dir = corpus.join("text-tvpl");
    let number_re = regex::Regex::new(
        r"^(?P<serial>\d{1,5})_(?:(?P<year>\d{4})_)?(?P<sym>[A-Za-zĐđÐ]+(?:-[A-Za-zĐđÐ0-9]+)*)(?:_|$)",
    )
    .expect("valid pattern");
    for path in shared_corpus::files(&dir, &["txt"]) {
        let Some(file) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let name = normalize(file.rsplit("__").next().unwrap_or(file));
        let name = name.trim_end_matches(".txt").replace('_', " ");
        if name.starts_with("Dự thảo") {
            continue;
        }
        let Some(want_type) = type_from_title(&name) else {
            continue;
        };
        let Ok(raw) = fs::read_to_string(&path) else {
            continue;
        };
        let d = doc_of(&raw);
        let s = f.split(file);
        let got = d.doc_type.as_ref().map(|t| t.value);
        s.doc_type.add(got == Some(want_type), || {
            format!("tvpl {file}: type {got:?} want {want_type:?}")
        });
        // After the type name (`Nghị định 19 2019 NĐ-CP …`), in the underscored form.
        let words = name.split(' ').count();
        let type_words = [
            "Nghị quyết liên tịch",
            "Thông tư liên tịch",
            "Văn bản hợp nhất",
            "Hiến pháp",
            "Nghị quyết",
            "Nghị định",
            "Quyết định",
            "Thông tư",
            "Chỉ thị",
            "Pháp lệnh",
            "Bộ luật",
            "Luật",
            "Lệnh",
        ]
        .iter()
        .find(|t| name.starts_with(*t))
        .map_or(words, |t| t.split(' ').count());
        let tail = name
            .split(' ')
            .skip(type_words)
            .collect::<Vec<_>>()
            .join("_");
        let want_key = number_re.captures(&tail).map(|c| match c.name("year") {
            Some(y) => number_key(&format!("{}/{}/{}", &c["serial"], y.as_str(), &c["sym"])),
            None => number_key(&format!("{}/{}", &c["serial"], &c["sym"])),
        });
        if let Some(want) = &want_key {
            let got = key_of(&d);
            s.number.add(got.as_deref() == Some(want.as_str()), || {
                format!("tvpl {file}: number {got:?} want {want}")
            });
        }
        let bodies = if matches!(want_type, DocType::Luat | DocType::BoLuat) {
            Some(vec![canon("QUỐC HỘI")])
        } else {
            want_key.as_deref().and_then(bodies_of_key)
        };
        if let Some(bodies) = bodies {
            let got = issuer_of(&d);
            s.issuer.add(
                got.as_deref().is_some_and(|g| names_bodies(g, &bodies)),
                || format!("tvpl {file}: issuer {got:?} want {bodies:?}"),
            );
        }
    }
}

#[test]
fn metadata_agreement() {
    let Some(corpus) = shared_corpus::corpus("") else {
        return;
    };
    let mut vb = Folder::new("text-vbpl");
    vbpl(&corpus, &mut vb);
    let mut cb_txt = Folder::new("pdf-congbao (shipped .txt)");
    congbao(&corpus, &mut cb_txt, false);
    let mut cb_pdf = Folder::new("pdf-congbao (our PDF extraction)");
    congbao(&corpus, &mut cb_pdf, true);
    let mut tv = Folder::new("text-tvpl (expected from the file names)");
    tvpl(&corpus, &mut tv);
    println!("== parse vs corpus metadata ==");
    let folders = [&vb, &cb_txt, &cb_pdf, &tv];
    for f in folders {
        f.report();
    }
    let mut fell = Vec::new();
    for f in folders {
        let floors: [(&str, Pick, f64); 6] = [
            ("number", |s| &s.number, FLOOR_NUMBER),
            ("type", |s| &s.doc_type, FLOOR_TYPE),
            ("issue date", |s| &s.issue, FLOOR_ISSUE),
            ("issue year", |s| &s.year, FLOOR_YEAR),
            ("issuer", |s| &s.issuer, FLOOR_ISSUER),
            ("effective date", |s| &s.effective, FLOOR_EFFECTIVE),
        ];
        for (what, pick, floor) in floors {
            if f.rate(pick) < floor {
                fell.push(format!(
                    "{} {what}: {:.2} % < {:.0} %",
                    f.name,
                    100.0 * f.rate(pick),
                    100.0 * floor
                ));
            }
        }
    }
    assert!(fell.is_empty(), "agreement fell: {fell:?}");
}

// Floors per folder (both parts), the goals of issue 13: issuer ≥ 98 %, number ≥ 99 %, type
// ≥ 99 %, issue date ≥ 98 %. The number floor is 98 %: the shipped `.txt` of one gazette
// document (`thong-tu-so-32-2026-tt-bkhcn`) has no header at all (our extraction of its PDF
// has it). The issue date is scored against the metadata with the hand-checked corrections
// (the raw figure is printed too): 25 metadata dates are those of a cited document, and 12 of
// those texts carry no issue date at all.
const FLOOR_NUMBER: f64 = 0.98;
const FLOOR_TYPE: f64 = 0.99;
const FLOOR_ISSUE: f64 = 0.98;
const FLOOR_YEAR: f64 = 0.98;
const FLOOR_ISSUER: f64 = 0.98;
const FLOOR_EFFECTIVE: f64 = 0.90;
