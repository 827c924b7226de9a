//! The running study: the questionnaire, the database and the live peer index, and
//! the one path by which a response is scored, placed among its peers and stored.
//!
//! The web form, the JSON API and the demo data all submit through [`Study`], so a
//! response is stored the same way whichever door it came in by.

mod administration;
mod console;
mod error;
mod export;
pub mod operators;
pub mod outbox;
mod recent;
pub mod records;
mod respondents;
// The storage adapters live in `src/storage/`, but as a module of the study:
// nothing outside the application layer can name them.
#[path = "storage/mod.rs"]
mod storage;
mod teams;

pub use administration::Administration;
pub use console::{DeletionLogEntry, HeldResponse, IDLE_MINUTES, SESSION_HOURS};
pub use error::{StoreError, StudyError, StudyResult, Unavailable};
pub use export::{ExportKind, header_row};
pub use respondents::{PageSaved, ResponseReport, report_of};
pub use teams::rules::TeamError;
pub use teams::{EmailRequest, TeamStanding, TeamsOverview};

/// Today's date (YYYY-MM-DD, UTC), as reports and PDFs print it.
pub fn today() -> String {
    storage::today()
}

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use recent::{Choices, RecentSubmissions};

use crate::domain::Catalogue;
use crate::domain::answers::{Answer, Answers};
use crate::domain::comparison::{ChoiceTranslation, ResponseSummaries, ResponseSummary};
use crate::domain::peer::{PeerIndex, PeerRecord, PeerStanding, PerIndex};
use crate::domain::quality::{self, QualityFlag};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::{Scorecard, score};
use crate::domain::synthetic;
use records::{StoreOptions, StoredResponse, SubmitOutcome};
use storage::compact::{
    encode_answers, encode_choices, encode_peer_numbers, encode_standing_json, profile_of,
};
use storage::console::{ExportRow, choices};
use storage::responses::version_of;
use storage::writer::{Outcome, Write};
use storage::{
    LoadedResponse, NewResponse, Result, StorageError, Store, now_timestamp, timestamp_seconds_ago,
};

/// A response scored and placed, ready to store.
pub struct Prepared {
    response: NewResponse,
    scorecard: Scorecard,
    standing: PeerStanding,
    /// The standing as JSON, serialised once for storage and the API's answer.
    standing_json: Box<serde_json::value::RawValue>,
    record: PeerRecord,
    summary: ResponseSummary,
    /// The chosen option per item, for the near-duplicate check.
    chosen: Choices,
    address: Option<IpAddr>,
}

impl Prepared {
    /// When it was submitted, as stored.
    pub fn submitted_at(&self) -> &str {
        &self.response.submitted_at
    }

    /// Its scorecard, benchmarked against its peers.
    pub fn scorecard(&self) -> &Scorecard {
        &self.scorecard
    }

    /// Its standing among its peers.
    pub fn standing(&self) -> &PeerStanding {
        &self.standing
    }

    /// Its standing as JSON, serialised once for storage and the API's answer.
    pub fn standing_json(&self) -> &serde_json::value::RawValue {
        &self.standing_json
    }
}

/// Where a submission comes from.
pub struct Origin<'a> {
    /// The draft (resume id) it was filled in, if any.
    pub draft_id: Option<&'a str>,
    pub started_at: Option<&'a str>,
    /// Demo data, kept apart from real responses.
    pub synthetic: bool,
    /// The client's address, for the near-duplicate check (kept in memory for
    /// the check's window only, never stored).
    pub address: Option<IpAddr>,
}

pub struct Study {
    /// The version offered to new respondents: the catalogue's current one.
    pub questionnaire: Questionnaire,
    /// Every questionnaire version; each stored response is read with its own.
    pub catalogue: Arc<Catalogue>,
    store: Arc<Store>,
    peers: RwLock<PeerIndex>,
    /// Every response in the peer figures, summarised for the operator console (no
    /// contact details). Held responses are in neither until accepted.
    summaries: RwLock<ResponseSummaries>,
    /// Whether `peers` and `summaries` hold every stored response yet.
    loading: Mutex<Load>,
    load_done: Condvar,
    recent: Mutex<RecentSubmissions>,
}

/// Where loading the peer index stands.
enum Load {
    Running,
    Done,
    Failed(String),
}

/// How long the console and the team figures wait for the peer index at
/// start-up before they are refused (submissions do not wait: they are told at
/// once to retry).
pub const LOAD_WAIT: Duration = Duration::from_secs(10);

/// Builds the peer index and the console's summaries from the stored columns of
/// every response of the current study (no answers are parsed).
fn load(store: &Store, catalogue: &Catalogue) -> Result<(PeerIndex, ResponseSummaries)> {
    let questionnaire = catalogue.current();
    let mut peers = PeerIndex::new(
        questionnaire.peer_fallback.clone(),
        questionnaire.peer_group_minimum,
    );
    let mut summaries = ResponseSummaries::new(questionnaire.items.len());
    // The console reads every response's choices by the current version's
    // items: earlier versions' are translated once per version.
    let mut translations: BTreeMap<u32, ChoiceTranslation> = BTreeMap::new();
    store.each_response(&questionnaire.id, |row| {
        let q = version_of(catalogue, &questionnaire.id, row.questionnaire_version)?;
        if !row.held {
            let translation = translations
                .entry(row.questionnaire_version)
                .or_insert_with(|| ChoiceTranslation::between(q, questionnaire));
            let (summary, choices, record) = loaded_entry(q, translation, row);
            peers.add(&record);
            summaries.push(summary, &choices);
        }
        Ok(())
    })?;
    Ok((peers, summaries))
}

impl Study {
    /// Opens the database and builds the peer index from the stored responses,
    /// with a catalogue of this one questionnaire.
    ///
    /// # Errors
    /// When the database cannot be opened or holds unreadable rows.
    pub fn open(questionnaire: Questionnaire, db: &Path) -> StudyResult<Study> {
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
    ) -> StudyResult<Study> {
        Study::open_catalogue(Catalogue::single(questionnaire), db, options)
    }

    /// Opens the database with every questionnaire version of the catalogue:
    /// converts rows stored before the compact form, then builds the peer index
    /// and the console's summaries from the stored columns (no answers are
    /// parsed), before returning. Every version of the current study shares one
    /// peer index: a version keeps the four sub-indices and the 0-100 scale (see
    /// `questionnaires/README.md`).
    ///
    /// # Errors
    /// When the database cannot be opened, holds unreadable rows, or holds a
    /// response of a version the catalogue lacks.
    pub fn open_catalogue(
        catalogue: Catalogue,
        db: &Path,
        options: &StoreOptions,
    ) -> StudyResult<Study> {
        let study = Study::open_unloaded(catalogue, db, options)?;
        let (peers, summaries) = load(&study.store, &study.catalogue)?;
        study.loaded(Ok((peers, summaries)));
        Ok(study)
    }

    /// As [`Study::open_catalogue`], but the peer index and the console's
    /// figures load in a thread of their own, so that the server can answer at
    /// once: reports (frozen at submission) are served straight away, while a
    /// submission is refused with [`StorageError::Loading`] (the client is told
    /// to retry) and the console and team figures wait until the load is done.
    /// Every stored version is checked against the catalogue before this
    /// returns.
    ///
    /// # Errors
    /// As [`Study::open_catalogue`], except unreadable rows, which the load
    /// logs and which then keep the submissions refused.
    pub fn open_loading_in_background(
        catalogue: Catalogue,
        db: &Path,
        options: &StoreOptions,
    ) -> StudyResult<Arc<Study>> {
        let study = Arc::new(Study::open_unloaded(catalogue, db, options)?);
        let loader = Arc::clone(&study);
        std::thread::Builder::new()
            .name("peer-index-load".into())
            .spawn(move || {
                let started = Instant::now();
                let result = load(&loader.store, &loader.catalogue);
                match &result {
                    Ok((_, summaries)) => tracing::info!(
                        responses = summaries.len(),
                        millis = started.elapsed().as_millis() as u64,
                        "peer index loaded"
                    ),
                    Err(e) => tracing::error!(error = %e, "the peer index could not be loaded"),
                }
                loader.loaded(result);
            })
            .map_err(|e| StorageError::Corrupt(format!("cannot start loading: {e}")))?;
        Ok(study)
    }

    /// The database opened and its rows converted and checked, with the peer
    /// index still empty and not yet marked loaded.
    fn open_unloaded(catalogue: Catalogue, db: &Path, options: &StoreOptions) -> Result<Study> {
        let catalogue = Arc::new(catalogue);
        let questionnaire = catalogue.current().clone();
        let store = Arc::new(Store::open_with(db, options)?);
        store.use_catalogue(catalogue.clone());
        let converted = store.convert_old_rows()?;
        if converted > 0 {
            tracing::info!(converted, "stored responses converted to the compact form");
        }
        for (id, version) in store.stored_versions()? {
            version_of(&catalogue, &id, version)?;
        }
        let peers = PeerIndex::new(
            questionnaire.peer_fallback.clone(),
            questionnaire.peer_group_minimum,
        );
        Ok(Study {
            summaries: RwLock::new(ResponseSummaries::new(questionnaire.items.len())),
            questionnaire,
            catalogue,
            store,
            peers: RwLock::new(peers),
            loading: Mutex::new(Load::Running),
            load_done: Condvar::new(),
            recent: Mutex::new(RecentSubmissions::default()),
        })
    }

    /// Puts the loaded figures in place and wakes whoever waits for them.
    fn loaded(&self, result: Result<(PeerIndex, ResponseSummaries)>) {
        let state = match result {
            Ok((peers, summaries)) => {
                match self.peers.write() {
                    Ok(mut p) => *p = peers,
                    Err(poisoned) => *poisoned.into_inner() = peers,
                }
                match self.summaries.write() {
                    Ok(mut s) => *s = summaries,
                    Err(poisoned) => *poisoned.into_inner() = summaries,
                }
                Load::Done
            }
            Err(e) => Load::Failed(e.to_string()),
        };
        match self.loading.lock() {
            Ok(mut l) => *l = state,
            Err(poisoned) => *poisoned.into_inner() = state,
        }
        self.load_done.notify_all();
    }

    /// The administration of this study's database (operators, API keys).
    pub fn administration(&self) -> Administration {
        Administration::of(Arc::clone(&self.store))
    }

    /// Waits up to `wait` for the peer index to be loaded.
    ///
    /// # Errors
    /// `Loading` when it is still loading after `wait`; `Corrupt` when the load
    /// failed.
    pub fn wait_loaded(&self, wait: Duration) -> StudyResult<()> {
        Ok(self.loaded_within(wait)?)
    }

    /// As [`Study::wait_loaded`], for the study's own storage-level operations.
    fn loaded_within(&self, wait: Duration) -> Result<()> {
        let guard = match self.loading.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        let (guard, _) = match self
            .load_done
            .wait_timeout_while(guard, wait, |l| matches!(l, Load::Running))
        {
            Ok(r) => r,
            Err(poisoned) => poisoned.into_inner(),
        };
        match &*guard {
            Load::Done => Ok(()),
            Load::Running => Err(StorageError::Loading),
            Load::Failed(e) => Err(StorageError::Corrupt(format!(
                "the peer index could not be loaded: {e}"
            ))),
        }
    }

    /// The questionnaire version a stored response was answered with (the
    /// current one if the catalogue lacks it, which start-up rules out for the
    /// study's own responses).
    pub fn questionnaire_of(&self, stored: &StoredResponse) -> &Questionnaire {
        self.catalogue
            .get(&stored.questionnaire_id, stored.questionnaire_version)
            .unwrap_or(&self.questionnaire)
    }

    /// A stored response as the peer index and the console see it: its summary,
    /// its choices by the current version's items, and its peer record. Every
    /// path that adds or removes a response from the peer figures builds its
    /// record from the same stored columns (scores, numbers, choices), so that
    /// removal finds exactly what was added.
    fn peer_entry(
        &self,
        questionnaire_id: &str,
        row: &ExportRow,
    ) -> (ResponseSummary, Vec<u8>, PeerRecord) {
        let q = self
            .catalogue
            .get(questionnaire_id, row.questionnaire_version)
            .unwrap_or(&self.questionnaire);
        let choices = ChoiceTranslation::between(q, &self.questionnaire).apply(&row.choices);
        let record = PeerRecord {
            profile: row.profile.clone(),
            scores: row.scores,
            numbers: row.peer_numbers,
        };
        let summary = summary_of(
            &row.id,
            &row.submitted_at,
            row.questionnaire_version,
            row.synthetic,
            &row.scores,
        );
        (summary, choices, record)
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
    pub fn prepare(&self, answers: &Answers, origin: &Origin<'_>) -> StudyResult<Prepared> {
        // Placed among all its peers or not at all: while they load, the client
        // is told to come back (this runs on the executor, so it does not wait).
        self.loaded_within(Duration::ZERO)?;
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
        let standing_json = serde_json::value::to_raw_value(&standing)
            .map_err(|e| StorageError::Corrupt(format!("cannot serialise the standing: {e}")))?;
        let record = PeerRecord::new(profile.clone(), &scorecard);
        let chosen = choices(q, answers);
        let flags = if origin.synthetic {
            Vec::new()
        } else {
            let seconds = origin.started_at.and_then(|s| seconds_between(s, &now));
            let rules = &q.quality;
            let recent = match (origin.address, self.recent.lock()) {
                (Some(address), Ok(mut recent)) => recent.recent(
                    address,
                    Duration::from_secs_f64(rules.near_duplicate_hours * 3600.0),
                ),
                _ => Vec::new(),
            };
            quality::flags(q, answers, &chosen, seconds, &recent, rules)
        };
        let response = NewResponse {
            id: uuid::Uuid::new_v4().to_string(),
            draft_id: origin.draft_id.map(str::to_string),
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version,
            started_at: origin.started_at.map(str::to_string),
            submitted_at: now,
            synthetic: origin.synthetic,
            answers: encode_answers(q, &answers.without_contact(q)),
            choices: encode_choices(q, answers),
            peer_numbers: encode_peer_numbers(q, answers),
            contact: if contact.is_empty() {
                None
            } else {
                Some(to_json(&contact)?)
            },
            standing: encode_standing_json(standing_json.get().as_bytes()),
            scores: record.scores,
            flags: QualityFlag::join(&flags),
            held: !flags.is_empty(),
        };
        let summary = summary_of(
            &response.id,
            &response.submitted_at,
            q.version,
            origin.synthetic,
            &record.scores,
        );
        Ok(Prepared {
            response,
            scorecard,
            standing,
            standing_json,
            record,
            summary,
            chosen,
            address: origin.address,
        })
    }

    /// Stores a prepared response and, once it is durable, adds it to the peer
    /// index. A draft submitted twice keeps its first report.
    ///
    /// # Errors
    /// When the write fails; nothing is stored then.
    pub async fn submit(&self, prepared: &Prepared) -> StudyResult<SubmitOutcome> {
        let outcome = self
            .store
            .writer()
            .write(Write::Submit(Box::new(prepared.response.clone())))
            .await?;
        Ok(self.after_submit(outcome, prepared)?)
    }

    /// As [`Study::submit`], blocking: for the command line.
    ///
    /// # Errors
    /// As [`Study::submit`].
    pub fn submit_all_blocking(&self, prepared: &[Prepared]) -> StudyResult<Vec<SubmitOutcome>> {
        let writes = prepared
            .iter()
            .map(|p| Write::Submit(Box::new(p.response.clone())))
            .collect();
        let outcomes = self.store.writer().write_all_blocking(writes)?;
        Ok(outcomes
            .into_iter()
            .zip(prepared)
            .map(|(o, p)| self.after_submit(o, p))
            .collect::<Result<_>>()?)
    }

    /// Adds `count` synthetic respondents (demo data), submitted over the last
    /// sixty days; returns how many were stored.
    ///
    /// # Errors
    /// When storing fails; the respondents stored before stay.
    pub fn add_synthetic(&self, count: usize, seed: u64) -> StudyResult<usize> {
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
                        address: None,
                    },
                )?;
                let ago = rng.f64() * 60.0 * 86_400.0;
                prepared.response.submitted_at = timestamp_seconds_ago(ago);
                prepared.summary.submitted_on =
                    ResponseSummary::day_of(&prepared.response.submitted_at);
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
            if let (Some(address), Ok(mut recent)) = (prepared.address, self.recent.lock()) {
                let window = self.questionnaire.quality.near_duplicate_hours * 3600.0;
                recent.remember(
                    address,
                    prepared.chosen.clone(),
                    Duration::from_secs_f64(window),
                );
            }
            if prepared.response.held {
                tracing::info!(flags = %prepared.response.flags, "response held for review");
                return Ok(outcome);
            }
            let mut peers = self
                .peers
                .write()
                .map_err(|_| StorageError::Corrupt("peer index lock poisoned".into()))?;
            peers.add(&prepared.record);
            drop(peers);
            if let Ok(mut summaries) = self.summaries.write() {
                summaries.push(prepared.summary, &prepared.response.choices);
            }
        }
        Ok(outcome)
    }

    /// Runs `f` with the live peer index: for figures placed among the peers
    /// that are not one response's (a team's means).
    pub fn with_peers<T>(&self, f: impl FnOnce(&PeerIndex) -> T) -> T {
        // Only in the first seconds after start: the figures are not shown
        // half-loaded (after LOAD_WAIT they are shown as far as loaded).
        let _ = self.wait_loaded(LOAD_WAIT);
        match self.peers.read() {
            Ok(p) => f(&p),
            Err(poisoned) => f(&poisoned.into_inner()),
        }
    }

    /// Runs `f` over the console's summaries of every response.
    pub fn with_summaries<T>(&self, f: impl FnOnce(&ResponseSummaries) -> T) -> T {
        let _ = self.wait_loaded(LOAD_WAIT);
        match self.summaries.read() {
            Ok(s) => f(&s),
            Err(poisoned) => f(&poisoned.into_inner()),
        }
    }

    /// Deletes a response everywhere: database (with its questionnaire, leaving
    /// nothing in any file), peer statistics and the console's figures; logs the
    /// deletion under the response's pseudonym. Returns whether it existed.
    /// Blocking.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    fn delete(&self, id: &str, operator: &str) -> Result<bool> {
        self.loaded_within(LOAD_WAIT)?;
        let Some((questionnaire_id, row)) = self.store.response_row(id)? else {
            return Ok(false);
        };
        if !self.store.erase_response(id, operator, &now_timestamp())? {
            return Ok(false);
        }
        if questionnaire_id == self.questionnaire.id && !row.held {
            // The record is rebuilt from the same stored columns the peer index was
            // built from, so its scores are the very same numbers.
            let (_, _, record) = self.peer_entry(&questionnaire_id, &row);
            self.peers
                .write()
                .map_err(|_| StorageError::Corrupt("peer index lock poisoned".into()))?
                .remove(&record);
        }
        if let Ok(mut summaries) = self.summaries.write() {
            summaries.remove(id_bits(id));
        }
        Ok(true)
    }

    /// Deletes an unfinished questionnaire (by its resume id) and logs it.
    /// Blocking.
    ///
    /// # Errors
    /// When the database cannot be written.
    fn delete_draft(&self, id: &str, operator: &str) -> Result<bool> {
        self.store.erase_draft(id, operator, &now_timestamp())
    }

    /// Accepts a response held by a data-quality flag into the peer figures.
    /// Returns whether it was held. Blocking.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    fn accept(&self, id: &str) -> Result<bool> {
        self.loaded_within(LOAD_WAIT)?;
        let Some((questionnaire_id, row)) = self.store.response_row(id)? else {
            return Ok(false);
        };
        if !self.store.accept_response(id)? {
            return Ok(false);
        }
        if questionnaire_id == self.questionnaire.id {
            let (summary, choices, record) = self.peer_entry(&questionnaire_id, &row);
            self.peers
                .write()
                .map_err(|_| StorageError::Corrupt("peer index lock poisoned".into()))?
                .add(&record);
            if let Ok(mut summaries) = self.summaries.write() {
                summaries.push(summary, &choices);
            }
        }
        Ok(true)
    }

    /// Deletes questionnaires left unfinished for longer than `days`; returns how
    /// many. Blocking.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn expire_drafts(&self, days: f64) -> StudyResult<usize> {
        Ok(self
            .store
            .expire_drafts(&timestamp_seconds_ago(days * 86_400.0))?)
    }
}

/// A response loaded at start-up as the peer index and the console see it (see
/// [`Study::peer_entry`]), from its columns alone.
fn loaded_entry(
    q: &Questionnaire,
    translation: &ChoiceTranslation,
    row: LoadedResponse,
) -> (ResponseSummary, Vec<u8>, PeerRecord) {
    let record = PeerRecord {
        profile: profile_of(q, &row.choices),
        scores: row.scores,
        numbers: row.peer_numbers,
    };
    let summary = summary_of(
        &row.id,
        &row.submitted_at,
        row.questionnaire_version,
        row.synthetic,
        &row.scores,
    );
    (summary, translation.apply(&row.choices), record)
}

/// A response as the console's summaries hold it: the one place they are built,
/// whether the response was just submitted, loaded at start-up, or accepted.
fn summary_of(
    id: &str,
    submitted_at: &str,
    questionnaire_version: u32,
    synthetic: bool,
    scores: &PerIndex<Option<f64>>,
) -> ResponseSummary {
    ResponseSummary {
        id: id_bits(id),
        submitted_on: ResponseSummary::day_of(submitted_at),
        questionnaire_version,
        synthetic,
        scores: ResponseSummary::scores_of(scores),
    }
}

/// A report id's 128 bits, as the console keeps it (ids are UUIDs; anything
/// else, which the program never writes, counts as zero).
fn id_bits(id: &str) -> u128 {
    uuid::Uuid::parse_str(id).map_or(0, |u| u.as_u128())
}

/// Seconds from one stored timestamp to another, if both parse.
fn seconds_between(from: &str, to: &str) -> Option<f64> {
    let parse = |s: &str| {
        time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()
    };
    Some((parse(to)? - parse(from)?).as_seconds_f64())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|e| StorageError::Corrupt(format!("cannot serialise: {e}")))
}
