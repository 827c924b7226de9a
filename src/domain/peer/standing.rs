//! A response's standing in its peer group, frozen when it was submitted.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::named::PerIndex;
use super::{IndexKind, PeerNumber};
use crate::scoring::PerSubIndex;

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
    /// Relative performance per index. Standings stored before indices were named
    /// hold a positional array here, which is read in `IndexKind::ALL` order.
    pub relative: PerIndex<Option<f64>>,
    /// The group's median per index (read from arrays as `relative` is).
    pub medians: PerIndex<Option<f64>>,
    /// The group's 90th percentile per sub-index, for revenue potential.
    pub tops: PerSubIndex<Option<f64>>,
    /// The group's median of each company number (`PeerNumber::key`), where at
    /// least K of the group gave it.
    #[serde(default)]
    pub number_medians: BTreeMap<String, f64>,
    /// The group behind each index's figures; `None`
    /// where no group holds K scores of it, and in standings stored before figures
    /// named their own group (those used the response group throughout).
    #[serde(default)]
    pub index_groups: PerIndex<Option<FigureGroup>>,
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
            relative: PerIndex::default(),
            medians: PerIndex::default(),
            tops: PerSubIndex::from_fn(|_| None),
            number_medians: BTreeMap::new(),
            index_groups: Default::default(),
            number_groups: BTreeMap::new(),
        }
    }

    /// The group behind an index's figures: its own, or for a standing stored before
    /// figures named their group, the response group.
    pub fn index_group(&self, index: IndexKind) -> Option<FigureGroup> {
        match self.index_groups.get(index) {
            Some(g) => Some(g.clone()),
            None if self.found && self.relative.get(index).is_some() => Some(FigureGroup {
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
        *self.relative.get(index)
    }

    pub fn median(&self, index: IndexKind) -> Option<f64> {
        *self.medians.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::SubIndex;

    #[test]
    fn a_standing_is_stored_with_indices_by_name() {
        let mut standing = PeerStanding::none("2026-01-01");
        standing.found = true;
        standing.relative.win_rate = Some(70.0);
        standing.medians.overall = Some(55.0);
        standing.index_groups.win_rate = Some(FigureGroup {
            dimensions: vec![("industry".into(), "software".into())],
            n: 12,
        });
        let json = serde_json::to_value(&standing).expect("json");
        assert_eq!(json["relative"]["win_rate"], 70.0);
        assert_eq!(json["relative"]["overall"], serde_json::Value::Null);
        assert_eq!(json["medians"]["overall"], 55.0);
        assert_eq!(json["index_groups"]["win_rate"]["n"], 12);
        let back: PeerStanding = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, standing);
    }

    #[test]
    fn a_standing_stored_with_positional_arrays_reads_by_index() {
        // As every standing was written before indices were named.
        let legacy = r#"{
            "found": true,
            "dimensions": [["industry", "software"]],
            "group_size": 40,
            "computed_on": "2025-06-01",
            "relative": [61.0, 62.0, 63.0, 64.0, 65.0, 66.0],
            "medians": [51.0, 52.0, 53.0, 54.0, 55.0, null],
            "tops": {"value": 90.0, "number": 91.0, "win_rate": 92.0, "sales_cycle": 93.0},
            "number_medians": {"win_rate": 0.3},
            "index_groups": [null, null, {"dimensions": [], "n": 300}, null, null, null],
            "number_groups": {}
        }"#;
        let standing: PeerStanding = serde_json::from_str(legacy).expect("legacy standing");
        assert_eq!(
            standing.relative_performance(IndexKind::Overall),
            Some(61.0)
        );
        assert_eq!(
            standing.relative_performance(IndexKind::Sub(SubIndex::SalesCycle)),
            Some(65.0)
        );
        assert_eq!(
            standing.relative_performance(IndexKind::Personal),
            Some(66.0)
        );
        assert_eq!(standing.median(IndexKind::Sub(SubIndex::Value)), Some(52.0));
        assert_eq!(standing.median(IndexKind::Personal), None);
        let number = standing
            .index_group(IndexKind::Sub(SubIndex::Number))
            .expect("own group");
        assert_eq!(number.n, 300);
        // No group stored for the others: the response group, as before.
        let overall = standing.index_group(IndexKind::Overall).expect("group");
        assert_eq!(overall.n, 40);
        // Written again, it is by name.
        let json = serde_json::to_value(&standing).expect("json");
        assert_eq!(json["relative"]["personal"], 66.0);
        assert_eq!(json["index_groups"]["number"]["n"], 300);
        // Stored before figures named their group: no index_groups at all.
        let older = legacy.replace(
            r#""index_groups": [null, null, {"dimensions": [], "n": 300}, null, null, null],"#,
            "",
        );
        let standing: PeerStanding = serde_json::from_str(&older).expect("older standing");
        assert_eq!(standing.index_groups, PerIndex::default());
    }
}
