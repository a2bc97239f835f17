//! `corpus ingest`: reads article files and folders into one corpus file.

use crate::collection::CollectionSettings;
use crate::output::write_atomically;
use clap::Args;
use insight_corpus::{Corpus, CORPUS_VERSION};
use insight_ingest::{ingest, Options};
use std::path::PathBuf;
use std::process::ExitCode;

/// Where the articles come from and how to read them; shared by `ingest` and `publish`.
#[derive(Args)]
pub struct SourceArgs {
    /// Files and folders to read; folders are read recursively.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
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
    /// Print nothing but errors and the summary of a failed run.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Read article files and folders (saved pages, Markdown, JSON, JSON Lines, RSS/Atom) into a corpus file.
#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    source: SourceArgs,
    /// Where to write the corpus JSON.
    #[arg(short, long)]
    output: PathBuf,
}

/// A corpus built from files, and whether any file failed.
pub struct Built {
    pub corpus: Corpus,
    pub failed: bool,
    pub summary: String,
}

/// Reads the files, prints warnings, skips and errors, and builds the corpus. Errors end
/// the run unless `--keep-going` was given.
pub fn build(args: &SourceArgs) -> Result<Built, String> {
    let settings = match &args.collection {
        Some(path) => CollectionSettings::read(path)?,
        None => CollectionSettings::default(),
    };
    let options = Options {
        default_language: args
            .default_language
            .clone()
            .or(settings.default_language)
            .unwrap_or_else(|| "en".to_string()),
        default_source: args.default_source.clone().or(settings.default_source),
    };
    let report = ingest(&args.paths, &options);
    if !args.quiet {
        report
            .warnings
            .iter()
            .for_each(|w| eprintln!("warning: {w}"));
        report
            .skipped
            .iter()
            .for_each(|s| eprintln!("skipped: {}: {}", s.path.display(), s.reason));
    }
    report.errors.iter().for_each(|e| eprintln!("error: {e}"));
    let failed = !report.errors.is_empty();
    let summary = report.summary();
    if failed && !args.keep_going {
        eprintln!("{summary}");
        return Err("nothing written; fix the errors above or pass --keep-going".to_string());
    }
    let corpus = Corpus {
        version: CORPUS_VERSION,
        title: args
            .title
            .clone()
            .or(settings.title)
            .unwrap_or_else(|| "Articles".to_string()),
        notice: settings.notice,
        articles: report.articles,
    };
    Ok(Built {
        corpus,
        failed,
        summary,
    })
}

impl Built {
    /// Prints the run's summary and where its output went (always when files failed),
    /// and gives the exit status: failure when any file had an error.
    pub fn finish(&self, args: &SourceArgs, written: &str) -> ExitCode {
        if !args.quiet || self.failed {
            eprintln!("{} → {written}", self.summary);
        }
        if self.failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

pub fn execute(args: IngestArgs) -> Result<ExitCode, String> {
    let built = build(&args.source)?;
    let json =
        serde_json::to_vec(&built.corpus).map_err(|e| format!("cannot encode the corpus: {e}"))?;
    write_atomically(&args.output, &json)?;
    Ok(built.finish(
        &args.source,
        &format!("{} ({} bytes)", args.output.display(), json.len()),
    ))
}
