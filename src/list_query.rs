//! What the article list shows, as a value that round-trips through the address bar:
//! `?kw=China&kw=US` selects the articles that carry both keywords.

/// The list's selection: the keywords every shown article must carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    keywords: Vec<String>,
}

/// Folds a keyword for matching: case and surrounding or repeated spaces do not count,
/// so "US", "us" and " US " are one keyword.
pub fn fold_keyword(keyword: &str) -> String {
    keyword
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl ListQuery {
    /// A query selecting the given keywords, in order, without repeats or blanks.
    pub fn with_keywords<I, S>(keywords: I) -> ListQuery
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut query = ListQuery::default();
        for keyword in keywords {
            let keyword = keyword
                .as_ref()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !keyword.is_empty() && !query.contains(&keyword) {
                query.keywords.push(keyword);
            }
        }
        query
    }

    /// Reads a query string such as `?kw=China&kw=US` (the leading `?` is optional).
    /// Unknown parameters are ignored.
    pub fn from_query_string(query: &str) -> ListQuery {
        let query = query.strip_prefix('?').unwrap_or(query);
        let keywords = form_urlencoded::parse(query.as_bytes())
            .filter(|(name, _)| name == "kw")
            .map(|(_, value)| value.into_owned());
        ListQuery::with_keywords(keywords)
    }

    /// The query as name–value pairs, for building links.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        self.keywords
            .iter()
            .map(|k| ("kw".to_string(), k.clone()))
            .collect()
    }

    /// The query string, with a leading `?`, or empty when nothing is selected.
    pub fn to_query_string(&self) -> String {
        if self.keywords.is_empty() {
            return String::new();
        }
        let mut out = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
        for keyword in &self.keywords {
            out.append_pair("kw", keyword);
        }
        out.finish()
    }

    /// The selected keywords, as they were spelled when selected.
    pub fn keywords(&self) -> &[String] {
        &self.keywords
    }

    pub fn is_empty(&self) -> bool {
        self.keywords.is_empty()
    }

    /// Whether `keyword` is selected, regardless of case.
    pub fn contains(&self, keyword: &str) -> bool {
        let key = fold_keyword(keyword);
        self.keywords.iter().any(|k| fold_keyword(k) == key)
    }

    /// The query with `keyword` added, or removed if it was selected.
    pub fn toggled(&self, keyword: &str) -> ListQuery {
        if self.contains(keyword) {
            let key = fold_keyword(keyword);
            let rest = self.keywords.iter().filter(|k| fold_keyword(k) != key);
            ListQuery::with_keywords(rest)
        } else {
            ListQuery::with_keywords(self.keywords.iter().map(String::as_str).chain([keyword]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_repeated_keyword_parameters() {
        let query = ListQuery::from_query_string("?kw=China&kw=US&page=2");
        assert_eq!(query.keywords(), ["China", "US"]);
    }

    #[test]
    fn round_trips_through_the_address_bar() {
        let query = ListQuery::with_keywords(["technology policy", "数字经济", "R&D"]);
        let text = query.to_query_string();
        assert_eq!(
            text,
            "?kw=technology+policy&kw=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E&kw=R%26D"
        );
        assert_eq!(ListQuery::from_query_string(&text), query);
    }

    #[test]
    fn empty_selection_has_no_query_string() {
        assert_eq!(ListQuery::default().to_query_string(), "");
        assert!(ListQuery::from_query_string("").is_empty());
        assert!(ListQuery::from_query_string("?kw=&kw=%20").is_empty());
    }

    #[test]
    fn ignores_case_and_repeats() {
        let query = ListQuery::from_query_string("kw=US&kw=us&kw=%20US%20");
        assert_eq!(query.keywords(), ["US"]);
        assert!(query.contains("Us"));
    }

    #[test]
    fn toggling_adds_then_removes() {
        let query = ListQuery::default().toggled("trade").toggled("China");
        assert_eq!(query.keywords(), ["trade", "China"]);
        let query = query.toggled("TRADE");
        assert_eq!(query.keywords(), ["China"]);
    }

    #[test]
    fn folds_case_and_spacing() {
        assert_eq!(fold_keyword("  Technology   Policy "), "technology policy");
        assert_eq!(fold_keyword("创新"), "创新");
    }
}
