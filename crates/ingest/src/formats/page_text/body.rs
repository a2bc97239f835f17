//! The text between the byline and the keywords: paragraphs, the author's bio, the
//! summary, the language, and the keywords line itself.

use super::lines::{fold, is_cjk, is_han, split_label, split_wide, Line};

/// A paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Paragraph {
    pub text: String,
}

/// Paragraphs separated by blank lines, or started by an ideographic-space indent
/// (as Chinese pages mark them). Wrapped lines are joined with a space (none between
/// two Chinese characters) and runs of whitespace become one space.
pub(super) fn paragraphs(lines: &[Line]) -> Vec<Paragraph> {
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut open = false;
    for line in lines {
        if line.is_blank() {
            open = false;
            continue;
        }
        let text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let indented = line.text.starts_with('\u{3000}');
        match paragraphs.last_mut() {
            Some(last) if open && !indented => {
                let glued = last.text.ends_with(is_cjk) && text.starts_with(is_cjk);
                if !glued {
                    last.text.push(' ');
                }
                last.text.push_str(&text);
            }
            _ => paragraphs.push(Paragraph { text }),
        }
        open = true;
    }
    paragraphs
}

/// Takes the last paragraph off as the bio when it starts "The author is", "The
/// author(s)", "The writer is" or "作者系/为/是" (perhaps in brackets) and is not the
/// only paragraph.
pub(super) fn take_bio(paragraphs: &mut Vec<Paragraph>) -> Option<String> {
    if paragraphs.len() < 2 || !paragraphs.last().is_some_and(|p| is_bio(&p.text)) {
        return None;
    }
    let bio = paragraphs.pop()?.text;
    let unwrapped = [('(', ')'), ('（', '）')].iter().find_map(|(open, close)| {
        bio.strip_prefix(*open)
            .and_then(|inner| inner.strip_suffix(*close))
    });
    Some(unwrapped.map_or(bio.clone(), |inner| inner.trim().to_string()))
}

fn is_bio(text: &str) -> bool {
    let text = text.trim_start_matches(['(', '（']).trim_start();
    if ["作者系", "作者为", "作者是"]
        .iter()
        .any(|start| text.starts_with(start))
    {
        return true;
    }
    let head: String = text
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    ["the author", "the writer"].iter().any(|start| {
        head.strip_prefix(start).is_some_and(|rest| {
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            !rest.starts_with(char::is_alphanumeric)
        })
    })
}

/// The summary: the paragraph's text, cut at about 300 characters on a word boundary
/// (or anywhere, for text without spaces) with "…".
pub(super) fn summary(text: &str) -> String {
    const LIMIT: usize = 300;
    if text.chars().count() <= LIMIT {
        return text.to_string();
    }
    let cut: String = text.chars().take(LIMIT).collect();
    let at_word = cut.rfind(' ').filter(|at| {
        cut.get(..*at)
            .is_some_and(|head| head.chars().count() > LIMIT / 2)
    });
    let head = at_word.and_then(|at| cut.get(..at)).unwrap_or(&cut);
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:，；：、".contains(c));
    format!("{head}…")
}

/// "zh" when most letters of the text are Chinese characters, else the default.
pub(super) fn language<'a>(texts: impl Iterator<Item = &'a str>, default: &str) -> String {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in texts.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        letters += 1;
        han += usize::from(is_han(c));
    }
    if letters > 0 && han * 2 > letters {
        "zh".to_string()
    } else {
        default.to_string()
    }
}

/// The value of a keywords line ("Key Words:", "Keywords :", "Tags：", "关键词："), or
/// `None` when the line is not one.
pub(super) fn keywords_value(text: &str) -> Option<&str> {
    const LABELS: [&str; 9] = [
        "key words",
        "keywords",
        "key word",
        "keyword",
        "tags",
        "tag",
        "关键词",
        "关键字",
        "标签",
    ];
    let (label, value) = split_label(text)?;
    LABELS.contains(&fold(label).as_str()).then_some(value)
}

/// Keywords separated by two or more spaces, tabs, commas, semicolons or 、，；
/// (a single space stays inside a keyword), trimmed, without empties or repeats.
pub(super) fn split_keywords(value: &str) -> Vec<String> {
    let mut keywords: Vec<String> = Vec::new();
    for part in value.split([',', ';', '、', '，', '；']) {
        for keyword in split_wide(part) {
            let keyword = keyword.split_whitespace().collect::<Vec<_>>().join(" ");
            if !keywords.iter().any(|known| fold(known) == fold(&keyword)) {
                keywords.push(keyword);
            }
        }
    }
    keywords
}
