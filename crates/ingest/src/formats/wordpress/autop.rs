//! The classic editor stores a post as text with blank lines between paragraphs and
//! single line breaks inside them; WordPress adds the `<p>` and `<br>` only when it shows
//! the post. This does the same before the HTML is read, leaving blocks that are already
//! markup (`<p>`, `<h2>`, `<ul>`, the block editor's comments…) and `<pre>` as they are.

/// Block-level tags that start a chunk which is markup already.
const BLOCK_TAGS: [&str; 19] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "figure",
    "table",
    "hr",
    "section",
    "dl",
    "!--",
];

/// `content` with its bare paragraphs wrapped in `<p>` and their line breaks as `<br>`.
pub fn paragraphs(content: &str) -> String {
    let content = content.replace("\r\n", "\n");
    let mut out = String::with_capacity(content.len() + 64);
    let mut in_pre = false;
    for chunk in content.split("\n\n") {
        let trimmed = chunk.trim();
        if trimmed.is_empty() {
            continue;
        }
        let opens_pre = chunk.matches("<pre").count() > chunk.matches("</pre").count();
        if in_pre || is_markup(trimmed) {
            out.push_str(chunk);
            out.push_str("\n\n");
        } else {
            out.push_str("<p>");
            out.push_str(&trimmed.replace('\n', "<br>\n"));
            out.push_str("</p>\n\n");
        }
        if opens_pre {
            in_pre = true;
        } else if chunk.contains("</pre") {
            in_pre = false;
        }
    }
    out
}

fn is_markup(chunk: &str) -> bool {
    let Some(rest) = chunk.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest).to_ascii_lowercase();
    BLOCK_TAGS.iter().any(|tag| {
        rest.strip_prefix(tag)
            .is_some_and(|after| *tag == "!--" || after.starts_with([' ', '>', '/', '\n']))
    })
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn bare_text_becomes_paragraphs() {
        assert_eq!(
            paragraphs("One line\nand its second.\n\n<h2>Head</h2>\n\nTwo."),
            "<p>One line<br>\nand its second.</p>\n\n<h2>Head</h2>\n\n<p>Two.</p>\n\n"
        );
        assert_eq!(
            paragraphs("<pre>a\n\nb</pre>\n\nc"),
            "<pre>a\n\nb</pre>\n\n<p>c</p>\n\n"
        );
    }
}
