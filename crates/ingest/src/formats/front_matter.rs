//! Front matter at the top of a Markdown file: YAML between `---` lines (Jekyll, Hugo),
//! TOML between `+++` lines (Zola, Hugo) or a JSON object (Hugo), read into one loose
//! record shape.

use crate::error::IngestError;
use serde_json::{Map, Value};
use std::path::Path;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml,
    Toml,
    Json,
}

/// A Markdown file split into its front matter and body.
pub struct Document<'a> {
    syntax: Syntax,
    pub front: &'a str,
    /// The 1-based line of the file where the front matter's first line is.
    pub front_line: usize,
    pub body: &'a str,
}

/// Splits `text` at its front matter fences; `Ok(None)` means it has no front matter.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Option<Document<'a>>, IngestError> {
    let first_line = text.lines().next().unwrap_or("").trim_end();
    if first_line.starts_with('{') {
        return Ok(Some(json_front(text)));
    }
    let (syntax, fence) = match first_line {
        "---" => (Syntax::Yaml, "---"),
        "+++" => (Syntax::Toml, "+++"),
        _ => return Ok(None),
    };
    let after_open = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = after_open;
    for line in text[after_open..].split_inclusive('\n') {
        let line_text = line.trim_end();
        if line_text == fence || (syntax == Syntax::Yaml && line_text == "...") {
            return Ok(Some(Document {
                syntax,
                front: &text[after_open..offset],
                front_line: 2,
                body: &text[offset + line.len()..],
            }));
        }
        offset += line.len();
    }
    Err(IngestError::new(path, Some(1), format!("front matter: the opening {fence} line has no closing {fence} line; add one after the last field")))
}

/// Hugo's JSON front matter: the object at the top, the body after it. An object that
/// does not end is all front matter, and its error is reported when it is read.
fn json_front(text: &str) -> Document<'_> {
    let mut objects = serde_json::Deserializer::from_str(text).into_iter::<serde::de::IgnoredAny>();
    let end = match objects.next() {
        Some(Ok(_)) => objects.byte_offset(),
        _ => text.len(),
    };
    Document {
        syntax: Syntax::Json,
        front: &text[..end],
        front_line: 1,
        body: &text[end..],
    }
}

impl Document<'_> {
    /// Parses the front matter into a record, reporting syntax errors at their line.
    pub fn fields(&self, path: &Path) -> Result<Map<String, Value>, IngestError> {
        let value = match self.syntax {
            Syntax::Toml => toml::from_str::<toml::Table>(self.front)
                .map(toml_to_json)
                .map_err(|e| {
                    let line = e.span().map(|span| {
                        self.front[..span.start.min(self.front.len())]
                            .matches('\n')
                            .count()
                            + 1
                    });
                    (
                        line,
                        format!("{} (TOML between +++ lines)", e.message().trim()),
                    )
                }),
            Syntax::Json => serde_json::from_str::<Value>(self.front).map_err(|e| {
                (
                    Some(e.line().max(1)),
                    format!(
                        "{} (JSON object at the top)",
                        insight_corpus::json_message(&e)
                    ),
                )
            }),
            Syntax::Yaml => serde_saphyr::from_str::<Value>(self.front).map_err(|e| {
                let line = e.location().map(|l| l.line() as usize).filter(|&l| l > 0);
                let message = e.to_string();
                let first = message.lines().next().unwrap_or("invalid YAML").trim();
                // The library prefixes "error: line L column C: "; the caller adds the line.
                let first = first.strip_prefix("error: ").unwrap_or(first);
                let first = match first.split_once(": ") {
                    Some((place, rest)) if place.starts_with("line ") => rest,
                    _ => first,
                };
                let first = first.to_string();
                (line, format!("{first} (YAML between --- lines)"))
            }),
        };
        let value = value.map_err(|(line, message)| {
            let line = line
                .map(|l| l + self.front_line - 1)
                .or(Some(self.front_line));
            IngestError::new(path, line, format!("front matter: {message}"))
        })?;
        match value {
            Value::Object(map) => Ok(map),
            Value::Null => Ok(Map::new()),
            _ => Err(IngestError::new(
                path,
                Some(self.front_line),
                "front matter: expected fields such as `title: …`, found a single value",
            )),
        }
    }

    /// How this front matter assigns a value: `" = "` in TOML, `": "` in YAML.
    pub fn assignment(&self) -> &'static str {
        match self.syntax {
            Syntax::Toml => " = ",
            Syntax::Yaml | Syntax::Json => ": ",
        }
    }

    /// The file line of the front matter field `key`, for error messages.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.front
            .lines()
            .position(|line| {
                // JSON front matter quotes its keys.
                let line = line.trim_start();
                let line = line.strip_prefix('"').unwrap_or(line);
                let rest = line
                    .strip_prefix(key)
                    .map(|r| r.strip_prefix('"').unwrap_or(r).trim_start());
                rest.is_some_and(|rest| rest.starts_with('=') || rest.starts_with(':'))
            })
            .map(|i| i + self.front_line)
    }
}

/// TOML to the loose record shape; dates and times become their text.
pub(crate) fn toml_to_json(table: toml::Table) -> Value {
    fn convert(value: toml::Value) -> Value {
        match value {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => Value::from(i),
            toml::Value::Float(f) => {
                serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
            }
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(items) => Value::Array(items.into_iter().map(convert).collect()),
            toml::Value::Table(table) => {
                Value::Object(table.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    convert(toml::Value::Table(table))
}
