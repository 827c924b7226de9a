//! The email queue: messages a respondent asked for, until they are sent; and the
//! bounds on asking.
//!
//! An address is stored only here, only until its message is sent or given up,
//! and is deleted with the response it was asked from (the queue's rows cascade).
//! Nothing here is exported or logged. All methods block.
//!
//! Every request to queue a message is counted in `email_requests`, per report,
//! per client address and in all, over a sliding window, and refused past a
//! bound: the count and the queueing are one write of the single writer, in one
//! transaction, so parallel requests cannot slip past the bound, and a second
//! server on the same database counts the same rows. The table holds when, and
//! keyed hashes of the report and the client's address: no link, no address.

use std::time::Duration;

use rusqlite::OptionalExtension;
use rusqlite::types::Value as Sql;

use super::console::text;
use super::writer::{Outcome, Write};
use super::{Result, StorageError, Store, parse_json};
use crate::study::port::{NewEmail, QueuedEmail};
use crate::study::records::{EmailBound, EmailBounds, EmailKind, Queued};

/// A request to queue, as the writer runs it: the message and the keys it is
/// counted under. (Its `Debug` leaves the address out: a write may be logged.)
pub struct EmailAsk {
    response_id: String,
    team_id: Option<String>,
    kind: EmailKind,
    address: String,
    facts: String,
    due_at: String,
    report_key: String,
    client_key: String,
    asked_at_ms: i64,
    bounds: EmailBounds,
}

impl std::fmt::Debug for EmailAsk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmailAsk")
            .field("kind", &self.kind)
            .field("asked_at_ms", &self.asked_at_ms)
            .finish_non_exhaustive()
    }
}

/// The request that keeps `bound` at its `limit`: the `limit`-th newest one in
/// the window under `key` (every request for [`EmailBound::Total`]), if there
/// are that many.
fn at_bound(
    conn: &rusqlite::Connection,
    bound: EmailBound,
    key: &str,
    limit: u32,
) -> Result<Option<i64>> {
    let sql = match bound {
        EmailBound::Report => {
            "SELECT asked_at FROM email_requests WHERE report = ?1
             ORDER BY asked_at DESC LIMIT 1 OFFSET ?2"
        }
        EmailBound::Client => {
            "SELECT asked_at FROM email_requests WHERE client = ?1
             ORDER BY asked_at DESC LIMIT 1 OFFSET ?2"
        }
        // ?1 (the key) counts for nothing here.
        EmailBound::Total => {
            "SELECT asked_at FROM email_requests ORDER BY asked_at DESC LIMIT 1 OFFSET ?2"
        }
    };
    let offset = i64::from(limit.max(1) - 1);
    Ok(conn
        .prepare_cached(sql)?
        .query_row(rusqlite::params![key, offset], |r| r.get(0))
        .optional()?)
}

/// Counts a request against its bounds and, within them, queues its message
/// (replacing an earlier one of the same kind from the same report). Runs in
/// the writer's transaction.
pub(super) fn queue_within_bounds(conn: &rusqlite::Connection, ask: &EmailAsk) -> Result<Queued> {
    let window = i64::try_from(ask.bounds.window.as_millis()).unwrap_or(i64::MAX);
    let now = ask.asked_at_ms;
    conn.prepare_cached("DELETE FROM email_requests WHERE asked_at <= ?1")?
        .execute([now.saturating_sub(window)])?;
    let mut refused: Option<(EmailBound, i64)> = None;
    for (bound, limit, key) in [
        (EmailBound::Report, ask.bounds.per_report, &ask.report_key),
        (EmailBound::Client, ask.bounds.per_client, &ask.client_key),
        (EmailBound::Total, ask.bounds.total, &ask.report_key),
    ] {
        if limit == 0 {
            continue;
        }
        if let Some(asked_at) = at_bound(conn, bound, key, limit)? {
            // Accepted again once that request leaves the window.
            let wait = asked_at.saturating_add(window).saturating_sub(now);
            if refused.is_none_or(|(_, longest)| wait > longest) {
                refused = Some((bound, wait));
            }
        }
    }
    if let Some((bound, wait)) = refused {
        let wait = Duration::from_millis(u64::try_from(wait).unwrap_or(0));
        return Ok(Queued::Refused {
            bound,
            wait: wait.max(Duration::from_secs(1)),
        });
    }
    conn.prepare_cached(
        "INSERT INTO email_requests (asked_at, report, client) VALUES (?1, ?2, ?3)",
    )?
    .execute(rusqlite::params![now, ask.report_key, ask.client_key])?;
    conn.prepare_cached("DELETE FROM email_queue WHERE response_id = ?1 AND kind = ?2")?
        .execute(rusqlite::params![ask.response_id, ask.kind.key()])?;
    conn.prepare_cached(
        "INSERT INTO email_queue (response_id, team_id, kind, address, facts, due_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(rusqlite::params![
        ask.response_id,
        ask.team_id,
        ask.kind.key(),
        ask.address,
        ask.facts,
        ask.due_at
    ])?;
    Ok(Queued::Queued)
}

impl Store {
    /// Queues a message if its request is within `bounds` (see the module's
    /// note). A second request of the same kind from the same response replaces
    /// the first, so asking twice sends once; both count against the bounds.
    pub fn queue_email(&self, email: &NewEmail, bounds: &EmailBounds) -> Result<Queued> {
        let ask = EmailAsk {
            response_id: email.response_id.clone(),
            team_id: email.team_id.clone(),
            kind: email.kind,
            address: email.address.clone(),
            facts: email.facts.to_string(),
            due_at: email.due_at.clone(),
            report_key: self.pseudonym(&email.response_id),
            // Keyed like a report, so that the table never holds an address.
            client_key: self.pseudonym(&format!(
                "client {}",
                email.client.as_deref().unwrap_or("unknown")
            )),
            asked_at_ms: email.asked_at_ms,
            bounds: *bounds,
        };
        match self
            .writer()
            .write_blocking(Write::QueueEmail(Box::new(ask)))?
        {
            Outcome::Email(queued) => Ok(queued),
            other => Err(StorageError::Corrupt(format!(
                "unexpected outcome {other:?}"
            ))),
        }
    }

    /// Messages due at `now`: report links and reminders whose time has come, and
    /// team-ready messages of teams whose current wave has `ready_at` counted
    /// members (held responses count toward nothing).
    pub fn due_emails(&self, now: &str, ready_at: usize, limit: usize) -> Result<Vec<QueuedEmail>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT q.id, q.kind, q.address, q.facts, q.attempts FROM email_queue q
                 WHERE q.due_at <= ?1 AND (q.kind <> 'team_ready' OR (
                     SELECT COUNT(*) FROM team_members m JOIN teams t ON t.id = m.team_id
                     JOIN responses r ON r.id = m.response_id
                     WHERE t.id = q.team_id AND m.wave = t.wave AND r.held = 0
                       AND m.counted_order IS NOT NULL) >= ?2)
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
