//! Saving a built index as bytes and reading it back, so a site can ship the index its
//! corpus tool built instead of making every reader's browser build it. Numbers are
//! variable-length; term frequencies and lengths are sums of the field weights, which
//! are multiples of one half, so they are stored exactly as whole numbers of halves.

use crate::index::{Doc, Posting, SearchIndex, Values, GAP};
use crate::varint::{Reader, Writer};
use insight_corpus::{Article, Date};
use rustc_hash::FxHashMap;

const MAGIC: &[u8; 8] = b"IXSRCH01";

/// A fingerprint of the articles' ids in order: an index fits a list only if they match.
fn fingerprint<'a>(ids: impl Iterator<Item = &'a str>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for id in ids {
        for byte in id.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

impl SearchIndex {
    /// The index as bytes, marked with a fingerprint of `articles`, the list it was built
    /// from.
    pub fn to_bytes(&self, articles: &[Article]) -> Vec<u8> {
        let mut w = Writer(MAGIC.to_vec());
        w.number(fingerprint(articles.iter().map(|a| a.id.as_str())));
        w.number(self.docs.len() as u64);
        let mut terms = vec![""; self.dictionary.len()];
        self.dictionary
            .iter()
            .for_each(|(term, &id)| terms[id as usize] = term);
        w.number(terms.len() as u64);
        for (id, term) in terms.iter().enumerate() {
            w.text(term);
            let postings = self.postings_of(id as u32);
            w.number(postings.len() as u64);
            let mut previous = 0;
            for p in postings {
                w.number(u64::from(p.doc - previous));
                w.halves(p.tf);
                previous = p.doc;
            }
        }
        for (d, doc) in self.docs.iter().enumerate() {
            let terms = &self.sequence[self.starts[d]..self.starts[d + 1]];
            w.number(terms.len() as u64);
            terms
                .iter()
                .for_each(|&t| w.number(if t == GAP { 0 } else { u64::from(t) + 1 }));
            w.halves(doc.len);
            w.number(
                u64::from(doc.published.year()) * 10_000
                    + u64::from(doc.published.month()) * 100
                    + u64::from(doc.published.day()),
            );
            for list in [&doc.keywords, &doc.authors] {
                w.number(list.len() as u64);
                list.iter().for_each(|&v| w.number(u64::from(v)));
            }
            w.number(u64::from(doc.source));
        }
        for values in [&self.keywords, &self.authors, &self.sources] {
            w.number(values.labels.len() as u64);
            values.labels.iter().for_each(|label| w.text(label));
        }
        w.0
    }

    /// Reads an index saved by [`SearchIndex::to_bytes`], if the bytes are one and it was
    /// built from exactly these `articles`, in this order.
    pub fn from_bytes(bytes: &[u8], articles: &[Article]) -> Option<SearchIndex> {
        let mut r = Reader::new(bytes.strip_prefix(MAGIC.as_slice())?);
        if r.number()? != fingerprint(articles.iter().map(|a| a.id.as_str())) {
            return None;
        }
        let doc_count = r.count()?;
        if doc_count != articles.len() {
            return None;
        }
        let term_count = r.count()?;
        let mut dictionary = FxHashMap::default();
        let mut postings = Vec::new();
        let mut offsets = Vec::with_capacity(term_count + 1);
        offsets.push(0u32);
        for id in 0..term_count {
            dictionary.insert(r.text()?.into_boxed_str(), id as u32);
            let mut doc = 0u32;
            for _ in 0..r.count()? {
                doc = doc.checked_add(r.small()?)?;
                if doc as usize >= doc_count {
                    return None;
                }
                postings.push(Posting {
                    doc,
                    tf: r.halves()?,
                });
            }
            offsets.push(u32::try_from(postings.len()).ok()?);
        }
        let mut sequence = Vec::new();
        let mut starts = vec![0usize];
        let mut docs = Vec::with_capacity(doc_count);
        for _ in 0..doc_count {
            for _ in 0..r.count()? {
                let t = r.small()?;
                sequence.push(if t == 0 { GAP } else { t - 1 });
            }
            starts.push(sequence.len());
            let len = r.halves()?;
            let date = r.number()?;
            let published = Date::new(
                u16::try_from(date / 10_000).ok()?,
                (date / 100 % 100) as u8,
                (date % 100) as u8,
            )?;
            let mut lists = [Vec::new(), Vec::new()];
            for list in &mut lists {
                for _ in 0..r.count()? {
                    list.push(r.small()?);
                }
            }
            let [keywords, authors] = lists;
            docs.push(Doc {
                len,
                published,
                keywords,
                authors,
                source: r.small()?,
            });
        }
        let mut values = [Values::default(), Values::default(), Values::default()];
        for v in &mut values {
            for _ in 0..r.count()? {
                v.push_label(r.text()?);
            }
        }
        let [keywords, authors, sources] = values;
        let valid = sequence
            .iter()
            .all(|&t| t == GAP || (t as usize) < term_count)
            && docs.iter().all(|d| {
                d.keywords
                    .iter()
                    .all(|&k| (k as usize) < keywords.labels.len())
                    && d.authors
                        .iter()
                        .all(|&a| (a as usize) < authors.labels.len())
                    && (d.source as usize) < sources.labels.len()
            })
            && r.at_end();
        valid.then(|| {
            SearchIndex::assemble(
                dictionary,
                sequence,
                starts,
                postings,
                offsets,
                docs,
                [keywords, authors, sources],
            )
        })
    }
}
