//! The search box: `<input type="search">` labelled "Search articles", updating the list
//! as the reader types; `/` anywhere on the page (outside a text field) focuses it. With
//! scripts off (the pre-rendered page), it says that search needs JavaScript.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: String,
    pub onsearch: Callback<String>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let input = use_node_ref();
    use_slash_to_focus(input.clone());
    let oninput = props
        .onsearch
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <form class="search-box" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label for="search-input">{"Search articles"}</label>
            <input id="search-input" ref={input} type="search" autocomplete="off" spellcheck="false"
                placeholder="Words, \"a phrase\", -exclude, author:name, year:2021 — press / to search"
                value={props.value.clone()} {oninput} />
            // Shown only by a browser that runs no script: the page as published.
            <noscript><p class="no-script">{"Search and the filters need JavaScript; every article can still be read by following its title."}</p></noscript>
        </form>
    }
}

/// Focuses `input` when the reader presses `/` while not typing in a field.
#[hook]
fn use_slash_to_focus(input: NodeRef) {
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                EventListener::new_with_options(
                    &document,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                            return;
                        };
                        if event.key() != "/"
                            || event.ctrl_key()
                            || event.meta_key()
                            || event.alt_key()
                        {
                            return;
                        }
                        let typing = crate::components::shortcuts::typing(event);
                        if let (false, Some(input)) = (typing, input.cast::<HtmlInputElement>()) {
                            event.prevent_default();
                            let _ = input.focus();
                            input.select();
                        }
                    },
                )
            });
        // Dropping the listener removes it.
        move || drop(listener)
    });
}
