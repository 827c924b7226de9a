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

use super::answers::{Answer, Answers};
use super::language::Language;
use super::peer::{IndexKind, PerIndex, Summary};
use super::questionnaire::Questionnaire;

/// The most groups compared at once.
pub const MAX_GROUPS: usize = 4;

/// A response's choices as the console keeps them: one byte per item of its
/// version, the chosen option's index plus one (0: unanswered, or not a
/// choice; an option beyond the 254th counts as none: no questionnaire offers
/// that many).
pub fn choices_of(q: &Questionnaire, answers: &Answers) -> Vec<u8> {
    (0..q.items.len())
        .map(|pos| match answers.get(pos) {
            Some(Answer::Option(i)) => u8::try_from(*i + 1).unwrap_or(0),
            _ => 0,
        })
        .collect()
}

/// The peer-group dimensions of a response (dimension -> option id), from its
/// choices (see [`choices_of`]).
pub fn profile_of_choices(q: &Questionnaire, choices: &[u8]) -> BTreeMap<String, String> {
    q.dimensions()
        .filter_map(|(dim, item)| {
            let pos = q.item_position(&item.id)?;
            let chosen = usize::from(*choices.get(pos)?).checked_sub(1)?;
            Some((dim.to_string(), item.options.get(chosen)?.id.clone()))
        })
        .collect()
}

/// One response as the console sees it: no contact details, and nothing on the
/// heap, so that a million of them stay small. Its answers are kept beside it in
/// [`ResponseSummaries`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResponseSummary {
    /// The report id's 128 bits (it is a UUID).
    pub id: u128,
    /// YYYY-MM-DD, as ASCII.
    pub submitted_on: [u8; 10],
    pub questionnaire_version: u32,
    pub synthetic: bool,
    /// NaN where there is none. Single precision is plenty for the console's
    /// distributions.
    pub scores: PerIndex<f32>,
    /// The language it was answered in.
    pub language: Language,
}

impl ResponseSummary {
    /// The submission date from a stored timestamp (its first ten characters).
    pub fn day_of(timestamp: &str) -> [u8; 10] {
        let mut day = [b'0'; 10];
        for (d, b) in day.iter_mut().zip(timestamp.bytes()) {
            *d = b;
        }
        day
    }

    /// The score of an index, if any.
    pub fn score(&self, index: IndexKind) -> Option<f64> {
        let s = *self.scores.get(index);
        (!s.is_nan()).then_some(f64::from(s))
    }

    /// Scores as stored, for the console.
    pub fn scores_of(scores: &PerIndex<Option<f64>>) -> PerIndex<f32> {
        scores.map(|_, s| s.map_or(f32::NAN, |v| v as f32))
    }
}

/// Every response in the console's figures, columnar: the summaries, and per
/// response one byte per item of the current questionnaire version (the chosen
/// option's index plus one, 0 for none). Responses to an earlier version are
/// translated to the current one by item and option id when they are added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResponseSummaries {
    items: usize,
    rows: Vec<ResponseSummary>,
    choices: Vec<u8>,
}

impl ResponseSummaries {
    /// None yet, for a questionnaire of `items` items.
    pub fn new(items: usize) -> ResponseSummaries {
        ResponseSummaries {
            items,
            rows: Vec::new(),
            choices: Vec::new(),
        }
    }

    /// Adds a response with its choices by item position of the current version.
    pub fn push(&mut self, summary: ResponseSummary, choices: &[u8]) {
        self.rows.push(summary);
        let start = self.choices.len();
        self.choices.resize(start + self.items, 0);
        for (slot, c) in self.choices[start..].iter_mut().zip(choices) {
            *slot = *c;
        }
    }

    /// Removes a response by id; false if it was not there.
    pub fn remove(&mut self, id: u128) -> bool {
        let Some(at) = self.rows.iter().position(|r| r.id == id) else {
            return false;
        };
        self.rows.remove(at);
        self.choices.drain(at * self.items..(at + 1) * self.items);
        true
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Each response with its choices.
    pub fn iter(&self) -> impl Iterator<Item = (&ResponseSummary, &[u8])> {
        self.rows
            .iter()
            .zip(self.choices.chunks_exact(self.items.max(1)))
    }

    fn choices_of(&self, row: usize) -> &[u8] {
        self.choices
            .get(row * self.items..(row + 1) * self.items)
            .unwrap_or_default()
    }
}

/// How one version's choices read in another: each item of the target version
/// found by id in the source, each option by id (an option no longer offered, or
/// an item the source did not ask, reads as no answer).
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceTranslation {
    /// Per target item: the source position and, per source option, the target
    /// code (index plus one, 0 for gone).
    items: Vec<Option<(usize, Vec<u8>)>>,
}

impl ChoiceTranslation {
    pub fn between(from: &Questionnaire, to: &Questionnaire) -> ChoiceTranslation {
        let items = to
            .items
            .iter()
            .map(|item| {
                let pos = from.item_position(&item.id)?;
                let codes = from.items[pos]
                    .options
                    .iter()
                    .map(|o| {
                        item.options
                            .iter()
                            .position(|t| t.id == o.id)
                            .and_then(|i| u8::try_from(i + 1).ok())
                            .unwrap_or(0)
                    })
                    .collect();
                Some((pos, codes))
            })
            .collect();
        ChoiceTranslation { items }
    }

    /// Source choices (one byte per source item) as target choices.
    pub fn apply(&self, from: &[u8]) -> Vec<u8> {
        self.items
            .iter()
            .map(|t| {
                let Some((pos, codes)) = t else { return 0 };
                match from.get(*pos).copied().unwrap_or(0) {
                    0 => 0,
                    c => codes.get(usize::from(c - 1)).copied().unwrap_or(0),
                }
            })
            .collect()
    }
}

/// What defines a group: a value per dimension (absent = any), a date range
/// (inclusive, YYYY-MM-DD) and whether synthetic responses count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GroupFilter {
    pub dimensions: BTreeMap<String, String>,
    /// Only responses answered in this language; any language when `None`.
    pub language: Option<Language>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub include_synthetic: bool,
}

/// A filter resolved against a questionnaire: dimensions as (item position,
/// option code) pairs, so that matching a response compares bytes.
struct ResolvedFilter<'f> {
    filter: &'f GroupFilter,
    /// `None`: a dimension or option the questionnaire does not have, so nobody.
    dimensions: Option<Vec<(usize, u8)>>,
}

impl ResolvedFilter<'_> {
    fn matches(&self, r: &ResponseSummary, choices: &[u8]) -> bool {
        let Some(dimensions) = &self.dimensions else {
            return false;
        };
        let day = std::str::from_utf8(&r.submitted_on).unwrap_or("");
        (self.filter.include_synthetic || !r.synthetic)
            && self.filter.language.is_none_or(|l| l == r.language)
            && self.filter.from.as_ref().is_none_or(|f| day >= f.as_str())
            && self.filter.to.as_ref().is_none_or(|t| day <= t.as_str())
            && dimensions
                .iter()
                .all(|(pos, code)| choices.get(*pos) == Some(code))
    }
}

impl GroupFilter {
    fn resolve(&self, q: &Questionnaire) -> ResolvedFilter<'_> {
        let dimensions = self
            .dimensions
            .iter()
            .map(|(dim, value)| {
                let (_, item) = q.dimensions().find(|(d, _)| d == dim)?;
                let pos = q.item_position(&item.id)?;
                let option = item.options.iter().position(|o| &o.id == value)?;
                Some((pos, u8::try_from(option + 1).ok()?))
            })
            .collect();
        ResolvedFilter {
            filter: self,
            dimensions,
        }
    }

    /// Whether a response with this profile, origin, submission date (or
    /// timestamp: only its first ten characters count) and language is in the
    /// group.
    pub fn matches_row(
        &self,
        profile: &BTreeMap<String, String>,
        synthetic: bool,
        submitted: &str,
        language: Language,
    ) -> bool {
        let day = submitted.get(..10).unwrap_or(submitted);
        (self.include_synthetic || !synthetic)
            && self.language.is_none_or(|l| l == language)
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
    responses: &ResponseSummaries,
    minimum: usize,
) -> Comparison {
    let members: Vec<Vec<usize>> = filters
        .iter()
        .map(|f| {
            let f = f.resolve(q);
            responses
                .iter()
                .enumerate()
                .filter(|(_, (r, choices))| f.matches(r, choices))
                .map(|(i, _)| i)
                .collect()
        })
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
                            .filter_map(|&r| responses.rows[r].score(index))
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

    // Per group, per item, per option code: how many chose it. One pass over
    // each member's choices (contiguous), not one pass per item.
    let counted: Vec<Vec<[usize; 256]>> = members
        .iter()
        .zip(&shown)
        .map(|(members, &shown)| {
            let mut counts = vec![[0usize; 256]; if shown { q.items.len() } else { 0 }];
            for &r in members.iter().filter(|_| shown) {
                for (slot, &code) in counts.iter_mut().zip(responses.choices_of(r)) {
                    slot[usize::from(code)] += 1;
                }
            }
            counts
        })
        .collect();
    let mut items: Vec<ItemComparison> = q
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.is_scored())
        .map(|(pos, item)| {
            let mut answered = Vec::new();
            let shares: Vec<Option<Vec<f64>>> = counted
                .iter()
                .zip(&shown)
                .map(|(group, &shown)| {
                    let counts: Vec<usize> = (0..item.options.len())
                        .map(|o| group.get(pos).map_or(0, |c| c[o + 1]))
                        .collect();
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

    use crate::testing::STUDY;

    /// A response and its choices: `choice` everywhere, `industry` for the
    /// industry dimension.
    fn response(
        i: usize,
        industry: &str,
        score: f64,
        choice: u8,
        q: &Questionnaire,
    ) -> (ResponseSummary, Vec<u8>) {
        let mut choices = vec![choice + 1; q.items.len()];
        let (_, item) = q
            .dimensions()
            .find(|(d, _)| *d == "industry")
            .expect("industry");
        let pos = q.item_position(&item.id).expect("position");
        let option = item
            .options
            .iter()
            .position(|o| o.id == industry)
            .expect("option");
        choices[pos] = u8::try_from(option + 1).expect("small");
        let summary = ResponseSummary {
            id: i as u128,
            submitted_on: ResponseSummary::day_of(&format!("2026-11-{:02}", 1 + i % 28)),
            questionnaire_version: 1,
            synthetic: i.is_multiple_of(5),
            scores: PerIndex::from_fn(|_| score as f32),
            language: if i.is_multiple_of(3) {
                Language::German
            } else {
                Language::English
            },
        };
        (summary, choices)
    }

    fn all(q: &Questionnaire, rs: &[(ResponseSummary, Vec<u8>)]) -> ResponseSummaries {
        let mut all = ResponseSummaries::new(q.items.len());
        for (r, c) in rs {
            all.push(*r, c);
        }
        all
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
        let mut rs: Vec<_> = (0..12)
            .map(|i| response(i, "software", 50.0 + i as f64, 1, &q))
            .collect();
        rs.extend((0..3).map(|i| response(100 + i, "retail_wholesale", 20.0, 0, &q)));
        let c = compare(
            &q,
            &[filter("software"), filter("retail_wholesale")],
            &all(&q, &rs),
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
        let rs: Vec<_> = (0..40)
            .map(|i| response(i, "software", 60.0, 2, &q))
            .collect();
        let mut f = filter("software");
        f.from = Some("2026-11-05".into());
        f.to = Some("2026-11-10".into());
        f.include_synthetic = false;
        let brute = rs
            .iter()
            .filter(|(r, _)| {
                let day = std::str::from_utf8(&r.submitted_on).expect("ascii");
                !r.synthetic && ("2026-11-05"..="2026-11-10").contains(&day)
            })
            .count();
        let c = compare(&q, &[f], &all(&q, &rs), 1);
        assert_eq!(c.groups[0].size, brute);
    }

    #[test]
    fn a_language_filter_counts_only_the_responses_answered_in_it() {
        let q = Questionnaire::from_toml("s", STUDY).expect("valid");
        let rs: Vec<_> = (0..40)
            .map(|i| response(i, "software", 60.0, 2, &q))
            .collect();
        let mut german = filter("software");
        german.language = Some(Language::German);
        let mut english = german.clone();
        english.language = Some(Language::English);
        let c = compare(&q, &[german, english, filter("software")], &all(&q, &rs), 1);
        let count = |l| rs.iter().filter(|(r, _)| r.language == l).count();
        assert_eq!(c.groups[0].size, count(Language::German));
        assert_eq!(c.groups[1].size, count(Language::English));
        assert_eq!(c.groups[2].size, rs.len());
        assert!(c.groups[0].size > 0 && c.groups[1].size > 0);
    }

    #[test]
    fn the_items_that_differ_most_come_first() {
        let q = Questionnaire::from_toml("s", STUDY).expect("valid");
        let mut rs: Vec<_> = (0..10)
            .map(|i| response(i, "software", 50.0, 1, &q))
            .collect();
        rs.extend((0..10).map(|i| response(20 + i, "retail_wholesale", 50.0, 1, &q)));
        // One item where the groups answer differently.
        let pos = q.item_position("close_ratio_satisfactory").expect("item");
        for (_, choices) in rs.iter_mut().skip(10) {
            choices[pos] = 5;
        }
        let mut summaries = all(&q, &rs);
        let c = compare(
            &q,
            &[filter("software"), filter("retail_wholesale")],
            &summaries,
            10,
        );
        assert_eq!(c.items[0].item, "close_ratio_satisfactory");
        assert!((c.items[0].difference - 1.0).abs() < 1e-9);
        assert_eq!(c.items[1].difference, 0.0);
        // Removing a response removes its choices with it.
        assert!(summaries.remove(22));
        assert!(!summaries.remove(22));
        assert_eq!(summaries.len(), 19);
        let c = compare(&q, &[filter("retail_wholesale")], &summaries, 1);
        assert_eq!(c.groups[0].size, 9);
    }

    #[test]
    fn an_earlier_version_s_choices_read_in_the_current_one_by_id() {
        let v1 = Questionnaire::from_toml("s", STUDY).expect("valid");
        let v2 = Questionnaire::from_toml(
            "s2",
            &STUDY
                .replacen("version = 1\n", "version = 2\n", 1)
                .replacen(
                    "id = \"leadership_seeks_sales_input\"",
                    "id = \"sales_joins_planning\"",
                    1,
                ),
        )
        .expect("valid v2");
        let from: Vec<u8> = (0..v1.items.len()).map(|i| (i % 3) as u8 + 1).collect();
        let to = ChoiceTranslation::between(&v1, &v2).apply(&from);
        let new = v2.item_position("sales_joins_planning").expect("new");
        assert_eq!(to[new], 0, "a new item was not answered");
        let kept = v1.item_position("close_ratio_satisfactory").expect("kept");
        let kept_v2 = v2.item_position("close_ratio_satisfactory").expect("kept");
        assert_eq!(to[kept_v2], from[kept]);
    }
}
