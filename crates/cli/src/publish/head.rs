//! What a published page's head says of it, for browsers, search engines and link
//! previews: its title, description and language; and, where the site's address is
//! known, its canonical address, OpenGraph and Twitter tags, and schema.org JSON-LD.
//! Every value is text from the corpus, so each is escaped for where it goes.

use super::site_files::FEED;
use insight_corpus::Article;

/// What a page's head says of it.
pub struct Head<'a> {
    pub title: String,
    pub description: String,
    /// The page's language where it is not the site's own.
    pub language: Option<String>,
    /// The page's address relative to the site (`""` for the list).
    pub path: String,
    /// Whether search engines should index the page (not the not-found page).
    pub indexed: bool,
    /// The article the page shows, if it shows one.
    pub article: Option<&'a Article>,
}

/// The tags of this module stand between these comments, just before the `<title>`, so
/// that a republish replaces them. No text of the corpus can close or open a comment
/// there: every `<` and `>` in it is escaped.
const BEGIN: &str = "<!-- page head -->";
const END: &str = "<!-- /page head -->";

/// `page` (up to its root element) with the head of `head`; `site_url` (ending in `/`)
/// is the site's absolute address, `collection` its title.
pub fn with_head(page: &str, head: &Head, site_url: Option<&str>, collection: &str) -> String {
    let mut page = page.to_string();
    replace_between(&mut page, "<title>", "</title>", &text(&head.title));
    replace_between(
        &mut page,
        "<meta name=\"description\" content=\"",
        "\"",
        &attribute(&head.description),
    );
    if let Some(language) = &head.language {
        replace_between(&mut page, "<html lang=\"", "\"", &attribute(language));
    }
    let tags = tags(head, site_url, collection);
    if let Some(at) = page.find("<title>") {
        let line = page[..at].rfind('\n').map_or(0, |n| n + 1);
        let indent = Some(&page[line..at])
            .filter(|i| i.chars().all(|c| c == ' ' || c == '\t'))
            .unwrap_or_default()
            .to_string();
        let mut block = format!("{BEGIN}\n{indent}");
        for tag in tags {
            block.push_str(&format!("{tag}\n{indent}"));
        }
        block.push_str(&format!("{END}\n{indent}"));
        page.insert_str(at, &block);
    }
    page
}

/// The tags a page gets beyond its title and description.
fn tags(head: &Head, site_url: Option<&str>, collection: &str) -> Vec<String> {
    if !head.indexed {
        return vec!["<meta name=\"robots\" content=\"noindex\" />".to_string()];
    }
    let Some(site_url) = site_url else {
        return Vec::new();
    };
    // The feed is written only where the site's address is known (see `site_files`).
    let mut tags = vec![format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\" title=\"{}\" />",
        attribute(&format!("{site_url}{FEED}")),
        attribute(collection)
    )];
    let url = format!("{site_url}{}", head.path);
    let meta = |property: &str, content: &str| {
        format!(
            "<meta property=\"{property}\" content=\"{}\" />",
            attribute(content)
        )
    };
    tags.push(format!(
        "<link rel=\"canonical\" href=\"{}\" />",
        attribute(&url)
    ));
    tags.push(meta(
        "og:type",
        if head.article.is_some() {
            "article"
        } else {
            "website"
        },
    ));
    tags.push(meta(
        "og:title",
        head.article
            .map_or(head.title.as_str(), |a| a.title.as_str()),
    ));
    tags.push(meta("og:description", &head.description));
    tags.push(meta("og:url", &url));
    tags.push(meta("og:site_name", collection));
    tags.push("<meta name=\"twitter:card\" content=\"summary\" />".to_string());
    if let Some(article) = head.article {
        tags.push(meta(
            "article:published_time",
            &article.published.to_string(),
        ));
        for author in &article.authors {
            tags.push(meta("article:author", author));
        }
        for keyword in &article.keywords {
            tags.push(meta("article:tag", keyword));
        }
        tags.push(json_ld(article, &url, collection));
    }
    tags
}

/// The article as schema.org JSON-LD: a data block, never run, so the site's
/// Content-Security-Policy does not govern it. `<`, `>` and `&` are written as JSON
/// escapes, so no text of the article can end the block.
fn json_ld(article: &Article, url: &str, collection: &str) -> String {
    let authors: Vec<serde_json::Value> = article
        .authors
        .iter()
        .map(|name| serde_json::json!({ "@type": "Person", "name": name }))
        .collect();
    let data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.published.to_string(),
        "author": authors,
        "publisher": { "@type": "Organization", "name": article.source },
        "keywords": article.keywords.join(", "),
        "inLanguage": article.language,
        "url": url,
        "mainEntityOfPage": url,
        "isPartOf": { "@type": "WebSite", "name": collection },
    });
    let json = data
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!("<script type=\"application/ld+json\">{json}</script>")
}

/// The page without the tags this module wrote before.
pub fn without_head_tags(page: &str) -> String {
    match (page.find(BEGIN), page.find(END)) {
        (Some(start), Some(end)) if start < end => {
            let end = end + END.len();
            let rest = page[end..].trim_start_matches('\n');
            let rest = rest.trim_start_matches([' ', '\t']);
            format!("{}{rest}", &page[..start])
        }
        _ => page.to_string(),
    }
}

/// Replaces the text between the first `start` and the `end` after it, if both are there.
fn replace_between(page: &mut String, start: &str, end: &str, with: &str) {
    if let Some(from) = page.find(start).map(|at| at + start.len()) {
        if let Some(to) = page[from..].find(end).map(|at| at + from) {
            page.replace_range(from..to, with);
        }
    }
}

fn text(value: &str) -> String {
    html_escape::encode_text(value).into_owned()
}

/// A value for a double-quoted attribute, with `<` and `>` escaped as well, so that no
/// value can look like a tag or a comment (see `BEGIN`).
fn attribute(value: &str) -> String {
    html_escape::encode_double_quoted_attribute(value)
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html lang=\"en\">\n  <head>\n    <meta name=\"description\" content=\"D\" />\n    <title>T</title>\n  </head>\n  <body><div id=\"app\">";

    fn article(title: &str) -> Article {
        Article {
            id: "a".into(),
            title: title.into(),
            authors: vec!["A <b>".into()],
            source: "S".into(),
            published: "2024-01-02".parse().unwrap(),
            keywords: vec!["k".into()],
            language: "zh".into(),
            summary: "\"quoted\" & <i>".into(),
            body: Vec::new(),
            bio: None,
            url: None,
        }
    }

    #[test]
    fn a_page_gets_its_tags_and_a_republish_takes_them_away_again() {
        let hostile = article("</title><!-- /page head --><script>alert(1)</script>");
        let head = Head {
            title: hostile.title.clone(),
            description: hostile.summary.clone(),
            language: Some("zh".into()),
            path: "articles/a".into(),
            indexed: true,
            article: Some(&hostile),
        };
        let page = with_head(PAGE, &head, Some("https://x.org/s/"), "C");
        assert!(page.contains("<html lang=\"zh\">"), "{page}");
        assert!(page.contains("<link rel=\"canonical\" href=\"https://x.org/s/articles/a\" />"));
        assert_eq!(
            page.matches("<script").count(),
            1,
            "only the JSON-LD block: {page}"
        );
        assert_eq!(page.matches(END).count(), 1, "{page}");
        assert!(
            page.contains("content=\"&quot;quoted&quot; &amp; &lt;i&gt;\""),
            "{page}"
        );
        let json = &page[page.find("ld+json\">").unwrap() + 9..page.find("</script>").unwrap()];
        let data: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(data["headline"], hostile.title);
        let again = without_head_tags(&page);
        assert!(!again.contains("og:"), "{again}");
        assert_eq!(
            without_head_tags(&with_head(&again, &head, Some("https://x.org/s/"), "C")),
            again
        );
    }

    #[test]
    fn without_the_site_address_a_page_names_no_address() {
        let head = Head {
            title: "T".into(),
            description: "D".into(),
            language: None,
            path: String::new(),
            indexed: true,
            article: None,
        };
        let page = with_head(PAGE, &head, None, "C");
        assert!(
            !page.contains("canonical") && !page.contains("feed.xml"),
            "{page}"
        );
    }
}
