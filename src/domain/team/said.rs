//! The team report's sentences (other than each figure's own): said once, in
//! the coach's voice, and shown alike on the web page and in the PDF.

use super::disclosure::step;
use super::model::{TeamReport, TeamSaid};
use super::rules::TeamRules;
use crate::questionnaire::Questionnaire;

fn colleagues(n: usize) -> &'static str {
    if n == 1 { "colleague" } else { "colleagues" }
}

/// Every sentence of a team report, from its figures.
pub(super) fn team_said(q: &Questionnaire, rules: &TeamRules, t: &TeamReport) -> TeamSaid {
    TeamSaid {
        answered: format!(
            "Wave {}: {} {} answered.",
            t.wave,
            t.members,
            colleagues(t.members)
        ),
        taking_part: if t.names.is_empty() {
            String::new()
        } else {
            format!("Taking part: {}.", t.names.join(", "))
        },
        coverage: coverage(rules, t),
        rounding: rounding(t),
        spread: format!(
            "The spread is the average score of the lower half of the team and that of the upper half. It is shown once {} colleagues have a score.",
            rules.spread_minimum
        ),
        no_peers: if t.peer_size.is_none() {
            "No peer group of enough responses matches your company yet, so the team is not placed among peers.".into()
        } else {
            String::new()
        },
        roles: roles(t),
        no_gap: if t.has_gap {
            String::new()
        } else {
            format!(
                "The perception gap appears once at least two roles each have {} colleagues among those the figures cover. No figure is shown for a smaller role, so that nobody's answers can be worked out.",
                t.minimum
            )
        },
        items: items(q, rules, t),
        first_wave: if t.waves.len() <= 1 {
            "This is the team's first wave. Run the team again in six or twelve months to see what moved.".into()
        } else {
            String::new()
        },
    }
}

/// Which members the figures cover and when they change, or when they appear.
fn coverage(rules: &TeamRules, t: &TeamReport) -> String {
    match t.covered {
        None => format!(
            "Team figures appear once {} colleagues have answered, so that nobody's answers can be worked out. Send the invitation to more colleagues.",
            rules.team_minimum
        ),
        Some(n) => format!(
            "These figures are those of the first {n} colleagues who answered. They change next when {} have answered: several people at a time, never one, so that no one's answers show in the change.",
            t.next_release
        ),
    }
}

/// That every figure is rounded by design, and how closely the team's are.
fn rounding(t: &TeamReport) -> String {
    let plain = "Team figures are rounded on purpose, so that no one's answers can be worked out from them, not even by someone who knows everyone else's.";
    match t.covered.and_then(step) {
        Some(w) => format!(
            "{plain} The team's are in steps of {w} points and within {} points of the exact figure; a role's rest on fewer people and are coarser, and on a single question each answer also carries a noise of its own, so that only a wide difference between roles there means something. Read them as a picture of the team, not as exact scores.",
            (1.5 * w).ceil()
        ),
        None => plain.to_string(),
    }
}

/// Each role group and whether it has figures.
fn roles(t: &TeamReport) -> String {
    if t.covered.is_none() {
        return String::new();
    }
    let parts: Vec<String> = t
        .roles
        .iter()
        .map(|r| match r.members {
            Some(n) => format!("{}: {n} answered", r.name),
            None => format!(
                "{}: fewer than {} answered, so no figure is shown",
                r.name, t.minimum
            ),
        })
        .collect();
    format!("{}.", parts.join("; "))
}

/// What a role's figure on a single question counts, or when there are some.
fn items(q: &Questionnaire, rules: &TeamRules, t: &TeamReport) -> String {
    let Some(first) = t.item_gaps.first() else {
        return format!(
            "The questions where the roles differ most appear once at least two roles each have {} colleagues among those the figures cover who answered them.",
            rules.item_minimum
        );
    };
    // The first question's own top answers name the rule concretely.
    let example = q
        .item(&first.key)
        .map(|item| {
            let mut scored: Vec<_> = item
                .options
                .iter()
                .filter_map(|o| Some((o.score?, o.label.as_str())))
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            match scored.as_slice() {
                [(_, top), (_, next), ..] => format!(" ({top} as {next})"),
                _ => String::new(),
            }
        })
        .unwrap_or_default();
    format!(
        "A role's figure on a question needs {} people of the role, and counts an answer at either end of the scale as the one next to it{example}, so that no one's answer can be told apart.",
        rules.item_minimum
    )
}
