//! Errors of the web layer: each maps to a status and a message for the user.
//! Unexpected failures are logged with their cause and shown as a plain 500.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde_json::json;

use crate::domain::AnswerError;
use crate::storage::StorageError;

/// An error on an HTML page.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// Unknown or malformed link: 404 "not found".
    #[error("This page does not exist. Check the link you were given.")]
    NotFound,
    /// A form without its CSRF token, or with a stale one: 403.
    #[error(
        "This form has expired or did not come from this site. Go back, reload the page and try again: your saved answers are kept."
    )]
    Csrf,
    /// A request that cannot be understood: 400 with the reason.
    #[error("{0}")]
    BadRequest(String),
    /// A request body over the limit: 413.
    #[error("That request is too large.")]
    TooLarge,
    /// Over a per-address rate limit: 429 with `Retry-After`.
    #[error(
        "Too many questionnaires have come from your network in the last hour. Your answers are saved: use your resume link to submit again in {} minutes.",
        .0.as_secs().div_ceil(60).max(1)
    )]
    TooMany(std::time::Duration),
    /// Anything else: 500; the cause is logged, not shown.
    #[error(
        "Something went wrong on our side. Your saved answers are safe; please try again in a moment."
    )]
    Internal(String),
}

impl From<StorageError> for PageError {
    fn from(e: StorageError) -> PageError {
        PageError::Internal(e.to_string())
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::Csrf => StatusCode::FORBIDDEN,
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            PageError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let PageError::Internal(cause) = self {
            tracing::error!(%cause, "request failed");
        }
        let status = self.status_code();
        let title = match status {
            StatusCode::NOT_FOUND => "Not found",
            StatusCode::FORBIDDEN => "Form expired",
            StatusCode::INTERNAL_SERVER_ERROR => "Something went wrong",
            StatusCode::TOO_MANY_REQUESTS => "Please wait",
            _ => "That did not work",
        };
        let mut resp = HttpResponse::build(status);
        resp.content_type("text/html; charset=utf-8");
        if let PageError::TooMany(wait) = self {
            resp.insert_header((actix_web::http::header::RETRY_AFTER, wait.as_secs().max(1)));
        }
        resp.body(error_page(title, &self.to_string()))
    }
}

/// A small self-contained error page (no template engine needed to show it).
pub fn error_page(title: &str, message: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} - Dealbench</title><link rel=\"stylesheet\" href=\"/assets/dealbench.css\"></head>\
         <body><main class=\"page narrow\"><h1>{title}</h1><p>{message}</p>\
         <p><a href=\"/\">Go to the start page</a></p></main></body></html>",
        title = escape(title),
        message = escape(message)
    )
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// An error of the JSON API: `{"error": ..., "problems": [...]}`.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    #[error("the request body is too large")]
    TooLarge,
    /// No API key, or one that is not (or no longer) issued: 401.
    #[error(
        "submissions through the API need an API key issued by the study's operators: send it as `Authorization: Bearer KEY`"
    )]
    Unauthorized,
    /// The answers do not fit the questionnaire: 422 with every problem.
    #[error("the answers have problems")]
    Invalid(AnswerError),
    #[error("internal error")]
    Internal(String),
}

impl From<StorageError> for ApiError {
    fn from(e: StorageError) -> ApiError {
        ApiError::Internal(e.to_string())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(cause) = self {
            tracing::error!(%cause, "API request failed");
        }
        let body = match self {
            ApiError::Invalid(e) => json!({"error": self.to_string(), "problems": e.problems}),
            _ => json!({"error": self.to_string()}),
        };
        let mut resp = HttpResponse::build(self.status_code());
        if let ApiError::Unauthorized = self {
            resp.insert_header((actix_web::http::header::WWW_AUTHENTICATE, "Bearer"));
        }
        resp.json(body)
    }
}
