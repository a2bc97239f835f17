//! The article list: the keyword filter beside the matching articles, newest first,
//! with a live count. The selection lives in the address (`?kw=…`).

use crate::collection::SharedCollection;
use crate::components::article_card::ArticleCard;
use crate::components::keyword_panel::KeywordPanel;
use crate::components::selection_bar::SelectionBar;
use crate::list_query::ListQuery;
use crate::marks;
use crate::route::Route;
use std::sync::atomic::{AtomicBool, Ordering};
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ListPageProps {
    pub collection: SharedCollection,
}

/// "48 articles", "1 article", "No articles".
pub fn count_text(count: usize) -> String {
    match count {
        0 => "No articles".to_string(),
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    }
}

/// Reads the list's selection from the current address.
#[hook]
pub fn use_list_query() -> ListQuery {
    let location = use_location();
    ListQuery::from_query_string(location.as_ref().map(|l| l.query_str()).unwrap_or(""))
}

#[component]
pub fn ListPage(props: &ListPageProps) -> Html {
    let collection = props.collection.clone();
    let query = use_list_query();
    let selection = use_memo((collection.clone(), query.clone()), |(c, q)| c.select(q));
    let navigator = use_navigator();
    let show = Callback::from(move |next: ListQuery| {
        if let Some(navigator) = &navigator {
            let _ = navigator.push_with_query(&Route::List, &next.to_pairs());
        }
    });
    let ontoggle = {
        let (show, query) = (show.clone(), query.clone());
        Callback::from(move |keyword: String| show.emit(query.toggled(&keyword)))
    };
    let onclear = show.reform(|_| ListQuery::default());
    {
        let title = collection.title.clone();
        use_effect_with(title, |title| super::set_document_title(title));
    }
    use_effect_with((), |_| {
        static FIRST: AtomicBool = AtomicBool::new(true);
        if FIRST.swap(false, Ordering::Relaxed) {
            marks::mark(marks::FIRST_LIST_RENDERED);
        }
    });

    let selected: Vec<String> = query
        .keywords()
        .iter()
        .map(|k| collection.keyword_label(k).to_string())
        .collect();
    let pairs = query.to_pairs();
    html! {
        <div class="list-layout">
            <aside class="filters" aria-label="Filters">
                <KeywordPanel keywords={selection.keywords.clone()} ontoggle={ontoggle.clone()} onclear={onclear.clone()} />
            </aside>
            <section class="results" aria-labelledby="page-heading">
                <h1 id="page-heading">{"Articles"}</h1>
                if !collection.skipped.is_empty() {
                    <SkippedNotice problems={collection.skipped.iter().map(|p| p.to_string()).collect::<Vec<_>>()} />
                }
                <SelectionBar selected={selected} onremove={ontoggle} onclear={onclear.clone()} />
                <p class="result-count" role="status" aria-live="polite">{ count_text(selection.articles.len()) }</p>
                if selection.articles.is_empty() {
                    <div class="empty-result">
                        <p>{"No article carries all of the selected keywords."}</p>
                        <button type="button" class="button" onclick={onclear.reform(|_: MouseEvent| ())}>
                            {"Clear the selection"}
                        </button>
                    </div>
                } else {
                    <ol class="article-list">
                        { for selection.articles.iter().map(|&i| {
                            let article = &collection.articles()[i];
                            html! {
                                <ArticleCard key={article.id.clone()}
                                    id={article.id.clone()}
                                    title={article.title.clone()}
                                    authors={article.authors.clone()}
                                    source={article.source.clone()}
                                    published={article.published}
                                    summary={article.summary.clone()}
                                    language={article.language.clone()}
                                    keywords={collection.keyword_labels(i).into_iter().map(String::from).collect::<Vec<_>>()}
                                    query={pairs.clone()} />
                            }
                        }) }
                    </ol>
                }
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SkippedNoticeProps {
    problems: Vec<String>,
}

/// Tells the reader that some records of the corpus were invalid and left out.
#[component]
fn SkippedNotice(props: &SkippedNoticeProps) -> Html {
    html! {
        <details class="skipped-notice">
            <summary>{ format!("{} left out: their records in the corpus are invalid.", count_text(props.problems.len())) }</summary>
            <ul>{ for props.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
        </details>
    }
}
