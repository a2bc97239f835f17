//! Absurd values, hostile content and unreadable feeds.

use super::*;
use proptest::prelude::*;

fn read_err(xml: &str) -> String {
    match read(Path::new("feed.xml"), xml.as_bytes(), &Options::default()) {
        Ok(entries) => panic!("read: {entries:?}"),
        Err(error) => error.to_string(),
    }
}

/// Values that once crashed the feed library (feed-rs 3, whose panics needed a guard for
/// each) are read or ignored by the readers in use now, with no warning needed.
#[test]
fn absurd_durations_and_media_times_do_no_harm() {
    for duration in [
        "123456789012345678901234567890",
        "12345678901234567:00:00",
        "&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;&#57;&#48;&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;&#57;&#48;&#49;",
        "<![CDATA[123456789012345678901234567890]]>",
    ] {
        let xml = rss(&item("Long", &format!("<itunes:duration>{duration}</itunes:duration>")));
        let entries = read_str(&xml);
        assert_eq!(article(&entries[0]).title, "Long", "{duration}");
    }
    let xml = rss(&item(
        "Thumb",
        r#"<media:thumbnail url="https://example.org/t.png" time="999999999999999999999999"/>
           <media:text start="&#49;2" end="00:00:01">caption</media:text>"#,
    ));
    assert_eq!(article(&read_str(&xml)[0]).title, "Thumb");
}

#[test]
fn odd_characters_around_an_email_address_do_not_crash() {
    for author in [
        "Priya Oakhurst\u{a0}priya@example.org",
        "Priya Oakhurst&#160;priya@example.org",
        "priya@example.org\u{2014}(Priya Oakhurst, Night Editor)",
        "Priya Oakhurst &#x2014;priya&#64;example.org",
    ] {
        let xml = rss(&item("Mail", &format!("<author>{author}</author>")));
        let entries = read_str(&xml);
        let names = &article(&entries[0]).authors;
        assert!(
            names[0].starts_with("Priya Oakhurst"),
            "{author}: {names:?}"
        );
    }
}

#[test]
fn ten_thousand_categories_keep_fifty_keywords() {
    let categories: String = (0..10_000)
        .map(|i| format!("<category>topic {i}</category>"))
        .collect();
    let entries = read_str(&rss(&item("Tagged", &categories)));
    assert_eq!(article(&entries[0]).keywords.len(), 50);
    let warned = warnings(&entries[0]);
    assert!(
        warned
            .iter()
            .any(|w| w.contains("10000 categories; only the first 50")),
        "{warned:?}"
    );
}

#[test]
fn hostile_content_is_neutralised_with_warnings() {
    let content = r#"<![CDATA[<p onclick="steal()">Hello <a href="javascript:alert(1)">there</a>
        <a href="  jav&#x61;script:alert(2)">again</a> <a href="data:text/html,x">data</a></p>
        <script>alert(3)</script><iframe src="https://example.org"></iframe>
        <img src="javascript:alert(4)" alt="pic" onerror="alert(5)">]]>"#;
    let xml = rss(&format!(
        "<item><title>Hostile</title><pubDate>2021-04-12</pubDate><link>javascript:alert(6)</link>\
         <content:encoded>{content}</content:encoded></item>"
    ));
    let entries = read_str(&xml);
    let a = article(&entries[0]);
    let json = serde_json::to_string(&a.body).unwrap_or_default();
    assert!(
        !json.contains("alert") && !json.contains("script") && !json.contains("data:"),
        "{json}"
    );
    assert_eq!(a.url, None);
    let warned = warnings(&entries[0]);
    assert_eq!(
        warned
            .iter()
            .filter(|w| w.contains("is not allowed and was removed"))
            .count(),
        4,
        "{warned:?}"
    );
    assert!(
        warned
            .iter()
            .any(|w| w.contains("left out 2 HTML element(s)")),
        "{warned:?}"
    );
    assert!(
        warned
            .iter()
            .any(|w| w.contains("the link \"javascript:alert(6)\" is not an http")),
        "{warned:?}"
    );
}

#[test]
fn unreadable_feeds_are_one_error() {
    let garbage = read_err("\u{1}\u{2} not xml at all <<<");
    assert!(
        garbage.starts_with("feed.xml: not a readable RSS or Atom feed: "),
        "{garbage}"
    );
    assert!(
        garbage.ends_with("; check that the file is well-formed XML"),
        "{garbage}"
    );
    let mismatched = read_err(&format!(
        "{RSS_HEAD}<item><title>T</wrong></item></channel></rss>"
    ));
    assert!(
        mismatched.starts_with("feed.xml:8: not a readable RSS or Atom feed:"),
        "{mismatched}"
    );
    assert!(
        mismatched.contains("</wrong> where </title> was expected"),
        "{mismatched}"
    );
    let no_channel = read_err("<rss version=\"2.0\"><item><title>T</title></item></rss>");
    assert!(
        no_channel.contains("no <rss> with a <channel>"),
        "{no_channel}"
    );
    assert!(
        read_err("{\"version\":\"https://jsonfeed.org/version/1\"}").contains("looks like JSON")
    );
    let deep = format!("{RSS_HEAD}{}", "<x>".repeat(100_000));
    assert!(read_err(&deep).contains("not a readable RSS or Atom feed"));
}

#[test]
fn feeds_refused_over_a_detail_are_repaired_with_a_warning() {
    // Any RSS version (or none) is read as it is.
    for root in ["<rss>", "<rss version=\"2.01\">", "<rss\n  version='2'>"] {
        let xml = format!(
            "{root}<channel><title>C</title>\n{}</channel></rss>",
            item("T", "")
        );
        let entries = read_str(&xml);
        assert_eq!(article(&entries[0]).title, "T", "{root}");
    }
    let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<entry><title type="text/plain">Typed</title><updated>2021-04-12T00:00:00Z</updated>
<summary type="text/html">&lt;p&gt;Sum&lt;/p&gt;</summary><content type="TEXT/PLAIN">Body</content></entry></feed>"#;
    let entries = read_str(xml);
    let a = article(&entries[0]);
    assert_eq!((a.title.as_str(), a.summary.as_str()), ("Typed", "Sum"));
    let warned = warnings(&entries[0]);
    assert!(
        warned
            .iter()
            .any(|w| w.starts_with("feed.xml:2: type=\"text/plain\" is not an Atom text type")),
        "{warned:?}"
    );
}

#[test]
fn content_types_decide_how_content_is_read() {
    let entry = |content: &str| {
        format!(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>E</title>
            <updated>2021-04-12T00:00:00Z</updated><summary>Summary text.</summary>{content}</entry></feed>"#
        )
    };
    let pdf = read_str(&entry(
        r#"<content type="application/pdf">JVBERi0xLjQ=</content>"#,
    ));
    assert_eq!(
        article(&pdf[0]).body,
        vec![Block::Paragraph {
            content: vec![Inline::text("Summary text.")]
        }]
    );
    assert!(warnings(&pdf[0])
        .iter()
        .any(|w| w.contains("\"application/pdf\" is not text")));
    let markdown = read_str(&entry(
        r#"<content type="text/markdown">Some *stress*.</content>"#,
    ));
    assert_eq!(
        article(&markdown[0]).body,
        vec![Block::Paragraph {
            content: vec![
                Inline::text("Some "),
                Inline::Emphasis {
                    content: vec![Inline::text("stress")]
                },
                Inline::text(".")
            ]
        }]
    );
}

#[test]
fn a_feed_without_items_is_a_skip() {
    let entries = read_str(&rss(""));
    assert!(
        matches!(&entries[..], [Entry::Skip(reason)] if reason.contains("without items")),
        "{entries:?}"
    );
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(input in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = read(Path::new("x.xml"), &input, &Options::default());
        let _ = looks_like_feed(&input);
    }

    #[test]
    fn arbitrary_text_never_panics(input in ".{0,300}") {
        let _ = read(Path::new("x.xml"), input.as_bytes(), &Options::default());
    }

    #[test]
    fn arbitrary_field_values_never_panic(
        title in ".{0,40}", author in ".{0,40}", date in ".{0,40}", duration in "[0-9:.&#;x]{0,40}",
        content in ".{0,80}", link in ".{0,40}",
    ) {
        let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
        let xml = rss(&format!(
            "<item><title>{}</title><author>{}</author><pubDate>{}</pubDate><link>{}</link>\
             <itunes:duration>{duration}</itunes:duration><description>{}</description></item>",
            escape(&title), escape(&author), escape(&date), escape(&link), escape(&content)
        ));
        let _ = read(Path::new("x.xml"), xml.as_bytes(), &Options::default());
        let raw = xml.replace("&amp;", "&");
        let _ = read(Path::new("x.xml"), raw.as_bytes(), &Options::default());
    }
}

#[test]
fn an_atom_date_the_library_refuses_costs_only_its_entry() {
    let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<entry><title>Good</title><updated>2021-04-12T00:00:00Z</updated><content>Text.</content></entry>
<entry><title>Bad</title><updated>last Tuesday</updated><content>Text.</content></entry></feed>"#;
    let entries = read_str(xml);
    assert_eq!(article(&entries[0]).published.to_string(), "2021-04-12");
    assert!(
        error(&entries[1])
            .starts_with("feed.xml:3: item 2 (\"Bad\"): the date \"last Tuesday\" cannot be read"),
        "{}",
        error(&entries[1])
    );
}

#[test]
fn rss_one_and_old_versions_are_read() {
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>Old Desk</title><link>https://example.org/</link><description>D</description></channel>
<item rdf:about="https://example.org/a"><title>An RDF item</title><link>https://example.org/a</link><description>Text of it.</description><dc:date>2003-05-06</dc:date><dc:creator>Ada Lind</dc:creator></item>
</rdf:RDF>"#;
    let entries = read_str(rdf);
    let a = article(&entries[0]);
    assert_eq!(a.title, "An RDF item");
    assert_eq!(a.published.to_string(), "2003-05-06");
    assert_eq!(a.authors, ["Ada Lind"]);
    let old = "<rss version=\"0.91\"><channel><title>C</title><item><title>T</title><description>Body.</description><pubDate>Mon, 12 Apr 2021 10:00:00 +0000</pubDate></item></channel></rss>";
    assert_eq!(article(&read_str(old)[0]).title, "T");
}

#[test]
fn elements_nested_past_the_limit_are_refused_with_their_line() {
    let deep = format!("{RSS_HEAD}\n{}", "<x:y>".repeat(600));
    let message = read_err(&deep);
    assert!(message.contains("nested more than 512 deep"), "{message}");
}
