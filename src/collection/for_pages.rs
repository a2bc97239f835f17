//! The collection as `corpus publish` renders the site's pages from it: the pieces it has
//! just published (only the search directory and the facet pieces: pages never search
//! for words) and the articles themselves. The list's pages need the list entries alone,
//! the articles' pages the articles whole, so each kind of page gets a collection of its
//! own and the two can be rendered side by side, on two cores.

use super::{Collection, Searches};
use insight_corpus::published::{decompress, ListEntry, Manifest};
use insight_corpus::Article;
use insight_search::published::{FacetKind, Need, PieceIndex, Published};
use std::collections::HashMap;

/// The manifest and the search pieces pages need, unpacked.
pub struct PagePieces {
    manifest: Manifest,
    pieces: HashMap<String, Vec<u8>>,
}

impl PagePieces {
    /// Keeps of `published` what pages need; the rest (term pieces, packs) goes.
    pub fn of(published: Published) -> PagePieces {
        let mut index = PieceIndex::new(&published.manifest);
        let mut pieces = HashMap::new();
        let mut keep = |index: &mut PieceIndex, need: Need| {
            let name = index.piece_name(need)?.to_string();
            let (_, stored) = published.pieces.iter().find(|(n, _)| *n == name)?;
            // Made by the tool a moment ago, so it always unpacks and fits.
            let unpacked = decompress(&name, stored).ok()?;
            let _ = index.add(need, &unpacked);
            pieces.insert(name, unpacked);
            Some(())
        };
        keep(&mut index, Need::Directory);
        for kind in FacetKind::ALL {
            keep(&mut index, Need::Facet(kind));
        }
        PagePieces {
            manifest: published.manifest,
            pieces,
        }
    }

    fn collection(&self) -> Collection {
        let collection = Collection::from_manifest(self.manifest.clone());
        collection.take_search(Searches::Facets, |name| self.pieces.get(name).cloned());
        collection
    }
}

impl Collection {
    /// For the articles' pages: every article whole; `articles` in number order (see
    /// [`super::in_number_order`]).
    pub fn for_article_pages(pieces: &PagePieces, articles: Vec<Article>) -> Collection {
        let collection = pieces.collection();
        for (number, article) in articles.into_iter().enumerate() {
            collection.hold_record(number as u32, article);
        }
        collection
    }

    /// For the list's pages (and each keyword's and author's): every article's list
    /// entry, in number order.
    pub fn for_list_pages(pieces: &PagePieces, entries: Vec<ListEntry>) -> Collection {
        let collection = pieces.collection();
        for (number, entry) in entries.into_iter().enumerate() {
            collection.hold_entry(number as u32, entry);
        }
        collection
    }
}
