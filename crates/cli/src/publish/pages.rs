//! The published pages: each address's HTML, with what the app would show there rendered
//! by the app's own components (`insight_explorer::prerender`) into the site's
//! `index.html`, and the page's own title, description and language in its head. A
//! reader without JavaScript, a search engine or a link preview sees the content; the app
//! draws the same markup over it when it starts.

use super::head::{with_head, without_head_tags, Head};
use insight_corpus::Article;
use insight_explorer::collection::Collection;
use insight_explorer::pages::reader::page_title;
use insight_explorer::prerender::{list_pages, ListPageFile};
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
            before: without_head_tags(&html[..open]),
            after: html[close..].to_string(),
            basename: base_href(html).unwrap_or_else(|| "/".to_string()),
        })
    }

    /// The page `head` describes, its view rendered at its address.
    fn page(&self, collection: &Rc<Collection>, head: &Head, site_url: Option<&str>) -> String {
        let body = insight_explorer::prerender::render(
            collection,
            &self.basename,
            &format!("{}{}", self.basename, head.path),
        );
        let before = with_head(&self.before, head, site_url, &collection.title);
        format!("{before}{body}{}", self.after)
    }
}

/// The pages of a corpus: the list's pages (the first is `index.html`), each keyword's
/// and author's, not-found (`404.html`) and one per article, rendered from a collection
/// holding every article.
pub struct Pages<'a> {
    template: &'a Template,
    collection: Rc<Collection>,
    /// The site's absolute address, ending in `/`, when it is known.
    site_url: Option<String>,
}

impl<'a> Pages<'a> {
    /// The pages of a collection (see `Collection::for_pages`).
    pub fn new(
        template: &'a Template,
        collection: Collection,
        site_url: Option<String>,
    ) -> Pages<'a> {
        Pages {
            template,
            collection: Rc::new(collection),
            site_url,
        }
    }

    /// The articles' numbers, newest first, with the articles.
    pub fn newest_first(&self) -> Vec<(u32, Rc<Article>)> {
        (0..self.collection.len() as u32)
            .rev()
            .filter_map(|n| Some((n, self.collection.record(n)?)))
            .collect()
    }

    /// The pages of the list, of each keyword and of each author.
    pub fn lists(&self) -> Vec<ListPageFile> {
        list_pages(&self.collection)
    }

    /// One of [`Pages::lists`].
    pub fn list(&self, file: &ListPageFile) -> String {
        let head = Head {
            title: file.title.clone(),
            description: file.description.clone(),
            language: None,
            path: file.address.clone(),
            indexed: true,
            article: None,
        };
        self.render(&head)
    }

    /// The page for addresses that name nothing.
    pub fn not_found(&self) -> String {
        let head = Head {
            title: "Not found · Insight Explorer".to_string(),
            description: format!(
                "There is nothing at this address of {}.",
                self.collection.title
            ),
            language: None,
            path: "not-found".to_string(),
            indexed: false,
            article: None,
        };
        self.render(&head)
    }

    /// The page of article `number`, with its full text or (`full_text` false) with
    /// what the reader shows while the full text is on its way.
    pub fn article(&self, number: u32, article: &Article, full_text: bool) -> String {
        let head = Head {
            title: page_title(&article.title, &self.collection.title),
            description: article.summary.clone(),
            language: Some(article.language.clone()),
            path: format!("articles/{}", article.id),
            indexed: true,
            article: Some(article),
        };
        if full_text {
            self.render(&head)
        } else {
            self.collection
                .without_record(number, || self.render(&head))
        }
    }

    fn render(&self, head: &Head) -> String {
        self.template
            .page(&self.collection, head, self.site_url.as_deref())
    }
}

/// The `href` of the page's `<base>` tag, read by the HTML parser the policy uses (any
/// quoting or attribute order).
fn base_href(html: &str) -> Option<String> {
    let selector = scraper::Selector::parse("base[href]").expect("a valid selector");
    scraper::Html::parse_document(html)
        .select(&selector)
        .next()?
        .value()
        .attr("href")
        .map(str::to_string)
}
