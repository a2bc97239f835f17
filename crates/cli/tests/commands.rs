//! The `corpus` command as a site owner runs it: files in, corpus and site pages out,
//! with clear errors and safe failure.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("corpus-cli-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("posts")).unwrap();
        Scratch(dir)
    }

    fn post(&self, name: &str, text: &str) {
        fs::write(self.0.join("posts").join(name), text).unwrap();
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn corpus(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corpus"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const POST: &str = "+++\ntitle = \"Ports\"\nauthors = [\"A. Writer\"]\nsource = \"Harbour Review\"\ndate = 2022-02-02\nkeywords = [\"trade\"]\n+++\nBody text.\n";

#[test]
fn ingest_writes_a_corpus_that_check_accepts() {
    let s = Scratch::new("ok");
    s.post("ports.md", POST);
    let out = corpus(
        &s.0,
        &[
            "ingest",
            "posts",
            "--title",
            "Harbour",
            "-o",
            "out/corpus.json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("ingested 1 article from 1 file: 0 skipped, 0 errors, 0 warnings")
    );
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(s.path("out/corpus.json")).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["title"], "Harbour");
    assert_eq!(json["articles"][0]["id"], "ports");
    let check = corpus(&s.0, &["check", "out/corpus.json"]);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("1 valid articles, 0 with problems"));
}

#[test]
fn an_error_names_file_and_line_and_leaves_the_old_corpus_alone() {
    let s = Scratch::new("bad");
    s.post("ports.md", POST);
    assert!(corpus(&s.0, &["ingest", "posts", "-o", "corpus.json"])
        .status
        .success());
    let before = fs::read(s.path("corpus.json")).unwrap();
    s.post(
        "2019-03-02-x.md",
        &POST.replace("2022-02-02", "\"2019-13-02\""),
    );
    let out = corpus(&s.0, &["ingest", "posts", "-o", "corpus.json"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("posts/2019-03-02-x.md:5: front matter: 'date' is \"2019-13-02\", not a date (expected YYYY-MM-DD)"),
        "{err}"
    );
    assert!(
        err.contains("ingested 1 article from 2 files: 0 skipped, 1 error, 0 warnings"),
        "{err}"
    );
    assert_eq!(
        fs::read(s.path("corpus.json")).unwrap(),
        before,
        "a failed run writes nothing"
    );

    fs::remove_file(s.path("corpus.json")).unwrap();
    let kept = corpus(
        &s.0,
        &["ingest", "posts", "-o", "corpus.json", "--keep-going"],
    );
    assert!(!kept.status.success(), "errors still give a failing status");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(s.path("corpus.json")).unwrap()).unwrap();
    assert_eq!(
        json["articles"].as_array().unwrap().len(),
        1,
        "--keep-going writes the good articles"
    );
}

#[test]
fn publish_adds_the_corpus_and_a_page_for_every_article() {
    let s = Scratch::new("publish");
    s.post("ports.md", POST);
    fs::create_dir_all(s.path("site")).unwrap();
    let app = "<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"description\" content=\"An explorer\"><title>Explorer</title><base href=\"/site/\" /><script type=\"module\">start()</script></head><body><div id=\"app\"></div></body></html>";
    fs::write(s.path("site/index.html"), app).unwrap();
    fs::create_dir_all(s.path("site/articles")).unwrap();
    fs::write(s.path("site/articles/gone.html"), app).unwrap();
    fs::write(s.path("site/corpus.json"), "{}").unwrap();
    fs::create_dir_all(s.path("site/keywords/gone/page")).unwrap();
    fs::write(s.path("site/keywords/gone/page/2.html"), app).unwrap();
    let out = corpus(&s.0, &["publish", "posts", "--site", "site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index = fs::read_to_string(s.path("site/index.html")).unwrap();
    assert!(
        index.contains("<meta http-equiv=\"Content-Security-Policy\""),
        "{index}"
    );
    // Each page holds its view, rendered by the app's components, under the site's path.
    assert!(
        index.contains("<a href=\"/site/articles/ports\">Ports</a>"),
        "{index}"
    );
    let not_found = fs::read_to_string(s.path("site/404.html")).unwrap();
    assert!(not_found.contains("not-found"), "{not_found}");
    assert!(not_found.contains("<title>Not found"), "{not_found}");
    let page = fs::read_to_string(s.path("site/articles/ports.html")).unwrap();
    assert!(
        page.contains("<h1 id=\"page-heading\">Ports</h1>"),
        "{page}"
    );
    assert!(page.contains("Body text."), "{page}");
    assert!(page.contains("<title>Ports · "), "{page}");
    assert!(page.contains("<meta http-equiv=\"Content-Security-Policy\""));
    // Its keyword and its author link to pages of their own, which list it.
    assert!(
        page.contains("href=\"/site/keywords/trade\"")
            && page.contains("href=\"/site/authors/a-writer\""),
        "{page}"
    );
    for (file, heading) in [
        ("site/keywords/trade.html", "Articles on trade"),
        ("site/authors/a-writer.html", "Articles by A. Writer"),
    ] {
        let list = fs::read_to_string(s.path(file)).unwrap();
        assert!(list.contains(&format!(">{heading}</h1>")), "{list}");
        assert!(list.contains(&format!("<title>{heading} · ")), "{list}");
        assert!(list.contains("<a href=\"/site/articles/ports"), "{list}");
    }
    assert!(
        !s.path("site/keywords/gone").exists(),
        "pages of a keyword no longer in the corpus are removed, with their folder"
    );
    // A republish fills the same template again: nothing doubles, nothing changes.
    let again = corpus(&s.0, &["publish", "posts", "--site", "site"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        fs::read_to_string(s.path("site/index.html")).unwrap(),
        index
    );
    assert_eq!(
        fs::read_to_string(s.path("site/articles/ports.html")).unwrap(),
        page
    );
    assert!(
        !s.path("site/articles/gone.html").exists(),
        "a page of an article no longer in the corpus is removed"
    );
    assert!(
        !s.path("site/corpus.json").exists(),
        "the whole corpus of an earlier publish is removed"
    );
    assert!(s.path("site/corpus/manifest.json").exists());
    let check = corpus(&s.0, &["check", "site"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("format 2, 1 of 1 articles valid"));
    let stats = corpus(&s.0, &["stats", "site/corpus/manifest.json"]);
    assert!(String::from_utf8_lossy(&stats.stdout).contains("articles   1 "));

    // A piece damaged after publishing is named by check, with what to do.
    let pieces = s.path("site/corpus");
    let list = fs::read_dir(&pieces)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("list-"))
        .unwrap()
        .path();
    let mut bytes = fs::read(&list).unwrap();
    bytes[12] ^= 0xff;
    fs::write(&list, bytes).unwrap();
    let damaged = corpus(&s.0, &["check", "site"]);
    assert!(!damaged.status.success());
    let report = String::from_utf8_lossy(&damaged.stdout);
    assert!(
        report.contains("do not match the hash in its name"),
        "{report}"
    );
    assert!(report.contains("publish again"), "{report}");

    let missing = corpus(&s.0, &["publish", "posts", "--site", "nowhere"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("nowhere/index.html: cannot read"),
        "{}",
        stderr(&missing)
    );

    // A page with nowhere to put the content is refused, naming the file and the fix.
    fs::write(
        s.path("site/index.html"),
        "<html><head></head><body></body></html>",
    )
    .unwrap();
    let rootless = corpus(&s.0, &["publish", "posts", "--site", "site"]);
    assert!(!rootless.status.success());
    assert!(
        stderr(&rootless).contains("site/index.html: it has no <div id=\"app\">"),
        "{}",
        stderr(&rootless)
    );
}

#[test]
fn generate_is_deterministic_and_stats_describe_it() {
    let s = Scratch::new("generate");
    for name in ["a.json", "b.json"] {
        let out = corpus(
            &s.0,
            &["generate", "--articles", "300", "--seed", "11", "-o", name],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(
        fs::read(s.path("a.json")).unwrap(),
        fs::read(s.path("b.json")).unwrap()
    );
    let check = corpus(&s.0, &["check", "a.json"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let stats = corpus(&s.0, &["stats", "a.json"]);
    let text = String::from_utf8_lossy(&stats.stdout);
    assert!(
        text.contains("articles   300 (0 set aside as invalid)"),
        "{text}"
    );
    assert!(text.contains("zh "), "some articles are Chinese: {text}");

    let corpus_json: serde_json::Value =
        serde_json::from_slice(&fs::read(s.path("a.json")).unwrap()).unwrap();
    let articles = corpus_json["articles"].as_array().unwrap();
    let words = |a: &serde_json::Value| a["body"].to_string().split_whitespace().count();
    assert!(articles
        .iter()
        .filter(|a| a["language"] == "en")
        .all(|a| (250..=1700).contains(&words(a))));
    let authors: std::collections::HashSet<String> = articles
        .iter()
        .map(|a| a["authors"][0].to_string())
        .collect();
    assert!(authors.len() >= 30, "many authors: {}", authors.len());

    let md = corpus(&s.0, &["generate", "--articles", "40", "--markdown", "md"]);
    assert!(md.status.success());
    let ingested = corpus(&s.0, &["ingest", "md", "-o", "md.json"]);
    assert!(ingested.status.success(), "{}", stderr(&ingested));
    assert!(stderr(&ingested).starts_with("ingested 40 articles from 40 files"));
}

#[test]
fn check_names_the_line_of_each_bad_record() {
    let s = Scratch::new("check");
    let good = r#"{"id":"a","title":"T","authors":["A"],"source":"S","published":"2021-04-12","keywords":[],"language":"en","summary":"S.","body":[{"type":"rule"}]}"#;
    let bad = r#"{"id":"b c","title":"","authors":["A"],"source":"S","published":"2021-04-12","keywords":[],"language":"en","summary":"S.","body":[]}"#;
    fs::write(s.path("c.json"), format!("{{\"version\":1,\"title\":\"C\",\"articles\":[\n{good},\n{bad},\n{{\"id\":\"x\"}}\n]}}")).unwrap();
    let out = corpus(&s.0, &["check", "c.json"]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("c.json:3: (article without id)")
            || text.contains("c.json:3: b c: id \"b c\" is not a URL-safe slug"),
        "{text}"
    );
    assert!(text.contains("; title is empty; body is empty"), "{text}");
    assert!(
        text.contains("c.json:4: article #3: missing field"),
        "{text}"
    );
    assert!(
        text.contains("1 valid articles, 2 with problems (left out by the explorer)"),
        "{text}"
    );
}

#[test]
fn a_refused_link_in_a_hand_written_corpus_costs_the_link_not_the_article() {
    let s = Scratch::new("refused-link");
    let good = r#"{"id":"a","title":"T","authors":["A"],"source":"S","published":"2021-04-12","keywords":[],"language":"en","summary":"S.","body":[{"type":"rule"}]}"#;
    let linked = r#"{"id":"b","title":"U","authors":["A"],"source":"S","published":"2021-04-13","keywords":[],"language":"en","summary":"S.","url":"javascript:void(0)","body":[{"type":"paragraph","content":[{"type":"link","href":"javascript:alert(1)","content":[{"type":"text","text":"read this"}]}]}]}"#;
    fs::write(
        s.path("c.json"),
        format!("{{\"version\":1,\"title\":\"C\",\"articles\":[\n{good},\n{linked}\n]}}"),
    )
    .unwrap();
    let out = corpus(&s.0, &["check", "c.json"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "a refused link is a warning: {text}");
    assert!(
        text.contains("warning: c.json:3: b: link target \"javascript:alert(1)\" is not allowed and was removed, its text is kept (use http, https, mailto or a relative address)"),
        "{text}"
    );
    assert!(
        text.contains(
            "warning: c.json:3: b: url \"javascript:void(0)\" is not a full http or https address, so the article keeps no link to its original (write it as https://…)"
        ),
        "{text}"
    );
    assert!(
        text.contains("2 valid articles, 0 with problems (left out by the explorer), 2 warnings"),
        "{text}"
    );
    let stats = corpus(&s.0, &["stats", "c.json"]);
    let text = String::from_utf8_lossy(&stats.stdout);
    assert!(
        text.contains("articles   2 (0 set aside as invalid; 2 links removed, see corpus check)"),
        "{text}"
    );

    // Published, the article keeps the link's text and loses the link.
    fs::create_dir_all(s.path("site")).unwrap();
    fs::write(
        s.path("site/index.html"),
        "<html><head></head><body><div id=\"app\"></div></body></html>",
    )
    .unwrap();
    let out = corpus(&s.0, &["publish", "c.json", "--site", "site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("link target \"javascript:alert(1)\" is not allowed"),
        "{}",
        stderr(&out)
    );
    let read = insight_corpus::published::read_published(&s.path("site/corpus")).unwrap();
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let b = read.articles.iter().find(|a| a.id == "b").unwrap();
    assert_eq!(
        b.body,
        vec![insight_corpus::Block::Paragraph {
            content: vec![insight_corpus::Inline::text("read this")]
        }]
    );
    assert_eq!(b.url, None);
}

#[test]
fn fifty_megabyte_files_of_every_format_are_read() {
    let s = Scratch::new("big");
    let paragraph =
        "Policy words with *emphasis* and [a link](https://example.org) and more plain text. "
            .repeat(8)
            + "\n\n";
    let body = paragraph.repeat(50 * 1024 * 1024 / paragraph.len());
    s.post(
        "big.md",
        &format!("---\ntitle: Big\nauthor: A\ndate: 2020-01-01\n---\n{body}"),
    );
    s.post("big.txt", &format!("Home > LATEST INSIGHTS\n\nA: Big\n\nBy A    Source: S    Published: 2020-01-01\n\n{body}Key Words: a  b\n"));
    s.post(
        "big.json",
        &format!(
            "[{{\"title\":\"Big\",\"author\":\"A\",\"date\":\"2020-01-01\",\"content\":{}}}]",
            serde_json::to_string(&body).unwrap()
        ),
    );
    let escaped = body.replace('&', "&amp;").replace('<', "&lt;");
    s.post("big.xml", &format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Big</title><pubDate>Mon, 12 Apr 2021 10:00:00 +0000</pubDate><description>{escaped}</description></item></channel></rss>"));
    let out = corpus(
        &s.0,
        &["ingest", "posts", "--default-source", "S", "-o", "big.json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ingested 4 articles from 4 files"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_yaml_file_gets_a_yaml_fix() {
    let s = Scratch::new("yamlfix");
    s.post("x.md", "---\nauthor: A\ndate: 2020-01-01\n---\nBody.\n");
    let out = corpus(&s.0, &["ingest", "posts", "-o", "c.json"]);
    assert!(
        stderr(&out).contains(
            "posts/x.md:2: front matter: 'title' is missing; add title: \"The article's title\""
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_folder_without_sources_is_named_after_itself_once() {
    let s = Scratch::new("foldersource");
    s.post("x.md", "---\ntitle: T\ndate: 2020-01-01\n---\nBody.\n");
    s.post("y.md", "---\ntitle: U\ndate: 2020-01-02\n---\nBody.\n");
    let out = corpus(&s.0, &["ingest", "posts", "-o", "c.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).matches("name no source").count(),
        1,
        "{}",
        stderr(&out)
    );
    let written = fs::read_to_string(s.0.join("c.json")).unwrap();
    assert!(written.contains("\"source\":\"posts\""), "{written}");
}

#[test]
fn a_dry_run_lists_what_it_would_do_and_writes_nothing() {
    let s = Scratch::new("dryrun");
    s.post(
        "x.md",
        "---\ntitle: T\ndate: 2020-01-01\nsource: S\n---\nBody.\n",
    );
    s.post("d.md", "---\ntitle: D\ndraft: true\n---\nBody.\n");
    let out = corpus(&s.0, &["ingest", "posts", "--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("1  Markdown"), "{printed}");
    assert!(printed.contains("1  a draft"), "{printed}");
    assert!(
        stderr(&out).contains("nothing written (dry run)"),
        "{}",
        stderr(&out)
    );
    assert!(!s.0.join("c.json").exists());
}

/// The bytes of every file under `dir`.
fn folder_bytes(dir: &Path) -> u64 {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| match e.metadata().unwrap().is_dir() {
            true => folder_bytes(&e.path()),
            false => e.metadata().unwrap().len(),
        })
        .sum()
}

#[test]
fn a_site_limit_keeps_the_newest_pages_whole_and_the_site_under_it() {
    let s = Scratch::new("limit");
    // Forty articles, a day apart, each with a long body of its own words.
    for day in 1..=40 {
        let words: Vec<String> = (0..600).map(|w| format!("word{day}x{w}")).collect();
        s.post(
            &format!("post-{day:02}.md"),
            &format!(
                "+++\ntitle = \"Post {day}\"\nauthors = [\"A. Writer\"]\nsource = \"Review\"\ndate = 2022-{:02}-{:02}\nsummary = \"Summary of post {day}.\"\n+++\n{} body-end-{day}\n",
                (day - 1) / 28 + 1,
                (day - 1) % 28 + 1,
                words.join(" ")
            ),
        );
    }
    fs::create_dir_all(s.path("site")).unwrap();
    let app = "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Explorer</title><base href=\"/site/\" /><script type=\"module\">start()</script></head><body><div id=\"app\"></div></body></html>";
    fs::write(s.path("site/index.html"), app).unwrap();
    let whole = corpus(&s.0, &["publish", "posts", "--site", "site"]);
    assert!(whole.status.success(), "{}", stderr(&whole));
    let full_size = folder_bytes(&s.path("site"));
    let article_pages = folder_bytes(&s.path("site/articles"));
    // A limit that leaves room for about half the article pages in full.
    let limit = full_size - article_pages / 2;
    let out = corpus(
        &s.0,
        &[
            "publish",
            "posts",
            "--site",
            "site",
            "--site-limit",
            &limit.to_string(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out);
    assert!(said.contains("older ones their summary"), "{said}");
    let size = folder_bytes(&s.path("site"));
    assert!(
        size <= limit,
        "the site takes {size} bytes, over the limit of {limit}"
    );
    let page = |id: &str| fs::read_to_string(s.path(&format!("site/articles/{id}.html"))).unwrap();
    let (newest, oldest) = (page("post-40"), page("post-01"));
    assert!(
        newest.contains("body-end-40<"),
        "the newest page keeps its full text"
    );
    assert!(!oldest.contains("body-end-1<"), "the oldest page is short");
    assert!(
        oldest.contains("<h1 id=\"page-heading\">Post 1</h1>")
            && oldest.contains("Summary of post 1.")
            && oldest.contains("The full text of this article needs JavaScript."),
        "{oldest}"
    );
    // Its head is whole: search engines and previews still see the article.
    assert!(oldest.contains("<title>Post 1 · "), "{oldest}");
    let short = (1..=40)
        .filter(|day| !page(&format!("post-{day:02}")).contains(&format!("body-end-{day}<")))
        .count();
    assert!((1..40).contains(&short), "{short} of 40 pages are short");

    // A limit the pieces alone exceed is said plainly; a limit that is no size is refused.
    let tight = corpus(
        &s.0,
        &[
            "publish",
            "posts",
            "--site",
            "site",
            "--site-limit",
            "10KB",
            "--site-url",
            "https://example.org/site/",
        ],
    );
    assert!(tight.status.success(), "{}", stderr(&tight));
    assert!(
        stderr(&tight).contains("over --site-limit 10.0 KB"),
        "{}",
        stderr(&tight)
    );
    // No room for any article page: their addresses are left to the app, and out of the
    // sitemap; the list's own page stays.
    let said = String::from_utf8_lossy(&tight.stdout).into_owned() + &stderr(&tight);
    assert!(
        said.contains("the 40 oldest articles have no page of their own"),
        "{said}"
    );
    assert!(!s.path("site/articles/post-40.html").exists());
    let sitemap = fs::read_to_string(s.path("site/sitemap.xml")).unwrap();
    assert!(!sitemap.contains("articles/"), "{sitemap}");
    assert!(s.path("site/index.html").exists());
    let bad = corpus(
        &s.0,
        &["publish", "posts", "--site", "site", "--site-limit", "lots"],
    );
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("--site-limit \"lots\": give a size such as 1GB"),
        "{}",
        stderr(&bad)
    );
}
