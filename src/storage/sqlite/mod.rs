//! Storage in one embedded SQLite file: the default adapter behind the study's
//! port (see [`adapter`]), for one `serve` process at a time.
//!
//! - The schema is built by numbered migrations embedded in the binary
//!   (`migrations/NNNN_name.sql`), applied in order at start-up and never edited once
//!   published.
//! - The database runs in WAL mode with `synchronous = FULL`: a commit is on disk
//!   when it returns, so a response acknowledged to the respondent survives a crash.
//! - All writes go through one writer thread ([`writer`]) that commits whatever is
//!   waiting in one transaction (group commit): one fsync serves many submissions.
//! - Reads use a bounded pool of connections ([`StoreOptions::read_connections`]):
//!   when all are busy a reader waits for one, so a burst of requests cannot open
//!   one file handle each. Callers run reads off the async executor.
//! - Errors name the database file, and the ones an operator can act on (disk
//!   full, read-only file, not a database, a newer schema) have their own variants
//!   with a sentence saying what to do.
//! - One process at a time: a second `serve` on the same file would keep peer
//!   figures of its own, so the file is locked for the life of the process that
//!   opened it (see [`lock`]).

mod adapter;
pub mod api_keys;
pub mod console;
pub mod email;
pub mod integrity;
mod lock;
pub mod privacy;
pub mod responses;
pub mod teams;
pub mod writer;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use rusqlite::{Connection, ErrorCode, OptionalExtension, params};

pub(in crate::study) use adapter::SqliteStore;
pub use writer::Writer;

use super::compact;
use super::{MAX_FOUND, mask_email, sha256_hex};
use crate::domain::Catalogue;
use crate::study::records::{Draft, StoreOptions, SubmitOutcome};

/// The migrations, in order. Append only.
const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("migrations/0001_initial.sql")),
    (2, include_str!("migrations/0002_operators.sql")),
    (3, include_str!("migrations/0003_trust.sql")),
    (4, include_str!("migrations/0004_teams_and_waves.sql")),
    (5, include_str!("migrations/0005_compact_responses.sql")),
    (6, include_str!("migrations/0006_email_requests.sql")),
    (7, include_str!("migrations/0007_team_disclosure.sql")),
    (8, include_str!("migrations/0008_decided_deals.sql")),
    (9, include_str!("migrations/0009_score_records.sql")),
    (10, include_str!("migrations/0010_languages.sql")),
];

/// What can go wrong in storage. The variants an operator can act on name the
/// file and say what to do; they are the messages printed when start-up stops.
#[derive(Debug, thiserror::Error)]
pub(in crate::study) enum StorageError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Any other database failure, with the file it happened in.
    #[error("{file}: database error: {source}")]
    InFile {
        file: PathBuf,
        source: rusqlite::Error,
    },
    /// The disk (or the size allowed to the database) is full: nothing was written.
    #[error("{file}: the disk is full; free some space, then try again")]
    DiskFull { file: PathBuf },
    /// The file, or its folder, cannot be written.
    #[error(
        "{file}: the database is read-only; make the file and its folder writable by the user running Dealbench"
    )]
    ReadOnly { file: PathBuf },
    /// The file is damaged (found by a check, or by SQLite reading a damaged
    /// page): nothing more is written to it.
    #[error(
        "{file}: the database file is damaged ({problem}), so nothing more is written to it; stop Dealbench, restore the file from a backup (or recover what it holds with `sqlite3 {file} .recover`), and start again"
    )]
    Damaged { file: PathBuf, problem: String },
    /// The file is not an SQLite database, or is damaged beyond opening.
    #[error(
        "{file}: this is not a Dealbench database, or it is damaged; give the right file with --db, or restore it from a backup"
    )]
    NotADatabase { file: PathBuf },
    /// The database was migrated by a newer Dealbench than this one.
    #[error(
        "{file}: the database has schema version {found}, newer than the {supported} this Dealbench knows; run the newer Dealbench, or restore a backup made with this one"
    )]
    NewerSchema {
        file: PathBuf,
        found: u32,
        supported: u32,
    },
    /// A batch of writes could not be committed; none of it was stored.
    #[error("{file}: the write was not stored: {message}")]
    CommitFailed { file: PathBuf, message: String },
    /// Another process serves this file: two servers on one SQLite file would
    /// each count only their own submissions.
    #[error(
        "{file}: another Dealbench is already serving this database; an SQLite file serves one process at a time: to run several instances, move the study to PostgreSQL (dealbench db copy --from FILE --to postgres://...) and start each with --db postgres://..."
    )]
    InUse { file: PathBuf },
    /// The file cannot be opened at all (missing folder, permissions).
    #[error(
        "{file}: the database cannot be opened ({reason}); check the path and its folder's permissions"
    )]
    CannotOpen { file: PathBuf, reason: String },
    /// A stored row cannot be read back (edited by hand, or a bug).
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// A stored response was answered with a questionnaire version that is not
    /// in the questionnaire folder: it could be neither read nor reported.
    #[error(
        "a stored response was answered with version {version} of questionnaire `{id}`, which is not in the questionnaire folder; put that version's file back beside the current one and start again"
    )]
    MissingVersion { id: String, version: u32 },
    /// Responses were read before the study gave the store its questionnaires.
    #[error("stored responses cannot be read without their questionnaire versions")]
    NoCatalogue,
    /// The writer thread has stopped; nothing more can be written.
    #[error("the database writer has stopped")]
    WriterStopped,
}

impl StorageError {
    /// The precise error for a database failure in `file`: disk full, read-only,
    /// not a database, or any other database error naming the file.
    #[must_use]
    pub fn in_file(self, file: &Path) -> StorageError {
        let e = match self {
            StorageError::Sqlite(e) => e,
            StorageError::Corrupt(what) => {
                let name = file.display().to_string();
                return StorageError::Corrupt(if what.starts_with(&name) {
                    what
                } else {
                    format!("{name}: {what}")
                });
            }
            other => return other,
        };
        let file = file.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StorageError::DiskFull { file },
            Some(ErrorCode::ReadOnly) => StorageError::ReadOnly { file },
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                StorageError::NotADatabase { file }
            }
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => StorageError::CannotOpen {
                file,
                reason: e.to_string(),
            },
            _ => StorageError::InFile { file, source: e },
        }
    }

    /// One error per job of a batch whose commit failed as a whole (a database
    /// error cannot be cloned, so each job gets the same classification).
    #[must_use]
    pub fn of_failed_commit(e: &rusqlite::Error, file: &Path) -> StorageError {
        let file_buf = file.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StorageError::DiskFull { file: file_buf },
            Some(ErrorCode::ReadOnly) => StorageError::ReadOnly { file: file_buf },
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                StorageError::NotADatabase { file: file_buf }
            }
            _ => StorageError::CommitFailed {
                file: file_buf,
                message: e.to_string(),
            },
        }
    }

    /// A copy of a disk-full or read-only error: the causes a whole batch of writes
    /// shares (other errors cannot be copied, and belong to one write).
    pub fn shared_cause(&self) -> Option<StorageError> {
        match self {
            StorageError::DiskFull { file } => Some(StorageError::DiskFull { file: file.clone() }),
            StorageError::ReadOnly { file } => Some(StorageError::ReadOnly { file: file.clone() }),
            _ => None,
        }
    }
}

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

impl From<compact::Corrupt> for StorageError {
    fn from(e: compact::Corrupt) -> StorageError {
        StorageError::Corrupt(e.0)
    }
}

/// The study sees a storage failure as its own kind of error, told whether the
/// client can only wait.
impl From<StorageError> for crate::study::StoreError {
    fn from(e: StorageError) -> crate::study::StoreError {
        use crate::study::Unavailable;
        let unavailable = match &e {
            StorageError::DiskFull { .. } => Some(Unavailable::DiskFull),
            StorageError::ReadOnly { .. } => Some(Unavailable::ReadOnly),
            StorageError::Damaged { .. } => Some(Unavailable::Damaged),
            _ => None,
        };
        crate::study::StoreError::new(e, unavailable)
    }
}

impl From<StorageError> for crate::study::StudyError {
    fn from(e: StorageError) -> crate::study::StudyError {
        crate::study::StudyError::Storage(e.into())
    }
}

/// Opens a connection with the settings every connection needs.
fn connect(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted rows are overwritten with zeros, not left readable in free space.
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(conn)
}

/// The error when a thread panicked while holding the read pool's lock.
fn pool_poisoned() -> StorageError {
    StorageError::Corrupt("the read pool's lock is poisoned".into())
}

/// The highest schema version this build knows.
fn supported_schema() -> u32 {
    MIGRATIONS.last().map_or(0, |(v, _)| *v)
}

/// Refuses a connection that cannot write: SQLite opens a file it may not write
/// read-only without complaint, and every write would fail later.
fn check_writable(conn: &Connection, file: &Path) -> Result<()> {
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StorageError::ReadOnly {
            file: file.to_path_buf(),
        });
    }
    Ok(())
}

/// Refuses a database migrated by a newer Dealbench: this build would not know
/// what its tables mean, and writing to them could damage the newer data.
fn check_schema_version(conn: &Connection, file: &Path) -> Result<()> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(());
    }
    let found: Option<u32> =
        conn.query_row("SELECT MAX(version) FROM schema_migrations", [], |r| {
            r.get(0)
        })?;
    let supported = supported_schema();
    match found {
        Some(found) if found > supported => Err(StorageError::NewerSchema {
            file: file.to_path_buf(),
            found,
            supported,
        }),
        _ => Ok(()),
    }
}

/// Applies the migrations not yet applied, each in its own transaction.
fn migrate(conn: &mut Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version INTEGER PRIMARY KEY,
             applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
         )",
    )?;
    renumber_early_scoring(conn)?;
    let mut rewrite_free_space = false;
    // A migration may rebuild a table others reference; with foreign keys on,
    // dropping the old one would delete the rows that reference it. (The pragma
    // cannot change inside a transaction, hence here.)
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let applied = apply_migrations(conn, &mut rewrite_free_space);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    applied?;
    if rewrite_free_space {
        conn.execute_batch("VACUUM")?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    Ok(())
}

/// A file that recorded the scoring-record migration (now 9) as its 6th, before
/// the email bounds, team disclosure and decided-deals migrations took 6 to 8:
/// its `responses` table has the `scoring` column while it has no
/// `email_requests` table. Its record is renumbered, so that 6 to 8 are applied
/// to it as to any other file and 9 is not applied twice.
fn renumber_early_scoring(conn: &Connection) -> Result<()> {
    let early: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = 6)
            AND NOT EXISTS (SELECT 1 FROM schema_migrations WHERE version > 6)
            AND EXISTS (SELECT 1 FROM pragma_table_info('responses') WHERE name = 'scoring')
            AND NOT EXISTS (SELECT 1 FROM sqlite_master
                            WHERE type = 'table' AND name = 'email_requests')",
        [],
        |r| r.get(0),
    )?;
    if early {
        conn.execute(
            "UPDATE schema_migrations SET version = ?1 WHERE version = 6",
            [SCORE_RECORDS],
        )?;
        tracing::info!("the scoring records' migration is renumbered 6 -> 9");
    }
    Ok(())
}

/// The migration that adds the scoring record to each response.
const SCORE_RECORDS: u32 = 9;

fn apply_migrations(conn: &mut Connection, rewrite_free_space: &mut bool) -> Result<()> {
    for (version, sql) in MIGRATIONS {
        let tx = conn.transaction()?;
        let applied: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1)",
            [version],
            |r| r.get(0),
        )?;
        if !applied {
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version) VALUES (?1)",
                [version],
            )?;
            // A database written before deleted content was zeroed may still hold
            // it in free pages: the file is rewritten once, when it is upgraded
            // (on a new database this costs nothing).
            *rewrite_free_space |= *version == SECURE_DELETE_SINCE;
        }
        tx.commit()?;
    }
    Ok(())
}

/// The migration from which deleted content is overwritten (`secure_delete`).
const SECURE_DELETE_SINCE: u32 = 3;

/// The read connections: idle ones, and how many exist in all (idle or lent).
struct ReadPool {
    idle: Vec<Connection>,
    open: usize,
}

/// The database: a writer thread and a bounded pool of read connections.
pub struct Store {
    path: PathBuf,
    readers: Mutex<ReadPool>,
    /// Signalled whenever a read connection is returned or closed.
    reader_returned: Condvar,
    max_readers: usize,
    writer: Writer,
    /// This database's random key for pseudonymous ids (see [`Store::pseudonym`]).
    pseudonym_key: Vec<u8>,
    /// This database's secret for the team reports' dither (see
    /// [`Store::team_release_key`]).
    team_release_key: crate::domain::team::ReleaseKey,
    /// Set once the file is found damaged: every write is refused then.
    damage: integrity::Damage,
    /// The questionnaire versions stored responses are decoded with (none:
    /// opened for administration, which reads no response).
    catalogue: Option<Arc<Catalogue>>,
    /// Held for the life of a store opened to serve: no other process serves
    /// the file meanwhile.
    _lock: Option<lock::ProcessLock>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and applies
    /// migrations; with a catalogue, converts rows stored in an earlier form
    /// (each response is scored at most once, when its row lacks what scoring
    /// decided).
    ///
    /// # Errors
    /// When the file cannot be opened or written, is not a database, has a newer
    /// schema than this build, is in use by another process, or a migration
    /// fails. Every error names the file.
    pub fn open(
        path: &Path,
        options: &StoreOptions,
        catalogue: Option<Arc<Catalogue>>,
    ) -> Result<Store> {
        let store = Store::open_writer(path, options, catalogue).map_err(|e| e.in_file(path))?;
        if store.catalogue.is_some() {
            let converted = store.convert_old_rows()?;
            if converted > 0 {
                tracing::info!(converted, "stored responses converted to the compact form");
            }
        }
        Ok(store)
    }

    fn open_writer(
        path: &Path,
        options: &StoreOptions,
        catalogue: Option<Arc<Catalogue>>,
    ) -> Result<Store> {
        let mut conn = connect(path)?;
        let lock = if options.serve {
            Some(lock::ProcessLock::take(path)?)
        } else {
            None
        };
        check_writable(&conn, path)?;
        // Before anything is read from it or written to it, migrations included.
        let check = if options.startup_check.is_zero() {
            integrity::FileCheck::Unfinished
        } else {
            integrity::quick_check(path, Some(options.startup_check))?
        };
        match check {
            integrity::FileCheck::Sound => {}
            integrity::FileCheck::Unfinished => tracing::info!(
                "the database file is larger than the start-up check covers; it is checked in the background"
            ),
            integrity::FileCheck::Damaged(problem) => {
                return Err(StorageError::Damaged {
                    file: path.to_path_buf(),
                    problem,
                });
            }
        }
        check_schema_version(&conn, path)?;
        migrate(&mut conn)?;
        // The writer keeps the indexes it updates in memory (64 MiB of cache).
        conn.pragma_update(None, "cache_size", -65_536)?;
        // Checkpoints run beside the writer (see `writer`), so the log can grow
        // while a burst is written; once copied, it is cut back to 64 MiB.
        let _: i64 = conn.query_row("PRAGMA journal_size_limit = 67108864", [], |r| r.get(0))?;
        let pseudonym_key: Vec<u8> = conn.query_row(
            "SELECT value FROM study_keys WHERE name = 'pseudonym'",
            [],
            |r| r.get(0),
        )?;
        let team_release_secret: Vec<u8> = conn.query_row(
            "SELECT value FROM study_keys WHERE name = 'team_release'",
            [],
            |r| r.get(0),
        )?;
        if let Some(bytes) = options.max_size_bytes {
            let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
            let page_size = u64::try_from(page_size).unwrap_or(4096);
            let pages = (bytes / page_size.max(1)).max(1);
            // A query, not an update: the pragma answers with the limit it set.
            let _: i64 = conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
                r.get(0)
            })?;
        }
        let damage = integrity::Damage::default();
        let writer = Writer::start(conn, damage.clone())?;
        Ok(Store {
            path: path.to_path_buf(),
            readers: Mutex::new(ReadPool {
                idle: Vec::new(),
                open: 0,
            }),
            reader_returned: Condvar::new(),
            max_readers: options.read_connections.max(1),
            writer,
            pseudonym_key,
            team_release_key: crate::domain::team::ReleaseKey::new(&team_release_secret),
            catalogue,
            damage,
            _lock: lock,
        })
    }

    pub fn writer(&self) -> &Writer {
        &self.writer
    }

    /// The pseudonymous id of a response (or draft): stable, so that the two
    /// exports join on it, and opening nothing, since it is a keyed hash of the
    /// private id with a key that never leaves the database.
    pub fn pseudonym(&self, id: &str) -> String {
        super::pseudonym(&self.pseudonym_key, id)
    }

    /// The secret the team reports' dither is drawn with: the same for every
    /// reader of this database, and never shown or exported.
    pub fn team_release_key(&self) -> &crate::domain::team::ReleaseKey {
        &self.team_release_key
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many read connections are open now (idle or in use).
    pub fn read_connections(&self) -> usize {
        self.readers.lock().map_or(0, |pool| pool.open)
    }

    /// Runs `f` with a read connection from the pool: an idle one, a new one while
    /// fewer than the maximum are open, or else the next one returned. Blocking:
    /// call it off the async executor, and never from inside `f` (with the pool
    /// exhausted, a nested read would wait for itself).
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.take_reader().map_err(|e| e.in_file(&self.path))?;
        let result = f(&conn);
        self.return_reader(conn);
        result.map_err(|e| self.noted(e))
    }

    /// A database error of this store's file, named, and the file marked
    /// damaged if SQLite found a damaged page.
    fn noted(&self, e: StorageError) -> StorageError {
        if let StorageError::Sqlite(inner) = &e {
            self.damage.note(&self.path, inner);
        }
        e.in_file(&self.path)
    }

    /// As [`Store::read`], on a connection that is idle now; `None` (and `f`
    /// not run) when every open connection is in use.
    fn read_if_idle<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<Option<T>> {
        let idle = self.readers.lock().map_err(|_| pool_poisoned())?.idle.pop();
        let Some(conn) = idle else {
            return Ok(None);
        };
        let result = f(&conn);
        self.return_reader(conn);
        result.map(Some).map_err(|e| self.noted(e))
    }

    fn take_reader(&self) -> Result<Connection> {
        let mut pool = self.readers.lock().map_err(|_| pool_poisoned())?;
        loop {
            if let Some(conn) = pool.idle.pop() {
                return Ok(conn);
            }
            if pool.open < self.max_readers {
                pool.open += 1;
                drop(pool);
                return connect(&self.path).inspect_err(|_| self.forget_reader());
            }
            pool = self
                .reader_returned
                .wait(pool)
                .map_err(|_| pool_poisoned())?;
        }
    }

    fn return_reader(&self, conn: Connection) {
        match self.readers.lock() {
            Ok(mut pool) => pool.idle.push(conn),
            // Closed rather than kept: the count must stay true.
            Err(_) => {
                drop(conn);
                self.forget_reader();
            }
        }
        self.reader_returned.notify_one();
    }

    /// A connection that could not be opened, or was closed, no longer counts.
    fn forget_reader(&self) {
        if let Ok(mut pool) = self.readers.lock() {
            pool.open = pool.open.saturating_sub(1);
        }
        self.reader_returned.notify_one();
    }

    /// A draft by its resume id. Blocking.
    pub fn draft(&self, id: &str) -> Result<Option<Draft>> {
        self.read(|conn| {
            let row = conn
                .query_row(
                    "SELECT id, questionnaire_id, questionnaire_version, answers, page, started_at, response_id,
                            language
                     FROM drafts WHERE id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, u32>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, i64>(4)?,
                            r.get::<_, String>(5)?,
                            r.get::<_, Option<String>>(6)?,
                            r.get::<_, Option<String>>(7)?,
                        ))
                    },
                )
                .optional()?;
            row.map(|(id, qid, qver, answers, page, started_at, response_id, language)| {
                Ok(Draft {
                    answers: parse_json(&answers, "draft answers")?,
                    id,
                    questionnaire_id: qid,
                    questionnaire_version: qver,
                    page: usize::try_from(page).unwrap_or(1).max(1),
                    started_at,
                    response_id,
                    language,
                })
            })
            .transpose()
        })
    }

    /// The number of submitted responses. Blocking.
    pub fn response_count(&self) -> Result<i64> {
        self.read(|conn| {
            Ok(conn.query_row("SELECT COUNT(*) FROM responses", params![], |r| r.get(0))?)
        })
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
}

#[cfg(test)]
mod tests;
