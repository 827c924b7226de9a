//! What can go wrong in the study's operations, with the cause kept.
//!
//! The web layer maps each variant to a status and a message in one place
//! (`web::error`); the command line prints it.

use crate::domain::AnswerError;

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
    Team(#[from] super::TeamError),
    /// The database failed; the error says what, where, and what to do.
    #[error(transparent)]
    Storage(#[from] StoreError),
    /// A stored response was answered with a questionnaire version that is not
    /// in the questionnaire folder: it could be neither read nor reported.
    #[error(
        "a stored response was answered with version {version} of questionnaire `{id}`, which is not in the questionnaire folder; put that version's file back beside the current one and start again"
    )]
    MissingVersion { id: String, version: u32 },
    /// A study cannot be copied between these databases.
    #[error("{0}")]
    Copy(String),
    /// A lock guarding the live peer figures was poisoned by a panic elsewhere.
    #[error("the {0} lock was poisoned by an earlier failure")]
    Poisoned(&'static str),
    /// An operator's password could not be checked: every check is taken
    /// (`AccountError::Busy`, try again shortly) or the stored hash is unusable.
    #[error(transparent)]
    Account(#[from] super::operators::AccountError),
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
    /// The database server cannot be reached (restarting, failing over).
    Unreachable,
    /// The database file is damaged: nothing more is written to it.
    Damaged,
}

/// A failure of the study's database, whichever backend it is: the backend's
/// own error (its message names the database and says what to do), and
/// whether the client can only wait it out.
#[derive(Debug)]
pub struct StoreError {
    unavailable: Option<Unavailable>,
    cause: Box<dyn std::error::Error + Send + Sync>,
}

impl StoreError {
    /// A backend's error, and whether it means nothing can be stored now.
    pub(crate) fn new(
        cause: impl Into<Box<dyn std::error::Error + Send + Sync>>,
        unavailable: Option<Unavailable>,
    ) -> StoreError {
        StoreError {
            unavailable,
            cause: cause.into(),
        }
    }

    /// Why nothing can be stored now, if that is what this error means.
    pub fn unavailable(&self) -> Option<Unavailable> {
        self.unavailable
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.cause.fmt(f)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause.source()
    }
}

impl StudyError {
    /// Whether nothing can be stored now (disk full, read-only database, still
    /// loading, a damaged file, an unreachable server), and the storage error
    /// that says so (it names the database and what to do).
    pub fn unavailable(&self) -> Option<(Unavailable, &StoreError)> {
        match self {
            StudyError::Storage(e) => Some((e.unavailable?, e)),
            _ => None,
        }
    }
}

pub type StudyResult<T> = std::result::Result<T, StudyError>;
