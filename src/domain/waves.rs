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

use super::answers::{Answer, Answers, Completeness};
use super::peer::IndexKind;
use super::questionnaire::{PartKind, Questionnaire};
use super::report::index_name;
use super::scoring::score;

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
    /// Items of the earlier version no longer asked.
    pub retired_items: usize,
    /// Every assessment of the series, oldest first (this one last).
    pub trend: Vec<TrendPoint>,
}

/// "Since last time" as the respondent reads it, on the web page and in the PDF
/// alike: every sentence and table cell, built once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SinceLastTime {
    /// What was compared with what, and on which questions.
    pub intro: String,
    /// Index, last time, now, change.
    pub rows: Vec<[String; 4]>,
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

/// A change in points as a person says it.
pub fn change_said(change: Option<f64>) -> String {
    match change.map(f64::round) {
        Some(1.0) => "up 1 point".into(),
        Some(-1.0) => "down 1 point".into(),
        Some(c) if c > 0.0 => format!("up {c} points"),
        Some(c) if c < 0.0 => format!("down {} points", -c),
        Some(_) => "no change".into(),
        None => "not comparable".into(),
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
        intro.push_str(
            " Scores here are recomputed on the common questions only, so they can differ slightly from the ones in either report.",
        );
        SinceLastTime {
            intro,
            rows: self
                .indices
                .iter()
                .map(|i| {
                    [
                        i.name.clone(),
                        score_said(i.before),
                        score_said(i.after),
                        change_said(i.change),
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
    WaveChange {
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
        assert_eq!(change_said(Some(-3.4)), "down 3 points");
        assert_eq!(change_said(Some(0.2)), "no change");
        assert_eq!(score_said(None), "not enough answers");
    }
}
