//! Fuzzes the ingest reader for saved HTML pages: any bytes must give an entry, never a
//! panic.
#![no_main]

use insight_ingest::{formats, Options};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let _ = formats::read(Path::new("fuzz.html"), data, &Options::default());
});
