//! The same on paper: the web report and its PDF carry the same sentences.
//!
//! For each persona (the example files, against a peer population and without
//! one), the visible text of the report page and the text `pdftotext` reads from
//! the PDF are compared both ways: every sentence of the page appears in the PDF,
//! and once every sentence of the page is taken out of the PDF's text, nothing is
//! left but the PDF's chrome (see [`CHROME`]).
//!
//! `pdftotext` comes from poppler-utils. Without it the test prints "skipped" and
//! passes, except under CI (the `CI` environment variable set), where it fails.

mod common;

use common::teams::fill_from;
use common::{TestApp, csrf_token, example, get_page, location, spawn_app, spawn_app_with};
use dealbench::domain::language::Language;

/// The personas read top to bottom: the example files.
const PERSONAS: [&str; 7] = [
    "strong-company",
    "average-company",
    "weak-company",
    "mixed-vp-of-sales",
    "partial-numbers",
    "dont-know-key-areas",
    "junior-rep",
];

/// Where the compared reports are left for a reader (`target/report-read/`):
/// each PDF, and its text as `pdftotext` reads it.
fn keep_for_reading(name: &str, pdf: &[u8], text: &str) {
    let dir = common::manifest_path("target/report-read");
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join(format!("{name}.pdf")), pdf);
        let _ = std::fs::write(dir.join(format!("{name}.txt")), text);
    }
}

/// What only one of the two carries, and why; nothing else may differ.
///
/// - the PDF's page chrome: "Page N of M" and "Generated on DATE" at the foot of
///   every page, and the running header (the study's name and the company) at
///   the top of every text page;
/// - the PDF gauges' scale ends, "0" and "100", and the numbers of the actions
///   ("1.", "2.", ...: an ordered list on the page, numbered by the browser);
/// - what the page does not print (`no-print`: the link to the PDF, the next
///   steps in the study) or does not show (`visually-hidden`: the "Summary"
///   heading, which is the PDF's first bookmark).
const CHROME: &str =
    "page numbers, generation date, running header, gauge scale ends, action numbers";

/// The report's text as `pdftotext` reads it, one string per page; `None`
/// (skipped) without poppler, except under CI.
fn pdf_pages(pdf: &[u8]) -> Option<Vec<String>> {
    let text = common::pdf_text(pdf)?;
    Some(
        text.split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .map(str::to_string)
            .collect(),
    )
}

fn normalised(s: &str) -> String {
    // pdftotext joins a word the PDF broke after its hyphen ("Service-" at a
    // line's end, "oder" on the next reads "Serviceoder"): both sides drop a
    // hyphen before a space, so the page's "Service- oder" reads the same.
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "")
}

/// How the foot of a PDF page starts in each language: "Generated on" and
/// "Page N of M".
const FOOTERS: [(&str, &str, &str); 4] = [
    ("Generated on ", "Page ", " of "),
    ("Erstellt am ", "Seite ", " von "),
    ("Généré le ", "Page ", " sur "),
    ("Generado el ", "Página ", " de "),
];

/// The PDF's text without its chrome: the foot of every page ("Generated on",
/// "Page N of M", in any language) and the running header of the text pages
/// (study name and company, the lines before the first rule).
fn pdf_body(pages: &[String], study: &str, company: Option<&str>) -> String {
    let mut body = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let mut lines: Vec<&str> = page.lines().map(str::trim).collect();
        lines.retain(|l| {
            !FOOTERS.iter().any(|(generated, page, of)| {
                l.starts_with(generated) || (l.starts_with(page) && l.contains(of))
            })
        });
        if i > 0 {
            // The running header: the study's name, and the company on the same
            // line or the next.
            let mut header = vec![study.to_string()];
            if let Some(c) = company {
                header.push(c.to_string());
                header.push(format!("{study} {c}"));
            }
            // It sits at the top of the page, but pdftotext may read lines
            // beside it first (an action's number and verdict, or a table's
            // column when the page opens with one): it is the one line that
            // is the study's name, or the company's, and nothing else.
            for h in &header {
                if let Some(at) = lines.iter().position(|l| normalised(l) == *h) {
                    lines.remove(at);
                }
            }
        }
        body.push(lines.join("\n"));
    }
    normalised(&body.join("\n"))
}

/// Decodes the entities the templates write.
fn unescaped(s: &str) -> String {
    s.replace("&ldquo;", "\u{201c}")
        .replace("&rdquo;", "\u{201d}")
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Removes every element whose opening tag holds `marker`, up to the first
/// closing tag of its name (the report's templates do not nest these).
fn without(html: &str, marker: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(hit) = rest.find(marker) {
        let Some(lt) = rest[..=hit].rfind('<') else {
            break;
        };
        let name: String = rest[lt + 1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let close = format!("</{name}>");
        out.push_str(&rest[..lt]);
        rest = match rest[hit..].find(&close) {
            Some(end) => &rest[hit + end + close.len()..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The visible text of the report page's main part, one string per block
/// (paragraph, heading, list item, table cell, SVG text).
fn page_blocks(html: &str) -> Vec<String> {
    let start = html.find("<main").expect("the page has a main part");
    let end = html.rfind("</main>").expect("the main part ends");
    let main = &html[start..end];
    // Not printed, not shown, or shown only on pointing (tooltips).
    let main = without(main, "no-print");
    let main = without(&main, "visually-hidden");
    let main = without(&main, "<title>");
    const BLOCKS: [&str; 16] = [
        "p",
        "h1",
        "h2",
        "h3",
        "li",
        "th",
        "td",
        "text",
        "figcaption",
        "div",
        "section",
        "header",
        "article",
        "figure",
        "dt",
        "dd",
    ];
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut rest = main.as_str();
    while let Some(lt) = rest.find('<') {
        current.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if BLOCKS.contains(&name.as_str()) {
            blocks.push(std::mem::take(&mut current));
        }
        rest = &rest[lt + gt + 1..];
    }
    current.push_str(rest);
    blocks.push(current);
    blocks
        .into_iter()
        .map(|b| normalised(&unescaped(&b)))
        .filter(|b| !b.is_empty())
        .collect()
}

/// A block's sentences, split on ". " (the full stop is dropped, so that the end
/// of a sentence matches however the other side punctuates the break).
fn sentences(block: &str) -> Vec<String> {
    block
        .split(". ")
        .map(|s| s.trim().trim_end_matches('.').trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// What is left of the PDF's text once every sentence of the page is taken out:
/// longest first, so a short label does not break a sentence that holds it.
fn unaccounted(pdf: &str, page: &[String]) -> Vec<String> {
    let mut all: Vec<String> = page.iter().flat_map(|b| sentences(b)).collect();
    all.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    all.dedup();
    let mut rest = pdf.to_string();
    for s in &all {
        rest = rest.replace(s.as_str(), "\u{1}");
    }
    rest.split('\u{1}')
        .map(str::trim)
        .map(|s| s.trim_matches(|c: char| c == '.' || c == ':' || c == ';' || c == ','))
        .map(str::trim)
        // The gauges' scale ends and the actions' numbers.
        .flat_map(|s| s.split(' '))
        .filter(|w| {
            let number = w.trim_end_matches('.');
            let chrome = number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit());
            !w.is_empty() && !chrome
        })
        .map(str::to_string)
        .collect()
}

/// Submits a persona and compares its page with its PDF; the differences found.
async fn differences(app: &TestApp, persona: &str) -> Option<Vec<String>> {
    let client = reqwest::Client::new();
    let resp = app
        .submit(&client, &example(persona))
        .send()
        .await
        .expect("submit");
    assert_eq!(resp.status(), 201, "{persona} is accepted");
    let created: serde_json::Value = resp.json().await.expect("json");
    let id = created["id"].as_str().expect("id").to_string();
    let company = example(persona)["contact_company"]
        .as_str()
        .map(str::to_string);
    compare(
        app,
        &client,
        persona,
        &format!("/r/{id}"),
        company.as_deref(),
    )
    .await
}

/// Compares the page at `report` with its PDF, and keeps both for reading;
/// in the language `report`'s `?lang=` asks for, else English.
async fn compare(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
    report: &str,
    company: Option<&str>,
) -> Option<Vec<String>> {
    let html = client
        .get(app.url(report))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    let (path, query) = report.split_once('?').unwrap_or((report, ""));
    let pdf = client
        .get(app.url(&format!("{path}.pdf?{query}")))
        .send()
        .await
        .expect("pdf")
        .bytes()
        .await
        .expect("bytes");
    let pages = pdf_pages(&pdf)?;
    keep_for_reading(name, &pdf, &pages.join("\u{c}"));
    let language = query
        .strip_prefix("lang=")
        .and_then(Language::from_code)
        .unwrap_or_default();
    let study = &app.study.questionnaire.in_language(language).name;
    let body = pdf_body(&pages, study, company);
    let blocks = page_blocks(&html);
    let mut found = Vec::new();
    for s in blocks.iter().flat_map(|b| sentences(b)) {
        if !body.contains(&s) {
            found.push(format!("{name}: on the page, not in the PDF: {s:?}"));
        }
    }
    let left = unaccounted(&body, &blocks);
    if !left.is_empty() {
        found.push(format!(
            "{name}: in the PDF, not on the page ({CHROME} aside): {:?}",
            left.join(" ")
        ));
    }
    Some(found)
}

#[actix_web::test]
async fn every_sentence_of_the_page_is_in_the_pdf_and_the_reverse() {
    let app = spawn_app_with(300).await;
    let mut found = Vec::new();
    for persona in PERSONAS {
        let Some(d) = differences(&app, persona).await else {
            return;
        };
        found.extend(d);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Every language's report reads the same on paper: the German and French
/// personas (amounts in euros) in each language, and a rep's report.
#[actix_web::test]
async fn every_language_reads_the_same_on_paper() {
    let app = spawn_app_with(300).await;
    let client = reqwest::Client::new();
    let mut found = Vec::new();
    for persona in ["german-vp-of-sales", "french-sales-manager", "junior-rep"] {
        let resp = app
            .submit(&client, &example(persona))
            .send()
            .await
            .expect("submit");
        assert_eq!(resp.status(), 201, "{persona} is accepted");
        let created: serde_json::Value = resp.json().await.expect("json");
        let id = created["id"].as_str().expect("id").to_string();
        let company = example(persona)["contact_company"]
            .as_str()
            .map(str::to_string);
        for language in [Language::German, Language::French, Language::Spanish] {
            let name = format!("{persona}-{}", language.code());
            let report = format!("/r/{id}?lang={}", language.code());
            let Some(d) = compare(&app, &client, &name, &report, company.as_deref()).await else {
                return;
            };
            found.extend(d);
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[actix_web::test]
async fn a_report_without_peers_reads_the_same_on_paper() {
    let app = spawn_app().await;
    let mut found = Vec::new();
    for persona in ["mixed-vp-of-sales", "weak-company"] {
        let Some(d) = differences(&app, persona).await else {
            return;
        };
        found.extend(d);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A reassessment, answered through the pages: the VP of sales assesses again a
/// few months later, and her new report opens with what moved, the same on
/// paper.
#[actix_web::test]
async fn a_reassessment_reads_the_same_on_paper() {
    let app = spawn_app_with(300).await;
    let client = app.client();
    let earlier = common::fill_and_submit(&app, &client, &example("mixed-vp-of-sales")).await;
    let offer = get_page(&app, &client, &format!("{earlier}/again")).await;
    let resp = client
        .post(app.url(&format!("{earlier}/again")))
        .form(&[("csrf_token", csrf_token(&offer))])
        .send()
        .await
        .expect("assess again");
    assert_eq!(resp.status(), 303);
    let later = fill_from(
        &app,
        &client,
        &location(&resp),
        &example("mixed-vp-of-sales-again"),
    )
    .await;
    let html = get_page(&app, &client, &later).await;
    let since = html.find("Since last time").expect("since last time");
    let summary = html.find("Executive summary").expect("executive summary");
    assert!(since < summary, "a reassessment opens with what moved");
    assert!(html.contains("sales cycle from 90 days to 75 days (15 days shorter)"));
    let Some(found) = compare(
        &app,
        &client,
        "mixed-vp-of-sales-again",
        &later,
        Some("Northwind Software"),
    )
    .await
    else {
        return;
    };
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The team PDF's text without its chrome: "Generated DATE." and the portrait
/// pages' foot ("Team report: STUDY").
fn team_pdf_body(pages: &[String], study: &str) -> String {
    let text = normalised(&pages.join("\n"));
    let mut out = String::new();
    let mut rest = text.as_str();
    // "Generated 2026-11-22." wherever it stands.
    while let Some(at) = rest.find("Generated ") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + "Generated ".len()..];
        let end = tail.find('.').map_or(tail.len(), |e| e + 1);
        rest = &tail[end..];
    }
    out.push_str(rest);
    normalised(&out.replace(&format!("Team report: {study}"), " "))
}

/// Starts a team from the mixed persona's report and has `colleagues` join
/// (example, role, name), each accepted; returns the team report's page, and
/// whether its PDF carries the same sentences (the differences found).
async fn team_on_page_and_paper(
    colleagues: &[(&str, &str, &str)],
    kept_as: &str,
) -> (String, Vec<String>) {
    use common::teams::{accept, colleague, join_counted, start_team};
    let app = spawn_app_with(300).await;
    let starter = app.client();
    let report = common::fill_and_submit(&app, &starter, &example("mixed-vp-of-sales")).await;
    accept(&app, &report).await;
    let links = start_team(&app, &starter, &report).await;
    for (base, role, name) in colleagues {
        join_counted(&app, &links.invite, &colleague(base, role, name), false).await;
    }
    let html = get_page(&app, &starter, &links.team_report).await;
    let pdf = starter
        .get(app.url(&format!("{}.pdf", links.team_report)))
        .send()
        .await
        .expect("pdf")
        .bytes()
        .await
        .expect("bytes");
    let Some(pages) = pdf_pages(&pdf) else {
        return (html, Vec::new());
    };
    keep_for_reading(kept_as, &pdf, &pages.join("\u{c}"));
    let mut found = Vec::new();
    for (n, p) in pages.iter().enumerate() {
        if p.split_whitespace().count() <= 60 {
            found.push(format!("{kept_as}: page {} is near-empty: {p:?}", n + 1));
        }
    }
    let body = team_pdf_body(&pages, &app.study.questionnaire.name);
    let blocks = page_blocks(&html);
    for s in blocks.iter().flat_map(|b| sentences(b)) {
        if !body.contains(&s) {
            found.push(format!("{kept_as}: on the page, not in the PDF: {s:?}"));
        }
    }
    let left = unaccounted(&body, &blocks);
    if !left.is_empty() {
        found.push(format!(
            "{kept_as}: in the PDF, not on the page: {:?}",
            left.join(" ")
        ));
    }
    (html, found)
}

/// A team of eight, answered through the pages (three leaders, two managers,
/// three reps): its page and its PDF carry the same sentences, and both are
/// kept for reading.
#[actix_web::test]
async fn a_team_report_reads_the_same_on_paper() {
    let (html, found) = team_on_page_and_paper(
        &[
            ("strong-company", "executive", "Ada Lead"),
            ("average-company", "executive", "Ben Lead"),
            ("partial-numbers", "manager", "Cy Manager"),
            ("dont-know-key-areas", "manager", "Di Manager"),
            ("weak-company", "rep", "Ed Rep"),
            ("junior-rep", "rep", "Flo Rep"),
            ("mixed-vp-of-sales-again", "rep", "Gus Rep"),
        ],
        "team-of-eight",
    )
    .await;
    assert!(html.contains("Wave 1: 8 people answered."), "{html}");
    assert!(html.contains("What this means for your team"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A team of eleven whose leaders and reps see the company apart: the widest
/// gap is read with one next step, the questions where the roles differ most
/// are labelled in the chart, and the page and the PDF say the same.
#[actix_web::test]
async fn a_team_with_a_wide_gap_reads_the_same_on_paper() {
    let (html, found) = team_on_page_and_paper(
        &[
            ("strong-company", "executive", "Ada Lead"),
            ("strong-company", "executive", "Ann Lead"),
            ("average-company", "executive", "Ben Lead"),
            ("mixed-vp-of-sales-again", "executive", "Bo Lead"),
            ("weak-company", "rep", "Ed Rep"),
            ("weak-company", "rep", "Eve Rep"),
            ("junior-rep", "rep", "Flo Rep"),
            ("dont-know-key-areas", "rep", "Gus Rep"),
            ("partial-numbers", "rep", "Hal Rep"),
            ("weak-company", "rep", "Ivy Rep"),
        ],
        "team-of-eleven",
    )
    .await;
    assert!(html.contains("Wave 1: 11 people answered."), "{html}");
    // The widest gap is read with one next step: on an index, or, when every
    // member's noise leaves no index gap clear, on the question the roles
    // see most apart.
    assert!(
        html.contains("the widest gap in your team")
            || html.contains("their widest gap is on one question"),
        "{html}"
    );
    assert!(
        html.contains("id=\"item-chart\""),
        "the questions are charted"
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The comparison itself can fail: a sentence only the page has, and one only the
/// PDF has, are both found.
#[test]
fn the_comparison_finds_a_sentence_on_one_side_only() {
    let blocks = page_blocks(
        "<html><main><h2 class=\"visually-hidden\">Summary</h2><h3>Summary</h3><p>One idea. Another idea.</p>\
         <p class=\"no-print\">Download PDF</p><svg><title>tip</title><text>77%</text></svg></main></html>",
    );
    assert_eq!(blocks, ["Summary", "One idea. Another idea.", "77%"]);
    let pdf = "Summary One idea. Another idea. 77% 0 100 1. Only on paper.";
    assert_eq!(unaccounted(pdf, &blocks), ["Only", "on", "paper"]);
    assert!(!"Summary One idea. 77%".contains(&sentences(&blocks[1])[1]));
}
