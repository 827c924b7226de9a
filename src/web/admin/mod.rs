//! The operator console at `/admin`: login, sessions and the routes behind them.
//!
//! Every console route is listed in [`ROUTES`], which is also what registers them,
//! and each handler takes an [`OperatorSession`]: a request without a valid session
//! is sent to the login page. Sessions are random 256-bit ids in an HttpOnly,
//! SameSite=Strict cookie (Secure over TLS), renewed at login, ended at logout or
//! after [`IDLE_MINUTES`] without use. Failed logins are limited per account and per
//! address. Every console form carries the session's CSRF token.

mod console;

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, Route, web};
use serde::Serialize;

use super::error::PageError;
use super::http::Endpoint;
use super::{AppState, csrf};
use crate::accounts;
use crate::storage::{now_timestamp, timestamp_seconds_ago};

pub const SESSION_COOKIE: &str = "dealbench_session";
/// A session ends after this long without use.
pub const IDLE_MINUTES: u64 = 30;
/// Failed logins allowed per account, and per address, within [`FAILURE_WINDOW`].
pub const MAX_FAILURES_PER_ACCOUNT: usize = 5;
pub const MAX_FAILURES_PER_ADDRESS: usize = 20;
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);

/// Every console route that needs a session: (method, path).
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/admin"),
    ("GET", "/admin/compare"),
    ("GET", "/admin/export/scores.csv"),
    ("GET", "/admin/export/answers.csv"),
    ("GET", "/admin/responses"),
    ("POST", "/admin/responses/{id}/delete"),
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

/// Failed logins, remembered for [`FAILURE_WINDOW`].
#[derive(Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl LoginThrottle {
    fn recent(&self, key: &str) -> usize {
        let Ok(mut map) = self.failures.lock() else {
            return usize::MAX;
        };
        let Some(times) = map.get_mut(key) else {
            return 0;
        };
        while times.front().is_some_and(|t| t.elapsed() > FAILURE_WINDOW) {
            times.pop_front();
        }
        times.len()
    }

    fn record(&self, key: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.entry(key.to_string())
                .or_default()
                .push_back(Instant::now());
        }
    }

    fn clear(&self, key: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(key);
        }
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
        let id = req
            .cookie(SESSION_COOKIE)
            .map(|c| c.value().to_string())
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
                let idle_limit = timestamp_seconds_ago((IDLE_MINUTES * 60) as f64);
                if session.last_seen < idle_limit {
                    study.store.end_session(&id, &idle_limit)?;
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
            Some(t) if t.len() == self.csrf_token.len() && t == self.csrf_token => Ok(()),
            _ => Err(PageError::Csrf),
        }
    }
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
    let address = req
        .peer_addr()
        .map_or_else(|| "unknown".to_string(), |a| a.ip().to_string());
    let (account_key, address_key) = (format!("account:{name}"), format!("address:{address}"));
    if state.login_throttle.recent(&account_key) >= MAX_FAILURES_PER_ACCOUNT
        || state.login_throttle.recent(&address_key) >= MAX_FAILURES_PER_ADDRESS
    {
        tracing::warn!("console sign-in refused: too many failures");
        return login_form(
            &req,
            &state,
            Some("Too many failed attempts. Wait 15 minutes and try again."),
            name,
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
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
    if !ok {
        state.login_throttle.record(&account_key);
        state.login_throttle.record(&address_key);
        tracing::warn!("console sign-in failed");
        return login_form(
            &req,
            &state,
            Some("That name and password do not match."),
            name,
            StatusCode::UNAUTHORIZED,
        );
    }
    state.login_throttle.clear(&account_key);
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
    let cookie = Cookie::build(SESSION_COOKIE, session_id)
        .path("/admin")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(req.connection_info().scheme() == "https")
        .finish();
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
    if let Some(c) = req.cookie(SESSION_COOKIE) {
        let id = c.value().to_string();
        let study = state.study.clone();
        let idle_limit = timestamp_seconds_ago((IDLE_MINUTES * 60) as f64);
        web::block(move || study.store.end_session(&id, &idle_limit))
            .await
            .map_err(|e| PageError::Internal(e.to_string()))??;
    }
    let mut expired = Cookie::build(SESSION_COOKIE, "").path("/admin").finish();
    expired.make_removal();
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
