//! The console as a new operator meets it: the banner of a study holding only
//! synthetic responses and the one choice that counts them everywhere, figures
//! that leave synthetic responses out unless asked, the Exports page, the
//! questionnaire review and the preview of a persona's report.

mod common;

use common::{PASSWORD, TestApp, add_operator, csrf_token, example, get_page, location};

async fn signed_in(app: &TestApp) -> reqwest::Client {
    add_operator(app, "ops").await;
    let client = app.client();
    let page = get_page(app, &client, "/admin/login").await;
    let resp = client
        .post(app.url("/admin/login"))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("name", "ops"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(resp.status(), 303);
    client
}

async fn choose_synthetic(
    app: &TestApp,
    client: &reqwest::Client,
    include: &str,
    back: &str,
) -> String {
    let page = get_page(app, client, "/admin").await;
    let resp = client
        .post(app.url("/admin/synthetic"))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("include", include),
            ("back", back),
        ])
        .send()
        .await
        .expect("choose");
    assert_eq!(resp.status(), 303);
    location(&resp)
}

const CONSOLE_PAGES: [&str; 7] = [
    "/admin",
    "/admin/compare",
    "/admin/exports",
    "/admin/teams",
    "/admin/held",
    "/admin/responses",
    "/admin/questionnaire",
];

#[actix_web::test]
async fn a_study_of_only_synthetic_responses_says_so_on_every_page_and_one_choice_counts_them() {
    let app = common::spawn_app_with(30).await;
    let client = signed_in(&app).await;
    for path in CONSOLE_PAGES {
        let html = get_page(&app, &client, path).await;
        assert!(
            html.contains("This study holds only synthetic responses"),
            "{path}"
        );
        assert!(html.contains("Include synthetic responses in every figure"));
    }
    let compare = get_page(&app, &client, "/admin/compare").await;
    assert!(compare.contains("fewer than 10 responses"));

    // One choice, made on the comparison, brings the operator back there.
    let back = choose_synthetic(&app, &client, "on", "/admin/compare?groups=2").await;
    assert_eq!(back, "/admin/compare?groups=2");
    let compare = get_page(&app, &client, &back).await;
    assert!(
        !compare.contains("fewer than 10 responses"),
        "Everyone now shows figures"
    );
    assert!(compare.contains("<td>30</td>"), "both groups count all 30");
    // Kept across pages, with the way back out on each.
    for path in CONSOLE_PAGES {
        let html = get_page(&app, &client, path).await;
        assert!(html.contains("Synthetic responses are counted"), "{path}");
        assert!(html.contains("Leave synthetic responses out"), "{path}");
    }
    let exports = get_page(&app, &client, "/admin/exports").await;
    assert!(exports.contains("/admin/export/scores.csv?synthetic=on"));

    // Leaving them out again; a return address off the console is not followed.
    let back = choose_synthetic(&app, &client, "off", "//evil.example/admin").await;
    assert_eq!(back, "/admin");
    let compare = get_page(&app, &client, "/admin/compare").await;
    assert!(compare.contains("fewer than 10 responses"));
}

#[actix_web::test]
async fn once_a_real_response_arrives_the_banner_goes_and_the_repeat_rate_counts_only_real_ones() {
    let app = common::spawn_app_with(30).await;
    let resp = app
        .submit(&reqwest::Client::new(), &example("strong-company"))
        .send()
        .await
        .expect("submit");
    assert_eq!(resp.status(), 201);
    let client = signed_in(&app).await;
    let home = get_page(&app, &client, "/admin").await;
    assert!(!home.contains("This study holds only synthetic responses"));
    let teams = get_page(&app, &client, "/admin/teams").await;
    // One first assessment (the real one), not 31.
    assert!(
        teams.contains("first assessments (1; synthetic responses are never counted)"),
        "{teams}"
    );
    assert!(
        teams.contains("<dd id=\"repeat-rate\">0.0%</dd>"),
        "{teams}"
    );
}

#[actix_web::test]
async fn the_exports_page_explains_the_files_refuses_small_groups_and_links_the_csv() {
    let app = common::spawn_app_with(30).await;
    let client = signed_in(&app).await;
    let page = get_page(&app, &client, "/admin/exports").await;
    assert!(page.contains("Not exported: this group holds 0 responses, fewer than 10"));
    assert!(!page.contains("href=\"/admin/export/scores.csv"));
    // Every column of each file is named, and what is never exported said.
    for column in [
        "pseudonym",
        "submitted_at",
        "overall",
        "win_rate",
        "team",
        "wave",
    ] {
        assert!(page.contains(&format!("<code>{column}</code>")), "{column}");
    }
    assert!(page.contains("<code>close_ratio_satisfactory</code>"));
    assert!(page.contains("email addresses"));
    // Amounts in the reference currency, and which column says the
    // respondent's own.
    assert!(page.contains(
        "Amounts are in the study's reference currency (US dollars (USD)), whatever currency the respondent gave them in; that one is the <code>currency</code> column"
    ), "{page}");

    let page = get_page(&app, &client, "/admin/exports?synthetic=on").await;
    assert!(
        page.contains("Everyone, with synthetic: 30 responses"),
        "{page}"
    );
    assert!(page.contains("href=\"/admin/export/answers.csv?synthetic=on\""));
    let csv = get_page(&app, &client, "/admin/export/scores.csv?synthetic=on").await;
    assert_eq!(csv.lines().count(), 31, "a header and the 30 rows");
    // A date that is not one is refused as in comparisons.
    let resp = client
        .get(app.url("/admin/exports?from=2026-02-30"))
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), 400);
}

/// Pastes `answers` into the questionnaire page's preview form (`page` gives
/// its token): the status and the page.
async fn preview_pasted(
    app: &TestApp,
    client: &reqwest::Client,
    page: &str,
    answers: &str,
) -> (u16, String) {
    let resp = client
        .post(app.url("/admin/questionnaire/preview"))
        .form(&[
            ("csrf_token", csrf_token(page).as_str()),
            ("file", ""),
            ("answers", answers),
        ])
        .send()
        .await
        .expect("preview");
    (resp.status().as_u16(), resp.text().await.expect("body"))
}

/// Text as the templates write it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[actix_web::test]
async fn the_questionnaire_reads_as_a_reviewer_needs_and_a_persona_previews_without_storing() {
    let app = common::spawn_app_with(30).await;
    let client = signed_in(&app).await;
    let q = &app.study.questionnaire;
    let page = get_page(&app, &client, "/admin/questionnaire").await;
    let key = q.items.iter().find(|i| i.key_area).expect("a key area");
    let headlines = key.headlines.as_ref().expect("headlines");
    let commentary = key.commentary.as_ref().expect("commentary");
    for text in [
        &headlines.keep,
        &headlines.change,
        &headlines.stop,
        &commentary.strong,
        &commentary.middling,
        &commentary.weak,
    ] {
        assert!(page.contains(&escaped(text)), "missing: {text}");
    }
    assert!(page.contains("key area"));
    assert!(
        page.contains("Win Rate (weight"),
        "the sub-indices fed, weighted"
    );
    let tension = q.tensions.first().expect("a tension");
    assert!(page.contains(&escaped(&tension.title)));
    for band in q.company_categories.all() {
        assert!(page.contains(&band.name), "{}", band.name);
    }
    assert!(page.contains("Smallest peer group shown (K)"));
    assert!(page.contains("questionnaire built into Dealbench"));

    let before = app.response_count().await;
    let report = get_page(
        &app,
        &client,
        "/admin/questionnaire/preview?example=strong-company",
    )
    .await;
    assert!(report.contains("<title>Preview: "));
    assert!(report.contains("Nothing is stored"));
    assert!(
        report.contains(
            "href=\"/admin/questionnaire/preview?example=strong-company&amp;file=&amp;report_lang=de\""
        ),
        "the preview can be read in each language of the questionnaire"
    );
    assert!(report.contains("Top performer"));
    assert!(!report.contains("/r/preview.pdf"), "no PDF of a preview");
    assert!(!report.contains("id=\"team-assessment\""));
    assert_eq!(app.response_count().await, before, "nothing stored");

    // An answers file pasted: fine ones preview, wrong ones are named.
    let answers = example("weak-company").to_string();
    let (status, body) = preview_pasted(&app, &client, &page, &answers).await;
    assert_eq!(status, 200);
    assert!(body.contains("Preview"));
    let (status, body) = preview_pasted(&app, &client, &page, r#"{"industry": "farming"}"#).await;
    assert_eq!(status, 400);
    assert!(
        body.contains("These answers do not fit dealbench version"),
        "{body}"
    );
    assert!(body.contains("industry"), "{body}");
    let resp = client
        .get(app.url("/admin/questionnaire/preview?example=nobody"))
        .send()
        .await
        .expect("preview");
    assert_eq!(resp.status(), 400);
    let resp = client
        .get(app.url("/admin/questionnaire?file=../../etc/passwd"))
        .send()
        .await
        .expect("file");
    assert_eq!(resp.status(), 404, "only files of the folder");
    assert_eq!(app.response_count().await, before, "nothing stored");
}

#[actix_web::test]
async fn a_number_field_announces_its_unit_and_every_field_its_help() {
    let app = common::spawn_app_with(0).await;
    let client = app.client();
    let landing = get_page(&app, &client, "/").await;
    let resp = client
        .post(app.url("/s"))
        .form(&[("csrf_token", csrf_token(&landing))])
        .send()
        .await
        .expect("start");
    let first = location(&resp);
    let draft = first.trim_end_matches("/1");
    let mut found = false;
    for page in 1..=app.study.questionnaire.sections.len() {
        let html = get_page(&app, &client, &format!("{draft}/{page}")).await;
        // Every help paragraph is named by the fields it explains.
        for (at, _) in html.match_indices("class=\"help\" id=\"") {
            let id: String = html[at + 17..].chars().take_while(|c| *c != '"').collect();
            assert!(
                html.contains(&format!("aria-describedby=\"{id}"))
                    || html.contains(&format!(" {id}\"")),
                "page {page}: help {id} is tied to no field"
            );
        }
        let Some(at) = html.find("name=\"sales_cycle_days\"") else {
            continue;
        };
        found = true;
        let tag_end = at + html[at..].find('>').expect("the input's end");
        let tag_start = html[..at].rfind('<').expect("the input's start");
        let input = &html[tag_start..tag_end];
        let described = input
            .split("aria-describedby=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the field is described");
        let unit = described
            .split(' ')
            .find(|id| id.ends_with("-unit"))
            .expect("the unit among its descriptions");
        assert!(
            html.contains(&format!("<span class=\"unit\" id=\"{unit}\">days</span>")),
            "{input}"
        );
    }
    assert!(found, "no page asks for the sales cycle");
}

#[actix_web::test]
async fn every_version_file_of_the_folder_is_reviewed_as_it_reads_now_with_its_problems() {
    let dir = tempfile::tempdir().expect("dir");
    dealbench::study::questionnaires::write_copy(dir.path()).expect("copy");
    let v1 = dir.path().join("dealbench-v1.toml");
    let text = std::fs::read_to_string(&v1).expect("read");
    let app = common::spawn_app_set_up(common::Setup {
        synthetic: 12,
        questionnaire: Some(v1.clone()),
        ..common::Setup::default()
    })
    .await;
    let client = signed_in(&app).await;
    // Edited after start: a second version, and a broken draft beside it.
    std::fs::write(
        dir.path().join("dealbench-v2.toml"),
        text.replacen("version = 1\n", "version = 2\n", 1).replacen(
            "name = \"Dealbench Sales Benchmark\"",
            "name = \"Dealbench, second edition\"",
            1,
        ),
    )
    .expect("v2");
    std::fs::write(
        dir.path().join("draft.toml"),
        text.replacen("version = 1\n", "version = 3\nminutes = \"soon\"\n", 1),
    )
    .expect("draft");
    let page = get_page(&app, &client, "/admin/questionnaire").await;
    assert!(page.contains(&v1.display().to_string()), "names its file");
    assert!(page.contains("dealbench-v2.toml: dealbench version 2, as the file reads now"));
    assert!(page.contains("draft.toml: does not pass the check"));
    assert!(
        page.contains("class=\"problems\""),
        "the check's problems listed"
    );

    let second = get_page(&app, &client, "/admin/questionnaire?file=dealbench-v2.toml").await;
    assert!(second.contains("Dealbench, second edition (dealbench version 2)"));
    assert!(second.contains("example=strong-company&amp;file=dealbench-v2.toml"));
    let preview = get_page(
        &app,
        &client,
        "/admin/questionnaire/preview?example=strong-company&file=dealbench-v2.toml",
    )
    .await;
    assert!(preview.contains("against dealbench version 2"));
    let broken = get_page(&app, &client, "/admin/questionnaire?file=draft.toml").await;
    assert!(broken.contains("does not pass the check: its problems are listed above"));
    let resp = client
        .get(app.url("/admin/questionnaire/preview?example=strong-company&file=draft.toml"))
        .send()
        .await
        .expect("preview");
    assert_eq!(
        resp.status(),
        400,
        "no report from a file that fails the check"
    );
}

/// The plain (variable-free) messages of a Fluent file, by id.
fn plain_messages(text: &str) -> std::collections::BTreeMap<String, String> {
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" = "))
        .filter(|(_, v)| !v.contains('{') && !v.trim().is_empty())
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// An operator who chose German reads every console page in German: not one
/// of the console's English sentences is left on them, and the choice is kept
/// from page to page.
#[actix_web::test]
async fn the_console_speaks_the_language_its_operator_chose() {
    let app = common::spawn_app().await;
    let client = signed_in(&app).await;
    let read = |lang: &str| {
        std::fs::read_to_string(common::manifest_path(&format!(
            "assets/locales/{lang}/console.ftl"
        )))
        .expect("console messages")
    };
    let (english, german) = (plain_messages(&read("en")), plain_messages(&read("de")));
    let first = get_page(&app, &client, "/admin?lang=de").await;
    assert!(first.contains("<html lang=\"de\">"));
    for path in [
        "/admin",
        "/admin/compare",
        "/admin/exports",
        "/admin/teams",
        "/admin/held",
        "/admin/responses",
        "/admin/questionnaire",
    ] {
        let page = get_page(&app, &client, path).await;
        assert!(page.contains("<html lang=\"de\">"), "{path} keeps German");
        for (id, text) in &english {
            let escaped = text.replace('&', "&amp;").replace('\'', "&#39;");
            if text.len() > 12 && german.get(id) != Some(text) {
                assert!(
                    !page.contains(&escaped),
                    "{path} still says {text:?} ({id}) in English"
                );
            }
        }
    }
    // The questionnaire is reviewed in German, and a persona's report is
    // previewed in German, with a switch to the other languages that leaves
    // the console in German.
    let german = app
        .study
        .questionnaire
        .in_language(dealbench::domain::language::Language::German);
    let review = get_page(&app, &client, "/admin/questionnaire").await;
    for item in german.items.iter().filter(|i| i.key_area) {
        assert!(review.contains(&escaped(&item.text)), "{}", item.text);
    }
    let preview = get_page(
        &app,
        &client,
        "/admin/questionnaire/preview?example=strong-company",
    )
    .await;
    assert!(preview.contains("<html lang=\"de\">"));
    assert!(preview.contains("<title>Vorschau: "), "{preview:.600}");
    assert!(preview.contains("Nichts wird gespeichert"));
    assert!(preview.contains("Zurück zum Fragebogen"));
    let french = get_page(
        &app,
        &client,
        "/admin/questionnaire/preview?example=strong-company&file=&report_lang=fr",
    )
    .await;
    assert!(french.contains("<html lang=\"fr\">"));
    assert!(french.contains("Rien n’est enregistré"));
    let console = get_page(&app, &client, "/admin").await;
    assert!(console.contains("<html lang=\"de\">"), "still German");

    // What the console refuses, it says in German too.
    for (path, says) in [
        (
            "/admin/compare?from=31/03/2026",
            "Das Datum „31/03/2026“ unter „Eingegangen ab“ ist kein Datum",
        ),
        (
            "/admin/compare?g2_to=morgen",
            "Das Datum „morgen“ unter „Eingegangen bis“ in Gruppe 2 ist kein Datum",
        ),
        (
            "/admin/exports?to=2026-02-30",
            "Das Datum „2026-02-30“ unter „Eingegangen bis“ ist kein Datum",
        ),
    ] {
        let resp = client.get(app.url(path)).send().await.expect("get");
        assert_eq!(resp.status(), 400, "{path}");
        let page = resp.text().await.expect("body");
        assert!(page.contains("<html lang=\"de\">"), "{page}");
        assert!(page.contains(says), "{path}: {page}");
        assert!(
            page.contains("<a href=\"/admin\">Zur Konsole</a>"),
            "an operator's way back is the console: {page}"
        );
    }
    let (status, page) = preview_pasted(&app, &client, &review, r#"{"industry": "farming"}"#).await;
    assert_eq!(status, 400);
    assert!(
        page.contains("Diese Antworten passen nicht zu dealbench, Version"),
        "{page}"
    );
    assert!(
        page.contains("industry: das ist keine der angebotenen Antworten (wählen Sie eine von: "),
        "each problem in German: {page}"
    );
    assert!(page.contains("bitte beantworten Sie diese Frage"), "{page}");
    for (answers, says) in [
        ("{kaputt", "Sehen Sie sich Zeile 1, Spalte 2 an"),
        ("[1, 2]", "die Antworten müssen ein JSON-Objekt"),
        (
            "   ",
            "Fügen Sie zuerst eine Antwortdatei (JSON) in das Feld ein",
        ),
        (
            r#"{"no_such_question": 1}"#,
            "no_such_question: diese Frage gibt es",
        ),
    ] {
        let (status, page) = preview_pasted(&app, &client, &review, answers).await;
        assert_eq!(status, 400, "{answers}");
        assert!(page.contains(says), "{answers}: {page}");
    }
    let resp = client
        .get(app.url("/admin/questionnaire/preview?example=nobody"))
        .send()
        .await
        .expect("preview");
    assert_eq!(resp.status(), 400);
    let page = resp.text().await.expect("body");
    assert!(
        page.contains("Es gibt kein Beispiel namens „nobody“"),
        "{page}"
    );

    // The API and the exports stay in English: data for scripts.
    let csv = client
        .get(app.url("/admin/export/scores.csv"))
        .send()
        .await
        .expect("export");
    assert_eq!(csv.status(), 200);
}
