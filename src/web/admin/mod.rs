//! The operator console at `/admin`: login, sessions and the routes behind them.
//!
//! Every console route is listed in [`ROUTES`], which is also what registers them,
//! all inside one `/admin` scope whose middleware ([`require_operator`]) sends a
//! request without a valid session to the login page before any handler runs; a
//! route added to the scope cannot forget the check. Handlers read the signed-in
//! operator as an [`OperatorSession`]. Sessions are random 256-bit ids in an HttpOnly,
//! SameSite=Strict cookie (Secure over TLS), stored only as their SHA-256, renewed
//! at login, ended at logout, after [`IDLE_MINUTES`] without use or
//! [`SESSION_HOURS`] after sign-in. Sign-in attempts are limited by
//! [`crate::study::throttle`], counted by every server on the database alike.
//! Every console form carries the session's CSRF token.

mod charts;
mod compare;
mod export;
mod participation;
mod responses;
mod review;
mod teams;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::{Next, from_fn};
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError, Route, web};
use serde::Serialize;

use super::error::PageError;
use super::http::Endpoint;
use super::language;
use super::{AppState, cookies, csrf};
use crate::domain::language::Language;
use crate::study::StudyError;
use crate::study::operators::{self as accounts, AccountError};
use crate::study::throttle;
// An index's name as the console shows it: the report's words.
use crate::domain::report::index_name;

pub const SESSION_COOKIE: &str = "dealbench_session";
/// The operator's choice to count synthetic (demo) responses in the console's
/// figures, kept across pages: `on` or absent.
pub const SYNTHETIC_COOKIE: &str = "dealbench_synthetic";
pub use crate::study::{IDLE_MINUTES, SESSION_HOURS};

/// Message `id` of the console in `language`, with its variables.
pub(super) fn say(
    state: &AppState,
    language: Language,
    id: &str,
    args: &[(&str, fluent_bundle::FluentValue<'_>)],
) -> String {
    state.templates.words.say(language, id, args)
}

/// `v` with `digits` decimals as `language` writes them: "4.5" (in English as
/// the console has always shown it, without grouping), "4,5", "1.234,5".
pub(super) fn decimal(state: &AppState, language: Language, v: f64, digits: u8) -> String {
    match language {
        Language::English => format!("{v:.*}", usize::from(digits)),
        _ => state.templates.words.decimal(language, v, digits),
    }
}

/// A percentage with `digits` decimals as `language` writes it: "12.5%",
/// "12,5 %".
pub(super) fn percent(state: &AppState, language: Language, v: f64, digits: u8) -> String {
    match language {
        Language::English => format!("{}%", decimal(state, language, v, digits)),
        _ => format!("{}\u{a0}%", decimal(state, language, v, digits)),
    }
}

/// A console page: HTML, never cached.
fn html(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

/// Every console route that needs a session: (method, path).
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/admin"),
    ("GET", "/admin/compare"),
    ("GET", "/admin/export/scores.csv"),
    ("GET", "/admin/export/answers.csv"),
    ("GET", "/admin/responses"),
    ("POST", "/admin/responses/{id}/delete"),
    ("POST", "/admin/drafts/{id}/delete"),
    ("GET", "/admin/held"),
    ("POST", "/admin/responses/{id}/accept"),
    ("GET", "/admin/teams"),
    ("GET", "/admin/exports"),
    ("GET", "/admin/questionnaire"),
    ("GET", "/admin/questionnaire/preview"),
    ("POST", "/admin/questionnaire/preview"),
    ("POST", "/admin/synthetic"),
    ("POST", "/admin/logout"),
];

fn handler(method: &str, path: &str) -> Option<Route> {
    Some(match (method, path) {
        ("GET", "/admin") => web::get().to(participation::participation),
        ("GET", "/admin/compare") => web::get().to(compare::compare),
        ("GET", "/admin/export/scores.csv") => web::get().to(export::export_scores),
        ("GET", "/admin/export/answers.csv") => web::get().to(export::export_answers),
        ("GET", "/admin/responses") => web::get().to(responses::find_response),
        ("POST", "/admin/responses/{id}/delete") => web::post().to(responses::delete_response),
        ("POST", "/admin/drafts/{id}/delete") => web::post().to(responses::delete_draft),
        ("GET", "/admin/held") => web::get().to(responses::held_responses),
        ("POST", "/admin/responses/{id}/accept") => web::post().to(responses::accept_response),
        ("GET", "/admin/teams") => web::get().to(teams::admin_teams),
        ("GET", "/admin/exports") => web::get().to(export::exports_page),
        ("GET", "/admin/questionnaire") => web::get().to(review::review),
        ("GET", "/admin/questionnaire/preview") => web::get().to(review::preview_example),
        ("POST", "/admin/questionnaire/preview") => web::post().to(review::preview_upload),
        ("POST", "/admin/synthetic") => web::post().to(choose_synthetic),
        ("POST", "/admin/logout") => web::post().to(logout),
        _ => return None,
    })
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        Endpoint::at("/admin/login")
            .get(login_page)
            .post(login)
            .resource(),
    );
    // One resource per path, so that a path's other methods get 405 with `Allow`;
    // all in one scope behind the session check.
    let mut paths: Vec<&'static str> = Vec::new();
    for (_, path) in ROUTES {
        if !paths.contains(path) {
            paths.push(path);
        }
    }
    let mut scope = web::scope("/admin").wrap(from_fn(require_operator));
    for path in paths {
        let mut endpoint = Endpoint::at(path.strip_prefix("/admin").unwrap_or(path));
        for (method, _) in ROUTES.iter().filter(|(_, p)| *p == path) {
            if let (Some(route), Ok(m)) = (handler(method, path), method.parse()) {
                endpoint = endpoint.route(m, route);
            }
        }
        scope = scope.service(endpoint.resource());
    }
    cfg.service(scope);
}

/// The console's guard: a request for a console route without a live session is
/// sent to the login page; with one, the operator is handed to the handler. A
/// request no route answers (an unknown path, another method) passes on to get
/// its 404 or 405: it reaches no handler.
async fn require_operator(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if is_console_route(req.method().as_str(), req.path()) {
        let session = live_session(req.request()).await?;
        req.extensions_mut().insert(session);
    }
    // A language a link chose is kept, as on the respondent's pages.
    let chosen = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.study.questionnaire.languages())
        .and_then(|offered| language::chosen(req.request(), &offered, None).cookie);
    let mut res = next.call(req).await?;
    if let Some(c) = chosen
        && let Err(e) = res.response_mut().add_cookie(&c)
    {
        tracing::warn!(error = %e, "the language cookie could not be set");
    }
    Ok(res)
}

/// Renders a console page in the operator's language: the view, with the
/// frame's words (`w`), the page's language (`lang`) and the switch
/// between languages (`languages`, links to `here`).
fn render(
    state: &AppState,
    session: &OperatorSession,
    name: &str,
    view: &impl Serialize,
) -> Result<String, PageError> {
    render_in(state, session.language, &session.path, name, view)
}

fn render_in(
    state: &AppState,
    language: Language,
    path: &str,
    name: &str,
    view: &impl Serialize,
) -> Result<String, PageError> {
    let mut value = serde_json::to_value(view)
        .map_err(|e| PageError::Internal(format!("console view: {e}")))?;
    let offered = state.study.questionnaire.languages();
    let frame = language::Frame::new(&state.templates.words, &offered, language, path);
    if let (Some(map), Ok(serde_json::Value::Object(frame))) =
        (value.as_object_mut(), serde_json::to_value(frame))
    {
        map.extend(frame);
        // The study's name as the operator's language has it.
        map.insert(
            "study_name".to_string(),
            serde_json::json!(state.study.questionnaire.in_language(language).name),
        );
    }
    state.templates.render(name, &value)
}

/// Whether a request is for one of [`ROUTES`] (`{...}` matches one segment).
fn is_console_route(method: &str, path: &str) -> bool {
    // HEAD is answered wherever GET is.
    let method = if method == "HEAD" { "GET" } else { method };
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    ROUTES.iter().any(|(m, pattern)| {
        let expected: Vec<&str> = pattern.split('/').collect();
        *m == method
            && expected.len() == segments.len()
            && expected
                .iter()
                .zip(&segments)
                .all(|(e, s)| (e.starts_with('{') && !s.is_empty()) || e == s)
    })
}

/// The operator of the request's session cookie, if the session is live.
async fn live_session(req: &HttpRequest) -> Result<OperatorSession, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let id = cookies::value(req, SESSION_COOKIE)
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()));
    let (Some(state), Some(id)) = (state, id) else {
        return Err(NeedsLogin.into());
    };
    let offered = state.study.questionnaire.languages();
    let language = language::chosen(req, &offered, None).language;
    match state.study.session(&id).await.map_err(PageError::from)? {
        Some(s) => Ok(OperatorSession {
            language,
            path: req.path().to_string(),
            operator: s.operator,
            csrf_token: s.csrf_token,
            include_synthetic: cookies::value(req, SYNTHETIC_COOKIE).as_deref() == Some("on"),
            here: match req.query_string() {
                "" => req.path().to_string(),
                q => format!("{}?{q}", req.path()),
            },
        }),
        None => Err(NeedsLogin.into()),
    }
}

/// A signed-in operator, taken from the session cookie. Extracting it from a
/// request without a valid session sends the browser to the login page.
#[derive(Debug, Clone)]
pub struct OperatorSession {
    pub operator: String,
    pub csrf_token: String,
    /// The operator chose to count synthetic responses in every figure.
    pub include_synthetic: bool,
    /// The page asked for (path and query), to come back to after a choice.
    pub here: String,
    /// The language the console speaks to this operator: a link's `?lang=`,
    /// the `lang` cookie, else the browser's.
    pub language: Language,
    /// The page's path, for the switch between languages.
    pub path: String,
}

/// What every console page shows above its content: the synthetic-responses
/// banner and the one choice to count them.
#[derive(Debug, Serialize)]
pub struct ConsoleBar {
    pub include_synthetic: bool,
    /// Responses that are not synthetic, and synthetic ones.
    pub real: usize,
    pub synthetic: usize,
    /// The banner shows: only synthetic responses are stored, or they are counted.
    pub banner: bool,
    /// Where the choice's form returns to.
    pub back: String,
}

impl ConsoleBar {
    /// The bar for this operator's page, counting what the study holds now.
    pub async fn of(state: &AppState, session: &OperatorSession) -> ConsoleBar {
        let (real, synthetic) = state
            .study
            .with_summaries(|all| {
                all.iter()
                    .fold((0, 0), |(r, s), (summary, _)| match summary.synthetic {
                        true => (r, s + 1),
                        false => (r + 1, s),
                    })
            })
            .await;
        ConsoleBar {
            include_synthetic: session.include_synthetic,
            real,
            synthetic,
            banner: synthetic > 0 && (real == 0 || session.include_synthetic),
            back: session.here.clone(),
        }
    }
}

/// Sets or clears the choice to count synthetic responses, and returns to the
/// page it was made on.
async fn choose_synthetic(
    req: HttpRequest,
    session: OperatorSession,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = form.into_inner().into_iter().collect();
    session.verify(fields.get(csrf::FIELD).map(String::as_str))?;
    let include = fields.get("include").map(String::as_str) == Some("on");
    // Only back to a console page of this site.
    let back = fields
        .get("back")
        .filter(|b| b.starts_with("/admin") && !b.contains("//") && !b.contains('\\'))
        .cloned()
        .unwrap_or_else(|| "/admin".into());
    let secure = cookies::secure(&req);
    let cookie = if include {
        cookies::build(SYNTHETIC_COOKIE, "on".into(), "/admin", secure)
    } else {
        cookies::removal(SYNTHETIC_COOKIE, "/admin", secure)
    };
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, back))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}

/// Why a console request was refused: it is sent to the login page.
#[derive(Debug, thiserror::Error)]
#[error("sign in to use the console")]
pub struct NeedsLogin;

impl ResponseError for NeedsLogin {
    fn status_code(&self) -> StatusCode {
        StatusCode::SEE_OTHER
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/admin/login"))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .finish()
    }
}

/// Handlers inside the `/admin` scope read the operator the guard found; outside
/// it (which no console route is), the session is checked here.
impl FromRequest for OperatorSession {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let found = req.extensions().get::<OperatorSession>().cloned();
        let req = req.clone();
        Box::pin(async move {
            match found {
                Some(session) => Ok(session),
                None => live_session(&req).await,
            }
        })
    }
}

impl OperatorSession {
    /// Checks the CSRF token of a console form.
    ///
    /// # Errors
    /// `PageError::Csrf` when it is missing or wrong.
    pub fn verify(&self, submitted: Option<&str>) -> Result<(), PageError> {
        match submitted {
            Some(t)
                if bool::from(subtle::ConstantTimeEq::ct_eq(
                    t.as_bytes(),
                    self.csrf_token.as_bytes(),
                )) =>
            {
                Ok(())
            }
            _ => Err(PageError::Csrf),
        }
    }
}

#[derive(Serialize)]
struct LoginView<'a> {
    title: String,
    study_name: &'a str,
    csrf: String,
    error: Option<String>,
    name: String,
}

/// The sign-in page, with the message `error` (an id) where an attempt failed.
fn login_form(
    req: &HttpRequest,
    state: &AppState,
    error: Option<&'static str>,
    name: String,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (token, cookie) = csrf::token(req);
    let offered = state.study.questionnaire.languages();
    let chosen = language::chosen(req, &offered, None);
    let view = LoginView {
        title: say(state, chosen.language, "console-sign-in", &[]),
        study_name: &state.study.questionnaire.name,
        csrf: token,
        error: error.map(|id| say(state, chosen.language, id, &[])),
        name,
    };
    let mut resp = HttpResponse::build(status);
    resp.content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"));
    for c in [cookie, chosen.cookie].into_iter().flatten() {
        resp.cookie(c);
    }
    Ok(resp.body(render_in(
        state,
        chosen.language,
        req.path(),
        "admin_login.html",
        &view,
    )?))
}

async fn login_page(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    login_form(&req, &state, None, String::new(), StatusCode::OK)
}

async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = form.into_inner().into_iter().collect();
    csrf::verify(&req, fields.get(csrf::FIELD).map(String::as_str))?;
    let name = fields.get("name").cloned().unwrap_or_default();
    let password = fields.get("password").cloned().unwrap_or_default();
    let address = state
        .trusted_proxies
        .client_address(&req)
        .unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]));
    let refused = |refusal: throttle::Refusal, name: String| {
        let (message, status, retry) = match refusal {
            throttle::Refusal::TooMany(wait) => (
                "console-too-many-attempts",
                StatusCode::TOO_MANY_REQUESTS,
                wait.as_secs().max(1),
            ),
            throttle::Refusal::Busy => ("console-busy", StatusCode::SERVICE_UNAVAILABLE, 1),
        };
        tracing::warn!(?refusal, "console sign-in refused");
        login_form(&req, &state, Some(message), name, status).map(|mut resp| {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(retry));
            resp
        })
    };
    // The attempt counts as a failure from here until the password proves right.
    let attempt = match state.study.begin_sign_in(&name, address).await? {
        Ok(a) => a,
        Err(refusal) => return refused(refusal, name),
    };
    if accounts::check_name(&name).is_err() {
        // No operator can have this name: nothing to check.
        tracing::warn!("console sign-in failed");
        return login_form(
            &req,
            &state,
            Some("console-no-match"),
            String::new(),
            StatusCode::UNAUTHORIZED,
        );
    }
    let ok = match state.study.verify_operator(&name, password).await {
        Ok(ok) => ok,
        Err(StudyError::Account(AccountError::Busy)) => {
            // Never checked: it does not count against the address.
            state.study.withdraw_sign_in(attempt).await?;
            return refused(throttle::Refusal::Busy, name);
        }
        Err(other) => return Err(other.into()),
    };
    if !ok {
        tracing::warn!("console sign-in failed");
        return login_form(
            &req,
            &state,
            Some("console-no-match"),
            name,
            StatusCode::UNAUTHORIZED,
        );
    }
    state.study.sign_in_succeeded(attempt).await?;
    // A new session id at every login.
    let session_id = csrf::new_token();
    let session_csrf = csrf::new_token();
    state
        .study
        .open_session(&session_id, &name, &session_csrf)
        .await?;
    tracing::info!("operator signed in");
    let cookie = cookies::build(SESSION_COOKIE, session_id, "/admin", cookies::secure(&req));
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, "/admin"))
        .finish())
}

async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: OperatorSession,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = form.into_inner().into_iter().collect();
    session.verify(fields.get(csrf::FIELD).map(String::as_str))?;
    if let Some(id) = cookies::value(&req, SESSION_COOKIE) {
        state.study.close_session(&id).await?;
    }
    let expired = cookies::removal(SESSION_COOKIE, "/admin", cookies::secure(&req));
    Ok(HttpResponse::SeeOther()
        .cookie(expired)
        .insert_header((header::LOCATION, "/admin/login"))
        .finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guard_knows_every_console_route_and_nothing_else() {
        assert!(is_console_route("GET", "/admin"));
        assert!(is_console_route("GET", "/admin/"));
        assert!(is_console_route("POST", "/admin/responses/abc/delete"));
        assert!(!is_console_route("GET", "/admin/responses/abc/delete"));
        assert!(!is_console_route("POST", "/admin/responses//delete"));
        assert!(!is_console_route("GET", "/admin/logout"));
        assert!(is_console_route("HEAD", "/admin/held"));
        assert!(!is_console_route("GET", "/admin/nothing-here"));
        for (method, path) in ROUTES {
            assert!(
                is_console_route(method, &path.replace("{id}", "x")),
                "{method} {path}"
            );
        }
    }

    #[test]
    fn every_listed_route_has_a_handler() {
        for (method, path) in ROUTES {
            assert!(handler(method, path).is_some(), "{method} {path}");
            assert!(path.starts_with("/admin"));
        }
    }
}
