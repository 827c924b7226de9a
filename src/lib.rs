//! Dealbench: a self-hosted sales-effectiveness benchmark study.
//!
//! - [`domain`]: the questionnaire, answers, scoring, sales velocity and peer
//!   statistics. Plain Rust, no I/O beyond reading a questionnaire file.
//! - [`storage`]: the SQLite database; [`study`]: scoring, placing and storing a
//!   response; [`web`]: the HTTP server; [`pdf`]: the PDF report.
//! - [`cli`]: the `dealbench` command line.

pub mod accounts;
pub mod cli;
pub mod email;
pub mod pdf;
pub mod storage;
pub mod study;
pub mod teams;
pub mod web;

/// The domain core, a crate of its own (`src/domain`) so that the compiler keeps it
/// free of web, database and PDF code: it does not depend on them.
pub use dealbench_domain as domain;
