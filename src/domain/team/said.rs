//! The team report's sentences (other than each figure's own): said once, in
//! the coach's voice, and shown alike on the web page and in the PDF.

use super::disclosure::{Shown, beyond_rounding, index_figure, step};
use super::model::{Gap, TeamReport, TeamSaid};
use super::rules::TeamRules;
use crate::questionnaire::Questionnaire;

/// The people who answered, the starter among them: "1 person", "5 people".
fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_string()
    } else {
        format!("{n} people")
    }
}

/// Every sentence of a team report, from its figures.
pub(super) fn team_said(q: &Questionnaire, rules: &TeamRules, t: &TeamReport) -> TeamSaid {
    TeamSaid {
        answered: format!("Wave {}: {} answered.", t.wave, people(t.members)),
        newer_wave: if t.newest_wave == t.wave {
            String::new()
        } else {
            format!(
                "Wave {} has started: {} answered so far. The figures below stay those of wave {} until {} have answered wave {}.",
                t.newest_wave,
                people(t.newest_members),
                t.wave,
                rules.team_minimum,
                t.newest_wave
            )
        },
        reading: reading(rules, t),
        gaps: gaps(rules, t),
        legend: if t.figures.iter().any(|f| f.lower_half.is_some()) {
            "The dark mark is the team's mean; the light band, its spread.".to_string()
        } else if t.enough {
            "The dark mark is the team's mean.".to_string()
        } else {
            String::new()
        },
        taking_part: if t.names.is_empty() {
            String::new()
        } else {
            format!("Taking part: {}.", t.names.join(", "))
        },
        coverage: coverage(rules, t),
        rounding: rounding(t),
        spread: format!(
            "The spread is the average score of the lower half of the team and that of the upper half. It is shown once {} have a score.",
            people(rules.spread_minimum)
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
                "The perception gap appears once at least two roles each have {} among those the figures cover. No figure is shown for a smaller role, so that nobody's answers can be worked out.",
                people(t.minimum)
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
            "Team figures appear once {} have answered, so that nobody's answers can be worked out. Send the invitation to more colleagues.",
            people(rules.team_minimum)
        ),
        Some(n) if t.wave != t.newest_wave => format!(
            "These figures are those of the first {} who answered wave {}.",
            people(n),
            t.wave
        ),
        Some(n) => format!(
            "These figures are those of the first {} who answered. They change next when {} have answered: several people at a time, never one, so that no one's answers show in the change.",
            people(n),
            t.next_release
        ),
    }
}

/// That every figure is rounded and blurred by design, and how closely the
/// team's follow the exact means.
fn rounding(t: &TeamReport) -> String {
    let plain = "Team figures are rounded and blurred on purpose, so that no one's answers or scores can be worked out from them, not even by someone who knows everyone else's.";
    match t.covered.and_then(|n| index_figure(0.0, n)) {
        Some(figure) => {
            let typical = figure.deviation().round();
            format!(
                "{plain} The team's means are in steps of {} points, and each person's score enters them with a noise of its own, so a mean is typically within {typical} points of the exact one and nearly always within {}. A role's figures rest on fewer people and are blurred more, so only a wide difference between roles means something. Read them as a picture of the team, not as exact scores.",
                figure.step,
                2.0 * typical
            )
        }
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
            "The questions where the roles differ most appear once at least two roles each have {} among those the figures cover who answered them.",
            people(rules.item_minimum)
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

/// The coach's reading: the team's lowest index and where to start; then the
/// gap between roles that matters most, what a gap of that size usually means,
/// and one next step.
fn reading(rules: &TeamRules, t: &TeamReport) -> Vec<String> {
    let Some(readings) = &rules.readings else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // The sub-indices say where to act; the company index is their mean. A
    // sub-index counts as lowest only when it stands below the others by
    // more than the rounding of team figures makes: the others within that
    // reach of the lowest are as low as it. (A member's noise is the same on
    // all their indices, so it does not move one index against another.)
    let means: Vec<(&str, f64, usize)> = t
        .figures
        .iter()
        .filter(|f| f.key != "overall")
        .filter_map(|f| f.mean.map(|m| (f.name.as_str(), m, f.answered)))
        .collect();
    if let Some(&(_, low, n_low)) = means.iter().min_by(|a, b| a.1.total_cmp(&b.1)) {
        let rounded = |value: f64, n: usize| {
            step(n).map(|step| Shown {
                value,
                step,
                noise: 0.0,
            })
        };
        let clearly_above = |m: f64, n: usize| match (rounded(m, n), rounded(low, n_low)) {
            (Some(a), Some(b)) => beyond_rounding(m - low, &a, &b),
            _ => m > low,
        };
        let lowest: Vec<&(&str, f64, usize)> =
            means.iter().filter(|m| !clearly_above(m.1, m.2)).collect();
        let names: Vec<String> = lowest.iter().map(|m| m.0.to_string()).collect();
        let high = lowest.iter().map(|m| m.1).fold(low, f64::max);
        let at = if high > low {
            format!("between {low}% and {high}%")
        } else {
            format!("at {low}%")
        };
        let text = if lowest.len() == means.len() && means.len() > 1 {
            &readings.level
        } else {
            &readings.lowest
        };
        out.push(
            text.replace("{index}", &list(&names))
                .replace("{mean}", &at),
        );
    }
    // The widest notable gap on a sub-index, else on the company index, else on
    // a single question; else, the widest index gap that rounding and noise alone could
    // make, as a question to ask.
    let subs = |g: &&Gap| g.key != "overall";
    let notable = |g: &&Gap| g.notable;
    let unclear = |g: &&Gap| g.difference.is_some_and(|d| d >= rules.notable_gap);
    let chosen = widest(t.index_gaps.iter().filter(subs).filter(notable))
        .or_else(|| widest(t.index_gaps.iter().filter(notable)))
        .map(|w| {
            let senior_higher =
                rank(t, w.first.highest.as_deref()) < rank(t, w.first.lowest.as_deref());
            let text = readings.gap(w.points).map(|r| {
                if senior_higher {
                    r.top_down.clone()
                } else {
                    r.bottom_up.clone()
                }
            });
            (w, text)
        })
        .or_else(|| {
            // One question is named: the reading says "one question".
            widest(t.item_gaps.iter().filter(notable)).map(|mut w| {
                w.names = format!("\u{201c}{}\u{201d}", w.first.name);
                (w, Some(readings.item_gap.clone()))
            })
        })
        .or_else(|| {
            widest(t.index_gaps.iter().filter(subs).filter(unclear))
                .or_else(|| widest(t.index_gaps.iter().filter(unclear)))
                .map(|w| (w, Some(readings.unclear_gap.clone())))
        });
    if let Some((w, Some(text))) = chosen {
        let (higher, lower) = (
            w.first.highest.clone().unwrap_or_default(),
            w.first.lowest.clone().unwrap_or_default(),
        );
        out.push(
            text.replace("{Higher}", &higher)
                .replace("{higher}", &higher.to_lowercase())
                .replace("{lower}", &lower.to_lowercase())
                .replace("{index}", &w.names)
                .replace("{points}", &format!("{}", w.points)),
        );
    }
    out
}

/// The widest of some gaps, with every other gap of the same width between the
/// same two roles: read together, never one picked from a tie.
struct Widest<'a> {
    first: &'a Gap,
    points: f64,
    /// "Win Rate and Sales Cycle"; a question in quotation marks.
    names: String,
}

fn widest<'a>(gaps: impl Iterator<Item = &'a Gap>) -> Option<Widest<'a>> {
    let gaps: Vec<&Gap> = gaps.filter(|g| g.difference.is_some()).collect();
    let points = gaps
        .iter()
        .filter_map(|g| g.difference)
        .max_by(f64::total_cmp)?;
    let first = *gaps.iter().find(|g| g.difference == Some(points))?;
    let names: Vec<String> = gaps
        .iter()
        .filter(|g| {
            g.difference == Some(points) && g.highest == first.highest && g.lowest == first.lowest
        })
        .map(|g| {
            if g.section.is_empty() {
                g.name.clone()
            } else {
                format!("\u{201c}{}\u{201d}", g.name)
            }
        })
        .collect();
    Some(Widest {
        first,
        points,
        names: list(&names),
    })
}

/// Names in a sentence: "Value", "Value and Number", "Value, Number and Win Rate".
fn list(v: &[String]) -> String {
    match v {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A role's place in the declared order of role groups (most senior first).
fn rank(t: &TeamReport, name: Option<&str>) -> usize {
    t.roles
        .iter()
        .position(|r| Some(r.name.as_str()) == name)
        .unwrap_or(usize::MAX)
}

/// The gaps between roles on the indices, said once: who scores higher on
/// which, by how much, and where the roles see it alike.
fn gaps(rules: &TeamRules, t: &TeamReport) -> String {
    if !t.has_gap {
        return String::new();
    }
    // Notable gaps grouped by which role is higher, in index order.
    let mut groups: Vec<((String, String), Vec<String>)> = Vec::new();
    let mut alike = Vec::new();
    let mut rounded = Vec::new();
    for g in &t.index_gaps {
        match (&g.highest, &g.lowest, g.difference) {
            (Some(h), Some(l), Some(d)) if g.notable => {
                let said = format!("{} by {d} points", g.name);
                match groups.iter_mut().find(|(k, _)| k.0 == *h && k.1 == *l) {
                    Some((_, v)) => v.push(said),
                    None => groups.push(((h.clone(), l.clone()), vec![said])),
                }
            }
            (Some(_), Some(_), Some(d)) if d < rules.notable_gap => alike.push(g.name.clone()),
            (Some(_), Some(_), Some(d)) => rounded.push((g.name.clone(), d)),
            _ => {}
        }
    }
    let mut parts: Vec<String> = groups
        .iter()
        .map(|((h, l), v)| {
            let all = v.len() == t.index_gaps.len();
            format!(
                "{h} score higher than {} on {}: {}",
                l.to_lowercase(),
                if all {
                    "every index"
                } else if v.len() == 1 {
                    "one index"
                } else {
                    "these indices"
                },
                list(v)
            )
        })
        .collect();
    if !alike.is_empty() {
        parts.push(format!(
            "on {} the roles' figures lie within {} points of each other",
            list(&alike),
            rules.notable_gap
        ));
    }
    // One figure said once when every such gap is the same size ("by 40
    // points on every index"), each beside its index otherwise.
    if let Some((_, first)) = rounded.first() {
        let names: Vec<String> = rounded.iter().map(|(n, _)| n.clone()).collect();
        let differ = if rounded.iter().all(|(_, d)| d == first) {
            let on = if rounded.len() == t.index_gaps.len() && rounded.len() > 1 {
                "every index".to_string()
            } else {
                list(&names)
            };
            format!("the roles differ by {first} points on {on}")
        } else {
            let each: Vec<String> = rounded
                .iter()
                .map(|(n, d)| format!("{n} ({d} points)"))
                .collect();
            format!("the roles differ on {}", list(&each))
        };
        parts.push(format!(
            "{differ}, no more than the rounding and noise of groups this small make on their own"
        ));
    }
    let mut sentence = parts.join("; ");
    if let Some(first) = sentence.get(..1) {
        sentence = format!("{}{}.", first.to_uppercase(), &sentence[1..]);
    }
    sentence
}
