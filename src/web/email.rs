//! Email on request: a report's link or a reminder to assess again, and a notice
//! when a team report is ready. Offered only when an SMTP server is configured;
//! the address is erased once the message is sent or abandoned.
//!
//! These pages open for whoever holds the report link, so they never show the
//! address the respondent gave: at most a hint of it ("j•••@e•••.com"), which
//! they may choose without seeing it, or they type one. Every request is counted
//! against the outbox's bounds (per report, per client address, in all); past
//! one, the form comes back with 429, `Retry-After`, what was chosen and typed,
//! and when to try again.

use std::time::Duration;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use fluent_bundle::FluentValue;

use super::error::PageError;
use super::http::Endpoint;
use super::language::{self, Frame};
use super::teams::{TeamPage, base_url, response_id, team_page_of};
use super::words::Words;
use super::{AppState, csrf, see_other};
use crate::domain::ids::ResponseId;
use crate::domain::language::Language;
use crate::study::EmailRequest;
use crate::study::outbox::{Clock, Outbox};
use crate::study::records::{EmailBound, EmailBounds, EmailKind, Queued, StoredResponse};

pub fn config(cfg: &mut web::ServiceConfig) {
    // Each path one resource, so that another method gets 405 with Allow.
    cfg.service(
        Endpoint::at("/r/{id}/email")
            .get(email_page)
            .post(queue_email)
            .resource(),
    )
    .service(
        Endpoint::at("/r/{id}/team/notify")
            .post(notify_when_ready)
            .resource(),
    );
}

#[derive(serde::Deserialize)]
pub(super) struct EmailForm {
    csrf_token: Option<String>,
    /// "given": the address given with the answers; otherwise `address`.
    to: Option<String>,
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

/// A form that asks where to send a message, as shown (again).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(super) struct AddressForm {
    /// "given" (the address given with the answers) or "typed".
    to: &'static str,
    /// What was typed.
    address: String,
    /// Why nothing was queued, and what to do.
    problem: Option<String>,
}

impl AddressForm {
    /// An empty form: the given address is chosen when there is one.
    pub(super) fn fresh(stored: &StoredResponse) -> AddressForm {
        AddressForm {
            to: if stored.contact_email().is_some() {
                "given"
            } else {
                "typed"
            },
            address: String::new(),
            problem: None,
        }
    }

    /// The form as it was sent, to show again with `problem`.
    fn posted(form: &EmailForm, problem: String) -> AddressForm {
        AddressForm {
            to: if form.to.as_deref() == Some("given") {
                "given"
            } else {
                "typed"
            },
            address: form
                .address
                .as_deref()
                .unwrap_or_default()
                .trim()
                .to_string(),
            problem: Some(problem),
        }
    }
}

/// A hint of an address: its first letter, its domain's first letter and its
/// top-level domain ("jane.doe@example.com" -> "j•••@e•••.com"). Enough for its
/// owner to recognise, too little to write to.
pub(super) fn address_hint(address: &str) -> String {
    let first = |s: &str| s.chars().next().map(String::from).unwrap_or_default();
    let Some((local, domain)) = address.rsplit_once('@') else {
        return "•••".into();
    };
    let top = domain
        .rsplit_once('.')
        .map(|(_, top)| format!(".{top}"))
        .unwrap_or_default();
    format!("{}•••@{}•••{top}", first(local), first(domain))
}

/// The hint of the address the respondent gave, if they gave one.
pub(super) fn hint_of(stored: &StoredResponse) -> Option<String> {
    stored.contact_email().map(address_hint)
}

/// Where to send: the address given with the answers, or the one typed.
///
/// # Errors
/// What to tell the respondent, in `language`, when neither can be used.
pub(super) fn recipient(
    form: &EmailForm,
    stored: &StoredResponse,
    words: &Words,
    language: Language,
) -> Result<String, String> {
    if form.to.as_deref() == Some("given") {
        return stored
            .contact_email()
            .map(str::to_string)
            .ok_or_else(|| words.say(language, "email-page-error-no-address-given", &[]));
    }
    let typed = form.address.as_deref().map(str::trim).unwrap_or_default();
    typed
        .parse::<lettre::Address>()
        .map(|a| a.to_string())
        .map_err(|_| words.say(language, "email-page-error-not-an-address", &[]))
}

/// What a respondent past a bound is told, in `language`: which bound, and
/// when to try again.
pub(super) fn try_again(
    refused: (EmailBound, Duration),
    bounds: &EmailBounds,
    clock: &Clock,
    words: &Words,
    language: Language,
) -> String {
    let (bound, wait) = refused;
    let why = match bound {
        EmailBound::Report => words.say(
            language,
            "email-page-error-report-bound",
            &[("count", FluentValue::from(bounds.per_report))],
        ),
        EmailBound::Client => words.say(
            language,
            "email-page-error-client-bound",
            &[("count", FluentValue::from(bounds.per_client))],
        ),
        EmailBound::Total => words.say(language, "email-page-error-total-bound", &[]),
    };
    let minutes = wait.as_secs().div_ceil(60).max(1);
    // The first whole minute at which it is accepted.
    let at = clock.now() + wait + Duration::from_secs(59);
    let at = format!("{:02}:{:02}", at.hour(), at.minute());
    words.say(
        language,
        "email-page-error-try-again",
        &[
            ("why", FluentValue::from(why)),
            ("minutes", FluentValue::from(minutes)),
            ("at", FluentValue::from(at)),
        ],
    )
}

/// The outbox, or 404 when email is not configured: no email page is offered.
fn outbox(mail: Option<web::Data<Outbox>>) -> Result<Outbox, PageError> {
    mail.map(|o| o.get_ref().clone())
        .filter(Outbox::enabled)
        .ok_or(PageError::NotFound)
}

/// An HTML page with a status, and `Retry-After` after a refusal.
pub(super) fn page_with_status(
    body: String,
    cookie: Option<actix_web::cookie::Cookie<'static>>,
    status: StatusCode,
    retry_after: Option<Duration>,
) -> HttpResponse {
    let mut resp = HttpResponse::build(status);
    resp.content_type("text/html; charset=utf-8");
    if let Some(c) = cookie {
        resp.cookie(c);
    }
    if let Some(wait) = retry_after {
        resp.insert_header((header::RETRY_AFTER, wait.as_secs().max(1)));
    }
    resp.body(body)
}

#[derive(Serialize)]
struct EmailView<'a> {
    title: &'a str,
    study_name: &'a str,
    #[serde(flatten)]
    frame: Frame<'a>,
    report_id: &'a str,
    /// A hint of the address given with the answers, if any.
    hint: Option<String>,
    queued: Option<&'a str>,
    csrf: String,
    link: AddressForm,
    reminder: AddressForm,
    /// The reminder's months, as chosen.
    months: u32,
}

/// The email page, with each form as given.
struct EmailPage<'a> {
    id: &'a ResponseId,
    stored: &'a StoredResponse,
    language: Language,
    queued: Option<&'a str>,
    link: AddressForm,
    reminder: AddressForm,
    months: u32,
}

fn render_email_page(
    req: &HttpRequest,
    state: &AppState,
    page: EmailPage<'_>,
    status: StatusCode,
    retry_after: Option<Duration>,
) -> Result<HttpResponse, PageError> {
    let (token, cookie) = csrf::token(req);
    let words = &state.templates.words;
    let q = state.study.questionnaire.in_language(page.language);
    let view = EmailView {
        title: &words.plain(page.language)["email_page_title"],
        study_name: &q.name,
        frame: Frame::new(
            words,
            &state.study.questionnaire.languages(),
            page.language,
            format!("/r/{}/email", page.id),
        ),
        report_id: page.id.as_str(),
        hint: hint_of(page.stored),
        queued: page.queued,
        csrf: token,
        link: page.link,
        reminder: page.reminder,
        months: page.months,
    };
    Ok(page_with_status(
        state.templates.render("report_email.html", &view)?,
        cookie,
        status,
        retry_after,
    ))
}

async fn email_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    mail: Option<web::Data<Outbox>>,
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
    let queued = match query.queued.as_deref() {
        Some("link") => Some("link"),
        Some("reminder") => Some("reminder"),
        _ => None,
    };
    let offered = state.study.questionnaire.languages();
    let page = EmailPage {
        id: &id,
        stored: &stored,
        language: language::of_report(&req, &offered, stored.language),
        queued,
        link: AddressForm::fresh(&stored),
        reminder: AddressForm::fresh(&stored),
        months: 12,
    };
    render_email_page(&req, &state, page, StatusCode::OK, None)
}

async fn queue_email(
    req: HttpRequest,
    state: web::Data<AppState>,
    mail: Option<web::Data<Outbox>>,
    path: web::Path<String>,
    form: web::Form<EmailForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let mail = outbox(mail)?;
    let id = response_id(&path)?;
    let what = match form.what.as_deref() {
        Some("link") => "link",
        Some("reminder") => "reminder",
        _ => {
            return Err(PageError::refused(
                &state.templates.words,
                "error-page-choose-what-to-send",
                &[],
            ));
        }
    };
    let months = form.months.unwrap_or(12);
    if what == "reminder" && months != 6 && months != 12 {
        return Err(PageError::refused(
            &state.templates.words,
            "error-page-choose-reminder-months",
            &[],
        ));
    }
    let stored = state
        .study
        .response(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let offered = state.study.questionnaire.languages();
    let shown_in = language::of_report(&req, &offered, stored.language);
    let words = &state.templates.words;
    // The form comes back as sent, with why nothing was queued.
    let again = |problem: String, status: StatusCode, retry_after: Option<Duration>| {
        let posted = AddressForm::posted(&form, problem);
        let fresh = AddressForm::fresh(&stored);
        let (link, reminder) = if what == "link" {
            (posted, fresh)
        } else {
            (fresh, posted)
        };
        let page = EmailPage {
            id: &id,
            stored: &stored,
            language: shown_in,
            queued: None,
            link,
            reminder,
            months,
        };
        render_email_page(&req, &state, page, status, retry_after)
    };
    let address = match recipient(&form, &stored, words, shown_in) {
        Ok(address) => address,
        Err(problem) => return again(problem, StatusCode::BAD_REQUEST, None),
    };
    let base = base_url(&req);
    let clock = mail.clock();
    // The email speaks the language the page was read in, and its link opens
    // the report in that language.
    let lang_query = if shown_in == stored.language {
        String::new()
    } else {
        format!("?lang={}", shown_in.code())
    };
    let (kind, facts, due_at) = if what == "link" {
        (
            EmailKind::ReportLink,
            serde_json::json!({
                "link": format!("{base}/r/{id}{lang_query}"),
                "language": shown_in.code(),
            }),
            clock.timestamp_in(Duration::ZERO),
        )
    } else {
        (
            EmailKind::Reminder,
            serde_json::json!({
                "link": format!("{base}/r/{id}/again{lang_query}"),
                "earlier_on": stored.submitted_at.get(..10).unwrap_or(&stored.submitted_at),
                "language": shown_in.code(),
            }),
            clock.timestamp_in(Duration::from_secs(u64::from(months) * 365 * 86_400 / 12)),
        )
    };
    let bounds = mail.bounds();
    let request = EmailRequest {
        kind,
        address,
        facts,
        due_at,
        team_id: None,
        client: state.trusted_proxies.client_address(&req),
        asked_at: clock.now(),
        bounds,
    };
    match state.study.queue_email(&id, request).await? {
        Queued::Queued => Ok(see_other(&format!(
            "/r/{id}/email?queued={what}&lang={}",
            shown_in.code()
        ))),
        Queued::Refused { bound, wait } => again(
            try_again((bound, wait), &bounds, clock, words, shown_in),
            StatusCode::TOO_MANY_REQUESTS,
            Some(wait),
        ),
    }
}

async fn notify_when_ready(
    req: HttpRequest,
    state: web::Data<AppState>,
    mail: Option<web::Data<Outbox>>,
    path: web::Path<String>,
    form: web::Form<EmailForm>,
) -> Result<HttpResponse, PageError> {
    csrf::verify(&req, form.csrf_token.as_deref())?;
    let mail = outbox(mail)?;
    let id = response_id(&path)?;
    let standing = state
        .study
        .team_standing(&id)
        .await?
        .ok_or(PageError::NotFound)?;
    let team_id = standing
        .started
        .as_ref()
        .map(|t| t.id.clone())
        .ok_or(PageError::NotFound)?;
    // The team page comes back as sent, with why nothing was queued.
    let again = |problem: String, status: StatusCode, retry_after: Option<Duration>| {
        let page = TeamPage {
            notify: AddressForm::posted(&form, problem),
            notify_queued: false,
            email: true,
        };
        team_page_of(&req, &state, &id, &standing, page, status, retry_after)
    };
    let offered = state.study.questionnaire.languages();
    let shown_in = language::of_report(&req, &offered, standing.response.language);
    let words = &state.templates.words;
    let address = match recipient(&form, &standing.response, words, shown_in) {
        Ok(address) => address,
        Err(problem) => return again(problem, StatusCode::BAD_REQUEST, None),
    };
    let base = base_url(&req);
    let clock = mail.clock();
    let bounds = mail.bounds();
    let request = EmailRequest {
        kind: EmailKind::TeamReady,
        address,
        facts: serde_json::json!({
            "link": format!("{base}/teams/{team_id}"),
            "language": shown_in.code(),
        }),
        due_at: clock.timestamp_in(Duration::ZERO),
        team_id: Some(team_id),
        client: state.trusted_proxies.client_address(&req),
        asked_at: clock.now(),
        bounds,
    };
    match state.study.queue_email(&id, request).await? {
        Queued::Queued => Ok(see_other(&format!(
            "/r/{id}/team?notify=queued&lang={}",
            shown_in.code()
        ))),
        Queued::Refused { bound, wait } => again(
            try_again((bound, wait), &bounds, clock, words, shown_in),
            StatusCode::TOO_MANY_REQUESTS,
            Some(wait),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hint_shows_first_letters_and_the_top_level_domain_only() {
        assert_eq!(address_hint("jane.smith@example.com"), "j•••@e•••.com");
        assert_eq!(address_hint("xavier@mail.example.co.uk"), "x•••@m•••.uk");
        assert_eq!(address_hint("root@localhost"), "r•••@l•••");
        assert_eq!(address_hint("no address"), "•••");
        for address in ["jane.smith@example.com", "xavier@mail.example.co.uk"] {
            let hint = address_hint(address);
            let (local, domain) = address.split_once('@').expect("an address");
            assert!(!hint.contains(local) && !hint.contains(domain), "{hint}");
        }
    }

    #[test]
    fn a_refusal_says_which_bound_and_when_to_try_again() {
        let bounds = EmailBounds {
            per_report: 3,
            per_client: 10,
            total: 200,
            window: Duration::from_secs(3600),
        };
        let noon = time::macros::datetime!(2026-05-04 12:00:30 UTC);
        let clock = Clock::from_fn(move || noon);
        let words = Words::load().expect("the page messages load");
        let said = |bound, wait, language| {
            try_again(
                (bound, Duration::from_secs(wait)),
                &bounds,
                &clock,
                &words,
                language,
            )
        };
        let english = Language::English;
        let got = said(EmailBound::Report, 59 * 60 + 10, english);
        assert!(got.contains("This report has asked for 3 emails"), "{got}");
        assert!(got.contains("in 60 minutes, after 13:00 UTC"), "{got}");
        let got = said(EmailBound::Client, 20, english);
        assert!(got.contains("10 emails have been asked for from your network"));
        assert!(got.contains("in 1 minute, after 12:01 UTC"), "{got}");
        let got = said(EmailBound::Total, 600, english);
        assert!(got.contains("The study has sent as many emails"), "{got}");
        // In the page's language, with its own plural.
        let got = said(EmailBound::Report, 20, Language::German);
        assert!(got.contains("3 E-Mails"), "{got}");
        assert!(
            got.contains("in einer Minute erneut, nach 12:01 Uhr UTC"),
            "{got}"
        );
        let got = said(EmailBound::Client, 59 * 60 + 10, Language::French);
        assert!(got.contains("Réessayez dans 60 minutes"), "{got}");
        let got = said(EmailBound::Total, 20, Language::Spanish);
        assert!(got.contains("dentro de 1 minuto"), "{got}");
    }
}
