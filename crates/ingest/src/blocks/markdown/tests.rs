//! Tests of the Markdown body conversion.

use super::*;
use proptest::prelude::*;

fn text(t: &str) -> Inline {
    Inline::text(t)
}

#[test]
fn paragraphs_headings_and_emphasis() {
    let out = markdown_to_blocks("# Top\n\nOne *two* **three** `four`.\nStill one.\n\n### Deeper");
    assert_eq!(
        out.blocks,
        vec![
            Block::Heading {
                level: 2,
                content: vec![text("Top")]
            },
            Block::Paragraph {
                content: vec![
                    text("One "),
                    Inline::Emphasis {
                        content: vec![text("two")]
                    },
                    text(" "),
                    Inline::Strong {
                        content: vec![text("three")]
                    },
                    text(" "),
                    Inline::Code {
                        text: "four".into()
                    },
                    text(". Still one."),
                ]
            },
            Block::Heading {
                level: 3,
                content: vec![text("Deeper")]
            },
        ]
    );
}

#[test]
fn tight_and_loose_lists_and_quotes() {
    let out = markdown_to_blocks("- a\n- b *c*\n\n1. x\n\n2. y\n\n> quoted\n> more");
    assert_eq!(
        out.blocks,
        vec![
            Block::List {
                ordered: false,
                items: vec![
                    vec![Block::Paragraph {
                        content: vec![text("a")]
                    }],
                    vec![Block::Paragraph {
                        content: vec![
                            text("b "),
                            Inline::Emphasis {
                                content: vec![text("c")]
                            }
                        ]
                    }],
                ]
            },
            Block::List {
                ordered: true,
                items: vec![
                    vec![Block::Paragraph {
                        content: vec![text("x")]
                    }],
                    vec![Block::Paragraph {
                        content: vec![text("y")]
                    }]
                ]
            },
            Block::Quote {
                blocks: vec![Block::Paragraph {
                    content: vec![text("quoted more")]
                }]
            },
        ]
    );
}

#[test]
fn nested_list_inside_tight_item() {
    let out = markdown_to_blocks("- outer\n  - inner\n- next");
    let Block::List { items, .. } = &out.blocks[0] else {
        panic!("{:?}", out.blocks)
    };
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0][0],
        Block::Paragraph {
            content: vec![text("outer")]
        }
    );
    assert!(matches!(items[0][1], Block::List { .. }));
}

#[test]
fn links_images_and_refused_targets() {
    let out = markdown_to_blocks(
        "[ok](https://example.org) [bad](javascript:alert(1)) ![chart](/img/c.png)",
    );
    assert_eq!(
        out.blocks,
        vec![Block::Paragraph {
            content: vec![
                Inline::Link {
                    href: "https://example.org".into(),
                    content: vec![text("ok")]
                },
                text(" bad "),
                Inline::Link {
                    href: "/img/c.png".into(),
                    content: vec![text("chart")]
                },
            ]
        }]
    );
    assert_eq!(out.refused_links, ["javascript:alert(1)"]);
}

#[test]
fn raw_html_is_dropped_not_passed_through() {
    let out = markdown_to_blocks(
        "<script>alert(1)</script>\n\nText <b onclick=x>bold</b> end.\n\n<div>\nblock\n</div>",
    );
    let mut plain = String::new();
    out.blocks
        .iter()
        .for_each(|b| b.push_plain_text(&mut plain));
    assert_eq!(plain, "Text bold end.");
    assert!(out.dropped_html >= 3);
}

#[test]
fn code_blocks_keep_their_text() {
    let out = markdown_to_blocks("```\nlet x = 1;\n<b>\n```");
    assert_eq!(
        out.blocks,
        vec![Block::Code {
            text: "let x = 1;\n<b>".into()
        }]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn never_panics_and_never_keeps_unsafe_links(input in "(?s).{0,400}") {
        let out = markdown_to_blocks(&input);
        let json = serde_json::to_string(&out.blocks).unwrap();
        prop_assert!(!json.to_lowercase().contains("\"href\":\"javascript:"));
    }

    #[test]
    fn structured_markdown_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            Just("# h\n"), Just("- item\n"), Just("  - nested\n"), Just("> quote\n"), Just("1. one\n"),
            Just("*em*"), Just("**st**"), Just("[l](http://x)"), Just("![i](y)"), Just("`c`"),
            Just("\n\n"), Just("<b>"), Just("```\ncode\n```\n"), Just("text "), Just("---\n"),
        ], 0..60)) {
        let input: String = parts.concat();
        let _ = markdown_to_blocks(&input);
    }
}

#[test]
fn deep_nesting_is_flattened() {
    let deep = ">".repeat(5000) + " deep\n\n" + &"- a\n".repeat(3);
    let out = markdown_to_blocks(&deep);
    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Quote { blocks } => 1 + depth(blocks),
                Block::List { items, .. } => 1 + items.iter().map(|i| depth(i)).max().unwrap_or(0),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    assert!(depth(&out.blocks) <= MAX_DEPTH);
    assert!(out.plain_text().contains("deep"));
    serde_json::to_string(&out.blocks).unwrap();
}
