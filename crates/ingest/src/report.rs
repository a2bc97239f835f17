//! What an ingest run produced and met: articles, skips, warnings and errors.

use crate::error::IngestError;
use insight_corpus::Article;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Something read but deliberately not turned into an article, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub path: PathBuf,
    /// Where in the file, for a file of many records (a WordPress export's item).
    pub line: Option<usize>,
    /// Which record, for a file of many ("post \"About us\"").
    pub record: Option<String>,
    pub reason: String,
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(record) = &self.record {
            write!(f, ": {record}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// A static site the run recognised, and what it read of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteNote {
    pub root: PathBuf,
    /// The site's title, from its settings.
    pub title: Option<String>,
    /// What the site is: its generator, title, address and settings file.
    pub description: String,
    /// Files read as posts.
    pub posts: usize,
    /// Files left out with a reason (drafts, section pages), listed among the skips.
    pub left_out: usize,
    /// Other files (layouts, pages, assets, built output), left alone.
    pub left_alone: usize,
}

impl SiteNote {
    /// One line such as `blog: Jekyll site "Notes" at https://example.org (settings
    /// from blog/_config.yml): 9 posts read, 2 left out, 31 other files left alone`.
    pub fn line(&self) -> String {
        format!(
            "{}: {}: {} read, {} left out, {} other files (layouts, pages, assets) left alone",
            self.root.display(),
            self.description,
            if self.posts == 1 {
                "1 post".to_string()
            } else {
                format!("{} posts", self.posts)
            },
            self.left_out,
            self.left_alone,
        )
    }
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
    /// How many articles came from each kind of file (`Markdown in a Hugo site`).
    pub kinds: BTreeMap<String, usize>,
    /// The static sites recognised among the inputs.
    pub sites: Vec<SiteNote>,
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

    /// What the run read and left out: articles by kind of file, skips by reason, as
    /// indented lines under two headings.
    pub fn by_kind(&self) -> String {
        let mut out = format!("articles by kind of file ({}):\n", self.articles.len());
        for (kind, count) in &self.kinds {
            out.push_str(&format!("  {count:>6}  {kind}\n"));
        }
        let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
        for skip in &self.skipped {
            *reasons.entry(skip.reason.as_str()).or_default() += 1;
        }
        out.push_str(&format!("left out, by reason ({}):\n", self.skipped.len()));
        for (reason, count) in reasons {
            out.push_str(&format!("  {count:>6}  {reason}\n"));
        }
        out
    }
}
