//! Tests of the team report: anonymity thresholds, role gaps and spreads.

use super::*;
use crate::answers::Completeness;

fn study() -> Questionnaire {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../questionnaires/dealbench-v1.toml");
    Questionnaire::load(&path).expect("study")
}

fn member(q: &Questionnaire, role: &str, agreement: &str, overall: f64) -> Member {
    let mut json = serde_json::json!({ "role": role });
    for item in q.items_of_part(PartKind::Company) {
        if item.option(agreement).is_some() {
            json[&item.id] = serde_json::Value::String(agreement.into());
        }
    }
    Member {
        scores: PerIndex::from_fn(|k| (k != IndexKind::Personal).then_some(overall)),
        answers: Answers::from_json(q, &json, Completeness::Draft).expect("answers"),
    }
}

fn report(q: &Questionnaire, members: Vec<Member>) -> TeamReport {
    let rules = q.teams.clone().expect("team rules");
    team_report(&TeamInput {
        questionnaire: q,
        rules: &rules,
        waves: &[WaveMembers { wave: 1, members }],
        peer: None,
        names: Vec::new(),
    })
}

fn agreement_options(q: &Questionnaire) -> (String, String) {
    let item = q
        .items_of_part(PartKind::Company)
        .find(|i| i.is_scored() && i.options.len() >= 5)
        .expect("a rating item");
    let mut scored: Vec<_> = item.options.iter().filter(|o| o.score.is_some()).collect();
    scored.sort_by(|a, b| a.score.unwrap_or(0.0).total_cmp(&b.score.unwrap_or(0.0)));
    (
        scored.last().expect("top").id.clone(),
        scored.first().expect("bottom").id.clone(),
    )
}

#[test]
fn a_role_with_fewer_than_three_members_gets_no_figure() {
    let q = study();
    let (high, low) = agreement_options(&q);
    let mut members: Vec<Member> = (0..3)
        .map(|_| member(&q, "executive", &high, 80.0))
        .collect();
    members.extend((0..2).map(|_| member(&q, "rep", &low, 30.0)));
    let r = report(&q, members);
    assert!(r.enough);
    assert!(r.roles[0].shown);
    let reps = r.roles.iter().position(|g| g.id == "reps").expect("reps");
    assert!(!r.roles[reps].shown);
    assert_eq!(r.roles[reps].members, None);
    assert!(r.index_gaps.iter().all(|g| g.by_role[reps].is_none()));
    assert!(!r.has_gap, "one role with figures is no gap");
    assert!(r.item_gaps.is_empty());
}

#[test]
fn leaders_and_reps_apart_make_a_notable_gap_with_items_largest_first() {
    let q = study();
    let (high, low) = agreement_options(&q);
    let mut members: Vec<Member> = (0..3)
        .map(|_| member(&q, "executive", &high, 80.0))
        .collect();
    members.extend((0..3).map(|_| member(&q, "rep", &low, 30.0)));
    let r = report(&q, members);
    assert!(r.has_gap);
    let overall = &r.index_gaps[0];
    assert_eq!(overall.difference, Some(50.0));
    assert_eq!(overall.highest.as_deref(), Some("Leaders"));
    assert_eq!(overall.lowest.as_deref(), Some("Reps"));
    assert!(overall.notable);
    assert_eq!(r.item_gaps.len(), 10);
    assert!(
        r.item_gaps
            .windows(2)
            .all(|w| w[0].difference >= w[1].difference)
    );
    assert_eq!(r.figures[0].mean, Some(55.0));
}

#[test]
fn the_spread_is_the_interquartile_range_never_one_persons_score() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let scores = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 200.0];
    let members: Vec<Member> = scores
        .iter()
        .map(|&s| member(&q, "manager", &high, s))
        .collect();
    let r = report(&q, members.clone());
    // Ranks 1.75 and 5.25 of 0..7: between two people's scores, never one.
    assert_eq!(r.figures[0].lower_quartile, Some(27.5));
    assert_eq!(r.figures[0].upper_quartile, Some(62.5));
    assert_eq!(r.figures[0].mean, Some(60.0));
    // Seven members: a mean, but no spread.
    let r = report(&q, members[..7].to_vec());
    assert_eq!(r.figures[0].mean, Some(40.0));
    assert_eq!(r.figures[0].lower_quartile, None);
    assert!(
        r.figures[0]
            .display
            .contains("the spread is shown once 8 colleagues")
    );
}

#[test]
fn two_members_get_no_team_figure_at_all() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let r = report(
        &q,
        vec![
            member(&q, "rep", &high, 50.0),
            member(&q, "manager", &high, 70.0),
        ],
    );
    assert!(!r.enough);
    assert!(
        r.figures
            .iter()
            .all(|f| f.mean.is_none() && f.upper_quartile.is_none())
    );
}

#[test]
fn waves_are_compared_mean_to_mean() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let rules = q.teams.clone().expect("rules");
    let waves = vec![
        WaveMembers {
            wave: 1,
            members: (0..3).map(|_| member(&q, "rep", &high, 50.0)).collect(),
        },
        WaveMembers {
            wave: 2,
            members: (0..4).map(|_| member(&q, "rep", &high, 62.0)).collect(),
        },
    ];
    let r = team_report(&TeamInput {
        questionnaire: &q,
        rules: &rules,
        waves: &waves,
        peer: None,
        names: Vec::new(),
    });
    assert_eq!(r.wave, 2);
    assert_eq!(r.members, 4);
    assert_eq!(r.waves[1].changes[0], Some(12.0));
    assert_eq!(r.waves[0].changes[0], None);
}
