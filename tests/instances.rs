//! Several `serve` processes on one PostgreSQL database behave as one service:
//! a submission through either is in both servers' peer figures (checked
//! against a brute force over the database), a console session opened on one
//! works on the other, a deletion through one leaves the response in neither's
//! figures; and a kill -9 of one server under load loses no acknowledged
//! submission while the other keeps serving.
//!
//! The limits that count requests count them through both servers alike: the
//! console's sign-in throttle, and the questionnaires an address may start and
//! submit.
//!
//! Each test starts two servers (the real binary, or two in this process, each
//! with a study and a pool of its own) on a database of its own on the test
//! server (`DEALBENCH_TEST_POSTGRES`, started by `.ci/test`).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use dealbench::domain::peer::{IndexKind, PeerStanding};
use dealbench::domain::scoring::Scorecard;
use serde_json::Value;

use std::sync::Arc;

use common::{
    PASSWORD, Setup, TestApp, TestDatabase, add_operator, csrf_token, example, fill_and_submit,
    get_page, location, manifest_path, page_fields, post_page, spawn_app_set_up,
};

/// A `serve` process, killed when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }
}

fn dealbench(args: &[&str], db: &TestDatabase, stdin: Option<&str>) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dealbench"))
        .args(args)
        .args(["--db", &db.arg()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dealbench runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write");
    }
    let out = child.wait_with_output().expect("it ends");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn serve(db: &TestDatabase) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dealbench"))
        .args(["serve", "--port", "0", "--submissions-per-hour", "0"])
        .args(["--db", &db.arg()])
        .arg("--questionnaire")
        .arg(manifest_path(common::STUDY))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the address line");
    let address = line
        .trim()
        .strip_prefix("Dealbench is running at ")
        .unwrap_or_else(|| panic!("the server prints its address, not {line:?}"))
        .trim_end_matches('/')
        .to_string();
    Server { child, address }
}

/// A respondent's answers as the API takes them: a synthetic company's, so
/// that no two submissions are alike.
fn answers(seed: u64) -> Value {
    let q = common::study();
    dealbench::domain::synthetic::respondent(&q, seed)
        .without_contact(&q)
        .to_json(&q)
}

async fn submit(client: &reqwest::Client, server: &Server, key: &str, body: &Value) -> Value {
    let resp = client
        .post(server.url("/api/v2/responses"))
        .bearer_auth(key)
        .json(body)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 201, "{:?}", resp.text().await);
    resp.json().await.expect("json")
}

/// A percentile by linear interpolation, written out again for the check.
fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = p / 100.0 * (sorted.len() - 1) as f64;
    let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo as f64))
}

/// Checks a fresh submission's standing against a brute force over every
/// other response in the database: group size, medians and relative
/// performance of every index.
fn assert_standing_is_the_brute_force(db: &TestDatabase, created: &Value, server: &str) {
    let q = common::study();
    let id = created["id"].as_str().expect("id");
    let standing: PeerStanding =
        serde_json::from_value(created["peer_standing"].clone()).expect("standing");
    let card: Scorecard = serde_json::from_value(created["scorecard"].clone()).expect("card");
    assert!(standing.found, "{server}");
    let others: Vec<[Option<f64>; 6]> = db
        .responses()
        .into_iter()
        .filter(|(rid, choices, held, _, _)| {
            let profile = common::profile_of(&q, choices);
            rid != id
                && !held
                && standing
                    .dimensions
                    .iter()
                    .all(|(d, v)| profile.get(d) == Some(v))
        })
        .map(|r| r.4)
        .collect();
    assert_eq!(
        standing.group_size,
        others.len(),
        "{server}: group size of {:?}",
        standing.dimensions
    );
    for (position, kind) in IndexKind::ALL.into_iter().enumerate() {
        let mut scores: Vec<f64> = others.iter().filter_map(|s| s[position]).collect();
        scores.sort_by(f64::total_cmp);
        assert_eq!(
            standing.median(kind),
            percentile(&scores, 50.0),
            "{server}: {kind:?} median"
        );
        let expected = kind.of(&card).map(|mine| {
            scores.iter().filter(|s| **s <= mine).count() as f64 / scores.len() as f64 * 100.0
        });
        assert_eq!(
            standing.relative_performance(kind),
            expected,
            "{server}: {kind:?} relative performance"
        );
    }
}

/// Submits through `server` until its standing matches the brute force over
/// the database (another server's submissions reach it within a second);
/// each try is a submission, so the brute force counts them too.
async fn probe(db: &TestDatabase, client: &reqwest::Client, server: &Server, key: &str, seed: u64) {
    // The figures settle within a second; a probe sent earlier would see
    // fewer responses than the database holds.
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let created = submit(client, server, key, &answers(seed)).await;
    assert_standing_is_the_brute_force(
        db,
        &created,
        &format!("probe {seed} on {}", server.address),
    );
}

/// The session cookie a sign-in sets.
fn session_cookie(resp: &reqwest::Response) -> String {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| {
            c.split('=')
                .next()
                .is_some_and(|n| n.ends_with("dealbench_session"))
        })
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_string()
}

#[actix_web::test]
async fn two_servers_on_one_database_behave_as_one_service() {
    let Some(db) = common::database::postgres_or_skip("two servers on one database") else {
        return;
    };
    dealbench(&["demo", "--respondents", "60"], &db, None);
    let key = dealbench(&["api-key", "add", "two-servers"], &db, None)
        .trim()
        .to_string();
    dealbench(&["operator", "add", "ops"], &db, Some(common::PASSWORD));
    let (a, b) = (serve(&db), serve(&db));
    // A new connection per request: a kept one may have been closed by the
    // server meanwhile.
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");

    // Submissions through both; each one's standing counts every other.
    for seed in 0..20 {
        let server = if seed % 2 == 0 { &a } else { &b };
        submit(&client, server, &key, &answers(1_000 + seed)).await;
    }
    // The service promises every submission in every server's figures within
    // a second: the probes come that second after the last one.
    actix_web::rt::time::sleep(std::time::Duration::from_secs(1)).await;
    probe(&db, &client, &a, &key, 2_000).await;
    actix_web::rt::time::sleep(std::time::Duration::from_secs(1)).await;
    probe(&db, &client, &b, &key, 2_001).await;

    // A console session opened on one server works on the other.
    let console = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client");
    let page = console
        .get(a.url("/admin/login"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    let signed_in = console
        .post(a.url("/admin/login"))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("name", "ops"),
            ("password", common::PASSWORD),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(signed_in.status(), 303);
    let cookie = session_cookie(&signed_in);
    let on_b = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let responses_page = on_b
        .get(b.url("/admin/responses"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("console on b");
    assert_eq!(responses_page.status(), 200, "the session of a works on b");
    let token = csrf_token(&responses_page.text().await.expect("body"));

    // A deletion through one server leaves the response in neither's figures.
    let doomed: Vec<String> = db.responses().into_iter().map(|r| r.0).take(5).collect();
    for id in &doomed {
        let resp = on_b
            .post(b.url(&format!("/admin/responses/{id}/delete")))
            .header("cookie", &cookie)
            .form(&[("csrf_token", token.as_str()), ("confirm", "yes")])
            .send()
            .await
            .expect("delete");
        assert_eq!(resp.status(), 303);
    }
    probe(&db, &client, &a, &key, 3_000).await;
    probe(&db, &client, &b, &key, 3_001).await;

    // An API key revoked with the command line stops working on both.
    dealbench(&["api-key", "revoke", "two-servers"], &db, None);
    for server in [&a, &b] {
        let resp = client
            .post(server.url("/api/v2/responses"))
            .bearer_auth(&key)
            .json(&answers(4_000))
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status(), 401, "{}", server.address);
    }
}

#[actix_web::test]
async fn a_kill_9_of_one_server_under_load_loses_no_acknowledged_submission() {
    let Some(db) = common::database::postgres_or_skip("a server killed beside another") else {
        return;
    };
    let key = dealbench(&["api-key", "add", "kill-test"], &db, None)
        .trim()
        .to_string();
    let (mut a, b) = (serve(&db), serve(&db));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client");
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    // The clients run until told to stop: a loaded machine may take a while
    // to acknowledge the first submissions, and the kill waits for them.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut tasks = Vec::new();
    for worker in 0..8u64 {
        let (client, key, acknowledged, stop) = (
            client.clone(),
            key.clone(),
            acknowledged.clone(),
            Arc::clone(&stop),
        );
        let urls = [a.url("/api/v2/responses"), b.url("/api/v2/responses")];
        tasks.push(actix_web::rt::spawn(async move {
            let mut seed = worker * 100_000;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                seed += 1;
                let url = &urls[(seed % 2) as usize];
                let Ok(resp) = client
                    .post(url)
                    .bearer_auth(&key)
                    .json(&answers(seed))
                    .send()
                    .await
                else {
                    continue;
                };
                if resp.status() == 201
                    && let Ok(body) = resp.json::<Value>().await
                    && let Some(id) = body["id"].as_str()
                {
                    acknowledged.lock().expect("lock").push(id.to_string());
                }
            }
        }));
    }
    // Under load for a second and a half at least, and until a peer group's
    // worth of submissions are acknowledged (within a minute), so that the
    // probe at the end has a group to be checked against.
    let started = Instant::now();
    let group = common::study().peer_group_minimum;
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    while acknowledged.lock().expect("lock").len() < group
        && started.elapsed() < Duration::from_secs(60)
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    a.child.kill().expect("kill -9");
    let killed_at = acknowledged.lock().expect("lock").len();
    // The survivor keeps acknowledging (within a minute).
    let killed = Instant::now();
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    while acknowledged.lock().expect("lock").len() <= killed_at
        && killed.elapsed() < Duration::from_secs(60)
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for task in tasks {
        task.await.expect("client");
    }
    let acknowledged = acknowledged.lock().expect("lock").clone();
    assert!(
        killed_at > 0,
        "submissions were acknowledged before the kill"
    );
    assert!(
        acknowledged.len() > killed_at,
        "the other server kept acknowledging after the kill"
    );
    let stored: std::collections::HashSet<String> =
        db.responses().into_iter().map(|r| r.0).collect();
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|id| !stored.contains(*id))
        .collect();
    assert!(lost.is_empty(), "acknowledged but not stored: {lost:?}");
    // The survivor still serves, and its figures hold every stored response
    // a second later (the service's promise), the killed server's last ones
    // included.
    tokio::time::sleep(Duration::from_secs(1)).await;
    probe(&db, &client, &b, &key, 9_000_000).await;
}

/// Two servers in this process on one PostgreSQL database of their own, each
/// set up by `setup`; none without the test server.
async fn two_servers_in_process(
    what: &str,
    setup: impl Fn(Arc<TestDatabase>) -> Setup,
) -> Option<(TestApp, TestApp)> {
    let db = Arc::new(common::database::postgres_or_skip(what)?);
    let first = spawn_app_set_up(setup(Arc::clone(&db))).await;
    let second = spawn_app_set_up(setup(db)).await;
    Some((first, second))
}

/// One sign-in attempt on `app`, with a client of its own.
async fn sign_in(app: &TestApp, password: &str) -> reqwest::Response {
    let client = app.client();
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
            ("name", "ops"),
            ("password", password),
        ])
        .send()
        .await
        .expect("sign-in")
}

#[actix_web::test]
async fn the_sign_in_throttle_counts_failures_through_both_servers() {
    use dealbench::study::throttle::PER_PAIR;
    let Some((first, second)) =
        two_servers_in_process("the sign-in throttle across servers", |db| Setup {
            db: Some(db),
            ..Setup::default()
        })
        .await
    else {
        return;
    };
    add_operator(&first, "ops").await;
    let on = |i: usize| if i.is_multiple_of(2) { &first } else { &second };

    // A sign-in with the right password through one server forgets the
    // failures counted through both.
    for i in 0..PER_PAIR - 1 {
        assert_eq!(sign_in(on(i), "wrong guess").await.status(), 401);
    }
    assert_eq!(sign_in(&second, PASSWORD).await.status(), 303);

    // Then the failures alternate between the servers: together they reach the
    // limit, and each server refuses the address, the right password too.
    for i in 0..PER_PAIR {
        assert_eq!(sign_in(on(i), "wrong guess").await.status(), 401, "{i}");
    }
    for app in [&first, &second] {
        let resp = sign_in(app, PASSWORD).await;
        assert_eq!(resp.status(), 429);
        let wait: u64 = resp
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .expect("Retry-After in seconds");
        assert!((1..=15 * 60).contains(&wait), "{wait}");
        assert!(
            resp.text()
                .await
                .expect("body")
                .contains("Too many failed attempts")
        );
    }
}

/// Starts a questionnaire on `app` and fills every page but the last; returns
/// the last page's answer to "submit".
async fn submit_through(app: &TestApp) -> reqwest::Response {
    let q = common::study();
    let answers = example("strong-company");
    let client = app.client();
    let mut path = common::start(app, &client).await;
    for page in 1..=q.sections.len() {
        let html = get_page(app, &client, &path).await;
        let last = page == q.sections.len();
        let resp = post_page(
            app,
            &client,
            &path,
            &csrf_token(&html),
            &page_fields(&q, &answers, page),
            if last { "submit" } else { "next" },
        )
        .await;
        if last {
            return resp;
        }
        assert_eq!(resp.status(), 303, "page {page}");
        path = location(&resp);
    }
    unreachable!("the questionnaire has pages")
}

/// Starts a questionnaire on `app` with a client of its own; the status.
async fn start_on(app: &TestApp) -> u16 {
    let client = app.client();
    let html = get_page(app, &client, "/").await;
    client
        .post(app.url("/s"))
        .form(&[("csrf_token", csrf_token(&html).as_str())])
        .send()
        .await
        .expect("start")
        .status()
        .as_u16()
}

#[actix_web::test]
async fn an_address_s_questionnaires_are_counted_through_both_servers() {
    // Two submissions an hour, so eight questionnaires started.
    let Some((first, second)) =
        two_servers_in_process("the submission limits across servers", |db| Setup {
            db: Some(db),
            integrity: dealbench::web::Integrity {
                submissions_per_hour: 2,
                ..dealbench::web::Integrity::default()
            },
            ..Setup::default()
        })
        .await
    else {
        return;
    };
    let report = fill_and_submit(&first, &first.client(), &example("weak-company")).await;
    assert!(report.starts_with("/r/"));
    let report = fill_and_submit(&second, &second.client(), &example("average-company")).await;
    assert!(report.starts_with("/r/"));
    // The third submission is over the limit, through whichever server.
    let refused = submit_through(&first).await;
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    assert_eq!(first.response_count().await, 2, "nothing more was stored");

    // Three questionnaires were started; five more may be, then neither server
    // starts one.
    for i in 0..5u32 {
        let app = if i.is_multiple_of(2) { &second } else { &first };
        assert_eq!(start_on(app).await, 303, "{i}");
    }
    assert_eq!(start_on(&second).await, 429);
    assert_eq!(start_on(&first).await, 429);
}

/// A response submitted through the API of `app`; its report id.
async fn submitted_through(app: &TestApp, answers: &Value) -> String {
    let resp = app
        .submit(&reqwest::Client::new(), answers)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 201);
    let created: Value = resp.json().await.expect("json");
    created["id"].as_str().expect("id").to_string()
}

#[actix_web::test]
async fn a_near_duplicate_through_the_other_server_is_held() {
    let Some((first, second)) =
        two_servers_in_process("the near-duplicate check across servers", |db| Setup {
            synthetic: 0,
            db: Some(db),
            ..Setup::default()
        })
        .await
    else {
        return;
    };
    let original = submitted_through(&first, &example("average-company")).await;
    let other = submitted_through(&second, &example("strong-company")).await;
    let repeat = submitted_through(&second, &example("average-company")).await;
    let rows = first.stored_rows();
    let flags = |id: &str| {
        let row = rows.iter().find(|r| r.id == id).expect("stored");
        (row.held, row.flags.clone())
    };
    assert_eq!(flags(&original), (false, String::new()));
    assert_eq!(flags(&other), (false, String::new()));
    assert_eq!(flags(&repeat), (true, "near_duplicate".to_string()));
}

#[actix_web::test]
async fn the_periodic_draft_expiry_runs_on_one_server_of_two() {
    let Some((first, second)) =
        two_servers_in_process("the periodic jobs across servers", |db| Setup {
            db: Some(db),
            ..Setup::default()
        })
        .await
    else {
        return;
    };
    for app in [&first, &second, &first] {
        assert_eq!(start_on(app).await, 303);
    }
    // Each server ran the hourly job as it started: one of them did. With a
    // period of five seconds, the next run is due five seconds on.
    let period = Duration::from_secs(5);
    tokio::time::sleep(period + Duration::from_millis(200)).await;
    let (a, b) = tokio::join!(
        first.study.expire_drafts_periodically(0.0, period),
        second.study.expire_drafts_periodically(0.0, period)
    );
    let mut runs = [a.expect("first"), b.expect("second")];
    runs.sort();
    assert_eq!(
        runs,
        [None, Some(3)],
        "one server ran it, and deleted all three"
    );
    // Claimed now: not again within the period, through either server.
    for app in [&first, &second] {
        assert_eq!(
            app.study
                .expire_drafts_periodically(0.0, period)
                .await
                .expect("run"),
            None
        );
    }
    assert_eq!(
        first.count("SELECT count(*) FROM drafts WHERE $1 = $1", "x"),
        0
    );
}

/// The quality flags of a stored response, read from the database.
fn flags_of(db: &TestDatabase, id: &str) -> String {
    let rows = db.texts(&format!("SELECT flags FROM responses WHERE id = '{id}'"));
    rows.first()
        .and_then(|r| r.first().cloned().flatten())
        .unwrap_or_default()
}

/// An address with the near-duplicate memory's cap of responses (1,000) within
/// the window has each further one held as "too many from this address",
/// through either server, however it learnt that; and once its oldest leave
/// the window its responses count again on both, without a restart.
#[actix_web::test]
async fn an_address_at_its_cap_is_held_on_both_servers_only_until_its_oldest_leave_the_window() {
    let Some(db) = common::database::postgres_or_skip("an address at its cap") else {
        return;
    };
    let key = dealbench(&["api-key", "add", "cap-test"], &db, None)
        .trim()
        .to_string();
    let (a, b) = (serve(&db), serve(&db));
    let client = reqwest::Client::new();
    let first = submit(&client, &a, &key, &answers(1)).await;
    let first = first["id"].as_str().expect("id").to_string();
    assert!(
        !flags_of(&db, &first).contains("too_many"),
        "the first is not held"
    );
    // The cap's worth from this address, all leaving the 24-hour window eight
    // seconds from now.
    db.execute(
        "INSERT INTO recent_submissions (address, at, choices)
             SELECT address, at, choices FROM recent_submissions, generate_series(1, 999);
         UPDATE recent_submissions
             SET at = (extract(epoch FROM now()) * 1000)::bigint - 86400000 + 8000",
    );
    let aged = Instant::now();
    for (n, server) in [&a, &b, &a, &b].into_iter().enumerate() {
        let held = submit(&client, server, &key, &answers(10 + n as u64)).await;
        let id = held["id"].as_str().expect("id");
        assert!(
            flags_of(&db, id).contains("too_many_from_address"),
            "held at the cap on {}",
            server.address
        );
    }
    assert!(
        aged.elapsed() < Duration::from_secs(8),
        "the servers were too slow for this test's window"
    );
    tokio::time::sleep(Duration::from_secs(9).saturating_sub(aged.elapsed())).await;
    for (n, server) in [&a, &b].into_iter().enumerate() {
        let counted = submit(&client, server, &key, &answers(20 + n as u64)).await;
        let id = counted["id"].as_str().expect("id");
        assert!(
            !flags_of(&db, id).contains("too_many"),
            "counted again on {} once the oldest left the window",
            server.address
        );
    }
}
