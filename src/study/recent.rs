//! The near-duplicate check's memory: every response submitted from each client
//! address within the check's window (24 hours in the study), kept in memory
//! only (no address is ever stored) as a compact fingerprint.
//!
//! The rule is "any response from the same address within the window", so the
//! memory may not forget a response early just to stay small. It is bounded
//! instead by:
//!
//! - **A fingerprint per response**: one byte per item (the chosen option's
//!   index plus one, as the `choices` column stores it), about 100 bytes for the
//!   study, with its time: some 150 bytes in all.
//! - **A per-address cap** of [`PER_ADDRESS`] responses within the window. At the
//!   default limit of 20 browser submissions per address an hour, an address
//!   sends at most 480 a day, so a respondent never meets it. An address that
//!   has [`PER_ADDRESS`] responses remembered has every further one held as "too
//!   many from this address" (the check cannot say it is not a near-duplicate),
//!   and it is not remembered: what was remembered stays, nothing is forgotten
//!   early, and comparing a response costs at most [`PER_ADDRESS`] fingerprints
//!   (tens of microseconds).
//! - **A total of [`TOTAL`] responses** across addresses (about 8 MB at most).
//!   Beyond it the oldest response is forgotten (eviction by age) and a warning
//!   logged: reaching it takes 50,000 submissions carrying addresses in a day,
//!   2,500 address-hours at the default rate limit, and then the check compares
//!   each response with what is left. Demo data carries no address and is never
//!   remembered.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

use crate::domain::quality::{QualityRules, SameAddress};

/// The most responses remembered per address within the window (see the module
/// documentation): above the 480 a day the default rate limit allows.
pub(super) const PER_ADDRESS: usize = 1_000;

/// The most responses remembered in all.
pub(super) const TOTAL: usize = 50_000;

/// One address's remembered responses: when each came, and its fingerprint,
/// oldest first.
type Remembered = VecDeque<(Instant, Box<[u8]>)>;

/// Recent submissions by address, as fingerprints, for the near-duplicate check.
pub(super) struct RecentSubmissions {
    by_address: HashMap<IpAddr, Remembered>,
    /// Every remembered response's time and address, oldest first: what expires
    /// or is evicted next, whatever its address.
    arrivals: VecDeque<(Instant, IpAddr)>,
    per_address: usize,
    total: usize,
    /// When a live response was last forgotten for want of room (logged once an
    /// hour at most).
    last_eviction_logged: Option<Instant>,
}

impl Default for RecentSubmissions {
    fn default() -> RecentSubmissions {
        RecentSubmissions::with_bounds(PER_ADDRESS, TOTAL)
    }
}

impl RecentSubmissions {
    /// A memory with other bounds than the study's (for tests).
    pub(super) fn with_bounds(per_address: usize, total: usize) -> RecentSubmissions {
        RecentSubmissions {
            by_address: HashMap::new(),
            arrivals: VecDeque::new(),
            per_address: per_address.max(1),
            total: total.max(1),
            last_eviction_logged: None,
        }
    }

    /// What the check finds for a response with fingerprint `choices` from
    /// `address`, among that address's responses within `window`.
    pub(super) fn check(
        &mut self,
        address: IpAddr,
        choices: &[u8],
        window: Duration,
        rules: &QualityRules,
        now: Instant,
    ) -> SameAddress {
        self.expire(window, now);
        let Some(list) = self.by_address.get(&address) else {
            return SameAddress::Unlike;
        };
        if list.len() >= self.per_address {
            return SameAddress::TooMany;
        }
        SameAddress::among(choices, list.iter().map(|(_, c)| &**c), rules)
    }

    /// Remembers a stored response from `address` for `window` (unless the
    /// address is at its cap: the response was held then, see the module
    /// documentation).
    pub(super) fn remember(
        &mut self,
        address: IpAddr,
        choices: &[u8],
        window: Duration,
        now: Instant,
    ) {
        self.expire(window, now);
        if self
            .by_address
            .get(&address)
            .is_some_and(|list| list.len() >= self.per_address)
        {
            return;
        }
        if self.arrivals.len() >= self.total {
            self.evict_oldest(now);
        }
        self.by_address
            .entry(address)
            .or_default()
            .push_back((now, choices.into()));
        self.arrivals.push_back((now, address));
    }

    /// How many responses are remembered.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.arrivals.len()
    }

    /// Forgets what is older than `window`.
    fn expire(&mut self, window: Duration, now: Instant) {
        while let Some(&(at, _)) = self.arrivals.front() {
            if now.saturating_duration_since(at) <= window {
                break;
            }
            self.pop_oldest();
        }
    }

    /// Forgets the oldest response to make room, still inside the window.
    fn evict_oldest(&mut self, now: Instant) {
        self.pop_oldest();
        let due = self
            .last_eviction_logged
            .is_none_or(|at| now.saturating_duration_since(at) >= Duration::from_secs(3600));
        if due {
            self.last_eviction_logged = Some(now);
            tracing::warn!(
                remembered = self.total,
                "the near-duplicate check remembers as many responses as it may; the oldest \
                 are forgotten before their window ends"
            );
        }
    }

    /// Removes the oldest remembered response. Each address's list is in
    /// arrival order, so the oldest overall is the front of its address's list.
    fn pop_oldest(&mut self) {
        let Some((_, address)) = self.arrivals.pop_front() else {
            return;
        };
        if let Some(list) = self.by_address.get_mut(&address) {
            list.pop_front();
            if list.is_empty() {
                self.by_address.remove(&address);
            }
        }
    }
}

/// The most addresses [`CappedAddresses`] keeps.
const CAPPED: usize = 10_000;

/// Addresses the database found at their cap (on PostgreSQL, where the memory
/// is the database's), with the moment each stays at it until. An address at
/// its cap stays there until its oldest fingerprint leaves the window, so until
/// then its further responses are held as "too many" without reading the cap's
/// worth of fingerprints again for each: what one integration sending many
/// responses from one address would otherwise pay on every submission.
#[derive(Default)]
pub(super) struct CappedAddresses {
    until: HashMap<IpAddr, Instant>,
}

impl CappedAddresses {
    /// Whether `address` is known to be at its cap at `now`.
    pub(super) fn holds(&self, address: IpAddr, now: Instant) -> bool {
        self.until.get(&address).is_some_and(|until| now < *until)
    }

    /// Notes that `address` stays at its cap for `for_at_least` from `now`.
    pub(super) fn note(&mut self, address: IpAddr, for_at_least: Duration, now: Instant) {
        if self.until.len() >= CAPPED {
            self.until.retain(|_, until| now < *until);
        }
        if self.until.len() < CAPPED {
            self.until.insert(address, now + for_at_least);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Duration = Duration::from_secs(24 * 3600);

    fn rules() -> QualityRules {
        QualityRules::default()
    }

    /// A fingerprint of 90 items: random answers, one set per `n` (two of them
    /// agree on about a fifth of the items).
    fn response(n: u32) -> Vec<u8> {
        let mut rng = fastrand::Rng::with_seed(u64::from(n));
        (0..90).map(|_| rng.u8(1..=5)).collect()
    }

    #[test]
    fn an_exact_repeat_after_many_others_within_the_window_is_a_near_duplicate() {
        let mut recent = RecentSubmissions::default();
        let address: IpAddr = "203.0.113.7".parse().expect("address");
        let start = Instant::now();
        let first = response(0);
        recent.remember(address, &first, DAY, start);
        // Forty other responses from the same address, seconds apart.
        for n in 1..=40 {
            let at = start + Duration::from_secs(u64::from(n));
            let other = response(n);
            assert_ne!(
                recent.check(address, &other, DAY, &rules(), at),
                SameAddress::TooMany
            );
            recent.remember(address, &other, DAY, at);
        }
        let later = start + Duration::from_secs(60);
        assert_eq!(
            recent.check(address, &first, DAY, &rules(), later),
            SameAddress::NearDuplicate
        );
        // Another address is not compared with it.
        let elsewhere: IpAddr = "198.51.100.1".parse().expect("address");
        assert_eq!(
            recent.check(elsewhere, &first, DAY, &rules(), later),
            SameAddress::Unlike
        );
        // After the window, it is forgotten.
        let next_day = start + DAY + Duration::from_secs(1);
        assert_eq!(
            recent.check(address, &first, DAY, &rules(), next_day),
            SameAddress::Unlike
        );
    }

    #[test]
    fn an_address_past_its_cap_is_held_as_too_many_and_nothing_is_forgotten() {
        let mut recent = RecentSubmissions::with_bounds(5, 100);
        let address: IpAddr = "2001:db8::1".parse().expect("address");
        let start = Instant::now();
        let second = |n: u32| start + Duration::from_secs(u64::from(n));
        for n in 0..5 {
            recent.remember(address, &response(n), DAY, second(n));
        }
        // A sixth, new or not, cannot be checked against all: too many. It is
        // not remembered, and none of the five is forgotten for it.
        assert_eq!(
            recent.check(address, &response(99), DAY, &rules(), second(10)),
            SameAddress::TooMany
        );
        recent.remember(address, &response(99), DAY, second(10));
        assert_eq!(recent.len(), 5, "the cap holds");
        // Once the first has had its day, there is room again, and the other
        // four are still compared.
        let after_first = start + DAY + Duration::from_millis(500);
        assert_eq!(
            recent.check(address, &response(2), DAY, &rules(), after_first),
            SameAddress::NearDuplicate
        );
        assert_eq!(
            recent.check(address, &response(98), DAY, &rules(), after_first),
            SameAddress::Unlike
        );
        assert_eq!(recent.len(), 4);
    }

    #[test]
    fn the_total_is_bounded_by_forgetting_the_oldest() {
        let mut recent = RecentSubmissions::with_bounds(10, 50);
        let start = Instant::now();
        for n in 0..200u32 {
            let address = IpAddr::from([10, 0, (n / 256) as u8, (n % 256) as u8]);
            recent.remember(
                address,
                &response(n),
                DAY,
                start + Duration::from_secs(u64::from(n)),
            );
            assert!(recent.len() <= 50);
        }
        assert_eq!(recent.len(), 50);
        assert!(recent.by_address.len() <= 50);
        // The newest are the ones kept.
        let newest = IpAddr::from([10, 0, 0, 199]);
        assert_eq!(
            recent.check(
                newest,
                &response(199),
                DAY,
                &rules(),
                start + Duration::from_secs(300)
            ),
            SameAddress::NearDuplicate
        );
        let oldest = IpAddr::from([10, 0, 0, 0]);
        assert_eq!(
            recent.check(
                oldest,
                &response(0),
                DAY,
                &rules(),
                start + Duration::from_secs(300)
            ),
            SameAddress::Unlike
        );
    }

    #[test]
    fn an_address_at_its_cap_is_known_so_until_its_oldest_response_leaves_the_window() {
        let mut capped = CappedAddresses::default();
        let (one, other) = (IpAddr::from([10, 0, 0, 1]), IpAddr::from([10, 0, 0, 2]));
        let now = Instant::now();
        assert!(!capped.holds(one, now));
        capped.note(one, Duration::from_secs(60), now);
        assert!(capped.holds(one, now + Duration::from_secs(59)));
        assert!(!capped.holds(one, now + Duration::from_secs(60)));
        assert!(!capped.holds(other, now));
    }
}
