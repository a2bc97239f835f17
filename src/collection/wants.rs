//! What a view still needs from the network, and the bookkeeping around fetching it:
//! which wants are being fetched, which failed (and why), so each is asked for once and a
//! failure is shown instead of retried in a loop.

use super::Collection;
use insight_search::published::Need;

/// List entries this many or more from one list piece are fetched as the whole piece;
/// fewer come as records by byte range.
const WHOLE_LIST: usize = 10;

/// Something to fetch.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Want {
    /// A search piece.
    Search(Need),
    /// The list piece at this place in the manifest.
    List(usize),
    /// These articles whole, from the record pack of this list piece.
    Records(usize, Vec<u32>),
    /// These articles' cards (list entries), from the record pack of this list piece.
    Cards(usize, Vec<u32>),
    /// The id bucket at this place in the manifest.
    Ids(usize),
}

impl Collection {
    /// What to fetch so that `numbers` can be shown: their list entries (a whole list
    /// piece for many of one piece, cards for a few), or, with `whole`, the articles
    /// themselves (bodies for snippets or the reader).
    pub fn wants_for(&self, numbers: &[u32], whole: bool) -> Vec<Want> {
        let held = self.held.borrow();
        let mut by_list: std::collections::BTreeMap<usize, Vec<u32>> = Default::default();
        for &n in numbers {
            let missing = if whole {
                !held.records.contains_key(&n) && !held.refused.contains_key(&n)
            } else {
                !held.entries.contains_key(&n)
            };
            if let (true, Some(list)) = (missing, self.manifest.list_of(n)) {
                by_list.entry(list).or_default().push(n);
            }
        }
        by_list
            .into_iter()
            .map(|(list, mut numbers)| {
                numbers.sort_unstable();
                if whole {
                    Want::Records(list, numbers)
                } else if numbers.len() >= WHOLE_LIST {
                    Want::List(list)
                } else {
                    Want::Cards(list, numbers)
                }
            })
            .collect()
    }

    /// Of `wants`, those to start fetching now (not being fetched, not failed); they
    /// are marked as being fetched.
    pub fn start_fetching(&self, wants: Vec<Want>) -> Vec<Want> {
        let mut held = self.held.borrow_mut();
        let mut out = Vec::new();
        for want in wants {
            if !held.fetching.contains(&want) && !held.failed.contains_key(&want) {
                held.fetching.insert(want.clone());
                out.push(want);
            }
        }
        out
    }

    /// Records how a fetch ended.
    pub fn finish(&self, want: &Want, result: Result<(), String>) {
        let mut held = self.held.borrow_mut();
        held.fetching.remove(want);
        if let Err(message) = result {
            held.failed.insert(want.clone(), message);
        }
        drop(held);
        self.changed();
    }

    /// Whether anything is being fetched.
    pub fn is_fetching(&self) -> bool {
        !self.held.borrow().fetching.is_empty()
    }

    /// What failed to arrive, in the reader's words, if any of `wants` did.
    pub fn failure(&self, wants: &[Want]) -> Option<String> {
        let held = self.held.borrow();
        wants.iter().find_map(|w| held.failed.get(w).cloned())
    }

    /// Forgets every failure, so the next render asks again.
    pub fn retry(&self) {
        self.held.borrow_mut().failed.clear();
        self.changed();
    }

    /// The want for a search piece, unless it is held already.
    pub fn wants_search(&self, need: Need) -> Vec<Want> {
        if self.index.borrow().has(need) {
            Vec::new()
        } else {
            vec![Want::Search(need)]
        }
    }

    /// The file name of a search piece.
    pub fn search_piece(&self, need: Need) -> Option<String> {
        self.index.borrow().piece_name(need).map(str::to_string)
    }
}
