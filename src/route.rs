//! The explorer's addresses: the list and its pages, a page per keyword and per author
//! (with pages of their own), one reader per article, and not-found for the rest. Every
//! one of them is also a file of the published site (see `prerender`).

use insight_search::Facet;
use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// The article list's first page; `?q=`, `?kw=`… parameters carry a search or a
    /// selection that has no address of its own.
    #[at("/")]
    List,
    /// A later page of the whole list.
    #[at("/page/:page")]
    ListPage { page: usize },
    /// The articles with one keyword, by its page name (see `page_names`).
    #[at("/keywords/:name")]
    Keyword { name: String },
    #[at("/keywords/:name/page/:page")]
    KeywordPage { name: String, page: usize },
    /// The articles of one author.
    #[at("/authors/:name")]
    Author { name: String },
    #[at("/authors/:name/page/:page")]
    AuthorPage { name: String, page: usize },
    /// One article; the list's query rides along so previous/next follow that list.
    #[at("/articles/:id")]
    Reader { id: String },
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

/// A list address's own part: which keyword's or author's articles (by page name), if
/// any, and which page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browse {
    pub value: Option<(Facet, String)>,
    pub page: usize,
}

impl Route {
    /// What a list address shows, or `None` for the other addresses.
    pub fn browse(&self) -> Option<Browse> {
        let (value, page) = match self {
            Route::List => (None, 1),
            Route::ListPage { page } => (None, *page),
            Route::Keyword { name } => (Some((Facet::Keywords, name.clone())), 1),
            Route::KeywordPage { name, page } => (Some((Facet::Keywords, name.clone())), *page),
            Route::Author { name } => (Some((Facet::Authors, name.clone())), 1),
            Route::AuthorPage { name, page } => (Some((Facet::Authors, name.clone())), *page),
            Route::Reader { .. } | Route::NotFound => return None,
        };
        Some(Browse { value, page })
    }

    /// The address of a [`Browse`]; `None` for a facet that has no pages (sources and
    /// years are chosen in the filters alone).
    pub fn of_browse(browse: Browse) -> Option<Route> {
        let page = browse.page.max(1);
        Some(match (browse.value, page) {
            (None, 1) => Route::List,
            (None, page) => Route::ListPage { page },
            (Some((Facet::Keywords, name)), 1) => Route::Keyword { name },
            (Some((Facet::Keywords, name)), page) => Route::KeywordPage { name, page },
            (Some((Facet::Authors, name)), 1) => Route::Author { name },
            (Some((Facet::Authors, name)), page) => Route::AuthorPage { name, page },
            (Some(_), _) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_addresses_round_trip() {
        for route in [
            Route::List,
            Route::ListPage { page: 3 },
            Route::Keyword {
                name: "china".into(),
            },
            Route::KeywordPage {
                name: "气候".into(),
                page: 2,
            },
            Route::Author {
                name: "jane-doe".into(),
            },
            Route::AuthorPage {
                name: "jane-doe".into(),
                page: 9,
            },
        ] {
            let browse = route.browse().expect("a list address");
            assert_eq!(Route::of_browse(browse), Some(route.clone()));
            assert_eq!(Route::recognize(&route.to_path()), Some(route));
        }
        assert_eq!(Route::Reader { id: "x".into() }.browse(), None);
        assert_eq!(Route::recognize("/page/two"), Some(Route::NotFound));
        assert_eq!(
            Route::Keyword {
                name: "气候".into()
            }
            .to_path(),
            "/keywords/%E6%B0%94%E5%80%99"
        );
    }
}
