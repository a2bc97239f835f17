//! One author field that names several people ("A and B", "A, B and C", "A & B")
//! becomes several authors. Only where every part reads as a person's name: an
//! organisation ("Centre for Energy and Climate") or "Last, First" stays one name.

/// Words that may stand lowercase inside a person's name.
const PARTICLES: [&str; 14] = [
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "le", "la", "bin", "al",
];

/// The people `field` names, in order.
pub fn split_names(field: &str) -> Vec<String> {
    let field = field.trim();
    let Some((head, last)) = split_last(field) else {
        return vec![field.to_string()];
    };
    let mut parts: Vec<&str> = head.split(',').map(str::trim).collect();
    parts.push(last);
    if parts.iter().all(|part| looks_like_a_name(part)) {
        parts.into_iter().map(str::to_string).collect()
    } else {
        vec![field.to_string()]
    }
}

/// `("A, B", "C")` from "A, B and C" (or "&", or an Oxford comma).
fn split_last(field: &str) -> Option<(&str, &str)> {
    let (head, last) = [" and ", " & "]
        .iter()
        .filter_map(|joint| field.rsplit_once(joint))
        .max_by_key(|(head, _)| head.len())?;
    Some((head.trim().trim_end_matches(',').trim(), last.trim()))
}

/// One to five words, each capitalised or a name particle, with a letter in it.
fn looks_like_a_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|word| {
            let first = word.chars().next();
            first.is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || PARTICLES.contains(&word.to_lowercase().as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::split_names;

    #[test]
    fn several_people_become_several_authors() {
        assert_eq!(split_names("Ada Lind and Bo Hart"), ["Ada Lind", "Bo Hart"]);
        assert_eq!(
            split_names("Ada Lind, Bo Hart and Cy van Dam"),
            ["Ada Lind", "Bo Hart", "Cy van Dam"]
        );
        assert_eq!(
            split_names("Ada Lind, Bo Hart, and Cy Oy"),
            ["Ada Lind", "Bo Hart", "Cy Oy"]
        );
        assert_eq!(split_names("Ada & Bo"), ["Ada", "Bo"]);
    }

    #[test]
    fn one_name_stays_one() {
        for one in [
            "Ada Lind",
            "Centre for Energy and Climate",
            "Lind, Ada",
            "the editors and staff",
            "Harbour Review",
        ] {
            assert_eq!(split_names(one), [one]);
        }
    }
}
