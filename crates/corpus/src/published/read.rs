//! Reading a published collection back from a folder (natively: `corpus check` and
//! `corpus stats`): every piece is checked against its name, unpacked and decoded, and
//! every article is validated as the explorer would, with each problem naming its piece.

use super::{
    bucket_of, decompress, verify_piece, IdBucket, ListEntry, ListPiece, Manifest, PackHeader,
    MANIFEST_FILE,
};
use crate::{validate_article, Article, Problem};
use std::collections::HashSet;
use std::path::Path;

/// A published collection as read from its folder.
pub struct PublishedFolder {
    pub manifest: Manifest,
    /// The valid articles, oldest first.
    pub articles: Vec<Article>,
    /// What is wrong, each naming the piece (or article) and what to do.
    pub problems: Vec<Problem>,
}

/// Reads the manifest of the folder: `Err` when it cannot be read at all.
pub fn read_manifest(folder: &Path) -> Result<Manifest, String> {
    let path = folder.join(MANIFEST_FILE);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    Manifest::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A piece's unpacked content, or the problem with it.
pub fn read_piece(folder: &Path, name: &str) -> Result<Vec<u8>, Problem> {
    let stored = read_stored(folder, name)?;
    decompress(name, &stored).map_err(|e| Problem::new(name, e.to_string()))
}

fn read_stored(folder: &Path, name: &str) -> Result<Vec<u8>, Problem> {
    let stored = std::fs::read(folder.join(name)).map_err(|e| {
        Problem::new(
            name,
            format!("cannot read: {e} (publish again and upload the whole folder)"),
        )
    })?;
    verify_piece(name, &stored).map_err(|e| {
        Problem::new(
            name,
            format!("{e}; publish again and upload the whole folder"),
        )
    })?;
    Ok(stored)
}

/// Reads every list piece, record pack and id bucket of the folder.
pub fn read_published(folder: &Path) -> Result<PublishedFolder, String> {
    let manifest = read_manifest(folder)?;
    let mut problems = Vec::new();
    let mut articles = Vec::new();
    let mut numbers = Vec::new();
    let mut expected_first = 0;
    for list in &manifest.lists {
        if list.first != expected_first {
            problems.push(Problem::new(
                &list.list,
                format!(
                    "starts at article {} where {expected_first} was expected",
                    list.first
                ),
            ));
        }
        expected_first = list.first + list.count;
        match read_list(folder, list) {
            Ok(read) => {
                for (i, article) in read.into_iter().enumerate() {
                    match article {
                        Ok(article) => {
                            numbers.push(list.first + i as u32);
                            articles.push(article);
                        }
                        Err(problem) => problems.push(problem),
                    }
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    if expected_first != manifest.articles {
        problems.push(Problem::new(
            MANIFEST_FILE,
            format!(
                "counts {} articles, its list pieces {expected_first}",
                manifest.articles
            ),
        ));
    }
    problems.extend(check_ids(folder, &manifest, &articles, &numbers));
    Ok(PublishedFolder {
        manifest,
        articles,
        problems,
    })
}

/// The articles of one list piece from its record pack, each checked against its entry.
fn read_list(
    folder: &Path,
    list: &super::ListRef,
) -> Result<Vec<Result<Article, Problem>>, Problem> {
    let entries: ListPiece = serde_json::from_slice(&read_piece(folder, &list.list)?)
        .map_err(|e| Problem::new(&list.list, format!("not a list piece: {e}")))?;
    if entries.articles.len() != list.count as usize {
        return Err(Problem::new(
            &list.list,
            format!(
                "holds {} articles, the manifest says {}",
                entries.articles.len(),
                list.count
            ),
        ));
    }
    let pack = read_stored(folder, &list.pack)?;
    let hash = list
        .header_hash()
        .ok_or_else(|| Problem::new(&list.pack, "the manifest gives no header hash for it"))?;
    let header = PackHeader::read(&list.pack, &pack, entries.articles.len(), hash)
        .map_err(|e| Problem::new(&list.pack, e.to_string()))?;
    Ok(entries
        .articles
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let (start, end) = header.range(i).unwrap_or_default();
            let bytes = pack
                .get(start..end)
                .ok_or_else(|| Problem::new(&list.pack, format!("record {i} is cut short")))?;
            header
                .verify(&list.pack, i, bytes)
                .map_err(|e| Problem::new(&entry.id, e.to_string()))?;
            let record = decompress(&list.pack, bytes)
                .map_err(|e| Problem::new(&entry.id, e.to_string()))?;
            let article: Article = serde_json::from_slice(&record).map_err(|e| {
                Problem::new(
                    &entry.id,
                    format!("its record in {} does not decode: {e}", list.pack),
                )
            })?;
            let mut problems = validate_article(&article);
            if !entry.describes(&article) {
                problems.push(Problem::new(
                    &entry.id,
                    format!("its record in {} differs from its list entry", list.pack),
                ));
            }
            if let Err(message) = check_card(&pack, list, i, entry, (start, end)) {
                problems.push(Problem::new(&entry.id, message));
            }
            match problems.is_empty() {
                true => Ok(article),
                false => {
                    let messages: Vec<String> = problems.into_iter().map(|p| p.message).collect();
                    Err(Problem::new(&entry.id, messages.join("; ")))
                }
            }
        })
        .collect())
}

/// The card of the `i`th article of a pack is whole, is its list entry, and leads to its
/// record (at `record`, as the header says).
fn check_card(
    pack: &[u8],
    list: &super::ListRef,
    i: usize,
    entry: &ListEntry,
    record: (usize, usize),
) -> Result<(), String> {
    let slots = list.card_slots();
    let number = list.first + i as u32;
    let (start, end) = slots.range(number).unwrap_or_default();
    let slot = pack
        .get(start..end)
        .ok_or_else(|| format!("its card in {} is cut short", list.pack))?;
    let card = slots
        .card(&list.pack, number, slot)
        .map_err(|e| e.to_string())?;
    if (card.record.start, card.record.end) != record {
        return Err(format!(
            "its card in {} gives another place for its record",
            list.pack
        ));
    }
    match serde_json::from_slice::<ListEntry>(card.entry) {
        Ok(card) if &card == entry => Ok(()),
        Ok(_) => Err(format!(
            "its card in {} differs from its list entry",
            list.pack
        )),
        Err(e) => Err(format!("its card in {} does not decode: {e}", list.pack)),
    }
}

/// Every id is unique and its bucket gives its number.
fn check_ids(
    folder: &Path,
    manifest: &Manifest,
    articles: &[Article],
    numbers: &[u32],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let buckets: Vec<Option<IdBucket>> = manifest
        .ids
        .iter()
        .map(|name| match read_piece(folder, name) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| problems.push(Problem::new(name, format!("not an id bucket: {e}"))))
                .ok(),
            Err(problem) => {
                problems.push(problem);
                None
            }
        })
        .collect();
    let mut seen = HashSet::new();
    for (article, &number) in articles.iter().zip(numbers) {
        if !seen.insert(article.id.as_str()) {
            problems.push(Problem::new(
                &article.id,
                "its id is used by an earlier article",
            ));
        }
        let b = bucket_of(&article.id, buckets.len());
        if let Some(Some(bucket)) = buckets.get(b) {
            if bucket.ids.get(&article.id) != Some(&number) {
                problems.push(Problem::new(
                    &article.id,
                    format!("{} does not give it number {number}", manifest.ids[b]),
                ));
            }
        }
    }
    problems
}
