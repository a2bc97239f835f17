//! The query syntax a reader can guess: plain words (the last one matched as a prefix
//! while typing), `"exact phrase"`, `-exclude`, `author:name`, `source:name`,
//! `kw:keyword`, and `year:2017` or `2015..2018`. Anything else is searched as words;
//! nothing is ever a syntax error.

use crate::fold::fold;
use crate::tokens::{is_han, tokenize};

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Terms every result must contain.
    pub terms: Vec<String>,
    /// The word being typed, matched as the start of a term.
    pub prefix: Option<String>,
    /// Term sequences that must appear next to each other (quoted phrases, Chinese runs).
    pub phrases: Vec<Vec<String>>,
    /// Terms no result may contain.
    pub excluded: Vec<String>,
    /// Folded name parts that an author, source or keyword must match.
    pub authors: Vec<String>,
    pub sources: Vec<String>,
    pub keywords: Vec<String>,
    /// Inclusive year range.
    pub years: Option<(u16, u16)>,
}

impl Query {
    /// Whether the query asks for any text (as opposed to only field filters).
    pub fn has_text(&self) -> bool {
        !self.terms.is_empty() || self.prefix.is_some() || !self.phrases.is_empty()
    }

    /// Every term a result is expected to contain, for highlighting.
    pub fn highlight_terms(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .terms
            .iter()
            .chain(self.phrases.iter().flatten())
            .cloned()
            .collect();
        all.extend(self.prefix.iter().map(|p| format!("{p}*")));
        all
    }
}

/// Splits the query at white space, keeping quoted parts (even after `field:`) together.
fn pieces(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' | '“' | '”' => {
                current.push('"');
                quoted = !quoted;
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    pieces.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

fn year_range(text: &str) -> Option<(u16, u16)> {
    let year = |t: &str| {
        t.parse::<u16>()
            .ok()
            .filter(|y| (1000..=9999).contains(y) && t.len() == 4)
    };
    match text.split_once("..") {
        Some((from, to)) => {
            let (from, to) = (year(from)?, year(to)?);
            Some((from.min(to), from.max(to)))
        }
        None => year(text).map(|y| (y, y)),
    }
}

/// Parses what the reader typed.
pub fn parse_query(text: &str) -> Query {
    let mut query = Query::default();
    let typing = !text.ends_with(char::is_whitespace);
    let pieces = pieces(text);
    for (i, piece) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        let unquote = |t: &str| t.trim_matches('"').to_string();
        if let Some((field, value)) = piece.split_once(':') {
            let value = unquote(value);
            let folded = fold(value.trim());
            let handled = !folded.is_empty()
                && match field.to_ascii_lowercase().as_str() {
                    "author" | "by" => {
                        query.authors.push(folded);
                        true
                    }
                    "source" => {
                        query.sources.push(folded);
                        true
                    }
                    "kw" | "keyword" | "tag" => {
                        query.keywords.push(folded);
                        true
                    }
                    "year" => year_range(&value).map(|r| query.years = Some(r)).is_some(),
                    _ => false,
                };
            if handled {
                continue;
            }
        }
        if let Some(range) = piece.contains("..").then(|| year_range(piece)).flatten() {
            query.years = Some(range);
        } else if let Some(rest) = piece.strip_prefix('-').filter(|r| !r.is_empty()) {
            query
                .excluded
                .extend(tokenize(&unquote(rest)).into_iter().map(|t| t.term));
        } else if piece.starts_with('"') {
            add_phrase(
                &mut query,
                tokenize(&unquote(piece))
                    .into_iter()
                    .map(|t| t.term)
                    .collect(),
            );
        } else {
            add_words(&mut query, piece, last && typing);
        }
    }
    query
}

fn add_phrase(query: &mut Query, terms: Vec<String>) {
    match terms.len() {
        0 => {}
        1 => query.terms.extend(terms),
        _ => query.phrases.push(terms),
    }
}

fn add_words(query: &mut Query, piece: &str, typing: bool) {
    let tokens = tokenize(piece);
    let ends_in_word = piece
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() && !is_han(c));
    let han: Vec<String> = tokens
        .iter()
        .filter(|t| t.term.chars().all(is_han))
        .map(|t| t.term.clone())
        .collect();
    let mut words: Vec<String> = tokens
        .iter()
        .filter(|t| !t.term.chars().all(is_han))
        .map(|t| t.term.clone())
        .collect();
    if han.len() > 1 {
        query.phrases.push(han);
    } else {
        query.terms.extend(han);
    }
    if typing && ends_in_word {
        if let Some(last) = words.pop() {
            // The prefix is matched against indexed (stemmed) terms, so it is stemmed too:
            // "bonds" must reach "bond", and "innovat" still reaches "innovation".
            let raw = fold(
                piece
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or(&last),
            );
            let prefix = crate::stem::stem(&raw).to_string();
            query.prefix = Some(if prefix.is_empty() { last } else { prefix });
        }
    }
    query.terms.extend(words);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_part() {
        let q = parse_query("green \"trade finance\" -tariffs author:\"Mara Lindqvist\" source:harbour kw:China year:2017 ");
        assert_eq!(q.terms, ["green"]);
        assert_eq!(
            q.phrases,
            [vec!["trade".to_string(), "finance".to_string()]]
        );
        assert_eq!(q.excluded, ["tariff"]);
        assert_eq!(q.authors, ["mara lindqvist"]);
        assert_eq!(q.sources, ["harbour"]);
        assert_eq!(q.keywords, ["china"]);
        assert_eq!(q.years, Some((2017, 2017)));
        assert_eq!(q.prefix, None, "a trailing space ends the last word");
    }

    #[test]
    fn the_word_being_typed_is_a_prefix() {
        let q = parse_query("innovation coop");
        assert_eq!(q.terms, ["innovation"]);
        assert_eq!(q.prefix.as_deref(), Some("coop"));
    }

    #[test]
    fn ranges_and_chinese_runs() {
        assert_eq!(parse_query("2018..2015").years, Some((2015, 2018)));
        assert_eq!(
            parse_query("创新合作").phrases,
            [vec![
                "创新".to_string(),
                "新合".to_string(),
                "合作".to_string()
            ]]
        );
    }

    #[test]
    fn nonsense_is_searched_as_words() {
        let q = parse_query("foo:bar year:soon \"unclosed -");
        assert!(q.has_text());
        assert_eq!(
            parse_query(":::\"\"--").terms.len() + parse_query("").terms.len(),
            0
        );
    }
}
