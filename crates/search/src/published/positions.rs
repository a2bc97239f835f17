//! Gathering where each term stands in each article, article by article as the index
//! reads them, straight into the encoding the positions pieces carry.

use super::pieces::TermPositions;
use crate::index::GAP;

/// Every term's positions so far, by term number.
#[derive(Default)]
pub(super) struct Positions {
    terms: Vec<TermPositions>,
    /// The current article's positions of each term (emptied after each article), and the
    /// terms it holds.
    current: Vec<Vec<u32>>,
    touched: Vec<u32>,
}

impl Positions {
    /// Adds the next article: its terms in order, fields separated by [`GAP`] (which
    /// takes a position, so no phrase runs across two fields).
    pub fn add_article(&mut self, sequence: &[u32]) {
        for (at, &term) in sequence.iter().enumerate() {
            if term == GAP {
                continue;
            }
            let t = term as usize;
            if self.current.len() <= t {
                self.current.resize_with(t + 1, Vec::new);
            }
            if self.current[t].is_empty() {
                self.touched.push(term);
            }
            self.current[t].push(at as u32);
        }
        if self.terms.len() < self.current.len() {
            self.terms
                .resize_with(self.current.len(), TermPositions::default);
        }
        for term in self.touched.drain(..) {
            let t = term as usize;
            self.terms[t].push(&self.current[t]);
            self.current[t].clear();
        }
    }

    /// Every term's positions, by term number.
    pub fn into_terms(self) -> Vec<TermPositions> {
        self.terms
    }
}
