use super::*;

fn text(t: &str) -> Inline {
    Inline::text(t)
}

fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph { content }
}

fn blocks(html: &str) -> Vec<Block> {
    html_to_blocks(html).blocks
}

/// The deepest nesting of quotes and lists in `blocks`, counted without recursion.
fn container_depth(blocks: &[Block]) -> usize {
    let mut deepest = 0;
    let mut pending: Vec<(&Block, usize)> = blocks.iter().map(|b| (b, 0)).collect();
    while let Some((block, depth)) = pending.pop() {
        deepest = deepest.max(depth);
        match block {
            Block::Quote { blocks } => pending.extend(blocks.iter().map(|b| (b, depth + 1))),
            Block::List { items, .. } => {
                pending.extend(items.iter().flatten().map(|b| (b, depth + 1)))
            }
            _ => {}
        }
    }
    deepest
}

#[test]
fn paragraphs_and_containers() {
    assert_eq!(
        blocks("<p>One</p><div>Two</div><section>Three</section><article><p>Four</p></article>"),
        vec![
            para(vec![text("One")]),
            para(vec![text("Two")]),
            para(vec![text("Three")]),
            para(vec![text("Four")])
        ]
    );
    assert_eq!(
        blocks("Loose <b>text</b><p>Para</p>tail"),
        vec![
            para(vec![
                text("Loose "),
                Inline::Strong {
                    content: vec![text("text")]
                }
            ]),
            para(vec![text("Para")]),
            para(vec![text("tail")]),
        ]
    );
    assert_eq!(blocks("<div>  \n </div><p> </p>"), vec![]);
}

#[test]
fn headings_map_to_levels_two_to_six() {
    let got = blocks("<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>");
    let levels: Vec<u8> = got
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    assert_eq!(levels, vec![2, 2, 3, 4, 5, 6]);
}

#[test]
fn quotes_lists_code_rules_and_breaks() {
    assert_eq!(
        blocks("<blockquote><p>Said</p>so</blockquote>"),
        vec![Block::Quote {
            blocks: vec![para(vec![text("Said")]), para(vec![text("so")])]
        }]
    );
    assert_eq!(
        blocks("<ol><li>One</li><li><p>Two</p></li></ol><ul><li>Dot</li></ul>"),
        vec![
            Block::List {
                ordered: true,
                items: vec![vec![para(vec![text("One")])], vec![para(vec![text("Two")])]]
            },
            Block::List {
                ordered: false,
                items: vec![vec![para(vec![text("Dot")])]]
            },
        ]
    );
    assert_eq!(
        blocks("<pre>fn main() {\n    go();\n}\n</pre><hr><p>a<br>b</p>"),
        vec![
            Block::Code {
                text: "fn main() {\n    go();\n}".to_string()
            },
            Block::Rule,
            para(vec![text("a"), Inline::LineBreak, text("b")]),
        ]
    );
}

#[test]
fn inline_runs() {
    assert_eq!(
        blocks("<p><em>e</em><i>i</i><strong>s</strong><b>b</b><code>x  y</code></p>"),
        vec![para(vec![
            Inline::Emphasis {
                content: vec![text("e")]
            },
            Inline::Emphasis {
                content: vec![text("i")]
            },
            Inline::Strong {
                content: vec![text("s")]
            },
            Inline::Strong {
                content: vec![text("b")]
            },
            Inline::Code {
                text: "x y".to_string()
            },
        ])]
    );
    assert_eq!(
        blocks(
            r#"<p>See <a href="https://example.org/a">the <em>note</em></a>. <a name="x">anchor</a></p>"#
        ),
        vec![para(vec![
            text("See "),
            Inline::Link {
                href: "https://example.org/a".to_string(),
                content: vec![
                    text("the "),
                    Inline::Emphasis {
                        content: vec![text("note")]
                    }
                ],
            },
            text(". anchor"),
        ])]
    );
}

#[test]
fn images_become_links_to_the_image() {
    assert_eq!(
        blocks(
            r#"<p><img src="/pics/dam.png" alt=" The  dam "> <img src="https://example.org/b.png"></p>"#
        ),
        vec![para(vec![
            Inline::Link {
                href: "/pics/dam.png".to_string(),
                content: vec![text("The dam")]
            },
            text(" "),
            Inline::Link {
                href: "https://example.org/b.png".to_string(),
                content: vec![text("Image")]
            },
        ])]
    );
    let conversion = html_to_blocks(
        r#"<p>A <img src="javascript:alert(1)" alt="chart" onerror="alert(2)"></p>"#,
    );
    assert_eq!(conversion.blocks, vec![para(vec![text("A chart")])]);
    assert_eq!(
        conversion.refused_links,
        vec!["javascript:alert(1)".to_string()]
    );
}

#[test]
fn white_space_collapses_like_a_browser() {
    assert_eq!(
        blocks("<p>\n  Several \t spaces <em> and </em> lines\n</p>"),
        vec![para(vec![
            text("Several spaces "),
            Inline::Emphasis {
                content: vec![text("and ")]
            },
            text("lines")
        ])]
    );
    assert_eq!(
        blocks("<p>keep\u{a0}\u{a0}nbsp</p>"),
        vec![para(vec![text("keep\u{a0}\u{a0}nbsp")])]
    );
    assert_eq!(
        blocks("<p>end <b>bold </b></p>"),
        vec![para(vec![
            text("end "),
            Inline::Strong {
                content: vec![text("bold")]
            }
        ])]
    );
}

#[test]
fn unknown_elements_keep_their_text() {
    assert_eq!(
        blocks("<p><span>a</span> <mark>b</mark> <custom-tag>c</custom-tag></p>"),
        vec![para(vec![text("a b c")])]
    );
    assert_eq!(
        blocks("<table><tr><td>x</td><td>y</td></tr></table>"),
        vec![para(vec![text("x")]), para(vec![text("y")])]
    );
}

#[test]
fn inline_code_keeps_links_and_formatting() {
    assert_eq!(
        blocks(
            r#"<p>Use <code>read(<a href="/docs/path">path</a>)</code> or <code><b>x</b>  y </code></p>"#
        ),
        vec![para(vec![
            text("Use "),
            Inline::Code {
                text: "read(".to_string()
            },
            Inline::Link {
                href: "/docs/path".to_string(),
                content: vec![Inline::Code {
                    text: "path".to_string()
                }]
            },
            Inline::Code {
                text: ")".to_string()
            },
            text(" or "),
            Inline::Strong {
                content: vec![Inline::Code {
                    text: "x".to_string()
                }]
            },
            Inline::Code {
                text: " y".to_string()
            },
        ])]
    );
    assert_eq!(
        blocks("<code>a</code><code>b</code> <a href='/x'><pre>inline\n  pre</pre></a>"),
        vec![para(vec![
            Inline::Code {
                text: "ab".to_string()
            },
            text(" "),
            Inline::Link {
                href: "/x".to_string(),
                content: vec![Inline::Code {
                    text: "inline\n  pre".to_string()
                }]
            },
        ])]
    );
}

#[test]
fn links_inside_code_blocks_keep_their_text() {
    let conversion =
        html_to_blocks(r#"<pre>call <a href="https://example.org">it</a><br>now</pre>"#);
    assert_eq!(
        conversion.blocks,
        vec![Block::Code {
            text: "call it\nnow".to_string()
        }]
    );
    assert_eq!(
        conversion.refused_links,
        vec!["https://example.org".to_string()]
    );
}

#[test]
fn blocks_inside_inline_content_flow_into_it() {
    assert_eq!(
        blocks(r#"<a href="/x"><div>one</div><div>two</div></a>"#),
        vec![para(vec![Inline::Link {
            href: "/x".to_string(),
            content: vec![text("one two")]
        }])]
    );
    // A paragraph start ends an open paragraph, as in a browser: the link is split.
    assert_eq!(
        blocks(r#"<p><a href="/x">one<div>two</div></a></p>"#),
        vec![
            para(vec![Inline::Link {
                href: "/x".to_string(),
                content: vec![text("one")]
            }]),
            para(vec![Inline::Link {
                href: "/x".to_string(),
                content: vec![text("two")]
            }]),
        ]
    );
    assert_eq!(
        blocks("<h2><p>a</p><ul><li>b</li></ul></h2>"),
        vec![Block::Heading {
            level: 2,
            content: vec![text("a b")]
        }]
    );
}

#[test]
fn orphan_list_items_and_text_in_lists() {
    assert_eq!(blocks("<li>lonely</li>"), vec![para(vec![text("lonely")])]);
    assert_eq!(
        blocks("<ul>stray<li>a</li></ul>"),
        vec![Block::List {
            ordered: false,
            items: vec![vec![para(vec![text("stray")])], vec![para(vec![text("a")])]]
        }]
    );
}

mod hostile;
