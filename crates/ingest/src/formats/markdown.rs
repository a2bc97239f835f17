//! Markdown files with front matter, as written for Jekyll, Hugo and Zola.

use super::front_matter::split;
use crate::blocks::markdown::markdown_to_blocks;
use crate::entry::Entry;
use crate::fields::Fields;
use crate::options::Options;
use crate::record::{build, Place};
use std::path::Path;

/// The name that gives the article its id and slug: the file's name without extension,
/// or for a page bundle (`my-post/index.md`, as Hugo and Zola write them) its folder's.
fn stem(path: &Path) -> &str {
    let own = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if own == "index" {
        if let Some(folder) = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
        {
            return folder;
        }
    }
    own
}

/// Reads one Markdown file into one entry.
pub fn read(path: &Path, text: &str, options: &Options) -> Entry {
    let document = match split(path, text) {
        Ok(Some(document)) => document,
        Ok(None) => {
            return Entry::Skip(
                "no front matter (--- or +++ at the top): not an article".to_string(),
            )
        }
        Err(error) => return Entry::error(error),
    };
    let mut map = match document.fields(path) {
        Ok(map) => map,
        Err(error) => return Entry::error(error),
    };
    if let Some(site) = &options.site {
        site.normalize(&mut map);
    }
    let stem = stem(path);
    let line_of = |key: &str| document.line_of(key);
    let place = Place {
        path,
        stem,
        line: Some(document.front_line),
        line_of: &line_of,
        what: "front matter",
        assignment: document.assignment(),
    };
    let body = match &options.site {
        Some(site) => markdown_to_blocks(&site.strip_templates(document.body)),
        None => markdown_to_blocks(document.body),
    };
    build(&Fields::new(&map), body, &place, options)
}
