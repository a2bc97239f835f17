//! Jekyll sites: `_config.yml` (title, author, `url` + `baseurl`, `permalink`, `future`),
//! posts in `_posts/` (and in `<category>/_posts/`), drafts in `_drafts/`.

use super::address::{date_part, encode, expand, urlize};
use super::config;
use super::walk::{Plan, Planned};
use super::{Generator, Post, Rules as SiteRules, Site};
use crate::error::IngestError;
use serde_json::{Map, Value};
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Rules {
    /// The posts' address pattern (`/:categories/:year/:month/:day/:title:output_ext`).
    permalink: String,
}

/// A Jekyll site: a `_config.yml` (or `.yaml`, `.toml`) beside a `_posts` folder.
pub fn detect(folder: &Path) -> Result<Option<Site>, IngestError> {
    if !folder.join("_posts").is_dir() {
        return Ok(None);
    }
    let Some(path) = ["_config.yml", "_config.yaml", "_config.toml"]
        .iter()
        .map(|name| folder.join(name))
        .find(|p| p.is_file())
    else {
        return Ok(None);
    };
    let settings = config::read(&path)?;
    let permalink = config::text(&settings, &["permalink"]).unwrap_or_else(|| "date".into());
    let mut site = Site::new(
        Generator::Jekyll,
        folder,
        path,
        SiteRules::Jekyll(Rules {
            permalink: named_style(&permalink).unwrap_or(&permalink).to_string(),
        }),
    );
    site.title = config::text(&settings, &["title"]);
    site.author = config::author(settings.get("author"));
    site.base_url = config::text(&settings, &["url"]).and_then(|url| {
        let path = config::text(&settings, &["baseurl"]).unwrap_or_default();
        config::base_url(&format!(
            "{}/{}",
            url.trim_end_matches('/'),
            path.trim_matches('/')
        ))
    });
    site.publishes_future = config::flag(&settings, "future").unwrap_or(false);
    Ok(Some(site))
}

/// Jekyll's built-in permalink styles.
fn named_style(name: &str) -> Option<&'static str> {
    Some(match name {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        _ => return None,
    })
}

/// Jekyll reads `categories: policy energy` and `tags: a b` as lists of words.
pub fn normalize(front: &mut Map<String, Value>) {
    for name in ["categories", "tags"] {
        if let Some(Value::String(words)) = front.get(name) {
            let list = words
                .split_whitespace()
                .map(|w| Value::String(w.to_string()))
                .collect();
            front.insert(name.to_string(), Value::Array(list));
        }
    }
}

impl Rules {
    /// Posts in `_posts/` and `<category>/_posts/`; drafts in `_drafts/` left out.
    pub fn plan(&self, site: &Site) -> Plan {
        let mut plan = Plan::default();
        for folder in post_folders(&site.root) {
            plan.add_markdown(&folder, |_| Planned::Read);
        }
        let drafts = site.root.join("_drafts");
        if drafts.is_dir() {
            plan.add_markdown(&drafts, |_| {
                Planned::Skip(
                    "a draft (in _drafts/; Jekyll publishes it only with --drafts)".into(),
                )
            });
        }
        plan.count_the_rest(&site.root);
        plan
    }

    /// The post's path on the site, from its own `permalink` or the site's.
    pub fn path(&self, site: &Site, post: &Post) -> String {
        let pattern = post
            .fields
            .text(&["permalink"])
            .ok()
            .flatten()
            .map(|p| named_style(&p).map_or(p, str::to_string))
            .unwrap_or_else(|| self.permalink.clone());
        let given_slug = post.fields.text(&["slug"]).ok().flatten();
        let title = given_slug.clone().unwrap_or_else(|| post.slug.to_string());
        let categories = categories(site, post);
        let path = expand(&pattern, |name| match name {
            "title" => Some(encode(&title)),
            "slug" => Some(urlize(&title)),
            "categories" => Some(categories.clone()),
            "output_ext" => Some(".html".to_string()),
            "y_day" => Some(format!("{:03}", day_of_year(post.published))),
            _ => date_part(name, post.published),
        });
        // An empty `:categories` leaves `//`, which Jekyll folds into one.
        let mut folded = String::with_capacity(path.len());
        for c in path.chars() {
            if !(c == '/' && folded.ends_with('/')) {
                folded.push(c);
            }
        }
        folded
    }
}

/// The `_posts` folders: the site's own and each top-level category folder's.
fn post_folders(root: &Path) -> Vec<std::path::PathBuf> {
    let mut folders = vec![root.join("_posts")];
    if let Ok(entries) = std::fs::read_dir(root) {
        let mut nested: Vec<_> = entries
            .flatten()
            .map(|e| e.path().join("_posts"))
            .filter(|p| p.is_dir() && !p.starts_with(root.join("_posts")))
            .collect();
        nested.sort();
        folders.extend(nested);
    }
    folders
}

/// A post's categories as Jekyll writes them into an address: the folders above its
/// `_posts` and its `categories`, lowercased, joined by `/`.
fn categories(site: &Site, post: &Post) -> String {
    let mut names: Vec<String> = Vec::new();
    let relative = post.path.strip_prefix(&site.root).unwrap_or(post.path);
    let parts: Vec<&str> = relative
        .iter()
        .filter_map(|p| p.to_str())
        .collect::<Vec<_>>();
    if let Some(at) = parts.iter().position(|p| *p == "_posts") {
        if at > 0 {
            let above = parts[at - 1];
            if !above.starts_with('_') && !above.starts_with('.') {
                names.push(above.to_string());
            }
        }
    }
    for field in ["category", "categories"] {
        if let Ok(Some(list)) = post.fields.list(&[field]) {
            names.extend(list);
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for name in names {
        let lower = name.to_lowercase();
        if !seen.contains(&lower) {
            seen.push(lower);
        }
    }
    encode(&seen.join("/"))
}

fn day_of_year(date: insight_corpus::Date) -> u32 {
    let year = date.year();
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let mut days = before[usize::from(date.month().clamp(1, 12)) - 1] + u32::from(date.day());
    if leap && date.month() > 2 {
        days += 1;
    }
    days
}
