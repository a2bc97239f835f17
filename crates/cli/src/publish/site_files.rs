//! The files a site gives crawlers and feed readers, written where the site's absolute
//! address is known: `sitemap.xml` (an index of several sitemaps above 50,000
//! addresses, the protocol's limit per file), an Atom feed of the newest articles, and
//! `robots.txt` naming the sitemap. Without the address they are removed, since they
//! could only name wrong addresses.

use crate::output::write_atomically;
use insight_corpus::Article;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::path::Path;

pub const FEED: &str = "feed.xml";
const SITEMAP: &str = "sitemap.xml";
const ROBOTS: &str = "robots.txt";
/// The sitemap protocol's limit of addresses per file.
const SITEMAP_URLS: usize = 50_000;
/// How many of the newest articles the feed carries.
pub const FEED_ENTRIES: usize = 50;

type Xml = Writer<Vec<u8>>;

/// Writes (or, without `site_url`, removes) the site files; `articles` newest first,
/// `lists` the addresses (under the site) of the keyword and author pages for the sitemap.
pub fn write(
    site: &Path,
    site_url: Option<&str>,
    title: &str,
    articles: &[&Article],
    lists: &[String],
) -> Result<(), String> {
    remove_sitemaps(site)?;
    let Some(site_url) = site_url else {
        for name in [FEED, ROBOTS] {
            remove(&site.join(name))?;
        }
        return Ok(());
    };
    let mut urls = vec![(site_url.to_string(), articles.first().map(|a| a.published))];
    urls.extend(
        articles
            .iter()
            .map(|a| (format!("{site_url}articles/{}", a.id), Some(a.published))),
    );
    urls.extend(lists.iter().map(|path| (format!("{site_url}{path}"), None)));
    let parts: Vec<_> = urls.chunks(SITEMAP_URLS).collect();
    if parts.len() == 1 {
        write_atomically(&site.join(SITEMAP), &sitemap(parts[0])?)?;
    } else {
        let mut names = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let name = format!("sitemap-{}.xml", i + 1);
            write_atomically(&site.join(&name), &sitemap(part)?)?;
            names.push(format!("{site_url}{name}"));
        }
        write_atomically(&site.join(SITEMAP), &sitemap_index(&names)?)?;
    }
    write_atomically(&site.join(FEED), &feed(site_url, title, articles)?)?;
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {site_url}{SITEMAP}\n");
    write_atomically(&site.join(ROBOTS), robots.as_bytes())
}

fn xml_error(e: impl std::fmt::Display) -> String {
    format!("cannot write XML: {e}")
}

fn document() -> Result<Xml, String> {
    let mut xml = Writer::new_with_indent(Vec::new(), b' ', 1);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(xml_error)?;
    Ok(xml)
}

/// `<name>text</name>`, the text escaped.
fn element(xml: &mut Xml, name: &str, text: &str) -> Result<(), String> {
    xml.create_element(name)
        .write_text_content(BytesText::new(text))
        .map(|_| ())
        .map_err(xml_error)
}

fn sitemap(urls: &[(String, Option<insight_corpus::Date>)]) -> Result<Vec<u8>, String> {
    let mut xml = document()?;
    xml.create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .write_inner_content(|xml| {
            for (url, date) in urls {
                xml.create_element("url").write_inner_content(|xml| {
                    element(xml, "loc", url).map_err(std::io::Error::other)?;
                    if let Some(date) = date {
                        element(xml, "lastmod", &date.to_string())
                            .map_err(std::io::Error::other)?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })
        .map_err(xml_error)?;
    Ok(xml.into_inner())
}

fn sitemap_index(names: &[String]) -> Result<Vec<u8>, String> {
    let mut xml = document()?;
    xml.create_element("sitemapindex")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .write_inner_content(|xml| {
            for name in names {
                xml.create_element("sitemap").write_inner_content(|xml| {
                    element(xml, "loc", name).map_err(std::io::Error::other)
                })?;
            }
            Ok(())
        })
        .map_err(xml_error)?;
    Ok(xml.into_inner())
}

/// The Atom feed of the newest `FEED_ENTRIES` articles.
fn feed(site_url: &str, title: &str, articles: &[&Article]) -> Result<Vec<u8>, String> {
    let time = |a: &Article| format!("{}T00:00:00Z", a.published);
    let updated = articles
        .first()
        .map_or("1970-01-01T00:00:00Z".to_string(), |a| time(a));
    let mut xml = document()?;
    let io = std::io::Error::other;
    xml.create_element("feed")
        .with_attribute(("xmlns", "http://www.w3.org/2005/Atom"))
        .write_inner_content(|xml| {
            element(xml, "title", title).map_err(io)?;
            element(xml, "id", site_url).map_err(io)?;
            element(xml, "updated", &updated).map_err(io)?;
            xml.create_element("link")
                .with_attributes([("rel", "alternate"), ("href", site_url)])
                .write_empty()?;
            xml.create_element("link")
                .with_attributes([("rel", "self"), ("href", &format!("{site_url}{FEED}"))])
                .write_empty()?;
            for article in articles.iter().take(FEED_ENTRIES) {
                let url = format!("{site_url}articles/{}", article.id);
                xml.create_element("entry").write_inner_content(|xml| {
                    element(xml, "title", &article.title).map_err(io)?;
                    element(xml, "id", &url).map_err(io)?;
                    xml.create_element("link")
                        .with_attributes([("rel", "alternate"), ("href", url.as_str())])
                        .write_empty()?;
                    element(xml, "published", &time(article)).map_err(io)?;
                    element(xml, "updated", &time(article)).map_err(io)?;
                    for author in &article.authors {
                        xml.create_element("author")
                            .write_inner_content(|xml| element(xml, "name", author).map_err(io))?;
                    }
                    for keyword in &article.keywords {
                        xml.create_element("category")
                            .with_attribute(("term", keyword.as_str()))
                            .write_empty()?;
                    }
                    element(xml, "summary", &article.summary).map_err(io)
                })?;
            }
            Ok(())
        })
        .map_err(xml_error)?;
    Ok(xml.into_inner())
}

/// Removes `sitemap.xml` and its parts left by an earlier publish.
fn remove_sitemaps(site: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(site).map_err(|e| format!("{}: cannot list: {e}", site.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == SITEMAP || (name.starts_with("sitemap-") && name.ends_with(".xml")) {
            remove(&entry.path())?;
        }
    }
    Ok(())
}

fn remove(path: &Path) -> Result<(), String> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("{}: cannot remove: {e}", path.display()))
        }
        _ => Ok(()),
    }
}
