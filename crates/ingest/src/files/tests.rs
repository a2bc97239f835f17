//! Tests of reading Markdown files into articles, over files written to a temp folder.

use super::*;
use std::fs;

struct Folder(PathBuf);

impl Folder {
    fn new(name: &str) -> Folder {
        let dir =
            std::env::temp_dir().join(format!("insight-ingest-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Folder(dir)
    }

    fn write(&self, name: &str, text: &str) -> &Folder {
        fs::write(self.0.join(name), text).unwrap();
        self
    }

    fn ingest(&self) -> Report {
        ingest(
            std::slice::from_ref(&self.0),
            &Options {
                default_language: "en".into(),
                default_source: Some("Default Outlet".into()),
            },
        )
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

const GOOD: &str = "+++\ntitle = \"Water\"\nauthors = [\"Mara Lindqvist\"]\ndate = 2021-04-12\nkeywords = [\"water\", \"cities\"]\nbio = \"Bio.\"\n+++\n\nFirst paragraph.\n\nSecond.\n";

#[test]
fn reads_an_article_with_defaults_and_derived_fields() {
    let folder = Folder::new("good");
    folder.write("2021-04-12-river-basins.md", GOOD);
    let report = folder.ingest();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let article = &report.articles[0];
    assert_eq!(article.id, "river-basins");
    assert_eq!(article.source, "Default Outlet");
    assert_eq!(article.language, "en");
    assert_eq!(article.summary, "First paragraph.");
    assert_eq!(article.published.to_string(), "2021-04-12");
    assert_eq!(
        report.summary(),
        "ingested 1 article from 1 file: 0 skipped, 0 warnings, 0 errors"
    );
}

#[test]
fn every_file_is_accounted_for() {
    let folder = Folder::new("accounting");
    folder
        .write("a.md", GOOD)
        .write(
            "draft.md",
            &GOOD.replace("+++\n\n", "draft = true\n+++\n\n"),
        )
        .write("notes.txt", "hello")
        .write("plain.md", "# No front matter\n")
        .write("bad-date.md", &GOOD.replace("2021-04-12", "\"2019-13-02\""))
        .write("broken.md", "+++\ntitle = \n+++\n")
        .write("latin1.md", "")
        .write("yaml.md", "---\ntitle: x\n---\n");
    fs::write(
        folder.0.join("latin1.md"),
        b"+++\ntitle = \"caf\xe9\"\n+++\n",
    )
    .unwrap();
    let report = folder.ingest();
    assert_eq!(report.files(), 8);
    assert_eq!(report.articles.len(), 1);
    assert_eq!(report.skipped.len(), 3);
    let errors: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
    let name = |n: &str| folder.0.join(n).display().to_string();
    assert!(
        errors.contains(&format!(
            "{}:4: front matter: 'date' is \"2019-13-02\", not a date (expected YYYY-MM-DD)",
            name("bad-date.md")
        )),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("{}:2: front matter:", name("broken.md")))),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&name("latin1.md")) && e.contains("save the file as UTF-8")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("{}:1:", name("yaml.md")))),
        "{errors:#?}"
    );
}

#[test]
fn missing_fields_name_the_fix() {
    let folder = Folder::new("missing");
    folder.write(
        "x.md",
        "+++\ntitle = \"T\"\ndate = 2020-01-01\n+++\nBody.\n",
    );
    let report = folder.ingest();
    assert_eq!(
        report.errors[0].message,
        "front matter: 'authors' is missing; add authors = [\"Author Name\"]"
    );
}

#[test]
fn repeated_ids_get_suffixes_and_a_warning() {
    let folder = Folder::new("dupes");
    folder
        .write("a.md", &GOOD.replace("+++\n\n", "id = \"same\"\n+++\n\n"))
        .write("b.md", &GOOD.replace("+++\n\n", "id = \"same\"\n+++\n\n"));
    let report = folder.ingest();
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["same", "same-2"]);
    assert!(report.warnings[0].message.contains("already used by"));
}

#[test]
fn dates_with_times_and_strings_are_read() {
    for (value, ok) in [
        ("2021-04-12T08:00:00Z", true),
        ("\"2021-04-12\"", true),
        ("\"2021-04-12 10:00\"", true),
        ("\"April 2021\"", false),
        ("2021", false),
    ] {
        let parsed: toml::Value =
            toml::from_str::<toml::Table>(&format!("d = {value}")).unwrap()["d"].clone();
        assert_eq!(parse_date(&parsed).is_some(), ok, "{value}");
    }
}
