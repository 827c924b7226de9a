//! Team and wave operations as the web layer and the command line call them: the
//! rules themselves live in [`rules`]; these run them off the executor.

pub(super) mod rules;

use std::sync::Arc;

use super::Study;
use super::error::{StudyError, StudyResult};
use crate::domain::Answers;
use crate::domain::ids::{LinkId, ResponseId};
use crate::domain::team::{TeamReport, TeamRules};
use crate::study::records::{EmailKind, ScoreGroups, StoredResponse, Team, TeamFigures};
use crate::study::storage::email::NewEmail;
use rules as teams;

/// What the team page of one report shows: the team it started (if any), the
/// team it is a member of (if any), and the response itself.
pub struct TeamStanding {
    pub started: Option<Team>,
    pub member_of: Option<(String, u32)>,
    pub response: StoredResponse,
}

/// The figures of the console's teams-and-waves page.
pub struct TeamsOverview {
    pub figures: TeamFigures,
    /// First and later waves of teams.
    pub team_waves: ScoreGroups,
    /// First and repeated assessments of one respondent.
    pub repeats: ScoreGroups,
    pub responses: usize,
}

/// An email to queue for a respondent.
pub struct EmailRequest {
    pub kind: EmailKind,
    pub address: String,
    /// What the message needs beyond its kind (links, dates).
    pub facts: serde_json::Value,
    /// When to send it (a stored timestamp).
    pub due_at: String,
    /// The team it is about, for a team-ready notice.
    pub team_id: Option<String>,
}

impl Study {
    /// The questionnaire's team rules.
    ///
    /// # Errors
    /// `TeamError::NoTeams` when the study offers no team assessments.
    pub fn team_rules(&self) -> StudyResult<&TeamRules> {
        teams::rules(&self.questionnaire)
    }

    /// Records the item ids of the running questionnaire version, so that a
    /// later version can compare like for like. Blocking.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn record_questionnaire(&self) -> StudyResult<()> {
        teams::record_questionnaire(self)
    }

    /// The team standing of a report, `None` for an unknown report.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team_standing(
        self: &Arc<Self>,
        id: &ResponseId,
    ) -> StudyResult<Option<TeamStanding>> {
        let id = id.clone();
        self.blocking(move |s| {
            let Some(response) = s.store.response(id.as_str())? else {
                return Ok(None);
            };
            Ok(Some(TeamStanding {
                started: s.store.team_started_by(id.as_str())?,
                member_of: s.store.membership(id.as_str())?,
                response,
            }))
        })
        .await
    }

    /// Starts a team from a report (or returns the one it started).
    ///
    /// # Errors
    /// When teams are not offered, the report is in another team, or storage fails.
    pub async fn start_team(self: &Arc<Self>, id: &ResponseId) -> StudyResult<Team> {
        let id = id.clone();
        self.blocking(move |s| teams::start_team(s, id.as_str()))
            .await
    }

    /// Starts a new questionnaire prefilled from a report; returns its resume id.
    ///
    /// # Errors
    /// When the report is unknown or storage fails.
    pub async fn assess_again(self: &Arc<Self>, id: &ResponseId) -> StudyResult<String> {
        let id = id.clone();
        self.blocking(move |s| teams::assess_again(s, id.as_str()))
            .await
    }

    /// Joins a team by its invitation; returns the new resume id.
    ///
    /// # Errors
    /// When storage fails.
    pub async fn join_team(self: &Arc<Self>, team: Team, show_name: bool) -> StudyResult<String> {
        self.blocking(move |s| teams::join_team(s, &team, show_name))
            .await
    }

    /// A team by its private report link.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team(self: &Arc<Self>, id: &LinkId) -> StudyResult<Option<Team>> {
        let id = id.clone();
        self.blocking(move |s| Ok(s.store.team(id.as_str())?)).await
    }

    /// A team by its private invitation link.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team_by_invite(self: &Arc<Self>, id: &LinkId) -> StudyResult<Option<Team>> {
        let id = id.clone();
        self.blocking(move |s| Ok(s.store.team_by_invite(id.as_str())?))
            .await
    }

    /// The team report of a team.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team_report(self: &Arc<Self>, team: Team) -> StudyResult<TeamReport> {
        self.blocking(move |s| teams::report(s, &team)).await
    }

    /// Opens the team's next wave; returns its number.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn open_next_wave(self: &Arc<Self>, team_id: &str) -> StudyResult<u32> {
        let id = team_id.to_string();
        self.blocking(move |s| Ok(s.store.open_next_wave(&id)?))
            .await
    }

    /// The team's answers to the shared profile questions, for a member's draft.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team_answers(
        self: &Arc<Self>,
        draft_id: &LinkId,
    ) -> StudyResult<serde_json::Map<String, serde_json::Value>> {
        let id = draft_id.clone();
        self.blocking(move |s| teams::team_answers(s, id.as_str()))
            .await
    }

    /// A team member's shared profile answers stay the team's (see
    /// [`teams::keep_team_profile`]).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn keep_team_profile(
        self: &Arc<Self>,
        draft_id: &LinkId,
        answers: Answers,
    ) -> StudyResult<Answers> {
        let id = draft_id.clone();
        self.blocking(move |s| {
            let mut kept = answers;
            teams::keep_team_profile(s, id.as_str(), &mut kept)?;
            Ok(kept)
        })
        .await
    }

    /// Queues an email about a report; the address is erased once it is sent or
    /// abandoned.
    ///
    /// # Errors
    /// [`StudyError::NotFound`] for an unknown report; storage failures.
    pub async fn queue_email(
        self: &Arc<Self>,
        report: &ResponseId,
        email: EmailRequest,
    ) -> StudyResult<()> {
        let report = report.clone();
        self.blocking(move |s| {
            if s.store.response(report.as_str())?.is_none() {
                return Err(StudyError::NotFound("report"));
            }
            s.store.queue_email(&NewEmail {
                response_id: report.as_str(),
                team_id: email.team_id.as_deref(),
                kind: email.kind,
                address: &email.address,
                facts: email.facts,
                due_at: &email.due_at,
            })?;
            Ok(())
        })
        .await
    }

    /// The console's teams-and-waves figures.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn teams_overview(self: &Arc<Self>) -> StudyResult<TeamsOverview> {
        self.blocking(|s| {
            Ok(TeamsOverview {
                figures: s.store.team_figures()?,
                team_waves: s.store.team_wave_groups()?,
                repeats: s.store.repeat_groups()?,
                responses: usize::try_from(s.store.response_count()?).unwrap_or(0),
            })
        })
        .await
    }
}
