//! The view shown when the collection could not be downloaded or read, with a Retry button.

use crate::services::LoadError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadFailureProps {
    pub error: LoadError,
    pub onretry: Callback<()>,
}

#[component]
pub fn LoadFailure(props: &LoadFailureProps) -> Html {
    let onclick = props.onretry.reform(|_: MouseEvent| ());
    html! {
        <section class="load-failure" role="alert" aria-labelledby="failure-heading">
            <h1 id="failure-heading">{props.error.headline()}</h1>
            <p>{props.error.to_string()}</p>
            <button type="button" class="button" {onclick}>{"Retry"}</button>
        </section>
    }
}
