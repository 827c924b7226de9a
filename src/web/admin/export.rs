//! The console's CSV exports, streamed (see [`crate::study::ExportKind`]).

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, web};

use super::OperatorSession;
use super::compare::{check_dates, parse_filter};
use crate::study::ExportKind;
use crate::web::AppState;
use crate::web::error::PageError;

pub async fn export_scores(
    state: web::Data<AppState>,
    _session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    export(state, query, ExportKind::Scores)
}

pub async fn export_answers(
    state: web::Data<AppState>,
    _session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    export(state, query, ExportKind::Answers)
}

fn csv_bytes(records: &[Vec<String>]) -> Result<Bytes, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in records {
        w.write_record(r).map_err(|e| e.to_string())?;
    }
    w.into_inner().map(Bytes::from).map_err(|e| e.to_string())
}

/// Streams a CSV export of the responses the query's filter matches.
fn export(
    state: web::Data<AppState>,
    query: web::Query<Vec<(String, String)>>,
    kind: ExportKind,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = query.into_inner().into_iter().collect();
    check_dates(&fields)?;
    let study = state.study.clone();
    let filter = parse_filter(&study.questionnaire, &fields, "");
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    // A producer thread reads the database chunk by chunk and hands CSV bytes over
    // a bounded channel, so memory stays flat at any size.
    std::thread::spawn(move || {
        let send =
            |b: Result<Bytes, String>| tx.blocking_send(b.map_err(std::io::Error::other)).is_ok();
        if let Err(e) = study.export(kind, &filter, |records| send(csv_bytes(&records))) {
            tracing::error!(error = %e, "export failed");
            let _ = send(Err(e.to_string()));
        }
    });
    let name = kind.file_name();
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(tokio_stream::wrappers::ReceiverStream::new(rx)))
}
