//! The study's records as the web layer and the command line receive them:
//! application types, which the storage adapters fill in and never hand out
//! in their own form.

use std::collections::BTreeMap;

use crate::domain::peer::{PeerStanding, PerIndex};
use crate::domain::scoring::Scorecard;

/// A questionnaire in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub answers: serde_json::Value,
    pub page: usize,
    pub started_at: String,
    /// Set once submitted: the report id.
    pub response_id: Option<String>,
    /// The language of its last saved page (a code), if saved since languages.
    pub language: Option<String>,
}

/// Contact details, kept apart from the answers so that they never reach exports.
pub type Contact = BTreeMap<String, String>;

/// A submitted response, as it was submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredResponse {
    pub id: String,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub submitted_at: String,
    pub synthetic: bool,
    pub profile: BTreeMap<String, String>,
    pub answers: serde_json::Value,
    pub contact: Contact,
    pub scorecard: Scorecard,
    pub standing: PeerStanding,
    /// The language it was answered in: its report's, unless asked otherwise.
    pub language: crate::domain::language::Language,
}

impl StoredResponse {
    /// The email address among the respondent's contact details, if they gave
    /// one: offered back only on their own private pages.
    pub fn contact_email(&self) -> Option<&str> {
        self.contact
            .values()
            .map(String::as_str)
            .find(|v| v.parse::<lettre::Address>().is_ok())
    }
}

/// How the database is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreOptions {
    /// The most read connections open at once; readers beyond wait for one.
    pub read_connections: usize,
    /// The most bytes the database file may grow to (none: the disk's size). When
    /// reached, writes fail as on a full disk.
    pub max_size_bytes: Option<u64>,
    /// Opened to serve: an SQLite file is then served by this process alone
    /// (a second `serve` on it refuses to start).
    pub serve: bool,
    /// How long the check of an SQLite file at start-up may take: a file it
    /// does not finish is checked whole in the background soon after (zero:
    /// the whole check is left to the background).
    pub startup_check: std::time::Duration,
}

/// The start-up check's budget by default: a file of some tens of megabytes is
/// checked whole (about 60 MB a second here) at little cost to start-up.
pub const STARTUP_CHECK: std::time::Duration = std::time::Duration::from_millis(500);

/// Read connections open at once by default: more than the cores that run the
/// queries, few enough that file handles stay bounded.
pub const DEFAULT_READ_CONNECTIONS: usize = 8;

impl Default for StoreOptions {
    fn default() -> StoreOptions {
        StoreOptions {
            read_connections: DEFAULT_READ_CONNECTIONS,
            max_size_bytes: None,
            serve: false,
            startup_check: STARTUP_CHECK,
        }
    }
}

/// What a submission did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// Stored under this report id.
    Created(String),
    /// The draft had been submitted before: its existing report id.
    AlreadySubmitted(String),
}

/// A console session.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub operator: String,
    pub csrf_token: String,
    pub created_at: String,
    pub last_seen: String,
}

/// Participation of one questionnaire version.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Participation {
    pub questionnaire_version: u32,
    /// Questionnaires started in the browser.
    pub started: i64,
    /// Of those, submitted.
    pub completed_from_started: i64,
    /// Responses submitted (browser and API), not synthetic.
    pub completed: i64,
    pub synthetic: i64,
    /// Completions (not synthetic) per day, YYYY-MM-DD -> count.
    pub per_day: BTreeMap<String, i64>,
    /// Synthetic responses per day.
    pub synthetic_per_day: BTreeMap<String, i64>,
    /// Seconds from start to submit, for browser responses.
    pub durations: Vec<f64>,
}

/// A response or unfinished questionnaire found for a deletion request.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The report id of a response, or the resume id of an unfinished
    /// questionnaire.
    pub id: String,
    pub kind: FoundKind,
    /// Submitted at (response) or last saved at (draft).
    pub at: String,
    /// The company given, if any: shown to the operator to tell matches apart.
    pub company: Option<String>,
    /// The email given, masked (`j***@example.com`).
    pub email: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundKind {
    Response,
    Draft,
}

/// An issued key as listed (never the key itself).
#[derive(Debug, Clone, PartialEq)]
pub struct ApiKey {
    pub name: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

/// What kind of message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailKind {
    /// The respondent's report link, on request.
    ReportLink,
    /// "Your team report is ready", to the team's starter, on request.
    TeamReady,
    /// A reminder to assess again, months later, on request.
    Reminder,
}

impl EmailKind {
    pub fn key(self) -> &'static str {
        match self {
            EmailKind::ReportLink => "report_link",
            EmailKind::TeamReady => "team_ready",
            EmailKind::Reminder => "reminder",
        }
    }

    pub fn from_key(key: &str) -> Option<EmailKind> {
        match key {
            "report_link" => Some(EmailKind::ReportLink),
            "team_ready" => Some(EmailKind::TeamReady),
            "reminder" => Some(EmailKind::Reminder),
            _ => None,
        }
    }
}

/// How many requests to queue an email are accepted within `window`: per
/// report, per client address, and over all reports (0: no such bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmailBounds {
    pub per_report: u32,
    pub per_client: u32,
    pub total: u32,
    pub window: std::time::Duration,
}

/// The bound a refused request met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailBound {
    /// Requests from this report.
    Report,
    /// Requests from this client address.
    Client,
    /// Requests from every report.
    Total,
}

/// What became of a request to queue an email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queued {
    Queued,
    /// Past `bound`: the next request is accepted after `wait`.
    Refused {
        bound: EmailBound,
        wait: std::time::Duration,
    },
}

/// A team.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// The private team report link.
    pub id: String,
    /// The private invitation link.
    pub invite_id: String,
    pub created_at: String,
    /// The response that started the team (gone once deleted).
    pub starter_response_id: Option<String>,
    /// The shared profile answers, {item id: value}.
    pub profile: serde_json::Value,
    /// The wave new members join.
    pub wave: u32,
}

/// The console's figures on teams and waves.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeamFigures {
    pub teams: usize,
    /// Teams with at least one member, and their members per team (all waves).
    pub members_per_team: Vec<usize>,
    /// Teams that ran more than one wave.
    pub teams_with_second_wave: usize,
    /// Responses that follow an earlier one of the same respondent.
    pub repeat_responses: usize,
    /// Responses that were assessed again later.
    pub assessed_again: usize,
}

/// The scores (overall, four sub-indices, personal) of two groups to compare.
pub type ScoreGroups = (Vec<PerIndex<Option<f64>>>, Vec<PerIndex<Option<f64>>>);

/// Where the study's data lives: one SQLite file (the default), or a
/// PostgreSQL server that several `serve` processes share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    Sqlite(std::path::PathBuf),
    /// A `postgres://` or `postgresql://` URL, in libpq's form (several hosts
    /// allowed, with `target_session_attrs=read-write` to follow a failover).
    Postgres(String),
}

impl Database {
    /// The database named on the command line: a `postgres://` or
    /// `postgresql://` URL, a `sqlite://` URL, or a file path.
    ///
    /// # Errors
    /// Any other scheme, with a sentence that says which are understood.
    pub fn parse(text: &str) -> Result<Database, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("no database given: name an SQLite file or a postgres:// URL".into());
        }
        match text.split_once("://") {
            Some(("postgres" | "postgresql", _)) => Ok(Database::Postgres(text.to_string())),
            Some(("sqlite", path)) if !path.is_empty() => {
                Ok(Database::Sqlite(std::path::PathBuf::from(path)))
            }
            Some((scheme, _)) if !scheme.is_empty() && !scheme.contains(['/', '\\']) => {
                Err(format!(
                    "`{scheme}://` is not a database Dealbench can use: give an SQLite file (a path or sqlite://PATH) or a PostgreSQL server (postgres://USER@HOST/DATABASE)"
                ))
            }
            _ => Ok(Database::Sqlite(std::path::PathBuf::from(text))),
        }
    }

    /// The database as logs and messages name it: the file, or the server's
    /// URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres(url) => without_password(url),
        }
    }
}

/// A URL with the password in its user part (`user:secret@`) left out.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => url.to_string(),
    }
}

impl std::str::FromStr for Database {
    type Err = String;

    fn from_str(text: &str) -> Result<Database, String> {
        Database::parse(text)
    }
}

impl From<&std::path::Path> for Database {
    fn from(path: &std::path::Path) -> Database {
        Database::Sqlite(path.to_path_buf())
    }
}

impl From<std::path::PathBuf> for Database {
    fn from(path: std::path::PathBuf) -> Database {
        Database::Sqlite(path)
    }
}

impl From<&std::path::PathBuf> for Database {
    fn from(path: &std::path::PathBuf) -> Database {
        Database::Sqlite(path.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backend_follows_the_scheme_and_an_unknown_one_is_refused() {
        assert_eq!(
            Database::parse("dealbench.db"),
            Ok(Database::Sqlite("dealbench.db".into()))
        );
        assert_eq!(
            Database::parse("sqlite:///var/lib/dealbench.db"),
            Ok(Database::Sqlite("/var/lib/dealbench.db".into()))
        );
        for url in [
            "postgres://bench@db1,db2/bench?target_session_attrs=read-write",
            "postgresql://bench:secret@localhost:5432/bench",
        ] {
            assert_eq!(Database::parse(url), Ok(Database::Postgres(url.into())));
        }
        let refused = Database::parse("mysql://bench@localhost/bench").expect_err("mysql");
        assert!(
            refused.starts_with("`mysql://` is not a database"),
            "{refused}"
        );
        assert!(Database::parse("  ").is_err());
    }

    #[test]
    fn a_password_never_reaches_the_logs() {
        let db = Database::parse("postgres://bench:s3cret@db.example.com:5432/bench").expect("url");
        assert_eq!(db.describe(), "postgres://bench@db.example.com:5432/bench");
        let db = Database::parse("postgres://db.example.com/bench").expect("url");
        assert_eq!(db.describe(), "postgres://db.example.com/bench");
    }
}
