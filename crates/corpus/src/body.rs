//! Structured article bodies: block and inline nodes that carry text, never markup.

use serde::{Deserialize, Serialize};

/// A block of an article body.
///
/// Written as an internally tagged enum (`{"type": "paragraph", ...}`); read through
/// [`RawBlock`], a struct of every field, because serde reads an internally tagged enum
/// by buffering each node first, which costs the wasm about 25 KB.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "RawBlock")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    /// A section heading. Levels run from 2 to 6: level 1 is the article title.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    /// A list; each item is a sequence of blocks.
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Code {
        text: String,
    },
    Rule,
}

/// Inline content inside a block (read through [`RawInline`], as [`Block`] is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "RawInline")]
pub enum Inline {
    Text { text: String },
    Emphasis { content: Vec<Inline> },
    Strong { content: Vec<Inline> },
    Code { text: String },
    Link { href: String, content: Vec<Inline> },
    LineBreak,
}

/// A block as read: its type and whichever fields it has.
#[derive(Deserialize)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: String,
    content: Option<Vec<Inline>>,
    level: Option<u8>,
    blocks: Option<Vec<Block>>,
    ordered: Option<bool>,
    items: Option<Vec<Vec<Block>>>,
    text: Option<String>,
}

/// An inline node as read: its type and whichever fields it has.
#[derive(Deserialize)]
struct RawInline {
    #[serde(rename = "type")]
    kind: String,
    text: Option<String>,
    content: Option<Vec<Inline>>,
    href: Option<String>,
}

/// The field a node of its type must have.
fn needed<T>(field: Option<T>, name: &str) -> Result<T, String> {
    field.ok_or_else(|| format!("missing field `{name}`"))
}

impl TryFrom<RawBlock> for Block {
    type Error = String;

    fn try_from(raw: RawBlock) -> Result<Block, String> {
        Ok(match raw.kind.as_str() {
            "paragraph" => Block::Paragraph {
                content: needed(raw.content, "content")?,
            },
            "heading" => Block::Heading {
                level: needed(raw.level, "level")?,
                content: needed(raw.content, "content")?,
            },
            "quote" => Block::Quote {
                blocks: needed(raw.blocks, "blocks")?,
            },
            "list" => Block::List {
                ordered: needed(raw.ordered, "ordered")?,
                items: needed(raw.items, "items")?,
            },
            "code" => Block::Code {
                text: needed(raw.text, "text")?,
            },
            "rule" => Block::Rule,
            other => {
                return Err(format!(
                    "unknown variant `{other}`, expected one of `paragraph`, `heading`, `quote`, `list`, `code`, `rule`"
                ))
            }
        })
    }
}

impl TryFrom<RawInline> for Inline {
    type Error = String;

    fn try_from(raw: RawInline) -> Result<Inline, String> {
        Ok(match raw.kind.as_str() {
            "text" => Inline::Text {
                text: needed(raw.text, "text")?,
            },
            "emphasis" => Inline::Emphasis {
                content: needed(raw.content, "content")?,
            },
            "strong" => Inline::Strong {
                content: needed(raw.content, "content")?,
            },
            "code" => Inline::Code {
                text: needed(raw.text, "text")?,
            },
            "link" => Inline::Link {
                href: needed(raw.href, "href")?,
                content: needed(raw.content, "content")?,
            },
            "line_break" => Inline::LineBreak,
            other => {
                return Err(format!(
                    "unknown variant `{other}`, expected one of `text`, `emphasis`, `strong`, `code`, `link`, `line_break`"
                ))
            }
        })
    }
}

impl Inline {
    /// A plain text node.
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }

    /// Appends the visible text of this node to `out`.
    pub fn push_plain_text(&self, out: &mut String) {
        match self {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. } => content
                .iter()
                .for_each(|inline| inline.push_plain_text(out)),
            Inline::LineBreak => out.push(' '),
        }
    }
}

impl Block {
    /// Appends the visible text of this block to `out`, blocks separated by blank lines.
    pub fn push_plain_text(&self, out: &mut String) {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str("\n\n");
        }
        match self {
            Block::Paragraph { content } | Block::Heading { content, .. } => content
                .iter()
                .for_each(|inline| inline.push_plain_text(out)),
            Block::Quote { blocks } => blocks.iter().for_each(|block| block.push_plain_text(out)),
            Block::List { items, .. } => items
                .iter()
                .flatten()
                .for_each(|block| block.push_plain_text(out)),
            Block::Code { text } => out.push_str(text),
            Block::Rule => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes_with_the_type_anywhere() {
        let body = vec![
            Block::Heading {
                level: 2,
                content: vec![Inline::text("A")],
            },
            Block::List {
                ordered: true,
                items: vec![vec![Block::Paragraph {
                    content: vec![
                        Inline::Link {
                            href: "https://example.org/".to_string(),
                            content: vec![Inline::Strong {
                                content: vec![Inline::text("b")],
                            }],
                        },
                        Inline::LineBreak,
                        Inline::Code {
                            text: "c".to_string(),
                        },
                    ],
                }]],
            },
            Block::Quote {
                blocks: vec![Block::Rule, Block::Code { text: "d".into() }],
            },
        ];
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), body);
        let late = r#"[{"content":[{"text":"x","type":"text"}],"type":"paragraph"}]"#;
        assert_eq!(
            serde_json::from_str::<Vec<Block>>(late).unwrap(),
            [Block::Paragraph {
                content: vec![Inline::text("x")]
            }]
        );
    }

    #[test]
    fn says_what_is_missing_or_unknown() {
        let missing = serde_json::from_str::<Block>(r#"{"type":"heading","content":[]}"#);
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `level`"));
        let unknown = serde_json::from_str::<Inline>(r#"{"type":"blink","text":"x"}"#);
        assert!(unknown
            .unwrap_err()
            .to_string()
            .contains("unknown variant `blink`"));
    }
}
