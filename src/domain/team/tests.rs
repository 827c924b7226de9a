//! Tests of the team report: releases, anonymity thresholds, role gaps,
//! spreads and the rules' floors. The attacker's view is in `attack.rs`.

use super::disclosure::{INDEX_FAMILY, INDEX_NOISE, Release, half_means, largest_error, step};
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

/// A member's score on an index as it enters the team's figures: with the
/// member's own noise, keyed by their place in the counting order (team "a
/// team" of [`report`], wave 1, unless given).
fn noisy(team: &str, wave: u32, place: usize, score: f64) -> f64 {
    let key = key();
    let release = Release::new(&key, team, wave, 0);
    score + INDEX_NOISE * release.member_noise(place, INDEX_FAMILY)
}

/// The mean of some members' noisy scores (by place) on the company index.
fn noisy_mean(team: &str, wave: u32, scores: &[(usize, f64)]) -> f64 {
    scores
        .iter()
        .map(|&(place, s)| noisy(team, wave, place, s))
        .sum::<f64>()
        / scores.len() as f64
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
    // Far apart: a gap between roles this small must exceed what rounding
    // and every member's noise make.
    for _ in 0..5 {
        members.push(member(&q, "executive", &high, 95.0));
        members.push(member(&q, "rep", &low, 5.0));
    }
    members.push(member(&q, "executive", &high, 95.0));
    let r = report(&q, members);
    assert_eq!(r.covered, Some(11));
    assert!(r.has_gap);
    let overall = &r.index_gaps[0];
    let leaders = overall.by_role[0].expect("leaders");
    let reps = overall.by_role[2].expect("reps");
    let execs: Vec<(usize, f64)> = (0..11).filter(|p| p % 2 == 0).map(|p| (p, 95.0)).collect();
    let rep_places: Vec<(usize, f64)> = (0..11).filter(|p| p % 2 == 1).map(|p| (p, 5.0)).collect();
    near(Some(leaders), noisy_mean("a team", 1, &execs), 6);
    near(Some(reps), noisy_mean("a team", 1, &rep_places), 5);
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
    let everyone: Vec<(usize, f64)> = execs.iter().chain(&rep_places).copied().collect();
    near(r.figures[0].mean, noisy_mean("a team", 1, &everyone), 11);
    // The reading names the widest gap on a sub-index, what a gap that size
    // usually means, and one next step; the gaps are said once.
    let widest = r
        .index_gaps
        .iter()
        .filter(|g| g.key != "overall" && g.notable)
        .max_by(|a, b| {
            a.difference
                .unwrap_or(0.0)
                .total_cmp(&b.difference.unwrap_or(0.0))
        })
        .expect("a notable sub-index gap");
    let gap = &r.said.reading[1];
    // Sub-indices at the same widest gap are read together, not one picked.
    let tied: Vec<&str> = r
        .index_gaps
        .iter()
        .filter(|g| g.key != "overall" && g.difference == widest.difference)
        .map(|g| g.name.as_str())
        .collect();
    assert!(gap.starts_with("Leaders rate "), "{gap}");
    assert!(tied.iter().all(|n| gap.contains(n)), "{gap}");
    assert!(
        gap.contains(&format!(
            "{} points higher than reps, the widest gap in your team. A gap this size usually means the two groups describe different companies",
            widest.difference.expect("a gap")
        )),
        "{gap}"
    );
    assert!(gap.contains("Next step: have leaders sit in on three live deals of reps this month"));
    assert!(
        r.said.gaps.starts_with("Leaders score higher than reps on"),
        "{}",
        r.said.gaps
    );
    assert_eq!(r.said.gaps.matches("Leaders").count(), 1, "{}", r.said.gaps);
}

#[test]
fn indices_apart_by_no_more_than_the_noise_are_read_as_level_not_one_as_the_lowest() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let r = report(&q, (0..5).map(|_| member(&q, "rep", &high, 60.0)).collect());
    let subs: Vec<f64> = r.figures[1..].iter().filter_map(|f| f.mean).collect();
    assert_eq!(subs.len(), 4, "{subs:?}");
    let low = subs.iter().copied().fold(f64::INFINITY, f64::min);
    let high = subs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let at = if high > low {
        format!("between {low}% and {high}%")
    } else {
        format!("at {low}%")
    };
    assert!(
        r.said.reading[0].starts_with(&format!(
            "The team's indices stand level, {at}, closer together than team figures can tell apart"
        )),
        "{:?}",
        r.said.reading
    );
    assert!(!r.said.reading[0].contains("start there"));
    // One role: no gap to read.
    assert_eq!(r.said.reading.len(), 1);
}

#[test]
fn a_sub_index_clearly_below_the_others_is_where_to_start() {
    let q = study();
    let (high, _) = agreement_options(&q);
    let members: Vec<Member> = (0..8)
        .map(|_| {
            let mut m = member(&q, "rep", &high, 80.0);
            *m.scores
                .get_mut(IndexKind::Sub(crate::questionnaire::SubIndex::Value)) = Some(15.0);
            m
        })
        .collect();
    let r = report(&q, members);
    let value = r.figures.iter().find(|f| f.key == "value").expect("value");
    assert!(
        r.said.reading[0].starts_with(&format!(
            "The team stands lowest on {}, at {}%: start there.",
            value.name,
            value.mean.expect("a mean")
        )),
        "{:?}",
        r.said.reading
    );
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
    let mut values: Vec<f64> = scores
        .iter()
        .enumerate()
        .map(|(place, &s)| noisy("a team", 1, place, s))
        .collect();
    near(f.mean, values.iter().sum::<f64>() / 8.0, 8);
    // Halves of four (of the noisy scores), released like figures over four.
    values.sort_by(f64::total_cmp);
    let (lower, upper, _) = half_means(&values).expect("halves");
    if f.lower_half != f.mean {
        near(f.lower_half, lower, 4);
    }
    if f.upper_half != f.mean {
        near(f.upper_half, upper, 4);
    }
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
    let five: Vec<(usize, f64)> = scores[..5].iter().copied().enumerate().collect();
    near(r.figures[0].mean, noisy_mean("a team", 1, &five), 5);
    assert_eq!(r.figures[0].lower_half, None);
    assert!(
        r.figures[0]
            .display
            .contains("the spread is shown once 8 people")
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
            .starts_with("Team figures appear once 5 people have answered")
    );
    assert_eq!(r.said.roles, "");
    // Nothing to read yet, and no legend for marks that are not drawn.
    assert!(r.said.reading.is_empty() && r.said.legend.is_empty());
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
    assert_eq!(r.said.answered, "Wave 1: 10 people answered.");
    assert!(
        r.said
            .coverage
            .starts_with("These figures are those of the first 8 people who answered. They change next when 11 have answered"),
        "{}",
        r.said.coverage
    );
    // Eight members: steps of 5 and a noise of 20 x sqrt(2 / 8) = 10 points,
    // together about 10 points typically.
    assert!(
        r.said.rounding.contains(
            "in steps of 5 points, and each person's score enters them with a noise of its own, so a mean is typically within 10 points of the exact one and nearly always within 20"
        ),
        "{}",
        r.said.rounding
    );
    assert!(
        r.said
            .rounding
            .starts_with("Team figures are rounded and blurred on purpose")
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
    let first: Vec<(usize, f64)> = (0..5).map(|p| (p, 40.0)).collect();
    let second: Vec<(usize, f64)> = (0..5).map(|p| (p, 70.0)).collect();
    near(Some(before), noisy_mean("waves", 1, &first), 5);
    near(Some(after), noisy_mean("waves", 2, &second), 5);
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

#[test]
fn a_german_team_report_is_said_in_german() {
    use crate::language::Language;
    use crate::testing::examples::*;
    let study = crate::testing::study();
    let q = study.in_language(Language::German);
    let peers = crate::testing::demo_peers(q, 300, 0);
    let members = [
        (MIXED, "executive"),
        (STRONG, "executive"),
        (AVERAGE, "executive"),
        (PARTIAL_NUMBERS, "manager"),
        (JUNIOR_REP, "manager"),
        (WEAK, "rep"),
        (DONT_KNOW, "rep"),
        (MIXED_AGAIN, "rep"),
    ];
    let t = crate::testing::team_report_against(q, &members, &peers);
    assert_eq!(t.language, Language::German);
    let s = &t.said;
    // The readings are the questionnaire's own words, translated with it.
    let mut text: Vec<String> = [
        &s.answered,
        &s.newer_wave,
        &s.gaps,
        &s.legend,
        &s.taking_part,
        &s.coverage,
        &s.rounding,
        &s.spread,
        &s.no_peers,
        &s.roles,
        &s.no_gap,
        &s.items,
        &s.first_wave,
    ]
    .into_iter()
    .cloned()
    .collect();
    for f in &t.figures {
        text.extend([f.display.clone(), f.peer_sentence.clone()]);
    }
    for g in t.index_gaps.iter().chain(&t.item_gaps) {
        text.push(g.sentence.clone());
    }
    for w in &t.waves {
        text.extend([w.answered.clone(), w.line.clone()]);
        text.extend(w.displays.iter().cloned());
    }
    let words = t.words();
    text.extend([
        words.title,
        words.the_team,
        words.reading,
        words.perception_gap,
        words.items,
        words.waves,
        words.new_wave_note,
        words.invitation,
        words.no_figure,
        words.subject,
        t.generated("2026-11-24"),
        t.generated_footer("2026-11-24"),
    ]);
    let text = text.join("\n");
    assert!(
        text.contains("Runde 1: 8 Personen haben geantwortet."),
        "{text}"
    );
    assert!(text.contains("Erstellt am 24. November 2026."), "{text}");
    let left = crate::waves::tests::english_left(3, &text);
    assert!(left.is_empty(), "English left: {left:?}\n{text}");
}
