//! What list pieces and id buckets hold: an article's list metadata (everything but its
//! body, bio and original address) and the number each id has.

use crate::{Article, Date};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An article as the list shows it: what a card needs, without the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListEntry {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    pub source: String,
    pub published: Date,
    pub keywords: Vec<String>,
    pub language: String,
    pub summary: String,
}

impl ListEntry {
    pub fn of(article: &Article) -> ListEntry {
        ListEntry {
            id: article.id.clone(),
            title: article.title.clone(),
            authors: article.authors.clone(),
            source: article.source.clone(),
            published: article.published,
            keywords: article.keywords.clone(),
            language: article.language.clone(),
            summary: article.summary.clone(),
        }
    }

    /// Whether `article` is the one this entry describes (a record fetched for an entry
    /// must agree with it).
    pub fn describes(&self, article: &Article) -> bool {
        *self == ListEntry::of(article)
    }
}

/// A list piece: consecutive articles, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPiece {
    pub articles: Vec<ListEntry>,
}

/// An id bucket: article ids with their numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdBucket {
    pub ids: BTreeMap<String, u32>,
}
