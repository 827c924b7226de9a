//! Whether the database file is sound, and what happens when it is not.
//!
//! - At start-up, `PRAGMA quick_check` runs within a budget
//!   ([`StoreOptions::startup_check`](super::StoreOptions)): a study's file of
//!   up to some tens of megabytes is checked whole before anything is served, and
//!   a damaged one stops start-up with one sentence naming the file and what to
//!   do.
//! - Soon after start (once the peer figures are loaded), the whole file is
//!   checked in the background, whatever its size ([`Store::check_file`]).
//! - Once damage is known, from a check or from SQLite finding a damaged page in
//!   use, the [`Damage`] mark refuses every further write: adding to a damaged
//!   file can spread the damage, and the operator's restore would lose it
//!   anyway. Reports already stored are still served as far as they can be read.

use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode};

use super::{Result, StorageError, Store};

/// What a check of the file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileCheck {
    Sound,
    /// Damaged: the first problems SQLite reported.
    Damaged(String),
    /// The budget ran out before the check was done.
    Unfinished,
}

/// The mark that the database file is damaged, shared by the store, its writer
/// and the checks. Set once, never cleared while the server runs.
#[derive(Debug, Clone, Default)]
pub struct Damage(Arc<OnceLock<String>>);

impl Damage {
    /// Marks the file damaged with `problem` (the first report is kept) and logs
    /// it once, in one sentence naming the file and what to do.
    pub fn found(&self, file: &Path, problem: &str) {
        if self.0.set(problem.to_string()).is_ok() {
            tracing::error!(
                "{}",
                self.error(file).map_or_else(String::new, |e| e.to_string())
            );
        }
    }

    /// The problem found, if the file is damaged.
    pub fn problem(&self) -> Option<&str> {
        self.0.get().map(String::as_str)
    }

    /// The error every write gets once the file is damaged.
    pub fn error(&self, file: &Path) -> Option<StorageError> {
        self.problem().map(|problem| StorageError::Damaged {
            file: file.to_path_buf(),
            problem: problem.to_string(),
        })
    }

    /// Marks the file damaged when `e` is SQLite finding a damaged page.
    pub fn note(&self, file: &Path, e: &rusqlite::Error) {
        if is_damage(e) {
            self.found(file, &e.to_string());
        }
    }
}

/// Whether SQLite's error, on a file that opened as a database, means it is
/// damaged.
pub fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// The most problems a check reports (SQLite stops looking after them).
const PROBLEMS_SHOWN: usize = 5;

/// Runs `PRAGMA quick_check` on a connection of its own to `path`, stopping it
/// when `budget` (if any) runs out.
///
/// # Errors
/// When the file cannot be opened, or the check fails for another reason than
/// damage or the budget.
pub fn quick_check(path: &Path, budget: Option<Duration>) -> Result<FileCheck> {
    // A connection of its own: an interrupt that arrives as the check ends can
    // touch nothing else.
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    let (done, finished) = mpsc::channel::<()>();
    let watchdog = budget.map(|budget| {
        let interrupt = conn.get_interrupt_handle();
        std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = finished.recv_timeout(budget) {
                interrupt.interrupt();
            }
        })
    });
    let outcome = run_check(&conn);
    drop(done);
    if let Some(w) = watchdog {
        let _ = w.join();
    }
    match outcome {
        Ok(problems) if problems.len() == 1 && problems[0] == "ok" => Ok(FileCheck::Sound),
        Ok(problems) => Ok(FileCheck::Damaged(in_one_line(&problems))),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::OperationInterrupted) => {
            Ok(FileCheck::Unfinished)
        }
        // Not a database at all (another file given) is said as such, apart.
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseCorrupt) => {
            Ok(FileCheck::Damaged(e.to_string()))
        }
        Err(e) => Err(e.into()),
    }
}

/// SQLite's report as one clause: its lines joined, without the heading it puts
/// before each database's problems, and cut short.
fn in_one_line(problems: &[String]) -> String {
    let joined = problems
        .iter()
        .flat_map(|p| p.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect::<Vec<_>>()
        .join("; ");
    match joined.char_indices().nth(300) {
        Some((cut, _)) => format!("{}...", &joined[..cut]),
        None => joined,
    }
}

fn run_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA quick_check({PROBLEMS_SHOWN})"))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

impl Store {
    /// Checks the whole file (`PRAGMA quick_check`, no budget) and marks it
    /// damaged if it is. Blocking, and as long as reading the file takes: run it
    /// on a thread of its own.
    ///
    /// # Errors
    /// When the check cannot run; damage is not an error here, but the answer.
    pub fn check_file(&self) -> Result<FileCheck> {
        let started = Instant::now();
        let found = quick_check(self.path(), None).map_err(|e| e.in_file(self.path()))?;
        match &found {
            FileCheck::Damaged(problem) => self.damage.found(self.path(), problem),
            _ => tracing::info!(
                millis = started.elapsed().as_millis() as u64,
                "the database file was checked and is sound"
            ),
        }
        Ok(found)
    }

    /// The damage found in the file, if any.
    pub fn damaged(&self) -> Option<StorageError> {
        self.damage.error(self.path())
    }
}
