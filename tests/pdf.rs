//! The PDF report, checked with the tools a reader's machine would use:
//! `pdftotext` finds the scores, categories, headings and paragraphs as text,
//! `qpdf --check` finds the file sound, and `pdftoppm` shows ink where the
//! gauges and bars of the infographic should be.
//!
//! The tools come from poppler-utils and qpdf. Without them a test prints
//! "skipped" and passes, except under CI (the `CI` environment variable set),
//! where a missing tool fails it.

use std::path::Path;
use std::process::{Command, Output};

use dealbench::domain::{Report, testing};
use dealbench::pdf::{PdfFonts, Shape, layout, render};

fn strong_report() -> Report {
    testing::report(testing::examples::STRONG)
}

/// Runs `tool`; `None` when it is not installed (and CI is not set).
fn run(tool: &str, args: &[&str]) -> Option<Output> {
    match Command::new(tool).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            assert!(
                std::env::var_os("CI").is_none(),
                "{tool} is not installed, and CI needs it"
            );
            println!("skipped: {tool} not installed");
            None
        }
        Err(e) => panic!("{tool} could not run: {e}"),
    }
}

/// The strong example's report, written to a temporary folder.
fn written(dir: &Path) -> (Report, String) {
    let report = strong_report();
    let fonts = PdfFonts::load().expect("fonts");
    let bytes = render(&report, &fonts, "2026-11-22").expect("render");
    let path = dir.join("report.pdf");
    std::fs::write(&path, bytes).expect("write the PDF");
    (report, path.to_string_lossy().into_owned())
}

/// Text with every run of whitespace made one space.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_text_of_every_part_can_be_extracted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (report, path) = written(dir.path());
    let Some(out) = run("pdftotext", &["-enc", "UTF-8", &path, "-"]) else {
        return;
    };
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    let text = words(&String::from_utf8_lossy(&out.stdout));

    assert!(text.contains(&report.overall.display), "overall score");
    assert!(text.contains(&report.personal.display), "personal score");
    for category in [&report.overall.category, &report.personal.category] {
        let category = category.as_deref().expect("scored");
        assert!(text.contains(category), "category {category}");
    }
    for s in &report.sub_indices {
        assert!(text.contains(&format!("{}: {}", s.index.name, s.index.display)));
    }
    for heading in [
        "Executive summary",
        "Detailed analysis",
        "Personal report",
        "Your numbers",
    ] {
        assert!(text.contains(heading), "heading {heading}");
    }
    let numbers = report.numbers.as_ref().expect("numbers given");
    let paragraphs = [
        report.sub_indices[0].paragraph.clone().expect("scored"),
        report.velocity_paragraphs[0].clone(),
        report.actions[0].paragraph.clone(),
        report.company_sections[0].entries[0].paragraph.clone(),
        report.personal_sections[0].entries[0].paragraph.clone(),
        format!(
            "Your sales velocity is {} of revenue per day;",
            numbers.velocity_per_day.as_deref().expect("velocity")
        ),
    ];
    for p in paragraphs {
        assert!(text.contains(&words(&p)), "paragraph {p:?}");
    }
    assert!(text.contains("Sample Company"));
    assert!(text.contains("Page 1 of "));
}

#[test]
fn qpdf_finds_the_file_sound() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, path) = written(dir.path());
    let Some(out) = run("qpdf", &["--check", &path]) else {
        return;
    };
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "qpdf --check failed: {said}");
    assert!(
        said.contains("No syntax or stream encoding errors"),
        "{said}"
    );
}

/// A binary PGM ("P5") image: width, height and one byte per pixel.
fn parse_pgm(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes[i] == b'#' {
            while bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P5", "a binary greymap");
    assert_eq!(fields[3], "255", "8 bits a pixel");
    let (w, h): (usize, usize) = (
        fields[1].parse().expect("width"),
        fields[2].parse().expect("height"),
    );
    let pixels = bytes[i + 1..].to_vec();
    assert_eq!(pixels.len(), w * h);
    (w, h, pixels)
}

#[test]
fn the_infographic_shows_its_gauges_and_bars() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (report, path) = written(dir.path());
    let prefix = dir.path().join("page");
    let prefix = prefix.to_string_lossy();
    let Some(out) = run(
        "pdftoppm",
        &["-r", "50", "-gray", "-f", "1", "-l", "1", &path, &prefix],
    ) else {
        return;
    };
    assert!(out.status.success(), "pdftoppm failed: {out:?}");
    let image = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pgm"))
        .expect("a PGM of page 1");
    let (w, h, pixels) = parse_pgm(&std::fs::read(image).expect("read the image"));

    // Where the layout put the shapes, in pixels at 50 dpi.
    let fonts = PdfFonts::load().expect("fonts");
    let page = layout(&report, &fonts, "2026-11-22")
        .expect("layout")
        .remove(0);
    assert_eq!(w, (page.width * 50.0 / 72.0).ceil() as usize);
    let grey = |x: f32, y: f32| {
        let px = ((x * 50.0 / 72.0) as usize).min(w - 1);
        let py = (((page.height - y) * 50.0 / 72.0) as usize).min(h - 1);
        pixels[py * w + px]
    };

    // The value band of each gauge (the arc that stops short of the right
    // end: the scores are under 100) is inked halfway along.
    let arcs: Vec<(f32, f32, f32, f32, f32)> = page
        .shapes
        .iter()
        .filter_map(|s| match *s {
            Shape::Arc {
                cx,
                cy,
                inner,
                outer,
                end,
                start,
                ..
            } if end > 0.0 => Some((cx, cy, (inner + outer) / 2.0, start, end)),
            _ => None,
        })
        .collect();
    assert_eq!(arcs.len(), 2, "two gauges with a value");
    for (cx, cy, r, start, end) in arcs {
        let mid = ((start + end) / 2.0).to_radians();
        let ink = grey(cx + r * mid.cos(), cy + r * mid.sin());
        assert!(ink < 170, "gauge at ({cx}, {cy}) is blank: grey {ink}");
    }
    // Each sub-index's value bar (drawn over its wider track) is inked.
    let rects: Vec<(f32, f32, f32, f32)> = page
        .shapes
        .iter()
        .filter_map(|s| match *s {
            Shape::Rect {
                x,
                y,
                width,
                height,
                fill: Some(_),
                stroke: None,
                ..
            } => Some((x, y, width, height)),
            _ => None,
        })
        .collect();
    let values: Vec<&(f32, f32, f32, f32)> = rects
        .iter()
        .filter(|(x, y, w, _)| {
            rects
                .iter()
                .any(|(tx, ty, tw, _)| tx == x && ty == y && tw > w)
        })
        .collect();
    assert_eq!(
        values.len(),
        report.sub_indices.len(),
        "one bar per sub-index"
    );
    for &&(x, y, width, height) in &values {
        let ink = grey(x + width / 2.0, y + height / 2.0);
        assert!(ink < 170, "bar at ({x}, {y}) is blank: grey {ink}");
    }
    // And the margin is paper.
    assert!(grey(10.0, page.height / 2.0) > 250);
}
