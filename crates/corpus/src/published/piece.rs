//! What every piece shares: its name (a kind and the hash of its stored bytes), the
//! check that the bytes that arrived are the ones named, and (natively) compression.

use std::fmt;

/// The folder of a published site that holds the manifest and every piece.
pub const PIECES_FOLDER: &str = "corpus";

/// The hash of a piece's stored (compressed) bytes: 64 bits of xxHash64, written as 16
/// hex digits in its name. It tells pieces apart and catches damage; it is not a
/// signature (the site's own origin is what the browser trusts).
pub fn piece_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh64::xxh64(bytes, 0)
}

/// The file name of a piece of `kind` with these stored bytes: `list-0123456789abcdef.bin`.
pub fn piece_name(kind: &str, bytes: &[u8]) -> String {
    format!("{kind}-{:016x}.bin", piece_hash(bytes))
}

/// The id bucket an article id falls into, among `buckets`.
pub fn bucket_of(id: &str, buckets: usize) -> usize {
    (xxhash_rust::xxh64::xxh64(id.as_bytes(), 1) % buckets.max(1) as u64) as usize
}

/// Why a piece that arrived cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PieceError {
    /// The bytes are not those the name promises: damaged, cut short, or another file.
    HashMismatch { piece: String },
    /// The piece's name does not have the form `<kind>-<16 hex digits>.bin`.
    BadName { piece: String },
    /// The bytes are the right ones but do not decode as their kind of piece.
    Malformed { piece: String, message: String },
}

impl fmt::Display for PieceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PieceError::HashMismatch { piece } => write!(
                f,
                "{piece}: its bytes do not match the hash in its name (damaged, cut short, or from another publish)"
            ),
            PieceError::BadName { piece } => {
                write!(f, "{piece}: not a piece name (<kind>-<16 hex digits>.bin)")
            }
            PieceError::Malformed { piece, message } => write!(f, "{piece}: {message}"),
        }
    }
}

impl std::error::Error for PieceError {}

/// The hash a piece's name carries.
fn named_hash(piece: &str) -> Option<u64> {
    let stem = piece.strip_suffix(".bin")?;
    let (_, hex) = stem.rsplit_once('-')?;
    (hex.len() == 16)
        .then(|| u64::from_str_radix(hex, 16).ok())
        .flatten()
}

/// Checks that `bytes` are the piece `name` promises.
pub fn verify_piece(name: &str, bytes: &[u8]) -> Result<(), PieceError> {
    let expected = named_hash(name).ok_or_else(|| PieceError::BadName {
        piece: name.to_string(),
    })?;
    if piece_hash(bytes) == expected {
        Ok(())
    } else {
        Err(PieceError::HashMismatch {
            piece: name.to_string(),
        })
    }
}

/// Gzip-compresses a piece's content for storing (the browser unpacks it with
/// `DecompressionStream`, so the wasm carries no inflater).
#[cfg(not(target_arch = "wasm32"))]
pub fn compress(content: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(content);
    encoder.finish().unwrap_or_default()
}

/// Unpacks a stored piece (native readers: `corpus check`, `corpus stats`, tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn decompress(name: &str, stored: &[u8]) -> Result<Vec<u8>, PieceError> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(stored)
        .read_to_end(&mut out)
        .map_err(|e| PieceError::Malformed {
            piece: name.to_string(),
            message: format!("not gzip data: {e}"),
        })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_carries_the_hash_of_its_bytes() {
        let name = piece_name("list", b"abc");
        assert!(name.starts_with("list-") && name.ends_with(".bin") && name.len() == 25);
        assert_eq!(verify_piece(&name, b"abc"), Ok(()));
        assert!(matches!(
            verify_piece(&name, b"abd"),
            Err(PieceError::HashMismatch { .. })
        ));
        assert!(matches!(
            verify_piece("list.bin", b"abc"),
            Err(PieceError::BadName { .. })
        ));
    }

    #[test]
    fn compression_round_trips() {
        let text = "the same words again and again ".repeat(100);
        let stored = compress(text.as_bytes());
        assert!(stored.len() < text.len() / 5);
        assert_eq!(decompress("x", &stored).unwrap(), text.as_bytes());
        assert!(decompress("x", b"not gzip").is_err());
    }

    #[test]
    fn buckets_spread_ids() {
        let mut counts = [0usize; 8];
        (0..8000).for_each(|i| counts[bucket_of(&format!("article-{i}"), 8)] += 1);
        assert!(
            counts.iter().all(|&n| (800..1200).contains(&n)),
            "{counts:?}"
        );
    }
}
