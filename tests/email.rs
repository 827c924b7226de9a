//! Email through a real SMTP conversation with a receiver on 127.0.0.1: the
//! report link on request (and a retry after the server refuses it), "your team
//! report is ready" once enough colleagues answered, and a reminder to assess
//! again that falls due only when the clock has moved on. Pages open to whoever
//! holds a report link show a hint of the address given, never the address;
//! asking is bounded per report, per client address and in all, counted in the
//! database. Without an SMTP server, nothing is offered.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use common::smtp::{Received, SmtpReceiver};
use common::teams::{accept, colleague, join, join_counted, link_in, path_of};
use common::{
    Setup, TestApp, csrf_token, example, fill_and_submit, get_page, location, spawn_app,
    spawn_app_set_up,
};
use dealbench::study::outbox::{Clock, EmailSettings};
use dealbench::study::records::EmailKind;

const WAIT: Duration = Duration::from_secs(15);

/// Email settings for `smtp`, with a clock the test moves by `offset` seconds.
fn email_settings(smtp: &SmtpReceiver, offset: &Arc<AtomicI64>) -> EmailSettings {
    let offset = offset.clone();
    EmailSettings {
        smtp_url: Some(smtp.url()),
        from: "Dealbench <study@example.org>".into(),
        poll: Duration::from_millis(50),
        clock: Clock::from_fn(move || {
            time::OffsetDateTime::now_utc() + time::Duration::seconds(offset.load(Ordering::SeqCst))
        }),
        ..EmailSettings::default()
    }
}

/// A server that sends email through `smtp`, reading the time from a clock the
/// test moves by `offset` seconds.
async fn app_with_email(smtp: &SmtpReceiver, offset: &Arc<AtomicI64>) -> TestApp {
    spawn_app_set_up(Setup {
        synthetic: 20,
        email: email_settings(smtp, offset),
        ..Setup::default()
    })
    .await
}

/// The message's text with quoted-printable soft line breaks undone.
fn body(m: &Received) -> String {
    m.data.replace("=\r\n", "").replace("=3D", "=")
}

async fn ask(app: &TestApp, client: &reqwest::Client, report: &str, form: &[(&str, &str)]) {
    let page = get_page(app, client, &format!("{report}/email")).await;
    let token = csrf_token(&page);
    let mut fields = vec![("csrf_token", token.as_str())];
    fields.extend_from_slice(form);
    let resp = client
        .post(app.url(&format!("{report}/email")))
        .form(&fields)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 303, "{:?}", resp.text().await);
}

async fn queued(app: &TestApp, kind: EmailKind) -> usize {
    app.study.queued_emails(kind).await.expect("count")
}

/// Waits until the queue holds `n` messages of `kind` (the worker forgets a
/// message just after the receiver has it); returns how many it holds.
async fn settle(app: &TestApp, kind: EmailKind, n: usize) -> usize {
    let until = std::time::Instant::now() + WAIT;
    loop {
        let now = queued(app, kind).await;
        if now == n || std::time::Instant::now() > until {
            return now;
        }
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
}

#[actix_web::test]
async fn the_report_link_is_sent_on_request_and_retried_when_the_server_refuses() {
    let smtp = SmtpReceiver::start();
    let offset = Arc::new(AtomicI64::new(0));
    let app = app_with_email(&smtp, &offset).await;
    let client = app.client();
    let report = fill_and_submit(&app, &client, &example("strong-company")).await;
    let html = get_page(&app, &client, &report).await;
    assert!(html.contains(&format!("href=\"{report}/email?lang=en\"")));
    let page = get_page(&app, &client, &format!("{report}/email")).await;
    assert!(page.contains("(j•••@e•••.com)"), "a hint of their address");
    assert!(!page.contains("jane.smith"), "never the address itself");
    let forged = client
        .post(app.url(&format!("{report}/email")))
        .form(&[("what", "link"), ("address", "x@example.com")])
        .send()
        .await
        .expect("post");
    assert_eq!(forged.status(), 403);

    // Sent to the address they gave, which the page never showed.
    ask(&app, &client, &report, &[("what", "link"), ("to", "given")]).await;
    let got = smtp.wait_for(1, WAIT);
    assert_eq!(got.len(), 1);
    let m = &got[0];
    assert_eq!(m.to, vec!["<jane.smith@example.com>".to_string()]);
    assert_eq!(m.subject(), "Your Dealbench Sales Benchmark report");
    let text = body(m);
    assert!(text.contains(&app.url(&report)), "{text}");
    assert!(text.contains("text/plain") && text.contains("text/html"));
    // Sent: the address is gone from the database.
    assert_eq!(settle(&app, EmailKind::ReportLink, 0).await, 0);

    // The server refuses once: the message waits a minute, by the clock, and is
    // sent on the next attempt.
    smtp.refuse_next(1);
    ask(
        &app,
        &client,
        &report,
        &[
            ("what", "link"),
            ("to", "typed"),
            ("address", "jane.smith@example.com"),
        ],
    )
    .await;
    let until = std::time::Instant::now() + WAIT;
    while smtp.pending_refusals() > 0 && std::time::Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(smtp.pending_refusals(), 0, "the worker tried once");
    // Its retry is a minute away by the clock: nothing more arrives meanwhile.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(smtp.messages().len(), 1, "refused, not received");
    assert_eq!(
        queued(&app, EmailKind::ReportLink).await,
        1,
        "kept for a retry"
    );
    offset.fetch_add(61, Ordering::SeqCst);
    assert_eq!(smtp.wait_for(2, WAIT).len(), 2);
    assert_eq!(settle(&app, EmailKind::ReportLink, 0).await, 0);

    // A typo in the address is a clear message, not a queued email.
    let page = get_page(&app, &client, &format!("{report}/email")).await;
    let resp = client
        .post(app.url(&format!("{report}/email")))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("what", "link"),
            ("to", "typed"),
            ("address", "jane at example"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 400);
    let page = resp.text().await.expect("body");
    assert!(page.contains("valid email address"), "{page}");
    assert!(
        page.contains("value=\"jane at example\""),
        "what they typed is kept"
    );
    assert!(page.contains("id=\"link-to-typed\" name=\"to\" value=\"typed\" checked"));
}

/// A report read in another language (`?lang=de`) leads to an email page in
/// that language, whose errors and whose email speak it too, with a link that
/// opens the report in it.
#[actix_web::test]
async fn the_email_page_and_its_email_speak_the_language_the_report_is_read_in() {
    let smtp = SmtpReceiver::start();
    let offset = Arc::new(AtomicI64::new(0));
    let app = app_with_email(&smtp, &offset).await;
    let client = app.client();
    let report = fill_and_submit(&app, &client, &example("strong-company")).await;
    let html = get_page(&app, &client, &format!("{report}?lang=de")).await;
    assert!(html.contains(&format!("href=\"{report}/email?lang=de\"")));
    let page = get_page(&app, &client, &format!("{report}/email?lang=de")).await;
    assert!(page.contains("<html lang=\"de\">"));
    assert!(page.contains("Link zu meinem Bericht senden"), "{page}");
    assert!(page.contains(&format!("href=\"{report}?lang=de\"")));
    for english in [
        "Send me the link",
        "Remind me",
        "Back to your report",
        "Your address is used",
        "Skip to content",
    ] {
        assert!(
            !page.contains(english),
            "{english} on the German email page"
        );
    }

    // A typo is told in German, what was typed kept.
    let resp = client
        .post(app.url(&format!("{report}/email?lang=de")))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("what", "link"),
            ("to", "typed"),
            ("address", "jane at example"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 400);
    let refused = resp.text().await.expect("body");
    assert!(refused.contains("gültige E-Mail-Adresse"), "{refused}");
    assert!(refused.contains("value=\"jane at example\""));

    // A form that asks for neither, or for a reminder the page does not
    // offer, is told so in German, not with a general "form not read".
    for (form, says) in [
        (
            [("what", "newsletter"), ("months", "12")],
            "Wählen Sie, was wir senden sollen",
        ),
        (
            [("what", "reminder"), ("months", "7")],
            "Erinnerung in 6 oder in 12 Monaten",
        ),
    ] {
        let resp = client
            .post(app.url(&format!("{report}/email?lang=de")))
            .form(&[("csrf_token", csrf_token(&page).as_str()), form[0], form[1]])
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status(), 400);
        let refused = resp.text().await.expect("body");
        assert!(refused.contains("<html lang=\"de\">"), "{refused}");
        assert!(refused.contains(says), "{refused}");
    }

    // Sent in German, with a link that opens the report in German.
    let resp = client
        .post(app.url(&format!("{report}/email?lang=de")))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("what", "link"),
            ("to", "given"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 303);
    let done = get_page(&app, &client, &location(&resp)).await;
    assert!(
        done.contains("Der Link zu Ihrem Bericht ist unterwegs"),
        "{done}"
    );
    let got = smtp.wait_for(1, WAIT);
    assert_eq!(got.len(), 1);
    let text = body(&got[0]);
    assert!(text.contains("hier der Link zu Ihrem Bericht"), "{text}");
    assert!(
        text.contains(&app.url(&format!("{report}?lang=de"))),
        "{text}"
    );
}

#[actix_web::test]
async fn a_reminder_falls_due_only_when_the_months_have_passed() {
    let smtp = SmtpReceiver::start();
    let offset = Arc::new(AtomicI64::new(0));
    let app = app_with_email(&smtp, &offset).await;
    let client = app.client();
    let report = fill_and_submit(&app, &client, &example("average-company")).await;
    ask(
        &app,
        &client,
        &report,
        &[
            ("what", "reminder"),
            ("months", "6"),
            ("address", "sam@example.com"),
        ],
    )
    .await;
    std::thread::sleep(Duration::from_millis(500));
    assert!(smtp.messages().is_empty(), "not due yet");
    offset.fetch_add(150 * 86_400, Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(500));
    assert!(smtp.messages().is_empty(), "five months on: still not due");
    offset.fetch_add(40 * 86_400, Ordering::SeqCst);
    let got = smtp.wait_for(1, WAIT);
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].subject(),
        "Time to assess again: Dealbench Sales Benchmark"
    );
    assert!(body(&got[0]).contains(&app.url(&format!("{report}/again"))));

    // A reminder asked for and then deleted with its response goes with it.
    let report = fill_and_submit(&app, &client, &example("weak-company")).await;
    ask(
        &app,
        &client,
        &report,
        &[
            ("what", "reminder"),
            ("months", "12"),
            ("address", "kim@example.com"),
        ],
    )
    .await;
    assert_eq!(queued(&app, EmailKind::Reminder).await, 1);
    let id = report.trim_start_matches("/r/").to_string();
    assert!(app.delete(&id).await);
    assert_eq!(queued(&app, EmailKind::Reminder).await, 0);
}

#[actix_web::test]
async fn the_starter_is_told_once_when_the_team_report_has_enough_members() {
    let smtp = SmtpReceiver::start();
    let offset = Arc::new(AtomicI64::new(0));
    let app = app_with_email(&smtp, &offset).await;
    let starter = app.client();
    let report = fill_and_submit(&app, &starter, &example("strong-company")).await;
    accept(&app, &report).await;
    let offer = get_page(&app, &starter, &format!("{report}/team")).await;
    starter
        .post(app.url(&format!("{report}/team")))
        .form(&[("csrf_token", csrf_token(&offer))])
        .send()
        .await
        .expect("start");
    let links = get_page(&app, &starter, &format!("{report}/team")).await;
    let invite = path_of(&link_in(&links, "invite-link"));
    let team_report = path_of(&link_in(&links, "team-report-link"));
    let resp = starter
        .post(app.url(&format!("{report}/team/notify")))
        .form(&[
            ("csrf_token", csrf_token(&links).as_str()),
            ("to", "typed"),
            ("address", "lead@example.com"),
        ])
        .send()
        .await
        .expect("notify");
    assert_eq!(resp.status(), 303);
    assert!(location(&resp).ends_with("notify=queued&lang=en"));
    for (i, role) in ["rep", "rep", "manager"].iter().enumerate() {
        join_counted(
            &app,
            &invite,
            &colleague("weak-company", role, &format!("Member {i}")),
            false,
        )
        .await;
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(smtp.messages().is_empty(), "four members: not ready");
    // A fifth held for review counts toward nothing, not even this email...
    let fifth = join(
        &app,
        &invite,
        &colleague("average-company", "rep", "Member 4"),
        false,
    )
    .await;
    std::thread::sleep(Duration::from_millis(500));
    assert!(smtp.messages().is_empty(), "a held member: not ready");
    // ...until an operator accepts it.
    accept(&app, &fifth).await;
    let got = smtp.wait_for(1, WAIT);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].subject(), "Your team report is ready");
    assert_eq!(got[0].to, vec!["<lead@example.com>".to_string()]);
    assert!(body(&got[0]).contains(&app.url(&team_report)));
    join_counted(
        &app,
        &invite,
        &colleague("average-company", "rep", "Member 5"),
        false,
    )
    .await;
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(smtp.messages().len(), 1, "told once");
    // The address reached no page but the starter's own.
    let html = get_page(&app, &starter, &team_report).await;
    assert!(!html.contains("lead@example.com"));
}

#[actix_web::test]
async fn without_an_smtp_server_no_email_is_offered() {
    let app = spawn_app().await;
    let client = app.client();
    let report = fill_and_submit(&app, &client, &example("strong-company")).await;
    let html = get_page(&app, &client, &report).await;
    assert!(!html.contains("/email\""));
    assert!(!html.contains("Email me"));
    let resp = client
        .get(app.url(&format!("{report}/email")))
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), 404);
    let team = get_page(&app, &client, &format!("{report}/team")).await;
    assert!(!team.contains("Tell me when it is ready"));
}

#[actix_web::test]
async fn a_report_link_holder_sees_only_a_hint_of_the_address_given() {
    let smtp = SmtpReceiver::start();
    let offset = Arc::new(AtomicI64::new(0));
    let app = app_with_email(&smtp, &offset).await;
    let owner = app.client();
    let report = fill_and_submit(&app, &owner, &example("strong-company")).await;
    // Someone else who holds the link: every page it opens.
    let stranger = app.client();
    let email_page = get_page(&app, &stranger, &format!("{report}/email")).await;
    let offer = get_page(&app, &stranger, &format!("{report}/team")).await;
    stranger
        .post(app.url(&format!("{report}/team")))
        .form(&[("csrf_token", csrf_token(&offer))])
        .send()
        .await
        .expect("start a team");
    let team_page = get_page(&app, &stranger, &format!("{report}/team")).await;
    let again = get_page(&app, &stranger, &format!("{report}/again")).await;
    let resp = stranger
        .post(app.url(&format!("{report}/again")))
        .form(&[("csrf_token", csrf_token(&again))])
        .send()
        .await
        .expect("assess again");
    let draft = get_page(&app, &stranger, &location(&resp)).await;
    assert!(draft.contains("Jane Smith"), "the name is prefilled");
    for (what, html) in [
        ("email page", &email_page),
        ("team page", &team_page),
        ("report", &get_page(&app, &stranger, &report).await),
        ("assess-again questionnaire", &draft),
    ] {
        assert!(!html.contains("jane.smith"), "the {what} shows the address");
    }
    for html in [&email_page, &team_page] {
        assert!(html.contains("The address I gave with my answers (j•••@e•••.com)"));
        assert!(
            html.contains("value=\"given\" checked"),
            "chosen by default"
        );
        assert!(
            html.contains("name=\"address\" value=\"\""),
            "nothing prefilled"
        );
    }
    // Without a stored address there is nothing to choose.
    let mut answers = example("average-company");
    answers
        .as_object_mut()
        .expect("object")
        .remove("contact_email");
    let other = fill_and_submit(&app, &owner, &answers).await;
    let page = get_page(&app, &owner, &format!("{other}/email")).await;
    assert!(!page.contains("The address I gave"));
    let resp = owner
        .post(app.url(&format!("{other}/email")))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("what", "link"),
            ("to", "given"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 400);
    assert!(
        resp.text()
            .await
            .expect("body")
            .contains("You gave no email address")
    );
    assert_eq!(queued(&app, EmailKind::ReportLink).await, 0);
}

/// A client that says it comes from `address` (believed: the test server trusts
/// 127.0.0.1 as a proxy).
fn client_at(address: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", address.parse().expect("header"));
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("client")
}

/// Asks for the report link of `report` to `address`; returns the answer.
async fn ask_link(
    app: &TestApp,
    client: &reqwest::Client,
    report: &str,
    address: &str,
) -> reqwest::Response {
    let page = get_page(app, client, &format!("{report}/email")).await;
    client
        .post(app.url(&format!("{report}/email")))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("what", "link"),
            ("to", "typed"),
            ("address", address),
            // Nothing but the address is taken from the form.
            ("note", "Urgent: visit http://evil.example"),
        ])
        .send()
        .await
        .expect("post")
}

/// Submits a response through the API; returns its report path.
async fn report_of(app: &TestApp, name: &str) -> String {
    let resp = app
        .submit(&reqwest::Client::new(), &example(name))
        .send()
        .await
        .expect("submit");
    assert_eq!(resp.status(), 201);
    let created: serde_json::Value = resp.json().await.expect("json");
    format!("/r/{}", created["id"].as_str().expect("id"))
}

/// The seconds of a refusal's `Retry-After`, and its page.
async fn refusal(resp: reqwest::Response) -> (u64, String) {
    assert_eq!(resp.status(), 429);
    let wait = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    (wait, resp.text().await.expect("body"))
}

#[actix_web::test]
async fn asking_for_email_is_bounded_per_report_per_address_and_in_all() {
    let smtp = SmtpReceiver::start();
    let offset = Arc::new(AtomicI64::new(0));
    let app = spawn_app_set_up(Setup {
        synthetic: 20,
        email: EmailSettings {
            per_hour: 14,
            ..email_settings(&smtp, &offset)
        },
        integrity: dealbench::web::Integrity {
            trusted_proxies: dealbench::web::client::TrustedProxies::parse("127.0.0.1")
                .expect("proxy"),
            ..dealbench::web::Integrity::default()
        },
        ..Setup::default()
    })
    .await;
    let mut reports = Vec::new();
    for name in [
        "strong-company",
        "weak-company",
        "average-company",
        "strong-company",
        "weak-company",
        "average-company",
    ] {
        reports.push(report_of(&app, name).await);
    }
    let (a, b, c) = (
        client_at("198.51.100.1"),
        client_at("198.51.100.2"),
        client_at("198.51.100.3"),
    );
    let mut accepted = 0;

    // Per report: three an hour, whichever page asks.
    for i in 0..3 {
        let to = format!("first{i}@example.com");
        assert_eq!(ask_link(&app, &a, &reports[0], &to).await.status(), 303);
        accepted += 1;
    }
    let (wait, page) = refusal(ask_link(&app, &a, &reports[0], "fourth@example.com").await).await;
    assert!((3500..=3600).contains(&wait), "{wait}");
    assert!(page.contains("This report has asked for 3 emails in the last hour"));
    assert!(
        page.contains("Please try again in 60 minutes, after "),
        "{page}"
    );
    assert!(
        page.contains("value=\"fourth@example.com\""),
        "what they typed is kept"
    );
    assert!(page.contains("id=\"link-to-typed\" name=\"to\" value=\"typed\" checked"));
    let offer = get_page(&app, &a, &format!("{}/team", reports[0])).await;
    a.post(app.url(&format!("{}/team", reports[0])))
        .form(&[("csrf_token", csrf_token(&offer))])
        .send()
        .await
        .expect("start a team");
    let links = get_page(&app, &a, &format!("{}/team", reports[0])).await;
    let resp = a
        .post(app.url(&format!("{}/team/notify", reports[0])))
        .form(&[
            ("csrf_token", csrf_token(&links).as_str()),
            ("to", "typed"),
            ("address", "lead@example.com"),
        ])
        .send()
        .await
        .expect("notify");
    let (_, page) = refusal(resp).await;
    assert!(
        page.contains("This report has asked for 3 emails"),
        "the same bound"
    );
    assert!(page.contains("value=\"lead@example.com\""));
    assert!(
        page.contains("Invitation for your colleagues"),
        "the team page"
    );

    // Per client address: ten an hour over all reports.
    for report in &reports[1..3] {
        for i in 0..3 {
            let to = format!("more{i}@example.com");
            assert_eq!(ask_link(&app, &a, report, &to).await.status(), 303);
            accepted += 1;
        }
    }
    assert_eq!(
        ask_link(&app, &a, &reports[3], "tenth@example.com")
            .await
            .status(),
        303
    );
    accepted += 1;
    let (_, page) = refusal(ask_link(&app, &a, &reports[3], "x@example.com").await).await;
    assert!(
        page.contains("10 emails have been asked for from your network"),
        "{page}"
    );
    // Another address may still ask for that report.
    assert_eq!(
        ask_link(&app, &b, &reports[3], "b@example.com")
            .await
            .status(),
        303
    );
    accepted += 1;

    // In all: the configured fourteen an hour.
    for i in 0..3 {
        let to = format!("last{i}@example.com");
        assert_eq!(ask_link(&app, &b, &reports[4], &to).await.status(), 303);
        accepted += 1;
    }
    assert_eq!(accepted, 14);
    let (wait, page) = refusal(ask_link(&app, &c, &reports[5], "c@example.com").await).await;
    assert!(page.contains("The study has sent as many emails in the last hour as it may"));
    assert!(wait <= 3600, "{wait}");

    // Nothing refused was queued or sent, and no message carries the form's text.
    std::thread::sleep(Duration::from_millis(500));
    let sent = smtp.messages();
    assert!(sent.len() <= accepted, "{} sent", sent.len());
    assert!(sent.iter().all(|m| !body(m).contains("evil.example")));
    assert!(
        sent.iter()
            .all(|m| m.to != vec!["<fourth@example.com>".to_string()]),
        "a refused request is not sent"
    );

    // The window slides: an hour on, the first report may ask again.
    offset.fetch_add(3601, Ordering::SeqCst);
    assert_eq!(
        ask_link(&app, &a, &reports[0], "later@example.com")
            .await
            .status(),
        303
    );
}

#[actix_web::test]
async fn the_bounds_are_counted_in_the_database_that_servers_share() {
    let smtp = SmtpReceiver::start();
    let offset = Arc::new(AtomicI64::new(0));
    let first = app_with_email(&smtp, &offset).await;
    let report = report_of(&first, "strong-company").await;
    let client = first.client();
    for i in 0..3 {
        let to = format!("n{i}@example.com");
        assert_eq!(ask_link(&first, &client, &report, &to).await.status(), 303);
    }
    // A second server on the same database counts the same requests.
    let second = spawn_app_set_up(Setup {
        email: email_settings(&smtp, &offset),
        db: Some(Arc::clone(&first.database)),
        ..Setup::default()
    })
    .await;
    let client = second.client();
    let (_, page) = refusal(ask_link(&second, &client, &report, "x@example.com").await).await;
    assert!(page.contains("This report has asked for 3 emails"));
}

#[actix_web::test]
async fn two_servers_on_one_database_send_each_queued_message_once() {
    let Some(db) = common::database::postgres_or_skip("two outboxes on one database") else {
        return;
    };
    let db = Arc::new(db);
    let smtp = SmtpReceiver::start();
    let offset = Arc::new(AtomicI64::new(0));
    // Both servers' outboxes poll the one queue every 50 ms.
    let first = spawn_app_set_up(Setup {
        email: email_settings(&smtp, &offset),
        db: Some(Arc::clone(&db)),
        ..Setup::default()
    })
    .await;
    let second = spawn_app_set_up(Setup {
        email: email_settings(&smtp, &offset),
        db: Some(db),
        ..Setup::default()
    })
    .await;
    let names = [
        "strong-company",
        "weak-company",
        "average-company",
        "mixed-vp-of-sales",
    ];
    let mut asked = Vec::new();
    for i in 0..8usize {
        let app = if i.is_multiple_of(2) { &first } else { &second };
        let report = report_of(app, names[i % names.len()]).await;
        let to = format!("once{i}@example.com");
        assert_eq!(
            ask_link(app, &app.client(), &report, &to).await.status(),
            303
        );
        asked.push(format!("<{to}>"));
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while smtp.messages().len() < asked.len() && std::time::Instant::now() < deadline {
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    // Both workers poll a while longer: a second copy would arrive now.
    actix_web::rt::time::sleep(Duration::from_secs(1)).await;
    let mut sent: Vec<String> = smtp.messages().iter().flat_map(|m| m.to.clone()).collect();
    sent.sort();
    asked.sort();
    assert_eq!(sent, asked, "every message sent, each once");
}
