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
    /// An API key issued for scripted submissions.
    pub api_key: String,
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

    /// A request that submits answers through the API with the test's key.
    pub fn submit(
        &self,
        client: &reqwest::Client,
        answers: &serde_json::Value,
    ) -> reqwest::RequestBuilder {
        client
            .post(self.url("/api/v1/responses"))
            .bearer_auth(&self.api_key)
            .json(answers)
    }

    pub fn response_count(&self) -> i64 {
        self.study.store.response_count().expect("count")
    }
}

/// Starts the server with `synthetic` demo respondents already in its database.
pub async fn spawn_app_with(synthetic: usize) -> TestApp {
    spawn_app_configured(synthetic, dealbench::web::Settings::default()).await
}

/// Starts the server with demo respondents and the given settings.
pub async fn spawn_app_configured(synthetic: usize, settings: dealbench::web::Settings) -> TestApp {
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
    let api_key = dealbench::storage::api_keys::new_api_key();
    std::thread::scope(|s| {
        s.spawn(|| {
            study
                .store
                .add_api_key("tests", &api_key, "2026-01-01T00:00:00.000Z")
                .expect("api key")
        });
    });
    let study = Arc::new(study);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = dealbench::web::serve(listener, study.clone(), settings).expect("server");
    actix_web::rt::spawn(server);
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        api_key,
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
