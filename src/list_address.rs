//! Where a list is: a [`ListQuery`] and page as an address (the list's own pages and a
//! keyword's or an author's pages have paths, which are files of the published site;
//! any other query rides in the query string), and back from an address to what it shows.

use crate::collection::Collection;
use crate::list_query::ListQuery;
use crate::route::{Browse, Route};
use insight_search::Facet;
use yew_router::Routable;

/// An address of the list: its route and query-string parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListAddress {
    pub route: Route,
    pub query: Vec<(String, String)>,
}

impl ListAddress {
    /// The address of `query`'s list at `page` (from 1).
    pub fn of(collection: &Collection, query: &ListQuery, page: usize) -> ListAddress {
        let page = page.max(1);
        let own = query.browsed().and_then(|value| {
            let value = match value {
                None => None,
                Some((facet, label)) => Some((facet, collection.page_name(facet, label)?)),
            };
            Route::of_browse(Browse { value, page })
        });
        if let Some(route) = own {
            return ListAddress {
                route,
                query: Vec::new(),
            };
        }
        let mut query = query.to_pairs();
        if page > 1 {
            query.push(("page".to_string(), page.to_string()));
        }
        ListAddress {
            route: Route::List,
            query,
        }
    }

    /// The address as a link's `href`, under the site's `basename` (such as
    /// `/insight-explorer`, without the last slash).
    pub fn href(&self, basename: Option<&str>) -> String {
        let mut href = format!("{}{}", basename.unwrap_or(""), self.route.to_path());
        if !self.query.is_empty() {
            href.push('?');
            href.push_str(
                &form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(&self.query)
                    .finish(),
            );
        }
        href
    }
}

/// A keyword or author with the address of its articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueLink {
    pub label: String,
    pub to: ListAddress,
}

/// Links to the articles of each of `labels`, values of `facet`.
pub fn value_links(collection: &Collection, facet: Facet, labels: &[String]) -> Vec<ValueLink> {
    labels
        .iter()
        .map(|label| ValueLink {
            label: label.clone(),
            to: ListAddress::of(
                collection,
                &ListQuery::default().with_value(facet, label),
                1,
            ),
        })
        .collect()
}

/// What the list at `route` (with `query_string`, such as `?q=bonds&page=2`) shows, and
/// which page; `None` when the route names a keyword or author the collection does not
/// hold. Any address that is not a list's shows its query string's list.
pub fn shown_at(
    collection: &Collection,
    route: &Route,
    query_string: &str,
) -> Option<(ListQuery, usize)> {
    let mut query = ListQuery::from_query_string(query_string);
    let asked_page = form_urlencoded::parse(query_string.trim_start_matches('?').as_bytes())
        .find(|(name, _)| name == "page")
        .and_then(|(_, value)| value.parse::<usize>().ok())
        .unwrap_or(1);
    let Some(browse) = route.browse() else {
        return Some((query, asked_page.max(1)));
    };
    if let Some((facet, name)) = &browse.value {
        query = query.with_value(*facet, &collection.value_named(*facet, name)?);
    }
    let page = if browse.page > 1 {
        browse.page
    } else {
        asked_page
    };
    Some((query, page.max(1)))
}

#[cfg(test)]
mod tests;
