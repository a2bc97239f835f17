//! Fuzzes the corpus reader the explorer runs on `corpus.json`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = insight_corpus::ValidCorpus::from_json(text);
});
