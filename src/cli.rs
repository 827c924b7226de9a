//! The `dealbench` command line: checking and showing questionnaires, scoring answer
//! files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::domain::answers::Completeness;
use std::net::TcpListener;

use crate::domain::ids::ResponseId;
use crate::domain::language::Language;
use crate::domain::peer::PeerStanding;
use crate::domain::report::{Report, ReportInput, ReportedScorecard};
use crate::domain::{AnswerError, Answers, Questionnaire, QuestionnaireError, score};
use crate::pdf::PdfFonts;
use crate::study::Study;
use crate::study::operators::{AccountError, check_name, hash_password};
use crate::study::questionnaires;
use crate::study::records::{DEFAULT_READ_CONNECTIONS, Database, StoreOptions};
use crate::study::{Administration, StudyError};

/// Exit code for invalid input (a broken questionnaire, bad answers).
const EXIT_INVALID: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "dealbench",
    version,
    about = "A self-hosted sales benchmark study"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check or show a questionnaire file.
    #[command(subcommand)]
    Questionnaire(QuestionnaireCommand),
    /// Score an answers file and print the scorecard as JSON.
    Score(ScoreArgs),
    /// Start the web server with its embedded database.
    Serve(ServeArgs),
    /// Fill a database with synthetic respondents, marked as such.
    Demo(DemoArgs),
    /// Write a report as PDF: a stored response's, or an answers file's (scored
    /// without a database, so with no peer group).
    Report(ReportArgs),
    /// Manage the operators who may use the console at /admin.
    #[command(subcommand)]
    Operator(OperatorCommand),
    /// Issue, list and revoke the API keys that scripted submissions need.
    #[command(subcommand, name = "api-key")]
    ApiKey(ApiKeyCommand),
    /// Move the study's data between databases.
    #[command(subcommand)]
    Db(DbCommand),
}

#[derive(Debug, Subcommand)]
enum DbCommand {
    /// Copy a study from its SQLite file into an empty PostgreSQL database:
    /// every response, draft, team, operator, API key and log line, as it is
    /// (reports, exports and pseudonyms read the same after). Stop the server
    /// first: what it stores during the copy would not be copied.
    Copy {
        /// The SQLite file.
        #[arg(long)]
        from: Database,
        /// The PostgreSQL database: postgres://USER:PASSWORD@HOST:PORT/DATABASE.
        #[arg(long)]
        to: Database,
        /// The study's questionnaire file or folder (every version is needed to
        /// bring old rows to the current form first). Default: the questionnaire
        /// built into Dealbench.
        #[arg(long, env = "DEALBENCH_QUESTIONNAIRE")]
        questionnaire: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum ApiKeyCommand {
    /// Issue a new key under a name and print it (it is shown only this once).
    Add {
        /// Letters, digits, '.', '-' or '_': who or what the key is for.
        name: String,
        /// The database: an SQLite file, or a postgres:// URL.
        #[arg(long, default_value = "dealbench.db", env = "DEALBENCH_DB")]
        db: Database,
    },
    /// List the keys issued (names and dates, never the keys).
    List {
        /// The database: an SQLite file, or a postgres:// URL.
        #[arg(long, default_value = "dealbench.db", env = "DEALBENCH_DB")]
        db: Database,
    },
    /// Revoke a key: submissions with it are refused from now on.
    Revoke {
        name: String,
        /// The database: an SQLite file, or a postgres:// URL.
        #[arg(long, default_value = "dealbench.db", env = "DEALBENCH_DB")]
        db: Database,
    },
}

#[derive(Debug, Subcommand)]
enum OperatorCommand {
    /// Add an operator; the password is read from a prompt, or from stdin when it
    /// is not a terminal.
    Add {
        /// Letters, digits, '.', '-' or '_'.
        name: String,
        /// The database: an SQLite file, or a postgres:// URL.
        #[arg(long, default_value = "dealbench.db", env = "DEALBENCH_DB")]
        db: Database,
    },
    /// List the operators.
    List {
        /// The database: an SQLite file, or a postgres:// URL.
        #[arg(long, default_value = "dealbench.db", env = "DEALBENCH_DB")]
        db: Database,
    },
    /// Remove an operator and end their sessions.
    Remove {
        name: String,
        /// The database: an SQLite file, or a postgres:// URL.
        #[arg(long, default_value = "dealbench.db", env = "DEALBENCH_DB")]
        db: Database,
    },
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1", env = "DEALBENCH_BIND")]
    bind: String,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080, env = "DEALBENCH_PORT")]
    port: u16,
    /// The database: an SQLite file (created if missing; one server at a time),
    /// or a postgres:// (or postgresql://) URL of a PostgreSQL server, which
    /// several servers may share.
    #[arg(long, default_value = "dealbench.db", env = "DEALBENCH_DB")]
    db: Database,
    /// The questionnaire file of the study, or a folder holding its versions.
    /// Default: the questionnaire built into Dealbench (`questionnaire copy`
    /// writes an editable copy of it).
    #[arg(long, env = "DEALBENCH_QUESTIONNAIRE")]
    questionnaire: Option<PathBuf>,
    /// When the database has no responses yet, add this many synthetic ones so
    /// that peer comparison works from the first response.
    #[arg(long, default_value_t = 0, env = "DEALBENCH_DEMO")]
    demo: usize,
    /// Questionnaires one address may submit per hour in the browser (it may start
    /// four times as many); 0 for no limit. API submissions need a key instead.
    #[arg(long, default_value_t = 20, env = "DEALBENCH_SUBMISSIONS_PER_HOUR")]
    submissions_per_hour: usize,
    /// Reverse proxies whose X-Forwarded-For header names the client, as a
    /// comma-separated list of addresses or networks (e.g. 127.0.0.1,10.0.0.0/8).
    /// Without it the connection's address is the client's.
    #[arg(long, default_value = "", env = "DEALBENCH_TRUSTED_PROXIES")]
    trusted_proxies: String,
    /// Unfinished questionnaires are deleted after this many days without a save.
    #[arg(long, default_value_t = 30, env = "DEALBENCH_DRAFT_DAYS")]
    draft_days: u32,
    /// The address respondents use to reach the site, e.g. https://bench.example:
    /// every absolute link is built from it, and with https the server sends HSTS
    /// and uses __Host- cookies. Default: http://BIND:PORT.
    #[arg(long, env = "DEALBENCH_PUBLIC_URL")]
    public_url: Option<String>,
    /// Seconds a client has to send a request body once its headers are in (408
    /// after).
    #[arg(long, default_value_t = 10, env = "DEALBENCH_BODY_TIMEOUT")]
    body_timeout: u64,
    /// Seconds a client has to send a request's headers (408 after).
    #[arg(long, default_value_t = 5, env = "DEALBENCH_HEADER_TIMEOUT")]
    header_timeout: u64,
    /// Seconds an answer may wait for a client that does not read it (or does
    /// not acknowledge it) before the connection is closed.
    #[arg(long, default_value_t = 30, env = "DEALBENCH_WRITE_TIMEOUT")]
    write_timeout: u64,
    /// Open connections accepted in all; more wait to be accepted. Set the file
    /// limit (ulimit -n) above this plus 64.
    #[arg(long, default_value_t = 1000, env = "DEALBENCH_MAX_CONNECTIONS")]
    max_connections: usize,
    /// Open connections allowed from one client address (503 beyond; 0: no cap).
    /// Behind a reverse proxy every client has the proxy's address.
    #[arg(
        long,
        default_value_t = 256,
        env = "DEALBENCH_MAX_CONNECTIONS_PER_ADDRESS"
    )]
    max_connections_per_address: usize,
    /// Database read connections open at most; further readers wait for one.
    #[arg(long, default_value_t = DEFAULT_READ_CONNECTIONS, env = "DEALBENCH_READ_CONNECTIONS")]
    read_connections: usize,
    /// The most MiB the database may grow to; beyond, submissions get 503 as on a
    /// full disk. Default: no limit but the disk's.
    #[arg(long, env = "DEALBENCH_MAX_DB_MB")]
    max_db_mb: Option<u64>,
    /// The SMTP server for the emails respondents ask for (report link, team
    /// report ready, reminder to assess again), e.g. smtp://localhost:25 or
    /// smtps://user:password@mail.example.com. Without it no email is offered.
    #[arg(long, env = "DEALBENCH_SMTP_URL")]
    smtp_url: Option<String>,
    /// The sender of those emails.
    #[arg(
        long,
        default_value = "Dealbench <dealbench@localhost>",
        env = "DEALBENCH_SMTP_FROM"
    )]
    smtp_from: String,
    /// Emails all respondents together may ask for within an hour (report links,
    /// team notices, reminders); past it, pages say when to try again. Each report
    /// may ask for 3 an hour and each client address for 10 an hour whatever
    /// this says. 0: no bound in all.
    #[arg(
        long,
        default_value_t = crate::study::outbox::DEFAULT_PER_HOUR,
        env = "DEALBENCH_EMAILS_PER_HOUR"
    )]
    emails_per_hour: u32,
}

#[derive(Debug, Args)]
struct ReportArgs {
    /// The response's id (the UUID of its report link).
    #[arg(required_unless_present = "answers", conflicts_with = "answers")]
    id: Option<String>,
    /// Score this answers file instead of reading a stored response.
    #[arg(long)]
    answers: Option<PathBuf>,
    /// Where to write the PDF.
    #[arg(long)]
    pdf: PathBuf,
    /// The database: an SQLite file, or a postgres:// URL.
    #[arg(long, default_value = "dealbench.db", env = "DEALBENCH_DB")]
    db: Database,
    /// The questionnaire file of the study, or a folder holding its versions.
    /// Default: the questionnaire built into Dealbench (`questionnaire copy`
    /// writes an editable copy of it).
    #[arg(long, env = "DEALBENCH_QUESTIONNAIRE")]
    questionnaire: Option<PathBuf>,
    /// The language to write it in (en, de, fr, es: one the questionnaire has).
    /// Default: the one the response was answered in; English for an answers
    /// file.
    #[arg(long)]
    lang: Option<String>,
}

#[derive(Debug, Args)]
struct DemoArgs {
    /// How many synthetic respondents to add.
    #[arg(long)]
    respondents: usize,
    /// The database: an SQLite file (created if missing; one server at a time),
    /// or a postgres:// (or postgresql://) URL of a PostgreSQL server, which
    /// several servers may share.
    #[arg(long, default_value = "dealbench.db", env = "DEALBENCH_DB")]
    db: Database,
    /// The questionnaire file of the study, or a folder holding its versions.
    /// Default: the questionnaire built into Dealbench (`questionnaire copy`
    /// writes an editable copy of it).
    #[arg(long, env = "DEALBENCH_QUESTIONNAIRE")]
    questionnaire: Option<PathBuf>,
    /// Seed of the generator (the same seed gives the same respondents).
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(Debug, Subcommand)]
enum QuestionnaireCommand {
    /// Validate a questionnaire: exit 0, or list every problem and exit 2.
    Check {
        /// The questionnaire file, or a folder whose every version is checked
        /// (default: the built-in questionnaire).
        #[arg(env = "DEALBENCH_QUESTIONNAIRE")]
        file: Option<PathBuf>,
    },
    /// Print the loaded questionnaire (ids, kinds, options with scores, weights,
    /// sections).
    Show {
        /// Print JSON (the only format; kept explicit for scripts).
        #[arg(long)]
        json: bool,
        /// The questionnaire file or folder (default: the built-in questionnaire).
        #[arg(env = "DEALBENCH_QUESTIONNAIRE")]
        file: Option<PathBuf>,
    },
    /// Write an editable copy of the built-in questionnaire, with its README and
    /// example answers, into a folder (created if missing); then serve it with
    /// `--questionnaire FOLDER/dealbench-v1.toml`. Refuses to overwrite a file.
    Copy {
        /// The folder to write into.
        folder: PathBuf,
    },
}

#[derive(Debug, Args)]
struct ScoreArgs {
    /// The answers, a JSON object of item id to option id, number or text.
    answers: PathBuf,
    /// The questionnaire the answers belong to (default: the built-in one).
    #[arg(long, env = "DEALBENCH_QUESTIONNAIRE")]
    questionnaire: Option<PathBuf>,
}

/// What can go wrong on the command line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The questionnaire file is invalid: every problem is listed.
    #[error("{0}")]
    Questionnaire(#[from] QuestionnaireError),
    /// The answers do not fit the questionnaire: every problem is listed.
    #[error("{file}: the answers have problems:\n{source}")]
    Answers { file: String, source: AnswerError },
    #[error("{file}: {message}")]
    Input { file: String, message: String },
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("{0}")]
    Study(#[from] StudyError),
    /// The questionnaire folder holds an invalid or duplicate version.
    #[error("{0}")]
    Catalogue(#[from] crate::domain::CatalogueError),
    #[error("{0}")]
    Account(#[from] AccountError),
    #[error("{0}")]
    Operator(String),
    /// A setting of `serve` that cannot be used.
    #[error("{0}")]
    Setting(String),
    /// An editable copy of the questionnaire was not written.
    #[error("{0}")]
    Copy(#[from] crate::study::questionnaires::CopyError),
    #[error("cannot start the server on {address}: {source}")]
    Serve {
        address: String,
        source: std::io::Error,
    },
}

impl CliError {
    fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Output(_) | CliError::Study(_) | CliError::Serve { .. } => ExitCode::FAILURE,
            _ => ExitCode::from(EXIT_INVALID),
        }
    }
}

/// Parses the arguments, runs the command and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`dealbench score FILE | head`): what it did not
        // take is not wanted, so the command ends quietly.
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            e.exit_code()
        }
    }
}

fn execute(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Questionnaire(QuestionnaireCommand::Check { file }) => check(file.as_deref()),
        Command::Questionnaire(QuestionnaireCommand::Show { file, .. }) => {
            let q = questionnaires::questionnaire(file.as_deref())?;
            print_json(&q)
        }
        Command::Questionnaire(QuestionnaireCommand::Copy { folder }) => {
            let written = questionnaires::write_copy(&folder)?;
            for path in &written {
                say(format_args!("{}", path.display()))?;
            }
            say(format_args!(
                "Edit it, check it with `dealbench questionnaire check {0}`, and serve it with `dealbench serve --questionnaire {0}`.",
                folder.join(questionnaires::SHIPPED_FILE).display()
            ))
        }
        Command::Score(args) => {
            let q = questionnaires::questionnaire(args.questionnaire.as_deref())?;
            let answers = read_answers(&q, &args.answers)?;
            let card = score(&q, &answers);
            // Without peers; the actions in the words of the report, as the API
            // gives them.
            let today = crate::study::today();
            let standing = PeerStanding::none(&today);
            let report = Report::build(&ReportInput {
                questionnaire: &q,
                answers: &answers,
                scorecard: &card,
                standing: &standing,
                submitted_on: &today,
            });
            print_json(&ReportedScorecard::new(&card, &report))
        }
        Command::Serve(args) => serve(args),
        Command::Operator(command) => operator(command),
        Command::ApiKey(command) => api_key(command),
        Command::Db(DbCommand::Copy {
            from,
            to,
            questionnaire,
        }) => {
            let catalogue = questionnaires::catalogue(questionnaire.as_deref())?;
            let copied =
                block_on(async { Ok(Administration::copy_study(&from, &to, catalogue).await?) })?;
            let said: Vec<String> = copied
                .iter()
                .map(|(table, rows)| format!("{rows} {}", table.replace('_', " ")))
                .collect();
            say(format_args!(
                "{} copied into {}: {}",
                from.describe(),
                to.describe(),
                said.join(", ")
            ))
        }
        Command::Report(args) => report(args),
        Command::Demo(args) => {
            let catalogue = questionnaires::catalogue(args.questionnaire.as_deref())?;
            block_on(async move {
                let study =
                    Study::open_catalogue(catalogue, args.db.clone(), &StoreOptions::default())
                        .await?;
                let n = study.add_synthetic(args.respondents, args.seed).await?;
                say(format_args!(
                    "{}: added {n} synthetic respondents ({} responses in all)",
                    args.db.describe(),
                    study.response_count().await?
                ))
            })
        }
    }
}

/// `questionnaire check`: one file, the built-in questionnaire, or every file of
/// a folder (each problem of each file listed).
fn check(named: Option<&Path>) -> Result<(), CliError> {
    let fonts = PdfFonts::load().map_err(|e| CliError::Operator(e.to_string()))?;
    let ok = |source: &str, q: &Questionnaire| {
        drawable(source, q, &fonts)?;
        say(format_args!(
            "{source}: ok ({} v{}: {} items in {} sections; languages {})",
            q.id,
            q.version,
            q.items.len(),
            q.sections.len(),
            q.languages()
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    };
    match named {
        Some(folder) if folder.is_dir() => {
            let files = questionnaires::folder_files(folder)?;
            let mut problems = Vec::new();
            for file in &files {
                match &file.loaded {
                    Ok(q) => {
                        if let Err(e) = ok(&file.path.display().to_string(), q) {
                            problems.push(e.to_string());
                        }
                    }
                    Err(e) => problems.push(e.to_string()),
                }
            }
            if files.is_empty() {
                problems.push(format!(
                    "{}: no questionnaire (.toml) file",
                    folder.display()
                ));
            }
            if problems.is_empty() {
                // Versions that collide are a problem only the whole folder shows.
                crate::domain::Catalogue::load_folder(folder)?;
                Ok(())
            } else {
                Err(CliError::Operator(problems.join("\n")))
            }
        }
        Some(file) => ok(&file.display().to_string(), &Questionnaire::load(file)?),
        None => ok(
            questionnaires::SHIPPED_SOURCE,
            &questionnaires::questionnaire(None)?,
        ),
    }
}

/// Refuses a translation with a character the report's PDF fonts cannot draw,
/// naming each with its place.
fn drawable(source: &str, q: &Questionnaire, fonts: &PdfFonts) -> Result<(), CliError> {
    let mut problems = Vec::new();
    for (language, translated) in &q.translations {
        for (place, text) in crate::domain::questionnaire::translation::places(translated) {
            for c in fonts.cannot_draw(&text) {
                problems.push(format!(
                    "{source} ({language}): {place}: the PDF's fonts cannot draw \u{201c}{c}\u{201d} (U+{:04X})",
                    u32::from(c)
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CliError::Operator(problems.join("\n")))
    }
}

fn report(args: ReportArgs) -> Result<(), CliError> {
    let q = questionnaires::questionnaire(args.questionnaire.as_deref())?;
    let offered = q.languages();
    let language = args
        .lang
        .as_deref()
        .map(|code| {
            Language::from_code(code)
                .filter(|l| offered.contains(l))
                .ok_or_else(|| {
                    let codes: Vec<&str> = offered.iter().map(|l| l.code()).collect();
                    CliError::Operator(format!(
                        "--lang {code}: the questionnaire is written in {}",
                        codes.join(", ")
                    ))
                })
        })
        .transpose()?;
    let today = crate::study::today();
    let report = match (&args.answers, &args.id) {
        (Some(file), _) => {
            let answers = read_answers(&q, file)?;
            let card = score(&q, &answers);
            let standing = PeerStanding::none(&today);
            Report::build(&ReportInput {
                questionnaire: q.in_language(language.unwrap_or(Language::English)),
                answers: &answers,
                scorecard: &card,
                standing: &standing,
                submitted_on: &today,
            })
        }
        (None, Some(id)) => {
            let id = ResponseId::parse(id)
                .ok_or_else(|| CliError::Operator(format!("{id} is not a response id")))?;
            if let Database::Sqlite(path) = &args.db
                && !path.exists()
            {
                return Err(CliError::Operator(format!(
                    "{}: no such database",
                    path.display()
                )));
            }
            // Every version in the questionnaire's folder, so that the response is
            // read with its own; the peer figures (not needed here) load beside.
            let catalogue = questionnaires::catalogue(args.questionnaire.as_deref())?;
            let db = args.db.clone();
            block_on(async move {
                let study = Study::open_loading_in_background(
                    catalogue,
                    db.clone(),
                    &StoreOptions::default(),
                )
                .await?;
                let report = study.report(&id, language).await?;
                report.ok_or_else(|| {
                    CliError::Operator(format!("no response {id} in {}", db.describe()))
                })
            })?
            .report
        }
        (None, None) => {
            return Err(CliError::Operator(
                "give a response id or --answers FILE".into(),
            ));
        }
    };
    let fonts = PdfFonts::load().map_err(|e| CliError::Operator(e.to_string()))?;
    let bytes = crate::pdf::render(&report, &fonts, &today)
        .map_err(|e| CliError::Operator(e.to_string()))?;
    std::fs::write(&args.pdf, &bytes)?;
    say(format_args!(
        "{}: report written ({} bytes)",
        args.pdf.display(),
        bytes.len()
    ))
}

fn operator(command: OperatorCommand) -> Result<(), CliError> {
    match command {
        OperatorCommand::Add { name, db } => {
            check_name(&name)?;
            let password = read_password()?;
            let hash = hash_password(&password)?;
            if block_on(async {
                Ok(Administration::open(db)
                    .await?
                    .add_operator(&name, &hash)
                    .await?)
            })? {
                say(format_args!("operator {name} added"))
            } else {
                Err(CliError::Operator(format!(
                    "an operator named {name} already exists"
                )))
            }
        }
        OperatorCommand::List { db } => {
            for (name, created) in
                block_on(async { Ok(Administration::open(db).await?.operators().await?) })?
            {
                say(format_args!("{name}\tadded {created}"))?;
            }
            Ok(())
        }
        OperatorCommand::Remove { name, db } => {
            if block_on(async {
                Ok(Administration::open(db)
                    .await?
                    .remove_operator(&name)
                    .await?)
            })? {
                say(format_args!("operator {name} removed"))
            } else {
                Err(CliError::Operator(format!(
                    "there is no operator named {name}"
                )))
            }
        }
    }
}

/// A new password: typed twice at a terminal, or one line of stdin.
fn read_password() -> Result<String, CliError> {
    use std::io::{BufRead, IsTerminal};
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Password again: ")?;
        if first != again {
            return Err(CliError::Operator("the passwords differ".into()));
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

fn api_key(command: ApiKeyCommand) -> Result<(), CliError> {
    match command {
        ApiKeyCommand::Add { name, db } => {
            check_name(&name)?;
            let issued = block_on(async {
                Ok(Administration::open(db).await?.issue_api_key(&name).await?)
            })?;
            let Some(key) = issued else {
                return Err(CliError::Operator(format!(
                    "an API key named `{name}` exists already: revoke it or choose another name"
                )));
            };
            eprintln!(
                "API key `{name}` issued. Send it as `Authorization: Bearer KEY`; it is not shown again:"
            );
            say(format_args!("{key}"))
        }
        ApiKeyCommand::List { db } => {
            for k in block_on(async { Ok(Administration::open(db).await?.api_keys().await?) })? {
                match k.revoked_at {
                    Some(at) => say(format_args!(
                        "{}\tissued {}\trevoked {at}",
                        k.name, k.created_at
                    ))?,
                    None => say(format_args!("{}\tissued {}", k.name, k.created_at))?,
                }
            }
            Ok(())
        }
        ApiKeyCommand::Revoke { name, db } => {
            if block_on(async {
                Ok(Administration::open(db)
                    .await?
                    .revoke_api_key(&name)
                    .await?)
            })? {
                say(format_args!("API key `{name}` revoked"))
            } else {
                Err(CliError::Operator(format!(
                    "no active API key named `{name}`"
                )))
            }
        }
    }
}

fn serve(args: ServeArgs) -> Result<(), CliError> {
    use std::io::IsTerminal;
    // Logs go to stderr, coloured only for a person at a terminal: a log file or a
    // journal gets plain text.
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let public_url = match &args.public_url {
        Some(raw) => Some(
            crate::web::PublicUrl::parse(raw)
                .map_err(|e| CliError::Setting(format!("--public-url: {e}")))?,
        ),
        None => None,
    };
    if args.read_connections == 0 {
        return Err(CliError::Setting(
            "--read-connections: give at least 1".into(),
        ));
    }
    // Every questionnaire in the file's folder, so that each stored response is
    // read with its own version; the newest version of the file's study is served.
    let catalogue = questionnaires::catalogue(args.questionnaire.as_deref())?;
    let options = StoreOptions {
        read_connections: args.read_connections,
        max_size_bytes: args.max_db_mb.map(|mb| mb.saturating_mul(1024 * 1024)),
        serve: true,
        ..StoreOptions::default()
    };
    let trusted_proxies = crate::web::client::TrustedProxies::parse(&args.trusted_proxies)
        .map_err(|e| CliError::Setting(format!("--trusted-proxies: {e}")))?;
    let address = format!("{}:{}", args.bind, args.port);
    let served = address.clone();
    actix_web::rt::System::new().block_on(async move {
        // The server answers at once; the peer figures load beside it.
        let study = Study::open_loading_in_background(catalogue, args.db.clone(), &options).await?;
        if args.demo > 0 && study.response_count().await? == 0 {
            // An empty database loads at once.
            study.wait_loaded(crate::study::LOAD_WAIT).await?;
            let n = study.add_synthetic(args.demo, 1).await?;
            tracing::info!(respondents = n, "added synthetic respondents (demo data)");
        }
        let listener = TcpListener::bind(&address).map_err(|source| CliError::Serve {
            address: address.clone(),
            source,
        })?;
        let local = listener.local_addr()?;
        let public_url = match public_url {
            Some(url) => url,
            None => {
                if local.ip().is_unspecified() {
                    tracing::warn!(
                        "listening on every address without --public-url: links will name {}, which respondents cannot open",
                        args.bind
                    );
                }
                crate::web::PublicUrl::from_bind(&args.bind, local.port())
                    .map_err(|e| CliError::Setting(format!("--bind: {e}")))?
            }
        };
        let settings = crate::web::Settings {
            public_url,
            email: crate::study::outbox::EmailSettings {
                smtp_url: args.smtp_url.filter(|u| !u.trim().is_empty()),
                from: args.smtp_from,
                per_hour: args.emails_per_hour,
                ..crate::study::outbox::EmailSettings::default()
            },
            integrity: crate::web::Integrity {
                trusted_proxies,
                submissions_per_hour: args.submissions_per_hour,
                draft_days: f64::from(args.draft_days.max(1)),
            },
            limits: crate::web::Limits {
                body_deadline: std::time::Duration::from_secs(args.body_timeout.max(1)),
                header_deadline: std::time::Duration::from_secs(args.header_timeout.max(1)),
                write_deadline: std::time::Duration::from_secs(args.write_timeout.max(1)),
                connections_per_address: args.max_connections_per_address,
                max_connections: args.max_connections.max(1),
            },
        };
        tracing::info!(db = %args.db.describe(), public_url = %settings.public_url, "database ready");
        let server = crate::web::serve_with(listener, study, settings).map_err(|source| {
            CliError::Serve {
                address: served.clone(),
                source,
            }
        })?;
        // A closed stdout does not stop the server: the log says the same.
        let _ = say(format_args!("Dealbench is running at http://{local}/"));
        server.await.map_err(|source| CliError::Serve {
            address: served,
            source,
        })
    })
}

/// Runs a command's database work to its end, on a runtime of its own.
fn block_on<T>(
    work: impl std::future::Future<Output = Result<T, CliError>>,
) -> Result<T, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?
        .block_on(work)
}

fn print_json(value: &impl serde::Serialize) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    say(format_args!("{text}"))
}

/// Writes one line to stdout. Unlike `println!`, a reader that went away is an
/// error returned (a broken pipe, ended quietly by [`run`]), never a panic.
fn say(line: std::fmt::Arguments<'_>) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_fmt(line)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// Reads and checks an answers file against a questionnaire.
///
/// # Errors
/// `CliError::Input` when the file cannot be read or is not JSON,
/// `CliError::Answers` listing every problem with the answers.
pub fn read_answers(q: &Questionnaire, path: &Path) -> Result<Answers, CliError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| CliError::Input {
        file: file.clone(),
        message: format!("cannot be read: {e}"),
    })?;
    // The reader the API uses: a key given twice is refused, named.
    let json = crate::domain::answers::parse_json(&bytes).map_err(|e| CliError::Input {
        file: file.clone(),
        message: format!("is not valid JSON: {e}"),
    })?;
    Answers::from_submitted_json(q, &json, Completeness::Final)
        .map_err(|source| CliError::Answers { file, source })
}
