//! Component tests in headless Chromium (`wasm-bindgen-test`): each mounts one view into
//! a fresh element and checks the DOM a reader would get.
#![cfg(target_arch = "wasm32")]

use insight_corpus::{Article, Block, Inline};
use insight_explorer::app::{App, Load, ShellProps};
use insight_explorer::components::body::{ArticleBody, ArticleBodyProps};
use insight_explorer::components::byline::{Byline, BylineProps};
use insight_explorer::components::keyword_panel::{KeywordPanel, KeywordPanelProps};
use insight_explorer::list_address::{ListAddress, ValueLink};
use insight_explorer::route::Route;
use insight_search::FacetCount as KeywordCount;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::{BaseComponent, Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// An article whose body is `blocks`, for the body view.
fn body_of(blocks: Vec<Block>) -> Rc<Article> {
    Rc::new(Article {
        id: "piece".to_string(),
        title: "A piece".to_string(),
        authors: vec!["A. Writer".to_string()],
        source: "Harbour Review".to_string(),
        published: "2024-01-10".parse().unwrap(),
        keywords: Vec::new(),
        language: "en".to_string(),
        summary: "What the piece says.".to_string(),
        body: blocks,
        bio: None,
        url: None,
    })
}

/// Mounts a component with props into a new element and waits for it to render.
async fn mount<C: BaseComponent>(props: C::Properties) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    Renderer::<C>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn text(t: &str) -> Inline {
    Inline::text(t)
}

#[wasm_bindgen_test]
async fn body_renders_structure_and_keeps_hostile_text_as_text() {
    let blocks = vec![
        Block::Heading {
            level: 1,
            content: vec![text("Section")],
        },
        Block::Paragraph {
            content: vec![
                text("<script>alert(1)</script> and "),
                Inline::Emphasis {
                    content: vec![text("emphasis")],
                },
                text(" "),
                Inline::Link {
                    href: "https://example.org/a".into(),
                    content: vec![text("good link")],
                },
                text(" "),
                Inline::Link {
                    href: " JaVaScRiPt:alert(1)".into(),
                    content: vec![text("bad link")],
                },
            ],
        },
        Block::Quote {
            blocks: vec![Block::Paragraph {
                content: vec![text("Quoted.")],
            }],
        },
        Block::List {
            ordered: true,
            items: vec![vec![Block::Paragraph {
                content: vec![text("One")],
            }]],
        },
    ];
    let root = mount::<ArticleBody>(ArticleBodyProps {
        article: body_of(blocks),
        highlight: None,
    })
    .await;

    assert_eq!(
        all(&root, "h1").len(),
        0,
        "body headings never compete with the title"
    );
    assert_eq!(all(&root, "h2")[0].text_content().unwrap(), "Section");
    assert!(all(&root, "script").is_empty());
    let paragraph = &all(&root, "p")[0];
    assert!(paragraph
        .text_content()
        .unwrap()
        .starts_with("<script>alert(1)</script> and emphasis"));
    let links = all(&root, "a");
    assert_eq!(links.len(), 1, "the javascript: link is not a link");
    assert_eq!(
        links[0].get_attribute("href").unwrap(),
        "https://example.org/a"
    );
    assert_eq!(
        all(&root, ".refused-link")[0].text_content().unwrap(),
        "bad link"
    );
    assert_eq!(
        all(&root, "blockquote p")[0].text_content().unwrap(),
        "Quoted."
    );
    assert_eq!(all(&root, "ol li").len(), 1);
}

#[wasm_bindgen_test]
async fn body_refuses_every_disguise_of_a_script_or_data_link() {
    // The body is given these directly, as from a corpus that skipped every check.
    let disguises = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "javascript&#58;alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
    ];
    let blocks = disguises
        .iter()
        .map(|href| Block::Paragraph {
            content: vec![Inline::Link {
                href: href.to_string(),
                content: vec![text(href)],
            }],
        })
        .collect();
    let root = mount::<ArticleBody>(ArticleBodyProps {
        article: body_of(blocks),
        highlight: None,
    })
    .await;
    assert!(all(&root, "a").is_empty(), "no disguise became a link");
    let kept: Vec<String> = all(&root, ".refused-link")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(kept, disguises, "each link's text is kept, as text");
}

#[wasm_bindgen_test]
async fn body_marks_search_terms_as_text() {
    let blocks = vec![Block::Paragraph {
        content: vec![text("Innovations in <b>cooperation</b> and 创新合作.")],
    }];
    let query = insight_search::parse_query("innovation 创新合作 coop");
    let root = mount::<ArticleBody>(ArticleBodyProps {
        article: body_of(blocks),
        highlight: Some(Rc::new(query)),
    })
    .await;
    let marks: Vec<String> = all(&root, "mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(marks, ["Innovations", "cooperation", "创新合作"]);
    assert!(all(&root, "b").is_empty(), "text stays text");
    assert_eq!(
        all(&root, "p")[0].text_content().unwrap(),
        "Innovations in <b>cooperation</b> and 创新合作."
    );
}

#[wasm_bindgen_test]
async fn byline_has_a_machine_readable_date_and_links_each_author() {
    let author = |label: &str, name: &str| ValueLink {
        label: label.into(),
        to: ListAddress {
            route: Route::Author { name: name.into() },
            query: Vec::new(),
        },
    };
    let root = mount::<Byline>(BylineProps {
        authors: vec![
            author("Mara Lindqvist", "mara-lindqvist"),
            author("Ingrid Vos", "ingrid-vos"),
        ],
        source: "Harbour Review".into(),
        published: "2021-04-12".parse().unwrap(),
    })
    .await;
    let time = &all(&root, "time")[0];
    assert_eq!(time.get_attribute("datetime").unwrap(), "2021-04-12");
    assert_eq!(time.text_content().unwrap(), "12 April 2021");
    assert!(root
        .text_content()
        .unwrap()
        .starts_with("Mara Lindqvist and Ingrid Vos"));
    let links: Vec<String> = all(&root, "a.author-link")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(links, ["/authors/mara-lindqvist", "/authors/ingrid-vos"]);
}

#[wasm_bindgen_test]
async fn a_byline_without_authors_shows_source_and_date_alone() {
    let root = mount::<Byline>(BylineProps {
        authors: Vec::new(),
        source: "Tidewater Review".into(),
        published: "2022-02-11".parse().unwrap(),
    })
    .await;
    assert_eq!(
        root.text_content().unwrap(),
        "Tidewater Review · 11 February 2022"
    );
    assert!(all(&root, ".authors").is_empty());
}

fn keyword(label: &str, count: usize, selected: bool) -> KeywordCount {
    KeywordCount {
        label: label.into(),
        count,
        selected,
    }
}

#[wasm_bindgen_test]
async fn keyword_panel_toggles_narrows_and_clears() {
    let toggled = Rc::new(RefCell::new(Vec::<String>::new()));
    let cleared = Rc::new(RefCell::new(0));
    let props = KeywordPanelProps {
        keywords: vec![
            keyword("trade", 12, true),
            keyword("China", 7, false),
            keyword("technology policy", 3, false),
        ],
        counting: false,
        ontoggle: {
            let toggled = toggled.clone();
            Callback::from(move |k| toggled.borrow_mut().push(k))
        },
        onclear: {
            let cleared = cleared.clone();
            Callback::from(move |_| *cleared.borrow_mut() += 1)
        },
    };
    let root = mount::<KeywordPanel>(props).await;

    let group = &all(&root, "[role=group]")[0];
    let heading_id = group.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        document()
            .get_element_by_id(&heading_id)
            .unwrap()
            .text_content()
            .unwrap(),
        "Keywords"
    );
    let buttons = all(&root, ".keyword-toggle");
    assert_eq!(buttons.len(), 3);
    assert_eq!(buttons[0].get_attribute("aria-pressed").unwrap(), "true");
    assert_eq!(buttons[1].get_attribute("aria-pressed").unwrap(), "false");
    assert_eq!(buttons[1].text_content().unwrap(), "China7");

    buttons[1].dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(*toggled.borrow(), ["China"]);

    let input: HtmlInputElement = all(&root, "input")[0].clone().dyn_into().unwrap();
    input.set_value("POL");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    let shown: Vec<String> = all(&root, ".keyword-label")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(shown, ["technology policy"]);

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    input
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    settle().await;
    assert_eq!(input.value(), "");
    assert_eq!(all(&root, ".keyword-toggle").len(), 3);

    all(&root, ".clear-selection")[0]
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    assert_eq!(*cleared.borrow(), 1);
}

#[wasm_bindgen_test]
async fn keyword_panel_hides_counts_while_they_are_counted() {
    // While a new query's counts are on their way, the last values stay but no count
    // is shown: an old count would be a wrong one.
    let props = KeywordPanelProps {
        keywords: vec![keyword("trade", 12, false), keyword("China", 7, true)],
        counting: true,
        ontoggle: Callback::noop(),
        onclear: Callback::noop(),
    };
    let root = mount::<KeywordPanel>(props).await;
    let counts: Vec<String> = all(&root, ".keyword-count")
        .iter()
        .map(|c| c.text_content().unwrap())
        .collect();
    assert_eq!(counts, ["…", "…"]);
    assert!(all(&root, ".keyword-count")
        .iter()
        .all(|c| c.get_attribute("aria-label").as_deref() == Some("counting")));
    assert_eq!(
        all(&root, ".keyword-toggle").len(),
        2,
        "the values stay to be chosen"
    );
}

#[wasm_bindgen_test]
async fn app_explains_a_missing_corpus_and_offers_no_pointless_retry() {
    // The test runner's server has neither corpus/manifest.json nor corpus.json, so the
    // download fails with a 404, and the manifest is named as missing.
    let root = mount::<App>(ShellProps {
        first: Load::Loading,
    })
    .await;
    let mut waited = 0;
    while all(&root, ".load-failure").is_empty() && waited < 100 {
        settle().await;
        waited += 1;
    }
    let failure = &all(&root, ".load-failure")[0];
    assert_eq!(failure.get_attribute("role").unwrap(), "alert");
    let text = failure.text_content().unwrap();
    assert!(text.contains("HTTP 404"), "{text}");
    assert!(
        text.contains("corpus/manifest.json was not found"),
        "{text}"
    );
    assert!(text.contains("If you run this site:"), "{text}");
    assert_eq!(
        all(&root, ".owner-fix code")[0].text_content().unwrap(),
        "cargo xtask dist"
    );
    assert!(
        all(&root, ".load-failure button").is_empty(),
        "a missing file stays missing: no Retry"
    );
}
