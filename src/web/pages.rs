//! The respondent's questionnaire pages: landing, start, one page per section with
//! save on every page, resume by link, and submit.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use super::error::PageError;
use super::http::Endpoint;
use super::language::{self, Frame, LanguageLink};
use super::words::Words;
use super::{AppState, csrf};
use super::{html_page as html, see_other};
use crate::domain::answers::{AnswerError, AnswerProblem, Completeness};
use crate::domain::ids::LinkId;
use crate::domain::language::Language;
use crate::domain::questionnaire::{Currency, Item, ItemKind, Questionnaire, Section};
use crate::domain::{Answers, answers::Answer};
use crate::study::records::{Draft, SubmitOutcome};
use crate::study::{Origin, PageSaved};
use fluent_bundle::FluentValue;
use std::collections::BTreeMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(Endpoint::at("/").get(landing).resource())
        .service(Endpoint::at("/s").post(start).resource())
        .service(Endpoint::at("/s/{id}").get(resume).resource())
        .service(
            Endpoint::at("/s/{id}/{page}")
                .get(show_page)
                .post(save_page)
                .resource(),
        );
}

#[derive(Serialize)]
struct LandingView<'a> {
    title: &'a str,
    study_name: &'a str,
    intro: &'a str,
    privacy: &'a str,
    minutes: u32,
    pages: usize,
    parts: Vec<&'a str>,
    csrf: String,
    #[serde(flatten)]
    frame: Frame<'a>,
    minutes_text: String,
    pages_text: String,
}

async fn landing(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let offered = state.study.questionnaire.languages();
    let chosen = language::chosen(&req, &offered, None);
    let l = chosen.language;
    let q = state.study.questionnaire.in_language(l);
    let words = &state.templates.words;
    let (token, cookie) = csrf::token(&req);
    let view = LandingView {
        title: &q.name,
        study_name: &q.name,
        intro: &q.intro,
        privacy: &q.privacy,
        minutes: q.minutes,
        pages: q.sections.len(),
        parts: q.parts.iter().map(|p| p.title.as_str()).collect(),
        csrf: token,
        frame: Frame::new(words, &offered, l, "/"),
        minutes_text: words.say(
            l,
            "landing-minutes",
            &[("minutes", FluentValue::from(q.minutes))],
        ),
        pages_text: words.say(
            l,
            "landing-pages",
            &[("pages", FluentValue::from(q.sections.len()))],
        ),
    };
    let resp = html(state.templates.render("landing.html", &view)?, cookie);
    Ok(with_language_cookie(resp, chosen.cookie))
}

/// The language a draft's pages were last saved in.
fn kept_language(draft: &Draft) -> Option<Language> {
    draft.language.as_deref().and_then(Language::from_code)
}

/// `resp` with the cookie that keeps a language a link chose, if one did.
pub(super) fn with_language_cookie(
    mut resp: HttpResponse,
    cookie: Option<actix_web::cookie::Cookie<'static>>,
) -> HttpResponse {
    if let Some(c) = cookie
        && let Err(e) = resp.add_cookie(&c)
    {
        tracing::warn!(error = %e, "the language cookie could not be set");
    }
    resp
}

/// The fields of a posted form, by name (the last value of a repeated name wins).
type Fields = HashMap<String, String>;

async fn start(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: Fields = form.into_inner().into_iter().collect();
    csrf::verify(&req, fields.get(csrf::FIELD).map(String::as_str))?;
    state
        .study
        .count_request(
            state.start_limit,
            state.trusted_proxies.client_address(&req),
        )
        .await?
        .map_err(PageError::TooMany)?;
    let id = state.study.start_draft().await?;
    tracing::info!("questionnaire started");
    Ok(see_other(&format!("/s/{id}/1")))
}

async fn load_draft(state: &web::Data<AppState>, id: &str) -> Result<(LinkId, Draft), PageError> {
    let id = LinkId::parse(id).ok_or(PageError::NotFound)?;
    let draft = state.study.draft(&id).await?.ok_or(PageError::NotFound)?;
    Ok((id, draft))
}

async fn resume(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let (_, draft) = load_draft(&state, &path).await?;
    Ok(match &draft.response_id {
        Some(report) => see_other(&format!("/r/{report}")),
        None => see_other(&format!("/s/{}/{}", draft.id, draft.page)),
    })
}

#[derive(Serialize)]
struct OptionView<'a> {
    id: &'a str,
    label: &'a str,
    input_id: String,
    checked: bool,
}

#[derive(Serialize)]
struct ItemView<'a> {
    id: &'a str,
    kind: &'static str,
    /// The question; an amount names the study's currency.
    text: String,
    help: Option<&'a str>,
    required: bool,
    options: Vec<OptionView<'a>>,
    value: String,
    unit: Option<&'a str>,
    input_id: String,
    error: Option<String>,
    input_mode: &'static str,
    /// For a number, how the answer was read ("$25,000"), so a typed "25k" can be
    /// checked at a glance.
    read_as: Option<String>,
    /// For a team member, the team's answer to a shared profile question (as the
    /// respondent reads it): shown, not asked, and sent back unchanged.
    team_answer: Option<String>,
}

#[derive(Serialize)]
struct PageView<'a> {
    title: String,
    study_name: &'a str,
    draft_id: &'a str,
    page: usize,
    pages: usize,
    percent: usize,
    /// The share done as the page's language writes it ("42 %" in German).
    percent_said: String,
    part_title: &'a str,
    part_intro: Option<&'a str>,
    section_title: &'a str,
    section_intro: &'a str,
    items: Vec<ItemView<'a>>,
    csrf: String,
    is_first: bool,
    is_last: bool,
    resume_url: String,
    error_count: usize,
    /// The page is shown again once after saving so that the respondent sees
    /// how each typed number was read before moving on.
    numbers_check: bool,
    lang: &'static str,
    languages: Vec<LanguageLink>,
    /// The page's own words without variables, by message id.
    w: &'a BTreeMap<String, String>,
    progress_text: String,
    errors_text: String,
}

/// What the form shows in each field: the stored answer, or what was just typed.
enum Shown<'a> {
    Stored(&'a Answers),
    Typed(&'a Fields),
}

/// The questionnaire page `page` of a draft: its fields with what is stored or was
/// typed, the errors next to their fields, and the team's answers where the draft
/// belongs to a team (`team`: item id -> the team's answer).
#[allow(clippy::too_many_arguments)]
fn page_view<'a>(
    (q, words, l, offered): (&'a Questionnaire, &'a Words, Language, &[Language]),
    draft_id: &'a str,
    page: usize,
    shown: Shown<'_>,
    errors: Option<&AnswerError>,
    team: &serde_json::Map<String, serde_json::Value>,
    token: String,
    base_url: &str,
) -> PageView<'a> {
    let section: &Section = &q.sections[page - 1];
    let part = q.part(&section.part);
    let first_of_part = page == 1 || q.sections[page - 2].part != section.part;
    // Amounts are kept in the study's reference currency and shown in the one
    // the respondent chose (or is choosing on this page).
    let currency = match &shown {
        Shown::Stored(a) => q.chosen_currency(a),
        Shown::Typed(f) => q
            .currency_item
            .as_deref()
            .and_then(|id| f.get(id))
            .and_then(|code| q.currency_by_code(code.trim()))
            .unwrap_or(q.reference_currency()),
    };
    let items = section
        .items
        .iter()
        .map(|&pos| {
            let item: &Item = &q.items[pos];
            let money = item.metric.is_some_and(|m| m.is_money());
            // The number as kept (an amount in the reference currency).
            let read = match &shown {
                Shown::Stored(a) => match a.get(pos) {
                    Some(Answer::Number(n)) => Some(*n),
                    _ => None,
                },
                Shown::Typed(f) => f
                    .get(&item.id)
                    .filter(|_| item.kind == ItemKind::Number)
                    .and_then(|v| crate::domain::answers::parse_typed_number_in(v, q.language))
                    .map(|n| if money { currency.to_reference(n) } else { n }),
            };
            let (selected, value) = match &shown {
                Shown::Stored(a) => match a.get(pos) {
                    Some(Answer::Option(i)) => (Some(item.options[*i].id.clone()), String::new()),
                    Some(Answer::Number(n)) if money => {
                        let typed = currency.from_reference(*n);
                        (None, words.in_field(l, typed))
                    }
                    Some(Answer::Number(n)) => (None, words.in_field(l, *n)),
                    Some(Answer::Text(t)) => (None, t.clone()),
                    None => (None, String::new()),
                },
                Shown::Typed(f) => {
                    let v = f.get(&item.id).cloned().unwrap_or_default();
                    (Some(v.clone()), v)
                }
            };
            let kind = match item.kind {
                ItemKind::Number => "number",
                ItemKind::Text => "text",
                _ => "choice",
            };
            let team_answer = team.get(&item.id).map(|v| match v {
                serde_json::Value::String(id) => item
                    .option(id)
                    .map_or_else(|| id.clone(), |(_, o)| o.label.clone()),
                other => other.to_string(),
            });
            // The form sends the team's answer back as it is stored.
            let (selected, value) = match team.get(&item.id) {
                Some(serde_json::Value::String(id)) => (Some(id.clone()), id.clone()),
                Some(other) => (None, other.to_string()),
                None => (selected, value),
            };
            ItemView {
                id: &item.id,
                kind,
                text: if money && !currency.name.is_empty() {
                    // The study file names its currencies in English; other
                    // languages read the code ("EUR").
                    let name = if l == Language::English {
                        currency.name.as_str()
                    } else {
                        currency.code.as_str()
                    };
                    words.say(
                        l,
                        "page-amount-in",
                        &[
                            ("question", FluentValue::from(item.text.as_str())),
                            ("currency", FluentValue::from(name)),
                        ],
                    )
                } else {
                    item.text.clone()
                },
                help: item.help.as_deref(),
                required: item.required,
                options: item
                    .options
                    .iter()
                    .map(|o| OptionView {
                        id: &o.id,
                        label: &o.label,
                        input_id: format!("{}--{}", item.id, o.id),
                        checked: selected.as_deref() == Some(o.id.as_str()),
                    })
                    .collect(),
                value: if kind == "choice" && !team.contains_key(&item.id) {
                    String::new()
                } else {
                    value
                },
                unit: item
                    .number
                    .as_ref()
                    .map(|r| r.unit.as_str())
                    .filter(|u| !u.is_empty()),
                input_id: format!("q-{}", item.id),
                error: errors
                    .and_then(|e| {
                        e.problems
                            .iter()
                            .find(|p| p.item.as_deref() == Some(&item.id))
                    })
                    .map(|p| capitalise(&problem_text(words, l, p))),
                read_as: read.map(|n| {
                    words.say(
                        l,
                        "page-read-as",
                        &[(
                            "value",
                            FluentValue::from(read_as((words, l), currency, item, n)),
                        )],
                    )
                }),
                team_answer,
                input_mode: if item.email {
                    "email"
                } else if item.kind == ItemKind::Number {
                    "decimal"
                } else {
                    "text"
                },
            }
        })
        .collect::<Vec<_>>();
    let error_count = items.iter().filter(|i| i.error.is_some()).count();
    let pages = q.sections.len();
    let percent = (page - 1) * 100 / pages;
    PageView {
        // A page sent back with errors says so first in its title, which is what
        // a screen reader announces as the page loads.
        title: {
            let args = [
                ("section", FluentValue::from(section.title.as_str())),
                ("page", FluentValue::from(page)),
                ("pages", FluentValue::from(pages)),
                ("count", FluentValue::from(error_count)),
            ];
            let id = match error_count {
                0 => "page-title",
                1 => "page-title-one-error",
                _ => "page-title-errors",
            };
            words.say(l, id, &args)
        },
        study_name: &q.name,
        draft_id,
        page,
        pages,
        percent,
        percent_said: words.percent(l, percent as f64),
        part_title: part.map_or("", |p| p.title.as_str()),
        part_intro: part
            .filter(|_| first_of_part)
            .map(|p| p.intro.as_str())
            .filter(|s| !s.is_empty()),
        section_title: &section.title,
        section_intro: &section.intro,
        items,
        csrf: token,
        is_first: page == 1,
        is_last: page == pages,
        resume_url: format!("{base_url}/s/{draft_id}"),
        error_count,
        numbers_check: false,
        lang: l.code(),
        languages: language::links(offered, l),
        w: words.plain(l),
        progress_text: words.say(
            l,
            "page-progress",
            &[
                ("page", FluentValue::from(page)),
                ("pages", FluentValue::from(pages)),
                (
                    "part",
                    FluentValue::from(part.map_or("", |p| p.title.as_str())),
                ),
            ],
        ),
        errors_text: words.say(
            l,
            "page-errors",
            &[("count", FluentValue::from(error_count))],
        ),
    }
}

/// A number answer as the report will use it: money (kept in the reference
/// currency) in the respondent's currency, other figures with thousands
/// separators and their unit.
fn read_as((words, l): (&Words, Language), currency: &Currency, item: &Item, n: f64) -> String {
    if item.metric.is_some_and(|m| m.is_money()) {
        return words.amount(l, currency, n);
    }
    let number = match l {
        Language::English if n.fract() == 0.0 => crate::domain::report::format_amount(n),
        Language::English => crate::domain::answers::format_number(n),
        _ => words.number(l, n),
    };
    match item.number.as_ref().map(|r| r.unit.as_str()) {
        Some("%") if l == Language::English => format!("{number}%"),
        Some("%") => words.percent(l, n),
        Some(unit) if !unit.is_empty() => format!("{number} {unit}"),
        _ => number,
    }
}

/// What is wrong with an answer, in the page's language (the questionnaire's
/// pages, and the console's preview of an answers file).
pub(crate) fn problem_text(words: &Words, l: Language, problem: &AnswerProblem) -> String {
    use crate::domain::answers::AnswerProblemKind as Kind;
    // The study file names currencies in English; other languages read codes.
    let named = |name: &str, code: &str| match l {
        Language::English => (format!("{name} ({code})"), name.to_string()),
        _ => (code.to_string(), code.to_string()),
    };
    let number = |n: f64| words.in_field(l, n);
    match &problem.kind {
        Kind::NotAnOption => words.say(l, "error-not-an-option", &[]),
        Kind::NotANumber => words.say(l, "error-not-a-number", &[]),
        Kind::NotAnInteger => words.say(l, "error-not-an-integer", &[]),
        Kind::OutOfRange { min, max, unit } => words
            .say(
                l,
                "error-out-of-range",
                &[
                    ("min", FluentValue::from(number(*min))),
                    ("max", FluentValue::from(number(*max))),
                    ("unit", FluentValue::from(unit.as_str())),
                ],
            )
            .trim()
            .to_string(),
        Kind::NotText => words.say(l, "error-not-text", &[]),
        Kind::TooLong { max_chars } => words.say(
            l,
            "error-too-long",
            &[("max", FluentValue::from(*max_chars))],
        ),
        Kind::NotAnEmail => words.say(l, "error-not-an-email", &[]),
        Kind::OtherCurrency {
            typed,
            currency,
            code,
            typed_in,
        } => {
            let (named, short) = named(currency, code);
            let mut args = vec![
                ("typed", FluentValue::from(typed.as_str())),
                ("named", FluentValue::from(named)),
                ("currency", FluentValue::from(short)),
            ];
            match typed_in {
                Some(other) => {
                    // "euros (EUR)": in other languages, the code alone.
                    let other = match l {
                        Language::English => other.clone(),
                        _ => other
                            .rsplit_once('(')
                            .map_or(other.as_str(), |(_, c)| c.trim_end_matches(')'))
                            .to_string(),
                    };
                    args.push(("typed_in", FluentValue::from(other)));
                    words.say(l, "error-other-currency-named", &args)
                }
                None => words.say(l, "error-other-currency", &args),
            }
        }
        Kind::Missing => words.say(l, "error-missing", &[]),
        // Only an answers file has these (the console's preview); a page
        // offers its own questions and options.
        Kind::NotAnObject => words.say(l, "error-not-an-object", &[]),
        Kind::UnknownItem => words.say(l, "error-unknown-item", &[]),
        Kind::UnknownOption { offered } => words.say(
            l,
            "error-unknown-option",
            &[("offered", FluentValue::from(offered.join(", ")))],
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn page_number(q: &Questionnaire, raw: &str) -> Result<usize, PageError> {
    raw.parse::<usize>()
        .ok()
        .filter(|p| (1..=q.sections.len()).contains(p))
        .ok_or(PageError::NotFound)
}

#[derive(serde::Deserialize)]
struct PageQuery {
    /// Set when the submit found required answers missing on this page.
    #[serde(default)]
    check: bool,
    /// Set when numbers typed on this page were read in a way worth checking.
    #[serde(default)]
    numbers: bool,
}

async fn show_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, PageError> {
    let (id, page) = path.into_inner();
    let (draft_id, draft) = load_draft(&state, &id).await?;
    if let Some(report) = &draft.response_id {
        return Ok(see_other(&format!("/r/{report}")));
    }
    let q = &state.study.questionnaire;
    let offered = q.languages();
    let chosen = language::chosen(&req, &offered, kept_language(&draft));
    let page = page_number(q, &page)?;
    let answers = state.study.draft_answers(&draft);
    let errors = if query.check {
        missing_on_page(q, &answers, page)
    } else {
        None
    };
    let team = state.study.team_answers(&draft_id).await?;
    let (token, cookie) = csrf::token(&req);
    let mut view = page_view(
        (
            q.in_language(chosen.language),
            &state.templates.words,
            chosen.language,
            &offered,
        ),
        &draft.id,
        page,
        Shown::Stored(&answers),
        errors.as_ref(),
        &team,
        token,
        state.public_url.origin(),
    );
    view.numbers_check = query.numbers && view.items.iter().any(|i| i.read_as.is_some());
    let resp = html(state.templates.render("page.html", &view)?, cookie);
    Ok(with_language_cookie(resp, chosen.cookie))
}

/// Whether a typed number was read as something other than the plain number
/// it shows ("25k", "25.000 $", "92,5"): then the page shows its reading once
/// before moving on.
fn read_differently(typed: &str, n: f64, words: &Words, l: Language) -> bool {
    let plain = typed.trim();
    !plain.is_empty()
        && plain != crate::domain::answers::format_number(n)
        && plain != words.number(l, n)
}

/// Required answers missing on one page, as errors to show next to the fields.
fn missing_on_page(q: &Questionnaire, answers: &Answers, page: usize) -> Option<AnswerError> {
    let problems: Vec<AnswerProblem> = q.sections[page - 1]
        .items
        .iter()
        .filter(|&&pos| q.items[pos].required && answers.get(pos).is_none())
        .map(|&pos| AnswerProblem::missing(&q.items[pos]))
        .collect();
    (!problems.is_empty()).then_some(AnswerError { problems })
}

/// The first page with a required answer missing.
fn first_incomplete_page(q: &Questionnaire, answers: &Answers) -> Option<usize> {
    (1..=q.sections.len()).find(|&p| missing_on_page(q, answers, p).is_some())
}

async fn save_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: Fields = form.into_inner().into_iter().collect();
    csrf::verify(&req, fields.get(csrf::FIELD).map(String::as_str))?;
    let (id, page) = path.into_inner();
    let (draft_id, draft) = load_draft(&state, &id).await?;
    if let Some(report) = &draft.response_id {
        // Submitted already (a double click, or back and resubmit): same report.
        return Ok(see_other(&format!("/r/{report}")));
    }
    let q = &state.study.questionnaire;
    let page = page_number(q, &page)?;
    let action = fields.get("action").map_or("next", String::as_str);
    // A switch of language saves what is typed as "back" does (nothing is
    // required yet) and shows the same page again in the other language.
    let switch_to = action.strip_prefix("lang-").and_then(Language::from_code);
    let action = if switch_to.is_some() {
        "switch"
    } else {
        action
    };
    let section = &q.sections[page - 1];
    let page_items: Vec<&Item> = section.items.iter().map(|&i| &q.items[i]).collect();

    // Only this page's fields are read; a field naming another page's item is ignored.
    let page_fields = page_items
        .iter()
        .filter_map(|item| fields.get(&item.id).map(|v| (item.id.as_str(), v.as_str())));
    // Numbers are read the way the page's language writes them ("92,5").
    let offered = q.languages();
    let typed_in = language::chosen(&req, &offered, kept_language(&draft)).language;
    let checked = Answers::from_form(q.in_language(typed_in), page_fields, Completeness::Draft);
    // Moving on needs this page's required answers; going back does not. Both kinds
    // of problem are reported together.
    let missing: Vec<AnswerProblem> = if matches!(action, "back" | "switch") {
        Vec::new()
    } else {
        page_items
            .iter()
            .filter(|item| item.required)
            .filter(|item| fields.get(&item.id).is_none_or(|v| v.trim().is_empty()))
            .map(|item| AnswerProblem::missing(item))
            .collect()
    };
    let checked = match (checked, missing.is_empty()) {
        (Ok(a), true) => Ok(a),
        (Ok(_), false) => Err(AnswerError { problems: missing }),
        (Err(mut e), _) => {
            e.problems.extend(missing);
            Err(e)
        }
    };
    let page_answers = match checked {
        Ok(a) => a,
        Err(errors) => {
            // Nothing is saved; everything typed is shown again with the messages.
            let team = state.study.team_answers(&draft_id).await?;
            let (token, cookie) = csrf::token(&req);
            let l = switch_to.unwrap_or(typed_in);
            let view = page_view(
                (q.in_language(l), &state.templates.words, l, &offered),
                &draft.id,
                page,
                Shown::Typed(&fields),
                Some(&errors),
                &team,
                token,
                state.public_url.origin(),
            );
            let mut resp = html(state.templates.render("page.html", &view)?, cookie);
            *resp.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(resp);
        }
    };

    // A number read differently from how it was typed is shown once, with its
    // reading, before the respondent moves on.
    // (An amount is compared in the currency it was typed in, not as kept.)
    let currency = q.chosen_currency(&page_answers);
    let to_check = !matches!(action, "back" | "switch")
        && fields.get("numbers_checked").map(String::as_str) != Some("1")
        && section.items.iter().any(|&pos| {
            let item = &q.items[pos];
            let money = item.metric.is_some_and(|m| m.is_money());
            match (page_answers.get(pos), fields.get(&item.id)) {
                (Some(Answer::Number(n)), Some(typed)) if money => read_differently(
                    typed,
                    currency.from_reference(*n),
                    &state.templates.words,
                    typed_in,
                ),
                (Some(Answer::Number(n)), Some(typed)) => {
                    read_differently(typed, *n, &state.templates.words, typed_in)
                }
                _ => false,
            }
        });
    let mut answers = state.study.draft_answers(&draft);
    answers.clear(section.items.iter().copied());
    answers.merge(&page_answers);
    let answers = state.study.keep_team_profile(&draft_id, answers).await?;
    let next_page = match action {
        "back" => page.saturating_sub(1).max(1),
        "save" | "switch" => page,
        _ if to_check => page,
        _ => (page + 1).min(q.sections.len()),
    };
    let saved = state
        .study
        .save_draft(
            &draft_id,
            &answers,
            next_page,
            switch_to.unwrap_or(typed_in),
        )
        .await?;
    if saved == PageSaved::AlreadySubmitted {
        // Submitted in the meantime (a second tab): show where it went.
        return Ok(see_other(&format!("/s/{}", draft.id)));
    }

    if let Some(l) = switch_to {
        return Ok(see_other(&format!(
            "/s/{}/{page}?lang={}",
            draft.id,
            l.code()
        )));
    }
    if to_check {
        return Ok(see_other(&format!("/s/{}/{page}?numbers=true", draft.id)));
    }
    if action != "submit" || page != q.sections.len() {
        return Ok(see_other(&format!("/s/{}/{}", draft.id, next_page)));
    }
    if let Some(incomplete) = first_incomplete_page(q, &answers) {
        return Ok(see_other(&format!(
            "/s/{}/{incomplete}?check=true",
            draft.id
        )));
    }
    let address = state.trusted_proxies.client_address(&req);
    state
        .study
        .count_request(state.submit_limit, address)
        .await?
        .map_err(PageError::TooMany)?;
    let outcome = state
        .study
        .submit_answers(
            &answers,
            &Origin {
                draft_id: Some(&draft.id),
                started_at: Some(&draft.started_at),
                synthetic: false,
                address,
                language: typed_in,
            },
        )
        .await?;
    let report = match outcome {
        SubmitOutcome::Created(id) => {
            tracing::info!("response submitted");
            id
        }
        SubmitOutcome::AlreadySubmitted(id) => id,
    };
    Ok(see_other(&format!("/r/{report}")))
}
