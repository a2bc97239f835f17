//! The lines of a saved page, with line endings, byte-order mark and no-break spaces
//! evened out, and the text helpers the page reader shares: wide gaps, labels, navigation.

/// One line of the page: its 1-based number in the file and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line {
    pub number: usize,
    pub text: String,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The most lines a page may have: saved article pages have a few hundred, and a
/// limit keeps a huge file from taking gigabytes of memory.
pub(super) const MAX_LINES: usize = 1_000_000;

/// Splits `text` into lines at `\r\n`, `\n` or a lone `\r`, after a leading byte-order
/// mark. No-break spaces become plain spaces; zero-width characters are removed.
/// `None` when there are more than [`MAX_LINES`] lines.
pub(super) fn split_lines(text: &str) -> Option<Vec<Line>> {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Vec::new();
    let mut number = 1;
    while let Some(at) = rest.find(['\r', '\n']) {
        if number >= MAX_LINES {
            return None;
        }
        let line = rest.get(..at).unwrap_or("");
        let width = if rest.get(at..).is_some_and(|r| r.starts_with("\r\n")) {
            2
        } else {
            1
        };
        lines.push(Line {
            number,
            text: even_out(line),
        });
        rest = rest.get(at + width..).unwrap_or("");
        number += 1;
    }
    lines.push(Line {
        number,
        text: even_out(rest),
    });
    Some(lines)
}

fn even_out(line: &str) -> String {
    line.chars()
        .filter(|c| !matches!(c, '\u{feff}' | '\u{200b}'))
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{2007}' => ' ',
            other => other,
        })
        .collect()
}

/// Whether `c` ends a wide gap by itself: a tab or an ideographic space.
fn is_wide_space(c: char) -> bool {
    c == '\t' || c == '\u{3000}'
}

/// Splits at runs of two or more spaces, and at any tab or ideographic space; a single
/// space stays inside its piece. Pieces are trimmed and empty ones dropped.
pub(super) fn split_wide(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut run: Option<(usize, usize, bool)> = None;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            let (run_start, count, wide) = run.unwrap_or((at, 0, false));
            run = Some((run_start, count + 1, wide || is_wide_space(c)));
        } else if let Some((run_start, count, wide)) = run.take() {
            if count >= 2 || wide {
                pieces.push(text.get(start..run_start).unwrap_or(""));
                start = at;
            }
        }
    }
    pieces.push(text.get(start..).unwrap_or(""));
    pieces
        .into_iter()
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect()
}

/// Splits `label: value` at the first ASCII or full-width colon, both parts trimmed.
pub(super) fn split_label(text: &str) -> Option<(&str, &str)> {
    let at = text.find([':', '：'])?;
    let colon = if text.get(at..)?.starts_with(':') {
        1
    } else {
        '：'.len_utf8()
    };
    Some((text.get(..at)?.trim(), text.get(at + colon..)?.trim()))
}

/// Lowercase (ASCII), with runs of whitespace made single spaces, for comparisons.
pub(super) fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded.make_ascii_lowercase();
    folded
}

/// Navigation lines are short; longer lines are never taken for navigation.
const NAVIGATION_MAX_LEN: usize = 500;

/// Whether the line is a "where you are" trail such as `Your Present Location :Home > News`.
pub(super) fn is_breadcrumb(text: &str) -> bool {
    if text.len() > NAVIGATION_MAX_LEN {
        return false;
    }
    const STARTS: [&str; 9] = [
        "your present location",
        "your location",
        "you are here",
        "current location",
        "location:",
        "您现在的位置",
        "您的位置",
        "当前位置",
        "现在位置",
    ];
    let folded = fold(text);
    if STARTS.iter().any(|start| folded.starts_with(start)) {
        return true;
    }
    ["home", "首页", "主页"].iter().any(|home| {
        folded
            .strip_prefix(home)
            .is_some_and(|rest| rest.trim_start().starts_with(['>', '»', '›']))
    })
}

/// Headings of the link lists that follow an article ("Related Articles"): they and the
/// lines after them are navigation.
const NAVIGATION_HEADINGS: [&str; 14] = [
    "latest insights",
    "related articles",
    "related article",
    "related reading",
    "related",
    "recommended",
    "recommended reading",
    "more insights",
    "more articles",
    "more from this author",
    "相关文章",
    "相关阅读",
    "最新观点",
    "推荐阅读",
];

/// Words of the page's own navigation: links and buttons saved along with the article.
const NAVIGATION_WORDS: [&str; 33] = [
    "home",
    "homepage",
    "back to top",
    "return to top",
    "top",
    "back",
    "share",
    "share this",
    "share this article",
    "print",
    "print this page",
    "email",
    "previous",
    "next",
    "previous article",
    "next article",
    "read more",
    "more",
    "facebook",
    "twitter",
    "linkedin",
    "weibo",
    "wechat",
    "close",
    "subscribe",
    "首页",
    "返回",
    "返回顶部",
    "分享",
    "分享到",
    "打印",
    "关闭",
    "上一篇",
];

/// The folded text without trailing colons, arrows and bars ("Share:" is "share").
fn bare(text: &str) -> String {
    fold(text)
        .trim_end_matches([':', '：', '>', '»', '|', ' '])
        .to_string()
}

/// Whether the line is a heading of a trailing link list ("Related Articles").
pub(super) fn is_navigation_heading(text: &str) -> bool {
    if text.len() > NAVIGATION_MAX_LEN {
        return false;
    }
    let bare = bare(text);
    NAVIGATION_HEADINGS.contains(&bare.as_str())
}

/// Whether the whole line is navigation: a breadcrumb, a link-list heading, a
/// "Previous: …" link, or nothing but navigation words ("Share  Print  Back to top").
pub(super) fn is_navigation(text: &str) -> bool {
    if text.len() > NAVIGATION_MAX_LEN {
        return false;
    }
    if is_breadcrumb(text) || is_navigation_heading(text) {
        return true;
    }
    let folded = fold(text);
    let linked = ["previous:", "next:", "上一篇", "下一篇"];
    if linked.iter().any(|start| folded.starts_with(start)) {
        return true;
    }
    let pieces: Vec<&str> = text.split(['|', '·', '•']).flat_map(split_wide).collect();
    !pieces.is_empty()
        && pieces.iter().all(|piece| {
            let bare = bare(piece);
            NAVIGATION_WORDS.contains(&bare.as_str())
                || NAVIGATION_HEADINGS.contains(&bare.as_str())
        })
}

/// Whether `c` is a Han character (Chinese ideograph).
pub(super) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ffff}')
}

/// Whether `c` is written without spaces around it in Chinese text: a Han character or
/// CJK / full-width punctuation.
pub(super) fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}
