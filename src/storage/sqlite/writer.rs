//! The single writer thread, with group commit.
//!
//! Every write is a job sent to one thread that owns the only writing connection.
//! The thread takes whatever jobs are waiting (up to [`MAX_BATCH`]), runs each inside
//! its own savepoint of one transaction, commits once, and only then answers each
//! job. So an acknowledged write is durable, one job's failure does not undo
//! another's, and under load one fsync serves a whole batch.
//!
//! The write-ahead log is copied into the database file by a thread of its own
//! ([`CHECKPOINT_EVERY`]), not by the writer at whichever commit crosses the
//! log's size limit: that copy and its fsync would otherwise stall every
//! submission waiting behind it.
//!
//! Under sustained writes that thread never quite catches up (the writer adds
//! frames while it copies), and SQLite only starts the log over from its
//! beginning once every frame is copied: the log would grow without end, and
//! every commit would extend the file instead of overwriting it. So when the
//! log passes [`LOG_RESTART_FRAMES`], the checkpoint thread asks the writer to
//! copy the last few frames itself, between two batches; the next commit then
//! starts the log over.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;

use rusqlite::{Connection, OptionalExtension, params};
use tokio::sync::oneshot;

use super::integrity::Damage;
use super::{Result, StorageError, SubmitOutcome};
use crate::domain::peer::PerIndex;

/// The most jobs committed in one transaction.
pub const MAX_BATCH: usize = 512;

/// How often the checkpoint thread copies the write-ahead log into the database:
/// often, so that what is left for the writer to copy (see
/// [`LOG_RESTART_FRAMES`]) is a few milliseconds' worth of frames.
pub const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(50);

/// The log size, in frames (pages), past which the writer finishes a
/// checkpoint so that the log starts over: about 32 MB of 4 KB pages.
pub const LOG_RESTART_FRAMES: i64 = 8_192;

/// A response encoded as its row (see `compact`), ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseRow {
    /// The report id (UUIDv4).
    pub id: String,
    /// The draft it was submitted from, if any: a draft is submitted at most once.
    pub draft_id: Option<String>,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub started_at: Option<String>,
    pub submitted_at: String,
    pub synthetic: bool,
    /// The answers in compact form (see `storage::compact`), without contact.
    pub answers: String,
    /// One byte per item (see `comparison::choices_of`).
    pub choices: Vec<u8>,
    /// The company numbers the peer index holds (see `compact::encode_peer_numbers`).
    pub peer_numbers: Vec<u8>,
    /// Contact details, JSON.
    pub contact: Option<String>,
    /// The frozen standing (see `compact::encode_standing`).
    pub standing: Vec<u8>,
    /// overall, value, number, win_rate, sales_cycle, personal.
    pub scores: PerIndex<Option<f64>>,
    /// Data-quality flags, comma-separated (empty: none).
    pub flags: String,
    /// Held out of peer figures until an operator accepts it.
    pub held: bool,
    /// What scoring decided (see `compact::encode_scoring`).
    pub scoring: String,
    /// The language it was answered in (a code).
    pub language: String,
}

/// One write.
#[derive(Debug)]
pub enum Write {
    CreateDraft {
        id: String,
        questionnaire_id: String,
        questionnaire_version: u32,
        now: String,
    },
    /// Saves a draft's answers and page; does nothing to a submitted draft.
    SaveDraft {
        id: String,
        answers: String,
        page: usize,
        now: String,
        language: String,
    },
    Submit(Box<ResponseRow>),
    /// Any other statement (operators, sessions, deletion): the rows it changed.
    Execute {
        sql: &'static str,
        params: Vec<rusqlite::types::Value>,
    },
    /// Several statements that stand or fall together.
    ExecuteAll(Vec<(&'static str, Vec<rusqlite::types::Value>)>),
    /// A request to queue an email, counted against its bounds and queued only
    /// within them (see `storage::email`).
    QueueEmail(Box<super::email::EmailAsk>),
    /// Statements that delete personal data: as `ExecuteAll`, and once committed
    /// the write-ahead log is checkpointed and truncated before the answer, so the
    /// deleted rows are left in no file.
    Erase(Vec<(&'static str, Vec<rusqlite::types::Value>)>),
}

impl Write {
    fn erases(&self) -> bool {
        matches!(self, Write::Erase(_))
    }
}

/// The result of one write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    DraftCreated,
    /// Whether a draft was saved (false: unknown or already submitted).
    DraftSaved(bool),
    Submitted(SubmitOutcome),
    /// Rows changed.
    Executed(usize),
    /// A request to queue an email: queued, or refused past a bound.
    Email(crate::study::records::Queued),
}

struct Job {
    write: Write,
    reply: oneshot::Sender<Result<Outcome>>,
}

/// The handle to the writer thread. Cheap to share; the thread stops when the last
/// handle is dropped.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
    /// Once the file is found damaged, writes are refused before they are sent.
    damage: Damage,
    file: PathBuf,
}

impl Writer {
    /// Starts the writer thread on a migrated connection; it refuses every write
    /// once `damage` is set, and sets it when SQLite finds a damaged page.
    ///
    /// # Errors
    /// When the thread cannot be spawned.
    pub fn start(conn: Connection, damage: Damage) -> Result<Writer> {
        Writer::start_restarting_at(conn, LOG_RESTART_FRAMES, damage)
    }

    /// As [`Writer::start`], with the log started over past `restart_frames`.
    fn start_restarting_at(
        conn: Connection,
        restart_frames: i64,
        damage: Damage,
    ) -> Result<Writer> {
        let (jobs, inbox) = mpsc::channel::<Job>();
        // Errors name the file, so that "disk full" says which disk.
        let file = PathBuf::from(conn.path().unwrap_or_default());
        // The checkpoint thread stops when the writer does: it holds the other
        // end of this channel.
        let (writer_alive, writer_gone) = mpsc::channel::<()>();
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let checkpoint_conn = super::connect(&file)?;
        let catch_up = Arc::new(AtomicBool::new(false));
        let asks = Arc::clone(&catch_up);
        let writer = Writer {
            jobs,
            damage: damage.clone(),
            file: file.clone(),
        };
        thread::Builder::new()
            .name("db-checkpoint".into())
            .spawn(move || checkpoint(&checkpoint_conn, &writer_gone, &asks, restart_frames))
            .map_err(|e| StorageError::Corrupt(format!("cannot start the checkpointer: {e}")))?;
        thread::Builder::new()
            .name("db-writer".into())
            .spawn(move || {
                run(conn, inbox, &file, &catch_up, &damage);
                drop(writer_alive);
            })
            .map_err(|e| StorageError::Corrupt(format!("cannot start the writer: {e}")))?;
        Ok(writer)
    }

    fn send(&self, write: Write) -> Result<oneshot::Receiver<Result<Outcome>>> {
        if let Some(damaged) = self.damage.error(&self.file) {
            return Err(damaged);
        }
        let (reply, receiver) = oneshot::channel();
        self.jobs
            .send(Job { write, reply })
            .map_err(|_| StorageError::WriterStopped)?;
        Ok(receiver)
    }

    /// Performs a write and waits, without blocking the executor, until it is
    /// committed.
    ///
    /// # Errors
    /// The write's own error, or `WriterStopped`.
    pub async fn write(&self, write: Write) -> Result<Outcome> {
        self.send(write)?
            .await
            .map_err(|_| StorageError::WriterStopped)?
    }

    /// Performs a write and blocks until it is committed. Not for use on the async
    /// executor.
    ///
    /// # Errors
    /// As [`Writer::write`].
    pub fn write_blocking(&self, write: Write) -> Result<Outcome> {
        self.send(write)?
            .blocking_recv()
            .map_err(|_| StorageError::WriterStopped)?
    }

    /// Sends many writes, then waits for all: they share transactions.
    ///
    /// # Errors
    /// The first write's error, or `WriterStopped`.
    pub fn write_all_blocking(&self, writes: Vec<Write>) -> Result<Vec<Outcome>> {
        let receivers: Vec<_> = writes
            .into_iter()
            .map(|w| self.send(w))
            .collect::<Result<_>>()?;
        receivers
            .into_iter()
            .map(|r| r.blocking_recv().map_err(|_| StorageError::WriterStopped)?)
            .collect()
    }
}

fn run(
    mut conn: Connection,
    inbox: mpsc::Receiver<Job>,
    file: &Path,
    catch_up: &AtomicBool,
    damage: &Damage,
) {
    while let Ok(first) = inbox.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match inbox.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        // Found damaged since these were sent: none of them is written.
        if damage.problem().is_some() {
            for job in batch {
                let _ = job.reply.send(
                    damage
                        .error(file)
                        .map_or(Err(StorageError::WriterStopped), Err),
                );
            }
            continue;
        }
        let started = std::time::Instant::now();
        let results = commit_batch(&mut conn, &batch, file, damage);
        if batch.iter().any(|job| job.write.erases()) {
            truncate_log(&conn);
        }
        tracing::debug!(
            jobs = batch.len(),
            micros = started.elapsed().as_micros() as u64,
            "batch committed"
        );
        for (job, result) in batch.into_iter().zip(results) {
            // The requester may have gone away (client disconnected): the write
            // stands all the same.
            let _ = job.reply.send(result.map_err(|e| e.in_file(file)));
        }
        if catch_up.swap(false, Ordering::Relaxed) {
            finish_checkpoint(&conn);
        }
    }
}

/// Copies the frames the checkpoint thread has not reached yet, with no write
/// in progress, so that the next commit starts the log over. Only the frames
/// written during the last round are left to copy: a short pause.
fn finish_checkpoint(conn: &Connection) {
    let started = std::time::Instant::now();
    match conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
        Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
    }) {
        Ok((log, copied)) => tracing::debug!(
            log,
            copied,
            micros = started.elapsed().as_micros() as u64,
            "checkpoint finished by the writer"
        ),
        Err(e) => tracing::warn!(error = %e, "the write-ahead log could not be checkpointed"),
    }
}

/// Copies committed pages from the write-ahead log into the database file every
/// [`CHECKPOINT_EVERY`], without waiting for readers or the writer (pages still
/// read stay in the log until the next round), until the writer stops. Asks the
/// writer to finish the copy once the log is longer than `restart_frames`.
fn checkpoint(
    conn: &Connection,
    writer_gone: &mpsc::Receiver<()>,
    catch_up: &AtomicBool,
    restart_frames: i64,
) {
    while let Err(mpsc::RecvTimeoutError::Timeout) = writer_gone.recv_timeout(CHECKPOINT_EVERY) {
        match conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get::<_, i64>(1)) {
            Ok(frames) if frames > restart_frames => catch_up.store(true, Ordering::Relaxed),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "the write-ahead log could not be checkpointed"),
        }
    }
}

/// Copies every committed page from the write-ahead log into the database file
/// and empties the log, so that deleted content survives in neither (deleted
/// cells in the main file are zeroed by `secure_delete`). Waits for readers.
fn truncate_log(conn: &Connection) {
    // A reader (a page being served, the background integrity check) can hold
    // the log for a moment; deleted content must not stay in it, so ask again
    // for up to about two seconds: deletions are rare, the wait is the writer's.
    for attempt in 0..40u64 {
        let result = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            r.get::<_, i64>(0)
        });
        match result {
            Ok(0) => return,
            Ok(_) => std::thread::sleep(std::time::Duration::from_millis(10 + attempt * 2)),
            Err(e) => {
                tracing::error!(error = %e, "the write-ahead log could not be truncated");
                return;
            }
        }
    }
    tracing::warn!("the write-ahead log could not be truncated: readers stayed busy");
}

/// Runs a batch in one transaction, each job in a savepoint; returns one result per
/// job. If the commit itself fails, every job fails.
fn commit_batch(
    conn: &mut Connection,
    batch: &[Job],
    file: &Path,
    damage: &Damage,
) -> Vec<Result<Outcome>> {
    let mut tx = match conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => {
            damage.note(file, &e);
            return fail_all(batch, &e, file);
        }
    };
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        let result = match tx.savepoint() {
            Ok(mut sp) => match apply(&sp, &job.write) {
                Ok(outcome) => sp.commit().map(|()| outcome).map_err(StorageError::from),
                Err(e) => {
                    let _ = sp.rollback();
                    Err(e)
                }
            },
            Err(e) => Err(e.into()),
        };
        results.push(result.map_err(|e| {
            if let StorageError::Sqlite(inner) = &e {
                damage.note(file, inner);
            }
            e.in_file(file)
        }));
    }
    match tx.commit() {
        Ok(()) => results,
        Err(e) => {
            damage.note(file, &e);
            // A full disk can end the transaction itself (SQLite rolls it back),
            // and the commit then fails for want of one: the disk is then the
            // reason every write of the batch failed.
            let shared = results
                .iter()
                .find_map(|r| r.as_ref().err().and_then(StorageError::shared_cause));
            tracing::error!(error = %e, cause = ?shared, "commit failed; the batch was not stored");
            match shared {
                Some(cause) => batch
                    .iter()
                    .map(|_| {
                        Err(cause
                            .shared_cause()
                            .unwrap_or_else(|| StorageError::of_failed_commit(&e, file)))
                    })
                    .collect(),
                None => fail_all(batch, &e, file),
            }
        }
    }
}

fn fail_all(batch: &[Job], e: &rusqlite::Error, file: &Path) -> Vec<Result<Outcome>> {
    batch
        .iter()
        .map(|_| Err(StorageError::of_failed_commit(e, file)))
        .collect()
}

fn apply(conn: &Connection, write: &Write) -> Result<Outcome> {
    match write {
        Write::CreateDraft {
            id,
            questionnaire_id,
            questionnaire_version,
            now,
        } => {
            conn.prepare_cached(
                "INSERT INTO drafts (id, questionnaire_id, questionnaire_version, started_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
            )?
            .execute(params![id, questionnaire_id, questionnaire_version, now])?;
            Ok(Outcome::DraftCreated)
        }
        Write::SaveDraft {
            id,
            answers,
            page,
            now,
            language,
        } => {
            let n = conn
                .prepare_cached(
                    "UPDATE drafts SET answers = ?2, page = ?3, updated_at = ?4, language = ?5
                     WHERE id = ?1 AND response_id IS NULL",
                )?
                .execute(params![id, answers, *page as i64, now, language])?;
            Ok(Outcome::DraftSaved(n == 1))
        }
        Write::Submit(r) => submit(conn, r).map(Outcome::Submitted),
        Write::QueueEmail(ask) => super::email::queue_within_bounds(conn, ask).map(Outcome::Email),
        Write::Execute { sql, params } => Ok(Outcome::Executed(
            conn.prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(params.iter()))?,
        )),
        Write::ExecuteAll(statements) | Write::Erase(statements) => {
            let mut changed = 0;
            for (sql, params) in statements {
                changed += conn
                    .prepare_cached(sql)?
                    .execute(rusqlite::params_from_iter(params.iter()))?;
            }
            Ok(Outcome::Executed(changed))
        }
    }
}

fn submit(conn: &Connection, r: &ResponseRow) -> Result<SubmitOutcome> {
    if let Some(draft) = &r.draft_id {
        let existing: Option<Option<String>> = conn
            .prepare_cached("SELECT response_id FROM drafts WHERE id = ?1")?
            .query_row([draft], |row| row.get(0))
            .optional()?;
        if let Some(Some(report)) = existing {
            return Ok(SubmitOutcome::AlreadySubmitted(report));
        }
    }
    let PerIndex {
        overall,
        value,
        number,
        win_rate,
        sales_cycle,
        personal,
    } = r.scores;
    conn.prepare_cached(
        "INSERT INTO responses (id, draft_id, questionnaire_id, questionnaire_version, started_at,
             submitted_at, synthetic, answers, choices, peer_numbers, contact, standing,
             overall, value, number, win_rate, sales_cycle, personal, flags, held, scoring,
             language)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22)",
    )?
    .execute(params![
        r.id,
        r.draft_id,
        r.questionnaire_id,
        r.questionnaire_version,
        r.started_at,
        r.submitted_at,
        r.synthetic,
        r.answers,
        r.choices,
        r.peer_numbers,
        r.contact,
        r.standing,
        overall,
        value,
        number,
        win_rate,
        sales_cycle,
        personal,
        r.flags,
        r.held,
        r.scoring,
        r.language
    ])?;
    if let Some(draft) = &r.draft_id {
        // The response holds the answers now; the draft keeps no second copy.
        conn.prepare_cached(
            "UPDATE drafts SET response_id = ?2, updated_at = ?3, answers = '{}' WHERE id = ?1",
        )?
        .execute(params![draft, r.id, r.submitted_at])?;
    }
    Ok(SubmitOutcome::Created(r.id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The size of the write-ahead log file beside `db`, in bytes.
    fn log_size(db: &Path) -> u64 {
        let mut log = db.as_os_str().to_owned();
        log.push("-wal");
        std::fs::metadata(log).map_or(0, |m| m.len())
    }

    #[test]
    fn the_log_starts_over_under_sustained_writes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        let conn = super::super::connect(&path).expect("open");
        conn.execute_batch("CREATE TABLE t (x BLOB)")
            .expect("table");
        let writer = Writer::start_restarting_at(conn, 64, Damage::default()).expect("writer");
        // Writers that never pause, so that the checkpoint thread alone never
        // catches up: each commit adds at least one 4 KB frame.
        let rows = 12_000;
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..rows / 4 / 25 {
                        let writes = (0..25)
                            .map(|_| Write::Execute {
                                sql: "INSERT INTO t VALUES (randomblob(3000))",
                                params: Vec::new(),
                            })
                            .collect();
                        writer.write_all_blocking(writes).expect("write");
                    }
                });
            }
        });
        // A log that never started over would hold every byte written and the
        // frames' headers; one that does stays at the longest stretch between
        // two restarts, which a busy machine can stretch (seen: a third).
        let written = rows as u64 * 3_000;
        let log = log_size(&path);
        assert!(
            log < written / 2,
            "the log holds {log} bytes after {written} bytes were written"
        );
    }
}
