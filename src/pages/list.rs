//! The article list: search box, sort and facets beside the matching articles, with a
//! live count. Everything the list shows lives in the address (`?q=…&kw=…&sort=…`).

use crate::app::{use_wants, Fetcher};
use crate::collection::{Collection, ListView, SharedCollection, Want};
use crate::components::article_card::ArticleCard;
use crate::components::facet_group::FacetGroup;
use crate::components::keyword_panel::KeywordPanel;
use crate::components::pager::{grouped, page_count, Pager};
use crate::components::piece_failure::PieceFailureNotice;
use crate::components::refused_links::RefusedLinksNotice;
use crate::components::search_box::SearchBox;
use crate::components::selection_bar::{Selected, SelectionBar};
use crate::list_address::{shown_at, value_links, ListAddress};
use crate::list_query::ListQuery;
use crate::marks;
use crate::pages::not_found::NotFoundPage;
use crate::pages::recovery::{best_relaxation, Relaxation};
use crate::reading::{History, Reading};
use crate::route::Route;
use insight_search::published::Need;
use insight_search::{highlight, snippet, Facet, Facets, Sort};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

/// How many words a result's snippet shows.
const SNIPPET_WORDS: usize = 36;
/// How many articles a page of the list shows: a large collection's list stays quick to
/// draw (on a phone, the first page is up sooner), and its page holds as many cards
/// however large the collection.
pub const PAGE: usize = 20;
/// The same for a search, whose results are spread over the collection, so each card
/// comes on its own (by byte range) rather than with its neighbours, and each shows a
/// snippet of its body (its article fetched whole): ten results, one request each, keep a
/// keystroke's fetching to one short round.
const SEARCH_PAGE: usize = 10;

#[derive(Properties, PartialEq)]
pub struct ListPageProps {
    pub collection: SharedCollection,
    pub query: ListQuery,
    /// The page shown, from 1.
    pub page: usize,
}

/// "48 articles", "1 article", "No articles", "10,000 articles".
pub fn count_text(count: usize) -> String {
    match count {
        0 => "No articles".to_string(),
        1 => "1 article".to_string(),
        n => format!("{} articles", grouped(n)),
    }
}

/// Reads the search and selection a reader's page carries in its query string (previous
/// and next follow that list).
#[hook]
pub fn use_list_query() -> ListQuery {
    let location = use_location();
    ListQuery::from_query_string(location.as_ref().map(|l| l.query_str()).unwrap_or(""))
}

#[derive(Properties, PartialEq)]
pub struct ListAtProps {
    pub collection: SharedCollection,
    /// A list address (see [`Route::browse`]).
    pub route: Route,
}

/// The list a list address shows, with its query string; not-found for a keyword or
/// author page of a value the collection does not hold.
#[component]
pub fn ListAt(props: &ListAtProps) -> Html {
    let location = use_location();
    let query_string = location.as_ref().map(|l| l.query_str()).unwrap_or("");
    match shown_at(&props.collection, &props.route, query_string) {
        Some((query, page)) => html! {
            <ListPage collection={props.collection.clone()} {query} {page} />
        },
        None => html! { <NotFoundPage /> },
    }
}

/// The browser tab's title for a list: the collection's name, after the keyword's or
/// author's and the page when there are such.
pub fn list_title(collection: &Collection, query: &ListQuery, page: usize) -> String {
    let mut title = match query.browsed() {
        Some(Some((Facet::Keywords, keyword))) => {
            format!(
                "{} · {}",
                list_heading(query, &collection.keyword_label(keyword)),
                collection.title
            )
        }
        Some(Some((_, author))) => {
            format!("{} · {}", list_heading(query, author), collection.title)
        }
        _ => collection.title.clone(),
    };
    if page > 1 {
        title = format!("{title} · page {page}");
    }
    title
}

/// The list's heading: "Articles", or the keyword's or author's articles when the list
/// shows only those.
fn list_heading(query: &ListQuery, label: &str) -> String {
    match query.browsed() {
        Some(Some((Facet::Keywords, _))) => format!("Articles on {label}"),
        Some(Some(_)) => format!("Articles by {label}"),
        _ => "Articles".to_string(),
    }
}

#[component]
pub fn ListPage(props: &ListPageProps) -> Html {
    let collection = props.collection.clone();
    let query = props.query.clone();
    let reading = use_context::<Reading>().expect("the shell provides the reading history");
    let fetcher = use_context::<Fetcher>().expect("the shell provides the fetcher");
    let view = use_memo((collection.clone(), query.clone()), |(c, q)| c.list(q));
    let per_page = if query.text().trim().is_empty() {
        PAGE
    } else {
        SEARCH_PAGE
    };
    let total = view.articles.as_ref().map_or(0, |a| a.len());
    let page = props.page.min(page_count(total, per_page));
    // While facets are being counted for a new query, the last counts stay in view,
    // marked as being counted, instead of blinking away.
    let last_facets = use_mut_ref(|| None::<Rc<Facets>>);
    let counting = view.facets.is_none();
    if let Some(facets) = &view.facets {
        *last_facets.borrow_mut() = Some(facets.clone());
    }
    let facets = view
        .facets
        .clone()
        .or_else(|| last_facets.borrow().clone())
        .unwrap_or_else(|| Rc::new(Facets::default()));
    let searching = view.search.has_text();
    let listed: Vec<u32> = view
        .articles
        .as_deref()
        .map(|a| {
            a.iter()
                .skip((page - 1) * per_page)
                .take(per_page)
                .copied()
                .collect()
        })
        .unwrap_or_default();
    let relaxation = match &view.articles {
        Some(articles) if articles.is_empty() => Some(best_relaxation(&collection, &query)),
        _ => None,
    };
    let with_snippets: Vec<u32> = if searching {
        listed.clone()
    } else {
        Vec::new()
    };
    let mut wants: Vec<Want> = view.wants.clone();
    wants.extend(collection.wants_for(&listed, false));
    // Snippets wait for the cards: a browser opens only a few connections to a host, and
    // the results are drawn first.
    let cards_pending = listed.iter().any(|&n| collection.entry(n).is_none());
    if !cards_pending {
        wants.extend(collection.wants_for(&with_snippets, true));
    }
    if let Some((_, more)) = &relaxation {
        wants.extend(more.iter().cloned());
    }
    let failure = collection.failure(&wants);
    let snippets_pending = with_snippets
        .iter()
        .any(|&n| collection.record(n).is_none() && collection.refusal(n).is_none());
    use_wants(&collection, wants);

    let navigator = use_navigator();
    // Typing replaces the history entry (one entry per search, not per keystroke);
    // choosing a filter adds one, so Back undoes it.
    let go = {
        let (navigator, collection) = (navigator.clone(), collection.clone());
        Callback::from(move |(next, replace): (ListQuery, bool)| {
            let Some(navigator) = &navigator else {
                return;
            };
            let to = ListAddress::of(&collection, &next, 1);
            match (replace, to.query.is_empty()) {
                (true, true) => navigator.replace(&to.route),
                (false, true) => navigator.push(&to.route),
                (true, false) => {
                    let _ = navigator.replace_with_query(&to.route, &to.query);
                }
                (false, false) => {
                    let _ = navigator.push_with_query(&to.route, &to.query);
                }
            }
        })
    };
    let show = go.reform(|next: ListQuery| (next, false));
    // Another page is a step of its own (Back returns to this one), and starts at the top.
    let onpage = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let page_address = |to: usize| ListAddress::of(&collection, &query, to);
    let pages = page_count(total, per_page);
    let previous = (page > 1).then(|| page_address(page - 1));
    let next = (page < pages).then(|| page_address(page + 1));
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
        let title = list_title(&collection, &query, page);
        use_effect_with(title, |title| super::set_document_title(title));
    }
    let heading = match query.browsed() {
        Some(Some((Facet::Keywords, keyword))) => {
            list_heading(&query, &collection.keyword_label(keyword))
        }
        Some(Some((_, author))) => list_heading(&query, author),
        _ => list_heading(&query, ""),
    };
    let drawn = listed
        .first()
        .is_some_and(|&n| collection.entry(n).is_some());
    {
        let (fetch, collection) = (fetcher.fetch.clone(), collection.clone());
        use_effect_with(drawn, move |drawn| {
            static FIRST: AtomicBool = AtomicBool::new(true);
            if *drawn && FIRST.swap(false, Ordering::Relaxed) {
                marks::mark(marks::FIRST_LIST_RENDERED);
                // The search directory is small and every search starts with it: once
                // the list is up, it is fetched before the first keystroke needs it.
                fetch.emit(collection.wants_search(Need::Directory));
            }
        });
    }
    let busy = failure.is_none()
        && (view.articles.is_none() || listed.iter().any(|&n| collection.entry(n).is_none()));
    let settling = failure.is_none()
        && (busy || counting || relaxation.as_ref().is_some_and(|(_, w)| !w.is_empty()));

    html! {
        <div class="list-layout" aria-busy={(settling || snippets_pending && failure.is_none()).to_string()}>
            <aside class="filters" aria-label="Filters" aria-busy={counting.to_string()}>
                if counting && failure.is_none() {
                    <p class="counting" role="status">{"Counting…"}</p>
                }
                // A collection whose articles name no keywords has no keyword panel.
                if !collection.keywords().is_empty() {
                    <KeywordPanel keywords={facets.keywords.clone()} {counting} ontoggle={toggle(Facet::Keywords)} onclear={onclear.clone()} />
                }
                <MoreFilters facets={facets.clone()} has_authors={collection.has_authors()} {counting} onauthor={toggle(Facet::Authors)} onsource={toggle(Facet::Sources)} onyear={toggle(Facet::Years)} />
            </aside>
            <section class="results" aria-labelledby="page-heading" aria-busy={busy.to_string()}>
                <h1 id="page-heading">{ heading }</h1>
                <SearchBox value={query.text().to_string()} {onsearch} />
                if !collection.skipped.is_empty() {
                    <SkippedNotice problems={collection.skipped.iter().map(|p| p.to_string()).collect::<Vec<_>>()} />
                }
                <RefusedLinksNotice links={collection.refused_links.clone()} />
                <SelectionBar selected={selected(&collection, &query)} onremove={show.reform({
                    let query = query.clone();
                    move |(facet, value): (Facet, String)| query.toggled_in(facet, &value)
                })} onclear={onclear.clone()} />
                <div class="result-bar">
                    <p class="result-count" role="status" aria-live="polite">{ match &view.articles {
                        Some(articles) => count_text(articles.len()),
                        None if failure.is_some() => "Search incomplete".to_string(),
                        None => "Searching…".to_string(),
                    } }</p>
                    <SortChoice sort={query.sort()} onchange={show.reform({
                        let query = query.clone();
                        move |sort| query.with_sort(sort)
                    })} />
                </div>
                if let Some(message) = failure {
                    <PieceFailureNotice {message} onretry={fetcher.retry.clone()} />
                }
                if let Some(articles) = &view.articles {
                    if articles.is_empty() {
                        <NoResults relaxation={relaxation.and_then(|(r, _)| r)} onrelax={show.clone()} />
                    } else {
                        { results(&collection, &query, &view, &listed, &reading.history) }
                        <Pager {page} {per_page} total={articles.len()} {previous} {next} {onpage} />
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
            label: collection.keyword_label(k),
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
    listed: &[u32],
    history: &History,
) -> Html {
    let pairs = query.to_pairs();
    let searching = view.search.has_text();
    // Cards draw in order up to the first whose entry has not arrived yet.
    let entries: Vec<_> = listed
        .iter()
        .map_while(|&n| collection.entry(n).map(|e| (n, e)))
        .collect();
    let waiting = listed.len() - entries.len();
    html! {
        <>
        <ol class="article-list">
            { for entries.into_iter().map(|(number, entry)| {
                let (title_spans, snippet) = if searching {
                    let body = collection.record(number).map(|article| {
                        let mut body = String::new();
                        article.body.iter().for_each(|b| b.push_plain_text(&mut body));
                        snippet(&body, &view.search, SNIPPET_WORDS)
                    });
                    (Some(highlight(&entry.title, &view.search)), body)
                } else {
                    (None, None)
                };
                html! {
                    <ArticleCard key={entry.id.clone()}
                        id={entry.id.clone()}
                        title={entry.title.clone()}
                        authors={value_links(collection, Facet::Authors, &entry.authors)}
                        source={entry.source.clone()}
                        published={entry.published}
                        summary={entry.summary.clone()}
                        language={entry.language.clone()}
                        keywords={value_links(collection, Facet::Keywords, &collection.keyword_labels(&entry.keywords))}
                        read={history.contains(&entry.id)}
                        query={pairs.clone()} {title_spans} {snippet} />
                }
            }) }
        </ol>
        if waiting > 0 {
            <p class="loading-more" role="status">{ format!("Loading {}…", count_text(waiting).to_lowercase()) }</p>
        }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct MoreFiltersProps {
    facets: Rc<Facets>,
    /// Whether the collection names any author: without, the authors' group is left out.
    has_authors: bool,
    counting: bool,
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
                <h2 id="more-filters-heading">{ if props.has_authors { "Authors, sources, years" } else { "Sources, years" } }</h2>
                <button type="button" class="panel-toggle link-button" aria-controls="more-filters-body"
                    aria-expanded={expanded.to_string()} onclick={toggle}>
                    { if *expanded { "Hide" } else { "Show" } }
                </button>
            </div>
            <div id="more-filters-body" class="keyword-body">
                if props.has_authors {
                    <FacetGroup title="Authors" values={props.facets.authors.clone()} counting={props.counting} ontoggle={props.onauthor.clone()} />
                }
                <FacetGroup title="Sources" values={props.facets.sources.clone()} counting={props.counting} ontoggle={props.onsource.clone()} />
                <FacetGroup title="Years" values={props.facets.years.clone()} counting={props.counting} ontoggle={props.onyear.clone()} />
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
