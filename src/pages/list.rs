//! The article list: search box, sort and facets beside the matching articles, with a
//! live count. Everything the list shows lives in the address (`?q=…&kw=…&sort=…`).

use crate::collection::{ListView, SharedCollection};
use crate::components::article_card::ArticleCard;
use crate::components::facet_group::FacetGroup;
use crate::components::keyword_panel::KeywordPanel;
use crate::components::search_box::SearchBox;
use crate::components::selection_bar::{Selected, SelectionBar};
use crate::list_query::ListQuery;
use crate::marks;
use crate::pages::recovery::{best_relaxation, Relaxation};
use crate::reading::{History, Reading};
use crate::route::Route;
use insight_search::{highlight, snippet, Facet, Sort};
use std::sync::atomic::{AtomicBool, Ordering};
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

/// How many words a result's snippet shows.
const SNIPPET_WORDS: usize = 36;
/// How many articles the list shows at first, and adds each time "Show more" is pressed:
/// a large collection's list stays quick to draw.
const PAGE: usize = 50;

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

/// Reads the list's state from the current address.
#[hook]
pub fn use_list_query() -> ListQuery {
    let location = use_location();
    ListQuery::from_query_string(location.as_ref().map(|l| l.query_str()).unwrap_or(""))
}

#[component]
pub fn ListPage(props: &ListPageProps) -> Html {
    let collection = props.collection.clone();
    let query = use_list_query();
    let reading = use_context::<Reading>().expect("the shell provides the reading history");
    let view = use_memo((collection.clone(), query.clone()), |(c, q)| c.list(q));
    let shown = use_state(|| PAGE);
    {
        let shown = shown.clone();
        use_effect_with(query.clone(), move |_| shown.set(PAGE));
    }
    let navigator = use_navigator();
    // Typing replaces the history entry (one entry per search, not per keystroke);
    // choosing a filter adds one, so Back undoes it.
    let go = {
        let navigator = navigator.clone();
        Callback::from(move |(next, replace): (ListQuery, bool)| {
            if let Some(navigator) = &navigator {
                let pairs = next.to_pairs();
                let _ = if replace {
                    navigator.replace_with_query(&Route::List, &pairs)
                } else {
                    navigator.push_with_query(&Route::List, &pairs)
                };
            }
        })
    };
    let show = go.reform(|next: ListQuery| (next, false));
    let onsearch = {
        let (go, query) = (go.clone(), query.clone());
        Callback::from(move |text: String| go.emit((query.with_text(&text), true)))
    };
    let toggle = |facet: Facet| {
        let (show, query) = (show.clone(), query.clone());
        Callback::from(move |value: String| show.emit(query.toggled_in(facet, &value)))
    };
    let onclear = {
        let (show, query) = (show.clone(), query.clone());
        Callback::from(move |_| show.emit(query.without_facets()))
    };
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

    html! {
        <div class="list-layout">
            <aside class="filters" aria-label="Filters">
                <KeywordPanel keywords={view.facets.keywords.clone()} ontoggle={toggle(Facet::Keywords)} onclear={onclear.clone()} />
                <MoreFilters view={(*view).clone()} onauthor={toggle(Facet::Authors)} onsource={toggle(Facet::Sources)} onyear={toggle(Facet::Years)} />
            </aside>
            <section class="results" aria-labelledby="page-heading">
                <h1 id="page-heading">{"Articles"}</h1>
                <SearchBox value={query.text().to_string()} {onsearch} />
                if !collection.skipped.is_empty() {
                    <SkippedNotice problems={collection.skipped.iter().map(|p| p.to_string()).collect::<Vec<_>>()} />
                }
                <SelectionBar selected={selected(&collection, &query)} onremove={show.reform({
                    let query = query.clone();
                    move |(facet, value): (Facet, String)| query.toggled_in(facet, &value)
                })} onclear={onclear.clone()} />
                <div class="result-bar">
                    <p class="result-count" role="status" aria-live="polite">{ count_text(view.articles.len()) }</p>
                    <SortChoice sort={query.sort()} onchange={show.reform({
                        let query = query.clone();
                        move |sort| query.with_sort(sort)
                    })} />
                </div>
                if view.articles.is_empty() {
                    <NoResults relaxation={best_relaxation(&collection, &query)} onrelax={show.clone()} />
                } else {
                    { results(&collection, &query, &view, *shown, &reading.history) }
                    if view.articles.len() > *shown {
                        <p class="show-more">
                            <button type="button" class="button" onclick={{
                                let shown = shown.clone();
                                move |_| shown.set(*shown + PAGE)
                            }}>
                                { format!("Show more ({} of {} shown)", *shown, view.articles.len()) }
                            </button>
                        </p>
                    }
                }
            </section>
        </div>
    }
}

/// The selected facet values, in the collection's spelling, for the selection bar.
fn selected(collection: &SharedCollection, query: &ListQuery) -> Vec<Selected> {
    let mut out: Vec<Selected> = query
        .keywords()
        .iter()
        .map(|k| Selected {
            facet: Facet::Keywords,
            label: collection.keyword_label(k).to_string(),
        })
        .collect();
    for facet in [Facet::Authors, Facet::Sources, Facet::Years] {
        out.extend(query.values(facet).iter().map(|v| Selected {
            facet,
            label: v.clone(),
        }));
    }
    out
}

fn results(
    collection: &SharedCollection,
    query: &ListQuery,
    view: &ListView,
    limit: usize,
    history: &History,
) -> Html {
    let pairs = query.to_pairs();
    let searching = view.search.has_text();
    html! {
        <ol class="article-list">
            { for view.articles.iter().take(limit).map(|&i| {
                let article = &collection.articles()[i];
                let (title_spans, snippet) = if searching {
                    let mut body = String::new();
                    article.body.iter().for_each(|b| b.push_plain_text(&mut body));
                    (Some(highlight(&article.title, &view.search)), Some(snippet(&body, &view.search, SNIPPET_WORDS)))
                } else {
                    (None, None)
                };
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
                        read={history.contains(&article.id)}
                        query={pairs.clone()} {title_spans} {snippet} />
                }
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct MoreFiltersProps {
    view: ListView,
    onauthor: Callback<String>,
    onsource: Callback<String>,
    onyear: Callback<String>,
}

/// Authors, sources and years; folded away on phones until asked for.
#[component]
fn MoreFilters(props: &MoreFiltersProps) -> Html {
    let expanded = use_state(|| false);
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    html! {
        <section class={classes!("keyword-panel", "more-filters", expanded.then_some("expanded"))} aria-labelledby="more-filters-heading">
            <div class="panel-heading">
                <h2 id="more-filters-heading">{"Authors, sources, years"}</h2>
                <button type="button" class="panel-toggle link-button" aria-controls="more-filters-body"
                    aria-expanded={expanded.to_string()} onclick={toggle}>
                    { if *expanded { "Hide" } else { "Show" } }
                </button>
            </div>
            <div id="more-filters-body" class="keyword-body">
                <FacetGroup title="Authors" values={props.view.facets.authors.clone()} ontoggle={props.onauthor.clone()} />
                <FacetGroup title="Sources" values={props.view.facets.sources.clone()} ontoggle={props.onsource.clone()} />
                <FacetGroup title="Years" values={props.view.facets.years.clone()} ontoggle={props.onyear.clone()} />
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SortChoiceProps {
    sort: Sort,
    onchange: Callback<Sort>,
}

#[component]
fn SortChoice(props: &SortChoiceProps) -> Html {
    let onchange = props.onchange.reform(|event: Event| {
        match event
            .target_unchecked_into::<HtmlSelectElement>()
            .value()
            .as_str()
        {
            "relevance" => Sort::Relevance,
            "oldest" => Sort::Oldest,
            _ => Sort::Newest,
        }
    });
    let option = |value: &'static str, label: &'static str, sort: Sort| {
        html! { <option {value} selected={props.sort == sort}>{ label }</option> }
    };
    html! {
        <label class="sort-choice">{"Sort "}
            <select {onchange}>
                { option("relevance", "Best match", Sort::Relevance) }
                { option("newest", "Newest first", Sort::Newest) }
                { option("oldest", "Oldest first", Sort::Oldest) }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
struct NoResultsProps {
    relaxation: Option<Relaxation>,
    onrelax: Callback<ListQuery>,
}

/// Says that nothing matched and offers to drop the filter that excludes the most.
#[component]
fn NoResults(props: &NoResultsProps) -> Html {
    html! {
        <div class="empty-result">
            <p>{"No article matches all of this."}</p>
            if let Some(relaxation) = &props.relaxation {
                <button type="button" class="button" onclick={{
                    let (onrelax, query) = (props.onrelax.clone(), relaxation.query.clone());
                    move |_| onrelax.emit(query.clone())
                }}>
                    { format!("Remove {} ({})", relaxation.label, count_text(relaxation.count).to_lowercase()) }
                </button>
            }
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
            <p class="owner-fix">
                <strong>{"If you run this site: "}</strong>
                {"this lists every problem, with its line in the corpus file: "}
                <code>{"corpus check corpus.json"}</code>
            </p>
        </details>
    }
}
