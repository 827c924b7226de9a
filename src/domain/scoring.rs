//! The scoring engine: a pure function of (questionnaire, answers) to a [`Scorecard`].
//!
//! - A sub-index is the weighted mean of the scores of the answers that feed it, as a
//!   percentage. Unscored answers ("don't know") and unanswered items are left out of
//!   the mean; below the questionnaire's minimum coverage the index is "not enough
//!   answers", never a made-up number.
//! - The overall company index is the mean of the four sub-indices, unrounded; the
//!   personal index is the weighted mean of the personal items.
//! - A category is the band of the score as shown (rounded to a whole percent), so
//!   that "85%" is never in the band below 85.
//! - Keep / Change / Stop: see [`actions`]; the rule is written out in the README.
//! - Revenue increase potential comes from the larger of two gaps: to the peer
//!   group's top decile and to the questionnaire's absolute target, so a middling
//!   score never shows "minimal" potential just because its peers are weak.

use serde::{Deserialize, Serialize};

use super::answers::{Answer, Answers};
use super::questionnaire::{Band, Bands, PartKind, Questionnaire, SubIndex};
use super::velocity::{CompanyNumbers, Velocity, WinRates};

/// The score of one index, or "not enough answers".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexScore {
    /// 0-100, unrounded; `None` when too little was answered.
    pub score: Option<f64>,
    /// The category band the score falls in.
    pub category: Option<String>,
    /// Percent of the index's weight that was answered with a scored option.
    pub coverage: f64,
}

impl IndexScore {
    /// The score as shown to people: rounded to a whole percent.
    pub fn display(&self) -> String {
        match self.score {
            Some(s) => format!("{}%", s.round()),
            None => "not enough answers".to_string(),
        }
    }

    fn from_parts(score: Option<f64>, coverage: f64, bands: &Bands) -> IndexScore {
        IndexScore {
            score,
            category: score.map(|s| bands.find(s.round()).name.clone()),
            coverage,
        }
    }

    /// The score as shown, a whole percent: what categories and paragraphs are
    /// chosen from.
    pub fn shown(&self) -> Option<f64> {
        self.score.map(f64::round)
    }
}

/// One value per sub-index, serialised as `{value, number, win_rate, sales_cycle}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PerSubIndex<T> {
    pub value: T,
    pub number: T,
    pub win_rate: T,
    pub sales_cycle: T,
}

impl<T> PerSubIndex<T> {
    pub fn from_fn(mut f: impl FnMut(SubIndex) -> T) -> PerSubIndex<T> {
        PerSubIndex {
            value: f(SubIndex::Value),
            number: f(SubIndex::Number),
            win_rate: f(SubIndex::WinRate),
            sales_cycle: f(SubIndex::SalesCycle),
        }
    }

    pub fn get(&self, sub: SubIndex) -> &T {
        match sub {
            SubIndex::Value => &self.value,
            SubIndex::Number => &self.number,
            SubIndex::WinRate => &self.win_rate,
            SubIndex::SalesCycle => &self.sales_cycle,
        }
    }

    pub fn get_mut(&mut self, sub: SubIndex) -> &mut T {
        match sub {
            SubIndex::Value => &mut self.value,
            SubIndex::Number => &mut self.number,
            SubIndex::WinRate => &mut self.win_rate,
            SubIndex::SalesCycle => &mut self.sales_cycle,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (SubIndex, &T)> {
        SubIndex::ALL.into_iter().map(move |s| (s, self.get(s)))
    }
}

/// Where the top of the distribution used for revenue potential came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Benchmark {
    /// The 90th percentile of the peer group.
    PeerGroup,
    /// No peer group: the top of the scale, 100 (responses scored before targets).
    Scale,
    /// The questionnaire's absolute target, further away than the peer group's top.
    Target,
}

/// How much revenue a sub-index leaves on the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevenuePotential {
    /// minimal, moderate, significant or major (the questionnaire's bands).
    pub level: String,
    /// Points between the sub-index and the benchmark (0 when at or above it).
    pub gap: f64,
    pub benchmark: f64,
    pub benchmark_source: Benchmark,
}

/// Keep what works, change what is unsure, stop what fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Verdict {
    Keep,
    Change,
    Stop,
}

/// One of the five key areas of the executive summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub verdict: Verdict,
    pub item: String,
    pub question: String,
    pub answer: String,
    pub paragraph: String,
    /// The imperative that follows the verdict word ("letting deals advance without
    /// evidence from the buyer"); empty in responses scored before headlines.
    #[serde(default)]
    pub headline: String,
    /// Weight x distance: what the list is ordered by.
    #[serde(default)]
    pub impact: f64,
}

/// How much of the questionnaire was answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answered {
    pub scored_items: usize,
    pub scored_items_answered: usize,
    pub dont_know: usize,
}

/// Everything the scoring engine computes for one response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub overall: IndexScore,
    pub sub_indices: PerSubIndex<IndexScore>,
    pub personal: IndexScore,
    pub revenue_potential: PerSubIndex<Option<RevenuePotential>>,
    pub actions: Vec<Action>,
    pub answered: Answered,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numbers: Option<CompanyNumbers>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub velocity: Option<Velocity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub win_rate: Option<WinRates>,
}

/// The number of Keep / Change / Stop actions in a full report.
pub const ACTION_COUNT: usize = 5;

/// Scores one response. Pure and deterministic.
pub fn score(q: &Questionnaire, answers: &Answers) -> Scorecard {
    let mut total = [0.0f64; 5];
    let mut answered = [0.0f64; 5];
    let mut sum = [0.0f64; 5];
    let mut counts = Answered {
        scored_items: 0,
        scored_items_answered: 0,
        dont_know: 0,
    };
    // Slot 4 is the personal index.
    for (pos, item) in q.items.iter().enumerate() {
        if !item.is_scored() {
            continue;
        }
        counts.scored_items += 1;
        let option_score = match answers.get(pos) {
            Some(Answer::Option(i)) => {
                let s = item.options[*i].score;
                if s.is_none() {
                    counts.dont_know += 1;
                }
                s
            }
            _ => None,
        };
        if option_score.is_some() {
            counts.scored_items_answered += 1;
        }
        let weights = item.weights.iter().copied().chain([item.personal_weight]);
        for (slot, w) in weights.enumerate() {
            if w <= 0.0 {
                continue;
            }
            total[slot] += w;
            if let Some(s) = option_score {
                answered[slot] += w;
                sum[slot] += w * s;
            }
        }
    }
    let index = |slot: usize| -> (Option<f64>, f64) {
        let coverage = if total[slot] > 0.0 {
            answered[slot] / total[slot] * 100.0
        } else {
            0.0
        };
        let enough = answered[slot] > 0.0 && coverage + 1e-9 >= q.minimum_coverage;
        (enough.then(|| sum[slot] / answered[slot]), coverage)
    };

    let sub_indices = PerSubIndex::from_fn(|sub| {
        let (s, c) = index(sub.position());
        IndexScore::from_parts(s, c, &q.company_categories)
    });
    let subs: Vec<&IndexScore> = sub_indices.iter().map(|(_, s)| s).collect();
    let overall_score = subs
        .iter()
        .map(|s| s.score)
        .sum::<Option<f64>>()
        .map(|total| total / 4.0);
    let overall_coverage = subs.iter().map(|s| s.coverage).sum::<f64>() / 4.0;
    let overall = IndexScore::from_parts(overall_score, overall_coverage, &q.company_categories);
    let (ps, pc) = index(4);
    let personal = IndexScore::from_parts(ps, pc, &q.personal_categories);

    let numbers = CompanyNumbers::from_answers(q, answers);
    let revenue_potential =
        PerSubIndex::from_fn(|sub| revenue_potential(q, sub_indices.get(sub).shown(), None));
    Scorecard {
        questionnaire_id: q.id.clone(),
        questionnaire_version: q.version,
        overall,
        sub_indices,
        personal,
        revenue_potential,
        actions: actions(q, answers),
        answered: counts,
        velocity: numbers.velocity(),
        win_rate: numbers.win_rates(),
        numbers: (!numbers.is_empty()).then_some(numbers),
    }
}

impl Scorecard {
    /// Recomputes revenue potential against the peer group's top (90th percentile)
    /// of each sub-index, where the peer group has one.
    pub fn benchmark_against(&mut self, q: &Questionnaire, tops: &PerSubIndex<Option<f64>>) {
        for sub in SubIndex::ALL {
            let score = self.sub_indices.get(sub).shown();
            *self.revenue_potential.get_mut(sub) = revenue_potential(q, score, *tops.get(sub));
        }
    }
}

fn revenue_potential(
    q: &Questionnaire,
    score: Option<f64>,
    peer_top: Option<f64>,
) -> Option<RevenuePotential> {
    let score = score?;
    let (benchmark, benchmark_source) = match peer_top {
        Some(top) if top > q.potential_target => (top, Benchmark::PeerGroup),
        _ => (q.potential_target, Benchmark::Target),
    };
    let gap = (benchmark - score).max(0.0);
    Some(RevenuePotential {
        level: q.revenue_potential.find(gap).name.clone(),
        gap,
        benchmark,
        benchmark_source,
    })
}

/// The most STOP verdicts in one list: a report that only says what fails gives the
/// reader nothing to protect.
pub const MAX_STOPS: usize = 3;

/// The most KEEP verdicts while weaker answers are still waiting for a place: a
/// report that only praises gives the reader nothing to fix.
pub const MAX_KEEPS_WHILE_OTHERS_WAIT: usize = 2;

/// The items whose answer a fired tension questions: both of the tension's answers
/// were given as it declares them.
pub fn questioned_items(q: &Questionnaire, answers: &Answers) -> Vec<String> {
    let chosen = |item: &str| match answers.by_id(q, item) {
        Some((it, Answer::Option(i))) => Some(it.options[*i].id.clone()),
        _ => None,
    };
    let mut out = Vec::new();
    for t in &q.tensions {
        let fired = chosen(&t.first.item).is_some_and(|a| t.first.answers.contains(&a))
            && chosen(&t.second.item).is_some_and(|b| t.second.answers.contains(&b));
        if fired {
            out.push(t.first.item.clone());
            out.push(t.second.item.clone());
        }
    }
    out
}

/// Picks the Keep / Change / Stop actions among the answered company key areas.
///
/// - Verdict from the answer's band: weak is STOP, middling is CHANGE, strong is KEEP,
///   and "don't know" is CHANGE (find out).
/// - Impact = the item's weight x the answer's distance: for KEEP and STOP, how far
///   the score sits from the middle of the middling band (how clearly it is strong or
///   weak); for CHANGE, how far it is from the strong band ("don't know" counts as
///   an answer at the weak edge of the middling band).
/// - A strong answer that one of the study's tensions questions (another answer
///   pulls against it) is not kept: it is a question to settle, not a strength.
/// - Selection: the strongest-impact KEEP and STOP each get a place when there is
///   one; the other places go by impact to weak answers (never a fourth STOP) and
///   "don't know", then to middling answers, and to a third KEEP only when no CHANGE
///   or STOP is left to take the place: a middling answer never pushes out a
///   clearly weak one.
/// - The list is ordered by impact, largest first.
pub fn actions(q: &Questionnaire, answers: &Answers) -> Vec<Action> {
    struct Candidate {
        verdict: Verdict,
        impact: f64,
        pos: usize,
        option: usize,
        band: Band,
    }
    let t = q.commentary;
    let middle = (t.strong_from + t.weak_below) / 2.0;
    let mut candidates: Vec<Candidate> = Vec::new();
    let questioned = questioned_items(q, answers);
    for item in q.items_of_part(PartKind::Company) {
        if !item.key_area {
            continue;
        }
        let Some(pos) = q.item_position(&item.id) else {
            continue;
        };
        let Some(Answer::Option(option)) = answers.get(pos) else {
            continue;
        };
        let score = item.options[*option].score;
        let band = t.band(score);
        if band == Band::Strong && questioned.contains(&item.id) {
            continue;
        }
        let (verdict, distance) = match (band, score) {
            (Band::Weak, Some(s)) => (Verdict::Stop, middle - s),
            (Band::Strong, Some(s)) => (Verdict::Keep, s - middle),
            (_, Some(s)) => (Verdict::Change, t.strong_from - s),
            // Not knowing a key area weighs like an answer at the weak edge of the
            // middling band: finding out comes before polishing a middling answer.
            (_, None) => (Verdict::Change, t.strong_from - t.weak_below),
        };
        candidates.push(Candidate {
            verdict,
            impact: item.total_weight() * distance.max(0.0),
            pos,
            option: *option,
            band,
        });
    }
    candidates.sort_by(|a, b| b.impact.total_cmp(&a.impact).then(a.pos.cmp(&b.pos)));
    let mut chosen: Vec<usize> = Vec::new();
    for verdict in [Verdict::Keep, Verdict::Stop] {
        if chosen.len() < ACTION_COUNT
            && let Some(i) = candidates.iter().position(|c| c.verdict == verdict)
        {
            chosen.push(i);
        }
    }
    // Clearly weak answers and "don't know" come before middling answers; KEEPs
    // beyond two only when nothing else is left.
    for (keep_cap, middling) in [
        (MAX_KEEPS_WHILE_OTHERS_WAIT, false),
        (MAX_KEEPS_WHILE_OTHERS_WAIT, true),
        (ACTION_COUNT, true),
    ] {
        for (i, c) in candidates.iter().enumerate() {
            if chosen.len() >= ACTION_COUNT {
                break;
            }
            let answered_middling =
                c.verdict == Verdict::Change && q.items[c.pos].options[c.option].score.is_some();
            if answered_middling && !middling {
                continue;
            }
            let count = |v: Verdict| {
                chosen
                    .iter()
                    .filter(|&&j| candidates[j].verdict == v)
                    .count()
            };
            let full = match c.verdict {
                Verdict::Stop => count(Verdict::Stop) >= MAX_STOPS,
                Verdict::Keep => count(Verdict::Keep) >= keep_cap,
                Verdict::Change => false,
            };
            if !chosen.contains(&i) && !full {
                chosen.push(i);
            }
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| {
            let c = &candidates[i];
            let item = &q.items[c.pos];
            let unsure = item.options[c.option].score.is_none();
            let headline = item
                .headlines
                .as_ref()
                .map_or_else(String::new, |h| match c.verdict {
                    Verdict::Keep => h.keep.clone(),
                    Verdict::Change if unsure => {
                        h.find_out.clone().unwrap_or_else(|| h.change.clone())
                    }
                    Verdict::Change => h.change.clone(),
                    Verdict::Stop => h.stop.clone(),
                });
            Action {
                verdict: c.verdict,
                item: item.id.clone(),
                question: item.text.clone(),
                answer: item.options[c.option].label.clone(),
                paragraph: item.paragraph_for(c.option, c.band).unwrap_or_default(),
                headline,
                impact: c.impact,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Completeness;
    use proptest::prelude::*;
    use serde_json::json;

    const STUDY: &str = include_str!("../../questionnaires/dealbench-v1.toml");
    const MINIMAL: &str = include_str!("../../tests/fixtures/minimal.toml");

    fn study() -> Questionnaire {
        Questionnaire::from_toml("dealbench-v1.toml", STUDY).expect("the shipped study is valid")
    }

    /// The minimal study with each company item turned into a choice whose options
    /// score exactly the given values (option ids `s0`, `s1`, ...).
    fn study_with_option_scores(scores: &[f64]) -> Questionnaire {
        let options: Vec<String> = scores
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{{ id = \"s{i}\", label = \"Score {s}\", score = {s} }}"))
            .collect();
        let options = format!("options = [{}]", options.join(", "));
        let text = MINIMAL
            .replace(
                "kind = \"agreement\"\ntext = \"We sell on value.\"",
                &format!("kind = \"choice\"\n{options}\ntext = \"We sell on value.\""),
            )
            .replace(
                "kind = \"agreement\"\ntext = \"We find enough opportunities.\"",
                &format!("kind = \"choice\"\n{options}\ntext = \"We find enough opportunities.\""),
            )
            .replace(
                "options = [\n  { id = \"rarely\", label = \"Rarely\", score = 10 },\n  { id = \"often\", label = \"Often\", score = 90 },\n]",
                &options,
            )
            .replace(
                "kind = \"agreement\"\ntext = \"Deals move fast.\"",
                &format!("kind = \"choice\"\n{options}\ntext = \"Deals move fast.\""),
            );
        Questionnaire::from_toml("test", &text).expect("valid test study")
    }

    fn answers(q: &Questionnaire, json: serde_json::Value) -> Answers {
        Answers::from_json(q, &json, Completeness::Draft).expect("valid answers")
    }

    #[test]
    fn overall_is_the_mean_of_the_four_sub_indices_76_76_75_80_is_77() {
        let q = study_with_option_scores(&[76.0, 75.0, 80.0]);
        let a = answers(
            &q,
            json!({"value_item": "s0", "number_item": "s0", "win_rate_item": "s1", "cycle_item": "s2"}),
        );
        let card = score(&q, &a);
        let subs: Vec<f64> = card
            .sub_indices
            .iter()
            .map(|(_, s)| s.score.expect("scored"))
            .collect();
        assert_eq!(subs, vec![76.0, 76.0, 75.0, 80.0]);
        assert_eq!(card.overall.score, Some(76.75));
        assert_eq!(card.overall.display(), "77%");
        assert_eq!(card.overall.category.as_deref(), Some("High"));
    }

    #[test]
    fn sub_indices_are_not_rounded_before_averaging() {
        // Rounded first: 77 + 77 + 76 + 80 = 310 / 4 = 77.5 -> 78. Unrounded: 77.225 -> 77.
        let q = study_with_option_scores(&[76.5, 75.5, 80.4]);
        let a = answers(
            &q,
            json!({"value_item": "s0", "number_item": "s0", "win_rate_item": "s1", "cycle_item": "s2"}),
        );
        let card = score(&q, &a);
        let overall = card.overall.score.expect("scored");
        assert!((overall - 77.225).abs() < 1e-9);
        assert_eq!(card.overall.display(), "77%");
    }

    #[test]
    fn dont_know_is_left_out_of_the_mean_and_of_the_coverage() {
        let q = study();
        let base = json!({
            "sales_company_strategy_alignment": "agree",
            "sales_marketing_collaboration": "strongly_agree",
        });
        let mut with_dont_know = base.clone();
        with_dont_know["leadership_seeks_sales_input"] = json!("dont_know");
        let a = score(&q, &answers(&q, base));
        let b = score(&q, &answers(&q, with_dont_know));
        assert_eq!(a.sub_indices, b.sub_indices);
        assert_eq!(b.answered.dont_know, 1);
    }

    #[test]
    fn below_the_minimum_coverage_an_index_is_not_enough_answers() {
        let q = study_with_option_scores(&[0.0, 100.0]);
        // Each sub-index has one item: unanswered = 0% coverage.
        let card = score(&q, &answers(&q, json!({"value_item": "s1"})));
        assert_eq!(card.sub_indices.value.score, Some(100.0));
        assert_eq!(card.sub_indices.number.score, None);
        assert_eq!(card.sub_indices.number.display(), "not enough answers");
        assert_eq!(card.overall.score, None);
        assert_eq!(card.overall.category, None);
        assert_eq!(card.sub_indices.number.coverage, 0.0);
    }

    #[test]
    fn keep_change_stop_mixes_verdicts_and_orders_them_by_impact() {
        let q = study();
        let card = score(
            &q,
            &answers(
                &q,
                json!({
                    "sales_company_strategy_alignment": "strongly_agree",
                    "sales_marketing_collaboration": "neutral",
                    "sales_process_mapped_to_buyer_journey": "disagree",
                    "close_ratio_satisfactory": "strongly_agree",
                    "executive_access_effective": "agree",
                    "customer_retention_satisfactory": "dont_know",
                    "evidence_based_stage_exit_criteria": "strongly_disagree",
                    "opportunity_qualification_effectiveness": "disagree",
                    "pipeline_accurate_picture": "disagree",
                    "forecast_process_defined": "strongly_disagree",
                }),
            ),
        );
        let verdicts: Vec<Verdict> = card.actions.iter().map(|a| a.verdict).collect();
        assert_eq!(card.actions.len(), 5);
        assert!(verdicts.contains(&Verdict::Keep), "{verdicts:?}");
        assert!(verdicts.contains(&Verdict::Change), "{verdicts:?}");
        assert_eq!(
            verdicts.iter().filter(|v| **v == Verdict::Stop).count(),
            MAX_STOPS
        );
        assert!(card.actions.windows(2).all(|w| w[0].impact >= w[1].impact));
        // The verdict is followed by the key area's own imperative headline.
        let stop = card
            .actions
            .iter()
            .find(|a| a.item == "evidence_based_stage_exit_criteria")
            .expect("the heaviest weak answer is a STOP");
        assert_eq!(stop.verdict, Verdict::Stop);
        assert_eq!(
            stop.headline,
            "letting deals advance without evidence from the buyer"
        );
        assert_eq!(stop.answer, "Strongly disagree");
        let item = q.item(&stop.item).expect("item");
        assert_eq!(
            stop.paragraph,
            item.commentary.as_ref().expect("scored").weak
        );
    }

    #[test]
    fn dont_know_on_a_key_area_is_a_change_find_out() {
        let q = study();
        let card = score(
            &q,
            &answers(&q, json!({"customer_retention_satisfactory": "dont_know"})),
        );
        assert_eq!(card.actions.len(), 1);
        assert_eq!(card.actions[0].verdict, Verdict::Change);
        assert_eq!(card.actions[0].answer, "Don't know");
        assert!(
            card.actions[0].headline.contains(": find out "),
            "{}",
            card.actions[0].headline
        );
    }

    #[test]
    fn fewer_than_five_key_areas_answered_gives_fewer_actions() {
        let q = study();
        let card = score(
            &q,
            &answers(
                &q,
                json!({"close_ratio_satisfactory": "agree", "executive_access_effective": "disagree"}),
            ),
        );
        assert_eq!(card.actions.len(), 2);
    }

    #[test]
    fn revenue_potential_measures_the_gap_to_the_peer_top_or_the_target() {
        let q = study();
        let mut card = score(
            &q,
            &Answers::from_json(
                &q,
                &serde_json::from_str(include_str!(
                    "../../questionnaires/examples/average-company.json"
                ))
                .expect("json"),
                Completeness::Final,
            )
            .expect("valid"),
        );
        let value = card.sub_indices.value.shown().expect("scored");
        let p = card.revenue_potential.value.clone().expect("scored");
        assert_eq!(p.benchmark_source, Benchmark::Target);
        assert!((p.gap - (q.potential_target - value)).abs() < 1e-9);
        // Weak peers do not make a middling score look finished.
        card.benchmark_against(&q, &PerSubIndex::from_fn(|_| Some(value + 5.0)));
        let p = card.revenue_potential.value.clone().expect("scored");
        assert_eq!(p.benchmark_source, Benchmark::Target);
        assert_ne!(p.level, "Minimal");
        // Strong peers set a higher bar than the target.
        card.benchmark_against(&q, &PerSubIndex::from_fn(|_| Some(98.0)));
        let p = card.revenue_potential.value.clone().expect("scored");
        assert_eq!(p.benchmark_source, Benchmark::PeerGroup);
        assert!((p.gap - (98.0 - value)).abs() < 1e-9);
    }

    /// Random answers to the shipped study: each scored item unanswered or one of its
    /// options, by a seed per item.
    fn random_answers(q: &Questionnaire, picks: &[Option<usize>]) -> Answers {
        let mut map = serde_json::Map::new();
        for (item, pick) in q.items.iter().filter(|i| i.is_scored()).zip(picks) {
            if let Some(p) = pick {
                let option = &item.options[p % item.options.len()];
                map.insert(item.id.clone(), json!(option.id));
            }
        }
        answers(q, serde_json::Value::Object(map))
    }

    fn all_indices(card: &Scorecard) -> Vec<Option<f64>> {
        let mut v = vec![card.overall.score, card.personal.score];
        v.extend(card.sub_indices.iter().map(|(_, s)| s.score));
        v
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn every_index_stays_within_0_and_100(picks in prop::collection::vec(prop::option::weighted(0.8, 0usize..10), 60)) {
            let q = study();
            let card = score(&q, &random_answers(&q, &picks));
            for s in all_indices(&card).into_iter().flatten() {
                prop_assert!((0.0..=100.0).contains(&s), "index {} out of range", s);
            }
            for (_, s) in card.sub_indices.iter() {
                prop_assert!((0.0..=100.0).contains(&s.coverage));
            }
        }

        #[test]
        fn overall_equals_the_mean_of_the_sub_indices(picks in prop::collection::vec(prop::option::weighted(0.9, 0usize..10), 60)) {
            let q = study();
            let card = score(&q, &random_answers(&q, &picks));
            let subs: Option<Vec<f64>> = card.sub_indices.iter().map(|(_, s)| s.score).collect();
            match subs {
                Some(subs) => {
                    let mean = subs.iter().sum::<f64>() / 4.0;
                    prop_assert!((card.overall.score.expect("all four scored") - mean).abs() < 1e-9);
                }
                None => prop_assert_eq!(card.overall.score, None),
            }
        }

        #[test]
        fn improving_any_single_answer_never_lowers_any_index(
            picks in prop::collection::vec(prop::option::weighted(0.8, 0usize..10), 60),
            which in any::<prop::sample::Index>(),
        ) {
            let q = study();
            let scored: Vec<&crate::questionnaire::Item> = q.items.iter().filter(|i| i.is_scored()).collect();
            let item = scored[which.index(scored.len())];
            let mut options: Vec<&crate::questionnaire::AnswerOption> =
                item.options.iter().filter(|o| o.score.is_some()).collect();
            options.sort_by(|a, b| a.score.partial_cmp(&b.score).expect("scores are numbers"));
            let base = random_answers(&q, &picks);
            let mut cards = Vec::new();
            for option in &options {
                let mut json = base.to_json(&q);
                json[&item.id] = json!(option.id);
                cards.push(score(&q, &answers(&q, json)));
            }
            for pair in cards.windows(2) {
                for (lower, higher) in all_indices(&pair[0]).into_iter().zip(all_indices(&pair[1])) {
                    if let (Some(l), Some(h)) = (lower, higher) {
                        prop_assert!(h + 1e-9 >= l, "improving {} lowered an index from {} to {}", item.id, l, h);
                    }
                    prop_assert_eq!(lower.is_some(), higher.is_some());
                }
            }
        }

        #[test]
        fn keep_change_stop_follows_its_rule(
            picks in prop::collection::vec(prop::option::weighted(0.9, 0usize..10), 60),
        ) {
            let q = study();
            let a = random_answers(&q, &picks);
            let card = score(&q, &a);
            let verdicts: Vec<Verdict> = card.actions.iter().map(|a| a.verdict).collect();
            prop_assert!(verdicts.iter().filter(|v| **v == Verdict::Stop).count() <= MAX_STOPS);
            // No verdict contradicts its answer's band.
            for action in &card.actions {
                let item = q.item(&action.item).expect("item");
                let option = item.options.iter().find(|o| o.label == action.answer).expect("option");
                let expected = match q.commentary.band(option.score) {
                    Band::Strong => Verdict::Keep,
                    Band::Weak => Verdict::Stop,
                    Band::Middling => Verdict::Change,
                };
                prop_assert_eq!(action.verdict, expected);
                prop_assert!(!action.headline.is_empty());
            }
            // What the answers allow: a strong key area no tension questions gives a
            // KEEP, a weak one a STOP.
            let questioned = questioned_items(&q, &a);
            let bands: Vec<Band> = q.items_of_part(PartKind::Company)
                .filter(|i| i.key_area)
                .filter_map(|i| match a.by_id(&q, &i.id) {
                    Some((item, Answer::Option(o))) => Some(q.commentary.band(item.options[*o].score))
                        .filter(|b| *b != Band::Strong || !questioned.contains(&item.id)),
                    _ => None,
                })
                .collect();
            if bands.contains(&Band::Strong) {
                prop_assert!(verdicts.contains(&Verdict::Keep), "{:?}", verdicts);
            }
            if bands.contains(&Band::Weak) {
                prop_assert!(verdicts.contains(&Verdict::Stop), "{:?}", verdicts);
            }
            prop_assert!(card.actions.windows(2).all(|w| w[0].impact >= w[1].impact));
        }

        #[test]
        fn all_strong_key_areas_give_five_keeps(strength in prop::collection::vec(prop::bool::ANY, 30)) {
            let q = study();
            let mut map = serde_json::Map::new();
            for (item, very) in q.items.iter().filter(|i| i.key_area).zip(strength) {
                let best = item.options.iter()
                    .filter(|o| o.score.is_some_and(|s| s >= q.commentary.strong_from))
                    .nth(usize::from(very))
                    .or_else(|| item.options.iter().find(|o| o.score.is_some_and(|s| s >= q.commentary.strong_from)))
                    .expect("a strong option");
                map.insert(item.id.clone(), json!(best.id));
            }
            let card = score(&q, &answers(&q, serde_json::Value::Object(map)));
            prop_assert_eq!(card.actions.len(), ACTION_COUNT);
            prop_assert!(card.actions.iter().all(|a| a.verdict == Verdict::Keep));
        }

        #[test]
        fn revenue_potential_never_contradicts_the_band(
            picks in prop::collection::vec(prop::option::weighted(0.9, 0usize..10), 60),
            top in prop::option::of(0.0f64..=100.0),
        ) {
            let q = study();
            let mut card = score(&q, &random_answers(&q, &picks));
            card.benchmark_against(&q, &PerSubIndex::from_fn(|_| top));
            let first = &q.revenue_potential.all()[0].name;
            let last = &q.revenue_potential.all()[q.revenue_potential.all().len() - 1].name;
            for (sub, index) in card.sub_indices.iter() {
                let (Some(shown), Some(p)) = (index.shown(), card.revenue_potential.get(sub)) else {
                    continue;
                };
                match q.commentary.band(Some(shown)) {
                    Band::Strong => prop_assert_ne!(&p.level, last, "{} at {}", sub.key(), shown),
                    _ => prop_assert_ne!(&p.level, first, "{} at {}", sub.key(), shown),
                }
            }
            // The category is the band of the percentage shown.
            if let Some(shown) = card.overall.shown() {
                prop_assert_eq!(card.overall.category.as_deref(), Some(q.company_categories.find(shown).name.as_str()));
            }
        }

        #[test]
        fn a_dont_know_answer_changes_no_index(
            picks in prop::collection::vec(prop::option::weighted(0.7, 0usize..10), 60),
            which in any::<prop::sample::Index>(),
        ) {
            let q = study();
            let with_dont_know: Vec<&crate::questionnaire::Item> = q.items.iter()
                .filter(|i| i.is_scored() && i.options.iter().any(|o| o.score.is_none()))
                .collect();
            let item = with_dont_know[which.index(with_dont_know.len())];
            let mut json = random_answers(&q, &picks).to_json(&q);
            json.as_object_mut().expect("object").remove(&item.id);
            let without = score(&q, &answers(&q, json.clone()));
            let dont_know = item.options.iter().find(|o| o.score.is_none()).expect("has one");
            json[&item.id] = json!(dont_know.id);
            let with = score(&q, &answers(&q, json));
            prop_assert_eq!(all_indices(&without), all_indices(&with));
        }
    }
}
