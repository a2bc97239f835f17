//! What an ingest run produced and met: articles, skipped files, warnings and errors.

use crate::error::IngestError;
use insight_corpus::Article;
use std::path::PathBuf;

/// A file that was read but deliberately not turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub path: PathBuf,
    pub reason: String,
}

/// The outcome of one ingest run. Every input file appears in exactly one of
/// `articles` (through `sources`), `skipped` or `errors`.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: Vec<Article>,
    /// The file each article came from, in the same order as `articles`.
    pub sources: Vec<PathBuf>,
    pub skipped: Vec<Skip>,
    /// Things that were fixed up or left out but did not stop an article.
    pub warnings: Vec<IngestError>,
    pub errors: Vec<IngestError>,
}

impl Report {
    /// How many files were looked at.
    pub fn files(&self) -> usize {
        self.articles.len() + self.skipped.len() + self.errors.len()
    }

    /// One line such as `ingested 44 articles from 45 files: 1 skipped, 0 errors`.
    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "ingested {} from {}: {} skipped, {}, {}",
            plural(self.articles.len(), "article", "articles"),
            plural(self.files(), "file", "files"),
            self.skipped.len(),
            plural(self.warnings.len(), "warning", "warnings"),
            plural(self.errors.len(), "error", "errors"),
        )
    }
}
