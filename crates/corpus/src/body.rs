//! Structured article bodies: block and inline nodes that carry text, never markup.

use serde::{Deserialize, Serialize};

/// A block of an article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
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

/// Inline content inside a block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text { text: String },
    Emphasis { content: Vec<Inline> },
    Strong { content: Vec<Inline> },
    Code { text: String },
    Link { href: String, content: Vec<Inline> },
    LineBreak,
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
