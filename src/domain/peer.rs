//! Peer statistics: relative performance, peer-group selection and group summaries.
//!
//! Structure: each peer group keeps, per index, its scores in two sorted runs (see
//! [`PeerScores`]): a main run and a small run of recent scores merged into it every
//! 256 inserts. Relative performance ("the share of the peer group that did not
//! score better") is a binary search in each run, O(log n); a percentile is a binary
//! search too. Inserting is cheap even at a million scores, because the big run is
//! only rewritten once per 256 inserts. Groups are found by hashing the
//! respondent's values of the dimensions of each step of the questionnaire's
//! fallback chain, so choosing the group is O(steps).
//!
//! Every figure a report shows (the relative performance, median and top decile of
//! each index, the median of each company number) rests on at least K values of
//! that very figure: a group of K responses where only three gave their win rate
//! does not show a win-rate median. Each figure widens along the fallback chain on
//! its own until its group holds K values, and names the group it came from.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::questionnaire::SubIndex;
use super::scoring::{PerSubIndex, Scorecard};
use super::velocity::CompanyNumbers;

/// The indices peers are compared on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexKind {
    Overall,
    Sub(SubIndex),
    Personal,
}

impl IndexKind {
    pub const ALL: [IndexKind; 6] = [
        IndexKind::Overall,
        IndexKind::Sub(SubIndex::Value),
        IndexKind::Sub(SubIndex::Number),
        IndexKind::Sub(SubIndex::WinRate),
        IndexKind::Sub(SubIndex::SalesCycle),
        IndexKind::Personal,
    ];

    fn position(self) -> usize {
        match self {
            IndexKind::Overall => 0,
            IndexKind::Sub(s) => 1 + s.position(),
            IndexKind::Personal => 5,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            IndexKind::Overall => "overall",
            IndexKind::Sub(s) => s.key(),
            IndexKind::Personal => "personal",
        }
    }

    /// The index's score in a scorecard, if it has one.
    pub fn of(self, card: &Scorecard) -> Option<f64> {
        match self {
            IndexKind::Overall => card.overall.score,
            IndexKind::Sub(s) => card.sub_indices.get(s).score,
            IndexKind::Personal => card.personal.score,
        }
    }
}

/// The most recent scores kept apart from the main sorted run before a merge.
const RECENT_MAX: usize = 256;

/// The scores of one index across a peer group.
///
/// Two sorted runs: the main run, and up to [`RECENT_MAX`] recent scores. A new
/// score goes into the small run (a memmove of at most 2 KiB); when it is full it is
/// merged into the main run in one linear pass, so inserting costs O(n / 256)
/// amortised instead of O(n) each time. A rank is one binary search in each run
/// (O(log n)); the k-th smallest is a binary search over how many of the k come from
/// the small run (O(log 256)).
#[derive(Debug, Clone, Default)]
pub struct PeerScores {
    main: Vec<f64>,
    recent: Vec<f64>,
}

impl PartialEq for PeerScores {
    /// Equal when they hold the same scores, however they are split between runs.
    fn eq(&self, other: &PeerScores) -> bool {
        self.len() == other.len() && self.to_sorted_vec() == other.to_sorted_vec()
    }
}

fn insert_sorted(run: &mut Vec<f64>, score: f64) {
    let at = run.partition_point(|&s| s <= score);
    run.insert(at, score);
}

fn remove_sorted(run: &mut Vec<f64>, score: f64) -> bool {
    let at = run.partition_point(|&s| s < score);
    if run.get(at) == Some(&score) {
        run.remove(at);
        true
    } else {
        false
    }
}

impl PeerScores {
    /// Builds from scores in any order; NaN is not a score and is dropped.
    pub fn from_unsorted(mut scores: Vec<f64>) -> PeerScores {
        scores.retain(|s| !s.is_nan());
        scores.sort_by(f64::total_cmp);
        PeerScores {
            main: scores,
            recent: Vec::new(),
        }
    }

    pub fn insert(&mut self, score: f64) {
        if score.is_nan() {
            return;
        }
        insert_sorted(&mut self.recent, score);
        if self.recent.len() >= RECENT_MAX {
            let mut merged = Vec::with_capacity(self.main.len() + self.recent.len());
            let (mut i, mut j) = (0, 0);
            while i < self.main.len() && j < self.recent.len() {
                if self.main[i] <= self.recent[j] {
                    merged.push(self.main[i]);
                    i += 1;
                } else {
                    merged.push(self.recent[j]);
                    j += 1;
                }
            }
            merged.extend_from_slice(&self.main[i..]);
            merged.extend_from_slice(&self.recent[j..]);
            self.main = merged;
            self.recent.clear();
        }
    }

    /// Removes one occurrence of a score (a deleted response); false if absent.
    pub fn remove(&mut self, score: f64) -> bool {
        remove_sorted(&mut self.recent, score) || remove_sorted(&mut self.main, score)
    }

    pub fn len(&self) -> usize {
        self.main.len() + self.recent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// All scores, sorted (a copy: for summaries and tests, not for hot paths).
    pub fn to_sorted_vec(&self) -> Vec<f64> {
        let mut all = [self.main.as_slice(), self.recent.as_slice()].concat();
        all.sort_by(f64::total_cmp);
        all
    }

    /// How many scores are at or below `score`.
    fn not_better(&self, score: f64) -> usize {
        self.main.partition_point(|&s| s <= score) + self.recent.partition_point(|&s| s <= score)
    }

    /// Percent of the group that did not score better than `score`, the respondent
    /// not being part of the group. `None` for an empty group.
    pub fn relative_performance(&self, score: f64) -> Option<f64> {
        if self.is_empty() {
            return None;
        }
        Some(self.not_better(score) as f64 / self.len() as f64 * 100.0)
    }

    /// The k-th smallest score (0-based), `k < len()`.
    fn kth(&self, k: usize) -> f64 {
        let (a, r) = (&self.main, &self.recent);
        // Take i of the k+1 smallest from `recent` and k+1-i from `main`; find the
        // i at which both runs agree on the boundary.
        let (mut lo, mut hi) = ((k + 1).saturating_sub(a.len()), r.len().min(k + 1));
        while lo < hi {
            let i = (lo + hi) / 2;
            let j = k + 1 - i;
            // Too few from `recent` if its next one is below main's last taken.
            if j > 0 && i < r.len() && r[i] < a[j - 1] {
                lo = i + 1;
            } else {
                hi = i;
            }
        }
        let i = lo;
        let j = k + 1 - i;
        let from_recent = if i > 0 { r[i - 1] } else { f64::MIN };
        let from_main = if j > 0 { a[j - 1] } else { f64::MIN };
        from_recent.max(from_main)
    }

    /// The p-th percentile (0-100) by linear interpolation between closest ranks.
    pub fn percentile(&self, p: f64) -> Option<f64> {
        let n = self.len();
        if n == 0 {
            return None;
        }
        let rank = p.clamp(0.0, 100.0) / 100.0 * (n - 1) as f64;
        let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
        let (a, b) = (self.kth(lo), self.kth(hi));
        Some(a + (b - a) * (rank - lo as f64))
    }

    /// n, mean, median, quartiles and a histogram of ten 10-point bins.
    pub fn summary(&self) -> Option<Summary> {
        Summary::of_sorted(&self.to_sorted_vec())
    }
}

/// The p-th percentile (0-100) of sorted data, by linear interpolation.
pub fn percentile_of_sorted(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = p.clamp(0.0, 100.0) / 100.0 * (n - 1) as f64;
    let lo = rank.floor() as usize;
    let hi = rank.ceil() as usize;
    let frac = rank - lo as f64;
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * frac)
}

/// Number of histogram bins over 0-100.
pub const HISTOGRAM_BINS: usize = 10;

/// A peer group's distribution of one index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub n: usize,
    pub mean: f64,
    pub median: f64,
    pub lower_quartile: f64,
    pub upper_quartile: f64,
    pub min: f64,
    pub max: f64,
    /// Counts per 10-point bin: [0,10), [10,20) ... [90,100].
    pub histogram: [usize; HISTOGRAM_BINS],
}

impl Summary {
    /// Summarises sorted scores; `None` when there are none.
    pub fn of_sorted(sorted: &[f64]) -> Option<Summary> {
        let n = sorted.len();
        if n == 0 {
            return None;
        }
        let mut histogram = [0usize; HISTOGRAM_BINS];
        for &s in sorted {
            histogram[histogram_bin(s)] += 1;
        }
        Some(Summary {
            n,
            mean: sorted.iter().sum::<f64>() / n as f64,
            median: percentile_of_sorted(sorted, 50.0)?,
            lower_quartile: percentile_of_sorted(sorted, 25.0)?,
            upper_quartile: percentile_of_sorted(sorted, 75.0)?,
            min: sorted[0],
            max: sorted[n - 1],
            histogram,
        })
    }
}

/// The histogram bin of a 0-100 score; 100 falls in the last bin.
pub fn histogram_bin(score: f64) -> usize {
    ((score.clamp(0.0, 100.0) / 10.0) as usize).min(HISTOGRAM_BINS - 1)
}

/// The company numbers whose peer medians the report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeerNumber {
    QualifiedOpportunities,
    AverageDealValue,
    WinRate,
    SalesCycleDays,
    QuotaAttainment,
    VelocityPerDay,
    UnitWinRate,
    ValueWinRate,
}

impl PeerNumber {
    pub const ALL: [PeerNumber; 8] = [
        PeerNumber::QualifiedOpportunities,
        PeerNumber::AverageDealValue,
        PeerNumber::WinRate,
        PeerNumber::SalesCycleDays,
        PeerNumber::QuotaAttainment,
        PeerNumber::VelocityPerDay,
        PeerNumber::UnitWinRate,
        PeerNumber::ValueWinRate,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PeerNumber::QualifiedOpportunities => "qualified_opportunities",
            PeerNumber::AverageDealValue => "average_deal_value",
            PeerNumber::WinRate => "win_rate",
            PeerNumber::SalesCycleDays => "sales_cycle_days",
            PeerNumber::QuotaAttainment => "quota_attainment",
            PeerNumber::VelocityPerDay => "velocity_per_day",
            PeerNumber::UnitWinRate => "unit_win_rate",
            PeerNumber::ValueWinRate => "value_win_rate",
        }
    }

    /// The value of this number in a set of company numbers, if they hold what it
    /// needs.
    pub fn of(self, n: &CompanyNumbers) -> Option<f64> {
        match self {
            PeerNumber::QualifiedOpportunities => n.qualified_opportunities,
            PeerNumber::AverageDealValue => n.average_deal_value,
            PeerNumber::WinRate => n.effective_win_rate(),
            PeerNumber::SalesCycleDays => n.sales_cycle_days,
            PeerNumber::QuotaAttainment => n.quota_attainment,
            PeerNumber::VelocityPerDay => n.velocity().map(|v| v.per_day),
            PeerNumber::UnitWinRate => n.win_rates()?.unit,
            PeerNumber::ValueWinRate => n.win_rates()?.value,
        }
    }
}

/// The percentile used as "the top of the peer distribution" for revenue potential.
pub const TOP_PERCENTILE: f64 = 90.0;

/// One completed response as the peer statistics see it.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerRecord {
    /// Dimension name -> option id (`industry` -> `software`).
    pub profile: BTreeMap<String, String>,
    /// Indexed like `IndexKind::ALL`; `None` where there were not enough answers.
    pub scores: [Option<f64>; 6],
    /// Indexed like `PeerNumber::ALL`; `None` where not given.
    pub numbers: [Option<f64>; 8],
}

impl PeerRecord {
    pub fn new(profile: BTreeMap<String, String>, card: &Scorecard) -> PeerRecord {
        let numbers = card.numbers.clone().unwrap_or_default();
        PeerRecord::from_parts(profile, IndexKind::ALL.map(|k| k.of(card)), &numbers)
    }

    /// A record from stored index scores (indexed like `IndexKind::ALL`) and the
    /// company numbers, without a scorecard.
    pub fn from_parts(
        profile: BTreeMap<String, String>,
        scores: [Option<f64>; 6],
        numbers: &CompanyNumbers,
    ) -> PeerRecord {
        PeerRecord {
            profile,
            scores,
            numbers: PeerNumber::ALL.map(|n| n.of(numbers)),
        }
    }
}

/// The scores of all indices of one peer group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeerGroupScores {
    /// Completed responses in the group.
    pub size: usize,
    per_index: [PeerScores; 6],
    per_number: [PeerScores; 8],
}

impl PeerGroupScores {
    pub fn scores(&self, index: IndexKind) -> &PeerScores {
        &self.per_index[index.position()]
    }

    pub fn number(&self, number: PeerNumber) -> &PeerScores {
        &self.per_number[number as usize]
    }

    fn values(&mut self) -> impl Iterator<Item = &mut PeerScores> {
        self.per_index.iter_mut().chain(self.per_number.iter_mut())
    }

    fn add(&mut self, record: &PeerRecord) {
        self.size += 1;
        for (scores, v) in self
            .values()
            .zip(record.scores.iter().chain(&record.numbers))
        {
            if let Some(v) = v {
                scores.insert(*v);
            }
        }
    }

    fn remove(&mut self, record: &PeerRecord) {
        self.size = self.size.saturating_sub(1);
        for (scores, v) in self
            .values()
            .zip(record.scores.iter().chain(&record.numbers))
        {
            if let Some(v) = v {
                scores.remove(*v);
            }
        }
    }
}

/// A chosen peer group: which dimensions define it and how big it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerGroup<'a> {
    /// (dimension, option id) pairs shared with the respondent; empty = everyone.
    pub dimensions: Vec<(String, String)>,
    pub scores: &'a PeerGroupScores,
}

/// All peer groups of every step of the fallback chain, kept up to date as
/// responses arrive.
#[derive(Debug, Clone)]
pub struct PeerIndex {
    chain: Vec<Vec<String>>,
    minimum: usize,
    /// One map per chain step, keyed by the respondent's values of that step's
    /// dimensions.
    groups: Vec<HashMap<Vec<String>, PeerGroupScores>>,
}

impl PeerIndex {
    /// An empty index for a fallback chain and minimum group size K.
    pub fn new(chain: Vec<Vec<String>>, minimum: usize) -> PeerIndex {
        let groups = chain.iter().map(|_| HashMap::new()).collect();
        PeerIndex {
            chain,
            minimum: minimum.max(1),
            groups,
        }
    }

    fn key(step: &[String], profile: &BTreeMap<String, String>) -> Option<Vec<String>> {
        step.iter().map(|d| profile.get(d).cloned()).collect()
    }

    pub fn add(&mut self, record: &PeerRecord) {
        for (step, groups) in self.chain.iter().zip(&mut self.groups) {
            if let Some(key) = PeerIndex::key(step, &record.profile) {
                groups.entry(key).or_default().add(record);
            }
        }
    }

    pub fn remove(&mut self, record: &PeerRecord) {
        for (step, groups) in self.chain.iter().zip(&mut self.groups) {
            if let Some(key) = PeerIndex::key(step, &record.profile)
                && let Some(g) = groups.get_mut(&key)
            {
                g.remove(record);
            }
        }
    }

    /// The first group along the fallback chain with at least K completed
    /// responses, or `None` when even the widest is smaller.
    pub fn select(&self, profile: &BTreeMap<String, String>) -> Option<PeerGroup<'_>> {
        for (step, groups) in self.chain.iter().zip(&self.groups) {
            let Some(key) = PeerIndex::key(step, profile) else {
                continue;
            };
            if let Some(scores) = groups.get(&key)
                && scores.size >= self.minimum
            {
                return Some(PeerGroup {
                    dimensions: step.iter().cloned().zip(key).collect(),
                    scores,
                });
            }
        }
        None
    }

    /// The first group along the fallback chain that holds at least K values of one
    /// figure (`count` says how many a group holds).
    fn select_for(
        &self,
        profile: &BTreeMap<String, String>,
        count: impl Fn(&PeerGroupScores) -> usize,
    ) -> Option<(FigureGroup, &PeerGroupScores)> {
        for (step, groups) in self.chain.iter().zip(&self.groups) {
            let Some(key) = PeerIndex::key(step, profile) else {
                continue;
            };
            if let Some(scores) = groups.get(&key) {
                let n = count(scores);
                if n >= self.minimum {
                    let group = FigureGroup {
                        dimensions: step.iter().cloned().zip(key).collect(),
                        n,
                    };
                    return Some((group, scores));
                }
            }
        }
        None
    }

    /// The standing of a scorecard in its peer group, computed now.
    pub fn standing(
        &self,
        profile: &BTreeMap<String, String>,
        card: &Scorecard,
        computed_on: &str,
    ) -> PeerStanding {
        match self.select(profile) {
            None => PeerStanding {
                dimensions: Vec::new(),
                group_size: 0,
                computed_on: computed_on.to_string(),
                found: false,
                relative: [None; 6],
                medians: [None; 6],
                tops: PerSubIndex::from_fn(|_| None),
                number_medians: BTreeMap::new(),
                index_groups: Default::default(),
                number_groups: BTreeMap::new(),
            },
            Some(group) => {
                let per_index =
                    IndexKind::ALL.map(|k| self.select_for(profile, |g| g.scores(k).len()));
                let relative = IndexKind::ALL.map(|k| {
                    let (_, scores) = per_index[k.position()].as_ref()?;
                    scores.scores(k).relative_performance(k.of(card)?)
                });
                let medians = IndexKind::ALL.map(|k| {
                    let (_, scores) = per_index[k.position()].as_ref()?;
                    scores.scores(k).percentile(50.0)
                });
                let tops = PerSubIndex::from_fn(|s| {
                    let k = IndexKind::Sub(s);
                    let (_, scores) = per_index[k.position()].as_ref()?;
                    scores.scores(k).percentile(TOP_PERCENTILE)
                });
                let mut number_medians = BTreeMap::new();
                let mut number_groups = BTreeMap::new();
                for n in PeerNumber::ALL {
                    let Some((figure, scores)) = self.select_for(profile, |g| g.number(n).len())
                    else {
                        continue;
                    };
                    if let Some(m) = scores.number(n).percentile(50.0) {
                        number_medians.insert(n.key().to_string(), m);
                        number_groups.insert(n.key().to_string(), figure);
                    }
                }
                PeerStanding {
                    dimensions: group.dimensions,
                    group_size: group.scores.size,
                    computed_on: computed_on.to_string(),
                    found: true,
                    relative,
                    medians,
                    tops,
                    number_medians,
                    index_groups: per_index.map(|g| g.map(|(figure, _)| figure)),
                    number_groups,
                }
            }
        }
    }
}

/// The group one figure was computed from: the first step of the fallback chain
/// holding at least K values of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureGroup {
    /// (dimension, option id) pairs that define the group; empty = everyone.
    pub dimensions: Vec<(String, String)>,
    /// How many values of the figure the group holds.
    pub n: usize,
}

/// Where a response stood in its peer group when it was submitted; stored with the
/// response so that its report reads the same tomorrow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerStanding {
    /// Whether a group of at least K responses was found.
    pub found: bool,
    /// (dimension, option id) pairs that define the group; empty = everyone.
    pub dimensions: Vec<(String, String)>,
    pub group_size: usize,
    /// The date (YYYY-MM-DD) the standing was computed.
    pub computed_on: String,
    /// Relative performance per index, indexed like `IndexKind::ALL`.
    pub relative: [Option<f64>; 6],
    /// The group's median per index, indexed like `IndexKind::ALL`.
    pub medians: [Option<f64>; 6],
    /// The group's 90th percentile per sub-index, for revenue potential.
    pub tops: PerSubIndex<Option<f64>>,
    /// The group's median of each company number (`PeerNumber::key`), where at
    /// least K of the group gave it.
    #[serde(default)]
    pub number_medians: BTreeMap<String, f64>,
    /// The group behind each index's figures, indexed like `IndexKind::ALL`; `None`
    /// where no group holds K scores of it, and in standings stored before figures
    /// named their own group (those used the response group throughout).
    #[serde(default)]
    pub index_groups: [Option<FigureGroup>; 6],
    /// The group behind each number median (`PeerNumber::key`).
    #[serde(default)]
    pub number_groups: BTreeMap<String, FigureGroup>,
}

impl PeerStanding {
    /// The standing of a response scored without a peer group (no database).
    pub fn none(computed_on: &str) -> PeerStanding {
        PeerStanding {
            found: false,
            dimensions: Vec::new(),
            group_size: 0,
            computed_on: computed_on.to_string(),
            relative: [None; 6],
            medians: [None; 6],
            tops: PerSubIndex::from_fn(|_| None),
            number_medians: BTreeMap::new(),
            index_groups: Default::default(),
            number_groups: BTreeMap::new(),
        }
    }

    /// The group behind an index's figures: its own, or for a standing stored before
    /// figures named their group, the response group.
    pub fn index_group(&self, index: IndexKind) -> Option<FigureGroup> {
        match &self.index_groups[index.position()] {
            Some(g) => Some(g.clone()),
            None if self.found && self.relative[index.position()].is_some() => Some(FigureGroup {
                dimensions: self.dimensions.clone(),
                n: self.group_size,
            }),
            None => None,
        }
    }

    /// The group behind a number's median, as for [`PeerStanding::index_group`].
    pub fn number_group(&self, number: PeerNumber) -> Option<FigureGroup> {
        match self.number_groups.get(number.key()) {
            Some(g) => Some(g.clone()),
            None if self.number_medians.contains_key(number.key()) => Some(FigureGroup {
                dimensions: self.dimensions.clone(),
                n: self.group_size,
            }),
            None => None,
        }
    }

    pub fn relative_performance(&self, index: IndexKind) -> Option<f64> {
        self.relative[index.position()]
    }

    pub fn median(&self, index: IndexKind) -> Option<f64> {
        self.medians[index.position()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn profile(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn record(pairs: &[(&str, &str)], overall: f64) -> PeerRecord {
        PeerRecord {
            profile: profile(pairs),
            scores: [Some(overall), None, None, None, None, Some(overall)],
            numbers: [None; 8],
        }
    }

    fn chain() -> Vec<Vec<String>> {
        vec![
            vec!["industry".into(), "company_size".into()],
            vec!["industry".into()],
            vec![],
        ]
    }

    #[test]
    fn relative_performance_is_the_share_that_did_not_score_better() {
        let g = PeerScores::from_unsorted(vec![
            50.0, 60.0, 70.0, 80.0, 90.0, 95.0, 40.0, 30.0, 85.0, 99.0,
        ]);
        // 77: seven of the ten scored 77 or less... 30,40,50,60,70 = 5 not better.
        assert_eq!(g.relative_performance(77.0), Some(50.0));
        // A tie does not count as better.
        assert_eq!(g.relative_performance(70.0), Some(50.0));
        assert_eq!(g.relative_performance(100.0), Some(100.0));
        assert_eq!(g.relative_performance(0.0), Some(0.0));
        assert_eq!(PeerScores::default().relative_performance(50.0), None);
    }

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let g = PeerScores::from_unsorted(vec![10.0, 20.0, 30.0, 40.0]);
        assert_eq!(g.percentile(50.0), Some(25.0));
        assert_eq!(g.percentile(0.0), Some(10.0));
        assert_eq!(g.percentile(100.0), Some(40.0));
        let s = g.summary().expect("non-empty");
        assert_eq!(s.n, 4);
        assert_eq!(s.mean, 25.0);
        assert_eq!(s.lower_quartile, 17.5);
        assert_eq!(s.upper_quartile, 32.5);
        assert_eq!(s.histogram[1..5], [1, 1, 1, 1]);
    }

    #[test]
    fn the_peer_group_widens_along_the_chain_until_it_has_k_responses() {
        let mut index = PeerIndex::new(chain(), 3);
        let me = profile(&[("industry", "software"), ("company_size", "small")]);
        index.add(&record(
            &[("industry", "software"), ("company_size", "small")],
            50.0,
        ));
        index.add(&record(
            &[("industry", "software"), ("company_size", "large")],
            60.0,
        ));
        index.add(&record(
            &[("industry", "retail"), ("company_size", "small")],
            70.0,
        ));
        // Software & small: 1, software: 2, everyone: 3.
        let g = index.select(&me).expect("everyone has 3");
        assert!(g.dimensions.is_empty());
        assert_eq!(g.scores.size, 3);

        index.add(&record(
            &[("industry", "software"), ("company_size", "large")],
            65.0,
        ));
        let g = index.select(&me).expect("software has 3");
        assert_eq!(
            g.dimensions,
            vec![("industry".to_string(), "software".to_string())]
        );
        assert_eq!(g.scores.size, 3);

        index.add(&record(
            &[("industry", "software"), ("company_size", "small")],
            55.0,
        ));
        index.add(&record(
            &[("industry", "software"), ("company_size", "small")],
            45.0,
        ));
        let g = index.select(&me).expect("software & small has 3");
        assert_eq!(g.dimensions.len(), 2);
        assert_eq!(
            g.scores.scores(IndexKind::Overall).to_sorted_vec(),
            &[45.0, 50.0, 55.0]
        );
    }

    #[test]
    fn no_group_is_chosen_while_everyone_is_fewer_than_k() {
        let mut index = PeerIndex::new(chain(), 10);
        for i in 0..9 {
            index.add(&record(
                &[("industry", "software"), ("company_size", "small")],
                i as f64,
            ));
        }
        let me = profile(&[("industry", "software"), ("company_size", "small")]);
        assert!(index.select(&me).is_none());
        let card_standing = index.standing(&me, &dummy_card(50.0), "2026-01-01");
        assert!(!card_standing.found);
        assert_eq!(card_standing.relative, [None; 6]);
    }

    #[test]
    fn a_figure_widens_until_its_group_holds_k_scores_of_it() {
        let mut index = PeerIndex::new(chain(), 3);
        let me = profile(&[("industry", "software"), ("company_size", "small")]);
        // Three small software companies, only one with a personal index; three more
        // software companies of another size with one.
        for i in 0..3 {
            let mut r = record(
                &[("industry", "software"), ("company_size", "small")],
                50.0 + f64::from(i),
            );
            if i > 0 {
                r.scores[5] = None;
            }
            index.add(&r);
            index.add(&record(
                &[("industry", "software"), ("company_size", "large")],
                70.0,
            ));
        }
        let standing = index.standing(&me, &dummy_card(60.0), "2026-01-01");
        assert_eq!(standing.group_size, 3);
        let overall = standing.index_group(IndexKind::Overall).expect("overall");
        assert_eq!(overall.dimensions.len(), 2);
        assert_eq!(overall.n, 3);
        let personal = standing.index_group(IndexKind::Personal).expect("personal");
        assert_eq!(
            personal.dimensions,
            vec![("industry".to_string(), "software".to_string())]
        );
        assert_eq!(personal.n, 4);
        assert_eq!(standing.median(IndexKind::Personal), Some(70.0));
        // No sub-index was scored by anyone: no figure at all, rather than one on
        // fewer than K scores.
        assert_eq!(standing.median(IndexKind::Sub(SubIndex::Value)), None);
        assert_eq!(standing.index_group(IndexKind::Sub(SubIndex::Value)), None);
    }

    #[test]
    fn a_removed_response_leaves_every_group() {
        let mut index = PeerIndex::new(chain(), 1);
        let r = record(&[("industry", "software"), ("company_size", "small")], 42.0);
        index.add(&r);
        index.remove(&r);
        let me = profile(&[("industry", "software"), ("company_size", "small")]);
        let g = index.select(&me);
        assert!(g.is_none_or(|g| g.scores.size == 0));
    }

    fn dummy_card(overall: f64) -> Scorecard {
        use super::super::scoring::{Answered, IndexScore};
        let idx = |s: f64| IndexScore {
            score: Some(s),
            category: None,
            coverage: 100.0,
        };
        Scorecard {
            questionnaire_id: "t".into(),
            questionnaire_version: 1,
            overall: idx(overall),
            sub_indices: PerSubIndex::from_fn(|_| idx(overall)),
            personal: idx(overall),
            revenue_potential: PerSubIndex::from_fn(|_| None),
            actions: vec![],
            answered: Answered {
                scored_items: 0,
                scored_items_answered: 0,
                dont_know: 0,
            },
            numbers: None,
            velocity: None,
            win_rate: None,
        }
    }

    proptest! {
        #[test]
        fn relative_performance_equals_a_brute_force_count(
            scores in prop::collection::vec(0.0f64..=100.0, 1..700),
            probe in 0.0f64..=100.0,
            pick in any::<prop::sample::Index>(),
        ) {
            // Built one by one, so that both runs hold scores.
            let mut group = PeerScores::default();
            for &s in &scores {
                group.insert(s);
            }
            for s in [probe, scores[pick.index(scores.len())]] {
                let brute = scores.iter().filter(|&&x| x <= s).count() as f64
                    / scores.len() as f64 * 100.0;
                prop_assert_eq!(group.relative_performance(s), Some(brute));
            }
        }

        #[test]
        fn inserting_one_by_one_equals_sorting_at_once(
            // Past 256 inserts the recent run is merged into the main one.
            scores in prop::collection::vec(prop_oneof![0.0f64..=100.0, (0u8..=4).prop_map(|q| f64::from(q) * 25.0)], 0..1200),
        ) {
            let mut incremental = PeerScores::default();
            for &s in &scores {
                incremental.insert(s);
            }
            let at_once = PeerScores::from_unsorted(scores.clone());
            prop_assert_eq!(incremental.to_sorted_vec(), at_once.to_sorted_vec());
            for p in [0.0, 10.0, 25.0, 50.0, 90.0, 100.0] {
                prop_assert_eq!(incremental.percentile(p), at_once.percentile(p));
            }
            for &s in &scores {
                prop_assert_eq!(incremental.relative_performance(s), at_once.relative_performance(s));
            }
        }

        #[test]
        fn summaries_are_ordered_and_count_everyone(
            scores in prop::collection::vec(0.0f64..=100.0, 1..200),
        ) {
            let s = PeerScores::from_unsorted(scores.clone()).summary().expect("non-empty");
            prop_assert_eq!(s.n, scores.len());
            prop_assert!(s.min <= s.lower_quartile && s.lower_quartile <= s.median);
            prop_assert!(s.median <= s.upper_quartile && s.upper_quartile <= s.max);
            prop_assert!(s.min <= s.mean + 1e-9 && s.mean <= s.max + 1e-9);
            prop_assert_eq!(s.histogram.iter().sum::<usize>(), scores.len());
        }
    }
}
