//! WordPress exports (WXR 1.1 and 1.2, from Tools → Export): published posts become
//! articles, with their authors' display names, categories and tags as keywords, the
//! excerpt as summary and the content as blocks under the feeds' safety rules. Pages come
//! in with `--include-pages`; every other record (menu items, attachments, drafts,
//! private, trashed, scheduled and pending posts, reusable blocks, revisions) is a skip
//! with its reason.

mod autop;
mod parse;
mod shortcodes;

use super::feed::item::{conversion_messages, MAX_KEYWORDS};
use crate::blocks::html::html_to_blocks;
use crate::dates::parse_date;
use crate::entry::Entry;
use crate::error::IngestError;
use crate::options::Options;
use crate::record::{first_paragraph, shorten};
use crate::slug::choose_id;
use insight_corpus::link::safe_web_address;
use insight_corpus::Article;
use parse::{Export, Item};
use std::path::Path;

/// Whether the file is a WordPress export: an RSS document that declares WordPress's
/// export namespace near its start.
pub fn looks_like_export(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    has(b"<rss") && (has(b"wordpress.org/export/") || has(b"<wp:wxr_version>"))
}

/// Reads an export into one entry per item.
pub fn read(path: &Path, text: &str, options: &Options) -> Vec<Entry> {
    let export = parse::read(text);
    let (source, source_from) = options.source(
        options
            .default_source
            .clone()
            .or_else(|| export.title.clone().filter(|t| !t.trim().is_empty())),
    );
    let mut warnings = Vec::new();
    let language = super::feed::language(export.language.as_deref(), &options.default_language)
        .unwrap_or_else(|message| {
            warnings.push(IngestError::new(path, None, message));
            options.default_language.clone()
        });
    let facts = Facts {
        path,
        export: &export,
        source,
        language,
        include_pages: options.include_pages,
    };
    let mut entries: Vec<Entry> = export
        .items
        .iter()
        .map(|item| match facts.skip_reason(item) {
            Some(reason) => Entry::SkipRecord {
                line: item.line,
                record: label(item),
                reason,
            },
            None => facts.article(item, source_from),
        })
        .collect();
    if let Some((line, message)) = &export.broken {
        entries.push(Entry::error(IngestError::new(
            path,
            Some(*line),
            format!("not well-formed XML: {message}; the items before this line were read (export the site again, or fix the file here)"),
        )));
    }
    if export.items.is_empty() && export.broken.is_none() {
        entries.push(Entry::Skip("a WordPress export with no items".to_string()));
    }
    if let Some(Entry::Article {
        warnings: first, ..
    }) = entries
        .iter_mut()
        .find(|e| matches!(e, Entry::Article { .. }))
    {
        first.append(&mut warnings);
    }
    entries
}

/// What every item of the export shares.
struct Facts<'a> {
    path: &'a Path,
    export: &'a Export,
    source: String,
    language: String,
    include_pages: bool,
}

impl Facts<'_> {
    /// Why an item is not an article, if it is not one.
    fn skip_reason(&self, item: &Item) -> Option<String> {
        let kind = item.field("wp:post_type");
        let status = item.field("wp:status");
        let reason = match kind {
            "post" | "" => None,
            "page" if self.include_pages => None,
            "page" => Some("a page (pass --include-pages to include pages)".to_string()),
            "attachment" => Some("an attachment (a media file's record)".to_string()),
            "nav_menu_item" => Some("a navigation menu item".to_string()),
            "revision" => Some("a revision of another post".to_string()),
            "wp_block" => Some("a reusable block, not a post".to_string()),
            other => Some(format!("a '{other}' record, not a post")),
        };
        reason.or_else(|| match status {
            "publish" | "" => None,
            "draft" | "auto-draft" => Some(format!("a draft (status {status})")),
            "private" => Some("private (status private)".to_string()),
            "trash" => Some("in the trash (status trash)".to_string()),
            "future" => Some("scheduled for later (status future)".to_string()),
            "pending" => Some("pending review (status pending)".to_string()),
            other => Some(format!("not published (status {other})")),
        })
    }

    /// The article an item makes, or why it cannot make one.
    fn article(&self, item: &Item, source_from: crate::options::SourceFrom) -> Entry {
        let title = plain(item.field("title"));
        let label = label(item);
        let at = |message: String| {
            IngestError::new(self.path, Some(item.line), format!("{label}: {message}"))
        };
        let content = autop::paragraphs(&shortcodes::strip(item.field("content:encoded")));
        let body = html_to_blocks(&content);
        if body.blocks.is_empty() {
            return Entry::SkipRecord {
                line: item.line,
                record: label,
                reason: "no content".to_string(),
            };
        }
        let date_text = [item.field("wp:post_date"), item.field("pubDate")]
            .into_iter()
            .find(|d| !d.is_empty() && !d.starts_with("0000"))
            .unwrap_or("");
        let Some(published) = parse_date(date_text) else {
            return Entry::error(at(format!(
                "the date {date_text:?} cannot be read; export the site again, or write it as <wp:post_date>2021-04-12 09:30:00</wp:post_date>"
            )));
        };
        let mut messages = conversion_messages(&body);
        let title = if title.is_empty() {
            let fallback = format!("Untitled post of {}", published.long_form());
            messages.push(format!("no title; it is shown as {fallback:?} (give the post a title in WordPress and export again)"));
            fallback
        } else {
            title
        };
        let login = item.field("dc:creator");
        let authors = match self.export.authors.get(login) {
            Some(name) => vec![name.clone()],
            None if login.is_empty() => Vec::new(),
            None => {
                messages.push(format!("the author {login:?} has no display name in the export's authors; the login is shown"));
                vec![login.to_string()]
            }
        };
        let mut keywords: Vec<String> = Vec::new();
        for (domain, name) in &item.categories {
            let name = plain(name);
            let usable = matches!(domain.as_str(), "category" | "post_tag")
                && !name.is_empty()
                && !name.eq_ignore_ascii_case("uncategorized");
            if usable && !keywords.iter().any(|k| k.eq_ignore_ascii_case(&name)) {
                keywords.push(name);
            }
        }
        if keywords.len() > MAX_KEYWORDS {
            messages.push(format!(
                "{} categories and tags; only the first {MAX_KEYWORDS} are kept as keywords",
                keywords.len()
            ));
            keywords.truncate(MAX_KEYWORDS);
        }
        let excerpt = collapse(
            &html_to_blocks(&shortcodes::strip(item.field("excerpt:encoded"))).plain_text(),
        );
        let link = item.field("link");
        let url = match link {
            "" => None,
            link if safe_web_address(link).is_some() => Some(link.to_string()),
            link => {
                messages.push(insight_corpus::url_refusal(link));
                None
            }
        };
        let slug = item.field("wp:post_name");
        let article = Article {
            id: choose_id(
                (!slug.is_empty()).then(|| slug.to_string()),
                "",
                &title,
                &published.to_string(),
            ),
            summary: if excerpt.is_empty() {
                first_paragraph(&body.blocks)
            } else {
                shorten(&excerpt, 300)
            },
            title,
            authors,
            source: self.source.clone(),
            published,
            keywords,
            language: self.language.clone(),
            body: body.blocks,
            bio: None,
            url,
        };
        let warnings = messages.into_iter().map(at).collect();
        Entry::checked(self.path, Some(item.line), article, warnings, source_from)
    }
}

/// How messages name an item: its kind and title, else its kind and number.
fn label(item: &Item) -> String {
    let kind = match item.field("wp:post_type") {
        "" => "post",
        kind => kind,
    };
    match plain(item.field("title")).as_str() {
        "" => format!("{kind} {}", item.field("wp:post_id")),
        title => format!("{kind} {:?}", shorten(title, 60)),
    }
}

/// Text WordPress stores HTML-escaped (titles, category names) as plain text.
fn plain(text: &str) -> String {
    if text.contains(['<', '&']) {
        collapse(&html_to_blocks(text).plain_text())
    } else {
        collapse(text)
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
