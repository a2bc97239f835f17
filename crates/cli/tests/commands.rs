//! The `corpus` command as a site owner runs it: files in, corpus and site pages out,
//! with clear errors and safe failure.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("corpus-cli-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("posts")).unwrap();
        Scratch(dir)
    }

    fn post(&self, name: &str, text: &str) {
        fs::write(self.0.join("posts").join(name), text).unwrap();
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn corpus(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corpus"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const POST: &str = "+++\ntitle = \"Ports\"\nauthors = [\"A. Writer\"]\nsource = \"Harbour Review\"\ndate = 2022-02-02\nkeywords = [\"trade\"]\n+++\nBody text.\n";

#[test]
fn ingest_writes_a_corpus_that_check_accepts() {
    let s = Scratch::new("ok");
    s.post("ports.md", POST);
    let out = corpus(
        &s.0,
        &[
            "ingest",
            "posts",
            "--title",
            "Harbour",
            "-o",
            "out/corpus.json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("ingested 1 article from 1 file: 0 skipped, 0 warnings, 0 errors")
    );
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(s.path("out/corpus.json")).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["title"], "Harbour");
    assert_eq!(json["articles"][0]["id"], "ports");
    let check = corpus(&s.0, &["check", "out/corpus.json"]);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("1 valid articles, 0 problems"));
}

#[test]
fn an_error_names_file_and_line_and_leaves_the_old_corpus_alone() {
    let s = Scratch::new("bad");
    s.post("ports.md", POST);
    assert!(corpus(&s.0, &["ingest", "posts", "-o", "corpus.json"])
        .status
        .success());
    let before = fs::read(s.path("corpus.json")).unwrap();
    s.post(
        "2019-03-02-x.md",
        &POST.replace("2022-02-02", "\"2019-13-02\""),
    );
    let out = corpus(&s.0, &["ingest", "posts", "-o", "corpus.json"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("posts/2019-03-02-x.md:5: front matter: 'date' is \"2019-13-02\", not a date (expected YYYY-MM-DD)"),
        "{err}"
    );
    assert!(
        err.contains("ingested 1 article from 2 files: 0 skipped, 0 warnings, 1 error"),
        "{err}"
    );
    assert_eq!(
        fs::read(s.path("corpus.json")).unwrap(),
        before,
        "a failed run writes nothing"
    );

    fs::remove_file(s.path("corpus.json")).unwrap();
    let kept = corpus(
        &s.0,
        &["ingest", "posts", "-o", "corpus.json", "--keep-going"],
    );
    assert!(!kept.status.success(), "errors still give a failing status");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(s.path("corpus.json")).unwrap()).unwrap();
    assert_eq!(
        json["articles"].as_array().unwrap().len(),
        1,
        "--keep-going writes the good articles"
    );
}

#[test]
fn publish_adds_the_corpus_and_a_page_for_every_article() {
    let s = Scratch::new("publish");
    s.post("ports.md", POST);
    fs::create_dir_all(s.path("site")).unwrap();
    fs::write(s.path("site/index.html"), "<html>app</html>").unwrap();
    let out = corpus(&s.0, &["publish", "posts", "--site", "site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(s.path("site/404.html")).unwrap(),
        "<html>app</html>"
    );
    assert_eq!(
        fs::read_to_string(s.path("site/articles/ports.html")).unwrap(),
        "<html>app</html>"
    );
    assert!(s.path("site/corpus.json").exists());

    let missing = corpus(&s.0, &["publish", "posts", "--site", "nowhere"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("nowhere/index.html: cannot read"),
        "{}",
        stderr(&missing)
    );
}
