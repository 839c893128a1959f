//! Windows-1258 text that was read as Windows-1252 (`THÔNG TÝ`, `ðịnh`, `Hýớng`, `nãm`): the
//! evidence of it and its one repair. The extractor ([`super::legacy::detect_legacy`]) and
//! `normalize` (behind the byte gate [`looks_misdecoded`]) both repair through [`repair`], so
//! the same text comes out the same wherever the misreading is met.

use super::legacy::{char_to_cp1252_byte, cp1258_to_unicode};
use unicode_normalization::UnicodeNormalization;

/// How much the char `c` after `prev` tells of a misreading (0 for none), for the encoding
/// statistics of [`super::legacy::detect_legacy`].
pub(super) fn evidence(prev: char, c: char) -> usize {
    if matches!(prev, 'ý' | 'Ý') && is_horn_o_family(c) {
        return 2; // `nýớc`, `THÝÕNG`: ý never precedes an ơ in Vietnamese
    }
    match c {
        'ð' => 1,
        // Raw cp1258 bytes read as cp1252: a combining tone byte after a vowel (`ðiêÌu`);
        // `oò` is Vietnamese (Moòng, Khoòng).
        'Ì' | 'Ò' | 'Þ' | 'ì' | 'ò'
            if matches!(
                prev,
                'a' | 'e' | 'o' | 'u' | 'y' | 'â' | 'ê' | 'ô' | 'õ' | 'ý' | 'ã'
            ) && !(prev == 'o' && c == 'ò') =>
        {
            1
        }
        _ => 0,
    }
}

/// Cheap document-level gate, for text that already went through extraction (`normalize`
/// runs it on every document, so it judges bytes, not chars): `ð`/`Ð` are not Vietnamese,
/// `ý`/`Ý` before `ơ`-family letters never occurs in correct text, and `THÔNG TÝ` is the
/// classic signature.
pub fn looks_misdecoded(text: &str) -> bool {
    // One pass over the bytes: `ð`/`Ð` are C3 B0 / C3 90, `ý`/`Ý` are C3 BD / C3 9D; the
    // `ơ`-family after them starts with C6 A1/A0 (`ơ`, `Ơ`), E1 BB 9A..A3 (`ớ`…`Ợ`) or C3 B5/95
    // (`õ`, `Õ`); `THÔNG TÝ` is checked at its `Ý`.
    let b = text.as_bytes();
    let mut eth = 0usize;
    let mut y_horn = 0usize;
    let mut thong_ty = false;
    let mut i = 0;
    while let Some(at) = crate::bytescan::find(b, i, |_, x, next, _| {
        x == 0xC3 && matches!(next, 0xB0 | 0x90 | 0xBD | 0x9D)
    }) {
        match b[at + 1] {
            0xB0 | 0x90 => eth += 1,
            _ => {
                let rest = &b[at + 2..];
                let horn = match rest {
                    [0xC6, 0xA0 | 0xA1, ..] | [0xC3, 0xB5 | 0x95, ..] => true,
                    [0xE1, 0xBB, x, ..] => (0x9A..=0xA3).contains(x),
                    _ => false,
                };
                if horn {
                    y_horn += 1;
                }
                let before = &b[..at];
                thong_ty |= before.ends_with("THÔNG T".as_bytes())
                    || before.ends_with("Thông t".as_bytes());
            }
        }
        i = at + 2;
    }
    let score = 2 * y_horn + if eth >= 3 { 2 } else { 0 };
    score >= 4 || thong_ty
}

/// Repair Windows-1258 text that was read as Windows-1252 (`THÔNG TÝ` → `THÔNG TƯ`,
/// `ðịnh` → `định`).
///
/// Two shapes occur. If every char still maps to one cp1252 byte, the bytes are simply decoded
/// again as cp1258 (tone marks included). Otherwise the text was partly repaired before us:
/// tone-marked letters are right and only the toneless ư ơ ă đ (and capitals) show as
/// ý õ ã ð. ð is never Vietnamese and is always fixed; ý õ ã are also real Vietnamese letters,
/// so they are fixed by syllable shape (see [`repair_word`]).
pub fn repair(s: &str) -> String {
    if let Some(bytes) = s
        .chars()
        .map(char_to_cp1252_byte)
        .collect::<Option<Vec<u8>>>()
    {
        return cp1258_to_unicode(&bytes);
    }
    let mut out = String::with_capacity(s.len());
    let mut word: Vec<char> = Vec::new();
    for c in s.chars() {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        repair_word(&mut word);
        out.extend(word.drain(..));
        out.push(c);
    }
    repair_word(&mut word);
    out.extend(word.drain(..));
    out.nfc().collect()
}

fn lower_str(chars: &[char]) -> String {
    chars.iter().flat_map(|c| c.to_lowercase()).collect()
}

/// Fix the toneless ư ơ ă đ of one word that was misread as ý õ ã ð, keeping the real ý õ ã
/// of Vietnamese syllables (`lý`, `ý kiến`, `rõ`, `đã`, `hãng`).
fn repair_word(word: &mut [char]) {
    for i in 0..word.len() {
        let c = word[i];
        let onset = lower_str(&word[..i]);
        let rest = lower_str(&word[i + 1..]);
        let upper = c.is_uppercase();
        let fixed: Option<char> = match c.to_lowercase().next().unwrap_or(c) {
            // A lower-case ð inside a capitalised word (`Nð-CP`) is a capital Đ.
            'ð' if word.len() > 1
                && word
                    .iter()
                    .enumerate()
                    .all(|(k, w)| k == i || !w.is_lowercase()) =>
            {
                Some('Đ')
            }
            'ð' => Some('đ'),
            'ý' if ya_is_u_horn(&onset, &rest) => Some('ư'),
            'õ' if o_tilde_is_o_horn(&onset, &rest) => Some('ơ'),
            'ã' if a_tilde_is_a_breve(&onset, &rest) => Some('ă'),
            _ => None,
        };
        if let Some(f) = fixed {
            word[i] = if upper {
                f.to_uppercase().next().unwrap_or(f)
            } else {
                f
            };
        }
    }
}

fn ya_is_u_horn(onset: &str, rest: &str) -> bool {
    // `uý` (quý, thuý, huýt) is a real ý.
    if onset.ends_with('u') {
        return false;
    }
    if !rest.is_empty() {
        // ý never starts a rhyme followed by more letters except after u: nýớc, ngýời, týợng.
        return true;
    }
    // Word-final ý: keep the real words ý, lý, ký, mỹ-like mý; the rest are ư (tư, như, thư).
    !matches!(onset, "" | "l" | "k" | "m")
}

fn o_tilde_is_o_horn(onset: &str, rest: &str) -> bool {
    if onset.ends_with('ư') {
        return true; // ươ: thương, phương, nước (ư fixed first, left to right)
    }
    match rest {
        "" => !matches!(onset, "r" | "v" | "g" | "ng" | "ngh" | "m" | "l" | "b"),
        "n" => onset != "n",
        "i" => !matches!(onset, "c" | "d" | "l" | "g"), // cõi, theo dõi, lõi
        "m" => onset != "h",
        _ => false,
    }
}

fn a_tilde_is_a_breve(onset: &str, rest: &str) -> bool {
    if !matches!(rest, "m" | "n" | "ng") {
        return false; // toneless ă only appears before m, n, ng
    }
    // Real words with ã before m/n/ng.
    !matches!(
        (onset, rest),
        ("h", "m")
            | ("l", "m")
            | ("nh", "n")
            | ("m", "n")
            | ("gi", "n")
            | ("d", "n")
            | ("h", "n")
            | ("l", "ng")
            | ("h", "ng")
    )
}

/// `ơ` with or without a tone mark, and `õ` (the letter cp1258 misreads produce for `ơ`).
fn is_horn_o_family(c: char) -> bool {
    matches!(
        c,
        'ơ' | 'ớ'
            | 'ờ'
            | 'ở'
            | 'ỡ'
            | 'ợ'
            | 'õ'
            | 'Ơ'
            | 'Ớ'
            | 'Ờ'
            | 'Ở'
            | 'Ỡ'
            | 'Ợ'
            | 'Õ'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repair_misdecoded_full_bytes() {
        // Every char is a cp1252 char: decode again as cp1258, tone bytes included.
        assert_eq!(repair("THÔNG TÝ"), "THÔNG TƯ");
        assert_eq!(repair("ÐiêÌu 2"), "Điều 2");
    }

    #[test]
    fn repair_misdecoded_partial() {
        let cases = [
            ("Nghị ðịnh số 59/CP", "Nghị định số 59/CP"),
            ("doanh nghiệp Nhà nýớc", "doanh nghiệp Nhà nước"),
            ("Thông tý này hýớng dẫn", "Thông tư này hướng dẫn"),
            ("NÃM 1997 HÝỚNG DẪN", "NĂM 1997 HƯỚNG DẪN"),
            ("LAO ÐỘNG - THÝÕNG BINH", "LAO ĐỘNG - THƯƠNG BINH"),
            ("trên cõ sở ðõn ðặt hàng", "trên cơ sở đơn đặt hàng"),
            ("cãn cứ tình hình", "căn cứ tình hình"),
            ("ngýời lao ðộng", "người lao động"),
            ("ðầu tý, nhý sau", "đầu tư, như sau"),
        ];
        for (bad, good) in cases {
            assert_eq!(repair(bad), good, "{bad}");
        }
    }

    #[test]
    fn repair_keeps_real_letters() {
        let s = "Bộ đã quản lý theo ý kiến, rõ ràng; hãng xã hội";
        assert_eq!(repair(s), s);
    }

    #[test]
    fn gate_sees_the_signatures() {
        assert!(looks_misdecoded("THÔNG TÝ"));
        assert!(looks_misdecoded("nhà nýớc, ngýời lao động"));
        assert!(looks_misdecoded("ðiều ðịnh ðối với nhà nýớc"));
        // ð alone (a name, a stray homograph) is too little; real ý and õ never trip it.
        assert!(!looks_misdecoded("ðiều ðịnh ðối"));
        assert!(!looks_misdecoded("ý kiến, rõ ràng, đã ký, Thông tư"));
    }

    #[test]
    fn evidence_counts_misreadings_only() {
        assert_eq!(evidence('ý', 'ớ'), 2);
        assert_eq!(evidence(' ', 'ð'), 1);
        assert_eq!(evidence('ê', 'Ì'), 1);
        assert_eq!(evidence('o', 'ò'), 0);
        assert_eq!(evidence('ý', ' '), 0);
    }
}
