//! Storage: the adapters behind the study's port ([`crate::study::port`]).
//!
//! - [`sqlite`]: one embedded SQLite file, the default; one process at a time.
//! - [`postgres`]: a PostgreSQL server, which several `serve` processes share.
//!
//! Which one is chosen by the database given (`--db`): a file path or a
//! `sqlite://` URL opens SQLite, a `postgres://` or `postgresql://` URL
//! PostgreSQL (see [`crate::study::records::Database`]). The compact form of a
//! response ([`compact`]) and the stored forms of times, secrets and
//! pseudonyms are the same in both.

pub(super) mod compact;
pub(super) mod postgres;
pub(super) mod sqlite;

use std::sync::Arc;

use super::StudyResult;
use super::port::StudyStore;
use super::records::{Database, StoreOptions};
use crate::domain::Catalogue;

/// Opens the database the study's data lives in, creating and migrating it
/// if needed, with the questionnaire versions its responses are read with
/// (none: for administration, which reads no response).
///
/// # Errors
/// Each problem that stops start-up, in one sentence that names it: the file
/// or server, and what to do.
pub(super) async fn open(
    database: &Database,
    options: &StoreOptions,
    catalogue: Option<Arc<Catalogue>>,
) -> StudyResult<Arc<dyn StudyStore>> {
    match database {
        Database::Sqlite(path) => {
            let (path, options) = (path.clone(), options.clone());
            let store = tokio::task::spawn_blocking(move || {
                sqlite::SqliteStore::open(&path, &options, catalogue)
            })
            .await
            .map_err(super::StudyError::Background)??;
            Ok(Arc::new(store))
        }
        Database::Postgres(url) => Ok(Arc::new(
            postgres::PostgresStore::open(url, options, catalogue).await?,
        )),
    }
}

/// Copies a study from its SQLite file into an empty PostgreSQL database:
/// the file is first brought to its current form (as `serve` would), then
/// every record is copied in one transaction. Returns the rows per table.
///
/// # Errors
/// Another pair of databases than a file and a server, a file or server that
/// cannot be opened, a server database that holds a study already.
pub(super) async fn copy(
    from: &Database,
    to: &Database,
    catalogue: Arc<Catalogue>,
) -> StudyResult<Vec<(String, usize)>> {
    let (Database::Sqlite(path), Database::Postgres(url)) = (from, to) else {
        return Err(super::StudyError::Copy(
            "db copy moves a study from its SQLite file into PostgreSQL: give --from FILE and --to postgres://..."
                .into(),
        ));
    };
    if !path.exists() {
        return Err(super::StudyError::Copy(format!(
            "{}: no such database",
            path.display()
        )));
    }
    let file = path.clone();
    tokio::task::spawn_blocking(move || {
        sqlite::SqliteStore::open(&file, &StoreOptions::default(), Some(catalogue)).map(drop)
    })
    .await
    .map_err(super::StudyError::Background)??;
    let target = postgres::PostgresStore::open(url, &StoreOptions::default(), None).await?;
    let copied = target.copy_from_sqlite(path).await?;
    Ok(copied
        .into_iter()
        .map(|(table, rows)| (table.to_string(), rows))
        .collect())
}

/// The SHA-256 of a text, as hex: how secrets (session ids, API keys) are stored.
/// The language of a stored code; a response from before languages (no code)
/// was answered in English.
pub(super) fn language_of(code: Option<&str>) -> crate::domain::language::Language {
    code.and_then(crate::domain::language::Language::from_code)
        .unwrap_or_default()
}

pub(super) fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The pseudonymous id of `id` under a database's key: a keyed hash, stable,
/// and opening nothing without the key, which never leaves the database.
pub(super) fn pseudonym(key: &[u8], id: &str) -> String {
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    hasher.update(key);
    hasher.update(id.as_bytes());
    let digest = hasher.finalize();
    let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
    format!("p{hex}")
}

/// A new random API key: `db_` and 256 random bits as hex.
pub(super) fn new_api_key() -> String {
    format!(
        "db_{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// `jane@example.com` -> `j***@example.com`.
pub(super) fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}

/// The most matches listed for one search for deletion.
pub(super) const MAX_FOUND: usize = 50;

/// Now, as stored: RFC 3339 in UTC, to the millisecond.
pub(super) fn now_timestamp() -> String {
    timestamp_seconds_ago(0.0)
}

/// A moment in the past, as stored.
pub(super) fn timestamp_seconds_ago(seconds: f64) -> String {
    let now = time::OffsetDateTime::now_utc() - time::Duration::seconds_f64(seconds.max(0.0));
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    now.format(&format)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}

/// Today's date (UTC), YYYY-MM-DD.
pub(super) fn today() -> String {
    now_timestamp().chars().take(10).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_rfc3339() {
        let t = now_timestamp();
        assert_eq!(t.len(), 24, "{t}");
        assert!(t.ends_with('Z'));
        assert_eq!(today().len(), 10);
    }

    #[test]
    fn emails_are_masked_to_their_first_letter_and_domain() {
        assert_eq!(mask_email("jane.doe@example.com"), "j***@example.com");
        assert_eq!(mask_email("not an email"), "***");
    }

    #[test]
    fn a_pseudonym_depends_on_the_key_and_opens_nothing() {
        let a = pseudonym(b"key one", "0b4f4a4e-8a3c-4c1e-9d2b-2f1f5d7c9e01");
        assert_eq!(
            a,
            pseudonym(b"key one", "0b4f4a4e-8a3c-4c1e-9d2b-2f1f5d7c9e01")
        );
        assert_ne!(
            a,
            pseudonym(b"key two", "0b4f4a4e-8a3c-4c1e-9d2b-2f1f5d7c9e01")
        );
        assert!(a.starts_with('p') && a.len() == 21, "{a}");
    }
}
