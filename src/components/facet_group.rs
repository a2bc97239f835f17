//! One facet of the search (authors, sources or years): its values with counts among the
//! current results, as toggle buttons in a labelled group.

use crate::components::keyword_panel::option;
use insight_search::FacetCount;
use yew::prelude::*;

/// How many values show before "Show all".
const SHORT_LIST: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetGroupProps {
    /// The group's name, e.g. "Authors"; also its accessible label.
    pub title: AttrValue,
    pub values: Vec<FacetCount>,
    /// Whether the counts are being worked out for a new query.
    #[prop_or_default]
    pub counting: bool,
    /// Called with a value's label when its button is pressed.
    pub ontoggle: Callback<String>,
}

#[component]
pub fn FacetGroup(props: &FacetGroupProps) -> Html {
    let show_all = use_state(|| false);
    let id = format!("facet-{}", props.title.to_lowercase());
    let limited = !*show_all && props.values.len() > SHORT_LIST;
    // Selected values always show, even past the short list.
    let shown: Vec<&FacetCount> = props
        .values
        .iter()
        .enumerate()
        .filter(|(i, v)| !limited || *i < SHORT_LIST || v.selected)
        .map(|(_, v)| v)
        .collect();
    html! {
        <section class="facet-group" role="group" aria-labelledby={id.clone()}>
            <h3 id={id}>{ props.title.clone() }</h3>
            <ul class="keyword-options">
                { for shown.into_iter().map(|value| option(value, props.counting, &props.ontoggle)) }
            </ul>
            if props.values.is_empty() {
                <p class="hint">{"None among these results."}</p>
            }
            if limited {
                <button type="button" class="link-button" onclick={{
                    let show_all = show_all.clone();
                    move |_| show_all.set(true)
                }}>{ format!("Show all {}", props.values.len()) }</button>
            }
        </section>
    }
}
