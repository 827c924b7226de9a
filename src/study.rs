//! The running study: the questionnaire, the database and the live peer index, and
//! the one path by which a response is scored, placed among its peers and stored.
//!
//! The web form, the JSON API and the demo data all submit through [`Study`], so a
//! response is stored the same way whichever door it came in by.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::RwLock;

use crate::domain::answers::{Answer, Answers};
use crate::domain::comparison::ResponseSummary;
use crate::domain::peer::{PeerIndex, PeerRecord, PeerStanding};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::{Scorecard, score};
use crate::domain::synthetic;
use crate::domain::velocity::CompanyNumbers;
use crate::storage::console::{choices, summary_of};
use crate::storage::writer::{Outcome, Write};
use crate::storage::{
    NewResponse, Result, StorageError, Store, StoreOptions, SubmitOutcome, now_timestamp,
    timestamp_seconds_ago,
};

/// A response scored and placed, ready to store.
pub struct Prepared {
    pub response: NewResponse,
    pub scorecard: Scorecard,
    pub standing: PeerStanding,
    record: PeerRecord,
    summary: ResponseSummary,
}

/// Where a submission comes from.
pub struct Origin<'a> {
    /// The draft (resume id) it was filled in, if any.
    pub draft_id: Option<&'a str>,
    pub started_at: Option<&'a str>,
    /// Demo data, kept apart from real responses.
    pub synthetic: bool,
}

pub struct Study {
    pub questionnaire: Questionnaire,
    pub store: Store,
    peers: RwLock<PeerIndex>,
    /// Every response, summarised for the operator console (no contact details).
    summaries: RwLock<Vec<ResponseSummary>>,
}

impl Study {
    /// Opens the database and builds the peer index from the stored responses.
    ///
    /// # Errors
    /// When the database cannot be opened or holds unreadable rows.
    pub fn open(questionnaire: Questionnaire, db: &Path) -> Result<Study> {
        Study::open_with(questionnaire, db, &StoreOptions::default())
    }

    /// As [`Study::open`], with options for the database.
    ///
    /// # Errors
    /// As [`Study::open`].
    pub fn open_with(
        questionnaire: Questionnaire,
        db: &Path,
        options: &StoreOptions,
    ) -> Result<Study> {
        let store = Store::open_with(db, options)?;
        let mut peers = PeerIndex::new(
            questionnaire.peer_fallback.clone(),
            questionnaire.peer_group_minimum,
        );
        // One pass over the stored responses builds both the peer index and the
        // console's summaries, from the score columns and the answers.
        let mut summaries = Vec::new();
        let mut after = 0;
        loop {
            let rows = store.export_rows(&questionnaire.id, after, 5_000, true)?;
            let Some(last) = rows.last() else { break };
            after = last.rowid;
            for row in &rows {
                let (summary, answers) = summary_of(&questionnaire, row);
                let numbers = CompanyNumbers::from_answers(&questionnaire, &answers);
                peers.add(&PeerRecord::from_parts(
                    row.profile.clone(),
                    row.scores,
                    &numbers,
                ));
                summaries.push(summary);
            }
        }
        Ok(Study {
            questionnaire,
            store,
            peers: RwLock::new(peers),
            summaries: RwLock::new(summaries),
        })
    }

    /// The respondent's peer-group dimensions (dimension -> option id).
    pub fn profile(&self, answers: &Answers) -> BTreeMap<String, String> {
        let q = &self.questionnaire;
        q.dimensions()
            .filter_map(|(dim, item)| {
                let pos = q.item_position(&item.id)?;
                match answers.get(pos)? {
                    Answer::Option(i) => Some((dim.to_string(), item.options[*i].id.clone())),
                    _ => None,
                }
            })
            .collect()
    }

    /// Contact details given with the answers (item id -> text).
    fn contact(&self, answers: &Answers) -> BTreeMap<String, String> {
        let q = &self.questionnaire;
        q.items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.contact)
            .filter_map(|(pos, item)| match answers.get(pos)? {
                Answer::Text(t) => Some((item.id.clone(), t.clone())),
                _ => None,
            })
            .collect()
    }

    /// Scores checked answers and computes their standing among the peers now.
    ///
    /// # Errors
    /// Only if the scorecard cannot be serialised, which would be a bug.
    pub fn prepare(&self, answers: &Answers, origin: &Origin<'_>) -> Result<Prepared> {
        let q = &self.questionnaire;
        let now = now_timestamp();
        let profile = self.profile(answers);
        let mut scorecard = score(q, answers);
        let standing = {
            let peers = self
                .peers
                .read()
                .map_err(|_| StorageError::Corrupt("peer index lock poisoned".into()))?;
            peers.standing(&profile, &scorecard, &now[..10])
        };
        scorecard.benchmark_against(q, &standing.tops);
        let contact = self.contact(answers);
        let record = PeerRecord::new(profile.clone(), &scorecard);
        let response = NewResponse {
            id: uuid::Uuid::new_v4().to_string(),
            draft_id: origin.draft_id.map(str::to_string),
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version,
            started_at: origin.started_at.map(str::to_string),
            submitted_at: now,
            synthetic: origin.synthetic,
            profile: to_json(&profile)?,
            answers: answers.without_contact(q).to_json(q).to_string(),
            contact: if contact.is_empty() {
                None
            } else {
                Some(to_json(&contact)?)
            },
            scorecard: to_json(&scorecard)?,
            standing: to_json(&standing)?,
            scores: record.scores,
        };
        let summary = ResponseSummary {
            id: response.id.clone(),
            submitted_on: response.submitted_at.chars().take(10).collect(),
            questionnaire_version: q.version,
            synthetic: origin.synthetic,
            profile: record.profile.clone(),
            scores: record.scores,
            choices: choices(q, answers),
        };
        Ok(Prepared {
            response,
            scorecard,
            standing,
            record,
            summary,
        })
    }

    /// Stores a prepared response and, once it is durable, adds it to the peer
    /// index. A draft submitted twice keeps its first report.
    ///
    /// # Errors
    /// When the write fails; nothing is stored then.
    pub async fn submit(&self, prepared: &Prepared) -> Result<SubmitOutcome> {
        let outcome = self
            .store
            .writer()
            .write(Write::Submit(Box::new(prepared.response.clone())))
            .await?;
        self.after_submit(outcome, prepared)
    }

    /// As [`Study::submit`], blocking: for the command line.
    ///
    /// # Errors
    /// As [`Study::submit`].
    pub fn submit_all_blocking(&self, prepared: &[Prepared]) -> Result<Vec<SubmitOutcome>> {
        let writes = prepared
            .iter()
            .map(|p| Write::Submit(Box::new(p.response.clone())))
            .collect();
        let outcomes = self.store.writer().write_all_blocking(writes)?;
        outcomes
            .into_iter()
            .zip(prepared)
            .map(|(o, p)| self.after_submit(o, p))
            .collect()
    }

    /// Adds `count` synthetic respondents (demo data), submitted over the last
    /// sixty days; returns how many were stored.
    ///
    /// # Errors
    /// When storing fails; the respondents stored before stay.
    pub fn add_synthetic(&self, count: usize, seed: u64) -> Result<usize> {
        const CHUNK: usize = 500;
        let mut stored = 0;
        let mut rng = fastrand::Rng::with_seed(seed);
        while stored < count {
            let n = CHUNK.min(count - stored);
            let mut chunk = Vec::with_capacity(n);
            for i in 0..n {
                let answers = synthetic::respondent(
                    &self.questionnaire,
                    seed.wrapping_add((stored + i) as u64),
                );
                let mut prepared = self.prepare(
                    &answers,
                    &Origin {
                        draft_id: None,
                        started_at: None,
                        synthetic: true,
                    },
                )?;
                let ago = rng.f64() * 60.0 * 86_400.0;
                prepared.response.submitted_at = timestamp_seconds_ago(ago);
                prepared.summary.submitted_on = prepared.response.submitted_at[..10].to_string();
                prepared.response.started_at =
                    Some(timestamp_seconds_ago(ago + 300.0 + rng.f64() * 1_500.0));
                chunk.push(prepared);
            }
            stored += self.submit_all_blocking(&chunk)?.len();
        }
        Ok(stored)
    }

    fn after_submit(&self, outcome: Outcome, prepared: &Prepared) -> Result<SubmitOutcome> {
        let Outcome::Submitted(outcome) = outcome else {
            return Err(StorageError::Corrupt("unexpected write outcome".into()));
        };
        if let SubmitOutcome::Created(_) = outcome {
            let mut peers = self
                .peers
                .write()
                .map_err(|_| StorageError::Corrupt("peer index lock poisoned".into()))?;
            peers.add(&prepared.record);
            drop(peers);
            if let Ok(mut summaries) = self.summaries.write() {
                summaries.push(prepared.summary.clone());
            }
        }
        Ok(outcome)
    }

    /// Runs `f` over the console's summaries of every response.
    pub fn with_summaries<T>(&self, f: impl FnOnce(&[ResponseSummary]) -> T) -> T {
        match self.summaries.read() {
            Ok(s) => f(&s),
            Err(poisoned) => f(&poisoned.into_inner()),
        }
    }

    /// Deletes a response everywhere: database, peer statistics and the console's
    /// figures. Returns whether it existed. Blocking.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub fn delete(&self, id: &str) -> Result<bool> {
        let Some(stored) = self.store.response(id)? else {
            return Ok(false);
        };
        if !self.store.delete_response(id)? {
            return Ok(false);
        }
        if stored.questionnaire_id == self.questionnaire.id {
            let record = PeerRecord::new(stored.profile, &stored.scorecard);
            if let Ok(mut peers) = self.peers.write() {
                peers.remove(&record);
            }
        }
        if let Ok(mut summaries) = self.summaries.write() {
            summaries.retain(|s| s.id != id);
        }
        Ok(true)
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|e| StorageError::Corrupt(format!("cannot serialise: {e}")))
}
