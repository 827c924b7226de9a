//! The console's CSV exports: the Exports page (a group's filter, what each
//! file holds, the links) and the files themselves, streamed (see
//! [`crate::study::ExportKind`]).

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::compare::{
    DimensionView, check_dates, describe, dimensions, filter_query, parse_filter,
};
use super::{ConsoleBar, OperatorSession, html, say};
use crate::domain::comparison;
use crate::study::{ExportKind, header_row};
use crate::web::AppState;
use crate::web::error::PageError;

#[derive(Serialize)]
struct ExportFile {
    name: &'static str,
    href: String,
    columns: Vec<String>,
}

#[derive(Serialize)]
struct ExportsView<'a> {
    title: String,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    console: ConsoleBar,
    k: usize,
    dimensions: Vec<DimensionView>,
    selected: std::collections::BTreeMap<String, String>,
    from: String,
    to: String,
    synthetic: bool,
    /// The group as the comparison names it, and how many responses it holds.
    label: String,
    size: usize,
    /// At least K responses: the files are offered.
    offered: bool,
    dimension_columns: Vec<String>,
    scores: ExportFile,
    answers: ExportFile,
    /// The reference currency amounts are exported in ("US dollars (USD)"),
    /// and the column of the currency each respondent gave them in.
    currency: String,
    currency_item: String,
}

/// The Exports page: one group's filter, as a comparison group's, and for a group
/// of at least K responses the two files, each with its columns explained.
pub async fn exports_page(
    state: web::Data<AppState>,
    session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = query.into_inner().into_iter().collect();
    check_dates(&state.templates.words, &fields)?;
    let q = &state.study.questionnaire;
    let mut filter = parse_filter(q, &fields, "");
    filter.include_synthetic |= session.include_synthetic;
    let k = q.peer_group_minimum;
    let size = state
        .study
        .with_summaries(|all| {
            comparison::compare(q, std::slice::from_ref(&filter), all, k)
                .groups
                .first()
                .map_or(0, |g| g.size)
        })
        .await;
    let query = filter_query(&filter, "");
    let file = |kind: ExportKind, path: &str| ExportFile {
        name: kind.file_name(),
        href: if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        },
        columns: header_row(q, kind),
    };
    let view = ExportsView {
        title: say(&state, session.language, "console-exports", &[]),
        study_name: &q.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        console: ConsoleBar::of(&state, &session).await,
        k,
        dimensions: dimensions(q.in_language(session.language)),
        selected: filter.dimensions.clone(),
        from: filter.from.clone().unwrap_or_default(),
        to: filter.to.clone().unwrap_or_default(),
        synthetic: filter.include_synthetic,
        label: describe(&state, session.language, &filter),
        size,
        offered: size >= k,
        dimension_columns: q.dimensions().map(|(d, _)| d.to_string()).collect(),
        scores: file(ExportKind::Scores, "/admin/export/scores.csv"),
        answers: file(ExportKind::Answers, "/admin/export/answers.csv"),
        currency: {
            let reference = q.in_language(session.language).reference_currency();
            format!("{} ({})", reference.name, reference.code)
        },
        currency_item: q.currency_item.clone().unwrap_or_default(),
    };
    Ok(html(super::render(
        &state,
        &session,
        "admin_exports.html",
        &view,
    )?))
}

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

/// The CSV bytes handed to the response at a time.
const PIECE: usize = 64 * 1024;

/// CSV text written record by record and handed over the channel in pieces of
/// about [`PIECE`] bytes, so that an export of any size holds a few pieces at
/// most.
struct CsvPieces {
    csv: csv::Writer<Vec<u8>>,
    tx: tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>,
}

impl CsvPieces {
    fn new(tx: tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>) -> CsvPieces {
        CsvPieces {
            csv: csv::Writer::from_writer(Vec::with_capacity(PIECE + 4096)),
            tx,
        }
    }

    /// Writes a record; false when the reader went away.
    fn record(&mut self, record: &[String]) -> bool {
        if let Err(e) = self.csv.write_record(record) {
            return self.fail(e.to_string());
        }
        if self.csv.get_ref().len() >= PIECE {
            return self.hand_over();
        }
        true
    }

    /// Hands what is written over; false when the reader went away.
    fn hand_over(&mut self) -> bool {
        let next = csv::Writer::from_writer(Vec::with_capacity(PIECE + 4096));
        let piece = match std::mem::replace(&mut self.csv, next).into_inner() {
            Ok(piece) => piece,
            Err(e) => return self.fail(e.to_string()),
        };
        piece.is_empty() || self.tx.blocking_send(Ok(Bytes::from(piece))).is_ok()
    }

    /// Ends the download with an error, so that the reader sees it incomplete.
    fn fail(&self, message: String) -> bool {
        let _ = self.tx.blocking_send(Err(std::io::Error::other(message)));
        false
    }
}

/// Streams a CSV export of the responses the query's filter matches.
fn export(
    state: web::Data<AppState>,
    query: web::Query<Vec<(String, String)>>,
    kind: ExportKind,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = query.into_inner().into_iter().collect();
    check_dates(&state.templates.words, &fields)?;
    let study = state.study.clone();
    let filter = parse_filter(&study.questionnaire, &fields, "");
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    // A producer thread reads the database chunk by chunk and hands CSV bytes over
    // a bounded channel, so memory stays flat at any size; the reads run on this
    // worker's runtime, the CSV on the producer's own thread.
    let runtime = tokio::runtime::Handle::current();
    std::thread::spawn(move || {
        let mut pieces = CsvPieces::new(tx);
        let export = study.export(kind, &filter, |record| pieces.record(record));
        match runtime.block_on(export) {
            Ok(()) => {
                pieces.hand_over();
            }
            Err(e) => {
                tracing::error!(error = %e, "export failed");
                pieces.fail(e.to_string());
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_arrive_whole_in_bounded_pieces_and_stop_when_the_reader_goes() {
        let (tx, mut rx) = tokio::sync::mpsc::channel(4);
        let records: Vec<Vec<String>> = (0..5_000)
            .map(|i| {
                vec![
                    format!("p{i:010}"),
                    "a, \"quoted\" cell".into(),
                    i.to_string(),
                ]
            })
            .collect();
        let sent = records.clone();
        let producer = std::thread::spawn(move || {
            let mut pieces = CsvPieces::new(tx);
            assert!(sent.iter().all(|r| pieces.record(r)));
            assert!(pieces.hand_over());
        });
        let mut text = Vec::new();
        let mut count = 0;
        while let Some(piece) = rx.blocking_recv() {
            let piece = piece.expect("no error");
            assert!(
                piece.len() < PIECE + 1024,
                "a piece of {} bytes",
                piece.len()
            );
            text.extend_from_slice(&piece);
            count += 1;
        }
        producer.join().expect("producer");
        assert!(count > 1, "{count} pieces");
        let back: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_slice())
            .records()
            .map(|r| r.expect("record").iter().map(String::from).collect())
            .collect();
        assert_eq!(back, records);

        // The reader gone, the producer is told to stop.
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        drop(rx);
        let mut pieces = CsvPieces::new(tx);
        let long = vec!["x".repeat(PIECE)];
        assert!(!pieces.record(&long));
    }
}
