//! `cargo xtask bench-search`: our search engine, compiled to WebAssembly, beside the
//! MiniSearch npm package, in headless Chromium, on the same generated 10,000-article
//! corpus and the same queries. It generates the corpus if it is missing, builds the
//! `search-bench` crate for wasm32 with the site's release profile, runs wasm-bindgen on it, installs the
//! runner's npm packages, and runs `tests/bench/run.mjs`, which prints the results as a
//! Markdown table (build times, query p50/p95, memory) and writes the raw numbers to
//! `target/bench/search-bench.json`.

use crate::run::{run, step, Failure};
use std::path::Path;
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

    // The same tools and build profile as the published site, so the numbers are the
    // ones readers get.
    let path = crate::tools::ensure_build_tools(root)?;
    step("Building the search engine for the browser (search-bench, wasm-release profile, wasm32)");
    run(Command::new(&cargo)
        .current_dir(root)
        .env("PATH", &path)
        .args([
            "build",
            "--profile",
            "wasm-release",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "search-bench",
        ]))?;

    step("Generating the JavaScript bindings (wasm-bindgen --target web)");
    let _ = std::fs::remove_dir_all(&wasm_dir);
    run(Command::new("wasm-bindgen")
        .env("PATH", &path)
        .args(["--target", "web", "--out-dir"])
        .arg(&wasm_dir)
        .arg(
            root.join("target")
                .join("wasm32-unknown-unknown")
                .join("wasm-release")
                .join("search_bench.wasm"),
        ))?;

    crate::tools::ensure_node()?;
    let browser = crate::tools::ensure_browser()?;
    step("Installing the benchmark runner's packages (npm ci: minisearch, playwright-core, and the end-to-end helpers it shares)");
    for dir in [&bench_dir, &root.join("tests").join("e2e")] {
        run(Command::new("npm")
            .current_dir(dir)
            .args(["ci", "--no-audit", "--no-fund"]))?;
    }

    step("Running both engines in headless Chromium (tests/bench/run.mjs)");
    run(Command::new("node")
        .current_dir(&bench_dir)
        .arg("run.mjs")
        .env("CORPUS", &corpus)
        .env("WASM_DIR", &wasm_dir)
        .env("CHROMIUM", &browser.chromium)
        .env("RESULTS_JSON", work.join("search-bench.json"))
        .env("BENCH_COMMAND", "cargo xtask bench-search"))?;

    // The whole explorer with the same corpus: start-up marks and keystroke latency.
    let site = work.join("site-10k");
    let _ = std::fs::remove_dir_all(&site);
    crate::build_site(root, &path, "/insight-explorer/", None, &site)?;
    step("Publishing the generated corpus into that site (corpus publish: corpus, search index, pages)");
    run(Command::new(&cargo)
        .current_dir(root)
        .args([
            "run",
            "--release",
            "--package",
            "insight-corpus-cli",
            "--",
            "publish",
            "--quiet",
            "--site",
        ])
        .arg(&site)
        .arg(&corpus))?;
    step("Running the explorer with 10,000 articles in headless Chromium (tests/bench/app.mjs)");
    run(Command::new("node")
        .current_dir(&bench_dir)
        .arg("app.mjs")
        .env("SITE_DIR", &site)
        .env("CHROMIUM", &browser.chromium))
}
