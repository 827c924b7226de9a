//! The domain core of Dealbench: the questionnaire model, answers, scoring, sales
//! velocity, peer statistics and the report model.
//!
//! Plain Rust, in a crate of its own: HTTP, SQLite and PDF crates are not its
//! dependencies, so the compiler keeps them out. The web, storage and
//! PDF layers parse their input into these types, call these functions and render
//! what comes back.

pub mod answers;
pub mod catalogue;
pub mod comparison;
pub mod ids;
pub mod language;
pub mod peer;
pub mod phrases;
pub mod quality;
pub mod questionnaire;
pub mod report;
pub mod scoring;
pub mod synthetic;
pub mod team;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod velocity;
pub mod waves;

pub use answers::{Answer, AnswerError, AnswerProblem, Answers};
pub use catalogue::{Catalogue, CatalogueError};
pub use peer::{IndexKind, PeerGroup, PeerIndex, PeerNumber, PeerRecord, PeerScores, PeerStanding};
pub use questionnaire::{Questionnaire, QuestionnaireError, SubIndex};
pub use report::{Report, ReportInput};
pub use scoring::{Scorecard, score};
