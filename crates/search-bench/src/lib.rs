//! The explorer's search engine as the browser benchmark in `tests/bench/` sees it.
//!
//! Compiled to WebAssembly, this crate hands JavaScript one call that decodes a corpus and
//! builds its index, timing each phase inside Rust with `performance.now()` and counting
//! the Rust heap bytes each phase leaves behind, and a [`Bench::query`] method that runs
//! one search (the page times that call itself). Nothing here changes how the engine
//! works: it calls `ValidCorpus::from_json`, `SearchIndex::new` and `SearchIndex::search`
//! exactly as the explorer does.
//!
//! ```
//! let json = r#"{"version":1,"title":"Demo","articles":[]}"#;
//! let bench = search_bench::Bench::build(json).unwrap();
//! assert_eq!(bench.articles(), 0);
//! assert_eq!(bench.query("green bonds"), 0);
//! ```

mod heap;

use insight_corpus::{Article, ValidCorpus};
use insight_search::{SearchIndex, SearchRequest};
use wasm_bindgen::prelude::*;

/// Every allocation is counted, so the benchmark can report the heap each phase keeps.
#[global_allocator]
static ALLOCATOR: heap::Counting = heap::Counting;

/// A decoded corpus with its index, and what building them cost.
#[wasm_bindgen]
pub struct Bench {
    articles: Vec<Article>,
    index: SearchIndex,
    skipped: usize,
    decode_ms: f64,
    index_ms: f64,
    corpus_bytes: usize,
    index_bytes: usize,
    peak_bytes: usize,
}

/// Decodes `text` (a `corpus.json`) and indexes its articles; see [`Bench::build`].
#[wasm_bindgen]
pub fn decode_and_index(text: &str) -> Result<Bench, JsError> {
    Bench::build(text).map_err(|message| JsError::new(&message))
}

/// Bytes the Rust heap holds now (requested sizes, as counted by the global allocator).
#[wasm_bindgen]
pub fn heap_bytes() -> f64 {
    heap::live() as f64
}

/// The size of this module's WebAssembly memory in bytes (0 outside WebAssembly). It only
/// grows: it is the most the module has ever needed at once, plus allocator slack.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size::<0>() * 65536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

#[wasm_bindgen]
impl Bench {
    /// Milliseconds `ValidCorpus::from_json` took (the text was already in wasm memory).
    pub fn decode_ms(&self) -> f64 {
        self.decode_ms
    }

    /// Milliseconds `SearchIndex::new` took over the decoded articles.
    pub fn index_ms(&self) -> f64 {
        self.index_ms
    }

    /// Heap bytes the decoded articles keep.
    pub fn corpus_bytes(&self) -> f64 {
        self.corpus_bytes as f64
    }

    /// Heap bytes the index keeps.
    pub fn index_bytes(&self) -> f64 {
        self.index_bytes as f64
    }

    /// The most heap bytes held at once while decoding and indexing, the input text
    /// included.
    pub fn peak_bytes(&self) -> f64 {
        self.peak_bytes as f64
    }

    /// Articles decoded and indexed.
    pub fn articles(&self) -> u32 {
        self.articles.len() as u32
    }

    /// Articles the decoder set aside as invalid.
    pub fn skipped(&self) -> u32 {
        self.skipped as u32
    }

    /// Runs one search, as the explorer does, and returns how many articles match.
    pub fn query(&self, query: &str) -> u32 {
        self.index
            .search(&self.articles, &SearchRequest::new(query))
            .total as u32
    }
}

impl Bench {
    /// Decodes and indexes `text`, timing and measuring each phase.
    pub fn build(text: &str) -> Result<Bench, String> {
        heap::reset_peak();
        let before = heap::live();
        let start = now_ms();
        let corpus = ValidCorpus::from_json(text).map_err(|e| e.to_string())?;
        let decoded = now_ms();
        let after_decode = heap::live();
        let index = SearchIndex::new(&corpus.articles);
        let indexed = now_ms();
        let after_index = heap::live();
        Ok(Bench {
            skipped: corpus.skipped.len(),
            articles: corpus.articles,
            index,
            decode_ms: decoded - start,
            index_ms: indexed - decoded,
            corpus_bytes: after_decode.saturating_sub(before),
            index_bytes: after_index.saturating_sub(after_decode),
            peak_bytes: heap::peak(),
        })
    }
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    /// The page's high-resolution clock.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn now_ms() -> f64;
}

/// A native stand-in for the page's clock, so the crate can be tested natively.
#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = r#"{"version":1,"title":"T","articles":[
      {"id":"a","title":"Green bonds and cities","authors":["Ada Abara"],"source":"S",
       "published":"2021-04-12","keywords":["green finance"],"language":"en",
       "summary":"Bonds for cities.","body":[{"type":"paragraph","content":[{"type":"text","text":"Municipal green bonds grow."}]}]},
      {"id":"b","title":"Tariffs","authors":["Bruno Brennan"],"source":"S",
       "published":"2022-01-02","keywords":["trade"],"language":"en",
       "summary":"Trade.","body":[{"type":"paragraph","content":[{"type":"text","text":"Tariffs rise."}]}]}]}"#;

    // One test, not several: the heap counters are global, and tests run on threads.
    #[test]
    fn builds_measures_searches_and_refuses_what_is_not_a_corpus() {
        let bench = Bench::build(CORPUS).unwrap();
        assert_eq!(bench.articles(), 2);
        assert_eq!(bench.query("green bonds"), 1);
        assert_eq!(bench.query("tarif"), 1);
        assert_eq!(bench.query("nothing-like-this"), 0);
        assert!(bench.corpus_bytes() > 0.0 && bench.index_bytes() > 0.0);
        assert!(bench.peak_bytes() >= bench.corpus_bytes() + bench.index_bytes());
        assert!(bench.decode_ms() >= 0.0 && bench.index_ms() >= 0.0);
        assert!(Bench::build("not json").is_err());
    }
}
