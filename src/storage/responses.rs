//! Stored responses read back: one by id (with its scorecard derived from the
//! answers, by its own questionnaire version), all of a study at start-up from
//! their compact columns only, and the one-time conversion of rows stored before
//! the compact form.

use std::sync::Arc;

use rusqlite::types::Value as Sql;
use rusqlite::{OptionalExtension, params};
use serde_json::Value;

use super::compact::{
    decode_answers, decode_peer_numbers, decode_standing, encode_answers, encode_choices,
    encode_peer_numbers, encode_standing, profile_of,
};
use super::{Contact, Result, StorageError, Store, StoredResponse, connect, parse_json};
use crate::domain::Catalogue;
use crate::domain::answers::Answers;
use crate::domain::peer::{PerIndex, PerNumber};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::score;

/// Rows converted per transaction: small enough that the writer is never kept
/// waiting long, large enough that the fsyncs do not dominate.
const CONVERT_BATCH: usize = 2_000;

/// A stored response as the peer index and the console load it at start-up:
/// columns only, no JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedResponse {
    pub id: String,
    pub submitted_at: String,
    pub questionnaire_version: u32,
    pub synthetic: bool,
    /// One byte per item (see `compact::encode_choices`).
    pub choices: Vec<u8>,
    pub peer_numbers: PerNumber<Option<f64>>,
    pub scores: PerIndex<Option<f64>>,
    pub held: bool,
}

/// Reads stored answers (keyed by item id) leniently against `q` and logs what
/// no longer fits: the one policy for answers kept from before.
pub fn read_stored_answers(q: &Questionnaire, json: &Value, whose: &str) -> Answers {
    let (answers, dropped) = Answers::read_stored(q, json);
    for problem in &dropped {
        tracing::warn!(
            response = whose,
            questionnaire = %q.id,
            version = q.version,
            item = problem.item.as_deref().unwrap_or(""),
            reason = %problem.message,
            "a stored answer no longer fits its questionnaire and was left out"
        );
    }
    answers
}

impl Store {
    /// Gives the store the questionnaire versions it decodes stored responses
    /// with. The study does this when it opens.
    pub fn use_catalogue(&self, catalogue: Arc<Catalogue>) {
        match self.catalogue.write() {
            Ok(mut slot) => *slot = Some(catalogue),
            Err(poisoned) => *poisoned.into_inner() = Some(catalogue),
        }
    }

    pub(super) fn catalogue(&self) -> Result<Arc<Catalogue>> {
        let slot = match self.catalogue.read() {
            Ok(slot) => slot,
            Err(poisoned) => poisoned.into_inner(),
        };
        slot.clone().ok_or(StorageError::NoCatalogue)
    }

    /// A submitted response by its report id, its scorecard derived from its
    /// answers by its own questionnaire version. Blocking.
    ///
    /// # Errors
    /// When the row cannot be read, or its version is not in the catalogue.
    pub fn response(&self, id: &str) -> Result<Option<StoredResponse>> {
        let catalogue = self.catalogue()?;
        let row = self.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT id, questionnaire_id, questionnaire_version, submitted_at, synthetic,
                            answers, contact, standing
                     FROM responses WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, u32>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, bool>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Sql>(7)?,
                    ))
                })
                .optional()?)
        })?;
        let Some((id, qid, version, submitted_at, synthetic, answers, contact, standing)) = row
        else {
            return Ok(None);
        };
        let q = version_of(&catalogue, &qid, version)?;
        let answers = decode_answers(q, &answers).map_err(|e| e.in_file(self.path()))?;
        let contact: Contact = match contact {
            Some(c) => parse_json(&c, "contact")?,
            None => Contact::new(),
        };
        let standing = decode_standing(&standing).map_err(|e| e.in_file(self.path()))?;
        // Scored as it was at submission: with the contact details given beside
        // the answers, benchmarked against the standing's frozen tops.
        let mut full = answers.clone();
        if let Some(map) = full.as_object_mut() {
            for (k, v) in &contact {
                map.insert(k.clone(), Value::String(v.clone()));
            }
        }
        let read = read_stored_answers(q, &full, &id);
        let mut scorecard = score(q, &read);
        scorecard.benchmark_against(q, &standing.tops);
        let profile = profile_of(q, &encode_choices(q, &read));
        Ok(Some(StoredResponse {
            id,
            questionnaire_id: qid,
            questionnaire_version: version,
            submitted_at,
            synthetic,
            profile,
            answers,
            contact,
            scorecard,
            standing,
        }))
    }

    /// Calls `each` with every response of a questionnaire id, in storage order,
    /// from the compact columns alone. Blocking: holds one read connection
    /// throughout.
    ///
    /// # Errors
    /// When the rows cannot be read.
    pub fn each_response(
        &self,
        questionnaire_id: &str,
        mut each: impl FnMut(LoadedResponse) -> Result<()>,
    ) -> Result<()> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT id, submitted_at, questionnaire_version, synthetic, choices, peer_numbers,
                        overall, value, number, win_rate, sales_cycle, personal, held
                 FROM responses WHERE questionnaire_id = ?1 ORDER BY seq",
            )?;
            let mut rows = stmt.query([questionnaire_id])?;
            while let Some(r) = rows.next()? {
                let choices: Option<Vec<u8>> = r.get(4)?;
                let numbers: Option<Vec<u8>> = r.get(5)?;
                each(LoadedResponse {
                    id: r.get(0)?,
                    submitted_at: r.get(1)?,
                    questionnaire_version: r.get(2)?,
                    synthetic: r.get(3)?,
                    // Only rows not yet converted lack them; the study converts
                    // every row before it loads.
                    choices: choices.ok_or_else(|| {
                        StorageError::Corrupt("a response still in the old form".into())
                    })?,
                    peer_numbers: decode_peer_numbers(numbers.as_deref().unwrap_or_default()),
                    scores: PerIndex {
                        overall: r.get(6)?,
                        value: r.get(7)?,
                        number: r.get(8)?,
                        win_rate: r.get(9)?,
                        sales_cycle: r.get(10)?,
                        personal: r.get(11)?,
                    },
                    held: r.get(12)?,
                })?;
            }
            Ok(())
        })
    }

    /// Every (questionnaire id, version) that has stored responses, from the
    /// participation counts (a few rows, not every response). Blocking.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn stored_versions(&self) -> Result<Vec<(String, u32)>> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT DISTINCT questionnaire_id, questionnaire_version FROM participation_days",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Converts responses stored before the compact form (answers keyed by item
    /// id, a JSON standing, no choices), and derives again the columns of rows a
    /// migration marked (choices cleared: company numbers stored before the rule
    /// on decided deals), in batches, each batch one transaction; returns how
    /// many. Afterwards the file is compacted, since the old rows' space is free.
    /// Blocking; run before the study loads.
    ///
    /// # Errors
    /// When a row's questionnaire version is not in the catalogue (nothing of
    /// that batch is written), or the database cannot be written.
    pub fn convert_old_rows(&self) -> Result<usize> {
        let catalogue = self.catalogue()?;
        let mut conn = connect(self.path()).map_err(|e| e.in_file(self.path()))?;
        let mut converted = 0;
        loop {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let batch: Vec<(i64, String, String, u32, String, Sql)> = {
                let mut stmt = tx.prepare(
                    "SELECT seq, id, questionnaire_id, questionnaire_version, answers, standing
                     FROM responses WHERE choices IS NULL ORDER BY seq LIMIT ?1",
                )?;
                stmt.query_map([CONVERT_BATCH as i64], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?
            };
            if batch.is_empty() {
                break;
            }
            {
                let mut update = tx.prepare(
                    "UPDATE responses SET answers = ?2, choices = ?3, peer_numbers = ?4,
                         standing = ?5 WHERE seq = ?1",
                )?;
                for (seq, id, qid, version, answers, standing) in &batch {
                    let q = version_of(&catalogue, qid, *version)?;
                    let json = decode_answers(q, answers)?;
                    let read = read_stored_answers(q, &json, id);
                    // Re-serialised through the standing's type, so it comes out
                    // in the form this build writes.
                    let standing = encode_standing(&decode_standing(standing)?)?;
                    update.execute(params![
                        seq,
                        encode_answers(q, &read),
                        encode_choices(q, &read),
                        encode_peer_numbers(q, &read),
                        standing
                    ])?;
                }
            }
            tx.commit()?;
            converted += batch.len();
            tracing::info!(converted, "responses' stored columns derived again");
        }
        if converted > 0 {
            conn.execute_batch("VACUUM")?;
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(converted)
    }
}

/// The questionnaire version a response was answered with.
///
/// # Errors
/// `MissingVersion` when the catalogue does not have it.
pub fn version_of<'c>(
    catalogue: &'c Catalogue,
    id: &str,
    version: u32,
) -> Result<&'c Questionnaire> {
    catalogue
        .get(id, version)
        .ok_or_else(|| StorageError::MissingVersion {
            id: id.to_string(),
            version,
        })
}
