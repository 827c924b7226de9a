//! Several servers on one database behave as one service: each follows the
//! changes every server makes to the peer figures (a response submitted,
//! accepted or deleted anywhere), so that a submission through one server is
//! in every server's figures within a second, and a deletion through one
//! leaves the response in none.
//!
//! The follower runs on a thread of its own. It asks the database for what
//! changed since it last looked, applies it, and waits to be woken by the
//! database (or for half a second, whichever comes first). A change this
//! server made itself is applied at once where it was made, marked, and
//! skipped when it comes back.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::port::{PeerChange, PeerCursor, StudyStore};
use super::{Figures, id_bits, loaded_entry};
use crate::domain::Catalogue;
use crate::domain::comparison::ChoiceTranslation;
use crate::domain::peer::PeerRecord;

/// The longest a follower waits before it looks again, woken or not.
const LOOK_EVERY: Duration = Duration::from_millis(500);

/// Starts following from `cursor`; the follower stops when the returned
/// sender is dropped (with the study).
pub(super) fn start(
    store: Arc<dyn StudyStore>,
    figures: Arc<Figures>,
    catalogue: Arc<Catalogue>,
    cursor: PeerCursor,
) -> tokio::sync::oneshot::Sender<()> {
    let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
    super::run_in_background("peer-figures", move || async move {
        let mut cursor = cursor;
        let mut failing_since: Option<Instant> = None;
        loop {
            if !matches!(
                stopped.try_recv(),
                Err(tokio::sync::oneshot::error::TryRecvError::Empty)
            ) {
                return;
            }
            match store.peer_changes(&catalogue.current().id, &cursor).await {
                Ok(changes) => {
                    if let Some(since) = failing_since.take() {
                        tracing::info!(
                            seconds = since.elapsed().as_secs(),
                            "following the other servers' changes again"
                        );
                    }
                    apply(&figures, &catalogue, changes.changes);
                    if let Some(next) = changes.next {
                        cursor = next;
                    }
                }
                Err(e) => {
                    if failing_since.is_none() {
                        tracing::warn!(error = %e, "the other servers' changes cannot be read; retrying");
                        failing_since = Some(Instant::now());
                    }
                }
            }
            tokio::select! {
                _ = &mut stopped => return,
                () = store.wait_for_peer_changes(LOOK_EVERY) => {}
            }
        }
    });
    stop
}

/// Applies changes in order: a response entering the figures is added (unless
/// this server added it already), one leaving them is removed (if they hold
/// it).
fn apply(figures: &Figures, catalogue: &Catalogue, changes: Vec<PeerChange>) {
    let current = catalogue.current();
    for change in changes {
        let id = match &change {
            PeerChange::Entered(row) => id_bits(&row.id),
            PeerChange::Left(left) => id_bits(&left.id),
        };
        let own = figures.own.lock().is_ok_and(|mut own| own.remove(&id));
        if own {
            continue;
        }
        match change {
            PeerChange::Entered(row) => {
                let Some(q) = catalogue.get(&current.id, row.questionnaire_version) else {
                    tracing::warn!(
                        version = row.questionnaire_version,
                        "a response of a questionnaire version this server lacks is left out of its figures"
                    );
                    continue;
                };
                let translation = ChoiceTranslation::between(q, current);
                let (summary, choices, record) = loaded_entry(q, &translation, row);
                if let Ok(mut peers) = figures.peers.write() {
                    peers.add(&record);
                }
                if let Ok(mut summaries) = figures.summaries.write() {
                    summaries.push(summary, &choices);
                }
            }
            PeerChange::Left(left) => {
                // Removed from the index only if it was in it: removing a
                // record that is not there could take another's equal score.
                let held = figures
                    .summaries
                    .write()
                    .is_ok_and(|mut summaries| summaries.remove(id));
                if held && let Ok(mut peers) = figures.peers.write() {
                    peers.remove(&PeerRecord {
                        profile: left.profile,
                        scores: left.scores,
                        numbers: left.peer_numbers,
                    });
                }
            }
        }
    }
}
