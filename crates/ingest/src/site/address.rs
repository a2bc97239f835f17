//! Pieces of a post's address: names made URL-friendly the way the generators do it,
//! `:placeholder` patterns, and percent-encoding.

use insight_corpus::Date;

/// A name as a path segment: lowercase letters and digits (any script), words joined
/// by `-`; other punctuation dropped (Hugo's `urlize`, Zola's `slugify`, Jekyll's
/// `slugify`, which agree on ordinary titles).
pub fn urlize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '.' || c == '/')
            && !out.is_empty()
            && !out.ends_with('-')
        {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A path with every byte that may not stand in an address percent-encoded (`/` kept),
/// and repeated slashes made one.
pub fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let plain = byte.is_ascii_alphanumeric() || b"-._~/:@!$&'()*+,;=%".contains(&byte);
        if byte == b'/' && out.ends_with('/') {
            continue;
        }
        if plain {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Expands `:name` placeholders in `pattern`, longest names first, with `value`; names
/// `value` does not know are left as written.
pub fn expand(pattern: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(at) = rest.find(':') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name_len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        // The longest known name that starts here (`:i_month` before `:i`).
        let known = (1..=name_len)
            .rev()
            .find_map(|len| value(&after[..len]).map(|v| (len, v)));
        match known {
            Some((len, expanded)) => {
                out.push_str(&expanded);
                rest = &after[len..];
            }
            None => {
                out.push(':');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The date placeholders the three generators share.
pub fn date_part(name: &str, date: Date) -> Option<String> {
    Some(match name {
        "year" => format!("{:04}", date.year()),
        "month" => format!("{:02}", date.month()),
        "day" => format!("{:02}", date.day()),
        "i_month" => date.month().to_string(),
        "i_day" => date.day().to_string(),
        "short_year" => format!("{:02}", date.year() % 100),
        "monthname" => date.month_name().to_lowercase(),
        _ => return None,
    })
}
