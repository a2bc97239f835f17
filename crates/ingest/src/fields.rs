//! Reading article fields out of loosely shaped records (front matter, JSON), accepting
//! the common aliases that blog engines and exports use (`author`, `tags`, `date`…).

use crate::dates::parse_date;
use insight_corpus::Date;
use serde_json::{Map, Value};

/// A record's fields, looked up by any of several names.
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
}

/// A field that is present but unusable: which field, and why.
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl<'a> Fields<'a> {
    pub fn new(map: &'a Map<String, Value>) -> Self {
        Fields { map }
    }

    /// The first of `names` that is present, with its name.
    fn find(&self, names: &[&str]) -> Option<(&'a str, &'a Value)> {
        names
            .iter()
            .find_map(|name| self.map.get_key_value(*name))
            .map(|(k, v)| (k.as_str(), v))
    }

    /// A text field; numbers and booleans are written out, empty text counts as absent.
    pub fn text(&self, names: &[&str]) -> Result<Option<String>, FieldError> {
        match self.find(names) {
            None | Some((_, Value::Null)) => Ok(None),
            Some((_, Value::String(s))) if s.trim().is_empty() => Ok(None),
            Some((_, Value::String(s))) => Ok(Some(s.trim().to_string())),
            Some((_, v @ (Value::Number(_) | Value::Bool(_)))) => Ok(Some(v.to_string())),
            Some((name, other)) => Err(FieldError {
                field: name.to_string(),
                message: format!("is {}, not text", kind(other)),
            }),
        }
    }

    /// A list of names or words, written as one string or a list of strings (or of
    /// objects with a `name`, as some exports write authors).
    pub fn list(&self, names: &[&str]) -> Result<Option<Vec<String>>, FieldError> {
        let Some((name, value)) = self.find(names) else {
            return Ok(None);
        };
        let item = |v: &Value| match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Object(o) => o
                .get("name")
                .and_then(Value::as_str)
                .map(|s| s.trim().to_string()),
            _ => None,
        };
        let items: Option<Vec<String>> = match value {
            Value::Null => return Ok(None),
            Value::Array(values) => values.iter().map(item).collect(),
            single => item(single).map(|s| vec![s]),
        };
        match items {
            Some(items) => Ok(Some(items.into_iter().filter(|s| !s.is_empty()).collect())),
            None => Err(FieldError {
                field: name.to_string(),
                message: "is not a name or a list of names".to_string(),
            }),
        }
    }

    /// People's names: a list as given, or one text that may name several people
    /// ("A and B", "A, B and C"), split where each part reads as a name.
    pub fn names(&self, names: &[&str]) -> Result<Option<Vec<String>>, FieldError> {
        match self.find(names) {
            Some((_, Value::String(text))) if !text.trim().is_empty() => {
                Ok(Some(crate::names::split_names(text)))
            }
            _ => self.list(names),
        }
    }

    /// Keywords from `keywords`, `tags`, `categories` and Zola's `[taxonomies]`, merged
    /// in that order without repeats.
    pub fn keywords(&self) -> Result<Vec<String>, FieldError> {
        let mut keywords: Vec<String> = Vec::new();
        let mut add = |more: Vec<String>| {
            for keyword in more {
                if !keywords
                    .iter()
                    .any(|k| k.to_lowercase() == keyword.to_lowercase())
                {
                    keywords.push(keyword);
                }
            }
        };
        for name in ["keywords", "tags", "categories"] {
            add(self.list(&[name])?.unwrap_or_default());
        }
        if let Some(Value::Object(taxonomies)) = self.map.get("taxonomies") {
            let inner = Fields::new(taxonomies);
            for name in ["keywords", "tags", "categories"] {
                add(inner.list(&[name])?.unwrap_or_default());
            }
        }
        Ok(keywords)
    }

    /// A date field in any accepted form.
    pub fn date(&self, names: &[&str]) -> Result<Option<Date>, FieldError> {
        match self.find(names) {
            None | Some((_, Value::Null)) => Ok(None),
            Some((name, Value::String(s))) => parse_date(s).map(Some).ok_or_else(|| FieldError {
                field: name.to_string(),
                message: format!("is {s:?}, not a date (expected YYYY-MM-DD)"),
            }),
            Some((name, other)) => Err(FieldError {
                field: name.to_string(),
                message: format!("is {}, not a date (expected YYYY-MM-DD)", kind(other)),
            }),
        }
    }

    /// A yes/no field (`draft: true`, also written as a string).
    pub fn flag(&self, names: &[&str]) -> bool {
        match self.find(names) {
            Some((_, Value::Bool(b))) => *b,
            Some((_, Value::String(s))) => {
                matches!(s.trim().to_ascii_lowercase().as_str(), "true" | "yes")
            }
            _ => false,
        }
    }

    /// Whether the field is the yes/no value `false` (Jekyll's `published: false`). A date
    /// under the same name (Hugo's `published`) is not.
    pub fn is_false(&self, name: &str) -> bool {
        matches!(self.map.get(name), Some(Value::Bool(false)))
    }

    /// A list of names found inside one of the `containers` tables, as themes keep
    /// `[extra] author` (Zola) or `params.author` (Hugo); unusable values count as absent.
    pub fn nested_list(&self, containers: &[&str], names: &[&str]) -> Option<Vec<String>> {
        containers
            .iter()
            .find_map(|container| match self.map.get(*container) {
                Some(Value::Object(inner)) => Fields::new(inner)
                    .list(names)
                    .ok()
                    .flatten()
                    .filter(|list| !list.is_empty()),
                _ => None,
            })
    }

    /// The raw value of a field, for shapes a reader handles itself (bodies).
    pub fn raw(&self, names: &[&str]) -> Option<(&'a str, &'a Value)> {
        self.find(names)
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "a yes/no value",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table of fields",
    }
}

/// A date in a path such as Zola's `path = "2019/03/02/slug"` or a file name such as
/// `2019-03-02-slug.md`.
pub fn date_in_path(path: &str) -> Option<Date> {
    let digits: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    digits.windows(3).find_map(|w| {
        let ok = w[0].len() == 4 && w[1].len() == 2 && w[2].len() == 2;
        ok.then(|| parse_date(&format!("{}-{}-{}", w[0], w[1], w[2])))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn with(value: Value, check: impl FnOnce(Fields)) {
        let map = value.as_object().unwrap().clone();
        check(Fields::new(&map));
    }

    #[test]
    fn accepts_aliases_and_shapes() {
        with(
            json!({"author": "A", "tags": ["x", "Y"], "categories": "y", "taxonomies": {"keywords": ["z"]}}),
            |f| {
                assert_eq!(
                    f.list(&["authors", "author"]).ok().flatten(),
                    Some(vec!["A".to_string()])
                );
                assert_eq!(
                    f.keywords().ok(),
                    Some(vec!["x".to_string(), "Y".to_string(), "z".to_string()])
                );
            },
        );
        with(json!({"authors": [{"name": "B"}, "C"]}), |f| {
            assert_eq!(
                f.list(&["authors"]).ok().flatten(),
                Some(vec!["B".to_string(), "C".to_string()])
            );
        });
    }

    #[test]
    fn reports_unusable_fields() {
        with(json!({"date": "2019-13-02", "title": ["a"]}), |f| {
            let err = f.date(&["date"]).err().unwrap();
            assert_eq!(
                format!("'{}' {}", err.field, err.message),
                "'date' is \"2019-13-02\", not a date (expected YYYY-MM-DD)"
            );
            assert!(f.text(&["title"]).is_err());
        });
    }

    #[test]
    fn finds_dates_in_paths() {
        assert_eq!(
            date_in_path("2019/03/02/slug")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-03-02")
        );
        assert_eq!(
            date_in_path("2019-03-02-slug.md")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-03-02")
        );
        assert_eq!(date_in_path("notes/slug.md"), None);
    }
}
