//! Benchmark of the PDF report: typesetting and writing one full report (the strong
//! example, and the German persona's in German), and typesetting alone. Prints
//! the size of each file once.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dealbench::domain::language::Language;
use dealbench::domain::peer::PeerStanding;
use dealbench::domain::{Report, testing};
use dealbench::pdf::{PdfFonts, layout, render};

fn strong_report() -> Report {
    testing::report(testing::examples::STRONG)
}

/// The German persona's report as she reads it: in German, in euros.
fn german_report() -> Report {
    let q = testing::study();
    let answers = testing::answers(&q, testing::examples::GERMAN);
    Report::from_answers(
        q.in_language(Language::German),
        &answers,
        &PeerStanding::none(testing::SUBMITTED_ON),
        testing::SUBMITTED_ON,
    )
}

fn pdf(c: &mut Criterion) {
    let fonts = PdfFonts::load().expect("fonts");
    let report = strong_report();
    let bytes = render(&report, &fonts, "2026-11-22").expect("render");
    println!("one full report: {} bytes", bytes.len());
    c.bench_function("render one full report as PDF", |b| {
        b.iter(|| render(black_box(&report), &fonts, "2026-11-22"))
    });
    c.bench_function("typeset one full report", |b| {
        b.iter(|| layout(black_box(&report), &fonts, "2026-11-22"))
    });
    let german = german_report();
    let bytes = render(&german, &fonts, "2026-11-22").expect("render");
    println!("one full report in German: {} bytes", bytes.len());
    c.bench_function("render one full report in German as PDF", |b| {
        b.iter(|| render(black_box(&german), &fonts, "2026-11-22"))
    });
    c.bench_function("parse the fonts", |b| b.iter(PdfFonts::load));
}

criterion_group!(benches, pdf);
criterion_main!(benches);
