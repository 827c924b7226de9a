//! Tests of the store: opening, refusing what it cannot open, migrations and
//! upgrades.

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
fn a_connection_that_cannot_write_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    drop(Store::open(&path, &StoreOptions::default(), None).expect("a fresh database"));
    let conn = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("read-only open");
    let err = check_writable(&conn, &path).expect_err("read-only");
    assert!(matches!(err, StorageError::ReadOnly { .. }));
    assert!(err.to_string().starts_with(&path.display().to_string()));
    assert!(err.to_string().contains("writable"));
}

#[test]
fn a_newer_schema_is_refused_and_the_current_one_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    drop(Store::open(&path, &StoreOptions::default(), None).expect("a fresh database"));
    let conn = Connection::open(&path).expect("open");
    check_schema_version(&conn, &path).expect("this build's schema");
    conn.execute(
        "INSERT INTO schema_migrations (version) VALUES (?1)",
        [supported_schema() + 1],
    )
    .expect("insert");
    match Store::open(&path, &StoreOptions::default(), None) {
        Err(StorageError::NewerSchema {
            found, supported, ..
        }) => assert_eq!((found, supported), (supported + 1, supported_schema())),
        other => panic!("expected NewerSchema, got {:?}", other.err()),
    }
}

#[test]
fn sqlite_failures_become_the_precise_errors_naming_the_file() {
    let file = Path::new("/data/study.db");
    let failure = |code: i32| {
        StorageError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
        .in_file(file)
    };
    assert!(matches!(
        failure(rusqlite::ffi::SQLITE_FULL),
        StorageError::DiskFull { .. }
    ));
    assert!(matches!(
        failure(rusqlite::ffi::SQLITE_READONLY),
        StorageError::ReadOnly { .. }
    ));
    assert!(matches!(
        failure(rusqlite::ffi::SQLITE_NOTADB),
        StorageError::NotADatabase { .. }
    ));
    let other = failure(rusqlite::ffi::SQLITE_BUSY);
    assert!(other.to_string().starts_with("/data/study.db: "), "{other}");
    assert_eq!(
        crate::study::StoreError::from(failure(rusqlite::ffi::SQLITE_FULL)).unavailable(),
        Some(crate::study::Unavailable::DiskFull)
    );
    let corrupt = StorageError::Corrupt("profile: expected a map".into())
        .in_file(file)
        .in_file(file);
    assert_eq!(
        corrupt.to_string(),
        "stored data is corrupt: /data/study.db: profile: expected a map"
    );
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
    let store = Store::open(&path, &StoreOptions::default(), None).expect("upgrade");
    drop(store);
    for suffix in ["", "-wal"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        assert!(!holds(&file), "{} still holds it", file.display());
    }
}

#[test]
fn a_key_is_checked_on_an_idle_connection_and_never_waits_for_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(
        &dir.path().join("t.db"),
        &StoreOptions {
            read_connections: 1,
            ..StoreOptions::default()
        },
        None,
    )
    .expect("open");
    let now = "2026-11-24T00:00:00.000Z";
    assert!(store.add_api_key("script", "secret-key", now).expect("add"));
    assert_eq!(
        store.api_key_name("secret-key").expect("read"),
        Some("script".to_string())
    );
    // The one connection is idle now.
    assert_eq!(
        store.api_key_name_if_idle("secret-key").expect("read"),
        Some(Some("script".to_string()))
    );
    assert_eq!(
        store.api_key_name_if_idle("another-key").expect("read"),
        Some(None)
    );
    // In use elsewhere: no answer rather than a wait.
    let busy = store.take_reader().expect("reader");
    assert_eq!(
        store.api_key_name_if_idle("secret-key").expect("read"),
        None
    );
    store.return_reader(busy);
    assert!(store.revoke_api_key("script", now).expect("revoke"));
    assert_eq!(
        store.api_key_name_if_idle("secret-key").expect("read"),
        Some(None)
    );
}

#[test]
fn the_upgrade_deletes_questionnaires_left_from_a_response_deleted_earlier() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let mut conn = connect(&path).expect("open");
    migrate(&mut conn).expect("migrate");
    // As a database before migration 6 could hold them: a questionnaire started
    // by "assess again" whose response was deleted since (its link emptied), one
    // that joins a team, and one nobody linked.
    conn.execute_batch(
        "DELETE FROM schema_migrations WHERE version = 6;
         DROP TABLE email_requests;
         INSERT INTO teams (id, invite_id, created_at, profile) VALUES ('t', 'i', '2026', '{}');
         INSERT INTO drafts (id, questionnaire_id, questionnaire_version, answers, started_at, updated_at)
         VALUES ('orphan', 'q', 1, '{\"contact_name\":\"Left Behind\"}', '2026', '2026'),
                ('joining', 'q', 1, '{}', '2026', '2026'),
                ('plain', 'q', 1, '{}', '2026', '2026');
         INSERT INTO draft_links (draft_id, team_id, previous_id) VALUES
             ('orphan', NULL, NULL), ('joining', 't', NULL);",
    )
    .expect("old rows");
    migrate(&mut conn).expect("upgrade");
    let drafts: Vec<String> = conn
        .prepare("SELECT id FROM drafts ORDER BY id")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert_eq!(drafts, ["joining", "plain"]);
    let links: i64 = conn
        .query_row("SELECT COUNT(*) FROM draft_links", [], |r| r.get(0))
        .expect("count");
    assert_eq!(links, 1, "the orphan's link went with it");
}

/// Every schema a file can be at: `(versions recorded, migrations applied)`.
fn schema_of(conn: &Connection) -> (Vec<u32>, bool, bool, bool) {
    let versions = conn
        .prepare("SELECT version FROM schema_migrations ORDER BY version")
        .expect("query")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<Vec<u32>>>()
        .expect("read");
    let has = |sql: &str| -> bool { conn.query_row(sql, [], |r| r.get(0)).expect("check") };
    (
        versions,
        has("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'email_requests')"),
        has(
            "SELECT EXISTS (SELECT 1 FROM pragma_table_info('team_members')
             WHERE name = 'counted_order')",
        ),
        has("SELECT EXISTS (SELECT 1 FROM pragma_table_info('responses') WHERE name = 'scoring')"),
    )
}

#[test]
fn a_file_that_took_the_scoring_records_as_its_sixth_migration_gets_six_to_eight_and_keeps_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    {
        // Migrations 1-5, then the scoring records recorded as 6.
        let conn = connect(&path).expect("open");
        conn.execute_batch(
            "CREATE TABLE schema_migrations (
                 version INTEGER PRIMARY KEY,
                 applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
        )
        .expect("table");
        let early = MIGRATIONS[..5]
            .iter()
            .copied()
            .chain([(6, MIGRATIONS[SCORE_RECORDS as usize - 1].1)]);
        for (version, sql) in early {
            conn.execute_batch(sql).expect("migration");
            conn.execute(
                "INSERT INTO schema_migrations (version) VALUES (?1)",
                [version],
            )
            .expect("record");
        }
    }
    drop(Store::open(&path, &StoreOptions::default(), None).expect("upgraded"));
    let conn = Connection::open(&path).expect("open");
    assert_eq!(
        schema_of(&conn),
        ((1..=MIGRATIONS.len() as u32).collect(), true, true, true)
    );
    let secrets: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM study_keys WHERE name = 'team_release'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(secrets, 1);
    drop(conn);
    // Opened again, nothing is applied twice.
    drop(Store::open(&path, &StoreOptions::default(), None).expect("again"));
    let conn = Connection::open(&path).expect("open");
    assert_eq!(
        schema_of(&conn),
        ((1..=MIGRATIONS.len() as u32).collect(), true, true, true)
    );
}

#[test]
fn a_file_at_the_decided_deals_migration_gets_the_scoring_records_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    {
        let mut conn = connect(&path).expect("open");
        conn.execute_batch(
            "CREATE TABLE schema_migrations (
                 version INTEGER PRIMARY KEY,
                 applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
        )
        .expect("table");
        let tx = conn.transaction().expect("tx");
        for (version, sql) in &MIGRATIONS[..8] {
            tx.execute_batch(sql).expect("migration");
            tx.execute(
                "INSERT INTO schema_migrations (version) VALUES (?1)",
                [version],
            )
            .expect("record");
        }
        tx.commit().expect("commit");
    }
    drop(Store::open(&path, &StoreOptions::default(), None).expect("upgraded"));
    let conn = Connection::open(&path).expect("open");
    assert_eq!(
        schema_of(&conn),
        ((1..=MIGRATIONS.len() as u32).collect(), true, true, true)
    );
}
