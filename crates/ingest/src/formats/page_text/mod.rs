//! Article pages saved as plain text: navigation, title, byline, body, bio and keywords.
//! No author or source: a warning and a stand-in ("Unknown author"); no readable date: an error.

mod body;
mod byline;
mod lines;
#[cfg(test)]
mod tests;

use crate::entry::Entry;
use crate::error::IngestError;
use crate::options::{Options, SourceFrom};
use crate::slug::choose_id;
use body::{keywords_value, paragraphs, split_keywords, summary, take_bio, Paragraph};
use byline::{field, is_byline, read_byline, segments, strip_author_prefix, Field};
use insight_corpus::{Article, Block, Date, Inline};
use lines::{is_breadcrumb, is_navigation, is_navigation_heading, split_lines, Line, MAX_LINES};
use std::path::Path;

/// How much of a file [`looks_like_page_text`] looks at.
const DETECT_LEN: usize = 64 * 1024;

/// Whether `text` looks like a saved article page (used to detect .txt and unknown files):
/// at least two of a breadcrumb line, a byline (two fields count double) and a keywords
/// line. Markdown front matter, JSON and markup are never taken for a page.
pub fn looks_like_page_text(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head = text.trim_start();
    if head.starts_with(['{', '[', '<']) || head.starts_with("+++") || head.starts_with("---") {
        return false;
    }
    let mut end = text.len().min(DETECT_LEN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let lines = split_lines(text.get(..end).unwrap_or("")).unwrap_or_default();
    let early: Vec<&Line> = lines
        .iter()
        .filter(|line| !line.is_blank())
        .take(60)
        .collect();
    let breadcrumb = usize::from(early.iter().any(|line| is_breadcrumb(&line.text)));
    let byline = early
        .iter()
        .map(|line| byline::field_count(&line.text))
        .max()
        .unwrap_or(0)
        .min(2);
    let keywords = usize::from(
        lines
            .iter()
            .any(|line| keywords_value(&line.text).is_some()),
    );
    breadcrumb + byline + keywords >= 2
}

/// The part of a page's visible text (a saved HTML page's) that is a saved article page:
/// from its breadcrumb line on, when it has a breadcrumb, a byline of two or more fields
/// after it, and a keywords line. A site's menu above the breadcrumb is left off; a blog
/// post's byline alone, or a tag page's list of bylines, is not enough.
pub fn institute_page(text: &str) -> Option<&str> {
    let mut offset = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        if is_breadcrumb(line.trim()) {
            start = Some(offset);
            break;
        }
        offset += line.len();
    }
    let page = &text[start?..];
    let lines = split_lines(page)?;
    let early = lines.iter().filter(|line| !line.is_blank()).take(60);
    let byline = early.map(|line| byline::field_count(&line.text)).max()? >= 2;
    let keywords = lines
        .iter()
        .any(|line| keywords_value(&line.text).is_some());
    (byline && keywords).then_some(page)
}

/// Reads one saved page into one entry.
///
/// The page is, in order: navigation (breadcrumb and the like, dropped), the title line
/// (a leading "Author Name: " naming the byline's author is dropped), the byline, the
/// body paragraphs (separated by blank lines), perhaps a bio paragraph ("The author
/// is …"), the "Key Words:" line, and trailing navigation (dropped). Every field's
/// absence is reported: author and source with a warning and a stand-in value, the date
/// with an error (an article cannot be placed without one), as is a page without body.
pub fn read(path: &Path, text: &str, options: &Options) -> Entry {
    let Some(lines) = split_lines(text) else {
        let message = format!(
            "more than {MAX_LINES} lines, far more than a saved article page has; \
             check that the file is one saved page"
        );
        return Entry::error(IngestError::new(path, None, message));
    };
    let built = find_layout(&lines)
        .map_err(|failure| vec![failure])
        .and_then(|layout| build(path, &layout, options));
    match built {
        Ok((article, warnings, line, source_from)) => {
            Entry::checked(path, Some(line), article, warnings, source_from)
        }
        Err(failures) => Entry::Errors(
            failures
                .into_iter()
                .map(|(line, message)| IngestError::new(path, line, message))
                .collect(),
        ),
    }
}

type Failure = (Option<usize>, String);

/// Where the parts of a page are.
struct Layout<'a> {
    title_line: usize,
    title: String,
    byline: Vec<&'a Line>,
    body: &'a [Line],
    /// The keywords line's number and its value.
    keywords: Option<(usize, String)>,
    tail: &'a [Line],
}

/// The index of the first line at or after `from` for which `pass` is false.
fn skip(lines: &[Line], from: usize, pass: impl Fn(&Line) -> bool) -> usize {
    lines
        .iter()
        .skip(from)
        .position(|line| !pass(line))
        .map_or(lines.len(), |at| from + at)
}

fn find_layout(lines: &[Line]) -> Result<Layout<'_>, Failure> {
    let start = skip(lines, 0, |line| {
        line.is_blank() || is_navigation(&line.text)
    });
    let Some(first) = lines.get(start) else {
        return Err((
            None,
            "the page has no text besides navigation; a saved page starts with the title \
             line, then the byline"
                .to_string(),
        ));
    };
    // A title such as "By the Numbers: …" looks like a one-field byline; it is the
    // title when the real byline follows it.
    let next = skip(lines, start + 1, |line| {
        line.is_blank() || is_navigation(&line.text)
    });
    let byline_follows = lines.get(next).is_some_and(|line| is_byline(&line.text));
    if is_byline(&first.text) && !(byline::field_count(&first.text) == 1 && byline_follows) {
        return Err((
            Some(first.number),
            "no title line above the byline; put the article's title on the line before it"
                .to_string(),
        ));
    }
    let title_end = title_end(lines, start);
    let title_lines = lines.get(start..title_end).unwrap_or_default();
    let title = paragraphs(title_lines)
        .into_iter()
        .map(|paragraph| paragraph.text)
        .collect::<Vec<_>>()
        .join(" ");
    let (byline, body_start) = byline_lines(lines, title_end);
    let rest = lines.get(body_start..).unwrap_or_default();
    let (body, keywords, tail) = split_rest(rest);
    Ok(Layout {
        title_line: first.number,
        title,
        byline,
        body,
        keywords,
        tail,
    })
}

/// The end of the title: one line, or up to three wrapped lines directly above a byline.
fn title_end(lines: &[Line], start: usize) -> usize {
    for end in start + 1..=start + 3 {
        match lines.get(end) {
            Some(line) if is_byline(&line.text) => return end,
            Some(line) if !line.is_blank() => continue,
            _ => break,
        }
    }
    start + 1
}

/// The byline's lines after the title, and where the body starts. A later line joins
/// the byline only if it is all fields the byline does not have yet, so a body that
/// opens "By 2030, …" stays body.
fn byline_lines(lines: &[Line], from: usize) -> (Vec<&Line>, usize) {
    let mut found: Vec<&Line> = Vec::new();
    let mut seen: Vec<Field> = Vec::new();
    let mut next = from;
    loop {
        let at = skip(lines, next, |line| {
            line.is_blank() || is_navigation(&line.text)
        });
        let Some(line) = lines.get(at).filter(|line| is_byline(&line.text)) else {
            break;
        };
        let kinds: Option<Vec<Field>> = segments(&line.text)
            .into_iter()
            .map(|segment| field(segment).map(|(kind, _)| kind))
            .collect();
        if !found.is_empty()
            && !kinds
                .as_ref()
                .is_some_and(|k| k.iter().all(|kind| !seen.contains(kind)))
        {
            break;
        }
        seen.extend(kinds.unwrap_or_default());
        found.push(line);
        next = at + 1;
    }
    let body_start = if found.is_empty() { from } else { next };
    (found, body_start)
}

/// Splits what follows the byline into body, keywords and trailing navigation. With no
/// keywords line, the body ends at a link-list heading such as "Related Articles".
fn split_rest(rest: &[Line]) -> (&[Line], Option<(usize, String)>, &[Line]) {
    let Some(at) = rest
        .iter()
        .rposition(|line| keywords_value(&line.text).is_some())
    else {
        let end = rest
            .iter()
            .position(|line| is_navigation_heading(&line.text))
            .unwrap_or(rest.len());
        let (body, tail) = rest.split_at_checked(end).unwrap_or((rest, &[]));
        return (body, None, tail);
    };
    let (body, from_keywords) = rest.split_at_checked(at).unwrap_or((rest, &[]));
    let Some((line, after)) = from_keywords.split_first() else {
        return (body, None, from_keywords);
    };
    let mut value = keywords_value(&line.text).unwrap_or("").to_string();
    let mut tail = after;
    if value.is_empty() {
        // "Key Words:" alone, the keywords on the next line.
        let next = skip(after, 0, Line::is_blank);
        if let Some(next_line) = after.get(next).filter(|l| !is_navigation(&l.text)) {
            value = next_line.text.trim().to_string();
            tail = after.get(next + 1..).unwrap_or_default();
        }
    }
    (body, Some((line.number, value)), tail)
}

/// The lines without navigation lines ("Share", "Print") at the start or end.
fn trim_navigation(lines: &[Line]) -> &[Line] {
    let is_padding = |line: &Line| line.is_blank() || is_navigation(&line.text);
    let start = skip(lines, 0, is_padding);
    let end = lines
        .iter()
        .rposition(|line| !is_padding(line))
        .map_or(start, |at| at + 1);
    lines.get(start..end.max(start)).unwrap_or_default()
}

/// Builds the article (with its warnings and the line to report problems at), or every
/// reason it cannot be built.
fn build(
    path: &Path,
    layout: &Layout,
    options: &Options,
) -> Result<(Article, Vec<IngestError>, usize, SourceFrom), Vec<Failure>> {
    let mut warnings = Vec::new();
    let dated = dated_byline(path, layout, &mut warnings);
    let mut paragraphs = paragraphs(trim_navigation(layout.body));
    let bio = take_bio(&mut paragraphs);
    let mut failures = Vec::new();
    let under = match &dated {
        Ok((_, _, line)) => *line,
        Err(failure) => {
            failures.push(failure.clone());
            layout.title_line
        }
    };
    if paragraphs.is_empty() {
        failures.push((
            Some(under),
            "no body text between the byline and the keywords; put the article's paragraphs \
             under the byline, separated by blank lines"
                .to_string(),
        ));
    }
    let (Ok((byline, published, byline_line)), Some(first), true) =
        (dated, paragraphs.first(), failures.is_empty())
    else {
        return Err(failures);
    };
    let title = strip_author_prefix(&layout.title, &byline.authors).to_string();
    let warn = |message: &str| IngestError::new(path, Some(byline_line), message);
    if byline.authors.is_empty() {
        warnings.push(warn(
            "byline: no author (\"By\") field; the article names no author \
             (add \"By Author Name\" to the byline if it has one)",
        ));
    }
    let authors = byline.authors;
    let (source, source_from) = options.source(byline.source);
    let keywords = keywords(path, layout, &mut warnings);
    let texts = std::iter::once(title.as_str()).chain(paragraphs.iter().map(|p| p.text.as_str()));
    let article = Article {
        id: article_id(path, &title, published),
        language: body::language(texts, &options.default_language),
        summary: summary(&first.text),
        body: paragraphs.into_iter().map(paragraph_block).collect(),
        title,
        authors,
        source,
        published,
        keywords,
        bio,
        url: None,
    };
    Ok((article, warnings, layout.title_line, source_from))
}

/// The byline's fields, its date (which an article cannot do without) and its line.
fn dated_byline(
    path: &Path,
    layout: &Layout,
    warnings: &mut Vec<IngestError>,
) -> Result<(byline::Byline, Date, usize), Failure> {
    let Some(byline_line) = layout.byline.first().map(|line| line.number) else {
        return Err((
            Some(layout.title_line),
            "no byline under the title; an article needs at least a date (add a line such as \
             \"By Author Name    Source: Outlet    Published: 2021-04-12\" under the title)"
                .to_string(),
        ));
    };
    let mut byline = read_byline(path, &layout.byline, warnings);
    match byline.date.take() {
        Some(Ok(date)) => Ok((byline, date, byline_line)),
        Some(Err(error)) => Err((error.line, error.message)),
        None => Err((
            Some(byline_line),
            "byline: no \"Published:\" field; an article needs a date \
             (add \"Published: 2021-04-12\" to the byline)"
                .to_string(),
        )),
    }
}

fn paragraph_block(paragraph: Paragraph) -> Block {
    Block::Paragraph {
        content: vec![Inline::text(paragraph.text)],
    }
}

/// The keywords, warning when there is no keywords line or when text other than
/// navigation follows it.
fn keywords(path: &Path, layout: &Layout, warnings: &mut Vec<IngestError>) -> Vec<String> {
    let mut in_link_list = false;
    let left_out: Vec<&Line> = layout
        .tail
        .iter()
        .filter(|line| {
            in_link_list |= is_navigation_heading(&line.text);
            !(line.is_blank() || in_link_list || is_navigation(&line.text))
        })
        .collect();
    if let Some(first) = left_out.first() {
        let preview: String = first.text.trim().chars().take(60).collect();
        warnings.push(IngestError::new(
            path,
            Some(first.number),
            format!(
                "left out {} line(s) after the keywords, starting {preview:?} (only navigation \
                 belongs there; move article text above the \"Key Words:\" line)",
                left_out.len()
            ),
        ));
    }
    let Some((_, value)) = &layout.keywords else {
        warnings.push(IngestError::new(
            path,
            None,
            "no \"Key Words:\" line; the article has no keywords (add a line such as \
             \"Key Words: water   governance\" after the body)",
        ));
        return Vec::new();
    };
    split_keywords(value)
}

/// The id: the file stem's slug (without a leading date), else the title's, else
/// `article-` and a stable hash of title and date (for Chinese titles).
fn article_id(path: &Path, title: &str, published: Date) -> String {
    let stem = path
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or("");
    choose_id(None, stem, title, &published.to_string())
}
