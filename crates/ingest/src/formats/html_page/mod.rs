//! Saved HTML article pages (`.html`, `.htm`, as a browser or `wget` saves them). The
//! article is found the way reader modes find it (`dom_smoothie`, a port of
//! readability.js), its metadata read from the page's own tags, and its body turned into
//! blocks under the usual safety rules. A policy institute's page, whose visible text is
//! in the saved-text shape (breadcrumb, "Author: Title", byline, "Key Words"), is read
//! by the saved-text reader, so both forms of one page give the same article. A page
//! that is not an article (an index, a tag page) is a skip with its reason.

mod meta;
mod text;

use super::page_text;
use crate::blocks::html::html_to_blocks;
use crate::dates::parse_date;
use crate::entry::Entry;
use crate::error::IngestError;
use crate::names::split_names;
use crate::options::Options;
use crate::record::{first_paragraph, shorten};
use crate::slug::choose_id;
use dom_smoothie::{Config, Readability};
use insight_corpus::link::safe_web_address;
use insight_corpus::{Article, Block};
use scraper::Html;
use std::path::Path;

/// JSON-LD types of pages that list articles rather than being one.
const LISTING_TYPES: [&str; 4] = ["CollectionPage", "SearchResultsPage", "ItemList", "WebSite"];

/// How many `<article>` elements make a page a listing: an article page may hold a few
/// (its own, "most read" teasers); a tag or archive page holds one per teaser.
const LISTING_ARTICLES: usize = 6;

/// Reads one saved page into one entry.
pub fn read(path: &Path, html: &str, options: &Options) -> Entry {
    let document = Html::parse_document(html);
    let visible = text::visible_text(&document);
    if let Some(page) = page_text::institute_page(&visible) {
        return as_page_text(path, page, options);
    }
    let meta = meta::read(&document);
    if let Some(kind) = meta
        .page_type
        .as_deref()
        .filter(|t| LISTING_TYPES.contains(t))
    {
        return Entry::Skip(format!("not an article: the page calls itself a {kind}"));
    }
    if meta.articles >= LISTING_ARTICLES {
        return Entry::Skip(format!(
            "not an article: the page lists {} articles (an index, tag or archive page)",
            meta.articles
        ));
    }
    let base = meta
        .url
        .as_deref()
        .filter(|u| safe_web_address(u).is_some());
    let config = Config {
        max_elements_to_parse: 200_000,
        ..Config::default()
    };
    let mut readability = match Readability::new(html, base, Some(config)) {
        Ok(readability) => readability,
        Err(error) => {
            return Entry::error(IngestError::new(
                path,
                None,
                format!(
                    "the page cannot be read as HTML ({error}); save it again from the browser"
                ),
            ))
        }
    };
    if !readability.is_probably_readable() {
        return Entry::Skip(
            "not an article: too little running text (an index, tag or list page?)".to_string(),
        );
    }
    let found = match readability.parse() {
        Ok(found) => found,
        Err(error) => {
            return Entry::Skip(format!("not an article: no article text found ({error})"));
        }
    };
    let mut body = html_to_blocks(&found.content);
    let mut problems = Vec::new();
    // The page's title often carries the site's name ("Title | Site"); its one heading,
    // when the title holds it, is the article's own.
    let page_title = found.title.trim().to_string();
    let title = meta.title.clone().or_else(|| match &meta.heading {
        Some(heading) if page_title.contains(heading.as_str()) => Some(heading.clone()),
        _ => Some(page_title).filter(|t| !t.is_empty()),
    });
    if title.is_none() {
        problems.push("no title (JSON-LD headline, og:title or <title>); add <title>The article's title</title>".to_string());
    }
    let date_text = meta.date.clone().or(found.published_time.clone());
    let published = date_text.as_deref().and_then(parse_date);
    match (&date_text, published) {
        (None, _) => problems.push(
            "no publication date (JSON-LD datePublished, <meta property=\"article:published_time\">, or <time datetime>); add one such as <meta property=\"article:published_time\" content=\"2021-04-12\">".to_string(),
        ),
        (Some(text), None) => problems.push(format!(
            "the publication date {text:?} cannot be read; write it as 2021-04-12"
        )),
        _ => {}
    }
    if body.blocks.is_empty() {
        problems.push("no article text found".to_string());
    }
    let (Some(title), Some(published), true) = (title, published, problems.is_empty()) else {
        return Entry::Errors(
            problems
                .into_iter()
                .map(|p| IngestError::new(path, None, p))
                .collect(),
        );
    };
    let mut authors: Vec<String> = Vec::new();
    let named = if meta.authors.is_empty() {
        found.byline.iter().map(|b| byline_name(b)).collect()
    } else {
        meta.authors.clone()
    };
    for name in named.iter().flat_map(|n| split_names(n)) {
        if !name.is_empty() && !authors.contains(&name) {
            authors.push(name);
        }
    }
    let mut keywords: Vec<String> = Vec::new();
    for keyword in &meta.keywords {
        if !keywords.iter().any(|k| k.eq_ignore_ascii_case(keyword)) {
            keywords.push(keyword.clone());
        }
    }
    let mut warnings: Vec<IngestError> = super::feed::item::conversion_messages(&body)
        .into_iter()
        .map(|m| IngestError::new(path, None, m))
        .collect();
    let language = meta
        .language
        .clone()
        .or(found.lang.clone())
        .map(|tag| {
            super::feed::language(Some(&tag), &options.default_language).unwrap_or_else(|m| {
                warnings.push(IngestError::new(path, None, m));
                options.default_language.clone()
            })
        })
        .unwrap_or_else(|| options.default_language.clone());
    let (source, source_from) = options.source(meta.site_name.clone().or(found.site_name.clone()));
    drop_repeated_head(&mut body.blocks, &title, &authors);
    drop_trailing_links(&mut body.blocks);
    let summary = meta
        .description
        .clone()
        .map(|s| shorten(s.trim(), 300))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| first_paragraph(&body.blocks));
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let article = Article {
        id: choose_id(None, stem, &title, &published.to_string()),
        title,
        authors,
        source,
        published,
        keywords,
        language,
        summary,
        body: body.blocks,
        bio: None,
        url: base.map(str::to_string),
    };
    Entry::checked(path, None, article, warnings, source_from)
}

/// A policy institute's page: its visible text read as the saved text it equals. Lines
/// in its messages are lines of that text, not of the HTML, so they are left out.
fn as_page_text(path: &Path, visible: &str, options: &Options) -> Entry {
    let strip = |mut e: IngestError| {
        e.line = None;
        e.message = format!("{} (in the page's text)", e.message);
        e
    };
    match page_text::read(path, visible, options) {
        Entry::Article {
            article,
            warnings,
            source_from,
        } => Entry::Article {
            article,
            warnings: warnings.into_iter().map(strip).collect(),
            source_from,
        },
        Entry::Errors(errors) => Entry::Errors(errors.into_iter().map(strip).collect()),
        skip => skip,
    }
}

/// Takes off the article's start what the reader shows anyway: a heading that repeats
/// the title, and a short byline ("By A · 2 May 2021") that the reader mode kept because
/// the page's metadata had already named the authors.
fn drop_repeated_head(blocks: &mut Vec<Block>, title: &str, authors: &[String]) {
    let repeated = |block: &Block| {
        let mut text = String::new();
        block.push_plain_text(&mut text);
        let text = text.trim();
        match block {
            Block::Heading { .. } => text == title,
            Block::Paragraph { .. } => {
                let short = text.chars().count() <= 160;
                let by = text.to_lowercase().starts_with("by ");
                let names =
                    !authors.is_empty() && authors.iter().all(|a| text.contains(a.as_str()));
                short && (by || names)
            }
            _ => false,
        }
    };
    let head = blocks.iter().take(2).take_while(|b| repeated(b)).count();
    if head < blocks.len() {
        blocks.drain(..head);
    }
}

/// Headings of the link lists a site puts after its articles ("More from Opinion").
const LINK_LIST_HEADINGS: [&str; 9] = [
    "more from",
    "more on",
    "related",
    "read more",
    "most read",
    "most viewed",
    "recommended",
    "you may also like",
    "latest",
];

/// Takes off the article's end a heading such as "More from Opinion" followed only by a
/// list of links: the site's, kept by the reader mode when it sits inside the article.
fn drop_trailing_links(blocks: &mut Vec<Block>) {
    let Some(at) = blocks.len().checked_sub(2) else {
        return;
    };
    let heading = match &blocks[at] {
        Block::Heading { .. } => {
            let mut text = String::new();
            blocks[at].push_plain_text(&mut text);
            text.trim().to_lowercase()
        }
        _ => return,
    };
    let links_only = matches!(&blocks[at + 1], Block::List { items, .. } if items.iter().all(|item| {
        matches!(item.as_slice(), [Block::Paragraph { content }] if matches!(content.as_slice(), [insight_corpus::Inline::Link { .. }]))
    }));
    if links_only && LINK_LIST_HEADINGS.iter().any(|h| heading.starts_with(h)) {
        blocks.truncate(at);
    }
}

/// A byline's name without its "By".
fn byline_name(byline: &str) -> String {
    let byline = byline.trim();
    let lower = byline.to_lowercase();
    match lower.strip_prefix("by ") {
        Some(_) => byline[3..].trim().to_string(),
        None => byline.to_string(),
    }
}

#[cfg(test)]
mod tests;
