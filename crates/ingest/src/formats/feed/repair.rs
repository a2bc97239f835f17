//! Repairs for feeds that feed-rs refuses whole over a detail, each retried with a warning:
//! an `<rss>` root without `version="2.0"`, and Atom text whose type is a media type.

use super::{line_of, root_tag};
use feed_rs::model::Feed;
use feed_rs::parser::{ParseErrorKind, ParseFeedError};

/// At most this many repairs are tried on one feed.
const MAX_REPAIRS: usize = 20;

/// The outcome of reading a feed: the feed or feed-rs's error, the input as finally read
/// (error positions refer to it), and a warning (line, message) for each repair.
pub struct Parsed {
    pub result: Result<Feed, ParseFeedError>,
    pub input: Vec<u8>,
    pub notes: Vec<(usize, String)>,
}

/// Reads the feed, repairing and retrying while a known detail is the only obstacle.
/// Repairs never add or remove line breaks, so line numbers still match the file.
pub fn parse(mut input: Vec<u8>) -> Parsed {
    let mut notes = Vec::new();
    for _ in 0..MAX_REPAIRS {
        let result = feed_rs::parser::parse(input.as_slice());
        let repaired = match &result {
            Err(ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot)) => set_rss_version(&input),
            Err(ParseFeedError::ParseError(ParseErrorKind::UnknownMimeType { position, mime })) => {
                retype(&input, *position, mime)
            }
            _ => None,
        };
        match repaired {
            Some((fixed, note)) => {
                notes.push(note);
                input = fixed;
            }
            None => {
                return Parsed {
                    result,
                    input,
                    notes,
                }
            }
        }
    }
    let result = feed_rs::parser::parse(input.as_slice());
    Parsed {
        result,
        input,
        notes,
    }
}

/// An `<rss>` root with its version set to 2.0 (feed-rs reads no other RSS 2 version).
fn set_rss_version(input: &[u8]) -> Option<(Vec<u8>, (usize, String))> {
    let (start, end) = root_tag(input)?;
    let tag = input.get(start..end)?;
    let after_name = tag.get(4).copied().unwrap_or(b'>');
    if !tag.starts_with(b"<rss")
        || !(after_name.is_ascii_whitespace() || matches!(after_name, b'>' | b'/'))
    {
        return None;
    }
    let (fixed, was) = match attribute_value(tag, "version") {
        Some((from, to)) if tag.get(from..to) == Some(b"2.0".as_slice()) => return None,
        Some((from, to)) => {
            let was = String::from_utf8_lossy(tag.get(from..to).unwrap_or(&[])).into_owned();
            (
                splice(input, start + from, start + to, b"2.0"),
                format!("version=\"{was}\""),
            )
        }
        None => (
            splice(input, start + 4, start + 4, b" version=\"2.0\""),
            "no version".to_string(),
        ),
    };
    let message = format!("<rss> has {was}; it was read as RSS 2.0 (write <rss version=\"2.0\">)");
    Some((fixed, (line_of(input, start), message)))
}

/// The element whose start tag ends at `position` with its Atom text type made `html` (for
/// HTML media types) or `text`.
fn retype(input: &[u8], position: u64, mime: &str) -> Option<(Vec<u8>, (usize, String))> {
    let end = usize::try_from(position).ok()?.min(input.len());
    let start = input.get(..end)?.iter().rposition(|&b| b == b'<')?;
    let (from, to) = attribute_value(input.get(start..end)?, "type")?;
    let kind = if mime.to_ascii_lowercase().contains("html") {
        "html"
    } else {
        "text"
    };
    let fixed = splice(input, start + from, start + to, kind.as_bytes());
    let message = format!(
        "type=\"{mime}\" is not an Atom text type; it was read as {kind} (write type=\"text\", \"html\" or \"xhtml\")"
    );
    Some((fixed, (line_of(input, start), message)))
}

/// The byte range of the quoted value of attribute `name` in a start tag.
fn attribute_value(tag: &[u8], name: &str) -> Option<(usize, usize)> {
    let name = name.as_bytes();
    let mut at = 0;
    while let Some(found) = tag.get(at..)?.windows(name.len()).position(|w| w == name) {
        let begin = at + found;
        at = begin + name.len();
        let preceded = begin > 0 && tag.get(begin - 1).is_some_and(u8::is_ascii_whitespace);
        let rest = tag.get(at..)?;
        let spaces = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if !preceded || rest.get(spaces) != Some(&b'=') {
            continue;
        }
        let value_at = at + spaces + 1;
        let quote_at = value_at
            + tag
                .get(value_at..)?
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
        let quote = *tag.get(quote_at).filter(|q| matches!(q, b'"' | b'\''))?;
        let close = tag.get(quote_at + 1..)?.iter().position(|&b| b == quote)?;
        return Some((quote_at + 1, quote_at + 1 + close));
    }
    None
}

/// `input` with `from..to` replaced by `with`.
fn splice(input: &[u8], from: usize, to: usize, with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() + with.len());
    out.extend_from_slice(input.get(..from).unwrap_or(input));
    out.extend_from_slice(with);
    out.extend_from_slice(input.get(to..).unwrap_or(&[]));
    out
}
