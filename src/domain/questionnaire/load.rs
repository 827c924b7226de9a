//! Building a [`Questionnaire`] from the file as written: checks every part of the
//! study, its categories, sub-indices, tensions and peer rules, collecting every
//! problem.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::item::build_item;
use super::raw::*;
use super::*;

pub(super) fn unknown_keys(place: &str, extra: &Extra, problems: &mut Vec<Problem>) {
    for key in extra.keys() {
        problems.push(Problem::new(place, format!("unknown key `{key}`")));
    }
}

pub(super) fn required_text(
    place: &str,
    key: &str,
    value: Option<String>,
    problems: &mut Vec<Problem>,
) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v.trim().to_string(),
        _ => {
            problems.push(Problem::new(place, format!("`{key}` is missing or empty")));
            String::new()
        }
    }
}

pub(super) fn is_identifier(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// An optional paragraph: trimmed, and a problem when given but empty.
pub(super) fn optional_text(
    place: &str,
    key: &str,
    value: Option<String>,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    match value {
        Some(v) if v.trim().is_empty() => {
            problems.push(Problem::new(place, format!("`{key}` is empty")));
            None
        }
        Some(v) => Some(v.trim().to_string()),
        None => None,
    }
}

pub(super) fn identifier(place: &str, id: Option<String>, problems: &mut Vec<Problem>) -> String {
    match id {
        Some(id) if is_identifier(&id) => id,
        Some(id) => {
            problems.push(Problem::new(
                place,
                format!("id `{id}` must be lower_snake_case (a-z, 0-9, _), starting with a letter"),
            ));
            id
        }
        None => {
            problems.push(Problem::new(place, "`id` is missing"));
            String::new()
        }
    }
}

pub(super) fn build_bands(list: &str, raw: Vec<RawBand>, problems: &mut Vec<Problem>) -> Bands {
    let mut bands = Vec::new();
    for (n, b) in raw.into_iter().enumerate() {
        let place = match &b.name {
            Some(name) => format!("{list} `{name}`"),
            None => format!("{list} #{}", n + 1),
        };
        unknown_keys(&place, &b.extra, problems);
        let name = required_text(&place, "name", b.name, problems);
        let description = b.description.unwrap_or_default().trim().to_string();
        let with_stop = b
            .with_stop
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        match (b.from, b.to) {
            (Some(from), Some(to)) if from < to => bands.push(Band100 {
                name,
                from,
                to,
                description,
                with_stop,
            }),
            (Some(from), Some(to)) => problems.push(Problem::new(
                place,
                format!("`from` ({from}) must be below `to` ({to})"),
            )),
            _ => problems.push(Problem::new(place, "needs both `from` and `to`")),
        }
    }
    if bands.is_empty() {
        problems.push(Problem::new(list, "no bands are declared"));
        return Bands(vec![Band100 {
            name: String::new(),
            from: 0.0,
            to: 100.0,
            description: String::new(),
            with_stop: None,
        }]);
    }
    bands.sort_by(|a, b| a.from.total_cmp(&b.from));
    let mut expected = 0.0;
    for b in &bands {
        if b.from > expected {
            problems.push(Problem::new(
                list,
                format!(
                    "the bands do not cover 0-100: nothing covers {expected} to {}",
                    b.from
                ),
            ));
        } else if b.from < expected {
            problems.push(Problem::new(
                list,
                format!(
                    "the bands do not cover 0-100 exactly: `{}` starts at {} inside the band before it, which ends at {expected}",
                    b.name, b.from
                ),
            ));
        }
        expected = b.to;
    }
    if expected != 100.0 {
        problems.push(Problem::new(
            list,
            format!("the bands do not cover 0-100: the last one ends at {expected}, not 100"),
        ));
    }
    Bands(bands)
}

pub(super) fn build_options(
    place: &str,
    raw: Vec<RawOption>,
    reverse: bool,
    scored: bool,
    lower_case: bool,
    problems: &mut Vec<Problem>,
) -> Vec<AnswerOption> {
    let mut seen = HashSet::new();
    let mut options = Vec::new();
    for (n, o) in raw.into_iter().enumerate() {
        let oplace = match &o.id {
            Some(id) => format!("{place}, option `{id}`"),
            None => format!("{place}, option #{}", n + 1),
        };
        unknown_keys(&oplace, &o.extra, problems);
        let id = identifier(&oplace, o.id, problems);
        if !seen.insert(id.clone()) {
            problems.push(Problem::new(&oplace, "duplicate option id"));
        }
        let label = required_text(&oplace, "label", o.label, problems);
        let named = match o.named {
            Some(n) if n.trim().is_empty() => {
                problems.push(Problem::new(&oplace, "`named` is empty"));
                label_words(&label, lower_case)
            }
            Some(n) => n.trim().to_string(),
            None => label_words(&label, lower_case),
        };
        let mut forms = BTreeMap::new();
        for (key, form) in o.forms.unwrap_or_default() {
            if !is_identifier(&key) {
                problems.push(Problem::new(
                    &oplace,
                    format!("form `{key}` must be lower_snake_case"),
                ));
            }
            if form.trim().is_empty() {
                problems.push(Problem::new(&oplace, format!("form `{key}` is empty")));
            }
            forms.insert(key, form.trim().to_string());
        }
        let mut names = Vec::new();
        for name in o.names.unwrap_or_default() {
            if name.trim().is_empty() {
                problems.push(Problem::new(&oplace, "`names` holds an empty phrase"));
            } else {
                names.push(name.trim().to_lowercase());
            }
        }
        let mut overclaims = Vec::new();
        for word in o.overclaims.unwrap_or_default() {
            if word.trim().is_empty() {
                problems.push(Problem::new(&oplace, "`overclaims` holds an empty phrase"));
            } else {
                overclaims.push(word.trim().to_lowercase());
            }
        }
        let score = match (o.score, o.excluded) {
            (Some(_), true) => {
                problems.push(Problem::new(
                    &oplace,
                    "has a score but is also `excluded`: choose one",
                ));
                None
            }
            (Some(s), false) if (0.0..=100.0).contains(&s) => {
                Some(if reverse { 100.0 - s } else { s })
            }
            (Some(s), false) => {
                problems.push(Problem::new(&oplace, format!("score {s} is outside 0-100")));
                None
            }
            (None, true) => None,
            (None, false) if !scored => None,
            (None, false) => {
                problems.push(Problem::new(
                    &oplace,
                    "has no score (give `score = 0..100`, or `excluded = true` to leave it out of the mean)",
                ));
                None
            }
        };
        options.push(AnswerOption {
            id,
            label,
            score,
            named,
            forms,
            names,
            overclaims,
        });
    }
    if options.len() < 2 {
        problems.push(Problem::new(place, "needs at least two options"));
    }
    options
}

pub(super) fn build(
    raw: RawFile,
    rules: Rules,
    problems: &mut Vec<Problem>,
) -> Option<Questionnaire> {
    unknown_keys("file", &raw.extra, problems);
    let Some(study) = raw.study else {
        problems.push(Problem::new("file", "the [study] table is missing"));
        return None;
    };
    unknown_keys("[study]", &study.extra, problems);
    let id = identifier("[study]", study.id, problems);
    let version = study.version.unwrap_or_else(|| {
        problems.push(Problem::new("[study]", "`version` is missing"));
        0
    });
    let name = required_text("[study]", "name", study.name, problems);
    let intro = required_text("[study]", "intro", study.intro, problems);
    let privacy = required_text("[study]", "privacy", study.privacy, problems);
    let velocity_text = required_text("[study]", "velocity", study.velocity, problems);
    let minutes = study.minutes.unwrap_or(15);
    let minimum_coverage = study.minimum_coverage.unwrap_or(50.0);
    if !(0.0..=100.0).contains(&minimum_coverage) || minimum_coverage == 0.0 {
        problems.push(Problem::new(
            "[study]",
            format!("`minimum_coverage` {minimum_coverage} must be above 0 and at most 100"),
        ));
    }
    let peer_group_minimum = study.peer_group_minimum.unwrap_or(10);
    let minimum_decided_deals = study.minimum_decided_deals.unwrap_or(10.0);
    if minimum_decided_deals < 1.0 {
        problems.push(Problem::new(
            "[study]",
            "`minimum_decided_deals` must be at least 1",
        ));
    }
    let figure_margin = study.figure_margin.unwrap_or(15.0);
    if !(0.0..=100.0).contains(&figure_margin) {
        problems.push(Problem::new(
            "[study]",
            "`figure_margin` must be a percentage between 0 and 100",
        ));
    }
    if peer_group_minimum == 0 {
        problems.push(Problem::new(
            "[study]",
            "`peer_group_minimum` must be at least 1",
        ));
    }
    let quality = study.quality.unwrap_or_default();
    for problem in quality.problems() {
        problems.push(Problem::new("[study]", problem));
    }
    let peer_fallback = study.peer_fallback.unwrap_or_else(|| {
        vec![
            vec!["industry".into(), "company_size".into()],
            vec!["industry".into()],
            vec![],
        ]
    });
    if peer_fallback.is_empty() {
        problems.push(Problem::new("[study]", "`peer_fallback` is empty"));
    }
    let commentary = match study.commentary {
        Some(t) if t.weak_below <= t.strong_from => CommentaryThresholds {
            strong_from: t.strong_from,
            weak_below: t.weak_below,
        },
        Some(_) => {
            problems.push(Problem::new(
                "[study]",
                "`commentary.weak_below` must not be above `commentary.strong_from`",
            ));
            CommentaryThresholds {
                strong_from: 75.0,
                weak_below: 40.0,
            }
        }
        None => CommentaryThresholds {
            strong_from: 75.0,
            weak_below: 40.0,
        },
    };

    let company_categories = build_bands("company_categories", raw.company_categories, problems);
    let personal_categories = build_bands("personal_categories", raw.personal_categories, problems);
    let revenue_potential = build_bands("revenue_potential", raw.revenue_potential, problems);
    let potential_target = match study.potential_target {
        None => 100.0,
        Some(t) if !(0.0..=100.0).contains(&t) => {
            problems.push(Problem::new(
                "[study]",
                format!("`potential_target` {t} must be between 0 and 100"),
            ));
            100.0
        }
        Some(t) => {
            check_potential_agrees_with_commentary(t, &commentary, &revenue_potential, problems);
            t
        }
    };
    let currency = match study.currency {
        None => Currency {
            code: String::new(),
            symbol: String::new(),
            name: String::new(),
            rate: 1.0,
            rate_date: String::new(),
            reference_code: String::new(),
            reference_name: String::new(),
        },
        Some(c) => {
            unknown_keys("[study.currency]", &c.extra, problems);
            let code = required_text("[study.currency]", "code", c.code, problems);
            if c.rate.is_some() || c.rate_date.is_some() {
                problems.push(Problem::new(
                    "[study.currency]",
                    "the reference currency has no `rate` or `rate_date`: the other currencies' rates are to it",
                ));
            }
            Currency {
                name: optional_text("[study.currency]", "name", c.name, problems)
                    .unwrap_or_else(|| code.clone()),
                code,
                symbol: required_text("[study.currency]", "symbol", c.symbol, problems),
                rate: 1.0,
                rate_date: String::new(),
                reference_code: String::new(),
                reference_name: String::new(),
            }
        }
    };
    let mut currencies = vec![currency.clone()];
    for (n, c) in study.currencies.unwrap_or_default().into_iter().enumerate() {
        let place = format!("[[study.currencies]] #{}", n + 1);
        unknown_keys(&place, &c.extra, problems);
        let code = required_text(&place, "code", c.code, problems);
        let rate = match c.rate {
            Some(r) if r.is_finite() && r > 0.0 => r,
            Some(r) => {
                problems.push(Problem::new(
                    place.as_str(),
                    format!(
                        "`rate` {r} must be a positive number: units of {} one {code} is worth",
                        currency.code
                    ),
                ));
                1.0
            }
            None => {
                problems.push(Problem::new(
                    place.as_str(),
                    format!(
                        "needs a `rate`: units of {} one {code} is worth",
                        currency.code
                    ),
                ));
                1.0
            }
        };
        let rate_date = required_text(&place, "rate_date", c.rate_date, problems);
        if !rate_date.is_empty() && long_date(&rate_date) == rate_date {
            problems.push(Problem::new(
                place.as_str(),
                format!("`rate_date` \"{rate_date}\" must be a day written as 2026-11-30"),
            ));
        }
        if currencies
            .iter()
            .any(|k| k.code.eq_ignore_ascii_case(&code))
        {
            problems.push(Problem::new(
                place.as_str(),
                format!("currency `{code}` is declared twice"),
            ));
        }
        currencies.push(Currency {
            name: optional_text(&place, "name", c.name, problems).unwrap_or_else(|| code.clone()),
            code,
            symbol: required_text(&place, "symbol", c.symbol, problems),
            rate,
            rate_date,
            reference_code: currency.code.clone(),
            reference_name: currency.name.clone(),
        });
    }
    let currency_item = study.currency_item;

    let mut sub_texts = raw.sub_indices;
    for key in sub_texts.keys() {
        if SubIndex::from_key(key).is_none() {
            problems.push(Problem::new(
                format!("[sub_indices.{key}]"),
                "there is no such sub-index (value, number, win_rate, sales_cycle)",
            ));
        }
    }
    let sub_indices = SubIndex::ALL.map(|sub| {
        let place = format!("[sub_indices.{}]", sub.key());
        match sub_texts.remove(sub.key()) {
            Some(t) => {
                unknown_keys(&place, &t.extra, problems);
                SubIndexText {
                    name: required_text(&place, "name", t.name, problems),
                    meaning: required_text(&place, "meaning", t.meaning, problems),
                    commentary: Commentary {
                        strong: required_text(&place, "strong", t.strong, problems),
                        middling: required_text(&place, "middling", t.middling, problems),
                        weak: required_text(&place, "weak", t.weak, problems),
                    },
                    figure_disagrees: optional_text(
                        &place,
                        "figure_disagrees",
                        t.figure_disagrees,
                        problems,
                    ),
                    figure_better: optional_text(
                        &place,
                        "figure_better",
                        t.figure_better,
                        problems,
                    ),
                    variants: t
                        .variants
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(group, v)| {
                            let vplace = format!("{place} variants.{group}");
                            unknown_keys(&vplace, &v.extra, problems);
                            let variant = SubIndexVariant {
                                strong: optional_text(&vplace, "strong", v.strong, problems),
                                middling: optional_text(&vplace, "middling", v.middling, problems),
                                weak: optional_text(&vplace, "weak", v.weak, problems),
                                figure_disagrees: optional_text(
                                    &vplace,
                                    "figure_disagrees",
                                    v.figure_disagrees,
                                    problems,
                                ),
                                figure_better: optional_text(
                                    &vplace,
                                    "figure_better",
                                    v.figure_better,
                                    problems,
                                ),
                            };
                            (group, variant)
                        })
                        .collect(),
                }
            }
            None => {
                problems.push(Problem::new(&place, "is missing"));
                SubIndexText {
                    name: sub.key().into(),
                    meaning: String::new(),
                    commentary: Commentary {
                        strong: String::new(),
                        middling: String::new(),
                        weak: String::new(),
                    },
                    figure_disagrees: None,
                    figure_better: None,
                    variants: BTreeMap::new(),
                }
            }
        }
    });

    let mut scales: HashMap<String, Vec<RawOption>> = HashMap::new();
    for (name, scale) in raw.scales {
        let place = format!("[scales.{name}]");
        unknown_keys(&place, &scale.extra, problems);
        if !["agreement", "importance", "frequency"].contains(&name.as_str()) {
            problems.push(Problem::new(
                &place,
                "no item kind uses this scale (agreement, importance, frequency)",
            ));
        }
        // Validate the scale's own options once; items reuse them.
        build_options(&place, scale.options.clone(), false, true, true, problems);
        scales.insert(name, scale.options);
    }

    let mut parts = Vec::new();
    let mut part_ids = HashSet::new();
    for (n, p) in raw.parts.into_iter().enumerate() {
        let place = match &p.id {
            Some(id) => format!("part `{id}`"),
            None => format!("part #{}", n + 1),
        };
        unknown_keys(&place, &p.extra, problems);
        let pid = identifier(&place, p.id, problems);
        if !part_ids.insert(pid.clone()) {
            problems.push(Problem::new(&place, "duplicate part id"));
        }
        let kind = match p.kind.as_deref() {
            Some("profile") => PartKind::Profile,
            Some("company") => PartKind::Company,
            Some("numbers") => PartKind::Numbers,
            Some("personal") => PartKind::Personal,
            other => {
                problems.push(Problem::new(
                    &place,
                    format!(
                        "`kind` {} is not one of profile, company, numbers, personal",
                        other.map_or("(missing)".to_string(), |k| format!("`{k}`"))
                    ),
                ));
                PartKind::Company
            }
        };
        parts.push(Part {
            id: pid,
            kind,
            title: required_text(&place, "title", p.title, problems),
            intro: p.intro.unwrap_or_default().trim().to_string(),
        });
    }
    for kind in [PartKind::Profile, PartKind::Company, PartKind::Personal] {
        if !parts.iter().any(|p| p.kind == kind) {
            problems.push(Problem::new(
                "parts",
                format!("there is no part of kind `{kind:?}`").to_lowercase(),
            ));
        }
    }

    let mut sections = Vec::new();
    let mut section_ids: HashMap<String, usize> = HashMap::new();
    for (n, s) in raw.sections.into_iter().enumerate() {
        let place = match &s.id {
            Some(id) => format!("section `{id}`"),
            None => format!("section #{}", n + 1),
        };
        unknown_keys(&place, &s.extra, problems);
        let sid = identifier(&place, s.id, problems);
        if section_ids.insert(sid.clone(), sections.len()).is_some() {
            problems.push(Problem::new(&place, "duplicate section id"));
        }
        let part = required_text(&place, "part", s.part, problems);
        if !part.is_empty() && !part_ids.contains(&part) {
            problems.push(Problem::new(
                &place,
                format!("names part `{part}`, which does not exist"),
            ));
        }
        sections.push(Section {
            id: sid,
            part,
            title: required_text(&place, "title", s.title, problems),
            intro: s.intro.unwrap_or_default().trim().to_string(),
            items: Vec::new(),
        });
    }

    let mut items = Vec::new();
    let mut item_index = HashMap::new();
    for (n, r) in raw.items.into_iter().enumerate() {
        let place = match &r.id {
            Some(id) => format!("item `{id}`"),
            None => format!("item #{}", n + 1),
        };
        unknown_keys(&place, &r.extra, problems);
        let iid = identifier(&place, r.id.clone(), problems);
        if item_index.insert(iid.clone(), items.len()).is_some() {
            problems.push(Problem::new(&place, "duplicate item id"));
        }
        let section = required_text(&place, "section", r.section.clone(), problems);
        let part_kind = match section_ids.get(&section) {
            Some(&si) => {
                sections[si].items.push(items.len());
                parts
                    .iter()
                    .find(|p| p.id == sections[si].part)
                    .map(|p| p.kind)
            }
            None => {
                if !section.is_empty() {
                    problems.push(Problem::new(
                        &place,
                        format!("names section `{section}`, which does not exist"),
                    ));
                }
                None
            }
        };
        items.push(build_item(
            &place,
            (iid, section),
            part_kind,
            r,
            &super::item::Shared {
                scales: &scales,
                rules,
            },
            problems,
        ));
    }

    let mut dims = HashSet::new();
    for item in &items {
        if let Some(d) = &item.dimension
            && !dims.insert(d.clone())
        {
            problems.push(Problem::new(
                format!("item `{}`", item.id),
                format!("dimension `{d}` is defined by two items"),
            ));
        }
    }
    let mut metrics = HashSet::new();
    for item in &items {
        if let Some(m) = item.metric
            && !metrics.insert(m)
        {
            problems.push(Problem::new(
                format!("item `{}`", item.id),
                format!("metric `{}` is supplied by two items", m.key()),
            ));
        }
    }
    for (n, level) in peer_fallback.iter().enumerate() {
        for d in level {
            if !dims.contains(d) {
                problems.push(Problem::new(
                    "[study]",
                    format!(
                        "peer_fallback step {} names dimension `{d}`, which no profile item defines",
                        n + 1
                    ),
                ));
            }
        }
    }
    for sub in SubIndex::ALL {
        if !items.iter().any(|i| i.weights[sub.position()] > 0.0) {
            problems.push(Problem::new(
                "items",
                format!("no item feeds the `{}` sub-index", sub.key()),
            ));
        }
    }
    if !items.iter().any(|i| i.personal_weight > 0.0) {
        problems.push(Problem::new("items", "no item feeds the personal index"));
    }
    for s in &sections {
        if s.items.is_empty() {
            problems.push(Problem::new(format!("section `{}`", s.id), "has no items"));
        }
    }
    let tensions = build_tensions(raw.tensions, &items, &item_index, problems);
    let related = super::wording::build_related(raw.related, &items, &item_index, rules, problems);
    super::wording::check_tensions_against_related(&tensions, &related, problems);
    let absences = super::wording::build_absences(raw.absences, &items, &item_index, problems);
    let audiences = raw
        .audiences
        .map(|a| super::wording::build_audiences(a, &items, &item_index, problems));

    check_currency_item(
        currency_item.as_deref(),
        &currencies,
        &items,
        &item_index,
        problems,
    );
    let teams = raw.teams.map(|t| t.build(&items, problems));
    let q = Questionnaire {
        id,
        version,
        name,
        minutes,
        intro,
        privacy,
        velocity_text,
        minimum_coverage,
        peer_group_minimum,
        minimum_decided_deals,
        figure_margin,
        peer_fallback,
        commentary,
        quality,
        company_categories,
        personal_categories,
        revenue_potential,
        potential_target,
        currency,
        currencies,
        currency_item,
        tensions,
        related,
        absences,
        audiences,
        sub_indices,
        parts,
        sections,
        items,
        teams,
        item_index,
        translations: BTreeMap::new(),
        language: crate::language::Language::English,
        source_text: Arc::from(""),
    };
    if rules == Rules::Study {
        super::wording::check(&q, problems);
    }
    Some(q)
}

/// The currency item chooses among exactly the study's currencies: a choice
/// whose option ids are their codes, scored nowhere. With other currencies
/// declared, one is needed (a respondent must be able to choose).
fn check_currency_item(
    id: Option<&str>,
    currencies: &[Currency],
    items: &[Item],
    item_index: &HashMap<String, usize>,
    problems: &mut Vec<Problem>,
) {
    let Some(id) = id else {
        if currencies.len() > 1 {
            problems.push(Problem::new(
                "[study]",
                "with `[[study.currencies]]`, name the item respondents choose their currency with in `currency_item`",
            ));
        }
        return;
    };
    let Some(item) = item_index.get(id).map(|&pos| &items[pos]) else {
        problems.push(Problem::new(
            "[study]",
            format!("`currency_item` names `{id}`, which is not an item"),
        ));
        return;
    };
    let place = format!("item `{id}`");
    if item.kind != ItemKind::Choice
        || item.is_scored()
        || item.options.iter().any(|o| o.score.is_some())
    {
        problems.push(Problem::new(
            place.as_str(),
            "the currency item must be an unscored choice",
        ));
    }
    let mut offered: Vec<String> = item.options.iter().map(|o| o.id.to_uppercase()).collect();
    let mut declared: Vec<String> = currencies.iter().map(|c| c.code.to_uppercase()).collect();
    offered.sort();
    declared.sort();
    if offered != declared {
        problems.push(Problem::new(
            place.as_str(),
            format!(
                "its options must be the study's currency codes ({}), not {}",
                declared.join(", "),
                offered.join(", ")
            ),
        ));
    }
}

/// With a declared target, revenue potential must agree with the sub-index's own
/// paragraph: a middling or weak score (below `strong_from`) is at least
/// `target - strong_from` points from the target, which must lie beyond the first
/// (smallest) potential band; a strong score is at most `max(target, 100) -
/// strong_from` from any benchmark, which must stay below the last (largest) band.
pub(super) fn check_potential_agrees_with_commentary(
    target: f64,
    thresholds: &CommentaryThresholds,
    bands: &Bands,
    problems: &mut Vec<Problem>,
) {
    let (Some(first), Some(last)) = (bands.all().first(), bands.all().last()) else {
        return;
    };
    if bands.all().len() < 2 {
        problems.push(Problem::new(
            "revenue_potential",
            "with a `potential_target`, declare at least two bands",
        ));
        return;
    }
    if target - thresholds.strong_from < first.to {
        problems.push(Problem::new(
            "[study]",
            format!(
                "`potential_target` {target} is too low: a middling score just under {} would be {} points from it, which is `{}`; the target must be at least {}",
                thresholds.strong_from,
                target - thresholds.strong_from,
                first.name,
                thresholds.strong_from + first.to
            ),
        ));
    }
    if 100.0 - thresholds.strong_from >= last.from {
        problems.push(Problem::new(
            "revenue_potential",
            format!(
                "a strong score of {} could be {} points below a peer group's top decile, which is `{}`: start that band above {}",
                thresholds.strong_from,
                100.0 - thresholds.strong_from,
                last.name,
                100.0 - thresholds.strong_from
            ),
        ));
    }
}

pub(super) fn build_tensions(
    raw: Vec<RawTension>,
    items: &[Item],
    item_index: &HashMap<String, usize>,
    problems: &mut Vec<Problem>,
) -> Vec<Tension> {
    let mut ids = HashSet::new();
    let mut tensions = Vec::new();
    for (n, t) in raw.into_iter().enumerate() {
        let place = match &t.id {
            Some(id) => format!("tension `{id}`"),
            None => format!("tension #{}", n + 1),
        };
        unknown_keys(&place, &t.extra, problems);
        let id = identifier(&place, t.id, problems);
        if !ids.insert(id.clone()) {
            problems.push(Problem::new(&place, "duplicate tension id"));
        }
        let title = required_text(&place, "title", t.title, problems);
        let paragraph = required_text(&place, "paragraph", t.paragraph, problems);
        let mut side = |key: &str, raw: Option<RawTensionSide>| -> TensionSide {
            let Some(raw) = raw else {
                problems.push(Problem::new(&place, format!("`{key}` is missing")));
                return TensionSide {
                    item: String::new(),
                    answers: Vec::new(),
                };
            };
            unknown_keys(&format!("{place}, {key}"), &raw.extra, problems);
            let item_id = required_text(&place, &format!("{key}.item"), raw.item, problems);
            match item_index.get(&item_id).map(|&i| &items[i]) {
                Some(item) if item.is_scored() => {
                    for a in &raw.answers {
                        if item.option(a).is_none() {
                            problems.push(Problem::new(
                                &place,
                                format!("`{key}` names answer `{a}`, which item `{item_id}` does not offer"),
                            ));
                        }
                    }
                }
                Some(_) => problems.push(Problem::new(
                    &place,
                    format!("`{key}` names item `{item_id}`, which is not scored"),
                )),
                None if item_id.is_empty() => {}
                None => problems.push(Problem::new(
                    &place,
                    format!("`{key}` names item `{item_id}`, which does not exist"),
                )),
            }
            if raw.answers.is_empty() {
                problems.push(Problem::new(&place, format!("`{key}.answers` is empty")));
            }
            TensionSide {
                item: item_id,
                answers: raw.answers,
            }
        };
        let first = side("first", t.first);
        let second = side("second", t.second);
        if !first.item.is_empty() && first.item == second.item {
            problems.push(Problem::new(&place, "both sides name the same item"));
        }
        let variants = text_variants(&place, t.variants, problems);
        tensions.push(Tension {
            id,
            title,
            first,
            second,
            paragraph,
            variants,
        });
    }
    tensions
}

/// The paragraphs of a tension or related group for audiences, by group id.
pub(super) fn text_variants(
    place: &str,
    raw: Option<BTreeMap<String, RawTextVariant>>,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (group, v) in raw.unwrap_or_default() {
        let vplace = format!("{place} variants.{group}");
        unknown_keys(&vplace, &v.extra, problems);
        out.insert(
            group,
            required_text(&vplace, "paragraph", v.paragraph, problems),
        );
    }
    out
}
