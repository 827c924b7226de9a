//! The team rules of a questionnaire (its `[teams]` table) and their checks:
//! every threshold the disclosure rule rests on has a floor the loader holds
//! a study file to.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::disclosure::FEWEST;
use crate::answers::{Answer, Answers};
use crate::questionnaire::{Item, Problem, Questionnaire};

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
    /// Counted members behind the team's figures: their first release.
    pub team_minimum: usize,
    /// Counted members between one release of a wave's figures and the next.
    pub release_step: usize,
    /// The fewest members of a role behind the role's figures.
    pub minimum_per_role: usize,
    /// The fewest answers of a role behind the role's figure on one item.
    pub item_minimum: usize,
    /// The fewest scores behind a spread (the means of the lower and upper half).
    pub spread_minimum: usize,
    /// Counted members at which the team report is ready (the starter is told).
    pub ready_at: usize,
    /// A difference between roles, in points, worth putting into words.
    pub notable_gap: f64,
    /// How many items the perception gap lists.
    pub items_listed: usize,
    /// What the team's figures and its widest gap usually mean, and what to do.
    pub readings: Option<TeamReadings>,
}

/// The coach's reading of a team report, declared in `[teams.readings]`.
///
/// Placeholders: `{index}` (the index's name), `{mean}` (its team mean, "at 60%" or a range "between 55% and 65%"),
/// `{points}` (a gap), `{higher}` / `{lower}` (the roles, in lower case) and
/// `{Higher}` (the higher role, as declared).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamReadings {
    /// The team's lowest index, and where to start.
    pub lowest: String,
    /// Every sub-index with a figure stands at the same mean: none is lowest.
    pub level: String,
    /// The widest gap between roles is no wider than rounding and noise alone can make
    /// in groups this small: a question for the team, not yet a finding.
    pub unclear_gap: String,
    /// The widest gap is on a single question, not on an index.
    pub item_gap: String,
    /// What a gap between roles of at least `from` points usually means, when
    /// the more senior role (declared earlier) sees it higher (`top_down`) or
    /// lower (`bottom_up`); widest band last.
    pub gaps: Vec<GapReading>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReading {
    pub from: f64,
    pub top_down: String,
    pub bottom_up: String,
}

impl TeamReadings {
    /// The reading of a gap of `points`, if one is declared from below it.
    pub fn gap(&self, points: f64) -> Option<&GapReading> {
        self.gaps.iter().rev().find(|g| points >= g.from)
    }
}

/// The placeholders a team reading may use.
const READING_PLACEHOLDERS: [&str; 6] = [
    "{index}", "{mean}", "{points}", "{higher}", "{lower}", "{Higher}",
];

/// A reading's text: present, and with no placeholder other than the known ones.
fn reading_text(
    place: &str,
    key: &str,
    text: Option<String>,
    problems: &mut Vec<Problem>,
) -> String {
    let text = text.map(|t| t.trim().to_string()).unwrap_or_default();
    if text.is_empty() {
        problems.push(problem(place, format!("`{key}` is missing or empty")));
    }
    let mut rest = text.as_str();
    while let Some(at) = rest.find('{') {
        let end = rest[at..].find('}').map_or(rest.len(), |e| at + e + 1);
        let found = &rest[at..end];
        if !READING_PLACEHOLDERS.contains(&found) {
            problems.push(problem(
                place,
                format!(
                    "`{key}` uses {found}, which is not one of {}",
                    READING_PLACEHOLDERS.join(", ")
                ),
            ));
        }
        rest = &rest[end..];
    }
    text
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
    team_minimum: Option<usize>,
    release_step: Option<usize>,
    minimum_per_role: Option<usize>,
    item_minimum: Option<usize>,
    spread_minimum: Option<usize>,
    ready_at: Option<usize>,
    notable_gap: Option<f64>,
    items_listed: Option<usize>,
    readings: Option<RawReadings>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReadings {
    lowest: Option<String>,
    level: Option<String>,
    unclear_gap: Option<String>,
    item_gap: Option<String>,
    #[serde(default)]
    gaps: Vec<RawGapReading>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGapReading {
    from: Option<f64>,
    top_down: Option<String>,
    bottom_up: Option<String>,
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

/// The defaults and floors of the disclosure thresholds.
const TEAM_MINIMUM: usize = 5;
const RELEASE_STEP: usize = 3;
const ITEM_MINIMUM: usize = 5;
const SPREAD_MINIMUM: usize = 8;

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
        let minimum_per_role = self.minimum_per_role.unwrap_or(FEWEST);
        if minimum_per_role < FEWEST {
            problems.push(problem(
                PLACE,
                "`minimum_per_role` below 3 would let a member work out a colleague's answers",
            ));
        }
        let team_minimum = self.team_minimum.unwrap_or(TEAM_MINIMUM);
        if team_minimum < FEWEST || team_minimum < minimum_per_role {
            problems.push(problem(
                PLACE,
                "`team_minimum` must be at least 3 and at least `minimum_per_role`",
            ));
        }
        let release_step = self.release_step.unwrap_or(RELEASE_STEP);
        if release_step < RELEASE_STEP {
            problems.push(problem(
                PLACE,
                "`release_step` below 3 would let two releases of the team's figures differ by one or two members, whose answers the difference would show",
            ));
        }
        let item_minimum = self.item_minimum.unwrap_or(ITEM_MINIMUM);
        if item_minimum < ITEM_MINIMUM || item_minimum < minimum_per_role {
            problems.push(problem(
                PLACE,
                "`item_minimum` below 5 (or below `minimum_per_role`) would let a role's figure on a question come close to one person's answer",
            ));
        }
        let spread_minimum = self.spread_minimum.unwrap_or(SPREAD_MINIMUM);
        if spread_minimum < SPREAD_MINIMUM {
            problems.push(problem(
                PLACE,
                "`spread_minimum` below 8 would leave halves of fewer than 4 people, close to one person's score",
            ));
        }
        let notable_gap = self.notable_gap.unwrap_or(10.0);
        let readings = self.readings.map(|r| {
            const PLACE: &str = "[teams.readings]";
            let mut gaps = Vec::new();
            for (n, g) in r.gaps.into_iter().enumerate() {
                let place = format!("[teams.readings] gap reading #{}", n + 1);
                let from = g.from.unwrap_or_else(|| {
                    problems.push(problem(&place, "`from` is missing"));
                    0.0
                });
                gaps.push(GapReading {
                    from,
                    top_down: reading_text(&place, "top_down", g.top_down, problems),
                    bottom_up: reading_text(&place, "bottom_up", g.bottom_up, problems),
                });
            }
            if gaps.windows(2).any(|w| w[0].from >= w[1].from) {
                problems.push(problem(PLACE, "gap readings must go from the narrowest gap to the widest"));
            }
            match gaps.first() {
                None => problems.push(problem(PLACE, "declare at least one gap reading")),
                Some(g) if g.from > notable_gap => problems.push(problem(
                    PLACE,
                    format!(
                        "the first gap reading starts at {} points, above `notable_gap` ({notable_gap}): a notable gap would go unread",
                        g.from
                    ),
                )),
                Some(_) => {}
            }
            TeamReadings {
                lowest: reading_text(PLACE, "lowest", r.lowest, problems),
                level: reading_text(PLACE, "level", r.level, problems),
                unclear_gap: reading_text(PLACE, "unclear_gap", r.unclear_gap, problems),
                item_gap: reading_text(PLACE, "item_gap", r.item_gap, problems),
                gaps,
            }
        });
        TeamRules {
            readings,
            role_item,
            shared_items: self.shared_items,
            name_item: self.name_item,
            role_groups,
            team_minimum,
            release_step,
            minimum_per_role,
            item_minimum,
            spread_minimum,
            ready_at: self.ready_at.unwrap_or(team_minimum).max(team_minimum),
            notable_gap,
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

    /// The release size a wave with `counted` members reaches, if any.
    pub fn release_size(&self, counted: usize) -> Option<usize> {
        super::disclosure::release_size(counted, self.team_minimum, self.release_step)
    }

    /// The counted members at which a wave's figures next change.
    pub fn next_release(&self, counted: usize) -> usize {
        super::disclosure::next_release(counted, self.team_minimum, self.release_step)
    }
}
