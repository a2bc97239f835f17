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

    #[test]
    fn original_address_must_be_web() {
        assert!(safe_web_address("https://example.org/piece").is_some());
        assert!(safe_web_address("mailto:a@example.org").is_none());
        assert!(safe_web_address("/relative").is_none());
    }
}
