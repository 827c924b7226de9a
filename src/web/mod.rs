//! The web layer: actix-web handlers that parse requests, call the study and the
//! domain core, and render templates or JSON. Routes are registered per module.
//!
//! - [`pages`]: the questionnaire pages, `/`, `/s/...`
//! - [`report_page`]: the report, `/r/{id}`
//! - [`api`]: the JSON API, `/api/...`

pub mod admin;
pub mod api;
pub mod client;
pub mod csrf;
pub mod error;
pub mod pages;
pub mod rate_limit;
pub mod report_page;
pub mod teams;
pub mod templates;

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::middleware::DefaultHeaders;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};

use crate::study::Study;
use client::TrustedProxies;
use error::{ApiError, PageError};
use rate_limit::RateLimit;
use report_page::ReportCache;
use templates::Templates;

/// The largest request body accepted (forms and JSON).
pub const BODY_LIMIT: usize = 64 * 1024;

/// How the server is run: what the command line and environment configure.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: TrustedProxies,
    /// Questionnaires an address may submit per hour (0: no limit); it may start
    /// four times as many.
    pub submissions_per_hour: usize,
    /// Unfinished questionnaires are deleted after this many days without a save.
    pub draft_days: f64,
    /// Optional email (off without an SMTP URL).
    pub email: crate::email::EmailSettings,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            trusted_proxies: TrustedProxies::default(),
            submissions_per_hour: 20,
            draft_days: 30.0,
            email: crate::email::EmailSettings::default(),
        }
    }
}

/// What every handler can reach.
pub struct AppState {
    pub study: Arc<Study>,
    /// Parsed once at start-up, shared by every PDF rendering.
    pub pdf_fonts: Arc<crate::pdf::PdfFonts>,
    pub templates: Templates,
    pub reports: ReportCache,
    pub login_throttle: admin::LoginThrottle,
    pub trusted_proxies: TrustedProxies,
    /// Anonymous questionnaires started, and submitted, per address.
    pub start_limit: RateLimit,
    pub submit_limit: RateLimit,
}

/// A response or draft id from a URL: a UUID in canonical form, or nothing.
pub fn parse_id(raw: &str) -> Option<String> {
    uuid::Uuid::parse_str(raw).ok().map(|u| u.to_string())
}

const STYLESHEET: &str = include_str!("../../assets/dealbench.css");

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

/// The trivial route: liveness, and the baseline of the load benchmark.
async fn health() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

async fn not_found(req: HttpRequest) -> HttpResponse {
    use actix_web::ResponseError;
    if req.path().starts_with("/api/") {
        ApiError::NotFound.error_response()
    } else {
        PageError::NotFound.error_response()
    }
}

fn body_error(req: &HttpRequest, message: String, too_large: bool) -> actix_web::Error {
    if req.path().starts_with("/api/") {
        if too_large {
            ApiError::TooLarge.into()
        } else {
            ApiError::BadRequest(message).into()
        }
    } else if too_large {
        PageError::TooLarge.into()
    } else {
        PageError::BadRequest(message).into()
    }
}

/// Deletes unfinished questionnaires older than `days`, now and every hour, on a
/// thread of its own so that it never holds up a request.
fn expire_drafts_hourly(study: &Arc<Study>, days: f64) {
    // A weak handle: the thread ends once the study is dropped.
    let study = Arc::downgrade(study);
    let spawned = std::thread::Builder::new()
        .name("draft-expiry".into())
        .spawn(move || {
            while let Some(study) = study.upgrade() {
                match study.expire_drafts(days) {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(count = n, "expired unfinished questionnaires deleted"),
                    Err(e) => tracing::error!(error = %e, "cannot delete expired questionnaires"),
                }
                drop(study);
                std::thread::sleep(std::time::Duration::from_secs(3600));
            }
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "cannot start the expiry of unfinished questionnaires");
    }
}

/// Registers every route and the request limits on an app.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::JsonConfig::default()
            .limit(BODY_LIMIT)
            .error_handler(|err, req| {
                let too_large = matches!(
                    err,
                    actix_web::error::JsonPayloadError::OverflowKnownLength { .. }
                        | actix_web::error::JsonPayloadError::Overflow { .. }
                );
                let message = format!("the body is not valid JSON: {err}");
                body_error(req, message, too_large)
            }),
    )
    .app_data(
        web::FormConfig::default()
            .limit(BODY_LIMIT)
            .error_handler(|err, req| {
                let too_large = matches!(err, actix_web::error::UrlencodedError::Overflow { .. });
                body_error(req, format!("the form could not be read: {err}"), too_large)
            }),
    )
    .route("/health", web::get().to(health))
    .route("/assets/dealbench.css", web::get().to(stylesheet))
    .configure(pages::config)
    .configure(report_page::config)
    .configure(api::config)
    .configure(admin::config)
    .configure(teams::config)
    .default_service(web::to(not_found));
}

/// Starts the server on a bound listener.
///
/// # Errors
/// When the templates do not parse or the listener cannot be used.
pub fn serve(
    listener: TcpListener,
    study: Arc<Study>,
    settings: Settings,
) -> std::io::Result<Server> {
    let templates = Templates::load().map_err(std::io::Error::other)?;
    let pdf_fonts = Arc::new(crate::pdf::PdfFonts::load().map_err(std::io::Error::other)?);
    expire_drafts_hourly(&study, settings.draft_days);
    // On a thread of its own: `serve` may be called on an async runtime.
    std::thread::scope(|s| {
        s.spawn(|| crate::teams::record_questionnaire(&study))
            .join()
    })
    .map_err(|_| std::io::Error::other("recording the questionnaire version panicked"))?
    .map_err(std::io::Error::other)?;
    let outbox = web::Data::new(
        crate::email::Outbox::start(&study, &settings.email).map_err(std::io::Error::other)?,
    );
    let state = web::Data::new(AppState {
        study,
        pdf_fonts,
        templates,
        reports: ReportCache::default(),
        login_throttle: admin::LoginThrottle::default(),
        trusted_proxies: settings.trusted_proxies,
        start_limit: RateLimit::per_hour(settings.submissions_per_hour.saturating_mul(4)),
        submit_limit: RateLimit::per_hour(settings.submissions_per_hour),
    });
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
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
    .listen(listener)?
    .run();
    Ok(server)
}
