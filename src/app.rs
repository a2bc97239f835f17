//! The page shell: routes between the list, the reader and not-found, with a skip link,
//! header and footer around them. In the browser it starts from the collection as
//! [`start`] found it (and starts again on retry); at publish time it renders a page of a
//! collection held whole (see `prerender`).

use crate::collection::{Collection, SharedCollection, Want};
use crate::components::load_failure::LoadFailure;
use crate::components::shortcuts::Shortcuts;
use crate::components::theme_toggle::ThemeToggle;
use crate::loader;
use crate::marks;
use crate::pages::{list::ListAt, not_found::NotFoundPage, reader::ReaderPage};
use crate::reading::{use_reading, Reading};
use crate::route::Route;
use crate::scroll::use_scroll_memory;
use crate::services::{load_start, LoadError, Start};
use crate::storage::Kept;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// Where the collection's start stands.
#[derive(Clone)]
pub enum Load {
    Loading,
    Failed(LoadError),
    Ready(Rc<Collection>),
}

impl PartialEq for Load {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Load::Loading, Load::Loading) => true,
            (Load::Failed(a), Load::Failed(b)) => a == b,
            (Load::Ready(a), Load::Ready(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl From<Result<Rc<Collection>, LoadError>> for Load {
    fn from(started: Result<Rc<Collection>, LoadError>) -> Load {
        match started {
            Ok(collection) => Load::Ready(collection),
            Err(error) => Load::Failed(error),
        }
    }
}

/// What the shell starts from.
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The collection's start, as far as it has gone.
    pub first: Load,
}

/// How views ask for what they lack: the loader fetches it and the shell draws again.
/// `retry` forgets what failed, so it is asked for again.
#[derive(Clone, PartialEq)]
pub struct Fetcher {
    pub fetch: Callback<Vec<Want>>,
    pub retry: Callback<()>,
}

/// The explorer in the browser, at the address the browser shows.
#[component]
pub fn App(props: &ShellProps) -> Html {
    html! {
        <BrowserRouter>
            <Shell first={props.first.clone()} />
        </BrowserRouter>
    }
}

/// Starts the collection: the manifest and the newest list piece (or a whole corpus of
/// format 1), so the first view draws with its data.
pub async fn start() -> Result<Rc<Collection>, LoadError> {
    let collection = match load_start().await? {
        Start::Whole(corpus) => Collection::from_whole(corpus),
        Start::Pieces(manifest) => {
            let collection = Collection::from_manifest(manifest);
            if let Some(newest) = collection.manifest().lists.len().checked_sub(1) {
                let want = Want::List(newest);
                let result = loader::fetch(&collection, &want).await;
                collection.finish(&want, result);
                marks::mark(marks::CORPUS_DECODED);
            }
            collection
        }
    };
    marks::mark(marks::INDEX_READY);
    Ok(Rc::new(collection))
}

#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let load = use_state(|| props.first.clone());
    let reading = use_reading();
    let attempt = use_state(|| 0u32);
    let redraw = use_force_update();
    {
        let load = load.clone();
        use_effect_with(*attempt, move |attempt| {
            if *attempt == 0 && !matches!(*load, Load::Loading) {
                // Started (or failed) before the shell was drawn.
                return;
            }
            load.set(Load::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                load.set(start().await.into());
            });
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };
    let fetcher = {
        let collection = match &*load {
            Load::Ready(collection) => Some(collection.clone()),
            _ => None,
        };
        let retry = {
            let (collection, redraw) = (collection.clone(), redraw.clone());
            Callback::from(move |_| {
                if let Some(collection) = &collection {
                    collection.retry();
                    redraw.force_update();
                }
            })
        };
        // Pieces that arrive close together are drawn once: each arrival asks for a
        // redraw on the next turn of the event loop, and one is enough.
        let scheduled = Rc::new(std::cell::Cell::new(false));
        let fetch = Callback::from(move |wants: Vec<Want>| {
            let Some(collection) = &collection else {
                return;
            };
            for want in collection.start_fetching(wants) {
                let (collection, redraw) = (collection.clone(), redraw.clone());
                let scheduled = scheduled.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = loader::fetch(&collection, &want).await;
                    collection.finish(&want, result);
                    if !scheduled.replace(true) {
                        gloo_timers::callback::Timeout::new(0, move || {
                            scheduled.set(false);
                            redraw.force_update();
                        })
                        .forget();
                    }
                });
            }
        });
        Fetcher { fetch, retry }
    };
    use_scroll_memory();

    let skip_to_content = Callback::from(skip_to_content);
    let (title, notice) = match &*load {
        Load::Ready(collection) => (collection.title.clone(), collection.notice.clone()),
        _ => ("Insight Explorer".to_string(), None),
    };
    let content = match &*load {
        Load::Loading => html! {
            <div class="loading" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                {"Loading the collection…"}
            </div>
        },
        Load::Failed(error) => html! { <LoadFailure error={error.clone()} onretry={retry} /> },
        Load::Ready(collection) => {
            let collection = SharedCollection::new(collection.clone());
            html! { <Switch<Route> render={move |route| switch(route, collection.clone())} /> }
        }
    };
    html! {
        <>
            <a class="skip-link" href="#content" onclick={skip_to_content}>{"Skip to content"}</a>
            <header class="site-header">
                <Link<Route> to={Route::List} classes="site-title">{title}</Link<Route>>
                <span class="site-tagline">{"Insight Explorer"}</span>
                <ThemeToggle />
            </header>
            <main id="content" tabindex="-1">
                <ContextProvider<Reading> context={reading.clone()}>
                    <ContextProvider<Fetcher> context={fetcher}>{content}</ContextProvider<Fetcher>>
                </ContextProvider<Reading>>
            </main>
            <footer class="site-footer">
                if let Some(notice) = notice { <p class="notice">{notice}</p> }
                { reading_note(&reading) }
                <p>{"Built with Insight Explorer: a static, in-browser article explorer."}</p>
                <Shortcuts />
            </footer>
        </>
    }
}

/// Asks the loader for `wants` whenever they change (and the collection with them).
#[hook]
pub fn use_wants(collection: &SharedCollection, wants: Vec<Want>) {
    let fetcher = use_context::<Fetcher>().expect("the shell provides the fetcher");
    use_effect_with((collection.clone(), wants), move |(_, wants)| {
        if !wants.is_empty() {
            fetcher.fetch.emit(wants.clone());
        }
    });
}

/// Says how the reading history is kept, with a way to forget it.
fn reading_note(reading: &Reading) -> Html {
    if reading.history.is_empty() {
        return html! {};
    }
    let onclick = reading.forget.reform(|_: MouseEvent| ());
    html! {
        <p class="reading-note">
            { match reading.kept {
                Kept::Saved => "Articles you have opened are marked Read; only this browser knows.",
                Kept::ThisVisitOnly => "Articles you have opened are marked Read until you close this page: this browser does not let the site save them.",
            } }
            {" "}
            <button type="button" class="link-button" {onclick}>{"Forget reading history"}</button>
        </p>
    }
}

/// Moves focus to the main content. The link's own `#content` would resolve against the
/// page's `<base href>` and load the list instead of staying on the current page.
fn skip_to_content(event: MouseEvent) {
    event.prevent_default();
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("content"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
        main.scroll_into_view();
    }
}

fn switch(route: Route, collection: SharedCollection) -> Html {
    match route {
        Route::Reader { id } => html! { <ReaderPage {collection} {id} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        route => html! { <ListAt {collection} {route} /> },
    }
}
