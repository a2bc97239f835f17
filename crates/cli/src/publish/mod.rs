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

use crate::ingest::{build, SourceArgs};
use crate::output::{write_atomically, write_many_atomically, Sync};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

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
    let index = content_policy::with_policy(&index)
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
    drop(published);
    remove_whole_corpus(&args.site)?;
    let site_url = site_url(&args)?;
    let corpus = insight_corpus::Corpus {
        articles: std::mem::take(&mut built.corpus.articles),
        ..built.corpus.clone()
    };
    let pages = pages::Pages::new(&template, corpus, site_url.clone());
    write_atomically(&args.site.join("404.html"), pages.not_found().as_bytes())?;
    let lists = pages.lists();
    // The list's first page is the next publish's template too: it is synced whole.
    write_atomically(&index_path, pages.list(&lists[0]).as_bytes())?;
    let mut pages_written = write_pages(
        &args.site,
        lists[1..]
            .iter()
            .map(|file| (format!("{}.html", file.path), pages.list(file))),
    )?;
    let newest = pages.newest_first();
    pages_written.extend(write_pages(
        &args.site,
        newest.iter().map(|article| {
            // Ids are validated URL-safe slugs, so they are safe file names too.
            (
                format!("articles/{}.html", article.id),
                pages.article(article),
            )
        }),
    )?);
    for folder in PAGE_FOLDERS {
        remove_stale_pages(&args.site, &args.site.join(folder), &pages_written)?;
    }
    let newest: Vec<&insight_corpus::Article> = newest.iter().map(|a| a.as_ref()).collect();
    let browsed: Vec<String> = lists
        .iter()
        .filter(|file| {
            !file.path.is_empty()
                && !file.path.contains("/page/")
                && !file.path.starts_with("page/")
        })
        .map(|file| file.address.clone())
        .collect();
    site_files::write(
        &args.site,
        site_url.as_deref(),
        &built.corpus.title,
        &newest,
        &browsed,
    )?;
    Ok(built.finish(
        &args.source,
        &format!(
            "{} ({} pieces, {} bytes: {} written, {} unchanged, {} stale removed)",
            args.site.display(),
            written.written + written.kept,
            written.bytes,
            written.written,
            written.kept,
            written.removed
        ),
    ))
}

/// The folders that hold nothing but pages this step writes.
const PAGE_FOLDERS: [&str; 4] = ["articles", "page", "keywords", "authors"];

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
