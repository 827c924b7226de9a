//! The peer index: every completed response's scores, grouped for peer figures.
//!
//! Each response is held once, in its finest group: the group of its values of
//! every dimension any step of the fallback chain uses (industry and company size
//! for the study's chain). A step's group (say, one industry) is the finest groups
//! it covers, listed once when a finest group first appears; its figures are read
//! across their sorted runs without copying them (see [`PeerRuns`]). So a million
//! responses cost one copy of their values, not one per fallback step, and a new
//! response is one insert into one group's small run of recent values.
//!
//! Every figure a report shows (the relative performance, median and top decile of
//! each index, the median of each company number) rests on at least K values of
//! that very figure: a group of K responses where only three gave their win rate
//! does not show a win-rate median. Each figure widens along the fallback chain on
//! its own until its group holds K values, and names the group it came from.

use std::collections::{BTreeMap, HashMap};

use super::named::{PerIndex, PerNumber};
use super::scores::{PeerRuns, PeerScores};
use super::standing::{FigureGroup, PeerStanding};
use super::{IndexKind, PeerNumber, TOP_PERCENTILE};
use crate::questionnaire::Questionnaire;
use crate::scoring::{PerSubIndex, Scorecard};
use crate::velocity::CompanyNumbers;

/// One completed response as the peer statistics see it.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerRecord {
    /// Dimension name -> option id (`industry` -> `software`).
    pub profile: BTreeMap<String, String>,
    /// `None` where there were not enough answers.
    pub scores: PerIndex<Option<f64>>,
    /// `None` where not given.
    pub numbers: PerNumber<Option<f64>>,
}

impl PeerRecord {
    /// The record of a scored response of questionnaire `q`.
    pub fn new(
        q: &Questionnaire,
        profile: BTreeMap<String, String>,
        card: &Scorecard,
    ) -> PeerRecord {
        let numbers = card.numbers.clone().unwrap_or_default();
        PeerRecord {
            profile,
            scores: PerIndex::from_fn(|k| k.of(card)),
            numbers: PeerRecord::numbers_of(q, &numbers),
        }
    }

    /// The figures of each company number the peer index holds, read by `q`'s
    /// rules (a counted win rate only from enough deals decided).
    pub fn numbers_of(q: &Questionnaire, numbers: &CompanyNumbers) -> PerNumber<Option<f64>> {
        PerNumber::from_fn(|n| n.of(numbers, q.minimum_decided_deals))
    }
}

/// The scores of all indices and numbers of one finest peer group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeerGroupScores {
    /// Completed responses in the group.
    pub size: usize,
    per_index: PerIndex<PeerScores>,
    per_number: PerNumber<PeerScores>,
}

impl PeerGroupScores {
    pub fn scores(&self, index: IndexKind) -> &PeerScores {
        self.per_index.get(index)
    }

    pub fn number(&self, number: PeerNumber) -> &PeerScores {
        self.per_number.get(number)
    }

    fn add(&mut self, record: &PeerRecord) {
        self.size += 1;
        for (k, v) in record.scores.iter() {
            if let Some(v) = v {
                self.per_index.get_mut(k).insert(*v);
            }
        }
        for (n, v) in record.numbers.iter() {
            if let Some(v) = v {
                self.per_number.get_mut(n).insert(*v);
            }
        }
    }

    fn remove(&mut self, record: &PeerRecord) {
        self.size = self.size.saturating_sub(1);
        for (k, v) in record.scores.iter() {
            if let Some(v) = v {
                self.per_index.get_mut(k).remove(*v);
            }
        }
        for (n, v) in record.numbers.iter() {
            if let Some(v) = v {
                self.per_number.get_mut(n).remove(*v);
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        self.per_index
            .values()
            .chain(self.per_number.values())
            .map(PeerScores::heap_bytes)
            .sum()
    }
}

/// The scores of a peer group of any step, read across the finest groups it covers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupScores<'a> {
    /// Completed responses in the group.
    pub size: usize,
    per_index: PerIndex<PeerRuns<'a>>,
    per_number: PerNumber<PeerRuns<'a>>,
}

impl<'a> GroupScores<'a> {
    fn of(finest: &[&'a PeerGroupScores]) -> GroupScores<'a> {
        GroupScores {
            size: finest.iter().map(|g| g.size).sum(),
            per_index: PerIndex::from_fn(|k| PeerRuns::of(finest.iter().map(|g| g.scores(k)))),
            per_number: PerNumber::from_fn(|n| PeerRuns::of(finest.iter().map(|g| g.number(n)))),
        }
    }

    pub fn scores(&self, index: IndexKind) -> &PeerRuns<'a> {
        self.per_index.get(index)
    }

    pub fn number(&self, number: PeerNumber) -> &PeerRuns<'a> {
        self.per_number.get(number)
    }
}

/// A chosen peer group: which dimensions define it and how big it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerGroup<'a> {
    /// (dimension, option id) pairs shared with the respondent; empty = everyone.
    pub dimensions: Vec<(String, String)>,
    pub scores: GroupScores<'a>,
}

/// The finest peer groups, and which of them each step's groups cover, kept up to
/// date as responses arrive.
#[derive(Debug, Clone)]
pub struct PeerIndex {
    chain: Vec<Vec<String>>,
    minimum: usize,
    /// Every dimension any step uses, in order of first use: a finest group's key
    /// holds a response's value of each (`None` where it gave none).
    finest: Vec<String>,
    /// Per step, where each of its dimensions sits in `finest`.
    step_at: Vec<Vec<usize>>,
    groups: Vec<PeerGroupScores>,
    /// A finest group's key -> its place in `groups`.
    by_key: HashMap<Vec<Option<String>>, usize>,
    /// Per step: the values of the step's dimensions -> the finest groups with them.
    covers: Vec<HashMap<Vec<String>, Vec<usize>>>,
}

impl PeerIndex {
    /// An empty index for a fallback chain and minimum group size K.
    pub fn new(chain: Vec<Vec<String>>, minimum: usize) -> PeerIndex {
        let mut finest: Vec<String> = Vec::new();
        for d in chain.iter().flatten() {
            if !finest.contains(d) {
                finest.push(d.clone());
            }
        }
        let step_at = chain
            .iter()
            .map(|step| {
                step.iter()
                    .filter_map(|d| finest.iter().position(|f| f == d))
                    .collect()
            })
            .collect();
        PeerIndex {
            covers: chain.iter().map(|_| HashMap::new()).collect(),
            chain,
            minimum: minimum.max(1),
            finest,
            step_at,
            groups: Vec::new(),
            by_key: HashMap::new(),
        }
    }

    fn finest_key(&self, profile: &BTreeMap<String, String>) -> Vec<Option<String>> {
        self.finest
            .iter()
            .map(|d| profile.get(d).cloned())
            .collect()
    }

    /// The values of a step's dimensions in a finest key, if it has them all.
    fn step_key(&self, step: usize, key: &[Option<String>]) -> Option<Vec<String>> {
        self.step_at[step].iter().map(|&i| key[i].clone()).collect()
    }

    pub fn add(&mut self, record: &PeerRecord) {
        let key = self.finest_key(&record.profile);
        let at = match self.by_key.get(&key) {
            Some(&at) => at,
            None => {
                let step_keys: Vec<Option<Vec<String>>> = (0..self.chain.len())
                    .map(|step| self.step_key(step, &key))
                    .collect();
                // A response no step would count is not kept.
                if step_keys.iter().all(Option::is_none) {
                    return;
                }
                let at = self.groups.len();
                self.groups.push(PeerGroupScores::default());
                for (covers, step_key) in self.covers.iter_mut().zip(step_keys) {
                    if let Some(step_key) = step_key {
                        covers.entry(step_key).or_default().push(at);
                    }
                }
                self.by_key.insert(key, at);
                at
            }
        };
        self.groups[at].add(record);
    }

    pub fn remove(&mut self, record: &PeerRecord) {
        let key = self.finest_key(&record.profile);
        if let Some(&at) = self.by_key.get(&key) {
            self.groups[at].remove(record);
        }
    }

    /// Along the fallback chain: each step's group of this profile, as its
    /// dimensions and the finest groups it covers.
    fn steps<'s>(
        &'s self,
        profile: &BTreeMap<String, String>,
    ) -> impl Iterator<Item = (Vec<(String, String)>, Vec<&'s PeerGroupScores>)> {
        self.chain
            .iter()
            .zip(&self.covers)
            .filter_map(move |(step, covers)| {
                let key: Vec<String> = step
                    .iter()
                    .map(|d| profile.get(d).cloned())
                    .collect::<Option<_>>()?;
                let finest = covers
                    .get(&key)
                    .map(|ids| ids.iter().map(|&i| &self.groups[i]).collect())
                    .unwrap_or_default();
                Some((step.iter().cloned().zip(key).collect(), finest))
            })
    }

    /// The profile's group at every step of the fallback chain whose dimensions it
    /// gave, finest first, whatever their size.
    pub fn groups_along(
        &self,
        profile: &BTreeMap<String, String>,
    ) -> impl Iterator<Item = PeerGroup<'_>> {
        self.steps(profile).map(|(dimensions, finest)| PeerGroup {
            dimensions,
            scores: GroupScores::of(&finest),
        })
    }

    /// The first group along the fallback chain with at least K completed
    /// responses, or `None` when even the widest is smaller.
    pub fn select(&self, profile: &BTreeMap<String, String>) -> Option<PeerGroup<'_>> {
        self.steps(profile).find_map(|(dimensions, finest)| {
            let size: usize = finest.iter().map(|g| g.size).sum();
            (size >= self.minimum).then(|| PeerGroup {
                dimensions,
                scores: GroupScores::of(&finest),
            })
        })
    }

    /// The first group along the fallback chain that holds at least K values of one
    /// figure (`values` picks the figure's scores in a finest group), with those
    /// values.
    fn select_for<'s>(
        &'s self,
        profile: &BTreeMap<String, String>,
        values: impl Fn(&'s PeerGroupScores) -> &'s PeerScores,
    ) -> Option<(FigureGroup, PeerRuns<'s>)> {
        self.steps(profile).find_map(|(dimensions, finest)| {
            let n: usize = finest.iter().map(|g| values(g).len()).sum();
            (n >= self.minimum).then(|| {
                let runs = PeerRuns::of(finest.iter().map(|g| values(g)));
                (FigureGroup { dimensions, n }, runs)
            })
        })
    }

    /// The standing of a scorecard in its peer group, computed now.
    pub fn standing(
        &self,
        profile: &BTreeMap<String, String>,
        card: &Scorecard,
        computed_on: &str,
    ) -> PeerStanding {
        let Some((dimensions, finest)) = self
            .steps(profile)
            .find(|(_, finest)| finest.iter().map(|g| g.size).sum::<usize>() >= self.minimum)
        else {
            return PeerStanding::none(computed_on);
        };
        let per_index = PerIndex::from_fn(|k| self.select_for(profile, |g| g.scores(k)));
        let relative = per_index.map(|k, figure| {
            let (_, runs) = figure.as_ref()?;
            runs.relative_performance(k.of(card)?)
        });
        let medians = per_index.map(|_, figure| figure.as_ref()?.1.percentile(50.0));
        let tops = PerSubIndex::from_fn(|s| {
            let (_, runs) = per_index.get(IndexKind::Sub(s)).as_ref()?;
            runs.percentile(TOP_PERCENTILE)
        });
        let mut number_medians = BTreeMap::new();
        let mut number_groups = BTreeMap::new();
        for n in PeerNumber::ALL {
            let Some((figure, runs)) = self.select_for(profile, |g| g.number(n)) else {
                continue;
            };
            if let Some(m) = runs.percentile(50.0) {
                number_medians.insert(n.key().to_string(), m);
                number_groups.insert(n.key().to_string(), figure);
            }
        }
        PeerStanding {
            dimensions,
            group_size: finest.iter().map(|g| g.size).sum(),
            computed_on: computed_on.to_string(),
            found: true,
            relative,
            medians,
            tops,
            number_medians,
            index_groups: per_index.map(|_, figure| figure.as_ref().map(|(g, _)| g.clone())),
            number_groups,
        }
    }

    /// Completed responses held (each once, in its finest group).
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.size).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes of memory the index holds beyond its own struct, counted from the
    /// lengths and capacities of what it owns: the score runs, and the finest
    /// groups with their keys and step lists.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let values: usize = self.groups.iter().map(PeerGroupScores::heap_bytes).sum();
        let groups = self.groups.capacity() * size_of::<PeerGroupScores>();
        let strings = |key: &[String]| -> usize { key.iter().map(String::capacity).sum() };
        let keys: usize = self
            .by_key
            .keys()
            .map(|k| {
                k.capacity() * size_of::<Option<String>>()
                    + k.iter().flatten().map(String::capacity).sum::<usize>()
            })
            .sum::<usize>()
            + self.by_key.capacity() * (size_of::<Vec<Option<String>>>() + size_of::<usize>());
        let covers: usize = self
            .covers
            .iter()
            .map(|c| {
                c.capacity() * (size_of::<Vec<String>>() + size_of::<Vec<usize>>())
                    + c.iter()
                        .map(|(k, ids)| {
                            k.capacity() * size_of::<String>()
                                + strings(k)
                                + ids.capacity() * size_of::<usize>()
                        })
                        .sum::<usize>()
            })
            .sum();
        values + groups + keys + covers
    }
}
