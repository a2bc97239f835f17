//! When the app starts: after the page's first paint. Every published page arrives with
//! its content as HTML, so the app's WebAssembly (most of a first visit's bytes) is asked
//! for once that content is on screen, instead of competing with it for a phone's
//! bandwidth. Trunk's start-up script fetches it as soon as the page is parsed and its
//! preload tag even earlier; this drops the preload and has the script wait one frame.

use super::content_policy::end_of_tag;

/// Trunk's start-up script (Trunk 0.21) fetches and starts the wasm at this statement.
const START: &str = "const wasm = await init(";
/// Marks the wait this module writes, so a republish does not write it twice.
const MARK: &str = "// Insight Explorer: start once the page's own content is painted";
/// A frame, then a task (a frame's callbacks run before its paint); a page out of sight
/// gets no frames, so it starts after a moment anyway.
const WAIT: &str =
    "await new Promise((go) => { requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 200); });";

/// The page with the app's start held until after the first paint, and without a
/// preload of its wasm. A page without Trunk's start-up script is left as it is.
pub fn after_first_paint(html: &str) -> String {
    let mut page = without_wasm_preload(html);
    if !page.contains(MARK) {
        if let Some(at) = page.find(START) {
            page.insert_str(at, &format!("{MARK}\n{WAIT}\n"));
        }
    }
    page
}

/// The page without `<link rel="preload">` tags for a wasm file.
fn without_wasm_preload(html: &str) -> String {
    let mut page = html.to_string();
    let mut from = 0;
    while let Some(found) = page[from..].find("<link") {
        let start = from + found;
        let Some(end) = end_of_tag(&page[start..], "<link").map(|end| start + end) else {
            break;
        };
        let tag = &page[start..end];
        if tag.contains("rel=\"preload\"") && tag.contains("application/wasm") {
            page.replace_range(start..end, "");
        } else {
            from = end;
        }
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The head Trunk 0.21 writes for the app, shortened.
    const BUILT: &str = "<head>\n<script type=\"module\">\nimport init, * as bindings from '/x.js';\nconst wasm = await init({ module_or_path: '/x_bg.wasm' });\n</script>\n  <link rel=\"modulepreload\" href=\"/x.js\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"/x_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\"></head>";

    #[test]
    fn the_app_starts_after_a_frame_and_its_wasm_is_not_preloaded() {
        let page = after_first_paint(BUILT);
        let wait = page.find(WAIT).expect(&page);
        assert!(wait < page.find(START).unwrap(), "{page}");
        assert!(!page.contains("x_bg.wasm\" crossorigin"), "{page}");
        assert!(
            page.contains(
                "<link rel=\"modulepreload\" href=\"/x.js\" crossorigin=\"anonymous\"></head>"
            ),
            "{page}"
        );
    }

    #[test]
    fn a_republish_leaves_it_as_it_is() {
        let once = after_first_paint(BUILT);
        assert_eq!(after_first_paint(&once), once);
    }

    #[test]
    fn a_page_without_the_start_up_script_is_unchanged() {
        let page = "<head><script type=\"module\">start()</script></head>";
        assert_eq!(after_first_paint(page), page);
    }
}
