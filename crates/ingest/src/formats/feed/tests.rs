use super::*;
use crate::options::SourceFrom;
use insight_corpus::{Article, Block, Inline};

mod hostile;

const RSS_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>Test Channel</title>
"#;

/// An RSS feed with the given channel elements and items.
fn rss(inner: &str) -> String {
    format!("{RSS_HEAD}{inner}\n</channel>\n</rss>\n")
}

/// An RSS item with a title, date and description, plus `extra` elements.
fn item(title: &str, extra: &str) -> String {
    format!(
        "<item><title>{title}</title><pubDate>Mon, 12 Apr 2021 10:00:00 +0000</pubDate>\
         <description>Text of {title}.</description>{extra}</item>\n"
    )
}

fn read_with(xml: &str, options: &Options) -> Vec<Entry> {
    match read(Path::new("feed.xml"), xml.as_bytes(), options) {
        Ok(entries) => entries,
        Err(error) => panic!("unreadable: {error}"),
    }
}

fn read_str(xml: &str) -> Vec<Entry> {
    read_with(xml, &Options::default())
}

fn article(entry: &Entry) -> &Article {
    match entry {
        Entry::Article { article, .. } => article,
        other => panic!("not an article: {other:?}"),
    }
}

fn warnings(entry: &Entry) -> Vec<String> {
    match entry {
        Entry::Article { warnings, .. } => warnings.iter().map(|w| w.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn error(entry: &Entry) -> String {
    match entry {
        Entry::Errors(errors) => errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        other => panic!("not an error: {other:?}"),
    }
}

#[test]
fn recognises_feeds_by_content() {
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>"#;
    let rdf = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">"#;
    let prologue = "\u{feff}<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<!DOCTYPE rss>\n<rss version=\"2.0\">";
    for yes in [RSS_HEAD, atom, rdf, prologue] {
        assert!(looks_like_feed(yes.as_bytes()), "{yes}");
    }
    let not_feeds = [
        "",
        "<html><body>hi</body></html>",
        "<feed><title>no namespace</title></feed>",
        "{\"items\":[]}",
        "<?xml",
    ];
    for no in not_feeds {
        assert!(!looks_like_feed(no.as_bytes()), "{no}");
    }
}

#[test]
fn rss_items_become_articles() {
    let xml = rss(&format!(
        "<language>en-GB</language>{}",
        item(
            "River Compacts",
            "<link>https://example.org/2021/river-compacts.html</link><dc:creator>Mara Quillfeather</dc:creator>\
             <category>water</category><category>Water</category><category>treaties</category>"
        )
    ));
    let entries = read_str(&xml);
    assert_eq!(entries.len(), 1);
    let a = article(&entries[0]);
    assert_eq!(a.id, "river-compacts");
    assert_eq!(a.title, "River Compacts");
    assert_eq!(a.authors, vec!["Mara Quillfeather"]);
    assert_eq!(a.source, "Test Channel");
    assert_eq!(a.published.to_string(), "2021-04-12");
    assert_eq!(a.keywords, vec!["water", "treaties"]);
    assert_eq!(a.language, "en");
    assert_eq!(a.summary, "Text of River Compacts.");
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.org/2021/river-compacts.html")
    );
    assert_eq!(a.bio, None);
    assert!(
        warnings(&entries[0]).is_empty(),
        "{:?}",
        warnings(&entries[0])
    );
}

#[test]
fn rss_email_authors_give_names() {
    let xml = rss(&[
        item("One", "<author>jo@example.org (Jo Bloggs)</author>"),
        item(
            "Two",
            "<author>Ann Other &lt;ann@example.org&gt;</author><dc:creator>Ann Other</dc:creator>",
        ),
        item("Three", "<author>only@example.org</author>"),
    ]
    .concat());
    let entries = read_str(&xml);
    assert_eq!(article(&entries[0]).authors, vec!["Jo Bloggs"]);
    assert_eq!(article(&entries[1]).authors, vec!["Ann Other"]);
    // Nobody named: no author, and no made-up name.
    assert!(article(&entries[2]).authors.is_empty());
    assert!(warnings(&entries[2]).is_empty());
}

#[test]
fn feed_author_is_the_fallback() {
    let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><author><name>Desk Editor</name></author>
        <entry><title>E</title><updated>2021-04-12T00:00:00Z</updated><content>Body.</content></entry></feed>"#;
    assert_eq!(article(&read_str(xml)[0]).authors, vec!["Desk Editor"]);
}

#[test]
fn atom_entries_with_several_authors_and_categories() {
    let xml = r#"<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-CA">
  <title type="html">Les &lt;em&gt;Cahiers&lt;/em&gt;</title>
  <entry>
    <title type="html">Two &lt;b&gt;Hands&lt;/b&gt;</title>
    <link rel="alternate" href="https://example.org/cahiers/two-hands"/>
    <link rel="enclosure" href="https://example.org/audio.mp3"/>
    <published>2021-08-30T23:00:00-05:00</published>
    <author><name>Odile Brassard</name></author>
    <author><name>Felix Nakamura-Lind</name><email>felix@example.org</email></author>
    <category term="governance"/>
    <category term="canals" label="Canals and Locks"/>
    <summary type="text">Two towns &lt;one&gt; canal.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>In <strong>XHTML</strong>.</p></div></content>
  </entry>
</feed>"#;
    let entries = read_str(xml);
    let a = article(&entries[0]);
    assert_eq!(a.title, "Two Hands");
    assert_eq!(a.source, "Les Cahiers");
    assert_eq!(a.authors, vec!["Odile Brassard", "Felix Nakamura-Lind"]);
    assert_eq!(a.keywords, vec!["governance", "Canals and Locks"]);
    assert_eq!(a.language, "fr");
    assert_eq!(
        a.published.to_string(),
        "2021-08-30",
        "the publisher's own calendar day"
    );
    assert_eq!(a.summary, "Two towns <one> canal.");
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.org/cahiers/two-hands")
    );
    assert_eq!(
        a.body,
        vec![Block::Paragraph {
            content: vec![
                Inline::text("In "),
                Inline::Strong {
                    content: vec![Inline::text("XHTML")]
                },
                Inline::text(".")
            ]
        }]
    );
}

#[test]
fn atom_plain_text_content_keeps_its_paragraphs() {
    let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>Plain</title>
        <updated>2021-04-12T00:00:00Z</updated><author><name>A</name></author>
        <content type="text">First &lt;b&gt;line
continues.

Second paragraph.</content></entry></feed>"#;
    let a = read_str(xml).remove(0);
    let body = &article(&a).body;
    assert_eq!(body.len(), 2);
    assert_eq!(
        body[0],
        Block::Paragraph {
            content: vec![Inline::text("First <b>line continues.")]
        }
    );
    assert_eq!(article(&a).summary, "First <b>line continues.");
}

#[test]
fn dates_fall_back_to_updated_and_missing_dates_are_errors() {
    let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><author><name>A</name></author>
<entry><title>Updated only</title><updated>2021-09-01T08:00:00Z</updated><content>x</content></entry>
<entry><title>Dateless</title><content>x</content></entry>
<entry><title>Vague</title><published>yesterday</published><content>x</content></entry>
</feed>"#;
    let entries = read_str(xml);
    assert_eq!(article(&entries[0]).published.to_string(), "2021-09-01");
    let dateless = error(&entries[1]);
    assert!(
        dateless.starts_with("feed.xml:3: item 2 (\"Dateless\"): no date"),
        "{dateless}"
    );
    assert!(dateless.contains("add one such as <pubDate>"), "{dateless}");
    let vague = error(&entries[2]);
    assert!(
        vague.starts_with("feed.xml:4: item 3 (\"Vague\"): the date \"yesterday\" cannot be read"),
        "{vague}"
    );
}

#[test]
fn dates_the_libraries_cannot_read_are_read_by_the_ingest_parser() {
    let xml = rss(&item("Dated", "").replace("Mon, 12 Apr 2021 10:00:00 +0000", "2021年4月12日"));
    assert_eq!(
        article(&read_str(&xml)[0]).published.to_string(),
        "2021-04-12"
    );
}

#[test]
fn items_without_title_or_text_are_errors_naming_them() {
    let xml = rss("<item><description>No title.</description></item>\n<item><title>Empty</title><pubDate>2021-04-12</pubDate><description>  </description></item>\n");
    let entries = read_str(&xml);
    // Every problem of the item at once: no title and no date.
    assert_eq!(
        error(&entries[0]),
        "feed.xml:8: item 1: no title; add a <title> to it\n\
         feed.xml:8: item 1: no date (<pubDate>, <dc:date>, or Atom <published> or <updated>); \
         add one such as <pubDate>Mon, 12 Apr 2021 10:00:00 +0000</pubDate>"
    );
    assert!(
        error(&entries[1]).starts_with("feed.xml:9: item 2 (\"Empty\"): no text"),
        "{}",
        error(&entries[1])
    );
}

#[test]
fn source_and_language_defaults() {
    let xml = format!(
        "<rss version=\"2.0\"><channel><language>English please</language>{}</channel></rss>",
        item("T", "")
    );
    let entries = read_str(&xml);
    assert_eq!(article(&entries[0]).source, "Unknown source");
    // The run names the stand-in once, for all the articles that have one.
    assert!(matches!(
        entries[0],
        Entry::Article {
            source_from: SourceFrom::Fallback,
            ..
        }
    ));
    assert_eq!(article(&entries[0]).language, "en");
    let warned = warnings(&entries[0]);
    assert!(
        warned
            .iter()
            .any(|w| w.contains("\"English please\" is not a language tag")),
        "{warned:?}"
    );
    let options = Options {
        default_language: "de".to_string(),
        default_source: Some("Fixture Outlet".to_string()),
        ..Options::default()
    };
    let entries = read_with(&rss(&item("T", "")), &options);
    assert_eq!(article(&entries[0]).source, "Fixture Outlet");
    assert_eq!(article(&entries[0]).language, "de");
}

#[test]
fn ids_come_from_the_link_then_the_title() {
    let xml = rss(&[
        item("A", "<link>https://example.org/2021/05/ferry-tolls/</link>"),
        item(
            "Query Link",
            "<link>https://example.org/index.php?p=12</link>",
        ),
        item(
            "创新合作",
            "<link>https://example.org/%E5%88%9B%E6%96%B0</link>",
        ),
        item(
            "Index Page",
            "<link>https://example.org/notes/index.html</link>",
        ),
    ]
    .concat());
    let ids: Vec<String> = read_str(&xml)
        .iter()
        .map(|e| article(e).id.clone())
        .collect();
    assert_eq!(ids[..2], ["ferry-tolls", "query-link"]);
    assert!(
        ids[2].starts_with("article-") && ids[2].len() == 16,
        "{}",
        ids[2]
    );
    assert_eq!(ids[3], "index-page");
}

#[test]
fn summary_comes_from_the_content_when_there_is_none() {
    let long = "word ".repeat(200);
    let xml = format!(
        "{RSS_HEAD}<item><title>T</title><pubDate>2021-04-12</pubDate>\
         <content:encoded><![CDATA[<h2>Heading</h2><p>{long}</p>]]></content:encoded></item></channel></rss>"
    );
    let a = read_str(&xml).remove(0);
    let summary = &article(&a).summary;
    assert!(
        summary.starts_with("word word") && summary.ends_with('…'),
        "{summary}"
    );
    assert!(
        summary.chars().count() <= 301,
        "{}",
        summary.chars().count()
    );
}

#[test]
fn summary_falls_back_to_the_title() {
    let xml = rss(
        "<item><title>Only a Rule</title><pubDate>2021-04-12</pubDate>\
                   <description>&lt;hr&gt;</description></item>",
    );
    let entries = read_str(&xml);
    assert_eq!(article(&entries[0]).body, vec![Block::Rule]);
    assert_eq!(article(&entries[0]).summary, "Only a Rule");
}

#[test]
fn fixtures_give_the_expected_outcomes() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds/input");
    let outcome = |name: &str| {
        let path = fixtures.join(name);
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert!(looks_like_feed(&bytes), "{name}");
        let entries = read(&path, &bytes, &Options::default()).unwrap_or_default();
        entries
            .iter()
            .map(|e| matches!(e, Entry::Article { .. }))
            .collect::<Vec<bool>>()
    };
    assert_eq!(
        outcome("rss-commentary.rss"),
        vec![true, true, false, false]
    );
    assert_eq!(outcome("atom-authors.atom"), vec![true, true, false]);
    assert_eq!(outcome("absurd-values.xml"), vec![true, true]);
}
