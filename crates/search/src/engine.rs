//! Running a search: matching and ranking by BM25, phrase and exclusion checks, field
//! filters, facet counts for the current query and the other filters, and sorting.

use crate::index::SearchIndex;
use crate::query::{parse_query, Query};
use insight_corpus::{sort, Article};

/// BM25's term-frequency saturation and length normalisation.
pub(crate) const K1: f32 = 1.2;
pub(crate) const B: f32 = 0.75;
/// How many terms a prefix being typed may stand for.
const PREFIX_TERMS: usize = 64;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// What the reader asked for: the query text plus facet selections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchRequest {
    pub query: String,
    /// Every selected keyword must be present (AND).
    pub keywords: Vec<String>,
    /// Any selected author will do (OR).
    pub authors: Vec<String>,
    /// Any selected source will do (OR).
    pub sources: Vec<String>,
    /// Any selected year will do (OR).
    pub years: Vec<u16>,
    pub sort: Sort,
}

impl SearchRequest {
    pub fn new(query: &str) -> SearchRequest {
        SearchRequest {
            query: query.to_string(),
            ..SearchRequest::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The article's position in the list the index was built from.
    pub article: usize,
    pub score: f32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Keywords,
    Authors,
    Sources,
    Years,
}

/// Counts for each facet value: for authors, sources and years (OR within a facet) among
/// the results of the query and the other facets; for keywords (AND) among the results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub keywords: Vec<FacetCount>,
    pub authors: Vec<FacetCount>,
    pub sources: Vec<FacetCount>,
    pub years: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub facets: Facets,
    /// The parsed query, for highlighting.
    pub query: Query,
}

/// The facet selections resolved to value numbers.
struct Selection {
    keywords: Vec<Option<u32>>,
    authors: Vec<u32>,
    sources: Vec<u32>,
    years: Vec<u16>,
}

impl SearchIndex {
    /// Runs a search. `articles` must be the list the index was built from (it is used for
    /// the `author:`, `source:` and `kw:` parts of the query).
    pub fn search(&self, articles: &[Article], request: &SearchRequest) -> SearchResults {
        let query = parse_query(&request.query);
        let scores = self.score_text(&query);
        let selection = Selection {
            keywords: request
                .keywords
                .iter()
                .map(|k| self.keywords.find(k))
                .collect(),
            authors: request
                .authors
                .iter()
                .filter_map(|a| self.authors.find(a))
                .collect(),
            sources: request
                .sources
                .iter()
                .filter_map(|s| self.sources.find(s))
                .collect(),
            years: request.years.clone(),
        };
        let base: Vec<u32> = (0..self.docs.len() as u32)
            .filter(|&d| scores.as_ref().is_none_or(|s| s[d as usize] > 0.0))
            .filter(|&d| self.fits_query_fields(d, &query, articles))
            .collect();
        let facets = self.count_facets(&base, &selection);
        let mut hits: Vec<Hit> = base
            .iter()
            .filter(|&&d| self.fits(d, &selection, None))
            .map(|&d| Hit {
                article: d as usize,
                score: scores.as_ref().map_or(0.0, |s| s[d as usize]),
            })
            .collect();
        self.sort(&mut hits, request.sort, scores.is_some());
        SearchResults {
            total: hits.len(),
            hits,
            facets,
            query,
        }
    }

    /// BM25 scores for the query's text, or `None` when the query has no text. A score of
    /// zero means the article does not match.
    fn score_text(&self, query: &Query) -> Option<Vec<f32>> {
        if !query.has_text() {
            return None;
        }
        let mut groups: Vec<Vec<u32>> = query
            .terms
            .iter()
            .chain(query.phrases.iter().flatten())
            .map(|t| {
                self.dictionary
                    .get(t.as_str())
                    .map(|&id| vec![id])
                    .unwrap_or_default()
            })
            .collect();
        if let Some(prefix) = &query.prefix {
            groups.push(self.expand_prefix(prefix, PREFIX_TERMS));
        }
        let n = self.docs.len();
        let mut scores = vec![0.0f32; n];
        let mut matched = vec![0u16; n];
        let mut last_group = vec![u16::MAX; n];
        for (g, group) in groups.iter().enumerate() {
            for &id in group {
                let postings = self.postings_of(id);
                let idf = (1.0
                    + (n as f32 - postings.len() as f32 + 0.5) / (postings.len() as f32 + 0.5))
                    .ln();
                for p in postings {
                    let d = p.doc as usize;
                    let norm = K1 * (1.0 - B + B * self.docs[d].len / self.average_len.max(1.0));
                    scores[d] += idf * p.tf * (K1 + 1.0) / (p.tf + norm);
                    if last_group[d] != g as u16 {
                        last_group[d] = g as u16;
                        matched[d] += 1;
                    }
                }
            }
        }
        for d in 0..n {
            if usize::from(matched[d]) < groups.len() {
                scores[d] = 0.0;
            }
        }
        for term in &query.excluded {
            if let Some(&id) = self.dictionary.get(term.as_str()) {
                self.postings_of(id)
                    .iter()
                    .for_each(|p| scores[p.doc as usize] = 0.0);
            }
        }
        if !query.phrases.is_empty() {
            let phrases: Option<Vec<Vec<u32>>> = query
                .phrases
                .iter()
                .map(|phrase| {
                    phrase
                        .iter()
                        .map(|t| self.dictionary.get(t.as_str()).copied())
                        .collect()
                })
                .collect();
            for (d, score) in scores.iter_mut().enumerate() {
                let found = |phrases: &Vec<Vec<u32>>| phrases.iter().all(|p| self.has_phrase(d, p));
                if *score > 0.0 && !phrases.as_ref().is_some_and(found) {
                    *score = 0.0;
                }
            }
        }
        Some(scores)
    }

    /// Whether an article fits the query's `author:`, `source:`, `kw:` and `year:` parts.
    fn fits_query_fields(&self, d: u32, query: &Query, articles: &[Article]) -> bool {
        let article = &articles[d as usize];
        let folded = |text: &str| crate::fold::fold(text);
        let years = query
            .years
            .is_none_or(|(from, to)| (from..=to).contains(&article.published.year()));
        years
            && query.authors.iter().all(|a| {
                article
                    .authors
                    .iter()
                    .any(|name| folded(name).contains(a.as_str()))
            })
            && query
                .sources
                .iter()
                .all(|s| folded(&article.source).contains(s.as_str()))
            && query
                .keywords
                .iter()
                .all(|k| article.keywords.iter().any(|kw| folded(kw) == *k))
    }

    /// Whether a document fits the facet selection, leaving out one facet if asked.
    fn fits(&self, d: u32, selection: &Selection, except: Option<Facet>) -> bool {
        let doc = &self.docs[d as usize];
        let keywords = except == Some(Facet::Keywords)
            || selection
                .keywords
                .iter()
                .all(|k| k.is_some_and(|k| doc.keywords.contains(&k)));
        let authors = except == Some(Facet::Authors)
            || selection.authors.is_empty()
            || selection.authors.iter().any(|a| doc.authors.contains(a));
        let sources = except == Some(Facet::Sources)
            || selection.sources.is_empty()
            || selection.sources.contains(&doc.source);
        let years = except == Some(Facet::Years)
            || selection.years.is_empty()
            || selection.years.contains(&doc.published.year());
        keywords && authors && sources && years
    }

    fn count_facets(&self, base: &[u32], selection: &Selection) -> Facets {
        let mut keywords = vec![0usize; self.keywords.labels.len()];
        let mut authors = vec![0usize; self.authors.labels.len()];
        let mut sources = vec![0usize; self.sources.labels.len()];
        let mut years: std::collections::BTreeMap<u16, usize> = std::collections::BTreeMap::new();
        for &d in base {
            let doc = &self.docs[d as usize];
            // Keywords combine with AND, so their counts include the keyword selection:
            // each count is how many results adding that keyword would leave.
            if self.fits(d, selection, None) {
                doc.keywords.iter().for_each(|&k| keywords[k as usize] += 1);
            }
            if self.fits(d, selection, Some(Facet::Authors)) {
                doc.authors.iter().for_each(|&a| authors[a as usize] += 1);
            }
            if self.fits(d, selection, Some(Facet::Sources)) {
                sources[doc.source as usize] += 1;
            }
            if self.fits(d, selection, Some(Facet::Years)) {
                *years.entry(doc.published.year()).or_default() += 1;
            }
        }
        let list = |labels: &[String], counts: Vec<usize>, selected: &dyn Fn(u32) -> bool| {
            let mut out: Vec<FacetCount> = counts
                .into_iter()
                .enumerate()
                .filter(|&(i, n)| n > 0 || selected(i as u32))
                .map(|(i, count)| FacetCount {
                    label: labels[i].clone(),
                    count,
                    selected: selected(i as u32),
                })
                .collect();
            sort::sort_by(&mut out, |a, b| {
                b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label))
            });
            out
        };
        Facets {
            keywords: list(&self.keywords.labels, keywords, &|k| {
                selection.keywords.contains(&Some(k))
            }),
            authors: list(&self.authors.labels, authors, &|a| {
                selection.authors.contains(&a)
            }),
            sources: list(&self.sources.labels, sources, &|s| {
                selection.sources.contains(&s)
            }),
            years: years
                .into_iter()
                .rev()
                .map(|(year, count)| FacetCount {
                    label: year.to_string(),
                    count,
                    selected: selection.years.contains(&year),
                })
                .collect(),
        }
    }

    fn sort(&self, hits: &mut [Hit], sort: Sort, ranked: bool) {
        let date = |h: &Hit| self.docs[h.article].published;
        match sort {
            Sort::Relevance if ranked => sort::sort_by(hits, |a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| date(b).cmp(&date(a)))
                    .then_with(|| a.article.cmp(&b.article))
            }),
            Sort::Oldest => sort::sort_by(hits, |a, b| {
                date(a)
                    .cmp(&date(b))
                    .then_with(|| a.article.cmp(&b.article))
            }),
            _ => sort::sort_by(hits, |a, b| {
                date(b)
                    .cmp(&date(a))
                    .then_with(|| a.article.cmp(&b.article))
            }),
        }
    }
}
