//! Scoring against hand-worked examples and properties of every scorecard.

use super::*;
use crate::answers::Completeness;
use proptest::prelude::*;
use serde_json::json;

const STUDY: &str = include_str!("../../../questionnaires/dealbench-v1.toml");
const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal.toml");

fn study() -> Questionnaire {
    Questionnaire::from_toml("dealbench-v1.toml", STUDY).expect("the shipped study is valid")
}

/// The minimal study with each company item turned into a choice whose options
/// score exactly the given values (option ids `s0`, `s1`, ...).
fn study_with_option_scores(scores: &[f64]) -> Questionnaire {
    let options: Vec<String> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{{ id = \"s{i}\", label = \"Score {s}\", score = {s} }}"))
        .collect();
    let options = format!("options = [{}]", options.join(", "));
    let text = MINIMAL
        .replace(
            "kind = \"agreement\"\ntext = \"We sell on value.\"",
            &format!("kind = \"choice\"\n{options}\ntext = \"We sell on value.\""),
        )
        .replace(
            "kind = \"agreement\"\ntext = \"We find enough opportunities.\"",
            &format!("kind = \"choice\"\n{options}\ntext = \"We find enough opportunities.\""),
        )
        .replace(
            "options = [\n  { id = \"rarely\", label = \"Rarely\", score = 10 },\n  { id = \"often\", label = \"Often\", score = 90 },\n]",
            &options,
        )
        .replace(
            "kind = \"agreement\"\ntext = \"Deals move fast.\"",
            &format!("kind = \"choice\"\n{options}\ntext = \"Deals move fast.\""),
        );
    Questionnaire::from_toml("test", &text).expect("valid test study")
}

fn answers(q: &Questionnaire, json: serde_json::Value) -> Answers {
    Answers::from_json(q, &json, Completeness::Draft).expect("valid answers")
}

#[test]
fn overall_is_the_mean_of_the_four_sub_indices_76_76_75_80_is_77() {
    let q = study_with_option_scores(&[76.0, 75.0, 80.0]);
    let a = answers(
        &q,
        json!({"value_item": "s0", "number_item": "s0", "win_rate_item": "s1", "cycle_item": "s2"}),
    );
    let card = score(&q, &a);
    let subs: Vec<f64> = card
        .sub_indices
        .iter()
        .map(|(_, s)| s.score.expect("scored"))
        .collect();
    assert_eq!(subs, vec![76.0, 76.0, 75.0, 80.0]);
    assert_eq!(card.overall.score, Some(76.75));
    assert_eq!(card.overall.display(), "77%");
    assert_eq!(card.overall.category.as_deref(), Some("High"));
}

#[test]
fn the_company_index_is_the_mean_of_the_sub_indices_as_shown() {
    // Shown 77, 77, 76 and 80: a reader adds them up to 310 / 4 = 77.5, so the
    // company index shows 78%, not the 77% of the unrounded 77.225.
    let q = study_with_option_scores(&[76.5, 75.5, 80.4]);
    let a = answers(
        &q,
        json!({"value_item": "s0", "number_item": "s0", "win_rate_item": "s1", "cycle_item": "s2"}),
    );
    let card = score(&q, &a);
    let overall = card.overall.score.expect("scored");
    assert!((overall - 77.5).abs() < 1e-9);
    assert_eq!(card.overall.display(), "78%");
}

#[test]
fn dont_know_is_left_out_of_the_mean_and_of_the_coverage() {
    let q = study();
    let base = json!({
        "sales_company_strategy_alignment": "agree",
        "sales_marketing_collaboration": "strongly_agree",
    });
    let mut with_dont_know = base.clone();
    with_dont_know["leadership_seeks_sales_input"] = json!("dont_know");
    let a = score(&q, &answers(&q, base));
    let b = score(&q, &answers(&q, with_dont_know));
    assert_eq!(a.sub_indices, b.sub_indices);
    assert_eq!(b.answered.dont_know, 1);
}

#[test]
fn below_the_minimum_coverage_an_index_is_not_enough_answers() {
    let q = study_with_option_scores(&[0.0, 100.0]);
    // Each sub-index has one item: unanswered = 0% coverage.
    let card = score(&q, &answers(&q, json!({"value_item": "s1"})));
    assert_eq!(card.sub_indices.value.score, Some(100.0));
    assert_eq!(card.sub_indices.number.score, None);
    assert_eq!(card.sub_indices.number.display(), "not enough answers");
    assert_eq!(card.overall.score, None);
    assert_eq!(card.overall.category, None);
    assert_eq!(card.sub_indices.number.coverage, 0.0);
}

#[test]
fn keep_change_stop_mixes_verdicts_and_orders_them_by_impact() {
    let q = study();
    let card = score(
        &q,
        &answers(
            &q,
            json!({
                "sales_company_strategy_alignment": "strongly_agree",
                "sales_marketing_collaboration": "neutral",
                "sales_process_mapped_to_buyer_journey": "disagree",
                "close_ratio_satisfactory": "strongly_agree",
                "executive_access_effective": "agree",
                "customer_retention_satisfactory": "dont_know",
                "evidence_based_stage_exit_criteria": "strongly_disagree",
                "sales_cycle_length_appropriate": "disagree",
                "business_problem_uncovered": "strongly_disagree",
            }),
        ),
    );
    let verdicts: Vec<Verdict> = card.actions.iter().map(|a| a.verdict).collect();
    assert_eq!(card.actions.len(), 5);
    assert!(verdicts.contains(&Verdict::Keep), "{verdicts:?}");
    assert!(verdicts.contains(&Verdict::Change), "{verdicts:?}");
    assert_eq!(
        verdicts.iter().filter(|v| **v == Verdict::Stop).count(),
        MAX_STOPS
    );
    assert!(card.actions.windows(2).all(|w| w[0].impact >= w[1].impact));
    // The verdict is followed by the key area's own imperative headline.
    let stop = card
        .actions
        .iter()
        .find(|a| a.item == "evidence_based_stage_exit_criteria")
        .expect("the heaviest weak answer is a STOP");
    assert_eq!(stop.verdict, Verdict::Stop);
    assert_eq!(
        stop.headline,
        "letting deals advance without evidence from the buyer"
    );
    assert_eq!(stop.answer, "Strongly disagree");
}

#[test]
fn related_key_areas_are_judged_together_one_action_and_no_keep_beside_a_stop() {
    let q = study();
    // Forecasting strong, pipeline hygiene and qualification weak: one group.
    let card = score(
        &q,
        &answers(
            &q,
            json!({
                "forecast_deals_close_as_forecast": "strongly_agree",
                "forecast_process_defined": "agree",
                "pipeline_accurate_picture": "disagree",
                "evidence_based_stage_exit_criteria": "strongly_disagree",
                "opportunity_qualification_effectiveness": "disagree",
                "sales_company_strategy_alignment": "agree",
            }),
        ),
    );
    let group = q
        .related_group("pipeline_accurate_picture")
        .expect("a related group");
    let in_group: Vec<&Action> = card
        .actions
        .iter()
        .filter(|a| group.items.contains(&a.item))
        .collect();
    assert_eq!(in_group.len(), 1, "{:?}", card.actions);
    // The answers disagree: the one action says so, neutrally, instead of
    // accusing the weak answer.
    assert_eq!(in_group[0].verdict, Verdict::Change);
    assert_eq!(in_group[0].item, "evidence_based_stage_exit_criteria");
    assert_eq!(in_group[0].headline, group.headline);
    // The strong answers of the group are questioned, not kept; the KEEP comes
    // from elsewhere.
    let questioned = questioned_items(
        &q,
        &answers(
            &q,
            json!({
                "forecast_deals_close_as_forecast": "strongly_agree",
                "pipeline_accurate_picture": "disagree",
            }),
        ),
    );
    assert!(questioned.contains(&"forecast_deals_close_as_forecast".to_string()));
    let keeps: Vec<&str> = card
        .actions
        .iter()
        .filter(|a| a.verdict == Verdict::Keep)
        .map(|a| a.item.as_str())
        .collect();
    assert_eq!(keeps, ["sales_company_strategy_alignment"]);
}

#[test]
fn a_rep_reads_a_rep_s_headline_where_the_study_gives_one() {
    let q = study();
    let answers_as = |role: &str| {
        answers(
            &q,
            json!({"role": role, "sales_company_strategy_alignment": "strongly_agree"}),
        )
    };
    let leader = score(&q, &answers_as("executive"));
    let rep = score(&q, &answers_as("rep"));
    assert_eq!(
        leader.actions[0].headline,
        "rewriting territories and pay plans whenever the company strategy moves"
    );
    assert_eq!(
        rep.actions[0].headline,
        "putting your prospecting where the company is investing"
    );
    // The paragraph the report gives with it speaks to the rep too.
    let item = q.item("sales_company_strategy_alignment").expect("item");
    let option = item
        .options
        .iter()
        .position(|o| o.id == "strongly_agree")
        .expect("option");
    let rep_answers = answers_as("rep");
    assert!(
        item.paragraph_for(
            option,
            crate::questionnaire::Band::Strong,
            rep_answers.audience(&q)
        )
        .expect("a paragraph")
        .starts_with("You strongly agree that sales and company strategy")
    );
}

#[test]
fn dont_know_on_a_key_area_is_a_change_find_out() {
    let q = study();
    let card = score(
        &q,
        &answers(&q, json!({"customer_retention_satisfactory": "dont_know"})),
    );
    assert_eq!(card.actions.len(), 1);
    assert_eq!(card.actions[0].verdict, Verdict::Change);
    assert_eq!(card.actions[0].answer, "Don't know");
    assert!(
        card.actions[0].headline.contains(": find out "),
        "{}",
        card.actions[0].headline
    );
}

#[test]
fn fewer_than_five_key_areas_answered_gives_fewer_actions() {
    let q = study();
    let card = score(
        &q,
        &answers(
            &q,
            json!({"close_ratio_satisfactory": "agree", "executive_access_effective": "disagree"}),
        ),
    );
    assert_eq!(card.actions.len(), 2);
}

#[test]
fn revenue_potential_measures_the_gap_to_the_peer_top_or_the_target() {
    let q = study();
    let mut card = score(
        &q,
        &Answers::from_json(
            &q,
            &serde_json::from_str(include_str!(
                "../../../questionnaires/examples/average-company.json"
            ))
            .expect("json"),
            Completeness::Final,
        )
        .expect("valid"),
    );
    let value = card.sub_indices.value.shown().expect("scored");
    let p = card.revenue_potential.value.clone().expect("scored");
    assert_eq!(p.benchmark_source, Benchmark::Target);
    assert!((p.gap - (q.potential_target - value)).abs() < 1e-9);
    // Weak peers do not make a middling score look finished.
    card.benchmark_against(&q, &PerSubIndex::from_fn(|_| Some(value + 5.0)));
    let p = card.revenue_potential.value.clone().expect("scored");
    assert_eq!(p.benchmark_source, Benchmark::Target);
    assert_ne!(p.level, "Minimal");
    // Strong peers set a higher bar than the target.
    card.benchmark_against(&q, &PerSubIndex::from_fn(|_| Some(98.0)));
    let p = card.revenue_potential.value.clone().expect("scored");
    assert_eq!(p.benchmark_source, Benchmark::PeerGroup);
    assert!((p.gap - (98.0 - value)).abs() < 1e-9);
}

/// Random answers to the shipped study: each scored item unanswered or one of its
/// options, by a seed per item.
fn random_answers(q: &Questionnaire, picks: &[Option<usize>]) -> Answers {
    let mut map = serde_json::Map::new();
    for (item, pick) in q.items.iter().filter(|i| i.is_scored()).zip(picks) {
        if let Some(p) = pick {
            let option = &item.options[p % item.options.len()];
            map.insert(item.id.clone(), json!(option.id));
        }
    }
    answers(q, serde_json::Value::Object(map))
}

fn all_indices(card: &Scorecard) -> Vec<Option<f64>> {
    let mut v = vec![card.overall.score, card.personal.score];
    v.extend(card.sub_indices.iter().map(|(_, s)| s.score));
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_index_stays_within_0_and_100(picks in prop::collection::vec(prop::option::weighted(0.8, 0usize..10), 60)) {
        let q = study();
        let card = score(&q, &random_answers(&q, &picks));
        for s in all_indices(&card).into_iter().flatten() {
            prop_assert!((0.0..=100.0).contains(&s), "index {} out of range", s);
        }
        for (_, s) in card.sub_indices.iter() {
            prop_assert!((0.0..=100.0).contains(&s.coverage));
        }
    }

    #[test]
    fn overall_equals_the_mean_of_the_sub_indices(picks in prop::collection::vec(prop::option::weighted(0.9, 0usize..10), 60)) {
        let q = study();
        let card = score(&q, &random_answers(&q, &picks));
        // The sub-indices as shown: what is shown adds up.
        let subs: Option<Vec<f64>> = card.sub_indices.iter().map(|(_, s)| s.shown()).collect();
        match subs {
            Some(subs) => {
                let mean = subs.iter().sum::<f64>() / 4.0;
                prop_assert!((card.overall.score.expect("all four scored") - mean).abs() < 1e-9);
            }
            None => prop_assert_eq!(card.overall.score, None),
        }
    }

    #[test]
    fn improving_any_single_answer_never_lowers_any_index(
        picks in prop::collection::vec(prop::option::weighted(0.8, 0usize..10), 60),
        which in any::<prop::sample::Index>(),
    ) {
        let q = study();
        let scored: Vec<&crate::questionnaire::Item> = q.items.iter().filter(|i| i.is_scored()).collect();
        let item = scored[which.index(scored.len())];
        let mut options: Vec<&crate::questionnaire::AnswerOption> =
            item.options.iter().filter(|o| o.score.is_some()).collect();
        options.sort_by(|a, b| a.score.partial_cmp(&b.score).expect("scores are numbers"));
        let base = random_answers(&q, &picks);
        let mut cards = Vec::new();
        for option in &options {
            let mut json = base.to_json(&q);
            json[&item.id] = json!(option.id);
            cards.push(score(&q, &answers(&q, json)));
        }
        for pair in cards.windows(2) {
            for (lower, higher) in all_indices(&pair[0]).into_iter().zip(all_indices(&pair[1])) {
                if let (Some(l), Some(h)) = (lower, higher) {
                    prop_assert!(h + 1e-9 >= l, "improving {} lowered an index from {} to {}", item.id, l, h);
                }
                prop_assert_eq!(lower.is_some(), higher.is_some());
            }
        }
    }

    #[test]
    fn keep_change_stop_follows_its_rule(
        picks in prop::collection::vec(prop::option::weighted(0.9, 0usize..10), 60),
    ) {
        let q = study();
        let a = random_answers(&q, &picks);
        let card = score(&q, &a);
        let verdicts: Vec<Verdict> = card.actions.iter().map(|a| a.verdict).collect();
        prop_assert!(verdicts.iter().filter(|v| **v == Verdict::Stop).count() <= MAX_STOPS);
        // No verdict contradicts its answer's band; a related group whose
        // answers disagree gives a neutral CHANGE.
        let in_conflict: Vec<String> = conflicting_groups(&q, &a)
            .into_iter()
            .flat_map(|g| g.items.clone())
            .collect();
        for action in &card.actions {
            let item = q.item(&action.item).expect("item");
            let option = item.options.iter().find(|o| o.label == action.answer).expect("option");
            let expected = match q.commentary.band(option.score) {
                _ if in_conflict.contains(&action.item) => Verdict::Change,
                Band::Strong => Verdict::Keep,
                Band::Weak => Verdict::Stop,
                Band::Middling => Verdict::Change,
            };
            prop_assert_eq!(action.verdict, expected);
            prop_assert!(!action.headline.is_empty());
        }
        // What the answers allow: a strong key area no tension questions gives a
        // KEEP, a weak one a STOP.
        let questioned = questioned_items(&q, &a);
        let bands: Vec<Band> = q.items_of_part(PartKind::Company)
            .filter(|i| i.key_area && !in_conflict.contains(&i.id))
            .filter_map(|i| match a.by_id(&q, &i.id) {
                Some((item, Answer::Option(o))) => Some(q.commentary.band(item.options[*o].score))
                    .filter(|b| *b != Band::Strong || !questioned.contains(&item.id)),
                _ => None,
            })
            .collect();
        if bands.contains(&Band::Strong) {
            prop_assert!(verdicts.contains(&Verdict::Keep), "{:?}", verdicts);
        }
        if bands.contains(&Band::Weak) {
            prop_assert!(verdicts.contains(&Verdict::Stop), "{:?}", verdicts);
        }
        prop_assert!(card.actions.windows(2).all(|w| w[0].impact >= w[1].impact));
    }

    #[test]
    fn all_strong_key_areas_give_five_keeps(strength in prop::collection::vec(prop::bool::ANY, 30)) {
        let q = study();
        let mut map = serde_json::Map::new();
        for (item, very) in q.items.iter().filter(|i| i.key_area).zip(strength) {
            let best = item.options.iter()
                .filter(|o| o.score.is_some_and(|s| s >= q.commentary.strong_from))
                .nth(usize::from(very))
                .or_else(|| item.options.iter().find(|o| o.score.is_some_and(|s| s >= q.commentary.strong_from)))
                .expect("a strong option");
            map.insert(item.id.clone(), json!(best.id));
        }
        let card = score(&q, &answers(&q, serde_json::Value::Object(map)));
        prop_assert_eq!(card.actions.len(), ACTION_COUNT);
        prop_assert!(card.actions.iter().all(|a| a.verdict == Verdict::Keep));
    }

    #[test]
    fn revenue_potential_never_contradicts_the_band(
        picks in prop::collection::vec(prop::option::weighted(0.9, 0usize..10), 60),
        top in prop::option::of(0.0f64..=100.0),
    ) {
        let q = study();
        let mut card = score(&q, &random_answers(&q, &picks));
        card.benchmark_against(&q, &PerSubIndex::from_fn(|_| top));
        let first = &q.revenue_potential.all()[0].name;
        let last = &q.revenue_potential.all()[q.revenue_potential.all().len() - 1].name;
        for (sub, index) in card.sub_indices.iter() {
            let (Some(shown), Some(p)) = (index.shown(), card.revenue_potential.get(sub)) else {
                continue;
            };
            match q.commentary.band(Some(shown)) {
                Band::Strong => prop_assert_ne!(&p.level, last, "{} at {}", sub.key(), shown),
                _ => prop_assert_ne!(&p.level, first, "{} at {}", sub.key(), shown),
            }
        }
        // The category is the band of the percentage shown.
        if let Some(shown) = card.overall.shown() {
            prop_assert_eq!(card.overall.category.as_deref(), Some(q.company_categories.find(shown).name.as_str()));
        }
    }

    #[test]
    fn a_dont_know_answer_changes_no_index(
        picks in prop::collection::vec(prop::option::weighted(0.7, 0usize..10), 60),
        which in any::<prop::sample::Index>(),
    ) {
        let q = study();
        let with_dont_know: Vec<&crate::questionnaire::Item> = q.items.iter()
            .filter(|i| i.is_scored() && i.options.iter().any(|o| o.score.is_none()))
            .collect();
        let item = with_dont_know[which.index(with_dont_know.len())];
        let mut json = random_answers(&q, &picks).to_json(&q);
        json.as_object_mut().expect("object").remove(&item.id);
        let without = score(&q, &answers(&q, json.clone()));
        let dont_know = item.options.iter().find(|o| o.score.is_none()).expect("has one");
        json[&item.id] = json!(dont_know.id);
        let with = score(&q, &answers(&q, json));
        prop_assert_eq!(all_indices(&without), all_indices(&with));
    }
}

#[test]
fn an_answer_in_two_related_groups_is_judged_with_both() {
    // A major account planned with an executive sponsor, beside a team that
    // does not reach executives: no KEEP of the one beside a STOP of the other
    // (the cold read's "KEEP planning each major account with an executive
    // sponsor" beside "STOP selling only to the people who are easy to meet").
    let q = study();
    let card = score(
        &q,
        &answers(
            &q,
            json!({
                "major_account_potential": "strongly_agree",
                "executive_access_effective": "strongly_disagree",
                "sales_company_strategy_alignment": "agree",
            }),
        ),
    );
    let acted: Vec<&Action> = card
        .actions
        .iter()
        .filter(|a| {
            ["major_account_potential", "executive_access_effective"].contains(&a.item.as_str())
        })
        .collect();
    assert_eq!(acted.len(), 1, "{acted:?}");
    assert_eq!(acted[0].verdict, Verdict::Change);
    assert!(
        acted[0]
            .headline
            .starts_with("how you judge executive access"),
        "{}",
        acted[0].headline
    );
}

#[test]
fn a_tight_group_disagrees_on_a_middling_answer_too() {
    // Retention you are happy with beside a renewal rate you are undecided
    // about: not a KEEP, and said once as a disagreement.
    let q = study();
    let given = |renewal: &str| {
        answers(
            &q,
            json!({
                "customer_retention_satisfactory": "strongly_agree",
                "renewal_rate_satisfactory": renewal,
                "sales_company_strategy_alignment": "agree",
            }),
        )
    };
    let neutral = given("neutral");
    assert!(
        conflicting_groups(&q, &neutral)
            .iter()
            .any(|g| g.id == "keeping_customers")
    );
    let card = score(&q, &neutral);
    assert!(
        !card
            .actions
            .iter()
            .any(|a| a.item == "customer_retention_satisfactory" && a.verdict == Verdict::Keep),
        "{:?}",
        card.actions
    );
    // "Don't know" (no recurring business) says nothing against it.
    assert!(conflicting_groups(&q, &given("dont_know")).is_empty());
}
