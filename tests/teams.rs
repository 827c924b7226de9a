//! Team assessments over HTTP: a respondent starts a team from their report,
//! colleagues in three roles join through the invitation, and the team report
//! shows figures only where enough people stand behind them, never one person's
//! answers, never a name that was not offered. Responses here are finished
//! faster than a person could and so are held; an operator accepts them before
//! they count (`join_counted`). What a planted member can learn is tested in
//! `team_privacy.rs`.

mod common;

use common::teams::{
    TeamLinks, accept, colleague, join_counted, link_in, path_of, start_team, uuid_v4,
};
use common::{csrf_token, example, fill_and_submit, get_page, spawn_app_with};

#[actix_web::test]
async fn a_team_of_three_roles_gets_figures_only_where_three_stand_behind_them() {
    let app = spawn_app_with(40).await;
    let starter = app.client();
    let report = fill_and_submit(&app, &starter, &example("strong-company")).await;
    accept(&app, &report).await;
    let report_id = report.trim_start_matches("/r/").to_string();

    // The report offers a team assessment; starting one needs the form's token.
    let html = get_page(&app, &starter, &report).await;
    assert!(html.contains(&format!("href=\"/r/{report_id}/team\"")));
    let offer = get_page(&app, &starter, &format!("{report}/team")).await;
    let forged = starter
        .post(app.url(&format!("{report}/team")))
        .form(&[("csrf_token", "0".repeat(64))])
        .send()
        .await
        .expect("post");
    assert_eq!(forged.status(), 403);
    let resp = starter
        .post(app.url(&format!("{report}/team")))
        .form(&[("csrf_token", csrf_token(&offer))])
        .send()
        .await
        .expect("start team");
    assert_eq!(resp.status(), 303);
    let links = get_page(&app, &starter, &format!("{report}/team")).await;
    let invite = path_of(&link_in(&links, "invite-link"));
    let team_report = path_of(&link_in(&links, "team-report-link"));
    let invite_id = invite.trim_start_matches("/join/").to_string();
    let team_id = team_report.trim_start_matches("/teams/").to_string();
    assert!(uuid_v4(&invite_id) && uuid_v4(&team_id));
    assert_ne!(invite_id, team_id);
    assert_ne!(team_id, report_id);

    // Five colleagues in three roles: two leaders, two reps, one manager.
    let mut members = Vec::new();
    members.push(
        join_counted(
            &app,
            &invite,
            &colleague("strong-company", "executive", "Alex Shown"),
            true,
        )
        .await,
    );
    members.push(
        join_counted(
            &app,
            &invite,
            &colleague("strong-company", "executive", "Sam Hidden"),
            false,
        )
        .await,
    );
    members.push(
        join_counted(
            &app,
            &invite,
            &colleague("weak-company", "rep", "Robin Rep"),
            false,
        )
        .await,
    );
    members.push(
        join_counted(
            &app,
            &invite,
            &colleague("weak-company", "rep", "Kim Rep"),
            false,
        )
        .await,
    );
    members.push(
        join_counted(
            &app,
            &invite,
            &colleague("average-company", "manager", "Max Manager"),
            false,
        )
        .await,
    );

    // Each colleague is placed with the team's company profile, not their own.
    let starter_stored = app.stored(&report_id).await.expect("starter");
    for m in &members {
        let stored = app
            .stored(m.trim_start_matches("/r/"))
            .await
            .expect("member");
        assert_eq!(
            stored.profile.get("industry"),
            starter_stored.profile.get("industry")
        );
        assert_eq!(
            stored.profile.get("company_size"),
            starter_stored.profile.get("company_size")
        );
    }

    let reader = app.client();
    let html = get_page(&app, &reader, &team_report).await;
    assert!(html.contains("Wave 1: 6 people answered"), "{html}");
    // The figures are those of the first five: three leaders and two reps; the
    // manager who answered sixth is in none of them yet.
    assert!(html.contains(
        "These figures are those of the first 5 people who answered. They change next when 8 have answered"
    ));
    assert!(html.contains("Team figures are rounded and blurred on purpose"));
    assert!(html.contains("Leaders: 3 answered"));
    assert!(html.contains("Reps: fewer than 3 answered, so no figure is shown"));
    assert!(html.contains("Managers: fewer than 3 answered, so no figure is shown"));
    assert!(
        html.contains("id=\"no-gap\""),
        "one role with figures is no gap"
    );
    // Five members: means, but no spread that could come close to one person's
    // score.
    assert!(html.contains("the spread is shown once 8 people have a score"));
    assert!(!html.contains("the lower half of the team averages"));
    // Names only where offered; no contact detail of anyone else.
    assert!(html.contains("Taking part: Alex Shown."));
    for hidden in [
        "Sam Hidden",
        "Jane Smith",
        "Robin Rep",
        "example.com",
        "Colleague Co",
    ] {
        assert!(!html.contains(hidden), "{hidden} is in the team report");
    }

    // A seventh colleague changes no figure; the eighth makes a new release of
    // eight, with four reps: the gap between leaders and reps shows, the
    // single manager still has no figure.
    members.push(
        join_counted(
            &app,
            &invite,
            &colleague("weak-company", "rep", "Lee Rep"),
            false,
        )
        .await,
    );
    let seventh = get_page(&app, &reader, &team_report).await;
    assert!(seventh.contains("Wave 1: 7 people answered"));
    let figures_of = |html: &str| {
        let from = html.find("id=\"team-h\"").expect("figures");
        let to = html.find("aria-labelledby=\"waves-h\"").expect("waves");
        html[from..to].to_string()
    };
    assert_eq!(figures_of(&seventh), figures_of(&html));
    members.push(
        join_counted(
            &app,
            &invite,
            &colleague("weak-company", "rep", "Jo Rep"),
            false,
        )
        .await,
    );
    let html = get_page(&app, &reader, &team_report).await;
    assert!(html.contains("These figures are those of the first 8 people"));
    assert!(html.contains("Reps: 4 answered"));
    assert!(html.contains("Managers: fewer than 3 answered"));
    assert!(!html.contains("id=\"no-gap\""));
    // The gaps are said once, with what the widest usually means and one step.
    // Every member's noise decides whether a gap between three leaders and
    // four reps stands out from the blur: either it does, and is read as a
    // finding; or it does not, and is read as a question to put to the team;
    // or the roles' blurred figures come out level, and no gap is named.
    if html.contains("Leaders score higher than reps on") {
        assert!(html.contains("the widest gap in your team. A gap this size usually means"));
    } else if html.contains("the widest gap in your team.") {
        assert!(
            html.contains("the widest gap in your team. With so few of each role"),
            "{html}"
        );
        assert!(html.contains("treat it as a question, not yet a finding"));
    } else {
        assert!(
            html.contains("the roles&#39; figures lie within")
                || html.contains("the roles' figures lie within"),
            "{html}"
        );
        assert!(!html.contains("points higher than reps"));
    }
    if html.contains("the widest gap in your team.") {
        assert_eq!(
            html.matches("points higher than reps").count(),
            1,
            "said once"
        );
        assert!(html.contains("Next step:"));
    }
    // Single questions need five of a role: not yet.
    assert!(html.contains(
        "The questions where the roles differ most appear once at least two roles each have 5 people"
    ));
    assert!(!html.contains("id=\"item-chart\""));
    let stored = team_of(&app, &team_id).await;
    let report_model = app.study.team_report(stored, None).await.expect("model");
    let managers = report_model
        .roles
        .iter()
        .position(|r| r.id == "managers")
        .expect("managers");
    assert!(
        report_model
            .index_gaps
            .iter()
            .all(|g| g.by_role[managers].is_none())
    );
    assert!(
        report_model
            .item_gaps
            .iter()
            .all(|g| g.by_role[managers].is_none())
    );

    // The team report PDF.
    let pdf = reader
        .get(app.url(&format!("{team_report}.pdf")))
        .send()
        .await
        .expect("pdf");
    assert_eq!(pdf.status(), 200);
    assert_eq!(
        pdf.headers().get("content-type").expect("type"),
        "application/pdf"
    );
    assert!(pdf.bytes().await.expect("bytes").starts_with(b"%PDF-"));

    // No link leads from one person's answers to another's: the team report and
    // the invitation name no report, and a member's own report leads to no team
    // link; team and invitation ids open no report, page or API.
    let invitation = get_page(&app, &reader, &invite).await;
    for m in &members {
        let id = m.trim_start_matches("/r/");
        assert!(!html.contains(id));
        assert!(!invitation.contains(id));
        let member_team = get_page(&app, &reader, &format!("{m}/team")).await;
        assert!(member_team.contains("part of a colleague&#39;s team"));
        // A member's own report offers no team of their own, only where the
        // team report is and what they can do.
        let own = get_page(&app, &reader, m).await;
        assert!(
            !own.contains("id=\"team-assessment\""),
            "{m} offers a dead end"
        );
        assert!(own.contains("You answered as part of a colleague"));
        assert!(own.contains("id=\"assess-again\""));
        assert!(!member_team.contains(&team_id) && !member_team.contains(&invite_id));
    }
    assert!(!html.contains(&report_id));
    assert!(!invitation.contains(&team_id));
    for id in [&team_id, &invite_id] {
        for path in [
            format!("/r/{id}"),
            format!("/r/{id}.pdf"),
            format!("/s/{id}"),
            format!("/join/{team_id}"),
            format!("/teams/{invite_id}"),
        ] {
            let resp = reader.get(app.url(&path)).send().await.expect("get");
            assert_eq!(resp.status(), 404, "{path}");
        }
        let resp = reader
            .get(app.url(&format!("/api/v2/responses/{id}")))
            .bearer_auth(&app.api_key)
            .send()
            .await
            .expect("api");
        assert_eq!(resp.status(), 404);
    }

    // Deleting a member removes them from the team too.
    let gone = members[0].trim_start_matches("/r/").to_string();
    assert!(app.delete(&gone).await);
    let html = get_page(&app, &reader, &team_report).await;
    assert!(html.contains("Wave 1: 7 people answered"));
    assert!(!html.contains("Alex Shown"));
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM team_members WHERE response_id = $1",
            members[0].trim_start_matches("/r/"),
        ),
        0,
        "no membership is left behind"
    );
}

/// A team by its private report link.
async fn team_of(app: &common::TestApp, id: &str) -> dealbench::study::records::Team {
    let id = dealbench::domain::ids::LinkId::parse(id).expect("a team id");
    app.study.team(&id).await.expect("read").expect("team")
}

#[actix_web::test]
async fn a_team_runs_again_as_a_new_wave_and_the_report_compares_waves() {
    let app = spawn_app_with(20).await;
    let starter = app.client();
    let report = fill_and_submit(&app, &starter, &example("average-company")).await;
    accept(&app, &report).await;
    let TeamLinks {
        invite,
        team_report,
    } = start_team(&app, &starter, &report).await;
    for name in ["A One", "B Two", "C Three", "D Four"] {
        join_counted(
            &app,
            &invite,
            &colleague("weak-company", "rep", name),
            false,
        )
        .await;
    }
    let html = get_page(&app, &starter, &team_report).await;
    assert!(html.contains("Wave 1: 5 people answered"));

    // One click asks first: nothing changes until the starter confirms.
    let resp = starter
        .post(app.url(&format!("{team_report}/wave")))
        .form(&[("csrf_token", csrf_token(&html))])
        .send()
        .await
        .expect("new wave");
    assert_eq!(resp.status(), 200);
    let confirm = resp.text().await.expect("body");
    assert!(
        confirm.contains("Run the team again as wave 2?"),
        "{confirm}"
    );
    assert!(
        confirm.contains("keeps showing wave 1&#39;s figures until 5 people have answered wave 2"),
        "{confirm}"
    );
    let html = get_page(&app, &starter, &team_report).await;
    assert!(
        html.contains("Wave 1: 5 people answered"),
        "not started yet"
    );
    let resp = starter
        .post(app.url(&format!("{team_report}/wave")))
        .form(&[
            ("csrf_token", csrf_token(&confirm)),
            ("confirm", "yes".into()),
        ])
        .send()
        .await
        .expect("new wave, confirmed");
    assert_eq!(resp.status(), 303);
    // The last wave's figures stay until the new wave has enough members.
    let html = get_page(&app, &starter, &team_report).await;
    assert!(html.contains("Wave 2 has started: 0 people answered so far. The figures below stay those of wave 1 until 5 have answered wave 2."), "{html}");
    assert!(html.contains("Wave 1: 5 people answered"));
    assert!(
        html.contains("id=\"coverage\""),
        "wave 1's figures are still shown"
    );
    for name in ["E Five", "F Six", "G Seven", "H Eight", "I Nine"] {
        join_counted(
            &app,
            &invite,
            &colleague("strong-company", "rep", name),
            false,
        )
        .await;
    }
    let html = get_page(&app, &starter, &team_report).await;
    assert!(html.contains("Wave 2: 5 people answered"));
    // The change is shown either way; whether it is read as beyond the
    // rounding and noise depends on the noise drawn for this team.
    assert!(
        html.contains(" points)") || html.contains(" points, within the rounding and noise)"),
        "wave 2 shows its change: {html}"
    );
    let team_id = team_report.trim_start_matches("/teams/");
    let team = team_of(&app, team_id).await;
    let model = app.study.team_report(team, None).await.expect("model");
    assert_eq!(model.waves.len(), 2);
    let change = model.waves[1].changes[0].expect("a change of the company index");
    let expected =
        model.waves[1].means[0].expect("wave 2") - model.waves[0].means[0].expect("wave 1");
    assert!((change - expected).abs() < 1e-9);
    assert!(
        change > 0.0,
        "strong answers after weak ones raise the team's index"
    );
}

const PASSWORD: &str = "a long enough password";

/// A client signed in to the console.
async fn operator(app: &common::TestApp) -> reqwest::Client {
    common::add_operator(app, "ops").await;
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

#[actix_web::test]
async fn operators_see_teams_waves_and_repeat_rate_and_exports_carry_team_and_wave() {
    let app = spawn_app_with(12).await;
    let outsider = app.client();
    let resp = outsider
        .get(app.url("/admin/teams"))
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), 303, "the console needs a login");

    let starter = app.client();
    let report = fill_and_submit(&app, &starter, &example("average-company")).await;
    accept(&app, &report).await;
    let TeamLinks {
        invite,
        team_report,
    } = start_team(&app, &starter, &report).await;
    let team_id = team_report.trim_start_matches("/teams/").to_string();
    let invite_id = invite.trim_start_matches("/join/").to_string();
    join_counted(
        &app,
        &invite,
        &colleague("weak-company", "rep", "W One"),
        false,
    )
    .await;
    let html = get_page(&app, &starter, &team_report).await;
    starter
        .post(app.url(&format!("{team_report}/wave")))
        .form(&[("csrf_token", csrf_token(&html)), ("confirm", "yes".into())])
        .send()
        .await
        .expect("wave 2");
    let second = join_counted(
        &app,
        &invite,
        &colleague("strong-company", "rep", "W Two"),
        false,
    )
    .await;

    let ops = operator(&app).await;
    let html = get_page(&app, &ops, "/admin/teams").await;
    assert!(html.contains("<dd id=\"teams-started\">1</dd>"), "{html}");
    assert!(html.contains("<dd id=\"second-waves\">1</dd>"));
    assert!(html.contains("<dd id=\"members-median\">3.0</dd>"));
    // Groups below K are not compared.
    assert!(html.contains("Not shown: each group needs at least 10 responses (now 2 and 1)."));

    let csv = get_page(&app, &ops, "/admin/export/scores.csv").await;
    let mut lines = csv.lines();
    assert!(lines.next().expect("header").ends_with(",team,wave"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let team_cells: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[r.len() - 2], r[r.len() - 1]))
        .filter(|(team, _)| !team.is_empty())
        .collect();
    assert_eq!(team_cells.len(), 3, "three team members");
    let pseudonym = team_cells[0].0;
    assert!(pseudonym.starts_with('p') && team_cells.iter().all(|(t, _)| *t == pseudonym));
    let mut waves: Vec<&str> = team_cells.iter().map(|(_, w)| *w).collect();
    waves.sort_unstable();
    assert_eq!(waves, vec!["1", "1", "2"]);
    assert!(!csv.contains(&team_id) && !csv.contains(&invite_id));
    assert!(!csv.contains(second.trim_start_matches("/r/")));
    assert!(!csv.contains("example.com"));
}

#[actix_web::test]
async fn a_colleague_sees_the_teams_company_profile_instead_of_being_asked_for_it() {
    let app = spawn_app_with(12).await;
    let starter = app.client();
    let report = fill_and_submit(&app, &starter, &example("strong-company")).await;
    let invite = start_team(&app, &starter, &report).await.invite;

    let colleague_client = app.client();
    let invitation = get_page(&app, &colleague_client, &invite).await;
    let resp = colleague_client
        .post(app.url(&invite))
        .form(&[("csrf_token", csrf_token(&invitation))])
        .send()
        .await
        .expect("join");
    assert_eq!(resp.status(), 303);
    let first = common::location(&resp);
    let page = get_page(&app, &colleague_client, &first).await;
    // The starter's industry (software) is shown as the team's answer, sent back
    // unchanged, and not offered as a choice the colleague could change.
    assert!(
        [
            "your team&#39;s answer",
            "your team&#39;s answer",
            "your team's answer"
        ]
        .iter()
        .any(|w| page.contains(w))
    );
    assert!(page.contains("type=\"hidden\" name=\"industry\" value=\"software\""));
    assert!(!page.contains("type=\"radio\" name=\"industry\""));
    // The colleague's own role is still asked.
    assert!(page.contains("type=\"radio\" name=\"role\""));
}

#[actix_web::test]
async fn team_links_come_from_the_configured_address_never_from_request_headers() {
    let app = spawn_app_with(12).await;
    let starter = app.client();
    let report = fill_and_submit(&app, &starter, &example("average-company")).await;
    let offer = get_page(&app, &starter, &format!("{report}/team")).await;
    starter
        .post(app.url(&format!("{report}/team")))
        .form(&[("csrf_token", csrf_token(&offer))])
        .send()
        .await
        .expect("start team");
    let forged = starter
        .get(app.url(&format!("{report}/team")))
        .header("host", "evil.example")
        .header("x-forwarded-host", "evil.example")
        .header("x-forwarded-proto", "javascript")
        .send()
        .await
        .expect("links page")
        .text()
        .await
        .expect("body");
    assert!(!forged.contains("evil.example"), "{forged}");
    assert!(!forged.contains("javascript:"));
    let invite = link_in(&forged, "invite-link");
    assert!(invite.starts_with(&app.address), "{invite}");
}

#[actix_web::test]
async fn a_member_accepted_late_counts_after_everyone_counted_before() {
    let app = spawn_app_with(12).await;
    let starter = app.client();
    let report = fill_and_submit(&app, &starter, &example("average-company")).await;
    accept(&app, &report).await;
    let TeamLinks {
        invite,
        team_report,
    } = start_team(&app, &starter, &report).await;
    for name in ["A One", "B Two"] {
        join_counted(
            &app,
            &invite,
            &colleague("weak-company", "rep", name),
            false,
        )
        .await;
    }
    // Joins third, but is held for review.
    let late = common::teams::join(
        &app,
        &invite,
        &colleague("strong-company", "rep", "Late Rep"),
        false,
    )
    .await;
    for name in ["C Three", "D Four"] {
        join_counted(
            &app,
            &invite,
            &colleague("weak-company", "rep", name),
            false,
        )
        .await;
    }
    let five = get_page(&app, &starter, &team_report).await;
    assert!(five.contains("Wave 1: 5 people answered."));
    assert!(five.contains("These figures are those of the first 5 people"));
    // Accepted now: the sixth to count, so the figures of the first five stand.
    accept(&app, &late).await;
    let six = get_page(&app, &starter, &team_report).await;
    assert!(six.contains("Wave 1: 6 people answered."));
    let figures_of = |html: &str| {
        let from = html.find("id=\"team-h\"").expect("figures");
        let to = html.find("aria-labelledby=\"waves-h\"").expect("waves");
        html[from..to].to_string()
    };
    assert_eq!(figures_of(&six), figures_of(&five));
}
