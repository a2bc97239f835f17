//! The explorer's addresses: the list, one reader per article, and not-found for the rest.

use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// The article list; `?kw=` parameters carry the keyword selection.
    #[at("/")]
    List,
    /// One article; the list's query rides along so previous/next follow that list.
    #[at("/articles/:id")]
    Reader { id: String },
    #[not_found]
    #[at("/not-found")]
    NotFound,
}
