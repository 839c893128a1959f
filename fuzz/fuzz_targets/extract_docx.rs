#![no_main]
//! Any bytes given as a DOCX (the zip signature is prepended so the DOCX reader is reached).
use libfuzzer_sys::fuzz_target;
use vbqppl::extract::{extract_bytes, Limits};

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(data);
    let limits = Limits { time: std::time::Duration::from_secs(5), ..Limits::default() };
    let _ = extract_bytes(&bytes, "docx", &limits);
});
