//! The only code that talks to the network: the manifest, the pieces of a published
//! collection (whole, or by byte range for record packs), and a whole `corpus.json` of
//! format 1. Pieces are checked against the hash in their name and unpacked with the
//! browser's own `DecompressionStream`, so the wasm carries no inflater.

pub use crate::load_error::LoadError;
use crate::load_error::{CORPUS_PATH, MANIFEST_PATH};
use crate::marks;
use gloo_net::http::{Request, Response};
use insight_corpus::published::{verify_piece, Manifest, PieceError, PIECES_FOLDER};
use insight_corpus::{DecodeError, ValidCorpus};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::RequestCache;

/// How the collection arrived: as pieces (format 2) or whole (format 1).
pub enum Start {
    Pieces(Manifest),
    Whole(ValidCorpus),
}

fn network(file: &str, error: gloo_net::Error) -> LoadError {
    LoadError::Network(file.to_string(), error.to_string())
}

async fn bytes_of(file: &str, response: &Response) -> Result<Vec<u8>, LoadError> {
    if !response.ok() {
        return Err(LoadError::Status(file.to_string(), response.status()));
    }
    response.binary().await.map_err(|e| network(file, e))
}

/// Fetches the manifest (always fresh: it is the one file that changes in place), or,
/// where the site has none, the whole corpus of format 1.
pub async fn load_start() -> Result<Start, LoadError> {
    let response = match early_manifest().await {
        Some(response) => response,
        None => Request::get(MANIFEST_PATH)
            .cache(RequestCache::NoCache)
            .send()
            .await
            .map_err(|e| network(MANIFEST_PATH, e))?,
    };
    if response.status() == 404 {
        // No manifest: a site of format 1, or none at all (then the manifest is what the
        // owner is told is missing).
        return match load_whole().await {
            Err(LoadError::Status(_, 404)) => {
                Err(LoadError::Status(MANIFEST_PATH.to_string(), 404))
            }
            other => other.map(Start::Whole),
        };
    }
    let bytes = bytes_of(MANIFEST_PATH, &response).await?;
    marks::mark(marks::CORPUS_FETCHED);
    let text = utf8(MANIFEST_PATH, bytes)?;
    Manifest::from_json(&text)
        .map(Start::Pieces)
        .map_err(|e| LoadError::Decode(MANIFEST_PATH.to_string(), e))
}

/// The page's own name for the manifest request it starts before the app has loaded.
const EARLY_MANIFEST: &str = "insightManifest";

/// The answer to the manifest request the page started while the app downloaded
/// (index.html), taken once: a retry asks afresh. None where the page started none or
/// it failed; then the app asks itself, and reports why if that fails too.
async fn early_manifest() -> Option<Response> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str(EARLY_MANIFEST);
    let started = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let started = started.dyn_into::<js_sys::Promise>().ok()?;
    let answer = JsFuture::from(started).await.ok()?;
    answer
        .dyn_into::<web_sys::Response>()
        .ok()
        .map(Response::from)
}

fn utf8(file: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        LoadError::Decode(
            file.to_string(),
            DecodeError::Malformed {
                line: 1,
                column: e.utf8_error().valid_up_to() + 1,
                message: "the file is not UTF-8 text".to_string(),
            },
        )
    })
}

/// Downloads `corpus.json` (format 1) and decodes it, setting aside bad articles.
async fn load_whole() -> Result<ValidCorpus, LoadError> {
    let response = Request::get(CORPUS_PATH)
        .send()
        .await
        .map_err(|e| network(CORPUS_PATH, e))?;
    // The bytes, not `text()`: a JS string would be decoded to UTF-16 and then encoded
    // back to UTF-8 on its way into wasm; bytes arrive in one copy.
    let bytes = bytes_of(CORPUS_PATH, &response).await?;
    marks::mark(marks::CORPUS_FETCHED);
    let text = utf8(CORPUS_PATH, bytes)?;
    let corpus =
        ValidCorpus::from_json(&text).map_err(|e| LoadError::Decode(CORPUS_PATH.to_string(), e))?;
    marks::mark(marks::CORPUS_DECODED);
    Ok(corpus)
}

/// Why a piece could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum PieceFailure {
    /// The request did not complete; `offline` when the browser says it has no network.
    Network {
        piece: String,
        offline: bool,
    },
    Status {
        piece: String,
        status: u16,
    },
    Broken(PieceError),
}

impl PieceFailure {
    /// Whether asking again can help.
    pub fn retry_helps(&self) -> bool {
        match self {
            PieceFailure::Network { .. } => true,
            PieceFailure::Status { status, .. } => *status >= 500 || matches!(status, 408 | 429),
            // A damaged download may come whole the next time.
            PieceFailure::Broken(PieceError::HashMismatch { .. }) => true,
            PieceFailure::Broken(_) => false,
        }
    }
}

impl std::fmt::Display for PieceFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PieceFailure::Network {
                piece,
                offline: true,
            } => {
                write!(
                    f,
                    "{piece} could not be downloaded: this browser is offline"
                )
            }
            PieceFailure::Network { piece, .. } => {
                write!(
                    f,
                    "{piece} could not be downloaded (the request did not complete)"
                )
            }
            PieceFailure::Status { piece, status } => {
                write!(f, "the server answered HTTP {status} for {piece}")
            }
            PieceFailure::Broken(error) => write!(f, "{error}"),
        }
    }
}

fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

fn piece_url(piece: &str) -> String {
    format!("{PIECES_FOLDER}/{piece}")
}

async fn get(piece: &str, range: Option<(usize, usize)>) -> Result<(u16, Vec<u8>), PieceFailure> {
    let mut request = Request::get(&piece_url(piece));
    if let Some((start, end)) = range {
        request = request.header("Range", &format!("bytes={start}-{}", end.saturating_sub(1)));
    }
    let failed = |_| PieceFailure::Network {
        piece: piece.to_string(),
        offline: offline(),
    };
    let response = request.send().await.map_err(failed)?;
    if !response.ok() {
        return Err(PieceFailure::Status {
            piece: piece.to_string(),
            status: response.status(),
        });
    }
    let bytes = response.binary().await.map_err(failed)?;
    Ok((response.status(), bytes))
}

/// A whole piece: fetched, checked against its name, unpacked.
pub async fn fetch_piece(piece: &str) -> Result<Vec<u8>, PieceFailure> {
    let (_, stored) = get(piece, None).await?;
    verify_piece(piece, &stored).map_err(PieceFailure::Broken)?;
    unpack(piece, &stored).await
}

/// Bytes `start..end` of a piece. A host that ignores ranges sends the whole file, which
/// is then checked whole and cut here.
pub async fn fetch_range(piece: &str, start: usize, end: usize) -> Result<Vec<u8>, PieceFailure> {
    let (status, bytes) = get(piece, Some((start, end))).await?;
    if status == 206 {
        return Ok(bytes);
    }
    verify_piece(piece, &bytes).map_err(PieceFailure::Broken)?;
    bytes.get(start..end).map(<[u8]>::to_vec).ok_or_else(|| {
        PieceFailure::Broken(PieceError::Malformed {
            piece: piece.to_string(),
            message: "it is shorter than its header says".to_string(),
        })
    })
}

/// Unpacks gzip-stored bytes with the browser's `DecompressionStream`; bytes that are
/// not gzip (a host that already undid the compression) are taken as they are.
pub async fn unpack(piece: &str, stored: &[u8]) -> Result<Vec<u8>, PieceFailure> {
    if !stored.starts_with(&[0x1f, 0x8b]) {
        return Ok(stored.to_vec());
    }
    let broken = |message: String| {
        PieceFailure::Broken(PieceError::Malformed {
            piece: piece.to_string(),
            message,
        })
    };
    let describe = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "it does not unpack".to_string())
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(stored));
    let blob =
        web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|e| broken(describe(e)))?;
    let inflate = DecompressionStream::new("gzip").map_err(|e| broken(describe(e)))?;
    let pair = web_sys::ReadableWritablePair::new(&inflate.readable(), &inflate.writable());
    let unpacked = blob.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&unpacked))
        .map_err(|e| broken(describe(e)))?;
    let buffer = response.array_buffer().map_err(|e| broken(describe(e)))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|e| broken(format!("it does not unpack: {}", describe(e))))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

// web-sys has `DecompressionStream` only behind its unstable-API flag, which every build
// of the site would have to set; these three members are all the explorer uses of it.
#[wasm_bindgen]
extern "C" {
    type DecompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, wasm_bindgen::JsValue>;

    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;

    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

#[cfg(test)]
mod tests {
    /// The request index.html starts is for the manifest this module reads, under the
    /// name it takes the answer by.
    #[test]
    fn the_page_starts_the_manifest_request_the_app_takes() {
        let page = include_str!("../index.html");
        let request = format!(
            "window.{} = fetch(\"{}\", {{ cache: \"no-cache\" }})",
            super::EARLY_MANIFEST,
            super::MANIFEST_PATH
        );
        assert!(page.contains(&request), "index.html lacks {request}");
    }
}
