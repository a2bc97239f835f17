//! The selected filters above the list, each removable, with one button to clear them all.

use insight_search::Facet;
use yew::prelude::*;

/// One selected facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selected {
    pub facet: Facet,
    pub label: String,
}

#[derive(Properties, PartialEq)]
pub struct SelectionBarProps {
    pub selected: Vec<Selected>,
    pub onremove: Callback<(Facet, String)>,
    pub onclear: Callback<()>,
}

fn facet_name(facet: Facet) -> &'static str {
    match facet {
        Facet::Keywords => "keyword",
        Facet::Authors => "author",
        Facet::Sources => "source",
        Facet::Years => "year",
    }
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
                { for props.selected.iter().map(|selected| {
                    let value = (selected.facet, selected.label.clone());
                    let onclick = props.onremove.reform(move |_: MouseEvent| value.clone());
                    let name = facet_name(selected.facet);
                    html! {
                        <li>
                            <button type="button" class="chip" {onclick}
                                aria-label={format!("Remove {name} {}", selected.label)}>
                                if selected.facet != Facet::Keywords {
                                    <span class="chip-facet">{ format!("{name}: ") }</span>
                                }
                                { selected.label.clone() }<span aria-hidden="true">{" ×"}</span>
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
