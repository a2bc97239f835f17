//! One sort for every crate the explorer's wasm holds.
//!
//! The standard library's `sort_by` and `sort_unstable` are generic over the element and
//! the comparison, so each call site compiles its own copy of the whole sorting algorithm
//! (2 to 7 KB of wasm each, 72 KB in all before this module). These functions sort a list
//! of positions instead, through one comparison behind a `&dyn Fn`: the algorithm is
//! compiled once, and each caller adds only its comparison and a small permutation.
//!
//! The sort is stable (ties keep their order), like `sort_by`. A comparison costs an
//! indirect call more than the standard sort's, which matters only for lists far longer
//! than the explorer sorts.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = order_of(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping the order of equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them, ties by position.
fn order_of(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Rearranges `items` so that position `k` holds what was at `order[k]`, by following
/// each cycle of the permutation with swaps (`order` is used up as the record of what
/// is done).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut k = start;
        while order[k] != start {
            let from = order[k];
            order[k] = k;
            items.swap(k, from);
            k = from;
        }
        order[k] = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_ties_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(n, _)| n);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn empty_and_single() {
        let mut none: Vec<u32> = Vec::new();
        sort(&mut none);
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut theirs = items;
            theirs.sort_by_key(|b| std::cmp::Reverse(b.0));
            prop_assert_eq!(ours, theirs);
        }
    }
}
