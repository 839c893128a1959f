//! Errors of one request, by whose they are: the user's (4xx, a Vietnamese message naming what
//! was wrong) or ours (500, a generic message; the details go to stderr, never to the page).

use super::{html, page, Params};
use crate::index::{IndexError, ParamError, QueryError};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug)]
pub(crate) enum RequestError {
    /// A parameter with a value it does not accept.
    Param(ParamError),
    /// A query string that cannot be read as `name=value&…`.
    QueryString(String),
    /// Search words that cannot be run as written.
    Query(QueryError),
    /// No document with this path or id.
    NotFound(String),
    /// No page or API at this address.
    NoRoute(String),
    /// Only `GET` is served.
    Method,
    /// Ours: the index failed or a task died.
    Internal(String),
}

impl From<ParamError> for RequestError {
    fn from(e: ParamError) -> RequestError {
        RequestError::Param(e)
    }
}

impl From<IndexError> for RequestError {
    fn from(e: IndexError) -> RequestError {
        match e {
            IndexError::Query(q) => RequestError::Query(q),
            other => RequestError::Internal(other.to_string()),
        }
    }
}

impl RequestError {
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            RequestError::Param(_) | RequestError::QueryString(_) | RequestError::Query(_) => {
                StatusCode::BAD_REQUEST
            }
            RequestError::NotFound(_) | RequestError::NoRoute(_) => StatusCode::NOT_FOUND,
            RequestError::Method => StatusCode::METHOD_NOT_ALLOWED,
            RequestError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the user is told, in Vietnamese. Internal details are logged here, once.
    pub(crate) fn message_vi(&self) -> String {
        match self {
            RequestError::Param(e) => e.to_string(),
            RequestError::QueryString(detail) => {
                format!("chuỗi tham số không đọc được: {detail}")
            }
            RequestError::Query(q) => format!("truy vấn không hợp lệ: {q}"),
            RequestError::NotFound(path) => format!("không tìm thấy văn bản: {path}"),
            RequestError::NoRoute(path) => format!("không có trang này: {path}"),
            RequestError::Method => "phương thức không được hỗ trợ (chỉ GET)".to_string(),
            RequestError::Internal(detail) => {
                eprintln!("vbqppl: serve: internal error: {detail}");
                "lỗi máy chủ khi tra cứu; chi tiết đã được ghi lại".to_string()
            }
        }
    }

    /// The answer of the JSON API: `{"error": message}`, with the parameter and its value when
    /// one was at fault.
    pub(crate) fn json(self) -> Response {
        let mut body = serde_json::json!({ "error": self.message_vi() });
        if let RequestError::Param(e) = &self {
            body["param"] = e.param.name().into();
            body["value"] = e.value.as_str().into();
        }
        (self.status(), Json(body)).into_response()
    }

    /// The answer of an HTML address other than the search page.
    pub(crate) fn page(self) -> Response {
        let body = match &self {
            RequestError::NotFound(path) => page::not_found(path),
            other => page::error(&other.message_vi()),
        };
        html(self.status(), body)
    }

    /// The search page again, with the message above it.
    pub(crate) fn search_page(self, p: &Params, total_docs: u64) -> Response {
        let msg = self.message_vi();
        html(self.status(), page::search(p, total_docs, None, Some(&msg)))
    }

    /// JSON under `/api/`, a page elsewhere.
    pub(crate) fn answer(self, uri: &Uri) -> Response {
        if uri.path().starts_with("/api/") {
            self.json()
        } else {
            self.page()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Param;

    #[test]
    fn user_errors_are_4xx_and_ours_500() {
        let param = RequestError::from(ParamError::new(Param::Type, "abc"));
        assert_eq!(param.status(), StatusCode::BAD_REQUEST);
        let query = RequestError::from(IndexError::Query(QueryError::NoWords));
        assert_eq!(query.status(), StatusCode::BAD_REQUEST);
        let write = RequestError::from(IndexError::Write("disk full".into()));
        assert_eq!(write.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            RequestError::NotFound("x".into()).status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            RequestError::Method.status(),
            StatusCode::METHOD_NOT_ALLOWED
        );
    }

    #[test]
    fn internal_details_stay_out_of_the_message() {
        let msg = RequestError::Internal("/secret/path: disk full".into()).message_vi();
        assert!(!msg.contains("secret") && !msg.contains("disk"), "{msg}");
        let msg = RequestError::from(ParamError::new(Param::Level, "ward")).message_vi();
        assert!(
            msg.contains("cấp ban hành") && msg.contains("ward"),
            "{msg}"
        );
    }
}
