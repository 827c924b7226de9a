//! The study's administration from the command line: operators of the console
//! and API keys for scripted submissions. It needs only the database, not the
//! questionnaire, so it opens without a [`super::Study`] (or shares a running
//! study's, see [`super::Study::administration`]).

use std::sync::Arc;

use super::error::StudyResult;
use super::port::StudyStore;
use super::records::{ApiKey, Database, StoreOptions};
use super::storage::{self, new_api_key, now_timestamp};

/// The database opened for administration.
pub struct Administration {
    store: Arc<dyn StudyStore>,
}

impl Administration {
    /// Administration of a study's open database.
    pub(super) fn of(store: Arc<dyn StudyStore>) -> Administration {
        Administration { store }
    }

    /// Opens (creating and migrating if needed) the study's database.
    ///
    /// # Errors
    /// When the database cannot be opened or migrated.
    pub async fn open(db: impl Into<Database>) -> StudyResult<Administration> {
        Ok(Administration {
            store: storage::open(&db.into(), &StoreOptions::default(), None).await?,
        })
    }

    /// Copies a study from its SQLite file into an empty PostgreSQL database,
    /// every record as it is (pseudonyms included), so that every report
    /// reads the same after; the file is brought to its current form first,
    /// as `serve` would (which needs every questionnaire version it holds).
    /// Returns the rows copied per table.
    ///
    /// # Errors
    /// Another pair than a file and a `postgres://` URL, a database that
    /// cannot be opened, a server database that holds a study already: nothing
    /// is written to it then.
    pub async fn copy_study(
        from: &Database,
        to: &Database,
        catalogue: crate::domain::Catalogue,
    ) -> StudyResult<Vec<(String, usize)>> {
        storage::copy(from, to, Arc::new(catalogue)).await
    }

    /// Adds an operator with an argon2id password hash; false if the name is
    /// taken.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn add_operator(&self, name: &str, password_hash: &str) -> StudyResult<bool> {
        Ok(self
            .store
            .add_operator(name, password_hash, &now_timestamp())
            .await?)
    }

    /// Removes an operator (and their sessions); false if there is none.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn remove_operator(&self, name: &str) -> StudyResult<bool> {
        Ok(self.store.remove_operator(name).await?)
    }

    /// Every operator: (name, added at).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn operators(&self) -> StudyResult<Vec<(String, String)>> {
        Ok(self.store.operators().await?)
    }

    /// Issues a new API key named `name`; returns the key (stored only as its
    /// hash), or `None` if the name is taken.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn issue_api_key(&self, name: &str) -> StudyResult<Option<String>> {
        let key = new_api_key();
        Ok(self
            .store
            .add_api_key(name, &key, &now_timestamp())
            .await?
            .then_some(key))
    }

    /// Revokes the active API key named `name`; false if there is none.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn revoke_api_key(&self, name: &str) -> StudyResult<bool> {
        Ok(self.store.revoke_api_key(name, &now_timestamp()).await?)
    }

    /// Every API key ever issued, revoked ones included.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn api_keys(&self) -> StudyResult<Vec<ApiKey>> {
        Ok(self.store.api_keys().await?)
    }
}
