//! A quick pass over the HTML text before parsing that keeps the parser's stack of open
//! elements shallow: start tags past [`LIMIT`] open elements are removed (their text stays).
//! html5ever checks scopes by walking that stack, so 100 000 nested `<div>`s would
//! otherwise take minutes. Real content never comes near the limit.

use std::borrow::Cow;

/// How many elements may be open at once; deeper start tags are removed.
pub const LIMIT: usize = 128;

/// Elements without content or end tag.
const VOID: [&str; 15] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: [&str; 9] = [
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

/// Start tags that end an open paragraph.
const ENDS_PARAGRAPH: [&str; 26] = [
    "p",
    "div",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "address",
    "main",
    "details",
    "fieldset",
    "menu",
];

/// Elements that a later start tag may close without an end tag.
const CLOSABLE: [&str; 11] = [
    "p", "li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "option",
];

/// Elements that stop the search for an element to close implicitly.
const SCOPE: [&str; 11] = [
    "html", "table", "td", "th", "caption", "object", "applet", "marquee", "template", "svg",
    "math",
];

/// The HTML with start tags beyond the nesting limit removed (unchanged when within it).
pub fn limit_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut open = OpenElements::default();
    let mut removed: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let start = at + offset;
        at = match Tag::read(bytes, start) {
            Tag::Skip(end) => end,
            Tag::End(name, end) => {
                if let Some(index) = open.names.iter().rposition(|n| *n == name) {
                    open.truncate(index);
                }
                end
            }
            Tag::Start(name, _) if name == "plaintext" => break,
            Tag::Start(name, end) if RAW_TEXT.contains(&name.as_str()) => {
                raw_text_end(bytes, end, &name)
            }
            Tag::Start(name, end) => {
                open.close_implied(&name);
                let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
                if open.names.len() >= LIMIT {
                    removed.push((start, end));
                } else if !(VOID.contains(&name.as_str()) || open.foreign > 0 && self_closing) {
                    open.push(name);
                }
                end
            }
        };
    }
    if removed.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut kept = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in removed {
        kept.push_str(html.get(from..start).unwrap_or(""));
        from = end;
    }
    kept.push_str(html.get(from..).unwrap_or(""));
    Cow::Owned(kept)
}

/// The elements a parser would have open, as far as a quick look can tell.
#[derive(Default)]
struct OpenElements {
    names: Vec<String>,
    /// How many of each [`CLOSABLE`] element are open.
    closable: [usize; CLOSABLE.len()],
    /// How many are `svg` or `math` (inside which `/>` ends an element).
    foreign: usize,
}

impl OpenElements {
    fn push(&mut self, name: String) {
        if let Some(i) = CLOSABLE.iter().position(|c| *c == name) {
            self.closable[i] += 1;
        }
        self.foreign += usize::from(name == "svg" || name == "math");
        self.names.push(name);
    }

    fn truncate(&mut self, len: usize) {
        for name in self.names.drain(len.min(self.names.len())..) {
            if let Some(i) = CLOSABLE.iter().position(|c| *c == name) {
                self.closable[i] = self.closable[i].saturating_sub(1);
            }
            self.foreign = self
                .foreign
                .saturating_sub(usize::from(name == "svg" || name == "math"));
        }
    }

    /// Pops the elements a start tag closes without an end tag (`<p>` after `<p>`, `<li>`
    /// after `<li>`...), as the parser would.
    fn close_implied(&mut self, name: &str) {
        let (closes, stops): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["ul", "ol"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl"]),
            "td" | "th" => (&["td", "th"], &["tr"]),
            "tr" => (&["tr", "td", "th"], &["tbody", "thead", "tfoot"]),
            "tbody" | "thead" | "tfoot" => (&["tbody", "thead", "tfoot", "tr", "td", "th"], &[]),
            "option" | "optgroup" => (&["option"], &["select"]),
            _ if ENDS_PARAGRAPH.contains(&name) => (&["p"], &["button"]),
            _ => return,
        };
        let any_open = CLOSABLE
            .iter()
            .zip(self.closable)
            .any(|(c, n)| n > 0 && closes.contains(c));
        if !any_open {
            return;
        }
        let found = self.names.iter().rposition(|n| {
            let n = n.as_str();
            closes.contains(&n) || stops.contains(&n) || SCOPE.contains(&n)
        });
        if let Some(index) = found {
            if closes.contains(&self.names[index].as_str()) {
                self.truncate(index);
            }
        }
    }
}

/// What starts at a `<`.
enum Tag {
    /// Not an element (a comment, a doctype, a lone `<`): continue at this offset.
    Skip(usize),
    /// An end tag: its lowercase name and the offset after it.
    End(String, usize),
    /// A start tag: its lowercase name and the offset after it.
    Start(String, usize),
}

impl Tag {
    fn read(bytes: &[u8], start: usize) -> Tag {
        let rest = bytes.get(start..).unwrap_or(&[]);
        if rest.starts_with(b"<!--") {
            let end = find(bytes, start + 4, b"-->").map_or(bytes.len(), |i| i + 3);
            return Tag::Skip(end);
        }
        let (is_end, name_at) = match rest.get(1) {
            Some(b'/') => (true, start + 2),
            Some(b'!' | b'?') => {
                return Tag::Skip(find(bytes, start + 1, b">").map_or(bytes.len(), |i| i + 1))
            }
            _ => (false, start + 1),
        };
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            return Tag::Skip(start + 1);
        }
        let name_end = bytes[name_at..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .map_or(bytes.len(), |i| name_at + i);
        let name = String::from_utf8_lossy(&bytes[name_at..name_end]).to_ascii_lowercase();
        let end = tag_end(bytes, name_end);
        if is_end {
            Tag::End(name, end)
        } else {
            Tag::Start(name, end)
        }
    }
}

/// The offset after the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&b) = bytes.get(at) {
        match b {
            b'>' => return at + 1,
            b'=' => {
                at += 1;
                while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                    at += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(at) {
                    at = find(bytes, at + 1, &[quote]).map_or(bytes.len(), |i| i + 1);
                }
            }
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Where the end tag of a raw-text element starts (or the end of the input).
fn raw_text_end(bytes: &[u8], mut at: usize, name: &str) -> usize {
    while let Some(found) = find(bytes, at, b"</") {
        let candidate = bytes.get(found + 2..found + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return found;
        }
        at = found + 2;
    }
    bytes.len()
}

/// The offset of the first `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let haystack = bytes.get(from..)?;
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_ordinary_html_alone() {
        let html =
            "<div><p>One<p>Two <!-- <div> --> <b title='a>b'>x</b></div><script><div></script>";
        assert!(matches!(limit_nesting(html), Cow::Borrowed(_)));
    }

    #[test]
    fn removes_start_tags_past_the_limit() {
        let html = "<div>".repeat(LIMIT + 10) + "x" + &"</div>".repeat(LIMIT + 10);
        let limited = limit_nesting(&html);
        assert_eq!(limited.matches("<div>").count(), LIMIT);
        assert!(limited.contains('x'));
    }

    #[test]
    fn implied_end_tags_do_not_count() {
        let html = "<ul>".to_string() + &"<li><p>item".repeat(LIMIT * 2) + "</ul>";
        assert!(matches!(limit_nesting(&html), Cow::Borrowed(_)));
    }
}
