//! Teams and waves as stored: teams, the drafts started to join one or to assess
//! again, members by wave, links between a response and the one it follows, and
//! the item ids of every questionnaire version that has run.
//!
//! A draft's links are carried over to its response by a trigger
//! (`responses_take_draft_links`, migration 0004) in the very transaction that
//! stores the response, so a submission cannot be stored without them. Every
//! link cascades on deletion of its response or draft. All methods block: call
//! them off the async executor.

use rusqlite::OptionalExtension;
use rusqlite::types::Value as Sql;

use super::console::text;
use super::writer::{Outcome, Write};
use super::{Result, StorageError, Store, parse_json};
use crate::domain::peer::PerIndex;
use crate::study::port::{DraftLink, LinkedDraft, MemberRow};
use crate::study::records::{ScoreGroups, Team, TeamFigures};

const TEAM_COLUMNS: &str = "id, invite_id, created_at, starter_response_id, profile, wave";

fn team_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Team, String)> {
    Ok((
        Team {
            id: r.get(0)?,
            invite_id: r.get(1)?,
            created_at: r.get(2)?,
            starter_response_id: r.get(3)?,
            profile: serde_json::Value::Null,
            wave: r.get(5)?,
        },
        r.get(4)?,
    ))
}

fn written(outcome: Outcome) -> Result<usize> {
    match outcome {
        Outcome::Executed(n) => Ok(n),
        other => Err(StorageError::Corrupt(format!(
            "unexpected outcome {other:?}"
        ))),
    }
}

impl Store {
    fn team_where(&self, sql: &str, key: &str) -> Result<Option<Team>> {
        self.read(|conn| {
            let row = conn
                .prepare_cached(sql)?
                .query_row([key], team_row)
                .optional()?;
            row.map(|(mut team, profile)| {
                team.profile = parse_json(&profile, "team profile")?;
                Ok(team)
            })
            .transpose()
        })
    }

    /// A team by its private report link.
    pub fn team(&self, id: &str) -> Result<Option<Team>> {
        self.team_where(
            &format!("SELECT {TEAM_COLUMNS} FROM teams WHERE id = ?1"),
            id,
        )
    }

    /// A team by its private invitation link.
    pub fn team_by_invite(&self, invite_id: &str) -> Result<Option<Team>> {
        self.team_where(
            &format!("SELECT {TEAM_COLUMNS} FROM teams WHERE invite_id = ?1"),
            invite_id,
        )
    }

    /// The team a response started, if any.
    pub fn team_started_by(&self, response_id: &str) -> Result<Option<Team>> {
        self.team_where(
            &format!("SELECT {TEAM_COLUMNS} FROM teams WHERE starter_response_id = ?1"),
            response_id,
        )
    }

    /// The team and wave a response belongs to, if any.
    pub fn membership(&self, response_id: &str) -> Result<Option<(String, u32)>> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT team_id, wave FROM team_members WHERE response_id = ?1")?
                .query_row([response_id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?)
        })
    }

    /// Starts a team from a response: the team, and its starter as the first
    /// member of wave 1. False when the response is in a team already.
    pub fn create_team(&self, team: &Team, starter_response_id: &str) -> Result<bool> {
        let n = written(self.writer().write_blocking(Write::ExecuteAll(vec![
            (
                "INSERT INTO teams (id, invite_id, created_at, starter_response_id, profile, wave)
                 SELECT ?1, ?2, ?3, ?4, ?5, 1
                 WHERE NOT EXISTS (SELECT 1 FROM team_members WHERE response_id = ?4)
                   AND EXISTS (SELECT 1 FROM responses WHERE id = ?4)",
                vec![
                    text(&team.id),
                    text(&team.invite_id),
                    text(&team.created_at),
                    text(starter_response_id),
                    text(&team.profile.to_string()),
                ],
            ),
            (
                "INSERT INTO team_members (response_id, team_id, wave, show_name, counted_order)
                 SELECT ?1, ?2, 1, 0,
                        CASE WHEN (SELECT held FROM responses WHERE id = ?1) THEN NULL ELSE 1 END
                 WHERE changes() > 0",
                vec![text(starter_response_id), text(&team.id)],
            ),
        ]))?)?;
        Ok(n > 0)
    }

    /// Every member of a team, all waves, oldest wave first; within a wave the
    /// counted members in the order they came to count, then the held ones.
    pub fn team_members(&self, team_id: &str) -> Result<Vec<MemberRow>> {
        // Each member's answers are decoded with the version they were given in.
        let catalogue = self.catalogue()?;
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT m.wave, r.answers, r.overall, r.value, r.number, r.win_rate,
                        r.sales_cycle, r.personal, CASE WHEN m.show_name THEN r.contact END,
                        r.questionnaire_id, r.questionnaire_version,
                        r.held OR m.counted_order IS NULL
                 FROM team_members m JOIN responses r ON r.id = m.response_id
                 WHERE m.team_id = ?1
                 ORDER BY m.wave, m.counted_order IS NULL, m.counted_order, m.rowid",
            )?;
            let rows = stmt.query_map([team_id], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    PerIndex {
                        overall: r.get(2)?,
                        value: r.get(3)?,
                        number: r.get(4)?,
                        win_rate: r.get(5)?,
                        sales_cycle: r.get(6)?,
                        personal: r.get(7)?,
                    },
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, u32>(10)?,
                    r.get::<_, bool>(11)?,
                ))
            })?;
            let mut members = Vec::new();
            for row in rows {
                let (wave, answers, scores, contact, questionnaire_id, version, held) = row?;
                let q = super::responses::version_of(&catalogue, &questionnaire_id, version)?;
                members.push(MemberRow {
                    wave,
                    answers: super::compact::decode_answers(q, &answers)?,
                    scores,
                    shown_contact: contact.map(|c| parse_json(&c, "contact")).transpose()?,
                    held,
                    questionnaire_id,
                });
            }
            Ok(members)
        })
    }

    /// Opens the next wave of a team, if the current one has members; returns
    /// the wave new members now join.
    pub fn open_next_wave(&self, team_id: &str) -> Result<u32> {
        self.execute(
            "UPDATE teams SET wave = wave + 1 WHERE id = ?1
               AND EXISTS (SELECT 1 FROM team_members m
                           WHERE m.team_id = teams.id AND m.wave = teams.wave)",
            vec![text(team_id)],
        )?;
        self.team(team_id)?
            .map(|t| t.wave)
            .ok_or_else(|| StorageError::Corrupt("team vanished".into()))
    }

    /// Creates a draft prefilled with answers, with what it was started for.
    pub fn create_linked_draft(&self, draft: &LinkedDraft) -> Result<()> {
        let opt = |v: &Option<String>| v.as_deref().map_or(Sql::Null, text);
        written(self.writer().write_blocking(Write::ExecuteAll(vec![
            (
                "INSERT INTO drafts (id, questionnaire_id, questionnaire_version, answers,
                                     started_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                vec![
                    text(&draft.id),
                    text(&draft.questionnaire_id),
                    Sql::Integer(i64::from(draft.questionnaire_version)),
                    text(&draft.answers),
                    text(&draft.now),
                ],
            ),
            (
                "INSERT INTO draft_links (draft_id, team_id, show_name, previous_id)
                 VALUES (?1, ?2, ?3, ?4)",
                vec![
                    text(&draft.id),
                    opt(&draft.link.team_id),
                    Sql::Integer(i64::from(draft.link.show_name)),
                    opt(&draft.link.previous_id),
                ],
            ),
        ]))?)?;
        Ok(())
    }

    /// What a draft was started for, if it was started from a team or a report.
    pub fn draft_link(&self, draft_id: &str) -> Result<Option<DraftLink>> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT team_id, show_name, previous_id FROM draft_links WHERE draft_id = ?1",
                )?
                .query_row([draft_id], |r| {
                    Ok(DraftLink {
                        team_id: r.get(0)?,
                        show_name: r.get(1)?,
                        previous_id: r.get(2)?,
                    })
                })
                .optional()?)
        })
    }

    /// The earlier response a response follows, if it was an assessment again.
    pub fn previous_response(&self, response_id: &str) -> Result<Option<String>> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT previous_id FROM response_links WHERE response_id = ?1")?
                .query_row([response_id], |r| r.get(0))
                .optional()?)
        })
    }

    /// Records the item ids of a questionnaire version (once).
    pub fn record_questionnaire_version(
        &self,
        questionnaire_id: &str,
        version: u32,
        items: &[String],
    ) -> Result<()> {
        let items = serde_json::to_string(items)
            .map_err(|e| StorageError::Corrupt(format!("item ids: {e}")))?;
        self.execute(
            "INSERT OR IGNORE INTO questionnaire_versions (questionnaire_id, version, items)
             VALUES (?1, ?2, ?3)",
            vec![
                text(questionnaire_id),
                Sql::Integer(i64::from(version)),
                text(&items),
            ],
        )?;
        Ok(())
    }

    /// The item ids of a questionnaire version, if it has run here.
    pub fn questionnaire_version_items(
        &self,
        questionnaire_id: &str,
        version: u32,
    ) -> Result<Option<Vec<String>>> {
        self.read(|conn| {
            let items: Option<String> = conn
                .prepare_cached(
                    "SELECT items FROM questionnaire_versions
                     WHERE questionnaire_id = ?1 AND version = ?2",
                )?
                .query_row(rusqlite::params![questionnaire_id, version], |r| r.get(0))
                .optional()?;
            items.map(|i| parse_json(&i, "item ids")).transpose()
        })
    }

    /// Teams, members per team and repeat assessments, for the console.
    pub fn team_figures(&self) -> Result<TeamFigures> {
        self.read(|conn| {
            let teams: i64 = conn.query_row("SELECT COUNT(*) FROM teams", [], |r| r.get(0))?;
            let mut stmt = conn.prepare(
                "SELECT COUNT(*), COUNT(DISTINCT wave) FROM team_members GROUP BY team_id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
            let mut figures = TeamFigures {
                teams: teams as usize,
                ..TeamFigures::default()
            };
            for row in rows {
                let (members, waves) = row?;
                figures.members_per_team.push(members as usize);
                if waves > 1 {
                    figures.teams_with_second_wave += 1;
                }
            }
            figures.repeat_responses =
                conn.query_row("SELECT COUNT(*) FROM response_links", [], |r| {
                    r.get::<_, i64>(0)
                })? as usize;
            figures.assessed_again = conn.query_row(
                "SELECT COUNT(DISTINCT previous_id) FROM response_links",
                [],
                |r| r.get::<_, i64>(0),
            )? as usize;
            Ok(figures)
        })
    }

    /// Team and wave of every response in a team or assessed again, by response
    /// id: (team id, wave). A team member's wave is the team's; any other
    /// response's wave is its place in its series of assessments (1 for the
    /// first).
    pub fn waves_by_response(
        &self,
    ) -> Result<std::collections::HashMap<String, (Option<String>, u32)>> {
        self.read(|conn| {
            let mut out = std::collections::HashMap::new();
            let mut stmt = conn.prepare(
                "WITH RECURSIVE series(id, wave) AS (
                     SELECT l.previous_id, 1 FROM response_links l
                     WHERE NOT EXISTS (SELECT 1 FROM response_links p
                                       WHERE p.response_id = l.previous_id)
                     UNION
                     SELECT l.response_id, s.wave + 1
                     FROM response_links l JOIN series s ON l.previous_id = s.id
                 )
                 SELECT id, MAX(wave) FROM series GROUP BY id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
            for row in rows {
                let (id, wave) = row?;
                out.insert(id, (None, wave));
            }
            let mut stmt = conn.prepare("SELECT response_id, team_id, wave FROM team_members")?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                ))
            })?;
            for row in rows {
                let (id, team, wave) = row?;
                out.insert(id, (Some(team), wave));
            }
            Ok(out)
        })
    }
}

impl Store {
    /// The first and second waves of the teams that ran a second wave: the
    /// counted members' scores of each (held responses are left out, as from
    /// every figure).
    pub fn team_wave_groups(&self) -> Result<ScoreGroups> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT m.wave, r.overall, r.value, r.number, r.win_rate, r.sales_cycle, r.personal
                 FROM team_members m JOIN responses r ON r.id = m.response_id
                 WHERE m.wave IN (1, 2) AND r.held = 0 AND m.counted_order IS NOT NULL
                   AND m.team_id IN (SELECT t.team_id FROM team_members t
                                     JOIN responses tr ON tr.id = t.response_id
                                     WHERE t.wave = 2 AND tr.held = 0)",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    PerIndex {
                        overall: r.get(1)?,
                        value: r.get(2)?,
                        number: r.get(3)?,
                        win_rate: r.get(4)?,
                        sales_cycle: r.get(5)?,
                        personal: r.get(6)?,
                    },
                ))
            })?;
            let (mut first, mut second) = (Vec::new(), Vec::new());
            for row in rows {
                let (wave, scores) = row?;
                if wave == 1 {
                    first.push(scores);
                } else {
                    second.push(scores);
                }
            }
            Ok((first, second))
        })
    }

    /// Respondents who assessed again: their first assessments and the ones
    /// that followed them.
    pub fn repeat_groups(&self) -> Result<ScoreGroups> {
        self.read(|conn| {
            let scores = |sql: &str| -> Result<Vec<PerIndex<Option<f64>>>> {
                let mut stmt = conn.prepare(sql)?;
                let rows = stmt.query_map([], |r| {
                    Ok(PerIndex {
                        overall: r.get(0)?,
                        value: r.get(1)?,
                        number: r.get(2)?,
                        win_rate: r.get(3)?,
                        sales_cycle: r.get(4)?,
                        personal: r.get(5)?,
                    })
                })?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            };
            Ok((
                scores(
                    "SELECT overall, value, number, win_rate, sales_cycle, personal FROM responses
                     WHERE id IN (SELECT previous_id FROM response_links)
                       AND id NOT IN (SELECT response_id FROM response_links)",
                )?,
                scores(
                    "SELECT r.overall, r.value, r.number, r.win_rate, r.sales_cycle, r.personal
                     FROM response_links l JOIN responses r ON r.id = l.response_id
                     WHERE l.previous_id NOT IN (SELECT response_id FROM response_links)",
                )?,
            ))
        })
    }
}
