//! Settings that apply to every file of an ingest run.

/// Defaults for fields a file does not give.
#[derive(Debug, Clone)]
pub struct Options {
    /// The language of articles that name none.
    pub default_language: String,
    /// The source of articles that name none.
    pub default_source: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            default_language: "en".to_string(),
            default_source: None,
        }
    }
}
