//! Fuzzes HTML bodies (feed content, body_html records) into structured blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let _ = insight_ingest::blocks::html::html_to_blocks(html);
});
