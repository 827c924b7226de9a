//! A respondent answers in their own language: the landing page and every
//! questionnaire page speak the one their browser prefers among the study's,
//! a switch on every page changes it without losing an answer, and numbers
//! typed the German way ("92,5", "25.000") are read as meant. The pages
//! around a report, a team's pages, an invitation and error pages speak the
//! language their reader reads.

mod common;

use common::{csrf_token, location, page_fields, post_page};
use dealbench::domain::Questionnaire;
use dealbench::domain::language::Language;

/// The start of `text` up to the first character HTML escapes, so that it can
/// be found in a page as written.
fn visible(text: &str) -> &str {
    let end = text
        .find(['&', '<', '>', '"', '\'', '/'])
        .unwrap_or(text.len());
    let shown = &text[..end];
    assert!(shown.len() >= 8, "too little of {text:?} to look for");
    shown
}

async fn page(app: &common::TestApp, client: &reqwest::Client, path: &str, accept: &str) -> String {
    let resp = client
        .get(app.url(path))
        .header("accept-language", accept)
        .send()
        .await
        .expect("page");
    assert_eq!(resp.status(), 200, "{path}");
    resp.text().await.expect("body")
}

fn section_of(q: &Questionnaire, id: &str) -> usize {
    q.sections.iter().position(|s| s.id == id).expect("section") + 1
}

#[actix_web::test]
async fn a_german_browser_answers_in_german_switches_to_french_mid_way_and_loses_nothing() {
    let app = common::spawn_app().await;
    let client = app.client();
    let q = common::study();
    let (de, fr) = (
        q.in_language(Language::German),
        q.in_language(Language::French),
    );
    assert_eq!(
        q.languages(),
        Language::ALL.to_vec(),
        "the study ships four languages"
    );
    let german = "de-DE,de;q=0.9,en;q=0.5";

    // The landing page speaks German, and offers the other languages.
    let landing = page(&app, &client, "/", german).await;
    assert!(landing.contains("<html lang=\"de\">"));
    assert!(landing.contains(visible(&de.intro)));
    assert!(
        !landing.contains("Start the questionnaire"),
        "no English left"
    );
    assert!(landing.contains("hreflang=\"fr\"") && landing.contains("Français"));
    let resp = client
        .post(app.url("/s"))
        .form(&[("csrf_token", csrf_token(&landing).as_str())])
        .send()
        .await
        .expect("start");
    let first = location(&resp);

    // The first page in German: its section, its questions, its options.
    let html = page(&app, &client, &first, german).await;
    assert!(html.contains("<html lang=\"de\">"));
    let profile = &q.sections[0];
    let item = &q.items[profile.items[0]];
    let de_item = &de.items[profile.items[0]];
    assert!(html.contains(visible(&de_item.text)), "{}", de_item.text);
    assert!(
        !html.contains(visible(&item.text)),
        "the English question is gone"
    );
    assert!(html.contains(visible(&de_item.options[0].label)) || de_item.options.is_empty());
    assert!(!html.contains("Save and continue"));

    // Answer the page, then switch to French: the answers are kept.
    let answers = common::example("strong-company");
    let fields = page_fields(&q, &answers, 1);
    let resp = post_page(
        &app,
        &client,
        &first,
        &csrf_token(&html),
        &fields,
        "lang-fr",
    )
    .await;
    assert_eq!(resp.status(), 303);
    let switched = location(&resp);
    assert_eq!(switched, format!("{first}?lang=fr"));
    let html = page(&app, &client, &switched, german).await;
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains(visible(&fr.items[profile.items[0]].text)));
    let (id, chosen) = fields
        .iter()
        .find(|(id, _)| q.item(id).is_some_and(|i| !i.options.is_empty()))
        .expect("a choice on the first page");
    assert!(
        html.contains(&format!("id=\"{id}--{chosen}\" value=\"{chosen}\" checked")),
        "the answer given in German is still chosen in French"
    );
    // The choice is kept: the same page without `?lang` stays French.
    let again = page(&app, &client, &first, german).await;
    assert!(again.contains("<html lang=\"fr\">"));

    // Numbers typed the German way, in euros, are read as meant.
    let numbers = section_of(&q, "company_numbers");
    let draft = first.trim_end_matches("/1");
    let path = format!("{draft}/{numbers}?lang=de");
    let html = page(&app, &client, &path, german).await;
    assert!(html.contains(visible(&de.sections[numbers - 1].title)));
    let done = (numbers - 1) * 100 / q.sections.len();
    assert!(
        html.contains(&format!("value=\"{done}\">{done}\u{a0}%</progress>")),
        "the progress as German writes it"
    );
    let typed = vec![
        ("currency".to_string(), "eur".to_string()),
        ("average_deal_value".to_string(), "25.000 EUR".to_string()),
        ("quota_attainment".to_string(), "92,5".to_string()),
    ];
    let path = format!("{draft}/{numbers}");
    // A number that does not read is refused in German, with nothing in English.
    let wrong = vec![("quota_attainment".to_string(), "sehr viel".to_string())];
    let resp = post_page(&app, &client, &path, &csrf_token(&html), &wrong, "next").await;
    assert_eq!(resp.status(), 422);
    let refused = resp.text().await.expect("body");
    let words = dealbench::web::words::Words::load().expect("words");
    let message = words.say(Language::German, "error-not-a-number", &[]);
    assert!(refused.contains(visible(&message[1..])), "{message}");
    assert!(!refused.contains("enter a number"), "no English left");
    let resp = post_page(&app, &client, &path, &csrf_token(&html), &typed, "next").await;
    assert_eq!(resp.status(), 303, "{:?}", resp.text().await);
    let html = page(&app, &client, &path, german).await;
    assert!(html.contains("<html lang=\"de\">"));
    // Shown back the German way, which reads back the same.
    for (id, kept) in [
        ("average_deal_value", "25.000"),
        ("quota_attainment", "92,5"),
    ] {
        assert!(
            html.contains(&format!("name=\"{id}\" value=\"{kept}\"")),
            "{id} read as {kept}: {}",
            html.split("name=\"average_deal_value\"")
                .nth(1)
                .unwrap_or("")
                .chars()
                .take(200)
                .collect::<String>()
        );
    }
}

#[actix_web::test]
async fn a_browser_that_names_none_of_the_study_s_languages_reads_english() {
    let app = common::spawn_app().await;
    let html = page(&app, &app.client(), "/", "it-IT,ja;q=0.5").await;
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Start the questionnaire"));
}

/// The language is kept with the draft (a resume link opened on another
/// device speaks it) and with the response (a column of the exports).
#[actix_web::test]
async fn the_language_is_kept_with_the_draft_and_the_response() {
    let app = common::spawn_app().await;
    let q = common::study();
    let answers = common::example("strong-company");
    let spanish = app.client();
    let landing = page(&app, &spanish, "/?lang=es", "en").await;
    let resp = spanish
        .post(app.url("/s"))
        .form(&[("csrf_token", csrf_token(&landing).as_str())])
        .send()
        .await
        .expect("start");
    let mut path = location(&resp);
    for p in 1..=q.sections.len() {
        let html = page(&app, &spanish, &path, "en").await;
        assert!(html.contains("<html lang=\"es\">"), "page {p}");
        if p == 2 {
            // The resume link on another device, with no cookie: Spanish still.
            let elsewhere = app.client();
            let resumed = page(&app, &elsewhere, &path, "en-GB").await;
            assert!(resumed.contains("<html lang=\"es\">"), "resumed elsewhere");
        }
        let action = if p == q.sections.len() {
            "submit"
        } else {
            "next"
        };
        let resp = post_page(
            &app,
            &spanish,
            &path,
            &csrf_token(&html),
            &page_fields(&q, &answers, p),
            action,
        )
        .await;
        assert_eq!(resp.status(), 303, "page {p}");
        path = location(&resp);
        if path.contains("numbers=true") {
            let html = page(&app, &spanish, &path, "en").await;
            let fields = page_fields(&q, &answers, p);
            let mut checked = fields.clone();
            checked.push(("numbers_checked".into(), "1".into()));
            let resp = post_page(
                &app,
                &spanish,
                path.split('?').next().unwrap_or(&path),
                &csrf_token(&html),
                &checked,
                action,
            )
            .await;
            path = location(&resp);
        }
    }
    assert!(path.starts_with("/r/"), "{path}");
    let id = path.trim_start_matches("/r/");
    assert_eq!(
        app.database
            .texts(&format!("SELECT language FROM responses WHERE id = '{id}'")),
        vec![vec![Some("es".to_string())]]
    );

    // Her report speaks Spanish, as she answered, whatever the browser that
    // opens its link prefers; the link can ask for another language.
    let elsewhere = app.client();
    let es = q.in_language(Language::Spanish);
    let html = page(&app, &elsewhere, &path, "en-GB").await;
    assert!(html.contains("<html lang=\"es\">"));
    assert!(html.contains(visible(&es.name)));
    assert!(html.contains(&format!("href=\"/r/{id}.pdf?lang=es\"")));
    for english in [
        "Executive summary",
        "Detailed analysis",
        "Download PDF",
        "Next steps",
    ] {
        assert!(!html.contains(english), "{english} on the Spanish report");
    }
    let html = page(&app, &elsewhere, &format!("{path}?lang=en"), "es").await;
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Executive summary") && html.contains("Download PDF"));
    assert!(
        html.contains(&format!("href=\"/r/{id}?lang=es\"")),
        "the switch back"
    );
    // A language the study does not speak is the one she answered in.
    let html = page(&app, &elsewhere, &format!("{path}?lang=it"), "en").await;
    assert!(html.contains("<html lang=\"es\">"));

    // Assessing again speaks her language too, or the one its link asks
    // for, and the questionnaire it starts keeps that one.
    let again = page(&app, &elsewhere, &format!("{path}/again"), "en-GB").await;
    assert!(again.contains("<html lang=\"es\">") && again.contains("Evaluar de nuevo"));
    for english in ["Assess again", "Back to your report", "Start again"] {
        assert!(!again.contains(english), "{english} on the Spanish page");
    }
    let again = page(&app, &elsewhere, &format!("{path}/again?lang=fr"), "es").await;
    assert!(again.contains("<html lang=\"fr\">") && again.contains("Refaire l’évaluation"));
    let resp = elsewhere
        .post(app.url(&format!("{path}/again?lang=fr")))
        .form(&[("csrf_token", csrf_token(&again).as_str())])
        .send()
        .await
        .expect("assess again");
    assert_eq!(resp.status(), 303);
    let first = page(&app, &elsewhere, &location(&resp), "es").await;
    assert!(
        first.contains("<html lang=\"fr\">"),
        "the new draft in French"
    );

    // A team started from her report speaks Spanish too: its page, the team
    // report and the confirmation of a new wave; a link can ask for another.
    let links = common::teams::start_team(&app, &elsewhere, &path).await;
    let team = page(&app, &elsewhere, &format!("{path}/team"), "en").await;
    assert!(team.contains("<html lang=\"es\">") && team.contains("Invitación para sus colegas"));
    for english in [
        "Your team report",
        "Invitation for your colleagues",
        "Back to",
    ] {
        assert!(
            !team.contains(english),
            "{english} on the Spanish team page"
        );
    }
    let team_report = page(&app, &elsewhere, &links.team_report, "en").await;
    assert!(team_report.contains("<html lang=\"es\">"));
    assert!(team_report.contains(".pdf?lang=es\""));
    for english in [
        "Skip to content",
        "Your answers stay on this server",
        "Perception gap",
    ] {
        assert!(
            !team_report.contains(english),
            "{english} on the Spanish team report"
        );
    }
    let german = page(
        &app,
        &elsewhere,
        &format!("{}?lang=de", links.team_report),
        "es",
    )
    .await;
    assert!(german.contains("<html lang=\"de\">"));
    let resp = elsewhere
        .post(app.url(&format!("{}/wave", links.team_report)))
        .form(&[("csrf_token", csrf_token(&team_report).as_str())])
        .send()
        .await
        .expect("a new wave");
    assert_eq!(resp.status(), 200, "asked to confirm first");
    let confirm = resp.text().await.expect("body");
    assert!(
        confirm.contains("<html lang=\"es\">") && confirm.contains("ronda 2"),
        "{confirm}"
    );
    assert!(!confirm.contains("Run the team again") && !confirm.contains("Keep wave"));

    // Its PDF declares the language it is written in.
    for (query, declared) in [("", "es"), ("?lang=de", "de")] {
        let resp = elsewhere
            .get(app.url(&format!("{path}.pdf{query}")))
            .send()
            .await
            .expect("pdf");
        assert_eq!(resp.status(), 200);
        let bytes = resp.bytes().await.expect("bytes");
        let pdf = lopdf::Document::load_mem(&bytes).expect("a PDF");
        let lang = pdf
            .catalog()
            .and_then(|c| c.get(b"Lang"))
            .and_then(lopdf::Object::as_str)
            .expect("Lang");
        assert_eq!(lang, declared.as_bytes(), "{query}");
    }
}

/// A colleague invited to a team reads the invitation in their browser's
/// language, can switch it, and the questionnaire it starts speaks it.
#[actix_web::test]
async fn a_colleague_reads_a_team_invitation_in_their_language() {
    let app = common::spawn_app().await;
    let starter = app.client();
    let report = common::fill_and_submit(&app, &starter, &common::example("strong-company")).await;
    let links = common::teams::start_team(&app, &starter, &report).await;
    let colleague = app.client();
    let html = page(&app, &colleague, &links.invite, "fr-FR,fr;q=0.9").await;
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("Rejoignez le benchmark commercial"), "{html}");
    for english in [
        "Join your team",
        "Start the questionnaire",
        "What happens to your answers",
        "Show my name",
        "Skip to content",
    ] {
        assert!(
            !html.contains(english),
            "{english} on the French invitation"
        );
    }
    let html = page(&app, &colleague, &format!("{}?lang=de", links.invite), "fr").await;
    assert!(html.contains("<html lang=\"de\">") && html.contains("Fragebogen starten"));
    let resp = colleague
        .post(app.url(&format!("{}?lang=de", links.invite)))
        .form(&[("csrf_token", csrf_token(&html).as_str())])
        .send()
        .await
        .expect("join");
    assert_eq!(resp.status(), 303);
    let first = page(&app, &colleague, &location(&resp), "fr").await;
    assert!(
        first.contains("<html lang=\"de\">"),
        "the questionnaire in German"
    );
}

/// An error page speaks its reader's language: a link that leads nowhere, a
/// form sent without its token, in the console too; the API stays in English.
#[actix_web::test]
async fn an_error_page_speaks_its_reader_s_language() {
    let app = common::spawn_app().await;
    let client = app.client();
    let get = |path: &'static str, accept: &'static str| {
        let client = client.clone();
        let url = app.url(path);
        async move {
            let resp = client
                .get(url)
                .header("accept-language", accept)
                .send()
                .await
                .expect("get");
            (resp.status().as_u16(), resp.text().await.expect("body"))
        }
    };
    let (status, page) = get("/r/00000000-0000-4000-8000-000000000000", "de-DE").await;
    assert_eq!(status, 404);
    assert!(page.contains("<html lang=\"de\">") && page.contains("Diese Seite gibt es nicht"));
    assert!(!page.contains("does not exist") && !page.contains("Go to the start page"));
    let (status, page) = get("/no-such-page", "fr-FR,fr;q=0.9").await;
    assert_eq!(status, 404);
    assert!(page.contains("Cette page n’existe pas"), "{page}");
    let (_, page) = get("/no-such-page?lang=es", "de").await;
    assert!(
        page.contains("<html lang=\"es\">"),
        "a link's language first"
    );
    let (status, page) = get("/admin/no-such-page", "de").await;
    assert_eq!(status, 404);
    assert!(
        page.contains("Diese Seite gibt es nicht"),
        "the console's too"
    );
    let (status, body) = get("/api/v2/no-such-thing", "de").await;
    assert_eq!(status, 404);
    assert!(body.contains("not found"), "{body}");

    let resp = client
        .post(app.url("/s"))
        .header("accept-language", "es-ES")
        .form(&[("csrf_token", "forged")])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 403);
    let page = resp.text().await.expect("body");
    assert!(page.contains("Este formulario ha caducado"), "{page}");

    // Refused before any page is read: a method the page does not take (its
    // Allow kept), an address or headers over the bounds.
    let resp = client
        .put(app.url("/"))
        .header("accept-language", "de")
        .send()
        .await
        .expect("put");
    assert_eq!(resp.status(), 405);
    assert_eq!(
        resp.headers().get("allow").and_then(|v| v.to_str().ok()),
        Some("GET, HEAD")
    );
    let page = resp.text().await.expect("body");
    assert!(page.contains("<html lang=\"de\">"), "{page}");
    assert!(!page.contains("cannot be used that way"), "{page}");
    let long = format!("/r/{}?lang=fr", "a".repeat(9 * 1024));
    let resp = client.get(app.url(&long)).send().await.expect("get");
    assert_eq!(resp.status(), 414);
    let page = resp.text().await.expect("body");
    assert!(page.contains("<html lang=\"fr\">"), "{page}");
    assert!(page.contains("8 Ko au plus"), "{page}");
    let resp = client
        .get(app.url("/"))
        .header("accept-language", "es")
        .header("x-big", "a".repeat(9 * 1024))
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), 431);
    let page = resp.text().await.expect("body");
    assert!(page.contains("<html lang=\"es\">"), "{page}");
    assert!(!page.contains("headers are too large"), "{page}");
}

/// The console compares responses by the language they were answered in, and
/// exports only those of one language when asked.
#[actix_web::test]
async fn the_console_compares_and_exports_by_language() {
    let app = common::spawn_app().await;
    let q = common::study();
    let client = app.client();
    for seed in 0..13u64 {
        let answers = dealbench::domain::synthetic::respondent(&q, 500 + seed)
            .without_contact(&q)
            .to_json(&q);
        let language = if seed < 10 { "de" } else { "fr" };
        let resp = app
            .submit(&client, &answers)
            .header("content-language", language)
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status(), 201, "{:?}", resp.text().await);
    }
    common::add_operator(&app, "ops").await;
    let operator = app.client();
    let login = page(&app, &operator, "/admin/login", "en").await;
    let resp = operator
        .post(app.url("/admin/login"))
        .form(&[
            ("csrf_token", csrf_token(&login).as_str()),
            ("name", "ops"),
            ("password", common::PASSWORD),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(resp.status(), 303);
    let html = page(
        &app,
        &operator,
        "/admin/compare?groups=2&g1_language=de&g2_language=fr",
        "en",
    )
    .await;
    assert!(
        html.contains("answered in Deutsch"),
        "the group says its language"
    );
    assert!(html.contains("<option value=\"de\" selected>Deutsch</option>"));
    let sizes: Vec<&str> = html
        .split("<td>")
        .skip(1)
        .step_by(2)
        .take(2)
        .map(|cell| cell.split("</td>").next().unwrap_or(""))
        .collect();
    assert_eq!(sizes, vec!["10", "fewer than 10 responses"], "{sizes:?}");
    let csv = page(
        &app,
        &operator,
        "/admin/export/scores.csv?language=de",
        "en",
    )
    .await;
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let column = header
        .iter()
        .position(|c| *c == "language")
        .expect("a language column");
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 10);
    assert!(rows.iter().all(|r| r[column] == "de"));
}
