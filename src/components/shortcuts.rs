//! Keyboard shortcuts for reading: `j` and `k` move to the next and previous article (in
//! the list, from card to card; in the reader, to the neighbouring article), and `?`
//! opens a dialog listing every shortcut. None fires while the reader types in a field or
//! holds Ctrl, Alt or Meta. (`/`, which focuses the search box, lives with the box.) A
//! button in the footer opens the same dialog.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// The shortcuts as the dialog lists them: keys, what they do.
const SHORTCUTS: [(&str, &str); 4] = [
    (
        "j",
        "Next article: the next card in the list, the next article in the reader",
    ),
    ("k", "Previous article"),
    ("/", "Search"),
    ("?", "This list of shortcuts"),
];

/// The document-wide shortcuts and their dialog.
#[component]
pub fn Shortcuts() -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    // Not passive: a handled key's default (typing `?` or `j`) is prevented.
                    EventListener::new_with_options(
                        &document,
                        "keydown",
                        EventListenerOptions::enable_prevent_default(),
                        move |event| {
                            if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                                on_key(event, &dialog);
                            }
                        },
                    )
                });
            move || drop(listener)
        });
    }
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let open = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        })
    };
    html! {
        <>
        <p class="needs-script">
            <button type="button" class="link-button shortcuts-button" onclick={open}>{"Keyboard shortcuts"}</button>
            {" (press "}<kbd>{"?"}</kbd>{")"}
        </p>
        <dialog class="shortcuts" ref={dialog} aria-labelledby="shortcuts-heading">
            <h2 id="shortcuts-heading">{"Keyboard shortcuts"}</h2>
            <dl>
                { for SHORTCUTS.iter().map(|(key, what)| html! {
                    <>
                        <dt><kbd>{ *key }</kbd></dt>
                        <dd>{ *what }</dd>
                    </>
                }) }
            </dl>
            <button type="button" class="button" onclick={close}>{"Close"}</button>
        </dialog>
        </>
    }
}

fn on_key(event: &KeyboardEvent, dialog: &NodeRef) {
    if event.ctrl_key() || event.meta_key() || event.alt_key() || typing(event) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let handled = match event.key().as_str() {
        "j" => step(&document, 1),
        "k" => step(&document, -1),
        "?" => dialog.cast::<HtmlDialogElement>().is_some_and(|dialog| {
            // A modal dialog keeps focus inside it; closing it returns focus to where it
            // was.
            !dialog.open() && dialog.show_modal().is_ok()
        }),
        _ => false,
    };
    if handled {
        event.prevent_default();
    }
}

/// Whether the key goes to a field the reader is typing in (where no shortcut fires).
pub fn typing(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

/// Moves by `by` articles: to the neighbouring article in the reader, else from card to
/// card in the list (from the first, when no card has focus).
fn step(document: &web_sys::Document, by: i32) -> bool {
    let neighbour = if by > 0 {
        "a.neighbour.next"
    } else {
        "a.neighbour.previous"
    };
    if document.query_selector(".reader").ok().flatten().is_some() {
        return click(document.query_selector(neighbour).ok().flatten());
    }
    let Ok(cards) = document.query_selector_all(".article-list > li h2 a") else {
        return false;
    };
    let count = cards.length();
    if count == 0 {
        return false;
    }
    let active = document.active_element();
    let current = (0..count).find(|&i| {
        let card = cards.get(i).and_then(|n| n.dyn_into::<Element>().ok());
        card.is_some() && card == active
    });
    let next = match current {
        None => 0,
        Some(i) => (i64::from(i) + i64::from(by)).clamp(0, i64::from(count) - 1) as u32,
    };
    let Some(card) = cards
        .get(next)
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    else {
        return false;
    };
    // Focusing a card scrolls it into view.
    card.focus().is_ok()
}

fn click(link: Option<Element>) -> bool {
    match link.and_then(|l| l.dyn_into::<HtmlElement>().ok()) {
        Some(link) => {
            link.click();
            true
        }
        None => false,
    }
}
