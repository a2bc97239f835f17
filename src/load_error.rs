//! Why the collection could not be loaded, in the words a reader sees: what is wrong,
//! what the site owner should do about it, and whether trying again can help.

use insight_corpus::{DecodeError, CORPUS_VERSION};

/// Where the corpus lives, relative to the site's base address.
pub const CORPUS_PATH: &str = "corpus.json";

/// The command that rebuilds the site with its corpus, from the project's checkout.
const REBUILD: &str = "cargo xtask dist";
/// The command that lists every problem in a corpus file.
const CHECK: &str = "corpus check corpus.json";

/// Why the collection could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, aborted).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// The file arrived but is not a corpus this explorer can read.
    Decode(DecodeError),
}

/// What the site owner can do: a sentence and, where one helps, the command to run.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerFix {
    pub advice: &'static str,
    pub command: Option<&'static str>,
}

impl LoadError {
    /// A heading for the error view.
    pub fn headline(&self) -> &'static str {
        match self {
            LoadError::Network(_) => "The collection could not be downloaded",
            LoadError::Status(404) => "The collection is missing from this site",
            LoadError::Status(_) => "The server could not send the collection",
            LoadError::Decode(DecodeError::Truncated { .. }) => "The collection arrived incomplete",
            LoadError::Decode(DecodeError::UnsupportedVersion(v))
                if *v > u64::from(CORPUS_VERSION) =>
            {
                "The collection needs a newer version of this explorer"
            }
            LoadError::Decode(DecodeError::UnsupportedVersion(_)) => {
                "The collection is in an old format"
            }
            LoadError::Decode(_) => "The collection file could not be read",
        }
    }

    /// What went wrong, for anyone reading the page.
    pub fn explanation(&self) -> String {
        match self {
            LoadError::Network(detail) => format!(
                "The request for {CORPUS_PATH} did not complete ({detail}). Check your connection and try again."
            ),
            LoadError::Status(404) => {
                format!("{CORPUS_PATH} was not found on this site (HTTP 404).")
            }
            LoadError::Status(status) if self.retry_helps() => format!(
                "The server answered HTTP {status} for {CORPUS_PATH}. This is often temporary: try again in a moment."
            ),
            LoadError::Status(status) => {
                format!("The server refused to send {CORPUS_PATH} (HTTP {status}).")
            }
            LoadError::Decode(DecodeError::Truncated { line, column }) => format!(
                "{CORPUS_PATH} stops early (at line {line}, column {column}): the download was cut short, or the file was not uploaded completely. Try again."
            ),
            LoadError::Decode(DecodeError::UnsupportedVersion(version)) => format!(
                "{CORPUS_PATH} is in corpus format version {version}, and this explorer reads version {CORPUS_VERSION}."
            ),
            LoadError::Decode(DecodeError::MissingVersion) => format!(
                "{CORPUS_PATH} has no \"version\" field, so it is not a corpus made by the corpus tool."
            ),
            LoadError::Decode(error) => {
                format!("{CORPUS_PATH} is not a corpus this explorer can read: {error}.")
            }
        }
    }

    /// What the site owner should do, if anything they do can fix it.
    pub fn owner_fix(&self) -> Option<OwnerFix> {
        let fix = |advice, command| Some(OwnerFix { advice, command });
        match self {
            LoadError::Network(_) => None,
            LoadError::Status(404) => fix(
                "publish the corpus with the site and upload the whole built folder:",
                Some(REBUILD),
            ),
            LoadError::Status(_) if self.retry_helps() => fix(
                "if this lasts, check the web host's status and logs; the site's files are not at fault.",
                None,
            ),
            LoadError::Status(_) => fix(
                "make sure the host lets anyone read corpus.json, next to index.html.",
                None,
            ),
            LoadError::Decode(DecodeError::Truncated { .. }) => fix(
                "if this keeps happening, rebuild the site, upload it again, and check the file:",
                Some(CHECK),
            ),
            LoadError::Decode(DecodeError::UnsupportedVersion(_)) => fix(
                "build the explorer and the corpus from the same checkout, so they agree:",
                Some(REBUILD),
            ),
            LoadError::Decode(_) => fix(
                "rebuild the corpus with the corpus tool instead of editing it by hand; this lists every problem in it:",
                Some(CHECK),
            ),
        }
    }

    /// Whether trying the same download again can succeed.
    pub fn retry_helps(&self) -> bool {
        match self {
            LoadError::Network(_) => true,
            LoadError::Status(status) => *status >= 500 || matches!(status, 408 | 425 | 429),
            LoadError::Decode(DecodeError::Truncated { .. }) => true,
            LoadError::Decode(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(error: DecodeError) -> LoadError {
        LoadError::Decode(error)
    }

    #[test]
    fn each_case_says_what_is_wrong_in_its_own_words() {
        let cases = [
            LoadError::Network("Failed to fetch".into()),
            LoadError::Status(404),
            LoadError::Status(500),
            LoadError::Status(403),
            decode(DecodeError::Truncated { line: 3, column: 9 }),
            decode(DecodeError::UnsupportedVersion(7)),
            decode(DecodeError::UnsupportedVersion(0)),
            decode(DecodeError::MissingVersion),
            decode(DecodeError::Malformed {
                line: 1,
                column: 2,
                message: "expected value".into(),
            }),
        ];
        let explanations: Vec<String> = cases.iter().map(LoadError::explanation).collect();
        for (case, text) in cases.iter().zip(&explanations) {
            assert!(text.contains(CORPUS_PATH), "{case:?}: {text}");
            assert_eq!(
                explanations.iter().filter(|other| *other == text).count(),
                1,
                "{case:?} shares its message"
            );
        }
        assert!(explanations[4].contains("line 3, column 9"));
        assert!(explanations[5].contains("version 7"));
        assert_eq!(
            cases[5].headline(),
            "The collection needs a newer version of this explorer"
        );
    }

    #[test]
    fn retry_is_offered_only_where_it_can_help() {
        assert!(LoadError::Network(String::new()).retry_helps());
        assert!(LoadError::Status(503).retry_helps());
        assert!(LoadError::Status(429).retry_helps());
        assert!(!LoadError::Status(404).retry_helps());
        assert!(!LoadError::Status(403).retry_helps());
        assert!(decode(DecodeError::Truncated { line: 1, column: 1 }).retry_helps());
        assert!(!decode(DecodeError::UnsupportedVersion(2)).retry_helps());
        assert!(!decode(DecodeError::MissingVersion).retry_helps());
    }

    #[test]
    fn the_site_owner_is_told_what_to_run() {
        let missing = LoadError::Status(404).owner_fix().unwrap();
        assert_eq!(missing.command, Some(REBUILD));
        let newer = decode(DecodeError::UnsupportedVersion(2))
            .owner_fix()
            .unwrap();
        assert_eq!(newer.command, Some(REBUILD));
        let broken = decode(DecodeError::MissingVersion).owner_fix().unwrap();
        assert_eq!(broken.command, Some(CHECK));
        assert_eq!(LoadError::Network(String::new()).owner_fix(), None);
    }
}
