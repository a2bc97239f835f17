//! The reader: one article with its byline, body, author bio and keywords, then
//! previous/next in the list the reader came from, and related articles.

use crate::app::{use_wants, Fetcher};
use crate::collection::{Neighbours, SharedCollection, Want};
use crate::components::body::ArticleBody;
use crate::components::byline::{join_names, Byline};
use crate::components::cite::CiteArticle;
use crate::components::keyword_links::KeywordLinks;
use crate::components::list_link::ListLink;
use crate::components::marked::marked;
use crate::components::piece_failure::PieceFailureNotice;
use crate::list_address::{value_links, ListAddress};
use crate::list_query::ListQuery;
use crate::pages::list::use_list_query;
use crate::pages::not_found::NotFoundPage;
use crate::reading::Reading;
use crate::route::Route;
use crate::storage;
use insight_corpus::link::safe_web_address;
use insight_corpus::published::ListEntry;
use insight_corpus::Date;
use insight_search::{highlight, Facet, Query};
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
    let fetcher = use_context::<Fetcher>().expect("the shell provides the fetcher");
    let view = use_memo((collection.clone(), query.clone()), |(c, q)| c.list(q));
    let number = collection.number_of(&props.id);
    let found = number.clone().ok().flatten();
    let article = found.and_then(|n| collection.record(n));
    let mut wants: Vec<Want> = Vec::new();
    match &number {
        Err(want) => wants.push(want.clone()),
        Ok(Some(n)) if article.is_none() => wants.extend(collection.wants_for(&[*n], true)),
        _ => {}
    }
    // Previous and next follow the list the reader came from, once its search is known.
    let around = found.and_then(|n| match &view.articles {
        Some(listed) => Some(match listed.iter().position(|&i| i == n) {
            Some(at) => (
                Neighbours {
                    previous: at.checked_sub(1).map(|p| listed[p]),
                    next: listed.get(at + 1).copied(),
                    in_selection: true,
                },
                query.clone(),
            ),
            None => (collection.neighbours_in_all(n), ListQuery::default()),
        }),
        None => {
            wants.extend(view.wants.iter().cloned());
            None
        }
    });
    if let Some((neighbours, _)) = &around {
        let both: Vec<u32> = neighbours
            .previous
            .into_iter()
            .chain(neighbours.next)
            .collect();
        wants.extend(collection.wants_for(&both, false));
    }
    let related = match (&article, found) {
        (Some(article), Some(n)) => match collection.related(n, &article.keywords, RELATED) {
            Ok(related) => {
                wants.extend(collection.wants_for(&related, false));
                related
            }
            Err(want) => {
                wants.push(want);
                Vec::new()
            }
        },
        _ => Vec::new(),
    };
    let failure = collection.failure(&wants);
    // Busy while anything this page shows is still on its way (tests and assistive
    // technology wait for it to settle).
    let busy = failure.is_none() && !wants.is_empty();
    use_wants(collection, wants);
    {
        let reading = use_context::<Reading>().expect("the shell provides the reading history");
        let opened = article.as_ref().map(|a| a.id.clone());
        use_effect_with(opened, move |opened| {
            if let Some(id) = opened {
                reading.mark_read.emit(id.clone());
            }
        });
    }
    {
        let title = article
            .as_ref()
            .map(|a| page_title(&a.title, &collection.title));
        use_effect_with(title, |title| {
            if let Some(title) = title {
                super::set_document_title(title);
            }
        });
    }
    let refusal = found.and_then(|n| collection.refusal(n));
    let list_query = around
        .as_ref()
        .map_or_else(ListQuery::default, |(_, q)| q.clone());
    let back_query = (!list_query.to_pairs().is_empty()).then(|| list_query.to_pairs());
    let back_link = html! {
        <p class="back-link">
            <ListLink to={ListAddress::of(collection, &list_query, 1)}>
                { if list_query.is_empty() { "← All articles" } else { "← Back to the list" } }
            </ListLink>
        </p>
    };
    let neighbours = neighbour_links(collection, around.as_ref().map(|(n, _)| n), back_query);
    let Some(article) = article else {
        return match (&number, failure.clone(), refusal) {
            (Ok(None), _, _) => html! { <NotFoundPage missing_id={props.id.clone()} /> },
            (_, _, Some(reason)) => html! {
                <PieceFailureNotice message={format!("the article “{}” cannot be shown ({reason})", props.id)} onretry={fetcher.retry.clone()} />
            },
            (_, Some(message), _) => {
                html! { <PieceFailureNotice {message} onretry={fetcher.retry.clone()} /> }
            }
            _ => match found.and_then(|n| collection.entry(n)) {
                Some(entry) => html! {
                    <div class="reader-page" aria-busy="true">
                        { back_link }
                        { preview(collection, &entry) }
                        { neighbours }
                    </div>
                },
                None => html! {
                    <div class="loading" role="status" aria-live="polite">
                        <span class="spinner" aria-hidden="true"></span>
                        {"Loading the article…"}
                    </div>
                },
            },
        };
    };
    let search = view.search.has_text().then(|| Rc::new(view.search.clone()));
    let marks = search.clone().filter(|_| *highlighting);
    let keywords = collection.keyword_labels(&article.keywords);
    html! {
        <div class="reader-page" aria-busy={busy.to_string()}>
            { back_link }
            <article class="reader" lang={article.language.clone()} aria-labelledby="page-heading">
                { heading(collection, &article.title, &article.authors, &article.source, article.published, marks.as_deref()) }
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
                <ArticleBody article={article.clone()} highlight={marks.clone()} />
                if let Some(bio) = &article.bio {
                    <aside class="bio" aria-labelledby="bio-heading">
                        <h2 id="bio-heading">{ if article.authors.len() > 1 { "About the authors" } else { "About the author" } }</h2>
                        <p>{ bio.clone() }</p>
                    </aside>
                }
                <footer class="reader-footer">
                    { keyword_links(collection, &keywords) }
                    if let Some(url) = article.url.as_deref().and_then(safe_web_address) {
                        <p class="original"><a href={url.to_string()} rel="noopener noreferrer">{"Read it where it was first published"}</a></p>
                    }
                    <CiteArticle
                        title={article.title.clone()}
                        authors={article.authors.clone()}
                        source={article.source.clone()}
                        published={article.published}
                        url={article.url.as_deref().and_then(safe_web_address).map(str::to_string)}
                        language={article.language.clone()}
                        keywords={keywords.clone()}
                    />
                </footer>
            </article>
            if let Some(message) = failure {
                <PieceFailureNotice {message} onretry={fetcher.retry.clone()} />
            }
            { neighbours }
            { related_list(collection, &related) }
        </div>
    }
}

/// The article's title and byline, as the reader shows them.
fn heading(
    collection: &SharedCollection,
    title: &str,
    authors: &[String],
    source: &str,
    published: Date,
    marks: Option<&Query>,
) -> Html {
    html! {
        <header>
            <h1 id="page-heading">{ match marks { Some(q) => marked(&highlight(title, q)), None => html! { title.to_string() } } }</h1>
            <Byline authors={value_links(collection, Facet::Authors, authors)} source={source.to_string()} {published} />
        </header>
    }
}

fn keyword_links(collection: &SharedCollection, keywords: &[String]) -> Html {
    html! {
        <>
            <h2 class="keywords-heading">{"Keywords"}</h2>
            <KeywordLinks keywords={value_links(collection, Facet::Keywords, keywords)} label="Keywords of this article" />
        </>
    }
}

/// What the reader shows of an article whose full text is still on its way: its list
/// entry (title, byline, summary, keywords). A page published without the article's full
/// text (to keep a large site under its host's size limit) shows the same, and says with
/// scripts off that the full text needs JavaScript.
fn preview(collection: &SharedCollection, entry: &ListEntry) -> Html {
    let keywords = collection.keyword_labels(&entry.keywords);
    html! {
            <article class="reader" lang={entry.language.clone()} aria-labelledby="page-heading">
                { heading(collection, &entry.title, &entry.authors, &entry.source, entry.published, None) }
                <p class="lead">{ entry.summary.clone() }</p>
                <div class="loading needs-script" role="status" aria-live="polite">
                    <span class="spinner" aria-hidden="true"></span>
                    {"Loading the full text…"}
                </div>
                <noscript><p class="no-script">{"The full text of this article needs JavaScript."}</p></noscript>
                <footer class="reader-footer">{ keyword_links(collection, &keywords) }</footer>
            </article>
    }
}

fn neighbour_links(
    collection: &SharedCollection,
    around: Option<&Neighbours>,
    query: Option<Vec<(String, String)>>,
) -> Html {
    let link = |number: Option<u32>, rel: &'static str, label: &'static str| match number {
        Some(n) => {
            let entry = collection.entry(n);
            match entry {
                Some(entry) => html! {
                    <QueryLink to={Route::Reader { id: entry.id.clone() }} query={query.clone()} classes={classes!("neighbour", rel)}>
                        <span class="neighbour-label">{ label }</span>
                        <span class="neighbour-title">{ entry.title.clone() }</span>
                    </QueryLink>
                },
                None => html! {
                    <span class={classes!("neighbour", rel, "loading")}>
                        <span class="neighbour-label">{ label }</span>
                        <span class="neighbour-title">{"…"}</span>
                    </span>
                },
            }
        }
        None => html! { <span class={classes!("neighbour", rel, "none")}></span> },
    };
    let in_selection = around.is_some_and(|a| a.in_selection);
    let label = if in_selection {
        "Previous and next in this list"
    } else {
        "Previous and next article"
    };
    html! {
        <nav class="neighbours" aria-label={label} aria-busy={around.is_none().to_string()}>
            { link(around.and_then(|a| a.previous), "previous", "← Previous") }
            { link(around.and_then(|a| a.next), "next", "Next →") }
        </nav>
    }
}

fn related_list(collection: &SharedCollection, related: &[u32]) -> Html {
    let entries: Vec<_> = related
        .iter()
        .filter_map(|&n| collection.entry(n))
        .collect();
    if entries.is_empty() {
        return html! {};
    }
    html! {
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{"More on these keywords"}</h2>
            <ul>
                { for entries.into_iter().map(|article| {
                    html! {
                        <li lang={article.language.clone()}>
                            <Link<Route> to={Route::Reader { id: article.id.clone() }}>{ article.title.clone() }</Link<Route>>
                            <span class="related-meta">
                                { match article.authors.as_slice() {
                                    [] => " — ".to_string(),
                                    names => format!(" — {}, ", join_names(names)),
                                } }
                                <time datetime={article.published.to_string()}>{ article.published.long_form() }</time>
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The browser tab's title for an article of a collection.
pub fn page_title(article: &str, collection: &str) -> String {
    format!("{article} · {collection}")
}
