//! A link to a list address: a real `href` (under the site's public path), followed
//! within the app when clicked, like the router's own links, and telling the page that
//! drew it when it was followed (the pager then goes back to the top).

use crate::list_address::ListAddress;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ListLinkProps {
    pub to: ListAddress,
    #[prop_or_default]
    pub classes: Classes,
    /// The link's relation, such as `prev` or `next`.
    #[prop_or_default]
    pub rel: Option<AttrValue>,
    /// Called after the app has followed the link.
    #[prop_or_default]
    pub onfollow: Callback<()>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ListLink(props: &ListLinkProps) -> Html {
    let navigator = use_navigator();
    let href = props.to.href(navigator.as_ref().and_then(|n| n.basename()));
    let onclick = {
        let (to, onfollow) = (props.to.clone(), props.onfollow.clone());
        Callback::from(move |event: MouseEvent| {
            let plain = event.button() == 0
                && !(event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key());
            let Some(navigator) = navigator.as_ref().filter(|_| plain) else {
                // Opened in a new tab or window: the browser follows the `href`.
                return;
            };
            event.prevent_default();
            if to.query.is_empty() {
                navigator.push(&to.route);
            } else if navigator.push_with_query(&to.route, &to.query).is_err() {
                return;
            }
            onfollow.emit(());
        })
    };
    html! {
        <a class={props.classes.clone()} {href} rel={props.rel.clone()} {onclick}>
            { props.children.clone() }
        </a>
    }
}
