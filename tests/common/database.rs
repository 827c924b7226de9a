//! The database a test runs on: a temporary SQLite file, or, when
//! `DEALBENCH_TEST_BACKEND=postgres`, a database of its own on the PostgreSQL
//! server that `DEALBENCH_TEST_POSTGRES` names (a URL to a database of that
//! server a superuser may create databases from, e.g.
//! `postgres://postgres@127.0.0.1:5433/postgres`), created with a random name
//! and dropped after. `.ci/test` starts such a server and runs the suite once
//! per backend.
//!
//! Checks by brute force read the database straight, in SQL both backends
//! understand (`$1` parameters).

use std::path::PathBuf;
use std::sync::Arc;

use dealbench::study::records::Database;

/// Which backend the suite runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The backend of this run of the suite.
pub fn backend() -> Backend {
    match std::env::var("DEALBENCH_TEST_BACKEND").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

/// The PostgreSQL server tests may create databases on, if one is given.
pub fn postgres_server() -> Option<String> {
    std::env::var("DEALBENCH_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// Whether a test that only means something on an SQLite file (its files on
/// disk, its writer) should be skipped in this run; says so when it is.
pub fn sqlite_only(what: &str) -> bool {
    if backend() == Backend::Postgres {
        println!("skipped on PostgreSQL: {what}");
        return true;
    }
    false
}

/// A response's columns read by brute force: id, choices, held, flags, and
/// the scores in `IndexKind::ALL` order.
pub type RawResponse = (String, Vec<u8>, bool, String, [Option<f64>; 6]);

/// A fresh PostgreSQL database for a test that needs one whatever the
/// backend of the run (moving a study, several servers on one database);
/// `None` (the test is skipped, and says so) without a test server, except
/// under CI, where one is required.
pub fn postgres_or_skip(what: &str) -> Option<TestDatabase> {
    if postgres_server().is_some() {
        return Some(TestDatabase::postgres());
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} needs PostgreSQL: DEALBENCH_TEST_POSTGRES is not set (bash .ci/test starts a server)"
    );
    println!(
        "skipped: {what} needs PostgreSQL; DEALBENCH_TEST_POSTGRES is not set (bash .ci/test starts a server)"
    );
    None
}

/// A database of one test's own.
pub struct TestDatabase {
    pub database: Database,
    /// Where an SQLite file lives (and other files of the test may).
    pub dir: tempfile::TempDir,
    /// The PostgreSQL database to drop after the test: (server URL, name).
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    /// A fresh, empty database on the backend of this run.
    pub fn new() -> Arc<TestDatabase> {
        Arc::new(match backend() {
            Backend::Sqlite => TestDatabase::sqlite(),
            Backend::Postgres => TestDatabase::postgres(),
        })
    }

    /// A fresh SQLite file in a temporary folder.
    pub fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().expect("tempdir");
        TestDatabase {
            database: Database::Sqlite(dir.path().join("test.db")),
            dir,
            postgres: None,
        }
    }

    /// The SQLite file `file`, which lives in `dir`.
    pub fn sqlite_file(dir: tempfile::TempDir, file: &std::path::Path) -> TestDatabase {
        TestDatabase {
            database: Database::Sqlite(file.to_path_buf()),
            dir,
            postgres: None,
        }
    }

    /// A fresh database on the test server.
    ///
    /// # Panics
    /// Without `DEALBENCH_TEST_POSTGRES`: a PostgreSQL run needs its server.
    pub fn postgres() -> TestDatabase {
        let server = postgres_server()
            .expect("DEALBENCH_TEST_POSTGRES names the PostgreSQL server to test on");
        let name = format!("dealbench_test_{}", uuid::Uuid::new_v4().simple());
        execute_on(&server, &format!("CREATE DATABASE {name}"));
        let url = with_database(&server, &name);
        TestDatabase {
            database: Database::Postgres(url),
            dir: tempfile::tempdir().expect("tempdir"),
            postgres: Some((server, name)),
        }
    }

    /// The SQLite file.
    ///
    /// # Panics
    /// On PostgreSQL: the test should have been skipped ([`sqlite_only`]).
    pub fn path(&self) -> PathBuf {
        match &self.database {
            Database::Sqlite(path) => path.clone(),
            Database::Postgres(_) => panic!("an SQLite file was asked for on PostgreSQL"),
        }
    }

    /// `--db` as the command line takes it.
    pub fn arg(&self) -> String {
        match &self.database {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres(url) => url.clone(),
        }
    }

    /// A count read straight from the database: `sql` with `$1` bound to `key`.
    pub fn count(&self, sql: &str, key: &str) -> i64 {
        match &self.database {
            Database::Sqlite(path) => rusqlite::Connection::open(path)
                .expect("open the database")
                .query_row(sql, [key], |r| r.get(0))
                .expect("count"),
            Database::Postgres(url) => {
                let (sql, key) = (sql.to_string(), key.to_string());
                on_postgres(url, move |client| async move {
                    let row = client.query_one(&sql, &[&key]).await.expect("count");
                    row.get::<_, i64>(0)
                })
            }
        }
    }

    /// Rows of text columns read straight from the database (`sql` selects
    /// only text, or NULL).
    pub fn texts(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        match &self.database {
            Database::Sqlite(path) => {
                let conn = rusqlite::Connection::open(path).expect("open the database");
                let mut stmt = conn.prepare(sql).expect("query");
                let columns = stmt.column_count();
                stmt.query_map([], |r| {
                    (0..columns)
                        .map(|i| r.get::<_, Option<String>>(i))
                        .collect::<Result<Vec<_>, _>>()
                })
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("rows")
            }
            Database::Postgres(url) => {
                let sql = sql.to_string();
                on_postgres(url, move |client| async move {
                    client
                        .query(&sql, &[])
                        .await
                        .expect("rows")
                        .iter()
                        .map(|r| {
                            (0..r.len())
                                .map(|i| r.get::<_, Option<String>>(i))
                                .collect()
                        })
                        .collect()
                })
            }
        }
    }

    /// Runs a statement straight on the database.
    pub fn execute(&self, sql: &str) {
        match &self.database {
            Database::Sqlite(path) => {
                rusqlite::Connection::open(path)
                    .expect("open the database")
                    .execute_batch(sql)
                    .expect("execute");
            }
            Database::Postgres(url) => execute_on(url, sql),
        }
    }

    /// Every response, read by brute force, in storage order.
    pub fn responses(&self) -> Vec<RawResponse> {
        const SQL: &str = "SELECT id, choices, held, flags, overall, value, number, win_rate,
                                  sales_cycle, personal FROM responses ORDER BY seq";
        match &self.database {
            Database::Sqlite(path) => {
                let conn = rusqlite::Connection::open(path).expect("open the database");
                let mut stmt = conn.prepare(SQL).expect("query");
                stmt.query_map([], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        [
                            r.get(4)?,
                            r.get(5)?,
                            r.get(6)?,
                            r.get(7)?,
                            r.get(8)?,
                            r.get(9)?,
                        ],
                    ))
                })
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("rows")
            }
            Database::Postgres(url) => on_postgres(url, |client| async move {
                client
                    .query(SQL, &[])
                    .await
                    .expect("rows")
                    .iter()
                    .map(|r| {
                        (
                            r.get(0),
                            r.get(1),
                            r.get(2),
                            r.get(3),
                            [r.get(4), r.get(5), r.get(6), r.get(7), r.get(8), r.get(9)],
                        )
                    })
                    .collect()
            }),
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((server, name)) = self.postgres.take() {
            execute_on(
                &server,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            );
        }
    }
}

/// The server URL with another database named in it.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (server, None),
    };
    let (scheme, rest) = base.split_once("://").expect("a postgres:// URL");
    let host = rest.split('/').next().unwrap_or(rest);
    match query {
        Some(q) => format!("{scheme}://{host}/{name}?{q}"),
        None => format!("{scheme}://{host}/{name}"),
    }
}

/// Runs `work` with a connection to `url`, on a thread and runtime of its own
/// (so that it may be called from a test's runtime or none).
pub fn on_postgres<T, F, Fut>(url: &str, work: F) -> T
where
    T: Send + 'static,
    F: FnOnce(tokio_postgres::Client) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = T>,
{
    let url = url.to_string();
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime")
            .block_on(async move {
                let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                    .await
                    .expect("connect to the test server");
                tokio::spawn(connection);
                work(client).await
            })
    })
    .join()
    .expect("the database thread")
}

/// Runs statements on `url`.
pub fn execute_on(url: &str, sql: &str) {
    let sql = sql.to_string();
    on_postgres(url, move |client| async move {
        client.batch_execute(&sql).await.expect("execute");
    });
}
