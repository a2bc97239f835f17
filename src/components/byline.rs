//! Authors, source and date of an article, as one line.

use insight_corpus::Date;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BylineProps {
    pub authors: Vec<String>,
    pub source: String,
    pub published: Date,
}

/// Joins names the way a reader says them: "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}

#[component]
pub fn Byline(props: &BylineProps) -> Html {
    html! {
        <p class="byline">
            <span class="authors">{ join_names(&props.authors) }</span>
            <span class="separator" aria-hidden="true">{" · "}</span>
            <span class="source">{ props.source.clone() }</span>
            <span class="separator" aria-hidden="true">{" · "}</span>
            <time datetime={props.published.to_string()}>{ props.published.long_form() }</time>
        </p>
    }
}
