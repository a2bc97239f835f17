//! The notice of links a whole corpus carried whose targets are not allowed: their
//! articles are shown, with each such link's text as plain text, and this lists them.

use insight_corpus::{LinkPlace, RefusedLink};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RefusedLinksNoticeProps {
    pub links: Vec<RefusedLink>,
}

/// Nothing when no link was refused.
#[component]
pub fn RefusedLinksNotice(props: &RefusedLinksNoticeProps) -> Html {
    if props.links.is_empty() {
        return Html::default();
    }
    html! {
        <details class="refused-links-notice">
            <summary>{ summary(&props.links) }</summary>
            <ul>{ for props.links.iter().map(|link| html! { <li>{ link.to_string() }</li> }) }</ul>
            <p class="owner-fix">
                <strong>{"If you run this site: "}</strong>
                {"this lists every link with its line in the corpus file: "}
                <code>{"corpus check corpus.json"}</code>
            </p>
        </details>
    }
}

/// "1 link shown as text: its target is not allowed.", "3 links shown as text and 1
/// original address left out: their targets are not allowed."
pub fn summary(links: &[RefusedLink]) -> String {
    let in_body = links.iter().filter(|l| l.place == LinkPlace::Body).count();
    let addresses = links.len() - in_body;
    let mut parts = Vec::new();
    match in_body {
        0 => {}
        1 => parts.push("1 link shown as text".to_string()),
        n => parts.push(format!("{n} links shown as text")),
    }
    match addresses {
        0 => {}
        1 => parts.push("1 original address left out".to_string()),
        n => parts.push(format!("{n} original addresses left out")),
    }
    let reason = match links.len() {
        1 => "its target is not allowed",
        _ => "their targets are not allowed",
    };
    format!("{}: {reason}.", parts.join(" and "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(place: LinkPlace) -> RefusedLink {
        RefusedLink {
            article: "a".to_string(),
            line: Some(2),
            place,
            target: "javascript:alert(1)".to_string(),
        }
    }

    #[test]
    fn counts_links_and_addresses() {
        assert_eq!(
            summary(&[refused(LinkPlace::Body)]),
            "1 link shown as text: its target is not allowed."
        );
        assert_eq!(
            summary(&[refused(LinkPlace::Body), refused(LinkPlace::Body)]),
            "2 links shown as text: their targets are not allowed."
        );
        assert_eq!(
            summary(&[
                refused(LinkPlace::Body),
                refused(LinkPlace::OriginalAddress)
            ]),
            "1 link shown as text and 1 original address left out: their targets are not allowed."
        );
    }
}
