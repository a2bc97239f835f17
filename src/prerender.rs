//! Pages rendered at publish time, natively, by the same components the browser draws:
//! the shell at one address, over a collection held whole, as the HTML that goes inside
//! the page's `#app` element. The browser's app later draws the same markup over it
//! (see `takeover`).

use crate::app::{Load, Shell};
use crate::collection::Collection;
use crate::components::pager::{grouped, page_count};
use crate::list_address::ListAddress;
use crate::list_query::ListQuery;
use crate::pages::list::{count_text, list_title, PAGE};
use insight_search::Facet;
use std::rc::Rc;
use yew::prelude::*;
use yew::LocalServerRenderer;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::Routable;
use yew_router::Router;

#[derive(Properties)]
struct PageProps {
    collection: Rc<Collection>,
    /// The page's address, the site's public path included.
    path: AttrValue,
    /// The site's public path, such as `/` or `/insight-explorer/`.
    basename: AttrValue,
}

impl PartialEq for PageProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.collection, &other.collection)
            && self.path == other.path
            && self.basename == other.basename
    }
}

#[component]
fn Page(props: &PageProps) -> Html {
    let history: AnyHistory = MemoryHistory::new().into();
    history.push(props.path.as_str());
    let basename = props.basename.trim_end_matches('/').to_string();
    html! {
        <Router {history} basename={(!basename.is_empty()).then(|| AttrValue::from(basename))}>
            <Shell first={Load::Ready(props.collection.clone())} />
        </Router>
    }
}

/// The markup of the page at `path` (an address under `basename`, such as
/// `/insight-explorer/articles/some-id`).
pub fn render(collection: &Rc<Collection>, basename: &str, path: &str) -> String {
    let props = PageProps {
        collection: collection.clone(),
        path: AttrValue::from(path.to_string()),
        basename: AttrValue::from(basename.to_string()),
    };
    let renderer = LocalServerRenderer::<Page>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// A page of a list that the site publishes (the articles' own pages aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPageFile {
    /// Its address under the site, such as `keywords/trade/page/2` (empty for the list's
    /// first page), percent-encoded as in a link.
    pub address: String,
    /// The same, decoded, as the page's file is named (with `.html`).
    pub path: String,
    /// Its `<title>` (the one the app sets) and meta description.
    pub title: String,
    pub description: String,
}

/// Every page of the list, of each keyword's articles and of each author's, in that
/// order: the pages a reader without JavaScript walks through, and crawlers find.
pub fn list_pages(collection: &Collection) -> Vec<ListPageFile> {
    // How many articles each list holds comes from the manifest: a value's count is the
    // number of articles carrying it, which is what filtering by it finds (values are
    // one per spelling-insensitive name, counted once per article). Searching for each of
    // tens of thousands of values would take seconds at 100,000 articles.
    let mut lists = vec![(ListQuery::default(), None, collection.len())];
    for facet in [Facet::Keywords, Facet::Authors] {
        for value in collection.named(facet) {
            let query = ListQuery::default().with_value(facet, &value.label);
            lists.push((query, Some((facet, value.label)), value.count));
        }
    }
    let mut files = Vec::new();
    for (query, value, total) in lists {
        let pages = page_count(total, PAGE);
        for page in 1..=pages {
            let path = ListAddress::of(collection, &query, page).route.to_path();
            let decoded = percent_encoding::percent_decode_str(&path).decode_utf8_lossy();
            let what = match &value {
                None => format!(
                    "{}: {} to browse, filter, search and read.",
                    collection.title,
                    count_text(total).to_lowercase()
                ),
                Some((Facet::Keywords, label)) => {
                    format!("{} on {label} in {}.", count_text(total), collection.title)
                }
                Some((_, label)) => {
                    format!("{} by {label} in {}.", count_text(total), collection.title)
                }
            };
            let description = if pages > 1 {
                format!("{what} Page {} of {}.", grouped(page), grouped(pages))
            } else {
                what
            };
            files.push(ListPageFile {
                address: path.trim_start_matches('/').to_string(),
                path: decoded.trim_start_matches('/').to_string(),
                title: list_title(collection, &query, page),
                description,
            });
        }
    }
    files
}

#[cfg(test)]
mod tests;
