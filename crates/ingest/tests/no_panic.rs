//! Property tests over the whole reader, as an ingest run calls it: whatever the bytes and
//! whatever the file's extension, reading gives entries or an error, never a panic, and
//! every article it gives is valid.

use insight_corpus::validate_article;
use insight_ingest::{formats, Entry, Options};
use proptest::prelude::*;
use std::path::Path;

const NAMES: [&str; 7] = [
    "a.md",
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
        Just("Home > LATEST INSIGHTS\n\nA: T\n\nBy A    Source: S    Published: 2021-04-12\n\n".to_string()),
        Just("Key Words:a  b\n".to_string()),
        Just("The author is x.\n\n".to_string()),
        Just("> > > - - 1. ".to_string()),
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
