//! Stored responses read back: one by id (its scorecard read back from what
//! scoring decided, by its own questionnaire version, without scoring again),
//! all of a study at start-up from their compact columns only, and the
//! one-time conversion of rows stored in an earlier form.

use crate::study::storage::language_of;
use std::sync::Arc;

use rusqlite::types::Value as Sql;
use rusqlite::{OptionalExtension, params};

use super::compact::{
    RowParts, StoredStanding, decode_answers, decode_peer_numbers, decode_standing, encode_answers,
    encode_peer_numbers, encode_scoring, encode_standing, read_back,
};
use super::{Result, StorageError, Store, connect, parse_json};
use crate::domain::Catalogue;
use crate::domain::comparison::choices_of;
use crate::domain::peer::{PeerRecord, PerIndex};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::score;
use crate::domain::velocity::CompanyNumbers;
use crate::study::port::LoadedResponse;
use crate::study::read_stored_answers;
use crate::study::records::{Contact, StoredResponse};

/// Rows converted per transaction: small enough that the writer is never kept
/// waiting long, large enough that the fsyncs do not dominate.
const CONVERT_BATCH: usize = 2_000;

/// A stored standing column, in either of its forms.
pub(super) fn standing_of(value: &Sql) -> Result<crate::domain::PeerStanding> {
    Ok(match value {
        Sql::Blob(bytes) => decode_standing(StoredStanding::Deflated(bytes))?,
        Sql::Text(text) => decode_standing(StoredStanding::Text(text))?,
        other => {
            return Err(StorageError::Corrupt(format!(
                "stored standing: unexpected {other:?}"
            )));
        }
    })
}

impl Store {
    pub(super) fn catalogue(&self) -> Result<Arc<Catalogue>> {
        self.catalogue.clone().ok_or(StorageError::NoCatalogue)
    }

    /// A submitted response by its report id, as it was submitted: its
    /// scorecard read back from the scores and what scoring decided, by its
    /// own questionnaire version. Blocking.
    ///
    /// # Errors
    /// When the row cannot be read, or its version is not in the catalogue.
    pub fn response(&self, id: &str) -> Result<Option<StoredResponse>> {
        let catalogue = self.catalogue()?;
        let row = self.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT id, questionnaire_id, questionnaire_version, submitted_at, synthetic,
                            answers, contact, standing, choices, scoring,
                            overall, value, number, win_rate, sales_cycle, personal, language
                     FROM responses WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    Ok((
                        (
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, u32>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, bool>(4)?,
                        ),
                        (
                            r.get::<_, String>(5)?,
                            r.get::<_, Option<String>>(6)?,
                            r.get::<_, Sql>(7)?,
                            r.get::<_, Option<Vec<u8>>>(8)?,
                            r.get::<_, Option<String>>(9)?,
                        ),
                        PerIndex {
                            overall: r.get(10)?,
                            value: r.get(11)?,
                            number: r.get(12)?,
                            win_rate: r.get(13)?,
                            sales_cycle: r.get(14)?,
                            personal: r.get(15)?,
                        },
                        r.get::<_, Option<String>>(16)?,
                    ))
                })
                .optional()?)
        })?;
        let Some((
            (id, qid, version, submitted_at, synthetic),
            (answers, contact, standing, choices, scoring),
            scores,
            language,
        )) = row
        else {
            return Ok(None);
        };
        let q = version_of(&catalogue, &qid, version)?;
        let contact: Contact = match contact {
            Some(c) => parse_json(&c, "contact")?,
            None => Contact::new(),
        };
        let stored = read_back(
            q,
            RowParts {
                id,
                submitted_at,
                synthetic,
                answers: &answers,
                contact,
                standing: standing_of(&standing)?,
                choices: choices.as_deref(),
                scoring: scoring.as_deref(),
                scores,
                language: super::super::language_of(language.as_deref()),
            },
        );
        stored
            .map(Some)
            .map_err(|e| StorageError::from(e).in_file(self.path()))
    }

    /// Calls `each` with every response of a questionnaire id, in storage order,
    /// from the compact columns alone. Blocking: holds one read connection
    /// throughout.
    ///
    /// # Errors
    /// When the rows cannot be read.
    pub fn each_response(
        &self,
        questionnaire_id: &str,
        mut each: impl FnMut(LoadedResponse) -> Result<()>,
    ) -> Result<()> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT id, submitted_at, questionnaire_version, synthetic, choices, peer_numbers,
                        overall, value, number, win_rate, sales_cycle, personal, held, language
                 FROM responses WHERE questionnaire_id = ?1 ORDER BY seq",
            )?;
            let mut rows = stmt.query([questionnaire_id])?;
            while let Some(r) = rows.next()? {
                let choices: Option<Vec<u8>> = r.get(4)?;
                let numbers: Option<Vec<u8>> = r.get(5)?;
                each(LoadedResponse {
                    id: r.get(0)?,
                    submitted_at: r.get(1)?,
                    questionnaire_version: r.get(2)?,
                    synthetic: r.get(3)?,
                    // Only rows not yet converted lack them; the study converts
                    // every row before it loads.
                    choices: choices.ok_or_else(|| {
                        StorageError::Corrupt("a response still in the old form".into())
                    })?,
                    peer_numbers: decode_peer_numbers(numbers.as_deref().unwrap_or_default()),
                    scores: PerIndex {
                        overall: r.get(6)?,
                        value: r.get(7)?,
                        number: r.get(8)?,
                        win_rate: r.get(9)?,
                        sales_cycle: r.get(10)?,
                        personal: r.get(11)?,
                    },
                    held: r.get(12)?,
                    language: language_of(r.get::<_, Option<String>>(13)?.as_deref()),
                })?;
            }
            Ok(())
        })
    }

    /// Every (questionnaire id, version) that has stored responses, from the
    /// participation counts (a few rows, not every response). Blocking.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn stored_versions(&self) -> Result<Vec<(String, u32)>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT DISTINCT questionnaire_id, questionnaire_version FROM participation_days",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Converts responses stored in an earlier form, in batches, each batch one
    /// transaction; returns how many. Rows from before the compact form
    /// (answers keyed by item id, a JSON standing, no choices) and rows a
    /// migration marked (choices cleared: company numbers stored before the
    /// rule on decided deals) are rewritten whole; rows without a scoring
    /// record are scored once, for the last time. Afterwards the file is compacted if old rows were rewritten, since
    /// their space is free. Blocking; run before the study loads.
    ///
    /// # Errors
    /// When a row's questionnaire version is not in the catalogue (nothing of
    /// that batch is written), or the database cannot be written.
    pub fn convert_old_rows(&self) -> Result<usize> {
        let catalogue = self.catalogue()?;
        let mut conn = connect(self.path()).map_err(|e| e.in_file(self.path()))?;
        let mut converted = 0;
        let mut rewritten = false;
        loop {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let batch: Vec<(i64, String, String, u32, String, Sql, bool)> = {
                let mut stmt = tx.prepare(
                    "SELECT seq, id, questionnaire_id, questionnaire_version, answers, standing,
                            choices IS NULL
                     FROM responses WHERE choices IS NULL OR scoring IS NULL ORDER BY seq LIMIT ?1",
                )?;
                stmt.query_map([CONVERT_BATCH as i64], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?
            };
            if batch.is_empty() {
                break;
            }
            {
                let mut rewrite = tx.prepare(
                    "UPDATE responses SET answers = ?2, choices = ?3, peer_numbers = ?4,
                         standing = ?5, scoring = ?6 WHERE seq = ?1",
                )?;
                let mut add_scoring =
                    tx.prepare("UPDATE responses SET scoring = ?2 WHERE seq = ?1")?;
                for (seq, id, qid, version, answers, standing, old_form) in &batch {
                    let q = version_of(&catalogue, qid, *version)?;
                    let json = decode_answers(q, answers)?;
                    let read = read_stored_answers(q, &json, id);
                    let scoring = encode_scoring(&score(q, &read).record(q));
                    if *old_form {
                        // Re-serialised through the standing's type, so it comes
                        // out in the form this build writes.
                        let standing = encode_standing(&standing_of(standing)?)?;
                        let numbers = CompanyNumbers::from_answers(q, &read);
                        rewrite.execute(params![
                            seq,
                            encode_answers(q, &read),
                            choices_of(q, &read),
                            encode_peer_numbers(&PeerRecord::numbers_of(q, &numbers)),
                            standing,
                            scoring
                        ])?;
                        rewritten = true;
                    } else {
                        add_scoring.execute(params![seq, scoring])?;
                    }
                }
            }
            tx.commit()?;
            converted += batch.len();
            tracing::info!(converted, "stored responses converted");
        }
        if rewritten {
            conn.execute_batch("VACUUM")?;
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(converted)
    }
}

/// The questionnaire version a response was answered with.
///
/// # Errors
/// `MissingVersion` when the catalogue does not have it.
pub fn version_of<'c>(
    catalogue: &'c Catalogue,
    id: &str,
    version: u32,
) -> Result<&'c Questionnaire> {
    catalogue
        .get(id, version)
        .ok_or_else(|| StorageError::MissingVersion {
            id: id.to_string(),
            version,
        })
}
