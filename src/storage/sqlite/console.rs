//! What the operator console stores and reads: operators, sessions, participation
//! figures, response summaries, streamed exports and deletion.

use std::collections::BTreeMap;

use rusqlite::types::Value as Sql;
use rusqlite::{OptionalExtension, params};

use super::compact::{answer_texts, decode_answers, decode_peer_numbers};
use super::responses::version_of;
use super::writer::{Outcome, Write};
use super::{Result, StorageError, Store, sha256_hex};
use crate::domain::Catalogue;
use crate::domain::comparison::{choices_of, profile_of_choices};
use crate::domain::peer::{PeerRecord, PerIndex};
use crate::domain::velocity::CompanyNumbers;
use crate::study::port::ExportRow;
use crate::study::read_stored_answers;
use crate::study::records::{Participation, Session};

pub(super) fn text(s: &str) -> Sql {
    Sql::Text(s.to_string())
}

impl Store {
    pub(super) fn execute(&self, sql: &'static str, params: Vec<Sql>) -> Result<usize> {
        match self
            .writer()
            .write_blocking(Write::Execute { sql, params })?
        {
            Outcome::Executed(n) => Ok(n),
            other => Err(StorageError::Corrupt(format!(
                "unexpected outcome {other:?}"
            ))),
        }
    }

    /// Adds an operator; false if the name is taken. Blocking.
    pub fn add_operator(&self, name: &str, password_hash: &str, now: &str) -> Result<bool> {
        Ok(self.execute(
            "INSERT OR IGNORE INTO operators (name, password_hash, created_at) VALUES (?1, ?2, ?3)",
            vec![text(name), text(password_hash), text(now)],
        )? == 1)
    }

    /// Removes an operator and their sessions; false if there was none. Blocking.
    pub fn remove_operator(&self, name: &str) -> Result<bool> {
        match self.writer().write_blocking(Write::ExecuteAll(vec![
            ("DELETE FROM sessions WHERE operator = ?1", vec![text(name)]),
            ("DELETE FROM operators WHERE name = ?1", vec![text(name)]),
        ]))? {
            Outcome::Executed(n) => Ok(n > 0),
            other => Err(StorageError::Corrupt(format!(
                "unexpected outcome {other:?}"
            ))),
        }
    }

    /// Operator names and when they were added. Blocking.
    pub fn operators(&self) -> Result<Vec<(String, String)>> {
        self.read(|conn| {
            let mut stmt = conn.prepare("SELECT name, created_at FROM operators ORDER BY name")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// An operator's password hash. Blocking.
    pub fn operator_hash(&self, name: &str) -> Result<Option<String>> {
        self.read(|conn| {
            Ok(conn
                .query_row(
                    "SELECT password_hash FROM operators WHERE name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?)
        })
    }

    /// Starts a session. Only the SHA-256 of its id is stored, so a copy of the
    /// database opens no session. Blocking.
    pub fn create_session(&self, id: &str, operator: &str, csrf: &str, now: &str) -> Result<()> {
        self.execute(
            "INSERT INTO sessions (id, operator, csrf_token, created_at, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)",
            vec![text(&sha256_hex(id)), text(operator), text(csrf), text(now)],
        )?;
        Ok(())
    }

    /// A session by id. Blocking.
    pub fn session(&self, id: &str) -> Result<Option<Session>> {
        self.read(|conn| {
            Ok(conn
                .query_row(
                    "SELECT operator, csrf_token, created_at, last_seen FROM sessions WHERE id = ?1",
                    [sha256_hex(id)],
                    |r| {
                        Ok(Session {
                            operator: r.get(0)?,
                            csrf_token: r.get(1)?,
                            created_at: r.get(2)?,
                            last_seen: r.get(3)?,
                        })
                    },
                )
                .optional()?)
        })
    }

    /// Marks a session as used now. Blocking.
    pub fn touch_session(&self, id: &str, now: &str) -> Result<()> {
        self.execute(
            "UPDATE sessions SET last_seen = ?2 WHERE id = ?1",
            vec![text(&sha256_hex(id)), text(now)],
        )?;
        Ok(())
    }

    /// Ends a session; also removes sessions idle since before `idle_before` or
    /// started before `started_before`. Blocking.
    pub fn end_session(&self, id: &str, idle_before: &str, started_before: &str) -> Result<()> {
        self.writer().write_blocking(Write::ExecuteAll(vec![
            (
                "DELETE FROM sessions WHERE id = ?1",
                vec![text(&sha256_hex(id))],
            ),
            (
                "DELETE FROM sessions WHERE last_seen < ?1 OR created_at < ?2",
                vec![text(idle_before), text(started_before)],
            ),
        ]))?;
        Ok(())
    }

    /// Participation per questionnaire version. Blocking.
    pub fn participation(&self, questionnaire_id: &str) -> Result<Vec<Participation>> {
        self.read(|conn| {
            let mut by_version: BTreeMap<u32, Participation> = BTreeMap::new();
            let mut stmt = conn.prepare(
                "SELECT questionnaire_version, COUNT(*), COUNT(response_id) FROM drafts
                 WHERE questionnaire_id = ?1 GROUP BY questionnaire_version",
            )?;
            let rows = stmt.query_map([questionnaire_id], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            for row in rows {
                let (v, started, completed) = row?;
                let p = by_version.entry(v).or_default();
                p.started = started;
                p.completed_from_started = completed;
            }
            let mut stmt = conn.prepare(
                "SELECT questionnaire_version, synthetic, day, responses
                 FROM participation_days WHERE questionnaire_id = ?1",
            )?;
            let rows = stmt.query_map([questionnaire_id], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, bool>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?;
            for row in rows {
                let (v, synthetic, day, n) = row?;
                let p = by_version.entry(v).or_default();
                if synthetic {
                    p.synthetic += n;
                    *p.synthetic_per_day.entry(day).or_default() += n;
                } else {
                    p.completed += n;
                    *p.per_day.entry(day).or_default() += n;
                }
            }
            let mut stmt = conn.prepare(
                "SELECT questionnaire_version,
                        (julianday(submitted_at) - julianday(started_at)) * 86400.0
                 FROM responses INDEXED BY responses_durations
                 WHERE questionnaire_id = ?1 AND synthetic = 0 AND started_at IS NOT NULL",
            )?;
            let rows = stmt.query_map([questionnaire_id], |r| {
                Ok((r.get::<_, u32>(0)?, r.get::<_, Option<f64>>(1)?))
            })?;
            for row in rows {
                if let (v, Some(seconds)) = row? {
                    by_version.entry(v).or_default().durations.push(seconds);
                }
            }
            Ok(by_version
                .into_iter()
                .map(|(v, mut p)| {
                    p.questionnaire_version = v;
                    p
                })
                .collect())
        })
    }

    /// Up to `limit` responses after `after_rowid`, in storage order: the unit of a
    /// streamed export. Contact details are never read. Blocking.
    ///
    /// # Errors
    /// When the rows cannot be read, or one's questionnaire version is not in
    /// the catalogue.
    pub fn export_rows(
        &self,
        questionnaire_id: &str,
        after: i64,
        limit: usize,
        with_answers: bool,
    ) -> Result<Vec<ExportRow>> {
        let catalogue = self.catalogue()?;
        let rows = self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {EXPORT_COLUMNS} FROM responses WHERE questionnaire_id = ?1 AND rowid > ?2
                 ORDER BY rowid LIMIT ?3"
            ))?;
            let rows = stmt.query_map(
                params![questionnaire_id, after, limit as i64],
                export_row_columns,
            )?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        rows.into_iter()
            .map(|row| complete_row(&catalogue, row, with_answers).map(|(_, row)| row))
            .collect()
    }
}

/// The columns every query for [`ExportRow`]s starts with, in this order.
pub(super) const EXPORT_COLUMNS: &str = "rowid, id, submitted_at, questionnaire_version, synthetic,
    choices, answers, overall, value, number, win_rate, sales_cycle, personal, flags, held,
    peer_numbers, questionnaire_id, language";

/// A row that starts with [`EXPORT_COLUMNS`], before it is decoded with its
/// questionnaire version.
pub(super) struct RawExportRow {
    row: ExportRow,
    questionnaire_id: String,
    choices: Option<Vec<u8>>,
    answers: String,
}

/// Reads the [`EXPORT_COLUMNS`] of a row.
pub(super) fn export_row_columns(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawExportRow> {
    let numbers: Option<Vec<u8>> = r.get(15)?;
    Ok(RawExportRow {
        row: ExportRow {
            position: r.get(0)?,
            id: r.get(1)?,
            submitted_at: r.get(2)?,
            questionnaire_version: r.get(3)?,
            synthetic: r.get(4)?,
            profile: BTreeMap::new(),
            choices: Vec::new(),
            answer_texts: Vec::new(),
            scores: PerIndex {
                overall: r.get(7)?,
                value: r.get(8)?,
                number: r.get(9)?,
                win_rate: r.get(10)?,
                sales_cycle: r.get(11)?,
                personal: r.get(12)?,
            },
            peer_numbers: decode_peer_numbers(numbers.as_deref().unwrap_or_default()),
            flags: r.get(13)?,
            held: r.get(14)?,
            // Responses from before languages were answered in English.
            language: r
                .get::<_, Option<String>>(17)?
                .unwrap_or_else(|| "en".to_string()),
        },
        choices: r.get(5)?,
        answers: r.get(6)?,
        questionnaire_id: r.get(16)?,
    })
}

/// Decodes a raw row with its own questionnaire version: the profile from the
/// choices, and the answers as export text when asked for. Returns the row's
/// questionnaire id beside it.
pub(super) fn complete_row(
    catalogue: &Catalogue,
    raw: RawExportRow,
    with_answers: bool,
) -> Result<(String, ExportRow)> {
    let RawExportRow {
        mut row,
        questionnaire_id,
        choices,
        answers,
    } = raw;
    let q = version_of(catalogue, &questionnaire_id, row.questionnaire_version)?;
    let choices = match choices {
        Some(c) => c,
        // A row not converted yet: its choices come from its keyed answers.
        None => {
            let json = decode_answers(q, &answers)?;
            let read = read_stored_answers(q, &json, &row.id);
            let numbers = CompanyNumbers::from_answers(q, &read);
            row.peer_numbers = PeerRecord::numbers_of(q, &numbers);
            choices_of(q, &read)
        }
    };
    row.profile = profile_of_choices(q, &choices);
    row.choices = choices;
    if with_answers {
        row.answer_texts = answer_texts(q, &answers)?;
    }
    Ok((questionnaire_id, row))
}
