//! Reports what a reader downloads to start the app: wasm, JS and CSS, raw and gzipped.

use crate::run::{step, Failure};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

pub fn report(site: &Path) -> Result<(), Failure> {
    step(&format!("Release bundle in {}", site.display()));
    let entries = std::fs::read_dir(site)
        .map_err(|e| Failure(format!("cannot list {}: {e}", site.display())))?;
    let mut rows = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let kind = match path.extension().and_then(|e| e.to_str()) {
            Some("wasm") => "wasm",
            Some("js") => "js",
            Some("css") => "css",
            _ => continue,
        };
        let bytes = std::fs::read(&path)
            .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes)
            .and_then(|_| gz.flush())
            .map_err(|e| Failure(e.to_string()))?;
        let zipped = gz.finish().map_err(|e| Failure(e.to_string()))?.len();
        rows.push((kind, bytes.len(), zipped));
    }
    rows.sort();
    let (mut raw, mut zipped) = (0, 0);
    for (kind, r, z) in &rows {
        println!(
            "    {kind:<5} {:>8.1} KB raw {:>8.1} KB gzipped",
            kb(*r),
            kb(*z)
        );
        raw += r;
        zipped += z;
    }
    println!(
        "    total {:>8.1} KB raw {:>8.1} KB gzipped (wasm + JS + CSS)",
        kb(raw),
        kb(zipped)
    );
    Ok(())
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}
