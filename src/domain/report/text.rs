//! The report's rich text and fixed words: every sentence and label a reader sees
//! is made here or in the other parts of the report model, never in a renderer.
//!
//! A [`Paragraph`] is a run of plain and strong pieces of text; a piece may point
//! to another place in the report (a link on the web page, plain text on paper).
//! [`Words`] holds the headings and labels, so that the web page and the PDF say
//! "Company index" or "Your first actions" in exactly the same words.

use serde::Serialize;

use crate::peer::IndexKind;
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
    pub summary: &'static str,
    pub your_company: &'static str,
    /// "You: Dana Reyes", or "You".
    pub you: String,
    pub category: &'static str,
    pub peer_group: &'static str,
    pub sub_indices: &'static str,
    /// What an index without a score shows in place of its category.
    pub not_enough_answers: &'static str,
    /// What a gauge without a score shows in place of the score.
    pub no_score: &'static str,
    /// What a sub-index bar without a score shows along its track.
    pub no_score_bar: &'static str,
    /// Under the infographic: how much was answered and how to read it.
    pub note: String,
    pub executive_summary: &'static str,
    pub sales_velocity: &'static str,
    pub tensions: &'static str,
    pub actions: &'static str,
    pub detailed_analysis: &'static str,
    /// What the bar beside each answer means, and the word for each band.
    pub band_legend: &'static str,
    pub bands: [(Band, &'static str); 3],
    pub personal_report: &'static str,
    pub your_numbers: &'static str,
    /// The numbers table's column headings.
    pub figure: &'static str,
    pub yours: &'static str,
    pub peer_median: &'static str,
    /// A peer median that is missing without a reason given.
    pub not_available: &'static str,
    /// "Since last time", when the report assessed again: its heading, its
    /// table's column headings and the headings of its lists.
    pub since_last_time: &'static str,
    pub since_columns: [&'static str; 4],
    pub since_number_columns: [&'static str; 4],
    pub trend: &'static str,
    pub answers_changed: &'static str,
    pub new_this_time: &'static str,
}

/// The name of an index as every part of the report writes it.
pub const COMPANY_INDEX: &str = "Company index";
pub const PERSONAL_INDEX: &str = "Personal index";

/// The name of an index as every report (personal, team, since last time)
/// writes it.
pub fn index_name(q: &Questionnaire, kind: IndexKind) -> String {
    match kind {
        IndexKind::Sub(s) => q.sub_index_text(s).name.clone(),
        IndexKind::Overall => COMPANY_INDEX.into(),
        IndexKind::Personal => PERSONAL_INDEX.into(),
    }
}

/// The word a verdict is shown with.
pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Keep => "KEEP",
        Verdict::Change => "CHANGE",
        Verdict::Stop => "STOP",
    }
}

/// The word for a band, as the legend of the detailed analysis says it.
pub fn band_word(b: Band) -> &'static str {
    match b {
        Band::Strong => "strong",
        Band::Middling => "middling",
        Band::Weak => "weak",
    }
}

impl Words {
    pub(super) fn new(
        company: Option<&str>,
        respondent: Option<&str>,
        submitted_on: &str,
        note: String,
    ) -> Words {
        let mut meta = String::new();
        if let Some(r) = respondent {
            meta.push_str(&format!("Prepared for {r}. "));
        }
        meta.push_str(&format!("Submitted {submitted_on}."));
        Words {
            title: match company {
                Some(c) => format!("{c}: your benchmark report"),
                None => "Your benchmark report".to_string(),
            },
            meta,
            summary: "Summary",
            your_company: "Your company",
            you: match respondent {
                Some(r) => format!("You: {r}"),
                None => "You".to_string(),
            },
            category: "Category",
            peer_group: "Peer group",
            sub_indices: "Sub-indices",
            not_enough_answers: "Not enough answers",
            no_score: "n/a",
            no_score_bar: "not enough answers",
            note,
            executive_summary: "Executive summary",
            sales_velocity: "Sales velocity",
            tensions: "Where your answers disagree",
            actions: "Your first actions: keep, change, stop",
            detailed_analysis: "Detailed analysis",
            band_legend: "The bar beside each answer shows how it scored:",
            bands: [Band::Strong, Band::Middling, Band::Weak].map(|b| (b, band_word(b))),
            personal_report: "Personal report",
            your_numbers: "Your numbers",
            figure: "Figure",
            yours: "Yours",
            peer_median: "Peer median",
            not_available: "not available",
            since_last_time: "Since last time",
            since_columns: ["Index", "Last time", "Now", "Change"],
            since_number_columns: ["Number", "Last time", "Now", "Change"],
            trend: "Your company index over time",
            answers_changed: "Answers you changed",
            new_this_time: "New this time",
        }
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
