//! The light or dark theme. The page follows the system's colour scheme until the reader
//! picks one here; the choice is kept per site (as the reading history is) and set on
//! `<html data-theme>`, which the stylesheet's colour pairs follow. An inline script in
//! the page's head applies a kept choice before the first paint (see `index.html`).

use crate::storage;
use yew::prelude::*;

/// The storage name of the reader's choice ("light" or "dark").
pub const THEME: &str = "theme";

/// Whether the page now shows the dark theme: the reader's choice, else the system's.
fn dark_now() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let chosen = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches()),
    }
}

fn apply(theme: &str) {
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(html) = html {
        let _ = html.set_attribute("data-theme", theme);
    }
}

/// A button that switches to the other theme and keeps the choice.
#[component]
pub fn ThemeToggle() -> Html {
    // Rendered at publish time as the light theme's button; the app corrects it at once.
    let dark = use_state(|| false);
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            if let Some(kept) = storage::load(THEME).filter(|t| t == "dark" || t == "light") {
                apply(&kept);
            }
            dark.set(dark_now());
        });
    }
    let onclick = {
        let dark = dark.clone();
        Callback::from(move |_: MouseEvent| {
            let theme = if *dark { "light" } else { "dark" };
            apply(theme);
            storage::store(THEME, theme);
            dark.set(theme == "dark");
        })
    };
    html! {
        <button type="button" class="theme-toggle needs-script" aria-pressed={dark.to_string()} {onclick}>
            {"Dark theme"}
        </button>
    }
}
