//! Building an article from a record's fields (front matter or a JSON record) and its
//! converted body, with an error at the field's line for anything unusable.

use crate::blocks::Conversion;
use crate::entry::Entry;
use crate::error::IngestError;
use crate::fields::{date_in_path, FieldError, Fields};
use crate::options::Options;
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

/// Makes an entry from the record's fields and body. A draft becomes a skip.
pub fn build(fields: &Fields, body: Conversion, place: &Place, options: &Options) -> Entry {
    if fields.flag(&["draft"]) {
        return Entry::Skip(format!("a draft ({}: draft is true)", place.what));
    }
    match article(fields, body, place, options) {
        Ok((article, warnings)) => Entry::checked(place.path, place.line, article, warnings),
        Err(error) => Entry::Error(error),
    }
}

fn article(
    fields: &Fields,
    body: Conversion,
    place: &Place,
    options: &Options,
) -> Result<(Article, Vec<IngestError>), IngestError> {
    let sep = place.assignment;
    let text = |names: &[&str]| fields.text(names).map_err(|e| place.field_error(e));
    let title = text(&["title", "name", "headline"])?
        .ok_or_else(|| place.missing("title", &format!("{sep}\"The article's title\"")))?;
    let authors = fields
        .list(&["authors", "author", "creator", "byline"])
        .map_err(|e| place.field_error(e))?
        .unwrap_or_default();
    if authors.is_empty() {
        return Err(place.missing("authors", &format!("{sep}[\"Author Name\"]")));
    }
    let source = match text(&["source", "publisher", "site", "outlet"])?
        .or_else(|| options.default_source.clone())
    {
        Some(source) => source,
        None => {
            return Err(place.missing(
                "source",
                &format!("{sep}\"Outlet Name\" (or pass --default-source)"),
            ))
        }
    };
    let date_names = [
        "date",
        "published",
        "pubDate",
        "published_at",
        "publishDate",
        "created",
    ];
    let published = match fields.date(&date_names).map_err(|e| place.field_error(e))? {
        Some(date) => date,
        None => text(&["path"])?
            .and_then(|p| date_in_path(&p))
            .or_else(|| date_in_path(place.stem))
            .ok_or_else(|| {
                let hint = if place.stem.is_empty() {
                    ""
                } else {
                    " (or name the file YYYY-MM-DD-slug)"
                };
                place.missing("date", &format!("{sep}2021-04-12{hint}"))
            })?,
    };
    let keywords = fields.keywords().map_err(|e| place.field_error(e))?;
    let mut warnings = Vec::new();
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
    let summary = match text(&["summary", "description", "excerpt", "abstract"])? {
        Some(summary) => summary,
        None => first_paragraph(&body.blocks),
    };
    let id = choose_id(
        text(&["id", "slug"])?,
        strip_date_prefix(place.stem),
        &title,
        &published.to_string(),
    );
    let article = Article {
        id,
        title,
        authors,
        source,
        published,
        keywords,
        language: text(&["language", "lang", "locale"])?
            .unwrap_or_else(|| options.default_language.clone()),
        summary,
        body: body.blocks,
        bio: text(&["bio", "author_bio"])?,
        url: original_address(
            text(&["url", "link", "canonical_url"])?,
            place,
            &mut warnings,
        ),
    };
    Ok((article, warnings))
}

/// The article's original address when it is a full `http`/`https` address. Anything else
/// (a site-relative permalink such as `/2021/04/post.html`, a `javascript:` link) is left
/// out with a warning, and the article is kept.
fn original_address(
    url: Option<String>,
    place: &Place,
    warnings: &mut Vec<IngestError>,
) -> Option<String> {
    let url = url?;
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
