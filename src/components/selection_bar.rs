//! The selected keywords above the list, each removable, with one button to clear them all.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectionBarProps {
    pub selected: Vec<String>,
    pub onremove: Callback<String>,
    pub onclear: Callback<()>,
}

#[component]
pub fn SelectionBar(props: &SelectionBarProps) -> Html {
    if props.selected.is_empty() {
        return html! {};
    }
    html! {
        <div class="selection-bar">
            <span class="selection-label">{"Showing articles with all of:"}</span>
            <ul class="selected-keywords">
                { for props.selected.iter().map(|keyword| {
                    let value = keyword.clone();
                    let onclick = props.onremove.reform(move |_: MouseEvent| value.clone());
                    html! {
                        <li>
                            <button type="button" class="chip" {onclick}
                                aria-label={format!("Remove keyword {keyword}")}>
                                { keyword.clone() }<span aria-hidden="true">{" ×"}</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="link-button" onclick={props.onclear.reform(|_: MouseEvent| ())}>
                {"Clear all"}
            </button>
        </div>
    }
}
