//! "Your numbers" and the velocity part of the executive summary: amounts in
//! the study's currency, win rates reconciled, peer medians of numbers. Their
//! words are the `numbers-…` and `velocity-…` messages of
//! `assets/locales/LANG/analysis.ftl`.

use super::*;
use crate::language::Language;
use crate::phrases::say;

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

/// The velocity factors that were left blank, as `velocity-factor` selects
/// them. A win rate counted from too few deals was not left blank:
/// [`velocity_missing`] says so apart.
pub(super) fn missing_factors(q: &Questionnaire, card: &Scorecard) -> Vec<&'static str> {
    let n = card.numbers.clone().unwrap_or_default();
    let mut missing = Vec::new();
    if n.qualified_opportunities.is_none() {
        missing.push("opportunities");
    }
    if n.average_deal_value.is_none() {
        missing.push("deal-value");
    }
    if n.effective_win_rate(q.minimum_decided_deals).is_none()
        && !n.too_few_decided(q.minimum_decided_deals)
    {
        missing.push("win-rate");
    }
    if n.sales_cycle_days.is_none() {
        missing.push("sales-cycle");
    }
    missing
}

/// Why velocity is not shown, as the clause after "because": the factors left
/// blank, and a count of deals too small to read as a win rate.
pub(super) fn velocity_missing(q: &Questionnaire, card: &Scorecard) -> String {
    let language = q.language;
    let missing: Vec<String> = missing_factors(q, card)
        .into_iter()
        .map(|factor| say(language, "velocity-factor", &[("factor", factor.into())]))
        .collect();
    let blank = (!missing.is_empty()).then(|| {
        say(
            language,
            "velocity-left-blank",
            &[
                ("list", and_list(language, &missing).into()),
                ("count", missing.len().into()),
            ],
        )
    });
    let n = card.numbers.clone().unwrap_or_default();
    let few = (n.win_rate.is_none() && n.too_few_decided(q.minimum_decided_deals))
        .then(|| n.deals_decided())
        .flatten()
        .map(|d| {
            say(
                language,
                "velocity-too-few-decided",
                &[
                    ("decided", figure_count(language, d).into()),
                    ("count", d.into()),
                    (
                        "minimum",
                        figure_count(language, q.minimum_decided_deals).into(),
                    ),
                ],
            )
        });
    match (blank, few) {
        (Some(b), Some(f)) => say(
            language,
            "velocity-reason-both",
            &[("blank", b.into()), ("few", f.into())],
        ),
        (Some(b), None) => b,
        (None, Some(f)) => f,
        // Every factor is there: velocity is missing for want of a cycle.
        (None, None) => say(language, "velocity-reason-zero-cycle", &[]),
    }
}

/// What would give velocity a figure next time, as the clause after why it has
/// none: a finished respondent can only assess again.
pub(super) fn velocity_next_time(q: &Questionnaire, card: &Scorecard) -> String {
    let n = card.numbers.clone().unwrap_or_default();
    let few = n.win_rate.is_none() && n.too_few_decided(q.minimum_decided_deals);
    let case = match (missing_factors(q, card).len(), few) {
        (0, false) => "cycle",
        (0, true) => "rate-or-longer",
        (1, false) => "it",
        (_, false) => "them",
        (1, true) => "it-and-rate",
        (_, true) => "them-and-rate",
    };
    say(q.language, "velocity-next-time", &[("case", case.into())])
}

/// No win rate was stated: a count too small to read as one is then part of
/// why velocity is missing ([`velocity_missing`]).
fn numbers_win_rate_missing(card: &Scorecard) -> bool {
    card.numbers.as_ref().is_none_or(|n| n.win_rate.is_none())
}

/// "a, b and c" in `language`.
pub(super) fn and_list(language: Language, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!(
            "{}{}{last}",
            rest.join(", "),
            say(language, "analysis-list-and", &[])
        ),
    }
}

pub(super) fn velocity_paragraphs(
    q: &Questionnaire,
    card: &Scorecard,
    standing: &PeerStanding,
    numbers: Option<&NumbersView>,
) -> Vec<String> {
    let language = q.language;
    let pointer = sub_index_pointer(language, card);
    let (Some(v), Some(n)) = (card.velocity.as_ref(), card.numbers.as_ref()) else {
        let mut first = q.velocity_text.clone();
        if let Some(p) = &pointer {
            first.push(' ');
            first.push_str(p);
        }
        let mut paragraphs = vec![first];
        if card.numbers.is_none() {
            paragraphs.push(say(language, "velocity-not-shown-no-numbers", &[]));
        } else {
            paragraphs.push(say(
                language,
                "velocity-not-shown",
                &[
                    ("reason", velocity_missing(q, card).into()),
                    ("next", velocity_next_time(q, card).into()),
                ],
            ));
        }
        return paragraphs;
    };
    let gain = v.what_if_per_day - v.per_day;
    let cycle = n.sales_cycle_days.unwrap_or_default();
    let mut first = say(
        language,
        "velocity-yours",
        &[
            ("per-day", figure_money(q, v.per_day).into()),
            (
                "opportunities",
                figure_count(language, n.qualified_opportunities.unwrap_or_default()).into(),
            ),
            (
                "deal-value",
                figure_money(q, n.average_deal_value.unwrap_or_default()).into(),
            ),
            ("win-rate", figure_percent(language, v.win_rate_used).into()),
            ("cycle", figure_count(language, cycle).into()),
            ("cycle-days", cycle.round().into()),
        ],
    );
    if let Some((group, median)) = median_clause(q, standing, PeerNumber::VelocityPerDay) {
        first.push(' ');
        first.push_str(&say(
            language,
            "velocity-peer-median",
            &[("group", group.into()), ("median", median.into())],
        ));
    }
    let mut second = say(
        language,
        "velocity-what-if",
        &[
            ("what-if", figure_money(q, v.what_if_per_day).into()),
            ("gain", figure_money(q, gain).into()),
            (
                "uplift",
                numbers
                    .map_or_else(
                        || figure_percent(language, what_if_uplift(WHAT_IF_STEP) * 100.0),
                        |n| n.what_if_uplift.clone(),
                    )
                    .into(),
            ),
        ],
    );
    if let Some(p) = pointer {
        second.push(' ');
        second.push_str(&p);
    }
    vec![first, second]
}

/// Which sub-indices say where to start, for the velocity paragraph: only those
/// with a figure, and nothing when none has one.
pub(super) fn sub_index_pointer(language: Language, card: &Scorecard) -> Option<String> {
    let scored = card
        .sub_indices
        .iter()
        .filter(|(_, s)| s.score.is_some())
        .count();
    let id = match scored {
        0 => return None,
        4 => "velocity-pointer-all",
        1 => "velocity-pointer-one",
        _ => "velocity-pointer-some",
    };
    Some(say(language, id, &[]))
}

pub(super) fn numbers_view(
    q: &Questionnaire,
    card: &Scorecard,
    standing: &PeerStanding,
) -> Option<NumbersView> {
    let language = q.language;
    let numbers = card.numbers.as_ref()?;
    let mut rows = Vec::new();
    // The peer group of each row's median, to tell whether they differ.
    let mut row_groups: Vec<FigureGroup> = Vec::new();
    let mut row = |label: &str, n: PeerNumber, yours: Option<f64>| {
        let Some(v) = yours else { return };
        let unit = unit_of(n);
        let median = standing.number_medians.get(n.key()).copied();
        let group = standing.number_group(n);
        let (peer_median, peer_group, peer_missing) = match (median, group) {
            (Some(m), Some(g)) => {
                let label = group_label(q, &g);
                row_groups.push(g);
                (Some(write(q, unit, m)), Some(label), None)
            }
            _ if !standing.found => (
                None,
                None,
                Some(say(language, "numbers-no-peer-group-yet", &[])),
            ),
            _ => (
                None,
                None,
                Some(say(
                    language,
                    "numbers-few-peers",
                    &[(
                        "minimum",
                        figure_whole(language, q.peer_group_minimum).into(),
                    )],
                )),
            ),
        };
        rows.push(NumberRow {
            label: say(language, label, &[]),
            yours: write(q, unit, v),
            peer_median,
            peer_group,
            peer_missing,
        });
    };
    row(
        "numbers-qualified-opportunities",
        PeerNumber::QualifiedOpportunities,
        numbers.qualified_opportunities,
    );
    row(
        "numbers-average-deal-value",
        PeerNumber::AverageDealValue,
        numbers.average_deal_value,
    );
    row(
        "numbers-win-rate",
        PeerNumber::WinRate,
        usable_win_rate(q, numbers),
    );
    row(
        "numbers-sales-cycle",
        PeerNumber::SalesCycleDays,
        numbers.sales_cycle_days,
    );
    row(
        "numbers-quota-attainment",
        PeerNumber::QuotaAttainment,
        numbers.quota_attainment,
    );
    row(
        "numbers-velocity-per-day",
        PeerNumber::VelocityPerDay,
        card.velocity.as_ref().map(|v| v.per_day),
    );
    // The scorecard's rates already leave out a count too small to be a rate.
    let win = card.win_rate.as_ref();
    row(
        "numbers-unit-win-rate",
        PeerNumber::UnitWinRate,
        win.and_then(|w| w.unit),
    );
    row(
        "numbers-value-win-rate",
        PeerNumber::ValueWinRate,
        win.and_then(|w| w.value),
    );
    let uplift = card
        .velocity
        .as_ref()
        .map_or(what_if_uplift(WHAT_IF_STEP) * 100.0, |v| {
            v.what_if_uplift_percent
        });
    // Groups differ by their dimensions; each row's count of responses is its
    // own anyway.
    let groups_differ = row_groups
        .windows(2)
        .any(|w| w[0].dimensions != w[1].dimensions);
    let velocity_sentence = match &card.velocity {
        Some(v) => say(
            language,
            "numbers-velocity",
            &[("per-day", figure_money(q, v.per_day).into())],
        ),
        // Why, and what would give it a figure, is said once: in the
        // executive summary.
        None => say(language, "numbers-velocity-not-shown", &[]),
    };
    let velocity_sentence = if groups_differ {
        format!(
            "{velocity_sentence} {}",
            say(
                language,
                "numbers-groups-differ",
                &[(
                    "minimum",
                    figure_whole(language, q.peer_group_minimum).into(),
                )],
            )
        )
    } else {
        velocity_sentence
    };
    let win_rate_sentence = win.map(|w| win_rate_sentence(q, card, w));
    let win_rate_reconciled = match (numbers.win_rate, win) {
        (Some(stated), Some(w)) => reconcile(q, stated, w),
        _ => None,
    };
    Some(NumbersView {
        velocity_per_day: card.velocity.as_ref().map(|v| figure_money(q, v.per_day)),
        what_if_per_day: card
            .velocity
            .as_ref()
            .map(|v| figure_money(q, v.what_if_per_day)),
        what_if_uplift: figure_percent(language, uplift),
        velocity_sentence,
        unit_win_rate: win
            .and_then(|w| w.unit)
            .map(|u| figure_percent(language, u)),
        value_win_rate: win
            .and_then(|w| w.value)
            .map(|v| figure_percent(language, v)),
        win_rate_sentence,
        win_rate_reconciled,
        deals_open: win
            .and_then(|w| w.deals_open)
            .filter(|d| *d > 0.0)
            .map(|d| figure_count(language, d)),
        open_value: win
            .and_then(|w| w.open_value)
            .filter(|v| *v > 0.0)
            .map(|v| figure_money(q, v)),
        rows,
        currency_note: currency_note(q),
    })
}

/// Both win rates and the open deals in words, or why there is no win rate.
/// Which rate and day converted her amounts, once, in the report's language.
fn currency_note(q: &Questionnaire) -> Option<String> {
    let c = &q.currency;
    if q.language == Language::English || c.is_reference() {
        return c.rate_sentence();
    }
    let rate = (c.rate * 10_000.0).round() / 10_000.0;
    Some(crate::phrases::say(
        q.language,
        "numbers-currency-note",
        &[
            ("name", c.name.as_str().into()),
            ("code", c.code.as_str().into()),
            ("reference_name", c.reference_name.as_str().into()),
            ("reference_code", c.reference_code.as_str().into()),
            ("rate", crate::phrases::number(q.language, rate).into()),
            (
                "date",
                crate::phrases::date(q.language, &c.rate_date).into(),
            ),
        ],
    ))
}

fn win_rate_sentence(q: &Questionnaire, card: &Scorecard, w: &WinRates) -> String {
    let language = q.language;
    let mut s = match (w.unit, w.value) {
        // Said in full once: in the executive summary when it is why
        // velocity is missing, else here.
        _ if thin(q, w) && card.velocity.is_none() && numbers_win_rate_missing(card) => format!(
            "{} {}",
            deals_won_sentence(language, w).unwrap_or_default(),
            say(language, "numbers-why-not-a-rate", &[])
        ),
        _ if thin(q, w) => few_deals_sentence(q, w).unwrap_or_default(),
        (Some(u), Some(v)) => {
            let mut s = say(
                language,
                "numbers-win-rates",
                &[
                    ("by-count", figure_percent(language, u).into()),
                    ("by-value", figure_percent(language, v).into()),
                ],
            );
            let larger = if v + 5.0 < u {
                Some("numbers-smaller-deals-won-more")
            } else if v > u + 5.0 {
                Some("numbers-larger-deals-won-more")
            } else {
                None
            };
            if let Some(id) = larger {
                s.push(' ');
                s.push_str(&say(language, id, &[]));
            }
            s
        }
        (Some(u), None) => say(
            language,
            "numbers-win-rate-no-value",
            &[("by-count", figure_percent(language, u).into())],
        ),
        (None, _) => {
            let blank = match (w.deals_won.is_none(), w.deals_lost.is_none()) {
                (true, true) => Some("both"),
                (true, false) => Some("won"),
                (false, true) => Some("lost"),
                (false, false) => None,
            };
            match blank {
                None => say(language, "numbers-no-deal-decided", &[]),
                Some(blank) => say(
                    language,
                    "numbers-no-win-rate-blank",
                    &[("blank", blank.into())],
                ),
            }
        }
    };
    // What leaves the open deals out names the rates shown: both, one, or
    // none (too few decided deals, or a count left blank).
    let rates = if thin(q, w) || w.unit.is_none() {
        "none"
    } else if w.value.is_some() {
        "two"
    } else {
        "one"
    };
    if let Some(open) = w.deals_open.filter(|d| *d > 0.0) {
        let worth = w.open_value.filter(|v| *v > 0.0);
        let count = figure_count(language, open);
        let still_open = match worth {
            Some(v) => say(
                language,
                "numbers-open-deals-worth",
                &[
                    ("open", count.into()),
                    ("count", open.into()),
                    ("worth", figure_money(q, v).into()),
                ],
            ),
            None => say(
                language,
                "numbers-open-deals",
                &[("open", count.into()), ("count", open.into())],
            ),
        };
        let left_out = say(
            language,
            "numbers-open-left-out",
            &[("rates", rates.into()), ("count", open.into())],
        );
        s.push_str(&format!(" {still_open} {left_out}"));
    } else if let Some(v) = w.open_value.filter(|v| *v > 0.0) {
        s.push(' ');
        s.push_str(&say(
            language,
            "numbers-open-value",
            &[
                ("worth", figure_money(q, v).into()),
                ("rates", rates.into()),
            ],
        ));
    }
    s
}

/// The stated and the counted win rates, reconciled once, in words.
pub(super) fn reconcile(q: &Questionnaire, stated: f64, w: &WinRates) -> Option<String> {
    let language = q.language;
    let s = figure_percent(language, stated);
    if thin(q, w) {
        // The sentence before says the count is too few to read as a rate.
        return Some(say(
            language,
            "numbers-stated-rate-used",
            &[("stated", s.into())],
        ));
    }
    let counted = w.unit?;
    let d = decided(w)?;
    let close = |a: f64, b: f64| (a - b).abs() < 2.0;
    let side = |v: f64| if v > stated { "above" } else { "below" };
    let opening = match w.value {
        Some(v) => say(
            language,
            "numbers-stated-and-counted",
            &[
                ("stated", s.into()),
                ("decided", figure_count(language, d).into()),
                ("by-count", figure_percent(language, counted).into()),
                ("by-value", figure_percent(language, v).into()),
            ],
        ),
        None => say(
            language,
            "numbers-stated-and-counted-by-count",
            &[
                ("stated", s.into()),
                ("decided", figure_count(language, d).into()),
                ("by-count", figure_percent(language, counted).into()),
            ],
        ),
    };
    // Which deals are won more often: the smaller when the count runs ahead
    // of the value.
    let deals = |v: f64| if counted > v { "smaller" } else { "larger" };
    let meaning = match w.value {
        _ if close(counted, stated) && w.value.is_none_or(|v| close(v, stated)) => {
            say(language, "numbers-rates-agree", &[])
        }
        Some(v) if close(v, stated) => say(
            language,
            "numbers-value-matches",
            &[("side", side(counted).into()), ("deals", deals(v).into())],
        ),
        Some(v) if (v > stated) == (counted > stated) => say(
            language,
            "numbers-both-ran",
            &[("side", side(counted).into())],
        ),
        Some(v) => say(
            language,
            "numbers-count-and-value-ran",
            &[
                ("count-side", side(counted).into()),
                ("value-side", side(v).into()),
                ("deals", deals(v).into()),
            ],
        ),
        None => say(
            language,
            "numbers-count-ran",
            &[("side", side(counted).into())],
        ),
    };
    Some(format!("{opening} {meaning}"))
}

#[cfg(test)]
mod tests {
    use crate::language::Language;
    use crate::testing;

    /// Words of the English messages of "Your numbers" and the velocity
    /// paragraphs, none of which may reach a German report.
    const ENGLISH: [&str; 16] = [
        "Your ",
        " your ",
        " the ",
        " deal",
        " days",
        "win rate",
        "Win rate",
        "per day",
        " a day",
        "peer",
        "Qualified",
        "Sales ",
        "revenue",
        "still open",
        "stated",
        "executive summary",
    ];

    #[test]
    fn a_german_report_writes_its_numbers_and_velocity_in_german() {
        let study = testing::study();
        let q = study.in_language(Language::German);
        let peers = testing::demo_peers(&study, 300, 0);
        for example in [
            testing::examples::MIXED,
            testing::examples::AVERAGE,
            testing::examples::PARTIAL_NUMBERS,
        ] {
            let r = testing::report_against(q, example, &peers);
            let n = r.numbers.as_ref().expect("the persona gave its numbers");
            let mut said: Vec<&str> = vec![&n.velocity_sentence, &n.what_if_uplift];
            said.extend(n.win_rate_sentence.as_deref());
            said.extend(n.win_rate_reconciled.as_deref());
            for row in &n.rows {
                said.extend([row.label.as_str(), &row.yours]);
                said.extend(row.peer_median.as_deref());
                said.extend(row.peer_missing.as_deref());
            }
            // Without the questionnaire's own explanation of velocity: its
            // words are the translation file's.
            said.extend(
                r.velocity_paragraphs
                    .iter()
                    .map(|p| p.strip_prefix(q.velocity_text.as_str()).unwrap_or(p)),
            );
            let text = said.join("\n");
            for english in ENGLISH {
                assert!(!text.contains(english), "{english:?} in:\n{text}");
            }
            // Every percentage with a space that does not break before "%".
            for (i, _) in text.match_indices('%') {
                assert!(
                    text[..i].ends_with('\u{a0}'),
                    "a German percentage in:\n{text}"
                );
            }
        }
        // The persona with amounts: "." groups thousands, the symbol follows.
        let r = testing::report_against(q, testing::examples::MIXED, &peers);
        let n = r.numbers.as_ref().expect("the persona gave its numbers");
        assert_eq!(n.velocity_per_day.as_deref(), Some("10.000\u{a0}$"));
        assert_eq!(n.what_if_uplift, "47,9\u{a0}%");
        assert!(
            n.rows
                .iter()
                .any(|row| row.label == "Durchschnittlicher Auftragswert"
                    && row.yours == "25.000\u{a0}$"),
            "{:?}",
            n.rows
        );
        assert!(
            n.rows.iter().any(|row| row.yours == "90 Tage"),
            "{:?}",
            n.rows
        );
        assert!(
            r.velocity_paragraphs[0].contains("10.000\u{a0}$ Umsatz pro Tag"),
            "{}",
            r.velocity_paragraphs[0]
        );
        assert!(
            r.velocity_paragraphs[1].contains("47,9\u{a0}%"),
            "{}",
            r.velocity_paragraphs[1]
        );
    }
}
