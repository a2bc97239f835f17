//! The search directory: the one search piece fetched before any other. It lists the term
//! pieces (alphabetical ranges of terms, each with its positions piece), the vocabulary
//! pieces used to expand a prefix being typed, and the three facet pieces.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchDirectory {
    /// Term pieces in term order; each holds the terms from its `first` up to the next
    /// piece's `first`.
    pub terms: Vec<TermRange>,
    /// Vocabulary pieces in term order, the same way.
    pub vocabulary: Vec<VocabularyRange>,
    /// For each facet value (numbered as in the manifest), the articles carrying it.
    pub keywords: String,
    pub authors: String,
    pub sources: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermRange {
    pub first: String,
    /// The piece with each term's articles and impacts.
    pub postings: String,
    /// The piece with where each term stands in each article, for phrases.
    pub positions: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyRange {
    pub first: String,
    pub file: String,
}

/// The range a term falls into, among ranges sorted by their first term.
fn range_of<'a>(firsts: impl Iterator<Item = &'a str>, term: &str) -> usize {
    let firsts: Vec<&str> = firsts.collect();
    firsts.partition_point(|f| *f <= term).saturating_sub(1)
}

impl SearchDirectory {
    /// The term piece that holds `term`, if the collection has it at all.
    pub fn term_piece(&self, term: &str) -> usize {
        range_of(self.terms.iter().map(|r| r.first.as_str()), term)
    }

    /// The vocabulary pieces holding every term that starts with `prefix`.
    pub fn vocabulary_pieces(&self, prefix: &str) -> std::ops::Range<usize> {
        let firsts = || self.vocabulary.iter().map(|r| r.first.as_str());
        let start = range_of(firsts(), prefix);
        let end = firsts()
            .position(|f| f > prefix && !f.starts_with(prefix))
            .unwrap_or(self.vocabulary.len())
            .max(start + 1);
        start..end.min(self.vocabulary.len().max(start + 1))
    }

    /// Every piece the directory names.
    pub fn pieces(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .terms
            .iter()
            .flat_map(|t| [t.postings.as_str(), t.positions.as_str()])
            .collect();
        out.extend(self.vocabulary.iter().map(|v| v.file.as_str()));
        out.extend([
            self.keywords.as_str(),
            self.authors.as_str(),
            self.sources.as_str(),
        ]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory(firsts: &[&str]) -> SearchDirectory {
        SearchDirectory {
            terms: firsts
                .iter()
                .map(|f| TermRange {
                    first: f.to_string(),
                    postings: format!("p-{f}"),
                    positions: format!("q-{f}"),
                })
                .collect(),
            vocabulary: firsts
                .iter()
                .map(|f| VocabularyRange {
                    first: f.to_string(),
                    file: format!("v-{f}"),
                })
                .collect(),
            keywords: String::new(),
            authors: String::new(),
            sources: String::new(),
        }
    }

    #[test]
    fn finds_the_piece_of_a_term() {
        let d = directory(&["", "coal", "m", "tax"]);
        assert_eq!(d.term_piece("a"), 0);
        assert_eq!(d.term_piece("coal"), 1);
        assert_eq!(d.term_piece("cooperation"), 1);
        assert_eq!(d.term_piece("zinc"), 3);
    }

    #[test]
    fn a_prefix_may_span_pieces() {
        let d = directory(&["", "coal", "coop", "d"]);
        assert_eq!(d.vocabulary_pieces("co"), 0..3);
        assert_eq!(d.vocabulary_pieces("coo"), 1..3);
        assert_eq!(d.vocabulary_pieces("zz"), 3..4);
        assert_eq!(d.vocabulary_pieces("b"), 0..1);
    }
}
