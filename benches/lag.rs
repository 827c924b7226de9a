//! The lag of the peer figures across servers on one PostgreSQL database: from
//! a submission's acknowledgement on one server to its place in the other's
//! figures. Two studies in one process stand for two servers (each has its
//! own pool, runtime and follower; the database is the only link).
//!
//!     bash .ci/with-postgres cargo bench --bench lag
//!
//! Prints the median and the largest of 200 submissions.

use std::time::{Duration, Instant};

use dealbench::domain::synthetic;
use dealbench::study::records::{Database, StoreOptions};
use dealbench::study::{Origin, Study};

fn main() {
    let Ok(server) = std::env::var("DEALBENCH_TEST_POSTGRES") else {
        eprintln!("the lag needs PostgreSQL: run it with bash .ci/with-postgres");
        return;
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(measure(&server));
}

async fn measure(server: &str) {
    let name = format!("lag_{}", std::process::id());
    let (admin, connection) = tokio_postgres::connect(server, tokio_postgres::NoTls)
        .await
        .expect("connect");
    tokio::spawn(connection);
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create");
    let url = format!("{}/{name}", server.rsplit_once('/').expect("a URL").0);
    let q = dealbench::domain::testing::study();
    let catalogue = || dealbench::domain::Catalogue::single(q.clone());
    let options = StoreOptions::default();
    {
        let seed = Study::open(q.clone(), Database::Postgres(url.clone()))
            .await
            .expect("open");
        seed.add_synthetic(1_000, 3).await.expect("demo data");
    }
    let one =
        Study::open_loading_in_background(catalogue(), Database::Postgres(url.clone()), &options)
            .await
            .expect("one");
    let other =
        Study::open_loading_in_background(catalogue(), Database::Postgres(url.clone()), &options)
            .await
            .expect("other");
    one.wait_loaded(Duration::from_secs(30))
        .await
        .expect("loaded");
    other
        .wait_loaded(Duration::from_secs(30))
        .await
        .expect("loaded");
    let origin = Origin {
        draft_id: None,
        started_at: None,
        synthetic: true,
        address: None,
        language: Default::default(),
    };
    let mut lags = Vec::new();
    for seed in 0..200u64 {
        let before = other.with_summaries(|s| s.len()).await;
        let prepared = one
            .prepare(&synthetic::respondent(&q, 10_000 + seed), &origin)
            .expect("prepare");
        one.submit(&prepared).await.expect("submit");
        let acknowledged = Instant::now();
        while other.with_summaries(|s| s.len()).await == before {
            assert!(
                acknowledged.elapsed() < Duration::from_secs(10),
                "never arrived"
            );
            tokio::time::sleep(Duration::from_micros(200)).await;
        }
        lags.push(acknowledged.elapsed());
        // Submissions a little apart, as respondents' are.
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    lags.sort();
    println!(
        "peer figures across servers: median {:.1} ms, max {:.1} ms over {} submissions",
        lags[lags.len() / 2].as_secs_f64() * 1e3,
        lags[lags.len() - 1].as_secs_f64() * 1e3,
        lags.len()
    );
    drop((one, other));
    let _ = admin
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .await;
}
