//! Reading the many ways archives write dates: `2021-04-12`, `2021/04/12`, `12 April 2021`,
//! `April 12, 2021`, RFC 2822 (`Mon, 12 Apr 2021 10:00:00 +0000`), RFC 3339 and
//! `2021年4月12日`. Times and zones after the date are ignored.

use insight_corpus::Date;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The date in `text`, or `None` if it is not a date in one of the accepted forms.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    numeric(text)
        .or_else(|| chinese(text))
        .or_else(|| worded(text))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD`, optionally followed by a time.
fn numeric(text: &str) -> Option<Date> {
    let head: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
        .collect();
    let rest = &text[head.len()..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let parts: Vec<&str> = head.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) => {
            Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

/// `2021年4月12日`.
fn chinese(text: &str) -> Option<Date> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    Date::new(
        year.trim().parse().ok()?,
        month.trim().parse().ok()?,
        day.trim().parse().ok()?,
    )
}

/// `12 April 2021`, `April 12, 2021`, `Apr 12 2021` and RFC 2822 with a weekday.
fn worded(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month_of = |word: &str| {
        let word = word.trim_end_matches('.').to_ascii_lowercase();
        (word.len() >= 3)
            .then(|| {
                MONTHS
                    .iter()
                    .position(|m| word.starts_with(m) && full_or_short(&word, m))
            })
            .flatten()
            .map(|i| i as u8 + 1)
    };
    let day_of = |word: &str| -> Option<u8> {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (digits.len() <= 2).then(|| digits.parse().ok()).flatten()
    };
    let year_of =
        |word: &str| -> Option<u16> { (word.len() == 4).then(|| word.parse().ok()).flatten() };
    for start in 0..words.len().min(2) {
        let w = &words[start..];
        if w.len() < 3 {
            return None;
        }
        if let (Some(d), Some(m), Some(y)) = (day_of(w[0]), month_of(w[1]), year_of(w[2])) {
            return Date::new(y, m, d);
        }
        if let (Some(m), Some(d), Some(y)) = (month_of(w[0]), day_of(w[1]), year_of(w[2])) {
            return Date::new(y, m, d);
        }
    }
    None
}

/// Whether `word` is the month `short` ("apr") or a spelling of it ("april", "sept").
fn full_or_short(word: &str, short: &str) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let full = FULL[MONTHS.iter().position(|m| *m == short).unwrap_or(0)];
    full.starts_with(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_accepted_forms() {
        for text in [
            "2021-04-12",
            "2021/04/12",
            "2021.4.12",
            "2021-04-12T08:30:00+08:00",
            "2021-04-12 08:30",
            "12 April 2021",
            "12 Apr 2021",
            "April 12, 2021",
            "Apr 12 2021",
            "Sept 12, 2021",
            "Mon, 12 Apr 2021 10:00:00 +0000",
            "2021年4月12日",
            " 12th April 2021 ",
        ] {
            let expected = if text.contains("Sept") {
                "2021-09-12"
            } else {
                "2021-04-12"
            };
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                Some(expected),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "",
            "2021",
            "2019-13-02",
            "31 February 2021",
            "April 2021",
            "Aprol 12, 2021",
            "12/04/2021",
            "soon",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
