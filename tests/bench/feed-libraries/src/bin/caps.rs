//! Small hand-written feeds through feed-rs 3, rss 2 and atom_syndication 0.12.
//! Each (case, library) runs in a child process so that a stack overflow shows as an abort.
use std::process::Command;

const NS: &str = r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd""#;

const RSS_ITEM: &str = r#"<item><title>T1</title><link>https://e.org/1</link>
<dc:creator>Dana Creator</dc:creator>
<content:encoded><![CDATA[<p>Full body</p>]]></content:encoded>
<description>Short</description>
<media:thumbnail url="https://e.org/t.jpg" time="12"/>
<media:content url="https://e.org/v.mp4" duration="30"/>
<itunes:duration>01:02:03</itunes:duration><itunes:author>Ian Itunes</itunes:author>
<pubDate>yesterday-ish</pubDate></item>"#;

fn cases() -> Vec<(&'static str, String)> {
    let deep = |n: usize, tag: &str| {
        let open: String = (0..n).map(|_| format!("<{tag}>")).collect();
        let close: String = (0..n).map(|_| format!("</{tag}>")).collect();
        format!(r#"<rss version="2.0" xmlns:x="urn:x"><channel><title>t</title><link>l</link><description>d</description><item><title>i</title>{open}{close}</item></channel></rss>"#)
    };
    vec![
        ("rss2-extensions", format!(r#"<rss version="2.0" {NS}><channel><title>C</title><link>https://e.org</link><description>D</description>{RSS_ITEM}</channel></rss>"#)),
        ("rss2-no-link-no-description", r#"<rss version="2.0"><channel><title>C</title><item><title>T</title></item></channel></rss>"#.into()),
        ("rss2-no-title", r#"<rss version="2.0"><channel><link>l</link><description>d</description><item><title>T</title></item></channel></rss>"#.into()),
        ("rss2-empty-channel", r#"<rss version="2.0"><channel></channel></rss>"#.into()),
        ("rss-no-version", r#"<rss><channel><title>C</title><link>l</link><description>d</description><item><title>T</title></item></channel></rss>"#.into()),
        ("rss-0.91", r#"<rss version="0.91"><channel><title>C</title><link>l</link><description>d</description><language>en</language><item><title>T</title><link>l1</link></item></channel></rss>"#.into()),
        ("rss-0.92", r#"<rss version="0.92"><channel><title>C</title><link>l</link><description>d</description><item><description>only a description</description></item></channel></rss>"#.into()),
        ("rss-1.0-rdf", r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>C</title><link>l</link><description>d</description><items><rdf:Seq><rdf:li resource="a"/></rdf:Seq></items></channel><item rdf:about="a"><title>T</title><link>a</link><dc:creator>Dee</dc:creator><dc:date>2021-09-01T07:00:00Z</dc:date></item><item rdf:about="b"><title>T2</title><link>b</link></item></rdf:RDF>"#.into()),
        ("rss-1.0-rdf-other-prefix", r#"<R:RDF xmlns:R="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel R:about="x"><title>C</title><link>l</link><description>d</description></channel><item R:about="a"><title>T</title><link>a</link></item></R:RDF>"#.into()),
        ("rss-0.90-rdf", r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>C</title><link>l</link><description>d</description></channel><item><title>T</title><link>a</link></item></rdf:RDF>"#.into()),
        ("rss2-content-other-prefix", r#"<rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/"><channel><title>C</title><link>l</link><description>d</description><item><title>T</title><c:encoded>body</c:encoded></item></channel></rss>"#.into()),
        ("rss2-mismatched-end-tag", "<rss version=\"2.0\"><channel><title>C</title>\n<link>l</link>\n<item><title>T</wrong></item></channel></rss>".into()),
        ("rss2-truncated", r#"<rss version="2.0"><channel><title>C</title><link>l</link><description>d</description><item><title>T</title></item><item><title>U"#.into()),
        ("atom-full", r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"><id>f</id><title>F</title><updated>2021-09-01T07:00:00Z</updated><entry><id>e</id><title>E</title><updated>2021-09-01T07:00:00Z</updated><author><name>Ann</name></author><dc:creator>Dana</dc:creator><media:thumbnail url="https://e.org/t.jpg"/><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>"#.into()),
        ("atom-missing-id-title-updated", r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>x</content></entry></feed>"#.into()),
        ("atom-bad-date-in-entry", r#"<feed xmlns="http://www.w3.org/2005/Atom"><id>f</id><title>F</title><updated>2021-09-01T07:00:00Z</updated><entry><id>e</id><title>E</title><updated>yesterday</updated></entry><entry><id>e2</id><title>E2</title><updated>2021-09-01T07:00:00Z</updated></entry></feed>"#.into()),
        ("atom-type-text/html", r#"<feed xmlns="http://www.w3.org/2005/Atom"><id>f</id><title type="text/html">F</title><updated>2021-09-01T07:00:00Z</updated><entry><id>e</id><title>E</title><updated>2021-09-01T07:00:00Z</updated></entry></feed>"#.into()),
        ("atom-prefixed-root", r#"<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:id>f</a:id><a:title>F</a:title><a:entry><a:id>e</a:id><a:title>E</a:title></a:entry></a:feed>"#.into()),
        ("deep-1000-plain", deep(1000, "a")),
        ("deep-100000-plain", deep(100_000, "a")),
        ("deep-100000-prefixed", deep(100_000, "x:y")),
    ]
}

fn run(lib: &str, xml: &str) -> String {
    let b = xml.as_bytes();
    match lib {
        "feed-rs" => match feed_rs::parser::parse(b) {
            Err(e) => format!("err: {e}"),
            Ok(f) => {
                let mut s = format!("ok {} items (type {:?}, title {:?})", f.entries.len(), f.feed_type, f.title.as_ref().map(|t| &t.content));
                if let Some(e) = f.entries.first() {
                    s += &format!(
                        "; item0 authors={:?} content={:?} summary={:?} media={:?} published={:?}",
                        e.authors.iter().map(|p| &p.name).collect::<Vec<_>>(),
                        e.content.as_ref().and_then(|c| c.body.as_deref()),
                        e.summary.as_ref().map(|t| &t.content),
                        e.media.iter().map(|m| (m.thumbnails.iter().map(|t| (&t.image.uri, t.time)).collect::<Vec<_>>(), m.duration, m.content.iter().map(|c| c.url.as_ref().map(|u| u.as_str().to_string())).collect::<Vec<_>>())).collect::<Vec<_>>(),
                        e.published
                    );
                }
                s
            }
        },
        "rss" => match rss::Channel::read_from(b) {
            Err(e) => format!("err: {e}"),
            Ok(c) => {
                let mut s = format!("ok {} items (title {:?} link {:?} desc {:?})", c.items.len(), c.title, c.link, c.description);
                if let Some(i) = c.items.first() {
                    s += &format!(
                        "; item0 dc:creator={:?} content={:?} itunes.duration={:?} itunes.author={:?} pub_date={:?} other-ext={:?}",
                        i.dublin_core_ext.as_ref().map(|d| &d.creators),
                        i.content,
                        i.itunes_ext.as_ref().and_then(|x| x.duration.as_ref()),
                        i.itunes_ext.as_ref().and_then(|x| x.author.as_ref()),
                        i.pub_date,
                        i.extensions.iter().map(|(p, m)| (p, m.iter().map(|(n, v)| (n, v.iter().map(|e| &e.attrs).collect::<Vec<_>>())).collect::<Vec<_>>())).collect::<Vec<_>>(),
                    );
                }
                s
            }
        },
        _ => match atom_syndication::Feed::read_from(b) {
            Err(e) => format!("err: {e}"),
            Ok(f) => {
                let mut s = format!("ok {} entries (title {:?} id {:?} updated {})", f.entries.len(), f.title.value, f.id, f.updated);
                if let Some(e) = f.entries.first() {
                    s += &format!("; entry0 authors={:?} ext={:?} updated={}", e.authors.iter().map(|p| &p.name).collect::<Vec<_>>(), e.extensions.iter().map(|(p, m)| (p, m.keys().collect::<Vec<_>>())).collect::<Vec<_>>(), e.updated);
                }
                s
            }
        },
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 3 {
        let (_, xml) = cases().into_iter().find(|(n, _)| *n == args[1]).unwrap();
        let out = match std::panic::catch_unwind(|| run(&args[2], &xml)) {
            Ok(s) => s,
            Err(_) => "PANIC".into(),
        };
        println!("{out}");
        return;
    }
    let exe = std::env::current_exe().unwrap();
    for (name, _) in cases() {
        for lib in ["feed-rs", "rss", "atom"] {
            let o = Command::new(&exe).args([name, lib]).output().unwrap();
            let text = if o.status.success() {
                String::from_utf8_lossy(&o.stdout).trim().to_string()
            } else {
                format!("ABORT ({}) {}", o.status, String::from_utf8_lossy(&o.stderr).lines().next().unwrap_or(""))
            };
            println!("{name:30} {lib:8} {text}");
        }
    }
}
