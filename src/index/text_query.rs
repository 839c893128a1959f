//! Free-text queries in two phases.
//!
//! Matching uses one field per query term: a word is a term of `body_folded`, a phrase a
//! conjunction of its word pairs in `body_pairs`. A query of plain words is then a conjunction of
//! term queries, which tantivy answers with block-max WAND instead of scoring every match. The
//! best [`RESCORE_DEPTH`] hits are then re-scored with the exact (accented) and title fields, so
//! that accented matches and title matches still rank first, and phrases of three words or more
//! are checked against the positions of `body_folded` (pairs alone accept `a b … b c`).

use super::schema::{exact_analyzer, folded_analyzer, pair_term, tokens, Fields};
use super::IndexError;
use std::collections::{HashMap, HashSet};
use tantivy::postings::Postings;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EnableScoring, Occur, Query, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, Term, TERMINATED};

/// Hits of the matching phase that are re-scored with the exact and title fields.
pub(crate) const RESCORE_DEPTH: usize = 50;

/// Weights of the final score. The folded body is what every hit matched; accented matches add
/// the exact body, and the title counts more than the body.
const FOLDED_BODY_WEIGHT: Score = 0.5;
const EXACT_BODY_WEIGHT: Score = 1.0;
const FOLDED_TITLE_WEIGHT: Score = 1.5;
const EXACT_TITLE_WEIGHT: Score = 3.0;
/// A title holding all the query words in order counts its folded title score this many times
/// more: reviewers often type the beginning of a title (trích yếu).
const TITLE_PHRASE_WEIGHT: Score = 2.0;

/// One word or quoted phrase of the query, as the index spells it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clause {
    /// Folded syllables (`gia`, `dat`): one for a word, more for a phrase. A word the tokenizer
    /// splits (`15/2020`, `QĐ-UBND`) is a phrase, as tantivy's query parser reads it.
    pub folded: Vec<String>,
    /// Lowercased accented syllables, for the exact fields.
    pub exact: Vec<String>,
    /// Written with `+`.
    pub required: bool,
}

/// A free-text query: words, `"quoted phrases"`, `+required` and `-excluded` ones.
#[derive(Debug, Default)]
pub(crate) struct ParsedQuery {
    pub positive: Vec<Clause>,
    pub excluded: Vec<Clause>,
    /// The query used quotes, `+` or `-`.
    pub has_operators: bool,
}

impl ParsedQuery {
    /// Parse a normalized query. Characters that are not letters, digits, quotes, `+` or `-`
    /// only separate words; an unbalanced quote is read as a space.
    pub fn parse(q: &str) -> ParsedQuery {
        let mut folded = folded_analyzer();
        let mut exact = exact_analyzer();
        let balanced = q.matches('"').count().is_multiple_of(2);
        let mut out = ParsedQuery::default();
        let mut rest = q;
        loop {
            rest = rest.trim_start();
            let Some(first) = rest.chars().next() else {
                break;
            };
            let (required, excluded) = (first == '+', first == '-');
            if required || excluded {
                rest = &rest[1..];
            }
            let text;
            if balanced && rest.starts_with('"') {
                let inner = &rest[1..];
                let end = inner.find('"').unwrap_or(inner.len());
                text = &inner[..end];
                rest = inner.get(end + 1..).unwrap_or("");
                out.has_operators = true;
            } else {
                let end = rest
                    .find(|c: char| c.is_whitespace() || (balanced && c == '"'))
                    .unwrap_or(rest.len());
                text = &rest[..end];
                rest = &rest[end..];
            }
            let clause = Clause {
                folded: tokens(&mut folded, text).into_iter().map(|t| t.2).collect(),
                exact: tokens(&mut exact, text).into_iter().map(|t| t.2).collect(),
                required,
            };
            if clause.folded.is_empty() {
                continue;
            }
            out.has_operators |= required || excluded;
            if excluded {
                out.excluded.push(clause);
            } else {
                out.positive.push(clause);
            }
        }
        out
    }

    /// Folded syllables of the positive clauses, in query order.
    pub fn folded_words(&self) -> impl Iterator<Item = &str> {
        self.positive
            .iter()
            .flat_map(|c| c.folded.iter().map(String::as_str))
    }

    /// Phrases whose pair terms do not prove them (three words or more), to check on
    /// positions: (words, excluded).
    pub fn unproven_phrases(&self) -> Vec<(&[String], bool)> {
        let long = |c: &&Clause| c.folded.len() >= 3;
        self.positive
            .iter()
            .filter(long)
            .map(|c| (c.folded.as_slice(), false))
            .chain(
                self.excluded
                    .iter()
                    .filter(long)
                    .map(|c| (c.folded.as_slice(), true)),
            )
            .collect()
    }
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// The term queries that match a clause: its syllable, or the pairs of its syllables.
fn clause_terms(f: &Fields, clause: &Clause) -> Vec<Box<dyn Query>> {
    match clause.folded.as_slice() {
        [word] => vec![term_query(f.body_folded, word)],
        words => words
            .windows(2)
            .map(|w| term_query(f.body_pairs, &pair_term(&w[0], &w[1])))
            .collect(),
    }
}

/// The matching query. With `all_words`, every clause is required (one flat conjunction, so
/// tantivy prunes with block-max WAND); otherwise only `+` clauses are, and the rest rank.
/// Filters select without scoring.
pub(crate) fn matching_query(
    f: &Fields,
    parsed: &ParsedQuery,
    all_words: bool,
    filters: &[Box<dyn Query>],
) -> Box<dyn Query> {
    let mut required: Vec<Box<dyn Query>> = Vec::new();
    let mut optional: Vec<Box<dyn Query>> = Vec::new();
    for clause in &parsed.positive {
        if all_words || clause.required {
            required.extend(clause_terms(f, clause));
        } else {
            // A phrase ranks when all its pairs are there.
            let mut terms = clause_terms(f, clause);
            let one = if terms.len() == 1 {
                terms.remove(0)
            } else {
                Box::new(BooleanQuery::intersection(terms))
            };
            optional.push(one);
        }
    }
    // Longer excluded phrases are checked on the hits' positions (`keep_proven`): their pairs
    // would exclude too much.
    let excluded: Vec<Box<dyn Query>> = parsed
        .excluded
        .iter()
        .filter(|c| c.folded.len() <= 2)
        .flat_map(|c| clause_terms(f, c))
        .collect();
    if !optional.is_empty() {
        let union: Box<dyn Query> = if optional.len() == 1 {
            optional.remove(0)
        } else {
            Box::new(BooleanQuery::union(optional))
        };
        if required.is_empty() && filters.is_empty() && excluded.is_empty() {
            return union;
        }
        if required.is_empty() {
            required.push(union);
        } else {
            // Required clauses match, the others only add to the score.
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
                (Occur::Must, Box::new(BooleanQuery::intersection(required))),
                (Occur::Should, union),
            ];
            required = vec![Box::new(BooleanQuery::new(std::mem::take(&mut clauses)))];
        }
    }
    if required.len() == 1 && filters.is_empty() && excluded.is_empty() {
        return required.remove(0);
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    clauses.extend(required.into_iter().map(|q| (Occur::Must, q)));
    for filter in filters {
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(filter.box_clone(), 0.0)),
        ));
    }
    clauses.extend(excluded.into_iter().map(|q| (Occur::MustNot, q)));
    Box::new(BooleanQuery::new(clauses))
}

/// Candidate indices grouped by segment, each group in ascending document order (scorers and
/// postings only move forward).
fn by_segment(docs: &[DocAddress]) -> Vec<(u32, Vec<(DocId, usize)>)> {
    let mut groups: HashMap<u32, Vec<(DocId, usize)>> = HashMap::new();
    for (i, a) in docs.iter().enumerate() {
        groups.entry(a.segment_ord).or_default().push((a.doc_id, i));
    }
    let mut out: Vec<_> = groups.into_iter().collect();
    for (_, g) in &mut out {
        g.sort_unstable();
    }
    out.sort_unstable_by_key(|(s, _)| *s);
    out
}

/// Whether each document holds `words` at consecutive positions of `field` (indexed with
/// positions). Reads the positions of these documents only.
pub(crate) fn phrase_matches(
    searcher: &Searcher,
    field: Field,
    words: &[String],
    docs: &[DocAddress],
) -> Result<Vec<bool>, IndexError> {
    let mut out = vec![false; docs.len()];
    if words.is_empty() {
        return Ok(out);
    }
    let mut positions: Vec<Vec<u32>> = vec![Vec::new(); words.len()];
    for (segment, group) in by_segment(docs) {
        let inverted = searcher.segment_reader(segment).inverted_index(field)?;
        let mut postings = Vec::with_capacity(words.len());
        for w in words {
            let term = Term::from_field_text(field, w);
            match inverted.read_postings(&term, IndexRecordOption::WithFreqsAndPositions)? {
                Some(p) => postings.push(p),
                None => break,
            }
        }
        if postings.len() < words.len() {
            continue; // a word absent from the segment: no document there has the phrase
        }
        'docs: for (doc, i) in group {
            for (p, pos) in postings.iter_mut().zip(positions.iter_mut()) {
                if p.doc() < doc {
                    p.seek(doc);
                }
                if p.doc() != doc || p.doc() == TERMINATED {
                    continue 'docs;
                }
                pos.clear();
                p.positions(pos);
            }
            let Some((first, rest)) = positions.split_first() else {
                continue;
            };
            out[i] = first.iter().any(|&start| {
                rest.iter().enumerate().all(|(k, pos)| {
                    let want = start.checked_add(k as u32 + 1);
                    want.is_some_and(|w| pos.binary_search(&w).is_ok())
                })
            });
        }
    }
    Ok(out)
}

/// Keep the hits whose long phrases really are there, and excluded ones are not (see
/// [`ParsedQuery::unproven_phrases`]).
pub(crate) fn keep_proven<T>(
    searcher: &Searcher,
    f: &Fields,
    parsed: &ParsedQuery,
    hits: Vec<(T, DocAddress)>,
) -> Result<Vec<(T, DocAddress)>, IndexError> {
    let phrases = parsed.unproven_phrases();
    if phrases.is_empty() {
        return Ok(hits);
    }
    let docs: Vec<DocAddress> = hits.iter().map(|h| h.1).collect();
    let mut keep = vec![true; docs.len()];
    for (phrase, excluded) in phrases {
        let found = phrase_matches(searcher, f.body_folded, phrase, &docs)?;
        for (k, has) in keep.iter_mut().zip(found) {
            *k &= has != excluded;
        }
    }
    Ok(hits
        .into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect())
}

/// Re-score the matching phase's hits with the exact and title fields; best first.
pub(crate) fn rescore(
    searcher: &Searcher,
    f: &Fields,
    parsed: &ParsedQuery,
    title_phrase: bool,
    hits: Vec<(Score, DocAddress)>,
) -> Result<Vec<(Score, DocAddress)>, IndexError> {
    let docs: Vec<DocAddress> = hits.iter().map(|h| h.1).collect();
    let mut scores: Vec<Score> = hits.iter().map(|h| FOLDED_BODY_WEIGHT * h.0).collect();
    let mut title_scores = vec![0.0; docs.len()];

    let mut seen = HashSet::new();
    let mut weights: Vec<(Box<dyn Weight>, Score, bool)> = Vec::new();
    let scoring = EnableScoring::enabled_from_searcher(searcher);
    let mut add = |field: Field, text: &str, weight: Score, title: bool| {
        if !seen.insert((field, text.to_string())) {
            return Ok::<(), IndexError>(());
        }
        let query = TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::WithFreqs,
        );
        weights.push((query.weight(scoring)?, weight, title));
        Ok(())
    };
    for clause in &parsed.positive {
        for w in &clause.exact {
            add(f.body, w, EXACT_BODY_WEIGHT, false)?;
            add(f.title, w, EXACT_TITLE_WEIGHT, false)?;
        }
        for w in &clause.folded {
            add(f.title_folded, w, FOLDED_TITLE_WEIGHT, true)?;
        }
    }
    for (segment, group) in by_segment(&docs) {
        let reader = searcher.segment_reader(segment);
        for (weight, boost, title) in &weights {
            let mut scorer = weight.scorer(reader, *boost)?;
            for &(doc, i) in &group {
                if scorer.doc() < doc {
                    scorer.seek(doc);
                }
                if scorer.doc() == doc {
                    let s = scorer.score();
                    scores[i] += s;
                    if *title {
                        title_scores[i] += s;
                    }
                }
            }
        }
    }
    let words: Vec<String> = parsed.folded_words().map(str::to_string).collect();
    if title_phrase && words.len() >= 2 {
        let candidates: Vec<DocAddress> = docs
            .iter()
            .zip(&title_scores)
            .filter(|(_, s)| **s > 0.0)
            .map(|(d, _)| *d)
            .collect();
        let found = phrase_matches(searcher, f.title_folded, &words, &candidates)?;
        let in_title: HashSet<DocAddress> = candidates
            .into_iter()
            .zip(found)
            .filter_map(|(d, ok)| ok.then_some(d))
            .collect();
        for ((score, doc), title) in scores.iter_mut().zip(&docs).zip(&title_scores) {
            if in_title.contains(doc) {
                *score += TITLE_PHRASE_WEIGHT * title;
            }
        }
    }
    let mut out: Vec<(Score, DocAddress)> = scores.into_iter().zip(docs).collect();
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(c: &Clause) -> Vec<&str> {
        c.folded.iter().map(String::as_str).collect()
    }

    #[test]
    fn words_phrases_and_operators() {
        let p = ParsedQuery::parse("Giá đất \"trật tự xây dựng\" +máy -\"thuế đất\" -in");
        let pos: Vec<Vec<&str>> = p.positive.iter().map(folded).collect();
        assert_eq!(
            pos,
            [
                vec!["gia"],
                vec!["dat"],
                vec!["trat", "tu", "xay", "dung"],
                vec!["may"]
            ]
        );
        assert_eq!(p.positive[0].exact, ["giá"]);
        assert!(p.positive[3].required && !p.positive[0].required);
        let ex: Vec<Vec<&str>> = p.excluded.iter().map(folded).collect();
        assert_eq!(ex, [vec!["thue", "dat"], vec!["in"]]);
        assert!(p.has_operators);
        assert_eq!(p.unproven_phrases().len(), 1);
        let p = ParsedQuery::parse("đất -\"giá đất ở\"");
        assert!(p.unproven_phrases()[0].1);
    }

    #[test]
    fn split_words_are_phrases_and_stray_characters_vanish() {
        let p = ParsedQuery::parse("quyết định 15/2020/QĐ-UBND ( - + \"");
        let pos: Vec<Vec<&str>> = p.positive.iter().map(folded).collect();
        assert_eq!(
            pos,
            [
                vec!["quyet"],
                vec!["dinh"],
                vec!["15", "2020", "qd", "ubnd"]
            ]
        );
        assert!(p.excluded.is_empty() && !p.has_operators);
        assert!(ParsedQuery::parse("((( * ^~").positive.is_empty());
    }
}
