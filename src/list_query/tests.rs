//! Tests of the list's URL state.

use super::*;

#[test]
fn reads_repeated_keyword_parameters() {
    let query = ListQuery::from_query_string("?kw=China&kw=US&page=2");
    assert_eq!(query.keywords(), ["China", "US"]);
}

#[test]
fn round_trips_through_the_address_bar() {
    let query = ListQuery::with_keywords(["technology policy", "数字经济", "R&D"]);
    let text = query.to_query_string();
    assert_eq!(
        text,
        "?kw=technology+policy&kw=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E&kw=R%26D"
    );
    assert_eq!(ListQuery::from_query_string(&text), query);
}

#[test]
fn search_text_facets_and_sort_round_trip() {
    let query = ListQuery::default()
        .with_text("\"green bonds\" -tariffs")
        .toggled_in(Facet::Authors, "Ingrid Vos")
        .toggled_in(Facet::Sources, "Lantern Quarterly")
        .toggled_in(Facet::Years, "2024")
        .toggled("finance")
        .with_sort(Sort::Oldest);
    let text = query.to_query_string();
    assert_eq!(
        text,
        "?q=%22green+bonds%22+-tariffs&kw=finance&author=Ingrid+Vos&source=Lantern+Quarterly&year=2024&sort=oldest"
    );
    assert_eq!(ListQuery::from_query_string(&text), query);
    let request = query.to_request();
    assert_eq!(request.years, [2024]);
    assert_eq!(request.sort, Sort::Oldest);
}

#[test]
fn sort_defaults_follow_the_text() {
    assert_eq!(ListQuery::default().sort(), Sort::Newest);
    assert_eq!(
        ListQuery::default().with_text("bonds").sort(),
        Sort::Relevance
    );
    assert_eq!(
        ListQuery::from_query_string("sort=bogus&year=soon").to_query_string(),
        ""
    );
}

#[test]
fn empty_selection_has_no_query_string() {
    assert_eq!(ListQuery::default().to_query_string(), "");
    assert!(ListQuery::from_query_string("").is_empty());
    assert!(ListQuery::from_query_string("?kw=&kw=%20&q=%20").is_empty());
}

#[test]
fn ignores_case_and_repeats() {
    let query = ListQuery::from_query_string("kw=US&kw=us&kw=%20US%20");
    assert_eq!(query.keywords(), ["US"]);
    assert!(query.contains("Us"));
}

#[test]
fn toggling_adds_then_removes() {
    let query = ListQuery::default().toggled("trade").toggled("China");
    assert_eq!(query.keywords(), ["trade", "China"]);
    let query = query.toggled("TRADE");
    assert_eq!(query.keywords(), ["China"]);
    assert!(query.without_facets().is_empty());
}

#[test]
fn folds_case_and_spacing() {
    assert_eq!(fold_keyword("  Technology   Policy "), "technology policy");
    assert_eq!(fold_keyword("创新"), "创新");
}
