//! The report, typeset: the infographic page and the flowing pages after it.

use std::ops::Range;

use super::layout::{self, Align, Colour, FontStyle, Line, Span};
use super::{Margins, PageLayout, PdfFonts, Shape, TextRun};
use crate::domain::Report;
use crate::domain::language::Language;
use crate::domain::phrases::{self, say};
use crate::domain::questionnaire::Band;
use crate::domain::report::{
    EntryView, IndexView, NumbersView, Paragraph, SectionView, THEME, Words, verdict_label,
};
use crate::domain::scoring::Verdict;
use crate::domain::waves::SinceLastTime;

mod analysis;
mod chrome;
mod cover;
mod flow;
mod numbers;
mod panels;
mod setter;
mod summary;
mod theme;

use analysis::*;
use chrome::*;
use cover::*;
use flow::*;
use numbers::*;
use panels::*;
use setter::*;
use summary::*;
use theme::*;

// Page geometry, in points.
pub(super) const A4_SHORT: f32 = 595.28;
pub(super) const A4_LONG: f32 = 841.89;
/// Portrait pages: side, top and bottom margins.
pub(super) const SIDE: f32 = 56.0;
pub(super) const TOP: f32 = 40.0;
pub(super) const BOTTOM: f32 = 40.0;
/// The landscape infographic: margins all round.
pub(super) const COVER_MARGIN: f32 = 36.0;

// Type sizes and leading, in points.
pub(super) const BODY: f32 = 10.0;
pub(super) const BODY_LEADING: f32 = 14.5;
pub(super) const SMALL: f32 = 8.5;
pub(super) const SMALL_LEADING: f32 = 11.5;
pub(super) const FOOTER: f32 = 8.0;
pub(super) const H1: f32 = 20.0;
pub(super) const H2: f32 = 13.0;
pub(super) const H3: f32 = 11.5;

/// The document title: the study, "report", and the company when given.
pub(crate) fn title(report: &Report) -> String {
    let study = report.study_name.as_str();
    match &report.company {
        Some(c) => say(
            report.language,
            "pdf-title-company",
            &[("study", study.into()), ("company", c.as_str().into())],
        ),
        None => say(report.language, "pdf-title", &[("study", study.into())]),
    }
}

/// Typesets the whole report.
pub(crate) fn typeset(report: &Report, fonts: &PdfFonts, generated_on: &str) -> Vec<PageLayout> {
    let set = Setter::new(fonts);
    let mut pages = vec![cover(report, &set)];
    let header = running_header(report, &set);
    let body_top = A4_LONG - TOP - header.height - 18.0;
    let body_bottom = BOTTOM + (set.ascent + set.descent) * FOOTER + 18.0;
    let mut flow = Flow::new(&set, SIDE, A4_SHORT - 2.0 * SIDE);
    // A reassessment opens with what moved.
    if let Some(since) = &report.since_last_time {
        since_last_time(&report.words, since, &mut flow);
    }
    executive_summary(report, &mut flow);
    detailed_analysis(report, &mut flow);
    personal_report(report, &mut flow);
    if let Some(numbers) = &report.numbers {
        your_numbers(&report.words, numbers, &mut flow);
    }
    for mut page in paginate(flow.rows, body_top, body_bottom) {
        // The header first, so text reads in page order.
        page.runs.splice(0..0, header.runs.iter().cloned());
        page.shapes.extend(header.shapes.iter().cloned());
        pages.push(page);
    }
    let total = pages.len();
    let language = report.language;
    let generated = phrases::day(language, generated_on);
    for (i, page) in pages.iter_mut().enumerate() {
        page.number = i + 1;
        footer(page, &generated, total, language, &set);
        for run in &mut page.runs {
            run.page = i + 1;
        }
    }
    pages
}

pub(super) fn portrait_page() -> PageLayout {
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
