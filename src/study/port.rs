//! What the study needs from its database, in the study's own words: one trait
//! per concern, and [`StudyStore`], all of them together, which each storage
//! adapter implements (`src/storage/sqlite/` for the embedded file,
//! `src/storage/postgres/` for a PostgreSQL server).
//!
//! The study hands storage what a response *is* (its answers, the scores and
//! what scoring decided, its standing, its choices) and gets back the same;
//! how a row is encoded is the adapter's business. Nothing here scores: a
//! response is scored once, when it is prepared, and read back as it was.
//!
//! Every method is async. The SQLite adapter runs its blocking work on the
//! blocking pool (and its writes through its one writer thread); the
//! PostgreSQL adapter runs on a runtime of its own. Times are stored
//! timestamps (RFC 3339, UTC, to the millisecond), which sort as text.

use std::collections::{BTreeMap, HashMap};

use async_trait::async_trait;

use super::error::StoreError;
pub use super::rate_limit::RequestLimit;
use super::records::{
    ApiKey, Contact, Draft, EmailBounds, EmailKind, Found, Participation, Queued, ScoreGroups,
    Session, StoredResponse, SubmitOutcome, Team, TeamFigures,
};
use super::throttle::{Attempt, Refusal};
use crate::domain::answers::Answers;
use crate::domain::language::Language;
use crate::domain::peer::{PerIndex, PerNumber};
use crate::domain::scoring::ScoreRecord;
use crate::domain::team::ReleaseKey;
use std::net::IpAddr;
use std::time::Duration;

/// What a storage operation gives: its result or the database's failure.
pub type StoreResult<T> = Result<T, StoreError>;

/// A response scored and placed, as the study hands it to storage.
#[derive(Debug, Clone)]
pub struct NewResponse {
    /// The report id (UUIDv4).
    pub id: String,
    /// The draft it was submitted from, if any: a draft is submitted at most once.
    pub draft_id: Option<String>,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub started_at: Option<String>,
    pub submitted_at: String,
    /// Demo data, kept apart from real responses.
    pub synthetic: bool,
    /// The answers, without contact details.
    pub answers: Answers,
    /// The contact details given with them: never exported.
    pub contact: Contact,
    /// The chosen option of each item, one byte each (the option's index plus
    /// one, 0 for none): what the console's figures are read from.
    pub choices: Vec<u8>,
    /// The company numbers the peer index holds.
    pub peer_numbers: PerNumber<Option<f64>>,
    /// overall, value, number, win_rate, sales_cycle, personal.
    pub scores: PerIndex<Option<f64>>,
    /// What scoring decided beyond the scores (see [`ScoreRecord`]).
    pub scoring: ScoreRecord,
    /// The standing among its peers at submission, as JSON.
    pub standing: Box<serde_json::value::RawValue>,
    /// Data-quality flags, comma-separated (empty: none).
    pub flags: String,
    /// Held out of the peer figures until an operator accepts it.
    pub held: bool,
    /// The language it was answered in (a code: "de").
    pub language: String,
    /// Where the database keeps the near-duplicate check's memory, the
    /// response is remembered there with its store (never the address itself).
    pub remember: Option<RecentMark>,
}

/// A response to remember for the near-duplicate check: its client address,
/// for how long, unless the address has `cap` remembered already.
#[derive(Debug, Clone, Copy)]
pub struct RecentMark {
    pub address: IpAddr,
    pub window: Duration,
    pub cap: usize,
}

/// A stored response as the peer index and the console load it: its figures,
/// no answers, no contact.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedResponse {
    pub id: String,
    pub submitted_at: String,
    pub questionnaire_version: u32,
    pub synthetic: bool,
    /// One byte per item of its own version (see [`NewResponse::choices`]).
    pub choices: Vec<u8>,
    pub peer_numbers: PerNumber<Option<f64>>,
    pub scores: PerIndex<Option<f64>>,
    pub held: bool,
    /// The language it was answered in.
    pub language: Language,
}

/// Stored responses arriving in pieces, oldest first, so that loading a million
/// keeps memory flat; an error ends the stream.
pub type ResponseStream = tokio::sync::mpsc::Receiver<StoreResult<Vec<LoadedResponse>>>;

/// A load of every stored response: the rows, and (on a database several
/// servers share) where the changes made after the load begin.
pub struct Loading {
    pub rows: ResponseStream,
    /// Sent once the rows are read; `None` on a database of one server.
    pub changes_from: tokio::sync::oneshot::Receiver<Option<PeerCursor>>,
}

/// Where a server stands in the changes other servers make to the peer
/// figures: what it has seen, as the database counts it (for PostgreSQL:
/// transactions before `before` have been seen, and so have those the load's
/// snapshot saw).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerCursor {
    pub before: i64,
    /// The load's snapshot, while transactions it saw may still come up.
    pub snapshot: Option<String>,
}

/// A response that left the peer figures through another server (deleted):
/// what the figures held of it. Its row is gone.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftFigures {
    pub id: String,
    pub questionnaire_version: u32,
    /// Peer dimension -> option id.
    pub profile: BTreeMap<String, String>,
    pub scores: PerIndex<Option<f64>>,
    pub peer_numbers: PerNumber<Option<f64>>,
}

/// What changed in the peer figures since a cursor, in the order it happened.
#[derive(Debug, Default)]
pub struct PeerChanges {
    pub changes: Vec<PeerChange>,
    /// Where the next look begins.
    pub next: Option<PeerCursor>,
}

/// One change of the peer figures.
#[derive(Debug)]
pub enum PeerChange {
    /// Submitted (not held), or accepted.
    Entered(LoadedResponse),
    /// Deleted.
    Left(LeftFigures),
}

/// One response as an export, the console and the peer figures read it,
/// without contact details.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    /// Its place in storage order: exports page by it.
    pub position: i64,
    pub id: String,
    pub submitted_at: String,
    pub questionnaire_version: u32,
    pub synthetic: bool,
    /// Peer dimension -> option id.
    pub profile: BTreeMap<String, String>,
    /// One byte per item of its own version.
    pub choices: Vec<u8>,
    /// The answers as export text, by item position in its own version; only
    /// when asked for, empty otherwise.
    pub answer_texts: Vec<Option<String>>,
    pub scores: PerIndex<Option<f64>>,
    /// The company numbers the peer index holds.
    pub peer_numbers: PerNumber<Option<f64>>,
    /// Data-quality flags, comma-separated.
    pub flags: String,
    /// Held out of the peer figures until accepted.
    pub held: bool,
    /// The language it was answered in (a code: "de").
    pub language: String,
}

/// A member of a team as the team report needs them. The contact details are
/// read only for members who chose to show their name, and only the name is
/// ever taken from them.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    pub wave: u32,
    /// Keyed by item id.
    pub answers: serde_json::Value,
    pub scores: PerIndex<Option<f64>>,
    pub shown_contact: Option<Contact>,
    /// Held for review: counts toward nothing until an operator accepts it.
    pub held: bool,
    /// The questionnaire the member answered (the peer index holds only the
    /// running study's).
    pub questionnaire_id: String,
}

/// What a draft was started for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DraftLink {
    pub team_id: Option<String>,
    pub show_name: bool,
    pub previous_id: Option<String>,
}

/// A draft to create with its links and prefilled answers.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedDraft {
    pub id: String,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    /// Prefilled answers, JSON text keyed by item id.
    pub answers: String,
    pub now: String,
    pub link: DraftLink,
}

/// A message to queue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEmail {
    pub response_id: String,
    pub team_id: Option<String>,
    pub kind: EmailKind,
    pub address: String,
    /// The message's links: {name: url}.
    pub facts: serde_json::Value,
    pub due_at: String,
    /// The address of the client that asked, as text (`None`: unknown); only
    /// a keyed hash of it is stored, for the bounds on asking.
    pub client: Option<String>,
    /// When it was asked, in milliseconds since 1970 (UTC).
    pub asked_at_ms: i64,
}

/// A queued message due to be sent.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuedEmail {
    pub id: i64,
    pub kind: EmailKind,
    pub address: String,
    pub facts: serde_json::Value,
    pub attempts: u32,
}

/// One line of the deletion log: when, who, what kind, pseudonym.
pub type DeletionLogEntry = (String, String, String, String);

/// A response held for review: id, submitted at, flags.
pub type HeldResponse = (String, String, String);

/// Submitted responses.
#[async_trait]
pub trait Responses: Send + Sync {
    /// Stores a response; answers only once it is durable (committed). A draft
    /// submitted twice keeps its first report.
    async fn submit(&self, response: &NewResponse) -> StoreResult<SubmitOutcome>;

    /// Stores many responses (demo data), each as [`Responses::submit`].
    async fn submit_all(&self, responses: &[NewResponse]) -> StoreResult<Vec<SubmitOutcome>>;

    /// A response by its report id, as it was submitted.
    async fn response(&self, id: &str) -> StoreResult<Option<StoredResponse>>;

    /// The stored figures of one response (as the peer index was built from
    /// them), with its questionnaire id.
    async fn response_figures(&self, id: &str) -> StoreResult<Option<(String, ExportRow)>>;

    /// Every response of a questionnaire id, oldest first, in pieces.
    fn load(&self, questionnaire_id: &str) -> Loading;

    /// Whether several servers may share this database, so that each must
    /// follow the others' changes to the peer figures.
    fn shared(&self) -> bool;

    /// The changes to the peer figures since `cursor` (of responses of
    /// `questionnaire_id`), made by any server, this one included.
    async fn peer_changes(
        &self,
        questionnaire_id: &str,
        cursor: &PeerCursor,
    ) -> StoreResult<PeerChanges>;

    /// Waits until the peer figures may have changed (another server says so),
    /// or `at_most`.
    async fn wait_for_peer_changes(&self, at_most: std::time::Duration);

    /// Every (questionnaire id, version) that has stored responses.
    async fn stored_versions(&self) -> StoreResult<Vec<(String, u32)>>;

    /// How many responses are stored, held ones included.
    async fn response_count(&self) -> StoreResult<u64>;

    /// Responses held out of the peer figures, newest first.
    async fn held_responses(&self, limit: usize) -> StoreResult<Vec<HeldResponse>>;

    /// Accepts a held response into the peer figures; false if it was not held.
    async fn accept_response(&self, id: &str) -> StoreResult<bool>;

    /// The pseudonymous id of a response, draft or team: stable, so that
    /// exports join on it, and opening nothing (a keyed hash of the private id
    /// with a key that never leaves the database).
    fn pseudonym(&self, id: &str) -> String;
}

/// Questionnaires in progress.
#[async_trait]
pub trait Drafts: Send + Sync {
    async fn create_draft(
        &self,
        id: &str,
        questionnaire_id: &str,
        questionnaire_version: u32,
        now: &str,
    ) -> StoreResult<()>;

    /// Creates a draft prefilled with answers, with what it was started for.
    async fn create_linked_draft(&self, draft: &LinkedDraft) -> StoreResult<()>;

    async fn draft(&self, id: &str) -> StoreResult<Option<Draft>>;

    /// Saves a draft's answers (JSON text keyed by item id) and page; false for
    /// an unknown or already submitted draft.
    async fn save_draft(
        &self,
        id: &str,
        answers: &str,
        page: usize,
        now: &str,
        language: &str,
    ) -> StoreResult<bool>;

    /// What a draft was started for, if it was started from a team or a report.
    async fn draft_link(&self, draft_id: &str) -> StoreResult<Option<DraftLink>>;

    /// Deletes questionnaires left unfinished since before `saved_before`;
    /// returns how many.
    async fn expire_drafts(&self, saved_before: &str) -> StoreResult<usize>;
}

/// Teams, waves and assessments again.
#[async_trait]
pub trait Teams: Send + Sync {
    /// The secret the team reports' dither is drawn with: random, made once,
    /// kept in the database so that every server on it draws the same figures;
    /// never exported and never shown.
    fn team_release_key(&self) -> &ReleaseKey;
    async fn team(&self, id: &str) -> StoreResult<Option<Team>>;
    async fn team_by_invite(&self, invite_id: &str) -> StoreResult<Option<Team>>;
    async fn team_started_by(&self, response_id: &str) -> StoreResult<Option<Team>>;
    /// The team and wave a response belongs to, if any.
    async fn membership(&self, response_id: &str) -> StoreResult<Option<(String, u32)>>;
    /// Starts a team with its starter as the first member of wave 1; false when
    /// the response is in a team already (or gone).
    async fn create_team(&self, team: &Team, starter_response_id: &str) -> StoreResult<bool>;
    /// Every member of a team, all waves, oldest wave first; within a wave the
    /// counted members in the order they came to count, then the held ones.
    async fn team_members(&self, team_id: &str) -> StoreResult<Vec<MemberRow>>;
    /// Opens the next wave if the current one has members; returns the wave
    /// new members now join.
    async fn open_next_wave(&self, team_id: &str) -> StoreResult<u32>;
    /// The earlier response a response assessed again, if any.
    async fn previous_response(&self, response_id: &str) -> StoreResult<Option<String>>;
    /// Records the item ids of a questionnaire version (once).
    async fn record_questionnaire_version(
        &self,
        questionnaire_id: &str,
        version: u32,
        items: &[String],
    ) -> StoreResult<()>;
    /// The item ids of a questionnaire version, if it has run here.
    async fn questionnaire_version_items(
        &self,
        questionnaire_id: &str,
        version: u32,
    ) -> StoreResult<Option<Vec<String>>>;
    async fn team_figures(&self) -> StoreResult<TeamFigures>;
    /// First and second waves of the teams that ran a second wave: the
    /// counted members' scores of each (held responses are left out).
    async fn team_wave_groups(&self) -> StoreResult<ScoreGroups>;
    /// First assessments and the ones that followed them.
    async fn repeat_groups(&self) -> StoreResult<ScoreGroups>;
    /// Team and wave of every response in a team or assessed again, by
    /// response id: (team id, wave).
    async fn waves_by_response(&self) -> StoreResult<HashMap<String, (Option<String>, u32)>>;
}

/// The email outbox: messages a respondent asked for, until they are sent.
#[async_trait]
pub trait Outbox: Send + Sync {
    /// Counts a request to queue a message against `bounds` (per report, per
    /// client address and in all, over the window: every server on the
    /// database counts the same requests) and, within them, queues it, in one
    /// transaction, so that parallel requests cannot slip past a bound. A
    /// second request of the same kind from the same response replaces the
    /// first; both count. The count keeps keyed hashes of the report and the
    /// client's address, never a link or an address.
    async fn queue_email(&self, email: &NewEmail, bounds: &EmailBounds) -> StoreResult<Queued>;
    /// Messages due at `now` (team-ready ones once the team's current wave has
    /// `ready_at` members), each handed to one caller only: a message another
    /// sender is working on is not handed out again until `lease_until`.
    async fn claim_due_emails(
        &self,
        now: &str,
        lease_until: &str,
        ready_at: usize,
        limit: usize,
    ) -> StoreResult<Vec<QueuedEmail>>;
    /// Forgets a message (sent or given up), its address with it.
    async fn forget_email(&self, id: i64) -> StoreResult<()>;
    /// Puts a message off after a failed attempt.
    async fn retry_email_at(&self, id: i64, due_at: &str) -> StoreResult<()>;
    /// Messages waiting, of one kind (never their addresses).
    async fn queued_email_count(&self, kind: EmailKind) -> StoreResult<usize>;
}

/// Operators of the console.
#[async_trait]
pub trait Operators: Send + Sync {
    /// Adds an operator; false if the name is taken.
    async fn add_operator(&self, name: &str, password_hash: &str, now: &str) -> StoreResult<bool>;
    /// Removes an operator and their sessions; false if there was none.
    async fn remove_operator(&self, name: &str) -> StoreResult<bool>;
    /// Operator names and when they were added.
    async fn operators(&self) -> StoreResult<Vec<(String, String)>>;
    async fn operator_hash(&self, name: &str) -> StoreResult<Option<String>>;
}

/// Console sessions; only a hash of a session id is stored.
#[async_trait]
pub trait Sessions: Send + Sync {
    async fn create_session(
        &self,
        id: &str,
        operator: &str,
        csrf: &str,
        now: &str,
    ) -> StoreResult<()>;
    async fn session(&self, id: &str) -> StoreResult<Option<Session>>;
    async fn touch_session(&self, id: &str, now: &str) -> StoreResult<()>;
    /// Ends a session, and every session idle since before `idle_before` or
    /// started before `started_before`.
    async fn end_session(
        &self,
        id: &str,
        idle_before: &str,
        started_before: &str,
    ) -> StoreResult<()>;
}

/// The limits that count requests: console sign-in attempts, and anonymous
/// questionnaires started and submitted per client address. Every server on a
/// database counts against the same limits: an SQLite file is served by one
/// server, which counts in its memory; on PostgreSQL they are counted in the
/// database, each count under a lock, so that requests through several
/// servers at once never slip past a limit. Neither keeps a client address or
/// a typed name: PostgreSQL keeps keyed hashes of them.
#[async_trait]
pub trait Throttles: Send + Sync {
    /// Checks the sign-in limits for an attempt (see [`super::throttle`]) and
    /// records it as a failure until it proves right.
    async fn begin_sign_in(
        &self,
        account: &str,
        address: IpAddr,
    ) -> StoreResult<Result<Attempt, Refusal>>;
    /// Takes back the failure of an attempt whose password was never checked.
    async fn withdraw_sign_in(&self, attempt: Attempt) -> StoreResult<()>;
    /// The password was right: the attempt's failure is taken back, the pair's
    /// earlier failures are forgotten and the address becomes known to the
    /// account.
    async fn sign_in_succeeded(&self, attempt: Attempt) -> StoreResult<()>;
    /// Counts a request against `limit` for its client address (requests
    /// without one share a count); within the limit it is recorded, beyond it
    /// the answer is how long until the next one is allowed.
    async fn count_request(
        &self,
        limit: RequestLimit,
        address: Option<IpAddr>,
    ) -> StoreResult<Result<(), Duration>>;
    /// Whether the database keeps the near-duplicate check's memory, shared
    /// by every server on it (PostgreSQL); otherwise the study keeps it in its
    /// own memory (an SQLite file is served by one server).
    fn keeps_recent_submissions(&self) -> bool;
    /// What the database remembers of the responses from `address` within
    /// `window`: their fingerprints while there are fewer than `cap`.
    async fn recent_submissions(
        &self,
        address: IpAddr,
        window: Duration,
        cap: usize,
    ) -> StoreResult<Recent>;
}

/// What the database remembers of one address's recent responses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recent {
    /// Fewer than the cap: their fingerprints.
    Fingerprints(Vec<Vec<u8>>),
    /// The cap's worth or more. Fingerprints are only added, or forgotten once
    /// out of the window, so the address stays at its cap at least until the
    /// oldest of them leaves it: `for_at_least` from now.
    AtCap { for_at_least: Duration },
}

/// Jobs every server runs every so often (deleting expired questionnaires):
/// run by one server per period, however many serve the database.
#[async_trait]
pub trait Periodic: Send + Sync {
    /// Claims the run of `job` due now: true for the one server that is to run
    /// it, false when a server claimed it less than `period` ago (an SQLite
    /// file is served by one server: always true).
    async fn claim_periodic_run(&self, job: &str, period: Duration) -> StoreResult<bool>;
}

/// API keys for scripted submissions; only a hash of a key is stored.
#[async_trait]
pub trait ApiKeys: Send + Sync {
    /// Stores a new key under a name; false if the name is taken.
    async fn add_api_key(&self, name: &str, key: &str, now: &str) -> StoreResult<bool>;
    /// Revokes a key; false if there was no such active key.
    async fn revoke_api_key(&self, name: &str, now: &str) -> StoreResult<bool>;
    async fn api_keys(&self) -> StoreResult<Vec<ApiKey>>;
    /// The name of the active key with this value, if any.
    async fn api_key_name(&self, key: &str) -> StoreResult<Option<String>>;
}

/// Personal data on request: finding and deleting it, and the deletion log.
#[async_trait]
pub trait Privacy: Send + Sync {
    /// Responses and unfinished questionnaires by report or resume id, by
    /// email (exact, any case) or by company (part of the name, any case).
    async fn find_for_deletion(&self, ids: &[String], words: &str) -> StoreResult<Vec<Found>>;
    /// Deletes a response and the questionnaire it was filled in, logs it
    /// under its pseudonym, and does what the database allows so that nothing
    /// of it is left behind; whether it existed.
    async fn erase_response(&self, id: &str, operator: &str, now: &str) -> StoreResult<bool>;
    /// Deletes an unfinished questionnaire, as [`Privacy::erase_response`].
    async fn erase_draft(&self, id: &str, operator: &str, now: &str) -> StoreResult<bool>;
    /// The deletion log, newest first.
    async fn deletion_log(&self, limit: usize) -> StoreResult<Vec<DeletionLogEntry>>;
}

/// The console's figures and exports.
#[async_trait]
pub trait Console: Send + Sync {
    /// Started and completed questionnaires per version, day by day.
    async fn participation(&self, questionnaire_id: &str) -> StoreResult<Vec<Participation>>;
    /// Up to `limit` responses after `after` (an [`ExportRow::position`]), in
    /// storage order: the unit of a streamed export.
    async fn export_rows(
        &self,
        questionnaire_id: &str,
        after: i64,
        limit: usize,
        with_answers: bool,
    ) -> StoreResult<Vec<ExportRow>>;
}

/// Everything the study needs from its database.
#[async_trait]
pub trait StudyStore:
    Responses
    + Drafts
    + Teams
    + Outbox
    + Operators
    + Sessions
    + ApiKeys
    + Privacy
    + Console
    + Throttles
    + Periodic
{
    /// How many connections to the database are open now (a bound the
    /// operator sets; for the logs and tests).
    fn open_connections(&self) -> usize;

    /// Why nothing may be written now, if the stored data was found damaged
    /// (an SQLite file with damaged pages): every write is refused then.
    fn damaged(&self) -> Option<StoreError>;

    /// Checks the stored data whole, as far as the database allows, and
    /// refuses writes from then on if it is damaged; whether it is sound
    /// (false also when the check did not finish). As long as reading the
    /// data takes.
    async fn check_stored_data(&self) -> StoreResult<bool>;
}
