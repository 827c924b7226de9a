//! Questionnaire versions, for real: the server serves the newest version of the
//! study found in the questionnaire's folder; every stored response is decoded,
//! scored and reported with the version it was answered against. Publishing
//! version 2 (one item retired, one new) leaves every version-1 report exactly
//! as it read before; a version-2 response is reported with version 2.

mod common;

use common::teams::fill_pages;
use common::{TestApp, example, fill_and_submit, get_page, spawn_app_on, start};
use dealbench::domain::Questionnaire;

const RETIRED: &str = "leadership_seeks_sales_input";
const NEW: &str = "sales_joins_planning";

/// Writes version 2 of the shipped study into `dir`, beside version 1.
fn publish_version_2(dir: &std::path::Path) -> std::path::PathBuf {
    let v1 = std::fs::read_to_string(dir.join("dealbench-v1.toml")).expect("version 1");
    let mut v2 = v1.replacen("version = 1\n", "version = 2\n", 1);
    let retired = format!("id = \"{RETIRED}\"");
    assert!(v2.contains(&retired), "version 1 asks the retired question");
    v2 = v2.replacen(&retired, &format!("id = \"{NEW}\""), 1);
    let file = dir.join("dealbench-v2.toml");
    std::fs::write(&file, v2).expect("write version 2");
    file
}

/// The report page and the PDF's text of a report path.
async fn read_report(app: &TestApp, path: &str) -> (String, Vec<u8>) {
    let client = app.client();
    let html = get_page(app, &client, path).await;
    let pdf = client
        .get(app.url(&format!("{path}.pdf")))
        .send()
        .await
        .expect("pdf");
    assert_eq!(pdf.status(), 200);
    (html, pdf.bytes().await.expect("body").to_vec())
}

#[actix_web::test]
async fn version_1_reports_read_as_before_once_version_2_is_published() {
    let folder = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        common::manifest_path(common::STUDY),
        folder.path().join("dealbench-v1.toml"),
    )
    .expect("copy version 1");
    let v1_file = folder.path().join("dealbench-v1.toml");
    let db = common::TestDatabase::new();

    let v1 = spawn_app_on(v1_file.to_str().expect("UTF-8"), &db).await;
    let client = v1.client();
    let mut before = Vec::new();
    for name in ["weak-company", "strong-company"] {
        let path = fill_and_submit(&v1, &client, &example(name)).await;
        let (html, pdf) = read_report(&v1, &path).await;
        // Absolute links name the server's own address, which differs per start.
        let html = html.replace(&v1.address, "");
        assert!(html.contains(&format!("id=\"item-{RETIRED}\"")));
        before.push((path, html, pdf));
    }

    // Version 2 is published beside version 1; the server restarts on the folder.
    publish_version_2(folder.path());
    let v2 = spawn_app_on(v1_file.to_str().expect("UTF-8"), &db).await;
    assert_eq!(
        v2.study.questionnaire.version, 2,
        "the newest version is served"
    );
    for (path, html, pdf) in &before {
        let (html_after, pdf_after) = read_report(&v2, path).await;
        let html_after = html_after.replace(&v2.address, "");
        assert_eq!(&html_after, html, "{path}: the page changed");
        if let (Some(a), Some(b)) = (common::pdf_text(pdf), common::pdf_text(&pdf_after)) {
            assert_eq!(a, b, "{path}: the PDF changed");
        }
    }

    // A new respondent answers version 2, and is reported with it.
    let q2 = Questionnaire::load(&folder.path().join("dealbench-v2.toml")).expect("v2");
    let client = v2.client();
    let first = start(&v2, &client).await;
    let mut answers = example("strong-company");
    answers[NEW] = "strongly_agree".into();
    let path = fill_pages(&v2, &client, &q2, &first, &answers).await;
    let id = path.trim_start_matches("/r/").to_string();
    let stored = v2.stored(&id).await.expect("stored");
    assert_eq!(stored.questionnaire_version, 2);
    assert_eq!(stored.answers[NEW], "strongly_agree");
    let (html, _) = read_report(&v2, &path).await;
    assert!(
        html.contains(&format!("id=\"item-{NEW}\"")),
        "the new item is shown"
    );
    assert!(
        !html.contains(&format!("id=\"item-{RETIRED}\"")),
        "the retired one is not"
    );

    // A version that has responses may not disappear from the folder.
    std::fs::remove_file(&v1_file).expect("remove version 1");
    let catalogue =
        dealbench::domain::Catalogue::load_for(&folder.path().join("dealbench-v2.toml"))
            .expect("catalogue");
    let err = match dealbench::study::Study::open_catalogue(
        catalogue,
        db.database.clone(),
        &dealbench::study::records::StoreOptions::default(),
    )
    .await
    {
        Ok(_) => panic!("started without version 1"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("version 1 of questionnaire `dealbench`")
            && err.contains("not in the questionnaire folder"),
        "{err}"
    );
}
