//! Atom feeds, read with the `atom_syndication` crate, into the feed shape.

use super::model::{Category, Entry, Feed, Link, Person, Text};
use atom_syndication::TextType;

/// The feed, or the library's error for refusing it.
pub fn read(bytes: &[u8]) -> Result<Feed, atom_syndication::Error> {
    let feed = atom_syndication::Feed::read_from(bytes)?;
    Ok(Feed {
        title: Some(text(feed.title())),
        language: feed.lang().map(str::to_string),
        authors: feed.authors().iter().map(person).collect(),
        entries: feed.entries().iter().map(entry).collect(),
    })
}

fn entry(entry: &atom_syndication::Entry) -> Entry {
    Entry {
        title: Some(text(entry.title())),
        links: entry
            .links()
            .iter()
            .map(|l| Link {
                href: l.href().to_string(),
                rel: Some(l.rel().to_string()),
            })
            .collect(),
        content: entry.content().and_then(|c| {
            let media_type = match c.content_type() {
                None | Some("text") => "text/plain",
                Some("html") => "text/html",
                Some("xhtml") => "application/xhtml+xml",
                Some(other) => other,
            };
            c.value().map(|value| Text::new(value, media_type))
        }),
        summary: entry.summary().map(text),
        authors: entry.authors().iter().map(person).collect(),
        categories: entry
            .categories()
            .iter()
            .map(|c| Category {
                term: c.term().to_string(),
                label: c.label().map(str::to_string),
            })
            .collect(),
        published: entry
            .published()
            .filter(|d| d.timestamp() != 0)
            .map(|d| d.to_rfc3339()),
        // The library gives 1970-01-01 to an entry without <updated>: that is no date.
        updated: Some(entry.updated())
            .filter(|d| d.timestamp() != 0)
            .map(|d| d.to_rfc3339()),
    }
}

fn text(text: &atom_syndication::Text) -> Text {
    let media_type = match text.r#type {
        TextType::Text => "text/plain",
        TextType::Html => "text/html",
        TextType::Xhtml => "application/xhtml+xml",
    };
    Text::new(&text.value, media_type)
}

fn person(person: &atom_syndication::Person) -> Person {
    Person {
        name: Some(person.name().to_string()),
    }
}
