//! Team assessments and "assess again", in the browser.
//!
//! - `/r/{id}/team`: from a report, start a team (POST) or see its links
//! - `/join/{invite}`: the private invitation: join the team's current wave
//! - `/teams/{id}` and `/teams/{id}.pdf`: the private team report
//! - `/teams/{id}/wave`: run the team again as a new wave (POST)
//! - `/r/{id}/again`: assess again, starting from the earlier answers (POST)
//! - `/r/{id}/email`, `/r/{id}/team/notify`: email on request, only when an
//!   SMTP server is configured
//! - `/admin/teams`: the operators' figures on teams and waves (signed in; in
//!   `admin/teams.rs`)
//!
//! Every link is a UUIDv4 (122 random bits); the team report link, the
//! invitation and the members' report links are all distinct, and none leads
//! from one to another except the starter's own report to the team it started.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use super::email::{AddressForm, hint_of, page_with_status};
use super::error::PageError;
use super::http::Endpoint;
use super::language::{self, Frame};
use super::{AppState, csrf};
use super::{html_page as html, see_other};
use crate::domain::ids::{LinkId, ResponseId};
use crate::domain::language::Language;
use crate::domain::team::TeamReport;
use crate::domain::waves::WaveChange;
use crate::study::TeamStanding;
use crate::study::records::Team;
use fluent_bundle::FluentValue;

pub fn config(cfg: &mut web::ServiceConfig) {
    // Each path one resource, so that another method gets 405 with Allow.
    cfg.service(
        Endpoint::at("/r/{id}/team")
            .get(team_of_report)
            .post(start_team)
            .resource(),
    )
    .service(
        Endpoint::at("/r/{id}/again")
            .get(again_page)
            .post(again)
            .resource(),
    )
    .service(
        Endpoint::at("/join/{invite}")
            .get(invitation)
            .post(join)
            .resource(),
    )
    .service(Endpoint::at("/teams/{id}.pdf").get(team_pdf).resource())
    .service(Endpoint::at("/teams/{id}").get(team_page).resource())
    .service(Endpoint::at("/teams/{id}/wave").post(next_wave).resource());
}

/// The report id in a link, or 404.
pub(super) fn response_id(raw: &str) -> Result<ResponseId, PageError> {
    ResponseId::parse(raw).ok_or(PageError::NotFound)
}

/// The configured public base URL of every absolute link (in pages and in
/// emails): never taken from the request's `Host` or forwarding headers.
pub(super) fn base_url(req: &HttpRequest) -> String {
    req.app_data::<web::Data<AppState>>()
        .map(|state| state.public_url.origin().to_string())
        .unwrap_or_default()
}

#[derive(serde::Deserialize)]
pub(super) struct CsrfForm {
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
    /// Email is configured: the starter may ask to be told when it is ready.
    email: bool,
    notify_queued: bool,
    /// A hint of the address given with the answers (never the address).
    hint: Option<String>,
    notify: AddressForm,
    #[serde(flatten)]
    frame: Frame<'a>,
    /// Its sentences with figures in them.
    said: TeamLinksSaid,
}

/// The team page's sentences that carry a figure.
#[derive(Serialize)]
struct TeamLinksSaid {
    report_note: String,
    notify_queued: String,
    notify_submit: String,
    offer_figures: String,
}

/// What the team page of a report shows beyond its standing.
pub(super) struct TeamPage {
    /// The "tell me when it is ready" form.
    pub notify: AddressForm,
    pub notify_queued: bool,
    /// Email is offered.
    pub email: bool,
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
    mail: Option<web::Data<crate::study::outbox::Outbox>>,
    path: web::Path<String>,
    query: web::Query<TeamQuery>,
) -> Result<HttpResponse, PageError> {
    let id = response_id(&path)?;
    let standing = state
        .study
        .team_standing(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let page = TeamPage {
        notify: AddressForm::fresh(&standing.response),
        notify_queued: query.notify.as_deref() == Some("queued"),
        email: mail.is_some_and(|m| m.enabled()),
    };
    team_page_of(&req, &state, &id, &standing, page, StatusCode::OK, None)
}

/// The team page of a report, with `status` (and `Retry-After` after a refused
/// request).
pub(super) fn team_page_of(
    req: &HttpRequest,
    state: &AppState,
    id: &ResponseId,
    standing: &TeamStanding,
    page: TeamPage,
    status: StatusCode,
    retry_after: Option<std::time::Duration>,
) -> Result<HttpResponse, PageError> {
    let offered = state.study.questionnaire.languages();
    let l = language::of_report(req, &offered, standing.response.language);
    let q = state.study.questionnaire.in_language(l);
    let words = &state.templates.words;
    let (token, cookie) = csrf::token(req);
    let team = standing.started.as_ref();
    let minimum = q.teams.as_ref().map_or(3, |t| t.minimum_per_role);
    let ready_at = q.teams.as_ref().map_or(3, |t| t.ready_at);
    let with = |id: &str, name: &str, n: usize| words.say(l, id, &[(name, FluentValue::from(n))]);
    let said = TeamLinksSaid {
        report_note: with("team-page-report-note", "minimum", minimum),
        notify_queued: with("team-page-notify-queued", "count", ready_at),
        notify_submit: with("team-page-notify-submit", "count", ready_at),
        offer_figures: with("team-page-offer-figures", "minimum", minimum),
    };
    let view = TeamLinksView {
        title: &words.plain(l)["team_page_title"],
        study_name: &q.name,
        report_id: id.as_str(),
        csrf: token,
        in_another_team: team.is_none() && standing.member_of.is_some(),
        team: team.map(|t| links(req, t)),
        offered: q.teams.is_some(),
        email: page.email,
        notify_queued: page.notify_queued,
        hint: hint_of(&standing.response),
        notify: page.notify,
        frame: Frame::new(words, &offered, l, format!("/r/{id}/team")),
        said,
    };
    Ok(page_with_status(
        state.templates.render("team_links.html", &view)?,
        cookie,
        status,
        retry_after,
    ))
}

async fn start_team(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let id = response_id(&path)?;
    state.study.start_team(&id).await?;
    Ok(see_other(&format!("/r/{id}/team{}", lang_query(&req))))
}

#[derive(Serialize)]
struct AgainView<'a> {
    title: &'a str,
    study_name: &'a str,
    report_id: &'a str,
    lead: String,
    csrf: String,
    #[serde(flatten)]
    frame: Frame<'a>,
}

async fn again_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = response_id(&path)?;
    let stored = state
        .study
        .response(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let (token, cookie) = csrf::token(&req);
    let offered = state.study.questionnaire.languages();
    let l = language::of_report(&req, &offered, stored.language);
    let words = &state.templates.words;
    let submitted_on: String = stored.submitted_at.chars().take(10).collect();
    let day = crate::domain::phrases::day(l, &submitted_on);
    let view = AgainView {
        title: &words.plain(l)["again_title"],
        study_name: &state.study.questionnaire.in_language(l).name,
        report_id: id.as_str(),
        lead: words.say(l, "again-lead", &[("date", FluentValue::from(day))]),
        csrf: token,
        frame: Frame::new(words, &offered, l, format!("/r/{id}/again")),
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
    let id = response_id(&path)?;
    state
        .study
        .count_request(
            state.start_limit,
            state.trusted_proxies.client_address(&req),
        )
        .await?
        .map_err(PageError::TooMany)?;
    let draft = state.study.assess_again(&id).await?;
    Ok(see_other(&format!("/s/{draft}/1{}", lang_query(&req))))
}

#[derive(Serialize)]
struct InvitationView<'a> {
    title: &'a str,
    study_name: &'a str,
    invite_id: &'a str,
    lead: String,
    figures: String,
    privacy: &'a str,
    csrf: String,
    #[serde(flatten)]
    frame: Frame<'a>,
}

/// The language a link asked for, to pass on to the questionnaire's first
/// page (`?lang=de`), or nothing.
fn lang_query(req: &HttpRequest) -> String {
    language::asked(req)
        .map(|l| format!("?lang={}", l.code()))
        .unwrap_or_default()
}

async fn load_team_by_invite(state: &web::Data<AppState>, raw: &str) -> Result<Team, PageError> {
    let invite = LinkId::parse(raw).ok_or(PageError::NotFound)?;
    state
        .study
        .team_by_invite(&invite)
        .await?
        .ok_or(PageError::NotFound)
}

async fn load_team(state: &web::Data<AppState>, raw: &str) -> Result<Team, PageError> {
    let id = LinkId::parse(raw).ok_or(PageError::NotFound)?;
    state.study.team(&id).await?.ok_or(PageError::NotFound)
}

async fn invitation(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let team = load_team_by_invite(&state, &path).await?;
    let offered = state.study.questionnaire.languages();
    // The colleague's own language, as on the landing page; a switch sets it.
    let chosen = language::chosen(&req, &offered, None);
    let l = chosen.language;
    let q = state.study.questionnaire.in_language(l);
    let rules = state.study.team_rules()?;
    let words = &state.templates.words;
    let (token, cookie) = csrf::token(&req);
    let view = InvitationView {
        title: &words.plain(l)["invitation_title"],
        study_name: &q.name,
        invite_id: &team.invite_id,
        lead: words.say(
            l,
            "invitation-lead",
            &[("minutes", FluentValue::from(q.minutes))],
        ),
        figures: words.say(
            l,
            "invitation-figures",
            &[("minimum", FluentValue::from(rules.minimum_per_role))],
        ),
        privacy: &q.privacy,
        csrf: token,
        frame: Frame::new(words, &offered, l, format!("/join/{}", team.invite_id)),
    };
    let resp = html(
        state.templates.render("team_invitation.html", &view)?,
        cookie,
    );
    Ok(super::pages::with_language_cookie(resp, chosen.cookie))
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
        .study
        .count_request(
            state.start_limit,
            state.trusted_proxies.client_address(&req),
        )
        .await?
        .map_err(PageError::TooMany)?;
    let show_name = form.show_name.as_deref() == Some("on");
    let draft = state.study.join_team(team, show_name).await?;
    Ok(see_other(&format!("/s/{draft}/1{}", lang_query(&req))))
}

/// One bar of the perception-gap chart. Every number is a whole one, and the
/// bar's length comes from the shown (rounded) figure only: the chart carries
/// no more precision than its label.
#[derive(Serialize)]
struct GapBar {
    x: u32,
    y: u32,
    width: u32,
    colour: &'static str,
    label: String,
}

/// One row (index or item) of a perception-gap chart: its label (the index's
/// name, or the question over as many lines as it needs, with its section),
/// one bar per role with a figure, and what the gap says.
#[derive(Serialize)]
struct GapRow {
    /// The index or question, whole.
    name: String,
    /// The label's lines, each with its baseline.
    lines: Vec<ChartLine>,
    section: Option<ChartLine>,
    bars: Vec<GapBar>,
    sentence: Vec<ChartLine>,
    /// The figure of each role shown, for the table beside the chart (a screen
    /// reader does not read inside the SVG): the bar's label, or "no figure".
    cells: Vec<String>,
}

#[derive(Serialize)]
struct ChartLine {
    y: u32,
    text: String,
}

/// The perception gap as a chart: per row, one bar per role with a figure.
#[derive(Serialize)]
pub struct GapChart {
    height: u32,
    rows: Vec<GapRow>,
}

const BAR_H: u32 = 12;
/// One colour per role group, dark to light so that they differ in greyscale
/// too (the PDF uses the same).
/// Each is at least 3:1 against the bars' track (#eef1f5).
const ROLE_COLOURS: [&str; 4] = ["#17365f", "#2a64a8", "#4a86c8", "#8a6d2f"];
const CHART_X: u32 = 150;
/// The bars' full length: three units per point, so a whole figure gives a
/// whole length.
const CHART_W: u32 = 300;
/// Characters of a label line across the 520-wide chart at its type size.
const LINE_CHARS: usize = 82;
const LINE_H: u32 = 14;

/// `text` in lines of at most `width` characters, broken between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Lays out a perception-gap chart (inline SVG, 520 wide). An index row has its
/// name beside the bars; an item row (`labelled_above`) has the question over
/// the bars, and the gap's sentence under them.
pub fn gap_chart(
    report: &TeamReport,
    gaps: &[crate::domain::team::Gap],
    shown: &[bool],
    labelled_above: bool,
) -> GapChart {
    let roles = shown.len();
    let label = |v: f64| report.percent(v.clamp(0.0, 100.0).round());
    let no_figure = report.words().no_figure;
    let mut y = 0;
    let mut rows = Vec::new();
    for g in gaps {
        let mut lines = Vec::new();
        let mut section = None;
        if labelled_above {
            for text in wrap(&g.name, LINE_CHARS) {
                y += LINE_H;
                lines.push(ChartLine { y: y - 3, text });
            }
            if !g.section.is_empty() {
                y += LINE_H - 2;
                section = Some(ChartLine {
                    y: y - 3,
                    text: g.section.clone(),
                });
            }
        } else {
            lines.push(ChartLine {
                y: y + 16,
                text: g.name.clone(),
            });
        }
        let top = y;
        let bars = g
            .by_role
            .iter()
            .enumerate()
            .filter_map(|(r, v)| {
                let v = (*v)?.clamp(0.0, 100.0).round();
                Some(GapBar {
                    x: CHART_X,
                    y: top + 4 + r as u32 * BAR_H,
                    width: (v as u32) * CHART_W / 100,
                    colour: ROLE_COLOURS[r % ROLE_COLOURS.len()],
                    label: label(v),
                })
            })
            .collect();
        y += BAR_H * roles as u32 + 8;
        let mut sentence = Vec::new();
        if labelled_above {
            for text in wrap(&g.sentence, LINE_CHARS) {
                y += LINE_H;
                sentence.push(ChartLine { y: y - 3, text });
            }
            y += 10;
        } else {
            y += 6;
        }
        rows.push(GapRow {
            cells: g
                .by_role
                .iter()
                .zip(shown)
                .filter(|(_, shown)| **shown)
                .map(|(v, _)| v.map_or_else(|| no_figure.clone(), label))
                .collect(),
            name: g.name.clone(),
            lines,
            section,
            bars,
            sentence,
        });
    }
    GapChart {
        height: y + 4,
        rows,
    }
}

/// One index of the team chart: the team's mean as a mark and its spread as a
/// band, on a 0-100 track.
#[derive(Serialize)]
struct TeamBar {
    name: String,
    y: u32,
    /// The mean's x and label, when shown.
    mean_x: Option<u32>,
    label: Option<String>,
    /// The spread band's start and width, when shown.
    spread: Option<(u32, u32)>,
}

/// The team chart: its height and one bar per index.
#[derive(Serialize)]
struct TeamChart {
    height: u32,
    bars: Vec<TeamBar>,
}

/// The team's means and spreads as a chart (inline SVG, 520 wide).
fn team_chart(report: &TeamReport) -> TeamChart {
    let at = |v: f64| CHART_X + (v.clamp(0.0, 100.0).round() as u32) * CHART_W / 100;
    let bars: Vec<TeamBar> = report
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| TeamBar {
            name: f.name.clone(),
            y: i as u32 * 26,
            mean_x: f.mean.map(at),
            label: f.mean.map(|m| report.percent(m)),
            spread: f
                .lower_half
                .zip(f.upper_half)
                .map(|(lo, hi)| (at(lo), at(hi).saturating_sub(at(lo)).max(2))),
        })
        .collect();
    TeamChart {
        height: bars.len() as u32 * 26 + 4,
        bars,
    }
}

#[derive(Serialize)]
struct LegendEntry {
    name: String,
    colour: &'static str,
}

#[derive(Serialize)]
struct TeamReportView<'a> {
    title: String,
    /// The report's headings and labels, in its language.
    words: crate::domain::team::TeamWords,
    study_name: &'a str,
    t: &'a TeamReport,
    team_id: &'a str,
    invite_url: String,
    team_chart: TeamChart,
    index_chart: GapChart,
    item_chart: GapChart,
    /// The roles with figures, and their colours.
    legend: Vec<LegendEntry>,
    csrf: String,
    #[serde(flatten)]
    frame: Frame<'a>,
}

/// Builds a team's report in the language its link asks for (`?lang=de`),
/// else in its starter's.
async fn build_report(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    team: Team,
) -> Result<TeamReport, PageError> {
    let offered = state.study.questionnaire.languages();
    let asked = language::asked(req).filter(|l| offered.contains(l));
    Ok(state.study.team_report(team, asked).await?)
}

async fn team_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let team = load_team(&state, &path).await?;
    let invite_url = format!("{}/join/{}", base_url(&req), team.invite_id);
    let team_id = team.id.clone();
    let report = build_report(&req, &state, team).await?;
    let (token, cookie) = csrf::token(&req);
    let offered = state.study.questionnaire.languages();
    let page = render_team_page(
        &state.templates,
        &report,
        &team_id,
        &offered,
        invite_url,
        token,
    )?;
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
    offered: &[Language],
    invite_url: String,
    csrf: String,
) -> Result<String, PageError> {
    let shown: Vec<bool> = report.roles.iter().map(|r| r.shown).collect();
    let words = report.words();
    let view = TeamReportView {
        title: words.title.clone(),
        words,
        study_name: &report.study_name,
        team_id,
        invite_url,
        team_chart: team_chart(report),
        index_chart: gap_chart(report, &report.index_gaps, &shown, false),
        item_chart: gap_chart(report, &report.item_gaps, &shown, true),
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
        frame: Frame::new(
            &templates.words,
            offered,
            report.language,
            format!("/teams/{team_id}"),
        ),
    };
    templates.render("team_report.html", &view)
}

async fn team_pdf(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    // Within the bounds of the PDF queue, as the respondent's PDF.
    let place = state.pdfs.enter().ok_or(PageError::PdfBusy)?;
    let team = load_team(&state, &path).await?;
    let report = build_report(&req, &state, team).await?;
    let fonts = state.pdf_fonts.clone();
    let bytes = place
        .render(move || crate::pdf::team::render(&report, &fonts, &crate::study::today()))
        .await
        .map_err(PageError::Internal)?
        .map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "inline; filename=\"dealbench-team-report.pdf\"",
        ))
        .body(place.body(bytes)))
}

#[derive(serde::Deserialize)]
struct WaveForm {
    csrf_token: Option<String>,
    /// "yes" once the starter has read what a new wave does.
    confirm: Option<String>,
}

#[derive(Serialize)]
struct WaveConfirmView<'a> {
    title: String,
    study_name: &'a str,
    team_id: &'a str,
    csrf: String,
    #[serde(flatten)]
    frame: Frame<'a>,
    said: WaveConfirmSaid,
}

/// What a new wave does, with the waves' numbers in.
#[derive(Serialize)]
struct WaveConfirmSaid {
    lead: String,
    closed: String,
    start: String,
    keep: String,
}

/// Runs the team again as a new wave, once the starter has confirmed it: the
/// first request shows what a new wave does, and only a confirmed one opens it.
async fn next_wave(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<WaveForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let team = load_team(&state, &path).await?;
    if form.confirm.as_deref() != Some("yes") {
        let offered = state.study.questionnaire.languages();
        let l = match language::asked(&req).filter(|l| offered.contains(l)) {
            Some(l) => l,
            None => state.study.team_language(&team).await?,
        };
        let q = state.study.questionnaire.in_language(l);
        let rules = crate::study::team_rules(q)?;
        let words = &state.templates.words;
        let (token, cookie) = csrf::token(&req);
        let waves = [
            ("wave", FluentValue::from(team.wave)),
            ("next", FluentValue::from(team.wave + 1)),
            ("minimum", FluentValue::from(rules.team_minimum)),
        ];
        let said = |id: &str| words.say(l, id, &waves);
        let view = WaveConfirmView {
            title: said("wave-confirm-title"),
            study_name: &q.name,
            team_id: &team.id,
            csrf: token,
            frame: Frame::new(words, &offered, l, format!("/teams/{}", team.id)),
            said: WaveConfirmSaid {
                lead: said("wave-confirm-lead"),
                closed: said("wave-confirm-closed"),
                start: said("wave-confirm-start"),
                keep: said("wave-confirm-keep"),
            },
        };
        return Ok(html(
            state.templates.render("team_wave_confirm.html", &view)?,
            cookie,
        ));
    }
    state.study.open_next_wave(&team.id).await?;
    Ok(see_other(&format!(
        "/teams/{}{}",
        team.id,
        lang_query(&req)
    )))
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
                label: crate::domain::phrases::percent(c.language, s.round()),
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
