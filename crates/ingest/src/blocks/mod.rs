//! Turning article bodies written in Markdown or HTML into the corpus's structured blocks.

pub mod html;
pub mod markdown;

use insight_corpus::Block;

/// How deeply containers (quotes, lists) may nest in a body. Deeper content is
/// flattened into its parent so that no reader, serializer or renderer recurses
/// without bound on hostile input.
pub const MAX_DEPTH: usize = 16;

/// A converted body and what the conversion noticed and changed, for the ingest report.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Conversion {
    pub blocks: Vec<Block>,
    /// Pieces of raw HTML (or HTML elements) that were left out.
    pub dropped_html: usize,
    /// Link targets that were refused (their text is kept).
    pub refused_links: Vec<String>,
}

impl Conversion {
    /// The body's visible text, blocks separated by blank lines.
    pub fn plain_text(&self) -> String {
        let mut text = String::new();
        self.blocks
            .iter()
            .for_each(|block| block.push_plain_text(&mut text));
        text
    }
}

/// Cleans blocks that arrive already structured (JSON records): link targets outside the
/// allowlist lose their link but keep their text, and nesting past [`MAX_DEPTH`] is
/// flattened.
pub fn sanitize(blocks: Vec<Block>) -> Conversion {
    let mut conversion = Conversion::default();
    conversion.blocks = clean_blocks(blocks, 0, &mut conversion.refused_links);
    conversion
}

fn clean_blocks(blocks: Vec<Block>, depth: usize, refused: &mut Vec<String>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::Paragraph { content } => out.push(Block::Paragraph {
                content: clean_inlines(content, refused),
            }),
            Block::Heading { level, content } => out.push(Block::Heading {
                level: level.clamp(2, 6),
                content: clean_inlines(content, refused),
            }),
            Block::Quote { blocks } if depth >= MAX_DEPTH => {
                out.extend(clean_blocks(blocks, depth, refused))
            }
            Block::Quote { blocks } => out.push(Block::Quote {
                blocks: clean_blocks(blocks, depth + 1, refused),
            }),
            Block::List { items, .. } if depth >= MAX_DEPTH => items
                .into_iter()
                .for_each(|item| out.extend(clean_blocks(item, depth, refused))),
            Block::List { ordered, items } => out.push(Block::List {
                ordered,
                items: items
                    .into_iter()
                    .map(|item| clean_blocks(item, depth + 1, refused))
                    .collect(),
            }),
            other @ (Block::Code { .. } | Block::Rule) => out.push(other),
        }
    }
    out
}

fn clean_inlines(
    inlines: Vec<insight_corpus::Inline>,
    refused: &mut Vec<String>,
) -> Vec<insight_corpus::Inline> {
    use insight_corpus::Inline;
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Link { href, content } => match insight_corpus::link::safe_href(&href) {
                Some(safe) => out.push(Inline::Link {
                    href: safe.to_string(),
                    content: clean_inlines(content, refused),
                }),
                None => {
                    refused.push(href);
                    out.extend(clean_inlines(content, refused));
                }
            },
            Inline::Emphasis { content } => out.push(Inline::Emphasis {
                content: clean_inlines(content, refused),
            }),
            Inline::Strong { content } => out.push(Inline::Strong {
                content: clean_inlines(content, refused),
            }),
            other => out.push(other),
        }
    }
    out
}
