//! The two panels of the infographic: the company's (gauge, figures and
//! sub-index bars) and the respondent's.

use super::*;

/// The company panel, measured: caption, then the gauge with the category and
/// peer standing beside it, then the sub-index bars at the foot.
pub(super) struct CompanyPlan {
    pub(super) panel: Panel,
    pub(super) caption: Vec<TextRun>,
    /// The category and peer standing, set with their top at y = 0.
    pub(super) text: Vec<TextRun>,
    pub(super) text_h: f32,
    pub(super) zone_top: f32,
    pub(super) zone_bottom: f32,
    pub(super) gauge_w: f32,
    pub(super) bars_top: f32,
    pub(super) max_radius: f32,
}

impl CompanyPlan {
    pub(super) fn new(report: &Report, set: &Setter<'_>, panel: Panel) -> CompanyPlan {
        let (ix, iw) = (panel.inner_x(), panel.inner_width());
        let mut caption_runs = Vec::new();
        let caption_h = caption(
            set,
            report.words.your_company.clone(),
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
    pub(super) fn draw(
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

pub(super) const BAR_SIZE: f32 = 10.0;
pub(super) const BAR_H: f32 = 18.0;
pub(super) const BAR_PITCH: f32 = 33.0;

/// Where the bar columns go: name, bar, value.
pub(super) struct BarColumns {
    pub(super) name_w: f32,
    pub(super) value_w: f32,
}

pub(super) fn bar_columns(report: &Report, set: &Setter<'_>, width: f32) -> BarColumns {
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

pub(super) fn bar_row_height(name_lines: usize) -> f32 {
    BAR_PITCH.max(name_lines as f32 * 12.5 + 8.0)
}

pub(super) fn bars_height(report: &Report, set: &Setter<'_>, width: f32) -> f32 {
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
pub(super) fn sub_index_bars(
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
    let legend = report.words.sub_indices.as_str();
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
                let note = [span(&report.words.no_score_bar, FontStyle::Italic, MUTED)];
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
pub(super) struct PersonalPlan {
    pub(super) panel: Panel,
    pub(super) caption: Vec<TextRun>,
    /// The category and peer standing, set with their top at y = 0.
    pub(super) text: Vec<TextRun>,
    pub(super) text_h: f32,
    /// The category's description, set with its top at y = 0.
    pub(super) foot: Vec<TextRun>,
    pub(super) foot_h: f32,
    pub(super) zone_top: f32,
    pub(super) gauge_w: f32,
    pub(super) max_radius: f32,
}

impl PersonalPlan {
    pub(super) fn new(report: &Report, set: &Setter<'_>, panel: Panel) -> PersonalPlan {
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
    pub(super) fn draw(
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
