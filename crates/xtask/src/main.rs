//! Project tasks, run as `cargo xtask <task>`. Each task installs what it is missing,
//! says what it is doing, and stops at the first failure.
//!
//! - `serve`: build the explorer with the sample collection and serve it with Trunk.
//! - `test`: formatting, lints, native tests, component tests in headless Chromium,
//!   end-to-end tests of the release site served under a GitHub Pages-style sub-path,
//!   supply-chain checks, and every fuzz target for a bounded time.
//! - `dist`: build the release site into `dist/` and report the bundle size.
//! - `bench`: time the corpus tool (ingest and generate) on this machine.
//! - `bench-search`: our search engine beside MiniSearch in headless Chromium.
//! - `bench-scale`: the explorer at 1,000 to 100,000 articles beside Pagefind and MiniSearch.
//! - `fuzz`: every fuzz target over its saved crashes, then for a bounded time.
//! - `deny`: supply-chain checks (licenses, banned crates, sources, advisories).

mod bench;
mod bench_lighthouse;
mod bench_scale;
mod bench_search;
mod bundle_size;
mod fuzz;
mod run;
mod supply_chain;
mod tools;

use run::{run, step, Failure};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  serve [--port N]                 serve the explorer with the sample collection (default port 8080)
  test                             run every test: lints, native, components in Chromium, end to end
  dist [--public-url /REPO/] [--site-url URL] [--dist DIR]
                                   build the release site (default: public URL /, folder dist/);
                                   --site-url (or INSIGHT_SITE_URL), the site's full address, adds
                                   canonical links, link previews, sitemap.xml, feed.xml, robots.txt
  bench                            time the corpus tool: ingest 10,000 Markdown files, generate 100,000 articles
  bench-search                     search engine vs MiniSearch in headless Chromium on 10,000 generated articles
  bench-scale [--sizes 1000,10000] the explorer beside Pagefind and MiniSearch at each size (100000 when asked)
  bench-lighthouse                 Lighthouse 12 mobile scores of the release site's list and an article (RUNS, default 3)
  fuzz [--seconds N]               every fuzz target over its saved crashes, then N seconds each (default 60)
  deny                             supply-chain checks: licenses, banned crates, sources, RustSec advisories

`test` also fuzzes each target (FUZZ_SECONDS seconds, default 60; 0 skips) and runs `deny`.";

/// The public URL the end-to-end tests publish under, like a GitHub Pages project site.
const E2E_BASE: &str = "/insight-explorer/";
/// The full address the end-to-end site is published for (its canonical links, sitemap
/// and feed name it; the tests serve it from localhost).
const E2E_SITE_URL: &str = "https://explorer.example.org/insight-explorer/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root, &args[1..]),
        Some("test") => test(&root),
        Some("dist") => dist(&root, &args[1..]),
        Some("bench") => bench::corpus_tool(&root),
        Some("bench-search") => bench_search::search(&root),
        Some("bench-scale") => bench_scale::scale(&root, &args[1..]),
        Some("bench-lighthouse") => bench_lighthouse::lighthouse(&root),
        Some("fuzz") => option(&args[1..], "--seconds")
            .map(|s| {
                s.parse()
                    .map_err(|_| Failure(format!("--seconds {s:?} is not a number")))
            })
            .unwrap_or(Ok(fuzz::DEFAULT_SECONDS))
            .and_then(|seconds| fuzz::fuzz(&root, seconds)),
        Some("deny") => supply_chain::deny(&root),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure(format!("unknown task {other:?}\n{USAGE}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or(manifest)
}

/// The value after `--name` in `args`, if given.
fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn serve(root: &Path, args: &[String]) -> Result<(), Failure> {
    let port = option(args, "--port").unwrap_or("8080");
    let path = tools::ensure_build_tools(root)?;
    step(&format!("Serving the explorer with the sample collection at http://127.0.0.1:{port}/ (Ctrl-C stops)"));
    let mut command = Command::new("trunk");
    command
        .current_dir(root)
        .env("PATH", &path)
        .args(["serve", "--offline", "--port", port]);
    run(&mut command)
}

fn dist(root: &Path, args: &[String]) -> Result<(), Failure> {
    let public_url = option(args, "--public-url").unwrap_or("/");
    let folder = root.join(option(args, "--dist").unwrap_or("dist"));
    let site_url = option(args, "--site-url")
        .map(str::to_string)
        .or_else(|| std::env::var("INSIGHT_SITE_URL").ok());
    let path = tools::ensure_build_tools(root)?;
    build_site(root, &path, public_url, site_url.as_deref(), &folder)?;
    bundle_size::report(&folder)
}

fn build_site(
    root: &Path,
    path: &std::ffi::OsStr,
    public_url: &str,
    site_url: Option<&str>,
    folder: &Path,
) -> Result<(), Failure> {
    step(&format!(
        "Building the release site for public URL {public_url}{} into {}",
        site_url.map_or(String::new(), |u| format!(" (at {u})")),
        folder.display()
    ));
    let mut command = Command::new("trunk");
    command
        .current_dir(root)
        .env("PATH", path)
        // Read by `corpus publish` in Trunk's post-build hook.
        .env("INSIGHT_SITE_URL", site_url.unwrap_or_default())
        .arg("build")
        .args(["--release", "--offline", "--public-url", public_url])
        .arg("--dist")
        .arg(folder);
    run(&mut command)
}

fn test(root: &Path) -> Result<(), Failure> {
    let path = tools::ensure_build_tools(root)?;
    let browser = tools::ensure_browser()?;
    tools::ensure_node()?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let cargo_step = |what: &str, args: &[&str]| {
        step(what);
        let mut command = Command::new(&cargo);
        command
            .current_dir(root)
            .env("PATH", &path)
            .env("CHROMEDRIVER", &browser.chromedriver)
            .args(args);
        run(&mut command)
    };
    cargo_step(
        "Checking formatting (cargo fmt)",
        &["fmt", "--all", "--", "--check"],
    )?;
    cargo_step(
        "Linting native code (cargo clippy)",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    cargo_step(
        "Linting the browser build (cargo clippy, wasm32)",
        &[
            "clippy",
            "--package",
            "insight-explorer",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    cargo_step(
        "Running native unit and property tests (cargo test)",
        &["test", "--workspace"],
    )?;
    cargo_step(
        "Running component tests in headless Chromium (wasm-bindgen-test)",
        &[
            "test",
            "--package",
            "insight-explorer",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "components",
            "--test",
            "crash",
        ],
    )?;

    let site = root.join("target").join("e2e-site");
    let _ = std::fs::remove_dir_all(&site);
    build_site(root, &path, E2E_BASE, Some(E2E_SITE_URL), &site)?;
    bundle_size::report(&site)?;

    // The tests compare what the site shows with the sample collection as one corpus
    // file, which the site itself no longer carries (it is published as pieces).
    let sample = root.join("target").join("e2e-sample-corpus.json");
    cargo_step(
        "Building the corpus tool and the sample collection as one file, for the end-to-end tests",
        &[
            "run",
            "--release",
            "--quiet",
            "--package",
            "insight-corpus-cli",
            "--",
            "ingest",
            "content/articles",
            "--collection",
            "content/collection.toml",
            "--quiet",
            "-o",
            sample.to_str().unwrap_or_default(),
        ],
    )?;
    let e2e = root.join("tests").join("e2e");
    step("Installing the end-to-end test runner's packages (npm ci)");
    run(Command::new("npm")
        .current_dir(&e2e)
        .args(["ci", "--no-audit", "--no-fund"]))?;
    step(&format!(
        "Running end-to-end tests: release site served under {E2E_BASE}, headless Chromium"
    ));
    run(Command::new("npm")
        .current_dir(&e2e)
        .args(["test"])
        .env("SITE_DIR", &site)
        .env("SITE_BASE", E2E_BASE)
        .env("SITE_URL", E2E_SITE_URL)
        .env("SAMPLE_CORPUS", &sample)
        .env(
            "CORPUS_TOOL",
            root.join("target").join("release").join("corpus"),
        )
        .env("CHROMIUM", &browser.chromium)
        .env(
            "SCREENSHOT_DIR",
            root.join("target").join("e2e-screenshots"),
        ))?;
    supply_chain::deny(root)?;
    let seconds = fuzz::seconds_from_env()?;
    if seconds > 0 {
        fuzz::fuzz(root, seconds)?;
    } else {
        step("Skipping the fuzz targets (FUZZ_SECONDS=0)");
    }
    step("All tests passed");
    Ok(())
}
