//! Finding and deleting a response or an unfinished questionnaire, and reviewing
//! the responses held by a data-quality flag.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::OperatorSession;
use super::{html, say};
use crate::domain::ids::LinkId;
use crate::domain::quality::QualityFlag;
use crate::study::records::FoundKind;
use crate::web::AppState;
use crate::web::error::PageError;
use crate::web::see_other;

/// A stored timestamp as an operator reads it: `2026-11-24 08:16 UTC`.
fn readable_time(stored: &str) -> String {
    match (stored.get(..10), stored.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => stored.to_string(),
    }
}

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
    title: String,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    console: super::ConsoleBar,
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
fn ids_in(text: &str) -> Vec<LinkId> {
    let mut ids: Vec<LinkId> = text
        .split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .filter_map(LinkId::parse)
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
    let (found, log) = state.study.find_for_deletion(ids, words, 20).await?;
    let study = &state.study;
    let view = ResponsesView {
        title: say(&state, session.language, "console-find-title", &[]),
        study_name: &state.study.questionnaire.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        console: super::ConsoleBar::of(&state, &session).await,
        not_found: !text.trim().is_empty() && found.is_empty(),
        found: found
            .into_iter()
            .map(|f| {
                let draft = f.kind == FoundKind::Draft;
                FoundView {
                    pseudonym: study.pseudonym(&f.id),
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
                kind: match kind.as_str() {
                    "response" => say(&state, session.language, "console-kind-response", &[]),
                    "draft" => say(&state, session.language, "console-kind-draft", &[]),
                    _ => kind,
                },
                pseudonym,
            })
            .collect(),
    };
    Ok(html(super::render(
        &state,
        &session,
        "admin_responses.html",
        &view,
    )?))
}

/// The checks every console form that changes a response shares: the CSRF token,
/// the confirmation box where asked for, and a well-formed id.
fn confirmed_id(
    state: &AppState,
    session: &OperatorSession,
    path: &str,
    form: web::Form<Vec<(String, String)>>,
    needs_confirmation: bool,
) -> Result<LinkId, PageError> {
    let fields: HashMap<String, String> = form.into_inner().into_iter().collect();
    session.verify(fields.get(crate::web::csrf::FIELD).map(String::as_str))?;
    if needs_confirmation && fields.get("confirm").map(String::as_str) != Some("yes") {
        return Err(PageError::refused(
            &state.templates.words,
            "console-refused-unconfirmed",
            &[],
        ));
    }
    LinkId::parse(path).ok_or(PageError::NotFound)
}

pub async fn delete_response(
    state: web::Data<AppState>,
    session: OperatorSession,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let id = confirmed_id(&state, &session, &path, form, true)?;
    let existed = state.study.delete_response(&id, &session.operator).await?;
    if !existed {
        return Err(PageError::NotFound);
    }
    state.reports.evict(id.as_str());
    tracing::info!(pseudonym = %state.study.pseudonym(id.as_str()), "response deleted by an operator");
    Ok(see_other("/admin/responses?deleted=1"))
}

pub async fn delete_draft(
    state: web::Data<AppState>,
    session: OperatorSession,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let id = confirmed_id(&state, &session, &path, form, true)?;
    if !state
        .study
        .delete_unfinished(&id, &session.operator)
        .await?
    {
        return Err(PageError::NotFound);
    }
    tracing::info!(pseudonym = %state.study.pseudonym(id.as_str()), "unfinished questionnaire deleted by an operator");
    Ok(see_other("/admin/responses?deleted=1"))
}

#[derive(Serialize)]
struct HeldView {
    id: String,
    pseudonym: String,
    submitted_at: String,
    reasons: String,
}

#[derive(Serialize)]
struct HeldPage<'a> {
    title: String,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    console: super::ConsoleBar,
    held: Vec<HeldView>,
    accepted: bool,
}

/// The message that says why a response is held.
fn flag_message(flag: QualityFlag) -> &'static str {
    match flag {
        QualityFlag::Speeder => "console-flag-speeder",
        QualityFlag::StraightLiner => "console-flag-straight-liner",
        QualityFlag::NearDuplicate => "console-flag-near-duplicate",
        QualityFlag::TooManyFromAddress => "console-flag-too-many",
    }
}

/// The most held responses listed at once.
const HELD_SHOWN: usize = 200;

pub async fn held_responses(
    state: web::Data<AppState>,
    session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let held = state.study.held_responses(HELD_SHOWN).await?;
    let view = HeldPage {
        title: say(&state, session.language, "console-held", &[]),
        study_name: &state.study.questionnaire.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        console: super::ConsoleBar::of(&state, &session).await,
        held: held
            .into_iter()
            .map(|(id, submitted_at, flags)| HeldView {
                pseudonym: state.study.pseudonym(id.as_str()),
                reasons: QualityFlag::parse_list(&flags)
                    .iter()
                    .map(|f| say(&state, session.language, flag_message(*f), &[]))
                    .collect::<Vec<_>>()
                    .join("; "),
                id,
                submitted_at: readable_time(&submitted_at),
            })
            .collect(),
        accepted: query.iter().any(|(k, _)| k == "accepted"),
    };
    Ok(html(super::render(
        &state,
        &session,
        "admin_held.html",
        &view,
    )?))
}

pub async fn accept_response(
    state: web::Data<AppState>,
    session: OperatorSession,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let id = confirmed_id(&state, &session, &path, form, false)?;
    if !state.study.accept_held(&id).await? {
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
        let found = |text: String| -> Vec<String> {
            ids_in(&text).into_iter().map(LinkId::into_string).collect()
        };
        assert_eq!(found(format!("https://bench.example/r/{id}")), [id]);
        assert_eq!(found(format!("https://bench.example/s/{id}/3")), [id]);
        assert_eq!(found(format!("  {id} ")), [id]);
        assert!(ids_in("no id here").is_empty());
    }
}
