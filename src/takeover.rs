//! How the app takes over a page that arrived pre-rendered: it draws the same view out of
//! sight, fetches what that view needs, and only then puts its drawing in place of the
//! static markup, in one step, so the reader never sees "Loading…" over content that was
//! already there. A page without pre-rendered content is drawn into at once. Where the
//! collection cannot be started, the page's content stays and a notice above it says why
//! (see `StartNotice`).

use crate::app::{self, App, Load, ShellProps};
use crate::collection::Collection;
use crate::components::start_notice::{StartNotice, StartNoticeProps};
use crate::services::LoadError;
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{Document, Element};
use yew::{AppHandle, Callback};

/// The element that holds the app, pre-rendered or not.
const ROOT_ID: &str = "app";
/// The attribute the root carries once the app draws it (for tests and benchmarks:
/// before it, what shows is the static page).
const LIVE: &str = "data-live";

/// How often the hidden drawing is looked at, and for how long at most: a view still
/// fetching after that is shown as it is (saying what it is fetching).
const LOOK_EVERY_MS: u32 = 16;
const GIVE_UP_AFTER: u32 = 3000 / LOOK_EVERY_MS;

/// Draws the app: over the page's pre-rendered content once the collection has started
/// and the view has what it needs, or at once (starting with "Loading…") where the page
/// has none.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let root = document.get_element_by_id(ROOT_ID);
    let Some(shown) = root.clone().filter(|e| e.child_element_count() > 0) else {
        draw(
            root.or_else(|| document.body().map(Into::into)),
            Load::Loading,
        );
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match app::start().await {
            Ok(collection) => take_over(&document, shown, collection, || ()),
            Err(error) => show_notice(&document, shown, error),
        }
    });
}

/// Draws the app out of sight from `collection`, then in place of `shown`; `after` runs
/// once it is in place.
fn take_over(
    document: &Document,
    shown: Element,
    collection: Rc<Collection>,
    after: impl FnOnce() + 'static,
) {
    if let Some(live) = hidden_root(document, &shown) {
        draw(Some(live.clone()), Load::Ready(collection));
        swap_when_ready(shown, live, after);
    }
}

/// Puts a notice of `error` at the top of the page's main content, which stays as it
/// is. A retry that starts the collection takes the page over.
fn show_notice(document: &Document, shown: Element, error: LoadError) {
    let Ok(host) = document.create_element("div") else {
        return;
    };
    host.set_class_name("start-notice");
    let _ = host.set_attribute(LIVE, "");
    let main = shown.query_selector("#content").ok().flatten();
    let parent = main.unwrap_or_else(|| shown.clone());
    let _ = parent.insert_before(&host, parent.first_child().as_ref());
    // The notice's own app is let go once the page is taken over: it sits in the old
    // content, which leaves the document then.
    let handle: Rc<RefCell<Option<AppHandle<StartNotice>>>> = Rc::new(RefCell::new(None));
    let onstarted = {
        let (document, handle) = (document.clone(), handle.clone());
        Callback::from(move |collection: Rc<Collection>| {
            let handle = handle.clone();
            take_over(&document, shown.clone(), collection, move || {
                if let Some(notice) = handle.borrow_mut().take() {
                    notice.destroy();
                }
            });
        })
    };
    let props = StartNoticeProps { error, onstarted };
    *handle.borrow_mut() =
        Some(yew::Renderer::<StartNotice>::with_root_and_props(host, props).render());
}

fn draw(root: Option<Element>, first: Load) {
    let props = ShellProps { first };
    match root {
        Some(root) => {
            let _ = root.set_attribute(LIVE, "");
            yew::Renderer::<App>::with_root_and_props(root, props).render()
        }
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}

/// An element like `shown`, not in the document, for the app to draw into.
fn hidden_root(document: &Document, shown: &Element) -> Option<Element> {
    let live = document.create_element(&shown.tag_name()).ok()?;
    live.set_id(ROOT_ID);
    live.set_class_name(&shown.class_name());
    Some(live)
}

/// Puts `live` in place of `shown` once its view has everything it fetches (nothing in
/// it busy or loading at two looks in a row), or after `GIVE_UP_AFTER` looks; then runs
/// `after`.
fn swap_when_ready(shown: Element, live: Element, after: impl FnOnce() + 'static) {
    let timer: Rc<RefCell<Option<Interval>>> = Rc::new(RefCell::new(None));
    let (mut looks, mut quiet) = (0u32, 0u32);
    let kept = timer.clone();
    let mut after = Some(after);
    let interval = Interval::new(LOOK_EVERY_MS, move || {
        looks += 1;
        quiet = if is_settled(&live) { quiet + 1 } else { 0 };
        if quiet >= 2 || looks >= GIVE_UP_AFTER {
            let focused = focused_id();
            let _ = shown.replace_with_with_node_1(&live);
            refocus(focused);
            if let Some(after) = after.take() {
                after();
            }
            kept.borrow_mut().take();
        }
    });
    *timer.borrow_mut() = Some(interval);
}

fn is_settled(live: &Element) -> bool {
    live.child_element_count() > 0
        && live
            .query_selector("[aria-busy=\"true\"], .loading")
            .ok()
            .flatten()
            .is_none()
}

/// The id of the element that has focus, if it has one.
fn focused_id() -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    Some(active.id()).filter(|id| !id.is_empty())
}

/// Gives focus back to the element of that id, now the app's.
fn refocus(id: Option<String>) {
    use wasm_bindgen::JsCast;
    let element = id
        .and_then(|id| web_sys::window()?.document()?.get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
