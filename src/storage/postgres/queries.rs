//! The study's records in PostgreSQL's words: every query of the adapter, each
//! on a connection from the pool. The rows hold the same compact forms as the
//! SQLite file (see `compact`).

use crate::study::storage::language_of;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use deadpool_postgres::{Object, Pool};
use tokio_postgres::Row;
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;

use super::super::compact::{
    RowParts, StoredStanding, answer_texts, decode_peer_numbers, decode_standing, encode_answers,
    encode_peer_numbers, encode_scoring, encode_standing_json, read_back,
};
use super::super::{MAX_FOUND, mask_email, sha256_hex};
use super::{PgError, Result};
use crate::domain::comparison::profile_of_choices;
use crate::domain::peer::{IndexKind, PeerNumber, PerIndex, PerNumber};
use crate::domain::{Catalogue, Questionnaire};
use crate::study::port::{
    DeletionLogEntry, DraftLink, ExportRow, HeldResponse, LeftFigures, LinkedDraft, LoadedResponse,
    MemberRow, NewEmail, NewResponse, PeerChange, PeerChanges, PeerCursor, QueuedEmail,
};
use crate::study::records::{
    ApiKey, Contact, Draft, EmailBound, EmailBounds, EmailKind, Found, FoundKind, Participation,
    Queued, ScoreGroups, Session, StoredResponse, SubmitOutcome, Team, TeamFigures,
};

/// The advisory lock every request to queue an email takes for its
/// transaction (see [`Db::queue_email`]).
const EMAIL_BOUNDS_LOCK: i64 = 0x6465_616c_656d_6169;

/// The advisory lock of the start-up step that derives listed rows again.
const DERIVE_LOCK: i64 = 0x6465_616c_6465_7269;

/// The connections and what every query needs beside them.
pub(super) struct Db {
    pub pool: Pool,
    /// This database's random key for pseudonymous ids.
    pub pseudonym_key: Vec<u8>,
    /// This database's secret for the team reports' dither.
    pub team_release_key: crate::domain::team::ReleaseKey,
    /// The questionnaire versions stored responses are read with.
    pub catalogue: Option<Arc<Catalogue>>,
    /// The server as logs name it (no password).
    pub described: String,
    /// When old changes of the peer figures were last forgotten (seconds).
    pub purged_at: std::sync::atomic::AtomicI64,
}

/// The transactions a snapshot (`xmin:xmax:xip,...`) sees all of: those
/// before its first number.
fn snapshot_xmin(snapshot: &str) -> Result<i64> {
    snapshot_part(snapshot, 0)
}

/// The first transaction a snapshot sees none of.
fn snapshot_xmax(snapshot: &str) -> Result<i64> {
    snapshot_part(snapshot, 1)
}

fn snapshot_part(snapshot: &str, at: usize) -> Result<i64> {
    snapshot
        .split(':')
        .nth(at)
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| PgError::Corrupt(super::Corrupt(format!("a snapshot `{snapshot}`"))))
}

/// A response that left the peer figures, from its change's record (see
/// `Db::figures_of`): its questionnaire id, and what the figures held.
fn left_figures(id: String, text: &str) -> Result<(String, LeftFigures)> {
    #[derive(serde::Deserialize)]
    struct Recorded {
        questionnaire_id: String,
        version: u32,
        profile: BTreeMap<String, String>,
        scores: [Option<f64>; 6],
        numbers: [Option<f64>; 8],
    }
    let r: Recorded = parse_json(text, "a change of the peer figures")?;
    let at = |k: IndexKind| {
        IndexKind::ALL
            .iter()
            .position(|i| *i == k)
            .and_then(|i| r.scores[i])
    };
    let number = |n: PeerNumber| {
        PeerNumber::ALL
            .iter()
            .position(|i| *i == n)
            .and_then(|i| r.numbers.get(i).copied().flatten())
    };
    Ok((
        r.questionnaire_id,
        LeftFigures {
            id,
            questionnaire_version: r.version,
            profile: r.profile,
            scores: PerIndex::from_fn(at),
            peer_numbers: PerNumber::from_fn(number),
        },
    ))
}

/// The scores of a row whose six index columns start at `at`.
fn scores_at(r: &Row, at: usize) -> PerIndex<Option<f64>> {
    PerIndex {
        overall: r.get(at),
        value: r.get(at + 1),
        number: r.get(at + 2),
        win_rate: r.get(at + 3),
        sales_cycle: r.get(at + 4),
        personal: r.get(at + 5),
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| PgError::Corrupt(super::Corrupt(format!("{what}: {e}"))))
}

fn version(v: i32) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

/// How a response is stored.
const INSERT_RESPONSE: &str = "INSERT INTO responses (id, draft_id, questionnaire_id,
         questionnaire_version, started_at, submitted_at, synthetic, answers, choices,
         peer_numbers, contact, standing, overall, value, number, win_rate, sales_cycle,
         personal, flags, held, scoring, language)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
             $19, $20, $21, $22)";

/// The columns of a response that are stored in a form of their own.
struct Encoded {
    version: i32,
    answers: String,
    peer_numbers: Vec<u8>,
    contact: Option<String>,
    standing: Vec<u8>,
    scoring: String,
}

impl Encoded {
    /// The parameters of [`INSERT_RESPONSE`].
    fn params<'a>(&'a self, r: &'a NewResponse) -> [&'a (dyn ToSql + Sync); 22] {
        let s = &r.scores;
        [
            &r.id,
            &r.draft_id,
            &r.questionnaire_id,
            &self.version,
            &r.started_at,
            &r.submitted_at,
            &r.synthetic,
            &self.answers,
            &r.choices,
            &self.peer_numbers,
            &self.contact,
            &self.standing,
            &s.overall,
            &s.value,
            &s.number,
            &s.win_rate,
            &s.sales_cycle,
            &s.personal,
            &r.flags,
            &r.held,
            &self.scoring,
            &r.language,
        ]
    }
}

/// The columns every query for [`ExportRow`]s reads, in this order.
const EXPORT_COLUMNS: &str = "seq, id, submitted_at, questionnaire_version, synthetic,
    choices, answers, overall, value, number, win_rate, sales_cycle, personal, flags, held,
    peer_numbers, questionnaire_id, language";

const TEAM_COLUMNS: &str = "id, invite_id, created_at, starter_response_id, profile, wave";

/// Contact details are a JSON object of item id -> text; the search looks for
/// the usual ids.
const EMAIL_KEY: &str = "contact_email";
const COMPANY_KEY: &str = "contact_company";

impl Db {
    pub(super) async fn client(&self) -> Result<Object> {
        Ok(self.pool.get().await?)
    }

    fn catalogue(&self) -> Result<&Catalogue> {
        self.catalogue.as_deref().ok_or(PgError::NoCatalogue)
    }

    fn version_of(&self, id: &str, v: u32) -> Result<&Questionnaire> {
        self.catalogue()?
            .get(id, v)
            .ok_or_else(|| PgError::MissingVersion {
                id: id.to_string(),
                version: v,
            })
    }

    pub fn pseudonym(&self, id: &str) -> String {
        super::super::pseudonym(&self.pseudonym_key, id)
    }

    /// How many connections are open now.
    pub fn open_connections(&self) -> usize {
        self.pool.status().size
    }

    // ---- Responses ----

    /// Inserts a response from no draft in `tx`.
    pub(super) async fn insert_direct(
        &self,
        tx: &deadpool_postgres::Transaction<'_>,
        r: &NewResponse,
    ) -> Result<()> {
        let row = self.encoded(r)?;
        let insert = tx.prepare_cached(INSERT_RESPONSE).await?;
        tx.execute(&insert, &row.params(r)).await?;
        if let Some(mark) = &r.remember {
            self.remember_submission(tx, mark, &r.choices).await?;
        }
        Ok(())
    }

    pub(super) async fn insert_response(
        &self,
        tx: &deadpool_postgres::Transaction<'_>,
        r: &NewResponse,
    ) -> Result<SubmitOutcome> {
        if let Some(draft) = &r.draft_id {
            let existing = tx
                .query_opt(
                    "SELECT response_id FROM drafts WHERE id = $1 FOR UPDATE",
                    &[draft],
                )
                .await?;
            if let Some(Some(report)) = existing.map(|row| row.get::<_, Option<String>>(0)) {
                return Ok(SubmitOutcome::AlreadySubmitted(report));
            }
        }
        let row = self.encoded(r)?;
        let insert = tx.prepare_cached(INSERT_RESPONSE).await?;
        tx.execute(&insert, &row.params(r)).await?;
        if let Some(mark) = &r.remember {
            self.remember_submission(tx, mark, &r.choices).await?;
        }
        if let Some(draft) = &r.draft_id {
            // The response holds the answers now; the draft keeps no second copy.
            tx.execute(
                "UPDATE drafts SET response_id = $2, updated_at = $3, answers = '{}'
                 WHERE id = $1",
                &[draft, &r.id, &r.submitted_at],
            )
            .await?;
        }
        Ok(SubmitOutcome::Created(r.id.clone()))
    }

    /// A response's columns in their stored forms.
    fn encoded(&self, r: &NewResponse) -> Result<Encoded> {
        let q = self.version_of(&r.questionnaire_id, r.questionnaire_version)?;
        Ok(Encoded {
            version: i32::try_from(r.questionnaire_version).unwrap_or(i32::MAX),
            answers: encode_answers(q, &r.answers),
            peer_numbers: encode_peer_numbers(&r.peer_numbers),
            contact: if r.contact.is_empty() {
                None
            } else {
                Some(
                    serde_json::to_string(&r.contact)
                        .map_err(|e| PgError::Corrupt(super::Corrupt(e.to_string())))?,
                )
            },
            standing: encode_standing_json(r.standing.get().as_bytes()),
            scoring: encode_scoring(&r.scoring),
        })
    }

    /// Stores responses in one transaction; answers once it is committed. A
    /// single response that comes from no draft is one statement (its own
    /// transaction): one round trip to the server instead of four.
    pub async fn submit(&self, responses: &[NewResponse]) -> Result<Vec<SubmitOutcome>> {
        if let [r] = responses
            && r.draft_id.is_none()
            && r.remember.is_none()
        {
            let row = self.encoded(r)?;
            let client = self.client().await?;
            let insert = client.prepare_cached(INSERT_RESPONSE).await?;
            client.execute(&insert, &row.params(r)).await?;
            return Ok(vec![SubmitOutcome::Created(r.id.clone())]);
        }
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let mut outcomes = Vec::with_capacity(responses.len());
        for r in responses {
            outcomes.push(self.insert_response(&tx, r).await?);
        }
        tx.commit().await?;
        Ok(outcomes)
    }

    pub async fn response(&self, id: &str) -> Result<Option<StoredResponse>> {
        let client = self.client().await?;
        let stmt = client
            .prepare_cached(
                "SELECT id, questionnaire_id, questionnaire_version, submitted_at, synthetic,
                        answers, contact, standing, choices, scoring,
                        overall, value, number, win_rate, sales_cycle, personal, language
                 FROM responses WHERE id = $1",
            )
            .await?;
        let Some(r) = client.query_opt(&stmt, &[&id]).await? else {
            return Ok(None);
        };
        let (qid, v): (String, i32) = (r.get(1), r.get(2));
        let q = self.version_of(&qid, version(v))?;
        let contact: Contact = match r.get::<_, Option<String>>(6) {
            Some(c) => parse_json(&c, "contact")?,
            None => Contact::new(),
        };
        let standing: Vec<u8> = r.get(7);
        let answers: String = r.get(5);
        let choices: Vec<u8> = r.get(8);
        let scoring: String = r.get(9);
        Ok(Some(read_back(
            q,
            RowParts {
                id: r.get(0),
                submitted_at: r.get(3),
                synthetic: r.get(4),
                answers: &answers,
                contact,
                standing: decode_standing(StoredStanding::Deflated(&standing))?,
                choices: Some(&choices),
                scoring: Some(&scoring),
                scores: scores_at(&r, 10),
                language: super::super::language_of(r.get::<_, Option<&str>>(16)),
            },
        )?))
    }

    /// A row read with [`EXPORT_COLUMNS`], decoded with its own version.
    fn export_row(&self, r: &Row, with_answers: bool) -> Result<(String, ExportRow)> {
        let qid: String = r.get(16);
        let v = version(r.get(3));
        let q = self.version_of(&qid, v)?;
        let choices: Vec<u8> = r.get(5);
        let numbers: Vec<u8> = r.get(15);
        let answer_texts = if with_answers {
            answer_texts(q, r.get::<_, &str>(6))?
        } else {
            Vec::new()
        };
        Ok((
            qid,
            ExportRow {
                position: r.get(0),
                id: r.get(1),
                submitted_at: r.get(2),
                questionnaire_version: v,
                synthetic: r.get(4),
                profile: profile_of_choices(q, &choices),
                choices,
                answer_texts,
                scores: scores_at(r, 7),
                peer_numbers: decode_peer_numbers(&numbers),
                flags: r.get(13),
                held: r.get(14),
                // Responses from before languages were answered in English.
                language: r
                    .get::<_, Option<String>>(17)
                    .unwrap_or_else(|| "en".to_string()),
            },
        ))
    }

    pub async fn response_figures(&self, id: &str) -> Result<Option<(String, ExportRow)>> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                &format!("SELECT {EXPORT_COLUMNS} FROM responses WHERE id = $1"),
                &[&id],
            )
            .await?;
        row.map(|r| self.export_row(&r, false)).transpose()
    }

    /// Every response of a questionnaire id in storage order, handed to
    /// `piece` a few thousand at a time; streamed from the server, so that
    /// memory stays flat.
    pub async fn each_response(
        &self,
        questionnaire_id: &str,
        piece_size: usize,
        mut piece: impl FnMut(Vec<LoadedResponse>) -> bool,
    ) -> Result<PeerCursor> {
        use futures_util::TryStreamExt;
        let mut client = self.client().await?;
        // One snapshot for the rows and the cursor: the changes to follow
        // begin exactly where the rows end.
        let tx = client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let snapshot: String = tx
            .query_one("SELECT pg_current_snapshot()::text", &[])
            .await?
            .get(0);
        let rows = tx
            .query_raw(
                "SELECT id, submitted_at, questionnaire_version, synthetic, choices, peer_numbers,
                        overall, value, number, win_rate, sales_cycle, personal, held, language
                 FROM responses WHERE questionnaire_id = $1 ORDER BY seq",
                [questionnaire_id],
            )
            .await?;
        let mut rows = std::pin::pin!(rows);
        let mut batch = Vec::with_capacity(piece_size);
        while let Some(r) = rows.try_next().await? {
            let numbers: Vec<u8> = r.get(5);
            batch.push(LoadedResponse {
                id: r.get(0),
                submitted_at: r.get(1),
                questionnaire_version: version(r.get(2)),
                synthetic: r.get(3),
                choices: r.get(4),
                peer_numbers: decode_peer_numbers(&numbers),
                scores: scores_at(&r, 6),
                held: r.get(12),
                language: language_of(r.get::<_, Option<&str>>(13)),
            });
            if batch.len() == piece_size
                && !piece(std::mem::replace(
                    &mut batch,
                    Vec::with_capacity(piece_size),
                ))
            {
                break;
            }
        }
        piece(batch);
        tx.commit().await?;
        Ok(PeerCursor {
            before: snapshot_xmin(&snapshot)?,
            snapshot: Some(snapshot),
        })
    }

    /// The changes to the peer figures since `cursor`: those of transactions
    /// that finished since (and that the load's snapshot did not see), read
    /// with the cursor that follows them in one snapshot.
    pub async fn peer_changes(
        &self,
        questionnaire_id: &str,
        cursor: &PeerCursor,
    ) -> Result<PeerChanges> {
        self.purge_peer_changes().await;
        let mut client = self.client().await?;
        let tx = client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let before: i64 = tx
            .query_one(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint",
                &[],
            )
            .await?
            .get(0);
        let stmt = tx
            .prepare_cached(
                "SELECT c.entered, c.response_id, c.figures,
                        r.id, r.submitted_at, r.questionnaire_version, r.synthetic, r.choices,
                        r.peer_numbers, r.overall, r.value, r.number, r.win_rate, r.sales_cycle,
                        r.personal, r.held, r.language
                 FROM peer_changes c LEFT JOIN responses r
                     ON c.entered AND r.id = c.response_id AND r.questionnaire_id = $3
                 WHERE c.xid >= $1 AND c.xid < $2
                   AND NOT ($4::text IS NOT NULL
                            AND pg_visible_in_snapshot(c.xid::text::xid8, $4::text::pg_snapshot))
                 ORDER BY c.xid, c.seq",
            )
            .await?;
        let rows = tx
            .query(
                &stmt,
                &[&cursor.before, &before, &questionnaire_id, &cursor.snapshot],
            )
            .await?;
        tx.commit().await?;
        let mut changes = Vec::with_capacity(rows.len());
        for r in &rows {
            if r.get::<_, bool>(0) {
                // Deleted since, or of another study: nothing to add.
                let Some(id) = r.get::<_, Option<String>>(3) else {
                    continue;
                };
                if r.get::<_, bool>(15) {
                    continue;
                }
                let numbers: Vec<u8> = r.get(8);
                changes.push(PeerChange::Entered(LoadedResponse {
                    id,
                    submitted_at: r.get(4),
                    questionnaire_version: version(r.get(5)),
                    synthetic: r.get(6),
                    choices: r.get(7),
                    peer_numbers: decode_peer_numbers(&numbers),
                    scores: scores_at(r, 9),
                    held: false,
                    language: language_of(r.get::<_, Option<&str>>(16)),
                }));
            } else if let Some(figures) = r.get::<_, Option<String>>(2) {
                let (of, left) = left_figures(r.get(1), &figures)?;
                if of == questionnaire_id {
                    changes.push(PeerChange::Left(left));
                }
            }
        }
        // Once every transaction the load's snapshot saw is behind the cursor,
        // the snapshot is no longer needed.
        let snapshot = cursor
            .snapshot
            .clone()
            .filter(|s| snapshot_xmax(s).is_ok_and(|xmax| before < xmax));
        Ok(PeerChanges {
            changes,
            next: Some(PeerCursor { before, snapshot }),
        })
    }

    /// Forgets changes older than an hour, every few minutes: every server
    /// reads them within a second of their commit.
    async fn purge_peer_changes(&self) {
        use std::sync::atomic::Ordering;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let last = self.purged_at.load(Ordering::Relaxed);
        if now - last < 300
            || self
                .purged_at
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return;
        }
        let purged = match self.client().await {
            Ok(client) => client
                .execute(
                    "DELETE FROM peer_changes WHERE at < now() - interval '1 hour'",
                    &[],
                )
                .await
                .map_err(PgError::from),
            Err(e) => Err(e),
        };
        if let Err(e) = purged {
            tracing::warn!(error = %e, "old changes of the peer figures could not be forgotten");
        }
    }

    pub async fn stored_versions(&self) -> Result<Vec<(String, u32)>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT questionnaire_id, questionnaire_version FROM participation_days
                 GROUP BY 1, 2 HAVING sum(responses) > 0",
                &[],
            )
            .await?;
        Ok(rows.iter().map(|r| (r.get(0), version(r.get(1)))).collect())
    }

    pub async fn response_count(&self) -> Result<u64> {
        // The participation counts sum to the responses without a scan.
        let n: i64 = self
            .client()
            .await?
            .query_one(
                "SELECT COALESCE(sum(responses), 0)::bigint FROM participation_days",
                &[],
            )
            .await?
            .get(0);
        Ok(u64::try_from(n).unwrap_or(0))
    }

    pub async fn held_responses(&self, limit: usize) -> Result<Vec<HeldResponse>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT id, submitted_at, flags FROM responses WHERE held
                 ORDER BY submitted_at DESC LIMIT $1",
                &[&(limit as i64)],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect())
    }

    /// Accepts a held response into the peer figures, and into its team's
    /// figures after every member counted so far.
    pub async fn accept_response(&self, id: &str) -> Result<bool> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let n = tx
            .execute(
                "UPDATE responses SET held = false WHERE id = $1 AND held",
                &[&id],
            )
            .await?;
        if n == 1 {
            tx.execute(
                "UPDATE team_members SET counted_order = next_counted_order(team_id)
                 WHERE response_id = $1 AND counted_order IS NULL",
                &[&id],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(n == 1)
    }

    /// Derives again the company numbers of the rows a migration listed
    /// (stored before the rule on decided deals), a batch per transaction,
    /// under a lock that only one starting server holds at a time; returns how
    /// many.
    pub async fn derive_listed_rows(&self) -> Result<usize> {
        const BATCH: i64 = 500;
        let mut client = self.client().await?;
        client
            .execute("SELECT pg_advisory_lock($1)", &[&DERIVE_LOCK])
            .await?;
        let mut derived = 0;
        let result: Result<()> = async {
            loop {
                let tx = client.transaction().await?;
                let rows = tx
                    .query(
                        "SELECT r.seq, r.id, r.questionnaire_id, r.questionnaire_version, r.answers
                         FROM responses_to_derive d JOIN responses r ON r.seq = d.seq
                         ORDER BY d.seq LIMIT $1",
                        &[&BATCH],
                    )
                    .await?;
                if rows.is_empty() {
                    // Rows deleted since they were listed.
                    tx.execute("DELETE FROM responses_to_derive", &[]).await?;
                    tx.commit().await?;
                    return Ok(());
                }
                for r in &rows {
                    let (seq, id, qid): (i64, String, String) = (r.get(0), r.get(1), r.get(2));
                    let q = self.version_of(&qid, version(r.get(3)))?;
                    let keyed = super::super::compact::decode_answers(q, r.get(4))?;
                    let read = crate::study::read_stored_answers(q, &keyed, &id);
                    let numbers = crate::domain::peer::PeerRecord::numbers_of(
                        q,
                        &crate::domain::velocity::CompanyNumbers::from_answers(q, &read),
                    );
                    tx.execute(
                        "UPDATE responses SET peer_numbers = $2 WHERE seq = $1",
                        &[&seq, &encode_peer_numbers(&numbers)],
                    )
                    .await?;
                    tx.execute("DELETE FROM responses_to_derive WHERE seq = $1", &[&seq])
                        .await?;
                }
                tx.commit().await?;
                derived += rows.len();
            }
        }
        .await;
        client
            .execute("SELECT pg_advisory_unlock($1)", &[&DERIVE_LOCK])
            .await?;
        result.map(|()| derived)
    }

    /// A response's place in the peer figures as a change records it (see
    /// `left_figures`): its study, version, peer group, scores and numbers.
    fn figures_of(&self, r: &Row) -> Result<String> {
        let qid: String = r.get(0);
        let v = version(r.get(1));
        let choices: Vec<u8> = r.get(2);
        let numbers: Vec<u8> = r.get(3);
        let profile = match self.catalogue.as_deref().and_then(|c| c.get(&qid, v)) {
            Some(q) => profile_of_choices(q, &choices),
            None => BTreeMap::new(),
        };
        let scores = scores_at(r, 4);
        let numbers = decode_peer_numbers(&numbers);
        Ok(serde_json::json!({
            "questionnaire_id": qid,
            "version": v,
            "profile": profile,
            "scores": IndexKind::ALL.map(|k| *scores.get(k)),
            "numbers": PeerNumber::ALL.map(|n| *numbers.get(n)),
        })
        .to_string())
    }

    // ---- Drafts ----

    pub async fn create_draft(&self, id: &str, qid: &str, v: u32, now: &str) -> Result<()> {
        let client = self.client().await?;
        let stmt = client
            .prepare_cached(
                "INSERT INTO drafts (id, questionnaire_id, questionnaire_version, started_at,
                     updated_at) VALUES ($1, $2, $3, $4, $4)",
            )
            .await?;
        client
            .execute(&stmt, &[&id, &qid, &(v as i32), &now])
            .await?;
        Ok(())
    }

    pub async fn create_linked_draft(&self, d: &LinkedDraft) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "INSERT INTO drafts (id, questionnaire_id, questionnaire_version, answers,
                 started_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
            &[
                &d.id,
                &d.questionnaire_id,
                &(d.questionnaire_version as i32),
                &d.answers,
                &d.now,
            ],
        )
        .await?;
        tx.execute(
            "INSERT INTO draft_links (draft_id, team_id, show_name, previous_id)
             VALUES ($1, $2, $3, $4)",
            &[
                &d.id,
                &d.link.team_id,
                &d.link.show_name,
                &d.link.previous_id,
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn draft(&self, id: &str) -> Result<Option<Draft>> {
        let client = self.client().await?;
        let stmt = client
            .prepare_cached(
                "SELECT id, questionnaire_id, questionnaire_version, answers, page, started_at,
                        response_id, language FROM drafts WHERE id = $1",
            )
            .await?;
        let Some(r) = client.query_opt(&stmt, &[&id]).await? else {
            return Ok(None);
        };
        let answers: String = r.get(3);
        let page: i32 = r.get(4);
        Ok(Some(Draft {
            id: r.get(0),
            questionnaire_id: r.get(1),
            questionnaire_version: version(r.get(2)),
            answers: parse_json(&answers, "draft answers")?,
            page: usize::try_from(page).unwrap_or(1).max(1),
            started_at: r.get(5),
            response_id: r.get(6),
            language: r.get(7),
        }))
    }

    pub async fn save_draft(
        &self,
        id: &str,
        answers: &str,
        page: usize,
        now: &str,
        language: &str,
    ) -> Result<bool> {
        let client = self.client().await?;
        let stmt = client
            .prepare_cached(
                "UPDATE drafts SET answers = $2, page = $3, updated_at = $4, language = $5
                 WHERE id = $1 AND response_id IS NULL",
            )
            .await?;
        let page = i32::try_from(page).unwrap_or(i32::MAX);
        Ok(client
            .execute(&stmt, &[&id, &answers, &page, &now, &language])
            .await?
            == 1)
    }

    pub async fn draft_link(&self, id: &str) -> Result<Option<DraftLink>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT team_id, show_name, previous_id FROM draft_links WHERE draft_id = $1",
                &[&id],
            )
            .await?;
        Ok(row.map(|r| DraftLink {
            team_id: r.get(0),
            show_name: r.get(1),
            previous_id: r.get(2),
        }))
    }

    pub async fn expire_drafts(&self, saved_before: &str) -> Result<usize> {
        let n = self
            .client()
            .await?
            .execute(
                "DELETE FROM drafts WHERE response_id IS NULL AND updated_at < $1",
                &[&saved_before],
            )
            .await?;
        if n > 0 {
            self.scrub(&["drafts", "draft_links"]).await;
        }
        Ok(n as usize)
    }

    // ---- Teams ----

    async fn team_where(&self, column: &str, key: &str) -> Result<Option<Team>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {TEAM_COLUMNS} FROM teams WHERE {column} = $1"),
                &[&key],
            )
            .await?;
        row.map(|r| {
            let profile: String = r.get(4);
            Ok(Team {
                id: r.get(0),
                invite_id: r.get(1),
                created_at: r.get(2),
                starter_response_id: r.get(3),
                profile: parse_json(&profile, "team profile")?,
                wave: version(r.get(5)),
            })
        })
        .transpose()
    }

    pub async fn team(&self, id: &str) -> Result<Option<Team>> {
        self.team_where("id", id).await
    }

    pub async fn team_by_invite(&self, id: &str) -> Result<Option<Team>> {
        self.team_where("invite_id", id).await
    }

    pub async fn team_started_by(&self, id: &str) -> Result<Option<Team>> {
        self.team_where("starter_response_id", id).await
    }

    pub async fn membership(&self, id: &str) -> Result<Option<(String, u32)>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT team_id, wave FROM team_members WHERE response_id = $1",
                &[&id],
            )
            .await?;
        Ok(row.map(|r| (r.get(0), version(r.get(1)))))
    }

    pub async fn create_team(&self, team: &Team, starter: &str) -> Result<bool> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let inserted = tx
            .execute(
                "INSERT INTO teams (id, invite_id, created_at, starter_response_id, profile, wave)
                 SELECT $1, $2, $3, $4, $5, 1
                 WHERE NOT EXISTS (SELECT 1 FROM team_members WHERE response_id = $4)
                   AND EXISTS (SELECT 1 FROM responses WHERE id = $4)",
                &[
                    &team.id,
                    &team.invite_id,
                    &team.created_at,
                    &starter,
                    &team.profile.to_string(),
                ],
            )
            .await;
        match inserted {
            Ok(1) => {}
            Ok(_) => return Ok(false),
            // Started from another tab, or through another server, meanwhile.
            Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => return Ok(false),
            Err(e) => return Err(e.into()),
        }
        tx.execute(
            "INSERT INTO team_members (response_id, team_id, wave, show_name, counted_order)
             SELECT $1, $2, 1, false, CASE WHEN held THEN NULL ELSE 1 END
             FROM responses WHERE id = $1",
            &[&starter, &team.id],
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn team_members(&self, team_id: &str) -> Result<Vec<MemberRow>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT m.wave, r.answers, r.overall, r.value, r.number, r.win_rate,
                        r.sales_cycle, r.personal, CASE WHEN m.show_name THEN r.contact END,
                        r.questionnaire_id, r.questionnaire_version,
                        r.held OR m.counted_order IS NULL
                 FROM team_members m JOIN responses r ON r.id = m.response_id
                 WHERE m.team_id = $1
                 ORDER BY m.wave, m.counted_order IS NULL, m.counted_order, r.submitted_at, r.seq",
                &[&team_id],
            )
            .await?;
        rows.iter()
            .map(|r| {
                let qid: String = r.get(9);
                let q = self.version_of(&qid, version(r.get(10)))?;
                let answers: String = r.get(1);
                let contact: Option<String> = r.get(8);
                Ok(MemberRow {
                    wave: version(r.get(0)),
                    answers: super::super::compact::decode_answers(q, &answers)?,
                    scores: scores_at(r, 2),
                    shown_contact: contact.map(|c| parse_json(&c, "contact")).transpose()?,
                    held: r.get(11),
                    questionnaire_id: qid,
                })
            })
            .collect()
    }

    pub async fn open_next_wave(&self, team_id: &str) -> Result<u32> {
        let row = self
            .client()
            .await?
            .query_opt(
                "UPDATE teams SET wave = wave + CASE WHEN EXISTS (
                     SELECT 1 FROM team_members m
                     WHERE m.team_id = teams.id AND m.wave = teams.wave) THEN 1 ELSE 0 END
                 WHERE id = $1 RETURNING wave",
                &[&team_id],
            )
            .await?;
        row.map(|r| version(r.get(0)))
            .ok_or_else(|| PgError::Corrupt(super::Corrupt("team vanished".into())))
    }

    pub async fn previous_response(&self, id: &str) -> Result<Option<String>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT previous_id FROM response_links WHERE response_id = $1",
                &[&id],
            )
            .await?;
        Ok(row.map(|r| r.get(0)))
    }

    pub async fn record_questionnaire_version(
        &self,
        qid: &str,
        v: u32,
        items: &[String],
    ) -> Result<()> {
        let items = serde_json::to_string(items)
            .map_err(|e| PgError::Corrupt(super::Corrupt(format!("item ids: {e}"))))?;
        self.client()
            .await?
            .execute(
                "INSERT INTO questionnaire_versions (questionnaire_id, version, items)
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &[&qid, &(v as i32), &items],
            )
            .await?;
        Ok(())
    }

    pub async fn questionnaire_version_items(
        &self,
        qid: &str,
        v: u32,
    ) -> Result<Option<Vec<String>>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT items FROM questionnaire_versions
                 WHERE questionnaire_id = $1 AND version = $2",
                &[&qid, &(v as i32)],
            )
            .await?;
        row.map(|r| parse_json(r.get(0), "item ids")).transpose()
    }

    pub async fn team_figures(&self) -> Result<TeamFigures> {
        let client = self.client().await?;
        let teams: i64 = client
            .query_one("SELECT count(*) FROM teams", &[])
            .await?
            .get(0);
        let mut figures = TeamFigures {
            teams: teams as usize,
            ..TeamFigures::default()
        };
        for r in client
            .query(
                "SELECT count(*), count(DISTINCT wave) FROM team_members GROUP BY team_id",
                &[],
            )
            .await?
        {
            let (members, waves): (i64, i64) = (r.get(0), r.get(1));
            figures.members_per_team.push(members as usize);
            if waves > 1 {
                figures.teams_with_second_wave += 1;
            }
        }
        let r = client
            .query_one(
                "SELECT count(*), count(DISTINCT previous_id) FROM response_links",
                &[],
            )
            .await?;
        figures.repeat_responses = r.get::<_, i64>(0) as usize;
        figures.assessed_again = r.get::<_, i64>(1) as usize;
        Ok(figures)
    }

    pub async fn team_wave_groups(&self) -> Result<ScoreGroups> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT m.wave, r.overall, r.value, r.number, r.win_rate, r.sales_cycle, r.personal
                 FROM team_members m JOIN responses r ON r.id = m.response_id
                 WHERE m.wave IN (1, 2) AND NOT r.held AND m.counted_order IS NOT NULL
                   AND m.team_id IN (SELECT t.team_id FROM team_members t
                                     JOIN responses tr ON tr.id = t.response_id
                                     WHERE t.wave = 2 AND NOT tr.held)",
                &[],
            )
            .await?;
        let (mut first, mut second) = (Vec::new(), Vec::new());
        for r in &rows {
            if r.get::<_, i32>(0) == 1 {
                first.push(scores_at(r, 1));
            } else {
                second.push(scores_at(r, 1));
            }
        }
        Ok((first, second))
    }

    pub async fn repeat_groups(&self) -> Result<ScoreGroups> {
        let client = self.client().await?;
        let first = client
            .query(
                "SELECT overall, value, number, win_rate, sales_cycle, personal FROM responses
                 WHERE id IN (SELECT previous_id FROM response_links)
                   AND id NOT IN (SELECT response_id FROM response_links)",
                &[],
            )
            .await?;
        let later = client
            .query(
                "SELECT r.overall, r.value, r.number, r.win_rate, r.sales_cycle, r.personal
                 FROM response_links l JOIN responses r ON r.id = l.response_id
                 WHERE l.previous_id NOT IN (SELECT response_id FROM response_links)",
                &[],
            )
            .await?;
        Ok((
            first.iter().map(|r| scores_at(r, 0)).collect(),
            later.iter().map(|r| scores_at(r, 0)).collect(),
        ))
    }

    pub async fn waves_by_response(&self) -> Result<HashMap<String, (Option<String>, u32)>> {
        let client = self.client().await?;
        let mut out = HashMap::new();
        for r in client
            .query(
                "WITH RECURSIVE series(id, wave) AS (
                     SELECT l.previous_id, 1 FROM response_links l
                     WHERE NOT EXISTS (SELECT 1 FROM response_links p
                                       WHERE p.response_id = l.previous_id)
                     UNION
                     SELECT l.response_id, s.wave + 1
                     FROM response_links l JOIN series s ON l.previous_id = s.id
                 )
                 SELECT id, max(wave) FROM series GROUP BY id",
                &[],
            )
            .await?
        {
            out.insert(r.get(0), (None, version(r.get(1))));
        }
        for r in client
            .query("SELECT response_id, team_id, wave FROM team_members", &[])
            .await?
        {
            out.insert(r.get(0), (Some(r.get(1)), version(r.get(2))));
        }
        Ok(out)
    }

    // ---- Outbox ----

    /// Counts a request to queue a message against `bounds` and, within them,
    /// queues it (replacing an earlier one of the same kind from the same
    /// report), in one transaction. The transaction first takes a lock every
    /// request takes, so that requests through several servers at once are
    /// counted one after the other and none slips past a bound.
    pub async fn queue_email(&self, e: &NewEmail, bounds: &EmailBounds) -> Result<Queued> {
        let report_key = self.pseudonym(&e.response_id);
        // Keyed like a report, so that the table never holds an address.
        let client_key = self.pseudonym(&format!(
            "client {}",
            e.client.as_deref().unwrap_or("unknown")
        ));
        let window = i64::try_from(bounds.window.as_millis()).unwrap_or(i64::MAX);
        let now = e.asked_at_ms;
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&EMAIL_BOUNDS_LOCK])
            .await?;
        tx.execute(
            "DELETE FROM email_requests WHERE asked_at <= $1",
            &[&now.saturating_sub(window)],
        )
        .await?;
        let mut refused: Option<(EmailBound, i64)> = None;
        for (bound, limit, sql) in [
            (
                EmailBound::Report,
                bounds.per_report,
                "SELECT asked_at FROM email_requests WHERE report = $1
                 ORDER BY asked_at DESC LIMIT 1 OFFSET $2",
            ),
            (
                EmailBound::Client,
                bounds.per_client,
                "SELECT asked_at FROM email_requests WHERE client = $1
                 ORDER BY asked_at DESC LIMIT 1 OFFSET $2",
            ),
            (
                EmailBound::Total,
                bounds.total,
                // $1 counts for nothing here.
                "SELECT asked_at FROM email_requests WHERE $1::text IS NOT NULL
                 ORDER BY asked_at DESC LIMIT 1 OFFSET $2",
            ),
        ] {
            if limit == 0 {
                continue;
            }
            let key = if bound == EmailBound::Client {
                &client_key
            } else {
                &report_key
            };
            // The request that keeps the bound at its limit: the limit-th
            // newest in the window, if there are that many.
            let offset = i64::from(limit.max(1) - 1);
            if let Some(row) = tx.query_opt(sql, &[key, &offset]).await? {
                let asked_at: i64 = row.get(0);
                // Accepted again once that request leaves the window.
                let wait = asked_at.saturating_add(window).saturating_sub(now);
                if refused.is_none_or(|(_, longest)| wait > longest) {
                    refused = Some((bound, wait));
                }
            }
        }
        if let Some((bound, wait)) = refused {
            tx.commit().await?;
            let wait = std::time::Duration::from_millis(u64::try_from(wait).unwrap_or(0));
            return Ok(Queued::Refused {
                bound,
                wait: wait.max(std::time::Duration::from_secs(1)),
            });
        }
        tx.execute(
            "INSERT INTO email_requests (asked_at, report, client) VALUES ($1, $2, $3)",
            &[&now, &report_key, &client_key],
        )
        .await?;
        tx.execute(
            "DELETE FROM email_queue WHERE response_id = $1 AND kind = $2",
            &[&e.response_id, &e.kind.key()],
        )
        .await?;
        tx.execute(
            "INSERT INTO email_queue (response_id, team_id, kind, address, facts, due_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &e.response_id,
                &e.team_id,
                &e.kind.key(),
                &e.address,
                &e.facts.to_string(),
                &e.due_at,
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(Queued::Queued)
    }

    /// Due messages, each locked by this claim alone (`SKIP LOCKED`: another
    /// server's claim running at the same time takes others) and put off until
    /// `lease_until`, so that every message is sent by one server only.
    pub async fn claim_due_emails(
        &self,
        now: &str,
        lease_until: &str,
        ready_at: usize,
        limit: usize,
    ) -> Result<Vec<QueuedEmail>> {
        let rows = self
            .client()
            .await?
            .query(
                "UPDATE email_queue SET due_at = $2 WHERE id IN (
                     SELECT q.id FROM email_queue q
                     WHERE q.due_at <= $1 AND (q.kind <> 'team_ready' OR (
                         SELECT count(*) FROM team_members m JOIN teams t ON t.id = m.team_id
                         JOIN responses r ON r.id = m.response_id
                         WHERE t.id = q.team_id AND m.wave = t.wave AND NOT r.held
                           AND m.counted_order IS NOT NULL) >= $3)
                     ORDER BY q.due_at LIMIT $4
                     FOR UPDATE SKIP LOCKED)
                 RETURNING id, kind, address, facts, attempts",
                &[
                    &now,
                    &lease_until,
                    &i64::try_from(ready_at).unwrap_or(i64::MAX),
                    &(limit as i64),
                ],
            )
            .await?;
        let mut out = Vec::new();
        for r in &rows {
            // A kind this version does not know is left for the one that does.
            let Some(kind) = EmailKind::from_key(r.get(1)) else {
                continue;
            };
            let facts: String = r.get(3);
            out.push(QueuedEmail {
                id: r.get(0),
                kind,
                address: r.get(2),
                facts: parse_json(&facts, "email facts")?,
                attempts: u32::try_from(r.get::<_, i32>(4)).unwrap_or(0),
            });
        }
        Ok(out)
    }

    pub async fn forget_email(&self, id: i64) -> Result<()> {
        self.client()
            .await?
            .execute("DELETE FROM email_queue WHERE id = $1", &[&id])
            .await?;
        self.scrub(&["email_queue"]).await;
        Ok(())
    }

    pub async fn retry_email_at(&self, id: i64, due_at: &str) -> Result<()> {
        self.client()
            .await?
            .execute(
                "UPDATE email_queue SET attempts = attempts + 1, due_at = $2 WHERE id = $1",
                &[&id, &due_at],
            )
            .await?;
        Ok(())
    }

    pub async fn queued_email_count(&self, kind: EmailKind) -> Result<usize> {
        let n: i64 = self
            .client()
            .await?
            .query_one(
                "SELECT count(*) FROM email_queue WHERE kind = $1",
                &[&kind.key()],
            )
            .await?
            .get(0);
        Ok(n as usize)
    }

    // ---- Operators, sessions, API keys ----

    pub async fn add_operator(&self, name: &str, hash: &str, now: &str) -> Result<bool> {
        Ok(self
            .client()
            .await?
            .execute(
                "INSERT INTO operators (name, password_hash, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                &[&name, &hash, &now],
            )
            .await?
            == 1)
    }

    pub async fn remove_operator(&self, name: &str) -> Result<bool> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute("DELETE FROM sessions WHERE operator = $1", &[&name])
            .await?;
        let n = tx
            .execute("DELETE FROM operators WHERE name = $1", &[&name])
            .await?;
        tx.commit().await?;
        Ok(n > 0)
    }

    pub async fn operators(&self) -> Result<Vec<(String, String)>> {
        let rows = self
            .client()
            .await?
            .query("SELECT name, created_at FROM operators ORDER BY name", &[])
            .await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    pub async fn operator_hash(&self, name: &str) -> Result<Option<String>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT password_hash FROM operators WHERE name = $1",
                &[&name],
            )
            .await?;
        Ok(row.map(|r| r.get(0)))
    }

    pub async fn create_session(
        &self,
        id: &str,
        operator: &str,
        csrf: &str,
        now: &str,
    ) -> Result<()> {
        self.client()
            .await?
            .execute(
                "INSERT INTO sessions (id, operator, csrf_token, created_at, last_seen)
                 VALUES ($1, $2, $3, $4, $4)",
                &[&sha256_hex(id), &operator, &csrf, &now],
            )
            .await?;
        Ok(())
    }

    pub async fn session(&self, id: &str) -> Result<Option<Session>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT operator, csrf_token, created_at, last_seen FROM sessions WHERE id = $1",
                &[&sha256_hex(id)],
            )
            .await?;
        Ok(row.map(|r| Session {
            operator: r.get(0),
            csrf_token: r.get(1),
            created_at: r.get(2),
            last_seen: r.get(3),
        }))
    }

    pub async fn touch_session(&self, id: &str, now: &str) -> Result<()> {
        self.client()
            .await?
            .execute(
                "UPDATE sessions SET last_seen = $2 WHERE id = $1",
                &[&sha256_hex(id), &now],
            )
            .await?;
        Ok(())
    }

    pub async fn end_session(
        &self,
        id: &str,
        idle_before: &str,
        started_before: &str,
    ) -> Result<()> {
        self.client()
            .await?
            .execute(
                "DELETE FROM sessions WHERE id = $1 OR last_seen < $2 OR created_at < $3",
                &[&sha256_hex(id), &idle_before, &started_before],
            )
            .await?;
        Ok(())
    }

    pub async fn add_api_key(&self, name: &str, key: &str, now: &str) -> Result<bool> {
        Ok(self
            .client()
            .await?
            .execute(
                "INSERT INTO api_keys (name, key_hash, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                &[&name, &sha256_hex(key), &now],
            )
            .await?
            == 1)
    }

    pub async fn revoke_api_key(&self, name: &str, now: &str) -> Result<bool> {
        Ok(self
            .client()
            .await?
            .execute(
                "UPDATE api_keys SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL",
                &[&name, &now],
            )
            .await?
            == 1)
    }

    pub async fn api_keys(&self) -> Result<Vec<ApiKey>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT name, created_at, revoked_at FROM api_keys ORDER BY name",
                &[],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| ApiKey {
                name: r.get(0),
                created_at: r.get(1),
                revoked_at: r.get(2),
            })
            .collect())
    }

    pub async fn api_key_name(&self, key: &str) -> Result<Option<String>> {
        let client = self.client().await?;
        let stmt = client
            .prepare_cached("SELECT name FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL")
            .await?;
        let row = client.query_opt(&stmt, &[&sha256_hex(key)]).await?;
        Ok(row.map(|r| r.get(0)))
    }

    // ---- Privacy ----

    pub async fn find_for_deletion(&self, ids: &[String], words: &str) -> Result<Vec<Found>> {
        let client = self.client().await?;
        let words = words.trim();
        let mut found: Vec<Found> = Vec::new();
        let mut push = |r: &Row, kind| {
            let id: String = r.get(0);
            if found.len() < MAX_FOUND && !found.iter().any(|f| f.id == id) {
                found.push(Found {
                    id,
                    kind,
                    at: r.get(1),
                    company: r.get(2),
                    email: r.get::<_, Option<String>>(3).as_deref().map(mask_email),
                });
            }
        };
        for id in ids {
            if let Some(r) = client
                .query_opt(
                    "SELECT id, submitted_at, contact::jsonb ->> $2, contact::jsonb ->> $3
                     FROM responses WHERE id = $1
                        OR id = (SELECT response_id FROM drafts WHERE id = $1)",
                    &[id, &COMPANY_KEY, &EMAIL_KEY],
                )
                .await?
            {
                push(&r, FoundKind::Response);
                continue;
            }
            if let Some(r) = client
                .query_opt(
                    "SELECT id, updated_at, answers::jsonb ->> $2, answers::jsonb ->> $3
                     FROM drafts WHERE id = $1 AND response_id IS NULL",
                    &[id, &COMPANY_KEY, &EMAIL_KEY],
                )
                .await?
            {
                push(&r, FoundKind::Draft);
            }
        }
        if words.chars().count() >= 3 {
            let (email, company) = if words.contains('@') {
                (words.to_lowercase(), String::new())
            } else {
                (String::new(), words.to_lowercase())
            };
            for (sql, kind) in [
                (
                    "SELECT id, submitted_at, contact::jsonb ->> $3, contact::jsonb ->> $4
                     FROM responses WHERE contact IS NOT NULL AND (
                         lower(contact::jsonb ->> $4) = $1
                         OR ($2 <> '' AND strpos(lower(contact::jsonb ->> $3), $2) > 0))
                     ORDER BY submitted_at DESC LIMIT 50",
                    FoundKind::Response,
                ),
                (
                    "SELECT id, updated_at, answers::jsonb ->> $3, answers::jsonb ->> $4
                     FROM drafts WHERE response_id IS NULL AND (
                         lower(answers::jsonb ->> $4) = $1
                         OR ($2 <> '' AND strpos(lower(answers::jsonb ->> $3), $2) > 0))
                     ORDER BY updated_at DESC LIMIT 50",
                    FoundKind::Draft,
                ),
            ] {
                for r in client
                    .query(sql, &[&email, &company, &COMPANY_KEY, &EMAIL_KEY])
                    .await?
                {
                    push(&r, kind);
                }
            }
        }
        Ok(found)
    }

    /// Deletes in one transaction, logging the deletion (under the id's
    /// pseudonym) only if something was deleted; then scrubs the tables.
    async fn erase(
        &self,
        statements: &[&str],
        kind: &str,
        id: &str,
        operator: &str,
        now: &str,
        tables: &[&str],
    ) -> Result<bool> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // What the peer figures hold of a response, for every server to take
        // it out of theirs: read before its row goes.
        let figures = if kind == "response" {
            let row = tx
                .query_opt(
                    "SELECT questionnaire_id, questionnaire_version, choices, peer_numbers,
                            overall, value, number, win_rate, sales_cycle, personal, held
                     FROM responses WHERE id = $1 FOR UPDATE",
                    &[&id],
                )
                .await?;
            match row {
                Some(r) if !r.get::<_, bool>(10) => Some(self.figures_of(&r)?),
                _ => None,
            }
        } else {
            None
        };
        let mut deleted = 0;
        for sql in statements {
            deleted += tx.execute(*sql, &[&id]).await?;
        }
        if deleted > 0
            && let Some(figures) = figures
        {
            tx.execute(
                "INSERT INTO peer_changes (response_id, entered, figures) VALUES ($1, false, $2)",
                &[&id, &figures],
            )
            .await?;
            tx.execute("SELECT pg_notify('dealbench_peer_changes', '')", &[])
                .await?;
        }
        if deleted > 0 {
            tx.execute(
                "INSERT INTO deletion_log (deleted_at, operator, kind, pseudonym)
                 VALUES ($1, $2, $3, $4)",
                &[&now, &operator, &kind, &self.pseudonym(id)],
            )
            .await?;
        }
        tx.commit().await?;
        drop(client);
        if deleted > 0 {
            self.scrub(tables).await;
        }
        Ok(deleted > 0)
    }

    pub async fn erase_response(&self, id: &str, operator: &str, now: &str) -> Result<bool> {
        self.erase(
            &[
                // Unsubmitted questionnaires started from it ("assess again"
                // copies its name and company): before the response, whose
                // deletion unlinks them.
                "DELETE FROM drafts WHERE response_id IS NULL
                   AND id IN (SELECT draft_id FROM draft_links WHERE previous_id = $1)",
                "DELETE FROM drafts WHERE response_id = $1",
                "DELETE FROM responses WHERE id = $1",
            ],
            "response",
            id,
            operator,
            now,
            &[
                "responses",
                "drafts",
                "draft_links",
                "team_members",
                "response_links",
                "email_queue",
            ],
        )
        .await
    }

    pub async fn erase_draft(&self, id: &str, operator: &str, now: &str) -> Result<bool> {
        self.erase(
            &["DELETE FROM drafts WHERE id = $1 AND response_id IS NULL"],
            "draft",
            id,
            operator,
            now,
            &["drafts", "draft_links"],
        )
        .await
    }

    /// What the server allows after a deletion, so that the deleted rows go
    /// from the tables as soon as it can: VACUUM of the tables they were in
    /// (their space is freed and their index entries go; the bytes stay in
    /// the files until overwritten), then a checkpoint where the role may ask
    /// for one (so that the write-ahead log holding them can be recycled
    /// sooner). A failure is logged: the deletion itself stands.
    async fn scrub(&self, tables: &[&str]) {
        let client = match self.client().await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "no connection to vacuum after a deletion");
                return;
            }
        };
        let vacuum = format!("VACUUM {}", tables.join(", "));
        if let Err(e) = client.batch_execute(&vacuum).await {
            tracing::warn!(error = %e, "the tables could not be vacuumed after a deletion");
        }
        match client.batch_execute("CHECKPOINT").await {
            Ok(()) => {}
            Err(e) if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => {
                tracing::debug!("no checkpoint after a deletion: the role may not ask for one");
            }
            Err(e) => tracing::warn!(error = %e, "no checkpoint after a deletion"),
        }
    }

    pub async fn deletion_log(&self, limit: usize) -> Result<Vec<DeletionLogEntry>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT deleted_at, operator, kind, pseudonym FROM deletion_log
                 ORDER BY seq DESC LIMIT $1",
                &[&(limit as i64)],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect())
    }

    // ---- Console ----

    pub async fn participation(&self, qid: &str) -> Result<Vec<Participation>> {
        let client = self.client().await?;
        let mut by_version: BTreeMap<u32, Participation> = BTreeMap::new();
        for r in client
            .query(
                "SELECT questionnaire_version, count(*), count(response_id) FROM drafts
                 WHERE questionnaire_id = $1 GROUP BY questionnaire_version",
                &[&qid],
            )
            .await?
        {
            let p = by_version.entry(version(r.get(0))).or_default();
            p.started = r.get(1);
            p.completed_from_started = r.get(2);
        }
        for r in client
            .query(
                "SELECT questionnaire_version, synthetic, day, sum(responses)::bigint
                 FROM participation_days WHERE questionnaire_id = $1
                 GROUP BY 1, 2, 3 HAVING sum(responses) > 0",
                &[&qid],
            )
            .await?
        {
            let (synthetic, day, n): (bool, String, i64) = (r.get(1), r.get(2), r.get(3));
            let p = by_version.entry(version(r.get(0))).or_default();
            if synthetic {
                p.synthetic += n;
                *p.synthetic_per_day.entry(day).or_default() += n;
            } else {
                p.completed += n;
                *p.per_day.entry(day).or_default() += n;
            }
        }
        for r in client
            .query(
                "SELECT questionnaire_version,
                        extract(epoch FROM submitted_at::timestamptz - started_at::timestamptz)::float8
                 FROM responses
                 WHERE questionnaire_id = $1 AND NOT synthetic AND started_at IS NOT NULL",
                &[&qid],
            )
            .await?
        {
            if let Some(seconds) = r.get::<_, Option<f64>>(1) {
                by_version
                    .entry(version(r.get(0)))
                    .or_default()
                    .durations
                    .push(seconds);
            }
        }
        Ok(by_version
            .into_iter()
            .map(|(v, mut p)| {
                p.questionnaire_version = v;
                p
            })
            .collect())
    }

    pub async fn export_rows(
        &self,
        qid: &str,
        after: i64,
        limit: usize,
        with_answers: bool,
    ) -> Result<Vec<ExportRow>> {
        let client = self.client().await?;
        let stmt = client
            .prepare_cached(&format!(
                "SELECT {EXPORT_COLUMNS} FROM responses
                 WHERE questionnaire_id = $1 AND seq > $2 ORDER BY seq LIMIT $3"
            ))
            .await?;
        let rows = client
            .query(&stmt, &[&qid, &after, &(limit as i64)])
            .await?;
        rows.iter()
            .map(|r| self.export_row(r, with_answers).map(|(_, row)| row))
            .collect()
    }
}
