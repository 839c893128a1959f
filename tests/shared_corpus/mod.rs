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
