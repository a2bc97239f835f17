//! Settings that apply to the files of an ingest run, and the defaults a file takes from
//! the site it belongs to.

use crate::site::Site;
use std::sync::Arc;

/// Defaults for fields a file does not give.
#[derive(Debug, Clone)]
pub struct Options {
    /// The language of articles that name none.
    pub default_language: String,
    /// The source of articles that name none (`--default-source`). A site's title comes
    /// next, then `fallback_source`.
    pub default_source: Option<String>,
    /// The source of articles that name none when neither the run nor a site gives one:
    /// the collection's title. Without it, the name of the folder the files came from.
    pub fallback_source: Option<String>,
    /// The Jekyll, Hugo or Zola site a file belongs to, set by the run for each file.
    pub site: Option<Arc<Site>>,
    /// Whether a WordPress export's pages become articles too (`--include-pages`).
    pub include_pages: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            default_language: "en".to_string(),
            default_source: None,
            fallback_source: None,
            site: None,
            include_pages: false,
        }
    }
}

/// Where an article's source came from, when the file did not name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFrom {
    /// The file, the run's `--default-source` or the site named it.
    Named,
    /// Nothing named it: the collection's title or the folder's name stands in, and the
    /// run says so once.
    Fallback,
}

impl Options {
    /// The source for an article whose file names `given` (or nothing).
    pub fn source(&self, given: Option<String>) -> (String, SourceFrom) {
        let named = given
            .or_else(|| self.default_source.clone())
            .or_else(|| self.site.as_ref().and_then(|site| site.source_name()));
        match named {
            Some(source) => (source, SourceFrom::Named),
            None => (
                self.fallback_source
                    .clone()
                    .unwrap_or_else(|| "Unknown source".to_string()),
                SourceFrom::Fallback,
            ),
        }
    }

    /// The author of articles that name none: the site's author, if it names one.
    pub fn default_author(&self) -> Option<String> {
        self.site.as_ref().and_then(|site| site.author.clone())
    }
}
