//! A respondent's answers, checked against the questionnaire.
//!
//! Answers arrive as JSON (`{"item_id": "option_id" | number | "text"}`) from the API
//! and the command line, or as form fields (all strings) from the web pages. Both go
//! through the same checks, and every problem is reported at once, each tied to its
//! item so that a form can show the message next to the field.

use crate::language::Language;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::questionnaire::{Currency, Item, ItemKind, Questionnaire};

mod json;
pub use json::parse_json;

/// The longest text answer (a name, a company, an email) that is accepted.
pub const MAX_TEXT_CHARS: usize = 200;

/// One checked answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Index into the item's options.
    Option(usize),
    Number(f64),
    Text(String),
}

/// All answers of one response, by item position in the questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    values: Vec<Option<Answer>>,
}

/// Whether required answers must all be there: a saved page may be incomplete, a
/// submitted response may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    Draft,
    Final,
}

/// What is wrong with one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum AnswerProblemKind {
    NotAnObject,
    UnknownItem,
    UnknownOption {
        offered: Vec<String>,
    },
    NotAnOption,
    NotANumber,
    NotAnInteger,
    OutOfRange {
        min: f64,
        max: f64,
        unit: String,
    },
    NotText,
    TooLong {
        max_chars: usize,
    },
    NotAnEmail,
    /// An amount typed in another currency than the one the respondent's
    /// numbers are in (`currency`, `code`); `typed_in` names the typed one
    /// when it is one the study offers ("euros (EUR)").
    OtherCurrency {
        typed: String,
        currency: String,
        code: String,
        typed_in: Option<String>,
    },
    Missing,
}

/// One problem, tied to its item (`None` when the whole input is wrong).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerProblem {
    pub item: Option<String>,
    #[serde(flatten)]
    pub kind: AnswerProblemKind,
    pub message: String,
}

impl AnswerProblem {
    /// A required answer that was not given.
    pub fn missing(item: &Item) -> AnswerProblem {
        let kind = AnswerProblemKind::Missing;
        AnswerProblem {
            item: Some(item.id.clone()),
            message: message(item, &kind),
            kind,
        }
    }
}

/// Every problem found in a set of answers.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
pub struct AnswerError {
    pub problems: Vec<AnswerProblem>,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, p) in self.problems.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            match &p.item {
                Some(item) => write!(f, "{item}: {}", p.message)?,
                None => write!(f, "{}", p.message)?,
            }
        }
        Ok(())
    }
}

impl AnswerError {
    /// The message for one item, for showing next to its field.
    pub fn message_for(&self, item_id: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| p.item.as_deref() == Some(item_id))
            .map(|p| p.message.as_str())
    }
}

/// An answer before it is checked: a JSON value, or a form field's text.
enum Raw<'a> {
    Json(&'a Value),
    Form(&'a str),
}

impl Answers {
    /// No answers yet.
    pub fn empty(q: &Questionnaire) -> Answers {
        Answers {
            values: vec![None; q.items.len()],
        }
    }

    /// Checks answers given as JSON.
    ///
    /// # Errors
    /// An [`AnswerError`] listing every problem: unknown item, option not offered,
    /// number out of range, non-number for a number, required answer missing (for
    /// `Completeness::Final`).
    ///
    /// Amounts are read as kept: in the study's reference currency (the form
    /// [`Answers::to_json`] writes). For answers a client submits, whose
    /// amounts are in the currency they chose, see
    /// [`Answers::from_submitted_json`].
    pub fn from_json(
        q: &Questionnaire,
        json: &Value,
        completeness: Completeness,
    ) -> Result<Answers, AnswerError> {
        Answers::from_json_with(q, json, completeness, AmountsIn::Reference)
    }

    /// Checks answers a client submits as JSON (the API, an answers file):
    /// amounts in the currency their currency answer names (the reference
    /// without one), kept in the reference.
    ///
    /// # Errors
    /// As [`Answers::from_json`].
    pub fn from_submitted_json(
        q: &Questionnaire,
        json: &Value,
        completeness: Completeness,
    ) -> Result<Answers, AnswerError> {
        Answers::from_json_with(q, json, completeness, AmountsIn::ChosenCurrency)
    }

    fn from_json_with(
        q: &Questionnaire,
        json: &Value,
        completeness: Completeness,
        amounts: AmountsIn,
    ) -> Result<Answers, AnswerError> {
        let Some(map) = json.as_object() else {
            return Err(AnswerError {
                problems: vec![AnswerProblem {
                    item: None,
                    kind: AnswerProblemKind::NotAnObject,
                    message: "answers must be a JSON object of item id to answer".into(),
                }],
            });
        };
        Answers::check(
            q,
            map.iter().map(|(k, v)| (k.as_str(), Raw::Json(v))),
            completeness,
            amounts,
        )
    }

    /// Reads stored answers against the questionnaire version they are read with,
    /// leniently: every answer that still fits (item still asked, option still
    /// offered, number in range) is kept, and each one that does not is returned
    /// as a problem beside them instead of failing the whole set. This is the one
    /// policy for answers kept from before (a stored response, a draft, a team's
    /// shared profile); the caller logs what was dropped.
    pub fn read_stored(q: &Questionnaire, json: &Value) -> (Answers, Vec<AnswerProblem>) {
        let mut answers = Answers::empty(q);
        let Some(map) = json.as_object() else {
            let problem = AnswerProblem {
                item: None,
                kind: AnswerProblemKind::NotAnObject,
                message: "answers must be a JSON object of item id to answer".into(),
            };
            return (answers, vec![problem]);
        };
        let mut dropped = Vec::new();
        for (id, raw) in map {
            let Some(pos) = q.item_position(id) else {
                dropped.push(AnswerProblem {
                    item: Some(id.clone()),
                    kind: AnswerProblemKind::UnknownItem,
                    message: format!("there is no question `{id}` in this questionnaire"),
                });
                continue;
            };
            let item = &q.items[pos];
            match check_one(q, q.reference_currency(), true, item, Raw::Json(raw)) {
                Ok(answer) => answers.values[pos] = answer,
                Err(kind) => dropped.push(AnswerProblem {
                    item: Some(id.clone()),
                    message: message(item, &kind),
                    kind,
                }),
            }
        }
        (answers, dropped)
    }

    /// Checks answers given as form fields (name = item id, value = option id or text).
    /// Empty fields count as unanswered; fields not named after an item are the
    /// caller's business and must be filtered out before.
    ///
    /// # Errors
    /// As [`Answers::from_json`].
    pub fn from_form<'a>(
        q: &Questionnaire,
        fields: impl IntoIterator<Item = (&'a str, &'a str)>,
        completeness: Completeness,
    ) -> Result<Answers, AnswerError> {
        Answers::check(
            q,
            fields.into_iter().map(|(k, v)| (k, Raw::Form(v))),
            completeness,
            AmountsIn::ChosenCurrency,
        )
    }

    fn check<'a>(
        q: &Questionnaire,
        input: impl Iterator<Item = (&'a str, Raw<'a>)>,
        completeness: Completeness,
        amounts: AmountsIn,
    ) -> Result<Answers, AnswerError> {
        let mut answers = Answers::empty(q);
        let mut problems = Vec::new();
        let input: Vec<(&str, Raw<'a>)> = input.collect();
        // Amounts are read in the currency chosen with them (the reference
        // when none is) and kept in the reference.
        let currency = q
            .currency_item
            .as_deref()
            .filter(|_| matches!(amounts, AmountsIn::ChosenCurrency))
            .and_then(|id| input.iter().find(|(k, _)| *k == id))
            .and_then(|(_, raw)| match raw {
                Raw::Json(Value::String(code)) => q.currency_by_code(code),
                Raw::Form(code) => q.currency_by_code(code.trim()),
                Raw::Json(_) => None,
            })
            .unwrap_or(q.reference_currency());
        for (id, raw) in input {
            let Some(pos) = q.item_position(id) else {
                problems.push(AnswerProblem {
                    item: Some(id.to_string()),
                    kind: AnswerProblemKind::UnknownItem,
                    message: format!("there is no question `{id}` in this questionnaire"),
                });
                continue;
            };
            let item = &q.items[pos];
            match check_one(
                q,
                currency,
                matches!(amounts, AmountsIn::Reference),
                item,
                raw,
            ) {
                Ok(answer) => answers.values[pos] = answer,
                Err(kind) => problems.push(AnswerProblem {
                    item: Some(id.to_string()),
                    message: message(item, &kind),
                    kind,
                }),
            }
        }
        if completeness == Completeness::Final {
            for (pos, item) in q.items.iter().enumerate() {
                let already = problems.iter().any(|p| p.item.as_deref() == Some(&item.id));
                if item.required && answers.values[pos].is_none() && !already {
                    problems.push(AnswerProblem::missing(item));
                }
            }
        }
        if problems.is_empty() {
            Ok(answers)
        } else {
            Err(AnswerError { problems })
        }
    }

    /// The answer to the item at `pos`, if any.
    pub fn get(&self, pos: usize) -> Option<&Answer> {
        self.values.get(pos).and_then(Option::as_ref)
    }

    /// The audience group the respondent's role puts them in (`[audiences]`):
    /// who the report's advice speaks to.
    pub fn audience<'q>(&self, q: &'q Questionnaire) -> Option<&'q str> {
        let item = &q.audiences.as_ref()?.item;
        match self.by_id(q, item)? {
            (it, Answer::Option(i)) => q.audience_of_role(&it.options[*i].id),
            _ => None,
        }
    }

    /// The paragraph said instead of `item`'s own, when another answer says the
    /// company does not have what the item presumes (`[[absences]]`).
    pub fn said_instead<'q>(&self, q: &'q Questionnaire, item: &str) -> Option<&'q str> {
        q.absences.iter().find_map(|a| {
            let denied = match self.by_id(q, &a.item)? {
                (it, Answer::Option(i)) => a.options.contains(&it.options[*i].id),
                _ => false,
            };
            denied
                .then(|| a.instead.get(item).map(String::as_str))
                .flatten()
        })
    }

    /// The answer to an item by id, if any.
    pub fn by_id<'q>(&self, q: &'q Questionnaire, id: &str) -> Option<(&'q Item, &Answer)> {
        let pos = q.item_position(id)?;
        Some((&q.items[pos], self.get(pos)?))
    }

    /// Sets or clears one answer (a later page's answers overlay earlier ones).
    pub fn merge(&mut self, other: &Answers) {
        for (mine, theirs) in self.values.iter_mut().zip(&other.values) {
            if theirs.is_some() {
                mine.clone_from(theirs);
            }
        }
    }

    /// Clears the answers of the given item positions (a page saved with fields
    /// left empty).
    pub fn clear(&mut self, positions: impl IntoIterator<Item = usize>) {
        for pos in positions {
            if let Some(v) = self.values.get_mut(pos) {
                *v = None;
            }
        }
    }

    pub fn answered_count(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }

    /// The answers as JSON, the same form `from_json` reads.
    pub fn to_json(&self, q: &Questionnaire) -> Value {
        let mut map = Map::new();
        for (item, value) in q.items.iter().zip(&self.values) {
            let Some(answer) = value else { continue };
            let v = match answer {
                Answer::Option(i) => Value::String(item.options[*i].id.clone()),
                // Whole numbers stay whole ("deals_won": 2, not 2.0).
                Answer::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => Value::from(*n as i64),
                Answer::Number(n) => serde_json::Number::from_f64(*n)
                    .map(Value::Number)
                    .unwrap_or(Value::Null),
                Answer::Text(t) => Value::String(t.clone()),
            };
            map.insert(item.id.clone(), v);
        }
        Value::Object(map)
    }

    /// The answers without contact details, for anything shown beyond the respondent.
    pub fn without_contact(&self, q: &Questionnaire) -> Answers {
        let mut copy = self.clone();
        for (pos, item) in q.items.iter().enumerate() {
            if item.contact {
                copy.values[pos] = None;
            }
        }
        copy
    }

    /// The answer's text for display: the option label, the number with its unit, or
    /// the text.
    pub fn display(&self, item: &Item, pos: usize) -> Option<String> {
        Some(match self.get(pos)? {
            Answer::Option(i) => item.options[*i].label.clone(),
            Answer::Number(n) => {
                let unit = item.number.as_ref().map_or("", |r| r.unit.as_str());
                format!("{} {unit}", format_number(*n)).trim().to_string()
            }
            Answer::Text(t) => t.clone(),
        })
    }
}

/// How the amounts of an input are written.
#[derive(Debug, Clone, Copy)]
enum AmountsIn {
    /// As kept: in the study's reference currency.
    Reference,
    /// As a respondent gives them: in the currency they chose.
    ChosenCurrency,
}

/// A number as a person writes it: no trailing `.0`, at most two decimals.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `currency`: the one amounts are typed in; `kept`: amounts are as kept, in
/// the reference currency (stored answers, copies).
fn check_one(
    q: &Questionnaire,
    currency: &Currency,
    kept: bool,
    item: &Item,
    raw: Raw<'_>,
) -> Result<Option<Answer>, AnswerProblemKind> {
    match raw {
        Raw::Json(Value::Null) => return Ok(None),
        Raw::Form(s) if s.trim().is_empty() => return Ok(None),
        _ => {}
    }
    match item.kind {
        ItemKind::Agreement | ItemKind::Importance | ItemKind::Frequency | ItemKind::Choice => {
            let id = match raw {
                Raw::Json(Value::String(s)) => s.as_str(),
                Raw::Form(s) => s,
                Raw::Json(_) => return Err(AnswerProblemKind::NotAnOption),
            };
            item.option(id)
                .map(|(i, _)| Some(Answer::Option(i)))
                .ok_or_else(|| AnswerProblemKind::UnknownOption {
                    offered: item.options.iter().map(|o| o.id.clone()).collect(),
                })
        }
        ItemKind::Number => {
            let money = item.metric.is_some_and(|m| m.is_money());
            let n = match raw {
                Raw::Json(Value::Number(n)) => n.as_f64().ok_or(AnswerProblemKind::NotANumber)?,
                Raw::Form(s) if money => amount_in_currency(q, currency, s)?,
                Raw::Form(s) => {
                    parse_form_number(s, q.language).ok_or(AnswerProblemKind::NotANumber)?
                }
                Raw::Json(_) => return Err(AnswerProblemKind::NotANumber),
            };
            if !n.is_finite() {
                return Err(AnswerProblemKind::NotANumber);
            }
            // The range is the one the respondent reads: of the amount as
            // typed, in their currency. An amount as kept may come from any
            // of the study's currencies, so it may lie anywhere their rates
            // carry the range to.
            let (low, high) = match item.number.as_ref() {
                Some(range) if money && kept => {
                    let rates = q.currencies.iter().map(|c| c.rate);
                    let lowest = rates.clone().fold(1.0_f64, f64::min);
                    let highest = rates.fold(1.0_f64, f64::max);
                    (range.min * lowest, range.max * highest)
                }
                Some(range) => (range.min, range.max),
                None => (f64::NEG_INFINITY, f64::INFINITY),
            };
            if let Some(range) = &item.number {
                if range.integer && n.fract() != 0.0 {
                    return Err(AnswerProblemKind::NotAnInteger);
                }
                if n < low || n > high {
                    return Err(AnswerProblemKind::OutOfRange {
                        min: range.min,
                        max: range.max,
                        unit: range.unit.clone(),
                    });
                }
            }
            let n = if money { currency.to_reference(n) } else { n };
            Ok(Some(Answer::Number(n)))
        }
        ItemKind::Text => {
            let text = match raw {
                Raw::Json(Value::String(s)) => s.trim(),
                Raw::Form(s) => s.trim(),
                Raw::Json(_) => return Err(AnswerProblemKind::NotText),
            };
            if text.is_empty() {
                return Ok(None);
            }
            if text.chars().count() > MAX_TEXT_CHARS {
                return Err(AnswerProblemKind::TooLong {
                    max_chars: MAX_TEXT_CHARS,
                });
            }
            if text.chars().any(char::is_control) {
                return Err(AnswerProblemKind::NotText);
            }
            if item.email && !looks_like_email(text) {
                return Err(AnswerProblemKind::NotAnEmail);
            }
            Ok(Some(Answer::Text(text.to_string())))
        }
    }
}

/// An amount typed into a form, in `currency` (the one the respondent's
/// numbers are in). The one place where a typed currency meets the chosen
/// one: an amount marked with another currency is refused, naming both, never
/// read silently as the chosen one nor converted.
///
/// # Errors
/// `NotANumber` when no amount can be read, `OtherCurrency` when it names
/// another currency.
pub fn amount_in_currency(
    q: &Questionnaire,
    currency: &Currency,
    s: &str,
) -> Result<f64, AnswerProblemKind> {
    // The currency first: "A$25,000" or "25,000 kr" is another currency even
    // where the number itself would not read.
    let marks = currency_marks(s);
    if let Some(other) = marks.iter().find(|m| !currency.is_named_by(m)) {
        return Err(AnswerProblemKind::OtherCurrency {
            typed: s.trim().to_string(),
            currency: currency.name.clone(),
            code: currency.code.clone(),
            typed_in: q
                .currencies
                .iter()
                .find(|c| c.is_named_by(other))
                .map(|c| format!("{} ({})", c.name, c.code)),
        });
    }
    parse_typed_number_in(s, q.language).ok_or(AnswerProblemKind::NotANumber)
}

/// An amount typed into a form in the study's reference currency.
///
/// # Errors
/// As [`amount_in_currency`].
pub fn amount_in_study_currency(q: &Questionnaire, s: &str) -> Result<f64, AnswerProblemKind> {
    amount_in_currency(q, q.reference_currency(), s)
}

/// ISO codes of the currencies a respondent is likely to type.
const CURRENCY_CODES: [&str; 30] = [
    "usd", "eur", "gbp", "chf", "jpy", "cny", "rmb", "cad", "aud", "nzd", "sek", "nok", "dkk",
    "pln", "czk", "huf", "inr", "brl", "mxn", "zar", "sgd", "hkd", "krw", "try", "rub", "aed",
    "sar", "ils", "ron", "thb",
];

/// Currency names and their short marks as people type them around an amount,
/// and the words that make a "dollar" another country's.
const CURRENCY_WORDS: [&str; 36] = [
    "euro",
    "euros",
    "dollar",
    "dollars",
    "pound",
    "pounds",
    "sterling",
    "franc",
    "francs",
    "yen",
    "yuan",
    "renminbi",
    "rupee",
    "rupees",
    "krona",
    "kronor",
    "krone",
    "kroner",
    "zloty",
    "reais",
    "peso",
    "pesos",
    "kr",
    "zł",
    "zl",
    "rs",
    "fr",
    "sfr",
    "canadian",
    "australian",
    "singapore",
    "hong",
    "zealand",
    "mexican",
    "aussie",
    "kiwi",
];

/// Every currency a typed amount names, in lower case: a symbol with the
/// letters written against it ("$", "€", "a$", "us$"), and codes and names
/// before or after the amount ("EUR 25,000", "25.000 euros", "25,000 kr").
pub fn currency_marks(s: &str) -> Vec<String> {
    let lower = s.trim().to_lowercase();
    let mut marks = Vec::new();
    let mut letters = String::new();
    for c in lower.chars() {
        if is_currency_symbol(c) {
            marks.push(format!("{letters}{c}"));
            letters.clear();
        } else if c.is_alphabetic() {
            letters.push(c);
        } else {
            letters.clear();
        }
    }
    marks.extend(
        lower
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| CURRENCY_CODES.contains(w) || CURRENCY_WORDS.contains(w))
            .map(str::to_string),
    );
    marks
}

/// Numbers typed into a form, read the way people write them: "€25,000", "25k",
/// "25 000", "92,5", "90 days", "30%", "1.234.567,5", "$2.5m". See
/// [`parse_typed_number`].
fn parse_form_number(s: &str, language: Language) -> Option<f64> {
    parse_typed_number_in(s, language)
}

/// Reads a number as a person types it.
///
/// - A currency symbol or code before or after it, a unit word after it ("days",
///   "deals") and a percent sign are ignored: the field says what it measures.
/// - "k" multiplies by a thousand, "m"/"mn"/"million" by a million, "bn" by a
///   billion.
/// - Spaces, apostrophes and underscores between digits group thousands.
/// - With both "," and ".", the last one is the decimal mark ("1.234,5", "1,234.5").
///   With only commas, groups of exactly three digits after each are thousands
///   ("25,000") and anything else is a decimal comma ("92,5"). A single "." is a
///   decimal point; several are thousands ("1.234.567").
///
/// `None` when what is left is not a number ("ninety", "1,2,3").
pub fn parse_typed_number(s: &str) -> Option<f64> {
    parse_typed_number_in(s, Language::English)
}

/// [`parse_typed_number`] as a speaker of `language` writes numbers: where the
/// comma is the decimal mark (German, French, Spanish), one comma is always
/// decimal ("92,5", "0,750") and a single "." before groups of three digits
/// groups thousands ("25.000").
pub fn parse_typed_number_in(s: &str, language: Language) -> Option<f64> {
    let lower = s.trim().to_lowercase();
    let is_body = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.');
    let is_group = |c: char| c.is_whitespace() || matches!(c, '\'' | '_' | '\u{2019}');
    let start = lower.find(|c: char| is_body(c) || c == '-')?;
    let prefix = &lower[..start];
    if !prefix
        .chars()
        .all(|c| c.is_whitespace() || c.is_alphabetic() || is_currency_symbol(c))
        || prefix.chars().filter(|c| c.is_alphabetic()).count() > 3
    {
        return None;
    }
    let rest = &lower[start..];
    let (negative, rest) = match rest.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    // The number runs over digits, separators and grouping spaces that are
    // followed by more digits.
    let chars: Vec<char> = rest.chars().collect();
    let mut end = 0;
    while end < chars.len() {
        let c = chars[end];
        let grouping = is_group(c) && chars.get(end + 1).is_some_and(|n| n.is_ascii_digit());
        if !is_body(c) && !grouping {
            break;
        }
        end += 1;
    }
    let body: String = chars[..end].iter().filter(|c| !is_group(**c)).collect();
    let suffix: String = chars[end..].iter().collect();
    let value = read_separators(&body, language.decimal_comma())?;
    let suffix = suffix.trim();
    let (multiplier, unit) = match suffix.split_once(|c: char| !c.is_alphabetic()) {
        _ if suffix.is_empty() => (1.0, ""),
        Some((word, tail)) => (multiplier(word), tail),
        None => (multiplier(suffix), ""),
    };
    let unit = if multiplier == 1.0 { suffix } else { unit };
    if !unit.chars().all(|c| {
        c.is_alphabetic() || c.is_whitespace() || c == '%' || c == '.' || is_currency_symbol(c)
    }) {
        return None;
    }
    let v = value * multiplier;
    Some(if negative { -v } else { v })
}

fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₩' | '₺' | '₽' | '¢' | '₪' | '₫' | '₱'
    ) || matches!(c.len_utf8(), 3 if ('\u{20a0}'..='\u{20cf}').contains(&c))
}

fn multiplier(word: &str) -> f64 {
    match word {
        "k" | "thousand" => 1e3,
        "m" | "mn" | "mio" | "million" => 1e6,
        "bn" | "billion" => 1e9,
        _ => 1.0,
    }
}

/// Digits with "," and "." as a person meant them (see [`parse_typed_number`]).
fn read_separators(body: &str, decimal_comma: bool) -> Option<f64> {
    if body.is_empty() || !body.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let groups_of_three = |s: &str, sep: char| {
        let mut parts = s.split(sep);
        parts
            .next()
            .is_some_and(|first| !first.is_empty() && first.len() <= 3)
            && parts.all(|p| p.len() == 3)
    };
    let (commas, dots) = (body.matches(',').count(), body.matches('.').count());
    let plain = match (commas, dots) {
        (0, 0) => body.to_string(),
        (1, 0) if decimal_comma => body.replace(',', "."),
        (0, _) if decimal_comma && groups_of_three(body, '.') => body.replace('.', ""),
        (_, 0) if groups_of_three(body, ',') => body.replace(',', ""),
        (1, 0) => body.replace(',', "."),
        (0, 1) => body.to_string(),
        (0, _) if groups_of_three(body, '.') => body.replace('.', ""),
        (_, _) if commas > 0 && dots > 0 => {
            let last_comma = body.rfind(',')?;
            let last_dot = body.rfind('.')?;
            let (thousands, decimal) = if last_comma > last_dot {
                ('.', ',')
            } else {
                (',', '.')
            };
            let (whole, fraction) = body.rsplit_once(decimal)?;
            if whole.contains(decimal) || fraction.contains(thousands) {
                return None;
            }
            if whole.contains(thousands) && !groups_of_three(whole, thousands) {
                return None;
            }
            format!("{}.{fraction}", whole.replace(thousands, ""))
        }
        _ => return None,
    };
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
        && !domain.contains('@')
}

fn message(item: &Item, kind: &AnswerProblemKind) -> String {
    use super::answers::format_number as num;
    match kind {
        AnswerProblemKind::NotAnObject => "answers must be a JSON object".into(),
        AnswerProblemKind::UnknownItem => format!("there is no question `{}`", item.id),
        AnswerProblemKind::UnknownOption { offered } => format!(
            "that is not one of the answers offered (choose one of: {})",
            offered.join(", ")
        ),
        AnswerProblemKind::NotAnOption => "choose one of the answers offered".into(),
        AnswerProblemKind::NotANumber => "enter a number, such as 25000, 25,000 or 25k".into(),
        AnswerProblemKind::NotAnInteger => "enter a whole number".into(),
        AnswerProblemKind::OutOfRange { min, max, unit } => {
            format!("enter a number from {} to {} {unit}", num(*min), num(*max))
                .trim()
                .to_string()
        }
        AnswerProblemKind::NotText => "enter plain text".into(),
        AnswerProblemKind::TooLong { max_chars } => {
            format!("keep this to {max_chars} characters or fewer")
        }
        AnswerProblemKind::NotAnEmail => "enter an email address such as name@example.com".into(),
        AnswerProblemKind::OtherCurrency {
            typed,
            currency,
            code,
            typed_in: Some(typed_in),
        } => format!(
            "\u{201c}{typed}\u{201d} is in {typed_in}, but your numbers are in {currency} ({code}): enter the amount in {currency}, or choose {typed_in} as the currency of your numbers"
        ),
        AnswerProblemKind::OtherCurrency {
            typed,
            currency,
            code,
            typed_in: None,
        } => format!(
            "\u{201c}{typed}\u{201d} is in another currency: your numbers are in {currency} ({code}), so enter the amount in {currency}"
        ),
        AnswerProblemKind::Missing => "please answer this question".into(),
    }
}

#[cfg(test)]
mod tests;
