//! Queries: document numbers, words and phrases (accented or not), filters, sorting, snippets.

use super::record::{from_datetime, to_datetime};
use super::schema::{folded_analyzer, tokens, Fields};
use super::snippet::{snippet_html, Highlight};
use super::text_query::{keep_proven, matching_query, rescore, ParsedQuery, RESCORE_DEPTH};
use super::{open_existing, IndexError, QueryError};
use crate::check::{Finding, Severity};
use crate::normalize::{normalize_query, number_key};
use crate::parse::{DocType, Level};
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Bound;
use std::path::Path;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EnableScoring, Occur, PhraseQuery, Query,
    QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{
    DateTime, DocAddress, DocSet, Index, IndexReader, Order, ReloadPolicy, Searcher,
    TantivyDocument, Term,
};

/// Default and largest page size.
const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: usize = 1000;
/// Snippet length in characters.
const SNIPPET_CHARS: usize = 220;
/// Largest estimated cost (postings to walk, tantivy's `DocSet::cost`) for which `total` is counted
/// exactly. Counting every match of a common word costs as much as the search itself.
const EXACT_COUNT_MAX_COST: u64 = 5_000;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Relevance,
    /// Newest issue date first (documents without a date last).
    DateDesc,
    DateAsc,
}

/// A search request; `limit` 0 means the default (10). Filters are typed: what users write is
/// parsed at the edge by [`super::parse_filter`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// Words, `"quoted phrases"`, `+required`/`-excluded` terms, or a document number.
    #[serde(rename = "q")]
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    #[serde(rename = "type")]
    pub doc_type: Option<DocType>,
    /// Words of the issuing body, matched as a phrase without accents (`Thái Nguyên`).
    pub issuer: Option<String>,
    pub level: Option<Level>,
    pub year: Option<i32>,
    /// Issue date range, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Documents with at least one finding of this rule (`HL-002`).
    pub rule: Option<crate::check::RuleId>,
    /// Documents with at least one finding of this severity.
    pub severity: Option<Severity>,
    pub sort: SortOrder,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub path: String,
    pub number: Option<String>,
    pub title: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub issue_date: Option<String>,
    pub score: f32,
    /// HTML: the text escaped, matches wrapped in `<b>…</b>`.
    pub snippet: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Number of matching documents: exact when `total_exact`, otherwise an estimate from the
    /// posting lists (never below the hits already returned, so paging still works). Exact
    /// whenever the page is not full or the query is selective enough to count cheaply.
    pub total: usize,
    pub total_exact: bool,
    pub hits: Vec<SearchHit>,
}

/// Everything stored about one document: the document page and the NDJSON export.
#[derive(Debug, Clone, Serialize)]
pub struct StoredDocument {
    pub id: String,
    pub path: String,
    pub number: Option<String>,
    pub number_key: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub level: Option<String>,
    pub regime: Option<String>,
    pub issue_date: Option<NaiveDate>,
    pub effective_date: Option<NaiveDate>,
    pub year: Option<u64>,
    pub title: Option<String>,
    pub format: Option<String>,
    pub text_layer: Option<String>,
    pub encoding: Option<String>,
    pub pages: Option<u64>,
    pub rules: Vec<String>,
    pub severities: Vec<String>,
    pub findings: Vec<Finding>,
    pub body: String,
}

/// Search the index in `dir` (opens it for this one query; keep an [`IndexSearcher`] for more).
pub fn search(dir: &Path, request: &SearchRequest) -> Result<SearchResults, IndexError> {
    IndexSearcher::open(dir)?.search(request)
}

/// `15/2020/QĐ-UBND`, `34/2016/ND-CP`, `80/2015/QH13`, `Số: 01/VBHN-BTC`: a number, not words.
static NUMBER_QUERY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:số\s*:?\s*)?\d{1,5}[a-z]?\s*/\s*(?:\d{4}\s*/\s*)?\p{L}[\p{L}\d]*(?:\s*[-–—]\s*[\p{L}\d]+)*$")
        .unwrap_or_else(|e| unreachable!("number query regex: {e}"))
});

/// The number key when the query is a document number.
fn number_query(q: &str) -> Option<String> {
    NUMBER_QUERY.is_match(q.trim()).then(|| {
        let q = q.trim();
        // Drop a `Số:` prefix in any case before keying.
        let q = match q.char_indices().find(|&(_, c)| c.is_ascii_digit()) {
            Some((i, _)) => &q[i..],
            None => q,
        };
        number_key(q)
    })
}

/// (score, address) of hits, best first.
type Hits = Vec<(f32, DocAddress)>;

/// The page of hits, the query that found it and the terms to highlight.
struct Found {
    hits: Vec<(f32, DocAddress)>,
    query: Box<dyn Query>,
    highlight: Highlight,
    /// The query matches a superset of the hits (pair terms of long phrases), so a count of it
    /// is only an upper bound.
    total_is_bound: bool,
    /// Every match was seen while collecting the page: this many, no count needed.
    known_total: Option<usize>,
}

impl Found {
    fn plain(hits: Vec<(f32, DocAddress)>, query: Box<dyn Query>, highlight: Highlight) -> Found {
        Found {
            hits,
            query,
            highlight,
            total_is_bound: false,
            known_total: None,
        }
    }
}

/// A reusable searcher over one index; cheap to share between threads.
pub struct IndexSearcher {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl IndexSearcher {
    pub fn open(dir: &Path) -> Result<IndexSearcher, IndexError> {
        let (index, fields) = open_existing(dir)?;
        // Picks up commits made by a concurrent `index` run (serve keeps one searcher).
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(IndexSearcher {
            index,
            reader,
            fields,
        })
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, IndexError> {
        let limit = match req.limit {
            0 => DEFAULT_LIMIT,
            n => n.min(MAX_LIMIT),
        };
        let q = normalize_query(&req.query);
        let q = q.trim();
        let filters = self.filters(req);
        let searcher = self.reader.searcher();

        let found = if q.is_empty() {
            let query = combine(None, &filters);
            let hits = self.top(&searcher, query.as_ref(), req, limit)?;
            Found::plain(hits, query, Highlight::default())
        } else if let Some(key) = number_query(q) {
            let query = combine(Some(self.number_query(&key, q)), &filters);
            let hits = self.top(&searcher, query.as_ref(), req, limit)?;
            let highlight = self.highlight_terms(query.as_ref());
            Found::plain(hits, query, highlight)
        } else if is_boolean_syntax(q) {
            self.boolean_syntax(&searcher, q, req, limit, &filters)?
        } else {
            let parsed = ParsedQuery::parse(q);
            if parsed.positive.is_empty() {
                if parsed.excluded.is_empty() {
                    return Err(IndexError::Query(QueryError::NoWords));
                }
                // Only exclusions: nothing is asked for, nothing is found.
                return Ok(SearchResults {
                    total: 0,
                    total_exact: true,
                    hits: Vec::new(),
                });
            }
            let mut found = self.free_text(&searcher, &parsed, true, req, limit, &filters)?;
            // All words required found nothing: any word, best first, beats an empty page.
            // Only an empty first page past offset 0 needs a count to know that.
            let nothing = found.hits.is_empty()
                && match found.known_total {
                    Some(n) => n == 0,
                    None => count(&searcher, found.query.as_ref(), req, limit, 0)?.0 == 0,
                };
            if nothing && parsed.positive.len() >= 2 && !parsed.has_operators {
                found = self.free_text(&searcher, &parsed, false, req, limit, &filters)?;
            }
            found
        };
        let Found {
            hits,
            query,
            highlight,
            total_is_bound,
            known_total,
        } = found;
        let (mut total, mut total_exact) = match known_total {
            Some(n) => (n, true),
            None => count(&searcher, query.as_ref(), req, limit, hits.len())?,
        };
        // A full page of a query with long phrases: the count is of the pairs, an upper bound.
        if total_is_bound && known_total.is_none() && hits.len() == limit {
            total_exact = false;
            total = total.max(req.offset + limit + 1);
        }
        let mut folded = folded_analyzer();
        let mut out = Vec::with_capacity(hits.len());
        for (score, addr) in hits {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let f = &self.fields;
            let body = text(&doc, f.body).unwrap_or_default();
            out.push(SearchHit {
                path: text(&doc, f.path).unwrap_or_default(),
                number: text(&doc, f.number),
                title: text(&doc, f.title),
                doc_type: text(&doc, f.doc_type),
                issuer: text(&doc, f.issuer),
                issue_date: date(&doc, f.issue_date).map(|d| d.to_string()),
                score,
                snippet: snippet_html(&body, &highlight, &mut folded, SNIPPET_CHARS),
            });
        }
        Ok(SearchResults {
            total,
            total_exact,
            hits: out,
        })
    }

    /// The requested page of `query` (sorted as asked), no re-scoring.
    fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        req: &SearchRequest,
        limit: usize,
    ) -> Result<Vec<(f32, DocAddress)>, IndexError> {
        let mut hits = self.first(searcher, query, req.sort, req.offset + limit)?;
        Ok(hits.split_off(req.offset.min(hits.len())))
    }

    /// The best `n` hits of `query` in the requested order. TopDocs alone: a `Count` beside it
    /// would make tantivy score every match instead of pruning the ones that cannot reach the page.
    fn first(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        sort: SortOrder,
        n: usize,
    ) -> Result<Vec<(f32, DocAddress)>, IndexError> {
        Ok(self.first_counted(searcher, query, sort, n, false)?.0)
    }

    /// [`Self::first`], and with `counted` the number of matches from the same pass: worth it
    /// when the query cannot prune anyway (filters make tantivy visit every match).
    fn first_counted(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        sort: SortOrder,
        n: usize,
        counted: bool,
    ) -> Result<(Hits, Option<usize>), IndexError> {
        if n == 0 {
            return Ok((Vec::new(), None));
        }
        let top = TopDocs::with_limit(n);
        // A pair of collectors is visited match by match: only pair them when counting.
        Ok(match sort {
            SortOrder::Relevance if counted => {
                let (hits, total) = searcher.search(query, &(top.order_by_score(), Count))?;
                (hits, Some(total))
            }
            SortOrder::Relevance => (searcher.search(query, &top.order_by_score())?, None),
            SortOrder::DateDesc | SortOrder::DateAsc => {
                let order = if sort == SortOrder::DateAsc {
                    Order::Asc
                } else {
                    Order::Desc
                };
                let by_date = top.order_by_fast_field::<DateTime>("issue_date", order);
                let (hits, total) = if counted {
                    let (hits, total) = searcher.search(query, &(by_date, Count))?;
                    (hits, Some(total))
                } else {
                    (searcher.search(query, &by_date)?, None)
                };
                (hits.into_iter().map(|(_, a)| (0.0, a)).collect(), total)
            }
        })
    }

    /// Words and phrases: match on one folded field per term, then re-score the best hits
    /// (see `text_query`). Long phrases are checked on positions, fetching more hits while
    /// checks reject some and more may follow.
    fn free_text(
        &self,
        searcher: &Searcher,
        parsed: &ParsedQuery,
        all_words: bool,
        req: &SearchRequest,
        limit: usize,
        filters: &[Box<dyn Query>],
    ) -> Result<Found, IndexError> {
        let query = matching_query(&self.fields, parsed, all_words, filters);
        let wanted = req.offset + limit;
        let depth = match req.sort {
            SortOrder::Relevance => wanted.max(RESCORE_DEPTH),
            SortOrder::DateDesc | SortOrder::DateAsc => wanted,
        };
        let mut n = depth;
        let mut counted = None;
        let (hits, exhausted) = loop {
            let (hits, count) =
                self.first_counted(searcher, query.as_ref(), req.sort, n, !filters.is_empty())?;
            counted = counted.or(count);
            let exhausted = hits.len() < n;
            let hits = keep_proven(searcher, &self.fields, parsed, hits)?;
            if hits.len() >= depth || exhausted {
                break (hits, exhausted);
            }
            n = n.saturating_mul(4);
        };
        // A count of pair terms is only a bound when long phrases were checked on positions.
        let proven = parsed.unproven_phrases().is_empty();
        let known_total = if exhausted {
            Some(hits.len())
        } else {
            counted.filter(|_| proven)
        };
        let mut hits = match req.sort {
            SortOrder::Relevance => {
                rescore(searcher, &self.fields, parsed, !parsed.has_operators, hits)?
            }
            SortOrder::DateDesc | SortOrder::DateAsc => hits,
        };
        hits.truncate(wanted);
        let mut highlight = Highlight::default();
        highlight
            .folded
            .extend(parsed.folded_words().map(str::to_string));
        Ok(Found {
            hits: hits.split_off(req.offset.min(hits.len())),
            query,
            highlight,
            total_is_bound: !parsed.unproven_phrases().is_empty(),
            known_total,
        })
    }

    /// Queries with `AND` / `OR`: tantivy's query parser over the four text fields.
    fn boolean_syntax(
        &self,
        searcher: &Searcher,
        q: &str,
        req: &SearchRequest,
        limit: usize,
        filters: &[Box<dyn Query>],
    ) -> Result<Found, IndexError> {
        let query = combine(Some(self.text_query(q)?), filters);
        let hits = self.top(searcher, query.as_ref(), req, limit)?;
        let highlight = self.highlight_terms(query.as_ref());
        Ok(Found::plain(hits, query, highlight))
    }

    /// The stored document with this path or content hash.
    pub fn document(&self, path_or_id: &str) -> Result<Option<StoredDocument>, IndexError> {
        let searcher = self.reader.searcher();
        for field in [self.fields.path, self.fields.id] {
            let query = TermQuery::new(
                Term::from_field_text(field, path_or_id),
                IndexRecordOption::Basic,
            );
            let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
            if let Some((_, addr)) = top.first() {
                let doc: TantivyDocument = searcher.doc(*addr)?;
                return Ok(Some(self.stored(&doc)));
            }
        }
        Ok(None)
    }

    /// Decode every stored field of a document.
    pub(crate) fn stored(&self, doc: &TantivyDocument) -> StoredDocument {
        stored_document(&self.fields, doc)
    }

    fn number_query(&self, key: &str, q: &str) -> Box<dyn Query> {
        let f = &self.fields;
        let exact: Box<dyn Query> = Box::new(BoostQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(f.number_key, key),
                IndexRecordOption::Basic,
            )),
            50.0,
        ));
        // Documents that cite the number come after the document itself.
        let terms: Vec<Term> = tokens(&mut folded_analyzer(), q)
            .into_iter()
            .filter(|t| t.2 != "so")
            .map(|t| Term::from_field_text(f.body_folded, &t.2))
            .collect();
        let mut clauses = vec![(Occur::Should, exact)];
        if terms.len() >= 2 {
            clauses.push((Occur::Should, Box::new(PhraseQuery::new(terms))));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    fn text_query(&self, q: &str) -> Result<Box<dyn Query>, IndexError> {
        let f = &self.fields;
        let mut parser = QueryParser::for_index(
            &self.index,
            vec![f.title, f.title_folded, f.body, f.body_folded],
        );
        // Accented matches hit both the exact and the folded field, so they rank above
        // accent-free ones; the title counts more than the body.
        parser.set_field_boost(f.title, 3.0);
        parser.set_field_boost(f.title_folded, 1.5);
        parser.set_field_boost(f.body, 1.0);
        parser.set_field_boost(f.body_folded, 0.5);
        parser.set_conjunction_by_default();
        if let Ok(query) = parser.parse_query(q) {
            return Ok(query);
        }
        // Reviewers type free text: characters of the query grammar they did not mean as
        // operators (`:`, brackets, a lone quote) are read as spaces.
        let cleaned = sanitize(q);
        if let Ok(query) = parser.parse_query(&cleaned) {
            return Ok(query);
        }
        let (query, errors) = parser.parse_query_lenient(&cleaned);
        let mut has_terms = false;
        query.query_terms(&mut |_, _| has_terms = true);
        match errors.first() {
            Some(e) if !has_terms => Err(IndexError::Query(QueryError::Syntax(e.to_string()))),
            _ => Ok(query),
        }
    }

    fn filters(&self, req: &SearchRequest) -> Vec<Box<dyn Query>> {
        let f = &self.fields;
        let mut folded = folded_analyzer();
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        let term = |field: Field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(t) = req.doc_type {
            out.push(term(f.doc_type, t.key()));
        }
        if let Some(issuer) = non_empty(&req.issuer) {
            let terms: Vec<Term> = tokens(&mut folded, &normalize_query(issuer))
                .into_iter()
                .map(|t| Term::from_field_text(f.issuer, &t.2))
                .collect();
            match terms.len() {
                0 => {}
                1 => out.push(Box::new(TermQuery::new(
                    terms[0].clone(),
                    IndexRecordOption::Basic,
                ))),
                _ => out.push(Box::new(PhraseQuery::new(terms))),
            }
        }
        if let Some(level) = req.level {
            out.push(term(f.level, level.key()));
        }
        if let Some(year) = req.year {
            // A negative year matches nothing, as it should.
            let year = u64::try_from(year).unwrap_or(u64::MAX);
            out.push(Box::new(TermQuery::new(
                Term::from_field_u64(f.year, year),
                IndexRecordOption::Basic,
            )));
        }
        if req.from.is_some() || req.to.is_some() {
            let bound = |d: Option<NaiveDate>| match d.and_then(to_datetime) {
                Some(dt) => Bound::Included(Term::from_field_date_for_search(f.issue_date, dt)),
                None => Bound::Unbounded,
            };
            out.push(Box::new(RangeQuery::new(bound(req.from), bound(req.to))));
        }
        if let Some(rule) = req.rule {
            out.push(term(f.rules, rule.as_str()));
        }
        if let Some(sev) = req.severity {
            out.push(term(f.severities, sev.as_str()));
        }
        out
    }

    fn highlight_terms(&self, query: &dyn Query) -> Highlight {
        let f = &self.fields;
        let mut hl = Highlight::default();
        query.query_terms(&mut |term, _| {
            let value = term.value();
            let Some(text) = value.as_str() else {
                return;
            };
            let field = term.field();
            if field == f.body || field == f.title {
                hl.exact.insert(text.to_string());
            } else if field == f.body_folded || field == f.title_folded {
                hl.folded.insert(text.to_string());
            }
        });
        hl
    }
}

/// Number of documents matching `query` and whether it is exact (see [`SearchResults::total`]).
fn count(
    searcher: &Searcher,
    query: &dyn Query,
    req: &SearchRequest,
    limit: usize,
    page_hits: usize,
) -> Result<(usize, bool), IndexError> {
    let seen = req.offset + page_hits;
    if page_hits < limit && (page_hits > 0 || req.offset == 0) {
        return Ok((seen, true));
    }
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut scorers = Vec::new();
    let (mut cost, mut estimate) = (0u64, 0u64);
    for reader in searcher.segment_readers() {
        let scorer = weight.scorer(reader, 1.0)?;
        cost += scorer.cost();
        estimate += u64::from(scorer.size_hint());
        scorers.push((reader, scorer));
    }
    if cost > EXACT_COUNT_MAX_COST {
        let estimate = usize::try_from(estimate).unwrap_or(usize::MAX);
        let num_docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        // A full page means at least one more may follow.
        let floor = seen + usize::from(page_hits == limit);
        return Ok((estimate.min(num_docs).max(floor), false));
    }
    let mut total = 0usize;
    for (reader, mut scorer) in scorers {
        let n = match reader.alive_bitset() {
            Some(alive) => scorer.count(alive),
            None => scorer.count_including_deleted(),
        };
        total += n as usize;
    }
    Ok((total, true))
}

fn combine(main: Option<Box<dyn Query>>, filters: &[Box<dyn Query>]) -> Box<dyn Query> {
    let main = main.unwrap_or_else(|| Box::new(AllQuery));
    if filters.is_empty() {
        return main;
    }
    let mut clauses = vec![(Occur::Must, main)];
    for filter in filters {
        // Filters select, they do not score.
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(filter.box_clone(), 0.0)),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// `a AND b`, `a OR b`: the query parser's grammar (the free-text path has no boolean operators).
fn is_boolean_syntax(q: &str) -> bool {
    q.split_whitespace().any(|w| w == "AND" || w == "OR")
}

fn sanitize(q: &str) -> String {
    let balanced = q.matches('"').count().is_multiple_of(2);
    q.chars()
        .map(|c| match c {
            '"' if balanced => c,
            '+' | '-' => c,
            c if c.is_alphanumeric() || c.is_whitespace() => c,
            _ => ' ',
        })
        .collect()
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn text(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

fn date(doc: &TantivyDocument, field: Field) -> Option<NaiveDate> {
    doc.get_first(field)
        .and_then(|v| v.as_datetime())
        .and_then(from_datetime)
}

pub(crate) fn stored_document(f: &Fields, doc: &TantivyDocument) -> StoredDocument {
    let findings: Vec<Finding> = text(doc, f.findings)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    let mut rules: Vec<String> = findings.iter().map(|x| x.rule.to_string()).collect();
    rules.sort();
    rules.dedup();
    let mut severities: Vec<String> = findings
        .iter()
        .map(|x| x.severity.as_str().to_string())
        .collect();
    severities.sort();
    severities.dedup();
    StoredDocument {
        id: text(doc, f.id).unwrap_or_default(),
        path: text(doc, f.path).unwrap_or_default(),
        number: text(doc, f.number),
        number_key: text(doc, f.number_key),
        doc_type: text(doc, f.doc_type),
        issuer: text(doc, f.issuer),
        level: text(doc, f.level),
        regime: text(doc, f.regime),
        issue_date: date(doc, f.issue_date),
        effective_date: date(doc, f.effective_date),
        year: doc.get_first(f.year).and_then(|v| v.as_u64()),
        title: text(doc, f.title),
        format: text(doc, f.format),
        text_layer: text(doc, f.text_layer),
        encoding: text(doc, f.encoding),
        pages: doc.get_first(f.pages).and_then(|v| v.as_u64()),
        rules,
        severities,
        findings,
        body: text(doc, f.body).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_queries_are_recognized() {
        for q in [
            "15/2020/QĐ-UBND",
            "34/2016/ND-CP",
            "80/2015/QH13",
            "Số: 01/VBHN-BTC",
            "15 / 2020 / QĐ - UBND",
        ] {
            assert!(number_query(q).is_some(), "{q}");
        }
        assert_eq!(
            number_query("Số: 34/2016/NĐ-CP").as_deref(),
            Some("34/2016/ND-CP")
        );
        for q in ["quyết định 15", "bảo hiểm xã hội", "2020", "15/2020"] {
            assert!(number_query(q).is_none(), "{q}");
        }
    }

    #[test]
    fn sanitize_drops_grammar_characters_and_lone_quotes() {
        assert_eq!(sanitize("Số: (abc)"), "Số   abc ");
        assert_eq!(sanitize("\"a b"), " a b");
        assert_eq!(sanitize("\"a b\" -c"), "\"a b\" -c");
    }
}
