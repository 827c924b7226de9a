//! The peer index against a brute force over its records.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::questionnaire::SubIndex;
use crate::scoring::{PerSubIndex, Scorecard};

fn profile(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn record(pairs: &[(&str, &str)], overall: f64) -> PeerRecord {
    PeerRecord {
        profile: profile(pairs),
        scores: PerIndex::from_fn(|k| {
            matches!(k, IndexKind::Overall | IndexKind::Personal).then_some(overall)
        }),
        numbers: PerNumber::default(),
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
    assert_eq!(card_standing.relative, PerIndex::default());
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
            r.scores.personal = None;
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
    use crate::scoring::{Answered, IndexScore};
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

/// Figures computed from the records themselves: the ones in the group, sorted.
fn brute_values(
    records: &[PeerRecord],
    dims: &[(String, String)],
    value: impl Fn(&PeerRecord) -> Option<f64>,
) -> Vec<f64> {
    let mut values: Vec<f64> = records
        .iter()
        .filter(|r| dims.iter().all(|(d, o)| r.profile.get(d) == Some(o)))
        .filter_map(value)
        .collect();
    values.sort_by(f64::total_cmp);
    values
}

fn brute_relative(sorted: &[f64], score: f64) -> Option<f64> {
    (!sorted.is_empty()).then(|| {
        sorted.iter().filter(|&&s| s <= score).count() as f64 / sorted.len() as f64 * 100.0
    })
}

fn arb_record() -> impl Strategy<Value = PeerRecord> {
    let value = || {
        prop_oneof![
            1 => Just(None),
            3 => (0.0f64..=100.0).prop_map(Some),
            1 => (0u8..=4).prop_map(|q| Some(f64::from(q) * 25.0)),
        ]
    };
    (
        prop::option::weighted(
            0.95,
            prop::sample::select(vec!["software", "retail", "health"]),
        ),
        prop::option::weighted(0.85, prop::sample::select(vec!["small", "mid", "large"])),
        prop::collection::vec(value(), 6),
        prop::collection::vec(value(), 8),
    )
        .prop_map(|(industry, size, scores, numbers)| {
            let mut pairs = Vec::new();
            if let Some(i) = industry {
                pairs.push(("industry", i));
            }
            if let Some(s) = size {
                pairs.push(("company_size", s));
            }
            let at = |k: IndexKind| IndexKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
            let nt = |n: PeerNumber| PeerNumber::ALL.iter().position(|x| *x == n).unwrap_or(0);
            PeerRecord {
                profile: profile(&pairs),
                scores: PerIndex::from_fn(|k| scores[at(k)]),
                numbers: PerNumber::from_fn(|n| numbers[nt(n)]),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_figure_of_every_step_equals_a_brute_force_over_the_records(
        added in prop::collection::vec(arb_record(), 1..600),
        removed in prop::collection::vec(any::<prop::sample::Index>(), 0..80),
        me in arb_record(),
        minimum in 1usize..12,
        p in 0.0f64..=100.0,
    ) {
        let mut index = PeerIndex::new(chain(), minimum);
        for r in &added {
            index.add(r);
        }
        // Remove some, each at most once, then add a few back.
        let mut kept = added.clone();
        for pick in &removed {
            if kept.is_empty() {
                break;
            }
            let gone = kept.swap_remove(pick.index(kept.len()));
            index.remove(&gone);
        }
        for r in added.iter().take(removed.len() / 4) {
            index.add(r);
            kept.push(r.clone());
        }
        let records = kept;
        prop_assert_eq!(index.len(), records.len());

        // Each step's group, whatever its size.
        let groups: Vec<PeerGroup<'_>> = index.groups_along(&me.profile).collect();
        let mut expected_steps = 0;
        for step in chain() {
            if step.iter().all(|d| me.profile.contains_key(d)) {
                expected_steps += 1;
            }
        }
        prop_assert_eq!(groups.len(), expected_steps);
        for group in &groups {
            let size = brute_values(&records, &group.dimensions, |_| Some(0.0)).len();
            prop_assert_eq!(group.scores.size, size);
            for k in IndexKind::ALL {
                let brute = brute_values(&records, &group.dimensions, |r| *r.scores.get(k));
                let runs = group.scores.scores(k);
                prop_assert_eq!(runs.len(), brute.len());
                for q in [p, 50.0, TOP_PERCENTILE] {
                    prop_assert_eq!(runs.percentile(q), percentile_of_sorted(&brute, q));
                }
                for probe in [p, me.scores.get(k).unwrap_or(50.0)] {
                    prop_assert_eq!(runs.relative_performance(probe), brute_relative(&brute, probe));
                }
            }
            for n in PeerNumber::ALL {
                let brute = brute_values(&records, &group.dimensions, |r| *r.numbers.get(n));
                prop_assert_eq!(group.scores.number(n).percentile(50.0), percentile_of_sorted(&brute, 50.0));
            }
        }

        // The standing: each figure from the first step holding K values of it.
        let card = dummy_card(me.scores.overall.unwrap_or(50.0));
        let standing = index.standing(&me.profile, &card, "2026-01-01");
        let response_group = groups.iter().find(|g| g.scores.size >= minimum);
        prop_assert_eq!(standing.found, response_group.is_some());
        if let Some(g) = response_group {
            prop_assert_eq!(&standing.dimensions, &g.dimensions);
            prop_assert_eq!(standing.group_size, g.scores.size);
            for k in IndexKind::ALL {
                let figure = groups.iter().find_map(|g| {
                    let brute = brute_values(&records, &g.dimensions, |r| *r.scores.get(k));
                    (brute.len() >= minimum).then(|| (g.dimensions.clone(), brute))
                });
                match figure {
                    None => {
                        prop_assert_eq!(*standing.medians.get(k), None);
                        prop_assert_eq!(standing.index_groups.get(k), &None);
                    }
                    Some((dims, brute)) => {
                        prop_assert_eq!(*standing.medians.get(k), percentile_of_sorted(&brute, 50.0));
                        let own = k.of(&card).and_then(|s| brute_relative(&brute, s));
                        prop_assert_eq!(*standing.relative.get(k), own);
                        let named = standing.index_groups.get(k).clone().map(|g| (g.dimensions, g.n));
                        prop_assert_eq!(named, Some((dims, brute.len())));
                        if let IndexKind::Sub(s) = k {
                            prop_assert_eq!(*standing.tops.get(s), percentile_of_sorted(&brute, TOP_PERCENTILE));
                        }
                    }
                }
            }
            for n in PeerNumber::ALL {
                let figure = groups.iter().find_map(|g| {
                    let brute = brute_values(&records, &g.dimensions, |r| *r.numbers.get(n));
                    (brute.len() >= minimum).then_some(brute)
                });
                prop_assert_eq!(
                    standing.number_medians.get(n.key()).copied(),
                    figure.and_then(|b| percentile_of_sorted(&b, 50.0))
                );
            }
        } else {
            prop_assert_eq!(standing, PeerStanding::none("2026-01-01"));
        }
    }
}

#[test]
fn a_win_rate_from_too_few_deals_enters_no_peer_median() {
    use crate::velocity::CompanyNumbers;
    let q = crate::testing::study();
    let mut index = PeerIndex::new(chain(), q.peer_group_minimum);
    let me = profile(&[("industry", "software"), ("company_size", "small")]);
    // Ten peers won 1 of 7 deals decided (14.3%: not a rate when the study needs
    // 10), ten won 5 of 10 (50%).
    for (won, lost) in
        std::iter::repeat_n((1.0, 6.0), 10).chain(std::iter::repeat_n((5.0, 5.0), 10))
    {
        let numbers = CompanyNumbers {
            qualified_opportunities: Some(40.0),
            average_deal_value: Some(10_000.0),
            sales_cycle_days: Some(50.0),
            deals_won: Some(won),
            deals_won_value: Some(won * 10_000.0),
            deals_lost: Some(lost),
            deals_lost_value: Some(lost * 10_000.0),
            ..CompanyNumbers::default()
        };
        index.add(&PeerRecord {
            profile: me.clone(),
            scores: PerIndex::from_fn(|_| Some(50.0)),
            numbers: PeerRecord::numbers_of(&q, &numbers),
        });
    }
    let standing = index.standing(&me, &dummy_card(50.0), "2026-01-01");
    let median = |n: PeerNumber| standing.number_medians.get(n.key()).copied();
    // Only the ten rates: every median is theirs, none halfway to 14.3%.
    assert_eq!(median(PeerNumber::UnitWinRate), Some(50.0));
    assert_eq!(median(PeerNumber::ValueWinRate), Some(50.0));
    assert_eq!(median(PeerNumber::WinRate), Some(50.0));
    assert_eq!(median(PeerNumber::VelocityPerDay), Some(4_000.0));
    assert_eq!(
        standing.number_group(PeerNumber::UnitWinRate).map(|g| g.n),
        Some(10)
    );
    // The counts themselves are figures of every peer.
    assert_eq!(median(PeerNumber::QualifiedOpportunities), Some(40.0));
}
