//! Teams: several people of one company answering together, and what their
//! answers say as a team.
//!
//! The questionnaire file declares, in its `[teams]` table, which profile items a
//! team shares (its peer-group profile), which item gives a member's role and how
//! its options map to role groups (leaders, managers, reps), and the thresholds
//! of the disclosure rule. This module turns the members' scores and answers
//! into the team report model; nothing here knows where they are stored or how
//! they are shown.
//!
//! Anonymity is decided here, once, so that the web page and the PDF cannot
//! disagree: [`disclosure`] holds the rule (counted members only, releases in
//! steps of several members, figures rounded more coarsely the fewer people
//! stand behind them after a keyed dither, extreme item answers counted as
//! their neighbours), and every figure of the report passes through it.
//! Figures derived from figures (standing among peers, gaps, changes between
//! waves) are computed from the released ones.

mod build;
pub mod disclosure;
mod model;
mod rules;
mod said;

pub use build::team_report;
pub use disclosure::ReleaseKey;
pub use model::{
    Gap, Member, RoleView, TeamFigure, TeamInput, TeamReport, TeamSaid, TeamWords, WaveFigures,
    WaveMembers,
};
pub(crate) use rules::RawTeams;
pub use rules::{GapReading, RoleGroup, TeamReadings, TeamRules};

#[cfg(test)]
mod attack;
#[cfg(test)]
mod tests;
