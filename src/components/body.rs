//! Renders an article body's typed blocks as elements. Text is always text: nothing in
//! a corpus becomes markup, and a link target that is not allowed renders as plain text.

use insight_corpus::link::safe_href;
use insight_corpus::{Block, Inline};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub blocks: Rc<Vec<Block>>,
}

#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    html! { <div class="article-body">{ blocks(&props.blocks) }</div> }
}

fn blocks(blocks: &[Block]) -> Html {
    blocks.iter().map(block).collect()
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph { content } => html! { <p>{ inlines(content) }</p> },
        Block::Heading { level, content } => {
            // Level 1 belongs to the article title; deeper levels stop at 6.
            let tag = format!("h{}", (*level).clamp(2, 6));
            html! { <@{tag}>{ inlines(content) }</@> }
        }
        Block::Quote { blocks: inner } => html! { <blockquote>{ blocks(inner) }</blockquote> },
        Block::List { ordered, items } => {
            let items: Html = items
                .iter()
                .map(|item| html! { <li>{ blocks(item) }</li> })
                .collect();
            if *ordered {
                html! { <ol>{ items }</ol> }
            } else {
                html! { <ul>{ items }</ul> }
            }
        }
        Block::Code { text } => html! { <pre><code>{ text.clone() }</code></pre> },
        Block::Rule => html! { <hr /> },
    }
}

fn inlines(inlines: &[Inline]) -> Html {
    inlines.iter().map(inline).collect()
}

fn inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text { text } => html! { { text.clone() } },
        Inline::Emphasis { content } => html! { <em>{ inlines(content) }</em> },
        Inline::Strong { content } => html! { <strong>{ inlines(content) }</strong> },
        Inline::Code { text } => html! { <code>{ text.clone() }</code> },
        Inline::LineBreak => html! { <br /> },
        Inline::Link { href, content } => match safe_href(href) {
            Some(href) => html! {
                <a href={href.to_string()} rel="noopener noreferrer nofollow">{ inlines(content) }</a>
            },
            None => html! { <span class="refused-link">{ inlines(content) }</span> },
        },
    }
}
