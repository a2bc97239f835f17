//! A site post's relative links (`image.svg`, `/2021/09/20/grid-queues/`) point into the
//! site, not into the explorer: they are resolved against the post's own address.

use insight_corpus::{Block, Inline};

/// Makes every relative link in `blocks` a full address, resolved against `page` (the
/// post's address). Fragments (`#notes`) and full addresses stay as they are.
pub fn resolve(blocks: &mut [Block], page: &str) {
    for block in blocks {
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                resolve_inline(content, page);
            }
            Block::Quote { blocks } => resolve(blocks, page),
            Block::List { items, .. } => items.iter_mut().for_each(|item| resolve(item, page)),
            Block::Code { .. } | Block::Rule => {}
        }
    }
}

fn resolve_inline(content: &mut [Inline], page: &str) {
    for inline in content {
        match inline {
            Inline::Link { href, content } => {
                if let Some(full) = absolute(href, page) {
                    *href = full;
                }
                resolve_inline(content, page);
            }
            Inline::Emphasis { content } | Inline::Strong { content } => {
                resolve_inline(content, page);
            }
            Inline::Text { .. } | Inline::Code { .. } | Inline::LineBreak => {}
        }
    }
}

/// `href` as a full address against `page`, when it is relative.
fn absolute(href: &str, page: &str) -> Option<String> {
    let has_scheme = href
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains('/'));
    if has_scheme || href.starts_with('#') || href.starts_with("//") || href.is_empty() {
        return None;
    }
    let (scheme, rest) = page.split_once("://")?;
    let host = rest.split('/').next()?;
    if href.starts_with('/') {
        return Some(format!("{scheme}://{host}{href}"));
    }
    let folder = &page[..page.rfind('/')? + 1];
    let mut parts: Vec<&str> = folder[scheme.len() + 3 + host.len()..]
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    for part in href.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let trailing = if href.ends_with('/') { "/" } else { "" };
    Some(format!("{scheme}://{host}/{}{trailing}", parts.join("/")))
}

#[cfg(test)]
mod tests {
    use super::absolute;

    #[test]
    fn relative_links_resolve_against_the_page() {
        let page = "https://example.org/blog/2021/04/post/";
        assert_eq!(
            absolute("image.svg", page).as_deref(),
            Some("https://example.org/blog/2021/04/post/image.svg")
        );
        assert_eq!(
            absolute("/blog/x/", page).as_deref(),
            Some("https://example.org/blog/x/")
        );
        assert_eq!(
            absolute("../other/", page).as_deref(),
            Some("https://example.org/blog/2021/04/other/")
        );
        assert_eq!(absolute("#notes", page), None);
        assert_eq!(absolute("mailto:a@example.org", page), None);
        assert_eq!(absolute("https://else.example/", page), None);
    }
}
