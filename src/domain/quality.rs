//! Data-quality flags that survey researchers use, so that careless or scripted
//! responses do not skew the peer figures: speeders (finished faster than the
//! questionnaire's declared minimum), straight-liners (the same answer position
//! on nearly every rating question) and near-duplicates (almost the same answers
//! as another response from the same address within the declared window, 24
//! hours in the study; an address that sent more than the check remembers is
//! held as "too many from this address" rather than compared with only some).
//!
//! A flagged response still gets its report; it is held out of peer figures
//! until an operator accepts it. The thresholds are declared in the
//! questionnaire file (`[study] quality = { ... }`).

use serde::{Deserialize, Serialize};

use super::answers::{Answer, Answers};
use super::questionnaire::{ItemKind, Questionnaire};

/// The thresholds, from the questionnaire file.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QualityRules {
    /// A response completed in fewer seconds than this is a speeder.
    pub minimum_seconds: f64,
    /// Straight-lining: this share (percent) or more of the rating answers sit at
    /// the same position on their scale...
    pub straight_line_share: f64,
    /// ...over at least this many rating answers.
    pub straight_line_items: usize,
    /// Near-duplicate: at least this share (percent) of answers equal to another
    /// response's from the same address within `near_duplicate_hours`.
    pub near_duplicate_share: f64,
    pub near_duplicate_hours: f64,
}

impl Default for QualityRules {
    fn default() -> QualityRules {
        QualityRules {
            minimum_seconds: 180.0,
            straight_line_share: 90.0,
            straight_line_items: 15,
            near_duplicate_share: 95.0,
            near_duplicate_hours: 24.0,
        }
    }
}

impl QualityRules {
    /// What is wrong with the thresholds, if anything.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let percent = |name: &str, v: f64, problems: &mut Vec<String>| {
            if !(v > 0.0 && v <= 100.0) {
                problems.push(format!(
                    "`quality.{name}` {v} must be above 0 and at most 100"
                ));
            }
        };
        percent(
            "straight_line_share",
            self.straight_line_share,
            &mut problems,
        );
        percent(
            "near_duplicate_share",
            self.near_duplicate_share,
            &mut problems,
        );
        if !(self.minimum_seconds >= 0.0 && self.minimum_seconds.is_finite()) {
            problems.push("`quality.minimum_seconds` must be 0 or more".into());
        }
        if !(self.near_duplicate_hours >= 0.0 && self.near_duplicate_hours.is_finite()) {
            problems.push("`quality.near_duplicate_hours` must be 0 or more".into());
        }
        if self.straight_line_items < 2 {
            problems.push("`quality.straight_line_items` must be at least 2".into());
        }
        problems
    }
}

/// Why a response is held out of peer figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualityFlag {
    Speeder,
    StraightLiner,
    NearDuplicate,
    /// More responses from one address within the near-duplicate window than
    /// the check compares: held rather than let through unchecked.
    TooManyFromAddress,
}

impl QualityFlag {
    pub fn key(self) -> &'static str {
        match self {
            QualityFlag::Speeder => "speeder",
            QualityFlag::StraightLiner => "straight_liner",
            QualityFlag::NearDuplicate => "near_duplicate",
            QualityFlag::TooManyFromAddress => "too_many_from_address",
        }
    }

    /// What the flag means, for the operator.
    pub fn describe(self) -> &'static str {
        match self {
            QualityFlag::Speeder => "finished faster than the declared minimum time",
            QualityFlag::StraightLiner => "the same answer on nearly every rating question",
            QualityFlag::NearDuplicate => {
                "almost the same answers as another recent response from the same address"
            }
            QualityFlag::TooManyFromAddress => {
                "more responses from the same address within a day than the near-duplicate check compares"
            }
        }
    }

    /// Flags from their stored form (`speeder,near_duplicate`); unknown words are
    /// skipped.
    pub fn parse_list(stored: &str) -> Vec<QualityFlag> {
        stored
            .split(',')
            .filter_map(|w| match w.trim() {
                "speeder" => Some(QualityFlag::Speeder),
                "straight_liner" => Some(QualityFlag::StraightLiner),
                "near_duplicate" => Some(QualityFlag::NearDuplicate),
                "too_many_from_address" => Some(QualityFlag::TooManyFromAddress),
                _ => None,
            })
            .collect()
    }

    /// The stored form of a list of flags.
    pub fn join(flags: &[QualityFlag]) -> String {
        flags.iter().map(|f| f.key()).collect::<Vec<_>>().join(",")
    }
}

/// Whether the rating answers sit at one scale position (first, second, ...)
/// often enough to be straight-lining.
pub fn straight_lined(q: &Questionnaire, answers: &Answers, rules: &QualityRules) -> bool {
    let mut counts = [0usize; 16];
    let mut total = 0usize;
    for (pos, item) in q.items.iter().enumerate() {
        let rating = matches!(
            item.kind,
            ItemKind::Agreement | ItemKind::Importance | ItemKind::Frequency
        );
        if !rating || item.dimension.is_some() {
            continue;
        }
        if let Some(Answer::Option(i)) = answers.get(pos) {
            // "Don't know" and "not applicable" sit past the scale; they count as
            // positions of their own, which is what a straight-liner repeats too.
            counts[(*i).min(counts.len() - 1)] += 1;
            total += 1;
        }
    }
    let most = counts.iter().copied().max().unwrap_or(0);
    total >= rules.straight_line_items
        && most as f64 >= rules.straight_line_share / 100.0 * total as f64
}

/// The share (percent) of items on which two responses agree, over the items
/// either answered. Each response is its compact fingerprint: one byte per item
/// position, the chosen option's index plus one, 0 where unanswered (or not a
/// choice). Branch-free, so that comparing with every recent response of an
/// address stays cheap.
pub fn similarity(a: &[u8], b: &[u8]) -> f64 {
    let (mut same, mut either) = (0usize, 0usize);
    for (x, y) in a.iter().zip(b) {
        either += usize::from((x | y) != 0);
        same += usize::from(x == y && *x != 0);
    }
    if either == 0 {
        0.0
    } else {
        same as f64 / either as f64 * 100.0
    }
}

/// What the near-duplicate check found among the other responses from the
/// same address within the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameAddress {
    /// Nothing close to it (or no address is known: demo data).
    Unlike,
    /// At least one of them has nearly the same answers.
    NearDuplicate,
    /// The address sent more within the window than the check compares: it
    /// cannot say the response is not a near-duplicate, so it is held.
    TooMany,
}

impl SameAddress {
    /// The finding for a response with fingerprint `choices` among `others`.
    pub fn among<'a>(
        choices: &[u8],
        others: impl IntoIterator<Item = &'a [u8]>,
        rules: &QualityRules,
    ) -> SameAddress {
        if others
            .into_iter()
            .any(|other| similarity(choices, other) >= rules.near_duplicate_share)
        {
            SameAddress::NearDuplicate
        } else {
            SameAddress::Unlike
        }
    }
}

/// The flags of one response. `seconds` is the time from start to submit, when
/// known (browser questionnaires); `same_address` is what the near-duplicate
/// check found among the same address's recent responses.
pub fn flags(
    q: &Questionnaire,
    answers: &Answers,
    seconds: Option<f64>,
    same_address: SameAddress,
    rules: &QualityRules,
) -> Vec<QualityFlag> {
    let mut flags = Vec::new();
    if seconds.is_some_and(|s| s < rules.minimum_seconds) {
        flags.push(QualityFlag::Speeder);
    }
    if straight_lined(q, answers, rules) {
        flags.push(QualityFlag::StraightLiner);
    }
    match same_address {
        SameAddress::Unlike => {}
        SameAddress::NearDuplicate => flags.push(QualityFlag::NearDuplicate),
        SameAddress::TooMany => flags.push(QualityFlag::TooManyFromAddress),
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn flags_round_trip_through_their_stored_form() {
        let all = [
            QualityFlag::Speeder,
            QualityFlag::StraightLiner,
            QualityFlag::NearDuplicate,
            QualityFlag::TooManyFromAddress,
        ];
        assert_eq!(QualityFlag::parse_list(&QualityFlag::join(&all)), all);
        assert!(QualityFlag::parse_list("").is_empty());
    }

    #[test]
    fn default_rules_are_valid_and_bad_ones_are_named() {
        assert!(QualityRules::default().problems().is_empty());
        let bad = QualityRules {
            straight_line_share: 0.0,
            near_duplicate_share: 120.0,
            ..QualityRules::default()
        };
        let problems = bad.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("straight_line_share"));
    }

    #[test]
    fn identical_answers_are_fully_similar_and_disjoint_ones_not() {
        let a = [1, 2, 0, 3];
        assert_eq!(similarity(&a, &a), 100.0);
        let b = [2, 3, 0, 4];
        assert_eq!(similarity(&a, &b), 0.0);
        assert_eq!(similarity(&[0, 0], &[0, 0]), 0.0);
        // One answered where the other is not: counted, and not the same.
        assert_eq!(similarity(&[1, 0], &[1, 2]), 50.0);
    }

    proptest! {
        #[test]
        fn similarity_is_a_symmetric_percentage(
            a in proptest::collection::vec(0u8..5, 0..40),
            b in proptest::collection::vec(0u8..5, 0..40),
        ) {
            let s = similarity(&a, &b);
            prop_assert!((0.0..=100.0).contains(&s));
            prop_assert_eq!(s, similarity(&b, &a));
            // The same as counting item by item.
            let pairs: Vec<(u8, u8)> = a.iter().copied().zip(b.iter().copied()).collect();
            let either = pairs.iter().filter(|(x, y)| *x != 0 || *y != 0).count();
            let same = pairs.iter().filter(|(x, y)| x == y && *x != 0).count();
            let expected = if either == 0 { 0.0 } else { same as f64 / either as f64 * 100.0 };
            prop_assert_eq!(s, expected);
        }
    }
}
