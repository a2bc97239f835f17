use super::*;

fn read_html(html: &str) -> Entry {
    read(Path::new("pages/a-page.html"), html, &Options::default())
}

const ARTICLE: &str = r#"<!doctype html><html lang="en-GB"><head><title>Ports and tides | Example</title>
<meta property="og:site_name" content="Tide Desk"><meta property="article:published_time" content="2021-11-02T08:00:00Z">
<meta property="article:author" content="Ada Lind and Bo Hart"><meta property="article:tag" content="ports"><meta property="article:tag" content="tides">
<link rel="canonical" href="https://tides.example.org/2021/ports/"></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Ports and tides</h1>
<p>The harbour at low water is a different place. Ships wait outside the bar for hours, and the pilots count the minutes until the tide turns and the channel opens again.</p>
<p>Every port on this coast lives by the same table. The question is whether the table is published early enough for anyone to plan around it, and our survey suggests it is not.</p>
<p>Read <a href="/2021/tables/">our tables</a> or <a href="javascript:alert(1)">this</a>.<script>alert(1)</script></p>
<p>Longer planning horizons would help everyone: the ferry operators, the freight forwarders and the people who simply want to know when the bridge will lift.</p>
</article><footer>© Tide Desk</footer></body></html>"#;

#[test]
fn an_article_page_gives_its_text_and_own_metadata() {
    let Entry::Article {
        article, warnings, ..
    } = read_html(ARTICLE)
    else {
        panic!("{:?}", read_html(ARTICLE));
    };
    assert_eq!(article.title, "Ports and tides");
    assert_eq!(article.authors, ["Ada Lind", "Bo Hart"]);
    assert_eq!(article.source, "Tide Desk");
    assert_eq!(article.published.to_string(), "2021-11-02");
    assert_eq!(article.keywords, ["ports", "tides"]);
    assert_eq!(article.language, "en");
    assert_eq!(article.id, "a-page");
    assert_eq!(
        article.url.as_deref(),
        Some("https://tides.example.org/2021/ports/")
    );
    let mut text = String::new();
    article
        .body
        .iter()
        .for_each(|b| b.push_plain_text(&mut text));
    assert!(text.contains("Ships wait outside the bar"), "{text}");
    assert!(!text.contains("alert"), "{text}");
    assert!(
        !text.contains("Home"),
        "the site's menu is not the article: {text}"
    );
    // The reader mode keeps a script link's text and drops its target; relative links
    // are made full against the page's own address.
    let json = serde_json::to_string(&article.body).unwrap();
    assert!(!json.contains("javascript"), "{json}");
    assert!(
        json.contains("https://tides.example.org/2021/tables/"),
        "{json}"
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_page_without_a_date_says_where_to_put_one() {
    let html = ARTICLE.replace(
        "<meta property=\"article:published_time\" content=\"2021-11-02T08:00:00Z\">",
        "",
    );
    match read_html(&html) {
        Entry::Errors(errors) => {
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(
                errors[0].message.starts_with("no publication date"),
                "{errors:?}"
            );
            assert!(errors[0].message.contains("article:published_time"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_listing_page_is_a_skip() {
    let teasers: String = (0..15)
        .map(|i| {
            format!(
                "<li><a href=\"/a{i}\">Article {i}</a> <span>2021-01-{:02}</span></li>",
                i + 1
            )
        })
        .collect();
    let html = format!("<html><head><title>Tagged trade</title></head><body><h1>Tagged: trade</h1><ul>{teasers}</ul></body></html>");
    assert!(
        matches!(read_html(&html), Entry::Skip(_)),
        "{:?}",
        read_html(&html)
    );
}

#[test]
fn an_institute_page_reads_as_its_saved_text() {
    let html = "<html><body><nav>Your Present Location :Home &gt; LATEST INSIGHTS</nav>\
        <h1>Wen Halloway: The quiet cost of unpaid carers</h1>\
        <div class=\"byline\"><span>By Wen Halloway</span> <span>Source: Harbour Review</span> <span>Published: 2021-04-12</span></div>\
        <p>Millions of people look after an ill or ageing relative without pay.</p>\
        <p>Counting it would not cost much.</p>\
        <div class=\"kw\">Key Words:<a>care work</a> <a>labour markets</a> <a>statistics</a></div>\
        <footer>Latest Insights</footer></body></html>";
    let Entry::Article { article, .. } = read_html(html) else {
        panic!("{:?}", read_html(html));
    };
    assert_eq!(article.title, "The quiet cost of unpaid carers");
    assert_eq!(article.authors, ["Wen Halloway"]);
    assert_eq!(article.source, "Harbour Review");
    assert_eq!(
        article.keywords,
        ["care work", "labour markets", "statistics"]
    );
}
