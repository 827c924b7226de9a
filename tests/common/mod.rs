//! Starting the real server for integration tests: a random port, a fresh
//! database of the test's own (SQLite, or PostgreSQL: see [`database`]), HTTP
//! from the outside.
#![allow(dead_code)]

pub mod database;
pub mod smtp;
pub mod teams;

// Not every test file uses every helper.
#[allow(unused_imports)]
pub use database::{Backend, TestDatabase, backend, sqlite_only};

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dealbench::domain::Questionnaire;
use dealbench::study::Study;

pub const STUDY: &str = "questionnaires/dealbench-v1.toml";

pub fn manifest_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

pub struct TestApp {
    pub address: String,
    /// An API key issued for scripted submissions.
    pub api_key: String,
    pub study: Arc<Study>,
    /// The test's database, read straight by checks by brute force.
    pub database: Arc<TestDatabase>,
}

impl TestApp {
    /// A client that keeps cookies and does not follow redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// A request that submits answers through the API with the test's key.
    pub fn submit(
        &self,
        client: &reqwest::Client,
        answers: &serde_json::Value,
    ) -> reqwest::RequestBuilder {
        client
            .post(self.url("/api/v2/responses"))
            .bearer_auth(&self.api_key)
            .json(answers)
    }

    pub async fn response_count(&self) -> i64 {
        let count = self.study.response_count().await.expect("count");
        i64::try_from(count).expect("a count")
    }

    /// A draft by its resume id, as the study reads it.
    pub async fn draft(&self, id: &str) -> Option<dealbench::study::records::Draft> {
        let id = dealbench::domain::ids::LinkId::parse(id).expect("a resume id");
        self.study.draft(&id).await.expect("read")
    }

    /// Deletes a response as an operator would in the console.
    pub async fn delete(&self, id: &str) -> bool {
        let id = dealbench::domain::ids::LinkId::parse(id).expect("a report id");
        self.study
            .delete_response(&id, "operator")
            .await
            .expect("delete")
    }

    /// Every stored response, read straight from the database (not through
    /// the study), for checks by brute force.
    pub fn stored_rows(&self) -> Vec<StoredRow> {
        let q = study();
        self.database
            .responses()
            .into_iter()
            .map(|(id, choices, held, flags, scores)| StoredRow {
                id,
                profile: profile_of(&q, &choices),
                held,
                flags,
                scores,
            })
            .collect()
    }

    /// A count read straight from the database: `sql` with `$1` bound to `key`.
    pub fn count(&self, sql: &str, key: &str) -> i64 {
        self.database.count(sql, key)
    }

    /// A stored response by its report id, as the study reads it.
    pub async fn stored(&self, id: &str) -> Option<dealbench::study::records::StoredResponse> {
        let id = dealbench::domain::ids::ResponseId::parse(id).expect("a report id");
        self.study.response(&id).await.expect("read")
    }
}

/// A response as stored, read by brute force (see [`TestApp::stored_rows`]).
#[derive(Debug, Clone)]
pub struct StoredRow {
    pub id: String,
    /// Peer dimension -> option id.
    pub profile: std::collections::BTreeMap<String, String>,
    pub held: bool,
    pub flags: String,
    /// overall, value, number, win_rate, sales_cycle, personal.
    pub scores: [Option<f64>; 6],
}

/// The peer profile of stored choices (one byte per item: option index + 1).
pub fn profile_of(q: &Questionnaire, choices: &[u8]) -> std::collections::BTreeMap<String, String> {
    q.dimensions()
        .filter_map(|(dim, item)| {
            let pos = q.item_position(&item.id)?;
            let chosen = usize::from(*choices.get(pos)?).checked_sub(1)?;
            Some((dim.to_string(), item.options.get(chosen)?.id.clone()))
        })
        .collect()
}

/// Starts the server with `synthetic` demo respondents already in its database.
pub async fn spawn_app_with(synthetic: usize) -> TestApp {
    spawn_app_set_up(Setup {
        synthetic,
        ..Setup::default()
    })
    .await
}

/// Starts the server with demo respondents and the given integrity settings.
pub async fn spawn_app_configured(
    synthetic: usize,
    integrity: dealbench::web::Integrity,
) -> TestApp {
    spawn_app_set_up(Setup {
        synthetic,
        integrity,
        ..Setup::default()
    })
    .await
}

/// How a test server is set up beyond the defaults.
#[derive(Default)]
pub struct Setup {
    pub synthetic: usize,
    /// The configured public URL (default: the listener's address).
    pub public_url: Option<&'static str>,
    pub limits: dealbench::web::Limits,
    pub store: dealbench::study::records::StoreOptions,
    pub integrity: dealbench::web::Integrity,
    pub email: dealbench::study::outbox::EmailSettings,
    /// An existing database to serve (another server may serve it too); default:
    /// a fresh one.
    pub db: Option<Arc<TestDatabase>>,
    /// A questionnaire file whose folder is the study's catalogue, as `serve
    /// --questionnaire` reads it; default: the shipped questionnaire alone.
    pub questionnaire: Option<PathBuf>,
}

/// Starts the server with settings.
pub async fn spawn_app_set_up(setup: Setup) -> TestApp {
    // A second server on a database gets a key of its own.
    let key_name = match setup.db {
        Some(_) => format!("tests-{}", uuid::Uuid::new_v4().simple()),
        None => "tests".to_string(),
    };
    let database = setup.db.unwrap_or_else(TestDatabase::new);
    let study = match &setup.questionnaire {
        Some(file) => {
            Study::open_catalogue(
                dealbench::domain::Catalogue::load_for(file).expect("catalogue"),
                database.database.clone(),
                &setup.store,
            )
            .await
        }
        None => {
            Study::open_with(
                Questionnaire::load(&manifest_path(STUDY)).expect("study"),
                database.database.clone(),
                &setup.store,
            )
            .await
        }
    }
    .expect("open");
    if setup.synthetic > 0 {
        study
            .add_synthetic(setup.synthetic, 42)
            .await
            .expect("demo data");
    }
    // Scripted submissions need an API key, issued as an operator would.
    let api_key = study
        .administration()
        .issue_api_key(&key_name)
        .await
        .expect("api key")
        .expect("a new name");
    let study = Arc::new(study);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let mut settings = dealbench::web::Settings::for_listener(&listener).expect("settings");
    if let Some(url) = setup.public_url {
        settings.public_url = url.parse().expect("a valid public URL");
    }
    settings.limits = setup.limits;
    settings.integrity = setup.integrity;
    settings.email = setup.email;
    let server = dealbench::web::serve_with(listener, study.clone(), settings).expect("server");
    actix_web::rt::spawn(server);
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        api_key,
        study,
        database,
    }
}

/// Starts the server with the questionnaire file `questionnaire` on
/// `database`, which may already hold responses (of another version).
pub async fn spawn_app_on(questionnaire: &str, database: &Arc<TestDatabase>) -> TestApp {
    // As `serve` does: every version in the file's folder.
    let catalogue =
        dealbench::domain::Catalogue::load_for(&manifest_path(questionnaire)).expect("study");
    let study = Arc::new(
        Study::open_catalogue(
            catalogue,
            database.database.clone(),
            &dealbench::study::records::StoreOptions::default(),
        )
        .await
        .expect("open"),
    );
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = dealbench::web::serve(listener, study.clone()).expect("server");
    actix_web::rt::spawn(server);
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        api_key: String::new(),
        study,
        database: Arc::clone(database),
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(0).await
}

/// The answers of an example file, as JSON.
pub fn example(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(manifest_path(&format!(
        "questionnaires/examples/{name}.json"
    )))
    .expect("example");
    serde_json::from_str(&text).expect("json")
}

/// The CSRF token in a page's form.
pub fn csrf_token(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("a form with a CSRF token") + marker.len();
    html[start..start + 64].to_string()
}

pub fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("location")
        .expect("a redirect")
        .to_str()
        .expect("ascii")
        .to_string()
}

// ---- The questionnaire in the browser, as a form-posting client ----

/// Loaded once per test binary: with its translations it takes a while to
/// build, and some tests ask for it per request they send.
pub fn study() -> dealbench::domain::Questionnaire {
    static LOADED: std::sync::OnceLock<dealbench::domain::Questionnaire> =
        std::sync::OnceLock::new();
    LOADED
        .get_or_init(|| {
            dealbench::domain::Questionnaire::load(&manifest_path(STUDY)).expect("study")
        })
        .clone()
}

/// The form fields of one page, from an answers file.
pub fn page_fields(
    q: &dealbench::domain::Questionnaire,
    answers: &serde_json::Value,
    page: usize,
) -> Vec<(String, String)> {
    q.sections[page - 1]
        .items
        .iter()
        .filter_map(|&i| {
            let id = &q.items[i].id;
            answers.get(id).map(|v| {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (id.clone(), text)
            })
        })
        .collect()
}

/// Opens the landing page and starts a questionnaire; returns the first page's URL.
pub async fn start(app: &TestApp, client: &reqwest::Client) -> String {
    let landing = client.get(app.url("/")).send().await.expect("landing");
    assert_eq!(landing.status(), 200);
    let html = landing.text().await.expect("body");
    assert!(
        html.contains("About 15 minutes"),
        "the landing page says how long it takes"
    );
    assert!(html.contains("What happens to your answers"));
    let token = csrf_token(&html);
    let resp = client
        .post(app.url("/s"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .expect("start");
    assert_eq!(resp.status(), 303);
    let first = location(&resp);
    assert!(first.starts_with("/s/") && first.ends_with("/1"), "{first}");
    first
}

pub async fn get_page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let resp = client.get(app.url(path)).send().await.expect("page");
    assert_eq!(resp.status(), 200, "{path}");
    resp.text().await.expect("body")
}

pub async fn post_page(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    token: &str,
    fields: &[(String, String)],
    action: &str,
) -> reqwest::Response {
    let mut form: Vec<(String, String)> = fields.to_vec();
    form.push(("csrf_token".into(), token.into()));
    form.push(("action".into(), action.into()));
    client
        .post(app.url(path))
        .form(&form)
        .send()
        .await
        .expect("post")
}

/// Fills every page with an example's answers and submits; returns the report path.
pub async fn fill_and_submit(
    app: &TestApp,
    client: &reqwest::Client,
    answers: &serde_json::Value,
) -> String {
    let q = study();
    let mut path = start(app, client).await;
    let draft = path.split('/').nth(2).expect("draft id").to_string();
    for page in 1..=q.sections.len() {
        assert_eq!(path, format!("/s/{draft}/{page}"));
        let html = get_page(app, client, &path).await;
        assert!(html.contains(&format!("Page {page} of {}", q.sections.len())));
        let action = if page == q.sections.len() {
            "submit"
        } else {
            "next"
        };
        let resp = post_page(
            app,
            client,
            &path,
            &csrf_token(&html),
            &page_fields(&q, answers, page),
            action,
        )
        .await;
        assert_eq!(
            resp.status(),
            303,
            "page {page}: {}",
            resp.text().await.unwrap_or_default()
        );
        path = location(&resp);
    }
    assert!(path.starts_with("/r/"), "{path}");
    path
}

/// The password of the operators tests add.
pub const PASSWORD: &str = "a long enough password";

/// Adds an operator with [`PASSWORD`], as `dealbench operator add` would.
pub async fn add_operator(app: &TestApp, name: &str) {
    add_operator_with(app, name, PASSWORD).await;
}

/// Adds an operator with a password, as `dealbench operator add` would.
pub async fn add_operator_with(app: &TestApp, name: &str, password: &str) {
    let hash = dealbench::study::operators::hash_password(password).expect("hash");
    assert!(
        app.study
            .administration()
            .add_operator(name, &hash)
            .await
            .expect("add")
    );
}

/// The text `pdftotext` reads from a PDF, pages separated by form feeds;
/// `None` (the caller skips) without poppler, except under CI, where it is
/// required.
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, pdf).expect("write the PDF");
    match std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
    {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext failed");
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(e) if std::env::var_os("CI").is_none() => {
            println!("skipped: pdftotext is not available ({e})");
            None
        }
        Err(e) => panic!("pdftotext is needed in CI: {e}"),
    }
}

/// A database of `responses` demo respondents at `db`, closed and with its
/// write-ahead log copied in, so that the file alone holds it.
pub fn closed_database(db: &Path, responses: usize) {
    // On a thread of its own: the writes block, and a test may run this on an
    // async runtime.
    std::thread::scope(|s| {
        s.spawn(|| {
            actix_web::rt::System::new().block_on(async {
                let study = Study::open(study(), db).await.expect("open");
                study.add_synthetic(responses, 7).await.expect("demo data");
            });
        });
    });
    // The study's threads close their connections in their own time: copy the
    // log in once none is reading it.
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .expect("busy timeout");
    for _ in 0..100 {
        let busy: i64 = conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
            .expect("checkpoint");
        if busy == 0 {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!(
        "the write-ahead log of {} could not be copied in",
        db.display()
    );
}

/// The page size of an SQLite file, from its header.
fn page_size(bytes: &[u8]) -> usize {
    match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        n => usize::from(n),
    }
}

/// Writes 512 random bytes (from a fixed seed) at the start of each of `pages`
/// (numbered from 1) of the SQLite file `db`.
pub fn damage_pages(db: &Path, pages: impl IntoIterator<Item = usize>) {
    let mut bytes = std::fs::read(db).expect("read");
    let size = page_size(&bytes);
    let mut rng = fastrand::Rng::with_seed(7);
    for page in pages {
        let start = (page - 1) * size;
        assert!(start + 512 <= bytes.len(), "page {page} is not in the file");
        for b in &mut bytes[start..start + 512] {
            *b = rng.u8(..);
        }
    }
    std::fs::write(db, bytes).expect("write");
}

/// The number of pages of the SQLite file `db`.
pub fn page_count(db: &Path) -> usize {
    let bytes = std::fs::read(db).expect("read");
    bytes.len() / page_size(&bytes)
}

/// Starts the server on the existing SQLite file `db` with store options;
/// `dir` is kept for as long as the app.
pub async fn spawn_app_on_database(
    db: &Path,
    dir: tempfile::TempDir,
    store: dealbench::study::records::StoreOptions,
) -> TestApp {
    let study = Study::open_with(study(), db, &store).await.expect("open");
    let api_key = study
        .administration()
        .issue_api_key("tests")
        .await
        .expect("api key")
        .expect("a new name");
    let study = Arc::new(study);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = dealbench::web::serve(listener, study.clone()).expect("server");
    actix_web::rt::spawn(server);
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        api_key,
        study,
        database: Arc::new(TestDatabase::sqlite_file(dir, db)),
    }
}
