//! The public base URL of the site (`--public-url`): the only source of absolute
//! links and of whether the site is served over HTTPS.
//!
//! Links are never built from the request's `Host` or `X-Forwarded-*` headers: a
//! client may send anything there, and a link it controls would end up in API
//! answers and pages (`javascript://evil.example/r/...`).

use std::fmt;
use std::str::FromStr;

/// A validated base URL: `http` or `https`, a host, an optional port, nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    /// Scheme, host and port, without a trailing slash: `https://bench.example`.
    origin: String,
    https: bool,
}

/// Why a public URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublicUrlError {
    #[error("the public URL `{0}` must start with http:// or https://")]
    Scheme(String),
    #[error("the public URL `{0}` has no host")]
    NoHost(String),
    #[error("the public URL `{0}` has a host that is not a name or an IP address")]
    BadHost(String),
    #[error("the public URL `{0}` has a port that is not a number from 1 to 65535")]
    BadPort(String),
    #[error(
        "the public URL `{0}` must be only scheme, host and port (no path, query, fragment or user name)"
    )]
    Extra(String),
}

impl PublicUrl {
    /// Parses and checks a base URL such as `https://bench.example` or
    /// `http://127.0.0.1:8080/` (one trailing slash is allowed).
    ///
    /// # Errors
    /// A [`PublicUrlError`] saying what is wrong.
    pub fn parse(raw: &str) -> Result<PublicUrl, PublicUrlError> {
        let text = raw.trim();
        let lower = text.to_ascii_lowercase();
        let (https, rest) = if lower.starts_with("https://") {
            (true, &text["https://".len()..])
        } else if lower.starts_with("http://") {
            (false, &text["http://".len()..])
        } else {
            return Err(PublicUrlError::Scheme(raw.to_string()));
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.chars().any(|c| {
            matches!(c, '/' | '?' | '#' | '@' | '\\') || c.is_whitespace() || c.is_control()
        }) {
            return Err(PublicUrlError::Extra(raw.to_string()));
        }
        let (host, port) = split_host_port(authority, raw)?;
        if host.is_empty() {
            return Err(PublicUrlError::NoHost(raw.to_string()));
        }
        if !is_host(host) {
            return Err(PublicUrlError::BadHost(raw.to_string()));
        }
        let scheme = if https { "https" } else { "http" };
        let host = host.to_ascii_lowercase();
        let origin = match port {
            Some(p) => format!("{scheme}://{host}:{p}"),
            None => format!("{scheme}://{host}"),
        };
        Ok(PublicUrl { origin, https })
    }

    /// The default when none is configured: plain HTTP on the address listened on.
    pub fn from_bind(host: &str, port: u16) -> Result<PublicUrl, PublicUrlError> {
        let host = if host.contains(':') && !host.starts_with('[') {
            format!("[{host}]")
        } else {
            host.to_string()
        };
        PublicUrl::parse(&format!("http://{host}:{port}"))
    }

    /// Whether the site is served over HTTPS: then it sends HSTS and uses
    /// `__Host-` cookies.
    pub fn is_https(&self) -> bool {
        self.https
    }

    /// Scheme, host and port, without a trailing slash.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The absolute link to a path of the site (`/r/{id}`).
    pub fn link(&self, path: &str) -> String {
        if path.starts_with('/') {
            format!("{}{path}", self.origin)
        } else {
            format!("{}/{path}", self.origin)
        }
    }
}

impl FromStr for PublicUrl {
    type Err = PublicUrlError;

    fn from_str(s: &str) -> Result<PublicUrl, PublicUrlError> {
        PublicUrl::parse(s)
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.origin)
    }
}

fn split_host_port<'a>(
    authority: &'a str,
    raw: &str,
) -> Result<(&'a str, Option<u16>), PublicUrlError> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let end = v6
            .find(']')
            .ok_or_else(|| PublicUrlError::BadHost(raw.to_string()))?;
        let after = &v6[end + 1..];
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return Err(PublicUrlError::BadHost(raw.to_string())),
        };
        (&authority[..end + 2], port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let port = port
        .map(|p| {
            p.parse::<u16>()
                .ok()
                .filter(|&n| n > 0 && p.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| PublicUrlError::BadPort(raw.to_string()))
        })
        .transpose()?;
    Ok((host, port))
}

/// A DNS name, an IPv4 address or a bracketed IPv6 address.
fn is_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<std::net::Ipv6Addr>().is_ok();
    }
    host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_origin_is_kept_and_links_are_built_from_it() {
        let url = PublicUrl::parse("https://Bench.Example/").expect("valid");
        assert_eq!(url.origin(), "https://bench.example");
        assert!(url.is_https());
        assert_eq!(url.link("/r/x"), "https://bench.example/r/x");
        let local = PublicUrl::parse("http://127.0.0.1:8080").expect("valid");
        assert!(!local.is_https());
        assert_eq!(local.link("/s/1"), "http://127.0.0.1:8080/s/1");
        let v6 = PublicUrl::parse("http://[::1]:9000").expect("valid");
        assert_eq!(v6.origin(), "http://[::1]:9000");
    }

    #[test]
    fn anything_but_scheme_host_and_port_is_refused() {
        for bad in [
            "bench.example",
            "javascript://evil.example",
            "ftp://bench.example",
            "https://",
            "https://bench.example/study",
            "https://bench.example?x=1",
            "https://bench.example#top",
            "https://user@bench.example",
            "https://bench.example:0",
            "https://bench.example:99999",
            "https://bench.example:80x",
            "https://bench..example",
            "https://bench_example.com",
            "https://[::1",
            "https://bench.example//",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_default_comes_from_the_bound_address() {
        assert_eq!(
            PublicUrl::from_bind("127.0.0.1", 8080)
                .expect("valid")
                .origin(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            PublicUrl::from_bind("::", 8080).expect("valid").origin(),
            "http://[::]:8080"
        );
    }
}
