//! What an operator does in the console: sign in, see participation, find and
//! delete responses, review held ones, export. Figures and comparisons of groups
//! come from the live summaries ([`Study::with_summaries`]).

use super::Study;
use super::error::StudyResult;
use super::operators as accounts;
use super::port::{DeletionLogEntry, HeldResponse};
use super::rate_limit::RequestLimit;
use super::records::{EmailKind, Found, Participation, Session};
use super::storage::{now_timestamp, timestamp_seconds_ago};
use super::throttle::{Attempt, Refusal};
use crate::domain::ids::LinkId;
use std::net::IpAddr;
use std::time::Duration;

/// A console session ends after this many minutes without a request.
pub const IDLE_MINUTES: u64 = 30;
/// ... and this many hours after sign-in, however busy.
pub const SESSION_HOURS: u64 = 12;

/// The timestamps before which a session is over: (last seen, signed in).
fn session_limits() -> (String, String) {
    (
        timestamp_seconds_ago((IDLE_MINUTES * 60) as f64),
        timestamp_seconds_ago((SESSION_HOURS * 3600) as f64),
    )
}

impl Study {
    /// Checks the sign-in limits for an attempt on `account` from `address`
    /// and records it as a failure until [`Study::sign_in_succeeded`] (counted
    /// by every server on the database alike).
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub async fn begin_sign_in(
        &self,
        account: &str,
        address: IpAddr,
    ) -> StudyResult<Result<Attempt, Refusal>> {
        Ok(self.store.begin_sign_in(account, address).await?)
    }

    /// Takes back the failure of an attempt whose password was never checked.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn withdraw_sign_in(&self, attempt: Attempt) -> StudyResult<()> {
        Ok(self.store.withdraw_sign_in(attempt).await?)
    }

    /// The password was right: the attempt counts as no failure, and its
    /// address is known to the account from now on.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn sign_in_succeeded(&self, attempt: Attempt) -> StudyResult<()> {
        Ok(self.store.sign_in_succeeded(attempt).await?)
    }

    /// Counts an anonymous request against `limit` for its client address (by
    /// every server on the database alike); beyond it, how long until the next
    /// is allowed.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub async fn count_request(
        &self,
        limit: RequestLimit,
        address: Option<IpAddr>,
    ) -> StudyResult<Result<(), Duration>> {
        Ok(self.store.count_request(limit, address).await?)
    }

    /// Checks an operator's password (argon2id) on the password-check workers
    /// (see [`accounts::PasswordChecks`]). An unknown name costs the same as a
    /// known one, so timing does not tell which names exist.
    ///
    /// # Errors
    /// `StudyError::Account(AccountError::Busy)` when every check is taken and the
    /// queue is full; when the database cannot be read or the stored hash cannot
    /// be checked.
    pub async fn verify_operator(&self, name: &str, password: String) -> StudyResult<bool> {
        let hash = self.store.operator_hash(name).await?;
        let known = hash.is_some();
        let verified = self
            .password_checks
            .verify(
                password,
                hash.unwrap_or_else(|| accounts::decoy_hash().to_string()),
            )
            .await?;
        Ok(known && verified)
    }

    /// Starts a console session (only the hash of `id` is stored).
    ///
    /// # Errors
    /// When the session cannot be stored.
    pub async fn open_session(
        &self,
        id: &str,
        operator: &str,
        csrf_token: &str,
    ) -> StudyResult<()> {
        Ok(self
            .store
            .create_session(id, operator, csrf_token, &now_timestamp())
            .await?)
    }

    /// The live session of a session id, ending it when idle or too old; a
    /// session seen more than a minute ago is touched (one write a minute, not
    /// one a request).
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub async fn session(&self, id: &str) -> StudyResult<Option<Session>> {
        let Some(session) = self.store.session(id).await? else {
            return Ok(None);
        };
        let (idle_limit, age_limit) = session_limits();
        if session.last_seen < idle_limit || session.created_at < age_limit {
            self.store.end_session(id, &idle_limit, &age_limit).await?;
            return Ok(None);
        }
        if session.last_seen < timestamp_seconds_ago(60.0) {
            self.store.touch_session(id, &now_timestamp()).await?;
        }
        Ok(Some(session))
    }

    /// Ends a console session (sign-out), and any other that has run out.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn close_session(&self, id: &str) -> StudyResult<()> {
        let (idle_limit, age_limit) = session_limits();
        Ok(self.store.end_session(id, &idle_limit, &age_limit).await?)
    }

    /// Started and completed questionnaires per version, day by day.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn participation(&self) -> StudyResult<Vec<Participation>> {
        Ok(self.store.participation(&self.questionnaire.id).await?)
    }

    /// Responses and unfinished questionnaires matching pasted links or ids, an
    /// email or part of a company name; and the latest lines of the deletion log.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn find_for_deletion(
        &self,
        ids: Vec<LinkId>,
        words: String,
        log_lines: usize,
    ) -> StudyResult<(Vec<Found>, Vec<DeletionLogEntry>)> {
        let ids: Vec<String> = ids.into_iter().map(LinkId::into_string).collect();
        let found = if ids.is_empty() && words.trim().is_empty() {
            Vec::new()
        } else {
            self.store.find_for_deletion(&ids, &words).await?
        };
        Ok((found, self.store.deletion_log(log_lines).await?))
    }

    /// Deletes a response everywhere (see [`Study::delete`]); whether it existed.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub async fn delete_response(&self, id: &LinkId, operator: &str) -> StudyResult<bool> {
        self.delete(id.as_str(), operator).await
    }

    /// Deletes an unfinished questionnaire; whether it existed.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn delete_unfinished(&self, id: &LinkId, operator: &str) -> StudyResult<bool> {
        self.delete_draft(id.as_str(), operator).await
    }

    /// Responses held out of the peer figures by a data-quality flag.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn held_responses(&self, limit: usize) -> StudyResult<Vec<HeldResponse>> {
        Ok(self.store.held_responses(limit).await?)
    }

    /// Accepts a held response into the peer figures; whether it was held.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub async fn accept_held(&self, id: &LinkId) -> StudyResult<bool> {
        self.accept(id.as_str()).await
    }

    /// How many responses are stored (held ones included).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn response_count(&self) -> StudyResult<u64> {
        Ok(self.store.response_count().await?)
    }

    /// Messages waiting to be sent, of one kind (never their addresses).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn queued_emails(&self, kind: EmailKind) -> StudyResult<usize> {
        Ok(self.store.queued_email_count(kind).await?)
    }

    /// How many connections to the database are open now, idle or in use (the
    /// pool never opens more than configured).
    pub fn open_read_connections(&self) -> usize {
        self.store.open_connections()
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
    pub async fn api_key_holder(&self, key: String) -> StudyResult<Option<String>> {
        Ok(self.store.api_key_name(&key).await?)
    }
}
