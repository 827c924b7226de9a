//! What an operator does in the console: sign in, see participation, find and
//! delete responses, review held ones, export. Figures and comparisons of groups
//! come from the live summaries ([`Study::with_summaries`]).

use std::sync::Arc;

use super::Study;
use super::error::StudyResult;
use super::operators as accounts;
use super::records::{EmailKind, Found, Participation, Session};
use super::storage::{now_timestamp, timestamp_seconds_ago};
use crate::domain::ids::LinkId;

/// A console session ends after this many minutes without a request.
pub const IDLE_MINUTES: u64 = 30;
/// ... and this many hours after sign-in, however busy.
pub const SESSION_HOURS: u64 = 12;

/// One line of the deletion log: when, who, what kind, pseudonym.
pub type DeletionLogEntry = (String, String, String, String);

/// A response held for review: id, submitted at, flags.
pub type HeldResponse = (String, String, String);

/// The timestamps before which a session is over: (last seen, signed in).
fn session_limits() -> (String, String) {
    (
        timestamp_seconds_ago((IDLE_MINUTES * 60) as f64),
        timestamp_seconds_ago((SESSION_HOURS * 3600) as f64),
    )
}

impl Study {
    /// Checks an operator's password (argon2id). An unknown name costs the same
    /// as a known one, so timing does not tell which names exist.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn verify_operator(
        self: &Arc<Self>,
        name: &str,
        password: String,
    ) -> StudyResult<bool> {
        let name = name.to_string();
        self.blocking(move |s| {
            let hash = s.store.operator_hash(&name)?;
            let known = hash.is_some();
            let verified = accounts::verify_password(
                &password,
                hash.as_deref().unwrap_or(accounts::decoy_hash()),
            );
            Ok(known && verified)
        })
        .await
    }

    /// Starts a console session (only the hash of `id` is stored).
    ///
    /// # Errors
    /// When the session cannot be stored.
    pub async fn open_session(
        self: &Arc<Self>,
        id: &str,
        operator: &str,
        csrf_token: &str,
    ) -> StudyResult<()> {
        let (id, operator, csrf) = (id.to_string(), operator.to_string(), csrf_token.to_string());
        self.blocking(move |s| {
            Ok(s.store
                .create_session(&id, &operator, &csrf, &now_timestamp())?)
        })
        .await
    }

    /// The live session of a session id, ending it when idle or too old; a
    /// session seen more than a minute ago is touched (one write a minute, not
    /// one a request).
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub async fn session(self: &Arc<Self>, id: &str) -> StudyResult<Option<Session>> {
        let id = id.to_string();
        self.blocking(move |s| {
            let Some(session) = s.store.session(&id)? else {
                return Ok(None);
            };
            let (idle_limit, age_limit) = session_limits();
            if session.last_seen < idle_limit || session.created_at < age_limit {
                s.store.end_session(&id, &idle_limit, &age_limit)?;
                return Ok(None);
            }
            if session.last_seen < timestamp_seconds_ago(60.0) {
                s.store.touch_session(&id, &now_timestamp())?;
            }
            Ok(Some(session))
        })
        .await
    }

    /// Ends a console session (sign-out), and any other that has run out.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn close_session(self: &Arc<Self>, id: &str) -> StudyResult<()> {
        let id = id.to_string();
        self.blocking(move |s| {
            let (idle_limit, age_limit) = session_limits();
            Ok(s.store.end_session(&id, &idle_limit, &age_limit)?)
        })
        .await
    }

    /// Started and completed questionnaires per version, day by day.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn participation(self: &Arc<Self>) -> StudyResult<Vec<Participation>> {
        self.blocking(|s| Ok(s.store.participation(&s.questionnaire.id)?))
            .await
    }

    /// Responses and unfinished questionnaires matching pasted links or ids, an
    /// email or part of a company name; and the latest lines of the deletion log.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn find_for_deletion(
        self: &Arc<Self>,
        ids: Vec<LinkId>,
        words: String,
        log_lines: usize,
    ) -> StudyResult<(Vec<Found>, Vec<DeletionLogEntry>)> {
        self.blocking(move |s| {
            let ids: Vec<String> = ids.into_iter().map(LinkId::into_string).collect();
            let found = if ids.is_empty() && words.trim().is_empty() {
                Vec::new()
            } else {
                s.store.find_for_deletion(&ids, &words)?
            };
            Ok((found, s.store.deletion_log(log_lines)?))
        })
        .await
    }

    /// Deletes a response everywhere (see [`Study::delete`]); whether it existed.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub async fn delete_response(
        self: &Arc<Self>,
        id: &LinkId,
        operator: &str,
    ) -> StudyResult<bool> {
        let (id, operator) = (id.clone(), operator.to_string());
        self.blocking(move |s| Ok(s.delete(id.as_str(), &operator)?))
            .await
    }

    /// Deletes an unfinished questionnaire; whether it existed.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn delete_unfinished(
        self: &Arc<Self>,
        id: &LinkId,
        operator: &str,
    ) -> StudyResult<bool> {
        let (id, operator) = (id.clone(), operator.to_string());
        self.blocking(move |s| Ok(s.delete_draft(id.as_str(), &operator)?))
            .await
    }

    /// Responses held out of the peer figures by a data-quality flag.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn held_responses(self: &Arc<Self>, limit: usize) -> StudyResult<Vec<HeldResponse>> {
        self.blocking(move |s| Ok(s.store.held_responses(limit)?))
            .await
    }

    /// Accepts a held response into the peer figures; whether it was held.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub async fn accept_held(self: &Arc<Self>, id: &LinkId) -> StudyResult<bool> {
        let id = id.clone();
        self.blocking(move |s| Ok(s.accept(id.as_str())?)).await
    }

    /// How many responses are stored (held ones included). Blocking.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn response_count(&self) -> StudyResult<usize> {
        Ok(usize::try_from(self.store.response_count()?).unwrap_or(0))
    }

    /// Messages waiting to be sent, of one kind (never their addresses).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn queued_emails(self: &Arc<Self>, kind: EmailKind) -> StudyResult<usize> {
        self.blocking(move |s| Ok(s.store.queued_email_count(kind)?))
            .await
    }

    /// How many database read connections are open now, idle or in use (the
    /// pool never opens more than configured).
    pub fn open_read_connections(&self) -> usize {
        self.store.read_connections()
    }

    /// The pseudonym of a response or draft id: what logs and exports show
    /// instead of the private link.
    pub fn pseudonym(&self, id: &str) -> String {
        self.store.pseudonym(id)
    }

    /// The name of the API key `key`, if it is issued and not revoked.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn api_key_holder(self: &Arc<Self>, key: String) -> StudyResult<Option<String>> {
        // Checked on every scripted submission: on an idle connection the lookup
        // costs less than the hop to the blocking pool, which is taken only
        // when every connection is in use.
        if let Some(holder) = self.store.api_key_name_if_idle(&key)? {
            return Ok(holder);
        }
        self.blocking(move |s| Ok(s.store.api_key_name(&key)?))
            .await
    }
}
