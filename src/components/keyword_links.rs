//! An article's keywords as links, each to that keyword's articles.

use crate::components::list_link::ListLink;
use crate::list_address::ValueLink;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeywordLinksProps {
    pub keywords: Vec<ValueLink>,
    /// Names the list for assistive technology, e.g. "Keywords".
    pub label: AttrValue,
}

#[component]
pub fn KeywordLinks(props: &KeywordLinksProps) -> Html {
    html! {
        <ul class="keyword-links" aria-label={props.label.clone()}>
            { for props.keywords.iter().map(|keyword| html! {
                <li>
                    <ListLink to={keyword.to.clone()} classes="keyword-link">{ keyword.label.clone() }</ListLink>
                </li>
            }) }
        </ul>
    }
}
