//! The pages as the corpus tool writes them, from a small hand-made collection.

use super::*;
use insight_corpus::{Article, Block, Date, Inline, ValidCorpus};

fn article(id: &str, title: &str, published: &str, keywords: &[&str]) -> Article {
    Article {
        id: id.to_string(),
        title: title.to_string(),
        authors: vec!["A. Writer".to_string()],
        source: "Harbour Review".to_string(),
        published: published.parse::<Date>().unwrap(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        language: "en".to_string(),
        summary: format!("What {title} says."),
        body: vec![Block::Paragraph {
            content: vec![Inline::text("Ports <b>reopened</b> & trade resumed.")],
        }],
        bio: None,
        url: None,
    }
}

fn collection() -> Rc<Collection> {
    Rc::new(Collection::from_whole(ValidCorpus {
        title: "Harbour Review".to_string(),
        notice: None,
        articles: vec![
            article("old-ports", "Old ports", "2019-05-01", &["trade", "ports"]),
            article(
                "new-energy",
                "New energy",
                "2024-01-10",
                &["energy", "trade"],
            ),
            article("mid-health", "Mid health", "2021-07-15", &["health"]),
        ],
        skipped: Vec::new(),
        refused_links: Vec::new(),
    }))
}

#[test]
fn the_list_shows_every_article_newest_first_with_links_under_the_site_path() {
    let html = render(&collection(), "/site/", "/site/");
    let new = html.find("New energy").expect(&html);
    let mid = html.find("Mid health").expect(&html);
    let old = html.find("Old ports").expect(&html);
    assert!(new < mid && mid < old, "{html}");
    assert!(
        html.contains("href=\"/site/articles/new-energy\""),
        "{html}"
    );
    assert!(!html.contains("Loading"), "{html}");
}

#[test]
fn an_article_page_shows_its_title_and_body_as_text() {
    let html = render(&collection(), "/site/", "/site/articles/old-ports");
    assert!(html.contains("<h1"), "{html}");
    assert!(html.contains("Old ports"), "{html}");
    assert!(
        html.contains("Ports &lt;b&gt;reopened&lt;/b&gt; &amp; trade resumed."),
        "{html}"
    );
    assert!(!html.contains("Loading"), "{html}");
}

#[test]
fn an_unknown_address_shows_not_found() {
    let html = render(&collection(), "/", "/articles/nowhere");
    assert!(html.contains("not-found"), "{html}");
}
