//! The web layer: actix-web handlers that parse requests, call the study and the
//! domain core, and render templates or JSON. Routes are registered per module.
//!
//! - [`pages`]: the questionnaire pages, `/`, `/s/...`
//! - [`report_page`]: the report, `/r/{id}`
//! - [`api`]: the JSON API, `/api/...`
//!
//! Around them: [`http`] (methods, caching and transport headers, bounds on
//! connections and bodies), [`public_url`] (every absolute link), [`cookies`].

pub mod admin;
pub mod api;
pub mod client;
pub mod cookies;
pub mod csrf;
pub mod email;
pub mod error;
pub mod http;
pub mod json;
pub mod language;
pub mod openapi;
pub mod pages;
pub mod pdf_queue;
pub mod public_url;
pub mod report_page;
pub mod teams;
pub mod templates;
pub mod words;

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::middleware::{DefaultHeaders, from_fn};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};

use crate::study::Study;
use crate::study::rate_limit::{RequestKind, RequestLimit};
use client::TrustedProxies;
use error::{ApiError, PageError};
pub use http::Limits;
use http::{ConnectionCounter, Endpoint, is_api, is_body_timeout};
pub use public_url::PublicUrl;
use report_page::ReportCache;
use templates::Templates;

/// The largest request body accepted (forms and JSON).
pub const BODY_LIMIT: usize = 64 * 1024;

/// What every handler can reach.
pub struct AppState {
    pub study: Arc<Study>,
    /// Parsed once at start-up, shared by every PDF rendering.
    pub pdf_fonts: Arc<crate::pdf::PdfFonts>,
    /// How many PDFs render, wait and are sent at once.
    pub pdfs: pdf_queue::PdfQueue,
    pub templates: Templates,
    pub reports: ReportCache,
    pub trusted_proxies: TrustedProxies,
    /// Anonymous questionnaires started, and submitted, per address (counted
    /// by the study, by every server on the database alike).
    pub start_limit: RequestLimit,
    pub submit_limit: RequestLimit,
    /// The base of every absolute link, and whether the site is on HTTPS.
    pub public_url: PublicUrl,
    pub limits: Limits,
    /// The OpenAPI document, generated from the questionnaire at start-up.
    pub openapi: String,
}

/// How the study guards its figures and its respondents' data: what the command
/// line and environment configure beyond the HTTP bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Integrity {
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: TrustedProxies,
    /// Questionnaires an address may submit per hour (0: no limit); it may start
    /// four times as many.
    pub submissions_per_hour: usize,
    /// Unfinished questionnaires are deleted after this many days without a save.
    pub draft_days: f64,
}

impl Default for Integrity {
    fn default() -> Integrity {
        Integrity {
            trusted_proxies: TrustedProxies::default(),
            submissions_per_hour: 20,
            draft_days: 30.0,
        }
    }
}

/// How the server is run: where it is reached from outside, its bounds, and the
/// study's integrity settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub public_url: PublicUrl,
    pub limits: Limits,
    pub integrity: Integrity,
    /// Optional email (off without an SMTP URL).
    pub email: crate::study::outbox::EmailSettings,
}

impl Settings {
    /// The defaults for a listener: plain HTTP at the address it is bound to.
    ///
    /// # Errors
    /// When the listener has no address.
    pub fn for_listener(listener: &TcpListener) -> std::io::Result<Settings> {
        let local = listener.local_addr()?;
        let public_url = PublicUrl::from_bind(&local.ip().to_string(), local.port())
            .map_err(std::io::Error::other)?;
        Ok(Settings {
            public_url,
            limits: Limits::default(),
            integrity: Integrity::default(),
            email: crate::study::outbox::EmailSettings::default(),
        })
    }
}

/// A response or draft id from a URL: a UUID in canonical form, or nothing.
pub fn parse_id(raw: &str) -> Option<String> {
    uuid::Uuid::parse_str(raw).ok().map(|u| u.to_string())
}

const STYLESHEET: &str = include_str!("../../assets/dealbench.css");

/// The stylesheet as served: the report theme's colours as CSS custom
/// properties, then `assets/dealbench.css`, which uses them.
static SERVED_STYLESHEET: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("{}{STYLESHEET}", crate::domain::report::THEME.css()));

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(SERVED_STYLESHEET.as_str())
}

/// An HTML page, with the CSRF cookie to set when the browser has none yet.
/// (Every response is `no-store` unless it says otherwise: see [`http`].)
pub(crate) fn html_page(
    body: String,
    cookie: Option<actix_web::cookie::Cookie<'static>>,
) -> HttpResponse {
    let mut resp = HttpResponse::Ok();
    resp.content_type("text/html; charset=utf-8");
    if let Some(c) = cookie {
        resp.cookie(c);
    }
    resp.body(body)
}

/// A redirect after a form: 303 to `location`.
pub(crate) fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// The trivial route: liveness, and the baseline of the load benchmark.
async fn health() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok")
}

/// 404 for any other path, as an error so that the page is said in the
/// respondent's language (see [`http::guard`]).
async fn not_found(req: HttpRequest) -> Result<HttpResponse, actix_web::Error> {
    if is_api(req.path()) {
        Err(ApiError::NotFound.into())
    } else {
        Err(PageError::NotFound.into())
    }
}

/// Why a request body could not be used.
enum BodyProblem {
    TooLarge,
    TimedOut,
    Invalid(String),
}

fn body_error(req: &HttpRequest, problem: BodyProblem) -> actix_web::Error {
    match (is_api(req.path()), problem) {
        (true, BodyProblem::TooLarge) => ApiError::TooLarge.into(),
        (true, BodyProblem::TimedOut) => ApiError::Timeout.into(),
        (true, BodyProblem::Invalid(m)) => ApiError::BadRequest(m).into(),
        (false, BodyProblem::TooLarge) => PageError::TooLarge.into(),
        (false, BodyProblem::TimedOut) => PageError::Timeout.into(),
        (false, BodyProblem::Invalid(m)) => PageError::BadRequest(m).into(),
    }
}

/// Deletes unfinished questionnaires older than `days`, now and every hour (by
/// one of the servers on a shared database), on a thread of its own so that it
/// never holds up a request.
fn expire_drafts_hourly(study: &Arc<Study>, days: f64) {
    // A weak handle: the thread ends once the study is dropped.
    let study = Arc::downgrade(study);
    crate::study::run_in_background("draft-expiry", move || async move {
        let hour = std::time::Duration::from_secs(3600);
        while let Some(study) = study.upgrade() {
            // Several servers on one database: one of them runs each hour's.
            match study.expire_drafts_periodically(days, hour).await {
                Ok(None | Some(0)) => {}
                Ok(Some(n)) => {
                    tracing::info!(count = n, "expired unfinished questionnaires deleted");
                }
                Err(e) => tracing::error!(error = %e, "cannot delete expired questionnaires"),
            }
            drop(study);
            tokio::time::sleep(hour).await;
        }
    });
}

/// Checks the whole database file once the peer figures are loaded (the
/// start-up check covers only what its budget allows); a damaged file is
/// logged and refuses writes from then on. (PostgreSQL checks its own pages:
/// nothing to do there.)
fn check_database_soon(study: &Arc<Study>) {
    let study = Arc::downgrade(study);
    crate::study::run_in_background("database-check", move || async move {
        // Not while the load reads every row: they would compete for the disk.
        while let Some(s) = study.upgrade() {
            if !s.still_loading(std::time::Duration::from_secs(1)).await {
                break;
            }
        }
        let Some(s) = study.upgrade() else { return };
        if let Err(e) = s.check_database_file().await {
            tracing::error!(error = %e, "the database file could not be checked");
        }
    });
}

/// Registers every route and the request limits on an app.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::JsonConfig::default()
            .limit(BODY_LIMIT)
            .error_handler(|err, req| {
                use actix_web::error::JsonPayloadError as E;
                let problem = match &err {
                    E::OverflowKnownLength { .. } | E::Overflow { .. } => BodyProblem::TooLarge,
                    E::Payload(p) if is_body_timeout(p) => BodyProblem::TimedOut,
                    _ => BodyProblem::Invalid(format!("the body is not valid JSON: {err}")),
                };
                body_error(req, problem)
            }),
    )
    .app_data(
        web::FormConfig::default()
            .limit(BODY_LIMIT)
            .error_handler(|err, req| {
                use actix_web::error::UrlencodedError as E;
                let problem = match &err {
                    E::Overflow { .. } => BodyProblem::TooLarge,
                    E::Payload(p) if is_body_timeout(p) => BodyProblem::TimedOut,
                    _ => BodyProblem::Invalid(format!("the form could not be read: {err}")),
                };
                body_error(req, problem)
            }),
    )
    .service(Endpoint::at("/health").get(health).resource())
    .service(
        Endpoint::at("/assets/dealbench.css")
            .get(stylesheet)
            .resource(),
    )
    .configure(pages::config)
    .configure(report_page::config)
    .configure(api::config)
    .configure(admin::config)
    .configure(teams::config)
    .configure(email::config)
    .default_service(web::to(not_found));
}

/// Starts the server on a bound listener with the default settings for it.
///
/// # Errors
/// When the templates do not parse or the listener cannot be used.
pub fn serve(listener: TcpListener, study: Arc<Study>) -> std::io::Result<Server> {
    let settings = Settings::for_listener(&listener)?;
    serve_with(listener, study, settings)
}

/// Starts the server on a bound listener.
///
/// # Errors
/// When the templates do not parse, the OpenAPI document cannot be built or the
/// listener cannot be used.
pub fn serve_with(
    listener: TcpListener,
    study: Arc<Study>,
    settings: Settings,
) -> std::io::Result<Server> {
    let templates = Templates::load().map_err(std::io::Error::other)?;
    let pdf_fonts = Arc::new(crate::pdf::PdfFonts::load().map_err(std::io::Error::other)?);
    expire_drafts_hourly(&study, settings.integrity.draft_days);
    let openapi = openapi::document(&study.questionnaire)
        .map(|doc| doc.to_string())
        .map_err(std::io::Error::other)?;
    let limits = settings.limits.clone();
    check_database_soon(&study);
    let outbox = web::Data::new(
        crate::study::outbox::Outbox::start(&study, &settings.email)
            .map_err(std::io::Error::other)?,
    );
    let state = web::Data::new(AppState {
        study,
        pdf_fonts,
        pdfs: pdf_queue::PdfQueue::default(),
        templates,
        reports: ReportCache::default(),
        trusted_proxies: settings.integrity.trusted_proxies.clone(),
        start_limit: RequestLimit::per_hour(
            RequestKind::Start,
            settings.integrity.submissions_per_hour.saturating_mul(4),
        ),
        submit_limit: RequestLimit::per_hour(
            RequestKind::Submit,
            settings.integrity.submissions_per_hour,
        ),
        public_url: settings.public_url,
        limits: settings.limits,
        openapi,
    });
    // Handlers do short synchronous work of their own (scoring, an API key's
    // lookup on an idle connection, serialising a report): with two workers per
    // core, one worker's pause does not hold up every connection queued on it.
    // Measured on 2 cores, submissions' p99 went from about 20 ms to 15 ms.
    let workers = 2 * std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let connections = Arc::new(ConnectionCounter::default());
    let per_address = limits.connections_per_address;
    let write_deadline = limits.write_deadline;
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .wrap(from_fn(http::guard))
            .app_data(outbox.clone())
            .wrap(
                DefaultHeaders::new()
                    .add((
                        header::CONTENT_SECURITY_POLICY,
                        "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                    ))
                    .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                    .add((header::REFERRER_POLICY, "no-referrer"))
                    .add((header::X_FRAME_OPTIONS, "DENY")),
            )
            .configure(configure)
    })
    .workers(workers)
    // The cap is per worker; together they accept at most `max_connections`.
    .max_connections(limits.max_connections.div_ceil(workers).max(1))
    .client_request_timeout(limits.header_deadline)
    .on_connect(move |io, data| {
        if let Some(tcp) = io.downcast_ref::<actix_web::rt::net::TcpStream>() {
            // The write deadline: data left unacknowledged this long (a client
            // whose window stays shut because it never reads) ends the
            // connection, and what was waiting for it is freed.
            #[cfg(target_os = "linux")]
            if let Err(e) = socket2::SockRef::from(tcp).set_tcp_user_timeout(Some(write_deadline))
            {
                tracing::warn!(error = %e, "the write deadline could not be set on a connection");
            }
            #[cfg(not(target_os = "linux"))]
            let _ = write_deadline;
            if let Ok(peer) = tcp.peer_addr() {
                data.insert(connections.open(peer.ip(), per_address));
            }
        }
    })
    .listen(listener)?
    .run();
    Ok(server)
}
