//! The PostgreSQL store behind the study's port. Every operation runs on the
//! store's own runtime (two threads), where the pool's connections live:
//! whichever runtime the study is called on (a server worker, the command
//! line, a test), a connection made for one request serves the next.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use super::queries::Db;
use super::{PgError, connect, listen};
use crate::domain::Catalogue;
use crate::study::StoreError;
use crate::study::port::{
    ApiKeys, Console, DeletionLogEntry, DraftLink, Drafts, ExportRow, HeldResponse, LinkedDraft,
    Loading, MemberRow, NewEmail, NewResponse, Operators, Outbox, PeerChanges, PeerCursor,
    Periodic, Privacy, QueuedEmail, Recent, RequestLimit, Responses, Sessions, StoreResult,
    StudyStore, Teams, Throttles,
};
use crate::study::records::{
    ApiKey, Draft, EmailBounds, EmailKind, Found, Participation, Queued, ScoreGroups, Session,
    StoreOptions, StoredResponse, SubmitOutcome, Team, TeamFigures,
};
use crate::study::throttle::{Attempt, Refusal};

/// Responses handed to the study per piece while it loads them.
const LOAD_PIECE: usize = 4_096;

/// The PostgreSQL store as the study uses it.
pub(in crate::study) struct PostgresStore {
    db: Arc<Db>,
    /// The runtime the pool's connections live on; shut down (without waiting)
    /// when the store goes.
    runtime: Option<tokio::runtime::Runtime>,
    handle: tokio::runtime::Handle,
    /// Woken when another server says the peer figures changed.
    woken: Arc<tokio::sync::Notify>,
    /// Submissions are written in groups, one commit each (see `writer`).
    submissions: super::writer::Submissions,
}

impl Drop for PostgresStore {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl PostgresStore {
    /// Connects to the server at `url`, migrates the database and checks what
    /// start-up needs.
    ///
    /// # Errors
    /// A URL that does not parse, a server that cannot be reached, a refused
    /// password, a missing database, a schema newer than this build: each with
    /// one sentence naming it.
    pub async fn open(
        url: &str,
        options: &StoreOptions,
        catalogue: Option<Arc<Catalogue>>,
    ) -> Result<PostgresStore, PgError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("postgres")
            .enable_all()
            .build()
            .map_err(|e| PgError::Worker(e.to_string()))?;
        let handle = runtime.handle().clone();
        let (given, options) = (url.to_string(), options.clone());
        let connected = handle
            .spawn(async move { connect(&given, &options, catalogue).await })
            .await;
        let db = match connected {
            Ok(Ok(db)) => db,
            failed => {
                // Dropped here, the runtime would wait for its threads, which
                // may not be done on an async caller's thread.
                runtime.shutdown_background();
                return Err(match failed {
                    Ok(Err(e)) => e,
                    Err(e) => PgError::Worker(e.to_string()),
                    Ok(Ok(_)) => PgError::Worker("connected and failed".into()),
                });
            }
        };
        tracing::info!(database = %db.described, "PostgreSQL ready");
        let woken = Arc::new(tokio::sync::Notify::new());
        handle.spawn(listen(url.to_string(), Arc::clone(&woken)));
        let db = Arc::new(db);
        let submissions = {
            let _entered = handle.enter();
            super::writer::Submissions::start(Arc::clone(&db))
        };
        Ok(PostgresStore {
            db,
            runtime: Some(runtime),
            handle,
            woken,
            submissions,
        })
    }

    /// Copies every record of an SQLite study file (already in its current
    /// form) into this database, which must hold no study yet; returns the
    /// rows copied per table.
    ///
    /// # Errors
    /// A database that holds records already, a file that cannot be read, a
    /// write that fails: nothing is written then.
    pub async fn copy_from_sqlite(
        &self,
        path: &std::path::Path,
    ) -> StoreResult<Vec<(&'static str, usize)>> {
        let path = path.to_path_buf();
        self.on(move |db| async move { db.copy_from_sqlite(&path).await })
            .await
    }

    /// Runs `work` with the database on the store's runtime.
    async fn on<T, F, Fut>(&self, work: F) -> StoreResult<T>
    where
        F: FnOnce(Arc<Db>) -> Fut,
        Fut: Future<Output = Result<T, PgError>> + Send + 'static,
        T: Send + 'static,
    {
        self.handle
            .spawn(work(Arc::clone(&self.db)))
            .await
            .map_err(|e| StoreError::from(PgError::Worker(e.to_string())))?
            .map_err(StoreError::from)
    }
}

#[async_trait]
impl Responses for PostgresStore {
    async fn submit(&self, response: &NewResponse) -> StoreResult<SubmitOutcome> {
        let (response, submissions) = (response.clone(), self.submissions.clone());
        self.handle
            .spawn(async move { submissions.submit(response).await })
            .await
            .map_err(|e| StoreError::from(PgError::Worker(e.to_string())))?
            .map_err(StoreError::from)
    }

    async fn submit_all(&self, responses: &[NewResponse]) -> StoreResult<Vec<SubmitOutcome>> {
        let responses = responses.to_vec();
        self.on(move |db| async move { db.submit(&responses).await })
            .await
    }

    async fn response(&self, id: &str) -> StoreResult<Option<StoredResponse>> {
        let id = id.to_string();
        self.on(move |db| async move { db.response(&id).await })
            .await
    }

    async fn response_figures(&self, id: &str) -> StoreResult<Option<(String, ExportRow)>> {
        let id = id.to_string();
        self.on(move |db| async move { db.response_figures(&id).await })
            .await
    }

    fn load(&self, questionnaire_id: &str) -> Loading {
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let (from, changes_from) = tokio::sync::oneshot::channel();
        let db = Arc::clone(&self.db);
        let questionnaire_id = questionnaire_id.to_string();
        self.handle.spawn(async move {
            let pieces = tx.clone();
            let result = db
                .each_response(&questionnaire_id, LOAD_PIECE, |piece| {
                    // The reader is on a thread of its own: waiting for it to
                    // take a piece holds this task, not the runtime.
                    tokio::task::block_in_place(|| pieces.blocking_send(Ok(piece)).is_ok())
                })
                .await;
            match result {
                Ok(cursor) => {
                    let _ = from.send(Some(cursor));
                }
                Err(e) => {
                    let _ = tx.send(Err(StoreError::from(e))).await;
                }
            }
        });
        Loading {
            rows: rx,
            changes_from,
        }
    }

    fn shared(&self) -> bool {
        true
    }

    async fn peer_changes(
        &self,
        questionnaire_id: &str,
        cursor: &PeerCursor,
    ) -> StoreResult<PeerChanges> {
        let (id, cursor) = (questionnaire_id.to_string(), cursor.clone());
        self.on(move |db| async move { db.peer_changes(&id, &cursor).await })
            .await
    }

    async fn wait_for_peer_changes(&self, at_most: Duration) {
        let _ = tokio::time::timeout(at_most, self.woken.notified()).await;
    }

    async fn stored_versions(&self) -> StoreResult<Vec<(String, u32)>> {
        self.on(|db| async move { db.stored_versions().await })
            .await
    }

    async fn response_count(&self) -> StoreResult<u64> {
        self.on(|db| async move { db.response_count().await }).await
    }

    async fn held_responses(&self, limit: usize) -> StoreResult<Vec<HeldResponse>> {
        self.on(move |db| async move { db.held_responses(limit).await })
            .await
    }

    async fn accept_response(&self, id: &str) -> StoreResult<bool> {
        let id = id.to_string();
        self.on(move |db| async move { db.accept_response(&id).await })
            .await
    }

    fn pseudonym(&self, id: &str) -> String {
        self.db.pseudonym(id)
    }
}

#[async_trait]
impl Drafts for PostgresStore {
    async fn create_draft(
        &self,
        id: &str,
        questionnaire_id: &str,
        questionnaire_version: u32,
        now: &str,
    ) -> StoreResult<()> {
        let (id, qid, now) = (
            id.to_string(),
            questionnaire_id.to_string(),
            now.to_string(),
        );
        self.on(move |db| async move {
            db.create_draft(&id, &qid, questionnaire_version, &now)
                .await
        })
        .await
    }

    async fn create_linked_draft(&self, draft: &LinkedDraft) -> StoreResult<()> {
        let draft = draft.clone();
        self.on(move |db| async move { db.create_linked_draft(&draft).await })
            .await
    }

    async fn draft(&self, id: &str) -> StoreResult<Option<Draft>> {
        let id = id.to_string();
        self.on(move |db| async move { db.draft(&id).await }).await
    }

    async fn save_draft(
        &self,
        id: &str,
        answers: &str,
        page: usize,
        now: &str,
        language: &str,
    ) -> StoreResult<bool> {
        let (id, answers, now) = (id.to_string(), answers.to_string(), now.to_string());
        let language = language.to_string();
        self.on(move |db| async move { db.save_draft(&id, &answers, page, &now, &language).await })
            .await
    }

    async fn draft_link(&self, draft_id: &str) -> StoreResult<Option<DraftLink>> {
        let id = draft_id.to_string();
        self.on(move |db| async move { db.draft_link(&id).await })
            .await
    }

    async fn expire_drafts(&self, saved_before: &str) -> StoreResult<usize> {
        let before = saved_before.to_string();
        self.on(move |db| async move { db.expire_drafts(&before).await })
            .await
    }
}

#[async_trait]
impl Teams for PostgresStore {
    fn team_release_key(&self) -> &crate::domain::team::ReleaseKey {
        &self.db.team_release_key
    }

    async fn team(&self, id: &str) -> StoreResult<Option<Team>> {
        let id = id.to_string();
        self.on(move |db| async move { db.team(&id).await }).await
    }

    async fn team_by_invite(&self, invite_id: &str) -> StoreResult<Option<Team>> {
        let id = invite_id.to_string();
        self.on(move |db| async move { db.team_by_invite(&id).await })
            .await
    }

    async fn team_started_by(&self, response_id: &str) -> StoreResult<Option<Team>> {
        let id = response_id.to_string();
        self.on(move |db| async move { db.team_started_by(&id).await })
            .await
    }

    async fn membership(&self, response_id: &str) -> StoreResult<Option<(String, u32)>> {
        let id = response_id.to_string();
        self.on(move |db| async move { db.membership(&id).await })
            .await
    }

    async fn create_team(&self, team: &Team, starter_response_id: &str) -> StoreResult<bool> {
        let (team, starter) = (team.clone(), starter_response_id.to_string());
        self.on(move |db| async move { db.create_team(&team, &starter).await })
            .await
    }

    async fn team_members(&self, team_id: &str) -> StoreResult<Vec<MemberRow>> {
        let id = team_id.to_string();
        self.on(move |db| async move { db.team_members(&id).await })
            .await
    }

    async fn open_next_wave(&self, team_id: &str) -> StoreResult<u32> {
        let id = team_id.to_string();
        self.on(move |db| async move { db.open_next_wave(&id).await })
            .await
    }

    async fn previous_response(&self, response_id: &str) -> StoreResult<Option<String>> {
        let id = response_id.to_string();
        self.on(move |db| async move { db.previous_response(&id).await })
            .await
    }

    async fn record_questionnaire_version(
        &self,
        questionnaire_id: &str,
        version: u32,
        items: &[String],
    ) -> StoreResult<()> {
        let (id, items) = (questionnaire_id.to_string(), items.to_vec());
        self.on(
            move |db| async move { db.record_questionnaire_version(&id, version, &items).await },
        )
        .await
    }

    async fn questionnaire_version_items(
        &self,
        questionnaire_id: &str,
        version: u32,
    ) -> StoreResult<Option<Vec<String>>> {
        let id = questionnaire_id.to_string();
        self.on(move |db| async move { db.questionnaire_version_items(&id, version).await })
            .await
    }

    async fn team_figures(&self) -> StoreResult<TeamFigures> {
        self.on(|db| async move { db.team_figures().await }).await
    }

    async fn team_wave_groups(&self) -> StoreResult<ScoreGroups> {
        self.on(|db| async move { db.team_wave_groups().await })
            .await
    }

    async fn repeat_groups(&self) -> StoreResult<ScoreGroups> {
        self.on(|db| async move { db.repeat_groups().await }).await
    }

    async fn waves_by_response(&self) -> StoreResult<HashMap<String, (Option<String>, u32)>> {
        self.on(|db| async move { db.waves_by_response().await })
            .await
    }
}

#[async_trait]
impl Outbox for PostgresStore {
    async fn queue_email(&self, email: &NewEmail, bounds: &EmailBounds) -> StoreResult<Queued> {
        let (email, bounds) = (email.clone(), *bounds);
        self.on(move |db| async move { db.queue_email(&email, &bounds).await })
            .await
    }

    async fn claim_due_emails(
        &self,
        now: &str,
        lease_until: &str,
        ready_at: usize,
        limit: usize,
    ) -> StoreResult<Vec<QueuedEmail>> {
        let (now, lease) = (now.to_string(), lease_until.to_string());
        self.on(move |db| async move { db.claim_due_emails(&now, &lease, ready_at, limit).await })
            .await
    }

    async fn forget_email(&self, id: i64) -> StoreResult<()> {
        self.on(move |db| async move { db.forget_email(id).await })
            .await
    }

    async fn retry_email_at(&self, id: i64, due_at: &str) -> StoreResult<()> {
        let due = due_at.to_string();
        self.on(move |db| async move { db.retry_email_at(id, &due).await })
            .await
    }

    async fn queued_email_count(&self, kind: EmailKind) -> StoreResult<usize> {
        self.on(move |db| async move { db.queued_email_count(kind).await })
            .await
    }
}

#[async_trait]
impl Operators for PostgresStore {
    async fn add_operator(&self, name: &str, password_hash: &str, now: &str) -> StoreResult<bool> {
        let (name, hash, now) = (name.to_string(), password_hash.to_string(), now.to_string());
        self.on(move |db| async move { db.add_operator(&name, &hash, &now).await })
            .await
    }

    async fn remove_operator(&self, name: &str) -> StoreResult<bool> {
        let name = name.to_string();
        self.on(move |db| async move { db.remove_operator(&name).await })
            .await
    }

    async fn operators(&self) -> StoreResult<Vec<(String, String)>> {
        self.on(|db| async move { db.operators().await }).await
    }

    async fn operator_hash(&self, name: &str) -> StoreResult<Option<String>> {
        let name = name.to_string();
        self.on(move |db| async move { db.operator_hash(&name).await })
            .await
    }
}

#[async_trait]
impl Sessions for PostgresStore {
    async fn create_session(
        &self,
        id: &str,
        operator: &str,
        csrf: &str,
        now: &str,
    ) -> StoreResult<()> {
        let (id, operator, csrf, now) = (
            id.to_string(),
            operator.to_string(),
            csrf.to_string(),
            now.to_string(),
        );
        self.on(move |db| async move { db.create_session(&id, &operator, &csrf, &now).await })
            .await
    }

    async fn session(&self, id: &str) -> StoreResult<Option<Session>> {
        let id = id.to_string();
        self.on(move |db| async move { db.session(&id).await })
            .await
    }

    async fn touch_session(&self, id: &str, now: &str) -> StoreResult<()> {
        let (id, now) = (id.to_string(), now.to_string());
        self.on(move |db| async move { db.touch_session(&id, &now).await })
            .await
    }

    async fn end_session(
        &self,
        id: &str,
        idle_before: &str,
        started_before: &str,
    ) -> StoreResult<()> {
        let (id, idle, started) = (
            id.to_string(),
            idle_before.to_string(),
            started_before.to_string(),
        );
        self.on(move |db| async move { db.end_session(&id, &idle, &started).await })
            .await
    }
}

#[async_trait]
impl ApiKeys for PostgresStore {
    async fn add_api_key(&self, name: &str, key: &str, now: &str) -> StoreResult<bool> {
        let (name, key, now) = (name.to_string(), key.to_string(), now.to_string());
        self.on(move |db| async move { db.add_api_key(&name, &key, &now).await })
            .await
    }

    async fn revoke_api_key(&self, name: &str, now: &str) -> StoreResult<bool> {
        let (name, now) = (name.to_string(), now.to_string());
        self.on(move |db| async move { db.revoke_api_key(&name, &now).await })
            .await
    }

    async fn api_keys(&self) -> StoreResult<Vec<ApiKey>> {
        self.on(|db| async move { db.api_keys().await }).await
    }

    async fn api_key_name(&self, key: &str) -> StoreResult<Option<String>> {
        let key = key.to_string();
        self.on(move |db| async move { db.api_key_name(&key).await })
            .await
    }
}

#[async_trait]
impl Privacy for PostgresStore {
    async fn find_for_deletion(&self, ids: &[String], words: &str) -> StoreResult<Vec<Found>> {
        let (ids, words) = (ids.to_vec(), words.to_string());
        self.on(move |db| async move { db.find_for_deletion(&ids, &words).await })
            .await
    }

    async fn erase_response(&self, id: &str, operator: &str, now: &str) -> StoreResult<bool> {
        let (id, operator, now) = (id.to_string(), operator.to_string(), now.to_string());
        self.on(move |db| async move { db.erase_response(&id, &operator, &now).await })
            .await
    }

    async fn erase_draft(&self, id: &str, operator: &str, now: &str) -> StoreResult<bool> {
        let (id, operator, now) = (id.to_string(), operator.to_string(), now.to_string());
        self.on(move |db| async move { db.erase_draft(&id, &operator, &now).await })
            .await
    }

    async fn deletion_log(&self, limit: usize) -> StoreResult<Vec<DeletionLogEntry>> {
        self.on(move |db| async move { db.deletion_log(limit).await })
            .await
    }
}

#[async_trait]
impl Console for PostgresStore {
    async fn participation(&self, questionnaire_id: &str) -> StoreResult<Vec<Participation>> {
        let id = questionnaire_id.to_string();
        self.on(move |db| async move { db.participation(&id).await })
            .await
    }

    async fn export_rows(
        &self,
        questionnaire_id: &str,
        after: i64,
        limit: usize,
        with_answers: bool,
    ) -> StoreResult<Vec<ExportRow>> {
        let id = questionnaire_id.to_string();
        self.on(move |db| async move { db.export_rows(&id, after, limit, with_answers).await })
            .await
    }
}

#[async_trait]
impl Throttles for PostgresStore {
    async fn begin_sign_in(
        &self,
        account: &str,
        address: std::net::IpAddr,
    ) -> StoreResult<Result<Attempt, Refusal>> {
        let account = account.to_string();
        self.on(move |db| async move { db.begin_sign_in(&account, address).await })
            .await
    }

    async fn withdraw_sign_in(&self, attempt: Attempt) -> StoreResult<()> {
        self.on(move |db| async move { db.withdraw_sign_in(&attempt).await })
            .await
    }

    async fn sign_in_succeeded(&self, attempt: Attempt) -> StoreResult<()> {
        self.on(move |db| async move { db.sign_in_succeeded(&attempt).await })
            .await
    }

    async fn count_request(
        &self,
        limit: RequestLimit,
        address: Option<std::net::IpAddr>,
    ) -> StoreResult<Result<(), std::time::Duration>> {
        self.on(move |db| async move { db.count_request(limit, address).await })
            .await
    }

    fn keeps_recent_submissions(&self) -> bool {
        true
    }

    async fn recent_submissions(
        &self,
        address: std::net::IpAddr,
        window: std::time::Duration,
        cap: usize,
    ) -> StoreResult<Recent> {
        self.on(move |db| async move { db.recent_submissions(address, window, cap).await })
            .await
    }
}

#[async_trait]
impl Periodic for PostgresStore {
    async fn claim_periodic_run(
        &self,
        job: &str,
        period: std::time::Duration,
    ) -> StoreResult<bool> {
        let job = job.to_string();
        self.on(move |db| async move { db.claim_periodic_run(&job, period).await })
            .await
    }
}

#[async_trait]
impl StudyStore for PostgresStore {
    fn open_connections(&self) -> usize {
        self.db.open_connections()
    }

    /// The server keeps its own pages sound (and checksums them when the
    /// cluster was made with them): nothing here refuses writes.
    fn damaged(&self) -> Option<StoreError> {
        None
    }

    async fn check_stored_data(&self) -> StoreResult<bool> {
        Ok(true)
    }
}
