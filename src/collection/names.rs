//! Keyword and author pages: the name each value goes by in its page's address, and the
//! value a name stands for (see `page_names`).

use super::Collection;
use crate::page_names::PageNames;
use insight_search::published::FacetKind;
use insight_search::Facet;
use std::cell::OnceCell;

/// The names of both facets that have pages, each made when first asked for.
#[derive(Debug, Default)]
pub(super) struct Held {
    keywords: OnceCell<PageNames>,
    authors: OnceCell<PageNames>,
}

/// A value that has pages of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub label: String,
    pub name: String,
    /// How many articles of the collection carry it.
    pub count: usize,
}

impl Collection {
    fn names(&self, facet: Facet) -> Option<&PageNames> {
        let (cell, values) = match facet {
            Facet::Keywords => (&self.page_names.keywords, &self.manifest.keywords),
            Facet::Authors => (&self.page_names.authors, &self.manifest.authors),
            Facet::Sources | Facet::Years => return None,
        };
        Some(cell.get_or_init(|| PageNames::new(values.iter().map(|v| v.label.as_str()))))
    }

    /// The page name of a keyword or author, given in any case or spacing; `None` for a
    /// value the collection does not hold, and for sources and years (no pages).
    pub fn page_name(&self, facet: Facet, value: &str) -> Option<String> {
        let names = self.names(facet)?;
        let number = self
            .index
            .borrow()
            .value_number(FacetKind::of(facet)?, value)?;
        names.name(number as usize).map(str::to_string)
    }

    /// The collection's spelling of the keyword or author a page name stands for.
    pub fn value_named(&self, facet: Facet, name: &str) -> Option<String> {
        let number = self.names(facet)?.find(name)?;
        let values = match facet {
            Facet::Keywords => &self.manifest.keywords,
            _ => &self.manifest.authors,
        };
        values.get(number).map(|v| v.label.clone())
    }

    /// Every keyword or author with its page name, most frequent first.
    pub fn named(&self, facet: Facet) -> Vec<Named> {
        let Some(names) = self.names(facet) else {
            return Vec::new();
        };
        let values = match facet {
            Facet::Keywords => &self.manifest.keywords,
            _ => &self.manifest.authors,
        };
        values
            .iter()
            .enumerate()
            .filter_map(|(number, value)| {
                Some(Named {
                    label: value.label.clone(),
                    name: names.name(number)?.to_string(),
                    count: value.count as usize,
                })
            })
            .collect()
    }
}
