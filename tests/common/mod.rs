//! Starting the real server for integration tests: a random port, a fresh
//! temporary database, HTTP from the outside.
#![allow(dead_code)]

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
    pub study: Arc<Study>,
    pub db: PathBuf,
    _dir: tempfile::TempDir,
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

    pub fn response_count(&self) -> i64 {
        self.study.store.response_count().expect("count")
    }
}

/// Starts the server with `synthetic` demo respondents already in its database.
pub async fn spawn_app_with(synthetic: usize) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("test.db");
    let q = Questionnaire::load(&manifest_path(STUDY)).expect("study");
    let study = Study::open(q, &db).expect("open");
    if synthetic > 0 {
        // Blocking storage work, kept off the test's async runtime.
        std::thread::scope(|s| {
            s.spawn(|| study.add_synthetic(synthetic, 42).expect("demo data"));
        });
    }
    let study = Arc::new(study);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = dealbench::web::serve(listener, study.clone()).expect("server");
    actix_web::rt::spawn(server);
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        study,
        db,
        _dir: dir,
    }
}

/// How a test server is set up beyond the defaults.
#[derive(Default)]
pub struct Setup {
    pub synthetic: usize,
    /// The configured public URL (default: the listener's address).
    pub public_url: Option<&'static str>,
    pub limits: dealbench::web::Limits,
    pub store: dealbench::storage::StoreOptions,
}

/// Starts the server with settings.
pub async fn spawn_app_set_up(setup: Setup) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("test.db");
    let q = Questionnaire::load(&manifest_path(STUDY)).expect("study");
    let study = Study::open_with(q, &db, &setup.store).expect("open");
    if setup.synthetic > 0 {
        std::thread::scope(|s| {
            s.spawn(|| study.add_synthetic(setup.synthetic, 42).expect("demo data"));
        });
    }
    let study = Arc::new(study);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let mut settings = dealbench::web::Settings::for_listener(&listener).expect("settings");
    if let Some(url) = setup.public_url {
        settings.public_url = url.parse().expect("a valid public URL");
    }
    settings.limits = setup.limits;
    let server = dealbench::web::serve_with(listener, study.clone(), settings).expect("server");
    actix_web::rt::spawn(server);
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        study,
        db,
        _dir: dir,
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
