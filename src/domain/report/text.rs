//! The report's rich text and fixed words: every sentence and label a reader sees
//! is made here or in the other parts of the report model, never in a renderer.
//!
//! A [`Paragraph`] is a run of plain and strong pieces of text; a piece may point
//! to another place in the report (a link on the web page, plain text on paper).
//! [`Words`] holds the headings and labels, so that the web page and the PDF say
//! "Company index" or "Your first actions" in exactly the same words: the
//! messages of `assets/locales/LANG/report.ftl` in the questionnaire's language.

use serde::Serialize;

use crate::language::Language;
use crate::peer::IndexKind;
use crate::phrases::{Arg, day, say};
use crate::questionnaire::{Band, Questionnaire};
use crate::scoring::Verdict;

/// A piece of text: plain or strong, with an optional place in the report it
/// points to (the id of an element of the web page).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    pub text: String,
    pub strong: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// A variable of a message that is a run of its own in a [`Paragraph`]:
/// plain, strong, or a link to an anchor (text, anchor).
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    Plain(&'a str),
    Strong(&'a str),
    Link(&'a str, &'a str),
}

/// The character that stands for part `n` of a message while it is formatted.
fn marker(n: usize) -> char {
    u32::try_from(n)
        .ok()
        .and_then(|n| char::from_u32(0xE000 + n))
        .unwrap_or('\u{E000}')
}

/// A paragraph as pieces of plain and strong text.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Paragraph(pub Vec<Run>);

impl Paragraph {
    /// An empty paragraph to build on.
    pub fn new() -> Paragraph {
        Paragraph::default()
    }

    /// Appends plain text.
    #[must_use]
    pub fn plain(mut self, text: impl Into<String>) -> Paragraph {
        self.0.push(Run {
            text: text.into(),
            strong: false,
            link: None,
        });
        self
    }

    /// Appends strong text.
    #[must_use]
    pub fn strong(mut self, text: impl Into<String>) -> Paragraph {
        self.0.push(Run {
            text: text.into(),
            strong: true,
            link: None,
        });
        self
    }

    /// Appends plain text that points to `anchor` elsewhere in the report.
    #[must_use]
    pub fn link(mut self, text: impl Into<String>, anchor: impl Into<String>) -> Paragraph {
        self.0.push(Run {
            text: text.into(),
            strong: false,
            link: Some(anchor.into()),
        });
        self
    }

    /// Appends message `id` in `language`: its variables named in `parts` are
    /// runs of their own (strong, a link), the rest of its words plain runs
    /// around them, so that each language orders its words freely.
    #[must_use]
    pub fn say(
        mut self,
        language: Language,
        id: &str,
        args: &[(&str, Arg<'_>)],
        parts: &[(&str, Part<'_>)],
    ) -> Paragraph {
        // Each part goes through the message as a private-use character that
        // no text holds, and is put back as its run where it lands.
        let mut all: Vec<(&str, Arg<'_>)> = args.to_vec();
        for (n, (name, _)) in parts.iter().enumerate() {
            all.push((name, marker(n).to_string().into()));
        }
        let text = say(language, id, &all);
        let mut plain = String::new();
        for c in text.chars() {
            let Some(part) = (0..parts.len())
                .find(|&n| marker(n) == c)
                .map(|n| &parts[n].1)
            else {
                plain.push(c);
                continue;
            };
            if !plain.is_empty() {
                self = self.plain(std::mem::take(&mut plain));
            }
            self = match part {
                Part::Plain(t) => self.plain(*t),
                Part::Strong(t) => self.strong(*t),
                Part::Link(t, anchor) => self.link(*t, *anchor),
            };
        }
        if !plain.is_empty() {
            self = self.plain(plain);
        }
        self
    }

    /// The paragraph's words without their emphasis.
    pub fn text(&self) -> String {
        self.0.iter().map(|r| r.text.as_str()).collect()
    }
}

/// The headings and labels of a report, the same on the page and on paper.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Words {
    /// "Northwind Software: your benchmark report".
    pub title: String,
    /// "Prepared for Dana Reyes. Submitted 2026-11-22."
    pub meta: String,
    pub summary: String,
    pub your_company: String,
    /// "You: Dana Reyes", or "You".
    pub you: String,
    pub category: String,
    pub peer_group: String,
    pub sub_indices: String,
    /// What an index without a score shows in place of its category.
    pub not_enough_answers: String,
    /// What a gauge without a score shows in place of the score.
    pub no_score: String,
    /// What a sub-index bar without a score shows along its track.
    pub no_score_bar: String,
    /// Under the infographic: how much was answered and how to read it.
    pub note: String,
    pub executive_summary: String,
    pub sales_velocity: String,
    pub tensions: String,
    pub actions: String,
    pub detailed_analysis: String,
    /// What the bar beside each answer means, and the word for each band.
    pub band_legend: String,
    pub bands: [(Band, String); 3],
    pub personal_report: String,
    pub your_numbers: String,
    /// The numbers table's column headings.
    pub figure: String,
    pub yours: String,
    pub peer_median: String,
    /// A peer median that is missing without a reason given.
    pub not_available: String,
    /// "Since last time", when the report assessed again: its heading, its
    /// table's column headings and the headings of its lists.
    pub since_last_time: String,
    pub since_columns: [String; 4],
    pub since_number_columns: [String; 4],
    pub trend: String,
    pub answers_changed: String,
    pub new_this_time: String,
}

/// The name of an index as every part of the report writes it, in `language`.
pub fn company_index(language: Language) -> String {
    say(language, "index-company", &[])
}

pub fn personal_index(language: Language) -> String {
    say(language, "index-personal", &[])
}

/// The name of an index as every report (personal, team, since last time)
/// writes it, in the questionnaire's language.
pub fn index_name(q: &Questionnaire, kind: IndexKind) -> String {
    match kind {
        IndexKind::Sub(s) => q.sub_index_text(s).name.clone(),
        IndexKind::Overall => company_index(q.language),
        IndexKind::Personal => personal_index(q.language),
    }
}

/// The word a verdict is shown with: "KEEP", "BEIBEHALTEN".
pub fn verdict_label(language: Language, v: Verdict) -> String {
    let id = match v {
        Verdict::Keep => "verdict-keep",
        Verdict::Change => "verdict-change",
        Verdict::Stop => "verdict-stop",
    };
    say(language, id, &[])
}

/// The name of a band as the questionnaire file writes it (`strong = ...`):
/// what the loader's messages name, never a reader.
pub fn band_word(b: Band) -> &'static str {
    match b {
        Band::Strong => "strong",
        Band::Middling => "middling",
        Band::Weak => "weak",
    }
}

/// The word for a band, as the legend of the detailed analysis says it.
pub fn band_label(language: Language, b: Band) -> String {
    let id = match b {
        Band::Strong => "words-band-strong",
        Band::Middling => "words-band-middling",
        Band::Weak => "words-band-weak",
    };
    say(language, id, &[])
}

impl Words {
    pub(super) fn new(
        language: Language,
        company: Option<&str>,
        respondent: Option<&str>,
        submitted_on: &str,
        note: String,
    ) -> Words {
        let word = |id: &str| say(language, id, &[]);
        let date = day(language, submitted_on);
        Words {
            title: match company {
                Some(c) => say(language, "words-title-company", &[("company", c.into())]),
                None => word("words-title"),
            },
            meta: match respondent {
                Some(r) => say(
                    language,
                    "words-meta-respondent",
                    &[("respondent", r.into()), ("date", date.into())],
                ),
                None => say(language, "words-meta", &[("date", date.into())]),
            },
            summary: word("words-summary"),
            your_company: word("words-your-company"),
            you: match respondent {
                Some(r) => say(
                    language,
                    "words-you-respondent",
                    &[("respondent", r.into())],
                ),
                None => word("words-you"),
            },
            category: word("words-category"),
            peer_group: word("words-peer-group"),
            sub_indices: word("words-sub-indices"),
            not_enough_answers: word("words-not-enough-answers"),
            no_score: word("words-no-score"),
            no_score_bar: word("words-no-score-bar"),
            note,
            executive_summary: word("words-executive-summary"),
            sales_velocity: word("words-sales-velocity"),
            tensions: word("words-tensions"),
            actions: word("words-actions"),
            detailed_analysis: word("words-detailed-analysis"),
            band_legend: word("words-band-legend"),
            bands: [Band::Strong, Band::Middling, Band::Weak].map(|b| (b, band_label(language, b))),
            personal_report: word("words-personal-report"),
            your_numbers: word("words-your-numbers"),
            figure: word("words-figure"),
            yours: word("words-yours"),
            peer_median: word("words-peer-median"),
            not_available: word("words-not-available"),
            since_last_time: word("words-since-last-time"),
            since_columns: [
                "words-column-index",
                "words-column-last-time",
                "words-column-now",
                "words-column-change",
            ]
            .map(word),
            since_number_columns: [
                "words-column-number",
                "words-column-last-time",
                "words-column-now",
                "words-column-change",
            ]
            .map(word),
            trend: word("words-trend"),
            answers_changed: word("words-answers-changed"),
            new_this_time: word("words-new-this-time"),
        }
    }
}

/// A language's quotation marks around a quotation: “…”, „…“, « … », «…».
pub fn quote(language: Language, text: &str) -> String {
    match language {
        Language::English => format!("\u{201c}{text}\u{201d}"),
        Language::German => format!("\u{201e}{text}\u{201c}"),
        Language::French => format!("\u{ab}\u{a0}{text}\u{a0}\u{bb}"),
        Language::Spanish => format!("\u{ab}{text}\u{bb}"),
    }
}

/// A question quoted inside a sentence: in curly quotes, without its own full
/// stop, so that the sentence goes on after it ("“Our pipeline is accurate”,
/// now “Agree”"); a question mark stays.
pub fn quoted(question: &str) -> String {
    let q = question.trim();
    let q = q.strip_suffix('.').unwrap_or(q);
    format!("\u{201c}{q}\u{201d}")
}

/// [`quoted`] in `language`'s quotation marks.
pub fn quoted_in(language: Language, question: &str) -> String {
    let q = question.trim();
    quote(language, q.strip_suffix('.').unwrap_or(q))
}
