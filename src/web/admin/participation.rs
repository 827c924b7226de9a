//! The console's home: participation per questionnaire version (started,
//! completed, completion rate, median time) and completions per day.

use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::charts::DayChart;
use super::{OperatorSession, decimal, html, percent, say};
use crate::web::AppState;
use crate::web::error::PageError;

#[derive(Serialize)]
struct VersionView {
    version: u32,
    started: i64,
    completed_from_started: i64,
    completed: i64,
    completion_rate: String,
    median_minutes: String,
    synthetic: i64,
    chart: DayChart,
    first_day: String,
    last_day: String,
}

#[derive(Serialize)]
struct ParticipationView<'a> {
    title: String,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    console: super::ConsoleBar,
    versions: Vec<VersionView>,
}

/// The chart's width in SVG units and the number of days shown.
const CHART_DAYS: usize = 60;

pub async fn participation(
    state: web::Data<AppState>,
    session: OperatorSession,
) -> Result<HttpResponse, PageError> {
    let figures = state.study.participation().await?;
    let language = session.language;
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
            let chart = DayChart::of(
                &shown
                    .iter()
                    .map(|d| {
                        (
                            d.clone(),
                            p.per_day.get(d).copied().unwrap_or(0),
                            p.synthetic_per_day.get(d).copied().unwrap_or(0),
                        )
                    })
                    .collect::<Vec<_>>(),
            );
            VersionView {
                version: p.questionnaire_version,
                started: p.started,
                completed_from_started: p.completed_from_started,
                completed: p.completed,
                completion_rate: if p.started > 0 {
                    percent(
                        &state,
                        language,
                        p.completed_from_started as f64 / p.started as f64 * 100.0,
                        0,
                    )
                } else {
                    say(&state, language, "console-none-started", &[])
                },
                median_minutes: median.map_or_else(
                    || say(&state, language, "console-not-yet-known", &[]),
                    |s| {
                        let minutes = decimal(&state, language, s / 60.0, 1);
                        say(
                            &state,
                            language,
                            "console-minutes",
                            &[("minutes", minutes.into())],
                        )
                    },
                ),
                synthetic: p.synthetic,
                first_day: shown.first().cloned().unwrap_or_default(),
                last_day: last,
                chart,
            }
        })
        .collect();
    let view = ParticipationView {
        title: say(&state, language, "console-participation", &[]),
        study_name: &state.study.questionnaire.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        console: super::ConsoleBar::of(&state, &session).await,
        versions,
    };
    Ok(html(super::render(
        &state,
        &session,
        "admin_home.html",
        &view,
    )?))
}
