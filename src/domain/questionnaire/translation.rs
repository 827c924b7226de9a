//! A questionnaire's words in another language: a file beside the study file
//! (`dealbench-v1.de.toml` beside `dealbench-v1.toml`) that gives, by the study
//! file's ids, the text of the study's introduction, its parts, sections,
//! questions, help, units and options. Ids, scores and weights live only in
//! the study file, so every language of one version shares its peer figures.
//!
//! Checked as the study file is: every text missing from the translation,
//! every one it has that the study file does not, and every placeholder
//! (`{answer}`) that differs from the source, each with its place.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Problem, Questionnaire};
use crate::language::Language;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    #[serde(default)]
    study: BTreeMap<String, String>,
    #[serde(default)]
    parts: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    sections: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    scales: BTreeMap<String, ScaleWords>,
    #[serde(default)]
    items: BTreeMap<String, ItemWords>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScaleWords {
    #[serde(default)]
    options: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemWords {
    text: Option<String>,
    help: Option<String>,
    unit: Option<String>,
    #[serde(default)]
    options: BTreeMap<String, String>,
}

/// One language's words for a questionnaire, read from its file.
#[derive(Debug)]
pub struct Translation {
    pub language: Language,
    words: Words,
}

/// Every text of a questionnaire a translation gives, by its place: the study
/// file's words (or a translation's), as a translation file names them.
pub fn places(q: &Questionnaire) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    out.insert("study.name".into(), q.name.clone());
    out.insert("study.intro".into(), q.intro.trim().to_string());
    out.insert("study.privacy".into(), q.privacy.trim().to_string());
    for p in &q.parts {
        out.insert(format!("parts.{}.title", p.id), p.title.clone());
        if !p.intro.trim().is_empty() {
            out.insert(format!("parts.{}.intro", p.id), p.intro.trim().to_string());
        }
    }
    for s in &q.sections {
        out.insert(format!("sections.{}.title", s.id), s.title.clone());
        if !s.intro.trim().is_empty() {
            out.insert(
                format!("sections.{}.intro", s.id),
                s.intro.trim().to_string(),
            );
        }
    }
    for item in &q.items {
        let at = format!("items.{}", item.id);
        out.insert(format!("{at}.text"), item.text.trim().to_string());
        if let Some(help) = item.help.as_deref().filter(|h| !h.trim().is_empty()) {
            out.insert(format!("{at}.help"), help.trim().to_string());
        }
        if let Some(unit) = item
            .number
            .as_ref()
            .map(|n| &n.unit)
            .filter(|u| !u.is_empty())
        {
            out.insert(format!("{at}.unit"), unit.clone());
        }
        let owner = match scale_of(item) {
            Some(scale) => format!("scales.{scale}"),
            None => at,
        };
        for o in &item.options {
            out.insert(format!("{owner}.options.{}", o.id), o.label.clone());
        }
    }
    out
}

/// The shared scale an item's options come from.
fn scale_of(item: &super::Item) -> Option<&'static str> {
    match item.kind {
        super::ItemKind::Agreement => Some("agreement"),
        super::ItemKind::Importance => Some("importance"),
        super::ItemKind::Frequency => Some("frequency"),
        _ => None,
    }
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
    /// Parses a translation file's text; `source` names it in errors.
    ///
    /// # Errors
    /// A problem naming what does not parse (an unknown table or key included).
    pub fn from_toml(language: Language, text: &str) -> Result<Translation, Problem> {
        let words: Words = toml::from_str(text).map_err(|e| {
            Problem::new(
                "file",
                format!("is not a valid translation: {}", e.to_string().trim()),
            )
        })?;
        Ok(Translation { language, words })
    }

    /// The translation's texts by place.
    fn given(&self) -> BTreeMap<String, &str> {
        let w = &self.words;
        let mut out = BTreeMap::new();
        for (k, v) in &w.study {
            out.insert(format!("study.{k}"), v.as_str());
        }
        for (kind, table) in [("parts", &w.parts), ("sections", &w.sections)] {
            for (id, fields) in table {
                for (k, v) in fields {
                    out.insert(format!("{kind}.{id}.{k}"), v.as_str());
                }
            }
        }
        for (scale, s) in &w.scales {
            for (id, label) in &s.options {
                out.insert(format!("scales.{scale}.options.{id}"), label.as_str());
            }
        }
        for (id, item) in &w.items {
            let at = format!("items.{id}");
            for (k, v) in [
                ("text", &item.text),
                ("help", &item.help),
                ("unit", &item.unit),
            ] {
                if let Some(v) = v {
                    out.insert(format!("{at}.{k}"), v.as_str());
                }
            }
            for (o, label) in &item.options {
                out.insert(format!("{at}.options.{o}"), label.as_str());
            }
        }
        out
    }

    /// Every problem of this translation of `q`: a text missing, a text the
    /// study file does not have, an empty text, a placeholder that differs.
    pub fn problems(&self, q: &Questionnaire) -> Vec<Problem> {
        let source = places(q);
        let given = self.given();
        let mut problems = Vec::new();
        for (place, english) in &source {
            match given.get(place) {
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
        for place in given.keys().filter(|p| !source.contains_key(*p)) {
            problems.push(Problem::new(
                place.clone(),
                "is not in the study file (an unknown id, or a text it does not have)",
            ));
        }
        problems
    }

    /// `q` in this translation's words; a text it does not give stays as the
    /// study file writes it (a checked translation gives every one).
    pub fn apply(&self, q: &Questionnaire) -> Questionnaire {
        let given = self.given();
        let put = |target: &mut String, place: String| {
            if let Some(t) = given.get(&place) {
                *target = (*t).to_string();
            }
        };
        let mut out = q.clone();
        out.translations.clear();
        out.language = self.language;
        put(&mut out.name, "study.name".into());
        put(&mut out.intro, "study.intro".into());
        put(&mut out.privacy, "study.privacy".into());
        for p in &mut out.parts {
            put(&mut p.title, format!("parts.{}.title", p.id));
            put(&mut p.intro, format!("parts.{}.intro", p.id));
        }
        for s in &mut out.sections {
            put(&mut s.title, format!("sections.{}.title", s.id));
            put(&mut s.intro, format!("sections.{}.intro", s.id));
        }
        for item in &mut out.items {
            let at = format!("items.{}", item.id);
            put(&mut item.text, format!("{at}.text"));
            if let Some(help) = item.help.as_mut() {
                put(help, format!("{at}.help"));
            }
            if let Some(range) = item.number.as_mut() {
                put(&mut range.unit, format!("{at}.unit"));
            }
            let owner = match scale_of(item) {
                Some(scale) => format!("scales.{scale}"),
                None => at,
            };
            for o in &mut item.options {
                put(&mut o.label, format!("{owner}.options.{}", o.id));
            }
        }
        out
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
            let translated = t.apply(&q);
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
    fn an_unknown_key_is_refused_when_read() {
        let refused = Translation::from_toml(Language::French, "[items.x]\ntexte = \"?\"\n");
        assert!(refused.is_err());
    }
}
