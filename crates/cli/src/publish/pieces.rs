//! Writing a collection's pieces into the site's `corpus/` folder: only pieces not
//! already there are written (a piece's name is its content's hash, so an existing file
//! of that name is already right), the manifest last, so a reader never finds a manifest
//! naming a piece that is not there yet; then pieces no longer named are removed.

use crate::output::{write_atomically, write_many_atomically, Sync};
use insight_corpus::published::{MANIFEST_FILE, PIECES_FOLDER};
use insight_search::published::Published;
use std::collections::HashSet;
use std::path::Path;

/// What a publish wrote: pieces written, pieces kept as they were, stale ones removed.
pub struct Written {
    pub written: usize,
    pub kept: usize,
    pub removed: usize,
    pub bytes: u64,
}

pub fn write_pieces(site: &Path, published: &Published) -> Result<Written, String> {
    let folder = site.join(PIECES_FOLDER);
    let mut kept = 0;
    let mut bytes = 0;
    let mut names = HashSet::new();
    let mut new = Vec::new();
    for (name, stored) in &published.pieces {
        bytes += stored.len() as u64;
        if !names.insert(name.as_str()) {
            // Pieces of the same content share a name (and a file).
            continue;
        }
        let path = folder.join(name);
        if std::fs::metadata(&path).is_ok_and(|m| m.len() == stored.len() as u64) {
            kept += 1;
        } else {
            new.push((path, stored.as_slice()));
        }
    }
    let written = write_many_atomically(&new, Sync::ToDisk)?;
    let manifest = serde_json::to_vec(&published.manifest)
        .map_err(|e| format!("cannot encode the manifest: {e}"))?;
    bytes += manifest.len() as u64;
    write_atomically(&folder.join(MANIFEST_FILE), &manifest)?;
    let removed = remove_stale(&folder, &names)?;
    Ok(Written {
        written,
        kept,
        removed,
        bytes,
    })
}

/// Removes the pieces of earlier publishes that the new manifest no longer names.
fn remove_stale(folder: &Path, current: &HashSet<&str>) -> Result<usize, String> {
    let entries =
        std::fs::read_dir(folder).map_err(|e| format!("{}: cannot list: {e}", folder.display()))?;
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".bin") && !current.contains(name.as_str()) {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("{}: cannot remove: {e}", entry.path().display()))?;
            removed += 1;
        }
    }
    Ok(removed)
}
