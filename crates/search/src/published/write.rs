//! Publishing a collection as pieces (corpus format 2): the one writer of the format.
//! It numbers the articles from the oldest, builds the search index once, and cuts
//! everything into compressed, content-named pieces.

use super::pieces::{
    write_facet, write_positions, write_postings, write_vocabulary, TermPositions, TermPostings,
};
use super::positions::Positions;
use super::{SearchDirectory, TermRange, VocabularyRange};
use crate::engine::{B, K1};
use crate::index::{SearchIndex, Values};
use insight_corpus::cores::on_every_core;
use insight_corpus::published::{
    bucket_of, piece_name, IdBucket, ListEntry, ListPiece, ListRef, Manifest, PackWriter,
    ValueCount, YearCount, MANIFEST_VERSION,
};
use insight_corpus::{sort, Article};
use std::collections::BTreeMap;

/// Articles per list piece: two pages of the list.
pub const LIST_PIECE_ARTICLES: usize = 100;
/// The newest list piece holds at least this many, so the first list needs only it.
const FIRST_PAGE: usize = 50;
/// About how many ids an id bucket holds.
const BUCKET_IDS: usize = 1000;
/// A term piece is closed once its postings pass this many bytes (before compression).
const TERM_PIECE_BYTES: usize = 64 * 1024;
/// Terms per vocabulary piece.
const VOCABULARY_TERMS: usize = 4096;

/// A collection published as pieces: the manifest and every piece's name and stored bytes.
pub struct Published {
    pub manifest: Manifest,
    pub pieces: Vec<(String, Vec<u8>)>,
}

struct Pieces {
    kept: Vec<(String, Vec<u8>)>,
    /// How a piece's content is stored: gzip for a site, as it is in memory.
    store: fn(&[u8]) -> Vec<u8>,
}

impl Pieces {
    /// Stores `content`, names it and keeps it; returns its name.
    fn add(&mut self, kind: &str, content: &[u8]) -> String {
        let stored = (self.store)(content);
        self.add_stored(kind, stored)
    }

    fn add_stored(&mut self, kind: &str, stored: Vec<u8>) -> String {
        let name = piece_name(kind, &stored);
        self.kept.push((name.clone(), stored));
        name
    }
}

fn json(value: &impl serde::Serialize) -> Vec<u8> {
    // The format's own types always serialize.
    serde_json::to_vec(value).unwrap_or_default()
}

/// Publishes `articles` (in any order) with the collection's title and notice, every
/// piece gzip-compressed, for a site.
#[cfg(not(target_arch = "wasm32"))]
pub fn publish(title: &str, notice: Option<&str>, articles: &[Article]) -> Published {
    publish_stored(
        title,
        notice,
        articles,
        insight_corpus::published::compress,
        true,
    )
}

/// Only the manifest and the search pieces, uncompressed, for a collection that arrived
/// whole (format 1): the browser holds its articles already and searches it the same
/// way. (No list pieces, record packs or id buckets: leaving them out keeps their
/// encoders out of the browser's download.)
pub fn publish_search_unpacked(
    title: &str,
    notice: Option<&str>,
    articles: &[Article],
) -> Published {
    publish_stored(title, notice, articles, <[u8]>::to_vec, false)
}

fn publish_stored(
    title: &str,
    notice: Option<&str>,
    articles: &[Article],
    store: fn(&[u8]) -> Vec<u8>,
    with_articles: bool,
) -> Published {
    // Numbered by reference: a copy of the archive would double a large publish's memory.
    let mut numbered: Vec<&Article> = articles.iter().collect();
    sort::sort_by(&mut numbered, |a, b| Article::list_order(a, b));
    numbered.reverse();
    let mut pieces = Pieces {
        kept: Vec::new(),
        store,
    };
    // The index goes as soon as its pieces are made, before the articles' own pieces.
    let (search, [keywords, authors, sources]) = {
        let mut positions = Positions::default();
        let index = SearchIndex::without_sequences(&numbered, |terms| positions.add_article(terms));
        let facets =
            [&index.keywords, &index.authors, &index.sources].map(|v| Renumbered::new(&index, v));
        let [k, a, s] = &facets;
        let search = write_search(&index, &positions.into_terms(), &[k, a, s], &mut pieces);
        (search, facets)
    };
    let (lists, ids) = if with_articles {
        (
            write_lists(&numbered, &mut pieces),
            write_id_buckets(&numbered, &mut pieces),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let mut years: BTreeMap<u16, u32> = BTreeMap::new();
    numbered
        .iter()
        .for_each(|a| *years.entry(a.published.year()).or_default() += 1);
    let manifest = Manifest {
        version: MANIFEST_VERSION,
        title: title.to_string(),
        notice: notice.map(str::to_string),
        articles: numbered.len() as u32,
        keywords: keywords.counts,
        authors: authors.counts,
        sources: sources.counts,
        years: years
            .into_iter()
            .rev()
            .map(|(year, count)| YearCount { year, count })
            .collect(),
        lists,
        ids,
        search,
    };
    Published {
        manifest,
        pieces: pieces.kept,
    }
}

/// A facet's values numbered as the manifest lists them: most frequent first, then by
/// label.
struct Renumbered {
    counts: Vec<ValueCount>,
    /// For each article, the new numbers of its values.
    per_article: Vec<Vec<u32>>,
    values: usize,
}

impl Renumbered {
    fn new(index: &SearchIndex, values: &Values) -> Renumbered {
        let of_article = |d: usize| -> Vec<u32> {
            let doc = &index.docs[d];
            if std::ptr::eq(values, &index.keywords) {
                doc.keywords.clone()
            } else if std::ptr::eq(values, &index.authors) {
                doc.authors.clone()
            } else {
                vec![doc.source]
            }
        };
        let old: Vec<Vec<u32>> = (0..index.docs.len()).map(of_article).collect();
        let mut counts = vec![0u32; values.labels.len()];
        old.iter().flatten().for_each(|&v| counts[v as usize] += 1);
        let mut order: Vec<usize> = (0..counts.len()).collect();
        sort::sort_by(&mut order, |&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| values.labels[a].cmp(&values.labels[b]))
        });
        let mut new_of_old = vec![0u32; counts.len()];
        order
            .iter()
            .enumerate()
            .for_each(|(new, &old)| new_of_old[old] = new as u32);
        Renumbered {
            counts: order
                .iter()
                .map(|&v| ValueCount {
                    label: values.labels[v].clone(),
                    count: counts[v],
                })
                .collect(),
            per_article: old
                .into_iter()
                .map(|vs| vs.into_iter().map(|v| new_of_old[v as usize]).collect())
                .collect(),
            values: order.len(),
        }
    }

    /// For each value, the articles carrying it, ascending.
    fn lists(&self) -> Vec<Vec<u32>> {
        let mut lists = vec![Vec::new(); self.values];
        for (d, values) in self.per_article.iter().enumerate() {
            values
                .iter()
                .for_each(|&v| lists[v as usize].push(d as u32));
        }
        lists
    }
}

/// The term pieces (postings with their positions), vocabulary and facet pieces, and
/// the directory naming them; returns the directory's name. `positions` are every
/// term's, by term number.
fn write_search(
    index: &SearchIndex,
    positions: &[TermPositions],
    facets: &[&Renumbered; 3],
    pieces: &mut Pieces,
) -> String {
    // Terms in order, cut into ranges of about TERM_PIECE_BYTES of postings.
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, (term, id)) in index.sorted_terms.iter().enumerate() {
        bytes += term.len() + 3 * index.postings_of(*id).len();
        if bytes >= TERM_PIECE_BYTES {
            ranges.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < index.sorted_terms.len() || ranges.is_empty() {
        ranges.push(start..index.sorted_terms.len());
    }
    let store = pieces.store;
    let none = TermPositions::default();
    // Each range's pieces are encoded and stored together, so the uncompressed pieces of
    // every range are never held at once.
    let stored: Vec<(Vec<u8>, Vec<u8>)> = on_every_core(&ranges, |range| {
        let terms = &index.sorted_terms[range.clone()];
        let postings: Vec<TermPostings> = terms.iter().map(|(_, id)| impacts(index, *id)).collect();
        let listed: Vec<(&str, &TermPostings)> = terms
            .iter()
            .zip(&postings)
            .map(|((term, _), p)| (term.as_str(), p))
            .collect();
        let placed: Vec<&TermPositions> = terms
            .iter()
            .map(|(_, id)| positions.get(*id as usize).unwrap_or(&none))
            .collect();
        (
            store(&write_postings(&listed)),
            store(&write_positions(&placed)),
        )
    });
    let (postings_stored, positions_stored): (Vec<Vec<u8>>, Vec<Vec<u8>>) =
        stored.into_iter().unzip();
    let postings_names: Vec<String> = postings_stored
        .into_iter()
        .map(|s| pieces.add_stored("terms", s))
        .collect();
    let positions_names: Vec<String> = positions_stored
        .into_iter()
        .map(|s| pieces.add_stored("positions", s))
        .collect();
    let terms: Vec<TermRange> = ranges
        .iter()
        .zip(postings_names.into_iter().zip(positions_names))
        .enumerate()
        .map(|(i, (range, (postings, positions)))| TermRange {
            first: match (i, index.sorted_terms.get(range.start)) {
                (0, _) | (_, None) => String::new(),
                (_, Some((term, _))) => term.clone(),
            },
            postings,
            positions,
        })
        .collect();
    let vocabulary = index
        .sorted_terms
        .chunks(VOCABULARY_TERMS)
        .enumerate()
        .map(|(i, chunk)| {
            let listed: Vec<(&str, u32)> = chunk
                .iter()
                .map(|(t, id)| (t.as_str(), index.postings_of(*id).len() as u32))
                .collect();
            VocabularyRange {
                first: if i == 0 {
                    String::new()
                } else {
                    chunk[0].0.clone()
                },
                file: pieces.add("vocabulary", &write_vocabulary(&listed)),
            }
        })
        .collect();
    let [keywords, authors, sources] =
        facets.map(|f| pieces.add("facet", &write_facet(&f.lists())));
    let directory = SearchDirectory {
        terms,
        vocabulary,
        keywords,
        authors,
        sources,
    };
    pieces.add("search", &json(&directory))
}

/// A term's postings with BM25's term-frequency part worked out and quantised, so the
/// browser needs no article lengths to rank.
fn impacts(index: &SearchIndex, id: u32) -> TermPostings {
    let average = index.average_len.max(1.0);
    let list = index.postings_of(id);
    TermPostings {
        articles: list.iter().map(|p| p.doc).collect(),
        impacts: list
            .iter()
            .map(|p| {
                let norm = K1 * (1.0 - B + B * index.docs[p.doc as usize].len / average);
                let part = p.tf * (K1 + 1.0) / (p.tf + norm);
                (part / (K1 + 1.0) * 255.0).round().clamp(1.0, 255.0) as u8
            })
            .collect(),
    }
}

/// The list pieces and record packs, oldest first; the newest piece is kept at least a
/// page long.
fn write_lists(numbered: &[&Article], pieces: &mut Pieces) -> Vec<ListRef> {
    let mut bounds: Vec<(usize, usize)> = (0..numbered.len())
        .step_by(LIST_PIECE_ARTICLES)
        .map(|start| (start, (start + LIST_PIECE_ARTICLES).min(numbered.len())))
        .collect();
    if bounds.len() > 1 && bounds[bounds.len() - 1].1 - bounds[bounds.len() - 1].0 < FIRST_PAGE {
        let (_, end) = bounds.pop().unwrap_or_default();
        if let Some(last) = bounds.last_mut() {
            last.1 = end;
        }
    }
    let store = pieces.store;
    // Per list piece: its stored bytes, and its pack's bytes, header hash and card slot.
    type Built = (Vec<u8>, (Vec<u8>, u64, u32));
    let built: Vec<Built> = on_every_core(&bounds, |&(start, end)| {
        let part = &numbered[start..end];
        let list = ListPiece {
            articles: part.iter().map(|a| ListEntry::of(a)).collect(),
        };
        let mut pack = PackWriter::starting_at(start as u32);
        for (article, entry) in part.iter().zip(&list.articles) {
            // Cards stay uncompressed: they are small, and a search fetches many at once,
            // each of which would otherwise be unpacked on its own.
            pack.push(store(&json(article)), json(entry));
        }
        (store(&json(&list)), pack.finish())
    });
    bounds
        .into_iter()
        .zip(built)
        .map(|((start, end), (list, (pack, header, card)))| ListRef {
            first: start as u32,
            count: (end - start) as u32,
            list: pieces.add_stored("list", list),
            pack: pieces.add_stored("pack", pack),
            header: format!("{header:016x}"),
            card,
        })
        .collect()
}

fn write_id_buckets(numbered: &[&Article], pieces: &mut Pieces) -> Vec<String> {
    let count = numbered.len().div_ceil(BUCKET_IDS).max(1);
    let mut buckets = vec![IdBucket::default(); count];
    for (number, article) in numbered.iter().enumerate() {
        buckets[bucket_of(&article.id, count)]
            .ids
            .insert(article.id.clone(), number as u32);
    }
    buckets
        .iter()
        .map(|b| pieces.add("ids", &json(b)))
        .collect()
}
