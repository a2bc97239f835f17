//! Fuzzes the ingest reader for WordPress exports (WXR) directly: any text must give
//! entries or errors, never a panic.
#![no_main]

use insight_ingest::{formats, Options};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = formats::wordpress::read(Path::new("fuzz.xml"), text, &Options::default());
    }
});
