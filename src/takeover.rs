//! How the app takes over a page that arrived pre-rendered: it draws the same view out of
//! sight, fetches what that view needs, and only then puts its drawing in place of the
//! static markup, in one step, so the reader never sees "Loading…" over content that was
//! already there. A page without pre-rendered content is drawn into at once.

use crate::app::{self, App, Load, ShellProps};
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{Document, Element};

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
        let first: Load = app::start().await.into();
        if !matches!(first, Load::Ready(_)) {
            // A failure says so in place of the page.
            draw(Some(shown), first);
            return;
        }
        if let Some(live) = hidden_root(&document, &shown) {
            draw(Some(live.clone()), first);
            swap_when_ready(shown, live);
        }
    });
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
/// it busy or loading at two looks in a row), or after `GIVE_UP_AFTER` looks.
fn swap_when_ready(shown: Element, live: Element) {
    let timer: Rc<RefCell<Option<Interval>>> = Rc::new(RefCell::new(None));
    let (mut looks, mut quiet) = (0u32, 0u32);
    let kept = timer.clone();
    let interval = Interval::new(LOOK_EVERY_MS, move || {
        looks += 1;
        quiet = if is_settled(&live) { quiet + 1 } else { 0 };
        if quiet >= 2 || looks >= GIVE_UP_AFTER {
            let focused = focused_id();
            let _ = shown.replace_with_with_node_1(&live);
            refocus(focused);
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
