//! `cargo xtask bench-lighthouse`: Lighthouse 12 mobile scores of the release site. Builds
//! the site as `dist` does, for public URL `/insight-explorer/` (and the end-to-end site's
//! address, so pages carry their canonical and preview tags as published), into
//! `target/lighthouse-site/`, then runs `tests/bench/lighthouse/run.mjs`, which serves it
//! like GitHub Pages and audits the list and its first article in headless Chromium (RUNS
//! runs each, default 3), prints the medians and failing audits, and writes the reports
//! to `target/lighthouse/`.

use crate::run::{run, step, Failure};
use crate::tools;
use std::path::Path;
use std::process::Command;

pub fn lighthouse(root: &Path) -> Result<(), Failure> {
    let path = tools::ensure_build_tools(root)?;
    let browser = tools::ensure_browser()?;
    tools::ensure_node()?;

    let target = root.join("target");
    let site = target.join("lighthouse-site");
    let _ = std::fs::remove_dir_all(&site);
    crate::build_site(
        root,
        &path,
        crate::E2E_BASE,
        Some(crate::E2E_SITE_URL),
        &site,
    )?;
    crate::bundle_size::report(&site)?;

    let bench = root.join("tests").join("bench").join("lighthouse");
    step("Installing the Lighthouse benchmark's packages (npm ci: lighthouse 12, chrome-launcher)");
    run(Command::new("npm")
        .current_dir(&bench)
        .args(["ci", "--no-audit", "--no-fund"]))?;

    let command = match std::env::var("RUNS") {
        Ok(runs) => format!("RUNS={runs} cargo xtask bench-lighthouse"),
        Err(_) => "cargo xtask bench-lighthouse".to_string(),
    };
    step(&format!(
        "Running Lighthouse (mobile) on the list and an article, served under {} (tests/bench/lighthouse/run.mjs)",
        crate::E2E_BASE
    ));
    run(Command::new("node")
        .current_dir(&bench)
        .arg("run.mjs")
        .env("SITE_DIR", &site)
        .env("SITE_BASE", crate::E2E_BASE)
        .env("CHROMIUM", &browser.chromium)
        .env("REPORT_DIR", target.join("lighthouse"))
        .env("BENCH_COMMAND", command))
}
