//! One feed item or entry to an article: fields from the feed's shape, the body from its
//! HTML content, and an error naming the item when a required field is missing.

use super::model::{Entry as FeedEntry, Person, Text};
use super::scan::ItemScan;
use crate::blocks::html::html_to_blocks;
use crate::blocks::markdown::markdown_to_blocks;
use crate::blocks::Conversion;
use crate::dates::parse_date;
use crate::entry::Entry;
use crate::error::IngestError;
use crate::options::SourceFrom;
use crate::record::{first_paragraph, shorten};
use crate::slug::choose_id;
use insight_corpus::link::safe_web_address;
use insight_corpus::{Article, Block, Date, Inline};
use std::path::Path;

/// Categories beyond this many are not kept as keywords.
pub(crate) const MAX_KEYWORDS: usize = 50;

/// What every item of a feed shares.
pub struct FeedFacts {
    pub source: String,
    pub source_from: SourceFrom,
    pub language: String,
    /// The feed's own authors, for items that name none.
    pub authors: Vec<String>,
}

/// Builds the entry for item `number` (1-based) of the feed.
pub fn build(
    path: &Path,
    facts: &FeedFacts,
    entry: &FeedEntry,
    scan: Option<&ItemScan>,
    number: usize,
) -> Entry {
    let line = scan.map(|s| s.line);
    let title = entry.title.as_ref().map(plain_text).unwrap_or_default();
    let label = match title.as_str() {
        "" => format!("item {number}"),
        title => format!("item {number} ({:?})", shorten(title, 60)),
    };
    let problem = |message: String| IngestError::new(path, line, format!("{label}: {message}"));
    let (body, published, mut messages) = match required(&title, entry, scan) {
        Ok(found) => found,
        Err(reasons) => return Entry::Errors(reasons.into_iter().map(problem).collect()),
    };
    messages.extend(conversion_messages(&body));
    let authors = authors(entry, facts);
    let (keywords, categories) = keywords(entry);
    if categories > MAX_KEYWORDS {
        messages.push(format!(
            "{categories} categories; only the first {MAX_KEYWORDS} are kept as keywords"
        ));
    }
    let url = original_address(entry, &mut messages);
    let mut warnings: Vec<IngestError> = Vec::new();
    warnings.extend(messages.into_iter().map(problem));
    let stem = url.as_deref().map(link_stem).unwrap_or_default();
    let article = Article {
        id: choose_id(None, &stem, &title, &published.to_string()),
        summary: summary(entry, &body.blocks, &title),
        title,
        authors,
        source: facts.source.clone(),
        published,
        keywords,
        language: facts.language.clone(),
        body: body.blocks,
        bio: None,
        url,
    };
    Entry::checked(path, line, article, warnings, facts.source_from)
}

/// The fields an item cannot do without: a title, some text and a date (with warnings
/// about content that could not be read); else every one that is missing.
fn required(
    title: &str,
    entry: &FeedEntry,
    scan: Option<&ItemScan>,
) -> Result<(Conversion, Date, Vec<String>), Vec<String>> {
    let mut missing = Vec::new();
    if title.is_empty() {
        missing.push("no title; add a <title> to it".to_string());
    }
    let (body, messages) = body(entry);
    if body.blocks.is_empty() {
        missing.push(
            "no text (<content:encoded>, <description> or Atom <content> is empty or \
                    missing); add the article's text"
                .to_string(),
        );
    }
    let published = published(entry, scan).map_err(|reason| missing.push(reason));
    match published {
        Ok(date) if missing.is_empty() => Ok((body, date, messages)),
        _ => Err(missing),
    }
}

/// Warnings about what the HTML conversion left out.
pub(crate) fn conversion_messages(body: &Conversion) -> Vec<String> {
    let mut messages = Vec::new();
    if body.dropped_html > 0 {
        messages.push(format!(
            "left out {} HTML element(s) such as scripts, frames or forms (only text, links and \
             basic formatting are kept)",
            body.dropped_html
        ));
    }
    for href in &body.refused_links {
        messages.push(insight_corpus::link_refusal(href));
    }
    messages
}

/// The item's authors, else the feed's; none when neither names anybody.
fn authors(entry: &FeedEntry, facts: &FeedFacts) -> Vec<String> {
    let authors = names(&entry.authors);
    if authors.is_empty() {
        facts.authors.clone()
    } else {
        authors
    }
}

/// The item's web address: its alternate (or first) link, if it is http or https.
fn original_address(entry: &FeedEntry, messages: &mut Vec<String>) -> Option<String> {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| entry.links.first())?;
    let url = safe_web_address(&link.href).map(str::to_string);
    if url.is_none() {
        messages.push(format!(
            "the link {:?} is not an http or https address; the article keeps no original \
             address (fix <link>)",
            link.href
        ));
    }
    url
}

/// The item's body: its content, else its summary (Atom) or description (RSS); and a
/// warning for content of a media type that is not text.
fn body(entry: &FeedEntry) -> (Conversion, Vec<String>) {
    let content = entry
        .content
        .as_ref()
        .map(|c| (c.content.as_str(), c.content_type.as_str()));
    let summary = entry
        .summary
        .as_ref()
        .map(|t| (t.content.as_str(), t.content_type.as_str()));
    let mut seen = Conversion::default();
    let mut messages = Vec::new();
    for (text, media_type) in content.into_iter().chain(summary) {
        let Some(mut conversion) = convert(text, media_type) else {
            messages.push(format!(
                "content of type {media_type:?} is not text and was not read"
            ));
            continue;
        };
        seen.dropped_html += conversion.dropped_html;
        seen.refused_links.append(&mut conversion.refused_links);
        if !conversion.blocks.is_empty() {
            seen.blocks = conversion.blocks;
            break;
        }
    }
    (seen, messages)
}

/// Text of a media type to blocks: HTML, Markdown or plain text; `None` for other types.
fn convert(text: &str, media_type: &str) -> Option<Conversion> {
    let essence = media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        // text/html, and application/xhtml+xml for Atom's xhtml.
        html if html.contains("html") => Some(html_to_blocks(text)),
        "text/markdown" | "text/x-markdown" => Some(markdown_to_blocks(text)),
        plain if plain.starts_with("text/") || plain.is_empty() => Some(Conversion {
            blocks: plain_paragraphs(text),
            ..Conversion::default()
        }),
        _ => None,
    }
}

/// A text construct as plain text on one line: HTML is reduced to its visible text.
pub fn plain_text(text: &Text) -> String {
    if is_plain(text.content_type.as_str()) {
        collapse(&text.content)
    } else {
        collapse(&html_to_blocks(&text.content).plain_text())
    }
}

fn is_plain(media_type: &str) -> bool {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .eq_ignore_ascii_case("text/plain")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text to paragraphs, split at blank lines.
fn plain_paragraphs(text: &str) -> Vec<Block> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines().chain([""]) {
        if line.trim().is_empty() {
            let paragraph = collapse(&current);
            if !paragraph.is_empty() {
                paragraphs.push(Block::Paragraph {
                    content: vec![Inline::text(paragraph)],
                });
            }
            current.clear();
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    paragraphs
}

/// The summary as plain text, else the body's first paragraph (else all its text, else the
/// title), cut to about 300 characters.
fn summary(entry: &FeedEntry, body: &[Block], title: &str) -> String {
    let text = entry
        .summary
        .as_ref()
        .map(plain_text)
        .filter(|s| !s.is_empty());
    let text = text.unwrap_or_else(|| first_paragraph(body));
    if !text.is_empty() {
        return shorten(&text, 300);
    }
    let mut all = String::new();
    body.iter()
        .for_each(|block| block.push_plain_text(&mut all));
    match collapse(&all) {
        all if all.is_empty() => shorten(title, 300),
        all => shorten(&all, 300),
    }
}

/// The publication date as written in the item (which keeps the publisher's calendar
/// day), else the updated date; as the library read them only when the quick pass could
/// not match the item.
fn published(entry: &FeedEntry, scan: Option<&ItemScan>) -> Result<Date, String> {
    let written =
        |text: Option<&String>| text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    let (published, updated) = match scan {
        Some(scan) => (
            written(scan.published.as_ref()),
            written(scan.updated.as_ref()),
        ),
        None => (
            written(entry.published.as_ref()),
            written(entry.updated.as_ref()),
        ),
    };
    let found = published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| updated.as_deref().and_then(parse_date));
    found.ok_or_else(|| match published.or(updated) {
        Some(written) => format!(
            "the date {:?} cannot be read; write it like <pubDate>Mon, 12 Apr 2021 10:00:00 +0000</pubDate> \
             (Atom: <published>2021-04-12T10:00:00Z</published>)",
            shorten(&written, 40)
        ),
        None => "no date (<pubDate>, <dc:date>, or Atom <published> or <updated>); add one such as \
                 <pubDate>Mon, 12 Apr 2021 10:00:00 +0000</pubDate>"
            .to_string(),
    })
}

/// The names of the people, tidied (`(Jo Bloggs)` → `Jo Bloggs`), without repeats. People
/// known only by an email address are left out.
pub fn names(people: &[Person]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for person in people {
        let Some(raw) = person.name.as_deref() else {
            continue;
        };
        let name = collapse(raw);
        let name = name.trim_matches(|c: char| "()<>[]\"',;".contains(c) || c.is_whitespace());
        let only_email = name.contains('@') && !name.contains(' ');
        if name.is_empty() || only_email {
            continue;
        }
        for one in crate::names::split_names(name) {
            if !names.contains(&one) {
                names.push(one);
            }
        }
    }
    names
}

/// The categories' labels (else terms) as keywords, at most [`MAX_KEYWORDS`], and how many
/// distinct categories there were.
fn keywords(entry: &FeedEntry) -> (Vec<String>, usize) {
    let mut keywords: Vec<String> = Vec::new();
    let mut count = 0;
    for category in &entry.categories {
        let label = category.label.as_deref().filter(|l| !l.trim().is_empty());
        let word = collapse(label.unwrap_or(&category.term));
        if word.is_empty() || keywords.iter().any(|k| k.eq_ignore_ascii_case(&word)) {
            continue;
        }
        count += 1;
        if keywords.len() < MAX_KEYWORDS {
            keywords.push(word);
        }
    }
    (keywords, count)
}

/// The last segment of a web address's path, without a page extension, to make an id from:
/// `https://example.org/2021/river-compacts.html` gives `river-compacts`. Empty when the
/// address has a query, is percent-encoded or names an index page.
fn link_stem(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.split_once('/').map_or("", |(_, path)| path);
    let path = path.split('#').next().unwrap_or("");
    if path.contains('?') || path.contains('%') {
        return String::new();
    }
    let last = path.split('/').rfind(|s| !s.is_empty()).unwrap_or("");
    let stem = match last.rsplit_once('.') {
        Some((stem, "html" | "htm" | "shtml" | "php" | "asp" | "aspx" | "jsp")) => stem,
        _ => last,
    };
    if matches!(stem, "index" | "default") {
        return String::new();
    }
    stem.to_string()
}
