//! Team and wave operations as the web layer and the command line call them: the
//! rules themselves live in [`crate::teams`]; these run them off the executor.

use std::net::IpAddr;
use std::sync::Arc;

use super::Study;
use super::error::{StudyError, StudyResult};
use crate::domain::Answers;
use crate::domain::ids::{LinkId, ResponseId};
use crate::domain::team::TeamReport;
use crate::storage::StoredResponse;
use crate::storage::email::{EmailBounds, EmailKind, NewEmail, Queued};
use crate::storage::teams::{ScoreGroups, Team, TeamFigures};
use crate::teams;

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
        self.blocking(move |s| Ok(teams::start_team(s, id.as_str())?))
            .await
    }

    /// Starts a new questionnaire prefilled from a report; returns its resume id.
    ///
    /// # Errors
    /// When the report is unknown or storage fails.
    pub async fn assess_again(self: &Arc<Self>, id: &ResponseId) -> StudyResult<String> {
        let id = id.clone();
        self.blocking(move |s| Ok(teams::assess_again(s, id.as_str())?))
            .await
    }

    /// Joins a team by its invitation; returns the new resume id.
    ///
    /// # Errors
    /// When storage fails.
    pub async fn join_team(self: &Arc<Self>, team: Team, show_name: bool) -> StudyResult<String> {
        self.blocking(move |s| Ok(teams::join_team(s, &team, show_name)?))
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
        self.blocking(move |s| Ok(teams::report(s, &team)?)).await
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
        self.blocking(move |s| Ok(teams::team_answers(s, id.as_str())?))
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

    /// Queues an email about a report, if its request is within the bounds on
    /// emails per report, per client address and in all (counted in the
    /// database, so that every server on it counts the same); the address is
    /// erased once the message is sent or abandoned.
    ///
    /// # Errors
    /// [`StudyError::NotFound`] for an unknown report; storage failures.
    pub async fn queue_email(
        self: &Arc<Self>,
        report: &ResponseId,
        email: EmailRequest,
    ) -> StudyResult<Queued> {
        let report = report.clone();
        self.blocking(move |s| {
            if s.store.response(report.as_str())?.is_none() {
                return Err(StudyError::NotFound("report"));
            }
            let client = email.client.map(client_network);
            let asked_at_ms =
                i64::try_from(email.asked_at.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
            Ok(s.store.queue_email(
                &NewEmail {
                    response_id: report.as_str(),
                    team_id: email.team_id.as_deref(),
                    kind: email.kind,
                    address: &email.address,
                    facts: email.facts,
                    due_at: &email.due_at,
                    client: client.as_deref(),
                    asked_at_ms,
                },
                &email.bounds,
            )?)
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
