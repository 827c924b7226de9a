//! What can go wrong in the study's operations, with the cause kept.
//!
//! The web layer maps each variant to a status and a message in one place
//! (`web::error`); the command line prints it.

use crate::domain::AnswerError;
use crate::storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum StudyError {
    /// No such response, draft, team or link (or it was deleted).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The answers do not fit the questionnaire.
    #[error("the answers do not fit the questionnaire")]
    Invalid(#[source] AnswerError),
    /// A team or wave operation was refused (teams not offered, in another team).
    #[error(transparent)]
    Team(#[from] crate::teams::TeamError),
    /// The database failed; the storage error says what and in which file.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A lock guarding the live peer figures was poisoned by a panic elsewhere.
    #[error("the {0} lock was poisoned by an earlier failure")]
    Poisoned(&'static str),
    /// An operator's password could not be checked: every check is taken
    /// (`AccountError::Busy`, try again shortly) or the stored hash is unusable.
    #[error(transparent)]
    Account(#[from] crate::accounts::AccountError),
    /// Blocking work could not finish (its thread panicked or was cancelled).
    #[error("background work failed")]
    Background(#[source] tokio::task::JoinError),
}

/// Why nothing can be stored now: the client can only wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    DiskFull,
    ReadOnly,
    /// Just started: the stored responses are still being loaded.
    Loading,
    /// The database file is damaged: nothing more is written to it.
    Damaged,
}

impl StudyError {
    /// Whether nothing can be stored now (disk full, read-only database, still
    /// loading, a damaged file), and the
    /// storage error that says so (it names the file and what to do).
    pub fn unavailable(&self) -> Option<(Unavailable, &StorageError)> {
        let storage = match self {
            StudyError::Storage(e) | StudyError::Team(crate::teams::TeamError::Storage(e)) => e,
            _ => return None,
        };
        match storage {
            StorageError::DiskFull { .. } => Some((Unavailable::DiskFull, storage)),
            StorageError::ReadOnly { .. } => Some((Unavailable::ReadOnly, storage)),
            StorageError::Loading => Some((Unavailable::Loading, storage)),
            StorageError::Damaged { .. } => Some((Unavailable::Damaged, storage)),
            _ => None,
        }
    }
}

pub type StudyResult<T> = std::result::Result<T, StudyError>;
