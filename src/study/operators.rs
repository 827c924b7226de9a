//! Operator passwords: argon2id hashes in PHC string form, with a random salt each.

use argon2::{Argon2, PasswordHasher, PasswordVerifier};

/// The shortest password accepted for an operator.
pub const MIN_PASSWORD_CHARS: usize = 12;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    PasswordTooShort,
    #[error("an operator name is 1 to 64 letters, digits, '.', '-' or '_'")]
    BadName,
    #[error("cannot hash the password: {0}")]
    Hash(String),
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

/// Whether a password matches a stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// A hash that no password matches, verified against when the operator does not
/// exist so that a wrong name takes as long as a wrong password.
pub fn decoy_hash() -> &'static str {
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2Lr4bhNjSO0QjtoWO5J6ZbYqK0nK0d0bM1m1kb2m6fE"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_password_verifies_and_another_does_not() {
        let hash = hash_password("correct horse battery").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("wrong horse battery", &hash));
        assert_ne!(
            hash,
            hash_password("correct horse battery").expect("hash"),
            "salted"
        );
        assert!(!verify_password("anything at all", decoy_hash()));
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
