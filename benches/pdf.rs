//! Benchmark of the PDF report: typesetting and writing one full report (the strong
//! example), and typesetting alone. Prints the size of the file once.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dealbench::domain::answers::Completeness;
use dealbench::domain::{Answers, PeerStanding, Questionnaire, Report, ReportInput, score};
use dealbench::pdf::{PdfFonts, layout, render};

const STUDY: &str = include_str!("../questionnaires/dealbench-v1.toml");
const STRONG: &str = include_str!("../questionnaires/examples/strong-company.json");

fn strong_report() -> Report {
    let q = Questionnaire::from_toml("study", STUDY).expect("valid study");
    let json = serde_json::from_str(STRONG).expect("json");
    let answers = Answers::from_json(&q, &json, Completeness::Final).expect("valid answers");
    let card = score(&q, &answers);
    let standing = PeerStanding::none("2026-11-22");
    Report::build(&ReportInput {
        questionnaire: &q,
        answers: &answers,
        scorecard: &card,
        standing: &standing,
        submitted_on: "2026-11-22",
    })
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
    c.bench_function("parse the fonts", |b| b.iter(PdfFonts::load));
}

criterion_group!(benches, pdf);
criterion_main!(benches);
