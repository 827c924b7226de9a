//! The compact form of a stored response: what a response is, relative to the
//! questionnaire version it was answered against, and nothing derivable from it.
//!
//! - `answers`: a JSON array by item position (an option by its index, a number,
//!   a text; `null` unanswered; trailing `null`s left out). Contact details are
//!   stored apart and never here.
//! - `choices`: one byte per item, the chosen option's index plus one (0: none).
//!   The console's answer distributions and the peer profile are read from it
//!   without parsing any JSON.
//! - `peer_numbers`: the company numbers the peer index holds (indexed like
//!   `PeerNumber::ALL`), little-endian `f64`, NaN where not given, trailing
//!   absent values left out.
//! - `standing`: the frozen peer standing, its JSON deflated.
//!
//! - `scoring`: what scoring decided beyond the index scores (the domain's
//!   `ScoreRecord`), JSON.
//!
//! The scorecard is not stored whole: it is read back from the index scores,
//! the scoring record, the answers and the standing's frozen tops, without
//! scoring again. Rows written before this form (answers as a JSON object keyed
//! by item id, the standing as JSON text, no scoring record) are still read, and
//! converted at start-up.
//!
//! Both adapters store these same forms (SQLite in TEXT and BLOB columns,
//! PostgreSQL in text and bytea), so that a study copied from one to the other
//! is byte for byte what it was.

use serde_json::{Map, Value};

use crate::domain::answers::{Answer, Answers};
use crate::domain::comparison::{choices_of, profile_of_choices};
use crate::domain::peer::{PeerNumber, PeerStanding, PerIndex, PerNumber};
use crate::domain::questionnaire::{Item, ItemKind, Questionnaire};
use crate::domain::scoring::{ScoreRecord, Scorecard, score};
use crate::study::read_stored_answers;
use crate::study::records::{Contact, StoredResponse};

/// A stored value that cannot be read back (edited by hand, or a bug).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("stored data is corrupt: {0}")]
pub struct Corrupt(pub String);

type Result<T> = std::result::Result<T, Corrupt>;

/// The answers, positionally. `answers` should hold no contact details.
pub fn encode_answers(q: &Questionnaire, answers: &Answers) -> String {
    let mut values: Vec<Value> = (0..q.items.len())
        .map(|pos| match answers.get(pos) {
            None => Value::Null,
            Some(Answer::Option(i)) => Value::from(*i as u64),
            Some(Answer::Number(n)) if n.fract() == 0.0 && n.abs() < 9e15 => Value::from(*n as i64),
            Some(Answer::Number(n)) => serde_json::Number::from_f64(*n)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            Some(Answer::Text(t)) => Value::String(t.clone()),
        })
        .collect();
    while values.last().is_some_and(Value::is_null) {
        values.pop();
    }
    Value::Array(values).to_string()
}

/// The stored answers as a JSON object keyed by item id (the form the rest of
/// the program reads), from either stored form. An option index the version
/// does not offer is left out (the lenient reader would drop it anyway).
///
/// # Errors
/// When the text is not JSON.
pub fn decode_answers(q: &Questionnaire, text: &str) -> Result<Value> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| Corrupt(format!("stored answers: {e}")))?;
    let Value::Array(values) = value else {
        // Written before the compact form: already keyed.
        return Ok(value);
    };
    let map: Map<String, Value> = q
        .items
        .iter()
        .zip(values)
        .filter_map(|(item, value)| Some((item.id.clone(), keyed(item, value)?)))
        .collect();
    Ok(Value::Object(map))
}

/// The stored answers as export text, by item position in `q` (the response's
/// own version): the chosen option's id, the number as it was stored, or the
/// text; `None` where unanswered. The same values [`decode_answers`] gives,
/// without building a map keyed by item id for every row.
///
/// # Errors
/// When the text is not JSON.
pub fn answer_texts(q: &Questionnaire, text: &str) -> Result<Vec<Option<String>>> {
    let corrupt = |e: serde_json::Error| Corrupt(format!("stored answers: {e}"));
    if text.trim_start().starts_with('[') {
        let values: Vec<Value> = serde_json::from_str(text).map_err(corrupt)?;
        let mut texts: Vec<Option<String>> = q
            .items
            .iter()
            .zip(values)
            .map(|(item, value)| keyed(item, value).and_then(cell_text))
            .collect();
        texts.resize(q.items.len(), None);
        return Ok(texts);
    }
    // Written before the compact form: keyed by item id.
    let mut keyed: Map<String, Value> = match serde_json::from_str(text).map_err(corrupt)? {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    Ok(q.items
        .iter()
        .map(|item| keyed.remove(&item.id).and_then(cell_text))
        .collect())
}

/// One positional value as the keyed form holds it: an option index becomes the
/// option's id; `None` for unanswered or an option the item does not offer.
fn keyed(item: &Item, value: Value) -> Option<Value> {
    match (&item.kind, value) {
        (_, Value::Null) => None,
        (ItemKind::Number | ItemKind::Text, v) => Some(v),
        (_, Value::Number(n)) => {
            let option = item.options.get(usize::try_from(n.as_u64()?).ok()?)?;
            Some(Value::String(option.id.clone()))
        }
        (_, v) => Some(v),
    }
}

/// An answer as a cell of text: a string as it is, a number as stored.
fn cell_text(value: Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The company numbers the peer index holds, as a column (as the domain's
/// `PeerRecord` reads them: a counted win rate, and the velocity built on it,
/// only from enough deals decided).
pub fn encode_peer_numbers(numbers: &PerNumber<Option<f64>>) -> Vec<u8> {
    let values = PeerNumber::ALL.map(|n| *numbers.get(n));
    let used = values
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |i| i + 1);
    values[..used]
        .iter()
        .flat_map(|v| v.unwrap_or(f64::NAN).to_le_bytes())
        .collect()
}

/// The numbers of an [`encode_peer_numbers`] column (stored in `PeerNumber::ALL`
/// order, which the column's format fixes: new numbers go at the end).
pub fn decode_peer_numbers(blob: &[u8]) -> PerNumber<Option<f64>> {
    let mut out = [None; PeerNumber::ALL.len()];
    for (slot, bytes) in out.iter_mut().zip(blob.chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(bytes);
        let v = f64::from_le_bytes(b);
        *slot = (!v.is_nan()).then_some(v);
    }
    let mut numbers = PerNumber::from_fn(|_| None);
    for (n, v) in PeerNumber::ALL.iter().zip(out) {
        *numbers.get_mut(*n) = v;
    }
    numbers
}

/// The frozen standing, as stored.
///
/// # Errors
/// Only if the standing cannot be serialised, which would be a bug.
pub fn encode_standing(standing: &PeerStanding) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(standing)
        .map_err(|e| Corrupt(format!("cannot serialise the standing: {e}")))?;
    Ok(encode_standing_json(&json))
}

/// As [`encode_standing`], from the standing already serialised as JSON.
pub fn encode_standing_json(json: &[u8]) -> Vec<u8> {
    deflate(json)
}

/// Raw deflate at the fastest level, with fixed codes. A compressor's state is a few hundred
/// kilobytes: each thread keeps one and resets it, rather than allocating and
/// zeroing a new one for every submission.
fn deflate(data: &[u8]) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        CompressorOxide, TDEFLFlush, TDEFLStatus, compress_to_output,
        create_comp_flags_from_zip_params, deflate_flags,
    };
    thread_local! {
        static COMPRESSOR: std::cell::RefCell<Option<Box<CompressorOxide>>> =
            const { std::cell::RefCell::new(None) };
    }
    COMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let compressor = slot.get_or_insert_with(|| {
            // Fixed Huffman codes: building dynamic tables for every small
            // standing costs more time than the few bytes they save.
            let flags = create_comp_flags_from_zip_params(1, 0, 0)
                | deflate_flags::TDEFL_FORCE_ALL_STATIC_BLOCKS;
            Box::new(CompressorOxide::new(flags))
        });
        compressor.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        let (status, _) = compress_to_output(compressor, data, TDEFLFlush::Finish, |chunk| {
            out.extend_from_slice(chunk);
            true
        });
        if status == TDEFLStatus::Done {
            out
        } else {
            // Cannot happen with an output that always accepts; the one-shot
            // path is the fallback all the same.
            miniz_oxide::deflate::compress_to_vec(data, 1)
        }
    })
}

/// A standing as a row holds it.
pub enum StoredStanding<'a> {
    /// Deflated JSON: the compact form.
    Deflated(&'a [u8]),
    /// JSON text, written before the compact form.
    Text(&'a str),
}

/// A stored standing, in either form.
///
/// # Errors
/// When it does not read as a standing.
pub fn decode_standing(stored: StoredStanding<'_>) -> Result<PeerStanding> {
    let corrupt = |e: String| Corrupt(format!("stored standing: {e}"));
    match stored {
        StoredStanding::Text(text) => {
            serde_json::from_str(text).map_err(|e| corrupt(e.to_string()))
        }
        StoredStanding::Deflated(bytes) => {
            let json = miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, 1 << 20)
                .map_err(|e| corrupt(format!("{e:?}")))?;
            serde_json::from_slice(&json).map_err(|e| corrupt(e.to_string()))
        }
    }
}

/// What scoring decided, as stored.
pub fn encode_scoring(record: &ScoreRecord) -> String {
    // A record is numbers and an enum: it always serialises.
    serde_json::to_string(record).unwrap_or_default()
}

/// A stored scoring record.
///
/// # Errors
/// When it does not read as one.
pub fn decode_scoring(text: &str) -> Result<ScoreRecord> {
    serde_json::from_str(text).map_err(|e| Corrupt(format!("stored scoring: {e}")))
}

/// The columns of a stored response, before it is read back.
pub struct RowParts<'a> {
    pub id: String,
    pub submitted_at: String,
    pub synthetic: bool,
    /// Positional (or, before the compact form, keyed by item id).
    pub answers: &'a str,
    pub contact: Contact,
    pub standing: PeerStanding,
    /// None before the compact form.
    pub choices: Option<&'a [u8]>,
    /// None before scoring records were kept.
    pub scoring: Option<&'a str>,
    pub scores: PerIndex<Option<f64>>,
    pub language: crate::domain::language::Language,
}

/// A stored response read back with `q`, its own questionnaire version: the
/// answers keyed by item id, the profile from the choices, the scorecard from
/// the scores and the scoring record against the standing's frozen tops. A row
/// without a record (stored before records were kept, and not yet converted)
/// is scored as it was at submission, once more. Shared by both adapters.
pub fn read_back(q: &Questionnaire, row: RowParts<'_>) -> Result<StoredResponse> {
    let answers = decode_answers(q, row.answers)?;
    let read = read_stored_answers(q, &answers, &row.id);
    let choices = match row.choices {
        Some(c) => c.to_vec(),
        None => choices_of(q, &read),
    };
    let tops = &row.standing.tops;
    let scorecard = match row.scoring {
        Some(text) => Scorecard::from_record(q, &read, &row.scores, &decode_scoring(text)?, tops)
            .map_err(|e| Corrupt(e.to_string()))?,
        None => {
            let mut card = score(q, &read);
            card.benchmark_against(q, tops);
            card
        }
    };
    Ok(StoredResponse {
        id: row.id,
        questionnaire_id: q.id.clone(),
        questionnaire_version: q.version,
        submitted_at: row.submitted_at,
        synthetic: row.synthetic,
        profile: profile_of_choices(q, &choices),
        answers,
        contact: row.contact,
        scorecard,
        standing: row.standing,
        language: row.language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Completeness;
    use crate::domain::peer::PeerRecord;
    use crate::domain::synthetic;
    use crate::domain::velocity::CompanyNumbers;

    fn study() -> Questionnaire {
        Questionnaire::from_toml(
            "dealbench-v1.toml",
            include_str!("../../questionnaires/dealbench-v1.toml"),
        )
        .expect("valid")
    }

    #[test]
    fn answers_come_back_from_the_compact_form_as_they_were_given() {
        let q = study();
        for seed in 0..50 {
            let answers = synthetic::respondent(&q, seed).without_contact(&q);
            let text = encode_answers(&q, &answers);
            assert!(text.starts_with('['), "{text}");
            let keyed = decode_answers(&q, &text).expect("decode");
            assert_eq!(keyed, answers.to_json(&q));
            let back = Answers::from_json(&q, &keyed, Completeness::Draft).expect("valid");
            assert_eq!(back, answers);
            let expected = CompanyNumbers::from_answers(&q, &answers);
            let expected = PeerRecord::numbers_of(&q, &expected);
            let numbers = decode_peer_numbers(&encode_peer_numbers(&expected));
            assert_eq!(numbers, expected);
        }
        // The old keyed form reads as it is.
        let old = r#"{"industry":"software"}"#;
        assert_eq!(
            decode_answers(&q, old).expect("old form")["industry"],
            "software"
        );
    }

    #[test]
    fn export_texts_are_the_keyed_answers_by_position_in_either_form() {
        let q = study();
        let as_text = |v: &Value| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        for seed in 0..50 {
            let answers = synthetic::respondent(&q, seed).without_contact(&q);
            let positional = encode_answers(&q, &answers);
            let keyed = decode_answers(&q, &positional).expect("decode");
            let expected: Vec<Option<String>> = q
                .items
                .iter()
                .map(|item| keyed.get(&item.id).and_then(as_text))
                .collect();
            assert!(expected.iter().any(Option::is_some));
            assert_eq!(answer_texts(&q, &positional).expect("positional"), expected);
            assert_eq!(
                answer_texts(&q, &keyed.to_string()).expect("keyed"),
                expected
            );
        }
        // An option index the version does not offer is no answer, as in the
        // keyed form; a trailing unanswered item is there all the same.
        let industry = q.item_position("industry").expect("industry");
        let mut values = vec![Value::Null; industry + 1];
        values[industry] = Value::from(999);
        let texts = answer_texts(&q, &Value::Array(values).to_string()).expect("read");
        assert_eq!(texts.len(), q.items.len());
        assert!(texts.iter().all(Option::is_none));
        assert!(answer_texts(&q, "not json").is_err());
    }

    #[test]
    fn a_standing_comes_back_from_either_stored_form() {
        let standing = PeerStanding::none("2026-01-01");
        let blob = encode_standing(&standing).expect("encode");
        let back = decode_standing(StoredStanding::Deflated(&blob)).expect("blob");
        assert_eq!(back, standing);
        let text = serde_json::to_string(&standing).expect("json");
        let back = decode_standing(StoredStanding::Text(&text)).expect("text");
        assert_eq!(back, standing);
        assert!(decode_standing(StoredStanding::Deflated(&[1, 2, 3])).is_err());
    }
}
