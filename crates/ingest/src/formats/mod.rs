//! The input formats, how a file's format is recognised, and reading one file.

pub mod feed;
pub(crate) mod front_matter;
pub mod html_page;
pub mod markdown;
pub mod page_text;
pub mod records;
pub mod wordpress;

use crate::entry::Entry;
use crate::error::IngestError;
use crate::options::Options;
use std::path::Path;

/// The formats the ingest tool reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    PageText,
    Json,
    JsonLines,
    Feed,
    WordPress,
    HtmlPage,
}

impl Format {
    /// The format's name in a report: what kind of file an article came from.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::PageText => "saved page text",
            Format::Json => "JSON records",
            Format::JsonLines => "JSON Lines records",
            Format::Feed => "RSS or Atom feed items",
            Format::WordPress => "WordPress export posts",
            Format::HtmlPage => "saved HTML pages",
        }
    }
}

/// Recognises a file's format by its extension, or by its content when the extension
/// says nothing. `None`: not an article file.
pub fn detect(path: &Path, bytes: &[u8]) -> Option<Format> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "md" | "markdown" | "mdown" => return Some(Format::Markdown),
        "json" => return Some(Format::Json),
        "html" | "htm" | "xhtml" => return Some(Format::HtmlPage),
        "jsonl" | "ndjson" => return Some(Format::JsonLines),
        "xml" | "rss" if wordpress::looks_like_export(bytes) => return Some(Format::WordPress),
        "xml" | "rss" | "atom" => return Some(Format::Feed),
        _ => {}
    }
    let text = std::str::from_utf8(&bytes[..bytes.len().min(64 * 1024)]).unwrap_or("");
    if wordpress::looks_like_export(bytes) {
        Some(Format::WordPress)
    } else if feed::looks_like_feed(bytes) {
        Some(Format::Feed)
    } else if page_text::looks_like_page_text(text) {
        Some(Format::PageText)
    } else {
        None
    }
}

/// Reads one file into its entries; `Err` when the file as a whole cannot be read.
pub fn read(path: &Path, bytes: &[u8], options: &Options) -> Result<Vec<Entry>, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(vec![Entry::Skip("empty file".to_string())]);
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Ok(vec![Entry::Skip("binary file, not an article".to_string())]);
    }
    let Some(format) = detect(path, bytes) else {
        return Ok(vec![Entry::Skip(
            "not an article file (articles are .md, .txt or .html saved pages, .json, .jsonl, feeds or WordPress exports)"
                .to_string(),
        )]);
    };
    Ok(match format {
        Format::Feed => feed::read(path, bytes, options)?,
        Format::WordPress => wordpress::read(path, decode(path, bytes)?, options),
        Format::HtmlPage => vec![html_page::read(path, &html_page_text(bytes), options)],
        Format::Markdown => vec![markdown::read(path, decode(path, bytes)?, options)],
        Format::PageText => vec![page_text::read(path, decode(path, bytes)?, options)],
        Format::Json => records::read_json(path, decode(path, bytes)?, options)?,
        Format::JsonLines => records::read_json_lines(path, decode(path, bytes)?, options),
    })
}

/// A saved page's text: UTF-8, or Latin-1 (ISO 8859-1) where it is not, so a page saved
/// in an older encoding still reads.
fn html_page_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// The file as UTF-8 text without a byte-order mark.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, IngestError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        IngestError::new(
            path,
            Some(line_of_offset(bytes, offset)),
            format!("not UTF-8 text (bad byte at offset {offset}); save the file as UTF-8"),
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn line_of_offset(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
