//! Page 1, the summary infographic: the panels, the gauges and the figures
//! beside them.

use super::*;

/// Gauge geometry: the band is this share of the radius.
pub(super) const GAUGE_BAND: f32 = 0.2;

/// A gauge with the peer median marked as a dark tick across the band, which reads
/// in greyscale too.
pub(super) fn gauge_with_median(
    shapes: &mut Vec<Shape>,
    cx: f32,
    cy: f32,
    r: f32,
    index: &IndexView,
    colour: Colour,
) {
    gauge(shapes, cx, cy, r, index.score, colour);
    // No tick on a gauge with no score: there is nothing to compare it with.
    if let Some(m) = index.peer_median.filter(|_| index.score.is_some()) {
        let angle = (180.0 - 180.0 * (m.clamp(0.0, 100.0) as f32) / 100.0).to_radians();
        let (inner, outer) = (r * (1.0 - GAUGE_BAND) - 3.0, r + 3.0);
        // A white halo under the dark tick, so it shows on a dark fill too.
        for (colour, width) in [(WHITE, 4.5), (INK, 2.0)] {
            shapes.push(Shape::Line {
                x1: cx + inner * angle.cos(),
                y1: cy + inner * angle.sin(),
                x2: cx + outer * angle.cos(),
                y2: cy + outer * angle.sin(),
                colour,
                width,
            });
        }
    }
}

pub(super) fn gauge(
    shapes: &mut Vec<Shape>,
    cx: f32,
    cy: f32,
    r: f32,
    score: Option<f64>,
    colour: Colour,
) {
    let inner = r * (1.0 - GAUGE_BAND);
    shapes.push(Shape::Arc {
        cx,
        cy,
        inner,
        outer: r,
        start: 180.0,
        end: 0.0,
        fill: TRACK,
    });
    if let Some(s) = score.filter(|s| *s > 0.0) {
        let end = 180.0 - 180.0 * (s.clamp(0.0, 100.0) as f32) / 100.0;
        shapes.push(Shape::Arc {
            cx,
            cy,
            inner,
            outer: r,
            start: 180.0,
            end,
            fill: colour,
        });
    }
}

/// The text inside a gauge: the score (or "n/a") and what it is.
pub(super) fn gauge_text(
    set: &Setter<'_>,
    words: &Words,
    runs: &mut Vec<TextRun>,
    cx: f32,
    cy: f32,
    r: f32,
    index: &IndexView,
) {
    let inner = r * (1.0 - GAUGE_BAND);
    let score = if index.score.is_some() {
        index.display.as_str()
    } else {
        &words.no_score
    };
    let size = (r * 0.36).clamp(16.0, 30.0);
    let width = inner * 1.6;
    let x = cx - width / 2.0;
    // The score sits on the gauge's centre line, what it is just under it.
    let score_top = cy + 2.0 + (set.ascent + set.descent) * size;
    set.block(
        &[span(score, FontStyle::Bold, INK)],
        size,
        (set.ascent + set.descent) * size,
        Column::new(x, width, Align::Centre),
        score_top,
        runs,
    );
    set.block(
        &[span(&index.name, FontStyle::Regular, MUTED)],
        SMALL,
        SMALL_LEADING,
        Column::new(x, width, Align::Centre),
        cy - 1.0,
        runs,
    );
    // The scale's ends.
    let ends_top = cy - 2.0;
    let band_mid = (inner + r) / 2.0;
    for (label, at) in [("0", cx - band_mid), ("100", cx + band_mid)] {
        let w = set.width(label, FontStyle::Regular, 7.0) + 2.0;
        set.block(
            &[span(label, FontStyle::Regular, MUTED)],
            7.0,
            9.0,
            Column::new(at - w / 2.0, w, Align::Centre),
            ends_top,
            runs,
        );
    }
}

/// Label-and-value pairs beside or under a gauge.
pub(super) fn stat(
    set: &Setter<'_>,
    runs: &mut Vec<TextRun>,
    label: &str,
    value: &str,
    col: Column,
    top: f32,
) -> f32 {
    let mut h = set.block(
        &[span(label, FontStyle::Regular, MUTED)],
        SMALL,
        SMALL_LEADING,
        col,
        top,
        runs,
    );
    h += set.block(
        &[span(value, FontStyle::Bold, INK)],
        17.0,
        21.0,
        col,
        top - h,
        runs,
    );
    h
}

/// Category, peer standing and peer median, stacked in a column with its top at
/// y = 0; returns the height.
pub(super) fn index_stats(
    set: &Setter<'_>,
    words: &Words,
    index: &IndexView,
    col: Column,
    out: &mut Vec<TextRun>,
) -> f32 {
    let category = index
        .category
        .as_deref()
        .unwrap_or(&words.not_enough_answers);
    let mut h = stat(set, out, &words.category, category, col, 0.0);
    h += 10.0;
    h += stat(set, out, &words.peer_group, &index.relative_short, col, -h);
    if let Some(m) = &index.median_line {
        h += 6.0;
        h += set.block(
            &paragraph_spans(m, FontStyle::Regular, MUTED, INK),
            SMALL,
            SMALL_LEADING,
            col,
            -h,
            out,
        );
    }
    h
}

/// Page 1: the summary infographic, A4 landscape.
pub(super) fn cover(report: &Report, set: &Setter<'_>) -> PageLayout {
    let (w, h, m) = (A4_LONG, A4_SHORT, COVER_MARGIN);
    let mut page = PageLayout {
        number: 1,
        width: w,
        height: h,
        margins: Margins {
            left: m,
            right: m,
            top: m,
            bottom: m,
        },
        runs: Vec::new(),
        shapes: Vec::new(),
        bookmark: Some(report.words.summary.clone()),
    };
    let runs = &mut page.runs;
    let shapes = &mut page.shapes;
    let cw = w - 2.0 * m;
    let mut y = h - m;

    // Title block.
    y -= set.block(
        &[span(&report.study_name, FontStyle::Bold, NUMBER)],
        9.0,
        12.0,
        Column::new(m, cw, Align::Left),
        y,
        runs,
    );
    y -= 2.0;
    y -= set.block(
        &[span(&report.words.title, FontStyle::Bold, VALUE)],
        22.0,
        27.0,
        Column::new(m, cw, Align::Left),
        y,
        runs,
    );
    y -= 2.0;
    y -= set.block(
        &[span(&report.words.meta, FontStyle::Regular, MUTED)],
        9.5,
        13.0,
        Column::new(m, cw, Align::Left),
        y,
        runs,
    );
    let panels_top = y - 12.0;

    // The note at the foot, above the page footer.
    let note_spans = [span(&report.words.note, FontStyle::Regular, MUTED)];
    let note_h = set.block_height(&note_spans, SMALL, SMALL_LEADING, cw);
    let footer_top = m + (set.ascent + set.descent) * FOOTER;
    let note_top = footer_top + 10.0 + note_h;
    set.block(
        &note_spans,
        SMALL,
        SMALL_LEADING,
        Column::new(m, cw, Align::Left),
        note_top,
        runs,
    );
    let panels_bottom = note_top + 10.0;
    let panel_h = (panels_top - panels_bottom).max(120.0);

    // Two panels, company three fifths and respondent two fifths, as on the web.
    let gap = 16.0;
    let left_w = (cw - gap) * 0.6;
    let right_w = cw - gap - left_w;
    let right_x = m + left_w + gap;
    for (x, pw) in [(m, left_w), (right_x, right_w)] {
        shapes.push(Shape::Rect {
            x,
            y: panels_bottom,
            width: pw,
            height: panel_h,
            radius: 8.0,
            fill: None,
            stroke: Some((RULE, 0.9)),
        });
    }
    let company = Panel {
        x: m,
        width: left_w,
        top: panels_top,
        bottom: panels_bottom,
    };
    let personal = Panel {
        x: right_x,
        width: right_w,
        top: panels_top,
        bottom: panels_bottom,
    };
    // One radius for both gauges, so the two indices compare at a glance.
    let company_plan = CompanyPlan::new(report, set, company);
    let personal_plan = PersonalPlan::new(report, set, personal);
    let r = company_plan.max_radius.min(personal_plan.max_radius);
    let cy = company_plan.draw(report, set, runs, shapes, r);
    personal_plan.draw(report, set, runs, shapes, r, cy);
    page
}

pub(super) const PAD: f32 = 16.0;

/// A panel's box on the cover.
#[derive(Debug, Clone, Copy)]
pub(super) struct Panel {
    pub(super) x: f32,
    pub(super) width: f32,
    pub(super) top: f32,
    pub(super) bottom: f32,
}

impl Panel {
    pub(super) fn inner_x(&self) -> f32 {
        self.x + PAD
    }

    pub(super) fn inner_width(&self) -> f32 {
        self.width - 2.0 * PAD
    }
}

/// What sits under a gauge's centre line: its label.
pub(super) const GAUGE_FOOT: f32 = 13.0;
pub(super) const GAUGE_MIN: f32 = 36.0;
pub(super) const GAUGE_MAX: f32 = 105.0;

pub(super) fn shift(runs: &mut [TextRun], dy: f32) {
    for r in runs {
        r.y += dy;
    }
}

/// The panel's caption; returns its height.
pub(super) fn caption(
    set: &Setter<'_>,
    text: String,
    panel: Panel,
    runs: &mut Vec<TextRun>,
) -> f32 {
    set.block(
        &[owned(text, FontStyle::Bold, INK)],
        12.0,
        15.0,
        Column::new(panel.inner_x(), panel.inner_width(), Align::Left),
        panel.top - PAD,
        runs,
    )
}
