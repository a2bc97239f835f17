//! Corpus format 2 end to end, natively: publish a collection as pieces, read every piece
//! back, and answer searches from pieces fetched on demand exactly as the browser does,
//! checked against the whole-collection engine.

use insight_corpus::published::{
    bucket_of, decompress, verify_piece, IdBucket, ListPiece, Manifest, PackHeader,
};
use insight_corpus::{Article, Block, Inline};
use insight_ingest::{ingest, Options};
use insight_search::published::{publish, Answer, Need, PieceIndex, Published};
use insight_search::{Facets, SearchIndex, SearchRequest, Sort};
use proptest::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

fn sample() -> Vec<Article> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/articles");
    let report = ingest(&[folder], &Options::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report.articles
}

/// The published pieces by name, as a static host would serve them.
struct Site(HashMap<String, Vec<u8>>);

impl Site {
    fn of(published: &Published) -> Site {
        Site(published.pieces.iter().cloned().collect())
    }

    /// A piece as the browser takes it in: hash checked, then unpacked.
    fn piece(&self, name: &str) -> Vec<u8> {
        let stored = &self.0[name];
        verify_piece(name, stored).unwrap();
        decompress(name, stored).unwrap()
    }
}

/// Asks until the answer is whole, fetching what it needs each time; returns the answer
/// and how many rounds of fetching it took.
fn search(index: &mut PieceIndex, site: &Site, request: &SearchRequest) -> (Answer, usize) {
    for round in 0..8 {
        let answer = index.search(request);
        if answer.needs.is_empty() {
            return (answer, round);
        }
        for need in answer.needs {
            let name = index.piece_name(need).unwrap().to_string();
            index.add(need, &site.piece(&name)).unwrap();
        }
    }
    panic!("{request:?}: still needs pieces after 8 rounds");
}

/// The old engine's answer in article numbers (oldest 0) instead of list positions.
fn whole_engine(articles: &[Article], request: &SearchRequest) -> (Vec<usize>, Facets) {
    let mut listed = articles.to_vec();
    listed.sort_by(Article::list_order);
    let index = SearchIndex::new(&listed);
    let results = index.search(&listed, request);
    let n = listed.len();
    (
        results.hits.iter().map(|h| n - 1 - h.article).collect(),
        results.facets,
    )
}

fn same_facets(mut a: Facets, mut b: Facets) -> bool {
    for f in [&mut a, &mut b] {
        for list in [
            &mut f.keywords,
            &mut f.authors,
            &mut f.sources,
            &mut f.years,
        ] {
            list.sort_by(|x, y| x.label.cmp(&y.label));
        }
    }
    a == b
}

fn requests(articles: &[Article]) -> Vec<SearchRequest> {
    let mut out: Vec<SearchRequest> = [
        "",
        "innovation cooperation",
        "创新合作",
        "flood insurance",
        "stablecoins",
        "heat pumps",
        "author:lindqvist drought",
        "semicond",
        "tariff pass-through",
        "\"standard-essential patents\"",
        "zoning missing middle",
        "green -bonds",
        "\"trade finance\"",
        "source:harbour",
        "year:2021",
        "2019..2022 water",
        "kw:china",
        "coop",
        "nonexistentword",
        "the",
        "a",
    ]
    .iter()
    .map(|q| SearchRequest::new(q))
    .collect();
    let first = &articles[0];
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        out.push(SearchRequest {
            query: "policy".into(),
            keywords: vec![first.keywords[0].to_uppercase()],
            sort,
            ..SearchRequest::default()
        });
    }
    out.push(SearchRequest {
        authors: vec![first.authors[0].clone(), articles[1].authors[0].clone()],
        years: vec![first.published.year()],
        ..SearchRequest::default()
    });
    out.push(SearchRequest {
        query: "market".into(),
        sources: vec![first.source.clone()],
        keywords: vec!["no such keyword".into()],
        ..SearchRequest::default()
    });
    out
}

fn check_against_whole_engine(articles: &[Article]) {
    let published = publish("Sample", None, articles);
    let site = Site::of(&published);
    let mut index = PieceIndex::new(&published.manifest);
    for request in requests(articles) {
        let (answer, _) = search(&mut index, &site, &request);
        let (hits, facets) = whole_engine(articles, &request);
        let mut got: Vec<usize> = answer.hits.unwrap().iter().map(|h| h.article).collect();
        if request.sort == Sort::Newest || !answer.query.has_text() && request.sort != Sort::Oldest
        {
            assert_eq!(
                got, hits,
                "{request:?}: the same articles in the same order"
            );
        }
        let mut expected = hits.clone();
        got.sort_unstable();
        expected.sort_unstable();
        assert_eq!(got, expected, "{request:?}: the same articles");
        assert!(
            same_facets(answer.facets.unwrap(), facets),
            "{request:?}: the same facet counts"
        );
    }
}

#[test]
fn the_sample_answers_as_the_whole_collection_engine_does() {
    check_against_whole_engine(&sample());
}

#[test]
fn judged_queries_still_find_their_articles_first() {
    let articles = sample();
    let published = publish("Sample", None, &articles);
    let site = Site::of(&published);
    let mut index = PieceIndex::new(&published.manifest);
    let numbered = numbered(&articles);
    for (query, id) in [
        (
            "innovation cooperation",
            "innovation-cooperation-under-chip-export-controls",
        ),
        ("创新合作", "quyu-chuangxin-hezuo-gongzhangben"),
        ("heat pumps", "heat-pumps-older-housing-stock"),
        ("semicond", "semiconductor-subsidies-race-no-finish"),
        ("author:lindqvist drought", "drought-pricing-fair-tariffs"),
        ("methane leaks", "methane-leak-detection-enforcement"),
    ] {
        let (answer, _) = search(&mut index, &site, &SearchRequest::new(query));
        let top: Vec<&str> = answer
            .hits
            .unwrap()
            .iter()
            .take(3)
            .map(|h| numbered[h.article].id.as_str())
            .collect();
        assert!(top.contains(&id), "{query:?}: {top:?}");
    }
}

fn numbered(articles: &[Article]) -> Vec<Article> {
    let mut numbered = articles.to_vec();
    numbered.sort_by(Article::list_order);
    numbered.reverse();
    numbered
}

/// Reads every list piece, record and id bucket back.
fn read_back(published: &Published) -> Vec<Article> {
    let site = Site::of(published);
    let manifest = &published.manifest;
    let mut out = Vec::new();
    for list in &manifest.lists {
        let entries: ListPiece = serde_json::from_slice(&site.piece(&list.list)).unwrap();
        assert_eq!(entries.articles.len(), list.count as usize);
        let pack = &site.0[&list.pack];
        verify_piece(&list.pack, pack).unwrap();
        let header = PackHeader::read(
            &list.pack,
            pack,
            list.count as usize,
            list.header_hash().unwrap(),
        )
        .unwrap();
        for (i, entry) in entries.articles.iter().enumerate() {
            let (start, end) = header.range(i).unwrap();
            header.verify(&list.pack, i, &pack[start..end]).unwrap();
            let record: Article =
                serde_json::from_slice(&decompress("record", &pack[start..end]).unwrap()).unwrap();
            assert!(entry.describes(&record));
            out.push(record);
        }
    }
    for (number, article) in out.iter().enumerate() {
        let bucket = &manifest.ids[bucket_of(&article.id, manifest.ids.len())];
        let ids: IdBucket = serde_json::from_slice(&site.piece(bucket)).unwrap();
        assert_eq!(ids.ids.get(&article.id), Some(&(number as u32)));
    }
    out
}

#[test]
fn every_article_comes_back_whole_once() {
    let articles = sample();
    let published = publish("Sample", Some("A notice"), &articles);
    let manifest: Manifest =
        serde_json::from_str(&serde_json::to_string(&published.manifest).unwrap()).unwrap();
    assert_eq!(manifest, published.manifest);
    assert_eq!(manifest.articles as usize, articles.len());
    assert_eq!(read_back(&published), numbered(&articles));
    let listed: u32 = manifest.lists.iter().map(|l| l.count).sum();
    assert_eq!(listed, manifest.articles);
}

#[test]
fn a_republish_with_new_articles_keeps_the_older_pieces() {
    let mut articles = many(250);
    let before = publish("t", None, &articles);
    articles.extend(many(260).into_iter().skip(250).map(|mut a| {
        a.published = "2030-01-01".parse().unwrap();
        a
    }));
    let after = publish("t", None, &articles);
    assert_eq!(before.manifest.lists[0], after.manifest.lists[0]);
    assert_eq!(before.manifest.lists[1], after.manifest.lists[1]);
    assert_ne!(before.manifest.lists.last(), after.manifest.lists.last());
}

#[test]
fn a_piece_of_another_kind_or_publish_is_refused() {
    let a = publish("a", None, &many(30));
    let b = publish("b", None, &many(40));
    let site_b = Site::of(&b);
    let mut index = PieceIndex::new(&a.manifest);
    // The directory of another publish names pieces this one lacks, and its facet lists
    // do not fit this collection's values.
    index
        .add(Need::Directory, &Site::of(&a).piece(&a.manifest.search))
        .unwrap();
    let facet = index
        .piece_name(Need::Facet(insight_search::published::FacetKind::Keywords))
        .unwrap()
        .to_string();
    let b_index = {
        let mut i = PieceIndex::new(&b.manifest);
        i.add(Need::Directory, &site_b.piece(&b.manifest.search))
            .unwrap();
        i
    };
    let b_facet = b_index
        .piece_name(Need::Facet(insight_search::published::FacetKind::Keywords))
        .unwrap();
    assert_ne!(facet, b_facet);
    let wrong = site_b.piece(b_facet);
    assert!(index
        .add(
            Need::Facet(insight_search::published::FacetKind::Keywords),
            &wrong
        )
        .is_err());
    assert!(index.add(Need::Postings(0), &wrong).is_err());
    assert!(verify_piece(&facet, &site_b.0[b_facet]).is_err());
}

/// `n` small articles with overlapping words, keywords and authors.
fn many(n: usize) -> Vec<Article> {
    const WORDS: &[&str] = &[
        "trade", "water", "bonds", "green", "policy", "china", "market", "ports", "tax", "health",
        "energy", "data", "创新", "合作",
    ];
    (0..n)
        .map(|i| {
            let word = |k: usize| WORDS[(i * 7 + k * 3) % WORDS.len()];
            article(
                i,
                &format!("{} {} number {i}", word(0), word(1)),
                &format!(
                    "{} {} {} and {} again {}",
                    word(2),
                    word(3),
                    word(4),
                    word(0),
                    word(5)
                ),
                &format!("20{:02}-0{}-1{}", 10 + i % 12, 1 + i % 9, i % 10),
                &[&format!("Author {}", i % 5), &format!("author {}", i % 3)],
                &format!("Source {}", i % 4),
                &[word(1), &word(6).to_uppercase()],
            )
        })
        .collect()
}

fn article(
    i: usize,
    title: &str,
    body: &str,
    date: &str,
    authors: &[&str],
    source: &str,
    keywords: &[&str],
) -> Article {
    Article {
        id: format!("a{i}"),
        title: title.into(),
        authors: authors.iter().map(|a| a.to_string()).collect(),
        source: source.into(),
        published: date.parse().unwrap(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        language: "en".into(),
        summary: String::new(),
        body: vec![Block::Paragraph {
            content: vec![Inline::text(body)],
        }],
        bio: None,
        url: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever the size, every article is in exactly one list piece and comes back
    /// whole, and every search (hence every term's postings) answers as the whole engine.
    #[test]
    fn piece_boundaries_lose_nothing(n in 1usize..420, words in proptest::collection::vec(0usize..14, 1..3)) {
        let articles = many(n);
        let published = publish("t", None, &articles);
        prop_assert_eq!(read_back(&published), numbered(&articles));
        let site = Site::of(&published);
        let mut index = PieceIndex::new(&published.manifest);
        const WORDS: &[&str] = &["trade", "water", "bonds", "green", "policy", "china", "market", "ports", "tax", "health", "energy", "data", "创新", "number"];
        let query = words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ") + " ";
        let request = SearchRequest { query, sort: Sort::Newest, ..SearchRequest::default() };
        let (answer, _) = search(&mut index, &site, &request);
        let (hits, facets) = whole_engine(&articles, &request);
        let got: Vec<usize> = answer.hits.unwrap().iter().map(|h| h.article).collect();
        prop_assert_eq!(got, hits);
        prop_assert!(same_facets(answer.facets.unwrap(), facets));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// "More on these keywords": the articles sharing the most of an article's keywords,
    /// the newest first among equals, at most `limit`, never the article itself.
    #[test]
    fn related_share_the_most_keywords_newest_first(
        tags in proptest::collection::vec(proptest::collection::vec(0usize..400, 0..6), 1..300),
        limit in 0usize..7,
        of in 0usize..300,
    ) {
        // Six common keywords and many rare ones: long lists and short ones, over more
        // than one 64-article word of counts.
        const POOL: &[&str] = &["trade", "water", "bonds", "green", "policy", "ports"];
        let name = |k: usize| match POOL.get(k % 100) {
            Some(common) => common.to_string(),
            None => format!("rare {k}"),
        };
        let articles: Vec<Article> = tags
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let named: Vec<String> = t.iter().map(|&k| name(k)).collect();
                let keywords: Vec<&str> = named.iter().map(String::as_str).collect();
                let date = format!("20{:02}-0{}-1{}", 10 + i % 12, 1 + i % 9, i % 10);
                article(i, &format!("title {i}"), "body", &date, &["A"], "S", &keywords)
            })
            .collect();
        let published = publish("t", None, &articles);
        let site = Site::of(&published);
        let mut index = PieceIndex::new(&published.manifest);
        let numbered = numbered(&articles);
        let me = (of % numbered.len()) as u32;
        let mine = &numbered[me as usize].keywords;
        let answer = loop {
            match index.related(me, mine, limit) {
                Ok(related) => break related,
                Err(need) => {
                    let name = index.piece_name(need).unwrap().to_string();
                    index.add(need, &site.piece(&name)).unwrap();
                }
            }
        };
        // The same again after every other article's: what one call leaves behind does not
        // change the next.
        for other in 0..numbered.len() as u32 {
            let _ = index.related(other, &numbered[other as usize].keywords, limit);
        }
        prop_assert_eq!(index.related(me, mine, limit).unwrap(), answer.clone());
        let distinct = |k: &[String]| k.iter().cloned().collect::<std::collections::BTreeSet<_>>();
        let wanted = distinct(mine);
        let mut expected: Vec<(usize, u32)> = numbered
            .iter()
            .enumerate()
            .filter(|&(n, _)| n as u32 != me)
            .map(|(n, a)| (wanted.intersection(&distinct(&a.keywords)).count(), n as u32))
            .filter(|&(shared, _)| shared > 0)
            .collect();
        expected.sort_by(|a, b| b.cmp(a));
        let expected: Vec<u32> = expected.into_iter().take(limit).map(|(_, n)| n).collect();
        prop_assert_eq!(answer, expected);
    }
}
