//! What a reader makes of one record of a file: an article (with warnings), a skip with
//! a reason, or an error. A Markdown file or saved page has one record; a feed or a JSON
//! Lines file has many.

use crate::error::IngestError;
use insight_corpus::{validate_article, Article};
use std::path::Path;

#[derive(Debug)]
pub enum Entry {
    Article {
        article: Box<Article>,
        warnings: Vec<IngestError>,
    },
    /// A record read but deliberately left out (a draft, say), with the reason.
    Skip(String),
    Error(IngestError),
}

impl Entry {
    /// An article entry if the article is valid, otherwise an error naming its first
    /// problem (and how many more there are), at `line` of `path`.
    pub fn checked(
        path: &Path,
        line: Option<usize>,
        article: Article,
        warnings: Vec<IngestError>,
    ) -> Entry {
        let problems = validate_article(&article);
        match problems.first() {
            None => Entry::Article {
                article: Box::new(article),
                warnings,
            },
            Some(problem) => {
                let more = match problems.len() {
                    1 => String::new(),
                    n => format!(" (and {} more)", n - 1),
                };
                Entry::Error(IngestError::new(
                    path,
                    line,
                    format!("{}{more}", problem.message),
                ))
            }
        }
    }
}
