//! Property tests over the whole reader, as an ingest run calls it: whatever the bytes and
//! whatever the file's extension, reading gives entries or an error, never a panic, and
//! every article it gives is valid.

use insight_corpus::validate_article;
use insight_ingest::{formats, Entry, Options};
use proptest::prelude::*;
use std::path::Path;

const NAMES: [&str; 8] = [
    "a.md",
    "a.html",
    "a.txt",
    "a.json",
    "a.jsonl",
    "a.xml",
    "a.atom",
    "noextension",
];

fn check(name: &str, bytes: &[u8]) {
    if let Ok(entries) = formats::read(Path::new(name), bytes, &Options::default()) {
        for entry in entries {
            if let Entry::Article { article, .. } = entry {
                assert!(
                    validate_article(&article).is_empty(),
                    "{name}: invalid article {article:?}"
                );
            }
        }
    }
}

/// Pieces of every format, so random joins reach deep into each reader.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_string()),
        Just("+++\n".to_string()),
        Just("title: T\nauthor: A\ndate: 2020-01-01\nsource: S\n".to_string()),
        Just("title = \"T\"\nauthors = [\"A\"]\ndate = 2020-01-01\nsource = \"S\"\n".to_string()),
        Just("[{\"title\":\"T\",\"author\":\"A\",\"date\":\"2020-01-01\",\"source\":\"S\",\"content\":\"x\"}]".to_string()),
        Just("{\"title\":\"T\",\"body\":[{\"type\":\"quote\",\"blocks\":[".to_string()),
        Just("<rss version=\"2.0\"><channel><item><title>T</title>".to_string()),
        Just("<pubDate>Mon, 12 Apr 2021 10:00:00 +0000</pubDate><description>&lt;p&gt;x".to_string()),
        Just("</item></channel></rss>".to_string()),
        Just("<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><wp:wxr_version>1.2</wp:wxr_version>".to_string()),
        Just("<wp:author><wp:author_login>a</wp:author_login><wp:author_display_name>A</wp:author_display_name></wp:author>".to_string()),
        Just("<item><title>T</title><dc:creator>a</dc:creator><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>".to_string()),
        Just("<wp:post_date>2021-04-12 09:30:00</wp:post_date><content:encoded><![CDATA[<p>[caption id=\"x\"]".to_string()),
        Just("[/caption]]]></content:encoded><category domain=\"post_tag\">&amp;#x41;</category>".to_string()),
        Just("Home > LATEST INSIGHTS\n\nA: T\n\nBy A    Source: S    Published: 2021-04-12\n\n".to_string()),
        Just("Key Words:a  b\n".to_string()),
        Just("The author is x.\n\n".to_string()),
        Just("> > > - - 1. ".to_string()),
        Just("<html lang=\"en\"><head><meta property=\"article:published_time\" content=\"2021-04-12\">".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"H\",\"author\":[{\"name\":\"A\"}]}</script>".to_string()),
        Just("<article><h1>T</h1><p>Some running text of an article, long enough to count as one. ".to_string()),
        Just("</p><time datetime=\"2020-01-01\"></time></article></body></html>".to_string()),
        Just("[l](javascript:x) ![i](data:x) <script>".to_string()),
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), which in 0..NAMES.len()) {
        check(NAMES[which], &bytes);
    }

    #[test]
    fn format_like_text_never_panics(parts in proptest::collection::vec(fragment(), 0..25), which in 0..NAMES.len()) {
        check(NAMES[which], parts.concat().as_bytes());
    }
}
