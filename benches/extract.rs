//! PDF extraction report: quality (syllable F1 against the gazette references, ours and
//! pdftotext's in the same run) and speed (pages/s on one core and on all cores, against
//! pdftotext on the same files).
//!
//! Run with `cargo bench --bench extract [-- quality|speed|parallel]` or
//! `scripts/extract_quality.sh`, which pins `speed` to one core.
//! Needs `../shared/corpus/pdf-congbao`; pdftotext (poppler-utils) is optional.
//!
//! Gazette furniture: the references keep running heads, page numbers and signature stamps,
//! which we move to `Extraction::furniture`. The headline F1 scores `text + furniture` so
//! that it measures what was read; `body F1` scores the body alone against the same
//! reference (it loses the furniture tokens by design).

#[path = "../tests/extract_pdf_f1.rs"]
mod f1;

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use vbqppl::extract::{extract_file, Extraction, Limits};

fn corpus() -> Option<PathBuf> {
    // `../shared` beside the checkout; VBQPPL_SHARED names it elsewhere (a git worktree).
    let shared = std::env::var_os("VBQPPL_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = shared.join("corpus/pdf-congbao");
    dir.is_dir().then_some(dir)
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    v.sort();
    v
}

fn pdftotext(path: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .args(["-q", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn full_text(x: &Extraction) -> String {
    format!("{}\n{}", x.text, x.furniture.join("\n"))
}

fn quality(files: &[PathBuf]) {
    let limits = Limits::default();
    let have_poppler = pdftotext(&files[0]).is_some();
    println!("file\tpages\tf1\tbody_f1\tpdftotext_f1");
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let mut rows = Vec::new();
    for path in files {
        let reference = std::fs::read_to_string(path.with_extension("txt")).unwrap_or_default();
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (f, body, pages) = match extract_file(path, &limits) {
            Ok(x) => (
                f1::syllable_f1(&full_text(&x), &reference),
                f1::syllable_f1(&x.text, &reference),
                x.pages,
            ),
            Err(e) => {
                eprintln!("{name}: {e}");
                (0.0, 0.0, 0)
            }
        };
        let p = if have_poppler {
            pdftotext(path).map(|t| f1::syllable_f1(&t, &reference))
        } else {
            None
        };
        ours.push(f);
        if let Some(p) = p {
            theirs.push(p);
        }
        let pt = p.map_or("-".to_string(), |p| format!("{p:.4}"));
        println!("{name}\t{pages}\t{f:.4}\t{body:.4}\t{pt}");
        rows.push((f, name));
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "ours: mean F1 {:.4}, worst {:.4} ({}) over {} files",
        mean(&ours),
        min(&ours),
        rows.first().map_or("", |r| r.1.as_str()),
        ours.len()
    );
    if !theirs.is_empty() {
        println!(
            "pdftotext: mean F1 {:.4}, worst {:.4}",
            mean(&theirs),
            min(&theirs)
        );
    }
}

/// Repetitions of each timed pass; `VBQPPL_BENCH_REPS` overrides.
fn reps() -> usize {
    std::env::var("VBQPPL_BENCH_REPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(5)
}

fn min_median(v: &[f64]) -> (f64, f64) {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    (s[0], s[s.len() / 2])
}

/// Seconds to extract every file, one after another on this thread, and the pages read.
fn ours_serial(files: &[PathBuf], limits: &Limits) -> (f64, u64) {
    let t = Instant::now();
    let mut pages = 0u64;
    for path in files {
        if let Ok(x) = extract_file(path, limits) {
            pages += x.pages as u64;
        }
    }
    (t.elapsed().as_secs_f64(), pages)
}

/// Seconds for pdftotext on every file, one process at a time.
fn pdftotext_serial(files: &[PathBuf]) -> f64 {
    let t = Instant::now();
    for path in files {
        let _ = pdftotext(path);
    }
    t.elapsed().as_secs_f64()
}

/// One core: ours and pdftotext alternate, pass after pass, so that load from other work on
/// the machine falls on both alike; the ratio is taken per pass. The script runs this mode
/// under `taskset -c 0`, which pins our thread and every pdftotext process to one core.
fn speed(files: &[PathBuf]) {
    let limits = Limits::default();
    let poppler = pdftotext(&files[0]).is_some();
    let (mut ours, mut theirs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let mut pages = 0;
    for rep in 0..reps() {
        let (o, p) = ours_serial(files, &limits);
        pages = p;
        ours.push(o);
        let line = format!("pass {rep}: ours {:.1} pages/s", p as f64 / o);
        if poppler {
            let t = pdftotext_serial(files);
            theirs.push(t);
            ratios.push(t / o);
            println!(
                "{line}, pdftotext {:.1} pages/s, ours is {:.2}x",
                p as f64 / t,
                t / o
            );
        } else {
            println!("{line}");
        }
    }
    let pps = |secs: f64| pages as f64 / secs;
    let (o_min, o_med) = min_median(&ours);
    println!(
        "ours, 1 thread: {pages} pages, best {:.1} pages/s, median {:.1} pages/s",
        pps(o_min),
        pps(o_med)
    );
    if poppler {
        let (t_min, t_med) = min_median(&theirs);
        let (r_min, r_med) = min_median(&ratios);
        println!(
            "pdftotext, 1 process at a time: best {:.1} pages/s, median {:.1} pages/s",
            pps(t_min),
            pps(t_med)
        );
        println!(
            "ours / pdftotext, same passes: median {r_med:.2}x, worst {r_min:.2}x, best-vs-best {:.2}x",
            t_min / o_min
        );
    } else {
        println!("pdftotext not installed: no baseline");
    }

    // How much of our time is lopdf parsing the file, before any page is interpreted.
    let t = Instant::now();
    for path in files {
        if let Ok(bytes) = std::fs::read(path) {
            let _ = lopdf::Document::load_mem(&bytes);
        }
    }
    let load = t.elapsed().as_secs_f64();
    println!(
        "of which lopdf loading: {load:.2}s ({:.0}% of the median pass)",
        100.0 * load / o_med
    );
}

/// All cores: ours over rayon's pool, pdftotext with as many processes at a time.
fn parallel(files: &[PathBuf]) {
    let limits = Limits::default();
    let threads = rayon::current_num_threads();
    let poppler = pdftotext(&files[0]).is_some();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let mut pages = 0;
    for _ in 0..reps() {
        let t = Instant::now();
        pages = files
            .par_iter()
            .filter_map(|p| extract_file(p, &limits).ok())
            .map(|x| x.pages as u64)
            .sum::<u64>();
        ours.push(t.elapsed().as_secs_f64());
        if poppler {
            let t = Instant::now();
            files.par_iter().for_each(|p| {
                let _ = pdftotext(p);
            });
            theirs.push(t.elapsed().as_secs_f64());
        }
    }
    let pps = |secs: f64| pages as f64 / secs;
    let (o_min, o_med) = min_median(&ours);
    println!(
        "ours, {threads} threads (rayon): best {:.1} pages/s, median {:.1} pages/s",
        pps(o_min),
        pps(o_med)
    );
    if poppler {
        let (t_min, t_med) = min_median(&theirs);
        println!(
            "pdftotext, {threads} processes at a time: best {:.1} pages/s, median {:.1} pages/s; ours is {:.2}x (medians)",
            pps(t_min),
            pps(t_med),
            t_med / o_med
        );
    }
}

fn main() {
    // `dump FILE…`: print what we extract, for looking at one file by hand.
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().is_some_and(|a| a == "dump") {
        for f in &argv[1..] {
            match extract_file(Path::new(f), &Limits::default()) {
                Ok(x) => println!(
                    "{}\n--- furniture\n{}\n--- {:?} {:?} {:?}",
                    x.text,
                    x.furniture.join("\n"),
                    x.text_layer,
                    x.encoding,
                    x.warnings
                ),
                Err(e) => println!("{f}: {e}"),
            }
        }
        return;
    }
    let Some(dir) = corpus() else {
        println!("skip: ../shared/corpus/pdf-congbao not found");
        return;
    };
    let files = pdfs(&dir);
    if files.is_empty() {
        println!("skip: no pdf in {}", dir.display());
        return;
    }
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let want = |m: &str| args.is_empty() || args.iter().any(|a| a == m);
    if want("quality") {
        quality(&files);
    }
    if want("speed") {
        speed(&files);
    }
    if want("parallel") {
        parallel(&files);
    }
}
