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
pub(super) fn sub_index_figure(
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
pub(super) fn win_rate_figure(
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
    if let Some(w) = numbers.win_rates(q.minimum_decided_deals) {
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

pub(super) fn sections(
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
                        let yours = n.of(&numbers, q.minimum_decided_deals)?;
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
                                sentence: Paragraph::new()
                                    .plain("This answer pulls against your answer to ")
                                    .link(
                                        format!("\u{201c}{other_question}\u{201d}"),
                                        format!("item-{other_item}"),
                                    )
                                    .plain(": see ")
                                    .link(
                                        format!("\u{201c}{}\u{201d}", t.title),
                                        format!("tension-{}", t.id),
                                    )
                                    .plain(" under Where your answers disagree."),
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
