//! The binary search pieces, each written and read here: term postings, term positions,
//! vocabulary and facet lists. Every piece opens with a four-byte tag naming its kind, so
//! a piece given in place of another is refused; numbers are variable-length and article
//! numbers are stored as gaps from the previous one.

use crate::varint::{Reader, Writer};

const POSTINGS_TAG: &[u8; 4] = b"IXP2";
const POSITIONS_TAG: &[u8; 4] = b"IXQ2";
const VOCABULARY_TAG: &[u8; 4] = b"IXV2";
const FACET_TAG: &[u8; 4] = b"IXF2";

/// One term's articles, ascending, with the weight of the term in each (its BM25
/// term-frequency part, quantised to 1..=255).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TermPostings {
    pub articles: Vec<u32>,
    pub impacts: Vec<u8>,
}

fn tagged(tag: &[u8; 4]) -> Writer {
    Writer(tag.to_vec())
}

fn untagged<'a>(tag: &[u8; 4], bytes: &'a [u8]) -> Option<Reader<'a>> {
    bytes.strip_prefix(tag.as_slice()).map(Reader::new)
}

fn write_gaps(w: &mut Writer, numbers: &[u32]) {
    w.number(numbers.len() as u64);
    let mut previous = 0;
    for (i, &n) in numbers.iter().enumerate() {
        w.number(u64::from(if i == 0 { n } else { n - previous }));
        previous = n;
    }
}

/// Reads ascending numbers written by `write_gaps`, each below `limit`.
fn read_gaps(r: &mut Reader, limit: u32) -> Option<Vec<u32>> {
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    let mut value = 0u32;
    for i in 0..n {
        let gap = r.small()?;
        if i > 0 && gap == 0 {
            return None;
        }
        value = if i == 0 { gap } else { value.checked_add(gap)? };
        if value >= limit {
            return None;
        }
        out.push(value);
    }
    Some(out)
}

/// A postings piece: terms in order, each with its postings.
pub fn write_postings(terms: &[(&str, &TermPostings)]) -> Vec<u8> {
    let mut w = tagged(POSTINGS_TAG);
    w.number(terms.len() as u64);
    for (term, postings) in terms {
        w.text(term);
        write_gaps(&mut w, &postings.articles);
        postings.impacts.iter().for_each(|&i| w.byte(i));
    }
    w.0
}

/// Reads a postings piece of a collection of `articles` articles.
pub fn read_postings(bytes: &[u8], articles: u32) -> Option<Vec<(String, TermPostings)>> {
    let mut r = untagged(POSTINGS_TAG, bytes)?;
    let mut out = Vec::with_capacity(r.count()?);
    for _ in 0..out.capacity() {
        let term = r.text()?;
        let numbers = read_gaps(&mut r, articles)?;
        let impacts = (0..numbers.len())
            .map(|_| r.byte().filter(|&b| b > 0))
            .collect::<Option<Vec<u8>>>()?;
        out.push((
            term,
            TermPostings {
                articles: numbers,
                impacts,
            },
        ));
    }
    r.at_end().then_some(out)
}

/// Where one term stands in each of its articles, gathered article by article (the
/// writer cannot hold every position of a large collection at once).
#[derive(Default)]
pub struct TermPositions {
    articles: usize,
    encoded: Writer,
}

impl TermPositions {
    /// The term's positions in its next article, ascending.
    pub fn push(&mut self, positions: &[u32]) {
        self.articles += 1;
        write_gaps(&mut self.encoded, positions);
    }
}

/// A positions piece: for the same terms as its postings piece, in the same order, where
/// the term stands in each of its articles.
pub fn write_positions(terms: &[&TermPositions]) -> Vec<u8> {
    let mut w = tagged(POSITIONS_TAG);
    w.number(terms.len() as u64);
    terms.iter().for_each(|t| {
        w.number(t.articles as u64);
        w.0.extend_from_slice(&t.encoded.0);
    });
    w.0
}

pub fn read_positions(bytes: &[u8]) -> Option<Vec<Vec<Vec<u32>>>> {
    let mut r = untagged(POSITIONS_TAG, bytes)?;
    let mut out = Vec::with_capacity(r.count()?);
    for _ in 0..out.capacity() {
        let mut term = Vec::with_capacity(r.count()?);
        for _ in 0..term.capacity() {
            term.push(read_gaps(&mut r, u32::MAX)?);
        }
        out.push(term);
    }
    r.at_end().then_some(out)
}

/// A vocabulary piece: terms in order with how many articles hold each.
pub fn write_vocabulary(terms: &[(&str, u32)]) -> Vec<u8> {
    let mut w = tagged(VOCABULARY_TAG);
    w.number(terms.len() as u64);
    for (term, count) in terms {
        w.text(term);
        w.number(u64::from(*count));
    }
    w.0
}

pub fn read_vocabulary(bytes: &[u8]) -> Option<Vec<(String, u32)>> {
    let mut r = untagged(VOCABULARY_TAG, bytes)?;
    let mut out = Vec::with_capacity(r.count()?);
    for _ in 0..out.capacity() {
        out.push((r.text()?, r.small()?));
    }
    r.at_end().then_some(out)
}

/// A facet piece: for each value, the articles carrying it.
pub fn write_facet(values: &[Vec<u32>]) -> Vec<u8> {
    let mut w = tagged(FACET_TAG);
    w.number(values.len() as u64);
    values.iter().for_each(|v| write_gaps(&mut w, v));
    w.0
}

/// Reads a facet piece that must have `values` values over `articles` articles.
pub fn read_facet(bytes: &[u8], values: usize, articles: u32) -> Option<Vec<Vec<u32>>> {
    let mut r = untagged(FACET_TAG, bytes)?;
    if r.count()? != values {
        return None;
    }
    let out = (0..values)
        .map(|_| read_gaps(&mut r, articles))
        .collect::<Option<Vec<_>>>()?;
    r.at_end().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_piece_round_trips() {
        let a = TermPostings {
            articles: vec![0, 3, 9],
            impacts: vec![1, 200, 255],
        };
        let b = TermPostings {
            articles: vec![5],
            impacts: vec![7],
        };
        let bytes = write_postings(&[("bond", &a), ("债券", &b)]);
        assert_eq!(
            read_postings(&bytes, 10).unwrap(),
            [("bond".to_string(), a), ("债券".to_string(), b)]
        );
        assert!(
            read_postings(&bytes, 9).is_none(),
            "an article past the end"
        );
        assert!(read_postings(&bytes[..bytes.len() - 1], 10).is_none());

        let positions = vec![vec![vec![0, 4], vec![2]], vec![vec![7, 8, 100]]];
        let gathered: Vec<TermPositions> = positions
            .iter()
            .map(|per_article| {
                let mut t = TermPositions::default();
                per_article.iter().for_each(|p| t.push(p));
                t
            })
            .collect();
        let refs: Vec<&TermPositions> = gathered.iter().collect();
        assert_eq!(read_positions(&write_positions(&refs)).unwrap(), positions);

        let vocabulary = write_vocabulary(&[("a", 3), ("b", 1)]);
        assert_eq!(
            read_vocabulary(&vocabulary).unwrap(),
            [("a".to_string(), 3), ("b".to_string(), 1)]
        );

        let facet = write_facet(&[vec![1, 2], vec![], vec![0]]);
        assert_eq!(
            read_facet(&facet, 3, 3).unwrap(),
            [vec![1, 2], vec![], vec![0]]
        );
        assert!(read_facet(&facet, 2, 3).is_none());
    }

    #[test]
    fn a_piece_of_another_kind_is_refused() {
        let facet = write_facet(&[vec![1]]);
        assert!(read_postings(&facet, 10).is_none());
        assert!(read_vocabulary(&facet).is_none());
        assert!(read_positions(&facet).is_none());
    }
}
