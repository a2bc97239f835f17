//! RSS 2.0 and Atom feeds (read with feed-rs): one article per item or entry, its HTML
//! content converted to blocks; an unusable item is an error naming it.

mod hazard;
pub(crate) mod item;
mod repair;
mod scan;

use crate::entry::Entry;
use crate::error::IngestError;
use crate::options::Options;
use feed_rs::parser::{ParseErrorKind, ParseFeedError};
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
    let mut scan = scan::scan(bytes);
    let input = scan.cleaned.take().unwrap_or_else(|| bytes.to_vec());
    let parsed = repair::parse(input);
    let feed = match parsed.result {
        Ok(feed) => feed,
        Err(error) => return Err(parse_error(path, &parsed.input, &scan, error)),
    };
    if feed.entries.is_empty() {
        return Ok(vec![Entry::Skip(
            "a feed without items (<item> or <entry>): no articles".to_string(),
        )]);
    }
    let mut feed_warnings: Vec<IngestError> = scan
        .notes
        .iter()
        .chain(&parsed.notes)
        .map(|(line, message)| IngestError::new(path, Some(*line), message.clone()))
        .collect();
    let facts = facts(path, &feed, options, &mut feed_warnings);
    // Lines and raw dates are used only when the quick pass saw the same items as feed-rs.
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
    if !matched {
        let notes = scan.items.iter().flat_map(|item| &item.notes);
        feed_warnings.extend(
            notes.map(|(line, message)| IngestError::new(path, Some(*line), message.clone())),
        );
    }
    attach(&mut entries, feed_warnings);
    Ok(entries)
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
    feed: &feed_rs::model::Feed,
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

/// The error for a feed feed-rs refuses, with the line of the problem when it can be told.
fn parse_error(path: &Path, bytes: &[u8], scan: &scan::Scan, error: ParseFeedError) -> IngestError {
    let line = |position: &u64| {
        Some(line_of(
            bytes,
            usize::try_from(*position).unwrap_or(usize::MAX),
        ))
    };
    match &error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            let reason = "no <rss> with a <channel>, Atom <feed> or <rdf:RDF> root element was found";
            unreadable(path, None, reason)
        }
        ParseFeedError::ParseError(ParseErrorKind::UnknownMimeType { position, mime }) => unreadable(
            path,
            line(position),
            &format!("an element has type=\"{mime}\" (Atom text must be type=\"text\", \"html\" or \"xhtml\")"),
        ),
        ParseFeedError::ParseError(
            ParseErrorKind::MissingContent { position, .. }
            | ParseErrorKind::UnknownEnumVariant { position, .. }
            | ParseErrorKind::IllegalState { position, .. },
        ) => unreadable(path, line(position), &error.to_string()),
        ParseFeedError::XmlReader(xml) => match &scan.mismatch {
            Some((line, problem)) => unreadable(path, Some(*line), &format!("{xml} ({problem})")),
            None => unreadable(path, None, &xml.to_string()),
        },
        other => unreadable(path, None, &other.to_string()),
    }
}

#[cfg(test)]
mod tests;
