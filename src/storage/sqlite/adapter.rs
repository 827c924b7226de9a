//! The SQLite store behind the study's port: each operation runs the store's
//! blocking work on the blocking pool (reads on the bounded read pool, writes
//! through the one writer thread), so the async executor never waits on the
//! file. Submissions, drafts and page saves go to the writer directly and are
//! awaited without a thread of their own.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;

use super::compact::{encode_answers, encode_peer_numbers, encode_scoring, encode_standing_json};
use super::responses::version_of;
use super::writer::{Outcome, ResponseRow, Write};
use super::{Result, StorageError, Store};
use crate::domain::Catalogue;
use crate::study::port::{
    ApiKeys, Console, DeletionLogEntry, DraftLink, Drafts, ExportRow, HeldResponse, LinkedDraft,
    LoadedResponse, Loading, MemberRow, NewEmail, NewResponse, Operators, Outbox, PeerChanges,
    PeerCursor, Periodic, Privacy, QueuedEmail, RequestLimit, ResponseStream, Responses, Sessions,
    StoreResult, StudyStore, Teams, Throttles,
};
use crate::study::rate_limit::MemoryRateLimits;
use crate::study::records::{
    ApiKey, Draft, EmailBounds, EmailKind, Found, Participation, Queued, ScoreGroups, Session,
    StoreOptions, StoredResponse, SubmitOutcome, Team, TeamFigures,
};
use crate::study::throttle::{Attempt, LoginThrottle, Refusal};
use crate::study::{StoreError, StudyError};

/// Responses handed to the study per piece while it loads them.
const LOAD_PIECE: usize = 4_096;

/// The SQLite store as the study uses it.
pub(in crate::study) struct SqliteStore {
    store: Arc<Store>,
    /// One server serves a file: the request limits are counted in its memory.
    sign_ins: LoginThrottle,
    requests: MemoryRateLimits,
}

impl SqliteStore {
    /// Opens the file (see [`Store::open`]). Blocking.
    ///
    /// # Errors
    /// As [`Store::open`].
    pub fn open(
        path: &Path,
        options: &StoreOptions,
        catalogue: Option<Arc<Catalogue>>,
    ) -> std::result::Result<SqliteStore, StudyError> {
        Ok(SqliteStore {
            store: Arc::new(Store::open(path, options, catalogue)?),
            sign_ins: LoginThrottle::default(),
            requests: MemoryRateLimits::default(),
        })
    }

    /// Runs `work` on the blocking pool with the store.
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T> + Send + 'static,
    ) -> StoreResult<T> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || work(&store))
            .await
            .map_err(|e| StoreError::new(e, None))?
            .map_err(StoreError::from)
    }

    /// Every response of a questionnaire id, in pieces, read on a thread of
    /// its own.
    fn rows(&self, questionnaire_id: &str) -> ResponseStream {
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let store = Arc::clone(&self.store);
        let questionnaire_id = questionnaire_id.to_string();
        // A thread of its own: it holds one read connection for as long as the
        // load takes, and hands the rows over in pieces.
        let spawned = std::thread::Builder::new()
            .name("db-load".into())
            .spawn(move || {
                let mut piece: Vec<LoadedResponse> = Vec::with_capacity(LOAD_PIECE);
                let result = store.each_response(&questionnaire_id, |row| {
                    piece.push(row);
                    if piece.len() == LOAD_PIECE {
                        let full = std::mem::replace(&mut piece, Vec::with_capacity(LOAD_PIECE));
                        tx.blocking_send(Ok(full))
                            .map_err(|_| StorageError::Corrupt("the load was abandoned".into()))?;
                    }
                    Ok(())
                });
                let last = match result {
                    Ok(()) => Ok(piece),
                    Err(e) => Err(StoreError::from(e)),
                };
                let _ = tx.blocking_send(last);
            });
        if let Err(e) = spawned {
            let (tx, rx) = tokio::sync::mpsc::channel(1);
            let _ = tx.try_send(Err(StoreError::new(
                format!("cannot start loading the responses: {e}"),
                None,
            )));
            return rx;
        }
        rx
    }

    /// A response encoded as its row: the one place rows are made.
    fn row_of(&self, r: &NewResponse) -> Result<ResponseRow> {
        let catalogue = self.store.catalogue()?;
        let q = version_of(&catalogue, &r.questionnaire_id, r.questionnaire_version)?;
        Ok(ResponseRow {
            id: r.id.clone(),
            draft_id: r.draft_id.clone(),
            questionnaire_id: r.questionnaire_id.clone(),
            questionnaire_version: r.questionnaire_version,
            started_at: r.started_at.clone(),
            submitted_at: r.submitted_at.clone(),
            synthetic: r.synthetic,
            answers: encode_answers(q, &r.answers),
            choices: r.choices.clone(),
            peer_numbers: encode_peer_numbers(&r.peer_numbers),
            contact: if r.contact.is_empty() {
                None
            } else {
                Some(serde_json::to_string(&r.contact).map_err(|e| {
                    StorageError::Corrupt(format!("cannot serialise contact details: {e}"))
                })?)
            },
            standing: encode_standing_json(r.standing.get().as_bytes()),
            scores: r.scores,
            flags: r.flags.clone(),
            held: r.held,
            scoring: encode_scoring(&r.scoring),
            language: r.language.clone(),
        })
    }
}

/// The outcome of a submission, or the write's error.
fn submitted(outcome: Outcome) -> StoreResult<SubmitOutcome> {
    match outcome {
        Outcome::Submitted(outcome) => Ok(outcome),
        other => Err(StorageError::Corrupt(format!("unexpected outcome {other:?}")).into()),
    }
}

#[async_trait]
impl Responses for SqliteStore {
    async fn submit(&self, response: &NewResponse) -> StoreResult<SubmitOutcome> {
        let row = self.row_of(response)?;
        submitted(
            self.store
                .writer()
                .write(Write::Submit(Box::new(row)))
                .await?,
        )
    }

    async fn submit_all(&self, responses: &[NewResponse]) -> StoreResult<Vec<SubmitOutcome>> {
        let writes = responses
            .iter()
            .map(|r| Ok(Write::Submit(Box::new(self.row_of(r)?))))
            .collect::<Result<Vec<_>>>()?;
        let outcomes = self
            .blocking(move |s| s.writer().write_all_blocking(writes))
            .await?;
        outcomes.into_iter().map(submitted).collect()
    }

    async fn response(&self, id: &str) -> StoreResult<Option<StoredResponse>> {
        let id = id.to_string();
        self.blocking(move |s| s.response(&id)).await
    }

    async fn response_figures(&self, id: &str) -> StoreResult<Option<(String, ExportRow)>> {
        let id = id.to_string();
        self.blocking(move |s| s.response_row(&id)).await
    }

    fn load(&self, questionnaire_id: &str) -> Loading {
        // One server per file: it has no other servers' changes to follow.
        let (from, changes_from) = tokio::sync::oneshot::channel();
        let _ = from.send(None);
        Loading {
            rows: self.rows(questionnaire_id),
            changes_from,
        }
    }

    fn shared(&self) -> bool {
        false
    }

    async fn peer_changes(
        &self,
        _questionnaire_id: &str,
        _cursor: &PeerCursor,
    ) -> StoreResult<PeerChanges> {
        Ok(PeerChanges::default())
    }

    async fn wait_for_peer_changes(&self, at_most: std::time::Duration) {
        tokio::time::sleep(at_most).await;
    }

    async fn stored_versions(&self) -> StoreResult<Vec<(String, u32)>> {
        self.blocking(Store::stored_versions).await
    }

    async fn response_count(&self) -> StoreResult<u64> {
        let n = self.blocking(Store::response_count).await?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    async fn held_responses(&self, limit: usize) -> StoreResult<Vec<HeldResponse>> {
        self.blocking(move |s| s.held_responses(limit)).await
    }

    async fn accept_response(&self, id: &str) -> StoreResult<bool> {
        let id = id.to_string();
        self.blocking(move |s| s.accept_response(&id)).await
    }

    fn pseudonym(&self, id: &str) -> String {
        self.store.pseudonym(id)
    }
}

#[async_trait]
impl Drafts for SqliteStore {
    async fn create_draft(
        &self,
        id: &str,
        questionnaire_id: &str,
        questionnaire_version: u32,
        now: &str,
    ) -> StoreResult<()> {
        self.store
            .writer()
            .write(Write::CreateDraft {
                id: id.to_string(),
                questionnaire_id: questionnaire_id.to_string(),
                questionnaire_version,
                now: now.to_string(),
            })
            .await?;
        Ok(())
    }

    async fn create_linked_draft(&self, draft: &LinkedDraft) -> StoreResult<()> {
        let draft = draft.clone();
        self.blocking(move |s| s.create_linked_draft(&draft)).await
    }

    async fn draft(&self, id: &str) -> StoreResult<Option<Draft>> {
        let id = id.to_string();
        self.blocking(move |s| s.draft(&id)).await
    }

    async fn save_draft(
        &self,
        id: &str,
        answers: &str,
        page: usize,
        now: &str,
        language: &str,
    ) -> StoreResult<bool> {
        let saved = self
            .store
            .writer()
            .write(Write::SaveDraft {
                id: id.to_string(),
                answers: answers.to_string(),
                page,
                now: now.to_string(),
                language: language.to_string(),
            })
            .await?;
        Ok(saved == Outcome::DraftSaved(true))
    }

    async fn draft_link(&self, draft_id: &str) -> StoreResult<Option<DraftLink>> {
        let id = draft_id.to_string();
        self.blocking(move |s| s.draft_link(&id)).await
    }

    async fn expire_drafts(&self, saved_before: &str) -> StoreResult<usize> {
        let before = saved_before.to_string();
        self.blocking(move |s| s.expire_drafts(&before)).await
    }
}

#[async_trait]
impl Teams for SqliteStore {
    fn team_release_key(&self) -> &crate::domain::team::ReleaseKey {
        self.store.team_release_key()
    }

    async fn team(&self, id: &str) -> StoreResult<Option<Team>> {
        let id = id.to_string();
        self.blocking(move |s| s.team(&id)).await
    }

    async fn team_by_invite(&self, invite_id: &str) -> StoreResult<Option<Team>> {
        let id = invite_id.to_string();
        self.blocking(move |s| s.team_by_invite(&id)).await
    }

    async fn team_started_by(&self, response_id: &str) -> StoreResult<Option<Team>> {
        let id = response_id.to_string();
        self.blocking(move |s| s.team_started_by(&id)).await
    }

    async fn membership(&self, response_id: &str) -> StoreResult<Option<(String, u32)>> {
        let id = response_id.to_string();
        self.blocking(move |s| s.membership(&id)).await
    }

    async fn create_team(&self, team: &Team, starter_response_id: &str) -> StoreResult<bool> {
        let (team, starter) = (team.clone(), starter_response_id.to_string());
        self.blocking(move |s| s.create_team(&team, &starter)).await
    }

    async fn team_members(&self, team_id: &str) -> StoreResult<Vec<MemberRow>> {
        let id = team_id.to_string();
        self.blocking(move |s| s.team_members(&id)).await
    }

    async fn open_next_wave(&self, team_id: &str) -> StoreResult<u32> {
        let id = team_id.to_string();
        self.blocking(move |s| s.open_next_wave(&id)).await
    }

    async fn previous_response(&self, response_id: &str) -> StoreResult<Option<String>> {
        let id = response_id.to_string();
        self.blocking(move |s| s.previous_response(&id)).await
    }

    async fn record_questionnaire_version(
        &self,
        questionnaire_id: &str,
        version: u32,
        items: &[String],
    ) -> StoreResult<()> {
        let (id, items) = (questionnaire_id.to_string(), items.to_vec());
        self.blocking(move |s| s.record_questionnaire_version(&id, version, &items))
            .await
    }

    async fn questionnaire_version_items(
        &self,
        questionnaire_id: &str,
        version: u32,
    ) -> StoreResult<Option<Vec<String>>> {
        let id = questionnaire_id.to_string();
        self.blocking(move |s| s.questionnaire_version_items(&id, version))
            .await
    }

    async fn team_figures(&self) -> StoreResult<TeamFigures> {
        self.blocking(Store::team_figures).await
    }

    async fn team_wave_groups(&self) -> StoreResult<ScoreGroups> {
        self.blocking(Store::team_wave_groups).await
    }

    async fn repeat_groups(&self) -> StoreResult<ScoreGroups> {
        self.blocking(Store::repeat_groups).await
    }

    async fn waves_by_response(&self) -> StoreResult<HashMap<String, (Option<String>, u32)>> {
        self.blocking(Store::waves_by_response).await
    }
}

#[async_trait]
impl Outbox for SqliteStore {
    async fn queue_email(&self, email: &NewEmail, bounds: &EmailBounds) -> StoreResult<Queued> {
        let (email, bounds) = (email.clone(), *bounds);
        self.blocking(move |s| s.queue_email(&email, &bounds)).await
    }

    async fn claim_due_emails(
        &self,
        now: &str,
        lease_until: &str,
        ready_at: usize,
        limit: usize,
    ) -> StoreResult<Vec<QueuedEmail>> {
        let (now, lease) = (now.to_string(), lease_until.to_string());
        self.blocking(move |s| s.claim_due_emails(&now, &lease, ready_at, limit))
            .await
    }

    async fn forget_email(&self, id: i64) -> StoreResult<()> {
        self.blocking(move |s| s.forget_email(id)).await
    }

    async fn retry_email_at(&self, id: i64, due_at: &str) -> StoreResult<()> {
        let due = due_at.to_string();
        self.blocking(move |s| s.retry_email_at(id, &due)).await
    }

    async fn queued_email_count(&self, kind: EmailKind) -> StoreResult<usize> {
        self.blocking(move |s| s.queued_email_count(kind)).await
    }
}

#[async_trait]
impl Operators for SqliteStore {
    async fn add_operator(&self, name: &str, password_hash: &str, now: &str) -> StoreResult<bool> {
        let (name, hash, now) = (name.to_string(), password_hash.to_string(), now.to_string());
        self.blocking(move |s| s.add_operator(&name, &hash, &now))
            .await
    }

    async fn remove_operator(&self, name: &str) -> StoreResult<bool> {
        let name = name.to_string();
        self.blocking(move |s| s.remove_operator(&name)).await
    }

    async fn operators(&self) -> StoreResult<Vec<(String, String)>> {
        self.blocking(Store::operators).await
    }

    async fn operator_hash(&self, name: &str) -> StoreResult<Option<String>> {
        let name = name.to_string();
        self.blocking(move |s| s.operator_hash(&name)).await
    }
}

#[async_trait]
impl Sessions for SqliteStore {
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
        self.blocking(move |s| s.create_session(&id, &operator, &csrf, &now))
            .await
    }

    async fn session(&self, id: &str) -> StoreResult<Option<Session>> {
        let id = id.to_string();
        self.blocking(move |s| s.session(&id)).await
    }

    async fn touch_session(&self, id: &str, now: &str) -> StoreResult<()> {
        let (id, now) = (id.to_string(), now.to_string());
        self.blocking(move |s| s.touch_session(&id, &now)).await
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
        self.blocking(move |s| s.end_session(&id, &idle, &started))
            .await
    }
}

#[async_trait]
impl ApiKeys for SqliteStore {
    async fn add_api_key(&self, name: &str, key: &str, now: &str) -> StoreResult<bool> {
        let (name, key, now) = (name.to_string(), key.to_string(), now.to_string());
        self.blocking(move |s| s.add_api_key(&name, &key, &now))
            .await
    }

    async fn revoke_api_key(&self, name: &str, now: &str) -> StoreResult<bool> {
        let (name, now) = (name.to_string(), now.to_string());
        self.blocking(move |s| s.revoke_api_key(&name, &now)).await
    }

    async fn api_keys(&self) -> StoreResult<Vec<ApiKey>> {
        self.blocking(Store::api_keys).await
    }

    async fn api_key_name(&self, key: &str) -> StoreResult<Option<String>> {
        // Checked on every scripted submission: on an idle connection the
        // lookup (a few microseconds) costs less than the hop to the blocking
        // pool, which is taken only when every connection is in use.
        if let Some(holder) = self.store.api_key_name_if_idle(key)? {
            return Ok(holder);
        }
        let key = key.to_string();
        self.blocking(move |s| s.api_key_name(&key)).await
    }
}

#[async_trait]
impl Privacy for SqliteStore {
    async fn find_for_deletion(&self, ids: &[String], words: &str) -> StoreResult<Vec<Found>> {
        let (ids, words) = (ids.to_vec(), words.to_string());
        self.blocking(move |s| s.find_for_deletion(&ids, &words))
            .await
    }

    async fn erase_response(&self, id: &str, operator: &str, now: &str) -> StoreResult<bool> {
        let (id, operator, now) = (id.to_string(), operator.to_string(), now.to_string());
        self.blocking(move |s| s.erase_response(&id, &operator, &now))
            .await
    }

    async fn erase_draft(&self, id: &str, operator: &str, now: &str) -> StoreResult<bool> {
        let (id, operator, now) = (id.to_string(), operator.to_string(), now.to_string());
        self.blocking(move |s| s.erase_draft(&id, &operator, &now))
            .await
    }

    async fn deletion_log(&self, limit: usize) -> StoreResult<Vec<DeletionLogEntry>> {
        self.blocking(move |s| s.deletion_log(limit)).await
    }
}

#[async_trait]
impl Console for SqliteStore {
    async fn participation(&self, questionnaire_id: &str) -> StoreResult<Vec<Participation>> {
        let id = questionnaire_id.to_string();
        self.blocking(move |s| s.participation(&id)).await
    }

    async fn export_rows(
        &self,
        questionnaire_id: &str,
        after: i64,
        limit: usize,
        with_answers: bool,
    ) -> StoreResult<Vec<ExportRow>> {
        let id = questionnaire_id.to_string();
        self.blocking(move |s| s.export_rows(&id, after, limit, with_answers))
            .await
    }
}

#[async_trait]
impl Throttles for SqliteStore {
    async fn begin_sign_in(
        &self,
        account: &str,
        address: std::net::IpAddr,
    ) -> StoreResult<std::result::Result<Attempt, Refusal>> {
        Ok(self.sign_ins.begin(account, address))
    }

    async fn withdraw_sign_in(&self, attempt: Attempt) -> StoreResult<()> {
        self.sign_ins.withdraw(attempt);
        Ok(())
    }

    async fn sign_in_succeeded(&self, attempt: Attempt) -> StoreResult<()> {
        self.sign_ins.succeeded(attempt);
        Ok(())
    }

    async fn count_request(
        &self,
        limit: RequestLimit,
        address: Option<std::net::IpAddr>,
    ) -> StoreResult<std::result::Result<(), std::time::Duration>> {
        Ok(self.requests.check(limit, address))
    }

    fn keeps_recent_submissions(&self) -> bool {
        false
    }

    async fn recent_submissions(
        &self,
        _address: std::net::IpAddr,
        _window: std::time::Duration,
        _cap: usize,
    ) -> StoreResult<crate::study::port::Recent> {
        Err(StoreError::new(
            "an SQLite file keeps no near-duplicate memory: the study does",
            None,
        ))
    }
}

#[async_trait]
impl Periodic for SqliteStore {
    async fn claim_periodic_run(
        &self,
        _job: &str,
        _period: std::time::Duration,
    ) -> StoreResult<bool> {
        Ok(true)
    }
}

#[async_trait]
impl StudyStore for SqliteStore {
    fn open_connections(&self) -> usize {
        self.store.read_connections()
    }

    fn damaged(&self) -> Option<StoreError> {
        self.store.damaged().map(StoreError::from)
    }

    async fn check_stored_data(&self) -> StoreResult<bool> {
        self.blocking(|s| Ok(s.check_file()? == super::integrity::FileCheck::Sound))
            .await
    }
}
