//! An article's keywords as links, each opening the list filtered by that keyword.

use crate::list_query::ListQuery;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeywordLinksProps {
    pub keywords: Vec<String>,
    /// Names the list for assistive technology, e.g. "Keywords".
    pub label: AttrValue,
}

#[component]
pub fn KeywordLinks(props: &KeywordLinksProps) -> Html {
    html! {
        <ul class="keyword-links" aria-label={props.label.clone()}>
            { for props.keywords.iter().map(|keyword| {
                let query = ListQuery::with_keywords([keyword]).to_pairs();
                html! {
                    <li>
                        <Link<Route, Vec<(String, String)>> to={Route::List} {query} classes="keyword-link">
                            { keyword.clone() }
                        </Link<Route, Vec<(String, String)>>>
                    </li>
                }
            }) }
        </ul>
    }
}
