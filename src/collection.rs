//! The collection as the views need it, from the pieces the browser holds so far: list
//! entries and whole articles by number, the search over the pieces at hand, keyword
//! labels, neighbours and related articles. Whatever a view asks for that has not arrived
//! comes back as [`Want`]s for the loader to fetch; nothing here talks to the network.
//!
//! Articles are numbered from the oldest (0) to the newest; the list shows them newest
//! first. A corpus of format 1 arrives whole and is published in memory into the same
//! pieces, so both formats are served by this one model.

#[cfg(not(target_arch = "wasm32"))]
mod for_pages;
mod names;
mod wants;

use crate::list_query::ListQuery;
use insight_corpus::published::{
    Card, IdBucket, ListEntry, ListPiece, Manifest, PackHeader, RecordPlace,
};
use insight_corpus::{validate_article, Article, Problem, RefusedLink, ValidCorpus};
use insight_search::published::{publish_search_unpacked, Need, PieceIndex};
use insight_search::{Facets, Query};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Deref;
use std::rc::Rc;

#[cfg(not(target_arch = "wasm32"))]
pub use for_pages::PagePieces;
pub use wants::{Want, RANGE_GAP};

/// A keyword of the collection, in its most common spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    pub label: String,
    /// How many articles of the whole collection carry it.
    pub count: usize,
}

/// What the list shows for a [`ListQuery`], as far as the pieces at hand tell.
#[derive(Debug, Clone, PartialEq)]
pub struct ListView {
    /// Article numbers in list order; `None` while pieces the answer needs are missing.
    /// Shared: a view is handed out again for every page of the list and every reader,
    /// and may hold every article.
    pub articles: Option<Rc<[u32]>>,
    /// The facet counts; `None` while they are being counted.
    pub facets: Option<Rc<Facets>>,
    pub search: Query,
    /// What to fetch to complete the view.
    pub wants: Vec<Want>,
}

/// Where an article sits in the list the reader came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbours {
    /// The newer article just above it in the list.
    pub previous: Option<u32>,
    /// The older article just below it.
    pub next: Option<u32>,
    /// Whether the neighbours come from the selection (true) or, because the article is
    /// not in it, from the whole collection (false).
    pub in_selection: bool,
}

#[derive(Default)]
struct Held {
    lists: HashSet<usize>,
    entries: HashMap<u32, Rc<ListEntry>>,
    records: HashMap<u32, Rc<Article>>,
    headers: HashMap<usize, Rc<PackHeader>>,
    /// Where records are, from the cards that arrived.
    record_places: HashMap<u32, RecordPlace>,
    buckets: HashSet<usize>,
    numbers: HashMap<String, u32>,
    /// Pieces that failed, by want, with what to tell the reader.
    failed: BTreeMap<Want, String>,
    /// Records that arrived but are not fit to show, by number.
    refused: HashMap<u32, String>,
    /// Wants being fetched now.
    fetching: HashSet<Want>,
}

/// The loaded collection, ready for the views.
pub struct Collection {
    pub title: String,
    pub notice: Option<String>,
    /// Problems of the articles that were set aside when a whole corpus was loaded.
    pub skipped: Vec<Problem>,
    /// Links shown as text when a whole corpus was loaded: their targets are not allowed.
    pub refused_links: Vec<RefusedLink>,
    manifest: Manifest,
    keywords: Vec<Keyword>,
    index: RefCell<PieceIndex>,
    held: RefCell<Held>,
    /// Bumped on every arrival, so views know to look again.
    revision: Cell<u32>,
    /// Bumped when a search piece arrives: only then can a query's answer change.
    searched: Cell<u32>,
    /// The last queries' answers, newest last, with the `searched` they were made at.
    answers: RefCell<Vec<(ListQuery, u32, ListView)>>,
    /// The page names of keywords and authors, worked out when first needed.
    page_names: names::Held,
}

/// Articles in the order they are numbered: oldest (0) first.
pub fn in_number_order(mut articles: Vec<Article>) -> Vec<Article> {
    insight_corpus::sort::sort_by(&mut articles, Article::list_order);
    articles.reverse();
    articles
}

/// What a collection held whole can search: words and facets (the app, given a whole
/// corpus), or facets alone (the pages rendered at publish time).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Searches {
    Words,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    Facets,
}

/// How many queries' answers are kept: the list, its reader and the way out of an empty
/// result ask for a few at once.
const KEPT_ANSWERS: usize = 8;

impl std::fmt::Debug for Collection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Collection({:?}, {} articles)", self.title, self.len())
    }
}

impl Collection {
    /// A collection published as pieces, from its manifest.
    pub fn from_manifest(manifest: Manifest) -> Collection {
        let keywords = manifest
            .keywords
            .iter()
            .map(|k| Keyword {
                label: k.label.clone(),
                count: k.count as usize,
            })
            .collect();
        Collection {
            title: manifest.title.clone(),
            notice: manifest.notice.clone(),
            skipped: Vec::new(),
            refused_links: Vec::new(),
            index: RefCell::new(PieceIndex::new(&manifest)),
            manifest,
            keywords,
            held: RefCell::new(Held::default()),
            revision: Cell::new(0),
            searched: Cell::new(0),
            answers: RefCell::new(Vec::new()),
            page_names: names::Held::default(),
        }
    }

    /// A whole corpus (format 1), published in memory and held complete.
    pub fn from_whole(corpus: ValidCorpus) -> Collection {
        let published =
            publish_search_unpacked(&corpus.title, corpus.notice.as_deref(), &corpus.articles);
        let pieces: HashMap<String, Vec<u8>> = published.pieces.into_iter().collect();
        let mut collection = Collection::from_manifest(published.manifest);
        let articles = in_number_order(corpus.articles);
        for (number, article) in articles.into_iter().enumerate() {
            collection.hold_record(number as u32, article);
        }
        collection.take_search(Searches::Words, |name| pieces.get(name).cloned());
        collection.skipped = corpus.skipped;
        collection.refused_links = corpus.refused_links;
        collection
    }

    /// Takes in the search pieces `searches` calls for, unpacked, from `piece`, by name.
    fn take_search(&self, searches: Searches, piece: impl Fn(&str) -> Option<Vec<u8>>) {
        let mut index = self.index.borrow_mut();
        let take = |index: &mut PieceIndex, need: Need| {
            if let Some(bytes) = index.piece_name(need).and_then(&piece) {
                // These pieces were made here a moment ago; they always fit.
                let _ = index.add(need, &bytes);
            }
        };
        take(&mut index, Need::Directory);
        if searches == Searches::Words {
            let (terms, vocabulary) = index
                .directory()
                .map_or((0, 0), |d| (d.terms.len(), d.vocabulary.len()));
            for i in 0..terms {
                take(&mut index, Need::Postings(i));
                take(&mut index, Need::Positions(i));
            }
            for i in 0..vocabulary {
                take(&mut index, Need::Vocabulary(i));
            }
        }
        for kind in insight_search::published::FacetKind::ALL {
            take(&mut index, Need::Facet(kind));
        }
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// How many articles the collection holds.
    pub fn len(&self) -> usize {
        self.manifest.articles as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Changes each time something arrives.
    pub fn revision(&self) -> u32 {
        self.revision.get()
    }

    fn changed(&self) {
        self.revision.set(self.revision.get().wrapping_add(1));
    }

    /// Whether any article of the collection names an author.
    pub fn has_authors(&self) -> bool {
        !self.manifest.authors.is_empty()
    }

    /// Every keyword of the collection, most frequent first.
    pub fn keywords(&self) -> &[Keyword] {
        &self.keywords
    }

    /// The collection's spelling of a keyword, or the text itself when unknown.
    pub fn keyword_label(&self, keyword: &str) -> String {
        let index = self.index.borrow();
        index
            .keyword_label(keyword)
            .map_or_else(|| keyword.trim().to_string(), str::to_string)
    }

    /// An article's keywords in the collection's spelling, without repeats.
    pub fn keyword_labels(&self, keywords: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for k in keywords {
            let label = self.keyword_label(k);
            if !out.contains(&label) {
                out.push(label);
            }
        }
        out
    }

    /// The list entry of article `number`, if it has arrived.
    pub fn entry(&self, number: u32) -> Option<Rc<ListEntry>> {
        self.held.borrow().entries.get(&number).cloned()
    }

    /// The whole article `number`, if it has arrived.
    pub fn record(&self, number: u32) -> Option<Rc<Article>> {
        self.held.borrow().records.get(&number).cloned()
    }

    /// Why article `number` cannot be shown, if its record was refused.
    pub fn refusal(&self, number: u32) -> Option<String> {
        self.held.borrow().refused.get(&number).cloned()
    }

    /// The number of the article with this id: `Ok(None)` when the collection has none.
    pub fn number_of(&self, id: &str) -> Result<Option<u32>, Want> {
        let held = self.held.borrow();
        if let Some(&n) = held.numbers.get(id) {
            return Ok(Some(n));
        }
        let bucket = insight_corpus::published::bucket_of(id, self.manifest.ids.len());
        if held.buckets.contains(&bucket) || self.manifest.ids.is_empty() {
            Ok(None)
        } else {
            Err(Want::Ids(bucket))
        }
    }

    /// The articles that fit the query, in list order, with facet counts. An answer is
    /// kept until a search piece arrives: records and list entries arriving (many, for
    /// one search) do not change it.
    pub fn list(&self, query: &ListQuery) -> ListView {
        let searched = self.searched.get();
        let mut answers = self.answers.borrow_mut();
        if let Some(i) = answers.iter().position(|(q, _, _)| q == query) {
            let kept = answers.remove(i);
            if kept.1 == searched {
                let view = kept.2.clone();
                answers.push(kept);
                return view;
            }
        }
        let view = self.search(query);
        if answers.len() >= KEPT_ANSWERS {
            answers.remove(0);
        }
        answers.push((query.clone(), searched, view.clone()));
        view
    }

    fn search(&self, query: &ListQuery) -> ListView {
        let answer = self.index.borrow().search(&query.to_request());
        ListView {
            articles: answer
                .hits
                .map(|hits| hits.iter().map(|h| h.article as u32).collect()),
            facets: answer.facets.map(Rc::new),
            search: answer.query,
            wants: answer.needs.into_iter().map(Want::Search).collect(),
        }
    }

    /// Up to `limit` other articles sharing the most keywords with article `number`;
    /// ties go to the newest.
    pub fn related(
        &self,
        number: u32,
        keywords: &[String],
        limit: usize,
    ) -> Result<Vec<u32>, Want> {
        self.index
            .borrow()
            .related(number, keywords, limit)
            .map_err(Want::Search)
    }

    /// The neighbours of article `number` in the whole collection, newest first.
    pub fn neighbours_in_all(&self, number: u32) -> Neighbours {
        Neighbours {
            previous: (number + 1 < self.manifest.articles).then_some(number + 1),
            next: number.checked_sub(1),
            in_selection: false,
        }
    }

    /// What `draw` returns while article `number`'s record is set aside: the views as
    /// they are before it arrives. Pages published without an article's full text are
    /// drawn so.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn without_record<T>(&self, number: u32, draw: impl FnOnce() -> T) -> T {
        let record = self.held.borrow_mut().records.remove(&number);
        let drawn = draw();
        if let Some(record) = record {
            self.held.borrow_mut().records.insert(number, record);
        }
        drawn
    }

    fn hold_entry(&self, number: u32, entry: ListEntry) {
        let mut held = self.held.borrow_mut();
        held.numbers.insert(entry.id.clone(), number);
        held.entries.insert(number, Rc::new(entry));
    }

    fn hold_record(&self, number: u32, article: Article) {
        self.hold_entry(number, ListEntry::of(&article));
        self.held
            .borrow_mut()
            .records
            .insert(number, Rc::new(article));
    }

    /// Takes in a list piece that arrived (unpacked).
    pub fn add_list(&self, list: usize, bytes: &[u8]) -> Result<(), String> {
        let Some(place) = self.manifest.lists.get(list) else {
            return Err("the manifest lists no such piece".to_string());
        };
        let piece: ListPiece = serde_json::from_slice(bytes).map_err(|e| {
            format!(
                "{} is not a list piece: {}",
                place.list,
                insight_corpus::json_message(&e)
            )
        })?;
        if piece.articles.len() != place.count as usize {
            return Err(format!(
                "{} holds another number of articles than the manifest says",
                place.list
            ));
        }
        for (i, entry) in piece.articles.into_iter().enumerate() {
            self.hold_entry(place.first + i as u32, entry);
        }
        self.held.borrow_mut().lists.insert(list);
        self.changed();
        Ok(())
    }

    /// Takes in the card of article `number` that arrived: its list entry, and where its
    /// record is (so the record needs no pack header).
    pub fn add_card(&self, number: u32, card: Card<'_>) -> Result<(), String> {
        let entry: ListEntry = serde_json::from_slice(card.entry).map_err(|e| {
            format!(
                "the card of article {number} does not decode: {}",
                insight_corpus::json_message(&e)
            )
        })?;
        self.hold_entry(number, entry);
        self.held
            .borrow_mut()
            .record_places
            .insert(number, card.record);
        self.changed();
        Ok(())
    }

    /// Where article `number`'s record is in its pack, if its card told.
    pub fn record_place(&self, number: u32) -> Option<RecordPlace> {
        self.held.borrow().record_places.get(&number).copied()
    }

    /// Takes in an id bucket that arrived (unpacked).
    pub fn add_ids(&self, bucket: usize, bytes: &[u8]) -> Result<(), String> {
        let ids: IdBucket = serde_json::from_slice(bytes).map_err(|e| {
            format!(
                "{} is not an id bucket: {}",
                self.manifest.ids.get(bucket).map_or("", String::as_str),
                insight_corpus::json_message(&e)
            )
        })?;
        let mut held = self.held.borrow_mut();
        for (id, number) in ids.ids {
            if number < self.manifest.articles {
                held.numbers.entry(id).or_insert(number);
            }
        }
        held.buckets.insert(bucket);
        drop(held);
        self.changed();
        Ok(())
    }

    /// Takes in a search piece that arrived (unpacked).
    pub fn add_search(&self, need: Need, bytes: &[u8]) -> Result<(), String> {
        let result = self
            .index
            .borrow_mut()
            .add(need, bytes)
            .map_err(|e| e.to_string());
        self.searched.set(self.searched.get().wrapping_add(1));
        self.changed();
        result
    }

    /// Takes in the header of a list piece's record pack.
    pub fn add_header(&self, list: usize, header: PackHeader) {
        self.held.borrow_mut().headers.insert(list, Rc::new(header));
    }

    /// The header of a list piece's record pack, if it has arrived.
    pub fn header(&self, list: usize) -> Option<Rc<PackHeader>> {
        self.held.borrow().headers.get(&list).cloned()
    }

    /// Takes in a record that arrived (unpacked): it must be the article its list entry
    /// (when known) describes, and fit to show; otherwise it is refused with a reason.
    pub fn add_record(&self, number: u32, bytes: &[u8]) {
        let article = serde_json::from_slice::<Article>(bytes)
            .map_err(|e| {
                format!(
                    "its record does not decode: {}",
                    insight_corpus::json_message(&e)
                )
            })
            .and_then(|article| {
                let problems = validate_article(&article);
                if !problems.is_empty() {
                    let messages: Vec<String> = problems.into_iter().map(|p| p.message).collect();
                    return Err(messages.join("; "));
                }
                match self.entry(number) {
                    Some(entry) if !entry.describes(&article) => {
                        Err("its record differs from its list entry".to_string())
                    }
                    _ => Ok(article),
                }
            });
        match article {
            Ok(article) => self.hold_record(number, article),
            Err(reason) => {
                self.held.borrow_mut().refused.insert(number, reason);
            }
        }
        self.changed();
    }
}

/// A shared handle on the collection at one revision: two handles are equal when they
/// point at the same collection as it stood at the same moment, which keeps Yew's prop
/// comparisons cheap and makes every view look again when pieces arrive.
#[derive(Debug, Clone)]
pub struct SharedCollection(pub Rc<Collection>, pub u32);

impl SharedCollection {
    pub fn new(collection: Rc<Collection>) -> SharedCollection {
        let revision = collection.revision();
        SharedCollection(collection, revision)
    }
}

impl PartialEq for SharedCollection {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

impl Deref for SharedCollection {
    type Target = Collection;

    fn deref(&self) -> &Collection {
        &self.0
    }
}

// Natively only: the tests publish a collection with the corpus tool's writer.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
