//! Upgrading a database written before compact rows: every report reads exactly
//! as before, and nothing linked to a response is lost on the way; a team's
//! members come to count in the order they answered, never a held one.
//!
//! The old database is built the way the earlier writer built it: migrations
//! 0001-0004, then rows carrying keyed answers, the profile, the whole scorecard
//! and the standing as JSON text, each standing computed among the responses
//! before it.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use dealbench::domain::answers::{Answer, Answers, Completeness};
use dealbench::domain::ids::{LinkId, ResponseId};
use dealbench::domain::peer::{IndexKind, PeerIndex, PeerRecord};
use dealbench::domain::report::{Report, ReportInput};
use dealbench::domain::scoring::{Scorecard, score};
use dealbench::domain::{PeerStanding, Questionnaire, synthetic};
use dealbench::pdf::PdfFonts;
use dealbench::study::Study;
use dealbench::study::records::StoredResponse;
use dealbench::web::report_page::render_report;
use dealbench::web::templates::Templates;
use rusqlite::{Connection, params};

const OLD_MIGRATIONS: [&str; 4] = [
    include_str!("../src/storage/sqlite/migrations/0001_initial.sql"),
    include_str!("../src/storage/sqlite/migrations/0002_operators.sql"),
    include_str!("../src/storage/sqlite/migrations/0003_trust.sql"),
    include_str!("../src/storage/sqlite/migrations/0004_teams_and_waves.sql"),
];

/// One response as the old writer stored it.
struct OldRow {
    id: String,
    submitted_at: String,
    answers: serde_json::Value,
    contact: BTreeMap<String, String>,
    scorecard: Scorecard,
    standing: PeerStanding,
}

/// The report of an old row, built as the report page built it then.
fn report_before(q: &Questionnaire, row: &OldRow) -> Report {
    let mut json = row.answers.clone();
    if let Some(map) = json.as_object_mut() {
        for (k, v) in &row.contact {
            map.insert(k.clone(), v.clone().into());
        }
    }
    let answers = Answers::from_json(q, &json, Completeness::Draft).expect("valid");
    Report::build(&ReportInput {
        questionnaire: q,
        answers: &answers,
        scorecard: &row.scorecard,
        standing: &row.standing,
        submitted_on: &row.submitted_at[..10],
    })
}

/// Writes `n` responses in the old form; returns them.
fn write_old_database(conn: &Connection, q: &Questionnaire, n: usize) -> Vec<OldRow> {
    conn.execute_batch(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)",
    )
    .expect("table");
    for (i, sql) in OLD_MIGRATIONS.iter().enumerate() {
        conn.execute_batch(sql).expect("migration");
        conn.execute(
            "INSERT INTO schema_migrations (version) VALUES (?1)",
            [i as i64 + 1],
        )
        .expect("record");
    }
    let mut peers = PeerIndex::new(q.peer_fallback.clone(), q.peer_group_minimum);
    let mut rows = Vec::new();
    for i in 0..n {
        let mut answers = synthetic::respondent(q, 1_000 + i as u64);
        // Every third respondent leaves contact details.
        let mut contact = BTreeMap::new();
        if i % 3 == 0 {
            let mut given = serde_json::Map::new();
            for item in q.items.iter().filter(|item| item.contact) {
                let text = if item.id.contains("email") {
                    format!("person{i}@example.com")
                } else {
                    format!("Person {i} of {}", item.id)
                };
                given.insert(item.id.clone(), text.clone().into());
                contact.insert(item.id.clone(), text);
            }
            let extra = Answers::from_json(q, &given.into(), Completeness::Draft).expect("contact");
            answers.merge(&extra);
        }
        let profile: BTreeMap<String, String> = q
            .dimensions()
            .filter_map(|(dim, item)| {
                let pos = q.item_position(&item.id)?;
                match answers.get(pos)? {
                    Answer::Option(o) => Some((dim.to_string(), item.options[*o].id.clone())),
                    _ => None,
                }
            })
            .collect();
        let submitted_at = format!("2026-03-{:02}T10:00:00.000Z", 1 + i % 28);
        let mut scorecard = score(q, &answers);
        let standing = peers.standing(&profile, &scorecard, &submitted_at[..10]);
        scorecard.benchmark_against(q, &standing.tops);
        let record = PeerRecord::new(q, profile.clone(), &scorecard);
        peers.add(&record);
        let id = format!("00000000-0000-4000-8000-{i:012}");
        let stored_answers = answers.without_contact(q).to_json(q);
        let scores = record.scores;
        let (overall, value, number, win_rate, sales_cycle, personal) = (
            scores.overall,
            scores.value,
            scores.number,
            scores.win_rate,
            scores.sales_cycle,
            scores.personal,
        );
        conn.execute(
            "INSERT INTO responses (id, draft_id, questionnaire_id, questionnaire_version,
                 started_at, submitted_at, synthetic, profile, answers, contact, scorecard,
                 standing, overall, value, number, win_rate, sales_cycle, personal, flags, held)
             VALUES (?1, NULL, ?2, ?3, NULL, ?4, 0, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                     ?14, ?15, '', 0)",
            params![
                id,
                q.id,
                q.version,
                submitted_at,
                serde_json::to_string(&profile).expect("json"),
                stored_answers.to_string(),
                (!contact.is_empty()).then(|| serde_json::to_string(&contact).expect("json")),
                serde_json::to_string(&scorecard).expect("json"),
                old_standing(&standing),
                overall,
                value,
                number,
                win_rate,
                sales_cycle,
                personal
            ],
        )
        .expect("old row");
        rows.push(OldRow {
            id,
            submitted_at,
            answers: stored_answers,
            contact,
            scorecard,
            standing,
        });
    }
    // A response assessed again: the link must survive the table's rebuild.
    conn.execute(
        "INSERT INTO response_links (response_id, previous_id) VALUES (?1, ?2)",
        params![rows[1].id, rows[0].id],
    )
    .expect("link");
    rows
}

/// A response as the study reads it back.
async fn stored(study: &Arc<Study>, id: &str) -> StoredResponse {
    let id = ResponseId::parse(id).expect("a report id");
    study.response(&id).await.expect("read").expect("kept")
}

#[actix_web::test]
async fn every_report_reads_the_same_after_the_upgrade_to_compact_rows() {
    let q = common::study();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("old.db");
    let rows = {
        let conn = Connection::open(&db).expect("open");
        conn.pragma_update(None, "journal_mode", "WAL")
            .expect("wal");
        write_old_database(&conn, &q, 40)
    };
    let before: Vec<Report> = rows.iter().map(|r| report_before(&q, r)).collect();
    let size_before = std::fs::metadata(&db).expect("size").len();

    // Rendered as respondents get them: the page byte for byte, and the PDF.
    let templates = Templates::load().expect("templates");
    let fonts = PdfFonts::load().expect("fonts");
    let rendered = |report: &Report, id: &str| {
        let page = render_report(
            &templates,
            report,
            id,
            None,
            &dealbench::web::report_page::Shown {
                language: dealbench::domain::language::Language::English,
                offered: &[],
                email: false,
                in_colleagues_team: false,
            },
            None,
        )
        .expect("page");
        let pdf = dealbench::pdf::render(report, &fonts, "2026-11-24").expect("pdf");
        (page, pdf)
    };
    let rendered_before: Vec<(String, Vec<u8>)> = rows
        .iter()
        .zip(&before)
        .map(|(row, report)| rendered(report, &row.id))
        .collect();

    let study = Arc::new(Study::open(q.clone(), &db).await.expect("upgrade"));
    for ((row, before), (page_before, pdf_before)) in rows.iter().zip(&before).zip(&rendered_before)
    {
        let stored = stored(&study, &row.id).await;
        assert_eq!(stored.scorecard, row.scorecard, "{}: scorecard", row.id);
        assert_eq!(stored.standing, row.standing, "{}: standing", row.id);
        assert_eq!(stored.contact, row.contact, "{}: contact", row.id);
        let after = dealbench::study::report_of(study.questionnaire_of(&stored), &stored);
        assert_eq!(
            format!("{after:?}"),
            format!("{before:?}"),
            "{}: the report changed",
            row.id
        );
        let (page, pdf) = rendered(&after, &row.id);
        assert!(page == *page_before, "{}: the page changed", row.id);
        // A PDF carries the time it was made and a font subset of its own
        // making, so its text is compared, not its bytes.
        if let (Some(text), Some(text_before)) =
            (common::pdf_text(&pdf), common::pdf_text(pdf_before))
        {
            assert!(text == text_before, "{}: the PDF's text changed", row.id);
        }
    }
    // Every response is in the peer figures and the console, read from columns.
    assert_eq!(study.with_summaries(|s| s.len()).await, rows.len());
    drop(study);

    let conn = Connection::open(&db).expect("open");
    let old_form: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM responses WHERE choices IS NULL OR answers LIKE '{%'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(old_form, 0, "every row is converted");
    let links: i64 = conn
        .query_row("SELECT COUNT(*) FROM response_links", [], |r| r.get(0))
        .expect("links");
    assert_eq!(links, 1, "the link between two responses survives");
    let dangling: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("check");
    assert_eq!(dangling, 0);
    let size_after = std::fs::metadata(&db).expect("size").len();
    assert!(size_after < size_before, "{size_after} >= {size_before}");

    // Opening again converts nothing and reads the same.
    let study = Arc::new(Study::open(q.clone(), &db).await.expect("again"));
    let stored = stored(&study, &rows[3].id).await;
    assert_eq!(stored.scorecard, rows[3].scorecard);
}

/// A standing as the old writer stored it: the per-index figures as arrays in
/// `IndexKind::ALL` order, not objects keyed by index name.
fn old_standing(standing: &PeerStanding) -> String {
    let mut json = serde_json::to_value(standing).expect("json");
    for field in ["relative", "medians", "index_groups"] {
        let named = json[field].clone();
        json[field] = IndexKind::ALL
            .iter()
            .map(|k| named[k.key()].clone())
            .collect::<Vec<_>>()
            .into();
    }
    json.to_string()
}

/// A study moved from its SQLite file into PostgreSQL reads the same: every
/// report (the model, the page byte for byte and the PDF's text), every
/// pseudonym, every table's rows; and a second copy into the same database is
/// refused, leaving it as it was.
#[actix_web::test]
async fn a_study_copied_into_postgresql_renders_every_report_the_same() {
    use dealbench::study::records::Database;
    use dealbench::study::{Administration, Origin};

    let Some(target) = common::database::postgres_or_skip("copying a study into PostgreSQL") else {
        return;
    };
    let source = common::TestDatabase::sqlite();
    let q = common::study();
    let study = Arc::new(
        Study::open(q.clone(), source.database.clone())
            .await
            .expect("open"),
    );
    study.add_synthetic(30, 5).await.expect("demo data");
    let mut real = Vec::new();
    for name in ["strong-company", "weak-company", "mixed-vp-of-sales"] {
        let answers =
            Answers::from_json(&q, &common::example(name), Completeness::Final).expect("valid");
        let origin = Origin {
            draft_id: None,
            started_at: None,
            synthetic: false,
            address: None,
            language: Default::default(),
        };
        let prepared = study.prepare(&answers, &origin).expect("prepare");
        match study.submit(&prepared).await.expect("submit") {
            dealbench::study::records::SubmitOutcome::Created(id) => real.push(id),
            other => panic!("{other:?}"),
        }
    }
    // A team, an assessment started again, an operator, an API key, a deletion.
    let first = ResponseId::parse(&real[0]).expect("id");
    study.start_team(&first).await.expect("team");
    study.assess_again(&first).await.expect("again");
    let admin = study.administration();
    assert!(
        admin
            .add_operator("ops", "$argon2id$hash")
            .await
            .expect("operator")
    );
    admin
        .issue_api_key("crm")
        .await
        .expect("key")
        .expect("issued");
    let gone = dealbench::domain::ids::LinkId::parse(&real[2]).expect("id");
    assert!(study.delete_response(&gone, "ops").await.expect("delete"));

    let templates = Templates::load().expect("templates");
    let fonts = PdfFonts::load().expect("fonts");
    let ids: Vec<String> = source.responses().into_iter().map(|r| r.0).collect();
    assert_eq!(ids.len(), 32);
    let read_all = |study: Arc<Study>| {
        let (templates, fonts, ids) = (&templates, &fonts, &ids);
        async move {
            let mut out = Vec::new();
            for id in ids {
                let report = study
                    .report(&ResponseId::parse(id).expect("id"), None)
                    .await
                    .expect("read")
                    .expect("kept")
                    .report;
                let page = render_report(
                    templates,
                    &report,
                    id,
                    None,
                    &dealbench::web::report_page::Shown {
                        language: dealbench::domain::language::Language::English,
                        offered: &[],
                        email: false,
                        in_colleagues_team: false,
                    },
                    None,
                )
                .expect("page");
                let pdf = dealbench::pdf::render(&report, fonts, "2026-11-24").expect("pdf");
                out.push((
                    format!("{report:?}"),
                    page,
                    common::pdf_text(&pdf),
                    study.pseudonym(id),
                ));
            }
            out
        }
    };
    let before = read_all(Arc::clone(&study)).await;
    let counts = |db: &common::TestDatabase| -> Vec<i64> {
        [
            "responses",
            "drafts",
            "teams",
            "team_members",
            "draft_links",
            "operators",
            "api_keys",
            "deletion_log",
            "questionnaire_versions",
        ]
        .iter()
        .map(|t| db.count(&format!("SELECT count(*) FROM {t} WHERE $1 = $1"), "x"))
        .collect()
    };
    let counted = counts(&source);
    let in_figures = source.responses().iter().filter(|r| !r.2).count();
    drop(study);

    let catalogue = dealbench::domain::Catalogue::load_for(&common::manifest_path(common::STUDY))
        .expect("catalogue");
    let copied = Administration::copy_study(&source.database, &target.database, catalogue)
        .await
        .expect("copy");
    assert!(
        copied.contains(&("responses".to_string(), 32)),
        "{copied:?}"
    );
    assert_eq!(counts(&target), counted, "every table's rows");
    // The copy counts the participation days once instead of row by row, and
    // leaves the responses' triggers on for what comes after it.
    let participation = |db: &common::TestDatabase| {
        db.count(
            "SELECT COALESCE(sum(responses), 0)::bigint FROM participation_days WHERE $1 = $1",
            "x",
        )
    };
    assert_eq!(participation(&target), counted[0], "participation days");
    assert_eq!(
        target.count(
            "SELECT count(*) FROM pg_trigger
             WHERE tgrelid = 'responses'::regclass AND NOT tgisinternal
               AND tgenabled = 'O' AND $1 = $1",
            "x"
        ),
        3,
        "the responses' triggers are on after a copy"
    );

    let moved = Arc::new(
        Study::open(q.clone(), target.database.clone())
            .await
            .expect("open on PostgreSQL"),
    );
    let after = read_all(Arc::clone(&moved)).await;
    for (id, (b, a)) in ids.iter().zip(before.iter().zip(&after)) {
        assert!(a.0 == b.0, "{id}: the report changed");
        assert!(a.1 == b.1, "{id}: the page changed");
        assert!(a.2 == b.2, "{id}: the PDF's text changed");
        assert_eq!(a.3, b.3, "{id}: the pseudonym changed");
    }
    assert_eq!(
        moved.with_summaries(|s| s.len()).await,
        in_figures,
        "every response but the held ones is in the peer figures"
    );
    let answers = Answers::from_json(&q, &common::example("weak-company"), Completeness::Final)
        .expect("valid");
    let origin = Origin {
        draft_id: None,
        started_at: None,
        synthetic: false,
        address: None,
        language: Default::default(),
    };
    let prepared = moved.prepare(&answers, &origin).expect("prepare");
    moved
        .submit(&prepared)
        .await
        .expect("submit after the copy");
    assert_eq!(
        participation(&target),
        counted[0] + 1,
        "a submission after the copy is counted"
    );
    let counted: Vec<i64> = counts(&target);

    // Copying again would mix two studies: refused, nothing written.
    let catalogue = dealbench::domain::Catalogue::load_for(&common::manifest_path(common::STUDY))
        .expect("catalogue");
    let refused = Administration::copy_study(&source.database, &target.database, catalogue)
        .await
        .expect_err("a second copy");
    assert!(
        refused.to_string().contains("holds a study already"),
        "{refused}"
    );
    assert_eq!(counts(&target), counted);
    let wrong_way = Administration::copy_study(
        &target.database,
        &Database::Sqlite(source.dir.path().join("other.db")),
        dealbench::domain::Catalogue::load_for(&common::manifest_path(common::STUDY))
            .expect("catalogue"),
    )
    .await
    .expect_err("PostgreSQL into a file");
    assert!(wrong_way.to_string().contains("--from FILE"), "{wrong_way}");
}

#[actix_web::test]
async fn an_upgraded_team_counts_its_members_in_the_order_they_answered_and_never_a_held_one() {
    let q = common::study();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("old.db");
    let rows = {
        let conn = Connection::open(&db).expect("open");
        let rows = write_old_database(&conn, &q, 9);
        // A team of eight, written out of order; the third member is held.
        conn.execute(
            "INSERT INTO teams (id, invite_id, created_at, starter_response_id, profile, wave)
             VALUES (?2, 'invite', '2026-03-01T00:00:00.000Z', ?1, '{}', 1)",
            params![rows[0].id, TEAM],
        )
        .expect("team");
        for row in rows[..8].iter().rev() {
            conn.execute(
                "INSERT INTO team_members (response_id, team_id, wave, show_name)
                 VALUES (?1, ?2, 1, 0)",
                params![row.id, TEAM],
            )
            .expect("member");
        }
        conn.execute("UPDATE responses SET held = 1 WHERE id = ?1", [&rows[2].id])
            .expect("held");
        rows
    };
    let study = Study::open(q.clone(), &db).await.expect("upgrade");
    // Read beside the running study, as a second connection would.
    let order = || -> Vec<(String, Option<i64>)> {
        let conn = Connection::open(&db).expect("open");
        let mut stmt = conn
            .prepare("SELECT response_id, counted_order FROM team_members ORDER BY response_id")
            .expect("query");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("read")
    };
    let counted = order();
    let expected: Vec<(String, Option<i64>)> = rows[..8]
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let place = match i {
                2 => None,
                0 | 1 => Some(i as i64 + 1),
                _ => Some(i as i64),
            };
            (row.id.clone(), place)
        })
        .collect();
    assert_eq!(
        counted, expected,
        "in order of answering, the held one not at all"
    );
    let team_id = LinkId::parse(TEAM).expect("a team id");
    let team = study.team(&team_id).await.expect("read").expect("team");
    let report = study.team_report(team.clone(), None).await.expect("report");
    assert_eq!((report.members, report.covered), (7, Some(5)));

    // Accepted now, it counts after every member counted before.
    let held = LinkId::parse(&rows[2].id).expect("an id");
    assert!(study.accept_held(&held).await.expect("accept"));
    let counted = order();
    assert_eq!(counted[2], (rows[2].id.clone(), Some(8)));
    let report = study.team_report(team, None).await.expect("report");
    assert_eq!((report.members, report.covered), (8, Some(8)));

    // The dither's secret: made once, random, kept as it is by every server
    // that opens the file after.
    let secret = |db: &std::path::Path| -> Vec<u8> {
        Connection::open(db)
            .expect("open")
            .query_row(
                "SELECT value FROM study_keys WHERE name = 'team_release'",
                [],
                |r| r.get(0),
            )
            .expect("a secret")
    };
    let made = secret(&db);
    assert_eq!(made.len(), 32);
    drop(study);
    let _other = Study::open(q.clone(), &db).await.expect("a second server");
    assert_eq!(secret(&db), made);
    let fresh = dir.path().join("fresh.db");
    let _fresh = Study::open(q, &fresh).await.expect("fresh");
    assert_ne!(secret(&fresh), made);
}

/// The team of the upgrade test.
const TEAM: &str = "00000000-0000-4000-8000-00000000aaaa";

/// The company numbers' column as it was written before a counted win rate
/// needed enough deals decided: every rate read from the counts, whatever
/// their number (in `PeerNumber::ALL` order).
fn numbers_before_the_rule(won: f64, lost: f64) -> Vec<u8> {
    let (opportunities, deal, cycle) = (40.0, 10_000.0, 50.0);
    let unit = won / (won + lost) * 100.0;
    let values = [
        opportunities,
        deal,
        unit,
        cycle,
        f64::NAN,
        opportunities * deal * unit / 100.0 / cycle,
        unit,
        unit,
    ];
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

#[actix_web::test]
async fn a_win_rate_stored_from_too_few_deals_leaves_the_peer_figures_at_the_upgrade() {
    use dealbench::domain::peer::PeerNumber;
    use dealbench::study::Origin;
    let q = common::study();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("rule.db");
    let answers = |won: u32, lost: u32| {
        let mut json: serde_json::Value =
            serde_json::from_str(dealbench::domain::testing::examples::MIXED).expect("json");
        let map = json.as_object_mut().expect("object");
        map.remove("stated_win_rate");
        for (key, value) in [
            ("qualified_opportunities", 40),
            ("average_deal_value", 10_000),
            ("sales_cycle_days", 50),
            ("deals_won", won),
            ("deals_won_value", won * 10_000),
            ("deals_lost", lost),
            ("deals_lost_value", lost * 10_000),
        ] {
            map.insert(key.into(), value.into());
        }
        Answers::from_json(&q, &json, Completeness::Final).expect("valid")
    };
    let origin = Origin {
        draft_id: None,
        started_at: None,
        synthetic: false,
        address: None,
        language: Default::default(),
    };
    let thin_ids = {
        let study = Study::open(q.clone(), &db).await.expect("open");
        // Twelve won 5 of 10 deals (50%), twelve won 1 of 7 (14.3%: not a rate).
        let prepared: Vec<_> = (0..24)
            .map(|i| {
                let (won, lost) = if i < 12 { (5, 5) } else { (1, 6) };
                study
                    .prepare(&answers(won, lost), &origin)
                    .expect("prepare")
            })
            .collect();
        study.submit_all(&prepared).await.expect("stored");
        prepared[12..]
            .iter()
            .map(|p| p.id().to_string())
            .collect::<Vec<_>>()
    };
    // The database as an earlier Dealbench left it: the few deals read as rates.
    {
        let conn = Connection::open(&db).expect("open");
        for id in &thin_ids {
            conn.execute(
                "UPDATE responses SET peer_numbers = ?2 WHERE id = ?1",
                params![id, numbers_before_the_rule(1.0, 6.0)],
            )
            .expect("old numbers");
        }
        conn.execute("DELETE FROM schema_migrations WHERE version = 8", [])
            .expect("before the rule");
    }
    let study = Study::open(q.clone(), &db).await.expect("upgrade");
    let standing = study
        .prepare(&answers(5, 5), &origin)
        .expect("prepare")
        .standing()
        .clone();
    let median = |n: PeerNumber| standing.number_medians.get(n.key()).copied();
    // Only the twelve rates: no median is pulled towards 14.3%.
    assert_eq!(median(PeerNumber::UnitWinRate), Some(50.0));
    assert_eq!(median(PeerNumber::ValueWinRate), Some(50.0));
    assert_eq!(median(PeerNumber::WinRate), Some(50.0));
    assert_eq!(median(PeerNumber::VelocityPerDay), Some(4_000.0));
    assert_eq!(
        standing.number_group(PeerNumber::UnitWinRate).map(|g| g.n),
        Some(12)
    );
    // Every response is still there, the thin ones with their counts.
    assert_eq!(study.with_summaries(|s| s.len()).await, 24);
    assert_eq!(
        standing
            .number_group(PeerNumber::QualifiedOpportunities)
            .map(|g| g.n),
        Some(24)
    );
}
