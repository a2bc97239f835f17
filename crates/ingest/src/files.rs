//! Walking the input paths and turning each file into an article, a skip or an error.

use crate::error::IngestError;
use crate::front_matter::{split, Document, FrontMatter};
use crate::markdown::markdown_to_blocks;
use crate::report::{Report, Skip};
use crate::slug::{slugify, strip_date_prefix};
use insight_corpus::{validate_article, Article, Block, Date};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Settings that apply to every file of a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The language of articles whose front matter names none.
    pub default_language: String,
    /// The source of articles whose front matter names none.
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

/// Reads every file under `paths` (folders recursively, in name order).
pub fn ingest(paths: &[PathBuf], options: &Options) -> Report {
    let mut report = Report::default();
    let mut files = Vec::new();
    for path in paths {
        collect_files(path, &mut files, &mut report);
    }
    for path in files {
        // One file's bug must not end the run: a panic becomes this file's error.
        let outcome = catch_unwind(AssertUnwindSafe(|| read_file(&path, options)));
        match outcome {
            Ok(Ok(Outcome::Article(article, mut warnings))) => {
                report.articles.push(*article);
                report.sources.push(path);
                report.warnings.append(&mut warnings);
            }
            Ok(Ok(Outcome::Skip(reason))) => report.skipped.push(Skip { path, reason }),
            Ok(Err(error)) => report.errors.push(error),
            Err(_) => report.errors.push(IngestError::new(
                &path,
                None,
                "the reader failed unexpectedly on this file; please report it with the file attached",
            )),
        }
    }
    make_ids_unique(&mut report);
    report
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>, report: &mut Report) {
    if path.is_dir() {
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(error) => {
                report.errors.push(IngestError::new(
                    path,
                    None,
                    format!("cannot list this folder: {error}"),
                ));
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            collect_files(&child, files, report);
        }
    } else if path.exists() {
        files.push(path.to_path_buf());
    } else {
        report.errors.push(IngestError::new(
            path,
            None,
            "no such file or folder; check the path",
        ));
    }
}

enum Outcome {
    Article(Box<Article>, Vec<IngestError>),
    Skip(String),
}

fn read_file(path: &Path, options: &Options) -> Result<Outcome, IngestError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !matches!(extension.as_str(), "md" | "markdown") {
        return Ok(Outcome::Skip(format!(
            "not an article file (.{extension}); Markdown files end in .md"
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| IngestError::new(path, None, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        IngestError::new(
            path,
            None,
            format!(
                "not UTF-8 text (bad byte at offset {}); save the file as UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    let Some(document) = split(path, &text)? else {
        return Ok(Outcome::Skip("no front matter: not an article".to_string()));
    };
    let front = document.front_matter(path)?;
    if front.draft == Some(true) {
        return Ok(Outcome::Skip("a draft (draft = true)".to_string()));
    }
    markdown_article(path, &document, front, options)
}

fn markdown_article(
    path: &Path,
    doc: &Document,
    front: FrontMatter,
    options: &Options,
) -> Result<Outcome, IngestError> {
    let missing = |field: &str, example: &str| {
        IngestError::new(
            path,
            Some(doc.front_line),
            format!("front matter: '{field}' is missing; add {field} = {example}"),
        )
    };
    let title = front
        .title
        .ok_or_else(|| missing("title", "\"The article's title\""))?;
    let authors = front
        .authors
        .or(front.author)
        .map(|a| a.into_vec())
        .unwrap_or_default();
    if authors.is_empty() {
        return Err(missing("authors", "[\"Author Name\"]"));
    }
    let source = match (front.source, &options.default_source) {
        (Some(source), _) => source,
        (None, Some(default)) => default.clone(),
        (None, None) => {
            return Err(missing(
                "source",
                "\"Outlet Name\" (or give a default source)",
            ))
        }
    };
    let published = match front.date {
        Some(value) => parse_date(&value).ok_or_else(|| {
            IngestError::new(
                path,
                doc.line_of("date"),
                format!("front matter: 'date' is {value}, not a date (expected YYYY-MM-DD)"),
            )
        })?,
        None => return Err(missing("date", "2021-04-12")),
    };
    let conversion = markdown_to_blocks(doc.body);
    let mut warnings = Vec::new();
    if conversion.dropped_html > 0 {
        warnings.push(IngestError::new(
            path,
            None,
            format!(
                "left out {} piece(s) of raw HTML; write them in Markdown to keep them",
                conversion.dropped_html
            ),
        ));
    }
    for href in &conversion.refused_links {
        warnings.push(IngestError::new(
            path,
            None,
            format!("link target {href:?} is not allowed and was removed (its text is kept)"),
        ));
    }
    let summary = front
        .summary
        .or(front.description)
        .unwrap_or_else(|| first_paragraph(&conversion.blocks));
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let id = front
        .id
        .or(front.slug)
        .unwrap_or_else(|| slugify(strip_date_prefix(stem)));
    let article = Article {
        id: if id.is_empty() { slugify(&title) } else { id },
        title,
        authors,
        source,
        published,
        keywords: front.keywords.or(front.tags).unwrap_or_default(),
        language: front
            .language
            .or(front.lang)
            .unwrap_or_else(|| options.default_language.clone()),
        summary,
        body: conversion.blocks,
        bio: front.bio,
        url: front.url,
    };
    let problems = validate_article(&article);
    if let Some(problem) = problems.first() {
        let more = if problems.len() > 1 {
            format!(" (and {} more)", problems.len() - 1)
        } else {
            String::new()
        };
        return Err(IngestError::new(
            path,
            None,
            format!("{}{more}", problem.message),
        ));
    }
    Ok(Outcome::Article(Box::new(article), warnings))
}

/// A TOML date, date-time or string whose first ten characters are `YYYY-MM-DD`.
fn parse_date(value: &toml::Value) -> Option<Date> {
    let text = match value {
        toml::Value::Datetime(datetime) => datetime.to_string(),
        toml::Value::String(text) => text.clone(),
        _ => return None,
    };
    text.get(..10)?
        .parse()
        .ok()
        .filter(|_| text.len() == 10 || text[10..].starts_with(['T', ' ', 't']))
}

/// The first paragraph's text, shortened to about 300 characters at a word boundary.
fn first_paragraph(blocks: &[Block]) -> String {
    let Some(paragraph) = blocks.iter().find(|b| matches!(b, Block::Paragraph { .. })) else {
        return String::new();
    };
    let mut text = String::new();
    paragraph.push_plain_text(&mut text);
    if text.chars().count() <= 300 {
        return text;
    }
    let cut: String = text.chars().take(300).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(head, _)| head)
        .to_string();
    format!("{cut}…")
}

/// Gives every repeated id a numbered suffix (`-2`, `-3`…) and warns about it.
fn make_ids_unique(report: &mut Report) {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for i in 0..report.articles.len() {
        let id = report.articles[i].id.clone();
        match first_seen.get(&id) {
            None => {
                first_seen.insert(id, i);
            }
            Some(&first) => {
                let mut n = 2;
                while first_seen.contains_key(&format!("{id}-{n}")) {
                    n += 1;
                }
                let unique = format!("{id}-{n}");
                report.warnings.push(IngestError::new(
                    &report.sources[i],
                    None,
                    format!("id {id:?} is already used by {}; this article gets id {unique:?} (set `id` in its front matter to choose one)", report.sources[first].display()),
                ));
                report.articles[i].id = unique.clone();
                first_seen.insert(unique, i);
            }
        }
    }
}

#[cfg(test)]
mod tests;
