//! The view shown when the collection could not be downloaded or read: what is wrong,
//! what the site owner should run, and a Retry button where trying again can help.
//! On a page that arrived pre-rendered it is a notice above the page's own content,
//! which stays readable (see `start_notice`).

use crate::services::LoadError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadFailureProps {
    pub error: LoadError,
    pub onretry: Callback<()>,
    /// Shown above a published page's content rather than in its place: the page keeps
    /// its own heading, so this one is a level below it.
    #[prop_or_default]
    pub beside_page: bool,
    /// A retry is under way: the button says so and waits.
    #[prop_or_default]
    pub retrying: bool,
}

#[component]
pub fn LoadFailure(props: &LoadFailureProps) -> Html {
    let error = &props.error;
    let onclick = props.onretry.reform(|_: MouseEvent| ());
    let headline = error.headline();
    html! {
        <section class={classes!("load-failure", props.beside_page.then_some("beside-page"))}
            role="alert" aria-labelledby="failure-heading">
            if props.beside_page {
                <h2 id="failure-heading">{headline}</h2>
            } else {
                <h1 id="failure-heading">{headline}</h1>
            }
            <p>{error.explanation()}</p>
            if props.beside_page {
                <p>{"What shows below is this page as published: it reads and its links work, \
                    but search and filters need the collection."}</p>
            }
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
                <button type="button" class="button" {onclick} disabled={props.retrying}
                    aria-busy={props.retrying.then_some("true")}>
                    { if props.retrying { "Retrying…" } else { "Retry" } }
                </button>
            }
        </section>
    }
}
