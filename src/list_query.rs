//! What the article list shows, as a value that round-trips through the address bar:
//! `?q=green+bonds&kw=China&kw=US&author=…&source=…&year=2021&sort=newest`.

use insight_search::{Facet, SearchRequest, Sort};

/// The list's state: search text, selected facet values and sort order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    text: String,
    keywords: Vec<String>,
    authors: Vec<String>,
    sources: Vec<String>,
    years: Vec<String>,
    sort: Option<Sort>,
}

/// Folds a keyword for matching: case and surrounding or repeated spaces do not count,
/// so "US", "us" and " US " are one keyword.
pub fn fold_keyword(keyword: &str) -> String {
    tidy(keyword).to_lowercase()
}

fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sort_name(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "relevance",
        Sort::Newest => "newest",
        Sort::Oldest => "oldest",
    }
}

impl ListQuery {
    /// A query selecting the given keywords, in order, without repeats or blanks.
    pub fn with_keywords<I, S>(keywords: I) -> ListQuery
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut query = ListQuery::default();
        keywords
            .into_iter()
            .for_each(|k| query.add(Facet::Keywords, k.as_ref()));
        query
    }

    fn values_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Keywords => &mut self.keywords,
            Facet::Authors => &mut self.authors,
            Facet::Sources => &mut self.sources,
            Facet::Years => &mut self.years,
        }
    }

    /// The selected values of a facet, as spelled when selected.
    pub fn values(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Keywords => &self.keywords,
            Facet::Authors => &self.authors,
            Facet::Sources => &self.sources,
            Facet::Years => &self.years,
        }
    }

    fn add(&mut self, facet: Facet, value: &str) {
        let value = tidy(value);
        let valid = !value.is_empty() && (facet != Facet::Years || value.parse::<u16>().is_ok());
        if valid && !self.has(facet, &value) {
            self.values_mut(facet).push(value);
        }
    }

    /// Reads a query string such as `?q=x&kw=China&kw=US` (the leading `?` is optional).
    /// Unknown parameters are ignored.
    pub fn from_query_string(query: &str) -> ListQuery {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut list = ListQuery::default();
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            match name.as_ref() {
                "q" => list.text = value.trim_start().to_string(),
                "kw" => list.add(Facet::Keywords, &value),
                "author" => list.add(Facet::Authors, &value),
                "source" => list.add(Facet::Sources, &value),
                "year" => list.add(Facet::Years, &value),
                "sort" => {
                    list.sort = [Sort::Relevance, Sort::Newest, Sort::Oldest]
                        .into_iter()
                        .find(|s| sort_name(*s) == value)
                }
                _ => {}
            }
        }
        list
    }

    /// The query as name–value pairs, for building links.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if !self.text.trim().is_empty() {
            pairs.push(("q".to_string(), self.text.clone()));
        }
        for (name, values) in [
            ("kw", &self.keywords),
            ("author", &self.authors),
            ("source", &self.sources),
            ("year", &self.years),
        ] {
            pairs.extend(values.iter().map(|v| (name.to_string(), v.clone())));
        }
        if let Some(sort) = self.sort {
            pairs.push(("sort".to_string(), sort_name(sort).to_string()));
        }
        pairs
    }

    /// The query string, with a leading `?`, or empty when nothing is selected.
    pub fn to_query_string(&self) -> String {
        let pairs = self.to_pairs();
        if pairs.is_empty() {
            return String::new();
        }
        let mut out = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
        pairs.iter().for_each(|(name, value)| {
            out.append_pair(name, value);
        });
        out.finish()
    }

    /// The selected keywords, as they were spelled when selected.
    pub fn keywords(&self) -> &[String] {
        &self.keywords
    }

    /// The search text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether nothing narrows the list (the sort order may still be set).
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && [
                Facet::Keywords,
                Facet::Authors,
                Facet::Sources,
                Facet::Years,
            ]
            .iter()
            .all(|f| self.values(*f).is_empty())
    }

    /// Whether `value` is selected in `facet`, regardless of case.
    pub fn has(&self, facet: Facet, value: &str) -> bool {
        let key = fold_keyword(value);
        self.values(facet).iter().any(|v| fold_keyword(v) == key)
    }

    /// Whether `keyword` is selected, regardless of case.
    pub fn contains(&self, keyword: &str) -> bool {
        self.has(Facet::Keywords, keyword)
    }

    /// The query with `value` added to `facet`, or removed if it was selected.
    pub fn toggled_in(&self, facet: Facet, value: &str) -> ListQuery {
        let mut next = self.clone();
        if self.has(facet, value) {
            let key = fold_keyword(value);
            next.values_mut(facet).retain(|v| fold_keyword(v) != key);
        } else {
            next.add(facet, value);
        }
        next
    }

    /// The query with `value` selected in `facet` (as it was, if it already is).
    pub fn with_value(&self, facet: Facet, value: &str) -> ListQuery {
        let mut next = self.clone();
        next.add(facet, value);
        next
    }

    /// What this query shows when nothing but one keyword or one author narrows it
    /// (`Some(None)` for the whole list), with no search text and the usual order: such
    /// lists have addresses of their own. `None` for any other query.
    pub fn browsed(&self) -> Option<Option<(Facet, &str)>> {
        let others = !self.text.trim().is_empty()
            || self.sort.is_some()
            || !self.sources.is_empty()
            || !self.years.is_empty();
        if others {
            return None;
        }
        match (self.keywords.as_slice(), self.authors.as_slice()) {
            ([], []) => Some(None),
            ([keyword], []) => Some(Some((Facet::Keywords, keyword.as_str()))),
            ([], [author]) => Some(Some((Facet::Authors, author.as_str()))),
            _ => None,
        }
    }

    /// The query with a keyword toggled.
    pub fn toggled(&self, keyword: &str) -> ListQuery {
        self.toggled_in(Facet::Keywords, keyword)
    }

    /// The query with other search text.
    pub fn with_text(&self, text: &str) -> ListQuery {
        ListQuery {
            text: text.to_string(),
            ..self.clone()
        }
    }

    /// The query with another sort order.
    pub fn with_sort(&self, sort: Sort) -> ListQuery {
        ListQuery {
            sort: Some(sort),
            ..self.clone()
        }
    }

    /// The query with every facet selection removed (the text and sort stay).
    pub fn without_facets(&self) -> ListQuery {
        ListQuery {
            text: self.text.clone(),
            sort: self.sort,
            ..ListQuery::default()
        }
    }

    /// The sort order in force: as chosen, else by relevance for a text search and
    /// newest first otherwise.
    pub fn sort(&self) -> Sort {
        self.sort.unwrap_or(if self.text.trim().is_empty() {
            Sort::Newest
        } else {
            Sort::Relevance
        })
    }

    /// The search the engine runs for this query.
    pub fn to_request(&self) -> SearchRequest {
        SearchRequest {
            query: self.text.clone(),
            keywords: self.keywords.clone(),
            authors: self.authors.clone(),
            sources: self.sources.clone(),
            years: self.years.iter().filter_map(|y| y.parse().ok()).collect(),
            sort: self.sort(),
        }
    }
}

#[cfg(test)]
mod tests;
