//! Group commit for submissions: one task takes the submissions waiting,
//! writes them in one transaction (their inserts pipelined on one connection),
//! commits once, and only then answers each. One commit (one flush of
//! PostgreSQL's write-ahead log) serves every submission that arrived while the
//! previous one was being made, instead of one commit each; the peer figures'
//! change log rows are written in the same transaction, and PostgreSQL sends its
//! one notification of the transaction once.
//!
//! A batch that fails as a whole (one row refused) is written again one
//! submission per transaction, so that each gets its own answer: nothing is
//! acknowledged before its commit, and no submission fails for another's fault.

use std::sync::Arc;

use futures_util::future::try_join_all;
use tokio::sync::{mpsc, oneshot};

use super::Result;
use super::queries::Db;
use crate::study::port::NewResponse;
use crate::study::records::SubmitOutcome;

/// The most submissions one transaction takes.
const BATCH: usize = 256;

/// Submissions waiting for the writer, at most (then senders wait).
const QUEUE: usize = 4_096;

type Answer = oneshot::Sender<Result<SubmitOutcome>>;

/// The submissions' way to the writer task.
#[derive(Clone)]
pub(super) struct Submissions {
    queue: mpsc::Sender<(NewResponse, Answer)>,
}

impl Submissions {
    /// Starts the writer on the current runtime; it ends when every
    /// [`Submissions`] handle is gone.
    pub fn start(db: Arc<Db>) -> Submissions {
        let (queue, waiting) = mpsc::channel(QUEUE);
        tokio::spawn(write_batches(db, waiting));
        Submissions { queue }
    }

    /// Stores one submission with whatever else is waiting; answers once it is
    /// committed.
    pub async fn submit(&self, response: NewResponse) -> Result<SubmitOutcome> {
        let (answer, answered) = oneshot::channel();
        self.queue
            .send((response, answer))
            .await
            .map_err(|_| super::PgError::Worker("the submission writer has stopped".into()))?;
        answered
            .await
            .map_err(|_| super::PgError::Worker("the submission writer has stopped".into()))?
    }
}

/// How often the near-duplicate fingerprints past their window are deleted.
const FORGET_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

async fn write_batches(db: Arc<Db>, mut waiting: mpsc::Receiver<(NewResponse, Answer)>) {
    let mut batch = Vec::with_capacity(BATCH);
    let mut forgotten_at: Option<std::time::Instant> = None;
    while waiting.recv_many(&mut batch, BATCH).await > 0 {
        let (responses, answers): (Vec<NewResponse>, Vec<Answer>) = batch.drain(..).unzip();
        if let Some(mark) = responses.iter().find_map(|r| r.remember)
            && forgotten_at.is_none_or(|at| at.elapsed() >= FORGET_EVERY)
        {
            forgotten_at = Some(std::time::Instant::now());
            let db = Arc::clone(&db);
            tokio::spawn(async move {
                if let Err(e) = db.forget_old_submissions(mark.window).await {
                    tracing::warn!(error = %e, "old near-duplicate fingerprints could not be deleted");
                }
            });
        }
        match write_together(&db, &responses).await {
            Ok(outcomes) => {
                for (answer, outcome) in answers.into_iter().zip(outcomes) {
                    let _ = answer.send(Ok(outcome));
                }
            }
            Err(e) if responses.len() == 1 => {
                if let Some(answer) = answers.into_iter().next() {
                    let _ = answer.send(Err(e));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, count = responses.len(), "a batch of submissions is written again one by one");
                for (response, answer) in responses.iter().zip(answers) {
                    let _ = answer.send(db.submit(std::slice::from_ref(response)).await.and_then(
                        |mut outcomes| {
                            outcomes.pop().ok_or_else(|| {
                                super::PgError::Worker("a submission stored nothing".into())
                            })
                        },
                    ));
                }
            }
        }
    }
}

/// Writes `responses` in one transaction: the ones from no draft pipelined,
/// then the ones from a draft (each looks at its draft first); their outcomes in
/// order.
async fn write_together(db: &Db, responses: &[NewResponse]) -> Result<Vec<SubmitOutcome>> {
    let mut client = db.client().await?;
    let tx = client.transaction().await?;
    let direct: Vec<&NewResponse> = responses.iter().filter(|r| r.draft_id.is_none()).collect();
    try_join_all(direct.iter().map(|r| db.insert_direct(&tx, r))).await?;
    let mut outcomes = Vec::with_capacity(responses.len());
    for r in responses {
        outcomes.push(match r.draft_id {
            None => SubmitOutcome::Created(r.id.clone()),
            Some(_) => db.insert_response(&tx, r).await?,
        });
    }
    tx.commit().await?;
    Ok(outcomes)
}
