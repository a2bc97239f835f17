//! `corpus check`: reads a corpus the way the explorer does and reports every problem:
//! format version, shape, required fields, unique ids, dates, link schemes, empty bodies.

use clap::Args;
use insight_corpus::ValidCorpus;
use std::path::PathBuf;
use std::process::ExitCode;

/// Check a corpus file and list every problem in it.
#[derive(Args)]
pub struct CheckArgs {
    /// The corpus JSON file to check.
    file: PathBuf,
}

pub fn execute(args: CheckArgs) -> Result<ExitCode, String> {
    let path = args.file.display();
    let text =
        std::fs::read_to_string(&args.file).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let corpus = ValidCorpus::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    for problem in &corpus.skipped {
        match problem.line {
            Some(line) => println!("{path}:{line}: {problem}"),
            None => println!("{path}: {problem}"),
        }
    }
    println!(
        "{path}: {} valid articles, {} with problems (left out by the explorer)",
        corpus.articles.len(),
        corpus.skipped.len()
    );
    Ok(if corpus.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
