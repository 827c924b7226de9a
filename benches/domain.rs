//! Benchmarks of the domain core: scoring a full response, relative performance in a
//! peer group of a million scores, choosing a peer group along the fallback chain,
//! and the peer index at a million responses (building it, a standing in it, and
//! the bytes it holds per response, printed once).

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dealbench::domain::answers::Completeness;
use dealbench::domain::peer::{PerIndex, PerNumber};
use dealbench::domain::{
    Answers, PeerIndex, PeerRecord, PeerScores, Questionnaire, SubIndex, score,
};

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
        let mut record = PeerRecord::new(&q, profile, &card);
        record.scores = PerIndex::from_fn(|_| Some(s));
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

/// A million responses spread over every industry x size of the study, with every
/// index scored and most company numbers given, as at start-up from the database.
fn million_records(q: &Questionnaire) -> Vec<PeerRecord> {
    let industries = &q.item("industry").expect("industry").options;
    let sizes = &q.item("company_size").expect("size").options;
    let values = scores(1_000_000 * 14);
    values
        .chunks_exact(14)
        .enumerate()
        .map(|(n, v)| {
            // Skewed towards the first options, as real studies are.
            let industry = &industries[(n * n / 7 + n) % industries.len()];
            let size = &sizes[(n / 3) % sizes.len()];
            let profile = BTreeMap::from([
                ("industry".to_string(), industry.id.clone()),
                ("company_size".to_string(), size.id.clone()),
            ]);
            let mut at = 0;
            let scores = PerIndex::from_fn(|_| {
                at += 1;
                Some(v[at - 1])
            });
            let numbers = PerNumber::from_fn(|_| {
                at += 1;
                // About a quarter leave a number blank.
                (v[at - 1] >= 25.0).then_some(v[at - 1] * 1000.0)
            });
            PeerRecord {
                profile,
                scores,
                numbers,
            }
        })
        .collect()
}

fn peer_index_at_a_million(c: &mut Criterion) {
    let q = Questionnaire::from_toml("study", STUDY).expect("valid study");
    let records = million_records(&q);
    let build = || {
        let mut index = PeerIndex::new(q.peer_fallback.clone(), q.peer_group_minimum);
        for r in &records {
            index.add(r);
        }
        index
    };
    let index = build();
    let bytes = index.heap_bytes();
    let values: usize = records
        .iter()
        .map(|r| {
            r.scores
                .values()
                .chain(r.numbers.values())
                .flatten()
                .count()
        })
        .sum();
    eprintln!(
        "peer index at {} responses ({} values): {} bytes held, {:.1} bytes per response, {:.2} per value",
        index.len(),
        values,
        bytes,
        bytes as f64 / index.len() as f64,
        bytes as f64 / values as f64
    );

    let mut card = score(&q, &Answers::empty(&q));
    card.overall.score = Some(55.0);
    card.personal.score = Some(55.0);
    for s in SubIndex::ALL {
        card.sub_indices.get_mut(s).score = Some(55.0);
    }
    let typical = records[12_345].profile.clone();
    let industries = &q.item("industry").expect("industry").options;
    // An industry of its own but a size no one gave: figures come from the industry.
    let rare = BTreeMap::from([
        ("industry".to_string(), industries[0].id.clone()),
        ("company_size".to_string(), "no_such_size".to_string()),
    ]);
    // No industry: every figure is read across all finest groups.
    let everyone = BTreeMap::from([("company_size".to_string(), "no_such_size".to_string())]);
    c.bench_function("standing at 1,000,000 responses (own group)", |b| {
        b.iter(|| index.standing(black_box(&typical), &card, "2026-01-01"))
    });
    c.bench_function("standing at 1,000,000 responses (industry)", |b| {
        b.iter(|| index.standing(black_box(&rare), &card, "2026-01-01"))
    });
    c.bench_function("standing at 1,000,000 responses (everyone)", |b| {
        b.iter(|| index.standing(black_box(&everyone), &card, "2026-01-01"))
    });
    let mut growing = build();
    let mut i = 0;
    c.bench_function("add one response at 1,000,000", |b| {
        b.iter(|| {
            i = (i + 1) % records.len();
            growing.add(black_box(&records[i]))
        })
    });
    drop(growing);
    let mut group = c.benchmark_group("peer index");
    group.sample_size(10);
    group.bench_function("build from 1,000,000 responses", |b| b.iter(build));
    group.finish();
}

criterion_group!(
    benches,
    scoring,
    relative_performance,
    peer_group_selection,
    peer_index_at_a_million
);
criterion_main!(benches);
