//! Markdown files with front matter: TOML between `+++` lines, as Zola and Hugo write it.

use crate::error::IngestError;
use serde::Deserialize;
use std::path::Path;

/// A Markdown file split into its front matter and body.
pub struct Document<'a> {
    pub front: &'a str,
    /// The 1-based line of the file where the front matter's first line is.
    pub front_line: usize,
    pub body: &'a str,
}

/// Splits `text` at its front matter fences. `Ok(None)` means the file has no front
/// matter at all (so it is not an article).
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Option<Document<'a>>, IngestError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("").trim_end();
    if first_line == "---" {
        return Err(IngestError::new(
            path,
            Some(1),
            "front matter: YAML front matter (between --- lines) is not read yet; write it as TOML between +++ lines",
        ));
    }
    if first_line != "+++" {
        return Ok(None);
    }
    let after_open = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = after_open;
    for line in text[after_open..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok(Some(Document {
                front: &text[after_open..offset],
                front_line: 2,
                body: &text[offset + line.len()..],
            }));
        }
        offset += line.len();
    }
    Err(IngestError::new(
        path,
        Some(1),
        "front matter: the opening +++ line has no closing +++ line; add one after the last field",
    ))
}

/// A value that may be written as one string or a list of strings.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        }
    }
}

/// The front matter fields the corpus uses, with the common aliases.
#[derive(Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub authors: Option<OneOrMany>,
    pub author: Option<OneOrMany>,
    pub source: Option<String>,
    pub date: Option<toml::Value>,
    pub keywords: Option<Vec<String>>,
    pub tags: Option<Vec<String>>,
    pub language: Option<String>,
    pub lang: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub bio: Option<String>,
    pub url: Option<String>,
    pub draft: Option<bool>,
    pub slug: Option<String>,
    pub id: Option<String>,
}

impl Document<'_> {
    /// Parses the front matter, reporting TOML errors at their line in the file.
    pub fn front_matter(&self, path: &Path) -> Result<FrontMatter, IngestError> {
        toml::from_str(self.front).map_err(|error| {
            let line = error
                .span()
                .map(|span| self.front[..span.start].lines().count().max(1) + self.front_line - 1);
            let message = error.message().trim().to_string();
            IngestError::new(
                path,
                line,
                format!("front matter: {message} (the front matter must be valid TOML)"),
            )
        })
    }

    /// The file line of the front matter field `key`, for error messages.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.front
            .lines()
            .position(|line| {
                let line = line.trim_start();
                line.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map(|i| i + self.front_line)
    }
}
