//! Building one questionnaire item from the file: its kind, options and scores,
//! weights, commentary and headlines, collecting every problem.

use std::collections::{BTreeMap, HashMap};

use super::load::*;
use super::raw::*;
use super::*;

/// Checks one item's own fields; its id and section were checked by the caller.
/// What every item of a file is built with: the file's scales, and the rules
/// it is held to.
pub(super) struct Shared<'a> {
    pub(super) scales: &'a HashMap<String, Vec<RawOption>>,
    pub(super) rules: Rules,
}

pub(super) fn build_item(
    place: &str,
    (id, section): (String, String),
    part_kind: Option<PartKind>,
    r: RawItem,
    shared: &Shared<'_>,
    problems: &mut Vec<Problem>,
) -> Item {
    let Shared { scales, rules } = *shared;
    let text = required_text(place, "text", r.text, problems);
    let kind = match r.kind.as_deref().and_then(ItemKind::from_key) {
        Some(k) => k,
        None => {
            problems.push(Problem::new(
                place,
                format!(
                    "`kind` {} is not one of agreement, importance, frequency, choice, number, text",
                    r.kind.map_or("(missing)".to_string(), |k| format!("`{k}`"))
                ),
            ));
            ItemKind::Text
        }
    };

    let scored_by_weights = r.weights.as_ref().is_some_and(|w| !w.is_empty());
    let options = match (kind.scale_name(), kind, r.options) {
        (Some(scale), _, None) => match scales.get(scale) {
            Some(raw) => build_options(place, raw.clone(), r.reverse, true, true, &mut Vec::new()),
            None => {
                problems.push(Problem::new(
                    place,
                    format!("uses the `{scale}` scale, which is not declared in [scales.{scale}]"),
                ));
                Vec::new()
            }
        },
        (Some(_), _, Some(_)) => {
            problems.push(Problem::new(
                place,
                "a scale item takes its options from its scale: remove `options`",
            ));
            Vec::new()
        }
        (None, ItemKind::Choice, Some(raw)) => build_options(
            place,
            raw,
            r.reverse,
            scored_by_weights,
            rules.lower_case_choices(),
            problems,
        ),
        (None, ItemKind::Choice, None) => {
            problems.push(Problem::new(place, "a choice item needs `options`"));
            Vec::new()
        }
        (None, _, Some(_)) => {
            problems.push(Problem::new(
                place,
                format!("a {kind:?} item has no options").to_lowercase(),
            ));
            Vec::new()
        }
        (None, _, None) => Vec::new(),
    };

    let number = if kind == ItemKind::Number {
        match (r.min, r.max) {
            (Some(min), Some(max)) if min < max => Some(NumberRange {
                unit: r.unit.unwrap_or_default(),
                min,
                max,
                integer: r.integer,
            }),
            (Some(min), Some(max)) => {
                problems.push(Problem::new(
                    place,
                    format!("`min` ({min}) must be below `max` ({max})"),
                ));
                None
            }
            _ => {
                problems.push(Problem::new(place, "a number item needs `min` and `max`"));
                None
            }
        }
    } else {
        if r.min.is_some() || r.max.is_some() || r.unit.is_some() {
            problems.push(Problem::new(
                place,
                "`min`, `max` and `unit` belong to number items only",
            ));
        }
        None
    };

    let metric = match r.metric.as_deref() {
        None => None,
        Some(m) => match Metric::from_key(m) {
            Some(metric) if kind == ItemKind::Number => Some(metric),
            Some(_) => {
                problems.push(Problem::new(
                    place,
                    "only a number item can supply a `metric`",
                ));
                None
            }
            None => {
                problems.push(Problem::new(
                    place,
                    format!("`metric` `{m}` is not a company number Dealbench knows"),
                ));
                None
            }
        },
    };

    let mut weights = [0.0; 4];
    let mut personal_weight = 0.0;
    for (key, w) in r.weights.clone().unwrap_or_default() {
        if w <= 0.0 || !w.is_finite() {
            problems.push(Problem::new(
                place,
                format!("weight `{key}` = {w} is not positive"),
            ));
            continue;
        }
        if key == PERSONAL_WEIGHT_KEY {
            personal_weight = w;
        } else if let Some(sub) = SubIndex::from_key(&key) {
            weights[sub.position()] = w;
        } else {
            problems.push(Problem::new(
                place,
                format!(
                    "weight names `{key}`, which is not a sub-index (value, number, win_rate, sales_cycle) or `personal`"
                ),
            ));
        }
    }
    // Problems follow from what the file declares, so that one bad weight is
    // reported once and not again as missing commentary or a missing weight.
    let weights_declared = r.weights.as_ref().is_some_and(|w| !w.is_empty());
    let scored = weights_declared;
    match part_kind {
        Some(PartKind::Company) => {
            if personal_weight > 0.0 {
                problems.push(Problem::new(
                    place,
                    "a company item cannot feed the personal index",
                ));
            }
            if !weights_declared {
                problems.push(Problem::new(
                    place,
                    "a company item needs `weights` on at least one sub-index",
                ));
            }
        }
        Some(PartKind::Personal) => {
            if weights.iter().any(|&w| w > 0.0) {
                problems.push(Problem::new(
                    place,
                    "a personal item feeds the personal index only: use `weights = { personal = 1 }`",
                ));
            }
            if !weights_declared {
                problems.push(Problem::new(
                    place,
                    "a personal item needs `weights = { personal = N }`",
                ));
            }
        }
        Some(PartKind::Profile | PartKind::Numbers) if r.weights.is_some() => {
            problems.push(Problem::new(
                place,
                "profile and number items are not scored: remove `weights`",
            ));
        }
        _ => {}
    }
    if scored && !kind.has_options() {
        problems.push(Problem::new(
            place,
            format!("a {kind:?} item cannot be scored").to_lowercase(),
        ));
    }
    if scored && options.iter().all(|o| o.score.is_none()) && !options.is_empty() {
        problems.push(Problem::new(
            place,
            "a scored item needs at least one scored option",
        ));
    }
    if r.key_area && !scored {
        problems.push(Problem::new(
            place,
            "only a scored item can be a `key_area`",
        ));
    }

    let commentary = if scored {
        let mut missing = Vec::new();
        let mut take = |key: &'static str, v: Option<String>| match v {
            Some(t) if !t.trim().is_empty() => t.trim().to_string(),
            _ => {
                missing.push(key);
                String::new()
            }
        };
        let c = Commentary {
            strong: take("strong", r.strong),
            middling: take("middling", r.middling),
            weak: take("weak", r.weak),
        };
        if !missing.is_empty() {
            problems.push(Problem::new(
                place,
                format!("commentary is missing: `{}`", missing.join("`, `")),
            ));
        }
        Some(c)
    } else {
        if r.strong.is_some() || r.middling.is_some() || r.weak.is_some() {
            problems.push(Problem::new(
                place,
                "commentary belongs to scored items only",
            ));
        }
        None
    };

    let headlines = match (r.keep, r.change, r.stop) {
        (None, None, None) if !r.key_area && r.find_out.is_none() => None,
        (keep, change, stop) => {
            if !r.key_area {
                problems.push(Problem::new(
                    place,
                    "`keep`, `change`, `stop` and `find_out` headlines belong to key areas only",
                ));
            }
            let mut missing = Vec::new();
            let mut take = |key: &'static str, v: Option<String>| match v {
                Some(t) if !t.trim().is_empty() => t.trim().to_string(),
                _ => {
                    missing.push(key);
                    String::new()
                }
            };
            let mut h = Headlines {
                keep: take("keep", keep),
                change: take("change", change),
                stop: take("stop", stop),
                find_out: None,
            };
            let unsure_possible = options.iter().any(|o| o.score.is_none());
            match r.find_out.clone() {
                Some(t) if !t.trim().is_empty() => h.find_out = Some(t.trim().to_string()),
                _ if unsure_possible => missing.push("find_out"),
                _ => {}
            }
            for (key, text) in [
                ("change", Some(&h.change)),
                ("find_out", h.find_out.as_ref()),
            ] {
                if let Some(t) = text
                    .filter(|t| rules == Rules::Study && !t.is_empty() && !reads_after_change(t))
                {
                    problems.push(Problem::new(
                        place,
                        format!(
                            "the `{key}` headline must read after CHANGE as an imperative sentence: start with what the reader changes ({}), not with {t:?}",
                            CHANGE_OPENERS.join(", ")
                        ),
                    ));
                }
            }
            if !missing.is_empty() {
                problems.push(Problem::new(
                    place,
                    format!(
                        "a key area needs a headline for each verdict; missing: `{}`",
                        missing.join("`, `")
                    ),
                ));
            }
            Some(h)
        }
    };
    let mut option_commentary = BTreeMap::new();
    for (option_id, text) in r.option_commentary.unwrap_or_default() {
        match options.iter().position(|o| o.id == option_id) {
            Some(_) if commentary.is_none() => problems.push(Problem::new(
                place,
                "`option_commentary` belongs to scored items only",
            )),
            Some(i) if !text.trim().is_empty() => {
                option_commentary.insert(i, text.trim().to_string());
            }
            Some(_) => problems.push(Problem::new(
                place,
                format!("`option_commentary.{option_id}` is empty"),
            )),
            None => problems.push(Problem::new(
                place,
                format!(
                    "`option_commentary` names option `{option_id}`, which the item does not offer"
                ),
            )),
        }
    }
    let quotes = match r.quotes.as_deref() {
        None => None,
        Some(m) => match Metric::from_key(m) {
            Some(metric) if commentary.is_some() => Some(metric),
            Some(_) => {
                problems.push(Problem::new(
                    place,
                    "only a scored item can `quotes` a company number",
                ));
                None
            }
            None => {
                problems.push(Problem::new(
                    place,
                    format!("`quotes` `{m}` is not a company number Dealbench knows"),
                ));
                None
            }
        },
    };

    let mut by_figure = |key: &str, text: Option<String>| {
        let text = text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
        if text.is_some() && quotes.is_none() {
            problems.push(Problem::new(
                place,
                format!("`{key}` needs the item to `quotes` a company number"),
            ));
        }
        text
    };
    let figure_disagrees = by_figure("figure_disagrees", r.figure_disagrees);
    let figure_better = by_figure("figure_better", r.figure_better);
    let measured = measured(place, "measured", r.measured, quotes.is_some(), problems);
    let variants = variants(
        place,
        r.variants,
        &options,
        r.key_area,
        quotes.is_some(),
        rules,
        problems,
    );

    if let Some(d) = &r.dimension {
        if kind != ItemKind::Choice || part_kind != Some(PartKind::Profile) {
            problems.push(Problem::new(
                place,
                "a peer `dimension` must be a choice item of the profile part",
            ));
        }
        if !is_identifier(d) {
            problems.push(Problem::new(
                place,
                format!("dimension `{d}` must be lower_snake_case"),
            ));
        }
    }
    let email = match r.format.as_deref() {
        None => false,
        Some("email") if kind == ItemKind::Text => true,
        Some(f) => {
            problems.push(Problem::new(
                place,
                format!("`format` `{f}` is not known (text items may use `email`)"),
            ));
            false
        }
    };
    if r.contact && kind != ItemKind::Text {
        problems.push(Problem::new(place, "only a text item can be `contact`"));
    }
    if kind == ItemKind::Text && !r.contact {
        problems.push(Problem::new(
            place,
            "free text is collected for contact details only: mark it `contact = true`",
        ));
    }

    Item {
        id,
        section,
        kind,
        text,
        help: r
            .help
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty()),
        options,
        number,
        metric,
        dimension: r.dimension,
        contact: r.contact,
        email,
        required: r.required,
        key_area: r.key_area,
        reverse: r.reverse,
        weights,
        personal_weight,
        commentary,
        headlines,
        option_commentary,
        quotes,
        figure_disagrees,
        figure_better,
        measured,
        variants,
    }
}

/// `measured`: a table of one paragraph per place the number can stand.
fn measured(
    place: &str,
    key: &str,
    raw: Option<toml::Value>,
    quotes: bool,
    problems: &mut Vec<Problem>,
) -> Option<Measured> {
    let raw = raw?;
    if !quotes {
        problems.push(Problem::new(
            place,
            format!("`{key}` needs the item to `quotes` a company number"),
        ));
        return None;
    }
    let toml::Value::Table(mut table) = raw else {
        problems.push(Problem::new(
            place,
            format!(
                "`{key}` must say what the number settles, one paragraph for where it stands: a table of `worse`, `level` and `better`"
            ),
        ));
        return None;
    };
    let mut take = |k: &str| match table.remove(k) {
        Some(toml::Value::String(t)) if !t.trim().is_empty() => t.trim().to_string(),
        _ => {
            problems.push(Problem::new(
                place,
                format!("`{key}.{k}` is missing or empty"),
            ));
            String::new()
        }
    };
    let m = Measured {
        worse: take("worse"),
        level: take("level"),
        better: take("better"),
    };
    for extra in table.keys() {
        problems.push(Problem::new(place, format!("unknown key `{key}.{extra}`")));
    }
    Some(m)
}

/// The item's texts for audiences: each names only what the item has by default.
fn variants(
    place: &str,
    raw: Option<BTreeMap<String, RawItemVariant>>,
    options: &[AnswerOption],
    key_area: bool,
    quotes: bool,
    rules: Rules,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, ItemVariant> {
    let mut out = BTreeMap::new();
    for (group, v) in raw.unwrap_or_default() {
        let vplace = format!("{place} variants.{group}");
        unknown_keys(&vplace, &v.extra, problems);
        let mut option_commentary = BTreeMap::new();
        for (option_id, text) in v.option_commentary.unwrap_or_default() {
            match options.iter().position(|o| o.id == option_id) {
                Some(i) if !text.trim().is_empty() => {
                    option_commentary.insert(i, text.trim().to_string());
                }
                Some(_) => problems.push(Problem::new(
                    &vplace,
                    format!("`option_commentary.{option_id}` is empty"),
                )),
                None => problems.push(Problem::new(
                    &vplace,
                    format!(
                        "`option_commentary` names option `{option_id}`, which the item does not offer"
                    ),
                )),
            }
        }
        let headline = |key: &str, text: Option<String>, problems: &mut Vec<Problem>| {
            let text = optional_text(&vplace, key, text, problems)?;
            if !key_area {
                problems.push(Problem::new(
                    &vplace,
                    format!("`{key}` headlines belong to key areas only"),
                ));
            }
            if rules == Rules::Study
                && ["change", "find_out"].contains(&key)
                && !reads_after_change(&text)
            {
                problems.push(Problem::new(
                    &vplace,
                    format!(
                        "the `{key}` headline must read after CHANGE as an imperative sentence: start with what the reader changes ({}), not with {text:?}",
                        CHANGE_OPENERS.join(", ")
                    ),
                ));
            }
            Some(text)
        };
        let by_figure = |key: &str, text: Option<String>, problems: &mut Vec<Problem>| {
            let text = optional_text(&vplace, key, text, problems);
            if text.is_some() && !quotes {
                problems.push(Problem::new(
                    &vplace,
                    format!("`{key}` needs the item to `quotes` a company number"),
                ));
            }
            text
        };
        let variant = ItemVariant {
            strong: optional_text(&vplace, "strong", v.strong, problems),
            middling: optional_text(&vplace, "middling", v.middling, problems),
            weak: optional_text(&vplace, "weak", v.weak, problems),
            option_commentary,
            keep: headline("keep", v.keep, problems),
            change: headline("change", v.change, problems),
            stop: headline("stop", v.stop, problems),
            find_out: headline("find_out", v.find_out, problems),
            figure_disagrees: by_figure("figure_disagrees", v.figure_disagrees, problems),
            figure_better: by_figure("figure_better", v.figure_better, problems),
            measured: measured(&vplace, "measured", v.measured, quotes, problems),
        };
        out.insert(group, variant);
    }
    out
}
