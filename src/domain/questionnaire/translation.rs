//! A questionnaire's words in another language: a file beside the study file
//! (`dealbench-v1.de.toml` beside `dealbench-v1.toml`) that gives, by the study
//! file's ids, every text the study file holds: its introduction, parts,
//! sections, questions, options, and all of the report's words (categories,
//! commentary, headlines, tensions, team readings). Ids, scores, weights and
//! the phrase lists the loader's wording rules read live only in the study
//! file, so every language of one version shares its peer figures.
//!
//! A place is the path to a text in the study file, with each entry of a list
//! named by its `id` (or `code`, else its position): `items.deal_reviews.strong`,
//! `scales.agreement.options.agree.forms.that`, `company_categories.0.name`.
//! The translation file writes the same path as TOML tables.
//!
//! Checked as the study file is: every text missing from the translation,
//! every one it has that the study file does not, and every placeholder
//! (`{answer}`, `{index}`) that differs from the source, each with its place.
//! The translated questionnaire is then built by the study file's own loader
//! from the study file with its texts put in, so it has every check the study
//! file has except the rules written in English phrases.

use std::collections::BTreeMap;

use toml::Value;

use super::{Problem, Questionnaire};
use crate::language::Language;

/// Keys whose strings are ids, references or codes, never words a reader sees.
const NOT_WORDS: [&str; 16] = [
    "id",
    "section",
    "kind",
    "item",
    "within",
    "dimension",
    "metric",
    "format",
    "code",
    "symbol",
    "rate_date",
    "currency_item",
    "part",
    "name_item",
    "role_item",
    "quotes",
];

/// One language's words for a questionnaire, read from its file.
#[derive(Debug)]
pub struct Translation {
    pub language: Language,
    given: BTreeMap<String, String>,
}

/// Every text of a study file by its place. Lists of strings are ids or the
/// wording rules' phrases, so they are not places.
fn places_in(study: &toml::Table) -> BTreeMap<String, String> {
    fn walk(table: &toml::Table, at: &str, out: &mut BTreeMap<String, String>) {
        for (key, value) in table {
            let place = place_of(at, key);
            match value {
                // An empty text (an amount's unit) has nothing to translate.
                Value::String(s) if !NOT_WORDS.contains(&key.as_str()) && !s.trim().is_empty() => {
                    out.insert(place, s.trim().to_string());
                }
                Value::Table(t) => walk(t, &place, out),
                Value::Array(list) => {
                    for (i, entry) in list.iter().enumerate() {
                        if let Value::Table(t) = entry {
                            walk(t, &format!("{place}.{}", entry_name(t, i)), out);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(study, "", &mut out);
    out
}

/// The place of `key` in the table at place `at` (the file's top level when empty).
fn place_of(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// How a place names an entry of a list: by its id, else its code, else its
/// position.
fn entry_name(entry: &toml::Table, position: usize) -> String {
    ["id", "code"]
        .iter()
        .find_map(|k| entry.get(*k).and_then(Value::as_str))
        .map_or_else(|| position.to_string(), str::to_string)
}

/// Puts `given` texts into the study file at their places.
fn put_in(table: &mut toml::Table, at: &str, given: &BTreeMap<String, String>) {
    for (key, value) in table.iter_mut() {
        let place = place_of(at, key);
        match value {
            Value::String(s) if !NOT_WORDS.contains(&key.as_str()) => {
                if let Some(t) = given.get(&place) {
                    *s = t.clone();
                }
            }
            Value::Table(t) => put_in(t, &place, given),
            Value::Array(list) => {
                for (i, entry) in list.iter_mut().enumerate() {
                    if let Value::Table(t) = entry {
                        let name = entry_name(t, i);
                        put_in(t, &format!("{place}.{name}"), given);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Every text of a questionnaire by its place, in its own language: what a
/// translation file gives for the study file's words.
pub fn places(q: &Questionnaire) -> BTreeMap<String, String> {
    toml::from_str::<toml::Table>(&q.source_text)
        .map(|t| places_in(&t))
        .unwrap_or_default()
}

/// The placeholders of a text (`{answer}`, `{answer:often}`), in order.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push(&rest[open..=open + close]);
        rest = &rest[open + close + 1..];
    }
    out.sort_unstable();
    out
}

impl Translation {
    /// Parses a translation file's text: tables of texts by place.
    ///
    /// # Errors
    /// A problem naming what does not parse, or a value that is not a text.
    pub fn from_toml(language: Language, text: &str) -> Result<Translation, Problem> {
        fn flatten(
            table: &toml::Table,
            at: &str,
            out: &mut BTreeMap<String, String>,
        ) -> Result<(), Problem> {
            for (key, value) in table {
                let place = place_of(at, key);
                match value {
                    // Empty, it gives nothing: "has no translation" if one is needed.
                    Value::String(s) => {
                        if !s.trim().is_empty() {
                            out.insert(place, s.trim().to_string());
                        }
                    }
                    Value::Table(t) => flatten(t, &place, out)?,
                    _ => {
                        return Err(Problem::new(
                            place,
                            "is not a text: a translation gives only words",
                        ));
                    }
                }
            }
            Ok(())
        }
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            Problem::new(
                "file",
                format!("is not a valid translation: {}", e.to_string().trim()),
            )
        })?;
        let mut given = BTreeMap::new();
        flatten(&table, "", &mut given)?;
        Ok(Translation { language, given })
    }

    /// Every problem of this translation of `q`: a text missing, a text the
    /// study file does not have, an empty text, a placeholder that differs.
    pub fn problems(&self, q: &Questionnaire) -> Vec<Problem> {
        let source = places(q);
        let mut problems = Vec::new();
        for (place, english) in &source {
            match self.given.get(place) {
                None => problems.push(Problem::new(place.clone(), "has no translation")),
                Some(t) if t.trim().is_empty() => {
                    problems.push(Problem::new(place.clone(), "is translated as nothing"));
                }
                Some(t) if placeholders(t) != placeholders(english) => {
                    problems.push(Problem::new(
                        place.clone(),
                        format!(
                            "has the placeholders {:?}, the study file {:?}",
                            placeholders(t),
                            placeholders(english)
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        for place in self.given.keys().filter(|p| !source.contains_key(*p)) {
            problems.push(Problem::new(
                place.clone(),
                "is not in the study file (an unknown id, or a text it does not have)",
            ));
        }
        problems
    }

    /// `q` in this translation's words, built by the study file's loader; a
    /// text the translation does not give stays as the study file writes it
    /// (a checked translation gives every one).
    ///
    /// # Errors
    /// Every problem the loader finds in the translated study file (an option
    /// form the translation left empty, say).
    pub fn apply(&self, q: &Questionnaire) -> Result<Questionnaire, Vec<Problem>> {
        let mut study: toml::Table = toml::from_str(&q.source_text)
            .map_err(|e| vec![Problem::new("file", e.to_string().trim().to_string())])?;
        put_in(&mut study, "", &self.given);
        let text = toml::to_string(&study)
            .map_err(|e| vec![Problem::new("file", e.to_string().trim().to_string())])?;
        let mut out =
            Questionnaire::from_toml_with(&text, super::Rules::Translation(self.language))?;
        out.language = self.language;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn study() -> Questionnaire {
        crate::testing::study()
    }

    #[test]
    fn each_shipped_translation_gives_every_text_and_nothing_else() {
        let q = study();
        for (language, text) in crate::testing::TRANSLATIONS {
            let t = Translation::from_toml(*language, text).expect("parses");
            assert_eq!(t.problems(&q), Vec::new(), "{language}");
            let translated = t.apply(&q).expect("builds");
            assert_eq!(translated.items.len(), q.items.len());
            assert_ne!(translated.items[0].text, q.items[0].text, "{language}");
            // Ids, scores and weights are the study file's.
            for (a, b) in q.items.iter().zip(&translated.items) {
                assert_eq!(a.id, b.id);
                assert_eq!(a.weights, b.weights);
                let ids = |i: &super::super::Item| {
                    i.options
                        .iter()
                        .map(|o| (o.id.clone(), o.score))
                        .collect::<Vec<_>>()
                };
                assert_eq!(ids(a), ids(b));
            }
        }
    }

    #[test]
    fn a_missing_an_extra_and_a_changed_placeholder_are_each_named_by_place() {
        let q = study();
        let first = &q.items[0].id;
        let text = format!(
            "[study]\nname = \"Studie\"\n\n[items.{first}]\ntext = \"Frage {{answer:x}}\"\n\n[items.no_such_item]\ntext = \"?\"\n"
        );
        let t = Translation::from_toml(Language::German, &text).expect("parses");
        let problems = t.problems(&q);
        let at = |place: &str| problems.iter().find(|p| p.place == place);
        assert!(at("study.intro").is_some_and(|p| p.message.contains("no translation")));
        assert!(
            at("items.no_such_item.text")
                .is_some_and(|p| p.message.contains("not in the study file"))
        );
        assert!(
            at(&format!("items.{first}.text")).is_some_and(|p| p.message.contains("placeholders"))
        );
    }

    #[test]
    fn a_value_that_is_not_a_text_is_refused_when_read() {
        let refused = Translation::from_toml(Language::French, "[items.x]\nmin = 3\n");
        assert!(refused.is_err_and(|p| p.place == "items.x.min"));
    }

    #[test]
    fn every_text_of_the_report_is_a_place_and_no_id_is() {
        let places = places(&study());
        for place in [
            "company_categories.0.name",
            "sub_indices.win_rate.strong",
            "scales.agreement.options.agree.forms.that",
            "items.sales_process_importance.variants.rep.option_commentary.dont_know",
            "teams.readings.lowest",
            "study.currencies.EUR.name",
        ] {
            assert!(places.contains_key(place), "{place}");
        }
        assert!(places.keys().all(|p| !p.ends_with(".id")
            && !p.ends_with(".section")
            && !p.ends_with(".kind")
            && !p.ends_with(".code")));
    }

    #[test]
    fn the_translated_questionnaire_has_the_translation_s_report_words_and_the_study_s_numbers() {
        let q = study();
        let t = Translation::from_toml(
            Language::German,
            crate::testing::TRANSLATIONS
                .iter()
                .find(|(l, _)| *l == Language::German)
                .map(|(_, t)| *t)
                .expect("German ships"),
        )
        .expect("parses");
        let de = t.apply(&q).expect("builds");
        assert_eq!(de.language, Language::German);
        assert_eq!(
            de.company_categories.all().len(),
            q.company_categories.all().len()
        );
        for (a, b) in q
            .company_categories
            .all()
            .iter()
            .zip(de.company_categories.all())
        {
            assert_ne!(a.name, b.name);
            assert_eq!((a.from, a.to), (b.from, b.to));
        }
        assert_eq!(de.figure_margin, q.figure_margin);
        for (a, b) in q.currencies.iter().zip(&de.currencies) {
            assert_eq!(
                (&a.code, a.rate, &a.rate_date),
                (&b.code, b.rate, &b.rate_date)
            );
        }
    }
}
