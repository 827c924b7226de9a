//! Text measurement and setting over the report's fonts: columns, spans, lines
//! and blocks of placed text.

use super::*;

/// Where lines go: a left edge, a width, and how lines sit between the edges.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    pub(super) x: f32,
    pub(super) width: f32,
    pub(super) align: Align,
}

impl Column {
    pub(super) fn new(x: f32, width: f32, align: Align) -> Column {
        Column { x, width, align }
    }
}

/// Text measurement and setting, over the report's fonts.
pub(super) struct Setter<'f> {
    pub(super) fonts: &'f PdfFonts,
    pub(super) ascent: f32,
    pub(super) descent: f32,
}

impl<'f> Setter<'f> {
    pub(super) fn new(fonts: &'f PdfFonts) -> Setter<'f> {
        Setter {
            fonts,
            ascent: fonts.ascent(),
            descent: fonts.descent(),
        }
    }

    pub(super) fn width(&self, text: &str, style: FontStyle, size: f32) -> f32 {
        layout::text_width(self.fonts, style, text, size)
    }

    pub(super) fn wrap(&self, spans: &[Span<'_>], size: f32, width: f32) -> Vec<Line> {
        layout::wrap(spans, size, width, self.fonts)
    }

    /// Distance from the top of a line box to its baseline.
    pub(super) fn baseline(&self, size: f32, leading: f32) -> f32 {
        (leading - (self.ascent + self.descent) * size) / 2.0 + self.ascent * size
    }

    /// The runs of one line whose baseline is at `y`.
    pub(super) fn line_runs(
        &self,
        line: &Line,
        col: Column,
        size: f32,
        y: f32,
        out: &mut Vec<TextRun>,
    ) {
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
    pub(super) fn block(
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
    pub(super) fn block_height(
        &self,
        spans: &[Span<'_>],
        size: f32,
        leading: f32,
        width: f32,
    ) -> f32 {
        leading * self.wrap(spans, size, width).len() as f32
    }
}

pub(super) fn span(text: &str, style: FontStyle, colour: Colour) -> Span<'_> {
    Span::new(text, style, colour)
}

pub(super) fn owned(text: String, style: FontStyle, colour: Colour) -> Span<'static> {
    Span::new(text, style, colour)
}
