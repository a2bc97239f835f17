//! `cargo xtask bench-search`: our search engine, compiled to WebAssembly, beside the
//! MiniSearch npm package, in headless Chromium, on the same generated 10,000-article
//! corpus and the same queries. It generates the corpus if it is missing, builds the
//! `search-bench` crate for wasm32 in release mode, runs wasm-bindgen on it, installs the
//! runner's npm packages, and runs `tests/bench/run.mjs`, which prints the results as a
//! Markdown table (build times, query p50/p95, memory) and writes the raw numbers to
//! `target/bench/search-bench.json`.

use crate::run::{output, run, step, Failure};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Generated the same way as the corpus tool's own benchmark corpus.
const ARTICLES: &str = "10000";
const SEED: &str = "7";

pub fn search(root: &Path) -> Result<(), Failure> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let work = root.join("target").join("bench");
    let corpus = work.join("search-10k.json");
    let wasm_dir = work.join("search-wasm");
    let bench_dir = root.join("tests").join("bench");

    if corpus.is_file() {
        step(&format!("Using the corpus at {}", corpus.display()));
    } else {
        step("Generating the benchmark corpus: 10,000 articles, seed 7 (about 80 MB)");
        run(Command::new(&cargo)
            .current_dir(root)
            .args(["run", "--release", "--package", "insight-corpus-cli", "--"])
            .args(["generate", "--articles", ARTICLES, "--seed", SEED, "-o"])
            .arg(&corpus))?;
    }

    ensure_wasm_target()?;
    step("Building the search engine for the browser (search-bench, release, wasm32)");
    run(Command::new(&cargo).current_dir(root).args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "search-bench",
    ]))?;

    let wasm_bindgen = ensure_wasm_bindgen(root, &cargo)?;
    step("Generating the JavaScript bindings (wasm-bindgen --target web)");
    let _ = std::fs::remove_dir_all(&wasm_dir);
    run(Command::new(&wasm_bindgen)
        .args(["--target", "web", "--out-dir"])
        .arg(&wasm_dir)
        .arg(
            root.join("target")
                .join("wasm32-unknown-unknown")
                .join("release")
                .join("search_bench.wasm"),
        ))?;

    crate::tools::ensure_node()?;
    let browser = crate::tools::ensure_browser()?;
    step("Installing the benchmark runner's packages (npm ci: minisearch, playwright-core)");
    run(Command::new("npm")
        .current_dir(&bench_dir)
        .args(["ci", "--no-audit", "--no-fund"]))?;

    step("Running both engines in headless Chromium (tests/bench/run.mjs)");
    run(Command::new("node")
        .current_dir(&bench_dir)
        .arg("run.mjs")
        .env("CORPUS", &corpus)
        .env("WASM_DIR", &wasm_dir)
        .env("CHROMIUM", &browser.chromium)
        .env("RESULTS_JSON", work.join("search-bench.json"))
        .env("BENCH_COMMAND", "cargo xtask bench-search"))
}

fn ensure_wasm_target() -> Result<(), Failure> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    step("Adding the WebAssembly target (rustup target add wasm32-unknown-unknown)");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen CLI of exactly the version in Cargo.lock, installed if missing.
fn ensure_wasm_bindgen(root: &Path, cargo: &str) -> Result<PathBuf, Failure> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| Failure(format!("cannot read Cargo.lock: {e}")))?;
    let wanted = lock
        .split("[[package]]")
        .find(|p| p.contains("\nname = \"wasm-bindgen\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim_matches('"').to_string())
        .ok_or_else(|| Failure("Cargo.lock names no wasm-bindgen version".to_string()))?;
    // `cargo install` puts it here, which need not be on PATH.
    let installed = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
        .join("wasm-bindgen");
    let program = || {
        if installed.exists() {
            installed.clone()
        } else {
            PathBuf::from("wasm-bindgen")
        }
    };
    let found = output(&program().to_string_lossy(), &["--version"]);
    if found.as_deref() == Some(format!("wasm-bindgen {wanted}").as_str()) {
        return Ok(program());
    }
    step(&format!(
        "Installing wasm-bindgen-cli {wanted}, the version in Cargo.lock (a few minutes)"
    ));
    // Without --locked: one of its pinned dependencies is missing from the registry.
    run(Command::new(cargo).args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    Ok(program())
}
