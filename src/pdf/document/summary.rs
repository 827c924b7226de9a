//! The executive summary and the Keep / Change / Stop actions.

use super::*;

pub(super) fn executive_summary(report: &Report, flow: &mut Flow<'_, '_>) {
    flow.part(&report.words.executive_summary, true);
    let o = &report.overall;
    flow.para(
        &[span(&report.overall_sentence, FontStyle::Regular, INK)],
        11.0,
        16.0,
        0.0,
        Align::Left,
    );
    if let Some(d) = &o.category_description {
        flow.space(6.0, false);
        flow.body(&[span(d, FontStyle::Regular, INK)]);
    }
    // What to do first, then what to settle, then where each index stands.
    if !report.actions.is_empty() {
        flow.heading(&report.words.actions, H2, VALUE, 22.0);
        actions(report, flow);
    }
    if !report.tensions.is_empty() {
        flow.heading(&report.words.tensions, H2, VALUE, 22.0);
        for (i, t) in report.tensions.iter().enumerate() {
            if i > 0 {
                flow.space(8.0, false);
            }
            let rows = flow.para(
                &[span(&t.title, FontStyle::Bold, INK)],
                BODY,
                BODY_LEADING,
                0.0,
                Align::Left,
            );
            flow.keep(rows);
            let rows = flow.para(
                &paragraph_spans(&t.answered, FontStyle::Italic, MUTED, MUTED),
                9.5,
                13.5,
                0.0,
                Align::Left,
            );
            flow.keep(rows);
            flow.space(2.0, true);
            flow.body(&[span(&t.paragraph, FontStyle::Regular, INK)]);
        }
    }

    flow.space(8.0, false);
    for s in &report.sub_indices {
        flow.space(12.0, false);
        let start = flow.rows.len();
        let rows = flow.para(
            &[span(&s.heading, FontStyle::Bold, INK)],
            H3,
            H3 * 1.35,
            14.0,
            Align::Left,
        );
        flow.keep(rows);
        flow.space(2.0, true);
        let rows = flow.para(
            &[span(&s.meaning, FontStyle::Italic, MUTED)],
            9.5,
            13.5,
            14.0,
            Align::Left,
        );
        flow.keep(rows);
        flow.space(4.0, true);
        if let Some(p) = &s.paragraph {
            flow.para(
                &[span(p, FontStyle::Regular, INK)],
                BODY,
                BODY_LEADING,
                14.0,
                Align::Justify,
            );
        }
        flow.space(3.0, false);
        flow.para(
            &paragraph_spans(&s.against_peers, FontStyle::Regular, INK, INK),
            9.5,
            13.5,
            14.0,
            Align::Left,
        );
        if let Some(potential) = &s.potential_line {
            flow.para(
                &paragraph_spans(potential, FontStyle::Regular, MUTED, INK),
                9.5,
                13.5,
                14.0,
                Align::Left,
            );
        }
        let end = flow.rows.len();
        flow.bar(start..end, 0.0, 4.0, sub_index_colour(s.index.key));
    }

    flow.heading(&report.words.sales_velocity, H2, VALUE, 22.0);
    for (i, p) in report.velocity_paragraphs.iter().enumerate() {
        if i > 0 {
            flow.space(6.0, false);
        }
        flow.body(&[span(p, FontStyle::Regular, INK)]);
    }
}

pub(super) fn actions(report: &Report, flow: &mut Flow<'_, '_>) {
    const BADGE: f32 = 7.5;
    let set = flow.set;
    let badge_w = [Verdict::Keep, Verdict::Change, Verdict::Stop]
        .iter()
        .map(|v| set.width(&verdict_label(report.language, *v), FontStyle::Bold, BADGE))
        .fold(0.0, f32::max)
        + 10.0;
    let number_w = set.width("5.", FontStyle::Bold, BODY) + 6.0;
    let indent = number_w + badge_w + 10.0;
    for (i, a) in report.actions.iter().enumerate() {
        if i > 0 {
            flow.space(10.0, false);
        }
        let q = flow.para(
            &[span(&a.headline, FontStyle::Bold, INK)],
            BODY,
            BODY_LEADING,
            indent,
            Align::Left,
        );
        // Number and verdict beside the first line.
        let first = q.start;
        flow.keep(q);
        let said = flow.para(
            &paragraph_spans(&a.answered, FontStyle::Italic, MUTED, MUTED),
            9.5,
            13.5,
            indent,
            Align::Left,
        );
        flow.keep(said);
        flow.space(2.0, true);
        flow.para(
            &[span(&a.paragraph, FontStyle::Regular, INK)],
            BODY,
            BODY_LEADING,
            indent,
            Align::Justify,
        );
        if let Some(figure) = &a.figure {
            flow.space(3.0, false);
            flow.para(
                &[span(figure, FontStyle::Bold, INK)],
                9.5,
                13.5,
                indent,
                Align::Left,
            );
        }
        let base = set.baseline(BODY, BODY_LEADING);
        let x = flow.x;
        let label = a.verdict_label.as_str();
        let label_w = set.width(label, FontStyle::Bold, BADGE);
        let badge_h = 12.0;
        let badge_top = (BODY_LEADING - badge_h) / 2.0;
        let mut items = Vec::new();
        let mut runs = Vec::new();
        let num = format!("{}.", i + 1);
        if let Some(line) = set
            .wrap(&[owned(num, FontStyle::Bold, MUTED)], BODY, number_w)
            .first()
        {
            set.line_runs(
                line,
                Column::new(x, number_w, Align::Left),
                BODY,
                -base,
                &mut runs,
            );
        }
        items.push(Item::Shape(Shape::Rect {
            x: x + number_w,
            y: -badge_top - badge_h,
            width: badge_w,
            height: badge_h,
            radius: 2.5,
            fill: Some(verdict_colour(a.verdict)),
            stroke: None,
        }));
        // The label's baseline centres its capitals in the badge.
        let cap = 0.73 * BADGE;
        let label_y = -badge_top - badge_h / 2.0 - cap / 2.0;
        runs.push(TextRun {
            page: 0,
            x: x + number_w + (badge_w - label_w) / 2.0,
            y: label_y,
            width: label_w,
            size: BADGE,
            ascent: set.ascent * BADGE,
            descent: set.descent * BADGE,
            text: label.to_string(),
            style: FontStyle::Bold,
            colour: WHITE,
            word_spacing: 0.0,
        });
        items.extend(runs.into_iter().map(Item::Run));
        // Before the question's text, so the number and verdict read first.
        let row = &mut flow.rows[first];
        items.append(&mut row.items);
        row.items = items;
    }
}
