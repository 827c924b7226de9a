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
        TeamRules {
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

    /// The release size a wave with `counted` members reaches, if any.
    pub fn release_size(&self, counted: usize) -> Option<usize> {
        super::disclosure::release_size(counted, self.team_minimum, self.release_step)
    }

    /// The counted members at which a wave's figures next change.
    pub fn next_release(&self, counted: usize) -> usize {
        super::disclosure::next_release(counted, self.team_minimum, self.release_step)
    }
}
