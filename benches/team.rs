//! Benchmark of the team report for a team of 200: building the model (team
//! means and spread, the perception gap by role per index and per item, the
//! standing in a peer group of 2,000) and rendering the page, and the PDF.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dealbench::domain::team::{Member, ReleaseKey, TeamInput, WaveMembers, team_report};
use dealbench::domain::{PeerIndex, PeerRecord, score, synthetic};

use dealbench::domain::testing;

fn team(c: &mut Criterion) {
    let q = testing::study();
    let rules = q.teams.clone().expect("team rules");
    let member = |seed: u64| {
        let answers = synthetic::respondent(&q, seed);
        let card = score(&q, &answers);
        let scores = PeerRecord::new(&q, Default::default(), &card).scores;
        (answers, card, scores)
    };
    let mut peers = PeerIndex::new(q.peer_fallback.clone(), q.peer_group_minimum);
    for seed in 0..2_000 {
        let answers = synthetic::respondent(&q, 10_000 + seed);
        let card = score(&q, &answers);
        peers.add(&PeerRecord::new(&q, testing::profile(&q, &answers), &card));
    }
    let members: Vec<Member> = (0..200)
        .map(|seed| {
            let (answers, _, scores) = member(seed);
            Member {
                scores,
                answers,
                held: false,
                shown_name: None,
                in_peer_index: false,
            }
        })
        .collect();
    let waves = vec![WaveMembers { wave: 1, members }];
    let profile = Default::default();
    let key = ReleaseKey::new(b"bench");
    let input = || TeamInput {
        questionnaire: &q,
        rules: &rules,
        team: "00000000-0000-4000-8000-000000000000",
        key: &key,
        waves: &waves,
        peers: peers.groups_along(&profile).collect(),
        peer_minimum: q.peer_group_minimum,
    };
    let templates = dealbench::web::templates::Templates::load().expect("templates");
    let fonts = dealbench::pdf::PdfFonts::load().expect("fonts");
    let report = team_report(&input());
    assert!(report.enough && report.has_gap);
    c.bench_function("team report of 200: model", |b| {
        b.iter(|| team_report(black_box(&input())))
    });
    c.bench_function("team report of 200: model and page", |b| {
        b.iter(|| {
            let report = team_report(black_box(&input()));
            dealbench::web::teams::render_team_page(
                &templates,
                &report,
                "00000000-0000-4000-8000-000000000000",
                &[dealbench::domain::language::Language::English],
                "http://localhost/join/x".into(),
                "0".repeat(64),
            )
            .expect("page")
        })
    });
    c.bench_function("team report of 200: PDF", |b| {
        b.iter(|| dealbench::pdf::team::render(black_box(&report), &fonts, "2026-11-24"))
    });
}

criterion_group!(benches, team);
criterion_main!(benches);
