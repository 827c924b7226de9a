//! The JSON request body of the API, read strictly: `Content-Type:
//! application/json` (charset, if given, UTF-8), at most [`BODY_LIMIT`] bytes
//! within the body deadline, and no key twice in any object.
//!
//! actix-web's own JSON extractor accepts `text/json` and any charset (and then
//! decodes the bytes as UTF-8 whatever was declared), and serde_json keeps the last
//! of two equal keys: a client and the server could read one body two ways. The
//! JSON itself is read by [`parse_json`], the one reader of answers as JSON (the
//! command line's files go through it too).

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::web::BytesMut;
use actix_web::{FromRequest, HttpRequest};
use serde_json::Value;
use tokio_stream::StreamExt;

use super::BODY_LIMIT;
use super::error::ApiError;
use super::http::is_body_timeout;
use crate::domain::answers::parse_json;

/// A JSON body, checked as described in the module documentation.
pub struct StrictJson(pub Value);

/// Whether a `Content-Type` header value names JSON in UTF-8.
pub fn is_json_content_type(value: &str) -> bool {
    let mut parts = value.split(';').map(str::trim);
    let essence = parts.next().unwrap_or_default();
    if !essence.eq_ignore_ascii_case("application/json") {
        return false;
    }
    parts.all(|param| match param.split_once('=') {
        Some((name, value)) if name.trim().eq_ignore_ascii_case("charset") => {
            let value = value.trim().trim_matches('"');
            value.eq_ignore_ascii_case("utf-8") || value.eq_ignore_ascii_case("utf8")
        }
        // Other parameters mean nothing to JSON; an empty one is a stray ';'.
        Some(_) => true,
        None => param.is_empty(),
    })
}

impl FromRequest for StrictJson {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<StrictJson, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let declared_length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type.as_deref().is_some_and(is_json_content_type) {
                return Err(ApiError::UnsupportedMediaType.into());
            }
            if declared_length.is_some_and(|n| n > BODY_LIMIT) {
                return Err(ApiError::TooLarge.into());
            }
            let mut body = BytesMut::with_capacity(declared_length.unwrap_or(0));
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| {
                    if is_body_timeout(&e) {
                        ApiError::Timeout
                    } else {
                        ApiError::BadRequest(format!("the body could not be read: {e}"))
                    }
                })?;
                if body.len() + chunk.len() > BODY_LIMIT {
                    return Err(ApiError::TooLarge.into());
                }
                body.extend_from_slice(&chunk);
            }
            parse_json(&body).map(StrictJson).map_err(|e| {
                ApiError::BadRequest(format!("the body is not valid JSON: {e}")).into()
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_in_utf8_is_json() {
        for ok in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\"",
        ] {
            assert!(is_json_content_type(ok), "{ok}");
        }
        for bad in [
            "text/json",
            "application/json; charset=latin1",
            "application/json; charset=utf-16",
            "application/merge-patch+json",
            "application/x-www-form-urlencoded",
            "",
        ] {
            assert!(!is_json_content_type(bad), "{bad}");
        }
    }
}
