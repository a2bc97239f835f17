//! Answering a search from the pieces at hand: the same query syntax, BM25 ranking (from
//! the quantised weights), phrases, exclusions, field filters, facet counts and sorting
//! as the whole-collection engine, or the list of pieces still missing.

use super::loaded::{FacetKind, FacetValues, Need, PieceIndex};
use super::pieces::TermPostings;
use crate::engine::{FacetCount, Facets, Hit, SearchRequest, Sort, K1};
use crate::fold::fold;
use crate::query::{parse_query, Query};

/// How many terms a prefix being typed may stand for.
const PREFIX_TERMS: usize = 64;
/// A prefix whose terms span more vocabulary pieces than this is too short to expand
/// (a letter or two of a large collection) and is matched as a whole word instead.
const PREFIX_PIECES: usize = 2;

/// What a search can say with the pieces at hand.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The matching articles (numbers, best first for the sort asked), unless pieces
    /// they depend on are missing.
    pub hits: Option<Vec<Hit>>,
    /// The facet counts, unless their pieces are missing (the hits may come first).
    pub facets: Option<Facets>,
    /// The pieces to fetch before asking again; empty when the answer is whole.
    pub needs: Vec<Need>,
    /// The parsed query, for highlighting.
    pub query: Query,
}

/// Articles as a set over their numbers.
type Set = Vec<bool>;

/// A phrase term's postings beside where it stands in each of those articles.
type Placed<'a> = (&'a TermPostings, &'a Vec<Vec<u32>>);

impl PieceIndex {
    pub fn search(&self, request: &SearchRequest) -> Answer {
        let query = parse_query(&request.query);
        let mut needs = Vec::new();
        let scores = if query.has_text() {
            self.score_text(&query, &mut needs)
        } else {
            None
        };
        let filters = self.filters(&query, request, &mut needs);
        if self.directory.is_none() && !needs.is_empty() {
            // Every other piece is named by the directory.
            needs = vec![Need::Directory];
        }
        if !needs.is_empty() {
            insight_corpus::sort::sort(&mut needs);
            needs.dedup();
            return Answer {
                hits: None,
                facets: None,
                needs,
                query,
            };
        }
        let n = self.articles as usize;
        let base: Set = (0..n)
            .map(|d| {
                scores.as_ref().is_none_or(|s| s[d] > 0.0)
                    && filters.field.as_ref().is_none_or(|f| f[d])
            })
            .collect();
        let fits = |d: usize, except: Option<FacetKind>, years: bool| {
            FacetKind::ALL.iter().enumerate().all(|(i, &kind)| {
                Some(kind) == except || filters.facets[i].as_ref().is_none_or(|s| s[d])
            }) && (!years || filters.years.as_ref().is_none_or(|s| s[d]))
        };
        let mut hits: Vec<Hit> = (0..n)
            .filter(|&d| base[d] && fits(d, None, true))
            .map(|d| Hit {
                article: d,
                score: scores.as_ref().map_or(0.0, |s| s[d]),
            })
            .collect();
        sort(&mut hits, request.sort, scores.is_some());
        let whole = scores.is_none() && filters.is_empty();
        let facets = if whole {
            Some(self.totals())
        } else {
            let missing: Vec<Need> = if self.directory.is_none() {
                vec![Need::Directory]
            } else {
                FacetKind::ALL
                    .into_iter()
                    .map(Need::Facet)
                    .filter(|&need| !self.has(need))
                    .collect()
            };
            needs.extend(missing.iter().copied());
            missing
                .is_empty()
                .then(|| self.count_facets(&base, &fits, request))
        };
        Answer {
            hits: Some(hits),
            facets,
            needs,
            query,
        }
    }

    /// The postings of `term`, `Ok(None)` when the collection lacks it, or the piece to
    /// fetch.
    fn postings(&self, term: &str) -> Result<Option<&TermPostings>, Need> {
        let directory = self.directory.as_ref().ok_or(Need::Directory)?;
        let piece = directory.term_piece(term);
        match self.postings.get(piece).and_then(Option::as_ref) {
            Some(terms) => Ok(terms.get(term)),
            None => Err(Need::Postings(piece)),
        }
    }

    /// The terms a prefix stands for, most frequent first.
    fn expand_prefix(&self, prefix: &str) -> Result<Vec<String>, Need> {
        let directory = self.directory.as_ref().ok_or(Need::Directory)?;
        let pieces = directory.vocabulary_pieces(prefix);
        if pieces.len() > PREFIX_PIECES {
            return Ok(vec![prefix.to_string()]);
        }
        let mut found: Vec<(&str, u32)> = Vec::new();
        for i in pieces {
            let terms = self
                .vocabulary
                .get(i)
                .and_then(Option::as_ref)
                .ok_or(Need::Vocabulary(i))?;
            let start = terms.partition_point(|(t, _)| t.as_str() < prefix);
            found.extend(
                terms[start..]
                    .iter()
                    .take_while(|(t, _)| t.starts_with(prefix))
                    .map(|(t, n)| (t.as_str(), *n)),
            );
        }
        insight_corpus::sort::sort_by(&mut found, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        Ok(found
            .into_iter()
            .take(PREFIX_TERMS)
            .map(|(t, _)| t.to_string())
            .collect())
    }

    /// BM25 scores for the query's text (zero: no match), or `None` with `needs` filled.
    fn score_text(&self, query: &Query, needs: &mut Vec<Need>) -> Option<Vec<f32>> {
        let mut groups: Vec<Vec<&TermPostings>> = Vec::new();
        let mut words: Vec<&str> = query
            .terms
            .iter()
            .chain(query.phrases.iter().flatten())
            .map(String::as_str)
            .collect();
        let prefix_terms = match query.prefix.as_deref().map(|p| self.expand_prefix(p)) {
            Some(Err(need)) => {
                needs.push(need);
                return None;
            }
            Some(Ok(terms)) => Some(terms),
            None => None,
        };
        let wanted = |term: &str, needs: &mut Vec<Need>| match self.postings(term) {
            Ok(found) => found,
            Err(need) => {
                needs.push(need);
                None
            }
        };
        for word in words.drain(..) {
            groups.push(wanted(word, needs).into_iter().collect());
        }
        if let Some(terms) = &prefix_terms {
            groups.push(terms.iter().filter_map(|t| wanted(t, needs)).collect());
        }
        let excluded: Vec<&TermPostings> = query
            .excluded
            .iter()
            .filter_map(|t| wanted(t, needs))
            .collect();
        if !needs.is_empty() {
            return None;
        }
        let n = self.articles as usize;
        let mut scores = vec![0.0f32; n];
        let mut matched = vec![0u16; n];
        let mut last_group = vec![u16::MAX; n];
        for (g, group) in groups.iter().enumerate() {
            for postings in group {
                let df = postings.articles.len() as f32;
                let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
                for (&d, &impact) in postings.articles.iter().zip(&postings.impacts) {
                    let d = d as usize;
                    scores[d] += idf * f32::from(impact) / 255.0 * (K1 + 1.0);
                    if last_group[d] != g as u16 {
                        last_group[d] = g as u16;
                        matched[d] += 1;
                    }
                }
            }
        }
        for d in 0..n {
            if usize::from(matched[d]) < groups.len() {
                scores[d] = 0.0;
            }
        }
        for postings in excluded {
            postings
                .articles
                .iter()
                .for_each(|&d| scores[d as usize] = 0.0);
        }
        if !query.phrases.is_empty() && !self.check_phrases(query, &mut scores, needs) {
            return None;
        }
        Some(scores)
    }

    /// Zeroes the scores of articles that lack one of the query's phrases; `false` with
    /// `needs` filled when positions are missing.
    fn check_phrases(&self, query: &Query, scores: &mut [f32], needs: &mut Vec<Need>) -> bool {
        let directory = match &self.directory {
            Some(d) => d,
            None => return false,
        };
        let mut phrases: Vec<Vec<Placed>> = Vec::new();
        for phrase in &query.phrases {
            let mut terms = Vec::new();
            for term in phrase {
                let piece = directory.term_piece(term);
                let postings = self.postings(term).ok().flatten();
                match (postings, self.positions.get(piece).and_then(Option::as_ref)) {
                    (Some(p), Some(placed)) => match placed.get(term.as_str()) {
                        Some(at) => terms.push((p, at)),
                        None => return false,
                    },
                    (Some(_), None) => needs.push(Need::Positions(piece)),
                    // A phrase word the collection lacks: no article matched anyway.
                    (None, _) => {}
                }
            }
            phrases.push(terms);
        }
        if !needs.is_empty() {
            return false;
        }
        for (d, score) in scores.iter_mut().enumerate() {
            if *score > 0.0 && !phrases.iter().all(|p| has_phrase(d as u32, p)) {
                *score = 0.0;
            }
        }
        true
    }
}

/// Whether article `d` holds the phrase's terms side by side.
fn has_phrase<'a>(d: u32, phrase: &[Placed<'a>]) -> bool {
    fn at<'a>(d: u32, (postings, placed): &Placed<'a>) -> Option<&'a Vec<u32>> {
        let i = postings.articles.binary_search(&d).ok()?;
        placed.get(i)
    }
    let at = |term: &Placed<'a>| at(d, term);
    let Some(first) = phrase.first().and_then(at) else {
        return false;
    };
    let Some(rest) = phrase[1..].iter().map(at).collect::<Option<Vec<_>>>() else {
        return false;
    };
    first.iter().any(|&start| {
        rest.iter()
            .enumerate()
            .all(|(i, p)| p.binary_search(&(start + i as u32 + 1)).is_ok())
    })
}

fn sort(hits: &mut [Hit], sort: Sort, ranked: bool) {
    match sort {
        // A keystroke's hottest sort (up to every article of the collection) keeps the
        // standard library's own copy: the shared one's indirect comparison made 100,000
        // hits take 30 ms instead of 21. Hits are totally ordered, so unstable is exact.
        Sort::Relevance if ranked => hits.sort_unstable_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| b.article.cmp(&a.article))
        }),
        Sort::Oldest => insight_corpus::sort::sort_by_key(hits, |h| h.article),
        _ => insight_corpus::sort::sort_by_key(hits, |h| std::cmp::Reverse(h.article)),
    }
}

/// The sets the query's field parts and the facet selection allow (`None`: no limit).
struct Filters {
    /// `author:`, `source:`, `kw:` and `year:` in the query text.
    field: Option<Set>,
    /// The keyword, author and source selections.
    facets: [Option<Set>; 3],
    years: Option<Set>,
}

impl Filters {
    fn is_empty(&self) -> bool {
        self.field.is_none() && self.facets.iter().all(Option::is_none) && self.years.is_none()
    }
}

fn and(into: &mut Option<Set>, other: Set) {
    match into {
        Some(set) => set.iter_mut().zip(other).for_each(|(a, b)| *a &= b),
        None => *into = Some(other),
    }
}

impl PieceIndex {
    fn lists(&self, kind: FacetKind, needs: &mut Vec<Need>) -> Option<&Vec<Vec<u32>>> {
        let lists = self.values(kind).lists.as_ref();
        if lists.is_none() {
            needs.push(Need::Facet(kind));
        }
        lists
    }

    /// The articles carrying any of `values` of a facet.
    fn any_of(&self, lists: &[Vec<u32>], values: impl Iterator<Item = u32>) -> Set {
        let mut set = vec![false; self.articles as usize];
        values
            .flat_map(|v| &lists[v as usize])
            .for_each(|&d| set[d as usize] = true);
        set
    }

    fn year_set(&self, wanted: impl Fn(u16) -> bool) -> Set {
        let mut set = vec![false; self.articles as usize];
        for &(year, first, end) in &self.years {
            if wanted(year) {
                set[first as usize..end as usize].fill(true);
            }
        }
        set
    }

    fn filters(&self, query: &Query, request: &SearchRequest, needs: &mut Vec<Need>) -> Filters {
        let mut field = None;
        let parts = [
            (FacetKind::Authors, &query.authors, true),
            (FacetKind::Sources, &query.sources, true),
            (FacetKind::Keywords, &query.keywords, false),
        ];
        for (kind, wanted, partial) in parts {
            if wanted.is_empty() {
                continue;
            }
            let Some(lists) = self.lists(kind, needs) else {
                continue;
            };
            let values = self.values(kind);
            for part in wanted {
                let matching = (0..values.labels.len() as u32).filter(|&v| {
                    let label = fold(&values.labels[v as usize]);
                    if partial {
                        label.contains(part.as_str())
                    } else {
                        label == *part
                    }
                });
                and(&mut field, self.any_of(lists, matching));
            }
        }
        if let Some((from, to)) = query.years {
            and(&mut field, self.year_set(|y| (from..=to).contains(&y)));
        }
        let selections = [&request.keywords, &request.authors, &request.sources];
        let mut facets: [Option<Set>; 3] = [None, None, None];
        for (i, kind) in FacetKind::ALL.into_iter().enumerate() {
            if selections[i].is_empty() {
                continue;
            }
            let Some(lists) = self.lists(kind, needs) else {
                continue;
            };
            let values = self.values(kind);
            let found: Vec<Option<u32>> = selections[i].iter().map(|l| values.find(l)).collect();
            facets[i] = Some(if kind == FacetKind::Keywords {
                // Every selected keyword (AND); an unknown one leaves nothing.
                let mut set = vec![!found.contains(&None); self.articles as usize];
                for v in found.into_iter().flatten() {
                    let mut has = self.any_of(lists, std::iter::once(v));
                    set.iter_mut().zip(has.drain(..)).for_each(|(a, b)| *a &= b);
                }
                set
            } else {
                self.any_of(lists, found.into_iter().flatten())
            });
        }
        let years =
            (!request.years.is_empty()).then(|| self.year_set(|y| request.years.contains(&y)));
        Filters {
            field,
            facets,
            years,
        }
    }

    /// Facet counts among `base`: keywords (AND) among the results, authors, sources and
    /// years (OR) among the results of the query and the other facets.
    fn count_facets(
        &self,
        base: &Set,
        fits: &dyn Fn(usize, Option<FacetKind>, bool) -> bool,
        request: &SearchRequest,
    ) -> Facets {
        let selections = [&request.keywords, &request.authors, &request.sources];
        let n = self.articles as usize;
        let count = |kind: FacetKind, selected: &[String]| -> Vec<FacetCount> {
            let values: &FacetValues = self.values(kind);
            let except = (kind != FacetKind::Keywords).then_some(kind);
            let chosen: Vec<u32> = selected.iter().filter_map(|l| values.find(l)).collect();
            let mut counts = vec![0usize; values.labels.len()];
            if let Some(by_article) = values.by_article(n) {
                (0..n)
                    .filter(|&d| base[d] && fits(d, except, true))
                    .flat_map(|d| by_article.of(d))
                    .for_each(|&v| counts[v as usize] += 1);
            }
            let mut out: Vec<FacetCount> = counts
                .iter()
                .enumerate()
                .filter(|&(v, &count)| count > 0 || chosen.contains(&(v as u32)))
                .map(|(v, &count)| FacetCount {
                    label: values.labels[v].clone(),
                    count,
                    selected: chosen.contains(&(v as u32)),
                })
                .collect();
            insight_corpus::sort::sort_by(&mut out, |a, b| {
                b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label))
            });
            out
        };
        let years = self
            .years
            .iter()
            .filter_map(|&(year, first, end)| {
                let count = (first as usize..end as usize)
                    .filter(|&d| base[d] && fits(d, None, false))
                    .count();
                (count > 0).then(|| FacetCount {
                    label: year.to_string(),
                    count,
                    selected: request.years.contains(&year),
                })
            })
            .collect();
        Facets {
            keywords: count(FacetKind::Keywords, selections[0]),
            authors: count(FacetKind::Authors, selections[1]),
            sources: count(FacetKind::Sources, selections[2]),
            years,
        }
    }

    /// Up to `limit` other articles sharing the most keywords with article `article`,
    /// ties newest first; or the piece to fetch.
    pub fn related(
        &self,
        article: u32,
        keywords: &[String],
        limit: usize,
    ) -> Result<Vec<u32>, Need> {
        if self.directory.is_none() {
            // The directory names the keyword piece.
            return Err(Need::Directory);
        }
        let lists = self
            .keywords
            .lists
            .as_ref()
            .ok_or(Need::Facet(FacetKind::Keywords))?;
        let mut mine: Vec<u32> = keywords
            .iter()
            .filter_map(|k| self.keywords.find(k))
            .collect();
        insight_corpus::sort::sort(&mut mine);
        mine.dedup();
        if limit == 0 {
            return Ok(Vec::new());
        }
        Ok(self
            .related
            .best(self.articles, lists, &mine, article, limit))
    }
}
