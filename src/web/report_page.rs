//! The report page at `/r/{id}`: the stored response rendered through the shared
//! report model, with the summary infographic as inline SVG.
//!
//! A submitted report never changes (its peer standing is stored with it), so the
//! rendered page is kept in a bounded in-memory cache.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use super::AppState;
use super::error::PageError;
use super::http::Endpoint;
use super::templates::Templates;
use crate::domain::ids::ResponseId;
use crate::domain::language::Language;
use crate::domain::report::{IndexView, Report};
use crate::domain::waves::WaveChange;
use crate::study::ResponseReport;

pub fn config(cfg: &mut web::ServiceConfig) {
    // The PDF first: `{id}` alone would also match `….pdf`.
    cfg.service(Endpoint::at("/r/{id}.pdf").get(pdf).resource())
        .service(Endpoint::at("/r/{id}").get(show).resource());
}

/// The report as a PDF, rendered from the same report model as the page, within
/// the bounds of the PDF queue (see [`super::pdf_queue`]); in the language the
/// link asks for (`?lang=de`), else the one the response was answered in.
async fn pdf(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = ResponseId::parse(&path).ok_or(PageError::NotFound)?;
    // Refused before anything is read when every place is taken.
    let place = state.pdfs.enter().ok_or(PageError::PdfBusy)?;
    let ResponseReport { report, .. } = state
        .study
        .report(&id, super::language::asked(&req))
        .await?
        .ok_or(PageError::NotFound)?;
    let fonts = state.pdf_fonts.clone();
    let name = pdf_file_name(report.company.as_deref(), &report.submitted_on);
    let bytes = place
        .render(move || crate::pdf::render(&report, &fonts, &crate::study::today()))
        .await
        .map_err(PageError::Internal)?
        .map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}\""),
        ))
        .body(place.body(bytes)))
}

/// The PDF's file name: the company and the date, so that a forwarded report says
/// whose it is ("acme-gmbh-dealbench-report-2026-11-22.pdf"). Only ASCII letters,
/// digits and dashes, so the header needs no escaping.
pub fn pdf_file_name(company: Option<&str>, date: &str) -> String {
    let slug = |s: &str| {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if let Some(plain) = latin_letter(c) {
                out.push_str(plain);
            } else if c.is_alphanumeric() {
                // A letter without an ASCII spelling: left out, not a word break.
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-')
            .chars()
            .take(60)
            .collect::<String>()
    };
    let company = company.map(slug).filter(|c| !c.is_empty());
    let date = slug(date);
    match company {
        Some(c) => format!("{c}-dealbench-report-{date}.pdf"),
        None => format!("dealbench-report-{date}.pdf"),
    }
}

/// The most rendered reports kept in memory.
const CACHE_CAPACITY: usize = 2048;

/// Which page of a report: its id, and the language a link asked for (`None`:
/// the one it was answered in).
type PageKey = (String, Option<Language>);

/// Rendered report pages by report id and language asked for.
#[derive(Default)]
pub struct ReportCache {
    pages: Mutex<HashMap<PageKey, Arc<String>>>,
}

impl ReportCache {
    fn get(&self, key: &PageKey) -> Option<Arc<String>> {
        self.pages.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: PageKey, page: Arc<String>) {
        if let Ok(mut pages) = self.pages.lock() {
            if pages.len() >= CACHE_CAPACITY {
                pages.clear();
            }
            pages.insert(key, page);
        }
    }

    /// Forgets a report in every language (after it was deleted).
    pub fn evict(&self, id: &str) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.retain(|(kept, _), _| kept != id);
        }
    }
}

/// A gauge: a half circle from left to right, filled up to the score, with a tick
/// at the peer median.
#[derive(Serialize)]
struct Gauge {
    track: String,
    value: Option<String>,
    median: Option<String>,
}

fn gauge(score: Option<f64>, median: Option<f64>) -> Gauge {
    // Centre (100, 100), radius 80: the arc runs from (20, 100) over the top to (180, 100).
    let arc_to = |s: f64| {
        let angle = std::f64::consts::PI * (1.0 - s.clamp(0.0, 100.0) / 100.0);
        let (x, y) = (100.0 + 80.0 * angle.cos(), 100.0 - 80.0 * angle.sin());
        format!("M 20 100 A 80 80 0 0 1 {x:.2} {y:.2}")
    };
    let tick = |m: f64| {
        let angle = std::f64::consts::PI * (1.0 - m.clamp(0.0, 100.0) / 100.0);
        let (c, s) = (angle.cos(), angle.sin());
        format!(
            "M {:.2} {:.2} L {:.2} {:.2}",
            100.0 + 62.0 * c,
            100.0 - 62.0 * s,
            100.0 + 92.0 * c,
            100.0 - 92.0 * s
        )
    };
    Gauge {
        track: arc_to(100.0),
        value: score.filter(|s| *s > 0.0).map(arc_to),
        median: median.map(tick),
    }
}

#[derive(Serialize)]
struct Bar {
    key: &'static str,
    name: String,
    /// The score, or nothing (the track then says why).
    display: Option<String>,
    width: f64,
    y: f64,
    /// Where the peer median's tick goes.
    median_x: Option<f64>,
    median_display: Option<String>,
}

#[derive(Serialize)]
struct ReportView<'a> {
    title: String,
    /// The language it is written in (its code), its words, and the links to
    /// read it in the others.
    lang: &'static str,
    w: &'a std::collections::BTreeMap<String, String>,
    languages: Vec<super::language::LanguageLink>,
    study_name: &'a str,
    r: &'a Report,
    id: &'a str,
    company_gauge: Gauge,
    personal_gauge: Gauge,
    bars: Vec<Bar>,
    pdf_name: String,
    /// The change since the earlier assessment, when this one assessed again.
    waves: Option<super::teams::WavesView>,
    /// Email is configured: the report offers to send its link.
    email: bool,
    /// The respondent answered a colleague's team invitation.
    in_colleagues_team: bool,
    /// An operator's preview: stored nowhere, so no PDF, email or team links.
    preview: Option<&'a Preview>,
    /// Where the language switch links, without the language's code.
    switch_to: String,
}

/// What marks a report page as an operator's preview.
#[derive(Debug, Serialize)]
pub struct Preview {
    /// What the preview is, in the report's language: against which
    /// questionnaire, that nothing is stored, where its peer figures come from.
    pub note: String,
    /// The review page to go back to.
    pub back: String,
    /// The preview's own link without its language's code (`...&lang=`), for
    /// the language switch.
    pub switch_to: String,
}

/// How a report page is shown: in which language, among which, and what it
/// may offer.
pub struct Shown<'a> {
    /// The language the report is written in, and those it can be read in.
    pub language: Language,
    pub offered: &'a [Language],
    /// Email is configured: the page may offer to send its link.
    pub email: bool,
    /// The respondent answered a colleague's invitation: the page says where
    /// the team report is instead of offering a team of their own.
    pub in_colleagues_team: bool,
}

/// The report page of response `id`: `change` when it assessed again.
///
/// # Errors
/// When the template cannot be rendered.
pub fn render_report(
    templates: &Templates,
    report: &Report,
    id: &str,
    change: Option<WaveChange>,
    shown: &Shown<'_>,
    preview: Option<&Preview>,
) -> Result<String, PageError> {
    let Shown {
        language,
        offered,
        email,
        in_colleagues_team,
    } = *shown;
    let subs: Vec<&IndexView> = report.sub_indices.iter().map(|s| &s.index).collect();
    let words = &templates.words;
    let title = match &report.company {
        Some(c) => words.say(
            language,
            "report-title-company",
            &[("company", c.as_str().into())],
        ),
        None => words.say(language, "report-title", &[]),
    };
    let view = ReportView {
        title: match preview {
            Some(_) => words.say(
                language,
                "report-preview-title",
                &[("title", title.as_str().into())],
            ),
            None => title,
        },
        switch_to: match preview {
            Some(p) => p.switch_to.clone(),
            None => format!("/r/{id}?lang="),
        },
        lang: language.code(),
        w: words.plain(language),
        languages: super::language::links(offered, language),
        study_name: &report.study_name,
        r: report,
        id,
        company_gauge: gauge(report.overall.score, report.overall.peer_median),
        personal_gauge: gauge(report.personal.score, report.personal.peer_median),
        bars: bars(&subs),
        pdf_name: pdf_file_name(report.company.as_deref(), &report.submitted_on),
        waves: change.map(super::teams::waves_view),
        email,
        in_colleagues_team,
        preview,
    };
    templates.render("report.html", &view)
}

fn bars(subs: &[&IndexView]) -> Vec<Bar> {
    subs.iter()
        .enumerate()
        .map(|(i, s)| Bar {
            key: s.key,
            name: s.name.clone(),
            display: s.score.is_some().then(|| s.display.clone()),
            // Each bar under its name, so that a long name ("Taux de
            // transformation") never runs into it: 42 units a row, 280 wide.
            width: s.score.unwrap_or(0.0).clamp(0.0, 100.0) * 2.8,
            y: i as f64 * 42.0,
            median_x: s.peer_median.map(|m| m.clamp(0.0, 100.0) * 2.8),
            median_display: s.peer_median_display.clone(),
        })
        .collect()
}

/// The report page, in the language the link asks for (`?lang=de`), else the
/// one the response was answered in.
async fn show(
    state: web::Data<AppState>,
    mail: Option<web::Data<crate::study::outbox::Outbox>>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = ResponseId::parse(&path).ok_or(PageError::NotFound)?;
    let offered = state.study.questionnaire.languages();
    let asked = super::language::asked(&req).filter(|l| offered.contains(l));
    let key = (id.as_str().to_string(), asked);
    if let Some(page) = state.reports.get(&key) {
        return Ok(page_response(&page));
    }
    let ResponseReport {
        report,
        change,
        in_colleagues_team,
        language,
    } = state
        .study
        .report(&id, asked)
        .await?
        .ok_or(PageError::NotFound)?;
    let compared = change.is_some();
    let email = mail.is_some_and(|m| m.enabled());
    let page = Arc::new(render_report(
        &state.templates,
        &report,
        id.as_str(),
        change,
        &Shown {
            language,
            offered: &offered,
            email,
            in_colleagues_team,
        },
        None,
    )?);
    // A report compared with an earlier one is not kept: the earlier one may
    // be deleted, and then its figures must go from this page too.
    if !compared {
        state.reports.put(key, page.clone());
    }
    Ok(page_response(&page))
}

fn page_response(page: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(page.to_string())
}

/// The ASCII spelling of the accented letters of Western European company names.
fn latin_letter(c: char) -> Option<&'static str> {
    Some(match c.to_lowercase().next()? {
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' => "a",
        'ä' | 'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ę' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' => "o",
        'ö' | 'ø' | 'œ' => "oe",
        'ù' | 'ú' | 'û' => "u",
        'ü' => "ue",
        'ß' => "ss",
        'ł' => "l",
        'ś' | 'š' => "s",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_file_name_carries_the_company_and_the_date() {
        assert_eq!(
            pdf_file_name(Some("Müller & Söhne GmbH"), "2026-11-22"),
            "mueller-soehne-gmbh-dealbench-report-2026-11-22.pdf"
        );
        assert_eq!(
            pdf_file_name(Some("Northwind Software"), "2026-11-22"),
            "northwind-software-dealbench-report-2026-11-22.pdf"
        );
        assert_eq!(
            pdf_file_name(None, "2026-11-22"),
            "dealbench-report-2026-11-22.pdf"
        );
        assert_eq!(
            pdf_file_name(Some("\"; evil"), "2026-11-22"),
            "evil-dealbench-report-2026-11-22.pdf"
        );
    }
}
