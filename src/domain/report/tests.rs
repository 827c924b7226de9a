use super::*;
use crate::scoring::{Scorecard, score};
use crate::testing::{answers, demo_peers, examples, report, report_against, study};

#[test]
fn a_response_stored_before_this_report_model_still_renders() {
    let q = study();
    let answers = answers(&q, examples::MIXED);
    // The scorecard and standing as older versions stored them: no headline or
    // impact on actions, no per-figure groups, deal counts as plain numbers.
    let mut card = serde_json::to_value(score(&q, &answers)).expect("json");
    for action in card["actions"].as_array_mut().expect("actions") {
        let a = action.as_object_mut().expect("object");
        a.remove("headline");
        a.remove("impact");
    }
    card["win_rate"]["deals_won"] = serde_json::json!(12.0);
    let card: Scorecard = serde_json::from_value(card).expect("an old scorecard reads");
    let mut standing = serde_json::to_value(PeerStanding::none("2026-01-05")).expect("json");
    let s = standing.as_object_mut().expect("object");
    s.remove("index_groups");
    s.remove("number_groups");
    let standing: PeerStanding = serde_json::from_value(standing).expect("an old standing reads");
    let r = Report::build(&ReportInput {
        questionnaire: &q,
        answers: &answers,
        scorecard: &card,
        standing: &standing,
        submitted_on: "2026-01-05",
    });
    // Old actions take their headline from the questionnaire.
    for a in &r.actions {
        let h = q
            .item(&a.item)
            .and_then(|i| i.headlines.as_ref())
            .expect("key area");
        assert!(
            [&h.keep, &h.change, &h.stop].contains(&&a.headline),
            "{}",
            a.headline
        );
    }
    assert!(r.overall.standing.starts_with("not compared yet"));
}

#[test]
fn amounts_have_thousands_separators() {
    assert_eq!(format_amount(12_800.4), "12,800");
    assert_eq!(format_amount(999.0), "999");
    assert_eq!(format_amount(1_000.0), "1,000");
    assert_eq!(format_amount(1_234_567.0), "1,234,567");
    assert_eq!(format_amount(-4_500.0), "-4,500");
}

#[test]
fn the_report_follows_the_answers_section_by_section() {
    let r = report(examples::STRONG);
    assert_eq!(r.respondent.as_deref(), Some("Jane Smith"));
    assert_eq!(r.company.as_deref(), Some("Sample Company"));
    assert_eq!(r.company_sections.len(), 9);
    assert_eq!(r.company_sections[0].title, "Strategic Alignment");
    assert_eq!(r.personal_sections.len(), 3);
    assert_eq!(r.sub_indices.len(), 4);
    assert_eq!(r.actions.len(), 5);
    assert!(
        r.sub_indices
            .iter()
            .all(|s| s.paragraph.is_some() && s.potential.is_some())
    );
    assert!(!r.peer.found);
    assert!(r.peer.sentence.starts_with("No peer group yet"));
    let numbers = r.numbers.expect("numbers given");
    // 2 won and 2 lost are too few to read as a rate: the stated 32% drives
    // velocity.
    assert_eq!(numbers.unit_win_rate, None);
    assert_eq!(numbers.value_win_rate, None);
    assert_eq!(
        numbers.win_rate_reconciled.as_deref(),
        Some("You stated a win rate of 32%, and the report uses that.")
    );
    assert_eq!(numbers.what_if_uplift, "47.9%");
    assert_eq!(numbers.velocity_per_day.as_deref(), Some("$12,800"));
}

#[test]
fn an_open_deal_appears_in_your_numbers() {
    let r = report(examples::AVERAGE);
    let numbers = r.numbers.expect("numbers given");
    assert_eq!(numbers.open_value.as_deref(), Some("$40,000"));
    assert_eq!(numbers.deals_open.as_deref(), Some("1"));
    let sentence = numbers.win_rate_sentence.expect("deals were given");
    assert!(
        sentence.contains("1 deal worth $40,000 is still open"),
        "{sentence}"
    );
}

#[test]
fn a_win_rate_from_too_few_deals_is_shown_nowhere_and_the_report_says_why() {
    let q = study();
    // 1 won and 6 lost, no stated rate: 14.3% is not a rate when the study needs
    // 10 deals decided, and velocity cannot be computed without one.
    let mut json: serde_json::Value = serde_json::from_str(examples::MIXED).expect("json");
    let map = json.as_object_mut().expect("object");
    map.remove("stated_win_rate");
    map.insert("deals_won".into(), 1.into());
    map.insert("deals_won_value".into(), 25_000.into());
    map.insert("deals_lost".into(), 6.into());
    map.insert("deals_lost_value".into(), 150_000.into());
    let peers = demo_peers(&q, 400, 1);
    let r = report_against(&q, &json.to_string(), &peers);
    let numbers = r.numbers.as_ref().expect("numbers given");
    assert_eq!(numbers.unit_win_rate, None);
    assert_eq!(numbers.value_win_rate, None);
    assert_eq!(numbers.velocity_per_day, None);
    for row in &numbers.rows {
        assert!(
            ![
                "Win rate",
                "Sales velocity per day",
                "Unit win rate (deals)",
                "Value win rate"
            ]
            .contains(&row.label.as_str()),
            "{} is shown",
            row.label
        );
    }
    let why = "your 7 decided deals are too few to read as a win rate, which needs at least 10";
    // Why is said once, in the executive summary; the numbers point to it.
    assert!(
        numbers.velocity_sentence.starts_with(
            "Your sales velocity is not shown; “Sales velocity” in the executive summary says why"
        ),
        "{}",
        numbers.velocity_sentence
    );
    assert!(
        r.velocity_paragraphs
            .iter()
            .any(|p| p == &format!("Your own velocity is not shown because {why}: state your win rate, or count a longer period, when you assess again.")),
        "{:?}",
        r.velocity_paragraphs
    );
    assert!(
        numbers
            .win_rate_sentence
            .as_deref()
            .is_some_and(|s| s.starts_with("You won 1 of the 7 deals decided. “Sales velocity” in the executive summary says why that is not read as a win rate.")),
        "{:?}",
        numbers.win_rate_sentence
    );
    // No sentence anywhere quotes the count as a rate, nor a velocity from it.
    let all = serde_json::to_string(&r).expect("json");
    for rate in ["14.3%", "14.29", "$1,429", "16.7%"] {
        assert!(!all.contains(rate), "{rate} in the report");
    }
}

#[test]
fn dont_know_answers_get_the_middling_paragraph_and_are_counted() {
    let r = report(examples::AVERAGE);
    let keeping = r
        .company_sections
        .iter()
        .find(|s| s.title == "Keeping Customers")
        .expect("section");
    assert!(
        keeping
            .entries
            .iter()
            .all(|e| e.answer == "Don't know" && e.band == Band::Middling)
    );
    assert!(r.coverage_note.contains("\u{201c}don't know\u{201d}"));
}

#[test]
fn the_note_explains_higher_than_only_when_a_report_shows_such_a_figure() {
    let q = study();
    let a = answers(&q, examples::MIXED);
    let card = score(&q, &a);
    let alone = Report::build(&ReportInput {
        questionnaire: &q,
        answers: &a,
        scorecard: &card,
        standing: &PeerStanding::none("2026-01-05"),
        submitted_on: "2026-01-05",
    });
    assert!(alone.overall.relative_display.is_none());
    assert!(
        !alone.words.note.contains("Higher than"),
        "{}",
        alone.words.note
    );
    let among_peers = report_against(&q, examples::MIXED, &demo_peers(&q, 300, 0));
    assert!(among_peers.overall.relative_display.is_some());
    assert!(
        among_peers
            .words
            .note
            .contains("\u{201c}Higher than 70%\u{201d} means that 70% of your peer group")
    );
}

/// The report's own words of `r`: headings, labels and the sentences the
/// summary writes around the questionnaire's texts.
fn own_words(r: &Report) -> Vec<String> {
    let mut out: Vec<String> = serde_json::to_value(&r.words)
        .expect("json")
        .as_object()
        .expect("object")
        .values()
        .flat_map(|v| match v {
            serde_json::Value::String(s) => vec![s.clone()],
            other => vec![other.to_string()],
        })
        .collect();
    out.extend([
        r.overall_sentence.clone(),
        r.personal_opening.clone(),
        r.peer.sentence.clone(),
        r.peer.label.clone(),
        r.coverage_note.clone(),
    ]);
    for i in std::iter::once(&r.overall)
        .chain(std::iter::once(&r.personal))
        .chain(r.sub_indices.iter().map(|s| &s.index))
    {
        out.extend([i.name.clone(), i.display.clone(), i.standing.clone()]);
        out.push(i.relative_short.clone());
        out.extend(i.median_line.as_ref().map(Paragraph::text));
    }
    for s in &r.sub_indices {
        out.push(s.heading.clone());
        out.push(s.against_peers.text());
        out.extend(s.potential_line.as_ref().map(Paragraph::text));
    }
    for a in &r.actions {
        out.push(a.verdict_label.clone());
        out.push(a.answered.text());
    }
    for t in &r.tensions {
        out.push(t.answered.text());
    }
    out
}

#[test]
fn a_german_report_says_its_own_words_in_german() {
    let study = study();
    let q = study.in_language(crate::language::Language::German);
    assert_eq!(q.language, crate::language::Language::German);
    let english = [
        "Company index",
        "Personal index",
        "Your first actions",
        "Based on your answers",
        "benchmark report",
        "Prepared for",
        "Submitted",
        "Summary",
        "summary",
        "Peer median",
        "peer median",
        "Peer group",
        "peer group",
        "Against peers",
        "Revenue increase potential",
        "You answered",
        "not compared",
        "Not compared",
        "higher than",
        "Higher than",
        "top of",
        "responses",
        "KEEP",
        "CHANGE",
        "STOP",
        "Your personal index",
        "don't know",
        "Not enough answers",
        "Sub-indices",
        "Detailed analysis",
        "Personal report",
        "Your numbers",
        "Since last time",
        "the dark tick",
        "points below",
    ];
    let alone = Report::from_answers(
        q,
        &answers(q, examples::MIXED),
        &PeerStanding::none(crate::testing::SUBMITTED_ON),
        crate::testing::SUBMITTED_ON,
    );
    let among_peers = report_against(q, examples::MIXED, &demo_peers(q, 300, 0));
    let unsure = report_against(q, examples::DONT_KNOW, &demo_peers(q, 300, 0));
    for r in [&alone, &among_peers, &unsure] {
        assert_eq!(r.language, crate::language::Language::German);
        for said in own_words(r) {
            for word in english {
                assert!(!said.contains(word), "{word:?} in {said:?}");
            }
        }
    }
    assert!(
        among_peers
            .overall_sentence
            .starts_with("Nach Ihren Antworten"),
        "{}",
        among_peers.overall_sentence
    );
    assert_eq!(among_peers.overall.name, "Unternehmensindex");
    assert!(alone.peer.sentence.contains("22. November 2026"));
    assert!(
        among_peers
            .actions
            .iter()
            .all(|a| ["WEITERHIN", "KÜNFTIG", "NICHT MEHR"].contains(&a.verdict_label.as_str()))
    );
}

#[test]
fn an_action_on_dont_know_asks_what_to_find_out_in_any_language() {
    let study = study();
    for language in crate::language::Language::ALL {
        let q = study.in_language(language);
        let a = answers(q, examples::DONT_KNOW);
        let card = score(q, &a);
        let mut asked = 0;
        for action in card.actions.iter().filter(|x| x.verdict == Verdict::Change) {
            let Some((item, Answer::Option(i))) = a.by_id(q, &action.item) else {
                continue;
            };
            if item.options[*i].score.is_some() {
                continue;
            }
            // Read back as a response stored before headlines: the headline
            // is found again from the questionnaire, by the option chosen.
            let find_out = item.headline(crate::questionnaire::HeadlineKind::FindOut, None);
            let found = summary::stored_before_headlines(q, &a, action);
            assert_eq!(Some(found), find_out, "{language}: {}", action.item);
            asked += 1;
        }
        assert!(
            asked > 0,
            "{language}: no CHANGE on a \u{201c}don't know\u{201d}"
        );
    }
}
