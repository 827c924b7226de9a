//! Comparing peer groups in the console: the filters (in the query string, so a
//! comparison can be shared), each group's index figures with histograms, and the
//! items whose answers differ most between the groups.

use crate::domain::language::Language;
use std::collections::{BTreeMap, HashMap};

use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::charts::{Histogram, Segment, split_bar};
use super::{OperatorSession, decimal, html, index_name, say};
use crate::domain::Questionnaire;
use crate::domain::comparison::{self, Comparison, GroupFilter, MAX_GROUPS};
use crate::domain::peer::IndexKind;
use crate::web::AppState;
use crate::web::error::PageError;
use crate::web::words::Words;

/// The peer dimensions with their options, for the filter form.
#[derive(Serialize)]
pub(super) struct DimensionView {
    id: String,
    label: String,
    options: Vec<Choice>,
}

#[derive(Serialize)]
struct Choice {
    id: String,
    label: String,
}

pub(super) fn dimensions(q: &Questionnaire) -> Vec<DimensionView> {
    q.dimensions()
        .map(|(d, item)| DimensionView {
            id: d.to_string(),
            label: item.text.trim_end_matches('?').to_string(),
            options: item
                .options
                .iter()
                .map(|o| Choice {
                    id: o.id.clone(),
                    label: o.label.clone(),
                })
                .collect(),
        })
        .collect()
}

/// A calendar date written YYYY-MM-DD (`2026-02-29` is not one).
fn is_date(s: &str) -> bool {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return false;
    }
    let number = |range: std::ops::Range<usize>| s[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Refuses date filters that are not dates: silently dropping one would show
/// figures for a period the operator did not ask for.
///
/// # Errors
/// A refusal naming the field (as the form labels it), the group and the value.
pub(super) fn check_dates(
    words: &Words,
    fields: &HashMap<String, String>,
) -> Result<(), PageError> {
    let mut names: Vec<&String> = fields.keys().collect();
    names.sort();
    for name in names {
        let Some(bound) = name
            .rsplit('_')
            .next()
            .filter(|b| *b == "from" || *b == "to")
        else {
            continue;
        };
        let value = fields[name].trim();
        if !value.is_empty() && !is_date(value) {
            let group = name
                .strip_prefix('g')
                .and_then(|rest| rest.split('_').next())
                .filter(|n| n.parse::<usize>().is_ok())
                .unwrap_or("none");
            return Err(PageError::refused(
                words,
                match bound {
                    "from" => "console-refused-date-from",
                    _ => "console-refused-date-until",
                },
                &[("value", value.to_string()), ("group", group.to_string())],
            ));
        }
    }
    Ok(())
}

/// A group's filter from query fields with a prefix (`g1_industry=...`); values
/// that are not options of the dimension are ignored.
pub fn parse_filter(
    q: &Questionnaire,
    fields: &HashMap<String, String>,
    prefix: &str,
) -> GroupFilter {
    let get = |k: &str| {
        fields
            .get(&format!("{prefix}{k}"))
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    };
    let mut dims = BTreeMap::new();
    for (d, item) in q.dimensions() {
        if let Some(v) = get(d)
            && item.option(v).is_some()
        {
            dims.insert(d.to_string(), v.to_string());
        }
    }
    GroupFilter {
        dimensions: dims,
        language: get("language")
            .and_then(Language::from_code)
            .filter(|l| q.languages().contains(l)),
        from: get("from").filter(|d| is_date(d)).map(str::to_string),
        to: get("to").filter(|d| is_date(d)).map(str::to_string),
        include_synthetic: get("synthetic").is_some(),
    }
}

/// The query string of a filter, for links (exports, sharing).
pub(super) fn filter_query(filter: &GroupFilter, prefix: &str) -> String {
    let mut parts: Vec<String> = filter
        .dimensions
        .iter()
        .map(|(d, v)| format!("{prefix}{d}={v}"))
        .collect();
    if let Some(l) = filter.language {
        parts.push(format!("{prefix}language={}", l.code()));
    }
    if let Some(f) = &filter.from {
        parts.push(format!("{prefix}from={f}"));
    }
    if let Some(t) = &filter.to {
        parts.push(format!("{prefix}to={t}"));
    }
    if filter.include_synthetic {
        parts.push(format!("{prefix}synthetic=on"));
    }
    parts.join("&")
}

/// A group as its filters describe it, in `language` (the options' labels
/// from the questionnaire in that language).
pub(super) fn describe(state: &AppState, language: Language, filter: &GroupFilter) -> String {
    let q = state.study.questionnaire.in_language(language);
    let say =
        |id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]| say(state, language, id, args);
    let mut parts: Vec<String> = q
        .dimensions()
        .filter_map(|(d, item)| {
            let v = filter.dimensions.get(d)?;
            item.option(v).map(|(_, o)| o.label.clone())
        })
        .collect();
    if let Some(l) = filter.language {
        parts.push(say(
            "console-group-answered-in",
            &[("language", l.name().into())],
        ));
    }
    if parts.is_empty() {
        parts.push(say("console-everyone", &[]));
    }
    match (&filter.from, &filter.to) {
        (Some(f), Some(t)) => parts.push(say(
            "console-period",
            &[("from", f.as_str().into()), ("to", t.as_str().into())],
        )),
        (Some(f), None) => parts.push(say("console-period-from", &[("from", f.as_str().into())])),
        (None, Some(t)) => parts.push(say("console-period-until", &[("to", t.as_str().into())])),
        (None, None) => {}
    }
    if filter.include_synthetic {
        parts.push(say("console-with-synthetic", &[]));
    }
    parts.join(", ")
}

#[derive(Serialize)]
struct GroupForm {
    n: usize,
    prefix: String,
    selected: BTreeMap<String, String>,
    language: &'static str,
    from: String,
    to: String,
    synthetic: bool,
}

#[derive(Serialize)]
struct StatRow {
    name: String,
    /// Per group: None when the group is below K.
    cells: Vec<Option<StatCell>>,
    histogram: Histogram,
}

#[derive(Serialize)]
struct StatCell {
    n: usize,
    mean: String,
    median: String,
    q1: String,
    q3: String,
}

#[derive(Serialize)]
struct GroupHead {
    n: usize,
    label: String,
    size: usize,
    shown: bool,
    export_scores: String,
    export_answers: String,
}

#[derive(Serialize)]
struct ItemRow {
    question: String,
    difference: String,
    options: Vec<String>,
    groups: Vec<Option<Vec<Segment>>>,
}

#[derive(Serialize)]
struct CompareView<'a> {
    title: String,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    console: super::ConsoleBar,
    k: usize,
    dimensions: Vec<DimensionView>,
    /// The languages the questionnaire is answered in, for the language filter.
    answer_languages: Vec<crate::web::language::LanguageLink>,
    forms: Vec<GroupForm>,
    groups: Vec<GroupHead>,
    stats: Vec<StatRow>,
    items: Vec<ItemRow>,
    share_url: String,
    group_count: usize,
}

/// The comparison of the groups in a query string (`groups=N`, `gN_...`).
/// With `include_synthetic` (the operator's console-wide choice) every group
/// counts synthetic responses; otherwise each group's own box says.
pub async fn comparison_from_query(
    state: &AppState,
    fields: &HashMap<String, String>,
    include_synthetic: bool,
) -> (Vec<GroupFilter>, Comparison) {
    let q = &state.study.questionnaire;
    let count = fields
        .get("groups")
        .and_then(|g| g.parse::<usize>().ok())
        .unwrap_or(2)
        .clamp(2, MAX_GROUPS);
    let filters: Vec<GroupFilter> = (1..=count)
        .map(|n| {
            let mut filter = parse_filter(q, fields, &format!("g{n}_"));
            filter.include_synthetic |= include_synthetic;
            filter
        })
        .collect();
    let result = state
        .study
        .with_summaries(|all| comparison::compare(q, &filters, all, q.peer_group_minimum))
        .await;
    (filters, result)
}

pub async fn compare(
    state: web::Data<AppState>,
    session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = query.into_inner().into_iter().collect();
    check_dates(&state.templates.words, &fields)?;
    let q = &state.study.questionnaire;
    let language = session.language;
    // The names the operator reads, in the console's language.
    let words = q.in_language(language);
    let fmt1 = |v: f64| decimal(&state, language, v, 1);
    let (filters, result) = comparison_from_query(&state, &fields, session.include_synthetic).await;
    let group_count = filters.len();
    let stats = IndexKind::ALL
        .iter()
        .enumerate()
        .map(|(i, &index)| {
            let summaries: Vec<Option<&crate::domain::peer::Summary>> = result
                .groups
                .iter()
                .map(|g| {
                    g.figures
                        .as_ref()
                        .and_then(|f| f.indices[i].summary.as_ref())
                })
                .collect();
            let histogram = Histogram::of(
                &summaries
                    .iter()
                    .map(|s| s.map(|s| &s.histogram[..]))
                    .collect::<Vec<_>>(),
            );
            StatRow {
                name: index_name(words, index),
                cells: summaries
                    .iter()
                    .map(|s| {
                        s.map(|s| StatCell {
                            n: s.n,
                            mean: fmt1(s.mean),
                            median: fmt1(s.median),
                            q1: fmt1(s.lower_quartile),
                            q3: fmt1(s.upper_quartile),
                        })
                    })
                    .collect(),
                histogram,
            }
        })
        .collect();
    let items = result
        .items
        .iter()
        .map(|item| {
            let translated = words
                .item(&item.item)
                .filter(|i| i.options.len() == item.options.len());
            ItemRow {
                question: translated.map_or_else(|| item.question.clone(), |i| i.text.clone()),
                difference: format!("{:.0}", item.difference * 100.0),
                options: translated.map_or_else(
                    || item.options.clone(),
                    |i| i.options.iter().map(|o| o.label.clone()).collect(),
                ),
                groups: item
                    .shares
                    .iter()
                    .map(|shares| {
                        shares.as_ref().map(|shares| {
                            let mut bar = split_bar(shares);
                            if language != Language::English {
                                for segment in &mut bar {
                                    segment.share = segment.share.replace('%', "\u{a0}%");
                                }
                            }
                            bar
                        })
                    })
                    .collect(),
            }
        })
        .collect();
    let share_url = format!(
        "/admin/compare?groups={group_count}&{}",
        filters
            .iter()
            .enumerate()
            .map(|(i, f)| filter_query(f, &format!("g{}_", i + 1)))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("&")
    );
    let view = CompareView {
        title: say(&state, language, "console-compare", &[]),
        study_name: &q.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        console: super::ConsoleBar::of(&state, &session).await,
        k: q.peer_group_minimum,
        dimensions: dimensions(words),
        answer_languages: crate::web::language::links(&q.languages(), Language::English),
        forms: filters
            .iter()
            .enumerate()
            .map(|(i, f)| GroupForm {
                n: i + 1,
                prefix: format!("g{}_", i + 1),
                selected: f.dimensions.clone(),
                language: f.language.map_or("", |l| l.code()),
                from: f.from.clone().unwrap_or_default(),
                to: f.to.clone().unwrap_or_default(),
                synthetic: f.include_synthetic,
            })
            .collect(),
        groups: result
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| GroupHead {
                n: i + 1,
                label: describe(&state, language, &g.filter),
                size: g.size,
                shown: g.figures.is_some(),
                export_scores: format!("/admin/export/scores.csv?{}", filter_query(&g.filter, "")),
                export_answers: format!(
                    "/admin/export/answers.csv?{}",
                    filter_query(&g.filter, "")
                ),
            })
            .collect(),
        stats,
        items,
        share_url,
        group_count,
    };
    Ok(html(super::render(
        &state,
        &session,
        "admin_compare.html",
        &view,
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_calendar_dates() {
        assert!(is_date("2026-11-22"));
        assert!(is_date("2028-02-29"));
        assert!(!is_date("22/11/2026"));
        assert!(!is_date("2026-11-2x"));
        assert!(!is_date("2026-13-45"));
        assert!(!is_date("2026-02-29"));
        assert!(!is_date("2026-04-31"));
        assert!(!is_date("2026-00-10"));
    }
}
