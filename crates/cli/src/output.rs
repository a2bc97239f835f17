//! Writing output files atomically: a temporary file beside the target, then a rename,
//! so a reader never sees a half-written corpus.

use std::io::Write;
use std::path::Path;

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_file(path, bytes, Sync::ToDisk)
}

/// Whether a file written is synced to the disk before it takes its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sync {
    /// Synced: after a crash the file is whole or absent.
    ToDisk,
    /// Not synced, for files every publish checks byte for byte and rewrites when they
    /// differ (the page copies): a crash can leave one cut short, and the next publish
    /// mends it. Thousands of syncs would otherwise be most of a publish's time.
    MendedByNextPublish,
}

fn write_file(path: &Path, bytes: &[u8], sync: Sync) -> Result<(), String> {
    let fail = |what: &str, e: std::io::Error| format!("{}: cannot {what}: {e}", path.display());
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| fail("create its folder", e))?;
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("corpus");
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        if sync == Sync::ToDisk {
            file.sync_all()?;
        }
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(fail("write", e));
    }
    Ok(())
}

/// Writes many files atomically, several at a time: each file's wait for the disk (its
/// sync) overlaps the others', which matters for the thousands of small files a site
/// has. A file that already holds exactly `bytes` is left alone. Each path must appear
/// once. Returns how many were written; the first failure is reported.
pub fn write_many_atomically(
    files: &[(std::path::PathBuf, &[u8])],
    sync: Sync,
) -> Result<usize, String> {
    // Synced writes overlap their waits for the disk well past the number of cores.
    // Unsynced ones wait for nothing but the folder, which takes one change at a time:
    // more writers would only queue for it, spending CPU the pages' rendering needs.
    let writers = match sync {
        Sync::ToDisk => 16,
        Sync::MendedByNextPublish => 1,
    };
    let chunk = files.len().div_ceil(writers).max(1);
    std::thread::scope(|scope| {
        let writers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut written = 0;
                    for (path, bytes) in part {
                        if !holds(path, bytes) {
                            write_file(path, bytes, sync)?;
                            written += 1;
                        }
                    }
                    Ok::<usize, String>(written)
                })
            })
            .collect();
        let mut written = 0;
        for writer in writers {
            written += writer
                .join()
                .map_err(|_| "a file writer stopped unexpectedly".to_string())??;
        }
        Ok(written)
    })
}

/// Whether the file at `path` holds exactly `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|held| held == bytes)
}
