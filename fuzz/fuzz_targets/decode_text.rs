#![no_main]
//! Any bytes as a text file: encoding detection and normalization never panic.
use libfuzzer_sys::fuzz_target;
use vbqppl::extract::{extract_bytes, Limits};

fuzz_target!(|data: &[u8]| {
    if let Ok(x) = extract_bytes(data, "txt", &Limits::default()) {
        let _ = vbqppl::normalize::normalize(&x.text);
    }
});
