//! Turning titles and file names into URL-safe article ids.

/// Lowercases ASCII letters and digits and joins the runs between them with `-`.
/// Returns an empty string when nothing ASCII-alphanumeric is left (e.g. a Chinese title).
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug.truncate(120);
    slug
}

/// A Jekyll-style file stem `2019-03-02-title` without its leading date.
pub fn strip_date_prefix(stem: &str) -> &str {
    let bytes = stem.as_bytes();
    let dated = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'-';
    if dated {
        &stem[11..]
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(
            slugify("Why River-Basin Compacts Outlast  Their Founders!"),
            "why-river-basin-compacts-outlast-their-founders"
        );
        assert_eq!(slugify("创新合作"), "");
        assert_eq!(slugify("--a__b--"), "a-b");
    }

    #[test]
    fn strips_jekyll_dates() {
        assert_eq!(strip_date_prefix("2019-03-02-trade-notes"), "trade-notes");
        assert_eq!(strip_date_prefix("trade-notes"), "trade-notes");
        assert_eq!(strip_date_prefix("2019-03-02"), "2019-03-02");
    }
}
