//! The scoring engine: a pure function of (questionnaire, answers) to a [`Scorecard`].
//!
//! - A sub-index is the weighted mean of the scores of the answers that feed it, as a
//!   percentage. Unscored answers ("don't know") and unanswered items are left out of
//!   the mean; below the questionnaire's minimum coverage the index is "not enough
//!   answers", never a made-up number.
//! - The overall company index is the mean of the four sub-indices, unrounded; the
//!   personal index is the weighted mean of the personal items.
//! - Keep / Change / Stop picks five key areas: weak answers first (STOP), then
//!   middling ones (CHANGE), then the strongest (KEEP), each by weight.
//! - Revenue increase potential comes from each sub-index's gap to the top of the
//!   peer distribution; without peers, to the top of the scale.

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
            category: score.map(|s| bands.find(s).name.clone()),
            coverage,
        }
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
    /// No peer group: the top of the scale, 100.
    Scale,
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
        PerSubIndex::from_fn(|sub| revenue_potential(q, sub_indices.get(sub).score, None));
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
            let score = self.sub_indices.get(sub).score;
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
        Some(top) => (top, Benchmark::PeerGroup),
        None => (100.0, Benchmark::Scale),
    };
    let gap = (benchmark - score).max(0.0);
    Some(RevenuePotential {
        level: q.revenue_potential.find(gap).name.clone(),
        gap,
        benchmark,
        benchmark_source,
    })
}

/// Picks the Keep / Change / Stop actions among the answered company key areas.
fn actions(q: &Questionnaire, answers: &Answers) -> Vec<Action> {
    struct Candidate {
        verdict: Verdict,
        weight: f64,
        score: f64,
        pos: usize,
        option: usize,
    }
    let mut candidates: Vec<Candidate> = Vec::new();
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
        let Some(score) = item.options[*option].score else {
            continue;
        };
        let verdict = match q.commentary.band(Some(score)) {
            Band::Weak => Verdict::Stop,
            Band::Middling => Verdict::Change,
            Band::Strong => Verdict::Keep,
        };
        candidates.push(Candidate {
            verdict,
            weight: item.total_weight(),
            score,
            pos,
            option: *option,
        });
    }
    let rank = |v: Verdict| match v {
        Verdict::Stop => 0,
        Verdict::Change => 1,
        Verdict::Keep => 2,
    };
    candidates.sort_by(|a, b| {
        rank(a.verdict)
            .cmp(&rank(b.verdict))
            .then(b.weight.total_cmp(&a.weight))
            .then(if a.verdict == Verdict::Keep {
                b.score.total_cmp(&a.score)
            } else {
                a.score.total_cmp(&b.score)
            })
            .then(a.pos.cmp(&b.pos))
    });
    candidates
        .into_iter()
        .take(ACTION_COUNT)
        .map(|c| {
            let item = &q.items[c.pos];
            let band = q.commentary.band(Some(c.score));
            Action {
                verdict: c.verdict,
                item: item.id.clone(),
                question: item.text.clone(),
                answer: item.options[c.option].label.clone(),
                paragraph: item
                    .commentary
                    .as_ref()
                    .map(|cm| cm.paragraph(band).to_string())
                    .unwrap_or_default(),
            }
        })
        .collect()
}
