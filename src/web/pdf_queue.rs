//! PDF reports, bounded: rendering one takes a core for tens of milliseconds
//! and its bytes sit in memory until the client has read them, so a crowd of
//! clients asking for PDFs (and never reading them) must not take the server
//! from everyone else.
//!
//! - At most [`PdfQueue::renders`] PDFs render at once, on the blocking pool:
//!   one fewer than the cores (at least one), so a core is always left for every
//!   other request.
//! - At most [`PdfQueue::places`] PDFs are in the server at once: rendering,
//!   waiting to render, or being sent. A request beyond that gets 503 at once,
//!   with `Retry-After`, before anything is read or rendered for it.
//! - A PDF holds its place until the client has taken its bytes: the body is
//!   handed out in [`CHUNK`]-byte pieces, which the server asks for only as the
//!   client reads, so a client that never reads keeps its place (and the PDF's
//!   memory) only until the connection's write deadline closes it
//!   (`Limits::write_deadline`).

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use actix_web::body::{BodySize, MessageBody};
use actix_web::web::Bytes;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The piece of a PDF handed to the connection at a time.
pub const CHUNK: usize = 16 * 1024;

/// PDFs allowed to wait for a render, beyond those rendering.
pub const WAITING: usize = 16;

/// The bound on PDFs in the server (see the module documentation).
pub struct PdfQueue {
    places: Arc<Semaphore>,
    rendering: Arc<Semaphore>,
    renders: usize,
    total: usize,
}

impl Default for PdfQueue {
    /// One render fewer than the cores (at least one), and [`WAITING`] more.
    fn default() -> PdfQueue {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let renders = cores.saturating_sub(1).max(1);
        PdfQueue::new(renders, renders + WAITING)
    }
}

impl PdfQueue {
    /// `renders` at once, `places` in all (at least `renders`).
    pub fn new(renders: usize, places: usize) -> PdfQueue {
        let renders = renders.max(1);
        let total = places.max(renders);
        PdfQueue {
            places: Arc::new(Semaphore::new(total)),
            rendering: Arc::new(Semaphore::new(renders)),
            renders,
            total,
        }
    }

    /// PDFs that render at once.
    pub fn renders(&self) -> usize {
        self.renders
    }

    /// PDFs in the server at once.
    pub fn places(&self) -> usize {
        self.total
    }

    /// A place for one PDF, or `None` when every place is taken.
    pub fn enter(&self) -> Option<PdfPlace> {
        let place = Arc::clone(&self.places).try_acquire_owned().ok()?;
        Some(PdfPlace {
            place,
            rendering: Arc::clone(&self.rendering),
        })
    }
}

/// One PDF's place in the server: held while it waits, renders and is sent.
pub struct PdfPlace {
    place: OwnedSemaphorePermit,
    rendering: Arc<Semaphore>,
}

impl PdfPlace {
    /// Runs `render` on the blocking pool once a render slot is free.
    ///
    /// # Errors
    /// When the render's thread failed (it panicked or was cancelled).
    pub async fn render<T: Send + 'static>(
        &self,
        render: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, String> {
        let _slot = self
            .rendering
            .acquire()
            .await
            .map_err(|e| format!("the PDF renders are closed: {e}"))?;
        actix_web::web::block(render)
            .await
            .map_err(|e| e.to_string())
    }

    /// The PDF as a response body that keeps this place until it is sent.
    pub fn body(self, pdf: Vec<u8>) -> PdfBody {
        PdfBody {
            rest: Bytes::from(pdf),
            _place: self.place,
        }
    }
}

/// A PDF handed to the connection in [`CHUNK`]-byte pieces, holding its place
/// in the [`PdfQueue`] until the last piece is taken (or the client is gone).
pub struct PdfBody {
    rest: Bytes,
    _place: OwnedSemaphorePermit,
}

impl MessageBody for PdfBody {
    type Error = std::convert::Infallible;

    fn size(&self) -> BodySize {
        BodySize::Sized(self.rest.len() as u64)
    }

    fn poll_next(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        let this = self.get_mut();
        if this.rest.is_empty() {
            return Poll::Ready(None);
        }
        let n = CHUNK.min(this.rest.len());
        Poll::Ready(Some(Ok(this.rest.split_to(n))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_bounded_and_held_until_the_body_is_gone() {
        let queue = PdfQueue::new(1, 3);
        let places: Vec<PdfPlace> = (0..3).map(|_| queue.enter().expect("a place")).collect();
        assert!(queue.enter().is_none(), "a fourth waits for nothing: 503");
        let mut places = places.into_iter();
        let body = places.next().expect("first").body(vec![7u8; 3 * CHUNK + 5]);
        assert!(queue.enter().is_none(), "the body still holds its place");
        // The body comes out in pieces of at most CHUNK, all of it.
        let mut body = Box::pin(body);
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        let mut sizes = Vec::new();
        while let Poll::Ready(Some(Ok(piece))) = body.as_mut().poll_next(&mut cx) {
            sizes.push(piece.len());
        }
        assert_eq!(sizes, [CHUNK, CHUNK, CHUNK, 5]);
        drop(body);
        assert!(queue.enter().is_some(), "sent: its place is free again");
    }
}
