use super::address::{encode, expand, urlize};
use super::*;
use std::path::{Path, PathBuf};

#[test]
fn days_become_dates() {
    assert_eq!(date_from_days(0).to_string(), "1970-01-01");
    assert_eq!(date_from_days(19_723).to_string(), "2024-01-01");
    assert_eq!(date_from_days(20_791).to_string(), "2026-12-04");
    assert_eq!(date_from_days(11_016).to_string(), "2000-02-29");
}

#[test]
fn names_become_path_segments() {
    assert_eq!(
        urlize("The Harbour Levy, Revisited!"),
        "the-harbour-levy-revisited"
    );
    assert_eq!(urlize("  Ports & Tides  "), "ports-tides");
    assert_eq!(urlize("港口 税"), "港口-税");
    assert_eq!(encode("/a b/港/"), "/a%20b/%E6%B8%AF/");
    assert_eq!(encode("//x//y"), "/x/y");
}

#[test]
fn placeholders_expand_longest_first() {
    let value = |name: &str| match name {
        "i_month" => Some("4".to_string()),
        "title" => Some("t".to_string()),
        "output_ext" => Some(".html".to_string()),
        _ => None,
    };
    assert_eq!(expand("/:i_month/:title:output_ext", value), "/4/t.html");
    assert_eq!(expand("/:unknown/x", value), "/:unknown/x");
    assert_eq!(expand("https://a/:title", value), "https://a/t");
}

/// A Jekyll site in a temporary folder with `config` as its `_config.yml`.
fn jekyll_site(name: &str, config: &str) -> (PathBuf, Site) {
    let root = std::env::temp_dir().join(format!("insight-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("_posts")).unwrap();
    std::fs::write(root.join("_config.yml"), config).unwrap();
    let site = detect(&root).unwrap().unwrap();
    (root, site)
}

fn address_of(site: &Site, file: &Path, front: serde_json::Value) -> Option<String> {
    let map = front.as_object().unwrap().clone();
    let fields = Fields::new(&map);
    site.address(&Post {
        path: file,
        fields: &fields,
        published: "2021-03-05".parse().unwrap(),
        title: "Tides, Again",
        slug: "tides-again",
    })
}

#[test]
fn jekyll_styles_and_categories_make_addresses() {
    let (root, site) = jekyll_site(
        "styles",
        "title: T\nurl: https://example.org/\nbaseurl: /b\n",
    );
    let post = root.join("news/_posts/2021-03-05-tides-again.md");
    // The default style: categories (the folder above _posts first), date, `.html`.
    assert_eq!(
        address_of(&site, &post, serde_json::json!({"categories": ["Policy"]})).as_deref(),
        Some("https://example.org/b/news/policy/2021/03/05/tides-again.html")
    );
    assert_eq!(
        address_of(&site, &post, serde_json::json!({"permalink": "ordinal"})).as_deref(),
        Some("https://example.org/b/news/2021/064/tides-again.html")
    );
    assert_eq!(
        address_of(
            &site,
            &post,
            serde_json::json!({"permalink": "/:i_month/:slug/", "slug": "Other One"})
        )
        .as_deref(),
        Some("https://example.org/b/3/other-one/")
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_site_without_an_address_gives_its_posts_none() {
    let (root, site) = jekyll_site("no-url", "title: T\n");
    let post = root.join("_posts/2021-03-05-tides-again.md");
    assert_eq!(address_of(&site, &post, serde_json::json!({})), None);
    assert_eq!(site.source_name().as_deref(), Some("T"));
    let _ = std::fs::remove_dir_all(&root);
}
