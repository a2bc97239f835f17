//! The reader: one article with its byline, body, author bio and keywords, then
//! previous/next in the list the reader came from, and related articles.

use crate::collection::{Neighbours, SharedCollection};
use crate::components::body::ArticleBody;
use crate::components::byline::{join_names, Byline};
use crate::components::keyword_links::KeywordLinks;
use crate::components::marked::marked;
use crate::list_query::ListQuery;
use crate::pages::list::use_list_query;
use crate::pages::not_found::NotFoundPage;
use crate::reading::Reading;
use crate::route::Route;
use crate::storage;
use insight_corpus::link::safe_web_address;
use insight_search::highlight;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The storage name of the reader's choice to highlight search terms.
const HIGHLIGHT: &str = "highlight";

/// How many related articles "More on these keywords" shows.
const RELATED: usize = 5;

type QueryLink = Link<Route, Vec<(String, String)>>;

#[derive(Properties, PartialEq)]
pub struct ReaderPageProps {
    pub collection: SharedCollection,
    pub id: String,
}

#[component]
pub fn ReaderPage(props: &ReaderPageProps) -> Html {
    let collection = &props.collection;
    let query = use_list_query();
    let highlighting = use_state(|| storage::load(HIGHLIGHT).as_deref() != Some("off"));
    let found = collection.find(&props.id);
    {
        let reading = use_context::<Reading>().expect("the shell provides the reading history");
        let opened = found.map(|(_, article)| article.id.clone());
        use_effect_with(opened, move |opened| {
            if let Some(id) = opened {
                reading.mark_read.emit(id.clone());
            }
        });
    }
    {
        let title = found.map(|(_, a)| format!("{} · {}", a.title, collection.title));
        use_effect_with(title, |title| {
            if let Some(title) = title {
                super::set_document_title(title);
            }
        });
    }
    let Some((index, article)) = found else {
        return html! { <NotFoundPage missing_id={props.id.clone()} /> };
    };

    let view = collection.list(&query);
    let (neighbours, list_query) = match view.neighbours(index) {
        Some(neighbours) => (neighbours, query),
        None => {
            let everything = collection.list(&ListQuery::default());
            let neighbours = everything.neighbours(index).unwrap_or(Neighbours {
                previous: None,
                next: None,
                in_selection: false,
            });
            (
                Neighbours {
                    in_selection: false,
                    ..neighbours
                },
                ListQuery::default(),
            )
        }
    };
    let back_query = (!list_query.to_pairs().is_empty()).then(|| list_query.to_pairs());
    let search = view.search.has_text().then(|| Rc::new(view.search.clone()));
    let marks = search.clone().filter(|_| *highlighting);
    let keywords: Vec<String> = collection
        .keyword_labels(index)
        .into_iter()
        .map(String::from)
        .collect();

    html! {
        <>
            <p class="back-link">
                <QueryLink to={Route::List} query={back_query.clone()}>
                    { if list_query.is_empty() { "← All articles" } else { "← Back to the list" } }
                </QueryLink>
            </p>
            <article class="reader" lang={article.language.clone()} aria-labelledby="page-heading">
                <header>
                    <h1 id="page-heading">{ match &marks { Some(q) => marked(&highlight(&article.title, q)), None => html! { article.title.clone() } } }</h1>
                    <Byline authors={article.authors.clone()} source={article.source.clone()} published={article.published} />
                </header>
                if search.is_some() {
                    <label class="highlight-toggle">
                        <input type="checkbox" checked={*highlighting} onchange={{
                            let highlighting = highlighting.clone();
                            move |_| {
                                let on = !*highlighting;
                                storage::store(HIGHLIGHT, if on { "on" } else { "off" });
                                highlighting.set(on);
                            }
                        }} />
                        {" Highlight search terms"}
                    </label>
                }
                <ArticleBody blocks={Rc::new(article.body.clone())} highlight={marks.clone()} />
                if let Some(bio) = &article.bio {
                    <aside class="bio" aria-labelledby="bio-heading">
                        <h2 id="bio-heading">{ if article.authors.len() > 1 { "About the authors" } else { "About the author" } }</h2>
                        <p>{ bio.clone() }</p>
                    </aside>
                }
                <footer class="reader-footer">
                    <h2 class="keywords-heading">{"Keywords"}</h2>
                    <KeywordLinks keywords={keywords} label="Keywords of this article" />
                    if let Some(url) = article.url.as_deref().and_then(safe_web_address) {
                        <p class="original"><a href={url.to_string()} rel="noopener noreferrer">{"Read it where it was first published"}</a></p>
                    }
                </footer>
            </article>
            { neighbour_links(collection, &neighbours, back_query) }
            { related_list(collection, index) }
        </>
    }
}

fn neighbour_links(
    collection: &SharedCollection,
    around: &Neighbours,
    query: Option<Vec<(String, String)>>,
) -> Html {
    let link = |position: Option<usize>, rel: &'static str, label: &'static str| match position {
        Some(i) => {
            let article = &collection.articles()[i];
            html! {
                <QueryLink to={Route::Reader { id: article.id.clone() }} query={query.clone()} classes={classes!("neighbour", rel)}>
                    <span class="neighbour-label">{ label }</span>
                    <span class="neighbour-title">{ article.title.clone() }</span>
                </QueryLink>
            }
        }
        None => html! { <span class={classes!("neighbour", rel, "none")}></span> },
    };
    let label = if around.in_selection {
        "Previous and next in this list"
    } else {
        "Previous and next article"
    };
    html! {
        <nav class="neighbours" aria-label={label}>
            { link(around.previous, "previous", "← Previous") }
            { link(around.next, "next", "Next →") }
        </nav>
    }
}

fn related_list(collection: &SharedCollection, index: usize) -> Html {
    let related = collection.related(index, RELATED);
    if related.is_empty() {
        return html! {};
    }
    html! {
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{"More on these keywords"}</h2>
            <ul>
                { for related.into_iter().map(|i| {
                    let article = &collection.articles()[i];
                    html! {
                        <li lang={article.language.clone()}>
                            <Link<Route> to={Route::Reader { id: article.id.clone() }}>{ article.title.clone() }</Link<Route>>
                            <span class="related-meta">
                                { format!(" — {}, ", join_names(&article.authors)) }
                                <time datetime={article.published.to_string()}>{ article.published.long_form() }</time>
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
