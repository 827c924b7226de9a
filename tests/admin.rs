//! The operator console over HTTP: sessions, lockout, CSRF, small groups, exports
//! without contact details, deletion everywhere, and figures that match a
//! brute-force computation.

mod common;

use common::{PASSWORD, add_operator};

use common::{TestApp, csrf_token, example, get_page, location, spawn_app_with};
use dealbench::study::throttle::PER_PAIR;
use dealbench::web::admin::ROUTES;
use serde_json::Value;

async fn login(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
    password: &str,
) -> reqwest::Response {
    let page = client
        .get(app.url("/admin/login"))
        .send()
        .await
        .expect("login page");
    let token = csrf_token(&page.text().await.expect("body"));
    client
        .post(app.url("/admin/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("name", name),
            ("password", password),
        ])
        .send()
        .await
        .expect("login")
}

async fn signed_in(app: &TestApp) -> reqwest::Client {
    add_operator(app, "ops").await;
    let client = app.client();
    let resp = login(app, &client, "ops", PASSWORD).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/admin");
    client
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let resp = client.get(app.url(path)).send().await.expect("get");
    assert_eq!(resp.status(), 200, "{path}");
    resp.text().await.expect("body")
}

async fn submit(app: &TestApp, answers: &Value) -> Value {
    let resp = reqwest::Client::new()
        .post(app.url("/api/v2/responses"))
        .bearer_auth(&app.api_key)
        .json(answers)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 201);
    resp.json().await.expect("json")
}

#[actix_web::test]
async fn every_console_route_refuses_a_request_without_a_session() {
    let app = spawn_app_with(20).await;
    add_operator(&app, "ops").await;
    let client = app.client();
    for (method, path) in ROUTES {
        let path = path.replace("{id}", "3f1c7a52-5a0e-4a53-9d40-2f3a1a1c0b6e");
        let req = match *method {
            "GET" => client.get(app.url(&path)),
            _ => client
                .post(app.url(&path))
                .form(&[("csrf_token", "x"), ("confirm", "yes")]),
        };
        let resp = req.send().await.expect("request");
        assert_eq!(resp.status(), 303, "{method} {path}");
        assert_eq!(location(&resp), "/admin/login", "{method} {path}");
        assert!(
            resp.text().await.expect("body").is_empty(),
            "{method} {path} leaked a body"
        );
        // A made-up session cookie is no better.
        let forged = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let req = match *method {
            "GET" => forged.get(app.url(&path)),
            _ => forged
                .post(app.url(&path))
                .form(&[("csrf_token", "x"), ("confirm", "yes")]),
        };
        let resp = req
            .header("cookie", format!("dealbench_session={}", "ab".repeat(32)))
            .send()
            .await
            .expect("request");
        assert_eq!(resp.status(), 303, "{method} {path} with a forged session");
    }
}

#[actix_web::test]
async fn a_wrong_password_is_refused_and_each_login_gets_a_new_session() {
    let app = spawn_app_with(0).await;
    add_operator(&app, "ops").await;
    let client = app.client();
    let resp = login(&app, &client, "ops", "not the password at all").await;
    assert_eq!(resp.status(), 401);
    assert!(
        resp.headers()
            .get("set-cookie")
            .is_none_or(|c| !c.to_str().unwrap_or("").contains("dealbench_session"))
    );
    let resp = login(&app, &client, "nobody", PASSWORD).await;
    assert_eq!(resp.status(), 401);

    let session_of = |resp: &reqwest::Response| -> String {
        resp.headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("dealbench_session="))
            .expect("a session cookie")
            .to_string()
    };
    let first = login(&app, &client, "ops", PASSWORD).await;
    let cookie = session_of(&first);
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let second = login(&app, &client, "ops", PASSWORD).await;
    assert_ne!(
        session_of(&second),
        cookie,
        "a new session id at every login"
    );
    assert!(
        page(&app, &client, "/admin")
            .await
            .contains("Participation")
    );

    // Logout ends the session.
    let html = page(&app, &client, "/admin").await;
    let token = csrf_token(&html);
    let resp = client
        .post(app.url("/admin/logout"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .expect("logout");
    assert_eq!(resp.status(), 303);
    let resp = client.get(app.url("/admin")).send().await.expect("get");
    assert_eq!(resp.status(), 303);
}

#[actix_web::test]
async fn repeated_failures_lock_that_address_out_of_the_account_even_for_the_right_password() {
    let app = spawn_app_with(0).await;
    add_operator(&app, "ops").await;
    let client = app.client();
    for _ in 0..PER_PAIR {
        assert_eq!(
            login(&app, &client, "ops", "wrong wrong wrong")
                .await
                .status(),
            401
        );
    }
    let resp = login(&app, &client, "ops", PASSWORD).await;
    assert_eq!(resp.status(), 429);
    assert!(
        resp.text()
            .await
            .expect("body")
            .contains("Too many failed attempts")
    );
}

#[actix_web::test]
async fn console_forms_without_their_csrf_token_are_refused() {
    let app = spawn_app_with(12).await;
    let client = signed_in(&app).await;
    let created = submit(&app, &example("weak-company")).await;
    let id = created["id"].as_str().expect("id");
    let resp = client
        .post(app.url(&format!("/admin/responses/{id}/delete")))
        .form(&[("confirm", "yes")])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 403);
    let resp = client
        .post(app.url("/admin/logout"))
        .form(&[("csrf_token", "0".repeat(64))])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 403);
    // The response is still there.
    assert!(app.stored(id).await.is_some());
}

#[actix_web::test]
async fn groups_smaller_than_k_show_no_figures() {
    let app = spawn_app_with(40).await;
    let client = signed_in(&app).await;
    // Group 2: one industry on one day; far below K.
    let html = page(
        &app,
        &client,
        "/admin/compare?groups=2&g1_synthetic=on&g2_synthetic=on&g2_industry=energy_utilities&g2_from=2000-01-01&g2_to=2000-01-02",
    )
    .await;
    assert!(html.contains("fewer than 10 responses"));
    assert!(html.contains("<td>40</td>"), "group 1 shows its size");
    assert!(
        !html.contains("group 2: 0"),
        "no histogram for the small group"
    );
}

#[actix_web::test]
async fn exports_stream_every_row_without_contact_details() {
    let app = spawn_app_with(30).await;
    let client = signed_in(&app).await;
    submit(&app, &example("strong-company")).await;
    for kind in ["scores", "answers"] {
        let resp = client
            .get(app.url(&format!("/admin/export/{kind}.csv?synthetic=on")))
            .send()
            .await
            .expect("export");
        assert_eq!(resp.status(), 200);
        assert_eq!(
            resp.headers()["content-type"].to_str().expect("type"),
            "text/csv; charset=utf-8"
        );
        let csv = resp.text().await.expect("body");
        assert_eq!(csv.lines().count(), 1 + 31, "{kind}: header and every row");
        for secret in [
            "Jane Smith",
            "Sample Company",
            "jane.smith@example.com",
            "contact_",
        ] {
            assert!(!csv.contains(secret), "{kind} export contains {secret}");
        }
    }
    // The real response's answers are in their columns as they were given.
    let csv = get_page(&app, &client, "/admin/export/answers.csv").await;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().expect("header").clone();
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), 1);
    let given = example("strong-company");
    let mut compared = 0;
    for (column, cell) in header.iter().zip(records[0].iter()) {
        let Some(value) = given.get(column) else {
            continue;
        };
        let expected = match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        assert_eq!(cell, expected, "answers export, column {column}");
        compared += 1;
    }
    assert!(compared > 30, "only {compared} answer columns compared");
    // Without synthetic responses only the real one is exported.
    let csv = get_page(&app, &client, "/admin/export/scores.csv").await;
    assert_eq!(csv.lines().count(), 2);
}

#[actix_web::test]
async fn deleting_a_response_removes_it_from_everywhere() {
    let app = spawn_app_with(15).await;
    let client = signed_in(&app).await;
    let answers = example("average-company");
    let a = submit(&app, &answers).await;
    let b = submit(&app, &answers).await;
    let b_id = b["id"].as_str().expect("id").to_string();
    let group_with_b = b["peer_standing"]["group_size"].as_u64().expect("size");
    // Its report is cached once viewed; deletion must remove it all the same.
    assert_eq!(
        client
            .get(app.url(&format!("/r/{b_id}")))
            .send()
            .await
            .expect("get")
            .status(),
        200
    );

    let html = page(
        &app,
        &client,
        &format!("/admin/responses?q={}", app.url(&format!("/r/{b_id}"))),
    )
    .await;
    let b_pseudonym = app.study.pseudonym(&b_id);
    assert!(html.contains(&format!("Response {b_pseudonym}")));
    assert!(
        !html.contains(&format!(">{b_id}<")),
        "the private id is not shown as text"
    );
    let token = csrf_token(&html);
    // Without the confirmation nothing happens.
    let resp = client
        .post(app.url(&format!("/admin/responses/{b_id}/delete")))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 400);
    let resp = client
        .post(app.url(&format!("/admin/responses/{b_id}/delete")))
        .form(&[("csrf_token", token.as_str()), ("confirm", "yes")])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 303);

    assert!(app.stored(&b_id).await.is_none(), "database");
    for path in [
        format!("/r/{b_id}"),
        format!("/api/v2/responses/{b_id}"),
        format!("/r/{b_id}.pdf"),
    ] {
        assert_eq!(
            client
                .get(app.url(&path))
                .send()
                .await
                .expect("get")
                .status(),
            404,
            "{path}"
        );
    }
    let csv = get_page(&app, &client, "/admin/export/answers.csv?synthetic=on").await;
    assert!(!csv.contains(&b_pseudonym), "export");
    assert!(csv.contains(&app.study.pseudonym(a["id"].as_str().expect("id"))));
    // Peer statistics: the next response's group no longer counts it.
    let c = submit(&app, &answers).await;
    assert_eq!(
        c["peer_standing"]["group_size"].as_u64().expect("size"),
        group_with_b,
        "peer statistics"
    );
    let found = page(&app, &client, &format!("/admin/responses?q={b_id}")).await;
    assert!(found.contains("Nothing matches"));
    assert!(
        found.contains(&b_pseudonym),
        "the deletion log names the pseudonym"
    );
}

/// Percentile by linear interpolation, written out again for the check.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = p / 100.0 * (sorted.len() - 1) as f64;
    let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo as f64)
}

#[actix_web::test]
async fn the_comparison_figures_equal_a_brute_force_computation_over_the_same_rows() {
    let app = spawn_app_with(120).await;
    let client = signed_in(&app).await;
    let industry = "software";
    let html = page(
        &app,
        &client,
        &format!("/admin/compare?groups=2&g1_synthetic=on&g2_synthetic=on&g2_industry={industry}"),
    )
    .await;
    for (group, filter) in [
        (1, "synthetic=on".to_string()),
        (2, format!("synthetic=on&industry={industry}")),
    ] {
        let csv = get_page(&app, &client, &format!("/admin/export/scores.csv?{filter}")).await;
        let mut rows = csv.lines();
        let header: Vec<&str> = rows.next().expect("header").split(',').collect();
        let col = header
            .iter()
            .position(|h| *h == "overall")
            .expect("overall column");
        let mut scores: Vec<f64> = rows
            .filter_map(|line| line.split(',').nth(col).and_then(|v| v.parse().ok()))
            .collect();
        scores.sort_by(f64::total_cmp);
        let n = scores.len();
        assert!(n >= 10, "group {group} has {n}");
        let mean = scores.iter().sum::<f64>() / n as f64;
        let expected = format!(
            "<td>{n}</td><td>{mean:.1}</td><td>{:.1}</td><td>{:.1} to {:.1}</td>",
            percentile(&scores, 50.0),
            percentile(&scores, 25.0),
            percentile(&scores, 75.0)
        );
        assert!(
            html.contains(&expected),
            "group {group}: {expected} not in the page"
        );
    }
    // The comparison has a shareable URL carrying its filters.
    assert!(html.contains(&format!("g2_industry={industry}")));
}
