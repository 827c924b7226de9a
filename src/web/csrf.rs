//! CSRF protection for the respondent's forms, by double-submit cookie: a random
//! token is set in a SameSite=Strict, HttpOnly cookie and repeated in a hidden
//! field of every form; a POST is accepted only when both are present and equal.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};

use super::error::PageError;

pub const COOKIE: &str = "dealbench_csrf";
pub const FIELD: &str = "csrf_token";

/// The token for the forms of this page, and the cookie to set when the browser
/// has none yet.
pub fn token(req: &HttpRequest) -> (String, Option<Cookie<'static>>) {
    if let Some(c) = req.cookie(COOKIE)
        && is_token(c.value())
    {
        return (c.value().to_string(), None);
    }
    let token = new_token();
    let cookie = Cookie::build(COOKIE, token.clone())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(req.connection_info().scheme() == "https")
        .finish();
    (token, Some(cookie))
}

/// 244 random bits, as hex.
pub fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

fn is_token(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Checks a submitted form's token against the cookie.
///
/// # Errors
/// `PageError::Csrf` when either is missing or they differ.
pub fn verify(req: &HttpRequest, submitted: Option<&str>) -> Result<(), PageError> {
    let cookie = req.cookie(COOKIE).ok_or(PageError::Csrf)?;
    let submitted = submitted.ok_or(PageError::Csrf)?;
    if is_token(submitted) && constant_time_eq(cookie.value().as_bytes(), submitted.as_bytes()) {
        Ok(())
    } else {
        Err(PageError::Csrf)
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
