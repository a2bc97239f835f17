//! Zola sites: `config.toml` (title, `base_url`, author), pages anywhere under
//! `content/`, sections' `_index.md` left out.

use super::address::urlize;
use super::config;
use super::hugo::is_bundle;
use super::walk::{is_section_index, Plan, Planned};
use super::{Generator, Post, Rules, Site};
use crate::error::IngestError;
use std::path::Path;

/// A Zola site: a `config.toml` with `base_url` beside a `content` folder (Hugo's
/// settings name the address `baseURL`).
pub fn detect(folder: &Path) -> Result<Option<Site>, IngestError> {
    let path = folder.join("config.toml");
    if !path.is_file() || !folder.join("content").is_dir() {
        return Ok(None);
    }
    let settings = config::read(&path)?;
    if !settings.contains_key("base_url") {
        return Ok(None);
    }
    let mut site = Site::new(Generator::Zola, folder, path, Rules::Zola);
    site.title = config::text(&settings, &["title"]);
    site.author = config::author(settings.get("author")).or_else(|| {
        config::table(&settings, "extra").and_then(|extra| config::author(extra.get("author")))
    });
    site.base_url = config::text(&settings, &["base_url"]).and_then(|u| config::base_url(&u));
    Ok(Some(site))
}

/// Every page under `content/`; sections' `_index.md` left out.
pub fn plan(site: &Site) -> Plan {
    let mut plan = Plan::default();
    plan.add_markdown(&site.root.join("content"), |file| {
        if is_section_index(file) {
            Planned::Skip("a section (_index.md), not a page".into())
        } else {
            Planned::Read
        }
    });
    plan.count_the_rest(&site.root);
    plan
}

/// The page's path: its `path`, else its sections' folders and its slug (its `slug`,
/// else its file or bundle name without the date), slugified as Zola does by default.
pub fn path(site: &Site, post: &Post) -> String {
    if let Ok(Some(path)) = post.fields.text(&["path"]) {
        return format!("/{}/", path.trim_matches('/'));
    }
    let content = site.root.join("content");
    let relative = post.path.strip_prefix(&content).unwrap_or(post.path);
    let mut folders: Vec<String> = relative
        .parent()
        .map(|p| p.iter().filter_map(|s| s.to_str().map(urlize)).collect())
        .unwrap_or_default();
    if is_bundle(post.path) {
        folders.pop();
    }
    let slug = match post.fields.text(&["slug"]) {
        Ok(Some(slug)) => urlize(&slug),
        _ => urlize(post.slug),
    };
    folders.push(slug);
    format!("/{}/", folders.join("/"))
}
