//! "More on these keywords": the articles sharing the most keywords with one article,
//! newest first among equals. Every article page asks at publish time, and a popular
//! keyword can be on half the archive, so the counts are kept bit-sliced: one bit per
//! article in each of a few planes (the binary digits of its count), so that a long
//! keyword list is added 64 articles at a time and the best are found by scanning words.

use std::cell::RefCell;
use std::rc::Rc;

/// A keyword list longer than 1/LONG_LIST of the articles is added as a bitset, made
/// once and kept; a shorter one article by article. At most LONG_LIST times the mean
/// number of keywords per article can be that long, which bounds what is kept (each
/// bitset is an eighth of a byte per article).
const LONG_LIST: usize = 64;

/// What `related` keeps between calls.
#[derive(Debug, Default)]
pub(crate) struct Related {
    /// The count planes, all zero between calls.
    planes: RefCell<Vec<Vec<u64>>>,
    /// Long keyword lists as bitsets, by keyword number (a vector, not a map: the
    /// numbers are dense, and another map type would grow the browser's download).
    bitsets: RefCell<Vec<Option<Rc<Vec<u64>>>>>,
}

impl Related {
    /// Up to `limit` articles other than `article` sharing the most of the keywords
    /// `mine` (distinct numbers into `lists`, each list ascending), newest first among
    /// equals.
    pub(crate) fn best(
        &self,
        articles: u32,
        lists: &[Vec<u32>],
        mine: &[u32],
        article: u32,
        limit: usize,
    ) -> Vec<u32> {
        let words = (articles as usize).div_ceil(64);
        // Enough planes for a count of every keyword.
        let needed = (usize::BITS - mine.len().leading_zeros()) as usize;
        let mut kept = self.planes.borrow_mut();
        if kept.len() < needed {
            kept.resize_with(needed, Vec::new);
        }
        let planes = &mut kept[..needed];
        planes.iter_mut().for_each(|plane| plane.resize(words, 0));
        for &keyword in mine {
            let list = &lists[keyword as usize];
            if list.len() * LONG_LIST > articles as usize {
                let bits = self.bitset(keyword, list, words);
                bits.iter()
                    .enumerate()
                    .for_each(|(word, &b)| add(planes, word, b));
            } else {
                let mut last = None;
                for &d in list {
                    // (An article listed twice under one keyword counts once.)
                    if last != Some(d) {
                        add(planes, d as usize / 64, 1 << (d % 64));
                        last = Some(d);
                    }
                }
            }
        }
        let mut best = Vec::with_capacity(limit);
        'counts: for shared in (1..=mine.len()).rev() {
            for word in (0..words).rev() {
                let mut found = equal(planes, word, shared);
                if word == article as usize / 64 {
                    found &= !(1u64 << (article % 64));
                }
                while found != 0 {
                    if best.len() == limit {
                        break 'counts;
                    }
                    let bit = 63 - found.leading_zeros();
                    best.push((word * 64) as u32 + bit);
                    found &= !(1u64 << bit);
                }
            }
        }
        planes.iter_mut().for_each(|plane| plane.fill(0));
        best
    }

    fn bitset(&self, keyword: u32, list: &[u32], words: usize) -> Rc<Vec<u64>> {
        let mut kept = self.bitsets.borrow_mut();
        let at = keyword as usize;
        if kept.len() <= at {
            kept.resize(at + 1, None);
        }
        kept[at]
            .get_or_insert_with(|| {
                let mut bits = vec![0u64; words];
                list.iter()
                    .for_each(|&d| bits[d as usize / 64] |= 1 << (d % 64));
                Rc::new(bits)
            })
            .clone()
    }
}

/// Adds one to the count of each article whose bit is set in `bits` (of word `word`).
fn add(planes: &mut [Vec<u64>], word: usize, bits: u64) {
    let mut carry = bits;
    for plane in planes {
        if carry == 0 {
            break;
        }
        let was = plane[word];
        plane[word] = was ^ carry;
        carry &= was;
    }
}

/// The articles of word `word` whose count is exactly `count`.
fn equal(planes: &[Vec<u64>], word: usize, count: usize) -> u64 {
    planes
        .iter()
        .enumerate()
        .fold(!0u64, |found, (digit, plane)| match count >> digit & 1 {
            1 => found & plane[word],
            _ => found & !plane[word],
        })
}
