//! Hostile and malformed inputs, generated here (no committed binaries): the batch must never
//! crash, hang or drop a file. Each file comes back as checked or not checked with a one-line reason.
//!
//! The suite runs the real binary under an address-space limit (4 GiB) so that a runaway
//! allocation fails the test instead of the machine.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A PDF assembled from object bodies, with a correct xref table unless told otherwise.
struct RawPdf {
    objects: Vec<String>,
    trailer_extra: String,
}

impl RawPdf {
    fn new() -> Self {
        RawPdf {
            objects: Vec::new(),
            trailer_extra: String::new(),
        }
    }

    /// Add an object body; returns its object number (1-based).
    fn add(&mut self, body: impl Into<String>) -> usize {
        self.objects.push(body.into());
        self.objects.len()
    }

    fn stream(dict_extra: &str, data: &[u8]) -> Vec<u8> {
        let mut v = format!("<< /Length {} {dict_extra} >>\nstream\n", data.len()).into_bytes();
        v.extend_from_slice(data);
        v.extend_from_slice(b"\nendstream");
        v
    }

    fn bytes_with(&self, raw_objects: &[(usize, Vec<u8>)]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::new();
        let total = self
            .objects
            .len()
            .max(raw_objects.iter().map(|(n, _)| *n).max().unwrap_or(0));
        for n in 1..=total {
            offsets.push(out.len());
            out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
            if let Some((_, raw)) = raw_objects.iter().find(|(k, _)| *k == n) {
                out.extend_from_slice(raw);
            } else {
                out.extend_from_slice(
                    self.objects
                        .get(n - 1)
                        .map(|s| s.as_str())
                        .unwrap_or("null")
                        .as_bytes(),
                );
            }
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", total + 1).as_bytes());
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R {} >>\nstartxref\n{xref}\n%%EOF\n",
                total + 1,
                self.trailer_extra
            )
            .as_bytes(),
        );
        out
    }

    fn bytes(&self) -> Vec<u8> {
        self.bytes_with(&[])
    }
}

/// A valid one-page PDF whose page content is `content` (Helvetica, WinAnsi).
fn simple_pdf(content: &[u8]) -> (RawPdf, Vec<(usize, Vec<u8>)>) {
    let mut pdf = RawPdf::new();
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
    pdf.add("");
    pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    let raw = vec![(4, RawPdf::stream("", content))];
    (pdf, raw)
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            z.start_file(*name, opts).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

/// Every hostile file, by name. Generators stay small and fast; the danger is in what the bytes
/// claim, not in their size.
fn hostile_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let hello = b"BT /F1 12 Tf 72 720 Td (Dieu 1. Pham vi dieu chinh) Tj ET".to_vec();

    let (pdf, raw) = simple_pdf(&hello);
    let good = pdf.bytes_with(&raw);
    files.push(("good.pdf".into(), good.clone()));
    for cut in [10, good.len() / 3, good.len() / 2, good.len() - 20] {
        files.push((format!("truncated-{cut}.pdf"), good[..cut].to_vec()));
    }
    // Deterministic bit flips over the whole file.
    for seed in 0..8u64 {
        let mut b = good.clone();
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        for _ in 0..16 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x as usize) % b.len();
            b[i] ^= 1 << (x % 8);
        }
        files.push((format!("bitflip-{seed}.pdf"), b));
    }
    // Deeply nested arrays and dictionaries in an object and in a content stream.
    let depth = 300_000;
    let (pdf, _) = simple_pdf(&hello);
    let nested_array = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    files.push((
        "nested-array.pdf".into(),
        pdf.bytes_with(&[(5, nested_array.into_bytes())]),
    ));
    let nested_dict = format!("{}{}", "<< /A ".repeat(depth), ">>".repeat(depth));
    files.push((
        "nested-dict.pdf".into(),
        pdf.bytes_with(&[(5, nested_dict.into_bytes())]),
    ));
    let nested_content = format!("BT {} ET", "[".repeat(depth));
    let (pdf, _) = simple_pdf(&hello);
    files.push((
        "nested-content.pdf".into(),
        pdf.bytes_with(&[(4, RawPdf::stream("", nested_content.as_bytes()))]),
    ));
    // A page tree that loops: Pages → Kids → itself.
    let mut pdf = RawPdf::new();
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    pdf.add("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>");
    pdf.add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>");
    files.push(("page-tree-loop.pdf".into(), pdf.bytes()));
    // /Count of 2^31 and a huge xref /Size.
    let (mut pdf, raw) = simple_pdf(&hello);
    pdf.objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 2147483648 >>".into();
    files.push(("count-2-31.pdf".into(), pdf.bytes_with(&raw)));
    let mut huge_size = good.clone();
    if let Some(pos) = find(&huge_size, b"/Size ") {
        let tail = huge_size.split_off(pos);
        let rest = &tail[6..];
        let end = rest.iter().position(|c| !c.is_ascii_digit()).unwrap_or(0);
        huge_size.extend_from_slice(b"/Size 4294967295");
        huge_size.extend_from_slice(&rest[end..]);
    }
    files.push(("huge-xref-size.pdf".into(), huge_size));
    // xref /Prev chain that loops back to itself.
    let mut prev_loop = good.clone();
    let startxref = find_last(&prev_loop, b"startxref\n")
        .map(|p| p + 10)
        .unwrap_or(0);
    let xref_at: String = prev_loop[startxref..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .map(|&c| c as char)
        .collect();
    if let Some(pos) = find(&prev_loop, b"/Root 1 0 R") {
        let insert = format!(" /Prev {xref_at}");
        let at = pos + b"/Root 1 0 R".len();
        prev_loop.splice(at..at, insert.into_bytes());
    }
    files.push(("xref-prev-loop.pdf".into(), prev_loop));
    // A form XObject that draws itself.
    let mut pdf = RawPdf::new();
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>");
    pdf.add("");
    pdf.add("");
    let self_form = RawPdf::stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >>",
        b"/X Do",
    );
    files.push((
        "self-referencing-form.pdf".into(),
        pdf.bytes_with(&[(4, RawPdf::stream("", b"/X Do")), (5, self_form)]),
    ));
    // A flate stream that inflates to a gigabyte of zeros (compressed: about 1 MB).
    let bomb = {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let chunk = vec![0u8; 1 << 20];
        for _ in 0..1024 {
            e.write_all(&chunk).unwrap();
        }
        e.finish().unwrap()
    };
    let (pdf, _) = simple_pdf(&hello);
    files.push((
        "flate-bomb.pdf".into(),
        pdf.bytes_with(&[(4, RawPdf::stream("/Filter /FlateDecode", &bomb))]),
    ));
    // Stream lengths that lie, both ways.
    let (pdf, _) = simple_pdf(&hello);
    let mut lying = format!("<< /Length {} >>\nstream\n", 10_000_000).into_bytes();
    lying.extend_from_slice(&hello);
    lying.extend_from_slice(b"\nendstream");
    files.push(("length-too-long.pdf".into(), pdf.bytes_with(&[(4, lying)])));
    let mut short = b"<< /Length 3 >>\nstream\n".to_vec();
    short.extend_from_slice(&hello);
    short.extend_from_slice(b"\nendstream");
    files.push(("length-too-short.pdf".into(), pdf.bytes_with(&[(4, short)])));
    // Hundreds of thousands of operators (compressed, so the file stays small).
    let many_ops: Vec<u8> = b"BT /F1 12 Tf "
        .iter()
        .copied()
        .chain((0..400_000).flat_map(|_| b"(a) Tj ".iter().copied()))
        .chain(b"ET".iter().copied())
        .collect();
    let (pdf, _) = simple_pdf(&hello);
    files.push((
        "many-operators.pdf".into(),
        pdf.bytes_with(&[(
            4,
            RawPdf::stream("/Filter /FlateDecode", &deflate(&many_ops)),
        )]),
    ));
    // Encrypted with a user password we do not know (Standard handler, R2); the /U value is
    // arbitrary, so no password opens it.
    let (mut pdf, raw) = simple_pdf(&hello);
    let enc = pdf.add("<< /Filter /Standard /V 1 /R 2 /O <0000000000000000000000000000000000000000000000000000000000000000> /U <1111111111111111111111111111111111111111111111111111111111111111> /P -4 >>");
    pdf.trailer_extra = format!("/Encrypt {enc} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]");
    files.push((
        "encrypted-unknown-password.pdf".into(),
        pdf.bytes_with(&raw),
    ));
    // Not what the name says.
    files.push((
        "html-named.pdf".into(),
        "<!DOCTYPE html><html><body><p>QUYẾT ĐỊNH</p><p>Điều 1. Phạm vi</p></body></html>".into(),
    ));
    files.push(("zip-named.pdf".into(), zip_of(&[("hello.txt", b"hello")])));
    files.push(("empty.pdf".into(), Vec::new()));
    files.push(("empty.txt".into(), Vec::new()));
    files.push(("empty.docx".into(), Vec::new()));
    // DOCX zip bomb: a document.xml of 1 GiB of spaces.
    let bomb_xml = {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true);
            z.start_file("[Content_Types].xml", opts).unwrap();
            z.write_all(b"<Types/>").unwrap();
            z.start_file("word/document.xml", opts).unwrap();
            z.write_all(b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>").unwrap();
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..1024 {
                z.write_all(&chunk).unwrap();
            }
            z.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
                .unwrap();
            z.finish().unwrap();
        }
        buf.into_inner()
    };
    files.push(("zip-bomb.docx".into(), bomb_xml));
    files.push(("not-a-zip.docx".into(), b"PK\x03\x04garbage".to_vec()));
    // Invalid UTF-8 and mixed encodings in text.
    files.push((
        "invalid-utf8.txt".into(),
        b"Quy\xe1\xba\xbft \xff\xfe\xc3 \x80\x80 \xed\xa0\x80 end".to_vec(),
    ));
    let mut mixed = "Điều 1. Phạm vi điều chỉnh\n".as_bytes().to_vec();
    mixed.extend_from_slice(b"\xd0i\xd2u 2. \xb8p d\xf4ng\n"); // TCVN3-ish bytes
    mixed.extend_from_slice("THÔNG TÝ\n".as_bytes());
    files.push(("mixed-encodings.txt".into(), mixed));
    files.push(("utf16-bom.txt".into(), {
        let mut v = vec![0xFF, 0xFE];
        for u in "Điều 1. Phạm vi".encode_utf16() {
            v.extend_from_slice(&u.to_le_bytes());
        }
        v.push(0x00); // odd length
        v
    }));
    files.push(("nul-bytes.txt".into(), vec![0u8; 4096]));

    files
        .into_iter()
        .map(|(name, bytes)| {
            let p = dir.join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        })
        .collect()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn hostile_inputs_never_crash_hang_or_vanish() {
    let dir = tempfile::tempdir().unwrap();
    let files = hostile_files(dir.path());
    for isolation in ["process", "thread"] {
        check_hostile_batch(dir.path(), &files, isolation);
    }
}

/// The whole batch under one `--isolation`: in a worker process (default on Linux) a memory bomb
/// meets the per-document cap (2 GiB, under the batch's 4 GiB) before the parent's limit.
fn check_hostile_batch(dir: &Path, files: &[PathBuf], isolation: &str) {
    let bin = assert_cmd::cargo::cargo_bin("vbqppl");
    // 4 GiB of address space for the whole batch; each document gets the default 30 s budget.
    let script = format!(
        "ulimit -v 4194304; exec '{}' check --format json --jobs 2 --isolation {isolation} '{}'",
        bin.display(),
        dir.display()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .timeout(std::time::Duration::from_secs(600))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{isolation}: exit {:?}\n{stderr}",
        out.status.code()
    );
    let report: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no json ({e}):\n{stderr}"));
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), files.len(), "every input must be reported");
    for d in docs {
        let path = d["path"].as_str().unwrap();
        match d["status"].as_str().unwrap() {
            "checked" => assert!(d["error"].is_null(), "{path}: checked with an error"),
            // Not checked, for whatever reason: a one-line reason, never a silent pass.
            "unreadable" | "no_text_layer" | "not_legal_document" => {
                let reason = d["error"].as_str().unwrap_or("");
                assert!(
                    !reason.is_empty() && !reason.contains('\n'),
                    "{path}: bad reason {reason:?}"
                );
            }
            other => panic!("{path}: status {other}"),
        }
    }
    let status = |name: &str| {
        docs.iter()
            .find(|d| d["path"].as_str().unwrap().ends_with(name))
            .map(|d| d["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(status("/empty.pdf"), "unreadable");
    assert_eq!(status("/zip-named.pdf"), "unreadable");
    assert_eq!(status("/encrypted-unknown-password.pdf"), "unreadable");
    // One line per file not checked on stderr, naming it.
    let not_checked = docs.iter().filter(|d| d["status"] != "checked").count();
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("error: ")).count(),
        not_checked,
        "{stderr}"
    );
}
