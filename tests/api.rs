//! The JSON API over HTTP: questionnaire, submit, read back, and every bad input.

mod common;

use common::{example, spawn_app, spawn_app_with};
use std::collections::BTreeSet;

use serde_json::{Value, json};

#[actix_web::test]
async fn the_questionnaire_is_served_as_json() {
    let app = spawn_app().await;
    let q: Value = reqwest::get(app.url("/api/v2/questionnaire"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(q["id"], "dealbench");
    assert!(q["items"].as_array().expect("items").len() > 70);
}

#[actix_web::test]
async fn the_openapi_document_describes_the_api() {
    let app = spawn_app().await;
    let doc: Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(doc["openapi"], "3.0.3");
    for path in [
        "/api/v2/questionnaire",
        "/api/v2/responses",
        "/api/v2/responses/{id}",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path}");
    }
    assert!(
        doc["paths"]["/api/v2/responses"]["post"]["responses"]
            .get("422")
            .is_some()
    );
    // The retired version is listed, with its 410 only.
    for (path, method) in [
        ("/api/v1/questionnaire", "get"),
        ("/api/v1/responses", "post"),
        ("/api/v1/responses/{id}", "get"),
    ] {
        let op = &doc["paths"][path][method];
        assert_eq!(op["deprecated"], true, "{path}");
        let statuses: Vec<&String> = op["responses"]
            .as_object()
            .expect("responses")
            .keys()
            .collect();
        assert_eq!(statuses, ["410"], "{path}");
    }
    // Per-index figures are objects with a property per index, not arrays.
    let schemas = &doc["components"]["schemas"];
    let standing = &schemas["PeerStanding"]["properties"];
    for field in ["relative", "medians", "index_groups"] {
        let reference = standing[field]["$ref"].as_str().expect("a reference");
        let name = reference.trim_start_matches("#/components/schemas/");
        let properties = schemas[name]["properties"].as_object().expect("properties");
        let keys: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
        assert_eq!(keys, BTreeSet::from(INDEX_KEYS), "{field}");
        assert_eq!(schemas[name]["additionalProperties"], false, "{field}");
    }
}

const INDEX_KEYS: [&str; 6] = [
    "overall",
    "value",
    "number",
    "win_rate",
    "sales_cycle",
    "personal",
];

#[actix_web::test]
async fn every_version_1_request_gets_410_naming_version_2_and_stores_nothing() {
    let app = spawn_app_with(12).await;
    let client = reqwest::Client::new();
    let id = "3f1c7a52-5a0e-4a53-9d40-2f3a1a1c0b6e";
    let cases = [
        (reqwest::Method::GET, "/api/v1/questionnaire".to_string()),
        (reqwest::Method::POST, "/api/v1/responses".to_string()),
        (reqwest::Method::GET, format!("/api/v1/responses/{id}")),
        (reqwest::Method::DELETE, format!("/api/v1/responses/{id}")),
        (reqwest::Method::GET, "/api/v1".to_string()),
        (reqwest::Method::GET, "/api/v1/anything/else".to_string()),
    ];
    for (method, path) in cases {
        let resp = client
            .request(method.clone(), app.url(&path))
            .bearer_auth(&app.api_key)
            .json(&example("strong-company"))
            .send()
            .await
            .expect("request");
        assert_eq!(resp.status(), 410, "{method} {path}");
        assert_eq!(
            resp.headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/json; charset=utf-8"),
            "{method} {path}"
        );
        let body: Value = resp.json().await.expect("a JSON error");
        let error = body["error"].as_str().expect("error");
        assert!(error.contains("indices are now named"), "{error}");
        assert!(error.contains("/api/openapi.json"), "{error}");
        let moved_to = body["moved_to"].as_str().expect("moved_to");
        assert_eq!(moved_to, path.replacen("/api/v1", "/api/v2", 1));
        assert!(error.contains(moved_to), "{error}");
    }
    let head = client
        .head(app.url("/api/v1/questionnaire"))
        .send()
        .await
        .expect("head");
    assert_eq!(head.status(), 410);
    // The POST with a valid body and key stored nothing.
    assert_eq!(app.response_count().await, 12);
}

#[actix_web::test]
async fn a_submission_is_stored_and_its_scorecard_can_be_read_back() {
    let app = spawn_app_with(25).await;
    let client = reqwest::Client::new();
    let resp = client
        .post(app.url("/api/v2/responses"))
        .bearer_auth(&app.api_key)
        .json(&example("strong-company"))
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 201);
    let created: Value = resp.json().await.expect("json");
    let id = created["id"].as_str().expect("id");
    assert!(uuid::Uuid::parse_str(id).is_ok_and(|u| u.get_version_num() == 4));
    assert_eq!(created["report_url"], app.url(&format!("/r/{id}")));
    assert!(
        created["scorecard"]["overall"]["score"]
            .as_f64()
            .expect("overall")
            > 80.0
    );
    assert_eq!(created["peer_standing"]["found"], true);

    let stored: Value = client
        .get(app.url(&format!("/api/v2/responses/{id}")))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(stored["scorecard"], created["scorecard"]);
    assert_eq!(stored["peer_standing"], created["peer_standing"]);
    // Per-index figures are keyed by index name, every index present.
    let standing = &stored["peer_standing"];
    for field in ["relative", "medians", "index_groups"] {
        let keys: Vec<&str> = standing[field]
            .as_object()
            .unwrap_or_else(|| panic!("{field} is an object: {}", standing[field]))
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = INDEX_KEYS.to_vec();
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected, "{field}");
    }
    let overall = standing["relative"]["overall"]
        .as_f64()
        .expect("overall relative");
    assert!((0.0..=100.0).contains(&overall));
    assert_eq!(
        standing["index_groups"]["overall"]["n"]
            .as_u64()
            .map(|n| n >= 1),
        Some(true)
    );
    // The report link works and names the same score.
    let report = client
        .get(app.url(&format!("/r/{id}")))
        .send()
        .await
        .expect("get");
    assert_eq!(report.status(), 200);
    assert_eq!(app.response_count().await, 26);
}

#[actix_web::test]
async fn bad_answers_get_422_with_every_problem_and_nothing_is_stored() {
    let app = spawn_app().await;
    let mut answers = example("average-company");
    answers["industry"] = json!("forged_option");
    answers["stated_win_rate"] = json!(250);
    answers["deals_won"] = json!("lots");
    answers["unknown_item"] = json!("agree");
    answers.as_object_mut().expect("object").remove("region");
    let resp = reqwest::Client::new()
        .post(app.url("/api/v2/responses"))
        .bearer_auth(&app.api_key)
        .json(&answers)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 422);
    let body: Value = resp.json().await.expect("json");
    let problems: Vec<(String, String)> = body["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["item"].as_str().unwrap_or("").to_string(),
                p["problem"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for expected in [
        ("industry", "unknown_option"),
        ("stated_win_rate", "out_of_range"),
        ("deals_won", "not_a_number"),
        ("unknown_item", "unknown_item"),
        ("region", "missing"),
    ] {
        assert!(
            problems.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} in {problems:?}"
        );
    }
    assert_eq!(app.response_count().await, 0);
}

#[actix_web::test]
async fn malformed_oversized_and_unknown_requests_are_clear_4xx() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let cases: Vec<(Vec<u8>, u16)> = vec![
        (b"{not json".to_vec(), 400),
        (vec![b'{', b'"', 0xff, 0xfe, b'"', b':', b'1', b'}'], 400),
        (b"[1, 2, 3]".to_vec(), 422),
        (
            format!("{{\"contact_name\": \"{}\"}}", "x".repeat(70_000)).into_bytes(),
            413,
        ),
    ];
    for (body, status) in cases {
        let resp = client
            .post(app.url("/api/v2/responses"))
            .bearer_auth(&app.api_key)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status().as_u16(), status);
        let err: Value = resp.json().await.expect("a JSON error");
        assert!(err["error"].is_string());
    }
    for path in [
        "/api/v2/responses/nope",
        "/api/v2/responses/3f1c7a52-5a0e-4a53-9d40-2f3a1a1c0b6e",
        "/api/v2/x",
    ] {
        let resp = client.get(app.url(path)).send().await.expect("get");
        assert_eq!(resp.status(), 404, "{path}");
        assert!(resp.json::<Value>().await.is_ok(), "{path}: JSON error");
    }
    assert_eq!(app.response_count().await, 0);
}

/// A page's text with the entities the templates write turned back into
/// characters.
fn unescaped(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[actix_web::test]
async fn keep_change_stop_reads_the_same_in_the_api_as_on_the_page_when_a_figure_disagrees() {
    let app = spawn_app_with(300).await;
    let client = reqwest::Client::new();
    // Satisfied with the close ratio (the only strong key area, so a KEEP), yet
    // a stated win rate far under the peers' median: the report says the
    // figure disagrees with the answer.
    let mut answers = example("weak-company");
    answers["close_ratio_satisfactory"] = json!("strongly_agree");
    answers["stated_win_rate"] = json!(4);
    let created: Value = app
        .submit(&client, &answers)
        .send()
        .await
        .expect("post")
        .json()
        .await
        .expect("json");
    let id = created["id"].as_str().expect("id");
    let q = common::study();
    let disagrees = q
        .item("close_ratio_satisfactory")
        .and_then(|i| i.figure_disagrees.clone())
        .expect("the item says when its figure disagrees");
    let action = |scorecard: &Value| {
        scorecard["actions"]
            .as_array()
            .expect("actions")
            .iter()
            .find(|a| a["item"] == "close_ratio_satisfactory")
            .cloned()
            .expect("the close ratio is an action")
    };
    let posted = action(&created["scorecard"]);
    assert_eq!(posted["verdict"], "KEEP");
    assert_eq!(posted["paragraph"], disagrees.as_str());
    let stored: Value = client
        .get(app.url(&format!("/api/v2/responses/{id}")))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(action(&stored["scorecard"]), posted);
    // Every action's paragraph is on the page, word for word.
    let page = unescaped(&common::get_page(&app, &client, &format!("/r/{id}")).await);
    for a in created["scorecard"]["actions"].as_array().expect("actions") {
        let paragraph = a["paragraph"].as_str().expect("paragraph");
        assert!(page.contains(paragraph), "not on the page: {paragraph}");
    }
}

#[actix_web::test]
async fn a_win_rate_from_too_few_deals_is_no_rate_in_the_api_the_page_or_the_pdf() {
    let app = spawn_app_with(60).await;
    let client = reqwest::Client::new();
    let mut answers = example("mixed-vp-of-sales");
    answers
        .as_object_mut()
        .expect("object")
        .remove("stated_win_rate");
    answers["deals_won"] = json!(1);
    answers["deals_won_value"] = json!(25_000);
    answers["deals_lost"] = json!(6);
    answers["deals_lost_value"] = json!(150_000);
    let created: Value = app
        .submit(&client, &answers)
        .send()
        .await
        .expect("post")
        .json()
        .await
        .expect("json");
    let card = &created["scorecard"];
    assert_eq!(card["win_rate"]["unit"], Value::Null);
    assert_eq!(card["win_rate"]["value"], Value::Null);
    assert_eq!(card["win_rate"]["deals_won"], 1.0);
    assert_eq!(card["win_rate"]["deals_lost"], 6.0);
    assert_eq!(card["win_rate"]["minimum_decided_deals"], 10.0);
    assert!(card.get("velocity").is_none(), "{}", card["velocity"]);
    let id = created["id"].as_str().expect("id");
    let page = unescaped(&common::get_page(&app, &client, &format!("/r/{id}")).await);
    for rate in ["14.3%", "14.29", "$1,429", "16.7%"] {
        assert!(!page.contains(rate), "{rate} on the page");
    }
    assert!(page.contains(
        "your 7 decided deals are too few to read as a win rate, which needs at least 10"
    ));
    let pdf = client
        .get(app.url(&format!("/r/{id}.pdf")))
        .send()
        .await
        .expect("pdf")
        .bytes()
        .await
        .expect("bytes");
    if let Some(text) = common::pdf_text(&pdf) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for rate in ["14.3%", "14.29", "$1,429", "16.7%"] {
            assert!(!text.contains(rate), "{rate} in the PDF");
        }
        assert!(text.contains("too few to read as a win rate"), "{text}");
    }
}
