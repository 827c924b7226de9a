//! "Your numbers" and the velocity part of the executive summary: amounts in
//! the study's currency, win rates reconciled, peer medians of numbers.

use super::*;

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

/// The velocity factors that were left blank, in words. A win rate counted from
/// too few deals was not left blank: [`velocity_missing`] says so apart.
pub(super) fn missing_factors(q: &Questionnaire, card: &Scorecard) -> Vec<&'static str> {
    let n = card.numbers.clone().unwrap_or_default();
    let mut missing = Vec::new();
    if n.qualified_opportunities.is_none() {
        missing.push("the qualified opportunities");
    }
    if n.average_deal_value.is_none() {
        missing.push("the average deal value");
    }
    if n.effective_win_rate(q.minimum_decided_deals).is_none()
        && !n.too_few_decided(q.minimum_decided_deals)
    {
        missing.push("a win rate");
    }
    if n.sales_cycle_days.is_none() {
        missing.push("the sales cycle");
    }
    missing
}

/// Why velocity is not shown, as the clause after "because": the factors left
/// blank, and a count of deals too small to read as a win rate.
pub(super) fn velocity_missing(q: &Questionnaire, card: &Scorecard) -> String {
    let missing = missing_factors(q, card);
    let blank = (!missing.is_empty()).then(|| {
        format!(
            "{} {} left blank",
            and_list(&missing),
            if missing.len() == 1 { "was" } else { "were" }
        )
    });
    let n = card.numbers.clone().unwrap_or_default();
    let few = (n.win_rate.is_none() && n.too_few_decided(q.minimum_decided_deals))
        .then(|| n.deals_decided())
        .flatten()
        .map(|d| {
            format!(
                "your {} decided deal{} {} too few to read as a win rate, which needs at least {}",
                format_amount(d),
                if d == 1.0 { "" } else { "s" },
                if d == 1.0 { "is" } else { "are" },
                format_amount(q.minimum_decided_deals)
            )
        });
    match (blank, few) {
        (Some(b), Some(f)) => format!("{b}, and {f}"),
        (Some(b), None) => b,
        (None, Some(f)) => f,
        // Every factor is there: velocity is missing for want of a cycle.
        (None, None) => "the sales cycle was given as 0 days".to_string(),
    }
}

/// What would give velocity a figure next time, as the clause after why it has
/// none: a finished respondent can only assess again.
pub(super) fn velocity_next_time(q: &Questionnaire, card: &Scorecard) -> &'static str {
    let n = card.numbers.clone().unwrap_or_default();
    let few = n.win_rate.is_none() && n.too_few_decided(q.minimum_decided_deals);
    match (missing_factors(q, card).len(), few) {
        (0, false) => "give the sales cycle in days when you assess again",
        (0, true) => "state your win rate, or count a longer period, when you assess again",
        (1, false) => "give it when you assess again",
        (_, false) => "give them when you assess again",
        (1, true) => "give it, and state your win rate, when you assess again",
        (_, true) => "give them, and state your win rate, when you assess again",
    }
}

/// No win rate was stated: a count too small to read as one is then part of
/// why velocity is missing ([`velocity_missing`]).
fn numbers_win_rate_missing(card: &Scorecard) -> bool {
    card.numbers.as_ref().is_none_or(|n| n.win_rate.is_none())
}

pub(super) fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(super) fn velocity_paragraphs(
    q: &Questionnaire,
    card: &Scorecard,
    standing: &PeerStanding,
    numbers: Option<&NumbersView>,
) -> Vec<String> {
    let pointer = sub_index_pointer(card);
    let (Some(v), Some(n)) = (card.velocity.as_ref(), card.numbers.as_ref()) else {
        let mut first = q.velocity_text.clone();
        if let Some(p) = &pointer {
            first.push(' ');
            first.push_str(p);
        }
        let mut paragraphs = vec![first];
        if card.numbers.is_none() {
            paragraphs.push(
                "Your own velocity is not shown because the company numbers were left blank: give them when you assess again, and the report computes it."
                    .to_string(),
            );
        } else {
            paragraphs.push(format!(
                "Your own velocity is not shown because {}: {}.",
                velocity_missing(q, card),
                velocity_next_time(q, card)
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
    let mut second = format!(
        "The four factors multiply. Ten percent more opportunities, ten percent larger deals, a win rate ten percent higher and a cycle ten percent shorter would take you to {} a day: {} more every day, a {} rise, as if the sales team had grown by half without one new hire.",
        q.currency.format(v.what_if_per_day),
        q.currency.format(gain),
        numbers.map_or_else(
            || percent(what_if_uplift(WHAT_IF_STEP) * 100.0),
            |n| n.what_if_uplift.clone()
        ),
    );
    if let Some(p) = pointer {
        second.push(' ');
        second.push_str(&p);
    }
    vec![first, second]
}

/// Which sub-indices say where to start, for the velocity paragraph: only those
/// with a figure, and nothing when none has one.
pub(super) fn sub_index_pointer(card: &Scorecard) -> Option<String> {
    let scored = card
        .sub_indices
        .iter()
        .filter(|(_, s)| s.score.is_some())
        .count();
    match scored {
        0 => None,
        4 => Some("The four sub-indices above show which of those practices to start with.".into()),
        1 => Some("The one sub-index above with a figure shows where to start.".into()),
        _ => Some(
            "The sub-indices above that have a figure show which of those practices to start with."
                .into(),
        ),
    }
}

pub(super) fn numbers_view(
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
            _ if !standing.found => (None, None, Some("no peer group yet".to_string())),
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
    // The scorecard's rates already leave out a count too small to be a rate.
    let win = card.win_rate.as_ref();
    row(
        "Unit win rate (deals)",
        PeerNumber::UnitWinRate,
        win.and_then(|w| w.unit),
    );
    row(
        "Value win rate",
        PeerNumber::ValueWinRate,
        win.and_then(|w| w.value),
    );
    let uplift = card
        .velocity
        .as_ref()
        .map_or(what_if_uplift(WHAT_IF_STEP) * 100.0, |v| {
            v.what_if_uplift_percent
        });
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
        // Why, and what would give it a figure, is said once: in the
        // executive summary.
        None => "Your sales velocity is not shown; the executive summary says why, and what would give it a figure next time.".to_string(),
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
            // Said in full once: in the executive summary when it is why
            // velocity is missing, else here.
            _ if thin(q, w) && card.velocity.is_none() && numbers_win_rate_missing(card) => format!(
                "{} The executive summary says why that is not read as a win rate.",
                deals_won_sentence(w).unwrap_or_default()
            ),
            _ if thin(q, w) => few_deals_sentence(q, w).unwrap_or_default(),
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
        // What leaves the open deals out names the rates shown: both, one, or
        // none (too few decided deals, or a count left blank).
        let rates_shown = if thin(q, w) || w.unit.is_none() {
            0
        } else if w.value.is_some() {
            2
        } else {
            1
        };
        if let Some(open) = w.deals_open.filter(|d| *d > 0.0) {
            let worth = w
                .open_value
                .filter(|v| *v > 0.0)
                .map_or_else(String::new, |v| format!(" worth {}", q.currency.format(v)));
            let one = open == 1.0;
            let left_out = match (rates_shown, one) {
                (2, true) => "Neither rate counts it",
                (2, false) => "Neither rate counts them",
                (1, true) => "The win rate does not count it",
                (1, false) => "The win rate does not count them",
                (_, true) => "It is not counted as decided",
                (_, false) => "They are not counted as decided",
            };
            s.push_str(&format!(
                " {} deal{}{worth} {} still open. {left_out}: {}",
                format_amount(open),
                if one { "" } else { "s" },
                if one { "is" } else { "are" },
                if one {
                    "it may yet be won, or be a loss not yet recorded."
                } else {
                    "some will be won, and some are losses not yet recorded."
                },
            ));
        } else if let Some(v) = w.open_value.filter(|v| *v > 0.0) {
            s.push_str(&format!(
                " Deals worth {} are still open, {}.",
                q.currency.format(v),
                match rates_shown {
                    2 => "in neither rate",
                    1 => "not in the win rate",
                    _ => "not counted as decided",
                }
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
        currency_note: q.currency.rate_sentence(),
    })
}

/// The stated and the counted win rates, reconciled once, in words.
pub(super) fn reconcile(q: &Questionnaire, stated: f64, w: &WinRates) -> Option<String> {
    let s = percent(stated);
    if thin(q, w) {
        // The sentence before says the count is too few to read as a rate.
        return Some(format!(
            "You stated a win rate of {s}, and the report uses that."
        ));
    }
    let counted = w.unit?;
    let d = decided(w)?;
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
