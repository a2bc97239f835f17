//! Snapshot tests: each folder under `fixtures/` holds an `input/` folder of files in one
//! format (odd cases included) and the expected outcome of ingesting it: the articles in
//! `expected.json` and the run's report in `expected-report.txt`.
//!
//! After a deliberate change, regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p insight-ingest --test snapshots`
//! and review the diff. See `fixtures/README.md`.

use insight_ingest::{ingest, Options};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// The report as text, with paths relative to the fixture folder.
fn report_text(folder: &Path, report: &insight_ingest::Report) -> String {
    let prefix = format!("{}/", folder.display());
    let mut out = String::new();
    let _ = writeln!(out, "{}", report.summary());
    for site in &report.sites {
        let _ = writeln!(out, "site: {}", site.line());
    }
    for error in &report.errors {
        let _ = writeln!(out, "error: {error}");
    }
    for warning in &report.warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    for skip in &report.skipped {
        let _ = writeln!(out, "skipped: {skip}");
    }
    out.replace(&prefix, "")
}

fn check(name: &str) {
    check_with(
        name,
        &Options {
            default_source: Some("Fixture Outlet".to_string()),
            ..Options::default()
        },
    );
}

fn check_with(name: &str, options: &Options) {
    let folder = fixtures().join(name);
    let report = ingest(&[folder.join("input")], options);
    let articles = serde_json::to_string_pretty(&report.articles).unwrap() + "\n";
    let text = report_text(&folder, &report);
    let expected_json = folder.join("expected.json");
    let expected_report = folder.join("expected-report.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&expected_json, &articles).unwrap();
        std::fs::write(&expected_report, &text).unwrap();
        return;
    }
    let hint =
        "run UPDATE_SNAPSHOTS=1 cargo test -p insight-ingest --test snapshots and review the diff";
    let want = std::fs::read_to_string(&expected_report)
        .unwrap_or_else(|_| panic!("{name}: no expected-report.txt; {hint}"));
    assert_eq!(text, want, "{name}: report differs; {hint}");
    let want = std::fs::read_to_string(&expected_json)
        .unwrap_or_else(|_| panic!("{name}: no expected.json; {hint}"));
    assert_eq!(articles, want, "{name}: articles differ; {hint}");
}

#[test]
fn markdown() {
    check("markdown");
}

#[test]
fn json_records() {
    check("json");
}

#[test]
fn page_text() {
    check("page-text");
}

#[test]
fn feeds() {
    check("feeds");
}

#[test]
fn mixed_folder() {
    check("mixed");
}

/// Site roots are read with no defaults from the run: the site gives them.
#[test]
fn jekyll_site() {
    check_with("jekyll", &Options::default());
}

#[test]
fn hugo_site() {
    check_with("hugo", &Options::default());
}

#[test]
fn zola_site() {
    check_with("zola", &Options::default());
}

/// Markdown without a site or a source: the folder's name stands in, with one warning.
#[test]
fn plain_folder() {
    check_with("plain-folder", &Options::default());
}

/// Saved HTML pages of several structures, read with no defaults from the run.
#[test]
fn html_pages() {
    check_with("html-pages", &Options::default());
}

/// WordPress exports (WXR 1.1 and 1.2) with every kind of record.
#[test]
fn wordpress_exports() {
    check_with("wordpress", &Options::default());
}
