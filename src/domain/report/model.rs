//! The report model's types: what each part of the report carries.

use super::*;

/// One index as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexView {
    pub key: &'static str,
    pub name: String,
    pub score: Option<f64>,
    /// "77%" or "not enough answers".
    pub display: String,
    /// The band of the percentage shown.
    pub category: Option<String>,
    pub category_description: Option<String>,
    /// Peer group relative performance, percent: the share that did not score better.
    pub relative: Option<f64>,
    /// The same in a few words for the infographic: "higher than 70%", "top of the
    /// group".
    pub relative_display: Option<String>,
    /// Where the index stands, as a person says it, with the group it rests on:
    /// "higher than 70% of your peer group (Software and internet, 250 to 999, 41
    /// responses)"; or, without a figure, why in one plain clause.
    pub standing: String,
    pub peer_median: Option<f64>,
    /// "58%".
    pub peer_median_display: Option<String>,
    /// The standing as the infographic shows it: "Higher than 70%", "Top of the
    /// group", or without a figure its first words ("Not compared yet").
    pub relative_short: String,
    /// "Peer median **58%** (the dark tick)" under the gauge.
    pub median_line: Option<Paragraph>,
    /// Percent of the index's weight answered.
    pub coverage: f64,
    /// Why there is no figure against peers, when there is none: what the
    /// sentences about the index decide by, in any language.
    #[serde(skip)]
    pub unranked: Option<Unranked>,
}

/// A sub-index in the executive summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubIndexView {
    pub index: IndexView,
    /// "Value index: 77%".
    pub heading: String,
    pub meaning: String,
    /// The strong, middling or weak paragraph for the score shown.
    pub paragraph: Option<String>,
    /// minimal, moderate, significant or major.
    pub potential: Option<String>,
    /// What the potential was measured against: "19 points below the target of 85%".
    pub potential_reason: Option<String>,
    /// "Against peers: higher than 70% of your peer group (...); peer median **58%**."
    pub against_peers: Paragraph,
    /// "Revenue increase potential: **Moderate**, 19 points below the target of 85%."
    pub potential_line: Option<Paragraph>,
}

/// One of the Keep / Change / Stop actions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionView {
    pub verdict: Verdict,
    /// "KEEP", "CHANGE" or "STOP", in the report's language.
    pub verdict_label: String,
    /// The imperative after the verdict word; the question for a response stored
    /// before headlines existed.
    pub headline: String,
    /// The item, for a link to its place in the detailed analysis.
    pub item: String,
    pub question: String,
    pub answer: String,
    pub paragraph: String,
    /// The company number the key area is about, as in the detailed analysis.
    pub figure: Option<String>,
    /// "You answered “...” to: ...", the question pointing to its place in the
    /// detailed analysis.
    pub answered: Paragraph,
}

/// Answers that pull apart: a declared tension between two answers, or a
/// related group whose answers disagree. Said once, under "Where your answers
/// disagree".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TensionView {
    /// The tension's or the related group's id.
    pub id: String,
    pub title: String,
    pub paragraph: String,
    /// The items whose answers pull apart, in the order they are named.
    pub items: Vec<String>,
    /// "You answered “...” to “...” and “...” to “...”", each question pointing
    /// to its place in the detailed analysis.
    pub answered: Paragraph,
}

/// The link from an answer to the disagreement it is part of.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TensionLink {
    pub id: String,
    pub title: String,
    /// The other items of the disagreement.
    pub other_items: Vec<String>,
    /// "This answer pulls against your answer to “...”: see “...” under Where
    /// your answers disagree."
    pub sentence: Paragraph,
}

/// One answered question in the detailed analysis or the personal report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryView {
    pub item: String,
    pub question: String,
    pub answer: String,
    /// "You answered: ...".
    pub answered: String,
    pub band: Band,
    pub paragraph: String,
    /// The company number the paragraph is about, quoted with the peer median.
    pub figure: Option<String>,
    pub tensions: Vec<TensionLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionView {
    pub title: String,
    pub entries: Vec<EntryView>,
}

/// One line of "your numbers": the respondent's figure and the peer median.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberRow {
    pub label: String,
    pub yours: String,
    /// The median, with the group it rests on: "$25,000 (Software and internet, 14
    /// responses)"; or why there is none.
    pub peer_median: Option<String>,
    pub peer_group: Option<String>,
    pub peer_missing: Option<String>,
}

/// "Your numbers", when any were given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumbersView {
    pub velocity_per_day: Option<String>,
    pub what_if_per_day: Option<String>,
    pub what_if_uplift: String,
    /// The velocity in a sentence, or why it cannot be computed.
    pub velocity_sentence: String,
    pub unit_win_rate: Option<String>,
    pub value_win_rate: Option<String>,
    /// Both win rates and the open deals in words, or why there is no win rate.
    pub win_rate_sentence: Option<String>,
    /// The stated and the counted win rate, reconciled.
    pub win_rate_reconciled: Option<String>,
    pub deals_open: Option<String>,
    pub open_value: Option<String>,
    pub rows: Vec<NumberRow>,
    /// In another currency than the study's reference: which rate and day
    /// turned the peer figures into it, said once.
    pub currency_note: Option<String>,
}

/// The peer group the standing was computed against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeerView {
    pub found: bool,
    /// "Software and internet, 250 to 999" or "all respondents".
    pub label: String,
    pub size: usize,
    pub computed_on: String,
    /// The sentence the report uses to name the group.
    pub sentence: String,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The language the report is written in: its questionnaire's.
    #[serde(skip)]
    pub language: crate::language::Language,
    /// What moved since the respondent's earlier assessment, when this one
    /// assessed again (set by whoever knows the earlier one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since_last_time: Option<crate::waves::SinceLastTime>,
    pub study_name: String,
    /// Headings and labels.
    pub words: Words,
    pub respondent: Option<String>,
    pub company: Option<String>,
    pub submitted_on: String,
    pub peer: PeerView,
    pub overall: IndexView,
    /// The executive summary's opening: index, category, standing, peer median.
    pub overall_sentence: String,
    pub sub_indices: Vec<SubIndexView>,
    pub personal: IndexView,
    /// The personal report's opening paragraph, about the respondent's category.
    pub personal_opening: String,
    /// The velocity part of the executive summary: their own velocity and what-if in
    /// money when they gave the numbers, the questionnaire's explanation otherwise.
    pub velocity_paragraphs: Vec<String>,
    pub actions: Vec<ActionView>,
    /// "Where your answers disagree".
    pub tensions: Vec<TensionView>,
    pub company_sections: Vec<SectionView>,
    pub personal_sections: Vec<SectionView>,
    pub numbers: Option<NumbersView>,
    /// How much was answered, in a sentence.
    pub coverage_note: String,
}

/// What the report needs beyond the scorecard.
pub struct ReportInput<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    pub scorecard: &'a Scorecard,
    pub standing: &'a PeerStanding,
    pub submitted_on: &'a str,
}

/// Every sentence of a report, in reading order: what the consistency checks and
/// the tests read.
impl Report {
    pub fn sentences(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![self.overall_sentence.as_str(), &self.personal_opening];
        for s in &self.sub_indices {
            out.push(&s.index.standing);
            out.extend(s.paragraph.as_deref());
            out.extend(s.potential_reason.as_deref());
        }
        out.extend(self.velocity_paragraphs.iter().map(String::as_str));
        for a in &self.actions {
            out.push(&a.headline);
            out.push(&a.paragraph);
            out.extend(a.figure.as_deref());
        }
        for t in &self.tensions {
            out.push(&t.paragraph);
        }
        for s in self.company_sections.iter().chain(&self.personal_sections) {
            for e in &s.entries {
                out.push(&e.paragraph);
                out.extend(e.figure.as_deref());
            }
        }
        if let Some(n) = &self.numbers {
            out.push(&n.velocity_sentence);
            out.extend(n.win_rate_sentence.as_deref());
            out.extend(n.win_rate_reconciled.as_deref());
            for r in &n.rows {
                out.push(&r.yours);
                out.extend(r.peer_median.as_deref());
            }
        }
        out
    }
}
