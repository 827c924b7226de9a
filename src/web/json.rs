//! The JSON request body of the API, read strictly: `Content-Type:
//! application/json` (charset, if given, UTF-8), at most [`BODY_LIMIT`] bytes
//! within the body deadline, and no key twice in any object.
//!
//! actix-web's own JSON extractor accepts `text/json` and any charset (and then
//! decodes the bytes as UTF-8 whatever was declared), and serde_json keeps the last
//! of two equal keys: a client and the server could read one body two ways.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::web::BytesMut;
use actix_web::{FromRequest, HttpRequest};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use tokio_stream::StreamExt;

use super::BODY_LIMIT;
use super::error::ApiError;
use super::http::is_body_timeout;

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
            parse(&body).map(StrictJson).map_err(|e| {
                ApiError::BadRequest(format!("the body is not valid JSON: {e}")).into()
            })
        })
    }
}

/// Parses JSON, refusing an object that has a key twice (at any depth).
///
/// # Errors
/// serde_json's error, whose message names the duplicate key and where it is.
pub fn parse(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice::<Unique>(bytes).map(|u| u.0)
}

/// A JSON value whose objects have unique keys.
struct Unique(Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Unique, D::Error> {
        d.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Unique::deserialize(d).map(|u| u.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("the key `{key}` appears twice")));
            }
            let Unique(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
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

    #[test]
    fn a_key_given_twice_is_refused_at_any_depth() {
        let err = parse(br#"{"a": 1, "a": 2}"#).expect_err("duplicate");
        assert!(err.to_string().contains("`a` appears twice"), "{err}");
        let err = parse(br#"{"x": [{"b": {"c": 1, "c": 1}}]}"#).expect_err("nested");
        assert!(err.to_string().contains("`c` appears twice"), "{err}");
        let ok = parse(br#"{"a": {"a": [1, 2.5, "s", null, true]}, "b": -3}"#).expect("valid");
        assert_eq!(ok["a"]["a"][1], 2.5);
        assert_eq!(ok["b"], -3);
    }
}
