//! Personal data on request: finding a respondent's responses and unfinished
//! questionnaires by link, email or company, deleting them so that nothing is
//! left in any database file, expiring unfinished questionnaires, and the
//! deletion log (who deleted which pseudonymous id when, never the content).

use rusqlite::OptionalExtension;
use rusqlite::types::Value as Sql;

use super::console::{EXPORT_COLUMNS, complete_row, export_row_columns, text};
use super::writer::{Outcome, Write};
use super::{MAX_FOUND, mask_email};
use super::{Result, StorageError, Store};
use crate::study::port::ExportRow;
use crate::study::records::{Found, FoundKind};

/// Contact details as stored: a JSON object of item id -> text. The items are
/// named by the questionnaire; the search looks for the usual ids.
const EMAIL_KEY: &str = "$.contact_email";
const COMPANY_KEY: &str = "$.contact_company";

impl Store {
    /// Responses and unfinished questionnaires for a deletion request: by report
    /// or resume id, by email (exact, any case) or by company (any case, part of
    /// the name). Blocking.
    pub fn find_for_deletion(&self, ids: &[String], words: &str) -> Result<Vec<Found>> {
        let words = words.trim();
        self.read(|conn| {
            let mut found = Vec::new();
            let mut push = |row: (String, String, Option<String>, Option<String>), kind| {
                if found.len() < MAX_FOUND && !found.iter().any(|f: &Found| f.id == row.0) {
                    found.push(Found {
                        id: row.0,
                        kind,
                        at: row.1,
                        company: row.2,
                        email: row.3.as_deref().map(mask_email),
                    });
                }
            };
            let by_response = |r: &rusqlite::Row<'_>| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            };
            for id in ids {
                let response = conn
                    .prepare_cached(
                        "SELECT id, submitted_at, json_extract(contact, ?2), json_extract(contact, ?3)
                         FROM responses WHERE id = ?1
                            OR id = (SELECT response_id FROM drafts WHERE id = ?1)",
                    )?
                    .query_row(
                        rusqlite::params![id, COMPANY_KEY, EMAIL_KEY],
                        by_response,
                    )
                    .optional()?;
                if let Some(row) = response {
                    push(row, FoundKind::Response);
                    continue;
                }
                let draft = conn
                    .prepare_cached(
                        "SELECT id, updated_at, json_extract(answers, ?2), json_extract(answers, ?3)
                         FROM drafts WHERE id = ?1 AND response_id IS NULL",
                    )?
                    .query_row(
                        rusqlite::params![id, COMPANY_KEY, EMAIL_KEY],
                        by_response,
                    )
                    .optional()?;
                if let Some(row) = draft {
                    push(row, FoundKind::Draft);
                }
            }
            if words.chars().count() >= 3 {
                let (email, company) = if words.contains('@') {
                    (words.to_lowercase(), String::new())
                } else {
                    (String::new(), words.to_lowercase())
                };
                for (sql, kind) in [
                    (
                        "SELECT id, submitted_at, json_extract(contact, ?3), json_extract(contact, ?4)
                         FROM responses WHERE contact IS NOT NULL AND (
                             lower(json_extract(contact, ?4)) = ?1
                             OR (?2 <> '' AND instr(lower(json_extract(contact, ?3)), ?2) > 0))
                         ORDER BY submitted_at DESC LIMIT 50",
                        FoundKind::Response,
                    ),
                    (
                        "SELECT id, updated_at, json_extract(answers, ?3), json_extract(answers, ?4)
                         FROM drafts WHERE response_id IS NULL AND (
                             lower(json_extract(answers, ?4)) = ?1
                             OR (?2 <> '' AND instr(lower(json_extract(answers, ?3)), ?2) > 0))
                         ORDER BY updated_at DESC LIMIT 50",
                        FoundKind::Draft,
                    ),
                ] {
                    let mut stmt = conn.prepare_cached(sql)?;
                    let rows = stmt.query_map(
                        rusqlite::params![email, company, COMPANY_KEY, EMAIL_KEY],
                        by_response,
                    )?;
                    for row in rows {
                        push(row?, kind);
                    }
                }
            }
            Ok(found)
        })
    }

    /// The stored figures of one response (scores, profile, numbers, flags), as
    /// the peer index was built from them, with its questionnaire id. Blocking.
    pub fn response_row(&self, id: &str) -> Result<Option<(String, ExportRow)>> {
        let catalogue = self.catalogue()?;
        let raw = self.read(|conn| {
            Ok(conn
                .prepare_cached(&format!(
                    "SELECT {EXPORT_COLUMNS} FROM responses WHERE id = ?1"
                ))?
                .query_row([id], export_row_columns)
                .optional()?)
        })?;
        raw.map(|raw| complete_row(&catalogue, raw, false))
            .transpose()
    }

    /// Deletes a response, the questionnaire it was filled in, and every
    /// unsubmitted questionnaire started from it ("assess again" copies its name
    /// and company); its queued emails go with it (the queue's rows cascade).
    /// Logs the deletion under its pseudonym, and truncates the write-ahead log
    /// before returning: nothing of it is left in any database file. Returns
    /// whether it existed. Blocking.
    pub fn erase_response(&self, id: &str, operator: &str, now: &str) -> Result<bool> {
        self.erase(
            vec![
                // Before the response: its deletion unlinks these drafts from it.
                (
                    "DELETE FROM drafts WHERE response_id IS NULL
                       AND id IN (SELECT draft_id FROM draft_links WHERE previous_id = ?1)",
                    vec![text(id)],
                ),
                ("DELETE FROM drafts WHERE response_id = ?1", vec![text(id)]),
                ("DELETE FROM responses WHERE id = ?1", vec![text(id)]),
            ],
            "response",
            id,
            operator,
            now,
        )
    }

    /// Deletes an unfinished questionnaire, as [`Store::erase_response`]. Blocking.
    pub fn erase_draft(&self, id: &str, operator: &str, now: &str) -> Result<bool> {
        self.erase(
            vec![(
                "DELETE FROM drafts WHERE id = ?1 AND response_id IS NULL",
                vec![text(id)],
            )],
            "draft",
            id,
            operator,
            now,
        )
    }

    fn erase(
        &self,
        mut statements: Vec<(&'static str, Vec<Sql>)>,
        kind: &str,
        id: &str,
        operator: &str,
        now: &str,
    ) -> Result<bool> {
        // Logged only if something was deleted: the insert reads `changes()` of
        // the statement before it.
        statements.push((
            "INSERT INTO deletion_log (deleted_at, operator, kind, pseudonym)
             SELECT ?1, ?2, ?3, ?4 WHERE changes() > 0",
            vec![
                text(now),
                text(operator),
                text(kind),
                text(&self.pseudonym(id)),
            ],
        ));
        match self.writer().write_blocking(Write::Erase(statements))? {
            Outcome::Executed(n) => Ok(n > 0),
            other => Err(StorageError::Corrupt(format!(
                "unexpected outcome {other:?}"
            ))),
        }
    }

    /// Deletes questionnaires left unfinished since before `saved_before`; returns
    /// how many. Blocking.
    pub fn expire_drafts(&self, saved_before: &str) -> Result<usize> {
        match self.writer().write_blocking(Write::Erase(vec![(
            "DELETE FROM drafts WHERE response_id IS NULL AND updated_at < ?1",
            vec![text(saved_before)],
        )]))? {
            Outcome::Executed(n) => Ok(n),
            other => Err(StorageError::Corrupt(format!(
                "unexpected outcome {other:?}"
            ))),
        }
    }

    /// The deletion log, newest first: (deleted at, operator, kind, pseudonym).
    /// Blocking.
    pub fn deletion_log(&self, limit: usize) -> Result<Vec<(String, String, String, String)>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT deleted_at, operator, kind, pseudonym FROM deletion_log
                 ORDER BY rowid DESC LIMIT ?1",
            )?;
            let rows = stmt.query_map([limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Responses held out of peer figures, newest first. Blocking.
    pub fn held_responses(&self, limit: usize) -> Result<Vec<(String, String, String)>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT id, submitted_at, flags FROM responses WHERE held = 1
                 ORDER BY submitted_at DESC LIMIT ?1",
            )?;
            let rows = stmt.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Accepts a held response into the peer figures, and into its team's
    /// figures after every member counted so far; false if it was not held.
    /// Blocking.
    pub fn accept_response(&self, id: &str) -> Result<bool> {
        let changed = self.writer().write_blocking(Write::ExecuteAll(vec![
            (
                "UPDATE responses SET held = 0 WHERE id = ?1 AND held = 1",
                vec![text(id)],
            ),
            (
                "UPDATE team_members SET counted_order =
                     (SELECT COALESCE(MAX(m.counted_order), 0) + 1 FROM team_members m
                      WHERE m.team_id = team_members.team_id)
                 WHERE response_id = ?1 AND counted_order IS NULL AND changes() = 1",
                vec![text(id)],
            ),
        ]))?;
        match changed {
            Outcome::Executed(n) => Ok(n >= 1),
            other => Err(StorageError::Corrupt(format!(
                "unexpected outcome {other:?}"
            ))),
        }
    }
}
