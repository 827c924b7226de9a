//! Waves: the same respondent assessing again, and what moved since last time.
//!
//! Change is measured like for like. Only items present in both questionnaire
//! versions count: both responses are scored again, on the current questionnaire,
//! with the answers to those common items only, so that an index never moves
//! because a question was added or retired. An earlier answer whose option the
//! current version no longer offers is left out the same way. The report says how
//! many questions were compared, which are new and how many were retired.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use super::answers::{Answer, Answers, Completeness, format_number};
use super::peer::IndexKind;
use super::questionnaire::{PartKind, Questionnaire};
use super::report::{index_name, quoted};
use super::scoring::score;
use super::velocity::CompanyNumbers;

/// The earlier assessment, as stored.
pub struct Earlier<'a> {
    /// YYYY-MM-DD.
    pub submitted_on: &'a str,
    pub questionnaire_version: u32,
    /// Its answers: item id -> option id, number or text.
    pub answers: &'a Value,
    /// The item ids of the questionnaire version it was answered against.
    pub version_items: &'a [String],
}

/// One index before and after, like for like.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexChange {
    pub key: &'static str,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// Points, after minus before.
    pub change: Option<f64>,
}

/// An item answered differently this time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    pub id: String,
    pub text: String,
    pub section: String,
    pub before: String,
    pub after: String,
    /// The change of the item's score in points, when both answers are scored.
    pub change: Option<f64>,
    /// The indices the item feeds, with its weight in each.
    #[serde(skip)]
    pub weights: std::collections::BTreeMap<&'static str, f64>,
}

/// One of the company's numbers before and after, as each report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberChange {
    pub label: String,
    pub before: String,
    pub after: String,
    /// "15 days shorter", "up 3 points", "unchanged".
    pub change: String,
    /// Whether the change helps velocity (a shorter cycle, a higher rate).
    pub better: Option<bool>,
}

/// One assessment of a series, for the trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub submitted_on: String,
    pub overall: Option<f64>,
}

/// What moved between the earlier assessment and this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveChange {
    pub earlier_on: String,
    /// Whether both were answered against the same questionnaire version.
    pub same_version: bool,
    /// Scored items compared (present in both versions).
    pub compared_items: usize,
    /// Overall, the four sub-indices and personal.
    pub indices: Vec<IndexChange>,
    /// Items answered differently, in questionnaire order.
    pub items: Vec<ItemChange>,
    /// Scored items asked for the first time (texts).
    pub new_items: Vec<String>,
    /// The company numbers given either time, before and after.
    pub numbers: Vec<NumberChange>,
    /// Items of the earlier version no longer asked.
    pub retired_items: usize,
    /// Every assessment of the series, oldest first (this one last).
    pub trend: Vec<TrendPoint>,
}

/// "Since last time" as the respondent reads it, on the web page and in the PDF
/// alike: every sentence and table cell, built once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SinceLastTime {
    /// What moved and why, first: each index that moved with the answers that
    /// moved it, the indices that did not, and the numbers.
    pub moved: Vec<String>,
    /// What was compared with what, and on which questions.
    pub intro: String,
    /// Index, last time, now, change.
    pub rows: Vec<[String; 4]>,
    /// Number, last time, now, change.
    pub numbers: Vec<[String; 4]>,
    /// One line per answer changed: "Question (Section): last time X; now Y."
    pub changed: Vec<String>,
    /// Said when no answer changed.
    pub unchanged: Option<String>,
    /// Questions asked for the first time.
    pub new_items: Vec<String>,
}

/// A score as the change table says it.
pub fn score_said(score: Option<f64>) -> String {
    score.map_or_else(
        || "not enough answers".into(),
        |s| format!("{}%", s.round()),
    )
}

/// A change in points as a person says it, computed from the two figures as
/// shown (whole percents): 61% to 66% is "up 5 points", 70% to 70%
/// "unchanged".
pub fn change_said(before: Option<f64>, after: Option<f64>) -> String {
    match (before.map(f64::round), after.map(f64::round)) {
        (Some(b), Some(a)) => points_said(a - b),
        _ => "not comparable".into(),
    }
}

/// A difference of whole points: "up 1 point", "down 3 points", "unchanged".
fn points_said(points: f64) -> String {
    match points {
        1.0 => "up 1 point".into(),
        -1.0 => "down 1 point".into(),
        c if c > 0.0 => format!("up {c} points"),
        c if c < 0.0 => format!("down {} points", -c),
        _ => "unchanged".into(),
    }
}

impl WaveChange {
    /// The words of the change since last time.
    pub fn said(&self) -> SinceLastTime {
        let questions = if self.compared_items == 1 {
            "1 question".to_string()
        } else {
            format!("{} questions", self.compared_items)
        };
        let mut intro = format!(
            "Compared with your assessment of {}, like for like: {questions} asked both times.",
            self.earlier_on
        );
        if !self.same_version {
            let new = match self.new_items.len() {
                0 => "no question is new".to_string(),
                1 => "1 new question is left out of the change".to_string(),
                n => format!("{n} new questions are left out of the change"),
            };
            let retired = match self.retired_items {
                0 => "none of the earlier ones was retired".to_string(),
                1 => "1 earlier question is no longer asked".to_string(),
                n => format!("{n} earlier questions are no longer asked"),
            };
            intro.push_str(&format!(
                " The questionnaire changed in between: {new}, and {retired}."
            ));
        }
        if !self.same_version {
            intro.push_str(
                " Scores here are recomputed on the common questions only, so they can differ slightly from the ones in either report.",
            );
        }
        SinceLastTime {
            moved: self.moved(),
            intro,
            rows: self
                .indices
                .iter()
                .map(|i| {
                    [
                        i.name.clone(),
                        score_said(i.before),
                        score_said(i.after),
                        change_said(i.before, i.after),
                    ]
                })
                .collect(),
            numbers: self
                .numbers
                .iter()
                .map(|n| {
                    [
                        n.label.clone(),
                        n.before.clone(),
                        n.after.clone(),
                        n.change.clone(),
                    ]
                })
                .collect(),
            changed: self
                .items
                .iter()
                .map(|i| {
                    format!(
                        "{} ({}): last time {}; now {}.",
                        i.text, i.section, i.before, i.after
                    )
                })
                .collect(),
            unchanged: self.items.is_empty().then(|| {
                "You gave the same answers as last time to every question asked both times."
                    .to_string()
            }),
            new_items: self.new_items.clone(),
        }
    }

    /// What moved and why, in sentences: the indices that moved (from the
    /// figures as shown), the changed answers that moved them most with the
    /// indices each feeds, and the numbers that changed.
    fn moved(&self) -> Vec<String> {
        let mut out = Vec::new();
        let shown = |i: &IndexChange| i.before.zip(i.after).map(|(b, a)| (b.round(), a.round()));
        let name_of = |key: &str| {
            self.indices
                .iter()
                .find(|i| i.key == key)
                .map_or_else(|| key.to_string(), |i| i.name.clone())
        };
        // The company index and its sub-indices, then the personal index.
        let mut parts = Vec::new();
        let mut still: Vec<String> = Vec::new();
        for index in &self.indices {
            let Some((b, a)) = shown(index) else { continue };
            let said = match index.key {
                "overall" | "personal" => format!(
                    "{} {}",
                    if index.key == "overall" {
                        "your company index is"
                    } else {
                        "your personal index is"
                    },
                    if a == b {
                        format!("unchanged at {a}%")
                    } else {
                        format!("{}, from {b}% to {a}%", points_said(a - b))
                    }
                ),
                _ if a == b => {
                    still.push(index.name.clone());
                    continue;
                }
                _ => format!("{} {}", index.name, points_said(a - b)),
            };
            parts.push((index.key, said));
        }
        if !still.is_empty() {
            parts.push(("unchanged", format!("{} unchanged", and_list(&still))));
        }
        if !parts.is_empty() {
            let overall = parts
                .iter()
                .find(|(k, _)| *k == "overall")
                .map(|(_, s)| s.clone());
            let subs: Vec<String> = parts
                .iter()
                .filter(|(k, _)| !["overall", "personal"].contains(k))
                .map(|(_, s)| s.clone())
                .collect();
            let personal = parts
                .iter()
                .find(|(k, _)| *k == "personal")
                .map(|(_, s)| s.clone());
            let mut sentence = overall.unwrap_or_default();
            if !subs.is_empty() {
                if sentence.is_empty() {
                    sentence = subs.join(", ");
                } else {
                    sentence.push_str(&format!(" ({})", subs.join(", ")));
                }
            }
            if let Some(p) = personal {
                if sentence.is_empty() {
                    sentence = p;
                } else {
                    sentence.push_str(&format!("; {p}"));
                }
            }
            let mut chars = sentence.chars();
            if let Some(first) = chars.next() {
                out.push(format!("{}{}.", first.to_uppercase(), chars.as_str()));
            }
        }
        // Why: the changed answers that moved the indices most.
        let scored: Vec<&ItemChange> = self.items.iter().filter(|i| i.change.is_some()).collect();
        if !scored.is_empty() {
            let better = scored
                .iter()
                .filter(|i| i.change.is_some_and(|c| c > 0.0))
                .count();
            let worse = scored.len() - better;
            const WORDS: [&str; 9] = [
                "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
            ];
            let count = match scored.len() {
                1 => "One answer changed".to_string(),
                n if n <= 10 => format!("{} answers changed", WORDS[n - 2]),
                n => format!("{n} answers changed"),
            };
            let direction = match (better, worse) {
                (_, 0) if scored.len() > 1 => ", all for the better",
                (0, _) if scored.len() > 1 => ", all for the worse",
                (_, 0) => ", for the better",
                (0, _) => ", for the worse",
                _ => "",
            };
            let mut movers = scored.clone();
            movers.sort_by(|x, y| {
                let weight = |i: &ItemChange| {
                    i.change.unwrap_or_default().abs()
                        * i.weights
                            .iter()
                            .filter(|(k, _)| **k != "overall")
                            .map(|(_, w)| *w)
                            .sum::<f64>()
                };
                weight(y).total_cmp(&weight(x))
            });
            let named: Vec<String> = movers
                .iter()
                .take(3)
                .map(|i| {
                    let feeds: Vec<String> = i
                        .weights
                        .keys()
                        .filter(|k| **k != "overall")
                        .map(|k| name_of(k))
                        .collect();
                    format!(
                        "{}, now \u{201c}{}\u{201d} (last time \u{201c}{}\u{201d}), which feeds {}",
                        quoted(&i.text),
                        i.after,
                        i.before,
                        and_list(&feeds)
                    )
                })
                .collect();
            let lead = if movers.len() > named.len() {
                "the largest moves came from"
            } else if named.len() == 1 {
                "it is"
            } else {
                "they are"
            };
            out.push(format!(
                "{count}{direction}; {lead} {}.",
                match named.as_slice() {
                    [one] => one.clone(),
                    [rest @ .., last] => format!("{}; and {last}", rest.join("; ")),
                    [] => String::new(),
                }
            ));
        }
        let moved: Vec<String> = self
            .numbers
            .iter()
            .filter(|n| n.change != "unchanged" && n.change != "not comparable")
            .map(|n| {
                format!(
                    "{} from {} to {} ({})",
                    n.label.to_lowercase(),
                    n.before,
                    n.after,
                    n.change
                )
            })
            .collect();
        if !moved.is_empty() {
            out.push(format!(
                "Your numbers moved too: {}.",
                match moved.as_slice() {
                    [one] => one.clone(),
                    [rest @ .., last] => format!("{}; and {last}", rest.join("; ")),
                    [] => String::new(),
                }
            ));
        }
        out
    }
}

/// "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The earlier answers read against the current questionnaire, keeping only
/// `common` items and options the current version still offers.
fn earlier_answers(q: &Questionnaire, json: &Value, common: &HashSet<&str>) -> Answers {
    let mut kept: serde_json::Map<String, Value> = json
        .as_object()
        .map(|m| {
            m.iter()
                .filter(|(k, _)| common.contains(k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    match Answers::from_json(q, &Value::Object(kept.clone()), Completeness::Draft) {
        Ok(a) => a,
        Err(e) => {
            for p in &e.problems {
                if let Some(item) = &p.item {
                    kept.remove(item);
                }
            }
            Answers::from_json(q, &Value::Object(kept), Completeness::Draft)
                .unwrap_or_else(|_| Answers::empty(q))
        }
    }
}

/// Compares this assessment (`answers`, answered against `q`) with the earlier
/// one, like for like.
pub fn change_since(
    q: &Questionnaire,
    earlier: &Earlier<'_>,
    answers: &Answers,
    trend: Vec<TrendPoint>,
) -> WaveChange {
    let before_items: HashSet<&str> = earlier.version_items.iter().map(String::as_str).collect();
    let common: HashSet<&str> = q
        .items
        .iter()
        .map(|i| i.id.as_str())
        .filter(|id| before_items.contains(id))
        .collect();
    let before = earlier_answers(q, earlier.answers, &common);
    let mut after = answers.clone();
    after.clear(
        q.items
            .iter()
            .enumerate()
            .filter(|(_, i)| !common.contains(i.id.as_str()))
            .map(|(pos, _)| pos),
    );
    let (card_before, card_after) = (score(q, &before), score(q, &after));
    let indices = IndexKind::ALL
        .iter()
        .map(|&kind| {
            let (b, a) = (kind.of(&card_before), kind.of(&card_after));
            IndexChange {
                key: kind.key(),
                name: index_name(q, kind),
                before: b,
                after: a,
                change: a.zip(b).map(|(a, b)| a - b),
            }
        })
        .collect();
    let section_title = |id: &str| {
        q.sections
            .iter()
            .find(|s| s.id == id)
            .map_or_else(String::new, |s| s.title.clone())
    };
    let mut items = Vec::new();
    let mut compared_items = 0;
    for (pos, item) in q.items.iter().enumerate() {
        if !item.is_scored() || !common.contains(item.id.as_str()) {
            continue;
        }
        compared_items += 1;
        let (b, a) = (before.get(pos), after.get(pos));
        if b == a || b.is_none() || a.is_none() {
            continue;
        }
        let item_score = |answer: Option<&Answer>| match answer {
            Some(Answer::Option(i)) => item.options[*i].score,
            _ => None,
        };
        items.push(ItemChange {
            id: item.id.clone(),
            text: item.text.clone(),
            section: section_title(&item.section),
            before: before.display(item, pos).unwrap_or_default(),
            after: after.display(item, pos).unwrap_or_default(),
            change: item_score(a).zip(item_score(b)).map(|(a, b)| a - b),
            weights: IndexKind::ALL
                .iter()
                .filter_map(|&kind| {
                    let w = match kind {
                        IndexKind::Sub(sub) => item.weights[sub.position()],
                        IndexKind::Personal => item.personal_weight,
                        IndexKind::Overall => item.weights.iter().sum::<f64>(),
                    };
                    (w > 0.0).then_some((kind.key(), w))
                })
                .collect(),
        });
    }
    let new_items = [PartKind::Company, PartKind::Personal]
        .into_iter()
        .flat_map(|kind| q.items_of_part(kind))
        .filter(|i| i.is_scored() && !before_items.contains(i.id.as_str()))
        .map(|i| i.text.clone())
        .collect();
    let current: HashSet<&str> = q.items.iter().map(|i| i.id.as_str()).collect();
    let retired_items = before_items
        .iter()
        .filter(|id| !current.contains(*id))
        .count();
    let numbers = number_changes(q, &before, &after);
    WaveChange {
        numbers,
        earlier_on: earlier.submitted_on.to_string(),
        same_version: earlier.questionnaire_version == q.version,
        compared_items,
        indices,
        items,
        new_items,
        retired_items,
        trend,
    }
}

/// How a company number is written.
#[derive(Clone, Copy, PartialEq)]
enum Figure {
    Count,
    Money,
    Percent,
    Days,
}

/// The company numbers given either time, as each report shows them.
fn number_changes(q: &Questionnaire, before: &Answers, after: &Answers) -> Vec<NumberChange> {
    use super::report::{format_amount, usable_win_rate};
    let (b, a) = (
        CompanyNumbers::from_answers(q, before),
        CompanyNumbers::from_answers(q, after),
    );
    // Both reports' amounts in the currency of the newer one.
    let money = q.chosen_currency(after);
    let say = |kind: Figure, v: f64| match kind {
        Figure::Count => format_amount(v),
        Figure::Money => money.format(v),
        Figure::Percent => format!("{}%", format_number((v * 10.0).round() / 10.0)),
        Figure::Days => format!("{} days", format_amount(v)),
    };
    let rows = [
        (
            "Qualified opportunities",
            b.qualified_opportunities,
            a.qualified_opportunities,
            Figure::Count,
        ),
        (
            "Average deal value",
            b.average_deal_value,
            a.average_deal_value,
            Figure::Money,
        ),
        (
            "Win rate",
            usable_win_rate(q, &b),
            usable_win_rate(q, &a),
            Figure::Percent,
        ),
        (
            "Sales cycle",
            b.sales_cycle_days,
            a.sales_cycle_days,
            Figure::Days,
        ),
        (
            "Quota attainment",
            b.quota_attainment,
            a.quota_attainment,
            Figure::Percent,
        ),
        (
            "Sales velocity per day",
            b.velocity(q.minimum_decided_deals).map(|v| v.per_day),
            a.velocity(q.minimum_decided_deals).map(|v| v.per_day),
            Figure::Money,
        ),
    ];
    rows.into_iter()
        .filter(|(_, b, a, _)| b.is_some() || a.is_some())
        .map(|(label, before, after, kind)| {
            let shown =
                |v: Option<f64>| v.map_or_else(|| "not given".to_string(), |v| say(kind, v));
            // The change is read off the figures as written.
            let (change, better) = match (before, after) {
                (Some(x), Some(y)) if say(kind, x) == say(kind, y) => {
                    ("unchanged".to_string(), None)
                }
                (Some(x), Some(y)) => {
                    // Amounts, counts and days are written whole: the change
                    // is the difference of the two figures as written.
                    let d = match kind {
                        Figure::Percent => y - x,
                        _ => y.round() - x.round(),
                    };
                    let word = if d > 0.0 { "up" } else { "down" };
                    let text = match kind {
                        Figure::Days => format!(
                            "{} {}",
                            say(kind, d.abs()),
                            if d > 0.0 { "longer" } else { "shorter" }
                        ),
                        Figure::Percent => {
                            let shown = |v: f64| (v * 10.0).round() / 10.0;
                            let p = ((shown(y) - shown(x)) * 10.0).round() / 10.0;
                            if p.abs() == 1.0 {
                                format!("{word} 1 point")
                            } else {
                                format!("{word} {} points", format_number(p.abs()))
                            }
                        }
                        _ => format!("{word} {}", say(kind, d.abs())),
                    };
                    // Velocity rises with every factor but the cycle.
                    let up_is_better = kind != Figure::Days;
                    (text, Some((d > 0.0) == up_is_better))
                }
                _ => ("not comparable".to_string(), None),
            };
            NumberChange {
                label: label.to_string(),
                before: shown(before),
                after: shown(after),
                change,
                better,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::study;

    fn example(name: &str) -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../../questionnaires/examples/{name}.json"));
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json")
    }

    #[test]
    fn the_same_answers_again_change_nothing() {
        let q = study();
        let json = example("average-company");
        let answers = Answers::from_json(&q, &json, Completeness::Draft).expect("answers");
        let ids: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
        let change = change_since(
            &q,
            &Earlier {
                submitted_on: "2025-01-01",
                questionnaire_version: q.version,
                answers: &json,
                version_items: &ids,
            },
            &answers,
            Vec::new(),
        );
        assert!(change.items.is_empty());
        assert!(
            change
                .indices
                .iter()
                .all(|i| i.change.is_none_or(|c| c == 0.0))
        );
        assert!(change.new_items.is_empty());
        assert_eq!(change.retired_items, 0);
        assert!(change.numbers.iter().all(|n| n.change == "unchanged"));
    }

    #[test]
    fn a_reassessment_says_which_answers_and_numbers_moved_which_index() {
        let q = study();
        let json = example("mixed-vp-of-sales");
        let mut now = json.clone();
        now["evidence_based_stage_exit_criteria"] = "agree".into();
        now["sales_cycle_days"] = 75.into();
        now["stated_win_rate"] = 33.into();
        let answers = Answers::from_json(&q, &now, Completeness::Draft).expect("answers");
        let ids: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
        let change = change_since(
            &q,
            &Earlier {
                submitted_on: "2026-05-22",
                questionnaire_version: q.version,
                answers: &json,
                version_items: &ids,
            },
            &answers,
            Vec::new(),
        );
        let said = change.said();
        assert!(
            // One point on one sub-index is a quarter point on the company
            // index, computed from the sub-indices as shown: 68% both times.
            said.moved[0].starts_with("Your company index is unchanged at 68%")
                && said.moved[0]
                    .contains("(Sales Cycle up 1 point, Value, Number and Win Rate unchanged)"),
            "{}",
            said.moved[0]
        );
        assert!(
            said.moved[1].starts_with("One answer changed, for the better; it is \u{201c}Each stage of our sales process")
                && said.moved[1].contains("now \u{201c}Agree\u{201d} (last time \u{201c}Neither agree nor disagree\u{201d}), which feeds Number and Sales Cycle"),
            "{}",
            said.moved[1]
        );
        let numbers = said.moved.last().expect("numbers");
        assert!(
            numbers.contains("sales cycle from 90 days to 75 days (15 days shorter)")
                && numbers.contains("win rate from 30% to 33% (up 3 points)")
                && numbers.contains("sales velocity per day from $10,000 to $13,200 (up $3,200)"),
            "{numbers}"
        );
        // Same version: the figures are the reports' own, so no caveat.
        assert!(!said.intro.contains("can differ slightly"));
    }

    #[test]
    fn an_item_new_in_this_version_moves_no_index_and_is_named_new() {
        let q = study();
        let weak = example("weak-company");
        let strong = example("strong-company");
        let answers = Answers::from_json(&q, &strong, Completeness::Draft).expect("answers");
        let new_item = q
            .items_of_part(PartKind::Company)
            .find(|i| i.is_scored())
            .expect("an item")
            .id
            .clone();
        let mut ids: Vec<String> = q
            .items
            .iter()
            .map(|i| i.id.clone())
            .filter(|id| *id != new_item)
            .collect();
        ids.push("retired_item".into());
        let change = change_since(
            &q,
            &Earlier {
                submitted_on: "2025-01-01",
                questionnaire_version: q.version - 1,
                answers: &weak,
                version_items: &ids,
            },
            &answers,
            Vec::new(),
        );
        assert!(!change.same_version);
        assert_eq!(change.retired_items, 1);
        let text = q.item(&new_item).expect("item").text.clone();
        assert!(change.new_items.contains(&text));
        assert!(change.items.iter().all(|i| i.id != new_item));
        assert!(change.indices[0].change.is_some_and(|c| c > 0.0));
    }

    #[test]
    fn the_change_is_said_in_words_a_person_uses() {
        let change = WaveChange {
            earlier_on: "2025-11-24".into(),
            same_version: false,
            compared_items: 57,
            indices: vec![IndexChange {
                key: "overall",
                name: "Company index".into(),
                before: Some(51.4),
                after: Some(52.2),
                change: Some(0.8),
            }],
            items: Vec::new(),
            new_items: vec!["A new question".into()],
            retired_items: 2,
            trend: Vec::new(),
            numbers: Vec::new(),
        };
        let said = change.said();
        assert!(said.intro.contains("57 questions asked both times"));
        assert!(said.intro.contains(
            "1 new question is left out of the change, and 2 earlier questions are no longer asked."
        ));
        assert_eq!(
            said.rows[0],
            ["Company index", "51%", "52%", "up 1 point"].map(String::from)
        );
        assert!(said.unchanged.is_some() && said.changed.is_empty());
        assert_eq!(
            said.moved,
            ["Your company index is up 1 point, from 51% to 52%."]
        );
        // Computed from the figures as shown, never from the unrounded scores.
        assert_eq!(change_said(Some(61.4), Some(65.6)), "up 5 points");
        assert_eq!(change_said(Some(69.6), Some(70.4)), "unchanged");
        assert_eq!(change_said(Some(70.4), Some(67.1)), "down 3 points");
        assert_eq!(change_said(None, Some(67.1)), "not comparable");
        assert_eq!(score_said(None), "not enough answers");
    }
}
