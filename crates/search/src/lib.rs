//! Full-text search over a collection of articles, for the browser and for native tests.
//!
//! Text is folded (case and Latin diacritics), English words are lightly stemmed, and
//! Chinese text is indexed as overlapping character pairs, so `cafe` finds `café`,
//! `innovations` finds `innovation`, and `创新合作` finds any text containing it. Ranking is
//! BM25 over title, keywords, authors, summary and body, with title and keywords weighted
//! above body; ties go to the newest article.
//!
//! ```
//! # use insight_search::{SearchIndex, SearchRequest};
//! # let articles: Vec<insight_corpus::Article> = Vec::new();
//! let index = SearchIndex::new(&articles);
//! let results = index.search(&articles, &SearchRequest::new("\"green bonds\" -tariffs year:2021"));
//! assert_eq!(results.total, 0);
//! ```

mod engine;
mod fold;
mod index;
mod persist;
pub mod published;
mod query;
mod snippet;
mod stem;
mod tokens;
mod varint;

pub use engine::{Facet, FacetCount, Facets, Hit, SearchRequest, SearchResults, Sort};
pub use index::SearchIndex;
pub use query::{parse_query, Query};
pub use snippet::{highlight, snippet, Span};
pub use tokens::{tokenize, Token};
