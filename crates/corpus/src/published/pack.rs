//! Record packs: whole articles side by side, each compressed on its own, behind a header
//! that gives each record's length and hash. The reader opens one article (or the
//! articles a page of results shows) by fetching the header and then byte ranges, so a
//! pack of a hundred articles costs a reader only the ones it shows.
//!
//! Layout: `count: u32`, then per record `length: u32, hash: u64` (little-endian), then
//! the records in order.

use super::piece::piece_hash;
use super::PieceError;

const COUNT_BYTES: usize = 4;
const ENTRY_BYTES: usize = 12;

/// Builds a pack from compressed records.
#[derive(Debug, Default)]
pub struct PackWriter {
    records: Vec<Vec<u8>>,
}

impl PackWriter {
    pub fn push(&mut self, stored_record: Vec<u8>) {
        self.records.push(stored_record);
    }

    /// The pack's bytes and the hash of its header.
    pub fn finish(self) -> (Vec<u8>, u64) {
        let mut bytes = Vec::with_capacity(
            PackHeader::size(self.records.len()) + self.records.iter().map(Vec::len).sum::<usize>(),
        );
        bytes.extend_from_slice(&(self.records.len() as u32).to_le_bytes());
        for record in &self.records {
            bytes.extend_from_slice(&(record.len() as u32).to_le_bytes());
            bytes.extend_from_slice(&piece_hash(record).to_le_bytes());
        }
        let header_hash = piece_hash(&bytes);
        self.records.iter().for_each(|r| bytes.extend_from_slice(r));
        (bytes, header_hash)
    }
}

/// A pack's header, read: where each record is and what its bytes hash to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackHeader {
    /// Byte ranges of the records in the pack file.
    ranges: Vec<(usize, usize)>,
    hashes: Vec<u64>,
}

impl PackHeader {
    /// The header's size for a pack of `count` records: the first range to fetch.
    pub fn size(count: usize) -> usize {
        COUNT_BYTES + ENTRY_BYTES * count
    }

    /// Reads the header of `pack` (named so in errors) from its first bytes, checking it
    /// against the hash the manifest gives and the count it expects.
    pub fn read(
        pack: &str,
        bytes: &[u8],
        count: usize,
        hash: u64,
    ) -> Result<PackHeader, PieceError> {
        let size = PackHeader::size(count);
        let malformed = |message: &str| PieceError::Malformed {
            piece: pack.to_string(),
            message: message.to_string(),
        };
        let header = bytes
            .get(..size)
            .ok_or_else(|| malformed("its header is cut short"))?;
        if piece_hash(header) != hash {
            return Err(PieceError::HashMismatch {
                piece: pack.to_string(),
            });
        }
        let word = |at: usize, n: usize| -> u64 {
            header[at..at + n]
                .iter()
                .rev()
                .fold(0u64, |v, &b| (v << 8) | u64::from(b))
        };
        if word(0, COUNT_BYTES) != count as u64 {
            return Err(malformed("its header counts another number of records"));
        }
        let mut at = size;
        let mut ranges = Vec::with_capacity(count);
        let mut hashes = Vec::with_capacity(count);
        for i in 0..count {
            let entry = COUNT_BYTES + ENTRY_BYTES * i;
            let len = word(entry, 4) as usize;
            ranges.push((at, at + len));
            hashes.push(word(entry + 4, 8));
            at += len;
        }
        Ok(PackHeader { ranges, hashes })
    }

    /// The byte range (start, end) of record `i`.
    pub fn range(&self, i: usize) -> Option<(usize, usize)> {
        self.ranges.get(i).copied()
    }

    /// Checks that `bytes` are record `i`.
    pub fn verify(&self, pack: &str, i: usize, bytes: &[u8]) -> Result<(), PieceError> {
        match self.hashes.get(i) {
            Some(&hash) if piece_hash(bytes) == hash => Ok(()),
            _ => Err(PieceError::HashMismatch {
                piece: format!("{pack} (article {i} of the pack)"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_by_range() {
        let mut writer = PackWriter::default();
        let records: Vec<Vec<u8>> = vec![b"first".to_vec(), vec![], b"third record".to_vec()];
        records.iter().for_each(|r| writer.push(r.clone()));
        let (pack, hash) = writer.finish();
        let header = PackHeader::read("p", &pack, 3, hash).unwrap();
        for (i, record) in records.iter().enumerate() {
            let (start, end) = header.range(i).unwrap();
            assert_eq!(&pack[start..end], record.as_slice());
            assert_eq!(header.verify("p", i, &pack[start..end]), Ok(()));
        }
        assert!(header.verify("p", 0, b"other").is_err());
        assert!(header.range(3).is_none());
    }

    #[test]
    fn a_header_of_another_pack_is_refused() {
        let mut writer = PackWriter::default();
        writer.push(b"x".to_vec());
        let (pack, hash) = writer.finish();
        assert!(PackHeader::read("p", &pack, 1, hash ^ 1).is_err());
        assert!(PackHeader::read("p", &pack, 2, hash).is_err());
        assert!(PackHeader::read("p", &pack[..5], 1, hash).is_err());
    }
}
