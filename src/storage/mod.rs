//! Storage in one embedded SQLite file.
//!
//! - The schema is built by numbered migrations embedded in the binary
//!   (`migrations/NNNN_name.sql`), applied in order at start-up and never edited once
//!   published.
//! - The database runs in WAL mode with `synchronous = FULL`: a commit is on disk
//!   when it returns, so a response acknowledged to the respondent survives a crash.
//! - All writes go through one writer thread ([`writer`]) that commits whatever is
//!   waiting in one transaction (group commit): one fsync serves many submissions.
//! - Reads use a small pool of connections; callers run them off the async
//!   executor.

pub mod api_keys;
pub mod console;
pub mod email;
pub mod privacy;
pub mod teams;
pub mod writer;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::peer::PeerStanding;
use crate::domain::scoring::Scorecard;

pub use writer::{NewResponse, SubmitOutcome, Writer};

/// The migrations, in order. Append only.
const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("migrations/0001_initial.sql")),
    (2, include_str!("migrations/0002_operators.sql")),
    (3, include_str!("migrations/0003_trust.sql")),
    (4, include_str!("migrations/0004_teams_and_waves.sql")),
];

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored row cannot be read back (edited by hand, or a bug).
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// The writer thread has stopped; nothing more can be written.
    #[error("the database writer has stopped")]
    WriterStopped,
}

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

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

/// Applies the migrations not yet applied, each in its own transaction.
fn migrate(conn: &mut Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version INTEGER PRIMARY KEY,
             applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
         )",
    )?;
    let mut rewrite_free_space = false;
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
            rewrite_free_space |= *version == SECURE_DELETE_SINCE;
        }
        tx.commit()?;
    }
    if rewrite_free_space {
        conn.execute_batch("VACUUM")?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    Ok(())
}

/// The migration from which deleted content is overwritten (`secure_delete`).
const SECURE_DELETE_SINCE: u32 = 3;

/// A questionnaire in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub answers: serde_json::Value,
    pub page: usize,
    pub started_at: String,
    /// Set once submitted: the report id.
    pub response_id: Option<String>,
}

/// Contact details, kept apart from the answers so that they never reach exports.
pub type Contact = BTreeMap<String, String>;

/// A submitted response as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredResponse {
    pub id: String,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub submitted_at: String,
    pub synthetic: bool,
    pub profile: BTreeMap<String, String>,
    pub answers: serde_json::Value,
    pub contact: Contact,
    pub scorecard: Scorecard,
    pub standing: PeerStanding,
}

/// The database: a writer thread and a pool of read connections.
pub struct Store {
    path: PathBuf,
    readers: Mutex<Vec<Connection>>,
    writer: Writer,
    /// This database's random key for pseudonymous ids (see [`Store::pseudonym`]).
    pseudonym_key: Vec<u8>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and applies migrations.
    ///
    /// # Errors
    /// When the file cannot be opened or a migration fails.
    pub fn open(path: &Path) -> Result<Store> {
        let mut conn = connect(path)?;
        migrate(&mut conn)?;
        // The writer keeps the indexes it updates in memory (64 MiB of cache).
        conn.pragma_update(None, "cache_size", -65_536)?;
        let pseudonym_key: Vec<u8> = conn.query_row(
            "SELECT value FROM study_keys WHERE name = 'pseudonym'",
            [],
            |r| r.get(0),
        )?;
        let writer = Writer::start(conn)?;
        Ok(Store {
            path: path.to_path_buf(),
            readers: Mutex::new(Vec::new()),
            writer,
            pseudonym_key,
        })
    }

    pub fn writer(&self) -> &Writer {
        &self.writer
    }

    /// The pseudonymous id of a response (or draft): stable, so that the two
    /// exports join on it, and opening nothing, since it is a keyed hash of the
    /// private id with a key that never leaves the database.
    pub fn pseudonym(&self, id: &str) -> String {
        use sha2::Digest;
        let mut hasher = sha2::Sha256::new();
        hasher.update(&self.pseudonym_key);
        hasher.update(id.as_bytes());
        let digest = hasher.finalize();
        let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
        format!("p{hex}")
    }

    /// Runs `f` with a read connection from the pool (opening one if none is free).
    /// Blocking: call it off the async executor.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let pooled = self.readers.lock().ok().and_then(|mut pool| pool.pop());
        let conn = match pooled {
            Some(c) => c,
            None => connect(&self.path)?,
        };
        let result = f(&conn);
        if let Ok(mut pool) = self.readers.lock() {
            pool.push(conn);
        }
        result
    }

    /// A draft by its resume id. Blocking.
    pub fn draft(&self, id: &str) -> Result<Option<Draft>> {
        self.read(|conn| {
            let row = conn
                .query_row(
                    "SELECT id, questionnaire_id, questionnaire_version, answers, page, started_at, response_id
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
                        ))
                    },
                )
                .optional()?;
            row.map(|(id, qid, qver, answers, page, started_at, response_id)| {
                Ok(Draft {
                    answers: parse_json(&answers, "draft answers")?,
                    id,
                    questionnaire_id: qid,
                    questionnaire_version: qver,
                    page: usize::try_from(page).unwrap_or(1).max(1),
                    started_at,
                    response_id,
                })
            })
            .transpose()
        })
    }

    /// A submitted response by its report id. Blocking.
    pub fn response(&self, id: &str) -> Result<Option<StoredResponse>> {
        self.read(|conn| {
            let row = conn
                .query_row(
                    "SELECT id, questionnaire_id, questionnaire_version, submitted_at, synthetic,
                            profile, answers, contact, scorecard, standing
                     FROM responses WHERE id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, u32>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, bool>(4)?,
                            r.get::<_, String>(5)?,
                            r.get::<_, String>(6)?,
                            r.get::<_, Option<String>>(7)?,
                            r.get::<_, String>(8)?,
                            r.get::<_, String>(9)?,
                        ))
                    },
                )
                .optional()?;
            let Some((
                id,
                qid,
                qver,
                submitted_at,
                synthetic,
                profile,
                answers,
                contact,
                card,
                standing,
            )) = row
            else {
                return Ok(None);
            };
            Ok(Some(StoredResponse {
                id,
                questionnaire_id: qid,
                questionnaire_version: qver,
                submitted_at,
                synthetic,
                profile: parse_json(&profile, "profile")?,
                answers: parse_json(&answers, "answers")?,
                contact: match contact {
                    Some(c) => parse_json(&c, "contact")?,
                    None => Contact::new(),
                },
                scorecard: parse_json(&card, "scorecard")?,
                standing: parse_json(&standing, "standing")?,
            }))
        })
    }

    /// The number of submitted responses. Blocking.
    pub fn response_count(&self) -> Result<i64> {
        self.read(|conn| {
            Ok(conn.query_row("SELECT COUNT(*) FROM responses", params![], |r| r.get(0))?)
        })
    }

    /// Runs `PRAGMA integrity_check` and returns its verdict ("ok" when sound).
    pub fn integrity_check(&self) -> Result<String> {
        self.read(|conn| Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
    }
}

/// The SHA-256 of a text, as hex: how secrets (session ids, API keys) are stored.
pub fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn parse_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
}

/// Now, as stored: RFC 3339 in UTC, to the millisecond.
pub fn now_timestamp() -> String {
    timestamp_seconds_ago(0.0)
}

/// A moment in the past, as stored.
pub fn timestamp_seconds_ago(seconds: f64) -> String {
    let now = time::OffsetDateTime::now_utc() - time::Duration::seconds_f64(seconds.max(0.0));
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    now.format(&format)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}

/// Today's date (UTC), YYYY-MM-DD.
pub fn today() -> String {
    now_timestamp().chars().take(10).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_once_and_can_be_run_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        let mut conn = connect(&path).expect("open");
        migrate(&mut conn).expect("first run");
        migrate(&mut conn).expect("second run is a no-op");
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
            .expect("count");
        assert_eq!(n, MIGRATIONS.len() as i64);
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
    }

    #[test]
    fn upgrading_a_database_rewrites_what_was_deleted_before_deletion_zeroed_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("old.db");
        let secret = "Philippa Secretperson";
        {
            // A database as an earlier version left it: deleted rows stay in free
            // space.
            let conn = Connection::open(&path).expect("open");
            conn.pragma_update(None, "journal_mode", "WAL")
                .expect("wal");
            conn.execute_batch(
                "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)",
            )
            .expect("table");
            for (version, sql) in &MIGRATIONS[..2] {
                conn.execute_batch(sql).expect("migration");
                conn.execute(
                    "INSERT INTO schema_migrations (version) VALUES (?1)",
                    [version],
                )
                .expect("record");
            }
            conn.execute(
                "INSERT INTO drafts (id, questionnaire_id, questionnaire_version, answers,
                     started_at, updated_at) VALUES ('d', 'q', 1, ?1, 'now', 'now')",
                [format!("{{\"contact_name\": \"{secret}\"}}")],
            )
            .expect("insert");
            conn.execute("DELETE FROM drafts", []).expect("delete");
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .expect("checkpoint");
        }
        let holds = |p: &Path| {
            std::fs::read(p)
                .unwrap_or_default()
                .windows(secret.len())
                .any(|w| w == secret.as_bytes())
        };
        assert!(holds(&path), "the old file keeps the deleted text");
        let store = Store::open(&path).expect("upgrade");
        drop(store);
        for suffix in ["", "-wal"] {
            let file = PathBuf::from(format!("{}{suffix}", path.display()));
            assert!(!holds(&file), "{} still holds it", file.display());
        }
    }

    #[test]
    fn timestamps_are_utc_rfc3339() {
        let t = now_timestamp();
        assert_eq!(t.len(), 24, "{t}");
        assert!(t.ends_with('Z'));
        assert_eq!(today().len(), 10);
    }
}
