//! Trust, probed as an attacker and a careful operator would: the sign-in
//! throttle under parallel guesses, the server's memory after many failed
//! sign-ins, deletion that leaves nothing in any database file (nor in anything
//! started from the deleted response), peer figures that stay exact after
//! deletions, exports that open no report, limits on anonymous submissions, API
//! keys, and data-quality holds.

mod common;

use common::{PASSWORD, add_operator};

use common::{
    Setup, TestApp, csrf_token, example, fill_and_submit, location, page_fields, post_page,
    spawn_app_configured, spawn_app_set_up, spawn_app_with, start, study,
};
use dealbench::domain::peer::{IndexKind, PeerStanding};
use dealbench::domain::questionnaire::ItemKind;
use dealbench::domain::scoring::Scorecard;
use dealbench::study::throttle::PER_PAIR;
use dealbench::web::Integrity;
use dealbench::web::client::TrustedProxies;
use serde_json::{Value, json};

/// A client whose requests all claim to come from `forwarded_for` (believed only
/// when the server trusts the connection as a proxy).
fn client_from(forwarded_for: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "x-forwarded-for",
        forwarded_for.parse().expect("header value"),
    );
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("client")
}

async fn login_token(app: &TestApp, client: &reqwest::Client) -> String {
    let page = client
        .get(app.url("/admin/login"))
        .send()
        .await
        .expect("login page");
    csrf_token(&page.text().await.expect("body"))
}

async fn login(app: &TestApp, client: &reqwest::Client, password: &str) -> reqwest::Response {
    let token = login_token(app, client).await;
    client
        .post(app.url("/admin/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("name", "ops"),
            ("password", password),
        ])
        .send()
        .await
        .expect("login")
}

async fn signed_in(app: &TestApp) -> reqwest::Client {
    add_operator(app, "ops").await;
    let client = app.client();
    let resp = login(app, &client, PASSWORD).await;
    assert_eq!(resp.status(), 303, "sign-in");
    client
}

async fn submit(app: &TestApp, answers: &Value) -> Value {
    let resp = app
        .submit(&reqwest::Client::new(), answers)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 201);
    resp.json().await.expect("json")
}

/// The peak resident memory of this process, in KiB.
fn peak_memory_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

#[actix_web::test]
async fn parallel_wrong_guesses_are_checked_at_most_the_limit_and_lock_out_nobody_else() {
    // Every connection comes from 127.0.0.1, a trusted proxy here: the connection
    // cap per address (tested elsewhere) is lifted so that it is the sign-in
    // throttle that answers.
    let app = spawn_app_set_up(Setup {
        integrity: Integrity {
            trusted_proxies: TrustedProxies::parse("127.0.0.1").expect("proxy"),
            ..Integrity::default()
        },
        limits: dealbench::web::Limits {
            connections_per_address: 0,
            ..dealbench::web::Limits::default()
        },
        ..Setup::default()
    })
    .await;
    add_operator(&app, "ops").await;
    let attacker = client_from("203.0.113.66");
    let token = login_token(&app, &attacker).await;
    let guesses: Vec<_> = (0..300)
        .map(|i| {
            let (client, url, token) = (attacker.clone(), app.url("/admin/login"), token.clone());
            actix_web::rt::spawn(async move {
                client
                    .post(url)
                    .form(&[
                        ("csrf_token", token.as_str()),
                        ("name", "ops"),
                        ("password", &format!("guess number {i}")),
                    ])
                    .send()
                    .await
                    .expect("guess")
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut checked = 0;
    for g in guesses {
        match g.await.expect("task") {
            401 => checked += 1,
            429 | 503 => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(checked >= 1, "some guesses are checked");
    assert!(
        checked <= PER_PAIR,
        "{checked} guesses were checked; the limit is {PER_PAIR}"
    );
    // 300 password checks at once would take gigabytes (argon2 uses ~19 MiB each).
    let peak_mib = peak_memory_kib() / 1024;
    assert!(peak_mib < 1024, "peak memory {peak_mib} MiB");

    // Guesses refused as busy were not counted; one at a time, the rest of the
    // allowance runs out...
    for _ in checked..PER_PAIR {
        assert_eq!(login(&app, &attacker, "one more guess").await.status(), 401);
    }
    // ...and then the address is locked out, even with the right password...
    let resp = login(&app, &attacker, PASSWORD).await;
    assert_eq!(resp.status(), 429);
    assert!(resp.headers().contains_key("retry-after"));
    // ...but the operator, elsewhere, signs in.
    let operator = client_from("198.51.100.20");
    assert_eq!(login(&app, &operator, PASSWORD).await.status(), 303);
}

/// The resident memory of process `pid`, in KiB (`VmRSS`).
fn resident_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .expect("the server's resident memory")
}

/// A `dealbench serve` process, ended when dropped.
struct ServerProcess {
    child: std::process::Child,
    base: String,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the real binary on 127.0.0.1, trusting 127.0.0.1 as a proxy so that
/// `X-Forwarded-For` names each simulated client.
fn serve_binary(db: &std::path::Path) -> ServerProcess {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dealbench"))
        .args(["serve", "--bind", "127.0.0.1", "--port", "0"])
        .args(["--trusted-proxies", "127.0.0.1"])
        .args(["--max-connections-per-address", "0"])
        .arg("--questionnaire")
        .arg(common::manifest_path(common::STUDY))
        .arg("--db")
        .arg(db)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dealbench runs");
    let stdout = child.stdout.take().expect("stdout");
    let mut server = ServerProcess {
        child,
        base: String::new(),
    };
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("a line");
        if let Some(url) = line.strip_prefix("Dealbench is running at ") {
            server.base = url.trim_end_matches('/').to_string();
            break;
        }
    }
    assert!(
        server.base.starts_with("http://127.0.0.1:"),
        "the server did not start"
    );
    server
}

#[actix_web::test]
async fn failed_sign_ins_from_many_addresses_leave_the_server_memory_where_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("signin.db");
    {
        let admin = dealbench::study::Administration::open(db.as_path())
            .await
            .expect("database");
        let hash = dealbench::study::operators::hash_password(PASSWORD).expect("hash");
        assert!(admin.add_operator("ops", &hash).await.expect("operator"));
    }
    let server = serve_binary(&db);
    let pid = server.child.id();
    let client = reqwest::Client::new();
    let login = format!("{}/admin/login", server.base);
    assert_eq!(client.get(&login).send().await.expect("get").status(), 200);
    let before = resident_kib(pid);

    // 300 wrong passwords from 30 addresses, ten each (within every throttle
    // limit, so each one is checked), six at a time.
    let token = "0123456789abcdef".repeat(4);
    let attempts = 300;
    let in_flight = 6;
    let mut workers = Vec::new();
    for w in 0..in_flight {
        let (client, login, token) = (client.clone(), login.clone(), token.clone());
        workers.push(actix_web::rt::spawn(async move {
            let mut statuses = Vec::new();
            for i in (w..attempts).step_by(in_flight) {
                // The operator's own name a few times (under the account's
                // backoff), unknown names otherwise: both cost one check.
                let name = if i % 50 == 0 {
                    "ops".to_string()
                } else {
                    format!("op{i}")
                };
                loop {
                    let status = client
                        .post(&login)
                        .header("cookie", format!("dealbench_csrf={token}"))
                        .header("x-forwarded-for", format!("198.51.100.{}", i % 30 + 1))
                        .form(&[
                            ("csrf_token", token.as_str()),
                            ("name", name.as_str()),
                            ("password", &format!("wrong guess {i}")),
                        ])
                        .send()
                        .await
                        .expect("sign-in")
                        .status()
                        .as_u16();
                    // Busy: the check never ran; ask again, as a person would.
                    if status != 503 {
                        statuses.push(status);
                        break;
                    }
                    actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
                }
            }
            statuses
        }));
    }
    let mut checked = 0;
    for w in workers {
        for status in w.await.expect("task") {
            assert_eq!(status, 401, "every guess is checked and refused");
            checked += 1;
        }
    }
    assert_eq!(checked, attempts);
    let after = resident_kib(pid);
    let grown_mib = after.saturating_sub(before) / 1024;
    assert!(
        grown_mib < 100,
        "resident memory grew by {grown_mib} MiB ({before} KiB to {after} KiB) over {attempts} failed sign-ins"
    );
}

/// Starts a questionnaire as `client`; the status of the start.
async fn start_status(app: &TestApp, client: &reqwest::Client) -> u16 {
    let html = client
        .get(app.url("/"))
        .send()
        .await
        .expect("landing")
        .text()
        .await
        .expect("body");
    client
        .post(app.url("/s"))
        .form(&[("csrf_token", csrf_token(&html))])
        .send()
        .await
        .expect("start")
        .status()
        .as_u16()
}

#[actix_web::test]
async fn forwarded_addresses_with_ports_are_each_their_own_client_behind_a_trusted_proxy() {
    // One submission an hour: four starts per address.
    let app = spawn_app_set_up(Setup {
        integrity: Integrity {
            trusted_proxies: TrustedProxies::parse("127.0.0.1").expect("proxy"),
            submissions_per_hour: 1,
            ..Integrity::default()
        },
        ..Setup::default()
    })
    .await;
    // Eight clients as proxies write them: with ports, in brackets, behind an
    // `unknown` the client put in front. None shares another's allowance.
    for forwarded in [
        "203.0.113.7:5151",
        "[2001:db8::1]:443",
        "203.0.113.8:1",
        "unknown, 203.0.113.9",
        "[2001:db8::2]",
        "203.0.113.10:80",
        "garbage, 203.0.113.11:9",
        "2001:db8::3",
    ] {
        let status = start_status(&app, &client_from(forwarded)).await;
        assert_eq!(status, 303, "{forwarded}");
    }
    // One client on several ports is one client: its fifth start waits.
    for port in 1..=4 {
        let client = client_from(&format!("198.51.100.5:{port}"));
        assert_eq!(start_status(&app, &client).await, 303, "{port}");
    }
    let client = client_from("198.51.100.5:5");
    assert_eq!(start_status(&app, &client).await, 429);
}

#[actix_web::test]
async fn a_forged_forwarding_header_does_not_escape_the_throttle() {
    // No trusted proxy: X-Forwarded-For is the client's word, and ignored.
    let app = spawn_app_with(0).await;
    add_operator(&app, "ops").await;
    for i in 0..PER_PAIR {
        let client = client_from(&format!("192.0.2.{i}"));
        assert_eq!(
            login(&app, &client, "wrong wrong wrong").await.status(),
            401
        );
    }
    let client = client_from("192.0.2.200");
    assert_eq!(login(&app, &client, PASSWORD).await.status(), 429);
}

#[actix_web::test]
async fn sessions_are_stored_hashed_and_end_after_their_absolute_lifetime() {
    let app = spawn_app_with(0).await;
    add_operator(&app, "ops").await;
    let client = app.client();
    let resp = login(&app, &client, PASSWORD).await;
    assert_eq!(resp.status(), 303);
    let cookie = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            let (name, rest) = c.split_once('=')?;
            name.ends_with("dealbench_session")
                .then(|| rest.split(';').next().unwrap_or("").to_string())
        })
        .expect("a session cookie");
    assert_eq!(
        client
            .get(app.url("/admin"))
            .send()
            .await
            .expect("get")
            .status(),
        200
    );
    let stored = app.database.texts("SELECT id FROM sessions");
    let [stored] = <[Vec<Option<String>>; 1]>::try_from(stored).expect("one session");
    let stored = stored[0].clone().expect("an id");
    assert_ne!(stored, cookie, "the session id is not stored in clear");
    let hashed: String = {
        use sha2::Digest;
        sha2::Sha256::digest(cookie.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    assert_eq!(stored, hashed, "only its SHA-256 is");
    // Signed in long ago and busy ever since: the session is over.
    app.database
        .execute("UPDATE sessions SET created_at = '2000-01-01T00:00:00.000Z'");
    let resp = client.get(app.url("/admin")).send().await.expect("get");
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/admin/login");
}

/// Whether any of the database's files contains `needle` (an SQLite file: on
/// PostgreSQL the README says what a deletion leaves where).
fn in_database_files(app: &TestApp, needle: &str) -> Vec<String> {
    if common::sqlite_only("the deleted content is looked for in the database's files") {
        return Vec::new();
    }
    let mut found = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let path = format!("{}{suffix}", app.database.path().display());
        if let Ok(bytes) = std::fs::read(&path)
            && bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        {
            found.push(path);
        }
    }
    found
}

#[actix_web::test]
async fn deletion_leaves_no_contact_detail_in_any_database_file() {
    let app = spawn_app_with(12).await;
    let q = study();
    let (name, company, email) = (
        "Zebulon Quagmire",
        "Quixotic Widgets Ltd",
        "zq.unique@example.org",
    );
    let mut answers = example("strong-company");
    answers["contact_name"] = json!(name);
    answers["contact_company"] = json!(company);
    answers["contact_email"] = json!(email);

    // A submitted questionnaire, and one left after its first page.
    let respondent = app.client();
    let report = fill_and_submit(&app, &respondent, &answers).await;
    let report_id = report.trim_start_matches("/r/").to_string();
    let unfinished = app.client();
    let first = start(&app, &unfinished).await;
    let html = common::get_page(&app, &unfinished, &first).await;
    let resp = post_page(
        &app,
        &unfinished,
        &first,
        &csrf_token(&html),
        &page_fields(&q, &answers, 1),
        "next",
    )
    .await;
    assert_eq!(resp.status(), 303);
    let draft_id = first.split('/').nth(2).expect("draft id").to_string();
    for needle in [name, company, email] {
        assert!(
            common::backend() == common::Backend::Postgres
                || !in_database_files(&app, needle).is_empty(),
            "{needle} is stored before deletion"
        );
    }

    // The operator finds both by the email, and the draft by its resume link.
    let console = signed_in(&app).await;
    let html = console
        .get(app.url(&format!("/admin/responses?q={email}")))
        .send()
        .await
        .expect("search")
        .text()
        .await
        .expect("body");
    assert!(html.contains("Unfinished questionnaire"), "{html}");
    assert!(html.contains("z***@example.org"), "the email is masked");
    let token = csrf_token(&html);
    for action in [
        format!("/admin/responses/{report_id}/delete"),
        format!("/admin/drafts/{draft_id}/delete"),
    ] {
        assert!(html.contains(&action), "{action} offered");
        let resp = console
            .post(app.url(&action))
            .form(&[("csrf_token", token.as_str()), ("confirm", "yes")])
            .send()
            .await
            .expect("delete");
        assert_eq!(resp.status(), 303, "{action}");
    }
    let found_by_link = console
        .get(app.url(&format!("/admin/responses?q={}", app.url(&first))))
        .send()
        .await
        .expect("search")
        .text()
        .await
        .expect("body");
    assert!(found_by_link.contains("Nothing matches"));

    for needle in [name, company, email, "zq.unique"] {
        assert_eq!(
            in_database_files(&app, needle),
            Vec::<String>::new(),
            "{needle} left behind"
        );
    }
    // The log names who deleted which pseudonym, and nothing else.
    let log: Vec<(String, String, String)> = app
        .database
        .texts("SELECT operator, kind, pseudonym FROM deletion_log ORDER BY deleted_at")
        .into_iter()
        .map(|r| {
            let text = |i: usize| r[i].clone().expect("text");
            (text(0), text(1), text(2))
        })
        .collect();
    assert_eq!(
        log,
        [
            (
                "ops".to_string(),
                "response".to_string(),
                app.study.pseudonym(&report_id)
            ),
            (
                "ops".to_string(),
                "draft".to_string(),
                app.study.pseudonym(&draft_id)
            ),
        ]
    );
    assert!(!app.study.pseudonym(&report_id).contains(&report_id));
}

#[actix_web::test]
async fn deleting_a_response_deletes_what_was_started_from_it_and_its_queued_emails() {
    let smtp = common::smtp::SmtpReceiver::start();
    let app = spawn_app_set_up(Setup {
        synthetic: 12,
        email: dealbench::study::outbox::EmailSettings {
            smtp_url: Some(smtp.url()),
            poll: std::time::Duration::from_millis(50),
            ..dealbench::study::outbox::EmailSettings::default()
        },
        ..Setup::default()
    })
    .await;
    let (name, company, email, lead) = (
        "Ottoline Vexley",
        "Marmalade Pylons plc",
        "ov.unique@example.org",
        "lead.unique@example.org",
    );
    let mut answers = example("strong-company");
    answers["contact_name"] = json!(name);
    answers["contact_company"] = json!(company);
    answers["contact_email"] = json!(email);
    let respondent = app.client();
    let report = fill_and_submit(&app, &respondent, &answers).await;
    let report_id = report.trim_start_matches("/r/").to_string();

    // "Assess again": a questionnaire started from the response, with its name
    // and company (not its email: anyone with the report link can start one).
    let page = common::get_page(&app, &respondent, &format!("{report}/again")).await;
    let resp = respondent
        .post(app.url(&format!("{report}/again")))
        .form(&[("csrf_token", csrf_token(&page))])
        .send()
        .await
        .expect("again");
    assert_eq!(resp.status(), 303);
    let again = location(&resp);
    let draft = common::get_page(&app, &respondent, &again).await;
    assert!(draft.contains(name) && draft.contains(company), "prefilled");
    assert!(!draft.contains(email), "the address is not copied");

    // A reminder to their address, and a team whose starter asked to be told.
    let page = common::get_page(&app, &respondent, &format!("{report}/email")).await;
    let resp = respondent
        .post(app.url(&format!("{report}/email")))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("what", "reminder"),
            ("months", "12"),
            ("to", "given"),
        ])
        .send()
        .await
        .expect("reminder");
    assert_eq!(resp.status(), 303);
    let page = common::get_page(&app, &respondent, &format!("{report}/team")).await;
    let resp = respondent
        .post(app.url(&format!("{report}/team")))
        .form(&[("csrf_token", csrf_token(&page))])
        .send()
        .await
        .expect("team");
    assert_eq!(resp.status(), 303);
    let page = common::get_page(&app, &respondent, &format!("{report}/team")).await;
    let resp = respondent
        .post(app.url(&format!("{report}/team/notify")))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("to", "typed"),
            ("address", lead),
        ])
        .send()
        .await
        .expect("notify");
    assert_eq!(resp.status(), 303);
    for needle in [name, company, email, lead] {
        assert!(
            common::backend() == common::Backend::Postgres
                || !in_database_files(&app, needle).is_empty(),
            "{needle} is stored before deletion"
        );
    }

    // The console deletes the response by its link.
    let console = signed_in(&app).await;
    let html = console
        .get(app.url(&format!("/admin/responses?q={}", app.url(&report))))
        .send()
        .await
        .expect("search")
        .text()
        .await
        .expect("body");
    let resp = console
        .post(app.url(&format!("/admin/responses/{report_id}/delete")))
        .form(&[
            ("csrf_token", csrf_token(&html).as_str()),
            ("confirm", "yes"),
        ])
        .send()
        .await
        .expect("delete");
    assert_eq!(resp.status(), 303);

    // The questionnaire started from it is gone with it, and so are its emails.
    let resp = respondent.get(app.url(&again)).send().await.expect("draft");
    assert_eq!(resp.status(), 404, "the draft made from it is deleted");
    let body = resp.text().await.expect("body");
    assert!(!body.contains(name) && !body.contains(company));
    for kind in [
        dealbench::study::records::EmailKind::Reminder,
        dealbench::study::records::EmailKind::TeamReady,
    ] {
        assert_eq!(app.study.queued_emails(kind).await.expect("count"), 0);
    }
    for needle in [name, company, email, lead, "ov.unique", "Vexley"] {
        assert_eq!(
            in_database_files(&app, needle),
            Vec::<String>::new(),
            "{needle} left behind"
        );
    }
    assert!(smtp.messages().is_empty(), "nothing was due");
}

#[actix_web::test]
async fn a_submitted_questionnaire_keeps_no_second_copy_and_unfinished_ones_expire() {
    let app = spawn_app_with(0).await;
    let mut answers = example("strong-company");
    answers["contact_email"] = json!("second.copy@example.org");
    fill_and_submit(&app, &app.client(), &answers).await;
    let client = app.client();
    let first = start(&app, &client).await;
    let copies = app.count(
        "SELECT COUNT(*) FROM drafts WHERE response_id IS NOT NULL AND answers <> $1",
        "{}",
    );
    assert_eq!(copies, 0);

    let expired = app.study.expire_drafts(0.0).await.expect("expire");
    assert_eq!(expired, 1, "only the unfinished questionnaire expires");
    let resp = client.get(app.url(&first)).send().await.expect("get");
    assert_eq!(resp.status(), 404);
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

#[actix_web::test]
async fn peer_figures_after_deletions_equal_a_brute_force_over_the_remaining_rows() {
    let app = spawn_app_with(40).await;
    let console = signed_in(&app).await;
    let rows = app.stored_rows();
    let token = csrf_token(
        &console
            .get(app.url("/admin/responses"))
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("body"),
    );
    for row in rows.iter().step_by(3) {
        let resp = console
            .post(app.url(&format!("/admin/responses/{}/delete", row.id)))
            .form(&[("csrf_token", token.as_str()), ("confirm", "yes")])
            .send()
            .await
            .expect("delete");
        assert_eq!(resp.status(), 303);
    }

    // The remaining rows, read back at full precision (the profile is derived
    // from each row's stored choices).
    let after = app.stored_rows();
    let remaining: Vec<(Value, bool, Vec<Option<f64>>)> = after
        .iter()
        .map(|r| {
            (
                serde_json::to_value(&r.profile).expect("profile"),
                r.held,
                r.scores.to_vec(),
            )
        })
        .collect();
    assert_eq!(remaining.len(), 40 - 40_usize.div_ceil(3));

    let created = submit(&app, &example("average-company")).await;
    let standing: PeerStanding =
        serde_json::from_value(created["peer_standing"].clone()).expect("standing");
    let card: Scorecard = serde_json::from_value(created["scorecard"].clone()).expect("card");
    let group: Vec<&Vec<Option<f64>>> = remaining
        .iter()
        .filter(|(profile, held, _)| {
            !held
                && standing
                    .dimensions
                    .iter()
                    .all(|(d, v)| profile[d].as_str() == Some(v.as_str()))
        })
        .map(|(_, _, scores)| scores)
        .collect();
    assert!(standing.found);
    assert_eq!(standing.group_size, group.len(), "group size");
    for (position, kind) in IndexKind::ALL.into_iter().enumerate() {
        let mut scores: Vec<f64> = group.iter().filter_map(|s| s[position]).collect();
        scores.sort_by(f64::total_cmp);
        let expected_median = percentile(&scores, 50.0);
        assert_eq!(standing.median(kind), expected_median, "{kind:?} median");
        let expected_relative = kind.of(&card).map(|mine| {
            scores.iter().filter(|s| **s <= mine).count() as f64 / scores.len() as f64 * 100.0
        });
        assert_eq!(
            standing.relative_performance(kind),
            expected_relative,
            "{kind:?} relative performance"
        );
    }
}

#[actix_web::test]
async fn exports_carry_a_pseudonym_that_joins_them_and_opens_nothing() {
    let app = spawn_app_with(12).await;
    let console = signed_in(&app).await;
    let ids: Vec<String> = [
        submit(&app, &example("strong-company")).await,
        submit(&app, &example("weak-company")).await,
    ]
    .iter()
    .map(|c| c["id"].as_str().expect("id").to_string())
    .collect();
    let mut pseudonyms = Vec::new();
    for kind in ["scores", "answers"] {
        let csv = common::get_page(
            &app,
            &console,
            &format!("/admin/export/{kind}.csv?synthetic=on"),
        )
        .await;
        assert!(csv.starts_with("pseudonym,"), "{kind}");
        for id in &ids {
            assert!(
                !csv.contains(id.as_str()),
                "{kind} export carries a report id"
            );
        }
        let mut column: Vec<String> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap_or("").to_string())
            .collect();
        column.sort();
        pseudonyms.push(column);
    }
    assert_eq!(
        pseudonyms[0], pseudonyms[1],
        "the exports join on the pseudonym"
    );
    for id in &ids {
        let p = app.study.pseudonym(id);
        assert!(pseudonyms[0].contains(&p));
        let resp = reqwest::get(app.url(&format!("/r/{p}")))
            .await
            .expect("get");
        assert_eq!(resp.status(), 404, "a pseudonym opens no report");
    }
}

#[actix_web::test]
async fn the_api_needs_an_issued_key_and_the_browser_is_limited_per_address() {
    let app = spawn_app_configured(
        12,
        Integrity {
            submissions_per_hour: 1,
            ..Integrity::default()
        },
    )
    .await;
    let answers = example("average-company");
    let client = reqwest::Client::new();
    for auth in [None, Some("Bearer not-a-key"), Some("Basic b3BzOm9wcw==")] {
        let mut req = client.post(app.url("/api/v2/responses")).json(&answers);
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        let resp = req.send().await.expect("post");
        assert_eq!(resp.status(), 401, "{auth:?}");
        assert_eq!(resp.headers()["www-authenticate"], "Bearer");
        let body: Value = resp.json().await.expect("json");
        assert!(body["error"].as_str().expect("error").contains("API key"));
    }
    // A key works as often as needed; revoked, it works no more.
    for _ in 0..3 {
        submit(&app, &answers).await;
    }
    let revoked = app
        .study
        .administration()
        .revoke_api_key("tests")
        .await
        .expect("revoke");
    assert!(revoked);
    let resp = app.submit(&client, &answers).send().await.expect("post");
    assert_eq!(resp.status(), 401);
    let before = app.response_count().await;

    // In the browser: one submission an hour from this address; the second is
    // refused with the answers kept, and starts are limited at four an hour.
    fill_and_submit(&app, &app.client(), &answers).await;
    let q = study();
    let browser = app.client();
    let mut path = start(&app, &browser).await;
    for page in 1..=q.sections.len() {
        let html = common::get_page(&app, &browser, &path).await;
        let last = page == q.sections.len();
        let resp = post_page(
            &app,
            &browser,
            &path,
            &csrf_token(&html),
            &page_fields(&q, &answers, page),
            if last { "submit" } else { "next" },
        )
        .await;
        if last {
            assert_eq!(resp.status(), 429);
            assert!(resp.headers().contains_key("retry-after"));
            let text = resp.text().await.expect("body");
            assert!(text.contains("Your answers are saved"), "{text}");
        } else {
            path = location(&resp);
        }
    }
    assert_eq!(app.response_count().await, before + 1);
    let draft = path.split('/').nth(2).expect("draft").to_string();
    let saved = app.draft(&draft).await.expect("draft");
    assert_eq!(saved.page, q.sections.len(), "the last page was saved");
    // Two starts so far; two more are allowed, then a wait.
    start(&app, &app.client()).await;
    start(&app, &app.client()).await;
    let landing = app.client();
    let html = landing
        .get(app.url("/"))
        .send()
        .await
        .expect("landing")
        .text()
        .await
        .expect("body");
    let resp = landing
        .post(app.url("/s"))
        .form(&[("csrf_token", csrf_token(&html))])
        .send()
        .await
        .expect("start");
    assert_eq!(resp.status(), 429);
}

/// Answers that put every rating question at the same position of its scale.
fn straight_lined() -> Value {
    let q = study();
    let mut answers = example("average-company");
    for item in &q.items {
        let rating = matches!(
            item.kind,
            ItemKind::Agreement | ItemKind::Importance | ItemKind::Frequency
        );
        if rating && item.dimension.is_none() {
            answers[&item.id] = json!(item.options[3].id);
        }
    }
    answers
}

/// The same peer profile as the average example, with other answers.
fn in_average_profile(name: &str) -> Value {
    let mut answers = example(name);
    let profile = example("average-company");
    for dim in ["industry", "company_size", "region", "sales_model"] {
        answers[dim] = profile[dim].clone();
    }
    answers
}

fn held_flags(app: &TestApp, id: &str) -> (bool, String) {
    let row = app
        .stored_rows()
        .into_iter()
        .find(|r| r.id == id)
        .expect("stored");
    (row.held, row.flags)
}

#[actix_web::test]
async fn flagged_responses_stay_out_of_peer_figures_until_an_operator_accepts_them() {
    let app = spawn_app_with(30).await;
    let first = submit(&app, &example("average-company")).await;
    let size = |c: &Value| c["peer_standing"]["group_size"].as_u64().expect("size");
    let duplicate = submit(&app, &example("average-company")).await;
    let straight = submit(&app, &straight_lined()).await;
    let dup_id = duplicate["id"].as_str().expect("id");
    assert_eq!(held_flags(&app, dup_id), (true, "near_duplicate".into()));
    let (held, flags) = held_flags(&app, straight["id"].as_str().expect("id"));
    assert!(held && flags.contains("straight_liner"), "{flags}");
    assert_eq!(
        held_flags(&app, first["id"].as_str().expect("id")),
        (false, String::new())
    );
    // The held ones still get their report.
    let report = reqwest::get(app.url(&format!("/r/{dup_id}")))
        .await
        .expect("report");
    assert_eq!(report.status(), 200);

    let next = submit(&app, &in_average_profile("weak-company")).await;
    assert_eq!(size(&next), size(&first) + 1, "only the first one counts");

    let console = signed_in(&app).await;
    let html = console
        .get(app.url("/admin/held"))
        .send()
        .await
        .expect("held")
        .text()
        .await
        .expect("body");
    assert!(html.contains("almost the same answers as another recent response"));
    assert!(html.contains("the same answer on nearly every rating question"));
    let resp = console
        .post(app.url(&format!("/admin/responses/{dup_id}/accept")))
        .form(&[("csrf_token", csrf_token(&html))])
        .send()
        .await
        .expect("accept");
    assert_eq!(resp.status(), 303);
    assert!(!held_flags(&app, dup_id).0, "accepted");
    let after = submit(&app, &in_average_profile("strong-company")).await;
    assert_eq!(size(&after), size(&next) + 2, "the accepted one counts now");
}

#[actix_web::test]
async fn an_exact_repeat_after_many_other_responses_from_the_address_is_still_held() {
    let app = spawn_app_with(30).await;
    let q = study();
    let first = submit(&app, &example("average-company")).await;
    // Thirty different responses from the same address in between, seconds apart.
    for seed in 0..30 {
        let other = dealbench::domain::synthetic::respondent(&q, 5_000 + seed).to_json(&q);
        let created = submit(&app, &other).await;
        let (_, flags) = held_flags(&app, created["id"].as_str().expect("id"));
        assert!(!flags.contains("near_duplicate"), "{seed}: {flags}");
    }
    let repeat = submit(&app, &example("average-company")).await;
    assert_eq!(
        held_flags(&app, repeat["id"].as_str().expect("id")),
        (true, "near_duplicate".into())
    );
    assert_eq!(
        held_flags(&app, first["id"].as_str().expect("id")),
        (false, String::new())
    );
}

#[actix_web::test]
async fn a_browser_response_finished_too_fast_is_held_as_a_speeder() {
    let app = spawn_app_with(0).await;
    let report = fill_and_submit(&app, &app.client(), &example("strong-company")).await;
    let (held, flags) = held_flags(&app, report.trim_start_matches("/r/"));
    assert!(held);
    assert!(flags.contains("speeder"), "{flags}");
}
