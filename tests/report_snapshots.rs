//! The report model of each example persona, pinned: a change to scoring, peer
//! figures or any sentence the report writes shows up here as a diff to review.
//! Each persona is compared against the same 300 synthetic peers that
//! `serve --demo 300` would create, so peer figures are part of the snapshot.

use std::collections::BTreeMap;

use dealbench::domain::answers::{Answer, Answers, Completeness};
use dealbench::domain::peer::{PeerIndex, PeerRecord};
use dealbench::domain::questionnaire::Questionnaire;
use dealbench::domain::report::{Report, ReportInput};
use dealbench::domain::scoring::score;
use dealbench::domain::synthetic;

const STUDY: &str = include_str!("../questionnaires/dealbench-v1.toml");

fn profile(q: &Questionnaire, answers: &Answers) -> BTreeMap<String, String> {
    q.dimensions()
        .filter_map(|(dim, item)| match answers.by_id(q, &item.id)? {
            (_, Answer::Option(i)) => Some((dim.to_string(), item.options[*i].id.clone())),
            _ => None,
        })
        .collect()
}

fn report(example: &str) -> Report {
    let q = Questionnaire::from_toml("dealbench-v1.toml", STUDY).expect("valid study");
    let mut peers = PeerIndex::new(q.peer_fallback.clone(), q.peer_group_minimum);
    for seed in 0..300 {
        let a = synthetic::respondent(&q, seed);
        peers.add(&PeerRecord::new(profile(&q, &a), &score(&q, &a)));
    }
    let json = serde_json::from_str(example).expect("json");
    let answers = Answers::from_json(&q, &json, Completeness::Final).expect("valid answers");
    let mut card = score(&q, &answers);
    let standing = peers.standing(&profile(&q, &answers), &card, "2026-11-22");
    card.benchmark_against(&q, &standing.tops);
    Report::build(&ReportInput {
        questionnaire: &q,
        answers: &answers,
        scorecard: &card,
        standing: &standing,
        submitted_on: "2026-11-22",
    })
}

macro_rules! persona {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            let r = report(include_str!(concat!("../questionnaires/examples/", $file)));
            insta::assert_json_snapshot!(stringify!($name), r);
        }
    };
}

persona!(strong_company, "strong-company.json");
persona!(average_company, "average-company.json");
persona!(weak_company, "weak-company.json");
persona!(mixed_vp_of_sales, "mixed-vp-of-sales.json");
persona!(partial_numbers, "partial-numbers.json");
persona!(dont_know_key_areas, "dont-know-key-areas.json");
persona!(partial_answers, "partial-answers.json");

#[test]
fn the_mixed_persona_reads_as_the_issue_asks() {
    let r = report(include_str!(
        "../questionnaires/examples/mixed-vp-of-sales.json"
    ));
    let verdicts: Vec<String> = r
        .actions
        .iter()
        .map(|a| format!("{:?}", a.verdict))
        .collect();
    assert!(verdicts.contains(&"Keep".to_string()) && verdicts.contains(&"Stop".to_string()));
    // Her own numbers, in the currency, with peer medians beside them.
    assert!(
        r.velocity_paragraphs[0].contains("$10,000 of revenue a day"),
        "{}",
        r.velocity_paragraphs[0]
    );
    assert!(r.velocity_paragraphs[1].contains("$14,789 a day"));
    let numbers = r.numbers.as_ref().expect("numbers");
    assert!(
        numbers
            .rows
            .iter()
            .filter(|row| row.peer_median.is_some())
            .count()
            >= 5
    );
    let reconciled = numbers
        .win_rate_reconciled
        .as_deref()
        .expect("stated and counted");
    assert!(
        reconciled.contains("30%") && reconciled.contains("34.3%"),
        "{reconciled}"
    );
    // Her cycle answer is one of her actions: the action quotes the number, and the
    // detailed analysis points to it instead of saying it twice.
    let cycle = r
        .actions
        .iter()
        .find(|a| a.item == "sales_cycle_length_appropriate")
        .and_then(|a| a.figure.as_deref())
        .expect("the cycle commentary quotes her number");
    assert!(
        cycle.contains("90 days") && cycle.contains("median of your peer group"),
        "{cycle}"
    );
    // Tensions are named once and linked from both answers.
    assert!(
        r.tensions
            .iter()
            .any(|t| t.id == "negotiation_skills_vs_hardest_stage")
    );
    assert!(r.overall.peer_median.is_some() && r.personal.peer_median.is_some());
    assert!(r.personal_opening.starts_with("Your personal index is"));
}
