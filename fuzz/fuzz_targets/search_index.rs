//! Fuzzes reading a saved search index (`search-index.bin`) and searching what it gives.
#![no_main]

use insight_search::SearchIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"IXSRCH01".to_vec();
    bytes.extend_from_slice(data);
    for candidate in [&bytes[..], data] {
        if let Some(index) = SearchIndex::from_bytes(candidate, &[]) {
            let _ = index.keyword_counts();
            let _ = index.search(&[], &insight_search::SearchRequest::new("x"));
        }
    }
});
