//! The summary and executive summary: indices, their standing against peers,
//! the opening sentences, the actions and the tensions.

use super::*;

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
        "all respondents".to_string()
    } else {
        labels.join(", ")
    }
}

/// "Software and internet, 250 to 999, 41 responses".
pub(super) fn group_label(q: &Questionnaire, group: &FigureGroup) -> String {
    format!(
        "{}, {} responses",
        dimensions_label(q, &group.dimensions),
        group.n
    )
}

/// Why an index has no peer figure, in one plain clause.
pub(super) fn no_standing(
    q: &Questionnaire,
    standing: &PeerStanding,
    score: Option<f64>,
) -> String {
    if score.is_none() {
        // Short: beside each unscored index, the paragraph says why it has
        // no score.
        "not compared, because it has no score".to_string()
    } else if standing.found {
        format!(
            "not compared, because fewer than {} peers have a score for it",
            q.peer_group_minimum
        )
    } else {
        // Why there is no peer group yet is said once, at the top of the
        // report: here a short reference to it.
        NO_PEER_GROUP_YET.to_string()
    }
}

/// The standing of an index when the study has no peer group yet: a label
/// beside each gauge; the summary's sentences leave it out, since the top of
/// the report already says why.
pub(super) const NO_PEER_GROUP_YET: &str = "not compared yet, because there is no peer group yet";

/// Relative performance in words: the share shown is rounded down, so that 99.6%
/// of a group is never "higher than 100%".
pub(super) fn relative_words(relative: f64) -> (String, String) {
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

pub(super) fn percent_whole(v: f64) -> String {
    format!("{}%", v.round())
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
            let median_display = standing.median(kind).map(percent_whole);
            let relative_short = capitalised(relative_display.as_deref().unwrap_or_else(|| {
                // Without a figure, its first words ("not compared yet"); the
                // executive summary says why.
                standing_text
                    .split_once(", because")
                    .map_or(standing_text.as_str(), |(short, _)| short)
            }));
            let median_line = median_display.as_ref().map(|m| {
                let line = Paragraph::new().plain("Peer median ").strong(m.clone());
                if score.score.is_some() {
                    line.plain(" (the dark tick)")
                } else {
                    line
                }
            });
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
                peer_median_display: median_display,
                relative_short,
                median_line,
                coverage: score.coverage,
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
                let mut against_peers = Paragraph::new()
                    .plain("Against peers: ")
                    .plain(index.standing.clone());
                if let Some(m) = &index.peer_median_display {
                    against_peers = against_peers.plain("; peer median ").strong(m.clone());
                }
                let potential_reason = potential.map(potential_reason);
                SubIndexView {
                    heading: format!("{}: {}", index.name, index.display),
                    against_peers: against_peers.plain("."),
                    potential_line: potential.map(|p| {
                        let line = Paragraph::new()
                            .plain("Revenue increase potential: ")
                            .strong(p.level.clone());
                        match &potential_reason {
                            Some(r) => line.plain(format!(", {r}.")),
                            None => line.plain("."),
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
                                format!(
                                    "{paragraph} Your {} score rests on the answers you gave, not on the {} of its {} questions you answered \u{201c}don't know\u{201d}.",
                                    text.name, unknown.0, unknown.1
                                )
                            } else {
                                paragraph.to_string()
                            };
                            match figure {
                                Some(f) => format!("{paragraph} {f}"),
                                None => paragraph,
                            }
                        }
                    }),
                    potential: potential.map(|p| p.level.clone()),
                    potential_reason,
                }
            })
            .collect();
        let company = text_answer("contact_company");
        let mut overall = index_view(
            IndexKind::Overall,
            COMPANY_INDEX.into(),
            &card.overall,
            false,
        );

        let personal = index_view(
            IndexKind::Personal,
            PERSONAL_INDEX.into(),
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
                let entry = entry_of(&a.item);
                ActionView {
                    verdict: a.verdict,
                    verdict_label: verdict_label(a.verdict),
                    answered: Paragraph::new()
                        .plain(format!("You answered \u{201c}{}\u{201d} to: ", a.answer))
                        .link(a.question.clone(), format!("item-{}", a.item)),
                    headline: if a.headline.is_empty() {
                        stored_before_headlines(q, a)
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
                t.paragraph = format!(
                    "What this usually means, and what to do about it, comes with your first actions: {} {}.",
                    a.verdict_label, a.headline
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
                e.paragraph = format!(
                    "One of your first actions: {} {}; the executive summary says what to do.",
                    verdict_label(a.verdict),
                    a.headline
                );
                e.figure = None;
            }
        }
        let mut personal_sections = sections(q, input, PartKind::Personal, &tensions);
        point_to_each_disagreement_once(&mut company_sections, &mut personal_sections);
        let respondent = text_answer("contact_name");
        let coverage_note = coverage_note(card);
        let words = Words::new(
            company.as_deref(),
            respondent.as_deref(),
            input.submitted_on,
            // What "Higher than 70%" means only where such a figure is shown.
            format!(
                "{coverage_note}{}{}",
                if overall.relative_display.is_some() || personal.relative_display.is_some() {
                    " \u{201c}Higher than 70%\u{201d} means that 70% of your peer group scored the same as you or lower."
                } else {
                    ""
                },
                if overall.peer_median.is_some() && !sub_indices.is_empty() {
                    " The dark tick on each bar and gauge marks the peer median."
                } else {
                    ""
                }
            ),
        );
        Report {
            since_last_time: None,
            study_name: q.name.clone(),
            words,
            respondent,
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
fn point_to_each_disagreement_once(company: &mut [SectionView], personal: &mut [SectionView]) {
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
                link.sentence = Paragraph::new()
                    .plain("See ")
                    .link(
                        format!("\u{201c}{}\u{201d}", link.title),
                        format!("tension-{}", link.id),
                    )
                    .plain(".");
            } else {
                seen.push(link.id.clone());
            }
        }
        if named_seen && e.band == Band::Strong && e.paragraph.starts_with("On its own, ") {
            e.paragraph = "This answer is not yet a strength.".to_string();
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
pub(super) fn potential_reason(p: &RevenuePotential) -> String {
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
}

/// Why a sub-index has no figure, and what would give it one when the
/// respondent assesses again.
pub(super) fn not_scored(q: &Questionnaire, score: &IndexScore, name: &str) -> String {
    format!(
        "Not scored: the questions you answered carry {}% of the {name} index's weight, and a score needs {}%.",
        score.coverage.floor(),
        format_number(q.minimum_coverage)
    )
}

/// How much was answered, in a sentence.
pub(super) fn coverage_note(card: &Scorecard) -> String {
    format!(
        "You answered {}{}.{}",
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
            1 => " and said \u{201c}don't know\u{201d} once".to_string(),
            n => format!(" and said \u{201c}don't know\u{201d} {n} times"),
        },
        if card.answered.dont_know > 0 {
            // Said once, here: what a "don't know" means for every score.
            " A \u{201c}don't know\u{201d} counts neither for nor against you: it is left out of every score, so each score rests only on the answers you gave."
        } else {
            ""
        }
    )
}

/// The headline of an action stored before actions carried one: the item's
/// headline for the verdict, as the questionnaire declares it now, else the question.
pub(super) fn stored_before_headlines(q: &Questionnaire, a: &crate::scoring::Action) -> String {
    use crate::questionnaire::HeadlineKind;
    let kind = match a.verdict {
        Verdict::Keep => HeadlineKind::Keep,
        Verdict::Change if a.answer == "Don't know" => HeadlineKind::FindOut,
        Verdict::Change => HeadlineKind::Change,
        Verdict::Stop => HeadlineKind::Stop,
    };
    q.item(&a.item)
        .and_then(|item| item.headline(kind, None))
        .unwrap_or_else(|| a.question.clone())
}

pub(super) fn overall_sentence(
    company: Option<&str>,
    o: &IndexView,
    any_sub_index: bool,
) -> String {
    match &o.category {
        Some(category) => {
            let median = o
                .peer_median_display
                .as_ref()
                .map_or_else(String::new, |m| format!(" The peer median is {m}."));
            let standing = if o.relative.is_some() {
                format!(": {}", o.standing)
            } else if o.standing == NO_PEER_GROUP_YET {
                String::new()
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
        None if any_sub_index => "There were not enough answers to compute your company index, which needs all four sub-indices. When you assess again, answer the questions you skipped or did not know, with a colleague who knows them if need be.".to_string(),
        None => "There were not enough answers to compute your company index or any of its sub-indices: when you assess again, answer the questions you skipped or did not know, with a colleague who knows them if need be.".to_string(),
    }
}

pub(super) fn personal_opening(p: &IndexView) -> String {
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
            let against = if p.standing == NO_PEER_GROUP_YET {
                String::new()
            } else {
                format!(" Against peers it is {}{median}.", p.standing)
            };
            format!(
                "Your personal index is {}, which makes you {} {category}.{description}{against}",
                p.display,
                if category.starts_with(['A', 'E', 'I', 'O', 'U']) {
                    "an"
                } else {
                    "a"
                },
            )
        }
        None => {
            "There were not enough answers about your own practice to compute your personal index; it gets one when you assess again with more of them answered."
                .to_string()
        }
    }
}

pub(super) fn peer_view(q: &Questionnaire, standing: &PeerStanding) -> PeerView {
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
            answered: answered_list(&named),
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
                answered: answered_list(&named),
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
fn answered_list(named: &[(String, String, String)]) -> Paragraph {
    let mut p = Paragraph::new();
    for (n, (item, question, answer)) in named.iter().enumerate() {
        let joint = match n {
            0 => "You answered ",
            _ if n + 1 == named.len() => " and ",
            _ => ", ",
        };
        // The last question ends the sentence with its own full stop; the
        // others go on after it.
        let shown = if n + 1 == named.len() {
            format!("\u{201c}{question}\u{201d}")
        } else {
            quoted(question)
        };
        p = p
            .plain(format!("{joint}\u{201c}{answer}\u{201d} to "))
            .link(shown, format!("item-{item}"));
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
