//! Citations of an article in the styles researchers paste: APA (7th edition), Chicago
//! (notes and bibliography, the bibliography entry), MLA (9th edition), BibTeX and RIS,
//! built from the article's own fields. A name is read as given names then a family name
//! (its last word); a name without spaces (as Chinese names are written) stays whole.

use insight_corpus::Date;

/// What a citation is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited<'a> {
    pub title: &'a str,
    pub authors: &'a [String],
    /// The outlet that published it.
    pub source: &'a str,
    pub published: Date,
    /// Where it can be read: its original address, else its page in this explorer.
    pub address: &'a str,
    pub language: &'a str,
    pub keywords: &'a [String],
}

/// The styles offered, by name.
pub const STYLES: [&str; 5] = ["APA", "Chicago", "MLA", "BibTeX", "RIS"];

/// The citation in `style` (one of [`STYLES`]).
pub fn cite(style: &str, cited: &Cited) -> String {
    match style {
        "APA" => apa(cited),
        "Chicago" => chicago(cited),
        "MLA" => mla(cited),
        "BibTeX" => bibtex(cited),
        _ => ris(cited),
    }
}

fn month(date: Date) -> &'static str {
    date.month_name()
}

/// A name as (family name, given names); a one-word name has no given names.
fn split_name(name: &str) -> (&str, &str) {
    let name = name.trim();
    match name.rsplit_once(' ') {
        Some((given, family)) => (family, given.trim()),
        None => (name, ""),
    }
}

/// "Lindqvist, M." (APA): the family name and initials of the given names.
fn apa_name(name: &str) -> String {
    let (family, given) = split_name(name);
    if given.is_empty() {
        return family.to_string();
    }
    let initials: Vec<String> = given
        .split([' ', '-'])
        .filter_map(|part| part.chars().next())
        .map(|c| format!("{c}."))
        .collect();
    format!("{family}, {}", initials.join(" "))
}

/// "Lindqvist, Mara": family name first.
fn inverted(name: &str) -> String {
    match split_name(name) {
        (family, "") => family.to_string(),
        (family, given) => format!("{family}, {given}"),
    }
}

/// A title ending in a full stop, unless it ends in other punctuation already.
fn closed(text: &str) -> String {
    if text.ends_with(['.', '?', '!', '。', '？', '！']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

fn apa(c: &Cited) -> String {
    let names: Vec<String> = c.authors.iter().map(|a| apa_name(a)).collect();
    let authors = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}, & {last}", rest.join(", ")),
    };
    let date = format!(
        "({}, {} {})",
        c.published.year(),
        month(c.published),
        c.published.day()
    );
    let title = closed(c.title);
    let source = closed(c.source);
    if authors.is_empty() {
        format!("{title} {date}. {source} {}", c.address)
    } else {
        format!(
            "{} {date}. {title} {source} {}",
            closed(&authors),
            c.address
        )
    }
}

/// Authors as Chicago and MLA list them: the first inverted, the others as written.
fn listed(authors: &[String], et_al_from: usize) -> String {
    match authors {
        [] => String::new(),
        [one] => inverted(one),
        [first, ..] if authors.len() >= et_al_from => format!("{}, et al", inverted(first)),
        [first, second] => format!("{}, and {second}", inverted(first)),
        [first, middle @ .., last] => {
            format!("{}, {}, and {last}", inverted(first), middle.join(", "))
        }
    }
}

fn chicago(c: &Cited) -> String {
    let date = format!(
        "{} {}, {}",
        month(c.published),
        c.published.day(),
        c.published.year()
    );
    let body = format!("“{}” {}, {date}. {}.", closed(c.title), c.source, c.address);
    match listed(c.authors, usize::MAX) {
        authors if authors.is_empty() => body,
        authors => format!("{} {body}", closed(&authors)),
    }
}

fn mla(c: &Cited) -> String {
    let short = match month(c.published) {
        "May" | "June" | "July" => month(c.published).to_string(),
        "September" => "Sept.".to_string(),
        name => format!("{}.", &name[..3]),
    };
    let date = format!("{} {short} {}", c.published.day(), c.published.year());
    let address = c
        .address
        .strip_prefix("https://")
        .or_else(|| c.address.strip_prefix("http://"))
        .unwrap_or(c.address);
    let body = format!("“{}” {}, {date}, {address}.", closed(c.title), c.source);
    match listed(c.authors, 3) {
        authors if authors.is_empty() => body,
        authors => format!("{} {body}", closed(&authors)),
    }
}

/// A BibTeX value with TeX's special characters escaped.
fn tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// The entry's key: the first author's family name (else "article"), the year, and the
/// title's first word, in ASCII letters and digits.
fn bibtex_key(c: &Cited) -> String {
    let ascii = |text: &str| -> String {
        text.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|ch| ch.to_ascii_lowercase())
            .collect()
    };
    let family = c
        .authors
        .first()
        .map(|a| ascii(split_name(a).0))
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "article".to_string());
    let word = c
        .title
        .split_whitespace()
        .map(ascii)
        .find(|w| w.len() > 3)
        .unwrap_or_default();
    format!("{family}{}{word}", c.published.year())
}

fn bibtex(c: &Cited) -> String {
    let mut fields = Vec::new();
    if !c.authors.is_empty() {
        let names: Vec<String> = c.authors.iter().map(|a| tex(&inverted(a))).collect();
        fields.push(("author", names.join(" and ")));
    }
    fields.push(("title", tex(c.title)));
    fields.push(("journal", tex(c.source)));
    fields.push(("year", c.published.year().to_string()));
    fields.push(("date", c.published.to_string()));
    fields.push(("url", c.address.to_string()));
    fields.push(("langid", tex(c.language)));
    if !c.keywords.is_empty() {
        fields.push(("keywords", tex(&c.keywords.join(", "))));
    }
    let body: Vec<String> = fields
        .into_iter()
        .map(|(name, value)| format!("  {name} = {{{value}}}"))
        .collect();
    format!("@article{{{},\n{}\n}}", bibtex_key(c), body.join(",\n"))
}

fn ris(c: &Cited) -> String {
    let mut lines = vec!["TY  - ELEC".to_string()];
    lines.extend(c.authors.iter().map(|a| format!("AU  - {}", inverted(a))));
    lines.push(format!("TI  - {}", c.title));
    lines.push(format!("T2  - {}", c.source));
    lines.push(format!("PY  - {}", c.published.year()));
    lines.push(format!(
        "DA  - {:04}/{:02}/{:02}/",
        c.published.year(),
        c.published.month(),
        c.published.day()
    ));
    lines.push(format!("UR  - {}", c.address));
    lines.push(format!("LA  - {}", c.language));
    lines.extend(c.keywords.iter().map(|k| format!("KW  - {k}")));
    lines.push("ER  - ".to_string());
    lines.join("\n")
}

#[cfg(test)]
mod tests;
