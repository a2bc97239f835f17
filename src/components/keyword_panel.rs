//! The "Keywords" filter: every keyword with its count among the shown articles, as
//! toggle buttons, a text box that narrows the buttons, and a way to clear the selection.

use crate::list_query::fold_keyword;
use insight_search::FacetCount as KeywordCount;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many keywords show before "Show all" when the text box is empty.
const SHORT_LIST: usize = 24;

#[derive(Properties, PartialEq)]
pub struct KeywordPanelProps {
    pub keywords: Vec<KeywordCount>,
    /// Whether the counts are being worked out for a new query (they are then hidden).
    #[prop_or_default]
    pub counting: bool,
    /// Called with a keyword's label when its button is pressed.
    pub ontoggle: Callback<String>,
    pub onclear: Callback<()>,
}

#[component]
pub fn KeywordPanel(props: &KeywordPanelProps) -> Html {
    let narrow = use_state(String::new);
    let show_all = use_state(|| false);
    // On narrow screens the panel starts folded so the articles come first.
    let expanded = use_state(|| false);
    let toggle_expanded = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };

    let oninput = {
        let narrow = narrow.clone();
        Callback::from(move |event: InputEvent| {
            narrow.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onkeydown = {
        let narrow = narrow.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                narrow.set(String::new());
            }
        })
    };
    let wanted = fold_keyword(&narrow);
    let matching: Vec<&KeywordCount> = props
        .keywords
        .iter()
        .filter(|k| wanted.is_empty() || fold_keyword(&k.label).contains(&wanted))
        .collect();
    let limited = wanted.is_empty() && !*show_all && matching.len() > SHORT_LIST;
    let shown = if limited {
        &matching[..SHORT_LIST]
    } else {
        &matching[..]
    };
    let any_selected = props.keywords.iter().any(|k| k.selected);

    html! {
        <section class={classes!("keyword-panel", expanded.then_some("expanded"))} role="group" aria-labelledby="keywords-heading">
            <div class="panel-heading">
                <h2 id="keywords-heading">{"Keywords"}</h2>
                <button type="button" class="panel-toggle link-button" aria-controls="keyword-body"
                    aria-expanded={expanded.to_string()} onclick={toggle_expanded}>
                    { if *expanded { "Hide keywords" } else { "Show keywords" } }
                </button>
            </div>
            <div id="keyword-body" class="keyword-body">
            <label class="narrow-label" for="keyword-narrow">{"Find a keyword"}</label>
            <input id="keyword-narrow" class="keyword-narrow" type="text" autocomplete="off"
                placeholder="Type to narrow, Esc to clear"
                value={(*narrow).clone()} {oninput} {onkeydown} />
            if any_selected {
                <button type="button" class="clear-selection link-button"
                    onclick={props.onclear.reform(|_: MouseEvent| ())}>
                    {"Clear selected keywords"}
                </button>
            }
            <ul class="keyword-options">
                { for shown.iter().map(|keyword| option(keyword, props.counting, &props.ontoggle)) }
            </ul>
            if matching.is_empty() {
                <p class="hint">{ format!("No keyword contains “{}”.", narrow.trim()) }</p>
            }
            if limited {
                <button type="button" class="link-button" onclick={{
                    let show_all = show_all.clone();
                    move |_| show_all.set(true)
                }}>{ format!("Show all {} keywords", matching.len()) }</button>
            }
            </div>
        </section>
    }
}

/// One facet value as a toggle button with its count (hidden while `counting`); shared
/// by every facet group.
pub fn option(value: &KeywordCount, counting: bool, ontoggle: &Callback<String>) -> Html {
    let label = value.label.clone();
    let onclick = ontoggle.reform(move |_: MouseEvent| label.clone());
    html! {
        <li>
            <button type="button" class="keyword-toggle" aria-pressed={value.selected.to_string()} {onclick}>
                <span class="keyword-label">{ value.label.clone() }</span>
                if counting {
                    <span class="keyword-count counting" aria-label="counting">{"…"}</span>
                } else {
                    <span class="keyword-count" aria-label={if value.count == 1 { "1 article".to_string() } else { format!("{} articles", value.count) }}>{ value.count }</span>
                }
            </button>
        </li>
    }
}
