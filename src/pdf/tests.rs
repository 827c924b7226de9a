use super::*;
use crate::domain::PeerStanding;
use crate::domain::report::Paragraph;
use crate::domain::testing::{SUBMITTED_ON, draft_answers, examples, study};

const STRONG: &str = examples::STRONG;
const AVERAGE: &str = examples::AVERAGE;
const WEAK: &str = examples::WEAK;
const PARTIAL: &str = examples::PARTIAL_ANSWERS;

/// A persona's report against `standing`; a draft may leave questions out.
fn report_with(example: &str, standing: &PeerStanding) -> Report {
    let q = study();
    Report::from_answers(&q, &draft_answers(&q, example), standing, SUBMITTED_ON)
}

fn report(example: &str) -> Report {
    report_with(example, &PeerStanding::none(SUBMITTED_ON))
}

fn fonts() -> PdfFonts {
    PdfFonts::load().expect("fonts")
}

/// A report with every text as long and as awkward as it gets.
fn long_report() -> Report {
    let mut r = report(STRONG);
    r.company = Some(
        "Müller & Søn ApS Internationale Vertriebsgesellschaft für Industrielle Automatisierung, \
         Prozesstechnik und Anlagenbau GmbH & Co. KG"
            .to_string(),
    );
    assert!(
        r.company
            .as_deref()
            .is_some_and(|c| c.chars().count() >= 120)
    );
    r.respondent = Some("Zoë O'Brien-Łukasiewicz".to_string());
    // The words that carry the company and the respondent, as the model writes them.
    if let (Some(c), Some(who)) = (&r.company, &r.respondent) {
        r.words.title = format!("{c}: your benchmark report");
        r.words.you = format!("You: {who}");
        r.words.meta = format!("Prepared for {who}. Submitted {}.", r.submitted_on);
    }
    let word =
        "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetrieb".repeat(4);
    for s in &mut r.sub_indices {
        if let Some(p) = &mut s.paragraph {
            *p = format!("{} {word} {}", p.repeat(6), p);
        }
        s.meaning = s.meaning.repeat(3);
    }
    for p in &mut r.velocity_paragraphs {
        *p = p.repeat(5);
    }
    for a in &mut r.actions {
        a.question = a.question.repeat(3);
        a.headline = a.headline.repeat(3);
        a.answered = Paragraph::new()
            .plain(format!("You answered \u{201c}{}\u{201d} to: ", a.answer))
            .link(a.question.clone(), format!("item-{}", a.item));
        a.paragraph = format!("{word} {}", a.paragraph.repeat(4));
    }
    for s in r
        .company_sections
        .iter_mut()
        .chain(r.personal_sections.iter_mut())
    {
        s.title = format!("{} {}", s.title, s.title.repeat(4));
        for e in &mut s.entries {
            e.question = e.question.repeat(2);
            e.answer = format!("{} {word}", e.answer);
            e.paragraph = e.paragraph.repeat(5);
            e.answered = format!("You answered: {}", e.answer);
        }
    }
    r.peer.sentence = r.peer.sentence.repeat(3);
    let note = r.coverage_note.repeat(3);
    r.words.note = r.words.note.replacen(&r.coverage_note, &note, 1);
    r.coverage_note = note;
    r.personal.category_description = r.personal.category_description.map(|d| d.repeat(3));
    r
}

/// Every run inside the page margins, no two runs overlapping, every width
/// as measured.
fn check_pages(pages: &[PageLayout], fonts: &PdfFonts) {
    assert!(!pages.is_empty());
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page.number, i + 1);
        let m = page.margins;
        for run in &page.runs {
            assert_eq!(run.page, page.number);
            assert!(
                !run.text.trim().is_empty(),
                "empty run on page {}",
                page.number
            );
            let (left, right) = (m.left - 0.01, page.width - m.right + 0.01);
            let (bottom, top) = (m.bottom - 0.01, page.height - m.top + 0.01);
            assert!(
                run.x >= left && run.right() <= right && run.bottom() >= bottom && run.top() <= top,
                "page {}: {:?} at ({}, {}) width {} leaves the margins",
                page.number,
                run.text,
                run.x,
                run.y,
                run.width
            );
            let spaces = run.text.matches(' ').count() as f32;
            let measured = layout::text_width(fonts, run.style, &run.text, run.size)
                + spaces * run.word_spacing;
            assert!(
                (measured - run.width).abs() < 0.05,
                "{:?}: width {} but measures {measured}",
                run.text,
                run.width
            );
        }
        for (a, ra) in page.runs.iter().enumerate() {
            for rb in &page.runs[a + 1..] {
                let apart = ra.right() <= rb.x + 0.01
                    || rb.right() <= ra.x + 0.01
                    || ra.top() <= rb.bottom() + 0.01
                    || rb.top() <= ra.bottom() + 0.01;
                assert!(
                    apart,
                    "page {}: {:?} overlaps {:?}",
                    page.number, ra.text, rb.text
                );
            }
        }
    }
}

/// The text of the body of every page, without whitespace, in reading order.
fn body_text(pages: &[PageLayout]) -> String {
    pages
        .iter()
        .flat_map(|p| {
            // Below the running header's rule and above the footer.
            let top = p
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Line { y1, .. } => Some(*y1),
                    _ => None,
                })
                .fold(f32::MIN, f32::max);
            let top = if top > p.height / 2.0 { top } else { p.height };
            let bottom = p.margins.bottom + 15.0;
            p.runs
                .iter()
                .filter(move |r| p.number == 1 || (r.y < top && r.y > bottom))
        })
        .flat_map(|r| r.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every paragraph of the report appears in full, in order.
fn check_complete(report: &Report, pages: &[PageLayout]) {
    let text = body_text(pages);
    let mut anywhere = vec![
        report.overall.display.clone(),
        report.personal.display.clone(),
        report.coverage_note.clone(),
        report.peer.sentence.clone(),
    ];
    anywhere.extend(report.company.clone());
    anywhere.extend(report.respondent.clone());
    for e in &anywhere {
        assert!(text.contains(&squeeze(e)), "missing {e:?}");
    }
    // The executive summary leads with what to do first, then what to settle,
    // then where each index stands.
    let mut in_order: Vec<String> = vec![report.overall_sentence.clone()];
    for a in &report.actions {
        in_order.push(a.headline.clone());
        in_order.push(a.question.clone());
        in_order.push(a.paragraph.clone());
    }
    for t in &report.tensions {
        in_order.push(t.title.clone());
        in_order.push(t.paragraph.clone());
    }
    for s in &report.sub_indices {
        in_order.push(s.meaning.clone());
        in_order.extend(s.paragraph.clone());
        in_order.push(s.index.standing.clone());
    }
    in_order.extend(report.velocity_paragraphs.iter().cloned());
    for s in report
        .company_sections
        .iter()
        .chain(&report.personal_sections)
    {
        in_order.push(s.title.clone());
        for e in &s.entries {
            in_order.push(e.question.clone());
            in_order.push(format!("You answered: {}", e.answer));
            in_order.push(e.paragraph.clone());
            in_order.extend(e.figure.clone());
        }
    }
    if let Some(n) = &report.numbers {
        in_order.push(n.velocity_sentence.clone());
        in_order.extend(n.win_rate_sentence.clone());
        in_order.extend(n.win_rate_reconciled.clone());
        in_order.extend(n.currency_note.clone());
    }
    let mut from = 0;
    for e in &in_order {
        let needle = squeeze(e);
        match text[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("missing or out of order: {e:?}"),
        }
    }
}

#[test]
fn fonts_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<PdfFonts>();
}

#[test]
fn the_strong_example_fits_its_pages() {
    let fonts = fonts();
    let r = report(STRONG);
    let pages = layout(&r, &fonts, "2026-11-22").expect("layout");
    check_pages(&pages, &fonts);
    check_complete(&r, &pages);
    assert!(
        pages[0].width > pages[0].height,
        "the infographic is landscape"
    );
    assert!(pages[1..].iter().all(|p| p.height > p.width));
    let marks: Vec<&str> = pages.iter().filter_map(|p| p.bookmark.as_deref()).collect();
    assert_eq!(
        marks,
        [
            "Summary",
            "Executive summary",
            "Detailed analysis",
            "Personal report",
            "Your numbers"
        ]
    );
}

#[test]
fn every_example_fits_its_pages() {
    let fonts = fonts();
    for example in [AVERAGE, WEAK, PARTIAL] {
        let r = report(example);
        let pages = layout(&r, &fonts, "2026-11-22").expect("layout");
        check_pages(&pages, &fonts);
        check_complete(&r, &pages);
    }
}

#[test]
fn long_and_non_ascii_text_never_leaves_the_page() {
    let fonts = fonts();
    let r = long_report();
    let pages = layout(&r, &fonts, "2026-11-22").expect("layout");
    check_pages(&pages, &fonts);
    check_complete(&r, &pages);
    let all: String = pages
        .iter()
        .flat_map(|p| &p.runs)
        .map(|r| r.text.as_str())
        .collect();
    assert!(all.contains("Zoë"));
    assert!(all.contains("Łukasiewicz"));
    assert!(all.contains("Müller"));
    assert!(all.contains("Søn"));
}

#[test]
fn a_report_without_scores_says_so() {
    let fonts = fonts();
    let mut r = report(PARTIAL);
    for index in std::iter::once(&mut r.overall)
        .chain(std::iter::once(&mut r.personal))
        .chain(r.sub_indices.iter_mut().map(|s| &mut s.index))
    {
        index.score = None;
        index.category = None;
        index.category_description = None;
        index.display = "not enough answers".to_string();
    }
    r.company = None;
    r.respondent = None;
    r.numbers = None;
    let pages = layout(&r, &fonts, "2026-11-22").expect("layout");
    check_pages(&pages, &fonts);
    let cover: String = pages[0]
        .runs
        .iter()
        .map(|r| format!("{} ", r.text))
        .collect();
    assert!(cover.contains("Not enough answers"));
    assert!(cover.contains("not enough answers"));
    assert!(cover.contains("n/a"));
    // Only the gauge tracks and the bar tracks: no value drawn.
    let arcs = pages[0]
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Arc { .. }))
        .count();
    assert_eq!(arcs, 2);
    assert!(
        !pages
            .iter()
            .any(|p| p.bookmark.as_deref() == Some("Your numbers"))
    );
}

#[test]
fn a_peer_group_is_named_with_its_size() {
    let fonts = fonts();
    let mut standing = PeerStanding::none("2026-11-22");
    standing.found = true;
    standing.dimensions = vec![("industry".into(), "software".into())];
    standing.group_size = 42;
    standing.relative = crate::domain::peer::PerIndex::from_fn(|_| Some(70.0));
    let r = report_with(STRONG, &standing);
    let pages = layout(&r, &fonts, "2026-11-22").expect("layout");
    check_pages(&pages, &fonts);
    let cover = squeeze(
        &pages[0]
            .runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<String>(),
    );
    assert!(cover.contains("70%"));
    assert!(
        cover.contains(&squeeze(&r.peer.sentence)),
        "{}",
        r.peer.sentence
    );
    // Named once, without a size no figure rests on: each figure names its own.
    assert!(r.peer.sentence.contains("Software and internet"));
    assert!(!r.peer.sentence.contains("42"));
}

#[test]
fn headings_are_never_left_at_the_foot_of_a_page() {
    let fonts = fonts();
    for r in [report(STRONG), long_report()] {
        let pages = layout(&r, &fonts, "2026-11-22").expect("layout");
        for page in &pages[1..] {
            // The lowest body run on a page is never a heading.
            let body_bottom = page.margins.bottom + 15.0;
            let lowest = page
                .runs
                .iter()
                .filter(|r| r.y > body_bottom)
                .min_by(|a, b| a.y.total_cmp(&b.y));
            if let Some(run) = lowest {
                // Headings are bold and larger than body text.
                assert!(
                    !(run.style == FontStyle::Bold && run.size > 11.0),
                    "page {} ends with heading {:?}",
                    page.number,
                    run.text
                );
            }
        }
    }
}

#[test]
fn justified_body_lines_reach_the_right_margin() {
    let fonts = fonts();
    let pages = layout(&report(STRONG), &fonts, "2026-11-22").expect("layout");
    let justified: Vec<&TextRun> = pages[1..]
        .iter()
        .flat_map(|p| &p.runs)
        .filter(|r| r.word_spacing > 0.0)
        .collect();
    assert!(justified.len() > 50);
    for page in &pages[1..] {
        let right = page.width - page.margins.right;
        for run in page.runs.iter().filter(|r| r.word_spacing > 0.0) {
            // Lines of a single style end exactly at the margin.
            let line_end = page
                .runs
                .iter()
                .filter(|o| (o.y - run.y).abs() < 0.01)
                .map(TextRun::right)
                .fold(0.0, f32::max);
            assert!(
                (line_end - right).abs() < 0.05,
                "{:?} ends at {line_end}",
                run.text
            );
        }
    }
}

#[test]
fn the_pdf_is_small_and_has_real_text() {
    let fonts = fonts();
    let r = report(STRONG);
    let bytes = render(&r, &fonts, "2026-11-22").expect("render");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() < 300_000, "{} bytes", bytes.len());
    let doc = printpdf::PdfDocument::parse(
        &bytes,
        &printpdf::PdfParseOptions::default(),
        &mut Vec::new(),
    )
    .expect("parses back");
    assert_eq!(
        doc.pages.len(),
        layout(&r, &fonts, "x").expect("layout").len()
    );
    assert!(doc.metadata.info.document_title.contains("Sample Company"));
    assert_eq!(doc.metadata.info.author, r.study_name);
    assert!(doc.metadata.info.creation_date.year() > 2000);
    // The language a screen reader reads it with, and the title in the window.
    let written = lopdf::Document::load_mem(&bytes).expect("loads");
    let catalog = written.catalog().expect("catalog");
    assert_eq!(
        catalog
            .get(b"Lang")
            .and_then(lopdf::Object::as_str)
            .expect("Lang"),
        b"en"
    );
    let preferences = catalog
        .get(b"ViewerPreferences")
        .and_then(lopdf::Object::as_dict)
        .expect("viewer preferences");
    assert!(
        preferences
            .get(b"DisplayDocTitle")
            .and_then(lopdf::Object::as_bool)
            .expect("set")
    );
}
