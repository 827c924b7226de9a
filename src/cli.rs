//! The `dealbench` command line: checking and showing questionnaires, scoring answer
//! files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::domain::answers::Completeness;
use crate::domain::{AnswerError, Answers, Questionnaire, QuestionnaireError, score};

/// The questionnaire used when none is named.
pub const DEFAULT_QUESTIONNAIRE: &str = "questionnaires/dealbench-v1.toml";

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
}

#[derive(Debug, Subcommand)]
enum QuestionnaireCommand {
    /// Validate a questionnaire: exit 0, or list every problem and exit 2.
    Check {
        /// The questionnaire file.
        #[arg(default_value = DEFAULT_QUESTIONNAIRE, env = "DEALBENCH_QUESTIONNAIRE")]
        file: PathBuf,
    },
    /// Print the loaded questionnaire (ids, kinds, options with scores, weights,
    /// sections).
    Show {
        /// Print JSON (the only format; kept explicit for scripts).
        #[arg(long)]
        json: bool,
        /// The questionnaire file.
        #[arg(default_value = DEFAULT_QUESTIONNAIRE, env = "DEALBENCH_QUESTIONNAIRE")]
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
struct ScoreArgs {
    /// The answers, a JSON object of item id to option id, number or text.
    answers: PathBuf,
    /// The questionnaire the answers belong to.
    #[arg(long, default_value = DEFAULT_QUESTIONNAIRE, env = "DEALBENCH_QUESTIONNAIRE")]
    questionnaire: PathBuf,
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
}

impl CliError {
    fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Output(_) => ExitCode::FAILURE,
            _ => ExitCode::from(EXIT_INVALID),
        }
    }
}

/// Parses the arguments, runs the command and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            e.exit_code()
        }
    }
}

fn execute(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Questionnaire(QuestionnaireCommand::Check { file }) => {
            let q = Questionnaire::load(&file)?;
            println!(
                "{}: ok ({} v{}: {} items in {} sections)",
                file.display(),
                q.id,
                q.version,
                q.items.len(),
                q.sections.len()
            );
            Ok(())
        }
        Command::Questionnaire(QuestionnaireCommand::Show { file, .. }) => {
            let q = Questionnaire::load(&file)?;
            print_json(&q)
        }
        Command::Score(args) => {
            let q = Questionnaire::load(&args.questionnaire)?;
            let answers = read_answers(&q, &args.answers)?;
            print_json(&score(&q, &answers))
        }
    }
}

fn print_json(value: &impl serde::Serialize) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    println!("{text}");
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
    let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| CliError::Input {
        file: file.clone(),
        message: format!("is not valid JSON: {e}"),
    })?;
    Answers::from_json(q, &json, Completeness::Final)
        .map_err(|source| CliError::Answers { file, source })
}
