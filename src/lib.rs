//! Insight Explorer: a Yew app that lets readers browse, filter and read a bundled
//! collection of commentary articles, served as static files.
//!
//! The pure parts (the collection model and the list's URL state) compile and are tested
//! natively; the views and the corpus download need a browser.

pub mod app;
pub mod cite;
pub mod collection;
pub mod components;
pub mod crash;
pub mod list_address;
pub mod list_query;
pub mod load_error;
pub mod loader;
pub mod marks;
pub mod page_names;
pub mod pages;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod prerender;
pub mod reading;
pub mod route;
pub mod scroll;
pub mod services;
pub mod storage;
pub mod takeover;

/// Starts the collection, then draws the explorer over the page (see `takeover`).
pub fn start() {
    crash::install_panic_hook();
    takeover::start();
}
