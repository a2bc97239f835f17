//! Text with the search's matches in `<mark>`: the pieces come from the search engine,
//! and each is rendered as text.

use insight_search::Span;
use yew::prelude::*;

/// Renders spans, marked ones inside `<mark>`.
pub fn marked(spans: &[Span]) -> Html {
    spans
        .iter()
        .map(|span| {
            if span.marked {
                html! { <mark>{ span.text.clone() }</mark> }
            } else {
                html! { { span.text.clone() } }
            }
        })
        .collect()
}
