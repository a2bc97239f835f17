//! The collection as the views need it: articles newest first, keywords merged across
//! spellings and counted, and the selections, neighbours and related articles of the list.

use crate::list_query::ListQuery;
use insight_corpus::{Article, Problem, ValidCorpus};
use insight_search::{Facets, Query, SearchIndex};
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

/// A keyword of the collection, in its most common spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    pub label: String,
    /// How many articles of the whole collection carry it.
    pub count: usize,
}

/// What the list shows for a [`ListQuery`]: the matching articles in list order, the
/// facet counts among them, and the parsed search (for highlighting).
#[derive(Debug, Clone, PartialEq)]
pub struct ListView {
    /// Positions in [`Collection::articles`], in list order.
    pub articles: Vec<usize>,
    pub facets: Facets,
    pub search: Query,
}

/// The loaded collection, ready for the views.
#[derive(Debug)]
pub struct Collection {
    pub title: String,
    pub notice: Option<String>,
    /// Problems of the articles that were set aside when the corpus was loaded.
    pub skipped: Vec<Problem>,
    articles: Vec<Article>,
    by_id: HashMap<String, usize>,
    /// Keywords with their counts, most frequent first (from the search index, which
    /// merges spellings the same way for its facets).
    keywords: Vec<Keyword>,
    search: SearchIndex,
}

impl Collection {
    /// The collection of a decoded corpus. `saved_index` is a search index the corpus tool
    /// built for it; when it fits these articles it is used, otherwise the index is built
    /// here.
    pub fn new(corpus: ValidCorpus, saved_index: Option<&[u8]>) -> Collection {
        let mut articles = corpus.articles;
        articles.sort_by(Article::list_order);
        let by_id = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let search = saved_index
            .and_then(|bytes| SearchIndex::from_bytes(bytes, &articles))
            .unwrap_or_else(|| SearchIndex::new(&articles));
        let keywords = search
            .keyword_counts()
            .into_iter()
            .map(|(id, count)| Keyword {
                label: search.keyword_label(id).to_string(),
                count,
            })
            .collect();
        Collection {
            title: corpus.title,
            notice: corpus.notice,
            skipped: corpus.skipped,
            articles,
            by_id,
            keywords,
            search,
        }
    }

    /// All articles, newest first.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The position and article with this id.
    pub fn find(&self, id: &str) -> Option<(usize, &Article)> {
        self.by_id.get(id).map(|&i| (i, &self.articles[i]))
    }

    /// Every keyword of the collection, most frequent first.
    pub fn keywords(&self) -> &[Keyword] {
        &self.keywords
    }

    /// The collection's spelling of a keyword, or the text itself when unknown.
    pub fn keyword_label<'a>(&'a self, keyword: &'a str) -> &'a str {
        match self.search.find_keyword(keyword) {
            Some(id) => self.search.keyword_label(id),
            None => keyword,
        }
    }

    /// The article's keywords in the collection's spelling, without repeats.
    pub fn keyword_labels(&self, article: usize) -> Vec<&str> {
        self.search
            .article_keywords(article)
            .iter()
            .map(|&k| self.search.keyword_label(k))
            .collect()
    }

    /// The articles that fit the query (search text and facets), in list order, with
    /// facet counts for the query and the other facets.
    pub fn list(&self, query: &ListQuery) -> ListView {
        let results = self.search.search(&self.articles, &query.to_request());
        ListView {
            articles: results.hits.iter().map(|hit| hit.article).collect(),
            facets: results.facets,
            search: results.query,
        }
    }

    /// Up to `limit` other articles sharing the most keywords with `article`; ties go to
    /// the newest.
    pub fn related(&self, article: usize, limit: usize) -> Vec<usize> {
        let mine = self.search.article_keywords(article);
        let mut scored: Vec<(usize, usize)> = (0..self.articles.len())
            .filter(|&i| i != article)
            .map(|i| {
                (
                    i,
                    self.search
                        .article_keywords(i)
                        .iter()
                        .filter(|k| mine.contains(k))
                        .count(),
                )
            })
            .filter(|&(_, shared)| shared > 0)
            .collect();
        // Positions are newest first, so a stable sort by shared count keeps ties newest first.
        scored.sort_by_key(|&(_, shared)| std::cmp::Reverse(shared));
        scored.into_iter().take(limit).map(|(i, _)| i).collect()
    }
}

/// Where an article sits in the list the reader came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbours {
    /// The newer article just above it in the list.
    pub previous: Option<usize>,
    /// The older article just below it.
    pub next: Option<usize>,
    /// Whether the neighbours come from the selection (true) or, because the article is
    /// not in it, from the whole collection (false).
    pub in_selection: bool,
}

impl ListView {
    /// The neighbours of `article` in this list, or `None` if it is not in it.
    pub fn neighbours(&self, article: usize) -> Option<Neighbours> {
        let at = self.articles.iter().position(|&i| i == article)?;
        Some(Neighbours {
            previous: at.checked_sub(1).map(|p| self.articles[p]),
            next: self.articles.get(at + 1).copied(),
            in_selection: true,
        })
    }
}

/// A shared handle on the collection; two handles are equal when they point at the same
/// collection, which keeps Yew's prop comparisons cheap.
#[derive(Debug, Clone)]
pub struct SharedCollection(pub Rc<Collection>);

impl PartialEq for SharedCollection {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedCollection {
    type Target = Collection;

    fn deref(&self) -> &Collection {
        &self.0
    }
}

#[cfg(test)]
mod tests;
