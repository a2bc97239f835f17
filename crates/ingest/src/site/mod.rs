//! Static-site roots (Jekyll, Hugo, Zola): recognising one, reading its settings, knowing
//! which of its files are articles, and giving each article the address the site
//! publishes it at. Settings the site gives become the defaults of its articles: the
//! source (the site's title, else its host), the author, and the original address.

mod address;
mod config;
mod hugo;
mod jekyll;
pub mod links;
mod templates;
mod walk;
mod zola;

use crate::error::IngestError;
use crate::fields::Fields;
use insight_corpus::Date;
use std::path::{Path, PathBuf};

pub use address::urlize;
pub use walk::{Plan, Planned};

/// The static-site generators whose sites the tool understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Jekyll,
    Hugo,
    Zola,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Generator::Jekyll => "Jekyll",
            Generator::Hugo => "Hugo",
            Generator::Zola => "Zola",
        }
    }
}

/// A site root and what its settings say.
#[derive(Debug, Clone)]
pub struct Site {
    pub generator: Generator,
    pub root: PathBuf,
    /// The settings file the rest was read from.
    pub config: PathBuf,
    pub title: Option<String>,
    /// The author of posts that name none.
    pub author: Option<String>,
    /// Scheme, host and path prefix, without a trailing `/`: `https://example.org/blog`.
    pub base_url: Option<String>,
    /// Whether the generator publishes posts dated after today (Hugo's `buildFuture`,
    /// Jekyll's `future`; Zola always does).
    pub publishes_future: bool,
    pub today: Date,
    rules: Rules,
}

/// How each generator lays out its posts and their addresses.
#[derive(Debug, Clone)]
enum Rules {
    Jekyll(jekyll::Rules),
    Hugo(hugo::Rules),
    Zola,
}

/// What an address is made from: one post of the site.
pub struct Post<'a> {
    pub path: &'a Path,
    pub fields: &'a Fields<'a>,
    pub published: Date,
    pub title: &'a str,
    /// The file's name without its extension and date prefix (for a page bundle's
    /// `index.md`, its folder's name).
    pub slug: &'a str,
}

/// The site whose root is `folder`, if it is one. `Err` when it is one but its settings
/// cannot be read; the error names the file and line.
pub fn detect(folder: &Path) -> Result<Option<Site>, IngestError> {
    if let Some(site) = jekyll::detect(folder)? {
        return Ok(Some(site));
    }
    if let Some(site) = zola::detect(folder)? {
        return Ok(Some(site));
    }
    hugo::detect(folder)
}

impl Site {
    fn new(generator: Generator, root: &Path, config: PathBuf, rules: Rules) -> Site {
        Site {
            generator,
            root: root.to_path_buf(),
            config,
            title: None,
            author: None,
            base_url: None,
            publishes_future: generator == Generator::Zola,
            today: today(),
            rules,
        }
    }

    /// The source of its articles: the site's title, else the host of its address.
    pub fn source_name(&self) -> Option<String> {
        self.title.clone().or_else(|| {
            let url = self.base_url.as_deref()?;
            let host = url.split_once("://")?.1.split('/').next()?;
            (!host.is_empty()).then(|| host.to_string())
        })
    }

    /// The reason to leave out a post dated `date`, if the site would not publish it yet.
    pub fn not_yet_published(&self, date: Date) -> Option<String> {
        if self.publishes_future || date <= self.today {
            return None;
        }
        let how = match self.generator {
            Generator::Jekyll => "Jekyll publishes it only with `future: true`",
            Generator::Hugo => "Hugo publishes it only with `buildFuture = true`",
            Generator::Zola => "",
        };
        Some(format!("future-dated ({date}; {how})"))
    }

    /// The title Jekyll gives a post without one: its file name's words, capitalised.
    pub fn title_from_slug(&self, slug: &str) -> Option<String> {
        if self.generator != Generator::Jekyll {
            return None;
        }
        let words: Vec<String> = slug
            .split(['-', '_', ' '])
            .filter(|w| !w.is_empty())
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            })
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// The full address of a path on the site (`/special/odd/`), if the site has a base
    /// address.
    pub fn join(&self, path: &str) -> Option<String> {
        let base = self.base_url.as_deref()?;
        Some(format!(
            "{base}/{}",
            address::encode(path.trim_start_matches('/'))
        ))
    }

    /// The address the site publishes `post` at, if the site has a base address.
    pub fn address(&self, post: &Post) -> Option<String> {
        self.base_url.as_ref()?;
        let path = match &self.rules {
            Rules::Jekyll(rules) => rules.path(self, post),
            Rules::Hugo(rules) => rules.path(post),
            Rules::Zola => zola::path(self, post),
        };
        self.join(&path)
    }

    /// Adjusts a post's front matter to the generator's conventions before it is read
    /// (Jekyll's space-separated categories and tags).
    pub fn normalize(&self, front: &mut serde_json::Map<String, serde_json::Value>) {
        if let Rules::Jekyll(_) = self.rules {
            jekyll::normalize(front);
        }
    }

    /// A post's Markdown without the site's template tags (see `templates`).
    pub fn strip_templates(&self, body: &str) -> String {
        let base_path = self
            .base_url
            .as_deref()
            .and_then(|url| url.split_once("://"))
            .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
            .unwrap_or("");
        templates::strip(self.generator, body, base_path)
    }

    /// The files of the site: those to read as articles, and those left out with a
    /// reason.
    pub fn plan(&self) -> Plan {
        match &self.rules {
            Rules::Jekyll(rules) => rules.plan(self),
            Rules::Hugo(rules) => rules.plan(self),
            Rules::Zola => zola::plan(self),
        }
    }

    /// One line on what the site is and where its articles' defaults come from.
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("{} site", self.generator.name())];
        if let Some(title) = &self.title {
            parts.push(format!("{title:?}"));
        }
        if let Some(url) = &self.base_url {
            parts.push(format!("at {url}"));
        }
        let mut line = parts.join(" ");
        let config = self.config.strip_prefix(&self.root).unwrap_or(&self.config);
        line.push_str(&format!(" (settings from {})", config.display()));
        line
    }
}

/// Today's date (UTC) from the system clock.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    date_from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// The calendar date `days` after 1970-01-01 (the civil-from-days method).
fn date_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    let fallback = Date::new(1970, 1, 1).expect("a valid date");
    match (u16::try_from(year), u8::try_from(month), u8::try_from(day)) {
        (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d).unwrap_or(fallback),
        _ => fallback,
    }
}

#[cfg(test)]
mod tests;
