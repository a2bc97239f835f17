//! A saved index reads back to the same search results, and anything else is refused.

use insight_corpus::Article;
use insight_ingest::{ingest, Options};
use insight_search::{SearchIndex, SearchRequest};
use proptest::prelude::*;
use std::path::PathBuf;

fn sample() -> Vec<Article> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/articles");
    ingest(&[folder], &Options::default()).articles
}

#[test]
fn a_saved_index_gives_the_same_results() {
    let articles = sample();
    let built = SearchIndex::new(&articles);
    let loaded =
        SearchIndex::from_bytes(&built.to_bytes(&articles), &articles).expect("reads back");
    for query in [
        "innovation cooperation",
        "创新合作",
        "\"flood insurance\"",
        "semicond",
        "author:lindqvist",
        "kw:China -trade",
        "",
    ] {
        let request = SearchRequest {
            years: vec![],
            ..SearchRequest::new(query)
        };
        assert_eq!(
            built.search(&articles, &request),
            loaded.search(&articles, &request),
            "{query}"
        );
    }
    let faceted = SearchRequest {
        authors: vec!["Rafael Duarte".into()],
        keywords: vec!["innovation".into()],
        ..SearchRequest::new("")
    };
    assert_eq!(
        built.search(&articles, &faceted),
        loaded.search(&articles, &faceted)
    );
    assert_eq!(built.keyword_counts(), loaded.keyword_counts());
}

#[test]
fn another_list_or_damaged_bytes_are_refused() {
    let articles = sample();
    let bytes = SearchIndex::new(&articles).to_bytes(&articles);
    let mut reordered = articles.clone();
    reordered.swap(0, 1);
    assert!(
        SearchIndex::from_bytes(&bytes, &reordered).is_none(),
        "built for another order"
    );
    assert!(
        SearchIndex::from_bytes(&bytes, &articles[1..]).is_none(),
        "built for another list"
    );
    assert!(
        SearchIndex::from_bytes(&bytes[..bytes.len() - 1], &articles).is_none(),
        "cut short"
    );
    assert!(SearchIndex::from_bytes(b"not an index", &articles).is_none());
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut with_magic = b"IXSRCH01".to_vec();
        with_magic.extend_from_slice(&bytes);
        let _ = SearchIndex::from_bytes(&with_magic, &[]);
        let _ = SearchIndex::from_bytes(&bytes, &[]);
    }
}
