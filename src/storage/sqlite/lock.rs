//! One serving process per SQLite file. Two `serve` processes on one file would
//! each keep peer figures of their own (each counting only its own
//! submissions), so the process that serves a file holds an exclusive lock on
//! it for as long as it runs, and a second one refuses to start. Other
//! commands (adding an operator or an API key, demo data) take no lock and
//! still work beside a running server.
//!
//! The lock is `flock` on the database file: the kernel drops it when the
//! process ends, however it ends, and it does not touch SQLite's own locks
//! (which are `fcntl` locks). Within one process the lock is shared, so that the
//! same process may open its own file again.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, Weak};

use super::{Result, StorageError};

/// Held for the life of a store opened to serve.
pub struct ProcessLock {
    _file: Arc<File>,
}

/// The locks this process holds, by file, so that opening a file again shares
/// its lock instead of failing against ourselves.
fn held() -> &'static Mutex<HashMap<PathBuf, Weak<File>>> {
    static HELD: OnceLock<Mutex<HashMap<PathBuf, Weak<File>>>> = OnceLock::new();
    HELD.get_or_init(|| Mutex::new(HashMap::new()))
}

impl ProcessLock {
    /// Takes the lock on the database file at `path` (which exists).
    ///
    /// # Errors
    /// `InUse` when another process serves the file.
    pub fn take(path: &Path) -> Result<ProcessLock> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let mut held = held()
            .lock()
            .map_err(|_| StorageError::Corrupt("the lock registry is poisoned".into()))?;
        if let Some(file) = held.get(&key).and_then(Weak::upgrade) {
            return Ok(ProcessLock { _file: file });
        }
        let file = File::open(path).map_err(|e| StorageError::CannotOpen {
            file: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StorageError::InUse {
                    file: path.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(StorageError::CannotOpen {
                    file: path.to_path_buf(),
                    reason: format!("cannot lock it: {e}"),
                });
            }
        }
        let file = Arc::new(file);
        held.retain(|_, f| f.strong_count() > 0);
        held.insert(key, Arc::downgrade(&file));
        Ok(ProcessLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_process_shares_its_lock_and_frees_it_with_the_last_holder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        std::fs::write(&path, b"").expect("file");
        let first = ProcessLock::take(&path).expect("first");
        let again = ProcessLock::take(&path).expect("the same process");
        drop((first, again));
        // Freed: another open file description may take it now.
        let other = File::open(&path).expect("open");
        other.try_lock().expect("free once every holder is gone");
    }

    #[test]
    fn another_holder_of_the_file_is_refused_with_a_sentence_that_says_what_to_do() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        std::fs::write(&path, b"").expect("file");
        // Another process's lock, as the kernel sees it: another open file.
        let other = File::open(&path).expect("open");
        other.try_lock().expect("lock");
        let err = ProcessLock::take(&path).err().expect("in use");
        assert!(matches!(err, StorageError::InUse { .. }));
        let said = err.to_string();
        assert!(said.contains("PostgreSQL"), "{said}");
    }
}
