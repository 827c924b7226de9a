//! The JSON API: the questionnaire, submitting answers, reading a scorecard. The
//! same checks as the web form; every problem is listed in a 422. A scorecard's
//! Keep / Change / Stop paragraphs are the report model's, as on the page.
//!
//! Version 2 (`/api/v2/...`) carries every per-index figure as an object keyed by
//! index name. Version 1 carried them as arrays by position; its clients would read
//! wrong numbers from version 2, so every `/api/v1/...` request, whatever its
//! method, answers 410 Gone with a JSON error naming the version-2 path instead.

use actix_web::{HttpRequest, HttpResponse, web};
use serde_json::json;

use super::AppState;
use super::error::ApiError;
use super::http::Endpoint;
use super::json::StrictJson;
use crate::domain::Answers;
use crate::domain::answers::Completeness;
use crate::domain::ids::ResponseId;
use crate::domain::report::ReportedScorecard;
use crate::study::records::SubmitOutcome;
use crate::study::{Origin, report_of};

/// Where the current version of the API lives.
pub const PREFIX: &str = "/api/v2";
/// The retired version whose routes answer 410.
const RETIRED_PREFIX: &str = "/api/v1";

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(Endpoint::at("/api/openapi.json").get(openapi).resource())
        .service(
            Endpoint::at("/api/v2/questionnaire")
                .get(questionnaire)
                .resource(),
        )
        .service(Endpoint::at("/api/v2/responses").post(submit).resource())
        .service(
            Endpoint::at("/api/v2/responses/{id}")
                .get(response)
                .resource(),
        )
        .service(web::resource(["/api/v1", "/api/v1/{rest:.*}"]).to(retired));
}

/// 410 for any request to version 1: its clients read indices by position, so
/// they get a clear refusal rather than numbers they would misread.
async fn retired(req: HttpRequest) -> HttpResponse {
    let rest = req.path().strip_prefix(RETIRED_PREFIX).unwrap_or_default();
    let moved_to = format!("{PREFIX}{rest}");
    HttpResponse::Gone()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(json!({
            "error": format!(
                "API version 1 is retired: indices are now named. Per-index figures \
                 (relative, medians, index_groups) are objects keyed by index name \
                 (overall, value, number, win_rate, sales_cycle, personal), no longer \
                 arrays by position. Use {moved_to}; the API is described at /api/openapi.json."
            ),
            "moved_to": moved_to,
        }))
}

async fn openapi(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .body(state.openapi.clone())
}

async fn questionnaire(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(&state.study.questionnaire)
}

async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    StrictJson(body): StrictJson,
) -> Result<HttpResponse, ApiError> {
    let key = api_key(&req).ok_or(ApiError::Unauthorized)?;
    state
        .study
        .api_key_holder(key)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    let q = &state.study.questionnaire;
    let t0 = std::time::Instant::now();
    let answers =
        Answers::from_submitted_json(q, &body, Completeness::Final).map_err(ApiError::Invalid)?;
    let prepared = state
        .study
        .prepare_from_client(
            &answers,
            &Origin {
                draft_id: None,
                started_at: None,
                synthetic: false,
                address: state.trusted_proxies.client_address(&req),
                // The language the answers were given in, when the client says
                // (`Content-Language: de`); English otherwise.
                language: req
                    .headers()
                    .get(actix_web::http::header::CONTENT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(crate::domain::language::Language::from_code)
                    .unwrap_or_default(),
            },
        )
        .await?;
    let t1 = std::time::Instant::now();
    let id = match state.study.submit(&prepared).await? {
        SubmitOutcome::Created(id) | SubmitOutcome::AlreadySubmitted(id) => id,
    };
    tracing::debug!(
        prepare_us = (t1 - t0).as_micros() as u64,
        store_us = t1.elapsed().as_micros() as u64,
        "submission stored"
    );
    let report_url = state.public_url.link(&format!("/r/{id}"));
    let location = format!("{PREFIX}/responses/{id}");
    // The words come from the report model the page renders.
    let report = prepared.report(q, &answers);
    let created = Created {
        id: &id,
        report_url: &report_url,
        submitted_at: prepared.submitted_at(),
        scorecard: ReportedScorecard::new(prepared.scorecard(), &report),
        peer_standing: prepared.standing_json(),
    };
    // Sized for the usual answer, so that the buffer does not grow step by step.
    let mut body = Vec::with_capacity(16 * 1024);
    serde_json::to_writer(&mut body, &created)
        .map_err(|e| ApiError::Internal(format!("the answer could not be serialised: {e}")))?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", location))
        .content_type("application/json; charset=utf-8")
        .body(body))
}

/// The answer to a submission. Serialised straight from the figures, without
/// an intermediate JSON tree: it is the largest answer on the busiest route.
#[derive(serde::Serialize)]
struct Created<'a> {
    id: &'a str,
    report_url: &'a str,
    submitted_at: &'a str,
    scorecard: ReportedScorecard<'a>,
    /// Serialised once, when the response was prepared.
    peer_standing: &'a serde_json::value::RawValue,
}

/// The API key of a request: `Authorization: Bearer KEY`.
fn api_key(req: &HttpRequest) -> Option<String> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, key) = value.trim().split_once(' ')?;
    let key = key.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !key.is_empty() && key.len() <= 128)
        .then(|| key.to_string())
}

async fn response(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = ResponseId::parse(&path).ok_or(ApiError::NotFound)?;
    let stored = state.study.response(&id).await?.ok_or(ApiError::NotFound)?;
    // The words come from the report model the page renders.
    let report = report_of(state.study.questionnaire_of(&stored), &stored);
    Ok(HttpResponse::Ok().json(json!({
        "id": stored.id,
        "questionnaire_id": stored.questionnaire_id,
        "questionnaire_version": stored.questionnaire_version,
        "submitted_at": stored.submitted_at,
        "scorecard": ReportedScorecard::new(&stored.scorecard, &report),
        "peer_standing": stored.standing,
    })))
}
