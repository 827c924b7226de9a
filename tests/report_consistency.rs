//! Every rule of how a report reads, checked over more than a thousand random
//! responses compared against a synthetic peer population: the verdict mix of
//! Keep / Change / Stop, revenue potential against the band, category against the
//! percentage shown, relative performance in words, commentary that names only the
//! answer given, every amount in the study's currency, blanks that stay unknown and
//! no figure resting on fewer than K values.

use dealbench::domain::answers::{Answer, Answers, Completeness};
use dealbench::domain::peer::{IndexKind, PeerIndex, PeerNumber};
use dealbench::domain::questionnaire::{
    Band, ItemKind, PartKind, Questionnaire, SubIndex, reads_after_change,
};
use dealbench::domain::report::{
    BOTTOM_QUARTER, BOTTOM_TENTH, Report, ReportInput, figure_value, markedly_worse,
    sub_index_number,
};
use dealbench::domain::scoring::{MAX_STOPS, Verdict, questioned_items, score};
use serde_json::{Map, Value, json};

use dealbench::domain::testing::{demo_peers, profile, study};

/// Peers as `serve --demo` makes them.
fn population(q: &Questionnaire, n: u64) -> PeerIndex {
    demo_peers(q, n, 1_000_000)
}

/// A random response: any option of any item, some skipped, numbers sometimes
/// blank, sometimes given.
fn random_answers(q: &Questionnaire, rng: &mut fastrand::Rng) -> Answers {
    let mut map = Map::new();
    let skip = rng.f64() * 0.3;
    let blank = rng.f64();
    for item in &q.items {
        if item.contact {
            continue;
        }
        match item.kind {
            ItemKind::Number => {
                if item.required || rng.f64() > blank {
                    let r = item.number.as_ref().expect("number range");
                    let hi = r.max.min(if r.unit == "%" { 100.0 } else { 200_000.0 });
                    let v = r.min.max(1.0) + rng.f64() * (hi - r.min.max(1.0));
                    map.insert(item.id.clone(), json!(v.round()));
                }
            }
            ItemKind::Text => {}
            _ => {
                if item.required || rng.f64() > skip {
                    let o = &item.options[rng.usize(..item.options.len())];
                    map.insert(item.id.clone(), json!(o.id));
                }
            }
        }
    }
    Answers::from_json(q, &Value::Object(map), Completeness::Final)
        .expect("random answers are valid")
}

/// Labels of an item's options as they would be written in a sentence.
fn words(label: &str) -> String {
    label
        .split(':')
        .next()
        .unwrap_or(label)
        .trim()
        .to_lowercase()
}

fn contains_phrase(text: &str, phrase: &str) -> bool {
    let text = text.to_lowercase();
    let mut from = 0;
    while let Some(at) = text[from..].find(phrase) {
        let start = from + at;
        let end = start + phrase.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return true;
        }
        from = end;
    }
    false
}

/// The ways a paragraph can hedge between answers instead of naming the one given.
fn hedges(q: &Questionnaire, item_id: &str, chosen: &str, paragraph: &str) -> Vec<String> {
    let item = q.item(item_id).expect("item");
    let text = paragraph.to_lowercase().replace(&words(chosen), " ");
    let others: Vec<String> = item
        .options
        .iter()
        .filter(|o| o.label != chosen && o.label != "Don't know")
        .map(|o| words(&o.label))
        .collect();
    let mut found = Vec::new();
    for other in &others {
        // Single ordinary words ("agree", "never", "important") are also plain
        // English; a label of several words or with a figure is not.
        let distinctive = other.contains(' ') || other.chars().any(|c| c.is_ascii_digit());
        if distinctive && contains_phrase(&text, other) {
            found.push(format!("names another answer, {other:?}"));
        }
    }
    let all: Vec<String> = item.options.iter().map(|o| words(&o.label)).collect();
    for a in &all {
        for b in &all {
            if a != b && contains_phrase(paragraph, &format!("{a} or {b}")) {
                found.push(format!("hedges between {a:?} and {b:?}"));
            }
        }
    }
    for phrase in [
        "or you are not sure",
        "or you're unsure",
        "or you are unsure",
        "or you were not sure",
        "or perhaps unsure",
        "if you chose",
        "{answer}",
        // Band phrases that rename an answer into another: "of little importance"
        // for "Somewhat important", "at least half" for "Over 75%".
        "of little importance",
        "at least half",
        "most of your",
        "than you think",
    ] {
        if paragraph.to_lowercase().contains(phrase) {
            found.push(format!("hedges: {phrase:?}"));
        }
    }
    found
}

/// Every "12,345"-like amount in a money sentence carries the currency symbol.
fn amounts_without_currency(text: &str, symbol: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit()
            && (i == 0
                || !bytes[i - 1].is_ascii_digit() && bytes[i - 1] != ',' && bytes[i - 1] != '.')
        {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == ',') {
                i += 1;
            }
            let token: String = bytes[start..i].iter().collect();
            let token = token.trim_end_matches(',');
            let after: String = bytes[start + token.len()..].iter().take(14).collect();
            // Counts and durations are not amounts.
            let counted = [
                " qualified",
                "-day",
                " day",
                " deal",
                " responses",
                " opportunit",
            ]
            .iter()
            .any(|w| after.starts_with(w));
            if token.contains(',') && !counted {
                let prefix: String = bytes[..start].iter().collect();
                if !prefix.ends_with(symbol) {
                    found.push(token.to_string());
                }
            }
        } else {
            i += 1;
        }
    }
    found
}

#[test]
fn a_thousand_random_reports_follow_every_rule() {
    let q = study();
    let peers = population(&q, 400);
    let k = q.peer_group_minimum;
    let symbol = q.currency.symbol.clone();
    let mut rng = fastrand::Rng::with_seed(10);
    let mut seen_mixed = 0;
    // Hedging is a property of the questionnaire's text: collected over all
    // responses, so that one run lists every paragraph to rewrite.
    let mut hedging = std::collections::BTreeSet::new();
    let mut seen_medians = 0;
    for n in 0..1_000 {
        let answers = random_answers(&q, &mut rng);
        let mut card = score(&q, &answers);
        let standing = peers.standing(&profile(&q, &answers), &card, "2026-11-22");
        card.benchmark_against(&q, &standing.tops);
        let r = Report::build(&ReportInput {
            questionnaire: &q,
            answers: &answers,
            scorecard: &card,
            standing: &standing,
            submitted_on: "2026-11-22",
        });
        let ctx = format!("response {n}");

        // Keep / Change / Stop.
        let verdicts: Vec<Verdict> = r.actions.iter().map(|a| a.verdict).collect();
        assert!(
            verdicts.iter().filter(|v| **v == Verdict::Stop).count() <= MAX_STOPS,
            "{ctx}"
        );
        // A strong answer a tension questions is not kept.
        let questioned = questioned_items(&q, &answers);
        let key_bands: Vec<Band> = q
            .items_of_part(PartKind::Company)
            .filter(|i| i.key_area)
            .filter_map(|i| match answers.by_id(&q, &i.id)? {
                (item, Answer::Option(o)) => Some(q.commentary.band(item.options[*o].score))
                    .filter(|b| *b != Band::Strong || !questioned.contains(&item.id)),
                _ => None,
            })
            .collect();
        for a in &r.actions {
            assert!(
                a.verdict != Verdict::Keep || !questioned.contains(&a.item),
                "{ctx}: KEEP {} while a tension questions it",
                a.item
            );
        }
        if key_bands.contains(&Band::Strong) {
            assert!(verdicts.contains(&Verdict::Keep), "{ctx}: {verdicts:?}");
        }
        if key_bands.contains(&Band::Weak) {
            assert!(verdicts.contains(&Verdict::Stop), "{ctx}: {verdicts:?}");
        }
        if verdicts.contains(&Verdict::Keep) && verdicts.contains(&Verdict::Stop) {
            seen_mixed += 1;
        }
        for a in &r.actions {
            let item = q.item(&a.item).expect("item");
            let option = item
                .options
                .iter()
                .find(|o| o.label == a.answer)
                .expect("option");
            let expected = match q.commentary.band(option.score) {
                Band::Strong => Verdict::Keep,
                Band::Weak => Verdict::Stop,
                Band::Middling => Verdict::Change,
            };
            assert_eq!(a.verdict, expected, "{ctx}: {}", a.item);
            assert_ne!(
                a.headline, a.question,
                "{ctx}: a verdict needs its own headline"
            );
            if a.verdict == Verdict::Change {
                assert!(
                    reads_after_change(&a.headline),
                    "{ctx}: CHANGE {}",
                    a.headline
                );
            }
            for h in hedges(&q, &a.item, &a.answer, &a.paragraph) {
                hedging.insert(format!("{} ({}): {h}", a.item, a.answer));
            }
        }

        // Category, potential and relative performance against what is shown.
        let indices = std::iter::once((&r.overall, false))
            .chain(r.sub_indices.iter().map(|s| (&s.index, false)))
            .chain(std::iter::once((&r.personal, true)));
        for (index, personal) in indices {
            let bands = if personal {
                &q.personal_categories
            } else {
                &q.company_categories
            };
            if let Some(score) = index.score {
                let shown: f64 = index
                    .display
                    .trim_end_matches('%')
                    .parse()
                    .expect("a percentage");
                assert_eq!(shown, score.round(), "{ctx}");
                assert_eq!(
                    index.category.as_deref(),
                    Some(bands.find(shown).name.as_str()),
                    "{ctx}: {}",
                    index.key
                );
            }
            match index.relative {
                Some(rel) => {
                    let kind = IndexKind::ALL
                        .into_iter()
                        .find(|k| k.key() == index.key)
                        .expect("kind");
                    let group = standing
                        .index_group(kind)
                        .expect("a figure names its group");
                    assert!(
                        group.n >= k,
                        "{ctx}: {} rests on {} scores",
                        index.key,
                        group.n
                    );
                    if rel >= 100.0 {
                        assert!(
                            index.standing.starts_with("top of your peer group ("),
                            "{ctx}: {}",
                            index.standing
                        );
                    } else if rel < BOTTOM_TENTH {
                        assert!(
                            index
                                .standing
                                .starts_with("in the bottom tenth of your peer group (")
                                || index
                                    .standing
                                    .starts_with("the lowest in your peer group ("),
                            "{ctx}: {}",
                            index.standing
                        );
                    } else if rel < BOTTOM_QUARTER {
                        assert!(
                            index
                                .standing
                                .starts_with("in the bottom quarter of your peer group ("),
                            "{ctx}: {}",
                            index.standing
                        );
                    } else {
                        assert!(
                            index.standing.starts_with(&format!(
                                "higher than {}% of your peer group (",
                                rel.floor()
                            )),
                            "{ctx}: {}",
                            index.standing
                        );
                    }
                    assert!(
                        index.standing.ends_with(&format!("{} responses)", group.n)),
                        "{ctx}: {}",
                        index.standing
                    );
                    assert!(!index.standing.contains("did not score better"), "{ctx}");
                }
                None => assert!(
                    index.standing.starts_with("not compared"),
                    "{ctx}: {}",
                    index.standing
                ),
            }
            if index.peer_median.is_some() {
                seen_medians += 1;
            }
        }
        let first = &q.revenue_potential.all()[0].name;
        let last = &q.revenue_potential.all()[q.revenue_potential.all().len() - 1].name;
        for s in &r.sub_indices {
            let (Some(score), Some(potential)) = (s.index.score, &s.potential) else {
                continue;
            };
            match q.commentary.band(Some(score.round())) {
                Band::Strong => assert_ne!(potential, last, "{ctx}: {} at {score}", s.index.key),
                _ => assert_ne!(potential, first, "{ctx}: {} at {score}", s.index.key),
            }
        }

        // Commentary names the answer given, and nothing hedges.
        for section in r.company_sections.iter().chain(&r.personal_sections) {
            for e in &section.entries {
                for h in hedges(&q, &e.item, &e.answer, &e.paragraph) {
                    hedging.insert(format!("{} ({}): {h}", e.item, e.answer));
                }
            }
        }

        let numbers = card.numbers.clone().unwrap_or_default();
        check_own_numbers(&q, &r, &card, &standing, &numbers, &ctx);

        // Amounts in the study's currency; blanks unknown, never zero.
        for p in &r.velocity_paragraphs {
            let bare = amounts_without_currency(p, &symbol);
            assert!(bare.is_empty(), "{ctx}: {bare:?} in {p}");
        }
        if let Some(n) = &r.numbers {
            for text in [Some(&n.velocity_sentence), n.win_rate_sentence.as_ref()]
                .into_iter()
                .flatten()
            {
                let bare = amounts_without_currency(text, &symbol);
                assert!(bare.is_empty(), "{ctx}: {bare:?} in {text}");
            }
            for row in &n.rows {
                if ["Average deal value", "Sales velocity per day"].contains(&row.label.as_str()) {
                    assert!(row.yours.starts_with(&symbol), "{ctx}: {}", row.yours);
                    if let Some(m) = &row.peer_median {
                        assert!(m.starts_with(&symbol), "{ctx}: {m}");
                    }
                }
                assert!(
                    row.peer_median.is_some() != row.peer_missing.is_some(),
                    "{ctx}: {}",
                    row.label
                );
            }
            if numbers.deals_open.is_some_and(|d| d > 0.0) {
                let s = n.win_rate_sentence.as_deref().unwrap_or_default();
                assert!(s.contains("still open"), "{ctx}: open deals vanished: {s}");
            }
        }
        if numbers.deals_won.is_none() || numbers.deals_lost.is_none() {
            assert_eq!(card.win_rate.as_ref().and_then(|w| w.unit), None, "{ctx}");
        }
        if card.velocity.is_some() {
            assert!(
                numbers
                    .effective_win_rate(q.minimum_decided_deals)
                    .is_some(),
                "{ctx}"
            );
        }
        // Fewer decided deals than the study reads as a rate: no rate, and no
        // velocity unless a rate was stated.
        if numbers.too_few_decided(q.minimum_decided_deals) {
            let w = card.win_rate.as_ref().expect("deals were given");
            assert_eq!((w.unit, w.value), (None, None), "{ctx}");
            if numbers.win_rate.is_none() {
                assert_eq!(card.velocity, None, "{ctx}");
            }
        }
        for (key, group) in &standing.number_groups {
            assert!(
                group.n >= k,
                "{ctx}: median of {key} rests on {} values",
                group.n
            );
        }
        for n in PeerNumber::ALL {
            assert_eq!(
                standing.number_medians.contains_key(n.key()),
                standing.number_groups.contains_key(n.key()),
                "{ctx}"
            );
        }
    }
    assert!(
        hedging.is_empty(),
        "paragraphs that do not name the answer given:\n{}",
        hedging.into_iter().collect::<Vec<_>>().join("\n")
    );
    // The checks above had something to check.
    assert!(
        seen_mixed > 100,
        "{seen_mixed} reports with both KEEP and STOP"
    );
    assert!(seen_medians > 1_000, "{seen_medians} peer medians");
}

/// Commentary never ignores or contradicts the respondent's own numbers: a count
/// on few decided deals is not read as a rate, the summary quotes the figure and
/// the peer median, a confident answer beside a figure that disproves it is not
/// praised, and an answer that a fired tension questions is not praised either.
fn check_own_numbers(
    q: &Questionnaire,
    r: &Report,
    card: &dealbench::domain::scoring::Scorecard,
    standing: &dealbench::domain::peer::PeerStanding,
    numbers: &dealbench::domain::velocity::CompanyNumbers,
    ctx: &str,
) {
    let everything = r.sentences().join(" ");
    // A missing figure says why, in one plain clause.
    if card.numbers.is_none() {
        assert!(
            r.velocity_paragraphs
                .iter()
                .any(|p| p.contains("velocity is not shown because")),
            "{ctx}: no reason for the missing velocity"
        );
    }
    if let Some(n) = &r.numbers {
        let dims: std::collections::BTreeSet<&str> = n
            .rows
            .iter()
            .filter_map(|row| row.peer_group.as_deref())
            .map(|g| g.rsplit_once(", ").map_or(g, |(d, _)| d))
            .collect();
        if dims.len() > 1 {
            assert!(
                n.velocity_sentence.contains("differ from row to row"),
                "{ctx}: peer groups change per row unexplained"
            );
        }
    }
    // Said once: no action paragraph is repeated in the detailed analysis, and the
    // what-if appears once.
    for a in &r.actions {
        for section in &r.company_sections {
            for e in &section.entries {
                assert_ne!(a.paragraph, e.paragraph, "{ctx}: {} said twice", e.item);
            }
        }
    }
    if let Some(n) = r.numbers.as_ref().and_then(|n| n.what_if_per_day.as_ref()) {
        assert_eq!(
            everything.matches(n.as_str()).count(),
            1,
            "{ctx}: the what-if {n} is not said once"
        );
    }
    let decided = card
        .win_rate
        .as_ref()
        .and_then(|w| Some(w.deals_won? + w.deals_lost?));
    if decided.is_some_and(|d| d < q.minimum_decided_deals) {
        for phrase in [
            "deals more often than",
            "by count and",
            "decided deals give",
        ] {
            assert!(
                !everything.contains(phrase),
                "{ctx}: a rate read from {decided:?} deals: {phrase:?}"
            );
        }
        if card.velocity.is_some() && numbers.win_rate.is_none() {
            assert!(
                r.velocity_paragraphs[0].contains("rests on only"),
                "{ctx}: {}",
                r.velocity_paragraphs[0]
            );
        }
        if let Some(n) = &r.numbers {
            assert!(
                n.rows.iter().all(|row| !row.label.contains("win rate")),
                "{ctx}: a counted rate on few deals in the table"
            );
        }
    }
    for s in &r.sub_indices {
        let (Some(paragraph), Some(shown)) = (&s.paragraph, s.index.score) else {
            continue;
        };
        let sub = SubIndex::ALL
            .into_iter()
            .find(|x| x.key() == s.index.key)
            .expect("sub-index");
        let n = sub_index_number(sub);
        let Some(yours) = figure_value(q, numbers, n) else {
            continue;
        };
        let median = standing.number_medians.get(n.key()).copied();
        assert!(
            paragraph.contains("median of your peer group") || paragraph.contains("no peer median"),
            "{ctx}: {} ignores the figure: {paragraph}",
            s.index.key
        );
        let text = q.sub_index_text(sub);
        let band = q.commentary.band(Some(shown.round()));
        if median.is_some_and(|m| markedly_worse(q, n, yours, m)) && band != Band::Weak {
            assert!(
                !paragraph.starts_with(text.commentary.paragraph(band)),
                "{ctx}: {} praises beside a figure that disproves it",
                s.index.key
            );
        }
    }
    // A strong sub-index is not praised while a tension questions a strong answer
    // that feeds it.
    let questioned: Vec<&str> = r
        .company_sections
        .iter()
        .flat_map(|s| &s.entries)
        .filter(|e| e.band == Band::Strong && !e.tensions.is_empty())
        .map(|e| e.item.as_str())
        .collect();
    for s in &r.sub_indices {
        let (Some(paragraph), Some(shown)) = (&s.paragraph, s.index.score) else {
            continue;
        };
        let sub = SubIndex::ALL
            .into_iter()
            .find(|x| x.key() == s.index.key)
            .expect("sub-index");
        let feeds = questioned
            .iter()
            .any(|i| q.item(i).is_some_and(|i| i.weights[sub.position()] > 0.0));
        if feeds && q.commentary.band(Some(shown.round())) == Band::Strong {
            assert!(
                !paragraph.starts_with(&q.sub_index_text(sub).commentary.strong),
                "{ctx}: {} praised while a tension questions it",
                s.index.key
            );
        }
    }
    for section in &r.company_sections {
        for e in &section.entries {
            let item = q.item(&e.item).expect("item");
            let commentary = item.commentary.as_ref().expect("scored");
            if e.band == Band::Strong {
                assert!(
                    e.tensions.is_empty() || e.paragraph != commentary.strong,
                    "{ctx}: {} praised while a tension questions it",
                    e.item
                );
            }
            let Some(n) = item.quotes.and_then(|m| {
                dealbench::domain::peer::PeerNumber::ALL
                    .into_iter()
                    .find(|p| p.key() == m.key())
            }) else {
                continue;
            };
            let yours = figure_value(q, numbers, n);
            let median = standing.number_medians.get(n.key()).copied();
            if let (Some(y), Some(m), Band::Strong) = (yours, median, e.band)
                && markedly_worse(q, n, y, m)
            {
                assert_ne!(
                    e.paragraph, commentary.strong,
                    "{ctx}: {} praises beside {y} against a median of {m}",
                    e.item
                );
            }
            if let (Some(_), Band::Middling, Some(measured)) = (yours, e.band, &item.measured) {
                let said = r
                    .actions
                    .iter()
                    .find(|a| a.item == e.item)
                    .map_or(&e.paragraph, |a| &a.paragraph);
                assert_eq!(said, measured, "{ctx}: {}", e.item);
            }
        }
    }
}
