//! Sales velocity and win rates from the company numbers a respondent gave.
//!
//! `velocity = qualified opportunities x average deal value x win rate / sales cycle
//! days`: the revenue the sales organisation produces per day. Win rate has two
//! faces, by count of deals (unit) and by their value; open deals are in neither and
//! are reported beside them rather than dropped.
//!
//! A blank field is unknown, never zero: a win rate needs both the deals won and the
//! deals lost (won with lost left blank is not 100%), a value win rate both values,
//! and velocity only comes from factors that were given.
//!
//! Few decided deals are not a rate: a count of won and lost deals is read as a
//! win rate (by count or by value) only when it reaches the study's
//! `minimum_decided_deals` ([`reads_as_rate`] decides it, for every figure: the
//! report, the API, velocity, and the peer index and its medians). Below it the
//! counts are kept and shown, but no rate is computed from them, and velocity
//! has no win rate unless one was stated.

use serde::{Deserialize, Serialize};

use super::answers::{Answer, Answers};
use super::questionnaire::{Metric, Questionnaire};

/// The improvement applied to each velocity factor in the what-if: 10%.
pub const WHAT_IF_STEP: f64 = 0.10;

/// Velocity growth when opportunities, deal value and win rate each grow by `step`
/// and the sales cycle shortens by `step`: `(1+s)^3 / (1-s) - 1`.
pub fn what_if_uplift(step: f64) -> f64 {
    (1.0 + step).powi(3) / (1.0 - step) - 1.0
}

/// Whether `decided` deals (won plus lost) are enough to read as a rate under the
/// study's `minimum_decided_deals`. The one place the rule is decided: one won of
/// seven decided is not "a 14% win rate" when the study needs ten.
pub fn reads_as_rate(decided: f64, minimum_decided: f64) -> bool {
    decided > 0.0 && decided >= minimum_decided
}

/// The company numbers, each present only when the respondent gave it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompanyNumbers {
    pub qualified_opportunities: Option<f64>,
    pub average_deal_value: Option<f64>,
    /// Percent.
    pub win_rate: Option<f64>,
    pub sales_cycle_days: Option<f64>,
    /// Percent of quota.
    pub quota_attainment: Option<f64>,
    pub deals_won: Option<f64>,
    pub deals_won_value: Option<f64>,
    pub deals_lost: Option<f64>,
    pub deals_lost_value: Option<f64>,
    pub deals_open: Option<f64>,
    pub deals_open_value: Option<f64>,
}

impl CompanyNumbers {
    /// Collects the numbers from the items that declare a `metric`.
    pub fn from_answers(q: &Questionnaire, answers: &Answers) -> CompanyNumbers {
        let mut n = CompanyNumbers::default();
        for (pos, item) in q.items.iter().enumerate() {
            let (Some(metric), Some(Answer::Number(v))) = (item.metric, answers.get(pos)) else {
                continue;
            };
            *n.slot(metric) = Some(*v);
        }
        n
    }

    fn slot(&mut self, metric: Metric) -> &mut Option<f64> {
        match metric {
            Metric::QualifiedOpportunities => &mut self.qualified_opportunities,
            Metric::AverageDealValue => &mut self.average_deal_value,
            Metric::WinRate => &mut self.win_rate,
            Metric::SalesCycleDays => &mut self.sales_cycle_days,
            Metric::QuotaAttainment => &mut self.quota_attainment,
            Metric::DealsWon => &mut self.deals_won,
            Metric::DealsWonValue => &mut self.deals_won_value,
            Metric::DealsLost => &mut self.deals_lost,
            Metric::DealsLostValue => &mut self.deals_lost_value,
            Metric::DealsOpen => &mut self.deals_open,
            Metric::DealsOpenValue => &mut self.deals_open_value,
        }
    }

    /// The value of one metric, if given.
    pub fn get(&self, metric: Metric) -> Option<f64> {
        let mut copy = self.clone();
        *copy.slot(metric)
    }

    pub fn is_empty(&self) -> bool {
        *self == CompanyNumbers::default()
    }

    /// Deals won plus deals lost, when both were given.
    pub fn deals_decided(&self) -> Option<f64> {
        Some(self.deals_won? + self.deals_lost?)
    }

    /// Whether some deals were decided, but too few to read as a rate (see
    /// [`reads_as_rate`]; none decided at all is no rate for another reason).
    pub fn too_few_decided(&self, minimum_decided: f64) -> bool {
        self.deals_decided()
            .is_some_and(|d| d > 0.0 && !reads_as_rate(d, minimum_decided))
    }

    /// Unit and value win rate from the deals won, lost and open, when any of them
    /// was given: each rate only from both of its figures and from enough deals
    /// decided (`minimum_decided`, the study's `minimum_decided_deals`), the
    /// counts and the open deals always.
    pub fn win_rates(&self, minimum_decided: f64) -> Option<WinRates> {
        let given = [
            self.deals_won,
            self.deals_lost,
            self.deals_open,
            self.deals_won_value,
            self.deals_lost_value,
            self.deals_open_value,
        ];
        if given.iter().all(Option::is_none) {
            return None;
        }
        // Both rates rest on the deals decided: a value rate from two deals is no
        // more a rate than a count of two.
        let enough = self
            .deals_decided()
            .is_some_and(|d| reads_as_rate(d, minimum_decided));
        let rate = |won: Option<f64>, lost: Option<f64>| {
            let (won, lost) = (won?, lost?);
            (enough && won + lost > 0.0).then(|| won / (won + lost) * 100.0)
        };
        Some(WinRates {
            unit: rate(self.deals_won, self.deals_lost),
            value: rate(self.deals_won_value, self.deals_lost_value),
            deals_won: self.deals_won,
            deals_lost: self.deals_lost,
            deals_open: self.deals_open,
            open_value: self.deals_open_value,
            minimum_decided_deals: self
                .too_few_decided(minimum_decided)
                .then_some(minimum_decided),
        })
    }

    /// The win rate that drives velocity: the one stated, else the unit win rate
    /// of enough deals decided.
    pub fn effective_win_rate(&self, minimum_decided: f64) -> Option<f64> {
        self.win_rate
            .or_else(|| self.win_rates(minimum_decided).and_then(|w| w.unit))
    }

    /// Sales velocity per day and the what-if, when all four factors are known
    /// (the win rate as [`CompanyNumbers::effective_win_rate`] reads it).
    pub fn velocity(&self, minimum_decided: f64) -> Option<Velocity> {
        let n = self.qualified_opportunities?;
        let v = self.average_deal_value?;
        let w = self.effective_win_rate(minimum_decided)? / 100.0;
        let days = self.sales_cycle_days?;
        if days <= 0.0 {
            return None;
        }
        let per_day = n * v * w / days;
        let uplift = what_if_uplift(WHAT_IF_STEP);
        Some(Velocity {
            per_day,
            what_if_per_day: per_day * (1.0 + uplift),
            what_if_uplift_percent: uplift * 100.0,
            win_rate_used: w * 100.0,
        })
    }
}

/// Win rate by count and by value, with the open deals beside them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WinRates {
    /// Deals won / deals decided, percent.
    pub unit: Option<f64>,
    /// Value won / value decided, percent.
    pub value: Option<f64>,
    /// Each count as given; blank stays unknown.
    #[serde(default)]
    pub deals_won: Option<f64>,
    #[serde(default)]
    pub deals_lost: Option<f64>,
    #[serde(default)]
    pub deals_open: Option<f64>,
    /// The value still open: in neither rate, and never silently dropped.
    pub open_value: Option<f64>,
    /// Present when the deals decided are fewer than the study reads as a rate:
    /// the number it needs (then `unit` and `value` are absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_decided_deals: Option<f64>,
}

/// Revenue per day, and what 10% on each factor would make of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Velocity {
    pub per_day: f64,
    pub what_if_per_day: f64,
    pub what_if_uplift_percent: f64,
    /// The win rate (percent) the figure was computed with.
    pub win_rate_used: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn ten_percent_on_each_factor_grows_velocity_by_47_9_percent() {
        let uplift = what_if_uplift(0.10) * 100.0;
        assert!(close(uplift, 1.1f64.powi(3) / 0.9 * 100.0 - 100.0));
        assert_eq!(format!("{uplift:.1}"), "47.9");
    }

    #[test]
    fn two_won_two_lost_is_unit_50_and_value_30() {
        let n = CompanyNumbers {
            deals_won: Some(2.0),
            deals_won_value: Some(30_000.0),
            deals_lost: Some(2.0),
            deals_lost_value: Some(70_000.0),
            ..CompanyNumbers::default()
        };
        let w = n.win_rates(1.0).expect("decided deals");
        assert!(close(w.unit.expect("unit"), 50.0));
        assert!(close(w.value.expect("value"), 30.0));
        assert_eq!(w.open_value, None);
    }

    #[test]
    fn an_open_deal_is_left_out_of_both_rates_and_shown_beside_them() {
        let n = CompanyNumbers {
            deals_won: Some(2.0),
            deals_won_value: Some(30_000.0),
            deals_lost: Some(1.0),
            deals_lost_value: Some(30_000.0),
            deals_open: Some(1.0),
            deals_open_value: Some(40_000.0),
            ..CompanyNumbers::default()
        };
        let w = n.win_rates(1.0).expect("decided deals");
        assert_eq!(format!("{:.1}", w.unit.expect("unit")), "66.7");
        assert!(close(w.value.expect("value"), 50.0));
        assert_eq!(w.deals_open, Some(1.0));
        assert_eq!(w.open_value, Some(40_000.0));
    }

    #[test]
    fn a_blank_is_unknown_never_zero() {
        // Won given, lost left blank: no win rate, not 100%.
        let n = CompanyNumbers {
            deals_won: Some(3.0),
            deals_won_value: Some(30_000.0),
            ..CompanyNumbers::default()
        };
        let w = n.win_rates(1.0).expect("deals were given");
        assert_eq!(w.unit, None);
        assert_eq!(w.value, None);
        assert_eq!(n.effective_win_rate(1.0), None);
        // Nothing won or lost yet: the open deals are still there.
        let n = CompanyNumbers {
            deals_open: Some(4.0),
            deals_open_value: Some(80_000.0),
            ..CompanyNumbers::default()
        };
        let w = n.win_rates(1.0).expect("open deals were given");
        assert_eq!(
            (w.unit, w.deals_open, w.open_value),
            (None, Some(4.0), Some(80_000.0))
        );
        // Velocity needs every factor given: no invented win rate.
        let n = CompanyNumbers {
            qualified_opportunities: Some(10.0),
            average_deal_value: Some(1_000.0),
            sales_cycle_days: Some(10.0),
            deals_won: Some(2.0),
            ..CompanyNumbers::default()
        };
        assert_eq!(n.velocity(1.0), None);
    }

    #[test]
    fn velocity_is_opportunities_times_value_times_win_rate_over_cycle() {
        let n = CompanyNumbers {
            qualified_opportunities: Some(40.0),
            average_deal_value: Some(25_000.0),
            win_rate: Some(25.0),
            sales_cycle_days: Some(100.0),
            ..CompanyNumbers::default()
        };
        let v = n.velocity(1.0).expect("all factors");
        assert!(close(v.per_day, 2_500.0));
        assert!(close(v.what_if_per_day, 2_500.0 * 1.1f64.powi(3) / 0.9));
    }

    #[test]
    fn velocity_falls_back_to_the_unit_win_rate_and_needs_every_factor() {
        let mut n = CompanyNumbers {
            qualified_opportunities: Some(10.0),
            average_deal_value: Some(1_000.0),
            sales_cycle_days: Some(10.0),
            deals_won: Some(1.0),
            deals_lost: Some(3.0),
            ..CompanyNumbers::default()
        };
        assert!(close(
            n.velocity(1.0).expect("unit win rate").per_day,
            250.0
        ));
        n.sales_cycle_days = None;
        assert_eq!(n.velocity(1.0), None);
    }

    /// The study's own threshold.
    const TEN: f64 = 10.0;

    #[test]
    fn one_won_of_seven_decided_is_no_rate_when_the_study_needs_ten() {
        let n = CompanyNumbers {
            qualified_opportunities: Some(40.0),
            average_deal_value: Some(25_000.0),
            sales_cycle_days: Some(100.0),
            deals_won: Some(1.0),
            deals_won_value: Some(25_000.0),
            deals_lost: Some(6.0),
            deals_lost_value: Some(150_000.0),
            ..CompanyNumbers::default()
        };
        let w = n.win_rates(TEN).expect("deals were given");
        assert_eq!((w.unit, w.value), (None, None));
        // The counts stay, with the minimum that was not reached.
        assert_eq!((w.deals_won, w.deals_lost), (Some(1.0), Some(6.0)));
        assert_eq!(w.minimum_decided_deals, Some(TEN));
        assert!(n.too_few_decided(TEN));
        // No velocity from a rate that is not one...
        assert_eq!(n.effective_win_rate(TEN), None);
        assert_eq!(n.velocity(TEN), None);
        // ...but a stated rate still drives it.
        let stated = CompanyNumbers {
            win_rate: Some(25.0),
            ..n.clone()
        };
        assert_eq!(stated.effective_win_rate(TEN), Some(25.0));
        assert!(stated.velocity(TEN).is_some());
        // Ten decided deals are a rate.
        let enough = CompanyNumbers {
            deals_lost: Some(9.0),
            ..n
        };
        let w = enough.win_rates(TEN).expect("deals were given");
        assert!(close(w.unit.expect("a rate"), 10.0));
        assert_eq!(w.minimum_decided_deals, None);
        assert!(enough.velocity(TEN).is_some());
    }

    proptest! {
        #[test]
        fn a_counted_rate_exists_exactly_when_enough_deals_were_decided(
            won in proptest::option::of(0u32..40),
            lost in proptest::option::of(0u32..40),
            won_value in proptest::option::of(0u32..1_000_000),
            lost_value in proptest::option::of(0u32..1_000_000),
            stated in proptest::option::of(1u32..100),
            minimum in 1u32..30,
        ) {
            let n = CompanyNumbers {
                qualified_opportunities: Some(50.0),
                average_deal_value: Some(10_000.0),
                sales_cycle_days: Some(60.0),
                win_rate: stated.map(f64::from),
                deals_won: won.map(f64::from),
                deals_lost: lost.map(f64::from),
                deals_won_value: won_value.map(f64::from),
                deals_lost_value: lost_value.map(f64::from),
                ..CompanyNumbers::default()
            };
            let minimum = f64::from(minimum);
            let decided = n.deals_decided();
            let enough = decided.is_some_and(|d| d >= minimum && d > 0.0);
            let Some(w) = n.win_rates(minimum) else {
                // Nothing about deals was given: no rates, and velocity only from
                // a stated rate.
                prop_assert!(won.is_none() && lost.is_none());
                prop_assert_eq!(n.velocity(minimum).is_some(), stated.is_some());
                return Ok(());
            };
            prop_assert_eq!(w.unit.is_some(), enough);
            if !enough {
                prop_assert_eq!(w.value, None);
            }
            prop_assert_eq!(
                w.minimum_decided_deals.is_some(),
                decided.is_some_and(|d| d > 0.0 && d < minimum)
            );
            // Velocity's win rate is the stated one, else a counted one that is a rate.
            let used = n.velocity(minimum).map(|v| v.win_rate_used);
            match (stated, enough) {
                (Some(s), _) => prop_assert!(used.is_some_and(|u| close(u, f64::from(s)))),
                (None, true) => prop_assert!(used.is_some_and(|u| close(u, w.unit.unwrap_or(-1.0)))),
                (None, false) => prop_assert_eq!(used, None),
            }
        }
    }
}
