//! The published pages: each address's HTML, with what the app would show there rendered
//! by the app's own components (`insight_explorer::prerender`) into the site's
//! `index.html`, and the page's own title, description and language in its head. A
//! reader without JavaScript, a search engine or a link preview sees the content; the app
//! draws the same markup over it when it starts.

use insight_corpus::{Article, Corpus, ValidCorpus};
use insight_explorer::collection::Collection;
use insight_explorer::pages::reader::page_title;
use std::rc::Rc;

/// The element the app draws into; the rendered view goes inside it.
const ROOT: &str = "<div id=\"app\">";

/// A built site's `index.html`, ready to be filled in for each address.
pub struct Template {
    /// The page up to and including the root element's opening tag.
    before: String,
    /// From the root element's closing tag to the end.
    after: String,
    /// The site's public path from its `<base href>`, such as `/insight-explorer/`.
    basename: String,
}

impl Template {
    /// The template in `html` (the built `index.html`, or a page an earlier publish
    /// filled in: its content is dropped).
    pub fn new(html: &str) -> Result<Template, String> {
        let open = html.find(ROOT).ok_or(
            "it has no <div id=\"app\"> for the pages' content: is this the page Trunk built from this project's index.html?",
        )? + ROOT.len();
        let body_end = html[open..]
            .rfind("</body>")
            .ok_or("it has no </body> after <div id=\"app\">")?
            + open;
        let close = html[open..body_end]
            .rfind("</div>")
            .ok_or("<div id=\"app\"> is not closed before </body>")?
            + open;
        Ok(Template {
            before: html[..open].to_string(),
            after: html[close..].to_string(),
            basename: base_href(html).unwrap_or_else(|| "/".to_string()),
        })
    }

    /// The page at `path` (relative to the site, such as `articles/some-id`), with
    /// `head` for its title, description and language.
    fn page(&self, collection: &Rc<Collection>, path: &str, head: &Head) -> String {
        let body = insight_explorer::prerender::render(
            collection,
            &self.basename,
            &format!("{}{path}", self.basename),
        );
        let before = with_head(&self.before, head);
        format!("{before}{body}{}", self.after)
    }
}

/// What a page's head says of it.
struct Head {
    title: String,
    description: String,
    /// The page's language where it is not the site's own.
    language: Option<String>,
}

/// The pages of a corpus: the list (`index.html`), not-found (`404.html`) and one per
/// article, rendered from a collection held whole.
pub struct Pages<'a> {
    template: &'a Template,
    collection: Rc<Collection>,
    title: String,
}

impl<'a> Pages<'a> {
    pub fn new(template: &'a Template, corpus: &Corpus) -> Pages<'a> {
        let collection = Collection::from_whole(ValidCorpus {
            title: corpus.title.clone(),
            notice: corpus.notice.clone(),
            articles: corpus.articles.clone(),
            skipped: Vec::new(),
            refused_links: Vec::new(),
        });
        Pages {
            template,
            collection: Rc::new(collection),
            title: corpus.title.clone(),
        }
    }

    /// The list's first page.
    pub fn list(&self) -> String {
        let head = Head {
            title: self.title.clone(),
            description: format!(
                "{}: {} articles to browse, filter, search and read.",
                self.title,
                self.collection.len()
            ),
            language: None,
        };
        self.template.page(&self.collection, "", &head)
    }

    /// The page for addresses that name nothing.
    pub fn not_found(&self) -> String {
        let head = Head {
            title: "Not found · Insight Explorer".to_string(),
            description: format!("There is nothing at this address of {}.", self.title),
            language: None,
        };
        self.template.page(&self.collection, "not-found", &head)
    }

    /// An article's page.
    pub fn article(&self, article: &Article) -> String {
        let head = Head {
            title: page_title(&article.title, &self.title),
            description: article.summary.clone(),
            language: Some(article.language.clone()),
        };
        self.template
            .page(&self.collection, &format!("articles/{}", article.id), &head)
    }
}

/// `before` (the page up to its root element) with the title, description and language
/// of `head`.
fn with_head(before: &str, head: &Head) -> String {
    let mut page = before.to_string();
    replace_between(
        &mut page,
        "<title>",
        "</title>",
        &html_escape::encode_text(&head.title),
    );
    replace_between(
        &mut page,
        "<meta name=\"description\" content=\"",
        "\"",
        &html_escape::encode_double_quoted_attribute(&head.description),
    );
    if let Some(language) = &head.language {
        replace_between(
            &mut page,
            "<html lang=\"",
            "\"",
            &html_escape::encode_double_quoted_attribute(language),
        );
    }
    page
}

/// Replaces the text between the first `start` and the `end` after it, if both are there.
fn replace_between(page: &mut String, start: &str, end: &str, with: &str) {
    if let Some(from) = page.find(start).map(|at| at + start.len()) {
        if let Some(to) = page[from..].find(end).map(|at| at + from) {
            page.replace_range(from..to, with);
        }
    }
}

/// The `href` of the page's `<base>` tag.
fn base_href(html: &str) -> Option<String> {
    let tag = &html[html.find("<base ")?..];
    let tag = &tag[..tag.find('>')?];
    let href = &tag[tag.find("href=\"")? + 6..];
    Some(href[..href.find('"')?].to_string())
}
