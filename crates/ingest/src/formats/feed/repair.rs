//! Atom details that `atom_syndication` refuses a whole feed over, each repaired and read
//! again: a text construct typed with a media type (`type="text/html"`), which is read as
//! `html` or `text` with a warning, and a date it cannot read, which is set aside so the
//! other entries are read (the entry itself is then judged by its date as written).

use super::atom_feed;
use super::model::Feed;
use atom_syndication::Error;

/// At most this many repairs are tried on one feed.
const MAX_REPAIRS: usize = 20;

/// The outcome of reading an Atom feed: the feed or the reason it was refused, and a
/// warning (byte offset in the file, message) for each repair.
pub struct Parsed {
    pub result: Result<Feed, String>,
    pub notes: Vec<(usize, String)>,
}

/// Reads the Atom feed, repairing and retrying while a known detail is the only obstacle.
pub fn atom(bytes: &[u8]) -> Parsed {
    let mut input = bytes.to_vec();
    let mut notes = Vec::new();
    for _ in 0..MAX_REPAIRS {
        let error = match atom_feed::read(&input) {
            Ok(feed) => {
                return Parsed {
                    result: Ok(feed),
                    notes,
                }
            }
            Err(error) => error,
        };
        let repaired = match &error {
            Error::WrongAttribute {
                attribute: "type",
                value,
            } => retype(&input, bytes, value),
            Error::WrongDatetime(value) => set_aside(&input, value).map(|fixed| (fixed, None)),
            _ => None,
        };
        match repaired {
            Some((fixed, note)) => {
                notes.extend(note);
                input = fixed;
            }
            None => {
                return Parsed {
                    result: Err(describe(&error)),
                    notes,
                }
            }
        }
    }
    Parsed {
        result: Err("too many details to repair".to_string()),
        notes,
    }
}

fn describe(error: &Error) -> String {
    match error {
        Error::WrongAttribute { attribute, value } => format!(
            "an element has {attribute}=\"{value}\" (Atom text must be type=\"text\", \"html\" or \"xhtml\")"
        ),
        Error::InvalidStartTag | Error::Eof => {
            "no <rss> with a <channel>, Atom <feed> or <rdf:RDF> root element was found".to_string()
        }
        other => other.to_string(),
    }
}

/// A repaired input, and the warning (byte offset in the file, message) it comes with.
type Repaired = (Vec<u8>, Option<(usize, String)>);

/// Every `type="…"` of the refused media type made `html` (for HTML types) or `text`,
/// with a warning at the first one in the file; other media types are not repaired.
fn retype(input: &[u8], file: &[u8], value: &str) -> Option<Repaired> {
    let lower = value.to_ascii_lowercase();
    let kind = match lower.as_str() {
        html if html.contains("html") => "html",
        plain if plain.starts_with("text/") => "text",
        _ => return None,
    };
    let mut fixed = input.to_vec();
    let mut any = false;
    for quote in ['"', '\''] {
        let from = format!("type={quote}{value}{quote}");
        let to = format!("type={quote}{kind}{quote}");
        if let Some(replaced) = replace_all(&fixed, from.as_bytes(), to.as_bytes()) {
            fixed = replaced;
            any = true;
        }
    }
    if !any {
        return None;
    }
    let at = find(file, format!("type=\"{value}\"").as_bytes())
        .or_else(|| find(file, format!("type='{value}'").as_bytes()))
        .unwrap_or(0);
    let message = format!(
        "type=\"{value}\" is not an Atom text type; it was read as {kind} (write type=\"text\", \"html\" or \"xhtml\")"
    );
    Some((fixed, Some((at, message))))
}

/// Every element text equal to the unreadable date replaced with a readable placeholder.
fn set_aside(input: &[u8], value: &str) -> Option<Vec<u8>> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let mut fixed = input.to_vec();
    let mut any = false;
    for (from, to) in [
        (format!(">{value}<"), ">1970-01-01T00:00:00Z<".to_string()),
        (format!("> {value} <"), ">1970-01-01T00:00:00Z<".to_string()),
    ] {
        if let Some(replaced) = replace_all(&fixed, from.as_bytes(), to.as_bytes()) {
            fixed = replaced;
            any = true;
        }
    }
    any.then_some(fixed)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn replace_all(input: &[u8], from: &[u8], to: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len());
    let mut rest = input;
    let mut any = false;
    while let Some(at) = find(rest, from) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(to);
        rest = &rest[at + from.len()..];
        any = true;
    }
    out.extend_from_slice(rest);
    any.then_some(out)
}
