//! The names keyword and author pages go by in their addresses (`keywords/climate-change`,
//! `authors/jane-doe`): readable, safe in a URL and as a file name, and one per value.
//! The browser and the publish step both work them out from the manifest's values, so a
//! link drawn by either leads to the page the other wrote.

use crate::list_query::fold_keyword;
use std::collections::HashMap;

/// How many characters a name keeps of its value before it is cut.
const LONGEST: usize = 60;

/// The page names of one facet's values, in the manifest's order.
#[derive(Debug, Default)]
pub struct PageNames {
    names: Vec<String>,
    by_name: HashMap<String, usize>,
}

impl PageNames {
    /// Names for `labels`, each the value lowercased with its letters and digits (in any
    /// script) kept and every run of anything else turned into one `-`. Values whose
    /// names would be empty or shared get eight hex digits of a hash of the value too,
    /// so a name does not depend on which other values the collection holds.
    pub fn new<'a>(labels: impl IntoIterator<Item = &'a str>) -> PageNames {
        let plain: Vec<(String, &str)> = labels.into_iter().map(|l| (slug(l), l)).collect();
        let mut uses: HashMap<&str, usize> = HashMap::new();
        for (slug, _) in &plain {
            *uses.entry(slug.as_str()).or_default() += 1;
        }
        let mut names = PageNames::default();
        for (number, (slug, label)) in plain.iter().enumerate() {
            let mut name = match (slug.is_empty(), uses[slug.as_str()]) {
                (true, _) => format!("{:08x}", hash(label)),
                (false, 1) => slug.clone(),
                (false, _) => format!("{slug}-{:08x}", hash(label)),
            };
            if names.by_name.contains_key(&name) {
                // Only a value spelled like another's hashed name gets here.
                name = format!("{name}-{number}");
            }
            names.by_name.insert(name.clone(), number);
            names.names.push(name);
        }
        names
    }

    /// The name of value `number`.
    pub fn name(&self, number: usize) -> Option<&str> {
        self.names.get(number).map(String::as_str)
    }

    /// The value a name stands for.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }
}

fn slug(label: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.push(c);
        } else {
            gap = true;
        }
        if slug.chars().count() >= LONGEST {
            break;
        }
    }
    let mut cut: String = slug.chars().take(LONGEST).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    cut
}

/// FNV-1a over the value as matching sees it (case and spacing folded).
fn hash(label: &str) -> u32 {
    fold_keyword(label).bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_readable_and_safe() {
        let names = PageNames::new(["Climate change", "US–China trade", "气候 政策", "AI/ML"]);
        assert_eq!(names.name(0), Some("climate-change"));
        assert_eq!(names.name(1), Some("us-china-trade"));
        assert_eq!(names.name(2), Some("气候-政策"));
        assert_eq!(names.name(3), Some("ai-ml"));
        assert_eq!(names.find("ai-ml"), Some(3));
        assert_eq!(names.find("nothing"), None);
    }

    #[test]
    fn shared_or_empty_names_are_told_apart_by_a_hash() {
        let names = PageNames::new(["C++", "C", "+++", "Europe"]);
        let (cpp, c, signs) = (
            names.name(0).unwrap(),
            names.name(1).unwrap(),
            names.name(2).unwrap(),
        );
        assert!(
            cpp.starts_with("c-") && c.starts_with("c-") && cpp != c,
            "{cpp} {c}"
        );
        assert_eq!(signs.len(), 8);
        assert_eq!(names.name(3), Some("europe"));
        // A name does not change with the values around it.
        let alone = PageNames::new(["Europe", "C", "C++"]);
        assert_eq!(alone.name(0), Some("europe"));
        assert_eq!(alone.name(1), Some(c));
        for number in 0..4 {
            assert_eq!(names.find(names.name(number).unwrap()), Some(number));
        }
    }

    #[test]
    fn long_values_are_cut() {
        let long = "word ".repeat(40);
        let names = PageNames::new([long.as_str()]);
        assert!(names.name(0).unwrap().chars().count() <= LONGEST);
    }

    #[test]
    fn a_value_spelled_like_a_hashed_name_still_gets_its_own() {
        let c = PageNames::new(["C", "c!"]).name(0).unwrap().to_string();
        let names = PageNames::new(["C", "c!", c.as_str()]);
        let all: std::collections::HashSet<_> = (0..3).map(|n| names.name(n).unwrap()).collect();
        assert_eq!(all.len(), 3);
    }
}
