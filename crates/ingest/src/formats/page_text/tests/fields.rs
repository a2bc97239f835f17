//! Tests of the byline fields, the title's author prefix and dates.

use super::*;

#[test]
fn title_prefix_naming_the_author_is_dropped() {
    assert_eq!(
        article_of(SAMPLE).title,
        "Why river-basin compacts outlast their founders"
    );
    let text = page(
        "By Ana Ruiz and Bo Lind    Source: S    Published: 2021-04-12",
        "Body.",
        "Key Words: x",
    )
    .replace("A title", "ana ruiz and Bo  Lind: Shared rivers");
    assert_eq!(article_of(&text).title, "Shared rivers");
}

#[test]
fn title_prefix_that_is_not_the_author_stays() {
    let text = page(
        "By Ana Ruiz    Source: S    Published: 2021-04-12",
        "Body.",
        "Key Words: x",
    );
    for title in [
        "Lessons: what cities learned",
        "Bo Lind: Shared rivers",
        "Ana Ruiz:",
        "Ana Ruiz and Bo Lind: Shared rivers",
    ] {
        assert_eq!(article_of(&text.replace("A title", title)).title, title);
    }
}

#[test]
fn title_that_looks_like_a_byline_field() {
    let text = page(BYLINE, "Body.", "Key Words: x").replace("A title", "By the Numbers: rivers");
    assert_eq!(article_of(&text).title, "By the Numbers: rivers");
}

#[test]
fn byline_fields_in_any_order_with_tabs_and_other_labels() {
    for byline in [
        "Published: 2021-04-12    Source: Harbour Review    By Ana Ruiz",
        "Source: Harbour Review\tBy Ana Ruiz\tPublished: 2021-04-12",
        "Date: 2021-04-12  Author: Ana Ruiz  Source: Harbour Review",
        "Author : Ana Ruiz \t Source : Harbour Review \t Date : 2021-04-12",
        "By Ana Ruiz Source: Harbour Review Published: 2021-04-12",
    ] {
        let (article, warnings) = read_ok(&page(byline, "Body.", "Key Words: x"));
        assert!(warnings.is_empty(), "{byline}: {warnings:?}");
        assert_eq!(article.authors, ["Ana Ruiz"], "{byline}");
        assert_eq!(article.source, "Harbour Review", "{byline}");
        assert_eq!(article.published.to_string(), "2021-04-12", "{byline}");
    }
}

#[test]
fn byline_may_span_several_lines() {
    let text = "A title\n\nBy Ana Ruiz\nSource: Harbour Review\n\nPublished: 2021-04-12\n\nBody.\n\nKey Words: x\n";
    let (article, warnings) = read_ok(text);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(article.source, "Harbour Review");
    assert_eq!(body_texts(&article), ["Body."]);
}

#[test]
fn body_opening_with_by_stays_body() {
    let first = "By 2030, the basin will hold twice the people.";
    let (article, warnings) = read_ok(&page(BYLINE, first, "Key Words: x"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(body_texts(&article), [first]);
}

#[test]
fn several_authors() {
    for (by, expected) in [
        ("By Ana Ruiz and Bo Lind", vec!["Ana Ruiz", "Bo Lind"]),
        ("By Ana Ruiz, Bo Lind", vec!["Ana Ruiz", "Bo Lind"]),
        (
            "By Ana Ruiz, Bo Lind, and Cy Moss",
            vec!["Ana Ruiz", "Bo Lind", "Cy Moss"],
        ),
        ("By Ana Ruiz & Bo Lind", vec!["Ana Ruiz", "Bo Lind"]),
        ("By Ana Ruiz and ana ruiz", vec!["Ana Ruiz"]),
        (
            "Authors: Andrea Sandoval; Bo Lind",
            vec!["Andrea Sandoval", "Bo Lind"],
        ),
    ] {
        let byline = format!("{by}    Source: S    Published: 2021-04-12");
        let (article, _) = read_ok(&page(&byline, "Body.", "Key Words: x"));
        assert_eq!(article.authors, expected, "{by}");
    }
}

#[test]
fn missing_author_is_a_warning_without_a_made_up_name() {
    let byline = "Source: S    Published: 2021-04-12";
    let (article, warnings) = read_ok(&page(byline, "Body.", "Key Words: x"));
    assert!(article.authors.is_empty());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("pages/2021-04-12-river-compacts.txt:5: byline: no author"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[0].contains("add \"By Author Name\""),
        "{}",
        warnings[0]
    );
}

#[test]
fn missing_source_uses_the_default_or_a_stand_in() {
    let text = page("By A B    Published: 2021-04-12", "Body.", "Key Words: x");
    let (article, warnings) = read_ok(&text);
    // The stand-in is named once by the run, not once per page.
    assert_eq!(article.source, "Unknown source");
    assert!(warnings.is_empty(), "{warnings:?}");
    let options = Options {
        default_source: Some("Delta Policy Centre".to_string()),
        ..Options::default()
    };
    match read_with(&text, &options) {
        Entry::Article {
            article, warnings, ..
        } => {
            assert_eq!(article.source, "Delta Policy Centre");
            assert!(warnings.is_empty(), "{warnings:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn missing_date_or_byline_is_an_error() {
    let message = error(&page("By A B    Source: S", "Body.", "Key Words: x"));
    assert_eq!(
        message,
        "pages/2021-04-12-river-compacts.txt:5: byline: no \"Published:\" field; an article \
         needs a date (add \"Published: 2021-04-12\" to the byline)"
    );
    let message = error("A title\n\nBody text only.\n\nKey Words: x\n");
    assert!(
        message.starts_with("pages/2021-04-12-river-compacts.txt:1: no byline under the title"),
        "{message}"
    );
}

#[test]
fn a_page_without_date_or_body_names_both() {
    let message = error(&page("By A B    Source: S", "", "Key Words: x"));
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 2, "{message}");
    assert!(lines[0].contains("no \"Published:\" field"), "{message}");
    assert!(lines[1].contains("no body text"), "{message}");
}

#[test]
fn date_forms() {
    for date in [
        "2021-04-12",
        "2021/04/12",
        "12 April 2021",
        "April 12, 2021",
        "Apr 12, 2021",
        "2021年4月12日",
    ] {
        let byline = format!("By A B    Source: S    Published: {date}");
        let (article, _) = read_ok(&page(&byline, "Body.", "Key Words: x"));
        assert_eq!(article.published.to_string(), "2021-04-12", "{date}");
    }
    for byline in ["By A B    Published 12 April 2021", "By A B    2021-04-12"] {
        let (article, _) = read_ok(&page(byline, "Body.", "Key Words: x"));
        assert_eq!(article.published.to_string(), "2021-04-12", "{byline}");
    }
}

#[test]
fn unreadable_date_is_an_error_with_its_line() {
    let byline = "By A B    Source: S    Published: 2021-13-45";
    assert_eq!(
        error(&page(byline, "Body.", "Key Words: x")),
        "pages/2021-04-12-river-compacts.txt:5: byline: \"Published: 2021-13-45\" is not a date \
         (expected YYYY-MM-DD, YYYY/MM/DD, 12 April 2021 or April 12, 2021)"
    );
    let message = error(&page(
        "By A B    Source: S    Date:",
        "Body.",
        "Key Words: x",
    ));
    assert!(message.contains("\"Date:\" is not a date"), "{message}");
}

#[test]
fn unknown_empty_and_repeated_byline_pieces_are_warned_about() {
    let byline = "By A B    Views: 120    Source:    Source: S    Published: 2021-04-12";
    let (article, warnings) = read_ok(&page(byline, "Body.", "Key Words: x"));
    assert_eq!(article.source, "S");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains(":5: byline: left out \"Views: 120\""),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].contains("\"Source:\" is empty"),
        "{}",
        warnings[1]
    );
    let byline = "By A B    Source: S    Source: T    By C D    Published: 2021-04-12";
    let (article, warnings) = read_ok(&page(byline, "Body.", "Key Words: x"));
    assert_eq!((article.source.as_str(), article.authors.len()), ("S", 1));
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains("left out \"Source: T\", a second"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].contains("left out \"By C D\", a second"),
        "{}",
        warnings[1]
    );
}
