//! RSS 0.9x, 1.0 (RDF) and 2.0, read with the `rss` crate, into the feed shape.

use super::model::{Category, Entry, Feed, Link, Person, Text};

/// The feed, or the library's reason for refusing it.
pub fn read(bytes: &[u8]) -> Result<Feed, String> {
    let channel = rss::Channel::read_from(bytes).map_err(|error| match error {
        rss::Error::Eof | rss::Error::InvalidStartTag => {
            "no <rss> with a <channel>, Atom <feed> or <rdf:RDF> root element was found".to_string()
        }
        other => other.to_string(),
    })?;
    let mut authors: Vec<Person> = Vec::new();
    if let Some(dc) = channel.dublin_core_ext() {
        authors.extend(dc.creators().iter().map(|c| person(c)));
    }
    Ok(Feed {
        title: Some(Text::new(channel.title(), "text/plain")),
        language: channel
            .language()
            .map(str::to_string)
            .or_else(|| channel.dublin_core_ext()?.languages().first().cloned()),
        authors,
        entries: channel.items().iter().map(entry).collect(),
    })
}

fn entry(item: &rss::Item) -> Entry {
    let dc = item.dublin_core_ext();
    let mut authors: Vec<Person> = item.author().map(person).into_iter().collect();
    if let Some(dc) = dc {
        authors.extend(dc.creators().iter().map(|c| person(c)));
    }
    let link = item.link().map(str::to_string).or_else(|| {
        let guid = item.guid()?;
        guid.is_permalink().then(|| guid.value().to_string())
    });
    Entry {
        title: item.title().map(|t| Text::new(t, "text/plain")),
        links: link
            .into_iter()
            .map(|href| Link { href, rel: None })
            .collect(),
        content: item.content().map(|c| Text::new(c, "text/html")),
        summary: item.description().map(|d| Text::new(d, "text/html")),
        authors,
        categories: item
            .categories()
            .iter()
            .map(|c| Category {
                term: c.name().to_string(),
                label: None,
            })
            .collect(),
        published: item
            .pub_date()
            .map(str::to_string)
            .or_else(|| dc?.dates().first().cloned()),
        updated: None,
    }
}

/// An RSS author as a name: `jo@example.org (Jo Bloggs)` and `Jo Bloggs <jo@example.org>`
/// give "Jo Bloggs"; an address alone stays as it is (and is left out as a name later).
fn person(raw: &str) -> Person {
    let raw = raw.trim();
    let name = match (raw.find('('), raw.rfind(')')) {
        (Some(open), Some(close)) if open < close && raw[..open].contains('@') => {
            &raw[open + 1..close]
        }
        _ => match raw.find('<') {
            Some(at) if raw[at..].contains('@') && at > 0 => &raw[..at],
            _ => raw,
        },
    };
    // "Priya Oakhurst priya@example.org": the words that are not an address.
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !w.contains('@'))
        .collect();
    let name = if words.is_empty() {
        name.trim()
    } else {
        &words.join(" ")
    };
    Person {
        name: Some(name.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::person;

    #[test]
    fn emails_come_off_names() {
        let name = |raw: &str| person(raw).name.unwrap();
        assert_eq!(name("jo@example.org (Jo Bloggs)"), "Jo Bloggs");
        assert_eq!(name("Ann Other <ann@example.org>"), "Ann Other");
        assert_eq!(name("only@example.org"), "only@example.org");
        assert_eq!(
            name("Priya Oakhurst\u{a0}priya@example.org"),
            "Priya Oakhurst"
        );
    }
}
