//! Where the shared corpus is, for the tests that read it: `$VBQPPL_SHARED/corpus`, else
//! `../shared/corpus` beside the crate, else two levels up (worktrees live one level deeper than
//! the main checkout). Absent, the caller skips with the message printed here.

use std::path::{Path, PathBuf};

/// The corpus folder `sub` (`""` for the corpus itself), or `None` with a skip message.
pub fn corpus(sub: &str) -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut roots: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("VBQPPL_SHARED") {
        roots.push(PathBuf::from(p).join("corpus"));
    }
    roots.push(manifest.join("../shared/corpus"));
    roots.push(manifest.join("../../shared/corpus"));
    let found = roots.iter().map(|r| r.join(sub)).find(|d| d.is_dir());
    if found.is_none() {
        println!("skip: shared corpus folder {sub:?} not found");
    }
    found
}

/// The files of `dir` whose extension is one of `ext` (any case), sorted.
#[allow(dead_code)] // each test or bench that includes this module uses some of it
pub fn files(dir: &Path, ext: &[&str]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ext.iter().any(|x| e.eq_ignore_ascii_case(x)))
    });
    v.sort();
    v
}

/// The `.txt` files of the corpus folder `sub`, sorted (empty when the folder is absent).
#[allow(dead_code)]
pub fn text_files(sub: &str) -> Vec<PathBuf> {
    corpus(sub).map_or_else(Vec::new, |dir| files(&dir, &["txt"]))
}
