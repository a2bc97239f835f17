//! The only code that talks to the network: downloading and decoding the corpus.

use crate::marks;
use insight_corpus::{DecodeError, ValidCorpus};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

pub use crate::load_error::{LoadError, CORPUS_PATH};

/// Where the corpus tool puts the search index it built for the corpus (optional).
pub const INDEX_PATH: &str = "search-index.bin";

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
