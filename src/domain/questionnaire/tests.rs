//! Tests of the questionnaire model and loader against the shipped study and
//! broken files.

use std::collections::HashSet;

use super::*;

const STUDY: &str = include_str!("../../../questionnaires/dealbench-v1.toml");

fn study() -> Questionnaire {
    Questionnaire::from_toml("dealbench-v1.toml", STUDY).expect("the shipped study is valid")
}

#[test]
fn the_study_has_the_items_the_product_promises() {
    let q = study();
    let company: Vec<&Item> = q.items_of_part(PartKind::Company).collect();
    let personal: Vec<&Item> = q.items_of_part(PartKind::Personal).collect();
    assert!(company.len() >= 35, "{} company items", company.len());
    assert!(personal.len() >= 15, "{} personal items", personal.len());
    assert_eq!(q.sections_of(PartKind::Company).count(), 9);
    assert_eq!(q.sections_of(PartKind::Personal).count(), 3);
    let industry = q.item("industry").expect("industry");
    assert!(industry.options.len() >= 8);
    let dims: Vec<&str> = q.dimensions().map(|(d, _)| d).collect();
    for d in ["industry", "company_size", "region", "sales_model", "role"] {
        assert!(dims.contains(&d), "dimension {d}");
    }
    for m in Metric::ALL {
        assert!(
            q.items.iter().any(|i| i.metric == Some(m)),
            "metric {}",
            m.key()
        );
    }
    for kind in [
        ItemKind::Agreement,
        ItemKind::Importance,
        ItemKind::Frequency,
        ItemKind::Choice,
    ] {
        assert!(
            q.items.iter().any(|i| i.kind == kind && i.is_scored()),
            "{kind:?}"
        );
    }
}

#[test]
fn no_paragraph_of_commentary_is_used_twice() {
    let q = study();
    let mut seen = HashSet::new();
    for item in q.items.iter().filter(|i| i.is_scored()) {
        let c = item
            .commentary
            .as_ref()
            .expect("scored items have commentary");
        for p in [&c.strong, &c.middling, &c.weak] {
            assert!(
                p.split_whitespace().count() >= 40,
                "{}: short paragraph",
                item.id
            );
            assert!(seen.insert(p.clone()), "{}: paragraph reused", item.id);
        }
    }
}

#[test]
fn a_boundary_score_falls_in_the_higher_band_and_100_in_the_last() {
    let q = study();
    assert_eq!(q.company_categories.find(70.0).name, "High performer");
    assert_eq!(q.company_categories.find(69.99).name, "Established");
    assert_eq!(q.company_categories.find(100.0).name, "Top performer");
    assert_eq!(q.company_categories.find(0.0).name, "At risk");
    assert_eq!(q.company_categories.find(77.0).name, "High performer");
    assert_eq!(q.personal_categories.find(89.0).name, "Ace");
}

#[test]
fn reversed_items_mirror_their_scores() {
    let text = STUDY.replacen("key_area = true\n", "key_area = true\nreverse = true\n", 1);
    let q = Questionnaire::from_toml("t", &text).expect("valid");
    let reversed = q.items.iter().find(|i| i.reverse).expect("one reversed");
    let agree = reversed.option("strongly_agree").expect("agreement").1;
    assert_eq!(agree.score, Some(0.0));
}

#[test]
fn every_key_area_declares_a_headline_for_each_verdict() {
    let q = study();
    let key_areas: Vec<&Item> = q.items.iter().filter(|i| i.key_area).collect();
    assert!(key_areas.len() >= 10);
    for item in key_areas {
        let h = item.headlines.as_ref().expect("a key area has headlines");
        for headline in [&h.keep, &h.change, &h.stop].into_iter().chain(&h.find_out) {
            assert!(!headline.is_empty(), "{}", item.id);
            // Written to follow the verdict word: "STOP letting deals ...".
            assert!(
                headline.starts_with(|c: char| c.is_lowercase()),
                "{}: {headline}",
                item.id
            );
        }
    }
    // CHANGE and its headline read as one imperative sentence.
    let text = STUDY.replacen(
        "change = \"how you qualify: a short written test that every deal must pass\"",
        "change = \"qualification into a short written test\"",
        1,
    );
    let err = Questionnaire::from_toml("t", &text).expect_err("not after CHANGE");
    assert!(err.problems.iter().any(|p| {
        p.message
            .contains("the `change` headline must read after CHANGE")
    }));
    for item in q.items.iter().filter(|i| i.key_area) {
        let h = item.headlines.as_ref().expect("headlines");
        for headline in std::iter::once(&h.change).chain(&h.find_out) {
            assert!(reads_after_change(headline), "{}: {headline}", item.id);
        }
    }
    // A key area's own `stop`, at the start of its line (a category's
    // `with_stop` is another key).
    let text = STUDY.replacen("\nstop = \"", "\nstoop = \"", 1);
    let err = Questionnaire::from_toml("t", &text).expect_err("missing headline");
    assert!(err.problems.iter().any(|p| {
        p.message
            .contains("a key area needs a headline for each verdict; missing: `stop`")
    }));
}

#[test]
fn a_related_group_headline_changes_a_practice_not_the_answers() {
    let q = study();
    for g in &q.related {
        assert!(reads_after_change(&g.headline), "{}: {}", g.id, g.headline);
    }
    // "CHANGE your answers ... into one picture" asks the reader to answer
    // differently; two clauses after a colon and a semicolon is no headline.
    for bad in [
        "your pipeline and forecast answers into one picture",
        "how you judge your pipeline: they disagree; find out which holds",
        "how you judge it: one thing: another",
    ] {
        assert!(!reads_after_change(bad), "{bad}");
    }
    let text = STUDY.replacen(
        "headline = \"how you judge your pipeline: test your answers against your ten largest late-stage deals\"",
        "headline = \"your pipeline and forecast answers into one picture: they disagree; find out which of them your late-stage deals bear out\"",
        1,
    );
    assert_ne!(text, STUDY);
    let err = Questionnaire::from_toml("t", &text).expect_err("answers changed");
    assert!(
        err.problems
            .iter()
            .any(|p| p.message.contains("`headline` must read after CHANGE")),
        "{err:?}"
    );
}

#[test]
fn a_rep_is_never_given_the_leaders_step_in_a_sub_index_paragraph() {
    // Without its rep variant, the Value paragraph of a weak index would tell a
    // rep to make everyone who sells say one sentence: the loader refuses it.
    let rep_value = "[sub_indices.value.variants.rep]\n";
    assert!(STUDY.contains(rep_value));
    let text = STUDY.replacen(rep_value, "[sub_indices.value.variants.nobody_yet]\n", 1);
    let err = Questionnaire::from_toml("t", &text).expect_err("leader wording for reps");
    assert!(
        err.problems
            .iter()
            .any(|p| p.message.contains("until everyone who sells can say it")),
        "{err:?}"
    );
}

#[test]
fn the_study_ships_at_least_six_tensions_or_related_groups_between_real_answers() {
    let q = study();
    assert!(
        q.tensions.len() + q.related.len() >= 6,
        "{} tensions, {} related groups",
        q.tensions.len(),
        q.related.len()
    );
    let text = STUDY.replacen(
        "answers = [\"negotiation\", \"closing\"]",
        "answers = [\"haggling\"]",
        1,
    );
    let err = Questionnaire::from_toml("t", &text).expect_err("unknown answer");
    assert!(
        err.problems
            .iter()
            .any(|p| p.message.contains("names answer `haggling`"))
    );
}

#[test]
fn a_potential_target_that_would_call_a_middling_score_minimal_is_refused() {
    let text = STUDY.replacen("potential_target = 85", "potential_target = 80", 1);
    let err = Questionnaire::from_toml("t", &text).expect_err("target too low");
    assert!(
        err.problems
            .iter()
            .any(|p| p.message.contains("`potential_target` 80 is too low"))
    );
    assert_eq!(study().currency.format(12_800.4), "$12,800");
}

#[test]
fn the_answer_placeholder_names_the_chosen_option_only() {
    let q = study();
    let item = q.item("own_stage_hardest").expect("item");
    let (i, _) = item.option("negotiation").expect("option");
    let p = item.paragraph_for(i, Band::Weak, None).expect("scored");
    assert!(p.starts_with("You said negotiation is the stage"), "{p}");
    let (i, _) = item.option("target_selection").expect("option");
    let p = item.paragraph_for(i, Band::Middling, None).expect("scored");
    assert!(
        p.starts_with("You find target selection the hardest"),
        "{p}"
    );
    let (i, _) = item.option("dont_know").expect("option");
    let p = item.paragraph_for(i, Band::Middling, None).expect("scored");
    assert!(p.starts_with("You are not sure which stage"), "{p}");
}

#[test]
fn text_that_is_not_toml_is_one_clear_problem() {
    let err = Questionnaire::from_toml("x.toml", "[study\nid=").expect_err("invalid");
    assert_eq!(err.problems.len(), 1);
    assert!(err.to_string().starts_with("x.toml: 1 problem"));
}

#[test]
fn unknown_keys_are_reported_not_ignored() {
    let text = STUDY.replacen("key_area = true\n", "key_aera = true\n", 1);
    let err = Questionnaire::from_toml("t", &text).expect_err("typo");
    assert!(
        err.problems
            .iter()
            .any(|p| p.message == "unknown key `key_aera`")
    );
}

/// The problems the check finds in the shipped study with `from` replaced by
/// `to` (once).
fn problems_with(from: &str, to: &str) -> Vec<String> {
    assert!(STUDY.contains(from), "the study holds {from:?}");
    let text = STUDY.replacen(from, to, 1);
    match Questionnaire::from_toml("t", &text) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .problems
            .into_iter()
            .map(|p| format!("{}: {}", p.place, p.message))
            .collect(),
    }
}

#[test]
fn a_paragraph_that_names_another_answer_is_refused() {
    let found = problems_with(
        "You {answer:that} sales and marketing really work together",
        "You are unsure whether sales and marketing really work together",
    );
    assert!(
        found.iter().any(|p| p.starts_with("item `sales_marketing_collaboration`")
            && p.contains("the `middling` paragraph is said for \u{201c}Neither agree nor disagree\u{201d} but names \u{201c}Don't know\u{201d} (\u{201c}you are unsure\u{201d})")),
        "{found:?}"
    );
    // "Never" is not "rarely".
    let found = problems_with(
        "You {answer:often} ask satisfied",
        "You rarely ask satisfied",
    );
    assert!(
        found
            .iter()
            .any(|p| p
                .contains("is said for \u{201c}Never\u{201d} but names \u{201c}Under 25%\u{201d}")),
        "{found:?}"
    );
}

#[test]
fn a_paragraph_that_hedges_the_answer_it_names_is_refused() {
    let found = problems_with(
        "in a quarter to half of your weeks",
        "in perhaps a quarter to half of your weeks",
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("item `own_online_listening`")
                && p.contains(
                    "hedges the answer it names: \u{201c}perhaps a quarter to half\u{201d}"
                )),
        "{found:?}"
    );
}

#[test]
fn a_form_the_answer_does_not_declare_is_refused() {
    let found = problems_with(
        "You {answer:often} ask satisfied",
        "You {answer:that} ask satisfied",
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("declares no form `that` for `{answer:that}`")),
        "{found:?}"
    );
}

#[test]
fn a_rep_is_never_told_what_only_a_leader_can_do() {
    let found = problems_with(
        "Ask for those introductions early in every deal.",
        "Coach reps to ask for those introductions early.",
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("item `executive_access_effective`")
                && p.contains("is said to `rep` and holds \u{201c}coach reps\u{201d}")),
        "{found:?}"
    );
    // A variant of its own for reps puts it right.
    let text = STUDY.replacen(
        "Ask for those introductions early in every deal.",
        "Coach reps to ask for those introductions early.",
        1,
    );
    let text = text.replacen(
        "find_out = \"a guess into a fact: find out how often you meet the executives who decide\"",
        "find_out = \"a guess into a fact: find out how often you meet the executives who decide\"\nweak = \"\"\"You said your team is not effective at gaining access to key influencers. Ask for introductions early in every deal you own.\"\"\"",
        1,
    );
    assert!(Questionnaire::from_toml("t", &text).is_ok());
}

#[test]
fn a_measured_paragraph_says_what_the_number_settles_for_each_place_it_stands() {
    let found = problems_with(
        "[items.measured]\nworse = ",
        "measured = \"\"\"One paragraph for every figure.\"\"\"\n[items.hedged]\nworse = ",
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("`measured` must say what the number settles")),
        "{found:?}"
    );
}

#[test]
fn related_groups_and_audiences_are_checked() {
    let found = problems_with(
        "items = [\"customer_retention_satisfactory\", \"renewal_rate_satisfactory\"]",
        "items = [\"customer_retention_satisfactory\", \"renewal_rate_satisfactory\", \"close_ratio_satisfactory\", \"no_such_item\", \"role\"]",
    );
    for expected in [
        "related `keeping_customers`: names item `no_such_item`, which does not exist",
        "related `keeping_customers`: names item `role`, which is not a scored company question",
    ] {
        assert!(found.iter().any(|p| p == expected), "{expected}: {found:?}");
    }
    let found = problems_with(
        "items = [\"sales_marketing_collaboration\", \"marketing_content_used_by_sales\"]",
        "items = [\"sales_marketing_collaboration\", \"pipeline_accurate_picture\", \"pipeline_review_clears_stalled_deals\"]",
    );
    assert!(
        found.iter().any(|p| p == "related `sales_and_marketing`: items `pipeline_accurate_picture` and `pipeline_review_clears_stalled_deals` are already judged together by related group `pipeline_and_forecast`"),
        "{found:?}"
    );
    // A question that holds a phrase a group is never asked is refused.
    let found = problems_with(
        "text = \"Our customer retention rate is satisfactory.\"",
        "text = \"Your manager would call our customer retention rate satisfactory.\"",
    );
    assert!(
        found.iter().any(|p| p.starts_with("item `customer_retention_satisfactory`: the question is put to `leader` and holds \u{201c}your manager\u{201d}")),
        "{found:?}"
    );
    // A process absence judged within the personal part refuses a personal
    // paragraph that presumes the process, unless it says `instead`.
    let found = problems_with(
        "[absences.instead]\nown_process_adherence = ",
        "[absences.instead]\nown_win_loss_review = ",
    );
    assert!(
        found.iter().any(|p| p.starts_with("item `own_process_adherence`: the `strong` paragraph mentions \u{201c}sales process\u{201d}")),
        "{found:?}"
    );
    let found = problems_with(
        "options = [\"rep\"]\nnot_said",
        "options = [\"rep\", \"intern\"]\nnot_said",
    );
    assert!(
        found.iter().any(|p| p
            == "[audiences] group `rep`: names option `intern`, which item `role` does not offer"),
        "{found:?}"
    );
    let found = problems_with("[tensions.variants.rep]", "[tensions.variants.reps]");
    assert!(
        found.iter().any(|p| p == "tension `basics_important_vs_basics_weak`: has variants for `reps`, which no [audiences] group declares"),
        "{found:?}"
    );
}

#[test]
fn no_text_presumes_what_an_answer_can_deny() {
    let found = problems_with(
        "forecast calls and admin,",
        "forecast calls and CRM updates,",
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("item `own_customer_time`")
                && p.contains(
                    "mentions \u{201c}crm\u{201d}, which an answer to `crm_tenure` can deny"
                )),
        "{found:?}"
    );
    let found = problems_with(
        "[absences.instead]\ncrm_single_record_of_deals",
        "[absences.instead]\nno_such_item = \"\"\"Text.\"\"\"\ncrm_single_record_of_deals",
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("`instead` names item `no_such_item`, which does not exist")),
        "{found:?}"
    );
}

#[test]
fn an_answer_is_not_praised_in_words_it_does_not_support() {
    let found = problems_with(
        "and each of those deals pays off twice",
        "and that consistency pays off twice",
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("item `own_process_adherence`")
                && p.contains(
                    "is said for \u{201c}50-75%\u{201d} and calls it \u{201c}consistency\u{201d}"
                )),
        "{found:?}"
    );
}

#[test]
fn the_currencies_need_a_rate_a_day_and_an_item_offering_exactly_them() {
    let eur =
        r#"{ code = "EUR", symbol = "€", name = "euros", rate = 1.16, rate_date = "2026-11-30" }"#;
    for (from, to, expected) in [
        (
            eur,
            r#"{ code = "EUR", symbol = "€", name = "euros", rate_date = "2026-11-30" }"#,
            "needs a `rate`",
        ),
        (
            eur,
            r#"{ code = "EUR", symbol = "€", name = "euros", rate = -1, rate_date = "2026-11-30" }"#,
            "must be a positive number",
        ),
        (
            eur,
            r#"{ code = "EUR", symbol = "€", name = "euros", rate = 1.16, rate_date = "30/11/2026" }"#,
            "must be a day written as 2026-11-30",
        ),
        (
            eur,
            r#"{ code = "USD", symbol = "€", name = "euros", rate = 1.16, rate_date = "2026-11-30" }"#,
            "currency `USD` is declared twice",
        ),
        (
            r#"  { id = "gbp", label = "Pounds sterling (£)" },"#,
            "",
            "its options must be the study's currency codes (EUR, GBP, USD), not EUR, USD",
        ),
        (
            r#"currency_item = "currency""#,
            "",
            "name the item respondents choose their currency with",
        ),
    ] {
        let text = STUDY.replacen(from, to, 1);
        assert_ne!(text, STUDY, "{from}");
        let err = Questionnaire::from_toml("t", &text).expect_err(expected);
        assert!(
            err.problems.iter().any(|p| p.message.contains(expected)),
            "{expected}: {:?}",
            err.problems
        );
    }
}

#[test]
fn a_report_in_another_currency_says_once_which_rate_and_day_it_used() {
    let q = study();
    assert_eq!(q.currency.rate_sentence(), None, "the reference needs none");
    let eur = q.currency_by_code("eur").expect("euros");
    assert_eq!(
        eur.rate_sentence().as_deref(),
        Some(
            "Amounts are in euros (EUR). Peer figures are kept in US dollars (USD) and shown here converted at 1 EUR = 1.16 USD, the rate of 30 November 2026."
        )
    );
    // Read in euros, the questionnaire formats kept dollars as euros.
    assert_eq!(q.in_currency(eur).currency.format(11_600.0), "€10,000");
    assert_eq!(q.in_currency(eur).reference_currency().code, "USD");
}
