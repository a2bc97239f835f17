//! `corpus ingest`: reads article files and folders into one corpus file.

use crate::collection::CollectionSettings;
use crate::output::write_atomically;
use clap::Args;
use insight_corpus::{Corpus, CORPUS_VERSION};
use insight_ingest::{ingest, Options};
use std::path::PathBuf;
use std::process::ExitCode;

/// Read article files (Markdown with TOML front matter) into a corpus.
#[derive(Args)]
pub struct IngestArgs {
    /// Files and folders to read; folders are read recursively.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Where to write the corpus JSON.
    #[arg(short, long)]
    output: PathBuf,
    /// A collection.toml with title, notice, default_language and default_source.
    #[arg(long)]
    collection: Option<PathBuf>,
    /// The collection's title (overrides collection.toml).
    #[arg(long)]
    title: Option<String>,
    /// The language of articles that name none (default: en).
    #[arg(long)]
    default_language: Option<String>,
    /// The source of articles that name none.
    #[arg(long)]
    default_source: Option<String>,
    /// Write the corpus even when some files have errors.
    #[arg(long)]
    keep_going: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

pub fn execute(args: IngestArgs) -> Result<ExitCode, String> {
    let settings = match &args.collection {
        Some(path) => CollectionSettings::read(path)?,
        None => CollectionSettings::default(),
    };
    let options = Options {
        default_language: args.default_language.or(settings.default_language).unwrap_or_else(|| "en".to_string()),
        default_source: args.default_source.or(settings.default_source),
    };
    let report = ingest(&args.paths, &options);
    for warning in &report.warnings {
        if !args.quiet {
            eprintln!("warning: {warning}");
        }
    }
    for error in &report.errors {
        eprintln!("error: {error}");
    }
    if !args.quiet {
        for skip in &report.skipped {
            eprintln!("skipped: {}: {}", skip.path.display(), skip.reason);
        }
    }
    let failed = !report.errors.is_empty();
    let summary = report.summary();
    if failed && !args.keep_going {
        eprintln!("{summary}");
        return Err(format!("nothing written to {}; fix the errors above or pass --keep-going", args.output.display()));
    }
    let corpus = Corpus {
        version: CORPUS_VERSION,
        title: args.title.or(settings.title).unwrap_or_else(|| "Articles".to_string()),
        notice: settings.notice,
        articles: report.articles,
    };
    let json = serde_json::to_vec(&corpus).map_err(|e| format!("cannot encode the corpus: {e}"))?;
    write_atomically(&args.output, &json)?;
    if !args.quiet || failed {
        eprintln!("{summary} → {} ({} bytes)", args.output.display(), json.len());
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
