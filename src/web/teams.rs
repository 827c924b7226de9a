//! Team assessments and "assess again", in the browser.
//!
//! - `/r/{id}/team`: from a report, start a team (POST) or see its links
//! - `/join/{invite}`: the private invitation: join the team's current wave
//! - `/teams/{id}` and `/teams/{id}.pdf`: the private team report
//! - `/teams/{id}/wave`: run the team again as a new wave (POST)
//! - `/r/{id}/again`: assess again, starting from the earlier answers (POST)
//! - `/r/{id}/email`, `/r/{id}/team/notify`: email on request, only when an
//!   SMTP server is configured
//! - `/admin/teams`: the operators' figures on teams and waves (signed in)
//!
//! Every link is a UUIDv4 (122 random bits); the team report link, the
//! invitation and the members' report links are all distinct, and none leads
//! from one to another except the starter's own report to the team it started.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use super::error::PageError;
use super::{AppState, csrf, parse_id};
use super::{html_page as html, see_other};
use crate::domain::team::TeamReport;
use crate::domain::waves::{WaveChange, change_said, score_said};
use crate::storage::teams::Team;
use crate::teams::{self, TeamError};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/r/{id}/team", web::get().to(team_of_report))
        .route("/r/{id}/team", web::post().to(start_team))
        .route("/r/{id}/again", web::get().to(again_page))
        .route("/r/{id}/again", web::post().to(again))
        .route("/join/{invite}", web::get().to(invitation))
        .route("/join/{invite}", web::post().to(join))
        .route("/teams/{id}.pdf", web::get().to(team_pdf))
        .route("/teams/{id}", web::get().to(team_page))
        .route("/teams/{id}/wave", web::post().to(next_wave))
        .route("/r/{id}/email", web::get().to(email_page))
        .route("/r/{id}/email", web::post().to(queue_email))
        .route("/r/{id}/team/notify", web::post().to(notify_when_ready))
        .route("/admin/teams", web::get().to(admin_teams));
}

impl From<TeamError> for PageError {
    fn from(e: TeamError) -> PageError {
        match e {
            TeamError::NotFound | TeamError::NoTeams => PageError::NotFound,
            TeamError::InAnotherTeam => PageError::BadRequest(
                "Your response is part of a colleague's team already. Ask them for the team report."
                    .into(),
            ),
            TeamError::Storage(e) => PageError::Internal(e.to_string()),
        }
    }
}

/// Runs blocking study work off the executor.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, PageError> + Send + 'static,
) -> Result<T, PageError> {
    web::block(f)
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
}

/// The configured public base URL of every absolute link (in pages and in
/// emails): never taken from the request's `Host` or forwarding headers.
fn base_url(req: &HttpRequest) -> String {
    req.app_data::<web::Data<AppState>>()
        .map(|state| state.public_url.origin().to_string())
        .unwrap_or_default()
}

#[derive(serde::Deserialize)]
struct CsrfForm {
    csrf_token: Option<String>,
    /// "on" when the member ticked "show my name".
    show_name: Option<String>,
}

#[derive(Serialize)]
struct TeamLinksView<'a> {
    title: &'a str,
    study_name: &'a str,
    report_id: &'a str,
    csrf: String,
    /// Set once a team was started from this report.
    team: Option<TeamLinks>,
    in_another_team: bool,
    offered: bool,
    minimum: usize,
    /// Email is configured: the starter may ask to be told when it is ready.
    email: bool,
    notify_queued: bool,
    address: String,
    ready_at: usize,
}

#[derive(Serialize)]
struct TeamLinks {
    invite_url: String,
    report_url: String,
    wave: u32,
}

fn links(req: &HttpRequest, team: &Team) -> TeamLinks {
    let base = base_url(req);
    TeamLinks {
        invite_url: format!("{base}/join/{}", team.invite_id),
        report_url: format!("{base}/teams/{}", team.id),
        wave: team.wave,
    }
}

/// From a report: the team it started, or the offer to start one.
#[derive(serde::Deserialize)]
struct TeamQuery {
    notify: Option<String>,
}

async fn team_of_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    mail: Option<web::Data<crate::email::Outbox>>,
    path: web::Path<String>,
    query: web::Query<TeamQuery>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path).ok_or(PageError::NotFound)?;
    let study = state.study.clone();
    let lookup = id.clone();
    let (team, membership, stored) = blocking(move || {
        let stored = study.store.response(&lookup)?.ok_or(PageError::NotFound)?;
        Ok((
            study.store.team_started_by(&lookup)?,
            study.store.membership(&lookup)?,
            stored,
        ))
    })
    .await?;
    let q = &state.study.questionnaire;
    let (token, cookie) = csrf::token(&req);
    let view = TeamLinksView {
        title: "Your team assessment",
        study_name: &q.name,
        report_id: &id,
        csrf: token,
        in_another_team: team.is_none() && membership.is_some(),
        team: team.as_ref().map(|t| links(&req, t)),
        offered: q.teams.is_some(),
        minimum: q.teams.as_ref().map_or(3, |t| t.minimum_per_role),
        email: mail.is_some_and(|m| m.enabled()),
        notify_queued: query.notify.as_deref() == Some("queued"),
        address: stored
            .contact
            .values()
            .find(|v| v.parse::<lettre::Address>().is_ok())
            .cloned()
            .unwrap_or_default(),
        ready_at: q.teams.as_ref().map_or(3, |t| t.ready_at),
    };
    Ok(html(
        state.templates.render("team_links.html", &view)?,
        cookie,
    ))
}

async fn start_team(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let id = parse_id(&path).ok_or(PageError::NotFound)?;
    let study = state.study.clone();
    let lookup = id.clone();
    blocking(move || Ok(teams::start_team(&study, &lookup)?)).await?;
    Ok(see_other(&format!("/r/{id}/team")))
}

#[derive(Serialize)]
struct AgainView<'a> {
    title: &'a str,
    study_name: &'a str,
    report_id: &'a str,
    submitted_on: String,
    csrf: String,
}

async fn again_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = parse_id(&path).ok_or(PageError::NotFound)?;
    let study = state.study.clone();
    let lookup = id.clone();
    let stored =
        blocking(move || study.store.response(&lookup)?.ok_or(PageError::NotFound)).await?;
    let (token, cookie) = csrf::token(&req);
    let view = AgainView {
        title: "Assess again",
        study_name: &state.study.questionnaire.name,
        report_id: &id,
        submitted_on: stored.submitted_at.chars().take(10).collect(),
        csrf: token,
    };
    Ok(html(
        state.templates.render("assess_again.html", &view)?,
        cookie,
    ))
}

async fn again(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let id = parse_id(&path).ok_or(PageError::NotFound)?;
    state
        .start_limit
        .check(state.trusted_proxies.client_address(&req))
        .map_err(PageError::TooMany)?;
    let study = state.study.clone();
    let draft = blocking(move || Ok(teams::assess_again(&study, &id)?)).await?;
    Ok(see_other(&format!("/s/{draft}/1")))
}

#[derive(Serialize)]
struct InvitationView<'a> {
    title: &'a str,
    study_name: &'a str,
    invite_id: &'a str,
    minutes: u32,
    privacy: &'a str,
    minimum: usize,
    csrf: String,
}

async fn load_team_by_invite(state: &web::Data<AppState>, raw: &str) -> Result<Team, PageError> {
    let invite = parse_id(raw).ok_or(PageError::NotFound)?;
    let study = state.study.clone();
    blocking(move || {
        study
            .store
            .team_by_invite(&invite)?
            .ok_or(PageError::NotFound)
    })
    .await
}

async fn load_team(state: &web::Data<AppState>, raw: &str) -> Result<Team, PageError> {
    let id = parse_id(raw).ok_or(PageError::NotFound)?;
    let study = state.study.clone();
    blocking(move || study.store.team(&id)?.ok_or(PageError::NotFound)).await
}

async fn invitation(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let team = load_team_by_invite(&state, &path).await?;
    let q = &state.study.questionnaire;
    let rules = teams::rules(q)?;
    let (token, cookie) = csrf::token(&req);
    let view = InvitationView {
        title: "Join your team's assessment",
        study_name: &q.name,
        invite_id: &team.invite_id,
        minutes: q.minutes,
        privacy: &q.privacy,
        minimum: rules.minimum_per_role,
        csrf: token,
    };
    Ok(html(
        state.templates.render("team_invitation.html", &view)?,
        cookie,
    ))
}

async fn join(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let team = load_team_by_invite(&state, &path).await?;
    state
        .start_limit
        .check(state.trusted_proxies.client_address(&req))
        .map_err(PageError::TooMany)?;
    let show_name = form.show_name.as_deref() == Some("on");
    let study = state.study.clone();
    let draft = blocking(move || Ok(teams::join_team(&study, &team, show_name)?)).await?;
    Ok(see_other(&format!("/s/{draft}/1")))
}

/// One bar of the perception-gap chart.
#[derive(Serialize)]
struct GapBar {
    x: f64,
    y: f64,
    width: f64,
    colour: &'static str,
    label: String,
}

/// One row (index or item) of a perception-gap chart.
#[derive(Serialize)]
struct GapRow {
    name: String,
    y: f64,
    bars: Vec<GapBar>,
}

/// The perception gap as a chart: per row, one bar per role with a figure.
#[derive(Serialize)]
pub struct GapChart {
    height: f64,
    rows: Vec<GapRow>,
}

const BAR_H: f64 = 12.0;
/// One colour per role group, dark to light so that they differ in greyscale
/// too (the PDF uses the same).
const ROLE_COLOURS: [&str; 4] = ["#17365f", "#3f7fc4", "#9fc3ea", "#c9b27c"];
const CHART_X: f64 = 150.0;
const CHART_W: f64 = 300.0;

/// Lays out a perception-gap chart (inline SVG, 520 wide).
pub fn gap_chart(gaps: &[crate::domain::team::Gap], roles: usize) -> GapChart {
    let row_h = BAR_H * roles as f64 + 14.0;
    let rows: Vec<GapRow> = gaps
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let y = i as f64 * row_h;
            GapRow {
                name: g.name.clone(),
                y,
                bars: g
                    .by_role
                    .iter()
                    .enumerate()
                    .filter_map(|(r, v)| {
                        let v = (*v)?;
                        Some(GapBar {
                            x: CHART_X,
                            y: y + 4.0 + r as f64 * BAR_H,
                            width: v.clamp(0.0, 100.0) / 100.0 * CHART_W,
                            colour: ROLE_COLOURS[r % ROLE_COLOURS.len()],
                            label: format!("{}%", v.round()),
                        })
                    })
                    .collect(),
            }
        })
        .collect();
    GapChart {
        height: rows.len() as f64 * row_h + 4.0,
        rows,
    }
}

#[derive(Serialize)]
struct LegendEntry {
    name: String,
    colour: &'static str,
}

#[derive(Serialize)]
struct TeamReportView<'a> {
    title: &'a str,
    study_name: &'a str,
    t: &'a TeamReport,
    team_id: &'a str,
    invite_url: String,
    index_chart: GapChart,
    item_chart: GapChart,
    /// Names of members who chose to show theirs, as one line.
    names_line: String,
    has_waves: bool,
    /// The roles with figures, and their colours.
    legend: Vec<LegendEntry>,
    csrf: String,
}

/// Builds a team's report off the executor.
async fn build_report(state: &web::Data<AppState>, team: Team) -> Result<TeamReport, PageError> {
    let study = state.study.clone();
    blocking(move || Ok(teams::report(&study, &team)?)).await
}

async fn team_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let team = load_team(&state, &path).await?;
    let invite_url = format!("{}/join/{}", base_url(&req), team.invite_id);
    let team_id = team.id.clone();
    let report = build_report(&state, team).await?;
    let (token, cookie) = csrf::token(&req);
    let page = render_team_page(&state.templates, &report, &team_id, invite_url, token)?;
    Ok(html(page, cookie))
}

/// Renders the team report page, its charts laid out here.
///
/// # Errors
/// `PageError::Internal` when the template fails.
pub fn render_team_page(
    templates: &super::templates::Templates,
    report: &TeamReport,
    team_id: &str,
    invite_url: String,
    csrf: String,
) -> Result<String, PageError> {
    let roles = report.roles.len();
    let view = TeamReportView {
        title: "Your team's benchmark report",
        study_name: &report.study_name,
        team_id,
        invite_url,
        index_chart: gap_chart(&report.index_gaps, roles),
        item_chart: gap_chart(&report.item_gaps, roles),
        names_line: report.names.join(", "),
        has_waves: report.waves.len() > 1,
        legend: report
            .roles
            .iter()
            .enumerate()
            .filter(|(_, r)| r.shown)
            .map(|(i, r)| LegendEntry {
                name: r.name.clone(),
                colour: ROLE_COLOURS[i % ROLE_COLOURS.len()],
            })
            .collect(),
        t: report,
        csrf,
    };
    templates.render("team_report.html", &view)
}

async fn team_pdf(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let team = load_team(&state, &path).await?;
    let report = build_report(&state, team).await?;
    let fonts = state.pdf_fonts.clone();
    let bytes = blocking(move || {
        crate::pdf::team::render(&report, &fonts, &crate::storage::today())
            .map_err(|e| PageError::Internal(e.to_string()))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "inline; filename=\"dealbench-team-report.pdf\"",
        ))
        .body(bytes))
}

async fn next_wave(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let team = load_team(&state, &path).await?;
    let study = state.study.clone();
    let id = team.id.clone();
    blocking(move || Ok(study.store.open_next_wave(&id)?)).await?;
    Ok(see_other(&format!("/teams/{}", team.id)))
}

/// "Since last time" on a report that assessed an earlier one again.
#[derive(Serialize)]
pub struct WavesView {
    /// The sentences and table, shared with the PDF.
    said: crate::domain::waves::SinceLastTime,
    /// The trend of the overall index, when there are three or more assessments.
    trend: Option<TrendChart>,
}

/// A small line chart of the company index over the assessments (SVG, 320 x 120).
#[derive(Serialize)]
struct TrendChart {
    points: String,
    dots: Vec<TrendDot>,
}

#[derive(Serialize)]
struct TrendDot {
    x: f64,
    y: f64,
    label: String,
    date: String,
}

/// The view of the change since last time.
pub fn waves_view(c: WaveChange) -> WavesView {
    let scored: Vec<(usize, f64)> = c
        .trend
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.overall.map(|s| (i, s)))
        .collect();
    let trend = (c.trend.len() >= 3 && scored.len() >= 2).then(|| {
        // Points between x = 40 and 280, so that the dates under the first and
        // last stay inside the 320-wide chart.
        let step = 240.0 / (c.trend.len() - 1) as f64;
        let dots: Vec<TrendDot> = scored
            .iter()
            .map(|&(i, s)| TrendDot {
                x: 40.0 + step * i as f64,
                y: 100.0 - s.clamp(0.0, 100.0) * 0.8,
                label: format!("{}%", s.round()),
                date: c.trend[i].submitted_on.clone(),
            })
            .collect();
        TrendChart {
            points: dots
                .iter()
                .map(|d| format!("{:.1},{:.1}", d.x, d.y))
                .collect::<Vec<_>>()
                .join(" "),
            dots,
        }
    });
    WavesView {
        said: c.said(),
        trend,
    }
}

// ---- Email on request (offered only with an SMTP server configured) ----

#[derive(serde::Deserialize)]
struct EmailForm {
    csrf_token: Option<String>,
    address: Option<String>,
    /// "link" or "reminder".
    what: Option<String>,
    /// Months until the reminder: 6 or 12.
    months: Option<u32>,
}

#[derive(serde::Deserialize)]
struct EmailQuery {
    /// What was just queued, to confirm it.
    queued: Option<String>,
}

#[derive(Serialize)]
struct EmailView<'a> {
    title: &'a str,
    study_name: &'a str,
    report_id: &'a str,
    address: String,
    queued: Option<&'a str>,
    csrf: String,
}

/// The outbox, or 404 when email is not configured: no email page is offered.
fn outbox(
    outbox: Option<web::Data<crate::email::Outbox>>,
) -> Result<crate::email::Outbox, PageError> {
    outbox
        .map(|o| o.get_ref().clone())
        .filter(crate::email::Outbox::enabled)
        .ok_or(PageError::NotFound)
}

/// A typed address, checked.
fn address_of(raw: Option<&str>) -> Result<String, PageError> {
    let raw = raw.map(str::trim).unwrap_or_default();
    raw.parse::<lettre::Address>()
        .map(|a| a.to_string())
        .map_err(|_| {
            PageError::BadRequest(
                "Please enter a valid email address, like name@example.com.".into(),
            )
        })
}

async fn email_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    mail: Option<web::Data<crate::email::Outbox>>,
    path: web::Path<String>,
    query: web::Query<EmailQuery>,
) -> Result<HttpResponse, PageError> {
    outbox(mail)?;
    let id = parse_id(&path).ok_or(PageError::NotFound)?;
    let study = state.study.clone();
    let lookup = id.clone();
    let stored =
        blocking(move || study.store.response(&lookup)?.ok_or(PageError::NotFound)).await?;
    let (token, cookie) = csrf::token(&req);
    let queued = match query.queued.as_deref() {
        Some("link") => Some("link"),
        Some("reminder") => Some("reminder"),
        _ => None,
    };
    let view = EmailView {
        title: "Email",
        study_name: &state.study.questionnaire.name,
        report_id: &id,
        // The respondent's own address, if they gave one: shown only on their
        // own private page.
        address: stored
            .contact
            .values()
            .find(|v| v.parse::<lettre::Address>().is_ok())
            .cloned()
            .unwrap_or_default(),
        queued,
        csrf: token,
    };
    Ok(html(
        state.templates.render("report_email.html", &view)?,
        cookie,
    ))
}

async fn queue_email(
    req: HttpRequest,
    state: web::Data<AppState>,
    mail: Option<web::Data<crate::email::Outbox>>,
    path: web::Path<String>,
    form: web::Form<EmailForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let mail = outbox(mail)?;
    let id = parse_id(&path).ok_or(PageError::NotFound)?;
    let address = address_of(form.address.as_deref())?;
    let what = form.what.clone().unwrap_or_default();
    let months = form.months.unwrap_or(12);
    if what == "reminder" && months != 6 && months != 12 {
        return Err(PageError::BadRequest(
            "Choose a reminder in 6 or 12 months.".into(),
        ));
    }
    let base = base_url(&req);
    let study = state.study.clone();
    let report = id.clone();
    let queued = blocking(move || {
        use crate::storage::email::{EmailKind, NewEmail};
        let stored = study.store.response(&report)?.ok_or(PageError::NotFound)?;
        let (kind, facts, due) = match what.as_str() {
            "link" => (
                EmailKind::ReportLink,
                serde_json::json!({ "link": format!("{base}/r/{report}") }),
                mail.clock().timestamp_in(std::time::Duration::ZERO),
            ),
            "reminder" => (
                EmailKind::Reminder,
                serde_json::json!({
                    "link": format!("{base}/r/{report}/again"),
                    "earlier_on": stored.submitted_at.get(..10).unwrap_or(&stored.submitted_at),
                }),
                mail.clock().timestamp_in(std::time::Duration::from_secs(
                    u64::from(months) * 365 * 86_400 / 12,
                )),
            ),
            _ => return Err(PageError::BadRequest("Choose what to send.".into())),
        };
        study.store.queue_email(&NewEmail {
            response_id: &report,
            team_id: None,
            kind,
            address: &address,
            facts,
            due_at: &due,
        })?;
        Ok(what)
    })
    .await?;
    Ok(see_other(&format!("/r/{id}/email?queued={queued}")))
}

async fn notify_when_ready(
    req: HttpRequest,
    state: web::Data<AppState>,
    mail: Option<web::Data<crate::email::Outbox>>,
    path: web::Path<String>,
    form: web::Form<EmailForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let mail = outbox(mail)?;
    let id = parse_id(&path).ok_or(PageError::NotFound)?;
    let address = address_of(form.address.as_deref())?;
    let base = base_url(&req);
    let study = state.study.clone();
    let report = id.clone();
    blocking(move || {
        use crate::storage::email::{EmailKind, NewEmail};
        let team = study
            .store
            .team_started_by(&report)?
            .ok_or(PageError::NotFound)?;
        study.store.queue_email(&NewEmail {
            response_id: &report,
            team_id: Some(&team.id),
            kind: EmailKind::TeamReady,
            address: &address,
            facts: serde_json::json!({ "link": format!("{base}/teams/{}", team.id) }),
            due_at: &mail.clock().timestamp_in(std::time::Duration::ZERO),
        })?;
        Ok(())
    })
    .await?;
    Ok(see_other(&format!("/r/{id}/team?notify=queued")))
}

// ---- The operators' view of teams and waves ----

#[derive(Serialize)]
struct GroupRow {
    name: String,
    first: String,
    second: String,
    change: String,
}

#[derive(Serialize)]
struct WaveComparison {
    title: &'static str,
    first_n: usize,
    second_n: usize,
    /// Both groups hold at least K responses.
    shown: bool,
    rows: Vec<GroupRow>,
}

#[derive(Serialize)]
struct AdminTeamsView<'a> {
    title: &'a str,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    teams: usize,
    teams_with_members: usize,
    members_median: String,
    members_range: String,
    teams_with_second_wave: usize,
    repeat_responses: usize,
    repeat_rate: String,
    k: usize,
    comparisons: Vec<WaveComparison>,
}

/// Two groups' means per index, side by side; not shown below K.
fn compare(
    q: &crate::domain::Questionnaire,
    title: &'static str,
    (first, second): crate::storage::teams::ScoreGroups,
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
                    name: match kind {
                        IndexKind::Sub(s) => q.sub_index_text(*s).name.clone(),
                        IndexKind::Overall => "Company index".into(),
                        IndexKind::Personal => "Personal index".into(),
                    },
                    first: score_said(a),
                    second: score_said(b),
                    change: change_said(b.zip(a).map(|(b, a)| b - a)),
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

async fn admin_teams(
    state: web::Data<AppState>,
    session: super::admin::OperatorSession,
) -> Result<HttpResponse, PageError> {
    let study = state.study.clone();
    let (figures, team_groups, repeat_groups, responses) = blocking(move || {
        Ok((
            study.store.team_figures()?,
            study.store.team_wave_groups()?,
            study.store.repeat_groups()?,
            study.store.response_count()?,
        ))
    })
    .await?;
    let q = &state.study.questionnaire;
    let mut sizes = figures.members_per_team.clone();
    sizes.sort_unstable();
    let sorted: Vec<f64> = sizes.iter().map(|&n| n as f64).collect();
    let first_assessments = (responses as usize).saturating_sub(figures.repeat_responses);
    let view = AdminTeamsView {
        title: "Teams and waves",
        study_name: &q.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        teams: figures.teams,
        teams_with_members: sizes.len(),
        members_median: crate::domain::peer::percentile_of_sorted(&sorted, 50.0)
            .map_or_else(|| "no members yet".into(), |m| format!("{m:.1}")),
        members_range: match (sizes.first(), sizes.last()) {
            (Some(a), Some(b)) => format!("{a} to {b}"),
            _ => "no members yet".into(),
        },
        teams_with_second_wave: figures.teams_with_second_wave,
        repeat_responses: figures.repeat_responses,
        repeat_rate: if first_assessments > 0 {
            format!(
                "{:.1}%",
                figures.assessed_again as f64 / first_assessments as f64 * 100.0
            )
        } else {
            "no responses yet".into()
        },
        k: q.peer_group_minimum,
        comparisons: vec![
            compare(q, "Teams: first and second wave", team_groups),
            compare(
                q,
                "Respondents who assessed again: first and second assessment",
                repeat_groups,
            ),
        ],
    };
    Ok(html(
        state.templates.render("admin_teams.html", &view)?,
        None,
    ))
}
