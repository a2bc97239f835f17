//! Keeping a published site under its host's size limit (GitHub Pages allows 1 GB): the
//! newest articles' pages carry their full text, and once the rest would no longer fit,
//! older articles' pages carry their title, byline and summary, with the full text left
//! to the app (which fetches it from the pieces, where every article is whole).

use std::cell::Cell;
use std::path::Path;

/// A size given on the command line, such as `1GB`, `900 MB`, `950MiB` or `1000000000`:
/// in bytes.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(split);
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1_000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => return Err(unreadable(text)),
    };
    let number: f64 = number.parse().map_err(|_| unreadable(text))?;
    if !number.is_finite() || number <= 0.0 {
        return Err(unreadable(text));
    }
    Ok((number * scale as f64) as u64)
}

fn unreadable(text: &str) -> String {
    format!("--site-limit {text:?}: give a size such as 1GB, 900MB or 950MiB")
}

/// A size as people read it: `1.23 GB`, `456 MB`, `12.3 KB`, `512 B` (decimal units,
/// as hosts state their limits).
pub fn shown(bytes: u64) -> String {
    let units = [(1e9, "GB"), (1e6, "MB"), (1e3, "KB")];
    match units.iter().find(|(size, _)| bytes as f64 >= *size) {
        Some((size, unit)) => {
            let value = bytes as f64 / size;
            let digits = if value < 10.0 {
                2
            } else if value < 100.0 {
                1
            } else {
                0
            };
            format!("{value:.digits$} {unit}")
        }
        None => format!("{bytes} B"),
    }
}

/// The bytes of every file under `folder`, leaving out the folders named in `except`
/// (relative to `folder`): what a host counts of a site.
pub fn folder_bytes(folder: &Path, except: &[&str]) -> Result<u64, String> {
    let mut total = 0;
    let entries =
        std::fs::read_dir(folder).map_err(|e| format!("{}: cannot read: {e}", folder.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: cannot read: {e}", folder.display()))?;
        let path = entry.path();
        if except.iter().any(|name| entry.file_name() == *name) {
            continue;
        }
        let meta = entry
            .metadata()
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        total += if meta.is_dir() {
            folder_bytes(&path, &[])?
        } else {
            meta.len()
        };
    }
    Ok(total)
}

/// What the site's pages are expected to take, from a sample of each kind rendered before
/// the rest.
#[derive(Debug, Clone, Copy, Default)]
pub struct Estimates {
    /// Everything that is neither an article page nor a keyword or author page: the
    /// pieces, the app, the list's own pages, not-found and the site files.
    pub others: u64,
    /// Articles, and the most a page without the full text is expected to take.
    pub articles: usize,
    pub short_page: u64,
    /// Every keyword's and author's pages together.
    pub value_pages: u64,
}

/// Which pages a site gets under a size limit, planned before they are rendered; in
/// order of what matters most: the pieces, the app and the list's pages (without them
/// nothing else is reached), then a page for every article (its head, title, byline and
/// summary), then the keyword and author pages, then the articles' full text, newest
/// first. Where even the first two do not fit, the oldest articles get no page: the app
/// still shows them (their addresses fall to `404.html`, which it draws over), but
/// readers without JavaScript and crawlers do not.
#[derive(Debug, PartialEq, Eq)]
pub struct Plan {
    /// Whether each keyword's and author's pages are written.
    pub value_pages: bool,
    /// How many articles, newest first, get a page.
    pub article_pages: usize,
    /// Bytes the article pages may take; `None` without a limit.
    pub article_bytes: Option<u64>,
}

impl Plan {
    pub fn new(limit: Option<u64>, estimates: &Estimates) -> Plan {
        let Some(limit) = limit else {
            return Plan {
                value_pages: true,
                article_pages: estimates.articles,
                article_bytes: None,
            };
        };
        let left = limit.saturating_sub(estimates.others);
        let short_pages = estimates
            .short_page
            .saturating_mul(estimates.articles as u64);
        if short_pages > left {
            let fit = left / estimates.short_page.max(1);
            return Plan {
                value_pages: false,
                article_pages: (fit as usize).min(estimates.articles),
                article_bytes: Some(left),
            };
        }
        let value_pages = short_pages.saturating_add(estimates.value_pages) <= left;
        Plan {
            value_pages,
            article_pages: estimates.articles,
            article_bytes: Some(if value_pages {
                left - estimates.value_pages
            } else {
                left
            }),
        }
    }
}

/// Decides, article by article from the newest, whether a page can carry the full text.
pub struct PageBudget {
    /// Bytes left for article pages; `None` without a limit.
    left: Option<Cell<u64>>,
    /// The most a page without the full text is expected to take.
    short_page: u64,
    /// Whether the pages still carry the full text (once one cannot, none older does).
    full: Cell<bool>,
    /// How many pages carried it.
    full_pages: Cell<usize>,
    /// Whether the pages have ended: one without the full text did not fit.
    ended: Cell<bool>,
}

impl PageBudget {
    /// A budget of `left` bytes for every article page (`None`: no limit); `short_page`
    /// is the expected size of a page without the full text.
    pub fn new(left: Option<u64>, short_page: u64) -> PageBudget {
        PageBudget {
            left: left.map(Cell::new),
            short_page,
            full: Cell::new(true),
            full_pages: Cell::new(0),
            ended: Cell::new(false),
        }
    }

    /// Whether a page of `full` bytes fits, with `older` pages still to come: it fits
    /// when what is left after it still holds every older page without its full text.
    /// When it fits, its bytes are taken from the budget; when not, the caller takes
    /// the short page's with [`PageBudget::take_short`].
    pub fn take(&self, full: u64, older: usize) -> bool {
        let Some(left) = &self.left else {
            self.full_pages.set(self.full_pages.get() + 1);
            return true;
        };
        let rest = self.short_page.saturating_mul(older as u64);
        let fits = self.full.get() && full.saturating_add(rest) <= left.get();
        self.full.set(fits);
        if fits {
            left.set(left.get() - full);
            self.full_pages.set(self.full_pages.get() + 1);
        }
        fits
    }

    /// Takes the bytes of a page without the full text, if they fit; once one does
    /// not, no older article gets a page.
    pub fn take_short(&self, bytes: u64) -> bool {
        let Some(left) = &self.left else {
            return true;
        };
        let fits = !self.ended.get() && bytes <= left.get();
        if fits {
            left.set(left.get() - bytes);
        }
        self.ended.set(!fits);
        fits
    }

    /// How many pages carried the full text.
    pub fn full_pages(&self) -> usize {
        self.full_pages.get()
    }
}

/// GitHub Pages' limit on a site's size (1 GB).
const GITHUB_PAGES_LIMIT: u64 = 1_000_000_000;

/// How a publish came out against its limit.
pub struct Outcome {
    pub limit: Option<u64>,
    pub site_bytes: u64,
    /// The estimate of what is always kept (see [`Estimates::others`]).
    pub others: u64,
    pub full_pages: usize,
    pub short_pages: usize,
    /// Articles left without a page.
    pub no_page: usize,
    pub value_pages: bool,
}

impl Outcome {
    /// What gave way to stay under the limit, for the publish's summary line (empty when
    /// nothing did).
    pub fn given_way(&self) -> String {
        let Some(limit) = self.limit else {
            return String::new();
        };
        let short = self.short_pages;
        let mut given_up = Vec::new();
        if short > 0 && self.full_pages == 0 {
            given_up.push(format!(
                "the {short} article pages carry their summary, not their full text"
            ));
        } else if short > 0 {
            given_up.push(format!(
                "{} article pages carry their full text and the {short} older ones their summary",
                self.full_pages
            ));
        }
        if !self.value_pages {
            given_up.push("keyword and author pages are left to the app".to_string());
        }
        if self.no_page > 0 {
            given_up.push(format!(
                "the {} oldest articles have no page of their own (the app shows them)",
                self.no_page
            ));
        }
        if given_up.is_empty() {
            return String::new();
        }
        format!("; to stay under {}: {}", shown(limit), given_up.join("; "))
    }

    /// What the site owner should know: a site over its limit, or over GitHub Pages'
    /// without one.
    pub fn warning(&self) -> Option<String> {
        match self.limit {
            Some(limit) if self.site_bytes > limit => Some(format!(
                "the site takes {}, over --site-limit {}: the pieces, the app and the list's own pages alone take about {}",
                shown(self.site_bytes),
                shown(limit),
                shown(self.others),
            )),
            None if self.site_bytes > GITHUB_PAGES_LIMIT => Some(format!(
                "the site takes {}, over GitHub Pages' limit of 1 GB; publish with --site-limit 1GB to keep it under (older articles' pages then carry their summary, and the app fetches the full text)",
                shown(self.site_bytes),
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("1GB"), Ok(1_000_000_000));
        assert_eq!(parse_size("1 GB"), Ok(1_000_000_000));
        assert_eq!(parse_size("0.9gb"), Ok(900_000_000));
        assert_eq!(parse_size("950MiB"), Ok(950 << 20));
        assert_eq!(parse_size("12345"), Ok(12345));
        for bad in ["", "GB", "1 TB", "-1GB", "0", "1..2MB"] {
            let error = parse_size(bad).unwrap_err();
            assert!(error.contains("--site-limit"), "{bad}: {error}");
        }
    }

    #[test]
    fn sizes_shown_in_decimal_units() {
        assert_eq!(shown(1_234_000_000), "1.23 GB");
        assert_eq!(shown(456_000_000), "456 MB");
        assert_eq!(shown(12_345), "12.3 KB");
        assert_eq!(shown(512), "512 B");
    }

    #[test]
    fn newest_pages_keep_the_full_text_until_the_rest_would_not_fit() {
        // 100 bytes for pages; full pages are 30, short ones 10.
        let budget = PageBudget::new(Some(100), 10);
        let decisions: Vec<bool> = (0..6).rev().map(|older| budget.take(30, older)).collect();
        // 30 + 5×10 fits (80 ≤ 100), then 30 + 4×10 ≤ 70, then 30 + 3×10 > 40.
        assert_eq!(decisions, [true, true, false, false, false, false]);
        assert_eq!(budget.full_pages(), 2);
    }

    #[test]
    fn pages_end_where_the_next_short_one_does_not_fit() {
        let budget = PageBudget::new(Some(25), 10);
        assert!(!budget.take(30, 0));
        assert!(budget.take_short(10));
        assert!(budget.take_short(10));
        assert!(!budget.take_short(10), "5 bytes left");
        assert!(!budget.take_short(1), "the pages have ended");
    }

    #[test]
    fn once_a_page_is_short_every_older_one_is() {
        let budget = PageBudget::new(Some(1000), 10);
        assert!(!budget.take(2000, 3));
        // A small page after it would fit, but the list of full pages stays the newest.
        assert!(!budget.take(5, 2));
    }

    #[test]
    fn the_plan_gives_up_full_text_first_then_value_pages_then_old_pages() {
        let estimates = Estimates {
            others: 500,
            articles: 100,
            short_page: 2,
            value_pages: 100,
        };
        let plan = |limit| Plan::new(Some(limit), &estimates);
        // Room for everything short, the value pages and 200 bytes of full text.
        assert_eq!(
            plan(1000),
            Plan {
                value_pages: true,
                article_pages: 100,
                article_bytes: Some(400)
            }
        );
        // Room for every short page but not the value pages as well.
        assert_eq!(
            plan(750),
            Plan {
                value_pages: false,
                article_pages: 100,
                article_bytes: Some(250)
            }
        );
        // Not even every short page: the newest 60 get one.
        assert_eq!(
            plan(620),
            Plan {
                value_pages: false,
                article_pages: 60,
                article_bytes: Some(120)
            }
        );
        assert_eq!(
            Plan::new(None, &estimates),
            Plan {
                value_pages: true,
                article_pages: 100,
                article_bytes: None
            }
        );
    }

    #[test]
    fn without_a_limit_every_page_is_whole() {
        let budget = PageBudget::new(None, 10);
        assert!((0..5).all(|older| budget.take(u64::MAX / 2, older)));
        assert_eq!(budget.full_pages(), 5);
    }
}
