//! The operator console at `/admin`: login, sessions and the routes behind them.
//!
//! Every console route is listed in [`ROUTES`], which is also what registers them,
//! and each handler takes an [`OperatorSession`]: a request without a valid session
//! is sent to the login page. Sessions are random 256-bit ids in an HttpOnly,
//! SameSite=Strict cookie (Secure over TLS), stored only as their SHA-256, renewed
//! at login, ended at logout, after [`IDLE_MINUTES`] without use or
//! [`SESSION_HOURS`] after sign-in. Sign-in attempts are limited by [`throttle`].
//! Every console form carries the session's CSRF token.

mod console;
pub mod throttle;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, Route, web};
use serde::Serialize;

use super::error::PageError;
use super::http::Endpoint;
use super::{AppState, cookies, csrf};
use crate::accounts;
use crate::storage::{now_timestamp, timestamp_seconds_ago};

pub const SESSION_COOKIE: &str = "dealbench_session";
/// A session ends after this long without use...
pub const IDLE_MINUTES: u64 = 30;
/// ...and this long after sign-in, however busy.
pub const SESSION_HOURS: u64 = 12;

pub use throttle::LoginThrottle;

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
    ("POST", "/admin/logout"),
];

fn handler(method: &str, path: &str) -> Option<Route> {
    Some(match (method, path) {
        ("GET", "/admin") => web::get().to(console::participation),
        ("GET", "/admin/compare") => web::get().to(console::compare),
        ("GET", "/admin/export/scores.csv") => web::get().to(console::export_scores),
        ("GET", "/admin/export/answers.csv") => web::get().to(console::export_answers),
        ("GET", "/admin/responses") => web::get().to(console::find_response),
        ("POST", "/admin/responses/{id}/delete") => web::post().to(console::delete_response),
        ("POST", "/admin/drafts/{id}/delete") => web::post().to(console::delete_draft),
        ("GET", "/admin/held") => web::get().to(console::held_responses),
        ("POST", "/admin/responses/{id}/accept") => web::post().to(console::accept_response),
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
    // One resource per path, so that a path's other methods get 405 with `Allow`.
    let mut paths: Vec<&'static str> = Vec::new();
    for (_, path) in ROUTES {
        if !paths.contains(path) {
            paths.push(path);
        }
    }
    for path in paths {
        let mut endpoint = Endpoint::at(path);
        for (method, _) in ROUTES.iter().filter(|(_, p)| *p == path) {
            if let (Some(route), Ok(m)) = (handler(method, path), method.parse()) {
                endpoint = endpoint.route(m, route);
            }
        }
        cfg.service(endpoint.resource());
    }
}

/// A signed-in operator, taken from the session cookie. Extracting it from a
/// request without a valid session sends the browser to the login page.
pub struct OperatorSession {
    pub operator: String,
    pub csrf_token: String,
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

impl FromRequest for OperatorSession {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let id = cookies::value(req, SESSION_COOKIE)
            .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()));
        Box::pin(async move {
            let (Some(state), Some(id)) = (state, id) else {
                return Err(NeedsLogin.into());
            };
            let study = state.study.clone();
            let session = web::block(move || -> Result<_, crate::storage::StorageError> {
                let Some(session) = study.store.session(&id)? else {
                    return Ok(None);
                };
                let (idle_limit, age_limit) = session_limits();
                if session.last_seen < idle_limit || session.created_at < age_limit {
                    study.store.end_session(&id, &idle_limit, &age_limit)?;
                    return Ok(None);
                }
                // Touch at most once a minute: one write per minute, not per request.
                if session.last_seen < timestamp_seconds_ago(60.0) {
                    study.store.touch_session(&id, &now_timestamp())?;
                }
                Ok(Some(session))
            })
            .await
            .map_err(|e| PageError::Internal(e.to_string()))?
            .map_err(PageError::from)?;
            match session {
                Some(s) => Ok(OperatorSession {
                    operator: s.operator,
                    csrf_token: s.csrf_token,
                }),
                None => Err(NeedsLogin.into()),
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

/// The oldest last use, and the oldest sign-in, of a live session.
fn session_limits() -> (String, String) {
    (
        timestamp_seconds_ago((IDLE_MINUTES * 60) as f64),
        timestamp_seconds_ago((SESSION_HOURS * 3600) as f64),
    )
}

#[derive(Serialize)]
struct LoginView<'a> {
    title: &'static str,
    study_name: &'a str,
    csrf: String,
    error: Option<&'static str>,
    name: String,
}

fn login_form(
    req: &HttpRequest,
    state: &AppState,
    error: Option<&'static str>,
    name: String,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (token, cookie) = csrf::token(req);
    let view = LoginView {
        title: "Operator sign-in",
        study_name: &state.study.questionnaire.name,
        csrf: token,
        error,
        name,
    };
    let mut resp = HttpResponse::build(status);
    resp.content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"));
    if let Some(c) = cookie {
        resp.cookie(c);
    }
    Ok(resp.body(state.templates.render("admin_login.html", &view)?))
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
    let throttle = &state.login_throttle;
    let refused = |refusal: throttle::Refusal, name: String| {
        let (message, status, retry) = match refusal {
            throttle::Refusal::TooMany(wait) => (
                "Too many failed attempts. Wait a few minutes and try again.",
                StatusCode::TOO_MANY_REQUESTS,
                wait.as_secs().max(1),
            ),
            throttle::Refusal::Busy => (
                "The console is busy signing other people in. Try again in a moment.",
                StatusCode::SERVICE_UNAVAILABLE,
                1,
            ),
        };
        tracing::warn!(?refusal, "console sign-in refused");
        login_form(&req, &state, Some(message), name, status).map(|mut resp| {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(retry));
            resp
        })
    };
    // The attempt counts as a failure from here until the password proves right.
    let attempt = match throttle.begin(&name, address) {
        Ok(a) => a,
        Err(refusal) => return refused(refusal, name),
    };
    if accounts::check_name(&name).is_err() {
        // No operator can have this name: nothing to check.
        tracing::warn!("console sign-in failed");
        return login_form(
            &req,
            &state,
            Some("That name and password do not match."),
            String::new(),
            StatusCode::UNAUTHORIZED,
        );
    }
    let permit = match throttle.check_permit() {
        Ok(p) => p,
        Err(refusal) => {
            throttle.withdraw(attempt);
            return refused(refusal, name);
        }
    };
    let study = state.study.clone();
    let lookup = name.clone();
    let ok = web::block(move || -> Result<bool, crate::storage::StorageError> {
        let hash = study.store.operator_hash(&lookup)?;
        let known = hash.is_some();
        let verified =
            accounts::verify_password(&password, hash.as_deref().unwrap_or(accounts::decoy_hash()));
        Ok(known && verified)
    })
    .await
    .map_err(|e| PageError::Internal(e.to_string()))??;
    drop(permit);
    if !ok {
        tracing::warn!("console sign-in failed");
        return login_form(
            &req,
            &state,
            Some("That name and password do not match."),
            name,
            StatusCode::UNAUTHORIZED,
        );
    }
    throttle.succeeded(attempt);
    // A new session id at every login.
    let session_id = csrf::new_token();
    let session_csrf = csrf::new_token();
    let study = state.study.clone();
    let (sid, operator) = (session_id.clone(), name.clone());
    web::block(move || {
        study
            .store
            .create_session(&sid, &operator, &session_csrf, &now_timestamp())
    })
    .await
    .map_err(|e| PageError::Internal(e.to_string()))??;
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
        let study = state.study.clone();
        let (idle_limit, age_limit) = session_limits();
        web::block(move || study.store.end_session(&id, &idle_limit, &age_limit))
            .await
            .map_err(|e| PageError::Internal(e.to_string()))??;
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
    fn every_listed_route_has_a_handler() {
        for (method, path) in ROUTES {
            assert!(handler(method, path).is_some(), "{method} {path}");
            assert!(path.starts_with("/admin"));
        }
    }
}
