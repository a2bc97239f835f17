//! Mending what would otherwise cost a whole article: a body link whose target is not
//! allowed loses its link and keeps its text, and an original address (`url`) that is not
//! a web address is left out. Each repair is reported, so nothing goes unsaid.

use crate::article::Article;
use crate::body::{Block, Inline};
use crate::link::{safe_href, safe_web_address};
use crate::validate::{article_label, unsafe_links};
use std::fmt;

/// Where a refused link sat in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPlace {
    /// A link in the body: its text is shown without the link.
    Body,
    /// The article's original address (`url`): the article shows none.
    OriginalAddress,
}

/// A link a kept article lost because its target is not allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedLink {
    /// The article's id.
    pub article: String,
    /// The line of the corpus file where the article's record starts, when known.
    pub line: Option<usize>,
    pub place: LinkPlace,
    /// The target as the corpus wrote it.
    pub target: String,
}

/// What a report says of a body link whose target is not allowed: what became of it,
/// and the fix. `corpus ingest` words its warnings the same way.
pub fn link_refusal(target: &str) -> String {
    format!(
        "link target {target:?} is not allowed and was removed, its text is kept \
         (use http, https, mailto or a relative address)"
    )
}

/// What a report says of an original address (`url`) that is not a web address.
pub fn url_refusal(url: &str) -> String {
    format!(
        "url {url:?} is not a full http or https address, so the article keeps no link to \
         its original (write it as https://…)"
    )
}

impl RefusedLink {
    /// What became of the link and how to keep it, without the article's id.
    pub fn message(&self) -> String {
        match self.place {
            LinkPlace::Body => link_refusal(&self.target),
            LinkPlace::OriginalAddress => url_refusal(&self.target),
        }
    }
}

impl fmt::Display for RefusedLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.article, self.message())
    }
}

/// Removes from `article` every link the explorer must not follow: a body link whose
/// target is not allowed becomes its content (text, emphasis and any allowed links inside
/// it stay), and a `url` that is not an http or https address is dropped. Returns one
/// report per link removed, in the order they appear, each placed at `line`.
pub fn repair_links(article: &mut Article, line: Option<usize>) -> Vec<RefusedLink> {
    let mut targets = Vec::new();
    // Most articles have nothing to mend; only those with a refused link are rebuilt.
    if !unsafe_links(&article.body).is_empty() {
        let body = std::mem::take(&mut article.body);
        article.body = repaired_blocks(body, &mut targets);
    }
    let mut refused: Vec<(LinkPlace, String)> = targets
        .into_iter()
        .map(|target| (LinkPlace::Body, target))
        .collect();
    if article
        .url
        .as_deref()
        .is_some_and(|url| safe_web_address(url).is_none())
    {
        if let Some(url) = article.url.take() {
            refused.push((LinkPlace::OriginalAddress, url));
        }
    }
    let label = article_label(article);
    refused
        .into_iter()
        .map(|(place, target)| RefusedLink {
            article: label.to_string(),
            line,
            place,
            target,
        })
        .collect()
}

fn repaired_blocks(blocks: Vec<Block>, refused: &mut Vec<String>) -> Vec<Block> {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph { content } => Block::Paragraph {
                content: repaired_inlines(content, refused),
            },
            Block::Heading { level, content } => Block::Heading {
                level,
                content: repaired_inlines(content, refused),
            },
            Block::Quote { blocks } => Block::Quote {
                blocks: repaired_blocks(blocks, refused),
            },
            Block::List { ordered, items } => Block::List {
                ordered,
                items: items
                    .into_iter()
                    .map(|item| repaired_blocks(item, refused))
                    .collect(),
            },
            other @ (Block::Code { .. } | Block::Rule) => other,
        })
        .collect()
}

fn repaired_inlines(inlines: Vec<Inline>, refused: &mut Vec<String>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        push_repaired(inline, &mut out, refused);
    }
    out
}

/// Appends `inline` to `out`; a refused link is replaced by its (repaired) content.
fn push_repaired(inline: Inline, out: &mut Vec<Inline>, refused: &mut Vec<String>) {
    match inline {
        Inline::Link { href, content } if safe_href(&href).is_none() => {
            refused.push(href);
            for inner in content {
                push_repaired(inner, out, refused);
            }
        }
        Inline::Link { href, content } => out.push(Inline::Link {
            href,
            content: repaired_inlines(content, refused),
        }),
        Inline::Emphasis { content } => out.push(Inline::Emphasis {
            content: repaired_inlines(content, refused),
        }),
        Inline::Strong { content } => out.push(Inline::Strong {
            content: repaired_inlines(content, refused),
        }),
        other @ (Inline::Text { .. } | Inline::Code { .. } | Inline::LineBreak) => out.push(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate_article;
    use crate::Date;

    fn link(href: &str, content: Vec<Inline>) -> Inline {
        Inline::Link {
            href: href.to_string(),
            content,
        }
    }

    fn article(body: Vec<Block>) -> Article {
        Article {
            id: "a".to_string(),
            title: "T".to_string(),
            authors: vec!["A".to_string()],
            source: "S".to_string(),
            published: Date::new(2021, 4, 12).unwrap(),
            keywords: vec![],
            language: "en".to_string(),
            summary: "S.".to_string(),
            body,
            bio: None,
            url: None,
        }
    }

    #[test]
    fn a_refused_link_becomes_its_text_with_its_formatting() {
        let mut a = article(vec![Block::Paragraph {
            content: vec![
                Inline::text("See "),
                link(
                    "javascript:alert(1)",
                    vec![
                        Inline::text("this "),
                        Inline::Emphasis {
                            content: vec![Inline::text("page")],
                        },
                    ],
                ),
                Inline::text("."),
            ],
        }]);
        let refused = repair_links(&mut a, Some(7));
        assert_eq!(
            a.body,
            vec![Block::Paragraph {
                content: vec![
                    Inline::text("See "),
                    Inline::text("this "),
                    Inline::Emphasis {
                        content: vec![Inline::text("page")]
                    },
                    Inline::text("."),
                ]
            }]
        );
        assert_eq!(
            refused,
            vec![RefusedLink {
                article: "a".to_string(),
                line: Some(7),
                place: LinkPlace::Body,
                target: "javascript:alert(1)".to_string(),
            }]
        );
        assert!(validate_article(&a).is_empty());
        assert_eq!(
            refused[0].to_string(),
            "a: link target \"javascript:alert(1)\" is not allowed and was removed, its text \
             is kept (use http, https, mailto or a relative address)"
        );
    }

    #[test]
    fn links_inside_links_keep_their_content_and_allowed_ones_stay() {
        let mut a = article(vec![Block::Quote {
            blocks: vec![Block::List {
                ordered: false,
                items: vec![vec![Block::Heading {
                    level: 2,
                    content: vec![link(
                        "data:text/html,x",
                        vec![
                            link("https://example.org/", vec![Inline::text("kept")]),
                            Inline::Strong {
                                content: vec![link("vbscript:x", vec![Inline::text("bold")])],
                            },
                        ],
                    )],
                }]],
            }],
        }]);
        let refused = repair_links(&mut a, None);
        let targets: Vec<&str> = refused.iter().map(|r| r.target.as_str()).collect();
        assert_eq!(targets, ["data:text/html,x", "vbscript:x"]);
        let Block::Quote { blocks } = &a.body[0] else {
            panic!("the quote stays")
        };
        let Block::List { items, .. } = &blocks[0] else {
            panic!("the list stays")
        };
        let Block::Heading { content, .. } = &items[0][0] else {
            panic!("the heading stays")
        };
        assert_eq!(
            content,
            &vec![
                link("https://example.org/", vec![Inline::text("kept")]),
                Inline::Strong {
                    content: vec![Inline::text("bold")]
                },
            ]
        );
        assert!(validate_article(&a).is_empty());
    }

    #[test]
    fn an_unsafe_url_is_dropped_and_reported_and_a_web_one_kept() {
        let mut a = article(vec![Block::Rule]);
        a.url = Some("javascript:alert(1)".to_string());
        let refused = repair_links(&mut a, Some(3));
        assert_eq!(a.url, None);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].place, LinkPlace::OriginalAddress);
        assert!(refused[0].message().contains("write it as https://"));

        let mut kept = article(vec![Block::Rule]);
        kept.url = Some("https://example.org/piece".to_string());
        assert!(repair_links(&mut kept, None).is_empty());
        assert_eq!(kept.url.as_deref(), Some("https://example.org/piece"));
    }

    #[test]
    fn an_article_without_refused_links_is_left_as_it_is() {
        let body = vec![Block::Paragraph {
            content: vec![link("/articles/b", vec![Inline::text("b")])],
        }];
        let mut a = article(body.clone());
        assert!(repair_links(&mut a, None).is_empty());
        assert_eq!(a.body, body);
    }
}
