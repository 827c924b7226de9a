//! Dealbench: a self-hosted sales-effectiveness benchmark study.
//!
//! - [`domain`]: the questionnaire, answers, scoring, sales velocity and peer
//!   statistics. Plain Rust, no I/O beyond reading a questionnaire file.
//! - [`study`]: the application layer, the one way in for the web and the
//!   command line: scoring, placing and storing a response, teams and waves,
//!   the console, the email outbox, operators. Storage (`src/storage`) is a
//!   module of it, private to it.
//! - [`web`]: the HTTP server; [`pdf`]: the PDF report; [`cli`]: the
//!   `dealbench` command line.

pub mod cli;
pub mod pdf;
pub mod study;
pub mod web;

/// The domain core, a crate of its own (`src/domain`) so that the compiler keeps it
/// free of web, database and PDF code: it does not depend on them.
pub use dealbench_domain as domain;
