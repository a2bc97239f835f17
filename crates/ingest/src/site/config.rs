//! A site's settings file (YAML, TOML or JSON) read into one loose shape, with errors at
//! their line, and the lookups the generators' settings need.

use crate::error::IngestError;
use crate::formats::front_matter::toml_to_json;
use serde_json::{Map, Value};
use std::path::Path;

/// The settings in `path`, as a table of fields.
pub fn read(path: &Path) -> Result<Map<String, Value>, IngestError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| IngestError::new(path, None, format!("cannot read: {e}")))?;
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let value = match extension {
        "toml" => toml::from_str::<toml::Table>(&text)
            .map(toml_to_json)
            .map_err(|e| {
                let line = e.span().map(|s| line_at(s.start));
                (line, format!("{} (TOML)", e.message().trim()))
            }),
        "json" => serde_json::from_str::<Value>(&text).map_err(|e| {
            (
                Some(e.line().max(1)),
                format!("{} (JSON)", insight_corpus::json_message(&e)),
            )
        }),
        _ => serde_saphyr::from_str::<Value>(&text).map_err(|e| {
            let line = e.location().map(|l| l.line() as usize).filter(|&l| l > 0);
            let message = e.to_string();
            let first = message.lines().next().unwrap_or("invalid YAML").trim();
            let first = first.strip_prefix("error: ").unwrap_or(first);
            let first = match first.split_once(": ") {
                Some((place, rest)) if place.starts_with("line ") => rest,
                _ => first,
            };
            (line, format!("{first} (YAML)"))
        }),
    };
    match value {
        Ok(Value::Object(map)) => Ok(map),
        Ok(Value::Null) => Ok(Map::new()),
        Ok(_) => Err(IngestError::new(
            path,
            Some(1),
            "expected settings such as `title: …`, found a single value",
        )),
        Err((line, message)) => Err(IngestError::new(
            path,
            line,
            format!("site settings: {message}; fix it so the site's title and address can be read"),
        )),
    }
}

/// A text setting, looked up by any of `names` (case-insensitively, as Hugo does).
pub fn text(map: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        let value = map
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)?;
        match value {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        }
    })
}

/// A table setting, looked up case-insensitively.
pub fn table<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a Map<String, Value>> {
    map.iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.as_object())
}

/// A yes/no setting, looked up case-insensitively.
pub fn flag(map: &Map<String, Value>, name: &str) -> Option<bool> {
    map.iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.as_bool())
}

/// A list of words (or one word), looked up case-insensitively.
pub fn words(map: &Map<String, Value>, name: &str) -> Vec<String> {
    match map
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
    {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// An author setting: a name, or a table with a `name` (the minima theme's `author:`).
pub fn author(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(fields) => text(fields, &["name"]),
        _ => None,
    }
}

/// A base address without its trailing `/`, if it is a full `http(s)` address.
pub fn base_url(url: &str) -> Option<String> {
    let url = url.trim().trim_end_matches('/');
    insight_corpus::link::safe_web_address(url).map(str::to_string)
}
