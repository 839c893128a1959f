//! Byte scanning shared by the text stages: find the next byte that needs a closer look,
//! judging each byte with its neighbours only, so that the compiler can test a block of bytes
//! at once instead of walking the text character by character.

/// Bytes judged per block; the block loop has a fixed trip count and no early exit, which is
/// what lets it vectorize.
const BLOCK: usize = 32;

/// The first position `p >= from` for which `hit(prev, byte, next, after_next)` holds, where
/// `prev`, `next` and `after_next` are the neighbouring bytes (0 past the ends of `bytes`).
#[inline(always)]
pub(crate) fn find(
    bytes: &[u8],
    from: usize,
    hit: impl Fn(u8, u8, u8, u8) -> bool,
) -> Option<usize> {
    let n = bytes.len();
    let at = |k: usize| bytes.get(k).copied().unwrap_or(0);
    let mut i = from;
    // Blocks need one byte before them and two after.
    if i == 0 && n > 0 {
        if hit(0, bytes[0], at(1), at(2)) {
            return Some(0);
        }
        i = 1;
    }
    while i + BLOCK + 1 < n {
        let window = &bytes[i - 1..i + BLOCK + 2];
        let mut any = false;
        for k in 0..BLOCK {
            any |= hit(window[k], window[k + 1], window[k + 2], window[k + 3]);
        }
        if any {
            break;
        }
        i += BLOCK;
    }
    while i < n {
        let prev = if i > 0 { bytes[i - 1] } else { 0 };
        if hit(prev, bytes[i], at(i + 1), at(i + 2)) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_hit_with_its_neighbours() {
        let text: Vec<u8> = (0..200u8).map(|k| b'a' + k % 20).collect();
        for from in [0, 1, 5, 31, 32, 33, 100, 199, 200] {
            let want = (from..text.len()).find(|&p| text[p] == b'e' && text[p - 1] == b'd');
            let got = find(&text, from, |prev, x, _, _| x == b'e' && prev == b'd');
            assert_eq!(got, want, "from {from}");
        }
        assert_eq!(
            find(b"xyz", 0, |p, x, n, m| p == 0
                && x == b'x'
                && n == b'y'
                && m == b'z'),
            Some(0)
        );
        assert_eq!(
            find(b"xy", 0, |p, x, n, m| p == b'x'
                && x == b'y'
                && n == 0
                && m == 0),
            Some(1)
        );
        assert_eq!(find(b"", 0, |_, _, _, _| true), None);
        let long = vec![b'q'; 1000];
        assert_eq!(find(&long, 0, |_, x, _, _| x != b'q'), None);
        let mut tail = vec![b'q'; 100];
        tail.extend_from_slice(b"abc");
        let abc = find(&tail, 0, |_, x, n, m| x == b'a' && n == b'b' && m == b'c');
        assert_eq!(abc, Some(100));
    }
}
