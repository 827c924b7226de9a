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
use super::language::Language;
use super::peer::IndexKind;
use super::phrases::{self, Arg};
use super::questionnaire::{PartKind, Questionnaire};
use super::report::index_name;
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
    /// Which number, for the sentence that names it (`waves-number` ids).
    #[serde(skip)]
    pub key: &'static str,
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
    /// The language of the questionnaire compared on: the words' language.
    #[serde(skip)]
    pub language: Language,
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
    score_in(Language::English, score)
}

/// A change in points as a person says it, computed from the two figures as
/// shown (whole percents): 61% to 66% is "up 5 points", 70% to 70%
/// "unchanged".
pub fn change_said(before: Option<f64>, after: Option<f64>) -> String {
    change_in(Language::English, before, after)
}

/// [`score_said`] in `language`.
pub fn score_in(language: Language, score: Option<f64>) -> String {
    score.map_or_else(
        || phrases::say(language, "waves-score-missing", &[]),
        |s| phrases::percent(language, s.round()),
    )
}

/// [`change_said`] in `language`.
pub fn change_in(language: Language, before: Option<f64>, after: Option<f64>) -> String {
    match (before.map(f64::round), after.map(f64::round)) {
        (Some(b), Some(a)) => points_said(language, a - b),
        _ => phrases::say(language, "waves-not-comparable", &[]),
    }
}

/// A figure as `language` writes it; in English as the report always has
/// ("1234.5", no thousands mark).
fn figure(language: Language, n: f64) -> String {
    match language {
        Language::English => format_number(n),
        _ => phrases::number(language, n),
    }
}

/// The arguments of a change of `points` (not zero): its direction, its size
/// (for the plural) and its size as written.
fn change_args(language: Language, points: f64) -> [(&'static str, Arg<'static>); 3] {
    let direction = if points > 0.0 { "up" } else { "down" };
    [
        ("direction", direction.into()),
        ("points", points.abs().into()),
        ("shown", figure(language, points.abs()).into()),
    ]
}

/// A difference of points: "up 1 point", "down 3 points", "unchanged".
fn points_said(language: Language, points: f64) -> String {
    if points == 0.0 {
        return phrases::say(language, "waves-unchanged", &[]);
    }
    phrases::say(language, "waves-points", &change_args(language, points))
}

/// Items in a sentence, each after the first joined by message `next` (with
/// `$rest` and `$next`) and the last by `last` (`$rest` and `$last`).
fn joined(language: Language, items: &[String], next: &str, last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [first, middle @ .., end] => {
            let rest = middle.iter().fold(first.clone(), |rest, item| {
                phrases::say(
                    language,
                    next,
                    &[("rest", rest.into()), ("next", item.clone().into())],
                )
            });
            phrases::say(
                language,
                last,
                &[("rest", rest.into()), ("last", end.clone().into())],
            )
        }
    }
}

/// "A, B and C".
fn and_list(language: Language, items: &[String]) -> String {
    match items {
        [rest @ .., last] if !rest.is_empty() => phrases::say(
            language,
            "waves-and",
            &[
                ("rest", rest.join(", ").into()),
                ("last", last.clone().into()),
            ],
        ),
        _ => items.concat(),
    }
}

/// "A; B; and C".
fn semicolon_list(language: Language, items: &[String]) -> String {
    joined(language, items, "waves-list-next", "waves-list-last")
}

/// The number's name in a sentence, by its key.
fn number_in_sentence(language: Language, key: &str) -> String {
    phrases::say(
        language,
        "waves-number-in-sentence",
        &[("number", key.into())],
    )
}

impl WaveChange {
    /// The words of the change since last time, in the language of the
    /// questionnaire compared on.
    pub fn said(&self) -> SinceLastTime {
        let language = self.language;
        let date = phrases::day(language, &self.earlier_on);
        let mut intro = phrases::say(
            language,
            "waves-intro",
            &[
                ("date", date.into()),
                ("questions", self.compared_items.into()),
            ],
        );
        if !self.same_version {
            for sentence in [
                phrases::say(
                    language,
                    "waves-intro-changed",
                    &[
                        ("new", self.new_items.len().into()),
                        ("retired", self.retired_items.into()),
                    ],
                ),
                phrases::say(language, "waves-intro-recomputed", &[]),
            ] {
                intro.push(' ');
                intro.push_str(&sentence);
            }
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
                        score_in(language, i.before),
                        score_in(language, i.after),
                        change_in(language, i.before, i.after),
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
                    phrases::say(
                        language,
                        "waves-answer-changed",
                        &[
                            ("question", i.text.clone().into()),
                            ("section", i.section.clone().into()),
                            ("before", i.before.clone().into()),
                            ("after", i.after.clone().into()),
                        ],
                    )
                })
                .collect(),
            unchanged: self
                .items
                .is_empty()
                .then(|| phrases::say(language, "waves-no-answer-changed", &[])),
            new_items: self.new_items.clone(),
        }
    }

    /// What moved and why, in sentences: the indices that moved (from the
    /// figures as shown), the changed answers that moved them most with the
    /// indices each feeds, and the numbers that changed.
    fn moved(&self) -> Vec<String> {
        let language = self.language;
        let mut out = Vec::new();
        let shown = |i: &IndexChange| i.before.zip(i.after).map(|(b, a)| (b.round(), a.round()));
        let name_of = |key: &str| {
            self.indices
                .iter()
                .find(|i| i.key == key)
                .map_or_else(|| key.to_string(), |i| i.name.clone())
        };
        let percent = |v: f64| phrases::percent(language, v);
        // The company index and its sub-indices, then the personal index.
        let mut parts = Vec::new();
        let mut still: Vec<String> = Vec::new();
        for index in &self.indices {
            let Some((b, a)) = shown(index) else { continue };
            let said = match index.key {
                "overall" | "personal" if a == b => {
                    let id = if index.key == "overall" {
                        "waves-company-unchanged"
                    } else {
                        "waves-personal-unchanged"
                    };
                    phrases::say(language, id, &[("now", percent(a).into())])
                }
                "overall" | "personal" => {
                    let id = if index.key == "overall" {
                        "waves-company-moved"
                    } else {
                        "waves-personal-moved"
                    };
                    let mut args = change_args(language, a - b).to_vec();
                    args.push(("before", percent(b).into()));
                    args.push(("now", percent(a).into()));
                    phrases::say(language, id, &args)
                }
                _ if a == b => {
                    still.push(index.name.clone());
                    continue;
                }
                _ => {
                    let mut args = change_args(language, a - b).to_vec();
                    args.push(("index", index.name.clone().into()));
                    phrases::say(language, "waves-index-moved", &args)
                }
            };
            parts.push((index.key, said));
        }
        if !still.is_empty() {
            parts.push((
                "unchanged",
                phrases::say(
                    language,
                    "waves-indices-unchanged",
                    &[("indices", and_list(language, &still).into())],
                ),
            ));
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
            let subs = subs.join(", ");
            let mut sentence = match overall {
                Some(o) if !subs.is_empty() => phrases::say(
                    language,
                    "waves-company-and-subs",
                    &[("company", o.into()), ("subs", subs.into())],
                ),
                Some(o) => o,
                None => subs,
            };
            if let Some(p) = personal {
                sentence = if sentence.is_empty() {
                    p
                } else {
                    phrases::say(
                        language,
                        "waves-clauses",
                        &[("first", sentence.into()), ("second", p.into())],
                    )
                };
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
            let direction = match (better, worse) {
                (_, 0) => "better",
                (0, _) => "worse",
                _ => "mixed",
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
                    // The question as a quotation, without its full stop.
                    let question = i.text.trim();
                    let question = question.strip_suffix('.').unwrap_or(question);
                    phrases::say(
                        language,
                        "waves-mover",
                        &[
                            ("question", question.into()),
                            ("after", i.after.clone().into()),
                            ("before", i.before.clone().into()),
                            ("indices", and_list(language, &feeds).into()),
                        ],
                    )
                })
                .collect();
            let lead = if movers.len() > named.len() {
                "largest"
            } else if named.len() == 1 {
                "one"
            } else {
                "several"
            };
            out.push(phrases::say(
                language,
                "waves-answers-moved",
                &[
                    ("count", scored.len().into()),
                    ("direction", direction.into()),
                    ("lead", lead.into()),
                    ("movers", semicolon_list(language, &named).into()),
                ],
            ));
        }
        // A number moved when both were given and their figures differ.
        let moved: Vec<String> = self
            .numbers
            .iter()
            .filter(|n| n.better.is_some())
            .map(|n| {
                phrases::say(
                    language,
                    "waves-number-moved",
                    &[
                        ("number", number_in_sentence(language, n.key).into()),
                        ("before", n.before.clone().into()),
                        ("after", n.after.clone().into()),
                        ("change", n.change.clone().into()),
                    ],
                )
            })
            .collect();
        if !moved.is_empty() {
            out.push(phrases::say(
                language,
                "waves-numbers-moved",
                &[("changes", semicolon_list(language, &moved).into())],
            ));
        }
        out
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
        language: q.language,
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
    let language = q.language;
    let (b, a) = (
        CompanyNumbers::from_answers(q, before),
        CompanyNumbers::from_answers(q, after),
    );
    // Both reports' amounts in the currency of the newer one.
    let money = q.chosen_currency(after);
    // English keeps the report's own forms ("$25,000", "1,200"); the other
    // languages write numbers their way ("25.000 $").
    let whole = |v: f64| match language {
        Language::English => format_amount(v),
        _ => phrases::number(language, v.round()),
    };
    let say = |kind: Figure, v: f64| match kind {
        Figure::Count => whole(v),
        Figure::Money => match language {
            Language::English => money.format(v),
            _ => phrases::money(language, &money.symbol, (v / money.rate).round()),
        },
        Figure::Percent => phrases::percent(language, (v * 10.0).round() / 10.0),
        Figure::Days => phrases::say(
            language,
            "waves-days",
            &[("days", v.round().into()), ("shown", whole(v).into())],
        ),
    };
    let rows = [
        (
            "qualified-opportunities",
            b.qualified_opportunities,
            a.qualified_opportunities,
            Figure::Count,
        ),
        (
            "average-deal-value",
            b.average_deal_value,
            a.average_deal_value,
            Figure::Money,
        ),
        (
            "win-rate",
            usable_win_rate(q, &b),
            usable_win_rate(q, &a),
            Figure::Percent,
        ),
        (
            "sales-cycle",
            b.sales_cycle_days,
            a.sales_cycle_days,
            Figure::Days,
        ),
        (
            "quota-attainment",
            b.quota_attainment,
            a.quota_attainment,
            Figure::Percent,
        ),
        (
            "sales-velocity",
            b.velocity(q.minimum_decided_deals).map(|v| v.per_day),
            a.velocity(q.minimum_decided_deals).map(|v| v.per_day),
            Figure::Money,
        ),
    ];
    rows.into_iter()
        .filter(|(_, b, a, _)| b.is_some() || a.is_some())
        .map(|(key, before, after, kind)| {
            let shown = |v: Option<f64>| {
                v.map_or_else(
                    || phrases::say(language, "waves-not-given", &[]),
                    |v| say(kind, v),
                )
            };
            // The change is read off the figures as written.
            let (change, better) = match (before, after) {
                (Some(x), Some(y)) if say(kind, x) == say(kind, y) => {
                    (phrases::say(language, "waves-unchanged", &[]), None)
                }
                (Some(x), Some(y)) => {
                    // Amounts, counts and days are written whole: the change
                    // is the difference of the two figures as written.
                    let d = match kind {
                        Figure::Percent => y - x,
                        _ => y.round() - x.round(),
                    };
                    let text = match kind {
                        Figure::Days => phrases::say(
                            language,
                            if d > 0.0 {
                                "waves-days-longer"
                            } else {
                                "waves-days-shorter"
                            },
                            &[("days", d.abs().into()), ("shown", whole(d.abs()).into())],
                        ),
                        Figure::Percent => {
                            let shown = |v: f64| (v * 10.0).round() / 10.0;
                            let p = ((shown(y) - shown(x)) * 10.0).round() / 10.0;
                            phrases::say(language, "waves-points", &change_args(language, p))
                        }
                        _ => phrases::say(
                            language,
                            if d > 0.0 {
                                "waves-amount-up"
                            } else {
                                "waves-amount-down"
                            },
                            &[("amount", say(kind, d.abs()).into())],
                        ),
                    };
                    // Velocity rises with every factor but the cycle.
                    let up_is_better = kind != Figure::Days;
                    (text, Some((d > 0.0) == up_is_better))
                }
                _ => (phrases::say(language, "waves-not-comparable", &[]), None),
            };
            NumberChange {
                key,
                label: phrases::say(language, "waves-number", &[("number", key.into())]),
                before: shown(before),
                after: shown(after),
                change,
                better,
            }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    use std::collections::BTreeSet;

    use crate::testing::study;

    /// The words of a Fluent file's messages: no comments, ids, variables or
    /// variant keys; words of four letters or more, in lower case.
    fn message_words(ftl: &str) -> BTreeSet<String> {
        ftl.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .map(|l| match l.split_once(" =") {
                Some((_, text)) if !l.starts_with(' ') => text,
                _ => l,
            })
            .flat_map(|l| l.split(|c: char| !(c.is_alphabetic() || c == '$' || c == '-')))
            .flat_map(|w| w.split('-').map(str::to_string).collect::<Vec<_>>())
            .filter(|w| !w.starts_with('$') && w.chars().count() >= 4)
            .map(|w| w.to_lowercase())
            .collect()
    }

    /// The English words of message file `file` (of [`phrases::FILES`]) that
    /// `text` still holds: words the German messages do not share ("Team",
    /// "Index").
    pub(crate) fn english_left(file: usize, text: &str) -> Vec<String> {
        let english = message_words(phrases::FILES[0].1[file]);
        let german = message_words(phrases::FILES[1].1[file]);
        let said: BTreeSet<String> = text
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_lowercase)
            .collect();
        english
            .difference(&german)
            .filter(|w| said.contains(*w))
            .cloned()
            .collect()
    }

    #[test]
    fn a_german_reassessment_says_what_moved_in_german() {
        let study = study();
        let q = study.in_language(Language::German);
        assert_eq!(q.language, Language::German);
        let earlier: Value = serde_json::from_str(crate::testing::examples::MIXED).expect("json");
        let later: Value =
            serde_json::from_str(crate::testing::examples::MIXED_AGAIN).expect("json");
        let answers = Answers::from_json(q, &later, Completeness::Draft).expect("answers");
        // An earlier version: one question new since, one retired.
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
            q,
            &Earlier {
                submitted_on: "2026-05-22",
                questionnaire_version: q.version - 1,
                answers: &earlier,
                version_items: &ids,
            },
            &answers,
            Vec::new(),
        );
        let said = change.said();
        assert!(
            said.intro.contains("Bewertung vom 22. Mai 2026"),
            "{}",
            said.intro
        );
        assert!(!said.moved.is_empty() && !said.numbers.is_empty());
        let mut text: Vec<String> = vec![said.intro.clone()];
        text.extend(said.moved.iter().cloned());
        text.extend(said.changed.iter().cloned());
        text.extend(said.unchanged.iter().cloned());
        text.extend(said.rows.iter().flat_map(|r| r[1..].to_vec()));
        text.extend(said.numbers.iter().flat_map(|r| r.to_vec()));
        let text = text.join("\n");
        assert!(
            text.contains("\u{a0}%"),
            "percentages the German way: {text}"
        );
        let left = english_left(2, &text);
        assert!(left.is_empty(), "English left: {left:?}\n{text}");
    }

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
            language: Language::English,
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
