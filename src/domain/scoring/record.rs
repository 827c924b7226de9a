//! A scorecard as it is kept: what scoring decided that neither the answers nor
//! the index scores show, so that a stored response is read back without
//! scoring it again.
//!
//! A scorecard is the index scores (kept beside the record), their coverages,
//! the counts of what was answered, the Keep / Change / Stop actions, the
//! revenue potential and the company numbers. Of these, only the coverages, the
//! counts and the chosen actions (which key area, which verdict, what impact)
//! need scoring; everything else is read off what is kept: a category and a
//! revenue potential from a score and the questionnaire's bands (against the
//! peer tops frozen in the standing), an action's words from the questionnaire,
//! the company numbers from the number answers.

use serde::{Deserialize, Serialize};

use super::{Answered, IndexScore, PerSubIndex, Scorecard, Verdict, action_of, revenue_potential};
use crate::answers::{Answer, Answers};
use crate::peer::{IndexKind, PerIndex};
use crate::questionnaire::Questionnaire;
use crate::velocity::CompanyNumbers;

/// What scoring decided for one response, beyond its index scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreRecord {
    /// Percent of each index's weight answered with a scored option, in
    /// [`IndexKind::ALL`] order.
    pub coverage: [f64; 6],
    /// Scored items, of those answered with a scored option, and "don't know"s.
    pub answered: [usize; 3],
    /// The chosen actions in the report's order: item position, verdict, impact.
    pub actions: Vec<(usize, Verdict, f64)>,
}

/// Why a record cannot be read back against a questionnaire.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("the stored scoring does not fit version {version} of the questionnaire: {why}")]
pub struct RecordMismatch {
    pub version: u32,
    pub why: String,
}

impl Scorecard {
    /// What scoring decided, to keep beside the index scores.
    pub fn record(&self, q: &Questionnaire) -> ScoreRecord {
        ScoreRecord {
            coverage: IndexKind::ALL.map(|k| self.index(k).coverage),
            answered: [
                self.answered.scored_items,
                self.answered.scored_items_answered,
                self.answered.dont_know,
            ],
            actions: self
                .actions
                .iter()
                .filter_map(|a| Some((q.item_position(&a.item)?, a.verdict, a.impact)))
                .collect(),
        }
    }

    /// The scorecard of a response again, from its index scores and record, the
    /// answers it was scored from, and the peer tops its revenue potential was
    /// benchmarked against: equal to the scorecard it was given, without
    /// scoring.
    ///
    /// # Errors
    /// When the record names an item or an answer the questionnaire does not
    /// have (a record kept with another version).
    pub fn from_record(
        q: &Questionnaire,
        answers: &Answers,
        scores: &PerIndex<Option<f64>>,
        record: &ScoreRecord,
        tops: &PerSubIndex<Option<f64>>,
    ) -> Result<Scorecard, RecordMismatch> {
        let mismatch = |why: String| RecordMismatch {
            version: q.version,
            why,
        };
        let coverage = |k: IndexKind| {
            let at = IndexKind::ALL.iter().position(|i| *i == k).unwrap_or(0);
            record.coverage[at]
        };
        let company = |k: IndexKind| {
            IndexScore::from_parts(*scores.get(k), coverage(k), &q.company_categories)
        };
        let sub_indices = PerSubIndex::from_fn(|sub| company(IndexKind::Sub(sub)));
        let actions = record
            .actions
            .iter()
            .map(|&(pos, verdict, impact)| {
                let item = q
                    .items
                    .get(pos)
                    .ok_or_else(|| mismatch(format!("no item at position {pos}")))?;
                match answers.get(pos) {
                    Some(Answer::Option(option)) if *option < item.options.len() => {
                        Ok(action_of(q, pos, *option, verdict, impact, answers))
                    }
                    _ => Err(mismatch(format!("no answer to `{}`", item.id))),
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        let numbers = CompanyNumbers::from_answers(q, answers);
        let mut card = Scorecard {
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version,
            overall: company(IndexKind::Overall),
            revenue_potential: PerSubIndex::from_fn(|sub| {
                revenue_potential(q, sub_indices.get(sub).shown(), None)
            }),
            sub_indices,
            personal: IndexScore::from_parts(
                *scores.get(IndexKind::Personal),
                coverage(IndexKind::Personal),
                &q.personal_categories,
            ),
            actions,
            answered: Answered {
                scored_items: record.answered[0],
                scored_items_answered: record.answered[1],
                dont_know: record.answered[2],
            },
            velocity: numbers.velocity(q.minimum_decided_deals),
            win_rate: numbers.win_rates(q.minimum_decided_deals),
            numbers: (!numbers.is_empty()).then_some(numbers),
        };
        card.benchmark_against(q, tops);
        Ok(card)
    }

    /// The score of one index.
    fn index(&self, k: IndexKind) -> &IndexScore {
        match k {
            IndexKind::Overall => &self.overall,
            IndexKind::Sub(sub) => self.sub_indices.get(sub),
            IndexKind::Personal => &self.personal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::score;
    use crate::synthetic;
    use crate::testing;

    fn tops(seed: u64) -> PerSubIndex<Option<f64>> {
        let mut rng = fastrand::Rng::with_seed(seed);
        PerSubIndex::from_fn(|_| (!rng.u8(..).is_multiple_of(4)).then(|| rng.f64() * 100.0))
    }

    #[test]
    fn a_scorecard_reads_back_from_its_record_as_it_was_given() {
        let q = testing::study();
        for seed in 0..300 {
            let answers = synthetic::respondent(&q, seed);
            let mut card = score(&q, &answers);
            let tops = tops(seed);
            card.benchmark_against(&q, &tops);
            let scores = PerIndex::from_fn(|k| k.of(&card));
            let record = card.record(&q);
            let json = serde_json::to_string(&record).expect("json");
            let record: ScoreRecord = serde_json::from_str(&json).expect("back");
            let back = Scorecard::from_record(&q, &answers, &scores, &record, &tops).expect("fits");
            assert_eq!(back, card, "seed {seed}");
        }
    }

    #[test]
    fn every_example_persona_reads_back_from_its_record() {
        let q = testing::study();
        use testing::examples::*;
        for (name, text) in [
            ("strong", STRONG),
            ("average", AVERAGE),
            ("weak", WEAK),
            ("mixed", MIXED),
            ("partial numbers", PARTIAL_NUMBERS),
            ("don't know", DONT_KNOW),
            ("partial answers", PARTIAL_ANSWERS),
        ] {
            let answers = testing::draft_answers(&q, text);
            let card = score(&q, &answers);
            let scores = PerIndex::from_fn(|k| k.of(&card));
            let none = PerSubIndex::from_fn(|_| None);
            let back =
                Scorecard::from_record(&q, &answers, &scores, &card.record(&q), &none).expect(name);
            assert_eq!(back, card, "{name}");
        }
    }

    #[test]
    fn a_record_of_another_version_is_refused_not_misread() {
        let q = testing::study();
        let answers = synthetic::respondent(&q, 1);
        let card = score(&q, &answers);
        let scores = PerIndex::from_fn(|k| k.of(&card));
        let mut record = card.record(&q);
        record.actions.push((q.items.len() + 5, Verdict::Keep, 1.0));
        let none = PerSubIndex::from_fn(|_| None);
        assert!(Scorecard::from_record(&q, &answers, &scores, &record, &none).is_err());
    }
}
