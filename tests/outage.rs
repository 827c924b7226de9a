//! PostgreSQL restarting while two servers run on it: requests answer 503 with
//! `Retry-After` while it is down, and succeed again once it is back, without
//! a restart of either server.
//!
//! A test binary of its own: it stops the test server, which no other test
//! may use meanwhile. `.ci/with-postgres` says how to stop and start it
//! (`DEALBENCH_TEST_PG_CTL`).

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{TestDatabase, example, manifest_path};

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

fn serve(db: &TestDatabase) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dealbench"))
        .args(["serve", "--port", "0", "--submissions-per-hour", "0"])
        .args(["--db", &db.arg()])
        .arg("--questionnaire")
        .arg(manifest_path(common::STUDY))
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the address line");
    let address = line
        .trim()
        .strip_prefix("Dealbench is running at ")
        .expect("an address")
        .trim_end_matches('/')
        .to_string();
    Server { child, address }
}

/// Runs `pg_ctl` on the test server with `args`.
fn pg_ctl(control: &str, args: &str) {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{control} {args} >/dev/null"))
        .status()
        .expect("pg_ctl runs");
    assert!(status.success(), "pg_ctl {args}");
}

#[actix_web::test]
async fn a_restart_of_postgresql_answers_503_with_retry_after_then_serves_again() {
    let Some(db) = common::database::postgres_or_skip("an outage of PostgreSQL") else {
        return;
    };
    let Ok(control) = std::env::var("DEALBENCH_TEST_PG_CTL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "DEALBENCH_TEST_PG_CTL says how to stop the test server"
        );
        println!("skipped: DEALBENCH_TEST_PG_CTL is not set");
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_dealbench"))
        .args(["api-key", "add", "outage", "--db", &db.arg()])
        .output()
        .expect("api-key add");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let key = String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string();
    let servers = [serve(&db), serve(&db)];
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    let answers = example("average-company");
    let submit = |server: &Server| {
        client
            .post(format!("{}/api/v2/responses", server.address))
            .bearer_auth(&key)
            .json(&answers)
            .send()
    };
    for server in &servers {
        assert_eq!(submit(server).await.expect("post").status(), 201);
    }

    pg_ctl(&control, "stop -m fast -w");
    let down = std::panic::AssertUnwindSafe(async {
        for server in &servers {
            let resp = submit(server).await.expect("post");
            assert_eq!(resp.status(), 503, "{}", server.address);
            assert!(
                resp.headers().contains_key("retry-after"),
                "Retry-After on {}",
                server.address
            );
            let body: serde_json::Value = resp.json().await.expect("json");
            assert!(
                body["error"]
                    .as_str()
                    .is_some_and(|e| e.contains("cannot reach its database")),
                "{body}"
            );
        }
    });
    let outcome = futures_util::FutureExt::catch_unwind(down).await;
    pg_ctl(&control, "start -w -t 60");
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }

    // Back: both servers store again, without a restart.
    for server in &servers {
        let until = Instant::now() + Duration::from_secs(30);
        loop {
            let status = submit(server).await.map(|r| r.status().as_u16());
            if matches!(status, Ok(201)) {
                break;
            }
            assert!(
                Instant::now() < until,
                "{} still answers {status:?}",
                server.address
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }
    let stored = db.count("SELECT count(*) FROM responses WHERE $1 <> ''", "x");
    assert_eq!(stored, 4, "two before the outage, two after, none during");
}
