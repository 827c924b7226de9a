//! The detailed analysis: each answer's paragraph, with the respondent's own
//! figure and its peer median where the item quotes one. Its words are the
//! `analysis-…` messages of `assets/locales/LANG/analysis.ftl`.

use super::*;
use crate::language::Language;
use crate::phrases::{self, say};

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

/// A whole count as `language` writes it: "12,800", "12.800", "12 800".
pub(super) fn figure_count(language: Language, v: f64) -> String {
    match language {
        // English keeps its own grouping, as every English report always had.
        Language::English => format_amount(v),
        // `+ 0.0` turns a rounded -0.4 into 0, not "-0".
        _ => phrases::number(language, v.round() + 0.0),
    }
}

/// A setting of the study (a peer minimum) as `language` writes it.
pub(super) fn figure_whole(language: Language, n: usize) -> String {
    match language {
        Language::English => n.to_string(),
        _ => phrases::number(language, n as f64),
    }
}

/// A percentage in a sentence, one decimal at most: "24.5%", "24,5 %".
pub(super) fn figure_percent(language: Language, v: f64) -> String {
    match language {
        Language::English => percent(v),
        _ => phrases::percent(language, (v * 10.0).round() / 10.0),
    }
}

/// An amount kept in the reference currency, whole, in the report's currency
/// and language: "$12,800", "12.800 $".
pub(super) fn figure_money(q: &Questionnaire, kept: f64) -> String {
    figure_money_in(q, q.language, kept)
}

fn figure_money_in(q: &Questionnaire, language: Language, kept: f64) -> String {
    match language {
        Language::English => q.currency.format(kept),
        // Converted and rounded as `Currency::format` does it.
        language => phrases::money(
            language,
            &q.currency.symbol,
            (kept / q.currency.rate).round() + 0.0,
        ),
    }
}

pub(super) fn write(q: &Questionnaire, unit: Unit, v: f64) -> String {
    write_in(q, q.language, unit, v)
}

fn write_in(q: &Questionnaire, language: Language, unit: Unit, v: f64) -> String {
    match unit {
        Unit::Count => figure_count(language, v),
        Unit::Money => figure_money_in(q, language, v),
        Unit::Percent => figure_percent(language, v),
        Unit::Days => say(
            language,
            "analysis-days",
            &[
                ("days", figure_count(language, v).into()),
                ("count", v.round().into()),
            ],
        ),
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

/// The median of a number and the peer group it comes from, written for a
/// sentence: ("Software and internet, 22 responses", "24%").
pub(super) fn median_clause(
    q: &Questionnaire,
    standing: &PeerStanding,
    n: PeerNumber,
) -> Option<(String, String)> {
    let median = standing.number_medians.get(n.key())?;
    let group = standing.number_group(n)?;
    Some((group_label(q, &group), write(q, unit_of(n), *median)))
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
pub(super) fn deals_won_sentence(language: Language, w: &WinRates) -> Option<String> {
    let d = decided(w)?;
    Some(say(
        language,
        "analysis-deals-won",
        &[
            (
                "won",
                figure_count(language, w.deals_won.unwrap_or_default()).into(),
            ),
            ("decided", figure_count(language, d).into()),
            ("count", d.into()),
        ],
    ))
}

/// "You won 2 of the 3 deals decided: too few to read as a rate, which needs 10."
pub(super) fn few_deals_sentence(q: &Questionnaire, w: &WinRates) -> Option<String> {
    let d = decided(w)?;
    let language = q.language;
    Some(say(
        language,
        "analysis-few-deals",
        &[
            (
                "won",
                figure_count(language, w.deals_won.unwrap_or_default()).into(),
            ),
            ("decided", figure_count(language, d).into()),
            ("count", d.into()),
            (
                "minimum",
                figure_count(language, q.minimum_decided_deals).into(),
            ),
        ],
    ))
}

/// Why a number has no peer median, in one plain clause.
pub(super) fn no_median(q: &Questionnaire, standing: &PeerStanding) -> String {
    if standing.found {
        say(
            q.language,
            "analysis-no-median-few",
            &[(
                "minimum",
                figure_whole(q.language, q.peer_group_minimum).into(),
            )],
        )
    } else {
        // Why there is no peer group yet is said once, at the top of the
        // report.
        say(q.language, "analysis-no-median-yet", &[])
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

/// Where a figure stands against the median, as the messages select their
/// words ("well above", "close to", "the same as"; a cycle is "much longer
/// than"): decided once here, so that no sentence reads another's words.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Against {
    Same,
    Close,
    WellAbove,
    WellBelow,
    MuchLonger,
    MuchShorter,
}

impl Against {
    /// The key a message selects on.
    fn key(self) -> &'static str {
        match self {
            Against::Same => "same",
            Against::Close => "close",
            Against::WellAbove => "well-above",
            Against::WellBelow => "well-below",
            Against::MuchLonger => "much-longer",
            Against::MuchShorter => "much-shorter",
        }
    }
}

/// Where a figure stands against the median. Within the study's margin a
/// figure is "close to" the median, whichever side it falls: the paragraph
/// beside it reads it as level, so the figure says so too.
pub(super) fn against(q: &Questionnaire, n: PeerNumber, yours: f64, median: f64) -> Against {
    let unit = unit_of(n);
    // Equal as shown; compared in one language, so that every language says
    // the same of the same figures.
    if write_in(q, Language::English, unit, yours) == write_in(q, Language::English, unit, median) {
        return Against::Same;
    }
    let higher = yours > median;
    let marked = figure_standing(q, n, yours, median) != FigureStanding::Level;
    match (n == PeerNumber::SalesCycleDays, marked, higher) {
        (true, true, true) => Against::MuchLonger,
        (true, true, false) => Against::MuchShorter,
        (true, false, _) | (false, false, _) => Against::Close,
        (false, true, true) => Against::WellAbove,
        (false, true, false) => Against::WellBelow,
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
        (Some(m), Some(g)) => say(
            q.language,
            "analysis-figure-against-median",
            &[
                ("mine", mine.into()),
                ("against", against(q, n, yours, m).key().into()),
                ("group", group_label(q, &g).into()),
                ("median", write(q, unit_of(n), m).into()),
            ],
        ),
        _ => say(
            q.language,
            "analysis-figure-no-median",
            &[
                ("mine", mine.into()),
                ("no-median", no_median(q, standing).into()),
            ],
        ),
    }
}

/// Which figure a line beside an answer shows: `$which` of
/// `analysis-figure-line`.
#[derive(Clone, Copy)]
pub(super) enum LineLabel {
    /// "Your figure".
    Figure,
    /// "Your stated win rate".
    StatedWinRate,
}

/// The figure beside an answer, as a short line: "Your figure: 90 days; the
/// median of your peer group (Software and internet, 44 responses): 60 days."
/// The sub-index it feeds says the same in a sentence, with what it means: the
/// line only puts the number beside the answer.
pub(super) fn figure_line(
    q: &Questionnaire,
    standing: &PeerStanding,
    n: PeerNumber,
    label: LineLabel,
    yours: f64,
) -> String {
    let which = match label {
        LineLabel::Figure => "figure",
        LineLabel::StatedWinRate => "stated-win-rate",
    };
    let written = write(q, unit_of(n), yours);
    let median = standing.number_medians.get(n.key()).copied();
    match (median, standing.number_group(n)) {
        (Some(m), Some(g)) => say(
            q.language,
            "analysis-figure-line",
            &[
                ("which", which.into()),
                ("yours", written.into()),
                ("group", group_label(q, &g).into()),
                ("median", write(q, unit_of(n), m).into()),
            ],
        ),
        _ => say(
            q.language,
            "analysis-figure-line-no-median",
            &[
                ("which", which.into()),
                ("yours", written.into()),
                ("no-median", no_median(q, standing).into()),
            ],
        ),
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
    let number = match n {
        PeerNumber::QualifiedOpportunities => "opportunities",
        PeerNumber::AverageDealValue => "deal-value",
        PeerNumber::WinRate if numbers.win_rate.is_some() => "stated-win-rate",
        PeerNumber::WinRate => "counted-win-rate",
        PeerNumber::SalesCycleDays => "sales-cycle",
        PeerNumber::QuotaAttainment => "quota",
        _ => "other",
    };
    say(
        q.language,
        "analysis-figure-mine",
        &[
            ("number", number.into()),
            ("yours", write(q, unit_of(n), yours).into()),
        ],
    )
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
            .and_then(|w| deals_won_sentence(q.language, w));
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
    let language = q.language;
    let mut parts = Vec::new();
    if let Some(stated) = numbers.win_rate {
        parts.push(figure_line(
            q,
            standing,
            PeerNumber::WinRate,
            LineLabel::StatedWinRate,
            stated,
        ));
    }
    if let Some(w) = numbers.win_rates(q.minimum_decided_deals) {
        if thin(q, &w) {
            parts.extend(deals_won_sentence(language, &w));
        } else if let (Some(u), Some(d)) = (w.unit, decided(&w)) {
            let unit_median = standing.number_medians.get(PeerNumber::UnitWinRate.key());
            let value_median = standing.number_medians.get(PeerNumber::ValueWinRate.key());
            let face = |n: PeerNumber, yours: f64, m: f64| {
                let side = match against(q, n, yours, m) {
                    Against::Same => "level",
                    Against::Close => "close",
                    Against::WellAbove => "above",
                    _ => "below",
                };
                say(
                    language,
                    "analysis-win-rate-face",
                    &[
                        ("yours", figure_percent(language, yours).into()),
                        ("against", side.into()),
                        ("median", figure_percent(language, m).into()),
                    ],
                )
            };
            let decided = figure_count(language, d);
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
                        Some(gv) => say(
                            language,
                            "analysis-win-rates-two-groups",
                            &[
                                ("decided", decided.into()),
                                ("by-count", face(PeerNumber::UnitWinRate, u, *mu).into()),
                                ("count-group", group_label(q, &g).into()),
                                ("by-value", face(PeerNumber::ValueWinRate, v, mv).into()),
                                ("value-group", group_label(q, &gv).into()),
                            ],
                        ),
                        None => say(
                            language,
                            "analysis-win-rates-one-group",
                            &[
                                ("decided", decided.into()),
                                ("by-count", face(PeerNumber::UnitWinRate, u, *mu).into()),
                                ("by-value", face(PeerNumber::ValueWinRate, v, mv).into()),
                                ("group", group_label(q, &g).into()),
                            ],
                        ),
                    }
                }
                (Some(mu), None, Some(g)) => say(
                    language,
                    "analysis-win-rate-by-count",
                    &[
                        ("decided", decided.into()),
                        ("by-count", face(PeerNumber::UnitWinRate, u, *mu).into()),
                        ("group", group_label(q, &g).into()),
                    ],
                ),
                _ => {
                    let no_median = no_median(q, standing);
                    match w.value {
                        Some(v) => say(
                            language,
                            "analysis-win-rates-no-median",
                            &[
                                ("decided", decided.into()),
                                ("by-count", figure_percent(language, u).into()),
                                ("by-value", figure_percent(language, v).into()),
                                ("no-median", no_median.into()),
                            ],
                        ),
                        None => say(
                            language,
                            "analysis-win-rate-by-count-no-median",
                            &[
                                ("decided", decided.into()),
                                ("by-count", figure_percent(language, u).into()),
                                ("no-median", no_median.into()),
                            ],
                        ),
                    }
                }
            };
            parts.push(sentence);
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The first sentence of a paragraph: what a strong routine answer gets, so
/// that the detailed analysis spends its length where it matters.
///
/// A sentence ends at ". " before a capital. In English that capital is
/// ASCII, as it always was; the other languages also begin sentences with
/// "Ü", "É", "¿" or a quotation mark, and write "z. B." or "3. Quartal",
/// whose full stops end no sentence.
pub(super) fn first_sentence(language: Language, paragraph: &str) -> &str {
    let bytes = paragraph.as_bytes();
    for (i, _) in paragraph.match_indices(". ") {
        let ends = match language {
            Language::English => bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase),
            _ => {
                let next = paragraph[i + 2..].chars().next();
                let word = paragraph[..i]
                    .rsplit(|c: char| c.is_whitespace() || c == '(')
                    .next()
                    .unwrap_or_default();
                next.is_some_and(|c| c.is_uppercase() || "¿¡«„\u{201c}\"".contains(c))
                    && !abbreviation(word)
            }
        };
        if ends {
            return &paragraph[..=i];
        }
    }
    paragraph
}

/// Whether a word before a full stop is an abbreviation or an ordinal ("z",
/// "B", "ca", "3"), not the end of a sentence.
fn abbreviation(word: &str) -> bool {
    const SHORT: [&str; 14] = [
        "ca", "bzw", "vgl", "usw", "etc", "ggf", "inkl", "evtl", "nr", "dr", "ex", "ej", "env",
        "sr",
    ];
    word.chars().count() == 1
        || word.chars().all(|c| c.is_ascii_digit())
        || word.contains('.')
        || SHORT.contains(&word.to_lowercase().as_str())
}

pub(super) fn sections(
    q: &Questionnaire,
    input: &ReportInput<'_>,
    kind: PartKind,
    tensions: &[TensionView],
) -> Vec<SectionView> {
    let language = q.language;
    let numbers = input.scorecard.numbers.clone().unwrap_or_default();
    let audience = input.answers.audience(q);
    let answered = |label: &str| {
        say(
            language,
            "analysis-you-answered",
            &[("answer", label.into())],
        )
    };
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
                            answered: answered(&option.label),
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
                        Some(figure_line(q, input.standing, n, LineLabel::Figure, yours))
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
                        let others: usize = links.iter().map(|l| l.other_items.len()).sum();
                        paragraph = say(
                            language,
                            "analysis-strength-questioned",
                            &[
                                ("answer", option.label.as_str().into()),
                                (
                                    "elsewhere",
                                    if others > 1 { "several" } else { "one" }.into(),
                                ),
                                ("title", links[0].title.as_str().into()),
                            ],
                        );
                    } else if band == Band::Strong && !item.key_area && figure.is_none() {
                        // A strong routine answer, briefly.
                        paragraph = first_sentence(language, &paragraph).to_string();
                    }
                    Some(EntryView {
                        item: item.id.clone(),
                        question: item.text.clone(),
                        answer: option.label.clone(),
                        answered: answered(&option.label),
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

/// Where a run of its own goes in a formatted message: the message keeps its
/// words in its language's order, and the run is put in where it says.
fn mark(name: &str) -> String {
    format!("\u{e000}{name}\u{e000}")
}

/// A message formatted with marks ([`mark`]) for runs, as a paragraph: its
/// words as plain runs, each mark replaced by the runs given for it.
fn with_runs(text: &str, runs: &[(&str, Vec<Run>)]) -> Paragraph {
    let mut p = Paragraph::new();
    // Between marks, plain text; the marks' names sit at the odd places.
    for (n, piece) in text.split('\u{e000}').enumerate() {
        if n % 2 == 1
            && let Some((_, r)) = runs.iter().find(|(name, _)| *name == piece)
        {
            p.0.extend(r.iter().cloned());
        } else if !piece.is_empty() {
            p = p.plain(piece);
        }
    }
    p
}

/// "This answer pulls against your answers to “...” and “...”: see “...” under
/// Where your answers disagree."
/// A second disagreement of the same answer reads "It also disagrees with ...",
/// so that "pulls against" is said once beside it.
fn tension_link(q: &Questionnaire, t: &TensionView, item: &str, also: bool) -> TensionLink {
    let language = q.language;
    let others: Vec<&String> = t.items.iter().filter(|i| *i != item).collect();
    let mut questions = Paragraph::new();
    for (n, other) in others.iter().enumerate() {
        if n > 0 {
            questions = questions.plain(if n + 1 == others.len() {
                say(language, "analysis-list-and", &[])
            } else {
                ", ".to_string()
            });
        }
        let question = q.item(other).map_or(other.as_str(), |i| i.text.as_str());
        questions = questions.link(quoted_in(language, question), format!("item-{other}"));
    }
    let title = Paragraph::new().link(quote(language, &t.title), format!("tension-{}", t.id));
    let text = say(
        language,
        "analysis-tension-link",
        &[
            ("also", if also { "yes" } else { "no" }.into()),
            ("count", others.len().into()),
            ("questions", mark("questions").into()),
            ("title", mark("title").into()),
        ],
    );
    TensionLink {
        sentence: with_runs(&text, &[("questions", questions.0), ("title", title.0)]),
        id: t.id.clone(),
        title: t.title.clone(),
        other_items: others.into_iter().cloned().collect(),
    }
}
