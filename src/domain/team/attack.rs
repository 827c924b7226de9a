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
//! - every index figure leaves the victim's score anywhere in a window of at
//!   least 3 x n x step >= 120 points, more than 20 points of the scale
//!   whenever the score lies between 20 and 80, and at the ends of the scale
//!   rarely narrower (measured);
//! - every figure on a question, even to an attacker who knows every other
//!   member's noise, makes no answer more than e^(distance / 25) times as
//!   likely as another, and the victim's side of the scale never 90% sure;
//! - one member joining never changes a figure: two releases differ by at
//!   least the release step;
//! - held members change nothing at all.

use std::sync::LazyLock;

use proptest::prelude::*;

use super::build::INDICES;
use super::disclosure::{ITEM_NOISE, ItemScale, Release, half_means, show, step};
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
/// than 20 points for a score between 20 and 80. Returns the width on the
/// scale.
fn check_figure(
    truth: f64,
    exact: &dyn Fn(f64) -> f64,
    shown: f64,
    w: f64,
    n: usize,
    (floor, ceiling): (bool, bool),
) -> Result<f64, TestCaseError> {
    let ok = |x: f64| consistent(x, shown, w, floor, ceiling);
    prop_assert!(ok(exact(truth)), "the truth {truth} fits {shown}");
    let (lo, hi) = consistent_range((-400.0, 500.0), exact, ok).expect("the truth fits");
    prop_assert!(
        hi - lo >= 3.0 * n as f64 * w - 0.2,
        "a window of {} points over {n} members at step {w}",
        hi - lo
    );
    let (lo, hi) = consistent_range((0.0, 100.0), exact, ok).expect("the truth fits");
    if (20.0..=80.0).contains(&truth) {
        prop_assert!(hi - lo > 20.0, "{truth} pinned to {lo}..{hi} by {shown}");
    }
    Ok(hi - lo)
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
    let others = |role: Option<usize>| -> Vec<&Planted> {
        covered
            .iter()
            .filter(|(m, victim)| !victim && role.is_none_or(|r| m.role == r))
            .map(|(m, _)| *m)
            .collect()
    };
    for (k, figure) in report.figures.iter().enumerate() {
        let truth = team.victim.scores[k].expect("the victim's score");
        let known: Vec<f64> = others(None).iter().filter_map(|m| m.scores[k]).collect();
        let n = known.len() + 1;
        let sum: f64 = known.iter().sum();
        if let Some(shown) = figure.mean {
            let w = step(n).expect("a step");
            check_figure(
                truth,
                &|v| (sum + v) / n as f64,
                shown,
                w,
                n,
                (false, false),
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
            let known: Vec<f64> = others(Some(REPS))
                .iter()
                .filter_map(|m| m.scores[k])
                .collect();
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
    let key = team.key();
    let release = Release::new(&key, TEAM_NAME, 1, covered.len());
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

/// The victim's scores on the company index consistent with every figure of
/// one report that involves it (team mean, halves, reps' mean), intersected:
/// (lowest, highest) on the scale.
fn joint_range(report: &TeamReport, known: &[(f64, bool)]) -> (f64, f64) {
    let mut lo: f64 = 0.0;
    let mut hi: f64 = 100.0;
    let mut narrow = |exact: &dyn Fn(f64) -> f64, shown: f64, w: f64, edges: (bool, bool)| {
        let ok = |x: f64| consistent(x, shown, w, edges.0, edges.1);
        if let Some((a, b)) = consistent_range((0.0, 100.0), exact, ok) {
            lo = lo.max(a);
            hi = hi.min(b);
        }
    };
    let all: Vec<f64> = known.iter().map(|(s, _)| *s).collect();
    let reps: Vec<f64> = known.iter().filter(|(_, r)| *r).map(|(s, _)| *s).collect();
    let f = &report.figures[0];
    if let Some(m) = f.mean {
        let n = all.len() + 1;
        let sum: f64 = all.iter().sum();
        narrow(
            &|v| (sum + v) / n as f64,
            m,
            step(n).expect("step"),
            (false, false),
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
    if let Some(shown) = report.index_gaps[0].by_role[REPS] {
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

/// What an attacker gains by combining figures, measured (the numbers the
/// README quotes): the share of attacks that narrow a victim's company index
/// (between 20 and 80) to 20 points or fewer, from every figure of one
/// release together, and from every release a wave reaches as the attacker
/// adds three planted members at a time; and how often the middle of what
/// remains, the attacker's best guess, falls within 10 points (a blind guess
/// of 50 does a third of the time). Run with `--nocapture` to see them.
#[test]
fn combining_figures_and_releases_narrows_a_score_rarely_and_slowly() {
    let q = &*STUDY;
    let member = |role: &str, s: f64| Member {
        scores: PerIndex::from_fn(|k| (k == IndexKind::Overall).then_some(s)),
        answers: Answers::from_json(q, &serde_json::json!({ "role": role }), Completeness::Draft)
            .expect("answers"),
        held: false,
        shown_name: None,
        in_peer_index: false,
    };
    let attacks = 300;
    let mut rng = fastrand::Rng::with_seed(17);
    let mut narrowed_by_release = [0usize; 9];
    let mut width_by_release = vec![Vec::new(); 9];
    let mut guessed_by_release = [0usize; 9];
    for attack in 0..attacks {
        let truth = 20.0 + 60.0 * rng.f64();
        // The victim joins third; two planted reps before, then planted members
        // of every role, three per release.
        let mut known: Vec<(f64, bool)> = Vec::new();
        let mut members = Vec::new();
        for _ in 0..2 {
            let s = 100.0 * rng.f64();
            known.push((s, true));
            members.push(member("rep", s));
        }
        members.push(member("rep", truth));
        let (mut lo, mut hi) = (0.0f64, 100.0f64);
        let mut release = 0;
        while release < 9 {
            let s = 100.0 * rng.f64();
            let rep = rng.bool();
            known.push((s, rep));
            members.push(member(if rep { "rep" } else { "executive" }, s));
            let report = team_report(&TeamInput {
                questionnaire: q,
                rules: &RULES,
                team: &format!("measured {attack}"),
                key: &ReleaseKey::new(b"measured"),
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
            let (a, b) = joint_range(&report, &known);
            assert!(a <= truth + 0.1 && truth - 0.1 <= b, "the truth fits");
            lo = lo.max(a);
            hi = hi.min(b);
            width_by_release[release].push(hi - lo);
            if hi - lo <= 20.0 {
                narrowed_by_release[release] += 1;
            }
            // The middle of the window, as the attacker's best guess.
            if ((lo + hi) / 2.0 - truth).abs() <= 10.0 {
                guessed_by_release[release] += 1;
            }
            release += 1;
        }
    }
    for (k, narrowed) in narrowed_by_release.iter().enumerate() {
        let mut widths = width_by_release[k].clone();
        widths.sort_by(f64::total_cmp);
        println!(
            "after {} release(s) ({} members): {:.1}% narrowed to 20 points or fewer; median window {:.0} points; middle of the window within 10 points: {:.0}%",
            k + 1,
            5 + 3 * k,
            100.0 * *narrowed as f64 / attacks as f64,
            widths[widths.len() / 2],
            100.0 * guessed_by_release[k] as f64 / attacks as f64
        );
    }
    for narrowed in narrowed_by_release {
        assert!(narrowed * 20 < attacks, "under 5% in every release");
    }
}
