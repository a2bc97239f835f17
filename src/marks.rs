//! User Timing marks at the moments that matter for start-up, readable by benchmarks and
//! by a reader's own developer tools (`performance.getEntriesByType("mark")`).

pub const CORPUS_FETCHED: &str = "corpus-fetched";
pub const CORPUS_DECODED: &str = "corpus-decoded";
pub const INDEX_READY: &str = "index-ready";
pub const FIRST_LIST_RENDERED: &str = "first-list-rendered";

/// Records a mark; silently does nothing where the Performance API is missing.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
