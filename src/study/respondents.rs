//! What a respondent does: start a questionnaire, save a page, read a report.
//! Each operation is one call for the web layer and the command line; the
//! database work runs off the async executor.

use std::sync::Arc;

use super::error::{StudyError, StudyResult};
use super::records::{Draft, StoredResponse, SubmitOutcome};
use super::storage::now_timestamp;
use super::storage::responses::read_stored_answers;
use super::storage::writer::{Outcome, Write};
use super::{Origin, Study};
use crate::domain::ids::{LinkId, ResponseId};
use crate::domain::report::{Report, ReportInput};
use crate::domain::waves::WaveChange;
use crate::domain::{Answers, Questionnaire};

/// A submitted response's report, and how it changed since the response it
/// assessed again (if it did).
pub struct ResponseReport {
    /// The report, "since last time" included.
    pub report: Report,
    pub change: Option<WaveChange>,
}

/// What became of a saved page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageSaved {
    /// Saved; the questionnaire is still open.
    Saved,
    /// The questionnaire was submitted in the meantime (another tab): nothing saved.
    AlreadySubmitted,
}

impl Study {
    /// Runs blocking work (database reads, rendering inputs) on the blocking pool.
    pub(crate) async fn blocking<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&Study) -> StudyResult<T> + Send + 'static,
    ) -> StudyResult<T> {
        let study = Arc::clone(self);
        tokio::task::spawn_blocking(move || work(&study))
            .await
            .map_err(StudyError::Background)?
    }

    /// Starts a questionnaire; returns its resume id.
    ///
    /// # Errors
    /// When the draft cannot be stored.
    pub async fn start_draft(&self) -> StudyResult<LinkId> {
        let q = &self.questionnaire;
        let raw = uuid::Uuid::new_v4().to_string();
        let id = LinkId::parse(&raw).ok_or(StudyError::NotFound("new draft id"))?;
        self.store
            .writer()
            .write(Write::CreateDraft {
                id: raw,
                questionnaire_id: q.id.clone(),
                questionnaire_version: q.version,
                now: now_timestamp(),
            })
            .await?;
        Ok(id)
    }

    /// A questionnaire in progress (or submitted) by its resume id.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn draft(self: &Arc<Self>, id: &LinkId) -> StudyResult<Option<Draft>> {
        let id = id.clone();
        self.blocking(move |s| Ok(s.store.draft(id.as_str())?))
            .await
    }

    /// A draft's answers as far as they still fit the questionnaire: an answer the
    /// questionnaire no longer accepts is dropped (and logged), the rest kept.
    pub fn draft_answers(&self, draft: &Draft) -> Answers {
        read_stored_answers(&self.questionnaire, &draft.answers, &draft.id)
    }

    /// Saves a page's worth of answers (the whole draft's answers) and the page to
    /// return to.
    ///
    /// # Errors
    /// When the write fails; nothing is saved then.
    pub async fn save_draft(
        &self,
        id: &LinkId,
        answers: &Answers,
        page: usize,
    ) -> StudyResult<PageSaved> {
        let saved = self
            .store
            .writer()
            .write(Write::SaveDraft {
                id: id.to_string(),
                answers: answers.to_json(&self.questionnaire).to_string(),
                page,
                now: now_timestamp(),
            })
            .await?;
        Ok(if saved == Outcome::DraftSaved(false) {
            PageSaved::AlreadySubmitted
        } else {
            PageSaved::Saved
        })
    }

    /// Scores, places and stores checked answers; returns the report id (the first
    /// one, if this draft was submitted before).
    ///
    /// # Errors
    /// When the write fails; nothing is stored then.
    pub async fn submit_answers(
        &self,
        answers: &Answers,
        origin: &Origin<'_>,
    ) -> StudyResult<SubmitOutcome> {
        let prepared = self.prepare(answers, origin)?;
        self.submit(&prepared).await
    }

    /// A submitted response as stored (for the API and the team pages).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn response(
        self: &Arc<Self>,
        id: &ResponseId,
    ) -> StudyResult<Option<StoredResponse>> {
        let id = id.clone();
        self.blocking(move |s| Ok(s.store.response(id.as_str())?))
            .await
    }

    /// The report of a submitted response, with "since last time" when it assessed
    /// again. `None` for an unknown (or deleted) report.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn report(self: &Arc<Self>, id: &ResponseId) -> StudyResult<Option<ResponseReport>> {
        let id = id.clone();
        self.blocking(move |s| s.report_blocking(&id)).await
    }

    /// As [`Study::report`], blocking: for the command line.
    ///
    /// # Errors
    /// As [`Study::report`].
    pub fn report_blocking(&self, id: &ResponseId) -> StudyResult<Option<ResponseReport>> {
        let Some(stored) = self.store.response(id.as_str())? else {
            return Ok(None);
        };
        let mut report = report_of(self.questionnaire_of(&stored), &stored);
        let change = super::teams::rules::change_of(self, &stored)?;
        report.since_last_time = change.as_ref().map(WaveChange::said);
        Ok(Some(ResponseReport { report, change }))
    }
}

/// Rebuilds the report model of a stored response with `q`, the questionnaire
/// version it was answered with.
pub fn report_of(q: &Questionnaire, stored: &StoredResponse) -> Report {
    // Contact details are stored apart; they return only into the respondent's own
    // report.
    let mut json = stored.answers.clone();
    if let Some(map) = json.as_object_mut() {
        for (k, v) in &stored.contact {
            map.insert(k.clone(), serde_json::Value::String(v.clone()));
        }
    }
    let answers = read_stored_answers(q, &json, &stored.id);
    Report::build(&ReportInput {
        questionnaire: q,
        answers: &answers,
        scorecard: &stored.scorecard,
        standing: &stored.standing,
        submitted_on: stored
            .submitted_at
            .get(..10)
            .unwrap_or(&stored.submitted_at),
    })
}
