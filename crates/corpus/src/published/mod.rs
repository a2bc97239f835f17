//! Corpus format version 2: a collection published as pieces, so a reader's browser
//! fetches only what the view needs.
//!
//! - `manifest.json`: the title and notice, the article count, the facet values with their
//!   counts for the empty query, and the name of every other piece. It is small and is
//!   the only file fetched fresh on every visit.
//! - list pieces: the list metadata of consecutive articles (no bodies), enough to draw
//!   cards; the newest piece draws the first list.
//! - record packs, one beside each list piece: every article whole, each compressed on its
//!   own behind a small header, so one article can be fetched by byte range; and each
//!   article's card in a slot of fixed size, so a search's scattered results are fetched
//!   one range each, without the header first.
//! - id buckets: which article number an id has, for addresses like `/articles/<id>`.
//! - the search pieces (written and read by `insight-search`), listed by one directory
//!   piece.
//!
//! Articles are numbered from the oldest (`0`) to the newest, so a republish that adds
//! new articles leaves the pieces of the older ones byte for byte as they were. Every
//! piece is stored gzip-compressed (hosts such as GitHub Pages do not compress
//! `application/octet-stream`) and named after the hash of its stored bytes, so it can be
//! cached forever and a piece of another publish is recognised and refused.

mod manifest;
mod pack;
mod piece;
#[cfg(not(target_arch = "wasm32"))]
mod read;
mod records;

pub use manifest::{ListRef, Manifest, ValueCount, YearCount, MANIFEST_FILE, MANIFEST_VERSION};
pub use pack::{Card, CardSlots, PackHeader, PackWriter, RecordPlace};
pub use piece::{bucket_of, piece_hash, piece_name, verify_piece, PieceError, PIECES_FOLDER};
pub use records::{IdBucket, ListEntry, ListPiece};

#[cfg(not(target_arch = "wasm32"))]
pub use piece::{compress, decompress};
#[cfg(not(target_arch = "wasm32"))]
pub use read::{read_manifest, read_piece, read_published, PublishedFolder};
