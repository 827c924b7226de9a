//! Assessing again over HTTP, across a questionnaire version change: the new
//! response starts from the earlier answers, and its report shows what moved,
//! like for like, naming what is new; three assessments draw a trend.
//!
//! The rule across versions: the server runs one questionnaire version; an
//! earlier response keeps its stored scores and is read against the running
//! version, item by item. Items of both versions (same id, an option still
//! offered) are compared; the others are named new or counted as retired.

mod common;

use common::teams::fill_pages;
use common::{
    TestApp, csrf_token, example, fill_and_submit, get_page, location, manifest_path, spawn_app_on,
};
use dealbench::domain::Questionnaire;

/// Starts assessing `report` again; returns the first page's path.
async fn assess_again(app: &TestApp, client: &reqwest::Client, report: &str) -> String {
    let html = get_page(app, client, report).await;
    assert!(html.contains(&format!("href=\"{report}/again?lang=en\"")));
    let page = get_page(app, client, &format!("{report}/again")).await;
    let forged = client
        .post(app.url(&format!("{report}/again")))
        .form(&[("csrf_token", "f".repeat(64))])
        .send()
        .await
        .expect("post");
    assert_eq!(forged.status(), 403);
    let resp = client
        .post(app.url(&format!("{report}/again")))
        .form(&[("csrf_token", csrf_token(&page))])
        .send()
        .await
        .expect("again");
    assert_eq!(resp.status(), 303);
    location(&resp)
}

/// The words of a PDF as `pdftotext` reads them, on one line with single spaces;
/// `None` (the check is skipped) without poppler, except under CI.
fn pdf_text(pdf: &[u8]) -> Option<String> {
    let text = common::pdf_text(pdf)?;
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Version 2 of the study, published from the shipped version 1 the way a study
/// team would: one item retired (`leadership_seeks_sales_input`) and one new
/// (`sales_joins_planning`) in its place, everything else unchanged.
fn publish_version_2(dir: &std::path::Path) -> std::path::PathBuf {
    let v1 = std::fs::read_to_string(manifest_path(common::STUDY)).expect("version 1");
    let mut v2 = v1.clone();
    for (from, to) in [
        ("version = 1\n", "version = 2\n"),
        (
            "id = \"leadership_seeks_sales_input\"",
            "id = \"sales_joins_planning\"",
        ),
    ] {
        assert!(v2.contains(from), "version 1 has {from}");
        v2 = v2.replacen(from, to, 1);
    }
    let retired_text = "Our leadership team actively seeks input from the sales organisation when it sets company strategy.";
    assert!(
        v2.contains(retired_text),
        "version 1 asks the retired question"
    );
    v2 = v2.replacen(
        retired_text,
        "Sales leaders take part in the company's annual planning from its first meeting.",
        1,
    );
    let file = dir.join("dealbench-v2.toml");
    std::fs::write(&file, v2).expect("write version 2");
    // Published beside version 1, whose responses are read with it.
    std::fs::write(dir.join("dealbench-v1.toml"), v1).expect("keep version 1");
    file
}

#[actix_web::test]
async fn assessing_again_across_a_version_change_shows_what_moved_like_for_like() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = common::TestDatabase::new();
    let v1 = spawn_app_on(common::STUDY, &db).await;
    let client = v1.client();
    let earlier = fill_and_submit(&v1, &client, &example("weak-company")).await;
    let earlier_id = earlier.trim_start_matches("/r/").to_string();

    // A year later the study runs version 2: one item retired, one new.
    let v2_file = publish_version_2(dir.path());
    let v2_path = v2_file.to_str().expect("a UTF-8 path").to_string();
    let v2 = spawn_app_on(&v2_path, &db).await;
    let q2 = Questionnaire::load(&v2_file).expect("v2");
    let client = v2.client();
    let first = assess_again(&v2, &client, &earlier).await;
    // It starts from the earlier answers: the profile page is filled in.
    let page = get_page(&v2, &client, &first).await;
    let weak = example("weak-company");
    let industry = weak["industry"].as_str().expect("industry");
    assert!(
        page.contains(&format!("value=\"{industry}\" checked")),
        "the earlier answers are prefilled"
    );
    let mut now = example("strong-company");
    now["sales_joins_planning"] = "strongly_agree".into();
    let later = fill_pages(&v2, &client, &q2, &first, &now).await;
    let later_id = later.trim_start_matches("/r/").to_string();

    let html = get_page(&v2, &client, &later).await;
    assert!(html.contains("Since last time"));
    let change = report_of(&v2, &later_id)
        .await
        .expect("later")
        .change
        .expect("a change since last time");
    assert!(!change.same_version);
    assert_eq!(change.retired_items, 1);
    let new_text = q2.item("sales_joins_planning").expect("new").text.clone();
    assert_eq!(change.new_items, vec![new_text.clone()]);
    assert!(html.contains(
        "The questionnaire changed in between: 1 new question is left out of the change, and 1 earlier question is no longer asked."
    ));
    let section = html
        .split("New this time")
        .nth(1)
        .expect("new items listed");
    assert!(
        section.contains("Sales leaders take part in the company"),
        "{section}"
    );
    // Changed items are only items of both versions.
    assert!(!change.items.is_empty());
    assert!(
        change
            .items
            .iter()
            .all(|i| i.id != "sales_joins_planning" && i.id != "leadership_seeks_sales_input")
    );
    let scored_both = q2.items.iter().filter(|i| i.is_scored()).count() - 1;
    assert_eq!(change.compared_items, scored_both);
    // Weak answers then strong ones: the company index went up, and the page
    // says so with the same figures.
    let overall = &change.indices[0];
    let up = overall.change.expect("comparable");
    assert!(up > 0.0);
    assert!(
        html.contains(&format!("up {} points", up.round())),
        "{html}"
    );
    // (Labels with characters the page escapes are left out of this check.)
    let plain = |s: &str| {
        s.chars()
            .all(|c| c.is_alphanumeric() || " ,.-%".contains(c))
    };
    let checked: Vec<_> = change
        .items
        .iter()
        .filter(|i| plain(&i.before) && plain(&i.after))
        .collect();
    assert!(!checked.is_empty());
    for item in checked {
        assert!(html.contains(&format!(": last time {}; now {}.", item.before, item.after)));
    }
    // The PDF says the same: the intro, every index's change and the new question.
    let said = change.said();
    let pdf = client
        .get(v2.url(&format!("{later}.pdf")))
        .send()
        .await
        .expect("pdf")
        .bytes()
        .await
        .expect("bytes");
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains("Since last time"), "{text}");
        assert!(text.contains(&said.intro), "{}", said.intro);
        // On paper the indices are a table: each row's cells in order.
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for [name, before, after, change] in &said.rows {
            let row = format!("{name} {before} {after} {change}");
            assert!(words.contains(&row), "{row}: {words}");
        }
        assert!(text.contains(&new_text));
    }
    // The earlier report is unchanged and offers no comparison.
    let before = get_page(&v2, &client, &earlier).await;
    assert!(!before.contains("Since last time"));
    assert!(
        !before.contains(&later_id),
        "no link from the earlier report to the later"
    );

    // A third assessment: the report draws the trend of all three.
    let first = assess_again(&v2, &client, &later).await;
    let mut third = example("average-company");
    third["sales_joins_planning"] = "agree".into();
    let third = fill_pages(&v2, &client, &q2, &first, &third).await;
    let html = get_page(&v2, &client, &third).await;
    assert!(html.contains("Your company index over time"));
    assert_eq!(
        html.matches("<circle").count(),
        3,
        "one point per assessment"
    );

    // Deleting the earlier response removes the link and the comparison.
    let gone = later_id.clone();
    assert!(v2.delete(&gone).await);
    let html = get_page(&v2, &client, &third).await;
    assert!(!html.contains("Since last time"));
    assert!(
        report_of(&v2, third.trim_start_matches("/r/"))
            .await
            .expect("third")
            .change
            .is_none()
    );
    assert!(report_of(&v2, &later_id).await.is_none());
    assert_eq!(
        v2.count(
            "SELECT COUNT(*) FROM response_links WHERE response_id = $1 OR previous_id = $1",
            &later_id,
        ),
        0,
        "no link is left behind"
    );
    assert!(v2.stored(&earlier_id).await.is_some());
}

/// A report by its id, with its change since the earlier assessment.
async fn report_of(app: &common::TestApp, id: &str) -> Option<dealbench::study::ResponseReport> {
    let id = dealbench::domain::ids::ResponseId::parse(id).expect("a report id");
    app.study.report(&id, None).await.expect("read")
}
