//! Every input the fuzzers once broke a reader with (`fuzz/regressions/<target>/`), read
//! again on each `cargo test`: it must give entries or an error, never a panic. The fuzz
//! run replays the same files under the sanitizer; this keeps them in the everyday tests.

use insight_ingest::{formats, Options};
use std::path::{Path, PathBuf};

/// Each reader target and the file name its fuzz target reads the bytes as.
const TARGETS: [(&str, &str); 7] = [
    ("markdown", "fuzz.md"),
    ("page_text", "fuzz.txt"),
    ("json_records", "fuzz.json"),
    ("json_lines", "fuzz.jsonl"),
    ("feed", "fuzz.xml"),
    ("wordpress", "fuzz.xml"),
    ("html_page", "fuzz.html"),
];

fn regressions(target: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    files
}

#[test]
fn saved_crash_inputs_read_without_panicking() {
    let mut read = 0;
    for (target, name) in TARGETS {
        for file in regressions(target) {
            let bytes = std::fs::read(&file).expect("a saved input");
            let outcome = std::panic::catch_unwind(|| {
                let _ = formats::read(Path::new(name), &bytes, &Options::default());
            });
            assert!(
                outcome.is_ok(),
                "{} still panics the {target} reader",
                file.display()
            );
            read += 1;
        }
    }
    assert!(read >= 2, "the saved inputs were found ({read})");
}

#[test]
fn html_body_crash_inputs_convert_without_panicking() {
    for file in regressions("html_body") {
        let html =
            String::from_utf8_lossy(&std::fs::read(&file).expect("a saved input")).into_owned();
        let _ = insight_ingest::blocks::html::html_to_blocks(&html);
    }
}
