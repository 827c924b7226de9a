//! What a respondent does: start a questionnaire, save a page, read a report.
//! Each operation is one call for the web layer and the command line; the
//! database work runs off the async executor.

use super::error::{StudyError, StudyResult};
use super::read_stored_answers;
use super::records::{Draft, StoredResponse, SubmitOutcome};
use super::storage::now_timestamp;
use super::{Origin, Study};
use crate::domain::ids::{LinkId, ResponseId};
use crate::domain::language::Language;
use crate::domain::report::{Report, ReportInput};
use crate::domain::waves::WaveChange;
use crate::domain::{Answers, Questionnaire};

/// A submitted response's report, and how it changed since the response it
/// assessed again (if it did).
pub struct ResponseReport {
    /// The report, "since last time" included.
    pub report: Report,
    pub change: Option<WaveChange>,
    /// The response answered a colleague's team invitation (and started no
    /// team): its report offers what a member can do, not a team of its own.
    pub in_colleagues_team: bool,
    /// The language it is written in.
    pub language: Language,
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
    /// Starts a questionnaire; returns its resume id.
    ///
    /// # Errors
    /// When the draft cannot be stored.
    pub async fn start_draft(&self) -> StudyResult<LinkId> {
        let q = &self.questionnaire;
        let raw = uuid::Uuid::new_v4().to_string();
        let id = LinkId::parse(&raw).ok_or(StudyError::NotFound("new draft id"))?;
        self.store
            .create_draft(&raw, &q.id, q.version, &now_timestamp())
            .await?;
        Ok(id)
    }

    /// A questionnaire in progress (or submitted) by its resume id.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn draft(&self, id: &LinkId) -> StudyResult<Option<Draft>> {
        Ok(self.store.draft(id.as_str()).await?)
    }

    /// A draft's answers as far as they still fit the questionnaire: an answer the
    /// questionnaire no longer accepts is dropped (and logged), the rest kept.
    pub fn draft_answers(&self, draft: &Draft) -> Answers {
        read_stored_answers(&self.questionnaire, &draft.answers, &draft.id)
    }

    /// Saves a page's worth of answers (the whole draft's answers), the page to
    /// return to and the language the page was answered in.
    ///
    /// # Errors
    /// When the write fails; nothing is saved then.
    pub async fn save_draft(
        &self,
        id: &LinkId,
        answers: &Answers,
        page: usize,
        language: Language,
    ) -> StudyResult<PageSaved> {
        let answers = answers.to_json(&self.questionnaire).to_string();
        let saved = self
            .store
            .save_draft(
                id.as_str(),
                &answers,
                page,
                &now_timestamp(),
                language.code(),
            )
            .await?;
        Ok(if saved {
            PageSaved::Saved
        } else {
            PageSaved::AlreadySubmitted
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
        let prepared = self.prepare_from_client(answers, origin).await?;
        self.submit(&prepared).await
    }

    /// A submitted response as stored (for the API and the team pages).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn response(&self, id: &ResponseId) -> StudyResult<Option<StoredResponse>> {
        Ok(self.store.response(id.as_str()).await?)
    }

    /// The report of a submitted response, with "since last time" when it assessed
    /// again, in `language`, else in the language it was answered in. `None`
    /// for an unknown (or deleted) report.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn report(
        &self,
        id: &ResponseId,
        language: Option<Language>,
    ) -> StudyResult<Option<ResponseReport>> {
        let Some(stored) = self.store.response(id.as_str()).await? else {
            return Ok(None);
        };
        let language = language.unwrap_or(stored.language);
        let mut report = report_of(
            self.questionnaire_of(&stored).in_language(language),
            &stored,
        );
        let change = super::teams::rules::change_of(self, &stored, language).await?;
        report.since_last_time = change.as_ref().map(WaveChange::said);
        let in_colleagues_team = self.store.membership(id.as_str()).await?.is_some()
            && self.store.team_started_by(id.as_str()).await?.is_none();
        Ok(Some(ResponseReport {
            report,
            change,
            in_colleagues_team,
            language,
        }))
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
