//! An ingest run: walking the input paths (a static site's root by its own layout),
//! reading each file behind a panic boundary, and making ids unique across the whole run.

use crate::entry::Entry;
use crate::error::IngestError;
use crate::formats;
use crate::options::{Options, SourceFrom};
use crate::report::{Report, SiteNote, Skip};
use crate::site::{self, Planned};
use insight_corpus::cores::on_every_core;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One file to read, with the settings it is read with.
struct Job {
    path: PathBuf,
    options: Arc<Options>,
    /// Which input path the file came from (for the run's warnings about it).
    input: usize,
}

/// Reads every file under `paths` (folders recursively, in name order). A folder that is
/// a Jekyll, Hugo or Zola site's root is read as that site: its posts only, with the
/// site's title, author and addresses.
pub fn ingest(paths: &[PathBuf], options: &Options) -> Report {
    let mut report = Report::default();
    let mut jobs = Vec::new();
    for (input, path) in paths.iter().enumerate() {
        let mut own = options.clone();
        if own.fallback_source.is_none() {
            own.fallback_source = folder_name(path);
        }
        collect_files(path, &Arc::new(own), input, &mut jobs, &mut report);
    }
    let results = on_every_core(&jobs, |job| read_one(&job.path, &job.options));
    report.articles.reserve(jobs.len());
    let mut fallback_sources = vec![0usize; paths.len()];
    for (job, result) in jobs.iter().zip(results) {
        report.files += 1;
        match result {
            Ok((kind, entries)) => {
                for entry in entries {
                    if let Entry::Article {
                        source_from: SourceFrom::Fallback,
                        ..
                    } = entry
                    {
                        fallback_sources[job.input] += 1;
                    }
                    add_entry(&mut report, &job.path, &kind, entry);
                }
            }
            Err(error) => report.errors.push(error),
        }
    }
    for (input, count) in fallback_sources.into_iter().enumerate() {
        if count > 0 {
            report
                .warnings
                .push(unnamed_source(&paths[input], options, count));
        }
    }
    make_ids_unique(&mut report);
    report_likely_duplicates(&mut report);
    report
}

/// The name of the folder files under `path` came from, to stand in as their source.
fn folder_name(path: &Path) -> Option<String> {
    let folder = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()?.to_path_buf()
    };
    let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
    folder
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
}

/// The one warning for the articles under `input` that name no source.
fn unnamed_source(input: &Path, options: &Options, count: usize) -> IngestError {
    let (name, from) = match &options.fallback_source {
        Some(title) => (title.clone(), "the collection's title"),
        None => (
            folder_name(input).unwrap_or_else(|| "Unknown source".to_string()),
            "this folder's name",
        ),
    };
    let articles = if count == 1 {
        "1 article names".to_string()
    } else {
        format!("{count} articles name")
    };
    IngestError::new(
        input,
        None,
        format!(
            "{articles} no source; they get {name:?}, {from} (set `source` in each file, \
             `default_source` in collection.toml, or pass --default-source)"
        ),
    )
}

/// Reads one file, with the kind of file its articles come from (`Markdown in a Jekyll
/// site`); a bug in a reader becomes this file's error, not the run's end.
fn read_one(path: &Path, options: &Options) -> Result<(String, Vec<Entry>), IngestError> {
    let bytes = std::fs::read(path)
        .map_err(|e| IngestError::new(path, None, format!("cannot read: {e}")))?;
    catch_unwind(AssertUnwindSafe(|| {
        let entries = formats::read(path, &bytes, options)?;
        let format = formats::detect(path, &bytes).map_or("other", |f| f.name());
        let kind = match &options.site {
            Some(site) => format!("{format} in a {} site", site.generator.name()),
            None => format.to_string(),
        };
        Ok((kind, entries))
    }))
    .unwrap_or_else(|_| {
        Err(IngestError::new(
            path,
            None,
            "the reader failed unexpectedly on this file; please report it with the file attached",
        ))
    })
}

fn add_entry(report: &mut Report, path: &Path, kind: &str, entry: Entry) {
    match entry {
        Entry::Article {
            article,
            mut warnings,
            ..
        } => {
            *report.kinds.entry(kind.to_string()).or_default() += 1;
            report.articles.push(*article);
            report.sources.push(path.to_path_buf());
            report.warnings.append(&mut warnings);
        }
        Entry::Skip(reason) => report.skipped.push(Skip {
            path: path.to_path_buf(),
            line: None,
            record: None,
            reason,
        }),
        Entry::SkipRecord {
            line,
            record,
            reason,
        } => report.skipped.push(Skip {
            path: path.to_path_buf(),
            line: Some(line),
            record: Some(record),
            reason,
        }),
        Entry::Errors(mut errors) => report.errors.append(&mut errors),
    }
}

fn collect_files(
    path: &Path,
    options: &Arc<Options>,
    input: usize,
    jobs: &mut Vec<Job>,
    report: &mut Report,
) {
    if path.is_dir() {
        match site::detect(path) {
            Ok(Some(found)) => return collect_site(found, options, input, jobs, report),
            Ok(None) => {}
            Err(error) => {
                // Its settings are unreadable: say so, and read its files as plain files.
                report.errors.push(error);
            }
        }
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
                collect_files(&child, options, input, jobs, report);
            }
        }
    } else if path.exists() {
        jobs.push(Job {
            path: path.to_path_buf(),
            options: Arc::clone(options),
            input,
        });
    } else {
        report.errors.push(IngestError::new(
            path,
            None,
            "no such file or folder; check the path",
        ));
    }
}

/// The files of a site: its posts read with the site's defaults, the rest reported.
fn collect_site(
    found: site::Site,
    options: &Arc<Options>,
    input: usize,
    jobs: &mut Vec<Job>,
    report: &mut Report,
) {
    let plan = found.plan();
    let mut note = SiteNote {
        root: found.root.clone(),
        title: found.title.clone(),
        description: found.describe(),
        posts: 0,
        left_out: 0,
        left_alone: plan.left_alone,
    };
    let mut own = (**options).clone();
    own.site = Some(Arc::new(found));
    let own = Arc::new(own);
    for (path, planned) in plan.files {
        match planned {
            Planned::Read => {
                note.posts += 1;
                jobs.push(Job {
                    path,
                    options: Arc::clone(&own),
                    input,
                });
            }
            Planned::Skip(reason) => {
                note.left_out += 1;
                report.files += 1;
                report.skipped.push(Skip {
                    path,
                    line: None,
                    record: None,
                    reason,
                });
            }
        }
    }
    report.sites.push(note);
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
