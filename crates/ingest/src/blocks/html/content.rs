//! Adding text to the open frames, and closing them: finished paragraphs, runs, quotes
//! and lists are handed to their parent.

use super::whitespace::{self, has_text, trim_end};
use super::{Frame, Holder, Run, Walk};
use insight_corpus::link::safe_href;
use insight_corpus::{Block, Inline};

impl Walk {
    pub(super) fn text(&mut self, text: &str) {
        match self.stack.last_mut() {
            Some(Frame::Text { text: code, .. }) => code.push_str(text),
            _ => self.push_text(text),
        }
    }

    /// Adds text with white space collapsed as a browser shows it.
    pub(super) fn push_text(&mut self, text: &str) {
        let mut collapsed = String::new();
        let mut space = self.space_before;
        whitespace::push_collapsed(&mut collapsed, text, &mut space);
        if collapsed.is_empty() {
            return;
        }
        self.space_before = space;
        if self.code > 0 {
            self.push_inline(Inline::Code { text: collapsed });
        } else {
            self.push_inline(Inline::text(collapsed));
        }
    }

    pub(super) fn line_break(&mut self) {
        self.ensure_inline_frame();
        if let Some(Frame::Inlines(_, content)) = self.stack.last_mut() {
            if let Some(Inline::Text { text }) = content.last_mut() {
                text.truncate(text.trim_end_matches(' ').len());
            }
        }
        self.push_inline(Inline::LineBreak);
        self.space_before = true;
    }

    pub(super) fn image(&mut self, src: Option<&str>, alt: Option<&str>) {
        let mut alt_text = String::new();
        whitespace::push_collapsed(&mut alt_text, alt.unwrap_or(""), &mut true);
        let alt_text = alt_text.trim_end().to_string();
        match src.map(|src| (src, safe_href(src))) {
            Some((_, Some(href))) => {
                let label = if alt_text.is_empty() {
                    "Image".to_string()
                } else {
                    alt_text
                };
                let content = vec![Inline::text(label)];
                self.push_inline(Inline::Link {
                    href: href.to_string(),
                    content,
                });
                self.space_before = false;
            }
            Some((refused, None)) => {
                self.conversion.refused_links.push(refused.to_string());
                self.push_text(&alt_text);
            }
            None => self.push_text(&alt_text),
        }
    }

    /// Closes the innermost frame and hands what it built to its parent.
    pub(super) fn close(&mut self) {
        match self.stack.pop() {
            Some(Frame::Blocks(Holder::Item, blocks)) => match self.stack.last_mut() {
                Some(Frame::List { items, .. }) => items.push(blocks),
                _ => blocks.into_iter().for_each(|block| self.push_block(block)),
            },
            Some(Frame::Blocks(_, blocks)) => {
                self.containers = self.containers.saturating_sub(1);
                if !blocks.is_empty() {
                    self.push_block(Block::Quote { blocks });
                }
            }
            Some(Frame::List { ordered, items }) => {
                self.containers = self.containers.saturating_sub(1);
                if !items.is_empty() {
                    self.push_block(Block::List { ordered, items });
                }
            }
            Some(Frame::Text { block, text }) => self.finish_text(block, text),
            Some(Frame::Inlines(run, content)) => self.finish_run(run, content),
            None => {}
        }
    }

    pub(super) fn finish_text(&mut self, block: bool, text: String) {
        if text.trim().is_empty() {
            self.push_text(&text);
        } else if block {
            let text = text.trim_end_matches(['\n', '\r']).to_string();
            self.push_block(Block::Code { text });
        } else {
            self.space_before = false;
            self.push_inline(Inline::Code { text });
        }
    }

    pub(super) fn finish_run(&mut self, run: Run, mut content: Vec<Inline>) {
        if matches!(run, Run::Emphasis | Run::Strong | Run::Link(_)) {
            self.runs = self.runs.saturating_sub(1);
        }
        let visible = has_text(&content);
        match run {
            Run::Paragraph | Run::Loose | Run::Heading(_) => {
                self.space_before = true;
                if visible {
                    trim_end(&mut content);
                    self.push_block(match run {
                        Run::Heading(level) => Block::Heading { level, content },
                        _ => Block::Paragraph { content },
                    });
                }
            }
            Run::Emphasis if visible => self.push_inline(Inline::Emphasis { content }),
            Run::Strong if visible => self.push_inline(Inline::Strong { content }),
            Run::Link(href) => match safe_href(&href) {
                Some(safe) if !content.is_empty() => self.push_inline(Inline::Link {
                    href: safe.to_string(),
                    content,
                }),
                Some(_) => {}
                None => {
                    self.conversion.refused_links.push(href);
                    content
                        .into_iter()
                        .for_each(|inline| self.push_inline(inline));
                }
            },
            // Emphasis around nothing but white space: keep the space.
            Run::Emphasis | Run::Strong => content
                .into_iter()
                .for_each(|inline| self.push_inline(inline)),
        }
    }

    pub(super) fn push_block(&mut self, block: Block) {
        self.close_loose_text();
        match self.stack.last_mut() {
            Some(Frame::Blocks(_, blocks)) => blocks.push(block),
            Some(Frame::List { items, .. }) => items.push(vec![block]),
            _ => {
                let mut text = String::new();
                block.push_plain_text(&mut text);
                self.push_text(&text);
            }
        }
    }

    pub(super) fn push_inline(&mut self, inline: Inline) {
        self.ensure_inline_frame();
        match self.stack.last_mut() {
            Some(Frame::Inlines(_, content)) => match (content.last_mut(), inline) {
                (Some(Inline::Text { text }), Inline::Text { text: more })
                | (Some(Inline::Code { text }), Inline::Code { text: more }) => {
                    text.push_str(&more)
                }
                (_, inline) => content.push(inline),
            },
            Some(Frame::Text { text, .. }) => inline.push_plain_text(text),
            _ => {}
        }
    }

    /// Opens a loose-text paragraph when inline content arrives directly in a container.
    pub(super) fn ensure_inline_frame(&mut self) {
        if !self.in_inline_content() {
            self.space_before = true;
            self.stack.push(Frame::Inlines(Run::Loose, Vec::new()));
        }
    }

    pub(super) fn close_loose_text(&mut self) {
        if matches!(self.stack.last(), Some(Frame::Inlines(Run::Loose, _))) {
            self.close();
        }
    }
}
