//! The Content-Security-Policy every published page carries, as a `<meta>` tag: the
//! browser's second line of defence should hostile article text ever reach the page as
//! markup. It allows the site's own files, WebAssembly compilation and, by hash, exactly
//! the inline start-up scripts the build emitted; nothing inline beyond those, no `eval`,
//! no other origin.

use base64::Engine;
use scraper::{Html, Selector};
use sha2::{Digest, Sha256};

/// The `http-equiv` value that marks the policy tag.
const META_NAME: &str = "Content-Security-Policy";

/// Every directive but `script-src`, whose hashes depend on the build.
///
/// - `connect-src 'self'`: the corpus, the search index and the wasm file (Trunk
///   preloads it with `fetch`); during `trunk serve`, its same-host reload socket.
/// - `img-src 'self'`: the favicon; article images are shown as links, never loaded.
/// - `require-trusted-types-for 'script'` with no policies: no string can ever be
///   assigned to `innerHTML` or similar sinks, by the app or by anything injected.
/// - `frame-ancestors` is left out: browsers ignore it in a `<meta>` tag (and warn).
const FIXED_DIRECTIVES: [&str; 9] = [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
];

/// The policy for a page whose inline scripts are `inline_scripts`.
pub fn policy(inline_scripts: &[String]) -> String {
    let mut script_src = vec![
        "'self'".to_string(),
        // Compiling the explorer's WebAssembly; it allows no JavaScript `eval`.
        "'wasm-unsafe-eval'".to_string(),
    ];
    for script in inline_scripts {
        let digest = Sha256::digest(script.as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        let source = format!("'sha256-{hash}'");
        if !script_src.contains(&source) {
            script_src.push(source);
        }
    }
    let mut directives = vec![FIXED_DIRECTIVES[0].to_string()];
    directives.push(format!("script-src {}", script_src.join(" ")));
    directives.extend(FIXED_DIRECTIVES[1..].iter().map(|d| d.to_string()));
    directives.join("; ")
}

/// The text of every inline `<script>` in the page, as the browser parses it (and so
/// as it hashes it).
pub fn inline_scripts(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse("script:not([src]):not([type=\"application/ld+json\"])")
        .expect("a valid selector");
    document
        .select(&selector)
        .map(|script| script.text().collect())
        .collect()
}

/// The page with its policy tag set (replacing any earlier one) right after the
/// character-set declaration, ahead of every script it governs.
pub fn with_policy(html: &str) -> Result<String, String> {
    let html = without_policy(html);
    let policy = policy(&inline_scripts(&html));
    let tag = format!("\n    <meta http-equiv=\"{META_NAME}\" content=\"{policy}\" />");
    let at = end_of_tag(&html, "<meta charset")
        .or_else(|| end_of_tag(&html, "<head"))
        .ok_or("it has no <head> element: is this the page Trunk built?")?;
    Ok(format!("{}{tag}{}", &html[..at], &html[at..]))
}

/// The page without a policy tag this module set before (so publishing twice is safe).
fn without_policy(html: &str) -> String {
    let marker = format!("<meta http-equiv=\"{META_NAME}\"");
    match (html.find(&marker), end_of_tag(html, &marker)) {
        (Some(start), Some(end)) => {
            let start = html[..start].trim_end_matches([' ', '\n']).len();
            format!("{}{}", &html[..start], &html[end..])
        }
        _ => html.to_string(),
    }
}

/// The position just past the `>` closing the first tag that starts with `opening`
/// (compared without regard to ASCII case).
pub(super) fn end_of_tag(html: &str, opening: &str) -> Option<usize> {
    let start = html
        .to_ascii_lowercase()
        .find(&opening.to_ascii_lowercase())?;
    let close = html[start..].find('>')?;
    Some(start + close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\" />\n    \
        <title>T</title>\n<script type=\"module\">\nimport init from '/app.js';\nawait init();\n</script>\n\
        <script src=\"/other.js\"></script>\n  </head>\n  <body></body>\n</html>\n";

    #[test]
    fn hashes_each_inline_script_as_the_browser_sees_it() {
        assert_eq!(
            inline_scripts(PAGE),
            vec!["\nimport init from '/app.js';\nawait init();\n".to_string()]
        );
        // sha256("alert(1)"), computed independently with `openssl dgst -sha256 -binary | base64`.
        let known = policy(&["alert(1)".to_string()]);
        assert!(
            known.contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{known}"
        );
    }

    #[test]
    fn allows_only_the_site_wasm_and_the_hashed_scripts() {
        let policy = policy(&inline_scripts(PAGE));
        assert!(
            policy.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
        );
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
        assert!(!policy.contains('*'));
        assert!(!policy.contains("http"));
    }

    #[test]
    fn puts_the_tag_before_any_script_and_replaces_an_earlier_one() {
        let once = with_policy(PAGE).unwrap();
        let tag = once.find("Content-Security-Policy").unwrap();
        assert!(tag < once.find("<script").unwrap());
        assert!(once.find("<meta charset").unwrap() < tag);
        assert_eq!(with_policy(&once).unwrap(), once);
        assert_eq!(once.matches("Content-Security-Policy").count(), 1);
    }

    #[test]
    fn a_page_without_head_is_an_error() {
        assert!(with_policy("just text").is_err());
    }
}
