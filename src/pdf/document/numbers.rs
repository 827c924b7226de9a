//! "Since last time" and "Your numbers", with its table.

use super::*;

/// What moved since the earlier assessment: the same sentences as the web page,
/// each index's row as a line.
pub(super) fn since_last_time(words: &Words, since: &SinceLastTime, flow: &mut Flow<'_, '_>) {
    flow.part(&words.since_last_time, true);
    for (i, m) in since.moved.iter().enumerate() {
        if i == 0 {
            flow.para(
                &[span(m, FontStyle::Regular, INK)],
                11.0,
                16.0,
                0.0,
                Align::Left,
            );
        } else {
            flow.body(&[span(m, FontStyle::Regular, INK)]);
        }
        flow.space(6.0, false);
    }
    flow.body(&[span(&since.intro, FontStyle::Regular, INK)]);
    flow.space(10.0, false);
    change_table(
        words.since_columns.each_ref().map(String::as_str),
        &since.rows,
        flow,
    );
    if !since.numbers.is_empty() {
        flow.space(10.0, false);
        change_table(
            words.since_number_columns.each_ref().map(String::as_str),
            &since.numbers,
            flow,
        );
    }
    if !since.changed.is_empty() {
        flow.heading(&words.answers_changed, 12.0, INK, 12.0);
        for line in &since.changed {
            flow.body(&[span(line, FontStyle::Regular, INK)]);
            flow.space(4.0, false);
        }
    }
    if let Some(unchanged) = &since.unchanged {
        flow.space(7.0, false);
        flow.body(&[span(unchanged, FontStyle::Regular, INK)]);
    }
    if !since.new_items.is_empty() {
        flow.heading(&words.new_this_time, 12.0, INK, 12.0);
        for line in &since.new_items {
            flow.body(&[span(line, FontStyle::Regular, INK)]);
            flow.space(4.0, false);
        }
    }
}

/// A table of what changed: what, last time, now, change; the same cells as
/// the web page's table.
pub(super) fn change_table(headers: [&str; 4], rows: &[[String; 4]], flow: &mut Flow<'_, '_>) {
    let x = flow.x;
    let width = flow.width;
    let num_w = 78.0;
    let change_w = 110.0;
    let label_w = width - 2.0 * num_w - change_w - 24.0;
    let cols = [
        (x, label_w, Align::Left),
        (x + label_w + 8.0, num_w, Align::Right),
        (x + label_w + 16.0 + num_w, num_w, Align::Right),
        (x + width - change_w, change_w, Align::Right),
    ];
    let row = |flow: &mut Flow<'_, '_>, cells: [Span<'_>; 4], style: RowStyle| {
        table_row(flow, &cols, &cells.map(|c| vec![c]), style);
    };
    row(
        flow,
        headers.map(|h| span(h, FontStyle::Bold, MUTED)),
        RowStyle::header(4.0),
    );
    for (i, [name, before, after, change]) in rows.iter().enumerate() {
        row(
            flow,
            [
                span(name, FontStyle::Regular, INK),
                span(before, FontStyle::Regular, INK),
                span(after, FontStyle::Bold, INK),
                span(change, FontStyle::Regular, INK),
            ],
            RowStyle::body(4.0, i == 0),
        );
    }
}

pub(super) fn your_numbers(words: &Words, n: &NumbersView, flow: &mut Flow<'_, '_>) {
    flow.part(&words.your_numbers, false);
    flow.para(
        &[span(&n.velocity_sentence, FontStyle::Regular, INK)],
        11.0,
        16.0,
        0.0,
        Align::Left,
    );
    for p in [
        &n.win_rate_sentence,
        &n.win_rate_reconciled,
        &n.currency_note,
    ]
    .into_iter()
    .flatten()
    {
        flow.space(7.0, false);
        flow.body(&[span(p, FontStyle::Regular, INK)]);
    }
    if !n.rows.is_empty() {
        flow.space(12.0, false);
        numbers_table(words, n, flow);
    }
}

pub(super) fn numbers_table(words: &Words, n: &NumbersView, flow: &mut Flow<'_, '_>) {
    let x = flow.x;
    let width = flow.width;
    let median_w = 215.0;
    let yours_w = 75.0;
    let label_w = width - median_w - yours_w - 16.0;
    let cols = [
        (x, label_w, Align::Left),
        (x + label_w + 8.0, yours_w, Align::Right),
        (x + width - median_w, median_w, Align::Right),
    ];
    table_row(
        flow,
        &cols,
        &[
            vec![span(&words.figure, FontStyle::Bold, MUTED)],
            vec![span(&words.yours, FontStyle::Bold, MUTED)],
            vec![span(&words.peer_median, FontStyle::Bold, MUTED)],
        ],
        RowStyle::header(5.0),
    );
    let last = n.rows.len().saturating_sub(1);
    for (i, r) in n.rows.iter().enumerate() {
        let median = match (&r.peer_median, &r.peer_group) {
            (Some(m), Some(g)) => vec![
                span(m, FontStyle::Regular, INK),
                owned(format!(" ({g})"), FontStyle::Regular, MUTED),
            ],
            (Some(m), None) => vec![span(m, FontStyle::Regular, INK)],
            _ => vec![span(
                r.peer_missing.as_deref().unwrap_or(&words.not_available),
                FontStyle::Italic,
                MUTED,
            )],
        };
        table_row(
            flow,
            &cols,
            &[
                vec![span(&r.label, FontStyle::Regular, INK)],
                vec![span(&r.yours, FontStyle::Bold, INK)],
                median,
            ],
            // Keep the first row with the header, and the last two together.
            RowStyle::body(5.0, i == 0 || (last > 0 && i + 1 == last)),
        );
    }
}

/// How one row of a ruled table is set: type size and leading, the rule under
/// it, the padding above and below, and whether it stays with the next row.
#[derive(Clone, Copy)]
struct RowStyle {
    size: f32,
    leading: f32,
    rule: f32,
    pad: f32,
    keep_with_next: bool,
}

impl RowStyle {
    /// A header row: small type, a heavier rule, kept with the first row.
    fn header(pad: f32) -> RowStyle {
        RowStyle {
            size: 9.0,
            leading: 12.0,
            rule: 1.0,
            pad,
            keep_with_next: true,
        }
    }

    /// A body row in the report's body type, under a light rule.
    fn body(pad: f32, keep_with_next: bool) -> RowStyle {
        RowStyle {
            size: BODY,
            leading: BODY_LEADING,
            rule: 0.5,
            pad,
            keep_with_next,
        }
    }
}

/// One row of a ruled table across the flow's width: each cell wrapped in its
/// column `(x, width, alignment)`, the row as tall as its tallest cell.
fn table_row(
    flow: &mut Flow<'_, '_>,
    cols: &[(f32, f32, Align)],
    cells: &[Vec<Span<'_>>],
    style: RowStyle,
) {
    let set = flow.set;
    let (x, width) = (flow.x, flow.width);
    let RowStyle {
        size,
        leading,
        rule,
        pad,
        keep_with_next,
    } = style;
    let wrapped: Vec<Vec<Line>> = cells
        .iter()
        .zip(cols)
        .map(|(spans, &(_, w, _))| set.wrap(spans, size, w))
        .collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let height = lines as f32 * leading + 2.0 * pad;
    let base = set.baseline(size, leading);
    let mut runs = Vec::new();
    for (cell, &(cx, cw, align)) in wrapped.iter().zip(cols) {
        for (i, line) in cell.iter().enumerate() {
            set.line_runs(
                line,
                Column::new(cx, cw, align),
                size,
                -pad - base - leading * i as f32,
                &mut runs,
            );
        }
    }
    let mut items: Vec<Item> = runs.into_iter().map(Item::Run).collect();
    items.push(Item::Shape(Shape::Line {
        x1: x,
        y1: -height,
        x2: x + width,
        y2: -height,
        colour: RULE,
        width: rule,
    }));
    flow.push(Row {
        height,
        keep_with_next,
        items,
        ..Row::default()
    });
}
