//! Tests of the collection model over a small hand-made corpus.

use super::*;
use insight_corpus::{Block, Date, Inline};

fn article(id: &str, published: &str, keywords: &[&str]) -> Article {
    Article {
        id: id.to_string(),
        title: format!("Title {id}"),
        authors: vec!["A. Writer".to_string()],
        source: "Harbour Review".to_string(),
        published: published.parse::<Date>().unwrap(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        language: "en".to_string(),
        summary: "Summary.".to_string(),
        body: vec![Block::Paragraph {
            content: vec![Inline::text("Body.")],
        }],
        bio: None,
        url: None,
    }
}

fn collection() -> Collection {
    Collection::new(
        ValidCorpus {
            title: "Test".to_string(),
            notice: None,
            articles: vec![
                article("old", "2019-05-01", &["trade", "China", "US"]),
                article("new", "2024-01-10", &["trade", "us", "energy"]),
                article("mid", "2021-07-15", &["China", "energy", "US"]),
                article("solo", "2022-03-03", &["health"]),
            ],
            skipped: Vec::new(),
        },
        None,
    )
}

fn ids(collection: &Collection, positions: &[usize]) -> Vec<String> {
    positions
        .iter()
        .map(|&i| collection.articles()[i].id.clone())
        .collect()
}

#[test]
fn lists_newest_first() {
    let c = collection();
    let order: Vec<&str> = c.articles().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(order, ["new", "solo", "mid", "old"]);
}

#[test]
fn merges_keyword_spellings_and_uses_the_most_common() {
    let c = collection();
    let us = c.keywords().iter().find(|k| k.label == "US").unwrap();
    assert_eq!(us.count, 3);
    assert!(c.keywords().iter().all(|k| k.label != "us"));
    assert_eq!(c.keyword_label("uS"), "US");
    assert_eq!(c.keywords()[0].label, "US", "most frequent first");
}

#[test]
fn selecting_keywords_keeps_articles_with_all_of_them() {
    let c = collection();
    let view = c.list(&ListQuery::with_keywords(["us", "china"]));
    assert_eq!(ids(&c, &view.articles), ["mid", "old"]);
    let trade = view
        .facets
        .keywords
        .iter()
        .find(|k| k.label == "trade")
        .unwrap();
    assert_eq!(trade.count, 1, "counts follow the selection");
    assert!(
        view.facets
            .keywords
            .iter()
            .find(|k| k.label == "China")
            .unwrap()
            .selected
    );
    assert!(
        view.facets.keywords.iter().all(|k| k.label != "health"),
        "zero counts are hidden"
    );
}

#[test]
fn an_unknown_keyword_selects_nothing() {
    let c = collection();
    let view = c.list(&ListQuery::with_keywords(["trade", "nonsense"]));
    assert!(view.articles.is_empty());
}

#[test]
fn empty_query_lists_everything_newest_first() {
    let c = collection();
    let view = c.list(&ListQuery::default());
    assert_eq!(view.articles, [0, 1, 2, 3]);
    assert_eq!(view.facets.keywords.len(), c.keywords().len());
    let labels: Vec<&str> = view
        .facets
        .keywords
        .iter()
        .map(|k| k.label.as_str())
        .collect();
    let own: Vec<&str> = c.keywords().iter().map(|k| k.label.as_str()).collect();
    assert_eq!(
        labels, own,
        "the facet list and the collection agree on spellings and order"
    );
}

#[test]
fn search_text_narrows_and_ranks() {
    let c = collection();
    let view = c.list(&ListQuery::default().with_text("Title sol"));
    assert_eq!(ids(&c, &view.articles), ["solo"]);
}

#[test]
fn neighbours_follow_the_list_order() {
    let c = collection();
    let view = c.list(&ListQuery::with_keywords(["US"]));
    assert_eq!(ids(&c, &view.articles), ["new", "mid", "old"]);
    let (mid, _) = c.find("mid").unwrap();
    let around = view.neighbours(mid).unwrap();
    assert_eq!(
        ids(&c, &[around.previous.unwrap(), around.next.unwrap()]),
        ["new", "old"]
    );
    let (solo, _) = c.find("solo").unwrap();
    assert!(view.neighbours(solo).is_none());
}

#[test]
fn related_articles_share_the_most_keywords() {
    let c = collection();
    let (old, _) = c.find("old").unwrap();
    // "mid" shares China and US; "new" shares trade and US: a tie goes to the newest.
    assert_eq!(ids(&c, &c.related(old, 5)), ["new", "mid"]);
    let (solo, _) = c.find("solo").unwrap();
    assert!(c.related(solo, 5).is_empty());
}

#[test]
fn a_saved_index_is_used_only_when_it_fits() {
    let plain = collection();
    let articles: Vec<Article> = plain.articles().to_vec();
    let bytes = insight_search::SearchIndex::new(&articles).to_bytes(&articles);
    let corpus = |articles: Vec<Article>| ValidCorpus {
        title: "T".into(),
        notice: None,
        articles,
        skipped: Vec::new(),
    };
    // Given in another order, the articles are sorted first, so the index still fits.
    let mut shuffled = articles.clone();
    shuffled.reverse();
    let with_saved = Collection::new(corpus(shuffled), Some(&bytes));
    let query = ListQuery::with_keywords(["US"]);
    assert_eq!(with_saved.list(&query), plain.list(&query));
    // A stale index (another list) is ignored and the index is built afresh.
    let stale = Collection::new(corpus(articles[..2].to_vec()), Some(&bytes));
    assert_eq!(stale.list(&ListQuery::default()).articles, [0, 1]);
}
