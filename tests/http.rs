//! HTTP correctness, caching and transport headers, links and bounds, over real
//! connections to a real server: HEAD, 405 with `Allow`, strict JSON, the OpenAPI
//! document, `Cache-Control`, HSTS and `__Host-` cookies, links from the
//! configured public URL only, slow bodies, connections per address, read
//! connections, and a full disk.

mod common;

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::{Setup, TestApp, csrf_token, example, location, spawn_app_set_up, spawn_app_with};
use serde_json::Value;

/// A client that keeps cookies and does not follow redirects.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

async fn submit(app: &TestApp) -> String {
    let created: Value = reqwest::Client::new()
        .post(app.url("/api/v2/responses"))
        .bearer_auth(&app.api_key)
        .json(&example("strong-company"))
        .send()
        .await
        .expect("post")
        .json()
        .await
        .expect("json");
    created["id"].as_str().expect("id").to_string()
}

/// Starts a questionnaire; returns the first page's path.
async fn start(app: &TestApp, client: &reqwest::Client) -> String {
    let html = client
        .get(app.url("/"))
        .send()
        .await
        .expect("landing")
        .text()
        .await
        .expect("body");
    let resp = client
        .post(app.url("/s"))
        .form(&[("csrf_token", csrf_token(&html).as_str())])
        .send()
        .await
        .expect("start");
    assert_eq!(resp.status(), 303);
    location(&resp)
}

fn header(resp: &reqwest::Response, name: &str) -> String {
    resp.headers()
        .get(name)
        .map(|v| v.to_str().expect("ascii").to_string())
        .unwrap_or_default()
}

/// Sends `head`, then the body one byte at a time with `pause` between bytes, and
/// returns what the server answered (blocking; bounded by a read time-out).
fn trickle(address: &str, head: &str, body: &[u8], pause: Duration) -> String {
    let host = address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream.write_all(head.as_bytes()).expect("head");
    for b in body {
        std::thread::sleep(pause);
        // The server may have answered and closed already: stop sending then.
        if stream.write_all(&[*b]).is_err() {
            break;
        }
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

// ---- Item: methods ---------------------------------------------------------------

#[actix_web::test]
async fn head_is_answered_wherever_get_is_with_the_same_headers_and_no_body() {
    let app = spawn_app_with(12).await;
    let id = submit(&app).await;
    let client = client();
    for path in [
        "/".to_string(),
        "/health".to_string(),
        "/assets/dealbench.css".to_string(),
        "/api/openapi.json".to_string(),
        "/api/v2/questionnaire".to_string(),
        format!("/api/v2/responses/{id}"),
        format!("/r/{id}"),
        format!("/r/{id}.pdf"),
        "/admin/login".to_string(),
    ] {
        let get = client.get(app.url(&path)).send().await.expect("get");
        let head = client.head(app.url(&path)).send().await.expect("head");
        assert_eq!(get.status(), 200, "GET {path}");
        assert_eq!(head.status(), 200, "HEAD {path}");
        for name in ["content-type", "cache-control", "content-security-policy"] {
            assert_eq!(header(&get, name), header(&head, name), "{name} of {path}");
        }
        let get_length = get.bytes().await.expect("body").len();
        let head_length: usize = header(&head, "content-length").parse().expect("a length");
        if path.ends_with(".pdf") {
            // Each rendering of a PDF carries its own document id and time.
            assert!(head_length > 1000, "HEAD {path} announces a length");
        } else {
            assert_eq!(
                head_length, get_length,
                "HEAD {path} announces GET's length"
            );
        }
        assert!(head.bytes().await.expect("body").is_empty(), "HEAD {path}");
    }
}

#[actix_web::test]
async fn a_known_path_with_another_method_gets_405_with_allow_and_unknown_paths_404() {
    let app = spawn_app_with(0).await;
    let client = client();
    let id = "3f1c7a52-5a0e-4a53-9d40-2f3a1a1c0b6e";
    let cases: Vec<(reqwest::Method, String, &str)> = vec![
        (reqwest::Method::DELETE, "/api/v2/responses".into(), "POST"),
        (reqwest::Method::GET, "/api/v2/responses".into(), "POST"),
        (
            reqwest::Method::PUT,
            "/api/v2/questionnaire".into(),
            "GET, HEAD",
        ),
        (
            reqwest::Method::POST,
            format!("/api/v2/responses/{id}"),
            "GET, HEAD",
        ),
        (
            reqwest::Method::PATCH,
            "/api/openapi.json".into(),
            "GET, HEAD",
        ),
        (reqwest::Method::POST, format!("/r/{id}"), "GET, HEAD"),
        (reqwest::Method::DELETE, format!("/r/{id}.pdf"), "GET, HEAD"),
        (reqwest::Method::PUT, "/".into(), "GET, HEAD"),
        (reqwest::Method::GET, "/s".into(), "POST"),
        (
            reqwest::Method::DELETE,
            format!("/s/{id}/1"),
            "GET, HEAD, POST",
        ),
        (
            reqwest::Method::PUT,
            "/admin/login".into(),
            "GET, HEAD, POST",
        ),
        (reqwest::Method::GET, "/admin/logout".into(), "POST"),
        (reqwest::Method::PUT, format!("/teams/{id}"), "GET, HEAD"),
        (
            reqwest::Method::DELETE,
            format!("/teams/{id}.pdf"),
            "GET, HEAD",
        ),
        (reqwest::Method::GET, format!("/teams/{id}/wave"), "POST"),
        (
            reqwest::Method::PUT,
            format!("/r/{id}/team"),
            "GET, HEAD, POST",
        ),
        (
            reqwest::Method::DELETE,
            format!("/r/{id}/again"),
            "GET, HEAD, POST",
        ),
        (
            reqwest::Method::PATCH,
            format!("/join/{id}"),
            "GET, HEAD, POST",
        ),
        (
            reqwest::Method::PUT,
            format!("/r/{id}/email"),
            "GET, HEAD, POST",
        ),
        (reqwest::Method::GET, format!("/r/{id}/team/notify"), "POST"),
        (reqwest::Method::OPTIONS, "/health".into(), "GET, HEAD"),
    ];
    for (method, path, allow) in cases {
        let resp = client
            .request(method.clone(), app.url(&path))
            .send()
            .await
            .expect("request");
        assert_eq!(resp.status(), 405, "{method} {path}");
        assert_eq!(header(&resp, "allow"), allow, "{method} {path}");
        if path.starts_with("/api/") {
            let body: Value = resp.json().await.expect("a JSON error");
            assert!(body["error"].is_string());
        }
    }
    for (method, path) in [
        (reqwest::Method::DELETE, "/nope"),
        (reqwest::Method::GET, "/api/v3/responses"),
        (reqwest::Method::PUT, "/s/x/y/z"),
    ] {
        let resp = client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .expect("request");
        assert_eq!(resp.status(), 404, "{method} {path}");
    }
}

// ---- Item: strict JSON ---------------------------------------------------------------

#[actix_web::test]
async fn json_bodies_need_the_json_content_type_in_utf8() {
    let app = spawn_app_with(0).await;
    let body = serde_json::to_vec(&example("strong-company")).expect("json");
    let client = reqwest::Client::new();
    for content_type in [
        Some("text/json"),
        Some("application/json; charset=latin1"),
        Some("application/json; charset=utf-16"),
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let mut request = client
            .post(app.url("/api/v2/responses"))
            .bearer_auth(&app.api_key)
            .body(body.clone());
        if let Some(ct) = content_type {
            request = request.header("content-type", ct);
        }
        let resp = request.send().await.expect("post");
        assert_eq!(resp.status(), 415, "{content_type:?}");
        let err: Value = resp.json().await.expect("a JSON error");
        assert!(
            err["error"]
                .as_str()
                .is_some_and(|e| e.contains("application/json")),
            "{err}"
        );
    }
    assert_eq!(app.response_count().await, 0);
    for content_type in ["application/json", "application/json; charset=UTF-8"] {
        let resp = client
            .post(app.url("/api/v2/responses"))
            .bearer_auth(&app.api_key)
            .header("content-type", content_type)
            .body(body.clone())
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status(), 201, "{content_type}");
    }
}

#[actix_web::test]
async fn a_key_given_twice_is_refused_with_400_naming_it_at_any_depth() {
    let app = spawn_app_with(0).await;
    let answers = serde_json::to_string(&example("strong-company")).expect("json");
    let twice_at_top = answers.replacen('{', "{\"region\": \"europe\", ", 1);
    let twice_nested = r#"{"industry": {"a": 1, "b": [{"deep": 1, "deep": 2}]}}"#.to_string();
    for (body, key) in [(twice_at_top, "region"), (twice_nested, "deep")] {
        let resp = reqwest::Client::new()
            .post(app.url("/api/v2/responses"))
            .bearer_auth(&app.api_key)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status(), 400);
        let err: Value = resp.json().await.expect("a JSON error");
        let message = err["error"].as_str().expect("message");
        assert!(
            message.contains(&format!("`{key}` appears twice")),
            "{message}"
        );
    }
    assert_eq!(app.response_count().await, 0);
}

// ---- Item: the OpenAPI document --------------------------------------------------------

#[actix_web::test]
async fn the_openapi_answers_schema_is_the_questionnaire_and_every_status_is_listed() {
    let app = spawn_app_with(0).await;
    let doc: Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    let q = &app.study.questionnaire;
    let answers = &doc["components"]["schemas"]["Answers"];
    assert_eq!(answers["additionalProperties"], false);
    let keys: BTreeSet<&str> = answers["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .map(String::as_str)
        .collect();
    let items: BTreeSet<&str> = q.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(keys, items);
    for item in &q.items {
        let schema = &answers["properties"][&item.id];
        if !item.options.is_empty() {
            let offered: Vec<&str> = item.options.iter().map(|o| o.id.as_str()).collect();
            let listed: Vec<&str> = schema["enum"]
                .as_array()
                .expect("enum")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            assert_eq!(listed, offered, "{}", item.id);
            // An optional item may be left unanswered with null.
            let nullable = schema["enum"]
                .as_array()
                .is_some_and(|values| values.contains(&Value::Null));
            assert_eq!(nullable, !item.required, "{}", item.id);
        }
        if let Some(range) = &item.number {
            assert_eq!(schema["minimum"], range.min, "{}", item.id);
            assert_eq!(schema["maximum"], range.max, "{}", item.id);
        }
    }
    let required: BTreeSet<&str> = answers["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let required_items: BTreeSet<&str> = q
        .items
        .iter()
        .filter(|i| i.required)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(required, required_items);

    let statuses = |path: &str, method: &str| -> BTreeSet<String> {
        doc["paths"][path][method]["responses"]
            .as_object()
            .expect("responses")
            .keys()
            .cloned()
            .collect()
    };
    let post = statuses("/api/v2/responses", "post");
    for status in [
        "201", "400", "401", "405", "408", "413", "415", "422", "500", "503",
    ] {
        assert!(
            post.contains(status),
            "POST /api/v2/responses lists {status}"
        );
    }
    let get = statuses("/api/v2/responses/{id}", "get");
    for status in ["200", "404", "405", "500", "503"] {
        assert!(
            get.contains(status),
            "GET /api/v2/responses/{{id}} lists {status}"
        );
    }
    let questionnaire = statuses("/api/v2/questionnaire", "get");
    for status in ["200", "405", "500", "503"] {
        assert!(
            questionnaire.contains(status),
            "GET /api/v2/questionnaire lists {status}"
        );
    }
}

// ---- Item: caching and transport ------------------------------------------------------------

#[actix_web::test]
async fn private_pages_reports_pdfs_and_api_answers_are_not_stored_by_caches() {
    let app = spawn_app_with(12).await;
    let id = submit(&app).await;
    let client = client();
    let first_page = start(&app, &client).await;
    let draft = first_page
        .trim_start_matches("/s/")
        .trim_end_matches("/1")
        .to_string();
    for path in [
        "/".to_string(),
        first_page.clone(),
        format!("/s/{draft}"),
        format!("/r/{id}"),
        format!("/r/{id}.pdf"),
        format!("/api/v2/responses/{id}"),
        "/admin/login".to_string(),
        "/admin".to_string(),
        "/r/3f1c7a52-5a0e-4a53-9d40-2f3a1a1c0b6e".to_string(),
    ] {
        let resp = client.get(app.url(&path)).send().await.expect("get");
        assert!(resp.status().as_u16() < 500, "{path}");
        assert_eq!(header(&resp, "cache-control"), "no-store", "{path}");
    }
    let css = client
        .get(app.url("/assets/dealbench.css"))
        .send()
        .await
        .expect("get");
    assert!(header(&css, "cache-control").starts_with("public"));
    assert!(header(&css, "strict-transport-security").is_empty());
}

#[actix_web::test]
async fn over_https_the_site_sends_hsts_and_host_prefixed_secure_cookies() {
    let app = spawn_app_set_up(Setup {
        public_url: Some("https://bench.example"),
        ..Setup::default()
    })
    .await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let landing = client.get(app.url("/")).send().await.expect("landing");
    assert_eq!(
        header(&landing, "strict-transport-security"),
        "max-age=31536000"
    );
    let cookie = header(&landing, "set-cookie");
    assert!(cookie.starts_with("__Host-dealbench_csrf="), "{cookie}");
    for attribute in ["Secure", "Path=/", "HttpOnly", "SameSite=Strict"] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
    let token = csrf_token(&landing.text().await.expect("body"));
    // The form is accepted with the prefixed cookie, and not with the plain name
    // (which a plain-HTTP page or a neighbouring subdomain could have planted).
    for (name, status) in [("__Host-dealbench_csrf", 303), ("dealbench_csrf", 403)] {
        let resp = client
            .post(app.url("/s"))
            .header("cookie", format!("{name}={token}"))
            .form(&[("csrf_token", token.as_str())])
            .send()
            .await
            .expect("start");
        assert_eq!(resp.status(), status, "{name}");
        assert!(!header(&resp, "strict-transport-security").is_empty());
    }
}

#[actix_web::test]
async fn over_plain_http_there_is_no_hsts_and_cookies_keep_their_names() {
    let app = spawn_app_with(0).await;
    let landing = reqwest::get(app.url("/")).await.expect("landing");
    assert!(header(&landing, "strict-transport-security").is_empty());
    let cookie = header(&landing, "set-cookie");
    assert!(cookie.starts_with("dealbench_csrf="), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");
}

// ---- Item: links from the public URL only -----------------------------------------------------

#[actix_web::test]
async fn forged_host_and_forwarding_headers_change_no_link() {
    let app = spawn_app_set_up(Setup {
        synthetic: 12,
        public_url: Some("https://bench.example"),
        ..Setup::default()
    })
    .await;
    let forged = [
        ("host", "evil.example"),
        ("x-forwarded-host", "evil.example"),
        ("x-forwarded-proto", "javascript"),
        (
            "forwarded",
            "for=1.2.3.4;host=evil.example;proto=javascript",
        ),
    ];
    let mut request = reqwest::Client::new()
        .post(app.url("/api/v2/responses"))
        .bearer_auth(&app.api_key)
        .json(&example("strong-company"));
    for (name, value) in forged {
        request = request.header(name, value);
    }
    let resp = request.send().await.expect("post");
    assert_eq!(resp.status(), 201);
    let created: Value = resp.json().await.expect("json");
    let id = created["id"].as_str().expect("id");
    assert_eq!(
        created["report_url"],
        format!("https://bench.example/r/{id}")
    );

    // The resume link on every questionnaire page.
    let client = client();
    let html = client
        .get(app.url("/"))
        .send()
        .await
        .expect("landing")
        .text()
        .await
        .expect("body");
    let token = csrf_token(&html);
    let resp = client
        .post(app.url("/s"))
        .header("cookie", format!("__Host-dealbench_csrf={token}"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .expect("start");
    let first_page = location(&resp);
    let draft = first_page.trim_start_matches("/s/").trim_end_matches("/1");
    let mut request = client.get(app.url(&first_page));
    for (name, value) in forged {
        request = request.header(name, value);
    }
    let page = request
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains(&format!("https://bench.example/s/{draft}")),
        "the resume link is built from the public URL"
    );
    assert!(!page.contains("evil.example"));
    assert!(!page.contains("javascript:"));
}

// ---- Item: bounds ------------------------------------------------------------------------------

#[actix_web::test]
async fn a_body_sent_a_byte_at_a_time_is_cut_off_with_408() {
    let app = spawn_app_set_up(Setup {
        limits: dealbench::web::Limits {
            body_deadline: Duration::from_secs(1),
            ..dealbench::web::Limits::default()
        },
        ..Setup::default()
    })
    .await;
    let body = serde_json::to_vec(&example("strong-company")).expect("json");
    for (path, content_type) in [
        ("/api/v2/responses", "application/json"),
        ("/s", "application/x-www-form-urlencoded"),
        ("/admin/login", "application/x-www-form-urlencoded"),
    ] {
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let address = app.address.clone();
        let slow = body[..40].to_vec();
        let answer = actix_web::rt::task::spawn_blocking(move || {
            trickle(&address, &head, &slow, Duration::from_millis(250))
        })
        .await
        .expect("the slow client");
        assert!(
            answer.starts_with("HTTP/1.1 408"),
            "{path}: {}",
            answer.lines().next().unwrap_or("no answer")
        );
    }
    assert_eq!(app.response_count().await, 0);
}

#[actix_web::test]
async fn headers_sent_a_byte_at_a_time_are_cut_off_with_408() {
    let app = spawn_app_set_up(Setup {
        limits: dealbench::web::Limits {
            header_deadline: Duration::from_secs(1),
            ..dealbench::web::Limits::default()
        },
        ..Setup::default()
    })
    .await;
    let address = app.address.clone();
    let answer = actix_web::rt::task::spawn_blocking(move || {
        // About three seconds in all: within the default five, over the one set.
        let headers = b"GET /health HTTP/1.1\r\nHost: a\r\n\r\n";
        trickle(&address, "", headers, Duration::from_millis(100))
    })
    .await
    .expect("the slow client");
    assert!(
        answer.starts_with("HTTP/1.1 408"),
        "{}",
        answer.lines().next().unwrap_or("no answer")
    );
}

/// Asks for `/health` on `stream` and reads the whole answer, leaving the
/// connection open; the status line.
fn answered_kept_alive(stream: &mut TcpStream) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("request");
    let mut answer = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        let n = stream.read(&mut buf).expect("answer");
        assert!(n > 0, "closed before the answer was whole");
        answer.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&answer);
        if let Some(end) = text.find("\r\n\r\n") {
            let length: usize = text[..end]
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse().ok())?
                })
                .expect("a content length");
            if answer.len() >= end + 4 + length {
                return text.lines().next().unwrap_or_default().to_string();
            }
        }
    }
}

#[actix_web::test]
async fn connections_over_the_cap_for_one_address_get_503() {
    let app = spawn_app_set_up(Setup {
        limits: dealbench::web::Limits {
            connections_per_address: 3,
            ..dealbench::web::Limits::default()
        },
        ..Setup::default()
    })
    .await;
    let address = app.address.clone();
    let statuses = actix_web::rt::task::spawn_blocking(move || {
        let host = address.trim_start_matches("http://").to_string();
        let ask = |stream: &mut TcpStream| -> String {
            stream
                .set_read_timeout(Some(Duration::from_secs(30)))
                .expect("timeout");
            stream
                .write_all(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .expect("request");
            let mut answer = Vec::new();
            let _ = stream.read_to_end(&mut answer);
            String::from_utf8_lossy(&answer)
                .lines()
                .next()
                .unwrap_or_default()
                .to_string()
        };
        // Three connections held open, a fourth from the same address. Each of
        // the three is answered once (and kept alive) first: the server has
        // accepted and counted it then, however late a loaded machine lets it.
        let mut held: Vec<TcpStream> = (0..3)
            .map(|_| {
                let mut stream = TcpStream::connect(&host).expect("connect");
                assert!(answered_kept_alive(&mut stream).starts_with("HTTP/1.1 200"));
                stream
            })
            .collect();
        let mut fourth = TcpStream::connect(&host).expect("connect");
        let refused = ask(&mut fourth);
        let first = ask(&mut held[0]);
        drop(held);
        // Once they are closed, a new connection is served again (the server
        // notices a close in its own time: ask a few times).
        let mut later = String::new();
        for _ in 0..50 {
            later = ask(&mut TcpStream::connect(&host).expect("connect"));
            if later.contains("200") {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        (refused, first, later)
    })
    .await
    .expect("the clients");
    assert!(statuses.0.starts_with("HTTP/1.1 503"), "{}", statuses.0);
    assert!(statuses.1.starts_with("HTTP/1.1 200"), "{}", statuses.1);
    assert!(statuses.2.starts_with("HTTP/1.1 200"), "{}", statuses.2);
}

#[actix_web::test]
async fn every_text_answer_names_its_charset() {
    let app = spawn_app_with(12).await;
    let id = submit(&app).await;
    let client = client();
    let first_page = start(&app, &client).await;
    let get = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move { client.get(url).send().await.expect("get") }
    };
    let mut answers = vec![
        ("/health", get("/health".into()).await),
        ("/", get("/".into()).await),
        ("first page", get(first_page).await),
        ("report", get(format!("/r/{id}")).await),
        ("no report", get("/r/nope".into()).await),
        ("openapi", get("/api/openapi.json".into()).await),
        ("questionnaire", get("/api/v2/questionnaire".into()).await),
        ("response", get(format!("/api/v2/responses/{id}")).await),
        ("api 404", get("/api/v2/responses/nope".into()).await),
        ("api 410", get("/api/v1/questionnaire".into()).await),
        ("stylesheet", get("/assets/dealbench.css".into()).await),
        ("console sign-in", get("/admin/login".into()).await),
    ];
    answers.push((
        "api 201",
        reqwest::Client::new()
            .post(app.url("/api/v2/responses"))
            .bearer_auth(&app.api_key)
            .json(&example("average-company"))
            .send()
            .await
            .expect("post"),
    ));
    answers.push((
        "api 405",
        client
            .delete(app.url("/api/v2/questionnaire"))
            .send()
            .await
            .expect("delete"),
    ));
    answers.push((
        "api 401",
        reqwest::Client::new()
            .post(app.url("/api/v2/responses"))
            .json(&example("average-company"))
            .send()
            .await
            .expect("post"),
    ));
    for (what, resp) in &answers {
        let content_type = header(resp, "content-type");
        assert!(
            content_type.ends_with("; charset=utf-8"),
            "{what} ({}): {content_type}",
            resp.status()
        );
    }
    assert_eq!(
        header(&answers[0].1, "content-type"),
        "text/plain; charset=utf-8"
    );
    assert_eq!(
        header(&answers[6].1, "content-type"),
        "application/json; charset=utf-8"
    );
    // The PDF is not text, and says nothing of a charset.
    let pdf = get(format!("/r/{id}.pdf")).await;
    assert_eq!(header(&pdf, "content-type"), "application/pdf");
}

/// Sends one raw request and returns the whole answer (blocking).
fn raw_request(address: &str, request: &[u8]) -> String {
    let host = address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream.write_all(request).expect("request");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[actix_web::test]
async fn oversized_headers_get_431_and_an_oversized_address_414() {
    let app = spawn_app_with(0).await;
    let address = app.address.clone();
    let answers = actix_web::rt::task::spawn_blocking(move || {
        let get = |path: &str, headers: &[String]| {
            let mut request =
                format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            for h in headers {
                request.push_str(h);
                request.push_str("\r\n");
            }
            request.push_str("\r\n");
            raw_request(&address, request.as_bytes())
        };
        let kb =
            |n: usize, name: &str| format!("{name}: {}", "a".repeat(n * 1024 - name.len() - 4));
        vec![
            // One 100 KB line.
            get("/health", &[kb(100, "X-Big")]),
            // A line just over 8 KB.
            get("/", &[kb(9, "Cookie")]),
            // Twenty lines of 1 KB: 20 KB in all.
            get(
                "/health",
                &(0..20)
                    .map(|i| kb(1, &format!("X-Part-{i}")))
                    .collect::<Vec<_>>(),
            ),
            // The same on the API: a JSON error.
            get("/api/v2/questionnaire", &[kb(100, "X-Big")]),
            // An address of 9 KB.
            get(&format!("/r/{}", "a".repeat(9 * 1024)), &[]),
            // Fourteen lines of 1 KB are within the bounds.
            get(
                "/health",
                &(0..14)
                    .map(|i| kb(1, &format!("X-Part-{i}")))
                    .collect::<Vec<_>>(),
            ),
        ]
    })
    .await
    .expect("the requests");
    let status = |answer: &str| answer.lines().next().unwrap_or_default().to_string();
    for answer in &answers[..3] {
        assert!(
            status(answer).starts_with("HTTP/1.1 431"),
            "{}",
            status(answer)
        );
        assert!(
            answer.contains("at most 16 KB in all and 8 KB a line"),
            "{answer}"
        );
        assert!(answer.to_ascii_lowercase().contains("connection: close"));
    }
    assert!(status(&answers[3]).starts_with("HTTP/1.1 431"));
    assert!(
        answers[3].contains("{\"error\":\"the request's headers are too large"),
        "{}",
        answers[3]
    );
    assert!(
        status(&answers[4]).starts_with("HTTP/1.1 414"),
        "{}",
        status(&answers[4])
    );
    assert!(
        status(&answers[5]).starts_with("HTTP/1.1 200"),
        "{}",
        status(&answers[5])
    );
}

#[actix_web::test]
async fn pdfs_beyond_the_queue_get_503_at_once_and_the_rest_are_served() {
    let app = spawn_app_set_up(Setup {
        synthetic: 12,
        limits: dealbench::web::Limits {
            connections_per_address: 0,
            ..dealbench::web::Limits::default()
        },
        ..Setup::default()
    })
    .await;
    let id = submit(&app).await;
    let places = dealbench::web::pdf_queue::PdfQueue::default().places();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");
    let tasks: Vec<_> = (0..places * 3)
        .map(|_| {
            let (client, url) = (client.clone(), app.url(&format!("/r/{id}.pdf")));
            actix_web::rt::spawn(async move {
                let resp = client.get(url).send().await.expect("pdf");
                let status = resp.status().as_u16();
                let retry = header(&resp, "retry-after");
                let body = resp.bytes().await.expect("body");
                (status, retry, body)
            })
        })
        .collect();
    let mut served = 0;
    let mut busy = 0;
    for task in tasks {
        let (status, retry, body) = task.await.expect("task");
        match status {
            200 => {
                assert!(body.starts_with(b"%PDF-"));
                served += 1;
            }
            503 => {
                assert_eq!(retry, "5");
                assert!(
                    String::from_utf8_lossy(&body).contains("Please try again in a few seconds")
                );
                busy += 1;
            }
            other => panic!("status {other}"),
        }
    }
    assert!(served >= 1, "some are served");
    assert!(served <= places * 3 - busy);
    assert!(busy >= 1, "{} at once: some wait outside", places * 3);
    // And once the crowd is gone, a PDF is served again.
    let resp = client
        .get(app.url(&format!("/r/{id}.pdf")))
        .send()
        .await
        .expect("pdf");
    assert_eq!(resp.status(), 200);
}

#[cfg(target_os = "linux")]
#[actix_web::test]
async fn an_answer_the_client_never_reads_is_cut_off_at_the_write_deadline() {
    let app = spawn_app_set_up(Setup {
        synthetic: 12,
        limits: dealbench::web::Limits {
            write_deadline: Duration::from_secs(2),
            ..dealbench::web::Limits::default()
        },
        ..Setup::default()
    })
    .await;
    let id = submit(&app).await;
    let address = app.address.clone();
    let (received, length) = actix_web::rt::task::spawn_blocking(move || {
        // A client with a small window that asks for a PDF and does not read it.
        let host: std::net::SocketAddr = address
            .trim_start_matches("http://")
            .parse()
            .expect("address");
        let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)
            .expect("socket");
        socket.set_recv_buffer_size(4096).expect("small window");
        socket.connect(&host.into()).expect("connect");
        let mut stream: TcpStream = socket.into();
        stream
            .write_all(format!("GET /r/{id}.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").as_bytes())
            .expect("request");
        std::thread::sleep(Duration::from_secs(8));
        // Now read what there is: a connection still open would deliver the
        // whole PDF.
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        let mut answer = Vec::new();
        let mut piece = [0u8; 65_536];
        while let Ok(n) = stream.read(&mut piece) {
            if n == 0 {
                break;
            }
            answer.extend_from_slice(&piece[..n]);
        }
        let text = String::from_utf8_lossy(&answer).into_owned();
        let length: usize = text
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .map(|v| v.trim().parse().expect("a length"))
            })
            .expect("the head arrived");
        (answer.len(), length)
    })
    .await
    .expect("the slow client");
    assert!(
        received < length,
        "{received} bytes arrived of a {length}-byte PDF: the connection was kept"
    );
    // The server is none the worse for it.
    let health = reqwest::get(app.url("/health")).await.expect("health");
    assert_eq!(health.status(), 200);
}

/// File handles of this process open on `path` itself (not its WAL or index).
#[cfg(target_os = "linux")]
fn handles_on(path: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir("/proc/self/fd") else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| std::fs::read_link(e.path()).is_ok_and(|target| target == path))
        .count()
}

#[actix_web::test]
async fn six_hundred_concurrent_pdf_requests_leave_at_most_the_pool_of_read_connections() {
    const POOL: usize = 4;
    let app = spawn_app_set_up(Setup {
        synthetic: 12,
        // Every request comes from 127.0.0.1: no cap per address here; and on a
        // busy machine 600 connections may wait for their headers to be read, so
        // the deadlines (tested elsewhere) are generous.
        limits: dealbench::web::Limits {
            connections_per_address: 0,
            header_deadline: std::time::Duration::from_secs(120),
            body_deadline: std::time::Duration::from_secs(120),
            ..dealbench::web::Limits::default()
        },
        store: dealbench::study::records::StoreOptions {
            read_connections: POOL,
            ..dealbench::study::records::StoreOptions::default()
        },
        ..Setup::default()
    })
    .await;
    let id = submit(&app).await;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");
    // Mostly links to no report (a read each, no rendering), and some real PDFs:
    // every one needs a read connection.
    let mut tasks = Vec::new();
    for n in 0..600 {
        let url = if n % 30 == 0 {
            app.url(&format!("/r/{id}.pdf"))
        } else {
            app.url(&format!("/r/{}.pdf", uuid::Uuid::new_v4()))
        };
        let client = client.clone();
        tasks.push(actix_web::rt::spawn(async move {
            client.get(url).send().await.map(|r| r.status().as_u16())
        }));
    }
    let mut most_open = 0;
    let mut statuses = BTreeSet::new();
    for task in tasks {
        most_open = most_open.max(app.study.open_read_connections());
        statuses.insert(task.await.expect("task").expect("response"));
    }
    // Beyond the PDF queue's places, a request is told to come back (503)
    // before anything is read for it.
    assert!(
        statuses.contains(&200) && statuses.contains(&404),
        "{statuses:?}"
    );
    assert!(
        statuses.is_subset(&BTreeSet::from([200, 404, 503])),
        "{statuses:?}"
    );
    most_open = most_open.max(app.study.open_read_connections());
    // On PostgreSQL reads and writes share one pool, four times as large.
    let bound = match common::backend() {
        common::Backend::Sqlite => POOL,
        common::Backend::Postgres => POOL * 4,
    };
    assert!(most_open <= bound, "{most_open} connections open");
    #[cfg(target_os = "linux")]
    if app.database.database.describe().ends_with(".db") {
        // The pool's connections, the writer's and the checkpointer's: nothing
        // else holds the file.
        let handles = handles_on(&app.database.path());
        assert!(handles <= POOL + 2, "{handles} handles on the database");
    }
}

// ---- Item: a full disk ---------------------------------------------------------------------------

#[actix_web::test]
async fn a_full_disk_answers_503_saying_nothing_was_saved_on_the_api_and_the_pages() {
    if common::sqlite_only("the size limit is on the SQLite file") {
        return;
    }
    // The database may not grow beyond what the migrations made: the first write
    // that needs a new page finds the "disk" full.
    let app = spawn_app_set_up(Setup {
        store: dealbench::study::records::StoreOptions {
            max_size_bytes: Some(1),
            ..dealbench::study::records::StoreOptions::default()
        },
        ..Setup::default()
    })
    .await;
    // A stored response is small enough to fit in a page's free space for a
    // while; once none is left, the submission is refused and nothing of it kept.
    let mut stored: i64 = 0;
    let resp = loop {
        let resp = reqwest::Client::new()
            .post(app.url("/api/v2/responses"))
            .bearer_auth(&app.api_key)
            .json(&example("strong-company"))
            .send()
            .await
            .expect("post");
        if resp.status() != 201 {
            break resp;
        }
        stored += 1;
        assert!(stored < 1_000, "the responses fill the database at last");
    };
    assert_eq!(resp.status(), 503, "{:?}", resp.text().await);
    assert!(!header(&resp, "retry-after").is_empty());
    let err: Value = resp.json().await.expect("a JSON error");
    assert_eq!(
        err["error"],
        "the server is out of disk space; your answers were not saved, try again later"
    );
    assert_eq!(app.response_count().await, stored);

    // Starting a questionnaire writes a small draft, which fits in the free space
    // of a page for a while; once none is left the page says the same.
    let client = client();
    let html = client
        .get(app.url("/"))
        .send()
        .await
        .expect("landing")
        .text()
        .await
        .expect("body");
    let token = csrf_token(&html);
    let mut refused = None;
    for _ in 0..1_000 {
        let resp = client
            .post(app.url("/s"))
            .form(&[("csrf_token", token.as_str())])
            .send()
            .await
            .expect("start");
        if resp.status() != 303 {
            refused = Some(resp);
            break;
        }
    }
    let resp = refused.expect("the drafts fill the database at last");
    assert_eq!(resp.status(), 503);
    let page = resp.text().await.expect("body");
    assert!(
        page.contains(
            "The server is out of disk space; your answers were not saved, try again later."
        ),
        "{page}"
    );
}

// ---- Item: console date filters --------------------------------------------------------------------

#[actix_web::test]
async fn damage_found_in_the_background_refuses_every_write_with_503() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("study.db");
    common::closed_database(&db, 200);
    let report = {
        let conn = rusqlite::Connection::open(&db).expect("open");
        let report: String = conn
            .query_row("SELECT id FROM responses LIMIT 1", [], |r| r.get(0))
            .expect("a report");
        // The index of submission dates: read by no start-up step, only by the
        // full check (and by writes).
        let root: i64 = conn
            .query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'responses_by_submission'",
                [],
                |r| r.get(0),
            )
            .expect("the index");
        drop(conn);
        common::damage_pages(&db, [usize::try_from(root).expect("a page")]);
        report
    };
    let rows = || {
        rusqlite::Connection::open(&db)
            .expect("open")
            .query_row("SELECT COUNT(*) FROM responses NOT INDEXED", [], |r| {
                r.get::<_, i64>(0)
            })
            .expect("count")
    };
    let before = rows();
    // No start-up check: the whole check runs in the background.
    let app = common::spawn_app_on_database(
        &db,
        dir,
        dealbench::study::records::StoreOptions {
            startup_check: Duration::ZERO,
            ..dealbench::study::records::StoreOptions::default()
        },
    )
    .await;
    let mut found = None;
    for _ in 0..300 {
        found = app.study.writes_refused();
        if found.is_some() {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    let found = found
        .expect("the background check found the damage")
        .to_string();
    assert!(found.contains(&db.display().to_string()), "{found}");
    assert!(found.contains("restore the file from a backup"), "{found}");
    // Writes are refused, on the API and on the pages, saying why.
    let resp = reqwest::Client::new()
        .post(app.url("/api/v2/responses"))
        .bearer_auth(&app.api_key)
        .json(&example("strong-company"))
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 503);
    assert!(resp.headers().contains_key("retry-after"));
    let body: Value = resp.json().await.expect("json");
    assert!(
        body["error"]
            .as_str()
            .is_some_and(|e| e.contains("database file is damaged")),
        "{body}"
    );
    let browser = client();
    let html = browser
        .get(app.url("/"))
        .send()
        .await
        .expect("landing")
        .text()
        .await
        .expect("body");
    let resp = browser
        .post(app.url("/s"))
        .form(&[("csrf_token", csrf_token(&html).as_str())])
        .send()
        .await
        .expect("start");
    assert_eq!(resp.status(), 503);
    assert!(
        resp.text()
            .await
            .expect("body")
            .contains("database file is damaged")
    );
    assert_eq!(rows(), before, "nothing was added");
    // What is stored is still served as far as it can be read.
    let page = browser
        .get(app.url(&format!("/r/{report}")))
        .send()
        .await
        .expect("report");
    assert_eq!(page.status(), 200);
}

#[actix_web::test]
async fn console_date_filters_that_are_not_dates_are_refused_naming_the_value() {
    const PASSWORD: &str = "a long enough password";
    let app = spawn_app_with(0).await;
    common::add_operator(&app, "ops").await;
    let client = client();
    let html = client
        .get(app.url("/admin/login"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    let resp = client
        .post(app.url("/admin/login"))
        .form(&[
            ("csrf_token", csrf_token(&html).as_str()),
            ("name", "ops"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(resp.status(), 303);
    for (path, value) in [
        ("/admin/compare?groups=2&g1_from=2026-13-45", "2026-13-45"),
        ("/admin/compare?groups=2&g2_to=yesterday", "yesterday"),
        ("/admin/compare?groups=2&g1_from=2026-02-29", "2026-02-29"),
        ("/admin/export/scores.csv?from=2026-04-31", "2026-04-31"),
        ("/admin/export/answers.csv?to=31/12/2026", "31/12/2026"),
    ] {
        let resp = client.get(app.url(path)).send().await.expect("get");
        assert_eq!(resp.status(), 400, "{path}");
        let page = resp.text().await.expect("body");
        assert!(
            page.contains(&format!("The date “{value}”")) && page.contains("YYYY-MM-DD"),
            "{path}: {page}"
        );
        assert!(
            page.contains("<a href=\"/admin\">Go to the console</a>"),
            "{path}: {page}"
        );
    }
    for path in [
        "/admin/compare?groups=2&g1_from=2026-01-01&g1_to=2026-12-31&g2_from=",
        "/admin/export/scores.csv?from=2028-02-29",
    ] {
        let resp = client.get(app.url(path)).send().await.expect("get");
        assert_eq!(resp.status(), 200, "{path}");
    }
}
