//! The report model: everything a respondent's report says, in the order it says it.
//!
//! Built from the questionnaire, the answers, the scorecard and the stored peer
//! standing. The web page and the PDF both render this one model, so they cannot
//! disagree about what the report says.

use serde::Serialize;

use super::answers::{Answer, Answers, format_number};
use super::peer::{FigureGroup, IndexKind, PeerNumber, PeerStanding};
use super::questionnaire::{Band, Metric, PartKind, Questionnaire, SubIndex};
use super::scoring::{Benchmark, IndexScore, Scorecard, Verdict, questioned_items};
use super::velocity::{CompanyNumbers, WHAT_IF_STEP, WinRates, what_if_uplift};

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
    /// Percent of the index's weight answered.
    pub coverage: f64,
}

/// A sub-index in the executive summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubIndexView {
    pub index: IndexView,
    pub meaning: String,
    /// The strong, middling or weak paragraph for the score shown.
    pub paragraph: Option<String>,
    /// minimal, moderate, significant or major.
    pub potential: Option<String>,
    /// What the potential was measured against: "19 points below the target of 85%".
    pub potential_reason: Option<String>,
}

/// One of the Keep / Change / Stop actions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionView {
    pub verdict: Verdict,
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
}

/// A tension this response's answers fall into.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TensionView {
    pub id: String,
    pub title: String,
    pub paragraph: String,
    pub first_item: String,
    pub first_question: String,
    pub first_answer: String,
    pub second_item: String,
    pub second_question: String,
    pub second_answer: String,
}

/// The link from an answer to a tension it is part of.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TensionLink {
    pub id: String,
    pub title: String,
    /// The other item of the pair, and its question.
    pub other_item: String,
    pub other_question: String,
}

/// One answered question in the detailed analysis or the personal report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryView {
    pub item: String,
    pub question: String,
    pub answer: String,
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
    /// What moved since the respondent's earlier assessment, when this one
    /// assessed again (set by whoever knows the earlier one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since_last_time: Option<super::waves::SinceLastTime>,
    pub study_name: String,
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

/// "Software and internet, 250 to 999" from the dimension pairs of a group.
fn dimensions_label(q: &Questionnaire, dimensions: &[(String, String)]) -> String {
    let labels: Vec<String> = dimensions
        .iter()
        .map(|(dim, value)| {
            q.dimensions()
                .find(|(d, _)| d == dim)
                .and_then(|(_, item)| item.option(value))
                .map_or_else(|| value.clone(), |(_, o)| o.label.clone())
        })
        .collect();
    if labels.is_empty() {
        "all respondents".to_string()
    } else {
        labels.join(", ")
    }
}

/// "Software and internet, 250 to 999, 41 responses".
fn group_label(q: &Questionnaire, group: &FigureGroup) -> String {
    format!(
        "{}, {} responses",
        dimensions_label(q, &group.dimensions),
        group.n
    )
}

/// Why an index has no peer figure, in one plain clause.
fn no_standing(q: &Questionnaire, standing: &PeerStanding, score: Option<f64>) -> String {
    if score.is_none() {
        "not compared, because there were too few answers to score it".to_string()
    } else if standing.found {
        format!(
            "not compared, because fewer than {} peers have a score for it",
            q.peer_group_minimum
        )
    } else {
        format!(
            "not compared yet, because fewer than {} responses were in the study on {}",
            q.peer_group_minimum, standing.computed_on
        )
    }
}

/// Relative performance in words: the share shown is rounded down, so that 99.6%
/// of a group is never "higher than 100%".
fn relative_words(relative: f64) -> (String, String) {
    if relative >= 100.0 {
        (
            "top of the group".to_string(),
            "top of your peer group".to_string(),
        )
    } else if relative.floor() <= 0.0 {
        (
            "lowest of the group".to_string(),
            "the lowest in your peer group".to_string(),
        )
    } else if relative < BOTTOM_TENTH {
        (
            "bottom tenth of the group".to_string(),
            "in the bottom tenth of your peer group".to_string(),
        )
    } else if relative < BOTTOM_QUARTER {
        (
            "bottom quarter of the group".to_string(),
            "in the bottom quarter of your peer group".to_string(),
        )
    } else {
        let r = relative.floor();
        (
            format!("higher than {r}%"),
            format!("higher than {r}% of your peer group"),
        )
    }
}

/// Below these shares of the group, "higher than 3%" is said the way a person says
/// it: "in the bottom tenth", "in the bottom quarter" of the peer group.
pub const BOTTOM_TENTH: f64 = 10.0;
pub const BOTTOM_QUARTER: f64 = 25.0;

fn percent_whole(v: f64) -> String {
    format!("{}%", v.round())
}

/// The percentage as written in a sentence: one decimal at most.
fn percent(v: f64) -> String {
    format!("{}%", format_number((v * 10.0).round() / 10.0))
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
            let group = standing.index_group(kind);
            let (relative_display, standing_text) = match (relative, &group) {
                (Some(r), Some(g)) => {
                    let (short, long) = relative_words(r);
                    (Some(short), format!("{long} ({})", group_label(q, g)))
                }
                _ => (None, no_standing(q, standing, score.score)),
            };
            IndexView {
                key: kind.key(),
                name,
                score: score.score,
                display: score.display(),
                category: score.shown().map(|s| bands.find(s).name.clone()),
                category_description: score
                    .shown()
                    .map(|s| bands.find(s).description.clone())
                    .filter(|d| !d.is_empty()),
                relative,
                relative_display,
                standing: standing_text,
                peer_median: standing.median(kind),
                peer_median_display: standing.median(kind).map(percent_whole),
                coverage: score.coverage,
            }
        };
        let questioned_strong: Vec<String> = questioned_items(q, input.answers)
            .into_iter()
            .filter(|item| match input.answers.by_id(q, item) {
                Some((it, Answer::Option(i))) => {
                    q.commentary.band(it.options[*i].score) == Band::Strong
                }
                _ => false,
            })
            .collect();
        let sub_indices = SubIndex::ALL
            .into_iter()
            .map(|sub| {
                let text = q.sub_index_text(sub);
                let score = card.sub_indices.get(sub);
                let potential = card.revenue_potential.get(sub).as_ref();
                SubIndexView {
                    index: index_view(IndexKind::Sub(sub), text.name.clone(), score, false),
                    meaning: text.meaning.clone(),
                    paragraph: score.shown().map(|s| {
                        let band = q.commentary.band(Some(s));
                        let (figure, disagrees) = sub_index_figure(q, card, standing, sub);
                        // A strong score is not praised while a tension questions a
                        // strong answer behind it: the middling paragraph says what
                        // to settle instead.
                        let questioned = band == Band::Strong
                            && questioned_strong.iter().any(|item| {
                                q.item(item)
                                    .is_some_and(|i| i.weights[sub.position()] > 0.0)
                            });
                        let paragraph = match (&text.figure_disagrees, disagrees) {
                            (Some(p), true) if band != Band::Weak => p.as_str(),
                            _ if questioned => text.commentary.paragraph(Band::Middling),
                            _ => text.commentary.paragraph(band),
                        };
                        match figure {
                            Some(f) => format!("{paragraph} {f}"),
                            None => paragraph.to_string(),
                        }
                    }),
                    potential: potential.map(|p| p.level.clone()),
                    potential_reason: potential.map(|p| {
                        let points = p.gap.round();
                        let against = match p.benchmark_source {
                            Benchmark::PeerGroup => format!(
                                "the top tenth of your peer group, which starts at {}",
                                percent_whole(p.benchmark)
                            ),
                            Benchmark::Target => {
                                format!("the study's target of {}", percent_whole(p.benchmark))
                            }
                            Benchmark::Scale => "the top of the scale".to_string(),
                        };
                        if points <= 0.0 {
                            format!("at or above {against}")
                        } else if points == 1.0 {
                            format!("1 point below {against}")
                        } else {
                            format!("{points} points below {against}")
                        }
                    }),
                }
            })
            .collect();
        let company = text_answer("contact_company");
        let overall = index_view(
            IndexKind::Overall,
            "Company index".into(),
            &card.overall,
            false,
        );
        let personal = index_view(
            IndexKind::Personal,
            "Personal index".into(),
            &card.personal,
            true,
        );
        let tensions = tensions(q, input.answers);
        let numbers = numbers_view(q, card, standing);
        let mut company_sections = sections(q, input, PartKind::Company, &tensions);
        let entry_of = |item: &str| {
            company_sections
                .iter()
                .flat_map(|s| &s.entries)
                .find(|e| e.item == item)
                .cloned()
        };
        let actions: Vec<ActionView> = card
            .actions
            .iter()
            .map(|a| {
                let entry = entry_of(&a.item);
                ActionView {
                    verdict: a.verdict,
                    headline: if a.headline.is_empty() {
                        stored_before_headlines(q, a)
                    } else {
                        a.headline.clone()
                    },
                    item: a.item.clone(),
                    question: a.question.clone(),
                    answer: a.answer.clone(),
                    // The paragraph the detailed analysis would give, which reads
                    // the answer beside the numbers and the tensions.
                    paragraph: entry
                        .as_ref()
                        .map_or_else(|| a.paragraph.clone(), |e| e.paragraph.clone()),
                    figure: entry.and_then(|e| e.figure),
                }
            })
            .collect();
        // Said once: the detailed analysis points to the action instead of
        // repeating its paragraph.
        for e in company_sections.iter_mut().flat_map(|s| &mut s.entries) {
            if let Some(a) = actions.iter().find(|a| a.item == e.item) {
                e.paragraph = format!(
                    "This is one of your first actions: {} {}. What to do about it is set out in the executive summary.",
                    match a.verdict {
                        Verdict::Keep => "KEEP",
                        Verdict::Change => "CHANGE",
                        Verdict::Stop => "STOP",
                    },
                    a.headline
                );
                e.figure = None;
            }
        }
        Report {
            since_last_time: None,
            study_name: q.name.clone(),
            respondent: text_answer("contact_name"),
            overall_sentence: overall_sentence(
                company.as_deref(),
                &overall,
                card.sub_indices.iter().any(|(_, s)| s.score.is_some()),
            ),
            personal_opening: personal_opening(&personal),
            company,
            submitted_on: input.submitted_on.to_string(),
            peer: peer_view(q, standing),
            overall,
            sub_indices,
            personal,
            velocity_paragraphs: velocity_paragraphs(q, card, standing, numbers.as_ref()),
            actions,
            company_sections,
            personal_sections: sections(q, input, PartKind::Personal, &tensions),
            tensions,
            numbers,
            coverage_note: format!(
                "You answered {}{}.",
                if card.answered.scored_items_answered == card.answered.scored_items {
                    format!("all {} scored questions", card.answered.scored_items)
                } else {
                    format!(
                        "{} of the {} scored questions",
                        card.answered.scored_items_answered, card.answered.scored_items
                    )
                },
                match card.answered.dont_know {
                    0 => String::new(),
                    1 => " and said \"don't know\" once".to_string(),
                    n => format!(" and said \"don't know\" {n} times"),
                }
            ),
        }
    }
}

/// The headline of an action stored before actions carried one: the item's
/// headline for the verdict, as the questionnaire declares it now, else the question.
fn stored_before_headlines(q: &Questionnaire, a: &super::scoring::Action) -> String {
    let unsure = a.answer == "Don't know";
    q.item(&a.item)
        .and_then(|item| item.headlines.as_ref())
        .map_or_else(
            || a.question.clone(),
            |h| match a.verdict {
                Verdict::Keep => h.keep.clone(),
                Verdict::Change if unsure => h.find_out.clone().unwrap_or_else(|| h.change.clone()),
                Verdict::Change => h.change.clone(),
                Verdict::Stop => h.stop.clone(),
            },
        )
}

fn overall_sentence(company: Option<&str>, o: &IndexView, any_sub_index: bool) -> String {
    match &o.category {
        Some(category) => {
            let median = o
                .peer_median_display
                .as_ref()
                .map_or_else(String::new, |m| format!(" The peer median is {m}."));
            let standing = if o.relative.is_some() {
                format!(": {}", o.standing)
            } else {
                format!(". Against peers it is {}", o.standing)
            };
            match company {
                Some(who) => format!(
                    "Based on your answers, {who} has a company index of {}, in the {category} category{standing}.{median}",
                    o.display
                ),
                None => format!(
                    "Based on your answers, your company index is {}, in the {category} category{standing}.{median}",
                    o.display
                ),
            }
        }
        None if any_sub_index => "There were not enough answers to compute your company index. The sub-indices that could be scored are shown below.".to_string(),
        None => "There were not enough answers to compute your company index or any of its sub-indices: answer more of the questions about your company's practice to see them.".to_string(),
    }
}

fn personal_opening(p: &IndexView) -> String {
    match &p.category {
        Some(category) => {
            let description = p
                .category_description
                .as_ref()
                .map_or_else(String::new, |d| format!(" {d}"));
            let median = p
                .peer_median_display
                .as_ref()
                .map_or_else(String::new, |m| format!(", where the median is {m}"));
            format!(
                "Your personal index is {}, which makes you {} {category}.{description} Against peers it is {}{median}.",
                p.display,
                if category.starts_with(['A', 'E', 'I', 'O', 'U']) {
                    "an"
                } else {
                    "a"
                },
                p.standing
            )
        }
        None => {
            "There were not enough answers about your own practice to compute your personal index."
                .to_string()
        }
    }
}

fn peer_view(q: &Questionnaire, standing: &PeerStanding) -> PeerView {
    let label = dimensions_label(q, &standing.dimensions);
    let sentence = if standing.found {
        // The figures name their own counts (the responses that answered enough
        // to score each index, or gave each number), so the group is named once
        // without a size that no figure rests on.
        format!(
            "Your peer group: {label}, as of {}; each figure names the responses it rests on.",
            standing.computed_on
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

/// The tensions whose two answers were both given as declared.
fn tensions(q: &Questionnaire, answers: &Answers) -> Vec<TensionView> {
    let chosen = |item: &str| -> Option<(String, String, String)> {
        match answers.by_id(q, item)? {
            (it, Answer::Option(i)) => {
                let o = &it.options[*i];
                Some((o.id.clone(), it.text.clone(), o.label.clone()))
            }
            _ => None,
        }
    };
    q.tensions
        .iter()
        .filter_map(|t| {
            let (a, a_question, a_answer) = chosen(&t.first.item)?;
            let (b, b_question, b_answer) = chosen(&t.second.item)?;
            (t.first.answers.contains(&a) && t.second.answers.contains(&b)).then(|| TensionView {
                id: t.id.clone(),
                title: t.title.clone(),
                paragraph: t.paragraph.clone(),
                first_item: t.first.item.clone(),
                first_question: a_question,
                first_answer: a_answer,
                second_item: t.second.item.clone(),
                second_question: b_question,
                second_answer: b_answer,
            })
        })
        .collect()
}

fn metric_number(metric: Metric) -> Option<PeerNumber> {
    Some(match metric {
        Metric::QualifiedOpportunities => PeerNumber::QualifiedOpportunities,
        Metric::AverageDealValue => PeerNumber::AverageDealValue,
        Metric::WinRate => PeerNumber::WinRate,
        Metric::SalesCycleDays => PeerNumber::SalesCycleDays,
        Metric::QuotaAttainment => PeerNumber::QuotaAttainment,
        _ => return None,
    })
}

/// How one company number is written.
#[derive(Clone, Copy)]
enum Unit {
    Count,
    Money,
    Percent,
    Days,
}

fn write(q: &Questionnaire, unit: Unit, v: f64) -> String {
    match unit {
        Unit::Count => format_amount(v),
        Unit::Money => q.currency.format(v),
        Unit::Percent => percent(v),
        Unit::Days => format!("{} days", format_amount(v)),
    }
}

fn unit_of(n: PeerNumber) -> Unit {
    match n {
        PeerNumber::QualifiedOpportunities => Unit::Count,
        PeerNumber::AverageDealValue | PeerNumber::VelocityPerDay => Unit::Money,
        PeerNumber::SalesCycleDays => Unit::Days,
        _ => Unit::Percent,
    }
}

/// "The median of your peer group (Software and internet, 22 responses) is 24%."
fn median_clause(q: &Questionnaire, standing: &PeerStanding, n: PeerNumber) -> Option<String> {
    let median = standing.number_medians.get(n.key())?;
    let group = standing.number_group(n)?;
    Some(format!(
        "the median of your peer group ({}) is {}",
        group_label(q, &group),
        write(q, unit_of(n), *median)
    ))
}

/// Deals won plus lost, when both were given.
fn decided(w: &WinRates) -> Option<f64> {
    Some(w.deals_won? + w.deals_lost?)
}

/// Whether the counted win rate rests on fewer decided deals than the study reads
/// as a rate.
fn thin(q: &Questionnaire, w: &WinRates) -> bool {
    decided(w).is_some_and(|d| d < q.minimum_decided_deals)
}

/// The win rate the report reads as a rate: the one stated, else the one counted
/// from enough decided deals.
pub fn usable_win_rate(q: &Questionnaire, numbers: &CompanyNumbers) -> Option<f64> {
    numbers.win_rate.or_else(|| {
        let w = numbers.win_rates()?;
        (!thin(q, &w)).then_some(w.unit).flatten()
    })
}

/// The respondent's figure for a number, as the report reads it.
pub fn figure_value(q: &Questionnaire, numbers: &CompanyNumbers, n: PeerNumber) -> Option<f64> {
    match n {
        PeerNumber::WinRate => usable_win_rate(q, numbers),
        _ => n.of(numbers),
    }
}

/// Whether the respondent's figure is worse than the peer median by more than the
/// study's margin: a longer cycle, or fewer, smaller or fewer-won deals.
pub fn markedly_worse(q: &Questionnaire, n: PeerNumber, yours: f64, median: f64) -> bool {
    let margin = q.figure_margin / 100.0;
    match n {
        PeerNumber::SalesCycleDays => yours > median * (1.0 + margin),
        _ => yours < median * (1.0 - margin),
    }
}

/// "You won 2 of the 3 deals decided: too few to read as a rate, which needs 10."
fn few_deals_sentence(q: &Questionnaire, w: &WinRates) -> Option<String> {
    let d = decided(w)?;
    Some(format!(
        "You won {} of the {} deal{} decided: too few to read as a win rate, which needs at least {} decided deals.",
        format_amount(w.deals_won.unwrap_or_default()),
        format_amount(d),
        if d == 1.0 { "" } else { "s" },
        format_amount(q.minimum_decided_deals)
    ))
}

/// Why a number has no peer median, in one plain clause.
fn no_median(q: &Questionnaire, standing: &PeerStanding) -> String {
    if standing.found {
        format!(
            "there is no peer median: fewer than {} peers gave theirs",
            q.peer_group_minimum
        )
    } else {
        format!(
            "there is no peer median yet: fewer than {} responses were in the study",
            q.peer_group_minimum
        )
    }
}

/// The number each sub-index is about.
pub fn sub_index_number(sub: SubIndex) -> PeerNumber {
    match sub {
        SubIndex::Number => PeerNumber::QualifiedOpportunities,
        SubIndex::Value => PeerNumber::AverageDealValue,
        SubIndex::WinRate => PeerNumber::WinRate,
        SubIndex::SalesCycle => PeerNumber::SalesCycleDays,
    }
}

/// The respondent's own figure for a sub-index with the peer median, and whether
/// the figure is markedly worse than the median.
fn sub_index_figure(
    q: &Questionnaire,
    card: &Scorecard,
    standing: &PeerStanding,
    sub: SubIndex,
) -> (Option<String>, bool) {
    let Some(numbers) = card.numbers.as_ref() else {
        return (None, false);
    };
    let n = sub_index_number(sub);
    let Some(yours) = figure_value(q, numbers, n) else {
        let few = (n == PeerNumber::WinRate)
            .then(|| card.win_rate.as_ref().filter(|w| thin(q, w)))
            .flatten()
            .and_then(|w| few_deals_sentence(q, w));
        return (few, false);
    };
    let written = write(q, unit_of(n), yours);
    let mine = match n {
        PeerNumber::QualifiedOpportunities => {
            format!("You work {written} qualified opportunities a quarter")
        }
        PeerNumber::AverageDealValue => format!("Your average deal is worth {written}"),
        PeerNumber::WinRate if numbers.win_rate.is_some() => {
            format!("You stated a win rate of {written}")
        }
        PeerNumber::WinRate => format!("Your decided deals give a win rate of {written}"),
        _ => format!("Your sales cycle is {written}"),
    };
    let median = standing.number_medians.get(n.key()).copied();
    let sentence = match median_clause(q, standing, n) {
        Some(m) => format!("{mine}; {m}."),
        None => format!("{mine}; {}.", no_median(q, standing)),
    };
    let worse = median.is_some_and(|m| markedly_worse(q, n, yours, m));
    (Some(sentence), worse)
}

/// The sentence after a win-rate item's commentary: the stated rate and the
/// counted ones, each with its peer median, or why the count is not a rate.
fn win_rate_figure(
    q: &Questionnaire,
    standing: &PeerStanding,
    numbers: &CompanyNumbers,
) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(stated) = numbers.win_rate {
        parts.push(match median_clause(q, standing, PeerNumber::WinRate) {
            Some(m) => format!("You stated a win rate of {}; {m}.", percent(stated)),
            None => format!(
                "You stated a win rate of {}; {}.",
                percent(stated),
                no_median(q, standing)
            ),
        });
    }
    if let Some(w) = numbers.win_rates() {
        if thin(q, &w) {
            parts.extend(few_deals_sentence(q, &w));
        } else if let (Some(u), Some(d)) = (w.unit, decided(&w)) {
            let by_value = w
                .value
                .map_or_else(String::new, |v| format!(" and {} by value", percent(v)));
            let unit_median = standing.number_medians.get(PeerNumber::UnitWinRate.key());
            let value_median = standing.number_medians.get(PeerNumber::ValueWinRate.key());
            let medians = match (
                unit_median,
                value_median.filter(|_| w.value.is_some()),
                standing.number_group(PeerNumber::UnitWinRate),
            ) {
                (Some(mu), Some(mv), Some(g)) => format!(
                    "; the medians of your peer group ({}) are {} and {}",
                    group_label(q, &g),
                    percent(*mu),
                    percent(*mv)
                ),
                (Some(mu), None, Some(g)) => format!(
                    "; the median of your peer group ({}) is {} by count",
                    group_label(q, &g),
                    percent(*mu)
                ),
                _ => format!("; {}", no_median(q, standing)),
            };
            parts.push(format!(
                "Your {} decided deals give {} by count{by_value}{medians}.",
                format_amount(d),
                percent(u)
            ));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn sections(
    q: &Questionnaire,
    input: &ReportInput<'_>,
    kind: PartKind,
    tensions: &[TensionView],
) -> Vec<SectionView> {
    let numbers = input.scorecard.numbers.clone().unwrap_or_default();
    q.sections_of(kind)
        .map(|section| SectionView {
            title: section.title.clone(),
            entries: section
                .items
                .iter()
                .filter_map(|&pos| {
                    let item = &q.items[pos];
                    let Some(Answer::Option(i)) = input.answers.get(pos) else {
                        return None;
                    };
                    let option = &item.options[*i];
                    let band = q.commentary.band(option.score);
                    let mut paragraph = item.paragraph_for(*i, band)?;
                    let quoted = item.quotes.and_then(metric_number);
                    if let Some(n) = quoted {
                        let yours = figure_value(q, &numbers, n);
                        let median = input.standing.number_medians.get(n.key()).copied();
                        match (band, yours, median) {
                            (Band::Strong, Some(y), Some(m)) if markedly_worse(q, n, y, m) => {
                                if let Some(p) = &item.figure_disagrees {
                                    paragraph = p.clone();
                                }
                            }
                            (Band::Middling, Some(_), _) => {
                                if let Some(p) = &item.measured {
                                    paragraph = p.clone();
                                }
                            }
                            _ => {}
                        }
                    }
                    let figure = item.quotes.and_then(|metric| {
                        let n = metric_number(metric)?;
                        if n == PeerNumber::WinRate {
                            return win_rate_figure(q, input.standing, &numbers);
                        }
                        let yours = n.of(&numbers)?;
                        let label = match n {
                            PeerNumber::WinRate => "win rate",
                            PeerNumber::SalesCycleDays => "sales cycle",
                            PeerNumber::AverageDealValue => "average deal value",
                            PeerNumber::QualifiedOpportunities => "qualified opportunities",
                            _ => "figure",
                        };
                        let median = median_clause(q, input.standing, n).map_or_else(
                            || {
                                if input.standing.found {
                                    format!(
                                        " There is no peer median: fewer than {} peers gave theirs.",
                                        q.peer_group_minimum
                                    )
                                } else {
                                    format!(
                                        " There is no peer median yet: fewer than {} responses were in the study.",
                                        q.peer_group_minimum
                                    )
                                }
                            },
                            |m| format!(" For comparison, {m}."),
                        );
                        Some(format!(
                            "Your numbers give a {label} of {}.{median}",
                            write(q, unit_of(n), yours)
                        ))
                    });
                    let links = tensions
                        .iter()
                        .filter_map(|t| {
                            let (other_item, other_question) = if t.first_item == item.id {
                                (&t.second_item, &t.second_question)
                            } else if t.second_item == item.id {
                                (&t.first_item, &t.first_question)
                            } else {
                                return None;
                            };
                            Some(TensionLink {
                                id: t.id.clone(),
                                title: t.title.clone(),
                                other_item: other_item.clone(),
                                other_question: other_question.clone(),
                            })
                        })
                        .collect::<Vec<TensionLink>>();
                    if !links.is_empty() && band == Band::Strong {
                        paragraph = format!(
                            "On its own, \u{201c}{}\u{201d} here would be a strength. Another of your answers pulls against it, so it is a question to settle first, not a strength to keep.",
                            option.label
                        );
                    }
                    Some(EntryView {
                        item: item.id.clone(),
                        question: item.text.clone(),
                        answer: option.label.clone(),
                        band,
                        paragraph,
                        figure,
                        tensions: links,
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

/// The velocity factors that were left blank, in words.
fn missing_factors(card: &Scorecard) -> Vec<&'static str> {
    let n = card.numbers.clone().unwrap_or_default();
    let mut missing = Vec::new();
    if n.qualified_opportunities.is_none() {
        missing.push("the qualified opportunities");
    }
    if n.average_deal_value.is_none() {
        missing.push("the average deal value");
    }
    if n.effective_win_rate().is_none() {
        missing.push("a win rate");
    }
    if n.sales_cycle_days.is_none() {
        missing.push("the sales cycle");
    }
    missing
}

fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn velocity_paragraphs(
    q: &Questionnaire,
    card: &Scorecard,
    standing: &PeerStanding,
    numbers: Option<&NumbersView>,
) -> Vec<String> {
    let (Some(v), Some(n)) = (card.velocity.as_ref(), card.numbers.as_ref()) else {
        let mut paragraphs = vec![q.velocity_text.clone()];
        if card.numbers.is_none() {
            paragraphs.push(
                "Your own velocity is not shown because the company numbers were left blank."
                    .to_string(),
            );
        } else {
            paragraphs.push(format!(
                "Your own velocity is not shown because {} {} left blank.",
                and_list(&missing_factors(card)),
                if missing_factors(card).len() == 1 {
                    "was"
                } else {
                    "were"
                }
            ));
        }
        return paragraphs;
    };
    let gain = v.what_if_per_day - v.per_day;
    let mut first = format!(
        "Your numbers put your sales velocity at {} of revenue a day: {} qualified opportunities worth {} on average, a {} win rate and a {}-day sales cycle.",
        q.currency.format(v.per_day),
        format_amount(n.qualified_opportunities.unwrap_or_default()),
        q.currency.format(n.average_deal_value.unwrap_or_default()),
        percent(v.win_rate_used),
        format_amount(n.sales_cycle_days.unwrap_or_default()),
    );
    if let Some(m) = median_clause(q, standing, PeerNumber::VelocityPerDay) {
        first.push_str(&format!(" By the same measure, {m} a day."));
    }
    if let Some(w) = card
        .win_rate
        .as_ref()
        .filter(|w| n.win_rate.is_none() && thin(q, w))
    {
        first.push_str(&format!(
            " The win rate rests on only {} decided deals, so treat this velocity as a first estimate.",
            format_amount(decided(w).unwrap_or_default())
        ));
    }
    let second = format!(
        "The four factors multiply. Ten percent more opportunities, ten percent larger deals, a win rate ten percent higher and a cycle ten percent shorter would take you to {} a day: {} more every day, a {} rise, as if the sales team had grown by half without one new hire. The four sub-indices above show which of those practices to start with.",
        q.currency.format(v.what_if_per_day),
        q.currency.format(gain),
        numbers.map_or_else(
            || percent(what_if_uplift(WHAT_IF_STEP) * 100.0),
            |n| n.what_if_uplift.clone()
        ),
    );
    vec![first, second]
}

fn numbers_view(
    q: &Questionnaire,
    card: &Scorecard,
    standing: &PeerStanding,
) -> Option<NumbersView> {
    let numbers = card.numbers.as_ref()?;
    let mut rows = Vec::new();
    let mut row = |label: &str, n: PeerNumber, yours: Option<f64>| {
        let Some(v) = yours else { return };
        let unit = unit_of(n);
        let median = standing.number_medians.get(n.key()).copied();
        let group = standing.number_group(n);
        let (peer_median, peer_group, peer_missing) = match (median, group) {
            (Some(m), Some(g)) => (Some(write(q, unit, m)), Some(group_label(q, &g)), None),
            _ if !standing.found => (
                None,
                None,
                Some(format!(
                    "fewer than {} responses in the study",
                    q.peer_group_minimum
                )),
            ),
            _ => (
                None,
                None,
                Some(format!("fewer than {} peers gave it", q.peer_group_minimum)),
            ),
        };
        rows.push(NumberRow {
            label: label.to_string(),
            yours: write(q, unit, v),
            peer_median,
            peer_group,
            peer_missing,
        });
    };
    row(
        "Qualified opportunities per quarter",
        PeerNumber::QualifiedOpportunities,
        numbers.qualified_opportunities,
    );
    row(
        "Average deal value",
        PeerNumber::AverageDealValue,
        numbers.average_deal_value,
    );
    row("Win rate", PeerNumber::WinRate, usable_win_rate(q, numbers));
    row(
        "Sales cycle",
        PeerNumber::SalesCycleDays,
        numbers.sales_cycle_days,
    );
    row(
        "Quota attainment",
        PeerNumber::QuotaAttainment,
        numbers.quota_attainment,
    );
    row(
        "Sales velocity per day",
        PeerNumber::VelocityPerDay,
        card.velocity.as_ref().map(|v| v.per_day),
    );
    let win = card.win_rate.as_ref();
    let few = win.is_some_and(|w| thin(q, w));
    row(
        "Unit win rate (deals)",
        PeerNumber::UnitWinRate,
        win.and_then(|w| w.unit).filter(|_| !few),
    );
    row(
        "Value win rate",
        PeerNumber::ValueWinRate,
        win.and_then(|w| w.value).filter(|_| !few),
    );
    let uplift = card
        .velocity
        .as_ref()
        .map_or(what_if_uplift(WHAT_IF_STEP) * 100.0, |v| {
            v.what_if_uplift_percent
        });
    let missing = missing_factors(card);
    let groups: Vec<&String> = rows.iter().filter_map(|r| r.peer_group.as_ref()).collect();
    let groups_differ = groups.windows(2).any(|w| {
        let dims = |g: &str| {
            g.rsplit_once(", ")
                .map_or(g.to_string(), |(d, _)| d.to_string())
        };
        dims(w[0]) != dims(w[1])
    });
    let velocity_sentence = match &card.velocity {
        Some(v) => format!(
            "Your sales velocity is {} of revenue per day; the executive summary shows what ten percent on each factor would make of it.",
            q.currency.format(v.per_day),
        ),
        None => format!(
            "Your sales velocity is not shown because {} {} left blank.",
            and_list(&missing),
            if missing.len() == 1 { "was" } else { "were" }
        ),
    };
    let velocity_sentence = if groups_differ {
        format!(
            "{velocity_sentence} Each peer median below comes from the narrowest peer group in which at least {} responses gave that number, so the group can differ from row to row.",
            q.peer_group_minimum
        )
    } else {
        velocity_sentence
    };
    let win_rate_sentence = win.map(|w| {
        let mut s = match (w.unit, w.value) {
            (Some(_), _) if thin(q, w) => few_deals_sentence(q, w).unwrap_or_default(),
            (Some(u), Some(v)) => {
                let mut s = format!(
                    "By count of deals you win {} of the deals decided; by value, {}.",
                    percent(u),
                    percent(v)
                );
                if v + 5.0 < u {
                    s.push_str(" You win the smaller deals more often than the larger ones.");
                } else if v > u + 5.0 {
                    s.push_str(" You win the larger deals more often than the smaller ones.");
                }
                s
            }
            (Some(u), None) => format!(
                "By count of deals you win {} of the deals decided. There is no value win rate because the value won or the value lost was left blank.",
                percent(u)
            ),
            (None, _) => {
                let blank: Vec<&str> = [
                    (w.deals_won.is_none(), "the number of deals won"),
                    (w.deals_lost.is_none(), "the number of deals lost"),
                ]
                .into_iter()
                .filter_map(|(b, s)| b.then_some(s))
                .collect();
                if blank.is_empty() {
                    "There is no win rate from your deals: no deal was won or lost yet.".to_string()
                } else {
                    format!(
                        "There is no win rate from your deals because {} {} left blank.",
                        and_list(&blank),
                        if blank.len() == 1 { "was" } else { "were" }
                    )
                }
            }
        };
        if let Some(open) = w.deals_open.filter(|d| *d > 0.0) {
            let worth = w
                .open_value
                .filter(|v| *v > 0.0)
                .map_or_else(String::new, |v| format!(" worth {}", q.currency.format(v)));
            s.push_str(&format!(
                " {} deal{}{worth} {} still open. Neither rate counts {}: some will be won, and some are losses not yet recorded.",
                format_amount(open),
                if open == 1.0 { "" } else { "s" },
                if open == 1.0 { "is" } else { "are" },
                if open == 1.0 { "it" } else { "them" },
            ));
        } else if let Some(v) = w.open_value.filter(|v| *v > 0.0) {
            s.push_str(&format!(
                " Deals worth {} are still open, in neither rate.",
                q.currency.format(v)
            ));
        }
        s
    });
    let win_rate_reconciled = match (numbers.win_rate, win) {
        (Some(stated), Some(w)) => reconcile(q, stated, w),
        _ => None,
    };
    Some(NumbersView {
        velocity_per_day: card.velocity.as_ref().map(|v| q.currency.format(v.per_day)),
        what_if_per_day: card
            .velocity
            .as_ref()
            .map(|v| q.currency.format(v.what_if_per_day)),
        what_if_uplift: percent(uplift),
        velocity_sentence,
        unit_win_rate: win.and_then(|w| w.unit).map(percent),
        value_win_rate: win.and_then(|w| w.value).map(percent),
        win_rate_sentence,
        win_rate_reconciled,
        deals_open: win
            .and_then(|w| w.deals_open)
            .filter(|d| *d > 0.0)
            .map(format_amount),
        open_value: win
            .and_then(|w| w.open_value)
            .filter(|v| *v > 0.0)
            .map(|v| q.currency.format(v)),
        rows,
    })
}

/// The stated and the counted win rates, reconciled once, in words.
fn reconcile(q: &Questionnaire, stated: f64, w: &WinRates) -> Option<String> {
    let counted = w.unit?;
    let d = decided(w)?;
    let s = percent(stated);
    if thin(q, w) {
        // The sentence before says the count is too few to read as a rate.
        return Some(format!(
            "You stated a win rate of {s}, and the report uses that."
        ));
    }
    let close = |a: f64, b: f64| (a - b).abs() < 2.0;
    let side = |v: f64| if v > stated { "above" } else { "below" };
    let opening = match w.value {
        Some(v) => format!(
            "You stated a win rate of {s}; your {} decided deals give {} by count and {} by value.",
            format_amount(d),
            percent(counted),
            percent(v)
        ),
        None => format!(
            "You stated a win rate of {s}; your {} decided deals give {}.",
            format_amount(d),
            percent(counted)
        ),
    };
    let meaning = match w.value {
        _ if close(counted, stated) && w.value.is_none_or(|v| close(v, stated)) => {
            "Both agree with what you stated, and the report uses your stated rate.".to_string()
        }
        Some(v) if close(v, stated) => format!(
            "By value they match what you stated; by count they run {}, because you win the {} deals more often. The report uses your stated rate.",
            side(counted),
            if counted > v { "smaller" } else { "larger" }
        ),
        Some(v) if (v > stated) == (counted > stated) => format!(
            "Last quarter ran {} the rate you stated, by count and by value. The report uses your stated rate; if the next quarter runs {} it too, use the counted rate instead.",
            side(counted),
            side(counted)
        ),
        Some(v) => format!(
            "By count last quarter ran {} the rate you stated, by value {} it: you won {} of the smaller deals and {} of the larger ones. The report uses your stated rate.",
            side(counted),
            side(v),
            if counted > v { "more" } else { "fewer" },
            if counted > v { "fewer" } else { "more" }
        ),
        None => format!(
            "Last quarter ran {} the rate you stated. The report uses your stated rate; if the next quarter runs {} it too, use the counted rate instead.",
            side(counted),
            side(counted)
        ),
    };
    Some(format!("{opening} {meaning}"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Completeness;
    use crate::scoring::{Scorecard, score};

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
    fn a_response_stored_before_this_report_model_still_renders() {
        let q = Questionnaire::from_toml("study", STUDY).expect("valid");
        let json = serde_json::from_str(include_str!(
            "../../questionnaires/examples/mixed-vp-of-sales.json"
        ))
        .expect("json");
        let answers = Answers::from_json(&q, &json, Completeness::Final).expect("valid");
        // The scorecard and standing as older versions stored them: no headline or
        // impact on actions, no per-figure groups, deal counts as plain numbers.
        let mut card = serde_json::to_value(score(&q, &answers)).expect("json");
        for action in card["actions"].as_array_mut().expect("actions") {
            let a = action.as_object_mut().expect("object");
            a.remove("headline");
            a.remove("impact");
        }
        card["win_rate"]["deals_won"] = serde_json::json!(12.0);
        let card: Scorecard = serde_json::from_value(card).expect("an old scorecard reads");
        let mut standing = serde_json::to_value(PeerStanding::none("2026-01-05")).expect("json");
        let s = standing.as_object_mut().expect("object");
        s.remove("index_groups");
        s.remove("number_groups");
        let standing: PeerStanding =
            serde_json::from_value(standing).expect("an old standing reads");
        let r = Report::build(&ReportInput {
            questionnaire: &q,
            answers: &answers,
            scorecard: &card,
            standing: &standing,
            submitted_on: "2026-01-05",
        });
        // Old actions take their headline from the questionnaire.
        for a in &r.actions {
            let h = q
                .item(&a.item)
                .and_then(|i| i.headlines.as_ref())
                .expect("key area");
            assert!(
                [&h.keep, &h.change, &h.stop].contains(&&a.headline),
                "{}",
                a.headline
            );
        }
        assert!(r.overall.standing.starts_with("not compared yet"));
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
        assert_eq!(numbers.velocity_per_day.as_deref(), Some("$12,800"));
    }

    #[test]
    fn an_open_deal_appears_in_your_numbers() {
        let r = report(include_str!(
            "../../questionnaires/examples/average-company.json"
        ));
        let numbers = r.numbers.expect("numbers given");
        assert_eq!(numbers.unit_win_rate.as_deref(), Some("66.7%"));
        assert_eq!(numbers.value_win_rate.as_deref(), Some("50%"));
        assert_eq!(numbers.open_value.as_deref(), Some("$40,000"));
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
