//! Tests of an ingest run over Markdown files written to a temp folder.

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
                ..Options::default()
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
        "ingested 1 article from 1 file: 0 skipped, 0 errors, 0 warnings"
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
        .write("yaml.md", "---\ntitle: [x\n---\n");
    fs::write(
        folder.0.join("latin1.md"),
        b"+++\ntitle = \"caf\xe9\"\n+++\n",
    )
    .unwrap();
    let report = folder.ingest();
    assert_eq!(report.files, 8);
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
            .any(|e| e.starts_with(&format!("{}:2: front matter:", name("yaml.md")))),
        "{errors:#?}"
    );
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let folder = Folder::new("missing");
    folder.write(
        "x.md",
        "+++\ndate = \"2020-13-01\"\ntags = [[\"nested\"]]\n+++\nBody.\n",
    );
    let report = folder.ingest();
    let messages: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
    let name = folder.0.join("x.md").display().to_string();
    assert_eq!(
        messages,
        [
            format!("{name}:2: front matter: 'title' is missing; add title = \"The article's title\""),
            format!("{name}:2: front matter: 'date' is \"2020-13-01\", not a date (expected YYYY-MM-DD)"),
            format!("{name}:3: front matter: 'tags' is not a name or a list of names"),
        ]
    );
}

#[test]
fn an_article_may_name_no_author() {
    let folder = Folder::new("no-author");
    folder.write(
        "x.md",
        "+++\ntitle = \"T\"\ndate = 2020-01-01\n+++\nBody.\n",
    );
    let report = folder.ingest();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(report.articles[0].authors.is_empty());
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
fn yaml_front_matter_with_aliases_and_jekyll_dates() {
    let folder = Folder::new("yaml");
    folder.write(
        "2019-03-02-harbour-notes.markdown",
        "---\ntitle: Harbour notes\nauthor: Jo Bloggs\ntags: [ports, trade]\ncategories: shipping\ndescription: Short.\n---\nBody <b>bold</b> and ![chart](/c.png).\n",
    );
    let report = folder.ingest();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let article = &report.articles[0];
    assert_eq!(article.id, "harbour-notes");
    assert_eq!(article.published.to_string(), "2019-03-02");
    assert_eq!(article.authors, ["Jo Bloggs"]);
    assert_eq!(article.keywords, ["ports", "trade", "shipping"]);
    assert_eq!(article.summary, "Short.");
    assert_eq!(
        report.warnings.len(),
        1,
        "the raw HTML left out is reported"
    );
}

#[test]
fn zola_taxonomies_path_dates_and_drafts() {
    let folder = Folder::new("zola");
    folder
        .write("a.md", "+++\ntitle = \"A\"\nauthors = [\"Z\"]\npath = \"2020/05/06/a\"\n[taxonomies]\ntags = [\"x\"]\n+++\nBody.\n")
        .write("b.md", "+++\ntitle = \"B\"\nauthors = [\"Z\"]\ndate = 2020-05-06T10:00:00+02:00\ndraft = true\n+++\nBody.\n");
    let report = folder.ingest();
    assert_eq!(report.articles.len(), 1);
    assert_eq!(report.articles[0].published.to_string(), "2020-05-06");
    assert_eq!(report.articles[0].keywords, ["x"]);
    assert_eq!(
        report.summary(),
        "ingested 1 article from 2 files: 1 skipped (1 draft), 0 errors, 0 warnings"
    );
}

#[test]
fn likely_duplicates_are_reported() {
    let folder = Folder::new("likely");
    folder.write("a.md", GOOD).write("b.md", GOOD);
    let report = folder.ingest();
    assert_eq!(report.articles.len(), 2);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.starts_with("likely a duplicate of")),
        "{:?}",
        report.warnings
    );
}
