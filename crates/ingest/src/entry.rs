//! What a reader makes of one record of a file: an article (with warnings), a skip with
//! a reason, or errors. A Markdown file or saved page has one record; a feed or a JSON
//! Lines file has many.

use crate::error::IngestError;
use crate::options::SourceFrom;
use insight_corpus::{validate_article, Article};
use std::path::Path;

#[derive(Debug)]
pub enum Entry {
    Article {
        article: Box<Article>,
        warnings: Vec<IngestError>,
        /// Whether the article's source was named or stands in for a missing one.
        source_from: SourceFrom,
    },
    /// A record read but deliberately left out (a draft, say), with the reason.
    Skip(String),
    /// One record of a file of many left out: its line, what it is, and the reason.
    SkipRecord {
        line: usize,
        record: String,
        reason: String,
    },
    /// A record that cannot become an article, with every problem found in it, so that
    /// its owner can fix them all in one go.
    Errors(Vec<IngestError>),
}

impl Entry {
    /// An entry for one problem.
    pub fn error(error: IngestError) -> Entry {
        Entry::Errors(vec![error])
    }

    /// An article entry if the article is valid, otherwise an error for each of its
    /// problems, at `line` of `path`.
    pub fn checked(
        path: &Path,
        line: Option<usize>,
        article: Article,
        warnings: Vec<IngestError>,
        source_from: SourceFrom,
    ) -> Entry {
        let problems = validate_article(&article);
        if problems.is_empty() {
            return Entry::Article {
                article: Box::new(article),
                warnings,
                source_from,
            };
        }
        Entry::Errors(
            problems
                .into_iter()
                .map(|problem| IngestError::new(path, line, problem.message))
                .collect(),
        )
    }
}
