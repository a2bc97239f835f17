//! The engine's behaviour on small hand-made collections: ranking, ties, syntax,
//! folding, facets and sorting.

use insight_corpus::{Article, Block, Inline};
use insight_search::{SearchIndex, SearchRequest, Sort};

fn article(
    id: &str,
    title: &str,
    body: &str,
    date: &str,
    authors: &[&str],
    source: &str,
    keywords: &[&str],
) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        authors: authors.iter().map(|a| a.to_string()).collect(),
        source: source.into(),
        published: date.parse().unwrap(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        language: "en".into(),
        summary: String::new(),
        body: vec![Block::Paragraph {
            content: vec![Inline::text(body)],
        }],
        bio: None,
        url: None,
    }
}

fn collection() -> Vec<Article> {
    vec![
        article("title", "Innovation and cooperation in ports", "Short.", "2019-01-01", &["Ana Ruiz"], "Harbour", &["trade"]),
        article("body", "Ports", "A long text that mentions innovation once and cooperation once, among many other words about ports and shipping and trade.", "2024-01-01", &["Ben Ode"], "Harbour", &["Trade", "ports"]),
        article("cafe", "Café culture and city centres", "Cafés keep streets alive.", "2021-05-05", &["Ana Ruiz"], "Ledger", &["cities"]),
        article("newer-tie", "Green bonds", "Green bonds again.", "2022-02-02", &["Cy Pak"], "Ledger", &["finance", "trade"]),
        article("older-tie", "Green bonds", "Green bonds again.", "2020-02-02", &["Cy Pak"], "Harbour", &["finance", "trade"]),
        article("zh", "区域创新合作的账本", "区域创新合作要算清楚账。", "2023-03-03", &["李文"], "东岸", &["创新"]),
    ]
}

fn ids(articles: &[Article], request: &SearchRequest) -> Vec<String> {
    let index = SearchIndex::new(articles);
    index
        .search(articles, request)
        .hits
        .iter()
        .map(|h| articles[h.article].id.clone())
        .collect()
}

fn search(query: &str) -> Vec<String> {
    ids(&collection(), &SearchRequest::new(query))
}

#[test]
fn both_words_in_the_title_beat_one_mention_in_the_body() {
    assert_eq!(search("innovation cooperation"), ["title", "body"]);
}

#[test]
fn ties_go_newest_first() {
    assert_eq!(search("green bonds"), ["newer-tie", "older-tie"]);
}

#[test]
fn folding_stemming_prefixes_and_chinese() {
    assert_eq!(search("cafe"), ["cafe"]);
    assert_eq!(search("CAFÉS"), ["cafe"]);
    assert_eq!(search("innovations"), ["title", "body"]);
    assert_eq!(
        search("coop"),
        ["title", "body"],
        "the last word is a prefix while typing"
    );
    assert!(
        search("coop ").is_empty(),
        "a finished word is a whole word"
    );
    assert_eq!(search("创新合作"), ["zh"]);
    assert_eq!(
        search("合作账"),
        Vec::<String>::new(),
        "Chinese runs must be adjacent"
    );
}

#[test]
fn phrases_exclusions_and_fields() {
    assert_eq!(search("\"green bonds\""), ["newer-tie", "older-tie"]);
    assert_eq!(search("\"bonds green\""), Vec::<String>::new());
    assert_eq!(search("ports -shipping"), ["title"]);
    assert_eq!(search("author:ruiz"), ["cafe", "title"]);
    assert_eq!(search("source:ledger bonds"), ["newer-tie"]);
    assert_eq!(
        search("kw:trade"),
        ["body", "newer-tie", "older-tie", "title"]
    );
    assert_eq!(search("year:2020..2022 green"), ["newer-tie", "older-tie"]);
    assert_eq!(search("2021..2024"), ["body", "zh", "newer-tie", "cafe"]);
}

#[test]
fn facets_count_for_the_query_and_the_other_filters() {
    let articles = collection();
    let index = SearchIndex::new(&articles);
    let request = SearchRequest {
        sources: vec!["Harbour".into()],
        ..SearchRequest::new("")
    };
    let results = index.search(&articles, &request);
    assert_eq!(results.total, 3);
    let count = |list: &[insight_search::FacetCount], label: &str| {
        list.iter()
            .find(|f| f.label.eq_ignore_ascii_case(label))
            .map(|f| f.count)
    };
    // Sources are counted without the source selection (OR within sources)...
    assert_eq!(count(&results.facets.sources, "Ledger"), Some(2));
    assert!(
        results
            .facets
            .sources
            .iter()
            .find(|f| f.label == "Harbour")
            .unwrap()
            .selected
    );
    // ...other facets with it.
    assert_eq!(
        count(&results.facets.keywords, "trade"),
        Some(3),
        "Trade and trade are one keyword"
    );
    assert_eq!(count(&results.facets.keywords, "cities"), None);

    let two_authors = SearchRequest {
        authors: vec!["Ana Ruiz".into(), "Cy Pak".into()],
        ..SearchRequest::new("")
    };
    assert_eq!(
        index.search(&articles, &two_authors).total,
        4,
        "OR within authors"
    );
    let two_keywords = SearchRequest {
        keywords: vec!["trade".into(), "finance".into()],
        ..SearchRequest::new("")
    };
    assert_eq!(
        ids(&articles, &two_keywords),
        ["newer-tie", "older-tie"],
        "AND within keywords"
    );
}

#[test]
fn sorting() {
    let articles = collection();
    let newest = SearchRequest {
        sort: Sort::Newest,
        ..SearchRequest::new("ports")
    };
    assert_eq!(ids(&articles, &newest), ["body", "title"]);
    let oldest = SearchRequest {
        sort: Sort::Oldest,
        ..SearchRequest::new("")
    };
    assert_eq!(
        ids(&articles, &oldest).first().map(String::as_str),
        Some("title")
    );
}
