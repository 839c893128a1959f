//! Stream data for the interpreter, decoded into a buffer the caller reuses. Content streams
//! are nearly all plain `FlateDecode`, which we inflate straight into that buffer; lopdf
//! decodes into a fresh vector grown from twice the compressed size and then copies it, which
//! cost as much as the inflating itself. Every other filter chain goes through lopdf.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{Document, Object, ObjectId, Stream};

/// Why stream data could not be had.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum StreamError {
    /// The decoded data would pass the byte budget.
    TooLarge,
    /// The filters failed and the raw bytes are no content.
    Undecodable,
}

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StreamError::TooLarge => "decoded data over the size limit",
            StreamError::Undecodable => "filters failed",
        })
    }
}

/// Append `stream`'s decoded data to `out`, at most `limit` bytes. A stream whose filters fail
/// gives its raw bytes when it has none to fail (lopdf's rule for content).
pub(super) fn decode_into(
    stream: &Stream,
    out: &mut Vec<u8>,
    limit: usize,
) -> Result<(), StreamError> {
    let filters = stream.filters().unwrap_or_default();
    let plain_flate = filters == [b"FlateDecode".as_slice()] && !has_predictor(stream);
    if filters.is_empty() {
        if stream.content.len() > limit {
            return Err(StreamError::TooLarge);
        }
        out.extend_from_slice(&stream.content);
        return Ok(());
    }
    if plain_flate {
        let start = out.len();
        match inflate_into(&stream.content, out, limit) {
            Ok(()) => return Ok(()),
            Err(StreamError::TooLarge) => {
                out.truncate(start);
                return Err(StreamError::TooLarge);
            }
            // Not even a zlib header: lopdf retries as raw deflate.
            Err(StreamError::Undecodable) => out.truncate(start),
        }
    }
    match stream.decompressed_content_with_limit(limit) {
        Ok(data) => {
            out.extend_from_slice(&data);
            Ok(())
        }
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            Err(StreamError::TooLarge)
        }
        Err(_) => Err(StreamError::Undecodable),
    }
}

fn has_predictor(stream: &Stream) -> bool {
    let params = match stream.dict.get(b"DecodeParms") {
        Ok(Object::Dictionary(d)) => d,
        Ok(Object::Array(a)) => match a.first() {
            Some(Object::Dictionary(d)) => d,
            _ => return false,
        },
        _ => return false,
    };
    params
        .get(b"Predictor")
        .and_then(Object::as_i64)
        .is_ok_and(|p| p > 1)
}

/// Inflate a zlib stream onto the end of `out`. A stream cut short keeps what it gave (as
/// lopdf does); one that gives nothing at all is `Undecodable`.
fn inflate_into(input: &[u8], out: &mut Vec<u8>, limit: usize) -> Result<(), StreamError> {
    let start = out.len();
    let mut z = Decompress::new(true);
    // Content streams inflate four to eight times; start there, within the budget.
    out.reserve(
        input
            .len()
            .saturating_mul(6)
            .max(1024)
            .min(limit.saturating_add(1)),
    );
    loop {
        let (before_in, before_out) = (z.total_in(), z.total_out());
        let rest = input
            .get(usize::try_from(before_in).unwrap_or(usize::MAX)..)
            .unwrap_or_default();
        let status = z.decompress_vec(rest, out, FlushDecompress::None);
        if out.len() - start > limit {
            return Err(StreamError::TooLarge);
        }
        match status {
            Ok(Status::StreamEnd) => return Ok(()),
            Ok(_) if out.len() == out.capacity() => out.reserve(out.capacity().max(4096)),
            // Input used up, or no progress: the stream is cut short.
            Ok(_) if z.total_in() == before_in && z.total_out() == before_out => break,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    if out.len() == start {
        Err(StreamError::Undecodable)
    } else {
        Ok(())
    }
}

/// A page's content streams, decoded and joined by newlines into `out` (cleared first), at
/// most `limit` bytes in all. A stream that cannot be read is left out, as lopdf does.
pub(super) fn page_content(
    doc: &Document,
    page: ObjectId,
    out: &mut Vec<u8>,
    limit: usize,
) -> Result<(), StreamError> {
    out.clear();
    for id in doc.get_page_contents(page) {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let remaining = limit.saturating_sub(out.len());
        match decode_into(stream, out, remaining) {
            Ok(()) => {}
            Err(StreamError::TooLarge) => return Err(StreamError::TooLarge),
            // lopdf's fallback: the raw bytes, when they fit.
            Err(StreamError::Undecodable) if stream.content.len() <= remaining => {
                out.extend_from_slice(&stream.content)
            }
            Err(StreamError::Undecodable) => return Err(StreamError::TooLarge),
        }
        out.push(b'\n');
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::ZlibEncoder;
    use flate2::Compression;
    use lopdf::dictionary;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).expect("compressed");
        e.finish().expect("compressed")
    }

    fn flate_stream(content: Vec<u8>) -> Stream {
        Stream::new(dictionary! { "Filter" => "FlateDecode" }, content)
    }

    #[test]
    fn inflates_onto_the_buffer() {
        let text: Vec<u8> = b"BT /F1 12 Tf (abc) Tj ET\n".repeat(5000);
        let mut out = b"kept".to_vec();
        decode_into(&flate_stream(zlib(&text)), &mut out, usize::MAX).expect("decoded");
        assert!(out.starts_with(b"kept"));
        assert!(
            out[4..] == text[..],
            "inflated {} of {} bytes",
            out.len() - 4,
            text.len()
        );
    }

    #[test]
    fn truncated_stream_keeps_what_it_gave() {
        let text: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let z = zlib(&text);
        let mut out = Vec::new();
        decode_into(
            &flate_stream(z[..z.len() / 2].to_vec()),
            &mut out,
            usize::MAX,
        )
        .expect("partial");
        assert!(!out.is_empty() && out.len() < text.len());
        assert!(text[..out.len()] == out[..]);
    }

    #[test]
    fn budget_is_enforced() {
        let text = vec![b'x'; 1 << 20];
        let mut out = b"kept".to_vec();
        let r = decode_into(&flate_stream(zlib(&text)), &mut out, 1000);
        assert_eq!(r, Err(StreamError::TooLarge));
        assert_eq!(out, b"kept");
        let raw = Stream::new(dictionary! {}, vec![b'y'; 2000]);
        assert_eq!(
            decode_into(&raw, &mut out, 1000),
            Err(StreamError::TooLarge)
        );
    }

    #[test]
    fn garbage_and_other_filters() {
        // Not zlib: lopdf's raw-deflate retry decides, and like lopdf we do not fail the page.
        let mut out = Vec::new();
        let garbage = flate_stream(b"\xff\xfe not zlib at all".to_vec());
        assert!(decode_into(&garbage, &mut out, usize::MAX).is_ok());
        out.clear();
        let hex = Stream::new(
            dictionary! { "Filter" => "ASCIIHexDecode" },
            b"48 69>".to_vec(),
        );
        decode_into(&hex, &mut out, usize::MAX).expect("hex");
        assert_eq!(out, b"Hi");
    }
}
