//! The optional collection settings file (`collection.toml`): title, notice and defaults.

use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectionSettings {
    pub title: Option<String>,
    pub notice: Option<String>,
    pub default_language: Option<String>,
    pub default_source: Option<String>,
}

impl CollectionSettings {
    pub fn read(path: &Path) -> Result<CollectionSettings, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start].lines().count().max(1))
                .unwrap_or(1);
            format!(
                "{}:{line}: {} (fields: title, notice, default_language, default_source)",
                path.display(),
                e.message().trim()
            )
        })
    }
}
