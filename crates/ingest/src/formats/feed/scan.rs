//! A quick pass over the raw feed before a library reads it: the line where each item
//! starts, its dates as written (which keep the publisher's calendar day, and which the
//! libraries may refuse), how deeply elements nest, and the first XML error with its line
//! (the libraries' errors carry no position).

use quick_xml::events::Event;
use quick_xml::Reader;

/// What the pass found.
#[derive(Debug, Default)]
pub struct Scan {
    pub items: Vec<ItemScan>,
    /// The first XML error: its line and what is wrong.
    pub mismatch: Option<(usize, String)>,
    /// The deepest nesting of elements, and the line where it was reached.
    pub depth: (usize, usize),
}

/// One `<item>` or `<entry>` as written.
#[derive(Debug, Default)]
pub struct ItemScan {
    pub line: usize,
    /// The text of its first `<pubDate>`, `<published>` or `<dc:date>`.
    pub published: Option<String>,
    /// The text of its first `<updated>`.
    pub updated: Option<String>,
}

/// Deeper than this the pass stops: the feed is refused for it anyway.
pub const MAX_DEPTH: usize = 512;

/// How much of a date's text is kept.
const MAX_TEXT: usize = 200;

#[derive(Clone, Copy, PartialEq)]
enum Date {
    Published,
    Updated,
}

/// Scans a feed's bytes.
pub fn scan(bytes: &[u8]) -> Scan {
    let mut reader = Reader::from_reader(bytes);
    let mut scan = Scan::default();
    let mut lines = Lines {
        bytes,
        at: 0,
        line: 1,
    };
    let mut depth = 0usize;
    let mut item_depth: Option<usize> = None;
    let mut date: Option<(Date, usize, String)> = None;
    let mut buffer = Vec::new();
    loop {
        let position = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event_into(&mut buffer) {
            Ok(event) => event,
            Err(error) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                scan.mismatch = Some((lines.line_at(at), describe(&error)));
                break;
            }
        };
        match event {
            Event::Start(start) => {
                depth += 1;
                if depth > scan.depth.0 {
                    scan.depth = (depth, lines.line_at(position));
                }
                if depth > MAX_DEPTH {
                    break;
                }
                let name = start.name();
                let local = start.local_name();
                let local: &str = local.as_ref();
                if item_depth.is_none() && (local == "item" || local == "entry") {
                    item_depth = Some(depth);
                    scan.items.push(ItemScan {
                        line: lines.line_at(position),
                        ..ItemScan::default()
                    });
                } else if item_depth.is_some_and(|d| depth == d + 1) {
                    let name: &str = name.as_ref();
                    let kind = match (local, name) {
                        ("pubDate" | "published", _) | (_, "dc:date") => Some(Date::Published),
                        ("updated", _) => Some(Date::Updated),
                        _ => None,
                    };
                    date = kind.map(|k| (k, depth, String::new()));
                }
            }
            Event::Empty(start) => {
                let local = start.local_name();
                let local: &str = local.as_ref();
                if item_depth.is_none() && matches!(local, "item" | "entry") {
                    scan.items.push(ItemScan {
                        line: lines.line_at(position),
                        ..ItemScan::default()
                    });
                }
            }
            Event::End(_) => {
                if let Some((kind, at, text)) = date.take_if(|(_, at, _)| *at == depth) {
                    let _ = at;
                    if let Some(item) = scan.items.last_mut() {
                        let slot = match kind {
                            Date::Published => &mut item.published,
                            Date::Updated => &mut item.updated,
                        };
                        if slot.is_none() {
                            *slot = Some(text.trim().to_string());
                        }
                    }
                }
                if item_depth == Some(depth) {
                    item_depth = None;
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(text) => {
                if let Some((_, _, value)) = date.as_mut() {
                    if value.len() < MAX_TEXT {
                        value.push_str(&text.xml10_content());
                    }
                }
            }
            Event::CData(text) => {
                if let Some((_, _, value)) = date.as_mut() {
                    if value.len() < MAX_TEXT {
                        value.push_str(&text.xml10_content());
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    scan
}

/// An XML error in the words of the feed's own tags.
fn describe(error: &quick_xml::Error) -> String {
    use quick_xml::errors::IllFormedError;
    match error {
        quick_xml::Error::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            format!("</{found}> where </{expected}> was expected")
        }
        quick_xml::Error::IllFormed(IllFormedError::UnmatchedEndTag(name)) => {
            format!("</{name}> closes no open element")
        }
        other => other.to_string(),
    }
}

/// Lines of byte offsets met in increasing order.
struct Lines<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl Lines<'_> {
    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset < self.at {
            return self.bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        }
        self.line += self.bytes[self.at..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = offset;
        self.line
    }
}
