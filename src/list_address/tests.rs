//! Lists and their addresses, over a small collection held whole.

use super::*;
use insight_corpus::{Article, Block, Date, Inline, ValidCorpus};
use insight_search::{Facet, Sort};

fn article(id: &str, published: &str, author: &str, keywords: &[&str]) -> Article {
    Article {
        id: id.to_string(),
        title: format!("Title {id}"),
        authors: vec![author.to_string()],
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
    Collection::from_whole(ValidCorpus {
        title: "Test".to_string(),
        notice: None,
        articles: vec![
            article("a", "2020-01-01", "Jane Doe", &["Climate change", "US"]),
            article("b", "2021-01-01", "Li Wei", &["climate CHANGE", "气候"]),
        ],
        skipped: Vec::new(),
        refused_links: Vec::new(),
    })
}

fn path(address: &ListAddress) -> String {
    address.href(Some("/site"))
}

#[test]
fn one_keyword_or_author_has_its_own_address() {
    let c = collection();
    let keyword = ListQuery::with_keywords(["climate change"]);
    assert_eq!(
        path(&ListAddress::of(&c, &keyword, 1)),
        "/site/keywords/climate-change"
    );
    assert_eq!(
        path(&ListAddress::of(&c, &keyword, 3)),
        "/site/keywords/climate-change/page/3"
    );
    let author = ListQuery::default().with_value(Facet::Authors, "jane doe");
    assert_eq!(
        path(&ListAddress::of(&c, &author, 1)),
        "/site/authors/jane-doe"
    );
    assert_eq!(
        path(&ListAddress::of(&c, &ListQuery::default(), 1)),
        "/site/"
    );
    assert_eq!(
        path(&ListAddress::of(&c, &ListQuery::default(), 2)),
        "/site/page/2"
    );
    assert_eq!(
        ListAddress::of(&c, &ListQuery::with_keywords(["气候"]), 1).route,
        Route::Keyword {
            name: "气候".into()
        }
    );
}

#[test]
fn other_lists_keep_their_query_string() {
    let c = collection();
    let two = ListQuery::with_keywords(["US", "气候"]);
    assert_eq!(
        path(&ListAddress::of(&c, &two, 2)),
        "/site/?kw=US&kw=%E6%B0%94%E5%80%99&page=2"
    );
    let searched = ListQuery::with_keywords(["US"]).with_text("bonds");
    assert_eq!(
        path(&ListAddress::of(&c, &searched, 1)),
        "/site/?q=bonds&kw=US"
    );
    let sorted = ListQuery::with_keywords(["US"]).with_sort(Sort::Oldest);
    assert_eq!(
        path(&ListAddress::of(&c, &sorted, 1)),
        "/site/?kw=US&sort=oldest"
    );
    // A keyword the collection does not hold has no page.
    let unknown = ListQuery::with_keywords(["Mars"]);
    assert_eq!(path(&ListAddress::of(&c, &unknown, 1)), "/site/?kw=Mars");
}

#[test]
fn addresses_show_what_they_were_made_for() {
    let c = collection();
    for (query, page) in [
        (ListQuery::default(), 1),
        (ListQuery::default(), 4),
        (ListQuery::with_keywords(["Climate change"]), 2),
        (ListQuery::default().with_value(Facet::Authors, "Li Wei"), 1),
        (ListQuery::with_keywords(["US", "气候"]), 3),
        (ListQuery::with_keywords(["US"]).with_text("bonds"), 1),
    ] {
        let address = ListAddress::of(&c, &query, page);
        let query_string = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&address.query)
            .finish();
        let (shown, shown_page) = shown_at(&c, &address.route, &query_string).unwrap();
        assert_eq!(shown_page, page, "{address:?}");
        assert_eq!(ListAddress::of(&c, &shown, shown_page), address);
    }
    assert_eq!(
        shown_at(
            &c,
            &Route::Keyword {
                name: "mars".into()
            },
            ""
        ),
        None,
        "a keyword page of nothing"
    );
}
