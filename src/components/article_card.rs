//! One entry of the article list: title link, a mark if it was read before, byline,
//! short summary and keywords.

use crate::components::byline::Byline;
use crate::components::keyword_links::KeywordLinks;
use crate::components::marked::marked;
use crate::list_address::ValueLink;
use crate::route::Route;
use insight_search::Span;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    pub id: String,
    pub title: String,
    pub authors: Vec<ValueLink>,
    pub source: String,
    pub published: insight_corpus::Date,
    pub summary: String,
    pub language: String,
    pub keywords: Vec<ValueLink>,
    /// The list's query, carried to the reader so previous/next follow this list.
    pub query: Vec<(String, String)>,
    /// For a search: the title with its matches marked.
    #[prop_or_default]
    pub title_spans: Option<Vec<Span>>,
    /// For a search: the part of the body around the best matches, marked.
    #[prop_or_default]
    pub snippet: Option<Vec<Span>>,
    /// Whether the reader has opened this article before.
    #[prop_or_default]
    pub read: bool,
}

#[component]
pub fn ArticleCard(props: &ArticleCardProps) -> Html {
    let to = Route::Reader {
        id: props.id.clone(),
    };
    let query = (!props.query.is_empty()).then(|| props.query.clone());
    html! {
        <li class="article-card" lang={props.language.clone()}>
            <h2 class="card-title">
                <Link<Route, Vec<(String, String)>> {to} {query}>{ match &props.title_spans { Some(spans) => marked(spans), None => html! { props.title.clone() } } }</Link<Route, Vec<(String, String)>>>
            </h2>
            if props.read {
                <p class="read-mark">{"Read"}</p>
            }
            <Byline authors={props.authors.clone()} source={props.source.clone()} published={props.published} />
            { match &props.snippet {
                Some(snippet) if !snippet.is_empty() => html! { <p class="snippet">{ marked(snippet) }</p> },
                _ => html! { <p class="summary">{ props.summary.clone() }</p> },
            } }
            <KeywordLinks keywords={props.keywords.clone()} label="Keywords" />
        </li>
    }
}
