//! The index schema and the tokenizers registered with tantivy.
//!
//! Text is indexed twice: `body`/`title` with the syllable tokenizer (lowercased, accents kept) and
//! `body_folded`/`title_folded` with the same tokenizer plus ASCII folding, so that `quyet dinh`
//! finds `quyết định` while exact (accented) matches still score higher. `body_pairs` holds each
//! pair of adjacent folded syllables as one term (`gia dat`), so a quoted phrase is a conjunction
//! of pair terms instead of a walk over positions.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use tantivy::Index;

/// Tokenizer name of the accented (exact) text fields.
pub const TOKENIZER_EXACT: &str = "vi";
/// Tokenizer name of the accent-free text fields.
pub const TOKENIZER_FOLDED: &str = "vi_folded";
/// Tokenizer name of the field of adjacent folded syllable pairs.
pub const TOKENIZER_PAIRS: &str = "vi_pairs";

/// Tokens longer than this (bytes) are dropped: they are base64 or garbage, never words.
const MAX_TOKEN_BYTES: usize = 64;

/// Handles on every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    pub id: Field,
    pub path: Field,
    pub number: Field,
    pub number_key: Field,
    pub doc_type: Field,
    pub issuer: Field,
    pub level: Field,
    pub regime: Field,
    pub issue_date: Field,
    pub effective_date: Field,
    pub year: Field,
    pub title: Field,
    pub title_folded: Field,
    pub body: Field,
    pub body_folded: Field,
    pub body_pairs: Field,
    pub rules: Field,
    pub severities: Field,
    pub findings: Field,
    pub format: Field,
    pub text_layer: Field,
    pub encoding: Field,
    pub pages: Field,
}

fn text_options(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Build the schema and the field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let date = DateOptions::default()
        .set_indexed()
        .set_fast()
        .set_stored()
        .set_precision(DateTimePrecision::Seconds);
    let keyword = STRING | STORED | FAST;
    let fields = Fields {
        id: b.add_text_field("id", keyword.clone()),
        path: b.add_text_field("path", keyword.clone()),
        number: b.add_text_field("number", STORED),
        number_key: b.add_text_field("number_key", STRING | STORED),
        doc_type: b.add_text_field("type", keyword.clone()),
        issuer: b.add_text_field("issuer", text_options(TOKENIZER_FOLDED, true)),
        level: b.add_text_field("level", keyword.clone()),
        regime: b.add_text_field("regime", keyword.clone()),
        issue_date: b.add_date_field("issue_date", date.clone()),
        effective_date: b.add_date_field("effective_date", date),
        year: b.add_u64_field(
            "year",
            NumericOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored(),
        ),
        title: b.add_text_field("title", text_options(TOKENIZER_EXACT, true)),
        title_folded: b.add_text_field("title_folded", text_options(TOKENIZER_FOLDED, false)),
        body: b.add_text_field("body", text_options(TOKENIZER_EXACT, true)),
        body_folded: b.add_text_field("body_folded", text_options(TOKENIZER_FOLDED, false)),
        // Frequencies only: phrases of three words or more are checked on `body_folded`'s
        // positions, and only for the hits shown.
        body_pairs: b.add_text_field(
            "body_pairs",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(TOKENIZER_PAIRS)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
        rules: b.add_text_field("rules", STRING | FAST),
        severities: b.add_text_field("severities", STRING | FAST),
        findings: b.add_text_field("findings", STORED),
        format: b.add_text_field("format", STRING | STORED),
        text_layer: b.add_text_field("text_layer", STRING | STORED),
        encoding: b.add_text_field("encoding", STRING | STORED),
        pages: b.add_u64_field("pages", STORED),
    };
    (b.build(), fields)
}

/// The analyzer of the accented fields: syllables, lowercased.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SyllableTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .build()
}

/// The analyzer of the folded fields: syllables, lowercased, ASCII-folded (`Đường` → `duong`).
///
/// The tokenizer itself folds syllables made of ASCII and Vietnamese letters (the filters then
/// find ASCII and pass it through); anything else is left to `LowerCaser` and
/// `AsciiFoldingFilter`, which give the same result, only slower.
pub fn folded_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SyllableTokenizer {
        fold: true,
        ..SyllableTokenizer::default()
    })
    .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
    .filter(LowerCaser)
    .filter(AsciiFoldingFilter)
    .build()
}

/// The analyzer of `body_pairs`: adjacent folded syllables joined by a space (`gia dat`).
pub fn pairs_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(PairTokenizer::default())
}

/// The term of two adjacent folded syllables in `body_pairs`.
pub fn pair_term(first: &str, second: &str) -> String {
    format!("{first} {second}")
}

/// Register the project's tokenizers on an index (needed after every open).
pub fn register_tokenizers(index: &Index) {
    index
        .tokenizers()
        .register(TOKENIZER_EXACT, exact_analyzer());
    index
        .tokenizers()
        .register(TOKENIZER_FOLDED, folded_analyzer());
    index
        .tokenizers()
        .register(TOKENIZER_PAIRS, pairs_analyzer());
}

/// Tokens of `text` through `analyzer`: (byte start, byte end, token text).
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push((t.offset_from, t.offset_to, t.text.clone()));
    }
    out
}

/// Splits text into syllables: maximal runs of letters, digits and combining marks. Everything
/// else (spaces, punctuation, `/`, `-`) separates tokens, so `15/2020/QĐ-UBND` gives
/// `15 2020 QĐ UBND` and a phrase query finds the number anywhere in the text.
#[derive(Clone, Default)]
pub struct SyllableTokenizer {
    token: Token,
    /// Lowercase and fold syllables of ASCII and Vietnamese letters (see [`folded_analyzer`]).
    fold: bool,
}

pub struct SyllableStream<'a> {
    text: &'a str,
    pos: usize,
    token: &'a mut Token,
    fold: bool,
}

/// The ASCII letter of a Vietnamese letter, lowercase and without marks: what `LowerCaser` then
/// `AsciiFoldingFilter` make of it (a unit test checks every one against them).
fn fold_vietnamese(c: char) -> Option<u8> {
    Some(match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'à' | 'á' | 'â' | 'ã' | 'Ă' | 'ă' | 'Ạ' | 'ạ' | 'Ả' | 'ả' | 'Ấ'
        | 'ấ' | 'Ầ' | 'ầ' | 'Ẩ' | 'ẩ' | 'Ẫ' | 'ẫ' | 'Ậ' | 'ậ' | 'Ắ' | 'ắ' | 'Ằ' | 'ằ' | 'Ẳ'
        | 'ẳ' | 'Ẵ' | 'ẵ' | 'Ặ' | 'ặ' => b'a',
        'đ' | 'Đ' => b'd',
        'È' | 'É' | 'Ê' | 'è' | 'é' | 'ê' | 'Ĕ' | 'ĕ' | 'Ẹ' | 'ẹ' | 'Ẻ' | 'ẻ' | 'Ẽ' | 'ẽ' | 'Ế'
        | 'ế' | 'Ề' | 'ề' | 'Ể' | 'ể' | 'Ễ' | 'ễ' | 'Ệ' | 'ệ' => b'e',
        'Ì' | 'Í' | 'Î' | 'ì' | 'í' | 'î' | 'Ĩ' | 'ĩ' | 'Ĭ' | 'ĭ' | 'Ỉ' | 'ỉ' | 'Ị' | 'ị' => {
            b'i'
        }
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'ò' | 'ó' | 'ô' | 'õ' | 'Ŏ' | 'ŏ' | 'Ơ' | 'ơ' | 'Ṍ' | 'ṍ' | 'Ọ'
        | 'ọ' | 'Ỏ' | 'ỏ' | 'Ố' | 'ố' | 'Ồ' | 'ồ' | 'Ổ' | 'ổ' | 'Ỗ' | 'ỗ' | 'Ộ' | 'ộ' | 'Ớ'
        | 'ớ' | 'Ờ' | 'ờ' | 'Ở' | 'ở' | 'Ỡ' | 'ỡ' | 'Ợ' | 'ợ' => b'o',
        'Ù' | 'Ú' | 'Û' | 'ù' | 'ú' | 'û' | 'Ũ' | 'ũ' | 'Ŭ' | 'ŭ' | 'Ư' | 'ư' | 'Ṹ' | 'ṹ' | 'Ụ'
        | 'ụ' | 'Ủ' | 'ủ' | 'Ứ' | 'ứ' | 'Ừ' | 'ừ' | 'Ử' | 'ử' | 'Ữ' | 'ữ' | 'Ự' | 'ự' => {
            b'u'
        }
        'Ý' | 'ý' | 'Ŷ' | 'ŷ' | 'Ỳ' | 'ỳ' | 'Ỵ' | 'ỵ' | 'Ỷ' | 'ỷ' | 'Ỹ' | 'ỹ' => {
            b'y'
        }
        _ => return None,
    })
}

/// `word` lowercased and folded into `out`, when it is made of ASCII and Vietnamese letters only.
fn fast_fold(word: &str, out: &mut String) -> bool {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(b) = fold_vietnamese(c) {
            out.push(char::from(b));
        } else {
            return false;
        }
    }
    true
}

fn is_syllable_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Every Vietnamese letter lies in these Latin blocks, all letters: skip the Unicode table
    // lookup for them (the tokenizer runs over every indexed and every highlighted text).
    // Combining marks are kept so that stray NFD input still yields whole syllables.
    matches!(c, 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ɏ' | '\u{1E00}'..='\u{1EFF}')
        || c.is_alphanumeric()
        || ('\u{300}'..='\u{36f}').contains(&c)
}

impl Tokenizer for SyllableTokenizer {
    type TokenStream<'a> = SyllableStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SyllableStream<'a> {
        self.token.reset();
        SyllableStream {
            text,
            pos: 0,
            token: &mut self.token,
            fold: self.fold,
        }
    }
}

impl TokenStream for SyllableStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        let rest = &self.text[self.pos..];
        let Some((skip, _)) = rest.char_indices().find(|&(_, c)| is_syllable_char(c)) else {
            self.pos = self.text.len();
            return false;
        };
        let start = self.pos + skip;
        let len = self.text[start..]
            .char_indices()
            .find(|&(_, c)| !is_syllable_char(c))
            .map_or(self.text.len() - start, |(i, _)| i);
        let end = start + len;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = start;
        self.token.offset_to = end;
        let word = &self.text[start..end];
        // Over-long words stay as they are for `RemoveLongFilter` to measure and drop.
        if !(self.fold && word.len() < MAX_TOKEN_BYTES && fast_fold(word, &mut self.token.text)) {
            self.token.text.clear();
            self.token.text.push_str(word);
        }
        self.pos = end;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Pairs of adjacent folded syllables. Syllables separated by a dropped (over-long) token are not
/// adjacent, as in a phrase query. A pair sits at the position of its first syllable.
#[derive(Clone)]
pub struct PairTokenizer {
    folded: TextAnalyzer,
    pairs: Vec<Token>,
}

impl Default for PairTokenizer {
    fn default() -> Self {
        PairTokenizer {
            folded: folded_analyzer(),
            pairs: Vec::new(),
        }
    }
}

pub struct PairStream<'a> {
    pairs: std::vec::Drain<'a, Token>,
    token: Token,
}

impl Tokenizer for PairTokenizer {
    type TokenStream<'a> = PairStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairStream<'a> {
        let PairTokenizer { folded, pairs } = self;
        pairs.clear();
        let mut stream = folded.token_stream(text);
        // (position, start offset, text) of the previous syllable; the text buffer is reused.
        let mut previous: Option<(usize, usize)> = None;
        let mut previous_text = String::new();
        while let Some(t) = stream.next() {
            if let Some((position, offset_from)) = previous {
                if position.wrapping_add(1) == t.position {
                    let mut text = String::with_capacity(previous_text.len() + 1 + t.text.len());
                    text.push_str(&previous_text);
                    text.push(' ');
                    text.push_str(&t.text);
                    debug_assert_eq!(text, pair_term(&previous_text, &t.text));
                    pairs.push(Token {
                        offset_from,
                        offset_to: t.offset_to,
                        position,
                        text,
                        position_length: 1,
                    });
                }
            }
            previous = Some((t.position, t.offset_from));
            previous_text.clear();
            previous_text.push_str(&t.text);
        }
        PairStream {
            pairs: pairs.drain(..),
            token: Token::default(),
        }
    }
}

impl TokenStream for PairStream<'_> {
    fn advance(&mut self) -> bool {
        match self.pairs.next() {
            Some(t) => {
                self.token = t;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(analyzer: &mut TextAnalyzer, s: &str) -> Vec<String> {
        tokens(analyzer, s).into_iter().map(|t| t.2).collect()
    }

    #[test]
    fn syllables_split_on_punctuation_and_keep_vietnamese_letters() {
        let mut a = exact_analyzer();
        assert_eq!(
            texts(&mut a, "Số: 15/2020/QĐ-UBND, Ủy ban"),
            ["số", "15", "2020", "qđ", "ubnd", "ủy", "ban"]
        );
    }

    #[test]
    fn folded_analyzer_removes_every_vietnamese_mark() {
        let mut a = folded_analyzer();
        assert_eq!(
            texts(&mut a, "Đường Hưởng quyết định ỦY BAN Nghị"),
            ["duong", "huong", "quyet", "dinh", "uy", "ban", "nghi"]
        );
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let mut a = folded_analyzer();
        let s = "Quyết định số 5";
        let t = tokens(&mut a, s);
        assert_eq!(&s[t[1].0..t[1].1], "định");
        assert_eq!(t[1].2, "dinh");
    }

    #[test]
    fn tokenizer_folding_agrees_with_tantivy_filters() {
        let mut reference = TextAnalyzer::builder(SyllableTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        let mut fast = folded_analyzer();
        let mut samples: Vec<String> = ('\u{80}'..='\u{24F}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .map(|c| format!("{c} x{c}Y 1{c}"))
            .collect();
        let long_vowel = "ế".repeat(MAX_TOKEN_BYTES / 3);
        samples.extend([
            "ĐƯỜNG Hưởng QUYẾT định ñandú Straße İstanbul ǅ ΣΑΣ".to_string(),
            "quye\u{302}\u{301}t đi\u{323}nh".to_string(),
            format!("{long_vowel} {long_vowel}ế {long_vowel}a"),
        ]);
        for s in samples {
            assert_eq!(tokens(&mut fast, &s), tokens(&mut reference, &s), "{s:?}");
        }
    }

    #[test]
    fn latin_fast_path_agrees_with_unicode() {
        for c in ('\u{80}'..='\u{24F}').chain('\u{1E00}'..='\u{1EFF}') {
            let unicode = c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c);
            assert_eq!(is_syllable_char(c), unicode, "{c:?}");
        }
    }

    #[test]
    fn pairs_are_adjacent_folded_syllables() {
        let mut a = pairs_analyzer();
        assert_eq!(
            texts(&mut a, "Giá đất, ở Hà Nội"),
            ["gia dat", "dat o", "o ha", "ha noi"]
        );
        assert!(texts(&mut a, "một").is_empty());
        // An over-long token breaks adjacency, as it does for a phrase query.
        let long = "x".repeat(MAX_TOKEN_BYTES + 1);
        assert_eq!(texts(&mut a, &format!("a {long} b c")), ["b c"]);
    }

    #[test]
    fn combining_marks_stay_inside_the_syllable() {
        let mut a = exact_analyzer();
        // "quyết" written NFD: e + circumflex + acute.
        assert_eq!(texts(&mut a, "quye\u{302}\u{301}t x").len(), 2);
    }
}
