//! LibreOffice for the tests that send documents through a word processor's PDF export, the way
//! local offices make their PDFs: `soffice --headless --convert-to pdf` (Debian's
//! `libreoffice-writer`, installed by `.ci/run`). Absent, the caller skips with the message
//! printed here. Each call converts its documents in as few `soffice` runs as it can (a start
//! costs seconds).

use std::path::PathBuf;
use std::process::Command;

/// The `soffice` program on `PATH`, or `None` with a skip message.
pub fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .flat_map(|d| ["soffice", "libreoffice"].map(|n| d.join(n)))
        .find(|p| p.is_file());
    if found.is_none() {
        println!("skip: soffice not found (apt-get install libreoffice-writer)");
    }
    found
}

/// PDFs of the DOCX files `docs` (name, bytes), in the same order, made by LibreOffice in one
/// run; `None` when LibreOffice is absent. A conversion that fails is a test failure.
pub fn docx_to_pdf(docs: &[(String, Vec<u8>)]) -> Option<Vec<Vec<u8>>> {
    let soffice = soffice()?;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let mut log = String::new();
    // One run per hundred files: a single run over a few hundred stops early without a word.
    for batch in docs.chunks(100) {
        let mut cmd = Command::new(&soffice);
        // A profile of its own: a second LibreOffice (a user's, another test's) does not block it.
        cmd.arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out);
        for (name, bytes) in batch {
            let p = dir.path().join(format!("{name}.docx"));
            std::fs::write(&p, bytes).expect("write docx");
            cmd.arg(p);
        }
        let run = cmd.output().expect("run soffice");
        assert!(
            run.status.success(),
            "soffice failed: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        log.push_str(&String::from_utf8_lossy(&run.stderr));
    }
    Some(
        docs.iter()
            .map(|(name, _)| {
                let p = out.join(format!("{name}.pdf"));
                std::fs::read(&p).unwrap_or_else(|e| {
                    let keep = std::env::temp_dir().join(format!("{name}.docx"));
                    let _ = std::fs::copy(dir.path().join(format!("{name}.docx")), &keep);
                    panic!(
                        "{}: {e} (docx kept at {}); soffice said: {log}",
                        p.display(),
                        keep.display()
                    )
                })
            })
            .collect(),
    )
}
