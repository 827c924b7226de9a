//! The console pages: participation, peer-group comparison, CSV exports and
//! deletion of a response.

use std::collections::{BTreeMap, HashMap};

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::OperatorSession;
use crate::domain::comparison::{self, Comparison, GroupFilter, MAX_GROUPS};
use crate::domain::peer::{HISTOGRAM_BINS, IndexKind};
use crate::domain::quality::QualityFlag;
use crate::domain::{Questionnaire, SubIndex};
use crate::storage::console::ExportRow;
use crate::storage::privacy::FoundKind;
use crate::web::error::PageError;
use crate::web::see_other;
use crate::web::{AppState, parse_id};

fn html(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, crate::storage::StorageError> + Send + 'static,
) -> Result<T, PageError> {
    web::block(f)
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(PageError::from)
}

fn index_name(q: &Questionnaire, index: IndexKind) -> String {
    match index {
        IndexKind::Overall => "Company index".into(),
        IndexKind::Sub(s) => q.sub_index_text(s).name.clone(),
        IndexKind::Personal => "Personal index".into(),
    }
}

// ---- Participation ---------------------------------------------------------

#[derive(Serialize)]
struct DayBar {
    day: String,
    x: f64,
    height: f64,
    y: f64,
    count: i64,
    synthetic_height: f64,
    synthetic_y: f64,
    synthetic: i64,
}

#[derive(Serialize)]
struct VersionView {
    version: u32,
    started: i64,
    completed_from_started: i64,
    completed: i64,
    completion_rate: String,
    median_minutes: String,
    synthetic: i64,
    days: Vec<DayBar>,
    max_per_day: i64,
    first_day: String,
    last_day: String,
}

#[derive(Serialize)]
struct ParticipationView<'a> {
    title: &'static str,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    versions: Vec<VersionView>,
}

/// The chart's width in SVG units and the number of days shown.
const CHART_DAYS: usize = 60;

pub async fn participation(
    state: web::Data<AppState>,
    session: OperatorSession,
) -> Result<HttpResponse, PageError> {
    let study = state.study.clone();
    let qid = study.questionnaire.id.clone();
    let figures = blocking(move || study.store.participation(&qid)).await?;
    let versions = figures
        .into_iter()
        .map(|p| {
            let mut durations = p.durations.clone();
            durations.sort_by(f64::total_cmp);
            let median = crate::domain::peer::percentile_of_sorted(&durations, 50.0);
            let days: Vec<&String> = p.per_day.keys().chain(p.synthetic_per_day.keys()).collect();
            let last = days.iter().max().map(|d| d.to_string()).unwrap_or_default();
            let mut all_days: Vec<String> = p
                .per_day
                .keys()
                .chain(p.synthetic_per_day.keys())
                .cloned()
                .collect();
            all_days.sort();
            all_days.dedup();
            let shown: Vec<String> = all_days.into_iter().rev().take(CHART_DAYS).rev().collect();
            let max = shown
                .iter()
                .map(|d| {
                    p.per_day.get(d).copied().unwrap_or(0)
                        + p.synthetic_per_day.get(d).copied().unwrap_or(0)
                })
                .max()
                .unwrap_or(0)
                .max(1);
            let bars = shown
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let real = p.per_day.get(d).copied().unwrap_or(0);
                    let synthetic = p.synthetic_per_day.get(d).copied().unwrap_or(0);
                    let h = real as f64 / max as f64 * 100.0;
                    let hs = synthetic as f64 / max as f64 * 100.0;
                    DayBar {
                        day: d.clone(),
                        x: i as f64 * 10.0,
                        height: h,
                        y: 110.0 - h,
                        count: real,
                        synthetic_height: hs,
                        synthetic_y: 110.0 - h - hs,
                        synthetic,
                    }
                })
                .collect::<Vec<_>>();
            VersionView {
                version: p.questionnaire_version,
                started: p.started,
                completed_from_started: p.completed_from_started,
                completed: p.completed,
                completion_rate: if p.started > 0 {
                    format!(
                        "{:.0}%",
                        p.completed_from_started as f64 / p.started as f64 * 100.0
                    )
                } else {
                    "no questionnaires started yet".into()
                },
                median_minutes: median.map_or("not yet known".into(), |s| {
                    format!("{:.1} minutes", s / 60.0)
                }),
                synthetic: p.synthetic,
                first_day: shown.first().cloned().unwrap_or_default(),
                last_day: last,
                max_per_day: max,
                days: bars,
            }
        })
        .collect();
    let view = ParticipationView {
        title: "Participation",
        study_name: &state.study.questionnaire.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        versions,
    };
    Ok(html(state.templates.render("admin_home.html", &view)?))
}

// ---- Comparison --------------------------------------------------------------

/// The peer dimensions with their options, for the filter form.
#[derive(Serialize)]
struct DimensionView {
    id: String,
    label: String,
    options: Vec<Choice>,
}

#[derive(Serialize)]
struct Choice {
    id: String,
    label: String,
}

fn dimensions(q: &Questionnaire) -> Vec<DimensionView> {
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
/// `PageError::BadRequest` naming the field and the value.
fn check_dates(fields: &HashMap<String, String>) -> Result<(), PageError> {
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
                .map(|n| format!(" of group {n}"))
                .unwrap_or_default();
            return Err(PageError::BadRequest(format!(
                "The date \"{value}\" in \"{bound}\"{group} is not a date. Use YYYY-MM-DD, for example 2026-03-31, or leave it empty."
            )));
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
        from: get("from").filter(|d| is_date(d)).map(str::to_string),
        to: get("to").filter(|d| is_date(d)).map(str::to_string),
        include_synthetic: get("synthetic").is_some(),
    }
}

/// The query string of a filter, for links (exports, sharing).
fn filter_query(filter: &GroupFilter, prefix: &str) -> String {
    let mut parts: Vec<String> = filter
        .dimensions
        .iter()
        .map(|(d, v)| format!("{prefix}{d}={v}"))
        .collect();
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

fn describe(q: &Questionnaire, filter: &GroupFilter) -> String {
    let mut parts: Vec<String> = q
        .dimensions()
        .filter_map(|(d, item)| {
            let v = filter.dimensions.get(d)?;
            item.option(v).map(|(_, o)| o.label.clone())
        })
        .collect();
    if parts.is_empty() {
        parts.push("Everyone".into());
    }
    match (&filter.from, &filter.to) {
        (Some(f), Some(t)) => parts.push(format!("{f} to {t}")),
        (Some(f), None) => parts.push(format!("from {f}")),
        (None, Some(t)) => parts.push(format!("until {t}")),
        (None, None) => {}
    }
    if filter.include_synthetic {
        parts.push("with synthetic".into());
    }
    parts.join(", ")
}

#[derive(Serialize)]
struct GroupForm {
    n: usize,
    prefix: String,
    selected: BTreeMap<String, String>,
    from: String,
    to: String,
    synthetic: bool,
}

#[derive(Serialize)]
struct StatRow {
    name: String,
    /// Per group: None when the group is below K.
    cells: Vec<Option<StatCell>>,
    bins: Vec<HistogramBar>,
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
struct HistogramBar {
    group: usize,
    x: f64,
    y: f64,
    height: f64,
    count: usize,
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

/// One option's part of a group's answer bar: its share as text, and where it
/// starts and how wide it is (0-100).
#[derive(Serialize)]
struct Segment {
    share: String,
    start: f64,
    width: f64,
}

#[derive(Serialize)]
struct CompareView<'a> {
    title: &'static str,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    k: usize,
    dimensions: Vec<DimensionView>,
    forms: Vec<GroupForm>,
    groups: Vec<GroupHead>,
    stats: Vec<StatRow>,
    items: Vec<ItemRow>,
    share_url: String,
    group_count: usize,
}

/// The comparison of the groups in a query string (`groups=N`, `gN_...`).
pub fn comparison_from_query(
    state: &AppState,
    fields: &HashMap<String, String>,
) -> (Vec<GroupFilter>, Comparison) {
    let q = &state.study.questionnaire;
    let count = fields
        .get("groups")
        .and_then(|g| g.parse::<usize>().ok())
        .unwrap_or(2)
        .clamp(2, MAX_GROUPS);
    let filters: Vec<GroupFilter> = (1..=count)
        .map(|n| parse_filter(q, fields, &format!("g{n}_")))
        .collect();
    let result = state
        .study
        .with_summaries(|all| comparison::compare(q, &filters, all, q.peer_group_minimum));
    (filters, result)
}

fn fmt1(v: f64) -> String {
    format!("{v:.1}")
}

pub async fn compare(
    state: web::Data<AppState>,
    session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = query.into_inner().into_iter().collect();
    check_dates(&fields)?;
    let q = &state.study.questionnaire;
    let (filters, result) = comparison_from_query(&state, &fields);
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
            let max_share = summaries
                .iter()
                .flatten()
                .flat_map(|s| s.histogram.iter().map(move |&c| c as f64 / s.n as f64))
                .fold(0.0f64, f64::max)
                .max(0.01);
            let width = 100.0 / (group_count as f64 + 0.5);
            let bins = summaries
                .iter()
                .enumerate()
                .flat_map(|(g, s)| {
                    s.iter().flat_map(move |s| {
                        (0..HISTOGRAM_BINS).map(move |b| {
                            let share = s.histogram[b] as f64 / s.n as f64;
                            let height = share / max_share * 80.0;
                            HistogramBar {
                                group: g + 1,
                                x: b as f64 * 100.0 + g as f64 * width + 4.0,
                                y: 90.0 - height,
                                height,
                                count: s.histogram[b],
                            }
                        })
                    })
                })
                .collect();
            StatRow {
                name: index_name(q, index),
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
                bins,
            }
        })
        .collect();
    let items = result
        .items
        .iter()
        .map(|item| ItemRow {
            question: item.question.clone(),
            difference: format!("{:.0}", item.difference * 100.0),
            options: item.options.clone(),
            groups: item
                .shares
                .iter()
                .map(|shares| {
                    shares.as_ref().map(|shares| {
                        let mut x = 0.0;
                        shares
                            .iter()
                            .map(|&s| {
                                let start = x;
                                x += s * 100.0;
                                Segment {
                                    share: format!("{:.0}%", s * 100.0),
                                    start,
                                    width: s * 100.0,
                                }
                            })
                            .collect()
                    })
                })
                .collect(),
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
        title: "Compare peer groups",
        study_name: &q.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        k: q.peer_group_minimum,
        dimensions: dimensions(q),
        forms: filters
            .iter()
            .enumerate()
            .map(|(i, f)| GroupForm {
                n: i + 1,
                prefix: format!("g{}_", i + 1),
                selected: f.dimensions.clone(),
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
                label: describe(q, &g.filter),
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
    Ok(html(state.templates.render("admin_compare.html", &view)?))
}

// ---- Exports -----------------------------------------------------------------

/// Rows read from the database per step of a streamed export.
const EXPORT_CHUNK: usize = 2_000;

#[derive(Clone, Copy)]
enum ExportKind {
    Scores,
    Answers,
}

pub async fn export_scores(
    state: web::Data<AppState>,
    _session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    export(state, query, ExportKind::Scores)
}

pub async fn export_answers(
    state: web::Data<AppState>,
    _session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    export(state, query, ExportKind::Answers)
}

fn header_row(q: &Questionnaire, kind: ExportKind) -> Vec<String> {
    let mut cols: Vec<String> = [
        "pseudonym",
        "submitted_at",
        "questionnaire_version",
        "synthetic",
        "flags",
        "held",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    cols.extend(q.dimensions().map(|(d, _)| d.to_string()));
    match kind {
        ExportKind::Scores => {
            cols.push("overall".into());
            cols.extend(SubIndex::ALL.iter().map(|s| s.key().to_string()));
            cols.push("personal".into());
        }
        ExportKind::Answers => cols.extend(
            q.items
                .iter()
                .filter(|i| !i.contact && i.dimension.is_none())
                .map(|i| i.id.clone()),
        ),
    }
    cols.extend(crate::teams::EXPORT_COLUMNS.map(String::from));
    cols
}

/// One CSV record. The response id is the private report link, so the record
/// carries its pseudonym instead: the same in both exports, opening nothing.
fn export_record(
    q: &Questionnaire,
    row: &ExportRow,
    pseudonym: String,
    kind: ExportKind,
) -> Vec<String> {
    let flag = |b: bool| if b { "1".to_string() } else { "0".to_string() };
    let mut rec = vec![
        pseudonym,
        row.submitted_at.clone(),
        row.questionnaire_version.to_string(),
        flag(row.synthetic),
        row.flags.clone(),
        flag(row.held),
    ];
    rec.extend(
        q.dimensions()
            .map(|(d, _)| row.profile.get(d).cloned().unwrap_or_default()),
    );
    match kind {
        ExportKind::Scores => rec.extend(
            row.scores
                .values()
                .map(|s| s.map(|v| format!("{v:.4}")).unwrap_or_default()),
        ),
        // Contact details are not in the stored answers; the columns are also
        // limited to non-contact items.
        ExportKind::Answers => rec.extend(
            q.items
                .iter()
                .filter(|i| !i.contact && i.dimension.is_none())
                .map(|i| match row.answers.get(&i.id) {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(serde_json::Value::Number(n)) => n.to_string(),
                    _ => String::new(),
                }),
        ),
    }
    rec
}

fn csv_bytes(records: &[Vec<String>]) -> Result<Bytes, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in records {
        w.write_record(r).map_err(|e| e.to_string())?;
    }
    w.into_inner().map(Bytes::from).map_err(|e| e.to_string())
}

/// Streams a CSV export: a producer thread reads the database chunk by chunk and
/// hands CSV bytes over a bounded channel, so memory stays flat at any size.
fn export(
    state: web::Data<AppState>,
    query: web::Query<Vec<(String, String)>>,
    kind: ExportKind,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = query.into_inner().into_iter().collect();
    check_dates(&fields)?;
    let study = state.study.clone();
    let filter = parse_filter(&study.questionnaire, &fields, "");
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    std::thread::spawn(move || {
        let q = &study.questionnaire;
        let waves = crate::teams::ExportWaves::load(&study.store);
        let send =
            |b: Result<Bytes, String>| tx.blocking_send(b.map_err(std::io::Error::other)).is_ok();
        if !send(csv_bytes(&[header_row(q, kind)])) {
            return;
        }
        let mut after = 0;
        loop {
            let with_answers = matches!(kind, ExportKind::Answers);
            let rows = match study
                .store
                .export_rows(&q.id, after, EXPORT_CHUNK, with_answers)
            {
                Ok(rows) => rows,
                Err(e) => {
                    tracing::error!(error = %e, "export failed");
                    let _ = send(Err(e.to_string()));
                    return;
                }
            };
            let Some(last) = rows.last() else { return };
            after = last.rowid;
            let records: Vec<Vec<String>> = rows
                .iter()
                .filter(|r| filter.matches_row(&r.profile, r.synthetic, &r.submitted_at))
                .map(|r| {
                    let mut rec = export_record(q, r, study.store.pseudonym(&r.id), kind);
                    rec.extend(waves.columns(&study.store, &r.id));
                    rec
                })
                .collect();
            if !records.is_empty() && !send(csv_bytes(&records)) {
                return; // the client went away
            }
        }
    });
    let name = match kind {
        ExportKind::Scores => "dealbench-scores.csv",
        ExportKind::Answers => "dealbench-answers.csv",
    };
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(tokio_stream::wrappers::ReceiverStream::new(rx)))
}

/// A stored timestamp as an operator reads it: `2026-11-24 08:16 UTC`.
fn readable_time(stored: &str) -> String {
    match (stored.get(..10), stored.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => stored.to_string(),
    }
}

// ---- Deletion ------------------------------------------------------------------

#[derive(Serialize)]
struct FoundView {
    pseudonym: String,
    draft: bool,
    at: String,
    company: Option<String>,
    email: Option<String>,
    delete_action: String,
}

#[derive(Serialize)]
struct ResponsesView<'a> {
    title: &'static str,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    query: String,
    found: Vec<FoundView>,
    not_found: bool,
    deleted: bool,
    log: Vec<LogEntry>,
}

#[derive(Serialize)]
struct LogEntry {
    deleted_at: String,
    operator: String,
    kind: String,
    pseudonym: String,
}

/// The ids (report or resume) in whatever the operator pasted: a report link, a
/// resume link, or bare ids.
fn ids_in(text: &str) -> Vec<String> {
    let mut ids: Vec<String> = text
        .split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .filter_map(parse_id)
        .collect();
    ids.dedup();
    ids
}

/// The longest search text read.
const MAX_QUERY: usize = 500;

pub async fn find_response(
    state: web::Data<AppState>,
    session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = query.into_inner().into_iter().collect();
    let text: String = fields
        .get("q")
        .map(|q| q.chars().take(MAX_QUERY).collect())
        .unwrap_or_default();
    let ids = ids_in(&text);
    let words = if ids.is_empty() {
        text.clone()
    } else {
        String::new()
    };
    let study = state.study.clone();
    let (found, log) = blocking(move || {
        let found = if ids.is_empty() && words.trim().is_empty() {
            Vec::new()
        } else {
            study.store.find_for_deletion(&ids, &words)?
        };
        let log = study.store.deletion_log(20)?;
        Ok((found, log))
    })
    .await?;
    let store = &state.study.store;
    let view = ResponsesView {
        title: "Find and delete a response",
        study_name: &state.study.questionnaire.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        not_found: !text.trim().is_empty() && found.is_empty(),
        found: found
            .into_iter()
            .map(|f| {
                let draft = f.kind == FoundKind::Draft;
                FoundView {
                    pseudonym: store.pseudonym(&f.id),
                    delete_action: if draft {
                        format!("/admin/drafts/{}/delete", f.id)
                    } else {
                        format!("/admin/responses/{}/delete", f.id)
                    },
                    draft,
                    at: readable_time(&f.at),
                    company: f.company,
                    email: f.email,
                }
            })
            .collect(),
        query: text,
        deleted: fields.contains_key("deleted"),
        log: log
            .into_iter()
            .map(|(deleted_at, operator, kind, pseudonym)| LogEntry {
                deleted_at: readable_time(&deleted_at),
                operator,
                kind,
                pseudonym,
            })
            .collect(),
    };
    Ok(html(state.templates.render("admin_responses.html", &view)?))
}

/// The checks every console form that changes a response shares: the CSRF token,
/// the confirmation box where asked for, and a well-formed id.
fn confirmed_id(
    session: &OperatorSession,
    path: &str,
    form: web::Form<Vec<(String, String)>>,
    needs_confirmation: bool,
) -> Result<String, PageError> {
    let fields: HashMap<String, String> = form.into_inner().into_iter().collect();
    session.verify(fields.get(crate::web::csrf::FIELD).map(String::as_str))?;
    if needs_confirmation && fields.get("confirm").map(String::as_str) != Some("yes") {
        return Err(PageError::BadRequest(
            "Tick the box to confirm the deletion.".into(),
        ));
    }
    parse_id(path).ok_or(PageError::NotFound)
}

pub async fn delete_response(
    state: web::Data<AppState>,
    session: OperatorSession,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let id = confirmed_id(&session, &path, form, true)?;
    let study = state.study.clone();
    let (target, operator) = (id.clone(), session.operator.clone());
    let existed = blocking(move || study.delete(&target, &operator)).await?;
    if !existed {
        return Err(PageError::NotFound);
    }
    state.reports.evict(&id);
    tracing::info!(pseudonym = %state.study.store.pseudonym(&id), "response deleted by an operator");
    Ok(see_other("/admin/responses?deleted=1"))
}

pub async fn delete_draft(
    state: web::Data<AppState>,
    session: OperatorSession,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let id = confirmed_id(&session, &path, form, true)?;
    let study = state.study.clone();
    let (target, operator) = (id.clone(), session.operator.clone());
    if !blocking(move || study.delete_draft(&target, &operator)).await? {
        return Err(PageError::NotFound);
    }
    tracing::info!(pseudonym = %state.study.store.pseudonym(&id), "unfinished questionnaire deleted by an operator");
    Ok(see_other("/admin/responses?deleted=1"))
}

// ---- Held for review -------------------------------------------------------------

#[derive(Serialize)]
struct HeldView {
    id: String,
    pseudonym: String,
    submitted_at: String,
    reasons: String,
}

#[derive(Serialize)]
struct HeldPage<'a> {
    title: &'static str,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    held: Vec<HeldView>,
    accepted: bool,
}

/// The most held responses listed at once.
const HELD_SHOWN: usize = 200;

pub async fn held_responses(
    state: web::Data<AppState>,
    session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let study = state.study.clone();
    let held = blocking(move || study.store.held_responses(HELD_SHOWN)).await?;
    let view = HeldPage {
        title: "Held for review",
        study_name: &state.study.questionnaire.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        held: held
            .into_iter()
            .map(|(id, submitted_at, flags)| HeldView {
                pseudonym: state.study.store.pseudonym(&id),
                reasons: QualityFlag::parse_list(&flags)
                    .iter()
                    .map(|f| f.describe())
                    .collect::<Vec<_>>()
                    .join("; "),
                id,
                submitted_at: readable_time(&submitted_at),
            })
            .collect(),
        accepted: query.iter().any(|(k, _)| k == "accepted"),
    };
    Ok(html(state.templates.render("admin_held.html", &view)?))
}

pub async fn accept_response(
    state: web::Data<AppState>,
    session: OperatorSession,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let id = confirmed_id(&session, &path, form, false)?;
    let study = state.study.clone();
    if !blocking(move || study.accept(&id)).await? {
        return Err(PageError::NotFound);
    }
    tracing::info!("held response accepted by an operator");
    Ok(see_other("/admin/held?accepted=1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_as_day_minute_and_zone() {
        assert_eq!(
            readable_time("2026-11-24T08:16:52.160Z"),
            "2026-11-24 08:16 UTC"
        );
        assert_eq!(readable_time("garbled"), "garbled");
    }

    #[test]
    fn ids_are_found_in_pasted_links() {
        let id = "3f1c7a52-5a0e-4a53-9d40-2f3a1a1c0b6e";
        assert_eq!(ids_in(&format!("https://bench.example/r/{id}")), [id]);
        assert_eq!(ids_in(&format!("https://bench.example/s/{id}/3")), [id]);
        assert_eq!(ids_in(&format!("  {id} ")), [id]);
        assert!(ids_in("no id here").is_empty());
    }

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
