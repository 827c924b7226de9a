//! The respondent's journey over HTTP: landing, pages, resume, validation, submit,
//! report; and the bad inputs of the web form.

mod common;

use common::{
    csrf_token, example, fill_and_submit, get_page, location, page_fields, post_page, spawn_app,
    spawn_app_with, start, study,
};

#[actix_web::test]
async fn a_respondent_fills_every_page_submits_and_reads_a_report_about_their_answers() {
    let app = spawn_app_with(30).await;
    let client = app.client();
    let report = fill_and_submit(&app, &client, &example("strong-company")).await;
    let resp = client.get(app.url(&report)).send().await.expect("report");
    assert_eq!(resp.status(), 200);
    let html = resp.text().await.expect("body");
    let stored = app
        .stored(report.trim_start_matches("/r/"))
        .await
        .expect("stored");
    let overall = stored.scorecard.overall.display();
    assert!(
        html.contains(&format!("company index of {overall}")),
        "{overall}"
    );
    for part in [
        "Summary",
        "Executive summary",
        "Detailed analysis",
        "Personal report",
        "Your numbers",
    ] {
        assert!(html.contains(part), "missing part {part}");
    }
    assert!(html.contains("Sample Company: your benchmark report"));
    assert!(html.contains("Prepared for Jane Smith"));
    assert!(html.contains("Strategic Alignment"));
    assert!(html.contains("Revenue increase potential"));
    assert!(html.contains("<svg"), "the infographic is inline SVG");
    // It names the peer group and the date of the standing; each figure names the
    // responses it rests on.
    assert!(
        html.contains(&format!(
            ", as of {}; each figure names the responses it rests on.",
            stored.standing.computed_on
        )),
        "peer group"
    );
    assert!(
        html.contains(" responses)"),
        "a figure names its group size"
    );
    assert!(stored.standing.found);
    assert_eq!(stored.standing.computed_on, stored.submitted_at[..10]);
    // The reference deals, 2 won and 2 lost: too few to read as a rate.
    assert!(html.contains("You won 2 of the 4 deals decided: too few to read as a win rate"));
    // Contact details are in the respondent's report but stored apart from the answers.
    assert!(stored.answers.get("contact_email").is_none());
    assert_eq!(
        stored.contact.get("contact_email").map(String::as_str),
        Some("jane.smith@example.com")
    );
}

#[actix_web::test]
async fn the_resume_link_works_in_another_browser_and_keeps_the_answers() {
    let app = spawn_app().await;
    let q = study();
    let answers = example("average-company");
    let first = {
        let client = app.client();
        let path = start(&app, &client).await;
        let html = get_page(&app, &client, &path).await;
        let resp = post_page(
            &app,
            &client,
            &path,
            &csrf_token(&html),
            &page_fields(&q, &answers, 1),
            "next",
        )
        .await;
        assert_eq!(resp.status(), 303);
        assert!(
            html.contains(&format!("{}{}", app.address, path.trim_end_matches("/1"))),
            "the page shows the resume link"
        );
        path
    };
    let draft = first.trim_end_matches("/1").to_string();
    // A new browser: no cookies.
    let other = app.client();
    let resp = other.get(app.url(&draft)).send().await.expect("resume");
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        format!("{draft}/2"),
        "resumes where it was left"
    );
    let page1 = get_page(&app, &other, &format!("{draft}/1")).await;
    assert!(
        page1.contains("id=\"industry--manufacturing\" value=\"manufacturing\" checked"),
        "saved answer shown"
    );
    assert!(page1.contains("name=\"sales_team_size\" value=\"12\""));
    // And it can carry on from there with its own CSRF cookie.
    let page2 = get_page(&app, &other, &format!("{draft}/2")).await;
    let resp = post_page(
        &app,
        &other,
        &format!("{draft}/2"),
        &csrf_token(&page2),
        &page_fields(&q, &answers, 2),
        "next",
    )
    .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), format!("{draft}/3"));
}

#[actix_web::test]
async fn a_page_with_errors_shows_each_message_next_to_its_field_and_keeps_everything_typed() {
    let app = spawn_app().await;
    let client = app.client();
    let path = start(&app, &client).await;
    let html = get_page(&app, &client, &path).await;
    let fields = vec![
        ("industry".to_string(), "mining_on_mars".to_string()),
        ("company_size".to_string(), "from_50_to_249".to_string()),
        ("region".to_string(), "europe".to_string()),
        ("sales_team_size".to_string(), "twelve".to_string()),
        (
            "contact_name".to_string(),
            "Zoë O'Brien-Łukasiewicz".to_string(),
        ),
        ("contact_email".to_string(), "not-an-email".to_string()),
    ];
    let resp = post_page(&app, &client, &path, &csrf_token(&html), &fields, "next").await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.expect("body");
    assert!(html.contains("answers need your attention"));
    // Messages next to the fields at fault.
    assert!(html.contains("id=\"q-industry-error\""));
    assert!(html.contains("Enter a number"));
    assert!(html.contains("Enter an email address"));
    assert!(
        html.contains("id=\"q-sales_model-error\""),
        "a required question left out is flagged"
    );
    // Everything else typed is kept.
    assert!(html.contains("id=\"company_size--from_50_to_249\" value=\"from_50_to_249\" checked"));
    assert!(html.contains("id=\"region--europe\" value=\"europe\" checked"));
    assert!(html.contains("value=\"twelve\""));
    assert!(
        html.contains("Zoë O&#39;Brien-Łukasiewicz")
            || html.contains("Zoë O&#x27;Brien-Łukasiewicz")
    );
    // Nothing half-done was saved.
    let draft = app
        .draft(path.split('/').nth(2).expect("id"))
        .await
        .expect("draft");
    assert_eq!(draft.answers, serde_json::json!({}));
    assert_eq!(draft.page, 1);
}

#[actix_web::test]
async fn submitting_twice_keeps_one_response_and_one_report() {
    let app = spawn_app().await;
    let client = app.client();
    let q = study();
    let answers = example("weak-company");
    let report = fill_and_submit(&app, &client, &answers).await;
    assert_eq!(app.response_count().await, 1);
    // Back to the last page and submit again, as a double click or the back button would.
    let draft = app
        .stored(report.trim_start_matches("/r/"))
        .await
        .expect("stored");
    let last = q.sections.len();
    let page_path = {
        let draft_id = app.database.texts("SELECT id FROM drafts")[0][0]
            .clone()
            .expect("draft");
        format!("/s/{draft_id}/{last}")
    };
    let landing = client
        .get(app.url("/"))
        .send()
        .await
        .expect("landing")
        .text()
        .await
        .expect("body");
    let resp = post_page(
        &app,
        &client,
        &page_path,
        &csrf_token(&landing),
        &page_fields(&q, &answers, last),
        "submit",
    )
    .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), report);
    assert_eq!(app.response_count().await, 1);
    assert_eq!(draft.id, report.trim_start_matches("/r/"));
    // The resume link now leads to the report.
    let resp = client
        .get(app.url(page_path.rsplit_once('/').expect("path").0))
        .send()
        .await
        .expect("resume");
    assert_eq!(location(&resp), report);
}

#[actix_web::test]
async fn a_submit_with_required_answers_missing_goes_back_to_the_page_that_needs_them() {
    let app = spawn_app().await;
    let client = app.client();
    let q = study();
    let path = start(&app, &client).await;
    let draft = path.trim_end_matches("/1").to_string();
    let last = format!("{draft}/{}", q.sections.len());
    let html = get_page(&app, &client, &last).await;
    let resp = post_page(&app, &client, &last, &csrf_token(&html), &[], "submit").await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), format!("{draft}/1?check=true"));
    let html = get_page(&app, &client, &format!("{draft}/1?check=true")).await;
    assert!(html.contains("id=\"q-industry-error\""));
    assert_eq!(app.response_count().await, 0);
}

#[actix_web::test]
async fn forms_without_their_csrf_token_are_refused() {
    let app = spawn_app().await;
    let client = app.client();
    let path = start(&app, &client).await;
    for token in [
        "",
        "0000000000000000000000000000000000000000000000000000000000000000",
    ] {
        let resp = client
            .post(app.url(&path))
            .form(&[
                ("csrf_token", token),
                ("industry", "software"),
                ("action", "next"),
            ])
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status(), 403);
        assert!(
            resp.text()
                .await
                .expect("body")
                .contains("This form has expired")
        );
    }
    // A browser without the cookie (another site posting) is refused too.
    let resp = reqwest::Client::new()
        .post(app.url("/s"))
        .form(&[("csrf_token", "a".repeat(64))])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 403);
}

#[actix_web::test]
async fn unknown_and_malformed_links_are_404_pages() {
    let app = spawn_app().await;
    let client = app.client();
    for path in [
        "/r/not-a-uuid",
        "/r/3f1c7a52-5a0e-4a53-9d40-2f3a1a1c0b6e",
        "/s/3f1c7a52-5a0e-4a53-9d40-2f3a1a1c0b6e",
        "/s/'; DROP TABLE responses; --/1",
        "/nowhere",
    ] {
        let resp = client.get(app.url(path)).send().await.expect("get");
        assert_eq!(resp.status(), 404, "{path}");
        assert!(
            resp.text()
                .await
                .expect("body")
                .contains("This page does not exist")
        );
    }
    let path = start(&app, &client).await;
    let draft = path.trim_end_matches("/1");
    for page in ["0", "99", "x"] {
        let resp = client
            .get(app.url(&format!("{draft}/{page}")))
            .send()
            .await
            .expect("get");
        assert_eq!(resp.status(), 404, "page {page}");
    }
}

#[actix_web::test]
async fn oversized_and_malformed_form_bodies_are_clear_4xx() {
    let app = spawn_app().await;
    let client = app.client();
    let path = start(&app, &client).await;
    let html = get_page(&app, &client, &path).await;
    let token = csrf_token(&html);
    let huge = format!("csrf_token={token}&contact_name={}", "a".repeat(100_000));
    let resp = client
        .post(app.url(&path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(huge)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 413);
    // Bytes that are not UTF-8 are read lossily and then fail validation, never a 500.
    let mut body = format!("csrf_token={token}&action=next&industry=").into_bytes();
    body.extend_from_slice(&[0xff, 0xfe, 0x80]);
    let resp = client
        .post(app.url(&path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("post");
    assert!(resp.status().is_client_error(), "{}", resp.status());
    assert_eq!(app.response_count().await, 0);
}

#[actix_web::test]
async fn every_page_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/health", "/api/v2/questionnaire", "/nowhere"] {
        let resp = reqwest::get(app.url(path)).await.expect("get");
        let h = resp.headers();
        assert!(
            h.get("content-security-policy")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("default-src 'self'")),
            "{path}"
        );
        assert_eq!(
            h.get("x-content-type-options").map(|v| v.as_bytes()),
            Some(&b"nosniff"[..])
        );
        assert_eq!(
            h.get("referrer-policy").map(|v| v.as_bytes()),
            Some(&b"no-referrer"[..])
        );
    }
    let resp = reqwest::get(app.url("/")).await.expect("get");
    let cookie = resp
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("csrf cookie")
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
}

/// The page of the company numbers, by its section.
fn numbers_page() -> usize {
    let q = study();
    q.sections
        .iter()
        .position(|s| s.id == "company_numbers")
        .expect("a numbers page")
        + 1
}

#[actix_web::test]
async fn an_amount_in_another_currency_is_refused_and_the_fields_name_the_study_s_currency() {
    let app = spawn_app().await;
    let client = app.client();
    let first = start(&app, &client).await;
    let path = page_of_draft(&first, format!("/{}", numbers_page()));
    let html = get_page(&app, &client, &path).await;
    assert!(
        html.contains("Average deal value (in US dollars)"),
        "the label names the currency"
    );
    let fields = vec![
        ("average_deal_value".to_string(), "EUR 25,000".to_string()),
        ("deals_won_value".to_string(), "£40k".to_string()),
        ("sales_cycle_days".to_string(), "90".to_string()),
    ];
    let resp = post_page(&app, &client, &path, &csrf_token(&html), &fields, "next").await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.expect("body");
    // Both currencies named, and the way to choose the typed one.
    assert!(
        html.contains(
            "is in euros (EUR), but your numbers are in US dollars (USD): enter the amount in US dollars, or choose euros (EUR) as the currency of your numbers"
        ),
        "{html}"
    );
    assert!(html.contains("id=\"q-deals_won_value-error\""));
    // Nothing was read as dollars.
    let draft = app
        .draft(path.split('/').nth(2).expect("id"))
        .await
        .expect("draft");
    assert_eq!(draft.answers, serde_json::json!({}));
}

#[actix_web::test]
async fn a_respondent_answers_in_euros_and_reads_her_report_in_euros() {
    let app = spawn_app_with(40).await;
    let client = app.client();
    let mut answers = example("strong-company");
    answers["currency"] = "eur".into();
    let typed = answers["average_deal_value"].as_f64().expect("an amount");
    let report = fill_and_submit(&app, &client, &answers).await;
    // Kept in US dollars at the study's rate (1 EUR = 1.16 USD), to the cent.
    let stored = app
        .stored(report.trim_start_matches("/r/"))
        .await
        .expect("stored");
    let kept = (typed * 1.16 * 100.0).round() / 100.0;
    assert_eq!(stored.answers["average_deal_value"].as_f64(), Some(kept));
    assert_eq!(stored.answers["currency"], "eur");
    // Her report speaks euros and says once which rate turned the peer
    // figures into them.
    let html = get_page(&app, &client, &report).await;
    let amount = dealbench::domain::report::format_amount(typed);
    assert!(html.contains(&format!("€{amount}")), "her amount in euros");
    assert_eq!(
        html.matches("converted at 1 EUR = 1.16 USD, the rate of 30 November 2026")
            .count(),
        1,
        "{html}"
    );
    assert!(!html.contains(&format!("${amount}")));
    // Assessing again offers her amounts back as she typed them, in euros:
    // copied as kept, never converted a second time.
    let page = get_page(&app, &client, &format!("{report}/again")).await;
    let resp = client
        .post(app.url(&format!("{report}/again")))
        .form(&[("csrf_token", csrf_token(&page))])
        .send()
        .await
        .expect("again");
    assert_eq!(resp.status(), 303);
    let first = location(&resp);
    let numbers = get_page(
        &app,
        &client,
        &page_of_draft(&first, format!("/{}", numbers_page())),
    )
    .await;
    assert!(
        numbers.contains("Average deal value (in euros)"),
        "{numbers}"
    );
    assert!(
        numbers.contains(&format!(
            "value=\"{}\"",
            dealbench::domain::answers::format_number(typed)
        )),
        "{numbers}"
    );
}

#[actix_web::test]
async fn a_number_read_differently_from_how_it_was_typed_is_shown_before_moving_on() {
    let app = spawn_app().await;
    let client = app.client();
    let first = start(&app, &client).await;
    let page = numbers_page();
    let path = page_of_draft(&first, format!("/{page}"));
    let html = get_page(&app, &client, &path).await;
    let fields = vec![
        ("average_deal_value".to_string(), "$25k".to_string()),
        ("sales_cycle_days".to_string(), "90".to_string()),
    ];
    let resp = post_page(&app, &client, &path, &csrf_token(&html), &fields, "next").await;
    assert_eq!(resp.status(), 303);
    let back = location(&resp);
    assert_eq!(back, format!("{path}?numbers=true"), "the same page, once");
    let html = get_page(&app, &client, &back).await;
    assert!(html.contains("Check how your numbers were read"));
    assert!(html.contains("Read as $25,000"), "on first entry");
    assert!(html.contains("name=\"numbers_checked\" value=\"1\""));
    // Continuing from the checked page moves on.
    let mut fields = fields;
    fields.push(("numbers_checked".to_string(), "1".to_string()));
    let resp = post_page(&app, &client, &path, &csrf_token(&html), &fields, "next").await;
    assert_eq!(
        location(&resp),
        page_of_draft(&first, format!("/{}", page + 1))
    );
    // Numbers typed as plain numbers move on at once.
    let html = get_page(&app, &client, &path).await;
    let plain = vec![("average_deal_value".to_string(), "25000".to_string())];
    let resp = post_page(&app, &client, &path, &csrf_token(&html), &plain, "next").await;
    assert_eq!(
        location(&resp),
        page_of_draft(&first, format!("/{}", page + 1))
    );
}

/// The questionnaire page `page` of the draft whose first page is `first`
/// (".../1"): only the page number at the end changes, never a digit of the id.
fn page_of_draft(first: &str, page: String) -> String {
    let draft = first.strip_suffix("/1").expect("a first page");
    format!("{draft}{page}")
}
