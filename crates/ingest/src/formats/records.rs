//! JSON and JSON Lines files of article records: a list of records, a corpus (an object
//! with `articles`), or one record per line. Records use the corpus's own article shape
//! or common aliases (`author`, `date`, `tags`…); a body may be corpus blocks, Markdown
//! text, or HTML (`body_html`, `content_html`).

use crate::blocks::html::html_to_blocks;
use crate::blocks::markdown::markdown_to_blocks;
use crate::blocks::Conversion;
use crate::entry::Entry;
use crate::error::IngestError;
use crate::fields::Fields;
use crate::options::Options;
use crate::record::{build, Place};
use insight_corpus::cores::on_every_core;
use insight_corpus::Block;
use serde_json::value::RawValue;
use serde_json::Value;
use std::path::Path;

/// Reads a JSON file: a list of records or an object with an `articles` list.
pub fn read_json(path: &Path, text: &str, options: &Options) -> Result<Vec<Entry>, IngestError> {
    #[derive(serde::Deserialize)]
    struct Wrapped<'a> {
        #[serde(borrow)]
        articles: Vec<&'a RawValue>,
    }
    let records: Vec<&RawValue> = match serde_json::from_str::<Vec<&RawValue>>(text) {
        Ok(records) => records,
        Err(_) if text.trim_start().starts_with('{') => serde_json::from_str::<Wrapped>(text)
            .map(|w| w.articles)
            .map_err(|e| json_error(path, &e, "expected an object with an \"articles\" list"))?,
        Err(e) => return Err(json_error(path, &e, "expected a list of article records")),
    };
    let mut lines = insight_corpus::LineCounter::new(text);
    let placed: Vec<(&str, usize)> = records
        .iter()
        .map(|raw| (raw.get(), lines.line_of(raw.get())))
        .collect();
    // One archive of many records is most of a large run: its records are read on all
    // cores.
    Ok(on_every_core(&placed, |&(json, line)| {
        read_record(path, json, line, options)
    }))
}

/// Reads a JSON Lines file: one record per non-blank line.
pub fn read_json_lines(path: &Path, text: &str, options: &Options) -> Vec<Entry> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| read_record(path, line, i + 1, options))
        .collect()
}

fn json_error(path: &Path, error: &serde_json::Error, expected: &str) -> IngestError {
    let message = insight_corpus::json_message(error);
    IngestError::new(
        path,
        Some(error.line().max(1)),
        format!("not readable JSON: {message} ({expected})"),
    )
}

fn read_record(path: &Path, json: &str, line: usize, options: &Options) -> Entry {
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(e) => {
            return Entry::error(
                json_error(
                    path,
                    &e,
                    "each record must be one JSON object of article fields",
                )
                .with_line(line + e.line().saturating_sub(1)),
            )
        }
    };
    let Value::Object(map) = value else {
        return Entry::error(IngestError::new(
            path,
            Some(line),
            "record: expected an object of article fields",
        ));
    };
    let fields = Fields::new(&map);
    let body = match body_of(&fields) {
        Ok(body) => body,
        Err(message) => {
            return Entry::error(IngestError::new(
                path,
                Some(line),
                format!("record: {message}"),
            ))
        }
    };
    let stem = "";
    let line_of = |_: &str| None;
    let place = Place {
        path,
        stem,
        line: Some(line),
        line_of: &line_of,
        what: "record",
        assignment: ": ",
    };
    build(&fields, body, &place, options)
}

/// The body in whichever shape the record has it.
fn body_of(fields: &Fields) -> Result<Conversion, String> {
    if let Some((_, Value::String(html))) = fields.raw(&["body_html", "content_html", "html"]) {
        return Ok(html_to_blocks(html));
    }
    match fields.raw(&["body", "content", "text", "markdown"]) {
        None | Some((_, Value::Null)) => Ok(Conversion::default()),
        Some((_, Value::String(markdown))) => Ok(markdown_to_blocks(markdown)),
        Some((name, blocks @ Value::Array(_))) => {
            <Vec<Block> as serde::Deserialize>::deserialize(blocks)
                .map(crate::blocks::sanitize)
                .map_err(|e| format!("'{name}' is a list but not of corpus blocks: {e}"))
        }
        Some((name, _)) => Err(format!(
            "'{name}' must be text (Markdown), HTML in body_html, or a list of corpus blocks"
        )),
    }
}
