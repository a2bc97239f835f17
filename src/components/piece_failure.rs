//! The notice shown where part of the collection (a piece: a list page, an article, a
//! part of the search index) could not be fetched or read: the rest of the page stays,
//! and Retry asks again.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PieceFailureNoticeProps {
    pub message: String,
    pub onretry: Callback<()>,
}

#[component]
pub fn PieceFailureNotice(props: &PieceFailureNoticeProps) -> Html {
    html! {
        <div class="piece-failure" role="alert">
            <p>{ format!("Part of the collection could not be loaded: {}.", props.message) }</p>
            <p class="owner-fix">
                <strong>{"If you run this site: "}</strong>
                {"publish again and upload the whole folder; this lists every problem: "}
                <code>{"corpus check dist"}</code>
            </p>
            <button type="button" class="button" onclick={props.onretry.reform(|_: MouseEvent| ())}>{"Retry"}</button>
        </div>
    }
}
