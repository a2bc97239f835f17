//! Why the collection could not be loaded, in the words a reader sees: what is wrong,
//! what the site owner should do about it, and whether trying again can help.

use insight_corpus::published::MANIFEST_VERSION;
use insight_corpus::{DecodeError, CORPUS_VERSION};

/// Where a collection published as pieces (format 2) starts, relative to the site.
pub const MANIFEST_PATH: &str = "corpus/manifest.json";
/// Where a whole corpus (format 1) lives, for sites that have no manifest.
pub const CORPUS_PATH: &str = "corpus.json";

/// The command that rebuilds the site with its corpus, from the project's checkout.
const REBUILD: &str = "cargo xtask dist";
/// The commands that list every problem in a corpus.
const CHECK_WHOLE: &str = "corpus check corpus.json";
const CHECK_PIECES: &str = "corpus check dist";

/// Why the collection could not be loaded; each names the file it is about.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, aborted).
    Network(String, String),
    /// The server answered with an error status.
    Status(String, u16),
    /// The file arrived but is not one this explorer can read.
    Decode(String, DecodeError),
}

/// What the site owner can do: a sentence and, where one helps, the command to run.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerFix {
    pub advice: &'static str,
    pub command: Option<&'static str>,
}

impl LoadError {
    fn file(&self) -> &str {
        match self {
            LoadError::Network(file, _)
            | LoadError::Status(file, _)
            | LoadError::Decode(file, _) => file,
        }
    }

    /// A heading for the error view.
    pub fn headline(&self) -> &'static str {
        match self {
            LoadError::Network(..) => "The collection could not be downloaded",
            LoadError::Status(_, 404) => "The collection is missing from this site",
            LoadError::Status(..) => "The server could not send the collection",
            LoadError::Decode(_, DecodeError::Truncated { .. }) => {
                "The collection arrived incomplete"
            }
            LoadError::Decode(_, DecodeError::UnsupportedVersion(v))
                if *v > u64::from(MANIFEST_VERSION) =>
            {
                "The collection needs a newer version of this explorer"
            }
            LoadError::Decode(_, DecodeError::UnsupportedVersion(_)) => {
                "The collection is in an old format"
            }
            LoadError::Decode(..) => "The collection file could not be read",
        }
    }

    /// What went wrong, for anyone reading the page.
    pub fn explanation(&self) -> String {
        let file = self.file();
        match self {
            LoadError::Network(_, detail) => format!(
                "The request for {file} did not complete ({detail}). Check your connection and try again."
            ),
            LoadError::Status(_, 404) => {
                format!("{file} was not found on this site (HTTP 404).")
            }
            LoadError::Status(_, status) if self.retry_helps() => format!(
                "The server answered HTTP {status} for {file}. This is often temporary: try again in a moment."
            ),
            LoadError::Status(_, status) => {
                format!("The server refused to send {file} (HTTP {status}).")
            }
            LoadError::Decode(_, DecodeError::Truncated { line, column }) => format!(
                "{file} stops early (at line {line}, column {column}): the download was cut short, or the file was not uploaded completely. Try again."
            ),
            LoadError::Decode(_, DecodeError::UnsupportedVersion(version)) => format!(
                "{file} is in corpus format version {version}, and this explorer reads versions {CORPUS_VERSION} and {MANIFEST_VERSION}."
            ),
            LoadError::Decode(_, DecodeError::MissingVersion) => format!(
                "{file} has no \"version\" field, so it is not a corpus made by the corpus tool."
            ),
            LoadError::Decode(_, error) => {
                format!("{file} is not a corpus this explorer can read: {error}.")
            }
        }
    }

    fn check(&self) -> &'static str {
        if self.file() == CORPUS_PATH {
            CHECK_WHOLE
        } else {
            CHECK_PIECES
        }
    }

    /// What the site owner should do, if anything they do can fix it.
    pub fn owner_fix(&self) -> Option<OwnerFix> {
        let fix = |advice, command| Some(OwnerFix { advice, command });
        match self {
            LoadError::Network(..) => None,
            LoadError::Status(_, 404) => fix(
                "publish the corpus with the site and upload the whole built folder:",
                Some(REBUILD),
            ),
            LoadError::Status(..) if self.retry_helps() => fix(
                "if this lasts, check the web host's status and logs; the site's files are not at fault.",
                None,
            ),
            LoadError::Status(..) => fix(
                "make sure the host lets anyone read the corpus files, next to index.html.",
                None,
            ),
            LoadError::Decode(_, DecodeError::Truncated { .. }) => fix(
                "if this keeps happening, rebuild the site, upload it again, and check the files:",
                Some(self.check()),
            ),
            LoadError::Decode(_, DecodeError::UnsupportedVersion(_)) => fix(
                "build the explorer and the corpus from the same checkout, so they agree:",
                Some(REBUILD),
            ),
            LoadError::Decode(..) => fix(
                "rebuild the corpus with the corpus tool instead of editing it by hand; this lists every problem in it:",
                Some(self.check()),
            ),
        }
    }

    /// Whether trying the same download again can succeed.
    pub fn retry_helps(&self) -> bool {
        match self {
            LoadError::Network(..) => true,
            LoadError::Status(_, status) => *status >= 500 || matches!(status, 408 | 425 | 429),
            LoadError::Decode(_, DecodeError::Truncated { .. }) => true,
            LoadError::Decode(..) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(error: DecodeError) -> LoadError {
        LoadError::Decode(CORPUS_PATH.into(), error)
    }

    #[test]
    fn each_case_says_what_is_wrong_in_its_own_words() {
        let cases = [
            LoadError::Network(CORPUS_PATH.into(), "Failed to fetch".into()),
            LoadError::Status(CORPUS_PATH.into(), 404),
            LoadError::Status(CORPUS_PATH.into(), 500),
            LoadError::Status(CORPUS_PATH.into(), 403),
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
        let status = |s| LoadError::Status(MANIFEST_PATH.into(), s);
        assert!(LoadError::Network(MANIFEST_PATH.into(), String::new()).retry_helps());
        assert!(status(503).retry_helps());
        assert!(status(429).retry_helps());
        assert!(!status(404).retry_helps());
        assert!(!status(403).retry_helps());
        assert!(decode(DecodeError::Truncated { line: 1, column: 1 }).retry_helps());
        assert!(!decode(DecodeError::UnsupportedVersion(3)).retry_helps());
        assert!(!decode(DecodeError::MissingVersion).retry_helps());
    }

    #[test]
    fn the_site_owner_is_told_what_to_run() {
        let missing = LoadError::Status(MANIFEST_PATH.into(), 404)
            .owner_fix()
            .unwrap();
        assert_eq!(missing.command, Some(REBUILD));
        let newer = decode(DecodeError::UnsupportedVersion(3))
            .owner_fix()
            .unwrap();
        assert_eq!(newer.command, Some(REBUILD));
        let broken = decode(DecodeError::MissingVersion).owner_fix().unwrap();
        assert_eq!(broken.command, Some(CHECK_WHOLE));
        let broken_manifest = LoadError::Decode(MANIFEST_PATH.into(), DecodeError::MissingVersion);
        assert_eq!(
            broken_manifest.owner_fix().unwrap().command,
            Some(CHECK_PIECES)
        );
        assert_eq!(
            LoadError::Network(MANIFEST_PATH.into(), String::new()).owner_fix(),
            None
        );
    }
}
