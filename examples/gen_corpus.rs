//! Regenerates `corpus/` (sample documents and `manifest.toml`) deterministically:
//! `cargo run --example gen_corpus [OUTPUT_DIR]`.

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    let names = vbqppl_samples::write_corpus(&dir)?;
    let bytes: u64 = names
        .iter()
        .filter_map(|n| std::fs::metadata(dir.join(n)).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "wrote {} documents ({bytes} bytes) and manifest.toml to {}",
        names.len(),
        dir.display()
    );
    Ok(())
}
