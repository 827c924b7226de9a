//! The command line as a user runs it: `questionnaire check`, `questionnaire show`,
//! `score`, and `--help` on every command.

use std::path::Path;
use std::process::{Command, Output};

fn dealbench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dealbench"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DEALBENCH_QUESTIONNAIRE")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_shipped_questionnaire_and_the_minimal_fixture_pass_the_check() {
    for file in [
        "questionnaires/dealbench-v1.toml",
        "tests/fixtures/minimal.toml",
    ] {
        let o = dealbench(&["questionnaire", "check", file]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        assert!(stdout(&o).contains("ok"));
    }
}

/// Each broken fixture with the item (or place) and the problem its message must name.
const BROKEN: &[(&str, &str, &str)] = &[
    (
        "duplicate-item-id",
        "item `value_item`",
        "duplicate item id",
    ),
    (
        "option-without-score",
        "item `win_rate_item`, option `often`",
        "has no score",
    ),
    (
        "weight-not-positive",
        "item `number_item`",
        "weight `number` = 0 is not positive",
    ),
    (
        "unknown-sub-index",
        "item `cycle_item`",
        "weight names `sales_speed`, which is not a sub-index",
    ),
    (
        "missing-commentary",
        "item `win_rate_item`",
        "commentary is missing: `middling`",
    ),
    (
        "bands-do-not-cover",
        "company_categories",
        "do not cover 0-100: nothing covers 50 to 60",
    ),
    (
        "missing-headline",
        "item `number_item`",
        "a key area needs a headline for each verdict; missing: `stop`",
    ),
    (
        "unknown-fallback-dimension",
        "[study]",
        "names dimension `country`, which no profile item defines",
    ),
    (
        "names-another-answer",
        "item `cycle_item`",
        "the `middling` paragraph is said for \u{201c}Neither\u{201d} but names \u{201c}Don't know\u{201d}",
    ),
    (
        "hedged-answer",
        "item `win_rate_item`",
        "hedges the answer it names: \u{201c}roughly often\u{201d}",
    ),
    (
        "undeclared-form",
        "item `value_item`",
        "declares no form `that` for `{answer:that}`",
    ),
    (
        "said-to-the-wrong-audience",
        "item `value_item`",
        "is said to `small_firms` and holds \u{201c}hire more sellers\u{201d}",
    ),
    (
        "measured-as-one-paragraph",
        "item `cycle_item`",
        "`measured` must say what the number settles",
    ),
    (
        "related-item-twice",
        "related `winning`",
        "items `value_item` and `number_item` are already judged together by related group `selling`",
    ),
    (
        "related-unknown-item",
        "related `selling`",
        "names item `no_such_item`, which does not exist",
    ),
    (
        "tension-within-related",
        "tension `value_vs_number`",
        "which related group `selling` already judges together",
    ),
    (
        "team-reading-placeholder",
        "[teams.readings] gap reading #1",
        "`top_down` uses {whom}, which is not one of",
    ),
    (
        "team-reading-missing",
        "[teams.readings]",
        "`level` is missing or empty",
    ),
    (
        "team-reading-order",
        "[teams.readings]",
        "gap readings must go from the narrowest gap to the widest",
    ),
    (
        "unknown-audience",
        "item `value_item`",
        "has variants for `reps`, which no [audiences] group declares",
    ),
];

#[test]
fn every_broken_fixture_is_rejected_with_the_file_the_place_and_the_problem() {
    for (name, place, problem) in BROKEN {
        let file = format!("tests/fixtures/broken/{name}.toml");
        assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(&file).exists());
        let o = dealbench(&["questionnaire", "check", &file]);
        assert_eq!(o.status.code(), Some(2), "{name} was accepted");
        let err = stderr(&o);
        let line = err
            .lines()
            .find(|l| l.contains(problem))
            .unwrap_or_else(|| panic!("{name}: no line says `{problem}`:\n{err}"));
        assert!(
            line.contains(&file),
            "{name}: the file is not named: {line}"
        );
        assert!(
            line.contains(place),
            "{name}: `{place}` is not named: {line}"
        );
    }
}

#[test]
fn all_problems_of_a_file_are_reported_at_once() {
    let o = dealbench(&[
        "questionnaire",
        "check",
        "tests/fixtures/broken/several-problems.toml",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("duplicate item id"), "{err}");
    assert!(err.contains("`sales_speed`"), "{err}");
    assert!(
        err.contains("item `own_item`: commentary is missing: `middling`"),
        "{err}"
    );
}

#[test]
fn a_missing_questionnaire_file_is_a_clear_error() {
    let o = dealbench(&["questionnaire", "check", "questionnaires/none.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("questionnaires/none.toml: file: cannot be read"));
}

#[test]
fn show_prints_the_questionnaire_as_json_with_options_scores_and_weights() {
    let o = dealbench(&["questionnaire", "show", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let q: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(q["id"], "dealbench");
    let items = q["items"].as_array().expect("items");
    let close = items
        .iter()
        .find(|i| i["id"] == "close_ratio_satisfactory")
        .expect("item");
    assert_eq!(close["kind"], "agreement");
    assert!(close["weights"]["win_rate"].as_f64().expect("weight") > 0.0);
    assert_eq!(close["options"][4]["score"], 100.0);
    assert!(
        close["options"][5]["score"].is_null(),
        "don't know has no score"
    );
    assert!(q["sections"].as_array().expect("sections").len() >= 13);
}

#[test]
fn score_prints_a_full_scorecard_for_the_strong_example() {
    let o = dealbench(&["score", "questionnaires/examples/strong-company.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let overall = card["overall"]["score"].as_f64().expect("overall");
    let subs: Vec<f64> = ["value", "number", "win_rate", "sales_cycle"]
        .iter()
        .map(|k| card["sub_indices"][k]["score"].as_f64().expect("sub-index"))
        .collect();
    // The company index is the mean of the sub-indices as shown (whole
    // numbers), so that it adds up from what the report prints.
    assert!((overall - subs.iter().map(|s| s.round()).sum::<f64>() / 4.0).abs() < 1e-9);
    assert_eq!(card["overall"]["category"], "Top performer");
    assert!(card["personal"]["score"].as_f64().expect("personal") > 85.0);
    assert_eq!(card["actions"].as_array().expect("actions").len(), 5);
    assert!(card["revenue_potential"]["value"]["level"].is_string());
    // The example carries 2 deals won and 2 lost: too few to read as a rate,
    // which needs 10 decided. Velocity runs on the win rate stated.
    assert_eq!(card["win_rate"]["deals_won"], 2.0);
    assert_eq!(card["win_rate"]["unit"], serde_json::Value::Null);
    assert_eq!(card["win_rate"]["value"], serde_json::Value::Null);
    assert_eq!(card["win_rate"]["minimum_decided_deals"], 10.0);
    assert_eq!(card["velocity"]["win_rate_used"], 32.0);
    assert!(card["velocity"]["per_day"].as_f64().expect("velocity") > 0.0);
}

#[test]
fn score_words_each_action_as_the_report_does() {
    use dealbench::domain::report::Report;
    use dealbench::domain::testing::{self, SUBMITTED_ON};
    // Unsure of the close ratio, with a win rate given: the report's paragraph
    // reads the figure ("your own numbers can settle it"), not the plain one.
    let mut answers: serde_json::Value =
        serde_json::from_str(testing::examples::WEAK).expect("json");
    answers["close_ratio_satisfactory"] = "neutral".into();
    answers["stated_win_rate"] = 20.into();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("answers.json");
    std::fs::write(&file, answers.to_string()).expect("write");
    let o = dealbench(&["score", file.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let q = testing::study();
    let report = Report::from_answers(
        &q,
        &testing::answers(&q, &answers.to_string()),
        &dealbench::domain::PeerStanding::none(SUBMITTED_ON),
        SUBMITTED_ON,
    );
    let actions = card["actions"].as_array().expect("actions");
    assert_eq!(actions.len(), report.actions.len());
    for (printed, view) in actions.iter().zip(&report.actions) {
        assert_eq!(printed["item"], view.item.as_str());
        assert_eq!(
            printed["paragraph"],
            view.paragraph.as_str(),
            "{}",
            view.item
        );
    }
    // Without a peer median the stated win rate settles nothing against peers:
    // the measured paragraphs (worse, level, better) wait for one, and the
    // answer's own paragraph is the report's, word for word.
    let close = actions
        .iter()
        .find(|a| a["item"] == "close_ratio_satisfactory")
        .expect("the close ratio is a key area here");
    assert!(
        close["paragraph"]
            .as_str()
            .is_some_and(|p| p.starts_with("You neither agree nor disagree")),
        "{close}"
    );
}

#[test]
fn score_shows_the_open_deal_beside_the_win_rates() {
    let o = dealbench(&["score", "questionnaires/examples/average-company.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    // 2 won and 1 lost are no rate; the open deal is there all the same.
    assert_eq!(card["win_rate"]["unit"], serde_json::Value::Null);
    assert_eq!(card["win_rate"]["deals_open"], 1.0);
    assert_eq!(card["win_rate"]["open_value"], 40000.0);
    // No win rate was stated, so there is no velocity.
    assert!(card.get("velocity").is_none());
}

#[test]
fn partial_answers_score_as_not_enough_answers() {
    let o = dealbench(&["score", "questionnaires/examples/partial-answers.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(card["overall"]["score"].is_null());
    assert!(card["overall"]["coverage"].as_f64().expect("coverage") < 60.0);
}

#[test]
fn bad_answers_are_listed_on_stderr_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        r#"{"industry": "farming", "stated_win_rate": 150, "deals_won": "two", "nope": 1}"#,
    )
    .expect("write");
    let o = dealbench(&["score", file.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    for expected in [
        "industry: that is not one of the answers offered",
        "stated_win_rate: enter a number from 0 to 100 %",
        "deals_won: enter a number",
        "nope: there is no question `nope`",
        "company_size: please answer this question",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
}

#[test]
fn an_answers_file_that_is_not_json_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bad.json");
    std::fs::write(&file, b"\xff\xfe{").expect("write");
    let o = dealbench(&["score", file.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not valid JSON"));
}

#[test]
fn an_answers_file_that_gives_a_key_twice_is_refused_naming_the_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("twice.json");
    // The strong example with its win rate given a second time, further down.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/examples/strong-company.json"),
    )
    .expect("example");
    let twice = text.replacen('{', "{\n  \"stated_win_rate\": 90,", 1);
    std::fs::write(&file, twice).expect("write");
    let path = file.to_str().expect("utf-8 path");
    let o = dealbench(&["score", path]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("the key `stated_win_rate` appears twice"),
        "{err}"
    );
    // The same reader for a report's answers file: no PDF is written.
    let pdf = dir.path().join("report.pdf");
    let o = dealbench(&[
        "report",
        "--answers",
        path,
        "--pdf",
        pdf.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the key `stated_win_rate` appears twice"));
    assert!(!pdf.exists());
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["questionnaire", "--help"],
        vec!["questionnaire", "check", "--help"],
        vec!["questionnaire", "show", "--help"],
        vec!["score", "--help"],
    ] {
        let o = dealbench(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn report_writes_the_pdf_of_an_answers_file_without_a_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("report.pdf");
    let o = dealbench(&[
        "report",
        "--answers",
        "questionnaires/examples/strong-company.json",
        "--pdf",
        pdf.to_str().expect("utf-8 path"),
        "--db",
        dir.path().join("none.db").to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(&pdf).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        !dir.path().join("none.db").exists(),
        "no database was created"
    );
}

#[test]
fn report_writes_the_pdf_in_the_language_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("bericht.pdf");
    let args = |lang: &'static str, to: &Path| {
        vec![
            "report".to_string(),
            "--answers".into(),
            "questionnaires/examples/german-vp-of-sales.json".into(),
            "--pdf".into(),
            to.to_str().expect("utf-8 path").into(),
            "--lang".into(),
            lang.into(),
        ]
    };
    let o = dealbench(
        &args("de", &pdf)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(&pdf).expect("written");
    assert!(
        bytes.windows(9).any(|w| w == b"/Lang(de)"),
        "the PDF declares German"
    );
    let refused = dir.path().join("none.pdf");
    let o = dealbench(
        &args("xx", &refused)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--lang xx: the questionnaire is written in en, de, fr, es"),
        "{}",
        stderr(&o)
    );
    assert!(!refused.exists(), "no PDF for a language it does not have");
}

#[test]
fn report_of_an_unknown_response_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = dealbench(&[
        "report",
        "3f1c7a52-5a0e-4a53-9d40-2f3a1a1c0b6e",
        "--pdf",
        dir.path().join("r.pdf").to_str().expect("utf-8 path"),
        "--db",
        dir.path().join("none.db").to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such database"));
}

/// A translation is checked with the study file: a text missing, one the study
/// file does not have, a changed placeholder and a character the PDF cannot
/// draw are each named with the file and the place; the shipped ones pass.
#[test]
fn a_translation_is_checked_against_the_study_file_and_the_pdf_s_fonts() {
    let o = dealbench(&["questionnaire", "check", "questionnaires/dealbench-v1.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("languages en, de, fr, es"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    std::fs::copy(
        root.join("dealbench-v1.toml"),
        dir.path().join("dealbench-v1.toml"),
    )
    .expect("copy");
    let german = std::fs::read_to_string(root.join("dealbench-v1.de.toml")).expect("German");
    let file = dir.path().join("dealbench-v1.de.toml");
    let check = |text: &str| {
        std::fs::write(&file, text).expect("write");
        let path = dir.path().join("dealbench-v1.toml");
        dealbench(&["questionnaire", "check", path.to_str().expect("utf-8")])
    };

    // Missing and extra texts, by place, in the translation's file.
    let broken = german.replacen("[items.years_in_sales]", "[items.years_in_sale]", 1);
    let o = check(&broken);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("dealbench-v1.de.toml"), "{err}");
    assert!(
        err.contains("items.years_in_sales.text: has no translation"),
        "{err}"
    );
    assert!(
        err.contains("items.years_in_sale.text: is not in the study file"),
        "{err}"
    );

    // A character the report's fonts do not have.
    let o = check(&german.replacen("name = \"", "name = \"\u{4e2d} ", 1));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("study.name: the PDF's fonts cannot draw"),
        "{err}"
    );
    assert!(err.contains("U+4E2D"), "{err}");
}
