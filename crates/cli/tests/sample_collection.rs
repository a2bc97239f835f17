//! The bundled sample collection meets what the project promises of it: enough original
//! articles, authors with bios, sources, years, languages and overlapping keywords, and
//! it builds with no errors or warnings.

use insight_corpus::Article;
use insight_ingest::{ingest, Options};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn sample() -> Vec<Article> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/articles");
    let report = ingest(&[folder], &Options::default());
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    assert!(report.skipped.is_empty(), "{:#?}", report.skipped);
    report.articles
}

fn words(article: &Article) -> usize {
    let mut text = String::new();
    article
        .body
        .iter()
        .for_each(|b| b.push_plain_text(&mut text));
    if article.language == "zh" {
        // Chinese is counted in characters, at about 1.5 characters a word.
        text.chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count()
            * 2
            / 3
    } else {
        text.split_whitespace().count()
    }
}

#[test]
fn has_enough_articles_authors_sources_and_years() {
    let articles = sample();
    assert!(articles.len() >= 40, "{} articles", articles.len());
    let authors: BTreeSet<&str> = articles
        .iter()
        .flat_map(|a| a.authors.iter().map(String::as_str))
        .collect();
    assert!(authors.len() >= 10, "{authors:?}");
    let sources: BTreeSet<&str> = articles.iter().map(|a| a.source.as_str()).collect();
    assert!(sources.len() >= 5, "{sources:?}");
    let years: BTreeSet<u16> = articles.iter().map(|a| a.published.year()).collect();
    assert!(
        years.last().unwrap() - years.first().unwrap() >= 5,
        "{years:?}"
    );
    assert!(articles.iter().filter(|a| a.language == "zh").count() >= 6);
}

#[test]
fn every_article_has_a_bio_and_the_right_length_and_keywords() {
    for article in sample() {
        assert!(
            article
                .bio
                .as_deref()
                .is_some_and(|b| b.contains("ictional") || b.contains("虚构")),
            "{}: bio",
            article.id
        );
        let n = words(&article);
        assert!((300..=900).contains(&n), "{}: {n} words", article.id);
        assert!(
            (3..=8).contains(&article.keywords.len()),
            "{}: keywords",
            article.id
        );
    }
}

#[test]
fn keywords_overlap_and_include_case_variants() {
    let articles = sample();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for article in &articles {
        for keyword in &article.keywords {
            *counts.entry(keyword.to_lowercase()).or_default() += 1;
        }
    }
    let shared = counts.values().filter(|&&n| n >= 3).count();
    assert!(
        shared >= 15,
        "{shared} keywords are shared by three or more articles"
    );
    let spellings: BTreeSet<&str> = articles
        .iter()
        .flat_map(|a| a.keywords.iter().map(String::as_str))
        .collect();
    assert!(
        spellings.contains("US") && spellings.contains("us"),
        "the sample exercises case-insensitive keywords"
    );
}

#[test]
fn every_file_says_it_is_a_sample() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/articles");
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("# Sample article: fictional author and outlet"),
            "{}",
            path.display()
        );
    }
}
