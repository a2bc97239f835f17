//! Native timing of the search engine on a corpus file: index build time and query
//! latency (median and 95th percentile) over a fixed query list. The browser benchmark is
//! the one that counts for readers; this one is for quick comparisons while developing.
//!
//! `cargo run --release -p insight-corpus-cli -- generate --articles 10000 -o /tmp/10k.json`
//! `cargo run --release -p insight-search --example timing -- /tmp/10k.json`

use insight_corpus::ValidCorpus;
use insight_search::{SearchIndex, SearchRequest};
use std::time::Instant;

const QUERIES: &[&str] = &[
    "innovation",
    "trade finance",
    "green bonds",
    "\"supply chains\"",
    "policy -tariffs",
    "regional inn",
    "author:chen energy",
    "year:2015..2018 cities",
    "kw:climate water",
    "创新合作",
    "market risk credit",
    "digit",
];

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: timing <corpus.json>");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let start = Instant::now();
    let corpus = ValidCorpus::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let decoded = start.elapsed();
    let start = Instant::now();
    let index = SearchIndex::new(&corpus.articles);
    let built = start.elapsed();
    let mut times = Vec::new();
    for _ in 0..5 {
        for query in QUERIES {
            let start = Instant::now();
            let results = index.search(&corpus.articles, &SearchRequest::new(query));
            std::hint::black_box(results.total);
            times.push(start.elapsed());
        }
    }
    if std::env::var_os("PER_QUERY").is_some() {
        for (i, query) in QUERIES.iter().enumerate() {
            let mut mine: Vec<_> = times.iter().skip(i).step_by(QUERIES.len()).collect();
            mine.sort();
            println!(
                "{:>8.2} ms  {query}",
                mine[mine.len() / 2].as_secs_f64() * 1000.0
            );
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
    println!("{} articles: decode {:.0} ms, index {:.0} ms, query p50 {:.2} ms, p95 {:.2} ms ({} queries)",
        corpus.articles.len(), decoded.as_secs_f64() * 1000.0, built.as_secs_f64() * 1000.0, at(0.5), at(0.95), times.len());
}
