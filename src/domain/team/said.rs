//! The team report's sentences (other than each figure's own): said once, in
//! the coach's voice, and shown alike on the web page and in the PDF.

use super::disclosure::{Shown, beyond_rounding, index_figure, step};
use super::model::{Gap, TeamReport, TeamSaid, TeamWords};
use super::rules::TeamRules;
use crate::language::Language;
use crate::phrases::{self, Arg};
use crate::questionnaire::Questionnaire;

/// Message `id` in `language` with `args`.
fn say(language: Language, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    phrases::say(language, id, args)
}

/// A figure as `language` writes it; in English as the team report always
/// has ("2.5", "1500").
pub(super) fn figure(language: Language, n: f64) -> String {
    match language {
        Language::English => format!("{n}"),
        _ => phrases::number(language, n),
    }
}

/// A count of people or responses as `language` writes it.
pub(super) fn count(language: Language, n: usize) -> String {
    figure(language, n as f64)
}

/// A percentage as `language` writes it: "60%", "60 %".
pub(super) fn percent(language: Language, n: f64) -> String {
    match language {
        Language::English => format!("{n}%"),
        _ => phrases::percent(language, n),
    }
}

/// A role group's name inside a sentence: "reps" for "Reps"; German nouns
/// keep their capital.
pub(super) fn role_in_sentence(language: Language, name: &str) -> String {
    match language {
        Language::German => name.to_string(),
        _ => name.to_lowercase(),
    }
}

/// A role group's name where a sentence leads with it: as declared in English
/// and German; French and Spanish put an article before it ("les
/// dirigeants"), so in lower case.
pub(super) fn role_leading(language: Language, name: &str) -> String {
    match language {
        Language::English | Language::German => name.to_string(),
        _ => name.to_lowercase(),
    }
}

/// A question in the language's quotation marks.
fn quoted(language: Language, text: &str) -> String {
    say(language, "team-quoted", &[("text", text.into())])
}

/// Every sentence of a team report, from its figures.
pub(super) fn team_said(q: &Questionnaire, rules: &TeamRules, t: &TeamReport) -> TeamSaid {
    let l = q.language;
    TeamSaid {
        answered: say(
            l,
            "team-answered",
            &[("wave", t.wave.into()), ("count", t.members.into())],
        ),
        newer_wave: if t.newest_wave == t.wave {
            String::new()
        } else {
            say(
                l,
                "team-newer-wave",
                &[
                    ("newest", t.newest_wave.into()),
                    ("count", t.newest_members.into()),
                    ("wave", t.wave.into()),
                    ("minimum", rules.team_minimum.into()),
                ],
            )
        },
        reading: reading(l, rules, t),
        gaps: gaps(l, rules, t),
        legend: if t.figures.iter().any(|f| f.lower_half.is_some()) {
            say(l, "team-legend-spread", &[])
        } else if t.enough {
            say(l, "team-legend", &[])
        } else {
            String::new()
        },
        taking_part: if t.names.is_empty() {
            String::new()
        } else {
            say(
                l,
                "team-taking-part",
                &[("names", t.names.join(", ").into())],
            )
        },
        coverage: coverage(l, rules, t),
        rounding: rounding(l, t),
        spread: say(
            l,
            "team-spread",
            &[("minimum", rules.spread_minimum.into())],
        ),
        no_peers: if t.peer_size.is_none() {
            say(l, "team-no-peers", &[])
        } else {
            String::new()
        },
        roles: roles(l, t),
        no_gap: if t.has_gap {
            String::new()
        } else {
            say(l, "team-no-gap", &[("minimum", t.minimum.into())])
        },
        items: items(q, rules, t),
        first_wave: if t.waves.len() <= 1 {
            say(l, "team-first-wave", &[])
        } else {
            String::new()
        },
    }
}

/// The team report's headings and labels in `language`.
pub(super) fn team_words(language: Language) -> TeamWords {
    let l = language;
    TeamWords {
        lang: l.code(),
        title: say(l, "team-title", &[]),
        download_pdf: say(l, "team-download-pdf", &[]),
        the_team: say(l, "team-heading-team", &[]),
        team_chart: say(l, "team-chart-label", &[]),
        reading: say(l, "team-heading-reading", &[]),
        perception_gap: say(l, "team-heading-gap", &[]),
        gap_chart: say(l, "team-gap-chart-label", &[]),
        gap_table: say(l, "team-gap-table-caption", &[]),
        index: say(l, "team-column-index", &[]),
        items: say(l, "team-heading-items", &[]),
        item_chart: say(l, "team-item-chart-label", &[]),
        waves: say(l, "team-heading-waves", &[]),
        new_wave_note: say(l, "team-new-wave-note", &[]),
        new_wave: say(l, "team-new-wave-button", &[]),
        invitation: say(l, "team-heading-invitation", &[]),
        no_figure: say(l, "team-no-figure", &[]),
        summary: say(l, "team-bookmark-summary", &[]),
        what_it_means: say(l, "team-bookmark-meaning", &[]),
        subject: say(l, "team-pdf-subject", &[]),
    }
}

/// "Generated 2026-11-24." under the infographic; the day as `language`
/// writes it (English keeps the day as given).
pub fn generated(language: Language, day: &str) -> String {
    say(
        language,
        "team-generated",
        &[("date", phrases::day(language, day).into())],
    )
}

/// "Generated 2026-11-24. Team report: Study" at the foot of later pages.
pub fn generated_footer(language: Language, day: &str, study: &str) -> String {
    say(
        language,
        "team-generated-footer",
        &[
            ("date", phrases::day(language, day).into()),
            ("study", study.into()),
        ],
    )
}

/// Which members the figures cover and when they change, or when they appear.
fn coverage(l: Language, rules: &TeamRules, t: &TeamReport) -> String {
    match t.covered {
        None => say(
            l,
            "team-coverage-none",
            &[("minimum", rules.team_minimum.into())],
        ),
        Some(n) if t.wave != t.newest_wave => say(
            l,
            "team-coverage-earlier-wave",
            &[("count", n.into()), ("wave", t.wave.into())],
        ),
        Some(n) => say(
            l,
            "team-coverage",
            &[("count", n.into()), ("next", t.next_release.into())],
        ),
    }
}

/// That every figure is rounded and blurred by design, and how closely the
/// team's follow the exact means.
fn rounding(l: Language, t: &TeamReport) -> String {
    let plain = say(l, "team-rounding", &[]);
    match t.covered.and_then(|n| index_figure(0.0, n)) {
        Some(f) => {
            let typical = f.deviation().round();
            let steps = say(
                l,
                "team-rounding-steps",
                &[
                    ("step", figure(l, f.step).into()),
                    ("typical", figure(l, typical).into()),
                    ("nearly", figure(l, 2.0 * typical).into()),
                ],
            );
            format!("{plain} {steps}")
        }
        None => plain,
    }
}

/// Each role group and whether it has figures.
fn roles(l: Language, t: &TeamReport) -> String {
    if t.covered.is_none() {
        return String::new();
    }
    let parts: Vec<String> = t
        .roles
        .iter()
        .map(|r| match r.members {
            Some(n) => say(
                l,
                "team-role-answered",
                &[("role", r.name.clone().into()), ("count", n.into())],
            ),
            None => say(
                l,
                "team-role-too-few",
                &[
                    ("role", r.name.clone().into()),
                    ("minimum", t.minimum.into()),
                ],
            ),
        })
        .collect();
    say(l, "team-roles", &[("roles", semicolons(l, &parts).into())])
}

/// What a role's figure on a single question counts, or when there are some.
fn items(q: &Questionnaire, rules: &TeamRules, t: &TeamReport) -> String {
    let l = q.language;
    let Some(first) = t.item_gaps.first() else {
        return say(
            l,
            "team-items-none",
            &[("minimum", rules.item_minimum.into())],
        );
    };
    // The first question's own top answers name the rule concretely.
    let example = q.item(&first.key).and_then(|item| {
        let mut scored: Vec<_> = item
            .options
            .iter()
            .filter_map(|o| Some((o.score?, o.label.as_str())))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        match scored.as_slice() {
            [(_, top), (_, next), ..] => Some((top.to_string(), next.to_string())),
            _ => None,
        }
    });
    match example {
        Some((top, next)) => say(
            l,
            "team-items-example",
            &[
                ("minimum", rules.item_minimum.into()),
                ("top", top.into()),
                ("next", next.into()),
            ],
        ),
        None => say(l, "team-items", &[("minimum", rules.item_minimum.into())]),
    }
}

/// The coach's reading: the team's lowest index and where to start; then the
/// gap between roles that matters most, what a gap of that size usually means,
/// and one next step.
fn reading(l: Language, rules: &TeamRules, t: &TeamReport) -> Vec<String> {
    let Some(readings) = &rules.readings else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // The sub-indices say where to act; the company index is their mean. A
    // sub-index counts as lowest only when it stands below the others by
    // more than the rounding of team figures makes: the others within that
    // reach of the lowest are as low as it. (A member's noise is the same on
    // all their indices, so it does not move one index against another.)
    let means: Vec<(&str, f64, usize)> = t
        .figures
        .iter()
        .filter(|f| f.key != "overall")
        .filter_map(|f| f.mean.map(|m| (f.name.as_str(), m, f.answered)))
        .collect();
    if let Some(&(_, low, n_low)) = means.iter().min_by(|a, b| a.1.total_cmp(&b.1)) {
        let rounded = |value: f64, n: usize| {
            step(n).map(|step| Shown {
                value,
                step,
                noise: 0.0,
            })
        };
        let clearly_above = |m: f64, n: usize| match (rounded(m, n), rounded(low, n_low)) {
            (Some(a), Some(b)) => beyond_rounding(m - low, &a, &b),
            _ => m > low,
        };
        let lowest: Vec<&(&str, f64, usize)> =
            means.iter().filter(|m| !clearly_above(m.1, m.2)).collect();
        let names: Vec<String> = lowest.iter().map(|m| m.0.to_string()).collect();
        let high = lowest.iter().map(|m| m.1).fold(low, f64::max);
        let at = if high > low {
            say(
                l,
                "team-mean-between",
                &[
                    ("low", percent(l, low).into()),
                    ("high", percent(l, high).into()),
                ],
            )
        } else {
            say(l, "team-mean-at", &[("mean", percent(l, low).into())])
        };
        let text = if lowest.len() == means.len() && means.len() > 1 {
            &readings.level
        } else {
            &readings.lowest
        };
        out.push(
            text.replace("{index}", &list(l, &names))
                .replace("{mean}", &at),
        );
    }
    // The widest notable gap on a sub-index, else on the company index, else on
    // a single question; else, the widest index gap that rounding and noise alone could
    // make, as a question to ask.
    let subs = |g: &&Gap| g.key != "overall";
    let notable = |g: &&Gap| g.notable;
    let unclear = |g: &&Gap| g.difference.is_some_and(|d| d >= rules.notable_gap);
    let chosen = widest(l, t.index_gaps.iter().filter(subs).filter(notable))
        .or_else(|| widest(l, t.index_gaps.iter().filter(notable)))
        .map(|w| {
            let senior_higher =
                rank(t, w.first.highest.as_deref()) < rank(t, w.first.lowest.as_deref());
            let text = readings.gap(w.points).map(|r| {
                if senior_higher {
                    r.top_down.clone()
                } else {
                    r.bottom_up.clone()
                }
            });
            (w, text)
        })
        .or_else(|| {
            // One question is named: the reading says "one question".
            widest(l, t.item_gaps.iter().filter(notable)).map(|mut w| {
                w.names = quoted(l, &w.first.name);
                (w, Some(readings.item_gap.clone()))
            })
        })
        .or_else(|| {
            widest(l, t.index_gaps.iter().filter(subs).filter(unclear))
                .or_else(|| widest(l, t.index_gaps.iter().filter(unclear)))
                .map(|w| (w, Some(readings.unclear_gap.clone())))
        });
    if let Some((w, Some(text))) = chosen {
        let (higher, lower) = (
            w.first.highest.clone().unwrap_or_default(),
            w.first.lowest.clone().unwrap_or_default(),
        );
        out.push(
            text.replace("{Higher}", &higher)
                .replace("{higher}", &role_in_sentence(l, &higher))
                .replace("{lower}", &role_in_sentence(l, &lower))
                .replace("{index}", &w.names)
                .replace("{points}", &figure(l, w.points)),
        );
    }
    out
}

/// The widest of some gaps, with every other gap of the same width between the
/// same two roles: read together, never one picked from a tie.
struct Widest<'a> {
    first: &'a Gap,
    points: f64,
    /// "Win Rate and Sales Cycle"; a question in quotation marks.
    names: String,
}

fn widest<'a>(l: Language, gaps: impl Iterator<Item = &'a Gap>) -> Option<Widest<'a>> {
    let gaps: Vec<&Gap> = gaps.filter(|g| g.difference.is_some()).collect();
    let points = gaps
        .iter()
        .filter_map(|g| g.difference)
        .max_by(f64::total_cmp)?;
    let first = *gaps.iter().find(|g| g.difference == Some(points))?;
    let names: Vec<String> = gaps
        .iter()
        .filter(|g| {
            g.difference == Some(points) && g.highest == first.highest && g.lowest == first.lowest
        })
        .map(|g| {
            if g.section.is_empty() {
                g.name.clone()
            } else {
                quoted(l, &g.name)
            }
        })
        .collect();
    Some(Widest {
        first,
        points,
        names: list(l, &names),
    })
}

/// Names in a sentence: "Value", "Value and Number", "Value, Number and Win Rate".
pub(super) fn list(l: Language, v: &[String]) -> String {
    match v {
        [rest @ .., last] if !rest.is_empty() => say(
            l,
            "team-and",
            &[
                ("rest", rest.join(", ").into()),
                ("last", last.clone().into()),
            ],
        ),
        _ => v.concat(),
    }
}

/// Clauses of one sentence: "A; B; C".
fn semicolons(l: Language, v: &[String]) -> String {
    v.iter()
        .cloned()
        .reduce(|rest, next| {
            say(
                l,
                "team-clauses",
                &[("rest", rest.into()), ("next", next.into())],
            )
        })
        .unwrap_or_default()
}

/// A role's place in the declared order of role groups (most senior first).
fn rank(t: &TeamReport, name: Option<&str>) -> usize {
    t.roles
        .iter()
        .position(|r| Some(r.name.as_str()) == name)
        .unwrap_or(usize::MAX)
}

/// The gaps between roles on the indices, said once: who scores higher on
/// which, by how much, and where the roles see it alike.
fn gaps(l: Language, rules: &TeamRules, t: &TeamReport) -> String {
    if !t.has_gap {
        return String::new();
    }
    // Notable gaps grouped by which role is higher, in index order.
    let mut groups: Vec<((String, String), Vec<String>)> = Vec::new();
    let mut alike = Vec::new();
    let mut rounded = Vec::new();
    for g in &t.index_gaps {
        match (&g.highest, &g.lowest, g.difference) {
            (Some(h), Some(l_), Some(d)) if g.notable => {
                let said = say(
                    l,
                    "team-gaps-by",
                    &[
                        ("index", g.name.clone().into()),
                        ("points", d.into()),
                        ("shown", figure(l, d).into()),
                    ],
                );
                match groups.iter_mut().find(|(k, _)| k.0 == *h && k.1 == *l_) {
                    Some((_, v)) => v.push(said),
                    None => groups.push(((h.clone(), l_.clone()), vec![said])),
                }
            }
            (Some(_), Some(_), Some(d)) if d < rules.notable_gap => alike.push(g.name.clone()),
            (Some(_), Some(_), Some(d)) => rounded.push((g.name.clone(), d)),
            _ => {}
        }
    }
    let mut parts: Vec<String> = groups
        .iter()
        .map(|((h, low), v)| {
            let scope = if v.len() == t.index_gaps.len() {
                "every"
            } else if v.len() == 1 {
                "one"
            } else {
                "these"
            };
            say(
                l,
                "team-gaps-higher",
                &[
                    ("higher", role_leading(l, h).into()),
                    ("lower", role_in_sentence(l, low).into()),
                    ("scope", scope.into()),
                    ("gaps", list(l, v).into()),
                ],
            )
        })
        .collect();
    if !alike.is_empty() {
        parts.push(say(
            l,
            "team-gaps-alike",
            &[
                ("indices", list(l, &alike).into()),
                ("points", figure(l, rules.notable_gap).into()),
            ],
        ));
    }
    // One figure said once when every such gap is the same size ("by 40
    // points on every index"), each beside its index otherwise.
    if let Some((_, first)) = rounded.first() {
        let names: Vec<String> = rounded.iter().map(|(n, _)| n.clone()).collect();
        parts.push(if rounded.iter().all(|(_, d)| d == first) {
            let every = rounded.len() == t.index_gaps.len() && rounded.len() > 1;
            say(
                l,
                "team-gaps-rounded-same",
                &[
                    ("points", (*first).into()),
                    ("shown", figure(l, *first).into()),
                    ("scope", if every { "every" } else { "listed" }.into()),
                    ("indices", list(l, &names).into()),
                ],
            )
        } else {
            let each: Vec<String> = rounded
                .iter()
                .map(|(n, d)| {
                    say(
                        l,
                        "team-index-points",
                        &[
                            ("index", n.clone().into()),
                            ("points", (*d).into()),
                            ("shown", figure(l, *d).into()),
                        ],
                    )
                })
                .collect();
            say(
                l,
                "team-gaps-rounded-each",
                &[("indices", list(l, &each).into())],
            )
        });
    }
    let sentence = semicolons(l, &parts);
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => sentence,
    }
}
