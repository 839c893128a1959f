//! Stage 6: a local web page for reviewers over the index.
//!
//! `GET /` search page (box, filters, highlighted results), `GET /doc?path=` one document with its
//! metadata, findings and text, `GET /api/search` the same JSON as `vbqppl search`,
//! `GET /api/doc?path=` the stored document as JSON (each finding with its review `fingerprint`
//! and the reviewer's decision when a review file is served). Every value shown is HTML-escaped; snippets
//! come escaped from the index with only `<b>` added. Failed requests are a [`RequestError`]:
//! 4xx with a Vietnamese message (JSON under `/api/`, an HTML page elsewhere) when the user
//! asked for something wrong, 500 with a generic message (details on stderr) when we failed.

mod error;
mod page;

use crate::index::{
    parse_filter, FilterValue, IndexError, IndexSearcher, Param, ParamError, SearchRequest,
    StoredDocument,
};
use crate::review::{fingerprints, Decision, DocKey, Fingerprint, ReviewStore};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};
use error::RequestError;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::RwLock;

/// Why the server could not start (errors of one request are a [`RequestError`]).
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// Results per page on the web page.
const PAGE_SIZE: usize = 20;

/// Serve the index in `index_dir` on `addr` until interrupted (Ctrl-C), with the decisions of
/// `review` (a review file) shown beside the findings.
pub fn serve(
    index_dir: &Path,
    addr: SocketAddr,
    review: Option<ReviewStore>,
) -> Result<(), ServeError> {
    let app = router_with_review(index_dir, review)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        eprintln!("vbqppl: serving on http://{}", listener.local_addr()?);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

/// The application, for embedding or tests (`axum::serve(listener, router(dir)?)`).
pub fn router(index_dir: &Path) -> Result<Router, ServeError> {
    router_with_review(index_dir, None)
}

/// The reviewers' decisions the server shows, shared by the handlers (a lock, so that a page
/// that records decisions can write through [`ReviewStore::decide`] and [`ReviewStore::save`]).
pub type SharedReview = Option<Arc<RwLock<ReviewStore>>>;

/// [`router`] with the decisions of a review file.
pub fn router_with_review(
    index_dir: &Path,
    review: Option<ReviewStore>,
) -> Result<Router, ServeError> {
    let review: SharedReview = review.map(|r| Arc::new(RwLock::new(r)));
    let searcher = Arc::new(IndexSearcher::open(index_dir)?);
    Ok(Router::new()
        .route("/", get(search_page))
        .route("/doc", get(document_page))
        .route("/api/search", get(api_search))
        .route("/api/doc", get(api_document))
        .fallback(no_route)
        .method_not_allowed_fallback(no_method)
        .layer(Extension(review))
        .with_state(searcher))
}

/// Each finding of `doc` with its fingerprint and decision; `None` without a review file.
fn decisions(
    review: &SharedReview,
    doc: &StoredDocument,
) -> Option<Vec<(Fingerprint, Option<Decision>)>> {
    let store = review.as_ref()?;
    let store = store.read().unwrap_or_else(|e| e.into_inner());
    let key = DocKey::new(
        doc.number.as_deref(),
        doc.issue_date,
        doc.title.as_deref(),
        &doc.id,
    );
    Some(
        fingerprints(&key, &doc.findings)
            .into_iter()
            .map(|fp| {
                let d = store.get(&fp).cloned();
                (fp, d)
            })
            .collect(),
    )
}

type AppState = State<Arc<IndexSearcher>>;

/// Query-string parameters. Everything is a string so that an empty form field (`year=`) is
/// "no filter" rather than a rejected request.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Params {
    pub q: String,
    #[serde(rename = "type")]
    pub doc_type: String,
    pub issuer: String,
    pub level: String,
    pub year: String,
    pub from: String,
    pub to: String,
    pub rule: String,
    pub severity: String,
    pub sort: String,
    pub limit: String,
    pub page: String,
    pub path: String,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A filter field: empty is "no filter", anything else must name a value.
fn filter<T: FilterValue>(s: &str) -> Result<Option<T>, ParamError> {
    match opt(s) {
        None => Ok(None),
        Some(v) => parse_filter(&v).map(Some),
    }
}

/// A plain field (number, date): empty is "not given".
fn plain<T: FromStr>(s: &str, param: Param) -> Result<Option<T>, ParamError> {
    match opt(s) {
        None => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| ParamError::new(param, &v)),
    }
}

impl Params {
    fn has_search(&self) -> bool {
        [
            &self.q,
            &self.doc_type,
            &self.issuer,
            &self.level,
            &self.year,
            &self.from,
            &self.to,
            &self.rule,
            &self.severity,
        ]
        .iter()
        .any(|s| !s.trim().is_empty())
    }

    pub(crate) fn page(&self) -> usize {
        self.page.trim().parse::<usize>().unwrap_or(1).clamp(1, 500)
    }

    /// The request, or the first field whose value is not accepted.
    fn request(&self, default_limit: usize) -> Result<SearchRequest, ParamError> {
        let limit = plain(&self.limit, Param::Limit)?.unwrap_or(default_limit);
        Ok(SearchRequest {
            query: self.q.clone(),
            limit,
            offset: (self.page() - 1) * limit,
            doc_type: filter(&self.doc_type)?,
            issuer: opt(&self.issuer),
            level: filter(&self.level)?,
            year: plain(&self.year, Param::Year)?,
            from: plain(&self.from, Param::From)?,
            to: plain(&self.to, Param::To)?,
            rule: filter(&self.rule)?,
            severity: filter(&self.severity)?,
            sort: filter(&self.sort)?.unwrap_or_default(),
        })
    }
}

/// The query parameters, or the user's error when the query string cannot be read.
fn params(query: Result<Query<Params>, QueryRejection>) -> Result<Params, RequestError> {
    query
        .map(|Query(p)| p)
        .map_err(|e| RequestError::QueryString(e.body_text()))
}

/// Run a blocking index call off the async workers; a panic in it is our error, not a crash.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, IndexError> + Send + 'static,
) -> Result<T, RequestError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(result) => Ok(result?),
        Err(e) => Err(RequestError::Internal(format!("search task failed: {e}"))),
    }
}

async fn api_search(State(ix): AppState, query: Result<Query<Params>, QueryRejection>) -> Response {
    let run = async {
        let req = params(query)?.request(10)?;
        blocking(move || ix.search(&req)).await
    };
    match run.await {
        Ok(results) => Json(results).into_response(),
        Err(e) => e.json(),
    }
}

/// The stored document named by `path=` (a path or a content hash).
async fn find_document(
    ix: Arc<IndexSearcher>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<StoredDocument, RequestError> {
    let path = params(query)?.path;
    let wanted = path.clone();
    blocking(move || ix.document(&wanted))
        .await?
        .ok_or(RequestError::NotFound(path))
}

async fn api_document(
    State(ix): AppState,
    Extension(review): Extension<SharedReview>,
    query: Result<Query<Params>, QueryRejection>,
) -> Response {
    match find_document(ix, query).await {
        Ok(doc) => {
            let decided = decisions(&review, &doc);
            let mut v = serde_json::to_value(&doc).unwrap_or_default();
            if let (Some(decided), Some(findings)) = (decided, v["findings"].as_array_mut()) {
                for (f, (fp, d)) in findings.iter_mut().zip(decided) {
                    f["fingerprint"] = serde_json::json!(fp.as_str());
                    f["review"] = serde_json::json!(d);
                }
            }
            Json(v).into_response()
        }
        Err(e) => e.json(),
    }
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        Html(body),
    )
        .into_response()
}

async fn search_page(
    State(ix): AppState,
    query: Result<Query<Params>, QueryRejection>,
) -> Response {
    let total_docs = ix.num_docs();
    let p = match params(query) {
        Ok(p) => p,
        Err(e) => return e.search_page(&Params::default(), total_docs),
    };
    if !p.has_search() {
        return html(StatusCode::OK, page::search(&p, total_docs, None, None));
    }
    let req = match p.request(PAGE_SIZE) {
        Ok(r) => r,
        Err(e) => return RequestError::from(e).search_page(&p, total_docs),
    };
    match blocking(move || ix.search(&req)).await {
        Ok(results) => html(
            StatusCode::OK,
            page::search(&p, total_docs, Some(&results), None),
        ),
        Err(e) => e.search_page(&p, total_docs),
    }
}

async fn document_page(
    State(ix): AppState,
    Extension(review): Extension<SharedReview>,
    query: Result<Query<Params>, QueryRejection>,
) -> Response {
    match find_document(ix, query).await {
        Ok(doc) => {
            let decided = decisions(&review, &doc);
            html(StatusCode::OK, page::document(&doc, decided.as_deref()))
        }
        Err(e) => e.page(),
    }
}

/// An unknown address: JSON under `/api/`, a page elsewhere.
async fn no_route(uri: Uri) -> Response {
    RequestError::NoRoute(uri.path().to_string()).answer(&uri)
}

async fn no_method(uri: Uri) -> Response {
    RequestError::Method.answer(&uri)
}
