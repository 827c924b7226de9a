//! The detailed analysis and the personal report: one entry per answer.

use super::*;

pub(super) fn entries(section: &SectionView, flow: &mut Flow<'_, '_>) {
    flow.heading(&section.title, H2, VALUE, 20.0);
    for (i, e) in section.entries.iter().enumerate() {
        if i > 0 {
            flow.space(11.0, false);
        }
        entry(e, flow);
    }
}

pub(super) fn entry(e: &EntryView, flow: &mut Flow<'_, '_>) {
    const INDENT: f32 = 12.0;
    let start = flow.rows.len();
    let q = flow.para(
        &[span(&e.question, FontStyle::Bold, INK)],
        BODY,
        BODY_LEADING,
        INDENT,
        Align::Left,
    );
    flow.keep(q);
    let a = flow.para(
        &[span(&e.answered, FontStyle::Italic, MUTED)],
        9.5,
        13.5,
        INDENT,
        Align::Left,
    );
    flow.keep(a);
    flow.space(3.0, true);
    flow.para(
        &[span(&e.paragraph, FontStyle::Regular, INK)],
        BODY,
        BODY_LEADING,
        INDENT,
        Align::Justify,
    );
    if let Some(figure) = &e.figure {
        flow.space(3.0, false);
        flow.para(
            &[span(figure, FontStyle::Bold, INK)],
            9.5,
            13.5,
            INDENT,
            Align::Left,
        );
    }
    for t in &e.tensions {
        flow.space(3.0, false);
        flow.para(
            &paragraph_spans(&t.sentence, FontStyle::Italic, MUTED, MUTED),
            9.5,
            13.5,
            INDENT,
            Align::Left,
        );
    }
    let end = flow.rows.len();
    flow.bar(start..end, 0.0, 3.0, band_colour(e.band));
}

/// What the bar colours beside the answers mean.
pub(super) fn band_legend(words: &Words, flow: &mut Flow<'_, '_>) {
    let set = flow.set;
    let mut items = Vec::new();
    let mut runs = Vec::new();
    let base = set.baseline(SMALL, SMALL_LEADING);
    let mut x = flow.x;
    let keys = words
        .bands
        .iter()
        .map(|(band, word)| (word.as_str(), Some(band_colour(*band))));
    for (text, colour) in std::iter::once((words.band_legend.as_str(), None)).chain(keys) {
        if let Some(c) = colour {
            items.push(Item::Shape(Shape::Rect {
                x,
                y: -SMALL_LEADING + 1.5,
                width: 3.0,
                height: SMALL_LEADING - 3.0,
                radius: 0.0,
                fill: Some(c),
                stroke: None,
            }));
            x += 7.0;
        }
        let tw = set.width(text, FontStyle::Regular, SMALL);
        runs.push(TextRun {
            page: 0,
            x,
            y: -base,
            width: tw,
            size: SMALL,
            ascent: set.ascent * SMALL,
            descent: set.descent * SMALL,
            text: text.to_string(),
            style: FontStyle::Regular,
            colour: MUTED,
            word_spacing: 0.0,
        });
        x += tw + 12.0;
    }
    items.extend(runs.into_iter().map(Item::Run));
    flow.push(Row {
        height: SMALL_LEADING,
        items,
        ..Row::default()
    });
}

pub(super) fn detailed_analysis(report: &Report, flow: &mut Flow<'_, '_>) {
    flow.part(&report.words.detailed_analysis, true);
    band_legend(&report.words, flow);
    for s in &report.company_sections {
        entries(s, flow);
    }
}

pub(super) fn personal_report(report: &Report, flow: &mut Flow<'_, '_>) {
    flow.part(&report.words.personal_report, true);
    flow.para(
        &[span(&report.personal_opening, FontStyle::Regular, INK)],
        11.0,
        16.0,
        0.0,
        Align::Left,
    );
    for s in &report.personal_sections {
        entries(s, flow);
    }
}
