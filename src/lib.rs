//! Insight Explorer: a Yew app that lets readers browse, filter and read a bundled
//! collection of commentary articles, served as static files.
//!
//! The pure parts (the collection model and the list's URL state) compile and are tested
//! natively; the views and the corpus download need a browser.

pub mod app;
pub mod collection;
pub mod components;
pub mod crash;
pub mod list_query;
pub mod load_error;
pub mod loader;
pub mod marks;
pub mod pages;
pub mod reading;
pub mod route;
pub mod scroll;
pub mod services;
pub mod storage;

/// Mounts the explorer on the page's `<body>`.
pub fn start() {
    crash::install_panic_hook();
    yew::Renderer::<app::App>::new().render();
}
