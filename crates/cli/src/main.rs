//! The `corpus` command: builds an Insight Explorer corpus from article archives, checks
//! and describes corpora, publishes them into a built site, and generates synthetic ones.
//! Each subcommand lives in its own module.

mod check;
mod collection;
mod generate;
mod ingest;
mod output;
mod publish;
mod published_input;
mod stats;

use clap::{Parser, Subcommand};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
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
    Stats(stats::StatsArgs),
    Generate(generate::GenerateArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(args) => ingest::execute(args),
        Command::Check(args) => check::execute(args),
        Command::Publish(args) => publish::execute(args),
        Command::Stats(args) => stats::execute(args),
        Command::Generate(args) => generate::execute(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
