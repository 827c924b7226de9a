//! Every rule of how a report reads, checked over more than a thousand random
//! responses compared against a synthetic peer population: the verdict mix of
//! Keep / Change / Stop, revenue potential against the band, category against the
//! percentage shown, relative performance in words, commentary that names only the
//! answer given, every amount in the study's currency, blanks that stay unknown and
//! no figure resting on fewer than K values.

use dealbench::domain::answers::{Answer, Answers, Completeness};
use dealbench::domain::peer::{IndexKind, PeerIndex, PeerNumber};
use dealbench::domain::questionnaire::{
    Band, HeadlineKind, ItemKind, PartKind, Questionnaire, SubIndex, reads_after_change,
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
        // Amounts in the currency the response chose, and the rate that
        // turned the peer figures into it said once when it is not the
        // study's reference.
        let chosen = q.chosen_currency(&answers);
        let symbol = chosen.symbol.clone();
        let note = r.numbers.as_ref().and_then(|n| n.currency_note.clone());
        if r.numbers.is_some() {
            assert_eq!(note, chosen.rate_sentence(), "{ctx}");
        }
        if let Some(note) = &note {
            let said = serde_json::to_string(&r).expect("json");
            assert_eq!(
                said.matches(note.as_str()).count(),
                1,
                "{ctx}: the rate said once"
            );
        }

        // Keep / Change / Stop.
        let verdicts: Vec<Verdict> = r.actions.iter().map(|a| a.verdict).collect();
        assert!(
            verdicts.iter().filter(|v| **v == Verdict::Stop).count() <= MAX_STOPS,
            "{ctx}"
        );
        // A strong answer a tension questions is not kept; a related group
        // whose answers disagree gives a neutral CHANGE.
        let questioned = questioned_items(&q, &answers);
        let in_conflict: Vec<String> = dealbench::domain::scoring::conflicting_groups(&q, &answers)
            .into_iter()
            .flat_map(|g| g.items.clone())
            .collect();
        let key_bands: Vec<Band> = q
            .items_of_part(PartKind::Company)
            .filter(|i| i.key_area && !in_conflict.contains(&i.id))
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
                _ if in_conflict.contains(&a.item) => Verdict::Change,
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
        // A strong practice paragraph is never said beside a number that
        // disproves it (the middling and weak ones speak of uneven or missing
        // practice, which a weak number bears out).
        if median.is_some_and(|m| markedly_worse(q, n, yours, m)) && band == Band::Strong {
            assert!(
                !paragraph.starts_with(text.commentary.paragraph(band)),
                "{ctx}: {} praises beside a figure that disproves it",
                s.index.key
            );
        }
    }
    // A strong sub-index is not praised while a tension questions a strong answer
    // that feeds it, unless her own number, markedly better than the peers',
    // settles the question.
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
        let n = sub_index_number(sub);
        let settled = figure_value(q, numbers, n)
            .zip(standing.number_medians.get(n.key()))
            .is_some_and(|(y, m)| dealbench::domain::report::markedly_better(q, n, y, *m));
        if feeds && !settled && q.commentary.band(Some(shown.round())) == Band::Strong {
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
            // A middling answer beside her number: the number settles it, by
            // where it stands.
            if let (Some(y), Some(m), Band::Middling, Some(measured)) =
                (yours, median, e.band, &item.measured)
            {
                let said = r
                    .actions
                    .iter()
                    .find(|a| a.item == e.item)
                    .map_or(&e.paragraph, |a| &a.paragraph);
                let option = item
                    .options
                    .iter()
                    .find(|o| o.label == e.answer)
                    .expect("the option");
                let standing = dealbench::domain::report::figure_standing(q, n, y, m);
                assert_eq!(
                    *said,
                    option.put_in(measured.for_standing(standing)),
                    "{ctx}: {}",
                    e.item
                );
            }
        }
    }
}

/// Actions only a leader (or a manager) can take: a rep is given what they can
/// do on their own deals, or raise with their manager, instead.
const LEADER_ONLY: [&str; 33] = [
    "pilot them",
    "pilot the rules",
    "roll it out",
    "give one leader",
    "name an owner",
    "ask three managers",
    "share the result with the team",
    "get the two teams",
    "sit both teams",
    "bring both teams",
    "make executive access a milestone",
    "sit in on",
    "give the team",
    "make it clear in every review",
    "agree exit criteria",
    "write one set of rules",
    "choose a methodology",
    "judge whether the company",
    "build no more than",
    "measure marketing",
    "make a quantified business case a required step",
    "require a written problem statement",
    "inspect deals against",
    "secure an executive sponsor",
    "introduce a simple aging rule",
    "keep the rule objective",
    "encourage reps",
    "set a rule",
    "owned by a named person",
    "give one person",
    "ask account managers",
    "how you track retention",
    "how many customers you keep",
];

/// Whether a quoted question keeps its full stop while the sentence goes on
/// (“... future business.”, now ...).
fn ends_inside_quote(text: &str) -> bool {
    text.match_indices(".\u{201d}")
        .any(|(at, m)| !text[at + m.len()..].trim().is_empty())
}

/// Guesses a detailed-analysis paragraph may not make beside a strong answer
/// that rules them out: a methodology the respondent says the team uses was
/// rolled out.
const GUESSES_RULED_OUT: [(&str, &str); 1] = [(
    "sales_methodology_adopted",
    "never have been properly rolled out",
)];

/// Patterns a sub-index paragraph may not assert beside a strong answer to the
/// question that says the opposite.
const DENIED_PATTERNS: [(&str, &str); 4] = [
    ("sales_marketing_collaboration", "lives in a few"),
    (
        "sales_marketing_collaboration",
        "marketing works to a different",
    ),
    ("value_case_articulated", "business case less well"),
    ("value_case_articulated", "describe the product well"),
];

/// Praise for an answer that is not a practice: naming a hard stage is not a
/// virtue to flatter, and rating something important earns a reason, not a
/// pat on the back ("and rightly so", which is all a one-sentence paragraph
/// would say).
const FLATTERY: [&str; 6] = [
    "self-awareness",
    "which shows real",
    "means you take it seriously",
    "rightly so",
    "the right instinct",
    "the reasoning is sound",
];

/// One failure class of the report, the rule that catches it, and the first
/// reports that broke it.
#[derive(Default)]
struct Broken(std::collections::BTreeMap<&'static str, Vec<String>>);

impl Broken {
    fn check(&mut self, rule: &'static str, ok: bool, what: impl FnOnce() -> String) {
        let found = self.0.entry(rule).or_default();
        if !ok && found.len() < 4 {
            found.push(what());
        }
    }

    fn assert_none(self) {
        let broken: Vec<String> = self
            .0
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(rule, v)| format!("{rule}:\n  {}", v.join("\n  ")))
            .collect();
        assert!(broken.is_empty(), "{}", broken.join("\n"));
    }
}

/// A response's own option for an item, if it chose one.
fn chosen<'q>(
    q: &'q Questionnaire,
    answers: &Answers,
    item: &str,
) -> Option<(&'q dealbench::domain::questionnaire::Item, usize)> {
    match answers.by_id(q, item)? {
        (it, Answer::Option(i)) => Some((it, *i)),
        _ => None,
    }
}

/// The random responses of these rules: like [`random_answers`], and one in
/// twenty leaves most questions unanswered or "don't know", so that reports
/// without figures are read too.
fn sparse_or_random(q: &Questionnaire, rng: &mut fastrand::Rng) -> Answers {
    if rng.usize(..20) != 0 {
        return random_answers(q, rng);
    }
    let mut map = Map::new();
    for item in &q.items {
        if item.contact || item.kind == ItemKind::Text {
            continue;
        }
        if item.kind == ItemKind::Number {
            if item.required || rng.bool() {
                let r = item.number.as_ref().expect("number range");
                map.insert(item.id.clone(), json!(r.min.max(1.0).round()));
            }
            continue;
        }
        if item.required {
            let o = &item.options[rng.usize(..item.options.len())];
            map.insert(item.id.clone(), json!(o.id));
        } else if rng.usize(..4) == 0
            && let Some(unsure) = item.options.iter().find(|o| o.score.is_none())
        {
            map.insert(item.id.clone(), json!(unsure.id));
        }
    }
    Answers::from_json(q, &Value::Object(map), Completeness::Final).expect("valid")
}

/// The rules of REPORT.md that need all of a response's answers at once: one
/// expert who read them all, writing for who the respondent is.
#[test]
fn a_thousand_random_reports_read_like_one_expert() {
    use dealbench::domain::questionnaire::{FigureStanding, HEDGES, holds_phrase};
    use dealbench::domain::report::figure_standing;
    let q = study();
    let peers = population(&q, 400);
    let mut rng = fastrand::Rng::with_seed(19);
    let mut broken = Broken::default();
    let mut earlier: Option<Answers> = None;
    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    for n in 0..1_000 {
        let answers = sparse_or_random(&q, &mut rng);
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
        let sentences = r.sentences();
        let band_of = |item: &str| {
            chosen(&q, &answers, item).map(|(it, i)| q.commentary.band(it.options[i].score))
        };

        // 1. Related key areas are judged together: one action per group, and
        // no KEEP while another answer of the group says the practice fails.
        for group in &q.related {
            let acted: Vec<_> = r
                .actions
                .iter()
                .filter(|a| group.items.contains(&a.item))
                .collect();
            // Answers given (a "don't know" says nothing about the practice).
            let bands: Vec<Band> = group
                .items
                .iter()
                .filter(|i| {
                    chosen(&q, &answers, i).is_some_and(|(it, o)| it.options[o].score.is_some())
                })
                .filter_map(|i| band_of(i))
                .collect();
            // A tight group's answers measure one thing: a middling answer
            // beside a strong one disagrees too.
            let conflicts = bands.contains(&Band::Strong)
                && (bands.contains(&Band::Weak) || group.tight && bands.contains(&Band::Middling));
            if conflicts {
                *seen.entry("related groups in conflict").or_default() += 1;
            }
            broken.check(
                "opposing actions on related key areas",
                acted.len() <= 1
                    && !(conflicts && acted.iter().any(|a| a.verdict == Verdict::Keep)),
                || {
                    format!(
                        "{ctx}: {}: {:?}",
                        group.id,
                        acted
                            .iter()
                            .map(|a| format!("{} {}", a.verdict_label, a.headline))
                            .collect::<Vec<_>>()
                    )
                },
            );
            // A KEEP never praises what another answer of its group denies.
            for a in acted.iter().filter(|a| a.verdict == Verdict::Keep) {
                let denied = group.items.iter().filter(|i| **i != a.item).find(|i| {
                    chosen(&q, &answers, i).is_some_and(|(it, o)| {
                        let band = q.commentary.band(it.options[o].score);
                        band == Band::Weak
                            || group.tight
                                && band == Band::Middling
                                && it.options[o].score.is_some()
                    })
                });
                broken.check(
                    "a KEEP beside an answer that denies it",
                    denied.is_none(),
                    || format!("{ctx}: {}: KEEP {} beside {denied:?}", group.id, a.headline),
                );
            }
            broken.check(
                "a disagreement of related answers is said once",
                !conflicts || r.tensions.iter().filter(|t| t.id == group.id).count() == 1,
                || format!("{ctx}: {} conflicts and is not said once", group.id),
            );
        }

        // 2 and 3. A sub-index paragraph that quotes her figure agrees with where
        // it stands, or says why practice and number differ; and it only calls
        // her answers "more positive" when they are.
        let numbers = card.numbers.clone().unwrap_or_default();
        for s in &r.sub_indices {
            let (Some(paragraph), Some(score)) = (&s.paragraph, s.index.score) else {
                continue;
            };
            let sub = SubIndex::ALL
                .into_iter()
                .find(|x| x.key() == s.index.key)
                .expect("sub-index");
            let text = q.sub_index_text(sub);
            let band = q.commentary.band(Some(score.round()));
            broken.check(
                "a paragraph's reading of the answers matches them",
                band == Band::Strong || !paragraph.contains("more positive than your numbers"),
                || format!("{ctx}: {} at {}: {paragraph}", s.index.key, s.index.display),
            );
            let n = sub_index_number(sub);
            let (Some(yours), Some(median)) = (
                figure_value(&q, &numbers, n),
                standing.number_medians.get(n.key()).copied(),
            ) else {
                continue;
            };
            let figure = figure_standing(&q, n, yours, median);
            *seen.entry("sub-index figures quoted").or_default() += 1;
            let starts = |t: Option<&str>| t.is_some_and(|t| paragraph.starts_with(t));
            let audience = answers.audience(&q);
            let disagrees = text.figure_disagrees_for(audience);
            let better = text.figure_better_for(audience);
            let agrees = match (band, figure) {
                (Band::Strong, FigureStanding::Worse) => starts(disagrees),
                (Band::Middling | Band::Weak, FigureStanding::Better) => starts(better),
                _ => !starts(disagrees) && !starts(better),
            };
            broken.check(
                "a paragraph's verdict agrees with the figure it quotes",
                agrees,
                || {
                    format!(
                        "{ctx}: {} {} with {yours} against a median of {median}: {paragraph}",
                        s.index.key, s.index.display
                    )
                },
            );
        }

        // 3b. A sub-index paragraph asserts no pattern an answer behind it
        // denies: "the definition of a good prospect lives in a few heads"
        // is not said beside a shared ideal-customer profile. Each pattern the
        // sub-index texts once asserted, with the answer that denies it.
        for s in &r.sub_indices {
            let Some(paragraph) = &s.paragraph else {
                continue;
            };
            let lower = paragraph.to_lowercase();
            for (item, pattern) in DENIED_PATTERNS {
                let denied = band_of(item) == Some(Band::Strong);
                broken.check(
                    "a paragraph asserts a pattern an answer denies",
                    !(denied && lower.contains(pattern)),
                    || {
                        format!(
                            "{ctx}: {} says {pattern:?} beside a strong {item}",
                            s.index.key
                        )
                    },
                );
            }
        }

        for e in r
            .company_sections
            .iter()
            .chain(&r.personal_sections)
            .flat_map(|s| &s.entries)
        {
            for (item, guess) in GUESSES_RULED_OUT {
                broken.check(
                    "a paragraph guesses what an answer rules out",
                    !(band_of(item) == Some(Band::Strong) && e.paragraph.contains(guess)),
                    || format!("{ctx}: {} guesses {guess:?} beside a strong {item}", e.item),
                );
            }
        }

        // 4. No hedge where the report holds the facts.
        let holds_figures = card.numbers.is_some();
        for s in &sentences {
            let lower = s.to_lowercase();
            let hedged = [
                "if yours is",
                "if both your",
                "if they sit",
                "can settle it",
            ]
            .iter()
            .find(|h| lower.contains(*h));
            broken.check(
                "no hedge where the report holds the facts",
                !(holds_figures && hedged.is_some()),
                || format!("{ctx}: {hedged:?} in {s}"),
            );
        }

        // 5. The answer named is the option chosen.
        let entries = r
            .company_sections
            .iter()
            .chain(&r.personal_sections)
            .flat_map(|s| &s.entries)
            .map(|e| (&e.item, &e.paragraph))
            .chain(r.actions.iter().map(|a| (&a.item, &a.paragraph)));
        for (item_id, paragraph) in entries {
            let Some((item, i)) = chosen(&q, &answers, item_id) else {
                continue;
            };
            let option = &item.options[i];
            let mut said = paragraph.to_lowercase();
            let mut own: Vec<String> = option.names.clone();
            own.push(option.named.clone());
            own.extend(option.forms.values().cloned());
            for phrase in &own {
                for hedge in HEDGES {
                    broken.check(
                        "the named answer is the option chosen",
                        !said.contains(&format!("{hedge} {phrase}")),
                        || format!("{ctx}: {item_id} ({}) hedged: {paragraph}", option.label),
                    );
                }
            }
            own.sort_by_key(|p| std::cmp::Reverse(p.len()));
            for phrase in &own {
                said = said.replace(phrase.as_str(), " ");
            }
            for other in item.options.iter().filter(|o| o.id != option.id) {
                for name in &other.names {
                    broken.check(
                        "the named answer is the option chosen",
                        !holds_phrase(&said, name),
                        || {
                            format!(
                                "{ctx}: {item_id}: \u{201c}{}\u{201d} said as \u{201c}{name}\u{201d}: {paragraph}",
                                option.label
                            )
                        },
                    );
                }
            }
        }

        // 6. Advice for who she is.
        if let Some(audience) = answers.audience(&q) {
            *seen.entry(audience).or_default() += 1;
            let group = q
                .audiences
                .iter()
                .flat_map(|a| &a.groups)
                .find(|g| g.id == audience)
                .expect("group");
            for s in &sentences {
                let lower = s.to_lowercase();
                for phrase in &group.not_said {
                    broken.check(
                        "role-appropriate advice",
                        !holds_phrase(&lower, phrase),
                        || format!("{ctx}: a {audience} is told \u{201c}{phrase}\u{201d}: {s}"),
                    );
                }
            }
        }

        // 7. Nothing a finished respondent can no longer do; no pointer to
        // figures that are not there.
        let scored = r
            .sub_indices
            .iter()
            .filter(|s| s.index.score.is_some())
            .count();
        for s in &sentences {
            let lower = s.to_lowercase();
            for impossible in [
                "answer more",
                "answer the questions",
                "fill in",
                "complete the questionnaire",
            ] {
                // Asking for answers is advice for next time only: the sentence
                // must say when ("when you assess again").
                let next_time = lower.contains("when you assess again")
                    || lower.contains("next time you assess");
                broken.check(
                    "no impossible advice",
                    !lower.contains(impossible) || next_time,
                    || format!("{ctx}: {s}"),
                );
            }
            broken.check(
                "no impossible advice",
                (scored == 4 || !lower.contains("four sub-indices above"))
                    && (scored > 0 || !lower.contains("sub-indices above")),
                || format!("{ctx}: {scored} sub-indices scored: {s}"),
            );
        }
        if scored == 0 {
            *seen.entry("reports without a sub-index").or_default() += 1;
        }

        // 8. Changes computed from the figures shown: this response read as a
        // reassessment of the one before.
        if let Some(before) = &earlier {
            let ids: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
            let json = before.to_json(&q);
            let change = dealbench::domain::waves::change_since(
                &q,
                &dealbench::domain::waves::Earlier {
                    submitted_on: "2026-05-22",
                    questionnaire_version: q.version,
                    answers: &json,
                    version_items: &ids,
                },
                &answers,
                Vec::new(),
            );
            // A question quoted inside a sentence drops its full stop.
            for moved in &change.said().moved {
                broken.check(
                    "a quoted question ends the sentence only where it ends",
                    !ends_inside_quote(moved),
                    || format!("{ctx}: {moved}"),
                );
            }
            for row in change.said().rows {
                let shown = |s: &str| s.strip_suffix('%').and_then(|v| v.parse::<f64>().ok());
                let (Some(b), Some(a)) = (shown(&row[1]), shown(&row[2])) else {
                    continue;
                };
                let d = a - b;
                let expected = if d == 0.0 {
                    "unchanged".to_string()
                } else if d.abs() == 1.0 {
                    format!("{} 1 point", if d > 0.0 { "up" } else { "down" })
                } else {
                    format!("{} {} points", if d > 0.0 { "up" } else { "down" }, d.abs())
                };
                broken.check("change arithmetic", row[3] == expected, || {
                    format!("{ctx}: {} {} -> {}: {:?}", row[0], row[1], row[2], row[3])
                });
            }
            // The numbers too: a change is the difference of the two figures
            // as written ($10,000 to $13,201 is up $3,201).
            let figure = |s: &str| {
                s.replace([',', '$'], "")
                    .trim_end_matches(" days")
                    .trim_end_matches('%')
                    .parse::<f64>()
                    .ok()
            };
            for row in change.said().numbers {
                let (Some(b), Some(a)) = (figure(&row[1]), figure(&row[2])) else {
                    continue;
                };
                let said = row[3]
                    .trim_start_matches("up ")
                    .trim_start_matches("down ")
                    .trim_end_matches(" longer")
                    .trim_end_matches(" shorter")
                    .trim_end_matches(" points")
                    .trim_end_matches(" point");
                let d = ((a - b) * 10.0).round() / 10.0;
                let ok = if d == 0.0 {
                    row[3] == "unchanged"
                } else {
                    figure(said).is_some_and(|x| (x - d.abs()).abs() < 1e-9)
                };
                broken.check("change arithmetic", ok, || {
                    format!("{ctx}: {} {} -> {}: {:?}", row[0], row[1], row[2], row[3])
                });
            }
        }

        // Issue 19, the second reading. 1. A rep is not handed an action only a
        // leader can take: what they can do on their own deals, or raise with
        // their manager.
        if answers.audience(&q) == Some("rep") {
            for s in &sentences {
                let lower = s.to_lowercase();
                for phrase in LEADER_ONLY {
                    broken.check(
                        "a rep is given a leader's action",
                        !holds_phrase(&lower, phrase),
                        || format!("{ctx}: a rep is told \u{201c}{phrase}\u{201d}: {s}"),
                    );
                }
            }
        }

        // 2. Advice never presupposes what an answer denies: "We have no CRM"
        // is never followed by advice about the CRM they do not have.
        if chosen(&q, &answers, "crm_tenure").is_some_and(|(it, i)| it.options[i].id == "no_crm") {
            *seen.entry("no CRM").or_default() += 1;
            for s in &sentences {
                let lower = s.to_lowercase();
                let presumed = [
                    "the crm",
                    "your crm",
                    "their crm",
                    "crm record",
                    "crm updates",
                ]
                .into_iter()
                .find(|p| holds_phrase(&lower, p));
                broken.check(
                    "advice presupposes what an answer denies",
                    presumed.is_none(),
                    || format!("{ctx}: no CRM, yet {presumed:?}: {s}"),
                );
            }
        }

        // 2b. The same for every absence the study declares, within the part
        // it names: "we have no defined sales process" (or not knowing
        // whether there is one) is never followed by a paragraph about
        // following it.
        for absence in &q.absences {
            let denied = chosen(&q, &answers, &absence.item)
                .is_some_and(|(it, i)| absence.options.contains(&it.options[i].id));
            if !denied {
                continue;
            }
            *seen.entry("absences denied").or_default() += 1;
            let sections = match absence.within.as_deref() {
                Some("personal") => r.personal_sections.iter().collect::<Vec<_>>(),
                Some(_) => continue,
                None => r
                    .company_sections
                    .iter()
                    .chain(&r.personal_sections)
                    .collect(),
            };
            for e in sections.iter().flat_map(|s| &s.entries) {
                if e.item == absence.item {
                    continue;
                }
                // A question that presumes it speaks to someone without it.
                if let Some(instead) = absence.instead.get(&e.item) {
                    let said =
                        chosen(&q, &answers, &e.item).map(|(it, i)| it.options[i].put_in(instead));
                    broken.check(
                        "advice presupposes what an answer denies",
                        said.as_deref() == Some(e.paragraph.as_str()),
                        || {
                            format!(
                                "{ctx}: {} ({}), yet {}: {}",
                                absence.id, absence.item, e.item, e.paragraph
                            )
                        },
                    );
                    continue;
                }
                let lower = e.paragraph.to_lowercase();
                let presumed = absence.mentions.iter().find(|m| holds_phrase(&lower, m));
                broken.check(
                    "advice presupposes what an answer denies",
                    presumed.is_none(),
                    || {
                        format!(
                            "{ctx}: {} ({}), yet {}: {presumed:?}: {}",
                            absence.id, absence.item, e.item, e.paragraph
                        )
                    },
                );
            }
        }

        // 3. "Don't know" is not evidence of good practice: a sub-index praised
        // while "don't know" answers feed it says so.
        for s in &r.sub_indices {
            let (Some(paragraph), Some(score)) = (&s.paragraph, s.index.score) else {
                continue;
            };
            let sub = SubIndex::ALL
                .into_iter()
                .find(|x| x.key() == s.index.key)
                .expect("sub-index");
            let unknown = q
                .items
                .iter()
                .filter(|i| i.weights[sub.position()] > 0.0)
                .filter(|i| {
                    chosen(&q, &answers, &i.id).is_some_and(|(it, o)| it.options[o].score.is_none())
                })
                .count();
            let praised = q.commentary.band(Some(score.round())) == Band::Strong
                && paragraph.starts_with(
                    q.sub_index_text(sub)
                        .paragraph(Band::Strong, answers.audience(&q)),
                );
            if praised && unknown > 0 {
                *seen.entry("praised with don't know").or_default() += 1;
            }
            broken.check(
                "a \u{201c}don't know\u{201d} is praised as practice",
                !(praised && unknown > 0) || paragraph.contains("don't know"),
                || {
                    format!(
                        "{ctx}: {} praised with {unknown} \u{201c}don't know\u{201d}: {paragraph}",
                        s.index.key
                    )
                },
            );
        }

        // 4. A process answered "50-75%" is not praised as consistency.
        let said = r
            .company_sections
            .iter()
            .chain(&r.personal_sections)
            .flat_map(|s| &s.entries)
            .map(|e| (&e.item, &e.paragraph))
            .chain(r.actions.iter().map(|a| (&a.item, &a.paragraph)));
        for (item_id, paragraph) in said {
            let Some((item, i)) = chosen(&q, &answers, item_id) else {
                continue;
            };
            if item.options[i].id != "from_50_to_75" {
                continue;
            }
            let lower = paragraph.to_lowercase();
            let claim = [
                "consistency",
                "consistent",
                "consistently",
                "routinely",
                "always",
                "every time",
            ]
            .into_iter()
            .find(|w| holds_phrase(&lower, w));
            broken.check(
                "praise the answer does not support",
                claim.is_none(),
                || format!("{ctx}: {item_id} at 50-75% is called {claim:?}: {paragraph}"),
            );
        }

        // 5. The summary line agrees with the actions beneath it.
        if r.actions.iter().any(|a| a.verdict == Verdict::Stop) {
            let line = r
                .overall
                .category_description
                .as_deref()
                .unwrap_or_default()
                .to_lowercase();
            broken.check(
                "the summary line agrees with the actions",
                !["strong, consistent", "best-in-class", "few weak spots"]
                    .iter()
                    .any(|w| line.contains(w)),
                || format!("{ctx}: STOP beneath \u{201c}{line}\u{201d}"),
            );
        }

        // 6. Where related answers conflict, the headline says so, neutrally:
        // it neither accuses (STOP ...) nor praises (KEEP ...) one side.
        for group in dealbench::domain::scoring::conflicting_groups(&q, &answers) {
            for a in r.actions.iter().filter(|a| group.items.contains(&a.item)) {
                let item = q.item(&a.item).expect("item");
                let sided = [HeadlineKind::Stop, HeadlineKind::Keep, HeadlineKind::Change]
                    .into_iter()
                    .filter_map(|k| item.headline(k, answers.audience(&q)))
                    .any(|h| h == a.headline);
                broken.check(
                    "a conflict gets a neutral headline",
                    a.verdict != Verdict::Stop && a.verdict != Verdict::Keep && !sided,
                    || format!("{ctx}: {}: {} {}", group.id, a.verdict_label, a.headline),
                );
            }
        }

        // 7. What is shown adds up from what is shown: the company index is the
        // mean of the sub-indices as shown.
        if r.overall.score.is_some() {
            let shown = |d: &str| d.trim_end_matches('%').parse::<f64>().ok();
            let subs: Vec<f64> = r
                .sub_indices
                .iter()
                .filter_map(|s| shown(&s.index.display))
                .collect();
            if subs.len() == 4 {
                let mean = subs.iter().sum::<f64>() / 4.0;
                broken.check(
                    "the company index adds up from the sub-indices shown",
                    shown(&r.overall.display) == Some(mean.round()),
                    || format!("{ctx}: {subs:?} shown, company index {}", r.overall.display),
                );
            }
        }

        // 8. Each thing said once: no sentence of the report twice, the win-rate
        // caveat once, and an answer's pointer to a disagreement in full once.
        // Paragraphs, not the labels of each index (its standing and how its
        // potential was measured), which may read alike for two indices.
        let labels: Vec<&str> = r
            .sub_indices
            .iter()
            .flat_map(|s| {
                [
                    Some(s.index.standing.as_str()),
                    s.potential_reason.as_deref(),
                ]
            })
            .flatten()
            .chain([r.overall.standing.as_str(), r.personal.standing.as_str()])
            .collect();
        let mut once = std::collections::BTreeMap::<String, usize>::new();
        for s in sentences.iter().filter(|s| !labels.contains(s)) {
            for part in s.split(". ").map(str::trim).filter(|p| p.len() > 40) {
                *once
                    .entry(part.trim_end_matches('.').to_string())
                    .or_default() += 1;
            }
        }
        for (part, n) in &once {
            broken.check("said more than once", *n == 1, || {
                format!("{ctx}: {n} times: {part}")
            });
        }
        let everything = sentences.join(" ");
        for caveat in ["too few to read as a", "velocity is not shown because"] {
            let n = everything.matches(caveat).count();
            broken.check("said more than once", n <= 1, || {
                format!("{ctx}: {caveat:?} {n} times")
            });
        }
        for t in &r.tensions {
            let full = r
                .company_sections
                .iter()
                .chain(&r.personal_sections)
                .flat_map(|s| &s.entries)
                .filter(|e| {
                    e.tensions
                        .iter()
                        .any(|l| l.id == t.id && l.sentence.text().contains("pulls against"))
                })
                .count();
            broken.check("said more than once", full <= 1, || {
                format!("{ctx}: {} pointed to in full {full} times", t.id)
            });
        }

        // 9. One pointer to a disagreement per answer: the paragraph of a
        // strong answer it questions does not say "pulls against" before the
        // pointer says it again.
        for e in r
            .company_sections
            .iter()
            .chain(&r.personal_sections)
            .flat_map(|s| &s.entries)
        {
            let n = e.paragraph.matches("pulls against").count()
                + e.tensions
                    .iter()
                    .map(|l| l.sentence.text().matches("pulls against").count())
                    .sum::<usize>();
            broken.check("said more than once", n <= 1, || {
                format!(
                    "{ctx}: {} says \u{201c}pulls against\u{201d} {n} times",
                    e.item
                )
            });
        }

        // 10. Grammar by count: one open deal is not "some".
        if let Some(s) = r
            .numbers
            .as_ref()
            .and_then(|n| n.win_rate_sentence.as_deref())
            && numbers.deals_open == Some(1.0)
        {
            *seen.entry("one open deal").or_default() += 1;
            broken.check(
                "grammar by count",
                !s.contains("some will be won") && !s.contains("counts them"),
                || format!("{ctx}: {s}"),
            );
        }

        // 11. No flattery for an answer that is not a practice.
        for s in &sentences {
            let lower = s.to_lowercase();
            let flattery = FLATTERY.iter().find(|f| lower.contains(*f));
            broken.check("flattery", flattery.is_none(), || {
                format!("{ctx}: {flattery:?}: {s}")
            });
        }

        // 12. A question fits every role it is put to: an executive is not
        // asked about "your manager".
        if let Some(audience) = answers.audience(&q) {
            let group = q
                .audiences
                .iter()
                .flat_map(|a| &a.groups)
                .find(|g| g.id == audience)
                .expect("group");
            for e in r
                .company_sections
                .iter()
                .chain(&r.personal_sections)
                .flat_map(|s| &s.entries)
            {
                let lower = e.question.to_lowercase();
                let asked = group.not_asked.iter().find(|p| holds_phrase(&lower, p));
                broken.check("a question for every role", asked.is_none(), || {
                    format!("{ctx}: a {audience} is asked {asked:?}: {}", e.question)
                });
            }
        }

        // 30. A disagreement names at least two answers, and every answer it
        // links from names the others: no "pulls against your answers to : see".
        // The questions it quotes go on mid-sentence without their full stop.
        for t in &r.tensions {
            let answered = t.answered.text();
            broken.check(
                "a quoted question ends the sentence only where it ends",
                !ends_inside_quote(&answered),
                || format!("{ctx}: {answered}"),
            );
            broken.check(
                "a disagreement names two answers or more",
                t.items.len() >= 2,
                || format!("{ctx}: {}: {:?}", t.id, t.items),
            );
        }
        for e in r
            .company_sections
            .iter()
            .chain(&r.personal_sections)
            .flat_map(|s| &s.entries)
        {
            for link in &e.tensions {
                let said = link.sentence.text();
                broken.check(
                    "a quoted question ends the sentence only where it ends",
                    !ends_inside_quote(&said),
                    || format!("{ctx}: {said}"),
                );
                broken.check(
                    "a disagreement's link names the other answers",
                    !link.other_items.is_empty() && !link.other_items.contains(&e.item),
                    || format!("{ctx}: {} in {}: {:?}", e.item, link.id, link.other_items),
                );
            }
            // A strong answer a disagreement questions says in a sentence that
            // it is not yet a strength, never in a fragment ("A question to
            // settle first.").
            if e.band == Band::Strong && !e.tensions.is_empty() && e.paragraph.len() < 80 {
                broken.check(
                    "a questioned answer is said not to be a strength",
                    e.paragraph.contains("not yet a strength")
                        && e.paragraph.split_whitespace().count() >= 5,
                    || format!("{ctx}: {}: {}", e.item, e.paragraph),
                );
            }
        }

        // 31. A figure within the study's margin of its median is "close to"
        // it, as the paragraph beside it says: never merely "above" or
        // "below", "longer" or "shorter".
        for sentence in &sentences {
            for (bare, marked) in [
                ("above the median of your peer group", "well above"),
                ("below the median of your peer group", "well below"),
                ("longer than the median of your peer group", "much longer"),
                ("shorter than the median of your peer group", "much shorter"),
                ("above your peers'", "well above"),
                ("below your peers'", "well below"),
            ] {
                for (at, _) in sentence.match_indices(bare) {
                    let before = &sentence[..at];
                    broken.check(
                        "a figure near its median is close to it",
                        before.ends_with(&format!(
                            "{} ",
                            marked.split(' ').next().unwrap_or_default()
                        )),
                        || format!("{ctx}: {sentence}"),
                    );
                }
            }
        }

        // 32. The open deals are left out of the rates the report shows: "neither
        // rate" only beside two rates, "the win rate" beside one.
        if let Some(numbers) = &r.numbers
            && let Some(w) = &numbers.win_rate_sentence
        {
            let shown = usize::from(numbers.unit_win_rate.is_some())
                + usize::from(numbers.value_win_rate.is_some());
            broken.check(
                "open deals are left out of the rates shown",
                (!w.contains("Neither rate") && !w.contains("in neither rate") || shown == 2)
                    && (!w.contains("The win rate does not count") || shown == 1),
                || format!("{ctx}: {shown} rates shown: {w}"),
            );
        }

        earlier = Some(answers);
    }
    broken.assert_none();
    // The rules had something to check.
    for (what, at_least) in [
        ("related groups in conflict", 200),
        ("sub-index figures quoted", 500),
        ("rep", 100),
        ("reports without a sub-index", 5),
        ("no CRM", 50),
        ("praised with don't know", 3),
        ("absences denied", 300),
        ("one open deal", 1),
    ] {
        let n = seen.get(what).copied().unwrap_or_default();
        assert!(n >= at_least, "{what}: {n}");
    }
}

/// A response that leans strong: the best-scored option of most questions, any
/// option of the rest; numbers left blank.
fn leaning_strong(q: &Questionnaire, rng: &mut fastrand::Rng) -> Answers {
    let mut map = Map::new();
    for item in &q.items {
        if item.contact || item.kind == ItemKind::Text {
            continue;
        }
        if item.kind == ItemKind::Number {
            if item.required {
                let r = item.number.as_ref().expect("number range");
                map.insert(item.id.clone(), json!(r.min.max(1.0).round()));
            }
            continue;
        }
        let best = item
            .options
            .iter()
            .filter(|o| o.score.is_some())
            .max_by(|a, b| a.score.partial_cmp(&b.score).expect("scores compare"));
        let o = match best {
            Some(b) if rng.f64() < 0.8 => b,
            _ => &item.options[rng.usize(..item.options.len())],
        };
        map.insert(item.id.clone(), json!(o.id));
    }
    Answers::from_json(q, &Value::Object(map), Completeness::Final).expect("valid")
}

/// The summary line agrees with the actions beneath it (issue 19, finding 5):
/// a strong company that still carries a STOP is not described as consistent
/// throughout.
#[test]
fn strong_reports_that_carry_a_stop_say_so_in_their_summary_line() {
    let q = study();
    let peers = population(&q, 400);
    let mut rng = fastrand::Rng::with_seed(5);
    let mut broken = Broken::default();
    let mut seen = 0;
    for n in 0..300 {
        let answers = leaning_strong(&q, &mut rng);
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
        if !r.actions.iter().any(|a| a.verdict == Verdict::Stop) {
            continue;
        }
        seen += 1;
        let line = r
            .overall
            .category_description
            .as_deref()
            .unwrap_or_default()
            .to_lowercase();
        broken.check(
            "the summary line agrees with the actions",
            !["strong, consistent", "best-in-class", "few weak spots"]
                .iter()
                .any(|w| line.contains(w)),
            || format!("response {n}: STOP beneath \u{201c}{line}\u{201d}"),
        );
    }
    broken.assert_none();
    assert!(seen >= 50, "{seen} strong reports with a STOP");
}

/// Before any peer group exists, why is said once, at the top of the report
/// (issue 20, finding 6): every figure without a peer median says so in a few
/// words, not "fewer than 10 responses" again.
#[test]
fn a_report_without_peers_says_why_once() {
    let q = study();
    let peers = population(&q, 0);
    let mut rng = fastrand::Rng::with_seed(20);
    let k = q.peer_group_minimum;
    let why = format!("fewer than {k} responses");
    for n in 0..200 {
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
        assert!(
            r.peer.sentence.contains(&why),
            "response {n}: {}",
            r.peer.sentence
        );
        let said = serde_json::to_string(&r).expect("json");
        assert_eq!(said.matches(&why).count(), 1, "response {n}: {said}");
        // The summary's sentences do not point to the missing peer group
        // again: the gauges' labels say "not compared yet".
        for sentence in [&r.overall_sentence, &r.personal_opening] {
            assert!(
                !sentence.contains("peer group yet")
                    && !sentence.contains("Against peers it is not"),
                "response {n}: {sentence}"
            );
        }
    }
}
