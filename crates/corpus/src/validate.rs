//! Checks that an article is fit to show: required fields present, a URL-safe id,
//! a language tag, and only allowed link targets. A corpus read for showing mends its
//! links first (see `repair`), so there only the fields can cost an article.

use crate::article::Article;
use crate::body::{Block, Inline};
use crate::link::{safe_href, safe_web_address};
use crate::repair::RefusedLink;
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

/// A corpus ready to show: its valid articles, for each article set aside one entry
/// naming its problems, and every link the valid articles lost on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidCorpus {
    pub title: String,
    pub notice: Option<String>,
    pub articles: Vec<crate::Article>,
    pub skipped: Vec<Problem>,
    /// Links of kept articles whose targets are not allowed: each cost its link (the
    /// text stays), not its article.
    pub refused_links: Vec<RefusedLink>,
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

/// Every problem with one article; empty when it is fit to show. This is the strict
/// check (for ingest's output and published records, which should hold no refused
/// link): a link the explorer must not follow counts as a problem here, whereas
/// `ValidCorpus::from_json` mends such links with `repair_links` and keeps the article.
pub fn validate_article(article: &Article) -> Vec<Problem> {
    let label = article_label(article);
    let mut messages = field_problems(article);
    messages.extend(link_problems(article));
    messages
        .into_iter()
        .map(|message| Problem::new(label, message))
        .collect()
}

/// How reports name an article: its id, or a stand-in when it has none.
pub(crate) fn article_label(article: &Article) -> &str {
    if article.id.is_empty() {
        "(article without id)"
    } else {
        &article.id
    }
}

/// What is wrong with the article's fields, links aside.
pub(crate) fn field_problems(article: &Article) -> Vec<String> {
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
    // A site may name nobody: an empty list is allowed, an empty name is not.
    if article.authors.iter().any(|a| blank(a)) {
        messages.push("an author's name is empty".to_string());
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
    messages
}

/// The article's links the explorer must not follow, each with the fix.
pub(crate) fn link_problems(article: &Article) -> Vec<String> {
    let mut messages = Vec::new();
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
}

/// The body's link targets that are not allowed, in the order they appear.
pub(crate) fn unsafe_links(blocks: &[Block]) -> Vec<&str> {
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
        assert!(corpus.refused_links.is_empty());
        assert!(Corpus::from_json(&json).is_ok());
    }

    /// `article_json(id)` with its body's one text node replaced by `inline`.
    fn article_with(id: &str, inline: &str) -> String {
        article_json(id).replace(r#"{"type":"text","text":"Hi"}"#, inline)
    }

    #[test]
    fn sets_aside_bad_articles_and_keeps_the_rest() {
        let missing_title = r#"{"id":"b","authors":["A"]}"#;
        let empty_title = article_json("d").replace(r#""title":"T""#, r#""title":"""#);
        let bad_link = r#"{"type":"link","href":"javascript:alert(1)","content":[]}"#;
        let json = format!(
            r#"{{"version":1,"title":"C","articles":[{},{missing_title},{},{},{}]}}"#,
            article_json("a"),
            article_with("c", bad_link),
            empty_title.replace(r#"{"type":"text","text":"Hi"}"#, bad_link),
            article_json("a")
        );
        let corpus = ValidCorpus::from_json(&json).unwrap();
        let kept: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            kept,
            ["a", "c"],
            "a bad link costs the link, not the article"
        );
        let reasons: Vec<String> = corpus.skipped.iter().map(|p| p.to_string()).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert_eq!(reasons[0], "article #2: missing field `title`");
        // An article set aside for its fields names its links' problems too.
        assert_eq!(
            reasons[1],
            "d: title is empty; link target \"javascript:alert(1)\" is not allowed \
             (use http, https, mailto or a relative address)"
        );
        assert_eq!(reasons[2], "a: its id is used by an earlier article");
        assert_eq!(corpus.refused_links.len(), 1, "only kept articles' links");
        assert_eq!(corpus.refused_links[0].article, "c");
    }

    #[test]
    fn a_script_link_becomes_its_text_and_is_reported_at_its_line() {
        let link = r#"{"type":"link","href":"javascript:alert(1)","content":[{"type":"text","text":"read this"}]}"#;
        let json = format!(
            "{{\"version\":1,\"title\":\"C\",\"articles\":[\n{},\n{}\n]}}",
            article_json("a"),
            article_with("b", link)
        );
        let corpus = ValidCorpus::from_json(&json).unwrap();
        assert_eq!(corpus.articles.len(), 2);
        assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
        assert_eq!(
            corpus.articles[1].body,
            vec![Block::Paragraph {
                content: vec![Inline::text("read this")]
            }]
        );
        let refused = &corpus.refused_links;
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert_eq!(refused[0].article, "b");
        assert_eq!(refused[0].target, "javascript:alert(1)");
        // The record of `a` starts on line 2 and spans three; `b` starts on line 5.
        assert_eq!(refused[0].line, Some(5));
        assert!(refused[0]
            .message()
            .ends_with("(use http, https, mailto or a relative address)"));
    }

    #[test]
    fn an_unsafe_url_costs_the_url_not_the_article() {
        let with_url = article_json("a").replace(
            r#""language":"en""#,
            r#""language":"en","url":"data:text/html,x""#,
        );
        let json = format!(r#"{{"version":1,"title":"C","articles":[{with_url}]}}"#);
        let corpus = ValidCorpus::from_json(&json).unwrap();
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(corpus.articles[0].url, None);
        assert_eq!(corpus.refused_links.len(), 1);
        assert_eq!(
            corpus.refused_links[0].place,
            crate::LinkPlace::OriginalAddress
        );
        assert_eq!(corpus.refused_links[0].line, Some(1));
        // Read strictly, the same article still has a problem to name.
        let strict = validate_article(&Corpus::from_json(&json).unwrap().articles[0]);
        assert_eq!(strict.len(), 1);
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
