//! One shape for a feed, whichever library read it: RSS (and RDF) through `rss`, Atom
//! through `atom_syndication`. The item reader works on this shape only.

/// A feed as read.
#[derive(Debug, Default)]
pub struct Feed {
    pub title: Option<Text>,
    pub language: Option<String>,
    pub authors: Vec<Person>,
    pub entries: Vec<Entry>,
}

/// Text of a media type: `text/plain`, `text/html`, `application/xhtml+xml`…
#[derive(Debug, Clone)]
pub struct Text {
    pub content: String,
    pub content_type: String,
}

impl Text {
    pub fn new(content: &str, content_type: &str) -> Text {
        Text {
            content: content.to_string(),
            content_type: content_type.to_string(),
        }
    }
}

/// A person as the feed names them (an RSS author's email address taken off).
#[derive(Debug, Clone)]
pub struct Person {
    pub name: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub rel: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub term: String,
    pub label: Option<String>,
}

/// One item (RSS) or entry (Atom).
#[derive(Debug, Default)]
pub struct Entry {
    pub title: Option<Text>,
    pub links: Vec<Link>,
    pub content: Option<Text>,
    pub summary: Option<Text>,
    pub authors: Vec<Person>,
    pub categories: Vec<Category>,
    /// The publication and update dates as the library read them (`2021-04-12…`).
    pub published: Option<String>,
    pub updated: Option<String>,
}
