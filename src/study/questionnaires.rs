//! The questionnaire files of a study: the shipped questionnaire carried inside the
//! binary (the default, so that Dealbench runs from any folder), an editable copy
//! of it written for an operator, the example personas, and an operator's folder
//! read as it stands on disk for review.

use std::path::{Path, PathBuf};

use crate::domain::answers::{Answer, AnswerError, Answers, Completeness};
use crate::domain::language::Language;
use crate::domain::peer::PeerStanding;
use crate::domain::report::{Report, ReportInput};
use crate::domain::{Catalogue, CatalogueError, Questionnaire, QuestionnaireError, score};

use super::Study;

/// The name of the shipped questionnaire's file.
pub const SHIPPED_FILE: &str = "dealbench-v1.toml";
/// The shipped questionnaire.
pub const SHIPPED: &str = include_str!("../../questionnaires/dealbench-v1.toml");
/// The shipped questionnaire's translations: (language, file name, text).
pub const SHIPPED_TRANSLATIONS: &[(Language, &str, &str)] = &[
    (
        Language::German,
        "dealbench-v1.de.toml",
        include_str!("../../questionnaires/dealbench-v1.de.toml"),
    ),
    (
        Language::French,
        "dealbench-v1.fr.toml",
        include_str!("../../questionnaires/dealbench-v1.fr.toml"),
    ),
    (
        Language::Spanish,
        "dealbench-v1.es.toml",
        include_str!("../../questionnaires/dealbench-v1.es.toml"),
    ),
];
/// The guide to the questionnaire file, copied beside it.
const SHIPPED_README: &str = include_str!("../../questionnaires/README.md");

/// The example personas: (name, answers as JSON), in the order the console offers them.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "strong-company",
        include_str!("../../questionnaires/examples/strong-company.json"),
    ),
    (
        "average-company",
        include_str!("../../questionnaires/examples/average-company.json"),
    ),
    (
        "weak-company",
        include_str!("../../questionnaires/examples/weak-company.json"),
    ),
    (
        "mixed-vp-of-sales",
        include_str!("../../questionnaires/examples/mixed-vp-of-sales.json"),
    ),
    (
        "mixed-vp-of-sales-again",
        include_str!("../../questionnaires/examples/mixed-vp-of-sales-again.json"),
    ),
    (
        "junior-rep",
        include_str!("../../questionnaires/examples/junior-rep.json"),
    ),
    (
        "dont-know-key-areas",
        include_str!("../../questionnaires/examples/dont-know-key-areas.json"),
    ),
    (
        "partial-answers",
        include_str!("../../questionnaires/examples/partial-answers.json"),
    ),
    (
        "partial-numbers",
        include_str!("../../questionnaires/examples/partial-numbers.json"),
    ),
    (
        "german-vp-of-sales",
        include_str!("../../questionnaires/examples/german-vp-of-sales.json"),
    ),
    (
        "french-sales-manager",
        include_str!("../../questionnaires/examples/french-sales-manager.json"),
    ),
];

/// How the shipped questionnaire is named in messages (it has no file).
pub const SHIPPED_SOURCE: &str = "dealbench-v1.toml (built in)";

/// The shipped questionnaire, parsed.
///
/// # Errors
/// Only for a broken build (the tests load it).
pub fn shipped() -> Result<Questionnaire, QuestionnaireError> {
    let files: Vec<(Language, String, String)> = SHIPPED_TRANSLATIONS
        .iter()
        .map(|(l, name, text)| (*l, format!("{name} (built in)"), (*text).to_string()))
        .collect();
    Questionnaire::from_toml(SHIPPED_SOURCE, SHIPPED)?.with_translations(&files)
}

/// The catalogue of a study: the operator's file or folder when one is named,
/// else the shipped questionnaire alone.
///
/// # Errors
/// As [`Catalogue::load_for`].
pub fn catalogue(named: Option<&Path>) -> Result<Catalogue, CatalogueError> {
    match named {
        Some(path) => Catalogue::load_for(path),
        None => Ok(Catalogue::single(shipped()?)),
    }
}

/// The questionnaire a tool uses: the file named (or the current version of the
/// folder named), else the shipped one.
///
/// # Errors
/// As [`Catalogue::load_for`].
pub fn questionnaire(named: Option<&Path>) -> Result<Questionnaire, CatalogueError> {
    match named {
        Some(path) if path.is_dir() => Ok(Catalogue::load_folder(path)?.current().clone()),
        Some(path) => Ok(Questionnaire::load(path)?),
        None => Ok(shipped()?),
    }
}

/// Why an editable copy was not written.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    /// Files of that name exist there already: nothing was written.
    #[error(
        "{folder}: {} exist(s) already; nothing was written (choose an empty folder, or move those files away)",
        .existing.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    Exists {
        folder: PathBuf,
        existing: Vec<PathBuf>,
    },
    #[error("{path}: cannot be written: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The files of an editable copy, relative to its folder, with their contents.
pub fn copy_files() -> Vec<(PathBuf, &'static str)> {
    let mut files = vec![
        (PathBuf::from(SHIPPED_FILE), SHIPPED),
        (PathBuf::from("README.md"), SHIPPED_README),
    ];
    for (_, name, text) in SHIPPED_TRANSLATIONS {
        files.push((PathBuf::from(name), *text));
    }
    for (name, text) in EXAMPLES {
        files.push((Path::new("examples").join(format!("{name}.json")), *text));
    }
    files
}

/// Writes an editable copy of the shipped questionnaire, its README and its
/// examples into `folder` (created if missing). Refuses, writing nothing, when
/// any of those files exists there already. Returns the files written.
///
/// # Errors
/// [`CopyError::Exists`] naming every file in the way; [`CopyError::Write`] when
/// the folder or a file cannot be written.
pub fn write_copy(folder: &Path) -> Result<Vec<PathBuf>, CopyError> {
    let files = copy_files();
    let existing: Vec<PathBuf> = files
        .iter()
        .map(|(rel, _)| folder.join(rel))
        .filter(|p| p.exists())
        .collect();
    if !existing.is_empty() {
        return Err(CopyError::Exists {
            folder: folder.to_path_buf(),
            existing,
        });
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = folder.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| CopyError::Write {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        // create_new: a file appearing meanwhile is not overwritten either.
        let result = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
        result.map_err(|source| CopyError::Write {
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

/// One questionnaire file of an operator's folder as it stands on disk now.
#[derive(Debug)]
pub struct FolderFile {
    pub path: PathBuf,
    /// The questionnaire, or every problem `questionnaire check` reports.
    pub loaded: Result<Questionnaire, String>,
}

/// Every questionnaire file in the folder of `named` (or in `named`, a folder),
/// each loaded and checked now: the operator may have edited them since start.
///
/// # Errors
/// When the folder cannot be listed.
pub fn folder_files(named: &Path) -> Result<Vec<FolderFile>, CatalogueError> {
    let folder = if named.is_dir() {
        named.to_path_buf()
    } else {
        match named.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    Ok(crate::domain::catalogue::questionnaire_files(&folder)?
        .into_iter()
        .map(|path| FolderFile {
            loaded: Questionnaire::load(&path).map_err(|e| e.to_string()),
            path,
        })
        .collect())
}

/// An example persona's answers, read against `q` as a finished questionnaire.
///
/// # Errors
/// `None` for an unknown persona; the answers' problems when they do not fit `q`.
pub fn example_answers(q: &Questionnaire, name: &str) -> Option<Result<Answers, AnswersFileError>> {
    let (_, text) = EXAMPLES.iter().find(|(n, _)| *n == name)?;
    Some(answers_from_json(q, text.as_bytes()))
}

/// Why an answers file gives no answers.
#[derive(Debug, thiserror::Error)]
pub enum AnswersFileError {
    /// Not JSON, or a key given twice: where the reader stopped.
    #[error("the file is not valid JSON: {reason}")]
    NotJson {
        reason: String,
        line: usize,
        column: usize,
    },
    /// JSON whose answers do not fit the questionnaire: every problem.
    #[error("{0}")]
    Invalid(AnswerError),
}

/// Answers from a JSON file's bytes (the API's reader: a key given twice is
/// refused), read against `q` as a finished questionnaire.
///
/// # Errors
/// The JSON's first problem, or every problem with the answers.
pub fn answers_from_json(q: &Questionnaire, bytes: &[u8]) -> Result<Answers, AnswersFileError> {
    let json =
        crate::domain::answers::parse_json(bytes).map_err(|e| AnswersFileError::NotJson {
            reason: e.to_string(),
            line: e.line(),
            column: e.column(),
        })?;
    Answers::from_submitted_json(q, &json, Completeness::Final).map_err(AnswersFileError::Invalid)
}

impl Study {
    /// The report answers would get against `q`, stored nowhere. Against a
    /// version of the running study, the respondent is placed among the live
    /// peer figures (read, never changed: the preview counts toward nothing);
    /// against another study there is no peer group.
    pub async fn preview(
        &self,
        q: &Questionnaire,
        answers: &Answers,
        language: Language,
    ) -> Report {
        let today = super::today();
        let mut scorecard = score(q, answers);
        let standing = if q.id == self.questionnaire.id {
            let profile = q
                .dimensions()
                .filter_map(|(dim, item)| {
                    let pos = q.item_position(&item.id)?;
                    match answers.get(pos)? {
                        Answer::Option(i) => Some((dim.to_string(), item.options[*i].id.clone())),
                        _ => None,
                    }
                })
                .collect();
            self.with_peers(|peers| peers.standing(&profile, &scorecard, &today))
                .await
        } else {
            PeerStanding::none(&today)
        };
        scorecard.benchmark_against(q, &standing.tops);
        Report::build(&ReportInput {
            questionnaire: q.in_language(language),
            answers,
            scorecard: &scorecard,
            standing: &standing,
            submitted_on: &today,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_questionnaire_loads_and_every_example_fits_it() {
        let q = shipped().expect("shipped");
        assert_eq!(q.id, "dealbench");
        for (name, _) in EXAMPLES {
            example_answers(&q, name)
                .expect("known")
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        assert!(example_answers(&q, "nobody").is_none());
    }

    #[test]
    fn the_examples_listed_are_the_examples_shipped() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/examples");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .expect("examples")
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                e.path()
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
            })
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = EXAMPLES.iter().map(|(n, _)| n.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }

    #[test]
    fn a_copy_refuses_to_overwrite_and_writes_nothing_then() {
        let dir = tempfile::tempdir().expect("dir");
        let folder = dir.path().join("study");
        let written = write_copy(&folder).expect("copy");
        assert_eq!(written.len(), copy_files().len());
        let copied = Catalogue::load_for(&folder.join(SHIPPED_FILE)).expect("valid copy");
        assert_eq!(copied.current().id, "dealbench");
        // A second copy into the same folder is refused; an edited file survives.
        std::fs::write(folder.join(SHIPPED_FILE), "edited").expect("edit");
        std::fs::remove_file(folder.join("README.md")).expect("remove");
        let err = write_copy(&folder).expect_err("refused");
        assert!(matches!(err, CopyError::Exists { .. }), "{err}");
        assert_eq!(
            std::fs::read_to_string(folder.join(SHIPPED_FILE)).expect("read"),
            "edited"
        );
        assert!(!folder.join("README.md").exists(), "nothing written");
    }

    #[test]
    fn a_folder_is_read_as_it_stands_with_each_files_problems() {
        let dir = tempfile::tempdir().expect("dir");
        write_copy(dir.path()).expect("copy");
        std::fs::write(
            dir.path().join("dealbench-v2.toml"),
            SHIPPED.replacen("version = 1\n", "version = 2\nbogus = 1\n", 1),
        )
        .expect("write");
        let files = folder_files(&dir.path().join(SHIPPED_FILE)).expect("folder");
        assert_eq!(files.len(), 2, "the examples folder holds no version");
        assert!(files[0].loaded.is_ok());
        let problems = files[1].loaded.as_ref().expect_err("broken");
        assert!(problems.contains("dealbench-v2.toml"), "{problems}");
        assert_eq!(folder_files(dir.path()).expect("folder").len(), 2);
    }
}
