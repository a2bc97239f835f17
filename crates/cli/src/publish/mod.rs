//! `corpus publish`: puts a freshly built corpus into a built site folder, with a page
//! for every address.
//!
//! The collection goes in as pieces (corpus format 2, in `corpus/`), so a reader's browser
//! fetches only what each view needs.
//! GitHub Pages (and most static hosts) serve `articles/<id>.html` for the address
//! `articles/<id>`, so each article gets its page there and its address answers 200.
//! Anything else falls back to `404.html`, which shows the not-found view, with the honest
//! 404 status. Each page holds its view rendered by the app's components (see `pages`),
//! and the site's Content-Security-Policy (see `content_policy`).

mod content_policy;
mod head;
mod pages;
mod pieces;
mod preload;
mod site_files;
mod size_limit;
mod start;

use crate::ingest::{build, SourceArgs};
use crate::output::{write_atomically, write_many_atomically, Sync};
use clap::Args;
use insight_corpus::published::ListEntry;
use insight_explorer::collection::{in_number_order, Collection, PagePieces};
use insight_explorer::prerender::ListPageFile;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Article pages rendered before they are written, a batch at a time, so that a large
/// collection's pages are never all in memory at once (two batches at most: one being
/// written, the next being rendered).
const PAGES_AT_ONCE: usize = 512;

/// Build the corpus into a built site folder (Trunk's output), with article page copies.
#[derive(Args)]
pub struct PublishArgs {
    #[command(flatten)]
    source: SourceArgs,
    /// The built site folder holding index.html; inside a Trunk hook it defaults to
    /// Trunk's staging folder.
    #[arg(long, env = "TRUNK_STAGING_DIR")]
    site: PathBuf,
    /// The site's absolute address, such as https://owner.github.io/repository/: pages
    /// then name their canonical address and carry link-preview tags, and the sitemap
    /// and feed are written. Without it they are left out.
    #[arg(long, env = "INSIGHT_SITE_URL")]
    site_url: Option<String>,
    /// Keep the whole site under this size, such as 1GB (GitHub Pages' limit). What gives
    /// way first: older articles' full text on their pages (their title, byline and
    /// summary stay), then the keyword and author pages, then the oldest articles'
    /// pages. The app still shows everything.
    #[arg(long, env = "INSIGHT_SITE_LIMIT")]
    site_limit: Option<String>,
}

/// The site's address from `--site-url`, checked, ending in `/`.
fn site_url(args: &PublishArgs) -> Result<Option<String>, String> {
    let Some(url) = args
        .site_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    else {
        return Ok(None);
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .filter(|rest| !rest.is_empty() && !rest.starts_with('/'))
        .ok_or_else(|| {
            format!("--site-url {url:?}: give the site's full address, such as https://owner.github.io/repository/")
        })?;
    if rest.contains(['"', '<', '>', ' ', '?', '#']) {
        return Err(format!(
            "--site-url {url:?}: an address has no quotes, spaces, angle brackets, query or fragment"
        ));
    }
    Ok(Some(format!("{}/", url.trim_end_matches('/'))))
}

pub fn execute(args: PublishArgs) -> Result<ExitCode, String> {
    let index_path = args.site.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|e| {
        format!(
            "{}: cannot read: {e} (build the site first; --site names its folder)",
            index_path.display()
        )
    })?;
    let index = content_policy::with_policy(&start::after_first_paint(&index))
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let mut built = build(&args.source)?;
    let published = insight_search::published::publish(
        &built.corpus.title,
        built.corpus.notice.as_deref(),
        &built.corpus.articles,
    );
    let index = preload::with_first_view(&index, &published.manifest)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let template =
        pages::Template::new(&index).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let written = pieces::write_pieces(&args.site, &published)?;
    remove_whole_corpus(&args.site)?;
    let site_url = site_url(&args)?;
    let limit = args
        .site_limit
        .as_deref()
        .filter(|limit| !limit.trim().is_empty())
        .map(size_limit::parse_size)
        .transpose()?;
    // The articles move into the collection the article pages are rendered from, which
    // keeps of the pieces only what pages need: a large corpus is held once.
    let articles = in_number_order(std::mem::take(&mut built.corpus.articles));
    let entries: Vec<ListEntry> = articles.iter().map(ListEntry::of).collect();
    let page_pieces = PagePieces::of(published);
    let article_pages = pages::Pages::new(
        &template,
        Collection::for_article_pages(&page_pieces, articles),
        site_url.clone(),
    );
    let newest = article_pages.newest_first();
    let lists = article_pages.lists();
    let (own_lists, value_lists): (Vec<&ListPageFile>, Vec<&ListPageFile>) =
        lists.iter().partition(|file| is_own_list_page(file));
    let estimates = size_limit::Estimates {
        others: size_limit::folder_bytes(&args.site, &PAGE_FOLDERS)?
            + sampled_bytes(&own_lists, |file| article_pages.list(file)),
        articles: newest.len(),
        short_page: largest_sampled(&newest, |(number, article)| {
            article_pages.article(*number, article, false)
        }),
        value_pages: sampled_bytes(&value_lists, |file| article_pages.list(file)),
    };
    let plan = size_limit::Plan::new(limit, &estimates);
    let listed: Vec<&ListPageFile> = match plan.value_pages {
        true => lists.iter().collect(),
        false => own_lists,
    };
    let budget = size_limit::PageBudget::new(plan.article_bytes, estimates.short_page);
    // The list's pages not yet taken, by place in `listed` (the first is index.html).
    let next_list_page = AtomicUsize::new(1);
    let take_list_page = |pages: &pages::Pages| {
        let at = next_list_page.fetch_add(1, Ordering::Relaxed);
        let file = listed.get(at)?;
        Some((format!("{}.html", file.path), pages.list(file)))
    };
    let pages_written = std::thread::scope(|scope| {
        // The list's pages are rendered on a core of their own, from a collection of
        // their own (list entries only), while this thread renders the articles' pages
        // and then helps with the list's pages left.
        let list_pages = scope.spawn(|| {
            let pages = pages::Pages::new(
                &template,
                Collection::for_list_pages(&page_pieces, entries),
                site_url.clone(),
            );
            write_atomically(&args.site.join("404.html"), pages.not_found().as_bytes())?;
            // The list's first page is the next publish's template too: it is synced whole.
            write_atomically(&index_path, pages.list(listed[0]).as_bytes())?;
            write_pages(&args.site, std::iter::from_fn(|| take_list_page(&pages)))
        });
        // The older pages each page must leave room for, as planned; the budget itself
        // ends the pages where the next short one no longer fits.
        let older = |place: usize| plan.article_pages.saturating_sub(place + 1);
        let articles = newest
            .iter()
            .enumerate()
            .map_while(|(place, (number, article))| {
                let full = article_pages.article(*number, article, true);
                let html = if budget.take(full.len() as u64, older(place)) {
                    full
                } else {
                    let short = article_pages.article(*number, article, false);
                    budget.take_short(short.len() as u64).then_some(short)?
                };
                // Ids are validated URL-safe slugs, so they are safe file names too.
                Some((format!("{ARTICLE_FOLDER}/{}.html", article.id), html))
            });
        let helped = std::iter::from_fn(|| take_list_page(&article_pages));
        let mut written = write_pages(&args.site, articles.chain(helped))?;
        let lists_written = list_pages
            .join()
            .map_err(|_| "the list pages' writer stopped unexpectedly".to_string())??;
        written.extend(lists_written);
        Ok::<_, String>(written)
    })?;
    // Pages go to the newest articles first, each id once.
    let article_pages_written = pages_written
        .iter()
        .filter(|name| {
            name.strip_prefix(ARTICLE_FOLDER)
                .is_some_and(|rest| rest.starts_with('/'))
        })
        .count();
    let with_pages = &newest[..article_pages_written];
    for folder in PAGE_FOLDERS {
        remove_stale_pages(&args.site, &args.site.join(folder), &pages_written)?;
    }
    let paged: Vec<&insight_corpus::Article> = with_pages.iter().map(|(_, a)| a.as_ref()).collect();
    let browsed: Vec<String> = listed
        .iter()
        .filter(|file| !is_own_list_page(file) && !file.path.contains("/page/"))
        .map(|file| file.address.clone())
        .collect();
    site_files::write(
        &args.site,
        site_url.as_deref(),
        &built.corpus.title,
        &paged,
        &browsed,
    )?;
    let site_bytes = size_limit::folder_bytes(&args.site, &[])?;
    let mut summary = format!(
        "{} ({} pieces, {} bytes: {} written, {} unchanged, {} stale removed; site {})",
        args.site.display(),
        written.written + written.kept,
        written.bytes,
        written.written,
        written.kept,
        written.removed,
        size_limit::shown(site_bytes),
    );
    let outcome = size_limit::Outcome {
        limit,
        site_bytes,
        others: estimates.others,
        full_pages: budget.full_pages(),
        short_pages: with_pages.len() - budget.full_pages(),
        no_page: newest.len() - with_pages.len(),
        value_pages: plan.value_pages,
    };
    summary.push_str(&outcome.given_way());
    if let Some(warning) = outcome.warning() {
        eprintln!("warning: {}: {warning}", args.site.display());
    }
    Ok(built.finish(&args.source, &summary))
}

/// The folder of the articles' pages.
const ARTICLE_FOLDER: &str = "articles";
/// The folders that hold nothing but pages this step writes.
const PAGE_FOLDERS: [&str; 4] = [ARTICLE_FOLDER, "page", "keywords", "authors"];

/// Whether a list page is one of the list's own (`index.html`, `page/N`), not a
/// keyword's or an author's.
fn is_own_list_page(file: &ListPageFile) -> bool {
    file.path.is_empty() || file.path.starts_with("page/")
}

/// How many pages are rendered to estimate the size of the rest.
const SAMPLE: usize = 32;

/// The bytes `render` is expected to make of all of `items`, from an even sample, with a
/// margin: pages differ in their titles, summaries and links.
fn sampled_bytes<T>(items: &[T], render: impl Fn(&T) -> String) -> u64 {
    let step = (items.len() / SAMPLE).max(1);
    let sample: Vec<u64> = items
        .iter()
        .step_by(step)
        .map(|item| render(item).len() as u64)
        .collect();
    let average = sample.iter().sum::<u64>() / (sample.len().max(1) as u64);
    let total = average * items.len() as u64;
    total + total / 10
}

/// The most `render` is expected to make of one of `items`, from an even sample, with a
/// margin.
fn largest_sampled<T>(items: &[T], render: impl Fn(&T) -> String) -> u64 {
    let step = (items.len() / SAMPLE).max(1);
    let largest = items
        .iter()
        .step_by(step)
        .map(|item| render(item).len() as u64)
        .max()
        .unwrap_or(0);
    largest + largest / 4
}

/// Writes `pages` (each a file name under `site` and its HTML, rendered as the iterator
/// is walked) a batch at a time, each batch written while the next is rendered; returns
/// the names written.
fn write_pages(
    site: &std::path::Path,
    pages: impl Iterator<Item = (String, String)>,
) -> Result<std::collections::HashSet<String>, String> {
    let mut names = std::collections::HashSet::new();
    let mut pages = pages.peekable();
    std::thread::scope(|scope| {
        let (send, batches) = std::sync::mpsc::sync_channel::<Vec<(PathBuf, String)>>(1);
        let writer = scope.spawn(move || {
            for batch in batches {
                let files: Vec<(PathBuf, &[u8])> = batch
                    .iter()
                    .map(|(path, html)| (path.clone(), html.as_bytes()))
                    .collect();
                write_many_atomically(&files, Sync::MendedByNextPublish)?;
            }
            Ok::<(), String>(())
        });
        while pages.peek().is_some() {
            let batch: Vec<(PathBuf, String)> = pages
                .by_ref()
                .take(PAGES_AT_ONCE)
                .map(|(name, html)| {
                    let path = site.join(&name);
                    names.insert(name);
                    (path, html)
                })
                .collect();
            if send.send(batch).is_err() {
                // The writer stopped at an error, which its join reports.
                break;
            }
        }
        drop(send);
        writer
            .join()
            .map_err(|_| "the page writer stopped unexpectedly".to_string())?
    })?;
    Ok(names)
}

/// Removes what earlier versions of the tool published (one `corpus.json` and its
/// saved index): the pieces replace them, and a reader's browser must not fetch them.
fn remove_whole_corpus(site: &std::path::Path) -> Result<(), String> {
    for old in ["corpus.json", "search-index.bin"] {
        let path = site.join(old);
        if path.is_file() {
            std::fs::remove_file(&path)
                .map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Removes the pages in `folder` (and the folders within) that this publish did not
/// write (left by an earlier publish into the same site: an article, keyword or author
/// no longer in the corpus, or a page the list no longer reaches), so their addresses
/// answer 404 again; `written` names files relative to `site`.
fn remove_stale_pages(
    site: &std::path::Path,
    folder: &std::path::Path,
    written: &std::collections::HashSet<String>,
) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            remove_stale_pages(site, &path, written)?;
            // Emptied folders go too; a folder still holding pages stays.
            let _ = std::fs::remove_dir(&path);
            continue;
        }
        let name = path
            .strip_prefix(site)
            .map(|p| p.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "/"))
            .unwrap_or_default();
        if name.ends_with(".html") && !written.contains(&name) {
            std::fs::remove_file(&path)
                .map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
        }
    }
    Ok(())
}
