//! The domain core of Dealbench: the questionnaire model, answers, scoring, sales
//! velocity, peer statistics and the report model.
//!
//! Plain Rust: nothing here knows about HTTP, SQLite or PDF (CI checks that no web,
//! storage or rendering crate is imported below this folder). The web, storage and
//! PDF layers parse their input into these types, call these functions and render
//! what comes back.

pub mod answers;
pub mod comparison;
pub mod peer;
pub mod quality;
pub mod questionnaire;
pub mod report;
pub mod scoring;
pub mod synthetic;
pub mod team;
pub mod velocity;
pub mod waves;

pub use answers::{Answer, AnswerError, AnswerProblem, Answers};
pub use peer::{IndexKind, PeerGroup, PeerIndex, PeerNumber, PeerRecord, PeerScores, PeerStanding};
pub use questionnaire::{Questionnaire, QuestionnaireError, SubIndex};
pub use report::{Report, ReportInput};
pub use scoring::{Scorecard, score};
