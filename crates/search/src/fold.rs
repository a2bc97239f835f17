//! Case and diacritic folding: `Café` and `cafe` become the same term.
//!
//! A small table for the Latin letters articles actually use, written here rather than
//! taken from a Unicode normalization crate, whose tables would add far more to the wasm
//! download than this search needs.

/// Latin letters with diacritics and their plain forms.
const FOLDS: &[(char, &str)] = &[
    ('à', "a"),
    ('á', "a"),
    ('â', "a"),
    ('ã', "a"),
    ('ä', "a"),
    ('å', "a"),
    ('ā', "a"),
    ('ă', "a"),
    ('ą', "a"),
    ('æ', "ae"),
    ('ç', "c"),
    ('ć', "c"),
    ('ĉ', "c"),
    ('ċ', "c"),
    ('č', "c"),
    ('ď', "d"),
    ('đ', "d"),
    ('ð', "d"),
    ('è', "e"),
    ('é', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('ē', "e"),
    ('ĕ', "e"),
    ('ė', "e"),
    ('ę', "e"),
    ('ě', "e"),
    ('ĝ', "g"),
    ('ğ', "g"),
    ('ġ', "g"),
    ('ģ', "g"),
    ('ĥ', "h"),
    ('ħ', "h"),
    ('ì', "i"),
    ('í', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ĩ', "i"),
    ('ī', "i"),
    ('ĭ', "i"),
    ('į', "i"),
    ('ı', "i"),
    ('ĵ', "j"),
    ('ķ', "k"),
    ('ĺ', "l"),
    ('ļ', "l"),
    ('ľ', "l"),
    ('ŀ', "l"),
    ('ł', "l"),
    ('ñ', "n"),
    ('ń', "n"),
    ('ņ', "n"),
    ('ň', "n"),
    ('ò', "o"),
    ('ó', "o"),
    ('ô', "o"),
    ('õ', "o"),
    ('ö', "o"),
    ('ø', "o"),
    ('ō', "o"),
    ('ŏ', "o"),
    ('ő', "o"),
    ('œ', "oe"),
    ('ŕ', "r"),
    ('ŗ', "r"),
    ('ř', "r"),
    ('ś', "s"),
    ('ŝ', "s"),
    ('ş', "s"),
    ('š', "s"),
    ('ß', "ss"),
    ('ţ', "t"),
    ('ť', "t"),
    ('ŧ', "t"),
    ('þ', "th"),
    ('ù', "u"),
    ('ú', "u"),
    ('û', "u"),
    ('ü', "u"),
    ('ũ', "u"),
    ('ū', "u"),
    ('ŭ', "u"),
    ('ů', "u"),
    ('ű', "u"),
    ('ų', "u"),
    ('ŵ', "w"),
    ('ý', "y"),
    ('ÿ', "y"),
    ('ŷ', "y"),
    ('ź', "z"),
    ('ż', "z"),
    ('ž', "z"),
];

/// Appends the folded form of `c` (lower case, no diacritics) to `out`.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        let plain = ('\u{c0}'..='\u{17f}')
            .contains(&lower)
            .then(|| FOLDS.iter().find(|(from, _)| *from == lower))
            .flatten();
        match plain {
            Some((_, plain)) => out.push_str(plain),
            None => out.push(lower),
        }
    }
}

/// The folded form of a whole text.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text.chars().for_each(|c| push_folded(c, &mut out));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_only_the_range_it_is_searched_for() {
        assert!(FOLDS
            .iter()
            .all(|(c, _)| ('\u{c0}'..='\u{17f}').contains(c)));
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(
            fold("Café Société ŁÓDŹ Straße"),
            "cafe societe lodz strasse"
        );
        assert_eq!(fold("创新 Ωmega"), "创新 ωmega");
    }
}
