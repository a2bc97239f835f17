//! Telling a published collection (format 2: a folder of pieces) from a corpus file, for
//! the commands that read either: a site folder, its `corpus/` folder or its manifest.

use insight_corpus::published::{MANIFEST_FILE, PIECES_FOLDER};
use std::path::{Path, PathBuf};

/// The pieces folder `path` names, if it names a published collection.
pub fn published_folder(path: &Path) -> Option<PathBuf> {
    if path.file_name().is_some_and(|n| n == MANIFEST_FILE) {
        return path.parent().map(Path::to_path_buf);
    }
    [path.join(PIECES_FOLDER), path.to_path_buf()]
        .into_iter()
        .find(|folder| folder.join(MANIFEST_FILE).is_file())
}

/// The total size of the files in a folder.
pub fn folder_bytes(folder: &Path) -> u64 {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
