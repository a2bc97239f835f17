//! Which link targets an article may carry: `http`, `https`, `mailto` and relative
//! addresses. Everything else (`javascript:`, `data:`, `vbscript:`, unknown schemes, and
//! disguised forms of them) is refused, both when a corpus is built and when it is shown.

/// The schemes an article link may use. Anything without a scheme is relative.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Returns the link target to use, trimmed, or `None` when it must not become a link.
///
/// Browsers strip tabs and newlines inside addresses and control characters around them,
/// so `java\tscript:` would still run script; any control character is refused outright.
/// A colon before the first `/`, `?` or `#` marks a scheme, and only the allowed schemes
/// pass, so `java script:` or `jav&#x61;script:` are refused rather than guessed at.
pub fn safe_href(href: &str) -> Option<&str> {
    let href = href.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
    if href.is_empty() || href.chars().any(|c| c.is_control()) || has_character_reference(href) {
        return None;
    }
    match scheme_of(href) {
        None => Some(href),
        Some(scheme)
            if ALLOWED_SCHEMES
                .iter()
                .any(|s| scheme.eq_ignore_ascii_case(s)) =>
        {
            Some(href)
        }
        Some(_) => None,
    }
}

/// Returns the address if it is an absolute `http` or `https` address (for an article's
/// original `url`), otherwise `None`.
pub fn safe_web_address(url: &str) -> Option<&str> {
    let url = safe_href(url)?;
    let scheme = scheme_of(url)?;
    (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")).then_some(url)
}

/// Whether the text holds an HTML character reference such as `&#x61;` or `&colon;`.
/// A corpus stores decoded text, so one left in a link target is a sign of an attempt to
/// smuggle a scheme past a check; no genuine address needs one.
fn has_character_reference(href: &str) -> bool {
    href.match_indices('&').any(|(at, _)| {
        let rest = &href[at + 1..];
        let name_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        name_len > 0 && rest[name_len..].starts_with(';')
    })
}

/// The text before a colon that comes ahead of any `/`, `?` or `#`.
fn scheme_of(href: &str) -> Option<&str> {
    let end = href.find([':', '/', '?', '#'])?;
    href[end..].starts_with(':').then(|| &href[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_web_mail_and_relative_links() {
        for href in [
            "https://example.org/a?b=c#d",
            "HTTP://example.org",
            "mailto:editor@example.org",
            "/articles/x",
            "other-page",
            "#section",
            "?kw=trade",
            "//example.org/path",
            "notes/a:b",
            "/search?a=1&b=2",
        ] {
            assert!(safe_href(href).is_some(), "{href} should be kept");
        }
        assert_eq!(
            safe_href("  https://example.org  "),
            Some("https://example.org")
        );
    }

    #[test]
    fn refuses_script_data_and_disguised_schemes() {
        for href in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "javascript\u{0}:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
            "jav&#x61;script:alert(1)",
            "javascript&colon;alert(1)",
            "java script:alert(1)",
            "file:///etc/passwd",
            "",
            "   ",
        ] {
            assert_eq!(safe_href(href), None, "{href:?} should be refused");
        }
    }

    /// What a browser's URL parser does before it reads a scheme: strips leading and
    /// trailing C0 controls and spaces, and removes every tab and newline.
    fn as_the_browser_reads_it(href: &str) -> String {
        href.trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .to_ascii_lowercase()
    }

    proptest::proptest! {
        /// Whatever pieces a link is made of, one that passes never reaches a script,
        /// data or unknown scheme once the browser has normalized it.
        #[test]
        fn no_kept_link_runs_script(
            pieces in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just("java".to_string()),
                proptest::strategy::Just("script".to_string()),
                proptest::strategy::Just("vb".to_string()),
                proptest::strategy::Just("data".to_string()),
                proptest::strategy::Just(":".to_string()),
                proptest::strategy::Just("&#58;".to_string()),
                proptest::strategy::Just("&colon;".to_string()),
                proptest::strategy::Just("%3A".to_string()),
                proptest::strategy::Just("/".to_string()),
                proptest::strategy::Just("https".to_string()),
                proptest::strategy::Just("\t".to_string()),
                proptest::strategy::Just("\n".to_string()),
                proptest::strategy::Just(" ".to_string()),
                proptest::strategy::Just("\u{0}".to_string()),
                proptest::strategy::Just("\u{a0}".to_string()),
                "[a-zA-Z]{1,3}",
                "\\PC{1,2}",
            ], 0..8)
        ) {
            let href = pieces.concat();
            if let Some(kept) = safe_href(&href) {
                let read = as_the_browser_reads_it(kept);
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    proptest::prop_assert!(!read.starts_with(scheme), "{href:?} kept as {kept:?}");
                }
                if let Some(colon) = read.find(':') {
                    let scheme = &read[..colon];
                    if !scheme.contains(['/', '?', '#']) {
                        proptest::prop_assert!(
                            ["http", "https", "mailto"].contains(&scheme),
                            "{href:?} kept with scheme {scheme:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn original_address_must_be_web() {
        assert!(safe_web_address("https://example.org/piece").is_some());
        assert!(safe_web_address("mailto:a@example.org").is_none());
        assert!(safe_web_address("/relative").is_none());
    }
}
