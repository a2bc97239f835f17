//! The view shown when the collection could not be downloaded or read: what is wrong,
//! what the site owner should run, and a Retry button where trying again can help.

use crate::services::LoadError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadFailureProps {
    pub error: LoadError,
    pub onretry: Callback<()>,
}

#[component]
pub fn LoadFailure(props: &LoadFailureProps) -> Html {
    let error = &props.error;
    let onclick = props.onretry.reform(|_: MouseEvent| ());
    html! {
        <section class="load-failure" role="alert" aria-labelledby="failure-heading">
            <h1 id="failure-heading">{error.headline()}</h1>
            <p>{error.explanation()}</p>
            if let Some(fix) = error.owner_fix() {
                <p class="owner-fix">
                    <strong>{"If you run this site: "}</strong>
                    {fix.advice}
                    if let Some(command) = fix.command {
                        {" "}<code>{command}</code>
                    }
                </p>
            }
            if error.retry_helps() {
                <button type="button" class="button" {onclick}>{"Retry"}</button>
            }
        </section>
    }
}
