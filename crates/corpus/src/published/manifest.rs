//! The manifest: the one small file a visit always fetches fresh. It says what the
//! collection is, counts its facet values for the empty query (so the first list needs no
//! search data), and names every piece.

use crate::DecodeError;
use serde::{Deserialize, Serialize};

/// The manifest's file name inside [`super::PIECES_FOLDER`].
pub const MANIFEST_FILE: &str = "manifest.json";

/// The format version of a collection published as pieces.
pub const MANIFEST_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub version: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// How many articles the collection holds; they are numbered `0` (oldest) to
    /// `articles - 1` (newest).
    pub articles: u32,
    /// Facet values, each numbered by its place here (the search pieces refer to values
    /// by these numbers), with how many articles carry it. Keywords, authors and sources
    /// are most frequent first; spellings that differ only in case are one value.
    pub keywords: Vec<ValueCount>,
    pub authors: Vec<ValueCount>,
    pub sources: Vec<ValueCount>,
    /// Years, newest first. Articles are numbered in date order, so a year is a run of
    /// consecutive article numbers.
    pub years: Vec<YearCount>,
    /// The list pieces, oldest articles first, each with its record pack.
    pub lists: Vec<ListRef>,
    /// The id buckets: bucket `b` (see [`super::bucket_of`]) is `ids[b]`.
    pub ids: Vec<String>,
    /// The search directory piece (see `insight-search`).
    pub search: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueCount {
    pub label: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearCount {
    pub year: u16,
    pub count: u32,
}

/// One list piece and its record pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRef {
    /// The number of its first (oldest) article.
    pub first: u32,
    pub count: u32,
    pub list: String,
    pub pack: String,
    /// The hash of the pack's header (16 hex digits): a pack is read by byte ranges, so
    /// its header and each record are checked on their own.
    pub header: String,
    /// The size of the pack's card slots (see [`CardSlots`](super::CardSlots)).
    pub card: u32,
}

impl ListRef {
    /// Where this pack's card slots are.
    pub fn card_slots(&self) -> super::CardSlots {
        super::CardSlots {
            first: self.first,
            count: self.count,
            slot: self.card,
        }
    }

    /// The pack header's hash as a number, if the manifest gives a well-formed one.
    pub fn header_hash(&self) -> Option<u64> {
        (self.header.len() == 16)
            .then(|| u64::from_str_radix(&self.header, 16).ok())
            .flatten()
    }
}

impl Manifest {
    /// Reads a manifest: its version first, so a manifest of another version says so
    /// instead of failing on a field it does not have.
    pub fn from_json(text: &str) -> Result<Manifest, DecodeError> {
        #[derive(Deserialize)]
        struct VersionOnly {
            version: Option<u64>,
        }
        match serde_json::from_str::<VersionOnly>(text)?.version {
            None => Err(DecodeError::MissingVersion),
            Some(v) if v == u64::from(MANIFEST_VERSION) => Ok(serde_json::from_str(text)?),
            Some(v) => Err(DecodeError::UnsupportedVersion(v)),
        }
    }

    /// The list piece holding article `number`, by position in [`Manifest::lists`].
    pub fn list_of(&self, number: u32) -> Option<usize> {
        let at = self.lists.partition_point(|l| l.first + l.count <= number);
        (at < self.lists.len() && self.lists[at].first <= number).then_some(at)
    }

    /// The article numbers of each year, newest year first: `(year, first, end)`.
    pub fn year_ranges(&self) -> Vec<(u16, u32, u32)> {
        let mut end = self.articles;
        self.years
            .iter()
            .map(|y| {
                let first = end.saturating_sub(y.count);
                let range = (y.year, first, end);
                end = first;
                range
            })
            .collect()
    }

    /// Every piece the manifest names (list pieces, packs, id buckets, search
    /// directory), for checking and for removing stale files.
    pub fn pieces(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .lists
            .iter()
            .flat_map(|l| [l.list.as_str(), l.pack.as_str()])
            .collect();
        out.extend(self.ids.iter().map(String::as_str));
        out.push(&self.search);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(counts: &[u32]) -> Manifest {
        let mut first = 0;
        let lists = counts
            .iter()
            .map(|&count| {
                let l = ListRef {
                    first,
                    count,
                    list: String::new(),
                    pack: String::new(),
                    header: String::new(),
                    card: 0,
                };
                first += count;
                l
            })
            .collect();
        Manifest {
            version: MANIFEST_VERSION,
            title: "t".into(),
            notice: None,
            articles: first,
            keywords: vec![],
            authors: vec![],
            sources: vec![],
            years: vec![
                YearCount {
                    year: 2021,
                    count: 3,
                },
                YearCount {
                    year: 2019,
                    count: first - 3,
                },
            ],
            lists,
            ids: vec![],
            search: String::new(),
        }
    }

    #[test]
    fn finds_the_list_piece_of_an_article() {
        let m = manifest(&[100, 100, 7]);
        assert_eq!(m.list_of(0), Some(0));
        assert_eq!(m.list_of(99), Some(0));
        assert_eq!(m.list_of(100), Some(1));
        assert_eq!(m.list_of(206), Some(2));
        assert_eq!(m.list_of(207), None);
    }

    #[test]
    fn years_are_runs_of_numbers_from_the_newest() {
        let m = manifest(&[10]);
        assert_eq!(m.year_ranges(), [(2021, 7, 10), (2019, 0, 7)]);
    }
}
