//! A page's visible text as a browser saves it as plain text: one line per block, blank
//! lines between blocks, scripts and styles left out. Elements that stand side by side
//! with only space between them (a byline's fields, a list of keyword links) are kept
//! apart by a wide gap, as the saved text keeps them.

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Elements whose content is never seen.
const HIDDEN: [&str; 9] = [
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "button",
];

/// Elements that start a line of their own.
#[rustfmt::skip]
const BLOCKS: [&str; 34] = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "nav", "header",
    "footer", "section", "article", "aside", "main", "blockquote", "pre", "figure",
    "figcaption", "table", "tr", "dl", "dt", "dd", "hr", "form", "address", "details",
    "summary", "body", "br",
];

/// The visible text of `document`.
pub fn visible_text(document: &Html) -> String {
    let mut out = String::new();
    // (node, whether it is being left) pairs: a walk without recursion.
    let mut stack: Vec<(NodeRef<Node>, bool)> = vec![(document.tree.root(), false)];
    while let Some((node, leaving)) = stack.pop() {
        match node.value() {
            Node::Text(text) => push_text(&mut out, text, &node),
            Node::Element(element) => {
                let name = element.name();
                if HIDDEN.contains(&name) {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    block_break(&mut out);
                }
                if !leaving {
                    stack.push((node, true));
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, false)));
                }
            }
            Node::Document | Node::Fragment => {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    let mut text = String::new();
    let mut blank = true;
    for line in lines {
        let empty = line.trim().is_empty();
        if empty && blank {
            continue;
        }
        text.push_str(line.trim_start_matches(' '));
        text.push('\n');
        blank = empty;
    }
    text
}

/// Adds a text node: its runs of space as one space, or as a wide gap when it is only
/// space between two elements.
fn push_text(out: &mut String, text: &str, node: &NodeRef<Node>) {
    if text.trim().is_empty() {
        let between_elements = node.prev_sibling().is_some_and(|s| s.value().is_element())
            && node.next_sibling().is_some_and(|s| s.value().is_element());
        if between_elements && !out.ends_with('\n') && !out.is_empty() {
            out.push_str("    ");
        } else if !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        return;
    }
    let starts_with_space = text.starts_with(char::is_whitespace);
    if starts_with_space && !out.ends_with([' ', '\n']) && !out.is_empty() {
        out.push(' ');
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    out.push_str(&words.join(" "));
    if text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

fn block_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
    }
}
