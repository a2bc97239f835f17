//! The byline under the title: "By", "Source:" and "Published:" fields (also "Author:"
//! and "Date:") in any order, separated by two or more spaces or tabs.

use super::lines::{fold, split_label, split_wide, Line};
use crate::dates::parse_date;
use crate::error::IngestError;
use insight_corpus::Date;
use std::path::Path;

/// The kinds of byline field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Author,
    Source,
    Date,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Author => "author (\"By\")",
            Field::Source => "\"Source:\"",
            Field::Date => "\"Published:\"",
        }
    }
}

/// Field labels (compared lowercase, before a colon) and the field each one names.
const LABELS: [(&str, Field); 22] = [
    ("by", Field::Author),
    ("author", Field::Author),
    ("authors", Field::Author),
    ("written by", Field::Author),
    ("作者", Field::Author),
    ("source", Field::Source),
    ("publication", Field::Source),
    ("来源", Field::Source),
    ("出处", Field::Source),
    ("published", Field::Date),
    ("published on", Field::Date),
    ("publish date", Field::Date),
    ("publication date", Field::Date),
    ("date", Field::Date),
    ("posted", Field::Date),
    ("posted on", Field::Date),
    ("发布时间", Field::Date),
    ("发布日期", Field::Date),
    ("发表时间", Field::Date),
    ("发表日期", Field::Date),
    ("日期", Field::Date),
    ("时间", Field::Date),
];

/// Labels that start a new field even after a single space ("By A Source: B").
const INLINE_LABELS: [&str; 7] = [
    "source",
    "published",
    "author",
    "authors",
    "来源",
    "作者",
    "发布时间",
];

/// What the byline gave.
#[derive(Debug, Default)]
pub(super) struct Byline {
    pub authors: Vec<String>,
    pub source: Option<String>,
    /// The date, or the error naming the field that is not a date.
    pub date: Option<Result<Date, IngestError>>,
}

/// The byline's pieces: split at wide gaps, and before a known label after one space.
pub(super) fn segments(text: &str) -> Vec<&str> {
    split_wide(text)
        .into_iter()
        .flat_map(split_at_labels)
        .collect()
}

fn split_at_labels(segment: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    for (at, c) in segment.char_indices() {
        if c != ':' && c != '：' {
            continue;
        }
        let before = segment.get(..at).unwrap_or("").trim_end();
        for label in INLINE_LABELS {
            let start = before.len().saturating_sub(label.len());
            let ends_with_label = before
                .get(start..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(label));
            let after_space = before
                .get(..start)
                .is_some_and(|head| head.ends_with(char::is_whitespace));
            if ends_with_label && after_space && cuts.last().is_some_and(|last| start > *last) {
                cuts.push(start);
            }
        }
    }
    cuts.push(segment.len());
    cuts.windows(2)
        .filter_map(|pair| segment.get(pair[0]..pair[1]))
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect()
}

/// The field a byline piece gives and its value, or `None` for an unknown piece.
pub(super) fn field(segment: &str) -> Option<(Field, &str)> {
    let by = segment.get(..2).filter(|b| b.eq_ignore_ascii_case("by"));
    if let Some(rest) = by.and_then(|_| segment.get(2..)) {
        if rest.starts_with(char::is_whitespace) {
            return Some((Field::Author, rest.trim()));
        }
    }
    if let Some((label, value)) = split_label(segment) {
        let label = fold(label);
        if let Some((_, kind)) = LABELS.iter().find(|(known, _)| *known == label) {
            return Some((*kind, value));
        }
    }
    if parse_date(segment).is_some() {
        return Some((Field::Date, segment));
    }
    // "Published 12 April 2021", without a colon.
    let (word, rest) = segment.split_once(char::is_whitespace)?;
    let dated = ["published", "posted", "date"].contains(&fold(word).as_str());
    (dated && parse_date(rest).is_some()).then_some((Field::Date, rest.trim()))
}

/// Whether the line is (part of) a byline: short, and its first piece a known field.
pub(super) fn is_byline(text: &str) -> bool {
    text.len() <= 1200
        && segments(text)
            .first()
            .is_some_and(|first| field(first).is_some())
}

/// How many known fields the line holds (0 for a line that is no byline).
pub(super) fn field_count(text: &str) -> usize {
    if !is_byline(text) {
        return 0;
    }
    segments(text)
        .into_iter()
        .filter(|segment| field(segment).is_some())
        .count()
}

/// Reads the byline's lines; unknown pieces and repeated fields become warnings.
pub(super) fn read_byline(path: &Path, lines: &[&Line], warnings: &mut Vec<IngestError>) -> Byline {
    let mut byline = Byline::default();
    for line in lines {
        for segment in segments(&line.text) {
            let warn = |message: String| IngestError::new(path, Some(line.number), message);
            match field(segment) {
                None => warnings.push(warn(format!(
                    "byline: left out {segment:?} (not a By, Source or Published field; \
                     put two or more spaces between fields)"
                ))),
                Some((kind, _)) if byline.has(kind) => warnings.push(warn(format!(
                    "byline: left out {segment:?}, a second {} field (keep one; \
                     list several authors as \"By A and B\")",
                    kind.name()
                ))),
                Some((Field::Date, value)) => {
                    let date = parse_date(value).ok_or_else(|| {
                        warn(format!(
                            "byline: {segment:?} is not a date (expected YYYY-MM-DD, \
                             YYYY/MM/DD, 12 April 2021 or April 12, 2021)"
                        ))
                    });
                    byline.date = Some(date);
                }
                Some((_, "")) => warnings.push(warn(format!(
                    "byline: {segment:?} is empty and was left out (write the value after the colon)"
                ))),
                Some((Field::Author, value)) => byline.authors = split_authors(value),
                Some((Field::Source, value)) => byline.source = Some(value.to_string()),
            }
        }
    }
    byline
}

impl Byline {
    fn has(&self, kind: Field) -> bool {
        match kind {
            Field::Author => !self.authors.is_empty(),
            Field::Source => self.source.is_some(),
            Field::Date => self.date.is_some(),
        }
    }
}

/// Author names from "A and B", "A, B", "A; B", "A & B" or "A、B", without repeats.
pub(super) fn split_authors(value: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in value.split([',', '，', '、', ';', '；', '&']) {
        let mut words: Vec<&str> = Vec::new();
        for word in part.split_whitespace().chain(["and"]) {
            if !word.eq_ignore_ascii_case("and") {
                words.push(word);
                continue;
            }
            let name = words.join(" ");
            words.clear();
            if !name.is_empty() && !names.iter().any(|known| fold(known) == fold(&name)) {
                names.push(name);
            }
        }
    }
    names
}

/// The title without a leading "Author Name: " that names the byline's author(s);
/// any other text before a colon is part of the title ("Lessons: what cities learned").
pub(super) fn strip_author_prefix<'a>(title: &'a str, authors: &[String]) -> &'a str {
    let Some((prefix, rest)) = split_label(title) else {
        return title;
    };
    let named = split_authors(prefix);
    let known: Vec<String> = authors.iter().map(|author| fold(author)).collect();
    if rest.is_empty() || named.is_empty() || !named.iter().all(|name| known.contains(&fold(name)))
    {
        return title;
    }
    rest
}
