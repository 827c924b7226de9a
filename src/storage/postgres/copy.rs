//! Moving a study from its SQLite file into PostgreSQL (`dealbench db copy`):
//! every record, column for column (the compact forms are the same in both),
//! with the database's pseudonym key, so that every report, export and
//! deletion-log line reads the same afterwards. One transaction: an error
//! leaves the PostgreSQL database as it was.

use std::path::Path;

use tokio_postgres::types::ToSql;

use super::queries::Db;
use super::{PgError, Result};

/// Rows sent per statement.
const BATCH: usize = 1_000;

/// A column's type, as both databases hold it.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Int,
    Bool,
    Bytes,
    Real,
}

/// One table to copy: its columns (the same names in both databases, with
/// their PostgreSQL array type for `UNNEST`), and the order to read it in.
struct Table {
    name: &'static str,
    columns: &'static [(&'static str, Kind)],
    order: &'static str,
}

use Kind::{Bool, Bytes, Int, Real, Text};

/// The tables in an order that satisfies every reference. Responses come
/// before the links of drafts, so that the trigger carrying a draft's links
/// over to its response finds none to copy twice.
const TABLES: &[Table] = &[
    Table {
        name: "operators",
        columns: &[
            ("name", Text),
            ("password_hash", Text),
            ("created_at", Text),
        ],
        order: "name",
    },
    Table {
        name: "sessions",
        columns: &[
            ("id", Text),
            ("operator", Text),
            ("csrf_token", Text),
            ("created_at", Text),
            ("last_seen", Text),
        ],
        order: "id",
    },
    Table {
        name: "api_keys",
        columns: &[
            ("name", Text),
            ("key_hash", Text),
            ("created_at", Text),
            ("revoked_at", Text),
        ],
        order: "name",
    },
    Table {
        name: "deletion_log",
        columns: &[
            ("deleted_at", Text),
            ("operator", Text),
            ("kind", Text),
            ("pseudonym", Text),
        ],
        order: "rowid",
    },
    Table {
        name: "drafts",
        columns: &[
            ("id", Text),
            ("questionnaire_id", Text),
            ("questionnaire_version", Int),
            ("answers", Text),
            ("page", Int),
            ("started_at", Text),
            ("updated_at", Text),
            ("response_id", Text),
            ("language", Text),
        ],
        order: "rowid",
    },
    Table {
        name: "responses",
        columns: &[
            ("id", Text),
            ("draft_id", Text),
            ("questionnaire_id", Text),
            ("questionnaire_version", Int),
            ("started_at", Text),
            ("submitted_at", Text),
            ("synthetic", Bool),
            ("answers", Text),
            ("choices", Bytes),
            ("peer_numbers", Bytes),
            ("contact", Text),
            ("standing", Bytes),
            ("overall", Real),
            ("value", Real),
            ("number", Real),
            ("win_rate", Real),
            ("sales_cycle", Real),
            ("personal", Real),
            ("flags", Text),
            ("held", Bool),
            ("scoring", Text),
            ("language", Text),
        ],
        order: "seq",
    },
    Table {
        name: "teams",
        columns: &[
            ("id", Text),
            ("invite_id", Text),
            ("created_at", Text),
            ("starter_response_id", Text),
            ("profile", Text),
            ("wave", Int),
        ],
        order: "rowid",
    },
    Table {
        name: "draft_links",
        columns: &[
            ("draft_id", Text),
            ("team_id", Text),
            ("show_name", Bool),
            ("previous_id", Text),
        ],
        order: "rowid",
    },
    Table {
        name: "team_members",
        columns: &[
            ("response_id", Text),
            ("team_id", Text),
            ("wave", Int),
            ("show_name", Bool),
        ],
        order: "rowid",
    },
    Table {
        name: "response_links",
        columns: &[("response_id", Text), ("previous_id", Text)],
        order: "rowid",
    },
    Table {
        name: "questionnaire_versions",
        columns: &[
            ("questionnaire_id", Text),
            ("version", Int),
            ("items", Text),
        ],
        order: "questionnaire_id, version",
    },
    Table {
        name: "email_queue",
        columns: &[
            ("response_id", Text),
            ("team_id", Text),
            ("kind", Text),
            ("address", Text),
            ("facts", Text),
            ("due_at", Text),
            ("attempts", Int),
        ],
        order: "id",
    },
];

/// One column's values of a batch, as PostgreSQL arrays take them.
enum Values {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i32>>),
    Bool(Vec<Option<bool>>),
    Bytes(Vec<Option<Vec<u8>>>),
    Real(Vec<Option<f64>>),
}

impl Values {
    fn of(kind: Kind) -> Values {
        match kind {
            Text => Values::Text(Vec::with_capacity(BATCH)),
            Int => Values::Int(Vec::with_capacity(BATCH)),
            Bool => Values::Bool(Vec::with_capacity(BATCH)),
            Bytes => Values::Bytes(Vec::with_capacity(BATCH)),
            Real => Values::Real(Vec::with_capacity(BATCH)),
        }
    }

    fn push(&mut self, value: rusqlite::types::Value, table: &str) -> Result<()> {
        use rusqlite::types::Value as Sql;
        let odd = |v: &Sql| {
            PgError::Corrupt(super::Corrupt(format!(
                "{table}: a value of an unexpected type ({v:?}) cannot be copied"
            )))
        };
        match (self, value) {
            (Values::Text(v), Sql::Null) => v.push(None),
            (Values::Text(v), Sql::Text(t)) => v.push(Some(t)),
            (Values::Int(v), Sql::Null) => v.push(None),
            (Values::Int(v), Sql::Integer(i)) => {
                v.push(Some(i32::try_from(i).map_err(|_| odd(&Sql::Integer(i)))?));
            }
            (Values::Bool(v), Sql::Null) => v.push(None),
            (Values::Bool(v), Sql::Integer(i)) => v.push(Some(i != 0)),
            (Values::Bytes(v), Sql::Null) => v.push(None),
            (Values::Bytes(v), Sql::Blob(b)) => v.push(Some(b)),
            (Values::Real(v), Sql::Null) => v.push(None),
            (Values::Real(v), Sql::Real(r)) => v.push(Some(r)),
            (Values::Real(v), Sql::Integer(i)) => v.push(Some(i as f64)),
            (_, other) => return Err(odd(&other)),
        }
        Ok(())
    }

    fn param(&self) -> &(dyn ToSql + Sync) {
        match self {
            Values::Text(v) => v,
            Values::Int(v) => v,
            Values::Bool(v) => v,
            Values::Bytes(v) => v,
            Values::Real(v) => v,
        }
    }

    fn array_type(kind: Kind) -> &'static str {
        match kind {
            Text => "text[]",
            Int => "integer[]",
            Bool => "boolean[]",
            Bytes => "bytea[]",
            Real => "double precision[]",
        }
    }
}

/// What a copy moved: rows per table.
pub(in crate::study) type Copied = Vec<(&'static str, usize)>;

/// What the reader of the SQLite file hands over.
enum Piece {
    /// The file's pseudonym key.
    Key(Vec<u8>),
    /// Rows of the table `TABLES[table]`, column by column.
    Rows {
        table: usize,
        values: Vec<Values>,
        rows: usize,
    },
}

/// Reads the file table by table, in batches, onto `out`. Blocking.
fn read_file(path: &Path, out: &tokio::sync::mpsc::Sender<Result<Piece>>) -> Result<()> {
    let sqlite = |e: rusqlite::Error| PgError::Source(format!("{}: {e}", path.display()));
    let gone = || PgError::Worker("the copy was abandoned".into());
    let source =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(sqlite)?;
    let key: Vec<u8> = source
        .query_row(
            "SELECT value FROM study_keys WHERE name = 'pseudonym'",
            [],
            |r| r.get(0),
        )
        .map_err(sqlite)?;
    out.blocking_send(Ok(Piece::Key(key))).map_err(|_| gone())?;
    for (index, table) in TABLES.iter().enumerate() {
        let read = table
            .columns
            .iter()
            .map(|(n, k)| match k {
                // A column SQLite may hold NULL in before conversion.
                Bytes if *n == "peer_numbers" => format!("COALESCE({n}, X'')"),
                _ => (*n).to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = source
            .prepare(&format!(
                "SELECT {read} FROM {} ORDER BY {}",
                table.name, table.order
            ))
            .map_err(sqlite)?;
        let mut rows = stmt.query([]).map_err(sqlite)?;
        let fresh =
            || -> Vec<Values> { table.columns.iter().map(|(_, k)| Values::of(*k)).collect() };
        let mut values = fresh();
        let mut in_batch = 0;
        while let Some(row) = rows.next().map_err(sqlite)? {
            for (i, column) in values.iter_mut().enumerate() {
                column.push(row.get(i).map_err(sqlite)?, table.name)?;
            }
            in_batch += 1;
            if in_batch == BATCH {
                let full = std::mem::replace(&mut values, fresh());
                out.blocking_send(Ok(Piece::Rows {
                    table: index,
                    values: full,
                    rows: in_batch,
                }))
                .map_err(|_| gone())?;
                in_batch = 0;
            }
        }
        out.blocking_send(Ok(Piece::Rows {
            table: index,
            values,
            rows: in_batch,
        }))
        .map_err(|_| gone())?;
    }
    Ok(())
}

impl Db {
    /// Copies every record of the (converted, current-form) SQLite file at
    /// `path` into this database, which must hold no study yet.
    ///
    /// # Errors
    /// When this database holds records already, or a row cannot be read or
    /// written; nothing is written then.
    pub async fn copy_from_sqlite(&self, path: &Path) -> Result<Copied> {
        let mut client = self.client().await?;
        let held: i64 = client
            .query_one(
                "SELECT (SELECT count(*) FROM responses) + (SELECT count(*) FROM drafts)
                      + (SELECT count(*) FROM operators) + (SELECT count(*) FROM api_keys)",
                &[],
            )
            .await?
            .get(0);
        if held > 0 {
            return Err(PgError::NotEmpty {
                url: self.described.clone(),
                records: held,
            });
        }
        let (tx_pieces, mut pieces) = tokio::sync::mpsc::channel(4);
        let file = path.to_path_buf();
        let reader = std::thread::Builder::new()
            .name("db-copy".into())
            .spawn(move || {
                if let Err(e) = read_file(&file, &tx_pieces) {
                    let _ = tx_pieces.blocking_send(Err(e));
                }
            })
            .map_err(|e| PgError::Worker(e.to_string()))?;
        let tx = client.transaction().await?;
        let mut statements = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            let names: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
            let unnest = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, (_, k))| format!("${}::{}", i + 1, Values::array_type(*k)))
                .collect::<Vec<_>>()
                .join(", ");
            statements.push(
                tx.prepare(&format!(
                    "INSERT INTO {} ({}) SELECT * FROM UNNEST({unnest})",
                    table.name,
                    names.join(", ")
                ))
                .await?,
            );
        }
        // The responses' triggers count each row into the participation days,
        // log it for other servers' peer figures and carry draft links over:
        // row by row, they take most of a large copy. The servers are stopped
        // during a copy and load their figures when they start, and the links are
        // copied as tables, so the triggers are off for it and the participation
        // days are counted once at the end (all in the copy's transaction).
        tx.batch_execute("ALTER TABLE responses DISABLE TRIGGER USER")
            .await?;
        let mut copied: Copied = TABLES.iter().map(|t| (t.name, 0)).collect();
        while let Some(piece) = pieces.recv().await {
            match piece? {
                // The file's key, so that every pseudonym stays what it was.
                Piece::Key(key) => {
                    tx.execute(
                        "UPDATE study_keys SET value = $1 WHERE name = 'pseudonym'",
                        &[&key],
                    )
                    .await?;
                }
                Piece::Rows { rows: 0, .. } => {}
                Piece::Rows {
                    table,
                    values,
                    rows,
                } => {
                    let params: Vec<&(dyn ToSql + Sync)> =
                        values.iter().map(Values::param).collect();
                    tx.execute(&statements[table], &params).await?;
                    copied[table].1 += rows;
                }
            }
        }
        let _ = reader.join();
        tx.batch_execute(
            "INSERT INTO participation_days
                 SELECT questionnaire_id, questionnaire_version, synthetic,
                        substr(submitted_at, 1, 10), 0, count(*)
                 FROM responses GROUP BY 1, 2, 3, 4;
             ALTER TABLE responses ENABLE TRIGGER USER",
        )
        .await?;
        tx.commit().await?;
        Ok(copied)
    }
}
