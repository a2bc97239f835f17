//! `cargo xtask bench-scale [--sizes 1000,10000,100000]`: the explorer at scale beside
//! Pagefind and MiniSearch, in one run. For each size it generates the corpus (seed 7,
//! kept for later runs), publishes it into a copy of the release site built once for
//! `/insight-explorer/`, timing `corpus publish` and reading its peak memory, and then runs
//! `tests/bench/scale/run.mjs`, which builds the Pagefind bundle and the MiniSearch page
//! from the same articles, serves all three like GitHub Pages, measures them in headless
//! Chromium, prints Markdown tables and writes `target/bench/scale/results.json`.
//! Default sizes are 1,000 and 10,000; 100,000 (an 800 MB corpus) only when asked for.

use crate::run::{output, run, step, Failure};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const DEFAULT_SIZES: &[usize] = &[1_000, 10_000];
const SEED: &str = "7";
/// `corpus publish` is timed this many times per size; the median is reported.
const PUBLISH_RUNS: usize = 3;

pub fn scale(root: &Path, args: &[String]) -> Result<(), Failure> {
    let sizes = parse_sizes(crate::option(args, "--sizes"))?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let work = root.join("target").join("bench").join("scale");
    std::fs::create_dir_all(&work)
        .map_err(|e| Failure(format!("cannot create {}: {e}", work.display())))?;

    let path = crate::tools::ensure_build_tools(root)?;
    crate::tools::ensure_node()?;
    let browser = crate::tools::ensure_browser()?;
    let time = gnu_time();
    ensure_openssl()?;

    // Publish is timed on the tool's own binary: `cargo run` would add cargo's start-up.
    step("Building the corpus tool (release)");
    run(Command::new(&cargo).current_dir(root).args([
        "build",
        "--release",
        "--package",
        "insight-corpus-cli",
    ]))?;
    let tool = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
        .join("release")
        .join("corpus");

    for &size in &sizes {
        let corpus = work.join(format!("corpus-{size}.json"));
        if corpus.is_file() {
            step(&format!("Using the corpus at {}", corpus.display()));
        } else {
            step(&format!("Generating {size} articles (seed {SEED})"));
            run(Command::new(&tool)
                .args([
                    "generate",
                    "--articles",
                    &size.to_string(),
                    "--seed",
                    SEED,
                    "-o",
                ])
                .arg(&corpus))?;
        }
    }

    // Built every run, so the numbers are those of the app as it is now; cargo and Trunk
    // rebuild only what changed.
    let base = work.join("site-base");
    let _ = std::fs::remove_dir_all(&base);
    crate::build_site(root, &path, crate::E2E_BASE, None, &base)?;

    for &size in &sizes {
        let corpus = work.join(format!("corpus-{size}.json"));
        let site = work.join(format!("site-{size}"));
        step(&format!(
            "Publishing {size} articles into a fresh copy of the site ({PUBLISH_RUNS} timed runs of corpus publish)"
        ));
        let mut runs = Vec::new();
        let mut copies = Vec::new();
        for run in 0..PUBLISH_RUNS {
            // Each run starts from the site as built, with none of the pieces or page
            // copies a run before wrote: a first publish, not a republish. Each has a
            // copy of its own, and the copies go only after the last run: ext4 creates
            // files more slowly just after as many were deleted (it passes over inodes
            // freed in the last minutes), which a fresh machine never meets.
            let copy = work.join(format!("site-{size}-run-{run}"));
            let _ = std::fs::remove_dir_all(&copy);
            copy_folder(&base, &copy)?;
            let measured = publish_once(&tool, time.as_deref(), &corpus, &copy, &work)?;
            copies.push(copy);
            println!(
                "    {:.2} s, peak {}",
                measured.elapsed.as_secs_f64(),
                measured
                    .max_rss_kib
                    .map_or("unknown".to_string(), |k| format!("{} MiB", k / 1024))
            );
            runs.push(measured);
        }
        // The last run's site is the one the browser runs below open.
        let _ = std::fs::remove_dir_all(&site);
        if let Some(last) = copies.pop() {
            std::fs::rename(&last, &site).map_err(|e| {
                Failure(format!(
                    "cannot move {} to {}: {e}",
                    last.display(),
                    site.display()
                ))
            })?;
        }
        for copy in copies {
            let _ = std::fs::remove_dir_all(copy);
        }
        write_publish_record(root, &work, size, &corpus, &site, &runs)?;
    }

    let bench = root.join("tests").join("bench").join("scale");
    step("Installing the scale benchmark's packages (npm ci: pagefind, minisearch, playwright-core, and the end-to-end helpers it shares)");
    for dir in [&bench, &root.join("tests").join("e2e")] {
        run(Command::new("npm")
            .current_dir(dir)
            .args(["ci", "--no-audit", "--no-fund"]))?;
    }
    let sizes_text = sizes
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",");
    step("Measuring the explorer, Pagefind and MiniSearch in headless Chromium (tests/bench/scale/run.mjs)");
    run(Command::new("node")
        .current_dir(&bench)
        .arg("run.mjs")
        .env("SIZES", &sizes_text)
        .env("SCALE_DIR", &work)
        .env("CHROMIUM", &browser.chromium)
        .env("BENCH_COMMAND", command_line(&sizes_text)))
}

/// The command as the report names it, with the runner's settings that were given.
fn command_line(sizes: &str) -> String {
    let mut line = String::new();
    for name in ["RUNS", "PAGEFIND_MEMORY_LIMIT_GIB"] {
        if let Ok(value) = std::env::var(name) {
            let _ = write!(line, "{name}={value} ");
        }
    }
    line + &format!("cargo xtask bench-scale --sizes {sizes}")
}

fn parse_sizes(text: Option<&str>) -> Result<Vec<usize>, Failure> {
    let Some(text) = text else {
        return Ok(DEFAULT_SIZES.to_vec());
    };
    let sizes = text
        .split(',')
        .map(|s| {
            s.trim()
                .replace('_', "")
                .parse::<usize>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| {
                    Failure(format!(
                        "--sizes {text:?}: {s:?} is not a number of articles"
                    ))
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(sizes)
}

/// GNU time, which reports a command's peak memory (`-v`: maximum resident set size).
/// Installed from Debian's `time` package when missing and this user may; without it the
/// peak is read from /proc while the command runs.
fn gnu_time() -> Option<PathBuf> {
    let is_gnu = || output("time", &["--version"]).is_some_and(|v| v.contains("GNU"));
    if is_gnu() {
        return Some(PathBuf::from("time"));
    }
    let root_user = output("id", &["-u"]).as_deref() == Some("0");
    if root_user && output("apt-get", &["--version"]).is_some() {
        step("Installing GNU time to read peak memory (Debian package time)");
        let apt = |args: &[&str]| {
            run(Command::new("apt-get")
                .env("DEBIAN_FRONTEND", "noninteractive")
                .args(args))
        };
        if apt(&["update"]).is_ok() && apt(&["install", "-y", "time"]).is_ok() && is_gnu() {
            return Some(PathBuf::from("time"));
        }
    }
    println!(
        "    GNU time is not available: peak memory will be read from /proc while the command runs"
    );
    None
}

/// The sites are served over HTTP/2, as GitHub Pages serves them, which browsers speak
/// only over TLS: the server makes a certificate for the run with `openssl`, installed
/// from Debian's package when missing.
fn ensure_openssl() -> Result<(), Failure> {
    if output("openssl", &["version"]).is_some() {
        return Ok(());
    }
    step("Installing openssl to serve the benchmark over HTTP/2 (Debian package openssl)");
    crate::tools::apt_install(&["openssl"])
}

struct Measured {
    elapsed: Duration,
    max_rss_kib: Option<u64>,
    method: &'static str,
}

/// Runs `corpus publish` once, timing it and reading its peak resident memory.
fn publish_once(
    tool: &Path,
    time: Option<&Path>,
    corpus: &Path,
    site: &Path,
    work: &Path,
) -> Result<Measured, Failure> {
    let mut publish = vec![tool.as_os_str().to_owned()];
    publish.extend(["publish", "--quiet", "--site"].map(Into::into));
    publish.push(site.as_os_str().to_owned());
    publish.push(corpus.as_os_str().to_owned());
    match time {
        Some(time) => {
            let report = work.join("publish-time.txt");
            let mut command = Command::new(time);
            command.arg("-v").arg("-o").arg(&report).args(&publish);
            let started = Instant::now();
            run(&mut command)?;
            let elapsed = started.elapsed();
            let text = std::fs::read_to_string(&report).unwrap_or_default();
            let max_rss_kib = text
                .lines()
                .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
                .and_then(|v| v.trim().parse().ok());
            Ok(Measured {
                elapsed,
                max_rss_kib,
                method: "max RSS, GNU time",
            })
        }
        None => {
            let mut command = Command::new(&publish[0]);
            command.args(&publish[1..]);
            println!("    $ {}", publish_line(&publish));
            let started = Instant::now();
            let mut child = command
                .spawn()
                .map_err(|e| Failure(format!("could not start the corpus tool: {e}")))?;
            let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
            let mut peak = None;
            // VmHWM is the process's own high-water mark, so polling misses only growth
            // in its last few milliseconds.
            let status = loop {
                if let Ok(text) = std::fs::read_to_string(&status_file) {
                    peak = text
                        .lines()
                        .find_map(|l| l.strip_prefix("VmHWM:"))
                        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                        .or(peak);
                }
                match child.try_wait() {
                    Ok(Some(status)) => break status,
                    Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                    Err(e) => return Err(Failure(format!("waiting for the corpus tool: {e}"))),
                }
            };
            let elapsed = started.elapsed();
            if !status.success() {
                return Err(Failure(format!("corpus publish failed ({status})")));
            }
            Ok(Measured {
                elapsed,
                max_rss_kib: peak,
                method: "VmHWM, read from /proc",
            })
        }
    }
}

fn publish_line(parts: &[std::ffi::OsString]) -> String {
    parts
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `publish-N.json` for run.mjs: where the corpus and site are, and the publish runs.
fn write_publish_record(
    root: &Path,
    work: &Path,
    size: usize,
    corpus: &Path,
    site: &Path,
    runs: &[Measured],
) -> Result<(), Failure> {
    let relative = |p: &Path| json_string(&p.strip_prefix(root).unwrap_or(p).to_string_lossy());
    let mut seconds: Vec<f64> = runs.iter().map(|r| r.elapsed.as_secs_f64()).collect();
    let mut peaks: Vec<u64> = runs.iter().filter_map(|r| r.max_rss_kib).collect();
    seconds.sort_by(f64::total_cmp);
    peaks.sort_unstable();
    let median_seconds = seconds.get((seconds.len().max(1) - 1) / 2).copied();
    let median_peak = peaks.get((peaks.len().max(1) - 1) / 2).copied();
    let optional = |v: Option<String>| v.unwrap_or_else(|| "null".to_string());
    let mut json = String::new();
    let _ = write!(
        json,
        "{{\n  \"size\": {size},\n  \"corpus\": {},\n  \"site\": {},\n  \"publish\": {{\n    \"runs\": [",
        relative(corpus),
        relative(site)
    );
    for (i, r) in runs.iter().enumerate() {
        let _ = write!(
            json,
            "{}{{ \"seconds\": {:.3}, \"maxRssKiB\": {} }}",
            if i == 0 { "" } else { ", " },
            r.elapsed.as_secs_f64(),
            optional(r.max_rss_kib.map(|k| k.to_string()))
        );
    }
    let _ = write!(
        json,
        "],\n    \"seconds\": {},\n    \"maxRssKiB\": {},\n    \"rssMethod\": {}\n  }}\n}}\n",
        optional(median_seconds.map(|s| format!("{s:.3}"))),
        optional(median_peak.map(|k| k.to_string())),
        json_string(runs.first().map_or("none", |r| r.method))
    );
    let record = work.join(format!("publish-{size}.json"));
    std::fs::write(&record, json)
        .map_err(|e| Failure(format!("cannot write {}: {e}", record.display())))
}

/// A JSON string literal (paths and fixed words only, but escaped properly all the same).
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Copies a built site folder, sub-folders included.
fn copy_folder(from: &Path, to: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(to)
        .map_err(|e| Failure(format!("cannot create {}: {e}", to.display())))?;
    let entries = std::fs::read_dir(from)
        .map_err(|e| Failure(format!("cannot list {}: {e}", from.display())))?;
    for entry in entries {
        let entry = entry.map_err(|e| Failure(format!("cannot list {}: {e}", from.display())))?;
        let target = to.join(entry.file_name());
        let kind = entry
            .file_type()
            .map_err(|e| Failure(format!("{}: {e}", entry.path().display())))?;
        if kind.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| {
                Failure(format!(
                    "cannot copy {} to {}: {e}",
                    entry.path().display(),
                    target.display()
                ))
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_default_and_parse() {
        assert_eq!(parse_sizes(None).unwrap(), vec![1_000, 10_000]);
        assert_eq!(
            parse_sizes(Some("1000, 10_000,100000")).unwrap(),
            vec![1_000, 10_000, 100_000]
        );
        assert!(parse_sizes(Some("1000,lots")).is_err());
        assert!(parse_sizes(Some("0")).is_err());
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
    }
}
