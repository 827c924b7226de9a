//! The scorecard as the API and the command line give it: the scoring engine's
//! figures, and for each Keep / Change / Stop the words of the report model, so
//! that a script reads the very paragraph the page and the PDF show (the one
//! that says a stated figure disagrees with the answer, for instance).

use serde::Serialize;

use super::Report;
use crate::scoring::{Answered, IndexScore, PerSubIndex, RevenuePotential, Scorecard, Verdict};
use crate::velocity::{CompanyNumbers, Velocity, WinRates};

/// A scorecard with its actions as the report words them. Serialises with the
/// keys of [`Scorecard`] (a test keeps them the same).
#[derive(Debug, Serialize)]
pub struct ReportedScorecard<'a> {
    pub questionnaire_id: &'a str,
    pub questionnaire_version: u32,
    pub overall: &'a IndexScore,
    pub sub_indices: &'a PerSubIndex<IndexScore>,
    pub personal: &'a IndexScore,
    pub revenue_potential: &'a PerSubIndex<Option<RevenuePotential>>,
    pub actions: Vec<ReportedAction<'a>>,
    pub answered: &'a Answered,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numbers: Option<&'a CompanyNumbers>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub velocity: Option<&'a Velocity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub win_rate: Option<&'a WinRates>,
}

/// One Keep / Change / Stop: the engine's verdict and impact, the report's words.
#[derive(Debug, Serialize)]
pub struct ReportedAction<'a> {
    pub verdict: Verdict,
    pub headline: &'a str,
    pub impact: f64,
    pub item: &'a str,
    pub question: &'a str,
    pub answer: &'a str,
    pub paragraph: &'a str,
    /// The company number the key area is about, with its peer median, as the
    /// report quotes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<&'a str>,
}

impl<'a> ReportedScorecard<'a> {
    /// `card` with the actions of `report`, the report built from it.
    pub fn new(card: &'a Scorecard, report: &'a Report) -> ReportedScorecard<'a> {
        ReportedScorecard {
            questionnaire_id: &card.questionnaire_id,
            questionnaire_version: card.questionnaire_version,
            overall: &card.overall,
            sub_indices: &card.sub_indices,
            personal: &card.personal,
            revenue_potential: &card.revenue_potential,
            // The report lists the scorecard's actions in their order.
            actions: card
                .actions
                .iter()
                .zip(&report.actions)
                .map(|(a, view)| ReportedAction {
                    verdict: view.verdict,
                    headline: &view.headline,
                    impact: a.impact,
                    item: &view.item,
                    question: &view.question,
                    answer: &view.answer,
                    paragraph: &view.paragraph,
                    figure: view.figure.as_deref(),
                })
                .collect(),
            answered: &card.answered,
            numbers: card.numbers.as_ref(),
            velocity: card.velocity.as_ref(),
            win_rate: card.win_rate.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::peer::PeerStanding;
    use crate::report::ReportInput;
    use crate::scoring::score;
    use crate::testing::{SUBMITTED_ON, answers, examples, study};

    #[test]
    fn the_reported_scorecard_has_the_scorecards_keys_and_the_reports_actions() {
        let q = study();
        for example in [examples::STRONG, examples::MIXED, examples::WEAK] {
            let a = answers(&q, example);
            let card = score(&q, &a);
            let standing = PeerStanding::none(SUBMITTED_ON);
            let report = Report::build(&ReportInput {
                questionnaire: &q,
                answers: &a,
                scorecard: &card,
                standing: &standing,
                submitted_on: SUBMITTED_ON,
            });
            let reported =
                serde_json::to_value(ReportedScorecard::new(&card, &report)).expect("json");
            let plain = serde_json::to_value(&card).expect("json");
            let keys = |v: &serde_json::Value| {
                v.as_object()
                    .map(|o| o.keys().cloned().collect::<Vec<_>>())
                    .unwrap_or_default()
            };
            assert_eq!(keys(&reported), keys(&plain));
            let actions = reported["actions"].as_array().expect("actions");
            assert_eq!(actions.len(), report.actions.len());
            for (json, view) in actions.iter().zip(&report.actions) {
                assert_eq!(json["paragraph"], view.paragraph.as_str());
                assert_eq!(json["headline"], view.headline.as_str());
                assert_eq!(json["item"], view.item.as_str());
            }
        }
    }
}
