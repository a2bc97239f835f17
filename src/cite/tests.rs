use super::*;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn with<'a>(title: &'a str, authors: &'a [String], keywords: &'a [String]) -> Cited<'a> {
    Cited {
        title,
        authors,
        source: "Harbour Review",
        published: "2021-01-05".parse().unwrap(),
        address: "https://example.org/green-bonds",
        language: "en",
        keywords,
    }
}

#[test]
fn two_authors_in_every_style() {
    let authors = strings(&["Mara Lindqvist", "Ingrid Vos"]);
    let keywords = strings(&["green finance", "bonds"]);
    let c = with("Green bonds need follow-through", &authors, &keywords);
    assert_eq!(
        cite("APA", &c),
        "Lindqvist, M., & Vos, I. (2021, January 5). Green bonds need follow-through. Harbour Review. https://example.org/green-bonds"
    );
    assert_eq!(
        cite("Chicago", &c),
        "Lindqvist, Mara, and Ingrid Vos. “Green bonds need follow-through.” Harbour Review, January 5, 2021. https://example.org/green-bonds."
    );
    assert_eq!(
        cite("MLA", &c),
        "Lindqvist, Mara, and Ingrid Vos. “Green bonds need follow-through.” Harbour Review, 5 Jan. 2021, example.org/green-bonds."
    );
    assert_eq!(
        cite("BibTeX", &c),
        "@article{lindqvist2021green,\n  author = {Lindqvist, Mara and Vos, Ingrid},\n  title = {Green bonds need follow-through},\n  journal = {Harbour Review},\n  year = {2021},\n  date = {2021-01-05},\n  url = {https://example.org/green-bonds},\n  langid = {en},\n  keywords = {green finance, bonds}\n}"
    );
    assert_eq!(
        cite("RIS", &c),
        "TY  - ELEC\nAU  - Lindqvist, Mara\nAU  - Vos, Ingrid\nTI  - Green bonds need follow-through\nT2  - Harbour Review\nPY  - 2021\nDA  - 2021/01/05/\nUR  - https://example.org/green-bonds\nLA  - en\nKW  - green finance\nKW  - bonds\nER  - "
    );
}

#[test]
fn several_authors_shorten_where_the_style_says() {
    let authors = strings(&["Ada Lind", "Bo Hart", "Cy Jon-Rae"]);
    let c = with("Why?", &authors, &[]);
    assert_eq!(
        cite("APA", &c),
        "Lind, A., Hart, B., & Jon-Rae, C. (2021, January 5). Why? Harbour Review. https://example.org/green-bonds"
    );
    assert_eq!(
        cite("Chicago", &c),
        "Lind, Ada, Bo Hart, and Cy Jon-Rae. “Why?” Harbour Review, January 5, 2021. https://example.org/green-bonds."
    );
    assert_eq!(
        cite("MLA", &c),
        "Lind, Ada, et al. “Why?” Harbour Review, 5 Jan. 2021, example.org/green-bonds."
    );
}

#[test]
fn chinese_names_and_titles_stay_whole() {
    let authors = strings(&["李明"]);
    let c = Cited {
        language: "zh",
        ..with("城市更新不止拆建", &authors, &[])
    };
    assert_eq!(
        cite("APA", &c),
        "李明. (2021, January 5). 城市更新不止拆建. Harbour Review. https://example.org/green-bonds"
    );
    assert_eq!(
        cite("MLA", &c),
        "李明. “城市更新不止拆建.” Harbour Review, 5 Jan. 2021, example.org/green-bonds."
    );
    // No ASCII name or word to make a key of: the key says what it is.
    assert!(cite("BibTeX", &c).starts_with("@article{article2021,\n  author = {李明},"));
}

#[test]
fn no_author_starts_with_the_title() {
    let c = with("Tides & tolls: 50% off_", &[], &[]);
    assert_eq!(
        cite("APA", &c),
        "Tides & tolls: 50% off_. (2021, January 5). Harbour Review. https://example.org/green-bonds"
    );
    assert_eq!(
        cite("Chicago", &c),
        "“Tides & tolls: 50% off_.” Harbour Review, January 5, 2021. https://example.org/green-bonds."
    );
    let bibtex = cite("BibTeX", &c);
    assert!(
        bibtex
            .starts_with("@article{article2021tides,\n  title = {Tides \\& tolls: 50\\% off\\_},"),
        "{bibtex}"
    );
    assert!(!cite("RIS", &c).contains("AU  -"));
}
