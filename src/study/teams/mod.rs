//! Team and wave operations as the web layer and the command line call them: the
//! rules themselves live in [`rules`]; these run them off the executor.

pub(super) mod rules;

use std::net::IpAddr;

use super::Study;
use super::error::{StudyError, StudyResult};
use crate::domain::Answers;
use crate::domain::ids::{LinkId, ResponseId};
use crate::domain::language::Language;
use crate::domain::team::{TeamReport, TeamRules};
use crate::study::port::NewEmail;
use crate::study::records::{
    EmailBounds, EmailKind, Queued, ScoreGroups, StoredResponse, Team, TeamFigures,
};
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

/// An email to queue for a respondent, and who asked for it when.
pub struct EmailRequest {
    pub kind: EmailKind,
    pub address: String,
    /// What the message needs beyond its kind (links, dates).
    pub facts: serde_json::Value,
    /// When to send it (a stored timestamp).
    pub due_at: String,
    /// The team it is about, for a team-ready notice.
    pub team_id: Option<String>,
    /// The client that asked, counted against the bounds.
    pub client: Option<IpAddr>,
    /// When it was asked.
    pub asked_at: time::OffsetDateTime,
    /// The bounds it is counted against.
    pub bounds: EmailBounds,
}

/// The network a client's requests are counted under: its IPv4 address, or the
/// /64 of its IPv6 address (one subscriber's usual share, in which they may pick
/// any address).
fn client_network(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
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
    /// later version can compare like for like (opening the study does it).
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn record_questionnaire(&self) -> StudyResult<()> {
        teams::record_questionnaire(self).await
    }

    /// The team standing of a report, `None` for an unknown report.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team_standing(&self, id: &ResponseId) -> StudyResult<Option<TeamStanding>> {
        let Some(response) = self.store.response(id.as_str()).await? else {
            return Ok(None);
        };
        Ok(Some(TeamStanding {
            started: self.store.team_started_by(id.as_str()).await?,
            member_of: self.store.membership(id.as_str()).await?,
            response,
        }))
    }

    /// Starts a team from a report (or returns the one it started).
    ///
    /// # Errors
    /// When teams are not offered, the report is in another team, or storage fails.
    pub async fn start_team(&self, id: &ResponseId) -> StudyResult<Team> {
        teams::start_team(self, id.as_str()).await
    }

    /// Starts a new questionnaire prefilled from a report; returns its resume id.
    ///
    /// # Errors
    /// When the report is unknown or storage fails.
    pub async fn assess_again(&self, id: &ResponseId) -> StudyResult<String> {
        teams::assess_again(self, id.as_str()).await
    }

    /// Joins a team by its invitation; returns the new resume id.
    ///
    /// # Errors
    /// When storage fails.
    pub async fn join_team(&self, team: Team, show_name: bool) -> StudyResult<String> {
        teams::join_team(self, &team, show_name).await
    }

    /// A team by its private report link.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team(&self, id: &LinkId) -> StudyResult<Option<Team>> {
        Ok(self.store.team(id.as_str()).await?)
    }

    /// A team by its private invitation link.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team_by_invite(&self, id: &LinkId) -> StudyResult<Option<Team>> {
        Ok(self.store.team_by_invite(id.as_str()).await?)
    }

    /// The team report of a team, in `language`, else in its starter's.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team_report(
        &self,
        team: Team,
        language: Option<Language>,
    ) -> StudyResult<TeamReport> {
        let language = match language {
            Some(l) => l,
            None => self.team_language(&team).await?,
        };
        teams::report(self, &team, language).await
    }

    /// The language a team's pages speak unless a link asks for another: the
    /// one its starter answered in (the study's own once that response is gone).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team_language(&self, team: &Team) -> StudyResult<Language> {
        let Some(starter) = &team.starter_response_id else {
            return Ok(self.questionnaire.language);
        };
        Ok(self
            .store
            .response(starter)
            .await?
            .map_or(self.questionnaire.language, |r| r.language))
    }

    /// Opens the team's next wave; returns its number.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn open_next_wave(&self, team_id: &str) -> StudyResult<u32> {
        Ok(self.store.open_next_wave(team_id).await?)
    }

    /// The team's answers to the shared profile questions, for a member's draft.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn team_answers(
        &self,
        draft_id: &LinkId,
    ) -> StudyResult<serde_json::Map<String, serde_json::Value>> {
        teams::team_answers(self, draft_id.as_str()).await
    }

    /// A team member's shared profile answers stay the team's (see
    /// [`teams::keep_team_profile`]).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn keep_team_profile(
        &self,
        draft_id: &LinkId,
        answers: Answers,
    ) -> StudyResult<Answers> {
        let mut kept = answers;
        teams::keep_team_profile(self, draft_id.as_str(), &mut kept).await?;
        Ok(kept)
    }

    /// Queues an email about a report, if its request is within the bounds on
    /// emails per report, per client address and in all (counted in the
    /// database, so that every server on it counts the same); the address is
    /// erased once the message is sent or abandoned.
    ///
    /// # Errors
    /// [`StudyError::NotFound`] for an unknown report; storage failures.
    pub async fn queue_email(
        &self,
        report: &ResponseId,
        email: EmailRequest,
    ) -> StudyResult<Queued> {
        if self.store.response(report.as_str()).await?.is_none() {
            return Err(StudyError::NotFound("report"));
        }
        let asked_at_ms =
            i64::try_from(email.asked_at.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
        Ok(self
            .store
            .queue_email(
                &NewEmail {
                    response_id: report.as_str().to_string(),
                    team_id: email.team_id,
                    kind: email.kind,
                    address: email.address,
                    facts: email.facts,
                    due_at: email.due_at,
                    client: email.client.map(client_network),
                    asked_at_ms,
                },
                &email.bounds,
            )
            .await?)
    }

    /// The console's teams-and-waves figures.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn teams_overview(&self) -> StudyResult<TeamsOverview> {
        Ok(TeamsOverview {
            figures: self.store.team_figures().await?,
            team_waves: self.store.team_wave_groups().await?,
            repeats: self.store.repeat_groups().await?,
            responses: usize::try_from(self.store.response_count().await?).unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_client_counts_by_its_64_and_an_ipv4_one_by_its_address() {
        let net = |s: &str| client_network(s.parse().expect("an address"));
        assert_eq!(net("2001:db8:1:2:aaaa::1"), net("2001:db8:1:2:ffff::9"));
        assert_ne!(net("2001:db8:1:2::1"), net("2001:db8:1:3::1"));
        assert_eq!(net("2001:db8:1:2::1"), "2001:db8:1:2::/64");
        assert_eq!(net("198.51.100.7"), "198.51.100.7");
        assert_eq!(net("::ffff:198.51.100.7"), "198.51.100.7");
        assert_ne!(net("198.51.100.7"), net("198.51.100.8"));
    }
}
