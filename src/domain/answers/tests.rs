//! Tests of reading and checking answers: the study's examples, typed numbers,
//! drafts and final submissions, and stored answers read leniently.

use super::*;
use proptest::prelude::*;
use serde_json::json;

use crate::testing::STUDY;

fn study() -> Questionnaire {
    Questionnaire::from_toml("dealbench-v1.toml", STUDY).expect("valid")
}

fn profile() -> Value {
    json!({
        "industry": "software", "company_size": "under_50", "region": "europe",
        "sales_model": "field", "role": "rep", "years_in_sales": "from_2_to_5",
        "sales_team_size": 5
    })
}

fn problems(json: Value) -> Vec<(Option<String>, AnswerProblemKind)> {
    Answers::from_json(&study(), &json, Completeness::Final)
        .expect_err("invalid")
        .problems
        .into_iter()
        .map(|p| (p.item, p.kind))
        .collect()
}

#[test]
fn stored_answers_keep_what_still_fits_and_name_what_was_dropped() {
    let q = study();
    let mut json = profile();
    json["retired_question"] = json!("agree");
    json["industry"] = json!("an_option_no_longer_offered");
    let (answers, dropped) = Answers::read_stored(&q, &json);
    let kept = answers.to_json(&q);
    assert_eq!(kept["region"], "europe");
    assert_eq!(kept["sales_team_size"], 5);
    assert!(kept.get("industry").is_none());
    let mut names: Vec<_> = dropped.iter().filter_map(|p| p.item.clone()).collect();
    names.sort();
    assert_eq!(names, ["industry", "retired_question"]);
    let (_, not_an_object) = Answers::read_stored(&q, &json!([1, 2]));
    assert_eq!(not_an_object.len(), 1);
}

#[test]
fn numbers_are_read_the_way_people_type_them() {
    let read = |s: &str| parse_typed_number(s);
    assert_eq!(read("€25,000"), Some(25_000.0));
    assert_eq!(read("25k"), Some(25_000.0));
    assert_eq!(read("25 000"), Some(25_000.0));
    assert_eq!(read("25\u{a0}000"), Some(25_000.0));
    assert_eq!(read("92,5"), Some(92.5));
    assert_eq!(read("90 days"), Some(90.0));
    assert_eq!(read("30%"), Some(30.0));
    assert_eq!(read("30 %"), Some(30.0));
    assert_eq!(read("$2.5m"), Some(2_500_000.0));
    assert_eq!(read("1.234.567,5"), Some(1_234_567.5));
    assert_eq!(read("1,234,567.5"), Some(1_234_567.5));
    assert_eq!(read("USD 12,500"), Some(12_500.0));
    assert_eq!(read("12,500 EUR"), Some(12_500.0));
    assert_eq!(read("0.25"), Some(0.25));
    assert_eq!(read("45"), Some(45.0));
    assert_eq!(read("ninety"), None);
    assert_eq!(read("1,2,3"), None);
    assert_eq!(read("12abc34"), None);
    assert_eq!(read(""), None);
}

#[test]
fn a_typed_amount_goes_through_the_form_checks() {
    let q = study();
    let a = Answers::from_form(
        &q,
        [
            ("average_deal_value", "$25,000"),
            ("sales_cycle_days", "90 days"),
            ("stated_win_rate", "92,5"),
        ],
        Completeness::Draft,
    )
    .expect("read");
    let pos = q.item_position("average_deal_value").expect("item");
    assert_eq!(a.get(pos), Some(&Answer::Number(25_000.0)));
    let pos = q.item_position("stated_win_rate").expect("item");
    assert_eq!(a.get(pos), Some(&Answer::Number(92.5)));
}

#[test]
fn an_amount_in_another_currency_is_refused_never_read_as_the_study_s() {
    let q = study();
    for typed in [
        "EUR 25,000",
        "25.000 €",
        "£40k",
        "25000 euros",
        "CHF 25'000",
        "40k GBP",
        // Other countries' dollars, and currencies written in letters.
        "A$25,000",
        "C$ 25,000",
        "CA$25,000",
        "HK$ 25,000",
        "R$ 25.000",
        "25000 Canadian dollars",
        "25,000 kr",
        "25 000 zł",
    ] {
        let err = Answers::from_form(&q, [("average_deal_value", typed)], Completeness::Draft)
            .expect_err(typed);
        let p = &err.problems[0];
        assert!(
            matches!(&p.kind, AnswerProblemKind::OtherCurrency { code, .. } if code == "USD"),
            "{typed}: {p:?}"
        );
        assert!(
            p.message.contains("your numbers are in US dollars (USD)"),
            "{}",
            p.message
        );
    }
    // A currency the study offers is named, with the way to choose it.
    let err = Answers::from_form(
        &q,
        [("average_deal_value", "EUR 25,000")],
        Completeness::Draft,
    )
    .expect_err("euros while the numbers are in dollars");
    assert_eq!(
        err.problems[0].message,
        "\u{201c}EUR 25,000\u{201d} is in euros (EUR), but your numbers are in US dollars (USD): enter the amount in US dollars, or choose euros (EUR) as the currency of your numbers"
    );
    // The study's own currency, however it is typed, and no currency at all.
    for typed in [
        "$25,000",
        "USD 25,000",
        "25k usd",
        "25000 dollars",
        "US$25,000",
        "25000 US dollars",
        "25,000",
        "25k",
    ] {
        let a = Answers::from_form(&q, [("average_deal_value", typed)], Completeness::Draft)
            .unwrap_or_else(|e| panic!("{typed}: {e}"));
        let pos = q.item_position("average_deal_value").expect("item");
        assert_eq!(a.get(pos), Some(&Answer::Number(25_000.0)), "{typed}");
    }
    // Only amounts name a currency: a cycle typed with "€" is still days.
    assert!(Answers::from_form(&q, [("sales_cycle_days", "90 days")], Completeness::Draft).is_ok());
}

#[test]
fn every_problem_is_listed_at_once_with_its_item() {
    let mut a = profile();
    a["no_such_item"] = json!("agree");
    a["close_ratio_satisfactory"] = json!("maybe");
    a["stated_win_rate"] = json!(140);
    a["sales_cycle_days"] = json!("ninety");
    a["deals_won"] = json!(2.5);
    a["executive_access_effective"] = json!(3);
    a["contact_email"] = json!("not an email");
    a.as_object_mut().expect("object").remove("industry");
    let found = problems(a);
    let kinds: Vec<(&str, &AnswerProblemKind)> = found
        .iter()
        .map(|(i, k)| (i.as_deref().unwrap_or(""), k))
        .collect();
    assert!(kinds.contains(&("no_such_item", &AnswerProblemKind::UnknownItem)));
    assert!(kinds.iter().any(|(i, k)| *i == "close_ratio_satisfactory"
        && matches!(k, AnswerProblemKind::UnknownOption { offered } if offered.contains(&"agree".to_string()))));
    assert!(kinds.iter().any(|(i, k)| *i == "stated_win_rate"
        && matches!(k, AnswerProblemKind::OutOfRange { min, max, .. } if *min == 0.0 && *max == 100.0)));
    assert!(kinds.contains(&("sales_cycle_days", &AnswerProblemKind::NotANumber)));
    assert!(kinds.contains(&("deals_won", &AnswerProblemKind::NotAnInteger)));
    assert!(kinds.contains(&(
        "executive_access_effective",
        &AnswerProblemKind::NotAnOption
    )));
    assert!(kinds.contains(&("contact_email", &AnswerProblemKind::NotAnEmail)));
    assert!(kinds.contains(&("industry", &AnswerProblemKind::Missing)));
    assert_eq!(found.len(), 8);
}

#[test]
fn a_draft_may_leave_required_answers_out() {
    let q = study();
    assert!(Answers::from_json(&q, &json!({"role": "rep"}), Completeness::Draft).is_ok());
    assert!(Answers::from_json(&q, &json!({"role": "rep"}), Completeness::Final).is_err());
}

#[test]
fn answers_that_are_not_an_object_are_refused() {
    assert_eq!(
        problems(json!([1, 2])),
        vec![(None, AnswerProblemKind::NotAnObject)]
    );
}

#[test]
fn form_fields_are_trimmed_and_numbers_may_have_separators() {
    let q = study();
    let a = Answers::from_form(
        &q,
        [
            ("average_deal_value", " 12,500 "),
            ("stated_win_rate", "30%"),
            ("deals_lost", ""),
        ],
        Completeness::Draft,
    )
    .expect("valid");
    let pos = q.item_position("average_deal_value").expect("item");
    assert_eq!(a.get(pos), Some(&Answer::Number(12_500.0)));
    assert_eq!(a.answered_count(), 2);
}

#[test]
fn answers_round_trip_through_json() {
    let q = study();
    let text = include_str!("../../../questionnaires/examples/strong-company.json");
    let json: Value = serde_json::from_str(text).expect("json");
    let a = Answers::from_json(&q, &json, Completeness::Final).expect("valid");
    assert_eq!(a.to_json(&q), json);
    let no_contact = a.without_contact(&q).to_json(&q);
    assert!(no_contact.get("contact_email").is_none());
    assert!(no_contact.get("industry").is_some());
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(|i| json!(i)),
        ".{0,20}".prop_map(Value::String),
        prop::sample::select(vec!["agree", "dont_know", "software", "1e308", "-0", "NaN"])
            .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "industry",
                    "stated_win_rate",
                    "deals_won",
                    "contact_email",
                    "close_ratio_satisfactory",
                    "crm_tenure",
                    "x",
                    ""
                ])
                .prop_map(str::to_string),
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn no_input_makes_the_checks_panic(json in arbitrary_json()) {
        let q = study();
        let _ = Answers::from_json(&q, &json, Completeness::Final);
        let _ = Answers::from_json(&q, &json, Completeness::Draft);
    }

    #[test]
    fn no_form_text_makes_the_checks_panic(id in "[a-z_]{0,30}", value in "\\PC{0,40}") {
        let q = study();
        let _ = Answers::from_form(&q, [(id.as_str(), value.as_str())], Completeness::Final);
        let _ = Answers::from_form(&q, [("stated_win_rate", value.as_str())], Completeness::Draft);
    }
}

#[test]
fn an_amount_in_the_chosen_currency_is_kept_in_the_reference_at_the_study_s_rate() {
    let q = study();
    let pos = q.item_position("average_deal_value").expect("item");
    for typed in ["€25,000", "25000 euros", "EUR 25k", "25,000"] {
        let a = Answers::from_form(
            &q,
            [("currency", "eur"), ("average_deal_value", typed)],
            Completeness::Draft,
        )
        .unwrap_or_else(|e| panic!("{typed}: {e}"));
        // 1 EUR = 1.16 USD on the study's day.
        assert_eq!(a.get(pos), Some(&Answer::Number(29_000.0)), "{typed}");
        assert_eq!(q.chosen_currency(&a).code, "EUR");
        assert_eq!(q.chosen_currency(&a).format(29_000.0), "€25,000");
    }
    // The sign of the reference while the numbers are in euros: refused,
    // naming both, never converted.
    let err = Answers::from_form(
        &q,
        [("currency", "eur"), ("average_deal_value", "$25,000")],
        Completeness::Draft,
    )
    .expect_err("dollars while the numbers are in euros");
    assert_eq!(
        err.problems[0].message,
        "\u{201c}$25,000\u{201d} is in US dollars (USD), but your numbers are in euros (EUR): enter the amount in euros, or choose US dollars (USD) as the currency of your numbers"
    );
    // A client's submitted amounts are in the chosen currency too.
    let a = Answers::from_submitted_json(
        &q,
        &serde_json::json!({ "currency": "gbp", "average_deal_value": 10000 }),
        Completeness::Draft,
    )
    .expect("answers");
    assert_eq!(a.get(pos), Some(&Answer::Number(13_200.0)));
    // Answers as kept (stored, copied into a new assessment) read back as
    // they are, never converted twice.
    let (stored, dropped) = Answers::read_stored(&q, &a.to_json(&q));
    assert!(dropped.is_empty());
    assert_eq!(stored, a);
    assert_eq!(
        Answers::from_json(&q, &a.to_json(&q), Completeness::Draft).expect("kept"),
        a
    );
}

#[test]
fn an_amount_s_range_is_the_one_the_respondent_reads_in_their_currency() {
    let q = study();
    let pos = q.item_position("deals_won_value").expect("item");
    let max = q.items[pos].number.as_ref().expect("a range").max;
    // The largest amount allowed, typed in pounds: kept as more dollars than
    // the range's top, and read back as kept.
    let a = Answers::from_submitted_json(
        &q,
        &serde_json::json!({ "currency": "gbp", "deals_won_value": max }),
        Completeness::Draft,
    )
    .expect("within the range in pounds");
    let kept = max * 1.32;
    assert_eq!(a.get(pos), Some(&Answer::Number(kept)));
    let (stored, dropped) = Answers::read_stored(&q, &a.to_json(&q));
    assert!(dropped.is_empty(), "{dropped:?}");
    assert_eq!(stored, a);
    // Above the range in pounds is refused, naming the range as typed.
    let err = Answers::from_submitted_json(
        &q,
        &serde_json::json!({ "currency": "gbp", "deals_won_value": max * 1.01 }),
        Completeness::Draft,
    )
    .expect_err("above the range");
    assert!(matches!(
        err.problems[0].kind,
        AnswerProblemKind::OutOfRange { .. }
    ));
}

#[test]
fn numbers_are_read_as_the_respondent_s_language_writes_them() {
    use crate::language::Language;
    let read = |s: &str, l| parse_typed_number_in(s, l);
    for l in [Language::German, Language::French, Language::Spanish] {
        assert_eq!(read("92,5", l), Some(92.5));
        assert_eq!(read("25.000", l), Some(25_000.0));
        assert_eq!(read("25.000 EUR", l), Some(25_000.0));
        assert_eq!(read("1.234.567,5", l), Some(1_234_567.5));
        assert_eq!(read("0,750", l), Some(0.75), "one comma is always decimal");
        assert_eq!(read("25 000", l), Some(25_000.0));
        assert_eq!(
            read("2.5", l),
            Some(2.5),
            "a dot before fewer than three digits"
        );
    }
    // English keeps its own reading: one dot is a decimal point.
    assert_eq!(read("25.000", Language::English), Some(25.0));
    assert_eq!(read("25,000", Language::English), Some(25_000.0));
}
