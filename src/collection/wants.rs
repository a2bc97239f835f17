//! What a view still needs from the network, and the bookkeeping around fetching it:
//! which wants are being fetched, which failed (and why), so each is asked for once and a
//! failure is shown instead of retried in a loop.

use super::Collection;
use insight_search::published::Need;

/// List entries this many or more from one list piece are fetched as the whole piece;
/// fewer come as cards by byte range.
const WHOLE_LIST: usize = 10;

/// Cards or records this far apart in their pack or nearer are fetched in one request
/// (cheaper than another request); those farther apart are wants of their own, fetched
/// at the same time.
pub const RANGE_GAP: usize = 16 * 1024;

/// `numbers` (sorted) in runs of neighbours by their place in the pack, nearest first;
/// those of unknown place form one run of their own.
fn runs(numbers: Vec<u32>, place: impl Fn(u32) -> Option<(usize, usize)>) -> Vec<Vec<u32>> {
    let (mut placed, unknown): (Vec<_>, Vec<_>) = numbers
        .into_iter()
        .map(|n| (place(n), n))
        .partition(|(at, _)| at.is_some());
    insight_corpus::sort::sort(&mut placed);
    let mut out: Vec<Vec<u32>> = Vec::new();
    let mut end = 0;
    for (at, n) in placed {
        let (start, to) = at.unwrap_or_default();
        match out.last_mut() {
            Some(run) if start <= end + RANGE_GAP => run.push(n),
            _ => out.push(vec![n]),
        }
        end = end.max(to);
    }
    for run in &mut out {
        insight_corpus::sort::sort(run);
    }
    if !unknown.is_empty() {
        out.push(unknown.into_iter().map(|(_, n)| n).collect());
    }
    out
}

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
        // What is on its way already is not asked for again: a want's articles arrive a
        // run at a time, and the rest of it is not a new want.
        let coming = |n: u32, list: usize| {
            held.fetching.iter().any(|want| match want {
                Want::Records(_, of) if whole => of.binary_search(&n).is_ok(),
                Want::Cards(_, of) if !whole => of.binary_search(&n).is_ok(),
                Want::List(of) if !whole => *of == list,
                _ => false,
            })
        };
        let mut by_list: std::collections::BTreeMap<usize, Vec<u32>> = Default::default();
        for &n in numbers {
            let missing = if whole {
                !held.records.contains_key(&n) && !held.refused.contains_key(&n)
            } else {
                !held.entries.contains_key(&n)
            };
            if let (true, Some(list)) = (missing, self.manifest.list_of(n)) {
                if !coming(n, list) {
                    by_list.entry(list).or_default().push(n);
                }
            }
        }
        let mut wants = Vec::new();
        for (list, mut numbers) in by_list {
            insight_corpus::sort::sort(&mut numbers);
            if !whole && numbers.len() >= WHOLE_LIST {
                wants.push(Want::List(list));
                continue;
            }
            // Where each is in the pack: cards at their slots, records where their card
            // says (or, not yet known, all together through the pack's header).
            let place = |n: u32| {
                if whole {
                    held.record_places.get(&n).map(|p| (p.start, p.end))
                } else {
                    self.manifest.lists[list].card_slots().range(n)
                }
            };
            for run in runs(numbers, place) {
                wants.push(if whole {
                    Want::Records(list, run)
                } else {
                    Want::Cards(list, run)
                });
            }
        }
        wants
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_share_a_request_and_the_far_apart_do_not() {
        let slot = 1000;
        let at = |n: u32| Some((n as usize * slot, (n as usize + 1) * slot));
        assert_eq!(runs(vec![1, 2, 40], at), [vec![1, 2], vec![40]]);
        assert_eq!(runs(vec![3, 3 + RANGE_GAP as u32 / 1000], at).len(), 1);
        let known = |n: u32| (n != 7).then(|| (n as usize * 100_000, n as usize * 100_000 + 10));
        assert_eq!(runs(vec![2, 7, 9], known), [vec![2], vec![9], vec![7]]);
        assert_eq!(runs(Vec::new(), at), Vec::<Vec<u32>>::new());
    }
}
