//! Operator passwords: argon2id hashes in PHC string form, with a random salt each,
//! and the workers that check them at sign-in.
//!
//! A check needs argon2's whole memory (19 MiB with the default parameters). Run
//! on whichever thread is free, each check allocated and freed that much: with
//! glibc, once the first such block is returned to the system its size becomes
//! the threshold below which blocks come from the heap, where aligned blocks of
//! this size are seldom reused, so a run of failed sign-ins left the process
//! hundreds of megabytes larger for good. [`PasswordChecks`] runs every check on
//! one of [`CHECK_WORKERS`] threads, each reusing the one memory block it
//! allocated when it started; at most [`CHECKS_WAITING`] more wait their turn, and
//! beyond that a sign-in is told to try again shortly. Memory is bounded by
//! construction: workers times one block.

use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, PasswordHasher, Version};
use tokio::sync::oneshot;

/// The shortest password accepted for an operator.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Threads that check passwords; each holds one argon2 memory block.
pub const CHECK_WORKERS: usize = 2;
/// Checks that may wait for a worker; one more is refused as busy.
pub const CHECKS_WAITING: usize = 8;
/// The memory a worker holds, in KiB: what the default parameters need. A stored
/// hash that needs more is refused (this software writes none).
pub const CHECK_MEMORY_KIB: u32 = Params::DEFAULT_M_COST;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    PasswordTooShort,
    #[error("an operator name is 1 to 64 letters, digits, '.', '-' or '_'")]
    BadName,
    #[error("cannot hash the password: {0}")]
    Hash(String),
    /// The stored hash cannot be checked here.
    #[error("the stored password hash cannot be checked: {0}")]
    StoredHash(String),
    /// Every worker is busy and the queue is full: try again shortly.
    #[error("too many sign-ins are being checked at once")]
    Busy,
    /// The workers could not be started, or have stopped.
    #[error("the password checks cannot run: {0}")]
    Stopped(String),
}

/// Checks an operator name.
///
/// # Errors
/// `AccountError::BadName` for an empty, long or odd name.
pub fn check_name(name: &str) -> Result<(), AccountError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if ok {
        Ok(())
    } else {
        Err(AccountError::BadName)
    }
}

/// Hashes a new password with argon2id.
///
/// # Errors
/// A password that is too short, or a failure of the hasher.
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::PasswordTooShort);
    }
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

/// Whether `password` matches the PHC string `hash`, computed in `memory`
/// (which must hold the hash's `m` KiB). The comparison takes the same time
/// wherever the outputs differ.
///
/// # Errors
/// A hash that does not parse, names parameters argon2 refuses, or needs more
/// memory than `memory` holds.
fn verify_in(memory: &mut [Block], password: &str, hash: &str) -> Result<bool, AccountError> {
    let stored = |e: &dyn std::fmt::Display| AccountError::StoredHash(e.to_string());
    let parsed = PasswordHash::new(hash).map_err(|e| stored(&e))?;
    let algorithm = Algorithm::try_from(parsed.algorithm.as_str()).map_err(|e| stored(&e))?;
    let version = match parsed.version {
        Some(v) => Version::try_from(v).map_err(|e| stored(&e))?,
        None => Version::default(),
    };
    let params = Params::try_from(&parsed).map_err(|e| stored(&e))?;
    let (Some(salt), Some(expected)) = (&parsed.salt, &parsed.hash) else {
        return Err(AccountError::StoredHash(
            "it has no salt or no output".into(),
        ));
    };
    let blocks = params.block_count();
    let memory = memory.get_mut(..blocks).ok_or_else(|| {
        AccountError::StoredHash(format!(
            "it needs {} KiB of memory; a sign-in check has {CHECK_MEMORY_KIB}",
            params.m_cost()
        ))
    })?;
    let mut out = vec![0u8; expected.len()];
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password.as_bytes(), salt.as_ref(), &mut out, memory)
        .map_err(|e| stored(&e))?;
    Ok(subtle::ConstantTimeEq::ct_eq(out.as_slice(), expected.as_bytes()).into())
}

/// One password to check, and where the answer goes.
struct Check {
    password: String,
    hash: String,
    answer: oneshot::Sender<Result<bool, AccountError>>,
}

/// The sign-in's password checks: a fixed set of worker threads, started on the
/// first check, each reusing one preallocated argon2 memory block, behind a
/// queue of bounded length. The workers end when this is dropped.
#[derive(Default)]
pub struct PasswordChecks {
    queue: Mutex<Option<SyncSender<Check>>>,
}

impl PasswordChecks {
    /// Queues a check of `password` against the PHC string `hash`; the answer
    /// arrives on the returned channel once a worker has run it.
    ///
    /// # Errors
    /// `Busy` when [`CHECKS_WAITING`] checks are waiting already; `Stopped` when
    /// the workers cannot be started.
    pub fn submit(
        &self,
        password: String,
        hash: String,
    ) -> Result<oneshot::Receiver<Result<bool, AccountError>>, AccountError> {
        let queue = self.queue()?;
        let (answer, receiver) = oneshot::channel();
        match queue.try_send(Check {
            password,
            hash,
            answer,
        }) {
            Ok(()) => Ok(receiver),
            Err(TrySendError::Full(_)) => Err(AccountError::Busy),
            Err(TrySendError::Disconnected(_)) => {
                Err(AccountError::Stopped("the workers have stopped".into()))
            }
        }
    }

    /// Checks `password` against `hash` on a worker and waits for the answer
    /// without blocking the executor.
    ///
    /// # Errors
    /// As [`PasswordChecks::submit`], and a hash that cannot be checked.
    pub async fn verify(&self, password: String, hash: String) -> Result<bool, AccountError> {
        self.submit(password, hash)?
            .await
            .map_err(|_| AccountError::Stopped("a worker ended during a check".into()))?
    }

    /// The queue to the workers, starting them on first use.
    fn queue(&self) -> Result<SyncSender<Check>, AccountError> {
        let mut queue = self
            .queue
            .lock()
            .map_err(|_| AccountError::Stopped("the queue's lock is poisoned".into()))?;
        if let Some(q) = queue.as_ref() {
            return Ok(q.clone());
        }
        let (sender, receiver) = mpsc::sync_channel::<Check>(CHECKS_WAITING);
        let receiver = Arc::new(Mutex::new(receiver));
        for i in 0..CHECK_WORKERS {
            let receiver = Arc::clone(&receiver);
            std::thread::Builder::new()
                .name(format!("password-check-{i}"))
                .spawn(move || check_passwords(&receiver))
                .map_err(|e| AccountError::Stopped(e.to_string()))?;
        }
        *queue = Some(sender.clone());
        Ok(sender)
    }
}

/// A worker: allocates its memory block once, then checks one password after
/// another in it until the queue is dropped.
fn check_passwords(queue: &Mutex<Receiver<Check>>) {
    let mut memory = vec![Block::new(); CHECK_MEMORY_KIB as usize];
    loop {
        // The lock is held only while waiting for the next check, never during one.
        let next = match queue.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok(check) = next else {
            return;
        };
        let verdict = verify_in(&mut memory, &check.password, &check.hash);
        // The sign-in may have gone away (client disconnected): nothing to tell.
        let _ = check.answer.send(verdict);
    }
}

/// A hash that no password matches, verified against when the operator does not
/// exist so that a wrong name takes as long as a wrong password.
pub fn decoy_hash() -> &'static str {
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2Lr4bhNjSO0QjtoWO5J6ZbYqK0nK0d0bM1m1kb2m6fE"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory() -> Vec<Block> {
        vec![Block::new(); CHECK_MEMORY_KIB as usize]
    }

    #[actix_web::test]
    async fn a_hashed_password_verifies_on_the_workers_and_another_does_not() {
        let hash = hash_password("correct horse battery").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        let checks = PasswordChecks::default();
        let verify = |password: &str, hash: &str| checks.verify(password.into(), hash.into());
        assert!(verify("correct horse battery", &hash).await.expect("check"));
        assert!(!verify("wrong horse battery", &hash).await.expect("check"));
        assert_ne!(
            hash,
            hash_password("correct horse battery").expect("hash"),
            "salted"
        );
        assert!(
            !verify("anything at all", decoy_hash())
                .await
                .expect("check")
        );
    }

    #[test]
    fn checks_in_reused_memory_agree_with_argon2_for_other_parameters_too() {
        use argon2::PasswordVerifier;
        let mut memory = memory();
        let small = Params::new(64, 1, 1, None).expect("params");
        for (algorithm, params) in [
            (Algorithm::Argon2id, Params::default()),
            (Algorithm::Argon2id, small.clone()),
            (Algorithm::Argon2i, small),
        ] {
            let argon = Argon2::new(algorithm, Version::V0x13, params);
            let hash = argon
                .hash_password(b"a password of some length")
                .expect("hash")
                .to_string();
            for password in ["a password of some length", "another password"] {
                let reference = Argon2::default()
                    .verify_password(password.as_bytes(), hash.as_str())
                    .is_ok();
                // The same block, dirty from the check before, gives the same answer.
                assert_eq!(
                    verify_in(&mut memory, password, &hash).expect("check"),
                    reference,
                    "{hash} {password}"
                );
            }
        }
    }

    #[test]
    fn a_stored_hash_that_needs_more_memory_or_does_not_parse_is_named() {
        let mut memory = memory();
        let big = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(CHECK_MEMORY_KIB * 2, 1, 1, None).expect("params"),
        );
        // Hashing with more memory is what the check refuses: built from the
        // parameters' string, without running it.
        let hash = format!(
            "$argon2id$v=19${}$c29tZXNhbHRzb21lc2FsdA$2Lr4bhNjSO0QjtoWO5J6ZbYqK0nK0d0bM1m1kb2m6fE",
            big.params()
        );
        let err = verify_in(&mut memory, "whatever", &hash).expect_err("too big");
        assert!(err.to_string().contains("KiB"), "{err}");
        assert!(matches!(
            verify_in(&mut memory, "whatever", "not a hash"),
            Err(AccountError::StoredHash(_))
        ));
    }

    #[actix_web::test]
    async fn a_full_queue_answers_busy_at_once() {
        let checks = PasswordChecks::default();
        let mut waiting = Vec::new();
        let mut busy = 0;
        // Far more than can run or wait: each check takes milliseconds, and these
        // arrive within microseconds.
        for i in 0..5 * (CHECK_WORKERS + CHECKS_WAITING) {
            match checks.submit(format!("guess {i}"), decoy_hash().into()) {
                Ok(answer) => waiting.push(answer),
                Err(AccountError::Busy) => busy += 1,
                Err(other) => panic!("{other}"),
            }
        }
        assert!(busy > 0, "a full queue refuses");
        // At least the queue's worth was taken (the workers may not have picked
        // up their first one yet).
        assert!(waiting.len() >= CHECKS_WAITING, "{}", waiting.len());
        for answer in waiting {
            assert!(!answer.await.expect("answered").expect("checked"));
        }
    }

    #[test]
    fn short_passwords_and_odd_names_are_refused() {
        assert!(matches!(
            hash_password("short"),
            Err(AccountError::PasswordTooShort)
        ));
        assert!(check_name("ops.lead-1").is_ok());
        assert!(check_name("").is_err());
        assert!(check_name("name with space").is_err());
        assert!(check_name(&"a".repeat(65)).is_err());
    }
}
