//! The report model: everything a respondent's report says, in the order it says it.
//!
//! Built from the questionnaire, the answers, the scorecard and the stored peer
//! standing. The web page and the PDF both render this one model, so they cannot
//! disagree about what the report says. Every sentence, heading and label the
//! reader sees is written here ([`Words`], [`Paragraph`]), and the colours come
//! from one [`Theme`]: the renderers only lay them out.
//!
//! - `model`: the types, part by part;
//! - `summary`: the indices, the opening sentences, the actions and tensions;
//! - `analysis`: the detailed analysis, answer by answer, with the figures quoted;
//! - `numbers`: "Your numbers" and the velocity paragraphs;
//! - `reported`: the scorecard as the API and the command line give it, its
//!   actions in the report's words;
//! - `text`: rich text and the fixed words (messages of `report.ftl`, in the
//!   questionnaire's language); `theme`: the colours.

use serde::Serialize;

use super::answers::{Answer, Answers, format_number};
use super::peer::{FigureGroup, IndexKind, PeerNumber, PeerStanding};
use super::questionnaire::{Band, FigureStanding, Metric, PartKind, Questionnaire, SubIndex};
use super::scoring::{
    Benchmark, IndexScore, RevenuePotential, Scorecard, Verdict, questioned_items,
};
use super::velocity::{CompanyNumbers, WHAT_IF_STEP, WinRates, reads_as_rate, what_if_uplift};

mod analysis;
mod model;
mod numbers;
mod reported;
mod summary;
#[cfg(test)]
mod tests;
mod text;
mod theme;

use analysis::*;
use numbers::*;
use summary::*;

pub use analysis::{
    figure_standing, figure_value, markedly_better, markedly_worse, sub_index_number,
    usable_win_rate,
};
pub use model::*;
pub use numbers::format_amount;
pub use reported::{ReportedAction, ReportedScorecard};
pub use summary::{BOTTOM_QUARTER, BOTTOM_TENTH, Unranked};
pub use text::{
    Paragraph, Part, Run, Words, band_label, band_word, company_index, index_name, personal_index,
    quote, quoted, quoted_in, verdict_label,
};
pub use theme::{Rgb, THEME, Theme};

impl Report {
    /// The report of `answers` against `standing`, scored and benchmarked as the
    /// study does when a response is submitted.
    pub fn from_answers(
        q: &Questionnaire,
        answers: &Answers,
        standing: &PeerStanding,
        submitted_on: &str,
    ) -> Report {
        let mut card = super::scoring::score(q, answers);
        card.benchmark_against(q, &standing.tops);
        Report::build(&ReportInput {
            questionnaire: q,
            answers,
            scorecard: &card,
            standing,
            submitted_on,
        })
    }
}
