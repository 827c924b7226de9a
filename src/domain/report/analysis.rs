//! The detailed analysis: each answer's paragraph, with the respondent's own
//! figure and its peer median where the item quotes one.

use super::*;

pub(super) fn metric_number(metric: Metric) -> Option<PeerNumber> {
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
pub(super) enum Unit {
    Count,
    Money,
    Percent,
    Days,
}

pub(super) fn write(q: &Questionnaire, unit: Unit, v: f64) -> String {
    match unit {
        Unit::Count => format_amount(v),
        Unit::Money => q.currency.format(v),
        Unit::Percent => percent(v),
        Unit::Days => format!("{} days", format_amount(v)),
    }
}

pub(super) fn unit_of(n: PeerNumber) -> Unit {
    match n {
        PeerNumber::QualifiedOpportunities => Unit::Count,
        PeerNumber::AverageDealValue | PeerNumber::VelocityPerDay => Unit::Money,
        PeerNumber::SalesCycleDays => Unit::Days,
        _ => Unit::Percent,
    }
}

/// "The median of your peer group (Software and internet, 22 responses) is 24%."
pub(super) fn median_clause(
    q: &Questionnaire,
    standing: &PeerStanding,
    n: PeerNumber,
) -> Option<String> {
    let median = standing.number_medians.get(n.key())?;
    let group = standing.number_group(n)?;
    Some(format!(
        "the median of your peer group ({}) is {}",
        group_label(q, &group),
        write(q, unit_of(n), *median)
    ))
}

/// Deals won plus lost, when both were given.
pub(super) fn decided(w: &WinRates) -> Option<f64> {
    Some(w.deals_won? + w.deals_lost?)
}

/// Whether the counted win rate rests on fewer decided deals than the study reads
/// as a rate (the rule of [`reads_as_rate`]).
pub(super) fn thin(q: &Questionnaire, w: &WinRates) -> bool {
    decided(w).is_some_and(|d| d > 0.0 && !reads_as_rate(d, q.minimum_decided_deals))
}

/// The win rate the report reads as a rate: the one stated, else the one counted
/// from enough decided deals.
pub fn usable_win_rate(q: &Questionnaire, numbers: &CompanyNumbers) -> Option<f64> {
    numbers.effective_win_rate(q.minimum_decided_deals)
}

/// The respondent's figure for a number, as the report reads it.
pub fn figure_value(q: &Questionnaire, numbers: &CompanyNumbers, n: PeerNumber) -> Option<f64> {
    match n {
        PeerNumber::WinRate => usable_win_rate(q, numbers),
        _ => n.of(numbers, q.minimum_decided_deals),
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

/// Whether the respondent's figure is better than the peer median by more than
/// the study's margin: a shorter cycle, or more, larger or more-won deals.
pub fn markedly_better(q: &Questionnaire, n: PeerNumber, yours: f64, median: f64) -> bool {
    let margin = q.figure_margin / 100.0;
    match n {
        PeerNumber::SalesCycleDays => yours < median * (1.0 - margin),
        _ => yours > median * (1.0 + margin),
    }
}

/// Where the respondent's figure stands against the peer median.
pub fn figure_standing(
    q: &Questionnaire,
    n: PeerNumber,
    yours: f64,
    median: f64,
) -> FigureStanding {
    if markedly_worse(q, n, yours, median) {
        FigureStanding::Worse
    } else if markedly_better(q, n, yours, median) {
        FigureStanding::Better
    } else {
        FigureStanding::Level
    }
}

/// "You won 2 of the 3 deals decided.", said where the report only recalls the
/// count: why it is not read as a rate is said once, in full.
pub(super) fn deals_won_sentence(w: &WinRates) -> Option<String> {
    let d = decided(w)?;
    Some(format!(
        "You won {} of the {} deal{} decided.",
        format_amount(w.deals_won.unwrap_or_default()),
        format_amount(d),
        if d == 1.0 { "" } else { "s" },
    ))
}

/// "You won 2 of the 3 deals decided: too few to read as a rate, which needs 10."
pub(super) fn few_deals_sentence(q: &Questionnaire, w: &WinRates) -> Option<String> {
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
pub(super) fn no_median(q: &Questionnaire, standing: &PeerStanding) -> String {
    if standing.found {
        format!(
            "there is no peer median: fewer than {} peers gave theirs",
            q.peer_group_minimum
        )
    } else {
        // Why there is no peer group yet is said once, at the top of the
        // report.
        "there is no peer median yet".to_string()
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

/// Where a figure stands against the median, in words: "well above", "close
/// to", "the same as"; a cycle is "much longer than" or "close to". Within the
/// study's margin a figure is "close to" the median, whichever side it falls:
/// the paragraph beside it reads it as level, so the figure says so too.
pub(super) fn against_words(
    q: &Questionnaire,
    n: PeerNumber,
    yours: f64,
    median: f64,
) -> &'static str {
    let unit = unit_of(n);
    if write(q, unit, yours) == write(q, unit, median) {
        return "the same as";
    }
    let higher = yours > median;
    let marked = figure_standing(q, n, yours, median) != FigureStanding::Level;
    match (n == PeerNumber::SalesCycleDays, marked, higher) {
        (true, true, true) => "much longer than",
        (true, true, false) => "much shorter than",
        (true, false, _) | (false, false, _) => "close to",
        (false, true, true) => "well above",
        (false, true, false) => "well below",
    }
}

/// "Your sales cycle is 90 days, much longer than the median of your peer group
/// (Software and internet, 44 responses), 60 days.", or why there is no median.
pub(super) fn figure_sentence(
    q: &Questionnaire,
    standing: &PeerStanding,
    n: PeerNumber,
    mine: &str,
    yours: f64,
) -> String {
    let median = standing.number_medians.get(n.key()).copied();
    match (median, standing.number_group(n)) {
        (Some(m), Some(g)) => format!(
            "{mine}, {} the median of your peer group ({}), {}.",
            against_words(q, n, yours, m),
            group_label(q, &g),
            write(q, unit_of(n), m)
        ),
        _ => format!("{mine}; {}.", no_median(q, standing)),
    }
}

/// The figure beside an answer, as a short line: "Your figure: 90 days; the
/// median of your peer group (Software and internet, 44 responses): 60 days."
/// The sub-index it feeds says the same in a sentence, with what it means: the
/// line only puts the number beside the answer.
pub(super) fn figure_line(
    q: &Questionnaire,
    standing: &PeerStanding,
    n: PeerNumber,
    label: &str,
    yours: f64,
) -> String {
    let written = write(q, unit_of(n), yours);
    let median = standing.number_medians.get(n.key()).copied();
    match (median, standing.number_group(n)) {
        (Some(m), Some(g)) => format!(
            "{label}: {written}; the median of your peer group ({}): {}.",
            group_label(q, &g),
            write(q, unit_of(n), m)
        ),
        _ => format!("{label}: {written}; {}.", no_median(q, standing)),
    }
}

/// How the respondent's own figure for a number begins: "Your sales cycle is 90
/// days".
pub(super) fn mine(
    q: &Questionnaire,
    numbers: &CompanyNumbers,
    n: PeerNumber,
    yours: f64,
) -> String {
    let written = write(q, unit_of(n), yours);
    match n {
        PeerNumber::QualifiedOpportunities => {
            format!("You work {written} qualified opportunities a quarter")
        }
        PeerNumber::AverageDealValue => format!("Your average deal is worth {written}"),
        PeerNumber::WinRate if numbers.win_rate.is_some() => {
            format!("You stated a win rate of {written}")
        }
        PeerNumber::WinRate => format!("Your decided deals give a win rate of {written}"),
        PeerNumber::SalesCycleDays => format!("Your sales cycle is {written}"),
        PeerNumber::QuotaAttainment => format!("Your quota attainment is {written}"),
        _ => format!("Your figure is {written}"),
    }
}

/// The respondent's own figure for a sub-index with the peer median, and where
/// it stands against the median (when there is one).
pub(super) fn sub_index_figure(
    q: &Questionnaire,
    card: &Scorecard,
    standing: &PeerStanding,
    sub: SubIndex,
) -> (Option<String>, Option<FigureStanding>) {
    let Some(numbers) = card.numbers.as_ref() else {
        return (None, None);
    };
    let n = sub_index_number(sub);
    let Some(yours) = figure_value(q, numbers, n) else {
        let few = (n == PeerNumber::WinRate)
            .then(|| card.win_rate.as_ref().filter(|w| thin(q, w)))
            .flatten()
            .and_then(deals_won_sentence);
        return (few, None);
    };
    let sentence = figure_sentence(q, standing, n, &mine(q, numbers, n, yours), yours);
    let place = standing
        .number_medians
        .get(n.key())
        .map(|m| figure_standing(q, n, yours, *m));
    (Some(sentence), place)
}

/// The sentence after a win-rate item's commentary: the stated rate and the
/// counted ones, each against its peer median, or why the count is not a rate.
pub(super) fn win_rate_figure(
    q: &Questionnaire,
    standing: &PeerStanding,
    numbers: &CompanyNumbers,
) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(stated) = numbers.win_rate {
        parts.push(figure_line(
            q,
            standing,
            PeerNumber::WinRate,
            "Your stated win rate",
            stated,
        ));
    }
    if let Some(w) = numbers.win_rates(q.minimum_decided_deals) {
        if thin(q, &w) {
            parts.extend(deals_won_sentence(&w));
        } else if let (Some(u), Some(d)) = (w.unit, decided(&w)) {
            let unit_median = standing.number_medians.get(PeerNumber::UnitWinRate.key());
            let value_median = standing.number_medians.get(PeerNumber::ValueWinRate.key());
            let face = |n: PeerNumber, yours: f64, m: f64| {
                format!(
                    "{}, {} {}",
                    percent(yours),
                    match against_words(q, n, yours, m) {
                        "the same as" => "level with your peers'",
                        "close to" => "close to your peers'",
                        w if w.contains("above") => "well above your peers'",
                        _ => "well below your peers'",
                    },
                    percent(m)
                )
            };
            let sentence = match (
                unit_median,
                w.value.zip(value_median.copied()),
                standing.number_group(PeerNumber::UnitWinRate),
            ) {
                (Some(mu), Some((v, mv)), Some(g)) => {
                    // Each median names its own group when the two differ.
                    match standing
                        .number_group(PeerNumber::ValueWinRate)
                        .filter(|gv| *gv != g)
                    {
                        Some(gv) => format!(
                            "Your {} decided deals give a win rate by count of {} (your peer group: {}), and by value of {} (your peer group: {}).",
                            format_amount(d),
                            face(PeerNumber::UnitWinRate, u, *mu),
                            group_label(q, &g),
                            face(PeerNumber::ValueWinRate, v, mv),
                            group_label(q, &gv)
                        ),
                        None => format!(
                            "Your {} decided deals give a win rate by count of {}, and by value of {} (your peer group: {}).",
                            format_amount(d),
                            face(PeerNumber::UnitWinRate, u, *mu),
                            face(PeerNumber::ValueWinRate, v, mv),
                            group_label(q, &g)
                        ),
                    }
                }
                (Some(mu), None, Some(g)) => format!(
                    "Your {} decided deals give a win rate by count of {} (your peer group: {}).",
                    format_amount(d),
                    face(PeerNumber::UnitWinRate, u, *mu),
                    group_label(q, &g)
                ),
                _ => format!(
                    "Your {} decided deals give {} by count{}; {}.",
                    format_amount(d),
                    percent(u),
                    w.value
                        .map_or_else(String::new, |v| format!(" and {} by value", percent(v))),
                    no_median(q, standing)
                ),
            };
            parts.push(sentence);
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The first sentence of a paragraph: what a strong routine answer gets, so
/// that the detailed analysis spends its length where it matters.
pub(super) fn first_sentence(paragraph: &str) -> &str {
    let bytes = paragraph.as_bytes();
    for (i, _) in paragraph.match_indices(". ") {
        if bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase) {
            return &paragraph[..=i];
        }
    }
    paragraph
}

pub(super) fn sections(
    q: &Questionnaire,
    input: &ReportInput<'_>,
    kind: PartKind,
    tensions: &[TensionView],
) -> Vec<SectionView> {
    let numbers = input.scorecard.numbers.clone().unwrap_or_default();
    let audience = input.answers.audience(q);
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
                    let mut paragraph = item.paragraph_for(*i, band, audience)?;
                    let quoted = item.quotes.and_then(metric_number);
                    if let Some(n) = quoted {
                        let yours = figure_value(q, &numbers, n);
                        let median = input.standing.number_medians.get(n.key()).copied();
                        if let (Some(y), Some(m)) = (yours, median) {
                            let place = figure_standing(q, n, y, m);
                            let said = match (band, place) {
                                (Band::Strong, FigureStanding::Worse) => {
                                    item.figure_disagrees_for(audience)
                                }
                                (Band::Weak, FigureStanding::Better) => {
                                    item.figure_better_for(audience)
                                }
                                (Band::Middling, _) => item
                                    .measured_for(audience)
                                    .map(|measured| measured.for_standing(place)),
                                _ => None,
                            };
                            if let Some(p) = said {
                                paragraph = option.put_in(p);
                            }
                        }
                    }
                    // An answer elsewhere says the company does not have what
                    // this question presumes: its own paragraph would advise on
                    // something that is not there.
                    if let Some(instead) = input.answers.said_instead(q, &item.id) {
                        return Some(EntryView {
                            item: item.id.clone(),
                            question: item.text.clone(),
                            answer: option.label.clone(),
                            answered: format!("You answered: {}", option.label),
                            band,
                            paragraph: option.put_in(instead),
                            figure: None,
                            tensions: tensions
                                .iter()
                                .filter(|t| t.items.contains(&item.id))
                                .enumerate()
                                .map(|(n, t)| tension_link(q, t, &item.id, n > 0))
                                .collect(),
                        });
                    }
                    let figure = quoted.and_then(|n| {
                        if n == PeerNumber::WinRate {
                            return win_rate_figure(q, input.standing, &numbers);
                        }
                        let yours = n.of(&numbers, q.minimum_decided_deals)?;
                        Some(figure_line(q, input.standing, n, "Your figure", yours))
                    });
                    let links: Vec<TensionLink> = tensions
                        .iter()
                        .filter(|t| t.items.contains(&item.id))
                        .enumerate()
                        .map(|(n, t)| tension_link(q, t, &item.id, n > 0))
                        .collect();
                    if !links.is_empty() && band == Band::Strong {
                        // Named by its disagreement, so that two strong
                        // answers in two disagreements do not read alike.
                        // The pointer that follows says what pulls against
                        // it: the paragraph does not say it twice.
                        paragraph = format!(
                            "On its own, \u{201c}{}\u{201d} here would be a strength; beside {} under \u{201c}{}\u{201d}, it is a question to settle first, not a strength to keep.",
                            option.label,
                            if links.iter().map(|l| l.other_items.len()).sum::<usize>() > 1 {
                                "what you answered elsewhere"
                            } else {
                                "another of your answers"
                            },
                            links[0].title
                        );
                    } else if band == Band::Strong && !item.key_area && figure.is_none() {
                        // A strong routine answer, briefly.
                        paragraph = first_sentence(&paragraph).to_string();
                    }
                    Some(EntryView {
                        item: item.id.clone(),
                        question: item.text.clone(),
                        answer: option.label.clone(),
                        answered: format!("You answered: {}", option.label),
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

/// "This answer pulls against your answers to “...” and “...”: see “...” under
/// Where your answers disagree."
/// A second disagreement of the same answer reads "It also disagrees with ...",
/// so that "pulls against" is said once beside it.
fn tension_link(q: &Questionnaire, t: &TensionView, item: &str, also: bool) -> TensionLink {
    let others: Vec<&String> = t.items.iter().filter(|i| *i != item).collect();
    let mut sentence = Paragraph::new().plain(match (also, others.len() == 1) {
        (false, true) => "This answer pulls against your answer to ",
        (false, false) => "This answer pulls against your answers to ",
        (true, true) => "It also disagrees with your answer to ",
        (true, false) => "It also disagrees with your answers to ",
    });
    for (n, other) in others.iter().enumerate() {
        if n > 0 {
            sentence = sentence.plain(if n + 1 == others.len() { " and " } else { ", " });
        }
        let question = q.item(other).map_or(other.as_str(), |i| i.text.as_str());
        sentence = sentence.link(quoted(question), format!("item-{other}"));
    }
    TensionLink {
        sentence: sentence
            .plain(": see ")
            .link(
                format!("\u{201c}{}\u{201d}", t.title),
                format!("tension-{}", t.id),
            )
            .plain(" under Where your answers disagree."),
        id: t.id.clone(),
        title: t.title.clone(),
        other_items: others.into_iter().cloned().collect(),
    }
}
