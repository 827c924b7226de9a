//! Per-address rate limits on anonymous writes (starting a questionnaire,
//! submitting one), so that a script cannot fill the peer figures or the disk.
//! Counted here in one server's memory (an SQLite file is served by one
//! server; on PostgreSQL the adapter counts them in the shared database).
//! Memory is bounded: each address keeps at most its limit of timestamps, and the
//! number of addresses remembered is capped.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a rate limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestKind {
    /// Questionnaires started (a new one, again, or to join a team).
    Start,
    /// Questionnaires submitted from the browser.
    Submit,
}

impl RequestKind {
    /// Its name where the counts are stored.
    pub fn key(self) -> &'static str {
        match self {
            RequestKind::Start => "start",
            RequestKind::Submit => "submit",
        }
    }
}

/// At most `limit` requests of a kind per client address within `window`
/// (0: no limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RequestLimit {
    pub kind: RequestKind,
    pub limit: usize,
    pub window: Duration,
}

impl RequestLimit {
    /// `per_hour` requests of `kind` an hour; 0 means no limit.
    pub fn per_hour(kind: RequestKind, per_hour: usize) -> RequestLimit {
        RequestLimit {
            kind,
            limit: per_hour,
            window: Duration::from_secs(3600),
        }
    }
}

/// The rate limits one server counts in its memory, one per limit asked for.
#[derive(Default)]
pub struct MemoryRateLimits {
    limits: Mutex<HashMap<RequestLimit, Arc<RateLimit>>>,
}

impl MemoryRateLimits {
    /// Counts a request against `limit` (see [`RateLimit::check`]).
    ///
    /// # Errors
    /// The wait, when the address is over the limit.
    pub fn check(&self, limit: RequestLimit, address: Option<IpAddr>) -> Result<(), Duration> {
        let counter = {
            let Ok(mut limits) = self.limits.lock() else {
                return Err(Duration::from_secs(1));
            };
            Arc::clone(
                limits
                    .entry(limit)
                    .or_insert_with(|| Arc::new(RateLimit::new(limit.limit, limit.window))),
            )
        };
        counter.check(address)
    }
}

/// The most addresses remembered at once.
const MAX_ADDRESSES: usize = 50_000;

/// At most `limit` events per address within `window`.
pub struct RateLimit {
    limit: usize,
    window: Duration,
    events: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

impl RateLimit {
    pub fn new(limit: usize, window: Duration) -> RateLimit {
        RateLimit {
            limit,
            window,
            events: Mutex::new(HashMap::new()),
        }
    }

    /// `per_hour` events an hour; 0 means no limit.
    pub fn per_hour(per_hour: usize) -> RateLimit {
        RateLimit::new(per_hour, Duration::from_secs(3600))
    }

    /// Records an event for `address` if it is within the limit; otherwise says
    /// how long until the next one is allowed.
    ///
    /// # Errors
    /// The wait, when the address is over its limit.
    pub fn check(&self, address: Option<IpAddr>) -> Result<(), Duration> {
        if self.limit == 0 {
            return Ok(());
        }
        // A request without a peer address (a test harness) shares one bucket.
        let address = address.unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let Ok(mut events) = self.events.lock() else {
            return Err(Duration::from_secs(1));
        };
        let now = Instant::now();
        if events.len() >= MAX_ADDRESSES && !events.contains_key(&address) {
            let window = self.window;
            events.retain(|_, times| times.back().is_some_and(|t| now - *t < window));
            if events.len() >= MAX_ADDRESSES {
                return Err(Duration::from_secs(60));
            }
        }
        let times = events.entry(address).or_default();
        while times.front().is_some_and(|t| now - *t >= self.window) {
            times.pop_front();
        }
        if times.len() >= self.limit {
            let oldest = times.front().copied().unwrap_or(now);
            return Err(self
                .window
                .saturating_sub(now - oldest)
                .max(Duration::from_secs(1)));
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_limit_and_then_a_wait_while_others_are_untouched() {
        let limit = RateLimit::new(3, Duration::from_secs(3600));
        let a = Some(IpAddr::from([192, 0, 2, 1]));
        let b = Some(IpAddr::from([192, 0, 2, 2]));
        for _ in 0..3 {
            assert!(limit.check(a).is_ok());
        }
        let wait = limit.check(a).expect_err("over the limit");
        assert!(wait > Duration::from_secs(3500), "{wait:?}");
        assert!(limit.check(b).is_ok());
    }

    #[test]
    fn events_older_than_the_window_stop_counting() {
        let limit = RateLimit::new(1, Duration::from_millis(20));
        let a = Some(IpAddr::from([192, 0, 2, 1]));
        assert!(limit.check(a).is_ok());
        assert!(limit.check(a).is_err());
        std::thread::sleep(Duration::from_millis(30));
        assert!(limit.check(a).is_ok());
    }

    #[test]
    fn zero_means_no_limit() {
        let limit = RateLimit::per_hour(0);
        for _ in 0..1000 {
            assert!(limit.check(None).is_ok());
        }
    }
}
