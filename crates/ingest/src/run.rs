//! An ingest run: walking the input paths, reading each file behind a panic boundary,
//! and making ids unique across the whole run.

use crate::entry::Entry;
use crate::error::IngestError;
use crate::formats;
use crate::options::Options;
use crate::report::{Report, Skip};
use insight_corpus::cores::on_every_core;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Reads every file under `paths` (folders recursively, in name order).
pub fn ingest(paths: &[PathBuf], options: &Options) -> Report {
    let mut report = Report::default();
    let mut files = Vec::new();
    for path in paths {
        collect_files(path, &mut files, &mut report);
    }
    let results: Vec<(PathBuf, Result<Vec<Entry>, IngestError>)> = read_all(files, options);
    for (path, result) in results {
        report.files += 1;
        match result {
            Ok(entries) => add_entries(&mut report, &path, entries),
            Err(error) => report.errors.push(error),
        }
    }
    make_ids_unique(&mut report);
    report_likely_duplicates(&mut report);
    report
}

/// Reads the files on all cores, keeping their order.
fn read_all(
    files: Vec<PathBuf>,
    options: &Options,
) -> Vec<(PathBuf, Result<Vec<Entry>, IngestError>)> {
    let read = on_every_core(&files, |p| read_one(p, options));
    files.into_iter().zip(read).collect()
}

/// Reads one file; a bug in a reader becomes this file's error, not the run's end.
fn read_one(path: &Path, options: &Options) -> Result<Vec<Entry>, IngestError> {
    let bytes = std::fs::read(path)
        .map_err(|e| IngestError::new(path, None, format!("cannot read: {e}")))?;
    catch_unwind(AssertUnwindSafe(|| formats::read(path, &bytes, options))).unwrap_or_else(|_| {
        Err(IngestError::new(
            path,
            None,
            "the reader failed unexpectedly on this file; please report it with the file attached",
        ))
    })
}

fn add_entries(report: &mut Report, path: &Path, entries: Vec<Entry>) {
    for entry in entries {
        match entry {
            Entry::Article {
                article,
                mut warnings,
            } => {
                report.articles.push(*article);
                report.sources.push(path.to_path_buf());
                report.warnings.append(&mut warnings);
            }
            Entry::Skip(reason) => report.skipped.push(Skip {
                path: path.to_path_buf(),
                reason,
            }),
            Entry::Error(error) => report.errors.push(error),
        }
    }
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
            let hidden = child
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if !hidden {
                collect_files(&child, files, report);
            }
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

/// Gives every repeated id a numbered suffix (`-2`, `-3`…) and warns about it.
fn make_ids_unique(report: &mut Report) {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for i in 0..report.articles.len() {
        let id = report.articles[i].id.clone();
        let Some(&first) = first_seen.get(&id) else {
            first_seen.insert(id, i);
            continue;
        };
        let unique = (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|c| !first_seen.contains_key(c))
            .unwrap_or_default();
        report.warnings.push(IngestError::new(
            &report.sources[i],
            None,
            format!(
                "id {id:?} is already used by {}; this article gets id {unique:?} (set `id` to choose one)",
                report.sources[first].display()
            ),
        ));
        report.articles[i].id = unique.clone();
        first_seen.insert(unique, i);
    }
}

/// Warns about articles that look like copies: same title, date and first author.
fn report_likely_duplicates(report: &mut Report) {
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    for (i, article) in report.articles.iter().enumerate() {
        let key = (
            article.title.trim().to_lowercase(),
            article.published.to_string(),
            article
                .authors
                .first()
                .map(|a| a.trim().to_lowercase())
                .unwrap_or_default(),
        );
        if let Some(&first) = seen.get(&key) {
            report.warnings.push(IngestError::new(
                &report.sources[i],
                None,
                format!(
                    "likely a duplicate of {} ({:?}, same title, date and author); remove one if so",
                    report.sources[first].display(),
                    report.articles[first].id
                ),
            ));
        } else {
            seen.insert(key, i);
        }
    }
}

#[cfg(test)]
mod tests;
