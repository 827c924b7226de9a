//! The email queue: messages a respondent asked for, until they are sent.
//!
//! An address is stored only here, only until its message is sent or given up,
//! and is deleted with the response it was asked from (the queue's rows cascade).
//! Nothing here is exported or logged. All methods block.

use rusqlite::types::Value as Sql;

use super::console::text;
use super::{Result, Store, parse_json};
use crate::study::port::{NewEmail, QueuedEmail};
use crate::study::records::EmailKind;

impl Store {
    /// Queues a message. A second request of the same kind from the same
    /// response replaces the first, so asking twice sends once.
    pub fn queue_email(&self, email: &NewEmail) -> Result<()> {
        self.writer()
            .write_blocking(super::writer::Write::ExecuteAll(vec![
                (
                    "DELETE FROM email_queue WHERE response_id = ?1 AND kind = ?2",
                    vec![text(&email.response_id), text(email.kind.key())],
                ),
                (
                    "INSERT INTO email_queue (response_id, team_id, kind, address, facts, due_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    vec![
                        text(&email.response_id),
                        email.team_id.as_deref().map_or(Sql::Null, text),
                        text(email.kind.key()),
                        text(&email.address),
                        text(&email.facts.to_string()),
                        text(&email.due_at),
                    ],
                ),
            ]))?;
        Ok(())
    }

    /// Messages due at `now`: report links and reminders whose time has come, and
    /// team-ready messages of teams whose current wave has `ready_at` members.
    pub fn due_emails(&self, now: &str, ready_at: usize, limit: usize) -> Result<Vec<QueuedEmail>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT q.id, q.kind, q.address, q.facts, q.attempts FROM email_queue q
                 WHERE q.due_at <= ?1 AND (q.kind <> 'team_ready' OR (
                     SELECT COUNT(*) FROM team_members m JOIN teams t ON t.id = m.team_id
                     WHERE t.id = q.team_id AND m.wave = t.wave) >= ?2)
                 ORDER BY q.due_at LIMIT ?3",
            )?;
            let rows =
                stmt.query_map(rusqlite::params![now, ready_at as i64, limit as i64], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, u32>(4)?,
                    ))
                })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, kind, address, facts, attempts) = row?;
                // A kind this version does not know is left for the one that does.
                let Some(kind) = EmailKind::from_key(&kind) else {
                    continue;
                };
                out.push(QueuedEmail {
                    id,
                    kind,
                    address,
                    facts: parse_json(&facts, "email facts")?,
                    attempts,
                });
            }
            Ok(out)
        })
    }

    /// Messages due at `now`, each put off until `lease_until` as it is handed
    /// out, so that it is not handed out again while it is being sent (one
    /// process serves an SQLite file, so one sender asks at a time).
    pub fn claim_due_emails(
        &self,
        now: &str,
        lease_until: &str,
        ready_at: usize,
        limit: usize,
    ) -> Result<Vec<QueuedEmail>> {
        let due = self.due_emails(now, ready_at, limit)?;
        if !due.is_empty() {
            let statements = due
                .iter()
                .map(|e| {
                    (
                        "UPDATE email_queue SET due_at = ?2 WHERE id = ?1",
                        vec![Sql::Integer(e.id), text(lease_until)],
                    )
                })
                .collect();
            self.writer()
                .write_blocking(super::writer::Write::ExecuteAll(statements))?;
        }
        Ok(due)
    }

    /// Forgets a message (sent, or given up): its address goes with it, as a
    /// deletion that leaves it in no database file.
    pub fn forget_email(&self, id: i64) -> Result<()> {
        self.writer()
            .write_blocking(super::writer::Write::Erase(vec![(
                "DELETE FROM email_queue WHERE id = ?1",
                vec![Sql::Integer(id)],
            )]))?;
        Ok(())
    }

    /// Puts a message off after a failed attempt.
    pub fn retry_email_at(&self, id: i64, due_at: &str) -> Result<()> {
        self.execute(
            "UPDATE email_queue SET attempts = attempts + 1, due_at = ?2 WHERE id = ?1",
            vec![Sql::Integer(id), text(due_at)],
        )?;
        Ok(())
    }

    /// Messages waiting, by kind (for tests and the console): no addresses.
    pub fn queued_email_count(&self, kind: EmailKind) -> Result<usize> {
        self.read(|conn| {
            Ok(conn.query_row(
                "SELECT COUNT(*) FROM email_queue WHERE kind = ?1",
                [kind.key()],
                |r| r.get::<_, i64>(0),
            )? as usize)
        })
    }
}
