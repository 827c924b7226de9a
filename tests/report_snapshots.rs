//! The report model of each example persona, pinned: a change to scoring, peer
//! figures or any sentence the report writes shows up here as a diff to review.
//! Each persona is compared against the same 300 synthetic peers that
//! `serve --demo 300` would create, so peer figures are part of the snapshot.

use dealbench::domain::language::Language;
use dealbench::domain::report::Report;
use dealbench::domain::testing;

/// A persona's report against the 300 synthetic peers of `serve --demo 300`.
fn report(example: &str) -> Report {
    let q = testing::study();
    let peers = testing::demo_peers(&q, 300, 0);
    testing::report_against(&q, example, &peers)
}

macro_rules! persona {
    ($name:ident, $example:ident) => {
        #[test]
        fn $name() {
            let r = report(testing::examples::$example);
            insta::assert_json_snapshot!(stringify!($name), r);
        }
    };
}

persona!(strong_company, STRONG);
persona!(average_company, AVERAGE);
persona!(weak_company, WEAK);
persona!(mixed_vp_of_sales, MIXED);
persona!(partial_numbers, PARTIAL_NUMBERS);
persona!(dont_know_key_areas, DONT_KNOW);
persona!(partial_answers, PARTIAL_ANSWERS);
persona!(junior_rep, JUNIOR_REP);

/// A persona's report in `language`, against the same peers: peer figures do
/// not depend on the language.
fn report_in(language: Language, example: &str) -> Report {
    let q = testing::study();
    let peers = testing::demo_peers(&q, 300, 0);
    testing::report_against(q.in_language(language), example, &peers)
}

#[test]
fn german_vp_of_sales() {
    insta::assert_json_snapshot!(
        "german_vp_of_sales",
        report_in(Language::German, testing::examples::GERMAN)
    );
}

#[test]
fn french_sales_manager() {
    insta::assert_json_snapshot!(
        "french_sales_manager",
        report_in(Language::French, testing::examples::FRENCH)
    );
}

#[test]
fn a_report_in_another_language_has_the_same_figures() {
    let english = report_in(Language::English, testing::examples::GERMAN);
    for language in [Language::German, Language::French, Language::Spanish] {
        let other = report_in(language, testing::examples::GERMAN);
        assert_eq!(other.overall.score, english.overall.score, "{language}");
        assert_eq!(other.overall.peer_median, english.overall.peer_median);
        assert_eq!(other.personal.score, english.personal.score);
        for (a, b) in english.sub_indices.iter().zip(&other.sub_indices) {
            assert_eq!(a.index.score, b.index.score, "{language}");
        }
        let verdicts = |r: &Report| {
            r.actions
                .iter()
                .map(|a| (a.item.clone(), format!("{:?}", a.verdict)))
                .collect::<Vec<_>>()
        };
        assert_eq!(verdicts(&other), verdicts(&english), "{language}");
        assert_ne!(other.overall.name, english.overall.name, "{language}");
    }
}

#[test]
fn mixed_vp_of_sales_again() {
    let q = testing::study();
    let peers = testing::demo_peers(&q, 300, 0);
    let r = testing::reassessment_against(
        &q,
        testing::examples::MIXED,
        testing::examples::MIXED_AGAIN,
        &peers,
    );
    insta::assert_json_snapshot!("mixed_vp_of_sales_again", r);
}

#[test]
fn the_mixed_persona_reads_as_the_issue_asks() {
    let r = report(testing::examples::MIXED);
    let verdicts: Vec<String> = r
        .actions
        .iter()
        .map(|a| format!("{:?}", a.verdict))
        .collect();
    assert!(verdicts.contains(&"Keep".to_string()) && verdicts.contains(&"Stop".to_string()));
    // Her own numbers, in the currency, with peer medians beside them.
    assert!(
        r.velocity_paragraphs[0].contains("$10,000 of revenue a day"),
        "{}",
        r.velocity_paragraphs[0]
    );
    assert!(r.velocity_paragraphs[1].contains("$14,789 a day"));
    let numbers = r.numbers.as_ref().expect("numbers");
    assert!(
        numbers
            .rows
            .iter()
            .filter(|row| row.peer_median.is_some())
            .count()
            >= 5
    );
    let reconciled = numbers
        .win_rate_reconciled
        .as_deref()
        .expect("stated and counted");
    assert!(
        reconciled.contains("30%") && reconciled.contains("34.3%"),
        "{reconciled}"
    );
    // Her cycle answer is one of her actions: the action quotes the number, and the
    // detailed analysis points to it instead of saying it twice.
    let cycle = r
        .actions
        .iter()
        .find(|a| a.item == "sales_cycle_length_appropriate")
        .and_then(|a| a.figure.as_deref())
        .expect("the cycle commentary quotes her number");
    assert!(
        cycle.contains("90 days") && cycle.contains("median of your peer group"),
        "{cycle}"
    );
    // Tensions are named once and linked from both answers.
    assert!(
        r.tensions
            .iter()
            .any(|t| t.id == "negotiation_skills_vs_hardest_stage")
    );
    assert!(r.overall.peer_median.is_some() && r.personal.peer_median.is_some());
    assert!(r.personal_opening.starts_with("Your personal index is"));
}

/// A team of eight: three leaders, two managers and three reps, as the example
/// personas answered.
fn team_of_eight() -> dealbench::domain::team::TeamReport {
    use testing::examples::*;
    let q = testing::study();
    let peers = testing::demo_peers(&q, 300, 0);
    testing::team_report_against(
        &q,
        &[
            (MIXED, "executive"),
            (STRONG, "executive"),
            (AVERAGE, "executive"),
            (PARTIAL_NUMBERS, "manager"),
            (JUNIOR_REP, "manager"),
            (WEAK, "rep"),
            (DONT_KNOW, "rep"),
            (MIXED_AGAIN, "rep"),
        ],
        &peers,
    )
}

#[test]
fn a_team_of_eight() {
    insta::assert_json_snapshot!("a_team_of_eight", team_of_eight());
}

#[test]
fn a_team_report_says_what_its_gaps_mean_and_what_to_do() {
    let t = team_of_eight();
    assert_eq!(t.said.answered, "Wave 1: 8 people answered.");
    assert_eq!(t.said.reading.len(), 2, "{:?}", t.said.reading);
    // No sub-index stands below the others by more than rounding makes: none
    // is called the lowest, and the range is said.
    assert!(
        t.said.reading[0].starts_with("The team's indices stand level, between 65% and 70%"),
        "{}",
        t.said.reading[0]
    );
    assert!(!t.said.reading[0].contains("start there"));
    // Leaders and reps are 40 points apart on every sub-index (read together,
    // not one picked from the tie), within what rounding and every member's
    // noise can make with three of each: a question for the team, with one
    // step.
    assert!(
        t.said.reading[1].starts_with(
            "Leaders rate Value, Number, Win Rate and Sales Cycle 40 points higher than reps"
        ) && t.said.reading[1].contains("noise that keep answers private can make a gap this size")
            && t.said.reading[1].contains("Next step:"),
        "{}",
        t.said.reading[1]
    );
    // The gaps are said once, not once per index, and one size is said once.
    assert!(
        t.said
            .gaps
            .starts_with("The roles differ by 40 points on every index")
            && t.said.gaps.matches("40 points").count() == 1,
        "{}",
        t.said.gaps
    );
    assert!(t.said.legend.contains("the light band, its spread"));
}
