//! Record packs: whole articles side by side, each compressed on its own, behind a header
//! that gives each record's length and hash, and beside them each article's card (its
//! list entry) in a slot of fixed size. The reader opens one article (or the articles a
//! page of results shows) by fetching the header and then byte ranges, so a pack of a
//! hundred articles costs a reader only the ones it shows; a card needs no header at all,
//! since its place follows from the slot size the manifest gives.
//!
//! Layout (little-endian): `count: u32`, `slot: u32`, then per record `length: u32,
//! hash: u64`; then `count` card slots of `slot` bytes each; then the records in order.
//! A slot holds `hash: u64` (of the article's number and all that follows),
//! `length: u32`, where the article's record is (`start: u32, length: u32, hash: u64`),
//! the card (its list entry as JSON, uncompressed), and zeros to its end: it checks
//! itself, so a card fetched alone is checked too, and it leads to its record without
//! the header.

use super::piece::piece_hash;
use super::PieceError;

const COUNT_BYTES: usize = 8;
const ENTRY_BYTES: usize = 12;
/// A card slot's own bytes before the card: its hash and length, and its record's place.
const SLOT_OVERHEAD: usize = 28;

/// Builds a pack from compressed records and cards.
#[derive(Debug, Default)]
pub struct PackWriter {
    records: Vec<Vec<u8>>,
    cards: Vec<Vec<u8>>,
    /// The number of the pack's first article (cards are checked against their number).
    first: u32,
}

impl PackWriter {
    /// A pack whose first article has this number.
    pub fn starting_at(first: u32) -> PackWriter {
        PackWriter {
            first,
            ..PackWriter::default()
        }
    }

    /// Adds the next article: its stored record and its stored card.
    pub fn push(&mut self, stored_record: Vec<u8>, stored_card: Vec<u8>) {
        self.records.push(stored_record);
        self.cards.push(stored_card);
    }

    /// The pack's bytes, the hash of its header, and its card slot size.
    pub fn finish(self) -> (Vec<u8>, u64, u32) {
        let count = self.records.len();
        let slot = SLOT_OVERHEAD + self.cards.iter().map(Vec::len).max().unwrap_or(0);
        let mut bytes = Vec::with_capacity(
            PackHeader::size(count)
                + slot * count
                + self.records.iter().map(Vec::len).sum::<usize>(),
        );
        bytes.extend_from_slice(&(count as u32).to_le_bytes());
        bytes.extend_from_slice(&(slot as u32).to_le_bytes());
        for record in &self.records {
            bytes.extend_from_slice(&(record.len() as u32).to_le_bytes());
            bytes.extend_from_slice(&piece_hash(record).to_le_bytes());
        }
        let header_hash = piece_hash(&bytes);
        let mut record_start = PackHeader::size(count) + slot * count;
        for (i, (card, record)) in self.cards.iter().zip(&self.records).enumerate() {
            let start = bytes.len();
            let number = self.first + i as u32;
            let mut checked = Vec::with_capacity(slot);
            checked.extend_from_slice(&(card.len() as u32).to_le_bytes());
            checked.extend_from_slice(&(record_start as u32).to_le_bytes());
            checked.extend_from_slice(&(record.len() as u32).to_le_bytes());
            checked.extend_from_slice(&piece_hash(record).to_le_bytes());
            checked.extend_from_slice(card);
            bytes.extend_from_slice(&card_hash(number, &checked).to_le_bytes());
            bytes.extend_from_slice(&checked);
            bytes.resize(start + slot, 0);
            record_start += record.len();
        }
        self.records.iter().for_each(|r| bytes.extend_from_slice(r));
        (bytes, header_hash, slot as u32)
    }
}

/// The hash a card slot carries: of the article's number and the slot's other bytes
/// (up to the card's end), so a slot read from the wrong place is refused.
fn card_hash(number: u32, checked: &[u8]) -> u64 {
    xxhash_rust::xxh64::xxh64(checked, u64::from(number) + 1)
}

/// A card read from its slot, with where its article's record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Card<'a> {
    /// The list entry, as JSON.
    pub entry: &'a [u8],
    pub record: RecordPlace,
}

/// Where a record is in its pack, and what its bytes hash to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordPlace {
    pub start: usize,
    pub end: usize,
    pub hash: u64,
}

impl RecordPlace {
    /// Checks that `bytes` are this record (of article `number` in `pack`).
    pub fn verify(&self, pack: &str, number: u32, bytes: &[u8]) -> Result<(), PieceError> {
        if piece_hash(bytes) == self.hash {
            Ok(())
        } else {
            Err(PieceError::HashMismatch {
                piece: format!("{pack} (the record of article {number})"),
            })
        }
    }
}

/// Where the card slots of a pack are, from what the manifest says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardSlots {
    /// The number of the pack's first article.
    pub first: u32,
    pub count: u32,
    /// The size of one slot.
    pub slot: u32,
}

impl CardSlots {
    /// The byte range (start, end) of article `number`'s slot, if the pack holds it.
    pub fn range(&self, number: u32) -> Option<(usize, usize)> {
        let i = number.checked_sub(self.first).filter(|&i| i < self.count)? as usize;
        let start = PackHeader::size(self.count as usize) + i * self.slot as usize;
        Some((start, start + self.slot as usize))
    }

    /// The card in `slot_bytes` (article `number`'s slot of `pack`), checked.
    pub fn card<'a>(
        &self,
        pack: &str,
        number: u32,
        slot_bytes: &'a [u8],
    ) -> Result<Card<'a>, PieceError> {
        let damaged = || PieceError::HashMismatch {
            piece: format!("{pack} (the card of article {number})"),
        };
        if slot_bytes.len() != self.slot as usize || slot_bytes.len() < SLOT_OVERHEAD {
            return Err(damaged());
        }
        let word = |at: usize| -> u64 {
            slot_bytes[at..at + 4]
                .iter()
                .rev()
                .fold(0u64, |v, &b| (v << 8) | u64::from(b))
        };
        let hash = word(0) | (word(4) << 32);
        let len = word(8) as usize;
        let checked = slot_bytes.get(8..SLOT_OVERHEAD + len).ok_or_else(damaged)?;
        if card_hash(number, checked) != hash {
            return Err(damaged());
        }
        let start = word(12) as usize;
        Ok(Card {
            entry: &slot_bytes[SLOT_OVERHEAD..SLOT_OVERHEAD + len],
            record: RecordPlace {
                start,
                end: start + word(16) as usize,
                hash: word(20) | (word(24) << 32),
            },
        })
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
        if word(0, 4) != count as u64 {
            return Err(malformed("its header counts another number of records"));
        }
        let slot = word(4, 4) as usize;
        let mut at = size + slot * count;
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

    /// The hash of record `i`'s bytes.
    pub fn hash(&self, i: usize) -> Option<u64> {
        self.hashes.get(i).copied()
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

    fn pack_of(first: u32, records: &[&[u8]], cards: &[&[u8]]) -> (Vec<u8>, u64, u32) {
        let mut writer = PackWriter::starting_at(first);
        records
            .iter()
            .zip(cards)
            .for_each(|(r, c)| writer.push(r.to_vec(), c.to_vec()));
        writer.finish()
    }

    #[test]
    fn records_come_back_by_range() {
        let records: [&[u8]; 3] = [b"first", b"", b"third record"];
        let (pack, hash, _) = pack_of(0, &records, &[b"a", b"bb", b""]);
        let header = PackHeader::read("p", &pack, 3, hash).unwrap();
        for (i, record) in records.iter().enumerate() {
            let (start, end) = header.range(i).unwrap();
            assert_eq!(&pack[start..end], *record);
            assert_eq!(header.verify("p", i, &pack[start..end]), Ok(()));
        }
        assert!(header.verify("p", 0, b"other").is_err());
        assert!(header.range(3).is_none());
    }

    #[test]
    fn cards_come_back_by_range_without_the_header() {
        let cards: [&[u8]; 3] = [b"card one", b"", b"a longer third card"];
        let (pack, _, slot) = pack_of(40, &[b"r1", b"r2", b"r3"], &cards);
        let slots = CardSlots {
            first: 40,
            count: 3,
            slot,
        };
        let records: [&[u8]; 3] = [b"r1", b"r2", b"r3"];
        for (i, card) in cards.iter().enumerate() {
            let number = 40 + i as u32;
            let (start, end) = slots.range(number).unwrap();
            let read = slots.card("p", number, &pack[start..end]).unwrap();
            assert_eq!(read.entry, *card);
            // The card leads to its record, which checks against it.
            let place = read.record;
            assert_eq!(&pack[place.start..place.end], records[i]);
            assert_eq!(place.verify("p", number, records[i]), Ok(()));
            assert!(place.verify("p", number, b"other").is_err());
        }
        assert_eq!(slots.range(39), None);
        assert_eq!(slots.range(43), None);
    }

    #[test]
    fn a_card_from_the_wrong_place_or_damaged_is_refused() {
        let (pack, _, slot) = pack_of(0, &[b"r1", b"r2"], &[b"card one", b"card two"]);
        let slots = CardSlots {
            first: 0,
            count: 2,
            slot,
        };
        let (start, end) = slots.range(0).unwrap();
        // The slot of article 0 read as article 1's.
        assert!(slots.card("p", 1, &pack[start..end]).is_err());
        for at in [SLOT_OVERHEAD, 14, 20] {
            // The card, or where it says its record is.
            let mut damaged = pack[start..end].to_vec();
            damaged[at] ^= 1;
            assert!(slots.card("p", 0, &damaged).is_err());
        }
        assert!(slots.card("p", 0, &pack[start..end - 1]).is_err());
        let mut too_long = pack[start..end].to_vec();
        too_long[8] = 200;
        assert!(slots.card("p", 0, &too_long).is_err());
    }

    #[test]
    fn a_header_of_another_pack_is_refused() {
        let (pack, hash, _) = pack_of(0, &[b"x"], &[b"c"]);
        assert!(PackHeader::read("p", &pack, 1, hash ^ 1).is_err());
        assert!(PackHeader::read("p", &pack, 2, hash).is_err());
        assert!(PackHeader::read("p", &pack[..5], 1, hash).is_err());
    }
}
