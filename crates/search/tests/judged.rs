//! A judged query set over the bundled sample collection: for each query, the articles a
//! reader would expect among the first three results.

use insight_corpus::Article;
use insight_ingest::{ingest, Options};
use insight_search::{SearchIndex, SearchRequest};
use std::path::PathBuf;

fn sample() -> Vec<Article> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/articles");
    let report = ingest(&[folder], &Options::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report.articles
}

const JUDGED: &[(&str, &[&str])] = &[
    (
        "innovation cooperation",
        &["innovation-cooperation-under-chip-export-controls"],
    ),
    ("创新合作", &["quyu-chuangxin-hezuo-gongzhangben"]),
    ("flood insurance", &["flood-insurance-risk-signals"]),
    (
        "stablecoins",
        &["stablecoins-are-payment-instruments-first"],
    ),
    ("heat pumps", &["heat-pumps-older-housing-stock"]),
    (
        "congestion pricing",
        &["congestion-pricing-revenue-promise"],
    ),
    ("nurse", &["nurse-workforce-retention"]),
    (
        "author:lindqvist drought",
        &["drought-pricing-fair-tariffs"],
    ),
    ("绿色金融", &["lvse-jinrong-biaozhun-qutong"]),
    (
        "antimicrobial resistance",
        &["antimicrobial-resistance-pull-incentives"],
    ),
    (
        "central bank digital currencies",
        &["cbdc-start-with-boring-questions"],
    ),
    ("semicond", &["semiconductor-subsidies-race-no-finish"]),
    ("tariff pass-through", &["tariff-pass-through-who-pays"]),
    (
        "\"standard-essential patents\"",
        &["standard-essential-patents-next-wireless"],
    ),
    ("methane leaks", &["methane-leak-detection-enforcement"]),
    ("zoning missing middle", &["zoning-reform-missing-middle"]),
];

#[test]
fn judged_queries_put_the_expected_articles_in_the_top_three() {
    let articles = sample();
    let index = SearchIndex::new(&articles);
    let mut failures = Vec::new();
    for (query, expected) in JUDGED {
        let results = index.search(&articles, &SearchRequest::new(query));
        let top: Vec<&str> = results
            .hits
            .iter()
            .take(3)
            .map(|h| articles[h.article].id.as_str())
            .collect();
        for id in *expected {
            if !top.contains(id) {
                failures.push(format!(
                    "{query:?}: expected {id} in the top 3, got {top:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn title_matches_outrank_body_mentions() {
    let articles = sample();
    let index = SearchIndex::new(&articles);
    let results = index.search(&articles, &SearchRequest::new("innovation cooperation"));
    let first = &articles[results.hits[0].article];
    assert!(
        first
            .title
            .to_lowercase()
            .contains("innovation cooperation"),
        "{}",
        first.title
    );
}
