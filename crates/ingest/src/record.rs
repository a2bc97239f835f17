//! Building an article from a record's fields (front matter or a JSON record) and its
//! converted body, with an error at the field's line for anything unusable.

use crate::blocks::Conversion;
use crate::entry::Entry;
use crate::error::IngestError;
use crate::fields::{date_in_path, FieldError, Fields};
use crate::options::{Options, SourceFrom};
use crate::site::Post;
use crate::slug::{choose_id, strip_date_prefix};
use insight_corpus::link::safe_web_address;
use insight_corpus::{Article, Block};
use std::path::Path;

/// Where a record sits, for error messages and for fields taken from the file name.
pub struct Place<'a> {
    pub path: &'a Path,
    /// The file name without extension (gives the id and, Jekyll-style, the date).
    pub stem: &'a str,
    /// The line of the record's start (front matter or JSON record).
    pub line: Option<usize>,
    /// The line of a named field, when the reader can tell.
    pub line_of: &'a dyn Fn(&str) -> Option<usize>,
    /// How errors name the record's fields: "front matter" or "record".
    pub what: &'a str,
    /// How the record's syntax assigns a value, for the fixes errors suggest: `" = "`
    /// (TOML) or `": "` (YAML, JSON).
    pub assignment: &'a str,
}

impl Place<'_> {
    fn error(&self, field: Option<&str>, message: String) -> IngestError {
        let line = field.and_then(|f| (self.line_of)(f)).or(self.line);
        IngestError::new(self.path, line, format!("{}: {message}", self.what))
    }

    fn field_error(&self, error: FieldError) -> IngestError {
        self.error(
            Some(&error.field),
            format!("'{}' {}", error.field, error.message),
        )
    }

    fn missing(&self, field: &str, example: &str) -> IngestError {
        self.error(None, format!("'{field}' is missing; add {field}{example}"))
    }
}

/// Makes an entry from the record's fields and body. A draft, an unpublished post and a
/// post its site would not publish yet become skips.
pub fn build(fields: &Fields, body: Conversion, place: &Place, options: &Options) -> Entry {
    if fields.flag(&["draft"]) {
        return Entry::Skip(format!("a draft ({}: draft is true)", place.what));
    }
    if fields.is_false("published") {
        return Entry::Skip(format!("unpublished ({}: published is false)", place.what));
    }
    let (article, warnings, source_from) = match article(fields, body, place, options) {
        Ok(made) => made,
        Err(errors) => return Entry::Errors(errors),
    };
    if let Some(reason) = options
        .site
        .as_ref()
        .and_then(|site| site.not_yet_published(article.published))
    {
        return Entry::Skip(reason);
    }
    Entry::checked(place.path, place.line, article, warnings, source_from)
}

/// Every field problem of one record, gathered so that all are reported at once.
struct Problems<'p, 'a> {
    place: &'p Place<'a>,
    errors: Vec<IngestError>,
}

impl Problems<'_, '_> {
    /// The field's value, or its default after noting why it is unusable.
    fn take<T: Default>(&mut self, result: Result<T, FieldError>) -> T {
        result.unwrap_or_else(|error| {
            self.errors.push(self.place.field_error(error));
            T::default()
        })
    }
}

type Made = (Article, Vec<IngestError>, SourceFrom);

fn article(
    fields: &Fields,
    body: Conversion,
    place: &Place,
    options: &Options,
) -> Result<Made, Vec<IngestError>> {
    let sep = place.assignment;
    let mut problems = Problems {
        place,
        errors: Vec::new(),
    };
    let mut warnings = Vec::new();
    let slug = strip_date_prefix(place.stem);
    let title = match problems.take(fields.text(&["title", "name", "headline"])) {
        Some(title) => Some(title),
        None => match options.site.as_ref().and_then(|s| s.title_from_slug(slug)) {
            Some(title) => {
                warnings.push(place.error(
                    None,
                    format!("no title; it is {title:?}, from the file name, as the site shows it (add title{sep}\"…\" to choose one)"),
                ));
                Some(title)
            }
            None => {
                problems
                    .errors
                    .push(place.missing("title", &format!("{sep}\"The article's title\"")));
                None
            }
        },
    };
    let mut authors = problems
        .take(fields.names(&["authors", "author", "creator", "byline"]))
        .or_else(|| fields.nested_list(&["extra", "params"], &["authors", "author"]))
        .unwrap_or_default();
    if authors.is_empty() {
        authors.extend(options.default_author());
    }
    let (source, source_from) =
        options.source(problems.take(fields.text(&["source", "publisher", "site", "outlet"])));
    let date_names = [
        "date",
        "published",
        "pubDate",
        "published_at",
        "publishDate",
        "created",
    ];
    let published = match fields.date(&date_names) {
        Ok(Some(date)) => Some(date),
        Err(error) => {
            problems.errors.push(place.field_error(error));
            None
        }
        Ok(None) => {
            let from_path = problems.take(fields.text(&["path"]));
            let found = from_path
                .and_then(|p| date_in_path(&p))
                .or_else(|| date_in_path(place.stem));
            if found.is_none() {
                let hint = if place.stem.is_empty() {
                    ""
                } else {
                    " (or name the file YYYY-MM-DD-slug)"
                };
                problems
                    .errors
                    .push(place.missing("date", &format!("{sep}2021-04-12{hint}")));
            }
            found
        }
    };
    let keywords = problems.take(fields.keywords());
    let summary = problems.take(fields.text(&["summary", "description", "excerpt", "abstract"]));
    let id = problems.take(fields.text(&["id", "slug"]));
    let language = problems.take(fields.text(&["language", "lang", "locale"]));
    let bio = problems.take(fields.text(&["bio", "author_bio"]));
    let url = problems.take(fields.text(&["url", "link", "canonical_url"]));
    let (Some(title), Some(published), true) = (title, published, problems.errors.is_empty())
    else {
        return Err(problems.errors);
    };
    if body.dropped_html > 0 {
        warnings.push(IngestError::new(
            place.path,
            place.line,
            format!(
                "left out {} piece(s) of raw HTML; write them as Markdown to keep them",
                body.dropped_html
            ),
        ));
    }
    for href in &body.refused_links {
        warnings.push(IngestError::new(
            place.path,
            place.line,
            insight_corpus::link_refusal(href),
        ));
    }
    let summary = summary.unwrap_or_else(|| first_paragraph(&body.blocks));
    let url = match (&options.site, url) {
        (Some(site), Some(path)) if path.starts_with('/') => site.join(&path),
        (_, Some(url)) => original_address(url, place, &mut warnings),
        (Some(site), None) => site.address(&Post {
            path: place.path,
            fields,
            published,
            title: &title,
            slug,
        }),
        (None, None) => None,
    };
    let id = choose_id(id, slug, &title, &published.to_string());
    let mut body_blocks = body.blocks;
    if let (Some(_), Some(page)) = (&options.site, &url) {
        crate::site::links::resolve(&mut body_blocks, page);
    }
    let article = Article {
        id,
        title,
        authors,
        source,
        published,
        keywords,
        language: language.unwrap_or_else(|| options.default_language.clone()),
        summary,
        body: body_blocks,
        bio,
        url,
    };
    Ok((article, warnings, source_from))
}

/// The article's original address when it is a full `http`/`https` address. Anything else
/// (a site-relative permalink such as `/2021/04/post.html`, a `javascript:` link) is left
/// out with a warning, and the article is kept.
fn original_address(url: String, place: &Place, warnings: &mut Vec<IngestError>) -> Option<String> {
    if safe_web_address(&url).is_some() {
        return Some(url);
    }
    warnings.push(IngestError::new(
        place.path,
        place.line,
        insight_corpus::url_refusal(&url),
    ));
    None
}

/// The first paragraph's text, shortened to about 300 characters at a word boundary.
pub fn first_paragraph(blocks: &[Block]) -> String {
    let Some(paragraph) = blocks.iter().find(|b| matches!(b, Block::Paragraph { .. })) else {
        return String::new();
    };
    let mut text = String::new();
    paragraph.push_plain_text(&mut text);
    shorten(&text, 300)
}

/// `text` cut to about `limit` characters at a word boundary, with "…" when cut.
pub fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = match cut.rsplit_once(' ') {
        Some((head, _)) if head.chars().count() > limit / 2 => head.to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}
