//! The corpus format shared by the explorer (wasm) and the corpus tool (native).
//!
//! A corpus is one versioned JSON document holding a collection's articles. Article
//! bodies are typed blocks with typed inline content, never raw HTML, so the explorer
//! renders them as nodes and hostile text cannot become markup.
//!
//! ```
//! let json = r#"{"version":1,"title":"Demo","articles":[]}"#;
//! let corpus = insight_corpus::Corpus::from_json(json).unwrap();
//! assert_eq!(corpus.articles.len(), 0);
//! ```

mod article;
mod body;
pub mod cores;
mod date;
mod decode;
pub mod link;
pub mod published;
mod repair;
pub mod sort;
mod validate;

pub use article::{Article, Corpus, CORPUS_VERSION};
pub use body::{Block, Inline};
pub use date::Date;
pub use decode::{json_message, DecodeError, LineCounter};
pub use repair::{link_refusal, repair_links, url_refusal, LinkPlace, RefusedLink};
pub use validate::{validate_article, Problem, ValidCorpus};
