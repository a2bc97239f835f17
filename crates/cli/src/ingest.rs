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
    /// Make a WordPress export's pages articles too (its posts always are).
    #[arg(long)]
    include_pages: bool,
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
    #[arg(short, long, required_unless_present = "dry_run")]
    output: Option<PathBuf>,
    /// Print what would be ingested and left out, by kind of file and by reason, and
    /// write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// A corpus built from files, and whether any file failed.
pub struct Built {
    pub corpus: Corpus,
    pub failed: bool,
    pub summary: String,
    /// What was read and left out, by kind of file and by reason.
    pub by_kind: String,
}

/// Reads the files, prints warnings, skips and errors, and builds the corpus. Errors end
/// the run unless `--keep-going` was given.
pub fn build(args: &SourceArgs) -> Result<Built, String> {
    build_or_try(args, false)
}

/// As `build`; a dry run goes on past errors, to show everything the run would meet.
fn build_or_try(args: &SourceArgs, dry_run: bool) -> Result<Built, String> {
    let settings = match &args.collection {
        Some(path) => CollectionSettings::read(path)?,
        None => CollectionSettings::default(),
    };
    let title = args.title.clone().or(settings.title);
    let options = Options {
        default_language: args
            .default_language
            .clone()
            .or(settings.default_language)
            .unwrap_or_else(|| "en".to_string()),
        default_source: args.default_source.clone().or(settings.default_source),
        fallback_source: title.clone(),
        include_pages: args.include_pages,
        ..Options::default()
    };
    let report = ingest(&args.paths, &options);
    if !args.quiet {
        report
            .sites
            .iter()
            .for_each(|site| eprintln!("site: {}", site.line()));
        report
            .warnings
            .iter()
            .for_each(|w| eprintln!("warning: {w}"));
        report
            .skipped
            .iter()
            .for_each(|s| eprintln!("skipped: {s}"));
    }
    report.errors.iter().for_each(|e| eprintln!("error: {e}"));
    let failed = !report.errors.is_empty();
    let summary = report.summary();
    let by_kind = report.by_kind();
    if failed && !args.keep_going && !dry_run {
        eprintln!("{summary}");
        return Err("nothing written; fix the errors above or pass --keep-going".to_string());
    }
    // One site's title names the collection, unless the owner named it.
    let site_title = match report.sites.as_slice() {
        [site] => site.title.clone(),
        _ => None,
    };
    let corpus = Corpus {
        version: CORPUS_VERSION,
        title: title
            .or(site_title)
            .unwrap_or_else(|| "Articles".to_string()),
        notice: settings.notice,
        articles: report.articles,
    };
    Ok(Built {
        corpus,
        failed,
        summary,
        by_kind,
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
    let built = build_or_try(&args.source, args.dry_run)?;
    let output = match (&args.output, args.dry_run) {
        (Some(output), false) => output,
        _ => {
            println!("{}", built.by_kind.trim_end());
            return Ok(built.finish(&args.source, "nothing written (dry run)"));
        }
    };
    let json =
        serde_json::to_vec(&built.corpus).map_err(|e| format!("cannot encode the corpus: {e}"))?;
    write_atomically(output, &json)?;
    Ok(built.finish(
        &args.source,
        &format!("{} ({} bytes)", output.display(), json.len()),
    ))
}
