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

/// The markup with a line per element, so a snapshot's changes read as lines.
fn lines(html: &str) -> String {
    html.replace("><", ">\n<")
}

#[test]
fn every_route_renders_as_its_snapshot() {
    let collection = collection();
    for (name, path) in [
        ("list", "/site/"),
        ("keyword", "/site/keywords/trade"),
        ("author", "/site/authors/a-writer"),
        ("article", "/site/articles/new-energy"),
        ("not_found", "/site/nowhere"),
    ] {
        insta::assert_snapshot!(name, lines(&render(&collection, "/site/", path)));
    }
}

#[test]
fn an_article_page_without_its_full_text_shows_its_entry_and_says_what_needs_javascript() {
    let collection = collection();
    let number = collection.number_of("old-ports").unwrap().unwrap();
    let html = collection.without_record(number, || {
        render(&collection, "/site/", "/site/articles/old-ports")
    });
    assert!(
        collection.record(number).is_some(),
        "the record is back afterwards"
    );
    assert!(!html.contains("reopened"), "{html}");
    insta::assert_snapshot!("article_short", lines(&html));
}

#[test]
fn the_site_publishes_a_page_for_each_list_keyword_and_author() {
    let collection = collection();
    let files = list_pages(&collection);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "",
            "keywords/trade",
            "keywords/energy",
            "keywords/health",
            "keywords/ports",
            "authors/a-writer"
        ]
    );
    let trade = &files[1];
    assert_eq!(trade.title, "Articles on trade · Harbour Review");
    assert_eq!(trade.description, "2 articles on trade in Harbour Review.");
    let html = render(&collection, "/site/", &format!("/site/{}", trade.address));
    assert!(
        html.contains("New energy") && html.contains("Old ports"),
        "{html}"
    );
    assert!(!html.contains("Mid health"), "{html}");
}

#[test]
fn long_lists_have_numbered_pages_linked_in_order() {
    let articles: Vec<Article> = (0..45)
        .map(|n| {
            let day = format!("2020-01-{:02}", n % 28 + 1);
            let mut a = article(
                &format!("a{n:02}"),
                &format!("Piece {n:02}"),
                &day,
                &["trade"],
            );
            a.published = format!("20{:02}-01-01", n + 10).parse().unwrap();
            a
        })
        .collect();
    let collection = Rc::new(Collection::from_whole(ValidCorpus {
        title: "Many".to_string(),
        notice: None,
        articles,
        skipped: Vec::new(),
        refused_links: Vec::new(),
    }));
    let paths: Vec<String> = list_pages(&collection)
        .into_iter()
        .map(|f| f.path)
        .collect();
    assert_eq!(
        paths,
        [
            "",
            "page/2",
            "page/3",
            "keywords/trade",
            "keywords/trade/page/2",
            "keywords/trade/page/3",
            "authors/a-writer",
            "authors/a-writer/page/2",
            "authors/a-writer/page/3"
        ]
    );
    let second = render(&collection, "/", "/keywords/trade/page/2");
    assert!(
        second.contains("Page 2 of 3 · articles 21–40 of 45"),
        "{second}"
    );
    assert!(
        second.contains("<h1 id=\"page-heading\">Articles on trade</h1>"),
        "{second}"
    );
    assert!(
        second.contains("href=\"/keywords/trade\" rel=\"prev\""),
        "{second}"
    );
    assert!(
        second.contains("href=\"/keywords/trade/page/3\" rel=\"next\""),
        "{second}"
    );
    let first = render(&collection, "/", "/");
    assert!(first.contains("href=\"/page/2\" rel=\"next\""), "{first}");
    assert!(
        first.contains("<span aria-disabled=\"true\" class=\"button\">Previous page</span>"),
        "{first}"
    );
}

#[test]
fn each_list_page_counts_what_filtering_by_its_value_finds() {
    // Spellings of one keyword, and one article naming a keyword twice.
    let articles = vec![
        article("one", "One", "2020-01-01", &["Trade", "trade", "ports"]),
        article("two", "Two", "2021-01-01", &["TRADE ", "energy"]),
        article("three", "Three", "2022-01-01", &["energy", "Energy"]),
    ];
    let collection = Rc::new(Collection::from_whole(ValidCorpus {
        title: "Counts".to_string(),
        notice: None,
        articles,
        skipped: Vec::new(),
        refused_links: Vec::new(),
    }));
    let files = list_pages(&collection);
    for facet in [Facet::Keywords, Facet::Authors] {
        for value in collection.named(facet) {
            let query = ListQuery::default().with_value(facet, &value.label);
            let found = collection.list(&query).articles.map_or(0, |a| a.len());
            assert_eq!(found, value.count, "{}", value.label);
            let file = files
                .iter()
                .find(|f| f.title.contains(value.label.as_str()))
                .expect("a page for each value");
            assert!(
                file.description.starts_with(&count_text(found)),
                "{}",
                file.description
            );
        }
    }
}
