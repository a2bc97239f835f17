//! Where the page is scrolled, page by page: opening another page starts at its top, and
//! going Back (or Forward) returns to where that page was left, so a reader who opens an
//! article from far down the list finds their place again. Changing only the list's
//! filters keeps the scroll where it is.

use crate::route::Route;
use gloo_events::EventListener;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use yew::prelude::*;
use yew_router::prelude::*;

/// How many pages' scroll positions are remembered.
const REMEMBERED: usize = 200;

thread_local! {
    /// The last scroll position of each address (path and query) visited.
    static POSITIONS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// Whether the address last changed by Back or Forward.
    static CAME_BACK: Cell<bool> = const { Cell::new(false) };
    /// The address whose position the app last set (or chose to leave).
    static HANDLED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The remembered position of the current address (the top if none).
fn remembered() -> f64 {
    address()
        .and_then(|a| POSITIONS.with_borrow(|p| p.get(&a).copied()))
        .unwrap_or(0.0)
}

/// How many times a restore tries again, a frame apart, while the page it returns to is
/// still shorter than the remembered position (its parts are still being drawn).
const RESTORE_TRIES: u32 = 30;

/// Scrolls to `y`; if the page cannot reach it yet, tries again a frame later, up to
/// `tries` more times, while the address is still the one it was for.
fn restore(y: f64, tries: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    window.scroll_to_with_x_and_y(0.0, y);
    let short = window.scroll_y().map(|now| now < y - 1.0).unwrap_or(false);
    if short && tries > 0 {
        let here = address();
        gloo_timers::callback::Timeout::new(16, move || {
            if address() == here {
                restore(y, tries - 1);
            }
        })
        .forget();
    }
}

/// The current address, as positions are remembered by.
fn address() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.pathname().ok()?,
        location.search().ok()?
    ))
}

/// Remembers each page's scroll position, and sets it when the address changes.
#[hook]
pub fn use_scroll_memory() {
    // Listeners for the app's lifetime: each scroll is remembered under the address it
    // happened at; Back and Forward are told apart from links by their `popstate`.
    use_effect_with((), |_| {
        let window = web_sys::window();
        let listeners = window.map(|window| {
            if let Ok(history) = window.history() {
                // The app sets the position itself, once the page it returns to is drawn.
                let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
            }
            // gloo's listeners are passive: remembering never delays scrolling.
            let scrolled = EventListener::new(&window, "scroll", |_| {
                let (Some(address), Some(y)) =
                    (address(), web_sys::window().and_then(|w| w.scroll_y().ok()))
                else {
                    return;
                };
                POSITIONS.with_borrow_mut(|positions| {
                    if positions.len() >= REMEMBERED && !positions.contains_key(&address) {
                        positions.clear();
                    }
                    positions.insert(address, y);
                });
            });
            // The router hears `popstate` too, and may have drawn the page it returns to
            // (and so set its position as if it were new) before this listener runs:
            // then the position is restored here, otherwise once that page is drawn.
            let went_back = EventListener::new(&window, "popstate", |_| {
                let now = address();
                if now.is_some() && HANDLED.with_borrow(|handled| *handled == now) {
                    restore(remembered(), RESTORE_TRIES);
                } else {
                    CAME_BACK.set(true);
                }
            });
            (scrolled, went_back)
        });
        move || drop(listeners)
    });
    let location = use_location();
    // The list's addresses are one page: choosing a keyword (which may give the list a
    // path of its own) keeps the scroll; the pager goes to the top itself.
    let route = use_route::<Route>();
    let path = match route.as_ref().and_then(Route::browse) {
        Some(_) => Some("the list".to_string()),
        None => location.as_ref().map(|l| l.path().to_string()),
    };
    let query = location.as_ref().map(|l| l.query_str().to_string());
    let previous_path = use_mut_ref(|| None::<String>);
    use_effect_with((path, query), move |(path, _)| {
        let Some(window) = web_sys::window() else {
            return;
        };
        HANDLED.set(address());
        let came_back = CAME_BACK.replace(false);
        let new_page = *previous_path.borrow() != *path;
        *previous_path.borrow_mut() = path.clone();
        if came_back {
            restore(remembered(), RESTORE_TRIES);
        } else if new_page {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}
