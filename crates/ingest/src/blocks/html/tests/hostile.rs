//! Hostile and absurd input: active content, disguised links, deep nesting, junk.

use super::*;
use insight_corpus::link::safe_href;
use proptest::prelude::*;

#[test]
fn active_content_is_dropped_and_counted() {
    let html = "<p>Safe</p><script>alert(1)</script><style>p{}</style><iframe src=x></iframe>\
                <object>o</object><embed src=x><form><input>f</form><noscript>n</noscript>\
                <template>t</template><svg><script>alert(2)</script></svg><math>m</math>";
    let conversion = html_to_blocks(html);
    assert_eq!(conversion.blocks, vec![para(vec![text("Safe")])]);
    assert_eq!(conversion.dropped_html, 10);
}

#[test]
fn escaped_markup_stays_text() {
    assert_eq!(
        blocks("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        vec![para(vec![text("<script>alert(1)</script>")])]
    );
}

#[test]
fn attributes_never_survive() {
    let conversion =
        html_to_blocks(r#"<p onclick="evil()" style="x">Hi <b onmouseover="evil()">there</b></p>"#);
    let json = serde_json::to_string(&conversion.blocks).unwrap_or_default();
    assert!(!json.contains("evil"), "{json}");
}

#[test]
fn hostile_links_are_refused_but_their_text_is_kept() {
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "jav&#x61;script:alert(1)",
        "jav&#97;script:alert(1)",
        "javascript&colon;alert(1)",
        "java&#x09;script:alert(1)",
        "java\tscript:alert(1)",
        "&#x20;javascript:alert(1)",
        "&amp;#x6A;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "VBScript&#58;msgbox(1)",
    ] {
        let conversion = html_to_blocks(&format!(r#"<p><a href="{href}">click</a></p>"#));
        assert_eq!(conversion.blocks, vec![para(vec![text("click")])], "{href}");
        assert_eq!(conversion.refused_links.len(), 1, "{href}");
    }
}

#[test]
fn event_handlers_and_hostile_images_leave_nothing_active() {
    let html = r#"<img src=x onerror=alert(1)><img src="javascript:alert(1)"><img src=" JAVASCRIPT:alert(1)" alt="evil">
        <img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel"><a href="vbscript:msgbox(1)" onmouseover="alert(1)">vb</a>
        <body onload=alert(1)><p style="background:url(javascript:alert(1))">styled</p>"#;
    let conversion = html_to_blocks(html);
    let json = serde_json::to_string(&conversion.blocks).unwrap_or_default();
    assert!(!json.to_ascii_lowercase().contains("script:"), "{json}");
    assert!(!json.contains("alert") && !json.contains("data:"), "{json}");
    assert!(
        json.contains(r#""href":"x""#),
        "a relative image address is kept: {json}"
    );
    assert_eq!(
        conversion.refused_links.len(),
        4,
        "{:?}",
        conversion.refused_links
    );
}

#[test]
fn links_in_foreign_content_and_fallbacks_are_dropped() {
    let html = r#"<svg><a href="javascript:alert(1)"><text>svg link</text></a></svg>
        <math><mtext><a href="javascript:alert(2)">math link</a></mtext></math>
        <noscript><a href="javascript:alert(3)">fallback</a></noscript>
        <object data="javascript:alert(4)"><a href="javascript:alert(5)">object</a></object><p>kept</p>"#;
    let conversion = html_to_blocks(html);
    assert_eq!(conversion.blocks, vec![para(vec![text("kept")])]);
    assert_eq!(conversion.dropped_html, 4);
    assert!(conversion.refused_links.is_empty());
}

#[test]
fn junk_gives_text_or_nothing() {
    assert_eq!(blocks(""), vec![]);
    assert_eq!(blocks("   \n\t "), vec![]);
    assert_eq!(blocks("<<<>>>"), vec![para(vec![text("<<<>>>")])]);
    assert_eq!(blocks("</p></div></blockquote>"), vec![]);
    assert_eq!(
        blocks("<p>unclosed <em>emphasis"),
        vec![para(vec![
            text("unclosed "),
            Inline::Emphasis {
                content: vec![text("emphasis")]
            }
        ])]
    );
    assert_eq!(blocks("\u{0}\u{1}x"), vec![para(vec![text("\u{1}x")])]);
}

#[test]
fn nesting_is_capped_at_max_depth() {
    let html = "<blockquote>".repeat(40) + "deep" + &"</blockquote>".repeat(40);
    let got = blocks(&html);
    assert_eq!(container_depth(&got), MAX_DEPTH);
    let html = "<ul><li>".repeat(40) + "deep";
    assert_eq!(container_depth(&blocks(&html)), MAX_DEPTH);
    let html = "<em>".repeat(100) + "deep";
    let got = blocks(&html);
    let mut depth = 0;
    let mut content = match got.first() {
        Some(Block::Paragraph { content }) => content,
        other => panic!("{other:?}"),
    };
    while let Some(Inline::Emphasis { content: inner }) = content.first() {
        depth += 1;
        content = inner;
    }
    assert_eq!(depth, MAX_INLINE_DEPTH);
}

#[test]
fn very_deep_input_neither_overflows_nor_stalls() {
    for open in [
        "<div>",
        "<blockquote>",
        "<ul><li>",
        "<em>",
        "<a href=/x>",
        "<span>",
        "<table>",
        "<p>",
    ] {
        let html = open.repeat(100_000) + "bottom";
        let started = std::time::Instant::now();
        let conversion = html_to_blocks(&html);
        let mut plain = String::new();
        conversion
            .blocks
            .iter()
            .for_each(|b| b.push_plain_text(&mut plain));
        assert!(plain.contains("bottom"), "{open}");
        assert!(container_depth(&conversion.blocks) <= MAX_DEPTH, "{open}");
        assert!(
            started.elapsed().as_secs() < 60,
            "{open} took {:?}",
            started.elapsed()
        );
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(input in ".{0,400}") {
        let conversion = html_to_blocks(&input);
        prop_assert!(container_depth(&conversion.blocks) <= MAX_DEPTH);
    }

    #[test]
    fn arbitrary_tag_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            Just("<p>"), Just("</p>"), Just("<div>"), Just("</div>"), Just("<blockquote>"),
            Just("</blockquote>"), Just("<ul>"), Just("<li>"), Just("</ul>"), Just("<pre>"),
            Just("</pre>"), Just("<em>"), Just("</em>"), Just("<a href='javascript:x'>"),
            Just("<a href='/y'>"), Just("</a>"), Just("<br>"), Just("<hr>"), Just("<img src=/i>"),
            Just("<code>"), Just("</code>"), Just("<script>"), Just("<svg>"), Just("<h1>"),
            Just(" text "), Just("&amp;"), Just("<!--"), Just("-->"), Just("<table><td>"),
        ],
        0..60,
    )) {
        let html: String = parts.concat();
        let conversion = html_to_blocks(&html);
        prop_assert!(container_depth(&conversion.blocks) <= MAX_DEPTH);
        for href in &conversion.refused_links {
            prop_assert!(safe_href(href).is_none() || href == "/y");
        }
    }
}
