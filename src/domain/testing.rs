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

/// The shipped translations of the study questionnaire.
pub const TRANSLATIONS: &[(crate::language::Language, &str)] = &[
    (
        crate::language::Language::German,
        include_str!("../../questionnaires/dealbench-v1.de.toml"),
    ),
    (
        crate::language::Language::French,
        include_str!("../../questionnaires/dealbench-v1.fr.toml"),
    ),
    (
        crate::language::Language::Spanish,
        include_str!("../../questionnaires/dealbench-v1.es.toml"),
    ),
];

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
    /// A sales rep with under two years in sales who answers "don't know" often.
    pub const JUNIOR_REP: &str = include_str!("../../questionnaires/examples/junior-rep.json");
    /// The VP Sales of `MIXED` a few months later: stage exits now on evidence,
    /// a shorter cycle, a higher win rate.
    pub const MIXED_AGAIN: &str =
        include_str!("../../questionnaires/examples/mixed-vp-of-sales-again.json");
    /// `MIXED` as a German VP Sales answers it, amounts in euros.
    pub const GERMAN: &str = include_str!("../../questionnaires/examples/german-vp-of-sales.json");
    /// `AVERAGE` as a French sales manager answers it, amounts in euros.
    pub const FRENCH: &str =
        include_str!("../../questionnaires/examples/french-sales-manager.json");
    /// A draft: not every required question answered.
    pub const PARTIAL_ANSWERS: &str =
        include_str!("../../questionnaires/examples/partial-answers.json");
}

/// The study questionnaire, with its shipped translations
/// (`study().in_language(Language::German)` is the German one).
///
/// # Panics
/// When the shipped files do not load: every test would be wrong.
pub fn study() -> Questionnaire {
    // Built once per test binary: parsing the study and its translations is
    // the slowest part of many tests.
    static BUILT: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let files: Vec<_> = TRANSLATIONS
                .iter()
                .map(|(language, text)| {
                    (
                        *language,
                        format!("dealbench-v1.{language}.toml"),
                        (*text).to_string(),
                    )
                })
                .collect();
            Questionnaire::from_toml("dealbench-v1.toml", STUDY)
                .and_then(|q| q.with_translations(&files))
                .expect("the shipped study and its translations are valid")
        })
        .clone()
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

/// The report of `later`, assessed again after `earlier` (same questionnaire
/// version, six months apart), against `peers`: "since last time" included.
pub fn reassessment_against(
    q: &Questionnaire,
    earlier: &str,
    later: &str,
    peers: &PeerIndex,
) -> Report {
    let mut report = report_against(q, later, peers);
    let earlier: serde_json::Value = serde_json::from_str(earlier).expect("the example is JSON");
    let ids: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
    let change = crate::waves::change_since(
        q,
        &crate::waves::Earlier {
            submitted_on: "2026-05-22",
            questionnaire_version: q.version,
            answers: &earlier,
            version_items: &ids,
        },
        &answers(q, later),
        Vec::new(),
    );
    report.since_last_time = Some(change.said());
    report
}

/// The team report of colleagues who answered as the given personas (example
/// JSON) in the given roles (role option ids), the first being the starter
/// whose company profile the team shares, against `peers`; one wave.
pub fn team_report_against(
    q: &Questionnaire,
    members: &[(&str, &str)],
    peers: &PeerIndex,
) -> crate::team::TeamReport {
    use crate::peer::PerIndex;
    use crate::team::{Member, ReleaseKey, TeamInput, WaveMembers, team_report};
    let rules = q.teams.clone().expect("the study offers teams");
    let starter: serde_json::Value =
        serde_json::from_str(members.first().expect("a starter").0).expect("JSON");
    let members: Vec<Member> = members
        .iter()
        .map(|(example, role)| {
            let mut json: serde_json::Value = serde_json::from_str(example).expect("JSON");
            for item in &rules.shared_items {
                json[item] = starter[item].clone();
            }
            json[&rules.role_item] = serde_json::Value::String((*role).to_string());
            let a = Answers::from_json(q, &json, Completeness::Final).expect("valid");
            let card = score(q, &a);
            Member {
                scores: PerIndex::from_fn(|k| k.of(&card)),
                answers: a,
                held: false,
                shown_name: None,
                in_peer_index: false,
            }
        })
        .collect();
    let profile = profile(q, &members[0].answers);
    team_report(&TeamInput {
        questionnaire: q,
        rules: &rules,
        team: "the fixtures' team",
        key: &ReleaseKey::new(b"the fixtures' key"),
        waves: &[WaveMembers { wave: 1, members }],
        peers: peers.groups_along(&profile).collect(),
        peer_minimum: q.peer_group_minimum,
    })
}
