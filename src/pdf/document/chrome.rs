//! What every text page carries besides the report: the running header and
//! the footer with the date and the page number.

use super::*;

/// Text and rules repeated at the top of every portrait page.
pub(super) struct Header {
    pub(super) runs: Vec<TextRun>,
    pub(super) shapes: Vec<Shape>,
    pub(super) height: f32,
}

/// The study name and, when given, the company: on one line when both fit,
/// else one under the other (a long company name wraps rather than being cut).
pub(super) fn running_header(report: &Report, set: &Setter<'_>) -> Header {
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
pub(super) fn footer(
    page: &mut PageLayout,
    generated_on: &str,
    total: usize,
    language: Language,
    set: &Setter<'_>,
) {
    let left = page.margins.left;
    let width = page.width - page.margins.left - page.margins.right;
    let y = page.margins.bottom + set.descent * FOOTER;
    let number = say(
        language,
        "pdf-page",
        &[("number", page.number.into()), ("total", total.into())],
    );
    let number_w = set.width(&number, FontStyle::Regular, FOOTER);
    let mut runs = Vec::new();
    // The date takes what the page number leaves; a freak long value wraps
    // upwards instead of running into the number.
    let date_text = say(language, "pdf-generated", &[("date", generated_on.into())]);
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
