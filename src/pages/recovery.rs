//! Recovering from an empty result: which single filter, removed, brings back the most
//! articles.

use crate::collection::{Collection, Want};
use crate::list_query::ListQuery;
use insight_search::Facet;

/// A way out of an empty result: the query without one filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relaxation {
    /// What is removed, in words: `the search "x"`, `keyword “China”`.
    pub label: String,
    pub query: ListQuery,
    /// How many articles the relaxed query lists.
    pub count: usize,
}

/// The single removal that lists the most articles, or `None` if none lists any; with
/// what must be fetched before every removal can be counted (then `None` until it is).
pub fn best_relaxation(
    collection: &Collection,
    query: &ListQuery,
) -> (Option<Relaxation>, Vec<Want>) {
    let mut candidates: Vec<(String, ListQuery)> = Vec::new();
    if !query.text().trim().is_empty() {
        candidates.push((
            format!("the search “{}”", query.text().trim()),
            query.with_text(""),
        ));
    }
    for (facet, name) in [
        (Facet::Keywords, "keyword"),
        (Facet::Authors, "author"),
        (Facet::Sources, "source"),
        (Facet::Years, "year"),
    ] {
        for value in query.values(facet) {
            candidates.push((format!("{name} “{value}”"), query.toggled_in(facet, value)));
        }
    }
    let mut wants = Vec::new();
    let mut counted = Vec::new();
    for (label, query) in candidates {
        let view = collection.list(&query);
        match view.articles {
            Some(articles) => counted.push(Relaxation {
                label,
                query,
                count: articles.len(),
            }),
            None => wants.extend(view.wants),
        }
    }
    if !wants.is_empty() {
        return (None, wants);
    }
    let best = counted
        .into_iter()
        .filter(|r| r.count > 0)
        .max_by_key(|r| r.count);
    (best, wants)
}
