//! RSS (0.9x, 1.0 and 2.0) and Atom feeds: one article per item or entry, its HTML
//! content converted to blocks; an unusable item is an error naming it. RSS is read with
//! the `rss` crate, Atom with `atom_syndication`: neither panics on hostile feeds, so
//! the only work around them is a quick pass for lines and dates as written, and two
//! Atom repairs.

mod atom_feed;
pub(crate) mod item;
mod model;
mod repair;
mod rss_feed;
mod scan;

use crate::entry::Entry;
use crate::error::IngestError;
use crate::options::Options;
use item::{plain_text, FeedFacts};
use std::path::Path;

/// Whether the bytes look like an RSS or Atom feed (for files without a telling extension).
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    let Some(tag) = root_tag(head).and_then(|(start, end)| head.get(start..end)) else {
        return false;
    };
    let name_len = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        .unwrap_or(tag.len());
    let name = String::from_utf8_lossy(tag.get(1..name_len).unwrap_or(&[])).into_owned();
    let mentions = |text: &str| tag.windows(text.len()).any(|w| w == text.as_bytes());
    match name.rsplit(':').next().unwrap_or("") {
        "rss" => true,
        "feed" => mentions("http://www.w3.org/2005/Atom"),
        "RDF" => mentions("purl.org/rss/1.0"),
        _ => false,
    }
}

/// The byte range of the document's root start tag, after any byte-order mark, XML
/// declaration, comments and doctype; `None` when something else comes first.
fn root_tag(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut at = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    loop {
        let rest = bytes.get(at..)?;
        at += rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let rest = bytes.get(at..)?;
        let skip_to = |end: &[u8]| {
            let found = rest.windows(end.len()).position(|w| w == end)?;
            Some(at + found + end.len())
        };
        at = if rest.starts_with(b"<?") {
            skip_to(b"?>")?
        } else if rest.starts_with(b"<!--") {
            skip_to(b"-->")?
        } else if rest.starts_with(b"<!") {
            skip_to(b">")?
        } else if rest.first() == Some(&b'<') && rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            return Some((at, skip_to(b">").unwrap_or(bytes.len())));
        } else {
            return None;
        };
    }
}

/// The 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    let end = offset.min(bytes.len());
    bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Reads every item/entry of a feed; an unreadable feed is one error, an unusable item is an
/// `Entry::Error` naming the item.
pub fn read(path: &Path, bytes: &[u8], options: &Options) -> Result<Vec<Entry>, IngestError> {
    if bytes.iter().find(|b| matches!(b, b'<' | b'{')) == Some(&b'{') {
        return Err(unreadable(
            path,
            None,
            "it looks like JSON (JSON Feed is not read); export the feed as RSS or Atom",
        ));
    }
    let scan = scan::scan(bytes);
    if scan.depth.0 > scan::MAX_DEPTH {
        let reason = format!(
            "elements are nested more than {} deep, which no feed needs",
            scan::MAX_DEPTH
        );
        return Err(unreadable(path, Some(scan.depth.1), &reason));
    }
    let (parsed, notes) = match root_name(bytes).as_deref() {
        Some("feed") => {
            let parsed = repair::atom(bytes);
            (parsed.result, parsed.notes)
        }
        Some("rss" | "RDF") => (rss_feed::read(bytes), Vec::new()),
        _ => {
            let reason =
                "no <rss> with a <channel>, Atom <feed> or <rdf:RDF> root element was found";
            return Err(unreadable(path, None, reason));
        }
    };
    let feed = match parsed {
        Ok(feed) => feed,
        Err(reason) => return Err(parse_error(path, &scan, &reason)),
    };
    if feed.entries.is_empty() {
        return Ok(vec![Entry::Skip(
            "a feed without items (<item> or <entry>): no articles".to_string(),
        )]);
    }
    let mut feed_warnings: Vec<IngestError> = notes
        .iter()
        .map(|(at, message)| IngestError::new(path, Some(line_of(bytes, *at)), message.clone()))
        .collect();
    let facts = facts(path, &feed, options, &mut feed_warnings);
    // Lines and raw dates are used only when the quick pass saw the same items as the
    // library.
    let matched = scan.items.len() == feed.entries.len();
    let mut entries: Vec<Entry> = feed
        .entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            item::build(
                path,
                &facts,
                entry,
                scan.items.get(index).filter(|_| matched),
                index + 1,
            )
        })
        .collect();
    attach(&mut entries, feed_warnings);
    Ok(entries)
}

/// The root element's local name (`rss`, `feed`, `RDF`).
fn root_name(bytes: &[u8]) -> Option<String> {
    let (start, end) = root_tag(bytes)?;
    let tag = bytes.get(start + 1..end)?;
    let length = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        .unwrap_or(tag.len());
    let name = String::from_utf8_lossy(&tag[..length]).into_owned();
    Some(name.rsplit(':').next().unwrap_or("").to_string())
}

/// Puts warnings about the feed as a whole first among the first article's warnings.
fn attach(entries: &mut [Entry], mut feed_warnings: Vec<IngestError>) {
    let first_article = entries
        .iter_mut()
        .find(|e| matches!(e, Entry::Article { .. }));
    if let Some(Entry::Article { warnings, .. }) = first_article {
        feed_warnings.append(warnings);
        *warnings = feed_warnings;
    }
}

/// What every item of the feed shares: its source, language and authors.
fn facts(
    path: &Path,
    feed: &model::Feed,
    options: &Options,
    warnings: &mut Vec<IngestError>,
) -> FeedFacts {
    let title = feed
        .title
        .as_ref()
        .map(plain_text)
        .filter(|t| !t.is_empty());
    // The run's --default-source names the outlet over the feed's own title.
    let (source, source_from) = options.source(options.default_source.clone().or(title));
    let language =
        language(feed.language.as_deref(), &options.default_language).unwrap_or_else(|message| {
            warnings.push(IngestError::new(path, None, message));
            options.default_language.clone()
        });
    let authors = item::names(&feed.authors);
    FeedFacts {
        source,
        source_from,
        language,
        authors,
    }
}

/// The primary subtag of the feed's language (`en` for `en-GB`), else the default; an
/// error message when the feed names something that is not a language tag.
pub(crate) fn language(tag: Option<&str>, default: &str) -> Result<String, String> {
    let Some(tag) = tag.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(default.to_string());
    };
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(primary)
    } else {
        Err(format!(
            "the feed's language {tag:?} is not a language tag such as \"en\"; \"{default}\" is \
             used (fix <language>)"
        ))
    }
}

fn unreadable(path: &Path, line: Option<usize>, reason: &str) -> IngestError {
    IngestError::new(
        path,
        line,
        format!(
            "not a readable RSS or Atom feed: {reason}; check that the file is well-formed XML"
        ),
    )
}

/// The error for a feed the library refuses: at the line of the first XML error when
/// there is one (the libraries give no position), else with the library's reason.
fn parse_error(path: &Path, scan: &scan::Scan, reason: &str) -> IngestError {
    match &scan.mismatch {
        Some((line, problem)) => unreadable(path, Some(*line), problem),
        None => unreadable(path, None, reason),
    }
}

#[cfg(test)]
mod tests;
