//! Making one synthetic article from the seed and its position, so articles can be made
//! in any order and on any thread and still come out the same.

use super::vocabulary::*;
use insight_corpus::{Article, Block, Date, Inline};
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// One part of a synthetic body.
enum Part {
    Heading(String),
    Paragraph(String),
    List(Vec<String>),
    Quote(String),
}

/// Everything about an article except its final shape (corpus record or Markdown file).
struct Draft {
    id: String,
    title: String,
    authors: Vec<String>,
    source: String,
    date: Date,
    keywords: Vec<String>,
    chinese: bool,
    parts: Vec<Part>,
}

pub struct Generator {
    seed: u64,
    keywords: Vec<String>,
    /// Cumulative Zipf weights over `keywords` (s = 1.05).
    keyword_weights: Vec<f64>,
    authors: Vec<String>,
    author_weights: Vec<f64>,
    sources: Vec<String>,
}

fn zipf(n: usize, s: f64) -> Vec<f64> {
    let mut total = 0.0;
    (1..=n)
        .map(|k| {
            total += 1.0 / (k as f64).powf(s);
            total
        })
        .collect()
}

fn pick(weights: &[f64], rng: &mut Pcg64Mcg) -> usize {
    let total = weights.last().copied().unwrap_or(1.0);
    let x = rng.random::<f64>() * total;
    weights
        .partition_point(|&w| w < x)
        .min(weights.len().saturating_sub(1))
}

impl Generator {
    pub fn new(seed: u64, articles: usize) -> Generator {
        let mut keywords: Vec<String> = TOPICS
            .iter()
            .chain(PLACES.iter())
            .map(|s| s.to_string())
            .collect();
        for q in QUALIFIERS {
            for t in TOPICS {
                keywords.push(format!("{q} {t}"));
            }
        }
        let author_count = (articles / 12).clamp(40, GIVEN.len() * FAMILY.len());
        let authors: Vec<String> = (0..author_count)
            // (i / 32 + i) % 32 runs through every family name once per given name.
            .map(|i| {
                format!(
                    "{} {}",
                    GIVEN[i % GIVEN.len()],
                    FAMILY[(i / GIVEN.len() + i) % FAMILY.len()]
                )
            })
            .collect();
        let sources = OUTLET_FIRST
            .iter()
            .flat_map(|a| OUTLET_SECOND.iter().map(move |b| format!("{a} {b}")))
            .collect();
        Generator {
            seed,
            keyword_weights: zipf(keywords.len(), 1.05),
            keywords,
            author_weights: zipf(authors.len(), 0.8),
            authors,
            sources,
        }
    }

    fn draft(&self, index: usize) -> Draft {
        let mut rng =
            Pcg64Mcg::seed_from_u64(self.seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let chinese = rng.random_range(0..10) == 0;
        let mut keywords: Vec<String> = Vec::new();
        let wanted = rng.random_range(3..=8);
        while keywords.len() < wanted {
            let keyword = if chinese && rng.random_range(0..3) > 0 {
                CHINESE_KEYWORDS[rng.random_range(0..CHINESE_KEYWORDS.len())].to_string()
            } else {
                self.keywords[pick(&self.keyword_weights, &mut rng)].clone()
            };
            if !keywords.contains(&keyword) {
                keywords.push(keyword);
            }
        }
        let mut authors = vec![self.authors[pick(&self.author_weights, &mut rng)].clone()];
        if rng.random_range(0..7) == 0 {
            let second = self.authors[rng.random_range(0..self.authors.len())].clone();
            if second != authors[0] {
                authors.push(second);
            }
        }
        // Days run to 28 only, so every draw is a real date and the loop ends at once.
        let date = loop {
            if let Some(date) = Date::new(
                rng.random_range(2000..=2025),
                rng.random_range(1..=12),
                rng.random_range(1..=28),
            ) {
                break date;
            }
        };
        let title = if chinese {
            chinese_title(&keywords, &mut rng)
        } else {
            english_title(&keywords, &mut rng)
        };
        let words = rng.random_range(300..=1500);
        let parts = if chinese {
            chinese_body(words, &mut rng)
        } else {
            english_body(words, &mut rng)
        };
        let id = if chinese {
            format!("zh-{index}")
        } else {
            format!("{}-{index}", insight_ingest::slugify(&title))
        };
        Draft {
            id,
            title,
            authors,
            source: self.sources[rng.random_range(0..self.sources.len())].clone(),
            date,
            keywords,
            chinese,
            parts,
        }
    }

    /// The article at `index` as a corpus record.
    pub fn article(&self, index: usize) -> Article {
        let draft = self.draft(index);
        let text = |t: &String| vec![Inline::text(t.clone())];
        let body: Vec<Block> = draft
            .parts
            .iter()
            .map(|part| match part {
                Part::Heading(t) => Block::Heading {
                    level: 2,
                    content: text(t),
                },
                Part::Paragraph(t) => Block::Paragraph { content: text(t) },
                Part::Quote(t) => Block::Quote {
                    blocks: vec![Block::Paragraph { content: text(t) }],
                },
                Part::List(items) => Block::List {
                    ordered: false,
                    items: items
                        .iter()
                        .map(|i| vec![Block::Paragraph { content: text(i) }])
                        .collect(),
                },
            })
            .collect();
        Article {
            summary: summary(&draft.parts),
            bio: Some(format!(
                "{} is a generated author for tests and benchmarks.",
                draft.authors.join(" and ")
            )),
            url: Some(format!("https://example.org/articles/{}", draft.id)),
            id: draft.id,
            title: draft.title,
            authors: draft.authors,
            source: draft.source,
            published: draft.date,
            keywords: draft.keywords,
            language: if draft.chinese { "zh" } else { "en" }.to_string(),
            body,
        }
    }

    /// The article at `index` as a Markdown file with front matter: (file name, text).
    pub fn markdown(&self, index: usize) -> (String, String) {
        let draft = self.draft(index);
        let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let list = |items: &[String]| {
            items
                .iter()
                .map(|s| quote(s))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut text = if index.is_multiple_of(2) {
            format!(
                "---\ntitle: {}\nauthor: [{}]\nsource: {}\ndate: {}\ntags: [{}]\nlang: {}\n---\n\n",
                quote(&draft.title),
                list(&draft.authors),
                quote(&draft.source),
                draft.date,
                list(&draft.keywords),
                if draft.chinese { "zh" } else { "en" }
            )
        } else {
            format!(
                "+++\ntitle = {}\nauthors = [{}]\nsource = {}\ndate = {}\nkeywords = [{}]\nlanguage = \"{}\"\n+++\n\n",
                quote(&draft.title), list(&draft.authors), quote(&draft.source), draft.date, list(&draft.keywords),
                if draft.chinese { "zh" } else { "en" }
            )
        };
        markdown_body(&draft.parts, &mut text);
        (format!("{}-{}.md", draft.date, draft.id), text)
    }

    /// The article at `index` as a Jekyll post, front matter as a Jekyll blog writes it
    /// (no source: the site names it): (file name under `_posts/`, text).
    pub fn jekyll_post(&self, index: usize) -> (String, String) {
        let draft = self.draft(index);
        let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let tags: Vec<String> = draft.keywords.iter().map(|k| quote(k)).collect();
        let mut text = format!(
            "---\nlayout: post\ntitle: {}\ndate: {} 09:00:00 +0000\ntags: [{}]\n",
            quote(&draft.title),
            draft.date,
            tags.join(", ")
        );
        // Half the posts name their authors; the rest take the site's.
        if index.is_multiple_of(2) {
            text.push_str(&format!(
                "author: {}\n",
                quote(&draft.authors.join(" and "))
            ));
        }
        if draft.chinese {
            text.push_str("lang: zh\n");
        }
        text.push_str("---\n\n");
        markdown_body(&draft.parts, &mut text);
        (format!("{}-{}.md", draft.date, draft.id), text)
    }
}

fn summary(parts: &[Part]) -> String {
    parts
        .iter()
        .find_map(|p| match p {
            Part::Paragraph(t) => Some(t.chars().take(220).collect::<String>()),
            _ => None,
        })
        .unwrap_or_default()
}

fn english_title(keywords: &[String], rng: &mut Pcg64Mcg) -> String {
    let a = &keywords[0];
    let b = &keywords[1 % keywords.len()];
    let w = WORDS[rng.random_range(0..40)];
    match rng.random_range(0..5) {
        0 => format!("Why {a} needs better {w}"),
        1 => format!("What {b} teaches us about {a}"),
        2 => format!("The hidden {w} of {a}"),
        3 => format!("{}: a plan for {b}", capitalise(a)),
        _ => format!("Getting {a} and {b} right"),
    }
}

fn chinese_title(keywords: &[String], rng: &mut Pcg64Mcg) -> String {
    let w = CHINESE_WORDS[rng.random_range(0..CHINESE_WORDS.len())];
    format!(
        "{}与{}：{}的新思路",
        keywords[0],
        keywords[1 % keywords.len()],
        w
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn sentence(rng: &mut Pcg64Mcg) -> String {
    let n = rng.random_range(8..=20);
    let words: Vec<&str> = (0..n)
        .map(|_| WORDS[rng.random_range(0..WORDS.len())])
        .collect();
    format!("{}.", capitalise(&words.join(" ")))
}

fn english_body(words: usize, rng: &mut Pcg64Mcg) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut written = 0;
    while written < words {
        let kind = rng.random_range(0..12);
        if kind == 0 && !parts.is_empty() {
            parts.push(Part::Heading(capitalise(
                &(0..4)
                    .map(|_| WORDS[rng.random_range(0..40)])
                    .collect::<Vec<_>>()
                    .join(" "),
            )));
        } else if kind == 1 {
            let items: Vec<String> = (0..rng.random_range(2..=5))
                .map(|_| sentence(rng))
                .collect();
            written += items.iter().map(|i| i.split(' ').count()).sum::<usize>();
            parts.push(Part::List(items));
        } else if kind == 2 {
            let quote = sentence(rng);
            written += quote.split(' ').count();
            parts.push(Part::Quote(quote));
        } else {
            let mut paragraph = String::new();
            while paragraph.split(' ').count() < rng.random_range(40..=110) {
                if !paragraph.is_empty() {
                    paragraph.push(' ');
                }
                paragraph.push_str(&sentence(rng));
            }
            written += paragraph.split(' ').count();
            parts.push(Part::Paragraph(paragraph));
        }
    }
    parts
}

fn chinese_body(words: usize, rng: &mut Pcg64Mcg) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut written = 0;
    while written < words {
        let mut paragraph = String::new();
        for _ in 0..rng.random_range(3..=7) {
            let n = rng.random_range(6..=14);
            written += n;
            (0..n).for_each(|_| {
                paragraph.push_str(CHINESE_WORDS[rng.random_range(0..CHINESE_WORDS.len())])
            });
            paragraph.push('。');
        }
        parts.push(Part::Paragraph(paragraph));
    }
    parts
}

impl Generator {
    /// The article at `index` as a saved HTML page, as a news site serves it: site menu,
    /// JSON-LD and OpenGraph metadata, the article, related links, a footer:
    /// (file name, page).
    pub fn html_page(&self, index: usize) -> (String, String) {
        let draft = self.draft(index);
        let e = escape_html;
        let authors: Vec<String> = draft
            .authors
            .iter()
            .map(|a| format!("{{\"@type\":\"Person\",\"name\":{}}}", json_text(a)))
            .collect();
        let lang = if draft.chinese { "zh" } else { "en" };
        let mut page = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title} | {source}</title>\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta property=\"og:title\" content=\"{title}\">\n<meta property=\"og:site_name\" content=\"{source}\">\n\
             <meta property=\"article:published_time\" content=\"{date}T09:00:00+00:00\">\n\
             <link rel=\"canonical\" href=\"https://news.example.org/{date}/{id}/\">\n\
             <link rel=\"stylesheet\" href=\"/static/site.css\">\n<script src=\"/static/site.js\" defer></script>\n\
             <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":{headline},\"datePublished\":\"{date}\",\"author\":[{authors}],\"keywords\":{keywords},\"publisher\":{{\"@type\":\"Organization\",\"name\":{publisher}}}}}</script>\n\
             </head>\n<body>\n<header class=\"site\"><a href=\"/\">{source}</a><nav><a href=\"/topics\">Topics</a> <a href=\"/about\">About</a> <a href=\"/subscribe\">Subscribe</a></nav></header>\n\
             <main>\n<article>\n<h1>{title}</h1>\n<p class=\"byline\">By {names} · <time datetime=\"{date}\">{date}</time></p>\n",
            title = e(&draft.title),
            source = e(&draft.source),
            date = draft.date,
            id = draft.id,
            headline = json_text(&draft.title),
            authors = authors.join(","),
            keywords = json_text(&draft.keywords.join(", ")),
            publisher = json_text(&draft.source),
            names = e(&draft.authors.join(" and ")),
        );
        for part in &draft.parts {
            match part {
                Part::Heading(t) => page.push_str(&format!("<h2>{}</h2>\n", e(t))),
                Part::Paragraph(t) => page.push_str(&format!("<p>{}</p>\n", e(t))),
                Part::Quote(t) => {
                    page.push_str(&format!("<blockquote><p>{}</p></blockquote>\n", e(t)))
                }
                Part::List(items) => {
                    page.push_str("<ul>\n");
                    items
                        .iter()
                        .for_each(|i| page.push_str(&format!("<li>{}</li>\n", e(i))));
                    page.push_str("</ul>\n");
                }
            }
        }
        page.push_str("</article>\n<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a\">More analysis</a></li><li><a href=\"/b\">Latest commentary</a></li></ul></aside>\n</main>\n<footer><p>Generated page for tests and benchmarks.</p><nav><a href=\"/privacy\">Privacy</a> <a href=\"/contact\">Contact</a></nav></footer>\n</body>\n</html>\n");
        (format!("{}-{}.html", draft.date, draft.id), page)
    }
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn json_text(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// Writes an article's parts as Markdown.
fn markdown_body(parts: &[Part], text: &mut String) {
    for part in parts {
        match part {
            Part::Heading(t) => text.push_str(&format!("## {t}\n\n")),
            Part::Paragraph(t) => text.push_str(&format!("{t}\n\n")),
            Part::Quote(t) => text.push_str(&format!("> {t}\n\n")),
            Part::List(items) => {
                items
                    .iter()
                    .for_each(|i| text.push_str(&format!("- {i}\n")));
                text.push('\n');
            }
        }
    }
}
