//! The team report played by an attacker: a starter who joined fake members
//! through their own invitation, so that every member of the team but one (the
//! victim, a rep) is theirs, with answers and scores they know exactly.
//!
//! From every figure the report shows about the victim (team means, the
//! halves of the spread, the reps' means, the reps' figures on single
//! questions), the attacker works out which values of the victim's score, or
//! which answers, would have produced it, knowing the rule (the rounding step
//! of a figure over n members, a dither of at most one step either way) but
//! not the secret key. These tests hold that
//! - every index figure, even to an attacker who knows every other member's
//!   noise, leaves the victim's noisy score (score plus their own noise)
//!   anywhere in a window of at least 3 x n x step >= 120 points, and the
//!   best guess from every figure of every release together lands within 10
//!   points of the score hardly more often than a blind guess (measured);
//! - every figure on a question, even to an attacker who knows every other
//!   member's noise, makes no answer more than e^(distance / 25) times as
//!   likely as another, and the victim's side of the scale never 90% sure;
//! - one member joining never changes a figure: two releases differ by at
//!   least the release step;
//! - held members change nothing at all.

use std::sync::LazyLock;

use proptest::prelude::*;

use super::build::INDICES;
use super::disclosure::{
    INDEX_FAMILY, INDEX_NOISE, ITEM_NOISE, ItemScale, Release, half_means, show, step,
};
use super::*;
use crate::answers::{Answer, Answers, Completeness};
use crate::peer::{IndexKind, PerIndex};
use crate::questionnaire::{PartKind, Questionnaire};

static STUDY: LazyLock<Questionnaire> = LazyLock::new(|| {
    Questionnaire::from_toml(
        "dealbench-v1.toml",
        include_str!("../../../questionnaires/dealbench-v1.toml"),
    )
    .expect("study")
});

static RULES: LazyLock<TeamRules> = LazyLock::new(|| STUDY.teams.clone().expect("rules"));

/// The scored company items, as the team report lists them.
static ITEMS: LazyLock<Vec<usize>> = LazyLock::new(|| {
    STUDY
        .items_of_part(PartKind::Company)
        .filter(|i| i.is_scored() && i.options.iter().any(|o| o.score.is_some()))
        .filter_map(|i| STUDY.item_position(&i.id))
        .collect()
});

const ROLES: [&str; 4] = ["executive", "manager", "rep", "other_role"];
/// The team every attack plays on.
const TEAM_NAME: &str = "the attacked team";
/// The victim's role group (reps) in the study's `[teams]` table.
const REPS: usize = 2;

/// A member as the test plants them: a role, five index scores (company index
/// and sub-indices) and an answer (option position) per scored company item.
#[derive(Debug, Clone)]
struct Planted {
    role: usize,
    scores: [Option<f64>; 5],
    answers: Vec<usize>,
}

impl Planted {
    fn member(&self, held: bool) -> Member {
        let q = &*STUDY;
        let mut json = serde_json::json!({ "role": ROLES[self.role] });
        for (&pos, &option) in ITEMS.iter().zip(&self.answers) {
            let item = &q.items[pos];
            json[&item.id] = item.options[option % item.options.len()].id.clone().into();
        }
        let mut scores = PerIndex::from_fn(|_| None);
        for (i, kind) in INDICES.iter().enumerate() {
            *scores.get_mut(*kind) = self.scores[i];
        }
        Member {
            scores,
            answers: Answers::from_json(q, &json, Completeness::Draft).expect("answers"),
            held,
            shown_name: None,
            in_peer_index: false,
        }
    }

    /// The option the member chose on an item (by position in the report's
    /// list of scored items).
    fn option(&self, n: usize) -> usize {
        let item = &STUDY.items[ITEMS[n]];
        self.answers[n] % item.options.len()
    }
}

fn score() -> impl Strategy<Value = f64> {
    prop_oneof![
        2 => 0.0..=100.0f64,
        1 => prop_oneof![Just(0.0), Just(100.0), 0.0..5.0f64, 95.0..=100.0f64],
    ]
}

fn planted(role: impl Strategy<Value = usize>) -> impl Strategy<Value = Planted> {
    (
        role,
        prop::array::uniform5(prop::option::weighted(0.9, score())),
        prop::collection::vec(0..8usize, ITEMS.len()),
    )
        .prop_map(|(role, scores, answers)| Planted {
            role,
            scores,
            answers,
        })
}

/// The victim answers every question with a scored option and has every score.
fn victim() -> impl Strategy<Value = Planted> {
    (
        prop::array::uniform5(score()),
        prop::collection::vec(0..64usize, ITEMS.len()),
    )
        .prop_map(|(scores, picks)| {
            let answers = ITEMS
                .iter()
                .zip(picks)
                .map(|(&pos, pick)| {
                    let scored: Vec<usize> = STUDY.items[pos]
                        .options
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| o.score.is_some())
                        .map(|(i, _)| i)
                        .collect();
                    scored[pick % scored.len()]
                })
                .collect();
            Planted {
                role: REPS,
                scores: scores.map(Some),
                answers,
            }
        })
}

/// A team the attacker built around one victim: the other reps and other
/// members (all known), the victim's place in the order members were counted,
/// and held members anywhere.
#[derive(Debug, Clone)]
struct Team {
    victim: Planted,
    /// Known members, in the order they were counted, the victim left out.
    known: Vec<Planted>,
    at: usize,
    held: Vec<(usize, Planted)>,
    secret: [u8; 16],
}

impl Team {
    /// The counted members in order, with whether each is the victim.
    fn counted(&self) -> Vec<(&Planted, bool)> {
        let mut all: Vec<(&Planted, bool)> = self.known.iter().map(|m| (m, false)).collect();
        all.insert(self.at.min(all.len()), (&self.victim, true));
        all
    }

    fn members(&self) -> Vec<Member> {
        let mut members: Vec<Member> = self
            .counted()
            .iter()
            .map(|(m, _)| m.member(false))
            .collect();
        for (at, m) in &self.held {
            members.insert(at % (members.len() + 1), m.member(true));
        }
        members
    }

    fn key(&self) -> ReleaseKey {
        ReleaseKey::new(&self.secret)
    }

    fn report_of(&self, members: Vec<Member>) -> TeamReport {
        team_report(&TeamInput {
            questionnaire: &STUDY,
            rules: &RULES,
            team: TEAM_NAME,
            key: &self.key(),
            waves: &[WaveMembers { wave: 1, members }],
            peers: Vec::new(),
            peer_minimum: 10,
        })
    }
}

fn team() -> impl Strategy<Value = Team> {
    (
        victim(),
        prop::collection::vec(planted(Just(REPS)), 2..10),
        prop::collection::vec(planted(0..4usize), 0..12),
        any::<prop::sample::Index>(),
        prop::collection::vec((0..40usize, planted(0..4usize)), 0..3),
        any::<[u8; 16]>(),
    )
        .prop_map(|(victim, reps, others, at, held, secret)| {
            // Reps and others interleaved as they might have joined.
            let mut known = reps;
            for (i, o) in others.into_iter().enumerate() {
                let place = (i * 7 + 3) % (known.len() + 1);
                known.insert(place, o);
            }
            let at = at.index(known.len() + 1);
            Team {
                victim,
                known,
                at,
                held,
                secret,
            }
        })
}

/// Whether an exact figure could have been shown as `shown` with rounding step
/// `w` and a dither of at most one step either way; `floor` and `ceiling` say
/// the shown value may stand for any raw value at or above (below) it, as at
/// the ends of the scale, or where a half is shown at the mean.
fn consistent(exact: f64, shown: f64, w: f64, floor: bool, ceiling: bool) -> bool {
    let above = floor || shown >= 100.0;
    let below = ceiling || shown <= 0.0;
    (above || exact < shown + 1.5 * w) && (below || exact > shown - 1.5 * w)
}

/// The victim's scores consistent with a figure, on a grid of tenths over
/// `range`: (lowest, highest), or `None` when none is.
fn consistent_range(
    range: (f64, f64),
    exact: impl Fn(f64) -> f64,
    is_consistent: impl Fn(f64) -> bool,
) -> Option<(f64, f64)> {
    let (from, to) = ((range.0 * 10.0) as i64, (range.1 * 10.0) as i64);
    let hits: Vec<f64> = (from..=to)
        .map(|i| i as f64 / 10.0)
        .filter(|&v| is_consistent(exact(v)))
        .collect();
    Some((*hits.first()?, *hits.last()?))
}

/// Checks one index figure: the victim's true score is consistent, the window
/// over an unbounded scale spans at least 3 x n x step, and on the scale more
/// than 20 points for a score between 20 and 80.
fn check_figure(
    truth: f64,
    exact: &dyn Fn(f64) -> f64,
    shown: f64,
    w: f64,
    n: usize,
    (floor, ceiling): (bool, bool),
) -> Result<(), TestCaseError> {
    let ok = |x: f64| consistent(x, shown, w, floor, ceiling);
    prop_assert!(ok(exact(truth)), "the truth {truth} fits {shown}");
    let (lo, hi) = consistent_range((-400.0, 500.0), exact, ok).expect("the truth fits");
    prop_assert!(
        hi - lo >= 3.0 * n as f64 * w - 0.2,
        "a window of {} points over {n} members at step {w}",
        hi - lo
    );
    if (20.0..=80.0).contains(&truth) {
        let (lo, hi) = consistent_range((0.0, 100.0), exact, ok).expect("the truth fits");
        prop_assert!(hi - lo > 20.0, "{truth} pinned to {lo}..{hi} by {shown}");
    }
    Ok(())
}

/// Plays the attacker on every figure of one report.
fn attack(team: &Team, report: &TeamReport) -> Result<(), TestCaseError> {
    let counted = team.counted();
    let Some(covered) = report.covered else {
        prop_assert!(counted.len() < RULES.team_minimum);
        return Ok(());
    };
    prop_assert_eq!(
        covered,
        RULES.release_size(counted.len()).expect("a release")
    );
    let covered = &counted[..covered];
    if !covered.iter().any(|(_, victim)| *victim) {
        return Ok(());
    }
    // On an index the attacker is given every other member's noise: only the
    // victim's own noise and the rounding stand between a figure and the
    // victim's score, so the windows below are over the victim's noisy value.
    let key = team.key();
    let release = Release::new(&key, TEAM_NAME, 1, covered.len());
    let noisy =
        |place: usize, score: f64| score + INDEX_NOISE * release.member_noise(place, INDEX_FAMILY);
    for (k, figure) in report.figures.iter().enumerate() {
        let victim_place = covered.iter().position(|(_, v)| *v).expect("the victim");
        let truth = noisy(
            victim_place,
            team.victim.scores[k].expect("the victim's score"),
        );
        let known_of = |role: Option<usize>| -> Vec<f64> {
            covered
                .iter()
                .enumerate()
                .filter(|(_, (m, victim))| !victim && role.is_none_or(|r| m.role == r))
                .filter_map(|(place, (m, _))| Some(noisy(place, m.scores[k]?)))
                .collect()
        };
        let known = known_of(None);
        let n = known.len() + 1;
        let sum: f64 = known.iter().sum();
        if let Some(shown) = figure.mean {
            let w = step(n).expect("a step");
            // A team mean shown at the highest (lowest) role figure may have
            // been kept there from above (below), when every member belongs
            // to a role with a figure.
            let roles: Vec<f64> = report.index_gaps[k]
                .by_role
                .iter()
                .flatten()
                .copied()
                .collect();
            let by_role = &report.index_gaps[k].by_role;
            let all_in_roles = covered.iter().all(|(m, _)| {
                m.scores[k].is_none()
                    || (m.role < RULES.role_groups.len() && by_role[m.role].is_some())
            });
            let at_max =
                all_in_roles && roles.contains(&shown) && roles.iter().all(|&r| r <= shown);
            let at_min =
                all_in_roles && roles.contains(&shown) && roles.iter().all(|&r| r >= shown);
            check_figure(
                truth,
                &|v| (sum + v) / n as f64,
                shown,
                w,
                n,
                (at_max, at_min),
            )?;
            // The halves, released like figures over half the members.
            let k_half = n / 2;
            let half = |lower: bool| {
                let known = known.clone();
                move |v: f64| {
                    let mut all = known.clone();
                    all.push(v);
                    all.sort_by(f64::total_cmp);
                    let (l, u, _) = half_means(&all).expect("halves");
                    if lower { l } else { u }
                }
            };
            if let (Some(l), Some(u)) = (figure.lower_half, figure.upper_half) {
                let wk = step(k_half).expect("a step");
                let lower = half(true);
                let upper = half(false);
                // A half shown at the mean may stand for any raw value beyond it.
                check_figure(truth, &lower, l, wk, k_half, (l == shown, false))?;
                check_figure(truth, &upper, u, wk, k_half, (false, u == shown))?;
            }
        }
        if let Some(shown) = report.index_gaps[k].by_role[REPS] {
            let known = known_of(Some(REPS));
            let n = known.len() + 1;
            let sum: f64 = known.iter().sum();
            let w = step(n).expect("a step");
            check_figure(
                truth,
                &|v| (sum + v) / n as f64,
                shown,
                w,
                n,
                (false, false),
            )?;
        }
    }
    // On a question the attacker is given even more than any viewer has: the
    // noise of every other member's answer, so that only the victim's own
    // noise and the rounding stand between the figure and the answer.
    for gap in &report.item_gaps {
        let Some(shown) = gap.by_role[REPS] else {
            continue;
        };
        let n_item = ITEMS
            .iter()
            .position(|&p| STUDY.items[p].id == gap.key)
            .expect("a listed item");
        let item = &STUDY.items[ITEMS[n_item]];
        let scale = ItemScale::of(item.options.iter().filter_map(|o| o.score)).expect("scale");
        let family = format!("item/{}", item.id);
        let known: Vec<f64> = covered
            .iter()
            .enumerate()
            .filter(|(_, (m, victim))| !victim && m.role == REPS)
            .filter_map(|(place, (m, _))| {
                let score = item.options[m.option(n_item)].score?;
                Some(scale.count(score) + ITEM_NOISE * release.member_noise(place, &family))
            })
            .collect();
        let n = known.len() + 1;
        let w = step(n).expect("a step");
        let sum: f64 = known.iter().sum();
        // The victim's noisy value lies in (lo, hi): the figure is within 1.5
        // steps of the noisy mean, or anywhere beyond an end it was kept at.
        let lo = if shown <= 0.0 {
            f64::NEG_INFINITY
        } else {
            n as f64 * (shown - 1.5 * w) - sum
        };
        let hi = if shown >= 100.0 {
            f64::INFINITY
        } else {
            n as f64 * (shown + 1.5 * w) - sum
        };
        let laplace_cdf = |x: f64| {
            if x < 0.0 {
                0.5 * x.exp()
            } else {
                1.0 - 0.5 * (-x).exp()
            }
        };
        let likelihood = |count: f64| {
            laplace_cdf((hi - count) / ITEM_NOISE) - laplace_cdf((lo - count) / ITEM_NOISE)
        };
        let counts: Vec<f64> = item
            .options
            .iter()
            .filter_map(|o| o.score)
            .map(|s| scale.count(s))
            .collect();
        let truth = scale.count(
            item.options[team.victim.option(n_item)]
                .score
                .expect("the victim's answer is scored"),
        );
        prop_assert!(likelihood(truth) > 0.0, "the victim's answer fits");
        // No answer is more than e^(distance / 25) times as likely as another.
        for &a in &counts {
            for &b in &counts {
                let ratio = likelihood(a) / likelihood(b);
                prop_assert!(
                    ratio <= ((a - b).abs() / ITEM_NOISE).exp() * (1.0 + 1e-6),
                    "{}: {a} is {ratio} times as likely as {b}",
                    gap.key
                );
            }
        }
        // Nor is the side of the scale the victim answered on ever certain:
        // with every answer equally likely beforehand, it stays below 90%.
        let middle = (scale.low + scale.high) / 2.0;
        if truth != middle {
            let side = |c: f64| (c > middle) == (truth > middle) && c != middle;
            let total: f64 = counts.iter().map(|&c| likelihood(c)).sum();
            let on_side: f64 = counts
                .iter()
                .filter(|&&c| side(c))
                .map(|&c| likelihood(c))
                .sum();
            prop_assert!(
                on_side / total < 0.9,
                "{}: the victim's side at {}",
                gap.key,
                on_side / total
            );
        }
    }
    Ok(())
}

/// Every figure of a report, for comparing releases.
fn figures(r: &TeamReport) -> impl PartialEq + std::fmt::Debug {
    (
        r.figures.clone(),
        r.index_gaps.clone(),
        r.item_gaps.clone(),
        r.roles.clone(),
        r.waves.iter().map(|w| w.means.clone()).collect::<Vec<_>>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn no_figure_pins_down_a_planted_teams_one_real_member(team in team()) {
        let report = team.report_of(team.members());
        attack(&team, &report)?;
    }

    #[test]
    fn one_member_joining_changes_no_figure(team in team(), newcomer in planted(0..4usize)) {
        let before = team.report_of(team.members());
        let mut joined = team.members();
        joined.push(newcomer.member(false));
        let after = team.report_of(joined);
        prop_assert_eq!(after.members, before.members + 1);
        if after.covered == before.covered {
            prop_assert_eq!(figures(&after), figures(&before));
        } else {
            let (b, a) = (before.covered.unwrap_or(0), after.covered.expect("a release"));
            prop_assert!(a >= b + RULES.release_step && RULES.release_step >= 3);
        }
    }

    #[test]
    fn held_members_change_nothing(team in team()) {
        let mut without = team.clone();
        without.held.clear();
        prop_assert_eq!(team.report_of(team.members()), without.report_of(without.members()));
    }
}

/// The worst case at the scale's ends, measured: a victim scoring 100 (or 0),
/// an attacker who places the exact mean where a dither at its far end would
/// show most, over many releases. The share of releases whose figure leaves
/// the victim 20 points or fewer stays near an eighth: the dither is
/// triangular, so its far ends are rarely drawn.
#[test]
fn at_the_ends_of_the_scale_a_figure_rarely_narrows_a_score_to_20_points() {
    let key = ReleaseKey::new(b"ends");
    let mut worst: f64 = 0.0;
    for n in [3usize, 4, 5, 8, 20] {
        let w = step(n).expect("step");
        for offset in 0..20 {
            // The attacker's sum of the others puts the mean at this offset
            // from the grid, for a victim at 100.
            let exact_top = 50.0 + w * offset as f64 / 20.0;
            let others = exact_top * n as f64 - 100.0;
            let releases = 4000;
            let narrow = (0..releases)
                .filter(|&r| {
                    let d = Release::new(&key, "ends", 1, r).dither("team");
                    let shown = show(exact_top, n, d).expect("shown").value;
                    // The lowest score of the victim the figure admits.
                    let lowest = (n as f64 * (shown - 1.5 * w) - others).max(0.0);
                    assert!(lowest < 100.0, "the truth fits");
                    100.0 - lowest <= 20.0
                })
                .count();
            worst = worst.max(narrow as f64 / releases as f64);
        }
    }
    println!("worst share of releases narrowing a score of 100 to 20 points: {worst:.3}");
    assert!(worst < 0.15, "{worst}");
}

/// Checks that the victim's answers and scores behind the report's figures
/// above are those of [`Planted::member`]: the report's reps figure on a
/// question moves with the victim's answer.
#[test]
fn the_planted_answers_are_the_ones_the_report_reads() {
    let q = &*STUDY;
    let victim = Planted {
        role: REPS,
        scores: [Some(50.0); 5],
        answers: vec![0; ITEMS.len()],
    };
    let member = victim.member(false);
    for (n, &pos) in ITEMS.iter().enumerate() {
        assert_eq!(
            member.answers.get(pos),
            Some(&Answer::Option(victim.option(n))),
            "{}",
            q.items[pos].id
        );
    }
    assert_eq!(
        RULES.role_group_of(q, &member.answers),
        Some(REPS),
        "reps are the third role group"
    );
    assert_eq!(*member.scores.get(IndexKind::Overall), Some(50.0));
}

/// The victim's noisy values on the company index (score plus their own
/// noise) consistent with every figure of one report that involves it (team
/// mean, halves, reps' mean), intersected, to an attacker who knows every
/// other member's noisy value: (lowest, highest).
fn joint_range(report: &TeamReport, known: &[(f64, bool)]) -> (f64, f64) {
    let mut lo: f64 = -400.0;
    let mut hi: f64 = 500.0;
    let mut narrow = |exact: &dyn Fn(f64) -> f64, shown: f64, w: f64, edges: (bool, bool)| {
        let ok = |x: f64| consistent(x, shown, w, edges.0, edges.1);
        if let Some((a, b)) = consistent_range((-400.0, 500.0), exact, ok) {
            lo = lo.max(a);
            hi = hi.min(b);
        }
    };
    let all: Vec<f64> = known.iter().map(|(s, _)| *s).collect();
    let reps: Vec<f64> = known.iter().filter(|(_, r)| *r).map(|(s, _)| *s).collect();
    let f = &report.figures[0];
    let by_role = &report.index_gaps[0].by_role;
    if let Some(m) = f.mean {
        let n = all.len() + 1;
        let sum: f64 = all.iter().sum();
        // Reps and leaders only: a mean at a role's figure may have been
        // kept there when both roles have one.
        let leaders = known.iter().any(|(_, r)| !r);
        let in_roles = by_role[REPS].is_some() && (!leaders || by_role[0].is_some());
        let roles: Vec<f64> = by_role.iter().flatten().copied().collect();
        let at = |above: bool| {
            in_roles
                && roles.contains(&m)
                && roles.iter().all(|&r| if above { r <= m } else { r >= m })
        };
        narrow(
            &|v| (sum + v) / n as f64,
            m,
            step(n).expect("step"),
            (at(true), at(false)),
        );
        for (lower, shown) in [(true, f.lower_half), (false, f.upper_half)] {
            let Some(shown) = shown else { continue };
            let k = n / 2;
            let all = all.clone();
            let half = move |v: f64| {
                let mut s = all.clone();
                s.push(v);
                s.sort_by(f64::total_cmp);
                let (l, u, _) = half_means(&s).expect("halves");
                if lower { l } else { u }
            };
            let edges = if lower {
                (shown == m, false)
            } else {
                (false, shown == m)
            };
            narrow(&half, shown, step(k).expect("step"), edges);
        }
    }
    if let Some(shown) = by_role[REPS] {
        let n = reps.len() + 1;
        let sum: f64 = reps.iter().sum();
        narrow(
            &|v| (sum + v) / n as f64,
            shown,
            step(n).expect("step"),
            (false, false),
        );
    }
    (lo, hi)
}

/// The chance that a figure whose exact value is `exact` is shown as `shown`
/// (rounded to `w` after a triangular dither of up to one step either way);
/// `floor` and `ceiling` as in [`consistent`].
fn chance_shown(exact: f64, shown: f64, w: f64, floor: bool, ceiling: bool) -> f64 {
    let triangular_cdf = |d: f64| {
        let d = d.clamp(-1.0, 1.0);
        if d < 0.0 {
            (d + 1.0).powi(2) / 2.0
        } else {
            1.0 - (1.0 - d).powi(2) / 2.0
        }
    };
    let low = if ceiling || shown <= 0.0 {
        0.0
    } else {
        triangular_cdf((shown - w / 2.0 - exact) / w)
    };
    let high = if floor || shown >= 100.0 {
        1.0
    } else {
        triangular_cdf((shown + w / 2.0 - exact) / w)
    };
    (high - low).max(0.0)
}

/// The guess of a viewer who knows every other member's score but, like
/// every real viewer, not the noise the server's secret gives each member:
/// the victim's score and every member's noise drawn many times from what
/// the viewer knows of them, each draw weighed by how likely it makes every
/// figure of every release seen so far, and the point whose 10 points either
/// way hold the most weight.
fn guess_without_the_noise(
    reports: &[TeamReport],
    known: &[(f64, bool)],
    victim_at: usize,
    rng: &mut fastrand::Rng,
) -> f64 {
    let draws = 5_000;
    let mut weighed: Vec<(f64, f64)> = Vec::with_capacity(draws);
    let laplace = |rng: &mut fastrand::Rng| {
        let u = rng.f64() - 0.5;
        -INDEX_NOISE * u.signum() * (1.0 - 2.0 * u.abs()).max(1e-300).ln()
    };
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    for _ in 0..draws {
        let x = 20.0 + 60.0 * rng.f64();
        // Every member in counting order, the victim at their place.
        let mut everyone: Vec<(f64, bool)> = known
            .iter()
            .map(|&(s, rep)| (s + laplace(rng), rep))
            .collect();
        everyone.insert(victim_at, (x + laplace(rng), true));
        let mut weight = 1.0;
        for report in reports {
            let f = &report.figures[0];
            let by_role = &report.index_gaps[0].by_role;
            let all = &everyone[..report.covered.expect("a release")];
            let values: Vec<f64> = all.iter().map(|m| m.0).collect();
            let n = values.len();
            if let Some(m) = f.mean {
                let roles: Vec<f64> = by_role.iter().flatten().copied().collect();
                let leaders = all.iter().any(|(_, r)| !r);
                let in_roles = by_role[REPS].is_some() && (!leaders || by_role[0].is_some());
                let at = |above: bool| {
                    in_roles
                        && roles.contains(&m)
                        && roles.iter().all(|&r| if above { r <= m } else { r >= m })
                };
                weight *= chance_shown(
                    mean(&values),
                    m,
                    step(n).expect("step"),
                    at(true),
                    at(false),
                );
                let mut sorted = values.clone();
                sorted.sort_by(f64::total_cmp);
                if let (Some(l), Some(u), Some((lower, upper, k))) =
                    (f.lower_half, f.upper_half, half_means(&sorted))
                {
                    let wk = step(k).expect("step");
                    weight *= chance_shown(lower, l, wk, l == m, false);
                    weight *= chance_shown(upper, u, wk, false, u == m);
                }
            }
            for (role, is_rep) in [(REPS, true), (0, false)] {
                if let Some(shown) = by_role[role] {
                    let group: Vec<f64> =
                        all.iter().filter(|m| m.1 == is_rep).map(|m| m.0).collect();
                    weight *= chance_shown(
                        mean(&group),
                        shown,
                        step(group.len()).expect("step"),
                        false,
                        false,
                    );
                }
            }
        }
        weighed.push((x, weight));
    }
    // The weight in half-point bins over 20..80, then the best window of 10
    // points either way.
    let mut bins = [0.0f64; 121];
    for (x, w) in &weighed {
        bins[(((x - 20.0) * 2.0).round() as usize).min(120)] += w;
    }
    (0..=120usize)
        .max_by(|&a, &b| {
            let mass =
                |g: usize| -> f64 { bins[g.saturating_sub(20)..=(g + 20).min(120)].iter().sum() };
            mass(a).total_cmp(&mass(b))
        })
        .map_or(50.0, |g| 20.0 + g as f64 * 0.5)
}

/// The attacker's best guess of a score from a window on its noisy value:
/// with every score between 20 and 80 equally likely beforehand, the point
/// whose 10 points either way hold the most of what remains likely.
fn best_guess(lo: f64, hi: f64) -> f64 {
    let laplace_cdf = |x: f64| {
        if x < 0.0 {
            0.5 * x.exp()
        } else {
            1.0 - 0.5 * (-x).exp()
        }
    };
    let grid: Vec<f64> = (0..=120).map(|i| 20.0 + i as f64 * 0.5).collect();
    let likely: Vec<f64> = grid
        .iter()
        .map(|&x| laplace_cdf((hi - x) / INDEX_NOISE) - laplace_cdf((lo - x) / INDEX_NOISE))
        .collect();
    let mass = |g: f64| -> f64 {
        grid.iter()
            .zip(&likely)
            .filter(|(x, _)| (*x - g).abs() <= 10.0)
            .map(|(_, p)| p)
            .sum()
    };
    grid.iter()
        .copied()
        .max_by(|a, b| mass(*a).total_cmp(&mass(*b)))
        .unwrap_or(50.0)
}

/// What an attacker gains by combining figures, measured (the numbers the
/// README quotes): how often the best guess of a victim's company index
/// (between 20 and 80) falls within 10 points of it, from every figure of one
/// release together, and from every release a wave reaches as the attacker
/// adds three planted members at a time, the attacker knowing every other
/// member's noise. A blind guess of 50 does a third of the time; the
/// victim's own noise keeps the best guess near that. Run with `--nocapture`
/// to see the figures.
#[test]
fn combining_figures_and_releases_leaves_an_index_hardly_better_than_a_blind_guess() {
    let q = &*STUDY;
    let member = |role: &str, s: f64| Member {
        scores: PerIndex::from_fn(|k| (k == IndexKind::Overall).then_some(s)),
        answers: Answers::from_json(q, &serde_json::json!({ "role": role }), Completeness::Draft)
            .expect("answers"),
        held: false,
        shown_name: None,
        in_peer_index: false,
    };
    let attacks = 600;
    let oracle_attacks = 300;
    let releases = 9;
    let mut rng = fastrand::Rng::with_seed(17);
    let mut guessed_by_release = vec![0usize; releases];
    let realistic_releases = 2;
    let mut realistic_by_release = vec![0usize; realistic_releases];
    let mut blind = 0usize;
    let key = ReleaseKey::new(b"measured");
    for attack in 0..attacks {
        let team = format!("measured {attack}");
        let noise = Release::new(&key, &team, 1, 0);
        let noisy =
            |place: usize, s: f64| s + INDEX_NOISE * noise.member_noise(place, INDEX_FAMILY);
        let truth = 20.0 + 60.0 * rng.f64();
        if (truth - 50.0).abs() <= 10.0 {
            blind += 1;
        }
        // The victim joins third; two planted reps before, then planted members
        // of every role, three per release.
        let mut known: Vec<(f64, bool)> = Vec::new();
        let mut scores: Vec<(f64, bool)> = Vec::new();
        let mut members = Vec::new();
        for place in 0..2 {
            let s = 100.0 * rng.f64();
            known.push((noisy(place, s), true));
            scores.push((s, true));
            members.push(member("rep", s));
        }
        members.push(member("rep", truth));
        let victim = noisy(2, truth);
        let (mut lo, mut hi) = (-400.0f64, 500.0f64);
        let mut release = 0;
        let mut seen: Vec<TeamReport> = Vec::new();
        while release < releases {
            let s = 100.0 * rng.f64();
            let rep = rng.bool();
            known.push((noisy(members.len(), s), rep));
            scores.push((s, rep));
            members.push(member(if rep { "rep" } else { "executive" }, s));
            let report = team_report(&TeamInput {
                questionnaire: q,
                rules: &RULES,
                team: &team,
                key: &key,
                waves: &[WaveMembers {
                    wave: 1,
                    members: members.clone(),
                }],
                peers: Vec::new(),
                peer_minimum: 10,
            });
            if report.covered != Some(members.len()) {
                continue;
            }
            // The viewer who knows every noise, over the first attacks: a
            // window over the noisy value leaves little to sample.
            if attack < oracle_attacks {
                let (a, b) = joint_range(&report, &known);
                assert!(a <= victim + 0.1 && victim - 0.1 <= b, "the truth fits");
                lo = lo.max(a);
                hi = hi.min(b);
                if (best_guess(lo, hi) - truth).abs() <= 10.0 {
                    guessed_by_release[release] += 1;
                }
            }
            seen.push(report);
            if release < realistic_releases {
                let guess = guess_without_the_noise(&seen, &scores, 2, &mut rng);
                if (guess - truth).abs() <= 10.0 {
                    realistic_by_release[release] += 1;
                }
            }
            release += 1;
        }
    }
    let share = |n: usize| 100.0 * n as f64 / attacks as f64;
    let oracle_share = |n: usize| 100.0 * n as f64 / oracle_attacks as f64;
    println!("a blind guess of 50 within 10 points: {:.0}%", share(blind));
    for (k, guessed) in realistic_by_release.iter().enumerate() {
        println!(
            "a viewer who knows every other member's score, release {} ({} members): best guess within 10 points: {:.0}%",
            k + 1,
            5 + 3 * k,
            share(*guessed)
        );
    }
    for (k, guessed) in guessed_by_release.iter().enumerate() {
        println!(
            "a viewer who also knows every other member's noise, after {} release(s) ({} members): best guess within 10 points: {:.0}%",
            k + 1,
            5 + 3 * k,
            oracle_share(*guessed)
        );
    }
    for guessed in realistic_by_release {
        assert!(
            share(guessed) < 45.0,
            "knowing the others' scores, the best guess lands within 10 points in under 45% of the attacks"
        );
    }
    for guessed in guessed_by_release {
        assert!(
            oracle_share(guessed) < 62.0,
            "even knowing the others' noise, the best guess misses by more than 10 points in over a third of the attacks"
        );
    }
}
