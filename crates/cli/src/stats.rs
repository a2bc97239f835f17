//! `corpus stats`: what a corpus holds: articles, authors, sources, top keywords,
//! languages, date range and size.

use crate::published_input::{folder_bytes, published_folder};
use clap::Args;
use insight_corpus::published::read_published;
use insight_corpus::{Article, ValidCorpus};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Show what a corpus holds.
#[derive(Args)]
pub struct StatsArgs {
    /// The corpus JSON file, or a published site folder (or its corpus/manifest.json).
    file: PathBuf,
    /// How many of the most frequent keywords to list.
    #[arg(long, default_value_t = 15)]
    top: usize,
}

pub fn execute(args: StatsArgs) -> Result<ExitCode, String> {
    let path = args.file.display().to_string();
    if let Some(folder) = published_folder(&args.file) {
        let read = read_published(&folder)?;
        let described = Described {
            title: &read.manifest.title,
            articles: &read.articles,
            set_aside: read.problems.len(),
            refused_links: 0,
            bytes: folder_bytes(&folder),
        };
        return Ok(describe(&path, &described, args.top));
    }
    let text =
        std::fs::read_to_string(&args.file).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let corpus = ValidCorpus::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    let described = Described {
        title: &corpus.title,
        articles: &corpus.articles,
        set_aside: corpus.skipped.len(),
        refused_links: corpus.refused_links.len(),
        bytes: text.len() as u64,
    };
    Ok(describe(&path, &described, args.top))
}

/// What `stats` describes, from either kind of corpus.
struct Described<'a> {
    title: &'a str,
    articles: &'a [Article],
    set_aside: usize,
    /// Links the kept articles lost (their text stays): not a reason to set one aside.
    refused_links: usize,
    bytes: u64,
}

fn describe(path: &str, corpus: &Described, top: usize) -> ExitCode {
    let articles = corpus.articles;
    let count = |values: &mut dyn Iterator<Item = String>| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        values.for_each(|v| *counts.entry(v).or_default() += 1);
        let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    };
    let authors = count(&mut articles.iter().flat_map(|a| a.authors.iter().cloned()));
    let sources = count(&mut articles.iter().map(|a| a.source.clone()));
    let keywords = count(
        &mut articles
            .iter()
            .flat_map(|a| a.keywords.iter().map(|k| k.to_lowercase())),
    );
    let languages = count(&mut articles.iter().map(|a| a.language.clone()));
    let first = articles.iter().map(|a| a.published).min();
    let last = articles.iter().map(|a| a.published).max();

    println!("{path}: {}", corpus.title);
    let refused = match corpus.refused_links {
        0 => String::new(),
        1 => "; 1 link removed, see corpus check".to_string(),
        n => format!("; {n} links removed, see corpus check"),
    };
    println!(
        "  articles   {} ({} set aside as invalid{refused})",
        articles.len(),
        corpus.set_aside
    );
    println!("  authors    {}", authors.len());
    println!("  sources    {}", sources.len());
    println!(
        "  keywords   {} distinct (case-insensitive)",
        keywords.len()
    );
    let languages: Vec<String> = languages.iter().map(|(l, n)| format!("{l} {n}")).collect();
    println!("  languages  {}", languages.join(", "));
    match (first, last) {
        (Some(first), Some(last)) => println!("  dates      {first} to {last}"),
        _ => println!("  dates      none"),
    }
    println!("  bytes      {}", corpus.bytes);
    println!("  top keywords:");
    for (keyword, n) in keywords.iter().take(top) {
        println!("    {n:>6}  {keyword}");
    }
    ExitCode::SUCCESS
}
