//! Tests of the team report: releases, anonymity thresholds, role gaps,
//! spreads and the rules' floors. The attacker's view is in `attack.rs`.

use super::disclosure::{largest_error, step};
use super::*;
use crate::answers::{Answers, Completeness};
use crate::peer::{IndexKind, PerIndex};
use crate::questionnaire::{PartKind, Questionnaire};

const STUDY: &str = include_str!("../../../questionnaires/dealbench-v1.toml");

fn study() -> Questionnaire {
    Questionnaire::from_toml("dealbench-v1.toml", STUDY).expect("study")
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
        held: false,
        shown_name: None,
        in_peer_index: false,
    }
}

fn key() -> ReleaseKey {
    ReleaseKey::new(b"the tests' secret")
}

fn report(q: &Questionnaire, members: Vec<Member>) -> TeamReport {
    let rules = q.teams.clone().expect("team rules");
    team_report(&TeamInput {
        questionnaire: q,
        rules: &rules,
        team: "a team",
        key: &key(),
        waves: &[WaveMembers { wave: 1, members }],
        peers: Vec::new(),
        peer_minimum: 10,
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

/// Asserts a shown figure lies within the rule's reach of the exact one.
fn near(shown: Option<f64>, exact: f64, n: usize) {
    let shown = shown.expect("a figure");
    let reach = largest_error(n).expect("a step");
    assert!(
        (shown - exact).abs() < reach,
        "{shown} for {exact} over {n}"
    );
    assert_eq!(shown % step(n).expect("step"), 0.0, "{shown} on its grid");
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
    assert_eq!(r.covered, Some(5));
    assert!(r.roles[0].shown);
    let reps = r.roles.iter().position(|g| g.id == "reps").expect("reps");
    assert!(!r.roles[reps].shown);
    assert_eq!(r.roles[reps].members, None);
    assert!(r.index_gaps.iter().all(|g| g.by_role[reps].is_none()));
    assert!(!r.has_gap, "one role with figures is no gap");
    assert!(r.item_gaps.is_empty());
    assert!(r.said.no_gap.contains("at least two roles each have 3"));
}

#[test]
fn leaders_and_reps_apart_make_a_notable_gap_with_items_largest_first() {
    let q = study();
    let (high, low) = agreement_options(&q);
    let mut members = Vec::new();
    for _ in 0..5 {
        members.push(member(&q, "executive", &high, 80.0));
        members.push(member(&q, "rep", &low, 30.0));
    }
    members.push(member(&q, "executive", &high, 80.0));
    let r = report(&q, members);
    assert_eq!(r.covered, Some(11));
    assert!(r.has_gap);
    let overall = &r.index_gaps[0];
    let leaders = overall.by_role[0].expect("leaders");
    let reps = overall.by_role[2].expect("reps");
    near(Some(leaders), 80.0, 6);
    near(Some(reps), 30.0, 5);
    assert_eq!(
        overall.difference,
        Some(leaders - reps),
        "from the shown figures"
    );
    assert_eq!(overall.highest.as_deref(), Some("Leaders"));
    assert_eq!(overall.lowest.as_deref(), Some("Reps"));
    assert!(overall.notable);
    assert!(overall.sentence.starts_with("Leaders score Company index"));
    assert_eq!(r.item_gaps.len(), 10);
    assert!(
        r.item_gaps
            .windows(2)
            .all(|w| w[0].difference >= w[1].difference)
    );
    // The strongest and weakest answers count as their neighbours: 75 and 25,
    // each with its member's noise, so single questions scatter around them
    // while the ten together keep the roles apart by about 50 points (more:
    // the ten listed are those the noise drew furthest apart).
    let average = |role: usize| {
        r.item_gaps
            .iter()
            .map(|g| g.by_role[role].expect("a figure"))
            .sum::<f64>()
            / r.item_gaps.len() as f64
    };
    let apart = average(0) - average(2);
    assert!((35.0..=85.0).contains(&apart), "{apart}");
    for g in &r.item_gaps {
        let leaders = g.by_role[0].expect("leaders");
        assert_eq!(
            leaders % step(6).expect("step"),
            0.0,
            "{leaders} on its grid"
        );
        assert!(g.notable || g.sentence.contains("the noise that keep answers private"));
    }
    assert!(
        r.said.items.contains("(Strongly agree as Agree)"),
        "{}",
        r.said.items
    );
    near(r.figures[0].mean, (6.0 * 80.0 + 5.0 * 30.0) / 11.0, 11);
}

#[test]
fn the_spread_is_the_mean_of_each_half_over_eight_or_more() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let scores = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0];
    let members: Vec<Member> = scores
        .iter()
        .map(|&s| member(&q, "manager", &high, s))
        .collect();
    let r = report(&q, members.clone());
    let f = &r.figures[0];
    near(f.mean, 45.0, 8);
    // Halves of four, released like figures over four.
    near(f.lower_half, 25.0, 4);
    near(f.upper_half, 65.0, 4);
    let (l, m, u) = (
        f.lower_half.expect("lower"),
        f.mean.expect("mean"),
        f.upper_half.expect("upper"),
    );
    assert!(l <= m && m <= u);
    assert_eq!(
        f.display,
        format!("{m}% (the lower half of the team averages {l}%, the upper half {u}%)")
    );
    // Seven members: the release of five, a mean but no spread.
    let r = report(&q, members[..7].to_vec());
    assert_eq!(r.covered, Some(5));
    near(r.figures[0].mean, 30.0, 5);
    assert_eq!(r.figures[0].lower_half, None);
    assert!(
        r.figures[0]
            .display
            .contains("the spread is shown once 8 colleagues")
    );
}

#[test]
fn four_members_get_no_team_figure_at_all() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let r = report(
        &q,
        (0..4)
            .map(|i| member(&q, "rep", &high, 50.0 + i as f64))
            .collect(),
    );
    assert!(!r.enough);
    assert_eq!(r.covered, None);
    assert_eq!(r.next_release, 5);
    assert!(
        r.figures
            .iter()
            .all(|f| f.mean.is_none() && f.upper_half.is_none())
    );
    assert!(r.roles.iter().all(|role| !role.shown));
    assert!(
        r.said
            .coverage
            .starts_with("Team figures appear once 5 colleagues")
    );
    assert_eq!(r.said.roles, "");
}

#[test]
fn the_page_says_whom_the_figures_cover_and_how_they_are_rounded() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let r = report(
        &q,
        (0..10).map(|_| member(&q, "rep", &high, 60.0)).collect(),
    );
    assert_eq!((r.members, r.covered, r.next_release), (10, Some(8), 11));
    assert_eq!(r.said.answered, "Wave 1: 10 colleagues answered.");
    assert!(
        r.said
            .coverage
            .starts_with("These figures are those of the first 8 colleagues who answered. They change next when 11 have answered"),
        "{}",
        r.said.coverage
    );
    assert!(
        r.said
            .rounding
            .contains("in steps of 5 points and within 8 points of the exact figure"),
        "{}",
        r.said.rounding
    );
    assert!(
        r.said
            .rounding
            .starts_with("Team figures are rounded on purpose")
    );
}

#[test]
fn the_same_release_shows_the_same_figures_on_every_view() {
    let q = study();
    let (high, low) = agreement_options(&q);
    let members: Vec<Member> = (0..9)
        .map(|i| {
            if i % 2 == 0 {
                member(&q, "rep", &low, 20.0 + i as f64 * 3.7)
            } else {
                member(&q, "executive", &high, 60.0 + i as f64 * 2.1)
            }
        })
        .collect();
    let first = report(&q, members.clone());
    assert_eq!(first, report(&q, members.clone()));
    // Another key draws another dither: somewhere a figure differs.
    let rules = q.teams.clone().expect("rules");
    let figures = |k: &ReleaseKey| {
        (0..20)
            .map(|t| {
                team_report(&TeamInput {
                    questionnaire: &q,
                    rules: &rules,
                    team: &format!("team {t}"),
                    key: k,
                    waves: &[WaveMembers {
                        wave: 1,
                        members: members.clone(),
                    }],
                    peers: Vec::new(),
                    peer_minimum: 10,
                })
                .figures
            })
            .collect::<Vec<_>>()
    };
    assert_ne!(figures(&key()), figures(&ReleaseKey::new(b"another")));
}

#[test]
fn waves_are_compared_by_their_shown_means() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let rules = q.teams.clone().expect("rules");
    let waves = vec![
        WaveMembers {
            wave: 1,
            members: (0..5).map(|_| member(&q, "rep", &high, 40.0)).collect(),
        },
        WaveMembers {
            wave: 2,
            members: (0..6).map(|_| member(&q, "rep", &high, 70.0)).collect(),
        },
    ];
    let r = team_report(&TeamInput {
        questionnaire: &q,
        rules: &rules,
        team: "waves",
        key: &key(),
        waves: &waves,
        peers: Vec::new(),
        peer_minimum: 10,
    });
    assert_eq!(r.wave, 2);
    assert_eq!(r.members, 6);
    let (before, after) = (
        r.waves[0].means[0].expect("wave 1"),
        r.waves[1].means[0].expect("wave 2"),
    );
    near(Some(before), 40.0, 5);
    near(Some(after), 70.0, 5);
    assert_eq!(r.waves[1].changes[0], Some(after - before));
    assert_eq!(r.waves[0].changes[0], None);
    assert_eq!(r.waves[1].means[0], r.figures[0].mean);
    assert_eq!(
        r.waves[1].answered, "6 answered (figures of the first 5)",
        "the line says whom the figures cover"
    );
    assert!(r.said.first_wave.is_empty());
}

#[test]
fn names_are_those_of_counted_members_who_offered_them() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let mut members: Vec<Member> = (0..5).map(|_| member(&q, "rep", &high, 50.0)).collect();
    members[1].shown_name = Some(" Alex Shown ".into());
    let mut held = member(&q, "rep", &high, 50.0);
    held.held = true;
    held.shown_name = Some("Held Person".into());
    members.push(held);
    let r = report(&q, members);
    assert_eq!(r.names, vec!["Alex Shown".to_string()]);
    assert_eq!(r.said.taking_part, "Taking part: Alex Shown.");
    assert_eq!(r.members, 5);
}

#[test]
fn the_rules_hold_a_study_file_to_the_floors_of_the_disclosure_rule() {
    for (line, lowered, named) in [
        ("team_minimum = 5", "team_minimum = 2", "`team_minimum`"),
        ("release_step = 3", "release_step = 1", "`release_step`"),
        ("item_minimum = 5", "item_minimum = 4", "`item_minimum`"),
        (
            "minimum_per_role = 3",
            "minimum_per_role = 2",
            "`minimum_per_role`",
        ),
        (
            "spread_minimum = 8",
            "spread_minimum = 6",
            "`spread_minimum`",
        ),
    ] {
        assert!(STUDY.contains(line), "the study sets {line}");
        let text = STUDY.replacen(line, lowered, 1);
        let err = Questionnaire::from_toml("lowered.toml", &text)
            .expect_err("a threshold below its floor")
            .to_string();
        assert!(err.contains(named), "{lowered}: {err}");
    }
    let rules = study().teams.expect("rules");
    assert_eq!(
        (
            rules.team_minimum,
            rules.release_step,
            rules.item_minimum,
            rules.ready_at
        ),
        (5, 3, 5, 5)
    );
}

#[test]
fn a_member_joining_moves_neither_the_standing_nor_the_peer_count() {
    use crate::peer::{PeerIndex, PeerRecord};
    let q = study();
    let (high, low) = agreement_options(&q);
    let rules = q.teams.clone().expect("rules");
    let mut peers = crate::testing::demo_peers(&q, 60, 1);
    let mut members: Vec<Member> = Vec::new();
    let report = |members: &[Member], peers: &PeerIndex| {
        team_report(&TeamInput {
            questionnaire: &q,
            rules: &rules,
            team: "peers",
            key: &key(),
            waves: &[WaveMembers {
                wave: 1,
                members: members.to_vec(),
            }],
            peers: peers.groups_along(&Default::default()).collect(),
            peer_minimum: q.peer_group_minimum,
        })
    };
    let mut reports = Vec::new();
    for i in 0..7 {
        let (role, answer) = if i % 2 == 0 {
            ("rep", &low)
        } else {
            ("executive", &high)
        };
        let mut m = member(&q, role, answer, 35.0 + 9.0 * f64::from(i));
        // Counted members are peers of everyone else in the study.
        m.in_peer_index = true;
        peers.add(&PeerRecord {
            profile: crate::testing::profile(&q, &m.answers),
            scores: m.scores,
            numbers: crate::peer::PerNumber::from_fn(|_| None),
        });
        members.push(m);
        reports.push(report(&members, &peers));
    }
    let (fifth, sixth, seventh) = (&reports[4], &reports[5], &reports[6]);
    assert_eq!(fifth.peer_size, Some(60), "the team is not its own peer");
    assert!(fifth.figures[0].peer_sentence.contains("(60 responses)"));
    assert!(fifth.figures.iter().all(|f| f.relative.is_some()));
    assert_eq!(fifth.figures, sixth.figures);
    assert_eq!(fifth.figures, seventh.figures);
    assert_eq!(fifth.peer_size, seventh.peer_size);
}
