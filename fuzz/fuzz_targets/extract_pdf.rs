#![no_main]
//! Any bytes given as a PDF: extraction returns text or an error, never panics or hangs.
use libfuzzer_sys::fuzz_target;
use vbqppl::extract::{extract_bytes, Limits};

fuzz_target!(|data: &[u8]| {
    let limits = Limits { time: std::time::Duration::from_secs(5), ..Limits::default() };
    let _ = extract_bytes(data, "pdf", &limits);
});
