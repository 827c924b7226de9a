//! Team journeys shared by the team, email and browser tests: joining through an
//! invitation, answering as a colleague, reading links off the team pages.

use super::{TestApp, csrf_token, example, get_page, location, page_fields, post_page, study};

/// Answers every page of a questionnaire of the shipped study started at
/// `first` and submits; returns the report path.
pub async fn fill_from(
    app: &TestApp,
    client: &reqwest::Client,
    first: &str,
    answers: &serde_json::Value,
) -> String {
    fill_pages(app, client, &study(), first, answers).await
}

/// Answers every page of `q` from `first` and submits; returns the report path.
pub async fn fill_pages(
    app: &TestApp,
    client: &reqwest::Client,
    q: &dealbench::domain::Questionnaire,
    first: &str,
    answers: &serde_json::Value,
) -> String {
    let mut path = first.to_string();
    for page in 1..=q.sections.len() {
        let html = get_page(app, client, &path).await;
        let action = if page == q.sections.len() {
            "submit"
        } else {
            "next"
        };
        let resp = post_page(
            app,
            client,
            &path,
            &csrf_token(&html),
            &page_fields(q, answers, page),
            action,
        )
        .await;
        assert_eq!(resp.status(), 303, "page {page}");
        path = location(&resp);
    }
    assert!(path.starts_with("/r/"), "{path}");
    path
}

/// The answers of an example as a colleague in `role` would give them, with a
/// company profile that differs from the team's (the team's must win).
pub fn colleague(base: &str, role: &str, name: &str) -> serde_json::Value {
    let mut a = example(base);
    a["role"] = role.into();
    a["industry"] = "healthcare".into();
    a["company_size"] = "over_5000".into();
    a["contact_name"] = name.into();
    a["contact_email"] = format!("{}@example.com", name.to_lowercase().replace(' ', ".")).into();
    a["contact_company"] = "Colleague Co".into();
    a
}

/// Joins a team through its invitation and answers; returns the report path.
pub async fn join(
    app: &TestApp,
    invite: &str,
    answers: &serde_json::Value,
    show_name: bool,
) -> String {
    let client = app.client();
    let html = get_page(app, &client, invite).await;
    assert!(html.contains("Join your team"));
    let token = csrf_token(&html);
    let mut form = vec![("csrf_token", token.as_str())];
    if show_name {
        form.push(("show_name", "on"));
    }
    let resp = client
        .post(app.url(invite))
        .form(&form)
        .send()
        .await
        .expect("join");
    assert_eq!(resp.status(), 303);
    let first = location(&resp);
    assert!(first.ends_with("/1"), "{first}");
    fill_from(app, &client, &first, answers).await
}

pub fn link_in(html: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\" href=\"");
    let start = html.find(&marker).expect("link") + marker.len();
    let end = html[start..].find('"').expect("end") + start;
    html[start..end].to_string()
}

pub fn path_of(url: &str) -> String {
    let rest = url.split("://").nth(1).expect("absolute");
    rest[rest.find('/').expect("path")..].to_string()
}

pub fn uuid_v4(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok_and(|u| u.get_version_num() == 4)
}

/// The private links of a team started from a report.
pub struct TeamLinks {
    pub invite: String,
    pub team_report: String,
}

/// Starts a team from the report at `report` (its page's form, with its token)
/// and reads the invitation and team report links off the team page.
pub async fn start_team(app: &TestApp, starter: &reqwest::Client, report: &str) -> TeamLinks {
    let offer = get_page(app, starter, &format!("{report}/team")).await;
    let resp = starter
        .post(app.url(&format!("{report}/team")))
        .form(&[("csrf_token", csrf_token(&offer))])
        .send()
        .await
        .expect("start team");
    assert_eq!(resp.status(), 303, "starting a team");
    let links = get_page(app, starter, &format!("{report}/team")).await;
    TeamLinks {
        invite: path_of(&link_in(&links, "invite-link")),
        team_report: path_of(&link_in(&links, "team-report-link")),
    }
}

/// Accepts a held response as an operator does under "Held for review": from
/// then on it counts in its team's figures. (Every response these tests submit
/// is held: it is finished faster than a person could.)
pub async fn accept(app: &TestApp, report: &str) {
    let id = dealbench::domain::ids::LinkId::parse(report.trim_start_matches("/r/"))
        .expect("a report link");
    assert!(
        app.study.accept_held(&id).await.expect("accept"),
        "{report} was held"
    );
}

/// Joins a team, answers, and is accepted by an operator: a member who counts.
pub async fn join_counted(
    app: &TestApp,
    invite: &str,
    answers: &serde_json::Value,
    show_name: bool,
) -> String {
    let report = join(app, invite, answers, show_name).await;
    accept(app, &report).await;
    report
}
