//! Pages rendered at publish time, natively, by the same components the browser draws:
//! the shell at one address, over a collection held whole, as the HTML that goes inside
//! the page's `#app` element. The browser's app later draws the same markup over it
//! (see `takeover`).

use crate::app::{Load, Shell};
use crate::collection::Collection;
use std::rc::Rc;
use yew::prelude::*;
use yew::LocalServerRenderer;
use yew_router::history::{AnyHistory, History, MemoryHistory};
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

#[cfg(test)]
mod tests;
