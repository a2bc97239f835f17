//! The pieces of a published collection that the browser holds so far, and what it asks
//! for next: a [`PieceIndex`] starts from the manifest alone and grows as pieces arrive.

use super::pieces::{read_facet, read_positions, read_postings, read_vocabulary, TermPostings};
use super::SearchDirectory;
use crate::engine::{Facet, FacetCount, Facets};
use crate::index::value_key;
use insight_corpus::published::{Manifest, PieceError, ValueCount};
use rustc_hash::FxHashMap;

/// A piece the search needs and does not have yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Need {
    Directory,
    /// The postings piece at this place in the directory.
    Postings(usize),
    Positions(usize),
    Vocabulary(usize),
    /// The facet piece of keywords, authors or sources.
    Facet(FacetKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Keywords,
    Authors,
    Sources,
}

impl FacetKind {
    pub const ALL: [FacetKind; 3] = [FacetKind::Keywords, FacetKind::Authors, FacetKind::Sources];

    pub fn of(facet: Facet) -> Option<FacetKind> {
        match facet {
            Facet::Keywords => Some(FacetKind::Keywords),
            Facet::Authors => Some(FacetKind::Authors),
            Facet::Sources => Some(FacetKind::Sources),
            Facet::Years => None,
        }
    }
}

/// One facet's values as the manifest lists them, findable in any case or spacing.
#[derive(Debug, Default)]
pub(crate) struct FacetValues {
    pub labels: Vec<String>,
    pub counts: Vec<u32>,
    /// Each value by its folded key, made when first looked up: a collection has
    /// thousands of keywords and authors, and the first list needs none of them.
    by_key: std::cell::OnceCell<FxHashMap<String, u32>>,
    /// For each value, the articles carrying it, once its facet piece has arrived.
    pub lists: Option<Vec<Vec<u32>>>,
    /// The same turned around: each article's values, made when first counted.
    by_article: std::cell::OnceCell<ByArticle>,
}

/// Each article's values of one facet, all in one list (`values[starts[d]..starts[d + 1]]`
/// are article `d`'s): counting the facet over a selection then walks the selected
/// articles instead of every value's whole list.
#[derive(Debug)]
pub(crate) struct ByArticle {
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl ByArticle {
    fn new(lists: &[Vec<u32>], articles: usize) -> ByArticle {
        let mut starts = vec![0u32; articles + 1];
        lists
            .iter()
            .flatten()
            .for_each(|&d| starts[d as usize + 1] += 1);
        for d in 0..articles {
            starts[d + 1] += starts[d];
        }
        let mut next = starts.clone();
        let mut values = vec![0u32; starts[articles] as usize];
        for (v, list) in lists.iter().enumerate() {
            for &d in list {
                values[next[d as usize] as usize] = v as u32;
                next[d as usize] += 1;
            }
        }
        ByArticle { starts, values }
    }

    /// Article `d`'s values.
    pub(crate) fn of(&self, d: usize) -> &[u32] {
        &self.values[self.starts[d] as usize..self.starts[d + 1] as usize]
    }
}

impl FacetValues {
    fn new(values: &[ValueCount]) -> FacetValues {
        FacetValues {
            labels: values.iter().map(|v| v.label.clone()).collect(),
            counts: values.iter().map(|v| v.count).collect(),
            by_key: std::cell::OnceCell::new(),
            lists: None,
            by_article: std::cell::OnceCell::new(),
        }
    }

    /// Each article's values, once the facet piece has arrived.
    pub(crate) fn by_article(&self, articles: usize) -> Option<&ByArticle> {
        let lists = self.lists.as_deref()?;
        Some(
            self.by_article
                .get_or_init(|| ByArticle::new(lists, articles)),
        )
    }

    pub fn find(&self, label: &str) -> Option<u32> {
        let by_key = self.by_key.get_or_init(|| {
            self.labels
                .iter()
                .enumerate()
                .map(|(i, label)| (value_key(label), i as u32))
                .collect()
        });
        by_key.get(&value_key(label)).copied()
    }
}

/// The search over a published collection, from the pieces received so far.
#[derive(Debug)]
pub struct PieceIndex {
    pub(crate) articles: u32,
    /// `(year, first, end)` article numbers, newest year first.
    pub(crate) years: Vec<(u16, u32, u32)>,
    pub(crate) keywords: FacetValues,
    pub(crate) authors: FacetValues,
    pub(crate) sources: FacetValues,
    directory_name: String,
    pub(crate) directory: Option<SearchDirectory>,
    pub(crate) postings: Vec<Option<FxHashMap<String, TermPostings>>>,
    pub(crate) positions: Vec<Option<FxHashMap<String, Vec<Vec<u32>>>>>,
    pub(crate) vocabulary: Vec<Option<Vec<(String, u32)>>>,
    /// What `related` keeps between calls.
    pub(crate) related: super::related::Related,
}

fn malformed(piece: &str, what: &str) -> PieceError {
    PieceError::Malformed {
        piece: piece.to_string(),
        message: format!("not a {what} piece of this collection"),
    }
}

impl PieceIndex {
    pub fn new(manifest: &Manifest) -> PieceIndex {
        PieceIndex {
            articles: manifest.articles,
            years: manifest.year_ranges(),
            keywords: FacetValues::new(&manifest.keywords),
            authors: FacetValues::new(&manifest.authors),
            sources: FacetValues::new(&manifest.sources),
            directory_name: manifest.search.clone(),
            directory: None,
            postings: Vec::new(),
            positions: Vec::new(),
            vocabulary: Vec::new(),
            related: Default::default(),
        }
    }

    pub(crate) fn values(&self, kind: FacetKind) -> &FacetValues {
        match kind {
            FacetKind::Keywords => &self.keywords,
            FacetKind::Authors => &self.authors,
            FacetKind::Sources => &self.sources,
        }
    }

    /// The search directory, once it has arrived.
    pub fn directory(&self) -> Option<&SearchDirectory> {
        self.directory.as_ref()
    }

    /// The collection's spelling of a keyword given in any case or spacing.
    pub fn keyword_label(&self, keyword: &str) -> Option<&str> {
        self.keywords
            .find(keyword)
            .map(|k| self.keywords.labels[k as usize].as_str())
    }

    /// Where a keyword, author or source given in any case or spacing stands among the
    /// manifest's values of its facet.
    pub fn value_number(&self, kind: FacetKind, label: &str) -> Option<u32> {
        self.values(kind).find(label)
    }

    /// The file name of a needed piece (the directory must have arrived for any other).
    pub fn piece_name(&self, need: Need) -> Option<&str> {
        if need == Need::Directory {
            return Some(&self.directory_name);
        }
        let d = self.directory.as_ref()?;
        Some(match need {
            Need::Directory => &self.directory_name,
            Need::Postings(i) => &d.terms.get(i)?.postings,
            Need::Positions(i) => &d.terms.get(i)?.positions,
            Need::Vocabulary(i) => &d.vocabulary.get(i)?.file,
            Need::Facet(FacetKind::Keywords) => &d.keywords,
            Need::Facet(FacetKind::Authors) => &d.authors,
            Need::Facet(FacetKind::Sources) => &d.sources,
        })
    }

    /// Whether a needed piece has arrived.
    pub fn has(&self, need: Need) -> bool {
        match need {
            Need::Directory => self.directory.is_some(),
            Need::Postings(i) => self.postings.get(i).is_some_and(Option::is_some),
            Need::Positions(i) => self.positions.get(i).is_some_and(Option::is_some),
            Need::Vocabulary(i) => self.vocabulary.get(i).is_some_and(Option::is_some),
            Need::Facet(kind) => self.values(kind).lists.is_some(),
        }
    }

    /// Takes in a piece that arrived (its hash checked, unpacked).
    pub fn add(&mut self, need: Need, bytes: &[u8]) -> Result<(), PieceError> {
        let name = self
            .piece_name(need)
            .unwrap_or("a search piece")
            .to_string();
        match need {
            Need::Directory => {
                let directory: SearchDirectory = serde_json::from_slice(bytes)
                    .map_err(|_| malformed(&name, "search directory"))?;
                self.postings = vec![None; directory.terms.len()];
                self.positions = vec![None; directory.terms.len()];
                self.vocabulary = vec![None; directory.vocabulary.len()];
                self.directory = Some(directory);
            }
            Need::Postings(i) => {
                let terms = read_postings(bytes, self.articles)
                    .ok_or_else(|| malformed(&name, "postings"))?;
                *self
                    .postings
                    .get_mut(i)
                    .ok_or_else(|| malformed(&name, "postings"))? =
                    Some(terms.into_iter().collect());
            }
            Need::Positions(i) => {
                let postings = self
                    .postings
                    .get(i)
                    .and_then(Option::as_ref)
                    .ok_or_else(|| malformed(&name, "positions"))?;
                let mut terms: Vec<&String> = postings.keys().collect();
                insight_corpus::sort::sort(&mut terms);
                let lists = read_positions(bytes)
                    .filter(|l| l.len() == terms.len())
                    .ok_or_else(|| malformed(&name, "positions"))?;
                let placed = terms.into_iter().cloned().zip(lists).collect();
                self.positions[i] = Some(placed);
            }
            Need::Vocabulary(i) => {
                let terms = read_vocabulary(bytes).ok_or_else(|| malformed(&name, "vocabulary"))?;
                *self
                    .vocabulary
                    .get_mut(i)
                    .ok_or_else(|| malformed(&name, "vocabulary"))? = Some(terms);
            }
            Need::Facet(kind) => {
                let articles = self.articles;
                let values = match kind {
                    FacetKind::Keywords => &mut self.keywords,
                    FacetKind::Authors => &mut self.authors,
                    FacetKind::Sources => &mut self.sources,
                };
                let lists = read_facet(bytes, values.labels.len(), articles)
                    .filter(|lists| {
                        lists
                            .iter()
                            .zip(&values.counts)
                            .all(|(l, &c)| l.len() == c as usize)
                    })
                    .ok_or_else(|| malformed(&name, "facet"))?;
                values.lists = Some(lists);
            }
        }
        Ok(())
    }

    /// How many articles the collection holds.
    pub fn len(&self) -> usize {
        self.articles as usize
    }

    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// The facet counts of the whole collection (the empty query), from the manifest.
    pub fn totals(&self) -> Facets {
        let list = |v: &FacetValues| {
            v.labels
                .iter()
                .zip(&v.counts)
                .map(|(label, &count)| FacetCount {
                    label: label.clone(),
                    count: count as usize,
                    selected: false,
                })
                .collect()
        };
        Facets {
            keywords: list(&self.keywords),
            authors: list(&self.authors),
            sources: list(&self.sources),
            years: self
                .years
                .iter()
                .map(|&(year, first, end)| FacetCount {
                    label: year.to_string(),
                    count: (end - first) as usize,
                    selected: false,
                })
                .collect(),
        }
    }
}
