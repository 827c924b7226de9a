//! The respondent's pages' own words in each language (Project Fluent files in
//! `assets/locales/LANG/`), compiled into the binary. The questionnaire's words
//! come from its translation files instead (see the domain's `translation`).

use std::collections::BTreeMap;

use fixed_decimal::FloatPrecision;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;

use crate::domain::questionnaire::Currency;

use crate::domain::language::Language;

/// Each language's message files: the respondent's pages, and the console's.
const FILES: &[(Language, [&str; 2])] = &[
    (
        Language::English,
        [
            include_str!("../../assets/locales/en/pages.ftl"),
            include_str!("../../assets/locales/en/console.ftl"),
        ],
    ),
    (
        Language::German,
        [
            include_str!("../../assets/locales/de/pages.ftl"),
            include_str!("../../assets/locales/de/console.ftl"),
        ],
    ),
    (
        Language::French,
        [
            include_str!("../../assets/locales/fr/pages.ftl"),
            include_str!("../../assets/locales/fr/console.ftl"),
        ],
    ),
    (
        Language::Spanish,
        [
            include_str!("../../assets/locales/es/pages.ftl"),
            include_str!("../../assets/locales/es/console.ftl"),
        ],
    ),
];

/// A message file that does not load (a bug the tests catch).
#[derive(Debug, thiserror::Error)]
#[error("the {language} page messages do not load: {reason}")]
pub struct WordsError {
    language: Language,
    reason: String,
}

/// The pages' messages in every language, and how each writes numbers.
pub struct Words {
    bundles: BTreeMap<Language, FluentBundle<FluentResource>>,
    numbers: BTreeMap<Language, DecimalFormatter>,
    /// Each language's messages without arguments, formatted once at load.
    plain: BTreeMap<Language, BTreeMap<String, String>>,
}

impl Words {
    /// Parses every language's messages.
    ///
    /// # Errors
    /// A file that does not parse, or holds a message twice.
    pub fn load() -> Result<Words, WordsError> {
        let mut bundles = BTreeMap::new();
        for (language, texts) in FILES {
            let fail = |reason: String| WordsError {
                language: *language,
                reason,
            };
            let id: unic_langid::LanguageIdentifier = language
                .code()
                .parse()
                .map_err(|e| fail(format!("{e:?}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // The words go into HTML, where Unicode isolation marks would show.
            bundle.set_use_isolating(false);
            for text in texts {
                let resource = FluentResource::try_new((*text).to_string())
                    .map_err(|(_, errors)| fail(format!("{errors:?}")))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| fail(format!("{errors:?}")))?;
            }
            bundles.insert(*language, bundle);
        }
        let mut numbers = BTreeMap::new();
        for language in Language::ALL {
            let fail = |reason: String| WordsError { language, reason };
            let locale: icu_locale_core::Locale = language
                .code()
                .parse()
                .map_err(|e| fail(format!("{e:?}")))?;
            let formatter = DecimalFormatter::try_new(locale.into(), Default::default())
                .map_err(|e| fail(format!("no number format: {e:?}")))?;
            numbers.insert(language, formatter);
        }
        let mut words = Words {
            bundles,
            numbers,
            plain: BTreeMap::new(),
        };
        words.plain = Language::ALL
            .into_iter()
            .map(|l| (l, words.format_plain(l)))
            .collect();
        Ok(words)
    }

    /// `n` as `language` writes it, digit for digit ("25.000", "92,5",
    /// "25 000"): what a page shows, and reads back as the same number.
    pub fn number(&self, language: Language, n: f64) -> String {
        match (
            self.numbers.get(&language),
            Decimal::try_from_f64(n, FloatPrecision::RoundTrip),
        ) {
            (Some(formatter), Ok(decimal)) => formatter.format(&decimal).to_string(),
            _ => crate::domain::answers::format_number(n),
        }
    }

    /// `n` with exactly `digits` decimals as `language` writes it ("4.5",
    /// "4,5", "1.234,0"): a figure of the console, rounded for reading.
    pub fn decimal(&self, language: Language, n: f64, digits: u8) -> String {
        let position = -i16::from(digits);
        match (
            self.numbers.get(&language),
            Decimal::try_from_f64(n, FloatPrecision::RoundTrip),
        ) {
            (Some(formatter), Ok(mut decimal)) => {
                decimal.round(position);
                decimal.absolute.pad_end(position);
                formatter.format(&decimal).to_string()
            }
            _ => format!("{n:.*}", usize::from(digits)),
        }
    }

    /// A number as a field on a page in `language` shows it, so that it reads
    /// back the same: plain digits in English ("25000"), the language's own
    /// form elsewhere ("25.000").
    pub fn in_field(&self, language: Language, n: f64) -> String {
        match language {
            Language::English => crate::domain::answers::format_number(n),
            _ => self.number(language, n),
        }
    }

    /// An amount kept in the study's reference currency, shown whole in
    /// `currency` as `language` writes it: "$25,000" in English, "25.000 €" in
    /// German.
    pub fn amount(&self, language: Language, currency: &Currency, kept: f64) -> String {
        if language == Language::English {
            return currency.format(kept);
        }
        // Rounded once, to the whole unit, as the English form is.
        let whole = (kept / currency.rate).round();
        format!("{}\u{a0}{}", self.number(language, whole), currency.symbol)
    }

    /// A percentage as `language` writes it: "92.5%", "92,5 %".
    pub fn percent(&self, language: Language, n: f64) -> String {
        if language == Language::English {
            return format!("{}%", self.number(language, n));
        }
        format!("{}\u{a0}%", self.number(language, n))
    }

    /// Message `id` in `language` with `args`; in English when that language
    /// lacks it (the tests make sure none does).
    pub fn say(&self, language: Language, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.format(language, id, args)
            .or_else(|| self.format(Language::English, id, args))
            .map_or_else(|| id.to_string(), |(text, _)| text)
    }

    /// Message `id` in `language`, and whether it wanted arguments it was not given.
    fn format(
        &self,
        language: Language,
        id: &str,
        args: &[(&str, FluentValue<'_>)],
    ) -> Option<(String, bool)> {
        let bundle = self.bundles.get(&language)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some((text.into_owned(), !errors.is_empty()))
    }

    /// Every message without arguments in `language`, keyed by its id with
    /// `_` for `-` (as templates read them: `w.page_next`).
    pub fn plain(&self, language: Language) -> &BTreeMap<String, String> {
        static NONE: BTreeMap<String, String> = BTreeMap::new();
        self.plain.get(&language).unwrap_or(&NONE)
    }

    fn format_plain(&self, language: Language) -> BTreeMap<String, String> {
        FILES[0]
            .1
            .iter()
            .flat_map(|text| message_ids(text))
            .filter(|id| {
                self.format(Language::English, id, &[])
                    .is_some_and(|(_, wanted)| !wanted)
            })
            .map(|id| (id.replace('-', "_"), self.say(language, id, &[])))
            .collect()
    }
}

/// The ids of the messages a Fluent file defines, in order.
fn message_ids(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim()))
        .collect()
}

/// The variables (`$name`) a message's text uses, sorted.
#[cfg(test)]
fn variables(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message's text in a file: its line and any indented lines after it.
    fn messages(text: &str) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
                if let Some((id, rest)) = line.split_once('=') {
                    current = Some(id.trim().to_string());
                    out.insert(id.trim().to_string(), rest.to_string());
                }
            } else if line.starts_with(' ') {
                if let Some(id) = &current {
                    out.entry(id.clone()).or_default().push_str(line);
                }
            } else {
                current = None;
            }
        }
        out
    }

    #[test]
    fn every_message_exists_in_every_language_with_the_same_variables() {
        for (file, english) in FILES[0].1.iter().enumerate() {
            every_message_of_a_file_exists_in_every_language(file, english);
        }
    }

    fn every_message_of_a_file_exists_in_every_language(file: usize, english: &str) {
        let english = messages(english);
        assert!(english.len() > 20);
        for (language, texts) in &FILES[1..] {
            let theirs = messages(texts[file]);
            let missing: Vec<_> = english
                .keys()
                .filter(|k| !theirs.contains_key(*k))
                .collect();
            let extra: Vec<_> = theirs
                .keys()
                .filter(|k| !english.contains_key(*k))
                .collect();
            assert!(missing.is_empty(), "{language} lacks {missing:?}");
            assert!(extra.is_empty(), "{language} has unknown {extra:?}");
            for (id, source) in &english {
                assert_eq!(
                    variables(&theirs[id]),
                    variables(source),
                    "{language}: the variables of {id}"
                );
            }
        }
    }

    #[test]
    fn every_language_loads_and_speaks_its_own_words() {
        let words = Words::load().expect("loads");
        let next = |l| words.say(l, "page-next", &[]);
        assert_eq!(next(Language::English), "Save and continue");
        for l in &Language::ALL[1..] {
            assert_ne!(next(*l), next(Language::English), "{l}");
        }
        let progress = words.say(
            Language::German,
            "page-progress",
            &[
                ("page", FluentValue::from(2)),
                ("pages", FluentValue::from(14)),
                ("part", FluentValue::from("Ihr Unternehmen")),
            ],
        );
        assert!(
            progress.contains('2')
                && progress.contains("14")
                && progress.contains("Ihr Unternehmen")
        );
        assert_eq!(words.number(Language::German, 25_000.0), "25.000");
        assert_eq!(words.number(Language::German, 92.5), "92,5");
        assert_eq!(
            words.number(Language::English, 1_234_567.25),
            "1,234,567.25"
        );
        assert_eq!(words.number(Language::French, 25_000.0), "25\u{202f}000");
        for l in Language::ALL {
            for n in [0.0, 1.125, 92.5, 25_000.0, 1_234_567.5, 2.0e10] {
                let shown = words.number(l, n);
                let read = crate::domain::answers::parse_typed_number_in(&shown, l);
                assert_eq!(read, Some(n), "{l}: {n} shown as {shown:?} reads back");
            }
        }
        // An amount kept in dollars, shown in euros.
        let q = crate::domain::testing::study();
        let euro = q.currency_by_code("EUR").expect("euros");
        assert_eq!(
            words.amount(Language::German, euro, 29_000.0),
            "25.000\u{a0}€"
        );
        assert_eq!(words.amount(Language::English, euro, 29_000.0), "€25,000");
        // A console figure: exactly the digits asked for, grouped as the
        // language groups them.
        assert_eq!(words.decimal(Language::German, 4.0, 1), "4,0");
        assert_eq!(words.decimal(Language::German, 1_234.56, 1), "1.234,6");
        assert_eq!(words.decimal(Language::French, 12.25, 0), "12");
        assert_eq!(words.decimal(Language::Spanish, 0.5, 2), "0,50");
        let plain = words.plain(Language::French);
        assert!(plain.contains_key("page_next"));
        assert!(
            !plain.contains_key("page_progress"),
            "a message with variables is not plain"
        );
    }
}
