//! Listing a site's files: which are read as articles, which are left out with a reason,
//! and how many others (layouts, assets, built output) the site has.

use std::path::{Path, PathBuf};

/// What the run does with one file of a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Planned {
    Read,
    /// Left out, with the reason (a draft folder, a section's list page…).
    Skip(String),
}

/// The files of a site the run reads or reports, in name order.
#[derive(Debug, Default)]
pub struct Plan {
    pub files: Vec<(PathBuf, Planned)>,
    /// Files that are not articles (layouts, assets, pages, built output), left alone.
    pub left_alone: usize,
}

impl Plan {
    /// Adds every Markdown file under `folder` with `planned`; other files there (a page
    /// bundle's images) are left alone.
    pub fn add_markdown(&mut self, folder: &Path, planned: impl Fn(&Path) -> Planned) {
        for file in files_under(folder) {
            if is_markdown(&file) {
                let what = planned(&file);
                self.files.push((file, what));
            }
        }
    }

    /// Counts the site's other files as left alone.
    pub fn count_the_rest(&mut self, root: &Path) {
        let all = files_under(root).len();
        self.left_alone = all.saturating_sub(self.files.len());
    }
}

/// Every file under `folder`, hidden ones aside, in name order.
pub fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Whether the file is Markdown by its extension.
pub fn is_markdown(path: &Path) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(extension.as_str(), "md" | "markdown" | "mdown" | "mkd")
}

/// Whether the file is a section's list page (`_index.md`) rather than a page.
pub fn is_section_index(path: &Path) -> bool {
    path.file_stem().and_then(|s| s.to_str()) == Some("_index")
}
