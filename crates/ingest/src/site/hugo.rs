//! Hugo sites: `hugo.toml|yaml|json` or `config.*` (title, `baseURL`, author, main
//! sections, `permalinks`, `contentDir`, `buildFuture`), posts in the main sections of
//! the content folder.

use super::address::{date_part, expand, urlize};
use super::config;
use super::walk::{is_section_index, Plan, Planned};
use super::{Generator, Post, Rules as SiteRules, Site};
use crate::error::IngestError;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Rules {
    content: PathBuf,
    /// The sections whose pages are posts (`params.mainSections`); empty: decided from
    /// the content (the usual names, else the largest section).
    main_sections: Vec<String>,
    /// Address patterns by section (`posts = "/:year/:month/:slug/"`).
    permalinks: BTreeMap<String, String>,
}

const CONFIG_NAMES: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// A Hugo site: a settings file (`hugo.*`, `config.*` or `config/_default/…`) and a
/// content folder.
pub fn detect(folder: &Path) -> Result<Option<Site>, IngestError> {
    let candidates = CONFIG_NAMES.iter().map(|name| folder.join(name)).chain(
        CONFIG_NAMES
            .iter()
            .map(|n| folder.join("config/_default").join(n)),
    );
    let Some(path) = candidates.into_iter().find(|p| p.is_file()) else {
        return Ok(None);
    };
    let settings = config::read(&path)?;
    let content_dir = config::text(&settings, &["contentDir"]).unwrap_or_else(|| "content".into());
    let content = folder.join(&content_dir);
    if !content.is_dir() {
        return Ok(None);
    }
    let params = config::table(&settings, "params");
    let main_sections = match params.map(|p| config::words(p, "mainSections")) {
        Some(sections) if !sections.is_empty() => sections,
        _ => config::words(&settings, "mainSections"),
    };
    let mut site = Site::new(
        Generator::Hugo,
        folder,
        path,
        SiteRules::Hugo(Rules {
            content,
            main_sections,
            permalinks: permalinks(&settings),
        }),
    );
    site.title = config::text(&settings, &["title"]);
    site.author = params
        .and_then(|p| config::author(find(p, "author")))
        .or_else(|| config::author(find(&settings, "author")));
    site.base_url = config::text(&settings, &["baseURL"]).and_then(|u| config::base_url(&u));
    site.publishes_future = config::flag(&settings, "buildFuture").unwrap_or(false);
    Ok(Some(site))
}

fn find<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    map.iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// `[permalinks]` by section, in either of Hugo's shapes (`posts = …` or
/// `[permalinks.page] posts = …`).
fn permalinks(settings: &Map<String, Value>) -> BTreeMap<String, String> {
    let Some(table) = config::table(settings, "permalinks") else {
        return BTreeMap::new();
    };
    let pages = config::table(table, "page").unwrap_or(table);
    pages
        .iter()
        .filter_map(|(section, pattern)| Some((section.to_lowercase(), pattern.as_str()?.into())))
        .collect()
}

impl Rules {
    /// Pages of the main sections; section list pages and other sections left out.
    pub fn plan(&self, site: &Site) -> Plan {
        let mut plan = Plan::default();
        let sections = self.sections();
        let listed = sections.join(", ");
        plan.add_markdown(&self.content, |file| {
            if is_section_index(file) {
                return Planned::Skip("a section's list page (_index.md), not an article".into());
            }
            match self.section_of(file) {
                Some(section) if sections.contains(&section) => Planned::Read,
                _ => Planned::Skip(format!(
                    "not in the site's main sections ({listed}); add its section to params.mainSections to include it"
                )),
            }
        });
        plan.count_the_rest(&site.root);
        plan
    }

    /// The main sections: as configured, else `posts`, `post`, `blog` or `articles` if
    /// the content has one, else the section with the most pages (as Hugo decides).
    fn sections(&self) -> Vec<String> {
        if !self.main_sections.is_empty() {
            return self
                .main_sections
                .iter()
                .map(|s| s.to_lowercase())
                .collect();
        }
        for usual in ["posts", "post", "blog", "articles"] {
            if self.content.join(usual).is_dir() {
                return vec![usual.to_string()];
            }
        }
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for file in super::walk::files_under(&self.content) {
            if let Some(section) = self.section_of(&file) {
                *counts.entry(section).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(s, _)| vec![s])
            .unwrap_or_default()
    }

    /// The top-level section a content file is in; `None` at the content's root.
    fn section_of(&self, file: &Path) -> Option<String> {
        let relative = file.strip_prefix(&self.content).ok()?;
        let mut parts = relative.iter();
        let first = parts.next()?.to_str()?;
        parts.next().map(|_| first.to_lowercase())
    }

    /// The post's path: its section's permalink pattern, else the section's path and
    /// the post's slug or file name, lowercased as Hugo does.
    pub fn path(&self, post: &Post) -> String {
        let relative = post.path.strip_prefix(&self.content).unwrap_or(post.path);
        let folders: Vec<String> = relative
            .parent()
            .map(|p| {
                p.iter()
                    .filter_map(|s| s.to_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let bundle = is_bundle(post.path);
        let sections: Vec<String> = if bundle {
            folders[..folders.len().saturating_sub(1)].to_vec()
        } else {
            folders
        };
        let section = sections
            .first()
            .map(|s| s.to_lowercase())
            .unwrap_or_default();
        let slug = post.fields.text(&["slug"]).ok().flatten();
        let slug_or_title = slug.clone().unwrap_or_else(|| post.title.to_string());
        let filename = post.slug.to_string();
        let path = match self.permalinks.get(&section) {
            Some(pattern) => expand(pattern, |name| match name {
                "section" => Some(section.clone()),
                "sections" => Some(sections.join("/")),
                "title" => Some(urlize(post.title)),
                "slug" => Some(urlize(&slug_or_title)),
                "filename" | "contentbasename" => Some(urlize(&filename)),
                "slugorfilename" | "contentbasenameorslug" => {
                    Some(urlize(slug.as_deref().unwrap_or(&filename)))
                }
                "yearday" => None,
                _ => date_part(name, post.published),
            }),
            None => {
                let last = urlize(slug.as_deref().unwrap_or(&filename));
                let mut parts: Vec<String> = sections.iter().map(|s| urlize(s)).collect();
                parts.push(last);
                format!("/{}/", parts.join("/"))
            }
        };
        path.to_lowercase()
    }
}

/// Whether the post is a page bundle's `index.md`.
pub fn is_bundle(path: &Path) -> bool {
    path.file_stem().and_then(|s| s.to_str()) == Some("index")
}
