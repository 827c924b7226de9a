//! The report model: everything a respondent's report says, in the order it says it.
//!
//! Built from the questionnaire, the answers, the scorecard and the stored peer
//! standing. The web page and the PDF both render this one model, so they cannot
//! disagree about what the report says.

use serde::Serialize;

use super::answers::{Answer, Answers, format_number};
use super::peer::{IndexKind, PeerNumber, PeerStanding};
use super::questionnaire::{Band, PartKind, Questionnaire, SubIndex};
use super::scoring::{IndexScore, Scorecard, Verdict};

/// One index as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexView {
    pub key: &'static str,
    pub name: String,
    pub score: Option<f64>,
    /// "77%" or "not enough answers".
    pub display: String,
    pub category: Option<String>,
    pub category_description: Option<String>,
    /// Peer group relative performance, percent.
    pub relative: Option<f64>,
    pub relative_display: Option<String>,
    pub peer_median: Option<f64>,
    /// Percent of the index's weight answered.
    pub coverage: f64,
}

/// A sub-index in the executive summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubIndexView {
    pub index: IndexView,
    pub meaning: String,
    /// The strong, middling or weak paragraph for this score.
    pub paragraph: Option<String>,
    /// minimal, moderate, significant or major.
    pub potential: Option<String>,
}

/// One of the Keep / Change / Stop actions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionView {
    pub verdict: Verdict,
    pub question: String,
    pub answer: String,
    pub paragraph: String,
}

/// One answered question in the detailed analysis or the personal report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryView {
    pub question: String,
    pub answer: String,
    pub band: Band,
    pub paragraph: String,
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
    pub peer_median: Option<String>,
}

/// "Your numbers", when any were given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumbersView {
    pub velocity_per_day: Option<String>,
    pub what_if_per_day: Option<String>,
    pub what_if_uplift: String,
    pub unit_win_rate: Option<String>,
    pub value_win_rate: Option<String>,
    pub deals_open: Option<String>,
    pub open_value: Option<String>,
    pub rows: Vec<NumberRow>,
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
    pub study_name: String,
    pub respondent: Option<String>,
    pub company: Option<String>,
    pub submitted_on: String,
    pub peer: PeerView,
    pub overall: IndexView,
    pub sub_indices: Vec<SubIndexView>,
    pub personal: IndexView,
    pub velocity_text: String,
    pub actions: Vec<ActionView>,
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

impl Report {
    pub fn build(input: &ReportInput<'_>) -> Report {
        let q = input.questionnaire;
        let card = input.scorecard;
        let standing = input.standing;
        let text_answer = |id: &str| match input.answers.by_id(q, id) {
            Some((_, Answer::Text(t))) => Some(t.clone()),
            _ => None,
        };
        let index_view = |kind: IndexKind, name: String, score: &IndexScore, personal: bool| {
            let bands = if personal {
                &q.personal_categories
            } else {
                &q.company_categories
            };
            let relative = standing.relative_performance(kind);
            IndexView {
                key: kind.key(),
                name,
                score: score.score,
                display: score.display(),
                category: score.category.clone(),
                category_description: score
                    .score
                    .map(|s| bands.find(s).description.clone())
                    .filter(|d| !d.is_empty()),
                relative,
                relative_display: relative.map(|r| format!("{}%", r.round())),
                peer_median: standing.median(kind),
                coverage: score.coverage,
            }
        };
        let sub_indices = SubIndex::ALL
            .into_iter()
            .map(|sub| {
                let text = q.sub_index_text(sub);
                let score = card.sub_indices.get(sub);
                SubIndexView {
                    index: index_view(IndexKind::Sub(sub), text.name.clone(), score, false),
                    meaning: text.meaning.clone(),
                    paragraph: score.score.map(|s| {
                        text.commentary
                            .paragraph(q.commentary.band(Some(s)))
                            .to_string()
                    }),
                    potential: card
                        .revenue_potential
                        .get(sub)
                        .as_ref()
                        .map(|p| p.level.clone()),
                }
            })
            .collect();
        Report {
            study_name: q.name.clone(),
            respondent: text_answer("contact_name"),
            company: text_answer("contact_company"),
            submitted_on: input.submitted_on.to_string(),
            peer: peer_view(q, standing),
            overall: index_view(
                IndexKind::Overall,
                "Company index".into(),
                &card.overall,
                false,
            ),
            sub_indices,
            personal: index_view(
                IndexKind::Personal,
                "Personal index".into(),
                &card.personal,
                true,
            ),
            velocity_text: q.velocity_text.clone(),
            actions: card
                .actions
                .iter()
                .map(|a| ActionView {
                    verdict: a.verdict,
                    question: a.question.clone(),
                    answer: a.answer.clone(),
                    paragraph: a.paragraph.clone(),
                })
                .collect(),
            company_sections: sections(q, input.answers, PartKind::Company),
            personal_sections: sections(q, input.answers, PartKind::Personal),
            numbers: numbers_view(card, standing),
            coverage_note: format!(
                "You answered {} of the {} scored questions{}.",
                card.answered.scored_items_answered,
                card.answered.scored_items,
                match card.answered.dont_know {
                    0 => String::new(),
                    1 => " and said \"don't know\" once".to_string(),
                    n => format!(" and said \"don't know\" {n} times"),
                }
            ),
        }
    }
}

fn peer_view(q: &Questionnaire, standing: &PeerStanding) -> PeerView {
    let labels: Vec<String> = standing
        .dimensions
        .iter()
        .map(|(dim, value)| {
            q.dimensions()
                .find(|(d, _)| d == dim)
                .and_then(|(_, item)| item.option(value))
                .map_or_else(|| value.clone(), |(_, o)| o.label.clone())
        })
        .collect();
    let label = if labels.is_empty() {
        "all respondents".to_string()
    } else {
        labels.join(", ")
    };
    let sentence = if standing.found {
        format!(
            "Your peer group: {label} ({} responses), as of {}.",
            standing.group_size, standing.computed_on
        )
    } else {
        format!(
            "No peer group yet: fewer than {} responses were in the study on {}, so relative performance is not shown.",
            q.peer_group_minimum, standing.computed_on
        )
    };
    PeerView {
        found: standing.found,
        label,
        size: standing.group_size,
        computed_on: standing.computed_on.clone(),
        sentence,
    }
}

fn sections(q: &Questionnaire, answers: &Answers, kind: PartKind) -> Vec<SectionView> {
    q.sections_of(kind)
        .map(|section| SectionView {
            title: section.title.clone(),
            entries: section
                .items
                .iter()
                .filter_map(|&pos| {
                    let item = &q.items[pos];
                    let commentary = item.commentary.as_ref()?;
                    let Some(Answer::Option(i)) = answers.get(pos) else {
                        return None;
                    };
                    let option = &item.options[*i];
                    let band = q.commentary.band(option.score);
                    Some(EntryView {
                        question: item.text.clone(),
                        answer: option.label.clone(),
                        band,
                        paragraph: commentary.paragraph(band).to_string(),
                    })
                })
                .collect(),
        })
        .filter(|s| !s.entries.is_empty())
        .collect()
}

/// A whole amount with thousands separators: 12800.4 -> "12,800".
pub fn format_amount(v: f64) -> String {
    let rounded = v.round();
    let digits = format!("{}", rounded.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if rounded < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

fn percent(v: f64) -> String {
    format!("{}%", format_number((v * 10.0).round() / 10.0))
}

fn numbers_view(card: &Scorecard, standing: &PeerStanding) -> Option<NumbersView> {
    let numbers = card.numbers.as_ref()?;
    let median = |n: PeerNumber, fmt: fn(f64) -> String| {
        standing.number_medians.get(n.key()).map(|&m| fmt(m))
    };
    let mut rows = Vec::new();
    let mut row = |label: &str, n: PeerNumber, yours: Option<f64>, fmt: fn(f64) -> String| {
        if let Some(v) = yours {
            rows.push(NumberRow {
                label: label.to_string(),
                yours: fmt(v),
                peer_median: median(n, fmt),
            });
        }
    };
    row(
        "Qualified opportunities per quarter",
        PeerNumber::QualifiedOpportunities,
        numbers.qualified_opportunities,
        format_amount,
    );
    row(
        "Average deal value",
        PeerNumber::AverageDealValue,
        numbers.average_deal_value,
        format_amount,
    );
    row(
        "Win rate",
        PeerNumber::WinRate,
        numbers.effective_win_rate(),
        percent,
    );
    row(
        "Sales cycle (days)",
        PeerNumber::SalesCycleDays,
        numbers.sales_cycle_days,
        format_amount,
    );
    row(
        "Quota attainment",
        PeerNumber::QuotaAttainment,
        numbers.quota_attainment,
        percent,
    );
    row(
        "Sales velocity per day",
        PeerNumber::VelocityPerDay,
        card.velocity.as_ref().map(|v| v.per_day),
        format_amount,
    );
    let win = card.win_rate.as_ref();
    row(
        "Unit win rate (deals)",
        PeerNumber::UnitWinRate,
        win.and_then(|w| w.unit),
        percent,
    );
    row(
        "Value win rate",
        PeerNumber::ValueWinRate,
        win.and_then(|w| w.value),
        percent,
    );
    let uplift = card.velocity.as_ref().map_or(
        super::velocity::what_if_uplift(super::velocity::WHAT_IF_STEP) * 100.0,
        |v| v.what_if_uplift_percent,
    );
    Some(NumbersView {
        velocity_per_day: card.velocity.as_ref().map(|v| format_amount(v.per_day)),
        what_if_per_day: card
            .velocity
            .as_ref()
            .map(|v| format_amount(v.what_if_per_day)),
        what_if_uplift: percent(uplift),
        unit_win_rate: win.and_then(|w| w.unit).map(percent),
        value_win_rate: win.and_then(|w| w.value).map(percent),
        deals_open: win
            .filter(|w| w.deals_open > 0.0)
            .map(|w| format_amount(w.deals_open)),
        open_value: win
            .and_then(|w| w.open_value)
            .filter(|v| *v > 0.0)
            .map(format_amount),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Completeness;
    use crate::domain::scoring::score;

    const STUDY: &str = include_str!("../../questionnaires/dealbench-v1.toml");

    fn report(example: &str) -> Report {
        let q = Questionnaire::from_toml("study", STUDY).expect("valid");
        let json = serde_json::from_str(example).expect("json");
        let answers = Answers::from_json(&q, &json, Completeness::Final).expect("valid");
        let card = score(&q, &answers);
        let standing = PeerStanding::none("2026-11-22");
        Report::build(&ReportInput {
            questionnaire: &q,
            answers: &answers,
            scorecard: &card,
            standing: &standing,
            submitted_on: "2026-11-22",
        })
    }

    #[test]
    fn amounts_have_thousands_separators() {
        assert_eq!(format_amount(12_800.4), "12,800");
        assert_eq!(format_amount(999.0), "999");
        assert_eq!(format_amount(1_000.0), "1,000");
        assert_eq!(format_amount(1_234_567.0), "1,234,567");
        assert_eq!(format_amount(-4_500.0), "-4,500");
    }

    #[test]
    fn the_report_follows_the_answers_section_by_section() {
        let r = report(include_str!(
            "../../questionnaires/examples/strong-company.json"
        ));
        assert_eq!(r.respondent.as_deref(), Some("Jane Smith"));
        assert_eq!(r.company.as_deref(), Some("Sample Company"));
        assert_eq!(r.company_sections.len(), 9);
        assert_eq!(r.company_sections[0].title, "Strategic Alignment");
        assert_eq!(r.personal_sections.len(), 3);
        assert_eq!(r.sub_indices.len(), 4);
        assert_eq!(r.actions.len(), 5);
        assert!(
            r.sub_indices
                .iter()
                .all(|s| s.paragraph.is_some() && s.potential.is_some())
        );
        assert!(!r.peer.found);
        assert!(r.peer.sentence.starts_with("No peer group yet"));
        let numbers = r.numbers.expect("numbers given");
        assert_eq!(numbers.unit_win_rate.as_deref(), Some("50%"));
        assert_eq!(numbers.value_win_rate.as_deref(), Some("30%"));
        assert_eq!(numbers.what_if_uplift, "47.9%");
        assert_eq!(numbers.velocity_per_day.as_deref(), Some("12,800"));
    }

    #[test]
    fn an_open_deal_appears_in_your_numbers() {
        let r = report(include_str!(
            "../../questionnaires/examples/average-company.json"
        ));
        let numbers = r.numbers.expect("numbers given");
        assert_eq!(numbers.unit_win_rate.as_deref(), Some("66.7%"));
        assert_eq!(numbers.value_win_rate.as_deref(), Some("50%"));
        assert_eq!(numbers.open_value.as_deref(), Some("40,000"));
        assert_eq!(numbers.deals_open.as_deref(), Some("1"));
    }

    #[test]
    fn dont_know_answers_get_the_middling_paragraph_and_are_counted() {
        let r = report(include_str!(
            "../../questionnaires/examples/average-company.json"
        ));
        let keeping = r
            .company_sections
            .iter()
            .find(|s| s.title == "Keeping Customers")
            .expect("section");
        assert!(
            keeping
                .entries
                .iter()
                .all(|e| e.answer == "Don't know" && e.band == Band::Middling)
        );
        assert!(r.coverage_note.contains("\"don't know\""));
    }
}
