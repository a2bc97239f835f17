//! "Cite or share" under an article: its citation in APA, Chicago, MLA, BibTeX and RIS
//! (see `cite`), each with a Copy button, and the article's address to copy or, where
//! the browser offers it, to share. Copying uses the Clipboard API; where that is missing
//! or refused, the text is selected and the reader is told to press Ctrl+C.

use crate::cite::{cite, Cited, STYLES};
use insight_corpus::Date;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct CiteProps {
    pub title: String,
    pub authors: Vec<String>,
    pub source: String,
    pub published: Date,
    /// Where it was first published, when that is a web address.
    pub url: Option<String>,
    pub language: String,
    pub keywords: Vec<String>,
}

/// The article's address here: the page's own, without its query.
fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    let href = location.href().ok()?;
    Some(href.split(['?', '#']).next().unwrap_or(&href).to_string())
}

/// Whether `navigator` has the property `name` (the Clipboard and Share APIs exist only
/// in some browsers and contexts; calling a missing one would throw).
fn has(name: &str) -> Option<web_sys::Navigator> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(navigator)
}

/// Selects the text of element `id`, for the reader to copy by hand.
fn select(id: &str) {
    let found = web_sys::window().and_then(|w| Some((w.get_selection().ok()??, w.document()?)));
    if let Some((selection, document)) = found {
        if let Some(element) = document.get_element_by_id(id) {
            let _ = selection.select_all_children(&element);
        }
    }
}

/// Copies `text`; says in `status` how it went, selecting element `id` when the browser
/// would not copy.
fn copy(text: String, id: String, what: String, status: UseStateHandle<String>) {
    let Some(navigator) = has("clipboard") else {
        select(&id);
        status.set(format!(
            "{what} selected: press Ctrl+C (⌘C on a Mac) to copy it."
        ));
        return;
    };
    spawn_local(async move {
        let copied = JsFuture::from(navigator.clipboard().write_text(&text)).await;
        match copied {
            Ok(_) => status.set(format!("{what} copied.")),
            Err(_) => {
                select(&id);
                status.set(format!(
                    "{what} selected: press Ctrl+C (⌘C on a Mac) to copy it."
                ));
            }
        }
    });
}

#[component]
pub fn CiteArticle(props: &CiteProps) -> Html {
    // Citations are made when the reader opens the panel: in the browser, where the
    // page's own address is known.
    let open = use_state(|| false);
    let status = use_state(String::new);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            let details = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            open.set(details.is_some_and(|d| d.has_attribute("open")));
        })
    };
    let body = (*open).then(|| {
        let address = props.url.clone().or_else(page_address).unwrap_or_default();
        let cited = Cited {
            title: &props.title,
            authors: &props.authors,
            source: &props.source,
            published: props.published,
            address: &address,
            language: &props.language,
            keywords: &props.keywords,
        };
        let here = page_address().unwrap_or_default();
        let share = has("share").map(|navigator| {
            let (title, here) = (props.title.clone(), here.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                let data = web_sys::ShareData::new();
                data.set_title(&title);
                data.set_url(&here);
                // A share the reader cancels is not a failure.
                let _ = navigator.share_with_data(&data);
            });
            html! { <button type="button" class="link-button" {onclick}>{"Share…"}</button> }
        });
        let copy_link = {
            let (here, status) = (here.clone(), status.clone());
            Callback::from(move |_: MouseEvent| {
                copy(here.clone(), "cite-link".into(), "Link".into(), status.clone())
            })
        };
        html! {
            <div class="cite-body">
                <p class="cite-link-row">
                    <code id="cite-link">{ here.clone() }</code>
                    <button type="button" class="link-button" onclick={copy_link}>{"Copy link"}</button>
                    { share }
                </p>
                { for STYLES.iter().map(|style| {
                    let text = cite(style, &cited);
                    let id = format!("cite-{}", style.to_lowercase());
                    let onclick = {
                        let (text, id, status) = (text.clone(), id.clone(), status.clone());
                        let what = format!("{style} citation");
                        Callback::from(move |_: MouseEvent| copy(text.clone(), id.clone(), what.clone(), status.clone()))
                    };
                    html! {
                        <figure class="citation">
                            <figcaption>{ *style }</figcaption>
                            <pre id={id} class="citation-text">{ text }</pre>
                            <button type="button" class="link-button" {onclick}>{ format!("Copy {style}") }</button>
                        </figure>
                    }
                }) }
            </div>
        }
    });
    html! {
        <details class="cite needs-script" {ontoggle}>
            <summary>{"Cite or share"}</summary>
            { body }
            <p class="cite-status" role="status" aria-live="polite">{ (*status).clone() }</p>
        </details>
    }
}
