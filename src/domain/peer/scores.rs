//! The scores of one figure across a group, and the statistics read from them.
//!
//! [`PeerScores`] holds one figure's values in one finest peer group, as two sorted
//! runs; [`PeerRuns`] is a read-only view over the runs of several such groups, so
//! that a coarser group is answered without a copy of its values: a rank is a sum of
//! binary searches, a percentile an exact k-th selection across the runs.

use serde::{Deserialize, Serialize};

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

/// Negative zero compares equal to zero but sorts apart from it by `total_cmp`;
/// holding it as zero keeps one order for sorting and searching.
fn normalised(score: f64) -> f64 {
    score + 0.0
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
        for s in &mut scores {
            *s = normalised(*s);
        }
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
        insert_sorted(&mut self.recent, normalised(score));
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

    /// The runs as slices, the empty ones left out.
    pub fn runs(&self) -> impl Iterator<Item = &[f64]> {
        [self.main.as_slice(), self.recent.as_slice()]
            .into_iter()
            .filter(|r| !r.is_empty())
    }

    /// Bytes of memory the runs hold, from their capacities.
    pub fn heap_bytes(&self) -> usize {
        (self.main.capacity() + self.recent.capacity()) * std::mem::size_of::<f64>()
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
        kth_of_two(&self.main, &self.recent, k)
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

/// The scores of one figure across several finest groups: their sorted runs,
/// borrowed, never copied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeerRuns<'a> {
    runs: Vec<&'a [f64]>,
    len: usize,
}

impl<'a> PeerRuns<'a> {
    /// The runs of these groups' scores.
    pub fn of(groups: impl IntoIterator<Item = &'a PeerScores>) -> PeerRuns<'a> {
        let runs: Vec<&[f64]> = groups.into_iter().flat_map(PeerScores::runs).collect();
        let len = runs.iter().map(|r| r.len()).sum();
        PeerRuns { runs, len }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// All scores, sorted (a copy: for summaries and tests, not for hot paths).
    pub fn to_sorted_vec(&self) -> Vec<f64> {
        let mut all = self.runs.concat();
        all.sort_by(f64::total_cmp);
        all
    }

    /// Percent of the scores at or below `score` (see
    /// [`PeerScores::relative_performance`]); `None` when there are none.
    pub fn relative_performance(&self, score: f64) -> Option<f64> {
        if self.is_empty() {
            return None;
        }
        let not_better: usize = self
            .runs
            .iter()
            .map(|r| r.partition_point(|&s| s <= score))
            .sum();
        Some(not_better as f64 / self.len as f64 * 100.0)
    }

    /// As [`PeerRuns::relative_performance`], over the scores without `own`
    /// (scores that are part of these runs, such as a team's own members, who
    /// are not their own peers); `None` when no other score is left.
    pub fn relative_performance_without(&self, score: f64, own: &[f64]) -> Option<f64> {
        let len = self.len.checked_sub(own.len()).filter(|&n| n > 0)?;
        let not_better: usize = self
            .runs
            .iter()
            .map(|r| r.partition_point(|&s| s <= score))
            .sum();
        let own_not_better = own.iter().filter(|&&s| s <= score).count();
        Some(not_better.saturating_sub(own_not_better) as f64 / len as f64 * 100.0)
    }

    /// The p-th percentile (0-100) by linear interpolation between closest ranks,
    /// exactly as over the scores sorted in one run.
    pub fn percentile(&self, p: f64) -> Option<f64> {
        let n = self.len;
        if n == 0 {
            return None;
        }
        let rank = p.clamp(0.0, 100.0) / 100.0 * (n - 1) as f64;
        let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
        let a = kth_of_runs(&self.runs, lo, SELECT_IN_PLACE);
        let b = if hi == lo { a } else { self.next_after(a, hi) };
        Some(a + (b - a) * (rank - lo as f64))
    }
}

/// The k-th smallest value (0-based) of two sorted runs holding more than k values
/// together: a binary search over how many of the k+1 smallest come from `r`.
fn kth_of_two(a: &[f64], r: &[f64], k: usize) -> f64 {
    // Take i of the k+1 smallest from `r` and k+1-i from `a`; find the i at which
    // both runs agree on the boundary.
    let (mut lo, mut hi) = ((k + 1).saturating_sub(a.len()), r.len().min(k + 1));
    while lo < hi {
        let i = (lo + hi) / 2;
        let j = k + 1 - i;
        // Too few from `r` if its next one is below a's last taken.
        if j > 0 && i < r.len() && r[i] < a[j - 1] {
            lo = i + 1;
        } else {
            hi = i;
        }
    }
    let i = lo;
    let j = k + 1 - i;
    let from_r = if i > 0 { r[i - 1] } else { f64::MIN };
    let from_a = if j > 0 { a[j - 1] } else { f64::MIN };
    from_r.max(from_a)
}

impl PeerRuns<'_> {
    /// The `rank`-th smallest value (0-based) given that `below` is the one ranked
    /// just before it: `below` again if it occurs that often, else the smallest
    /// value above it in any run. One binary search per run instead of a second
    /// selection.
    fn next_after(&self, below: f64, rank: usize) -> f64 {
        let mut at_most = 0;
        let mut next = f64::INFINITY;
        for run in &self.runs {
            let at = run.partition_point(|&s| s <= below);
            at_most += at;
            if let Some(&v) = run.get(at) {
                next = next.min(v);
            }
        }
        if at_most > rank { below } else { next }
    }
}

/// Below this many values left, they are copied out and selected in one pass:
/// cheaper than more rounds of binary searches over many runs.
const SELECT_IN_PLACE: usize = 4096;

/// The k-th smallest value (0-based) across sorted runs holding more than k values;
/// once at most `in_place` values are left, they are selected in one pass.
///
/// Each round takes as pivot the weighted median of the medians of what is left of
/// each run, counts the values below and at it with a binary search per run, and
/// keeps only the side the k-th value is on. At least a quarter of what is left lies
/// on each side of such a pivot, so the rounds are O(log n), each O(m log n) for m
/// runs; the pivot itself always leaves, so the loop ends.
fn kth_of_runs(runs: &[&[f64]], k: usize, in_place: usize) -> f64 {
    let mut windows: Vec<&[f64]> = runs.iter().copied().filter(|r| !r.is_empty()).collect();
    let mut k = k;
    let mut medians: Vec<(f64, usize)> = Vec::with_capacity(windows.len());
    let mut cuts: Vec<(usize, usize)> = Vec::with_capacity(windows.len());
    loop {
        windows.retain(|w| !w.is_empty());
        match windows.as_slice() {
            // Only if k was not below the number of values, which callers rule out.
            [] => return f64::NAN,
            [only] => return only[k.min(only.len() - 1)],
            [a, b] if k < a.len() + b.len() => return kth_of_two(a, b, k),
            _ => {}
        }
        let left: usize = windows.iter().map(|w| w.len()).sum();
        if left <= in_place {
            let mut rest = windows.concat();
            let at = k.min(rest.len() - 1);
            let (_, v, _) = rest.select_nth_unstable_by(at, f64::total_cmp);
            return *v;
        }
        medians.clear();
        medians.extend(windows.iter().map(|w| (w[w.len() / 2], w.len())));
        medians.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut seen = 0;
        let mut pivot = medians[medians.len() - 1].0;
        for &(m, weight) in &medians {
            seen += weight;
            if 2 * seen >= left {
                pivot = m;
                break;
            }
        }
        cuts.clear();
        cuts.extend(windows.iter().map(|w| {
            (
                w.partition_point(|&s| s < pivot),
                w.partition_point(|&s| s <= pivot),
            )
        }));
        let below: usize = cuts.iter().map(|c| c.0).sum();
        let at_most: usize = cuts.iter().map(|c| c.1).sum();
        if k < below {
            for (w, c) in windows.iter_mut().zip(&cuts) {
                *w = &w[..c.0];
            }
        } else if k < at_most {
            return pivot;
        } else {
            k -= at_most;
            for (w, c) in windows.iter_mut().zip(&cuts) {
                *w = &w[c.1..];
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn relative_performance_is_the_share_that_did_not_score_better() {
        let g = PeerScores::from_unsorted(vec![
            50.0, 60.0, 70.0, 80.0, 90.0, 95.0, 40.0, 30.0, 85.0, 99.0,
        ]);
        // 77: 30, 40, 50, 60 and 70 did not score better: five of ten.
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
    fn runs_of_several_groups_answer_as_one_sorted_group() {
        let a = PeerScores::from_unsorted(vec![10.0, 40.0, 70.0]);
        let b = PeerScores::from_unsorted(vec![20.0, 30.0]);
        let c = PeerScores::default();
        let runs = PeerRuns::of([&a, &b, &c]);
        assert_eq!(runs.len(), 5);
        assert_eq!(runs.percentile(50.0), Some(30.0));
        assert_eq!(runs.percentile(90.0), Some(58.0));
        assert_eq!(runs.relative_performance(35.0), Some(60.0));
        assert_eq!(PeerRuns::of([&c]).percentile(50.0), None);
    }

    #[test]
    fn a_teams_own_scores_are_left_out_of_its_standing() {
        let a = PeerScores::from_unsorted(vec![10.0, 40.0, 70.0]);
        let b = PeerScores::from_unsorted(vec![20.0, 30.0]);
        let runs = PeerRuns::of([&a, &b]);
        // Without 20 and 70: 10, 30, 40; two of three not better than 35.
        let without = runs.relative_performance_without(35.0, &[20.0, 70.0]);
        let expected = PeerRuns::of([&PeerScores::from_unsorted(vec![10.0, 30.0, 40.0])])
            .relative_performance(35.0);
        assert_eq!(without, expected);
        assert_eq!(
            runs.relative_performance_without(35.0, &[10.0, 20.0, 30.0, 40.0, 70.0]),
            None
        );
    }

    fn brute_percentile(values: &[f64], p: f64) -> Option<f64> {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        percentile_of_sorted(&sorted, p)
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
        fn selection_across_runs_equals_sorting_everything(
            // Coarse values make ties across runs common.
            groups in prop::collection::vec(
                prop::collection::vec(prop_oneof![0.0f64..=100.0, (0u8..=8).prop_map(|q| f64::from(q) * 12.5)], 0..400),
                1..12,
            ),
            p in 0.0f64..=100.0,
            probe in 0.0f64..=100.0,
        ) {
            let built: Vec<PeerScores> = groups
                .iter()
                .map(|g| {
                    let mut s = PeerScores::default();
                    for &v in g {
                        s.insert(v);
                    }
                    s
                })
                .collect();
            let runs = PeerRuns::of(&built);
            let all: Vec<f64> = groups.concat();
            prop_assert_eq!(runs.len(), all.len());
            for q in [p, 0.0, 50.0, 90.0, 100.0] {
                prop_assert_eq!(runs.percentile(q), brute_percentile(&all, q));
            }
            if !all.is_empty() {
                let brute = all.iter().filter(|&&x| x <= probe).count() as f64
                    / all.len() as f64 * 100.0;
                prop_assert_eq!(runs.relative_performance(probe), Some(brute));
            }
            let mut sorted = all.clone();
            sorted.sort_by(f64::total_cmp);
            prop_assert_eq!(runs.to_sorted_vec(), sorted);
        }

        #[test]
        fn selection_by_rounds_alone_equals_sorting_everything(
            runs in prop::collection::vec(
                prop::collection::vec(prop_oneof![0.0f64..=100.0, (0u8..=8).prop_map(|q| f64::from(q) * 12.5)], 0..300)
                    .prop_map(|mut r| { r.sort_by(f64::total_cmp); r }),
                1..10,
            ),
            pick in any::<prop::sample::Index>(),
        ) {
            let mut all: Vec<f64> = runs.concat();
            prop_assume!(!all.is_empty());
            all.sort_by(f64::total_cmp);
            let k = pick.index(all.len());
            let slices: Vec<&[f64]> = runs.iter().map(Vec::as_slice).collect();
            prop_assert_eq!(kth_of_runs(&slices, k, 0), all[k]);
            prop_assert_eq!(kth_of_runs(&slices, k, 64), all[k]);
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
