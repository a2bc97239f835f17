//! Reading `corpus.json`: the version is checked first, then each article on its own, so
//! one bad record costs that record and not the whole collection.

use crate::article::{Article, Corpus, CORPUS_VERSION};
use crate::repair::repair_links;
use crate::validate::{article_label, field_problems, link_problems, Problem, ValidCorpus};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::fmt;

/// Why a corpus could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is not JSON of the corpus's shape (truncated, not JSON, wrong types).
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    /// The text stops before the JSON does: a download or upload cut short.
    Truncated { line: usize, column: usize },
    /// The document has no `version` field.
    MissingVersion,
    /// The document is of a format version this build does not read.
    UnsupportedVersion(u64),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Malformed {
                line,
                column,
                message,
            } => {
                write!(f, "line {line}, column {column}: {message}")
            }
            DecodeError::Truncated { line, column } => {
                write!(f, "the file ends early, at line {line}, column {column}")
            }
            DecodeError::MissingVersion => write!(f, "it has no \"version\" field"),
            DecodeError::UnsupportedVersion(version) => write!(
                f,
                "it is format version {version}, and this explorer reads versions {CORPUS_VERSION} and {}",
                crate::published::MANIFEST_VERSION
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A JSON error's message without the " at line L column C" serde_json appends, for
/// callers that report the place themselves.
pub fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

impl From<serde_json::Error> for DecodeError {
    fn from(error: serde_json::Error) -> Self {
        if error.is_eof() {
            return DecodeError::Truncated {
                line: error.line(),
                column: error.column(),
            };
        }
        let message = json_message(&error);
        DecodeError::Malformed {
            line: error.line(),
            column: error.column(),
            message,
        }
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    version: Option<u64>,
}

#[derive(Deserialize)]
struct RawCorpus<'a> {
    title: String,
    #[serde(default)]
    notice: Option<String>,
    #[serde(borrow)]
    articles: Vec<&'a RawValue>,
}

fn check_version(text: &str) -> Result<(), DecodeError> {
    match serde_json::from_str::<VersionOnly>(text)?.version {
        None => Err(DecodeError::MissingVersion),
        Some(version) if version == u64::from(CORPUS_VERSION) => Ok(()),
        Some(version) => Err(DecodeError::UnsupportedVersion(version)),
    }
}

/// Finds the lines of successive slices of one text, counting each newline once, so
/// placing every record of a large corpus stays linear.
pub struct LineCounter<'a> {
    whole: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub fn new(whole: &'a str) -> Self {
        LineCounter {
            whole,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line where `part` (a later slice of the same text) starts.
    pub fn line_of(&mut self, part: &str) -> usize {
        let at = (part.as_ptr() as usize)
            .saturating_sub(self.whole.as_ptr() as usize)
            .min(self.whole.len());
        if at >= self.offset {
            self.line += self.whole.as_bytes()[self.offset..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.offset = at;
        }
        self.line
    }
}

impl Corpus {
    /// Reads a corpus strictly: any article that does not decode fails the whole read.
    pub fn from_json(text: &str) -> Result<Corpus, DecodeError> {
        check_version(text)?;
        Ok(serde_json::from_str(text)?)
    }
}

impl ValidCorpus {
    /// Reads a corpus for showing: the version and outer shape must be right, and each
    /// article that fails to decode or to validate is set aside with its reason. A link
    /// whose target is not allowed costs only the link: the article keeps its text, and
    /// the link is listed in `refused_links`.
    pub fn from_json(text: &str) -> Result<ValidCorpus, DecodeError> {
        check_version(text)?;
        let raw: RawCorpus = serde_json::from_str(text)?;
        let mut articles = Vec::with_capacity(raw.articles.len());
        let mut skipped = Vec::new();
        let mut refused_links = Vec::new();
        let mut ids = HashSet::new();
        let mut lines = LineCounter::new(text);
        for (index, record) in raw.articles.iter().enumerate() {
            let line = lines.line_of(record.get());
            let mut article: Article = match serde_json::from_str(record.get()) {
                Ok(article) => article,
                Err(error) => {
                    let message = json_message(&error);
                    let at = line + error.line().saturating_sub(1);
                    skipped
                        .push(Problem::new(format!("article #{}", index + 1), message).at_line(at));
                    continue;
                }
            };
            let mut messages = field_problems(&article);
            if messages.is_empty() && !ids.insert(article.id.clone()) {
                messages.push("its id is used by an earlier article".to_string());
            }
            if messages.is_empty() {
                refused_links.extend(repair_links(&mut article, Some(line)));
                articles.push(article);
            } else {
                // One entry per article set aside, naming all its problems, its links'
                // too, so that one run of `corpus check` lists everything to fix.
                messages.extend(link_problems(&article));
                let subject = article_label(&article).to_string();
                skipped.push(Problem::new(subject, messages.join("; ")).at_line(line));
            }
        }
        Ok(ValidCorpus {
            title: raw.title,
            notice: raw.notice,
            articles,
            skipped,
            refused_links,
        })
    }
}
