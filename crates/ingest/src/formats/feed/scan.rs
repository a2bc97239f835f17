//! A quick pass over the raw feed before feed-rs reads it: the line where each item starts,
//! its dates as written, and values that make feed-rs 3 panic (a 30-digit duration, odd
//! characters around an author's email address), blanked out with a warning.

use super::hazard::{
    email_neighbours, implausible_number, long_numbers, names_attribute, odd_characters, shown,
};

/// What the pass found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The feed with hazardous values blanked, when there were any. Blanking keeps every
    /// byte offset and line break, so line numbers still match the file.
    pub cleaned: Option<Vec<u8>>,
    pub items: Vec<ItemScan>,
    /// Warnings (line, message) about values outside any item.
    pub notes: Vec<(usize, String)>,
    /// The first end tag that does not match the open element: its line and what is wrong.
    pub mismatch: Option<(usize, String)>,
}

/// One `<item>` or `<entry>` as written.
#[derive(Debug, Default)]
pub struct ItemScan {
    pub line: usize,
    /// The text of its first `<pubDate>`, `<published>` or `<dc:date>`.
    pub published: Option<String>,
    /// The text of its first `<updated>`.
    pub updated: Option<String>,
    /// Warnings (line, message) about values in it.
    pub notes: Vec<(usize, String)>,
}

/// Deeper than this the XML reader refuses the feed anyway; the pass stops.
const MAX_OPEN: usize = 70_000;

/// How much of a field's text is kept for messages and dates.
const MAX_TEXT: usize = 200;

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Published,
    Updated,
    Duration,
    Person,
}

/// A field whose text is being collected.
struct Capture {
    field: Field,
    depth: usize,
    name: String,
    line: usize,
    ranges: Vec<(usize, usize)>,
    text: String,
}

struct Scanner<'a> {
    bytes: &'a [u8],
    /// The last offset whose line is known, and that line.
    counted: (usize, usize),
    /// The names of the open elements, as written (with any prefix).
    open: Vec<String>,
    /// The depth (number of open elements) of the current item element.
    item_depth: Option<usize>,
    /// Fields whose text is being collected, innermost last.
    captures: Vec<Capture>,
    blanks: Vec<(usize, usize)>,
    scan: Scan,
}

/// Scans a feed's bytes.
pub fn scan(bytes: &[u8]) -> Scan {
    let mut scanner = Scanner {
        bytes,
        counted: (0, 1),
        open: Vec::new(),
        item_depth: None,
        captures: Vec::new(),
        blanks: Vec::new(),
        scan: Scan::default(),
    };
    let mut at = 0;
    while let Some(lt) = find(bytes, at, b"<") {
        scanner.text(at, lt);
        at = scanner.markup(lt);
        if scanner.open.len() > MAX_OPEN {
            break;
        }
    }
    if at < bytes.len() {
        scanner.text(at, bytes.len());
    }
    scanner.finish()
}

impl Scanner<'_> {
    fn finish(mut self) -> Scan {
        // Fields still open at the end of a cut-off feed are judged as they are.
        while let Some(capture) = self.captures.pop() {
            self.finish_capture(capture);
        }
        if !self.blanks.is_empty() {
            let mut cleaned = self.bytes.to_vec();
            for (from, to) in self.blanks {
                for byte in cleaned.get_mut(from..to).unwrap_or(&mut []) {
                    if *byte != b'\n' {
                        *byte = b' ';
                    }
                }
            }
            self.scan.cleaned = Some(cleaned);
        }
        self.scan
    }

    fn line_at(&mut self, offset: usize) -> usize {
        let (from, line) = if offset >= self.counted.0 {
            self.counted
        } else {
            (0, 1)
        };
        let newlines = self
            .bytes
            .get(from..offset)
            .map_or(0, |s| s.iter().filter(|&&b| b == b'\n').count());
        self.counted = (offset, line + newlines);
        line + newlines
    }

    /// Handles the markup starting at `lt`; returns the offset after it.
    fn markup(&mut self, lt: usize) -> usize {
        let rest = self.bytes.get(lt..).unwrap_or(&[]);
        let after = |needle: &[u8], from: usize| {
            find(self.bytes, from, needle).map_or(self.bytes.len(), |i| i + needle.len())
        };
        if rest.starts_with(b"<!--") {
            after(b"-->", lt + 4)
        } else if rest.starts_with(b"<![CDATA[") {
            let end = find(self.bytes, lt + 9, b"]]>").unwrap_or(self.bytes.len());
            self.text(lt + 9, end);
            (end + 3).min(self.bytes.len())
        } else if rest.starts_with(b"<?") {
            after(b"?>", lt + 2)
        } else if rest.starts_with(b"<!") {
            // A doctype with an internal subset `[...]` ends at the `>` after the `]`.
            let gt = after(b">", lt);
            let tag = self.bytes.get(lt..gt).unwrap_or(&[]);
            match tag.iter().position(|&b| b == b'[') {
                Some(bracket) => after(b">", after(b"]", lt + bracket)),
                None => gt,
            }
        } else if rest.starts_with(b"</") {
            let name_end = name_end(self.bytes, lt + 2);
            let name = String::from_utf8_lossy(&self.bytes[lt + 2..name_end]).into_owned();
            self.end_tag(&name, lt);
            after(b">", name_end)
        } else {
            let name_end = name_end(self.bytes, lt + 1);
            let name = String::from_utf8_lossy(&self.bytes[lt + 1..name_end]).into_owned();
            let (end, self_closing) = self.tag_end(name_end);
            self.check_times(&name, lt, end);
            self.start_tag(name, lt, self_closing);
            end
        }
    }

    /// Finds the end of a start tag (quotes hide `>` as they do for the XML reader);
    /// returns the offset after it and whether the tag closes itself.
    fn tag_end(&self, mut at: usize) -> (usize, bool) {
        let bytes = self.bytes;
        while let Some(&byte) = bytes.get(at) {
            match byte {
                b'>' => return (at + 1, at > 0 && bytes.get(at - 1) == Some(&b'/')),
                b'"' | b'\'' => at = find(bytes, at + 1, &[byte]).map_or(bytes.len(), |i| i + 1),
                _ => at += 1,
            }
        }
        (bytes.len(), false)
    }

    /// Blanks absurd numbers in a start tag with a `time`, `start` or `end` attribute (which
    /// feed-rs reads as media times). The whole tag is searched, so that a malformed tag
    /// the XML reader splits differently is covered too.
    fn check_times(&mut self, name: &str, from: usize, to: usize) {
        let tag = self.bytes.get(from..to).unwrap_or(&[]);
        if !["time", "start", "end"]
            .iter()
            .any(|attr| names_attribute(tag, attr))
        {
            return;
        }
        let ranges = long_numbers(tag, from);
        let Some(&(first_from, first_to)) = ranges.first() else {
            return;
        };
        let value = String::from_utf8_lossy(self.bytes.get(first_from..first_to).unwrap_or(&[]));
        let message = format!(
            "<{name}> has a time \"{}\" that is not plausible; it was ignored",
            shown(&value)
        );
        self.blanks.extend(ranges);
        let line = self.line_at(from);
        self.note(line, message);
    }

    fn start_tag(&mut self, name: String, offset: usize, self_closing: bool) {
        let parent = self.open.last().map(|p| local_name(p));
        let is_item = self.item_depth.is_none()
            && match local_name(&name) {
                "item" => matches!(parent, Some("channel" | "RDF")),
                "entry" => matches!(parent, Some("feed") | None),
                _ => false,
            };
        let line = self.line_at(offset);
        if is_item {
            self.scan.items.push(ItemScan {
                line,
                ..ItemScan::default()
            });
        }
        if self_closing {
            return;
        }
        let in_item_child = self.item_depth.is_some_and(|d| d == self.open.len());
        self.open.push(name.clone());
        let depth = self.open.len();
        if is_item {
            self.item_depth = Some(depth);
        }
        let field = match local_name(&name) {
            "duration" => Some(Field::Duration),
            "author" | "managingEditor" | "webMaster" | "creator" | "name" => Some(Field::Person),
            "pubDate" | "published" | "date" | "issued" if in_item_child => Some(Field::Published),
            "updated" | "modified" if in_item_child => Some(Field::Updated),
            _ => None,
        };
        if let Some(field) = field {
            self.captures.push(Capture {
                field,
                depth,
                name,
                line,
                ranges: Vec::new(),
                text: String::new(),
            });
        }
    }

    fn end_tag(&mut self, name: &str, offset: usize) {
        if self.scan.mismatch.is_none() && self.open.last().is_none_or(|top| top != name) {
            let line = self.line_at(offset);
            let problem = match self.open.last() {
                Some(top) => format!("</{name}> where </{top}> was expected"),
                None => format!("</{name}> without a matching start tag"),
            };
            self.scan.mismatch = Some((line, problem));
        }
        if self
            .captures
            .last()
            .is_some_and(|c| c.depth == self.open.len())
        {
            if let Some(capture) = self.captures.pop() {
                self.finish_capture(capture);
            }
        }
        if self.item_depth == Some(self.open.len()) {
            self.item_depth = None;
        }
        self.open.pop();
    }

    /// Text between markup (or inside CDATA) from `from` to `to`.
    fn text(&mut self, from: usize, to: usize) {
        let depth = self.open.len();
        let Some(capture) = self.captures.last_mut().filter(|c| c.depth == depth) else {
            return;
        };
        capture.ranges.push((from, to));
        if capture.text.len() < MAX_TEXT {
            capture.text.push_str(&String::from_utf8_lossy(
                self.bytes.get(from..to).unwrap_or(&[]),
            ));
        }
    }

    fn finish_capture(&mut self, capture: Capture) {
        let text = capture.text.trim().to_string();
        let item = self.item_depth.and_then(|_| self.scan.items.last_mut());
        match capture.field {
            Field::Published => {
                if let Some(item) = item.filter(|i| i.published.is_none()) {
                    item.published = Some(text);
                }
            }
            Field::Updated => {
                if let Some(item) = item.filter(|i| i.updated.is_none()) {
                    item.updated = Some(text);
                }
            }
            Field::Duration if implausible_number(&text) => {
                self.blanks.extend(capture.ranges);
                let message = format!(
                    "<{}> \"{}\" is not a plausible duration and was ignored (write it as hours:minutes:seconds, e.g. 1:02:03)",
                    capture.name,
                    shown(&text)
                );
                self.note(capture.line, message);
            }
            Field::Person if text.contains('@') || text.contains("&#") => {
                let before = self.blanks.len();
                for &(from, to) in &capture.ranges {
                    let chunk = self.bytes.get(from..to).unwrap_or(&[]);
                    self.blanks.extend(odd_characters(chunk, from));
                }
                self.blanks
                    .extend(email_neighbours(self.bytes, &capture.ranges));
                if self.blanks.len() > before {
                    let message = format!(
                        "<{}> \"{}\": characters around the email address were replaced by spaces (the feed reader cannot handle them)",
                        capture.name,
                        shown(&text)
                    );
                    self.note(capture.line, message);
                }
            }
            Field::Duration | Field::Person => {}
        }
    }

    fn note(&mut self, line: usize, message: String) {
        match self.item_depth.and_then(|_| self.scan.items.last_mut()) {
            Some(item) => item.notes.push((line, message)),
            None => self.scan.notes.push((line, message)),
        }
    }
}

/// The name after the namespace prefix: `duration` for `itunes:duration`.
fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Where a tag name that starts at `from` ends.
fn name_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or(&[]);
    from + rest
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'"' | b'\'' | b'='))
        .unwrap_or(rest.len())
}

/// The offset of the first `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let haystack = bytes.get(from..)?;
    match needle {
        [single] => haystack.iter().position(|b| b == single),
        _ => haystack.windows(needle.len()).position(|w| w == needle),
    }
    .map(|i| from + i)
}
