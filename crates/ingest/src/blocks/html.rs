//! HTML fragments (feed content) to structured blocks: html5ever parses, a loop walks the
//! tree without recursion, active content is left out and only allowlisted links survive.

mod content;
mod nesting;
mod whitespace;

use super::{Conversion, MAX_DEPTH};
use insight_corpus::{Block, Inline};
use scraper::node::Element;
use scraper::{Html, Node};

/// Elements left out together with everything inside them.
const DROPPED: [&str; 15] = [
    "script", "style", "iframe", "object", "embed", "form", "noscript", "template", "svg", "math",
    "applet", "frameset", "frame", "noembed", "noframes",
];

/// Block-level elements that only group content: their text becomes paragraphs.
#[rustfmt::skip]
const GROUPS: [&str; 30] = [
    "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure",
    "figcaption", "address", "details", "summary", "dl", "dt", "dd", "table", "caption",
    "thead", "tbody", "tfoot", "tr", "td", "th", "fieldset", "legend", "center", "hgroup",
    "menu", "search",
];

/// How many emphasis, strong and link runs may nest inside each other.
const MAX_INLINE_DEPTH: usize = MAX_DEPTH;

/// Converts an HTML fragment to blocks.
pub fn html_to_blocks(html: &str) -> Conversion {
    let document = Html::parse_fragment(&nesting::limit_nesting(html));
    let mut walk = Walk {
        stack: vec![Frame::Blocks(Holder::Document, Vec::new())],
        actions: Vec::new(),
        containers: 0,
        runs: 0,
        code: 0,
        space_before: true,
        conversion: Conversion::default(),
    };
    walk.walk(&document);
    while walk.stack.len() > 1 {
        walk.close();
    }
    if let Some(Frame::Blocks(_, blocks)) = walk.stack.pop() {
        walk.conversion.blocks = blocks;
    }
    walk.conversion
}

/// An open container while the tree is walked.
enum Frame {
    /// Holds blocks: the document, a quote or a list item.
    Blocks(Holder, Vec<Block>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// Holds inline content: a paragraph, a heading or a run inside text.
    Inlines(Run, Vec<Inline>),
    /// Collects the text of a `pre` as it is: a code block, or code inside text.
    Text { block: bool, text: String },
}

enum Holder {
    Document,
    Quote,
    Item,
}

enum Run {
    Paragraph,
    /// Text directly inside a block container, without a paragraph element around it.
    Loose,
    Heading(u8),
    Emphasis,
    Strong,
    Link(String),
}

/// What to do when an element ends, decided when it started.
enum Action {
    /// Close the frame the element opened.
    Pop,
    /// End any loose text: the element was a block that opened no frame.
    BlockEdge,
    /// Separate its text from what follows: a block element inside inline content.
    Space,
    /// Text stops being code.
    EndCode,
    Nothing,
}

struct Walk {
    stack: Vec<Frame>,
    actions: Vec<Action>,
    /// Quotes and lists open.
    containers: usize,
    /// Emphasis, strong and link runs open.
    runs: usize,
    /// `code` elements open: their text becomes inline code.
    code: usize,
    /// Whether the text so far in the current block ends with white space (or nothing).
    space_before: bool,
    conversion: Conversion,
}

impl Walk {
    /// Visits every node in document order with a loop: nesting cannot exhaust the stack.
    fn walk(&mut self, document: &Html) {
        let root = document.tree.root();
        let mut next = root.first_child();
        while let Some(node) = next {
            if self.open(node.value()) {
                if let Some(child) = node.first_child() {
                    next = Some(child);
                    continue;
                }
            }
            let mut current = node;
            next = loop {
                self.leave(current.value());
                if let Some(sibling) = current.next_sibling() {
                    break Some(sibling);
                }
                match current.parent() {
                    Some(parent) if parent.id() != root.id() => current = parent,
                    _ => break None,
                }
            };
        }
    }

    /// Handles the start of a node; returns whether to visit its children.
    fn open(&mut self, node: &Node) -> bool {
        match node {
            Node::Text(text) => {
                self.text(text);
                false
            }
            Node::Element(element) => {
                let name = element.name();
                if DROPPED.contains(&name) {
                    self.conversion.dropped_html += 1;
                    self.actions.push(Action::Nothing);
                    return false;
                }
                let action = self.start(element);
                self.actions.push(action);
                true
            }
            _ => false,
        }
    }

    fn leave(&mut self, node: &Node) {
        if !node.is_element() {
            return;
        }
        match self.actions.pop() {
            Some(Action::Pop) => {
                self.close_loose_text();
                self.close();
            }
            Some(Action::BlockEdge) => self.close_loose_text(),
            Some(Action::Space) => self.push_text(" "),
            Some(Action::EndCode) => self.code = self.code.saturating_sub(1),
            Some(Action::Nothing) | None => {}
        }
    }

    fn start(&mut self, element: &Element) -> Action {
        let name = element.name();
        let attr = |name: &str| element.attr(name);
        if let Some(Frame::Text { text, .. }) = self.stack.last_mut() {
            if name == "br" {
                text.push('\n');
            } else if let Some(href) = attr("href").filter(|_| name == "a") {
                // A code block holds only text: the link's text is kept, not the link.
                self.conversion.refused_links.push(href.to_string());
            }
            return Action::Nothing;
        }
        match name {
            "em" | "i" => self.open_run(Run::Emphasis),
            "strong" | "b" => self.open_run(Run::Strong),
            "a" => match attr("href") {
                Some(href) if self.runs >= MAX_INLINE_DEPTH => {
                    self.conversion.refused_links.push(href.to_string());
                    Action::Nothing
                }
                Some(href) => self.open_run(Run::Link(href.to_string())),
                None => Action::Nothing,
            },
            "code" => {
                self.code += 1;
                Action::EndCode
            }
            "br" => {
                self.line_break();
                Action::Nothing
            }
            "img" => {
                self.image(attr("src"), attr("alt"));
                Action::Nothing
            }
            _ => self.start_block(name),
        }
    }

    /// Block-level elements; inside inline content their text flows into it instead.
    fn start_block(&mut self, name: &str) -> Action {
        let heading = match name.as_bytes() {
            [b'h', level @ b'1'..=b'6'] => Some((level - b'0').max(2)),
            _ => None,
        };
        let known = heading.is_some()
            || GROUPS.contains(&name)
            || matches!(name, "p" | "blockquote" | "ul" | "ol" | "li" | "pre" | "hr");
        if !known {
            return Action::Nothing;
        }
        self.close_loose_text();
        if self.in_inline_content() {
            if name == "pre" {
                return self.push_frame(Frame::Text {
                    block: false,
                    text: String::new(),
                });
            }
            self.push_text(" ");
            return Action::Space;
        }
        let room = self.containers < MAX_DEPTH;
        match (name, heading) {
            (_, Some(level)) => self.open_block_run(Run::Heading(level)),
            ("p", _) => self.open_block_run(Run::Paragraph),
            ("pre", _) => self.push_frame(Frame::Text {
                block: true,
                text: String::new(),
            }),
            ("hr", _) => {
                self.push_block(Block::Rule);
                Action::Nothing
            }
            ("blockquote", _) if room => {
                self.containers += 1;
                self.push_frame(Frame::Blocks(Holder::Quote, Vec::new()))
            }
            ("ul" | "ol", _) if room => {
                self.containers += 1;
                self.push_frame(Frame::List {
                    ordered: name == "ol",
                    items: Vec::new(),
                })
            }
            ("li", _) if matches!(self.stack.last(), Some(Frame::List { .. })) => {
                self.push_frame(Frame::Blocks(Holder::Item, Vec::new()))
            }
            // Groups, and quotes, lists and items past the depth limit (or outside a list):
            // their content goes to the enclosing container.
            _ => Action::BlockEdge,
        }
    }

    fn open_run(&mut self, run: Run) -> Action {
        if self.runs >= MAX_INLINE_DEPTH {
            return Action::Nothing;
        }
        self.ensure_inline_frame();
        self.runs += 1;
        self.push_frame(Frame::Inlines(run, Vec::new()))
    }

    fn open_block_run(&mut self, run: Run) -> Action {
        self.space_before = true;
        self.push_frame(Frame::Inlines(run, Vec::new()))
    }

    fn push_frame(&mut self, frame: Frame) -> Action {
        self.stack.push(frame);
        Action::Pop
    }

    /// Whether the innermost frame holds inline content (a paragraph, a run or code).
    fn in_inline_content(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame::Inlines(..) | Frame::Text { .. })
        )
    }
}

#[cfg(test)]
mod tests;
