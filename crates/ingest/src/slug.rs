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

/// A stable id for an article whose title and file name give no ASCII slug (a Chinese
/// title, say): `article-` and eight hex digits of an FNV-1a hash of title and date.
pub fn fallback_id(title: &str, date: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in title.bytes().chain([0]).chain(date.bytes()) {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("article-{hash:08x}")
}

/// The id for an article: the given one, else the file stem's slug, else the title's,
/// else a hash of title and date.
pub fn choose_id(given: Option<String>, stem: &str, title: &str, date: &str) -> String {
    given
        .map(|id| slugify(&id))
        .filter(|id| !id.is_empty())
        .or_else(|| Some(slugify(strip_date_prefix(stem))).filter(|id| !id.is_empty()))
        .or_else(|| Some(slugify(title)).filter(|id| !id.is_empty()))
        .unwrap_or_else(|| fallback_id(title, date))
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
    fn fallback_ids_are_stable_slugs() {
        assert_eq!(
            fallback_id("创新合作", "2021-04-12"),
            fallback_id("创新合作", "2021-04-12")
        );
        assert_ne!(
            fallback_id("创新合作", "2021-04-12"),
            fallback_id("创新合作", "2021-04-13")
        );
        assert_eq!(
            choose_id(None, "", "创新合作", "2021-04-12").len(),
            "article-".len() + 8
        );
        assert_eq!(
            choose_id(Some("My Id".into()), "stem", "Title", ""),
            "my-id"
        );
        assert_eq!(choose_id(None, "2019-03-02-stem", "Title", ""), "stem");
    }

    #[test]
    fn strips_jekyll_dates() {
        assert_eq!(strip_date_prefix("2019-03-02-trade-notes"), "trade-notes");
        assert_eq!(strip_date_prefix("trade-notes"), "trade-notes");
        assert_eq!(strip_date_prefix("2019-03-02"), "2019-03-02");
    }
}
