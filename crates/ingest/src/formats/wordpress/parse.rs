//! Reading a WordPress export's XML into its channel's facts, its authors and its items,
//! each item with the line it starts on. Only an item's own fields are kept: the text of
//! its comments and custom fields (`wp:comment`, `wp:postmeta`) is not.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use std::collections::HashMap;

/// The export as read.
#[derive(Debug, Default)]
pub struct Export {
    pub title: Option<String>,
    pub language: Option<String>,
    /// Display names by login (`wp:author`).
    pub authors: HashMap<String, String>,
    pub items: Vec<Item>,
    /// An XML error that ended the reading, with its line; the items before it are kept.
    pub broken: Option<(usize, String)>,
}

/// One `<item>`: a post, a page, an attachment, a menu item…
#[derive(Debug, Default)]
pub struct Item {
    pub line: usize,
    /// Its direct fields by element name (`title`, `wp:post_type`…), text as read.
    pub fields: HashMap<String, String>,
    /// Its `<category>` elements: (domain, text).
    pub categories: Vec<(String, String)>,
}

impl Item {
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", |v| v.trim())
    }
}

/// Where the reader is: what the text being read belongs to.
enum Into {
    ChannelField(String),
    AuthorField(String),
    ItemField(String),
    Category(String),
    Other,
}

/// Reads `text` as a WordPress export.
pub fn read(text: &str) -> Export {
    let mut reader = Reader::from_str(text);
    let mut export = Export::default();
    let mut stack: Vec<String> = Vec::new();
    let mut into = Into::Other;
    let mut buffer = String::new();
    let mut author: HashMap<String, String> = HashMap::new();
    let mut item: Option<Item> = None;
    let mut lines = insight_corpus::LineCounter::new(text);
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let line = line_at(text, reader.error_position() as usize);
                export.broken = Some((line, error.to_string()));
                break;
            }
        };
        match event {
            Event::Start(start) => {
                let name = start.name().as_ref().to_string();
                let parent = stack.last().map(String::as_str);
                into = match (parent, name.as_str()) {
                    (Some("channel"), "item") => {
                        item = Some(Item {
                            line: lines.line_of(&text[at.min(text.len())..]),
                            ..Item::default()
                        });
                        Into::Other
                    }
                    (Some("channel"), "wp:author") => {
                        author.clear();
                        Into::Other
                    }
                    (Some("channel"), _) => Into::ChannelField(name.clone()),
                    (Some("wp:author"), _) => Into::AuthorField(name.clone()),
                    (Some("item"), "category") => {
                        let domain = start
                            .try_get_attribute("domain")
                            .ok()
                            .flatten()
                            .and_then(|a| {
                                a.normalized_value(XmlVersion::Implicit1_0)
                                    .ok()
                                    .map(|v| v.into_owned())
                            })
                            .unwrap_or_default();
                        Into::Category(domain)
                    }
                    (Some("item"), _) => Into::ItemField(name.clone()),
                    _ => Into::Other,
                };
                buffer.clear();
                stack.push(name);
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                let parent = stack.last().map(String::as_str);
                let value = std::mem::take(&mut buffer);
                match (&into, parent) {
                    (Into::ChannelField(field), Some("channel")) if *field == name => {
                        match field.as_str() {
                            "title" => export.title = Some(value),
                            "language" => export.language = Some(value),
                            _ => {}
                        }
                    }
                    (Into::AuthorField(field), Some("wp:author")) if *field == name => {
                        author.insert(field.clone(), value);
                    }
                    (Into::ItemField(field), Some("item")) if *field == name => {
                        if let Some(item) = item.as_mut() {
                            item.fields.insert(field.clone(), value);
                        }
                    }
                    (Into::Category(domain), Some("item")) => {
                        if let Some(item) = item.as_mut() {
                            item.categories.push((domain.clone(), value));
                        }
                    }
                    _ => {}
                }
                match (name.as_str(), parent) {
                    ("item", Some("channel")) => export.items.extend(item.take()),
                    ("wp:author", Some("channel")) => {
                        let login = author.remove("wp:author_login").unwrap_or_default();
                        let shown = author.remove("wp:author_display_name").unwrap_or_default();
                        if !login.trim().is_empty() && !shown.trim().is_empty() {
                            export
                                .authors
                                .insert(login.trim().to_string(), shown.trim().to_string());
                        }
                    }
                    _ => {}
                }
                into = Into::Other;
            }
            Event::Text(text) => buffer.push_str(&text.xml10_content()),
            Event::CData(data) => buffer.push_str(&data.xml10_content()),
            Event::GeneralRef(reference) => match reference.resolve_char_ref() {
                Ok(Some(c)) => buffer.push(c),
                Ok(None) => {
                    let name = reference.xml10_content();
                    match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(value) => buffer.push_str(value),
                        None => {
                            buffer.push('&');
                            buffer.push_str(&name);
                            buffer.push(';');
                        }
                    }
                }
                Err(_) => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    export
}

/// The 1-based line of byte `offset` of `text`.
fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
