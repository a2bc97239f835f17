//! Tests of the collection model over a small hand-made corpus: held whole (format 1),
//! and published as pieces that arrive as the views ask for them (format 2).

use super::*;
use insight_corpus::published::decompress;
use insight_corpus::{Block, Date, Inline};
use insight_search::published::publish;

fn article(id: &str, published: &str, keywords: &[&str]) -> Article {
    Article {
        id: id.to_string(),
        title: format!("Title {id}"),
        authors: vec!["A. Writer".to_string()],
        source: "Harbour Review".to_string(),
        published: published.parse::<Date>().unwrap(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        language: "en".to_string(),
        summary: "Summary.".to_string(),
        body: vec![Block::Paragraph {
            content: vec![Inline::text("Body.")],
        }],
        bio: None,
        url: None,
    }
}

fn articles() -> Vec<Article> {
    vec![
        article("old", "2019-05-01", &["trade", "China", "US"]),
        article("new", "2024-01-10", &["trade", "us", "energy"]),
        article("mid", "2021-07-15", &["China", "energy", "US"]),
        article("solo", "2022-03-03", &["health"]),
    ]
}

fn collection() -> Collection {
    Collection::from_whole(ValidCorpus {
        title: "Test".to_string(),
        notice: None,
        articles: articles(),
        skipped: Vec::new(),
        refused_links: Vec::new(),
    })
}

fn ids(collection: &Collection, numbers: &[u32]) -> Vec<String> {
    numbers
        .iter()
        .map(|&n| collection.entry(n).unwrap().id.clone())
        .collect()
}

fn listed(collection: &Collection, query: &ListQuery) -> Vec<String> {
    ids(collection, &collection.list(query).articles.unwrap())
}

fn number(collection: &Collection, id: &str) -> u32 {
    collection.number_of(id).unwrap().unwrap()
}

#[test]
fn lists_newest_first() {
    let c = collection();
    assert_eq!(
        listed(&c, &ListQuery::default()),
        ["new", "solo", "mid", "old"]
    );
}

#[test]
fn merges_keyword_spellings_and_uses_the_most_common() {
    let c = collection();
    let us = c.keywords().iter().find(|k| k.label == "US").unwrap();
    assert_eq!(us.count, 3);
    assert!(c.keywords().iter().all(|k| k.label != "us"));
    assert_eq!(c.keyword_label("uS"), "US");
    assert_eq!(c.keywords()[0].label, "US", "most frequent first");
    assert_eq!(
        c.keyword_labels(&["us".into(), "US".into(), "Trade".into()]),
        ["US", "trade"]
    );
}

#[test]
fn selecting_keywords_keeps_articles_with_all_of_them() {
    let c = collection();
    let query = ListQuery::with_keywords(["us", "china"]);
    assert_eq!(listed(&c, &query), ["mid", "old"]);
    let facets = c.list(&query).facets.unwrap();
    let trade = facets.keywords.iter().find(|k| k.label == "trade").unwrap();
    assert_eq!(trade.count, 1, "counts follow the selection");
    assert!(
        facets
            .keywords
            .iter()
            .find(|k| k.label == "China")
            .unwrap()
            .selected
    );
    assert!(
        facets.keywords.iter().all(|k| k.label != "health"),
        "zero counts are hidden"
    );
}

#[test]
fn an_unknown_keyword_selects_nothing() {
    let c = collection();
    assert!(listed(&c, &ListQuery::with_keywords(["trade", "nonsense"])).is_empty());
}

#[test]
fn empty_query_lists_everything_with_the_collection_counts() {
    let c = collection();
    let view = c.list(&ListQuery::default());
    assert!(view.wants.is_empty());
    let facets = view.facets.unwrap();
    let labels: Vec<&str> = facets.keywords.iter().map(|k| k.label.as_str()).collect();
    let own: Vec<&str> = c.keywords().iter().map(|k| k.label.as_str()).collect();
    assert_eq!(
        labels, own,
        "the facet list and the collection agree on spellings and order"
    );
}

#[test]
fn search_text_narrows_and_ranks() {
    let c = collection();
    assert_eq!(
        listed(&c, &ListQuery::default().with_text("Title sol")),
        ["solo"]
    );
}

#[test]
fn neighbours_in_the_whole_collection_follow_the_list_order() {
    let c = collection();
    let around = c.neighbours_in_all(number(&c, "mid"));
    assert_eq!(
        ids(&c, &[around.previous.unwrap(), around.next.unwrap()]),
        ["solo", "old"]
    );
    let newest = c.neighbours_in_all(number(&c, "new"));
    assert_eq!(newest.previous, None);
}

#[test]
fn related_articles_share_the_most_keywords() {
    let c = collection();
    let old = number(&c, "old");
    let keywords = c.record(old).unwrap().keywords.clone();
    // "mid" shares China and US; "new" shares trade and US: a tie goes to the newest.
    assert_eq!(
        ids(&c, &c.related(old, &keywords, 5).unwrap()),
        ["new", "mid"]
    );
    let solo = number(&c, "solo");
    assert!(c.related(solo, &["health".into()], 5).unwrap().is_empty());
}

/// Fetches, from `pieces`, what the collection wants, as the loader does (records whole
/// from their pack, unpacked).
fn arrive(c: &Collection, pieces: &HashMap<String, Vec<u8>>, wants: Vec<Want>) {
    let unpacked = |name: &str| decompress(name, &pieces[name]).unwrap();
    for want in wants {
        match &want {
            Want::Search(need) => {
                let name = c.search_piece(*need).unwrap();
                c.add_search(*need, &unpacked(&name)).unwrap();
            }
            Want::List(list) => c
                .add_list(*list, &unpacked(&c.manifest().lists[*list].list))
                .unwrap(),
            Want::Ids(bucket) => c
                .add_ids(*bucket, &unpacked(&c.manifest().ids[*bucket]))
                .unwrap(),
            Want::Records(list, numbers) => {
                let place = &c.manifest().lists[*list];
                let pack = &pieces[&place.pack];
                let header = PackHeader::read(
                    &place.pack,
                    pack,
                    place.count as usize,
                    place.header_hash().unwrap(),
                )
                .unwrap();
                for &n in numbers {
                    let (start, end) = header.range((n - place.first) as usize).unwrap();
                    c.add_record(n, &decompress("record", &pack[start..end]).unwrap());
                }
            }
            Want::Cards(list, numbers) => {
                let place = &c.manifest().lists[*list];
                let (pack, slots) = (&pieces[&place.pack], place.card_slots());
                for &n in numbers {
                    let (start, end) = slots.range(n).unwrap();
                    let card = slots.card(&place.pack, n, &pack[start..end]).unwrap();
                    c.add_card(n, card).unwrap();
                    let record = c.record_place(n).unwrap();
                    assert_eq!(
                        record.verify(&place.pack, n, &pack[record.start..record.end]),
                        Ok(())
                    );
                }
            }
        }
        c.finish(&want, Ok(()));
    }
}

#[test]
fn published_pieces_arrive_as_the_views_ask_for_them() {
    let published = publish("Pieces", None, &articles());
    let pieces: HashMap<String, Vec<u8>> = published.pieces.into_iter().collect();
    let c = Collection::from_manifest(published.manifest);
    // The first list needs nothing but the manifest and a list piece.
    let view = c.list(&ListQuery::default());
    assert_eq!(view.articles.as_ref().unwrap().len(), 4);
    assert!(view.wants.is_empty());
    assert_eq!(view.facets.unwrap().keywords.len(), c.keywords().len());
    let wants = c.wants_for(view.articles.as_ref().unwrap(), false);
    assert_eq!(wants, [Want::Cards(0, vec![0, 1, 2, 3])]);
    arrive(&c, &pieces, wants);
    assert_eq!(
        ids(&c, view.articles.as_ref().unwrap()),
        ["new", "solo", "mid", "old"],
        "the cards are the list entries"
    );
    assert!(c.record(0).is_none(), "a card brings no body");

    // A search asks for the directory, then for its terms' pieces.
    let query = ListQuery::default().with_text("energy ");
    let first = c.list(&query);
    assert_eq!(first.articles, None);
    assert_eq!(first.wants, [Want::Search(Need::Directory)]);
    let before = c.revision();
    arrive(&c, &pieces, first.wants);
    assert_ne!(c.revision(), before, "an arrival changes the revision");
    for _ in 0..3 {
        let view = c.list(&query);
        arrive(&c, &pieces, view.wants);
    }
    let found = c.list(&query).articles.unwrap();
    arrive(&c, &pieces, c.wants_for(&found, true));
    assert_eq!(ids(&c, &found), ["new", "mid"]);

    // An address names an id: its bucket tells its number.
    let unknown = Collection::from_manifest(publish("Pieces", None, &articles()).manifest);
    let want = unknown.number_of("solo").unwrap_err();
    arrive(&unknown, &pieces, vec![want]);
    assert_eq!(unknown.number_of("solo"), Ok(Some(2)));
    assert_eq!(unknown.number_of("nothing"), Ok(None));
}

#[test]
fn what_is_on_its_way_is_not_asked_for_again() {
    let published = publish("Pieces", None, &articles());
    let pieces: HashMap<String, Vec<u8>> = published.pieces.into_iter().collect();
    let c = Collection::from_manifest(published.manifest);
    let started = c.start_fetching(c.wants_for(&[0, 2], false));
    assert_eq!(started, [Want::Cards(0, vec![0, 2])]);
    assert_eq!(
        c.wants_for(&[0, 1, 2], false),
        [Want::Cards(0, vec![1])],
        "only the card not on its way"
    );
    assert_eq!(
        c.wants_for(&[0, 2], true),
        [Want::Records(0, vec![0, 2])],
        "cards on their way bring no records"
    );
    arrive(&c, &pieces, started);
    assert_eq!(c.wants_for(&[0, 1, 2], false), [Want::Cards(0, vec![1])]);
    c.start_fetching(vec![Want::List(0)]);
    assert_eq!(
        c.wants_for(&[1, 3], false),
        [],
        "the whole list is on its way"
    );
}

#[test]
fn a_record_that_differs_from_its_entry_is_refused() {
    let published = publish("Pieces", None, &articles());
    let pieces: HashMap<String, Vec<u8>> = published.pieces.into_iter().collect();
    let c = Collection::from_manifest(published.manifest);
    arrive(&c, &pieces, vec![Want::List(0)]);
    let mut other = articles()[0].clone();
    other.title = "Something else".into();
    c.add_record(0, &serde_json::to_vec(&other).unwrap());
    assert!(c.record(0).is_none());
    assert!(c.refusal(0).unwrap().contains("differs"));
    assert_eq!(
        c.wants_for(&[0], true),
        [],
        "a refused record is not asked for again"
    );
}

#[test]
fn a_failed_want_is_not_asked_again_until_retry() {
    let c = collection();
    let want = Want::List(0);
    assert_eq!(
        c.start_fetching(vec![want.clone()]),
        std::slice::from_ref(&want)
    );
    assert!(
        c.start_fetching(vec![want.clone()]).is_empty(),
        "already being fetched"
    );
    c.finish(&want, Err("the server answered HTTP 500".into()));
    assert!(c.start_fetching(vec![want.clone()]).is_empty());
    assert_eq!(
        c.failure(std::slice::from_ref(&want)).as_deref(),
        Some("the server answered HTTP 500")
    );
    c.retry();
    assert_eq!(c.start_fetching(vec![want.clone()]), [want]);
}
