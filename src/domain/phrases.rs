//! The report's own words in each language: every sentence, heading and label
//! the report model writes around the questionnaire's texts, as Project Fluent
//! messages (`assets/locales/LANG/*.ftl` beside the pages' own), and the way
//! each language writes numbers, percentages, amounts and dates (ICU4X).
//!
//! The questionnaire's own texts come from its translation files instead
//! (`questionnaire::translation`); a report is written in the language of the
//! questionnaire it is built from (`Questionnaire::language`), so one report
//! never mixes two.
//!
//! Messages are files of their own per part of the report, so that each part's
//! words sit together: `report.ftl` (the summary, headings and labels),
//! `analysis.ftl` (the detailed analysis and the numbers), `waves.ftl` (since
//! last time), `team.ftl` (the team report), `pdf.ftl` (what only the PDF
//! says: its metadata and page footers) and `emails.ftl` (the emails a
//! respondent asks for, which speak the report's language).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fixed_decimal::FloatPrecision;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;

pub use fluent_bundle::FluentValue as Arg;

use crate::language::Language;

/// The message files of one language, in the order they are read.
macro_rules! files {
    ($code:literal) => {
        [
            include_str!(concat!("../../assets/locales/", $code, "/report.ftl")),
            include_str!(concat!("../../assets/locales/", $code, "/analysis.ftl")),
            include_str!(concat!("../../assets/locales/", $code, "/waves.ftl")),
            include_str!(concat!("../../assets/locales/", $code, "/team.ftl")),
            include_str!(concat!("../../assets/locales/", $code, "/pdf.ftl")),
            include_str!(concat!("../../assets/locales/", $code, "/emails.ftl")),
        ]
    };
}

/// Each language's message files.
pub const FILES: [(Language, [&str; 6]); 4] = [
    (Language::English, files!("en")),
    (Language::German, files!("de")),
    (Language::French, files!("fr")),
    (Language::Spanish, files!("es")),
];

/// The report's words in every language, and how each writes numbers and dates.
pub struct Phrases {
    bundles: BTreeMap<Language, FluentBundle<FluentResource>>,
    numbers: BTreeMap<Language, DecimalFormatter>,
    dates: BTreeMap<Language, DateTimeFormatter<YMD>>,
}

/// A message file that does not load: a bug the tests catch, so the program
/// says which and stops rather than print message ids to a reader.
fn load() -> Phrases {
    let mut bundles = BTreeMap::new();
    let mut numbers = BTreeMap::new();
    let mut dates = BTreeMap::new();
    for (language, texts) in FILES {
        let fail = |what: &str, why: String| -> ! {
            panic!("the {language} report messages do not load: {what}: {why}")
        };
        let id: unic_langid::LanguageIdentifier = language
            .code()
            .parse()
            .unwrap_or_else(|e| fail("language", format!("{e:?}")));
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // The words go into HTML and PDF, where Unicode isolation marks would show.
        bundle.set_use_isolating(false);
        for text in texts {
            let resource = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(_, e)| fail("parse", format!("{e:?}")));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| fail("messages", format!("{e:?}")));
        }
        bundles.insert(language, bundle);
        let locale: icu_locale_core::Locale = language
            .code()
            .parse()
            .unwrap_or_else(|e| fail("locale", format!("{e:?}")));
        let formatter = DecimalFormatter::try_new(locale.clone().into(), Default::default())
            .unwrap_or_else(|e| fail("numbers", format!("{e:?}")));
        numbers.insert(language, formatter);
        let formatter = DateTimeFormatter::try_new(locale.into(), YMD::long())
            .unwrap_or_else(|e| fail("dates", format!("{e:?}")));
        dates.insert(language, formatter);
    }
    Phrases {
        bundles,
        numbers,
        dates,
    }
}

/// The phrases, loaded once.
fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(load)
}

/// Message `id` in `language` with `args`; in English when that language
/// lacks it (a test makes sure none does), the id itself when no language has
/// it (a test makes sure every id said is defined).
pub fn say(language: Language, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    find(language, id, args).unwrap_or_else(|| id.to_string())
}

/// Message `id` in `language` (else in English) with `args`, if it is defined.
pub fn find(language: Language, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    let p = phrases();
    [language, Language::English].into_iter().find_map(|l| {
        let bundle = p.bundles.get(&l)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned(),
        )
    })
}

/// `n` as `language` writes it, digit for digit ("25,000.5", "25.000,5",
/// "25 000,5").
pub fn number(language: Language, n: f64) -> String {
    match (
        phrases().numbers.get(&language),
        Decimal::try_from_f64(n, FloatPrecision::RoundTrip),
    ) {
        (Some(formatter), Ok(decimal)) => formatter.format(&decimal).to_string(),
        _ => crate::answers::format_number(n),
    }
}

/// A percentage as `language` writes it: "61%", "61 %" (with a space that
/// does not break).
pub fn percent(language: Language, n: f64) -> String {
    match language {
        Language::English => format!("{}%", crate::answers::format_number(n)),
        _ => format!("{}\u{a0}%", number(language, n)),
    }
}

/// An amount of `currency` (already in it, whole or not) as `language` writes
/// it: "$25,000" in English, "25.000 €" in German, French and Spanish.
pub fn money(language: Language, symbol: &str, amount: f64) -> String {
    match language {
        Language::English => {
            let whole = number(language, amount.abs());
            let sign = if amount < 0.0 { "-" } else { "" };
            format!("{sign}{symbol}{whole}")
        }
        _ => format!("{}\u{a0}{symbol}", number(language, amount)),
    }
}

/// A day ("2026-12-02") as `language` writes it in a sentence: "December 2,
/// 2026", "2. Dezember 2026", "2 décembre 2026"; the day as given when it is
/// not one.
pub fn date(language: Language, day: &str) -> String {
    let mut parts = day.trim().splitn(3, '-').map(str::parse::<i32>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return day.to_string();
    };
    let (Ok(m), Ok(d)) = (u8::try_from(m), u8::try_from(d)) else {
        return day.to_string();
    };
    match (phrases().dates.get(&language), Date::try_new_iso(y, m, d)) {
        (Some(formatter), Ok(date)) => formatter.format(&date).to_string(),
        _ => day.to_string(),
    }
}

/// A day ("2026-11-22") in a sentence of the report, its team report or the
/// pages around them: as given in English, which the report has always written
/// so; as the language writes a date ([`date`]) elsewhere.
pub fn day(language: Language, day: &str) -> String {
    match language {
        Language::English => day.to_string(),
        _ => date(language, day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids of the messages a Fluent file defines, in order.
    fn message_ids(text: &str) -> Vec<String> {
        text.lines()
            .filter_map(|l| l.split_once(" ="))
            .map(|(id, _)| id.trim())
            .filter(|id| {
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    && id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            })
            .map(str::to_string)
            .collect()
    }

    /// The variables (`$name`) a message uses.
    fn variables(text: &str, id: &str) -> Vec<String> {
        let mut lines = text
            .lines()
            .skip_while(|l| !l.starts_with(&format!("{id} =")));
        let mut body = lines.next().unwrap_or_default().to_string();
        for l in lines {
            if l.starts_with(' ') || l.is_empty() {
                body.push_str(l);
            } else {
                break;
            }
        }
        let mut out: Vec<String> = body
            .split('$')
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect()
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn every_message_exists_in_every_language_with_the_same_variables() {
        let english = FILES[0].1;
        for (language, texts) in FILES.iter().skip(1) {
            for (file, (source, translated)) in english.iter().zip(texts).enumerate() {
                let ids = message_ids(source);
                let theirs = message_ids(translated);
                for id in &ids {
                    assert!(theirs.contains(id), "{language} file {file} lacks {id}");
                    assert_eq!(
                        variables(translated, id),
                        variables(source, id),
                        "{language}: {id}"
                    );
                }
                for id in &theirs {
                    assert!(
                        ids.contains(id),
                        "{language} file {file} has {id}, English not"
                    );
                }
            }
        }
    }

    #[test]
    fn every_language_loads() {
        for language in Language::ALL {
            assert!(phrases().bundles.contains_key(&language));
        }
    }

    #[test]
    fn numbers_percentages_amounts_and_dates_are_written_each_language_s_way() {
        assert_eq!(number(Language::German, 25000.0), "25.000");
        assert_eq!(number(Language::French, 92.5), "92,5");
        assert_eq!(percent(Language::German, 61.0), "61\u{a0}%");
        assert_eq!(percent(Language::English, 61.0), "61%");
        assert_eq!(money(Language::German, "€", 25000.0), "25.000\u{a0}€");
        assert_eq!(money(Language::English, "$", 25000.0), "$25,000");
        assert_eq!(date(Language::German, "2026-12-02"), "2. Dezember 2026");
        assert_eq!(date(Language::French, "2026-12-02"), "2 décembre 2026");
        assert_eq!(
            date(Language::Spanish, "2026-12-02"),
            "2 de diciembre de 2026"
        );
        assert_eq!(date(Language::English, "not a day"), "not a day");
    }
}
