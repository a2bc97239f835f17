use super::*;

fn export(items: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Think &amp; Do</title>\n<language>en-GB</language>\n<wp:wxr_version>1.2</wp:wxr_version>\n<wp:author><wp:author_login><![CDATA[jdoe]]></wp:author_login><wp:author_display_name><![CDATA[Jo Doe]]></wp:author_display_name></wp:author>\n{items}</channel>\n</rss>\n"
    )
}

fn item(kind: &str, status: &str, title: &str, content: &str) -> String {
    format!(
        "<item>\n<title>{title}</title>\n<link>https://example.org/{title}/</link>\n<dc:creator><![CDATA[jdoe]]></dc:creator>\n<content:encoded><![CDATA[{content}]]></content:encoded>\n<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n<wp:post_id>7</wp:post_id>\n<wp:post_date><![CDATA[2021-04-12 09:30:00]]></wp:post_date>\n<wp:post_name><![CDATA[{title}]]></wp:post_name>\n<wp:status><![CDATA[{status}]]></wp:status>\n<wp:post_type><![CDATA[{kind}]]></wp:post_type>\n<category domain=\"category\" nicename=\"uncategorized\"><![CDATA[Uncategorized]]></category>\n<category domain=\"post_tag\" nicename=\"ports\"><![CDATA[Ports]]></category>\n<wp:comment><wp:comment_content><![CDATA[A reader's comment]]></wp:comment_content></wp:comment>\n</item>\n"
    )
}

fn read_text(text: &str, options: &Options) -> Vec<Entry> {
    read(Path::new("export.xml"), text, options)
}

#[test]
fn a_published_post_becomes_an_article() {
    let text = export(&item(
        "post",
        "publish",
        "harbour",
        "<!-- wp:paragraph --><p>Quays &amp; cranes.</p><!-- /wp:paragraph -->",
    ));
    assert!(looks_like_export(text.as_bytes()));
    let entries = read_text(&text, &Options::default());
    let Entry::Article {
        article, warnings, ..
    } = &entries[0]
    else {
        panic!("{entries:?}");
    };
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(article.title, "harbour");
    assert_eq!(article.authors, ["Jo Doe"]);
    assert_eq!(article.source, "Think & Do");
    assert_eq!(article.language, "en");
    assert_eq!(article.keywords, ["Ports"]);
    assert_eq!(article.published.to_string(), "2021-04-12");
    assert_eq!(article.url.as_deref(), Some("https://example.org/harbour/"));
    let mut text = String::new();
    article
        .body
        .iter()
        .for_each(|b| b.push_plain_text(&mut text));
    assert_eq!(text.trim(), "Quays & cranes.");
}

#[test]
fn other_records_are_skipped_with_their_reasons() {
    let items = [
        item("page", "publish", "about", "<p>About.</p>"),
        item("attachment", "inherit", "photo", ""),
        item("nav_menu_item", "publish", "menu", ""),
        item("post", "draft", "d", "<p>x</p>"),
        item("post", "trash", "t", "<p>x</p>"),
        item("post", "publish", "empty", ""),
    ]
    .concat();
    let entries = read_text(&export(&items), &Options::default());
    let reasons: Vec<&str> = entries
        .iter()
        .map(|e| match e {
            Entry::SkipRecord { reason, .. } => reason.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        reasons,
        [
            "a page (pass --include-pages to include pages)",
            "an attachment (a media file's record)",
            "a navigation menu item",
            "a draft (status draft)",
            "in the trash (status trash)",
            "no content",
        ]
    );
    let with_pages = Options {
        include_pages: true,
        ..Options::default()
    };
    let entries = read_text(
        &export(&item("page", "publish", "about", "<p>About.</p>")),
        &with_pages,
    );
    assert!(matches!(entries[0], Entry::Article { .. }), "{entries:?}");
}

#[test]
fn broken_xml_keeps_the_items_before_it_and_names_the_line() {
    let text = export(&item("post", "publish", "first", "<p>One.</p>"))
        .replace("</channel>", "<item><title>x</wrong></channel>");
    let entries = read_text(&text, &Options::default());
    assert!(matches!(entries[0], Entry::Article { .. }), "{entries:?}");
    match entries.last() {
        Some(Entry::Errors(errors)) => {
            let message = errors[0].to_string();
            assert!(message.starts_with("export.xml:"), "{message}");
            assert!(message.contains("not well-formed XML"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}
