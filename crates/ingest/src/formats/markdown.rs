//! Markdown files with front matter, as written for Jekyll, Hugo and Zola.

use super::front_matter::split;
use crate::blocks::markdown::markdown_to_blocks;
use crate::entry::Entry;
use crate::fields::Fields;
use crate::options::Options;
use crate::record::{build, Place};
use std::path::Path;

/// Reads one Markdown file into one entry.
pub fn read(path: &Path, text: &str, options: &Options) -> Entry {
    let document = match split(path, text) {
        Ok(Some(document)) => document,
        Ok(None) => {
            return Entry::Skip(
                "no front matter (--- or +++ at the top): not an article".to_string(),
            )
        }
        Err(error) => return Entry::Error(error),
    };
    let map = match document.fields(path) {
        Ok(map) => map,
        Err(error) => return Entry::Error(error),
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let line_of = |key: &str| document.line_of(key);
    let place = Place {
        path,
        stem,
        line: Some(document.front_line),
        line_of: &line_of,
        what: "front matter",
        assignment: document.assignment(),
    };
    build(
        &Fields::new(&map),
        markdown_to_blocks(document.body),
        &place,
        options,
    )
}
