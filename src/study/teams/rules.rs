//! Teams and waves in the running study: starting a team from a report, joining
//! it through its invitation, assessing again, and building the team report and
//! the change since last time from what is stored.
//!
//! Each rule reads and writes through the study's port.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::domain::answers::Answers;
use crate::domain::language::Language;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::team::{Member, TeamInput, TeamReport, TeamRules, WaveMembers, team_report};
use crate::domain::waves::{Earlier, TrendPoint, WaveChange, change_since};
use crate::study::port::{DraftLink, LinkedDraft, StudyStore};
use crate::study::records::{StoredResponse, Team};
use crate::study::storage::now_timestamp;
use crate::study::{Study, StudyResult};

/// What can stop a team or wave action.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// The questionnaire declares no `[teams]` table.
    #[error("this study does not offer team assessments")]
    NoTeams,
    /// The response is a member of another team already.
    #[error("this response is part of a team already")]
    InAnotherTeam,
    #[error("not found")]
    NotFound,
}

/// The most earlier assessments shown in a trend.
const TREND_MAX: usize = 12;

/// The questionnaire's team rules.
///
/// # Errors
/// `NoTeams` when the questionnaire declares none.
pub fn rules(q: &Questionnaire) -> StudyResult<&TeamRules> {
    Ok(q.teams.as_ref().ok_or(TeamError::NoTeams)?)
}

/// Answers stored as JSON, read against the current questionnaire; an answer
/// that no longer fits (an earlier version's) is dropped and logged, not the
/// whole set.
pub fn answers_of(q: &Questionnaire, json: &Value) -> Answers {
    crate::study::read_stored_answers(q, json, "earlier answers")
}

/// Records the item ids of the running questionnaire version, so that a later
/// version can compare like for like.
///
/// # Errors
/// When the database cannot be written.
pub async fn record_questionnaire(study: &Study) -> StudyResult<()> {
    let q = &study.questionnaire;
    let items: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
    Ok(study
        .store
        .record_questionnaire_version(&q.id, q.version, &items)
        .await?)
}

/// The team a response started, starting it now if it has none: its shared
/// profile is the response's answers to the shared items.
///
/// # Errors
/// `NotFound` for an unknown response, `InAnotherTeam` when it joined another
/// team, `NoTeams` when the study offers none.
pub async fn start_team(study: &Study, response_id: &str) -> StudyResult<Team> {
    let rules = rules(&study.questionnaire)?;
    if let Some(team) = study.store.team_started_by(response_id).await? {
        return Ok(team);
    }
    if study.store.membership(response_id).await?.is_some() {
        return Err(TeamError::InAnotherTeam.into());
    }
    let stored = study
        .store
        .response(response_id)
        .await?
        .ok_or(TeamError::NotFound)?;
    let profile: serde_json::Map<String, Value> = rules
        .shared_items
        .iter()
        .filter_map(|id| Some((id.clone(), stored.answers.get(id)?.clone())))
        .collect();
    let team = Team {
        id: uuid::Uuid::new_v4().to_string(),
        invite_id: uuid::Uuid::new_v4().to_string(),
        created_at: now_timestamp(),
        starter_response_id: Some(response_id.to_string()),
        profile: Value::Object(profile),
        wave: 1,
    };
    if study.store.create_team(&team, response_id).await? {
        tracing::info!("team started");
        Ok(team)
    } else {
        // Started from a second tab in the meantime, or deleted.
        match study.store.team_started_by(response_id).await? {
            Some(team) => Ok(team),
            None => Err(TeamError::InAnotherTeam.into()),
        }
    }
}

/// Starts a questionnaire that joins a team's current wave, prefilled with the
/// team's shared profile; returns its resume id.
///
/// # Errors
/// When the database cannot be written.
pub async fn join_team(study: &Study, team: &Team, show_name: bool) -> StudyResult<String> {
    let q = &study.questionnaire;
    let id = uuid::Uuid::new_v4().to_string();
    study
        .store
        .create_linked_draft(&LinkedDraft {
            id: id.clone(),
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version,
            answers: team.profile.to_string(),
            now: now_timestamp(),
            link: DraftLink {
                team_id: Some(team.id.clone()),
                show_name,
                previous_id: None,
            },
        })
        .await?;
    tracing::info!("team questionnaire started");
    Ok(id)
}

/// Starts a questionnaire that assesses a response again, prefilled with its
/// answers and its name and company. The email address is not copied: whoever
/// holds the report link can start this, and no page shows them the address
/// (the email page offers it back masked). A team member whose team has opened a
/// newer wave joins that wave with it. Deleting the response deletes the drafts
/// started from it while they are unsubmitted.
///
/// # Errors
/// `NotFound` for an unknown response; storage errors.
pub async fn assess_again(study: &Study, response_id: &str) -> StudyResult<String> {
    let q = &study.questionnaire;
    let stored = study
        .store
        .response(response_id)
        .await?
        .ok_or(TeamError::NotFound)?;
    let mut answers = stored.answers.clone();
    let email = stored.contact_email();
    if let Some(map) = answers.as_object_mut() {
        for (k, v) in &stored.contact {
            if Some(v.as_str()) == email || q.item(k).is_some_and(|i| i.email) {
                continue;
            }
            map.insert(k.clone(), Value::String(v.clone()));
        }
    }
    let team_id = match study.store.membership(response_id).await? {
        Some((team_id, wave)) => study
            .store
            .team(&team_id)
            .await?
            .filter(|t| t.wave > wave)
            .map(|t| t.id),
        None => None,
    };
    let id = uuid::Uuid::new_v4().to_string();
    study
        .store
        .create_linked_draft(&LinkedDraft {
            id: id.clone(),
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version,
            answers: answers.to_string(),
            now: now_timestamp(),
            link: DraftLink {
                team_id,
                show_name: false,
                previous_id: Some(response_id.to_string()),
            },
        })
        .await?;
    tracing::info!("assessment again started");
    Ok(id)
}

/// Keeps a team draft's shared profile answers: whatever is posted for them,
/// the team's stand, so that every member is placed in the team's peer group.
///
/// # Errors
/// When the database cannot be read.
pub async fn keep_team_profile(
    study: &Study,
    draft_id: &str,
    answers: &mut Answers,
) -> StudyResult<()> {
    let Some(DraftLink {
        team_id: Some(team_id),
        ..
    }) = study.store.draft_link(draft_id).await?
    else {
        return Ok(());
    };
    let Some(team) = study.store.team(&team_id).await? else {
        return Ok(());
    };
    answers.merge(&answers_of(&study.questionnaire, &team.profile));
    Ok(())
}

/// The answers a team member does not give, because the team's are used: item id
/// -> the team's answer, as stored. Empty for a questionnaire outside a team.
///
/// # Errors
/// When the database cannot be read.
pub async fn team_answers(
    study: &Study,
    draft_id: &str,
) -> StudyResult<serde_json::Map<String, Value>> {
    let Some(DraftLink {
        team_id: Some(team_id),
        ..
    }) = study.store.draft_link(draft_id).await?
    else {
        return Ok(serde_json::Map::new());
    };
    Ok(match study.store.team(&team_id).await? {
        Some(Team {
            profile: Value::Object(answers),
            ..
        }) => answers,
        _ => serde_json::Map::new(),
    })
}

/// The team's peer-group profile (dimension -> option id).
fn team_profile(q: &Questionnaire, team: &Team) -> BTreeMap<String, String> {
    q.dimensions()
        .filter_map(|(dim, item)| {
            let value = team.profile.get(&item.id)?.as_str()?;
            Some((dim.to_string(), value.to_string()))
        })
        .collect()
}

/// The team report of a team's current wave, with every wave compared: the
/// members as stored (held ones marked, names only of those who offered
/// them), released by the domain's disclosure rule with this database's key.
///
/// # Errors
/// `NoTeams`, or when the database cannot be read.
pub async fn report(study: &Study, team: &Team, language: Language) -> StudyResult<TeamReport> {
    let q = study.questionnaire.in_language(language);
    let rules = rules(q)?;
    let rows = study.store.team_members(&team.id).await?;
    let mut waves: Vec<WaveMembers> = Vec::new();
    for row in rows {
        let shown_name = match (&row.shown_contact, &rules.name_item) {
            (Some(contact), Some(item)) => contact.get(item).cloned(),
            _ => None,
        };
        let member = Member {
            scores: row.scores,
            answers: answers_of(q, &row.answers),
            held: row.held,
            shown_name,
            // As the peer index is built: every response of the running study
            // that is not held.
            in_peer_index: !row.held && row.questionnaire_id == q.id,
        };
        match waves.last_mut() {
            Some(w) if w.wave == row.wave => w.members.push(member),
            _ => waves.push(WaveMembers {
                wave: row.wave,
                members: vec![member],
            }),
        }
    }
    // The wave new members join is shown, even before its first member.
    if waves.last().is_none_or(|w| w.wave < team.wave) {
        waves.push(WaveMembers {
            wave: team.wave,
            members: Vec::new(),
        });
    }
    let profile = team_profile(q, team);
    Ok(study
        .with_peers(|peers| {
            team_report(&TeamInput {
                questionnaire: q,
                rules,
                team: &team.id,
                key: study.store.team_release_key(),
                waves: &waves,
                peers: peers.groups_along(&profile).collect(),
                peer_minimum: q.peer_group_minimum,
            })
        })
        .await)
}

/// The change since the earlier assessment, when this response assessed an
/// earlier one again, in `language`; with the trend of the whole series.
///
/// # Errors
/// When the database cannot be read.
pub async fn change_of(
    study: &Study,
    stored: &StoredResponse,
    language: Language,
) -> StudyResult<Option<WaveChange>> {
    let q = study.questionnaire.in_language(language);
    let Some(previous_id) = study.store.previous_response(&stored.id).await? else {
        return Ok(None);
    };
    let Some(earlier) = study.store.response(&previous_id).await? else {
        return Ok(None);
    };
    let mut trend = vec![point(stored), point(&earlier)];
    let mut at = earlier.id.clone();
    while trend.len() < TREND_MAX {
        let Some(before) = study.store.previous_response(&at).await? else {
            break;
        };
        let Some(response) = study.store.response(&before).await? else {
            break;
        };
        trend.push(point(&response));
        at = response.id;
    }
    trend.reverse();
    let version_items = match study
        .store
        .questionnaire_version_items(&earlier.questionnaire_id, earlier.questionnaire_version)
        .await?
    {
        Some(items) => items,
        // A version that ran before versions were recorded: what it answered.
        None => earlier
            .answers
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default(),
    };
    let answers = answers_of(q, &stored.answers);
    Ok(Some(change_since(
        q,
        &Earlier {
            submitted_on: earlier
                .submitted_at
                .get(..10)
                .unwrap_or(&earlier.submitted_at),
            questionnaire_version: earlier.questionnaire_version,
            answers: &earlier.answers,
            version_items: &version_items,
        },
        &answers,
        trend,
    )))
}

fn point(r: &StoredResponse) -> TrendPoint {
    TrendPoint {
        submitted_on: r
            .submitted_at
            .get(..10)
            .unwrap_or(&r.submitted_at)
            .to_string(),
        overall: r.scorecard.overall.score,
    }
}

/// The columns exports carry about teams and waves: the team's pseudonymous id
/// (a keyed hash, like a response's) and the wave number.
pub const EXPORT_COLUMNS: [&str; 2] = ["team", "wave"];

/// Team and wave of every response, loaded once per export (`None`: they could
/// not be read, and the columns are left empty rather than guessed).
pub struct ExportWaves(Option<HashMap<String, (Option<String>, u32)>>);

impl ExportWaves {
    /// Loads them; an export without them (a read failure, logged) still
    /// carries every other column.
    pub(in crate::study) async fn load(store: &dyn StudyStore) -> ExportWaves {
        match store.waves_by_response().await {
            Ok(map) => ExportWaves(Some(map)),
            Err(e) => {
                tracing::error!(error = %e, "teams and waves cannot be read for the export");
                ExportWaves(None)
            }
        }
    }

    /// A response's team pseudonym (empty when in no team) and wave: its team's
    /// wave, or its place in its respondent's series of assessments.
    pub(in crate::study) fn columns(
        &self,
        store: &dyn StudyStore,
        response_id: &str,
    ) -> [String; 2] {
        let Some(map) = &self.0 else {
            return [String::new(), String::new()];
        };
        match map.get(response_id) {
            Some((team, wave)) => [
                team.as_deref()
                    .map(|t| store.pseudonym(t))
                    .unwrap_or_default(),
                wave.to_string(),
            ],
            None => [String::new(), "1".into()],
        }
    }
}
