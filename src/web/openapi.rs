//! The OpenAPI document at `/api/openapi.json`, generated at start-up from the
//! hand-written description (`assets/openapi.json`) and the study's questionnaire.
//!
//! The answers schema lists every item of the questionnaire with what it accepts
//! (option ids, number range, text length) and allows no other key, so the
//! document and the server agree on what a valid submission is. Every operation
//! lists every status the server can send it: the errors shared by all routes are
//! added here rather than repeated by hand. The objects keyed by index, sub-index
//! and company number get one property per key from the same lists the server
//! serialises them by, so the document cannot name an index the answers lack.
//! Retired (deprecated) operations answer only 410, so nothing is added to them.

use serde_json::{Map, Value, json};

use crate::domain::answers::MAX_TEXT_CHARS;
use crate::domain::peer::{IndexKind, PeerNumber};
use crate::domain::questionnaire::{Item, ItemKind, Questionnaire, SubIndex};

const TEMPLATE: &str = include_str!("../../assets/openapi.json");

/// Statuses every operation can answer, with their description.
const COMMON: &[(&str, &str)] = &[
    ("414", "The request line is over 8 KB"),
    (
        "431",
        "The request's headers are over 16 KB in all, or a header line over 8 KB",
    ),
    (
        "405",
        "The path does not support this method; `Allow` lists those it does",
    ),
    ("500", "Something failed on the server; nothing was stored"),
    (
        "503",
        "The server cannot serve this now (out of disk space, a damaged database file, or too many connections from this address); try again later",
    ),
];

/// Statuses of operations that read a request body.
const WITH_BODY: &[(&str, &str)] = &[
    (
        "400",
        "The body is not JSON, or an object in it has a key twice",
    ),
    ("408", "The body was not received in time"),
    ("413", "The body is over 64 KiB"),
    (
        "415",
        "The body is not declared as `application/json` in UTF-8",
    ),
];

/// The document for a questionnaire.
///
/// # Errors
/// Only if the embedded description is not JSON, which a test rules out.
pub fn document(q: &Questionnaire) -> Result<Value, serde_json::Error> {
    let mut doc: Value = serde_json::from_str(TEMPLATE)?;
    let schemas = &mut doc["components"]["schemas"];
    schemas["Answers"] = answers_schema(q);
    let nullable_number = json!({"type": "number", "nullable": true});
    let group = json!({"$ref": "#/components/schemas/FigureGroup"});
    let index_keys: Vec<&str> = IndexKind::ALL.iter().map(|k| k.key()).collect();
    let sub_keys: Vec<&str> = SubIndex::ALL.iter().map(|s| s.key()).collect();
    let number_keys: Vec<&str> = PeerNumber::ALL.iter().map(|n| n.key()).collect();
    keyed(
        &mut schemas["IndexFigures"],
        &index_keys,
        &nullable_number,
        true,
    );
    keyed(&mut schemas["IndexGroups"], &index_keys, &group, true);
    keyed(
        &mut schemas["SubIndexFigures"],
        &sub_keys,
        &nullable_number,
        true,
    );
    // A number's median and group are left out where no group holds K of it.
    keyed(
        &mut schemas["NumberFigures"],
        &number_keys,
        &json!({"type": "number"}),
        false,
    );
    keyed(&mut schemas["NumberGroups"], &number_keys, &group, false);
    if let Some(paths) = doc["paths"].as_object_mut() {
        for operations in paths.values_mut() {
            let Some(operations) = operations.as_object_mut() else {
                continue;
            };
            for operation in operations.values_mut() {
                if operation.get("deprecated") == Some(&Value::Bool(true)) {
                    continue;
                }
                let has_body = operation.get("requestBody").is_some();
                let Some(responses) = operation
                    .get_mut("responses")
                    .and_then(Value::as_object_mut)
                else {
                    continue;
                };
                let extra = COMMON.iter().chain(if has_body { WITH_BODY } else { &[] });
                for (status, description) in extra {
                    responses
                        .entry(status.to_string())
                        .or_insert_with(|| error_response(description));
                }
            }
        }
    }
    Ok(doc)
}

/// Makes `schema` an object with one property per key, each described by `value`,
/// and no other key; every key required when `all` (the server always writes them).
fn keyed(schema: &mut Value, keys: &[&str], value: &Value, all: bool) {
    let properties: Map<String, Value> = keys
        .iter()
        .map(|k| (k.to_string(), value.clone()))
        .collect();
    schema["type"] = json!("object");
    schema["properties"] = Value::Object(properties);
    schema["additionalProperties"] = Value::Bool(false);
    if all {
        schema["required"] = json!(keys);
    }
}

fn error_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    })
}

/// The answers object: one property per item, nothing else; the required items
/// are required.
fn answers_schema(q: &Questionnaire) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for item in &q.items {
        properties.insert(item.id.clone(), item_schema(item));
        if item.required {
            required.push(Value::String(item.id.clone()));
        }
    }
    json!({
        "type": "object",
        "description": "Item id to answer: an option id for choice items, a number for number items, text for contact details. An optional item may be left out or null. See GET /api/v2/questionnaire for the questions.",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn item_schema(item: &Item) -> Value {
    let mut schema = match item.kind {
        ItemKind::Agreement | ItemKind::Importance | ItemKind::Frequency | ItemKind::Choice => {
            json!({
                "type": "string",
                "enum": item.options.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
            })
        }
        ItemKind::Number => {
            let mut s = json!({
                "type": if item.number.as_ref().is_some_and(|r| r.integer) { "integer" } else { "number" },
            });
            if let Some(range) = &item.number {
                s["minimum"] = json!(range.min);
                s["maximum"] = json!(range.max);
            }
            s
        }
        ItemKind::Text => {
            // What the server accepts once surrounding blanks are trimmed: no control
            // characters inside, at most MAX_TEXT_CHARS characters, and for an
            // email something@domain.tld.
            let inner = if item.email {
                r"[^\s@\x00-\x1f\x7f-\x9f]+@[^\s@.\x00-\x1f\x7f-\x9f][^\s@\x00-\x1f\x7f-\x9f]*\.[^\s@\x00-\x1f\x7f-\x9f]*[^\s@.\x00-\x1f\x7f-\x9f]"
            } else {
                r"[^\x00-\x1f\x7f-\x9f]*"
            };
            // Blank text counts as unanswered, like null.
            json!({
                "type": "string",
                "maxLength": MAX_TEXT_CHARS,
                "pattern": format!(r"^\s*(?:{inner})?\s*$"),
            })
        }
    };
    schema["description"] = Value::String(item.text.clone());
    if !item.required {
        // An optional item may be null (unanswered). In OpenAPI 3.0 an enum must
        // then list null itself, or `nullable` does not apply to it.
        schema["nullable"] = Value::Bool(true);
        if let Some(values) = schema.get_mut("enum").and_then(Value::as_array_mut) {
            values.push(Value::Null);
        }
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_description_is_json() {
        let q = Questionnaire::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/questionnaires/dealbench-v1.toml"
        )))
        .expect("study");
        let doc = document(&q).expect("json");
        assert_eq!(doc["openapi"], "3.0.3");
        let figures = &doc["components"]["schemas"]["IndexFigures"];
        for k in IndexKind::ALL {
            assert_eq!(figures["properties"][k.key()]["type"], "number", "{k:?}");
        }
        assert_eq!(figures["required"].as_array().map(Vec::len), Some(6));
        let standing = &doc["components"]["schemas"]["PeerStanding"]["properties"];
        assert_eq!(
            standing["relative"]["$ref"],
            "#/components/schemas/IndexFigures"
        );
        // Retired operations list their 410 and nothing added.
        let retired = &doc["paths"]["/api/v1/responses"]["post"];
        assert_eq!(retired["deprecated"], true);
        let statuses: Vec<&String> = retired["responses"]
            .as_object()
            .map(|r| r.keys().collect())
            .unwrap_or_default();
        assert_eq!(statuses, ["410"]);
    }
}
