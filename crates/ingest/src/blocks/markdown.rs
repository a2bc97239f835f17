//! CommonMark bodies to structured blocks. Raw HTML is dropped (never passed through),
//! images become links to the image, and link targets outside the allowlist lose their
//! link but keep their text.

use super::{Conversion, MAX_DEPTH};
use insight_corpus::link::safe_href;
use insight_corpus::{Block, Inline};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// An open container while the event stream is walked.
enum Frame {
    /// Holds blocks: the document, a block quote or a list item.
    Blocks(BlockKind, Vec<Block>),
    /// Holds inline content: a paragraph, heading, emphasis, link...
    Inlines(InlineKind, Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Code(String),
    /// Content that is left out entirely (raw HTML blocks).
    Skip,
}

enum BlockKind {
    Document,
    Quote,
    Item,
    /// A quote, list or item nested past [`MAX_DEPTH`]: its blocks join its parent.
    Flattened,
}

enum InlineKind {
    Paragraph,
    /// Text directly inside a tight list item, without a paragraph around it.
    LooseText,
    Heading(u8),
    Emphasis,
    Strong,
    Link(String),
    Image(String),
}

impl InlineKind {
    /// Whether this is a run inside text rather than a block of its own.
    fn is_run(&self) -> bool {
        matches!(
            self,
            InlineKind::Emphasis | InlineKind::Strong | InlineKind::Link(_) | InlineKind::Image(_)
        )
    }
}

/// Converts a Markdown body to blocks.
pub fn markdown_to_blocks(markdown: &str) -> Conversion {
    let mut walk = Walk {
        stack: vec![Frame::Blocks(BlockKind::Document, Vec::new())],
        conversion: Conversion::default(),
    };
    for event in Parser::new(markdown) {
        walk.event(event);
    }
    while walk.stack.len() > 1 {
        walk.close();
    }
    if let Some(Frame::Blocks(_, blocks)) = walk.stack.pop() {
        walk.conversion.blocks = blocks;
    }
    walk.conversion
}

struct Walk {
    stack: Vec<Frame>,
    conversion: Conversion,
}

impl Walk {
    fn event(&mut self, event: Event) {
        if matches!(self.stack.last(), Some(Frame::Skip)) {
            if matches!(event, Event::End(TagEnd::HtmlBlock)) {
                self.stack.pop();
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(text) => match self.stack.last_mut() {
                Some(Frame::Code(code)) => code.push_str(&text),
                _ => self.push_inline(Inline::text(text.as_ref())),
            },
            Event::Code(text) => self.push_inline(Inline::Code {
                text: text.to_string(),
            }),
            Event::SoftBreak => self.push_inline(Inline::text(" ")),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Rule => self.push_block(Block::Rule),
            Event::Html(_) | Event::InlineHtml(_) => self.conversion.dropped_html += 1,
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_inline(Inline::Code {
                text: text.to_string(),
            }),
            Event::FootnoteReference(name) => self.push_inline(Inline::text(format!("[{name}]"))),
            Event::TaskListMarker(done) => {
                self.push_inline(Inline::text(if done { "[x] " } else { "[ ] " }))
            }
        }
    }

    fn start(&mut self, tag: Tag) {
        let frame = match tag {
            Tag::Paragraph => Frame::Inlines(InlineKind::Paragraph, Vec::new()),
            Tag::Heading { level, .. } => {
                Frame::Inlines(InlineKind::Heading(heading_level(level)), Vec::new())
            }
            Tag::BlockQuote(_) | Tag::List(_) | Tag::Item if self.depth() >= MAX_DEPTH => {
                Frame::Blocks(BlockKind::Flattened, Vec::new())
            }
            Tag::BlockQuote(_) => Frame::Blocks(BlockKind::Quote, Vec::new()),
            Tag::CodeBlock(_) => Frame::Code(String::new()),
            Tag::HtmlBlock => {
                self.conversion.dropped_html += 1;
                Frame::Skip
            }
            Tag::List(start) => Frame::List {
                ordered: start.is_some(),
                items: Vec::new(),
            },
            Tag::Item => Frame::Blocks(BlockKind::Item, Vec::new()),
            Tag::Emphasis | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {
                Frame::Inlines(InlineKind::Emphasis, Vec::new())
            }
            Tag::Strong => Frame::Inlines(InlineKind::Strong, Vec::new()),
            Tag::Link { dest_url, .. } => {
                Frame::Inlines(InlineKind::Link(dest_url.to_string()), Vec::new())
            }
            Tag::Image { dest_url, .. } => {
                Frame::Inlines(InlineKind::Image(dest_url.to_string()), Vec::new())
            }
            // Tables, footnote definitions and other extensions are not enabled; treat any
            // such container as a plain block group so its text is not lost.
            _ => Frame::Blocks(BlockKind::Quote, Vec::new()),
        };
        // Emphasis, links and images flow into the surrounding text; every other container
        // ends any loose text of a tight list item first.
        if matches!(&frame, Frame::Inlines(kind, _) if kind.is_run()) {
            self.ensure_inline_frame();
        } else {
            self.close_loose_text();
        }
        self.stack.push(frame);
    }

    /// How many quotes, lists and items are open.
    fn depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|f| {
                matches!(
                    f,
                    Frame::List { .. } | Frame::Blocks(BlockKind::Quote | BlockKind::Item, _)
                )
            })
            .count()
    }

    fn end(&mut self, _end: TagEnd) {
        self.close_loose_text();
        if self.stack.len() > 1 {
            self.close();
        }
    }

    /// Closes the innermost frame and hands what it built to its parent.
    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Blocks(BlockKind::Item, blocks) => match self.stack.last_mut() {
                Some(Frame::List { items, .. }) => items.push(blocks),
                _ => blocks.into_iter().for_each(|b| self.push_block(b)),
            },
            Frame::Blocks(BlockKind::Flattened, blocks) => {
                blocks.into_iter().for_each(|b| self.push_block(b))
            }
            Frame::Blocks(_, blocks) => {
                if !blocks.is_empty() {
                    self.push_block(Block::Quote { blocks })
                }
            }
            Frame::List { ordered, items } => self.push_block(Block::List { ordered, items }),
            Frame::Code(text) => self.push_block(Block::Code {
                text: text.trim_end_matches('\n').to_string(),
            }),
            Frame::Skip => {}
            Frame::Inlines(kind, content) => self.finish_inlines(kind, content),
        }
    }

    fn finish_inlines(&mut self, kind: InlineKind, content: Vec<Inline>) {
        match kind {
            InlineKind::Paragraph | InlineKind::LooseText => {
                if has_text(&content) {
                    self.push_block(Block::Paragraph {
                        content: trim_edges(content),
                    })
                }
            }
            InlineKind::Heading(level) => {
                if has_text(&content) {
                    self.push_block(Block::Heading {
                        level,
                        content: trim_edges(content),
                    })
                }
            }
            InlineKind::Emphasis => self.push_inline(Inline::Emphasis { content }),
            InlineKind::Strong => self.push_inline(Inline::Strong { content }),
            InlineKind::Link(href) => match safe_href(&href) {
                Some(safe) => self.push_inline(Inline::Link {
                    href: safe.to_string(),
                    content,
                }),
                None => {
                    self.conversion.refused_links.push(href);
                    content
                        .into_iter()
                        .for_each(|inline| self.push_inline(inline));
                }
            },
            InlineKind::Image(src) => {
                let content = if has_text(&content) {
                    content
                } else {
                    vec![Inline::text("Image")]
                };
                match safe_href(&src) {
                    Some(safe) => self.push_inline(Inline::Link {
                        href: safe.to_string(),
                        content,
                    }),
                    None => {
                        self.conversion.refused_links.push(src);
                        content
                            .into_iter()
                            .for_each(|inline| self.push_inline(inline));
                    }
                }
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        self.close_loose_text();
        match self.stack.last_mut() {
            Some(Frame::Blocks(_, blocks)) => blocks.push(block),
            Some(Frame::List { items, .. }) => items.push(vec![block]),
            _ => {
                // A block inside inline content cannot happen in CommonMark; keep its text.
                let mut text = String::new();
                block.push_plain_text(&mut text);
                self.push_inline(Inline::text(text));
            }
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        self.ensure_inline_frame();
        if let Some(Frame::Inlines(_, content)) = self.stack.last_mut() {
            match (content.last_mut(), &inline) {
                (Some(Inline::Text { text }), Inline::Text { text: more }) => text.push_str(more),
                _ => content.push(inline),
            }
        }
    }

    /// Opens a loose-text paragraph when inline content arrives directly in a block container.
    fn ensure_inline_frame(&mut self) {
        if !matches!(self.stack.last(), Some(Frame::Inlines(..))) {
            self.stack
                .push(Frame::Inlines(InlineKind::LooseText, Vec::new()));
        }
    }

    fn close_loose_text(&mut self) {
        if matches!(
            self.stack.last(),
            Some(Frame::Inlines(InlineKind::LooseText, _))
        ) {
            if let Some(Frame::Inlines(kind, content)) = self.stack.pop() {
                self.finish_inlines(kind, content);
            }
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn has_text(content: &[Inline]) -> bool {
    let mut text = String::new();
    content
        .iter()
        .for_each(|inline| inline.push_plain_text(&mut text));
    !text.trim().is_empty()
}

/// Trims white space at the start and end of a run of inline content.
fn trim_edges(mut content: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text { text }) = content.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = content.last_mut() {
        *text = text.trim_end().to_string();
    }
    content.retain(|inline| !matches!(inline, Inline::Text { text } if text.is_empty()));
    content
}

#[cfg(test)]
mod tests;
