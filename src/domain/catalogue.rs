//! The questionnaire catalogue: every published version of the study, so that each
//! stored response is decoded, scored and reported with the version it was answered
//! against, while new respondents get the newest.
//!
//! The catalogue is the folder of the questionnaire file the server is started
//! with: every `*.toml` directly in it (subfolders such as `examples/` are not
//! questionnaires). The file named on the command line gives the study id; the
//! newest version of that id is the one offered to new respondents, whichever of
//! its files was named. Files of other studies in the folder are loaded too (a
//! database may hold responses to them) and must be valid.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::questionnaire::{Questionnaire, QuestionnaireError};

/// What can go wrong loading a catalogue.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// One of the folder's questionnaire files is not valid.
    #[error(transparent)]
    Questionnaire(#[from] QuestionnaireError),
    /// The folder cannot be listed.
    #[error("{folder}: the questionnaire folder cannot be read: {reason}")]
    Folder { folder: PathBuf, reason: String },
    /// Two files publish the same (id, version).
    #[error(
        "{first} and {second} both publish version {version} of `{id}`; give each published change its own version"
    )]
    Duplicate {
        id: String,
        version: u32,
        first: PathBuf,
        second: PathBuf,
    },
}

/// Every questionnaire version known, keyed by (id, version), and the version
/// new respondents are offered.
#[derive(Debug, Clone)]
pub struct Catalogue {
    versions: BTreeMap<(String, u32), Arc<Questionnaire>>,
    current: Arc<Questionnaire>,
    /// The file it was loaded for (its folder holds the versions); `None` for a
    /// questionnaire given in memory (the built-in one).
    source: Option<PathBuf>,
}

impl Catalogue {
    /// A catalogue of one questionnaire (tests, and tools given one file).
    pub fn single(q: Questionnaire) -> Catalogue {
        let q = Arc::new(q);
        let mut versions = BTreeMap::new();
        versions.insert((q.id.clone(), q.version), q.clone());
        Catalogue {
            versions,
            current: q,
            source: None,
        }
    }

    /// Loads every questionnaire in the folder of `file`; the newest version of
    /// `file`'s study id is current.
    ///
    /// # Errors
    /// When the file or any other questionnaire in its folder is invalid, the
    /// folder cannot be listed, or two files publish the same version.
    pub fn load_for(file: &Path) -> Result<Catalogue, CatalogueError> {
        if file.is_dir() {
            return Catalogue::load_folder(file);
        }
        let named = Questionnaire::load(file)?;
        let folder = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let paths = questionnaire_files(&folder)?;
        let mut sources: BTreeMap<(String, u32), PathBuf> = BTreeMap::new();
        let mut versions = BTreeMap::new();
        for path in paths {
            let q = if same_file(&path, file) {
                named.clone()
            } else {
                Questionnaire::load(&path)?
            };
            let key = (q.id.clone(), q.version);
            if let Some(first) = sources.get(&key) {
                return Err(CatalogueError::Duplicate {
                    id: q.id,
                    version: q.version,
                    first: first.clone(),
                    second: path,
                });
            }
            sources.insert(key.clone(), path);
            versions.insert(key, Arc::new(q));
        }
        versions
            .entry((named.id.clone(), named.version))
            .or_insert_with(|| Arc::new(named.clone()));
        let current = versions
            .range((named.id.clone(), 0)..=(named.id.clone(), u32::MAX))
            .next_back()
            .map(|(_, q)| q.clone())
            .unwrap_or_else(|| Arc::new(named));
        Ok(Catalogue {
            versions,
            current,
            source: Some(file.to_path_buf()),
        })
    }

    /// Loads every questionnaire in a folder, which must hold one study (one
    /// `id`): its newest version is current.
    ///
    /// # Errors
    /// As [`Catalogue::load_for`], and when the folder holds no questionnaire or
    /// more than one study (then a file must be named).
    pub fn load_folder(folder: &Path) -> Result<Catalogue, CatalogueError> {
        let paths = questionnaire_files(folder)?;
        let mut ids: Vec<(String, PathBuf)> = Vec::new();
        for path in &paths {
            let q = Questionnaire::load(path)?;
            if !ids.iter().any(|(id, _)| *id == q.id) {
                ids.push((q.id, path.clone()));
            }
        }
        match ids.as_slice() {
            [(_, first)] => Catalogue::load_for(first),
            [] => Err(CatalogueError::Folder {
                folder: folder.to_path_buf(),
                reason: "it holds no questionnaire (no .toml file)".into(),
            }),
            several => Err(CatalogueError::Folder {
                folder: folder.to_path_buf(),
                reason: format!(
                    "it holds {} studies ({}); name the file of the one to serve",
                    several.len(),
                    several
                        .iter()
                        .map(|(id, _)| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }),
        }
    }

    /// The file the catalogue was loaded for, if it came from one.
    pub fn source(&self) -> Option<&Path> {
        self.source.as_deref()
    }

    /// The version offered to new respondents.
    pub fn current(&self) -> &Questionnaire {
        &self.current
    }

    /// One version of a study, if published.
    pub fn get(&self, id: &str, version: u32) -> Option<&Questionnaire> {
        self.versions
            .get(&(id.to_string(), version))
            .map(Arc::as_ref)
    }

    /// Every version of the current study, oldest first.
    pub fn versions_of_current(&self) -> impl Iterator<Item = &Questionnaire> {
        let id = self.current.id.clone();
        self.versions
            .range((id.clone(), 0)..=(id, u32::MAX))
            .map(|(_, q)| q.as_ref())
    }

    /// Every (id, version) in the catalogue.
    pub fn keys(&self) -> impl Iterator<Item = (&str, u32)> {
        self.versions.keys().map(|(id, v)| (id.as_str(), *v))
    }
}

/// The questionnaire files directly in a folder (`*.toml`), sorted so that a
/// duplicate is always reported the same way.
///
/// # Errors
/// `CatalogueError::Folder` when the folder cannot be listed.
pub fn questionnaire_files(folder: &Path) -> Result<Vec<PathBuf>, CatalogueError> {
    let listing = std::fs::read_dir(folder).map_err(|e| CatalogueError::Folder {
        folder: folder.to_path_buf(),
        reason: e.to_string(),
    })?;
    let mut paths: Vec<PathBuf> = listing
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        // `dealbench-v1.de.toml` is the German words of `dealbench-v1.toml`,
        // read with it, not a questionnaire of its own.
        .filter(|p| !is_translation(p))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Whether `path` names a translation file (`NAME.LANG.toml`).
pub fn is_translation(path: &Path) -> bool {
    path.file_stem()
        .map(Path::new)
        .and_then(Path::extension)
        .and_then(|code| code.to_str())
        .is_some_and(|code| crate::language::Language::from_code(code).is_some())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STUDY: &str = include_str!("../../questionnaires/dealbench-v1.toml");

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    #[test]
    fn the_newest_version_of_the_named_study_is_current_and_every_version_is_kept() {
        let dir = std::env::temp_dir().join(format!("catalogue-{}", std::process::id()));
        // Left by an earlier run under the same process id, if any.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("examples")).expect("dir");
        let v1 = write(&dir, "study-v1.toml", STUDY);
        write(
            &dir,
            "study-v2.toml",
            &STUDY.replacen("version = 1\n", "version = 2\n", 1),
        );
        // Not questionnaires: a subfolder's file and another extension.
        write(&dir.join("examples"), "broken.toml", "not a questionnaire");
        write(&dir, "README.md", "# notes");
        let catalogue = Catalogue::load_for(&v1).expect("catalogue");
        assert_eq!(catalogue.current().version, 2);
        assert_eq!(catalogue.get("dealbench", 1).map(|q| q.version), Some(1));
        assert!(catalogue.get("dealbench", 3).is_none());
        assert_eq!(catalogue.versions_of_current().count(), 2);
        // The folder itself serves its one study's newest version.
        let folder = Catalogue::load_folder(&dir).expect("folder");
        assert_eq!(folder.current().version, 2);
        write(
            &dir,
            "other.toml",
            &STUDY.replacen("id = \"dealbench\"", "id = \"other\"", 1),
        );
        let err = Catalogue::load_for(&dir).expect_err("two studies");
        assert!(err.to_string().contains("name the file"), "{err}");
        std::fs::remove_file(dir.join("other.toml")).expect("remove");
        write(&dir, "copy.toml", STUDY);
        let err = Catalogue::load_for(&v1).expect_err("duplicate");
        assert!(err.to_string().contains("both publish version 1"), "{err}");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
