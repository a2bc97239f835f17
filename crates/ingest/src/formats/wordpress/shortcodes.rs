//! WordPress markup in a post's content that is not HTML: shortcodes (`[caption …]…
//! [/caption]`, `[gallery ids="1,2"]`, `[embed]…[/embed]`) and the block editor's
//! `<!-- wp:… -->` comments. Their text is kept, their markup is not.

/// Shortcodes WordPress itself ships, taken out wherever they stand.
const KNOWN: [&str; 9] = [
    "caption",
    "wp_caption",
    "gallery",
    "embed",
    "audio",
    "video",
    "playlist",
    "video_playlist",
    "contact-form-7",
];

/// `content` without shortcode tags. A tag is a known shortcode, or any `[name …]` with
/// an `=` among its attributes (`[foo id="1"]`), and its `[/name]`; brackets in ordinary
/// text (`[sic]`, `[1]`) stay. An `[embed]` keeps its address as text.
pub fn strip(content: &str) -> String {
    let mut out = String::with_capacity(content.len());
    let mut opened: Vec<String> = Vec::new();
    let mut rest = content;
    while let Some(at) = rest.find('[') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match shortcode(after, &opened) {
            Some((length, name, closing)) => {
                if !closing {
                    opened.push(name);
                }
                rest = &after[length..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// If `after` (the text after a `[`) starts a shortcode tag: its length up to and with
/// the `]`, its name, and whether it closes.
fn shortcode(after: &str, opened: &[String]) -> Option<(usize, String, bool)> {
    let end = after.find(']')?;
    let inner = &after[..end];
    if inner.contains('[') || inner.contains('\n') {
        return None;
    }
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    if name.is_empty() {
        return None;
    }
    let attributes = inner[name.len()..].trim_end_matches('/');
    if !(attributes.is_empty() || attributes.starts_with(' ')) {
        return None;
    }
    let known = KNOWN.contains(&name.as_str());
    let is_tag = if closing {
        known || opened.contains(&name)
    } else {
        known || attributes.contains('=')
    };
    is_tag.then_some((end + 1, name, closing))
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn shortcodes_go_their_text_stays() {
        assert_eq!(
            strip("[caption id=\"a\" width=\"640\"]<img src=\"x.png\" /> Freight[/caption] then"),
            "<img src=\"x.png\" /> Freight then"
        );
        assert_eq!(strip("[gallery ids=\"12,13\"]"), "");
        assert_eq!(
            strip("[embed]https://video.example.com/a[/embed]"),
            "https://video.example.com/a"
        );
        assert_eq!(strip("[note type=\"tip\"]Kept[/note]"), "Kept");
    }

    #[test]
    fn brackets_in_text_stay() {
        for text in [
            "He said [sic] it",
            "See [1] and [a, b]",
            "[unclosed",
            "x[/y]",
        ] {
            assert_eq!(strip(text), text);
        }
    }
}
