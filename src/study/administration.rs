//! The study's administration from the command line: operators of the console
//! and API keys for scripted submissions. It needs only the database, not the
//! questionnaire, so it opens without a [`super::Study`] (or shares a running
//! study's, see [`super::Study::administration`]).

use std::path::Path;
use std::sync::Arc;

use super::error::StudyResult;
use super::records::ApiKey;
use super::storage::api_keys::new_api_key;
use super::storage::{Store, now_timestamp};

/// The database opened for administration.
pub struct Administration {
    store: Arc<Store>,
}

impl Administration {
    /// Administration of a study's open database.
    pub(super) fn of(store: Arc<Store>) -> Administration {
        Administration { store }
    }

    /// Opens (creating if missing) the study database at `db`.
    ///
    /// # Errors
    /// When the database cannot be opened or migrated.
    pub fn open(db: &Path) -> StudyResult<Administration> {
        Ok(Administration {
            store: Arc::new(Store::open(db)?),
        })
    }

    /// Adds an operator with an argon2id password hash; false if the name is
    /// taken.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn add_operator(&self, name: &str, password_hash: &str) -> StudyResult<bool> {
        Ok(self
            .store
            .add_operator(name, password_hash, &now_timestamp())?)
    }

    /// Removes an operator (and their sessions); false if there is none.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn remove_operator(&self, name: &str) -> StudyResult<bool> {
        Ok(self.store.remove_operator(name)?)
    }

    /// Every operator: (name, added at).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn operators(&self) -> StudyResult<Vec<(String, String)>> {
        Ok(self.store.operators()?)
    }

    /// Issues a new API key named `name`; returns the key (stored only as its
    /// hash), or `None` if the name is taken.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn issue_api_key(&self, name: &str) -> StudyResult<Option<String>> {
        let key = new_api_key();
        Ok(self
            .store
            .add_api_key(name, &key, &now_timestamp())?
            .then_some(key))
    }

    /// Revokes the active API key named `name`; false if there is none.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn revoke_api_key(&self, name: &str) -> StudyResult<bool> {
        Ok(self.store.revoke_api_key(name, &now_timestamp())?)
    }

    /// Every API key ever issued, revoked ones included.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn api_keys(&self) -> StudyResult<Vec<ApiKey>> {
        Ok(self.store.api_keys()?)
    }
}
