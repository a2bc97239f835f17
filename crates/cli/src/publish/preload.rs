//! The first view's piece, named in every published page: a `<link rel="preload">` for
//! the newest list piece, so the browser fetches it while the app itself downloads
//! instead of after the manifest has been read. Pieces are named by their content, so a
//! page naming one can never get other bytes than the ones it names.

use super::content_policy::end_of_tag;
use insight_corpus::published::{Manifest, PIECES_FOLDER};

/// Marks the tags this module writes, so a republish replaces them.
const MARKER: &str = "data-first-view";

/// The page with a preload tag for each of the first view's pieces right after its
/// `<base>` tag (the app's requests are relative to it; a page without one gets them at
/// the start of its head), replacing earlier ones.
pub fn with_first_view(html: &str, manifest: &Manifest) -> Result<String, String> {
    let html = without_first_view(html);
    let at = end_of_tag(&html, "<base ")
        .or_else(|| end_of_tag(&html, "<head"))
        .ok_or("it has no <head> element: is this the page Trunk built?")?;
    let tags: String = first_view(manifest)
        .iter()
        .map(|piece| {
            format!(
                "\n    <link rel=\"preload\" href=\"{PIECES_FOLDER}/{piece}\" as=\"fetch\" crossorigin=\"anonymous\" {MARKER} />"
            )
        })
        .collect();
    Ok(format!("{}{tags}{}", &html[..at], &html[at..]))
}

/// What every page's first view fetches after the manifest: the newest list piece.
fn first_view(manifest: &Manifest) -> Vec<&str> {
    manifest
        .lists
        .last()
        .map(|l| l.list.as_str())
        .into_iter()
        .collect()
}

/// The page without the tags this module wrote before (each tag alone, with the line
/// break and indent before it, so that content on the same line stays).
fn without_first_view(html: &str) -> String {
    let mut page = html.to_string();
    while let Some(at) = page.find(MARKER) {
        let (Some(start), Some(close)) = (page[..at].rfind('<'), page[at..].find('>')) else {
            break;
        };
        let start = page[..start].trim_end_matches([' ', '\n']).len();
        page.replace_range(start..at + close + 1, "");
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use insight_corpus::published::ListRef;

    const PAGE: &str = "<html>\n  <head>\n    <base href=\"/site/\" />\n    <title>T</title>\n  </head>\n</html>\n";

    fn manifest(lists: &[&str]) -> Manifest {
        let lists = lists
            .iter()
            .enumerate()
            .map(|(i, name)| ListRef {
                first: i as u32,
                count: 1,
                list: name.to_string(),
                pack: format!("pack-{i}.bin"),
                header: "0".repeat(16),
                card: 64,
            })
            .collect::<Vec<_>>();
        Manifest {
            version: 2,
            title: "T".to_string(),
            notice: None,
            articles: lists.len() as u32,
            keywords: Vec::new(),
            authors: Vec::new(),
            sources: Vec::new(),
            years: Vec::new(),
            lists,
            ids: Vec::new(),
            search: "search-0.bin".to_string(),
        }
    }

    #[test]
    fn names_the_newest_list_piece_after_the_base_tag() {
        let page = with_first_view(PAGE, &manifest(&["list-old.bin", "list-new.bin"])).unwrap();
        let tag = page
            .find("corpus/list-new.bin")
            .expect("the newest list is preloaded");
        assert!(page.find("<base").unwrap() < tag);
        assert!(!page.contains("list-old.bin"));
        assert!(page.contains("as=\"fetch\" crossorigin=\"anonymous\""));
    }

    #[test]
    fn a_republish_replaces_the_earlier_tag() {
        let first = with_first_view(PAGE, &manifest(&["list-a.bin"])).unwrap();
        let again = with_first_view(&first, &manifest(&["list-b.bin"])).unwrap();
        assert!(!again.contains("list-a.bin"));
        assert_eq!(again.matches(MARKER).count(), 1);
        assert_eq!(
            with_first_view(&again, &manifest(&["list-b.bin"])).unwrap(),
            again
        );
    }

    #[test]
    fn an_empty_collection_preloads_nothing() {
        assert_eq!(with_first_view(PAGE, &manifest(&[])).unwrap(), PAGE);
    }

    #[test]
    fn a_page_without_base_gets_them_in_its_head_and_one_without_head_is_an_error() {
        let page = with_first_view("<html><head></head></html>", &manifest(&["list-a.bin"]));
        assert!(page
            .unwrap()
            .starts_with("<html><head>\n    <link rel=\"preload\" href=\"corpus/list-a.bin\""));
        assert!(with_first_view("just text", &manifest(&[])).is_err());
    }
}
