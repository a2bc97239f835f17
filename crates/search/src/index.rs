//! Building the inverted index: for each term, the articles that contain it with a
//! field-weighted term frequency; for each article, its length and facet values.

use crate::tokens::for_each_token;
use insight_corpus::cores::on_every_core;
use insight_corpus::{sort, Article, Date};
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// How much a term counts in each field: title and keywords above body.
pub(crate) const TITLE: f32 = 3.0;
pub(crate) const KEYWORDS: f32 = 2.5;
pub(crate) const AUTHORS: f32 = 1.5;
pub(crate) const SUMMARY: f32 = 1.5;
pub(crate) const BODY: f32 = 1.0;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    pub doc: u32,
    /// Field-weighted term frequency.
    pub tf: f32,
}

#[derive(Debug)]
pub(crate) struct Doc {
    /// Field-weighted length in tokens.
    pub len: f32,
    pub published: Date,
    pub keywords: Vec<u32>,
    pub authors: Vec<u32>,
    pub source: u32,
}

/// How facet values are compared: case, accents and spacing do not count.
pub(crate) fn value_key(label: &str) -> String {
    crate::fold::fold(&label.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Distinct values of one facet, numbered, with the label to show for each.
#[derive(Debug, Default)]
pub(crate) struct Values {
    pub labels: Vec<String>,
    by_key: HashMap<String, u32>,
    spellings: Vec<HashMap<String, u32>>,
}

impl Values {
    /// The number of `label`, added if new; labels differing only in case are one value,
    /// shown in their most common spelling.
    fn add(&mut self, label: &str) -> u32 {
        let key = value_key(label);
        let id = *self.by_key.entry(key).or_insert_with(|| {
            self.labels.push(label.trim().to_string());
            self.spellings.push(HashMap::new());
            (self.labels.len() - 1) as u32
        });
        let counts = &mut self.spellings[id as usize];
        *counts.entry(label.trim().to_string()).or_default() += 1;
        id
    }

    fn settle_labels(&mut self) {
        for (label, counts) in self.labels.iter_mut().zip(&self.spellings) {
            if let Some((best, _)) = counts
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            {
                *label = best.clone();
            }
        }
        self.spellings = Vec::new();
    }

    /// Adds a value read from a saved index.
    pub(crate) fn push_label(&mut self, label: String) {
        self.by_key
            .insert(value_key(&label), self.labels.len() as u32);
        self.labels.push(label);
    }

    /// The number of a value given by its label in any case.
    pub fn find(&self, label: &str) -> Option<u32> {
        self.by_key.get(&value_key(label)).copied()
    }
}

/// Separates fields in [`SearchIndex::sequence`], so no phrase runs across two fields.
pub(crate) const GAP: u32 = u32::MAX;

/// A search index over a list of articles; results refer to articles by position.
#[derive(Debug)]
pub struct SearchIndex {
    pub(crate) dictionary: FxHashMap<Box<str>, u32>,
    /// Every article's terms in order (fields separated by [`GAP`]), for phrase checks
    /// without re-reading the text; article `d` is `sequence[starts[d]..starts[d + 1]]`.
    pub(crate) sequence: Vec<u32>,
    pub(crate) starts: Vec<usize>,
    /// Terms in sorted order with their numbers, for prefix lookups.
    pub(crate) sorted_terms: Vec<(String, u32)>,
    /// All postings, grouped by term: term `t`'s are `postings[offsets[t]..offsets[t + 1]]`.
    /// One flat array built by a counting sort is much cheaper to fill than a growing
    /// list per term.
    pub(crate) postings: Vec<Posting>,
    pub(crate) offsets: Vec<u32>,
    pub(crate) docs: Vec<Doc>,
    pub(crate) average_len: f32,
    pub(crate) keywords: Values,
    pub(crate) authors: Values,
    pub(crate) sources: Values,
}

impl SearchIndex {
    pub fn new<A: std::borrow::Borrow<Article> + Sync>(articles: &[A]) -> SearchIndex {
        SearchIndex::build(articles, true, |_| {})
    }

    /// An index that keeps no term sequences, so it cannot check phrases: each article's
    /// terms in order (fields separated by [`GAP`]) are handed to `each_article` as it is
    /// read instead. Publishing needs them only once, and the sequences of a large
    /// collection are bigger than the rest of its index.
    pub(crate) fn without_sequences<A: std::borrow::Borrow<Article> + Sync>(
        articles: &[A],
        each_article: impl FnMut(&[u32]),
    ) -> SearchIndex {
        SearchIndex::build(articles, false, each_article)
    }

    fn build<A: std::borrow::Borrow<Article> + Sync>(
        articles: &[A],
        keep_sequences: bool,
        mut each_article: impl FnMut(&[u32]),
    ) -> SearchIndex {
        let mut index = SearchIndex {
            dictionary: FxHashMap::default(),
            sequence: Vec::new(),
            starts: vec![0],
            sorted_terms: Vec::new(),
            postings: Vec::new(),
            offsets: Vec::new(),
            docs: Vec::with_capacity(articles.len()),
            average_len: 0.0,
            keywords: Values::default(),
            authors: Values::default(),
            sources: Values::default(),
        };
        // Per-article term frequencies, indexed by term number, and the terms touched:
        // cheaper than a map per article, and reset after each one.
        let mut frequencies: Vec<f32> = Vec::new();
        let mut touched: Vec<u32> = Vec::new();
        // (term, posting) pairs in article order, grouped by term at the end.
        let mut pairs: Vec<(u32, Posting)> = Vec::new();
        // Articles are read a batch at a time, their text cut into terms on every core
        // (the costly part: folding and stemming), then numbered in order here.
        let mut n = 0;
        for batch in articles.chunks(TERMS_BATCH) {
            for terms in on_every_core(batch, |article| ArticleTerms::of(article.borrow())) {
                let article = articles[n].borrow();
                let start = index.sequence.len();
                let mut len = 0.0;
                for term in terms.iter() {
                    let Some((term, weight)) = term else {
                        index.sequence.push(GAP);
                        continue;
                    };
                    let id = index.term_id(term);
                    if frequencies.len() <= id as usize {
                        frequencies.resize(id as usize + 1, 0.0);
                    }
                    if frequencies[id as usize] == 0.0 {
                        touched.push(id);
                    }
                    frequencies[id as usize] += weight;
                    len += weight;
                    index.sequence.push(id);
                }
                for id in touched.drain(..) {
                    let tf = std::mem::take(&mut frequencies[id as usize]);
                    pairs.push((id, Posting { doc: n as u32, tf }));
                }
                each_article(&index.sequence[start..]);
                if !keep_sequences {
                    // Every article's sequence is then empty, and holds no phrase.
                    index.sequence.clear();
                }
                index.starts.push(index.sequence.len());
                let doc = Doc {
                    len,
                    published: article.published,
                    keywords: dedup(article.keywords.iter().map(|k| index.keywords.add(k))),
                    authors: dedup(article.authors.iter().map(|a| index.authors.add(a))),
                    source: index.sources.add(&article.source),
                };
                index.docs.push(doc);
                n += 1;
            }
        }
        index.group_postings(pairs);
        index.keywords.settle_labels();
        index.authors.settle_labels();
        index.sources.settle_labels();
        index.finish();
        index
    }

    /// An index from parts read back from bytes.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn assemble(
        dictionary: FxHashMap<Box<str>, u32>,
        sequence: Vec<u32>,
        starts: Vec<usize>,
        postings: Vec<Posting>,
        offsets: Vec<u32>,
        docs: Vec<Doc>,
        [keywords, authors, sources]: [Values; 3],
    ) -> SearchIndex {
        let mut index = SearchIndex {
            dictionary,
            sequence,
            starts,
            sorted_terms: Vec::new(),
            postings,
            offsets,
            docs,
            average_len: 0.0,
            keywords,
            authors,
            sources,
        };
        index.finish();
        index
    }

    /// Works out what follows from the rest: average length and the sorted term list.
    fn finish(&mut self) {
        self.average_len =
            self.docs.iter().map(|d| d.len).sum::<f32>() / self.docs.len().max(1) as f32;
        self.sorted_terms = self
            .dictionary
            .iter()
            .map(|(t, &id)| (t.to_string(), id))
            .collect();
        sort::sort(&mut self.sorted_terms);
    }

    /// The number of `term`, added to the dictionary if new.
    fn term_id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.dictionary.get(term) {
            return id;
        }
        let id = self.dictionary.len() as u32;
        self.dictionary.insert(term.into(), id);
        id
    }

    /// Sorts the (term, posting) pairs into [`Self::postings`] by term, keeping article
    /// order within each term (a counting sort: two passes, no comparisons).
    fn group_postings(&mut self, pairs: Vec<(u32, Posting)>) {
        let terms = self.dictionary.len();
        let mut offsets = vec![0u32; terms + 1];
        pairs
            .iter()
            .for_each(|(t, _)| offsets[*t as usize + 1] += 1);
        for t in 0..terms {
            offsets[t + 1] += offsets[t];
        }
        let mut next = offsets.clone();
        let mut postings = vec![Posting { doc: 0, tf: 0.0 }; pairs.len()];
        for (t, posting) in pairs {
            postings[next[t as usize] as usize] = posting;
            next[t as usize] += 1;
        }
        self.postings = postings;
        self.offsets = offsets;
    }

    /// The postings of term `id`.
    pub(crate) fn postings_of(&self, id: u32) -> &[Posting] {
        &self.postings[self.offsets[id as usize] as usize..self.offsets[id as usize + 1] as usize]
    }

    /// Whether article `d` holds the terms `phrase` next to each other in one field.
    pub(crate) fn has_phrase(&self, d: usize, phrase: &[u32]) -> bool {
        let terms = &self.sequence[self.starts[d]..self.starts[d + 1]];
        !phrase.is_empty() && terms.windows(phrase.len()).any(|w| w == phrase)
    }

    /// Every keyword of the collection (case-insensitively merged, in its most common
    /// spelling) with the number of articles carrying it, most frequent first.
    pub fn keyword_counts(&self) -> Vec<(u32, usize)> {
        let mut counts = vec![0usize; self.keywords.labels.len()];
        self.docs
            .iter()
            .flat_map(|d| &d.keywords)
            .for_each(|&k| counts[k as usize] += 1);
        let mut out: Vec<(u32, usize)> = counts
            .into_iter()
            .enumerate()
            .map(|(k, n)| (k as u32, n))
            .collect();
        sort::sort_by(&mut out, |a, b| {
            b.1.cmp(&a.1)
                .then_with(|| self.keyword_label(a.0).cmp(self.keyword_label(b.0)))
        });
        out
    }

    /// The label of keyword number `id`.
    pub fn keyword_label(&self, id: u32) -> &str {
        &self.keywords.labels[id as usize]
    }

    /// The number of a keyword given in any case or spacing.
    pub fn find_keyword(&self, label: &str) -> Option<u32> {
        self.keywords.find(label)
    }

    /// The keyword numbers of the article at `position`, without repeats.
    pub fn article_keywords(&self, position: usize) -> &[u32] {
        &self.docs[position].keywords
    }

    /// How many articles the index holds.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The numbers of up to `limit` terms starting with `prefix`, most frequent first.
    pub(crate) fn expand_prefix(&self, prefix: &str, limit: usize) -> Vec<u32> {
        let start = self
            .sorted_terms
            .partition_point(|(t, _)| t.as_str() < prefix);
        let mut found: Vec<u32> = self.sorted_terms[start..]
            .iter()
            .take_while(|(t, _)| t.starts_with(prefix))
            .map(|&(_, id)| id)
            .collect();
        sort::sort_by_key(&mut found, |&id| {
            std::cmp::Reverse(self.postings_of(id).len())
        });
        found.truncate(limit);
        found
    }
}

fn dedup(ids: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    ids.for_each(|id| {
        if !out.contains(&id) {
            out.push(id)
        }
    });
    out
}

/// Articles whose terms are made at once, on every core.
const TERMS_BATCH: usize = 512;

/// One article's terms in order, as the index reads them: each term with the weight of
/// its field, and `None` where a field ends.
struct ArticleTerms {
    /// Every term's text, one after another.
    text: String,
    /// Where each term ends in `text`, and its weight; a weight of zero ends a field.
    ends: Vec<(u32, f32)>,
}

impl ArticleTerms {
    fn of(article: &Article) -> ArticleTerms {
        let mut body = String::new();
        article
            .body
            .iter()
            .for_each(|block| block.push_plain_text(&mut body));
        let fields = [
            (article.title.as_str(), TITLE),
            (article.summary.as_str(), SUMMARY),
            (body.as_str(), BODY),
        ];
        let lists = article
            .keywords
            .iter()
            .map(|k| (k.as_str(), KEYWORDS))
            .chain(article.authors.iter().map(|a| (a.as_str(), AUTHORS)));
        let mut terms = ArticleTerms {
            text: String::new(),
            ends: Vec::new(),
        };
        for (text, weight) in fields.into_iter().chain(lists) {
            for_each_token(text, |term, _, _| {
                terms.text.push_str(term);
                terms.ends.push((terms.text.len() as u32, weight));
            });
            terms.ends.push((terms.text.len() as u32, 0.0));
        }
        terms
    }

    /// The terms with their weights, `None` where a field ends.
    fn iter(&self) -> impl Iterator<Item = Option<(&str, f32)>> {
        let mut start = 0;
        self.ends.iter().map(move |&(end, weight)| {
            let term = &self.text[start..end as usize];
            start = end as usize;
            (weight > 0.0).then_some((term, weight))
        })
    }
}
