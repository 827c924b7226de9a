//! Shared test fixtures: the study questionnaire as shipped, the example
//! personas' answers, peers as `serve --demo` makes them, and reports built from
//! them, so that every test and benchmark builds a report the way the study does.
//!
//! Compiled for this crate's own tests and, with the `testing` feature (which the
//! main crate's dev-dependency turns on), for its tests and benchmarks; never in
//! the product.

use std::collections::BTreeMap;

use crate::answers::{Answer, Answers, Completeness};
use crate::peer::{PeerIndex, PeerRecord, PeerStanding};
use crate::questionnaire::Questionnaire;
use crate::report::Report;
use crate::scoring::score;
use crate::synthetic;

/// The study questionnaire as shipped.
pub const STUDY: &str = include_str!("../../questionnaires/dealbench-v1.toml");

/// The date the fixtures' reports were submitted and their peers computed on.
pub const SUBMITTED_ON: &str = "2026-11-22";

/// The example personas in `questionnaires/examples/`, as JSON text.
pub mod examples {
    pub const STRONG: &str = include_str!("../../questionnaires/examples/strong-company.json");
    pub const AVERAGE: &str = include_str!("../../questionnaires/examples/average-company.json");
    pub const WEAK: &str = include_str!("../../questionnaires/examples/weak-company.json");
    /// The VP Sales of a 200-person software company: mostly good, uneven practice.
    pub const MIXED: &str = include_str!("../../questionnaires/examples/mixed-vp-of-sales.json");
    /// Company numbers only partly given.
    pub const PARTIAL_NUMBERS: &str =
        include_str!("../../questionnaires/examples/partial-numbers.json");
    /// "Don't know" on key areas.
    pub const DONT_KNOW: &str =
        include_str!("../../questionnaires/examples/dont-know-key-areas.json");
    /// A draft: not every required question answered.
    pub const PARTIAL_ANSWERS: &str =
        include_str!("../../questionnaires/examples/partial-answers.json");
}

/// The study questionnaire.
///
/// # Panics
/// When the shipped file does not load: every test would be wrong.
pub fn study() -> Questionnaire {
    Questionnaire::from_toml("dealbench-v1.toml", STUDY).expect("the shipped study is valid")
}

/// A persona's answers as a submitted response.
///
/// # Panics
/// When the example is not valid JSON or not a complete response.
pub fn answers(q: &Questionnaire, example: &str) -> Answers {
    read(q, example, Completeness::Final)
}

/// A persona's answers as a draft: required questions may be left out.
///
/// # Panics
/// When the example is not valid JSON or its answers do not fit the study.
pub fn draft_answers(q: &Questionnaire, example: &str) -> Answers {
    read(q, example, Completeness::Draft)
}

fn read(q: &Questionnaire, example: &str, completeness: Completeness) -> Answers {
    let json = crate::answers::parse_json(example.as_bytes()).expect("the example is JSON");
    Answers::from_json(q, &json, completeness).expect("the example's answers are valid")
}

/// The respondent's peer-group dimensions (dimension -> option id), as the study
/// reads them.
pub fn profile(q: &Questionnaire, answers: &Answers) -> BTreeMap<String, String> {
    q.dimensions()
        .filter_map(|(dim, item)| match answers.by_id(q, &item.id)? {
            (_, Answer::Option(i)) => Some((dim.to_string(), item.options[*i].id.clone())),
            _ => None,
        })
        .collect()
}

/// `n` synthetic peers as `serve --demo` makes them, from seed `first_seed` on.
pub fn demo_peers(q: &Questionnaire, n: u64, first_seed: u64) -> PeerIndex {
    let mut index = PeerIndex::new(q.peer_fallback.clone(), q.peer_group_minimum);
    for seed in first_seed..first_seed + n {
        let a = synthetic::respondent(q, seed);
        index.add(&PeerRecord::new(q, profile(q, &a), &score(q, &a)));
    }
    index
}

/// A persona's report before any peer group exists.
pub fn report(example: &str) -> Report {
    let q = study();
    Report::from_answers(
        &q,
        &answers(&q, example),
        &PeerStanding::none(SUBMITTED_ON),
        SUBMITTED_ON,
    )
}

/// A persona's report against `peers`.
pub fn report_against(q: &Questionnaire, example: &str, peers: &PeerIndex) -> Report {
    let a = answers(q, example);
    let standing = peers.standing(&profile(q, &a), &score(q, &a), SUBMITTED_ON);
    Report::from_answers(q, &a, &standing, SUBMITTED_ON)
}
