//! Splitting text into search terms: folded, lightly stemmed words, and overlapping pairs
//! of Chinese characters (a lone character stands for itself). Each token remembers
//! where it came from, for highlighting, and its position, for phrases.

use crate::fold::push_folded;
use crate::stem::stem;

/// A search term found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Position among the text's tokens; consecutive tokens are adjacent.
    pub position: u32,
}

/// Whether `c` is a Chinese (Han) character.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2a6df}')
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_token(text, |term, start, end| {
        let position = tokens.len() as u32;
        tokens.push(Token {
            term: term.to_string(),
            start,
            end,
            position,
        });
    });
    tokens
}

/// Calls `visit(term, start, end)` for each token of `text`, without collecting them.
///
/// Runs of ASCII letters and digits, most of any English text, take a fast path over
/// bytes; anything else goes through the general path one character at a time.
pub fn for_each_token(text: &str, mut visit: impl FnMut(&str, usize, usize)) {
    let bytes = text.as_bytes();
    let mut word = String::new();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii_alphanumeric() {
            let mut end = at + 1;
            let mut upper = b.is_ascii_uppercase();
            while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                upper |= bytes[end].is_ascii_uppercase();
                end += 1;
            }
            if end == bytes.len() || bytes[end].is_ascii() {
                let raw = &text[at..end];
                if upper {
                    word.clear();
                    word.push_str(raw);
                    word.make_ascii_lowercase();
                    visit(stem(&word), at, end);
                } else {
                    visit(stem(raw), at, end);
                }
                at = end;
                continue;
            }
        } else if b.is_ascii() {
            at += 1;
            continue;
        }
        at = general(text, at, &mut word, &mut visit);
    }
}

/// Reads one token (a word with non-ASCII letters, or Chinese) starting at byte `at`,
/// or skips one separator character; returns where to continue.
fn general(
    text: &str,
    at: usize,
    word: &mut String,
    visit: &mut impl FnMut(&str, usize, usize),
) -> usize {
    let mut chars = text[at..]
        .char_indices()
        .map(|(i, c)| (i + at, c))
        .peekable();
    let Some((start, c)) = chars.next() else {
        return text.len();
    };
    let after = start + c.len_utf8();
    if is_han(c) {
        match chars.peek() {
            Some(&(next_start, next)) if is_han(next) => {
                let end = next_start + next.len_utf8();
                visit(&text[start..end], start, end);
            }
            _ if !text[..start].chars().next_back().is_some_and(is_han) => {
                visit(&text[start..after], start, after)
            }
            _ => {}
        }
        return after;
    }
    if !is_word(c) {
        return after;
    }
    word.clear();
    push_folded(c, word);
    let mut end = after;
    while let Some(&(i, next)) = chars.peek() {
        if !is_word(next) {
            break;
        }
        push_folded(next, word);
        end = i + next.len_utf8();
        chars.next();
    }
    visit(stem(word), start, end);
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn words_are_folded_and_stemmed() {
        assert_eq!(
            terms("Café Innovations, R&D in 2021!"),
            ["cafe", "innovation", "r", "d", "in", "2021"]
        );
    }

    #[test]
    fn chinese_becomes_overlapping_pairs() {
        assert_eq!(
            terms("区域创新合作"),
            ["区域", "域创", "创新", "新合", "合作"]
        );
        assert_eq!(terms("新 China 合作"), ["新", "china", "合作"]);
        let tokens = tokenize("创新合作");
        assert_eq!(&"创新合作"[tokens[2].start..tokens[2].end], "合作");
    }

    #[test]
    fn mixed_scripts_and_accents_take_the_general_path() {
        assert_eq!(
            terms("naïve Zürich-based café's"),
            ["naive", "zurich", "based", "cafe", "s"]
        );
        let tokens = tokenize("x Café");
        assert_eq!(&"x Café"[tokens[1].start..tokens[1].end], "Café");
    }

    #[test]
    fn positions_follow_order() {
        let tokens = tokenize("a b 创新合作");
        assert!(tokens
            .windows(2)
            .all(|w| w[1].position == w[0].position + 1));
    }
}
