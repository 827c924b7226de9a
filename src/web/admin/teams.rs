//! The operators' view of teams and waves: how many teams, their sizes, repeat
//! assessments, and first against later waves side by side (never below K).

use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::{decimal, html, percent, say};
use crate::domain::language::Language;
use crate::domain::waves::{change_in, score_in};
use crate::study::records::ScoreGroups;
use crate::web::AppState;
use crate::web::error::PageError;

#[derive(Serialize)]
struct GroupRow {
    name: String,
    first: String,
    second: String,
    change: String,
}

#[derive(Serialize)]
struct WaveComparison {
    title: String,
    first_n: usize,
    second_n: usize,
    /// Both groups hold at least K responses.
    shown: bool,
    rows: Vec<GroupRow>,
}

#[derive(Serialize)]
struct AdminTeamsView<'a> {
    title: String,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    console: super::ConsoleBar,
    teams: usize,
    teams_with_members: usize,
    members_median: String,
    members_range: String,
    teams_with_second_wave: usize,
    repeat_responses: usize,
    repeat_rate: String,
    first_assessments: usize,
    k: usize,
    comparisons: Vec<WaveComparison>,
}

/// Two groups' means per index, side by side; not shown below K.
fn compare(
    q: &crate::domain::Questionnaire,
    language: Language,
    title: String,
    (first, second): ScoreGroups,
) -> WaveComparison {
    use crate::domain::peer::{IndexKind, PerIndex};
    let k = q.peer_group_minimum;
    let shown = first.len() >= k && second.len() >= k;
    let mean = |group: &[PerIndex<Option<f64>>], kind: IndexKind| {
        let v: Vec<f64> = group.iter().filter_map(|s| *s.get(kind)).collect();
        (v.len() >= k).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    let rows = if shown {
        IndexKind::ALL
            .iter()
            .map(|kind| {
                let (a, b) = (mean(&first, *kind), mean(&second, *kind));
                GroupRow {
                    name: crate::domain::report::index_name(q.in_language(language), *kind),
                    first: score_in(language, a),
                    second: score_in(language, b),
                    change: change_in(language, a, b),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    WaveComparison {
        title,
        first_n: first.len(),
        second_n: second.len(),
        shown,
        rows,
    }
}

pub async fn admin_teams(
    state: web::Data<AppState>,
    session: super::OperatorSession,
) -> Result<HttpResponse, PageError> {
    let crate::study::TeamsOverview {
        figures,
        team_waves: team_groups,
        repeats: repeat_groups,
        responses,
    } = state.study.teams_overview().await?;
    let q = &state.study.questionnaire;
    let mut sizes = figures.members_per_team.clone();
    sizes.sort_unstable();
    let sorted: Vec<f64> = sizes.iter().map(|&n| n as f64).collect();
    // Synthetic responses never assess again: counting them among the first
    // assessments would dilute the rate (one in 310 where it is one in 10).
    let console = super::ConsoleBar::of(&state, &session).await;
    let real = responses.saturating_sub(console.synthetic);
    let first_assessments = real.saturating_sub(figures.repeat_responses);
    let language = session.language;
    let say = |id: &str| say(&state, language, id, &[]);
    let view = AdminTeamsView {
        title: say("console-teams"),
        study_name: &q.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        console,
        first_assessments,
        teams: figures.teams,
        teams_with_members: sizes.len(),
        members_median: crate::domain::peer::percentile_of_sorted(&sorted, 50.0).map_or_else(
            || say("console-no-members"),
            |m| decimal(&state, language, m, 1),
        ),
        members_range: match (sizes.first(), sizes.last()) {
            (Some(a), Some(b)) => super::say(
                &state,
                language,
                "console-members-from-to",
                &[("from", (*a).into()), ("to", (*b).into())],
            ),
            _ => say("console-no-members"),
        },
        teams_with_second_wave: figures.teams_with_second_wave,
        repeat_responses: figures.repeat_responses,
        repeat_rate: if first_assessments > 0 {
            percent(
                &state,
                language,
                figures.assessed_again as f64 / first_assessments as f64 * 100.0,
                1,
            )
        } else {
            say("console-no-responses")
        },
        k: q.peer_group_minimum,
        comparisons: vec![
            compare(q, language, say("console-team-waves"), team_groups),
            compare(q, language, say("console-repeat-waves"), repeat_groups),
        ],
    };
    Ok(html(super::render(
        &state,
        &session,
        "admin_teams.html",
        &view,
    )?))
}
