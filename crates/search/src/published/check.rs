//! Checking a published collection's search pieces from its folder (natively, for
//! `corpus check`): every piece the directory names is read, checked against its name
//! and taken in as the browser would take it.

use super::{FacetKind, Need, PieceIndex};
use insight_corpus::published::{read_piece, Manifest};
use insight_corpus::Problem;
use std::path::Path;

/// Every problem of the search pieces; the index is whole when there are none.
pub fn check_search(folder: &Path, manifest: &Manifest) -> Vec<Problem> {
    let mut index = PieceIndex::new(manifest);
    let mut problems = Vec::new();
    let mut take = |index: &mut PieceIndex, need: Need| {
        let Some(name) = index.piece_name(need).map(str::to_string) else {
            return;
        };
        match read_piece(folder, &name) {
            Ok(bytes) => {
                if let Err(e) = index.add(need, &bytes) {
                    problems.push(Problem::new(&name, e.to_string()));
                }
            }
            Err(problem) => problems.push(problem),
        }
    };
    take(&mut index, Need::Directory);
    let Some(directory) = index.directory.clone() else {
        return problems;
    };
    for i in 0..directory.terms.len() {
        take(&mut index, Need::Postings(i));
        if index.has(Need::Postings(i)) {
            take(&mut index, Need::Positions(i));
        }
    }
    for i in 0..directory.vocabulary.len() {
        take(&mut index, Need::Vocabulary(i));
    }
    for kind in FacetKind::ALL {
        take(&mut index, Need::Facet(kind));
    }
    problems
}
