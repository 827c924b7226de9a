//! Email through a real SMTP conversation with a receiver on 127.0.0.1: the
//! report link on request (and a retry after the server refuses it), "your team
//! report is ready" once enough colleagues answered, and a reminder to assess
//! again that falls due only when the clock has moved on. Without an SMTP
//! server, nothing is offered.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use common::smtp::{Received, SmtpReceiver};
use common::teams::{colleague, join, link_in, path_of};
use common::{
    Setup, TestApp, csrf_token, example, fill_and_submit, get_page, location, spawn_app,
    spawn_app_set_up,
};
use dealbench::study::outbox::{Clock, EmailSettings};
use dealbench::study::records::EmailKind;

const WAIT: Duration = Duration::from_secs(15);

/// A server that sends email through `smtp`, reading the time from a clock the
/// test moves by `offset` seconds.
async fn app_with_email(smtp: &SmtpReceiver, offset: &Arc<AtomicI64>) -> TestApp {
    let offset = offset.clone();
    spawn_app_set_up(Setup {
        synthetic: 20,
        email: EmailSettings {
            smtp_url: Some(smtp.url()),
            from: "Dealbench <study@example.org>".into(),
            poll: Duration::from_millis(50),
            clock: Clock::from_fn(move || {
                time::OffsetDateTime::now_utc()
                    + time::Duration::seconds(offset.load(Ordering::SeqCst))
            }),
        },
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
    assert!(html.contains(&format!("href=\"{report}/email\"")));
    let page = get_page(&app, &client, &format!("{report}/email")).await;
    assert!(
        page.contains("value=\"jane.smith@example.com\""),
        "their own address, prefilled"
    );
    let forged = client
        .post(app.url(&format!("{report}/email")))
        .form(&[("what", "link"), ("address", "x@example.com")])
        .send()
        .await
        .expect("post");
    assert_eq!(forged.status(), 403);

    ask(
        &app,
        &client,
        &report,
        &[("what", "link"), ("address", "jane.smith@example.com")],
    )
    .await;
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
        &[("what", "link"), ("address", "jane.smith@example.com")],
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
            ("address", "jane at example"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 400);
    assert!(
        resp.text()
            .await
            .expect("body")
            .contains("valid email address")
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
            ("address", "lead@example.com"),
        ])
        .send()
        .await
        .expect("notify");
    assert_eq!(resp.status(), 303);
    assert!(location(&resp).ends_with("notify=queued"));
    for (i, role) in ["rep", "rep", "manager"].iter().enumerate() {
        join(
            &app,
            &invite,
            &colleague("weak-company", role, &format!("Member {i}")),
            false,
        )
        .await;
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(smtp.messages().is_empty(), "four members: not ready");
    join(
        &app,
        &invite,
        &colleague("average-company", "rep", "Member 4"),
        false,
    )
    .await;
    let got = smtp.wait_for(1, WAIT);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].subject(), "Your team report is ready");
    assert_eq!(got[0].to, vec!["<lead@example.com>".to_string()]);
    assert!(body(&got[0]).contains(&app.url(&team_report)));
    join(
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
