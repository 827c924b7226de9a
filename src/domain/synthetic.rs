//! Plausible synthetic respondents, so that peer comparison works on a fresh
//! database and the operator console has something to show.
//!
//! Each synthetic company has a hidden capability that depends a little on its
//! industry and size; its answers scatter around that capability, so answers within
//! one company are correlated and the peer groups differ. The respondent's own
//! practice follows the company's, loosely. Deterministic for a given seed.

use serde_json::{Map, Value, json};

use super::answers::{Answers, Completeness};
use super::questionnaire::{ItemKind, Metric, Questionnaire};

/// Generates one synthetic respondent's answers from `seed`.
pub fn respondent(q: &Questionnaire, seed: u64) -> Answers {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut map = Map::new();

    // Profile first: the company's capability depends on it.
    let mut capability = 0.35 + rng.f64() * 0.45;
    for (dim, item) in q.dimensions() {
        let n = item.options.len();
        // Earlier options are a little more common, like real populations.
        let i = ((rng.f64().powf(1.4)) * n as f64) as usize % n.max(1);
        let option = &item.options[i];
        map.insert(item.id.clone(), json!(option.id));
        // A fixed, arbitrary lift per option so that groups differ.
        let lift = ((hash(&option.id) % 21) as f64 - 10.0) / 100.0;
        if dim == "industry" || dim == "company_size" {
            capability += lift;
        }
    }
    let capability = capability.clamp(0.05, 0.95);
    let own = (capability + (rng.f64() - 0.5) * 0.3).clamp(0.05, 0.95);

    for item in &q.items {
        if item.dimension.is_some() || item.contact {
            continue;
        }
        match item.kind {
            ItemKind::Number => {
                if let Some(v) = number(item.metric, capability, &mut rng) {
                    map.insert(item.id.clone(), v);
                } else if item.required {
                    let range = item.number.as_ref();
                    let lo = range.map_or(1.0, |r| r.min.max(1.0));
                    let hi = range.map_or(100.0, |r| r.max.min(200.0));
                    map.insert(item.id.clone(), json!((lo + rng.f64() * (hi - lo)).round()));
                }
            }
            ItemKind::Text => {}
            _ if !item.is_scored() => {
                // An unscored choice (years in sales): any option.
                let o = &item.options[rng.usize(..item.options.len())];
                map.insert(item.id.clone(), json!(o.id));
            }
            _ => {
                if rng.f64() < 0.04 {
                    continue; // skipped
                }
                let target = if item.personal_weight > 0.0 {
                    own
                } else {
                    capability
                } * 100.0
                    + (rng.f64() - 0.5) * 50.0;
                let unsure = rng.f64() < 0.05;
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

/// Six in ten synthetic companies give their numbers.
fn number(metric: Option<Metric>, capability: f64, rng: &mut fastrand::Rng) -> Option<Value> {
    let metric = metric?;
    if (capability * 1000.0) as u64 % 10 >= 6 {
        return None;
    }
    let jitter = |rng: &mut fastrand::Rng| 0.7 + rng.f64() * 0.6;
    let win_rate = (10.0 + capability * 40.0) * jitter(rng);
    let won = (2.0 + capability * 20.0 * jitter(rng)).round();
    let lost = (won * (100.0 - win_rate) / win_rate.max(1.0)).round();
    let deal = (5_000.0 + capability * 40_000.0 * jitter(rng)).round();
    Some(match metric {
        Metric::QualifiedOpportunities => json!((20.0 + capability * 120.0 * jitter(rng)).round()),
        Metric::AverageDealValue => json!(deal),
        Metric::WinRate => json!((win_rate.min(95.0) * 10.0).round() / 10.0),
        Metric::SalesCycleDays => {
            json!((180.0 - capability * 110.0 * jitter(rng)).round().max(7.0))
        }
        Metric::QuotaAttainment => json!((60.0 + capability * 50.0 * jitter(rng)).round()),
        Metric::DealsWon => json!(won),
        Metric::DealsWonValue => json!(won * deal),
        Metric::DealsLost => json!(lost),
        Metric::DealsLostValue => json!((lost * deal * jitter(rng)).round()),
        Metric::DealsOpen => json!((won * 0.5).round()),
        Metric::DealsOpenValue => json!((won * 0.5).round() * deal),
    })
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::score;

    const STUDY: &str = include_str!("../../questionnaires/dealbench-v1.toml");

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
}
