//! `corpus generate`: a deterministic synthetic corpus of any size for tests and
//! benchmarks, with Zipf-like keyword frequencies, many authors, bodies of 300–1500
//! words, and some Chinese articles. The same seed gives the same corpus on every machine.

mod article;
mod vocabulary;

use crate::output::write_atomically;
use article::Generator;
use clap::Args;
use insight_corpus::CORPUS_VERSION;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Generate a synthetic corpus (or Markdown files) for tests and benchmarks.
#[derive(Args)]
pub struct GenerateArgs {
    /// How many articles.
    #[arg(long)]
    articles: usize,
    /// The random seed; the same seed gives the same corpus.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Where to write the corpus JSON.
    #[arg(short, long, required_unless_present_any = ["markdown", "jekyll", "html"])]
    output: Option<PathBuf>,
    /// Write one Markdown file with front matter per article into this folder instead.
    #[arg(long)]
    markdown: Option<PathBuf>,
    /// Write a Jekyll site into this folder instead: `_config.yml`, the articles as
    /// posts in `_posts/`, a page and a layout.
    #[arg(long)]
    jekyll: Option<PathBuf>,
    /// Write one saved HTML article page per article into this folder instead.
    #[arg(long)]
    html: Option<PathBuf>,
}

pub fn execute(args: GenerateArgs) -> Result<ExitCode, String> {
    let generator = Generator::new(args.seed, args.articles);
    if let Some(folder) = &args.markdown {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("{}: cannot create: {e}", folder.display()))?;
        parallel_chunks(args.articles, |range| {
            for i in range {
                let (name, text) = generator.markdown(i);
                std::fs::write(folder.join(name), text)
                    .map_err(|e| format!("{}: cannot write: {e}", folder.display()))?;
            }
            Ok(Vec::new())
        })?;
        eprintln!(
            "generated {} Markdown articles in {}",
            args.articles,
            folder.display()
        );
    }
    if let Some(folder) = &args.html {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("{}: cannot create: {e}", folder.display()))?;
        parallel_chunks(args.articles, |range| {
            for i in range {
                let (name, page) = generator.html_page(i);
                std::fs::write(folder.join(name), page)
                    .map_err(|e| format!("{}: cannot write: {e}", folder.display()))?;
            }
            Ok(Vec::new())
        })?;
        eprintln!(
            "generated {} HTML pages in {}",
            args.articles,
            folder.display()
        );
    }
    if let Some(folder) = &args.jekyll {
        write_jekyll_site(&generator, args.articles, folder)?;
    }
    if let Some(output) = &args.output {
        let mut json = Vec::with_capacity(args.articles * 8 * 1024);
        write!(json, "{{\"version\":{CORPUS_VERSION},\"title\":\"Synthetic corpus (seed {})\",\"notice\":\"Generated text for tests and benchmarks.\",\"articles\":[", args.seed)
            .map_err(|e| e.to_string())?;
        let parts = parallel_chunks(args.articles, |range| {
            let mut part = Vec::new();
            for i in range {
                if i > 0 {
                    part.push(b',');
                }
                serde_json::to_writer(&mut part, &generator.article(i))
                    .map_err(|e| e.to_string())?;
            }
            Ok(part)
        })?;
        parts.iter().for_each(|part| json.extend_from_slice(part));
        json.extend_from_slice(b"]}");
        write_atomically(output, &json)?;
        eprintln!(
            "generated {} articles → {} ({} bytes)",
            args.articles,
            output.display(),
            json.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A Jekyll site of `count` posts in `folder`, with the settings and files a blog has.
fn write_jekyll_site(generator: &Generator, count: usize, folder: &Path) -> Result<(), String> {
    let posts = folder.join("_posts");
    let layouts = folder.join("_layouts");
    for dir in [&posts, &layouts] {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    }
    let files = [
        (
            folder.join("_config.yml"),
            "title: Generated Notes\nauthor:\n  name: Generated Author\nurl: https://notes.example.org\nbaseurl: /archive\npermalink: pretty\n",
        ),
        (folder.join("about.md"), "---\nlayout: page\ntitle: About\n---\n\nA generated site.\n"),
        (layouts.join("post.html"), "<article>{{ content }}</article>\n"),
    ];
    for (path, text) in files {
        std::fs::write(&path, text)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    parallel_chunks(count, |range| {
        for i in range {
            let (name, text) = generator.jekyll_post(i);
            std::fs::write(posts.join(name), text)
                .map_err(|e| format!("{}: cannot write: {e}", posts.display()))?;
        }
        Ok(Vec::new())
    })?;
    eprintln!(
        "generated a Jekyll site of {count} posts in {}",
        folder.display()
    );
    Ok(())
}

/// Runs `work` over `0..count` split into one range per core; results keep their order.
fn parallel_chunks<F>(count: usize, work: F) -> Result<Vec<Vec<u8>>, String>
where
    F: Fn(std::ops::Range<usize>) -> Result<Vec<u8>, String> + Sync,
{
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16);
    let chunk = count.div_ceil(threads * 4).max(1);
    let ranges: Vec<_> = (0..count)
        .step_by(chunk)
        .map(|start| start..(start + chunk).min(count))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(vec![None; ranges.len()]);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(range) = ranges.get(i) else { break };
                let result = work(range.clone());
                if let Ok(mut results) = results.lock() {
                    results[i] = Some(result);
                }
            });
        }
    });
    let results = results
        .into_inner()
        .map_err(|_| "a generator thread failed".to_string())?;
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("a generator thread failed".to_string())))
        .collect()
}
