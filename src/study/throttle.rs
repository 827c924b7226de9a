//! Limits on console sign-in attempts, as one server keeps them in memory (an
//! SQLite file is served by one server; on PostgreSQL the adapter counts the
//! same limits in the database that every server shares).
//!
//! - An attempt is recorded as a failure *before* its password is checked, under
//!   the same lock that checks the limits, so parallel requests cannot slip past
//!   them; a success takes its record back.
//! - Limits: [`PER_PAIR`] failures per (account, address) and [`PER_ADDRESS`] per
//!   address within [`WINDOW`]. An account under attack from many addresses gets
//!   a growing delay between attempts instead of a lock, and an address that has
//!   signed in to the account before is exempt from that delay: nobody can lock
//!   an operator out by guessing wrong.
//! - Password checks are expensive (argon2 uses ~19 MiB each): they run on a
//!   fixed set of workers behind a bounded queue ([`crate::study::operators::PasswordChecks`]);
//!   a sign-in that finds the queue full is answered "busy, retry" and its
//!   recorded failure is withdrawn.
//! - Memory is bounded: names are at most 64 bytes, every map is capped, and
//!   entries expire with the window.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed sign-ins allowed per (account, address) within [`WINDOW`].
pub const PER_PAIR: usize = 5;
/// Failed sign-ins allowed per address, over all accounts, within [`WINDOW`].
pub const PER_ADDRESS: usize = 20;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Failures on one account (from all addresses) after which attempts from
/// addresses that never signed in to it are spaced out.
pub const ACCOUNT_BACKOFF_AFTER: usize = 10;
/// The longest spacing between attempts on an account under attack.
pub const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// The most entries any one map keeps.
const MAX_ENTRIES: usize = 10_000;
/// How long an address that signed in stays known to its account.
pub(super) const KNOWN_FOR: Duration = Duration::from_secs(30 * 86_400);

/// Why an attempt was refused before any password was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Too many failures: try again after this long.
    TooMany(Duration),
    /// Too many password checks waiting: try again in a moment.
    Busy,
}

/// A sign-in attempt in progress; its failure is already recorded.
#[derive(Debug)]
pub struct Attempt {
    pub(super) account: String,
    pub(super) address: IpAddr,
    pub(super) at: Instant,
    /// Its record in a shared database, when the limits are counted there.
    pub(super) row: Option<i64>,
}

#[derive(Default)]
struct State {
    pairs: HashMap<(String, IpAddr), VecDeque<Instant>>,
    addresses: HashMap<IpAddr, VecDeque<Instant>>,
    accounts: HashMap<String, VecDeque<Instant>>,
    /// (account, address) pairs that signed in successfully, and when.
    known: HashMap<(String, IpAddr), Instant>,
}

/// The sign-in throttle shared by all workers.
#[derive(Default)]
pub struct LoginThrottle {
    state: Mutex<State>,
}

fn prune(times: &mut VecDeque<Instant>, now: Instant) {
    while times.front().is_some_and(|t| now - *t >= WINDOW) {
        times.pop_front();
    }
}

/// How long until the oldest of `times` leaves the window.
fn wait(times: &VecDeque<Instant>, now: Instant) -> Duration {
    times
        .front()
        .map_or(Duration::ZERO, |t| WINDOW.saturating_sub(now - *t))
        .max(Duration::from_secs(1))
}

/// Keeps a map under [`MAX_ENTRIES`]: drops expired entries, then the oldest
/// tenth (in one go, so that a full map costs one scan per many inserts).
fn make_room<K: Clone + Eq + std::hash::Hash>(
    map: &mut HashMap<K, VecDeque<Instant>>,
    key: &K,
    now: Instant,
) {
    if map.len() < MAX_ENTRIES || map.contains_key(key) {
        return;
    }
    map.retain(|_, times| {
        prune(times, now);
        !times.is_empty()
    });
    if map.len() >= MAX_ENTRIES {
        let mut by_age: Vec<(Option<Instant>, K)> = map
            .iter()
            .map(|(k, times)| (times.back().copied(), k.clone()))
            .collect();
        by_age.sort_by_key(|(at, _)| *at);
        for (_, k) in by_age.into_iter().take(MAX_ENTRIES / 10) {
            map.remove(&k);
        }
    }
}

/// The key an attempt counts under for the account it names: names longer than
/// any operator's are folded into one.
pub(super) fn account_key(account: &str) -> String {
    if account.len() <= 64 {
        account.to_string()
    } else {
        String::from("\u{0}long")
    }
}

/// How long until the oldest of the failures that keep a limit reached leaves
/// the window, from its age (at least a second).
pub(super) fn wait_after(age: Duration) -> Duration {
    WINDOW.saturating_sub(age).max(Duration::from_secs(1))
}

/// The spacing required between attempts on an account with `failures` recent
/// failures: none up to [`ACCOUNT_BACKOFF_AFTER`], then doubling from one second
/// every five failures, up to [`MAX_BACKOFF`].
pub fn account_backoff(failures: usize) -> Duration {
    if failures < ACCOUNT_BACKOFF_AFTER {
        return Duration::ZERO;
    }
    let doublings = ((failures - ACCOUNT_BACKOFF_AFTER) / 5).min(16) as u32;
    Duration::from_secs(1u64 << doublings).min(MAX_BACKOFF)
}

impl LoginThrottle {
    /// Checks the limits for an attempt and records it as a failure; call
    /// [`LoginThrottle::succeeded`] if the password turns out right.
    ///
    /// # Errors
    /// The refusal when a limit is reached.
    pub fn begin(&self, account: &str, address: IpAddr) -> Result<Attempt, Refusal> {
        let Ok(mut state) = self.state.lock() else {
            return Err(Refusal::Busy);
        };
        let now = Instant::now();
        let account = account_key(account);
        let pair = (account.clone(), address);
        let state = &mut *state;
        for times in [
            state.pairs.get_mut(&pair),
            state.addresses.get_mut(&address),
            state.accounts.get_mut(&account),
        ]
        .into_iter()
        .flatten()
        {
            prune(times, now);
        }
        if let Some(times) = state.pairs.get(&pair)
            && times.len() >= PER_PAIR
        {
            return Err(Refusal::TooMany(wait(times, now)));
        }
        if let Some(times) = state.addresses.get(&address)
            && times.len() >= PER_ADDRESS
        {
            return Err(Refusal::TooMany(wait(times, now)));
        }
        let known = state
            .known
            .get(&pair)
            .is_some_and(|at| now - *at < KNOWN_FOR);
        if !known && let Some(times) = state.accounts.get(&account) {
            let spacing = account_backoff(times.len());
            if let Some(last) = times.back()
                && now - *last < spacing
            {
                return Err(Refusal::TooMany(spacing - (now - *last)));
            }
        }
        make_room(&mut state.pairs, &pair, now);
        make_room(&mut state.addresses, &address, now);
        make_room(&mut state.accounts, &account, now);
        state.pairs.entry(pair).or_default().push_back(now);
        state.addresses.entry(address).or_default().push_back(now);
        let account_times = state.accounts.entry(account.clone()).or_default();
        account_times.push_back(now);
        // An account's list is bounded too: beyond the longest spacing's count
        // the oldest entries change nothing.
        while account_times.len() > ACCOUNT_BACKOFF_AFTER + 5 * 17 {
            account_times.pop_front();
        }
        Ok(Attempt {
            account,
            address,
            at: now,
            row: None,
        })
    }

    /// Takes back the failure recorded for an attempt that was never checked
    /// (refused as busy).
    pub fn withdraw(&self, attempt: Attempt) {
        if let Ok(mut state) = self.state.lock() {
            Self::unrecord(&mut state, &attempt);
        }
    }

    /// The password was right: the attempt's failure is taken back, the pair's
    /// earlier failures are forgotten and the address becomes known to the
    /// account.
    pub fn succeeded(&self, attempt: Attempt) {
        if let Ok(mut state) = self.state.lock() {
            Self::unrecord(&mut state, &attempt);
            let pair = (attempt.account.clone(), attempt.address);
            state.pairs.remove(&pair);
            if state.known.len() >= MAX_ENTRIES && !state.known.contains_key(&pair) {
                let now = Instant::now();
                state.known.retain(|_, at| now - *at < KNOWN_FOR);
                if state.known.len() >= MAX_ENTRIES
                    && let Some(oldest) = state
                        .known
                        .iter()
                        .min_by_key(|(_, at)| **at)
                        .map(|(k, _)| k.clone())
                {
                    state.known.remove(&oldest);
                }
            }
            state.known.insert(pair, Instant::now());
        }
    }

    fn unrecord(state: &mut State, attempt: &Attempt) {
        let remove = |times: Option<&mut VecDeque<Instant>>| {
            if let Some(times) = times
                && let Some(i) = times.iter().rposition(|t| *t == attempt.at)
            {
                times.remove(i);
            }
        };
        remove(
            state
                .pairs
                .get_mut(&(attempt.account.clone(), attempt.address)),
        );
        remove(state.addresses.get_mut(&attempt.address));
        remove(state.accounts.get_mut(&attempt.account));
    }

    /// Entries held, over all maps: for tests of the memory bound.
    pub fn entries(&self) -> usize {
        self.state.lock().map_or(0, |s| {
            s.pairs.len() + s.addresses.len() + s.accounts.len() + s.known.len()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([198, 51, 100, last])
    }

    #[test]
    fn a_pair_gets_five_attempts_and_other_addresses_still_get_theirs() {
        let t = LoginThrottle::default();
        for _ in 0..PER_PAIR {
            assert!(t.begin("ops", ip(1)).is_ok());
        }
        assert!(matches!(t.begin("ops", ip(1)), Err(Refusal::TooMany(_))));
        assert!(
            t.begin("ops", ip(2)).is_ok(),
            "another address is not locked out"
        );
    }

    #[test]
    fn an_address_gets_twenty_failures_over_all_accounts() {
        let t = LoginThrottle::default();
        for i in 0..PER_ADDRESS {
            assert!(t.begin(&format!("name{i}"), ip(1)).is_ok());
        }
        assert!(matches!(
            t.begin("another", ip(1)),
            Err(Refusal::TooMany(_))
        ));
    }

    #[test]
    fn an_account_under_attack_is_slowed_but_its_known_address_is_not() {
        let t = LoginThrottle::default();
        let good = t.begin("ops", ip(200)).expect("first sign-in");
        t.succeeded(good);
        for i in 0..ACCOUNT_BACKOFF_AFTER + 5 {
            // Each attacker address stays under its own limits.
            let _ = t.begin("ops", ip(i as u8));
        }
        assert!(
            matches!(t.begin("ops", ip(100)), Err(Refusal::TooMany(_))),
            "a new address must wait"
        );
        assert!(
            t.begin("ops", ip(200)).is_ok(),
            "the operator's own address is exempt"
        );
    }

    #[test]
    fn success_takes_back_the_recorded_failure() {
        let t = LoginThrottle::default();
        for _ in 0..PER_PAIR - 1 {
            let _ = t.begin("ops", ip(1));
        }
        let a = t.begin("ops", ip(1)).expect("fifth");
        t.succeeded(a);
        for _ in 0..PER_PAIR {
            assert!(
                t.begin("ops", ip(1)).is_ok(),
                "failures forgotten after success"
            );
        }
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(account_backoff(0), Duration::ZERO);
        assert_eq!(
            account_backoff(ACCOUNT_BACKOFF_AFTER),
            Duration::from_secs(1)
        );
        assert!(account_backoff(ACCOUNT_BACKOFF_AFTER + 10) > Duration::from_secs(1));
        assert_eq!(account_backoff(100_000), MAX_BACKOFF);
    }

    #[test]
    fn memory_stays_bounded_under_a_spray_of_names_and_addresses() {
        let t = LoginThrottle::default();
        let long = "x".repeat(60_000);
        for i in 0..30_000u32 {
            let address = IpAddr::from(std::net::Ipv6Addr::from(u128::from(i) + 1));
            let _ = t.begin(&format!("{long}{i}"), address);
            let _ = t.begin(&format!("n{i}"), address);
        }
        assert!(t.entries() <= 3 * MAX_ENTRIES, "{}", t.entries());
    }
}
