//! Believable synthetic respondents, so that peer comparison works on a fresh
//! database and the operator console has something to show.
//!
//! The model, calibrated so that a middling company lands mid-table:
//!
//! - Each company has a hidden capability on the 0-100 scale: normal around
//!   [`CAPABILITY_MEDIAN`] with spread [`CAPABILITY_SPREAD`], shifted by its industry
//!   (a fixed lift per industry option, between -6 and +6 points, derived from the
//!   option's id so that no industry is named here) and by its size (larger
//!   companies up to 4 points better, smaller ones up to 4 worse, by the option's
//!   place in the size list). Answers near the ends of the scale pull an index
//!   toward the middle, so the capability is centred a little above the target:
//!   over 1,500 synthetic companies the company index has a median of 58.3 and an
//!   interquartile range of 48.2 to 68.2 (checked by a test), and the personal
//!   index correlates with it at about 0.72.
//! - Each sub-index has its own capability: the company's plus a normal deviation
//!   of [`SUB_INDEX_SPREAD`] points, so sub-indices are correlated but not equal.
//! - Each answer scatters around the capability of what it feeds (normal,
//!   [`ANSWER_SPREAD`] points) and takes the nearest option; one answer in twenty
//!   is "don't know" where offered and one in twenty-five is skipped.
//! - The respondent's own practice follows the company's capability plus a
//!   normal deviation of [`PERSONAL_SPREAD`] points.
//! - Four in five companies give their numbers, each figure with a nine-in-ten
//!   chance: deal values log-normal around an industry's own median (11,000 to
//!   55,000), cycles that grow with deal value (about 90 days at 25,000) and shrink
//!   with capability, win rates from 12% to 45%
//!   rising with capability, and deals won, lost and open consistent with them.
//!
//! Deterministic for a given seed.

use serde_json::{Map, Value, json};

use super::answers::{Answers, Completeness};
use super::questionnaire::{ItemKind, Metric, Questionnaire, SubIndex};

/// The median hidden capability, before industry and size effects.
pub const CAPABILITY_MEDIAN: f64 = 60.5;
/// The standard deviation of the hidden capability.
pub const CAPABILITY_SPREAD: f64 = 13.5;
/// How far a sub-index's capability strays from the company's.
pub const SUB_INDEX_SPREAD: f64 = 7.0;
/// How far one answer strays from the capability it reflects.
pub const ANSWER_SPREAD: f64 = 17.0;
/// How far the respondent's own practice strays from the company's.
pub const PERSONAL_SPREAD: f64 = 11.0;

/// A standard normal deviate (Box-Muller).
fn normal(rng: &mut fastrand::Rng) -> f64 {
    let u1 = rng.f64().max(1e-12);
    let u2 = rng.f64();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A fixed lift in [-1, 1] for an option id.
fn lift(id: &str) -> f64 {
    (hash(id) % 1001) as f64 / 500.0 - 1.0
}

/// Generates one synthetic respondent's answers from `seed`.
pub fn respondent(q: &Questionnaire, seed: u64) -> Answers {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut map = Map::new();

    // Profile first: the company's capability depends on it.
    let mut capability = CAPABILITY_MEDIAN + CAPABILITY_SPREAD * normal(&mut rng);
    let mut industry = String::new();
    for (dim, item) in q.dimensions() {
        let n = item.options.len();
        // Earlier options are a little more common, like real populations.
        let i = ((rng.f64().powf(1.4)) * n as f64) as usize % n.max(1);
        let option = &item.options[i];
        map.insert(item.id.clone(), json!(option.id));
        match dim {
            "industry" => {
                capability += 6.0 * lift(&option.id);
                industry = option.id.clone();
            }
            "company_size" if n > 1 => {
                capability += 8.0 * (i as f64 / (n - 1) as f64 - 0.5);
            }
            _ => {}
        }
    }
    let subs: Vec<f64> = SubIndex::ALL
        .iter()
        .map(|_| capability + SUB_INDEX_SPREAD * normal(&mut rng))
        .collect();
    let own = capability + PERSONAL_SPREAD * normal(&mut rng);
    let gives_numbers = rng.f64() < 0.8;
    let numbers = Numbers::draw(&industry, capability, &mut rng);

    for item in &q.items {
        if item.dimension.is_some() || item.contact {
            continue;
        }
        match item.kind {
            ItemKind::Number => {
                let figure = item
                    .metric
                    .filter(|_| gives_numbers && rng.f64() < 0.9)
                    .map(|m| numbers.get(m));
                if let Some(v) = figure {
                    map.insert(item.id.clone(), json!(v));
                } else if item.required {
                    let range = item.number.as_ref();
                    let lo = range.map_or(1.0, |r| r.min.max(1.0));
                    let hi = range.map_or(100.0, |r| r.max.min(200.0));
                    map.insert(item.id.clone(), json!((lo + rng.f64() * (hi - lo)).round()));
                }
            }
            ItemKind::Text => {}
            // Synthetic amounts are drawn in the reference currency, and a
            // choice of another would only change how a report shows them.
            _ if q.currency_item.as_deref() == Some(item.id.as_str()) => {}
            _ if !item.is_scored() => {
                // An unscored choice (years in sales): any option.
                let o = &item.options[rng.usize(..item.options.len())];
                map.insert(item.id.clone(), json!(o.id));
            }
            _ => {
                if rng.f64() < 0.04 {
                    continue; // skipped
                }
                // The capability behind the item: the personal index's, or the
                // weighted mean of the sub-indices it feeds.
                let base = if item.personal_weight > 0.0 {
                    own
                } else {
                    let total: f64 = item.weights.iter().sum();
                    SubIndex::ALL
                        .iter()
                        .map(|s| item.weights[s.position()] * subs[s.position()])
                        .sum::<f64>()
                        / total.max(f64::MIN_POSITIVE)
                };
                let target = base + ANSWER_SPREAD * normal(&mut rng);
                let unsure = rng.f64() < 0.05 && item.options.iter().any(|o| o.score.is_none());
                let pick = item
                    .options
                    .iter()
                    .filter(|o| o.score.is_none() == unsure)
                    .min_by(|a, b| {
                        let da = (a.score.unwrap_or(50.0) - target).abs();
                        let db = (b.score.unwrap_or(50.0) - target).abs();
                        da.total_cmp(&db)
                    })
                    .or_else(|| item.options.first());
                if let Some(o) = pick {
                    map.insert(item.id.clone(), json!(o.id));
                }
            }
        }
    }
    // Synthetic answers are built from the questionnaire's own options and ranges,
    // so they always pass; an empty set is the safe fallback.
    Answers::from_json(q, &Value::Object(map), Completeness::Draft)
        .unwrap_or_else(|_| Answers::empty(q))
}

/// One synthetic company's numbers, consistent with each other.
struct Numbers {
    opportunities: f64,
    deal: f64,
    win_rate: f64,
    cycle: f64,
    quota: f64,
    won: f64,
    lost: f64,
    open: f64,
}

impl Numbers {
    fn draw(industry: &str, capability: f64, rng: &mut fastrand::Rng) -> Numbers {
        let c = (capability / 100.0).clamp(0.05, 0.95);
        // Each industry has its own typical deal size, from about 11,000 to 55,000.
        let industry_median = 25_000.0 * (0.8 * lift(&format!("{industry}/deal"))).exp();
        let deal = (industry_median * (0.6 * normal(rng)).exp())
            .round()
            .max(500.0);
        let win_rate = (12.0 + 33.0 * c + 5.0 * normal(rng)).clamp(5.0, 70.0);
        // Bigger deals take longer; better companies close faster.
        let cycle = ((20.0 + 40.0 * (1.0 + deal / 5_000.0).ln())
            * (1.3 - 0.6 * c)
            * (0.25 * normal(rng)).exp())
        .round()
        .clamp(7.0, 540.0);
        let opportunities = (60.0 * (25_000.0 / deal).powf(0.4) * (0.5 * normal(rng)).exp())
            .round()
            .clamp(3.0, 2_000.0);
        let decided = (opportunities * 0.6).round().max(2.0);
        let won = (decided * win_rate / 100.0).round();
        Numbers {
            opportunities,
            deal,
            win_rate: (win_rate * 10.0).round() / 10.0,
            cycle,
            quota: (55.0 + 50.0 * c + 12.0 * normal(rng))
                .clamp(20.0, 160.0)
                .round(),
            won,
            lost: decided - won,
            open: (opportunities * 0.4).round(),
        }
    }

    fn get(&self, metric: Metric) -> f64 {
        match metric {
            Metric::QualifiedOpportunities => self.opportunities,
            Metric::AverageDealValue => self.deal,
            Metric::WinRate => self.win_rate,
            Metric::SalesCycleDays => self.cycle,
            Metric::QuotaAttainment => self.quota,
            Metric::DealsWon => self.won,
            Metric::DealsWonValue => (self.won * self.deal).round(),
            Metric::DealsLost => self.lost,
            Metric::DealsLostValue => (self.lost * self.deal * 1.1).round(),
            Metric::DealsOpen => self.open,
            Metric::DealsOpenValue => (self.open * self.deal).round(),
        }
    }
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::score;

    use crate::testing::STUDY;

    #[test]
    fn synthetic_respondents_are_complete_varied_and_repeatable() {
        let q = Questionnaire::from_toml("study", STUDY).expect("valid");
        let a = respondent(&q, 7);
        assert_eq!(a, respondent(&q, 7));
        let json = a.to_json(&q);
        assert!(
            Answers::from_json(&q, &json, Completeness::Final).is_ok(),
            "{json}"
        );
        let overall: Vec<f64> = (0..200)
            .filter_map(|seed| score(&q, &respondent(&q, seed)).overall.score)
            .collect();
        assert!(overall.len() > 190, "nearly all have enough answers");
        let min = overall.iter().copied().fold(f64::MAX, f64::min);
        let max = overall.iter().copied().fold(f64::MIN, f64::max);
        assert!(max - min > 30.0, "scores spread: {min}..{max}");
    }

    fn correlation(pairs: &[(f64, f64)]) -> f64 {
        let n = pairs.len() as f64;
        let (mx, my) = (
            pairs.iter().map(|p| p.0).sum::<f64>() / n,
            pairs.iter().map(|p| p.1).sum::<f64>() / n,
        );
        let cov: f64 = pairs.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
        let vx: f64 = pairs.iter().map(|(x, _)| (x - mx).powi(2)).sum();
        let vy: f64 = pairs.iter().map(|(_, y)| (y - my).powi(2)).sum();
        cov / (vx * vy).sqrt()
    }

    #[test]
    fn the_synthetic_population_matches_its_documented_calibration() {
        use crate::peer::percentile_of_sorted;
        let q = Questionnaire::from_toml("study", STUDY).expect("valid");
        let cards: Vec<_> = (0..1500)
            .map(|seed| {
                let a = respondent(&q, seed);
                (a.clone(), score(&q, &a))
            })
            .collect();
        let mut overall: Vec<f64> = cards.iter().filter_map(|(_, c)| c.overall.score).collect();
        overall.sort_by(f64::total_cmp);
        let median = percentile_of_sorted(&overall, 50.0).expect("scores");
        let (q1, q3) = (
            percentile_of_sorted(&overall, 25.0).expect("scores"),
            percentile_of_sorted(&overall, 75.0).expect("scores"),
        );
        assert!((56.0..=60.0).contains(&median), "median {median}");
        assert!((46.0..=50.5).contains(&q1), "lower quartile {q1}");
        assert!((66.0..=70.5).contains(&q3), "upper quartile {q3}");
        // Sub-indices move together, and the respondent with the company.
        let pairs = |a: SubIndex, b: SubIndex| -> Vec<(f64, f64)> {
            cards
                .iter()
                .filter_map(|(_, c)| {
                    Some((c.sub_indices.get(a).score?, c.sub_indices.get(b).score?))
                })
                .collect()
        };
        let r = correlation(&pairs(SubIndex::Value, SubIndex::SalesCycle));
        assert!(r > 0.5, "sub-index correlation {r}");
        let personal: Vec<(f64, f64)> = cards
            .iter()
            .filter_map(|(_, c)| Some((c.overall.score?, c.personal.score?)))
            .collect();
        let r = correlation(&personal);
        assert!((0.35..0.9).contains(&r), "personal correlation {r}");
        // Most give their numbers, and enough to compute velocity.
        let with_velocity = cards.iter().filter(|(_, c)| c.velocity.is_some()).count();
        assert!(
            with_velocity * 100 / cards.len() >= 50,
            "{with_velocity} with velocity"
        );
        let with_numbers = cards.iter().filter(|(_, c)| c.numbers.is_some()).count();
        assert!(
            with_numbers * 100 / cards.len() >= 75,
            "{with_numbers} with numbers"
        );
    }
}
