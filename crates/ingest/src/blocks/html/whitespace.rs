//! White space as a browser shows it: runs collapse to one space, block edges are trimmed.

use insight_corpus::Inline;

/// Appends `text` to `out` with every run of white space turned into one space. `space`
/// says whether the text before ends with white space (then leading white space is
/// dropped) and is updated.
pub fn push_collapsed(out: &mut String, text: &str, space: &mut bool) {
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            if !*space {
                out.push(' ');
                *space = true;
            }
        } else {
            out.push(c);
            *space = false;
        }
    }
}

/// Whether the content shows any text.
pub fn has_text(content: &[Inline]) -> bool {
    let mut text = String::new();
    content
        .iter()
        .for_each(|inline| inline.push_plain_text(&mut text));
    !text.trim().is_empty()
}

/// Removes white space and line breaks at the end of a block's content, however deep
/// inside emphasis or links the last text sits.
pub fn trim_end(content: &mut Vec<Inline>) {
    let mut current = content;
    loop {
        while let Some(Inline::LineBreak | Inline::Text { .. } | Inline::Code { .. }) =
            current.last()
        {
            if let Some(Inline::Text { text } | Inline::Code { text }) = current.last_mut() {
                text.truncate(text.trim_end_matches(' ').len());
                if !text.is_empty() {
                    return;
                }
            }
            current.pop();
        }
        match current.last_mut() {
            Some(
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Link { content, .. },
            ) => current = content,
            _ => return,
        }
    }
}
