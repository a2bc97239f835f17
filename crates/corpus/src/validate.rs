//! Checks that an article is fit to show: required fields present, a URL-safe id,
//! a language tag, and only allowed link targets.

use crate::article::Article;
use crate::body::{Block, Inline};
use crate::link::{safe_href, safe_web_address};
use std::fmt;

/// One thing wrong with one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The article's id, or its position when it has none.
    pub article: String,
    /// The line of the corpus file where the article's record starts, when known.
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn new(article: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            article: article.into(),
            line: None,
            message: message.into(),
        }
    }

    /// The same problem, placed at a line of the corpus file.
    pub fn at_line(mut self, line: usize) -> Problem {
        self.line = Some(line);
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.article, self.message)
    }
}

/// A corpus ready to show: its valid articles, and for each article set aside, one
/// entry naming its problems.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidCorpus {
    pub title: String,
    pub notice: Option<String>,
    pub articles: Vec<crate::Article>,
    pub skipped: Vec<Problem>,
}

/// Whether `id` is a URL-safe slug: ASCII letters, digits, `-` and `_`, at most 200 long.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether `tag` looks like a BCP 47 language tag (`en`, `zh`, `zh-Hans`, `pt-BR`).
pub fn is_valid_language(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Every problem with one article; empty when it is fit to show.
pub fn validate_article(article: &Article) -> Vec<Problem> {
    let label = if article.id.is_empty() {
        "(article without id)"
    } else {
        &article.id
    };
    let mut messages = Vec::new();
    if !is_valid_id(&article.id) {
        messages.push(format!(
            "id {:?} is not a URL-safe slug (use letters, digits, '-' and '_')",
            article.id
        ));
    }
    let blank = |text: &str| text.trim().is_empty();
    if blank(&article.title) {
        messages.push("title is empty".to_string());
    }
    if article.authors.is_empty() || article.authors.iter().any(|a| blank(a)) {
        messages.push("authors must list at least one non-empty name".to_string());
    }
    if blank(&article.source) {
        messages.push("source is empty".to_string());
    }
    if article.keywords.iter().any(|k| blank(k)) {
        messages.push("a keyword is empty".to_string());
    }
    if !is_valid_language(&article.language) {
        messages.push(format!(
            "language {:?} is not a language tag such as \"en\"",
            article.language
        ));
    }
    if blank(&article.summary) {
        messages.push("summary is empty".to_string());
    }
    if article.body.is_empty() {
        messages.push("body is empty".to_string());
    }
    for href in unsafe_links(&article.body) {
        messages.push(format!(
            "link target {href:?} is not allowed (use http, https, mailto or a relative address)"
        ));
    }
    if let Some(url) = &article.url {
        if safe_web_address(url).is_none() {
            messages.push(format!("url {url:?} is not an http or https address"));
        }
    }
    messages
        .into_iter()
        .map(|message| Problem::new(label, message))
        .collect()
}

fn unsafe_links(blocks: &[Block]) -> Vec<&str> {
    fn in_inlines<'a>(inlines: &'a [Inline], found: &mut Vec<&'a str>) {
        for inline in inlines {
            match inline {
                Inline::Link { href, content } => {
                    if safe_href(href).is_none() {
                        found.push(href);
                    }
                    in_inlines(content, found);
                }
                Inline::Emphasis { content } | Inline::Strong { content } => {
                    in_inlines(content, found)
                }
                Inline::Text { .. } | Inline::Code { .. } | Inline::LineBreak => {}
            }
        }
    }
    fn in_blocks<'a>(blocks: &'a [Block], found: &mut Vec<&'a str>) {
        for block in blocks {
            match block {
                Block::Paragraph { content } | Block::Heading { content, .. } => {
                    in_inlines(content, found)
                }
                Block::Quote { blocks } => in_blocks(blocks, found),
                Block::List { items, .. } => items.iter().for_each(|item| in_blocks(item, found)),
                Block::Code { .. } | Block::Rule => {}
            }
        }
    }
    let mut found = Vec::new();
    in_blocks(blocks, &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Corpus, DecodeError, ValidCorpus};

    fn article_json(id: &str) -> String {
        format!(
            r#"{{"id":"{id}","title":"T","authors":["A"],"source":"S","published":"2021-04-12",
            "keywords":["trade"],"language":"en","summary":"S.",
            "body":[{{"type":"paragraph","content":[{{"type":"text","text":"Hi"}}]}}]}}"#
        )
    }

    #[test]
    fn reads_a_valid_corpus() {
        let json = format!(
            r#"{{"version":1,"title":"C","articles":[{}]}}"#,
            article_json("a")
        );
        let corpus = ValidCorpus::from_json(&json).unwrap();
        assert_eq!(corpus.articles.len(), 1);
        assert!(corpus.skipped.is_empty());
        assert!(Corpus::from_json(&json).is_ok());
    }

    #[test]
    fn sets_aside_bad_articles_and_keeps_the_rest() {
        let missing_title = r#"{"id":"b","authors":["A"]}"#;
        let bad_link = article_json("c").replace(
            r#"{"type":"text","text":"Hi"}"#,
            r#"{"type":"link","href":"javascript:alert(1)","content":[]}"#,
        );
        let json = format!(
            r#"{{"version":1,"title":"C","articles":[{},{missing_title},{bad_link},{}]}}"#,
            article_json("a"),
            article_json("a")
        );
        let corpus = ValidCorpus::from_json(&json).unwrap();
        assert_eq!(corpus.articles.len(), 1);
        let reasons: Vec<String> = corpus.skipped.iter().map(|p| p.to_string()).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert_eq!(reasons[0], "article #2: missing field `title`");
        assert!(reasons[1].contains("javascript:alert(1)"));
        assert_eq!(reasons[2], "a: its id is used by an earlier article");
    }

    #[test]
    fn refuses_unknown_versions_and_truncated_text() {
        assert_eq!(
            ValidCorpus::from_json(r#"{"version":2,"title":"C","articles":[]}"#),
            Err(DecodeError::UnsupportedVersion(2))
        );
        assert_eq!(
            ValidCorpus::from_json(r#"{"title":"C","articles":[]}"#),
            Err(DecodeError::MissingVersion)
        );
        let truncated = format!(
            r#"{{"version":1,"title":"C","articles":[{}"#,
            article_json("a")
        );
        assert!(matches!(
            ValidCorpus::from_json(&truncated[..truncated.len() - 20]),
            Err(DecodeError::Truncated { .. })
        ));
        assert!(matches!(
            ValidCorpus::from_json(r#"{"version":1,"title":"C","articles":[}"#),
            Err(DecodeError::Malformed { .. })
        ));
    }

    #[test]
    fn checks_ids_and_languages() {
        assert!(is_valid_id("river-basin_2021"));
        assert!(!is_valid_id("a/b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("é"));
        assert!(is_valid_language("en"));
        assert!(is_valid_language("zh-Hans"));
        assert!(!is_valid_language("e"));
        assert!(!is_valid_language("en_US"));
    }
}
