//! `cargo xtask bench`: times the corpus tool on this machine: ingesting 10,000 generated
//! Markdown files, a generated Jekyll site of 10,000 posts from its root and 10,000
//! generated saved HTML pages, and generating 100,000 articles. Each is run several times in one go and
//! reported as the median beside the fastest run and the target, so noisy neighbours on a
//! shared machine show up as spread rather than as a wrong number.

use crate::run::{output, run, step, Failure};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub fn corpus_tool(root: &Path) -> Result<(), Failure> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    step("Building the corpus tool (release)");
    run(Command::new(&cargo).current_dir(root).args([
        "build",
        "--release",
        "--package",
        "insight-corpus-cli",
    ]))?;
    let corpus = root.join("target").join("release").join("corpus");
    let work = root.join("target").join("bench");
    let markdown = work.join("markdown-10k");
    let _ = std::fs::remove_dir_all(&work);
    step("Generating 10,000 Markdown files (seed 7)");
    run(Command::new(&corpus)
        .args([
            "generate",
            "--articles",
            "10000",
            "--seed",
            "7",
            "--markdown",
        ])
        .arg(&markdown))?;

    let jekyll = work.join("jekyll-10k");
    step("Generating a Jekyll site of 10,000 posts (seed 7)");
    run(Command::new(&corpus)
        .args(["generate", "--articles", "10000", "--seed", "7", "--jekyll"])
        .arg(&jekyll))?;

    let html = work.join("html-10k");
    step("Generating 10,000 saved HTML pages (seed 7)");
    run(Command::new(&corpus)
        .args(["generate", "--articles", "10000", "--seed", "7", "--html"])
        .arg(&html))?;

    step("Timing: corpus ingest of 10,000 Markdown files, 5 runs");
    let ingest = time_runs(5, || {
        Command::new(&corpus)
            .arg("ingest")
            .arg(&markdown)
            .arg("--quiet")
            .arg("-o")
            .arg(work.join("ingested.json"))
            .status()
    })?;
    step("Timing: corpus ingest of a Jekyll site of 10,000 posts, 5 runs");
    let site = time_runs(5, || {
        Command::new(&corpus)
            .arg("ingest")
            .arg(&jekyll)
            .arg("--quiet")
            .arg("-o")
            .arg(work.join("ingested-jekyll.json"))
            .status()
    })?;
    step("Timing: corpus ingest of 10,000 saved HTML pages, 5 runs");
    let pages = time_runs(5, || {
        Command::new(&corpus)
            .arg("ingest")
            .arg(&html)
            .arg("--quiet")
            .arg("-o")
            .arg(work.join("ingested-html.json"))
            .status()
    })?;
    step("Timing: corpus generate --articles 100000, 3 runs");
    let generate = time_runs(3, || {
        Command::new(&corpus)
            .args(["generate", "--articles", "100000", "--seed", "7", "-o"])
            .arg(work.join("generated-100k.json"))
            .status()
    })?;

    let date = output("date", &["-u", "+%Y-%m-%d"]).unwrap_or_default();
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("\ncorpus tool benchmark, {date}, {cores} cores ({cpu})\n");
    println!("| task | runs | median | fastest | target | median / target |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (task, times, target) in [
        ("ingest 10,000 Markdown files", &ingest, 5.0),
        ("ingest a Jekyll site of 10,000 posts", &site, 3.0),
        ("ingest 10,000 saved HTML pages", &pages, 30.0),
        ("generate 100,000 articles", &generate, 20.0),
    ] {
        let median = median(times);
        let fastest = times.iter().min().copied().unwrap_or_default();
        println!(
            "| {task} | {} | {:.2} s | {:.2} s | {target:.0} s | {:.2} |",
            times.len(),
            median.as_secs_f64(),
            fastest.as_secs_f64(),
            median.as_secs_f64() / target
        );
    }
    Ok(())
}

fn time_runs(
    runs: usize,
    mut once: impl FnMut() -> std::io::Result<std::process::ExitStatus>,
) -> Result<Vec<Duration>, Failure> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let status = once().map_err(|e| Failure(format!("could not run the corpus tool: {e}")))?;
        let elapsed = start.elapsed();
        if !status.success() {
            return Err(Failure(format!("the corpus tool failed ({status})")));
        }
        println!("    {:.2} s", elapsed.as_secs_f64());
        times.push(elapsed);
    }
    Ok(times)
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}
