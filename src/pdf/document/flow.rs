//! The flowing pages: rows of text and shapes, kept together where they must,
//! broken into pages.

use super::*;

/// Something placed in a row, in coordinates where the row's top is y = 0.
#[derive(Debug, Clone)]
pub(super) enum Item {
    Run(TextRun),
    Shape(Shape),
}

/// An unbreakable strip of the flowing pages: a line of text, a table row, a
/// gap.
#[derive(Debug, Clone, Default)]
pub(super) struct Row {
    pub(super) height: f32,
    /// Do not end a page after this row.
    pub(super) keep_with_next: bool,
    /// Start a new page with this row.
    pub(super) break_before: bool,
    /// A gap: dropped at the top of a page.
    pub(super) spacer: bool,
    pub(super) bookmark: Option<String>,
    pub(super) items: Vec<Item>,
}

pub(super) struct Flow<'s, 'f> {
    pub(super) set: &'s Setter<'f>,
    pub(super) x: f32,
    pub(super) width: f32,
    pub(super) rows: Vec<Row>,
    pub(super) pending_break: bool,
    pub(super) pending_bookmark: Option<String>,
}

impl<'s, 'f> Flow<'s, 'f> {
    pub(super) fn new(set: &'s Setter<'f>, x: f32, width: f32) -> Flow<'s, 'f> {
        Flow {
            set,
            x,
            width,
            rows: Vec::new(),
            pending_break: false,
            pending_bookmark: None,
        }
    }

    pub(super) fn push(&mut self, mut row: Row) {
        if self.pending_break {
            row.break_before = true;
            self.pending_break = false;
        }
        if row.bookmark.is_none() {
            row.bookmark = self.pending_bookmark.take();
        }
        self.rows.push(row);
    }

    pub(super) fn space(&mut self, height: f32, keep_with_next: bool) {
        self.push(Row {
            height,
            keep_with_next,
            spacer: true,
            ..Row::default()
        });
    }

    /// A paragraph, one row per line, indented by `indent`. Its first two
    /// lines stay together, and so do its last two.
    pub(super) fn para(
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

    pub(super) fn keep(&mut self, rows: Range<usize>) {
        for row in &mut self.rows[rows] {
            row.keep_with_next = true;
        }
    }

    /// A vertical bar beside `rows`, at `x` from the text's left edge.
    pub(super) fn bar(&mut self, rows: Range<usize>, dx: f32, width: f32, colour: Colour) {
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
    pub(super) fn part(&mut self, title: &str, new_page: bool) {
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

    pub(super) fn heading(&mut self, title: &str, size: f32, colour: Colour, before: f32) {
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

    pub(super) fn body(&mut self, spans: &[Span<'_>]) -> Range<usize> {
        self.para(spans, BODY, BODY_LEADING, 0.0, Align::Justify)
    }
}

/// Lays rows out down pages between `top` and `bottom`.
pub(super) fn paginate(rows: Vec<Row>, top: f32, bottom: f32) -> Vec<PageLayout> {
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

pub(super) fn shifted(shape: &Shape, dy: f32) -> Shape {
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
pub(super) fn finish_page(page: &mut PageLayout) {
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
