//! The team report model: what the web page and the PDF show, every figure as
//! released (rounded, see [`super::disclosure`]) and every sentence said once.

use serde::Serialize;

use crate::answers::Answers;
use crate::language::Language;
use crate::peer::{PeerGroup, PerIndex};
use crate::questionnaire::Questionnaire;

use super::disclosure::ReleaseKey;
use super::rules::TeamRules;

/// One member's part of the team report: their scores (overall, the four
/// sub-indices, personal, as stored) and answers, whether they are held, and
/// their name only if they chose to show it.
#[derive(Debug, Clone)]
pub struct Member {
    pub scores: PerIndex<Option<f64>>,
    pub answers: Answers,
    /// Held for review (a speeder, straight-liner or near-duplicate not yet
    /// accepted by an operator): counts toward nothing and enters no figure.
    pub held: bool,
    /// The member's name, given only when they ticked "show my name".
    pub shown_name: Option<String>,
    /// Whether the study's peer index holds the member's scores (counted, and
    /// answered the running study): the team's standing among peers leaves
    /// them out, since a team is not its own peer.
    pub in_peer_index: bool,
}

/// One wave of a team: its number and its members, counted ones in the order
/// they were counted (held ones anywhere: they are left out).
#[derive(Debug, Clone)]
pub struct WaveMembers {
    pub wave: u32,
    pub members: Vec<Member>,
}

/// The inputs of a team report.
pub struct TeamInput<'a> {
    pub questionnaire: &'a Questionnaire,
    pub rules: &'a TeamRules,
    /// The team's private id: with the key, it selects the team's dither.
    pub team: &'a str,
    /// The study's secret dither key.
    pub key: &'a ReleaseKey,
    /// Every wave of the team, oldest first; the last is the one shown.
    pub waves: &'a [WaveMembers],
    /// The team profile's peer groups along the fallback chain, finest first.
    pub peers: Vec<PeerGroup<'a>>,
    /// The fewest responses, besides the team's own, behind a peer comparison.
    pub peer_minimum: usize,
}

/// A team figure: the team's mean and spread of one index, as released, or
/// why there is none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamFigure {
    pub key: &'static str,
    pub name: String,
    /// Members the figures cover with a score for this index.
    pub answered: usize,
    /// The team's mean, rounded.
    pub mean: Option<f64>,
    /// The mean of the lower and of the upper half of the team, rounded.
    pub lower_half: Option<f64>,
    pub upper_half: Option<f64>,
    /// The share of the peer group (the team's own members left out) that did
    /// not score better than the shown mean.
    pub relative: Option<f64>,
    /// Mean and spread as said: "60% (the lower half of the team averages 50%,
    /// the upper half 70%)".
    pub display: String,
    /// Where the team mean stands in the peer group, in words; empty without one.
    pub peer_sentence: String,
}

/// A role group as the team report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleView {
    pub id: String,
    pub name: String,
    /// Whether enough members of this role are among those the figures cover.
    pub shown: bool,
    /// The number of them, only when shown.
    pub members: Option<usize>,
}

/// The perception gap on one index or item: each shown role's figure, and the
/// roles furthest apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub key: String,
    pub name: String,
    /// The section of an item (empty for an index).
    pub section: String,
    /// One figure per role group, in the order of [`TeamReport::roles`]; `None`
    /// where the role has too few answers.
    pub by_role: Vec<Option<f64>>,
    /// The highest and the lowest role (names) and the difference in points
    /// between their shown figures, when at least two roles have one.
    pub highest: Option<String>,
    pub lowest: Option<String>,
    pub difference: Option<f64>,
    /// Whether the difference reaches the questionnaire's `notable_gap` and is
    /// more than the rounding of the two figures makes on its own.
    pub notable: bool,
    /// The gap in words, the same on the page and on paper; empty without one.
    pub sentence: String,
}

/// One wave's team figures, for the comparison of waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveFigures {
    pub wave: u32,
    /// Counted members.
    pub members: usize,
    /// Members the wave's figures cover (its last release).
    pub covered: Option<usize>,
    /// Who answered, as said: "9 answered (figures of the first 8)".
    pub answered: String,
    /// Team means (overall and the four sub-indices), rounded; `None` below the
    /// minimum.
    pub means: Vec<Option<f64>>,
    /// Change of each shown mean since the wave before with figures.
    pub changes: Vec<Option<f64>>,
    /// Each mean with its change, as said ("60% (+10 points)"), or why there is
    /// none.
    pub displays: Vec<String>,
    /// The wave in one line, for paper: "Wave 2: 8 answered. Company index 60%
    /// (+10 points), ...".
    pub line: String,
}

/// Every sentence of the team report that is not a figure's own, the same on
/// the web page and in the PDF.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TeamSaid {
    /// "Wave 1: 6 people answered."
    pub answered: String,
    /// While a newer wave has too few answers for figures: that the figures
    /// shown are the last wave's, and until when; empty otherwise.
    pub newer_wave: String,
    /// What the team's figures and its widest gap usually mean, and the one
    /// thing to do, in the coach's voice; empty before the first release.
    pub reading: Vec<String>,
    /// The gaps between roles on the indices, said once; empty without a gap.
    pub gaps: String,
    /// What the marks of the team chart are: the mean, and the spread where
    /// one is drawn.
    pub legend: String,
    /// "Taking part: Alex Shown." (names offered by their owners); empty
    /// without any.
    pub taking_part: String,
    /// Which members the figures cover and when they change next, or when
    /// they appear.
    pub coverage: String,
    /// That the figures are rounded by design, and how closely.
    pub rounding: String,
    /// What the spread drawn next to a mean is.
    pub spread: String,
    /// Without a peer group: why the team is not placed among peers; empty
    /// with one.
    pub no_peers: String,
    /// Each role group and whether it has figures; empty before the first
    /// release.
    pub roles: String,
    /// Without a perception gap: when it appears; empty with one.
    pub no_gap: String,
    /// About the figures on single questions, or when they appear.
    pub items: String,
    /// With one wave only: what a second wave would show; empty otherwise.
    pub first_wave: String,
}

/// The team report model, shared by the web page and the PDF.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamReport {
    pub study_name: String,
    /// The wave shown: the newest with figures, or the newest when none has.
    pub wave: u32,
    /// The newest wave, which new members join, and its counted members.
    pub newest_wave: u32,
    pub newest_members: usize,
    /// Counted members of the wave shown.
    pub members: usize,
    /// Members the figures cover (the first counted ones), once there are
    /// enough for a release.
    pub covered: Option<usize>,
    /// Counted members at which the figures next change.
    pub next_release: usize,
    /// The fewest members of a role behind its figures.
    pub minimum: usize,
    /// Whether the team has enough members for team figures.
    pub enough: bool,
    /// Overall and the four sub-indices.
    pub figures: Vec<TeamFigure>,
    pub roles: Vec<RoleView>,
    /// Whether at least two roles have figures: a perception gap can be shown.
    pub has_gap: bool,
    /// The perception gap per index (overall and the four sub-indices).
    pub index_gaps: Vec<Gap>,
    /// The items where the roles differ most, largest first.
    pub item_gaps: Vec<Gap>,
    /// The peer group the team is compared with: its dimensions (option labels)
    /// and its size without the team's own members; `None` when no group of K
    /// exists.
    pub peer_dimensions: Vec<String>,
    pub peer_size: Option<usize>,
    /// Every wave, oldest first.
    pub waves: Vec<WaveFigures>,
    /// Names of the counted members of the wave shown who chose to show theirs.
    pub names: Vec<String>,
    pub said: TeamSaid,
    /// The language of the questionnaire the report is built from: that of
    /// every sentence above and of [`TeamReport::words`].
    #[serde(skip)]
    pub language: Language,
}

impl TeamReport {
    /// The report's headings and labels, in its language.
    pub fn words(&self) -> TeamWords {
        super::said::team_words(self.language)
    }

    /// A figure in percent as the report writes it: "60%", "60 %".
    pub fn percent(&self, v: f64) -> String {
        super::said::percent(self.language, v)
    }

    /// "Generated DAY." under the infographic.
    pub fn generated(&self, day: &str) -> String {
        super::said::generated(self.language, day)
    }

    /// "Generated DAY. Team report: STUDY." at the foot of later pages.
    pub fn generated_footer(&self, day: &str) -> String {
        super::said::generated_footer(self.language, day, &self.study_name)
    }
}

/// The team report's headings and labels, the same on the page and on paper.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamWords {
    /// The language's code, for the page's and the document's `lang`.
    pub lang: &'static str,
    pub title: String,
    pub download_pdf: String,
    pub the_team: String,
    /// The text alternatives of the charts.
    pub team_chart: String,
    pub reading: String,
    pub perception_gap: String,
    pub gap_chart: String,
    /// The caption of the table beside the gap chart, and its first column.
    pub gap_table: String,
    pub index: String,
    pub items: String,
    pub item_chart: String,
    pub waves: String,
    /// The form that runs the team again.
    pub new_wave_note: String,
    pub new_wave: String,
    pub invitation: String,
    /// A role without a figure, in the table beside the gap chart.
    pub no_figure: String,
    /// The PDF's bookmarks and subject.
    pub summary: String,
    pub what_it_means: String,
    pub subject: String,
}
