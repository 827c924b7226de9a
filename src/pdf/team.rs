//! The team report's PDF: a one-page infographic (A4 landscape: the team's mean
//! and spread per index on the left, the perception gap by role on the right),
//! then A4 portrait pages with the items where the roles differ most and the
//! comparison of waves. It carries the sentences of the web page, from the same
//! [`TeamReport`] model, and is written by the same writer as the personal PDF.
//!
//! Role bars differ in lightness as well as hue, so the infographic still reads
//! when printed in greyscale.

use super::layout::{self, Align, Span};
use super::{Colour, FontStyle, Margins, PageLayout, PdfError, PdfFonts, Shape, TextRun};
use crate::domain::team::{Gap, TeamReport};

const INK: Colour = Colour::hex(0x1d2530);
const MUTED: Colour = Colour::hex(0x5a6573);
const TRACK: Colour = Colour::hex(0xe6eaef);
const SPREAD: Colour = Colour::hex(0xa9c4e4);
const MEAN: Colour = Colour::hex(0x1f4e8c);
/// One colour per role group, dark to light.
const ROLE_COLOURS: [Colour; 4] = [
    Colour::hex(0x17365f),
    Colour::hex(0x2a64a8),
    Colour::hex(0x4a86c8),
    Colour::hex(0x8a6d2f),
];

const LANDSCAPE: (f32, f32) = (841.89, 595.28);
const PORTRAIT: (f32, f32) = (595.28, 841.89);
const MARGIN: f32 = 40.0;

fn role_colour(i: usize) -> Colour {
    ROLE_COLOURS[i % ROLE_COLOURS.len()]
}

/// Places text over the report's fonts.
struct Pen<'f> {
    fonts: &'f PdfFonts,
    ascent: f32,
    descent: f32,
}

impl Pen<'_> {
    /// Sets `text` in a column from `x`, `width` wide, its top at `top`; returns
    /// the height used.
    #[expect(clippy::too_many_arguments, reason = "a text box is all of these")]
    fn text(
        &self,
        page: &mut PageLayout,
        text: &str,
        style: FontStyle,
        size: f32,
        colour: Colour,
        (x, width): (f32, f32),
        top: f32,
        align: Align,
    ) -> f32 {
        let leading = size * 1.3;
        let spans = [Span::new(text, style, colour)];
        let lines = layout::wrap(&spans, size, width, self.fonts);
        let base = (leading - (self.ascent + self.descent) * size) / 2.0 + self.ascent * size;
        for (i, line) in lines.iter().enumerate() {
            let y = top - base - leading * i as f32;
            for p in layout::place(line, x, width, align, size) {
                page.runs.push(TextRun {
                    page: page.number,
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
        leading * lines.len() as f32
    }
}

fn page(number: usize, (width, height): (f32, f32)) -> PageLayout {
    PageLayout {
        number,
        width,
        height,
        margins: Margins {
            left: MARGIN,
            right: MARGIN,
            top: MARGIN,
            bottom: MARGIN,
        },
        runs: Vec::new(),
        shapes: Vec::new(),
        bookmark: None,
    }
}

fn rect(x: f32, y: f32, width: f32, height: f32, fill: Colour) -> Shape {
    Shape::Rect {
        x,
        y,
        width: width.max(0.0),
        height,
        radius: 0.0,
        fill: Some(fill),
        stroke: None,
    }
}

/// The team report's title line: the study, the wave, who answered and who
/// chose to be named.
fn subtitle(t: &TeamReport) -> String {
    let mut s = format!("{}. {}", t.study_name, t.said.answered);
    if !t.said.taking_part.is_empty() {
        s.push(' ');
        s.push_str(&t.said.taking_part);
    }
    s
}

/// The one-page infographic.
/// The one-page infographic; with `fold`, what would follow on portrait pages
/// (the reading, the note on questions, the waves) is set under it. Returns
/// the page and whether everything fitted.
fn infographic(
    t: &TeamReport,
    pen: &Pen<'_>,
    generated_on: &str,
    fold: bool,
) -> (PageLayout, bool) {
    let words = t.words();
    let mut p = page(1, LANDSCAPE);
    p.bookmark = Some(words.summary.clone());
    let (w, h) = LANDSCAPE;
    let mut top = h - MARGIN;
    top -= pen.text(
        &mut p,
        &words.title,
        FontStyle::Bold,
        22.0,
        INK,
        (MARGIN, w - 2.0 * MARGIN),
        top,
        Align::Left,
    );
    top -= pen.text(
        &mut p,
        &subtitle(t),
        FontStyle::Regular,
        11.0,
        MUTED,
        (MARGIN, w - 2.0 * MARGIN),
        top,
        Align::Left,
    ) + 6.0;
    if !t.said.newer_wave.is_empty() {
        top -= pen.text(
            &mut p,
            &t.said.newer_wave,
            FontStyle::Bold,
            10.0,
            INK,
            (MARGIN, w - 2.0 * MARGIN),
            top,
            Align::Left,
        ) + 4.0;
    }
    top -= 8.0;
    let col = (w - 2.0 * MARGIN - 30.0) / 2.0;
    let left = MARGIN;
    let right = MARGIN + col + 30.0;

    // Left: the team's mean and spread per index.
    let mut y = top;
    y -= pen.text(
        &mut p,
        &words.the_team,
        FontStyle::Bold,
        14.0,
        INK,
        (left, col),
        y,
        Align::Left,
    ) + 4.0;
    y -= pen.text(
        &mut p,
        &t.said.coverage,
        FontStyle::Regular,
        9.0,
        INK,
        (left, col),
        y,
        Align::Left,
    ) + 6.0;
    let label_w = 110.0;
    let bar_w = col - label_w - 40.0;
    for f in &t.figures {
        y -= pen
            .text(
                &mut p,
                &f.name,
                FontStyle::Bold,
                10.0,
                INK,
                (left, label_w),
                y - 2.0,
                Align::Left,
            )
            .max(16.0);
        let bar_y = y + 3.0;
        let bx = left + label_w;
        p.shapes.push(rect(bx, bar_y, bar_w, 10.0, TRACK));
        if let (Some(lo), Some(hi)) = (f.lower_half, f.upper_half) {
            let x0 = bx + (lo as f32 / 100.0) * bar_w;
            let x1 = bx + (hi as f32 / 100.0) * bar_w;
            p.shapes
                .push(rect(x0, bar_y, (x1 - x0).max(1.5), 10.0, SPREAD));
        }
        if let Some(m) = f.mean {
            let x = bx + (m as f32 / 100.0) * bar_w;
            p.shapes.push(rect(x - 1.5, bar_y - 3.0, 3.0, 16.0, MEAN));
            pen.text(
                &mut p,
                &t.percent(m.round()),
                FontStyle::Bold,
                10.0,
                INK,
                (bx + bar_w + 4.0, 36.0),
                bar_y + 12.0,
                Align::Left,
            );
        }
        y -= 2.0;
        let words = if f.peer_sentence.is_empty() {
            f.display.clone()
        } else {
            // The figure is a phrase; the peer sentence starts a sentence of its own.
            format!("{}. {}", f.display, f.peer_sentence)
        };
        y -= pen.text(
            &mut p,
            &words,
            FontStyle::Regular,
            8.5,
            MUTED,
            (left, col),
            y,
            Align::Left,
        ) + 8.0;
    }
    // The legend names only what is drawn: the spread's band only where one is.
    let note = [t.said.legend.as_str(), t.said.spread.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    y -= pen.text(
        &mut p,
        &note,
        FontStyle::Italic,
        8.0,
        MUTED,
        (left, col),
        y,
        Align::Left,
    ) + 4.0;
    if !t.said.no_peers.is_empty() {
        y -= pen.text(
            &mut p,
            &t.said.no_peers,
            FontStyle::Regular,
            8.0,
            MUTED,
            (left, col),
            y,
            Align::Left,
        ) + 4.0;
    }
    // Folded: the waves under the team, so that no page of a few lines follows.
    if fold {
        y -= 8.0;
        for (text, style, size) in waves_blocks(t) {
            y -= pen.text(&mut p, &text, style, size, INK, (left, col), y, Align::Left) + 4.0;
        }
    }
    let left_end = y;

    // Right: the perception gap by role.
    let mut y = top;
    y -= pen.text(
        &mut p,
        &words.perception_gap,
        FontStyle::Bold,
        14.0,
        INK,
        (right, col),
        y,
        Align::Left,
    ) + 2.0;
    if !t.said.roles.is_empty() {
        y -= pen.text(
            &mut p,
            &t.said.roles,
            FontStyle::Regular,
            9.0,
            MUTED,
            (right, col),
            y,
            Align::Left,
        ) + 6.0;
    }
    if t.has_gap {
        // Legend.
        let mut lx = right;
        for (i, r) in t.roles.iter().enumerate().filter(|(_, r)| r.shown) {
            p.shapes.push(rect(lx, y - 9.0, 9.0, 9.0, role_colour(i)));
            pen.text(
                &mut p,
                &r.name,
                FontStyle::Regular,
                9.0,
                INK,
                (lx + 12.0, 70.0),
                y + 1.0,
                Align::Left,
            );
            lx += 84.0;
        }
        y -= 18.0;
        for g in &t.index_gaps {
            y -= gap_rows(t, &mut p, pen, g, (right, col), y, false);
        }
        y -= pen.text(
            &mut p,
            &t.said.gaps,
            FontStyle::Italic,
            8.5,
            MUTED,
            (right, col),
            y,
            Align::Left,
        );
    } else {
        y -= pen.text(
            &mut p,
            &t.said.no_gap,
            FontStyle::Regular,
            10.0,
            INK,
            (right, col),
            y,
            Align::Left,
        ) + 8.0;
    }
    if fold {
        y -= 6.0;
        if !t.said.reading.is_empty() {
            y -= pen.text(
                &mut p,
                &words.reading,
                FontStyle::Bold,
                11.0,
                INK,
                (right, col),
                y,
                Align::Left,
            ) + 2.0;
            for para in &t.said.reading {
                y -= pen.text(
                    &mut p,
                    para,
                    FontStyle::Regular,
                    9.0,
                    INK,
                    (right, col),
                    y,
                    Align::Left,
                ) + 4.0;
            }
            y -= 4.0;
        }
        y -= pen.text(
            &mut p,
            &words.items,
            FontStyle::Bold,
            11.0,
            INK,
            (right, col),
            y,
            Align::Left,
        ) + 2.0;
        y -= pen.text(
            &mut p,
            &t.said.items,
            FontStyle::Regular,
            9.0,
            MUTED,
            (right, col),
            y,
            Align::Left,
        );
    }
    // The rounding note and the date sit at the foot.
    let fits = left_end.min(y) > MARGIN + 34.0;
    pen.text(
        &mut p,
        &format!("{} {}", t.said.rounding, t.generated(generated_on)),
        FontStyle::Regular,
        8.0,
        MUTED,
        (MARGIN, w - 2.0 * MARGIN),
        MARGIN + 22.0,
        Align::Left,
    );
    (p, fits)
}

/// One row of role bars with its label (an index's name, or an item's
/// question and section); an item's row ends with its sentence. Returns the
/// height used.
fn gap_rows(
    t: &TeamReport,
    p: &mut PageLayout,
    pen: &Pen<'_>,
    g: &Gap,
    (x, width): (f32, f32),
    top: f32,
    item: bool,
) -> f32 {
    let mut y = top;
    y -= pen.text(
        p,
        &g.name,
        FontStyle::Bold,
        if item { 10.0 } else { 9.5 },
        INK,
        (x, width),
        y,
        Align::Left,
    );
    if item && !g.section.is_empty() {
        y -= pen.text(
            p,
            &g.section,
            FontStyle::Regular,
            8.5,
            MUTED,
            (x, width),
            y,
            Align::Left,
        ) + 1.0;
    }
    let bar_w = (width - 40.0).min(if item { 300.0 } else { width });
    for (i, v) in g.by_role.iter().enumerate() {
        let Some(v) = v else { continue };
        p.shapes.push(rect(x, y - 8.0, bar_w, 7.0, TRACK));
        p.shapes.push(rect(
            x,
            y - 8.0,
            (*v as f32 / 100.0) * bar_w,
            7.0,
            role_colour(i),
        ));
        pen.text(
            p,
            &t.percent(v.round()),
            FontStyle::Regular,
            7.5,
            INK,
            (x + bar_w + 4.0, 36.0),
            y + 0.5,
            Align::Left,
        );
        y -= 9.0;
    }
    if item && !g.sentence.is_empty() {
        y -= 1.0;
        y -= pen.text(
            p,
            &g.sentence,
            FontStyle::Italic,
            8.5,
            MUTED,
            (x, width),
            y,
            Align::Left,
        );
    }
    top - y + 6.0
}

/// The waves, as lines: heading, one line per wave, and what a second wave
/// would show.
fn waves_blocks(t: &TeamReport) -> Vec<(String, FontStyle, f32)> {
    let mut out = vec![(t.words().waves, FontStyle::Bold, 11.0)];
    for wave in &t.waves {
        out.push((wave.line.clone(), FontStyle::Regular, 9.5));
    }
    if !t.said.first_wave.is_empty() {
        out.push((t.said.first_wave.clone(), FontStyle::Regular, 9.5));
    }
    out
}

/// Portrait pages: what the figures mean, the questions where the roles
/// differ most, and the waves; none when they fit on the infographic.
fn details(t: &TeamReport, pen: &Pen<'_>, generated_on: &str) -> Vec<PageLayout> {
    let (w, h) = PORTRAIT;
    let width = w - 2.0 * MARGIN;
    let bottom = MARGIN + 30.0;
    let words = t.words();
    let mut pages = vec![page(2, PORTRAIT)];
    pages[0].bookmark = Some(words.what_it_means.clone());
    let mut y = h - MARGIN;
    let measure = |text: &str, style: FontStyle, size: f32| {
        let spans = [Span::new(text, style, INK)];
        layout::wrap(&spans, size, width, pen.fonts).len() as f32 * size * 1.3
    };
    // A block of text set where it fits: on this page, or at the top of the next.
    let set = |pages: &mut Vec<PageLayout>,
               y: &mut f32,
               text: &str,
               style: FontStyle,
               size: f32,
               colour: Colour,
               after: f32| {
        if *y - measure(text, style, size) < bottom {
            let n = pages.len() + 2;
            pages.push(page(n, PORTRAIT));
            *y = h - MARGIN;
        }
        if let Some(p) = pages.last_mut() {
            *y -= pen.text(
                p,
                text,
                style,
                size,
                colour,
                (MARGIN, width),
                *y,
                Align::Left,
            ) + after;
        }
    };
    if !t.said.reading.is_empty() {
        set(
            &mut pages,
            &mut y,
            &words.reading,
            FontStyle::Bold,
            15.0,
            INK,
            6.0,
        );
        for para in &t.said.reading {
            set(&mut pages, &mut y, para, FontStyle::Regular, 10.5, INK, 8.0);
        }
        y -= 10.0;
    }
    set(
        &mut pages,
        &mut y,
        &words.items,
        FontStyle::Bold,
        15.0,
        INK,
        6.0,
    );
    set(
        &mut pages,
        &mut y,
        &t.said.items,
        FontStyle::Regular,
        10.0,
        INK,
        10.0,
    );
    if !t.item_gaps.is_empty() {
        // The role legend, once, over the rows.
        if let Some(p) = pages.last_mut() {
            let mut lx = MARGIN;
            for (i, r) in t.roles.iter().enumerate().filter(|(_, r)| r.shown) {
                p.shapes.push(rect(lx, y - 9.0, 9.0, 9.0, role_colour(i)));
                pen.text(
                    p,
                    &r.name,
                    FontStyle::Regular,
                    9.0,
                    INK,
                    (lx + 12.0, 70.0),
                    y + 1.0,
                    Align::Left,
                );
                lx += 84.0;
            }
        }
        y -= 18.0;
    }
    for g in &t.item_gaps {
        // Measured on a scratch page first, so that a row is never split.
        let mut scratch = page(0, PORTRAIT);
        let needed = gap_rows(t, &mut scratch, pen, g, (MARGIN, width), h, true);
        if y - needed < bottom {
            let n = pages.len() + 2;
            pages.push(page(n, PORTRAIT));
            y = h - MARGIN;
        }
        if let Some(p) = pages.last_mut() {
            y -= gap_rows(t, p, pen, g, (MARGIN, width), y, true) + 4.0;
        }
    }
    y -= 10.0;
    for (text, style, _) in waves_blocks(t) {
        let size = if style == FontStyle::Bold { 15.0 } else { 10.0 };
        set(&mut pages, &mut y, &text, style, size, INK, 6.0);
    }
    for p in &mut pages {
        pen.text(
            p,
            &t.generated_footer(generated_on),
            FontStyle::Regular,
            8.0,
            MUTED,
            (MARGIN, width),
            MARGIN + 12.0,
            Align::Left,
        );
    }
    pages
}

/// Typesets the team report into pages, without writing a PDF.
pub fn layout(t: &TeamReport, fonts: &PdfFonts, generated_on: &str) -> Vec<PageLayout> {
    let pen = Pen {
        fonts,
        ascent: fonts.ascent(),
        descent: fonts.descent(),
    };
    // Without questions to list, the rest may fit under the infographic.
    let folded = (t.item_gaps.is_empty())
        .then(|| infographic(t, &pen, generated_on, true))
        .filter(|(_, fits)| *fits);
    let mut pages = match folded {
        Some((page, _)) => vec![page],
        None => {
            let mut pages = vec![infographic(t, &pen, generated_on, false).0];
            pages.extend(details(t, &pen, generated_on));
            pages
        }
    };
    for (i, p) in pages.iter_mut().enumerate() {
        p.number = i + 1;
        for run in &mut p.runs {
            run.page = i + 1;
        }
    }
    pages
}

/// Renders the team report as a PDF file.
///
/// # Errors
///
/// [`PdfError::Write`] if the PDF writer reports an error.
pub fn render(t: &TeamReport, fonts: &PdfFonts, generated_on: &str) -> Result<Vec<u8>, PdfError> {
    let pages = layout(t, fonts, generated_on);
    let words = t.words();
    super::write(
        &pages,
        fonts,
        &words.title,
        &t.study_name,
        &words.subject,
        words.lang,
    )
}
