//! Crash safety: submissions acknowledged with 201 survive a kill -9 of the server.
//!
//! Each round starts the real binary on a free port, submits through the API from
//! several concurrent clients, kills the process with SIGKILL at a random moment,
//! restarts it on the same database and checks that every acknowledged submission
//! is there and complete. At the end the database passes `PRAGMA integrity_check`.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{example, manifest_path};

const ROUNDS: usize = 5;
const CLIENTS: usize = 8;

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

fn start(db: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dealbench"))
        .args(["serve", "--port", "0", "--db"])
        .arg(db)
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
        .expect("the server prints its address")
        .trim_end_matches('/')
        .to_string();
    Server { child, address }
}

/// Issues an API key with the command line, as an operator would.
fn issue_api_key(db: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dealbench"))
        .args(["api-key", "add", "crash-test", "--db"])
        .arg(db)
        .output()
        .expect("api-key add runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string()
}

#[actix_web::test]
async fn acknowledged_submissions_survive_kill_9() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("crash.db");
    let answers = example("average-company");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client");
    let mut acknowledged: Vec<String> = Vec::new();
    let mut rng = fastrand::Rng::with_seed(7);
    let key = issue_api_key(&db);

    for round in 0..ROUNDS {
        let mut server = start(&db);
        let url = format!("{}/api/v2/responses", server.address);
        let deadline = tokio::time::Instant::now() + Duration::from_millis(rng.u64(150..600));
        let mut tasks = Vec::new();
        for _ in 0..CLIENTS {
            let (client, url, answers, key) =
                (client.clone(), url.clone(), answers.clone(), key.clone());
            tasks.push(actix_web::rt::spawn(async move {
                let mut ids = Vec::new();
                // Bounded: at most 10,000 requests per client per round.
                for _ in 0..10_000 {
                    match client
                        .post(&url)
                        .bearer_auth(&key)
                        .json(&answers)
                        .send()
                        .await
                    {
                        Ok(resp) if resp.status() == 201 => {
                            let body: serde_json::Value = match resp.json().await {
                                Ok(b) => b,
                                Err(_) => break, // killed while the body was in flight
                            };
                            ids.push(body["id"].as_str().expect("id").to_string());
                        }
                        _ => break,
                    }
                }
                ids
            }));
        }
        tokio::time::sleep_until(deadline).await;
        server.child.kill().expect("kill -9");
        server.child.wait().expect("reaped");
        for t in tasks {
            acknowledged.extend(t.await.expect("client task"));
        }
        assert!(
            !acknowledged.is_empty(),
            "round {round}: nothing was acknowledged"
        );

        // Restart on the same database: every acknowledged response is there.
        let server = start(&db);
        for id in &acknowledged {
            let resp = client
                .get(format!("{}/api/v2/responses/{id}", server.address))
                .send()
                .await
                .expect("get");
            assert_eq!(
                resp.status(),
                200,
                "round {round}: acknowledged {id} is lost"
            );
            let stored: serde_json::Value = resp.json().await.expect("json");
            assert!(
                stored["scorecard"]["overall"]["score"].is_number(),
                "{id} incomplete"
            );
            assert!(
                stored["peer_standing"]["computed_on"].is_string(),
                "{id} incomplete"
            );
        }
        drop(server);
    }

    let conn = rusqlite::Connection::open(&db).expect("open");
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    assert_eq!(verdict, "ok");
    let stored: i64 = conn
        .query_row("SELECT COUNT(*) FROM responses", [], |r| r.get(0))
        .expect("count");
    assert!(stored as usize >= acknowledged.len());
    println!(
        "{ROUNDS} rounds: {} acknowledged submissions, {stored} stored, all found after kill -9",
        acknowledged.len()
    );
}
