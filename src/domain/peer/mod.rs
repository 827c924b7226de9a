//! Peer statistics: relative performance, peer-group selection and group summaries.
//!
//! - [`named`]: values per index and per company number, by name ([`PerIndex`],
//!   [`PerNumber`]), in code, in stored JSON and in the API.
//! - [`scores`]: one figure's values in sorted runs, ranks and exact percentiles
//!   across several groups' runs, and distribution summaries.
//! - [`index`]: the peer index, each response held once in its finest group, and
//!   how a peer group is chosen along the questionnaire's fallback chain.
//! - [`standing`]: where a response stood in its group, frozen at submission.

use serde::{Deserialize, Serialize};

use super::questionnaire::SubIndex;
use super::scoring::Scorecard;
use super::velocity::CompanyNumbers;

pub mod index;
pub mod named;
pub mod scores;
pub mod standing;
#[cfg(test)]
mod tests;

pub use index::{GroupScores, PeerGroup, PeerGroupScores, PeerIndex, PeerRecord};
pub use named::{PerIndex, PerNumber};
pub use scores::{
    HISTOGRAM_BINS, PeerRuns, PeerScores, Summary, histogram_bin, percentile_of_sorted,
};
pub use standing::{FigureGroup, PeerStanding};

/// The indices peers are compared on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexKind {
    Overall,
    Sub(SubIndex),
    Personal,
}

impl IndexKind {
    /// Every index, in display order.
    pub const ALL: [IndexKind; 6] = [
        IndexKind::Overall,
        IndexKind::Sub(SubIndex::Value),
        IndexKind::Sub(SubIndex::Number),
        IndexKind::Sub(SubIndex::WinRate),
        IndexKind::Sub(SubIndex::SalesCycle),
        IndexKind::Personal,
    ];

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
    /// needs: a counted win rate (and the velocity built on it) only from at least
    /// `minimum_decided` deals decided, as everywhere else.
    pub fn of(self, n: &CompanyNumbers, minimum_decided: f64) -> Option<f64> {
        match self {
            PeerNumber::QualifiedOpportunities => n.qualified_opportunities,
            PeerNumber::AverageDealValue => n.average_deal_value,
            PeerNumber::WinRate => n.effective_win_rate(minimum_decided),
            PeerNumber::SalesCycleDays => n.sales_cycle_days,
            PeerNumber::QuotaAttainment => n.quota_attainment,
            PeerNumber::VelocityPerDay => n.velocity(minimum_decided).map(|v| v.per_day),
            PeerNumber::UnitWinRate => n.win_rates(minimum_decided)?.unit,
            PeerNumber::ValueWinRate => n.win_rates(minimum_decided)?.value,
        }
    }
}

/// The percentile used as "the top of the peer distribution" for revenue potential.
pub const TOP_PERCENTILE: f64 = 90.0;
