//! CSRF protection for the respondent's forms, by double-submit cookie: a random
//! token is set in a SameSite=Strict, HttpOnly cookie and repeated in a hidden
//! field of every form; a POST is accepted only when both are present and equal.
//! Over HTTPS the cookie is `__Host-dealbench_csrf` (see [`super::cookies`]).

use actix_web::HttpRequest;
use actix_web::cookie::Cookie;

use super::cookies;
use super::error::PageError;

pub const COOKIE: &str = "dealbench_csrf";
pub const FIELD: &str = "csrf_token";

/// The token for the forms of this page, and the cookie to set when the browser
/// has none yet.
pub fn token(req: &HttpRequest) -> (String, Option<Cookie<'static>>) {
    if let Some(value) = cookies::value(req, COOKIE)
        && is_token(&value)
    {
        return (value, None);
    }
    let token = new_token();
    let cookie = cookies::build(COOKIE, token.clone(), "/", cookies::secure(req));
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
    let cookie = cookies::value(req, COOKIE).ok_or(PageError::Csrf)?;
    let submitted = submitted.ok_or(PageError::Csrf)?;
    if is_token(submitted) && constant_time_eq(cookie.as_bytes(), submitted.as_bytes()) {
        Ok(())
    } else {
        Err(PageError::Csrf)
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
