//! Peer-group comparison for the operator console: two to four groups defined by
//! filters on the peer dimensions and on dates, side by side.
//!
//! For each group: its size, the distribution of every index (n, mean, median,
//! quartiles, histogram) and the answer distribution of every scored item. Items are
//! ordered by how much their answer distributions differ between the groups (the
//! largest total variation distance between any two groups), so the differences an
//! operator is looking for come first. A group smaller than K shows no figures.

use std::collections::BTreeMap;

use serde::Serialize;

use super::peer::{IndexKind, PerIndex, Summary};
use super::questionnaire::Questionnaire;

/// The most groups compared at once.
pub const MAX_GROUPS: usize = 4;

/// One response as the console sees it: no contact details.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseSummary {
    pub id: String,
    /// YYYY-MM-DD.
    pub submitted_on: String,
    pub questionnaire_version: u32,
    pub synthetic: bool,
    /// Dimension -> option id.
    pub profile: BTreeMap<String, String>,
    pub scores: PerIndex<Option<f64>>,
    /// Option index chosen per item (by item position), `None` when unanswered or not
    /// a choice.
    pub choices: Vec<Option<u16>>,
}

/// What defines a group: a value per dimension (absent = any), a date range
/// (inclusive, YYYY-MM-DD) and whether synthetic responses count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GroupFilter {
    pub dimensions: BTreeMap<String, String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub include_synthetic: bool,
}

impl GroupFilter {
    pub fn matches(&self, r: &ResponseSummary) -> bool {
        self.matches_row(&r.profile, r.synthetic, &r.submitted_on)
    }

    /// Whether a response with this profile, origin and submission date (or
    /// timestamp: only its first ten characters count) is in the group.
    pub fn matches_row(
        &self,
        profile: &BTreeMap<String, String>,
        synthetic: bool,
        submitted: &str,
    ) -> bool {
        let day = submitted.get(..10).unwrap_or(submitted);
        (self.include_synthetic || !synthetic)
            && self.from.as_ref().is_none_or(|f| day >= f.as_str())
            && self.to.as_ref().is_none_or(|t| day <= t.as_str())
            && self
                .dimensions
                .iter()
                .all(|(d, v)| profile.get(d) == Some(v))
    }
}

/// One index of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexDistribution {
    pub index: IndexKind,
    pub summary: Option<Summary>,
}

/// The figures of one group; `None` when it has fewer than K responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupFigures {
    pub indices: Vec<IndexDistribution>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupResult {
    pub filter: GroupFilter,
    pub size: usize,
    pub figures: Option<GroupFigures>,
}

/// The answer distribution of one item across the groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemComparison {
    pub item: String,
    pub question: String,
    pub options: Vec<String>,
    /// Per group (in order): the share (0-1) of its answers per option; `None` for a
    /// group below K.
    pub shares: Vec<Option<Vec<f64>>>,
    /// Per group: how many answered the item.
    pub answered: Vec<usize>,
    /// The largest total variation distance between two shown groups (0-1).
    pub difference: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub minimum: usize,
    pub groups: Vec<GroupResult>,
    /// Most different first.
    pub items: Vec<ItemComparison>,
}

/// Compares groups over a set of responses. Groups below `minimum` (K) get no
/// figures and take no part in the item ordering.
pub fn compare(
    q: &Questionnaire,
    filters: &[GroupFilter],
    responses: &[ResponseSummary],
    minimum: usize,
) -> Comparison {
    let members: Vec<Vec<&ResponseSummary>> = filters
        .iter()
        .map(|f| responses.iter().filter(|r| f.matches(r)).collect())
        .collect();
    let shown: Vec<bool> = members.iter().map(|m| m.len() >= minimum).collect();
    let groups = filters
        .iter()
        .zip(&members)
        .zip(&shown)
        .map(|((filter, members), &shown)| GroupResult {
            filter: filter.clone(),
            size: members.len(),
            figures: shown.then(|| GroupFigures {
                indices: IndexKind::ALL
                    .iter()
                    .map(|&index| {
                        let mut scores: Vec<f64> = members
                            .iter()
                            .filter_map(|r| *r.scores.get(index))
                            .collect();
                        scores.sort_by(f64::total_cmp);
                        IndexDistribution {
                            index,
                            summary: Summary::of_sorted(&scores),
                        }
                    })
                    .collect(),
            }),
        })
        .collect();

    let mut items: Vec<ItemComparison> = q
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.is_scored())
        .map(|(pos, item)| {
            let mut answered = Vec::new();
            let shares: Vec<Option<Vec<f64>>> = members
                .iter()
                .zip(&shown)
                .map(|(members, &shown)| {
                    let mut counts = vec![0usize; item.options.len()];
                    for r in members {
                        if let Some(Some(o)) = r.choices.get(pos)
                            && let Some(c) = counts.get_mut(usize::from(*o))
                        {
                            *c += 1;
                        }
                    }
                    let total: usize = counts.iter().sum();
                    answered.push(if shown { total } else { 0 });
                    (shown && total > 0)
                        .then(|| counts.iter().map(|&c| c as f64 / total as f64).collect())
                })
                .collect();
            let mut difference: f64 = 0.0;
            for (i, a) in shares.iter().enumerate() {
                for b in shares.iter().skip(i + 1) {
                    if let (Some(a), Some(b)) = (a, b) {
                        let tvd = a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum::<f64>() / 2.0;
                        difference = difference.max(tvd);
                    }
                }
            }
            ItemComparison {
                item: item.id.clone(),
                question: item.text.clone(),
                options: item.options.iter().map(|o| o.label.clone()).collect(),
                shares,
                answered,
                difference,
            }
        })
        .collect();
    items.sort_by(|a, b| b.difference.total_cmp(&a.difference));
    Comparison {
        minimum,
        groups,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STUDY: &str = include_str!("../../questionnaires/dealbench-v1.toml");

    fn response(
        i: usize,
        industry: &str,
        score: f64,
        choice: u16,
        q: &Questionnaire,
    ) -> ResponseSummary {
        ResponseSummary {
            id: format!("r{i}"),
            submitted_on: format!("2026-11-{:02}", 1 + i % 28),
            questionnaire_version: 1,
            synthetic: i.is_multiple_of(5),
            profile: BTreeMap::from([("industry".to_string(), industry.to_string())]),
            scores: PerIndex::from_fn(|_| Some(score)),
            choices: vec![Some(choice); q.items.len()],
        }
    }

    fn filter(industry: &str) -> GroupFilter {
        GroupFilter {
            dimensions: BTreeMap::from([("industry".to_string(), industry.to_string())]),
            include_synthetic: true,
            ..GroupFilter::default()
        }
    }

    #[test]
    fn groups_below_k_show_no_figures() {
        let q = Questionnaire::from_toml("s", STUDY).expect("valid");
        let mut rs: Vec<ResponseSummary> = (0..12)
            .map(|i| response(i, "software", 50.0 + i as f64, 1, &q))
            .collect();
        rs.extend((0..3).map(|i| response(100 + i, "retail_wholesale", 20.0, 0, &q)));
        let c = compare(
            &q,
            &[filter("software"), filter("retail_wholesale")],
            &rs,
            10,
        );
        assert_eq!(c.groups[0].size, 12);
        assert!(c.groups[0].figures.is_some());
        assert_eq!(c.groups[1].size, 3);
        assert!(c.groups[1].figures.is_none());
        assert!(
            c.items
                .iter()
                .all(|i| i.shares[1].is_none() && i.answered[1] == 0)
        );
    }

    #[test]
    fn filters_combine_dimensions_dates_and_synthetic() {
        let q = Questionnaire::from_toml("s", STUDY).expect("valid");
        let rs: Vec<ResponseSummary> = (0..40)
            .map(|i| response(i, "software", 60.0, 2, &q))
            .collect();
        let mut f = filter("software");
        f.from = Some("2026-11-05".into());
        f.to = Some("2026-11-10".into());
        f.include_synthetic = false;
        let brute = rs
            .iter()
            .filter(|r| {
                !r.synthetic
                    && r.submitted_on.as_str() >= "2026-11-05"
                    && r.submitted_on.as_str() <= "2026-11-10"
            })
            .count();
        let c = compare(&q, &[f], &rs, 1);
        assert_eq!(c.groups[0].size, brute);
    }

    #[test]
    fn the_items_that_differ_most_come_first() {
        let q = Questionnaire::from_toml("s", STUDY).expect("valid");
        let mut rs: Vec<ResponseSummary> = (0..10)
            .map(|i| response(i, "software", 50.0, 1, &q))
            .collect();
        rs.extend((0..10).map(|i| response(20 + i, "retail_wholesale", 50.0, 1, &q)));
        // One item where the groups answer differently.
        let pos = q.item_position("close_ratio_satisfactory").expect("item");
        for r in rs.iter_mut().skip(10) {
            r.choices[pos] = Some(4);
        }
        let c = compare(
            &q,
            &[filter("software"), filter("retail_wholesale")],
            &rs,
            10,
        );
        assert_eq!(c.items[0].item, "close_ratio_satisfactory");
        assert!((c.items[0].difference - 1.0).abs() < 1e-9);
        assert_eq!(c.items[1].difference, 0.0);
    }
}
