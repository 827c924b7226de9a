//! Errors of the web layer: each maps to a status and a message for the user.
//! Unexpected failures are logged with their cause and shown as a plain 500.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde_json::json;

use fluent_bundle::FluentValue;

use super::words::Words;
use crate::domain::AnswerError;
use crate::domain::language::Language;
use crate::study::TeamError;
use crate::study::operators::AccountError;
use crate::study::{StudyError, Unavailable};

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
    /// A request refused for a reason each language says (a box left
    /// unticked, a date that is not one): 400.
    #[error("{0}")]
    Refused(Refusal),
    /// A request body over the limit: 413.
    #[error("That request is too large.")]
    TooLarge,
    /// Over a per-address rate limit: 429 with `Retry-After`.
    #[error(
        "Too many questionnaires have come from your network in the last hour. Your answers are saved: use your resume link to submit again in {}.",
        in_minutes(*.0)
    )]
    TooMany(std::time::Duration),
    /// A method the page does not support: 405 (with `Allow`, set by the route).
    #[error("This page cannot be used that way.")]
    MethodNotAllowed,
    /// The form was not received in time: 408.
    #[error("The form took too long to arrive. Check your connection and send it again.")]
    Timeout,
    /// The request's headers are over the bounds: 431.
    #[error("{}", HEADERS_TOO_LARGE)]
    HeadersTooLarge,
    /// The request's address is over the bound: 414.
    #[error("{}", URI_TOO_LONG)]
    UriTooLong,
    /// The server cannot serve or store anything now (disk full, too many
    /// connections): 503 with the reason, logged when it is the server's fault.
    #[error("{0}")]
    Unavailable(String),
    /// Every place for a PDF is taken: 503, to be retried in a few seconds.
    #[error(
        "Many reports are being prepared as PDF at this moment. Please try again in a few seconds."
    )]
    PdfBusy,
    /// Anything else: 500; the cause is logged, not shown.
    #[error(
        "Something went wrong on our side. Your saved answers are safe; please try again in a moment."
    )]
    Internal(String),
}

/// Why a request was refused, as a page message (`pages.ftl` or
/// `console.ftl`) with its arguments, so that the error page says it in its
/// reader's language; `english` is what it says in English (the page the
/// error renders by itself, and the log).
#[derive(Debug)]
pub struct Refusal {
    id: &'static str,
    args: Vec<(&'static str, String)>,
    english: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english)
    }
}

impl Refusal {
    /// Message `id` of `words` with `args`.
    fn said(&self, words: &Words, language: Language) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| (*name, FluentValue::from(value.as_str())))
            .collect();
        words.say(language, self.id, &args)
    }
}

impl PageError {
    /// A 400 whose reason is message `id` with `args`, in whatever language
    /// the page is read.
    pub fn refused(words: &Words, id: &'static str, args: &[(&'static str, String)]) -> PageError {
        let mut refusal = Refusal {
            id,
            args: args.to_vec(),
            english: String::new(),
        };
        refusal.english = refusal.said(words, Language::English);
        PageError::Refused(refusal)
    }
}

/// "1 minute", "5 minutes": a wait, rounded up to whole minutes.
fn in_minutes(wait: std::time::Duration) -> String {
    match minutes(wait) {
        1 => "1 minute".to_string(),
        n => format!("{n} minutes"),
    }
}

/// A wait in whole minutes, rounded up, at least one.
fn minutes(wait: std::time::Duration) -> u64 {
    wait.as_secs().div_ceil(60).max(1)
}

/// What a respondent is told when their response already belongs to a team.
pub const IN_ANOTHER_TEAM: &str =
    "Your response is part of a colleague's team already. Ask them for the team report.";
/// What a respondent is told when stored answers no longer fit.
pub const ANSWERS_DO_NOT_FIT: &str = "The answers do not fit the questionnaire.";

/// Why a request's headers are refused (431).
pub const HEADERS_TOO_LARGE: &str = "The request's headers are too large: at most 16 KB in all and 8 KB a line are accepted. Clear this site's cookies and try again.";
/// Why a request's address is refused (414).
pub const URI_TOO_LONG: &str = "The address of the request is too long: at most 8 KB is accepted.";

/// What a respondent is told when nothing can be stored (disk full).
pub const DISK_FULL: &str =
    "The server is out of disk space; your answers were not saved, try again later.";
/// What a respondent is told when the database cannot be written.
pub const READ_ONLY: &str =
    "The server cannot save anything at the moment; your answers were not saved, try again later.";

/// What a respondent is told when the database file is damaged.
pub const DAMAGED: &str = "The server cannot save anything at the moment: its database file is damaged, and the operators have been told. Your answers were not saved; please try again later.";

pub const LOADING: &str = "The server has just started and is still loading the study's responses; your answers were not saved yet, try again in a few seconds.";

/// What a respondent is told while the database server cannot be reached.
pub const DATABASE_DOWN: &str =
    "The server cannot reach its database at the moment; nothing was saved, try again in a minute.";

/// Seconds a client is asked to wait after a 503.
const RETRY_AFTER_SECONDS: &str = "60";
/// Seconds a client is asked to wait when every place for a PDF is taken.
const PDF_RETRY_AFTER_SECONDS: &str = "5";

/// The message for a failure the client can only wait out (disk full, read-only
/// database), after logging it with its cause (the file and what the operator
/// should do).
fn unavailable(e: &StudyError) -> Option<&'static str> {
    let (why, cause) = e.unavailable()?;
    let message = match why {
        Unavailable::DiskFull => DISK_FULL,
        Unavailable::ReadOnly => READ_ONLY,
        Unavailable::Loading => LOADING,
        Unavailable::Unreachable => DATABASE_DOWN,
        Unavailable::Damaged => DAMAGED,
    };
    tracing::error!(cause = %cause, "cannot store: {}", message);
    Some(message)
}

/// The whole chain of causes of an error, for the log.
fn causes(e: &dyn std::error::Error) -> String {
    let mut said = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        said.push_str(": ");
        said.push_str(&s.to_string());
        source = s.source();
    }
    said
}

/// Every study error maps to a page status here, and to an API status below:
/// the one place where failures become what the user is told.
impl From<StudyError> for PageError {
    fn from(e: StudyError) -> PageError {
        if let Some(message) = unavailable(&e) {
            return PageError::Unavailable(message.into());
        }
        match e {
            StudyError::NotFound(_)
            | StudyError::Team(TeamError::NotFound | TeamError::NoTeams) => PageError::NotFound,
            StudyError::Team(TeamError::InAnotherTeam) => {
                PageError::BadRequest(IN_ANOTHER_TEAM.into())
            }
            StudyError::Invalid(_) => PageError::BadRequest(ANSWERS_DO_NOT_FIT.into()),
            StudyError::Account(AccountError::Busy) => PageError::Unavailable(
                "Too many sign-ins are being checked at once. Try again in a moment.".into(),
            ),
            other => PageError::Internal(causes(&other)),
        }
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::Csrf => StatusCode::FORBIDDEN,
            PageError::BadRequest(_) | PageError::Refused(_) => StatusCode::BAD_REQUEST,
            PageError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            PageError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            PageError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            PageError::Timeout => StatusCode::REQUEST_TIMEOUT,
            PageError::HeadersTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            PageError::UriTooLong => StatusCode::URI_TOO_LONG,
            PageError::Unavailable(_) | PageError::PdfBusy => StatusCode::SERVICE_UNAVAILABLE,
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
            StatusCode::SERVICE_UNAVAILABLE => "Please try again later",
            _ => "That did not work",
        };
        let mut resp = HttpResponse::build(status);
        resp.content_type("text/html; charset=utf-8");
        if let PageError::TooMany(wait) = self {
            resp.insert_header((actix_web::http::header::RETRY_AFTER, wait.as_secs().max(1)));
        }
        finish(&mut resp, status);
        if let PageError::PdfBusy = self {
            // A render frees a place within a second or two.
            resp.insert_header((header::RETRY_AFTER, PDF_RETRY_AFTER_SECONDS));
        }
        resp.body(error_page(title, &self.to_string()))
    }
}

/// A small self-contained error page (no template engine needed to show it).
pub fn error_page(title: &str, message: &str) -> String {
    error_page_in("en", title, message, ("/", "Go to the start page"))
}

/// Where an error page's one link leads: the study's start page for a
/// respondent, the console's first page for an operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    Start,
    Console,
}

impl Home {
    /// The home of a page at `path`.
    pub fn of(path: &str) -> Home {
        if path == "/admin" || path.starts_with("/admin/") {
            Home::Console
        } else {
            Home::Start
        }
    }
}

/// The error page in a language (`lang`, its code), with its words and its
/// link home (address, words).
fn error_page_in(lang: &str, title: &str, message: &str, home: (&str, &str)) -> String {
    let (href, go_home) = home;
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} - Dealbench</title><link rel=\"stylesheet\" href=\"/assets/dealbench.css\"></head>\
         <body><main class=\"page narrow\"><h1>{title}</h1><p>{message}</p>\
         <p><a href=\"{href}\">{go_home}</a></p></main></body></html>",
        lang = escape(lang),
        title = escape(title),
        message = escape(message),
        href = escape(href),
        go_home = escape(go_home)
    )
}

impl PageError {
    /// The page messages (`pages.ftl`, `console.ftl`) that title and say this
    /// error, with the minutes to wait where it has them. A reason given only
    /// in English (a form whose fields could not be read) is said by a
    /// general message; a [`Refusal`] by its own.
    fn message_ids(&self) -> (&'static str, &'static str, Option<u64>) {
        let title = match self.status_code() {
            StatusCode::NOT_FOUND => "error-title-not-found",
            StatusCode::FORBIDDEN => "error-title-form-expired",
            StatusCode::INTERNAL_SERVER_ERROR => "error-title-went-wrong",
            StatusCode::TOO_MANY_REQUESTS => "error-title-wait",
            StatusCode::SERVICE_UNAVAILABLE => "error-title-later",
            _ => "error-title-did-not-work",
        };
        let (message, wait) = match self {
            PageError::NotFound => ("error-page-not-found", None),
            PageError::Csrf => ("error-page-form-expired", None),
            PageError::BadRequest(m) if m == IN_ANOTHER_TEAM => {
                ("error-page-in-another-team", None)
            }
            PageError::BadRequest(m) if m == ANSWERS_DO_NOT_FIT => {
                ("error-page-answers-do-not-fit", None)
            }
            PageError::BadRequest(_) => ("error-page-bad-request", None),
            PageError::Refused(r) => (r.id, None),
            PageError::TooLarge => ("error-page-too-large", None),
            PageError::TooMany(wait) => ("error-page-too-many", Some(minutes(*wait))),
            PageError::MethodNotAllowed => ("error-page-method-not-allowed", None),
            PageError::Timeout => ("error-page-timeout", None),
            PageError::HeadersTooLarge => ("error-page-headers-too-large", None),
            PageError::UriTooLong => ("error-page-uri-too-long", None),
            PageError::Unavailable(m) => (
                match m.as_str() {
                    DISK_FULL => "error-page-disk-full",
                    READ_ONLY => "error-page-read-only",
                    DAMAGED => "error-page-damaged",
                    LOADING => "error-page-loading",
                    DATABASE_DOWN => "error-page-database-down",
                    _ => "error-page-unavailable",
                },
                None,
            ),
            PageError::PdfBusy => ("error-page-pdf-busy", None),
            PageError::Internal(_) => ("error-page-internal", None),
        };
        (title, message, wait)
    }

    /// The error page in `language`, its link leading `home`. In English it
    /// says exactly what the error says.
    pub fn page_in(&self, words: &Words, language: Language, home: Home) -> String {
        let (title, message, wait) = self.message_ids();
        let args: Vec<(&str, FluentValue<'_>)> = wait
            .map(|m| ("minutes", FluentValue::from(m)))
            .into_iter()
            .collect();
        let message = match self {
            _ if language == Language::English => self.to_string(),
            PageError::Refused(refusal) => refusal.said(words, language),
            _ => words.say(language, message, &args),
        };
        let home = match home {
            Home::Start => ("/", words.say(language, "error-go-to-start", &[])),
            Home::Console => ("/admin", words.say(language, "error-go-to-console", &[])),
        };
        error_page_in(
            language.code(),
            &words.say(language, title, &[]),
            &message,
            (home.0, &home.1),
        )
    }
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
    /// 405; the route sets `Allow`.
    #[error("this path does not support that method")]
    MethodNotAllowed,
    /// 415: the body is not declared as JSON in UTF-8.
    #[error("the body must be JSON, sent with Content-Type: application/json (in UTF-8)")]
    UnsupportedMediaType,
    /// 408: the body did not arrive within the deadline.
    #[error("the request body was not received in time")]
    Timeout,
    /// 431: the headers are over the bounds.
    #[error(
        "the request's headers are too large: at most 16 KB in all and 8 KB a line are accepted"
    )]
    HeadersTooLarge,
    /// 414: the address is over the bound.
    #[error("the request's address is too long: at most 8 KB is accepted")]
    UriTooLong,
    /// 503 with the reason: nothing can be stored now, or too many connections.
    #[error("{0}")]
    Unavailable(String),
    /// The answers do not fit the questionnaire: 422 with every problem.
    #[error("the answers have problems")]
    Invalid(AnswerError),
    #[error("internal error")]
    Internal(String),
}

impl From<StudyError> for ApiError {
    fn from(e: StudyError) -> ApiError {
        if let Some(message) = unavailable(&e) {
            // The API speaks in lower case, without the final full stop.
            return ApiError::Unavailable(lower_first(message.trim_end_matches('.')));
        }
        match e {
            StudyError::NotFound(_)
            | StudyError::Team(TeamError::NotFound | TeamError::NoTeams) => ApiError::NotFound,
            StudyError::Invalid(problems) => ApiError::Invalid(problems),
            other => ApiError::Internal(causes(&other)),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// What every error response carries: no caching, and for a 503 when to retry.
/// A 408, 414, 431 or 503 also closes the connection: the client is slow or
/// oversized, or the server short of something, and a kept connection helps none.
fn finish(resp: &mut actix_web::HttpResponseBuilder, status: StatusCode) {
    resp.insert_header((header::CACHE_CONTROL, "no-store"));
    if status == StatusCode::SERVICE_UNAVAILABLE {
        resp.insert_header((header::RETRY_AFTER, RETRY_AFTER_SECONDS));
    }
    if [
        StatusCode::SERVICE_UNAVAILABLE,
        StatusCode::REQUEST_TIMEOUT,
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        StatusCode::URI_TOO_LONG,
    ]
    .contains(&status)
    {
        resp.force_close();
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Timeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::HeadersTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::UriTooLong => StatusCode::URI_TOO_LONG,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
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
        let status = self.status_code();
        let mut resp = HttpResponse::build(status);
        if let ApiError::Unauthorized = self {
            resp.insert_header((actix_web::http::header::WWW_AUTHENTICATE, "Bearer"));
        }
        finish(&mut resp, status);
        resp.json(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Every error a respondent may meet, with a reason each language says.
    fn said_errors() -> Vec<PageError> {
        vec![
            PageError::NotFound,
            PageError::Csrf,
            PageError::BadRequest(IN_ANOTHER_TEAM.into()),
            PageError::BadRequest(ANSWERS_DO_NOT_FIT.into()),
            PageError::TooLarge,
            PageError::TooMany(Duration::from_secs(30)),
            PageError::TooMany(Duration::from_secs(601)),
            PageError::MethodNotAllowed,
            PageError::Timeout,
            PageError::HeadersTooLarge,
            PageError::UriTooLong,
            PageError::Unavailable(DISK_FULL.into()),
            PageError::Unavailable(READ_ONLY.into()),
            PageError::Unavailable(DAMAGED.into()),
            PageError::Unavailable(LOADING.into()),
            PageError::Unavailable(DATABASE_DOWN.into()),
            PageError::PdfBusy,
            PageError::Internal("a cause for the log".into()),
        ]
    }

    #[test]
    fn an_error_page_in_english_says_what_the_error_says() {
        let words = Words::load().expect("the page messages load");
        for error in said_errors() {
            let english = error.page_in(&words, Language::English, Home::Start);
            assert!(
                english.contains(&escape(&error.to_string())),
                "{error:?}: {english}"
            );
            let (title, _, _) = error.message_ids();
            assert_eq!(
                error_page(
                    &words.say(Language::English, title, &[]),
                    &error.to_string()
                ),
                english,
                "{error:?}: the page the error renders by itself"
            );
        }
    }

    #[test]
    fn a_refusal_gives_its_reason_in_the_reader_s_language() {
        let words = Words::load().expect("the page messages load");
        let one = PageError::refused(
            &words,
            "console-refused-date-from",
            &[("value", "31/03".into()), ("group", "none".into())],
        );
        assert_eq!(
            one.to_string(),
            "The date “31/03” under “Submitted from” is not a date. Use YYYY-MM-DD, for example 2026-03-31, or leave it empty."
        );
        let second = PageError::refused(
            &words,
            "console-refused-date-until",
            &[("value", "morgen".into()), ("group", "2".into())],
        );
        assert!(
            second
                .to_string()
                .contains("“Submitted until” of group 2 is not")
        );
        assert_eq!(second.status_code(), StatusCode::BAD_REQUEST);
        let (title, _, _) = second.message_ids();
        assert_eq!(
            second.page_in(&words, Language::English, Home::Start),
            error_page(
                &words.say(Language::English, title, &[]),
                &second.to_string()
            ),
            "the page the refusal renders by itself"
        );
        let german = second.page_in(&words, Language::German, Home::Start);
        assert!(
            german
                .contains("Das Datum „morgen“ unter „Eingegangen bis“ in Gruppe 2 ist kein Datum"),
            "{german}"
        );
        let french = one.page_in(&words, Language::French, Home::Start);
        assert!(french.contains("n’est pas une date"), "{french}");
        assert!(!french.contains("of group"), "{french}");
    }

    #[test]
    fn an_error_page_in_another_language_has_no_english_left() {
        let words = Words::load().expect("the page messages load");
        for language in [Language::German, Language::French, Language::Spanish] {
            for error in said_errors() {
                let page = error.page_in(&words, language, Home::Start);
                assert!(page.contains(&format!("<html lang=\"{}\">", language.code())));
                let english = error.to_string();
                let english = escape(english.split(['.', ':', ';']).next().unwrap_or(""));
                assert!(!page.contains(&english), "{language:?} {error:?}: {page}");
                assert!(!page.contains("Go to the start page"), "{page}");
            }
        }
        let wait = PageError::TooMany(Duration::from_secs(601));
        assert!(
            wait.page_in(&words, Language::German, Home::Start)
                .contains("in 11 Minuten")
        );
        let wait = PageError::TooMany(Duration::from_secs(30));
        assert!(
            wait.page_in(&words, Language::English, Home::Start)
                .contains("in 1 minute.")
        );
    }
}
