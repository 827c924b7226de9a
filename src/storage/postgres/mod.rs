//! Storage on a PostgreSQL server: the adapter behind the study's port for a
//! study that several `serve` processes share, and that the operations team
//! backs up and fails over with PostgreSQL's own tools.
//!
//! - The schema is built by numbered migrations embedded in the binary
//!   (`migrations/NNNN_name.sql`), applied in order at start-up under an
//!   advisory lock (two servers starting at once migrate once) and never
//!   edited once published. A database migrated by a newer Dealbench is
//!   refused.
//! - A pool of connections (deadpool-postgres) on a runtime of the adapter's
//!   own, so that the pool's connections live as long as the store, whichever
//!   runtime asks. A multi-host URL with `target_session_attrs=read-write`
//!   follows a failover: a broken connection is dropped and the next one goes
//!   to the host that accepts writes.
//! - Every connection runs with `synchronous_commit = on`: a submission is
//!   acknowledged only once its commit is durable (on the standbys too, when
//!   the server is configured for synchronous replication).
//! - While the server cannot be reached, every operation fails as
//!   unavailable (the client gets 503 and `Retry-After`), and succeeds again
//!   once it is back, without a restart.
//! - Deletion: the rows go in one transaction; then the affected tables are
//!   vacuumed, and a checkpoint asked for where the role may (see the README for
//!   what this does and does not remove).

mod adapter;
mod copy;
mod limits;
mod queries;
mod writer;

use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, PoolError, RecyclingMethod};
use tokio_postgres::error::SqlState;

use super::compact::Corrupt;
use crate::domain::Catalogue;
use crate::study::records::{Database, StoreOptions};
use crate::study::{StoreError, Unavailable};

pub(in crate::study) use adapter::PostgresStore;

/// The migrations, in order. Append only.
const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("migrations/0001_initial.sql")),
    (2, include_str!("migrations/0002_several_servers.sql")),
    (3, include_str!("migrations/0003_disclosure_and_bounds.sql")),
    (4, include_str!("migrations/0004_shared_limits.sql")),
    (5, include_str!("migrations/0005_languages.sql")),
];

/// The advisory lock key that serialises migrations between servers starting
/// at once.
const MIGRATION_LOCK: i64 = 0x6465_616c_6265_6e63;

/// Connections a server opens at most, per read connection of SQLite's.
pub(in crate::study) const CONNECTIONS_PER_READER: usize = 4;

/// How long a request waits for a connection, and for one to be made, before
/// it is told the database is unavailable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// What can go wrong on PostgreSQL. The start-up variants are the sentences
/// printed when start-up stops: each names the server (never its password)
/// and what to do.
#[derive(Debug, thiserror::Error)]
pub(in crate::study) enum PgError {
    /// The URL does not parse.
    #[error(
        "{url}: this is not a PostgreSQL URL Dealbench can read ({reason}); write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE"
    )]
    BadUrl { url: String, reason: String },
    /// The server refused the user or password.
    #[error(
        "{url}: the PostgreSQL server refused the user or password; check the user and password in the URL"
    )]
    Refused { url: String },
    /// The database named does not exist on the server.
    #[error(
        "{url}: the database does not exist on the server; create it (createdb) or name another"
    )]
    NoDatabase { url: String },
    /// No server answers at the address.
    #[error(
        "{url}: the PostgreSQL server cannot be reached ({reason}); check the host and port, and that the server is running"
    )]
    Unreachable { url: String, reason: String },
    /// The database was migrated by a newer Dealbench than this one.
    #[error(
        "{url}: the database has schema version {found}, newer than the {supported} this Dealbench knows; run the newer Dealbench, or restore a backup made with this one"
    )]
    NewerSchema {
        url: String,
        found: i32,
        supported: i32,
    },
    /// A copy into a database that holds a study already.
    #[error(
        "{url}: the database holds a study already ({records} responses, drafts, operators and API keys); copy into an empty database"
    )]
    NotEmpty { url: String, records: i64 },
    /// The SQLite file a copy reads cannot be read.
    #[error("{0}")]
    Source(String),
    /// While running: the server went away (restart, failover, network).
    #[error("the PostgreSQL server cannot be reached at the moment: {0}")]
    Down(String),
    #[error("database error: {0}")]
    Db(#[from] tokio_postgres::Error),
    #[error(transparent)]
    Corrupt(#[from] Corrupt),
    /// A stored response was answered with a questionnaire version that is not
    /// in the questionnaire folder.
    #[error(
        "a stored response was answered with version {version} of questionnaire `{id}`, which is not in the questionnaire folder; put that version's file back beside the current one and start again"
    )]
    MissingVersion { id: String, version: u32 },
    /// Responses were read before the study gave the store its questionnaires.
    #[error("stored responses cannot be read without their questionnaire versions")]
    NoCatalogue,
    /// The adapter's own runtime could not run the work.
    #[error("the database's worker failed: {0}")]
    Worker(String),
}

type Result<T, E = PgError> = std::result::Result<T, E>;

/// Whether an error means the server is not there (as opposed to refusing
/// this one statement).
fn is_down(e: &tokio_postgres::Error) -> bool {
    if e.is_closed() {
        return true;
    }
    match e.code() {
        // No server-side error: an I/O failure or a broken connection.
        None => true,
        Some(code) => {
            code.code().starts_with("08")
                || [
                    SqlState::ADMIN_SHUTDOWN,
                    SqlState::CRASH_SHUTDOWN,
                    SqlState::CANNOT_CONNECT_NOW,
                    SqlState::TOO_MANY_CONNECTIONS,
                    // A standby after a failover: the next connection goes to
                    // the new primary.
                    SqlState::READ_ONLY_SQL_TRANSACTION,
                ]
                .contains(code)
        }
    }
}

impl From<PoolError> for PgError {
    fn from(e: PoolError) -> PgError {
        match e {
            PoolError::Backend(e) if !is_down(&e) => PgError::Db(e),
            other => PgError::Down(other.to_string()),
        }
    }
}

/// The study sees a PostgreSQL failure as its own kind of error, told whether
/// the client can only wait.
impl From<PgError> for StoreError {
    fn from(e: PgError) -> StoreError {
        let unavailable = match &e {
            PgError::Down(_) | PgError::Unreachable { .. } => Some(Unavailable::Unreachable),
            PgError::Db(db) if is_down(db) => Some(Unavailable::Unreachable),
            PgError::Db(db) if db.code() == Some(&SqlState::DISK_FULL) => {
                Some(Unavailable::DiskFull)
            }
            _ => None,
        };
        StoreError::new(e, unavailable)
    }
}

impl From<PgError> for crate::study::StudyError {
    fn from(e: PgError) -> crate::study::StudyError {
        crate::study::StudyError::Storage(e.into())
    }
}

/// The connection settings of a URL: the URL's own, with durable commits.
fn config_of(url: &str, shown: &str) -> Result<tokio_postgres::Config> {
    let mut config: tokio_postgres::Config =
        url.parse()
            .map_err(|e: tokio_postgres::Error| PgError::BadUrl {
                url: shown.to_string(),
                reason: e.to_string(),
            })?;
    // Acknowledged means committed: whatever the server's default, every
    // commit of this program waits for its write-ahead log to be durable.
    // Notices (a table that exists already) are not worth a log line.
    let ours = "-c synchronous_commit=on -c client_min_messages=warning";
    let options = match config.get_options() {
        Some(given) => format!("{given} {ours}"),
        None => ours.to_string(),
    };
    config.options(&options);
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_application_name().is_none() {
        config.application_name("dealbench");
    }
    Ok(config)
}

/// The pool of connections to the server.
fn pool_of(config: tokio_postgres::Config, options: &StoreOptions) -> Result<Pool> {
    let manager = Manager::from_config(
        config,
        tokio_postgres::NoTls,
        ManagerConfig {
            // A connection that broke (a restart, a failover) is found out on
            // its next use and replaced; checking each one before use would
            // cost a round trip per query.
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(manager)
        // Reads and writes share the pool (SQLite has a writer of its own):
        // a commit waits for the log to reach the disk, and the more commits
        // wait together, the more each flush carries.
        .max_size(options.read_connections.max(1) * CONNECTIONS_PER_READER)
        .runtime(deadpool_postgres::Runtime::Tokio1)
        .wait_timeout(Some(CONNECT_TIMEOUT))
        .create_timeout(Some(CONNECT_TIMEOUT))
        .recycle_timeout(Some(CONNECT_TIMEOUT))
        .build()
        .map_err(|e| PgError::Worker(e.to_string()))
}

/// The first connection's failure, as the sentence start-up stops with.
fn first_connection_error(e: PoolError, shown: &str) -> PgError {
    let url = shown.to_string();
    let db = match e {
        PoolError::Backend(db) => db,
        other => {
            return PgError::Unreachable {
                url,
                reason: other.to_string(),
            };
        }
    };
    match db.code() {
        Some(code)
            if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
        {
            PgError::Refused { url }
        }
        Some(code) if *code == SqlState::INVALID_CATALOG_NAME => PgError::NoDatabase { url },
        _ if is_down(&db) => PgError::Unreachable {
            url,
            reason: std::error::Error::source(&db)
                .map_or_else(|| db.to_string(), ToString::to_string),
        },
        _ => PgError::Db(db),
    }
}

/// Applies the migrations not yet applied, each in its own transaction, under
/// an advisory lock; refuses a schema newer than this build's.
async fn migrate(pool: &Pool, shown: &str) -> Result<()> {
    let mut client = pool.get().await?;
    client
        .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    let result = apply_migrations(&mut client, shown).await;
    client
        .execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])
        .await?;
    result
}

async fn apply_migrations(client: &mut deadpool_postgres::Object, shown: &str) -> Result<()> {
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version integer PRIMARY KEY,
                 applied_at timestamptz NOT NULL DEFAULT now()
             )",
        )
        .await?;
    let found: Option<i32> = client
        .query_one("SELECT max(version) FROM schema_migrations", &[])
        .await?
        .get(0);
    let supported = MIGRATIONS.last().map_or(0, |(v, _)| *v);
    if let Some(found) = found
        && found > supported
    {
        return Err(PgError::NewerSchema {
            url: shown.to_string(),
            found,
            supported,
        });
    }
    for (version, sql) in MIGRATIONS {
        if found.is_some_and(|f| f >= *version) {
            continue;
        }
        let tx = client.transaction().await?;
        tx.batch_execute(sql).await?;
        tx.execute(
            "INSERT INTO schema_migrations (version) VALUES ($1)",
            &[version],
        )
        .await?;
        tx.commit().await?;
        tracing::info!(version, "database migrated");
    }
    Ok(())
}

/// Listens for the other servers' word that the peer figures changed, and
/// wakes `woken` each time; on a connection of its own, made again (every two
/// seconds) whenever the server goes away. Runs until the store's runtime
/// stops.
async fn listen(url: String, woken: Arc<tokio::sync::Notify>) {
    use futures_util::StreamExt;
    let Ok(config) = config_of(&url, "") else {
        return;
    };
    loop {
        if let Ok((client, mut connection)) = config.connect(tokio_postgres::NoTls).await {
            let (said, mut heard) = tokio::sync::mpsc::unbounded_channel();
            let driver = tokio::spawn(async move {
                let mut messages =
                    futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
                while let Some(Ok(message)) = messages.next().await {
                    if let tokio_postgres::AsyncMessage::Notification(_) = message {
                        let _ = said.send(());
                    }
                }
            });
            if client
                .batch_execute("LISTEN dealbench_peer_changes")
                .await
                .is_ok()
            {
                while heard.recv().await.is_some() {
                    woken.notify_one();
                }
            }
            driver.abort();
        }
        // Gone or not there: the followers look every half second meanwhile.
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}

/// Opens the pool, checks the first connection and migrates.
async fn connect(
    url: &str,
    options: &StoreOptions,
    catalogue: Option<Arc<Catalogue>>,
) -> Result<queries::Db> {
    let shown = Database::Postgres(url.to_string()).describe();
    let config = config_of(url, &shown)?;
    let pool = pool_of(config, options)?;
    drop(
        pool.get()
            .await
            .map_err(|e| first_connection_error(e, &shown))?,
    );
    migrate(&pool, &shown).await?;
    let key_of = |name: &'static str| {
        let pool = pool.clone();
        async move {
            let value: Vec<u8> = pool
                .get()
                .await?
                .query_one("SELECT value FROM study_keys WHERE name = $1", &[&name])
                .await?
                .get(0);
            Ok::<_, PgError>(value)
        }
    };
    let db = queries::Db {
        pseudonym_key: key_of("pseudonym").await?,
        team_release_key: crate::domain::team::ReleaseKey::new(&key_of("team_release").await?),
        pool,
        catalogue,
        described: shown,
        purged_at: std::sync::atomic::AtomicI64::new(0),
    };
    if db.catalogue.is_some() {
        let derived = db.derive_listed_rows().await?;
        if derived > 0 {
            tracing::info!(
                derived,
                "stored company numbers derived again by the current rules"
            );
        }
    }
    Ok(db)
}
