//! A light English stemmer: plural and common verb endings only, so `innovations`,
//! `innovation` meet, and `policies` meets `policy`, without the surprises of an
//! aggressive stemmer (`university` and `universe` stay apart).

/// The stem of a folded ASCII word; other words are returned as they are.
pub fn stem(word: &str) -> &str {
    // Only words ending in -s or -y change; most words stop at this first test.
    if word.len() <= 3
        || !word.ends_with(['s', 'y'])
        || !word.bytes().all(|b| b.is_ascii_lowercase())
    {
        return word;
    }
    strip_plural(word)
}

fn strip_plural(word: &str) -> &str {
    if let Some(base) = word.strip_suffix("ies") {
        // policies → polic (and policy → polic below), so both meet.
        return if base.len() >= 2 { base } else { word };
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word;
    }
    for ending in ["ches", "shes", "sses", "xes", "zes"] {
        if word.ends_with(ending) {
            return &word[..word.len() - 2];
        }
    }
    if let Some(base) = word.strip_suffix('s') {
        return base;
    }
    if let Some(base) = word.strip_suffix('y') {
        // The singular of a word whose plural ends in -ies.
        if base.len() >= 3 && !base.ends_with(['a', 'e', 'o', 'u']) {
            return base;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_meet_their_singulars() {
        for (a, b) in [
            ("innovations", "innovation"),
            ("policies", "policy"),
            ("tariffs", "tariff"),
            ("taxes", "tax"),
            ("churches", "church"),
            ("cities", "city"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn leaves_other_words_alone() {
        for word in ["bus", "analysis", "class", "us", "gas", "key", "day"] {
            assert_eq!(stem(word), word);
        }
        assert_ne!(stem("university"), stem("universe"));
    }
}
