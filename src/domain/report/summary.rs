//! The summary and executive summary: indices, their standing against peers,
//! the opening sentences, the actions and the tensions.

use super::*;
use crate::language::Language;
use crate::phrases::day;
use crate::phrases::{self, Arg, say};

/// "Software and internet, 250 to 999" from the dimension pairs of a group.
pub(super) fn dimensions_label(q: &Questionnaire, dimensions: &[(String, String)]) -> String {
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
        say(q.language, "summary-all-respondents", &[])
    } else {
        labels.join(", ")
    }
}

/// "Software and internet, 250 to 999, 41 responses".
pub(super) fn group_label(q: &Questionnaire, group: &FigureGroup) -> String {
    say(
        q.language,
        "summary-group",
        &[
            ("dimensions", dimensions_label(q, &group.dimensions).into()),
            ("n", group.n.into()),
            ("count", count(q.language, group.n).into()),
        ],
    )
}

/// A count as the language writes it; in English as the report always has
/// ("1234").
pub(super) fn count(language: Language, n: usize) -> String {
    match language {
        Language::English => n.to_string(),
        _ => phrases::number(language, n as f64),
    }
}

/// Why an index has no peer figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unranked {
    /// The index has no score: beside it, the paragraph says why.
    NoScore,
    /// Too few peers have a score for it.
    FewPeers,
    /// The study has no peer group yet: said once, at the top of the report,
    /// so the summary's sentences leave it out.
    NoPeerGroup,
}

pub(super) fn unranked(standing: &PeerStanding, score: Option<f64>) -> Unranked {
    if score.is_none() {
        Unranked::NoScore
    } else if standing.found {
        Unranked::FewPeers
    } else {
        Unranked::NoPeerGroup
    }
}

/// Why an index has no peer figure, in one plain clause, and the first words
/// of it that a label shows ("Not compared yet").
pub(super) fn no_standing(q: &Questionnaire, why: Unranked) -> (String, String) {
    let (id, short) = match why {
        Unranked::NoScore => (
            "summary-unranked-no-score",
            "summary-unranked-no-score-short",
        ),
        Unranked::FewPeers => (
            "summary-unranked-few-peers",
            "summary-unranked-few-peers-short",
        ),
        Unranked::NoPeerGroup => (
            "summary-unranked-no-group",
            "summary-unranked-no-group-short",
        ),
    };
    let minimum = count(q.language, q.peer_group_minimum);
    (
        say(q.language, id, &[("minimum", minimum.into())]),
        say(q.language, short, &[]),
    )
}

/// Relative performance in words: the share shown is rounded down, so that 99.6%
/// of a group is never "higher than 100%".
pub(super) fn relative_words(language: Language, relative: f64) -> (String, String) {
    let id = if relative >= 100.0 {
        "summary-relative-top"
    } else if relative.floor() <= 0.0 {
        "summary-relative-lowest"
    } else if relative < BOTTOM_TENTH {
        "summary-relative-bottom-tenth"
    } else if relative < BOTTOM_QUARTER {
        "summary-relative-bottom-quarter"
    } else {
        "summary-relative-higher"
    };
    let args = [(
        "percent",
        percent_whole_in(language, relative.floor()).into(),
    )];
    (
        say(language, id, &args),
        say(language, &format!("{id}-long"), &args),
    )
}

/// Below these shares of the group, "higher than 3%" is said the way a person says
/// it: "in the bottom tenth", "in the bottom quarter" of the peer group.
pub const BOTTOM_TENTH: f64 = 10.0;
pub const BOTTOM_QUARTER: f64 = 25.0;

pub(super) fn percent_whole(v: f64) -> String {
    format!("{}%", v.round())
}

/// [`percent_whole`] as `language` writes it ("58 %").
pub(super) fn percent_whole_in(language: Language, v: f64) -> String {
    match language {
        Language::English => percent_whole(v),
        _ => phrases::percent(language, v.round()),
    }
}

/// An index's score as shown: "77%", or why there is none.
pub(super) fn index_display(language: Language, score: &IndexScore) -> String {
    match score.score {
        Some(s) => percent_whole_in(language, s),
        None => say(language, "summary-index-no-score", &[]),
    }
}

/// The percentage as written in a sentence: one decimal at most.
pub(super) fn percent(v: f64) -> String {
    format!("{}%", format_number((v * 10.0).round() / 10.0))
}

impl Report {
    pub fn build(input: &ReportInput<'_>) -> Report {
        // Every amount in the currency the respondent gave theirs in: the
        // questionnaire read in it (a copy only when it is not the reference).
        let chosen = input.questionnaire.chosen_currency(input.answers);
        let in_currency;
        let q = if chosen.is_reference() {
            input.questionnaire
        } else {
            in_currency = input.questionnaire.in_currency(chosen);
            &in_currency
        };
        let card = input.scorecard;
        let standing = input.standing;
        let language = q.language;
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
            let (relative_display, standing_text, why, short) = match (relative, &group) {
                (Some(r), Some(g)) => {
                    let (short, long) = relative_words(language, r);
                    let text = say(
                        language,
                        "summary-standing-in-group",
                        &[
                            ("standing", long.into()),
                            ("group", group_label(q, g).into()),
                        ],
                    );
                    (Some(short), text, None, None)
                }
                _ => {
                    let why = unranked(standing, score.score);
                    let (text, short) = no_standing(q, why);
                    (None, text, Some(why), Some(short))
                }
            };
            let median_display = standing.median(kind).map(|m| percent_whole_in(language, m));
            // Without a figure, the label shows the reason's first words ("Not
            // compared yet"); the executive summary says why.
            let relative_short = capitalised(
                relative_display
                    .as_deref()
                    .or(short.as_deref())
                    .unwrap_or_default(),
            );
            let median_line = median_display.as_ref().map(|m| {
                let id = if score.score.is_some() {
                    "summary-median-line-tick"
                } else {
                    "summary-median-line"
                };
                Paragraph::new().say(language, id, &[], &[("median", Part::Strong(m))])
            });
            IndexView {
                key: kind.key(),
                name,
                score: score.score,
                display: index_display(language, score),
                category: score.shown().map(|s| bands.find(s).name.clone()),
                category_description: score
                    .shown()
                    .map(|s| bands.find(s).description.clone())
                    .filter(|d| !d.is_empty()),
                relative,
                relative_display,
                standing: standing_text,
                peer_median: standing.median(kind),
                peer_median_display: median_display,
                relative_short,
                median_line,
                coverage: score.coverage,
                unranked: why,
            }
        };
        let audience = input.answers.audience(q);
        let questioned_strong: Vec<String> = questioned_items(q, input.answers)
            .into_iter()
            .filter(|item| match input.answers.by_id(q, item) {
                Some((it, Answer::Option(i))) => {
                    q.commentary.band(it.options[*i].score) == Band::Strong
                }
                _ => false,
            })
            .collect();
        let sub_indices: Vec<SubIndexView> = SubIndex::ALL
            .into_iter()
            .map(|sub| {
                let text = q.sub_index_text(sub);
                let score = card.sub_indices.get(sub);
                let potential = card.revenue_potential.get(sub).as_ref();
                let index = index_view(IndexKind::Sub(sub), text.name.clone(), score, false);
                let against_peers = match &index.peer_median_display {
                    Some(m) => Paragraph::new().say(
                        language,
                        "summary-against-peers-median",
                        &[],
                        &[
                            ("standing", Part::Plain(&index.standing)),
                            ("median", Part::Strong(m)),
                        ],
                    ),
                    None => Paragraph::new().say(
                        language,
                        "summary-against-peers",
                        &[],
                        &[("standing", Part::Plain(&index.standing))],
                    ),
                };
                let potential_reason = potential.map(|p| potential_reason(language, p));
                SubIndexView {
                    heading: say(
                        language,
                        "summary-sub-index-heading",
                        &[
                            ("name", index.name.as_str().into()),
                            ("score", index.display.as_str().into()),
                        ],
                    ),
                    against_peers,
                    potential_line: potential.map(|p| {
                        let named = &q.revenue_potential.find(p.gap).name;
                        let level = [("level", Part::Strong(named))];
                        match &potential_reason {
                            Some(r) => Paragraph::new().say(
                                language,
                                "summary-potential-line-reason",
                                &[("reason", r.as_str().into())],
                                &level,
                            ),
                            None => Paragraph::new().say(
                                language,
                                "summary-potential-line",
                                &[],
                                &level,
                            ),
                        }
                    }),
                    index,
                    meaning: text.meaning.clone(),
                    paragraph: Some(match score.shown() {
                        None => not_scored(q, score, &text.name),
                        Some(s) => {
                            let band = q.commentary.band(Some(s));
                            let (figure, standing_of_figure) =
                                sub_index_figure(q, card, standing, sub);
                            // A strong score is not praised while a tension or a
                            // related group questions a strong answer behind it,
                            // unless her own number settles it.
                            let questioned = band == Band::Strong
                                && questioned_strong.iter().any(|item| {
                                    q.item(item)
                                        .is_some_and(|i| i.weights[sub.position()] > 0.0)
                                });
                            let paragraph = match (band, standing_of_figure) {
                                (Band::Strong, Some(FigureStanding::Worse)) => text
                                    .figure_disagrees_for(audience)
                                    .unwrap_or_else(|| text.paragraph(Band::Middling, audience)),
                                (Band::Middling | Band::Weak, Some(FigureStanding::Better)) => text
                                    .figure_better_for(audience)
                                    .unwrap_or_else(|| text.paragraph(band, audience)),
                                (Band::Strong, Some(FigureStanding::Better)) => {
                                    text.paragraph(Band::Strong, audience)
                                }
                                _ if questioned => text.paragraph(Band::Middling, audience),
                                _ => text.paragraph(band, audience),
                            };
                            // A "don't know" is not evidence of good practice:
                            // a strong score says what it does not rest on.
                            let unknown = unknown_behind(q, input.answers, sub);
                            let paragraph = if band == Band::Strong && unknown.0 > 0 {
                                let rests = say(
                                    language,
                                    "summary-unknown-behind",
                                    &[
                                        ("name", text.name.as_str().into()),
                                        ("unknown", unknown.0.into()),
                                        ("questions", unknown.1.into()),
                                    ],
                                );
                                format!("{paragraph} {rests}")
                            } else {
                                paragraph.to_string()
                            };
                            match figure {
                                Some(f) => format!("{paragraph} {f}"),
                                None => paragraph,
                            }
                        }
                    }),
                    // In the report's words: a stored scorecard keeps the
                    // band's name in the words it was scored with.
                    potential: potential.map(|p| q.revenue_potential.find(p.gap).name.clone()),
                    potential_reason,
                }
            })
            .collect();
        let company = text_answer("contact_company");
        let mut overall = index_view(
            IndexKind::Overall,
            company_index(language),
            &card.overall,
            false,
        );

        let personal = index_view(
            IndexKind::Personal,
            personal_index(language),
            &card.personal,
            true,
        );
        let tensions = tensions(q, input.answers, audience);
        let numbers = numbers_view(q, card, standing);
        let mut company_sections = sections(q, input, PartKind::Company, &tensions);
        let entry_of = |item: &str| {
            company_sections
                .iter()
                .flat_map(|s| &s.entries)
                .find(|e| e.item == item)
                .cloned()
        };
        let mut actions: Vec<ActionView> = card
            .actions
            .iter()
            .map(|a| {
                // The stored scorecard keeps the words it was scored with.
                let a = &a.in_words_of(q, input.answers);
                let entry = entry_of(&a.item);
                let anchor = format!("item-{}", a.item);
                ActionView {
                    verdict: a.verdict,
                    verdict_label: verdict_label(language, a.verdict),
                    answered: Paragraph::new().say(
                        language,
                        "summary-action-answered",
                        &[("answer", a.answer.as_str().into())],
                        &[("question", Part::Link(&a.question, &anchor))],
                    ),
                    headline: if a.headline.is_empty() {
                        stored_before_headlines(q, input.answers, a)
                    } else {
                        a.headline.clone()
                    },
                    item: a.item.clone(),
                    question: a.question.clone(),
                    answer: a.answer.clone(),
                    // The paragraph the detailed analysis would give, which reads
                    // the answer beside the numbers and the tensions (every key
                    // area is scored, so it has an entry; else the band's own).
                    paragraph: entry.as_ref().map_or_else(
                        || band_paragraph(q, input.answers, &a.item, audience).unwrap_or_default(),
                        |e| e.paragraph.clone(),
                    ),
                    figure: entry.and_then(|e| e.figure),
                }
            })
            .collect();
        // A related group whose answers disagree gives one action, and the
        // group's paragraph (written for that disagreement) goes with it: the
        // item's own paragraph may credit or blame what the group's other
        // answers say. Under "Where your answers disagree" the group points to
        // the action instead of saying it twice.
        let mut tensions = tensions;
        for t in &mut tensions {
            let Some(group) = q.related.iter().find(|g| g.id == t.id) else {
                continue;
            };
            // The action headed by this group (an item in two groups that
            // both disagree heads one of them).
            if let Some(a) = actions
                .iter_mut()
                .find(|a| group.items.contains(&a.item) && a.headline == group.headline)
            {
                a.paragraph = std::mem::take(&mut t.paragraph);
                t.paragraph = say(
                    language,
                    "summary-tension-in-action",
                    &[
                        ("verdict", a.verdict_label.as_str().into()),
                        ("headline", a.headline.as_str().into()),
                    ],
                );
            }
        }
        // The summary line agrees with the actions beneath it: a category that
        // reads "consistent" says otherwise while a STOP is among them.
        if actions.iter().any(|a| a.verdict == Verdict::Stop)
            && let Some(with_stop) = card
                .overall
                .shown()
                .and_then(|s| q.company_categories.find(s).with_stop.clone())
        {
            overall.category_description = Some(with_stop);
        }
        // Said once: the detailed analysis points to the action instead of
        // repeating its paragraph.
        for e in company_sections.iter_mut().flat_map(|s| &mut s.entries) {
            if let Some(a) = actions.iter().find(|a| a.item == e.item) {
                e.paragraph = say(
                    language,
                    "summary-entry-in-action",
                    &[
                        ("verdict", a.verdict_label.as_str().into()),
                        ("headline", a.headline.as_str().into()),
                    ],
                );
                e.figure = None;
            }
        }
        let mut personal_sections = sections(q, input, PartKind::Personal, &tensions);
        // The entries that point to an action say so instead of their own
        // paragraph.
        let in_actions: Vec<&str> = actions.iter().map(|a| a.item.as_str()).collect();
        point_to_each_disagreement_once(
            q,
            input.answers,
            &in_actions,
            &mut company_sections,
            &mut personal_sections,
        );
        let respondent = text_answer("contact_name");
        let coverage_note = coverage_note(language, card);
        let mut note = coverage_note.clone();
        // What "Higher than 70%" means only where such a figure is shown.
        if overall.relative_display.is_some() || personal.relative_display.is_some() {
            note = format!("{note} {}", say(language, "words-note-higher-than", &[]));
        }
        if overall.peer_median.is_some() && !sub_indices.is_empty() {
            note = format!("{note} {}", say(language, "words-note-median-tick", &[]));
        }
        let words = Words::new(
            language,
            company.as_deref(),
            respondent.as_deref(),
            input.submitted_on,
            note,
        );
        Report {
            language,
            since_last_time: None,
            study_name: q.name.clone(),
            words,
            respondent,
            overall_sentence: overall_sentence(
                language,
                company.as_deref(),
                &overall,
                card.sub_indices.iter().any(|(_, s)| s.score.is_some()),
            ),
            personal_opening: personal_opening(language, &personal),
            company,
            submitted_on: input.submitted_on.to_string(),
            peer: peer_view(q, standing),
            overall,
            sub_indices,
            personal,
            velocity_paragraphs: velocity_paragraphs(q, card, standing, numbers.as_ref()),
            actions,
            company_sections,
            personal_sections,
            tensions,
            numbers,
            coverage_note,
        }
    }
}

/// Each disagreement is pointed to in full once, from the first of its answers in
/// reading order; the answers after it point to it in a few words, and a strong
/// answer it questions says so briefly instead of repeating why.
fn point_to_each_disagreement_once(
    q: &Questionnaire,
    answers: &Answers,
    in_actions: &[&str],
    company: &mut [SectionView],
    personal: &mut [SectionView],
) {
    let language = q.language;
    let mut seen: Vec<String> = Vec::new();
    for e in company
        .iter_mut()
        .chain(personal.iter_mut())
        .flat_map(|s| &mut s.entries)
    {
        // The paragraph of a strong answer names its first disagreement.
        let named_seen = e.tensions.first().is_some_and(|l| seen.contains(&l.id));
        for link in &mut e.tensions {
            if seen.contains(&link.id) {
                let title = quote(language, &link.title);
                let anchor = format!("tension-{}", link.id);
                link.sentence = Paragraph::new().say(
                    language,
                    "summary-see-tension",
                    &[],
                    &[("title", Part::Link(&title, &anchor))],
                );
            } else {
                seen.push(link.id.clone());
            }
        }
        // A strong answer in a disagreement is named by it (the detailed
        // analysis's "On its own, ... would be a strength"), unless an answer
        // elsewhere said it instead or it points to its action.
        let named_by_disagreement = e.band == Band::Strong
            && !e.tensions.is_empty()
            && !in_actions.contains(&e.item.as_str())
            && answers.said_instead(q, &e.item).is_none();
        if named_seen && named_by_disagreement {
            e.paragraph = say(language, "summary-not-yet-a-strength", &[]);
        }
    }
}

/// How many of the questions that feed `sub` were answered "don't know" (an
/// option without a score), and how many questions feed it.
fn unknown_behind(q: &Questionnaire, answers: &Answers, sub: SubIndex) -> (usize, usize) {
    let mut unknown = 0;
    let mut all = 0;
    for (pos, item) in q.items.iter().enumerate() {
        if item.weights[sub.position()] <= 0.0 {
            continue;
        }
        all += 1;
        if let Some(Answer::Option(i)) = answers.get(pos)
            && item.options[*i].score.is_none()
        {
            unknown += 1;
        }
    }
    (unknown, all)
}

/// The band's paragraph for the answer to `item`, when it is a scored choice.
fn band_paragraph(
    q: &Questionnaire,
    answers: &Answers,
    item: &str,
    audience: Option<&str>,
) -> Option<String> {
    match answers.by_id(q, item)? {
        (item, Answer::Option(i)) => {
            item.paragraph_for(*i, q.commentary.band(item.options.get(*i)?.score), audience)
        }
        _ => None,
    }
}

/// What a revenue potential was measured against: "19 points below the study's
/// target of 85%".
pub(super) fn potential_reason(language: Language, p: &RevenuePotential) -> String {
    let points = p.gap.round().max(0.0);
    let gap = match language {
        Language::English => format_number(points),
        _ => phrases::number(language, points),
    };
    let benchmark = match p.benchmark_source {
        Benchmark::PeerGroup => "peer",
        Benchmark::Target => "target",
        Benchmark::Scale => "scale",
    };
    say(
        language,
        "summary-potential-reason",
        &[
            ("points", points.into()),
            ("gap", gap.into()),
            ("benchmark", benchmark.into()),
            ("percent", percent_whole_in(language, p.benchmark).into()),
        ],
    )
}

/// Why a sub-index has no figure, and what would give it one when the
/// respondent assesses again.
pub(super) fn not_scored(q: &Questionnaire, score: &IndexScore, name: &str) -> String {
    let (coverage, needed) = match q.language {
        Language::English => (
            format!("{}%", score.coverage.floor()),
            format!("{}%", format_number(q.minimum_coverage)),
        ),
        l => (
            phrases::percent(l, score.coverage.floor()),
            phrases::percent(l, q.minimum_coverage),
        ),
    };
    say(
        q.language,
        "summary-not-scored",
        &[
            ("name", name.into()),
            ("coverage", coverage.into()),
            ("needed", needed.into()),
        ],
    )
}

/// How much was answered, in a sentence.
pub(super) fn coverage_note(language: Language, card: &Scorecard) -> String {
    let a = &card.answered;
    let all = if a.scored_items_answered == a.scored_items {
        "yes"
    } else {
        "no"
    };
    let answered = say(
        language,
        "summary-coverage",
        &[
            ("all", all.into()),
            ("answered", a.scored_items_answered.into()),
            ("total", a.scored_items.into()),
            ("unknown", a.dont_know.into()),
        ],
    );
    if a.dont_know > 0 {
        // Said once, here: what a "don't know" means for every score.
        format!(
            "{answered} {}",
            say(language, "summary-coverage-dont-know", &[])
        )
    } else {
        answered
    }
}

/// The headline of an action stored before actions carried one: the item's
/// headline for the verdict, as the questionnaire declares it now, else the question.
pub(super) fn stored_before_headlines(
    q: &Questionnaire,
    answers: &Answers,
    a: &crate::scoring::Action,
) -> String {
    use crate::questionnaire::HeadlineKind;
    // An answer without a score ("don't know") asks what to find out, as the
    // scoring engine decides it: by the option chosen, in any language.
    let unsure = matches!(
        answers.by_id(q, &a.item),
        Some((item, Answer::Option(i))) if item.options.get(*i).is_some_and(|o| o.score.is_none())
    );
    let kind = match a.verdict {
        Verdict::Keep => HeadlineKind::Keep,
        Verdict::Change if unsure => HeadlineKind::FindOut,
        Verdict::Change => HeadlineKind::Change,
        Verdict::Stop => HeadlineKind::Stop,
    };
    q.item(&a.item)
        .and_then(|item| item.headline(kind, None))
        .unwrap_or_else(|| a.question.clone())
}

pub(super) fn overall_sentence(
    language: Language,
    company: Option<&str>,
    o: &IndexView,
    any_sub_index: bool,
) -> String {
    let Some(category) = &o.category else {
        let id = if any_sub_index {
            "summary-overall-missing-sub-indices"
        } else {
            "summary-overall-missing"
        };
        return say(language, id, &[]);
    };
    // Why there is no peer group yet is said once, at the top of the report.
    let compared = match o.unranked {
        _ if o.relative.is_some() => "ranked",
        Some(Unranked::NoPeerGroup) => "none",
        _ => "unranked",
    };
    let mut args: Vec<(&str, Arg<'_>)> = vec![
        ("score", o.display.as_str().into()),
        ("category", category.as_str().into()),
        ("compared", compared.into()),
        ("standing", o.standing.as_str().into()),
    ];
    let sentence = match company {
        Some(who) => {
            args.push(("company", who.into()));
            say(language, "summary-overall-company", &args)
        }
        None => say(language, "summary-overall", &args),
    };
    match &o.peer_median_display {
        Some(m) => format!(
            "{sentence} {}",
            say(
                language,
                "summary-overall-median",
                &[("median", m.as_str().into())]
            )
        ),
        None => sentence,
    }
}

pub(super) fn personal_opening(language: Language, p: &IndexView) -> String {
    let Some(category) = &p.category else {
        return say(language, "summary-personal-missing", &[]);
    };
    // English says "an Expert", "a Learner".
    let initial = if category.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "vowel"
    } else {
        "consonant"
    };
    let mut out = say(
        language,
        "summary-personal-opening",
        &[
            ("score", p.display.as_str().into()),
            ("initial", initial.into()),
            ("category", category.as_str().into()),
        ],
    );
    if let Some(d) = &p.category_description {
        out = format!("{out} {d}");
    }
    // Why there is no peer group yet is said once, at the top of the report.
    if p.unranked != Some(Unranked::NoPeerGroup) {
        let standing = ("standing", Arg::from(p.standing.as_str()));
        let against = match &p.peer_median_display {
            Some(m) => say(
                language,
                "summary-personal-against-median",
                &[standing, ("median", m.as_str().into())],
            ),
            None => say(language, "summary-personal-against", &[standing]),
        };
        out = format!("{out} {against}");
    }
    out
}

pub(super) fn peer_view(q: &Questionnaire, standing: &PeerStanding) -> PeerView {
    let label = dimensions_label(q, &standing.dimensions);
    let date = day(q.language, &standing.computed_on);
    let sentence = if standing.found {
        // The figures name their own counts (the responses that answered enough
        // to score each index, or gave each number), so the group is named once
        // without a size that no figure rests on.
        say(
            q.language,
            "summary-peer-group",
            &[("group", label.as_str().into()), ("date", date.into())],
        )
    } else {
        say(
            q.language,
            "summary-no-peer-group",
            &[
                ("minimum", count(q.language, q.peer_group_minimum).into()),
                ("date", date.into()),
            ],
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

/// Where the answers pull apart: each related group whose answers disagree,
/// then each tension whose two answers were both given as declared.
pub(super) fn tensions(
    q: &Questionnaire,
    answers: &Answers,
    audience: Option<&str>,
) -> Vec<TensionView> {
    let chosen = |item: &str| -> Option<(String, String, String)> {
        match answers.by_id(q, item)? {
            (it, Answer::Option(i)) => {
                let o = &it.options[*i];
                Some((o.id.clone(), it.text.clone(), o.label.clone()))
            }
            _ => None,
        }
    };
    let mut out = Vec::new();
    for group in crate::scoring::conflicting_groups(q, answers) {
        // The answers that say it works, then those that say it does not; in a
        // tight group a middling answer is one that does not, and is named too.
        let mut named: Vec<(String, String, String)> = Vec::new();
        let against: &[Band] = if group.tight {
            &[Band::Strong, Band::Middling, Band::Weak]
        } else {
            &[Band::Strong, Band::Weak]
        };
        for &band in against {
            for item in &group.items {
                if crate::scoring::band_of(q, answers, item) == Some(band)
                    && let Some((_, question, answer)) = chosen(item)
                {
                    named.push((item.clone(), question, answer));
                }
            }
        }
        out.push(TensionView {
            id: group.id.clone(),
            title: group.title.clone(),
            paragraph: group.paragraph_for(audience).to_string(),
            items: named.iter().map(|(i, _, _)| i.clone()).collect(),
            answered: answered_list(q.language, &named),
        });
    }
    for t in &q.tensions {
        let (Some((a, a_question, a_answer)), Some((b, b_question, b_answer))) =
            (chosen(&t.first.item), chosen(&t.second.item))
        else {
            continue;
        };
        if t.first.answers.contains(&a) && t.second.answers.contains(&b) {
            let named = [
                (t.first.item.clone(), a_question, a_answer),
                (t.second.item.clone(), b_question, b_answer),
            ];
            let name = |text: &str| name_both(q, t, &a, &b, text);
            out.push(TensionView {
                id: t.id.clone(),
                title: name(&t.title),
                paragraph: name(t.paragraph_for(audience)),
                items: named.iter().map(|(i, _, _)| i.clone()).collect(),
                answered: answered_list(q.language, &named),
            });
        }
    }
    out
}

/// A tension's text with the two answers given put in for `{first}` and
/// `{second}` (and their forms).
fn name_both(
    q: &Questionnaire,
    t: &crate::questionnaire::Tension,
    first: &str,
    second: &str,
    text: &str,
) -> String {
    let mut out = text.to_string();
    for (key, side, id) in [("first", &t.first, first), ("second", &t.second, second)] {
        if let Some((_, option)) = q.item(&side.item).and_then(|i| i.option(id)) {
            out = option.put_in(
                &out.replace(&format!("{{{key}}}"), "{answer}")
                    .replace(&format!("{{{key}:"), "{answer:"),
            );
        }
    }
    out
}

/// "You answered “Agree” to “...”, “Agree” to “...” and “Disagree” to “...”",
/// each question pointing to its place in the detailed analysis.
fn answered_list(language: Language, named: &[(String, String, String)]) -> Paragraph {
    let mut p = Paragraph::new();
    for (n, (item, question, answer)) in named.iter().enumerate() {
        let id = match n {
            0 => "summary-answered-first",
            _ if n + 1 == named.len() => "summary-answered-last",
            _ => "summary-answered-next",
        };
        // The last question ends the sentence with its own full stop; the
        // others go on after it.
        let shown = if n + 1 == named.len() {
            quote(language, question)
        } else {
            quoted_in(language, question)
        };
        let anchor = format!("item-{item}");
        p = p.say(
            language,
            id,
            &[("answer", answer.as_str().into())],
            &[("question", Part::Link(&shown, &anchor))],
        );
    }
    p
}

/// "Higher than 70%" from "higher than 70%".
pub(super) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}
