//! CSV exports of the study for the console: every response's scores, or its
//! answers, read chunk by chunk so that memory stays flat at any size. No contact
//! detail and no private link is ever exported: a response appears under its
//! pseudonym.

use super::Study;
use super::error::StudyResult;
use crate::domain::comparison::GroupFilter;
use crate::domain::language::Language;
use std::collections::HashMap;

use super::port::ExportRow;
use super::teams::rules::{EXPORT_COLUMNS, ExportWaves};
use crate::domain::questionnaire::Item;
use crate::domain::{Questionnaire, SubIndex};

/// Rows read from the database per step of a streamed export: enough to make a
/// query's cost small beside its rows, few enough that memory stays flat.
pub(super) const EXPORT_CHUNK: usize = 500;

/// Which export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The indices of each response.
    Scores,
    /// The answers of each response.
    Answers,
}

impl ExportKind {
    /// The file name offered for download.
    pub fn file_name(self) -> &'static str {
        match self {
            ExportKind::Scores => "dealbench-scores.csv",
            ExportKind::Answers => "dealbench-answers.csv",
        }
    }
}

impl Study {
    /// Produces an export: the header first, then a record for each response
    /// the filter matches, handed one by one to `sink` until it returns false
    /// (the reader went away). `sink` may block (it hands the records to a
    /// download): run this on a thread of its own.
    ///
    /// # Errors
    /// When the database cannot be read; the records handed over before stay.
    pub async fn export(
        &self,
        kind: ExportKind,
        filter: &GroupFilter,
        mut sink: impl FnMut(&[String]) -> bool,
    ) -> StudyResult<()> {
        let q = &self.questionnaire;
        let waves = ExportWaves::load(&*self.store).await;
        let mut columns = AnswerColumns::new(q);
        if !sink(&header_row(q, kind)) {
            return Ok(());
        }
        let mut after = 0;
        loop {
            let with_answers = matches!(kind, ExportKind::Answers);
            let rows = self
                .store
                .export_rows(&q.id, after, EXPORT_CHUNK, with_answers)
                .await?;
            let Some(last) = rows.last() else {
                return Ok(());
            };
            after = last.position;
            for r in rows.iter().filter(|r| {
                let language = Language::from_code(&r.language).unwrap_or_default();
                filter.matches_row(&r.profile, r.synthetic, &r.submitted_at, language)
            }) {
                let figures = match kind {
                    ExportKind::Scores => RecordFigures::Scores,
                    ExportKind::Answers => {
                        let version = self.catalogue.get(&q.id, r.questionnaire_version);
                        RecordFigures::Answers(columns.cells(version.unwrap_or(q), r))
                    }
                };
                let mut record = export_record(q, r, self.store.pseudonym(&r.id), figures);
                record.extend(waves.columns(&*self.store, &r.id));
                if !sink(&record) {
                    return Ok(()); // the reader went away
                }
            }
        }
    }
}

pub fn header_row(q: &Questionnaire, kind: ExportKind) -> Vec<String> {
    let mut cols: Vec<String> = [
        "pseudonym",
        "submitted_at",
        "questionnaire_version",
        "synthetic",
        "flags",
        "held",
        "language",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    cols.extend(q.dimensions().map(|(d, _)| d.to_string()));
    match kind {
        ExportKind::Scores => {
            cols.push("overall".into());
            cols.extend(SubIndex::ALL.iter().map(|s| s.key().to_string()));
            cols.push("personal".into());
        }
        ExportKind::Answers => cols.extend(answer_items(q).map(|i| i.id.clone())),
    }
    cols.extend(EXPORT_COLUMNS.map(String::from));
    cols
}

/// The items the answers export has a column for: neither contact details nor
/// the peer-group dimensions (which have columns of their own).
fn answer_items(q: &Questionnaire) -> impl Iterator<Item = &Item> {
    q.items
        .iter()
        .filter(|i| !i.contact && i.dimension.is_none())
}

/// Where each answer column of the current version is found in a response of
/// any version: the position of the item with the same id, remembered per
/// version, so that a row's answers go straight into their columns.
struct AnswerColumns {
    ids: Vec<String>,
    positions: HashMap<u32, Vec<Option<usize>>>,
}

impl AnswerColumns {
    fn new(current: &Questionnaire) -> AnswerColumns {
        AnswerColumns {
            ids: answer_items(current).map(|i| i.id.clone()).collect(),
            positions: HashMap::new(),
        }
    }

    /// The answer cells of a row answered with `version`: empty where the row's
    /// version has no such item or it was not answered.
    fn cells(&mut self, version: &Questionnaire, row: &ExportRow) -> Vec<String> {
        let ids = &self.ids;
        let positions = self
            .positions
            .entry(version.version)
            .or_insert_with(|| ids.iter().map(|id| version.item_position(id)).collect());
        positions
            .iter()
            .map(|pos| {
                pos.and_then(|p| row.answer_texts.get(p)?.clone())
                    .unwrap_or_default()
            })
            .collect()
    }
}

/// What a record carries after the profile.
enum RecordFigures {
    /// The indices, from the row.
    Scores,
    /// The answer cells (see [`AnswerColumns`]).
    Answers(Vec<String>),
}

/// One CSV record. The response id is the private report link, so
/// the record carries its pseudonym instead: the same in both exports, opening
/// nothing.
fn export_record(
    q: &Questionnaire,
    row: &ExportRow,
    pseudonym: String,
    figures: RecordFigures,
) -> Vec<String> {
    let flag = |b: bool| if b { "1".to_string() } else { "0".to_string() };
    let mut rec = vec![
        pseudonym,
        row.submitted_at.clone(),
        row.questionnaire_version.to_string(),
        flag(row.synthetic),
        row.flags.clone(),
        flag(row.held),
        row.language.clone(),
    ];
    rec.extend(
        q.dimensions()
            .map(|(d, _)| row.profile.get(d).cloned().unwrap_or_default()),
    );
    match figures {
        RecordFigures::Scores => rec.extend(
            row.scores
                .values()
                .map(|s| s.map(|v| format!("{v:.4}")).unwrap_or_default()),
        ),
        // Contact details are not in the stored answers, and have no column.
        RecordFigures::Answers(cells) => rec.extend(cells),
    }
    rec
}
