//! Fuzzes the ingest reader for JSON article records: any bytes must give entries or an error, never a panic.
#![no_main]

use insight_ingest::{formats, Options};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let _ = formats::read(Path::new("fuzz.json"), data, &Options::default());
});
