//! The request limits counted in the database that every server shares: the
//! console's sign-in throttle (the rules of `study::throttle`, the same as one
//! server keeps in memory) and the anonymous requests per client address. Each
//! count runs in one transaction under an advisory lock of its own, so that
//! requests through several servers at once are counted one after the other
//! and none slips past a limit. The near-duplicate check's memory is kept here
//! too (the fingerprints of the responses from each address within the check's
//! window), so that a repeat through another server is found as well.

use std::net::IpAddr;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::Result;
use super::queries::Db;
use crate::study::port::{Recent, RecentMark};
use crate::study::rate_limit::RequestLimit;
use crate::study::throttle::{
    self, ACCOUNT_BACKOFF_AFTER, Attempt, KNOWN_FOR, PER_ADDRESS, PER_PAIR, Refusal, WINDOW,
};

/// The advisory lock every sign-in attempt takes for its transaction.
const SIGN_IN_LOCK: i64 = 0x6465_616c_7369_676e;

/// The advisory lock of the anonymous request counts.
const REQUESTS_LOCK: i64 = 0x6465_616c_7265_7175;

/// Now, in milliseconds since 1970 (every server's clock is the same one, kept
/// by NTP; the windows are minutes long).
fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

fn duration(ms: i64) -> Duration {
    Duration::from_millis(u64::try_from(ms).unwrap_or(0))
}

impl Db {
    /// A client address as the limits keep it: a keyed hash.
    fn address_key(&self, address: Option<IpAddr>) -> String {
        let shown = address.map_or_else(|| "unknown".to_string(), |a| a.to_string());
        self.pseudonym(&format!("client {shown}"))
    }

    /// An account name as the sign-in limits keep it: a keyed hash of the name
    /// typed (which may be anything, a password typed in the wrong field too).
    fn account_key(&self, account: &str) -> String {
        self.pseudonym(&format!("account {}", throttle::account_key(account)))
    }

    /// Checks the sign-in limits for an attempt and records it as a failure.
    pub async fn begin_sign_in(
        &self,
        account: &str,
        address: IpAddr,
    ) -> Result<std::result::Result<Attempt, Refusal>> {
        let (account_key, address_key) =
            (self.account_key(account), self.address_key(Some(address)));
        let now = now_ms();
        let since = now.saturating_sub(millis(WINDOW));
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SIGN_IN_LOCK])
            .await?;
        tx.execute("DELETE FROM sign_in_failures WHERE at <= $1", &[&since])
            .await?;
        // The failure that keeps a limit reached: the limit-th newest.
        for (sql, key, limit) in [
            (
                "SELECT at FROM sign_in_failures WHERE account = $1 AND address = $2
                 ORDER BY at DESC LIMIT 1 OFFSET $3",
                Some(&account_key),
                PER_PAIR,
            ),
            (
                "SELECT at FROM sign_in_failures WHERE address = $2 AND $1::text IS NULL
                 ORDER BY at DESC LIMIT 1 OFFSET $3",
                None,
                PER_ADDRESS,
            ),
        ] {
            let offset = i64::try_from(limit.saturating_sub(1)).unwrap_or(i64::MAX);
            if let Some(row) = tx.query_opt(sql, &[&key, &address_key, &offset]).await? {
                let at: i64 = row.get(0);
                tx.commit().await?;
                let age = duration(now.saturating_sub(at));
                return Ok(Err(Refusal::TooMany(throttle::wait_after(age))));
            }
        }
        let known = tx
            .query_opt(
                "SELECT 1 FROM sign_in_known WHERE account = $1 AND address = $2 AND at > $3",
                &[
                    &account_key,
                    &address_key,
                    &now.saturating_sub(millis(KNOWN_FOR)),
                ],
            )
            .await?
            .is_some();
        if !known {
            let row = tx
                .query_one(
                    "SELECT count(*), max(at) FROM sign_in_failures WHERE account = $1",
                    &[&account_key],
                )
                .await?;
            let (failures, last): (i64, Option<i64>) = (row.get(0), row.get(1));
            let failures = usize::try_from(failures).unwrap_or(usize::MAX);
            let spacing = throttle::account_backoff(failures);
            if failures >= ACCOUNT_BACKOFF_AFTER
                && let Some(last) = last
            {
                let since_last = duration(now.saturating_sub(last));
                if since_last < spacing {
                    tx.commit().await?;
                    return Ok(Err(Refusal::TooMany(spacing - since_last)));
                }
            }
        }
        let row: i64 = tx
            .query_one(
                "INSERT INTO sign_in_failures (at, account, address) VALUES ($1, $2, $3)
                 RETURNING id",
                &[&now, &account_key, &address_key],
            )
            .await?
            .get(0);
        tx.commit().await?;
        Ok(Ok(Attempt {
            account: throttle::account_key(account),
            address,
            at: Instant::now(),
            row: Some(row),
        }))
    }

    /// Takes back an attempt's recorded failure.
    pub async fn withdraw_sign_in(&self, attempt: &Attempt) -> Result<()> {
        if let Some(row) = attempt.row {
            self.client()
                .await?
                .execute("DELETE FROM sign_in_failures WHERE id = $1", &[&row])
                .await?;
        }
        Ok(())
    }

    /// The attempt's password was right: its failure and the pair's earlier
    /// ones are forgotten, and the address is known to the account.
    pub async fn sign_in_succeeded(&self, attempt: &Attempt) -> Result<()> {
        let account_key = self.pseudonym(&format!("account {}", attempt.account));
        let address_key = self.address_key(Some(attempt.address));
        let now = now_ms();
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "DELETE FROM sign_in_failures WHERE id = $1 OR (account = $2 AND address = $3)",
            &[&attempt.row.unwrap_or(-1), &account_key, &address_key],
        )
        .await?;
        tx.execute(
            "DELETE FROM sign_in_known WHERE at <= $1",
            &[&now.saturating_sub(millis(KNOWN_FOR))],
        )
        .await?;
        tx.execute(
            "INSERT INTO sign_in_known (account, address, at) VALUES ($1, $2, $3)
             ON CONFLICT (account, address) DO UPDATE SET at = EXCLUDED.at",
            &[&account_key, &address_key, &now],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Counts an anonymous request against `limit` for its client address.
    pub async fn count_request(
        &self,
        limit: RequestLimit,
        address: Option<IpAddr>,
    ) -> Result<std::result::Result<(), Duration>> {
        if limit.limit == 0 {
            return Ok(Ok(()));
        }
        let (kind, address_key) = (limit.kind.key(), self.address_key(address));
        let now = now_ms();
        let window = millis(limit.window);
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&REQUESTS_LOCK])
            .await?;
        tx.execute(
            "DELETE FROM request_counts WHERE kind = $1 AND at <= $2",
            &[&kind, &now.saturating_sub(window)],
        )
        .await?;
        let offset = i64::try_from(limit.limit - 1).unwrap_or(i64::MAX);
        if let Some(row) = tx
            .query_opt(
                "SELECT at FROM request_counts WHERE kind = $1 AND address = $2
                 ORDER BY at DESC LIMIT 1 OFFSET $3",
                &[&kind, &address_key, &offset],
            )
            .await?
        {
            let at: i64 = row.get(0);
            tx.commit().await?;
            let wait = duration(at.saturating_add(window).saturating_sub(now));
            return Ok(Err(wait.max(Duration::from_secs(1))));
        }
        tx.execute(
            "INSERT INTO request_counts (kind, address, at) VALUES ($1, $2, $3)",
            &[&kind, &address_key, &now],
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}

impl Db {
    /// What is remembered of the responses from `address` within `window`:
    /// their fingerprints, or when there are `cap` or more, how long that lasts
    /// at least.
    pub async fn recent_submissions(
        &self,
        address: IpAddr,
        window: Duration,
        cap: usize,
    ) -> Result<Recent> {
        let now = now_ms();
        let since = now.saturating_sub(millis(window));
        let cap = i64::try_from(cap).unwrap_or(i64::MAX);
        let client = self.client().await?;
        // The count and the oldest first, then the fingerprints only when under
        // the cap: an address at its cap costs one row, not the cap's worth.
        let query = client
            .prepare_cached(
                "WITH kept AS (
                     SELECT at, choices FROM recent_submissions WHERE address = $1 AND at > $2
                     ORDER BY at LIMIT $3)
                 SELECT (SELECT count(*) FROM kept), (SELECT min(at) FROM kept), NULL::bytea
                 UNION ALL
                 SELECT NULL, NULL, choices FROM kept WHERE (SELECT count(*) FROM kept) < $3",
            )
            .await?;
        let rows = client
            .query(&query, &[&self.address_key(Some(address)), &since, &cap])
            .await?;
        let head = rows.iter().find(|r| r.get::<_, Option<i64>>(0).is_some());
        let kept: i64 = head.and_then(|r| r.get(0)).unwrap_or(0);
        if kept >= cap {
            let oldest: i64 = head.and_then(|r| r.get(1)).unwrap_or(now);
            let leaves = oldest.saturating_add(millis(window));
            return Ok(Recent::AtCap {
                for_at_least: Duration::from_millis(
                    u64::try_from(leaves.saturating_sub(now)).unwrap_or(0),
                ),
            });
        }
        Ok(Recent::Fingerprints(
            rows.iter()
                .filter_map(|r| r.get::<_, Option<Vec<u8>>>(2))
                .collect(),
        ))
    }

    /// Remembers a response's fingerprint in `tx`, the transaction that
    /// stores it, unless its address has `mark.cap` within the window already.
    pub(super) async fn remember_submission(
        &self,
        tx: &deadpool_postgres::Transaction<'_>,
        mark: &RecentMark,
        choices: &[u8],
    ) -> Result<()> {
        let now = now_ms();
        let since = now.saturating_sub(millis(mark.window));
        let cap = i64::try_from(mark.cap).unwrap_or(i64::MAX);
        let insert = tx
            .prepare_cached(
                "INSERT INTO recent_submissions (address, at, choices)
                 SELECT $1, $2, $3
                 WHERE (SELECT count(*) FROM (
                            SELECT 1 FROM recent_submissions
                            WHERE address = $1 AND at > $4 LIMIT $5) AS kept) < $5",
            )
            .await?;
        tx.execute(
            &insert,
            &[
                &self.address_key(Some(mark.address)),
                &now,
                &choices,
                &since,
                &cap,
            ],
        )
        .await?;
        Ok(())
    }

    /// Forgets the fingerprints that left every window (`window` is the
    /// check's).
    pub(super) async fn forget_old_submissions(&self, window: Duration) -> Result<()> {
        let since = now_ms().saturating_sub(millis(window));
        self.client()
            .await?
            .execute("DELETE FROM recent_submissions WHERE at <= $1", &[&since])
            .await?;
        Ok(())
    }
}

impl Db {
    /// Claims the run of `job` due now: the one server whose claim moves the
    /// job's last run to now gets true (the row's lock makes two claims at once
    /// wait for each other); a run less than `period` ago leaves it as it is.
    pub async fn claim_periodic_run(&self, job: &str, period: Duration) -> Result<bool> {
        let now = now_ms();
        let claimed = self
            .client()
            .await?
            .query_opt(
                "INSERT INTO periodic_runs (job, ran_at) VALUES ($1, $2)
                 ON CONFLICT (job) DO UPDATE SET ran_at = EXCLUDED.ran_at
                     WHERE periodic_runs.ran_at <= $3
                 RETURNING job",
                &[&job, &now, &now.saturating_sub(millis(period))],
            )
            .await?;
        Ok(claimed.is_some())
    }
}
