//! What a saved page says about itself in its own tags: schema.org JSON-LD (`Article`,
//! `BlogPosting`, `NewsArticle`…), OpenGraph (`og:title`, `article:published_time`,
//! `article:author`, `article:tag`), `<meta name="author|keywords|description">`, the
//! first `<time datetime>`, the canonical address and `<html lang>`.

use scraper::{Html, Selector};
use serde_json::Value;

/// The page's own metadata, each field from the best place that gives it.
#[derive(Debug, Default)]
pub struct PageMeta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<String>,
    pub keywords: Vec<String>,
    pub description: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// The text of the page's one `<h1>`, when it has exactly one.
    pub heading: Option<String>,
    /// How many `<article>` elements the page has: a listing has one per teaser.
    pub articles: usize,
    /// The JSON-LD `@type` of the page, when it names one (`CollectionPage`, say).
    pub page_type: Option<String>,
}

/// Article types of schema.org that describe one article.
const ARTICLE_TYPES: [&str; 8] = [
    "Article",
    "BlogPosting",
    "NewsArticle",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "ReportageNewsArticle",
    "ScholarlyArticle",
    "TechArticle",
];

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// Reads the page's metadata.
pub fn read(document: &Html) -> PageMeta {
    let mut meta = PageMeta::default();
    let ld = json_ld(document);
    if let Some(article) = ld.iter().find(|v| has_type(v, &ARTICLE_TYPES)) {
        meta.title = text(article.get("headline")).or_else(|| text(article.get("name")));
        meta.authors = people(article.get("author"));
        meta.date = text(article.get("datePublished")).or_else(|| text(article.get("dateCreated")));
        meta.keywords = words(article.get("keywords"));
        meta.description = text(article.get("description"));
        meta.site_name = article.get("publisher").and_then(|p| text(p.get("name")));
        meta.url = text(article.get("url"));
        meta.page_type = type_name(article);
    } else if let Some(first) = ld.first() {
        meta.page_type = type_name(first);
    }
    let property = |name: &str| -> Vec<String> {
        let css = format!("meta[property=\"{name}\"], meta[name=\"{name}\"]");
        selector(&css).map_or_else(Vec::new, |s| {
            document
                .select(&s)
                .filter_map(|m| m.value().attr("content"))
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect()
        })
    };
    let first = |name: &str| property(name).into_iter().next();
    meta.title = meta.title.or_else(|| first("og:title"));
    if meta.authors.is_empty() {
        meta.authors = property("article:author")
            .into_iter()
            .filter(|a| !a.contains("://"))
            .collect();
    }
    if meta.authors.is_empty() {
        meta.authors = property("author");
    }
    meta.date = meta
        .date
        .or_else(|| first("article:published_time"))
        .or_else(|| first("datePublished"))
        .or_else(|| {
            let time = selector("time[datetime]")?;
            document
                .select(&time)
                .find_map(|t| t.value().attr("datetime").map(str::to_string))
        });
    if meta.keywords.is_empty() {
        meta.keywords = property("article:tag");
    }
    if meta.keywords.is_empty() {
        meta.keywords = property("keywords")
            .iter()
            .flat_map(|k| k.split(','))
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect();
    }
    meta.description = meta
        .description
        .or_else(|| first("og:description"))
        .or_else(|| first("description"));
    meta.site_name = meta.site_name.or_else(|| first("og:site_name"));
    let canonical = selector("link[rel=\"canonical\"]").and_then(|s| {
        document
            .select(&s)
            .find_map(|l| l.value().attr("href").map(str::to_string))
    });
    meta.url = canonical.or(meta.url).or_else(|| first("og:url"));
    meta.articles = selector("article").map_or(0, |s| document.select(&s).count());
    if let Some(h1) = selector("h1") {
        let headings: Vec<String> = document
            .select(&h1)
            .map(|h| h.text().collect::<Vec<_>>().join(" "))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        if let [one] = headings.as_slice() {
            meta.heading = Some(one.clone()).filter(|h| !h.is_empty());
        }
    }
    meta.language = selector("html[lang]").and_then(|s| {
        document
            .select(&s)
            .find_map(|h| h.value().attr("lang").map(str::to_string))
    });
    meta
}

/// Every JSON-LD object of the page, `@graph` members included.
fn json_ld(document: &Html) -> Vec<Value> {
    let Some(scripts) = selector("script[type=\"application/ld+json\"]") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for script in document.select(&scripts) {
        let text: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut pending = vec![value];
        while let Some(value) = pending.pop() {
            match value {
                Value::Array(items) => pending.extend(items),
                Value::Object(mut object) => {
                    if let Some(graph) = object.remove("@graph") {
                        pending.push(graph);
                    }
                    if object.contains_key("@type") {
                        found.push(Value::Object(object));
                    }
                }
                _ => {}
            }
        }
    }
    found
}

fn type_name(value: &Value) -> Option<String> {
    match value.get("@type")? {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(|i| i.as_str().map(str::to_string)),
        _ => None,
    }
}

fn has_type(value: &Value, types: &[&str]) -> bool {
    match value.get("@type") {
        Some(Value::String(s)) => types.contains(&s.as_str()),
        Some(Value::Array(items)) => items
            .iter()
            .any(|i| i.as_str().is_some_and(|s| types.contains(&s))),
        _ => false,
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// Names from a JSON-LD `author`: a name, a person, or a list of either.
fn people(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().flat_map(|i| people(Some(i))).collect(),
        Some(Value::Object(person)) => text(person.get("name")).into_iter().collect(),
        Some(Value::String(name)) if !name.trim().is_empty() => vec![name.trim().to_string()],
        _ => Vec::new(),
    }
}

/// Keywords from a JSON-LD `keywords`: one comma-separated text, or a list.
fn words(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => s
            .split(',')
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(|s| s.trim().to_string()))
            .filter(|w| !w.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}
