//! Teams: several people of one company answering together, and what their
//! answers say as a team.
//!
//! The questionnaire file declares, in its `[teams]` table, which profile items a
//! team shares (its peer-group profile), which item gives a member's role and how
//! its options map to role groups (leaders, managers, reps), and the smallest
//! number of respondents behind any figure. This module turns the members' scores
//! and answers into the team report model; nothing here knows where they are
//! stored or how they are shown.
//!
//! Anonymity is decided here, once, so that the web page and the PDF cannot
//! disagree: a team figure needs at least `minimum_per_role` members behind it, a
//! role's figure at least `minimum_per_role` members of that role, and an item's
//! role mean at least that many scored answers. The spread is the interquartile
//! range, never the minimum and maximum, which are one person's score; and only
//! from `spread_minimum` members, since in a small team the quartiles fall on,
//! or together with the mean pin down, individual scores (with three members,
//! the mean and both quartiles give every score exactly).

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::answers::{Answer, Answers};
use super::peer::{IndexKind, PeerGroup, PerIndex, percentile_of_sorted};
use super::questionnaire::{Item, PartKind, Problem, Questionnaire, SubIndex};
use super::report::index_name;

/// A role group of the perception gap: leaders, managers or reps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleGroup {
    pub id: String,
    /// As the report names the group ("Leaders").
    pub name: String,
    /// The role item's option ids that belong to the group.
    pub options: Vec<String>,
}

/// The team rules of a questionnaire (its `[teams]` table).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamRules {
    /// The profile item that gives a member's role.
    pub role_item: String,
    /// Profile items a team shares: taken from the team, not asked again.
    pub shared_items: Vec<String>,
    /// The contact item shown in the team report for members who chose to show
    /// their name.
    pub name_item: Option<String>,
    pub role_groups: Vec<RoleGroup>,
    /// The fewest respondents behind any team or role figure.
    pub minimum_per_role: usize,
    /// The fewest scores behind a spread (interquartile range).
    pub spread_minimum: usize,
    /// Members at which the team report is ready (the starter is told).
    pub ready_at: usize,
    /// A difference between roles, in points, worth putting into words.
    pub notable_gap: f64,
    /// How many items the perception gap lists.
    pub items_listed: usize,
}

/// The `[teams]` table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTeams {
    role_item: Option<String>,
    #[serde(default)]
    shared_items: Vec<String>,
    name_item: Option<String>,
    #[serde(default)]
    role_groups: Vec<RawRoleGroup>,
    minimum_per_role: Option<usize>,
    spread_minimum: Option<usize>,
    ready_at: Option<usize>,
    notable_gap: Option<f64>,
    items_listed: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRoleGroup {
    id: Option<String>,
    name: Option<String>,
    #[serde(default)]
    options: Vec<String>,
}

fn problem(place: &str, message: impl Into<String>) -> Problem {
    Problem {
        place: place.to_string(),
        message: message.into(),
    }
}

impl RawTeams {
    /// Checks the table against the questionnaire's items; every problem found is
    /// added to `problems`.
    pub(crate) fn build(self, items: &[Item], problems: &mut Vec<Problem>) -> TeamRules {
        const PLACE: &str = "[teams]";
        let find = |id: &str| items.iter().find(|i| i.id == id);
        let role_item = self.role_item.unwrap_or_default();
        let role = find(&role_item);
        match role {
            None => problems.push(problem(
                PLACE,
                format!("`role_item` `{role_item}` is not an item"),
            )),
            Some(item) if item.options.is_empty() => problems.push(problem(
                PLACE,
                format!("`role_item` `{role_item}` has no options"),
            )),
            Some(_) => {}
        }
        for id in &self.shared_items {
            match find(id) {
                None => problems.push(problem(
                    PLACE,
                    format!("shared item `{id}` is not an item"),
                )),
                Some(item) if item.contact || item.id == role_item => problems.push(problem(
                    PLACE,
                    format!("shared item `{id}` is a contact detail or the role: each member gives their own"),
                )),
                Some(_) => {}
            }
        }
        if let Some(id) = &self.name_item
            && !find(id).is_some_and(|i| i.contact)
        {
            problems.push(problem(
                PLACE,
                format!("`name_item` `{id}` is not a contact item"),
            ));
        }
        let mut seen = HashSet::new();
        let mut role_groups = Vec::new();
        for (n, g) in self.role_groups.into_iter().enumerate() {
            let place = format!("[teams] role group #{}", n + 1);
            let id = g.id.unwrap_or_default();
            let name = g.name.unwrap_or_default();
            if id.is_empty() || name.is_empty() {
                problems.push(problem(&place, "needs an `id` and a `name`"));
            }
            for option in &g.options {
                if role.is_some_and(|r| r.option(option).is_none()) {
                    problems.push(problem(
                        &place,
                        format!("`{option}` is not an option of `{role_item}`"),
                    ));
                }
                if !seen.insert(option.clone()) {
                    problems.push(problem(
                        &place,
                        format!("`{option}` is in more than one role group"),
                    ));
                }
            }
            role_groups.push(RoleGroup {
                id,
                name,
                options: g.options,
            });
        }
        if role_groups.len() < 2 {
            problems.push(problem(PLACE, "declare at least two role groups"));
        }
        let minimum_per_role = self.minimum_per_role.unwrap_or(3);
        if minimum_per_role < 3 {
            problems.push(problem(
                PLACE,
                "`minimum_per_role` below 3 would let a member work out a colleague's answers",
            ));
        }
        let spread_minimum = self.spread_minimum.unwrap_or(8);
        if spread_minimum < 8 {
            problems.push(problem(
                PLACE,
                "`spread_minimum` below 8 would let quartiles fall on one person's score",
            ));
        }
        TeamRules {
            spread_minimum,
            role_item,
            shared_items: self.shared_items,
            name_item: self.name_item,
            role_groups,
            minimum_per_role,
            ready_at: self
                .ready_at
                .unwrap_or(minimum_per_role)
                .max(minimum_per_role),
            notable_gap: self.notable_gap.unwrap_or(10.0),
            items_listed: self.items_listed.unwrap_or(10),
        }
    }
}

impl TeamRules {
    /// The role group (its position) of a set of answers, if the role given
    /// belongs to one.
    pub fn role_group_of(&self, q: &Questionnaire, answers: &Answers) -> Option<usize> {
        let pos = q.item_position(&self.role_item)?;
        let Some(Answer::Option(i)) = answers.get(pos) else {
            return None;
        };
        let option = &q.items[pos].options[*i].id;
        self.role_groups
            .iter()
            .position(|g| g.options.iter().any(|o| o == option))
    }
}

/// One member's part of the team report: their scores (overall, the four
/// sub-indices, personal, as stored) and answers. Names are not part of it: a
/// name is shown only when its member chose so, and that list is kept apart.
#[derive(Debug, Clone)]
pub struct Member {
    pub scores: PerIndex<Option<f64>>,
    pub answers: Answers,
}

/// One wave of a team: its number and its members.
#[derive(Debug, Clone)]
pub struct WaveMembers {
    pub wave: u32,
    pub members: Vec<Member>,
}

/// A team figure: mean and interquartile range, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamFigure {
    pub key: &'static str,
    pub name: String,
    /// Members with a score for this index.
    pub answered: usize,
    pub mean: Option<f64>,
    pub lower_quartile: Option<f64>,
    pub upper_quartile: Option<f64>,
    /// The share of the peer group that did not score better than the team mean.
    pub relative: Option<f64>,
    pub peer_median: Option<f64>,
    /// Mean and spread as said: "62% (the middle half between 55% and 70%)".
    pub display: String,
    /// Where the team mean stands in the peer group, in words; empty without one.
    pub peer_sentence: String,
}

/// A role group as the team report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleView {
    pub id: String,
    pub name: String,
    /// Whether enough members of this role answered for any figure.
    pub shown: bool,
    /// The number of members, only when shown.
    pub members: Option<usize>,
}

/// The perception gap on one index or item: each shown role's mean, and the
/// roles furthest apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub key: String,
    pub name: String,
    /// The section of an item (empty for an index).
    pub section: String,
    /// One mean per role group, in the order of [`TeamReport::roles`]; `None`
    /// where the role has too few answers.
    pub by_role: Vec<Option<f64>>,
    /// The highest and the lowest role (names) and the difference in points,
    /// when at least two roles have a figure.
    pub highest: Option<String>,
    pub lowest: Option<String>,
    pub difference: Option<f64>,
    /// Whether the difference reaches the questionnaire's `notable_gap`.
    pub notable: bool,
    /// The gap in words, the same on the page and on paper; empty without one.
    pub sentence: String,
}

/// One wave's team figures, for the comparison of waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveFigures {
    pub wave: u32,
    pub members: usize,
    /// Team means (overall and the four sub-indices), `None` below the minimum.
    pub means: Vec<Option<f64>>,
    /// Change of each mean since the wave before with figures.
    pub changes: Vec<Option<f64>>,
    /// Each mean with its change, as said ("62% (+12)"), or why there is none.
    pub displays: Vec<String>,
}

/// The team report model, shared by the web page and the PDF.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamReport {
    pub study_name: String,
    /// The wave shown.
    pub wave: u32,
    pub members: usize,
    /// The fewest respondents behind any figure.
    pub minimum: usize,
    /// Whether the team has enough members for team figures.
    pub enough: bool,
    /// Overall and the four sub-indices.
    pub figures: Vec<TeamFigure>,
    pub roles: Vec<RoleView>,
    /// Whether at least two roles have figures: a perception gap can be shown.
    pub has_gap: bool,
    /// The perception gap per index (overall and the four sub-indices).
    pub index_gaps: Vec<Gap>,
    /// The items where the roles differ most, largest first.
    pub item_gaps: Vec<Gap>,
    /// The peer group the team is compared with: (dimension, option label)
    /// pairs and its size; `None` when no group of K exists.
    pub peer_dimensions: Vec<String>,
    pub peer_size: Option<usize>,
    /// Every wave, oldest first.
    pub waves: Vec<WaveFigures>,
    /// Names of the members who chose to show theirs.
    pub names: Vec<String>,
}

/// The indices the team report covers: the company index and its sub-indices.
const INDICES: [IndexKind; 5] = [
    IndexKind::Overall,
    IndexKind::Sub(SubIndex::Value),
    IndexKind::Sub(SubIndex::Number),
    IndexKind::Sub(SubIndex::WinRate),
    IndexKind::Sub(SubIndex::SalesCycle),
];

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The mean of `values` when at least `minimum` are given.
fn guarded_mean(values: &[f64], minimum: usize) -> Option<f64> {
    if values.len() < minimum {
        None
    } else {
        mean(values)
    }
}

/// The inputs of a team report.
pub struct TeamInput<'a> {
    pub questionnaire: &'a Questionnaire,
    pub rules: &'a TeamRules,
    /// Every wave of the team, oldest first; the last is the one shown.
    pub waves: &'a [WaveMembers],
    /// The peer group selected by the team's profile, if one of K exists.
    pub peer: Option<PeerGroup<'a>>,
    pub names: Vec<String>,
}

/// Builds the team report of the last wave in `input.waves`.
pub fn team_report(input: &TeamInput<'_>) -> TeamReport {
    let q = input.questionnaire;
    let rules = input.rules;
    let minimum = rules.minimum_per_role;
    let empty = WaveMembers {
        wave: 1,
        members: Vec::new(),
    };
    let current = input.waves.last().unwrap_or(&empty);
    let members = &current.members;
    let enough = members.len() >= minimum;
    let roles_of: Vec<Option<usize>> = members
        .iter()
        .map(|m| rules.role_group_of(q, &m.answers))
        .collect();
    let role_counts: Vec<usize> = (0..rules.role_groups.len())
        .map(|g| roles_of.iter().filter(|r| **r == Some(g)).count())
        .collect();
    let roles: Vec<RoleView> = rules
        .role_groups
        .iter()
        .zip(&role_counts)
        .map(|(g, &n)| RoleView {
            id: g.id.clone(),
            name: g.name.clone(),
            shown: n >= minimum,
            members: (n >= minimum).then_some(n),
        })
        .collect();
    let has_gap = roles.iter().filter(|r| r.shown).count() >= 2;

    let peer_dimensions: Vec<String> = input
        .peer
        .as_ref()
        .map(|p| {
            p.dimensions
                .iter()
                .map(|(dim, option)| {
                    q.dimensions()
                        .find(|(d, _)| d == dim)
                        .and_then(|(_, item)| item.option(option))
                        .map_or_else(|| option.clone(), |(_, o)| o.label.clone())
                })
                .collect()
        })
        .unwrap_or_default();

    let peer_group = match &input.peer {
        Some(p) if peer_dimensions.is_empty() => {
            format!("everyone in the study ({} responses)", p.scores.size)
        }
        Some(p) => format!(
            "your peer group ({}, {} responses)",
            peer_dimensions.join(", "),
            p.scores.size
        ),
        None => String::new(),
    };
    let figures = INDICES
        .iter()
        .map(|&kind| {
            let mut scores: Vec<f64> = members.iter().filter_map(|m| *m.scores.get(kind)).collect();
            scores.sort_by(f64::total_cmp);
            let shown = enough && scores.len() >= minimum;
            let team_mean = if shown { mean(&scores) } else { None };
            let peer_scores = input.peer.as_ref().map(|p| p.scores.scores(kind));
            let spread = shown && scores.len() >= rules.spread_minimum;
            let lower_quartile = spread
                .then(|| percentile_of_sorted(&scores, 25.0))
                .flatten();
            let upper_quartile = spread
                .then(|| percentile_of_sorted(&scores, 75.0))
                .flatten();
            let relative = team_mean
                .zip(peer_scores)
                .and_then(|(m, p)| p.relative_performance(m));
            let display = match (team_mean, lower_quartile, upper_quartile) {
                (Some(m), Some(l), Some(u)) => format!(
                    "{}% (the middle half of the team between {}% and {}%)",
                    m.round(),
                    l.round(),
                    u.round()
                ),
                (Some(m), _, _) => format!(
                    "{}% (the spread is shown once {} colleagues have a score)",
                    m.round(),
                    rules.spread_minimum
                ),
                _ => format!("no figure: fewer than {minimum} colleagues have a score"),
            };
            let peer_sentence = match relative {
                Some(r) if r >= 99.5 => format!("Top of {peer_group}."),
                Some(r) => format!("Higher than {}% of {peer_group}.", r.round()),
                None => String::new(),
            };
            TeamFigure {
                key: kind.key(),
                name: index_name(q, kind),
                answered: scores.len(),
                mean: team_mean,
                lower_quartile,
                upper_quartile,
                relative,
                peer_median: peer_scores.and_then(|p| p.percentile(50.0)),
                display,
                peer_sentence,
            }
        })
        .collect();

    let gap_of = |key: String, name: String, section: String, by_role: Vec<Option<f64>>| {
        let named: Vec<(usize, f64)> = by_role
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        let high = named.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1));
        let low = named.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
        let (highest, lowest, difference) = match (high, low) {
            (Some(h), Some(l)) if named.len() >= 2 => (
                Some(rules.role_groups[h.0].name.clone()),
                Some(rules.role_groups[l.0].name.clone()),
                Some(h.1 - l.1),
            ),
            _ => (None, None, None),
        };
        let notable = difference.is_some_and(|d| d >= rules.notable_gap);
        let sentence = match (&highest, &lowest, difference) {
            (Some(h), Some(l), Some(d)) if notable => {
                let what = if section.is_empty() {
                    format!("score {name}")
                } else {
                    "score this".to_string()
                };
                format!(
                    "{h} {what} {} points higher than {}.",
                    d.round(),
                    l.to_lowercase()
                )
            }
            (Some(_), Some(_), Some(d)) => {
                format!(
                    "The roles see this alike: within {} points.",
                    d.round().max(1.0)
                )
            }
            _ => String::new(),
        };
        Gap {
            key,
            name,
            section,
            by_role,
            highest,
            lowest,
            notable,
            difference,
            sentence,
        }
    };

    let index_gaps = INDICES
        .iter()
        .map(|&kind| {
            let by_role = (0..rules.role_groups.len())
                .map(|g| {
                    let scores: Vec<f64> = members
                        .iter()
                        .zip(&roles_of)
                        .filter(|(_, r)| **r == Some(g))
                        .filter_map(|(m, _)| *m.scores.get(kind))
                        .collect();
                    guarded_mean(&scores, minimum)
                })
                .collect();
            gap_of(
                kind.key().to_string(),
                index_name(q, kind),
                String::new(),
                by_role,
            )
        })
        .collect();

    let mut item_gaps: Vec<Gap> = if has_gap {
        let section_title: BTreeMap<&str, &str> = q
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str()))
            .collect();
        q.items_of_part(PartKind::Company)
            .filter(|item| item.is_scored())
            .filter_map(|item| {
                let pos = q.item_position(&item.id)?;
                let by_role = (0..rules.role_groups.len())
                    .map(|g| {
                        let scores: Vec<f64> = members
                            .iter()
                            .zip(&roles_of)
                            .filter(|(_, r)| **r == Some(g))
                            .filter_map(|(m, _)| match m.answers.get(pos) {
                                Some(Answer::Option(i)) => item.options[*i].score,
                                _ => None,
                            })
                            .collect();
                        guarded_mean(&scores, minimum)
                    })
                    .collect();
                let gap = gap_of(
                    item.id.clone(),
                    item.text.clone(),
                    section_title
                        .get(item.section.as_str())
                        .map(|s| s.to_string())
                        .unwrap_or_default(),
                    by_role,
                );
                gap.difference.is_some().then_some(gap)
            })
            .collect()
    } else {
        Vec::new()
    };
    // Largest difference first; ties keep questionnaire order.
    item_gaps.sort_by(|a, b| {
        b.difference
            .unwrap_or(0.0)
            .total_cmp(&a.difference.unwrap_or(0.0))
    });
    item_gaps.truncate(rules.items_listed);

    let mut waves: Vec<WaveFigures> = Vec::new();
    for w in input.waves {
        let means: Vec<Option<f64>> = INDICES
            .iter()
            .map(|&kind| {
                let scores: Vec<f64> = w
                    .members
                    .iter()
                    .filter_map(|m| *m.scores.get(kind))
                    .collect();
                if w.members.len() < minimum {
                    None
                } else {
                    guarded_mean(&scores, minimum)
                }
            })
            .collect();
        let before = waves
            .iter()
            .rev()
            .find(|f| f.means.iter().any(Option::is_some));
        let changes: Vec<Option<f64>> = means
            .iter()
            .enumerate()
            .map(|(i, m)| Some(m.as_ref()? - before?.means[i]?))
            .collect();
        let displays = means
            .iter()
            .zip(&changes)
            .map(|(m, c)| match (m, c) {
                (Some(m), Some(c)) => format!("{}% ({:+} points)", m.round(), c.round()),
                (Some(m), None) => format!("{}%", m.round()),
                _ => "too few answered".to_string(),
            })
            .collect();
        waves.push(WaveFigures {
            wave: w.wave,
            members: w.members.len(),
            means,
            changes,
            displays,
        });
    }

    TeamReport {
        study_name: q.name.clone(),
        wave: current.wave,
        members: members.len(),
        minimum,
        enough,
        figures,
        roles,
        has_gap,
        index_gaps,
        item_gaps,
        peer_dimensions,
        peer_size: input.peer.as_ref().map(|p| p.scores.size),
        waves,
        names: input.names.clone(),
    }
}

#[cfg(test)]
mod tests;
