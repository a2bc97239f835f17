//! `cargo xtask fuzz`: every cargo-fuzz target, first over its saved regression inputs
//! (`fuzz/regressions/<target>/`, each a crash found once and fixed), then fuzzed for a
//! bounded time, seeded with the ingest fixtures of its format. `cargo xtask test` runs
//! it with 60 seconds a target (`FUZZ_SECONDS` changes that).

use crate::run::{run, step, Failure};
use crate::tools;
use std::path::Path;
use std::process::Command;

/// Seconds each target is fuzzed for when nothing else is asked.
pub const DEFAULT_SECONDS: u64 = 60;

/// Each target, and the fixture folder whose files seed it (the readers' own fixtures
/// reach deep into each format from the first run).
const TARGETS: [(&str, Option<&str>); 10] = [
    (
        "markdown",
        Some("crates/ingest/tests/fixtures/markdown/input"),
    ),
    (
        "page_text",
        Some("crates/ingest/tests/fixtures/page-text/input"),
    ),
    (
        "json_records",
        Some("crates/ingest/tests/fixtures/json/input"),
    ),
    (
        "json_lines",
        Some("crates/ingest/tests/fixtures/json/input"),
    ),
    ("feed", Some("crates/ingest/tests/fixtures/feeds/input")),
    (
        "wordpress",
        Some("crates/ingest/tests/fixtures/wordpress/input"),
    ),
    (
        "html_page",
        Some("crates/ingest/tests/fixtures/html-pages/input"),
    ),
    (
        "html_body",
        Some("crates/ingest/tests/fixtures/feeds/input"),
    ),
    ("corpus_decode", None),
    ("search_index", None),
];

/// The fuzzing time asked for by `FUZZ_SECONDS`, or the default.
pub fn seconds_from_env() -> Result<u64, Failure> {
    match std::env::var("FUZZ_SECONDS") {
        Ok(text) => text
            .parse()
            .map_err(|_| Failure(format!("FUZZ_SECONDS={text:?} is not a number of seconds"))),
        Err(_) => Ok(DEFAULT_SECONDS),
    }
}

pub fn fuzz(root: &Path, seconds: u64) -> Result<(), Failure> {
    check_targets(root)?;
    let cargo = tools::ensure_fuzz_tools()?;
    // cargo-fuzz needs the nightly toolchain: nothing of this (stable) run may leak in.
    let nightly = |args: &[&str]| {
        let mut command = Command::new(&cargo);
        command
            .current_dir(root)
            .env_remove("CARGO")
            .env_remove("RUSTC")
            .env_remove("RUSTDOC")
            .env_remove("RUSTUP_TOOLCHAIN")
            .arg("+nightly")
            .args(args);
        command
    };
    let fuzz_dir = root.join("fuzz");
    step("Building the fuzz targets (cargo +nightly fuzz build)");
    run(&mut nightly(&["fuzz", "build"]))?;
    for (target, seeds) in TARGETS {
        let regressions = fuzz_dir.join("regressions").join(target);
        if regressions.is_dir() {
            step(&format!("Replaying the saved crash inputs of {target}"));
            run(nightly(&["fuzz", "run", target])
                .arg(&regressions)
                .args(["--", "-runs=0"]))?;
        }
        step(&format!("Fuzzing {target} for {seconds} s"));
        let corpus = fuzz_dir.join("corpus").join(target);
        std::fs::create_dir_all(&corpus)
            .map_err(|e| Failure(format!("cannot create {}: {e}", corpus.display())))?;
        let mut command = nightly(&["fuzz", "run", target]);
        command.arg(&corpus);
        if let Some(seeds) = seeds {
            command.arg(root.join(seeds));
        }
        command.args([
            "--",
            &format!("-max_total_time={seconds}"),
            "-rss_limit_mb=2048",
            "-timeout=20",
            "-print_final_stats=1",
        ]);
        run(&mut command).map_err(|Failure(message)| {
            Failure(format!(
                "{message}\nThe fuzzer found an input that breaks {target}: it is saved under fuzz/artifacts/{target}/. \
                 Reproduce it with `cargo +nightly fuzz run {target} <file>`, fix the code, and keep the file in \
                 fuzz/regressions/{target}/ so every later run replays it."
            ))
        })?;
    }
    Ok(())
}

/// Every target in `fuzz/fuzz_targets` must be listed here, so none is forgotten.
fn check_targets(root: &Path) -> Result<(), Failure> {
    let folder = root.join("fuzz").join("fuzz_targets");
    let entries = std::fs::read_dir(&folder)
        .map_err(|e| Failure(format!("cannot list {}: {e}", folder.display())))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(target) = name.strip_suffix(".rs") {
            if !TARGETS.iter().any(|(known, _)| *known == target) {
                return Err(Failure(format!(
                    "fuzz target {target} is not in crates/xtask/src/fuzz.rs; add it there so CI fuzzes it"
                )));
            }
        }
    }
    Ok(())
}
