//! Tests of the saved-page reader: the layout, navigation, detection, and that no input
//! makes it panic. Field and text tests are in the submodules.

use super::*;
use proptest::prelude::*;
use std::path::PathBuf;

mod fields;
mod text;

pub(super) const SAMPLE: &str = "Your Present Location :Home > LATEST INSIGHTS

Mara Quell: Why river-basin compacts outlast their founders


By Mara Quell    Source: Harbour Review    Published: 2021-04-12

Compacts between upstream and downstream towns tend to survive
the people who signed them.

The reason is dull: they create routine work for clerks.

The author is a senior fellow at the Delta Policy Centre.

Key Words:water   governance   Mara Quell  

Latest Insights
";

pub(super) fn path() -> PathBuf {
    PathBuf::from("pages/2021-04-12-river-compacts.txt")
}

pub(super) fn read_with(text: &str, options: &Options) -> Entry {
    read(&path(), text, options)
}

/// Reads `text`, expecting an article; returns it with its warnings as text.
pub(super) fn read_ok(text: &str) -> (Article, Vec<String>) {
    match read_with(text, &Options::default()) {
        Entry::Article {
            article, warnings, ..
        } => (*article, warnings.iter().map(ToString::to_string).collect()),
        other => panic!("expected an article, got {other:?}"),
    }
}

pub(super) fn article_of(text: &str) -> Article {
    read_ok(text).0
}

/// Reads `text`, expecting an error; returns it as text.
pub(super) fn error(text: &str) -> String {
    match read_with(text, &Options::default()) {
        Entry::Errors(errors) => errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        other => panic!("expected an error, got {other:?}"),
    }
}

pub(super) fn body_texts(article: &Article) -> Vec<String> {
    article
        .body
        .iter()
        .map(|block| {
            let mut text = String::new();
            block.push_plain_text(&mut text);
            text
        })
        .collect()
}

/// A page with the given byline (on line 5), body and keywords line.
pub(super) fn page(byline: &str, body: &str, keywords: &str) -> String {
    format!("Home > Insights\n\nA title\n\n{byline}\n\n{body}\n\n{keywords}\n\nBack to top\n")
}

/// A byline with all three fields.
pub(super) const BYLINE: &str = "By A B    Source: S    Published: 2021-04-12";

#[test]
fn reads_the_sample_page() {
    let (article, warnings) = read_ok(SAMPLE);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(article.id, "river-compacts");
    assert_eq!(
        article.title,
        "Why river-basin compacts outlast their founders"
    );
    assert_eq!(article.authors, ["Mara Quell"]);
    assert_eq!(article.source, "Harbour Review");
    assert_eq!(article.published.to_string(), "2021-04-12");
    assert_eq!(article.language, "en");
    let first = "Compacts between upstream and downstream towns tend to survive the people who signed them.";
    assert_eq!(
        body_texts(&article),
        [
            first,
            "The reason is dull: they create routine work for clerks."
        ]
    );
    assert_eq!(article.summary, first);
    assert_eq!(
        article.bio.as_deref(),
        Some("The author is a senior fellow at the Delta Policy Centre.")
    );
    assert_eq!(article.keywords, ["water", "governance", "Mara Quell"]);
    assert_eq!(article.url, None);
}

#[test]
fn body_is_one_text_inline_per_paragraph_without_markdown() {
    let markdownish = "# Not a heading *not emphasis* [not](javascript:a)";
    let (article, _) = read_ok(&page(BYLINE, markdownish, "Key Words: x"));
    assert_eq!(
        article.body,
        [Block::Paragraph {
            content: vec![Inline::text(markdownish)]
        }]
    );
}

#[test]
fn crlf_bom_nbsp_and_full_width_colons_together() {
    let text = "\u{feff}Your Present Location\u{ff1a}Home > LATEST INSIGHTS\r\n\r\n\
        Mara Quell\u{ff1a}Why compacts last\r\n\r\n\
        By Mara Quell\u{a0}\u{a0}\u{a0}Source\u{ff1a}Harbour Review\u{a0}\u{a0}Published\u{ff1a}2021-04-12\r\n\r\n\
        First\u{a0}paragraph\r\nwraps here.\r\n\r\n\
        Second paragraph.\r\n\r\n\
        Key Words\u{a0}\u{ff1a}water\u{a0}\u{a0}governance\r\n\r\nLatest Insights\r\n";
    let (article, warnings) = read_ok(text);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(article.title, "Why compacts last");
    assert_eq!(article.authors, ["Mara Quell"]);
    assert_eq!(article.source, "Harbour Review");
    assert_eq!(article.published.to_string(), "2021-04-12");
    assert_eq!(
        body_texts(&article),
        ["First paragraph wraps here.", "Second paragraph."]
    );
    assert_eq!(article.keywords, ["water", "governance"]);
}

#[test]
fn lone_carriage_returns_end_lines_and_count_for_line_numbers() {
    let message = error("T\r\rBy A    Published: 2021-13-45\r\rBody.\r");
    assert!(message.contains(":3: "), "{message}");
}

#[test]
fn navigation_is_dropped_without_warnings() {
    let text =
        "Home\nLATEST INSIGHTS\nYour Present Location :Home > LATEST INSIGHTS\n\nA title\n\n\
        Print  Share\n\nBy A B    Source: S    Published: 2021-04-12\n\nBody.\n\nShare\n\n\
        Key Words: x\n\nLatest Insights\nSome other piece\nRelated Articles\nHome\nBack to top\n\
        Share | Print\nPrevious: An older piece\n";
    let (article, warnings) = read_ok(text);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(article.title, "A title");
    assert_eq!(body_texts(&article), ["Body."]);
}

#[test]
fn other_text_after_the_keywords_is_a_warning() {
    let keywords = "Key Words: x\n\nA stray sentence after the keywords.";
    let (article, warnings) = read_ok(&page(BYLINE, "Body.", keywords));
    assert_eq!(body_texts(&article), ["Body."]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(":11: left out 1 line(s) after the keywords, starting \"A stray"),
        "{}",
        warnings[0]
    );
}

#[test]
fn no_body_is_an_error() {
    for body in ["Share", "", "Print  Share\n\nBack to top"] {
        let message = error(&page(BYLINE, body, "Key Words: x"));
        assert!(
            message.starts_with(
                "pages/2021-04-12-river-compacts.txt:5: no body text between the byline and the keywords"
            ),
            "{message}"
        );
    }
}

#[test]
fn pages_without_a_title_are_errors() {
    assert!(error("").contains("no text besides navigation"));
    assert!(error("Home > News\n\nBack to top\n").contains("no text besides navigation"));
    let message = error("By A B    Published: 2021-04-12\n\nBody.\n");
    assert!(
        message.contains(":1: no title line above the byline"),
        "{message}"
    );
}

#[test]
fn wrapped_title_lines_are_joined() {
    let text = "A long title\nthat wraps\nBy A B    Source: S    Published: 2021-04-12\n\nBody.\n\nKey Words: x\n";
    assert_eq!(article_of(text).title, "A long title that wraps");
}

#[test]
fn detects_saved_pages() {
    assert!(looks_like_page_text(SAMPLE));
    assert!(looks_like_page_text(text::CHINESE));
    let crlf = format!("\u{feff}{}", SAMPLE.replace('\n', "\r\n"));
    assert!(looks_like_page_text(&crlf));
    assert!(looks_like_page_text(
        "A title\n\nBy A B    Published: 2021-04-12\n\nBody.\n"
    ));
    assert!(looks_like_page_text(
        "Home > News\n\nTitle\n\nBody.\n\nKey Words: x\n"
    ));
}

#[test]
fn does_not_detect_other_text() {
    for text in [
        "",
        "Just a note.\n\nBy the way, call me.\n",
        "+++\ntitle = \"x\"\n+++\nBy A    Published: 2021-04-12\nTags: x\n",
        "---\ntitle: x\ntags: [a]\n---\nBy A    Date: 2021-04-12\n",
        "{\"title\": \"By A    Published: 2021-04-12\", \"tags\": []}",
        "<rss><item>Tags: x</item></rss>",
        "Shopping list\n\nTags: food\n",
    ] {
        assert!(!looks_like_page_text(text), "{text:?}");
    }
}

#[test]
fn huge_and_odd_inputs_give_entries() {
    let long_line = "x ".repeat(1_000_000);
    assert!(error(&long_line).contains("no byline under the title"));
    assert!(!looks_like_page_text(&long_line));
    let many = format!(
        "T\n\nBy A    Published: 2021-04-12\n\n{}Key Words: a",
        "Body line.\n\n".repeat(50_000)
    );
    assert_eq!(article_of(&many).body.len(), 50_000);
    let colons = format!("T\n\nBy A{}\n\nBody.\n", " Source:".repeat(10_000));
    let _ = read_with(&colons, &Options::default());
    let _ = read_with("\u{0}\u{1}\u{feff}\r\r\n\t：:", &Options::default());
    let message = error(&"\n".repeat(MAX_LINES + 1));
    assert!(message.contains("more than 1000000 lines"), "{message}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn never_panics_on_any_text(input in "(?s).{0,400}") {
        let _ = looks_like_page_text(&input);
        let _ = read_with(&input, &Options::default());
    }

    #[test]
    fn never_panics_on_page_like_text(parts in proptest::collection::vec(
        prop_oneof![
            Just("By A and B"), Just("Source："), Just("Published: "), Just("2021-04-12"),
            Just("Date:"), Just("Key Words:"), Just("Tags :"), Just("\r\n"), Just("\n\n"),
            Just("\u{a0}\u{a0}"), Just("\t"), Just("  "), Just("Home > x"), Just("Related Articles"),
            Just("The author is"), Just("（作者系"), Just("作者："), Just("、"), Just("　　"),
            Just("\u{feff}"), Just("\r"), Just("text "), Just("水"), Just(":"), Just("Share"),
        ], 0..60)) {
        let input: String = parts.concat();
        let _ = looks_like_page_text(&input);
        if let Entry::Article { article, .. } = read_with(&input, &Options::default()) {
            prop_assert!(insight_corpus::validate_article(&article).is_empty());
        }
    }
}
