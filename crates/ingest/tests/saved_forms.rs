//! A policy institute's article page saved as HTML gives the same article as the same
//! page saved as text (`fixtures/page-text/`): its id aside, which follows the file name.

use insight_ingest::{formats, Entry, Options};
use std::path::PathBuf;

fn article(folder: &str, name: &str) -> insight_corpus::Article {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder)
        .join("input")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    let entries = formats::read(&path, &bytes, &Options::default()).unwrap();
    match entries.into_iter().next() {
        Some(Entry::Article { article, .. }) => *article,
        other => panic!("{name}: expected an article, got {other:?}"),
    }
}

#[test]
fn html_and_text_forms_of_a_page_give_the_same_article() {
    for stem in ["several-authors", "month-day-year"] {
        let text = article("page-text", &format!("{stem}.txt"));
        let mut html = article("html-pages", &format!("institute-{stem}.html"));
        html.id = text.id.clone();
        assert_eq!(html, text, "{stem}");
    }
}
