//! Compares feed-rs 3, rss 2 and atom_syndication 0.12 on crash inputs, fixtures and mutations.
//!
//! Modes:
//!   feed-libraries files FILE...            one line per file and library
//!   feed-libraries worker FILE START COUNT  mutation cases START..START+COUNT, one line each
//!   feed-libraries mutate OUTDIR FILE...    drives workers (restarting after an abort such as a
//!                                     stack overflow), writes OUTDIR/<name>.tsv and panics
use std::cell::RefCell;
use std::io::{BufRead, BufReader, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::{Command, Stdio};

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "?".into()
        };
        let loc = info
            .location()
            .map(|l| format!("{}:{}", short(l.file()), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = format!("{msg} @ {loc}"));
    }));
}

fn short(path: &str) -> String {
    match path.find("registry/src/") {
        Some(i) => path[i + 13..].splitn(2, '/').nth(1).unwrap_or(path).to_string(),
        None => path.to_string(),
    }
}

#[derive(Clone)]
enum Outcome {
    Ok(usize),
    Err(String),
    Panic(String),
}

impl Outcome {
    fn kind(&self) -> &'static str {
        match self {
            Outcome::Ok(_) => "ok",
            Outcome::Err(_) => "err",
            Outcome::Panic(_) => "panic",
        }
    }
    fn show(&self) -> String {
        match self {
            Outcome::Ok(n) => format!("ok {n} items"),
            Outcome::Err(e) => format!("err: {}", one_line(e)),
            Outcome::Panic(p) => format!("PANIC: {}", one_line(p)),
        }
    }
}

fn one_line(s: &str) -> String {
    let s: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    s.chars().take(160).collect()
}

fn guarded<F: FnOnce() -> Result<usize, String>>(f: F) -> Outcome {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(n)) => Outcome::Ok(n),
        Ok(Err(e)) => Outcome::Err(e),
        Err(_) => Outcome::Panic(LAST_PANIC.with(|p| p.borrow().clone())),
    }
}

pub const LIBS: [&str; 3] = ["feed-rs", "rss", "atom"];

fn run_all(bytes: &[u8]) -> [Outcome; 3] {
    [
        guarded(|| {
            feed_rs::parser::parse(bytes)
                .map(|f| f.entries.len())
                .map_err(|e| format!("{e} [{e:?}]"))
        }),
        guarded(|| {
            rss::Channel::read_from(bytes)
                .map(|c| c.items.len())
                .map_err(|e| format!("{e} [{e:?}]"))
        }),
        guarded(|| {
            atom_syndication::Feed::read_from(bytes)
                .map(|f| f.entries.len())
                .map_err(|e| format!("{e} [{e:?}]"))
        }),
    ]
}

// ---------------------------------------------------------------- mutations

struct XorShift(u64);
impl XorShift {
    fn new(seed: u64) -> Self {
        XorShift(seed | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn fnv(s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in s {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn hostile() -> Vec<Vec<u8>> {
    let mut v: Vec<String> = vec![
        "<itunes:duration>123456789012345678901234567890</itunes:duration>".into(),
        "<itunes:duration>99999999999:99:99</itunes:duration>".into(),
        "<itunes:duration>&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;&#57;&#48;&#49;&#50;</itunes:duration>".into(),
        "<itunes:duration>-1:-1:-1</itunes:duration>".into(),
        "<itunes:episode>99999999999999999999999</itunes:episode><itunes:season>-0</itunes:season>".into(),
        r#"<media:thumbnail url="https://example.org/t.jpg" time="123456789012345678901234567890"/>"#.into(),
        r#"<media:thumbnail url="https://example.org/t.jpg" time="99:99:99.999999999999999" width="99999999999999999999"/>"#.into(),
        r#"<media:content url="https://example.org/v.mp4" duration="99999999999999999999" fileSize="999999999999999999999999" width="-1" height="NaN" bitrate="1e400"/>"#.into(),
        r#"<media:group><media:content url="x"><media:thumbnail time="&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;&#57;&#48;&#49;"/></media:content></media:group>"#.into(),
        r#"<media:community><media:starRating average="NaN" count="99999999999999999999" min="x" max=""/><media:statistics views="999999999999999999999"/></media:community>"#.into(),
        "<author>Ž€ jo@example.org</author>".into(),
        "<author>jo@example.org (名前 ☃)</author>".into(),
        "<author>é+jo@example.org</author>".into(),
        "<author>\u{301}jo@example.org\u{301}</author>".into(),
        "<author>&#x2603;jo@example.org</author>".into(),
        "<author>jo@example.org&#xE9;</author>".into(),
        "<author><name>☃ jo@example.org ☃</name><email>\u{fe0f}@</email></author>".into(),
        "<dc:creator>€@€</dc:creator>".into(),
        "<managingEditor>ß@x (€)</managingEditor>".into(),
        "<![CDATA[ unclosed cdata".into(),
        "<![CDATA[]]>".into(),
        "&amp;&lt;&nbsp;&#0;&#x110000;&undefined;&#99999999999;&#xD800;".into(),
        "&".into(),
        "<pubDate>Mon, 99 Foo 99999 99:99:99 +9999</pubDate>".into(),
        "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT+99999999999999</pubDate>".into(),
        "<updated>99999-13-45T25:61:61Z</updated>".into(),
        "<published>2021-09-01T07:00:00+99:99</published>".into(),
        "<dc:date>-999999999-01-01</dc:date>".into(),
        "<ttl>99999999999999999999</ttl><skipHours><hour>99999999999</hour></skipHours>".into(),
        r#"<enclosure length="999999999999999999999999" url="x" type="y/z"/>"#.into(),
        r#"<link rel="enclosure" length="9999999999999999999999" href="::"/>"#.into(),
        r#"<content type="image/png">AAAA</content>"#.into(),
        r#"<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">"#.into(),
        r#"<content type="text/html" src="::::"/>"#.into(),
        r#"<entry xml:base="::::"><link href="../../../x"/></entry>"#.into(),
        r#"<item xml:base="http://[::1"><link>/x</link></item>"#.into(),
        r#"<itunes:image href=""/><itunes:explicit>maybe</itunes:explicit><itunes:category text=""/>"#.into(),
        r#"<category domain="">&#xFFFF;</category>"#.into(),
        "\u{feff}".into(),
        "<!DOCTYPE x [<!ENTITY a \"&a;\">]>".into(),
        "<?xml version=\"1.0\" encoding=\"x-unknown\"?>".into(),
        "</channel>".into(),
        "</item></item></item>".into(),
        "<x:y xmlns:x=\"\">".into(),
        r#"<media:content medium="image" url="https://example.org/i.png" expression="sample" isDefault="yes" lang="&#1;"/>"#.into(),
        r#"<media:player url="x" height="-99999999999999999999"/>"#.into(),
        r#"<media:credit role="author" scheme="urn:ebu">€ jo@example.org</media:credit>"#.into(),
        r#"<media:restriction relationship="allow" type="country">ZZ</media:restriction>"#.into(),
        r#"<media:text start="99:99:99.99999999999999999" end="-1">t</media:text>"#.into(),
    ];
    let deep_open = "<a>".repeat(1000);
    let deep_close = "</a>".repeat(1000);
    v.push(format!("{deep_open}{deep_close}"));
    v.push(deep_open.clone());
    v.push(format!("<media:group>{}{}</media:group>", "<media:group>".repeat(1000), "</media:group>".repeat(1000)));
    v.push(format!("<dc:x>{}{}</dc:x>", "<dc:x>".repeat(1000), "</dc:x>".repeat(1000)));
    v.push(format!("<x:y>{}{}</x:y>", "<x:y>".repeat(1000), "</x:y>".repeat(1000)));
    v.push(format!("<itunes:duration>{}</itunes:duration>", "9".repeat(5000)));
    let mut out: Vec<Vec<u8>> = v.into_iter().map(String::into_bytes).collect();
    out.push(b"\xff\xfe\x00\xc3".to_vec());
    out.push(b"\xe2\x82".to_vec());
    out
}

/// The input for mutation case `case` of `base`.
fn mutate(base: &[u8], name: &str, case: u64, snippets: &[Vec<u8>]) -> Vec<u8> {
    let mut rng = XorShift::new(fnv(name.as_bytes()) ^ case.wrapping_mul(0x9E3779B97F4A7C15));
    for _ in 0..8 {
        rng.next();
    }
    let mut data = base.to_vec();
    let ops = 1 + rng.below(3);
    for _ in 0..ops {
        // Positions: half the time at a tag boundary (so snippets land in content).
        let pos = |rng: &mut XorShift, data: &[u8]| -> usize {
            let p = rng.below(data.len() + 1);
            if rng.below(2) == 0 {
                data[p..].iter().position(|&b| b == b'>').map_or(p, |i| p + i + 1)
            } else {
                p
            }
        };
        match rng.below(10) {
            0 | 1 => {
                if !data.is_empty() {
                    let p = rng.below(data.len());
                    if rng.below(2) == 0 {
                        data[p] ^= 1 << rng.below(8);
                    } else {
                        data[p] = rng.next() as u8;
                    }
                }
            }
            2 | 3 => {
                let p = rng.below(data.len() + 1);
                let len = 1 + rng.below(64);
                let end = (p + len).min(data.len());
                data.drain(p..end);
            }
            4 => {
                let p = rng.below(data.len() + 1);
                let len = 1 + rng.below(200);
                let end = (p + len).min(data.len());
                let span = data[p..end].to_vec();
                let at = pos(&mut rng, &data);
                data.splice(at..at, span);
            }
            _ => {
                let s = &snippets[rng.below(snippets.len())];
                let at = pos(&mut rng, &data);
                data.splice(at..at, s.iter().copied());
            }
        }
    }
    data
}

fn worker(file: &str, start: u64, count: u64) {
    let base = std::fs::read(file).unwrap();
    let name = std::path::Path::new(file).file_name().unwrap().to_string_lossy().to_string();
    let snippets = hostile();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for case in start..start + count {
        let data = mutate(&base, &name, case, &snippets);
        // Announce the case first, so a parent can tell which one aborted the process.
        writeln!(out, "BEGIN\t{case}").unwrap();
        out.flush().unwrap();
        let res = run_all(&data);
        let cols: Vec<String> = res.iter().map(|r| r.show()).collect();
        writeln!(out, "CASE\t{case}\t{}\t{}\t{}", cols[0], cols[1], cols[2]).unwrap();
        out.flush().unwrap();
    }
}

fn drive(outdir: &str, files: &[String], total: u64) {
    std::fs::create_dir_all(outdir).unwrap();
    let exe = std::env::current_exe().unwrap();
    let snippets = hostile();
    for file in files {
        let name = std::path::Path::new(file).file_name().unwrap().to_string_lossy().to_string();
        let base = std::fs::read(file).unwrap();
        let mut tsv = std::fs::File::create(format!("{outdir}/{name}.tsv")).unwrap();
        let mut next = 0u64;
        let mut aborts = 0;
        while next < total {
            let mut child = Command::new(&exe)
                .args(["worker", file, &next.to_string(), &(total - next).to_string()])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let reader = BufReader::new(child.stdout.take().unwrap());
            let mut begun: Option<u64> = None;
            for line in reader.lines() {
                let line = line.unwrap();
                let parts: Vec<&str> = line.split('\t').collect();
                match parts[0] {
                    "BEGIN" => begun = Some(parts[1].parse().unwrap()),
                    "CASE" => {
                        writeln!(tsv, "{}", &line[5..]).unwrap();
                        next = parts[1].parse::<u64>().unwrap() + 1;
                        begun = None;
                    }
                    _ => {}
                }
            }
            let status = child.wait().unwrap();
            if let Some(case) = begun {
                // The process died in this case (stack overflow or abort): find which library.
                aborts += 1;
                let data = mutate(&base, &name, case, &snippets);
                let mut cols = Vec::new();
                for lib in 0..3 {
                    let st = Command::new(&exe)
                        .args(["one", &lib.to_string(), file, &case.to_string()])
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status()
                        .unwrap();
                    cols.push(if st.success() {
                        "ok-or-err (separately)".to_string()
                    } else {
                        format!("PANIC: process aborted ({st})")
                    });
                }
                writeln!(tsv, "{case}\t{}\t{}\t{}", cols[0], cols[1], cols[2]).unwrap();
                std::fs::write(format!("{outdir}/{name}.abort{case}.xml"), &data).unwrap();
                eprintln!("{name}: case {case} aborted the worker ({status})");
                next = case + 1;
            }
        }
        eprintln!("{name}: done, {aborts} aborts");
    }
}

fn one(lib: usize, file: &str, case: u64) {
    let base = std::fs::read(file).unwrap();
    let name = std::path::Path::new(file).file_name().unwrap().to_string_lossy().to_string();
    let data = mutate(&base, &name, case, &hostile());
    let _ = match lib {
        0 => guarded(|| feed_rs::parser::parse(data.as_slice()).map(|f| f.entries.len()).map_err(|e| e.to_string())),
        1 => guarded(|| rss::Channel::read_from(data.as_slice()).map(|f| f.items.len()).map_err(|e| e.to_string())),
        _ => guarded(|| atom_syndication::Feed::read_from(data.as_slice()).map(|f| f.entries.len()).map_err(|e| e.to_string())),
    };
}

fn dump(file: &str, case: u64) {
    let base = std::fs::read(file).unwrap();
    let name = std::path::Path::new(file).file_name().unwrap().to_string_lossy().to_string();
    std::io::stdout().write_all(&mutate(&base, &name, case, &hostile())).unwrap();
}

fn main() {
    quiet_panics();
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("files") => {
            for f in &args[2..] {
                let bytes = std::fs::read(f).unwrap();
                let res = run_all(&bytes);
                for (lib, r) in LIBS.iter().zip(res.iter()) {
                    println!("{f}\t{lib}\t{}\t{}", r.kind(), r.show());
                }
            }
        }
        Some("worker") => worker(&args[2], args[3].parse().unwrap(), args[4].parse().unwrap()),
        Some("mutate") => {
            let total = std::env::var("CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(2000);
            drive(&args[2], &args[3..], total)
        }
        Some("one") => one(args[2].parse().unwrap(), &args[3], args[4].parse().unwrap()),
        Some("lib") => {
            let bytes = std::fs::read(&args[3]).unwrap();
            let lib: usize = args[2].parse().unwrap();
            let r = match lib {
                0 => guarded(|| feed_rs::parser::parse(bytes.as_slice()).map(|f| f.entries.len()).map_err(|e| e.to_string())),
                1 => guarded(|| rss::Channel::read_from(bytes.as_slice()).map(|f| f.items.len()).map_err(|e| e.to_string())),
                _ => guarded(|| atom_syndication::Feed::read_from(bytes.as_slice()).map(|f| f.entries.len()).map_err(|e| e.to_string())),
            };
            println!("{}", r.show());
        }
        Some("dump") => dump(&args[2], args[3].parse().unwrap()),
        _ => eprintln!("usage: feed-libraries files|mutate|worker|one|dump ..."),
    }
}
