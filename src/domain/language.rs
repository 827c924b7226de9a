//! The languages a respondent can answer in, and how the one they read is
//! chosen from what their browser asks for.

use std::fmt;

/// A language the questionnaire and its pages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Language {
    /// The study file's own language.
    #[default]
    English,
    German,
    French,
    Spanish,
}

impl Language {
    /// Every language, the study file's own first.
    pub const ALL: [Language; 4] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
    ];

    /// The language's code (BCP 47), as `?lang=` and translation files name it.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
        }
    }

    /// The language's name in itself, as a switch between languages shows it.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "Deutsch",
            Language::French => "Français",
            Language::Spanish => "Español",
        }
    }

    /// Whether the comma is the decimal mark ("92,5") and "." groups thousands.
    pub fn decimal_comma(self) -> bool {
        self != Language::English
    }

    /// The language of a code: `de`, `de-AT` and `DE` are German.
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language to speak to a browser that sends `accept_language` (an
    /// `Accept-Language` header): the one it prefers most among ours, the
    /// study file's own when it names none of them. A weight of zero refuses a
    /// language.
    pub fn negotiate(accept_language: &str) -> Language {
        let mut best: Option<(f32, usize, Language)> = None;
        for (place, range) in accept_language.split(',').enumerate() {
            let mut parts = range.split(';');
            let Some(tag) = parts.next().map(str::trim) else {
                continue;
            };
            let weight = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if weight <= 0.0 || !weight.is_finite() {
                continue;
            }
            let Some(language) = Language::from_code(tag) else {
                continue;
            };
            // The higher weight wins; between equal weights, the one named first.
            if best.is_none_or(|(w, p, _)| weight > w || (weight == w && place < p)) {
                best = Some((weight, place, language));
            }
        }
        best.map_or(Language::English, |(_, _, l)| l)
    }
}

/// Written as its code ("de").
impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_browser_s_most_wanted_language_among_ours_is_spoken() {
        assert_eq!(
            Language::negotiate("de-DE,de;q=0.9,en;q=0.8"),
            Language::German
        );
        assert_eq!(
            Language::negotiate("fr-CH, fr;q=0.9, en;q=0.8"),
            Language::French
        );
        assert_eq!(Language::negotiate("en;q=0.5, es;q=0.9"), Language::Spanish);
        assert_eq!(Language::negotiate("it, es;q=0.3"), Language::Spanish);
        assert_eq!(Language::negotiate("de;q=0, fr;q=0.1"), Language::French);
    }

    #[test]
    fn a_browser_that_names_none_of_ours_reads_the_study_file_s_language() {
        assert_eq!(Language::negotiate(""), Language::English);
        assert_eq!(Language::negotiate("it-IT, ja;q=0.5"), Language::English);
        assert_eq!(Language::negotiate("*"), Language::English);
        assert_eq!(Language::negotiate("de;q=0"), Language::English);
    }

    #[test]
    fn codes_are_read_as_browsers_and_links_write_them() {
        assert_eq!(Language::from_code("de-AT"), Some(Language::German));
        assert_eq!(Language::from_code("ES"), Some(Language::Spanish));
        assert_eq!(Language::from_code("fr_CA"), Some(Language::French));
        assert_eq!(Language::from_code("it"), None);
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
        }
    }

    proptest! {
        #[test]
        fn any_header_gives_one_of_our_languages(header in ".{0,80}") {
            let chosen = Language::negotiate(&header);
            prop_assert!(Language::ALL.contains(&chosen));
        }
    }
}
