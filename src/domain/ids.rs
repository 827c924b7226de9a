//! The private links of the study: a report, a resume link, a team's report or
//! invitation. Each is a random UUID; a link that is not one is simply unknown,
//! whatever layer it arrives through.

use std::fmt;

/// A private id as it appears in a link: a UUID in its canonical lower-case,
/// hyphenated form, whichever way it was written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LinkId(String);

/// The id of a submitted response: its report link `/r/{id}`.
pub type ResponseId = LinkId;

impl LinkId {
    /// Reads a link id: 32 hex digits, optionally in the 8-4-4-4-12 grouping,
    /// optionally in braces or with a `urn:uuid:` prefix; any case. `None` for
    /// anything else.
    pub fn parse(raw: &str) -> Option<LinkId> {
        let raw = raw.trim();
        let raw = raw.strip_prefix("urn:uuid:").unwrap_or(raw);
        let raw = raw
            .strip_prefix('{')
            .and_then(|r| r.strip_suffix('}'))
            .unwrap_or(raw);
        let hex: String = if raw.len() == 36 {
            let bytes = raw.as_bytes();
            if [8, 13, 18, 23].iter().any(|&i| bytes[i] != b'-') {
                return None;
            }
            raw.chars().filter(|c| *c != '-').collect()
        } else {
            raw.to_string()
        };
        if hex.len() != 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let hex = hex.to_ascii_lowercase();
        Some(LinkId(format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for LinkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_spelling_of_one_uuid_is_one_id() {
        let canonical = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";
        for raw in [
            canonical,
            "3F2A1B4C-5D6E-4F70-8A9B-0C1D2E3F4A5B",
            "3f2a1b4c5d6e4f708a9b0c1d2e3f4a5b",
            "{3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b}",
            "urn:uuid:3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
        ] {
            assert_eq!(
                LinkId::parse(raw).map(LinkId::into_string).as_deref(),
                Some(canonical),
                "{raw}"
            );
        }
    }

    #[test]
    fn anything_else_is_no_id() {
        for raw in [
            "",
            "report",
            "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5",
            "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5bb",
            "3f2a1b4c_5d6e_4f70_8a9b_0c1d2e3f4a5b",
            "gf2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
            "../../etc/passwd",
        ] {
            assert_eq!(LinkId::parse(raw), None, "{raw}");
        }
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_the_canonical_form_reads_back(raw in ".{0,40}") {
            if let Some(id) = LinkId::parse(&raw) {
                prop_assert_eq!(LinkId::parse(id.as_str()), Some(id.clone()));
                prop_assert_eq!(id.as_str().len(), 36);
            }
        }
    }
}
