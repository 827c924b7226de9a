//! Benchmarks of the domain core: scoring a full response, relative performance in a
//! peer group of a million scores, and choosing a peer group along the fallback chain.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dealbench::domain::answers::Completeness;
use dealbench::domain::{Answers, PeerIndex, PeerRecord, PeerScores, Questionnaire, score};

const STUDY: &str = include_str!("../questionnaires/dealbench-v1.toml");
const STRONG: &str = include_str!("../questionnaires/examples/strong-company.json");

/// A deterministic spread of scores in 0-100 (a linear congruential sequence).
fn scores(n: usize) -> Vec<f64> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (x >> 11) as f64 / (1u64 << 53) as f64 * 100.0
        })
        .collect()
}

fn scoring(c: &mut Criterion) {
    let q = Questionnaire::from_toml("study", STUDY).expect("valid study");
    let json = serde_json::from_str(STRONG).expect("json");
    let answers = Answers::from_json(&q, &json, Completeness::Final).expect("valid answers");
    c.bench_function("score one full response", |b| {
        b.iter(|| score(black_box(&q), black_box(&answers)))
    });
    c.bench_function("check one full response's answers", |b| {
        b.iter(|| Answers::from_json(black_box(&q), black_box(&json), Completeness::Final))
    });
}

fn relative_performance(c: &mut Criterion) {
    let group = PeerScores::from_unsorted(scores(1_000_000));
    let probes = scores(1024);
    let mut i = 0;
    c.bench_function("relative performance in 1,000,000 scores", |b| {
        b.iter(|| {
            i = (i + 1) % probes.len();
            group.relative_performance(black_box(probes[i]))
        })
    });
    c.bench_function("median of 1,000,000 scores", |b| {
        b.iter(|| black_box(&group).percentile(50.0))
    });
    let mut growing = PeerScores::from_unsorted(scores(1_000_000));
    c.bench_function("insert into a group of 1,000,000 scores", |b| {
        b.iter(|| {
            i = (i + 1) % probes.len();
            growing.insert(black_box(probes[i]))
        })
    });
}

fn peer_group_selection(c: &mut Criterion) {
    let q = Questionnaire::from_toml("study", STUDY).expect("valid study");
    let mut index = PeerIndex::new(q.peer_fallback.clone(), q.peer_group_minimum);
    let industries = &q.item("industry").expect("industry").options;
    let sizes = &q.item("company_size").expect("size").options;
    let card = score(&q, &Answers::empty(&q));
    // 100,000 responses spread over every industry x size.
    for (n, s) in scores(100_000).into_iter().enumerate() {
        let profile = BTreeMap::from([
            (
                "industry".to_string(),
                industries[n % industries.len()].id.clone(),
            ),
            (
                "company_size".to_string(),
                sizes[(n / 7) % sizes.len()].id.clone(),
            ),
        ]);
        let mut record = PeerRecord::new(profile, &card);
        record.scores = [Some(s); 6];
        index.add(&record);
    }
    // A profile whose own group is empty, so the choice falls back to industry.
    let rare = BTreeMap::from([
        ("industry".to_string(), industries[0].id.clone()),
        ("company_size".to_string(), "no_such_size".to_string()),
    ]);
    c.bench_function(
        "choose a peer group with fallback (100,000 responses)",
        |b| b.iter(|| index.select(black_box(&rare)).map(|g| g.scores.size)),
    );
}

criterion_group!(benches, scoring, relative_performance, peer_group_selection);
criterion_main!(benches);
