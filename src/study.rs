//! The running study: the questionnaire, the database and the live peer index, and
//! the one path by which a response is scored, placed among its peers and stored.
//!
//! The web form, the JSON API and the demo data all submit through [`Study`], so a
//! response is stored the same way whichever door it came in by.

mod administration;
mod console;
mod error;
mod export;
mod follow;
pub mod operators;
pub mod outbox;
mod port;
pub mod questionnaires;
pub mod rate_limit;
mod recent;
pub mod records;
mod respondents;
// The storage adapters live in `src/storage/`, but as a module of the study:
// nothing outside the application layer can name them.
#[path = "storage/mod.rs"]
mod storage;
mod teams;
pub mod throttle;

pub use administration::Administration;
pub use console::{IDLE_MINUTES, SESSION_HOURS};
pub use error::{StoreError, StudyError, StudyResult, Unavailable};
pub use export::{ExportKind, header_row};
pub use port::{DeletionLogEntry, HeldResponse};
pub use respondents::{PageSaved, ResponseReport, report_of};
pub use teams::rules::{TeamError, rules as team_rules};
pub use teams::{EmailRequest, TeamStanding, TeamsOverview};

/// Today's date (YYYY-MM-DD, UTC), as reports and PDFs print it.
pub fn today() -> String {
    storage::today()
}

use crate::domain::language::Language;
use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use recent::{CappedAddresses, RecentSubmissions};

use crate::domain::Catalogue;
use crate::domain::answers::{Answer, Answers};
use crate::domain::comparison::profile_of_choices;
use crate::domain::comparison::{
    ChoiceTranslation, ResponseSummaries, ResponseSummary, choices_of,
};
use crate::domain::peer::{PeerIndex, PeerRecord, PeerStanding, PerIndex};
use crate::domain::quality::{self, QualityFlag, SameAddress};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::report::{Report, ReportInput};
use crate::domain::scoring::{Scorecard, score};
use crate::domain::synthetic;
use port::{ExportRow, LoadedResponse, NewResponse, PeerCursor, ResponseStream, StudyStore};
use records::{Database, StoreOptions, StoredResponse, SubmitOutcome};
use storage::{now_timestamp, timestamp_seconds_ago};

/// A response scored and placed, ready to store.
pub struct Prepared {
    response: NewResponse,
    scorecard: Scorecard,
    standing: PeerStanding,
    record: PeerRecord,
    summary: ResponseSummary,
    /// The client's address, for the near-duplicate check's memory.
    address: Option<IpAddr>,
}

impl Prepared {
    /// The report id it will be stored under.
    pub fn id(&self) -> &str {
        &self.response.id
    }

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
        &self.response.standing
    }

    /// The report model of the prepared response: what its page will say.
    pub fn report(&self, q: &Questionnaire, answers: &Answers) -> Report {
        Report::build(&ReportInput {
            questionnaire: q,
            answers,
            scorecard: &self.scorecard,
            standing: &self.standing,
            submitted_on: self
                .response
                .submitted_at
                .get(..10)
                .unwrap_or(&self.response.submitted_at),
        })
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
    /// The language it was answered in.
    pub language: Language,
}

pub struct Study {
    /// The version offered to new respondents: the catalogue's current one.
    pub questionnaire: Questionnaire,
    /// Every questionnaire version; each stored response is read with its own.
    pub catalogue: Arc<Catalogue>,
    store: Arc<dyn StudyStore>,
    /// The live peer figures, shared with the follower of other servers'
    /// changes (see [`follow`]).
    figures: Arc<Figures>,
    /// Whether the figures hold every stored response yet.
    loading: tokio::sync::watch::Sender<Load>,
    recent: Mutex<RecentSubmissions>,
    /// Addresses the database found at their cap (see [`recent::CappedAddresses`]).
    capped: Mutex<CappedAddresses>,
    /// Stops the follower when the study goes (dropped with it).
    _follower: Mutex<Option<tokio::sync::oneshot::Sender<()>>>,
    /// Operator password checks, in bounded memory.
    password_checks: operators::PasswordChecks,
}

/// The peer figures: the index every standing is computed against, and the
/// console's summaries of the same responses.
struct Figures {
    peers: RwLock<PeerIndex>,
    /// Every response in the peer figures, summarised for the operator console
    /// (no contact details). Held responses are in neither until accepted.
    summaries: RwLock<ResponseSummaries>,
    /// On a database several servers share: this server's own changes to the
    /// figures (by report id), made here at once and skipped when they come
    /// back through the changes all servers follow.
    own: Mutex<std::collections::HashSet<u128>>,
}

/// Where loading the peer index stands.
#[derive(Debug, Clone)]
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
/// every response of the current study (no answers are parsed), as they
/// arrive from the store. Blocking: run it on a thread of its own or the
/// blocking pool.
fn build_figures(
    mut rows: ResponseStream,
    catalogue: &Catalogue,
) -> StudyResult<(PeerIndex, ResponseSummaries)> {
    let questionnaire = catalogue.current();
    let mut peers = PeerIndex::new(
        questionnaire.peer_fallback.clone(),
        questionnaire.peer_group_minimum,
    );
    let mut summaries = ResponseSummaries::new(questionnaire.items.len());
    // The console reads every response's choices by the current version's
    // items: earlier versions' are translated once per version.
    let mut translations: BTreeMap<u32, ChoiceTranslation> = BTreeMap::new();
    while let Some(piece) = rows.blocking_recv() {
        for row in piece? {
            let q = version_of(catalogue, &questionnaire.id, row.questionnaire_version)?;
            if !row.held {
                let translation = translations
                    .entry(row.questionnaire_version)
                    .or_insert_with(|| ChoiceTranslation::between(q, questionnaire));
                let (summary, choices, record) = loaded_entry(q, translation, row);
                peers.add(&record);
                summaries.push(summary, &choices);
            }
        }
    }
    Ok((peers, summaries))
}

/// The questionnaire version a response was answered with.
///
/// # Errors
/// `NotFound` naming the version when the catalogue does not have it.
fn version_of<'c>(
    catalogue: &'c Catalogue,
    id: &str,
    version: u32,
) -> StudyResult<&'c Questionnaire> {
    catalogue
        .get(id, version)
        .ok_or(StudyError::MissingVersion {
            id: id.to_string(),
            version,
        })
}

/// Reads stored answers (keyed by item id) leniently against `q` and logs what
/// no longer fits: the one policy for answers kept from before.
pub(crate) fn read_stored_answers(
    q: &Questionnaire,
    json: &serde_json::Value,
    whose: &str,
) -> Answers {
    let (answers, dropped) = Answers::read_stored(q, json);
    for problem in &dropped {
        tracing::warn!(
            response = whose,
            questionnaire = %q.id,
            version = q.version,
            item = problem.item.as_deref().unwrap_or(""),
            reason = %problem.message,
            "a stored answer no longer fits its questionnaire and was left out"
        );
    }
    answers
}

/// Runs `job` on a thread of its own with a small runtime, for work that
/// outlives any request: the email outbox, the expiry of drafts.
pub(crate) fn run_in_background<F>(name: &str, job: impl FnOnce() -> F + Send + 'static)
where
    F: std::future::Future<Output = ()>,
{
    let spawned = std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime.block_on(job()),
                Err(e) => tracing::error!(error = %e, "cannot start a background job's runtime"),
            }
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, job = name, "cannot start a background job");
    }
}

impl Study {
    /// Opens the database and builds the peer index from the stored responses,
    /// with a catalogue of this one questionnaire.
    ///
    /// # Errors
    /// When the database cannot be opened or holds unreadable rows.
    pub async fn open(questionnaire: Questionnaire, db: impl Into<Database>) -> StudyResult<Study> {
        Study::open_with(questionnaire, db, &StoreOptions::default()).await
    }

    /// As [`Study::open`], with options for the database.
    ///
    /// # Errors
    /// As [`Study::open`].
    pub async fn open_with(
        questionnaire: Questionnaire,
        db: impl Into<Database>,
        options: &StoreOptions,
    ) -> StudyResult<Study> {
        Study::open_catalogue(Catalogue::single(questionnaire), db, options).await
    }

    /// Opens the database with every questionnaire version of the catalogue:
    /// converts rows stored in an earlier form, then builds the peer index
    /// and the console's summaries from the stored columns (no answers are
    /// parsed), before returning. Every version of the current study shares one
    /// peer index: a version keeps the four sub-indices and the 0-100 scale (see
    /// `questionnaires/README.md`).
    ///
    /// # Errors
    /// When the database cannot be opened, holds unreadable rows, or holds a
    /// response of a version the catalogue lacks.
    pub async fn open_catalogue(
        catalogue: Catalogue,
        db: impl Into<Database>,
        options: &StoreOptions,
    ) -> StudyResult<Study> {
        let study = Study::open_unloaded(catalogue, &db.into(), options).await?;
        let loading = study.store.load(&study.questionnaire.id);
        let catalogue = Arc::clone(&study.catalogue);
        let rows = loading.rows;
        let figures = tokio::task::spawn_blocking(move || build_figures(rows, &catalogue))
            .await
            .map_err(StudyError::Background)?;
        study.loaded(figures, loading.changes_from.await.ok().flatten());
        study.wait_loaded(Duration::ZERO).await?;
        Ok(study)
    }

    /// As [`Study::open_catalogue`], but the peer index and the console's
    /// figures load in a thread of their own, so that the server can answer at
    /// once: reports (frozen at submission) are served straight away, while a
    /// submission is refused as still loading (the client is told to retry)
    /// and the console and team figures wait until the load is done. Every
    /// stored version is checked against the catalogue before this returns.
    ///
    /// # Errors
    /// As [`Study::open_catalogue`], except unreadable rows, which the load
    /// logs and which then keep the submissions refused.
    pub async fn open_loading_in_background(
        catalogue: Catalogue,
        db: impl Into<Database>,
        options: &StoreOptions,
    ) -> StudyResult<Arc<Study>> {
        let study = Arc::new(Study::open_unloaded(catalogue, &db.into(), options).await?);
        let loader = Arc::clone(&study);
        let loading = study.store.load(&study.questionnaire.id);
        std::thread::Builder::new()
            .name("peer-index-load".into())
            .spawn(move || {
                let started = Instant::now();
                let result = build_figures(loading.rows, &loader.catalogue);
                match &result {
                    Ok((_, summaries)) => tracing::info!(
                        responses = summaries.len(),
                        millis = started.elapsed().as_millis() as u64,
                        "peer index loaded"
                    ),
                    Err(e) => tracing::error!(error = %e, "the peer index could not be loaded"),
                }
                loader.loaded(result, loading.changes_from.blocking_recv().ok().flatten());
            })
            .map_err(|e| StoreError::new(format!("cannot start loading: {e}"), None))?;
        Ok(study)
    }

    /// The database opened and its rows converted and checked, and the running
    /// questionnaire version recorded, with the peer index still empty and not
    /// yet marked loaded.
    async fn open_unloaded(
        catalogue: Catalogue,
        db: &Database,
        options: &StoreOptions,
    ) -> StudyResult<Study> {
        let catalogue = Arc::new(catalogue);
        let questionnaire = catalogue.current().clone();
        let store = storage::open(db, options, Some(Arc::clone(&catalogue))).await?;
        for (id, version) in store.stored_versions().await? {
            version_of(&catalogue, &id, version)?;
        }
        let items: Vec<String> = questionnaire.items.iter().map(|i| i.id.clone()).collect();
        store
            .record_questionnaire_version(&questionnaire.id, questionnaire.version, &items)
            .await?;
        let peers = PeerIndex::new(
            questionnaire.peer_fallback.clone(),
            questionnaire.peer_group_minimum,
        );
        Ok(Study {
            figures: Arc::new(Figures {
                summaries: RwLock::new(ResponseSummaries::new(questionnaire.items.len())),
                peers: RwLock::new(peers),
                own: Mutex::new(std::collections::HashSet::new()),
            }),
            questionnaire,
            catalogue,
            store,
            loading: tokio::sync::watch::Sender::new(Load::Running),
            recent: Mutex::new(RecentSubmissions::default()),
            capped: Mutex::new(CappedAddresses::default()),
            _follower: Mutex::new(None),
            password_checks: operators::PasswordChecks::default(),
        })
    }

    /// Puts the loaded figures in place, starts following the other servers'
    /// changes from where the load left off (on a shared database), and wakes
    /// whoever waits for the figures.
    fn loaded(
        &self,
        result: StudyResult<(PeerIndex, ResponseSummaries)>,
        changes_from: Option<PeerCursor>,
    ) {
        let state = match result {
            Ok((peers, summaries)) => {
                match self.figures.peers.write() {
                    Ok(mut p) => *p = peers,
                    Err(poisoned) => *poisoned.into_inner() = peers,
                }
                match self.figures.summaries.write() {
                    Ok(mut s) => *s = summaries,
                    Err(poisoned) => *poisoned.into_inner() = summaries,
                }
                if let Some(cursor) = changes_from {
                    let stop = follow::start(
                        Arc::clone(&self.store),
                        Arc::clone(&self.figures),
                        Arc::clone(&self.catalogue),
                        cursor,
                    );
                    if let Ok(mut slot) = self._follower.lock() {
                        *slot = Some(stop);
                    }
                }
                Load::Done
            }
            Err(e) => Load::Failed(e.to_string()),
        };
        self.loading.send_replace(state);
    }

    /// The administration of this study's database (operators, API keys).
    pub fn administration(&self) -> Administration {
        Administration::of(Arc::clone(&self.store))
    }

    /// Waits up to `wait` for the peer index to be loaded.
    ///
    /// # Errors
    /// Unavailable (still loading) after `wait`; a storage error when the load
    /// failed.
    pub async fn wait_loaded(&self, wait: Duration) -> StudyResult<()> {
        let mut state = self.loading.subscribe();
        let settled = state.wait_for(|l| !matches!(l, Load::Running));
        let _ = tokio::time::timeout(wait, settled).await;
        self.load_state()
    }

    /// Whether the peer index is still loading after waiting up to `wait` (a
    /// failed load is not loading).
    pub async fn still_loading(&self, wait: Duration) -> bool {
        let _ = self.wait_loaded(wait).await;
        matches!(&*self.loading.borrow(), Load::Running)
    }

    /// Checks the stored data as far as the database allows (the whole SQLite
    /// file; PostgreSQL checks its own pages). A damaged file is logged, and
    /// every write is refused from then on. Returns whether it is sound (false
    /// also when the check did not finish).
    ///
    /// # Errors
    /// When the check cannot run.
    pub async fn check_database_file(&self) -> StudyResult<bool> {
        Ok(self.store.check_stored_data().await?)
    }

    /// Why no write is taken now, if the stored data was found damaged.
    pub fn writes_refused(&self) -> Option<StudyError> {
        self.store.damaged().map(StudyError::from)
    }

    /// Whether the peer index is loaded now.
    fn load_state(&self) -> StudyResult<()> {
        match &*self.loading.borrow() {
            Load::Done => Ok(()),
            Load::Running => Err(StoreError::new(
                "the study is still loading its responses; try again in a few seconds",
                Some(Unavailable::Loading),
            )
            .into()),
            Load::Failed(e) => Err(StoreError::new(
                format!("stored data is corrupt: the peer index could not be loaded: {e}"),
                None,
            )
            .into()),
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
            Language::from_code(&row.language).unwrap_or_default(),
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

    /// Scores checked answers (once: what scoring decided is stored with the
    /// response) and computes their standing among the peers now.
    ///
    /// # Errors
    /// Unavailable while the peer figures load or when the database refuses
    /// writes (a damaged file); otherwise only if the standing cannot be
    /// serialised, which would be a bug.
    pub fn prepare(&self, answers: &Answers, origin: &Origin<'_>) -> StudyResult<Prepared> {
        self.prepare_among(answers, origin, None)
    }

    /// As [`Study::prepare`], for a response from a client: on a database that
    /// keeps the near-duplicate check's memory (PostgreSQL, shared by every
    /// server on it) the address's recent responses are read from it first.
    ///
    /// # Errors
    /// As [`Study::prepare`], and when the database cannot be read.
    pub async fn prepare_from_client(
        &self,
        answers: &Answers,
        origin: &Origin<'_>,
    ) -> StudyResult<Prepared> {
        let shared = match origin.address {
            Some(address) if !origin.synthetic && self.store.keeps_recent_submissions() => {
                Some(self.recent_in_store(address).await?)
            }
            _ => None,
        };
        self.prepare_among(answers, origin, shared)
    }

    /// The recent fingerprints of `address` as the database keeps them (`None`:
    /// at its cap, known here or told by the database).
    async fn recent_in_store(&self, address: IpAddr) -> StudyResult<Option<Vec<Vec<u8>>>> {
        let capped = |now| self.capped.lock().is_ok_and(|c| c.holds(address, now));
        if capped(Instant::now()) {
            return Ok(None);
        }
        let found = self
            .store
            .recent_submissions(address, self.near_duplicate_window(), recent::PER_ADDRESS)
            .await?;
        Ok(match found {
            port::Recent::Fingerprints(kept) => Some(kept),
            port::Recent::AtCap { for_at_least } => {
                if let Ok(mut c) = self.capped.lock() {
                    c.note(address, for_at_least, Instant::now());
                }
                None
            }
        })
    }

    /// Prepares a response; `shared` holds the address's recent fingerprints
    /// when the database keeps them (`Some(None)`: too many to say).
    fn prepare_among(
        &self,
        answers: &Answers,
        origin: &Origin<'_>,
        shared: Option<Option<Vec<Vec<u8>>>>,
    ) -> StudyResult<Prepared> {
        // Nothing is added to a damaged file (the load may have failed on it).
        if let Some(damaged) = self.store.damaged() {
            return Err(damaged.into());
        }
        // Placed among all its peers or not at all: while they load, the client
        // is told to come back (this runs on the executor, so it does not wait).
        self.load_state()?;
        let q = &self.questionnaire;
        let now = now_timestamp();
        let profile = self.profile(answers);
        let mut scorecard = score(q, answers);
        let standing = {
            let peers = self
                .figures
                .peers
                .read()
                .map_err(|_| StudyError::Poisoned("peer index"))?;
            peers.standing(&profile, &scorecard, &now[..10])
        };
        scorecard.benchmark_against(q, &standing.tops);
        let standing_json = serde_json::value::to_raw_value(&standing)
            .map_err(|e| StoreError::new(format!("cannot serialise the standing: {e}"), None))?;
        let record = PeerRecord::new(q, profile, &scorecard);
        // One byte per item: what is stored, and the near-duplicate check's
        // fingerprint.
        let chosen = choices_of(q, answers);
        // An address at its cap has nothing more remembered: the database's own
        // check would refuse the fingerprint after counting the cap's worth again.
        let at_cap = matches!(shared, Some(None));
        let flags = if origin.synthetic {
            Vec::new()
        } else {
            let seconds = origin.started_at.and_then(|s| seconds_between(s, &now));
            let rules = &q.quality;
            let same_address = match (origin.address, shared, self.recent.lock()) {
                (Some(_), Some(None), _) => SameAddress::TooMany,
                (Some(_), Some(Some(others)), _) => {
                    SameAddress::among(&chosen, others.iter().map(Vec::as_slice), rules)
                }
                (Some(_), None, _) if self.store.keeps_recent_submissions() => SameAddress::Unlike,
                (Some(address), None, Ok(mut recent)) => recent.check(
                    address,
                    &chosen,
                    self.near_duplicate_window(),
                    rules,
                    Instant::now(),
                ),
                _ => SameAddress::Unlike,
            };
            quality::flags(q, answers, seconds, same_address, rules)
        };
        let response = NewResponse {
            id: uuid::Uuid::new_v4().to_string(),
            draft_id: origin.draft_id.map(str::to_string),
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version,
            started_at: origin.started_at.map(str::to_string),
            submitted_at: now,
            synthetic: origin.synthetic,
            answers: answers.without_contact(q),
            contact: self.contact(answers),
            choices: chosen,
            peer_numbers: record.numbers,
            scores: record.scores,
            scoring: scorecard.record(q),
            standing: standing_json,
            flags: QualityFlag::join(&flags),
            held: !flags.is_empty(),
            language: origin.language.code().to_string(),
            remember: match origin.address {
                Some(address)
                    if !origin.synthetic && !at_cap && self.store.keeps_recent_submissions() =>
                {
                    Some(port::RecentMark {
                        address,
                        window: self.near_duplicate_window(),
                        cap: recent::PER_ADDRESS,
                    })
                }
                _ => None,
            },
        };
        let summary = summary_of(
            &response.id,
            &response.submitted_at,
            q.version,
            origin.synthetic,
            &record.scores,
            origin.language,
        );
        Ok(Prepared {
            response,
            scorecard,
            standing,
            record,
            summary,
            address: origin.address,
        })
    }

    /// Stores a prepared response and, once it is durable, adds it to the peer
    /// index. A draft submitted twice keeps its first report.
    ///
    /// # Errors
    /// When the write fails; nothing is stored then.
    pub async fn submit(&self, prepared: &Prepared) -> StudyResult<SubmitOutcome> {
        let id = id_bits(&prepared.response.id);
        let entering = !prepared.response.held && self.mark_own(id);
        let outcome = self.store.submit(&prepared.response).await;
        if entering && !matches!(outcome, Ok(SubmitOutcome::Created(_))) {
            self.unmark_own(id);
        }
        let outcome = outcome?;
        self.after_submit(outcome, prepared)
    }

    /// Marks a change this server is about to make to the peer figures, so that
    /// the follower of all servers' changes skips it when it comes back (on a
    /// shared database; elsewhere there is no follower, and nothing to mark).
    fn mark_own(&self, id: u128) -> bool {
        if !self.store.shared() {
            return false;
        }
        if let Ok(mut own) = self.figures.own.lock() {
            own.insert(id);
        }
        true
    }

    /// Takes back a mark: the change was not made.
    fn unmark_own(&self, id: u128) {
        if let Ok(mut own) = self.figures.own.lock() {
            own.remove(&id);
        }
    }

    /// Stores many prepared responses at once (demo data), each as
    /// [`Study::submit`].
    ///
    /// # Errors
    /// As [`Study::submit`].
    pub async fn submit_all(&self, prepared: &[Prepared]) -> StudyResult<Vec<SubmitOutcome>> {
        let responses: Vec<NewResponse> = prepared.iter().map(|p| p.response.clone()).collect();
        let marked: Vec<u128> = responses
            .iter()
            .filter(|r| !r.held)
            .map(|r| id_bits(&r.id))
            .filter(|id| self.mark_own(*id))
            .collect();
        let outcomes = match self.store.submit_all(&responses).await {
            Ok(outcomes) => outcomes,
            Err(e) => {
                for id in marked {
                    self.unmark_own(id);
                }
                return Err(e.into());
            }
        };
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
    pub async fn add_synthetic(&self, count: usize, seed: u64) -> StudyResult<usize> {
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
                        language: Language::English,
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
            stored += self.submit_all(&chunk).await?.len();
        }
        Ok(stored)
    }

    fn after_submit(
        &self,
        outcome: SubmitOutcome,
        prepared: &Prepared,
    ) -> StudyResult<SubmitOutcome> {
        if let SubmitOutcome::Created(_) = outcome {
            if let (Some(address), false, Ok(mut recent)) = (
                prepared.address,
                self.store.keeps_recent_submissions(),
                self.recent.lock(),
            ) {
                recent.remember(
                    address,
                    &prepared.response.choices,
                    self.near_duplicate_window(),
                    Instant::now(),
                );
            }
            if prepared.response.held {
                tracing::info!(flags = %prepared.response.flags, "response held for review");
                return Ok(outcome);
            }
            let mut peers = self
                .figures
                .peers
                .write()
                .map_err(|_| StudyError::Poisoned("peer index"))?;
            peers.add(&prepared.record);
            drop(peers);
            if let Ok(mut summaries) = self.figures.summaries.write() {
                summaries.push(prepared.summary, &prepared.response.choices);
            }
        }
        Ok(outcome)
    }

    /// How far back the near-duplicate check looks (24 hours in the study).
    fn near_duplicate_window(&self) -> Duration {
        Duration::from_secs_f64(self.questionnaire.quality.near_duplicate_hours * 3600.0)
    }

    /// Runs `f` with the live peer index: for figures placed among the peers
    /// that are not one response's (a team's means).
    pub async fn with_peers<T>(&self, f: impl FnOnce(&PeerIndex) -> T) -> T {
        // Only in the first seconds after start: the figures are not shown
        // half-loaded (after LOAD_WAIT they are shown as far as loaded).
        let _ = self.wait_loaded(LOAD_WAIT).await;
        match self.figures.peers.read() {
            Ok(p) => f(&p),
            Err(poisoned) => f(&poisoned.into_inner()),
        }
    }

    /// Runs `f` over the console's summaries of every response.
    pub async fn with_summaries<T>(&self, f: impl FnOnce(&ResponseSummaries) -> T) -> T {
        let _ = self.wait_loaded(LOAD_WAIT).await;
        match self.figures.summaries.read() {
            Ok(s) => f(&s),
            Err(poisoned) => f(&poisoned.into_inner()),
        }
    }

    /// Deletes a response everywhere: database (with its questionnaire, leaving
    /// as little of it behind as the database allows), peer statistics and the
    /// console's figures; logs the deletion under the response's pseudonym.
    /// Returns whether it existed.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    async fn delete(&self, id: &str, operator: &str) -> StudyResult<bool> {
        self.wait_loaded(LOAD_WAIT).await?;
        let Some((questionnaire_id, row)) = self.store.response_figures(id).await? else {
            return Ok(false);
        };
        let marked = !row.held && self.mark_own(id_bits(id));
        let erased = self
            .store
            .erase_response(id, operator, &now_timestamp())
            .await;
        if marked && !matches!(erased, Ok(true)) {
            self.unmark_own(id_bits(id));
        }
        if !erased? {
            return Ok(false);
        }
        // Out of the index only if it was in the figures: removing a record
        // that is not there could take another's equal score.
        let in_figures = self
            .figures
            .summaries
            .write()
            .is_ok_and(|mut summaries| summaries.remove(id_bits(id)));
        if in_figures && questionnaire_id == self.questionnaire.id && !row.held {
            // The record is rebuilt from the same stored columns the peer index was
            // built from, so its scores are the very same numbers.
            let (_, _, record) = self.peer_entry(&questionnaire_id, &row);
            self.figures
                .peers
                .write()
                .map_err(|_| StudyError::Poisoned("peer index"))?
                .remove(&record);
        }
        Ok(true)
    }

    /// Deletes an unfinished questionnaire (by its resume id) and logs it.
    ///
    /// # Errors
    /// When the database cannot be written.
    async fn delete_draft(&self, id: &str, operator: &str) -> StudyResult<bool> {
        Ok(self
            .store
            .erase_draft(id, operator, &now_timestamp())
            .await?)
    }

    /// Accepts a response held by a data-quality flag into the peer figures.
    /// Returns whether it was held.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    async fn accept(&self, id: &str) -> StudyResult<bool> {
        self.wait_loaded(LOAD_WAIT).await?;
        let Some((questionnaire_id, row)) = self.store.response_figures(id).await? else {
            return Ok(false);
        };
        let marked = row.held && self.mark_own(id_bits(id));
        let accepted = self.store.accept_response(id).await;
        if marked && !matches!(accepted, Ok(true)) {
            self.unmark_own(id_bits(id));
        }
        if !accepted? {
            return Ok(false);
        }
        if questionnaire_id == self.questionnaire.id {
            let (summary, choices, record) = self.peer_entry(&questionnaire_id, &row);
            self.figures
                .peers
                .write()
                .map_err(|_| StudyError::Poisoned("peer index"))?
                .add(&record);
            if let Ok(mut summaries) = self.figures.summaries.write() {
                summaries.push(summary, &choices);
            }
        }
        Ok(true)
    }

    /// Deletes questionnaires left unfinished for longer than `days`; returns how
    /// many.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn expire_drafts(&self, days: f64) -> StudyResult<usize> {
        Ok(self
            .store
            .expire_drafts(&timestamp_seconds_ago(days * 86_400.0))
            .await?)
    }

    /// The periodic deletion of expired questionnaires ([`Study::expire_drafts`]):
    /// run by one server per `period` however many serve the database; how
    /// many were deleted, or `None` when another server's run is this period's.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn expire_drafts_periodically(
        &self,
        days: f64,
        period: Duration,
    ) -> StudyResult<Option<usize>> {
        if !self
            .store
            .claim_periodic_run("draft-expiry", period)
            .await?
        {
            return Ok(None);
        }
        Ok(Some(self.expire_drafts(days).await?))
    }
}

/// A response loaded at start-up as the peer index and the console see it (see
/// [`Study::peer_entry`]), from its columns alone.
pub(crate) fn loaded_entry(
    q: &Questionnaire,
    translation: &ChoiceTranslation,
    row: LoadedResponse,
) -> (ResponseSummary, Vec<u8>, PeerRecord) {
    let record = PeerRecord {
        profile: profile_of_choices(q, &row.choices),
        scores: row.scores,
        numbers: row.peer_numbers,
    };
    let summary = summary_of(
        &row.id,
        &row.submitted_at,
        row.questionnaire_version,
        row.synthetic,
        &row.scores,
        row.language,
    );
    (summary, translation.apply(&row.choices), record)
}

/// A response as the console's summaries hold it: the one place they are built,
/// whether the response was just submitted, loaded at start-up, or accepted.
pub(crate) fn summary_of(
    id: &str,
    submitted_at: &str,
    questionnaire_version: u32,
    synthetic: bool,
    scores: &PerIndex<Option<f64>>,
    language: Language,
) -> ResponseSummary {
    ResponseSummary {
        id: id_bits(id),
        submitted_on: ResponseSummary::day_of(submitted_at),
        questionnaire_version,
        synthetic,
        scores: ResponseSummary::scores_of(scores),
        language,
    }
}

/// A report id's 128 bits, as the console keeps it (ids are UUIDs; anything
/// else, which the program never writes, counts as zero).
pub(crate) fn id_bits(id: &str) -> u128 {
    uuid::Uuid::parse_str(id).map_or(0, |u| u.as_u128())
}

/// Seconds from one stored timestamp to another, if both parse.
fn seconds_between(from: &str, to: &str) -> Option<f64> {
    let parse = |s: &str| {
        time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()
    };
    Some((parse(to)? - parse(from)?).as_seconds_f64())
}
