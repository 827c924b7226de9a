//! Reviewing the questionnaire in the console: the running version, or any file of
//! its folder as it stands on disk now, laid out as a reviewer reads it (each
//! item with its options and scores, the sub-indices it feeds, its commentary
//! and headlines; the tensions, bands and peer settings), with the problems
//! `questionnaire check` reports; and a preview of the report any example
//! persona, or an answers file, would get against it, stored nowhere.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use serde::Serialize;

use fluent_bundle::FluentValue;

use super::{ConsoleBar, OperatorSession, html};
use crate::domain::language::Language;
use crate::domain::questionnaire::{Band100, Item, ItemKind};
use crate::domain::report::verdict_label;
use crate::domain::scoring::Verdict;
use crate::domain::{Questionnaire, SubIndex};
use crate::study::questionnaires::{self, AnswersFileError, EXAMPLES, FolderFile};
use crate::web::AppState;
use crate::web::error::PageError;
use crate::web::pages::problem_text;
use crate::web::report_page::{self as report_page, Preview, render_report};
use crate::web::words::Words;

/// One questionnaire the page can show: the running one, or a file of its folder.
#[derive(Serialize)]
struct VersionLink {
    label: String,
    href: String,
    shown: bool,
    /// Problems `questionnaire check` reports (a file that does not load).
    problems: Vec<String>,
}

#[derive(Serialize)]
struct OptionView {
    label: String,
    id: String,
    score: String,
    /// The option's own paragraph, where it replaces the band's.
    paragraph: Option<String>,
}

/// The console's words in the operator's language, and its numbers.
#[derive(Clone, Copy)]
struct Say<'s> {
    state: &'s AppState,
    language: Language,
}

impl Say<'_> {
    /// A message without variables.
    fn word(&self, id: &str) -> String {
        super::say(self.state, self.language, id, &[])
    }

    /// A message with variables.
    fn with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        super::say(self.state, self.language, id, args)
    }

    /// A figure of the questionnaire as the language writes it ("1.5", "1,5").
    fn number(&self, v: f64) -> String {
        match self.language {
            Language::English => number(v),
            _ => self.state.templates.words.number(self.language, v),
        }
    }
}

#[derive(Serialize)]
struct Paragraph {
    band: String,
    text: String,
}

/// A middling paragraph that reads the respondent's own number.
#[derive(Serialize)]
struct MeasuredView<'a> {
    standing: String,
    text: &'a str,
}

#[derive(Serialize)]
struct ItemView<'a> {
    id: &'a str,
    text: &'a str,
    help: Option<&'a str>,
    kind: String,
    required: bool,
    options: Vec<OptionView>,
    number: Option<String>,
    /// "Feeds Value (weight 1.5), Win Rate (weight 1).": the sub-indices fed
    /// and their weights, as a sentence.
    feeds: String,
    key_area: bool,
    headlines: Vec<Paragraph>,
    commentary: Vec<Paragraph>,
    /// The middling paragraphs that read the respondent's own number, per
    /// where it stands against the peer median: (standing, text).
    measured: Vec<MeasuredView<'a>>,
    figure_better: Option<&'a str>,
    figure_disagrees: Option<&'a str>,
}

#[derive(Serialize)]
struct SectionView<'a> {
    part: &'a str,
    title: &'a str,
    intro: &'a str,
    items: Vec<ItemView<'a>>,
}

#[derive(Serialize)]
struct BandView {
    name: String,
    range: String,
    description: String,
}

#[derive(Serialize)]
struct BandsView {
    title: String,
    bands: Vec<BandView>,
}

#[derive(Serialize)]
struct SubIndexView<'a> {
    name: &'a str,
    meaning: &'a str,
    commentary: Vec<Paragraph>,
}

#[derive(Serialize)]
struct TensionView<'a> {
    title: &'a str,
    first: String,
    second: String,
    paragraph: &'a str,
}

#[derive(Serialize)]
struct Setting {
    name: String,
    value: String,
}

#[derive(Serialize)]
struct ReviewView<'a> {
    title: String,
    study_name: &'a str,
    operator: &'a str,
    csrf: &'a str,
    console: ConsoleBar,
    /// The file the study was started with; `None`: the built-in questionnaire.
    source: Option<String>,
    versions: Vec<VersionLink>,
    /// What is shown: None when the chosen file does not load.
    shown: Option<Shown<'a>>,
    /// The `file=` of the shown questionnaire, carried into the preview links.
    file: String,
    examples: Vec<&'static str>,
}

#[derive(Serialize)]
struct Shown<'a> {
    name: &'a str,
    id: &'a str,
    version: u32,
    running: bool,
    settings: Vec<Setting>,
    sub_indices: Vec<SubIndexView<'a>>,
    bands: Vec<BandsView>,
    sections: Vec<SectionView<'a>>,
    tensions: Vec<TensionView<'a>>,
    /// The languages its report can be previewed in.
    languages: Vec<crate::web::language::LanguageLink>,
}

/// The message naming an item's kind.
fn kind_name(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Agreement => "console-kind-agreement",
        ItemKind::Importance => "console-kind-importance",
        ItemKind::Frequency => "console-kind-frequency",
        ItemKind::Choice => "console-kind-choice",
        ItemKind::Number => "console-kind-number",
        ItemKind::Text => "console-kind-text",
    }
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn commentary_of(say: Say, c: &crate::domain::questionnaire::Commentary) -> Vec<Paragraph> {
    vec![
        Paragraph {
            band: say.word("console-band-strong"),
            text: c.strong.clone(),
        },
        Paragraph {
            band: say.word("console-band-middling"),
            text: c.middling.clone(),
        },
        Paragraph {
            band: say.word("console-band-weak"),
            text: c.weak.clone(),
        },
    ]
}

fn item_view<'a>(say: Say, q: &'a Questionnaire, item: &'a Item) -> ItemView<'a> {
    let mut feeds: Vec<String> = SubIndex::ALL
        .iter()
        .filter(|s| item.weights[s.position()] > 0.0)
        .map(|s| {
            say.with(
                "console-weight",
                &[
                    ("name", q.sub_index_text(*s).name.as_str().into()),
                    ("weight", say.number(item.weights[s.position()]).into()),
                ],
            )
        })
        .collect();
    if item.personal_weight > 0.0 {
        feeds.push(say.with(
            "console-personal-weight",
            &[("weight", say.number(item.personal_weight).into())],
        ));
    }
    if let Some(metric) = item.metric {
        feeds.push(say.with("console-company-number", &[("metric", metric.key().into())]));
    }
    let verdict = |v: Verdict| verdict_label(say.language, v);
    let headlines = item
        .headlines
        .as_ref()
        .map(|h| {
            let mut v = vec![
                Paragraph {
                    band: verdict(Verdict::Keep),
                    text: h.keep.clone(),
                },
                Paragraph {
                    band: verdict(Verdict::Change),
                    text: h.change.clone(),
                },
                Paragraph {
                    band: verdict(Verdict::Stop),
                    text: h.stop.clone(),
                },
            ];
            if let Some(f) = &h.find_out {
                v.push(Paragraph {
                    band: say.with(
                        "console-dont-know",
                        &[("verdict", verdict(Verdict::Change).into())],
                    ),
                    text: f.clone(),
                });
            }
            v
        })
        .unwrap_or_default();
    ItemView {
        id: &item.id,
        text: &item.text,
        help: item.help.as_deref(),
        kind: say.word(kind_name(item.kind)),
        required: item.required,
        options: item
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| OptionView {
                label: o.label.clone(),
                id: o.id.clone(),
                score: o
                    .score
                    .map_or_else(|| say.word("console-not-scored"), |s| say.number(s)),
                paragraph: item.option_commentary.get(&i).cloned(),
            })
            .collect(),
        number: item.number.as_ref().map(|n| {
            say.with(
                if n.integer {
                    "console-number-range-whole"
                } else {
                    "console-number-range"
                },
                &[
                    ("min", say.number(n.min).into()),
                    ("max", say.number(n.max).into()),
                    ("unit", n.unit.as_str().into()),
                ],
            )
        }),
        feeds: if feeds.is_empty() {
            say.word("console-feeds-nothing")
        } else {
            say.with("console-feeds", &[("feeds", feeds.join(", ").into())])
        },
        key_area: item.key_area,
        headlines,
        commentary: item
            .commentary
            .as_ref()
            .map(|c| commentary_of(say, c))
            .unwrap_or_default(),
        measured: item
            .measured
            .as_ref()
            .map(|m| {
                [
                    ("console-standing-worse", m.worse.as_str()),
                    ("console-standing-level", m.level.as_str()),
                    ("console-standing-better", m.better.as_str()),
                ]
                .into_iter()
                .map(|(standing, text)| MeasuredView {
                    standing: say.word(standing),
                    text,
                })
                .collect()
            })
            .unwrap_or_default(),
        figure_better: item.figure_better.as_deref(),
        figure_disagrees: item.figure_disagrees.as_deref(),
    }
}

fn bands(say: Say, title: &str, bands: &[Band100]) -> BandsView {
    BandsView {
        title: say.word(title),
        bands: bands
            .iter()
            .map(|b| BandView {
                name: b.name.clone(),
                range: say.with(
                    "console-range",
                    &[
                        ("from", say.number(b.from).into()),
                        ("to", say.number(b.to).into()),
                    ],
                ),
                description: b.description.clone(),
            })
            .collect(),
    }
}

/// The questionnaire `q` as a reviewer reads it, in the console's language
/// when it has a translation in it (ids, scores and weights are the study
/// file's either way).
fn shown<'a>(say: Say, q: &'a Questionnaire, running: bool) -> Shown<'a> {
    let languages = crate::web::language::links(&q.languages(), say.language);
    let q = q.in_language(say.language);
    let number = |v: f64| say.number(v);
    let dimension_name = |d: &str| {
        q.dimensions()
            .find(|(id, _)| *id == d)
            .map_or_else(|| d.to_string(), |(_, item)| item.text.clone())
    };
    let fallback = q
        .peer_fallback
        .iter()
        .map(|dims| {
            if dims.is_empty() {
                say.word("console-everyone-fallback")
            } else {
                dims.iter()
                    .map(|d| format!("{d} ({})", dimension_name(d)))
                    .collect::<Vec<_>>()
                    .join(&format!(" {} ", say.word("console-and")))
            }
        })
        .collect::<Vec<_>>()
        .join(&format!("; {} ", say.word("console-then")));
    let rules = &q.quality;
    let setting = |name: &str, value: String| Setting {
        name: say.word(name),
        value,
    };
    let settings = vec![
        setting(
            "console-setting-k",
            say.with(
                "console-setting-k-value",
                &[("k", q.peer_group_minimum.into())],
            ),
        ),
        setting("console-setting-fallback", fallback),
        setting(
            "console-setting-coverage",
            say.with(
                "console-setting-coverage-value",
                &[("share", number(q.minimum_coverage).into())],
            ),
        ),
        setting(
            "console-setting-bands",
            say.with(
                "console-setting-bands-value",
                &[
                    ("strong", number(q.commentary.strong_from).into()),
                    ("weak", number(q.commentary.weak_below).into()),
                ],
            ),
        ),
        setting(
            "console-setting-deals",
            say.with(
                "console-setting-deals-value",
                &[("deals", number(q.minimum_decided_deals).into())],
            ),
        ),
        setting(
            "console-setting-margin",
            say.with(
                "console-setting-margin-value",
                &[("margin", number(q.figure_margin).into())],
            ),
        ),
        setting("console-setting-potential", number(q.potential_target)),
        setting(
            "console-setting-currency",
            say.with(
                "console-setting-currency-value",
                &[
                    ("code", q.reference_currency().code.as_str().into()),
                    ("symbol", q.reference_currency().symbol.as_str().into()),
                ],
            ) + &q
                .currencies
                .iter()
                .skip(1)
                .map(|c| {
                    say.with(
                        "console-setting-currency-other",
                        &[
                            ("code", c.code.as_str().into()),
                            ("symbol", c.symbol.as_str().into()),
                            ("rate", say.number(c.rate).into()),
                            ("reference", c.reference_code.as_str().into()),
                            ("date", c.rate_date.as_str().into()),
                        ],
                    )
                })
                .collect::<String>(),
        ),
        setting(
            "console-setting-held",
            say.with(
                "console-setting-held-value",
                &[
                    ("seconds", number(rules.minimum_seconds).into()),
                    ("share", number(rules.straight_line_share).into()),
                    ("items", rules.straight_line_items.into()),
                    ("duplicate", number(rules.near_duplicate_share).into()),
                    ("hours", number(rules.near_duplicate_hours).into()),
                ],
            ),
        ),
        setting("console-setting-minutes", q.minutes.to_string()),
    ];
    let side = |s: &crate::domain::questionnaire::TensionSide| {
        let item = q.item(&s.item);
        let answers = s
            .answers
            .iter()
            .map(|a| {
                item.and_then(|i| i.option(a))
                    .map_or_else(|| a.clone(), |(_, o)| o.label.clone())
            })
            .collect::<Vec<_>>()
            .join(&format!(" {} ", say.word("console-or")));
        say.with(
            "console-tension-side",
            &[
                (
                    "question",
                    item.map_or(s.item.as_str(), |i| i.text.as_str()).into(),
                ),
                ("answers", answers.into()),
            ],
        )
    };
    Shown {
        name: &q.name,
        id: &q.id,
        version: q.version,
        running,
        settings,
        sub_indices: SubIndex::ALL
            .iter()
            .map(|s| {
                let t = q.sub_index_text(*s);
                SubIndexView {
                    name: &t.name,
                    meaning: &t.meaning,
                    commentary: commentary_of(say, &t.commentary),
                }
            })
            .collect(),
        bands: vec![
            bands(
                say,
                "console-company-categories",
                q.company_categories.all(),
            ),
            bands(
                say,
                "console-personal-categories",
                q.personal_categories.all(),
            ),
            bands(say, "console-revenue-potential", q.revenue_potential.all()),
        ],
        sections: q
            .sections
            .iter()
            .map(|s| SectionView {
                part: q.part(&s.part).map_or("", |p| p.title.as_str()),
                title: &s.title,
                intro: &s.intro,
                items: s
                    .items
                    .iter()
                    .map(|&i| item_view(say, q, &q.items[i]))
                    .collect(),
            })
            .collect(),
        tensions: q
            .tensions
            .iter()
            .map(|t| TensionView {
                title: &t.title,
                first: side(&t.first),
                second: side(&t.second),
                paragraph: &t.paragraph,
            })
            .collect(),
        languages,
    }
}

/// The questionnaire files of the running study's folder, each checked now.
fn folder(state: &AppState) -> Vec<FolderFile> {
    match state.study.catalogue.source() {
        Some(source) => questionnaires::folder_files(source).unwrap_or_else(|e| {
            vec![FolderFile {
                path: source.to_path_buf(),
                loaded: Err(e.to_string()),
            }]
        }),
        None => Vec::new(),
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The questionnaire a page reviews: the running one, or the file named `file`
/// in the folder (loaded now). `Err` carries the file's problems.
fn chosen(state: &AppState, file: &str) -> Result<Option<FolderFile>, PageError> {
    if file.is_empty() {
        return Ok(None);
    }
    folder(state)
        .into_iter()
        .find(|f| file_name(&f.path) == file)
        .map(Some)
        .ok_or(PageError::NotFound)
}

pub async fn review(
    state: web::Data<AppState>,
    session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = query.into_inner().into_iter().collect();
    let file = fields.get("file").cloned().unwrap_or_default();
    let running = &state.study.questionnaire;
    let picked = chosen(&state, &file)?;
    let say = Say {
        state: &state,
        language: session.language,
    };
    let mut versions = vec![VersionLink {
        label: say.with(
            "console-version-running",
            &[
                ("questionnaire", running.id.as_str().into()),
                ("version", running.version.to_string().into()),
            ],
        ),
        href: "/admin/questionnaire".into(),
        shown: picked.is_none(),
        problems: Vec::new(),
    }];
    for f in folder(&state) {
        let name = file_name(&f.path);
        versions.push(VersionLink {
            label: match &f.loaded {
                Ok(q) => say.with(
                    "console-version-file",
                    &[
                        ("file", name.as_str().into()),
                        ("questionnaire", q.id.as_str().into()),
                        ("version", q.version.to_string().into()),
                    ],
                ),
                Err(_) => say.with("console-version-fails", &[("file", name.as_str().into())]),
            },
            href: format!("/admin/questionnaire?file={name}"),
            shown: name == file,
            problems: match &f.loaded {
                Ok(_) => Vec::new(),
                Err(e) => e.lines().map(str::to_string).collect(),
            },
        });
    }
    let loaded = picked.as_ref().map(|f| &f.loaded);
    let view_q: Option<&Questionnaire> = match loaded {
        None => Some(running),
        Some(Ok(q)) => Some(q),
        Some(Err(_)) => None,
    };
    let view = ReviewView {
        title: say.word("console-questionnaire"),
        study_name: &running.name,
        operator: &session.operator,
        csrf: &session.csrf_token,
        console: ConsoleBar::of(&state, &session).await,
        source: state
            .study
            .catalogue
            .source()
            .map(|p| p.display().to_string()),
        versions,
        shown: view_q.map(|q| shown(say, q, picked.is_none())),
        file,
        examples: EXAMPLES.iter().map(|(n, _)| *n).collect(),
    };
    Ok(html(super::render(
        &state,
        &session,
        "admin_review.html",
        &view,
    )?))
}

/// Which report a preview shows: of which file's questionnaire (empty: the
/// running one), in which language (asked for, else the operator's), and how
/// its language switch links (`None`: pasted answers, which a link cannot
/// carry).
struct PreviewOf<'a> {
    file: &'a str,
    asked: Option<Language>,
    switch_to: Option<String>,
}

/// Renders the preview of answers against the reviewed questionnaire, in the
/// language asked for when the questionnaire has it, else the operator's,
/// else the study file's own.
async fn preview(
    state: &AppState,
    session: &OperatorSession,
    of: PreviewOf<'_>,
    answers_of: impl FnOnce(&Questionnaire) -> Result<crate::domain::Answers, PreviewRefused>,
) -> Result<HttpResponse, PageError> {
    let words = &state.templates.words;
    let PreviewOf {
        file,
        asked,
        switch_to,
    } = of;
    let picked = chosen(state, file)?;
    let owned;
    let q = match picked {
        None => &state.study.questionnaire,
        Some(FolderFile { loaded: Ok(q), .. }) => {
            owned = q;
            &owned
        }
        Some(FolderFile {
            path,
            loaded: Err(problems),
        }) => {
            return Err(PageError::refused(
                words,
                "console-refused-preview-fails",
                &[("file", file_name(&path)), ("problems", problems)],
            ));
        }
    };
    let answers = answers_of(q).map_err(|refused| refused.said(words, session.language, q))?;
    let offered = q.languages();
    let language = [asked, Some(session.language)]
        .into_iter()
        .flatten()
        .find(|l| offered.contains(l))
        .unwrap_or(Language::English);
    let report = state.study.preview(q, &answers, language).await;
    let live = q.id == state.study.questionnaire.id;
    // Pasted answers have no link to switch with.
    let switchable: &[Language] = if switch_to.is_some() { &offered } else { &[] };
    let marked = Preview {
        note: words.say(
            language,
            "report-preview-note",
            &[
                ("questionnaire", q.id.as_str().into()),
                ("version", q.version.to_string().into()),
                ("peers", if live { "live" } else { "none" }.into()),
            ],
        ),
        back: if file.is_empty() {
            "/admin/questionnaire".into()
        } else {
            format!("/admin/questionnaire?file={file}")
        },
        switch_to: switch_to.unwrap_or_default(),
    };
    let page = render_report(
        &state.templates,
        &report,
        "preview",
        None,
        &report_page::Shown {
            language,
            offered: switchable,
            email: false,
            in_colleagues_team: false,
        },
        Some(&marked),
    )?;
    Ok(html(page))
}

/// Why answers give no preview.
enum PreviewRefused {
    /// No example persona of that name.
    NoExample(String),
    File(AnswersFileError),
}

impl PreviewRefused {
    /// The refusal in `language`: each problem with the answers named by its
    /// question's id and said as the questionnaire's pages say it.
    fn said(self, words: &Words, language: Language, q: &Questionnaire) -> PageError {
        match self {
            PreviewRefused::NoExample(name) => {
                PageError::refused(words, "console-refused-no-example", &[("name", name)])
            }
            PreviewRefused::File(AnswersFileError::NotJson { line, column, .. }) => {
                PageError::refused(
                    words,
                    "console-refused-not-json",
                    &[("line", line.to_string()), ("column", column.to_string())],
                )
            }
            PreviewRefused::File(AnswersFileError::Invalid(error)) => {
                let problems = error
                    .problems
                    .iter()
                    .map(|p| {
                        let text = problem_text(words, language, p);
                        match &p.item {
                            Some(item) => format!("{item}: {text}"),
                            None => text,
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                PageError::refused(
                    words,
                    "console-refused-preview-answers",
                    &[
                        ("questionnaire", q.id.to_string()),
                        ("version", q.version.to_string()),
                        ("problems", problems),
                    ],
                )
            }
        }
    }
}

/// The language a preview's link or form asks for (`report_lang=de`: not
/// `lang`, which would switch the whole console).
fn asked_language(fields: &HashMap<String, String>) -> Option<Language> {
    fields
        .get("report_lang")
        .and_then(|code| Language::from_code(code))
}

/// The preview of an example persona's report.
pub async fn preview_example(
    state: web::Data<AppState>,
    session: OperatorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = query.into_inner().into_iter().collect();
    let name = fields.get("example").cloned().unwrap_or_default();
    let file = fields.get("file").cloned().unwrap_or_default();
    let of = PreviewOf {
        file: &file,
        asked: asked_language(&fields),
        switch_to: serde_urlencoded::to_string([("example", &name), ("file", &file)])
            .ok()
            .map(|query| format!("/admin/questionnaire/preview?{query}&report_lang=")),
    };
    preview(
        &state,
        &session,
        of,
        |q| match questionnaires::example_answers(q, &name) {
            Some(answers) => answers.map_err(PreviewRefused::File),
            None => Err(PreviewRefused::NoExample(name.clone())),
        },
    )
    .await
}

/// The preview of an answers file's report (its JSON pasted in the form).
pub async fn preview_upload(
    state: web::Data<AppState>,
    session: OperatorSession,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let fields: HashMap<String, String> = form.into_inner().into_iter().collect();
    session.verify(fields.get(crate::web::csrf::FIELD).map(String::as_str))?;
    let file = fields.get("file").cloned().unwrap_or_default();
    let text = fields.get("answers").cloned().unwrap_or_default();
    if text.trim().is_empty() {
        return Err(PageError::refused(
            &state.templates.words,
            "console-refused-no-answers",
            &[],
        ));
    }
    let of = PreviewOf {
        file: &file,
        asked: asked_language(&fields),
        switch_to: None,
    };
    preview(&state, &session, of, |q| {
        questionnaires::answers_from_json(q, text.as_bytes()).map_err(PreviewRefused::File)
    })
    .await
}
