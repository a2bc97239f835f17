//! Showing why a result matched: the query's terms marked in a text, and a short
//! snippet of the body around the best cluster of matches.

use crate::query::Query;
use crate::tokens::{tokenize, Token};

/// A piece of text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub marked: bool,
}

fn matches(token: &Token, terms: &[String], prefix: Option<&str>) -> bool {
    terms.contains(&token.term) || prefix.is_some_and(|p| token.term.starts_with(p))
}

fn query_terms(query: &Query) -> (Vec<String>, Option<&str>) {
    let terms = query
        .terms
        .iter()
        .chain(query.phrases.iter().flatten())
        .cloned()
        .collect();
    (terms, query.prefix.as_deref())
}

/// Splits `text` into marked and unmarked spans, marking every token that matches.
pub fn highlight(text: &str, query: &Query) -> Vec<Span> {
    let (terms, prefix) = query_terms(query);
    let ranges: Vec<(usize, usize)> = tokenize(text)
        .iter()
        .filter(|t| matches(t, &terms, prefix))
        .map(|t| (t.start, t.end))
        .collect();
    spans(text, 0, text.len(), &ranges)
}

/// About `words` words of `text` around the densest cluster of matches, with the matches
/// marked, and "…" where the text was cut.
pub fn snippet(text: &str, query: &Query, words: usize) -> Vec<Span> {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return Vec::new();
    }
    let (terms, prefix) = query_terms(query);
    let hits: Vec<bool> = tokens.iter().map(|t| matches(t, &terms, prefix)).collect();
    let window = words.min(tokens.len()).max(1);
    let mut best = (0, 0);
    let mut count: usize = hits[..window].iter().filter(|&&h| h).count();
    best.1 = count;
    for start in 1..=tokens.len() - window {
        count = count + usize::from(hits[start + window - 1]) - usize::from(hits[start - 1]);
        if count > best.1 {
            best = (start, count);
        }
    }
    // Start a little before the first match of the window so it reads in context.
    let first_hit = (best.0..best.0 + window)
        .find(|&i| hits[i])
        .unwrap_or(best.0);
    let start_token = first_hit
        .saturating_sub(window / 4)
        .min(tokens.len() - window);
    let end_token = start_token + window - 1;
    let start = if start_token == 0 {
        0
    } else {
        tokens[start_token].start
    };
    let end = if end_token + 1 == tokens.len() {
        text.len()
    } else {
        tokens[end_token].end
    };
    let ranges: Vec<(usize, usize)> = tokens[start_token..=end_token]
        .iter()
        .zip(&hits[start_token..=end_token])
        .filter(|(_, &h)| h)
        .map(|(t, _)| (t.start, t.end))
        .collect();
    let mut out = spans(text, start, end, &ranges);
    if start > 0 {
        out.insert(
            0,
            Span {
                text: "… ".to_string(),
                marked: false,
            },
        );
    }
    if end < text.len() {
        out.push(Span {
            text: " …".to_string(),
            marked: false,
        });
    }
    out
}

/// `text[start..end]` cut into spans at the marked `ranges` (sorted, possibly overlapping).
fn spans(text: &str, start: usize, end: usize, ranges: &[(usize, usize)]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = start;
    let push = |from: usize, to: usize, marked: bool, out: &mut Vec<Span>| {
        if from < to {
            match out.last_mut() {
                Some(Span { text: t, marked: m }) if *m == marked => t.push_str(&text[from..to]),
                _ => out.push(Span {
                    text: text[from..to].to_string(),
                    marked,
                }),
            }
        }
    };
    for &(from, to) in ranges {
        let from = from.max(at);
        if to <= from {
            continue;
        }
        push(at, from, false, &mut out);
        push(from, to, true, &mut out);
        at = to;
    }
    push(at, end, false, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse_query;

    fn render(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| {
                if s.marked {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn marks_stems_prefixes_and_chinese() {
        let q = parse_query("创新 innovation coop");
        assert_eq!(
            render(&highlight("Innovations need cooperation; 区域创新合作", &q)),
            "[Innovations] need [cooperation]; 区域[创新]合作"
        );
    }

    #[test]
    fn snippet_centres_on_the_matches() {
        let text = (0..200)
            .map(|i| {
                if i == 150 {
                    "tariffs".to_string()
                } else {
                    format!("w{i}")
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let out = render(&snippet(&text, &parse_query("tariff "), 20));
        assert!(out.starts_with("… ") && out.ends_with(" …"), "{out}");
        assert!(out.contains("[tariffs]"));
        assert!(out.split_whitespace().count() <= 24);
    }

    #[test]
    fn snippet_of_a_short_text_is_the_text() {
        assert_eq!(
            render(&snippet("Green bonds.", &parse_query("bond "), 30)),
            "Green [bonds]."
        );
    }
}
