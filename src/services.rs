//! The only code that talks to the network: downloading and decoding the corpus.

use crate::marks;
use insight_corpus::{DecodeError, ValidCorpus};
use std::fmt;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Where the corpus lives, relative to the site's base address.
pub const CORPUS_PATH: &str = "corpus.json";
/// Where the corpus tool puts the search index it built for the corpus (optional).
pub const INDEX_PATH: &str = "search-index.bin";

/// Why the collection could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, aborted).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// The file arrived but is not a corpus this explorer can read.
    Decode(DecodeError),
}

impl LoadError {
    /// A heading for the error view.
    pub fn headline(&self) -> &'static str {
        match self {
            LoadError::Network(_) => "The collection could not be downloaded",
            LoadError::Status(404) => "The collection is missing from this site",
            LoadError::Status(_) => "The server could not send the collection",
            LoadError::Decode(_) => "The collection file could not be read",
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(detail) => write!(
                f,
                "The request for {CORPUS_PATH} did not complete ({detail}). Check your connection and try again."
            ),
            LoadError::Status(404) => write!(
                f,
                "{CORPUS_PATH} was not found (HTTP 404). If you run this site, build it with `cargo xtask dist` so the corpus is published with it."
            ),
            LoadError::Status(status) => write!(
                f,
                "The server answered HTTP {status} for {CORPUS_PATH}. This is often temporary: try again in a moment."
            ),
            LoadError::Decode(error) => write!(
                f,
                "{CORPUS_PATH} is not a corpus this explorer can read: {error}. If you run this site, rebuild the corpus with the `corpus` tool and check it."
            ),
        }
    }
}

fn describe(value: wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Downloads `corpus.json` next to the page and decodes it, setting aside bad articles;
/// with it, in parallel, the search index the corpus tool saved, if the site has one.
pub async fn load_corpus() -> Result<(ValidCorpus, Option<Vec<u8>>), LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
    let index_request = window.fetch_with_str(INDEX_PATH);
    let response = JsFuture::from(window.fetch_with_str(CORPUS_PATH))
        .await
        .map_err(|e| LoadError::Network(describe(e)))?;
    let response: Response = response
        .dyn_into()
        .map_err(|e| LoadError::Network(describe(e)))?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    // The bytes, not `text()`: a JS string would be decoded to UTF-16 and then encoded
    // back to UTF-8 on its way into wasm; bytes arrive in one copy.
    let buffer = response
        .array_buffer()
        .map_err(|e| LoadError::Network(describe(e)))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|e| LoadError::Network(describe(e)))?;
    marks::mark(marks::CORPUS_FETCHED);
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = String::from_utf8(bytes).map_err(|e| {
        LoadError::Decode(DecodeError::Malformed {
            line: 1,
            column: e.utf8_error().valid_up_to() + 1,
            message: "the file is not UTF-8 text".to_string(),
        })
    })?;
    let corpus = ValidCorpus::from_json(&text).map_err(LoadError::Decode)?;
    marks::mark(marks::CORPUS_DECODED);
    Ok((corpus, saved_index(index_request).await))
}

/// The saved search index's bytes, or `None` when the site has none (the index is then
/// built in the browser).
async fn saved_index(request: js_sys::Promise) -> Option<Vec<u8>> {
    let response: Response = JsFuture::from(request).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
