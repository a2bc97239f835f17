//! Fetching what the views want: each [`Want`] becomes one or a few requests (a whole
//! piece, or byte ranges of a record pack), and what arrives goes into the collection.

use crate::collection::{Collection, Want, RANGE_GAP};
use crate::services::{fetch_piece, fetch_range, unpack};
use insight_corpus::published::{ListRef, PackHeader, RecordPlace};

/// Fetches one want into the collection; the error is what the reader is told.
pub async fn fetch(collection: &Collection, want: &Want) -> Result<(), String> {
    let manifest = collection.manifest();
    match want {
        Want::Search(need) => {
            let name = collection
                .search_piece(*need)
                .ok_or("the search directory has not arrived")?;
            let bytes = fetch_piece(&name).await.map_err(|e| e.to_string())?;
            collection.add_search(*need, &bytes)
        }
        Want::List(list) => {
            let name = &manifest.lists.get(*list).ok_or("no such list piece")?.list;
            let bytes = fetch_piece(name).await.map_err(|e| e.to_string())?;
            collection.add_list(*list, &bytes)
        }
        Want::Ids(bucket) => {
            let name = manifest.ids.get(*bucket).ok_or("no such id bucket")?;
            let bytes = fetch_piece(name).await.map_err(|e| e.to_string())?;
            collection.add_ids(*bucket, &bytes)
        }
        Want::Records(list, numbers) => fetch_records(collection, *list, numbers).await,
        Want::Cards(list, numbers) => fetch_cards(collection, *list, numbers).await,
    }
}

/// Fetches the cards of `numbers` (sorted) from the pack of list piece `list`: their
/// places follow from the manifest, so close ones come in one range, with no header.
async fn fetch_cards(collection: &Collection, list: usize, numbers: &[u32]) -> Result<(), String> {
    let place = list_place(collection, list)?;
    let slots = place.card_slots();
    let wanted: Vec<(u32, usize, usize)> = numbers
        .iter()
        .filter_map(|&n| slots.range(n).map(|(start, end)| (n, start, end)))
        .collect();
    for span in spans(&wanted) {
        let (start, bytes) = fetch_span(&place.pack, span).await?;
        for &(number, from, to) in span {
            let slot = bytes.get(from - start..to - start).unwrap_or_default();
            let card = slots
                .card(&place.pack, number, slot)
                .map_err(|e| e.to_string())?;
            collection.add_card(number, card)?;
        }
    }
    Ok(())
}

/// Fetches the records of `numbers` (sorted) from the pack of list piece `list`. Where
/// each is comes from its card when that arrived, or else from the pack's header
/// (fetched first, once).
async fn fetch_records(
    collection: &Collection,
    list: usize,
    numbers: &[u32],
) -> Result<(), String> {
    let place = list_place(collection, list)?;
    let header = if numbers
        .iter()
        .all(|&n| collection.record_place(n).is_some())
    {
        None
    } else {
        Some(header(collection, list, &place).await?)
    };
    let located: std::collections::HashMap<u32, RecordPlace> = numbers
        .iter()
        .filter_map(|&n| match (&header, collection.record_place(n)) {
            (_, Some(known)) => Some((n, known)),
            (Some(header), None) => {
                let i = n.checked_sub(place.first)? as usize;
                let (start, end) = header.range(i)?;
                Some((
                    n,
                    RecordPlace {
                        start,
                        end,
                        hash: header.hash(i)?,
                    },
                ))
            }
            (None, None) => None,
        })
        .collect();
    let mut wanted: Vec<(u32, usize, usize)> = located
        .iter()
        .map(|(n, at)| (*n, at.start, at.end))
        .collect();
    insight_corpus::sort::sort(&mut wanted);
    for span in spans(&wanted) {
        let (start, bytes) = fetch_span(&place.pack, span).await?;
        for &(number, from, to) in span {
            let stored = bytes.get(from - start..to - start).unwrap_or_default();
            located[&number]
                .verify(&place.pack, number, stored)
                .map_err(|e| e.to_string())?;
            let record = unpack(&place.pack, stored)
                .await
                .map_err(|e| e.to_string())?;
            collection.add_record(number, &record);
        }
    }
    Ok(())
}

/// The header of list piece `list`'s pack: held, or fetched and checked.
async fn header(
    collection: &Collection,
    list: usize,
    place: &ListRef,
) -> Result<std::rc::Rc<PackHeader>, String> {
    if let Some(header) = collection.header(list) {
        return Ok(header);
    }
    let count = place.count as usize;
    let bytes = fetch_range(&place.pack, 0, PackHeader::size(count))
        .await
        .map_err(|e| e.to_string())?;
    let hash = place
        .header_hash()
        .ok_or("the manifest gives no header hash")?;
    let header = PackHeader::read(&place.pack, &bytes, count, hash).map_err(|e| e.to_string())?;
    collection.add_header(list, header);
    collection
        .header(list)
        .ok_or_else(|| "the pack header was not kept".to_string())
}

/// What the manifest says of list piece `list` and its pack.
fn list_place(collection: &Collection, list: usize) -> Result<ListRef, String> {
    collection
        .manifest()
        .lists
        .get(list)
        .cloned()
        .ok_or_else(|| "no such list piece".to_string())
}

/// Fetches one run of `spans` from `pack` in one request: where it starts, and its bytes.
async fn fetch_span(pack: &str, span: &[(u32, usize, usize)]) -> Result<(usize, Vec<u8>), String> {
    let (start, end) = (span[0].1, span[span.len() - 1].2);
    let bytes = fetch_range(pack, start, end)
        .await
        .map_err(|e| e.to_string())?;
    Ok((start, bytes))
}

/// Groups records (sorted by place in the pack) into runs fetched by one request each.
fn spans(records: &[(u32, usize, usize)]) -> Vec<&[(u32, usize, usize)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=records.len() {
        if i == records.len() || records[i].1 > records[i - 1].2 + RANGE_GAP {
            if i > start {
                out.push(&records[start..i]);
            }
            start = i;
        }
    }
    out
}
