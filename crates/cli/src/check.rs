//! `corpus check`: reads a corpus the way the explorer does and reports every problem:
//! format version, shape, required fields, unique ids, dates, link schemes, empty bodies.
//! A link whose target is not allowed is a warning: the explorer shows its text without
//! the link and keeps the article, so it does not fail the check.
//! A published collection (a site folder or its manifest) has every piece checked too.

use crate::published_input::published_folder;
use clap::Args;
use insight_corpus::published::read_published;
use insight_corpus::ValidCorpus;
use insight_search::published::check_search;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Check a corpus file, or a published site's pieces, and list every problem in it.
#[derive(Args)]
pub struct CheckArgs {
    /// The corpus JSON file, or a published site folder (or its corpus/manifest.json).
    file: PathBuf,
}

pub fn execute(args: CheckArgs) -> Result<ExitCode, String> {
    if let Some(folder) = published_folder(&args.file) {
        return check_published(&folder);
    }
    let path = args.file.display();
    let text =
        std::fs::read_to_string(&args.file).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let corpus = ValidCorpus::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    for problem in &corpus.skipped {
        println!("{}: {problem}", place(&path, problem.line));
    }
    // A refused link costs the link, not the article: a warning, as in `corpus ingest`.
    for link in &corpus.refused_links {
        println!("warning: {}: {link}", place(&path, link.line));
    }
    println!(
        "{path}: {} valid articles, {} with problems (left out by the explorer), {}",
        corpus.articles.len(),
        corpus.skipped.len(),
        warnings(corpus.refused_links.len())
    );
    Ok(exit(corpus.skipped.is_empty()))
}

/// `file:line`, or the file alone when the line is not known.
fn place(path: &impl std::fmt::Display, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("{path}:{line}"),
        None => path.to_string(),
    }
}

/// "1 warning", "3 warnings".
fn warnings(count: usize) -> String {
    match count {
        1 => "1 warning".to_string(),
        n => format!("{n} warnings"),
    }
}

fn exit(clean: bool) -> ExitCode {
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn check_published(folder: &Path) -> Result<ExitCode, String> {
    let read = read_published(folder)?;
    let mut problems = read.problems;
    problems.extend(check_search(folder, &read.manifest));
    let place = folder.display();
    for problem in &problems {
        println!("{place}/{problem}");
    }
    println!(
        "{place}: format 2, {} of {} articles valid, {} pieces, {} problems",
        read.articles.len(),
        read.manifest.articles,
        read.manifest.pieces().len() + search_pieces(folder, &read.manifest),
        problems.len()
    );
    Ok(exit(problems.is_empty()))
}

fn search_pieces(folder: &Path, manifest: &insight_corpus::published::Manifest) -> usize {
    insight_corpus::published::read_piece(folder, &manifest.search)
        .ok()
        .and_then(|b| serde_json::from_slice::<insight_search::published::SearchDirectory>(&b).ok())
        .map_or(0, |d| d.pieces().len())
}
