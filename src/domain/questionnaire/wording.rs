//! The rules of how the report's texts read, checked when the file loads:
//! related groups and audiences are built here, and every paragraph is read
//! against them.
//!
//! - A paragraph names the answer given: said for one option, it holds no phrase
//!   another option of the question declares in `names` ("you are unsure" is
//!   not said for "Neither agree nor disagree"), uses only the `{answer:KEY}`
//!   forms its options declare, and never hedges the answer it names ("perhaps
//!   a quarter to half"), nor praises it in words it does not support
//!   (`overclaims`: "consistency" for "50-75%").
//! - A text an audience reads (its variant, else the default) holds none of the
//!   phrases that audience is never told (`not_said`: "coach reps" to a rep),
//!   and no question holds a phrase a group it is put to is never asked
//!   (`not_asked`: "your manager" to an executive).
//! - Nothing presumes what an answer can deny (`[[absences]]`): only the
//!   question that asks and the questions with an `instead` paragraph mention
//!   it ("CRM" beside "We have no CRM").
//! - Variants name declared audiences only; related groups hold scored company
//!   items, no two groups judge the same two items together, and no tension
//!   pairs two items of one group.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::load::*;
use super::raw::*;
use super::*;

/// Words that hedge the answer they stand before: the report holds the answer,
/// so it says it plainly.
pub const HEDGES: [&str; 8] = [
    "perhaps",
    "somewhere",
    "roughly",
    "something like",
    "about",
    "around",
    "maybe",
    "probably",
];

/// Whether `text` holds `phrase` as whole words (case-insensitive: both are
/// expected in lower case).
pub fn holds_phrase(text: &str, phrase: &str) -> bool {
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

pub(super) fn build_related(
    raw: Vec<RawRelated>,
    items: &[Item],
    item_index: &HashMap<String, usize>,
    rules: Rules,
    problems: &mut Vec<Problem>,
) -> Vec<Related> {
    let mut ids = HashSet::new();
    // Each pair of items judged together, and the group that judges it.
    let mut paired: HashMap<(String, String), String> = HashMap::new();
    let mut out = Vec::new();
    for (n, r) in raw.into_iter().enumerate() {
        let place = match &r.id {
            Some(id) => format!("related `{id}`"),
            None => format!("related #{}", n + 1),
        };
        unknown_keys(&place, &r.extra, problems);
        let id = identifier(&place, r.id, problems);
        if !ids.insert(id.clone()) {
            problems.push(Problem::new(&place, "duplicate related id"));
        }
        let title = required_text(&place, "title", r.title, problems);
        let paragraph = required_text(&place, "paragraph", r.paragraph, problems);
        let headline = required_text(&place, "headline", r.headline, problems);
        if rules == Rules::Study && !headline.is_empty() && !reads_after_change(&headline) {
            problems.push(Problem::new(
                &place,
                format!(
                    "`headline` must read after CHANGE: start it with one of {}, change a practice (never the answers), in one clause before at most one colon",
                    CHANGE_OPENERS
                        .iter()
                        .map(|o| format!("\u{201c}{}\u{201d}", o.trim_end()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        if r.items.len() < 2 {
            problems.push(Problem::new(
                &place,
                "a related group needs at least two items",
            ));
        }
        for item_id in &r.items {
            match item_index.get(item_id).map(|&i| &items[i]) {
                None => problems.push(Problem::new(
                    &place,
                    format!("names item `{item_id}`, which does not exist"),
                )),
                Some(item) if !item.weights.iter().any(|w| *w > 0.0) => {
                    problems.push(Problem::new(
                        &place,
                        format!("names item `{item_id}`, which is not a scored company question"),
                    ));
                }
                Some(_) => {}
            }
        }
        // An item may sit in several groups, but two groups never judge the
        // same two answers together: the report would say it twice.
        for (a, first) in r.items.iter().enumerate() {
            for second in &r.items[a + 1..] {
                let pair = if first < second {
                    (first.clone(), second.clone())
                } else {
                    (second.clone(), first.clone())
                };
                if let Some(other) = paired.insert(pair, id.clone())
                    && other != id
                {
                    problems.push(Problem::new(
                        &place,
                        format!(
                            "items `{first}` and `{second}` are already judged together by related group `{other}`"
                        ),
                    ));
                }
            }
        }
        let variants = text_variants(&place, r.variants, problems);
        out.push(Related {
            id,
            title,
            items: r.items,
            headline,
            paragraph,
            tight: r.tight,
            variants,
        });
    }
    out
}

/// A tension between two items of one related group says again what the group
/// already says.
pub(super) fn check_tensions_against_related(
    tensions: &[Tension],
    related: &[Related],
    problems: &mut Vec<Problem>,
) {
    for t in tensions {
        for r in related {
            let has = |i: &str| r.items.iter().any(|x| x == i);
            if has(&t.first.item) && has(&t.second.item) {
                problems.push(Problem::new(
                    format!("tension `{}`", t.id),
                    format!(
                        "pairs `{}` and `{}`, which related group `{}` already judges together: keep one of the two",
                        t.first.item, t.second.item, r.id
                    ),
                ));
            }
        }
    }
}

pub(super) fn build_audiences(
    raw: RawAudiences,
    items: &[Item],
    item_index: &HashMap<String, usize>,
    problems: &mut Vec<Problem>,
) -> Audiences {
    let place = "[audiences]";
    unknown_keys(place, &raw.extra, problems);
    let item_id = required_text(place, "item", raw.item, problems);
    let item = item_index.get(&item_id).map(|&i| &items[i]);
    match item {
        None if item_id.is_empty() => {}
        None => problems.push(Problem::new(
            place,
            format!("names item `{item_id}`, which does not exist"),
        )),
        Some(i) if i.kind != ItemKind::Choice => problems.push(Problem::new(
            place,
            format!("names item `{item_id}`, which is not a choice"),
        )),
        Some(_) => {}
    }
    if raw.groups.is_empty() {
        problems.push(Problem::new(place, "declares no `groups`"));
    }
    let mut ids = HashSet::new();
    let mut taken: HashMap<String, String> = HashMap::new();
    let mut groups = Vec::new();
    for (n, g) in raw.groups.into_iter().enumerate() {
        let gplace = match &g.id {
            Some(id) => format!("[audiences] group `{id}`"),
            None => format!("[audiences] group #{}", n + 1),
        };
        unknown_keys(&gplace, &g.extra, problems);
        let id = identifier(&gplace, g.id, problems);
        if !ids.insert(id.clone()) {
            problems.push(Problem::new(&gplace, "duplicate group id"));
        }
        if g.options.is_empty() {
            problems.push(Problem::new(&gplace, "names no `options`"));
        }
        for o in &g.options {
            if let Some(i) = item
                && i.option(o).is_none()
            {
                problems.push(Problem::new(
                    &gplace,
                    format!("names option `{o}`, which item `{item_id}` does not offer"),
                ));
            }
            if let Some(other) = taken.insert(o.clone(), id.clone()) {
                problems.push(Problem::new(
                    &gplace,
                    format!("option `{o}` is already in group `{other}`"),
                ));
            }
        }
        let mut phrases = |key: &str, list: Vec<String>| {
            let mut out = Vec::new();
            for phrase in list {
                if phrase.trim().is_empty() {
                    problems.push(Problem::new(
                        &gplace,
                        format!("`{key}` holds an empty phrase"),
                    ));
                } else {
                    out.push(phrase.trim().to_lowercase());
                }
            }
            out
        };
        let not_said = phrases("not_said", g.not_said);
        let not_asked = phrases("not_asked", g.not_asked);
        groups.push(AudienceGroup {
            id,
            options: g.options,
            not_said,
            not_asked,
        });
    }
    Audiences {
        item: item_id,
        groups,
    }
}

pub(super) fn build_absences(
    raw: Vec<RawAbsence>,
    items: &[Item],
    item_index: &HashMap<String, usize>,
    problems: &mut Vec<Problem>,
) -> Vec<Absence> {
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for (n, a) in raw.into_iter().enumerate() {
        let place = match &a.id {
            Some(id) => format!("absence `{id}`"),
            None => format!("absence #{}", n + 1),
        };
        unknown_keys(&place, &a.extra, problems);
        let id = identifier(&place, a.id, problems);
        if !ids.insert(id.clone()) {
            problems.push(Problem::new(&place, "duplicate absence id"));
        }
        let item_id = required_text(&place, "item", a.item, problems);
        match item_index.get(&item_id).map(|&i| &items[i]) {
            None if item_id.is_empty() => {}
            None => problems.push(Problem::new(
                &place,
                format!("names item `{item_id}`, which does not exist"),
            )),
            Some(item) => {
                for o in &a.options {
                    if item.option(o).is_none() {
                        problems.push(Problem::new(
                            &place,
                            format!("names option `{o}`, which item `{item_id}` does not offer"),
                        ));
                    }
                }
            }
        }
        if a.options.is_empty() {
            problems.push(Problem::new(&place, "names no `options`"));
        }
        let mentions: Vec<String> = a
            .mentions
            .iter()
            .map(|m| m.trim().to_lowercase())
            .filter(|m| !m.is_empty())
            .collect();
        if mentions.is_empty() {
            problems.push(Problem::new(&place, "names no `mentions`"));
        }
        for (presumer, text) in &a.instead {
            match item_index.get(presumer).map(|&i| &items[i]) {
                None => problems.push(Problem::new(
                    &place,
                    format!("`instead` names item `{presumer}`, which does not exist"),
                )),
                Some(i) if i.commentary.is_none() => problems.push(Problem::new(
                    &place,
                    format!("`instead` names item `{presumer}`, which has no commentary"),
                )),
                Some(_) => {}
            }
            if text.trim().is_empty() {
                problems.push(Problem::new(
                    &place,
                    format!("`instead.{presumer}` is empty"),
                ));
            }
        }
        out.push(Absence {
            id,
            item: item_id,
            options: a.options,
            mentions,
            instead: a.instead,
            within: a.within,
        });
    }
    out
}

/// A text a respondent who denies something may read never mentions it: only
/// the question that asks and the questions that say `instead` may.
fn check_absences(q: &Questionnaire, found: &mut BTreeSet<(String, String)>) {
    let audiences: Vec<Option<&str>> = std::iter::once(None)
        .chain(
            q.audiences
                .iter()
                .flat_map(|a| &a.groups)
                .map(|g| Some(g.id.as_str())),
        )
        .collect();
    for absence in &q.absences {
        let place = format!("absence `{}`", absence.id);
        let allowed: BTreeSet<String> = std::iter::once(&absence.item)
            .chain(absence.instead.keys())
            .map(|i| format!("item `{i}`"))
            .chain(std::iter::once(place.clone()))
            .collect();
        // Within one part: only the texts of its questions are read.
        let judged: Option<BTreeSet<String>> = match &absence.within {
            None => None,
            Some(part) if q.part(part).is_none() => {
                found.insert((
                    place.clone(),
                    format!("`within` names part `{part}`, which does not exist"),
                ));
                continue;
            }
            Some(part) => Some(
                q.items
                    .iter()
                    .filter(|i| q.part_of(i).is_some_and(|p| &p.id == part))
                    .map(|i| format!("item `{}`", i.id))
                    .collect(),
            ),
        };
        for audience in &audiences {
            for said in said_to(q, *audience) {
                if allowed.contains(&said.place)
                    || judged.as_ref().is_some_and(|j| !j.contains(&said.place))
                {
                    continue;
                }
                let lower = said.text.to_lowercase();
                for m in &absence.mentions {
                    if holds_phrase(&lower, m) {
                        found.insert((
                            said.place.clone(),
                            format!(
                                "{} mentions \u{201c}{m}\u{201d}, which an answer to `{}` can deny (absence `{}`): say it without presuming it, or give the item an `instead` paragraph",
                                said.what, absence.item, absence.id
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// A text the report may say, with where it comes from in the file.
struct Said<'a> {
    place: String,
    what: String,
    text: &'a str,
}

/// Checks every text of the assembled questionnaire against the rules above.
pub(super) fn check(q: &Questionnaire, problems: &mut Vec<Problem>) {
    let groups: Vec<&AudienceGroup> = q.audiences.iter().flat_map(|a| &a.groups).collect();
    let known: BTreeSet<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    let mut found: BTreeSet<(String, String)> = BTreeSet::new();
    let mut unknown_group = |place: String, group: &str| {
        if !known.contains(group) {
            found.insert((
                place,
                format!("has variants for `{group}`, which no [audiences] group declares"),
            ));
        }
    };
    for item in &q.items {
        for g in item.variants.keys() {
            unknown_group(format!("item `{}`", item.id), g);
        }
    }
    for (sub, text) in SubIndex::ALL.iter().zip(&q.sub_indices) {
        for g in text.variants.keys() {
            unknown_group(format!("[sub_indices.{}]", sub.key()), g);
        }
    }
    for t in &q.tensions {
        for g in t.variants.keys() {
            unknown_group(format!("tension `{}`", t.id), g);
        }
    }
    for r in &q.related {
        for g in r.variants.keys() {
            unknown_group(format!("related `{}`", r.id), g);
        }
    }
    let audiences: Vec<Option<&str>> = std::iter::once(None)
        .chain(groups.iter().map(|g| Some(g.id.as_str())))
        .collect();
    for item in &q.items {
        for audience in &audiences {
            check_naming(q, item, *audience, &mut found);
        }
    }
    for t in &q.tensions {
        check_tension_naming(q, t, &mut found);
    }
    // An `instead` paragraph is said for any answer of its question.
    for a in &q.absences {
        let place = format!("absence `{}`", a.id);
        for (item_id, text) in &a.instead {
            let Some(item) = q.item(item_id) else {
                continue;
            };
            for i in 0..item.options.len() {
                let what = format!("`instead.{item_id}`");
                check_said_for(&place, &what, text, "answer", item, i, &mut found);
            }
        }
    }
    for g in &groups {
        for said in said_to(q, Some(&g.id)) {
            let lower = said.text.to_lowercase();
            for phrase in &g.not_said {
                if holds_phrase(&lower, phrase) {
                    found.insert((
                        said.place.clone(),
                        format!(
                            "{} is said to `{}` and holds \u{201c}{phrase}\u{201d}, which that audience is never told: give it `variants.{}` of its own",
                            said.what, g.id, g.id
                        ),
                    ));
                }
            }
        }
    }
    // Every respondent is asked every question: none holds a phrase that does
    // not fit a group it is put to.
    for g in &groups {
        for item in &q.items {
            for (what, text) in [
                ("the question", Some(&item.text)),
                ("the help", item.help.as_ref()),
            ] {
                let Some(text) = text else { continue };
                let lower = text.to_lowercase();
                for phrase in &g.not_asked {
                    if holds_phrase(&lower, phrase) {
                        found.insert((
                            format!("item `{}`", item.id),
                            format!(
                                "{what} is put to `{}` and holds \u{201c}{phrase}\u{201d}, which that audience is never asked: word it for every role",
                                g.id
                            ),
                        ));
                    }
                }
            }
        }
    }
    check_absences(q, &mut found);
    problems.extend(found.into_iter().map(|(p, m)| Problem::new(p, m)));
}

/// The texts said for one option of an item to `audience`: its paragraph, and
/// the paragraphs its band takes beside a number.
fn said_for_option<'a>(
    q: &Questionnaire,
    item: &'a Item,
    option: usize,
    audience: Option<&str>,
) -> Vec<(String, &'a str)> {
    let band = q.commentary.band(item.options[option].score);
    let mut out = Vec::new();
    if let Some((what, text)) = item.paragraph_source(option, band, audience) {
        out.push((what, text));
    }
    let prefix = |key: &str| match item.variant(audience) {
        Some(_) => format!("`{key}` (as said to `{}`)", audience.unwrap_or_default()),
        None => format!("`{key}`"),
    };
    match band {
        Band::Middling => {
            if let Some(m) = item.measured_for(audience) {
                for (k, t) in ["worse", "level", "better"].into_iter().zip(m.all()) {
                    out.push((prefix(&format!("measured.{k}")), t));
                }
            }
        }
        Band::Strong => {
            if let Some(t) = item.figure_disagrees_for(audience) {
                out.push((prefix("figure_disagrees"), t));
            }
        }
        Band::Weak => {
            if let Some(t) = item.figure_better_for(audience) {
                out.push((prefix("figure_better"), t));
            }
        }
    }
    out
}

/// A paragraph said for an option names that option, and no other.
fn check_naming(
    q: &Questionnaire,
    item: &Item,
    audience: Option<&str>,
    found: &mut BTreeSet<(String, String)>,
) {
    if item.commentary.is_none() {
        return;
    }
    let place = format!("item `{}`", item.id);
    for i in 0..item.options.len() {
        for (what, text) in said_for_option(q, item, i, audience) {
            check_said_for(&place, &what, text, "answer", item, i, found);
        }
    }
}

/// A tension's title and paragraph are said for each answer of its two sides:
/// `{first}` and `{second}` (and their forms) name the answers given.
fn check_tension_naming(q: &Questionnaire, t: &Tension, found: &mut BTreeSet<(String, String)>) {
    let place = format!("tension `{}`", t.id);
    let mut texts: Vec<(String, &str)> = vec![
        ("the title".into(), t.title.as_str()),
        ("the paragraph".into(), t.paragraph.as_str()),
    ];
    for (g, p) in &t.variants {
        texts.push((format!("`variants.{g}.paragraph`"), p.as_str()));
    }
    for (key, side) in [("first", &t.first), ("second", &t.second)] {
        let Some(item) = q.item(&side.item) else {
            continue;
        };
        for answer in &side.answers {
            let Some((i, _)) = item.option(answer) else {
                continue;
            };
            for (what, text) in &texts {
                check_said_for(&place, what, text, key, item, i, found);
            }
        }
    }
}

/// One text said for option `i` of `item`, its `{KEY}` and `{KEY:FORM}`
/// placeholders standing for that option: every form is declared, the answer is
/// not hedged, and no other option of the item is named.
fn check_said_for(
    place: &str,
    what: &str,
    text: &str,
    key: &str,
    item: &Item,
    i: usize,
    found: &mut BTreeSet<(String, String)>,
) {
    let option = &item.options[i];
    let opener = format!("{{{key}:");
    let mut rest = text;
    while let Some(at) = rest.find(&opener) {
        let tail = &rest[at + opener.len()..];
        let form = tail.split('}').next().unwrap_or_default();
        if !option.forms.contains_key(form) {
            found.insert((
                place.to_string(),
                format!(
                    "{what} is said for \u{201c}{}\u{201d}, which declares no form `{form}` for `{{{key}:{form}}}`",
                    option.label
                ),
            ));
        }
        rest = tail;
    }
    let text = text
        .replace(&format!("{{{key}}}"), ANSWER_PLACEHOLDER)
        .replace(&opener, "{answer:");
    let mut said = option.put_in(&text).to_lowercase();
    let mut own: Vec<&str> = option.names.iter().map(String::as_str).collect();
    own.push(&option.named);
    own.extend(option.forms.values().map(String::as_str));
    for phrase in &own {
        let phrase = phrase.to_lowercase();
        for hedge in HEDGES {
            if said.contains(&format!("{hedge} {phrase}")) {
                found.insert((
                    place.to_string(),
                    format!(
                        "{what} hedges the answer it names: \u{201c}{hedge} {phrase}\u{201d}; the report holds the answer, so say it plainly"
                    ),
                ));
            }
        }
    }
    for word in &option.overclaims {
        if holds_phrase(&said, word) {
            found.insert((
                place.to_string(),
                format!(
                    "{what} is said for \u{201c}{}\u{201d} and calls it \u{201c}{word}\u{201d}, which that answer does not support: praise only what it says, or give it a text of its own",
                    option.label
                ),
            ));
        }
    }
    // The answer's own words first, so that "disagree" in "strongly disagree"
    // is not read as another answer.
    own.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for phrase in &own {
        said = said.replace(&phrase.to_lowercase(), " ");
    }
    for (j, other) in item.options.iter().enumerate() {
        if j == i {
            continue;
        }
        for name in &other.names {
            if holds_phrase(&said, name) {
                found.insert((
                    place.to_string(),
                    format!(
                        "{what} is said for \u{201c}{}\u{201d} but names \u{201c}{}\u{201d} (\u{201c}{name}\u{201d}): name the answer given, with `{{{key}}}` or a text of its own",
                        option.label, other.label
                    ),
                ));
            }
        }
    }
}

/// Every text an audience group reads, with its place in the file.
fn said_to<'a>(q: &'a Questionnaire, audience: Option<&str>) -> Vec<Said<'a>> {
    let mut out = Vec::new();
    for item in &q.items {
        let place = format!("item `{}`", item.id);
        for i in 0..item.options.len() {
            for (what, text) in said_for_option(q, item, i, audience) {
                out.push(Said {
                    place: place.clone(),
                    what,
                    text,
                });
            }
        }
        if let Some(h) = &item.headlines {
            let v = item.variant(audience);
            for (key, own, default) in [
                (
                    "keep",
                    v.and_then(|v| v.keep.as_deref()),
                    Some(h.keep.as_str()),
                ),
                (
                    "change",
                    v.and_then(|v| v.change.as_deref()),
                    Some(h.change.as_str()),
                ),
                (
                    "stop",
                    v.and_then(|v| v.stop.as_deref()),
                    Some(h.stop.as_str()),
                ),
                (
                    "find_out",
                    v.and_then(|v| v.find_out.as_deref()),
                    h.find_out.as_deref(),
                ),
            ] {
                if let Some(text) = own.or(default) {
                    out.push(Said {
                        place: place.clone(),
                        what: format!("the `{key}` headline"),
                        text,
                    });
                }
            }
        }
    }
    for (sub, text) in SubIndex::ALL.iter().zip(&q.sub_indices) {
        let place = format!("[sub_indices.{}]", sub.key());
        for band in [Band::Strong, Band::Middling, Band::Weak] {
            out.push(Said {
                place: place.clone(),
                what: format!("the `{}` paragraph", crate::report::band_word(band)),
                text: text.paragraph(band, audience),
            });
        }
        for (key, t) in [
            ("figure_disagrees", text.figure_disagrees_for(audience)),
            ("figure_better", text.figure_better_for(audience)),
        ] {
            if let Some(t) = t {
                out.push(Said {
                    place: place.clone(),
                    what: format!("`{key}`"),
                    text: t,
                });
            }
        }
    }
    for t in &q.tensions {
        out.push(Said {
            place: format!("tension `{}`", t.id),
            what: "the paragraph".into(),
            text: t.paragraph_for(audience),
        });
    }
    for r in &q.related {
        out.push(Said {
            place: format!("related `{}`", r.id),
            what: "the paragraph".into(),
            text: r.paragraph_for(audience),
        });
        out.push(Said {
            place: format!("related `{}`", r.id),
            what: "the headline".into(),
            text: &r.headline,
        });
    }
    for a in &q.absences {
        for (item, text) in &a.instead {
            out.push(Said {
                place: format!("absence `{}`", a.id),
                what: format!("`instead.{item}`"),
                text,
            });
        }
    }
    out.push(Said {
        place: "[study]".into(),
        what: "`velocity`".into(),
        text: &q.velocity_text,
    });
    for (list, bands) in [
        ("company_categories", &q.company_categories),
        ("personal_categories", &q.personal_categories),
    ] {
        for b in bands.all() {
            out.push(Said {
                place: format!("{list} `{}`", b.name),
                what: "the description".into(),
                text: &b.description,
            });
            if let Some(t) = &b.with_stop {
                out.push(Said {
                    place: format!("{list} `{}`", b.name),
                    what: "`with_stop`".into(),
                    text: t,
                });
            }
        }
    }
    out
}
