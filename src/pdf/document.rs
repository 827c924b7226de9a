//! The report, typeset: the infographic page and the flowing pages after it.

use std::ops::Range;

use super::layout::{self, Align, Colour, FontStyle, Line, Span};
use super::{Margins, PageLayout, PdfFonts, Shape, TextRun};
use crate::domain::Report;
use crate::domain::questionnaire::Band;
use crate::domain::report::{
    EntryView, IndexView, NumbersView, Paragraph, SectionView, THEME, Words, verdict_label,
};
use crate::domain::scoring::Verdict;
use crate::domain::waves::SinceLastTime;

// Colours: the report theme's, which the web page receives as CSS properties.
const INK: Colour = Colour::hex(THEME.ink.0);
const MUTED: Colour = Colour::hex(THEME.muted.0);
const RULE: Colour = Colour::hex(THEME.line.0);
const TRACK: Colour = Colour::hex(THEME.track.0);
const BAR_TRACK: Colour = Colour::hex(THEME.bar_track.0);
const WHITE: Colour = Colour::hex(THEME.paper.0);
const VALUE: Colour = Colour::hex(THEME.value.0);
const NUMBER: Colour = Colour::hex(THEME.number.0);
const PERSONAL: Colour = Colour::hex(THEME.personal.0);

/// The colour of a sub-index (by its key), as on the web.
fn sub_index_colour(key: &str) -> Colour {
    Colour::hex(THEME.sub_index(key).0)
}

fn band_colour(band: Band) -> Colour {
    Colour::hex(THEME.band(band).0)
}

fn verdict_colour(v: Verdict) -> Colour {
    Colour::hex(THEME.verdict(v).0)
}

/// A paragraph of the report model as spans: strong runs bold in `strong`, the
/// rest in `style` and `plain`.
fn paragraph_spans(
    p: &Paragraph,
    style: FontStyle,
    plain: Colour,
    strong: Colour,
) -> Vec<Span<'_>> {
    p.0.iter()
        .map(|r| {
            if r.strong {
                span(&r.text, FontStyle::Bold, strong)
            } else {
                span(&r.text, style, plain)
            }
        })
        .collect()
}

// Page geometry, in points.
const A4_SHORT: f32 = 595.28;
const A4_LONG: f32 = 841.89;
/// Portrait pages: side, top and bottom margins.
const SIDE: f32 = 56.0;
const TOP: f32 = 40.0;
const BOTTOM: f32 = 40.0;
/// The landscape infographic: margins all round.
const COVER_MARGIN: f32 = 36.0;

// Type sizes and leading, in points.
const BODY: f32 = 10.0;
const BODY_LEADING: f32 = 14.5;
const SMALL: f32 = 8.5;
const SMALL_LEADING: f32 = 11.5;
const FOOTER: f32 = 8.0;
const H1: f32 = 20.0;
const H2: f32 = 13.0;
const H3: f32 = 11.5;

/// The document title: the study, "report", and the company when given.
pub(crate) fn title(report: &Report) -> String {
    match &report.company {
        Some(c) => format!("{} report: {c}", report.study_name),
        None => format!("{} report", report.study_name),
    }
}

/// Where lines go: a left edge, a width, and how lines sit between the edges.
#[derive(Debug, Clone, Copy)]
struct Column {
    x: f32,
    width: f32,
    align: Align,
}

impl Column {
    fn new(x: f32, width: f32, align: Align) -> Column {
        Column { x, width, align }
    }
}

/// Text measurement and setting, over the report's fonts.
struct Setter<'f> {
    fonts: &'f PdfFonts,
    ascent: f32,
    descent: f32,
}

impl<'f> Setter<'f> {
    fn new(fonts: &'f PdfFonts) -> Setter<'f> {
        Setter {
            fonts,
            ascent: fonts.ascent(),
            descent: fonts.descent(),
        }
    }

    fn width(&self, text: &str, style: FontStyle, size: f32) -> f32 {
        layout::text_width(self.fonts, style, text, size)
    }

    fn wrap(&self, spans: &[Span<'_>], size: f32, width: f32) -> Vec<Line> {
        layout::wrap(spans, size, width, self.fonts)
    }

    /// Distance from the top of a line box to its baseline.
    fn baseline(&self, size: f32, leading: f32) -> f32 {
        (leading - (self.ascent + self.descent) * size) / 2.0 + self.ascent * size
    }

    /// The runs of one line whose baseline is at `y`.
    fn line_runs(&self, line: &Line, col: Column, size: f32, y: f32, out: &mut Vec<TextRun>) {
        for p in layout::place(line, col.x, col.width, col.align, size) {
            out.push(TextRun {
                page: 0,
                x: p.x,
                y,
                width: p.width,
                size,
                ascent: self.ascent * size,
                descent: self.descent * size,
                text: p.piece.text.clone(),
                style: p.piece.style,
                colour: p.piece.colour,
                word_spacing: p.extra_per_space,
            });
        }
    }

    /// Sets `spans` in a column whose top is at `top`; returns the height used.
    fn block(
        &self,
        spans: &[Span<'_>],
        size: f32,
        leading: f32,
        col: Column,
        top: f32,
        out: &mut Vec<TextRun>,
    ) -> f32 {
        let lines = self.wrap(spans, size, col.width);
        let base = self.baseline(size, leading);
        for (i, line) in lines.iter().enumerate() {
            let y = top - base - leading * i as f32;
            self.line_runs(line, col, size, y, out);
        }
        leading * lines.len() as f32
    }

    /// The height `block` would use.
    fn block_height(&self, spans: &[Span<'_>], size: f32, leading: f32, width: f32) -> f32 {
        leading * self.wrap(spans, size, width).len() as f32
    }
}

fn span(text: &str, style: FontStyle, colour: Colour) -> Span<'_> {
    Span::new(text, style, colour)
}

fn owned(text: String, style: FontStyle, colour: Colour) -> Span<'static> {
    Span::new(text, style, colour)
}

/// Typesets the whole report.
pub(crate) fn typeset(report: &Report, fonts: &PdfFonts, generated_on: &str) -> Vec<PageLayout> {
    let set = Setter::new(fonts);
    let mut pages = vec![cover(report, &set)];
    let header = running_header(report, &set);
    let body_top = A4_LONG - TOP - header.height - 18.0;
    let body_bottom = BOTTOM + (set.ascent + set.descent) * FOOTER + 18.0;
    let mut flow = Flow::new(&set, SIDE, A4_SHORT - 2.0 * SIDE);
    executive_summary(report, &mut flow);
    detailed_analysis(report, &mut flow);
    personal_report(report, &mut flow);
    if let Some(numbers) = &report.numbers {
        your_numbers(&report.words, numbers, &mut flow);
    }
    if let Some(since) = &report.since_last_time {
        since_last_time(since, &mut flow);
    }
    for mut page in paginate(flow.rows, body_top, body_bottom) {
        // The header first, so text reads in page order.
        page.runs.splice(0..0, header.runs.iter().cloned());
        page.shapes.extend(header.shapes.iter().cloned());
        pages.push(page);
    }
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        page.number = i + 1;
        footer(page, generated_on, total, &set);
        for run in &mut page.runs {
            run.page = i + 1;
        }
    }
    pages
}

fn portrait_page() -> PageLayout {
    PageLayout {
        number: 0,
        width: A4_SHORT,
        height: A4_LONG,
        margins: Margins {
            left: SIDE,
            right: SIDE,
            top: TOP,
            bottom: BOTTOM,
        },
        runs: Vec::new(),
        shapes: Vec::new(),
        bookmark: None,
    }
}

/// Text and rules repeated at the top of every portrait page.
struct Header {
    runs: Vec<TextRun>,
    shapes: Vec<Shape>,
    height: f32,
}

/// The study name and, when given, the company: on one line when both fit,
/// else one under the other (a long company name wraps rather than being cut).
fn running_header(report: &Report, set: &Setter<'_>) -> Header {
    let width = A4_SHORT - 2.0 * SIDE;
    let top = A4_LONG - TOP;
    let leading = SMALL_LEADING;
    let mut runs = Vec::new();
    let study = [span(&report.study_name, FontStyle::Bold, MUTED)];
    let mut height = match &report.company {
        Some(company) => {
            let company_spans = [span(company, FontStyle::Regular, MUTED)];
            let one_line = set.width(&report.study_name, FontStyle::Bold, SMALL)
                + 24.0
                + set.width(company, FontStyle::Regular, SMALL)
                <= width;
            if one_line {
                set.block(
                    &study,
                    SMALL,
                    leading,
                    Column::new(SIDE, width, Align::Left),
                    top,
                    &mut runs,
                );
                set.block(
                    &company_spans,
                    SMALL,
                    leading,
                    Column::new(SIDE, width, Align::Right),
                    top,
                    &mut runs,
                )
            } else {
                let h = set.block(
                    &study,
                    SMALL,
                    leading,
                    Column::new(SIDE, width, Align::Left),
                    top,
                    &mut runs,
                );
                h + set.block(
                    &company_spans,
                    SMALL,
                    leading,
                    Column::new(SIDE, width, Align::Left),
                    top - h,
                    &mut runs,
                )
            }
        }
        None => set.block(
            &study,
            SMALL,
            leading,
            Column::new(SIDE, width, Align::Left),
            top,
            &mut runs,
        ),
    };
    height += 4.0;
    let rule_y = top - height;
    Header {
        runs,
        shapes: vec![Shape::Line {
            x1: SIDE,
            y1: rule_y,
            x2: A4_SHORT - SIDE,
            y2: rule_y,
            colour: RULE,
            width: 0.75,
        }],
        height,
    }
}

/// "Generated on" and "Page N of M" at the foot of a page.
fn footer(page: &mut PageLayout, generated_on: &str, total: usize, set: &Setter<'_>) {
    let left = page.margins.left;
    let width = page.width - page.margins.left - page.margins.right;
    let y = page.margins.bottom + set.descent * FOOTER;
    let number = format!("Page {} of {total}", page.number);
    let number_w = set.width(&number, FontStyle::Regular, FOOTER);
    let mut runs = Vec::new();
    // The date takes what the page number leaves; a freak long value wraps
    // upwards instead of running into the number.
    let date_text = format!("Generated on {generated_on}");
    let date = [span(&date_text, FontStyle::Regular, MUTED)];
    let date_width = (width - number_w - 24.0).max(FOOTER * 4.0);
    let lines = set.wrap(&date, FOOTER, date_width);
    let n = lines.len();
    for (i, line) in lines.iter().enumerate() {
        let ly = y + (n - 1 - i) as f32 * (FOOTER * 1.35);
        set.line_runs(
            line,
            Column::new(left, date_width, Align::Left),
            FOOTER,
            ly,
            &mut runs,
        );
    }
    let num = set.wrap(&[span(&number, FontStyle::Regular, MUTED)], FOOTER, width);
    for line in &num {
        set.line_runs(
            line,
            Column::new(left, width, Align::Right),
            FOOTER,
            y,
            &mut runs,
        );
    }
    page.runs.extend(runs);
}

// ---------------------------------------------------------------------------
// The infographic.

/// Gauge geometry: the band is this share of the radius.
const GAUGE_BAND: f32 = 0.2;

/// A gauge with the peer median marked as a dark tick across the band, which reads
/// in greyscale too.
fn gauge_with_median(
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

fn gauge(shapes: &mut Vec<Shape>, cx: f32, cy: f32, r: f32, score: Option<f64>, colour: Colour) {
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
fn gauge_text(
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
        words.no_score
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
fn stat(
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
fn index_stats(
    set: &Setter<'_>,
    words: &Words,
    index: &IndexView,
    col: Column,
    out: &mut Vec<TextRun>,
) -> f32 {
    let category = index
        .category
        .as_deref()
        .unwrap_or(words.not_enough_answers);
    let mut h = stat(set, out, words.category, category, col, 0.0);
    h += 10.0;
    h += stat(set, out, words.peer_group, &index.relative_short, col, -h);
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
fn cover(report: &Report, set: &Setter<'_>) -> PageLayout {
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
        bookmark: Some(report.words.summary.to_string()),
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

const PAD: f32 = 16.0;

/// A panel's box on the cover.
#[derive(Debug, Clone, Copy)]
struct Panel {
    x: f32,
    width: f32,
    top: f32,
    bottom: f32,
}

impl Panel {
    fn inner_x(&self) -> f32 {
        self.x + PAD
    }

    fn inner_width(&self) -> f32 {
        self.width - 2.0 * PAD
    }
}

/// What sits under a gauge's centre line: its label.
const GAUGE_FOOT: f32 = 13.0;
const GAUGE_MIN: f32 = 36.0;
const GAUGE_MAX: f32 = 105.0;

fn shift(runs: &mut [TextRun], dy: f32) {
    for r in runs {
        r.y += dy;
    }
}

/// The panel's caption; returns its height.
fn caption(set: &Setter<'_>, text: String, panel: Panel, runs: &mut Vec<TextRun>) -> f32 {
    set.block(
        &[owned(text, FontStyle::Bold, INK)],
        12.0,
        15.0,
        Column::new(panel.inner_x(), panel.inner_width(), Align::Left),
        panel.top - PAD,
        runs,
    )
}

/// The company panel, measured: caption, then the gauge with the category and
/// peer standing beside it, then the sub-index bars at the foot.
struct CompanyPlan {
    panel: Panel,
    caption: Vec<TextRun>,
    /// The category and peer standing, set with their top at y = 0.
    text: Vec<TextRun>,
    text_h: f32,
    zone_top: f32,
    zone_bottom: f32,
    gauge_w: f32,
    bars_top: f32,
    max_radius: f32,
}

impl CompanyPlan {
    fn new(report: &Report, set: &Setter<'_>, panel: Panel) -> CompanyPlan {
        let (ix, iw) = (panel.inner_x(), panel.inner_width());
        let mut caption_runs = Vec::new();
        let caption_h = caption(
            set,
            report.words.your_company.to_string(),
            panel,
            &mut caption_runs,
        );
        let zone_top = panel.top - PAD - caption_h - 10.0;
        let bars_top = panel.bottom + PAD + bars_height(report, set, iw);
        let zone_bottom = bars_top + 16.0;
        let gauge_w = iw * 0.5;
        let text_x = ix + gauge_w + 14.0;
        let text_w = iw - gauge_w - 14.0;
        let mut text = Vec::new();
        let mut h = index_stats(
            set,
            &report.words,
            &report.overall,
            Column::new(text_x, text_w, Align::Left),
            &mut text,
        );
        h += 6.0;
        h += set.block(
            &[span(&report.peer.sentence, FontStyle::Regular, MUTED)],
            SMALL,
            SMALL_LEADING,
            Column::new(text_x, text_w, Align::Left),
            -h,
            &mut text,
        );
        let max_radius = (gauge_w / 2.0 - 4.0)
            .min(zone_top - zone_bottom - GAUGE_FOOT)
            .clamp(GAUGE_MIN, GAUGE_MAX);
        CompanyPlan {
            panel,
            caption: caption_runs,
            text,
            text_h: h,
            zone_top,
            zone_bottom,
            gauge_w,
            bars_top,
            max_radius,
        }
    }

    /// Draws the panel with a gauge of radius `r`; returns the gauge's centre
    /// line.
    fn draw(
        self,
        report: &Report,
        set: &Setter<'_>,
        runs: &mut Vec<TextRun>,
        shapes: &mut Vec<Shape>,
        r: f32,
    ) -> f32 {
        let ix = self.panel.inner_x();
        let gauge_h = r + GAUGE_FOOT;
        let row_h = gauge_h.max(self.text_h);
        // The row sits in the middle of the space between caption and bars.
        let row_top = self.zone_top - ((self.zone_top - self.zone_bottom - row_h) / 2.0).max(0.0);
        let cy = row_top - (row_h - gauge_h) / 2.0 - r;
        let cx = ix + self.gauge_w / 2.0;
        gauge_with_median(shapes, cx, cy, r, &report.overall, VALUE);
        gauge_text(set, &report.words, runs, cx, cy, r, &report.overall);
        let mut text = self.text;
        shift(&mut text, row_top - (row_h - self.text_h) / 2.0);
        runs.extend(self.caption);
        runs.extend(text);
        sub_index_bars(
            report,
            set,
            runs,
            shapes,
            ix,
            self.panel.inner_width(),
            self.bars_top,
        );
        cy
    }
}

const BAR_SIZE: f32 = 10.0;
const BAR_H: f32 = 18.0;
const BAR_PITCH: f32 = 33.0;

/// Where the bar columns go: name, bar, value.
struct BarColumns {
    name_w: f32,
    value_w: f32,
}

fn bar_columns(report: &Report, set: &Setter<'_>, width: f32) -> BarColumns {
    let widest = report
        .sub_indices
        .iter()
        .map(|s| set.width(&s.index.name, FontStyle::Bold, BAR_SIZE))
        .fold(0.0, f32::max);
    BarColumns {
        name_w: (widest + 2.0).min(width * 0.32),
        value_w: set.width("100%", FontStyle::Bold, BAR_SIZE) + 2.0,
    }
}

fn bar_row_height(name_lines: usize) -> f32 {
    BAR_PITCH.max(name_lines as f32 * 12.5 + 8.0)
}

fn bars_height(report: &Report, set: &Setter<'_>, width: f32) -> f32 {
    let cols = bar_columns(report, set, width);
    let rows: f32 = report
        .sub_indices
        .iter()
        .map(|s| {
            let name = [span(&s.index.name, FontStyle::Bold, INK)];
            bar_row_height(set.wrap(&name, BAR_SIZE, cols.name_w).len())
        })
        .sum();
    SMALL_LEADING + 6.0 + rows
}

/// The four sub-indices as labelled horizontal bars, each in its colour, with
/// its name on the left and its score on the right so it reads in grey too.
fn sub_index_bars(
    report: &Report,
    set: &Setter<'_>,
    runs: &mut Vec<TextRun>,
    shapes: &mut Vec<Shape>,
    x: f32,
    width: f32,
    top: f32,
) {
    let cols = bar_columns(report, set, width);
    let mut y = top;
    // What the tick means is said once, in the note under the panels.
    let legend = report.words.sub_indices;
    y -= set.block(
        &[span(legend, FontStyle::Regular, MUTED)],
        SMALL,
        SMALL_LEADING,
        Column::new(x, width, Align::Left),
        y,
        runs,
    );
    y -= 6.0;
    let track_x = x + cols.name_w + 10.0;
    let track_w = width - cols.name_w - 10.0 - cols.value_w - 10.0;
    for s in &report.sub_indices {
        let name = [span(&s.index.name, FontStyle::Bold, INK)];
        let lines = set.wrap(&name, BAR_SIZE, cols.name_w);
        let row_h = bar_row_height(lines.len());
        let mid = y - row_h / 2.0;
        let name_h = 12.5 * lines.len() as f32;
        set.block(
            &name,
            BAR_SIZE,
            12.5,
            Column::new(x, cols.name_w, Align::Left),
            mid + name_h / 2.0,
            runs,
        );
        shapes.push(Shape::Rect {
            x: track_x,
            y: mid - BAR_H / 2.0,
            width: track_w,
            height: BAR_H,
            radius: 2.0,
            fill: Some(BAR_TRACK),
            stroke: None,
        });
        match s.index.score {
            Some(score) => {
                let fill = track_w * (score.clamp(0.0, 100.0) as f32) / 100.0;
                if fill > 0.5 {
                    shapes.push(Shape::Rect {
                        x: track_x,
                        y: mid - BAR_H / 2.0,
                        width: fill,
                        height: BAR_H,
                        radius: 2.0,
                        fill: Some(sub_index_colour(s.index.key)),
                        stroke: None,
                    });
                }
                if let Some(m) = s.index.peer_median {
                    let at = track_x + track_w * (m.clamp(0.0, 100.0) as f32) / 100.0;
                    for (colour, width) in [(WHITE, 4.5), (INK, 2.0)] {
                        shapes.push(Shape::Line {
                            x1: at,
                            y1: mid - BAR_H / 2.0 - 3.0,
                            x2: at,
                            y2: mid + BAR_H / 2.0 + 3.0,
                            colour,
                            width,
                        });
                    }
                }
                set.block(
                    &[span(&s.index.display, FontStyle::Bold, INK)],
                    BAR_SIZE,
                    12.5,
                    Column::new(x + width - cols.value_w, cols.value_w, Align::Right),
                    mid + 6.25,
                    runs,
                );
            }
            None => {
                let note = [span("not enough answers", FontStyle::Italic, MUTED)];
                let h = set.block_height(&note, SMALL, SMALL_LEADING, track_w - 12.0);
                set.block(
                    &note,
                    SMALL,
                    SMALL_LEADING,
                    Column::new(track_x + 6.0, track_w - 12.0, Align::Left),
                    mid + h / 2.0,
                    runs,
                );
            }
        }
        y -= row_h;
    }
}

/// The respondent's panel, laid out like the company's: caption, then the gauge
/// with the category and peer standing beside it, then what the category means at
/// the foot, where the company panel has its bars.
struct PersonalPlan {
    panel: Panel,
    caption: Vec<TextRun>,
    /// The category and peer standing, set with their top at y = 0.
    text: Vec<TextRun>,
    text_h: f32,
    /// The category's description, set with its top at y = 0.
    foot: Vec<TextRun>,
    foot_h: f32,
    zone_top: f32,
    gauge_w: f32,
    max_radius: f32,
}

impl PersonalPlan {
    fn new(report: &Report, set: &Setter<'_>, panel: Panel) -> PersonalPlan {
        let p = &report.personal;
        let (ix, iw) = (panel.inner_x(), panel.inner_width());
        let mut caption_runs = Vec::new();
        let caption_h = caption(set, report.words.you.clone(), panel, &mut caption_runs);
        let zone_top = panel.top - PAD - caption_h - 10.0;
        let gauge_w = iw * 0.5;
        let text_x = ix + gauge_w + 10.0;
        let text_w = iw - gauge_w - 10.0;
        let mut text = Vec::new();
        let text_h = index_stats(
            set,
            &report.words,
            p,
            Column::new(text_x, text_w, Align::Left),
            &mut text,
        );
        let mut foot = Vec::new();
        let foot_h = match &p.category_description {
            Some(d) => set.block(
                &[span(d, FontStyle::Regular, MUTED)],
                9.5,
                13.0,
                Column::new(ix, iw, Align::Left),
                0.0,
                &mut foot,
            ),
            None => 0.0,
        };
        let room = zone_top - (panel.bottom + PAD + foot_h + 16.0) - GAUGE_FOOT;
        let max_radius = (gauge_w / 2.0 - 4.0).min(room).clamp(GAUGE_MIN, GAUGE_MAX);
        PersonalPlan {
            panel,
            caption: caption_runs,
            text,
            text_h,
            foot,
            foot_h,
            zone_top,
            gauge_w,
            max_radius,
        }
    }

    /// Draws the panel with a gauge of radius `r`, level with the company's gauge
    /// (centre line `level`) when it fits between the caption and the foot.
    fn draw(
        self,
        report: &Report,
        set: &Setter<'_>,
        runs: &mut Vec<TextRun>,
        shapes: &mut Vec<Shape>,
        r: f32,
        level: f32,
    ) {
        let foot_top = self.panel.bottom + PAD + self.foot_h;
        let lowest = foot_top + 16.0 + GAUGE_FOOT;
        let cy = if level + r <= self.zone_top && level >= lowest {
            level
        } else {
            (self.zone_top - r).max(lowest)
        };
        let cx = self.panel.inner_x() + self.gauge_w / 2.0;
        gauge_with_median(shapes, cx, cy, r, &report.personal, PERSONAL);
        gauge_text(set, &report.words, runs, cx, cy, r, &report.personal);
        // The stats centred on the gauge's row, as in the company panel.
        let row_top = cy + r;
        let row_h = (r + GAUGE_FOOT).max(self.text_h);
        let mut text = self.text;
        shift(&mut text, row_top - (row_h - self.text_h).max(0.0) / 2.0);
        let mut foot = self.foot;
        shift(&mut foot, foot_top);
        runs.extend(self.caption);
        runs.extend(text);
        runs.extend(foot);
    }
}

// ---------------------------------------------------------------------------
// The flowing pages.

/// Something placed in a row, in coordinates where the row's top is y = 0.
#[derive(Debug, Clone)]
enum Item {
    Run(TextRun),
    Shape(Shape),
}

/// An unbreakable strip of the flowing pages: a line of text, a table row, a
/// gap.
#[derive(Debug, Clone, Default)]
struct Row {
    height: f32,
    /// Do not end a page after this row.
    keep_with_next: bool,
    /// Start a new page with this row.
    break_before: bool,
    /// A gap: dropped at the top of a page.
    spacer: bool,
    bookmark: Option<String>,
    items: Vec<Item>,
}

struct Flow<'s, 'f> {
    set: &'s Setter<'f>,
    x: f32,
    width: f32,
    rows: Vec<Row>,
    pending_break: bool,
    pending_bookmark: Option<String>,
}

impl<'s, 'f> Flow<'s, 'f> {
    fn new(set: &'s Setter<'f>, x: f32, width: f32) -> Flow<'s, 'f> {
        Flow {
            set,
            x,
            width,
            rows: Vec::new(),
            pending_break: false,
            pending_bookmark: None,
        }
    }

    fn push(&mut self, mut row: Row) {
        if self.pending_break {
            row.break_before = true;
            self.pending_break = false;
        }
        if row.bookmark.is_none() {
            row.bookmark = self.pending_bookmark.take();
        }
        self.rows.push(row);
    }

    fn space(&mut self, height: f32, keep_with_next: bool) {
        self.push(Row {
            height,
            keep_with_next,
            spacer: true,
            ..Row::default()
        });
    }

    /// A paragraph, one row per line, indented by `indent`. Its first two
    /// lines stay together, and so do its last two.
    fn para(
        &mut self,
        spans: &[Span<'_>],
        size: f32,
        leading: f32,
        indent: f32,
        align: Align,
    ) -> Range<usize> {
        let x = self.x + indent;
        let width = self.width - indent;
        let lines = self.set.wrap(spans, size, width);
        let base = self.set.baseline(size, leading);
        let start = self.rows.len();
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let mut runs = Vec::new();
            self.set
                .line_runs(line, Column::new(x, width, align), size, -base, &mut runs);
            self.push(Row {
                height: leading,
                keep_with_next: n > 1 && (i == 0 || i + 2 == n),
                items: runs.into_iter().map(Item::Run).collect(),
                ..Row::default()
            });
        }
        start..self.rows.len()
    }

    fn keep(&mut self, rows: Range<usize>) {
        for row in &mut self.rows[rows] {
            row.keep_with_next = true;
        }
    }

    /// A vertical bar beside `rows`, at `x` from the text's left edge.
    fn bar(&mut self, rows: Range<usize>, dx: f32, width: f32, colour: Colour) {
        let x = self.x + dx;
        for row in &mut self.rows[rows] {
            row.items.push(Item::Shape(Shape::Rect {
                x,
                y: -row.height,
                width,
                height: row.height,
                radius: 0.0,
                fill: Some(colour),
                stroke: None,
            }));
        }
    }

    /// A part of the report: a new page, an outline entry and a big heading.
    fn part(&mut self, title: &str, new_page: bool) {
        if new_page {
            self.pending_break = true;
        } else {
            self.space(22.0, true);
        }
        self.pending_bookmark = Some(title.to_string());
        let rows = self.para(
            &[span(title, FontStyle::Bold, VALUE)],
            H1,
            H1 * 1.3,
            0.0,
            Align::Left,
        );
        self.keep(rows);
        self.space(10.0, true);
    }

    fn heading(&mut self, title: &str, size: f32, colour: Colour, before: f32) {
        self.space(before, true);
        let rows = self.para(
            &[span(title, FontStyle::Bold, colour)],
            size,
            size * 1.3,
            0.0,
            Align::Left,
        );
        self.keep(rows);
        self.space(5.0, true);
    }

    fn body(&mut self, spans: &[Span<'_>]) -> Range<usize> {
        self.para(spans, BODY, BODY_LEADING, 0.0, Align::Justify)
    }
}

/// Lays rows out down pages between `top` and `bottom`.
fn paginate(rows: Vec<Row>, top: f32, bottom: f32) -> Vec<PageLayout> {
    let mut pages: Vec<PageLayout> = Vec::new();
    let mut page = portrait_page();
    let mut y = top;
    let mut has_content = false;
    let capacity = top - bottom;
    const EPS: f32 = 0.01;
    for i in 0..rows.len() {
        let row = &rows[i];
        let mut new_page = row.break_before && has_content;
        let chain_start = i == 0 || !rows[i - 1].keep_with_next || rows[i].break_before;
        if !new_page && has_content && chain_start {
            // The rows that must share a page with this one.
            let mut h = 0.0;
            for (j, r) in rows[i..].iter().enumerate() {
                if j > 0 && r.break_before {
                    break;
                }
                h += r.height;
                if !r.keep_with_next {
                    break;
                }
            }
            new_page = h <= capacity && y - h < bottom - EPS;
        }
        if !new_page && has_content && y - row.height < bottom - EPS {
            new_page = true;
        }
        if new_page {
            finish_page(&mut page);
            pages.push(std::mem::replace(&mut page, portrait_page()));
            y = top;
            has_content = false;
        }
        if row.spacer && !has_content {
            continue;
        }
        if let (Some(b), None) = (&row.bookmark, &page.bookmark) {
            page.bookmark = Some(b.clone());
        }
        for item in &row.items {
            match item {
                Item::Run(run) => {
                    let mut run = run.clone();
                    run.y += y;
                    page.runs.push(run);
                }
                Item::Shape(shape) => page.shapes.push(shifted(shape, y)),
            }
        }
        y -= row.height;
        has_content = has_content || !row.spacer;
    }
    if has_content {
        finish_page(&mut page);
        pages.push(page);
    }
    pages
}

fn shifted(shape: &Shape, dy: f32) -> Shape {
    let mut s = shape.clone();
    match &mut s {
        Shape::Rect { y, .. } => *y += dy,
        Shape::Arc { cy, .. } => *cy += dy,
        Shape::Line { y1, y2, .. } => {
            *y1 += dy;
            *y2 += dy;
        }
    }
    s
}

/// Joins the per-line pieces of a side bar into one rectangle.
fn finish_page(page: &mut PageLayout) {
    let mut merged: Vec<Shape> = Vec::with_capacity(page.shapes.len());
    for shape in page.shapes.drain(..) {
        if let (
            Some(Shape::Rect {
                x: px,
                y: py,
                width: pw,
                height: ph,
                radius: 0.0,
                fill: pf,
                stroke: None,
            }),
            Shape::Rect {
                x,
                y,
                width,
                height,
                radius: 0.0,
                fill,
                stroke: None,
            },
        ) = (merged.last_mut(), &shape)
            && *px == *x
            && *pw == *width
            && *pf == *fill
            && (*py - (*y + *height)).abs() < 0.01
        {
            *ph += *height;
            *py = *y;
            continue;
        }
        merged.push(shape);
    }
    page.shapes = merged;
}

// ---------------------------------------------------------------------------
// The parts.

fn executive_summary(report: &Report, flow: &mut Flow<'_, '_>) {
    flow.part(report.words.executive_summary, true);
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

    flow.heading(report.words.sales_velocity, H2, VALUE, 22.0);
    for (i, p) in report.velocity_paragraphs.iter().enumerate() {
        if i > 0 {
            flow.space(6.0, false);
        }
        flow.body(&[span(p, FontStyle::Regular, INK)]);
    }

    if !report.tensions.is_empty() {
        flow.heading(report.words.tensions, H2, VALUE, 22.0);
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

    if !report.actions.is_empty() {
        flow.heading(report.words.actions, H2, VALUE, 22.0);
        actions(report, flow);
    }
}

fn actions(report: &Report, flow: &mut Flow<'_, '_>) {
    const BADGE: f32 = 7.5;
    let set = flow.set;
    let badge_w = [Verdict::Keep, Verdict::Change, Verdict::Stop]
        .iter()
        .map(|v| set.width(verdict_label(*v), FontStyle::Bold, BADGE))
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
        let label = a.verdict_label;
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

fn entries(section: &SectionView, flow: &mut Flow<'_, '_>) {
    flow.heading(&section.title, H2, VALUE, 20.0);
    for (i, e) in section.entries.iter().enumerate() {
        if i > 0 {
            flow.space(11.0, false);
        }
        entry(e, flow);
    }
}

fn entry(e: &EntryView, flow: &mut Flow<'_, '_>) {
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
fn band_legend(words: &Words, flow: &mut Flow<'_, '_>) {
    let set = flow.set;
    let mut items = Vec::new();
    let mut runs = Vec::new();
    let base = set.baseline(SMALL, SMALL_LEADING);
    let mut x = flow.x;
    let keys = words
        .bands
        .iter()
        .map(|(band, word)| (*word, Some(band_colour(*band))));
    for (text, colour) in std::iter::once((words.band_legend, None)).chain(keys) {
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

fn detailed_analysis(report: &Report, flow: &mut Flow<'_, '_>) {
    flow.part(report.words.detailed_analysis, true);
    band_legend(&report.words, flow);
    for s in &report.company_sections {
        entries(s, flow);
    }
}

fn personal_report(report: &Report, flow: &mut Flow<'_, '_>) {
    flow.part(report.words.personal_report, true);
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

/// What moved since the earlier assessment: the same sentences as the web page,
/// each index's row as a line.
fn since_last_time(since: &SinceLastTime, flow: &mut Flow<'_, '_>) {
    flow.part("Since last time", false);
    flow.body(&[span(&since.intro, FontStyle::Regular, INK)]);
    flow.space(7.0, false);
    for [name, before, after, change] in &since.rows {
        let rest = format!(": last time {before}, now {after}, {change}.");
        flow.body(&[
            span(name, FontStyle::Bold, INK),
            span(&rest, FontStyle::Regular, INK),
        ]);
    }
    if !since.changed.is_empty() {
        flow.heading("Answers you changed", 12.0, INK, 12.0);
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
        flow.heading("New this time", 12.0, INK, 12.0);
        for line in &since.new_items {
            flow.body(&[span(line, FontStyle::Regular, INK)]);
            flow.space(4.0, false);
        }
    }
}

fn your_numbers(words: &Words, n: &NumbersView, flow: &mut Flow<'_, '_>) {
    flow.part(words.your_numbers, false);
    flow.para(
        &[span(&n.velocity_sentence, FontStyle::Regular, INK)],
        11.0,
        16.0,
        0.0,
        Align::Left,
    );
    for p in [&n.win_rate_sentence, &n.win_rate_reconciled]
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

fn numbers_table(words: &Words, n: &NumbersView, flow: &mut Flow<'_, '_>) {
    let set = flow.set;
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
    let mut row = |cells: [Vec<Span<'_>>; 3], size: f32, leading: f32, rule: f32, keep: bool| {
        let pad = 5.0;
        let wrapped: Vec<Vec<Line>> = cells
            .iter()
            .zip(cols)
            .map(|(spans, (_, w, _))| set.wrap(spans, size, w))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * leading + 2.0 * pad;
        let base = set.baseline(size, leading);
        let mut runs = Vec::new();
        for (cell, (cx, cw, align)) in wrapped.iter().zip(cols) {
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
            keep_with_next: keep,
            items,
            ..Row::default()
        });
    };
    row(
        [
            vec![span(words.figure, FontStyle::Bold, MUTED)],
            vec![span(words.yours, FontStyle::Bold, MUTED)],
            vec![span(words.peer_median, FontStyle::Bold, MUTED)],
        ],
        9.0,
        12.0,
        1.0,
        true,
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
                r.peer_missing.as_deref().unwrap_or(words.not_available),
                FontStyle::Italic,
                MUTED,
            )],
        };
        row(
            [
                vec![span(&r.label, FontStyle::Regular, INK)],
                vec![span(&r.yours, FontStyle::Bold, INK)],
                median,
            ],
            BODY,
            BODY_LEADING,
            0.5,
            // Keep the first row with the header, and the last two together.
            i == 0 || (last > 0 && i + 1 == last),
        );
    }
}
