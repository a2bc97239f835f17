//! What an unknown address or article id shows: a plain explanation and a way home.

use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The article id that was asked for, when the address named one.
    #[prop_or_default]
    pub missing_id: Option<String>,
}

#[component]
pub fn NotFoundPage(props: &NotFoundProps) -> Html {
    use_effect_with((), |_| {
        super::set_document_title("Not found · Insight Explorer")
    });
    let explanation = match &props.missing_id {
        Some(id) => format!("There is no article with the id “{id}” in this collection. It may have been renamed or removed."),
        None => "There is nothing at this address. The link may be mistyped or out of date.".to_string(),
    };
    html! {
        <section class="not-found" aria-labelledby="page-heading">
            <h1 id="page-heading">{"Not found"}</h1>
            <p>{explanation}</p>
            <p><Link<Route> to={Route::List} classes="button">{"Browse all articles"}</Link<Route>></p>
        </section>
    }
}
