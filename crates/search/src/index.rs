//! Building the inverted index: for each term, the articles that contain it with a
//! field-weighted term frequency; for each article, its length and facet values.

use crate::tokens::for_each_token;
use insight_corpus::{Article, Date};
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
        let key = crate::fold::fold(label.trim());
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

    /// The number of a value given by its label in any case.
    pub fn find(&self, label: &str) -> Option<u32> {
        self.by_key.get(&crate::fold::fold(label.trim())).copied()
    }
}

/// A search index over a list of articles; results refer to articles by position.
#[derive(Debug)]
pub struct SearchIndex {
    pub(crate) dictionary: HashMap<String, u32>,
    /// Terms in sorted order with their numbers, for prefix lookups.
    pub(crate) sorted_terms: Vec<(String, u32)>,
    pub(crate) postings: Vec<Vec<Posting>>,
    pub(crate) docs: Vec<Doc>,
    pub(crate) average_len: f32,
    pub(crate) keywords: Values,
    pub(crate) authors: Values,
    pub(crate) sources: Values,
}

impl SearchIndex {
    pub fn new(articles: &[Article]) -> SearchIndex {
        let mut index = SearchIndex {
            dictionary: HashMap::new(),
            sorted_terms: Vec::new(),
            postings: Vec::new(),
            docs: Vec::with_capacity(articles.len()),
            average_len: 0.0,
            keywords: Values::default(),
            authors: Values::default(),
            sources: Values::default(),
        };
        let mut counts: HashMap<u32, f32> = HashMap::new();
        let mut body = String::new();
        for (n, article) in articles.iter().enumerate() {
            counts.clear();
            let mut len = 0.0;
            let mut add = |text: &str, weight: f32, index: &mut SearchIndex| {
                for_each_token(text, |term, _, _| {
                    let next = index.postings.len() as u32;
                    let id = match index.dictionary.get(term) {
                        Some(&id) => id,
                        None => {
                            index.dictionary.insert(term.to_string(), next);
                            index.postings.push(Vec::new());
                            next
                        }
                    };
                    *counts.entry(id).or_default() += weight;
                    len += weight;
                });
            };
            add(&article.title, TITLE, &mut index);
            article
                .keywords
                .iter()
                .for_each(|k| add(k, KEYWORDS, &mut index));
            article
                .authors
                .iter()
                .for_each(|a| add(a, AUTHORS, &mut index));
            add(&article.summary, SUMMARY, &mut index);
            body.clear();
            article
                .body
                .iter()
                .for_each(|block| block.push_plain_text(&mut body));
            add(&body, BODY, &mut index);
            for (&id, &tf) in &counts {
                index.postings[id as usize].push(Posting { doc: n as u32, tf });
            }
            let doc = Doc {
                len,
                published: article.published,
                keywords: dedup(article.keywords.iter().map(|k| index.keywords.add(k))),
                authors: dedup(article.authors.iter().map(|a| index.authors.add(a))),
                source: index.sources.add(&article.source),
            };
            index.docs.push(doc);
        }
        index.keywords.settle_labels();
        index.authors.settle_labels();
        index.sources.settle_labels();
        index.average_len =
            index.docs.iter().map(|d| d.len).sum::<f32>() / index.docs.len().max(1) as f32;
        index.sorted_terms = index
            .dictionary
            .iter()
            .map(|(t, &id)| (t.clone(), id))
            .collect();
        index.sorted_terms.sort_unstable();
        index
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
        found.sort_by_key(|&id| std::cmp::Reverse(self.postings[id as usize].len()));
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
