//! The search side of corpus format 2 (see `insight_corpus::published`): the index cut
//! into pieces by term, so a search fetches only the pieces of its own terms, and the
//! engine that answers from whatever pieces the browser has, saying which it still needs.
//!
//! - the directory: the term ranges of the postings pieces, the vocabulary pieces and the
//!   facet pieces;
//! - postings pieces: for each term, its articles with a quantised BM25 weight;
//! - positions pieces: where each term stands in each article, only for phrases;
//! - vocabulary pieces: every term with its article count, to expand a prefix;
//! - facet pieces: for each keyword, author and source, its articles.

mod answer;
#[cfg(not(target_arch = "wasm32"))]
mod check;
mod directory;
mod loaded;
mod pieces;
mod positions;
mod related;
mod write;

pub use answer::Answer;
#[cfg(not(target_arch = "wasm32"))]
pub use check::check_search;
pub use directory::{SearchDirectory, TermRange, VocabularyRange};
pub use loaded::{FacetKind, Need, PieceIndex};
pub use pieces::{read_facet, read_positions, read_postings, read_vocabulary, TermPostings};
#[cfg(not(target_arch = "wasm32"))]
pub use write::publish;
pub use write::{publish_search_unpacked, Published, LIST_PIECE_ARTICLES};
