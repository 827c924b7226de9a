//! Cookies of the site: one place decides their name, path and flags.
//!
//! Over HTTPS (judged from the configured public URL, never from the request) a
//! cookie is `Secure` and its name carries the `__Host-` prefix, which browsers
//! accept only from a secure origin, for path `/` and without a domain: a
//! neighbouring subdomain or a plain-HTTP page cannot plant or overwrite it. Over
//! plain HTTP the name is left as is (browsers refuse `__Host-` cookies there).

use std::borrow::Cow;

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::web;

use super::AppState;

const HOST_PREFIX: &str = "__Host-";

/// The name a cookie is sent and read under.
pub fn name(base: &str, secure: bool) -> Cow<'_, str> {
    if secure {
        Cow::Owned(format!("{HOST_PREFIX}{base}"))
    } else {
        Cow::Borrowed(base)
    }
}

/// Whether the site this request reached is served over HTTPS (from the
/// configured public URL).
pub fn secure(req: &HttpRequest) -> bool {
    req.app_data::<web::Data<AppState>>()
        .is_some_and(|state| state.public_url.is_https())
}

/// An HttpOnly, SameSite=Strict cookie. Over HTTPS it is `Secure`, named
/// `__Host-{base}` and its path is `/` whatever `path` says (the prefix requires
/// it); over plain HTTP it keeps `base` and `path`.
pub fn build(base: &str, value: String, path: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(name(base, secure).into_owned(), value)
        .path(if secure { "/" } else { path }.to_string())
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .finish()
}

/// The cookie that removes `base` from the browser (same name, path and flags).
pub fn removal(base: &str, path: &str, secure: bool) -> Cookie<'static> {
    let mut cookie = build(base, String::new(), path, secure);
    cookie.make_removal();
    cookie
}

/// The value of cookie `base` in a request, under the name the site uses.
pub fn value(req: &HttpRequest, base: &str) -> Option<String> {
    req.cookie(&name(base, secure(req)))
        .map(|c| c.value().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_https_cookies_carry_the_host_prefix_and_path_slash() {
        let c = build("dealbench_session", "v".into(), "/admin", true);
        assert_eq!(c.name(), "__Host-dealbench_session");
        assert_eq!(c.path(), Some("/"));
        assert_eq!(c.secure(), Some(true));
        assert_eq!(c.http_only(), Some(true));
        assert_eq!(c.domain(), None);
    }

    #[test]
    fn over_http_cookies_keep_their_name_and_path() {
        let c = build("dealbench_session", "v".into(), "/admin", false);
        assert_eq!(c.name(), "dealbench_session");
        assert_eq!(c.path(), Some("/admin"));
        assert_eq!(c.secure(), Some(false));
    }
}
