//! Renders an article body's typed blocks as elements. Text is always text: nothing in
//! a corpus becomes markup, and a link target that is not allowed renders as plain text.

use crate::components::marked::marked;
use insight_corpus::link::safe_href;
use insight_corpus::{Article, Block, Inline};
use insight_search::{highlight, Query};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// The article whose body is shown (shared, not copied: at publish time every
    /// article page draws one).
    pub article: Rc<Article>,
    /// A search whose terms are marked in the text.
    #[prop_or_default]
    pub highlight: Option<Rc<Query>>,
}

#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let marks = props.highlight.as_deref();
    html! { <div class="article-body">{ blocks(&props.article.body, marks) }</div> }
}

fn blocks(blocks: &[Block], marks: Option<&Query>) -> Html {
    blocks.iter().map(|b| block(b, marks)).collect()
}

fn block(block: &Block, marks: Option<&Query>) -> Html {
    match block {
        Block::Paragraph { content } => html! { <p>{ inlines(content, marks) }</p> },
        Block::Heading { level, content } => {
            // Level 1 belongs to the article title; deeper levels stop at 6.
            let tag = format!("h{}", (*level).clamp(2, 6));
            html! { <@{tag}>{ inlines(content, marks) }</@> }
        }
        Block::Quote { blocks: inner } => {
            html! { <blockquote>{ blocks(inner, marks) }</blockquote> }
        }
        Block::List { ordered, items } => {
            let items: Html = items
                .iter()
                .map(|item| html! { <li>{ blocks(item, marks) }</li> })
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

fn inlines(inlines: &[Inline], marks: Option<&Query>) -> Html {
    inlines.iter().map(|i| inline(i, marks)).collect()
}

fn inline(inline: &Inline, marks: Option<&Query>) -> Html {
    let inlines = |content| inlines(content, marks);
    match inline {
        Inline::Text { text } => match marks {
            Some(query) => marked(&highlight(text, query)),
            None => html! { { text.clone() } },
        },
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
