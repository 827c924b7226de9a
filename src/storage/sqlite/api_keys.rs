//! API keys for scripted submissions through the JSON API, issued by operators
//! from the command line. Only the SHA-256 of a key is stored: the key itself is
//! shown once, when it is issued.

use rusqlite::OptionalExtension;

use super::console::text;
use super::{Result, Store, sha256_hex};
use crate::study::records::ApiKey;

impl Store {
    /// Stores a new key under a name; false if the name is taken. Blocking.
    pub fn add_api_key(&self, name: &str, key: &str, now: &str) -> Result<bool> {
        Ok(self.execute(
            "INSERT OR IGNORE INTO api_keys (name, key_hash, created_at) VALUES (?1, ?2, ?3)",
            vec![text(name), text(&sha256_hex(key)), text(now)],
        )? == 1)
    }

    /// Revokes a key; false if there was no such active key. Blocking.
    pub fn revoke_api_key(&self, name: &str, now: &str) -> Result<bool> {
        Ok(self.execute(
            "UPDATE api_keys SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL",
            vec![text(name), text(now)],
        )? == 1)
    }

    /// Every key issued, by name. Blocking.
    pub fn api_keys(&self) -> Result<Vec<ApiKey>> {
        self.read(|conn| {
            let mut stmt =
                conn.prepare("SELECT name, created_at, revoked_at FROM api_keys ORDER BY name")?;
            let rows = stmt.query_map([], |r| {
                Ok(ApiKey {
                    name: r.get(0)?,
                    created_at: r.get(1)?,
                    revoked_at: r.get(2)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The name of the active key with this value, if any. Blocking.
    pub fn api_key_name(&self, key: &str) -> Result<Option<String>> {
        self.read(|conn| key_holder(conn, key))
    }

    /// As [`Store::api_key_name`], only if a read connection is idle now: `None`
    /// when every one is in use, rather than waiting for one. A point lookup of
    /// a few microseconds, so it may run where blocking is not allowed.
    pub fn api_key_name_if_idle(&self, key: &str) -> Result<Option<Option<String>>> {
        self.read_if_idle(|conn| key_holder(conn, key))
    }
}

fn key_holder(conn: &rusqlite::Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT name FROM api_keys WHERE key_hash = ?1 AND revoked_at IS NULL")?
        .query_row([sha256_hex(key)], |r| r.get(0))
        .optional()?)
}
