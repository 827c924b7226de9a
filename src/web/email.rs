//! Email on request: a report's link or a reminder to assess again, and a notice
//! when a team report is ready. Offered only when an SMTP server is configured;
//! the address is erased once the message is sent or abandoned.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use super::error::PageError;
use super::teams::{base_url, response_id};
use super::{AppState, csrf};
use super::{html_page as html, see_other};
use crate::study::EmailRequest;
use crate::study::records::EmailKind;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/r/{id}/email", web::get().to(email_page))
        .route("/r/{id}/email", web::post().to(queue_email))
        .route("/r/{id}/team/notify", web::post().to(notify_when_ready));
}

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
    outbox: Option<web::Data<crate::study::outbox::Outbox>>,
) -> Result<crate::study::outbox::Outbox, PageError> {
    outbox
        .map(|o| o.get_ref().clone())
        .filter(crate::study::outbox::Outbox::enabled)
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
    mail: Option<web::Data<crate::study::outbox::Outbox>>,
    path: web::Path<String>,
    query: web::Query<EmailQuery>,
) -> Result<HttpResponse, PageError> {
    outbox(mail)?;
    let id = response_id(&path)?;
    let stored = state
        .study
        .response(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let (token, cookie) = csrf::token(&req);
    let queued = match query.queued.as_deref() {
        Some("link") => Some("link"),
        Some("reminder") => Some("reminder"),
        _ => None,
    };
    let view = EmailView {
        title: "Email",
        study_name: &state.study.questionnaire.name,
        report_id: id.as_str(),
        // The respondent's own address, if they gave one: shown only on their
        // own private page.
        address: stored.contact_email().unwrap_or_default().to_string(),
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
    mail: Option<web::Data<crate::study::outbox::Outbox>>,
    path: web::Path<String>,
    form: web::Form<EmailForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let mail = outbox(mail)?;
    let id = response_id(&path)?;
    let address = address_of(form.address.as_deref())?;
    let what = form.what.clone().unwrap_or_default();
    let months = form.months.unwrap_or(12);
    if what == "reminder" && months != 6 && months != 12 {
        return Err(PageError::BadRequest(
            "Choose a reminder in 6 or 12 months.".into(),
        ));
    }
    let base = base_url(&req);
    let stored = state
        .study
        .response(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let (kind, facts, due_at) = match what.as_str() {
        "link" => (
            EmailKind::ReportLink,
            serde_json::json!({ "link": format!("{base}/r/{id}") }),
            mail.clock().timestamp_in(std::time::Duration::ZERO),
        ),
        "reminder" => (
            EmailKind::Reminder,
            serde_json::json!({
                "link": format!("{base}/r/{id}/again"),
                "earlier_on": stored.submitted_at.get(..10).unwrap_or(&stored.submitted_at),
            }),
            mail.clock().timestamp_in(std::time::Duration::from_secs(
                u64::from(months) * 365 * 86_400 / 12,
            )),
        ),
        _ => return Err(PageError::BadRequest("Choose what to send.".into())),
    };
    state
        .study
        .queue_email(
            &id,
            EmailRequest {
                kind,
                address,
                facts,
                due_at,
                team_id: None,
            },
        )
        .await?;
    let queued = what;
    Ok(see_other(&format!("/r/{id}/email?queued={queued}")))
}

async fn notify_when_ready(
    req: HttpRequest,
    state: web::Data<AppState>,
    mail: Option<web::Data<crate::study::outbox::Outbox>>,
    path: web::Path<String>,
    form: web::Form<EmailForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let mail = outbox(mail)?;
    let id = response_id(&path)?;
    let address = address_of(form.address.as_deref())?;
    let base = base_url(&req);
    let team = state
        .study
        .team_standing(&id)
        .await?
        .and_then(|t| t.started)
        .ok_or(PageError::NotFound)?;
    state
        .study
        .queue_email(
            &id,
            EmailRequest {
                kind: EmailKind::TeamReady,
                address,
                facts: serde_json::json!({ "link": format!("{base}/teams/{}", team.id) }),
                due_at: mail.clock().timestamp_in(std::time::Duration::ZERO),
                team_id: Some(team.id),
            },
        )
        .await?;
    Ok(see_other(&format!("/r/{id}/team?notify=queued")))
}
