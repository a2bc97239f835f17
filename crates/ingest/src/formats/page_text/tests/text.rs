//! Tests of the body, the bio, keywords, summary, language and ids.

use super::*;

#[test]
fn bio_forms_are_taken_from_the_last_paragraph() {
    for (last, bio) in [
        ("The author is a fellow.", "The author is a fellow."),
        ("The authors are fellows.", "The authors are fellows."),
        (
            "The author, a fellow, writes often.",
            "The author, a fellow, writes often.",
        ),
        ("The writer is a fellow.", "The writer is a fellow."),
        ("(The author is a fellow.)", "The author is a fellow."),
    ] {
        let body = format!("Body.\n\n{last}");
        let (article, _) = read_ok(&page(BYLINE, &body, "Key Words: x"));
        assert_eq!(article.bio.as_deref(), Some(bio), "{last}");
        assert_eq!(body_texts(&article), ["Body."], "{last}");
    }
}

#[test]
fn not_a_bio_stays_body() {
    for body in [
        "Body.\n\nThe authority of the basin board grew.",
        "The author is a fellow.\n\nBody comes last.",
        "The author is the only paragraph.",
    ] {
        assert_eq!(
            article_of(&page(BYLINE, body, "Key Words: x")).bio,
            None,
            "{body}"
        );
    }
}

#[test]
fn keyword_separators() {
    for line in [
        "Key Words:water   governance   Mara Quell  ",
        "Keywords: water, governance, Mara Quell",
        "keywords : water; governance;Mara Quell",
        "TAGS：water、governance，Mara Quell；",
        "Tags:\twater\tgovernance\u{a0}\u{a0}Mara Quell",
        "Key Words: water  , governance ,, Mara Quell, Water",
    ] {
        let (article, _) = read_ok(&page(BYLINE, "Body.", line));
        assert_eq!(
            article.keywords,
            ["water", "governance", "Mara Quell"],
            "{line}"
        );
    }
}

#[test]
fn keywords_on_the_line_after_the_label() {
    let (article, warnings) = read_ok(&page(BYLINE, "Body.", "Key Words:\nwater  governance"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(article.keywords, ["water", "governance"]);
}

#[test]
fn missing_keywords_line_is_a_warning() {
    let text =
        format!("A title\n\n{BYLINE}\n\nBody.\n\nRelated Articles\nAnother piece\nYet another\n");
    let (article, warnings) = read_ok(&text);
    assert!(article.keywords.is_empty());
    assert_eq!(body_texts(&article), ["Body."]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("no \"Key Words:\" line"),
        "{}",
        warnings[0]
    );
}

#[test]
fn summary_is_cut_at_a_word_boundary() {
    let long = "word ".repeat(100);
    let summary = article_of(&page(BYLINE, &long, "Key Words: x")).summary;
    assert!(summary.ends_with("word…"), "{summary}");
    assert!(summary.chars().count() <= 301);
    let chinese = "水".repeat(400);
    let summary = article_of(&page(BYLINE, &chinese, "Key Words: x")).summary;
    assert_eq!(summary, format!("{}…", "水".repeat(300)));
}

pub(super) const CHINESE: &str = "您现在的位置：首页 > 最新观点

陈晓岚：流域协定为何比创立者更长久

作者：陈晓岚　　来源：港湾评论　　发布时间：2021年4月12日

　　上下游城镇之间的协定，往往比签署它们的人
更长久。
　　原因并不复杂：协定为基层职员创造了日常工作。

（作者系三角洲政策中心高级研究员）

关键词：水资源、治理、陈晓岚

返回顶部
";

#[test]
fn chinese_page() {
    let read_chinese = || match read(Path::new("流域协定.txt"), CHINESE, &Options::default()) {
        Entry::Article {
            article, warnings, ..
        } => (article, warnings),
        other => panic!("{other:?}"),
    };
    let (article, warnings) = read_chinese();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(article.title, "流域协定为何比创立者更长久");
    assert_eq!(article.authors, ["陈晓岚"]);
    assert_eq!(article.source, "港湾评论");
    assert_eq!(article.published.to_string(), "2021-04-12");
    assert_eq!(article.language, "zh");
    assert_eq!(
        body_texts(&article),
        [
            "上下游城镇之间的协定，往往比签署它们的人更长久。",
            "原因并不复杂：协定为基层职员创造了日常工作。"
        ]
    );
    assert_eq!(
        article.bio.as_deref(),
        Some("作者系三角洲政策中心高级研究员")
    );
    assert_eq!(article.keywords, ["水资源", "治理", "陈晓岚"]);
    assert!(
        article.id.starts_with("article-") && article.id.len() == 16,
        "{}",
        article.id
    );
    assert_eq!(read_chinese().0.id, article.id, "the fallback id is stable");
}

#[test]
fn ids_come_from_the_stem_then_the_title() {
    let text = page(BYLINE, "Body.", "Key Words: x");
    let read_as = |name: &str| match read(Path::new(name), &text, &Options::default()) {
        Entry::Article { article, .. } => article.id,
        other => panic!("{other:?}"),
    };
    assert_eq!(read_as("2021-04-12-River Compacts.txt"), "river-compacts");
    assert_eq!(read_as("Saved Page.TXT"), "saved-page");
    assert_eq!(read_as("水.txt"), "a-title");
}

#[test]
fn language_defaults_unless_mostly_chinese() {
    let options = Options {
        default_language: "fr".to_string(),
        ..Options::default()
    };
    let text = page(BYLINE, "Du texte avec un mot 水.", "Key Words: x");
    match read_with(&text, &options) {
        Entry::Article { article, .. } => assert_eq!(article.language, "fr"),
        other => panic!("{other:?}"),
    }
}
