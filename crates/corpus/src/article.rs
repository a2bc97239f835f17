//! The article and corpus records, as they appear in `corpus.json`.

use crate::body::Block;
use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The corpus format version this code reads and writes.
pub const CORPUS_VERSION: u32 = 1;

/// A whole collection: a title, an optional notice shown on every page, and its articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub version: u32,
    pub title: String,
    /// A short note about the collection, shown in the page footer
    /// (for example that the articles are samples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    pub articles: Vec<Article>,
}

/// One commentary article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// A unique, URL-safe slug: ASCII letters, digits, `-` and `_`.
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    pub source: String,
    pub published: Date,
    pub keywords: Vec<String>,
    /// A BCP 47 language tag such as `en` or `zh`.
    pub language: String,
    pub summary: String,
    pub body: Vec<Block>,
    /// The author's biography, shown apart at the end of the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    /// The original address of the article, if it was published elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Article {
    /// The order of the explorer's list: newest first, then by title. The corpus tool
    /// builds search indexes in this order too, so both sides agree on positions.
    pub fn list_order(a: &Article, b: &Article) -> std::cmp::Ordering {
        b.published
            .cmp(&a.published)
            .then_with(|| a.title.cmp(&b.title))
    }
}
