//! Values that make feed-rs 3 panic: numbers too large for its durations (it unwraps
//! the parse) and characters that make it slice an author's name inside a character.

/// Whether a number or duration is beyond reason: more than nine digits in a row (over 30
/// years in seconds), a character reference, or very long.
pub fn implausible_number(text: &str) -> bool {
    let longest_run = text
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    longest_run > 9 || text.contains('&') || text.len() > 64
}

/// Whether a tag has an attribute `name` (or one ending in it): `name`, spaces, `=`.
pub fn names_attribute(tag: &[u8], name: &str) -> bool {
    let name = name.as_bytes();
    tag.windows(name.len()).enumerate().any(|(i, w)| {
        let rest = tag.get(i + name.len()..).unwrap_or(&[]);
        w == name && rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'=')
    })
}

/// The byte ranges (offset by `from`) of runs of more than nine digits and of numeric
/// character references (which could spell digits) in a tag.
pub fn long_numbers(tag: &[u8], from: usize) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut at = 0;
    while at < tag.len() {
        let digits = tag[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 9 {
            ranges.push((from + at, from + at + digits));
        } else if tag[at..].starts_with(b"&#") {
            let len = tag[at..]
                .iter()
                .position(|&b| b == b';')
                .map_or(2, |i| i + 1);
            ranges.push((from + at, from + at + len));
            at += len;
            continue;
        }
        at += digits.max(1);
    }
    ranges
}

/// The byte ranges (offset by `from`) of characters in a person's text that are neither
/// ASCII nor letters, written out or as character references. Next to an email address
/// they make feed-rs slice the name in the middle of a character. Bytes that are not UTF-8
/// (a legacy encoding, or damage) count as odd too.
pub fn odd_characters(chunk: &[u8], from: usize) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut at = from;
    for piece in chunk.utf8_chunks() {
        odd_in_text(piece.valid(), at, &mut ranges);
        at += piece.valid().len();
        let invalid = piece.invalid().len();
        if invalid > 0 {
            ranges.push((at, at + invalid));
        }
        at += invalid;
    }
    ranges.sort_unstable();
    ranges.dedup();
    ranges
}

fn odd_in_text(text: &str, from: usize, ranges: &mut Vec<(usize, usize)>) {
    let odd = |c: char| !c.is_ascii() && !c.is_alphabetic();
    for (i, c) in text.char_indices() {
        if odd(c) {
            ranges.push((from + i, from + i + c.len_utf8()));
        } else if let Some((number, _)) =
            text[i..].strip_prefix("&#").and_then(|r| r.split_once(';'))
        {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            };
            if code.and_then(char::from_u32).is_none_or(odd) {
                ranges.push((from + i, from + i + number.len() + 3));
            }
        }
    }
}

/// The characters of raw feed text, written out or as character references, each with
/// its byte range (offset by `from`), added to `out`. A named reference other than XML's
/// five stands for an unknown character (`None`).
fn characters_into(text: &str, from: usize, out: &mut Vec<(Option<char>, usize, usize)>) {
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let reference = (c == '&')
            .then(|| text[at + 1..].split_once(';'))
            .flatten()
            .filter(|(name, _)| name.len() <= 10 && !name.is_empty());
        let (decoded, len) = match reference {
            Some((name, _)) => {
                let decoded = match name {
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => name.strip_prefix('#').and_then(|number| {
                        match number.strip_prefix(['x', 'X']) {
                            Some(hex) => u32::from_str_radix(hex, 16).ok(),
                            None => number.parse().ok(),
                        }
                        .and_then(char::from_u32)
                    }),
                };
                (decoded, name.len() + 2)
            }
            None => (Some(c), c.len_utf8()),
        };
        out.push((decoded, from + at, from + at + len));
        at += len;
    }
}

/// The byte ranges of characters to blank beside the email addresses in a person's text
/// (the `pieces` of `bytes` it is written in, CDATA or not, read as one text).
///
/// feed-rs cuts a person's name off one byte before and one after the email address it
/// finds, so a non-ASCII character (or an unknown one) right next to the address makes
/// it slice inside that character. For each `@`: the character before the run of address
/// characters (and any `mailto:` or `<[(` ahead of it), and the one after the domain (and
/// any `>])` after it). Letters elsewhere in a name are kept.
pub fn email_neighbours(bytes: &[u8], pieces: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut chars = Vec::new();
    for &(from, to) in pieces {
        let mut at = from;
        for piece in bytes.get(from..to).unwrap_or(&[]).utf8_chunks() {
            characters_into(piece.valid(), at, &mut chars);
            at += piece.valid().len();
            let invalid = piece.invalid().len();
            if invalid > 0 {
                chars.push((None, at, at + invalid));
                at += invalid;
            }
        }
    }
    const LOCAL: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-";
    const DOMAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-";
    let is = |i: usize, set: &str| chars[i].0.is_some_and(|c| c.is_ascii() && set.contains(c));
    let risky = |i: usize| chars[i].0.is_none_or(|c| !c.is_ascii());
    let spells = |at: usize, text: &str| {
        chars
            .get(at..at + text.chars().count())
            .is_some_and(|run| run.iter().map(|(c, _, _)| *c).eq(text.chars().map(Some)))
    };
    let mut ranges = Vec::new();
    for at in (0..chars.len()).filter(|&i| chars[i].0 == Some('@')) {
        let mut start = at;
        while start > 0 && is(start - 1, LOCAL) {
            start -= 1;
        }
        for prefix in ["mailto:", "<[("] {
            let n = prefix.chars().count();
            if start >= n && spells(start - n, prefix) {
                start -= n;
            }
        }
        if start > 0 && risky(start - 1) {
            ranges.push((chars[start - 1].1, chars[start - 1].2));
        }
        let mut end = at + 1;
        while end < chars.len() && is(end, DOMAIN) {
            end += 1;
        }
        if spells(end, ">])") {
            end += 3;
        }
        if end < chars.len() && risky(end) {
            ranges.push((chars[end].1, chars[end].2));
        }
    }
    ranges
}

/// A value for a message: at most 40 characters.
pub fn shown(text: &str) -> String {
    let mut shown: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_absurd_numbers() {
        for absurd in [
            "123456789012345678901234567890",
            "12345678901234567:00:00",
            "&#49;2",
            &"1:".repeat(40),
        ] {
            assert!(implausible_number(absurd), "{absurd}");
        }
        for fine in ["", "3600", "1:02:03", "01:02:03.250", "999999999"] {
            assert!(!implausible_number(fine), "{fine}");
        }
    }

    #[test]
    fn blanks_any_non_ascii_neighbour_of_an_email_address() {
        let blanked = |text: &str| {
            email_neighbours(text.as_bytes(), &[(0, text.len())])
                .iter()
                .map(|&(a, b)| text[a..b].to_string())
                .collect::<Vec<_>>()
        };
        // A letter is still a hazard when the address starts with `+`, `.`, `%` or `-`.
        assert_eq!(blanked("Priya Oakhurst&#320;+riya@example.org"), ["&#320;"]);
        assert_eq!(blanked("Ŀ+jo@example.org"), ["Ŀ"]);
        assert_eq!(blanked("jo@example.orgé tail"), ["é"]);
        assert_eq!(blanked("Zoë mailto:jo@example.org>])ñ"), ["ñ"]);
        assert_eq!(blanked("ŀmailto:jo@example.org"), ["ŀ"]);
        assert_eq!(blanked("x&unknown;jo@example.org"), ["&unknown;"]);
        // Names elsewhere in the text keep their letters.
        assert!(blanked("José García jose@example.org").is_empty());
        assert!(blanked("José García (jose@example.org)").is_empty());
        // A text in two pieces (text, then CDATA) is read as one.
        let written = "<author>Ŀ<![CDATA[+jo@example.org]]></author>";
        let first = written.find('Ŀ').unwrap();
        let second = written.find('+').unwrap();
        let pieces = [(first, first + 2), (second, second + 15)];
        assert_eq!(
            email_neighbours(written.as_bytes(), &pieces),
            [(first, first + 2)]
        );
    }

    #[test]
    fn finds_long_numbers_in_tags_with_times() {
        let tag =
            br#"<media:thumbnail url="https://example.org/123.png" time="12345678901&#49;"/>"#;
        assert!(names_attribute(tag, "time") && !names_attribute(tag, "start"));
        let ranges = long_numbers(tag, 100);
        let digits = tag
            .windows(11)
            .position(|w| w == b"12345678901")
            .unwrap_or(0)
            + 100;
        assert_eq!(
            ranges,
            vec![(digits, digits + 11), (digits + 11, digits + 16)]
        );
    }

    #[test]
    fn finds_odd_characters_around_addresses() {
        let text = "Zoë\u{a0}zoe@example.org&#160;&#x41;&#8212;";
        let ranges = odd_characters(text.as_bytes(), 10);
        let nbsp = text.find('\u{a0}').unwrap_or(0) + 10;
        let reference = text.find("&#160;").unwrap_or(0) + 10;
        let dash = text.find("&#8212;").unwrap_or(0) + 10;
        assert_eq!(
            ranges,
            vec![
                (nbsp, nbsp + 2),
                (reference, reference + 6),
                (dash, dash + 7)
            ]
        );
        assert_eq!(
            odd_characters(b"Jos\xe9 j@example.org&#160;", 0),
            vec![(3, 4), (18, 24)]
        );
    }
}
