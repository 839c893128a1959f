#![no_main]
//! Any string through normalize and parse: spans stay inside the text, nothing panics.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let normalized = vbqppl::normalize::normalize(text);
    let doc = vbqppl::parse::parse(&normalized);
    if let Some(n) = &doc.number {
        assert!(n.span.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(n.span.start) && doc.text.is_char_boundary(n.span.end));
    }
    for basis in &doc.legal_bases {
        assert!(basis.span.end <= doc.text.len());
    }
});
