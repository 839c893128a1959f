//! Stage 6: a local web page for reviewers over the index.
//!
//! `GET /` search page (box, filters, highlighted results), `GET /doc?path=` one document with its
//! metadata, findings and text, `GET /api/search` the same JSON as `vbqppl search`,
//! `GET /api/doc?path=` the stored document as JSON. Every value shown is HTML-escaped; snippets
//! come escaped from the index with only `<b>` added.

mod page;

use crate::index::{IndexError, IndexSearcher, SearchRequest, SortOrder};
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// Results per page on the web page.
const PAGE_SIZE: usize = 20;

/// Serve the index in `index_dir` on `addr` until interrupted (Ctrl-C).
pub fn serve(index_dir: &Path, addr: SocketAddr) -> Result<(), ServeError> {
    let app = router(index_dir)?;
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
    let searcher = Arc::new(IndexSearcher::open(index_dir)?);
    Ok(Router::new()
        .route("/", get(search_page))
        .route("/doc", get(document_page))
        .route("/api/search", get(api_search))
        .route("/api/doc", get(api_document))
        .with_state(searcher))
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

    /// The request, or a message for the reviewer naming the bad field.
    fn request(&self, default_limit: usize) -> Result<SearchRequest, String> {
        let date = |s: &str, name: &str| -> Result<Option<NaiveDate>, String> {
            match opt(s) {
                None => Ok(None),
                Some(v) => NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| format!("{name} không hợp lệ (YYYY-MM-DD): {v}")),
            }
        };
        let year = match opt(&self.year) {
            None => None,
            Some(v) => Some(
                v.parse::<i32>()
                    .map_err(|_| format!("năm không hợp lệ: {v}"))?,
            ),
        };
        let limit = match opt(&self.limit) {
            None => default_limit,
            Some(v) => v
                .parse::<usize>()
                .map_err(|_| format!("limit không hợp lệ: {v}"))?,
        };
        let sort = match self.sort.trim() {
            "" | "relevance" => SortOrder::Relevance,
            "date_desc" | "date" => SortOrder::DateDesc,
            "date_asc" => SortOrder::DateAsc,
            other => return Err(format!("cách sắp xếp không hợp lệ: {other}")),
        };
        Ok(SearchRequest {
            query: self.q.clone(),
            limit,
            offset: (self.page() - 1) * limit,
            doc_type: opt(&self.doc_type),
            issuer: opt(&self.issuer),
            level: opt(&self.level),
            year,
            from: date(&self.from, "từ ngày")?,
            to: date(&self.to, "đến ngày")?,
            rule: opt(&self.rule),
            severity: opt(&self.severity),
            sort,
        })
    }
}

fn json_error(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

fn index_status(e: &IndexError) -> StatusCode {
    match e {
        IndexError::Query(_) => StatusCode::BAD_REQUEST,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Run a blocking index call off the async workers.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, IndexError> + Send + 'static,
) -> Result<T, IndexError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(IndexError::Write(format!("search task failed: {e}"))))
}

async fn api_search(State(ix): AppState, Query(p): Query<Params>) -> Response {
    let req = match p.request(10) {
        Ok(r) => r,
        Err(msg) => return json_error(StatusCode::BAD_REQUEST, &msg),
    };
    match blocking(move || ix.search(&req)).await {
        Ok(results) => Json(results).into_response(),
        Err(e) => json_error(index_status(&e), &e.to_string()),
    }
}

async fn api_document(State(ix): AppState, Query(p): Query<Params>) -> Response {
    let path = p.path.clone();
    match blocking(move || ix.document(&path)).await {
        Ok(Some(doc)) => Json(doc).into_response(),
        Ok(None) => json_error(StatusCode::NOT_FOUND, "không tìm thấy văn bản"),
        Err(e) => json_error(index_status(&e), &e.to_string()),
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

async fn search_page(State(ix): AppState, Query(p): Query<Params>) -> Response {
    let total_docs = ix.num_docs();
    if !p.has_search() {
        return html(StatusCode::OK, page::search(&p, total_docs, None, None));
    }
    let req = match p.request(PAGE_SIZE) {
        Ok(r) => r,
        Err(msg) => {
            return html(
                StatusCode::BAD_REQUEST,
                page::search(&p, total_docs, None, Some(&msg)),
            )
        }
    };
    match blocking(move || ix.search(&req)).await {
        Ok(results) => html(
            StatusCode::OK,
            page::search(&p, total_docs, Some(&results), None),
        ),
        Err(e) => {
            let msg = match &e {
                IndexError::Query(m) => format!("truy vấn không hợp lệ: {m}"),
                other => other.to_string(),
            };
            html(
                index_status(&e),
                page::search(&p, total_docs, None, Some(&msg)),
            )
        }
    }
}

async fn document_page(State(ix): AppState, Query(p): Query<Params>) -> Response {
    let path = p.path.clone();
    match blocking(move || ix.document(&path)).await {
        Ok(Some(doc)) => html(StatusCode::OK, page::document(&doc)),
        Ok(None) => html(StatusCode::NOT_FOUND, page::not_found(&p.path)),
        Err(e) => html(index_status(&e), page::not_found(&e.to_string())),
    }
}
