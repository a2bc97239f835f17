//! What an ingest run produced and met: articles, skips, warnings and errors.

use crate::error::IngestError;
use insight_corpus::Article;
use std::path::PathBuf;

/// Something read but deliberately not turned into an article, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub path: PathBuf,
    pub reason: String,
}

/// The outcome of one ingest run. Every file read is counted in `files` and accounted
/// for by its articles, skips and errors.
#[derive(Debug, Default)]
pub struct Report {
    pub files: usize,
    pub articles: Vec<Article>,
    /// The file each article came from, in the same order as `articles`.
    pub sources: Vec<PathBuf>,
    pub skipped: Vec<Skip>,
    /// Things that were fixed up or left out but did not stop an article.
    pub warnings: Vec<IngestError>,
    pub errors: Vec<IngestError>,
}

impl Report {
    /// One line such as `ingested 812 articles from 815 files: 2 skipped (2 drafts), 1 error, 0 warnings`.
    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let drafts = self
            .skipped
            .iter()
            .filter(|s| s.reason.starts_with("a draft"))
            .count();
        let skipped = match drafts {
            0 => format!("{} skipped", self.skipped.len()),
            n => format!(
                "{} skipped ({})",
                self.skipped.len(),
                plural(n, "draft", "drafts")
            ),
        };
        format!(
            "ingested {} from {}: {skipped}, {}, {}",
            plural(self.articles.len(), "article", "articles"),
            plural(self.files, "file", "files"),
            plural(self.errors.len(), "error", "errors"),
            plural(self.warnings.len(), "warning", "warnings"),
        )
    }
}
