//! The scoring engine: a pure function of (questionnaire, answers) to a [`Scorecard`].
//!
//! - A sub-index is the weighted mean of the scores of the answers that feed it, as a
//!   percentage. Unscored answers ("don't know") and unanswered items are left out of
//!   the mean; below the questionnaire's minimum coverage the index is "not enough
//!   answers", never a made-up number.
//! - The overall company index is the mean of the four sub-indices as shown
//!   (each rounded to a whole percent), so that the figures a reader sees add up:
//!   77, 73, 62 and 59 make 67.75, shown as 68%. The personal index is the
//!   weighted mean of the personal items.
//! - A category is the band of the score as shown (rounded to a whole percent), so
//!   that "85%" is never in the band below 85.
//! - Keep / Change / Stop: see [`actions`]; the rule is written out in the README.
//! - Revenue increase potential comes from the larger of two gaps: to the peer
//!   group's top decile and to the questionnaire's absolute target, so a middling
//!   score never shows "minimal" potential just because its peers are weak.

use serde::{Deserialize, Serialize};

use super::answers::{Answer, Answers};
use super::questionnaire::{Band, Bands, HeadlineKind, PartKind, Questionnaire, Related, SubIndex};
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

/// One of the five key areas of the executive summary, as the engine picks it.
/// What the report says about it (the paragraph that reads the answer beside
/// the numbers and the other answers) is written by the report model alone,
/// which the page, the PDF, the API and the command line all give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub verdict: Verdict,
    pub item: String,
    pub question: String,
    pub answer: String,
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
    // From the sub-indices as shown, so that the shown figures add up.
    let overall_score = subs
        .iter()
        .map(|s| s.shown())
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
        velocity: numbers.velocity(q.minimum_decided_deals),
        win_rate: numbers.win_rates(q.minimum_decided_deals),
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

/// The items whose answer a fired tension or a related group questions: both of
/// the tension's answers were given as it declares them, or the group holds a
/// strong and a weak answer (its strong answers are questioned).
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
    for group in conflicting_groups(q, answers) {
        out.extend(
            group
                .items
                .iter()
                .filter(|i| band_of(q, answers, i) == Some(Band::Strong))
                .cloned(),
        );
    }
    out
}

/// The band of the answer given to an item, if an option was chosen.
pub fn band_of(q: &Questionnaire, answers: &Answers, item: &str) -> Option<Band> {
    match answers.by_id(q, item)? {
        (it, Answer::Option(i)) => Some(q.commentary.band(it.options[*i].score)),
        _ => None,
    }
}

/// The related groups whose answers disagree: at least one strong and one weak,
/// or, in a tight group, a strong and a middling one (a "don't know" is not an
/// answer that disagrees).
pub fn conflicting_groups<'q>(q: &'q Questionnaire, answers: &Answers) -> Vec<&'q Related> {
    q.related
        .iter()
        .filter(|g| {
            let bands: Vec<Band> = g
                .items
                .iter()
                .filter(|i| {
                    matches!(answers.by_id(q, i), Some((it, Answer::Option(o))) if it.options[*o].score.is_some())
                })
                .filter_map(|i| band_of(q, answers, i))
                .collect();
            bands.contains(&Band::Strong)
                && (bands.contains(&Band::Weak) || g.tight && bands.contains(&Band::Middling))
        })
        .collect()
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
///   pulls against it), or that sits in a related group beside a weak answer,
///   is not kept: it is a question to settle, not a strength.
/// - A related group gives at most one action: its answers are judged together.
///   When they disagree (a strong and a weak answer), that action is a CHANGE
///   whose headline says so (the group's own), never a STOP or a KEEP of one
///   side, and it does not take the place kept for the strongest STOP.
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
        /// In a related group whose answers disagree: its action says so,
        /// neutrally (a CHANGE), whatever this answer's band.
        conflict: bool,
    }
    let t = q.commentary;
    let middle = (t.strong_from + t.weak_below) / 2.0;
    let mut candidates: Vec<Candidate> = Vec::new();
    let questioned = questioned_items(q, answers);
    let conflicting: Vec<&str> = conflicting_groups(q, answers)
        .into_iter()
        .flat_map(|g| g.items.iter().map(String::as_str))
        .collect();
    let groups_of = |pos: usize| -> Vec<&str> {
        q.related_groups(&q.items[pos].id)
            .map(|g| g.id.as_str())
            .collect()
    };
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
            conflict: conflicting.contains(&item.id.as_str()),
        });
    }
    candidates.sort_by(|a, b| b.impact.total_cmp(&a.impact).then(a.pos.cmp(&b.pos)));
    let mut chosen: Vec<usize> = Vec::new();
    // One action per related group.
    let group_taken = |chosen: &[usize], i: usize| {
        groups_of(candidates[i].pos).into_iter().any(|g| {
            chosen
                .iter()
                .any(|&j| groups_of(candidates[j].pos).contains(&g))
        })
    };
    for verdict in [Verdict::Keep, Verdict::Stop] {
        if chosen.len() < ACTION_COUNT
            && let Some(i) = (0..candidates.len()).find(|&i| {
                candidates[i].verdict == verdict
                    && !candidates[i].conflict
                    && !group_taken(&chosen, i)
            })
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
                    .filter(|&&j| candidates[j].verdict == v && !candidates[j].conflict)
                    .count()
            };
            let full = match c.verdict {
                Verdict::Stop => count(Verdict::Stop) >= MAX_STOPS,
                Verdict::Keep => count(Verdict::Keep) >= keep_cap,
                Verdict::Change => false,
            };
            if !chosen.contains(&i) && !full && !group_taken(&chosen, i) {
                chosen.push(i);
            }
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| {
            let c = &candidates[i];
            let verdict = if c.conflict {
                Verdict::Change
            } else {
                c.verdict
            };
            action_of(q, c.pos, c.option, verdict, c.impact, answers)
        })
        .collect()
}

impl Action {
    /// This action in the words of `q`, a translation of the questionnaire it
    /// was chosen with (a stored scorecard keeps the words it was scored
    /// with): the same verdict, item and impact; as it is when its answer is
    /// not an option of `q`'s item, or it was stored before headlines.
    pub fn in_words_of(&self, q: &Questionnaire, answers: &Answers) -> Action {
        let Some(pos) = q.item_position(&self.item) else {
            return self.clone();
        };
        match answers.by_id(q, &self.item) {
            Some((_, crate::answers::Answer::Option(i))) if !self.headline.is_empty() => {
                action_of(q, pos, *i, self.verdict, self.impact, answers)
            }
            _ => self.clone(),
        }
    }
}

/// The action for the answer `option` of the key area at item position `pos`,
/// with its verdict and impact: the words come from the questionnaire. The one
/// place an action is written out, whether just chosen or read back from its
/// [`ScoreRecord`].
fn action_of(
    q: &Questionnaire,
    pos: usize,
    option: usize,
    verdict: Verdict,
    impact: f64,
    answers: &Answers,
) -> Action {
    let audience = answers.audience(q);
    let item = &q.items[pos];
    // The one action of a related group whose answers disagree says so,
    // neutrally, instead of accusing or praising one of its answers.
    let conflict = (verdict == Verdict::Change)
        .then(|| {
            conflicting_groups(q, answers)
                .into_iter()
                .find(|g| g.items.contains(&item.id))
        })
        .flatten();
    let unsure = item.options[option].score.is_none();
    let kind = match verdict {
        Verdict::Keep => HeadlineKind::Keep,
        Verdict::Change if unsure => HeadlineKind::FindOut,
        Verdict::Change => HeadlineKind::Change,
        Verdict::Stop => HeadlineKind::Stop,
    };
    Action {
        verdict,
        item: item.id.clone(),
        question: item.text.clone(),
        answer: item.options[option].label.clone(),
        headline: match conflict {
            Some(group) => group.headline.clone(),
            None => item.headline(kind, audience).unwrap_or_default(),
        },
        impact,
    }
}

mod record;
pub use record::{RecordMismatch, ScoreRecord};

#[cfg(test)]
mod tests;
