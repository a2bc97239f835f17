//! The `corpus` command: builds an Insight Explorer corpus from article files and checks
//! existing corpora. Each subcommand lives in its own module.

mod check;
mod collection;
mod ingest;
mod output;
mod publish;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "corpus",
    version,
    about = "Build and check Insight Explorer corpora"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Ingest(ingest::IngestArgs),
    Check(check::CheckArgs),
    Publish(publish::PublishArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(args) => ingest::execute(args),
        Command::Check(args) => check::execute(args),
        Command::Publish(args) => publish::execute(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
