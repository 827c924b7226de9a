//! HTTP plumbing shared by every route: methods, caching and transport headers,
//! and the bounds that keep one client from holding the server.
//!
//! - [`Endpoint`] registers a path with its handlers by method; any other method
//!   gets 405 with `Allow` (an unknown path stays 404).
//! - [`guard`], the middleware around every request: answers HEAD like GET
//!   (without the body), refuses a connection over the per-address cap with 503,
//!   refuses a head over [`MAX_HEAD_BYTES`] (or a line over [`MAX_LINE_BYTES`])
//!   with 431 (414 for the request line),
//!   puts a deadline on reading the request body, marks every response
//!   `Cache-Control: no-store` unless it chose otherwise, names UTF-8 in every
//!   text content type (plain text, HTML, CSV, JSON) that does not name its
//!   charset, and sends HSTS when the site is served over HTTPS.
//! - [`ConnectionCounter`] counts open connections per client address; the server
//!   hands each connection a [`ConnectionSlot`] when it is accepted.

use std::collections::HashMap;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::{Handler, HttpRequest, HttpResponse, Resource, Responder, ResponseError, Route};
use std::future::Future;

use tokio_stream::Stream;

use super::AppState;
use super::error::{ApiError, Home, PageError};

/// `Strict-Transport-Security` over HTTPS: a year, this host only (the study may
/// share a domain with sites this server knows nothing about).
pub const HSTS: &str = "max-age=31536000";

// ---- Methods -----------------------------------------------------------------

/// A path and its handlers by method. HEAD is answered wherever GET is; any other
/// method gets 405 with `Allow` listing the ones the path supports.
pub struct Endpoint {
    path: &'static str,
    routes: Vec<(Method, Route)>,
}

impl Endpoint {
    pub fn at(path: &'static str) -> Endpoint {
        Endpoint {
            path,
            routes: Vec::new(),
        }
    }

    pub fn get<F, Args>(self, handler: F) -> Endpoint
    where
        F: Handler<Args>,
        Args: actix_web::FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.route(Method::GET, web::route().to(handler))
    }

    pub fn post<F, Args>(self, handler: F) -> Endpoint
    where
        F: Handler<Args>,
        Args: actix_web::FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.route(Method::POST, web::route().to(handler))
    }

    /// A handler for `method` (a route that may already carry its method guard).
    pub fn route(mut self, method: Method, route: Route) -> Endpoint {
        self.routes.push((method, route));
        self
    }

    /// The resource to register: `cfg.service(endpoint.resource())`.
    pub fn resource(self) -> Resource {
        let mut allow: Vec<&str> = Vec::new();
        for (method, _) in &self.routes {
            allow.push(method.as_str());
            if method == Method::GET {
                allow.push("HEAD");
            }
        }
        allow.dedup();
        let allow = allow.join(", ");
        let mut resource = web::resource(self.path);
        for (method, route) in self.routes {
            resource = resource.route(route.method(method));
        }
        resource.default_service(web::to(move |req: HttpRequest| {
            let allow = allow.clone();
            async move { method_not_allowed(&req, &allow) }
        }))
    }
}

fn method_not_allowed(req: &HttpRequest, allow: &str) -> HttpResponse {
    // The page error stays attached, for the guard to say it in the reader's
    // language.
    let mut resp = if is_api(req.path()) {
        ApiError::MethodNotAllowed.error_response()
    } else {
        HttpResponse::from_error(PageError::MethodNotAllowed)
    };
    if let Ok(value) = header::HeaderValue::from_str(allow) {
        resp.headers_mut().insert(header::ALLOW, value);
    }
    resp
}

/// Whether a path belongs to the JSON API (errors there are JSON, not pages).
pub fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

// ---- Connections per address ---------------------------------------------------

/// Open connections per client address.
#[derive(Default)]
pub struct ConnectionCounter {
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One accepted connection, counted against its address until it closes (the
/// server drops its per-connection data then). `over_cap` is decided once, when
/// the connection is accepted.
pub struct ConnectionSlot {
    counter: Arc<ConnectionCounter>,
    address: IpAddr,
    pub over_cap: bool,
}

impl ConnectionCounter {
    /// Counts a new connection from `address`; it is over the cap when `cap`
    /// connections from there are open already (a cap of 0: no cap).
    pub fn open(self: &Arc<Self>, address: IpAddr, cap: usize) -> ConnectionSlot {
        let over_cap = match self.open.lock() {
            Ok(mut open) => {
                let n = open.entry(address).or_insert(0);
                *n += 1;
                cap > 0 && *n > cap
            }
            Err(_) => false,
        };
        ConnectionSlot {
            counter: self.clone(),
            address,
            over_cap,
        }
    }

    /// Connections open now from `address`.
    pub fn from_address(&self, address: IpAddr) -> usize {
        self.open
            .lock()
            .map_or(0, |open| open.get(&address).copied().unwrap_or(0))
    }
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.counter.open.lock()
            && let Some(n) = open.get_mut(&self.address)
        {
            *n = n.saturating_sub(1);
            if *n == 0 {
                // No entry is kept for an address with nothing open: the map's size
                // follows the connections, not every address ever seen.
                open.remove(&self.address);
            }
        }
    }
}

// ---- The body deadline ---------------------------------------------------------

/// The request body, cut off with a time-out error when it is not all read by the
/// deadline (a client sending a byte a second holds a connection for nothing).
struct DeadlineBody {
    inner: Payload,
    deadline: Pin<Box<tokio::time::Sleep>>,
    expired: bool,
}

impl Stream for DeadlineBody {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.expired {
            return Poll::Ready(None);
        }
        if let Poll::Ready(item) = Pin::new(&mut self.inner).poll_next(cx) {
            return Poll::Ready(item);
        }
        if self.deadline.as_mut().poll(cx).is_ready() {
            self.expired = true;
            return Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the request body was not received in time",
            )))));
        }
        Poll::Pending
    }
}

/// Whether a body error is the deadline's (then the answer is 408).
pub fn is_body_timeout(e: &PayloadError) -> bool {
    matches!(e, PayloadError::Io(io) if io.kind() == std::io::ErrorKind::TimedOut)
}

// ---- The middleware --------------------------------------------------------------

/// The middleware around every request (see the module documentation).
///
/// # Errors
/// Those of the wrapped service.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    if req
        .conn_data::<ConnectionSlot>()
        .is_some_and(|slot| slot.over_cap)
    {
        // The error response closes the connection, which frees the slot.
        let resp = if is_api(req.path()) {
            ApiError::Unavailable(TOO_MANY_CONNECTIONS.into()).error_response()
        } else {
            HttpResponse::from_error(PageError::Unavailable(TOO_MANY_CONNECTIONS.into()))
        };
        return Ok(refused_before_the_study(
            req,
            resp,
            state.as_ref().map(|s| s.get_ref()),
        ));
    }
    if let Some(oversized) = oversized_head(req.head()) {
        let api = is_api(req.path());
        let resp = match oversized {
            Oversized::Uri if api => ApiError::UriTooLong.error_response(),
            Oversized::Uri => HttpResponse::from_error(PageError::UriTooLong),
            Oversized::Headers if api => ApiError::HeadersTooLarge.error_response(),
            Oversized::Headers => HttpResponse::from_error(PageError::HeadersTooLarge),
        };
        return Ok(refused_before_the_study(
            req,
            resp,
            state.as_ref().map(|s| s.get_ref()),
        ));
    }
    // HEAD is GET without the body: the connection's encoder knows the request was
    // HEAD and leaves the body out, with the headers GET would send.
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    if let Some(state) = &state {
        let payload = req.take_payload();
        let deadline = DeadlineBody {
            inner: payload,
            deadline: Box::pin(tokio::time::sleep(state.limits.body_deadline)),
            expired: false,
        };
        req.set_payload(Payload::Stream {
            payload: Box::pin(deadline),
        });
    }
    let res = next.call(req).await?;
    let mut res = match &state {
        Some(state) => in_the_reader_s_language(res.map_into_boxed_body(), state),
        None => res.map_into_boxed_body(),
    };
    let headers = res.headers_mut();
    let with_charset = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(with_utf8_charset);
    if let Some(value) = with_charset.and_then(|v| header::HeaderValue::from_str(&v).ok()) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        // Nearly everything here is private to one respondent or operator; what may
        // be cached (the stylesheet) says so itself.
        headers.insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
    }
    if state.is_some_and(|s| s.public_url.is_https()) {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            header::HeaderValue::from_static(HSTS),
        );
    }
    Ok(res)
}

/// A request refused before it reaches the study (too many connections, a
/// head over the bounds), its page in its reader's language.
fn refused_before_the_study(
    req: ServiceRequest,
    resp: HttpResponse,
    state: Option<&AppState>,
) -> ServiceResponse<BoxBody> {
    // Built from the parts: `into_response` would drop the error the rewrite reads.
    let res = ServiceResponse::new(req.into_parts().0, resp).map_into_boxed_body();
    match state {
        Some(state) => in_the_reader_s_language(res, state),
        None => res,
    }
}

/// An error page, rewritten in the language its reader reads (a link's
/// `?lang=`, their cookie, else their browser's), with its status, headers
/// and connection kept. The API answers in English JSON.
fn in_the_reader_s_language(
    res: ServiceResponse<BoxBody>,
    state: &AppState,
) -> ServiceResponse<BoxBody> {
    let path = res.request().path();
    if is_api(path) {
        return res;
    }
    let Some(error) = res
        .response()
        .error()
        .and_then(|e| e.as_error::<PageError>())
    else {
        return res;
    };
    let offered = state.study.questionnaire.languages();
    let language = super::language::chosen(res.request(), &offered, None).language;
    let home = Home::of(path);
    if language == crate::domain::language::Language::English && home == Home::Start {
        return res;
    }
    let body = error.page_in(&state.templates.words, language, home);
    let mut page = HttpResponse::with_body(res.status(), body).map_into_boxed_body();
    *page.headers_mut() = res.headers().clone();
    let connection = res.response().head().connection_type();
    page.head_mut().set_connection_type(connection);
    res.into_response(page)
}

// ---- The size of a request's head ---------------------------------------------------

/// The most a request's head may take, every header line counted with its name
/// and line break: 16 KB, four times what browsers send with a full jar of
/// cookies. (The HTTP layer itself reads at most 128 KB of a head before it
/// refuses it; past these bounds the request is refused here.)
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The most one header line, or the request line, may take: 8 KB.
pub const MAX_LINE_BYTES: usize = 8 * 1024;

/// Which bound a request's head is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Oversized {
    /// The request line (its address): 414.
    Uri,
    /// A header line, or all of them: 431.
    Headers,
}

/// Whether a request's head is over [`MAX_LINE_BYTES`] in a line or
/// [`MAX_HEAD_BYTES`] in all.
pub fn oversized_head(head: &actix_web::dev::RequestHead) -> Option<Oversized> {
    let uri = &head.uri;
    // "GET " + target + " HTTP/1.1\r\n"
    let target = uri.scheme_str().map_or(0, |s| s.len() + 3)
        + uri.authority().map_or(0, |a| a.as_str().len())
        + uri.path_and_query().map_or(1, |p| p.as_str().len());
    let request_line = head.method.as_str().len() + 1 + target + 11;
    if request_line > MAX_LINE_BYTES {
        return Some(Oversized::Uri);
    }
    let mut total = request_line + 2;
    for (name, value) in head.headers.iter() {
        let line = name.as_str().len() + 2 + value.len() + 2;
        if line > MAX_LINE_BYTES {
            return Some(Oversized::Headers);
        }
        total += line;
    }
    (total > MAX_HEAD_BYTES).then_some(Oversized::Headers)
}

/// A text content type (`text/...`, JSON) that names no charset, with UTF-8
/// named: everything the server writes is UTF-8, and a client should not have
/// to guess (`application/json` by actix's own `json()` among them). `None` when
/// the type is not text or already names its charset.
pub fn with_utf8_charset(content_type: &str) -> Option<String> {
    let mut parts = content_type.split(';');
    let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let textual =
        essence.starts_with("text/") || essence == "application/json" || essence.ends_with("+json");
    let named = parts.any(|p| {
        p.split_once('=')
            .is_some_and(|(name, _)| name.trim().eq_ignore_ascii_case("charset"))
    });
    (textual && !named).then(|| {
        format!(
            "{}; charset=utf-8",
            content_type.trim_end_matches([';', ' '])
        )
    })
}

const TOO_MANY_CONNECTIONS: &str =
    "Too many connections from your address at once. Close some and try again.";

/// The bounds of the HTTP server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The time allowed to send a request body once its headers are in: 408 after.
    pub body_deadline: Duration,
    /// The time allowed to send a request's headers: 408 after.
    pub header_deadline: Duration,
    /// The time an answer may wait, unread or unacknowledged, on a connection
    /// before the connection is closed (the kernel's `TCP_USER_TIMEOUT`: it
    /// holds while the client's window stays shut), so that a client that never
    /// reads holds neither memory nor a place for long.
    pub write_deadline: Duration,
    /// Open connections allowed from one address (0: no cap); 503 beyond.
    pub connections_per_address: usize,
    /// Open connections in all; beyond, new ones wait to be accepted.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_deadline: Duration::from_secs(10),
            header_deadline: Duration::from_secs(5),
            write_deadline: Duration::from_secs(30),
            connections_per_address: 256,
            max_connections: 1_000,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_types_without_a_charset_get_utf8_named() {
        for (given, expected) in [
            ("text/plain", Some("text/plain; charset=utf-8")),
            ("application/json", Some("application/json; charset=utf-8")),
            ("text/csv;", Some("text/csv; charset=utf-8")),
            (
                "application/problem+json",
                Some("application/problem+json; charset=utf-8"),
            ),
            ("text/html; charset=utf-8", None),
            ("text/plain; Charset=\"UTF-8\"", None),
            ("application/pdf", None),
            ("image/png", None),
        ] {
            assert_eq!(with_utf8_charset(given).as_deref(), expected, "{given}");
        }
    }
}
